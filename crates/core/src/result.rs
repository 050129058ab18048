//! The result of a run. A lesson is a mean over a window of trials, never one trial (a single
//! reach is noise): [`over`] computes, once, what every surface states — the mean |error| and its
//! spread, the reward rate, the fraction of reaches made and their mean reach time — for the page,
//! embeds, the live region, figures, `bgloop run --summary` and the tests.
//!
//! A window is the last [`LAST`] trials run, or any `from–to` range a link (`window=301-400`), a
//! tour step or an activity names. Where a window holds too few trials to mean anything, or has not
//! been reached, the result says so instead of a number.

use crate::i18n::{Catalog, Msg};
use crate::record::TrialRecord;
use crate::schema::ParamError;
use serde::Serialize;

/// The default window: the last this many trials run.
pub const LAST: u32 = 50;
/// Fewest trials a result is computed over: below this a mean is noise, and the result says so.
pub const MIN_TRIALS: u32 = 10;
/// Most windows one link may name.
pub const MAX_WINDOWS: usize = 4;

/// A range of trials, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Window {
    /// The first trial.
    pub from: u32,
    /// The last trial.
    pub to: u32,
}

impl Window {
    /// The last [`LAST`] trials of `done` (all of them while fewer have run).
    pub fn last(done: u32) -> Window {
        Window {
            from: done.saturating_sub(LAST - 1).max(1),
            to: done.max(1),
        }
    }

    /// How many trials it spans.
    pub fn len(self) -> u32 {
        self.to - self.from + 1
    }

    /// Whether it spans no trial (never: both ends are included).
    pub fn is_empty(self) -> bool {
        false
    }

    /// The window as a link writes it: `301-400`.
    pub fn link_text(self) -> String {
        format!("{}-{}", self.from, self.to)
    }

    /// Whether trial `n` is in it.
    pub fn holds(self, n: u32) -> bool {
        (self.from..=self.to).contains(&n)
    }

    /// Reads a link's `key` value: one to [`MAX_WINDOWS`] ranges `FROM-TO` (an en dash also does),
    /// comma-separated, each within trials 1–`last`. Errors name the field, the value and what is
    /// allowed, in every language.
    pub fn parse_list(key: &str, text: &str, last: u32) -> Result<Vec<Window>, ParamError> {
        let parts: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return Err(refused("error-window-form", key, text, last));
        }
        if parts.len() > MAX_WINDOWS {
            return Err(ParamError::localized(
                key,
                Msg::new("error-window-count")
                    .text("field", key)
                    .count("count", parts.len() as i64)
                    .count("max", MAX_WINDOWS as i64),
            ));
        }
        parts.iter().map(|p| Window::parse(key, p, last)).collect()
    }

    /// One range `FROM-TO` within trials 1–`last`.
    fn parse(key: &str, text: &str, last: u32) -> Result<Window, ParamError> {
        let (from, to) = text
            .split_once(['-', '–'])
            .and_then(|(a, b)| Some((a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?)))
            .ok_or_else(|| refused("error-window-form", key, text, last))?;
        if from == 0 || to == 0 || from.max(to) > last {
            return Err(refused("error-window-form", key, text, last));
        }
        if from > to {
            return Err(ParamError::localized(
                key,
                Msg::new("error-window-reversed")
                    .text("field", key)
                    .text("value", quoted(text))
                    .text("turned", Window { from: to, to: from }.link_text()),
            ));
        }
        Ok(Window { from, to })
    }

    /// The windows as a link writes them: `351-400,601-700`.
    pub fn list_text(windows: &[Window]) -> String {
        windows
            .iter()
            .map(|w| w.link_text())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A window's value as an error quotes it.
fn quoted(value: &str) -> String {
    format!("{:?}", crate::format::short(value, crate::format::QUOTED))
}

/// A malformed window: the field, the value, the form and the largest trial.
fn refused(id: &'static str, key: &str, value: &str, last: u32) -> ParamError {
    ParamError::localized(
        key,
        Msg::new(id)
            .text("field", key)
            .text("value", quoted(value))
            .count("max", i64::from(last)),
    )
}

/// How much of its window a result covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Every trial of the window has run: the figures are the window's.
    Complete,
    /// The run is inside the window: the figures cover its trials so far.
    Partial,
    /// Fewer than [`MIN_TRIALS`] trials of the window have run (or the window is shorter than
    /// that): no figure is given.
    TooShort,
    /// The run has not reached the window.
    NotReached,
    /// Part of the window's trials are no longer kept (a run longer than the history kept):
    /// the figures cover those that are.
    Forgotten,
}

