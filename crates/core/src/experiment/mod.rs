//! The experiment: a seeded run of trials with phases, learning between trials, optional
//! within-trial traces for drawing, and a divergence guard.
//!
//! A [`Simulation`] can be driven a whole trial at a time ([`Simulation::run_trial`]) or a slice of
//! simulated time at a time ([`Simulation::advance`]) — the page animates a reach that way. Both
//! give the same trials: the trial is one state machine, and recording traces never changes it.

mod handover;
mod recorder;
mod trial;

pub use handover::HandoverError;
pub use recorder::{ReachPath, Trace, HISTORY_CAP, RECENT_PATHS};

use crate::config::{Config, ConfigErrors, ValidConfig};
use crate::learning::Plasticity;
use crate::math;
use crate::network::{Network, Population, Runaway, RATE_LIMIT};
use crate::record::{Phase, TrialRecord};
use crate::rng::Rng;
use crate::schedule::{Event, Schedule};
use crate::schema::ParamError;
use crate::task;
use recorder::Recorder;
use trial::{Setup, Trial};

/// A run that stopped because the network left its safe range. It is said by the catalog
/// (`error-diverged`, with the population's name and the likely cause, `cause-<…>`) in the
/// reader's language; its `Display` is the English sentence.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Divergence {
    /// The trial in which it happened.
    pub trial: u32,
    /// Time in the trial, ms.
    pub time_ms: f64,
    /// The population whose rate ran away.
    pub population: Population,
    /// The offending rate (text, since it may be NaN).
    pub rate: String,
}

impl Divergence {
    /// The catalog id of the parameters most likely responsible (`cause-stn-gpi`).
    pub fn cause_id(&self) -> String {
        format!("cause-{}", cause_key(self.population))
    }
}

impl std::fmt::Display for Divergence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Said::said_in(
            self,
            crate::i18n::Catalog::english(),
        ))
    }
}

impl std::error::Error for Divergence {}

impl crate::i18n::Said for Divergence {
    /// The sentence in `words`' language: the population and the likely cause by their catalog
    /// names, the numbers the reader's way.
    fn said_in(&self, words: &crate::i18n::Catalog) -> String {
        let population = words.text(&format!("population-{}", self.population.key()));
        let cause = words.text(&self.cause_id());
        words.format(
            &crate::i18n::Msg::new("error-diverged")
                .count("trial", self.trial)
                .numbers("ms", self.time_ms.to_string())
                .text("population", population)
                .numbers("rate", self.rate.clone())
                .numbers("limit", RATE_LIMIT.to_string())
                .text("cause", cause),
        )
    }
}

