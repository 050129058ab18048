//! `bgloop`: the native command line of the BG–thalamo–cortical loop model.
//!
//! ```text
//! bgloop run [--preset NAME | --permalink LINK] [--set key=value]... [--at N:key=value]... [--ramp N1-N2:key=a..b]... [--seed S] [--trials N] [--format csv|jsonl|json] [--out FILE]
//! bgloop run … --summary [--window FROM-TO] [--format text|json]
//! bgloop figure [--preset NAME | --permalink LINK] [--set key=value]... [--trials N] [--out FILE.svg|FILE.png]
//! bgloop claims [--seeds K] [--only C1,C2,…]
//! bgloop phenomena [--seeds K] [--long-seeds K]
//! bgloop schema [--format json|markdown]
//! bgloop presets
//! bgloop share --out DIR [--site URL]
//! bgloop sweep … / bgloop merge FILE… / bgloop figure … / bgloop bench …
//! ```
//! Bad flags or values print one line naming the flag or key and what is allowed, and exit 2.

/// `print!` that reports a closed or full output (`| head`, `> /dev/full`) as an error, where
/// `print!` would panic.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let mut o = std::io::stdout().lock();
        write!(o, $($t)*)
            .and_then(|()| o.flush())
            .map_err(|e| crate::Failure::Run(format!("writing output: {e}")))?;
    }};
}

/// `println!` that reports a closed or full output as an error (see [`out!`]).
macro_rules! outln {
    ($($t:tt)*) => {{
        out!($($t)*);
        out!("\n");
    }};
}

mod args;
mod bench;
mod cmd;
mod png;

use args::{Args, UsageError};

use bgloop_core::i18n::{Catalog, Lang, Said};
use std::process::ExitCode;
use std::sync::OnceLock;

const USAGE: &str = "usage:
  bgloop run [--preset NAME | --permalink LINK] [--set key=value]... [--at N:key=value]... [--ramp N1-N2:key=a..b]... [--seed S] [--trials N] [--format csv|jsonl|json] [--out FILE]
  bgloop run … --summary [--window FROM-TO[,FROM-TO…]] [--format text|json]   (the result: each run's mean |error|, reward, reaches made and reach time over the last 50 trials or the windows)
  bgloop figure [--preset NAME | --permalink LINK] [--set key=value]... [--at …] [--ramp …] [--seed S] [--trials N] [--no-hand] [--size WxH] [--link-base URL] [--out FILE.svg|FILE.png]
  bgloop claims [--seeds K] [--only C1,C2,C3,C4,C5]
  bgloop phenomena [--seeds K] [--long-seeds K]
  bgloop schema [--format json|markdown]
  bgloop presets
  bgloop share --out DIR [--site URL]   (each preset's preview image and landing page, in every language)
  bgloop sweep [--preset NAME | --permalink LINK] [--set key=value]... --param key=from:to:count [--param key2=from:to:count] [--seeds K] [--trials N] [--shard K/N] [--measure error|executed|reward|reach|adapt|regime] [--jsonl] [--out FILE] [--figure FILE.svg|FILE.png]
  bgloop merge FILE... [--measure error|executed|reward|reach|adapt|regime] [--json]
  bgloop bench [--trials N] [--json] [--dump-deterministic]
  bgloop help
Any command takes --lang en|fr|es: figures and errors in that language (English by default).";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&argv) {
        Ok(code) => code,
        Err(Failure::Usage(e)) => {
            eprintln!("bgloop: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Run(e)) => {
            eprintln!("bgloop: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why a command failed: the user's input (exit 2) or the run itself (exit 1).
pub(crate) enum Failure {
    Usage(UsageError),
    Run(String),
}

impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Self {
        Failure::Usage(e)
    }
}

/// The language of figures and of errors in the user's input (`--lang`; English without it).
static WORDS: OnceLock<&'static Catalog> = OnceLock::new();

/// The catalog `--lang` chose.
pub(crate) fn words() -> &'static Catalog {
    WORDS.get().copied().unwrap_or_else(Catalog::english)
}

fn dispatch(argv: &[String]) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = argv.split_first() else {
        outln!("{USAGE}");
        return Ok(ExitCode::from(2));
    };
    let mut args = Args::new(rest);
    if let Some(code) = args.value("--lang")? {
        let lang = Lang::parse("--lang", &code).map_err(usage)?;
        let _ = WORDS.set(Catalog::builtin(lang));
    }
    match command.as_str() {
        "run" => cmd::run::command(&mut args),
        "claims" => cmd::claims::command(&mut args),
        "phenomena" => cmd::phenomena::command(&mut args),
        "figure" => cmd::figure::command(&mut args),
        "bench" => cmd::bench::command(&mut args),
        "sweep" => cmd::sweep::command(&mut args),
        "merge" => cmd::merge::command(&mut args),
        "schema" => cmd::schema::command(&mut args),
        "presets" => cmd::presets::command(&mut args),
        "share" => cmd::share::command(&mut args),
        "help" | "--help" | "-h" => {
            outln!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(UsageError::new(format!("unknown command {other:?}\n{USAGE}")).into()),
    }
}

/// A core error as a usage error (the user's input was refused), in `--lang`'s language.
pub(crate) fn usage(e: impl Said) -> UsageError {
    UsageError::new(e.said_in(words()))
}

/// An output error as a failure of the run.
pub(crate) fn writing(e: std::io::Error) -> Failure {
    Failure::Run(format!("writing output: {e}"))
}
