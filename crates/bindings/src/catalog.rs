//! What the page reads once and what needs no session: the parameter schema, the view options,
//! tours, presets, and sweep jobs. Forwards and conversions only.

use crate::boundary::{js_error, settings, text};
use crate::{language, to_js, Playground};
use bgloop_core::sweep;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
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
    /// The built-in guided tour: `{ title, steps: [{ title, text, link, trials, speed, view }] }`.
    pub fn tour() -> Result<JsValue, JsError> {
        to_js(&language::tour_in(language::words())?)
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
        to_js(&language::glossary_in(language::words())?)
    }

    /// The presets: name, title, claim, description, what to watch, settings.
    pub fn presets() -> Result<JsValue, JsError> {
        to_js(&language::presets_in(language::words())?)
    }
    /// The jobs of a sweep of `param` over `count` values from `from` to `to`, `seeds` seeds each,
    /// `trials` trials per run, on the pending configuration — and, for a map, of a second
    /// parameter `param2` over `count2` values from `from2` to `to2`: `[{ index, value, seed,
    /// index2?, value2? }]`. Errors name the bad field and its range.
    #[wasm_bindgen(js_name = sweepJobs)]
    #[allow(clippy::too_many_arguments)]
    pub fn sweep_jobs(
        &self,
        param: JsValue,
        from: f64,
        to: f64,
        count: f64,
        seeds: f64,
        trials: f64,
        param2: JsValue,
        range2: Option<Vec<f64>>,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let numbers = [from, to, count, seeds, trials];
        let next = self.with(|s| s.next().clone())?;
        let pending = next.a.config.clone();
        let mut spec =
            sweep::SweepSpec::from_numbers(&param, numbers, &pending).map_err(js_error)?;
        if !(param2.is_undefined() || param2.is_null()) {
            let param2 = text(&param2, "param2")?;
            let range: [f64; 3] = range2
                .as_deref()
                .and_then(|r| r.try_into().ok())
                .ok_or_else(|| js_error("`range2` must be [from, to, count] for a map"))?;
            spec = spec
                .with_second(&param2, range, &pending)
                .map_err(js_error)?;
        }
        // The CLI's check, word for word: one run, no event on a swept parameter.
        spec.check_experiment(&next).map_err(js_error)?;
        to_js(&spec.jobs())
    }

    /// A sweep's outcomes (`[{ value, value2?, seed, final_error, … }]`) summarised per value or
    /// cell: `[{ value, value2?, mean, sd, min, max, n }]` (what the map's readout says).
    #[wasm_bindgen(js_name = sweepPoints)]
    pub fn sweep_points(
        outcomes: JsValue,
        param: JsValue,
        param2: JsValue,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let param2 = crate::boundary::optional_text(&param2, "param2")?;
        let outcomes = crate::boundary::outcomes(&outcomes, &param, param2.as_deref())?;
        to_js(&sweep::summarize(&outcomes))
    }

    /// What the sweep's cell at `value` (and `value2` in a map) says when read: `{ runs, diverged,
    /// regimes: [[regime, count], …], error: [mean, sd], executed, reward, reach_ms, adapt,
    /// adapted_runs }` (each mean over the runs that have it; null before any run).
    #[wasm_bindgen(js_name = sweepCell)]
    pub fn sweep_cell(
        outcomes: JsValue,
        param: JsValue,
        param2: JsValue,
        value: f64,
        value2: Option<f64>,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let param2 = crate::boundary::optional_text(&param2, "param2")?;
        let outcomes = crate::boundary::outcomes(&outcomes, &param, param2.as_deref())?;
        to_js(&sweep::cell(&outcomes, value, value2))
    }

    /// A sweep in words, in the page's language: `{ label, table: { caption, head, rows } }` —
    /// the text alternative of its canvas and its data table, a row per value of `param` and a
    /// column per value of `param2` (for a map), each cell `measure`'s mean or the regime.
    #[wasm_bindgen(js_name = describeSweep)]
    pub fn describe_sweep(
        outcomes: JsValue,
        param: JsValue,
        param2: JsValue,
        values: Vec<f64>,
        values2: Vec<f64>,
        measure: Option<String>,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let param2 = crate::boundary::optional_text(&param2, "param2")?;
        let measure = crate::boundary::measure(measure)?;
        for (v, name) in [(&values, "values"), (&values2, "values2")] {
            if v.len() > 200 || v.iter().any(|x| !x.is_finite()) {
                return Err(js_error(format!(
                    "`{name}` must be at most 200 finite numbers"
                )));
            }
        }
        let outcomes = crate::boundary::outcomes(&outcomes, &param, param2.as_deref())?;
        let points = sweep::summarize_by(&outcomes, measure);
        to_js(&bgloop_charts::describe::sweep(
            language::words(),
            (&param, &values),
            param2.as_deref().map(|p| (p, values2.as_slice())),
            &points,
            measure,
        ))
    }

    /// Runs one sweep job on `base` (an object of entries, e.g. `pendingEntries()`): `{ value,
    /// seed, final_error, executed, … }`; with `param2` and `value2`, one cell of a map. Used by
    /// the sweep's Web Workers.
    #[wasm_bindgen(js_name = runSweepJob)]
    pub fn run_sweep_job(
        base: JsValue,
        param: JsValue,
        value: f64,
        seed: f64,
        trials: f64,
        param2: JsValue,
        value2: Option<f64>,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let pairs = settings(&base, "base")?;
        let base = pairs.iter().map(|(k, v)| (k.as_str(), v.clone()));
        let second = if param2.is_undefined() || param2.is_null() {
            None
        } else {
            let value2 = value2.ok_or_else(|| js_error("a map's job needs `value2`"))?;
            Some((text(&param2, "param2")?, value2))
        };
        let second = second.as_ref().map(|(p, w)| (p.as_str(), *w));
        let outcome =
            sweep::run_entries(base, (&param, value), second, [seed, trials]).map_err(js_error)?;
        to_js(&outcome)
    }
}
