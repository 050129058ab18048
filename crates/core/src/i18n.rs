//! Languages: every word a reader sees comes from a message catalog by id.
//!
//! The catalogs are [Project Fluent](https://projectfluent.org) files, one folder per language
//! (`web/locales/<code>/*.ftl`, the same files for the page, the CLI and the tests). English is the
//! source and is compiled in; French and Spanish are read when chosen (the page fetches them on
//! demand). A message is an id with named arguments ([`Msg`]); [`Catalog::format`] makes the
//! sentence in the catalog's language, with numbers written the language's way (a decimal comma in
//! French and Spanish). Links, CSV and JSON never go through a catalog: they replay the same run
//! whatever the reader's language.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::Serialize;

/// A language bgloop speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the source language.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The code used in links (`lang=fr`), folders and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language's own name, for the language menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The character between a number's whole part and its decimals.
    pub fn decimal_mark(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Fr | Lang::Es => ',',
        }
    }
}

/// A unit as it follows a number, in any language: `°` and nothing stick to it, any other unit
/// (`ms`, `Hz`) after a space. (Units that are words are said by [`Catalog::unit_suffix`].)
pub fn unit_suffix(unit: &str) -> String {
    if unit.is_empty() || unit == "°" {
        unit.to_string()
    } else {
        format!(" {unit}")
    }
}

/// `en, fr, es`: the codes there are, for messages.
pub(crate) fn codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}

/// The catalog files of every language, in the order they are read (`web/locales/<code>/<file>`).
pub const FILES: [&str; 5] = [
    "page.ftl",
    "model.ftl",
    "tour.ftl",
    "messages.ftl",
    "charts.ftl",
];

/// The files of the catalog in `web/locales/<code>/`, compiled in, in [`FILES`] order.
macro_rules! catalog_files {
    ($code:literal) => {
        [
            catalog_files!(@file $code, "page.ftl"),
            catalog_files!(@file $code, "model.ftl"),
            catalog_files!(@file $code, "tour.ftl"),
            catalog_files!(@file $code, "messages.ftl"),
            catalog_files!(@file $code, "charts.ftl"),
        ]
    };
    (@file $code:literal, $file:literal) => {
        ($file, include_str!(concat!("../../../web/locales/", $code, "/", $file)))
    };
}

/// The English catalog, compiled in (the first load needs no other file).
const ENGLISH: [(&str, &str); 5] = catalog_files!("en");

/// The French catalog, for native programs.
#[cfg(feature = "languages")]
const FRENCH_FILES: [(&str, &str); 5] = catalog_files!("fr");

/// The Spanish catalog, for native programs.
#[cfg(feature = "languages")]
const SPANISH_FILES: [(&str, &str); 5] = catalog_files!("es");

pub use crate::said::{Arg, Msg, WORD_UNITS};

impl Msg {
    /// The sentence in English.
    pub fn english(&self) -> String {
        Catalog::english().format(self)
    }
}

/// An error, or any text for people, said in a catalog's language. Errors that exist only in
/// English say their English sentence.
pub trait Said {
    /// The sentence in `words`' language.
    fn said_in(&self, words: &Catalog) -> String;
}

impl Said for String {
    fn said_in(&self, _: &Catalog) -> String {
        self.clone()
    }
}

/// A catalog that could not be read: which file, which line, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CatalogError(String);

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalog({}, {} ids)", self.lang.code(), self.shape.len())
    }
}

/// The messages of one language.
pub struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// Every id (messages and terms) with its attributes and the variables it uses.
    shape: BTreeMap<String, Shape>,
}

/// What a catalog entry must have in every language: a value or not, its attributes and its
/// variables.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Whether it has a value (an element's text) besides its attributes.
    pub value: bool,
    /// The attribute names (`.meaning`).
    pub attributes: BTreeSet<String>,
    /// The variables used by the value and the attributes (`$field`).
    pub variables: BTreeSet<String>,
    /// The variables of each part on its own: `""` for the value, then each attribute by name. A
    /// translation must use the same ones in the same part (one that drops a variable from an
    /// attribute and adds it to the value is wrong, though the union is the same).
    pub parts: BTreeMap<String, BTreeSet<String>>,
}

/// How deep placeables (`{ … }`) may nest in a catalog: real messages nest two or three deep.
pub const MAX_NESTING: usize = 16;

/// Where `text` first nests placeables deeper than [`MAX_NESTING`] (a byte offset), if it does.
/// Every brace counts, even one inside a string literal (`{ "{" }`): a quote cannot be told from
/// text without parsing, and a guard that skipped "literals" could be walked past. Real catalogs
/// write no braces in literals; one that did would be refused, never crash.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

