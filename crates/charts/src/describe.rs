//! The views in words: each view's text alternative (what it shows now, in numbers) and its data
//! table, in the reader's language, read from what the view draws — the runs' records, the
//! session's result (its one computation, over blocks of trials for the learning curve) and the
//! rings of the trial. A screen-reader user hears what a sighted reader sees.

use bgloop_core::i18n::{Catalog, Msg};
use bgloop_core::result::{self, RunResult, Window};
use bgloop_core::session::Session;
use bgloop_core::{Population, Simulation, Trace, TrialRecord};
use serde::Serialize;

/// A data table: a caption, the column heads and the rows, every cell as text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    /// What the table holds.
    pub caption: String,
    /// The column heads.
    pub head: Vec<String>,
    /// The rows, each a cell per head.
    pub rows: Vec<Vec<String>>,
}

/// One view in words: its text alternative and its data table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Described {
    /// What the view shows now, in numbers (a canvas's accessible name).
    pub label: String,
    /// The numbers behind it.
    pub table: Table,
}

/// The four views in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Descriptions {
    /// The reach view: the last reach of each run.
    pub reach: Described,
    /// The learning view: the result over its window, and the curve in blocks of trials.
    pub learning: Described,
    /// The circuit view: each population now against rest.
    pub circuit: Described,
    /// The activity view: each population over the trial.
    pub activity: Described,
}

/// How many of the last reaches the reach view's table lists per run.
pub const LAST_REACHES: usize = 10;
/// At most this many blocks of trials in the learning view's table.
pub const MAX_BLOCKS: u32 = 12;
/// A population whose change from rest, over the largest change in the trial, is smaller than
/// this is "near rest" (the circuit view's colours are then pale).
pub const NEAR_REST: f64 = 0.15;

/// The four views of `session` in `words`' language.
pub fn describe(session: &Session, words: &Catalog) -> Descriptions {
    let runs = runs_of(session);
    Descriptions {
        reach: reach(words, &runs),
        learning: learning(session, words, &runs),
        circuit: circuit(words, session.sim()),
        activity: activity(words, session.sim().trace()),
    }
}

/// The session's runs with their names (`""` alone, `A` and `B` compared).
fn runs_of(session: &Session) -> Vec<(&'static str, &Simulation)> {
    match session.sim_b() {
        Some(b) => vec![("A", session.sim()), ("B", b)],
        None => vec![("", session.sim())],
    }
}

/// `line` named for its run (`A: …`), or as it is for a single run.
fn named(words: &Catalog, run: &str, line: String) -> String {
    if run.is_empty() {
        line
    } else {
        words.format(&Msg::new("result-run").text("run", run).text("line", line))
    }
}

fn fixed(words: &Catalog, x: f64, decimals: usize) -> String {
    if x.is_finite() {
        words.fixed(x, decimals)
    } else {
        "—".to_string()
    }
}

fn reach(words: &Catalog, runs: &[(&str, &Simulation)]) -> Described {
    let mut said = Vec::new();
    let mut rows = Vec::new();
    for &(run, sim) in runs {
        let history = sim.history();
        if let Some(r) = history.last() {
            said.push(named(words, run, reach_line(words, r)));
        }
        for r in &history[history.len().saturating_sub(LAST_REACHES)..] {
            rows.push(vec![
                run.to_string(),
                r.trial.to_string(),
                fixed(words, r.target_deg, 0),
                fixed(words, r.hand_deg, 1),
                fixed(words, r.cursor_deg, 1),
                fixed(words, r.error_deg, 1),
                fixed(words, r.reward, 2),
                r.reach_ms
                    .map_or_else(|| words.text("table-no-reach"), |ms| fixed(words, ms, 0)),
            ]);
        }
    }
    let label = if said.is_empty() {
        words.format(&Msg::new("alt-reach").text("runs", words.text("alt-none")))
    } else {
        words.format(&Msg::new("alt-reach").text("runs", said.join("; ")))
    };
    Described {
        label,
        table: Table {
            caption: words.format(&Msg::new("table-caption-reach").count("n", LAST_REACHES as i64)),
            head: heads(
                words,
                &[
                    "table-run",
                    "table-trial",
                    "table-target",
                    "table-hand",
                    "table-cursor",
                    "table-error",
                    "table-reward",
                    "table-reach",
                ],
            ),
            rows,
        },
    }
}

