//! A sweep's outcomes reduced to means over seeds, and their text tables.

use super::{Measure, Outcome, Point};
use crate::regime::Regime;
use std::collections::{BTreeMap, HashMap};

/// A cell's values, its runs' (seed, measured value; NaN when it has none) and their regimes.
type Cell = (f64, Option<f64>, Vec<(u64, f64, bool)>, Vec<Regime>);

/// Mean and spread of the final |error| at each value, or each cell of a map (outcomes checked by
/// [`super::check_outcomes`]), in increasing order of the first value, then the second.
pub fn summarize(outcomes: &[Outcome]) -> Vec<Point> {
    summarize_by(outcomes, Measure::Error)
}

/// Mean and spread of `measure` at each value or cell, with the regimes of its runs (for
/// [`Measure::Regime`] the statistics are of the final |error|). A run without the measure (a
/// diverged run; a run with no reach to time) is left out of the statistics; `diverged` counts
/// the diverged ones.
pub fn summarize_by(outcomes: &[Outcome], measure: Measure) -> Vec<Point> {
    let number = if measure == Measure::Regime {
        Measure::Error
    } else {
        measure
    };
    // Cells by value (sorted as numbers), each with its runs: one pass, however large the map.
    let key = |v: f64| {
        let b = v.to_bits() as i64;
        b ^ (((b >> 63) as u64) >> 1) as i64
    };
    let mut cells: BTreeMap<(i64, i64), Cell> = BTreeMap::new();
    for o in outcomes {
        let cell = cells
            .entry((key(o.value), o.value2.map_or(i64::MIN, key)))
            .or_insert_with(|| (o.value, o.value2, Vec::new(), Vec::new()));
        cell.2.push((
            o.seed,
            number.value(o).unwrap_or(f64::NAN),
            o.diverged.is_some(),
        ));
        cell.3.extend(o.regime);
    }
    cells.into_values().map(point_of).collect()
}

/// A cell's point: the mean, spread and range of its runs' figures (seed by seed), the diverged
/// runs and the regimes.
fn point_of((v, w, mut runs, regimes): Cell) -> Point {
    // Seed by seed, whatever order the shards came in: the sums are then the same bits.
    runs.sort_by_key(|&(seed, _, _)| seed);
    let diverged = runs.iter().filter(|(_, _, d)| *d).count();
    let xs: Vec<f64> = runs
        .into_iter()
        .map(|(_, e, _)| e)
        .filter(|e| !e.is_nan())
        .collect();
    let regimes = count_regimes(&regimes);
    let n = xs.len();
    if n == 0 {
        return Point {
            value: v,
            value2: w,
            mean: 0.0,
            sd: 0.0,
            min: 0.0,
            max: 0.0,
            n,
            diverged,
            regimes,
        };
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n.max(2) - 1) as f64;
    Point {
        value: v,
        value2: w,
        mean,
        sd: if n > 1 { crate::math::sqrt(var) } else { 0.0 },
        min: xs.iter().copied().fold(f64::INFINITY, f64::min),
        max: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        n,
        diverged,
        regimes,
    }
}

