//! The one read of the page: the session's snapshot with what the page and an embed's host read
//! beside it (the configurations, the markers, the records since the last frame), built as plain
//! data while the session is borrowed and converted after. Forwards and conversions only.

use crate::boundary::Since;
use bgloop_core::i18n::Catalog;
use bgloop_core::session::{Run, Session};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Everything the page shows, as one JSON object: the snapshot's fields and, beside them,
/// `config`, `pending_config`, `pending_entries`, `markers`, `current_trial`, `feeding`,
/// `last_record` and (with `since`) `records: { A, B }` (B's empty unless comparing).
pub fn of(s: &Session, since: Option<Since>, words: &Catalog) -> Result<Value, serde_json::Error> {
    let mut view = serde_json::to_value(s.view(words))?;
    let entries: BTreeMap<String, String> = s.pending_entries().into_iter().collect();
    let markers: Vec<Value> = s
        .markers(words)
        .into_iter()
        .map(|(trial, label)| json!({ "trial": trial, "label": label }))
        .collect();
    let extra = json!({
        "config": s.focus().config(),
        "pending_config": s.pending(),
        "pending_entries": entries,
        "markers": markers,
        "current_trial": s.sim().current_trial_number(),
        "feeding": s.feeding(),
        "last_record": s.sim().history().last(),
    });
    if let (Value::Object(v), Value::Object(e)) = (&mut view, extra) {
        v.extend(e);
        if let Some(since) = since {
            let mut records = serde_json::Map::new();
            records.insert(
                "A".into(),
                serde_json::to_value(s.records_after(Run::A, since.a))?,
            );
            // Run B's records while comparing; none otherwise.
            let b = match s.sim_b() {
                Some(_) => serde_json::to_value(s.records_after(Run::B, since.b))?,
                None => Value::Array(Vec::new()),
            };
            records.insert("B".into(), b);
            v.insert("records".into(), Value::Object(records));
        }
    }
    Ok(view)
}
