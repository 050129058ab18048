//! A protocol: a configuration and its schedule — everything that defines a run, read from the
//! same `key=value` entries everywhere (presets, links, `--set`, JS objects). An [`Experiment`] is
//! one protocol, or two compared trial for trial.

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

/// What an experiment runs: run A and, for a comparison, run B — run A with differences of its
/// own. The one place that knows how entries reach the two runs: an entry for both runs (a link's
/// plain entries, `--set`, a preset's settings, a live change made before a comparison starts)
/// goes to A, and to B wherever B has no value of its own; B's own entries (`b.…`) go to B alone.
/// Links, presets, the session and the CLI all build and read this value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Experiment {
    /// Run A (the only run unless comparing).
    pub a: Protocol,
    /// Run B of a comparison.
    pub b: Option<Protocol>,
}

/// `errors` with each message saying it is run B's.
pub fn of_run_b(mut errors: ConfigErrors) -> ConfigErrors {
    for e in &mut errors.errors {
        if !e.message.starts_with("run B: ") {
            e.message = format!("run B: {}", e.message);
            e.msg = e
                .msg
                .take()
                .map(|m| crate::i18n::Msg::new("rejected-run-b").said("error", m));
        }
    }
    errors
}

impl Experiment {
    /// One run of `a`.
    pub fn single(a: Protocol) -> Self {
        Experiment { a, b: None }
    }

    /// A comparison of `a` with `b`.
    pub fn compare(a: Protocol, b: Protocol) -> Self {
        Experiment { a, b: Some(b) }
    }

    /// Whether two runs are compared.
    pub fn is_comparison(&self) -> bool {
        self.b.is_some()
    }

    /// The runs, named `"A"` and `"B"`.
    pub fn runs(&self) -> impl Iterator<Item = (&'static str, &Protocol)> {
        std::iter::once(("A", &self.a)).chain(self.b.as_ref().map(|b| ("B", b)))
    }

    /// The entries that make run B from run A (empty when not comparing or B is A's copy).
    pub fn b_differences(&self) -> Vec<(String, String)> {
        self.b.as_ref().map_or_else(Vec::new, |b| b.diff(&self.a))
    }

    /// Applies entries for both runs, in order: to run A, and to run B wherever B has no value of
    /// its own (the difference the comparison is about). Every bad entry is reported (run B's
    /// named as such, if only B refuses it); good ones are kept.
    pub fn apply<'a, I, V>(&mut self, settings: I) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let own: Vec<String> = self.b_differences().into_iter().map(|(k, _)| k).collect();
        let settings: Vec<(&str, Input)> =
            settings.into_iter().map(|(k, v)| (k, v.into())).collect();
        // A's errors are the entries' own (B takes a subset of the same entries): B's are said
        // only when A took every entry.
        self.a
            .apply(settings.iter().map(|(k, v)| (*k, v.clone())))?;
        match &mut self.b {
            Some(b) => b
                .apply(
                    settings
                        .iter()
                        .filter(|(k, _)| !own.iter().any(|o| o == k))
                        .map(|(k, v)| (*k, v.clone())),
                )
                .map_err(of_run_b),
            None => Ok(()),
        }
    }

    /// Applies entries to run B alone (B starts as A's copy if this is not yet a comparison);
    /// errors are named as run B's.
    pub fn apply_b<'a, I, V>(&mut self, settings: I) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        V: Into<Input>,
    {
        let a = &self.a;
        self.b
            .get_or_insert_with(|| a.clone())
            .apply(settings)
            .map_err(of_run_b)
    }

    /// Changes both runs with `change` (a live change made to A, mirrored in what B replays).
    pub fn for_each_run(
        &mut self,
        mut change: impl FnMut(&mut Protocol) -> Result<(), ParamError>,
    ) -> Result<(), ParamError> {
        change(&mut self.a)?;
        if let Some(b) = &mut self.b {
            change(b)?;
        }
        Ok(())
    }

    /// Gives both runs the seed `seed` (checked).
    pub fn set_seed(&mut self, seed: impl Into<Input> + Clone) -> Result<(), ConfigErrors> {
        let one = |e: ParamError| ConfigErrors { errors: vec![e] };
        self.a.config.set("seed", seed.clone()).map_err(one)?;
        if let Some(b) = &mut self.b {
            b.config.set("seed", seed).map_err(one)?;
        }
        Ok(())
    }

    /// Checks both runs' configurations (run B's errors named as such).
    pub fn validate(&self) -> Result<(), ConfigErrors> {
        self.a.config.validate()?;
        if let Some(b) = &self.b {
            b.config.validate().map_err(of_run_b)?;
        }
        Ok(())
    }

    /// New runs of this experiment: A, and B when comparing.
    pub fn simulations(&self) -> Result<(Simulation, Option<Simulation>), ConfigErrors> {
        let a = self.a.simulation()?;
        let b = self.b.as_ref().map(Protocol::simulation).transpose();
        Ok((a, b.map_err(of_run_b)?))
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

    #[test]
    fn entries_for_both_runs_keep_b_s_own_differences() {
        let mut a = Protocol::default();
        a.apply([("rotation_deg", "30")]).expect("valid");
        let mut e = Experiment::single(a);
        e.apply_b([("loop_strength", "0.25")]).expect("valid");
        e.apply([("loop_strength", "0.8"), ("dopamine", "0.9"), ("seed", "4")])
            .expect("valid");
        let b = e.b.as_ref().expect("comparing");
        assert_eq!(e.a.config.loop_strength, 0.8);
        assert_eq!(b.config.loop_strength, 0.25, "B keeps its own difference");
        assert_eq!((b.config.dopamine, b.config.seed), (0.9, 4));
        assert_eq!(b.config.rotation_deg, 30.0);
        let err = e.apply_b([("dopamine", "9")]).expect_err("out of range");
        assert!(err.to_string().contains("run B: "), "{err}");
        assert_eq!(
            e.b_differences(),
            vec![("loop_strength".to_string(), "0.25".to_string())]
        );
    }
}
