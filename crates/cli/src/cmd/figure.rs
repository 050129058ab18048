//! `bgloop figure`: the page's exported figure of a run or a comparison, as SVG or PNG.

use crate::args::{Args, UsageError};
use crate::cmd::start::build_experiment;
use crate::{png, usage, words, Failure};
use bgloop_core::session::Session;
use std::process::ExitCode;

/// Checks `--out` of a figure before anything runs: an `.svg` or `.png` name in a folder that
/// exists (a path through a file says which part is the file).
pub(crate) fn check_figure_out(path: &str) -> Result<(), UsageError> {
    let lower = path.to_ascii_lowercase();
    if !(lower.ends_with(".svg") || lower.ends_with(".png")) {
        return Err(UsageError::new(format!(
            "--out {:?}: a figure is written as .svg or .png; name the file FILE.svg or FILE.png",
            bgloop_core::format::short(path, 80)
        )));
    }
    let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    // The first part of the path that is there but is not a folder, if any.
    let blocking = dir
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| a.exists() && !a.is_dir());
    Err(UsageError::new(match blocking {
        Some(file) => format!(
            "--out: {} is a file, not a folder, so nothing can be written inside it",
            file.display()
        ),
        None => format!("--out: the folder {} does not exist", dir.display()),
    }))
}

/// `bgloop figure`: runs an experiment (one run or a comparison) in a session, as the page does,
/// and draws the figure the page's "Export figure → SVG" draws.
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let (experiment, preset) = build_experiment(args)?;
    let trials = args.number("--trials", 1, 1_000_000)?.unwrap_or(100) as u32;
    let no_hand = args.flag("--no-hand");
    let link_base = args.value("--link-base")?.unwrap_or_default();
    let (width, height) = match args.value("--size")? {
        None => (1200, 560),
        Some(s) => s
            .split_once('x')
            .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
            .filter(|(w, h)| (300..=8000).contains(w) && (200..=8000).contains(h))
            .ok_or_else(|| {
                UsageError::new(format!(
                    "--size {s:?} must be WIDTHxHEIGHT, 300–8000 by 200–8000 pixels"
                ))
            })?,
    };
    let out = args.value("--out")?;
    if let Some(path) = out.as_deref() {
        check_figure_out(path)?;
    }
    args.finish()?;
    let mut session = Session::new(std::iter::empty::<(&str, f64)>()).map_err(usage)?;
    session.record_traces(2.0, true).map_err(usage)?;
    session.open(experiment, preset).map_err(usage)?;
    let mut left = trials;
    while left > 0 {
        let n = left.min(bgloop_core::session::MAX_TRIALS_PER_CALL);
        session
            .run_trials(f64::from(n))
            .map_err(|e| Failure::Run(bgloop_core::i18n::Said::said_in(&e, words())))?;
        left -= n;
    }
    let figure = bgloop_charts::figure::Figure::of_session(&session, !no_hand, &link_base, words());
    if let Some(path) = out
        .as_deref()
        .filter(|p| p.to_ascii_lowercase().ends_with(".png"))
    {
        png::write(path, &figure, (width, height))?;
        return Ok(ExitCode::SUCCESS);
    }
    let svg = figure
        .svg(width, height)
        .map_err(|e| Failure::Run(e.to_string()))?;
    match out {
        Some(path) => {
            std::fs::write(&path, svg).map_err(|e| Failure::Run(format!("--out {path:?}: {e}")))?
        }
        None => out!("{svg}"),
    }
    Ok(ExitCode::SUCCESS)
}
