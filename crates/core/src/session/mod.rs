//! A session: what a front end holds between calls — the running experiment (one run, or two
//! compared trial for trial), the experiment the next reset starts, the presets they came from,
//! and the trace settings. The page's bindings only translate to and from JavaScript; everything
//! here is tested natively. Run B's worker feed lives in [`feed`].

mod compare;
mod export;
mod feed;
mod live;
mod runs;
mod snapshot;
mod stepping;

pub use feed::FeedStart;
pub use live::EventItem;
pub use snapshot::{Description, Snapshot};
pub use stepping::StepError;

use crate::config::{Config, ConfigErrors};
use crate::experiment::Simulation;
use crate::permalink::{self, Permalink};
use crate::presets;
use crate::protocol::{Experiment, Protocol};
use crate::result::{Results, Window};
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

/// A running experiment — one run, or two compared trial for trial — and the experiment the next
/// reset starts.
#[derive(Clone, Debug)]
pub struct Session {
    /// Run A (the only run unless comparing).
    a: Simulation,
    /// Run B of a comparison.
    b: Option<Simulation>,
    /// What the next reset runs. It is an experiment of its own, not a property of each run: a
    /// comparison can be set up for the next reset while one run goes on, and the other way round.
    next: Experiment,
    /// The preset the next experiment starts from.
    preset: Option<&'static str>,
    /// The preset the running experiment started from (what a permalink names).
    running_preset: Option<&'static str>,
    traces: TraceSettings,
    /// The most records kept in memory, if not [`crate::experiment::HISTORY_CAP`].
    history_cap: Option<usize>,
    /// Run B fed from elsewhere (a worker thread running it ahead), if it is.
    feed: feed::Feed,
    /// Runs started so far (see [`Snapshot::generation`]).
    generation: u32,
    /// The windows a link named for the result (`window=301-400`); none: the last trials run.
    windows: Vec<Window>,
    /// The last link encoded and what it was encoded from (see [`Session::permalink`]).
    link: std::cell::RefCell<Option<(export::LinkKey, String)>>,
    /// Links encoded so far.
    link_encodes: std::cell::Cell<u64>,
    /// The live changes made to the run in focus since it started, `(trial, key)`, that Reset
    /// folds into its start (the values the controls show) unless the reader kept them as
    /// scheduled events ([`Session::keep_event`]).
    live: Vec<LiveChange>,
    /// The live changes the reader kept as scheduled events (Reset replays them).
    kept: Vec<LiveChange>,
    /// The experiment the running runs started with: a change back to one of its own events is no
    /// live change.
    started: Experiment,
}

/// A live change: whether it was made to run B of a comparison, its first trial and its key.
type LiveChange = (bool, u32, &'static str);

/// Which run of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    /// The pinned run (the only one when not comparing).
    A,
    /// The run being changed.
    B,
}

