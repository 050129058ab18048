//! A session: what a front end holds between calls — the running simulation, the configuration the
//! next reset will use, the presets they came from, and the trace settings. The page's bindings
//! only translate to and from JavaScript; everything here is tested natively.

use crate::config::{Config, ConfigErrors};
use crate::experiment::HandoverError;
use crate::experiment::Simulation;
use crate::permalink::{self, Permalink};
use crate::presets;
use crate::protocol::Protocol;
use crate::schedule::{Change, Event};
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

/// A running experiment — one run, or two compared trial for trial — and the changes waiting
/// for the next reset.
#[derive(Clone, Debug)]
pub struct Session {
    /// Run A (the only run unless comparing).
    sim: Simulation,
    /// Run B of a comparison.
    b: Option<Simulation>,
    /// What the next reset runs as A.
    pending: Protocol,
    /// What the next reset runs as B (while comparing).
    pending_b: Option<Protocol>,
    /// The preset the pending configuration starts from.
    preset: Option<&'static str>,
    /// The preset the running configuration started from (what a permalink names).
    running_preset: Option<&'static str>,
    traces: TraceSettings,
    /// The most records kept in memory, if not [`crate::experiment::HISTORY_CAP`].
    history_cap: Option<usize>,
    /// While run B is fed from elsewhere (a worker thread running it ahead): the feed's number.
    /// Run A then advances alone, and B takes the handovers it is fed.
    feed: Option<u32>,
    /// Feeds started so far (so a handover from an ended feed is recognised and ignored).
    feeds: u32,
}

/// What a worker needs to run a comparison's run B ahead: see [`Session::start_feed`].
#[derive(Clone, Debug, PartialEq)]
pub struct FeedStart {
    /// The feed's number; handovers of another feed are ignored.
    pub feed: u32,
    /// Run B's protocol alone, as a link for [`Session::twin`].
    pub link: String,
    /// Run B's handover, to continue from.
    pub state: Vec<f64>,
    /// How this session records traces, for the twin to record the same.
    pub traces: TraceSettings,
}

