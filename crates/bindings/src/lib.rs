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

mod catalog;
mod data;
mod draw;
mod feed;
mod language;
mod live;
mod sweep;
mod view;

pub use language::Words;

pub(crate) use bgloop_boundary::read as boundary;
pub(crate) use bgloop_boundary::to_js;
use bgloop_core::session::Session;
use bgloop_core::Input;
use boundary::{js_error, settings, text};
use std::cell::{Ref, RefCell, RefMut};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

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
    fn change<T, E: bgloop_core::i18n::Said>(
        &self,
        f: impl FnOnce(&mut Session) -> Result<T, E>,
    ) -> Result<T, JsError> {
        let outcome = {
            let mut s = self.session_mut()?;
            f(&mut s)
        };
        outcome.map_err(|e| js_error(e.said_in(language::words())))
    }

    /// The session, to change. It holds no language: what it says (status, events, run names,
    /// figure header, errors) is said in the page's language, which has one holder, the module's
    /// ([`language::words`]).
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
        let session = Session::new(borrowed(&pairs))
            .map_err(|e| js_error(bgloop_core::i18n::Said::said_in(&e, language::words())))?;
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

    /// Everything the page shows now, in one object (core's `session::Snapshot`: `{ generation,
    /// trials, time_in_trial_ms, comparing, run_names, preset, pending, shown, events, status,
    /// halted, results, said, window, link_encodes }`) with the run's `config`, the
    /// `pending_config`, the `pending_entries` a sweep runs, the `markers`, the `current_trial`,
    /// the `feeding` feed, the `last_record` and, if `since` is given (a trial number for both
    /// runs, or `{ A, B }`), the `records` of each run after it: `{ A: […], B: […] }` (B's empty
    /// unless comparing). The page
    /// renders it after any change; an embed's host gets the new records from it.
    pub fn view(&self, since: JsValue) -> Result<JsValue, JsError> {
        let since = boundary::since(&since)?;
        let words = language::words();
        let view = self.with(|s| view::of(s, since, words))?;
        to_js(&view.map_err(js_error)?)
    }

    /// The four views in words, in the page's language: `{ reach, learning, circuit, activity }`,
    /// each `{ label, table: { caption, head, rows } }` — a canvas's accessible name (what it
    /// shows now, in numbers) and its data table.
    pub fn describe(&self) -> Result<JsValue, JsError> {
        let words = language::words();
        to_js(&self.with(|s| bgloop_charts::describe::describe(s, words))?)
    }

    /// With `what` true or left out: pins the running experiment as run A and starts run B as
    /// its copy (same seed, schedule and trials so far); from now on changes go to B and both
    /// advance trial for trial. With `what` false: ends a comparison, keeping run B (the run in
    /// focus) as the only run. With `what` = `{ a, b }`: makes the next `reset` a comparison — run
    /// A is the pending configuration with `a` (an object of entries, like `configure`'s; may be
    /// left out), run B is run A with `b`. All or nothing.
    pub fn compare(&self, what: JsValue) -> Result<(), JsError> {
        match boundary::comparison(&what)? {
            boundary::Comparison::Start => self.session_mut()?.compare(),
            boundary::Comparison::End => self.session_mut()?.end_comparison(),
            boundary::Comparison::Next { a, b } => {
                return self.change(|s| s.configure_comparison(borrowed(&a), borrowed(&b)))
            }
        }
        Ok(())
    }

    /// Replaces the pending configuration with a preset's (keeping the seed), or with `null` the
    /// defaults; `reset` applies it.
    #[wasm_bindgen(js_name = usePreset)]
    pub fn use_preset(&self, name: JsValue) -> Result<(), JsError> {
        if name.is_null() {
            self.session_mut()?.use_defaults();
            return Ok(());
        }
        let name = text(&name, "name")?;
        self.change(|s| s.use_preset(&name))
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
            "rejected": decoded.rejected.iter().map(|r| serde_json::json!({
                "entry": r.entry,
                "key": r.key,
                "reason": r.reason_in(language::words()),
            })).collect::<Vec<_>>(),
            "notes": decoded.notes_in(language::words()),
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

    /// States the result over `windows` from now on: `"301-400"` (up to four, comma-separated),
    /// or `""`, `null` or `undefined` for the last 50 trials run. A malformed, reversed or
    /// out-of-range window is refused in the reader's language, naming the field and the range.
    #[wasm_bindgen(js_name = setWindows)]
    pub fn set_windows(&self, windows: JsValue) -> Result<(), JsError> {
        let text = if windows.is_undefined() || windows.is_null() {
            String::new()
        } else {
            text(&windows, "window")?
        };
        let parsed = if text.trim().is_empty() {
            Vec::new()
        } else {
            bgloop_core::result::Window::parse_list(
                "window",
                &text,
                bgloop_core::view::MAX_END_TRIAL,
            )
            .map_err(|e| js_error(e.said_in(language::words())))?
        };
        self.session_mut()?.set_windows(parsed);
        Ok(())
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
    /// comparing), and returns run A's record. With `ms`, runs it for at most `ms` of simulated
    /// time and returns its record if it ended, else `null`: the page's Step runs a trial in
    /// such slices, so a long trial never blocks the page.
    #[wasm_bindgen(js_name = stepTrial)]
    pub fn step_trial(&self, ms: JsValue) -> Result<JsValue, JsError> {
        if ms.is_undefined() || ms.is_null() {
            let r = self.change(|s| s.step_trial())?;
            return to_js(&r);
        }
        let ms = ms
            .as_f64()
            .ok_or_else(|| js_error("`ms` must be a number of milliseconds, or left out"))?;
        match self.change(|s| s.step_trial_slice(ms))? {
            Some(r) => to_js(&r),
            None => Ok(JsValue::NULL),
        }
    }

    /// Keeps at most `cap` trial records in memory (2–200,000; the default is 200,000), now and
    /// after resets; past it the oldest half is dropped.
    #[wasm_bindgen(js_name = setHistoryCap)]
    pub fn set_history_cap(&self, cap: f64) -> Result<(), JsError> {
        self.change(|s| s.set_history_cap(cap))
    }

    /// Runs `n` whole trials; returns how many ran.
    #[wasm_bindgen(js_name = runTrials)]
    pub fn run_trials(&self, n: f64) -> Result<u32, JsError> {
        self.change(|s| s.run_trials(n))
    }

    /// Number of finished trials.
    #[wasm_bindgen(js_name = trialCount)]
    pub fn trial_count(&self) -> u32 {
        self.read(0, |s| s.sim().trials_done())
    }
}
