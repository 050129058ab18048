//! The experiment: a seeded run of trials with phases, learning between trials, optional
//! within-trial traces for drawing, and a divergence guard.
//!
//! A [`Simulation`] can be driven a whole trial at a time ([`Simulation::run_trial`]) or a slice of
//! simulated time at a time ([`Simulation::advance`]) — the page animates a reach that way. Both
//! give the same trials: the trial is one state machine, and recording traces never changes it.

use crate::config::{Config, ConfigErrors, ValidConfig};
use crate::learning::{Plasticity, ReachActivity};
use crate::math;
use crate::network::{Network, Population, Runaway, RATE_LIMIT};
use crate::record::{Phase, TrialRecord};
use crate::rng::Rng;
use crate::task::{self, Hand, TargetCode};
use std::collections::VecDeque;

/// A run that stopped because the network left its safe range.
#[derive(Clone, Debug, PartialEq, thiserror::Error, serde::Serialize)]
#[error("the run diverged in trial {trial} at {time_ms} ms: {population} rate {rate} (limit {RATE_LIMIT}). Likely cause: {cause}. Reset with other values.")]
pub struct Divergence {
    /// The trial in which it happened.
    pub trial: u32,
    /// Time in the trial, ms.
    pub time_ms: f64,
    /// The population whose rate ran away.
    pub population: &'static str,
    /// The offending rate (text, since it may be NaN).
    pub rate: String,
    /// The parameters most likely responsible, in words.
    pub cause: &'static str,
}

fn likely_cause(p: Population) -> &'static str {
    match p {
        Population::Cortex => "cortical recurrence (cortical_recurrence) too strong for the inhibition, or too much drive (cortical_drive, cue_strength, loop_strength with g_ct)",
        Population::Striatum => "cortico-striatal weights too strong (dopamine, g_sc, weight_max, cue_learning_rate, learning_rate)",
        Population::Stn | Population::Gpi => "subthalamo-pallidal gains too strong (g_nc, g_gn)",
        Population::Thalamus => "thalamic background or gains too strong (i_t, g_ct)",
    }
}

/// How one trial is run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrialOptions {
    /// Update the reward expectation and the synapses after the trial.
    pub learn: bool,
    /// Override the GPi output κ for this trial (probes).
    pub gpi_output: Option<f64>,
    /// Keep simulating to the trial's end after the reach (analyses of late activity).
    pub run_to_end: bool,
    /// Use this target (index among the evenly spaced ones) instead of a random one.
    pub target: Option<u32>,
}

impl Default for TrialOptions {
    fn default() -> Self {
        TrialOptions {
            learn: true,
            gpi_output: None,
            run_to_end: false,
            target: None,
        }
    }
}

/// Within-trial samples for drawing: the hand path and all five rings, every `every_steps` steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// Sampling interval, in steps.
    pub every_steps: usize,
    /// Sampling interval, ms.
    pub every_ms: f64,
    /// Units per ring.
    pub n: usize,
    /// Time of each sample from trial start, ms.
    pub time_ms: Vec<f32>,
    /// Hand position (x, y) per sample, interleaved.
    pub hand: Vec<f32>,
    /// Rates per sample: 5 rings × N, in [`Population::ALL`] order.
    pub rings: Vec<f32>,
    /// The trial these samples belong to.
    pub trial: u32,
    /// The target of that trial, degrees.
    pub target_deg: f64,
    /// The cursor rotation of that trial, degrees.
    pub rotation_deg: f64,
}

impl Trace {
    /// Number of samples.
    pub fn len(&self) -> usize {
        self.time_ms.len()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.time_ms.is_empty()
    }

    /// The rates of `population` at sample `k` (empty if rings were not recorded).
    pub fn ring(&self, k: usize, population: Population) -> &[f32] {
        let base = (k * 5 + population as usize) * self.n;
        self.rings.get(base..base + self.n).unwrap_or(&[])
    }

    /// Whether the five rings were recorded.
    pub fn has_rings(&self) -> bool {
        !self.rings.is_empty()
    }
}

