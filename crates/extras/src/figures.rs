//! Figures: the playground's figure (`Playground.figure`, read in the page's module) drawn as one
//! SVG document — the SVG drawing of every view is what keeps figure export out of the first load.

use bgloop_boundary::canvas::{checked, document};
use bgloop_boundary::language::words;
use bgloop_boundary::read::js_error;
use bgloop_charts::figure::Figure;
use wasm_bindgen::prelude::*;

/// The longest figure read, bytes (a long run's learning columns and a trial's ring samples take a
/// few MB at most).
const MAX_FIGURE_BYTES: usize = 64 << 20;

/// The figures, as one namespace for JavaScript (`Figures.svg(…)`).
#[wasm_bindgen]
pub struct Figures;

#[wasm_bindgen]
impl Figures {
    /// `figure` (the JSON text `Playground.figure` gives) as an SVG document of `width × height`
    /// pixels (300–8000 × 200–8000), its axes and legends in the page's language.
    pub fn svg(figure: JsValue, width: f64, height: f64) -> Result<String, JsError> {
        let w = checked("width", width, 300.0, 8000.0)? as u32;
        let h = checked("height", height, 200.0, 8000.0)? as u32;
        let figure = figure
            .as_string()
            .ok_or_else(|| js_error("`figure` must be the JSON text Playground.figure gives"))?;
        if figure.len() > MAX_FIGURE_BYTES {
            return Err(js_error(format!(
                "`figure` is {} bytes long; at most {MAX_FIGURE_BYTES}",
                figure.len()
            )));
        }
        let figure: Figure = serde_json::from_str(&figure).map_err(|e| {
            js_error(format!(
                "`figure` is not a figure from Playground.figure: {e}"
            ))
        })?;
        if !figure.is_consistent() {
            return Err(js_error(
                "`figure` is not a figure from Playground.figure: its lists do not fit together",
            ));
        }
        document()?;
        figure.in_words(words()).svg(w, h).map_err(js_error)
    }
}
