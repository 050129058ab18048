//! `bgloop run --summary`: the result of a run — each run's mean |error| and spread, reward rate,
//! reaches made and reach time over the last 50 trials or the windows named — computed by the
//! same session and said in the same words as the page.

use crate::args::Args;
use crate::cmd::start::Start;
use crate::{usage, words, Failure, UsageError};
use bgloop_core::result::Window;
use bgloop_core::session::{Session, MAX_TRIALS_PER_CALL};

/// Runs `start` for `trials` trials and returns its result: the page's sentences (one per
/// window), or with `--format json` the numbers.
pub(crate) fn run(args: &mut Args, start: Start, trials: u32) -> Result<String, Failure> {
    let windows = match args.value("--window")? {
        Some(text) => Window::parse_list("--window", &text, trials).map_err(usage)?,
        None => start.windows,
    };
    let json = match args.choice("--format", &["text", "json"])? {
        Some("json") => true,
        Some(_) | None => false,
    };
    args.finish()?;
    if let Some(w) = windows.iter().find(|w| w.to > trials) {
        return Err(UsageError::new(format!(
            "--window {}: ends after trial {trials}, the last this run makes (--trials)",
            w.link_text()
        ))
        .into());
    }
    let mut session = Session::new(std::iter::empty::<(&str, f64)>()).map_err(usage)?;
    session
        .open(start.experiment, start.preset)
        .map_err(usage)?;
    session.set_windows(windows);
    let mut left = trials;
    while left > 0 {
        let n = left.min(MAX_TRIALS_PER_CALL);
        session
            .run_trials(f64::from(n))
            .map_err(|e| Failure::Run(bgloop_core::i18n::Said::said_in(&e, words())))?;
        left -= n;
    }
    if json {
        let results =
            serde_json::to_string(&session.results()).map_err(|e| Failure::Run(e.to_string()))?;
        return Ok(format!("{results}\n"));
    }
    let mut text = String::new();
    for said in session.view(words()).said {
        text.push_str(&said.heading);
        text.push('\n');
        for (run, line) in &said.runs {
            let name = if run.is_empty() {
                String::new()
            } else {
                format!("{run}: ")
            };
            text.push_str(&format!("  {name}{line}\n"));
        }
    }
    Ok(text)
}