/// Which run of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    /// The pinned run (the only one when not comparing).
    A,
    /// The run being changed.
    B,
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
    /// A session running the defaults overridden by `settings` (parameters or events).
    pub fn new<'a, I, V>(settings: I) -> Result<Self, ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let mut pending = Protocol::default();
        pending.apply(settings)?;
        let sim = pending.simulation()?;
        Ok(Session {
            sim,
            b: None,
            pending,
            pending_b: None,
            preset: None,
            running_preset: None,
            traces: TraceSettings::default(),
            history_cap: None,
            feed: None,
            feeds: 0,
        })
    }

    /// Run A (the only run unless comparing).
    pub fn sim(&self) -> &Simulation {
        &self.sim
    }

    /// Run B, while comparing.
    pub fn sim_b(&self) -> Option<&Simulation> {
        self.b.as_ref()
    }

    /// The run in focus: B while comparing, else A. Controls show and change it.
    pub fn focus(&self) -> &Simulation {
        self.b.as_ref().unwrap_or(&self.sim)
    }

    /// Run A, to advance it alone (analyses; the page advances both with the session's methods).
    pub fn sim_mut(&mut self) -> &mut Simulation {
        &mut self.sim
    }

    /// The configuration the next [`Session::reset`] gives the run in focus.
    pub fn pending(&self) -> &Config {
        &self.focus_pending().config
    }

    /// The protocol the next [`Session::reset`] gives the run in focus.
    pub fn pending_protocol(&self) -> &Protocol {
        self.focus_pending()
    }

    fn focus_pending(&self) -> &Protocol {
        self.pending_b.as_ref().unwrap_or(&self.pending)
    }

    fn focus_pending_mut(&mut self) -> &mut Protocol {
        self.pending_b.as_mut().unwrap_or(&mut self.pending)
    }

    /// The configuration the controls show for the run in focus: its pending configuration with
    /// its schedule's changes up to the next trial applied.
    pub fn shown_config(&self) -> Config {
        let p = self.focus_pending();
        p.schedule.config_in(&p.config, self.focus_next_boundary())
    }

    /// The changes to mark on the learning view, `(first trial, label)`: run A's, then run B's
    /// own, labelled "B: …", while comparing.
    pub fn markers(&self) -> Vec<(u32, String)> {
        let a = self.sim.schedule();
        let mut out: Vec<(u32, String)> = a.events().iter().map(|e| (e.trial, e.label())).collect();
        if let Some(b) = &self.b {
            out.extend(
                b.schedule()
                    .beyond(a)
                    .iter()
                    .map(|e| (e.trial, format!("B: {}", e.label()))),
            );
        }
        out
    }

    /// While comparing, the two runs' names for legends and the status line, from their first
    /// difference: `["A: Loop strength 1", "B: 0.25"]`.
    pub fn run_names(&self) -> Option<[String; 2]> {
        let b = self.b.as_ref()?;
        let (a, b) = (self.sim.protocol(), b.protocol());
        let diff = b.diff(&a);
        let more = match diff.len() {
            0 | 1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        let names = match diff.first() {
            None => ["A".to_string(), "B (no change yet)".to_string()],
            Some((key, _)) if key.starts_with('@') => {
                let label = b
                    .schedule
                    .beyond(&a.schedule)
                    .first()
                    .map(|e| format!("{} from trial {}", e.label(), e.trial));
                [
                    "A".to_string(),
                    format!("B: {}{more}", label.unwrap_or_default()),
                ]
            }
            Some((key, value)) => {
                let spec = crate::config::spec(key);
                let label = spec.map_or(key.as_str(), |s| s.label);
                let unit = spec.map_or(String::new(), |s| crate::schema::unit_suffix(s.unit));
                let before = a.config.get(key).map(|v| v.to_text()).unwrap_or_default();
                [
                    format!("A: {label} {before}{unit}"),
                    format!("B: {value}{unit}{more}"),
                ]
            }
        };
        Some(names)
    }

    /// Whether the next reset would run something other than what runs now.
    pub fn has_pending_changes(&self) -> bool {
        self.pending != self.sim.protocol()
            || self.pending_b.as_ref() != self.b.as_ref().map(Simulation::protocol).as_ref()
    }

    /// The preset the running configuration started from.
    pub fn running_preset(&self) -> Option<&'static str> {
        self.running_preset
    }

    /// The trace settings.
    pub fn traces(&self) -> TraceSettings {
        self.traces
    }

    /// Changes parameters (or events) of the pending protocol of the run in focus, all or
    /// nothing: on any bad entry nothing changes and the error names every bad key.
    pub fn configure<'a, I, V>(&mut self, settings: I) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let mut next = self.focus_pending().clone();
        next.apply(settings)?;
        next.config.validate()?;
        *self.focus_pending_mut() = next;
        Ok(())
    }

    /// Changes a live parameter of the run in focus from the next trial on, without a reset: the
    /// change becomes an event of its schedule (and of what the next reset replays). Before the
    /// first trial has begun it simply changes the run's configuration. Returns the trial it
    /// applies from.
    pub fn intervene(&mut self, key: &str, value: impl Into<Input>) -> Result<u32, ConfigErrors> {
        self.settle();
        let value = value.into();
        let comparing = self.b.is_some();
        let trial = self.focus().next_boundary();
        // Checks that the key is live and the value in range, whatever the trial.
        let event = Event::step(trial, key, value.clone())?;
        // While comparing, run B keeps every event it shares with run A (a link can only add to
        // or replace them): such an event is replaced, never removed.
        let shared = comparing
            && self
                .sim
                .schedule()
                .events()
                .iter()
                .any(|e| e.trial == trial && e.key == key);
        if trial == 1 && !shared {
            // Nothing has run yet: the change is the run's starting value (replacing a trial-1
            // event of that key), here and in what the next reset runs.
            let mut running = self.focus().protocol();
            running.schedule.remove(1, key);
            running.config.set(key, value.clone())?;
            running.config.validate()?;
            let mut sim = running.simulation()?;
            Self::keep_traces(&mut sim, self.traces, self.history_cap);
            self.mirror_pending(|p| {
                p.schedule.remove(1, key);
                p.config.set(key, value.clone())
            })?;
            *self.b.as_mut().unwrap_or(&mut self.sim) = sim;
            return Ok(1);
        }
        let focus = self.b.as_mut().unwrap_or(&mut self.sim);
        // A change back to the value the run would have anyway is no event (and undoes one made
        // for the same trial).
        let mut without = focus.schedule().clone();
        without.remove(trial, key);
        let unchanged = !shared
            && match event.change {
                Change::Step(v) => without.config_in(focus.config(), trial).get(key) == Some(v),
                Change::Ramp { .. } => false,
            };
        if unchanged {
            focus.remove_event(trial, key);
            self.mirror_pending(|p| {
                p.schedule.remove(trial, key);
                Ok(())
            })?;
        } else {
            focus.add_event(event)?;
            self.mirror_pending(|p| p.schedule.add(event))?;
        }
        Ok(trial)
    }

    /// Mirrors a live change into what the next reset runs for the run in focus (B while
    /// comparing; else A, and a comparison set up for the next reset, whose B is A with its
    /// differences), one event at a time, so pending changes made before it stay.
    fn mirror_pending(
        &mut self,
        change: impl Fn(&mut Protocol) -> Result<(), ParamError>,
    ) -> Result<(), ConfigErrors> {
        match &self.b {
            Some(b) => change(self.pending_b.get_or_insert_with(|| b.protocol()))?,
            None => {
                change(&mut self.pending)?;
                if let Some(pb) = &mut self.pending_b {
                    change(pb)?;
                }
            }
        }
        Ok(())
    }

    /// Removes the not-yet-applied event of `key` at `trial` from the run in focus; returns
    /// whether there was one. While comparing, run B keeps the events it shares with run A (a
    /// link can only add to them).
    pub fn cancel_event(&mut self, trial: u32, key: &str) -> bool {
        self.settle();
        if self.b.is_some()
            && self
                .sim
                .schedule()
                .events()
                .iter()
                .any(|e| e.trial == trial && e.key == key)
        {
            return false;
        }
        let focus = self.b.as_mut().unwrap_or(&mut self.sim);
        let removed = focus.remove_event(trial, key);
        if removed {
            // Removing never fails.
            let _ = self.mirror_pending(|p| {
                p.schedule.remove(trial, key);
                Ok(())
            });
        }
        removed
    }

    /// Pins the running experiment as run A and starts run B as its exact copy (same seed, same
    /// schedule, same trials so far); from now on changes go to B. Pending changes move to B.
    pub fn compare(&mut self) {
        self.settle();
        if self.b.is_some() {
            return;
        }
        // B starts as what runs (its events included); pending changes of the parameters move
        // to B, A is pinned as it runs.
        let mut b = self.sim.protocol();
        b.config = self.pending.config.clone();
        self.pending = self.sim.protocol();
        self.pending_b = Some(b);
        self.b = Some(self.sim.clone());
    }

    /// Sets up a comparison for the next reset: run A is the pending protocol with settings `a`,
    /// run B is run A with settings `b` (all or nothing; errors name run and key).
    pub fn configure_comparison<'a, I, J, V, W>(&mut self, a: I, b: J) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        J: IntoIterator<Item = (&'a str, W)>,
        V: Into<Input>,
        W: Into<Input>,
    {
        self.settle();
        let mut pa = self.pending.clone();
        pa.apply(a)?;
        pa.config.validate()?;
        let mut pb = pa.clone();
        let named = |mut e: ConfigErrors| {
            for x in &mut e.errors {
                x.message = format!("run B: {}", x.message);
            }
            e
        };
        pb.apply(b).map_err(named)?;
        pb.config.validate().map_err(named)?;
        self.pending = pa;
        self.pending_b = Some(pb);
        Ok(())
    }

    /// Ends a comparison, keeping run B (the run in focus) as the only run.
    pub fn end_comparison(&mut self) {
        self.settle();
        if let (Some(b), Some(pb)) = (self.b.take(), self.pending_b.take()) {
            self.sim = b;
            self.pending = pb;
        }
    }

    /// The pending configuration becomes the preset `name`'s (keeping the seed); a comparison
    /// preset makes the next reset a comparison, any other ends one.
    pub fn use_preset(&mut self, name: &str) -> Result<(), ConfigErrors> {
        self.settle();
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
        let mut a = preset.protocol()?;
        a.config.seed = self.focus_pending().config.seed;
        self.pending_b = preset.compare_over(&a)?;
        self.pending = a;
        self.preset = Some(preset.name);
        Ok(())
    }

    /// The pending configuration becomes the defaults (keeping the seed), with no preset, no
    /// events and no comparison.
    pub fn use_defaults(&mut self) {
        self.settle();
        let mut p = Protocol::default();
        p.config.seed = self.focus_pending().config.seed;
        self.pending = p;
        self.pending_b = None;
        self.preset = None;
    }

    /// Opens a link: its protocols and preset become the pending ones and a new run starts.
    /// Returns the decoded link (view options, rejected entries, notes).
    pub fn open_permalink(&mut self, link: &str) -> Result<Permalink, ConfigErrors> {
        self.drop_feed();
        let decoded = permalink::decode(link);
        self.pending = decoded.protocol();
        self.pending_b = decoded.compare.clone();
        self.preset = decoded.preset;
        self.reset(None)?;
        Ok(decoded)
    }

    /// The link of the running experiment (both runs while comparing) with view `options`.
    pub fn permalink(&self, options: &[(&str, &str)]) -> String {
        let b = self.b.as_ref().map(Simulation::protocol);
        permalink::encode(
            self.running_preset,
            &self.sim.protocol(),
            b.as_ref(),
            options,
        )
    }

    /// Starts new runs from naive synapses with the pending protocols (and `seed`, if given, for
    /// both), keeping the trace settings.
    pub fn reset(&mut self, seed: Option<f64>) -> Result<(), ConfigErrors> {
        self.drop_feed();
        let mut a = self.pending.clone();
        let mut b = self.pending_b.clone();
        if let Some(s) = seed {
            for p in std::iter::once(&mut a).chain(b.as_mut()) {
                p.config
                    .set("seed", s)
                    .map_err(|e| ConfigErrors { errors: vec![e] })?;
            }
        }
        let mut sim = a.simulation()?;
        let mut sim_b = b.as_ref().map(Protocol::simulation).transpose()?;
        for s in std::iter::once(&mut sim).chain(sim_b.as_mut()) {
            Self::keep_traces(s, self.traces, self.history_cap);
        }
        self.sim = sim;
        self.b = sim_b;
        self.running_preset = self.preset;
        self.pending = a;
        self.pending_b = b;
        Ok(())
    }

    /// Records traces every `every_ms` ms (0 turns them off), with or without the rings.
    pub fn record_traces(&mut self, every_ms: f64, rings: bool) -> Result<(), ConfigErrors> {
        self.settle();
        let every = in_range("everyMs", every_ms, 0.0, MAX_TRACE_EVERY_MS)?;
        self.traces = TraceSettings {
            every_ms: (every > 0.0).then_some(every),
            rings,
        };
        self.apply_traces();
        Ok(())
    }

    fn apply_traces(&mut self) {
        let (traces, cap) = (self.traces, self.history_cap);
        for s in std::iter::once(&mut self.sim).chain(self.b.as_mut()) {
            Self::keep_traces(s, traces, cap);
        }
    }

    fn keep_traces(sim: &mut Simulation, traces: TraceSettings, cap: Option<usize>) {
        sim.record_traces(traces.every_ms);
        sim.record_rings(traces.rings);
        if let Some(cap) = cap {
            sim.set_history_cap(cap);
        }
    }

    /// Keeps at most `cap` trial records in memory (2 to the default cap), now and after resets:
    /// for embedders short of memory, and for testing the cap.
    pub fn set_history_cap(&mut self, cap: f64) -> Result<(), ConfigErrors> {
        self.settle();
        let max = crate::experiment::HISTORY_CAP as u32;
        let cap = whole("cap", cap, 2, max)? as usize;
        self.history_cap = Some(cap);
        self.apply_traces();
        Ok(())
    }

    /// Advances simulated time by `ms` (checked); returns how many trials of run A ended. Run B
    /// keeps up trial for trial.
    pub fn step(&mut self, ms: f64) -> Result<u32, String> {
        let ms = in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(|e| e.to_string())?;
        let done = self.sim.advance(ms);
        // B is brought level even when A fails, so what is exported is the same with or
        // without a feed.
        let level = self.keep_up();
        let done = done.map_err(|e| e.to_string())?;
        level?;
        Ok(done.len() as u32)
    }

    /// Runs A's trial in progress (or a new one) for at most `ms` (checked), stopping at its end;
    /// returns its record if it ended (B then runs the same trial whole).
    pub fn step_trial_slice(&mut self, ms: f64) -> Result<Option<crate::TrialRecord>, String> {
        let ms = in_range("ms", ms, 0.0, MAX_STEP_MS).map_err(|e| e.to_string())?;
        let record = self.sim.run_trial_slice(ms);
        let level = self.keep_up();
        let record = record.map_err(|e| e.to_string())?;
        level?;
        Ok(record)
    }

    /// Runs to the end of run A's trial in progress, or one whole trial, and brings run B level;
    /// returns A's record.
    pub fn step_trial(&mut self) -> Result<crate::TrialRecord, String> {
        let record = self.sim.run_trial();
        let level = self.keep_up();
        let record = record.map_err(|e| e.to_string())?;
        level?;
        Ok(record)
    }

    /// Brings run B to as many finished trials as run A (unless B is fed from elsewhere).
    fn keep_up(&mut self) -> Result<(), String> {
        if self.feed.is_some() {
            return Ok(());
        }
        if let Some(b) = &mut self.b {
            while b.trials_done() < self.sim.trials_done() {
                b.run_trial().map_err(|e| format!("run B: {e}"))?;
            }
        }
        Ok(())
    }

    /// Starts feeding run B from elsewhere: from now on A advances alone and B takes the
    /// handovers given to [`Session::feed_b`] — each continuing B from where it is, never past A
    /// — until [`Session::stop_feed`] (or any change to the session) brings B level with A
    /// itself. Returns the feed's number, B's link (its protocol alone, for a twin to open) and
    /// B's handover to start from; `None` when not comparing or B cannot be handed over.
    pub fn start_feed(&mut self) -> Option<FeedStart> {
        self.settle();
        let b = self.b.as_ref()?;
        let state = b.handover(b.trials_done())?;
        let link = crate::permalink::encode(None, &b.protocol(), None, &[]);
        self.feeds = self.feeds.wrapping_add(1);
        self.feed = Some(self.feeds);
        Some(FeedStart {
            feed: self.feeds,
            link,
            state,
            traces: self.traces,
        })
    }

    /// The first trial a change to the run in focus applies from. While B is fed from elsewhere
    /// it may lag A; the change will apply once B is level, from A's next boundary.
    pub fn focus_next_boundary(&self) -> u32 {
        match (&self.b, self.feed) {
            (Some(b), Some(_)) => b.next_boundary().max(self.sim.next_boundary()),
            _ => self.focus().next_boundary(),
        }
    }

    /// A session that continues the run of `link` from a handover (a worker's twin of run B;
    /// see [`Session::start_feed`]).
    pub fn twin(link: &str, words: &[f64]) -> Result<Session, String> {
        let mut s = Session::new(std::iter::empty::<(&str, Input)>()).map_err(|e| e.to_string())?;
        s.open_permalink(link).map_err(|e| e.to_string())?;
        s.sim.resume_from(words).map_err(|e| e.to_string())?;
        Ok(s)
    }

    /// The number of the feed in progress, if any.
    pub fn feeding(&self) -> Option<u32> {
        self.feed
    }

    /// Takes a handover for run B from feed `feed`. Returns `Ok(false)` (and changes nothing)
    /// if that feed has ended or the handover does not continue B from where it is; an error if
    /// it is malformed or would take B past A (the feed then ends).
    pub fn feed_b(&mut self, feed: u32, words: &[f64]) -> Result<bool, String> {
        if self.feed != Some(feed) {
            return Ok(false);
        }
        let a_done = self.sim.trials_done();
        let Some(b) = &mut self.b else {
            return Ok(false);
        };
        match b.take_handover_until(words, a_done) {
            Ok(()) => Ok(true),
            Err(HandoverError::NotContinuing { .. }) => Ok(false),
            Err(e) => {
                self.settle();
                Err(format!("run B: {e}"))
            }
        }
    }

    /// Ends the feed (if any) and brings run B level with run A here.
    pub fn stop_feed(&mut self) -> Result<(), String> {
        self.feed = None;
        self.keep_up()
    }

    /// Ends any feed without bringing B level: for changes that replace run B.
    fn drop_feed(&mut self) {
        self.feed = None;
    }

    /// Ends any feed and brings B level with A before a change. A divergence of B found on the
    /// way is kept in B and reported by the next step, as it would have been without the feed.
    fn settle(&mut self) {
        if self.feed.is_some() {
            let _ = self.stop_feed();
        }
    }

    /// The records of `run` after trial `after` that are still kept, oldest first (empty for B
    /// when not comparing).
    pub fn records_after(&self, run: Run, after: u32) -> &[crate::TrialRecord] {
        let sim = match run {
            Run::A => &self.sim,
            Run::B => match &self.b {
                Some(b) => b,
                None => return &[],
            },
        };
        let h = sim.history();
        let start = h.partition_point(|r| r.trial <= after);
        &h[start..]
    }

    /// Runs `n` whole trials of each run (checked); returns how many ran.
    pub fn run_trials(&mut self, n: f64) -> Result<u32, String> {
        let n = whole("n", n, 0, MAX_TRIALS_PER_CALL).map_err(|e| e.to_string())?;
        let ran = self.sim.run_trials(n);
        let level = self.keep_up();
        let ran = ran.map_err(|e| e.to_string())?;
        level?;
        Ok(ran)
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
    fn a_fed_run_b_is_the_run_b_computed_here() {
        let mut here = session();
        here.use_preset("strong-vs-weak").expect("exists");
        here.reset(Some(3.0)).expect("reset");
        let mut fed = here.clone();
        here.run_trials(30.0).expect("runs");
        here.intervene("loop_strength", 0.5).expect("live");
        here.run_trials(20.0).expect("runs");

        // A twin runs B ahead in slices while A runs here; the handovers bring B level.
        fed.run_trials(3.0).expect("runs");
        let start = fed.start_feed().expect("comparing");
        let (feed, link, words) = (start.feed, start.link, start.state);
        let mut twin = Session::twin(&link, &words).expect("opens");
        for _ in 0..3 {
            fed.run_trials(9.0).expect("A runs");
            let after = twin.sim().trials_done();
            twin.run_trials(9.0).expect("B runs");
            let handover = twin.sim().handover(after).expect("between trials");
            assert_eq!(fed.feed_b(feed, &handover), Ok(true));
        }
        // A stale or repeated handover changes nothing.
        let again = twin.sim().handover(21).expect("kept");
        assert_eq!(fed.feed_b(feed, &again), Ok(false));
        assert_eq!(fed.feed_b(feed + 1, &again), Ok(false));
        // Fed B never passes A.
        twin.run_trials(5.0).expect("B runs");
        let ahead = twin.sim().handover(30).expect("kept");
        assert!(fed.feed_b(feed, &ahead).is_err(), "B would pass A");
        assert_eq!(fed.feeding(), None, "the feed ended");
        // A change ends a feed and brings B level first.
        fed.start_feed().expect("comparing");
        fed.run_trials(0.0).expect("runs");
        fed.intervene("loop_strength", 0.5).expect("live");
        assert_eq!(fed.feeding(), None);
        let feed = fed.start_feed().expect("comparing").feed;
        fed.run_trials(20.0).expect("A runs");
        assert_eq!(
            fed.sim_b().expect("comparing").trials_done(),
            30,
            "B waits for its feed"
        );
        fed.stop_feed().expect("B catches up here");
        assert_eq!(fed.feed_b(feed, &again), Ok(false), "ended");
        assert_eq!(csv_of(&fed), csv_of(&here));
        assert_eq!(fed.permalink(&[]), here.permalink(&[]));
    }

    fn csv_of(s: &Session) -> String {
        match s.sim_b() {
            None => crate::record::csv(s.sim().history()),
            Some(b) => crate::record::csv_runs(&[("A", s.sim().history()), ("B", b.history())]),
        }
    }

    #[test]
    fn a_live_change_is_an_event_and_its_link_replays_the_run() {
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(3.0)).expect("reset");
        s.run_trials(5.0).expect("runs");
        assert_eq!(s.intervene("gpi_output", 0.0), Ok(6));
        assert_eq!(
            s.intervene("gpi_output", 0.0),
            Ok(6),
            "the same change again"
        );
        assert_eq!(
            s.intervene("loop_strength", 1.0),
            Ok(6),
            "the value in force"
        );
        assert_eq!(
            s.sim().schedule().events().len(),
            1,
            "neither adds an event"
        );
        assert!(s.intervene("ring_size", 32.0).is_err(), "not live");
        assert!(!s.has_pending_changes(), "the event is part of the run");
        assert_eq!(s.shown_config().gpi_output, 0.0, "controls show the change");
        s.run_trials(3.0).expect("runs");
        let phases: Vec<_> = s.sim().history().iter().map(|r| r.phase).collect();
        assert_eq!(phases[4], crate::Phase::Rotation);
        assert_eq!(phases[5], crate::Phase::GpiOff);
        let link = s.permalink(&[]);
        assert!(link.contains("@6.gpi_output=0"), "{link}");
        let mut other = session();
        other.open_permalink(&link).expect("opens");
        other.run_trials(8.0).expect("runs");
        assert_eq!(csv_of(&other), csv_of(&s));
        assert_eq!(s.markers(), vec![(6, "GPi off".to_string())]);
    }

    #[test]
    fn a_comparison_runs_two_runs_trial_for_trial_and_its_link_replays_both() {
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(2.0)).expect("reset");
        s.run_trials(4.0).expect("runs");
        s.compare();
        s.step_trial_slice(50.0).expect("steps");
        assert_eq!(s.intervene("loop_strength", 0.25), Ok(5), "B's next trial");
        s.run_trials(4.0).expect("runs");
        let (a, b) = (s.sim().history(), s.sim_b().expect("comparing").history());
        assert_eq!(a.len(), b.len(), "trial for trial");
        assert_eq!(a[..4], b[..4], "the same run up to the change");
        assert_ne!(a[4..], b[4..], "B's loop is weaker from trial 5");
        assert_eq!(
            s.run_names(),
            Some(["A".to_string(), "B: λ 0.25 from trial 5".to_string()])
        );
        let link = s.permalink(&[]);
        assert!(link.contains("b.@5.loop_strength=0.25"), "{link}");
        let mut other = session();
        other.open_permalink(&link).expect("opens");
        other.run_trials(8.0).expect("runs");
        assert_eq!(csv_of(&other), csv_of(&s));
        s.end_comparison();
        assert!(s.sim_b().is_none());
        assert_eq!(s.sim().schedule().events().len(), 1, "B stays in focus");
    }

    /// The session's link, opened in a fresh session and run as far, gives the same records.
    fn assert_replays(s: &Session) {
        let n = s.sim().trials_done();
        let mut other = session();
        other.open_permalink(&s.permalink(&[])).expect("opens");
        other.run_trials(f64::from(n)).expect("runs");
        assert_eq!(
            other.sim_b().is_some(),
            s.sim_b().is_some(),
            "{}",
            s.permalink(&[])
        );
        assert_eq!(csv_of(&other), csv_of(s), "{}", s.permalink(&[]));
    }

    #[test]
    fn links_replay_after_interventions_on_shared_events_presets_and_trial_one() {
        // B sets back a change it shares with A: the event is replaced, not dropped.
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(3.0)).expect("reset");
        s.run_trials(5.0).expect("runs");
        s.intervene("gpi_output", 0.0).expect("live");
        s.compare();
        s.intervene("gpi_output", 1.0).expect("live");
        s.run_trials(4.0).expect("runs");
        assert_replays(&s);
        // A preset chosen but not applied: the comparison starts from what runs, events included.
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(2.0)).expect("reset");
        s.run_trials(2.0).expect("runs");
        s.intervene("gpi_output", 0.0).expect("live");
        s.use_preset("rotation").expect("exists");
        s.compare();
        s.run_trials(3.0).expect("runs");
        assert_replays(&s);
        // A live change before the first trial replaces a trial-1 event of that key.
        let mut s = session();
        s.open_permalink("#preset=rotation&seed=4&@1.gpi_output=0")
            .expect("opens");
        assert_eq!(s.intervene("gpi_output", 1.0), Ok(1));
        assert_eq!(s.shown_config().gpi_output, 1.0);
        s.run_trials(2.0).expect("runs");
        assert_eq!(s.sim().history()[0].phase, crate::Phase::Rotation);
        assert_replays(&s);
        // A later live change keeps the pending events of a preset chosen since.
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(1.0)).expect("reset");
        s.run_trials(5.0).expect("runs");
        s.use_preset("gpi-off").expect("exists");
        s.intervene("loop_strength", 0.5).expect("live");
        s.reset(None).expect("reset");
        let events: Vec<String> = s
            .sim()
            .schedule()
            .events()
            .iter()
            .map(Event::to_text)
            .collect();
        assert!(
            events.contains(&"@401.gpi_output=0".to_string()),
            "{events:?}"
        );
    }

    #[test]
    fn a_comparison_preset_starts_both_runs() {
        let mut s = session();
        s.configure([("b.loop_strength", 0.5)])
            .expect_err("b. is for links");
        let mut p = Protocol::default();
        p.apply([("rotation_deg", "30")]).expect("valid");
        let link = permalink::encode(
            None,
            &p,
            Some(&{
                let mut b = p.clone();
                b.apply([("loop_strength", "0.25")]).expect("valid");
                b
            }),
            &[],
        );
        assert!(link.ends_with("&b.loop_strength=0.25"), "{link}");
        s.open_permalink(&link).expect("opens");
        assert_eq!(s.sim_b().map(|b| b.config().loop_strength), Some(0.25));
        assert_eq!(
            s.run_names(),
            Some(["A: Loop strength 1".to_string(), "B: 0.25".to_string()])
        );
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
