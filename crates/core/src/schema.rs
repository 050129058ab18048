//! The parameter schema: one declarative table from which defaults, validation, presets, the CLI's
//! `--set`, permalinks, the page's controls and the docs' parameter table are all derived.
//!
//! The table itself is written once, in [`crate::config`], by the `parameters!` macro that also
//! generates [`crate::Config`]; this module holds the types that describe an entry and the code that
//! checks a value against it.

use crate::format::num;
use crate::i18n::Catalog;
use crate::said::{Arg, Msg};
use serde::Serialize;
use std::fmt::Write as _;

/// The groups parameters are shown in, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// The cortex–BG–thalamus loop.
    Loop,
    /// The cortical ring attractor.
    Cortex,
    /// The reaching task.
    Task,
    /// Reward, dopamine signal and plasticity.
    Learning,
    /// Noise sources.
    Noise,
    /// Numerical settings and the seed.
    Simulation,
    /// Advanced: synaptic gains of the 2006 loop model.
    Gains,
    /// Advanced: background inputs.
    Backgrounds,
    /// Advanced: membrane time constants.
    TimeConstants,
    /// Advanced: axonal delays.
    Delays,
}

impl Group {
    /// Every group, in display order.
    pub const ALL: [Group; 10] = [
        Group::Loop,
        Group::Cortex,
        Group::Task,
        Group::Learning,
        Group::Noise,
        Group::Simulation,
        Group::Gains,
        Group::Backgrounds,
        Group::TimeConstants,
        Group::Delays,
    ];

    /// The group's name in links and JSON (`time-constants`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Its heading in `words`' language (the catalog's `group-<name>`).
    pub fn label_in(self, words: &Catalog) -> String {
        words.text(&format!("group-{}", self.name()))
    }

    /// Whether the group belongs under "Advanced".
    pub fn advanced(self) -> bool {
        matches!(
            self,
            Group::Gains | Group::Backgrounds | Group::TimeConstants | Group::Delays
        )
    }
}

/// The values a parameter may take.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Domain {
    /// A real number in `[min, max]`; `step` is the control's increment.
    Real {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Increment of a slider.
        step: f64,
    },
    /// A whole number in `[min, max]`.
    Int {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// One of a few whole numbers.
    Set {
        /// The allowed values.
        values: &'static [f64],
    },
    /// One of a few names.
    Choice {
        /// The allowed names.
        options: &'static [&'static str],
    },
}

pub use crate::i18n::unit_suffix;

impl Domain {
    /// The allowed values, written for people: `0–2`, `1, 2, 4, 8`, `graded, binary`.
    pub fn describe(&self, unit: &str) -> String {
        let unit = unit_suffix(unit);
        match self {
            Domain::Real { min, max, .. } | Domain::Int { min, max } => {
                format!("{}–{}{unit}", num(*min), num(*max))
            }
            Domain::Set { values } => values
                .iter()
                .map(|v| num(*v))
                .collect::<Vec<_>>()
                .join(", "),
            Domain::Choice { options } => options.join(", "),
        }
    }
}

/// A parameter value in canonical form.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// Real and whole numbers.
    Num(f64),
    /// One of a [`Domain::Choice`]'s names.
    Choice(&'static str),
}

impl Value {
    /// The value as a number, if it is one.
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Value::Num(x) => Some(x),
            Value::Choice(_) => None,
        }
    }

    /// The value as text, as permalinks and `--set` write it.
    pub fn to_text(self) -> String {
        match self {
            Value::Num(x) => num(x),
            Value::Choice(s) => s.to_string(),
        }
    }
}

/// A value as it arrives from outside: a JSON/JS number, string or boolean, or a `key=value` text.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum Input {
    /// A boolean (JSON `true`/`false`; only for on/off choices).
    Bool(bool),
    /// A number.
    Num(f64),
    /// Text, parsed according to the parameter's domain.
    Text(String),
}

impl Input {
    /// The value as a link writes it: numbers in the shortest exact form, text as it is.
    pub fn to_text(&self) -> String {
        match self {
            Input::Num(x) => num(*x),
            Input::Text(t) => t.clone(),
            Input::Bool(b) => b.to_string(),
        }
    }
}

