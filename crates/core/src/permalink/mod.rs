//! Permalinks: the state of an experiment as a readable URL fragment that people can edit by hand,
//! e.g. `#v=4&preset=rotation&loop_strength=0.8&seed=5&hand=1`.
//!
//! One codec serves the page, the embed API and the CLI (`bgloop run --permalink`), so a link
//! reproduces the same run everywhere. Decoding never fails: every entry that cannot be used is
//! listed with the reason, and the rest of the link still applies. Reading a link is here
//! (splitting, the header, the parameters and events); [`codec`] escapes text, [`options`] checks
//! view options, [`legacy`] keeps older versions replaying, [`encode`] writes a link.

mod codec;
mod encode;
mod legacy;
mod options;

use codec::{fragment, quoted};
pub use codec::{percent_decode, percent_encode};
pub use encode::encode;
use legacy::lowers_dopamine;
pub use legacy::{defaults_of, RETIRED_KEYS, V1_DEFAULTS, V2_DEFAULTS, V3_DEFAULTS};
use options::{check_view, drop_windows_beyond_end};

use crate::config::Config;
use crate::i18n::Msg;
use crate::presets;
use crate::protocol::{Experiment, Protocol};
use crate::schema::{Input, ParamError};
use crate::view;
use serde::Serialize;

/// The version of permalinks and export formats (links of older versions replay with the defaults
/// they were made with: [`V2_DEFAULTS`], then [`V1_DEFAULTS`] over them).
pub use crate::record::VERSION;

/// Links longer than this are cut (and say so).
pub const MAX_LINK_CHARS: usize = 16_384;
/// Entries beyond this many are ignored (and say so).
pub const MAX_ENTRIES: usize = 256;

/// An entry of a link that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// The entry as it appeared (shortened), e.g. `loop_strength=9`.
    pub entry: String,
    /// Its key.
    pub key: String,
    /// A sentence naming the key and what is allowed, in English (the catalog's words for
    /// [`Rejected::why`]).
    pub reason: String,
    /// Why it was not used, for any reader's language.
    #[serde(skip)]
    pub why: Msg,
}

impl Rejected {
    /// Why it was not used, in `words`' language.
    pub fn reason_in(&self, words: &crate::i18n::Catalog) -> String {
        words.format(&self.why)
    }
}

/// A decoded link: the configuration to run, the preset it starts from, view options, and what
/// was rejected.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Permalink {
    /// The version the link declared (the current one if it declared none).
    pub version: u32,
    /// The preset the link starts from.
    pub preset: Option<&'static str>,
    /// The experiment: run A is the preset, then the link's parameters and `@…` events; run B of
    /// a comparison is run A with the preset's comparison and the link's `b.…` entries.
    #[serde(skip)]
    pub experiment: Experiment,
    /// View options (`embed`, `hide`, `speed`, `hand`), validated, in [`view::OPTIONS`] order.
    pub view: Vec<(String, String)>,
    /// Entries that were not used, with reasons.
    pub rejected: Vec<Rejected>,
    /// Remarks about the whole link (newer version, truncated link), for any reader's language.
    #[serde(skip)]
    pub notes: Vec<Msg>,
}

impl Permalink {
    /// The remarks about the whole link in `words`' language.
    pub fn notes_in(&self, words: &crate::i18n::Catalog) -> Vec<String> {
        self.notes.iter().map(|m| words.format(m)).collect()
    }
}

/// One `key=value` entry of a link, percent-decoded, with its text as it appeared.
struct Entry {
    key: String,
    value: String,
    shown: String,
}

/// The prefix of the entries that make run B of a comparison.
pub const B_PREFIX: &str = "b.";

/// What decoding has found so far: the rejected entries and the notes on the whole link.
#[derive(Default)]
struct Findings {
    rejected: Vec<Rejected>,
    notes: Vec<Msg>,
}

