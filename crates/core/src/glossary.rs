//! Plain words for a newcomer: each term the page, the tour and the presets use, said once. The page
//! links the first use of a term in each text to its entry. The words — the term, its two or three
//! plain sentences and the ways texts write it — are the catalog's `term-<id>` (`.text`,
//! `.written`), in each language; here is only which entries there are, in reading order.

use crate::i18n::Catalog;
use serde::Serialize;

/// One term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Its anchor (`gpi`), stable for links.
    pub id: &'static str,
}

impl Entry {
    /// The catalog id of the entry's words.
    fn words_id(&self) -> String {
        format!("term-{}", self.id)
    }

    /// The term as the entry's heading, in `words`' language.
    pub fn term_in(&self, words: &Catalog) -> String {
        words.text(&self.words_id())
    }

    /// Two or three plain sentences, in `words`' language.
    pub fn text_in(&self, words: &Catalog) -> String {
        words.attr(&self.words_id(), "text")
    }

    /// The ways texts in `words`' language write it (`GPi`, `globus pallidus`), matched as whole
    /// words.
    pub fn written_in(&self, words: &Catalog) -> Vec<String> {
        words
            .attr(&self.words_id(), "written")
            .split('|')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// Every entry, in reading order: the loop, then its numbers, then the learning.
pub const ENTRIES: &[Entry] = &[
    Entry { id: "cortex" },
    Entry {
        id: "basal-ganglia",
    },
    Entry { id: "striatum" },
    Entry { id: "stn" },
    Entry { id: "gpi" },
    Entry { id: "thalamus" },
    Entry {
        id: "loop-strength",
    },
    Entry { id: "gpi-output" },
    Entry {
        id: "tonic-dopamine",
    },
    Entry {
        id: "teaching-signal",
    },
    Entry { id: "rotation" },
    Entry { id: "exploration" },
    Entry { id: "parkinsons" },
];

/// The entry with anchor `id`.
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
                ENTRIES
                    .iter()
                    .any(|e| e.written_in(Catalog::english()).iter().any(|w| w == word)),
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
