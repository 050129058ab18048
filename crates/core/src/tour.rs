//! The guided tour: the paper's argument in a few steps, each a title, a few plain sentences, the
//! experiment it sets (a link), how many trials it runs and at what speed, and the view to look
//! at. Steps are data: [`TOUR`] is the built-in tour, and a communicator's own tour is a JSON file
//! of the same shape, checked by [`Tour::from_json`] like any other input.

use crate::permalink;
use crate::view;
use serde::{Deserialize, Serialize};

/// One step of a tour.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A short title.
    pub title: String,
    /// Two to four plain sentences.
    pub text: String,
    /// The experiment it sets: a permalink fragment, e.g. `preset=rotation&seed=1`.
    pub link: String,
    /// Trials it runs (0: only sets the experiment; 1: one trial, animated).
    pub trials: u32,
    /// The speed it runs them at (an index into [`view::SPEEDS`]).
    #[serde(default = "default_speed")]
    pub speed: usize,
    /// The view to look at (a part name: `reach`, `learning`, `activity`, `circuit`).
    pub view: String,
}

fn default_speed() -> usize {
    view::DEFAULT_SPEED
}

/// A tour: a title and its steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tour {
    /// The tour's title.
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
pub const VIEWS: &[&str] = &["reach", "learning", "activity", "circuit"];

struct Builtin {
    title: &'static str,
    text: &'static str,
    link: &'static str,
    trials: u32,
    speed: usize,
    view: &'static str,
}

/// The built-in tour: the paper's argument in eight steps, then two experiments from the lab and
/// the clinic.
const TOUR: &[Builtin] = &[
    Builtin {
        title: "A loop through the basal ganglia",
        text: "The cortex holds a plan for a reach. It talks to the basal ganglia through two routes: via the striatum, which inhibits the output nucleus GPi, and via the STN, which excites it. GPi inhibits the thalamus, and the thalamus excites the cortex back. Watch the colours as one reach is planned and made: red is above rest, blue below.",
        link: "preset=rotation&seed=1",
        trials: 1,
        speed: 0,
        view: "circuit",
    },
    Builtin {
        title: "One reach, and a rotated cursor",
        text: "Each trial the target appears, the cortex plans, and the hand moves along the plan. Here the cursor the subject sees is rotated by 30°, so a reach aimed at the target lands 30° off, and earns no reward.",
        link: "preset=rotation&seed=1&hand=1",
        trials: 3,
        speed: 1,
        view: "reach",
    },
    Builtin {
        title: "Reward teaches the loop",
        text: "Noise in the striatum makes every reach a little different. When one happens to land near the target it is rewarded, and dopamine strengthens the cortico-striatal synapses that drove it. Within a few dozen trials the error shrinks to a few degrees.",
        link: "preset=rotation&seed=1",
        trials: 150,
        speed: 3,
        view: "learning",
    },
    Builtin {
        title: "A weak loop cannot adapt",
        text: "The same task twice from the same seed: A with the loop at full strength, B with the thalamo-cortical loop cut to a quarter. B still reaches, but its error stays near 30°: what the basal ganglia learn no longer reaches the cortical plan.",
        link: "preset=strong-vs-weak&seed=2",
        trials: 150,
        speed: 3,
        view: "learning",
    },
    Builtin {
        title: "Learn, then silence GPi",
        text: "Both runs adapt for 400 trials, then GPi output is switched off. Reaches are still made, as fast as before: executing a movement does not need the basal ganglia. But A's error jumps back to 30°. Run B had slowly copied its rewarded reaches into the cortex, and keeps them.",
        link: "preset=inactivate-gpi&seed=2",
        trials: 460,
        speed: 4,
        view: "learning",
    },
    Builtin {
        title: "The cortex holds the plan",
        text: "The visual cue lasts only 100 ms, yet the cortical bump persists after it: recurrent excitation in the cortical ring holds the plan, an attractor. Look at the cortex strip of the activity view.",
        link: "preset=attractor&seed=1",
        trials: 1,
        speed: 1,
        view: "activity",
    },
    Builtin {
        title: "Dopamine and a 10 Hz rhythm",
        text: "With dopamine at a fifth of normal, the striatal route weakens and the loop through the STN takes over: GPi oscillates at about 10 Hz, stripes in its strip. With normal dopamine the same loop makes a focused dip in GPi under the plan instead.",
        link: "preset=dynamics&seed=1",
        trials: 1,
        speed: 1,
        view: "activity",
    },
    Builtin {
        title: "Learning to reach from scratch",
        text: "Without any innate map from targets to movements, early reaches go anywhere. Rewarded reaches teach the striatum which cells to recruit for each of eight targets, and after a few hundred trials most reaches hit.",
        link: "preset=babbling&seed=1",
        trials: 600,
        speed: 4,
        view: "reach",
    },
    Builtin {
        title: "Block learning: the skill stays, nothing new is learned",
        text: "Both runs adapt to the 30° rotation. From trial 301, B's dopamine-dependent plasticity is blocked, yet its reaches stay adapted. From trial 401 the rotation grows to 50°: A learns the extra 20°, B's error stays at 20°. Blocking dopamine's teaching signal in mice did the same (Ghanayim et al. 2025).",
        link: "preset=learning-blocked&seed=1",
        trials: 700,
        speed: 4,
        view: "learning",
    },
    Builtin {
        title: "Losing dopamine, as in Parkinson's disease",
        text: "In Parkinson's disease the striatum loses its dopamine. From trial 301, B keeps half: its reaches slow from about 130 ms to 170–215 ms (the status line shows each run's reach time) and are a little less accurate. Here low dopamine slows movement without stopping learning: B still learns the extra 20° from trial 401.",
        link: "preset=dopamine-loss&seed=1",
        trials: 700,
        speed: 4,
        view: "learning",
    },
];

