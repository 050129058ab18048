//! The sweep view: final |error| against the swept parameter, mean ± SD over seeds with each
//! seed's value faint behind — the paper's central figure.

use crate::style::{Style, CURSOR};
use crate::DrawError;
use bgloop_core::i18n::{Catalog, Msg};
use bgloop_core::regime::Regime;
use bgloop_core::sweep::{Measure, Outcome, Point};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws the sweep of `param` from its outcomes so far; `range` is the swept interval. The curve
/// is of `measure` (of the final |error| for the regime, its points coloured by regime).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    param: &str,
    range: (f64, f64),
    outcomes: &[Outcome],
    points: &[Point],
    measure: Measure,
    style: &Style,
) -> Result<(), DrawError> {
    if !matches!(measure, Measure::Error | Measure::Regime) {
        return draw_measure(area, param, range, outcomes, points, measure, style);
    }
    area.fill(&WHITE)?;
    let (lo, hi) = if range.0 < range.1 {
        range
    } else {
        (range.1, range.0)
    };
    let pad = if hi > lo { (hi - lo) * 0.06 } else { 0.5 };
    let y_max = outcomes
        .iter()
        .map(|o| o.final_error)
        .fold(40.0_f64, f64::max)
        .min(180.0);
    let y_max = (y_max / 10.0).ceil() * 10.0;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .x_label_area_size(style.px(34.0))
        .y_label_area_size(style.px(44.0))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..y_max)?;
    chart
        .configure_mesh()
        .light_line_style(style.grid().mix(0.0))
        .bold_line_style(style.grid().stroke_width(style.px(1.0)))
        .axis_style(style.muted().stroke_width(style.px(1.0)))
        .label_style(style.font(11.0).color(&style.muted()))
        .axis_desc_style(style.font(11.5).color(&style.ink()))
        .x_desc(param)
        .y_desc(style.words.text("chart-final-error-axis"))
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&|x| style.words.number((x * 1000.0).round() / 1000.0))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    // Each finished run faint; a diverged run as a red cross at the top (never a silent hole).
    chart.draw_series(outcomes.iter().filter(|o| o.diverged.is_none()).map(|o| {
        Circle::new(
            (o.value, o.final_error.min(y_max)),
            style.px(2.5),
            Style::alpha(CURSOR, 0.3).filled(),
        )
    }))?;
    chart.draw_series(outcomes.iter().filter(|o| o.diverged.is_some()).map(|o| {
        Cross::new(
            (o.value, y_max),
            style.px(5.0),
            RGBColor(0xb9, 0x1c, 0x1c).stroke_width(style.px(2.0)),
        )
    }))?;
    let finished: Vec<&Point> = points.iter().filter(|p| p.n > 0).collect();
    for p in &finished {
        let (a, b) = ((p.mean - p.sd).max(0.0), (p.mean + p.sd).min(y_max));
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(p.value, a), (p.value, b)],
            CURSOR.stroke_width(style.px(2.0)),
        )))?;
    }
    chart.draw_series(std::iter::once(PathElement::new(
        finished
            .iter()
            .map(|p| (p.value, p.mean.min(y_max)))
            .collect::<Vec<_>>(),
        CURSOR.stroke_width(style.px(2.0)),
    )))?;
    chart.draw_series(finished.iter().map(|p| {
        let fill = match (measure, p.regime()) {
            (Measure::Regime, Some(r)) => regime_colour(r),
            _ => CURSOR,
        };
        Circle::new((p.value, p.mean.min(y_max)), style.px(4.5), fill.filled())
    }))?;
    // On a regime curve each point also carries its regime's mark and name above it, so colour is
    // never the only cue.
    if measure == Measure::Regime {
        for p in &finished {
            if let Some(r) = p.regime() {
                let name = style.words.text(&format!("regime-{}", r.key()));
                let star = if p.mixed() { "*" } else { "" };
                let label = EmptyElement::at((p.value, p.mean.min(y_max)))
                    + Text::new(
                        format!("{} {name}{star}", regime_mark(r)),
                        (0, -style.pxi(8.0)),
                        style.font(9.5).color(&style.ink()).pos(
                            plotters::style::text_anchor::Pos::new(
                                plotters::style::text_anchor::HPos::Center,
                                plotters::style::text_anchor::VPos::Bottom,
                            ),
                        ),
                    );
                chart.draw_series(std::iter::once(label))?;
            }
        }
    }
    Ok(())
}

