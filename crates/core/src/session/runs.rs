//! Starting runs: opening an experiment, Reset (which starts over with what the controls show),
//! and the trace settings and history cap every new run keeps.

use super::{LiveChange, Session, TraceSettings, MAX_TRACE_EVERY_MS};
use crate::config::ConfigErrors;
use crate::experiment::Simulation;
use crate::protocol::{Experiment, Protocol};
use crate::schedule::Change;
use crate::schema::{self, Input};

impl Session {
    /// Starts `experiment` (from `preset`) as a new run, and makes it what resets run.
    pub fn open(
        &mut self,
        experiment: Experiment,
        preset: Option<&'static str>,
    ) -> Result<(), ConfigErrors> {
        self.feed.drop();
        self.next = experiment;
        self.preset = preset;
        self.live.clear();
        self.kept.clear();
        self.reset(None)
    }

    /// Starts new runs from naive synapses with the pending experiment (and `seed`, if given, for
    /// both runs), keeping the trace settings.
    pub fn reset(&mut self, seed: Option<f64>) -> Result<(), ConfigErrors> {
        self.feed.drop();
        let mut next = self.restart();
        if let Some(s) = seed {
            next.set_seed(s)?;
        }
        let (mut a, mut b) = next.simulations()?;
        for s in std::iter::once(&mut a).chain(b.as_mut()) {
            keep_traces(s, self.traces, self.history_cap);
        }
        self.a = a;
        self.b = b;
        self.running_preset = self.preset;
        self.next = next;
        self.live.clear();
        self.kept.clear();
        self.started = self.experiment();
        self.generation = self.generation.wrapping_add(1);
        Ok(())
    }

    /// What Reset starts: the pending experiment, with the live changes not kept as scheduled
    /// events folded into the start — each run begins with the value its last live change of a key
    /// set, and those changes are no longer events. A key that also has other events (a preset's,
    /// a link's, a kept change, a ramp) keeps all its events: folding it would change what they do.
    /// Changes made on a single run belong to every run of the next experiment; those made while
    /// comparing, to run B only.
    fn restart(&self) -> Experiment {
        let mut next = self.next.clone();
        let single: Vec<LiveChange> = self.live.iter().copied().filter(|l| !l.0).collect();
        fold_live(&mut next.a, &single);
        if let Some(b) = next.b.as_mut() {
            fold_live(b, &self.live);
        }
        next
    }

    /// Records traces every `every_ms` ms (0 turns them off), with or without the rings.
    pub fn record_traces(&mut self, every_ms: f64, rings: bool) -> Result<(), ConfigErrors> {
        self.settle();
        let every = schema::in_range("everyMs", every_ms, 0.0, MAX_TRACE_EVERY_MS)?;
        self.traces = TraceSettings {
            every_ms: (every > 0.0).then_some(every),
            rings,
        };
        self.apply_traces();
        Ok(())
    }

    fn apply_traces(&mut self) {
        let (traces, cap) = (self.traces, self.history_cap);
        for s in std::iter::once(&mut self.a).chain(self.b.as_mut()) {
            keep_traces(s, traces, cap);
        }
    }

    /// Keeps at most `cap` trial records in memory (2 to the default cap), now and after resets:
    /// for embedders short of memory, and for testing the cap.
    pub fn set_history_cap(&mut self, cap: f64) -> Result<(), ConfigErrors> {
        self.settle();
        let max = crate::experiment::HISTORY_CAP as u32;
        let cap = schema::whole("cap", cap, 2, max)? as usize;
        self.history_cap = Some(cap);
        self.apply_traces();
        Ok(())
    }
}

/// Gives `sim` the session's trace settings and history cap.
pub(super) fn keep_traces(sim: &mut Simulation, traces: TraceSettings, cap: Option<usize>) {
    sim.record_traces(traces.every_ms);
    sim.record_rings(traces.rings);
    if let Some(cap) = cap {
        sim.set_history_cap(cap);
    }
}

/// Folds the live changes `live` into `p`'s start (see [`Session::restart`]).
fn fold_live(p: &mut Protocol, live: &[LiveChange]) {
    let mut keys: Vec<&'static str> = live.iter().map(|l| l.2).collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let events: Vec<(u32, Change)> = p
            .schedule
            .events()
            .iter()
            .filter(|e| e.key == key)
            .map(|e| (e.trial, e.change))
            .collect();
        let all_live = events.iter().all(|&(trial, change)| {
            matches!(change, Change::Step(_)) && live.iter().any(|l| (l.1, l.2) == (trial, key))
        });
        let last = events.iter().max_by_key(|(trial, _)| *trial);
        let Some(&(_, Change::Step(value))) = last.filter(|_| all_live) else {
            continue;
        };
        for (trial, _) in &events {
            p.schedule.remove(*trial, key);
        }
        // The value was in range when it was set live; a failure leaves the start as it was.
        let _ = p.config.set(key, Input::Text(value.to_text()));
    }
}