/// Regimes with their counts, most common first (ties in legend order).
fn count_regimes(regimes: &[Regime]) -> Vec<(Regime, usize)> {
    let mut counts: Vec<(Regime, usize)> = Regime::ALL
        .iter()
        .map(|&r| (r, regimes.iter().filter(|&&x| x == r).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// A cell's regimes in words: `adapted`, or `adapted 2, never rewarded 1` when its seeds differ.
pub fn regimes_text(p: &Point) -> String {
    match p.regimes.as_slice() {
        [] => "—".to_string(),
        [(r, _)] => r.words().to_string(),
        many => many
            .iter()
            .map(|(r, n)| format!("{} {n}", r.words()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// How a swept value is written in a table: enough decimals to tell neighbouring values apart
/// (two more than the step needs), not the 16 digits of a value like 1.0833333333333335.
fn value_format(values: &[f64]) -> impl Fn(f64) -> String {
    let mut sorted: Vec<f64> = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let step = sorted
        .windows(2)
        .map(|w| (w[1] - w[0]).abs())
        .filter(|d| *d > 0.0)
        .fold(f64::INFINITY, f64::min);
    let decimals = if step.is_finite() {
        ((-step.log10()).ceil() as i64 + 2).clamp(0, 12) as usize
    } else {
        6
    };
    move |v: f64| {
        let t = format!("{v:.decimals$}");
        let t = if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            t
        };
        if t == "-0" {
            "0".to_string()
        } else {
            t
        }
    }
}

/// A one-parameter sweep's summary as an aligned text table, a row per value (a map's:
/// [`map_table`]).
pub fn table(param: &str, points: &[Point], measure: Measure) -> String {
    let values: Vec<f64> = points.iter().map(|p| p.value).collect();
    let shown = value_format(&values);
    if measure == Measure::Regime {
        let mut out = format!("{param:>20}  regime of each seed's run\n");
        for p in points {
            out.push_str(&format!("{:>20}  {}\n", shown(p.value), regimes_text(p)));
        }
        return out;
    }
    let d = measure.decimals();
    let mut out = format!(
        "{param:>20}  {}: mean ± SD   [min, max]   seeds\n",
        measure.header()
    );
    for p in points {
        let diverged = match p.diverged {
            0 => String::new(),
            k => format!("   ({k} diverged)"),
        };
        if p.n == 0 && p.diverged > 0 {
            out.push_str(&format!(
                "{:>20}  every run diverged{diverged}\n",
                shown(p.value)
            ));
            continue;
        }
        if p.n == 0 {
            out.push_str(&format!(
                "{:>20}  — (no run has this measure: no reach made, or an older file)\n",
                shown(p.value)
            ));
            continue;
        }
        out.push_str(&format!(
            "{:>20}  {:>8.d$} ± {:<6.d$} [{:.d$}, {:.d$}]   {}{diverged}\n",
            shown(p.value),
            p.mean,
            p.sd,
            p.min,
            p.max,
            p.n
        ));
    }
    out
}

/// A map's summary as a grid: a row per value of `param`, a column per value of `param2`, each
/// cell the mean final |error| over seeds (`—` for a cell with no run).
pub fn map_table(param: &str, param2: &str, points: &[Point], measure: Measure) -> String {
    let mut rows: Vec<f64> = points.iter().map(|p| p.value).collect();
    rows.dedup();
    let mut cols: Vec<f64> = points.iter().filter_map(|p| p.value2).collect();
    cols.sort_by(f64::total_cmp);
    cols.dedup();
    let (row_text, col_text) = (value_format(&rows), value_format(&cols));
    let cell: HashMap<(u64, u64), &Point> = points
        .iter()
        .filter_map(|p| Some(((p.value.to_bits(), p.value2?.to_bits()), p)))
        .collect();
    let any_diverged = points.iter().any(|p| p.diverged > 0);
    let seeds = points
        .iter()
        .map(|p| p.n.max(p.regimes.iter().map(|(_, k)| *k).sum::<usize>()) + p.diverged)
        .max()
        .unwrap_or(0);
    let what = match measure {
        Measure::Regime => "regime (of most seeds; * the seeds differ)".to_string(),
        m => format!("mean {}", m.header()),
    };
    let mut out = format!("{what} over {seeds} seeds; rows: {param}, columns: {param2}\n");
    let width = if measure == Measure::Regime { 18 } else { 8 };
    let d = measure.decimals();
    let corner = format!("{param} \\ {param2}");
    out.push_str(&format!("{corner:>24}"));
    for c in &cols {
        out.push_str(&format!(" {:>width$}", col_text(*c)));
    }
    out.push('\n');
    for r in &rows {
        out.push_str(&format!("{:>24}", row_text(*r)));
        for c in &cols {
            let text = match cell.get(&(r.to_bits(), c.to_bits())) {
                None => "—".to_string(),
                Some(p) if measure == Measure::Regime => match p.regime() {
                    None => "×".to_string(),
                    Some(k) if p.mixed() => format!("{}*", k.words()),
                    Some(k) => k.words().to_string(),
                },
                Some(p) if p.n == 0 && p.diverged > 0 => "×".to_string(),
                Some(p) if p.n == 0 => "—".to_string(),
                Some(p) if p.diverged > 0 => format!("{:.d$}†", p.mean),
                Some(p) => format!("{:.d$}", p.mean),
            };
            out.push_str(&format!(" {text:>width$}"));
        }
        out.push('\n');
    }
    if any_diverged {
        out.push_str("× every run of the cell diverged; † some did (left out of the mean)\n");
    }
    out
}

/// What one value or cell of a sweep says when a reader points at it: its runs' regimes and the
/// mean of every measure over them (each over the runs that have it).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CellFigures {
    /// Runs of the cell so far (diverged ones included).
    pub runs: usize,
    /// Runs that diverged.
    pub diverged: usize,
    /// Regimes with their counts, most common first.
    pub regimes: Vec<(Regime, usize)>,
    /// Mean final |error| and its SD over seeds, degrees.
    pub error: Option<(f64, f64)>,
    /// Mean fraction of reaches executed.
    pub executed: Option<f64>,
    /// Mean reward.
    pub reward: Option<f64>,
    /// Mean reach time, ms.
    pub reach_ms: Option<f64>,
    /// Mean trials to adapt (a run that never did counts its trials).
    pub adapt: Option<f64>,
    /// Runs that adapted at some point.
    pub adapted_runs: usize,
}

/// The figures of the cell at `value` (and `value2`, in a map) of `outcomes`; `None` if it has no
/// run yet.
pub fn cell(outcomes: &[Outcome], value: f64, value2: Option<f64>) -> Option<CellFigures> {
    let mut runs: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| {
            o.value.to_bits() == value.to_bits()
                && o.value2.map(f64::to_bits) == value2.map(f64::to_bits)
        })
        .collect();
    if runs.is_empty() {
        return None;
    }
    runs.sort_by_key(|o| o.seed);
    let mean_of = |m: Measure| {
        let xs: Vec<f64> = runs.iter().filter_map(|o| m.value(o)).collect();
        (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
    };
    let errors: Vec<f64> = runs
        .iter()
        .filter_map(|o| Measure::Error.value(o))
        .collect();
    let error = mean_of(Measure::Error).map(|m| {
        let n = errors.len();
        let var = errors.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n.max(2) - 1) as f64;
        (m, if n > 1 { crate::math::sqrt(var) } else { 0.0 })
    });
    let regimes: Vec<Regime> = runs.iter().filter_map(|o| o.regime).collect();
    Some(CellFigures {
        runs: runs.len(),
        diverged: runs.iter().filter(|o| o.diverged.is_some()).count(),
        regimes: count_regimes(&regimes),
        error,
        executed: mean_of(Measure::Executed),
        reward: mean_of(Measure::Reward),
        reach_ms: mean_of(Measure::Reach),
        adapt: mean_of(Measure::Adapt),
        adapted_runs: runs.iter().filter(|o| o.adapt_trials.is_some()).count(),
    })
}
