//! Reading JavaScript inputs safely. Every value from JS is read into plain Rust data *before* the
//! playground is borrowed, with calls that turn a JS exception into an error (a throwing getter, a
//! revoked Proxy, a Proxy whose `ownKeys` throws), never recursing (so a value nested 10,000 deep
//! cannot overflow the stack), and within size limits. A JS exception that crossed a borrow would
//! leave the object locked ("recursive use of an object"); a stack overflow would corrupt the
//! whole module.

use bgloop_core::Input;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// Most keys one settings object may have (the schema has about 60).
pub const MAX_KEYS: u32 = 256;
/// Most characters of one text argument or value.
pub const MAX_TEXT: usize = 65_536;
/// Most entries of an array argument (sweep outcomes).
pub const MAX_ITEMS: u32 = 100_000;

/// An error whose message is `message`.
pub fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

/// What a JS value is, for messages.
fn kind(v: &JsValue) -> String {
    v.js_typeof().as_string().unwrap_or_else(|| "value".into())
}

/// Reads a JS object `{ key: value, … }` of primitives into `(key, Input)` pairs, naming what is
/// wrong otherwise; `undefined` and `null` read as no settings.
pub fn settings(value: &JsValue, what: &str) -> Result<Vec<(String, Input)>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let shape = "an object of parameters, e.g. { loop_strength: 0.5 }";
    entries(value, what, shape, false)
}

/// Reads an options object `{ key: value, … }` of primitives; a key set to `undefined` or `null`
/// is left out (every option is optional). `shape` says what the object should be, for the error
/// when `value` is not an object.
fn options(value: &JsValue, what: &str, shape: &str) -> Result<Vec<(String, Input)>, JsError> {
    entries(value, what, shape, true)
}

/// The own entries of the object `value` as `(key, Input)` pairs (`what` and `shape` name it in
/// errors); with `skip_unset`, a key whose value is `undefined` or `null` is left out.
fn entries(
    value: &JsValue,
    what: &str,
    shape: &str,
    skip_unset: bool,
) -> Result<Vec<(String, Input)>, JsError> {
    let object = object(value, what, shape)?;
    let keys = keys(&object, what)?;
    let object: &JsValue = object.as_ref();
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let v = Reflect::get(object, &JsValue::from_str(&key))
            .map_err(|_| js_error(format!("{what}: reading `{}` threw", short(&key))))?;
        if skip_unset && (v.is_undefined() || v.is_null()) {
            continue;
        }
        let input = primitive(&v, &key).map_err(|m| js_error(format!("{what}: {m}")))?;
        out.push((key, input));
    }
    Ok(out)
}

/// A number, boolean or (bounded) string as an [`Input`], or what is wrong with it.
fn primitive(v: &JsValue, key: &str) -> Result<Input, String> {
    if let Some(x) = v.as_f64() {
        Ok(Input::Num(x))
    } else if let Some(b) = v.as_bool() {
        Ok(Input::Bool(b))
    } else if let Some(s) = v.as_string() {
        if s.len() > MAX_TEXT {
            Err(format!(
                "`{}` is {} characters long; at most {MAX_TEXT}",
                short(key),
                s.len()
            ))
        } else {
            Ok(Input::Text(s))
        }
    } else {
        Err(format!(
            "`{}` must be a number, a string or a boolean, not {}",
            short(key),
            kind(v)
        ))
    }
}

/// One parameter value from JS (number, string or boolean), named `key` in errors.
pub fn input(value: &JsValue, key: &str) -> Result<Input, JsError> {
    primitive(value, key).map_err(js_error)
}

/// Which run of a comparison: `"A"` (also `undefined`/`null`) or `"B"`.
pub fn run(value: &JsValue) -> Result<bgloop_core::session::Run, JsError> {
    use bgloop_core::session::Run;
    if value.is_undefined() || value.is_null() {
        return Ok(Run::A);
    }
    match value.as_string().as_deref() {
        Some("A") | Some("a") => Ok(Run::A),
        Some("B") | Some("b") => Ok(Run::B),
        _ => Err(js_error(format!(
            "`run` must be \"A\" or \"B\", not {}",
            value
                .as_string()
                .map_or_else(|| kind(value), |t| format!("{:?}", short(&t)))
        ))),
    }
}

/// Reads a JS object of strings (view options) into pairs.
pub fn strings(value: &JsValue, what: &str) -> Result<Vec<(String, String)>, JsError> {
    settings(value, what)?
        .into_iter()
        .map(|(k, v)| match v {
            Input::Text(s) => Ok((k, s)),
            Input::Num(x) => Ok((k, bgloop_core::format::num(x))),
            Input::Bool(b) => Ok((k, String::from(if b { "1" } else { "0" }))),
        })
        .collect()
}