impl From<f64> for Input {
    fn from(x: f64) -> Self {
        Input::Num(x)
    }
}

impl From<&str> for Input {
    fn from(s: &str) -> Self {
        Input::Text(s.to_string())
    }
}

/// A rejected value: which parameter, and a sentence that names it and the allowed values.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{message}")]
pub struct ParamError {
    /// The offending key, as typed (so a UI can point at its control).
    pub key: String,
    /// A sentence for people, naming the key, the value and what is allowed (in English).
    pub message: String,
    /// The same sentence as a catalog id and arguments, for a reader's language (`None`: the
    /// sentence exists in English only).
    #[serde(skip)]
    pub msg: Option<Msg>,
}

impl Eq for Msg {}

impl ParamError {
    /// An error about `key`, in English only.
    pub fn new(key: &str, message: impl Into<String>) -> Self {
        ParamError {
            key: key.to_string(),
            message: message.into(),
            msg: None,
        }
    }

    /// An error about `key` that every language can say.
    pub fn localized(key: &str, msg: Msg) -> Self {
        ParamError {
            key: key.to_string(),
            message: msg.english(),
            msg: Some(msg),
        }
    }

    /// The sentence in `catalog`'s language.
    pub fn said_in(&self, catalog: &Catalog) -> String {
        self.msg
            .as_ref()
            .map_or_else(|| self.message.clone(), |m| catalog.format(m))
    }
}

/// `x` if finite and within [min, max]; otherwise an error naming `name` and the range. For the
/// numbers a front end passes besides parameters (a step's length, a trial number, a cap).
pub fn in_range(name: &str, x: f64, min: f64, max: f64) -> Result<f64, ParamError> {
    if x.is_finite() && x >= min && x <= max {
        Ok(x)
    } else {
        Err(ParamError::localized(
            name,
            Msg::new("error-out-of-range")
                .text("field", name)
                .num("value", x)
                .num("min", min)
                .num("max", max),
        ))
    }
}

/// `x` as a whole number within [min, max]; otherwise an error naming `name` and the range.
pub fn whole(name: &str, x: f64, min: u32, max: u32) -> Result<u32, ParamError> {
    let v = in_range(name, x, f64::from(min), f64::from(max))?;
    if v.fract() != 0.0 {
        return Err(ParamError::localized(
            name,
            Msg::new("error-not-whole")
                .text("field", name)
                .num("value", v),
        ));
    }
    Ok(v as u32)
}

/// The part of a parameter's allowed range in which the model was built to work (measured by
/// `cargo run --release -p bgloop-core --example ranges`, docs/model.md); outside it the page and
/// the CLI say what goes wrong.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BuiltFor {
    /// Lowest value of the range.
    pub min: f64,
    /// Highest value of the range.
    pub max: f64,
}

impl BuiltFor {
    /// `0.75–1.25` with the unit.
    pub fn range_text(&self, unit: &str) -> String {
        format!("{}–{}{}", num(self.min), num(self.max), unit_suffix(unit))
    }
}

/// One row of the parameter table. Serialised (for `bgloop schema --format json` and the page)
/// with the derived facts a view needs: `unit_text`, `group_label`, `advanced`, `allowed`.
#[derive(Clone, Debug)]
pub struct ParamSpec {
    /// Stable key used by permalinks, the CLI and JS configs. Its label, meaning and what goes
    /// wrong outside the range it was built for are in the catalog (`param-<key>`, `.meaning`,
    /// `.why`): [`ParamSpec::label_in`] and the others say them.
    pub key: &'static str,
    /// The symbol in the equations (docs/model.md), or empty.
    pub symbol: &'static str,
    /// Unit, or empty for dimensionless quantities.
    pub unit: &'static str,
    /// The group the control is shown in.
    pub group: Group,
    /// Whether the control is among the few shown up front.
    pub primary: bool,
    /// The allowed values.
    pub domain: Domain,
    /// The default value.
    pub default: Value,
    /// Where the default comes from.
    pub source: &'static str,
    /// The range the model was built for, if narrower than the allowed one.
    pub built_for: Option<BuiltFor>,
    /// Whether the parameter may change during a run, at a trial boundary (a schedule event or a
    /// live intervention), without resetting the learned synapses.
    pub live: bool,
}