/// A trial in progress.
#[derive(Clone, Debug)]
struct Trial {
    number: u32,
    phase: Phase,
    target: usize,
    target_deg: f64,
    rotation_deg: f64,
    kappa: f64,
    options: TrialOptions,
    step: usize,
    cue_steps: usize,
    go_step: usize,
    last_step: usize,
    sharp: Vec<f64>,
    gate: Vec<f64>,
    hand: Hand,
    reach_steps: Option<usize>,
    cortex_sum: Vec<f64>,
    striatum_sum: Vec<f64>,
    moving_steps: usize,
    amplitude_sum: f64,
}

/// A seeded experiment: network, plastic synapses, one random generator, and the trial history.
#[derive(Clone, Debug)]
pub struct Simulation {
    config: ValidConfig,
    net: Network,
    plastic: Plasticity,
    rng: Rng,
    trial: Option<Trial>,
    completed: u32,
    history: Vec<TrialRecord>,
    trace_every_ms: Option<f64>,
    trace_rings: bool,
    trace: Trace,
    recent_paths: VecDeque<ReachPath>,
    halted: Option<Divergence>,
    history_cap: usize,
}

/// The most trial records a simulation keeps in memory; past it the oldest half is dropped (the
/// page's exports then hold the most recent records). 200,000 records take about 20 MB.
pub const HISTORY_CAP: usize = 200_000;

/// How many finished reach paths [`Simulation::recent_paths`] keeps.
pub const RECENT_PATHS: usize = 20;

/// The hand path of a finished trial, kept for drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct ReachPath {
    /// The trial's number.
    pub trial: u32,
    /// Its target, degrees.
    pub target_deg: f64,
    /// Its cursor rotation, degrees.
    pub rotation_deg: f64,
    /// Hand positions, interleaved x, y.
    pub hand: Vec<f32>,
}

impl Simulation {
    /// A new run of `config`, from naive synapses, seeded by `config.seed`.
    pub fn new(config: ValidConfig) -> Self {
        Simulation {
            net: Network::new(&config),
            plastic: Plasticity::new(&config),
            rng: Rng::new(config.seed),
            config,
            trial: None,
            completed: 0,
            history: Vec::new(),
            trace_every_ms: None,
            trace_rings: true,
            trace: Trace::default(),
            recent_paths: VecDeque::new(),
            halted: None,
            history_cap: HISTORY_CAP,
        }
    }

    /// A new run of `config` if it is valid ([`Config::validated`]).
    pub fn from_config(config: Config) -> Result<Self, ConfigErrors> {
        Ok(Simulation::new(config.validated()?))
    }

    /// The configuration of this run.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The finished trials kept in memory: all of them, or the most recent ones past
    /// [`HISTORY_CAP`] (`history()[0].trial` tells which is first).
    pub fn history(&self) -> &[TrialRecord] {
        &self.history
    }

    /// Keeps at most `cap` (≥ 2) records in memory instead of [`HISTORY_CAP`].
    pub fn set_history_cap(&mut self, cap: usize) {
        self.history_cap = cap.max(2);
    }

    /// Number of finished trials.
    pub fn trials_done(&self) -> u32 {
        self.completed
    }

    /// The plastic synapses.
    pub fn plasticity(&self) -> &Plasticity {
        &self.plastic
    }

    /// The network (current rates).
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// The divergence that halted the run, if any.
    pub fn halted(&self) -> Option<&Divergence> {
        self.halted.as_ref()
    }

    /// Record traces every `every_ms` ms (rounded to whole steps) from the next trial on; `None` stops.
    pub fn record_traces(&mut self, every_ms: Option<f64>) {
        self.trace_every_ms = every_ms.filter(|ms| ms.is_finite() && *ms > 0.0);
        if self.trace_every_ms.is_none() {
            self.trace = Trace::default();
        }
    }

    /// Whether traces include the five rings (on by default) or only the hand path, which is much
    /// cheaper when many trials run unseen.
    pub fn record_rings(&mut self, rings: bool) {
        self.trace_rings = rings;
    }

