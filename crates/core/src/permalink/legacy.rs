//! Links of older versions: the defaults each version changed, so an old link replays the run it
//! was made from bit for bit, and the keys links once carried that no longer mean anything.

use super::Protocol;
use crate::config::Config;

/// The defaults of version 3 that version 4 changed: a v1–v3 link is read over these (the
/// dopamine level did not reach the teaching signal), so it replays the run it was made from.
pub const V3_DEFAULTS: &[(&str, &str)] = &[("teaching_signal", "separate")];

/// The defaults of version 2 that version 3 changed: a v1 or v2 link is read over these, so it
/// replays the run it was made from, bit for bit.
pub const V2_DEFAULTS: &[(&str, &str)] = &[("cue_weight_bound", "update")];

/// The defaults of version 1 that version 2 changed (applied over [`V2_DEFAULTS`]).
pub const V1_DEFAULTS: &[(&str, &str)] = &[
    ("learning_rate", "2"),
    ("cue_learning_rate", "0"),
    ("plasticity_rule", "hebbian"),
];

/// Keys that links once carried and that no longer mean anything: read, ignored, and said so
/// (each with the catalog id of why).
pub const RETIRED_KEYS: &[(&str, &str)] = &[("untuned_drive", "retired-untuned_drive")];

/// The defaults a link of `version` is read over.
pub fn defaults_of(version: u32) -> Config {
    let mut c = Config::default();
    // The old defaults are in range (tested); a failure would leave today's defaults.
    if version <= 3 {
        let _ = c.apply(V3_DEFAULTS.iter().copied());
    }
    if version <= 2 {
        let _ = c.apply(V2_DEFAULTS.iter().copied());
    }
    if version == 1 {
        let _ = c.apply(V1_DEFAULTS.iter().copied());
    }
    c
}

/// Whether a run's dopamine level is ever below 1 (from the start or by an event): where links
/// of version 3 and 4 differ.
pub(super) fn lowers_dopamine(p: &Protocol) -> bool {
    p.config.dopamine < 1.0
        || p.schedule.events().iter().any(|e| {
            e.key == "dopamine"
                && match e.change {
                    crate::schedule::Change::Step(v) => v.as_f64().is_some_and(|x| x < 1.0),
                    crate::schedule::Change::Ramp { from, to, .. } => from.min(to) < 1.0,
                }
        })
}