/// A measure's mean and spread over the trials of a window.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Spread {
    /// The mean.
    pub mean: f64,
    /// The standard deviation (of the sample: n − 1).
    pub sd: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

impl Spread {
    /// Of `xs` (not empty). The mean sums in order, as the sweeps always have.
    fn of(xs: &[f64]) -> Spread {
        let n = xs.len().max(1) as f64;
        let mean = xs.iter().sum::<f64>() / n;
        let var = if xs.len() > 1 {
            xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        Spread {
            mean,
            sd: var.sqrt(),
            min: xs.iter().copied().fold(f64::INFINITY, f64::min),
            max: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// What a window's trials measured.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// |error| of every trial (reaches made or not), degrees.
    pub error_deg: Spread,
    /// Mean reward, 0–1 (the fraction of rewarded reaches when reward is binary).
    pub reward: f64,
    /// Fraction of reaches made (the hand covered the target distance).
    pub executed: f64,
    /// Mean reach time of the reaches made, ms (`None`: no reach was made).
    pub reach_ms: Option<f64>,
    /// How many reaches were made.
    pub reaches: u32,
}

/// One run's result over one window.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct RunResult {
    /// The window asked for.
    pub window: Window,
    /// How much of it is covered.
    pub standing: Standing,
    /// The trials the figures cover (`None` when none has run).
    pub covered: Option<Window>,
    /// How many trials of the window have run and are kept.
    pub trials: u32,
    /// The run's last finished trial.
    pub done: u32,
    /// The figures (`None` when [`Standing::TooShort`] or [`Standing::NotReached`]).
    pub figures: Option<Figures>,
}

/// `records` (a run's history, in trial order) measured over `window`.
pub fn over(records: &[TrialRecord], window: Window) -> RunResult {
    let done = records.last().map_or(0, |r| r.trial);
    let start = records.partition_point(|r| r.trial < window.from);
    let end = records.partition_point(|r| r.trial <= window.to);
    let inside = &records[start..end.max(start)];
    let trials = inside.len() as u32;
    let covered = inside.first().zip(inside.last()).map(|(a, b)| Window {
        from: a.trial,
        to: b.trial,
    });
    let standing = if trials == 0 && done < window.from {
        Standing::NotReached
    } else if trials < MIN_TRIALS {
        Standing::TooShort
    } else if done < window.to {
        Standing::Partial
    } else if trials < window.len() {
        Standing::Forgotten
    } else {
        Standing::Complete
    };
    let figures = matches!(
        standing,
        Standing::Complete | Standing::Partial | Standing::Forgotten
    )
    .then(|| figures_of(inside));
    RunResult {
        window,
        standing,
        covered,
        trials,
        done,
        figures,
    }
}

/// The figures of `records` (not empty).
fn figures_of(records: &[TrialRecord]) -> Figures {
    let n = records.len().max(1) as f64;
    let errors: Vec<f64> = records.iter().map(|r| r.error_deg.abs()).collect();
    let times: Vec<f64> = records.iter().filter_map(|r| r.reach_ms).collect();
    let made = records.iter().filter(|r| r.executed).count();
    Figures {
        error_deg: Spread::of(&errors),
        reward: records.iter().map(|r| r.reward).sum::<f64>() / n,
        executed: made as f64 / n,
        reach_ms: (!times.is_empty()).then(|| times.iter().sum::<f64>() / times.len() as f64),
        reaches: made as u32,
    }
}

/// The learning curve of `records` as `points` means of |error| over equal blocks of the trials
/// run (fewer points when fewer trials have run), each block's result by [`over`]; `None` where a
/// block's trials are not kept. What "Listen" plays.
pub fn curve(records: &[TrialRecord], points: u32) -> Vec<Option<f64>> {
    let done = records.last().map_or(0, |r| r.trial);
    let first = records.first().map_or(1, |r| r.trial);
    let points = points.clamp(1, 1000).min(done.saturating_sub(first) + 1);
    if done == 0 {
        return Vec::new();
    }
    let span = done - first + 1;
    (0..points)
        .map(|k| {
            let from = first + span * k / points;
            let to = first + span * (k + 1) / points - 1;
            let r = over(
                records,
                Window {
                    from,
                    to: to.max(from),
                },
            );
            let inside = &records[records.partition_point(|x| x.trial < from)
                ..records.partition_point(|x| x.trial <= to.max(from))];
            r.figures
                .map(|f| f.error_deg.mean)
                .or_else(|| (!inside.is_empty()).then(|| figures_of(inside).error_deg.mean))
        })
        .collect()
}

/// A window's result for each run of a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    /// The window.
    pub window: Window,
    /// Whether a link, step or activity named it (else it is the last [`LAST`] trials).
    pub named: bool,
    /// Run A's result.
    pub a: RunResult,
    /// Run B's, while comparing.
    pub b: Option<RunResult>,
}

/// A result in a reader's language: a heading for the window, a line per run, and the whole as
/// one sentence (for the live region, a view's text alternative and `bgloop run --summary`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SaidResult {
    /// "Last 50 trials (251–300)", "Trials 301–400".
    pub heading: String,
    /// Each run's name (`A`, `B`; empty for a single run) and its figures, or why there are none.
    pub runs: Vec<(String, String)>,
    /// The heading and every run in one sentence.
    pub sentence: String,
    /// A run's line at its widest in this language (every number at its widest): a front end
    /// reserves room for it, so the result never changes height while it plays.
    pub widest: String,
}

