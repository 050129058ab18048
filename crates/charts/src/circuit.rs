//! The circuit view: the loop as readers know it from the article — cortex → striatum → GPi →
//! thalamus → cortex, and cortex → STN → GPi (the hyperdirect pathway) — with each population
//! coloured by its activity now (relative to rest, as in the activity view), the loop strength λ
//! on the thalamo-cortical arrow, dopamine on the cortico-striatal one, and the GPi output cut when
//! it is off.

use crate::style::{dashes, diverging, Style};
use crate::DrawError;
use bgloop_core::i18n::Msg;
use bgloop_core::{Config, Population, Trace};
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the circuit view shows.
#[derive(Clone, Debug)]
pub struct CircuitScene {
    /// Per population (in [`Population::ALL`] order), its mean rate's change from rest now, −1
    /// to 1 (see [`CircuitScene::of`]; 0 when nothing has been recorded yet).
    pub activity: [f64; 5],
    /// λ: loop strength in force.
    pub loop_strength: f64,
    /// DA: dopamine in force.
    pub dopamine: f64,
    /// κ: GPi output in force.
    pub gpi_output: f64,
    /// Time in the trial, ms, and whether the hand is moving (after go).
    pub time_ms: Option<f64>,
    /// The go time, ms.
    pub go_ms: f64,
}

impl CircuitScene {
    /// The scene of the last sample of `trace` under `config` (the configuration in force).
    /// A population's colour is its mean rate now relative to rest, over the largest such change
    /// in the trial: the ring as a whole, as a recording electrode would see it (a single unit
    /// would mislead: pallidal and thalamic units are patchy, some silenced, some released).
    pub fn of(trace: &Trace, config: &Config) -> Self {
        let mut activity = [0.0; 5];
        if trace.has_rings() && !trace.is_empty() {
            for (row, &p) in Population::ALL.iter().enumerate() {
                let mean = |k: usize| {
                    let r = trace.ring(k, p);
                    r.iter().map(|&v| f64::from(v)).sum::<f64>() / r.len().max(1) as f64
                };
                let rest = mean(0);
                let span = (0..trace.len())
                    .map(|k| (mean(k) - rest).abs())
                    .fold(MEAN_FLOOR, f64::max);
                activity[row] = (mean(trace.len() - 1) - rest) / span;
            }
        }
        CircuitScene {
            activity,
            loop_strength: config.loop_strength,
            dopamine: config.dopamine,
            gpi_output: config.gpi_output,
            time_ms: trace.time_ms.last().map(|&t| f64::from(t)),
            go_ms: config.go_ms,
        }
    }
}

/// A population whose mean rate hardly changes keeps at least this span, so it stays pale.
const MEAN_FLOOR: f64 = 0.02;

/// Where each population sits, in fractions of the view (x right, y down), in
/// [`Population::ALL`] order: cortex, striatum, STN, GPi, thalamus.
const PLACES: [(f64, f64); 5] = [
    (0.5, 0.15),
    (0.2, 0.5),
    (0.58, 0.5),
    (0.4, 0.84),
    (0.84, 0.6),
];

/// One connection: from, to, excitatory, the label on it (a key into the scene), width factor.
struct Edge {
    from: Population,
    to: Population,
    excitatory: bool,
    gain: Gain,
}

#[derive(Clone, Copy, PartialEq)]
enum Gain {
    Fixed,
    Loop,
    Dopamine,
    Gpi,
}

const EDGES: [Edge; 6] = [
    Edge {
        from: Population::Cortex,
        to: Population::Striatum,
        excitatory: true,
        gain: Gain::Dopamine,
    },
    Edge {
        from: Population::Striatum,
        to: Population::Gpi,
        excitatory: false,
        gain: Gain::Fixed,
    },
    Edge {
        from: Population::Gpi,
        to: Population::Thalamus,
        excitatory: false,
        gain: Gain::Gpi,
    },
    Edge {
        from: Population::Thalamus,
        to: Population::Cortex,
        excitatory: true,
        gain: Gain::Loop,
    },
    Edge {
        from: Population::Cortex,
        to: Population::Stn,
        excitatory: true,
        gain: Gain::Fixed,
    },
    Edge {
        from: Population::Stn,
        to: Population::Gpi,
        excitatory: true,
        gain: Gain::Fixed,
    },
];

