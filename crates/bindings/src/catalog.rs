//! What the page reads once and what needs no session: the parameter schema, the view options,
//! tours, presets and the glossary, in the page's language. Forwards and conversions only.

use crate::boundary::js_error;
use crate::language::{self, Words};
use crate::to_js;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Words {
    /// The parameter schema: one object per parameter, as core's `ParamSpec` serialises it (key,
    /// label, symbol, unit, unit_text, group, group_label, advanced, primary, domain, allowed,
    /// default, meaning, source, built_for, live; a test in tests/wasm-node.test.mjs keeps this
    /// list true), its words in the page's language (a choice's domain also has `option_labels`,
    /// its options' names).
    pub fn schema() -> Result<JsValue, JsError> {
        to_js(&language::schema_in(language::words())?)
    }
    /// The view options a link may carry, the speed levels and the parts of the page `hide=` may
    /// name: `{ options, speeds, default_speed, parts }`.
    #[wasm_bindgen(js_name = viewOptions)]
    pub fn view_options() -> Result<JsValue, JsError> {
        // Each speed's name, in the page's language (`speed-<index>` in the catalog).
        let mut table = serde_json::to_value(bgloop_core::view::TABLE).map_err(js_error)?;
        let words = language::words();
        for (i, speed) in table["speeds"]
            .as_array_mut()
            .into_iter()
            .flatten()
            .enumerate()
        {
            speed["label"] = serde_json::json!(words.text(&format!("speed-{i}")));
        }
        to_js(&table)
    }
    /// Plain words for newcomers: `[{ id, term, written, text }]` (core's glossary).
    pub fn glossary() -> Result<JsValue, JsError> {
        to_js(&language::glossary_in(language::words())?)
    }

    /// The presets: name, title, claim, description, what to watch, settings.
    pub fn presets() -> Result<JsValue, JsError> {
        to_js(&language::presets_in(language::words())?)
    }
}