impl Results {
    /// Over `window` of `a` (and `b`), named or the default.
    pub fn of(window: Window, named: bool, a: &[TrialRecord], b: Option<&[TrialRecord]>) -> Self {
        Results {
            window,
            named,
            a: over(a, window),
            b: b.map(|b| over(b, window)),
        }
    }

    /// The result in `words`' language.
    pub fn said(&self, words: &Catalog) -> SaidResult {
        let w = self.window;
        let heading = if self.named {
            words.format(
                &Msg::new("result-window")
                    .count("from", i64::from(w.from))
                    .count("to", i64::from(w.to)),
            )
        } else {
            words.format(
                &Msg::new("result-last")
                    .count("n", i64::from(w.len()))
                    .count("from", i64::from(w.from))
                    .count("to", i64::from(w.to)),
            )
        };
        let mut runs = vec![(
            if self.b.is_some() { "A" } else { "" }.to_string(),
            run_line(words, &self.a),
        )];
        if let Some(b) = &self.b {
            runs.push(("B".to_string(), run_line(words, b)));
        }
        let parts: Vec<String> = runs
            .iter()
            .map(|(name, line)| {
                if name.is_empty() {
                    line.clone()
                } else {
                    words.format(&Msg::new("result-run").text("run", name).text("line", line))
                }
            })
            .collect();
        let sentence = words.format(
            &Msg::new("result-sentence")
                .text("heading", heading.clone())
                .text("runs", parts.join(&words.text("result-joiner"))),
        );
        SaidResult {
            heading,
            runs,
            sentence,
            widest: widest_line(words, w),
        }
    }
}

/// Figures with every number at its widest: 188.8° ± 188.8°, 100 %, 1888 ms.
const WIDEST: Figures = Figures {
    error_deg: Spread {
        mean: 178.8,
        sd: 178.8,
        min: 0.0,
        max: 180.0,
    },
    reward: 1.0,
    executed: 1.0,
    reach_ms: Some(1888.0),
    reaches: 0,
};

