//! # bgloop-extras
//!
//! The page's second wasm module, loaded the first time a reader (or a link, a host, a script)
//! uses what it holds, so the first load carries only what the first chart needs:
//!
//! - [`Sweeps`]: one sweep job run (the sweep workers load only this module), what a sweep's
//!   outcomes say, their charts and their SVG figure;
//! - [`Tours`]: the built-in guided tour in the page's language, and a communicator's own tour
//!   read and checked;
//! - [`Figures`]: the playground's figure (read in the page's module) drawn as SVG.
//!
//! It keeps its own language (its memory is apart from the page module's); the page sets it with
//! [`use_language`] whenever it sets the page module's, from one place (`web/extras.js`).

mod figures;
mod sweeps;
mod tours;

pub use figures::Figures;
pub use sweeps::Sweeps;
pub use tours::Tours;

use wasm_bindgen::prelude::*;

/// Words this module's sentences in `code`'s language from now on (`files`: the text of its
/// catalog files, as `Words.setLanguage` takes them; `null` for English or a language read
/// before). A broken file is an error naming the file and the line.
#[wasm_bindgen(js_name = useLanguage)]
pub fn use_language(code: JsValue, files: JsValue) -> Result<(), JsError> {
    bgloop_boundary::language::set(&code, &files)
}
