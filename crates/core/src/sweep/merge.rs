//! Merging shards: outcomes gathered from several files are checked against each other (one
//! sweep, each run once, values in range) and against their grid (every cell, every seed, no value
//! off the grid) before they are summarised.

use super::{values_of, Grid, Outcome};
use crate::format::num;
use crate::schema::{Domain, Input};

/// The parameter pair of an outcome, as text for messages: `loop_strength` or
/// `loop_strength × dopamine`.
fn params(o: &Outcome) -> String {
    match &o.param2 {
        Some(p2) => format!("{} × {p2}", o.param),
        None => o.param.clone(),
    }
}

/// A run's place for messages: `` `loop_strength` = 0.5 `` (and `, `dopamine` = 1` in a map).
fn place(o: &Outcome) -> String {
    match (&o.param2, o.value2) {
        (Some(p2), Some(v2)) => format!("`{}` = {}, `{p2}` = {}", o.param, num(o.value), num(v2)),
        _ => format!("`{}` = {}", o.param, num(o.value)),
    }
}

/// A grid as text: `0.25:1.5:6 × 3 seeds` (with ` by 0.5:1.5:5` in a map).
fn grid_text(g: &Grid) -> String {
    let second = g
        .second
        .map(|a| format!(" by {}:{}:{}", num(a.from), num(a.to), a.count))
        .unwrap_or_default();
    format!(
        "{}:{}:{}{second} × {} seeds",
        num(g.from),
        num(g.to),
        g.count,
        g.seeds
    )
}

/// `g` without this outcome's indices: the sweep it belongs to.
fn sweep_of(g: Grid) -> Grid {
    Grid {
        index: 0,
        second: g.second.map(|a| super::GridAxis { index: 0, ..a }),
        ..g
    }
}

/// A grid read from a file is checked before anything is sized by it: 1–200 values per
/// parameter, 1–100 seeds, at most [`super::MAX_RUNS`] runs.
fn check_size(grid: &Grid) -> Result<(), String> {
    let count2 = grid.second.map_or(1, |a| a.count);
    let runs = u64::from(grid.count) * u64::from(count2) * u64::from(grid.seeds);
    if grid.count == 0
        || grid.count > super::MAX_VALUES
        || count2 == 0
        || count2 > super::MAX_VALUES
        || grid.seeds == 0
        || grid.seeds > super::MAX_SEEDS
        || runs > u64::from(super::MAX_RUNS)
    {
        return Err(format!(
            "the sweep {} is not one bgloop makes (1–{} values per parameter, 1–{} seeds, at most {} runs)",
            grid_text(grid),
            super::MAX_VALUES,
            super::MAX_SEEDS,
            super::MAX_RUNS
        ));
    }
    Ok(())
}

/// One experiment, one model: shards of another preset, another `--set`, or another version of
/// bgloop are refused, however alike their grids.
fn one_experiment(outcomes: &[Outcome]) -> Result<(), String> {
    let Some(first) = outcomes.first() else {
        return Ok(());
    };
    match outcomes.iter().find(|o| o.experiment != first.experiment) {
        None => Ok(()),
        Some(o) => {
            let say =
                |e: &Option<String>| e.clone().unwrap_or_else(|| "none (an older file)".into());
            Err(format!(
                "results of two experiments cannot be merged: {} was run on experiment {} and {} on {} (same preset, settings and bgloop version are needed)",
                place(first),
                say(&first.experiment),
                place(o),
                say(&o.experiment)
            ))
        }
    }
}

