//! `bgloop run`: the trial records of a run (or a comparison), streamed; `--summary` states the
//! result instead.

use crate::args::Args;
use crate::cmd::start::build_start;
use crate::cmd::summary;
use crate::{usage, writing, Failure};
use bgloop_core::{record, Simulation};
use std::io::Write;
use std::process::ExitCode;

/// Writes the records of `sim`'s next `trials` trials as they are made (so no run is limited
/// by the history kept in memory); `run` names the run of a comparison in errors.
fn stream<W: Write>(
    w: &mut record::Writer<W>,
    sim: &mut Simulation,
    trials: u32,
    run: Option<&str>,
) -> Result<(), Failure> {
    for _ in 0..trials {
        let r = sim.run_trial().map_err(|e| {
            Failure::Run(match run {
                Some(name) => format!("run {name}: {e}"),
                None => e.to_string(),
            })
        })?;
        w.record(&r).map_err(writing)?;
    }
    Ok(())
}

/// `bgloop run`: the records of one run, or of a comparison's runs one after the other (A's, then
/// B's: each streamed, so a run of a million trials needs no memory for its records).
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let start = build_start(args)?;
    let trials = args.number("--trials", 1, 1_000_000)?.unwrap_or(100) as u32;
    if args.flag("--summary") {
        let text = summary::run(args, start, trials)?;
        out!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let experiment = start.experiment;
    let format = match args.choice("--format", &["csv", "jsonl", "json"])? {
        Some("jsonl") => record::Format::Jsonl,
        Some("json") => record::Format::Json,
        _ => record::Format::Csv,
    };
    let out = args.value("--out")?;
    args.finish()?;
    let (a, b) = experiment.simulations().map_err(usage)?;
    let sink: Box<dyn Write> = match &out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| Failure::Run(format!("--out {path:?}: {e}")))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let comparison = experiment.is_comparison();
    let mut w = record::Writer::new(sink, format, comparison).map_err(writing)?;
    let mut result = Ok(());
    for ((name, protocol), mut sim) in experiment.runs().zip(std::iter::once(a).chain(b)) {
        w.begin_run(name, &protocol.config, &protocol.schedule)
            .map_err(writing)?;
        let outcome = stream(&mut w, &mut sim, trials, comparison.then_some(name));
        w.end_run().map_err(writing)?;
        if outcome.is_err() {
            result = outcome;
            break;
        }
    }
    w.finish().map_err(writing)?;
    result.map(|()| ExitCode::SUCCESS)
}
