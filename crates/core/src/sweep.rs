//! Parameter sweeps: the paper's central figure, final |error| against a parameter (e.g. loop
//! strength), over several seeds. A sweep is a list of independent jobs, so it splits across
//! threads, Web Workers or cluster jobs (`--shard K/N`) and merges back by value.

use crate::config::Config;
use crate::experiment::Divergence;
use crate::format::num;
use crate::protocol::Protocol;
use crate::schema::{Domain, Input};
use serde::{Deserialize, Serialize};

/// Trials averaged for a run's final |error|.
pub const FINAL_WINDOW: usize = 50;

/// The swept values: `count` evenly spaced values from `from` to `to` (inclusive).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepSpec {
    /// The swept parameter (a real-valued schema key).
    pub param: String,
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// Number of values (1–200).
    pub count: u32,
    /// Seeds per value (1–100), seeds 1…K.
    pub seeds: u32,
    /// Trials per run (≥ FINAL_WINDOW).
    pub trials: u32,
}

/// One run of a sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Index of the value in the sweep.
    pub index: u32,
    /// The parameter's value.
    pub value: f64,
    /// The run's seed.
    pub seed: u64,
}

/// What one run measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The swept parameter.
    pub param: String,
    /// Its value.
    pub value: f64,
    /// The seed.
    pub seed: u64,
    /// Trials run.
    pub trials: u32,
    /// Mean |error| over the last 50 trials, degrees.
    pub final_error: f64,
    /// Fraction of reaches executed over the run.
    pub executed: f64,
    /// The sweep this run belongs to and the index of its value (written by the CLI's sweeps, so
    /// `bgloop merge` can tell a missing shard or an off-grid value; absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<Grid>,
}

/// A sweep's grid, as written beside each of its outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// Number of values.
    pub count: u32,
    /// Seeds per value (1…K).
    pub seeds: u32,
    /// The index of this outcome's value.
    pub index: u32,
}

/// Mean and spread of the final |error| at one value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// The parameter's value.
    pub value: f64,
    /// Mean final |error| over seeds, degrees.
    pub mean: f64,
    /// Standard deviation over seeds, degrees.
    pub sd: f64,
    /// Lowest and highest over seeds.
    pub min: f64,
    /// Highest over seeds.
    pub max: f64,
    /// Number of seeds.
    pub n: usize,
}

/// Most values a sweep may take.
pub const MAX_VALUES: u32 = 200;
/// Most seeds per value.
pub const MAX_SEEDS: u32 = 100;
/// Fewest trials per run (the final error is the mean of the last [`FINAL_WINDOW`]).
pub const MIN_TRIALS: u32 = FINAL_WINDOW as u32;
/// Most trials per run.
pub const MAX_TRIALS: u32 = 100_000;

impl SweepSpec {
    /// A spec from numbers as a front end has them (JS numbers, text fields), each checked and
    /// named when wrong, then validated against `base`.
    pub fn from_numbers(
        param: &str,
        [from, to, count, seeds, trials]: [f64; 5],
        base: &Config,
    ) -> Result<SweepSpec, String> {
        use crate::schema::{in_range, whole};
        let text = |e: crate::ParamError| e.message;
        let spec = SweepSpec {
            param: param.to_string(),
            from: in_range("from", from, -1e9, 1e9).map_err(text)?,
            to: in_range("to", to, -1e9, 1e9).map_err(text)?,
            count: whole("values", count, 1, MAX_VALUES).map_err(text)?,
            seeds: whole("seeds", seeds, 1, MAX_SEEDS).map_err(text)?,
            trials: whole("trials", trials, MIN_TRIALS, MAX_TRIALS).map_err(text)?,
        };
        spec.validate(base)?;
        Ok(spec)
    }