/// `value` as an object, or an error saying it must be `wanted`.
fn object(value: &JsValue, what: &str, wanted: &str) -> Result<js_sys::Object, JsError> {
    if !value.is_object() {
        return Err(js_error(format!(
            "{what} must be {wanted}, not {}",
            kind(value)
        )));
    }
    Ok(value.clone().unchecked_into())
}

/// The own string keys of `object` (at most [`MAX_KEYS`]), or an error.
fn keys(object: &js_sys::Object, what: &str) -> Result<Vec<String>, JsError> {
    let keys = Reflect::own_keys(object)
        .map_err(|_| js_error(format!("{what}: its keys could not be read")))?;
    if keys.length() > MAX_KEYS {
        return Err(js_error(format!(
            "{what} has {} keys; at most {MAX_KEYS} are read",
            keys.length()
        )));
    }
    keys.iter()
        .map(|k| {
            k.as_string()
                .ok_or_else(|| js_error(format!("{what}: keys must be strings, not {}", kind(&k))))
        })
        .collect()
}

/// `s` if it is not too long for `name`.
fn bounded(s: String, name: &str) -> Result<String, JsError> {
    if s.len() > MAX_TEXT {
        Err(js_error(format!(
            "`{}` is {} characters long; at most {MAX_TEXT}",
            short(name),
            s.len()
        )))
    } else {
        Ok(s)
    }
}

/// A message from a result, kept short.
pub fn bounded_short(s: &str) -> String {
    bgloop_core::format::short(s, 200)
}

fn short(s: &str) -> String {
    bgloop_core::format::short(s, bgloop_core::format::QUOTED)
}

/// An optional text argument (`undefined` or `null`: none), bounded like [`text`].
pub fn optional_text(value: &JsValue, name: &str) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        text(value, name).map(Some)
    }
}

/// A sweep's measure as JavaScript names it (`"error"`, `"regime"`, …; absent: the |error|).
pub fn measure(measure: Option<String>) -> Result<bgloop_core::sweep::Measure, JsError> {
    measure.map_or(Ok(bgloop_core::sweep::Measure::Error), |m| {
        bgloop_core::sweep::Measure::parse(&m)
            .map_err(|e| js_error(e.replace("--measure", "`measure`")))
    })
}

/// A text argument `name`, or an error naming it.
pub fn text(value: &JsValue, name: &str) -> Result<String, JsError> {
    match value.as_string() {
        Some(s) => bounded(s, name),
        None => Err(js_error(format!(
            "`{name}` must be a string, not {}",
            kind(value)
        ))),
    }
}

