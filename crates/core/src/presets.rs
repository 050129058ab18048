//! Presets: one per claim of docs/model.md, each a few settings over the defaults and a paragraph on
//! what to watch for.

use crate::config::{Config, ConfigErrors};
use crate::protocol::{Experiment, Protocol};

/// A named starting point for an experiment.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Preset {
    /// Stable name, used by `--preset` and `preset=` in permalinks. Its words — a title, one line
    /// on what it sets up (`.description`), a paragraph on what to watch (`.watch`) — are the
    /// catalog's `preset-<name>` ([`Preset::title_in`] and the others).
    pub name: &'static str,
    /// The claim of docs/model.md it illustrates.
    pub claim: &'static str,
    /// The settings that differ from the defaults, as `key=value` text; `@…` keys are events
    /// ([`crate::schedule`]).
    pub settings: &'static [(&'static str, &'static str)],
    /// If the preset is a comparison: run B's differences from run A, as `key=value` text.
    pub compare: &'static [(&'static str, &'static str)],
}

impl Preset {
    /// The catalog id of the preset's words.
    fn words_id(&self) -> String {
        format!("preset-{}", self.name)
    }

    /// Its title for menus, in `words`' language.
    pub fn title_in(&self, words: &crate::i18n::Catalog) -> String {
        words.text(&self.words_id())
    }

    /// One line on what it sets up, in `words`' language.
    pub fn description_in(&self, words: &crate::i18n::Catalog) -> String {
        words.attr(&self.words_id(), "description")
    }

    /// What to watch for and what to try, in `words`' language.
    pub fn watch_in(&self, words: &crate::i18n::Catalog) -> String {
        words.attr(&self.words_id(), "watch")
    }
}

const ROTATION: &[(&str, &str)] = &[
    ("rotation_deg", "30"),
    ("reward", "binary"),
    ("reward_width_deg", "10"),
];

/// Every preset, in menu order.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "rotation",
        claim: "C2",
        settings: ROTATION,
        compare: &[],
    },
    Preset {
        name: "weak-loop",
        claim: "C2",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("loop_strength", "0.25"),
        ],
        compare: &[],
    },
    Preset {
        name: "gpi-off",
        claim: "C1",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("@401.gpi_output", "0"),
        ],
        compare: &[],
    },
    Preset {
        name: "gpi-off-first",
        claim: "C1",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
        ],
        compare: &[("gpi_output", "0")],
    },
    Preset {
        name: "consolidation",
        claim: "C1",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("consolidation_rate", "0.003"),
            ("@801.gpi_output", "0"),
        ],
        compare: &[],
    },
    Preset {
        name: "strong-vs-weak",
        claim: "C2",
        settings: ROTATION,
        compare: &[("loop_strength", "0.25")],
    },
    Preset {
        name: "inactivate-gpi",
        claim: "C1",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("@401.gpi_output", "0"),
        ],
        compare: &[("consolidation_rate", "0.003")],
    },
    Preset {
        name: "shaping",
        claim: "C2",
        settings: &[
            ("rotation_deg", "60"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
        ],
        compare: &[("@1-400.rotation_deg", "0..60")],
    },
    Preset {
        name: "savings",
        claim: "C2",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("@301.rotation_deg", "0"),
            ("@501.rotation_deg", "30"),
        ],
        compare: &[],
    },
    Preset {
        name: "learning-blocked",
        claim: "C1",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("@401.rotation_deg", "50"),
        ],
        compare: &[("@301.cue_learning_rate", "0")],
    },
    Preset {
        name: "dopamine-loss",
        claim: "P6",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("@401.rotation_deg", "50"),
        ],
        compare: &[("@301.dopamine", "0.5")],
    },
    Preset {
        name: "tonic-dopamine",
        claim: "P6",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
            ("teaching_signal", "separate"),
            ("@401.rotation_deg", "50"),
        ],
        compare: &[("@301.dopamine", "0.5")],
    },
    Preset {
        name: "attractor",
        claim: "C3",
        settings: &[
            ("learning_rate", "0"),
            ("cue_learning_rate", "0"),
            ("cue_hold", "0"),
        ],
        compare: &[],
    },
    Preset {
        name: "dynamics",
        claim: "C4",
        settings: &[
            ("exploration_noise", "0"),
            ("learning_rate", "0"),
            ("cue_learning_rate", "0"),
            ("go_ms", "3000"),
            ("trial_ms", "1500"),
            ("dopamine", "0.2"),
        ],
        compare: &[],
    },
    Preset {
        name: "babbling",
        claim: "C5",
        settings: &[
            ("targets", "8"),
            ("innate_cue_map", "off"),
            ("learning_rate", "0"),
            ("cue_learning_rate", "1"),
        ],
        compare: &[],
    },
];

