//! What the page reads out of the runs: records, columns as typed arrays, exports and traces.
//! Forwards and conversions only.

use crate::boundary::{self, js_error, text};
use crate::{to_js, Playground};
use bgloop_core::session::Session;
use bgloop_core::{record, schema};
use js_sys::{Float32Array, Float64Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
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

    /// One field of every trial record of run `run` ("A", the default, or "B") as a column:
    /// `trial`, `target_deg`, `hand_deg`, `cursor_deg`, `error_deg`, `abs_error`, `reward`, `rpe`,
    /// `executed` (0/1), `reach_ms` (NaN if not executed), `amplitude`.
    pub fn column(&self, name: JsValue, run: JsValue) -> Result<Float64Array, JsError> {
        let name = text(&name, "name")?;
        let run = boundary::run(&run)?;
        let v = self.with(|s| record::column(s.records_after(run, 0), &name))?;
        Ok(Float64Array::from(v.map_err(js_error)?.as_slice()))
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
    /// The trial in progress as it is recorded (while traces are recorded): `{ hand, rings,
    /// ring_size }` — its hand path (`Float32Array`, x and y interleaved), its ring samples
    /// (`Float32Array`, per sample 5 rings × `ring_size` units) and the units per ring.
    pub fn traces(&self) -> Result<JsValue, JsError> {
        let (hand, rings, size) = self.with(|s| {
            let trace = s.sim().trace();
            (
                trace.hand.clone(),
                trace.rings.clone(),
                s.sim().config().ring_size,
            )
        })?;
        let out = to_js(&serde_json::json!({ "hand": null, "rings": null, "ring_size": size }))?;
        for (name, values) in [("hand", &hand), ("rings", &rings)] {
            js_sys::Reflect::set(&out, &name.into(), &Float32Array::from(values.as_slice()))
                .map_err(|_| js_error("traces"))?;
        }
        Ok(out)
    }
}