impl Session {
    /// A session running the defaults overridden by `settings` (parameters or events).
    pub fn new<'a, I, V>(settings: I) -> Result<Self, ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let mut next = Protocol::default();
        next.apply(settings)?;
        let a = next.simulation()?;
        Ok(Session {
            a,
            b: None,
            next: Experiment::single(next),
            preset: None,
            running_preset: None,
            traces: TraceSettings::default(),
            history_cap: None,
            feed: feed::Feed::default(),
            generation: 0,
            windows: Vec::new(),
            link: Default::default(),
            link_encodes: Default::default(),
            live: Vec::new(),
            kept: Vec::new(),
            started: Experiment::default(),
        })
    }

    /// Run A (the only run unless comparing).
    pub fn sim(&self) -> &Simulation {
        &self.a
    }

    /// Run B, while comparing.
    pub fn sim_b(&self) -> Option<&Simulation> {
        self.b.as_ref()
    }

    /// Run `run` (`None` for B when not comparing).
    pub fn run(&self, run: Run) -> Option<&Simulation> {
        match run {
            Run::A => Some(&self.a),
            Run::B => self.b.as_ref(),
        }
    }

    /// The run in focus: B while comparing, else A. Controls show and change it.
    pub fn focus(&self) -> &Simulation {
        self.b.as_ref().unwrap_or(&self.a)
    }

    fn focus_mut(&mut self) -> &mut Simulation {
        self.b.as_mut().unwrap_or(&mut self.a)
    }

    /// Run A, to advance it alone (analyses; the page advances both with the session's methods).
    pub fn sim_mut(&mut self) -> &mut Simulation {
        &mut self.a
    }

    /// The running experiment: both runs' protocols.
    pub fn experiment(&self) -> Experiment {
        Experiment {
            a: self.a.protocol(),
            b: self.b.as_ref().map(Simulation::protocol),
        }
    }

    /// The experiment the next [`Session::reset`] starts.
    pub fn next(&self) -> &Experiment {
        &self.next
    }

    /// The configuration the next [`Session::reset`] gives the run in focus.
    pub fn pending(&self) -> &Config {
        &self.focus_next().config
    }

    /// The protocol the next [`Session::reset`] gives the run in focus.
    pub fn pending_protocol(&self) -> &Protocol {
        self.focus_next()
    }

    fn focus_next(&self) -> &Protocol {
        self.next.b.as_ref().unwrap_or(&self.next.a)
    }

    fn focus_next_mut(&mut self) -> &mut Protocol {
        self.next.b.as_mut().unwrap_or(&mut self.next.a)
    }

    /// The pending configuration and its events as entries (`loop_strength=1`, …,
    /// `@401.gpi_output=0`), every parameter included: what a sweep job runs.
    pub fn pending_entries(&self) -> Vec<(String, String)> {
        let p = self.focus_next();
        let mut out: Vec<(String, String)> = crate::config::schema()
            .iter()
            .filter_map(|s| Some((s.key.to_string(), p.config.get(s.key)?.to_text())))
            .collect();
        out.extend(p.schedule.entries());
        out
    }

    /// The configuration the controls show for the run in focus: its pending configuration with
    /// its schedule's changes up to the next trial applied.
    pub fn shown_config(&self) -> Config {
        let p = self.focus_next();
        p.schedule.config_in(&p.config, self.focus_next_boundary())
    }

    /// Whether the next reset would run something other than what runs now.
    pub fn has_pending_changes(&self) -> bool {
        self.next != self.experiment()
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
        let mut next = self.focus_next().clone();
        next.apply(settings)?;
        next.config.validate()?;
        *self.focus_next_mut() = next;
        Ok(())
    }

    /// The pending configuration becomes the preset `name`'s (keeping the seed); a comparison
    /// preset makes the next reset a comparison, any other ends one.
    pub fn use_preset(&mut self, name: &str) -> Result<(), ConfigErrors> {
        self.settle();
        let preset = presets::preset(name).ok_or_else(|| {
            ParamError::new(
                "preset",
                format!(
                    "preset {:?} is not one of: {}",
                    crate::format::short(name, crate::format::QUOTED),
                    presets::names()
                ),
            )
        })?;
        let base = Config {
            seed: self.focus_next().config.seed,
            ..Config::default()
        };
        self.next = preset.experiment_over(base)?;
        self.preset = Some(preset.name);
        // The live changes belonged to the experiment the preset replaces.
        self.live.clear();
        self.kept.clear();
        Ok(())
    }

    /// The pending configuration becomes the defaults (keeping the seed), with no preset, no
    /// events and no comparison.
    pub fn use_defaults(&mut self) {
        self.settle();
        let mut p = Protocol::default();
        p.config.seed = self.focus_next().config.seed;
        self.next = Experiment::single(p);
        self.preset = None;
        self.live.clear();
        self.kept.clear();
    }

    /// Opens a link: its experiment and preset become the pending ones and a new run starts.
    /// Returns the decoded link (view options, rejected entries, notes).
    pub fn open_permalink(&mut self, link: &str) -> Result<Permalink, ConfigErrors> {
        let decoded = permalink::decode(link);
        self.open(decoded.experiment.clone(), decoded.preset)?;
        // The link's windows (validated by the decoder), or none: the last trials run.
        self.windows = decoded
            .view
            .iter()
            .find(|(k, _)| k == "window")
            .and_then(|(k, v)| Window::parse_list(k, v, crate::view::MAX_END_TRIAL).ok())
            .unwrap_or_default();
        Ok(decoded)
    }

    /// The windows the result is stated over (none: the last [`crate::result::LAST`] trials run).
    pub fn windows(&self) -> &[Window] {
        &self.windows
    }

    /// States the result over `windows` from now on (none: the last trials run).
    pub fn set_windows(&mut self, windows: Vec<Window>) {
        self.windows = windows;
    }

    /// The result of the running experiment: for each named window (or the last trials run), each
    /// run's mean |error| and spread, reward rate, reaches made and reach time.
    pub fn results(&self) -> Vec<Results> {
        let a = self.a.history();
        let b = self.b.as_ref().map(Simulation::history);
        if self.windows.is_empty() {
            let done = self.a.trials_done();
            return vec![Results::of(Window::last(done), false, a, b)];
        }
        self.windows
            .iter()
            .map(|&w| Results::of(w, true, a, b))
            .collect()
    }

    /// The first trial a change to the run in focus applies from. While B is fed from elsewhere
    /// it may lag A; the change will apply once B is level, from A's next boundary.
    pub fn focus_next_boundary(&self) -> u32 {
        match (&self.b, self.feed.active()) {
            (Some(b), true) => b.next_boundary().max(self.a.next_boundary()),
            _ => self.focus().next_boundary(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Catalog;
    use crate::schedule::Event;

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
        assert_eq!(
            s.markers(Catalog::english()),
            vec![(6, "GPi off".to_string())]
        );
    }

    #[test]
    fn reset_starts_over_with_what_the_controls_show_unless_a_change_is_kept() {
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(3.0)).expect("reset");
        s.run_trials(41.0).expect("runs");
        assert_eq!(s.intervene("loop_strength", 0.75), Ok(42));
        let link = s.permalink(&[]);
        assert!(
            link.contains("@42.loop_strength=0.75"),
            "the link replays the run: {link}"
        );
        let item = s
            .events(Catalog::english())
            .into_iter()
            .next()
            .expect("the change is listed");
        assert!(
            !item.kept,
            "a live change is not kept until the reader says so"
        );
        s.reset(None).expect("reset");
        assert_eq!(
            s.sim().config().loop_strength,
            0.75,
            "trial 1 runs at the value shown"
        );
        assert!(
            s.sim().schedule().events().is_empty(),
            "and no change is scheduled"
        );
        assert_eq!(s.shown_config().loop_strength, 0.75);
        assert!(!s.permalink(&[]).contains("@42"), "{}", s.permalink(&[]));
        // Kept as a scheduled event, it replays from its trial.
        s.run_trials(10.0).expect("runs");
        assert_eq!(s.intervene("loop_strength", 0.5), Ok(11));
        assert!(s.keep_event(11, "loop_strength"), "a live change to keep");
        assert!(s.events(Catalog::english())[0].kept);
        s.reset(None).expect("reset");
        assert_eq!(
            s.sim().config().loop_strength,
            0.75,
            "starts as before the kept change"
        );
        assert_eq!(
            s.sim().schedule().events().len(),
            1,
            "the kept change is an event"
        );
        assert!(s.permalink(&[]).contains("@11.loop_strength=0.5"));
        assert!(
            !s.keep_event(11, "loop_strength"),
            "a preset's or link's event is kept already"
        );
        // A live change undone, or a preset chosen since, leaves nothing to fold.
        s.run_trials(3.0).expect("runs");
        assert_eq!(s.intervene("gpi_output", 0.0), Ok(4));
        s.use_preset("weak-loop").expect("exists");
        s.reset(None).expect("reset");
        assert_eq!(s.sim().config().loop_strength, 0.25);
        assert_eq!(
            s.sim().config().gpi_output,
            1.0,
            "the old run's change is gone"
        );
    }

    #[test]
    fn reset_folds_each_run_s_own_live_changes_and_never_a_preset_s_events() {
        // A change on the single run, then B's own while comparing: each run starts with its own.
        let mut s = session();
        s.use_preset("rotation").expect("exists");
        s.reset(Some(2.0)).expect("reset");
        s.run_trials(29.0).expect("runs");
        s.intervene("loop_strength", 0.5).expect("live");
        s.compare();
        s.run_trials(30.0).expect("runs");
        s.intervene("loop_strength", 0.25).expect("live");
        s.reset(None).expect("reset");
        let b = s.sim_b().expect("still comparing");
        assert_eq!(
            s.sim().config().loop_strength,
            0.5,
            "A: its change before the comparison"
        );
        assert_eq!(b.config().loop_strength, 0.25, "B: its own last change");
        assert!(s.sim().schedule().events().is_empty() && b.schedule().events().is_empty());
        // A live change of a key the preset also changes later stays an event (folding it would
        // move the preset's change): B of dopamine-loss keeps its loss at 301.
        let mut s = session();
        s.open_permalink("#preset=dopamine-loss&seed=1")
            .expect("opens");
        s.run_trials(99.0).expect("runs");
        s.intervene("dopamine", 0.8).expect("live");
        s.reset(None).expect("reset");
        let b = s.sim_b().expect("comparing");
        assert_eq!(b.config().dopamine, 1.0, "B starts with normal dopamine");
        let keys: Vec<(u32, &str)> = b
            .schedule()
            .events()
            .iter()
            .map(|e| (e.trial, e.key))
            .collect();
        assert!(
            keys.contains(&(100, "dopamine")) && keys.contains(&(301, "dopamine")),
            "{keys:?}"
        );
        // A change to the preset's own event and back is no live change.
        let mut s = session();
        s.open_permalink("#preset=gpi-off&seed=1").expect("opens");
        s.run_trials(400.0).expect("runs");
        s.intervene("gpi_output", 0.5).expect("live");
        s.intervene("gpi_output", 0.0).expect("live");
        assert!(
            s.events(Catalog::english()).iter().all(|e| !e.live),
            "{:?}",
            s.events(Catalog::english())
        );
        s.reset(None).expect("reset");
        assert_eq!(
            s.sim().config().gpi_output,
            1.0,
            "GPi on until the preset turns it off"
        );
        assert_eq!(s.sim().schedule().events().len(), 1);
        // Cancelling a change that has applied removes nothing and leaves it live.
        s.run_trials(10.0).expect("runs");
        s.intervene("loop_strength", 0.5).expect("live");
        s.run_trials(1.0).expect("runs");
        assert!(!s.cancel_event(11, "loop_strength"));
        assert!(s
            .events(Catalog::english())
            .iter()
            .any(|e| e.live && !e.kept));
    }

    #[test]
    fn a_comparison_preset_names_its_runs_in_words_until_they_change() {
        let mut s = session();
        s.open_permalink("#preset=strong-vs-weak&seed=5")
            .expect("opens");
        let words = Catalog::english();
        let said = |id: &str| words.attr("preset-strong-vs-weak", id);
        assert_eq!(
            s.run_names(Catalog::english()),
            Some([
                format!("A: {}", said("run-a")),
                format!("B: {}", said("run-b"))
            ])
        );
        s.run_trials(2.0).expect("runs");
        s.intervene("loop_strength", 0.5).expect("live");
        let names = s.run_names(Catalog::english()).expect("comparing");
        assert!(
            !names[1].contains(&said("run-b")),
            "B is no longer the preset's: {names:?}"
        );
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
            s.run_names(Catalog::english()),
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
        let mut e = Experiment::single(p);
        e.apply_b([("loop_strength", "0.25")]).expect("valid");
        let link = permalink::encode(None, &e, &[]);
        assert!(link.ends_with("&b.loop_strength=0.25"), "{link}");
        s.open_permalink(&link).expect("opens");
        assert_eq!(s.sim_b().map(|b| b.config().loop_strength), Some(0.25));
        assert_eq!(
            s.run_names(Catalog::english()),
            Some(["A: Loop strength 1".to_string(), "B: 0.25".to_string()])
        );
    }

    #[test]
    fn every_stepping_call_brings_run_b_level() {
        let mut s = session();
        s.open_permalink("#preset=strong-vs-weak&seed=2")
            .expect("opens");
        let b_done = |s: &Session| s.sim_b().expect("comparing").trials_done();
        s.step_trial().expect("steps");
        assert_eq!((s.sim().trials_done(), b_done(&s)), (1, 1), "step_trial");
        s.run_trials(2.0).expect("runs");
        assert_eq!(b_done(&s), 3, "run_trials");
        while s.step_trial_slice(40.0).expect("steps").is_none() {}
        assert_eq!(b_done(&s), 4, "step_trial_slice");
        let ms = s.sim().config().trial_ms * 2.5;
        s.step(ms).expect("steps");
        assert_eq!(b_done(&s), s.sim().trials_done(), "step");
        assert_eq!(
            s.csv(),
            crate::record::csv_runs(&[
                ("A", s.sim().history()),
                ("B", s.sim_b().expect("comparing").history())
            ])
        );
    }

    #[test]
    fn the_link_is_encoded_once_per_change_however_often_it_is_asked() {
        let mut s = session();
        let options = [("speed", "2")];
        let first = s.permalink(&options);
        let before = s.link_encodes();
        for _ in 0..100 {
            assert_eq!(s.permalink(&options), first);
        }
        assert_eq!(s.link_encodes(), before, "asked again, nothing changed");
        s.run_trials(3.0).expect("runs");
        assert_eq!(
            s.permalink(&options),
            first,
            "trials run do not change the link"
        );
        assert_eq!(s.link_encodes(), before);
        // A live change, a view option and a reset with a preset each make a new link, once.
        s.intervene("loop_strength", 0.5).expect("live");
        let changed = s.permalink(&options);
        assert_ne!(changed, first);
        assert!(changed.contains("@4.loop_strength=0.5"), "{changed}");
        assert_eq!(s.permalink(&options), changed);
        assert_eq!(s.link_encodes(), before + 1);
        assert!(s.permalink(&[("speed", "3")]).contains("speed=3"));
        assert_eq!(s.link_encodes(), before + 2);
        s.use_preset("rotation").expect("preset");
        s.reset(None).expect("reset");
        assert!(s.permalink(&options).contains("preset=rotation"));
        assert_eq!(s.link_encodes(), before + 3);
        assert_eq!(
            s.view(Catalog::english()).link_encodes,
            before + 3,
            "the view carries the count"
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
            assert!(
                s.step(bad).is_err_and(|e| e.to_string().contains("`ms`")),
                "{bad}"
            );
        }
        assert!(s
            .run_trials(1.5)
            .is_err_and(|e| e.to_string().contains("whole")));
        assert!(s.record_traces(-1.0, true).is_err());
        assert!(s.reset(Some(-3.0)).is_err());
        assert_eq!(s.run_trials(2.0), Ok(2));
    }
}