impl Findings {
    /// A parameter's value refused: its error, said in every language it can be (an error with
    /// no message of its own is said as it was written).
    fn reject_param(&mut self, key: &str, entry: &str, err: ParamError, for_b: bool) {
        let said = err
            .msg
            .unwrap_or_else(|| Msg::new("rejected-said").text("reason", err.message));
        let why = if for_b {
            Msg::new("rejected-run-b").said("error", said)
        } else {
            said
        };
        self.reject(key, entry, why);
    }

    /// An entry not used, and why.
    fn reject(&mut self, key: &str, entry: &str, why: Msg) {
        self.rejected.push(Rejected {
            entry: entry.to_string(),
            key: crate::format::short(key, 40),
            reason: crate::i18n::Catalog::english().format(&why),
            why,
        });
    }
}

/// Decodes a link (a full URL, `#…`, `?…` or bare `key=value&…`). Never fails: unusable entries
/// are listed in [`Permalink::rejected`] and the rest applies.
pub fn decode(link: &str) -> Permalink {
    let mut found = Findings::default();
    let entries = split_entries(link, &mut found);
    let (version, preset) = read_header(&entries, &mut found);
    let defaults = Protocol::of(defaults_of(version));
    let base = match preset.and_then(presets::preset) {
        Some(p) => p.protocol_over(defaults.config.clone()).unwrap_or(defaults),
        None => defaults,
    };
    let (a_entries, b_entries): (Vec<&Entry>, Vec<&Entry>) =
        entries.iter().partition(|e| !e.key.starts_with(B_PREFIX));
    let (mut a, mut view, set) = apply_entries(&a_entries, base.clone(), &mut found);
    undo_violations(&mut a.config, &base.config, &set, &mut found);
    // Run B starts from A with the preset's comparison (if it is a comparison preset), then
    // takes the link's `b.` entries. Any `b.` entry makes a comparison, even one whose B does not
    // (yet) differ from A (`encode` writes `b.seed=…` for it).
    let preset_b = preset
        .and_then(presets::preset)
        .and_then(|p| p.compare_over(&a).ok().flatten());
    let compare = (!b_entries.is_empty() || preset_b.is_some()).then(|| {
        let b_base = preset_b.unwrap_or_else(|| a.clone());
        let (mut b, _, set) = apply_entries(&b_entries, b_base.clone(), &mut found);
        undo_violations(&mut b.config, &b_base.config, &set, &mut found);
        b
    });
    if version == 3
        && [Some(&a), compare.as_ref()]
            .into_iter()
            .flatten()
            .any(lowers_dopamine)
    {
        found.notes.push(Msg::new("link-note-v3-dopamine"));
    }
    // View options in table order, as `encode` writes them.
    view.sort_by_key(|(k, _)| view::OPTIONS.iter().position(|o| o.key == k));
    Permalink {
        version,
        preset,
        experiment: Experiment { a, b: compare },
        view,
        rejected: found.rejected,
        notes: found.notes,
    }
}

/// Pass 1: the link's entries, percent-decoded, within the length and entry limits.
fn split_entries(link: &str, found: &mut Findings) -> Vec<Entry> {
    let mut frag = fragment(link);
    if frag.len() > MAX_LINK_CHARS {
        let mut cut = MAX_LINK_CHARS;
        while !frag.is_char_boundary(cut) {
            cut -= 1;
        }
        // Never apply an entry cut in half: drop everything from the last entry the cut reached.
        let whole = frag[..cut].rfind('&').unwrap_or(0);
        frag = &frag[..whole];
        found.notes.push(
            Msg::new("link-note-too-long")
                .count("max", MAX_LINK_CHARS as i64)
                .count("from", whole as i64),
        );
    }
    let mut entries = Vec::new();
    for (n, raw) in frag.split('&').filter(|p| !p.is_empty()).enumerate() {
        if n == MAX_ENTRIES {
            found
                .notes
                .push(Msg::new("link-note-too-many").count("max", MAX_ENTRIES as i64));
            break;
        }
        let shown = crate::format::short(raw, 80);
        let (k, v) = raw.split_once('=').unwrap_or((raw, ""));
        match (percent_decode(k), percent_decode(v)) {
            (Some(k), _) if k.trim().is_empty() => {
                found.reject("", &shown, Msg::new("rejected-no-key"));
            }
            (Some(k), Some(v)) => entries.push(Entry {
                key: k.trim().to_string(),
                value: v.trim().to_string(),
                shown,
            }),
            (dk, _) => {
                let key = dk.map_or_else(
                    || crate::format::short(k, 40),
                    |d| crate::format::short(d.trim(), 40),
                );
                let why = Msg::new("rejected-percent").text("key", key.clone());
                found.reject(&key, &shown, why);
            }
        }
    }
    entries
}

