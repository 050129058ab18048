//! What the page reads out of the runs: records, columns as typed arrays, exports and traces.
//! Forwards and conversions only.

use crate::boundary::{self, js_error, text};
use crate::{to_js, Playground};
use bgloop_core::session::Session;
use bgloop_core::{record, schema};
use js_sys::{Float32Array, Float64Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
impl Playground {
    /// The records of the trials after trial `after` (still kept in memory), oldest first, of
    /// run `run` ("A", the default, or "B" while comparing): what an embed posts to its host
    /// after each frame.
    #[wasm_bindgen(js_name = recordsAfter)]
    pub fn records_after(&self, after: f64, run: JsValue) -> Result<JsValue, JsError> {
        let after = schema::in_range("after", after, 0.0, f64::from(u32::MAX)).map_err(js_error)?;
        let run = boundary::run(&run)?;
        to_js(&self.with(|s| s.records_after(run, after as u32).to_vec())?)
    }
    /// The learning curve of run `run` ("A", the default, or "B"): the mean |error| over
    /// `points` (1–1000) equal blocks of the trials run, NaN where a block is not kept — what
    /// "Listen" plays (core's result over each block).
    pub fn curve(&self, points: f64, run: JsValue) -> Result<Float64Array, JsError> {
        let points = schema::in_range("points", points, 1.0, 1000.0).map_err(js_error)?;
        let run = boundary::run(&run)?;
        let v: Vec<f64> = self.with(|s| {
            bgloop_core::result::curve(s.records_after(run, 0), points as u32)
                .into_iter()
                .map(|x| x.unwrap_or(f64::NAN))
                .collect()
        })?;
        Ok(Float64Array::from(&v[..]))
    }

    /// The last finished trial's record, or `null`.
    #[wasm_bindgen(js_name = lastRecord)]
    pub fn last_record(&self) -> Result<JsValue, JsError> {
        match self.with(|s| s.sim().history().last().cloned())? {
            Some(r) => to_js(&r),
            None => Ok(JsValue::NULL),
        }
    }
    /// One field of every trial record of run `run` ("A", the default, or "B") as a column:
    /// `trial`, `target_deg`, `hand_deg`, `cursor_deg`, `error_deg`, `abs_error`, `reward`, `rpe`,
    /// `executed` (0/1), `reach_ms` (NaN if not executed), `amplitude`.
    pub fn column(&self, name: JsValue, run: JsValue) -> Result<Float64Array, JsError> {
        let name = text(&name, "name")?;
        let run = boundary::run(&run)?;
        let v = self.with(|s| record::column(s.records_after(run, 0), &name))?;
        Ok(Float64Array::from(v.map_err(js_error)?.as_slice()))
    }
    /// The phase of every trial as a code (index into `phaseNames()`).
    #[wasm_bindgen(js_name = phaseCodes)]
    pub fn phase_codes(&self) -> Uint8Array {
        let v: Vec<u8> = self.read(Vec::new(), |s| {
            s.sim().history().iter().map(|r| r.phase.code()).collect()
        });
        Uint8Array::from(v.as_slice())
    }
    /// The names of the phase codes.
    #[wasm_bindgen(js_name = phaseNames)]
    pub fn phase_names() -> Vec<String> {
        bgloop_core::Phase::ALL
            .iter()
            .map(|p| p.as_str().to_string())
            .collect()
    }
    /// The trial records as CSV (the same text as `bgloop run --format csv` on the run's link;
    /// with a first column `run` while comparing).
    pub fn csv(&self) -> String {
        self.read(String::new(), Session::csv)
    }
    /// Version, config, schedule, seed and trial records as a JSON document (both runs while
    /// comparing).
    pub fn json(&self) -> String {
        self.read(String::new(), Session::json)
    }
    /// The current trial's hand path (x, y interleaved), while traces are recorded.
    #[wasm_bindgen(js_name = traceHand)]
    pub fn trace_hand(&self) -> Float32Array {
        let hand = self.read(Vec::new(), |s| s.sim().trace().hand.clone());
        Float32Array::from(hand.as_slice())
    }
    /// The current trial's ring samples (per sample: 5 rings × N), while traces are recorded.
    #[wasm_bindgen(js_name = traceRings)]
    pub fn trace_rings(&self) -> Float32Array {
        let rings = self.read(Vec::new(), |s| s.sim().trace().rings.clone());
        Float32Array::from(rings.as_slice())
    }
    /// Units per ring.
    #[wasm_bindgen(js_name = ringSize)]
    pub fn ring_size(&self) -> u32 {
        self.read(0, |s| s.sim().config().ring_size)
    }
    /// Bytes of linear memory the wasm module holds (for measuring long runs).
    #[wasm_bindgen(js_name = wasmMemoryBytes)]
    pub fn wasm_memory_bytes() -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()))
            })
    }
}
