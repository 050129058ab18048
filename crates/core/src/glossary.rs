//! Plain words for a newcomer: each term the page, the tour and the presets use, said once. The page
//! links the first use of a term in each text to its entry.

use serde::Serialize;

/// One term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Its anchor (`gpi`), stable for links.
    pub id: &'static str,
    /// The term as the entry's heading.
    pub term: &'static str,
    /// The ways texts write it, longest first within a text (`GPi`, `globus pallidus`), matched
    /// as whole words.
    pub written: &'static [&'static str],
    /// Two or three plain sentences.
    pub text: &'static str,
}

/// Every entry, in reading order: the loop, then its numbers, then the learning.
pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cortex",
        term: "Cortex (motor cortex)",
        written: &["cortex", "cortical", "Cortex"],
        text: "The outer layer of the brain; here a ring of cells, one for each direction, that holds the plan for a reach as a bump of activity. Its recurrent connections let the bump outlast the cue: an attractor.",
    },
    Entry {
        id: "basal-ganglia",
        term: "Basal ganglia (BG)",
        written: &["basal ganglia", "BG"],
        text: "A group of nuclei under the cortex (striatum, STN, GPi and others) that receive from the cortex and send back to it through the thalamus, forming a loop. They are where reward shapes movement. In Parkinson's disease it is not they that degenerate but the dopamine neurons of the substantia nigra that supply them.",
    },
    Entry {
        id: "striatum",
        term: "Striatum",
        written: &["striatum", "striatal", "Striatum", "cortico-striatal"],
        text: "The basal ganglia's input nucleus. It receives the cortex's plan through synapses that dopamine strengthens after a rewarded reach (cortico-striatal plasticity): this is where the model learns. It inhibits GPi.",
    },
    Entry {
        id: "stn",
        term: "STN (subthalamic nucleus)",
        written: &["STN", "subthalamic nucleus"],
        text: "A nucleus of the basal ganglia that excites GPi, the other route from the cortex to the output. With too little dopamine, the loop through the STN can take over and oscillate.",
    },
    Entry {
        id: "gpi",
        term: "GPi (globus pallidus internus)",
        written: &["GPi", "globus pallidus"],
        text: "The basal ganglia's output nucleus. It is active at rest and inhibits the thalamus; a dip in GPi under the planned direction releases the thalamus there. Switching its output off (κ = 0) is the model's version of inactivating or lesioning it.",
    },
    Entry {
        id: "thalamus",
        term: "Thalamus",
        written: &["thalamus", "thalamo-cortical", "Thalamus"],
        text: "The relay from the basal ganglia back to the cortex: inhibited by GPi, it excites the cortex. Through it, what the basal ganglia learn biases the cortical plan.",
    },
    Entry {
        id: "loop-strength",
        term: "Loop strength (λ)",
        written: &["loop strength", "Loop strength", "λ"],
        text: "How strongly the thalamus drives the cortex back: the gain of the loop. The paper's point is that adaptation needs it strong (λ = 1); at a quarter (λ = 0.25) reaches are still made but no longer adapt.",
    },
    Entry {
        id: "gpi-output",
        term: "GPi output (κ)",
        written: &["GPi output", "κ"],
        text: "A scale on GPi's output to the thalamus: 1 is normal, 0 switches the basal ganglia's output off while the cortex still plans and reaches.",
    },
    Entry {
        id: "tonic-dopamine",
        term: "Dopamine (tonic level, DA)",
        written: &["Dopamine", "dopamine", "DA"],
        text: "The level of dopamine in the striatum, the Dopamine control (1 is normal). Lowering it models the loss of dopamine neurons in Parkinson's disease: the striatal route weakens and reaches slow down, and — since the same neurons carry the teaching signal — a rewarded reach teaches less (see Teaching signal).",
    },
    Entry {
        id: "teaching-signal",
        term: "Teaching signal (reward prediction error, RPE)",
        written: &["reward prediction error", "teaching signal", "RPE", "δ"],
        text: "Reward minus the reward the model expected for that target: positive after a better-than-expected reach (a burst of dopamine), negative after a worse one (a pause). It strengthens or weakens the synapses that drove the reach. With fewer dopamine neurons the bursts shrink while the pauses remain.",
    },
    Entry {
        id: "rotation",
        term: "Visuomotor rotation (φ)",
        written: &["rotation", "rotated", "φ"],
        text: "The cursor the subject sees is turned by an angle from the hand: a reach aimed at the target lands that far off. Learning to compensate is adaptation; removing the rotation again is washout.",
    },
    Entry {
        id: "exploration",
        term: "Exploration noise",
        written: &["noise", "exploration"],
        text: "Random variation in the striatum that makes every reach a little different. Without it no reach would land closer than the last, and nothing could be rewarded into place.",
    },
    Entry {
        id: "parkinsons",
        term: "Parkinson's disease",
        written: &["Parkinson's disease", "Parkinson's"],
        text: "A disease in which the dopamine neurons of the substantia nigra, which supply the striatum, die. Movements become slow and small, and learning from rewards is impaired. The model's Dopamine control below 1 is this loss: reaches slow and a new rotation is learned more slowly (the Dopamine loss preset).",
    },
];

/// The entry `id`.
pub fn entry(id: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_a_reader_meets_first_has_an_entry() {
        // The list: GPi, STN, striatum, thalamus, λ, κ, DA, RPE, tonic dopamine vs the
        // teaching signal, and Parkinson's disease.
        for word in [
            "GPi",
            "STN",
            "striatum",
            "thalamus",
            "λ",
            "κ",
            "DA",
            "RPE",
            "Dopamine",
            "teaching signal",
            "Parkinson's disease",
        ] {
            assert!(
                ENTRIES.iter().any(|e| e.written.contains(&word)),
                "{word} has no entry"
            );
        }
        let mut ids: Vec<&str> = ENTRIES.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ENTRIES.len(), "ids are unique");
        assert!(entry("gpi").is_some());
    }
}