    /// Parses `key=from:to:count` (the CLI's `--param`) with seeds and trials, checking the key
    /// against the schema and the values against its range.
    pub fn parse(param: &str, seeds: u32, trials: u32) -> Result<SweepSpec, String> {
        let (key, range) = param.split_once('=').ok_or_else(|| {
            format!("--param {param:?} must be key=from:to:count, e.g. loop_strength=0.25:1.5:6")
        })?;
        let parts: Vec<&str> = range.split(':').collect();
        let [from, to, count] = parts.as_slice() else {
            return Err(format!(
                "--param {param:?} must be key=from:to:count, e.g. loop_strength=0.25:1.5:6"
            ));
        };
        let parse = |s: &str, what: &str| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("--param: {what} {s:?} is not a number"))
        };
        let spec = SweepSpec {
            param: key.trim().to_string(),
            from: parse(from, "from")?,
            to: parse(to, "to")?,
            count: count
                .trim()
                .parse::<u32>()
                .map_err(|_| format!("--param: count {count:?} must be a whole number in 1–200"))?,
            seeds,
            trials,
        };
        spec.validate(&Config::default())?;
        Ok(spec)
    }

    /// Checks the spec against `base`: a real parameter, values in its range, sensible sizes.
    pub fn validate(&self, base: &Config) -> Result<(), String> {
        let spec = crate::config::spec(&self.param)
            .ok_or_else(|| crate::config::unknown_key(&self.param).message)?;
        if !matches!(spec.domain, Domain::Real { .. }) {
            return Err(format!(
                "`{}` cannot be swept: only real-valued parameters can",
                self.param
            ));
        }
        if !(1..=MAX_VALUES).contains(&self.count) {
            return Err(format!(
                "the number of values {} must be in 1–{MAX_VALUES}",
                self.count
            ));
        }
        if !(1..=MAX_SEEDS).contains(&self.seeds) {
            return Err(format!("seeds {} must be in 1–{MAX_SEEDS}", self.seeds));
        }
        if !(MIN_TRIALS..=MAX_TRIALS).contains(&self.trials) {
            return Err(format!(
                "trials {} must be in {MIN_TRIALS}–{MAX_TRIALS}",
                self.trials
            ));
        }
        for v in [self.from, self.to] {
            let mut c = base.clone();
            c.set(&self.param, Input::Num(v)).map_err(|e| e.message)?;
            c.validate().map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// The swept values: `from` and `to` exactly at the ends, evenly spaced between, never
    /// outside [from, to] by rounding.
    pub fn values(&self) -> Vec<f64> {
        if self.count == 1 {
            return vec![self.from];
        }
        let (lo, hi) = (self.from.min(self.to), self.from.max(self.to));
        let last = self.count - 1;
        (0..self.count)
            .map(|i| match i {
                0 => self.from,
                i if i == last => self.to,
                i => (self.from + (self.to - self.from) * f64::from(i) / f64::from(last))
                    .clamp(lo, hi),
            })
            .collect()
    }

    /// The grid of job `index` (for [`Outcome::grid`]).
    pub fn grid(&self, index: u32) -> Grid {
        Grid {
            from: self.from,
            to: self.to,
            count: self.count,
            seeds: self.seeds,
            index,
        }
    }

    /// Refuses to sweep a parameter that the experiment changes by an event: the sweep would set
    /// it only until the event, and the event would set it afterwards on every run alike.
    pub fn check_schedule(&self, base: &Protocol) -> Result<(), String> {
        match base.schedule.events().iter().find(|e| e.key == self.param) {
            None => Ok(()),
            Some(e) => Err(format!(
                "--param {}: the experiment changes `{}` from trial {} ({}), so a sweep would set it only before then; remove that event or sweep another parameter",
                self.param,
                self.param,
                e.trial,
                e.to_text()
            )),
        }
    }

    /// Every job, value by value, seed by seed.
    pub fn jobs(&self) -> Vec<Job> {
        self.values()
            .into_iter()
            .enumerate()
            .flat_map(|(i, value)| {
                (1..=u64::from(self.seeds)).map(move |seed| Job {
                    index: i as u32,
                    value,
                    seed,
                })
            })
            .collect()
    }

    /// The jobs of shard `k` of `n` (1-based): every n-th job, so shards take equal work.
    pub fn shard(&self, k: u32, n: u32) -> Result<Vec<Job>, String> {
        if n == 0 || k == 0 || k > n {
            return Err(format!("--shard {k}/{n} must be K/N with 1 ≤ K ≤ N"));
        }
        Ok(self
            .jobs()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| (*i as u32) % n == k - 1)
            .map(|(_, j)| j)
            .collect())
    }
}

