//! The activity view: the five rings over the trial as heat strips (time → x, preferred direction
//! → y), so the bump can be seen forming, drifting and persisting.
//!
//! The heat itself is a pixel image ([`heat_rgba`]) — thousands of cells are too many for vector
//! drawing at animation rates — and the labels and frame are drawn with plotters ([`draw_frame`]).

use crate::style::{diverging, Style};
use crate::DrawError;
use bgloop_core::{Population, Trace};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Where the strips go inside a canvas of a given size, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// Left edge of the strips (room for ring names).
    pub left: u32,
    /// Right edge.
    pub right: u32,
    /// Top of the first strip.
    pub top: u32,
    /// Height of one strip.
    pub strip: u32,
    /// Gap between strips.
    pub gap: u32,
}

impl Layout {
    /// The layout for a `width × height` canvas.
    pub fn new(width: u32, height: u32, style: &Style) -> Self {
        let left = style.px(64.0);
        let right = width.saturating_sub(style.px(18.0)).max(left + 1);
        let top = style.px(6.0);
        let bottom = style.px(40.0);
        let gap = style.px(5.0);
        let strip = (height.saturating_sub(top + bottom + 4 * gap) / 5).max(1);
        Layout {
            left,
            right,
            top,
            strip,
            gap,
        }
    }

    fn strip_top(&self, row: usize) -> u32 {
        self.top + row as u32 * (self.strip + self.gap)
    }
}

/// How each ring's activity is coloured: relative to its rest level (the mean of the trial's
/// first sample, taken at rest, before any input), over the largest change in the trial.
#[derive(Clone, Debug)]
pub(crate) struct RestScale {
    /// Rest rate of each ring, in [`Population::ALL`] order.
    rest: [f64; 5],
    /// The largest |rate − rest| of each ring over the trace (at least [`RestScale::FLOOR`]).
    span: [f64; 5],
}

impl RestScale {
    /// A ring whose rates hardly change keeps at least this span, so noise stays pale.
    pub(crate) const FLOOR: f64 = 0.02;

    /// The scale of `trace` (which must hold rings).
    pub(crate) fn of(trace: &Trace) -> Self {
        let mut rest = [0.0; 5];
        let mut span = [Self::FLOOR; 5];
        for (row, &p) in Population::ALL.iter().enumerate() {
            let first = trace.ring(0, p);
            rest[row] =
                first.iter().map(|&v| f64::from(v)).sum::<f64>() / first.len().max(1) as f64;
            for k in 0..trace.len() {
                for &v in trace.ring(k, p) {
                    span[row] = span[row].max((f64::from(v) - rest[row]).abs());
                }
            }
        }
        RestScale { rest, span }
    }

    /// A rate of ring `row` relative to its rest level: −1 (the ring's largest fall in the
    /// trial) to 1 (its largest rise).
    pub(crate) fn value(&self, row: usize, rate: f32) -> f64 {
        (f64::from(rate) - self.rest[row]) / self.span[row]
    }
}

/// The heat strips as an RGBA image of `width × height`; time runs over `duration_ms` (the trial's
/// length) so a trial in progress fills the strips from the left. Each unit is coloured by its
/// change from rest ([`RestScale`]): red above, blue below, pale at rest — so the selective bump,
/// the pallidal dip and the thalamic disinhibition all show. The vertical axis runs from −180°
/// (top) to 180° (bottom) around the trial's target.
pub fn heat_rgba(
    trace: &Trace,
    duration_ms: f64,
    width: u32,
    height: u32,
    style: &Style,
) -> Vec<u8> {
    let mut px = vec![0u8; (width as usize) * (height as usize) * 4];
    let lay = Layout::new(width, height, style);
    let n = trace.n;
    if trace.is_empty() || !trace.has_rings() || n == 0 || duration_ms <= 0.0 {
        return px;
    }
    let scale = RestScale::of(trace);
    // Unit shown on each pixel row: directions from target − 180° to target + 180°.
    let offset = trace.target_deg / 360.0 * n as f64;
    let unit_of_row = |y: u32, strip: u32| -> usize {
        let u = ((f64::from(y) + 0.5) / f64::from(strip) - 0.5) * n as f64 + offset;
        (u.round().rem_euclid(n as f64) as usize).min(n - 1)
    };
    let cols = lay.right - lay.left;
    let last_t = f64::from(*trace.time_ms.last().unwrap_or(&0.0));
    for (row, &pop) in Population::ALL.iter().enumerate() {
        let y0 = lay.strip_top(row);
        for x in 0..cols {
            let t = (f64::from(x) + 0.5) / f64::from(cols) * duration_ms;
            if t > last_t {
                break;
            }
            let k = ((t / trace.every_ms).round() as usize).min(trace.len() - 1);
            let rates = trace.ring(k, pop);
            for y in 0..lay.strip {
                let unit = unit_of_row(y, lay.strip);
                let [r, g, b] = diverging(scale.value(row, rates[unit]));
                let i = (((y0 + y) * width + lay.left + x) * 4) as usize;
                if i + 3 < px.len() {
                    px[i..i + 4].copy_from_slice(&[r, g, b, 255]);
                }
            }
        }
    }
    px
}