/// Draws the circuit filling `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &CircuitScene,
    style: &Style,
) -> Result<(), DrawError> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h) - f64::from(style.px(20.0)));
    let radius = (w.min(h) * 0.11).max(f64::from(style.px(14.0)));
    let at = |p: Population| {
        let (x, y) = PLACES[p as usize];
        (x * w, y * h)
    };
    for e in &EDGES {
        draw_edge(area, e, (at(e.from), at(e.to)), radius, scene, style)?;
    }
    for (row, &p) in Population::ALL.iter().enumerate() {
        let (x, y) = at(p);
        let [r, g, b] = diverging(scene.activity[row]);
        let centre = (x as i32, y as i32);
        area.draw(&Circle::new(
            centre,
            radius as i32,
            RGBColor(r, g, b).filled(),
        ))?;
        area.draw(&Circle::new(
            centre,
            radius as i32,
            style.ink().stroke_width(style.px(1.5)),
        ))?;
        let name = style.words.text(&format!("population-{}", p.key()));
        let label = name.as_str();
        // A name sits inside its node (white on a strongly coloured one), a size smaller if it
        // must; one that does not fit even so goes under the node, in ink.
        let fits = |size: f64| {
            area.estimate_text_size(label, &style.font(size).into())
                .is_ok_and(|(tw, _)| f64::from(tw) <= 2.0 * radius - f64::from(style.px(4.0)))
        };
        let size = [11.5, 10.0, 9.0].into_iter().find(|&s| fits(s));
        let (at, ink) = match size {
            None => (
                (centre.0, centre.1 + radius as i32 + style.pxi(8.0)),
                style.ink(),
            ),
            Some(_) if scene.activity[row].abs() > 0.6 => (centre, WHITE),
            Some(_) => (centre, style.ink()),
        };
        area.draw(&Text::new(
            label,
            at,
            style.font(size.unwrap_or(10.0)).color(&ink).pos(
                plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Center,
                    plotters::style::text_anchor::VPos::Center,
                ),
            ),
        ))?;
    }
    draw_caption(area, scene, style)
}

/// The gain an edge draws with and its label (λ, DA or κ where the reader can change it), its
/// number in the reader's way.
fn gain_of(e: &Edge, scene: &CircuitScene, style: &Style) -> (f64, Option<String>) {
    let num = |x: f64| style.words.number(x);
    match e.gain {
        Gain::Fixed => (1.0, None),
        Gain::Loop => (
            scene.loop_strength,
            Some(format!("λ {}", num(scene.loop_strength))),
        ),
        Gain::Dopamine => (scene.dopamine, Some(format!("DA {}", num(scene.dopamine)))),
        Gain::Gpi => (
            scene.gpi_output,
            Some(format!("κ {}", num(scene.gpi_output))),
        ),
    }
}

/// A point in whole pixels.
fn px(q: (f64, f64)) -> (i32, i32) {
    (q.0 as i32, q.1 as i32)
}

/// An arrow (excitatory) or a bar-ended line (inhibitory) between two nodes, its width following
/// its gain, labelled with λ, DA or κ where the reader can change it.
fn draw_edge<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    e: &Edge,
    (from, to): ((f64, f64), (f64, f64)),
    radius: f64,
    scene: &CircuitScene,
    style: &Style,
) -> Result<(), DrawError> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = bgloop_core::math::hypot(dx, dy).max(1.0);
    let unit = (dx / len, dy / len);
    let gap = radius + f64::from(style.px(3.0));
    let a = (from.0 + unit.0 * gap, from.1 + unit.1 * gap);
    let b = (to.0 - unit.0 * gap, to.1 - unit.1 * gap);
    let (value, label) = gain_of(e, scene, style);
    let color = if e.excitatory {
        style.ink()
    } else {
        RGBColor(0x33, 0x5c, 0x99)
    };
    let cut = e.gain == Gain::Gpi && value == 0.0;
    if cut {
        draw_cut(area, (a, b), color, style)?;
    } else {
        let width = style.px((0.6 + 2.2 * value.clamp(0.0, 2.0)).max(0.6));
        area.draw(&PathElement::new(
            vec![px(a), px(b)],
            color.stroke_width(width),
        ))?;
        draw_end(area, b, unit, e.excitatory, color, style)?;
    }
    if let Some(text) = label {
        let text = if cut {
            style.words.text("chart-gpi-output-off")
        } else {
            text
        };
        draw_edge_label(area, (a, b), unit, text, style)?;
    }
    Ok(())
}

