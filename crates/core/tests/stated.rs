//! The figures the tour's steps and the teacher's activities state are the result the page shows
//! at their end — the session's one computation over the windows their texts name — on seeds 1–8.
//! The figures and windows are read from the texts themselves (the English catalog and
//! docs/teaching.md), never copied here: change a text's range and this test reads the new one.
//!
//! A stated figure is a clause such as "over trials 601–700 A's mean |error| is under 8°",
//! "B's mean reach time is 165–220 ms" or "both runs make every reach": the window is the last
//! "trials X–Y" before it, the run the last one named ("A", "B", "both runs"), the measure its unit
//! (° the mean |error|, ms the mean reach time, "every reach" the reaches made).

use bgloop_core::i18n::Catalog;
use bgloop_core::result::{Results, Standing, Window};
use bgloop_core::session::Session;
use bgloop_core::{permalink, tour};

/// Which run a figure is about.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    A,
    B,
    Both,
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Measure {
    Error,
    Reach,
    Executed,
}

/// One stated figure: over `window`, `who`'s `measure` lies in `low..=high` (whole units as
/// written: a range "3–7°" holds a mean that rounds into it), or under `high` when `under`.
#[derive(Clone, Debug, PartialEq)]
struct Stated {
    window: Window,
    who: Who,
    measure: Measure,
    low: f64,
    high: f64,
    under: bool,
    clause: String,
}

/// The number at the start of `s` (digits and one point), and the rest.
fn number(s: &str) -> Option<(f64, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let x = s[..end].trim_end_matches('.').parse().ok()?;
    Some((x, &s[end..]))
}

/// The unit after a figure: ° is an error, ms a reach time.
fn unit(rest: &str) -> Option<Measure> {
    let rest = rest.trim_start();
    if rest.starts_with('°') {
        Some(Measure::Error)
    } else if rest.starts_with("ms") {
        Some(Measure::Reach)
    } else {
        None
    }
}

/// The run a clause names last, if any: "A's", "run A", "for A", "both runs".
fn who_in(clause: &str) -> Option<Who> {
    if clause.contains("both runs") {
        return Some(Who::Both);
    }
    let mut who = None;
    for word in clause.split(|c: char| c.is_whitespace() || "(),".contains(c)) {
        match word.trim_end_matches("'s").trim_end_matches('\'') {
            "A" => who = Some(Who::A),
            "B" => who = Some(Who::B),
            _ => {}
        }
    }
    who
}

/// Every figure `text` states, with its window and run.
fn stated(text: &str) -> Vec<Stated> {
    let mut out = Vec::new();
    let mut window: Option<Window> = None;
    let mut who: Option<Who> = None;
    for clause in text.split(". ").flat_map(|s| s.split([';', ',', ':'])) {
        // A window: "trials X–Y".
        let mut rest = clause;
        while let Some(i) = rest.find("trials ") {
            rest = &rest[i + "trials ".len()..];
            if let Some((from, after)) = number(rest) {
                if let Some((to, _)) = after.strip_prefix('–').and_then(number) {
                    window = Some(Window {
                        from: from as u32,
                        to: to as u32,
                    });
                }
            }
        }
        who = who_in(clause).or(who);
        let mut found = |measure, low, high, under| {
            out.push(Stated {
                window: window.unwrap_or_else(|| {
                    panic!("a figure without its window: {clause:?} in {text:?}")
                }),
                who: who.unwrap_or_else(|| panic!("a figure without its run: {clause:?}")),
                measure,
                low,
                high,
                under,
                clause: clause.trim().to_string(),
            })
        };
        if clause
            .trim()
            .trim_end_matches(['.', ')'])
            .ends_with("every reach")
        {
            found(Measure::Executed, 1.0, 1.0, false);
        }
        // Ranges "N–M°" / "N–M ms" (not "trials N–M" or "seeds N–M"), and "under N°".
        for (i, _) in clause.match_indices('–') {
            let before = &clause[..i];
            let start = before
                .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map_or(0, |k| k + 1);
            let word = before[..start].trim_end();
            if word.ends_with("trials") || word.ends_with("seeds") {
                continue;
            }
            let (Some((low, _)), Some((high, after))) = (
                number(&before[start..]),
                number(&clause[i + '–'.len_utf8()..]),
            ) else {
                continue;
            };
            if let Some(m) = unit(after) {
                found(m, low, high, false);
            }
        }
        for (i, _) in clause.match_indices("under ") {
            if let Some((x, after)) = number(&clause[i + "under ".len()..]) {
                if let Some(m) = unit(after) {
                    found(m, 0.0, x, true);
                }
            }
        }
    }
    out
}

