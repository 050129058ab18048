//! # bgloop-bindings
//!
//! The JavaScript face of [`bgloop_core`]: one `Playground` class that configures, resets and steps a
//! simulation, hands out its data as typed arrays, and draws the four views (reach, learning,
//! activity, circuit) on canvases with the shared chart code of `bgloop-charts`. No model logic
//! lives here: it converts, forwards and draws.
//!
//! Every fallible call returns `Result<_, JsError>` whose message names the offending field and its
//! allowed range; nothing reachable from JavaScript panics on user input, so the object stays usable
//! after any error.

mod boundary;
mod draw;

use bgloop_core::session::{self, Session};
use bgloop_core::{presets, record, schema, sweep, Input, Protocol};
use boundary::{js_error, settings, text};
use js_sys::{Float32Array, Float64Array, Uint8Array};
use std::cell::{Ref, RefCell, RefMut};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `value` as a plain JS value, built by `JSON.parse`: objects and arrays get only own data
/// properties, so no setter a page put on `Object.prototype` or `Array.prototype` runs. Called
/// only once the session is released.
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&text).map_err(|_| js_error("JSON.parse failed on a result"))
}

/// The pairs as the borrowed form core's `apply` takes.
fn borrowed(pairs: &[(String, Input)]) -> impl Iterator<Item = (&str, Input)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.clone()))
}

/// The live model for the page: a running simulation, the configuration the next reset will use,
/// and drawing of the four views.
///
/// Every method takes `&self` and borrows the session only after its arguments were read into
/// plain data ([`boundary`]), and never across a call into JavaScript that could throw: a hostile
/// argument cannot lock or poison the object.
#[wasm_bindgen]
pub struct Playground {
    session: RefCell<Session>,
}

impl Playground {
    /// The session, to read.
    fn session(&self) -> Result<Ref<'_, Session>, JsError> {
        self.session
            .try_borrow()
            .map_err(|_| js_error("the playground is busy (a call is still running)"))
    }

    /// `f` of the session, or `default` in the (unreachable) case that it is borrowed. `f` must
    /// not call into JavaScript: it returns plain data, converted after the session is released.
    fn read<T>(&self, default: T, f: impl FnOnce(&Session) -> T) -> T {
        self.session.try_borrow().map_or(default, |s| f(&s))
    }

    /// `f` of the session as plain data, the session released before anything reaches
    /// JavaScript (a throwing setter or getter then cannot leave it borrowed for good).
    fn with<T>(&self, f: impl FnOnce(&Session) -> T) -> Result<T, JsError> {
        let s = self.session()?;
        Ok(f(&s))
    }

    /// Changes the session with `f`; its error becomes a JS error only after the session is
    /// released.
    fn change<T, E: std::fmt::Display>(
        &self,
        f: impl FnOnce(&mut Session) -> Result<T, E>,
    ) -> Result<T, JsError> {
        let outcome = {
            let mut s = self.session_mut()?;
            f(&mut s)
        };
        outcome.map_err(js_error)
    }

    /// The session, to change.
    fn session_mut(&self) -> Result<RefMut<'_, Session>, JsError> {
        self.session
            .try_borrow_mut()
            .map_err(|_| js_error("the playground is busy (a call is still running)"))
    }
}

