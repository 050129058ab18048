//! A comparison: two runs with one seed, trial for trial — starting, setting up and ending one,
//! and the names the runs go by.

use super::{snapshot, Session};
use crate::config::ConfigErrors;
use crate::i18n::Catalog;
use crate::i18n::Msg;
use crate::protocol::{Experiment, Protocol};
use crate::schema::Input;

impl Session {
    /// Pins the running experiment as run A and starts run B as its exact copy (same seed, same
    /// schedule, same trials so far); from now on changes go to B. Pending changes move to B.
    pub fn compare(&mut self) {
        self.settle();
        if self.b.is_some() {
            return;
        }
        // B starts as what runs (its events included); pending changes of the parameters move
        // to B, A is pinned as it runs.
        let mut b = self.a.protocol();
        b.config = self.next.a.config.clone();
        self.next = Experiment::compare(self.a.protocol(), b);
        self.b = Some(self.a.clone());
        self.generation = self.generation.wrapping_add(1);
    }

    /// Sets up a comparison for the next reset: run A is the pending protocol with settings `a`,
    /// run B is run A with settings `b` (all or nothing; errors name run and key).
    pub fn configure_comparison<'a, I, J, V, W>(&mut self, a: I, b: J) -> Result<(), ConfigErrors>
    where
        I: IntoIterator<Item = (&'a str, V)>,
        J: IntoIterator<Item = (&'a str, W)>,
        V: Into<Input>,
        W: Into<Input>,
    {
        self.settle();
        let mut next = Experiment::single(self.next.a.clone());
        next.apply(a)?;
        next.validate()?;
        next.apply_b(b)?;
        next.validate()?;
        self.next = next;
        Ok(())
    }

    /// Ends a comparison, keeping run B (the run in focus) as the only run.
    pub fn end_comparison(&mut self) {
        self.settle();
        let Some(b) = self.b.take() else {
            return;
        };
        self.a = b;
        // What the next reset runs for B becomes the only run's (unless a preset or the defaults
        // chosen meanwhile already replaced the comparison).
        if let Some(next_b) = self.next.b.take() {
            self.next.a = next_b;
        }
        self.generation = self.generation.wrapping_add(1);
    }

    /// While comparing, the two runs' names for legends and the status line: the preset's names
    /// in words while the runs are still its own (`["A: strong loop", "B: weak loop"]`), else from
    /// their first difference (`["A: Loop strength 1", "B: 0.25"]`).
    pub fn run_names(&self, words: &Catalog) -> Option<[String; 2]> {
        let b = self.b.as_ref()?;
        let (a, b) = (self.a.protocol(), b.protocol());
        if let Some(names) = self.preset_run_names(&a, &b, words) {
            return Some(names);
        }
        let diff = b.diff(&a);
        let more = match diff.len() {
            0 | 1 => String::new(),
            n => words.format(&Msg::new("run-more").count("n", n as i64 - 1)),
        };
        let names = match diff.first() {
            None => ["A".to_string(), words.text("run-b-unchanged")],
            Some((key, _)) if key.starts_with('@') => {
                let label = b.schedule.beyond(&a.schedule).first().map(|e| {
                    words.format(
                        &Msg::new("run-from-trial")
                            .text("change", e.label_in(words))
                            .count("trial", e.trial),
                    )
                });
                [
                    "A".to_string(),
                    named(words, "B", format!("{}{more}", label.unwrap_or_default())),
                ]
            }
            Some((key, value)) => {
                let spec = crate::config::spec(key);
                let label = match spec {
                    Some(_) => words.text(&format!("param-{key}")),
                    None => key.clone(),
                };
                let unit = spec.map_or(String::new(), |s| words.unit_suffix(s.unit));
                let before = a.config.get(key).map(|v| v.to_text()).unwrap_or_default();
                let said = |v: &str| match spec {
                    Some(s) => snapshot::value_in(words, s, v),
                    None => v.to_string(),
                };
                [
                    named(words, "A", format!("{label} {}{unit}", said(&before))),
                    named(words, "B", format!("{}{unit}{more}", said(value))),
                ]
            }
        };
        Some(names)
    }
}

/// A run's name and what it is, in `words`' language (`A: Loop strength 1`; French puts a space
/// before the colon).
pub(super) fn named(words: &crate::i18n::Catalog, run: &str, name: String) -> String {
    words.format(&Msg::new("run-named").text("run", run).text("name", name))
}

impl Session {
    /// The running comparison preset's names for its runs (`.run-a`, `.run-b` in the catalog), if
    /// both runs are still the preset's own (any seed).
    fn preset_run_names(&self, a: &Protocol, b: &Protocol, words: &Catalog) -> Option<[String; 2]> {
        let preset = crate::presets::preset(self.running_preset?)?;
        let id = format!("preset-{}", preset.name);
        if !words.shape().get(&id)?.attributes.contains("run-b") {
            return None;
        }
        let mut own = preset.protocol().ok()?;
        own.config.seed = a.config.seed;
        if own != *a || preset.compare_over(a).ok()?.as_ref() != Some(b) {
            return None;
        }
        Some([
            named(words, "A", words.attr(&id, "run-a")),
            named(words, "B", words.attr(&id, "run-b")),
        ])
    }
}
