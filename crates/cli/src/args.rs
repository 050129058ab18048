//! A small, strict parser for `--flag value` arguments: every flag is consumed exactly once by the
//! command that knows it, and whatever is left is an error naming it.

use std::fmt;

/// A mistake in the command line, in one sentence.
#[derive(Debug)]
pub struct UsageError(String);

impl UsageError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        UsageError(message.into())
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The arguments after the command, consumed flag by flag.
pub struct Args {
    items: Vec<Option<String>>,
    /// Where the options end: the index of a `--` argument (what follows is positional, even
    /// when it looks like a flag), or the number of arguments.
    options_end: usize,
}

impl Args {
    /// Wraps the raw arguments.
    pub fn new(raw: &[String]) -> Self {
        Args {
            items: raw.iter().cloned().map(Some).collect(),
            options_end: raw.iter().position(|a| a == "--").unwrap_or(raw.len()),
        }
    }

    /// All values of a repeatable flag (`--set a=1 --set b=2` or `--set=a=1`).
    pub fn values(&mut self, flag: &str) -> Result<Vec<String>, UsageError> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.options_end {
            let Some(item) = self.items[i].clone() else {
                i += 1;
                continue;
            };
            if item == flag {
                self.items[i] = None;
                let value = (i + 1 < self.options_end)
                    .then(|| self.items.get_mut(i + 1).and_then(Option::take))
                    .flatten();
                match value {
                    Some(v) => out.push(v),
                    None => return Err(UsageError::new(format!("{flag} needs a value"))),
                }
                i += 2;
            } else if let Some(v) = item.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
                out.push(v.to_string());
                self.items[i] = None;
                i += 1;
            } else {
                i += 1;
            }
        }
        Ok(out)
    }

    /// The value of a flag given at most once.
    pub fn value(&mut self, flag: &str) -> Result<Option<String>, UsageError> {
        let mut v = self.values(flag)?;
        match v.len() {
            0 => Ok(None),
            1 => Ok(v.pop()),
            _ => Err(UsageError::new(format!("{flag} is given more than once"))),
        }
    }

    /// Whether a flag without a value is present (consumes it).
    pub fn flag(&mut self, flag: &str) -> bool {
        let mut found = false;
        for item in &mut self.items[..self.options_end] {
            if item.as_deref() == Some(flag) {
                *item = None;
                found = true;
            }
        }
        found
    }

    /// A whole number in `[min, max]`.
    pub fn number(&mut self, flag: &str, min: u64, max: u64) -> Result<Option<u64>, UsageError> {
        match self.value(flag)? {
            None => Ok(None),
            Some(v) => match v.trim().parse::<u64>() {
                Ok(x) if (min..=max).contains(&x) => Ok(Some(x)),
                _ => Err(UsageError::new(format!(
                    "{flag} {v:?} must be a whole number in {min}–{max}"
                ))),
            },
        }
    }

    /// One of a few words.
    pub fn choice(
        &mut self,
        flag: &str,
        options: &[&'static str],
    ) -> Result<Option<&'static str>, UsageError> {
        match self.value(flag)? {
            None => Ok(None),
            Some(v) => options
                .iter()
                .find(|o| **o == v)
                .map(|o| Some(*o))
                .ok_or_else(|| {
                    UsageError::new(format!(
                        "{flag} {v:?} is not one of: {}",
                        options.join(", ")
                    ))
                }),
        }
    }

    /// Every argument not consumed yet (positional arguments), in order; consumes them.
    pub fn rest(&mut self) -> Vec<String> {
        // `--` ends the options: what follows is taken as it is (a file named `--json`).
        if let Some(dashes) = self.items.get_mut(self.options_end) {
            *dashes = None;
        }
        self.items.iter_mut().filter_map(Option::take).collect()
    }

    /// Fails on the first argument no flag consumed.
    pub fn finish(&self) -> Result<(), UsageError> {
        match self.items.iter().flatten().next() {
            None => Ok(()),
            Some(x) => Err(UsageError::new(format!(
                "unexpected argument {x:?} (see `bgloop help`)"
            ))),
        }
    }
}
