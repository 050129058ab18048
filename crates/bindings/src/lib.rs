//! # bgloop-bindings
//!
//! The JavaScript face of [`bgloop_core`]: one `Playground` class that configures, resets and steps a
//! simulation, hands out its data as typed arrays, and draws the three views on canvases with the
//! shared chart code of `bgloop-charts`. No model logic lives here: it converts, forwards and draws.
//!
//! Every fallible call returns `Result<_, JsError>` whose message names the offending field and its
//! allowed range; nothing reachable from JavaScript panics on user input, so the object stays usable
//! after any error.

mod draw;

use bgloop_core::{
    permalink, presets, record, schema, sweep, Config, Input, Simulation, TrialRecord,
};
use js_sys::{Float32Array, Float64Array, Uint8Array};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Longest slice of simulated time one `step` call accepts, ms.
const MAX_STEP_MS: f64 = 600_000.0;
/// Most trials one `runTrials` call accepts.
const MAX_TRIALS_PER_CALL: f64 = 100_000.0;

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

/// Reads a JS object `{ key: value, … }` into `(key, Input)` pairs, naming what is wrong otherwise.
fn settings(value: JsValue, what: &str) -> Result<Vec<(String, Input)>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(js_error(format!(
            "{what} must be an object of parameters, e.g. {{ loop_strength: 0.5 }}"
        )));
    }
    let map: BTreeMap<String, Input> = serde_wasm_bindgen::from_value(value).map_err(|e| {
        js_error(format!(
            "{what}: every value must be a number, a string or a boolean ({e})"
        ))
    })?;
    Ok(map.into_iter().collect())
}

/// A number argument from JS, checked to be finite and in range.
fn checked(name: &str, x: f64, min: f64, max: f64) -> Result<f64, JsError> {
    if x.is_finite() && x >= min && x <= max {
        Ok(x)
    } else {
        Err(js_error(format!(
            "`{name}` = {x} is out of range {}–{}",
            bgloop_core::format::num(min),
            bgloop_core::format::num(max)
        )))
    }
}

/// The live model for the page: a running simulation, the configuration the next reset will use,
/// and drawing of the three views.
#[wasm_bindgen]
pub struct Playground {
    sim: Simulation,
    pending: Config,
    /// The preset the pending configuration starts from.
    preset: Option<&'static str>,
    /// The preset the running configuration started from (what a permalink names).
    running_preset: Option<&'static str>,
}