/// Draws the ring names, the time axis and the go marker around the strips (the heat is drawn
/// separately). `go_ms` marks the go signal if it falls inside the trial.
pub fn draw_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    duration_ms: f64,
    go_ms: Option<f64>,
    style: &Style,
) -> Result<(), DrawError> {
    let (w, h) = area.dim_in_pixel();
    let lay = Layout::new(w, h, style);
    let font = style.font(12.0).color(&style.ink());
    let small = style.font(10.5).color(&style.muted());
    for (row, pop) in Population::ALL.iter().enumerate() {
        let y = lay.strip_top(row) as i32;
        area.draw(&Text::new(
            style.words.text(&format!("population-{}", pop.key())),
            (style.pxi(6.0), y + lay.strip as i32 / 2 - style.pxi(7.0)),
            font.clone(),
        ))?;
        area.draw(&Rectangle::new(
            [
                (lay.left as i32 - 1, y - 1),
                (lay.right as i32, y + lay.strip as i32),
            ],
            style.grid().stroke_width(style.px(1.0)),
        ))?;
    }
    let base = (lay.strip_top(4) + lay.strip) as i32 + style.pxi(4.0);
    let span = f64::from(lay.right - lay.left);
    let step = if duration_ms > 1000.0 { 250.0 } else { 100.0 };
    let mut t = 0.0;
    while t <= duration_ms + 1e-9 {
        let x = lay.left as i32 + (t / duration_ms * span) as i32;
        area.draw(&PathElement::new(
            vec![(x, base - style.pxi(3.0)), (x, base)],
            style.muted().stroke_width(style.px(1.0)),
        ))?;
        area.draw(&Text::new(
            format!("{t:.0}"),
            (x - style.pxi(8.0), base + style.pxi(2.0)),
            small.clone(),
        ))?;
        t += step;
    }
    area.draw(&Text::new(
        "ms",
        (lay.left as i32 - style.pxi(26.0), base + style.pxi(2.0)),
        small.clone(),
    ))?;
    // Direction ticks: the target (0°) in the middle of each strip.
    for row in 0..5 {
        let y = lay.strip_top(row) as i32 + lay.strip as i32 / 2;
        area.draw(&PathElement::new(
            vec![
                (lay.left as i32 - style.pxi(4.0), y),
                (lay.left as i32 - 1, y),
            ],
            style.muted().stroke_width(style.px(1.0)),
        ))?;
    }
    if let Some(go) = go_ms.filter(|g| *g < duration_ms) {
        let x = lay.left as i32 + (go / duration_ms * span) as i32;
        let top = lay.top as i32;
        area.draw(&PathElement::new(
            vec![(x, top), (x, base - style.pxi(4.0))],
            style.ink().mix(0.7).stroke_width(style.px(1.5)),
        ))?;
        area.draw(&Text::new(
            style.words.text("chart-go"),
            (x + style.pxi(3.0), top + style.pxi(1.0)),
            style.font(10.5).color(&style.ink()),
        ))?;
    }
    draw_key(area, &lay, base, style)
}