/// The built-in tour.
pub fn builtin() -> Tour {
    Tour {
        title: "Why adapting a reach needs a strong basal ganglia loop".to_string(),
        steps: TOUR
            .iter()
            .map(|s| Step {
                title: s.title.to_string(),
                text: s.text.to_string(),
                link: s.link.to_string(),
                trials: s.trials,
                speed: s.speed,
                view: s.view.to_string(),
            })
            .collect(),
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
    /// "link", "trials", "speed"?, "view" }] }`); the error names the step and the field.
    pub fn from_json(text: &str) -> Result<Tour, String> {
        if text.len() > MAX_JSON {
            return Err(format!(
                "a tour is at most {MAX_JSON} bytes (this one has {})",
                text.len()
            ));
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("the tour is not valid JSON: {e}"))?;
        let tour = Tour::from_value(&value)?;
        tour.check()?;
        Ok(tour)
    }

    /// The tour in a parsed JSON value; each error names the step and the field.
    fn from_value(value: &serde_json::Value) -> Result<Tour, String> {
        use serde_json::{Map, Value};
        let short = |s: &str| s.chars().take(40).collect::<String>();
        let text = |o: &Map<String, Value>, at: &str, field: &str| {
            o.get(field)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("{at}`{field}` must be text"))
        };
        let whole = |o: &Map<String, Value>, at: &str, field: &str, max: u64| match o
            .get(field)
            .map(Value::as_u64)
        {
            Some(Some(n)) if n <= max => Ok(n),
            _ => Err(format!(
                "{at}`{field}` must be a whole number in 0–{max}, not {}",
                o.get(field)
                    .map_or_else(|| "nothing".to_string(), |v| short(&v.to_string()))
            )),
        };
        let top = value.as_object().ok_or("a tour must be an object { … }")?;
        if let Some(k) = top
            .keys()
            .find(|k| !["title", "steps"].contains(&k.as_str()))
        {
            return Err(format!(
                "unknown field `{}` (a tour has `title` and `steps`)",
                short(k)
            ));
        }
        let steps = top
            .get("steps")
            .and_then(Value::as_array)
            .ok_or("`steps` must be a list [ … ]")?;
        const FIELDS: [&str; 6] = ["title", "text", "link", "trials", "speed", "view"];
        let mut out = Vec::with_capacity(steps.len().min(MAX_STEPS + 1));
        for (i, v) in steps.iter().enumerate().take(MAX_STEPS + 1) {
            let at = format!("step {}: ", i + 1);
            let o = v
                .as_object()
                .ok_or_else(|| format!("step {} must be an object {{ … }}", i + 1))?;
            if let Some(k) = o.keys().find(|k| !FIELDS.contains(&k.as_str())) {
                return Err(format!(
                    "{at}unknown field `{}` (fields: {})",
                    short(k),
                    FIELDS.join(", ")
                ));
            }
            let speed = match o.get("speed") {
                None => view::DEFAULT_SPEED,
                Some(_) => whole(o, &at, "speed", (view::SPEEDS.len() - 1) as u64)? as usize,
            };
            out.push(Step {
                title: text(o, &at, "title")?,
                text: text(o, &at, "text")?,
                link: text(o, &at, "link")?,
                trials: whole(o, &at, "trials", u64::from(MAX_STEP_TRIALS))? as u32,
                speed,
                view: text(o, &at, "view")?,
            });
        }
        Ok(Tour {
            title: text(top, "", "title")?,
            steps: out,
        })
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
                    s.view.chars().take(40).collect::<String>(),
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
        let tour = builtin();
        tour.check().expect("valid");
        assert!((5..=10).contains(&tour.steps.len()));
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
                tour(&[step("preset=rotation", "sweep", 1)]),
                "step 1: `view` = \"sweep\" is not one of",
            ),
            (
                tour(&[step("preset=rotation", "reach", 9999)]),
                "step 1: `trials` must be a whole number in 0–5000, not 9999",
            ),
            (
                tour(&[
                    step("preset=rotation", "reach", 1).replace("\"trials\":1", "\"trials\":2.5")
                ]),
                "step 1: `trials` must be a whole number in 0–5000, not 2.5",
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
