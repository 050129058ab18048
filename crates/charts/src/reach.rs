//! The reach view: the workspace seen from above.
//!
//! The target distance is the unit circle. Targets sit on it; the cursor path (the hand rotated by
//! the visuomotor rotation) unfolds from the centre; the last paths fade behind it; optionally the
//! hand path is drawn beside the cursor path.

use crate::style::{Style, CURSOR, HAND, RUN_B, TARGET};
use crate::DrawError;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Deserializer, Serialize};
use std::borrow::Cow;

/// A path's positions read back from JSON (a figure handed to the second module), owned.
fn owned_f32s<'de, 'a, D: Deserializer<'de>>(d: D) -> Result<Cow<'a, [f32]>, D::Error> {
    bgloop_core::json_floats::f32s(d).map(Cow::Owned)
}

/// One reach path: hand positions (x, y) in target distances, and the rotation that maps hand to cursor.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Path<'a> {
    /// Hand positions, interleaved x, y (borrowed from a run, or owned by a scene that outlives it).
    #[serde(deserialize_with = "owned_f32s")]
    pub hand: Cow<'a, [f32]>,
    /// Rotation of the cursor relative to the hand, degrees.
    #[serde(deserialize_with = "bgloop_core::json_floats::f64_or_nan")]
    pub rotation_deg: f64,
}

impl Path<'_> {
    /// The same path owning its positions.
    pub fn into_owned(self) -> Path<'static> {
        Path {
            hand: Cow::Owned(self.hand.into_owned()),
            rotation_deg: self.rotation_deg,
        }
    }

    fn points(&self, rotate: bool) -> Vec<(f64, f64)> {
        let (c, s) = if rotate {
            let r = self.rotation_deg.to_radians();
            (libm_cos(r), libm_sin(r))
        } else {
            (1.0, 0.0)
        };
        self.hand
            .chunks_exact(2)
            .map(|p| {
                let (x, y) = (f64::from(p[0]), f64::from(p[1]));
                (c * x - s * y, s * x + c * y)
            })
            .collect()
    }
}

fn libm_cos(x: f64) -> f64 {
    bgloop_core::math::cos(x)
}

fn libm_sin(x: f64) -> f64 {
    bgloop_core::math::sin(x)
}

/// Everything the reach view shows.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReachScene<'a> {
    /// Directions of all targets, degrees.
    #[serde(deserialize_with = "bgloop_core::json_floats::f64s")]
    pub targets: Vec<f64>,
    /// The current trial's target, degrees.
    pub current_target: Option<f64>,
    /// Earlier paths, oldest first.
    pub history: Vec<Path<'a>>,
    /// The path of the trial in progress.
    pub current: Option<Path<'a>>,
    /// Draw hand paths beside cursor paths.
    pub show_hand: bool,
    /// Run B of a comparison: its earlier paths and its last one, drawn in its own colour.
    pub b: Option<(Vec<Path<'a>>, Option<Path<'a>>)>,
    /// The two runs' names in a comparison ("A: strong loop"), for the legend.
    pub names: Option<[String; 2]>,
}

impl<'a> ReachScene<'a> {
    /// The scene of a simulation that records traces: its targets, the trial in progress (or the
    /// last one) and the recent paths.
    pub fn of(sim: &'a bgloop_core::Simulation, show_hand: bool) -> Self {
        let config = sim.config();
        let trace = sim.trace();
        let current = (!trace.hand.is_empty()).then(|| Path {
            hand: Cow::Borrowed(&trace.hand[..]),
            rotation_deg: trace.rotation_deg,
        });
        ReachScene {
            targets: (0..config.targets)
                .map(|k| bgloop_core::task::target_deg(k, config.targets))
                .collect(),
            current_target: current.as_ref().map(|_| trace.target_deg),
            history: sim
                .recent_paths()
                .filter(|p| p.trial != trace.trial)
                .map(|p| Path {
                    hand: Cow::Borrowed(&p.hand[..]),
                    rotation_deg: p.rotation_deg,
                })
                .collect(),
            current,
            show_hand,
            b: None,
            names: None,
        }
    }

    /// The scene of two runs compared: run A as in [`ReachScene::of`], with run B's cursor
    /// paths overlaid in its own colour.
    pub fn of_pair(
        a: &'a bgloop_core::Simulation,
        b: &'a bgloop_core::Simulation,
        names: [String; 2],
        show_hand: bool,
    ) -> Self {
        let other = ReachScene::of(b, false);
        ReachScene {
            b: Some((other.history, other.current)),
            names: Some(names),
            ..ReachScene::of(a, show_hand)
        }
    }

    /// The same scene owning its paths, so it can be drawn after the run it was read from is
    /// released.
    pub fn into_owned(self) -> ReachScene<'static> {
        let own = |paths: Vec<Path<'_>>| paths.into_iter().map(Path::into_owned).collect();
        ReachScene {
            targets: self.targets,
            current_target: self.current_target,
            history: own(self.history),
            current: self.current.map(Path::into_owned),
            show_hand: self.show_hand,
            b: self
                .b
                .map(|(history, current)| (own(history), current.map(Path::into_owned))),
            names: self.names,
        }
    }
}

/// The reach chart: the workspace in target distances.
type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Half the side of the workspace shown, in target distances.
const LIM: f64 = 1.25;

