//! `bgloop phenomena`: the phenomena P1–P6 and the long-run invariants, checked on their seeds.

use crate::args::Args;
use crate::cmd::claims::report_checks;
use crate::Failure;
use bgloop_core::phenomena;
use std::process::ExitCode;

pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let mut opts = phenomena::PhenomenaOptions::default();
    if let Some(s) = args.number("--seeds", 1, 50)? {
        opts.seeds = s as u32;
    }
    if let Some(s) = args.number("--long-seeds", 0, 50)? {
        opts.long_run = (s > 0).then(|| bgloop_core::longrun::LongRunOptions {
            seeds: s as u32,
            ..Default::default()
        });
    }
    args.finish()?;
    let started = std::time::Instant::now();
    let checks = phenomena::run_all(&opts).map_err(|e| Failure::Run(e.to_string()))?;
    report_checks(&checks, started)
}
