//! Schedules: changes to *live* parameters at trial boundaries, so one run can learn, then lose
//! GPi output, then wash out — without resetting the learned synapses.
//!
//! An [`Event`] is a step (`@150.gpi_output=0`: from trial 150 on, κ = 0) or a linear ramp
//! (`@50-250.rotation_deg=0..60`: the rotation goes from 0° at trial 50 to 60° at trial 250, one
//! value per trial, and stays there). The same text is a permalink entry and, split at the colon,
//! a CLI flag (`--at 150:gpi_output=0`, `--ramp 50-250:rotation_deg=0..60`). Only parameters marked
//! live in the schema may change; every value is checked against its range and every error names
//! the event.

use crate::config::{spec, unknown_key, Config};
use crate::format::num;
use crate::i18n::{Catalog, Msg};
use crate::schema::{Domain, Input, ParamError, ParamSpec, Value};

/// The last trial an event may name.
pub const MAX_TRIAL: u32 = 1_000_000;
/// Most events one schedule holds.
pub const MAX_EVENTS: usize = 64;

/// What an event does to its parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// From the event's trial on, the parameter takes this value.
    Step(Value),
    /// From the event's trial to `until`, the parameter goes linearly from `from` to `to` (one
    /// value per trial); after `until` it stays at `to`.
    Ramp {
        /// The ramp's last trial.
        until: u32,
        /// The value at the first trial.
        from: f64,
        /// The value at the last trial and after.
        to: f64,
    },
}

/// One change of a live parameter, from a trial on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Event {
    /// The first trial it applies to (from 1).
    pub trial: u32,
    /// The parameter it changes.
    pub key: &'static str,
    /// The change.
    pub change: Change,
}

/// A refused event: the event, then what is wrong with it (`msg`), in every language.
fn event_error(text: &str, msg: Msg) -> ParamError {
    ParamError::localized(
        text,
        Msg::new("error-in-event")
            .text("event", crate::format::short(text, 60))
            .said("error", msg),
    )
}

/// A refused value in an event: the event, then the value's error, in every language it can be
/// said in.
fn event_value_error(text: &str, e: ParamError) -> ParamError {
    match e.msg {
        Some(msg) => event_error(text, msg),
        None => event_error(text, Msg::new("rejected-said").text("reason", e.message)),
    }
}

/// A trial number in 1–[`MAX_TRIAL`], or why not.
fn trial_number(text: &str) -> Result<u32, Msg> {
    match text.trim().parse::<u32>() {
        Ok(t) if (1..=MAX_TRIAL).contains(&t) => Ok(t),
        _ => Err(Msg::new("event-trial")
            .text("trial", format!("{:?}", crate::format::short(text, 20)))
            .num("max", f64::from(MAX_TRIAL))),
    }
}

/// What an event is: its two forms.
fn event_form() -> Msg {
    Msg::new("event-form")
}

/// An event's value `v` checked against its parameter (`text` is the whole event, for errors).
fn event_value(text: &str, spec: &ParamSpec, v: &str) -> Result<Value, ParamError> {
    spec.check(&Input::Text(v.to_string()))
        .map_err(|e| event_value_error(text, e))
}

impl Event {
    /// Reads an event from its link form: `at` is the part before `=` without the `@`
    /// (`150.gpi_output` or `50-250.rotation_deg`), `value` the part after (`0` or `0..60`).
    pub fn parse(at: &str, value: &str) -> Result<Event, ParamError> {
        let text = format!("@{at}={value}");
        let (when, key) = at
            .split_once('.')
            .ok_or_else(|| event_error(&text, event_form()))?;
        let key = key.trim();
        let spec = spec(key).ok_or_else(|| event_value_error(&text, unknown_key(key)))?;
        if !spec.live {
            return Err(event_error(
                &text,
                Msg::new("event-not-live")
                    .text("key", key)
                    .text("live", live_keys().join(", ")),
            ));
        }
        if value.contains("...") {
            return Err(event_error(&text, Msg::new("event-ramp-dots")));
        }
        if when.trim().starts_with('-') {
            if let Err(msg) = trial_number(when.trim()) {
                return Err(event_error(&text, msg));
            }
        }
        match when.split_once('-') {
            None => Event::parse_step(&text, spec, when, value),
            Some((first, last)) => Event::parse_ramp(&text, spec, (first, last), value),
        }
    }