/// The curve of a measure other than the |error|: the mean over seeds at each value, each seed's
/// value faint behind, on the measure's own axis.
fn draw_measure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    param: &str,
    range: (f64, f64),
    outcomes: &[Outcome],
    points: &[Point],
    measure: Measure,
    style: &Style,
) -> Result<(), DrawError> {
    area.fill(&WHITE)?;
    let (lo, hi) = if range.0 < range.1 {
        range
    } else {
        (range.1, range.0)
    };
    let pad = if hi > lo { (hi - lo) * 0.06 } else { 0.5 };
    let values: Vec<(f64, f64)> = outcomes
        .iter()
        .filter_map(|o| Some((o.value, measure.value(o)?)))
        .collect();
    let top = values.iter().map(|v| v.1).fold(0.0_f64, f64::max);
    let y_max = match measure {
        Measure::Executed | Measure::Reward => 1.0,
        _ => ((top.max(10.0) * 1.1) / 10.0).ceil() * 10.0,
    };
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .x_label_area_size(style.px(34.0))
        .y_label_area_size(style.px(48.0))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0.0..y_max)?;
    chart
        .configure_mesh()
        .light_line_style(style.grid().mix(0.0))
        .bold_line_style(style.grid().stroke_width(style.px(1.0)))
        .axis_style(style.muted().stroke_width(style.px(1.0)))
        .label_style(style.font(11.0).color(&style.muted()))
        .axis_desc_style(style.font(11.5).color(&style.ink()))
        .x_desc(param)
        .y_desc(style.words.text(&format!("measure-{}", measure.key())))
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&|x| style.words.number((x * 1000.0).round() / 1000.0))
        .y_label_formatter(&|y| measure_text(measure, *y, style))
        .draw()?;
    chart.draw_series(values.iter().map(|&(x, y)| {
        Circle::new(
            (x, y.min(y_max)),
            style.px(2.5),
            Style::alpha(CURSOR, 0.3).filled(),
        )
    }))?;
    let finished: Vec<&Point> = points.iter().filter(|p| p.n > 0).collect();
    chart.draw_series(std::iter::once(PathElement::new(
        finished
            .iter()
            .map(|p| (p.value, p.mean.min(y_max)))
            .collect::<Vec<_>>(),
        CURSOR.stroke_width(style.px(2.0)),
    )))?;
    chart.draw_series(
        finished
            .iter()
            .map(|p| Circle::new((p.value, p.mean.min(y_max)), style.px(4.5), CURSOR.filled())),
    )?;
    Ok(())
}

/// A measure's value as a map cell or an axis writes it: |error| and reach time whole, the
/// fraction executed in percent, the reward with two decimals, trials whole.
pub fn measure_text(measure: Measure, v: f64, style: &Style) -> String {
    match measure {
        Measure::Executed => format!("{}%", style.words.number((v * 100.0).round())),
        Measure::Reward => style.words.number((v * 100.0).round() / 100.0),
        _ => format!("{v:.0}"),
    }
}

/// A regime's colour on the map (the Okabe–Ito palette, safe for colour-blind readers; each
/// regime also has its own mark, [`regime_mark`]).
pub fn regime_colour(r: Regime) -> RGBColor {
    match r {
        Regime::Adapted => RGBColor(0x00, 0x9e, 0x73),
        Regime::NotAdapted => RGBColor(0xe6, 0x9f, 0x00),
        Regime::AdaptedThenLost => RGBColor(0xcc, 0x79, 0xa7),
        Regime::NeverRewarded => RGBColor(0x00, 0x72, 0xb2),
        Regime::NoMovement => RGBColor(0x56, 0xb4, 0xe9),
        Regime::Oscillating => RGBColor(0xd5, 0x5e, 0x00),
    }
}

