//! Run B on a second core: the feed of a comparison's run B from a worker's twin (see core's
//! `session::feed`). Forwards and conversions only.

use crate::boundary::{self, js_error, text};
use crate::{to_js, Playground};
use bgloop_core::schema;
use bgloop_core::session::Session;
use js_sys::Float64Array;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// With `on` true: starts running a comparison's run B elsewhere (a worker): from now on run
    /// A advances alone here and B takes the handovers given to `feedB`, until `feed(false)` or
    /// any change to the session brings B level with A here. Returns `{ feed, link, state,
    /// traceEveryMs, traceRings }` — the feed's number, B's link for `Playground.twin`, B's state
    /// as a `Float64Array`, and how traces are recorded here (for the twin's `recordTraces`) — or
    /// `null` when not comparing. While a feed is in progress, it returns only `{ feed }`, that
    /// feed's number (no second feed starts): a page calls it as A advances, and starts its
    /// worker's twin when the number is new. With `on` false: ends the feed, if one is in progress, running here whatever
    /// trials B still lacks, and returns `null`.
    pub fn feed(&self, on: bool) -> Result<JsValue, JsError> {
        if !on {
            if self.read(None, Session::feeding).is_some() {
                self.change(|s| s.stop_feed())?;
            }
            return Ok(JsValue::NULL);
        }
        if let Some(feed) = self.read(None, Session::feeding) {
            return to_js(&serde_json::json!({ "feed": feed }));
        }
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
        js_sys::Reflect::set(&out, &"state".into(), &state).map_err(|_| js_error("feed"))?;
        Ok(out)
    }
    /// Takes a handover of run B from feed `feed` (a `Float64Array` from a twin's `handover`).
    /// Returns whether it was taken: `false` if the feed has ended or the handover does not
    /// continue B from where it is. Errors if it is malformed or would take B past A (the feed
    /// then ends).
    #[wasm_bindgen(js_name = feedB)]
    pub fn feed_b(&self, feed: f64, state: JsValue) -> Result<bool, JsError> {
        let feed = schema::whole("feed", feed, 0, u32::MAX).map_err(js_error)?;
        let words = boundary::words(&state, "state")?;
        self.change(|s| s.feed_b(feed, &words))
    }
    /// A worker's twin of run B: the run of `link` continued from `state` (see `feed`).
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
        let after = schema::in_range("after", after, 0.0, f64::from(u32::MAX)).map_err(js_error)?;
        let words = self.with(|s| s.sim().handover(after as u32))?.ok_or_else(|| {
            js_error("no handover: the run is in the middle of a trial, halted, or has dropped those records")
        })?;
        Ok(Float64Array::from(words.as_slice()))
    }
}
