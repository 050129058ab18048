//! The module's language: the catalog every sentence from this module is written in (core's
//! `i18n`), and the catalogs read so far. Each wasm module of the page holds its own (their
//! memories are apart); the page sets both from one place (`web/i18n.js`), so they never differ.
//!
//! English is compiled in; the page fetches another language's files when a reader chooses it
//! and hands their text to [`set`].

use crate::read::{js_error, text};
use bgloop_core::i18n::{Catalog, Lang, FILES};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The language the page reads now.
    static CURRENT: Cell<&'static Catalog> = Cell::new(Catalog::english());
    /// Catalogs read so far, by language: a language chosen again is not read (nor kept) twice.
    static LOADED: RefCell<BTreeMap<Lang, &'static Catalog>> = const { RefCell::new(BTreeMap::new()) };
}

/// The catalog the page reads now.
pub fn words() -> &'static Catalog {
    CURRENT.with(Cell::get)
}

/// The longest catalog file read, bytes (each is a few tens of KB).
const MAX_FILE_BYTES: usize = 512 * 1024;

/// The catalog of `lang`: English, one read before, or one read now from `files`, which must be
/// complete (kept for the page's lifetime: a page reads each language at most once).
fn catalog(lang: Lang, files: &[String]) -> Result<&'static Catalog, JsError> {
    if lang == Lang::En {
        return Ok(Catalog::english());
    }
    // Read once: a language chosen again is the one read before (`files` is then not needed).
    if let Some(c) = LOADED.with(|l| l.borrow().get(&lang).copied()) {
        return Ok(c);
    }
    if files.len() != FILES.len() {
        return Err(js_error(format!(
            "setLanguage: `files` must hold the text of the {} catalog files ({}), in that order; it holds {}",
            FILES.len(),
            FILES.join(", "),
            files.len()
        )));
    }
    if let Some((name, text)) = FILES
        .iter()
        .zip(files)
        .find(|(_, t)| t.len() > MAX_FILE_BYTES)
    {
        return Err(js_error(format!(
            "setLanguage: {}/{name} is {} bytes long; a catalog file holds at most {MAX_FILE_BYTES}",
            lang.code(),
            text.len()
        )));
    }
    let named: Vec<(&str, &str)> = FILES
        .iter()
        .zip(files)
        .map(|(n, t)| (*n, t.as_str()))
        .collect();
    let parsed = Catalog::parse(lang, &named).map_err(js_error)?;
    // An incomplete catalog (a broken deploy, a stale cache) is refused: the page stays in the
    // language it reads, rather than mixing in English.
    let differences = parsed.differences(Catalog::english());
    if !differences.is_empty() {
        return Err(js_error(format!(
            "setLanguage: the {} catalog does not match the page ({} problems; first: {})",
            lang.code(),
            differences.len(),
            differences
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    let kept: &'static Catalog = Box::leak(Box::new(parsed));
    LOADED.with(|l| l.borrow_mut().insert(lang, kept));
    Ok(kept)
}

/// Whether the catalog of `lang` is read (English always is): if not, [`set`] needs its files.
pub fn is_loaded(lang: Lang) -> bool {
    lang == Lang::En || LOADED.with(|l| l.borrow().contains_key(&lang))
}

/// Reads this module in `code`'s language from now on. `files` is the text of its catalog files
/// (`FILES`, in that order), or `null`/`undefined` for English or a language read before. A broken
/// file is an error naming the file and the line; the language then stays as it was.
pub fn set(code: &JsValue, files: &JsValue) -> Result<(), JsError> {
    let code = text(code, "lang")?;
    let files = file_texts(files)?;
    let lang = Lang::parse("lang", &code).map_err(|e| js_error(e.said_in(words())))?;
    let c = catalog(lang, &files)?;
    CURRENT.with(|w| w.set(c));
    Ok(())
}

/// The catalog files' texts a page passes: an array of strings, or `null`/`undefined` for none.
fn file_texts(files: &JsValue) -> Result<Vec<String>, JsError> {
    if files.is_undefined() || files.is_null() {
        return Ok(Vec::new());
    }
    if !js_sys::Array::is_array(files) {
        return Err(js_error(
            "`files` must be an array of the catalog files' texts (see catalogFiles), or null for a language already loaded",
        ));
    }
    let array = js_sys::Array::from(files);
    if array.length() as usize > FILES.len() {
        return Err(js_error(format!(
            "`files` holds {} texts; a catalog has {} files",
            array.length(),
            FILES.len()
        )));
    }
    array
        .iter()
        .map(|f| {
            f.as_string()
                .ok_or_else(|| js_error("`files` must hold the files' texts as strings"))
        })
        .collect()
}