/// A regime's mark in a map cell and its legend, so that colour is never the only cue.
pub fn regime_mark(r: Regime) -> &'static str {
    match r {
        Regime::Adapted => "✓",
        Regime::NotAdapted => "✗",
        Regime::AdaptedThenLost => "↘",
        Regime::NeverRewarded => "∅",
        Regime::NoMovement => "‖",
        Regime::Oscillating => "∿",
    }
}

/// The viridis colour scale (perceptually even, colour-blind safe, readable in grey), at `t` in
/// 0–1: dark purple at 0, yellow at 1.
fn viridis(t: f64) -> RGBColor {
    const STOPS: [(f64, [f64; 3]); 5] = [
        (0.0, [68.0, 1.0, 84.0]),
        (0.25, [59.0, 82.0, 139.0]),
        (0.5, [33.0, 145.0, 140.0]),
        (0.75, [94.0, 201.0, 98.0]),
        (1.0, [253.0, 231.0, 37.0]),
    ];
    let t = t.clamp(0.0, 1.0);
    let k = STOPS.iter().rposition(|(s, _)| *s <= t).unwrap_or(0).min(3);
    let ((s0, a), (s1, b)) = (STOPS[k], STOPS[k + 1]);
    let f = (t - s0) / (s1 - s0);
    let c = |i: usize| (a[i] + (b[i] - a[i]) * f).round() as u8;
    RGBColor(c(0), c(1), c(2))
}

/// The error a map's colours span: 0° (adapted, yellow) to this (not adapted, dark).
pub const MAP_MAX_DEG: f64 = 35.0;

/// A map cell's colour for a mean final |error| (yellow: adapted; dark purple: 35° or more off).
pub fn map_colour(error_deg: f64) -> RGBColor {
    viridis(1.0 - error_deg / MAP_MAX_DEG)
}

/// What a map shows: its two parameters, their grids, the cells so far, and the settings now.
pub struct Map<'a> {
    /// The rows' parameter (x axis) and its values.
    pub x: (&'a str, &'a [f64]),
    /// The columns' parameter (y axis) and its values.
    pub y: (&'a str, &'a [f64]),
    /// The cells computed so far (mean over the seeds run).
    pub points: &'a [Point],
    /// The current settings, marked with a ring (if inside the map).
    pub marker: Option<(f64, f64)>,
    /// What the cells show.
    pub measure: Measure,
    /// Trials per run (the scale of "trials to adapt").
    pub trials: u32,
}

/// Draws a map of mean final |error| over two parameters: a cell per pair of values, coloured
/// on a sequential colour-blind-safe scale with its value written in, cells still to come pale,
/// a legend, and a ring on the current settings.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &Map<'_>,
    style: &Style,
) -> Result<MapLayout, DrawError> {
    area.fill(&WHITE)?;
    let (w, _) = area.dim_in_pixel();
    let legend_px = if map.measure == Measure::Regime {
        150.0
    } else {
        70.0
    };
    let (plot, legend) = area.split_horizontally(w.saturating_sub(style.px(legend_px)));
    let (xs, ys) = (map.x.1, map.y.1);
    let half = |v: &[f64]| {
        let step = v
            .windows(2)
            .map(|p| (p[1] - p[0]).abs())
            .fold(f64::INFINITY, f64::min);
        if step.is_finite() && step > 0.0 {
            step / 2.0
        } else {
            0.5
        }
    };
    let (hx, hy) = (half(xs), half(ys));
    let span = |v: &[f64], h: f64| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min) - h;
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max) + h;
        if lo.is_finite() && hi > lo {
            lo..hi
        } else {
            0.0..1.0
        }
    };
    let mut chart = ChartBuilder::on(&plot)
        .margin(style.px(8.0))
        .x_label_area_size(style.px(34.0))
        .y_label_area_size(style.px(48.0))
        .build_cartesian_2d(span(xs, hx), span(ys, hy))?;
    let (px, py) = chart.plotting_area().get_pixel_range();
    let (rx, ry) = (span(xs, hx), span(ys, hy));
    let layout = MapLayout {
        pixels: [px.start, py.start, px.end, py.end],
        x: [rx.start, rx.end],
        y: [ry.start, ry.end],
    };
    let fmt = |v: &f64| style.words.number((v * 1000.0).round() / 1000.0);
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(style.muted().stroke_width(style.px(1.0)))
        .label_style(style.font(11.0).color(&style.muted()))
        .axis_desc_style(style.font(11.5).color(&style.ink()))
        .x_desc(map.x.0)
        .y_desc(map.y.0)
        .x_labels(xs.len().min(8))
        .y_labels(ys.len().min(8))
        .x_label_formatter(&fmt)
        .y_label_formatter(&fmt)
        .draw()?;
    draw_cells(&mut chart, map, (hx, hy), style)?;
    match map.measure {
        Measure::Error => draw_legend(&legend, style)?,
        Measure::Regime => draw_regime_legend(&legend, style)?,
        m => draw_measure_legend(&legend, m, map.trials, style)?,
    }
    Ok(layout)
}

