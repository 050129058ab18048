//! What leaves the session: trial records (for hosts, as CSV, as JSON with the result) and the
//! link of the running experiment.

use super::{Run, Session};
use crate::permalink;
use crate::record::{self, TrialRecord};

impl Session {
    /// The records of `run` after trial `after` that are still kept, oldest first (empty for B
    /// when not comparing).
    pub fn records_after(&self, run: Run, after: u32) -> &[TrialRecord] {
        let Some(sim) = self.run(run) else {
            return &[];
        };
        let h = sim.history();
        let start = h.partition_point(|r| r.trial <= after);
        &h[start..]
    }

    /// The trial records as CSV — the text of `bgloop run --format csv` on the session's link
    /// (with a first column `run` while comparing).
    pub fn csv(&self) -> String {
        match &self.b {
            None => record::csv(self.a.history()),
            Some(b) => record::csv_runs(&[("A", self.a.history()), ("B", b.history())]),
        }
    }

    /// Version, configuration, schedule, seed and trial records as a JSON document (both runs
    /// while comparing) — the text of `bgloop run --format json` on the session's link.
    pub fn json(&self) -> String {
        let doc = self.json_records();
        // The result rides along (its numbers, in no language): `"result": [{ window, a, b }]`.
        let result = serde_json::to_string(&self.results()).unwrap_or_else(|_| "[]".into());
        match doc.trim_end().strip_suffix('}') {
            Some(head) => format!("{head},\"result\":{result}}}\n"),
            None => doc,
        }
    }

    /// The records document (`bgloop run --format json`'s text).
    fn json_records(&self) -> String {
        let (pa, a) = (self.a.protocol(), self.a.history());
        match &self.b {
            None => record::json_document(&pa.config, &pa.schedule, a),
            Some(b) => {
                let pb = b.protocol();
                record::json_runs(&[
                    ("A", &pa.config, &pa.schedule, a),
                    ("B", &pb.config, &pb.schedule, b.history()),
                ])
            }
        }
    }

    /// The link of the running experiment (both runs while comparing) with view `options`. It is
    /// encoded only when the experiment, its preset or the options changed since the last call:
    /// a page that asks every frame encodes once per change ([`Session::link_encodes`] counts).
    pub fn permalink(&self, options: &[(&str, &str)]) -> String {
        let key = LinkKey {
            preset: self.running_preset,
            experiment: self.experiment(),
            options: options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let mut cache = self.link.borrow_mut();
        if let Some((cached, text)) = cache.as_ref() {
            if *cached == key {
                return text.clone();
            }
        }
        let text = permalink::encode(key.preset, &key.experiment, options);
        *cache = Some((key, text.clone()));
        self.link_encodes.set(self.link_encodes.get() + 1);
        text
    }

    /// How many times [`Session::permalink`] has encoded a link (not answered from its cache).
    pub fn link_encodes(&self) -> u64 {
        self.link_encodes.get()
    }
}

/// What a link is encoded from: equal keys give equal links.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LinkKey {
    preset: Option<&'static str>,
    experiment: crate::protocol::Experiment,
    options: Vec<(String, String)>,
}
