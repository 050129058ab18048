//! `bgloop merge`: the JSON lines of sweep shards, checked and merged into one summary.

use crate::args::{Args, UsageError};
use crate::cmd::sweep::{measure_arg, summary_table};
use crate::Failure;
use bgloop_core::sweep;
use std::process::ExitCode;

/// The most bytes one shard file may have (a 200-value, 100-seed sweep writes about 3 MB).
const MAX_SHARD_BYTES: u64 = 64 << 20;

/// A shard file's text: a regular file of at most [`MAX_SHARD_BYTES`] (never a device or a pipe
/// that could grow without end).
fn read_shard(f: &str) -> Result<String, Failure> {
    use std::io::Read;
    let meta = std::fs::metadata(f).map_err(|e| Failure::Run(format!("{f:?}: {e}")))?;
    if !meta.is_file() {
        return Err(UsageError::new(format!(
            "{f:?} is not a regular file; merge reads the files written by `bgloop sweep --shard K/N --out FILE`"
        ))
        .into());
    }
    let mut text = String::new();
    std::fs::File::open(f)
        .and_then(|file| file.take(MAX_SHARD_BYTES + 1).read_to_string(&mut text))
        .map_err(|e| Failure::Run(format!("{f:?}: {e}")))?;
    if text.len() as u64 > MAX_SHARD_BYTES {
        return Err(UsageError::new(format!(
            "{f:?} is larger than a shard can be ({} MiB)",
            MAX_SHARD_BYTES >> 20
        ))
        .into());
    }
    Ok(text)
}

/// Merges the JSON lines of sweep shards into one summary.
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let json = args.flag("--json");
    let measure = measure_arg(args)?;
    let files = args.rest();
    if files.is_empty() {
        return Err(UsageError::new(
            "merge needs the JSON-lines files written by `bgloop sweep --shard K/N`",
        )
        .into());
    }
    let mut outcomes: Vec<sweep::Outcome> = Vec::new();
    let mut origins: Vec<String> = Vec::new();
    for f in &files {
        let text = read_shard(f)?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let o: sweep::Outcome = serde_json::from_str(line)
                .map_err(|e| UsageError::new(format!("{f}:{}: not a sweep result ({e})", n + 1)))?;
            outcomes.push(o);
            origins.push(format!("{f}:{}", n + 1));
        }
    }
    sweep::check_outcomes(&outcomes)
        .map_err(|(i, problem)| UsageError::new(format!("{}: {problem}", origins[i])))?;
    sweep::check_complete(&outcomes).map_err(UsageError::new)?;
    if json {
        let points = sweep::summarize_by(&outcomes, measure);
        outln!(
            "{}",
            serde_json::to_string(&points).map_err(|e| Failure::Run(e.to_string()))?
        );
    } else {
        out!("{}", summary_table(&outcomes, measure));
    }
    Ok(ExitCode::SUCCESS)
}
