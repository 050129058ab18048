//! Sweeps: one job of a sweep of one parameter or a map of two run (in a sweep's worker), what
//! the outcomes say (per value, per cell, in words), and their charts and SVG figure. Static:
//! nothing here is kept between calls. Forwards and conversions only. (A sweep's jobs come from
//! the playground, `Playground.sweepJobs`: they are read off its pending experiment.)

use bgloop_boundary::canvas::{checked, document, plot};
use bgloop_boundary::language::words;
use bgloop_boundary::read::{self as boundary, js_error, settings, text};
use bgloop_boundary::to_js;
use bgloop_core::sweep;
use wasm_bindgen::prelude::*;

/// A sweep's refusal as a JS error, in the page's language.
/// A sweep's parameter, its second one (a map's; optional) and its outcomes so far, read from JS.
fn read(
    param: &JsValue,
    param2: &JsValue,
    outcomes: &JsValue,
) -> Result<(String, Option<String>, Vec<sweep::Outcome>), JsError> {
    let param = text(param, "param")?;
    let param2 = boundary::optional_text(param2, "param2")?;
    let outcomes = boundary::outcomes(outcomes, &param, param2.as_deref())?;
    Ok((param, param2, outcomes))
}

/// The sweep functions, as one namespace for JavaScript (`Sweeps.run(…)`, `Sweeps.draw(…)`, …).
#[wasm_bindgen]
pub struct Sweeps;

#[wasm_bindgen]
impl Sweeps {
    /// A sweep's outcomes (`[{ value, value2?, seed, final_error, … }]`) summarised per value or
    /// cell: `[{ value, value2?, mean, sd, min, max, n }]` (what the map's readout says).
    pub fn points(outcomes: JsValue, param: JsValue, param2: JsValue) -> Result<JsValue, JsError> {
        let (_, _, outcomes) = read(&param, &param2, &outcomes)?;
        to_js(&sweep::summarize(&outcomes))
    }

    /// What the sweep's cell at `value` (and `value2` in a map) says when read: `{ runs, diverged,
    /// regimes: [[regime, count], …], error: [mean, sd], executed, reward, reach_ms, adapt,
    /// adapted_runs }` (each mean over the runs that have it; null before any run).
    pub fn cell(
        outcomes: JsValue,
        param: JsValue,
        param2: JsValue,
        value: f64,
        value2: Option<f64>,
    ) -> Result<JsValue, JsError> {
        let (_, _, outcomes) = read(&param, &param2, &outcomes)?;
        to_js(&sweep::cell(&outcomes, value, value2))
    }

    /// A sweep in words, in the page's language: `{ label, table: { caption, head, rows } }` —
    /// the text alternative of its canvas and its data table, a row per value of `param` and a
    /// column per value of `param2` (for a map), each cell `measure`'s mean or the regime.
    pub fn describe(
        outcomes: JsValue,
        param: JsValue,
        param2: JsValue,
        values: Vec<f64>,
        values2: Vec<f64>,
        measure: Option<String>,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let param2 = boundary::optional_text(&param2, "param2")?;
        let measure = boundary::measure(measure)?;
        for (v, name) in [(&values, "values"), (&values2, "values2")] {
            if v.len() > 200 || v.iter().any(|x| !x.is_finite()) {
                return Err(js_error(format!(
                    "`{name}` must be at most 200 finite numbers"
                )));
            }
        }
        let outcomes = boundary::outcomes(&outcomes, &param, param2.as_deref())?;
        let points = sweep::summarize_by(&outcomes, measure);
        to_js(&bgloop_charts::describe::sweep(
            words(),
            (&param, &values),
            param2.as_deref().map(|p| (p, values2.as_slice())),
            &points,
            measure,
        ))
    }