/// The colour key at the bottom right: below rest, rest, above rest.
fn draw_key<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lay: &Layout,
    base: i32,
    style: &Style,
) -> Result<(), DrawError> {
    let small = style.font(10.5).color(&style.muted());
    let (w, _) = area.dim_in_pixel();
    let swatch = style.pxi(10.0);
    let words = style.words;
    let entries = [
        (-1.0, words.text("chart-below-rest")),
        (0.0, words.text("chart-rest")),
        (1.0, words.text("chart-above-rest")),
    ];
    // Each entry as wide as its words (they are longer in French than in English), right-aligned
    // under the strips. Widths are estimated from the characters (0.58 em each), not measured, so
    // the page and `bgloop figure` (which has no font to measure with) draw the same figure.
    let widths: Vec<i32> = entries
        .iter()
        .map(|(_, label)| {
            let text = style.pxi(10.5 * 0.58 * label.chars().count() as f64);
            swatch + style.pxi(3.0) + text + style.pxi(12.0)
        })
        .collect();
    let mut x = (lay.right as i32).min(w as i32) - widths.iter().sum::<i32>() + style.pxi(12.0);
    let y = base + style.pxi(19.0);
    for ((v, label), width) in entries.into_iter().zip(widths) {
        let [r, g, b] = diverging(v);
        area.draw(&Rectangle::new(
            [(x, y), (x + swatch, y + swatch)],
            RGBColor(r, g, b).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, y), (x + swatch, y + swatch)],
            style.muted().stroke_width(1),
        ))?;
        area.draw(&Text::new(
            label,
            (x + swatch + style.pxi(3.0), y - style.pxi(1.0)),
            small.clone(),
        ))?;
        x += width;
    }
    Ok(())
}

/// Draws the heat strips as vector cells (for SVG figures): at most `time_bins` columns and one
/// row per unit, coloured as [`heat_rgba`] colours pixels.
pub fn draw_cells<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    trace: &Trace,
    duration_ms: f64,
    time_bins: usize,
    style: &Style,
) -> Result<(), DrawError> {
    let (w, h) = area.dim_in_pixel();
    let lay = Layout::new(w, h, style);
    let n = trace.n;
    if trace.is_empty() || !trace.has_rings() || n == 0 || duration_ms <= 0.0 {
        return Ok(());
    }
    let img = heat_rgba(trace, duration_ms, w, h, style);
    let cols = (lay.right - lay.left) as usize;
    let bins = time_bins.clamp(1, cols.max(1));
    let rows = n.min(lay.strip as usize).max(1);
    for row in 0..5 {
        let y0 = lay.strip_top(row) as f64;
        for b in 0..bins {
            let x0 = lay.left as f64 + (b * cols) as f64 / bins as f64;
            let x1 = lay.left as f64 + ((b + 1) * cols) as f64 / bins as f64;
            for r in 0..rows {
                let ya = y0 + (r as f64) * f64::from(lay.strip) / rows as f64;
                let yb = y0 + (r as f64 + 1.0) * f64::from(lay.strip) / rows as f64;
                let (px, py) = (((x0 + x1) / 2.0) as u32, ((ya + yb) / 2.0) as u32);
                let i = ((py * w + px) * 4) as usize;
                let Some(p) = img.get(i..i + 4) else { continue };
                if p[3] == 0 {
                    continue;
                }
                area.draw(&Rectangle::new(
                    [
                        (x0.floor() as i32, ya.floor() as i32),
                        (x1.ceil() as i32, yb.ceil() as i32),
                    ],
                    RGBColor(p[0], p[1], p[2]).filled(),
                ))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_image_has_the_requested_size_and_shows_the_bump() {
        let mut sim = crate::rotation_run(Some(2));
        sim.run_trial().expect("finite");
        let style = Style::default();
        let img = heat_rgba(sim.trace(), 600.0, 300, 200, &style);
        assert_eq!(img.len(), 300 * 200 * 4);
        // The cortex and striatum strips: the row at the target (the strip's middle) departs
        // further from rest (pale) than the rows 180° away (its edges) — a bump, not a flat ring.
        let lay = Layout::new(300, 200, &style);
        let brightness = |row: usize, y: u32| -> f64 {
            let y = lay.strip_top(row) + y;
            (lay.left..lay.right)
                .map(|x| {
                    let i = ((y * 300 + x) * 4) as usize;
                    741.0 - f64::from(img[i]) - f64::from(img[i + 1]) - f64::from(img[i + 2])
                })
                .sum()
        };
        for (row, ratio) in [(0, 1.5), (1, 1.2)] {
            let centre = brightness(row, lay.strip / 2);
            let edge = brightness(row, 0).max(brightness(row, lay.strip - 1));
            assert!(
                centre > ratio * edge,
                "strip {row}: target row {centre} vs 180° away {edge}"
            );
        }
    }
}
