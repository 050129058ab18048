//! Live changes: a change made while a run goes on becomes an event of its schedule (and of what
//! the next reset replays), and the events a front end lists.

use super::compare::named;
use super::runs::keep_traces;
use super::{LiveChange, Session};
use crate::config::ConfigErrors;
use crate::protocol::Protocol;
use crate::schedule::{Change, Event};
use crate::schema::{Input, ParamError};
use serde::Serialize;

/// An event of the run in focus as a front end lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventItem {
    /// The first trial it applies to.
    pub trial: u32,
    /// The parameter it changes.
    pub key: String,
    /// The event as a link writes it (`@151.gpi_output=0`).
    pub text: String,
    /// The event for readers, short (`GPi off`, `λ 0.5`): the list and the learning view's marks.
    pub label: String,
    /// The event in a sentence (`Loop strength 0.5`).
    pub description: String,
    /// What its parameter's control says of it while it is still to come ("→ 1 from trial 156",
    /// "→ 0 to 60 ° over trials 1–400").
    pub scheduled: String,
    /// Whether it has applied already (it can no longer be removed).
    pub applied: bool,
    /// Whether Reset replays it as a scheduled event: an event of the link or preset, or a live
    /// change the reader kept ([`Session::keep_event`]). A live change not kept is folded into
    /// the start by Reset (the run begins with the value the control shows).
    pub kept: bool,
    /// Whether it is a live change made in this run (kept or not), not an event of the link or
    /// the preset.
    pub live: bool,
}

impl Session {
    /// The events of the run in focus, each saying whether it has applied.
    pub fn events(&self, words: &crate::i18n::Catalog) -> Vec<EventItem> {
        let next = self.focus_next_boundary();
        let for_b = self.b.is_some();
        self.focus()
            .schedule()
            .events()
            .iter()
            .map(|e| EventItem {
                trial: e.trial,
                key: e.key.to_string(),
                text: e.to_text(),
                label: e.label_in(words),
                description: e.description_in(words),
                scheduled: e.scheduled_in(words),
                applied: e.trial < next,
                kept: !self.is_live((for_b, e.trial, e.key)),
                live: self.is_live((for_b, e.trial, e.key))
                    || self.kept.contains(&(for_b, e.trial, e.key)),
            })
            .collect()
    }

    /// The changes to mark on the learning view, `(first trial, label)`: run A's, then run B's
    /// own, labelled "B: …", while comparing.
    pub fn markers(&self, words: &crate::i18n::Catalog) -> Vec<(u32, String)> {
        let a = self.a.schedule();
        let mut out: Vec<(u32, String)> = a
            .events()
            .iter()
            .map(|e| (e.trial, e.label_in(words)))
            .collect();
        if let Some(b) = &self.b {
            out.extend(
                b.schedule()
                    .beyond(a)
                    .iter()
                    .map(|e| (e.trial, named(words, "B", e.label_in(words)))),
            );
        }
        out
    }

    /// Whether run A has an event of `key` at `trial` while comparing: run B keeps every event
    /// it shares with A (a link can only add to or replace them).
    fn shared_with_a(&self, trial: u32, key: &str) -> bool {
        self.b.is_some()
            && self
                .a
                .schedule()
                .events()
                .iter()
                .any(|e| e.trial == trial && e.key == key)
    }

    /// Changes a live parameter of the run in focus from the next trial on, without a reset: the
    /// change becomes an event of its schedule (and of what the next reset replays). Before the
    /// first trial has begun it simply changes the run's configuration. Returns the trial it
    /// applies from.
    pub fn intervene(&mut self, key: &str, value: impl Into<Input>) -> Result<u32, ConfigErrors> {
        self.settle();
        let value = value.into();
        let trial = self.focus().next_boundary();
        // Checks that the key is live and the value in range, whatever the trial.
        let event = Event::step(trial, key, value.clone())?;
        let shared = self.shared_with_a(trial, key);
        if trial == 1 && !shared {
            return self.change_start(key, value);
        }
        let focus = self.focus_mut();
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
            self.replay_next(|p| {
                p.schedule.remove(trial, key);
                Ok(())
            })?;
            self.forget_live(trial, event.key);
        } else {
            focus.add_event(event)?;
            self.replay_next(|p| p.schedule.add(event))?;
            self.forget_live(trial, event.key);
            // A change back to the run's own event (its preset's or link's) is no live change.
            let started = match &self.b {
                Some(_) => self.started.b.as_ref().unwrap_or(&self.started.a),
                None => &self.started.a,
            };
            if !started.schedule.events().contains(&event) {
                self.live.push((self.b.is_some(), trial, event.key));
            }
        }
        Ok(trial)
    }

    /// Whether `change` is a live change Reset would fold into the start.
    fn is_live(&self, change: LiveChange) -> bool {
        self.live.contains(&change)
    }

    /// Forgets the live change of `key` at `trial` of the run in focus, kept or not.
    fn forget_live(&mut self, trial: u32, key: &str) {
        let for_b = self.b.is_some();
        self.live.retain(|&l| l != (for_b, trial, key));
        self.kept.retain(|&l| l != (for_b, trial, key));
    }

    /// A live change before anything has run: the run in focus starts with `value` (replacing a
    /// trial-1 event of `key`), and so does what the next reset runs.
    fn change_start(&mut self, key: &str, value: Input) -> Result<u32, ConfigErrors> {
        let mut running = self.focus().protocol();
        running.schedule.remove(1, key);
        running.config.set(key, value.clone())?;
        running.config.validate()?;
        let mut sim = running.simulation()?;
        keep_traces(&mut sim, self.traces, self.history_cap);
        self.replay_next(|p| {
            p.schedule.remove(1, key);
            p.config.set(key, value.clone())
        })?;
        *self.focus_mut() = sim;
        Ok(1)
    }

    /// Makes a live change of the run in focus part of what the next reset replays for it: run B
    /// while comparing; else run A, and run B of a comparison set up for the next reset (which
    /// is A with its differences). One event at a time, so pending changes made before it stay.
    fn replay_next(
        &mut self,
        change: impl FnMut(&mut Protocol) -> Result<(), ParamError>,
    ) -> Result<(), ParamError> {
        match &self.b {
            Some(b) => {
                let mut change = change;
                change(self.next.b.get_or_insert_with(|| b.protocol()))
            }
            None => self.next.for_each_run(change),
        }
    }

    /// Removes the not-yet-applied event of `key` at `trial` from the run in focus; returns
    /// whether there was one. While comparing, run B keeps the events it shares with run A (a
    /// link can only add to them).
    pub fn cancel_event(&mut self, trial: u32, key: &str) -> bool {
        self.settle();
        if self.shared_with_a(trial, key) {
            return false;
        }
        let removed = self.focus_mut().remove_event(trial, key);
        if removed {
            self.forget_live(trial, key);
            // Removing never fails.
            let _ = self.replay_next(|p| {
                p.schedule.remove(trial, key);
                Ok(())
            });
        }
        removed
    }

    /// Keeps the live change of `key` at `trial` as a scheduled event: Reset replays it from that
    /// trial instead of starting with its value. Returns whether there was such a live change.
    pub fn keep_event(&mut self, trial: u32, key: &str) -> bool {
        let for_b = self.b.is_some();
        let Some(i) = self.live.iter().position(|&l| l == (for_b, trial, key)) else {
            return false;
        };
        let change = self.live.remove(i);
        self.kept.push(change);
        true
    }
}