    /// Runs one sweep job on `base` (an object of entries, e.g. the view's `pending_entries`): `{ value,
    /// seed, final_error, executed, … }`; with `param2` and `value2`, one cell of a map. Used by
    /// the sweep's Web Workers.
    pub fn run(
        base: JsValue,
        param: JsValue,
        value: f64,
        seed: f64,
        trials: f64,
        param2: JsValue,
        value2: Option<f64>,
    ) -> Result<JsValue, JsError> {
        let param = text(&param, "param")?;
        let pairs = settings(&base, "base")?;
        let base = pairs.iter().map(|(k, v)| (k.as_str(), v.clone()));
        let second = if param2.is_undefined() || param2.is_null() {
            None
        } else {
            let value2 = value2.ok_or_else(|| js_error("a map's job needs `value2`"))?;
            Some((text(&param2, "param2")?, value2))
        };
        let second = second.as_ref().map(|(p, w)| (p.as_str(), *w));
        let outcome =
            sweep::run_entries(base, (&param, value), second, [seed, trials]).map_err(js_error)?;
        to_js(&outcome)
    }
    /// Draws a sweep's outcomes so far (`[{ value, seed, final_error, … }]`) against `param` over
    /// `[from, to]`.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(
        canvas: JsValue,
        param: JsValue,
        from: f64,
        to: f64,
        outcomes: JsValue,
        scale: f64,
        high_contrast: bool,
        measure: Option<String>,
    ) -> Result<(), JsError> {
        let param = boundary::text(&param, "param")?;
        let measure = boundary::measure(measure)?;
        let outcomes = boundary::outcomes(&outcomes, &param, None)?;
        let points = bgloop_core::sweep::summarize_by(&outcomes, measure);
        let from = checked("from", from, -1e9, 1e9)?;
        let to = checked("to", to, -1e9, 1e9)?;
        plot(&canvas, scale, high_contrast, |area, style| {
            bgloop_charts::sweep::draw(area, &param, (from, to), &outcomes, &points, measure, style)
        })
    }

    /// Draws a map of a two-parameter sweep's outcomes so far (`[{ value, value2, seed,
    /// final_error, … }]`): `param` (x) over `values`, `param2` (y) over `values2`, a ring on
    /// `marker` (`[x, y]`, the current settings; optional). Returns where the cells are, `{
    /// pixels: [left, top, right, bottom], x: [lo, hi], y: [lo, hi] }`, for reading a cell under
    /// the pointer.
    #[wasm_bindgen(js_name = drawMap)]
    #[allow(clippy::too_many_arguments)]
    pub fn draw_map(
        canvas: JsValue,
        param: JsValue,
        param2: JsValue,
        values: Vec<f64>,
        values2: Vec<f64>,
        outcomes: JsValue,
        scale: f64,
        high_contrast: bool,
        marker: Option<Vec<f64>>,
        measure: Option<String>,
    ) -> Result<JsValue, JsError> {
        let param = boundary::text(&param, "param")?;
        let param2 = boundary::text(&param2, "param2")?;
        let measure = boundary::measure(measure)?;
        let outcomes = boundary::outcomes(&outcomes, &param, Some(&param2))?;
        let points = bgloop_core::sweep::summarize_by(&outcomes, measure);
        let finite = |v: &[f64], name: &str| -> Result<(), JsError> {
            if v.is_empty() || v.len() > 200 || v.iter().any(|x| !x.is_finite()) {
                return Err(js_error(format!("`{name}` must be 1–200 finite numbers")));
            }
            Ok(())
        };
        finite(&values, "values")?;
        finite(&values2, "values2")?;
        let marker = marker
            .filter(|m| m.len() == 2 && m.iter().all(|x| x.is_finite()))
            .map(|m| (m[0], m[1]));
        let map = bgloop_charts::sweep::Map {
            x: (&param, &values),
            y: (&param2, &values2),
            points: &points,
            marker,
            measure,
            trials: outcomes.first().map_or(1, |o| o.trials),
        };
        let mut layout = None;
        plot(&canvas, scale, high_contrast, |area, style| {
            layout = Some(bgloop_charts::sweep::draw_map(area, &map, style)?);
            Ok(())
        })?;
        to_js(&layout)
    }

    /// A sweep as a figure to hand out, one SVG document (`width × height` pixels): a title (seeds,
    /// trials, the final window) over the curve of `param` over `[from, to]`, or — with `param2`
    /// — the map over `values` × `values2` with a ring on `marker`; what `bgloop sweep --figure`
    /// draws.
    #[allow(clippy::too_many_arguments)]
    pub fn svg(
        param: JsValue,
        range: Vec<f64>,
        param2: JsValue,
        values: Vec<f64>,
        values2: Vec<f64>,
        outcomes: JsValue,
        runs: Vec<f64>,
        marker: Option<Vec<f64>>,
        size: Vec<f64>,
        measure: Option<String>,
    ) -> Result<String, JsError> {
        let (param, param2, outcomes) = read(&param, &param2, &outcomes)?;
        let measure = boundary::measure(measure)?;
        let points = bgloop_core::sweep::summarize_by(&outcomes, measure);
        let two = |v: &[f64], name: &str| -> Result<(f64, f64), JsError> {
            match v {
                [a, b] if a.is_finite() && b.is_finite() => Ok((*a, *b)),
                _ => Err(js_error(format!("`{name}` must be two finite numbers"))),
            }
        };
        let (from, to) = two(&range, "range")?;
        let (seeds, trials) = two(&runs, "runs")?;
        let (w, h) = two(&size, "size")?;
        let w = checked("width", w, 300.0, 8000.0)? as u32;
        let h = checked("height", h, 200.0, 8000.0)? as u32;
        let seeds = checked("seeds", seeds, 1.0, 100.0)? as u32;
        let trials = checked("trials", trials, 1.0, 100_000.0)? as u32;
        let marker = marker
            .filter(|m| m.len() == 2 && m.iter().all(|x| x.is_finite()))
            .map(|m| (m[0], m[1]));
        let map = param2.as_deref().map(|p2| bgloop_charts::sweep::Map {
            x: (&param, &values),
            y: (p2, &values2),
            points: &points,
            marker,
            measure,
            trials,
        });
        let figure = bgloop_charts::sweep::SweepFigure {
            title: bgloop_charts::sweep::SweepFigure::title_for(seeds, trials, measure, words()),
            curve: (&param, (from, to)),
            outcomes: &outcomes,
            points: &points,
            map,
            measure,
            words: words(),
        };
        document()?;
        figure.svg(w, h).map_err(js_error)
    }
}
