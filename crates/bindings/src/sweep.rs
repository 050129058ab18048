//! A sweep's jobs, read off the playground's pending experiment (what the Sweep form and a link's
//! `sweep=` start). Running them, and what their outcomes say, is the second module's
//! (`bgloop-extras`' `Sweeps`), loaded when a sweep is first used.

use crate::boundary::{js_error, text};
use crate::{language, to_js, Playground};
use bgloop_core::sweep;
use wasm_bindgen::prelude::*;

/// A sweep's refusal as a JS error, in the page's language.
fn said(e: sweep::SweepError) -> JsError {
    js_error(bgloop_core::i18n::Said::said_in(&e, language::words()))
}

#[wasm_bindgen]
impl Playground {
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
        let mut spec = sweep::SweepSpec::from_numbers(&param, numbers, &pending).map_err(said)?;
        if !(param2.is_undefined() || param2.is_null()) {
            let param2 = text(&param2, "param2")?;
            let range: [f64; 3] = range2
                .as_deref()
                .and_then(|r| r.try_into().ok())
                .ok_or_else(|| js_error("`range2` must be [from, to, count] for a map"))?;
            spec = spec.with_second(&param2, range, &pending).map_err(said)?;
        }
        // The CLI's check, word for word: one run, no event on a swept parameter.
        spec.check_experiment(&next).map_err(said)?;
        to_js(&spec.jobs())
    }
}