/// Outcomes without a grid (files of older versions) must still make a whole table: every value
/// (and every second value, in a map) with the same seeds. A missing row or cell is named.
fn check_rectangle(outcomes: &[Outcome]) -> Result<(), String> {
    use std::collections::BTreeSet;
    let values: BTreeSet<u64> = outcomes.iter().map(|o| o.value.to_bits()).collect();
    let values2: BTreeSet<Option<u64>> = outcomes
        .iter()
        .map(|o| o.value2.map(f64::to_bits))
        .collect();
    let seeds: BTreeSet<u64> = outcomes.iter().map(|o| o.seed).collect();
    let have: BTreeSet<(u64, Option<u64>, u64)> = outcomes
        .iter()
        .map(|o| (o.value.to_bits(), o.value2.map(f64::to_bits), o.seed))
        .collect();
    for &v in &values {
        for &w in &values2 {
            for &seed in &seeds {
                if !have.contains(&(v, w, seed)) {
                    let o = Outcome {
                        value: f64::from_bits(v),
                        value2: w.map(f64::from_bits),
                        ..outcomes[0].clone()
                    };
                    return Err(format!(
                        "the run {}, seed {seed} is missing: the results do not make a whole sweep (is a shard missing?)",
                        place(&o)
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Checks that outcomes merged from shards make up whole sweeps: every outcome carries the same
/// grid, each value is exactly its grid value (a value off the grid is refused), and every cell
/// has every seed (a missing shard is named). Outcomes without a grid (older files) are not
/// checked; a mix of the two is refused.
pub fn check_complete(outcomes: &[Outcome]) -> Result<(), String> {
    if outcomes.is_empty() {
        return Err("no sweep results to merge: the files are empty".into());
    }
    let with = outcomes.iter().filter(|o| o.grid.is_some()).count();
    if with == 0 {
        return check_rectangle(outcomes);
    }
    if with != outcomes.len() {
        return Err("some results carry their sweep's grid and some do not: merge shards written by one version of bgloop".into());
    }
    let first = &outcomes[0];
    one_experiment(outcomes)?;
    let Some(grid) = first.grid.map(sweep_of) else {
        return Ok(());
    };
    check_size(&grid)?;
    let values = values_of(grid.from, grid.to, grid.count);
    let values2 = grid
        .second
        .map_or_else(|| vec![f64::NAN], |a| values_of(a.from, a.to, a.count));
    let have = runs_present(outcomes, &grid, &values, &values2)?;
    report_missing(outcomes, &grid, (&values, &values2), &have)
}

/// Which runs of `grid` the outcomes hold, `[value][value2][seed - 1]`; an outcome of another
/// sweep, off the grid or of a seed beyond it is refused.
fn runs_present(
    outcomes: &[Outcome],
    grid: &Grid,
    values: &[f64],
    values2: &[f64],
) -> Result<Vec<Vec<Vec<bool>>>, String> {
    let grid = *grid;
    let mut have = vec![vec![vec![false; grid.seeds as usize]; values2.len()]; values.len()];
    for o in outcomes {
        let g = o.grid.unwrap_or(grid);
        if sweep_of(g) != grid {
            return Err(format!(
                "results of two sweeps ({} and {}) cannot be merged",
                grid_text(&grid),
                grid_text(&g)
            ));
        }
        let j = g.second.map_or(0, |a| a.index) as usize;
        let on_grid = values
            .get(g.index as usize)
            .is_some_and(|v| v.to_bits() == o.value.to_bits())
            && match (g.second, o.value2) {
                (None, None) => true,
                (Some(_), Some(w)) => values2.get(j).is_some_and(|v| v.to_bits() == w.to_bits()),
                _ => false,
            };
        let seed_ok = (1..=u64::from(grid.seeds)).contains(&o.seed);
        if !on_grid || !seed_ok {
            return Err(format!(
                "{} (seed {}) is not a run of the sweep {}",
                place(o),
                o.seed,
                grid_text(&grid)
            ));
        }
        have[g.index as usize][j][(o.seed - 1) as usize] = true;
    }
    Ok(have)
}

/// Every run of the sweep present, or an error naming the cells with seeds missing.
fn report_missing(
    outcomes: &[Outcome],
    grid: &Grid,
    (values, values2): (&[f64], &[f64]),
    have: &[Vec<Vec<bool>>],
) -> Result<(), String> {
    let first = &outcomes[0];
    let mut missing = Vec::new();
    for (i, v) in values.iter().enumerate() {
        for (j, w) in values2.iter().enumerate() {
            let n = have[i][j].iter().filter(|s| !**s).count();
            if n > 0 {
                let cell = if grid.second.is_some() {
                    format!("({}, {})", num(*v), num(*w))
                } else {
                    num(*v)
                };
                missing.push(format!("{cell} ({n} of {} seeds)", grid.seeds));
            }
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let total = values.len() * values2.len() * grid.seeds as usize;
    Err(format!(
        "the files hold {} of the sweep's {total} runs; missing: `{}` = {}{} — merge every shard (1/N … N/N)",
        outcomes.len(),
        params(first),
        missing.iter().take(8).cloned().collect::<Vec<_>>().join(", "),
        if missing.len() > 8 { format!(" and {} more", missing.len() - 8) } else { String::new() }
    ))
}

/// Checks outcomes gathered from several shards against each other before they are summarised:
/// the same real-valued parameter(s), one trial count, each (cell, seed) run once, values in range
/// and errors finite. On failure, returns the index of the offending outcome and what is wrong.
pub fn check_outcomes(outcomes: &[Outcome]) -> Result<(), (usize, String)> {
    let Some(first) = outcomes.first() else {
        return Ok(());
    };
    let real = |key: &str| {
        crate::config::spec(key)
            .filter(|s| matches!(s.domain, Domain::Real { .. }))
            .ok_or_else(|| {
                let shown = crate::format::short(key, crate::format::QUOTED);
                (
                    0,
                    format!("{shown:?} is not a real-valued parameter of the model"),
                )
            })
    };
    let spec = real(&first.param)?;
    let spec2 = first.param2.as_deref().map(real).transpose()?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, o) in outcomes.iter().enumerate() {
        let problem = mismatch(first, o, spec, spec2).or_else(|| {
            let again = !seen.insert((o.value.to_bits(), o.value2.map(f64::to_bits), o.seed));
            again.then(|| {
                format!(
                    "the run {}, seed {} appears twice (was a shard merged twice?)",
                    place(o),
                    o.seed
                )
            })
        });
        if let Some(p) = problem {
            return Err((i, p));
        }
    }
    Ok(())
}

/// What is wrong with outcome `o` on its own or beside the `first` (another parameter or trial
/// count, a value out of range, an impossible figure), if anything.
fn mismatch(
    first: &Outcome,
    o: &Outcome,
    spec: &crate::ParamSpec,
    spec2: Option<&crate::ParamSpec>,
) -> Option<String> {
    let out_of_range = |s: &crate::ParamSpec, key: &str, v: f64| {
        s.check(&Input::Num(v))
            .err()
            .map(|_| format!("`{key}` = {} is outside its range {}", num(v), s.allowed()))
    };
    if o.param != first.param || o.param2 != first.param2 {
        Some(format!(
            "sweeps of different parameters ({} and {}) cannot be merged",
            params(first),
            params(o)
        ))
    } else if o.trials != first.trials {
        Some(format!(
            "runs of {} and {} trials cannot be merged (the shards used different --trials)",
            first.trials, o.trials
        ))
    } else if !(super::MIN_TRIALS..=super::MAX_TRIALS).contains(&o.trials) {
        Some(format!(
            "runs of {} trials are not a sweep's (a sweep runs {}–{} trials)",
            o.trials,
            super::MIN_TRIALS,
            super::MAX_TRIALS
        ))
    } else if let Some(p) = out_of_range(spec, &o.param, o.value) {
        Some(p)
    } else if let Some(p) = spec2.zip(o.param2.as_deref()).and_then(|(s, k)| {
        o.value2.map_or_else(
            || Some(format!("`{k}` has no value")),
            |v| out_of_range(s, k, v),
        )
    }) {
        Some(p)
    } else if o.diverged.is_none() && !(0.0..=180.0).contains(&o.final_error) {
        Some(format!(
            "final |error| {} is not in 0–180°",
            num(o.final_error)
        ))
    } else if !(0.0..=1.0).contains(&o.executed) {
        Some(format!(
            "fraction executed {} is not in 0–1",
            num(o.executed)
        ))
    } else {
        None
    }
}