/// Where a map's cells were drawn, so a pointer or a key can find the cell under it: the
/// plotting area in device pixels (left, top, right, bottom) and the data range on each axis
/// (y grows upwards).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct MapLayout {
    /// Left, top, right, bottom, device pixels.
    pub pixels: [i32; 4],
    /// The x axis's range (first parameter).
    pub x: [f64; 2],
    /// The y axis's range (second parameter).
    pub y: [f64; 2],
}

/// The map's chart: two real axes.
type MapChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The map's cells (pale while to come, each computed one coloured with its mean written in)
/// and the ring on the current settings; `half` is half a cell's size on each axis.
fn draw_cells<DB: DrawingBackend>(
    chart: &mut MapChart<'_, DB>,
    map: &Map<'_>,
    (hx, hy): (f64, f64),
    style: &Style,
) -> Result<(), DrawError> {
    let (xs, ys) = (map.x.1, map.y.1);
    let cells: std::collections::HashMap<(u64, u64), &Point> = map
        .points
        .iter()
        .filter_map(|p| Some(((p.value.to_bits(), p.value2?.to_bits()), p)))
        .collect();
    for &x in xs {
        for &y in ys {
            // A cell whose every run diverged is grey with a cross; one with some diverged runs
            // carries a dagger after its mean.
            let cell = cells.get(&(x.to_bits(), y.to_bits()));
            let colour = match cell {
                Some(p) if map.measure == Measure::Regime => {
                    p.regime().map_or(RGBColor(0x9a, 0xa5, 0xb1), regime_colour)
                }
                Some(p) if p.n > 0 => cell_colour(map, p.mean),
                Some(_) => RGBColor(0x9a, 0xa5, 0xb1),
                None => style.grid(),
            };
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x - hx, y - hy), (x + hx, y + hy)],
                colour.filled(),
            )))?;
            if let Some(p) = cell {
                let dark = match map.measure {
                    Measure::Regime => p.regime().is_some_and(|r| {
                        matches!(
                            r,
                            Regime::NeverRewarded | Regime::Adapted | Regime::Oscillating
                        )
                    }),
                    m => p.n > 0 && m.badness(p.mean, map.trials) > 0.45,
                };
                let ink = if dark { WHITE } else { BLACK };
                // In data coordinates, through the chart: right wherever the map sits.
                let text = match (p.n, p.diverged) {
                    _ if map.measure == Measure::Regime && p.regime().is_some() => {
                        let mark = p.regime().map_or("", regime_mark);
                        if p.mixed() {
                            format!("{mark}*")
                        } else {
                            mark.to_string()
                        }
                    }
                    (0, 0) => "—".to_string(),
                    (0, _) => format!("× {}", style.words.text("chart-diverged")),
                    (_, 0) => measure_text(map.measure, p.mean, style),
                    _ => format!("{}†", measure_text(map.measure, p.mean, style)),
                };
                chart.draw_series(std::iter::once(Text::new(
                    text,
                    (x, y),
                    style
                        .font(10.0)
                        .color(&ink)
                        .pos(plotters::style::text_anchor::Pos::new(
                            plotters::style::text_anchor::HPos::Center,
                            plotters::style::text_anchor::VPos::Center,
                        )),
                )))?;
            }
        }
    }
    if let Some((mx, my)) = map.marker {
        let (xr, yr) = (chart.x_range(), chart.y_range());
        if xr.contains(&mx) && yr.contains(&my) {
            chart.draw_series([
                Circle::new(
                    (mx, my),
                    style.px(7.0),
                    style.ink().stroke_width(style.px(2.5)),
                ),
                Circle::new((mx, my), style.px(9.0), WHITE.stroke_width(style.px(1.0))),
            ])?;
        }
    }
    Ok(())
}