/// Runs one job given as a front end has it — `base` as entries (a full configuration and its
/// events), the value, seed and trial count as plain numbers — each checked and named when wrong.
pub fn run_entries<'a, I, V>(
    base: I,
    param: &str,
    value: f64,
    [seed, trials]: [f64; 2],
) -> Result<Outcome, String>
where
    I: IntoIterator<Item = (&'a str, V)>,
    V: Into<Input>,
{
    use crate::schema::{in_range, whole};
    let mut protocol = Protocol::default();
    protocol.apply(base).map_err(|e| e.to_string())?;
    protocol.config.validate().map_err(|e| e.to_string())?;
    let max_seed = crate::config::MAX_SEED as f64;
    let seed = in_range("seed", seed, 0.0, max_seed).map_err(|e| e.message)?;
    let trials = whole("trials", trials, 1, MAX_TRIALS).map_err(|e| e.message)?;
    let job = Job {
        index: 0,
        value,
        seed: seed as u64,
    };
    run(&protocol, param, job, trials)
}

/// Runs one job on `base` (its seed and the swept value replace the base's; its events apply).
pub fn run(base: &Protocol, param: &str, job: Job, trials: u32) -> Result<Outcome, String> {
    let mut p = base.clone();
    p.config
        .set(param, Input::Num(job.value))
        .map_err(|e| e.message)?;
    p.config.seed = job.seed;
    let mut sim = p.simulation().map_err(|e| e.to_string())?;
    sim.run_trials(trials)
        .map_err(|e: Divergence| e.to_string())?;
    let h = sim.history();
    let tail = &h[h.len().saturating_sub(FINAL_WINDOW)..];
    Ok(Outcome {
        param: param.to_string(),
        value: job.value,
        seed: job.seed,
        trials,
        final_error: tail.iter().map(|r| r.error_deg.abs()).sum::<f64>() / tail.len().max(1) as f64,
        executed: h.iter().filter(|r| r.executed).count() as f64 / h.len().max(1) as f64,
        grid: None,
    })
}

/// Checks that outcomes merged from shards make up whole sweeps: every outcome carries the same
/// grid, each value is exactly its grid value (a value off the grid is refused), and every value
/// has every seed (a missing shard is named). Outcomes without a grid (older files) are not
/// checked; a mix of the two is refused.
pub fn check_complete(outcomes: &[Outcome]) -> Result<(), String> {
    let with = outcomes.iter().filter(|o| o.grid.is_some()).count();
    if with == 0 {
        return Ok(());
    }
    if with != outcomes.len() {
        return Err("some results carry their sweep's grid and some do not: merge shards written by one version of bgloop".into());
    }
    let first = &outcomes[0];
    let grid = first.grid.map(|g| Grid { index: 0, ..g }).unwrap_or(Grid {
        from: 0.0,
        to: 0.0,
        count: 0,
        seeds: 0,
        index: 0,
    });
    let spec = SweepSpec {
        param: first.param.clone(),
        from: grid.from,
        to: grid.to,
        count: grid.count,
        seeds: grid.seeds,
        trials: first.trials,
    };
    let values = spec.values();
    let mut have = vec![vec![false; grid.seeds as usize]; values.len()];
    for o in outcomes {
        let g = o.grid.unwrap_or(grid);
        if (Grid { index: 0, ..g }) != grid {
            return Err(format!(
                "results of two sweeps ({}:{}:{} × {} seeds and {}:{}:{} × {} seeds) cannot be merged",
                num(grid.from), num(grid.to), grid.count, grid.seeds,
                num(g.from), num(g.to), g.count, g.seeds
            ));
        }
        let on_grid = values
            .get(g.index as usize)
            .is_some_and(|v| v.to_bits() == o.value.to_bits());
        let seed_ok = (1..=u64::from(grid.seeds)).contains(&o.seed);
        if !on_grid || !seed_ok {
            return Err(format!(
                "`{}` = {} (seed {}) is not a run of the sweep {}:{}:{} × {} seeds",
                o.param,
                num(o.value),
                o.seed,
                num(grid.from),
                num(grid.to),
                grid.count,
                grid.seeds
            ));
        }
        have[g.index as usize][(o.seed - 1) as usize] = true;
    }
    let missing: Vec<String> = values
        .iter()
        .zip(&have)
        .filter(|(_, seeds)| seeds.iter().any(|s| !s))
        .map(|(v, seeds)| {
            let n = seeds.iter().filter(|s| !**s).count();
            format!("{} ({n} of {} seeds)", num(*v), grid.seeds)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let total = values.len() * grid.seeds as usize;
    Err(format!(
        "the files hold {} of the sweep's {total} runs; missing: `{}` = {}{} — merge every shard (1/N … N/N)",
        outcomes.len(),
        first.param,
        missing.iter().take(8).cloned().collect::<Vec<_>>().join(", "),
        if missing.len() > 8 { format!(" and {} more", missing.len() - 8) } else { String::new() }
    ))
}

/// Groups outcomes by value (in increasing order): mean, SD, range over seeds.
/// Checks outcomes gathered from several shards against each other before they are summarised:
/// one real-valued parameter, one trial count, each (value, seed) run once, values in range and
/// errors finite. On failure, returns the index of the offending outcome and what is wrong.
pub fn check_outcomes(outcomes: &[Outcome]) -> Result<(), (usize, String)> {
    let Some(first) = outcomes.first() else {
        return Ok(());
    };
    let spec = crate::config::spec(&first.param)
        .filter(|s| matches!(s.domain, Domain::Real { .. }))
        .ok_or_else(|| {
            let shown = crate::format::short(&first.param, crate::format::QUOTED);
            (
                0,
                format!("{shown:?} is not a real-valued parameter of the model"),
            )
        })?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, o) in outcomes.iter().enumerate() {
        let problem = if o.param != first.param {
            Some(format!(
                "sweeps of different parameters ({} and {}) cannot be merged",
                first.param, o.param
            ))
        } else if o.trials != first.trials {
            Some(format!(
                "runs of {} and {} trials cannot be merged (the shards used different --trials)",
                first.trials, o.trials
            ))
        } else if spec.check(&Input::Num(o.value)).is_err() {
            Some(format!(
                "`{}` = {} is outside its range {}",
                o.param,
                num(o.value),
                spec.allowed()
            ))
        } else if !(0.0..=180.0).contains(&o.final_error) {
            Some(format!(
                "final |error| {} is not in 0–180°",
                num(o.final_error)
            ))
        } else if !(0.0..=1.0).contains(&o.executed) {
            Some(format!(
                "fraction executed {} is not in 0–1",
                num(o.executed)
            ))
        } else if !seen.insert((o.value.to_bits(), o.seed)) {
            Some(format!(
                "the run `{}` = {}, seed {} appears twice (was a shard merged twice?)",
                o.param,
                num(o.value),
                o.seed
            ))
        } else {
            None
        };
        if let Some(p) = problem {
            return Err((i, p));
        }
    }
    Ok(())
}

/// Mean and spread of the final |error| at each value (outcomes checked by [`check_outcomes`]).
pub fn summarize(outcomes: &[Outcome]) -> Vec<Point> {
    let mut values: Vec<f64> = outcomes.iter().map(|o| o.value).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    values
        .into_iter()
        .map(|v| {
            let xs: Vec<f64> = outcomes
                .iter()
                .filter(|o| o.value == v)
                .map(|o| o.final_error)
                .collect();
            let n = xs.len();
            let mean = xs.iter().sum::<f64>() / n as f64;
            let var =
                xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n.max(2) - 1) as f64;
            Point {
                value: v,
                mean,
                sd: if n > 1 { crate::math::sqrt(var) } else { 0.0 },
                min: xs.iter().copied().fold(f64::INFINITY, f64::min),
                max: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                n,
            }
        })
        .collect()
}

/// The summary as an aligned text table.
pub fn table(param: &str, points: &[Point]) -> String {
    let mut out = format!("{param:>20}  final |error| (°): mean ± SD   [min, max]   seeds\n");
    // Enough decimals to tell neighbouring values apart (two more than the step needs), not the
    // 16 digits of a value like 1.0833333333333335.
    let step = points
        .windows(2)
        .map(|w| (w[1].value - w[0].value).abs())
        .filter(|d| *d > 0.0)
        .fold(f64::INFINITY, f64::min);
    let decimals = if step.is_finite() {
        ((-step.log10()).ceil() as i64 + 2).clamp(0, 12) as usize
    } else {
        6
    };
    let shown = |v: f64| {
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
    };
    for p in points {
        out.push_str(&format!(
            "{:>20}  {:>8.2} ± {:<6.2} [{:.2}, {:.2}]   {}\n",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_values_hit_both_ends_and_never_leave_the_range() {
        use crate::schema::Domain;
        for spec in crate::schema() {
            let Domain::Real { min, max, .. } = spec.domain else {
                continue;
            };
            let quarter = min + (max - min) / 4.0;
            for (from, to) in [
                (min, max),
                (max, min),
                (quarter, max),
                (0.05f64.clamp(min, max), min),
            ] {
                for count in 2..=20 {
                    let s = SweepSpec {
                        param: spec.key.to_string(),
                        from,
                        to,
                        count,
                        seeds: 1,
                        trials: 50,
                    };
                    let v = s.values();
                    assert_eq!((v[0], v[v.len() - 1]), (from, to), "{} ×{count}", spec.key);
                    for x in v {
                        let mut c = Config::default();
                        assert!(
                            c.set(spec.key, x).is_ok(),
                            "{} = {x} (×{count}) rejected",
                            spec.key
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn parse_values_and_shards() {
        let s = SweepSpec::parse("loop_strength=0.25:1.5:6", 2, 60).expect("valid");
        assert_eq!(s.values(), vec![0.25, 0.5, 0.75, 1.0, 1.25, 1.5]);
        assert_eq!(s.jobs().len(), 12);
        let a = s.shard(1, 3).expect("ok");
        let b = s.shard(2, 3).expect("ok");
        let c = s.shard(3, 3).expect("ok");
        assert_eq!(a.len() + b.len() + c.len(), 12);
        assert!(s.shard(4, 3).is_err());
        for bad in [
            "loop_strength=0:3:4",
            "nope=0:1:2",
            "targets=1:8:4",
            "loop_strength",
            "loop_strength=0:1",
            "loop_strength=a:1:2",
            "loop_strength=0:1:0",
        ] {
            assert!(SweepSpec::parse(bad, 2, 60).is_err(), "{bad}");
        }
        let e = SweepSpec::parse("loop_strength=0:3:4", 2, 60).unwrap_err();
        assert!(e.contains("`loop_strength` = 3 is out of range 0–2"), "{e}");
    }

    #[test]
    fn a_small_sweep_shows_the_loop_strength_effect() {
        let base = crate::presets::preset("rotation")
            .and_then(|p| p.config().ok())
            .unwrap_or_default();
        let spec = SweepSpec {
            param: "loop_strength".into(),
            from: 0.25,
            to: 1.0,
            count: 2,
            seeds: 2,
            trials: 200,
        };
        let outcomes: Vec<Outcome> = spec
            .jobs()
            .into_iter()
            .map(|j| run(&Protocol::of(base.clone()), &spec.param, j, spec.trials).expect("runs"))
            .collect();
        let points = summarize(&outcomes);
        assert_eq!(points.len(), 2);
        assert!(points[0].mean > 20.0 && points[1].mean < 10.0, "{points:?}");
        assert!(table("loop_strength", &points).contains("0.25"));
    }
}