/// The widest line a run of `window` can show in `words`' language: figures with every number
/// at its widest, or a window not reached or too short, whichever is longest.
fn widest_line(words: &Catalog, window: Window) -> String {
    let far = Window {
        from: window.from.max(100_000),
        to: window.to.max(100_000),
    };
    let candidates = [
        figures_line(words, &WIDEST, Standing::Partial, Some(far)),
        run_line(words, &over(&[], far)),
        words.format(
            &Msg::new("result-too-short")
                .count("n", i64::from(MIN_TRIALS - 1))
                .count("min", i64::from(MIN_TRIALS)),
        ),
    ];
    candidates
        .into_iter()
        .max_by_key(|s| s.chars().count())
        .unwrap_or_default()
}

/// A run's line: its figures, or why there are none.
fn run_line(words: &Catalog, r: &RunResult) -> String {
    match (r.figures, r.standing) {
        (Some(f), standing) => figures_line(words, &f, standing, r.covered),
        (None, Standing::NotReached) => words.format(
            &Msg::new("result-not-reached")
                .count("from", i64::from(r.window.from))
                .count("done", i64::from(r.done)),
        ),
        (None, _) => words.format(
            &Msg::new("result-too-short")
                .count("n", i64::from(r.trials))
                .count("min", i64::from(MIN_TRIALS)),
        ),
    }
}