/// One reach in words: where it went and what it earned, or that it was not made.
fn reach_line(words: &Catalog, r: &TrialRecord) -> String {
    if !r.executed {
        return words.format(
            &Msg::new("alt-reach-missed")
                .count("trial", i64::from(r.trial))
                .text("target", fixed(words, r.target_deg, 0)),
        );
    }
    words.format(
        &Msg::new("alt-reach-run")
            .count("trial", i64::from(r.trial))
            .text("target", fixed(words, r.target_deg, 0))
            .text("hand", fixed(words, r.hand_deg, 1))
            .text("cursor", fixed(words, r.cursor_deg, 1))
            .text("error", fixed(words, r.error_deg, 1))
            .text("reward", fixed(words, r.reward, 2))
            .text(
                "reach",
                r.reach_ms
                    .map_or_else(|| "—".into(), |ms| fixed(words, ms, 0)),
            ),
    )
}

fn heads(words: &Catalog, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| words.text(id)).collect()
}

/// The block size of the learning table for `done` trials: a multiple of 10, at least
/// [`result::MIN_TRIALS`], so that at most [`MAX_BLOCKS`] blocks cover the run.
pub fn block_size(done: u32) -> u32 {
    let per = done.div_ceil(MAX_BLOCKS).max(result::MIN_TRIALS);
    per.div_ceil(10) * 10
}

fn learning(session: &Session, words: &Catalog, runs: &[(&str, &Simulation)]) -> Described {
    let done = session.sim().trials_done();
    let label = if done == 0 {
        words.format(&Msg::new("alt-learning-none"))
    } else {
        words.format(
            &Msg::new("alt-learning")
                .count("trials", i64::from(done))
                .text("result", session.result_text(words)),
        )
    };
    let size = block_size(done);
    let mut rows = Vec::new();
    let mut from = 1;
    while from <= done {
        let window = Window {
            from,
            to: from.saturating_add(size - 1).min(done),
        };
        for &(run, sim) in runs {
            rows.push(block_row(words, run, &result::over(sim.history(), window)));
        }
        match window.to.checked_add(1) {
            Some(next) => from = next,
            None => break,
        }
    }
    Described {
        label,
        table: Table {
            caption: words.format(&Msg::new("table-caption-learning").count("n", i64::from(size))),
            head: heads(
                words,
                &[
                    "table-trials",
                    "table-run",
                    "table-mean-error",
                    "table-sd",
                    "table-reward-rate",
                    "table-executed",
                    "table-reach",
                ],
            ),
            rows,
        },
    }
}

/// A block of the learning curve: its trials, run and figures ("—" where too few trials).
fn block_row(words: &Catalog, run: &str, r: &RunResult) -> Vec<String> {
    let trials = format!("{}–{}", r.window.from, r.window.to);
    let dash = || "—".to_string();
    match r.figures {
        Some(f) => vec![
            trials,
            run.to_string(),
            fixed(words, f.error_deg.mean, 1),
            fixed(words, f.error_deg.sd, 1),
            fixed(words, 100.0 * f.reward, 0),
            fixed(words, 100.0 * f.executed, 0),
            f.reach_ms.map_or_else(dash, |ms| fixed(words, ms, 0)),
        ],
        None => vec![
            trials,
            run.to_string(),
            dash(),
            dash(),
            dash(),
            dash(),
            dash(),
        ],
    }
}

/// A population's mean rate over its ring at sample `k`.
fn ring_mean(trace: &Trace, k: usize, p: Population) -> f64 {
    let r = trace.ring(k, p);
    r.iter().map(|&v| f64::from(v)).sum::<f64>() / r.len().max(1) as f64
}

/// Whether a change from rest, over the largest change in the trial, is above, below or near rest.
fn state(change: f64) -> &'static str {
    if change >= NEAR_REST {
        "above"
    } else if change <= -NEAR_REST {
        "below"
    } else {
        "near"
    }
}