#[wasm_bindgen]
impl Playground {
    /// A playground from defaults overridden by `config` (an object of schema keys; optional).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Playground, JsError> {
        let pairs = settings(&config, "config")?;
        let session = Session::new(borrowed(&pairs)).map_err(js_error)?;
        Ok(Playground {
            session: RefCell::new(session),
        })
    }

    /// Changes parameters of the configuration that the next `reset` applies. All or nothing: on
    /// any bad entry nothing changes and the error names every bad key and its allowed range.
    pub fn configure(&self, partial: JsValue) -> Result<(), JsError> {
        let pairs = settings(&partial, "configure")?;
        self.change(|s| s.configure(borrowed(&pairs)))
    }

    /// Changes a live parameter (schema `live`) of the run in focus from the next trial on,
    /// without a reset; the change becomes an event of the run's schedule, so its link replays
    /// it. Returns the trial it applies from. Errors name the key and its range, or say that the
    /// parameter applies only on Reset.
    pub fn intervene(&self, key: JsValue, value: JsValue) -> Result<u32, JsError> {
        let key = text(&key, "key")?;
        let value = boundary::input(&value, &key)?;
        self.change(|s| s.intervene(&key, value))
    }

    /// Removes the run in focus's change of `key` at `trial` if it has not applied yet; returns
    /// whether there was one.
    #[wasm_bindgen(js_name = cancelEvent)]
    pub fn cancel_event(&self, trial: f64, key: JsValue) -> Result<bool, JsError> {
        let key = text(&key, "key")?;
        let trial = session::whole("trial", trial, 1, bgloop_core::schedule::MAX_TRIAL)
            .map_err(js_error)?;
        let cancelled = self.session_mut()?.cancel_event(trial, &key);
        Ok(cancelled)
    }

    /// The changes to mark: `[{ trial, label }]` — run A's events, then run B's own ("B: …").
    pub fn markers(&self) -> Result<JsValue, JsError> {
        to_js(&self.with(|s| s.markers())?)
    }

    /// The events of the run in focus: `[{ trial, key, text, label, applied }]`.
    pub fn events(&self) -> Result<JsValue, JsError> {
        let list: Vec<serde_json::Value> = self.with(|s| {
            let next = s.focus_next_boundary();
            s.focus()
                .schedule()
                .events()
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "trial": e.trial,
                        "key": e.key,
                        "text": e.to_text(),
                        "label": e.label(),
                        "applied": e.trial < next,
                    })
                })
                .collect()
        })?;
        to_js(&list)
    }

    /// Pins the running experiment as run A and starts run B as its copy (same seed, schedule
    /// and trials so far); from now on changes go to B and both advance trial for trial.
    pub fn compare(&self) -> Result<(), JsError> {
        self.session_mut()?.compare();
        Ok(())
    }

    /// Makes the next `reset` a comparison: run A is the pending configuration with `a` (an
    /// object of entries, like `configure`'s), run B is run A with `b`. All or nothing.
    #[wasm_bindgen(js_name = configureComparison)]
    pub fn configure_comparison(&self, a: JsValue, b: JsValue) -> Result<(), JsError> {
        let a = settings(&a, "a")?;
        let b = settings(&b, "b")?;
        self.change(|s| s.configure_comparison(borrowed(&a), borrowed(&b)))
    }

    /// Ends a comparison, keeping run B (the run in focus) as the only run.
    #[wasm_bindgen(js_name = endComparison)]
    pub fn end_comparison(&self) -> Result<(), JsError> {
        self.session_mut()?.end_comparison();
        Ok(())
    }

    /// Whether two runs are being compared.
    #[wasm_bindgen(getter)]
    pub fn comparing(&self) -> bool {
        self.read(false, |s| s.sim_b().is_some())
    }

    /// While comparing, the runs' names from their first difference (`["A: Loop strength 1",
    /// "B: 0.25"]`), else `null`.
    #[wasm_bindgen(js_name = runNames)]
    pub fn run_names(&self) -> Result<JsValue, JsError> {
        to_js(&self.with(|s| s.run_names())?)
    }

    /// The configuration the controls show for the run in focus: what the next trial runs with,
    /// pending changes included.
    #[wasm_bindgen(js_name = shownConfig)]
    pub fn shown_config(&self) -> Result<JsValue, JsError> {
        to_js(&self.with(|s| s.shown_config())?)
    }

    /// Replaces the pending configuration with a preset's (keeping the seed); `reset` applies it.
    #[wasm_bindgen(js_name = usePreset)]
    pub fn use_preset(&self, name: JsValue) -> Result<(), JsError> {
        let name = text(&name, "name")?;
        self.change(|s| s.use_preset(&name))
    }

    /// Forgets the preset: the pending configuration becomes the defaults (keeping the seed).
    #[wasm_bindgen(js_name = useDefaults)]
    pub fn use_defaults(&self) -> Result<(), JsError> {
        self.session_mut()?.use_defaults();
        Ok(())
    }

    /// The preset the running configuration started from, if any.
    #[wasm_bindgen(getter)]
    pub fn preset(&self) -> Option<String> {
        self.session()
            .ok()
            .and_then(|s| s.running_preset().map(str::to_string))
    }

    /// Opens a permalink (a URL, `#…` or `key=value&…`): its configuration becomes the pending one
    /// and a new run starts. Never throws on a bad link: returns `{ preset, view, rejected, notes }`,
    /// where `rejected` lists each unusable entry with the reason.
    #[wasm_bindgen(js_name = openPermalink)]
    pub fn open_permalink(&self, link: JsValue) -> Result<JsValue, JsError> {
        let link = boundary::link(&link, "link")?;
        let decoded = self.change(|s| s.open_permalink(&link))?;
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
        let pairs = boundary::strings(&view, "permalink view options")?;
        let view: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        Ok(self.session()?.permalink(&view))
    }

    /// Starts a new run from naive synapses with the pending configuration (and `seed`, if given).
    pub fn reset(&self, seed: Option<f64>) -> Result<(), JsError> {
        self.change(|s| s.reset(seed))
    }

    /// Records within-trial traces every `everyMs` ms (0 turns them off); `rings` false keeps only
    /// the hand path (cheaper while fast-forwarding).
    #[wasm_bindgen(js_name = recordTraces)]
    pub fn record_traces(&self, every_ms: f64, rings: bool) -> Result<(), JsError> {
        self.change(|s| s.record_traces(every_ms, rings))
    }

    /// Advances simulated time by `ms`, across trials; returns the number of trials that ended.
    pub fn step(&self, ms: f64) -> Result<u32, JsError> {
        self.change(|s| s.step(ms))
    }

    /// Runs to the end of the trial in progress, or one whole trial (run B too, while
    /// comparing); returns run A's record.
    #[wasm_bindgen(js_name = stepTrial)]
    pub fn step_trial(&self) -> Result<JsValue, JsError> {
        let r = self.change(|s| s.step_trial())?;
        to_js(&r)
    }

    /// Runs the trial in progress (or a new one) for at most `ms` of simulated time, stopping at
    /// its end; returns its record if it ended, else `null`. The page's Step runs a trial this
    /// way, in slices, so a long trial never blocks the page.
    #[wasm_bindgen(js_name = stepTrialSlice)]
    pub fn step_trial_slice(&self, ms: f64) -> Result<JsValue, JsError> {
        match self.change(|s| s.step_trial_slice(ms))? {
            Some(r) => to_js(&r),
            None => Ok(JsValue::NULL),
        }
    }

    /// The records of the trials after trial `after` (still kept in memory), oldest first, of
    /// run `run` ("A", the default, or "B" while comparing): what an embed posts to its host
    /// after each frame.
    #[wasm_bindgen(js_name = recordsAfter)]
    pub fn records_after(&self, after: f64, run: JsValue) -> Result<JsValue, JsError> {
        let after =
            session::in_range("after", after, 0.0, f64::from(u32::MAX)).map_err(js_error)?;
        let run = boundary::run(&run)?;
        to_js(&self.with(|s| s.records_after(run, after as u32).to_vec())?)
    }

    /// Keeps at most `cap` trial records in memory (2–200,000; the default is 200,000), now and
    /// after resets; past it the oldest half is dropped.
    #[wasm_bindgen(js_name = setHistoryCap)]
    pub fn set_history_cap(&self, cap: f64) -> Result<(), JsError> {
        self.change(|s| s.set_history_cap(cap))
    }

    /// Starts running a comparison's run B elsewhere (a worker): from now on run A advances
    /// alone here and B takes the handovers given to `feedB`, until `stopFeed` or any change to
    /// the session brings B level with A here. Returns `{ feed, link, state, traceEveryMs,
    /// traceRings }` — the feed's number, B's link for `Playground.twin`, B's state as a
    /// `Float64Array`, and how traces are recorded here (for the twin's `recordTraces`) — or
    /// `null` when not comparing.
    #[wasm_bindgen(js_name = startFeed)]
    pub fn start_feed(&self) -> Result<JsValue, JsError> {
        let Some(start) = self.session_mut()?.start_feed() else {
            return Ok(JsValue::NULL);
        };
        // Own data properties from JSON (no inherited setter runs), then the state array put in
        // place of its own `null`.
        let out = to_js(&serde_json::json!({
            "feed": start.feed,
            "link": start.link,
            "state": null,
            "traceEveryMs": start.traces.every_ms.unwrap_or(0.0),
            "traceRings": start.traces.rings,
        }))?;
        let state = Float64Array::from(start.state.as_slice());
        js_sys::Reflect::set(&out, &"state".into(), &state).map_err(|_| js_error("startFeed"))?;
        Ok(out)
    }

    /// Takes a handover of run B from feed `feed` (a `Float64Array` from a twin's `handover`).
    /// Returns whether it was taken: `false` if the feed has ended or the handover does not
    /// continue B from where it is. Errors if it is malformed or would take B past A (the feed
    /// then ends).
    #[wasm_bindgen(js_name = feedB)]
    pub fn feed_b(&self, feed: f64, state: JsValue) -> Result<bool, JsError> {
        let feed = session::whole("feed", feed, 0, u32::MAX).map_err(js_error)?;
        let words = boundary::words(&state, "state")?;
        self.change(|s| s.feed_b(feed, &words))
    }

    /// Ends the feed of run B, if any, running here whatever trials B still lacks.
    #[wasm_bindgen(js_name = stopFeed)]
    pub fn stop_feed(&self) -> Result<(), JsError> {
        self.change(|s| s.stop_feed())
    }

    /// The number of the feed in progress, or `null`.
    pub fn feeding(&self) -> Option<u32> {
        self.read(None, |s| s.feeding())
    }

    /// A worker's twin of run B: the run of `link` continued from `state` (see `startFeed`).
    /// Errors if the link or the state is not valid.
    pub fn twin(link: JsValue, state: JsValue) -> Result<Playground, JsError> {
        let link = text(&link, "link")?;
        let words = boundary::words(&state, "state")?;
        let session = Session::twin(&link, &words).map_err(js_error)?;
        Ok(Playground {
            session: RefCell::new(session),
        })
    }

    /// This run's state and its records after trial `after`, as a `Float64Array` for `feedB`;
    /// errors in the middle of a trial or if those records are no longer kept.
    pub fn handover(&self, after: f64) -> Result<Float64Array, JsError> {
        let after =
            session::in_range("after", after, 0.0, f64::from(u32::MAX)).map_err(js_error)?;
        let words = self.with(|s| s.sim().handover(after as u32))?.ok_or_else(|| {
            js_error("no handover: the run is in the middle of a trial, halted, or has dropped those records")
        })?;
        Ok(Float64Array::from(words.as_slice()))
    }

    /// Runs `n` whole trials; returns how many ran.
    #[wasm_bindgen(js_name = runTrials)]
    pub fn run_trials(&self, n: f64) -> Result<u32, JsError> {
        self.change(|s| s.run_trials(n))
    }

    /// The parameter schema: one object per parameter (key, label, unit, group, domain, default,
    /// meaning, source, primary).
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

    /// The presets: name, title, claim, description, what to watch, settings.
    pub fn presets() -> Result<JsValue, JsError> {
        to_js(presets::PRESETS)
    }

    /// The configuration the run in focus started with.
    pub fn config(&self) -> Result<JsValue, JsError> {
        to_js(&self.with(|s| s.focus().config().clone())?)
    }

    /// The configuration the next `reset` applies (to the run in focus).
    #[wasm_bindgen(js_name = pendingConfig)]
    pub fn pending_config(&self) -> Result<JsValue, JsError> {
        to_js(&self.with(|s| s.pending().clone())?)
    }

    /// The pending configuration and its events as one object of entries (`{ loop_strength: 1,
    /// …, "@401.gpi_output": "0" }`): what a sweep job runs.
    #[wasm_bindgen(js_name = pendingEntries)]
    pub fn pending_entries(&self) -> Result<JsValue, JsError> {
        let (pending, entries) = self.with(|s| {
            (
                serde_json::to_value(s.pending()),
                s.pending_protocol().schedule.entries(),
            )
        })?;
        let mut map = pending.map_err(js_error)?;
        if let Some(obj) = map.as_object_mut() {
            for (k, v) in entries {
                obj.insert(k, serde_json::Value::String(v));
            }
        }
        to_js(&map)
    }

    /// Whether the pending configuration differs from the running one.
    #[wasm_bindgen(js_name = hasPendingChanges)]
    pub fn has_pending_changes(&self) -> bool {
        self.session().is_ok_and(|s| s.has_pending_changes())
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

    /// Runs one sweep job on `base` (a full config, e.g. `pendingConfig()`): `{ value, seed,
    /// final_error, executed, … }`. Used by the sweep's Web Workers.
    #[wasm_bindgen(js_name = runSweepJob)]
    pub fn run_sweep_job(
        base: JsValue,
        param: JsValue,
        value: f64,
        seed: f64,
        trials: f64,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let mut protocol = Protocol::default();
        let pairs = settings(&base, "base")?;
        protocol.apply(borrowed(&pairs)).map_err(js_error)?;
        protocol.config.validate().map_err(js_error)?;
        let seed = session::in_range("seed", seed, 0.0, bgloop_core::config::MAX_SEED as f64)
            .map_err(js_error)?;
        let trials = session::whole("trials", trials, 1, sweep::MAX_TRIALS).map_err(js_error)?;
        let job = sweep::Job {
            index: 0,
            value,
            seed: seed as u64,
        };
        let outcome = sweep::run(&protocol, &param, job, trials).map_err(js_error)?;
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
        self.read(0, |s| s.sim().trials_done())
    }

    /// Simulated time within the trial in progress, ms.
    #[wasm_bindgen(js_name = timeInTrial)]
    pub fn time_in_trial(&self) -> f64 {
        self.read(0.0, |s| s.sim().time_in_trial_ms())
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

    /// The phase name of trial `n` under the running configuration.
    #[wasm_bindgen(js_name = phaseOf)]
    pub fn phase_of(&self, n: u32) -> String {
        self.read(String::new(), |s| {
            s.sim().phase_of(n.max(1)).as_str().to_string()
        })
    }

    /// The number of the trial in progress (or the next one).
    #[wasm_bindgen(js_name = currentTrial)]
    pub fn current_trial(&self) -> u32 {
        self.read(1, |s| s.sim().current_trial_number())
    }

    /// The trial records as CSV (the same text as `bgloop run --format csv` on the run's link;
    /// with a first column `run` while comparing).
    pub fn csv(&self) -> String {
        self.read(String::new(), |s| match s.sim_b() {
            None => record::csv(s.sim().history()),
            Some(b) => record::csv_runs(&[("A", s.sim().history()), ("B", b.history())]),
        })
    }

    /// Version, config, schedule, seed and trial records as a JSON document (both runs while
    /// comparing).
    pub fn json(&self) -> String {
        self.read(String::new(), |s| match s.sim_b() {
            None => {
                let p = s.sim().protocol();
                record::json_document(&p.config, &p.schedule, s.sim().history())
            }
            Some(b) => {
                let (pa, pb) = (s.sim().protocol(), b.protocol());
                record::json_runs(&[
                    ("A", &pa.config, &pa.schedule, s.sim().history()),
                    ("B", &pb.config, &pb.schedule, b.history()),
                ])
            }
        })
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

    /// Why the run stopped, if it diverged (`null` otherwise).
    pub fn halted(&self) -> Option<String> {
        self.read(None, |s| s.sim().halted().map(ToString::to_string))
    }
}