impl Catalog {
    /// The catalog of `lang` from its files, `(name, text)` in [`FILES`] order; a syntax error or
    /// an id written twice is an error naming the file and the line.
    pub fn parse(lang: Lang, files: &[(&str, &str)]) -> Result<Catalog, CatalogError> {
        let tag = lang
            .code()
            .parse()
            .map_err(|_| CatalogError(format!("{} is not a language tag", lang.code())))?;
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Plain text out: no Unicode isolation marks around arguments (they would show in
        // canvases and tests, and every argument here is left-to-right).
        bundle.set_use_isolating(false);
        let mut shape = BTreeMap::new();
        for (name, text) in files {
            let line_of = |offset: usize| {
                let before = &text.as_bytes()[..offset.min(text.len())];
                before.iter().filter(|&&b| b == b'\n').count() + 1
            };
            // The parser recurses into nested placeables: a hostile file of thousands of `{ {`
            // would overflow the stack (a trap in wasm, fatal to the module). Refused first.
            if let Some(offset) = too_deep(text) {
                return Err(CatalogError(format!(
                    "{}/{name}: line {}: placeables nested more than {MAX_NESTING} deep",
                    lang.code(),
                    line_of(offset)
                )));
            }
            let resource =
                FluentResource::try_new((*text).to_string()).map_err(|(_, errors)| {
                    let first = errors.first().map_or_else(String::new, |e| {
                        format!(
                            " line {}: {}",
                            line_of(e.slice.as_ref().unwrap_or(&e.pos).start),
                            e.kind
                        )
                    });
                    CatalogError(format!("{}/{name}:{first}", lang.code()))
                })?;
            for entry in resource.entries() {
                if let Some((id, s)) = shape_of(entry) {
                    if shape.insert(id.clone(), s).is_some() {
                        return Err(CatalogError(format!(
                            "{}/{name}: `{id}` is written twice",
                            lang.code()
                        )));
                    }
                }
            }
            bundle.add_resource(resource).map_err(|errors| {
                CatalogError(format!("{}/{name}: {:?}", lang.code(), errors.first()))
            })?;
        }
        Ok(Catalog {
            lang,
            bundle,
            shape,
        })
    }

    /// The English catalog (compiled in).
    pub fn english() -> &'static Catalog {
        static ENGLISH_CATALOG: OnceLock<Catalog> = OnceLock::new();
        ENGLISH_CATALOG.get_or_init(|| match Catalog::parse(Lang::En, &ENGLISH) {
            Ok(c) => c,
            // A test reads the English catalog; a build with a broken one cannot ship.
            Err(e) => panic!("the English catalog is broken: {e}"),
        })
    }

