//! What a front end shows of a session, in one value: the page renders a [`Snapshot`] after any
//! change (a control, a frame, a host message), so no part of it is kept current by hand.

use super::{EventItem, Run, Session};
use crate::config::Config;
use crate::i18n::{Catalog, Msg};
use crate::record::TrialRecord;
use crate::result::{Results, SaidResult, Window};
use serde::Serialize;

/// Everything the page shows of a session at one moment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// How many runs the session has started: it changes when a new run starts (a reset, a
    /// preset, a link, a comparison begun or ended), so a front end knows to clear what belonged
    /// to the old run (messages under controls, a note on a live change).
    pub generation: u32,
    /// Finished trials of run A.
    pub trials: u32,
    /// Simulated time within the trial in progress, ms.
    pub time_in_trial_ms: f64,
    /// Whether two runs are compared.
    pub comparing: bool,
    /// While comparing, the runs' names (`["A: Loop strength 1", "B: 0.25"]`).
    pub run_names: Option<[String; 2]>,
    /// The preset the running experiment started from.
    pub preset: Option<&'static str>,
    /// Whether the next reset would run something else (changes wait for Reset).
    pub pending: bool,
    /// What each control shows: the run in focus's configuration at its next trial.
    pub shown: Config,
    /// The events of the run in focus, each saying whether it has applied.
    pub events: Vec<EventItem>,
    /// The status line: the last trial of each run, or why the run stopped.
    pub status: String,
    /// Why the run stopped, if it diverged.
    pub halted: Option<String>,
    /// The result: per window (the named ones, or the last trials run), each run's figures.
    pub results: Vec<Results>,
    /// The same, in the session's language: what the page, embeds and the live region say.
    pub said: Vec<SaidResult>,
    /// The named windows as a link writes them (`301-400`), if any.
    pub window: Option<String>,
    /// Links encoded so far (a link is encoded once per change, not per frame).
    pub link_encodes: u64,
}

/// What a figure says of the experiment it shows: a title and one line of settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Description {
    /// The preset's title, or "A custom experiment"; "A vs B" for a comparison.
    pub title: String,
    /// The seed, the trials run, every parameter that is not the default, the changes during the
    /// run, and run B's differences.
    pub settings: String,
}

/// A protocol's parameters that differ from the defaults (seed aside) and its changes, for
/// readers: "Rotation 30°, Reward binary, from trial 401: GPi off".
fn settings_of(p: &crate::Protocol, base: &crate::Protocol, words: &Catalog) -> Vec<String> {
    let mut out: Vec<String> = p
        .config
        .diff(&base.config)
        .into_iter()
        .filter(|(k, _)| *k != "seed")
        .map(|(k, v)| match crate::config::spec(k) {
            Some(s) => format!(
                "{} {}{}",
                words.text(&format!("param-{k}")),
                value_in(words, s, &v),
                words.unit_suffix(s.unit)
            ),
            None => format!("{k} {v}"),
        })
        .collect();
    out.extend(p.schedule.beyond(&base.schedule).iter().map(|e| {
        words.format(
            &Msg::new("figure-from-trial")
                .count("trial", e.trial)
                .text("change", e.description_in(words)),
        )
    }));
    out
}

/// A parameter's value as `words` writes it: a choice by its name (`binaire`), a number with the
/// language's decimal mark.
pub(crate) fn value_in(words: &Catalog, spec: &crate::ParamSpec, text: &str) -> String {
    match spec.domain {
        crate::schema::Domain::Choice { .. } => words.text(&format!("option-{text}")),
        _ => words.marked_between_digits(text),
    }
}

/// `x` with `decimals` decimals in the reader's way, or a dash if it is not a number.
fn fixed(words: &Catalog, x: f64, decimals: usize) -> String {
    if x.is_finite() {
        words.fixed(x, decimals)
    } else {
        "—".to_string()
    }
}

/// A trial's outcome: its error, reward and reach time (or that no reach was made).
fn outcome(words: &Catalog, r: &TrialRecord, id: &'static str) -> String {
    if !r.executed {
        return words.text("status-not-executed");
    }
    let reach = r
        .reach_ms
        .map_or_else(|| "—".to_string(), |ms| fixed(words, ms, 0));
    words.format(
        &Msg::new(id)
            .text("error", fixed(words, r.error_deg, 1))
            .text("reward", fixed(words, r.reward, 2))
            .text("reach", reach),
    )
}

