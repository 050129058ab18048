//! `bgloop bench`: times the simulation natively (trials/s, FLOPs per trial, fraction of peak).

use crate::args::Args;
use crate::{bench, Failure};
use std::process::ExitCode;

/// Times the simulation natively and prints trials/s, FLOPs per trial and the fraction of peak.
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let trials = args.number("--trials", 10, 1_000_000)?.unwrap_or(1000) as u32;
    let json = args.flag("--json");
    let dump = args.flag("--dump-deterministic");
    args.finish()?;
    if dump {
        outln!("{}", bench::deterministic_trial().map_err(Failure::Run)?);
        return Ok(ExitCode::SUCCESS);
    }
    // The widest compilation first (what runs), then the portable one for the ratio.
    let widest = bgloop_core::network::Lanes::detect();
    let mut compilations = vec![widest];
    if widest != bgloop_core::network::Lanes::Portable {
        compilations.push(bgloop_core::network::Lanes::Portable);
    }
    let mut rows = Vec::new();
    for &lanes in &compilations {
        for n in [64, 128] {
            let t = if n > 64 { trials / 2 } else { trials };
            rows.push(bench::measure(n, t, lanes).map_err(Failure::Run)?);
        }
    }
    let ghz = bench::clock_ghz();
    if json {
        let doc = serde_json::json!({ "rows": rows, "clock_ghz": ghz });
        outln!("{doc}");
        return Ok(ExitCode::SUCCESS);
    }
    print_table(&rows, ghz)?;
    if rows.len() == 4 {
        outln!(
            "{} step / portable step: {:.2}× (N = 64), {:.2}× (N = 128); the same numbers bit for bit",
            rows[0].lanes,
            rows[0].trials_per_s / rows[2].trials_per_s,
            rows[1].trials_per_s / rows[3].trials_per_s
        );
    }
    if let Some(g) = ghz {
        outln!("peak of one core at {g:.2} GHz: {:.1} GFLOP/s with SSE2 f64 (2 lanes × add + mul), {:.1} with AVX2 (4 lanes; no FMA: fusing would change the numbers)", g * 4.0, g * 8.0);
    }
    Ok(ExitCode::SUCCESS)
}

/// The table of timings: a row per compilation and network size, with the fraction of one
/// core's peak when the clock is known.
fn print_table(rows: &[bench::Row], ghz: Option<f64>) -> Result<(), Failure> {
    outln!("native (release), default configuration, seed 1, trials end at the target:");
    outln!(
        "{:>9} {:>5} {:>8} {:>10} {:>11} {:>9} {:>8} {:>13} {:>8} {:>12} {:>12}",
        "step",
        "N",
        "trials",
        "trials/s",
        "µs/trial",
        "steps",
        "active",
        "MFLOP/trial",
        "GFLOP/s",
        "% SSE2 peak",
        "% AVX2 peak"
    );
    for r in rows {
        let (sse, avx) = match ghz {
            Some(g) => (
                format!("{:.1}", 100.0 * r.gflops / (g * 4.0)),
                format!("{:.1}", 100.0 * r.gflops / (g * 8.0)),
            ),
            None => ("—".into(), "—".into()),
        };
        outln!(
            "{:>9} {:>5} {:>8} {:>10.0} {:>11.1} {:>9.0} {:>8.1} {:>13.2} {:>8.2} {:>12} {:>12}",
            r.lanes,
            r.n,
            r.trials,
            r.trials_per_s,
            r.us_per_trial,
            r.steps_per_trial,
            r.active_units,
            r.flops_per_trial / 1e6,
            r.gflops,
            sse,
            avx
        );
    }
    Ok(())
}