    /// The catalog of `lang` as compiled into a native program (the CLI's `--lang`; the page
    /// fetches the files instead, so the wasm module carries only English).
    #[cfg(feature = "languages")]
    pub fn builtin(lang: Lang) -> &'static Catalog {
        static FRENCH: OnceLock<Catalog> = OnceLock::new();
        static SPANISH: OnceLock<Catalog> = OnceLock::new();
        let (cell, files) = match lang {
            Lang::En => return Catalog::english(),
            Lang::Fr => (&FRENCH, FRENCH_FILES),
            Lang::Es => (&SPANISH, SPANISH_FILES),
        };
        cell.get_or_init(|| match Catalog::parse(lang, &files) {
            Ok(c) => c,
            // The catalog test reads every catalog; a build with a broken one cannot ship.
            Err(e) => panic!("a built-in catalog is broken: {e}"),
        })
    }

    /// This catalog's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every id with its attributes and variables (the test that catalogs match reads it).
    pub fn shape(&self) -> &BTreeMap<String, Shape> {
        &self.shape
    }

    /// How this catalog differs from `source` (English) in what a translation must keep: ids
    /// missing or extra, and for each id whether it has a value, its attributes and its variables.
    /// Empty for a complete translation.
    pub fn differences(&self, source: &Catalog) -> Vec<String> {
        let code = self.lang.code();
        let mut out = Vec::new();
        for (id, shape) in &source.shape {
            match self.shape.get(id) {
                None => out.push(format!("{code} lacks `{id}`")),
                Some(theirs) if theirs.value != shape.value => out.push(format!(
                    "{code}: `{id}` has a value where English has none, or none where it has one"
                )),
                Some(theirs) if theirs.attributes != shape.attributes => out.push(format!(
                    "{code}: `{id}` has other attributes than in English"
                )),
                Some(theirs) if theirs.parts != shape.parts => {
                    let part = shape
                        .parts
                        .iter()
                        .find(|(k, v)| theirs.parts.get(*k) != Some(v))
                        .or_else(|| {
                            theirs
                                .parts
                                .iter()
                                .find(|(k, _)| !shape.parts.contains_key(*k))
                        })
                        .map_or_else(String::new, |(k, _)| {
                            if k.is_empty() {
                                " in its value".to_string()
                            } else {
                                format!(" in `.{k}`")
                            }
                        });
                    out.push(format!(
                        "{code}: `{id}` uses other variables than in English{part}"
                    ))
                }
                Some(_) => {}
            }
        }
        for id in self
            .shape
            .keys()
            .filter(|id| !source.shape.contains_key(*id))
        {
            out.push(format!("{code} has `{id}`, which English does not"));
        }
        out
    }

    /// Whether this catalog has a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The text of message `id` (its attribute `attr` if given) with `args`, or `None` if this
    /// catalog has no such message.
    fn lookup(&self, id: &str, attr: Option<&str>, args: &[(&'static str, Arg)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            let value: FluentValue = match arg {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Num(x) => FluentValue::from(self.number(*x)),
                Arg::Fixed(x, d) => FluentValue::from(self.fixed(*x, *d)),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Numbers(t) => FluentValue::from(self.marked_between_digits(t)),
                Arg::Said(m) => FluentValue::from(self.format(m)),
                Arg::WithUnit(t, unit) => FluentValue::from(format!(
                    "{}{}",
                    self.marked_between_digits(t),
                    self.unit_suffix(unit)
                )),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// The sentence of `msg` in this language (in English if this catalog lacks it, which the
    /// catalog test forbids; the id itself if no catalog has it).
    pub fn format(&self, msg: &Msg) -> String {
        self.lookup(msg.id, None, &msg.args)
            .or_else(|| Catalog::english().lookup(msg.id, None, &msg.args))
            .unwrap_or_else(|| msg.id.to_string())
    }

    /// The value of message `id` with `args` (in English if this catalog lacks it), or `None`
    /// if it has only attributes or no catalog has it.
    pub fn value_with(&self, id: &str, args: &[(&'static str, Arg)]) -> Option<String> {
        self.lookup(id, None, args)
            .or_else(|| Catalog::english().lookup(id, None, args))
    }

    /// Attribute `attr` of message `id` with `args` (in English if this catalog lacks it).
    pub fn attr_with(&self, id: &str, attr: &str, args: &[(&'static str, Arg)]) -> String {
        self.lookup(id, Some(attr), args)
            .or_else(|| Catalog::english().lookup(id, Some(attr), args))
            .unwrap_or_else(|| format!("{id}.{attr}"))
    }

    /// The text of a message with no arguments.
    pub fn text(&self, id: &str) -> String {
        self.lookup(id, None, &[])
            .or_else(|| Catalog::english().lookup(id, None, &[]))
            .unwrap_or_else(|| id.to_string())
    }

    /// The text of a message that may be missing (a preset's optional paragraph).
    pub fn maybe(&self, id: &str, attr: Option<&str>) -> Option<String> {
        self.lookup(id, attr, &[])
            .or_else(|| Catalog::english().lookup(id, attr, &[]))
    }

    /// The text of attribute `attr` of message `id`.
    pub fn attr(&self, id: &str, attr: &str) -> String {
        self.maybe(id, Some(attr))
            .unwrap_or_else(|| format!("{id}.{attr}"))
    }

    /// `x` in its shortest exact form, with this language's decimal mark (`0,25` in French).
    pub fn number(&self, x: f64) -> String {
        self.marked(crate::format::num(x))
    }

    /// `x` with `decimals` decimals and this language's decimal mark.
    pub fn fixed(&self, x: f64, decimals: usize) -> String {
        let x = if x == 0.0 { 0.0 } else { x };
        self.marked(format!("{x:.decimals$}"))
    }

    /// A unit as it follows a number, in this language: ` essais` for `trials`, `°`, ` ms`.
    pub fn unit_suffix(&self, unit: &str) -> String {
        if WORD_UNITS.contains(&unit) {
            format!(" {}", self.text(&format!("unit-{unit}")))
        } else {
            unit_suffix(unit)
        }
    }

    /// `text` with each `.` between two digits written as this language's decimal mark.
    pub fn marked_between_digits(&self, text: &str) -> String {
        let mark = self.lang.decimal_mark();
        if mark == '.' {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let digit = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_some_and(char::is_ascii_digit)
        };
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if c == '.' && digit(i.checked_sub(1)) && digit(Some(i + 1)) {
                    mark
                } else {
                    c
                }
            })
            .collect()
    }

    fn marked(&self, text: String) -> String {
        match self.lang.decimal_mark() {
            '.' => text,
            mark => text.replace('.', &mark.to_string()),
        }
    }
}

/// The id and shape of one catalog entry (comments and junk have none).
fn shape_of(entry: &ast::Entry<&str>) -> Option<(String, Shape)> {
    let (id, value, attributes) = match entry {
        ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
        _ => return None,
    };
    let mut shape = Shape {
        value: value.is_some(),
        ..Shape::default()
    };
    if let Some(p) = value {
        variables(p, shape.parts.entry(String::new()).or_default());
    }
    for a in attributes {
        shape.attributes.insert(a.id.name.to_string());
        variables(
            &a.value,
            shape.parts.entry(a.id.name.to_string()).or_default(),
        );
    }
    shape.variables = shape.parts.values().flatten().cloned().collect();
    Some((id, shape))
}

/// The variables a pattern uses, its select expressions' variants included.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_translation_is_checked_part_by_part_for_its_variables() {
        let en = Catalog::parse(
            Lang::En,
            &[(
                "page.ftl",
                "m = { $a } and { $b }\n    .title = about { $b }\n",
            )],
        )
        .expect("English");
        // The same union of variables, but the attribute dropped `$b` and the value kept it.
        let moved = Catalog::parse(
            Lang::Fr,
            &[("page.ftl", "m = { $a } et { $b }\n    .title = à propos\n")],
        )
        .expect("French");
        let d = moved.differences(&en);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].contains("in `.title`"), "{d:?}");
        let right = Catalog::parse(
            Lang::Fr,
            &[(
                "page.ftl",
                "m = { $a } et { $b }\n    .title = à propos de { $b }\n",
            )],
        )
        .expect("French");
        assert!(right.differences(&en).is_empty());
    }

    #[test]
    fn a_catalog_nested_thousands_deep_is_refused_not_a_crash() {
        let hostile = format!("hello = {}x{}\n", "{ ".repeat(5000), " }".repeat(5000));
        let e = Catalog::parse(Lang::Fr, &[("page.ftl", &hostile)]).expect_err("refused");
        assert!(e.to_string().contains("nested more than 16 deep"), "{e}");
        assert!(e.to_string().contains("fr/page.ftl: line 1"), "{e}");
        // Real nesting of a few levels is fine; a quote in a variant's text cannot hide nesting.
        let fine = "b = { $n -> \n   *[other] { { \"x\" } } \"quoted\"\n}\n";
        assert!(Catalog::parse(Lang::Fr, &[("page.ftl", fine)]).is_ok());
        let hidden = format!(
            "m = {{ $n ->\n *[other] \" {}x{}\n}}\n",
            "{ ".repeat(5000),
            " }".repeat(5000)
        );
        let e = Catalog::parse(Lang::Fr, &[("page.ftl", &hidden)]).expect_err("refused");
        assert!(e.to_string().contains("nested more than 16 deep"), "{e}");
    }

    use super::{Catalog, Lang, Msg};

    #[test]
    fn english_reads_and_formats_with_arguments() {
        let en = Catalog::english();
        let text = en.format(
            &Msg::new("error-out-of-range")
                .text("field", "dopamine")
                .num("value", 7.5)
                .num("min", 0.0)
                .num("max", 2.0),
        );
        assert_eq!(text, "`dopamine` = 7.5 is out of range 0–2");
    }

    #[test]
    fn a_decimal_comma_in_french_and_spanish_never_in_english() {
        let fr = Catalog::parse(Lang::Fr, &[("page.ftl", "x = { $v }\n")]).expect("reads");
        assert_eq!(fr.format(&Msg::new("x").num("v", 0.25)), "0,25");
        assert_eq!(fr.fixed(-0.0001, 1), "-0,0");
        assert_eq!(Catalog::english().number(0.25), "0.25");
    }

    #[test]
    fn a_broken_catalog_names_the_file_and_line() {
        let e = Catalog::parse(Lang::Es, &[("page.ftl", "a = 1\nb = {\n")]).expect_err("refused");
        assert!(e.to_string().starts_with("es/page.ftl: line 2"), "{e}");
        let twice = Catalog::parse(
            Lang::Es,
            &[("page.ftl", "a = 1\n"), ("tour.ftl", "a = 2\n")],
        )
        .expect_err("refused");
        assert!(
            twice.to_string().contains("`a` is written twice"),
            "{twice}"
        );
    }

    #[test]
    fn a_language_code_is_checked() {
        assert_eq!(Lang::parse("lang", "fr-CA").ok(), Some(Lang::Fr));
        let e = Lang::parse("lang", "de").expect_err("refused");
        assert_eq!(
            e.message,
            "`lang` = \"de\" is not a language bgloop speaks: en, fr, es"
        );
    }
}
