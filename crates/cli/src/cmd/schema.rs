//! `bgloop schema`: every parameter, as JSON or as the docs' Markdown table.

use crate::args::Args;
use crate::Failure;
use bgloop_core::schema;
use std::process::ExitCode;

pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let format = args
        .choice("--format", &["json", "markdown"])?
        .unwrap_or("markdown");
    args.finish()?;
    if format == "json" {
        let text =
            serde_json::to_string_pretty(schema()).map_err(|e| Failure::Run(e.to_string()))?;
        outln!("{text}");
    } else {
        out!("{}", bgloop_core::schema::markdown(schema()));
    }
    Ok(ExitCode::SUCCESS)
}