/// A cell's colour for the mean of the map's measure (yellow: best; dark purple: worst).
fn cell_colour(map: &Map<'_>, mean: f64) -> RGBColor {
    match map.measure {
        Measure::Error | Measure::Regime => map_colour(mean),
        m => viridis(1.0 - m.badness(mean, map.trials)),
    }
}

/// The legend of a regime map: each regime's colour and mark with its name (a cell marked `*`:
/// its seeds differ).
fn draw_regime_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &Style,
) -> Result<(), DrawError> {
    let (x0, mut y) = (style.pxi(8.0), style.pxi(8.0));
    let size = style.pxi(14.0);
    for r in Regime::ALL {
        area.draw(&Rectangle::new(
            [(x0, y), (x0 + size, y + size)],
            regime_colour(r).filled(),
        ))?;
        let ink = if matches!(
            r,
            Regime::NeverRewarded | Regime::Adapted | Regime::Oscillating
        ) {
            WHITE
        } else {
            BLACK
        };
        area.draw(&Text::new(
            regime_mark(r),
            (x0 + style.pxi(3.0), y + style.pxi(1.0)),
            style.font(10.0).color(&ink),
        ))?;
        area.draw(&Text::new(
            style.words.text(&format!("regime-{}", r.key())),
            (x0 + size + style.pxi(5.0), y + style.pxi(1.0)),
            style.font(10.5).color(&style.ink()),
        ))?;
        y += size + style.pxi(7.0);
    }
    area.draw(&Text::new(
        style.words.text("chart-regime-mixed"),
        (x0, y + style.pxi(4.0)),
        style.font(10.0).color(&style.muted()),
    ))?;
    Ok(())
}

/// The colour scale of a measure other than the |error|: best at the top, worst at the bottom.
fn draw_measure_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    measure: Measure,
    trials: u32,
    style: &Style,
) -> Result<(), DrawError> {
    let (_, h) = area.dim_in_pixel();
    let (top, bottom) = (style.pxi(24.0), h as i32 - style.pxi(44.0));
    let x0 = style.pxi(8.0);
    let x1 = x0 + style.pxi(14.0);
    let steps = 40;
    for k in 0..steps {
        let y = top + (bottom - top) * k / steps;
        let y1 = top + (bottom - top) * (k + 1) / steps;
        area.draw(&Rectangle::new(
            [(x0, y), (x1, y1)],
            viridis(1.0 - f64::from(k) / f64::from(steps)).filled(),
        ))?;
    }
    area.draw(&Text::new(
        style
            .words
            .text(&format!("measure-short-{}", measure.key())),
        (x0, top - style.pxi(16.0)),
        style.font(10.5).color(&style.ink()),
    ))?;
    // The measure's value at the top (best) and the bottom (worst) of the scale.
    let (best, worst) = match measure {
        Measure::Executed | Measure::Reward => (1.0, 0.0),
        Measure::Reach => (100.0, 400.0),
        Measure::Adapt => (0.0, f64::from(trials)),
        Measure::Error | Measure::Regime => (0.0, MAP_MAX_DEG),
    };
    for (v, y) in [(best, top), (worst, bottom)] {
        area.draw(&Text::new(
            measure_text(measure, v, style),
            (x1 + style.pxi(4.0), y - style.pxi(6.0)),
            style.font(10.0).color(&style.muted()),
        ))?;
    }
    Ok(())
}