impl Serialize for ParamSpec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("ParamSpec", 16)?;
        m.serialize_field("key", self.key)?;
        let english = Catalog::english();
        m.serialize_field("label", &self.label_in(english))?;
        m.serialize_field("symbol", self.symbol)?;
        m.serialize_field("unit", self.unit)?;
        m.serialize_field("unit_text", &unit_suffix(self.unit))?;
        m.serialize_field("group", &self.group)?;
        m.serialize_field("group_label", &self.group.label_in(english))?;
        m.serialize_field("advanced", &self.group.advanced())?;
        m.serialize_field("primary", &self.primary)?;
        m.serialize_field("domain", &self.domain)?;
        m.serialize_field("allowed", &self.allowed())?;
        m.serialize_field("default", &self.default)?;
        m.serialize_field("meaning", &self.meaning_in(english))?;
        m.serialize_field("source", self.source)?;
        let built_for = self.built_for.map(
            |b| serde_json::json!({ "min": b.min, "max": b.max, "why": self.why_in(english) }),
        );
        m.serialize_field("built_for", &built_for)?;
        m.serialize_field("live", &self.live)?;
        m.end()
    }
}

/// Builder for [`ParamSpec`] rows, used by the `parameters!` table.
#[derive(Clone, Debug)]
pub struct Meta {
    symbol: &'static str,
    unit: &'static str,
    group: Group,
    primary: bool,
    domain: Domain,
    source: &'static str,
    built_for: Option<BuiltFor>,
    live: bool,
}

impl Meta {
    fn with(group: Group, domain: Domain) -> Self {
        Meta {
            symbol: "",
            unit: "",
            group,
            primary: false,
            domain,
            source: "",
            built_for: None,
            live: false,
        }
    }

    /// A real-valued parameter.
    pub fn real(group: Group, min: f64, max: f64, step: f64) -> Self {
        Meta::with(group, Domain::Real { min, max, step })
    }

    /// A whole-number parameter.
    pub fn int(group: Group, min: f64, max: f64) -> Self {
        Meta::with(group, Domain::Int { min, max })
    }

    /// A parameter taking one of a few whole numbers.
    pub fn set(group: Group, values: &'static [f64]) -> Self {
        Meta::with(group, Domain::Set { values })
    }

    /// A parameter taking one of a few names.
    pub fn choice(group: Group, options: &'static [&'static str]) -> Self {
        Meta::with(group, Domain::Choice { options })
    }

    /// The symbol in the equations.
    pub fn symbol(mut self, symbol: &'static str) -> Self {
        self.symbol = symbol;
        self
    }

    /// The unit.
    pub fn unit(mut self, unit: &'static str) -> Self {
        self.unit = unit;
        self
    }

    /// Show the control up front.
    pub fn primary(mut self) -> Self {
        self.primary = true;
        self
    }

    /// Where the default comes from.
    pub fn source(mut self, source: &'static str) -> Self {
        self.source = source;
        self
    }

    /// The parameter may change during a run (schedules, live interventions).
    pub fn live(mut self) -> Self {
        self.live = true;
        self
    }

    /// The range the model was built for (what goes wrong outside it is the catalog's `.why`).
    pub fn built_for(mut self, min: f64, max: f64) -> Self {
        self.built_for = Some(BuiltFor { min, max });
        self
    }

    /// The finished row.
    pub fn finish(self, key: &'static str, default: Value) -> ParamSpec {
        ParamSpec {
            key,
            symbol: self.symbol,
            unit: self.unit,
            group: self.group,
            primary: self.primary,
            domain: self.domain,
            default,
            source: self.source,
            built_for: self.built_for,
            live: self.live,
        }
    }
}

impl ParamSpec {
    /// The catalog id of the parameter's words (`param-loop_strength`).
    fn words_id(&self) -> String {
        format!("param-{}", self.key)
    }

