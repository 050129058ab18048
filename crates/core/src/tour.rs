//! The guided tour: the paper's argument in a few steps, each a title, a few plain sentences, the
//! experiment it sets (a link), how many trials it runs and at what speed, and the view to look
//! at. Steps are data: [`BUILTIN_JSON`] is the built-in tour, and a communicator's own tour is a JSON file
//! of the same shape, checked by [`Tour::from_json`] like any other input.

use crate::permalink;
use crate::view;
use serde::{Deserialize, Serialize};

/// One step of a tour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A short title (the built-in tour's are the catalog's `tour-step-<n>`; a missing one is
    /// refused as empty).
    #[serde(default)]
    pub title: String,
    /// Two to four plain sentences (the built-in tour's are `tour-step-<n>.text`).
    #[serde(default)]
    pub text: String,
    /// The experiment it sets: a permalink fragment, e.g. `preset=rotation&seed=1`.
    pub link: String,
    /// Trials it runs (0: only sets the experiment; 1: one trial, animated).
    pub trials: u32,
    /// The speed it runs them at (an index into [`view::SPEEDS`]).
    #[serde(default = "default_speed")]
    pub speed: usize,
    /// The view to look at (a part name: `reach`, `learning`, `activity`, `circuit`, `sweep`).
    pub view: String,
}

fn default_speed() -> usize {
    view::DEFAULT_SPEED
}

/// A tour: a title and its steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// The tour's title (the built-in tour's is the catalog's `tour-title`).
    #[serde(default)]
    pub title: String,
    /// Its steps, in order.
    pub steps: Vec<Step>,
}

pub use crate::view::MAX_TOUR_STEPS as MAX_STEPS;
/// Most trials a step may run.
pub const MAX_STEP_TRIALS: u32 = 5_000;
/// The longest tour file, bytes.
pub const MAX_JSON: usize = 65_536;
/// The views a step may point at.
pub const VIEWS: &[&str] = &["reach", "learning", "activity", "circuit", "sweep"];

/// The built-in tour as JSON (`tour.json` beside this file): the paper's argument in eight
/// steps, then two experiments from the lab and the clinic. Read by [`Tour::from_json`] like any
/// communicator's tour (a test checks it).
pub const BUILTIN_JSON: &str = include_str!("tour.json");

/// The built-in tour with its words in English (empty, so the page says so, if its JSON were ever
/// broken: a test fails first).
pub fn builtin() -> Tour {
    builtin_in(crate::i18n::Catalog::english())
}

/// The built-in tour with its words in `words`' language: the steps of [`BUILTIN_JSON`] (links,
/// trials, speeds, views) and their titles and texts from the catalog (`tour-title`,
/// `tour-step-<n>` and its `.text`), checked as any tour is.
pub fn builtin_in(words: &crate::i18n::Catalog) -> Tour {
    let empty = Tour {
        title: String::new(),
        steps: Vec::new(),
    };
    let Ok(mut tour) = serde_json::from_str::<Tour>(BUILTIN_JSON) else {
        return empty;
    };
    tour.title = words.text("tour-title");
    for (i, step) in tour.steps.iter_mut().enumerate() {
        let id = format!("tour-step-{}", i + 1);
        step.title = words.text(&id);
        step.text = words.attr(&id, "text");
    }
    if tour.check().is_err() {
        return empty;
    }
    tour
}

/// Where in a tour serde's path `steps[1].trials` points, for people: "step 2: `trials`: ".
fn place(path: &str) -> String {
    let short = |s: &str| crate::format::short(s, crate::format::QUOTED);
    let Some(rest) = path.strip_prefix("steps[") else {
        return match path {
            "" | "." => String::new(),
            p => format!("`{}`: ", short(p)),
        };
    };
    let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
    let step = index.parse::<usize>().map_or(0, |i| i + 1);
    match field.strip_prefix('.') {
        Some(f) => format!("step {step}: `{}`: ", short(f)),
        None => format!("step {step}: "),
    }
}

fn bounded(what: &str, text: &str, max: usize) -> Result<(), String> {
    let n = text.chars().count();
    if n == 0 || n > max {
        Err(format!("{what} must have 1–{max} characters (it has {n})"))
    } else {
        Ok(())
    }
}

