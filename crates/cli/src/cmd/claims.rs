//! `bgloop claims`: the paper's claims C1–C5, checked on their seeds.

use crate::args::{Args, UsageError};
use crate::Failure;
use bgloop_core::claims;
use std::process::ExitCode;

pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let seeds = args.number("--seeds", 1, 50)?.map(|s| s as u32);
    let only = args.value("--only")?;
    args.finish()?;
    let started = std::time::Instant::now();
    let checks = match only {
        None => claims::run_all(seeds),
        Some(list) => {
            let mut opts = claims::ClaimOptions::default();
            if let Some(s) = seeds {
                opts.seeds = s;
                opts.babbling_seeds = s;
            }
            let mut out = Vec::new();
            for name in list.split(',') {
                let claim = match name.trim().to_ascii_uppercase().as_str() {
                    "C1" => claims::Claim::C1,
                    "C2" => claims::Claim::C2,
                    "C3" => claims::Claim::C3,
                    "C4" => claims::Claim::C4,
                    "C5" => claims::Claim::C5,
                    _ => {
                        return Err(UsageError::new(format!(
                            "--only {name:?}: claims are C1, C2, C3, C4, C5"
                        ))
                        .into())
                    }
                };
                match claims::run(claim, &opts) {
                    Ok(c) => out.extend(c),
                    Err(e) => return Err(Failure::Run(e.to_string())),
                }
            }
            Ok(out)
        }
    }
    .map_err(|e| Failure::Run(e.to_string()))?;
    report_checks(&checks, started)
}

/// Prints a claims or phenomena table and its summary line; exit 1 if any check failed.
pub(crate) fn report_checks(
    checks: &[claims::Check],
    started: std::time::Instant,
) -> Result<ExitCode, Failure> {
    out!("{}", claims::table(checks));
    let failed = checks.iter().filter(|c| !c.pass).count();
    outln!(
        "{} passed, {} failed ({:.0} s)",
        checks.len() - failed,
        failed,
        started.elapsed().as_secs_f64()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