/// A link argument `name`: a string, cut at [`MAX_TEXT`] characters (on a character boundary)
/// rather than refused — the link decoder cuts long links at an entry boundary and says so, so a
/// link far too long still opens (with a note) instead of failing.
pub fn link(value: &JsValue, name: &str) -> Result<String, JsError> {
    let Some(mut s) = value.as_string() else {
        return Err(js_error(format!(
            "`{name}` must be a string, not {}",
            kind(value)
        )));
    };
    if s.len() > MAX_TEXT {
        let mut cut = MAX_TEXT;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    Ok(s)
}

/// What `compare` was asked: start a comparison (`true` or left out), end it (`false`), or set
/// up the next reset as one (`{ a, b }`: run A's entries and run B's differences, each as
/// `configure` takes them; `a` may be left out).
pub enum Comparison {
    /// Pin the running experiment as run A and start run B as its copy.
    Start,
    /// End the comparison, keeping the run in focus.
    End,
    /// The next reset compares run A (`a`) with run B (`b`).
    Next {
        /// Run A's entries.
        a: Vec<(String, Input)>,
        /// Run B's differences from A.
        b: Vec<(String, Input)>,
    },
}

/// `compare`'s argument (see [`Comparison`]), or an error naming what it may be.
pub fn comparison(value: &JsValue) -> Result<Comparison, JsError> {
    const WANTED: &str = "true (start), false (end) or { a, b } (the next reset's runs)";
    if value.is_undefined() || value.is_null() {
        return Ok(Comparison::Start);
    }
    if let Some(on) = value.as_bool() {
        return Ok(if on {
            Comparison::Start
        } else {
            Comparison::End
        });
    }
    let object = object(value, "`what`", WANTED)?;
    if let Some(k) = keys(&object, "`what`")?
        .into_iter()
        .find(|k| k != "a" && k != "b")
    {
        return Err(js_error(format!(
            "`what` may hold `a` and `b`, not \"{}\"",
            short(&k)
        )));
    }
    let a = get(&object, &JsValue::from_str("a"), "`what.a`")?;
    let b = get(&object, &JsValue::from_str("b"), "`what.b`")?;
    if b.is_undefined() {
        return Err(js_error(
            "`what.b` must say how run B differs from A, e.g. { loop_strength: 0.25 }",
        ));
    }
    let a = if a.is_undefined() {
        Vec::new()
    } else {
        settings(&a, "a")?
    };
    Ok(Comparison::Next {
        a,
        b: settings(&b, "b")?,
    })
}

/// The prototype of `value`, read so that a revoked Proxy or a throwing trap is an error.
fn prototype(value: &JsValue, what: &str) -> Result<JsValue, JsError> {
    Reflect::get_prototype_of(value)
        .map(JsValue::from)
        .map_err(|_| js_error(format!("{what} could not be read")))
}

/// Property `key` of `target`, with a JS exception turned into an error.
fn get(target: &JsValue, key: &JsValue, what: &str) -> Result<JsValue, JsError> {
    Reflect::get(target, key).map_err(|_| js_error(format!("{what} could not be read")))
}

/// A canvas argument `name`, or an error naming it. The check compares prototypes (an
/// `instanceof` test could throw through the module on a hostile Proxy).
pub fn canvas(value: &JsValue, name: &str) -> Result<HtmlCanvasElement, JsError> {
    let not_canvas = || {
        js_error(format!(
            "`{name}` must be a <canvas> element, not {}",
            kind(value)
        ))
    };
    if !value.is_object() {
        return Err(not_canvas());
    }
    let proto = prototype(value, &format!("`{name}`"))?;
    let global = js_sys::global();
    let class = get(
        &global,
        &JsValue::from_str("HTMLCanvasElement"),
        "HTMLCanvasElement",
    )?;
    if !class.is_function() {
        return Err(not_canvas());
    }
    let canvas_proto = get(&class, &JsValue::from_str("prototype"), "HTMLCanvasElement")?;
    if !js_sys::Object::is(&proto, &canvas_proto) {
        return Err(not_canvas());
    }
    Ok(value.clone().unchecked_into())
}

/// The most words a handover argument may hold (128 MB).
const MAX_WORDS: u32 = 1 << 24;

/// A `Float64Array` argument `name` (a run's handover), copied out, or an error naming it. The
/// check compares prototypes, as [`canvas`] does.
pub fn words(value: &JsValue, name: &str) -> Result<Vec<f64>, JsError> {
    let not_words = || {
        js_error(format!(
            "`{name}` must be a Float64Array (a handover), not {}",
            kind(value)
        ))
    };
    if !value.is_object() {
        return Err(not_words());
    }
    let proto = prototype(value, &format!("`{name}`"))?;
    let class = get(
        &js_sys::global(),
        &JsValue::from_str("Float64Array"),
        "Float64Array",
    )?;
    let array_proto = get(&class, &JsValue::from_str("prototype"), "Float64Array")?;
    if !js_sys::Object::is(&proto, &array_proto) {
        return Err(not_words());
    }
    let array: &js_sys::Float64Array = value.unchecked_ref();
    if array.length() > MAX_WORDS {
        return Err(js_error(format!(
            "`{name}` holds {} numbers, more than a handover can ({MAX_WORDS})",
            array.length()
        )));
    }
    Ok(array.to_vec())
}

/// Sweep outcomes: an array of `{ value, seed, trials, final_error, executed }` with the optional
/// `reward`, `reach_ms`, `adapt_trials`, `rewarded` and `regime` (and `value2` for a map over
/// `param` and `param2`; read item by item and field by field, never recursively).
pub fn outcomes(
    value: &JsValue,
    param: &str,
    param2: Option<&str>,
) -> Result<Vec<bgloop_core::sweep::Outcome>, JsError> {
    const WHAT: &str = "sweep outcomes";
    if value.is_object() {
        prototype(value, WHAT)?; // a revoked Proxy fails here, not inside Array.isArray
    }
    if !js_sys::Array::is_array(value) {
        return Err(js_error("sweep outcomes must be an array"));
    }
    let length = get(value, &JsValue::from_str("length"), WHAT)?
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0)
        .ok_or_else(|| js_error("sweep outcomes: the array has no length"))?;
    if length > f64::from(MAX_ITEMS) {
        return Err(js_error(format!(
            "sweep outcomes: {length} items; at most {MAX_ITEMS}"
        )));
    }
    let field = |o: &JsValue, name: &str| -> Result<f64, JsError> {
        get(o, &JsValue::from_str(name), WHAT)?
            .as_f64()
            .ok_or_else(|| js_error(format!("sweep outcomes: each needs a number `{name}`")))
    };
    // Optional fields (outcomes of older pages have none): a finite number, or absent.
    let optional = |o: &JsValue, name: &str| -> Result<Option<f64>, JsError> {
        let v = get(o, &JsValue::from_str(name), WHAT)?;
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_f64()
            .filter(|x| x.is_finite())
            .map(Some)
            .ok_or_else(|| js_error(format!("sweep outcomes: `{name}` must be a number")))
    };
    (0..length as u32)
        .map(|i| {
            let o = get(value, &JsValue::from_f64(f64::from(i)), WHAT)?;
            if !o.is_object() {
                return Err(js_error("sweep outcomes: each item must be an object"));
            }
            Ok(bgloop_core::sweep::Outcome {
                param: param.to_string(),
                value: field(&o, "value")?,
                seed: field(&o, "seed")? as u64,
                trials: field(&o, "trials")? as u32,
                final_error: field(&o, "final_error")?,
                executed: field(&o, "executed")?,
                reward: optional(&o, "reward")?,
                reach_ms: optional(&o, "reach_ms")?,
                adapt_trials: optional(&o, "adapt_trials")?
                    .filter(|t| t.fract() == 0.0 && *t >= 0.0 && *t <= f64::from(u32::MAX))
                    .map(|t| t as u32),
                rewarded: optional(&o, "rewarded")?,
                regime: match get(&o, &JsValue::from_str("regime"), WHAT)?.as_string() {
                    None => None,
                    Some(k) => Some(bgloop_core::regime::Regime::parse(&k).ok_or_else(|| {
                        js_error(format!(
                            "sweep outcomes: `regime` {:?} is not one of: {}",
                            bounded_short(&k),
                            bgloop_core::regime::Regime::ALL.map(|r| r.key()).join(", ")
                        ))
                    })?),
                },
                version: None,
                grid: None,
                param2: param2.map(str::to_string),
                value2: param2.map(|_| field(&o, "value2")).transpose()?,
                diverged: get(&o, &JsValue::from_str("diverged"), WHAT)?
                    .as_string()
                    .map(|s| bounded_short(&s)),
                experiment: None,
            })
        })
        .collect()
}

