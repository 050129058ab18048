//! The task-space phenomena of reward-driven adaptation that Darshan, Leblois & Hansel (PLoS
//! Comput Biol 2014) report, as measurements on fixed seeds compared with thresholds — the
//! companion of [`crate::claims`] for every setting a student can choose, not only one target.
//! The CLI's `bgloop phenomena` prints them, with the long-run rows of [`crate::longrun`]; the
//! tests assert them.

use crate::claims::{
    check, every_seed, mean, median, par_map, preset_config, range_text, Bound, Check, ClaimError,
};
use crate::config::Config;
use crate::experiment::{Simulation, TrialOptions};
use crate::longrun::{self, LongRunOptions};
use crate::record::TrialRecord;

/// How the phenomena are run.
#[derive(Clone, Copy, Debug)]
pub struct PhenomenaOptions {
    /// Seeds per condition of P1–P4.
    pub seeds: u32,
    /// The long runs of L1–L4 (`None`: skip them).
    pub long_run: Option<LongRunOptions>,
}

impl Default for PhenomenaOptions {
    fn default() -> Self {
        PhenomenaOptions {
            seeds: 8,
            long_run: Some(LongRunOptions::default()),
        }
    }
}

/// The reward width of the rotation preset, and the mean |error| that counts as adapted.
const CRITERION_DEG: f64 = 10.0;
/// Reaches to one target over which its mean |error| is taken.
const WINDOW: usize = 20;

/// One adaptation run: the trial count at which it adapted (if it did) and its last errors.
#[derive(Clone, Debug)]
pub struct Adaptation {
    /// Trials until every target's mean |error| over its last 20 reaches fell below 10°.
    pub trials: Option<usize>,
    /// Mean |error| of each target over the last quarter of the run, degrees.
    pub final_by_target: Vec<f64>,
}

/// Runs `config` for `trials` trials and measures its adaptation.
pub fn adaptation(config: Config, trials: usize) -> Result<Adaptation, ClaimError> {
    let targets = config.targets.max(1) as usize;
    let mut sim = Simulation::from_config(config)?;
    let records: Vec<TrialRecord> = (0..trials)
        .map(|_| sim.run_trial())
        .collect::<Result<_, _>>()?;
    let step = 360.0 / targets as f64;
    let target_of = |r: &TrialRecord| (r.target_deg / step).round() as usize % targets;
    // Adapted when every target is: its own running mean over its last 20 reaches < 10°.
    let mut adapted_at = vec![None; targets];
    let mut recent: Vec<Vec<f64>> = vec![Vec::new(); targets];
    for r in &records {
        let k = target_of(r);
        recent[k].push(r.error_deg.abs());
        let last = &recent[k][recent[k].len().saturating_sub(WINDOW)..];
        if adapted_at[k].is_none()
            && last.len() == WINDOW
            && mean(last.iter().copied()) < CRITERION_DEG
        {
            adapted_at[k] = Some(r.trial as usize);
        }
    }
    let trials_needed = adapted_at.iter().try_fold(0, |m, t| t.map(|t| m.max(t)));
    let tail = &records[records.len() - records.len() / 4..];
    let final_by_target = (0..targets)
        .map(|k| {
            mean(
                tail.iter()
                    .filter(|r| target_of(r) == k)
                    .map(|r| r.error_deg.abs()),
            )
        })
        .collect();
    Ok(Adaptation {
        trials: trials_needed,
        final_by_target,
    })
}

/// The rotation preset with `settings` over it (fixed, in-range settings: an error is a bug here).
fn rotation(seed: u64, settings: &[(&str, &str)]) -> Result<Config, ClaimError> {
    let mut c = preset_config("rotation", seed, 0.5);
    c.apply(settings.iter().copied())?;
    Ok(c)
}

fn trial_count(a: &Adaptation, cap: usize) -> f64 {
    a.trials.map_or(cap as f64, |t| t as f64)
}