/// The windows a link names (`window=`).
fn windows_of(link: &str) -> Vec<Window> {
    permalink::decode(link)
        .view
        .iter()
        .find(|(k, _)| k == "window")
        .and_then(|(k, v)| Window::parse_list(k, v, 100_000).ok())
        .unwrap_or_default()
}

/// Runs `link` on `seed` for `trials` trials as the page does; the result it shows.
fn result(link: &str, seed: u64, trials: u32) -> Vec<Results> {
    let mut session = Session::new(std::iter::empty::<(&str, f64)>()).expect("defaults");
    let decoded = session.open_permalink(link).expect("the link opens");
    assert!(
        decoded.rejected.is_empty(),
        "{link}: {:?}",
        decoded.rejected
    );
    session.reset(Some(seed as f64)).expect("a seed");
    session.run_trials(f64::from(trials)).expect("finite");
    session.results()
}

/// Checks every figure `text` states against the result of `link` run `trials` trials on seeds
/// 1–8; returns how many figures it checked.
fn check(name: &str, text: &str, link: &str, trials: u32) -> usize {
    let figures = stated(text);
    if figures.is_empty() {
        return 0;
    }
    let named = windows_of(link);
    let mut text_windows: Vec<Window> = figures.iter().map(|f| f.window).collect();
    text_windows.dedup();
    for w in &text_windows {
        assert!(
            named.contains(w),
            "{name}: the text states trials {}–{} but the link shows only {named:?}",
            w.from,
            w.to
        );
    }
    for seed in 1..=8 {
        let results = result(link, seed, trials);
        for f in &figures {
            let r = results
                .iter()
                .find(|r| r.window == f.window)
                .expect("the window is in the result");
            let runs = match f.who {
                Who::A => vec![("A", r.a)],
                Who::B => vec![("B", r.b.expect("a comparison"))],
                Who::Both => vec![("A", r.a), ("B", r.b.expect("a comparison"))],
            };
            for (run, rr) in runs {
                assert_eq!(rr.standing, Standing::Complete, "{name}: {}", f.clause);
                let fig = rr.figures.expect("figures");
                let x = match f.measure {
                    Measure::Error => fig.error_deg.mean,
                    Measure::Reach => fig.reach_ms.unwrap_or(f64::NAN),
                    Measure::Executed => fig.executed,
                };
                let ok = if f.under {
                    x < f.high
                } else if f.measure == Measure::Executed {
                    x == 1.0
                } else {
                    (f.low - 0.5..f.high + 0.5).contains(&x)
                };
                assert!(
                    ok,
                    "{name}, seed {seed}, run {run}, trials {}–{}: {x:.2} is not what \"{}\" states",
                    f.window.from, f.window.to, f.clause
                );
            }
        }
    }
    figures.len()
}

#[test]
fn the_parser_reads_windows_runs_and_ranges() {
    let s = stated("Over trials 351–400 both runs' mean |error| is under 6°. Over trials 601–700 A's mean |error| is under 8°; B's is 17–23°; B makes every reach, at 165–220 ms (seeds 1–8).");
    let short: Vec<(u32, Who, Measure, f64, f64, bool)> = s
        .iter()
        .map(|f| (f.window.from, f.who, f.measure, f.low, f.high, f.under))
        .collect();
    assert_eq!(
        short,
        vec![
            (351, Who::Both, Measure::Error, 0.0, 6.0, true),
            (601, Who::A, Measure::Error, 0.0, 8.0, true),
            (601, Who::B, Measure::Error, 17.0, 23.0, false),
            (601, Who::B, Measure::Executed, 1.0, 1.0, false),
            (601, Who::B, Measure::Reach, 165.0, 220.0, false),
        ]
    );
}

#[test]
fn tour_steps_state_the_result_their_links_show_on_seeds_1_to_8() {
    let words = Catalog::english();
    let steps = tour::builtin().steps;
    let mut checked = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let text = words.attr(&format!("tour-step-{}", i + 1), "text");
        let n = check(
            &format!("tour step {}", i + 1),
            &text,
            &step.link,
            step.trials,
        );
        if n > 0 {
            checked.push(i + 1);
        }
    }
    // Steps 9 and 10 state figures over windows (the others state what one trial shows).
    assert!(
        checked.contains(&9) && checked.contains(&10),
        "steps with stated figures: {checked:?}"
    );
}

