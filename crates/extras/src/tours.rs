//! Tours: the built-in guided tour in the page's language, and a tour written as JSON read and
//! checked (the reading — serde and its error paths — is what keeps tours out of the first load).

use bgloop_boundary::language::words;
use bgloop_boundary::read::{js_error, text};
use bgloop_boundary::to_js;
use wasm_bindgen::prelude::*;

/// The tours, as one namespace for JavaScript (`Tours.builtin()`, `Tours.parse(…)`).
#[wasm_bindgen]
pub struct Tours;

#[wasm_bindgen]
impl Tours {
    /// The built-in guided tour in the page's language: `{ title, steps: [{ title, text, link,
    /// trials, speed, view }] }`.
    pub fn builtin() -> Result<JsValue, JsError> {
        to_js(&bgloop_core::tour::builtin_in(words()))
    }

    /// A tour written as JSON text, checked (each error names the step and the field).
    pub fn parse(json: JsValue) -> Result<JsValue, JsError> {
        let json = text(&json, "tour")?;
        let tour = bgloop_core::tour::Tour::from_json(&json).map_err(js_error)?;
        to_js(&tour)
    }
}
