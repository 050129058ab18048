//! The page's view options as one declarative table — what a link may carry besides the model's
//! parameters (`embed`, `hide`, `speed`, `hand`, `hc`, `to`, `window`, `loop`, `sweep`, `lang`, `tour`), the speed levels, and the parts of the page that
//! `hide=` may name — read by the permalink codec, the page (through the bindings) and the docs,
//! as tensorflow/playground's `state.ts` keeps its PROPS table.

use serde::Serialize;

/// The values a view option may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ViewKind {
    /// On or off: `1`/`0` (also `true`/`false`, `on`/`off`, or the bare key for on).
    Flag,
    /// An index into [`SPEEDS`].
    Speed,
    /// A comma-separated list of [`PARTS`] names and parameter keys.
    Parts,
    /// A step of the guided tour (1, 2, …), or a tour file: a same-origin path to a `.json` file.
    Tour,
    /// A trial number, 1–[`MAX_END_TRIAL`].
    Trial,
    /// A sweep's settings: `key:from:to:count` (once, or twice for a map), `seeds:K`, `trials:N`,
    /// comma-separated.
    Sweep,
    /// A language code ([`crate::i18n::Lang`]): `en`, `fr`, `es`.
    Lang,
    /// Ranges of trials `FROM-TO`, comma-separated ([`crate::result::Window`]).
    Window,
    /// One of the views ([`FOCUS_VIEWS`]).
    View,
}

/// The views `focus=` may enlarge.
pub const FOCUS_VIEWS: &[&str] = &["reach", "learning", "circuit", "activity"];

/// One view option of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ViewOption {
    /// Its key in a link.
    pub key: &'static str,
    /// The values it takes.
    pub kind: ViewKind,
    /// One sentence: what it does.
    pub meaning: &'static str,
}

/// Every view option a link may carry, in the order links write them.
pub const OPTIONS: &[ViewOption] = &[
    ViewOption {
        key: "embed",
        kind: ViewKind::Flag,
        meaning: "Embedded layout: the views and Play / Pause / Reset only.",
    },
    ViewOption {
        key: "hide",
        kind: ViewKind::Parts,
        meaning: "Parts of the page, or parameters' controls, to hide.",
    },
    ViewOption {
        key: "speed",
        kind: ViewKind::Speed,
        meaning: "Playing speed, an index into the speed levels.",
    },
    ViewOption {
        key: "hand",
        kind: ViewKind::Flag,
        meaning: "Show the hand path as well as the cursor path.",
    },
    ViewOption {
        key: "hc",
        kind: ViewKind::Flag,
        meaning: "High contrast, for projectors (also in embeds).",
    },
    ViewOption {
        key: "to",
        kind: ViewKind::Trial,
        meaning: "Runs to this trial on opening and stops there (to=300): a link that carries a result, the same for every reader.",
    },
    ViewOption {
        key: "window",
        kind: ViewKind::Window,
        meaning: "The trials the result is a mean over (window=301-400; up to 4, comma-separated): the page states each run's mean |error|, reward rate, reaches made and reach time over them. Without it: the last 50 trials run.",
    },
    ViewOption {
        key: "loop",
        kind: ViewKind::Flag,
        meaning: "With to=N: start again from trial 1 after a pause at the end (for embeds that repeat).",
    },
    ViewOption {
        key: "sweep",
        kind: ViewKind::Sweep,
        meaning: "A sweep to compute on opening, e.g. sweep=loop_strength:0.25:1.5:6,dopamine:0.5:1.5:5,seeds:3,trials:300 (one parameter for a curve, two for a map).",
    },
    ViewOption {
        key: "focus",
        kind: ViewKind::View,
        meaning: "Enlarges one view (reach, learning, circuit or activity) with larger text, the result beside it: for a projector.",
    },
    ViewOption {
        key: "lang",
        kind: ViewKind::Lang,
        meaning: "The page's language: en, fr or es (the run is the same in every language).",
    },
    ViewOption {
        key: "tour",
        kind: ViewKind::Tour,
        meaning: "Opens the guided tour at this step (1, 2, …), or a tour of one's own: a same-origin path to a .json file.",
    },
];

/// A playing speed of the page (its name is the catalog's `speed-<index>`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Speed {
    /// Simulated ms per real ms, for the animated speeds (a reach is watched as it unfolds).
    pub sim_per_real: Option<f64>,
    /// Whole trials per second, for the others; `None` with no `sim_per_real`: as fast as the
    /// machine allows.
    pub trials_per_second: Option<f64>,
}