#[test]
fn the_teacher_s_activities_state_the_result_their_links_show_on_seeds_1_to_8() {
    let page = include_str!("../../../docs/teaching.md");
    let mut activities = 0;
    for section in page.split("\n## ").skip(1) {
        let Some(at) = section.find("](../index.html#") else {
            continue;
        };
        let link = section[at + "](../index.html".len()..]
            .split(')')
            .next()
            .unwrap_or_default();
        let to: u32 = windows_to(link);
        // The answer key's paragraphs are quoted (`> `) in the kit's text.
        let shows = section
            .split("\n\n")
            .map(|p| p.replace("\n> ", " ").replace('\n', " "))
            .find(|p| p.starts_with("> What the model shows"))
            .unwrap_or_else(|| panic!("an activity without what it shows: {link}"));
        let n = check(&format!("activity {}", activities + 1), &shows, link, to);
        assert!(n >= 3, "activity {}: {n} figures", activities + 1);
        activities += 1;
    }
    assert_eq!(activities, 3);
}

/// A link's end trial (`to=`).
fn windows_to(link: &str) -> u32 {
    permalink::decode(link)
        .view
        .iter()
        .find(|(k, _)| k == "to")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or_else(|| panic!("{link} carries its end trial (to=)"))
}

/// The numbers a number-bearing pattern finds in `text` (panics naming the pattern if absent).
fn numbers_after(text: &str, before: &str, count: usize) -> Vec<f64> {
    let at = text
        .find(before)
        .unwrap_or_else(|| panic!("{before:?} not in {text:?}"));
    let mut rest = &text[at + before.len()..];
    let mut out = Vec::new();
    while out.len() < count {
        let start = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or_else(|| panic!("{count} numbers after {before:?} in {text:?}"));
        rest = &rest[start..];
        let (x, after) = number(rest).expect("a number");
        out.push(x);
        rest = after;
    }
    out
}

/// A comparison preset's runs A and B on `seed` for `trials` trials.
fn pair(
    name: &str,
    seed: u64,
    trials: u32,
) -> (Vec<bgloop_core::TrialRecord>, Vec<bgloop_core::TrialRecord>) {
    let base = bgloop_core::Config {
        seed,
        ..bgloop_core::Config::default()
    };
    let e = bgloop_core::presets::preset(name)
        .expect("preset")
        .experiment_over(base)
        .expect("valid");
    let run = |p: &bgloop_core::Protocol| {
        let mut sim = p.simulation().expect("valid");
        sim.run_trials(trials).expect("finite");
        sim.history().to_vec()
    };
    (run(&e.a), run(&e.b.expect("a comparison")))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// The dopamine presets' paragraphs state the half-step times of the 20° step at trial 401
/// (medians of the seeds they name) and the reach-time ratio; the runs give them. The numbers are
/// read from the English texts, so a changed text is checked as written.
#[test]
fn the_dopamine_presets_state_the_half_step_times_and_reach_slowing_their_runs_show() {
    use bgloop_core::regime::half_step_time;
    let watch = |name: &str| {
        bgloop_core::presets::preset(name)
            .expect("preset")
            .watch_in(bgloop_core::i18n::Catalog::english())
    };
    let parkinson = &watch("dopamine-loss");
    let tonic = &watch("tonic-dopamine");
    let [b, a] = numbers_after(parkinson, "half the step is learned in ", 2)[..] else {
        unreachable!()
    };
    let [from, to] = numbers_after(parkinson, "medians of seeds ", 2)[..] else {
        unreachable!()
    };
    let [low, high] = numbers_after(parkinson, "reaches become slower (", 2)[..] else {
        unreachable!()
    };
    let only = numbers_after(tonic, "half the step in ", 1)[0];
    let lost = numbers_after(tonic, ") against ", 1)[0];
    let half =
        |r: &[bgloop_core::TrialRecord]| half_step_time(r, 401, 20.0).map_or(300.0, f64::from);
    let reach = |r: &[bgloop_core::TrialRecord]| {
        let v: Vec<f64> = r
            .iter()
            .filter(|r| (301..=400).contains(&r.trial))
            .filter_map(|r| r.reach_ms)
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    let (mut ha, mut hb, mut ht) = (Vec::new(), Vec::new(), Vec::new());
    for seed in from as u64..=to as u64 {
        let (ra, rb) = pair("dopamine-loss", seed, 700);
        let ratio = reach(&rb) / reach(&ra);
        assert!(
            (low - 0.05..high + 0.05).contains(&ratio),
            "seed {seed}: reach time B / A {ratio:.2}, the text says {low}–{high}×"
        );
        ha.push(half(&ra));
        hb.push(half(&rb));
        ht.push(half(&pair("tonic-dopamine", seed, 700).1));
    }
    let (ma, mb, mt) = (median(ha), median(hb), median(ht));
    assert_eq!(
        (mb.round(), ma.round()),
        (b, a),
        "Parkinson's: B {mb} vs A {ma}"
    );
    assert_eq!(
        (mt.round(), mb.round()),
        (only, lost),
        "tonic only {mt} vs {mb}"
    );
    assert!(
        mb > mt && mb > ma,
        "the teaching signal's loss slows learning"
    );
}