/// Pass 2: the version and the preset, wherever they stand in the link.
fn read_header(entries: &[Entry], found: &mut Findings) -> (u32, Option<&'static str>) {
    let mut version = VERSION;
    let mut preset = None;
    for e in entries {
        match e.key.as_str() {
            "v" => match e.value.parse::<u32>() {
                Ok(x) if x >= 1 => version = x,
                _ => found.reject(
                    &e.key,
                    &e.shown,
                    Msg::new("rejected-version")
                        .text("value", format!("{:?}", crate::format::short(&e.value, 40)))
                        .text("current", VERSION.to_string()),
                ),
            },
            "preset" => match presets::preset(&e.value) {
                Some(p) => preset = Some(p.name),
                None => found.reject(
                    &e.key,
                    &e.shown,
                    Msg::new("rejected-preset")
                        .text("value", format!("{:?}", crate::format::short(&e.value, 40)))
                        .text("names", presets::names()),
                ),
            },
            _ => {}
        }
    }
    if version > VERSION {
        found.notes.push(
            Msg::new("link-note-newer")
                .text("version", version.to_string())
                .text("current", VERSION.to_string()),
        );
    }
    if version == 1 {
        found.notes.push(Msg::new("link-note-v1"));
    } else if version == 2 {
        found.notes.push(Msg::new("link-note-v2"));
    }
    (version, preset)
}

/// Pass 3: parameters, events and view options over `base`, in link order (a later entry wins).
/// Entries of run B (`b.…`) take no view options. Returns the protocol, the view options and the
/// parameter entries that were set.
#[allow(clippy::type_complexity)]
fn apply_entries<'e>(
    entries: &[&'e Entry],
    base: Protocol,
    found: &mut Findings,
) -> (Protocol, Vec<(String, String)>, Vec<&'e Entry>) {
    let mut protocol = base;
    let mut view: Vec<(String, String)> = Vec::new();
    let mut set = Vec::new();
    for &e in entries {
        let full = e.key.as_str();
        let (key, for_b) = match full.strip_prefix(B_PREFIX) {
            Some(k) => (k, true),
            None => (full, false),
        };
        if key.is_empty() {
            found.reject("", &e.shown, Msg::new("rejected-no-key-b"));
            continue;
        }
        if for_b {
            if let Some(live) = crate::schedule::legacy_target(key) {
                found.reject(
                    full,
                    &e.shown,
                    Msg::new("rejected-b-event")
                        .text("key", full)
                        .text("live", live),
                );
                continue;
            }
        }
        if let Some((_, why)) = RETIRED_KEYS.iter().find(|(k, _)| *k == key) {
            found.notes.push(
                Msg::new("link-note-retired")
                    .text("key", full)
                    .said("why", Msg::new(why)),
            );
            continue;
        }
        if key == "v" || key == "preset" {
            if for_b {
                found.reject(
                    full,
                    &e.shown,
                    Msg::new("rejected-b-header").text("key", full),
                );
            }
            continue;
        }
        if let Some(option) = view::option(key) {
            if for_b {
                found.reject(
                    full,
                    &e.shown,
                    Msg::new("rejected-b-view").text("key", full),
                );
                continue;
            }
            match check_view(option, &e.value) {
                Ok(val) => {
                    view.retain(|(vk, _)| vk != key);
                    view.push((key.to_string(), val));
                }
                Err(err) => found.reject_param(key, &e.shown, err, false),
            }
        } else {
            match protocol.set(key, Input::Text(e.value.clone())) {
                Ok(()) => set.push(e),
                Err(err) => found.reject_param(key, &e.shown, err, for_b),
            }
        }
    }
    drop_windows_beyond_end(&mut view, entries, found);
    (protocol, view, set)
}