/// A check that condition `slow` takes at least 1.5× the median trials to adapt of `fast` (one
/// target, 1500 trials, the rotation preset with each condition's settings over it).
fn slower(
    opts: &PhenomenaOptions,
    id: &str,
    what: &str,
    fast: &[(&str, &str)],
    slow: &[(&str, &str)],
) -> Result<Check, ClaimError> {
    const TRIALS: usize = 1500;
    let seeds: Vec<u64> = (1..=u64::from(opts.seeds.max(1))).collect();
    let jobs: Vec<(bool, u64)> = [false, true]
        .into_iter()
        .flat_map(|is_slow| seeds.iter().map(move |&s| (is_slow, s)))
        .collect();
    let times: Vec<f64> = par_map(&jobs, |&(is_slow, seed)| {
        let config = rotation(seed, if is_slow { slow } else { fast })?;
        adaptation(config, TRIALS).map(|a| trial_count(&a, TRIALS))
    })
    .into_iter()
    .collect::<Result<_, _>>()?;
    let (f, s) = times.split_at(seeds.len());
    let (f, s) = (median(f.to_vec()), median(s.to_vec()));
    Ok(check(
        id,
        what,
        s / f,
        format!("{:.2} (median {s:.0} vs {f:.0})", s / f),
        Bound::AtLeast(1.5),
    ))
}

/// P1: a larger rotation is adapted to more slowly (graded reward, one target).
pub fn rotation_size(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    let graded = |deg| [("reward", "graded"), ("rotation_deg", deg)];
    Ok(vec![slower(
        opts,
        "P1",
        "graded, 1 target: median trials to adapt, rotation 40° / 15°",
        &graded("15"),
        &graded("40"),
    )?])
}

/// Trials over which P2 takes the mean |error|: the adaptation itself (both windows are adapted
/// well before trial 100 on most seeds).
const P2_TRIALS: u32 = 100;

/// P2: a smaller target (narrower binary reward window) slows adaptation — measured as the area
/// under the learning curve, the mean |error| of the executed reaches over the first 100 trials
/// (docs/model.md says why not the trials to a 10° criterion).
pub fn target_size(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    let seeds: Vec<u64> = (1..=u64::from(opts.seeds.max(1))).collect();
    let jobs: Vec<(&str, u64)> = ["15", "6"]
        .into_iter()
        .flat_map(|w| seeds.iter().map(move |&s| (w, s)))
        .collect();
    let errors: Vec<f64> = par_map(&jobs, |&(width, seed)| -> Result<f64, ClaimError> {
        let mut sim = Simulation::from_config(rotation(seed, &[("reward_width_deg", width)])?)?;
        sim.run_trials(P2_TRIALS)?;
        Ok(mean(
            sim.history()
                .iter()
                .filter(|r| r.executed)
                .map(|r| r.error_deg.abs()),
        ))
    })
    .into_iter()
    .collect::<Result<_, _>>()?;
    let (wide, narrow) = errors.split_at(seeds.len());
    let (wide, narrow) = (median(wide.to_vec()), median(narrow.to_vec()));
    Ok(vec![check(
        "P2",
        "binary, 30°: mean |error| over trials 1–100, window 6° / 15° (medians)",
        narrow / wide,
        format!("{:.2} (median {narrow:.1}° vs {wide:.1}°)", narrow / wide),
        Bound::AtLeast(1.25),
    )])
}

/// P3's runs: the rotation with each of `counts` targets on seeds 1 to `seeds`, in that order.
fn runs_by_target_count(
    counts: &[u32],
    seeds: usize,
    trials: usize,
) -> Result<Vec<Adaptation>, ClaimError> {
    let jobs: Vec<(u32, u64)> = counts
        .iter()
        .flat_map(|&k| (1..=seeds as u64).map(move |s| (k, s)))
        .collect();
    par_map(&jobs, |&(k, seed)| {
        adaptation(rotation(seed, &[("targets", &k.to_string())])?, trials)
    })
    .into_iter()
    .collect()
}

