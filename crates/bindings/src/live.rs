//! Live changes: a change of a live parameter during a run (an event of the run), removing one
//! not yet applied, and keeping one as a scheduled event after Reset. Forwards and conversions
//! only.

use crate::boundary::{self, js_error, text};
use crate::Playground;
use bgloop_core::schema;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Changes a live parameter (schema `live`) of the run in focus from the next trial on,
    /// without a reset; the change becomes an event of the run's schedule, so its link replays
    /// it. Returns the trial it applies from. Errors name the key and its range, or say that the
    /// parameter applies only on Reset.
    pub fn intervene(&self, key: JsValue, value: JsValue) -> Result<u32, JsError> {
        let key = text(&key, "key")?;
        let value = boundary::input(&value, &key)?;
        self.change(|s| s.intervene(&key, value))
    }

    /// Edits the run in focus's live change of `key` at `trial`: `"cancel"` removes it if it has
    /// not applied yet; `"keep"` keeps it as a scheduled event, so Reset replays it from that
    /// trial instead of starting with its value (the default). Returns whether there was such a
    /// change to edit.
    #[wasm_bindgen(js_name = editEvent)]
    pub fn edit_event(&self, trial: f64, key: JsValue, action: JsValue) -> Result<bool, JsError> {
        let (trial, key) = event_at(trial, &key)?;
        match text(&action, "action")?.as_str() {
            "cancel" => Ok(self.session_mut()?.cancel_event(trial, &key)),
            "keep" => Ok(self.session_mut()?.keep_event(trial, &key)),
            other => Err(js_error(format!(
                "`action` must be \"cancel\" or \"keep\", not {:?}",
                crate::boundary::bounded_short(other)
            ))),
        }
    }
}

/// An event's place as JavaScript names it: its trial (a whole number, checked) and its key.
fn event_at(trial: f64, key: &JsValue) -> Result<(u32, String), JsError> {
    let key = text(key, "key")?;
    let trial =
        schema::whole("trial", trial, 1, bgloop_core::schedule::MAX_TRIAL).map_err(js_error)?;
    Ok((trial, key))
}