/// A phase's name for people.
fn phase(words: &Catalog, p: crate::record::Phase) -> String {
    words.text(&format!("phase-{}", p.as_str()))
}

impl Session {
    /// Everything the page shows now.
    pub fn view(&self, words: &Catalog) -> Snapshot {
        let results = self.results();
        let said = results.iter().map(|r| r.said(words)).collect();
        Snapshot {
            generation: self.generation,
            trials: self.a.trials_done(),
            time_in_trial_ms: self.a.time_in_trial_ms(),
            comparing: self.b.is_some(),
            run_names: self.run_names(words),
            preset: self.running_preset,
            pending: self.has_pending_changes(),
            shown: self.shown_config(),
            events: self.events(words),
            status: self.status(words),
            halted: self
                .a
                .halted()
                .map(|d| crate::i18n::Said::said_in(d, words)),
            results,
            said,
            window: (!self.windows().is_empty()).then(|| Window::list_text(self.windows())),
            link_encodes: self.link_encodes(),
        }
    }

    /// The result as one paragraph in the session's language: a sentence per window.
    pub fn result_text(&self, words: &Catalog) -> String {
        self.results()
            .iter()
            .map(|r| r.said(words).sentence)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What a figure of this session says of it: its title, and the seed, trials and settings.
    pub fn description(&self, words: &Catalog) -> Description {
        let experiment = self.experiment();
        let mut title = match self.running_preset {
            Some(p) => words.text(&format!("preset-{p}")),
            None => words.text("figure-custom"),
        };
        if let Some(names) = self.run_names(words) {
            title = words.format(
                &Msg::new("figure-versus")
                    .text("title", title)
                    .text("a", names[0].clone())
                    .text("b", names[1].clone()),
            );
        }
        let trials = words.format(&Msg::new("figure-trials").count("n", self.a.trials_done()));
        let seed =
            words.format(&Msg::new("figure-seed").text("seed", self.a.config().seed.to_string()));
        let mut parts = vec![seed, trials];
        parts.extend(settings_of(
            &experiment.a,
            &crate::Protocol::default(),
            words,
        ));
        if let Some(b) = &experiment.b {
            let own = settings_of(b, &experiment.a, words);
            if !own.is_empty() {
                parts.push(super::compare::named(words, "B", own.join(", ")));
            }
        }
        Description {
            title,
            settings: parts.join(" · "),
        }
    }

    /// The status line: the last trial (of each run while comparing), or why the run stopped.
    pub fn status(&self, words: &Catalog) -> String {
        if let Some(why) = self.a.halted() {
            let why = crate::i18n::Said::said_in(why, words);
            return words.format(&Msg::new("status-stopped").text("why", why));
        }
        let Some(r) = self.a.history().last() else {
            let t = self.a.time_in_trial_ms();
            return if t > 0.0 {
                words.format(&Msg::new("status-first-trial").text("ms", fixed(words, t, 0)))
            } else {
                words.text("status-ready")
            };
        };
        if self.b.is_none() {
            return words.format(
                &Msg::new("status-trial")
                    .count("trial", r.trial)
                    .text("phase", phase(words, r.phase))
                    .text("outcome", outcome(words, r, "status-outcome")),
            );
        }
        // Fed from a worker, run B may be a few trials behind A: its latest trial is shown with
        // its number.
        let b = self
            .records_after(Run::B, r.trial.saturating_sub(1))
            .first()
            .or_else(|| self.records_after(Run::B, 0).last());
        let run = |name: &str, x: Option<&TrialRecord>| match x {
            Some(x) => super::compare::named(
                words,
                name,
                format!(
                    "{}, {}",
                    phase(words, x.phase),
                    outcome(words, x, "status-outcome-short")
                ),
            ),
            None => super::compare::named(words, name, "—".to_string()),
        };
        let b_name = match b {
            Some(b) if b.trial != r.trial => {
                words.format(&Msg::new("status-b-at").count("trial", b.trial))
            }
            _ => "B".to_string(),
        };
        words.format(
            &Msg::new("status-trial-both")
                .count("trial", r.trial)
                .text("a", run("A", Some(r)))
                .text("b", run(&b_name, b)),
        )
    }
}