    /// A step event, `@trial.key=value` (`text` is the whole event, for errors).
    fn parse_step(
        text: &str,
        spec: &'static ParamSpec,
        when: &str,
        value: &str,
    ) -> Result<Event, ParamError> {
        let trial = trial_number(when).map_err(|m| event_error(text, m))?;
        if value.contains("..") {
            return Err(event_error(text, Msg::new("event-ramp-needs-trials")));
        }
        Ok(Event {
            trial,
            key: spec.key,
            change: Change::Step(event_value(text, spec, value)?),
        })
    }

    /// A ramp event, `@first-last.key=from..to` (`text` is the whole event, for errors).
    fn parse_ramp(
        text: &str,
        spec: &'static ParamSpec,
        (first, last): (&str, &str),
        value: &str,
    ) -> Result<Event, ParamError> {
        let trial = trial_number(first).map_err(|m| event_error(text, m))?;
        let until = trial_number(last).map_err(|m| event_error(text, m))?;
        if until <= trial {
            return Err(event_error(text, Msg::new("event-ramp-order")));
        }
        if !matches!(spec.domain, Domain::Real { .. }) {
            return Err(event_error(
                text,
                Msg::new("event-step-only")
                    .text("key", spec.key)
                    .text("allowed", spec.allowed()),
            ));
        }
        let (a, b) = value
            .split_once("..")
            .ok_or_else(|| event_error(text, Msg::new("event-ramp-value")))?;
        match (event_value(text, spec, a)?, event_value(text, spec, b)?) {
            (Value::Num(from), Value::Num(to)) => Ok(Event {
                trial,
                key: spec.key,
                change: Change::Ramp { until, from, to },
            }),
            _ => Err(event_error(text, Msg::new("event-ramp-numbers"))),
        }
    }

    /// Reads an event from its link form with the `@`: `@150.gpi_output=0`.
    pub fn from_text(text: &str) -> Result<Event, ParamError> {
        let body = text.trim().strip_prefix('@').unwrap_or(text.trim());
        let (at, value) = body
            .split_once('=')
            .ok_or_else(|| event_error(text, event_form()))?;
        Event::parse(at, value)
    }

    /// A step of `key` to `value` from `trial` (value checked against the schema).
    pub fn step(trial: u32, key: &str, value: impl Into<Input>) -> Result<Event, ParamError> {
        Event::parse(&format!("{trial}.{key}"), &value.into().to_text())
    }

    /// The link form without the `@` split: `@150.gpi_output=0`, `@50-250.rotation_deg=0..60`.
    pub fn to_text(&self) -> String {
        format!("@{}={}", self.at(), self.value_text())
    }

    /// The part before `=`, without `@`: `150.gpi_output` or `50-250.rotation_deg`.
    pub fn at(&self) -> String {
        match self.change {
            Change::Step(_) => format!("{}.{}", self.trial, self.key),
            Change::Ramp { until, .. } => format!("{}-{until}.{}", self.trial, self.key),
        }
    }

    /// The part after `=`: `0` or `0..60`.
    pub fn value_text(&self) -> String {
        match self.change {
            Change::Step(v) => v.to_text(),
            Change::Ramp { from, to, .. } => format!("{}..{}", num(from), num(to)),
        }
    }

    /// The value this event gives its parameter in `trial` (≥ the event's trial).
    fn value_in(&self, trial: u32) -> Value {
        match self.change {
            Change::Step(v) => v,
            Change::Ramp { until, from, to } => {
                if trial >= until {
                    Value::Num(to)
                } else {
                    let k = f64::from(trial - self.trial) / f64::from(until - self.trial);
                    Value::Num(from + (to - from) * k)
                }
            }
        }
    }