/// A switched-off output: a faint dashed line with a red cross at its middle.
fn draw_cut<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (a, b): ((f64, f64), (f64, f64)),
    color: RGBColor,
    style: &Style,
) -> Result<(), DrawError> {
    let eighth = bgloop_core::math::hypot(b.0 - a.0, b.1 - a.1) / 8.0;
    for dash in dashes(&[a, b], eighth, eighth) {
        area.draw(&PathElement::new(
            dash.into_iter().map(px).collect::<Vec<_>>(),
            Style::alpha(color, 0.4).stroke_width(style.px(1.2)),
        ))?;
    }
    let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let c = f64::from(style.px(7.0));
    let bad = RGBColor(0xb9, 0x1c, 0x1c);
    for (sx, sy) in [(1.0, 1.0), (1.0, -1.0)] {
        area.draw(&PathElement::new(
            vec![
                px((m.0 - c * sx, m.1 - c * sy)),
                px((m.0 + c * sx, m.1 + c * sy)),
            ],
            bad.stroke_width(style.px(2.5)),
        ))?;
    }
    Ok(())
}

/// The end of an edge at `b`: an arrowhead (excitatory) or a bar (inhibitory).
fn draw_end<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    b: (f64, f64),
    (ux, uy): (f64, f64),
    excitatory: bool,
    color: RGBColor,
    style: &Style,
) -> Result<(), DrawError> {
    let head = f64::from(style.px(8.0));
    if excitatory {
        let (nx, ny) = (-uy, ux);
        let base = (b.0 - ux * head, b.1 - uy * head);
        area.draw(&Polygon::new(
            vec![
                px(b),
                px((base.0 + nx * head * 0.55, base.1 + ny * head * 0.55)),
                px((base.0 - nx * head * 0.55, base.1 - ny * head * 0.55)),
            ],
            color.filled(),
        ))?;
    } else {
        let (nx, ny) = (-uy * head * 0.7, ux * head * 0.7);
        area.draw(&PathElement::new(
            vec![px((b.0 + nx, b.1 + ny)), px((b.0 - nx, b.1 - ny))],
            color.stroke_width(style.px(3.0)),
        ))?;
    }
    Ok(())
}

/// An edge's label beside its middle, on the side away from the diagram's middle.
fn draw_edge_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (a, b): ((f64, f64), (f64, f64)),
    (ux, uy): (f64, f64),
    text: String,
    style: &Style,
) -> Result<(), DrawError> {
    let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let off = f64::from(style.px(12.0));
    let (w, h) = area.dim_in_pixel();
    let centre = (f64::from(w) / 2.0, f64::from(h) / 2.0);
    let side = if (m.0 - centre.0) * uy - (m.1 - centre.1) * ux >= 0.0 {
        1.0
    } else {
        -1.0
    };
    let pos = (m.0 + side * uy * off, m.1 - side * ux * off);
    area.draw(&Text::new(
        text,
        px(pos),
        style
            .font(11.0)
            .color(&style.ink())
            .pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Center,
            )),
    ))?;
    Ok(())
}

/// One line under the diagram: time in the trial and what the colours and line ends mean.
fn draw_caption<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &CircuitScene,
    style: &Style,
) -> Result<(), DrawError> {
    let (_, h) = area.dim_in_pixel();
    let when = match scene.time_ms {
        Some(t) if t >= scene.go_ms => style
            .words
            .format(&Msg::new("chart-reaching").text("ms", format!("{t:.0}"))),
        Some(t) => style
            .words
            .format(&Msg::new("chart-planning").text("ms", format!("{t:.0}"))),
        None => style.words.text("chart-between-trials"),
    };
    let (w, _) = area.dim_in_pixel();
    let font = style.font(10.5).color(&style.muted());
    // The longest caption that fits the width: a narrow view keeps the time and the colours.
    let candidates = [
        format!(
            "{when} · {} · {}",
            style.words.text("chart-colours"),
            style.words.text("chart-inhibits")
        ),
        format!("{when} · {}", style.words.text("chart-colours")),
        when,
    ];
    let fits = |t: &String| {
        area.estimate_text_size(t, &font)
            .is_ok_and(|(tw, _)| tw + style.px(8.0) <= w)
    };
    let caption = candidates
        .iter()
        .find(|t| fits(t))
        .unwrap_or(&candidates[2]);
    area.draw(&Text::new(
        caption.clone(),
        (style.pxi(4.0), h as i32 - style.pxi(16.0)),
        font,
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reach_shows_cortex_up_and_a_cut_gpi_when_it_is_off() {
        let mut sim = crate::rotation_run(Some(2));
        sim.run_trial_slice(300.0).expect("finite");
        let scene = CircuitScene::of(sim.trace(), sim.in_force());
        assert!(
            scene.activity[0] > 0.2,
            "the cortical bump: {:?}",
            scene.activity
        );
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (320, 260)).into_drawing_area();
            let off = CircuitScene {
                gpi_output: 0.0,
                ..scene.clone()
            };
            draw(&area, &off, &Style::default()).expect("draws");
        }
        assert!(svg.contains("GPi output off"), "the cut is labelled");
        assert!(svg.contains("λ 1"));
    }
}