    /// The control's label in `words`' language.
    pub fn label_in(&self, words: &Catalog) -> String {
        words.text(&self.words_id())
    }

    /// One sentence, what the parameter means, in `words`' language.
    pub fn meaning_in(&self, words: &Catalog) -> String {
        words.attr(&self.words_id(), "meaning")
    }

    /// What goes wrong outside the range the model was built for, in `words`' language (empty
    /// for a parameter without such a range).
    pub fn why_in(&self, words: &Catalog) -> String {
        match self.built_for {
            Some(_) => words.attr(&self.words_id(), "why"),
            None => String::new(),
        }
    }

    /// If `value` lies outside the range the model was built for, a sentence saying so in
    /// `words`' language (`Dopamine = 0.3: Outside the range …`).
    pub fn outside_built_for(&self, value: f64, words: &Catalog) -> Option<String> {
        let b = self.built_for?;
        (value < b.min || value > b.max).then(|| {
            let said = words.format(
                &Msg::new("error-built-for")
                    .text(
                        "range",
                        words.marked_between_digits(&b.range_text(self.unit)),
                    )
                    .text("why", self.why_in(words)),
            );
            let unit = words.unit_suffix(self.unit);
            words.format(
                &Msg::new("note-built-for")
                    .text("label", self.label_in(words))
                    .text("value", format!("{}{unit}", words.number(value)))
                    .text("sentence", said),
            )
        })
    }

    /// The allowed values, written for people.
    pub fn allowed(&self) -> String {
        self.domain.describe(self.unit)
    }

    /// Checks `input` against this parameter's domain and returns its canonical value, or an error
    /// that names the key, the value and the allowed values.
    pub fn check(&self, input: &Input) -> Result<Value, ParamError> {
        let key = self.key;
        let allowed = self.allowed();
        match (&self.domain, input) {
            (Domain::Choice { options }, Input::Bool(b)) if options == &["on", "off"] => {
                Ok(Value::Choice(if *b { "on" } else { "off" }))
            }
            (Domain::Choice { options }, Input::Text(text)) => {
                let t = text.trim();
                let t = match (options == &["on", "off"], t) {
                    (true, "true" | "1" | "yes") => "on",
                    (true, "false" | "0" | "no") => "off",
                    _ => t,
                };
                options
                    .iter()
                    .find(|o| o.eq_ignore_ascii_case(t))
                    .map(|o| Value::Choice(o))
                    .ok_or_else(|| {
                        ParamError::localized(
                            key,
                            refusal("error-not-one-of", key, Arg::Text(quoted(text)), &allowed),
                        )
                    })
            }
            (Domain::Choice { .. }, other) => Err(ParamError::localized(
                key,
                refusal("error-not-one-of", key, Arg::Text(show(other)), &allowed),
            )),
            (_, Input::Bool(b)) => Err(ParamError::localized(
                key,
                refusal(
                    "error-not-a-number",
                    key,
                    Arg::Text(b.to_string()),
                    &allowed,
                ),
            )),
            (domain, Input::Text(text)) => {
                let x = parse_number(text).ok_or_else(|| {
                    ParamError::localized(
                        key,
                        refusal("error-not-a-number", key, Arg::Text(quoted(text)), &allowed),
                    )
                })?;
                check_number(key, domain, x, &allowed)
            }
            (domain, Input::Num(x)) => check_number(key, domain, *x, &allowed),
        }
    }

    /// Checks a value already in canonical form (a typed config field) against the domain.
    pub fn admits(&self, value: Value) -> Result<(), ParamError> {
        match (value, &self.domain) {
            (Value::Choice(c), Domain::Choice { options }) if options.contains(&c) => Ok(()),
            (Value::Num(x), d) if !matches!(d, Domain::Choice { .. }) => {
                check_number(self.key, d, x, &self.allowed()).map(|_| ())
            }
            (v, _) => Err(ParamError::localized(
                self.key,
                refusal(
                    "error-not-one-of",
                    self.key,
                    Arg::Numbers(v.to_text()),
                    &self.allowed(),
                ),
            )),
        }
    }
}

