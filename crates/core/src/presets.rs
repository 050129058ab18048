//! Presets: one per claim of docs/model.md, each a few settings over the defaults and a paragraph on
//! what to watch for.

use crate::config::{Config, ConfigErrors};
use crate::protocol::{Experiment, Protocol};

/// A named starting point for an experiment.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Preset {
    /// Stable name, used by `--preset` and `preset=` in permalinks.
    pub name: &'static str,
    /// A short title for menus.
    pub title: &'static str,
    /// The claim of docs/model.md it illustrates.
    pub claim: &'static str,
    /// One line: what it sets up.
    pub description: &'static str,
    /// A short paragraph for readers: what to watch for and what to try.
    pub watch: &'static str,
    /// The settings that differ from the defaults, as `key=value` text; `@…` keys are events
    /// ([`crate::schedule`]).
    pub settings: &'static [(&'static str, &'static str)],
    /// If the preset is a comparison: run B's differences from run A, as `key=value` text.
    pub compare: &'static [(&'static str, &'static str)],
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
        title: "Adapting to a 30° rotation",
        claim: "C2",
        description: "The cursor is rotated by 30°; binary reward within 10° of the target.",
        watch: "The first reaches land 30° off. Exploration noise in the basal ganglia makes some reaches land closer; those are rewarded, dopamine strengthens the cortico-striatal synapses that drove them, and within about 30 trials the cursor error shrinks to a few degrees.",
        settings: ROTATION,
        compare: &[],
    },
    Preset {
        name: "weak-loop",
        title: "A weak loop cannot adapt",
        claim: "C2",
        description: "The rotation task with the loop strength cut to 0.25.",
        watch: "Reaches still start and reach the target distance, but the error stays near 30°: with a weak loop, the basal ganglia can no longer steer the cortical plan, so neither exploration nor learning moves the reach. Raise Loop strength to 1 while it runs: from the next trial the loop is strong again and the error falls within a few dozen trials (the change is kept in the link, and Reset replays the run with it).",
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
        title: "GPi off after learning",
        claim: "C1",
        description: "The rotation task; GPi output is switched off after trial 400.",
        watch: "After 400 trials the reach is adapted. Then GPi output is silenced: reaches are still made, as fast and as large as before (execution does not need basal-ganglia output), but the error jumps back to about 30°: the adaptation lived in the loop.",
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
        title: "GPi off before learning",
        claim: "C1",
        description: "The rotation task twice: A as usual, B with GPi output switched off from the first trial.",
        watch: "Run B has its basal-ganglia output switched off from the first trial. Both runs make every reach. But B's reaches are all alike, exactly 30° off: the variation that let some of A's reaches land closer came through the basal ganglia, so no reach of B is ever rewarded and B never adapts, while A's error falls to a few degrees. Making a movement does not need the loop; learning one does.",
        settings: &[
            ("rotation_deg", "30"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
        ],
        compare: &[("gpi_output", "0")],
    },
    Preset {
        name: "consolidation",
        title: "Consolidation: the adapted reach survives",
        claim: "C1",
        description: "The rotation task with slow cortical consolidation; GPi output off after trial 800.",
        watch: "Rewarded reaches are slowly copied into the cue→cortex map. When GPi output is switched off after trial 800, the adapted reach now survives: the basal ganglia taught the cortex.",
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
        title: "Strong loop vs weak loop, side by side",
        claim: "C2",
        description: "The rotation task twice from the same seed: A with the loop at full strength, B with it cut to 0.25.",
        watch: "Both runs start 30° off and see the same noise. A's error (orange) falls to a few degrees within about 30 trials; B's (purple, dashed) stays near 30°: with a weak loop the basal ganglia cannot steer the cortical plan, so nothing that is learned reaches the movement. Reaches in B are still made: a weak loop leaves execution intact.",
        settings: ROTATION,
        compare: &[("loop_strength", "0.25")],
    },
    Preset {
        name: "inactivate-gpi",
        title: "Learn, then inactivate GPi: with and without consolidation",
        claim: "C1",
        description: "The rotation task; GPi output is switched off from trial 401 in both runs. B also consolidates rewarded reaches into the cortex (rate 0.003).",
        watch: "For 400 trials both runs adapt. Then GPi output is silenced in both: reaches are still made (execution does not need basal-ganglia output), but A's error jumps back to 30° (its adaptation lived in the loop), while B's stays near zero: the basal ganglia had slowly taught the cortex, and the adapted reach survives without them.",
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
        title: "Shaping: an abrupt vs a gradual 60° rotation",
        claim: "C2",
        description: "Binary reward within 10°. A: the cursor is rotated by 60° from the first trial. B: the rotation grows from 0° to 60° over trials 1–400.",
        watch: "In A almost no reach lands within the 10° window, so almost nothing is rewarded and the error stays near 60° for hundreds of trials. In B each small step of the rotation leaves many reaches close enough to be rewarded, and the cursor follows the growing rotation within about 15–20°. This reconstruction holds the gradually learned 60° only loosely once the ramp ends; with graded reward both runs learn (open the link #preset=shaping&reward=graded&reward_width_deg=15: entries without b. apply to both runs).",
        settings: &[
            ("rotation_deg", "60"),
            ("reward", "binary"),
            ("reward_width_deg", "10"),
        ],
        compare: &[("@1-400.rotation_deg", "0..60")],
    },
    Preset {
        name: "savings",
        title: "Rotation, washout, re-exposure: no savings here",
        claim: "C2",
        description: "A 30° rotation for trials 1–300, none for 301–500 (washout), then the same rotation again from trial 501.",
        watch: "The reach adapts, then washes out when the rotation is removed (the after-effect shows as an error in the other direction), then the rotation returns. People relearn faster the second time (savings). This model does not: relearning from trial 501 is about as slow as the first learning, because washout unlearns the same synapses that learning set, and nothing remembers that this rotation was met before.",
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
        title: "Block learning after adaptation: the reach is kept, a new rotation is not learned",
        claim: "C1",
        description: "The 30° rotation task in both runs, with a further 20° added from trial 401 (50° in all). B: dopamine-dependent plasticity is blocked from trial 301 (learning rate 0).",
        watch: "Both runs adapt to 30°. From trial 301 B can no longer learn, yet its reaches stay adapted: what was learned is kept and used without the teaching signal. From trial 401 the rotation grows to 50°: A learns the extra 20° within about a hundred trials, while B's error stays at 20°: its hand still goes exactly where it learned to go. Ghanayim et al. (Nat Commun 2025) saw the same in mice when they blocked dopamine's input to motor cortex: learned reaches stayed intact, new learning stopped. (In this model plasticity sits at the cortico-striatal synapses, so it is blocked there.)",
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
        title: "Dopamine loss after learning (as in Parkinson's disease)",
        claim: "P6",
        description: "The 30° rotation task in both runs, with a further 20° added from trial 401. B: half the dopamine neurons are lost from trial 301 (dopamine 0.5): the tonic level and the teaching signal's bursts both halve.",
        watch: "Parkinson's disease destroys the dopamine neurons of the substantia nigra that supply the striatum. Here B loses half of them from trial 301: its reaches become slower (1.4–1.7× A's reach time over trials 301–400), and when the rotation grows to 50° from trial 401, B learns the extra 20° more slowly: half the step is learned in 54 trials against A's 33 (medians of seeds 1–8), because a rewarded reach now sends a smaller burst of dopamine. Patients off medication also learn less from positive outcomes (Frank et al. 2004). Compare the preset Tonic dopamine only, where the same loss spares the teaching signal: reaches slow just as much, learning is less slowed. At much lower dopamine and without noise the loop oscillates at about 10 Hz instead (the Loop dynamics preset).",
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
        title: "Tonic dopamine only: a loss that spares the teaching signal",
        claim: "P6",
        description: "The dopamine-loss experiment with the teaching signal kept apart from the dopamine level in both runs: B's tonic level falls to 0.5 from trial 301, its teaching signal does not.",
        watch: "A contrast no disease makes: only the steady level of dopamine falls, the bursts that teach stay whole. B's reaches slow as in the Parkinson's experiment, yet it learns the extra 20° from trial 401 almost as fast as A: half the step in 35 trials (median of seeds 1–8) against 54 with the bursts lost too. This was the model's dopamine loss before link version 4.",
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
        title: "The cortical attractor holds the plan",
        claim: "C3",
        description: "No learning and no held target: the cue lasts 100 ms, then the cortex is on its own.",
        watch: "Watch the cortex row of the activity view: a bump forms during the cue and persists after it, because recurrent excitation holds it. Set Cortical recurrence to 1 and Reset: the bump dies with the cue, and reaches wander in random directions driven by loop noise.",
        settings: &[
            ("learning_rate", "0"),
            ("cue_learning_rate", "0"),
            ("cue_hold", "0"),
        ],
        compare: &[],
    },
    Preset {
        name: "dynamics",
        title: "Loop dynamics: selection or oscillation",
        claim: "C4",
        description: "Low dopamine (0.2), no exploration noise, no movement, 1.5 s trials.",
        watch: "With dopamine at 0.2, the hyperdirect STN loop dominates and GPi oscillates at about 10 Hz: stripes in the GPi row. Set Dopamine back to 1 and press Step: in the next trial GPi activity becomes a selective dip under the cortical bump, the loop's normal, focused state.",
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
        title: "Motor babbling: learning to reach",
        claim: "C5",
        description: "Eight targets, no innate cue map: reaches start random and become target-directed.",
        watch: "The cortex receives no map from the visual targets, so early reaches go anywhere. Rewarded reaches teach the striatum which cells to activate for each target, and after a few hundred trials most reaches hit their target.",
        settings: &[
            ("targets", "8"),
            ("innate_cue_map", "off"),
            ("learning_rate", "0"),
            ("cue_learning_rate", "1"),
        ],
        compare: &[],
    },
];

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
            assert!(!p.watch.is_empty());
        }
        assert!(preset("rotation").is_some());
        assert!(preset("nope").is_none());
    }
}