/// The catalog name of the likely cause of a runaway rate of `p`.
fn cause_key(p: Population) -> &'static str {
    match p {
        Population::Cortex => "cortex",
        Population::Striatum => "striatum",
        Population::Stn | Population::Gpi => "stn-gpi",
        Population::Thalamus => "thalamus",
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

/// A seeded experiment: network, plastic synapses, one random generator, and what it records.
#[derive(Clone, Debug)]
pub struct Simulation {
    /// The configuration the run started with.
    base: ValidConfig,
    /// The changes at trial boundaries.
    schedule: Schedule,
    /// The configuration in force in the trial in progress (or the last one): `base` with the
    /// schedule applied.
    config: Config,
    net: Network,
    plastic: Plasticity,
    rng: Rng,
    trial: Option<Trial>,
    completed: u32,
    recorder: Recorder,
    halted: Option<Divergence>,
}

impl Simulation {
    /// A new run of `config`, from naive synapses, seeded by `config.seed`.
    pub fn new(config: ValidConfig) -> Self {
        Simulation::scheduled(config, Schedule::new())
    }

    /// A new run of `config` that follows `schedule` (its events are valid by construction).
    pub fn scheduled(config: ValidConfig, schedule: Schedule) -> Self {
        Simulation {
            net: Network::new(&config),
            plastic: Plasticity::new(&config),
            rng: Rng::new(config.seed),
            config: config.clone().into_inner(),
            base: config,
            schedule,
            trial: None,
            completed: 0,
            recorder: Recorder::default(),
            halted: None,
        }
    }

    /// A new run of `config` if it is valid ([`Config::validated`]).
    pub fn from_config(config: Config) -> Result<Self, ConfigErrors> {
        Ok(Simulation::new(config.validated()?))
    }

    /// The configuration this run started with (see [`Simulation::in_force`] for the one its
    /// schedule has made of it).
    pub fn config(&self) -> &Config {
        &self.base
    }

    /// The configuration in force in the trial in progress, or in the last one.
    pub fn in_force(&self) -> &Config {
        &self.config
    }

    /// The run's schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The first trial a change made now can apply to: the next one to begin.
    pub fn next_boundary(&self) -> u32 {
        self.completed + 1 + u32::from(self.trial.is_some())
    }

    /// Adds `event` to the schedule. It must not reach back before [`Simulation::next_boundary`]:
    /// the trials already begun keep what they ran with.
    pub fn add_event(&mut self, event: Event) -> Result<(), ParamError> {
        let first = self.next_boundary();
        if event.trial < first {
            return Err(ParamError::localized(
                event.key,
                crate::i18n::Msg::new("event-begun")
                    .text("event", event.to_text())
                    .num("trial", f64::from(event.trial))
                    .num("first", f64::from(first)),
            ));
        }
        self.schedule.add(event)
    }

    /// Removes the event of `key` at `trial` if it has not taken effect yet; returns whether it was there.
    pub fn remove_event(&mut self, trial: u32, key: &str) -> bool {
        trial >= self.next_boundary() && self.schedule.remove(trial, key)
    }

    /// The finished trials kept in memory: all of them, or the most recent ones past
    /// [`HISTORY_CAP`] (`history()[0].trial` tells which is first).
    pub fn history(&self) -> &[TrialRecord] {
        self.recorder.history()
    }

    /// Keeps at most `cap` (≥ 2) records in memory instead of [`HISTORY_CAP`].
    pub fn set_history_cap(&mut self, cap: usize) {
        self.recorder.set_history_cap(cap);
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

    /// Runs the network step compiled for `lanes` when this CPU has them (see
    /// [`crate::network::Lanes`]; every choice gives the same numbers). For benchmarks.
    pub fn use_lanes(&mut self, lanes: crate::network::Lanes) {
        self.net.use_lanes(lanes);
    }

    /// The divergence that halted the run, if any.
    pub fn halted(&self) -> Option<&Divergence> {
        self.halted.as_ref()
    }

    /// Record traces every `every_ms` ms (rounded to whole steps) from the next trial on; `None` stops.
    pub fn record_traces(&mut self, every_ms: Option<f64>) {
        self.recorder.record_traces(every_ms);
    }

    /// Whether traces include the five rings (on by default) or only the hand path, which is much
    /// cheaper when many trials run unseen.
    pub fn record_rings(&mut self, rings: bool) {
        self.recorder.record_rings(rings);
    }

    /// The hand paths of the last [`RECENT_PATHS`] finished trials (oldest first), while traces
    /// are recorded.
    pub fn recent_paths(&self) -> impl ExactSizeIterator<Item = &ReachPath> {
        self.recorder.recent_paths()
    }

    /// The trace of the trial in progress (or of the last one, once it has ended).
    pub fn trace(&self) -> &Trace {
        self.recorder.trace()
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

    /// The configuration in force in trial `number` (from 1) and the trial's phase.
    pub fn plan_of(&self, number: u32) -> (Config, Phase) {
        let c = self.schedule.config_in(&self.base, number);
        let gpi_off = c.gpi_output == 0.0 && self.schedule.switched_off("gpi_output", number);
        let washout = c.rotation_deg == 0.0 && self.schedule.switched_off("rotation_deg", number);
        let rotated = number > c.baseline_trials && c.rotation_deg != 0.0;
        let phase = if gpi_off {
            Phase::GpiOff
        } else if washout {
            Phase::Washout
        } else if rotated {
            Phase::Rotation
        } else {
            Phase::Baseline
        };
        (c, phase)
    }

    /// The phase of trial `number` (from 1).
    pub fn phase_of(&self, number: u32) -> Phase {
        self.plan_of(number).1
    }

    /// What the next trial is: its number, phase, target (drawn now) and GPi output.
    fn setup(&mut self, options: TrialOptions) -> Setup {
        let number = self.completed + 1;
        let (config, mut phase) = self.plan_of(number);
        if config != self.config {
            self.net.retune(&config);
            self.config = config;
        }
        let c = &self.config;
        let rotation_deg = if number > c.baseline_trials {
            c.rotation_deg
        } else {
            0.0
        };
        let mut gpi_output = c.gpi_output;
        if let Some(k) = options.gpi_output {
            gpi_output = k;
        }
        if options != TrialOptions::default() {
            phase = Phase::Probe;
        }
        let targets = self.config.targets;
        let target = match options.target {
            Some(t) => t.min(targets - 1) as usize,
            None if targets > 1 => self.rng.below(targets) as usize,
            None => 0,
        };
        Setup {
            number,
            phase,
            target,
            target_deg: task::target_deg(target as u32, targets),
            rotation_deg,
            gpi_output,
            options,
        }
    }

    fn begin(&mut self, options: TrialOptions) {
        let setup = self.setup(options);
        let (cos, sin) = self.net.directions();
        let (trial, cortex_code) = Trial::new(&self.config, setup, cos, sin);
        self.net.reset_to_rest();
        self.net.start_noise(&mut self.rng);
        self.net
            .set_diagonal_weights(self.plastic.motor_map_is_zero());
        let (w, cue_cortex, cue_striatum) = self.net.trial_inputs();
        self.plastic.striatal_weights(&self.config, w);
        self.plastic.cue_to_cortex(&cortex_code, cue_cortex);
        self.plastic
            .cue_to_striatum(self.config.dopamine, &trial.sharp, cue_striatum);
        let shown = (setup.target_deg, setup.rotation_deg);
        self.recorder
            .start_trial(setup.number, shown, self.config.dt_ms, &self.net);
        self.trial = Some(trial);
    }

    /// Runs the trial in progress for at most `max_steps` steps; returns how many steps ran and
    /// the trial's record if it ended.
    fn run_steps(&mut self, max_steps: usize) -> Result<(usize, Option<TrialRecord>), Divergence> {
        let Some(mut trial) = self.trial.take() else {
            return Ok((0, None));
        };
        let n = self.net.n();
        let hand_gain = self.config.hand_gain * self.config.dt_ms / n as f64;
        let inv_n = 1.0 / n as f64;
        let mut ran = 0;
        while ran < max_steps {
            if let Err(runaway) = self.net.step(
                trial.cue(&self.config),
                trial.setup.gpi_output,
                &mut self.rng,
            ) {
                return Err(self.halt(&trial, runaway));
            }
            let moving = trial.moving();
            trial.step += 1;
            ran += 1;
            if moving {
                let z = self.net.population_vector();
                let amplitude = math::hypot(z.0, z.1) * inv_n;
                let (cortex, striatum) = (
                    self.net.rates(Population::Cortex),
                    self.net.rates(Population::Striatum),
                );
                trial.sums.add(cortex, striatum, amplitude);
                if trial.hand.advance(z, hand_gain) {
                    trial.reach_steps = Some(trial.step - trial.go_step);
                }
            }
            self.recorder
                .after_step(trial.step, self.config.dt_ms, trial.hand, &self.net);
            if trial.over() {
                return Ok((ran, Some(self.finish(trial))));
            }
        }
        self.trial = Some(trial);
        Ok((ran, None))
    }

    /// Halts the run on a runaway rate, with the likely cause.
    fn halt(&mut self, trial: &Trial, Runaway { population, rate }: Runaway) -> Divergence {
        let d = Divergence {
            trial: trial.setup.number,
            time_ms: (trial.step + 1) as f64 * self.config.dt_ms,
            population,
            rate: crate::format::num(rate),
        };
        self.halted = Some(d.clone());
        d
    }

    fn finish(&mut self, trial: Trial) -> TrialRecord {
        let c = &self.config;
        let executed = trial.reach_steps.is_some();
        let outcome = task::score(
            c,
            trial.hand,
            trial.setup.rotation_deg,
            trial.setup.target_deg,
            executed,
        );
        let learn = trial.setup.options.learn;
        // The record keeps the teaching signal the dopamine neurons deliver (δ itself at normal
        // dopamine).
        let rpe = self
            .plastic
            .teach(c, trial.setup.target, outcome.reward, learn);
        if learn {
            let means = trial.sums.means();
            self.plastic
                .learn(c, rpe, outcome.reward, &trial.activity(&means));
        }
        let record = TrialRecord {
            trial: trial.setup.number,
            phase: trial.setup.phase,
            target_deg: trial.setup.target_deg,
            hand_deg: outcome.hand_deg,
            cursor_deg: outcome.cursor_deg,
            error_deg: outcome.error_deg,
            reward: outcome.reward,
            rpe,
            executed,
            reach_ms: trial.reach_steps.map(|s| s as f64 * c.dt_ms),
            amplitude: trial.sums.amplitude(),
        };
        self.completed += 1;
        self.recorder
            .finish_trial(&record, trial.setup.rotation_deg);
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

    /// Runs the trial in progress (or a new one) for at most `ms` of simulated time, stopping at
    /// its end: returns its record if it ended. Lets a front end run one trial in slices.
    pub fn run_trial_slice(&mut self, ms: f64) -> Result<Option<TrialRecord>, Divergence> {
        self.check_halted()?;
        if self.trial.is_none() {
            self.begin(TrialOptions::default());
        }
        let steps = if ms.is_finite() && ms > 0.0 {
            ((ms / self.config.dt_ms).round() as usize).max(1)
        } else {
            1
        };
        Ok(self.run_steps(steps)?.1)
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

    #[test]
    fn a_divergence_is_said_in_every_language_and_in_english_as_its_display() {
        use crate::i18n::{Catalog, Said};
        for p in Population::ALL {
            let d = Divergence {
                trial: 12,
                time_ms: 312.5,
                population: p,
                rate: "NaN".to_string(),
            };
            assert_eq!(d.said_in(Catalog::english()), d.to_string());
            // Every population and cause has its words (every language has the English ids:
            // tests/catalogs.rs).
            let said = d.to_string();
            assert!(
                !said.contains("cause-") && !said.contains("population-"),
                "{said}"
            );
        }
    }

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
    fn a_trial_run_in_slices_is_the_same_trial_and_stops_at_its_end() {
        let mut whole = Simulation::from_config(rotation()).expect("valid");
        let expected: Vec<_> = (0..3).map(|_| whole.run_trial().expect("finite")).collect();
        let mut s = Simulation::from_config(rotation()).expect("valid");
        let mut got = Vec::new();
        while got.len() < 3 {
            if let Some(r) = s.run_trial_slice(7.0).expect("finite") {
                assert_eq!(s.time_in_trial_ms(), 0.0, "stops at the trial's end");
                got.push(r);
            }
        }
        assert_eq!(got, expected);
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
        let mut p = crate::Protocol::of(rotation());
        p.apply([
            ("baseline_trials", "2"),
            ("washout_after", "4"),
            ("gpi_off_after", "5"),
            ("@7.gpi_output", "0.5"),
            ("@8-10.rotation_deg", "0..20"),
            ("@11-13.rotation_deg", "-10..10"),
        ])
        .expect("valid");
        let mut s = p.simulation().expect("valid");
        let mut phases = Vec::new();
        for _ in 0..13 {
            let r = s.run_trial().expect("finite");
            let c = s.in_force();
            phases.push((r.phase, c.gpi_output, c.rotation_deg));
        }
        use Phase::*;
        assert_eq!(
            phases,
            vec![
                (Baseline, 1.0, 30.0),
                (Baseline, 1.0, 30.0),
                (Rotation, 1.0, 30.0),
                (Rotation, 1.0, 30.0),
                (Washout, 1.0, 0.0),
                (GpiOff, 0.0, 0.0),
                (Washout, 0.5, 0.0),
                (Baseline, 0.5, 0.0),
                (Rotation, 0.5, 10.0),
                (Rotation, 0.5, 20.0),
                (Rotation, 0.5, -10.0),
                (Baseline, 0.5, 0.0),
                (Rotation, 0.5, 10.0),
            ]
        );
    }

    #[test]
    fn an_event_changes_the_run_from_its_trial_and_never_before() {
        let mut plain = Simulation::from_config(rotation()).expect("valid");
        let mut p = crate::Protocol::of(rotation());
        p.apply([("@4.loop_strength", "0.25")]).expect("valid");
        let mut changed = p.simulation().expect("valid");
        let a = plain.run_trials(6).map(|_| plain.history().to_vec());
        let b = changed.run_trials(6).map(|_| changed.history().to_vec());
        let (a, b) = (a.expect("finite"), b.expect("finite"));
        assert_eq!(a[..3], b[..3], "trials before the event are the same");
        assert_ne!(a[3..], b[3..], "the loop strength changed from trial 4");
        assert!(
            changed
                .add_event(crate::Event::from_text("@6.gpi_output=0").expect("valid"))
                .is_err(),
            "trial 6 is past"
        );
    }

    #[test]
    fn history_is_capped_keeping_the_latest_trials() {
        let mut s = Simulation::from_config(rotation()).expect("valid");
        s.set_history_cap(10);
        for n in 1..=25usize {
            s.run_trial().expect("finite");
            let kept = s.history().len();
            // Full at the cap, the oldest half goes: never more than 10, never fewer than 6.
            assert!(
                kept <= 10 && kept >= n.min(6),
                "after {n} trials a cap of 10 keeps {kept}"
            );
            let first = s.history()[0].trial as usize;
            assert_eq!(first + kept - 1, n, "contiguous, ending with trial {n}");
        }
        assert_eq!(s.trials_done(), 25);
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