    /// The hand paths of the last [`RECENT_PATHS`] finished trials (oldest first), while traces
    /// are recorded.
    pub fn recent_paths(&self) -> impl ExactSizeIterator<Item = &ReachPath> {
        self.recent_paths.iter()
    }

    /// The trace of the trial in progress (or of the last one, once it has ended).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// Simulated time within the trial in progress, ms (0 between trials).
    pub fn time_in_trial_ms(&self) -> f64 {
        self.trial
            .as_ref()
            .map_or(0.0, |t| t.step as f64 * self.config.dt_ms)
    }

    /// The number of the trial in progress or the next one.
    pub fn current_trial_number(&self) -> u32 {
        self.completed + 1
    }

    /// The phase, rotation and GPi output of trial `number` (from 1).
    pub fn schedule(&self, number: u32) -> (Phase, f64, f64) {
        let c = &self.config;
        let gpi_off = c.gpi_off_after > 0 && number > c.gpi_off_after;
        let washout = c.washout_after > 0 && number > c.washout_after;
        let rotated = number > c.baseline_trials && !washout && c.rotation_deg != 0.0;
        let rotation = if rotated { c.rotation_deg } else { 0.0 };
        let phase = if gpi_off {
            Phase::GpiOff
        } else if washout {
            Phase::Washout
        } else if rotated {
            Phase::Rotation
        } else {
            Phase::Baseline
        };
        (phase, rotation, if gpi_off { 0.0 } else { c.gpi_output })
    }

    fn begin(&mut self, options: TrialOptions) {
        let config = self.config.clone();
        let c = &config;
        let number = self.completed + 1;
        let (mut phase, rotation_deg, mut kappa) = self.schedule(number);
        if let Some(k) = options.gpi_output {
            kappa = k;
        }
        if options != TrialOptions::default() {
            phase = Phase::Probe;
        }
        let target = match options.target {
            Some(t) => t.min(c.targets - 1) as usize,
            None if c.targets > 1 => self.rng.below(c.targets) as usize,
            None => 0,
        };
        let target_deg = task::target_deg(target as u32, c.targets);
        let n = self.net.n();
        let (cos, sin) = self.net.directions();
        let code = TargetCode::new(math::to_rad(target_deg), cos, sin, c.visual_sharpness);
        let (cortex_code, gate) = if c.innate_cue_map {
            (
                code.broad.clone(),
                code.broad.iter().map(|v| v / 2.0).collect(),
            )
        } else {
            let mass: f64 = code.sharp.iter().sum();
            let scale = n as f64 / mass;
            (
                code.sharp.iter().map(|v| v * scale).collect(),
                code.sharp.clone(),
            )
        };
        self.net.reset_to_rest();
        self.net.start_noise(&mut self.rng);
        let (w, cue_cortex, cue_striatum) = self.net.trial_inputs();
        self.plastic.striatal_weights(c, w);
        self.plastic.cue_to_cortex(&cortex_code, cue_cortex);
        self.plastic
            .cue_to_striatum(c.dopamine, &code.sharp, cue_striatum);
        let steps = |ms: f64| (ms / c.dt_ms).round() as usize;
        let last_step = steps(c.trial_ms).max(1);
        if let Some(every_ms) = self.trace_every_ms {
            let every_steps = steps(every_ms).max(1);
            self.trace = Trace {
                every_steps,
                every_ms: every_steps as f64 * c.dt_ms,
                n,
                trial: number,
                target_deg,
                rotation_deg,
                ..Trace::default()
            };
            self.sample(0, Hand::default());
        }
        self.trial = Some(Trial {
            number,
            phase,
            target,
            target_deg,
            rotation_deg,
            kappa,
            options,
            step: 0,
            cue_steps: steps(c.cue_ms),
            go_step: steps(c.go_ms),
            last_step,
            sharp: code.sharp,
            gate,
            hand: Hand::default(),
            reach_steps: None,
            cortex_sum: vec![0.0; n],
            striatum_sum: vec![0.0; n],
            moving_steps: 0,
            amplitude_sum: 0.0,
        });
    }

