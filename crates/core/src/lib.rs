//! # bgloop-core
//!
//! A reconstruction of the basal ganglia–thalamus–cortex loop model of Leblois, Boraud & Hansel
//! (PNAS 2025, "Reward-driven adaptation of movements requires strong recurrent basal
//! ganglia-cortical loops"): a cortical ring attractor holds a reach plan, the cortex–BG–thalamus
//! loop biases and explores it, and dopamine-dependent cortico-striatal plasticity learns from
//! reward. See `docs/model.md` for the equations and what is and is not the authors' model.
//!
//! Data flows one way: [`schema()`] → [`Config`] → [`Simulation`] → [`TrialRecord`]s.
//!
//! ```
//! use bgloop_core::{presets, Simulation};
//! let config = presets::preset("rotation").expect("exists").config().expect("valid");
//! let mut sim = Simulation::from_config(config).expect("valid");
//! let first = sim.run_trial().expect("finite");
//! assert!(first.executed);
//! ```

#![cfg_attr(test, allow(clippy::field_reassign_with_default))]

pub mod claims;
pub mod config;
pub mod experiment;
pub mod format;
pub mod glossary;
pub mod i18n;
pub mod json_floats;
pub mod learning;
pub mod longrun;
pub mod math;
pub mod network;
pub mod operating_point;
pub mod permalink;
pub mod phenomena;
pub mod presets;
pub mod protocol;
pub mod record;
pub mod regime;
pub mod result;
pub mod rng;
pub mod said;
pub mod schedule;
pub mod schema;
pub mod session;
pub mod sweep;
pub mod task;
pub mod tour;
pub mod view;

pub use config::{
    schema, spec, Config, ConfigErrors, PlasticityRule, RewardKind, TeachingSignal, ValidConfig,
};
pub use experiment::{Divergence, ReachPath, Simulation, Trace, TrialOptions};
pub use network::Population;
pub use protocol::{Experiment, Protocol};
pub use record::{Phase, TrialRecord};
pub use schedule::{Event, Schedule};
pub use schema::{Input, ParamError, ParamSpec, Value};