/// Draws the reach view filling `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &ReachScene<'_>,
    style: &Style,
) -> Result<(), DrawError> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let side = w.min(h);
    let area = area.margin(
        (h - side) / 2,
        (h - side) / 2,
        (w - side) / 2,
        (w - side) / 2,
    );
    let mut chart = ChartBuilder::on(&area)
        .margin(style.px(6.0))
        .build_cartesian_2d(-LIM..LIM, -LIM..LIM)?;
    draw_workspace(&mut chart, scene, style)?;
    draw_paths(&mut chart, scene, style)?;
    draw_legend(&area, scene.show_hand, scene.names.as_ref(), style)
}

/// The target-distance circle, the centre, axes through it, and the targets.
fn draw_workspace<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    scene: &ReachScene<'_>,
    style: &Style,
) -> Result<(), DrawError> {
    let unit = |css: f64| style.px(css);
    let ring: Vec<(f64, f64)> = (0..=120)
        .map(|i| {
            let a = std::f64::consts::TAU * f64::from(i) / 120.0;
            (libm_cos(a), libm_sin(a))
        })
        .collect();
    chart.draw_series(std::iter::once(PathElement::new(
        ring,
        style.grid().stroke_width(unit(1.5)),
    )))?;
    for (x0, y0, x1, y1) in [(-LIM, 0.0, LIM, 0.0), (0.0, -LIM, 0.0, LIM)] {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x0, y0), (x1, y1)],
            Style::alpha(style.grid(), 0.7).stroke_width(unit(1.0)),
        )))?;
    }
    chart.draw_series(std::iter::once(Circle::new(
        (0.0, 0.0),
        unit(3.5),
        style.muted().filled(),
    )))?;
    for &t in &scene.targets {
        let (x, y) = (libm_cos(t.to_radians()), libm_sin(t.to_radians()));
        let current = scene.current_target == Some(t);
        let r = unit(if current { 9.0 } else { 6.0 });
        chart.draw_series(std::iter::once(Circle::new(
            (x, y),
            r,
            Style::alpha(TARGET, if current { 0.25 } else { 0.08 }).filled(),
        )))?;
        chart.draw_series(std::iter::once(Circle::new(
            (x, y),
            r,
            TARGET.stroke_width(unit(if current { 2.0 } else { 1.0 })),
        )))?;
    }
    Ok(())
}

/// The fading paths of earlier trials (oldest first), then the current one, with end points.
fn draw_paths<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    scene: &ReachScene<'_>,
    style: &Style,
) -> Result<(), DrawError> {
    let unit = |css: f64| style.px(css);
    if let Some((history, current)) = &scene.b {
        let n = history.len().max(1) as f64;
        for (k, p) in history.iter().enumerate() {
            let a = 0.08 + 0.32 * (k as f64 + 1.0) / n;
            chart.draw_series(std::iter::once(PathElement::new(
                p.points(true),
                Style::alpha(RUN_B, a).stroke_width(unit(1.5)),
            )))?;
        }
        if let Some(p) = current {
            let pts = p.points(true);
            let end = pts.last().copied();
            chart.draw_series(std::iter::once(PathElement::new(
                pts,
                RUN_B.stroke_width(unit(3.0)),
            )))?;
            if let Some(end) = end {
                chart.draw_series(std::iter::once(Circle::new(end, unit(5.0), RUN_B.filled())))?;
            }
        }
    }
    let n = scene.history.len().max(1) as f64;
    for (k, p) in scene.history.iter().enumerate() {
        let a = 0.08 + 0.32 * (k as f64 + 1.0) / n;
        if scene.show_hand {
            chart.draw_series(std::iter::once(PathElement::new(
                p.points(false),
                Style::alpha(HAND, a * 0.8).stroke_width(unit(1.2)),
            )))?;
        }
        chart.draw_series(std::iter::once(PathElement::new(
            p.points(true),
            Style::alpha(CURSOR, a).stroke_width(unit(1.5)),
        )))?;
    }
    let Some(p) = &scene.current else {
        return Ok(());
    };
    let mut current = vec![(true, CURSOR, 3.0, 5.0)];
    if scene.show_hand {
        current.insert(0, (false, HAND, 2.5, 4.0));
    }
    for (cursor, color, width, dot) in current {
        let pts = p.points(cursor);
        let end = pts.last().copied();
        chart.draw_series(std::iter::once(PathElement::new(
            pts,
            color.stroke_width(unit(width)),
        )))?;
        if let Some(end) = end {
            chart.draw_series(std::iter::once(Circle::new(end, unit(dot), color.filled())))?;
        }
    }
    Ok(())
}

/// The legend at the top left.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    show_hand: bool,
    names: Option<&[String; 2]>,
    style: &Style,
) -> Result<(), DrawError> {
    let font = style.font(12.0);
    let x0 = style.pxi(10.0);
    let mut y = style.pxi(8.0);
    let words = style.words;
    let cursor_of = |run: &str| {
        words.format(&bgloop_core::i18n::Msg::new("chart-cursor-of").text("run", run.to_string()))
    };
    let mut entries = if let Some([a, b]) = names {
        vec![(CURSOR, cursor_of(a)), (RUN_B, cursor_of(b))]
    } else {
        vec![(CURSOR, words.text("chart-cursor"))]
    };
    if show_hand {
        entries.push((HAND, words.text("chart-hand")));
    }
    entries.push((TARGET, words.text("chart-target")));
    for (color, label) in entries {
        area.draw(&PathElement::new(
            vec![
                (x0, y + style.pxi(7.0)),
                (x0 + style.pxi(16.0), y + style.pxi(7.0)),
            ],
            color.stroke_width(style.px(3.0)),
        ))?;
        area.draw(&Text::new(
            label,
            (x0 + style.pxi(22.0), y),
            font.clone().color(&style.ink()),
        ))?;
        y += style.pxi(17.0);
    }
    Ok(())
}
