//! Writing a link: the shortest text that replays the running experiment — a preset as its base
//! where the runs still have its events, the differences from it, the seed, run B's differences
//! from A, then the view options.

use super::options::check_view;
use super::{percent_encode, B_PREFIX, VERSION};
use crate::presets::{self, Preset};
use crate::protocol::{Experiment, Protocol};
use crate::view;

/// Encodes a run as a link fragment (without `#`): version, preset, every parameter that differs
/// from the preset (schema keys, schema order), the seed, the events beyond the preset's, then
/// run B's differences from A (`b.…`) if it is a comparison, then the view options.
pub fn encode(preset: Option<&str>, experiment: &Experiment, options: &[(&str, &str)]) -> String {
    let (a, b) = (&experiment.a, experiment.b.as_ref());
    let preset = base_preset(preset, a, b);
    let base = preset
        .as_ref()
        .map_or_else(Protocol::default, |(_, base)| base.clone());
    let mut parts = vec![format!("v={VERSION}")];
    if let Some((p, _)) = &preset {
        parts.push(format!("preset={}", p.name));
    }
    let diff = a.diff(&base);
    let (events, params): (Vec<_>, Vec<_>) = diff.iter().partition(|(k, _)| k.starts_with('@'));
    parts.extend(
        params
            .iter()
            .filter(|(k, _)| k != "seed")
            .map(|(k, v)| entry(k, v)),
    );
    parts.push(format!("seed={}", a.config.seed));
    parts.extend(events.iter().map(|(k, v)| entry(k, v)));
    if let Some(b) = b {
        let b_base = preset
            .as_ref()
            .and_then(|(p, _)| p.compare_over(a).ok().flatten())
            .unwrap_or_else(|| a.clone());
        parts.extend(run_b_entries(a, b, &b_base));
    }
    parts.extend(view_entries(options));
    parts.join("&")
}

/// `key=value` with the value escaped.
fn entry(key: &str, value: &str) -> String {
    format!("{key}={}", percent_encode(value))
}

/// The preset named `name` and its protocol, if it can be the link's base: only if run A still
/// has its events and, for a comparison preset, only for a comparison whose B still has B's.
fn base_preset(
    name: Option<&str>,
    a: &Protocol,
    b: Option<&Protocol>,
) -> Option<(&'static Preset, Protocol)> {
    name.and_then(presets::preset)
        .and_then(|p| Some((p, p.protocol().ok()?)))
        .filter(|(p, base)| {
            a.schedule.extends(&base.schedule)
                && match (p.compare_over(a).ok().flatten(), b) {
                    (None, _) => true,
                    (Some(pb), Some(b)) => has_events(b, &pb),
                    (Some(_), None) => false,
                }
        })
}

/// Whether `run` has every event of `of` (same trial, same key).
fn has_events(run: &Protocol, of: &Protocol) -> bool {
    of.schedule.events().iter().all(|e| {
        run.schedule
            .events()
            .iter()
            .any(|x| x.trial == e.trial && x.key == e.key)
    })
}

/// Run B's entries: its differences from `b_base` (`b.…`); a B that is still A's copy says there
/// is a run B with one entry, its seed.
fn run_b_entries(a: &Protocol, b: &Protocol, b_base: &Protocol) -> Vec<String> {
    let diff = b.diff(b_base);
    let mut out: Vec<String> = diff
        .iter()
        .map(|(k, v)| entry(&format!("{B_PREFIX}{k}"), v))
        .collect();
    if diff.is_empty() && b_base == a {
        out.push(format!("{B_PREFIX}seed={}", b.config.seed));
    }
    out
}

/// View options in table order, checked as `decode` checks them; bad and unknown ones are dropped,
/// so a link never carries what its own decoder would refuse.
fn view_entries(options: &[(&str, &str)]) -> Vec<String> {
    view::OPTIONS
        .iter()
        .filter_map(|option| {
            let (k, v) = options.iter().find(|(k, _)| *k == option.key)?;
            let v = check_view(option, v).ok()?;
            Some(entry(k, &v))
        })
        .collect()
}