    /// Whether, in `trial`, the event has switched its parameter off: a step (to the 0 in force),
    /// or a ramp from a non-zero value that has ended at 0 — not a ramp passing through 0. When
    /// it leaves the parameter at 0, the trial is in a *washout* or *GPi off* phase.
    fn switches_off(&self, trial: u32) -> bool {
        match self.change {
            Change::Step(_) => true,
            Change::Ramp { until, from, to } => from != 0.0 && to == 0.0 && trial >= until,
        }
    }

    /// Whether the event is a step to 0 (what a legacy `…_after` key stands for).
    fn is_switch_off_step(&self) -> bool {
        matches!(self.change, Change::Step(Value::Num(x)) if x == 0.0)
    }

    /// A short label for a marker on the learning view: "GPi off", "λ 0.25", "φ 0→60°".
    pub fn label(&self) -> String {
        self.named(Catalog::english(), true)
    }

    /// The change for a sentence, with the parameter's full name: "Loop strength 0.25", "GPi
    /// off" (the note a live change leaves).
    pub fn description(&self) -> String {
        self.named(Catalog::english(), false)
    }

    /// [`Event::label`] in `words`' language.
    pub fn label_in(&self, words: &Catalog) -> String {
        self.named(words, true)
    }

    /// [`Event::description`] in `words`' language.
    pub fn description_in(&self, words: &Catalog) -> String {
        self.named(words, false)
    }

    /// What a parameter's control says of this change still to come, in `words`' language:
    /// "→ 1 from trial 156", "→ 0 to 60 ° over trials 1–400" (the catalog's `scheduled-step`
    /// and `scheduled-ramp`).
    pub fn scheduled_in(&self, words: &Catalog) -> String {
        let unit = spec(self.key).map_or("", |s| s.unit);
        let said = |x: f64| format!("{}{}", words.number(x), words.unit_suffix(unit));
        let step = |value: String| {
            Msg::new("scheduled-step")
                .text("value", value)
                .count("trial", self.trial)
        };
        words.format(&match self.change {
            Change::Step(Value::Num(x)) => step(said(x)),
            Change::Step(Value::Choice(c)) => step(words.text(&format!("option-{c}"))),
            Change::Ramp { until, from, to } => Msg::new("scheduled-ramp")
                .text("from", said(from))
                .text("to", said(to))
                .count("first", self.trial)
                .count("last", until),
        })
    }

    fn named(&self, words: &Catalog, short: bool) -> String {
        let Some(s) = spec(self.key) else {
            return self.to_text();
        };
        let name = if !short || s.symbol.is_empty() {
            words.text(&format!("param-{}", self.key))
        } else {
            s.symbol.to_string()
        };
        let unit = words.unit_suffix(s.unit);
        match self.change {
            Change::Step(Value::Num(x)) if x == 0.0 && self.key == "gpi_output" => {
                words.text("event-gpi-off")
            }
            Change::Step(Value::Num(x)) if x == 0.0 && self.key == "rotation_deg" => {
                words.text("event-washout")
            }
            Change::Step(Value::Num(x)) => format!("{name} {}{unit}", words.number(x)),
            Change::Step(Value::Choice(c)) => {
                format!("{name} {}", words.text(&format!("option-{c}")))
            }
            Change::Ramp { from, to, .. } => {
                format!("{name} {}→{}{unit}", words.number(from), words.number(to))
            }
        }
    }
}

/// The keys that may change during a run, in schema order.
pub fn live_keys() -> Vec<&'static str> {
    crate::schema()
        .iter()
        .filter(|s| s.live)
        .map(|s| s.key)
        .collect()
}

/// A run's events, kept in trial order (events at the same trial in the order they were added).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schedule {
    events: Vec<Event>,
}

impl Schedule {
    /// No events.
    pub fn new() -> Self {
        Schedule::default()
    }