/// The populations in each state, listed in the reader's words.
fn by_state(words: &Catalog, states: &[(Population, &'static str)]) -> [String; 3] {
    ["above", "below", "near"].map(|s| {
        let names: Vec<String> = states
            .iter()
            .filter(|(_, st)| *st == s)
            .map(|(p, _)| words.text(&format!("population-{}", p.key())))
            .collect();
        if names.is_empty() {
            words.text("alt-none-listed")
        } else {
            names.join(", ")
        }
    })
}

/// Each population's rest (first sample), the trial's samples and the largest change from rest.
struct Rings {
    rest: f64,
    means: Vec<f64>,
    span: f64,
}

fn rings(trace: &Trace, p: Population) -> Rings {
    let means: Vec<f64> = (0..trace.len()).map(|k| ring_mean(trace, k, p)).collect();
    let rest = means.first().copied().unwrap_or(0.0);
    let span = means.iter().map(|m| (m - rest).abs()).fold(0.02, f64::max);
    Rings { rest, means, span }
}

/// A row per population: its name, the cells `cells` gives from its rings, and its state (above,
/// below or near rest) from the change `cells` returns first; with each population's state.
type PopulationRows = (Vec<(Population, &'static str)>, Vec<Vec<String>>);

fn per_population(
    words: &Catalog,
    trace: &Trace,
    cells: impl Fn(&Rings) -> (f64, Vec<String>),
) -> PopulationRows {
    let mut states = Vec::new();
    let mut rows = Vec::new();
    for p in Population::ALL {
        let (change, numbers) = cells(&rings(trace, p));
        let st = state(change);
        states.push((p, st));
        let mut row = vec![words.text(&format!("population-{}", p.key()))];
        row.extend(numbers);
        row.push(words.text(&format!("table-{st}")));
        rows.push(row);
    }
    (states, rows)
}

fn circuit(words: &Catalog, sim: &Simulation) -> Described {
    let trace = sim.trace();
    let config = sim.in_force();
    let caption = words.text("table-caption-circuit");
    let head = heads(
        words,
        &[
            "table-population",
            "table-rest",
            "table-now",
            "table-change",
            "table-state",
        ],
    );
    if !trace.has_rings() || trace.is_empty() {
        return nothing(words, "alt-circuit-none", caption, head);
    }
    let (states, rows) = per_population(words, trace, |r| {
        let now = r.means.last().copied().unwrap_or(r.rest);
        (
            (now - r.rest) / r.span,
            vec![
                fixed(words, r.rest, 3),
                fixed(words, now, 3),
                fixed(words, now - r.rest, 3),
            ],
        )
    });
    let [above, below, near] = by_state(words, &states);
    let ms = trace.time_ms.last().map_or(0.0, |&t| f64::from(t));
    let phase = if ms >= config.go_ms {
        "chart-reaching"
    } else {
        "chart-planning"
    };
    let label = words.format(
        &Msg::new("alt-circuit")
            .count("trial", i64::from(trace.trial))
            .text(
                "when",
                words.format(&Msg::new(phase).text("ms", fixed(words, ms, 0))),
            )
            .text("above", above)
            .text("below", below)
            .text("near", near)
            .text("lambda", words.number(config.loop_strength))
            .text("da", words.number(config.dopamine))
            .text("kappa", words.number(config.gpi_output)),
    );
    Described {
        label,
        table: Table {
            caption,
            head,
            rows,
        },
    }
}

/// A view with nothing recorded yet: it says so, and its table has no rows.
fn nothing(words: &Catalog, id: &'static str, caption: String, head: Vec<String>) -> Described {
    Described {
        label: words.text(id),
        table: Table {
            caption,
            head,
            rows: Vec::new(),
        },
    }
}

fn activity(words: &Catalog, trace: &Trace) -> Described {
    let caption = words.text("table-caption-activity");
    let head = heads(
        words,
        &[
            "table-population",
            "table-rest",
            "table-mean",
            "table-peak",
            "table-peak-at",
            "table-state",
        ],
    );
    if !trace.has_rings() || trace.is_empty() {
        return nothing(words, "alt-activity-none", caption, head);
    }
    let (states, rows) = per_population(words, trace, |r| {
        let mean = r.means.iter().sum::<f64>() / r.means.len().max(1) as f64;
        let (k, peak) =
            r.means
                .iter()
                .copied()
                .enumerate()
                .fold((0, f64::NEG_INFINITY), |best, (k, m)| {
                    if m > best.1 {
                        (k, m)
                    } else {
                        best
                    }
                });
        let at = trace.time_ms.get(k).map_or(f64::NAN, |&t| f64::from(t));
        (
            (mean - r.rest) / r.span,
            vec![
                fixed(words, r.rest, 3),
                fixed(words, mean, 3),
                fixed(words, peak, 3),
                fixed(words, at, 0),
            ],
        )
    });
    let [above, below, near] = by_state(words, &states);
    let last = trace.time_ms.last().map_or(0.0, |&t| f64::from(t));
    let label = words.format(
        &Msg::new("alt-activity")
            .count("trial", i64::from(trace.trial))
            .text("ms", fixed(words, last, 0))
            .text("above", above)
            .text("below", below)
            .text("near", near),
    );
    Described {
        label,
        table: Table {
            caption,
            head,
            rows,
        },
    }
}

/// A sweep in words: the map's (or curve's) text alternative — what it shows, how many cells are
/// computed and, for the regime map, how many cells fall in each regime — and its data table, a
/// row per value of `param` and a column per value of `param2` (one column for a curve), each
/// cell the measure's mean over seeds or the regime of most seeds (`*` when they differ).
pub fn sweep(
    words: &Catalog,
    (param, values): (&str, &[f64]),
    second: Option<(&str, &[f64])>,
    points: &[bgloop_core::sweep::Point],
    measure: bgloop_core::sweep::Measure,
) -> Described {
    use bgloop_core::sweep::Measure;
    let what = words.text(&format!("measure-{}", measure.key()));
    let cell_text = |p: &bgloop_core::sweep::Point| match (measure, p.regime()) {
        (Measure::Regime, Some(r)) => {
            let name = words.text(&format!("regime-{}", r.key()));
            if p.mixed() {
                format!("{name} *")
            } else {
                name
            }
        }
        _ if p.n == 0 && p.diverged > 0 => words.text("chart-diverged"),
        _ if p.n == 0 => "—".to_string(),
        (Measure::Executed, _) => format!("{}%", words.number((100.0 * p.mean).round())),
        (Measure::Reward, _) => words.number((p.mean * 100.0).round() / 100.0),
        (Measure::Error, _) | (Measure::Regime, _) => {
            format!("{}°", words.number((p.mean * 10.0).round() / 10.0))
        }
        _ => words.number(p.mean.round()),
    };
    let find = |x: f64, y: Option<f64>| {
        points.iter().find(|p| {
            p.value.to_bits() == x.to_bits() && p.value2.map(f64::to_bits) == y.map(f64::to_bits)
        })
    };
    let shown = |v: f64| words.number((v * 1000.0).round() / 1000.0);
    let pending = words.text("sweep-cell-pending");
    let (head, rows): (Vec<String>, Vec<Vec<String>>) =
        match second {
            Some((param2, values2)) => (
                std::iter::once(format!("{param} \\ {param2}"))
                    .chain(values2.iter().map(|&y| shown(y)))
                    .collect(),
                values
                    .iter()
                    .map(|&x| {
                        std::iter::once(shown(x))
                            .chain(values2.iter().map(|&y| {
                                find(x, Some(y)).map_or_else(|| pending.clone(), cell_text)
                            }))
                            .collect()
                    })
                    .collect(),
            ),
            None => (
                vec![param.to_string(), what.clone()],
                values
                    .iter()
                    .map(|&x| {
                        vec![
                            shown(x),
                            find(x, None).map_or_else(|| pending.clone(), cell_text),
                        ]
                    })
                    .collect(),
            ),
        };
    let cells = values.len() * second.map_or(1, |(_, v)| v.len());
    let computed = points.len().min(cells);
    let mut label = words.format(
        &Msg::new("sweep-described")
            .text("measure", what.clone())
            .text("param", param.to_string())
            .text(
                "param2",
                second.map_or_else(|| "none".to_string(), |(p, _)| p.to_string()),
            )
            .count("done", computed as i64)
            .count("cells", cells as i64),
    );
    if measure == Measure::Regime {
        let counts: Vec<String> = bgloop_core::regime::Regime::ALL
            .iter()
            .filter_map(|&r| {
                let n = points.iter().filter(|p| p.regime() == Some(r)).count();
                (n > 0).then(|| format!("{} {n}", words.text(&format!("regime-{}", r.key()))))
            })
            .collect();
        if !counts.is_empty() {
            label.push_str(&format!(" {}.", counts.join(", ")));
        }
    }
    Described {
        label,
        table: Table {
            caption: words.format(&Msg::new("sweep-table-caption").text("measure", what)),
            head,
            rows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(link: &str, trials: f64) -> Session {
        let mut s = Session::new(std::iter::empty::<(&str, f64)>()).expect("defaults");
        s.record_traces(2.0, true).expect("traces");
        s.open_permalink(link).expect("a link");
        s.run_trials(trials).expect("finite");
        s
    }

    #[test]
    fn the_learning_view_says_the_result_and_its_table_is_the_curve_in_blocks() {
        let s = session("preset=strong-vs-weak&seed=2", 120.0);
        let d = describe(&s, Catalog::english());
        assert!(
            d.learning
                .label
                .contains(&s.result_text(Catalog::english())),
            "{}",
            d.learning.label
        );
        assert_eq!(block_size(120), 10);
        assert_eq!(block_size(300), 30);
        assert_eq!(block_size(5), 10);
        // 12 blocks of 10 trials, A and B each.
        assert_eq!(d.learning.table.rows.len(), 24);
        let first_a = &d.learning.table.rows[0];
        assert_eq!((first_a[0].as_str(), first_a[1].as_str()), ("1–10", "A"));
        // Each block's mean is the result over it (the one computation).
        let want = result::over(s.sim().history(), Window { from: 111, to: 120 })
            .figures
            .expect("figures")
            .error_deg
            .mean;
        assert_eq!(d.learning.table.rows[22][2], format!("{want:.1}"));
        assert_eq!(d.learning.table.head.len(), d.learning.table.rows[0].len());
    }

    #[test]
    fn the_reach_view_says_each_run_s_last_reach() {
        let s = session("preset=strong-vs-weak&seed=2", 30.0);
        let d = describe(&s, Catalog::english());
        let a = s.sim().history().last().expect("a trial");
        assert!(
            d.reach.label.contains(&format!("trial {}", a.trial)),
            "{}",
            d.reach.label
        );
        assert!(
            d.reach
                .label
                .contains(&format!("error {:.1}°", a.error_deg)),
            "{}",
            d.reach.label
        );
        assert!(d.reach.label.contains("A: ") && d.reach.label.contains("B: "));
        assert_eq!(d.reach.table.rows.len(), 2 * LAST_REACHES);
    }

    #[test]
    fn the_circuit_and_activity_say_which_populations_are_above_or_below_rest_from_the_rings() {
        let s = session("preset=rotation&seed=1&gpi_output=0", 1.0);
        let d = describe(&s, Catalog::english());
        assert_eq!(d.circuit.table.rows.len(), 5);
        assert!(
            d.circuit.label.contains("GPi output κ 0"),
            "{}",
            d.circuit.label
        );
        // The cortex holds the reach plan: above rest at the end of the reach.
        let cortex = &d.circuit.table.rows[0];
        assert_eq!(
            (cortex[0].as_str(), cortex[4].as_str()),
            ("Cortex", "above rest")
        );
        for row in &d.circuit.table.rows {
            let change: f64 = row[3].parse().expect("a number");
            let now: f64 = row[2].parse().expect("a number");
            let rest: f64 = row[1].parse().expect("a number");
            assert!((now - rest - change).abs() < 2e-3, "{row:?}");
            match row[4].as_str() {
                "above rest" => assert!(change > 0.0, "{row:?}"),
                "below rest" => assert!(change < 0.0, "{row:?}"),
                _ => {}
            }
            // The sentence lists the population under its state.
            let state = row[4].split(' ').next().unwrap_or_default();
            let heading = match state {
                "above" => "Above rest: ",
                "below" => "Below rest: ",
                _ => "Near rest: ",
            };
            let listed = d
                .circuit
                .label
                .split(heading)
                .nth(1)
                .and_then(|r| r.split('.').next());
            assert!(
                listed.is_some_and(|l| l.contains(&row[0])),
                "{} in {}",
                row[0],
                d.circuit.label
            );
        }
        assert!(
            d.activity.label.contains("Above rest on average: Cortex"),
            "{}",
            d.activity.label
        );
        let none = describe(
            &Session::new(std::iter::empty::<(&str, f64)>()).expect("defaults"),
            Catalog::english(),
        );
        assert!(none.circuit.table.rows.is_empty());
    }
}