impl Tour {
    /// Reads and checks a tour written as JSON (`{ "title": …, "steps": [{ "title", "text",
    /// "link", "trials", "speed"?, "view" }] }`): serde reads the shape of [`Tour`] and
    /// [`Step`], [`Tour::check`] the values; the error names the step and the field.
    pub fn from_json(text: &str) -> Result<Tour, String> {
        if text.len() > MAX_JSON {
            return Err(format!(
                "a tour is at most {MAX_JSON} bytes (this one has {})",
                text.len()
            ));
        }
        let mut reader = serde_json::Deserializer::from_str(text);
        let tour: Tour = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
            let inner = e.inner();
            // serde's sentence without its position (the path says where).
            let what = inner.to_string();
            let what = what.split(" at line ").next().unwrap_or_default();
            if inner.is_syntax() || inner.is_eof() {
                format!("the tour is not valid JSON: {inner}")
            } else {
                format!("{}{what}", place(&e.path().to_string()))
            }
        })?;
        tour.check()?;
        Ok(tour)
    }

    /// Checks every step: text lengths, a link that opens without rejected entries, trials,
    /// speed and view in range.
    pub fn check(&self) -> Result<(), String> {
        bounded("the tour's `title`", &self.title, 120)?;
        if self.steps.is_empty() || self.steps.len() > MAX_STEPS {
            return Err(format!(
                "a tour has 1–{MAX_STEPS} steps (this one has {})",
                self.steps.len()
            ));
        }
        for (i, s) in self.steps.iter().enumerate() {
            let at = |m: String| format!("step {}: {m}", i + 1);
            bounded("`title`", &s.title, 120).map_err(at)?;
            bounded("`text`", &s.text, 1200).map_err(at)?;
            bounded("`link`", &s.link, 4000).map_err(at)?;
            let link = permalink::decode(&s.link);
            if let Some(r) = link.rejected.first() {
                return Err(at(format!("`link`: {}", r.reason)));
            }
            if s.trials > MAX_STEP_TRIALS {
                return Err(at(format!(
                    "`trials` = {} is out of range 0–{MAX_STEP_TRIALS}",
                    s.trials
                )));
            }
            if s.speed >= view::SPEEDS.len() {
                return Err(at(format!(
                    "`speed` = {} is out of range 0–{}",
                    s.speed,
                    view::SPEEDS.len() - 1
                )));
            }
            if !VIEWS.contains(&s.view.as_str()) {
                return Err(at(format!(
                    "`view` = {:?} is not one of: {}",
                    crate::format::short(&s.view, crate::format::QUOTED),
                    VIEWS.join(", ")
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_tour_is_valid_and_round_trips_as_json() {
        // The JSON holds no words (the catalog does): read as a communicator's tour it is
        // refused for its empty title; with the catalog's words it is a valid tour.
        let bare = Tour::from_json(BUILTIN_JSON).expect_err("no words in the JSON");
        assert!(bare.contains("`title`"), "{bare}");
        let tour = builtin();
        tour.check().expect("the built-in tour checks");
        assert_eq!(
            tour.title,
            crate::i18n::Catalog::english().text("tour-title")
        );
        assert_eq!(tour.steps.len(), 11);
        assert_eq!(
            tour.steps[10].view, "sweep",
            "the last step looks at the regime map"
        );
        let json = serde_json::to_string(&tour).expect("serialises");
        assert_eq!(Tour::from_json(&json), Ok(tour));
    }

    #[test]
    fn a_bad_tour_is_refused_with_the_step_and_the_field() {
        let step = |link: &str, view: &str, trials: u32| {
            format!(
                r#"{{"title":"t","text":"x","link":"{link}","trials":{trials},"view":"{view}"}}"#
            )
        };
        let tour = |steps: &[String]| format!(r#"{{"title":"T","steps":[{}]}}"#, steps.join(","));
        let cases = [
            (
                tour(&[
                    step("preset=rotation", "reach", 1),
                    step("loop_strength=9", "reach", 1),
                ]),
                "step 2: `link`: `loop_strength` = 9 is out of range 0–2",
            ),
            (
                tour(&[step("preset=rotation", "parameters", 1)]),
                "step 1: `view` = \"parameters\" is not one of",
            ),
            (
                tour(&[step("preset=rotation", "reach", 9999)]),
                "step 1: `trials` = 9999 is out of range 0–5000",
            ),
            (
                tour(&[
                    step("preset=rotation", "reach", 1).replace("\"trials\":1", "\"trials\":2.5")
                ]),
                "step 1: `trials`: invalid type: floating point `2.5`, expected u32",
            ),
            (tour(&[]), "1–30 steps"),
            (
                "{\"title\":\"T\",\"steps\":[],\"evil\":1}".to_string(),
                "unknown field `evil`",
            ),
            ("not json".to_string(), "the tour is not valid"),
        ];
        for (json, want) in cases {
            let err = Tour::from_json(&json).expect_err(&json);
            assert!(err.contains(want), "{json}: {err}");
        }
    }
}
