//! The page's language: the catalog every sentence from here is written in (core's `i18n`), the
//! catalogs a page has loaded, and the page's own words by id.
//!
//! English is compiled in; the page fetches another language's files when a reader chooses it
//! and hands their text to [`Words::set_language`]. The schema, presets, glossary, tour,
//! status line, run names, events, chart words and errors then come in that language. Links, CSV
//! and JSON never change with it.

use crate::boundary::{js_error, text};
use crate::to_js;
use bgloop_core::i18n::{Catalog, Lang, FILES};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

pub use bgloop_boundary::language::words;
use bgloop_boundary::language::{self as holder};

/// The most arguments one [`Playground::texts`] call says a message with.
const MAX_TEXTS: usize = 4096;

/// The value of a message for the page: its text (if it has one) and its attributes.
fn message_of(words: &Catalog, id: &str, args: &[(&'static str, bgloop_core::i18n::Arg)]) -> Value {
    let attributes: BTreeMap<String, String> = words
        .shape()
        .get(id)
        .or_else(|| Catalog::english().shape().get(id))
        .map(|s| {
            s.attributes
                .iter()
                .map(|a| (a.clone(), words.attr_with(id, a, args)))
                .collect()
        })
        .unwrap_or_default();
    json!({ "value": words.value_with(id, args), "attributes": attributes })
}

/// A page's message arguments for message `id`, `{ name: text or number }`: whole numbers are
/// counts (plural forms choose on them), other numbers are written in the language's way. Only
/// the variables the message uses are kept (named by the English catalog, so nothing a page
/// passes is stored for good).
fn arguments(
    id: &str,
    args: &JsValue,
) -> Result<Vec<(&'static str, bgloop_core::i18n::Arg)>, JsError> {
    use bgloop_core::i18n::Arg;
    if args.is_undefined() || args.is_null() {
        return Ok(Vec::new());
    }
    let Some(shape) = Catalog::english().shape().get(id) else {
        return Ok(Vec::new());
    };
    let pairs = crate::boundary::settings(args, "args")?;
    Ok(pairs
        .into_iter()
        .filter_map(|(k, v)| {
            let name: &'static str = shape.variables.get(&k)?.as_str();
            let arg = match v {
                bgloop_core::Input::Num(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                    Arg::Count(x as i64)
                }
                bgloop_core::Input::Num(x) => Arg::Num(x),
                bgloop_core::Input::Text(t) => Arg::Text(t),
                bgloop_core::Input::Bool(b) => Arg::Text(b.to_string()),
            };
            Some((name, arg))
        })
        .collect())
}

/// The schema with its words (labels, meanings, groups, units, why a range matters) in `words`'
/// language; keys, domains and defaults unchanged.
pub fn schema_in(words: &Catalog) -> Result<Value, JsError> {
    let mut value = serde_json::to_value(bgloop_core::schema()).map_err(js_error)?;
    for spec in value.as_array_mut().into_iter().flatten() {
        let key = spec["key"].as_str().unwrap_or_default().to_string();
        let group = spec["group"].as_str().unwrap_or_default().to_string();
        let id = format!("param-{key}");
        spec["label"] = json!(words.text(&id));
        spec["meaning"] = json!(words.attr(&id, "meaning"));
        spec["group_label"] = json!(words.text(&format!("group-{group}")));
        let unit = spec["unit"].as_str().unwrap_or_default().to_string();
        if unit == "trials" || unit == "units" {
            let said = words.text(&format!("unit-{unit}"));
            spec["unit_text"] = json!(format!(" {said}"));
        }
        let allowed = spec["allowed"].as_str().unwrap_or_default().to_string();
        spec["allowed"] = json!(words.marked_between_digits(&allowed));
        if spec["built_for"].is_object() {
            spec["built_for"]["why"] = json!(words.attr(&id, "why"));
        }
        if let Some(options) = spec["domain"]["options"].as_array() {
            let names: Vec<Value> = options
                .iter()
                .map(|o| json!(words.text(&format!("option-{}", o.as_str().unwrap_or_default()))))
                .collect();
            spec["domain"]["option_labels"] = Value::Array(names);
        }
    }
    Ok(value)
}

/// The presets with their title, description and what to watch in `words`' language.
pub fn presets_in(words: &Catalog) -> Result<Value, JsError> {
    let mut value = serde_json::to_value(bgloop_core::presets::PRESETS).map_err(js_error)?;
    for p in value.as_array_mut().into_iter().flatten() {
        let id = format!("preset-{}", p["name"].as_str().unwrap_or_default());
        p["title"] = json!(words.text(&id));
        p["description"] = json!(words.attr(&id, "description"));
        p["watch"] = json!(words.attr(&id, "watch"));
    }
    Ok(value)
}

/// The glossary in `words`' language: each term, its text, and the forms the page links.
pub fn glossary_in(words: &Catalog) -> Result<Value, JsError> {
    let mut value = serde_json::to_value(bgloop_core::glossary::ENTRIES).map_err(js_error)?;
    for e in value.as_array_mut().into_iter().flatten() {
        let id = format!("term-{}", e["id"].as_str().unwrap_or_default());
        e["term"] = json!(words.text(&id));
        e["text"] = json!(words.attr(&id, "text"));
        let written: Vec<String> = words
            .attr(&id, "written")
            .split('|')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        e["written"] = json!(written);
    }
    Ok(value)
}

/// The page's words, as one namespace for JavaScript (`Words.t(…)`, `Words.setLanguage(…)`,
/// `Words.schema()`, …): the languages, the catalog the page reads now (the one holder of the
/// page's language), its messages, numbers written the language's way, and what the page reads
/// once in it (schema, presets, glossary, tour, view options).
#[wasm_bindgen]
pub struct Words;

#[wasm_bindgen]
impl Words {
    /// The languages there are: `[{ code, name }]`, English first.
    pub fn languages() -> Result<JsValue, JsError> {
        let list: Vec<Value> = Lang::ALL
            .iter()
            .map(|l| json!({ "code": l.code(), "name": l.name() }))
            .collect();
        to_js(&list)
    }

    /// The catalog files of a language, in the order `setLanguage` takes their text
    /// (`web/locales/<code>/<file>`).
    #[wasm_bindgen(js_name = catalogFiles)]
    pub fn catalog_files() -> Result<JsValue, JsError> {
        to_js(&FILES)
    }

    /// The language the page reads now (`en`, `fr`, `es`).
    pub fn language() -> String {
        words().lang().code().to_string()
    }

    /// Whether the catalog of `code` is loaded (English always is): if not, `setLanguage` needs
    /// its files' text.
    #[wasm_bindgen(js_name = hasLanguage)]
    pub fn has_language(code: JsValue) -> Result<bool, JsError> {
        let code = text(&code, "lang")?;
        let lang = Lang::parse("lang", &code).map_err(|e| js_error(e.said_in(words())))?;
        Ok(holder::is_loaded(lang))
    }

    /// Reads the page in `code`'s language from now on. `files` is the text of its catalog
    /// files (see `catalogFiles`), or empty for English or a language loaded before. A broken
    /// file is an error naming the file and the line; the language then stays as it was.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(code: JsValue, files: JsValue) -> Result<(), JsError> {
        holder::set(&code, &files)
    }

    /// A message of the page's catalog: `{ value, attributes }` (value `null` if it has only
    /// attributes), with `args` (`{ name: text or number }`, optional) filled in.
    pub fn message(id: JsValue, args: JsValue) -> Result<JsValue, JsError> {
        let id = text(&id, "id")?;
        let args = arguments(&id, &args)?;
        to_js(&message_of(words(), &id, &args))
    }

    /// Every message of the page's catalog that takes no argument, said, with the language's
    /// decimal mark: `{ lang, mark, messages: { id: { value, attributes } } }`. The page reads its
    /// fixed words from it after a language switch in one call, not one call per word.
    pub fn messages() -> Result<JsValue, JsError> {
        let words = words();
        let messages: serde_json::Map<String, Value> = words
            .shape()
            .iter()
            .filter(|(_, shape)| shape.variables.is_empty())
            .map(|(id, _)| (id.clone(), message_of(words, id, &[])))
            .collect();
        to_js(&json!({
            "lang": words.lang().code(),
            "mark": words.lang().decimal_mark().to_string(),
            "messages": messages,
        }))
    }

    /// The text of message `id` with `args` (`{ name: text or number }`, optional) in the
    /// page's language.
    pub fn t(id: JsValue, args: JsValue) -> Result<String, JsError> {
        let id = text(&id, "id")?;
        let args = arguments(&id, &args)?;
        Ok(words().value_with(&id, &args).unwrap_or(id))
    }

    /// Message `id` said once for each of `list`'s arguments (`[{ term: "…" }, …]`, at most
    /// [`MAX_TEXTS`]): the words a page builds many of (a title per glossary term, a label per
    /// number box) in one call.
    pub fn texts(id: JsValue, list: JsValue) -> Result<Vec<String>, JsError> {
        let id = text(&id, "id")?;
        let items = js_sys::Array::is_array(&list)
            .then(|| js_sys::Array::from(&list))
            .ok_or_else(|| js_error("texts: the list must be an array of arguments"))?;
        let n = items.length();
        if n as usize > MAX_TEXTS {
            return Err(js_error(format!(
                "texts: {n} arguments; at most {MAX_TEXTS} at once"
            )));
        }
        let args = (0..n)
            .map(|i| arguments(&id, &items.get(i)))
            .collect::<Result<Vec<_>, _>>()?;
        let words = words();
        Ok(args
            .iter()
            .map(|a| words.value_with(&id, a).unwrap_or_else(|| id.clone()))
            .collect())
    }

    /// `x` written for the page's language (`0,25` in French), never for a link.
    #[wasm_bindgen(js_name = formatNumber)]
    pub fn format_number(x: f64) -> String {
        words().number(x)
    }

    /// `x` with `decimals` decimals, written for the page's language.
    #[wasm_bindgen(js_name = formatFixed)]
    pub fn format_fixed(x: f64, decimals: f64) -> Result<String, JsError> {
        let d = bgloop_core::schema::whole("decimals", decimals, 0, 12).map_err(js_error)?;
        Ok(words().fixed(x, d as usize))
    }

    /// The names of the trial phases (a record's `phase`), in their codes' order.
    #[wasm_bindgen(js_name = phaseNames)]
    pub fn phase_names() -> Vec<String> {
        bgloop_core::Phase::ALL
            .iter()
            .map(|p| p.as_str().to_string())
            .collect()
    }

    /// Bytes of linear memory the wasm module holds (for measuring long runs).
    #[wasm_bindgen(js_name = memoryBytes)]
    pub fn memory_bytes() -> f64 {
        use wasm_bindgen::JsCast;
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()))
            })
    }
}
