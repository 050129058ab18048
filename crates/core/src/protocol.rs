//! A protocol: a configuration and its schedule — everything that defines a run, read from the
//! same `key=value` entries everywhere (presets, links, `--set`, JS objects).

use crate::config::{Config, ConfigErrors};
use crate::experiment::Simulation;
use crate::schedule::{self, Event, Schedule};
use crate::schema::{Input, ParamError};

/// A configuration and the changes its run makes at trial boundaries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Protocol {
    /// The configuration the run starts with.
    pub config: Config,
    /// The changes at trial boundaries.
    pub schedule: Schedule,
}

impl Protocol {
    /// `config` with no events.
    pub fn of(config: Config) -> Self {
        Protocol {
            config,
            schedule: Schedule::new(),
        }
    }

    /// Applies one entry: a parameter (`loop_strength`), an event (`@150.gpi_output` with value
    /// `0`), or a legacy key that is now an event (`gpi_off_after`, `washout_after`).
    pub fn set(&mut self, key: &str, input: impl Into<Input>) -> Result<(), ParamError> {
        let input = input.into();
        if let Some(at) = key.strip_prefix('@') {
            return self.schedule.add(Event::parse(at, &input.to_text())?);
        }
        // A legacy key is one value (the last one wins, 0 = never): it replaces the switch-off
        // steps of its parameter, a preset's included.
        match schedule::legacy_event(key, &input) {
            Some(Ok(event)) => {
                if let Some(live) = schedule::legacy_target(key) {
                    self.schedule.remove_switch_offs(live);
                }
                event.map_or(Ok(()), |e| self.schedule.add(e))
            }
            Some(Err(e)) => Err(e),
            None => self.config.set(key, input),
        }
    }

    /// Applies entries in order; every bad entry is reported, good ones are kept.
    pub fn apply<'a, I, V>(&mut self, settings: I) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        crate::config::apply_each(settings, |k, v| self.set(k, v))
    }

    /// A new run of this protocol, if its configuration is valid.
    pub fn simulation(&self) -> Result<Simulation, ConfigErrors> {
        Ok(Simulation::scheduled(
            self.config.clone().validated()?,
            self.schedule.clone(),
        ))
    }

    /// The entries that make this protocol from `base`: changed parameters (schema order, seed
    /// included) and then the events `base` does not have.
    pub fn diff(&self, base: &Protocol) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .config
            .diff(&base.config)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        out.extend(
            self.schedule
                .beyond(&base.schedule)
                .iter()
                .map(|e| (format!("@{}", e.at()), e.value_text())),
        );
        out
    }
}

impl Simulation {
    /// The protocol this run follows.
    pub fn protocol(&self) -> Protocol {
        Protocol {
            config: self.config().clone(),
            schedule: self.schedule().clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_set_parameters_events_and_legacy_keys() {
        let mut p = Protocol::default();
        p.apply([
            ("loop_strength", "0.5"),
            ("@150.gpi_output", "0"),
            ("washout_after", "200"),
            ("gpi_off_after", "0"),
        ])
        .expect("valid");
        assert_eq!(p.config.loop_strength, 0.5);
        let texts: Vec<String> = p.schedule.events().iter().map(Event::to_text).collect();
        assert_eq!(
            texts,
            ["@201.rotation_deg=0"],
            "gpi_off_after=0 replaces the switch-off at 150"
        );
        let mut preset = Protocol::default();
        preset
            .apply([("@401.gpi_output", "0"), ("gpi_off_after", "600")])
            .expect("valid");
        let texts: Vec<String> = preset
            .schedule
            .events()
            .iter()
            .map(Event::to_text)
            .collect();
        assert_eq!(
            texts,
            ["@601.gpi_output=0"],
            "the legacy key moves the switch-off"
        );
        let err = p
            .apply([("@5.ring_size", "8"), ("dopamine", "9")])
            .expect_err("both bad");
        assert_eq!(err.errors.len(), 2, "{err}");
    }
}
