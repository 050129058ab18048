//! `bgloop presets`: every preset, a line each, with the claim it illustrates.

use crate::args::Args;
use crate::Failure;
use bgloop_core::presets;
use std::process::ExitCode;

/// Lists the presets: name, description and claim.
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    args.finish()?;
    for p in presets::PRESETS {
        outln!(
            "{:<14} {} [{}]",
            p.name,
            p.description_in(crate::words()),
            p.claim
        );
    }
    Ok(ExitCode::SUCCESS)
}