#[wasm_bindgen]
impl Playground {
    /// A playground from defaults overridden by `config` (an object of schema keys; optional).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Playground, JsError> {
        let mut pending = Config::default();
        apply(&mut pending, settings(config, "config")?)?;
        let sim = start(&pending)?;
        Ok(Playground {
            sim,
            pending,
            preset: None,
            running_preset: None,
        })
    }

    /// Changes parameters of the configuration that the next `reset` applies. All or nothing: on
    /// any bad entry nothing changes and the error names every bad key and its allowed range.
    pub fn configure(&mut self, partial: JsValue) -> Result<(), JsError> {
        let mut next = self.pending.clone();
        apply(&mut next, settings(partial, "configure")?)?;
        self.pending = next;
        Ok(())
    }

    /// Replaces the pending configuration with a preset's (keeping the seed); `reset` applies it.
    #[wasm_bindgen(js_name = usePreset)]
    pub fn use_preset(&mut self, name: &str) -> Result<(), JsError> {
        let preset = presets::preset(name).ok_or_else(|| {
            js_error(format!(
                "preset {name:?} is not one of: {}",
                presets::names()
            ))
        })?;
        let mut config = preset.config().map_err(js_error)?;
        config.seed = self.pending.seed;
        self.pending = config;
        self.preset = Some(preset.name);
        Ok(())
    }

    /// Forgets the preset: the pending configuration becomes the defaults (keeping the seed).
    #[wasm_bindgen(js_name = useDefaults)]
    pub fn use_defaults(&mut self) {
        self.pending = Config {
            seed: self.pending.seed,
            ..Config::default()
        };
        self.preset = None;
    }

    /// The preset the running configuration started from, if any.
    #[wasm_bindgen(getter)]
    pub fn preset(&self) -> Option<String> {
        self.running_preset.map(str::to_string)
    }

    /// Opens a permalink (a URL, `#…` or `key=value&…`): its configuration becomes the pending one
    /// and a new run starts. Never throws on a bad link: returns `{ preset, view, rejected, notes }`,
    /// where `rejected` lists each unusable entry with the reason.
    #[wasm_bindgen(js_name = openPermalink)]
    pub fn open_permalink(&mut self, link: &str) -> Result<JsValue, JsError> {
        let decoded = permalink::decode(link);
        self.pending = decoded.config.clone();
        self.preset = decoded.preset;
        self.reset(None)?;
        let view: BTreeMap<&str, &str> = decoded
            .view
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        to_js(&serde_json::json!({
            "version": decoded.version,
            "preset": decoded.preset,
            "view": view,
            "rejected": decoded.rejected,
            "notes": decoded.notes,
        }))
    }

    /// The permalink fragment (without `#`) of the running experiment, with the page's view
    /// options (`{ hand: "1", speed: "2", … }`; only known options are kept).
    pub fn permalink(&self, view: JsValue) -> Result<String, JsError> {
        let pairs: BTreeMap<String, String> = if view.is_undefined() || view.is_null() {
            BTreeMap::new()
        } else {
            serde_wasm_bindgen::from_value(view).map_err(|e| {
                js_error(format!(
                    "permalink view options must be an object of strings ({e})"
                ))
            })?
        };
        let view: Vec<(&str, &str)> = permalink::VIEW_KEYS
            .iter()
            .filter_map(|k| pairs.get(*k).map(|v| (*k, v.as_str())))
            .collect();
        Ok(permalink::encode(
            self.running_preset,
            self.sim.config(),
            &view,
        ))
    }

    /// Starts a new run from naive synapses with the pending configuration (and `seed`, if given).
    pub fn reset(&mut self, seed: Option<f64>) -> Result<(), JsError> {
        let mut next = self.pending.clone();
        if let Some(s) = seed {
            next.set("seed", s).map_err(js_error)?;
        }
        let keep_traces = self.sim.trace().every_ms;
        self.sim = start(&next)?;
        if keep_traces > 0.0 {
            self.sim.record_traces(Some(keep_traces));
        }
        self.running_preset = self.preset;
        self.pending = next;
        Ok(())
    }

    /// Records within-trial traces every `everyMs` ms (0 turns them off); `rings` false keeps only
    /// the hand path (cheaper while fast-forwarding).
    #[wasm_bindgen(js_name = recordTraces)]
    pub fn record_traces(&mut self, every_ms: f64, rings: bool) -> Result<(), JsError> {
        let every = checked("everyMs", every_ms, 0.0, 100.0)?;
        self.sim.record_traces((every > 0.0).then_some(every));
        self.sim.record_rings(rings);
        Ok(())
    }

    /// Advances simulated time by `ms`, across trials; returns the number of trials that ended.
    pub fn step(&mut self, ms: f64) -> Result<u32, JsError> {
        let ms = checked("ms", ms, 0.0, MAX_STEP_MS)?;
        let done = self.sim.advance(ms).map_err(js_error)?;
        Ok(done.len() as u32)
    }

    /// Runs to the end of the trial in progress, or one whole trial; returns its record.
    #[wasm_bindgen(js_name = stepTrial)]
    pub fn step_trial(&mut self) -> Result<JsValue, JsError> {
        let r = self.sim.run_trial().map_err(js_error)?;
        to_js(&r)
    }

    /// Runs `n` whole trials; returns how many ran.
    #[wasm_bindgen(js_name = runTrials)]
    pub fn run_trials(&mut self, n: f64) -> Result<u32, JsError> {
        let n = checked("n", n, 0.0, MAX_TRIALS_PER_CALL)?;
        if n.fract() != 0.0 {
            return Err(js_error(format!("`n` = {n} must be a whole number")));
        }
        self.sim.run_trials(n as u32).map_err(js_error)
    }

    /// The parameter schema: one object per parameter (key, label, unit, group, domain, default,
    /// meaning, source, primary).
    pub fn schema() -> Result<JsValue, JsError> {
        to_js(schema())
    }

    /// The presets: name, title, claim, description, what to watch, settings.
    pub fn presets() -> Result<JsValue, JsError> {
        to_js(presets::PRESETS)
    }

    /// The configuration of the running simulation.
    pub fn config(&self) -> Result<JsValue, JsError> {
        to_js(self.sim.config())
    }

    /// The configuration the next `reset` applies.
    #[wasm_bindgen(js_name = pendingConfig)]
    pub fn pending_config(&self) -> Result<JsValue, JsError> {
        to_js(&self.pending)
    }

    /// Whether the pending configuration differs from the running one.
    #[wasm_bindgen(js_name = hasPendingChanges)]
    pub fn has_pending_changes(&self) -> bool {
        &self.pending != self.sim.config()
    }

    /// The jobs of a sweep of `param` over `count` values from `from` to `to`, `seeds` seeds each,
    /// `trials` trials per run, on the pending configuration: `[{ index, value, seed }]`. Errors
    /// name the bad field and its range.
    #[wasm_bindgen(js_name = sweepJobs)]
    pub fn sweep_jobs(
        &self,
        param: &str,
        from: f64,
        to: f64,
        count: f64,
        seeds: f64,
        trials: f64,
    ) -> Result<JsValue, JsError> {
        let whole = |name: &str, x: f64, max: f64| -> Result<u32, JsError> {
            let v = checked(name, x, 1.0, max)?;
            if v.fract() != 0.0 {
                return Err(js_error(format!("`{name}` = {v} must be a whole number")));
            }
            Ok(v as u32)
        };
        let spec = sweep::SweepSpec {
            param: param.to_string(),
            from: checked("from", from, -1e9, 1e9)?,
            to: checked("to", to, -1e9, 1e9)?,
            count: whole("values", count, 200.0)?,
            seeds: whole("seeds", seeds, 100.0)?,
            trials: whole("trials", trials, 100_000.0)?,
        };
        spec.validate(&self.pending).map_err(js_error)?;
        to_js(&spec.jobs())
    }

    /// Runs one sweep job on `base` (a full config, e.g. `pendingConfig()`): `{ value, seed,
    /// final_error, executed, … }`. Used by the sweep's Web Workers.
    #[wasm_bindgen(js_name = runSweepJob)]
    pub fn run_sweep_job(
        base: JsValue,
        param: &str,
        value: f64,
        seed: f64,
        trials: f64,
    ) -> Result<JsValue, JsError> {
        let mut config = Config::default();
        apply(&mut config, settings(base, "base")?)?;
        let seed = checked("seed", seed, 0.0, bgloop_core::config::MAX_SEED as f64)?;
        let trials = checked("trials", trials, 1.0, 100_000.0)?;
        let job = sweep::Job {
            index: 0,
            value,
            seed: seed as u64,
        };
        let outcome = sweep::run(&config, param, job, trials as u32).map_err(js_error)?;
        to_js(&outcome)
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

    /// Number of finished trials.
    #[wasm_bindgen(js_name = trialCount)]
    pub fn trial_count(&self) -> u32 {
        self.sim.trials_done()
    }

    /// Simulated time within the trial in progress, ms.
    #[wasm_bindgen(js_name = timeInTrial)]
    pub fn time_in_trial(&self) -> f64 {
        self.sim.time_in_trial_ms()
    }

    /// The last finished trial's record, or `null`.
    #[wasm_bindgen(js_name = lastRecord)]
    pub fn last_record(&self) -> Result<JsValue, JsError> {
        match self.sim.history().last() {
            Some(r) => to_js(r),
            None => Ok(JsValue::NULL),
        }
    }

    /// One field of every trial record as a column: `trial`, `target_deg`, `hand_deg`,
    /// `cursor_deg`, `error_deg`, `abs_error`, `reward`, `rpe`, `executed` (0/1), `reach_ms` (NaN if
    /// not executed), `amplitude`.
    pub fn column(&self, name: &str) -> Result<Float64Array, JsError> {
        let f: fn(&TrialRecord) -> f64 = match name {
            "trial" => |r| f64::from(r.trial),
            "target_deg" => |r| r.target_deg,
            "hand_deg" => |r| r.hand_deg,
            "cursor_deg" => |r| r.cursor_deg,
            "error_deg" => |r| r.error_deg,
            "abs_error" => |r| r.error_deg.abs(),
            "reward" => |r| r.reward,
            "rpe" => |r| r.rpe,
            "executed" => |r| f64::from(u8::from(r.executed)),
            "reach_ms" => |r| r.reach_ms.unwrap_or(f64::NAN),
            "amplitude" => |r| r.amplitude,
            other => {
                return Err(js_error(format!(
                    "column {other:?} is not one of: trial, target_deg, hand_deg, cursor_deg, error_deg, abs_error, reward, rpe, executed, reach_ms, amplitude"
                )))
            }
        };
        let v: Vec<f64> = self.sim.history().iter().map(f).collect();
        Ok(Float64Array::from(v.as_slice()))
    }

    /// The phase of every trial as a code (index into `phaseNames()`).
    #[wasm_bindgen(js_name = phaseCodes)]
    pub fn phase_codes(&self) -> Uint8Array {
        let v: Vec<u8> = self.sim.history().iter().map(|r| r.phase.code()).collect();
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

    /// The phase name of trial `n` under the running configuration.
    #[wasm_bindgen(js_name = phaseOf)]
    pub fn phase_of(&self, n: u32) -> String {
        self.sim.schedule(n.max(1)).0.as_str().to_string()
    }

    /// The number of the trial in progress (or the next one).
    #[wasm_bindgen(js_name = currentTrial)]
    pub fn current_trial(&self) -> u32 {
        self.sim.current_trial_number()
    }

    /// The trial records as CSV (the same text as `bgloop run --format csv`).
    pub fn csv(&self) -> String {
        record::csv(self.sim.history())
    }

    /// Version, config, seed and trial records as a JSON document.
    pub fn json(&self) -> String {
        record::json_document(self.sim.config(), self.sim.history())
    }

    /// The current trial's hand path (x, y interleaved), while traces are recorded.
    #[wasm_bindgen(js_name = traceHand)]
    pub fn trace_hand(&self) -> Float32Array {
        Float32Array::from(self.sim.trace().hand.as_slice())
    }

    /// The current trial's ring samples (per sample: 5 rings × N), while traces are recorded.
    #[wasm_bindgen(js_name = traceRings)]
    pub fn trace_rings(&self) -> Float32Array {
        Float32Array::from(self.sim.trace().rings.as_slice())
    }

    /// Units per ring.
    #[wasm_bindgen(js_name = ringSize)]
    pub fn ring_size(&self) -> u32 {
        self.sim.config().ring_size
    }

    /// Why the run stopped, if it diverged (`null` otherwise).
    pub fn halted(&self) -> Option<String> {
        self.sim.halted().map(ToString::to_string)
    }
}

/// Applies settings to `config` and validates the result; every bad key is named.
fn apply(config: &mut Config, pairs: Vec<(String, Input)>) -> Result<(), JsError> {
    config
        .apply(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())))
        .map_err(js_error)?;
    config.validate().map_err(js_error)
}

fn start(config: &Config) -> Result<Simulation, JsError> {
    Simulation::new(config.clone()).map_err(js_error)
}