/// The trials after which the records are wanted: run A's and run B's.
#[derive(Clone, Copy, Debug)]
pub struct Since {
    /// Records of run A after this trial.
    pub a: u32,
    /// Records of run B after this trial (while comparing).
    pub b: u32,
}

/// The trials after which `view` gives the records: `undefined`/`null` (no records), a trial
/// number for both runs, or `{ A, B }` (either may be left out: 0).
pub fn since(value: &JsValue) -> Result<Option<Since>, JsError> {
    let trial =
        |name: &str, x: f64| bgloop_core::schema::whole(name, x, 0, u32::MAX).map_err(js_error);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(x) = value.as_f64() {
        let n = trial("since", x)?;
        return Ok(Some(Since { a: n, b: n }));
    }
    const SHAPE: &str = "a trial number or { A, B } with trial numbers";
    let wrong = || js_error(format!("`since` must be {SHAPE}"));
    if !value.is_object() {
        return Err(wrong());
    }
    let mut since = Since { a: 0, b: 0 };
    for (key, v) in options(value, "`since`", SHAPE)? {
        let x = match (key.as_str(), v) {
            ("A" | "B", Input::Num(x)) => x,
            _ => return Err(wrong()),
        };
        if key == "A" {
            since.a = trial("since.A", x)?;
        } else {
            since.b = trial("since.B", x)?;
        }
    }
    Ok(Some(since))
}

/// How a view is drawn: see [`draw_options`].
#[derive(Clone, Copy, Debug)]
pub struct DrawOptions {
    /// The device pixel ratio the canvas is sized for.
    pub scale: f64,
    /// The high-contrast theme.
    pub high_contrast: bool,
    /// Hand paths beside the cursor's (the reach view).
    pub hand: bool,
}

/// `draw`'s options, `{ scale, highContrast, hand }` (each optional; `undefined`/`null`: all
/// defaults — scale 1, the usual theme, no hand paths). An unknown key or a wrong type is an
/// error naming it.
pub fn draw_options(value: &JsValue) -> Result<DrawOptions, JsError> {
    let mut o = DrawOptions {
        scale: 1.0,
        high_contrast: false,
        hand: false,
    };
    if value.is_undefined() || value.is_null() {
        return Ok(o);
    }
    let shape = "an object { scale, highContrast, hand }, e.g. { scale: 2 }";
    for (key, v) in options(value, "`options`", shape)? {
        match (key.as_str(), v) {
            ("scale", Input::Num(x)) => o.scale = x,
            ("highContrast", Input::Bool(b)) => o.high_contrast = b,
            ("hand", Input::Bool(b)) => o.hand = b,
            ("scale", _) => return Err(js_error("`options.scale` must be a number (0.25–8)")),
            ("highContrast" | "hand", _) => {
                return Err(js_error(format!("`options.{key}` must be true or false")))
            }
            _ => {
                return Err(js_error(format!(
                    "`options` may hold scale, highContrast and hand, not {:?}",
                    bounded_short(&key)
                )))
            }
        }
    }
    Ok(o)
}