/// Figures as a check shows them: whole numbers, comma-separated.
fn whole_numbers(v: &[f64]) -> String {
    v.iter()
        .map(|t| format!("{t:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// P3: more targets slow adaptation, faster than linearly; every target adapts and none ends
/// worse than the rotation itself.
pub fn target_count(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    let counts = [1u32, 2, 4, 8];
    let trials = 3000;
    let seeds = opts.seeds.max(1) as usize;
    let runs = runs_by_target_count(&counts, seeds, trials)?;
    let by_count: Vec<&[Adaptation]> = runs.chunks(seeds).collect();
    let times: Vec<f64> = by_count
        .iter()
        .map(|runs| median(runs.iter().map(|a| trial_count(a, trials)).collect()))
        .collect();
    let never = runs.iter().filter(|a| a.trials.is_none()).count();
    let worst_target = runs
        .iter()
        .flat_map(|a| a.final_by_target.iter().copied())
        .fold(0.0, f64::max);
    let per_target: Vec<f64> = times
        .iter()
        .zip(counts)
        .map(|(t, k)| t / f64::from(k))
        .collect();
    let finals: Vec<f64> = runs
        .iter()
        .flat_map(|a| a.final_by_target.iter().copied())
        .collect();
    Ok(vec![
        check(
            "P3",
            "30°, binary: runs with 1, 2, 4, 8 targets that never adapt",
            never as f64,
            format!("{never} of {}", runs.len()),
            Bound::AtMost(0.0),
        ),
        check(
            "P3",
            "final |error| of the worst target of any run (°)",
            worst_target,
            range_text(&finals, 1),
            Bound::AtMost(15.0),
        ),
        check(
            "P3",
            "median trials to adapt rise with targets (8 / 1)",
            times[3] / times[0],
            whole_numbers(&times),
            Bound::AtLeast(2.0),
        ),
        check(
            "P3",
            "faster than linearly: trials per target, 4 / 1 and 8 / 1 (lower)",
            (per_target[2] / per_target[0]).min(per_target[3] / per_target[0]),
            whole_numbers(&per_target),
            Bound::AtLeast(1.1),
        ),
    ])
}

/// Mean |error| at each of 8 targets after training on target 0 alone (no learning in probes).
fn generalisation(seed: u64, settings: &[(&str, &str)]) -> Result<Vec<f64>, ClaimError> {
    let mut all = settings.to_vec();
    all.push(("targets", "8"));
    let mut sim = Simulation::from_config(rotation(seed, &all)?)?;
    let train = TrialOptions {
        target: Some(0),
        ..TrialOptions::default()
    };
    for _ in 0..300 {
        sim.run_trial_with(train)?;
    }
    (0..8)
        .map(|k| {
            let probe = TrialOptions {
                learn: false,
                target: Some(k),
                ..TrialOptions::default()
            };
            let errors = (0..10)
                .map(|_| sim.run_trial_with(probe).map(|r| r.error_deg.abs()))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(mean(errors))
        })
        .collect()
}

/// P4: what is learned at one target transfers to a near target, not to a far one.
pub fn separation(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    let seeds: Vec<u64> = (1..=u64::from(opts.seeds.max(1))).collect();
    let runs: Vec<Vec<f64>> = par_map(&seeds, |&s| generalisation(s, &[]))
        .into_iter()
        .collect::<Result<_, _>>()?;
    let at = |k: usize| runs.iter().map(|r| r[k]).collect::<Vec<f64>>();
    let (trained, near, far) = (at(0), at(1), at(4));
    Ok(vec![
        check(
            "P4",
            "trained on 0° alone: |error| at 0° (°)",
            mean(trained.iter().copied()),
            range_text(&trained, 1),
            Bound::AtMost(CRITERION_DEG),
        ),
        check(
            "P4",
            "transfer to the near target, 45°: |error| (°, of 30 naive)",
            mean(near.iter().copied()),
            range_text(&near, 1),
            Bound::AtMost(22.0),
        ),
        check(
            "P4",
            "no transfer to the far target, 180°: |error| (°)",
            mean(far.iter().copied()),
            range_text(&far, 1),
            Bound::AtLeast(25.0),
        ),
    ])
}

/// The records of a comparison's runs A and B.
type Pair = (Vec<TrialRecord>, Vec<TrialRecord>);

/// One value per seed's pair of runs.
fn per_seed(runs: &[Pair], f: impl Fn(&[TrialRecord], &[TrialRecord]) -> f64) -> Vec<f64> {
    runs.iter().map(|(a, b)| f(a, b)).collect()
}

/// Runs a comparison preset's runs A and B on `seed` for `trials` trials.
fn comparison(name: &str, seed: u64, trials: u32) -> Result<Pair, ClaimError> {
    let preset = crate::presets::preset(name).ok_or(ClaimError::Probe("preset"))?;
    let base = crate::Config {
        seed,
        ..crate::Config::default()
    };
    let experiment = preset.experiment_over(base)?;
    let (a, b) = match experiment.b {
        Some(b) => (experiment.a, b),
        None => return Err(ClaimError::Probe("comparison")),
    };
    let run = |p: &crate::Protocol| -> Result<Vec<TrialRecord>, ClaimError> {
        let mut sim = p.simulation()?;
        sim.set_history_cap(trials as usize + 2);
        sim.run_trials(trials)?;
        Ok(sim.history().to_vec())
    };
    Ok((run(&a)?, run(&b)?))
}

/// Mean of `f` over trials `from..=to`.
fn over(records: &[TrialRecord], from: u32, to: u32, f: impl Fn(&TrialRecord) -> f64) -> f64 {
    mean(
        records
            .iter()
            .filter(|r| (from..=to).contains(&r.trial))
            .map(f),
    )
}

fn abs_error(r: &TrialRecord) -> f64 {
    r.error_deg.abs()
}

/// Mean reach time of the executed reaches among trials `from..=to`, ms.
fn reach_time(records: &[TrialRecord], from: u32, to: u32) -> f64 {
    mean(
        records
            .iter()
            .filter(|r| (from..=to).contains(&r.trial))
            .filter_map(|r| r.reach_ms),
    )
}

/// A row of a comparison phenomenon: what it measures, how (from runs A and B of one seed), the
/// decimals it is shown with, and its bound on every seed.
type Row = (
    &'static str,
    fn(&[TrialRecord], &[TrialRecord]) -> f64,
    usize,
    Bound,
);

/// The rows of phenomenon `id`, measured on the comparison preset `preset` run for `trials`
/// trials on every seed.
fn comparison_rows(
    id: &str,
    preset: &str,
    trials: u32,
    opts: &PhenomenaOptions,
    rows: &[Row],
) -> Result<Vec<Check>, ClaimError> {
    let seeds: Vec<u64> = (1..=u64::from(opts.seeds.max(1))).collect();
    let runs = par_map(&seeds, |&s| comparison(preset, s, trials))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .iter()
        .map(|&(what, f, decimals, bound)| {
            every_seed(id, what, &per_seed(&runs, f), decimals, bound)
        })
        .collect())
}

/// P5: learning blocked after adaptation (Ghanayim et al. 2025): the learned reach is kept, a
/// new rotation is not learned (preset `learning-blocked`).
pub fn learning_blocked(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    comparison_rows(
        "P5",
        "learning-blocked",
        700,
        opts,
        &[
            (
                "blocked from 301: B's |error| over 351–400 (°), the reach is kept",
                |_, b| over(b, 351, 400, abs_error),
                1,
                Bound::AtMost(8.0),
            ),
            (
                "50° from 401: B's |error| over 601–700 (°), the extra 20° not learned",
                |_, b| over(b, 601, 700, abs_error),
                1,
                Bound::AtLeast(15.0),
            ),
            (
                "50° from 401: A's |error| over 601–700 (°), learned",
                |a, _| over(a, 601, 700, abs_error),
                1,
                Bound::AtMost(CRITERION_DEG),
            ),
        ],
    )
}

/// Trials of the dopamine experiments: the 20° step at trial 401 has 300 trials to be learned.
const DOPAMINE_TRIALS: u32 = 700;
/// The rotation step of the dopamine experiments, at trial 401 (30° → 50°).
const STEP_TRIAL: u32 = 401;
/// Its size, degrees.
const STEP_DEG: f64 = 20.0;

/// The half-step time of the 20° step (trials after 401; a step never half learned counts as the
/// 300 trials left).
fn half_step(records: &[TrialRecord]) -> f64 {
    crate::regime::half_step_time(records, STEP_TRIAL, STEP_DEG)
        .map_or(f64::from(DOPAMINE_TRIALS + 1 - STEP_TRIAL), f64::from)
}

/// Reach time of run B over run A's over trials 301–400.
fn reach_ratio(a: &[TrialRecord], b: &[TrialRecord]) -> f64 {
    reach_time(b, 301, 400) / reach_time(a, 301, 400)
}

/// The median over seeds of run A's (or, with `b`, run B's) half-step time.
fn median_half_step(runs: &[Pair], b: bool) -> f64 {
    median(
        runs.iter()
            .map(|(x, y)| half_step(if b { y } else { x }))
            .collect(),
    )
}

/// P6: dopamine loss after adaptation, as the loss of dopamine neurons (preset `dopamine-loss`):
/// slower reaches, still made; the new 20° step learned more slowly than at normal dopamine — and
/// more slowly than when only the tonic level falls (preset `tonic-dopamine`), which is how the
/// smaller teaching bursts slow learning.
pub fn dopamine_loss(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    let seeds: Vec<u64> = (1..=u64::from(opts.seeds.max(1))).collect();
    let jobs: Vec<(&str, u64)> = ["dopamine-loss", "tonic-dopamine"]
        .into_iter()
        .flat_map(|p| seeds.iter().map(move |&s| (p, s)))
        .collect();
    let runs = par_map(&jobs, |&(p, s)| comparison(p, s, DOPAMINE_TRIALS))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let (parkinson, tonic) = runs.split_at(seeds.len());
    let (a, pd, only) = (
        median_half_step(parkinson, false),
        median_half_step(parkinson, true),
        median_half_step(tonic, true),
    );
    Ok(vec![
        every_seed(
            "P6",
            "dopamine 0.5 from 301: reach time B / A over 301–400",
            &per_seed(parkinson, reach_ratio),
            2,
            Bound::AtLeast(1.25),
        ),
        every_seed(
            "P6",
            "dopamine 0.5: B's reaches executed, 301–700",
            &per_seed(parkinson, |_, b| {
                over(b, 301, 700, |r| f64::from(u8::from(r.executed)))
            }),
            3,
            Bound::AtLeast(0.95),
        ),
        check(
            "P6",
            "20° step at 401: half-step time B / A (medians of seeds)",
            pd / a,
            format!("{:.2} (median {pd:.1} vs {a:.1} trials)", pd / a),
            Bound::AtLeast(1.25),
        ),
        check(
            "P6",
            "half-step time: neurons lost / tonic level only (medians)",
            pd / only,
            format!("{:.2} (median {pd:.1} vs {only:.1} trials)", pd / only),
            Bound::AtLeast(1.2),
        ),
        every_seed(
            "P6",
            "tonic level only: reach time B / A over 301–400",
            &per_seed(tonic, reach_ratio),
            2,
            Bound::AtLeast(1.25),
        ),
    ])
}

/// Every phenomenon, in order P1–P6, then the long-run rows L1–L4 ([`longrun`]).
pub fn run_all(opts: &PhenomenaOptions) -> Result<Vec<Check>, ClaimError> {
    let mut out = Vec::new();
    out.extend(rotation_size(opts)?);
    out.extend(target_size(opts)?);
    out.extend(target_count(opts)?);
    out.extend(separation(opts)?);
    out.extend(learning_blocked(opts)?);
    out.extend(dopamine_loss(opts)?);
    if let Some(long) = &opts.long_run {
        out.extend(longrun::run_all(long)?);
    }
    Ok(out)
}
