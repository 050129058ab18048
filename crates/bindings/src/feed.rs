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
        let feed = schema::whole("feed", feed, 0, u32::MAX).map_err(js_error)?;
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
        let after = schema::in_range("after", after, 0.0, f64::from(u32::MAX)).map_err(js_error)?;
        let words = self.with(|s| s.sim().handover(after as u32))?.ok_or_else(|| {
            js_error("no handover: the run is in the middle of a trial, halted, or has dropped those records")
        })?;
        Ok(Float64Array::from(words.as_slice()))
    }
}