/// The map's colour scale: 0° at the top (adapted) to 35°+ at the bottom.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &Style,
) -> Result<(), DrawError> {
    let (_, h) = area.dim_in_pixel();
    let (top, bottom) = (style.pxi(24.0), h as i32 - style.pxi(44.0));
    let x0 = style.pxi(8.0);
    let x1 = x0 + style.pxi(14.0);
    let steps = 40;
    for k in 0..steps {
        let y = top + (bottom - top) * k / steps;
        let y1 = top + (bottom - top) * (k + 1) / steps;
        let deg = MAP_MAX_DEG * f64::from(k) / f64::from(steps);
        area.draw(&Rectangle::new(
            [(x0, y), (x1, y1)],
            map_colour(deg).filled(),
        ))?;
    }
    area.draw(&Text::new(
        style.words.text("chart-error"),
        (x0, top - style.pxi(16.0)),
        style.font(10.5).color(&style.ink()),
    ))?;
    for deg in [0.0, 10.0, 20.0, 30.0, MAP_MAX_DEG] {
        let y = top + ((bottom - top) as f64 * deg / MAP_MAX_DEG) as i32;
        let label = if deg >= MAP_MAX_DEG {
            "35°+".to_string()
        } else {
            format!("{deg:.0}°")
        };
        area.draw(&Text::new(
            label,
            (x1 + style.pxi(4.0), y - style.pxi(6.0)),
            style.font(10.0).color(&style.muted()),
        ))?;
    }
    Ok(())
}

/// A sweep as a figure to hand out: a title (what was measured, over how many seeds and
/// trials) over the curve or the map. The page's "Export sweep" and `bgloop sweep --figure` draw
/// this.
pub struct SweepFigure<'a> {
    /// The title line.
    pub title: String,
    /// The swept parameter and its interval (a curve).
    pub curve: (&'a str, (f64, f64)),
    /// The runs so far.
    pub outcomes: &'a [Outcome],
    /// Their means per value or cell.
    pub points: &'a [Point],
    /// For a map: the map.
    pub map: Option<Map<'a>>,
    /// What the curve or the map shows.
    pub measure: Measure,
    /// The language of its words.
    pub words: &'static Catalog,
}

impl SweepFigure<'_> {
    /// The title of a sweep of `seeds` seeds × `trials` trials showing `measure`.
    pub fn title_for(seeds: u32, trials: u32, measure: Measure, words: &Catalog) -> String {
        let id = match measure {
            Measure::Error => "chart-sweep-title",
            _ => "chart-sweep-measure-title",
        };
        words.format(
            &Msg::new(id)
                .text("measure", words.text(&format!("measure-{}", measure.key())))
                .count("window", bgloop_core::sweep::FINAL_WINDOW as i64)
                .count("seeds", seeds)
                .count("trials", trials),
        )
    }

    /// Draws it into `area`.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), DrawError> {
        area.fill(&WHITE)?;
        area.draw(&Text::new(
            self.title.clone(),
            (style.pxi(10.0), style.pxi(8.0)),
            style.font(13.0).color(&style.ink()),
        ))?;
        let body = area.margin(style.px(30.0), 0, 0, 0);
        match &self.map {
            Some(map) => draw_map(&body, map, style).map(|_| ()),
            None => draw(
                &body,
                self.curve.0,
                self.curve.1,
                self.outcomes,
                self.points,
                self.measure,
                style,
            ),
        }
    }

    /// It as an SVG document of `width × height` pixels.
    pub fn svg(&self, width: u32, height: u32) -> Result<String, DrawError> {
        crate::svg_of((width, height), self.words, |area, style| {
            self.draw(area, style)
        })
    }
}
