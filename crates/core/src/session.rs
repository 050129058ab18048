//! A session: what a front end holds between calls — the running simulation, the configuration the
//! next reset will use, the presets they came from, and the trace settings. The page's bindings
//! only translate to and from JavaScript; everything here is tested natively.

use crate::config::{Config, ConfigErrors};
use crate::experiment::Simulation;
use crate::permalink::{self, Permalink};
use crate::presets;
use crate::schema::{Input, ParamError};

/// Longest slice of simulated time one [`Session::step`] accepts, ms.
pub const MAX_STEP_MS: f64 = 600_000.0;
/// Most trials one [`Session::run_trials`] accepts.
pub const MAX_TRIALS_PER_CALL: u32 = 100_000;
/// Longest trace sampling interval, ms.
pub const MAX_TRACE_EVERY_MS: f64 = 100.0;

/// How within-trial traces are recorded; kept across resets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TraceSettings {
    /// Sampling interval, ms (`None`: no traces).
    pub every_ms: Option<f64>,
    /// Whether the five rings are sampled, or only the hand path.
    pub rings: bool,
}

impl Default for TraceSettings {
    fn default() -> Self {
        TraceSettings {
            every_ms: None,
            rings: true,
        }
    }
}

/// A running experiment and the changes waiting for the next reset.
#[derive(Clone, Debug)]
pub struct Session {
    sim: Simulation,
    pending: Config,
    /// The preset the pending configuration starts from.
    preset: Option<&'static str>,
    /// The preset the running configuration started from (what a permalink names).
    running_preset: Option<&'static str>,
    traces: TraceSettings,
    /// The most records kept in memory, if not [`crate::experiment::HISTORY_CAP`].
    history_cap: Option<usize>,
}

fn one(key: &str, message: String) -> ConfigErrors {
    ConfigErrors {
        errors: vec![ParamError::new(key, message)],
    }
}

/// `x` if finite and within [min, max]; otherwise an error naming `name` and the range.
pub fn in_range(name: &str, x: f64, min: f64, max: f64) -> Result<f64, ConfigErrors> {
    if x.is_finite() && x >= min && x <= max {
        Ok(x)
    } else {
        Err(one(
            name,
            format!(
                "`{name}` = {} is out of range {}–{}",
                crate::format::num(x),
                crate::format::num(min),
                crate::format::num(max)
            ),
        ))
    }
}

/// `x` as a whole number within [min, max]; otherwise an error naming `name`.
pub fn whole(name: &str, x: f64, min: u32, max: u32) -> Result<u32, ConfigErrors> {
    let v = in_range(name, x, f64::from(min), f64::from(max))?;
    if v.fract() != 0.0 {
        return Err(one(name, format!("`{name}` = {v} must be a whole number")));
    }
    Ok(v as u32)
}