    fn sample(&mut self, step: usize, hand: Hand) {
        let t = &mut self.trace;
        t.time_ms.push((step as f64 * self.config.dt_ms) as f32);
        t.hand.push(hand.x as f32);
        t.hand.push(hand.y as f32);
        if self.trace_rings {
            for p in Population::ALL {
                t.rings.extend(self.net.rates(p).iter().map(|&x| x as f32));
            }
        }
    }

    /// Runs the trial in progress for at most `max_steps` steps; returns how many steps ran and
    /// the trial's record if it ended.
    fn run_steps(&mut self, max_steps: usize) -> Result<(usize, Option<TrialRecord>), Divergence> {
        let Some(mut trial) = self.trial.take() else {
            return Ok((0, None));
        };
        let c = &self.config;
        let (dt, cue_strength, cue_hold) = (c.dt_ms, c.cue_strength, c.cue_hold);
        let n = self.net.n();
        let hand_gain = c.hand_gain * c.dt_ms / n as f64;
        let inv_n = 1.0 / n as f64;
        let mut budget = max_steps;
        let mut ended = false;
        while budget > 0 {
            let cue = if trial.step < trial.cue_steps {
                cue_strength
            } else {
                cue_hold
            };
            if let Err(Runaway { population, rate }) =
                self.net.step(cue, trial.kappa, &mut self.rng)
            {
                let d = Divergence {
                    trial: trial.number,
                    time_ms: (trial.step + 1) as f64 * dt,
                    population: population.label(),
                    rate: crate::format::num(rate),
                    cause: likely_cause(population),
                };
                self.halted = Some(d.clone());
                return Err(d);
            }
            let moving = trial.step >= trial.go_step && trial.reach_steps.is_none();
            trial.step += 1;
            budget -= 1;
            if moving {
                let z = self.net.population_vector();
                let cortex = self.net.rates(Population::Cortex);
                let striatum = self.net.rates(Population::Striatum);
                for i in 0..n {
                    trial.cortex_sum[i] += cortex[i];
                    trial.striatum_sum[i] += striatum[i];
                }
                trial.moving_steps += 1;
                trial.amplitude_sum += math::hypot(z.0, z.1) * inv_n;
                if trial.hand.advance(z, hand_gain) {
                    trial.reach_steps = Some(trial.step - trial.go_step);
                }
            }
            if self.trace_every_ms.is_some() && trial.step % self.trace.every_steps.max(1) == 0 {
                self.sample(trial.step, trial.hand);
            }
            let reached = trial.reach_steps.is_some() && !trial.options.run_to_end;
            if reached || trial.step >= trial.last_step {
                ended = true;
                break;
            }
        }
        let ran = max_steps - budget;
        if ended {
            Ok((ran, Some(self.finish(trial))))
        } else {
            self.trial = Some(trial);
            Ok((ran, None))
        }
    }

    fn finish(&mut self, trial: Trial) -> TrialRecord {
        let c = &self.config;
        let executed = trial.reach_steps.is_some();
        let outcome = task::score(
            c,
            trial.hand,
            trial.rotation_deg,
            trial.target_deg,
            executed,
        );
        let learn = trial.options.learn;
        let rpe = if learn {
            self.plastic
                .reward_prediction_error(trial.target, outcome.reward, c.rpe_rate)
        } else {
            outcome.reward - self.plastic.expected[trial.target]
        };
        if learn {
            let steps = trial.moving_steps.max(1) as f64;
            let cortex: Vec<f64> = trial.cortex_sum.iter().map(|x| x / steps).collect();
            let striatum: Vec<f64> = trial.striatum_sum.iter().map(|x| x / steps).collect();
            let reach = ReachActivity {
                cortex: &cortex,
                striatum: &striatum,
                sharp: &trial.sharp,
                gate: &trial.gate,
            };
            self.plastic.learn(c, rpe, outcome.reward, &reach);
        }
        let record = TrialRecord {
            trial: trial.number,
            phase: trial.phase,
            target_deg: trial.target_deg,
            hand_deg: outcome.hand_deg,
            cursor_deg: outcome.cursor_deg,
            error_deg: outcome.error_deg,
            reward: outcome.reward,
            rpe,
            executed,
            reach_ms: trial.reach_steps.map(|s| s as f64 * c.dt_ms),
            amplitude: if trial.moving_steps > 0 {
                trial.amplitude_sum / trial.moving_steps as f64
            } else {
                0.0
            },
        };
        if self.trace_every_ms.is_some() {
            if self.recent_paths.len() == RECENT_PATHS {
                self.recent_paths.pop_front();
            }
            self.recent_paths.push_back(ReachPath {
                trial: trial.number,
                target_deg: trial.target_deg,
                rotation_deg: trial.rotation_deg,
                hand: self.trace.hand.clone(),
            });
        }
        self.completed += 1;
        if self.history.len() >= self.history_cap {
            self.history.drain(..self.history_cap / 2);
        }
        self.history.push(record.clone());
        record
    }

