//! What core says to people, before it is in a language: a catalog id and its named arguments
//! (`Msg`, `Arg`). Core carries these, never English; [`crate::i18n`] turns them into a
//! language's words. This module depends on nothing of the crate, so everything — `schema`,
//! `i18n`, the session — can say things through it.

/// One argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text, inserted as it is.
    Text(String),
    /// A measured number, written in its shortest exact form with the language's decimal mark.
    Num(f64),
    /// A number with a fixed count of decimals, with the language's decimal mark.
    Fixed(f64, usize),
    /// A count: plural forms choose on it.
    Count(i64),
    /// Text with numbers in it written the English way (`0.5–2 rad`, a value as typed): a `.`
    /// between two digits becomes the language's decimal mark.
    Numbers(String),
    /// Another message, said in the same language (an error inside "run B: …").
    Said(Box<Msg>),
    /// Numbers followed by a unit that is a word (`1–100000` and `trials`): the numbers with the
    /// language's decimal mark, the unit in the language.
    WithUnit(String, &'static str),
}

/// The units that are words, said in each language (`unit-trials`); the others (`ms`, `°`) are
/// written alike everywhere.
pub const WORD_UNITS: [&str; 2] = ["trials", "units"];

/// A sentence for people, not yet in a language: a catalog id and its named arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    /// The catalog id (`error-out-of-range`).
    pub id: &'static str,
    /// The arguments by name, as the catalog's `{ $name }` places them.
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// A message with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a measured number.
    pub fn num(mut self, name: &'static str, value: f64) -> Self {
        self.args.push((name, Arg::Num(value)));
        self
    }

    /// Adds a number with `decimals` decimals.
    pub fn fixed(mut self, name: &'static str, value: f64, decimals: usize) -> Self {
        self.args.push((name, Arg::Fixed(value, decimals)));
        self
    }

    /// Adds text with numbers in it (a range, a value as typed).
    pub fn numbers(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Numbers(value.into())));
        self
    }

    /// Adds another message, said in the same language.
    pub fn said(mut self, name: &'static str, value: Msg) -> Self {
        self.args.push((name, Arg::Said(Box::new(value))));
        self
    }

    /// Adds a count (plural forms choose on it).
    pub fn count(mut self, name: &'static str, value: impl Into<i64>) -> Self {
        self.args.push((name, Arg::Count(value.into())));
        self
    }
}