impl Session {
    /// A session running the defaults overridden by `settings`.
    pub fn new<'a, I, V>(settings: I) -> Result<Self, ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let mut pending = Config::default();
        pending.apply(settings)?;
        let sim = Simulation::from_config(pending.clone())?;
        Ok(Session {
            sim,
            pending,
            preset: None,
            running_preset: None,
            traces: TraceSettings::default(),
            history_cap: None,
        })
    }

    /// The running simulation.
    pub fn sim(&self) -> &Simulation {
        &self.sim
    }

    /// The running simulation, to advance it.
    pub fn sim_mut(&mut self) -> &mut Simulation {
        &mut self.sim
    }

    /// The configuration the next [`Session::reset`] applies.
    pub fn pending(&self) -> &Config {
        &self.pending
    }

    /// Whether the pending configuration differs from the running one.
    pub fn has_pending_changes(&self) -> bool {
        &self.pending != self.sim.config()
    }

    /// The preset the running configuration started from.
    pub fn running_preset(&self) -> Option<&'static str> {
        self.running_preset
    }

    /// The trace settings.
    pub fn traces(&self) -> TraceSettings {
        self.traces
    }

    /// Changes parameters of the pending configuration, all or nothing: on any bad entry nothing
    /// changes and the error names every bad key.
    pub fn configure<'a, I, V>(&mut self, settings: I) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let mut next = self.pending.clone();
        next.apply(settings)?;
        next.validate()?;
        self.pending = next;
        Ok(())
    }

    /// The pending configuration becomes the preset `name`'s (keeping the seed).
    pub fn use_preset(&mut self, name: &str) -> Result<(), ConfigErrors> {
        let preset = presets::preset(name).ok_or_else(|| {
            one(
                "preset",
                format!(
                    "preset {:?} is not one of: {}",
                    name.chars().take(40).collect::<String>(),
                    presets::names()
                ),
            )
        })?;
        let mut config = preset.config()?;
        config.seed = self.pending.seed;
        self.pending = config;
        self.preset = Some(preset.name);
        Ok(())
    }

    /// The pending configuration becomes the defaults (keeping the seed), with no preset.
    pub fn use_defaults(&mut self) {
        self.pending = Config {
            seed: self.pending.seed,
            ..Config::default()
        };
        self.preset = None;
    }

    /// Opens a link: its configuration and preset become the pending ones and a new run starts.
    /// Returns the decoded link (view options, rejected entries, notes).
    pub fn open_permalink(&mut self, link: &str) -> Result<Permalink, ConfigErrors> {
        let decoded = permalink::decode(link);
        self.pending = decoded.config.clone();
        self.preset = decoded.preset;
        self.reset(None)?;
        Ok(decoded)
    }

    /// The link of the running experiment with view `options`.
    pub fn permalink(&self, options: &[(&str, &str)]) -> String {
        permalink::encode(self.running_preset, self.sim.config(), options)
    }

    /// Starts a new run from naive synapses with the pending configuration (and `seed`, if
    /// given), keeping the trace settings.
    pub fn reset(&mut self, seed: Option<f64>) -> Result<(), ConfigErrors> {
        let mut next = self.pending.clone();
        if let Some(s) = seed {
            next.set("seed", s)
                .map_err(|e| ConfigErrors { errors: vec![e] })?;
        }
        self.sim = Simulation::from_config(next.clone())?;
        self.apply_traces();
        self.running_preset = self.preset;
        self.pending = next;
        Ok(())
    }

    /// Records traces every `every_ms` ms (0 turns them off), with or without the rings.
    pub fn record_traces(&mut self, every_ms: f64, rings: bool) -> Result<(), ConfigErrors> {
        let every = in_range("everyMs", every_ms, 0.0, MAX_TRACE_EVERY_MS)?;
        self.traces = TraceSettings {
            every_ms: (every > 0.0).then_some(every),
            rings,
        };
        self.apply_traces();
        Ok(())
    }

    fn apply_traces(&mut self) {
        self.sim.record_traces(self.traces.every_ms);
        self.sim.record_rings(self.traces.rings);
        if let Some(cap) = self.history_cap {
            self.sim.set_history_cap(cap);
        }
    }

    /// Keeps at most `cap` trial records in memory (2 to the default cap), now and after resets:
    /// for embedders short of memory, and for testing the cap.
    pub fn set_history_cap(&mut self, cap: f64) -> Result<(), ConfigErrors> {
        let max = crate::experiment::HISTORY_CAP as u32;
        let cap = whole("cap", cap, 2, max)? as usize;
        self.history_cap = Some(cap);
        self.sim.set_history_cap(cap);
        Ok(())
    }

    /// Advances simulated time by `ms` (checked); returns how many trials ended.
    pub fn step(&mut self, ms: f64) -> Result<u32, String> {
        let ms = in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(|e| e.to_string())?;
        let done = self.sim.advance(ms).map_err(|e| e.to_string())?;
        Ok(done.len() as u32)
    }

    /// Runs the trial in progress (or a new one) for at most `ms` (checked), stopping at its end;
    /// returns its record if it ended.
    pub fn step_trial_slice(&mut self, ms: f64) -> Result<Option<crate::TrialRecord>, String> {
        let ms = in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(|e| e.to_string())?;
        self.sim.run_trial_slice(ms).map_err(|e| e.to_string())
    }

    /// The records of the trials after trial `after` that are still kept, oldest first.
    pub fn records_after(&self, after: u32) -> &[crate::TrialRecord] {
        let h = self.sim.history();
        let start = h.partition_point(|r| r.trial <= after);
        &h[start..]
    }

    /// Runs `n` whole trials (checked); returns how many ran.
    pub fn run_trials(&mut self, n: f64) -> Result<u32, String> {
        let n = whole("n", n, 0, MAX_TRIALS_PER_CALL).map_err(|e| e.to_string())?;
        self.sim.run_trials(n).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(std::iter::empty::<(&str, f64)>()).expect("defaults")
    }

    #[test]
    fn configure_is_all_or_nothing_and_waits_for_reset() {
        let mut s = session();
        let err = s
            .configure([("loop_strength", 0.5), ("dopamine", 9.0)])
            .expect_err("dopamine out of range");
        assert!(err.to_string().contains("dopamine"), "{err}");
        assert_eq!(s.pending(), &Config::default(), "nothing changed");
        s.configure([("loop_strength", 0.5)]).expect("valid");
        assert!(s.has_pending_changes());
        assert_eq!(
            s.sim().config().loop_strength,
            1.0,
            "running config untouched"
        );
        s.reset(None).expect("reset");
        assert!(!s.has_pending_changes());
        assert_eq!(s.sim().config().loop_strength, 0.5);
    }

    #[test]
    fn reset_keeps_the_trace_settings_rings_flag_included() {
        let mut s = session();
        s.record_traces(2.0, false).expect("in range");
        s.reset(Some(4.0)).expect("reset");
        assert_eq!(s.sim().config().seed, 4);
        s.run_trials(1.0).expect("runs");
        let t = s.sim().trace();
        assert!(!t.hand.is_empty(), "hand path recorded after reset");
        assert!(t.rings.is_empty(), "rings stay off after reset");
        assert_eq!(
            s.traces(),
            TraceSettings {
                every_ms: Some(2.0),
                rings: false
            }
        );
    }

    #[test]
    fn presets_and_links_name_what_is_running() {
        let mut s = session();
        s.use_preset("weak-loop").expect("exists");
        assert_eq!(s.running_preset(), None, "not before reset");
        s.reset(Some(5.0)).expect("reset");
        assert_eq!(s.running_preset(), Some("weak-loop"));
        let link = s.permalink(&[("hand", "1")]);
        let mut other = session();
        let decoded = other.open_permalink(&link).expect("opens");
        assert!(decoded.rejected.is_empty());
        assert_eq!(other.sim().config(), s.sim().config());
        assert_eq!(other.running_preset(), Some("weak-loop"));
        assert!(s.use_preset("nope").is_err());
        s.use_defaults();
        s.reset(None).expect("reset");
        assert_eq!(s.running_preset(), None);
        assert_eq!(s.sim().config().seed, 5, "seed kept");
    }

    #[test]
    fn many_bad_entries_give_a_short_message() {
        let mut s = session();
        let keys: Vec<String> = (0..1000).map(|i| format!("nope{i}")).collect();
        let err = s
            .configure(keys.iter().map(|k| (k.as_str(), 1.0)))
            .expect_err("unknown keys");
        assert_eq!(err.errors.len(), 1000, "every problem is kept");
        let text = err.to_string();
        assert!(text.ends_with("; and 990 more"), "{text}");
        assert!(text.len() < 1000, "{} characters", text.len());
    }

    #[test]
    fn bad_numbers_are_refused_with_their_name() {
        let mut s = session();
        for bad in [f64::NAN, -1.0, f64::INFINITY, MAX_STEP_MS * 2.0] {
            assert!(s.step(bad).is_err_and(|e| e.contains("`ms`")), "{bad}");
        }
        assert!(s.run_trials(1.5).is_err_and(|e| e.contains("whole")));
        assert!(s.record_traces(-1.0, true).is_err());
        assert!(s.reset(Some(-3.0)).is_err());
        assert_eq!(s.run_trials(2.0), Ok(2));
    }
}