    /// The events, in trial order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Adds `event`; an event of the same key at the same trial is replaced.
    pub fn add(&mut self, event: Event) -> Result<(), ParamError> {
        if let Some(e) = self
            .events
            .iter_mut()
            .find(|e| e.key == event.key && e.trial == event.trial)
        {
            *e = event;
            return Ok(());
        }
        if self.events.len() >= MAX_EVENTS {
            let msg = Msg::new("event-too-many").num("max", MAX_EVENTS as f64);
            return Err(event_error(&event.to_text(), msg));
        }
        let at = self.events.partition_point(|e| e.trial <= event.trial);
        self.events.insert(at, event);
        Ok(())
    }

    /// Removes the event of `key` at `trial`, if there is one; returns whether one was removed.
    pub fn remove(&mut self, trial: u32, key: &str) -> bool {
        let before = self.events.len();
        self.events.retain(|e| !(e.trial == trial && e.key == key));
        self.events.len() != before
    }

    /// Removes every step to 0 of `key` (a legacy key replaces the switch-off it stands for,
    /// e.g. a preset's).
    pub fn remove_switch_offs(&mut self, key: &str) {
        self.events
            .retain(|e| !(e.key == key && e.is_switch_off_step()));
    }

    /// Whether this schedule begins with every event of `prefix`, in order.
    pub fn extends(&self, prefix: &Schedule) -> bool {
        self.events.starts_with(&prefix.events)
    }

    /// The events of this schedule that `base` does not have.
    pub fn beyond(&self, base: &Schedule) -> Vec<Event> {
        self.events
            .iter()
            .filter(|e| !base.events.contains(e))
            .copied()
            .collect()
    }

    /// The configuration in force in `trial`: `base` with every event up to that trial applied.
    pub fn config_in(&self, base: &Config, trial: u32) -> Config {
        let mut c = base.clone();
        for e in self.events.iter().take_while(|e| e.trial <= trial) {
            c.put(e.key, e.value_in(trial));
        }
        c
    }

    /// Whether, in `trial`, the latest event of `key` switched it off (see [`Phase`](crate::Phase)).
    pub fn switched_off(&self, key: &str, trial: u32) -> bool {
        self.events
            .iter()
            .take_while(|e| e.trial <= trial)
            .filter(|e| e.key == key)
            .last()
            .is_some_and(|e| e.switches_off(trial))
    }

    /// The link entries of the events, each `(at, value)` with `at` starting with `@`.
    pub fn entries(&self) -> Vec<(String, String)> {
        self.events
            .iter()
            .map(|e| (format!("@{}", e.at()), e.value_text()))
            .collect()
    }
}

/// Keys of version-1 links and presets that are now events: `gpi_off_after=N` is
/// `@(N+1).gpi_output=0` and `washout_after=N` is `@(N+1).rotation_deg=0` (0 = never).
pub const LEGACY_KEYS: &[(&str, &str)] = &[
    ("gpi_off_after", "gpi_output"),
    ("washout_after", "rotation_deg"),
];

/// The live parameter a legacy key switches off, if `key` is one.
pub fn legacy_target(key: &str) -> Option<&'static str> {
    LEGACY_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, live)| *live)
}

