//! What a command starts from: a preset or a link, then `--set`, `--at`, `--ramp` and `--seed`.

use crate::args::{Args, UsageError};
use crate::usage;
use bgloop_core::{permalink, presets, Experiment};

/// Builds the experiment a command runs, and the preset it starts from: a preset or a link, then
/// `--set`, `--at` and `--ramp` entries in order, then `--seed` — entries for both runs, so run B
/// of a comparison takes them wherever it has no value of its own (core's [`Experiment::apply`],
/// the rule of a link's plain entries).
pub(crate) fn build_experiment(
    args: &mut Args,
) -> Result<(Experiment, Option<&'static str>), UsageError> {
    build_start(args).map(|s| (s.experiment, s.preset))
}

/// What a command starts from: the experiment, its preset, and the windows its link names for
/// the result (`window=`).
pub(crate) struct Start {
    pub(crate) experiment: Experiment,
    pub(crate) preset: Option<&'static str>,
    pub(crate) windows: Vec<bgloop_core::result::Window>,
}

/// The experiment of `--permalink`/`--preset`, `--set`, `--at`, `--ramp` and `--seed`, with the
/// link's windows.
pub(crate) fn build_start(args: &mut Args) -> Result<Start, UsageError> {
    let (mut experiment, preset, windows) = starting_point(args)?;
    let entries = entries(args)?;
    experiment
        .apply(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(usage)?;
    experiment.validate().map_err(usage)?;
    for note in experiment.a.config.notes(crate::words()) {
        eprintln!("bgloop: note: {note}");
    }
    Ok(Start {
        experiment,
        preset,
        windows,
    })
}

/// The experiment of `--permalink` or `--preset` (or the defaults), its preset, and the link's
/// windows.
type Starting = (
    Experiment,
    Option<&'static str>,
    Vec<bgloop_core::result::Window>,
);

/// The experiment of `--permalink` or `--preset` (or the defaults), its preset, and the windows
/// the link names.
fn starting_point(args: &mut Args) -> Result<Starting, UsageError> {
    match (args.value("--permalink")?, args.value("--preset")?) {
        (Some(_), Some(_)) => Err(UsageError::new(
            "--permalink and --preset cannot be combined (a link can name its preset: preset=NAME)",
        )),
        (Some(link), None) => {
            let decoded = permalink::decode(&link);
            if decoded.version > permalink::VERSION {
                return Err(UsageError::new(format!(
                    "--permalink: made by a newer bgloop (v={}; this is v={}), so it cannot be replayed exactly",
                    decoded.version,
                    permalink::VERSION
                )));
            }
            for note in decoded.notes_in(crate::words()) {
                eprintln!("bgloop: note: {note}");
            }
            if !decoded.rejected.is_empty() {
                let reasons: Vec<String> = decoded
                    .rejected
                    .iter()
                    .map(|r| format!("{} ({})", r.reason_in(crate::words()), r.entry))
                    .collect();
                return Err(UsageError::new(format!(
                    "--permalink: {}",
                    reasons.join("; ")
                )));
            }
            let windows = decoded
                .view
                .iter()
                .find(|(k, _)| k == "window")
                .and_then(|(k, v)| {
                    bgloop_core::result::Window::parse_list(k, v, bgloop_core::view::MAX_END_TRIAL)
                        .ok()
                })
                .unwrap_or_default();
            Ok((decoded.experiment, decoded.preset, windows))
        }
        (None, Some(name)) => {
            let p = presets::preset(&name).ok_or_else(|| {
                UsageError::new(format!(
                    "--preset {name:?} is not one of: {}",
                    presets::names()
                ))
            })?;
            Ok((p.experiment().map_err(usage)?, Some(p.name), Vec::new()))
        }
        (None, None) => Ok((Experiment::default(), None, Vec::new())),
    }
}

/// The `--set`, `--at`, `--ramp` and `--seed` entries, in that order, as `key=value` pairs.
fn entries(args: &mut Args) -> Result<Vec<(String, String)>, UsageError> {
    let mut entries: Vec<(String, String)> = Vec::new();
    for pair in args.values("--set")? {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            UsageError::new(format!(
                "--set {pair:?} must be key=value (see `bgloop schema`)"
            ))
        })?;
        entries.push((key.trim().to_string(), value.to_string()));
    }
    for (flag, example) in [
        ("--at", "150:gpi_output=0"),
        ("--ramp", "50-250:rotation_deg=0..60"),
    ] {
        for text in args.values(flag)? {
            let bad = || UsageError::new(format!("{flag} {text:?} must look like {example}"));
            let (when, rest) = text.split_once(':').ok_or_else(bad)?;
            let (key, value) = rest.split_once('=').ok_or_else(bad)?;
            if (flag == "--ramp") != value.contains("..") {
                return Err(bad());
            }
            entries.push((
                format!("@{}.{}", when.trim(), key.trim()),
                value.to_string(),
            ));
        }
    }
    if let Some(seed) = args.value("--seed")? {
        entries.push(("seed".to_string(), seed));
    }
    Ok(entries)
}
