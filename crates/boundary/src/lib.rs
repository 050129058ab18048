//! # bgloop-boundary
//!
//! What the page's two wasm modules (`bgloop-bindings`, the page's first load, and
//! `bgloop-extras`, loaded when a sweep or the tour is first used) share at the JavaScript
//! boundary: reading JS values into plain data before anything is borrowed ([`read`]), drawing on
//! a page's canvas ([`canvas`]), and the module's language ([`language`]). It exports nothing to
//! JavaScript itself.

pub mod canvas;
pub mod language;
pub mod read;

use read::js_error;
use wasm_bindgen::JsError;
use wasm_bindgen::JsValue;

/// `value` as a plain JS value, built by `JSON.parse`: objects and arrays get only own data
/// properties, so no setter a page put on `Object.prototype` or `Array.prototype` runs.
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&text).map_err(|_| js_error("JSON.parse failed on a result"))
}