/// If `key` is a legacy key, the event it stands for (`Ok(None)` for 0 = never).
pub fn legacy_event(key: &str, input: &Input) -> Option<Result<Option<Event>, ParamError>> {
    let (_, live) = LEGACY_KEYS.iter().find(|(k, _)| *k == key)?;
    let n = match input {
        Input::Num(x) => Some(*x),
        Input::Text(t) => t.trim().parse::<f64>().ok(),
        Input::Bool(_) => None,
    };
    Some(match n {
        Some(0.0) => Ok(None),
        Some(n) if n.fract() == 0.0 && n >= 1.0 && n < f64::from(MAX_TRIAL) => {
            Event::step(n as u32 + 1, live, 0.0).map(Some)
        }
        _ => Err(ParamError::localized(
            key,
            Msg::new("error-legacy-trials")
                .text("field", key)
                .num("max", f64::from(MAX_TRIAL - 1)),
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_read_and_write_the_link_syntax() {
        for text in [
            "@150.gpi_output=0",
            "@50-250.rotation_deg=0..60",
            "@3.reward=graded",
            "@7.rotation_deg=-30",
        ] {
            let e = Event::from_text(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(e.to_text(), text);
        }
        let e = Event::from_text("@50-250.rotation_deg=0..60").expect("valid");
        assert_eq!(e.value_in(50), Value::Num(0.0));
        assert_eq!(e.value_in(150), Value::Num(30.0));
        assert_eq!(e.value_in(900), Value::Num(60.0));
    }

    #[test]
    fn a_change_to_come_is_said_with_its_trials_and_values_in_the_reader_s_language() {
        let en = Catalog::english();
        let step = Event::from_text("@156.loop_strength=0.5").expect("valid");
        let said = step.scheduled_in(en);
        assert!(said.contains("156") && said.contains("0.5"), "{said}");
        // (The other languages are compiled in with the feature the CLI and the workspace's tests
        // build core with.)
        #[cfg(feature = "languages")]
        {
            let fr = Catalog::builtin(crate::i18n::Lang::Fr);
            assert!(
                step.scheduled_in(fr).contains("0,5"),
                "{}",
                step.scheduled_in(fr)
            );
        }
        let ramp = Event::from_text("@50-250.rotation_deg=0..60").expect("valid");
        let said = ramp.scheduled_in(en);
        for part in ["50", "250", "60", en.unit_suffix("°").trim()] {
            assert!(said.contains(part), "{said} lacks {part}");
        }
        // A choice is said by its name in the language, not its key.
        let choice = Event::from_text("@3.reward=graded").expect("valid");
        assert!(choice.scheduled_in(en).contains(&en.text("option-graded")));
    }

    #[test]
    fn bad_events_name_the_event_and_the_rule() {
        let cases = [
            ("@150.ring_size=32", "cannot change during a run"),
            ("@150.gpi_output=3", "out of range"),
            ("@0.gpi_output=0", "1–1000000"),
            ("@250-50.rotation_deg=0..60", "after its first"),
            ("@50-250.reward=graded..binary", "only step"),
            ("@50.rotation_deg=0..60", "range of trials"),
            ("@50-60.rotation_deg=10", "from..to"),
            ("@x.gpi_output=0", "whole number"),
            ("@-5.gpi_output=0", "\"-5\" must be a whole number"),
            ("@50-60.rotation_deg=0...60", "two dots"),
            ("@50.nope=1", "unknown parameter"),
            ("@50gpi_output=1", "@trial.key=value"),
        ];
        for (text, want) in cases {
            let err = Event::from_text(text).expect_err(text);
            assert!(err.message.contains(text), "{text}: {}", err.message);
            assert!(err.message.contains(want), "{text}: {}", err.message);
        }
    }

    #[test]
    fn the_latest_event_wins_and_config_follows_the_schedule() {
        let mut s = Schedule::new();
        s.add(Event::from_text("@10.loop_strength=0.5").expect("valid"))
            .expect("room");
        s.add(Event::from_text("@5.loop_strength=0.25").expect("valid"))
            .expect("room");
        s.add(Event::from_text("@10.loop_strength=0.75").expect("valid"))
            .expect("room");
        assert_eq!(s.events().len(), 2, "same key, same trial: replaced");
        let base = Config::default();
        assert_eq!(s.config_in(&base, 4).loop_strength, 1.0);
        assert_eq!(s.config_in(&base, 5).loop_strength, 0.25);
        assert_eq!(s.config_in(&base, 99).loop_strength, 0.75);
    }

    #[test]
    fn legacy_keys_become_events() {
        let e = legacy_event("gpi_off_after", &Input::Text("400".into()));
        assert_eq!(
            e.map(|r| r.map(|e| e.map(|e| e.to_text()))),
            Some(Ok(Some("@401.gpi_output=0".to_string())))
        );
        assert_eq!(
            legacy_event("washout_after", &Input::Num(0.0)),
            Some(Ok(None))
        );
        assert!(legacy_event("washout_after", &Input::Num(1.5)).is_some_and(|r| r.is_err()));
        assert!(legacy_event("loop_strength", &Input::Num(1.0)).is_none());
    }
}
