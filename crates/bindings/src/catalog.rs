//! What the page reads once and what needs no session: the parameter schema, the view options,
//! tours, presets, and sweep jobs. Forwards and conversions only.

use crate::boundary::{js_error, settings, text};
use crate::{to_js, Playground};
use bgloop_core::{presets, schema, sweep};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// The parameter schema: one object per parameter, as core's `ParamSpec` serialises it (key,
    /// label, symbol, unit, unit_text, group, group_label, advanced, primary, domain, allowed,
    /// default, meaning, source, built_for, live; a test in tests/wasm-node.test.mjs keeps this
    /// list true).
    pub fn schema() -> Result<JsValue, JsError> {
        to_js(schema())
    }
    /// The view options a link may carry, the speed levels and the parts of the page `hide=` may
    /// name: `{ options, speeds, default_speed, parts }`.
    #[wasm_bindgen(js_name = viewOptions)]
    pub fn view_options() -> Result<JsValue, JsError> {
        to_js(&bgloop_core::view::TABLE)
    }
    /// The built-in guided tour: `{ title, steps: [{ title, text, link, trials, speed, view }] }`.
    pub fn tour() -> Result<JsValue, JsError> {
        to_js(&bgloop_core::tour::builtin())
    }
    /// A tour written as JSON text, checked (each error names the step and the field).
    #[wasm_bindgen(js_name = parseTour)]
    pub fn parse_tour(json: JsValue) -> Result<JsValue, JsError> {
        let json = text(&json, "tour")?;
        let tour = bgloop_core::tour::Tour::from_json(&json).map_err(js_error)?;
        to_js(&tour)
    }
    /// Plain words for newcomers: `[{ id, term, written, text }]` (core's glossary).
    pub fn glossary() -> Result<JsValue, JsError> {
        to_js(bgloop_core::glossary::ENTRIES)
    }

    /// The presets: name, title, claim, description, what to watch, settings.
    pub fn presets() -> Result<JsValue, JsError> {
        to_js(presets::PRESETS)
    }
    /// The jobs of a sweep of `param` over `count` values from `from` to `to`, `seeds` seeds each,
    /// `trials` trials per run, on the pending configuration: `[{ index, value, seed }]`. Errors
    /// name the bad field and its range.
    #[wasm_bindgen(js_name = sweepJobs)]
    pub fn sweep_jobs(
        &self,
        param: JsValue,
        from: f64,
        to: f64,
        count: f64,
        seeds: f64,
        trials: f64,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let numbers = [from, to, count, seeds, trials];
        let pending = self.with(|s| s.pending().clone())?;
        let spec = sweep::SweepSpec::from_numbers(&param, numbers, &pending).map_err(js_error)?;
        to_js(&spec.jobs())
    }
    /// Runs one sweep job on `base` (an object of entries, e.g. `pendingEntries()`): `{ value,
    /// seed, final_error, executed, … }`. Used by the sweep's Web Workers.
    #[wasm_bindgen(js_name = runSweepJob)]
    pub fn run_sweep_job(
        base: JsValue,
        param: JsValue,
        value: f64,
        seed: f64,
        trials: f64,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let pairs = settings(&base, "base")?;
        let base = pairs.iter().map(|(k, v)| (k.as_str(), v.clone()));
        let outcome = sweep::run_entries(base, &param, value, [seed, trials]).map_err(js_error)?;
        to_js(&outcome)
    }
}