fn check_number(key: &str, domain: &Domain, x: f64, allowed: &str) -> Result<Value, ParamError> {
    if !x.is_finite() {
        return Err(ParamError::localized(
            key,
            refusal("error-not-finite", key, Arg::Text(x.to_string()), allowed),
        ));
    }
    match domain {
        Domain::Real { min, max, .. } if x < *min || x > *max => Err(ParamError::localized(
            key,
            refusal("error-outside", key, Arg::Num(x), allowed),
        )),
        Domain::Int { min, max } if x < *min || x > *max || x.fract() != 0.0 => {
            Err(ParamError::localized(
                key,
                refusal("error-not-whole-in", key, Arg::Num(x), allowed),
            ))
        }
        Domain::Set { values } if !values.contains(&x) => Err(ParamError::localized(
            key,
            refusal("error-not-one-of", key, Arg::Num(x), allowed),
        )),
        _ => Ok(Value::Num(if x == 0.0 { 0.0 } else { x })),
    }
}

/// Parses a number as people type it: decimal or scientific notation, nothing else
/// (`inf`, `NaN`, hex and empty text are refused).
fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let plain = !t.is_empty()
        && t.len() <= 64
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && t.bytes().any(|b| b.is_ascii_digit());
    if !plain {
        return None;
    }
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A refused value: `field` = `value` and what is allowed (its numbers in the reader's way).
fn refusal(id: &'static str, field: &str, value: Arg, allowed: &str) -> Msg {
    let mut msg = Msg::new(id).text("field", field);
    msg.args.push(("value", value));
    // A unit that is a word (`1–100000 trials`) is said in the reader's language.
    let with_unit = crate::said::WORD_UNITS.iter().find_map(|u| {
        allowed
            .strip_suffix(&format!(" {u}"))
            .map(|numbers| Arg::WithUnit(numbers.to_string(), u))
    });
    msg.args.push((
        "allowed",
        with_unit.unwrap_or_else(|| Arg::Numbers(allowed.to_string())),
    ));
    msg
}

/// Quotes user text for an error message, shortened and with control characters escaped.
fn quoted(text: &str) -> String {
    format!("{:?}", crate::format::short(text, crate::format::QUOTED))
}

fn show(input: &Input) -> String {
    match input {
        Input::Bool(b) => b.to_string(),
        Input::Num(x) => num(*x),
        Input::Text(t) => quoted(t),
    }
}

/// The parameter table as a Markdown table (used in docs/model.md; a test keeps it in sync).
pub fn markdown(specs: &[ParamSpec]) -> String {
    let english = Catalog::english();
    let mut out = String::new();
    for group in Group::ALL {
        let rows: Vec<&ParamSpec> = specs.iter().filter(|s| s.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        let adv = if group.advanced() { " (advanced)" } else { "" };
        let _ = writeln!(out, "\n### {}{adv}\n", group.label_in(english));
        out.push_str("| key | symbol | meaning | default | allowed | source |\n");
        out.push_str("|---|---|---|---|---|---|\n");
        for s in rows {
            let unit = unit_suffix(s.unit);
            let default = match s.default {
                Value::Num(_) => format!("{}{unit}", s.default.to_text()),
                Value::Choice(c) => c.to_string(),
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | **{}.** {}{} | {} | {} | {} |",
                s.key,
                s.symbol,
                s.label_in(english),
                s.meaning_in(english),
                if s.live {
                    " *Live: may change during a run.*"
                } else {
                    ""
                },
                default,
                match s.built_for {
                    Some(b) => format!("{} (built for {})", s.allowed(), b.range_text(s.unit)),
                    None => s.allowed(),
                },
                s.source
            );
        }
    }
    out
}

/// A refused value said in a reader's language.
impl crate::i18n::Said for ParamError {
    fn said_in(&self, words: &Catalog) -> String {
        ParamError::said_in(self, words)
    }
}

impl crate::i18n::Lang {
    /// The language of a code (`fr`, `es`, `en`; a region such as `fr-CA` is accepted and
    /// dropped); an unknown one is an error naming `field` and the codes there are.
    pub fn parse(field: &str, code: &str) -> Result<crate::i18n::Lang, ParamError> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        crate::i18n::Lang::ALL
            .into_iter()
            .find(|l| l.code() == primary)
            .ok_or_else(|| {
                let shown = format!("{:?}", crate::format::short(code, crate::format::QUOTED));
                ParamError::localized(
                    field,
                    Msg::new("error-not-a-language")
                        .text("field", field)
                        .text("value", shown)
                        .text("allowed", crate::i18n::codes()),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_for_ranges_lie_inside_the_allowed_ones_and_hold_the_defaults() {
        for s in crate::schema() {
            let Some(b) = s.built_for else { continue };
            let Domain::Real { min, max, .. } = s.domain else {
                panic!("{}: built_for needs a real range", s.key);
            };
            assert!(min <= b.min && b.min < b.max && b.max <= max, "{}", s.key);
            let default = s.default.as_f64().unwrap_or(f64::NAN);
            let en = Catalog::english();
            assert!(
                s.outside_built_for(default, en).is_none(),
                "{}: default outside",
                s.key
            );
            let below = s.outside_built_for(b.min - (b.max - b.min), en);
            let above = s.outside_built_for(b.max + (b.max - b.min), en);
            assert!(below.is_some() || b.min == min, "{}", s.key);
            assert!(above.is_some() || b.max == max, "{}", s.key);
            assert!(above
                .or(below)
                .is_some_and(|t| t.contains(&s.label_in(en)) && t.contains(&s.why_in(en))));
        }
    }

    fn real() -> ParamSpec {
        Meta::real(Group::Loop, 0.0, 2.0, 0.05).finish("loop_strength", Value::Num(1.0))
    }

    #[test]
    fn numbers_in_range_pass_and_others_are_named() {
        let s = real();
        assert_eq!(s.check(&Input::Num(0.5)), Ok(Value::Num(0.5)));
        assert_eq!(s.check(&"1.5".into()), Ok(Value::Num(1.5)));
        let e = s.check(&Input::Num(7.0)).unwrap_err();
        assert_eq!(e.key, "loop_strength");
        assert_eq!(e.message, "`loop_strength` = 7 is out of range 0–2");
        for bad in ["NaN", "inf", "-inf", "", "0x10", "1,5", "abc", "<script>"] {
            let e = s.check(&bad.into()).unwrap_err();
            assert!(e.message.starts_with("`loop_strength` = "), "{}", e.message);
            assert!(e.message.contains("0–2"), "{}", e.message);
        }
        assert!(s.check(&Input::Num(f64::NAN)).is_err());
        assert!(s.check(&Input::Bool(true)).is_err());
    }

    #[test]
    fn integers_sets_and_choices() {
        let i = Meta::int(Group::Simulation, 0.0, 10.0).finish("seed", Value::Num(1.0));
        assert!(i
            .check(&Input::Num(2.5))
            .unwrap_err()
            .message
            .contains("whole number"));
        let set = Meta::set(Group::Task, &[1.0, 2.0, 4.0, 8.0]).finish("targets", Value::Num(1.0));
        assert_eq!(set.check(&"4".into()), Ok(Value::Num(4.0)));
        assert_eq!(
            set.check(&"3".into()).unwrap_err().message,
            "`targets` = 3 is not one of: 1, 2, 4, 8"
        );
        let c = Meta::choice(Group::Learning, &["graded", "binary"])
            .finish("reward", Value::Choice("graded"));
        assert_eq!(c.check(&"Binary".into()), Ok(Value::Choice("binary")));
        assert_eq!(
            c.check(&"gaussian".into()).unwrap_err().message,
            "`reward` = \"gaussian\" is not one of: graded, binary"
        );
        let sw = Meta::choice(Group::Cortex, &["on", "off"])
            .finish("innate_cue_map", Value::Choice("on"));
        assert_eq!(sw.check(&Input::Bool(false)), Ok(Value::Choice("off")));
        assert_eq!(sw.check(&"true".into()), Ok(Value::Choice("on")));
    }
}