    fn check_halted(&self) -> Result<(), Divergence> {
        match &self.halted {
            Some(d) => Err(d.clone()),
            None => Ok(()),
        }
    }

    /// Runs one whole trial (finishing the one in progress, if any) and returns its record.
    pub fn run_trial(&mut self) -> Result<TrialRecord, Divergence> {
        self.run_trial_with(TrialOptions::default())
    }

    /// Runs one whole trial with `options` (a trial in progress is finished first, normally).
    pub fn run_trial_with(&mut self, options: TrialOptions) -> Result<TrialRecord, Divergence> {
        self.check_halted()?;
        if self.trial.is_some() {
            if let (_, Some(r)) = self.run_steps(usize::MAX)? {
                if options == TrialOptions::default() {
                    return Ok(r);
                }
            }
        }
        self.begin(options);
        loop {
            if let (_, Some(r)) = self.run_steps(usize::MAX)? {
                return Ok(r);
            }
        }
    }

    /// Runs `count` whole trials; returns how many finished.
    pub fn run_trials(&mut self, count: u32) -> Result<u32, Divergence> {
        for _ in 0..count {
            self.run_trial()?;
        }
        Ok(count)
    }

    /// Advances simulated time by `ms` (rounded to whole steps), starting trials as needed; returns
    /// the records of the trials that ended.
    pub fn advance(&mut self, ms: f64) -> Result<Vec<TrialRecord>, Divergence> {
        self.check_halted()?;
        let mut steps = if ms.is_finite() && ms > 0.0 {
            (ms / self.config.dt_ms).round() as usize
        } else {
            0
        };
        let mut done = Vec::new();
        while steps > 0 {
            if self.trial.is_none() {
                self.begin(TrialOptions::default());
            }
            let (ran, finished) = self.run_steps(steps)?;
            steps -= ran;
            done.extend(finished);
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rotation() -> Config {
        crate::presets::preset("rotation")
            .map(|p| p.config())
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    #[test]
    fn same_seed_same_records_other_seed_other_records() {
        let run = |seed: u64| {
            let mut c = rotation();
            c.seed = seed;
            let mut s = Simulation::from_config(c).expect("valid");
            (0..20)
                .map(|_| s.run_trial().expect("finite"))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(3), run(3));
        assert_ne!(run(3), run(4));
    }

    #[test]
    fn stepping_in_slices_gives_the_same_trials_as_whole_trials() {
        let mut a = Simulation::from_config(rotation()).expect("valid");
        let whole: Vec<_> = (0..8).map(|_| a.run_trial().expect("finite")).collect();
        let mut b = Simulation::from_config(rotation()).expect("valid");
        b.record_traces(Some(2.0));
        let mut sliced = Vec::new();
        while sliced.len() < 8 {
            sliced.extend(b.advance(7.3).expect("finite"));
        }
        sliced.truncate(8);
        assert_eq!(
            whole, sliced,
            "recording traces and slicing time change nothing"
        );
    }

    #[test]
    fn advance_spends_exactly_the_time_asked_across_trial_boundaries() {
        let mut whole = Simulation::from_config(rotation()).expect("valid");
        let first = whole.run_trial().expect("finite");
        let length = 250.0 + first.reach_ms.unwrap_or(0.0);
        let mut s = Simulation::from_config(rotation()).expect("valid");
        assert!(s.advance(100.0).expect("finite").is_empty());
        assert_eq!(s.time_in_trial_ms(), 100.0);
        let done = s.advance(length - 100.0 + 12.5).expect("finite");
        assert_eq!(done, vec![first]);
        assert_eq!(
            s.time_in_trial_ms(),
            12.5,
            "the rest of the slice went to the next trial"
        );
    }

    #[test]
    fn a_naive_reach_goes_to_the_target_and_the_rotation_shows_in_the_error() {
        let mut s = Simulation::from_config(rotation()).expect("valid");
        let r = s.run_trial().expect("finite");
        assert!(r.executed);
        assert!(r.hand_deg.abs() < 30.0, "hand {}", r.hand_deg);
        assert!((r.error_deg - (r.hand_deg + 30.0)).abs() < 1e-9);
        let ms = r.reach_ms.unwrap_or(0.0);
        assert!((80.0..=250.0).contains(&ms), "reach {ms} ms");
        assert_eq!(r.phase, Phase::Rotation);
    }

    #[test]
    fn phases_follow_the_schedule() {
        let mut c = rotation();
        c.baseline_trials = 2;
        c.washout_after = 4;
        c.gpi_off_after = 5;
        let mut s = Simulation::from_config(c).expect("valid");
        let phases: Vec<Phase> = (0..6)
            .map(|_| s.run_trial().expect("finite").phase)
            .collect();
        use Phase::*;
        assert_eq!(
            phases,
            vec![Baseline, Baseline, Rotation, Rotation, Washout, GpiOff]
        );
    }

    #[test]
    fn history_is_capped_keeping_the_latest_trials() {
        let mut s = Simulation::from_config(rotation()).expect("valid");
        s.set_history_cap(10);
        s.run_trials(25).expect("finite");
        let kept = s.history().len();
        assert!(
            (6..=10).contains(&kept),
            "a cap of 10 keeps 6–10 records, kept {kept}"
        );
        assert_eq!(s.history().last().map(|r| r.trial), Some(25));
        assert_eq!(s.trials_done(), 25);
        let first = s.history()[0].trial as usize;
        assert_eq!(first + s.history().len() - 1, 25, "contiguous");
    }

    #[test]
    fn traces_sample_hand_and_all_rings() {
        let mut s = Simulation::from_config(rotation()).expect("valid");
        s.record_traces(Some(1.0));
        let r = s.run_trial().expect("finite");
        let t = s.trace();
        let expected = ((250.0 + r.reach_ms.unwrap_or(0.0)) / 1.0).floor() as usize + 1;
        assert_eq!(t.len(), expected);
        assert_eq!(t.rings.len(), t.len() * 5 * 64);
        let last = t.len() - 1;
        let (x, y) = (t.hand[2 * last] as f64, t.hand[2 * last + 1] as f64);
        assert!((x * x + y * y).sqrt() >= 0.99);
        assert!(t.ring(last, Population::Cortex).iter().any(|&v| v > 0.0));
    }

    #[test]
    fn divergence_halts_the_run_with_a_message() {
        let mut c = Config::default();
        c.g_sc = 3.0;
        c.dopamine = 2.0;
        c.g_gs = 0.0;
        c.cortical_inhibition = 0.0;
        c.cortical_recurrence = 3.8;
        c.cortical_drive = 0.5;
        c.cue_strength = 2.0;
        c.trial_ms = 3000.0;
        c.go_ms = 3000.0;
        c.g_ct = 3.0;
        let mut s = Simulation::from_config(c).expect("valid but explosive");
        let err = (0..5).find_map(|_| s.run_trial().err());
        let err = err.expect("diverges");
        assert!(err.to_string().contains("Likely cause"), "{err}");
        assert!(s.run_trial().is_err(), "stays halted");
        assert!(s.advance(10.0).is_err());
    }
}