/// The speed levels, slowest first; `speed=` in a link is an index into them.
pub const SPEEDS: &[Speed] = &[
    Speed {
        sim_per_real: Some(0.3),
        trials_per_second: None,
    },
    Speed {
        sim_per_real: Some(1.0),
        trials_per_second: None,
    },
    Speed {
        sim_per_real: None,
        trials_per_second: Some(10.0),
    },
    Speed {
        sim_per_real: None,
        trials_per_second: Some(100.0),
    },
    Speed {
        sim_per_real: None,
        trials_per_second: None,
    },
];

/// The last trial `to=` may name.
pub const MAX_END_TRIAL: u32 = 100_000;

/// Most steps a tour may have.
pub const MAX_TOUR_STEPS: usize = 30;

/// The speed a page starts at.
pub const DEFAULT_SPEED: usize = 2;

/// A part of the page that `hide=` may name (`data-part` in `index.html`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// Its name in `hide=` and in `data-part`.
    pub name: &'static str,
    /// What it is.
    pub label: &'static str,
}

/// Every part of the page that can be hidden.
pub const PARTS: &[Part] = &[
    Part {
        name: "intro",
        label: "an embed's title and plain sentence",
    },
    Part {
        name: "header",
        label: "the title and introduction",
    },
    Part {
        name: "tour",
        label: "the guided tour's step text",
    },
    Part {
        name: "reach",
        label: "the reach view",
    },
    Part {
        name: "hand",
        label: "the hand-path toggle",
    },
    Part {
        name: "learning",
        label: "the learning view",
    },
    Part {
        name: "circuit",
        label: "the circuit view",
    },
    Part {
        name: "activity",
        label: "the activity view",
    },
    Part {
        name: "sweep",
        label: "the sweep panel",
    },
    Part {
        name: "presets",
        label: "the preset menu and its description",
    },
    Part {
        name: "speed",
        label: "the speed control",
    },
    Part {
        name: "runto",
        label: "the run-to-trial control",
    },
    Part {
        name: "status",
        label: "the status line",
    },
    Part {
        name: "result",
        label: "the result (each run's figures over the window)",
    },
    Part {
        name: "compare",
        label: "the Compare button",
    },
    Part {
        name: "share",
        label: "the share and export buttons",
    },
    Part {
        name: "params",
        label: "the parameter controls",
    },
];

/// The option called `key`.
pub fn option(key: &str) -> Option<&'static ViewOption> {
    OPTIONS.iter().find(|o| o.key == key)
}

/// The part called `name`.
pub fn part(name: &str) -> Option<&'static Part> {
    PARTS.iter().find(|p| p.name == name)
}

/// The most work a link's `sweep=` may start without asking, in trials (runs × trials per run):
/// about half a minute on a laptop's two cores. A larger sweep, and any sweep in an embed, waits
/// for the reader to say yes, having been told its size and an estimate of its time.
pub const LINK_SWEEP_BUDGET: u64 = 20_000;

/// Roughly how long one trial of a sweep takes on one worker, ms (measured in Chromium and Node on
/// a 2-core machine: 1.2–3 ms): what the page's estimate of a sweep's time is built on.
pub const SWEEP_TRIAL_MS: f64 = 2.0;

/// All of the table, for the page: `{ options, speeds, default_speed, parts, sweep_budget,
/// sweep_trial_ms }`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Table {
    /// [`OPTIONS`].
    pub options: &'static [ViewOption],
    /// [`SPEEDS`].
    pub speeds: &'static [Speed],
    /// [`DEFAULT_SPEED`].
    pub default_speed: usize,
    /// [`PARTS`].
    pub parts: &'static [Part],
    /// [`LINK_SWEEP_BUDGET`].
    pub sweep_budget: u64,
    /// [`SWEEP_TRIAL_MS`].
    pub sweep_trial_ms: f64,
}

/// The whole table.
pub const TABLE: Table = Table {
    options: OPTIONS,
    speeds: SPEEDS,
    default_speed: DEFAULT_SPEED,
    parts: PARTS,
    sweep_budget: LINK_SWEEP_BUDGET,
    sweep_trial_ms: SWEEP_TRIAL_MS,
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The page marks exactly the table's parts with `data-part`.
    #[test]
    fn every_part_of_the_page_is_in_the_table_and_back() {
        let page = include_str!("../../../index.html");
        let marked: std::collections::BTreeSet<&str> = page
            .split("data-part=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let table: std::collections::BTreeSet<&str> = PARTS.iter().map(|p| p.name).collect();
        assert_eq!(marked, table);
    }

    #[test]
    fn speeds_are_either_animated_or_counted() {
        assert!(DEFAULT_SPEED < SPEEDS.len());
        for (i, s) in SPEEDS.iter().enumerate() {
            assert!(
                !(s.sim_per_real.is_some() && s.trials_per_second.is_some()),
                "speed {i}"
            );
        }
    }
}