/// The figures as a line; a partial window says which trials it covers so far.
fn figures_line(
    words: &Catalog,
    f: &Figures,
    standing: Standing,
    covered: Option<Window>,
) -> String {
    let percent = |x: f64| words.fixed(100.0 * x, 0);
    let reach = match f.reach_ms {
        Some(ms) => words.format(&Msg::new("result-reach").text("ms", words.fixed(ms, 0))),
        None => words.text("result-no-reach"),
    };
    let line = words.format(
        &Msg::new("result-figures")
            .text("error", words.fixed(f.error_deg.mean, 1))
            .text("sd", words.fixed(f.error_deg.sd, 1))
            .text("reward", percent(f.reward))
            .text("executed", percent(f.executed))
            .text("reach", reach),
    );
    match (standing, covered) {
        (Standing::Partial | Standing::Forgotten, Some(c)) => words.format(
            &Msg::new("result-so-far")
                .text("line", line)
                .count("from", i64::from(c.from))
                .count("to", i64::from(c.to)),
        ),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(errors: &[f64]) -> Vec<TrialRecord> {
        errors
            .iter()
            .enumerate()
            .map(|(i, &e)| TrialRecord {
                trial: i as u32 + 1,
                error_deg: e,
                reward: if e.abs() < 10.0 { 1.0 } else { 0.0 },
                executed: i % 4 != 3,
                reach_ms: (i % 4 != 3).then_some(100.0 + i as f64),
                ..TrialRecord::default()
            })
            .collect()
    }

    #[test]
    fn the_figures_are_the_window_s_and_nothing_else() {
        let mut errors = vec![30.0; 100];
        for (i, e) in errors.iter_mut().enumerate().skip(60).take(20) {
            *e = if i % 2 == 0 { -4.0 } else { 6.0 };
        }
        let rs = records(&errors);
        let r = over(&rs, Window { from: 61, to: 80 });
        assert_eq!(r.standing, Standing::Complete);
        assert_eq!(r.trials, 20);
        let f = r.figures.expect("figures");
        assert!((f.error_deg.mean - 5.0).abs() < 1e-12);
        assert_eq!((f.error_deg.min, f.error_deg.max), (4.0, 6.0));
        // Sample SD of ten 4s and ten 6s: sqrt(20 / 19).
        assert!((f.error_deg.sd - (20.0f64 / 19.0).sqrt()).abs() < 1e-12);
        assert_eq!(f.reward, 1.0);
        assert_eq!(f.reaches, 15);
        assert!((f.executed - 0.75).abs() < 1e-12);
        let times: Vec<f64> = (60..80)
            .filter(|i| i % 4 != 3)
            .map(|i| 100.0 + i as f64)
            .collect();
        let want = times.iter().sum::<f64>() / times.len() as f64;
        assert_eq!(f.reach_ms, Some(want));
    }

    #[test]
    fn a_window_not_reached_too_short_or_partial_says_so() {
        let rs = records(&[20.0; 30]);
        assert_eq!(
            over(&rs, Window { from: 31, to: 60 }).standing,
            Standing::NotReached
        );
        assert!(over(&rs, Window { from: 31, to: 60 }).figures.is_none());
        let short = over(&rs, Window { from: 25, to: 60 });
        assert_eq!((short.standing, short.trials), (Standing::TooShort, 6));
        assert!(short.figures.is_none());
        let tiny = over(&rs, Window { from: 1, to: 5 });
        assert_eq!(tiny.standing, Standing::TooShort);
        let partial = over(&rs, Window { from: 11, to: 60 });
        assert_eq!(partial.standing, Standing::Partial);
        assert_eq!(partial.covered, Some(Window { from: 11, to: 30 }));
        // Trials dropped from memory: what is kept is measured, and it says so.
        let kept = &rs[20..];
        assert_eq!(
            over(kept, Window { from: 1, to: 30 }).standing,
            Standing::Forgotten
        );
    }

    #[test]
    fn the_curve_is_the_mean_error_over_equal_blocks() {
        let errors: Vec<f64> = (0..100).map(|i| 30.0 - 0.3 * f64::from(i)).collect();
        let rs = records(&errors);
        let c = curve(&rs, 4);
        assert_eq!(c.len(), 4);
        let mean = |a: usize, b: usize| errors[a..b].iter().sum::<f64>() / (b - a) as f64;
        for (k, x) in c.iter().enumerate() {
            let want = mean(25 * k, 25 * (k + 1));
            assert!((x.expect("a block") - want).abs() < 1e-9, "block {k}");
        }
        // Fewer trials than points: one point a trial.
        assert_eq!(curve(&rs[..3], 60).len(), 3);
        assert!(curve(&[], 60).is_empty());
    }

    #[test]
    fn the_default_window_is_the_last_fifty_trials_run() {
        assert_eq!(Window::last(300), Window { from: 251, to: 300 });
        assert_eq!(Window::last(20), Window { from: 1, to: 20 });
        assert_eq!(Window::last(0), Window { from: 1, to: 1 });
    }

    #[test]
    fn a_link_s_windows_are_read_and_refused_with_the_field_and_the_range() {
        assert_eq!(
            Window::parse_list("window", "351-400, 601–700", 1000).ok(),
            Some(vec![
                Window { from: 351, to: 400 },
                Window { from: 601, to: 700 }
            ])
        );
        for (bad, says) in [
            ("400-301", "301-400"),
            ("abc", "1–1000"),
            ("0-10", "1–1000"),
            ("1-2000", "1–1000"),
            ("", "1–1000"),
            ("1-2,3-4,5-6,7-8,9-10", "at most 4"),
        ] {
            let e = Window::parse_list("window", bad, 1000).expect_err(bad);
            assert_eq!(e.key, "window");
            assert!(e.message.contains("`window`"), "{}", e.message);
            assert!(e.message.contains(says), "{bad}: {}", e.message);
        }
    }

    #[test]
    fn a_result_is_said_with_its_window_and_each_run() {
        let a = records(&[5.0; 60]);
        let b = records(&[30.0; 60]);
        let said = Results::of(Window::last(60), false, &a, Some(&b)).said(Catalog::english());
        assert!(said.heading.contains("11–60"), "{}", said.heading);
        assert_eq!(said.runs.len(), 2);
        assert!(said.runs[0].1.contains("5.0°"), "{}", said.runs[0].1);
        assert!(said.runs[1].1.contains("30.0°"), "{}", said.runs[1].1);
        assert!(said.sentence.contains("5.0°") && said.sentence.contains("30.0°"));
        let none =
            Results::of(Window { from: 100, to: 150 }, true, &a, None).said(Catalog::english());
        assert!(none.sentence.contains("not reached"), "{}", none.sentence);
    }
}