/// Trials a preview shows after a preset's last change, that change's own trial included.
pub const SHOWN_AFTER_CHANGE: u32 = 60;

/// The fewest trials a preview shows.
pub const SHOWN_AT_LEAST: u32 = 150;

/// The preset called `name`.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

impl Preset {
    /// The configuration the preset's run starts with (its events: [`Preset::protocol`]).
    pub fn config(&self) -> Result<Config, ConfigErrors> {
        Ok(self.protocol()?.config)
    }

    /// The preset's protocol: defaults overridden by its settings, and its events.
    pub fn protocol(&self) -> Result<Protocol, ConfigErrors> {
        self.protocol_over(Config::default())
    }

    /// The preset's settings applied over `base` (e.g. the defaults of an older link version).
    pub fn protocol_over(&self, base: Config) -> Result<Protocol, ConfigErrors> {
        let mut p = Protocol::of(base);
        p.apply(self.settings.iter().copied())?;
        p.config.validate()?;
        Ok(p)
    }

    /// The preset's experiment over `base`: its protocol, and run B (run A with the preset's
    /// `compare` entries) if it is a comparison.
    pub fn experiment_over(&self, base: Config) -> Result<Experiment, ConfigErrors> {
        let a = self.protocol_over(base)?;
        let b = self.compare_over(&a)?;
        Ok(Experiment { a, b })
    }

    /// The preset's experiment over the defaults.
    pub fn experiment(&self) -> Result<Experiment, ConfigErrors> {
        self.experiment_over(Config::default())
    }

    /// How many trials a preview of the preset shows: through its last scheduled change and
    /// [`SHOWN_AFTER_CHANGE`] trials after it, and at least [`SHOWN_AT_LEAST`] (adapting to a
    /// rotation).
    pub fn shown_trials(&self) -> u32 {
        let last = self.experiment().map_or(0, |e| {
            [Some(&e.a), e.b.as_ref()]
                .into_iter()
                .flatten()
                .flat_map(|p| p.schedule.events().iter().map(|event| event.trial))
                .max()
                .unwrap_or(0)
        });
        (last + SHOWN_AFTER_CHANGE - 1).max(SHOWN_AT_LEAST)
    }

    /// Run B of a comparison preset: run A with the preset's `compare` entries.
    pub fn compare_over(&self, a: &Protocol) -> Result<Option<Protocol>, ConfigErrors> {
        if self.compare.is_empty() {
            return Ok(None);
        }
        let mut b = a.clone();
        b.apply(self.compare.iter().copied())?;
        b.config.validate()?;
        Ok(Some(b))
    }
}

/// The names of all presets, for error messages.
pub fn names() -> String {
    PRESETS
        .iter()
        .map(|p| p.name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_valid_and_changes_only_what_it_lists() {
        for p in PRESETS {
            let c = p.config().unwrap_or_else(|e| panic!("{}: {e}", p.name));
            let a = p.protocol().unwrap_or_else(|e| panic!("{}: {e}", p.name));
            assert!(p.compare_over(&a).is_ok(), "{}", p.name);
            let changed: Vec<&str> = c
                .diff(&Config::default())
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            for k in &changed {
                assert!(p.settings.iter().any(|(s, _)| s == k), "{}: {k}", p.name);
            }
            assert!(!p.watch_in(crate::i18n::Catalog::english()).is_empty());
        }
        assert!(preset("rotation").is_some());
        assert!(preset("nope").is_none());
    }
}
