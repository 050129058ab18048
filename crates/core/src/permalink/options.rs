//! View options in a link (`speed=`, `to=`, `window=`, `tour=`, `sweep=` …): each checked by the
//! one table in [`crate::view`], as the decoder reads them and as the encoder writes them.

use super::{quoted, Entry, Findings};
use crate::i18n::Msg;
use crate::schema::ParamError;
use crate::view::{self, ViewKind};

/// Checks a `tour=` value: a step number, or a same-origin `.json` path with an optional step.
fn check_tour(key: &str, value: &str) -> Result<String, ParamError> {
    let max = view::MAX_TOUR_STEPS;
    if let Ok(n) = value.parse::<usize>() {
        return if (1..=max).contains(&n) {
            Ok(n.to_string())
        } else {
            Err(refused("error-tour-step", key, n.to_string(), max))
        };
    }
    // A path on this site: no scheme, no host, no backslash, ending in .json; and
    // optionally the step of that tour, `tours/mine.json:3`.
    let (path, step) = match value.rsplit_once(':') {
        Some((path, n)) => (path, Some(n.parse::<usize>().ok())),
        None => (value, None),
    };
    let safe = path.ends_with(".json")
        && !path.contains(':')
        && !path.starts_with("//")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._/~".contains(c))
        && step.is_none_or(|n| n.is_some_and(|n| (1..=max).contains(&n)));
    if safe {
        Ok(value.to_string())
    } else {
        Err(refused("error-tour-file", key, quoted(value), max))
    }
}

/// A refused view option: `id` with the option, its value and the largest allowed number.
fn refused(id: &'static str, key: &str, value: String, max: usize) -> ParamError {
    ParamError::localized(
        key,
        Msg::new(id)
            .text("field", key)
            .text("value", value)
            .count("max", max as i64),
    )
}

/// Checks a view option's value against [`view::OPTIONS`]; returns its canonical text.
pub(super) fn check_view(option: &view::ViewOption, value: &str) -> Result<String, ParamError> {
    let key = option.key;
    match option.kind {
        ViewKind::Flag => match value {
            "1" | "true" | "on" | "" => Ok("1".to_string()),
            "0" | "false" | "off" => Ok("0".to_string()),
            _ => Err(refused("error-flag", key, quoted(value), 1)),
        },
        ViewKind::Speed => match value.parse::<usize>() {
            Ok(s) if s < view::SPEEDS.len() => Ok(s.to_string()),
            _ => Err(refused(
                "error-speed",
                key,
                quoted(value),
                view::SPEEDS.len() - 1,
            )),
        },
        ViewKind::Lang => crate::i18n::Lang::parse(key, value).map(|l| l.code().to_string()),
        ViewKind::View => check_focus(key, value),
        ViewKind::Sweep => crate::sweep::SweepSpec::from_link(value)
            .map(|s| s.to_link())
            .map_err(|e| {
                ParamError::localized(
                    key,
                    Msg::new("error-in-sweep")
                        .text("key", key)
                        .said("why", e.msg()),
                )
            }),
        ViewKind::Trial => match value.parse::<u32>() {
            Ok(n) if (1..=view::MAX_END_TRIAL).contains(&n) => Ok(n.to_string()),
            _ => Err(refused(
                "error-end-trial",
                key,
                quoted(value),
                view::MAX_END_TRIAL as usize,
            )),
        },
        ViewKind::Window => crate::result::Window::parse_list(key, value, view::MAX_END_TRIAL)
            .map(|w| crate::result::Window::list_text(&w)),
        ViewKind::Tour => check_tour(key, value),
        ViewKind::Parts => check_parts(key, value),
    }
}

/// Checks a `focus=` value: one of the views.
fn check_focus(key: &str, value: &str) -> Result<String, ParamError> {
    match view::FOCUS_VIEWS.iter().find(|v| **v == value) {
        Some(v) => Ok(v.to_string()),
        None => Err(ParamError::localized(
            key,
            Msg::new("error-view")
                .text("field", key)
                .text("value", quoted(value))
                .text("views", view::FOCUS_VIEWS.join(", ")),
        )),
    }
}

/// Checks a `hide=` value: parts of the page and parameters' keys, comma-separated.
fn check_parts(key: &str, value: &str) -> Result<String, ParamError> {
    let mut names = Vec::new();
    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        if view::part(name).is_some() || crate::config::spec(name).is_some() {
            names.push(name.to_string());
        } else {
            let parts: Vec<&str> = view::PARTS.iter().map(|p| p.name).collect();
            return Err(ParamError::localized(
                key,
                Msg::new("error-hide-part")
                    .text("field", key)
                    .text("value", quoted(name))
                    .text("parts", parts.join(", ")),
            ));
        }
    }
    Ok(names.join(","))
}

/// A `window=` that ends after the link's `to=` would never be complete: it is refused, naming
/// both.
pub(super) fn drop_windows_beyond_end(
    view: &mut Vec<(String, String)>,
    entries: &[&Entry],
    found: &mut Findings,
) {
    let value = |k: &str| view.iter().find(|(vk, _)| vk == k).map(|(_, v)| v.clone());
    let (Some(windows), Some(end)) = (value("window"), value("to")) else {
        return;
    };
    let end: u32 = end.parse().unwrap_or(u32::MAX);
    let parsed = crate::result::Window::parse_list("window", &windows, view::MAX_END_TRIAL)
        .unwrap_or_default();
    if parsed.iter().all(|w| w.to <= end) {
        return;
    }
    view.retain(|(k, _)| k != "window");
    let shown = entries
        .iter()
        .rev()
        .find(|e| e.key == "window")
        .map_or_else(|| format!("window={windows}"), |e| e.shown.clone());
    let err = ParamError::localized(
        "window",
        Msg::new("error-window-beyond")
            .text("field", "window")
            .text("value", windows)
            .count("end", i64::from(end)),
    );
    found.reject_param("window", &shown, err, false);
}