/// Pass 4: cross-parameter constraints — each offending key goes back to `base`, named with the
/// entry that set it.
fn undo_violations(config: &mut Config, base: &Config, set: &[&Entry], found: &mut Findings) {
    let Err(errors) = config.validate() else {
        return;
    };
    for e in errors.errors {
        config.reset_to(base, &e.key);
        let shown = set
            .iter()
            .rev()
            .find(|s| s.key.strip_prefix(B_PREFIX).unwrap_or(&s.key) == e.key)
            .map_or_else(|| e.key.clone(), |s| s.shown.clone());
        let key = e.key.clone();
        found.reject_param(&key, &shown, e, false);
    }
    if config.validate().is_err() {
        *config = base.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_travels_in_the_link_and_is_checked() {
        let v = "loop_strength:0.25:1.5:6,dopamine:0.5:1.5:5,seeds:3,trials:300";
        let p = decode(&format!("#preset=rotation&sweep={v}"));
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.view, vec![("sweep".to_string(), v.to_string())]);
        let link = encode(p.preset, &p.experiment, &[("sweep", v)]);
        assert!(link.ends_with(&format!("&sweep={v}")), "{link}");
        let spec = crate::sweep::SweepSpec::from_link(v).expect("valid");
        assert_eq!(spec.jobs().len(), 6 * 5 * 3);
        for (bad, says) in [
            ("loop_strength:0:9:3", "`loop_strength` = 9 is out of range"),
            ("ring_size:8:64:3", "only real-valued parameters"),
            (
                "loop_strength:0.25:1:2,seeds:x",
                "`seeds:x` must be a whole number",
            ),
            ("loop_strength", "must be key:from:to:count"),
        ] {
            let p = decode(&format!("#sweep={bad}"));
            assert_eq!(p.rejected.len(), 1, "{bad}");
            assert!(
                p.rejected[0].reason.contains(says),
                "{}",
                p.rejected[0].reason
            );
        }
    }

    #[test]
    fn an_end_trial_travels_in_the_link_and_is_checked() {
        let p = decode("#preset=rotation&seed=2&to=300&loop=1");
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(
            p.view,
            vec![
                ("to".to_string(), "300".to_string()),
                ("loop".to_string(), "1".to_string())
            ]
        );
        let link = encode(p.preset, &p.experiment, &[("to", "300"), ("speed", "4")]);
        assert!(link.ends_with("&speed=4&to=300"), "{link}");
        for bad in ["0", "-3", "2.5", "100001", "x"] {
            let p = decode(&format!("#to={bad}"));
            assert_eq!(p.rejected.len(), 1, "{bad}");
            assert!(
                p.rejected[0]
                    .reason
                    .contains("must be a trial number in 1–100000"),
                "{}",
                p.rejected[0].reason
            );
        }
    }

    #[test]
    fn round_trip_reproduces_the_config_exactly() {
        let mut c = presets::preset("rotation")
            .and_then(|p| p.config().ok())
            .unwrap_or_default();
        c.set("loop_strength", 0.1 + 0.2).expect("ok");
        c.set("seed", 123_456_789.0).expect("ok");
        c.set("plasticity_rule", "covariance").expect("ok");
        let link = encode(
            Some("rotation"),
            &Experiment::single(Protocol::of(c.clone())),
            &[("hand", "1")],
        );
        assert!(link.starts_with(&format!("v={VERSION}&preset=rotation&loop_strength=0.30000000000000004&plasticity_rule=covariance&seed=123456789&hand=1")), "{link}");
        let back = decode(&format!("https://example.org/bgloop/#{link}"));
        assert_eq!(back.experiment.a.config, c);
        assert_eq!(back.preset, Some("rotation"));
        assert_eq!(back.view, vec![("hand".to_string(), "1".to_string())]);
        assert!(back.rejected.is_empty() && back.notes.is_empty());
    }

    #[test]
    fn hand_written_links_work_and_later_keys_override_the_preset() {
        let p = decode("#preset=rotation&loop_strength=0.8&seed=5");
        assert_eq!(p.preset, Some("rotation"));
        assert_eq!(p.experiment.a.config.loop_strength, 0.8);
        assert_eq!(p.experiment.a.config.seed, 5);
        assert_eq!(p.experiment.a.config.rotation_deg, 30.0);
        assert_eq!(p.version, VERSION);
        let q = decode("loop_strength=0.8&preset=weak-loop");
        assert_eq!(
            q.experiment.a.config.loop_strength, 0.8,
            "parameters override the preset wherever it stands"
        );
        let r = decode("?rotation_deg=%2D45");
        assert_eq!(r.experiment.a.config.rotation_deg, -45.0);
    }

    #[test]
    fn bad_entries_are_listed_with_reasons_and_the_rest_applies() {
        let p = decode("#v=9&loop_strength=9&dopamine=0.5&nope=1&seed=abc&preset=fast&embed=2&hide=reach,evil&rotation_deg=NaN&bad%zz=1&cue_hold");
        assert_eq!(p.experiment.a.config.dopamine, 0.5, "good entries apply");
        assert_eq!(p.experiment.a.config.loop_strength, 1.0);
        let reasons: Vec<&str> = p.rejected.iter().map(|r| r.reason.as_str()).collect();
        let keys: Vec<&str> = p.rejected.iter().map(|r| r.key.as_str()).collect();
        for k in [
            "loop_strength",
            "nope",
            "seed",
            "preset",
            "embed",
            "hide",
            "rotation_deg",
            "bad%zz",
            "cue_hold",
        ] {
            assert!(keys.contains(&k), "{k} rejected: {keys:?}");
        }
        assert!(reasons.contains(&"`loop_strength` = 9 is out of range 0–2"));
        assert!(p
            .notes_in(crate::i18n::Catalog::english())
            .iter()
            .any(|n| n.contains("newer version")));
    }

    #[test]
    fn cross_constraints_undo_the_offending_key() {
        let p = decode("cortical_inhibition=0&cortical_recurrence=5");
        assert_eq!(p.experiment.a.config.cortical_recurrence, 3.0);
        assert_eq!(p.experiment.a.config.cortical_inhibition, 0.0);
        assert_eq!(p.rejected.len(), 1);
        assert_eq!(p.rejected[0].entry, "cortical_recurrence=5");
        p.experiment.a.config.validate().expect("valid");
    }

    #[test]
    fn hostile_links_are_refused_politely() {
        let long = format!("#{}", "loop_strength=0.5&".repeat(2_000));
        let p = decode(&long);
        assert!(!p.notes.is_empty());
        assert_eq!(p.experiment.a.config.loop_strength, 0.5);
        let p = decode("#javascript:alert(1)=<script>&%3Cimg%20src%3Dx%3E=1&seed=1e400&dt_ms=inf&targets=%E2%88%9E");
        assert_eq!(p.rejected.len(), 5, "{:?}", p.rejected);
        assert_eq!(p.experiment.a.config, Config::default());
        let dup = decode("seed=1&seed=2");
        assert_eq!(
            dup.experiment.a.config.seed, 2,
            "the last of duplicated keys wins"
        );
    }

    #[test]
    fn v1_links_read_every_preset_over_the_v1_learning_defaults() {
        let mut v3 = Config::default();
        assert!(v3.apply(V3_DEFAULTS.iter().copied()).is_ok());
        assert_eq!(defaults_of(3), v3);
        assert_ne!(v3, Config::default());
        assert_eq!(defaults_of(4), Config::default());
        let mut v2 = v3.clone();
        assert!(v2.apply(V2_DEFAULTS.iter().copied()).is_ok());
        assert_eq!(defaults_of(2), v2);
        assert_ne!(v2, v3);
        let mut v1 = v2.clone();
        assert!(v1.apply(V1_DEFAULTS.iter().copied()).is_ok());
        assert_eq!(defaults_of(1), v1);
        for p in presets::PRESETS {
            let link = decode(&format!("#v=1&preset={}", p.name));
            assert!(link.rejected.is_empty(), "{}: {:?}", p.name, link.rejected);
            assert_eq!(
                Ok(link.experiment.a.config),
                p.protocol_over(v1.clone()).map(|p| p.config),
                "{}: the v1 meaning",
                p.name
            );
        }
        // Presets that did not learn in v1 still do not learn in a v1 link.
        for name in ["attractor", "dynamics"] {
            let c = decode(&format!("#v=1&preset={name}")).experiment.a.config;
            assert_eq!((c.learning_rate, c.cue_learning_rate), (0.0, 0.0), "{name}");
        }
    }

    #[test]
    fn v2_links_read_over_the_v2_bound_and_retired_keys_are_ignored_with_a_note() {
        let link = decode("#v=2&preset=babbling&seed=4&untuned_drive=0.1");
        assert!(link.rejected.is_empty(), "{:?}", link.rejected);
        assert_eq!(
            link.experiment.a.config.cue_weight_bound,
            crate::config::CueBound::Update
        );
        assert!(
            link.notes_in(crate::i18n::Catalog::english())
                .iter()
                .any(|n| n.contains("v=2")),
            "{:?}",
            link.notes
        );
        assert!(
            link.notes_in(crate::i18n::Catalog::english())
                .iter()
                .any(|n| n.contains("untuned_drive") && n.contains("ignored")),
            "{:?}",
            link.notes
        );
        let now = decode("#preset=babbling&seed=4");
        assert_eq!(
            now.experiment.a.config.cue_weight_bound,
            crate::config::CueBound::Synapse
        );
        assert!(now.notes.is_empty(), "{:?}", now.notes);
        let again = encode(
            Some("babbling"),
            &Experiment::single(Protocol::of(link.experiment.a.config.clone())),
            &[],
        );
        assert!(!again.contains("untuned"), "{again}");
        assert!(
            again.contains("cue_weight_bound=update"),
            "re-encoded as v3: {again}"
        );
        assert_eq!(decode(&again).experiment.a.config, link.experiment.a.config);
    }

    #[test]
    fn a_link_cut_at_the_limit_never_applies_a_half_entry() {
        for pad in 0..12 {
            let filler = "hand=1&".repeat((MAX_LINK_CHARS - 20) / 7);
            let link = format!(
                "#{}{}seed=123456789&loop_strength=0.5",
                "x".repeat(pad),
                filler
            );
            let p = decode(&link);
            assert!(!p.notes.is_empty(), "the cut is announced");
            assert!(
                p.experiment.a.config.seed == 1 || p.experiment.a.config.seed == 123_456_789,
                "pad {pad}: seed {} is a cut value",
                p.experiment.a.config.seed
            );
        }
    }

    #[test]
    fn a_tour_file_keeps_its_step_and_a_bad_one_is_named() {
        let tour = |v: &str| {
            let p = decode(&format!("#tour={v}"));
            (
                p.view
                    .iter()
                    .find(|(k, _)| k == "tour")
                    .map(|(_, v)| v.clone()),
                p.rejected,
            )
        };
        assert_eq!(
            tour("tours/mine.json:3").0.as_deref(),
            Some("tours/mine.json:3")
        );
        assert_eq!(
            tour("tours/mine.json").0.as_deref(),
            Some("tours/mine.json")
        );
        assert_eq!(tour("4").0.as_deref(), Some("4"));
        for bad in [
            "tours/mine.json:0",
            "tours/mine.json:x",
            "tours/mine.json:31",
            "https://x/t.json",
            "a:b.json:2",
            "31",
        ] {
            let (kept, rejected) = tour(bad);
            assert_eq!(kept, None, "{bad}");
            assert!(
                rejected[0].reason.contains("`tour`"),
                "{bad}: {:?}",
                rejected
            );
        }
    }
}
