//! The learning view: |error| and reward per trial, with running means, shaded phases and the
//! current trial marked. Long histories are decimated to about one bucket per pixel column.

use crate::style::{dashes, Style, CURSOR, REWARD, RUN_B};
use crate::DrawError;
use bgloop_core::Phase;
use plotters::chart::DualCoordChartContext;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// Trials averaged by the running means.
pub const WINDOW: usize = 20;

/// The per-trial series the view shows.
#[derive(Clone, Copy, Debug)]
pub struct Series<'a> {
    /// |error| per trial, degrees.
    pub abs_error: &'a [f64],
    /// Reward per trial.
    pub reward: &'a [f64],
    /// Phase code per trial ([`Phase::code`]).
    pub phase: &'a [u8],
    /// Number of the first trial in these slices (1 unless the history was trimmed).
    pub first_trial: u64,
}

/// The per-trial columns of a history of trial records, owned (see [`Columns::series`]).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Columns {
    #[serde(deserialize_with = "bgloop_core::json_floats::f64s")]
    abs_error: Vec<f64>,
    #[serde(deserialize_with = "bgloop_core::json_floats::f64s")]
    reward: Vec<f64>,
    phase: Vec<u8>,
    first_trial: u64,
}

impl Columns {
    /// The columns of `records` (consecutive trials).
    pub fn of(records: &[bgloop_core::TrialRecord]) -> Self {
        Columns {
            abs_error: records.iter().map(|r| r.error_deg.abs()).collect(),
            reward: records.iter().map(|r| r.reward).collect(),
            phase: records.iter().map(|r| r.phase.code()).collect(),
            first_trial: records.first().map_or(1, |r| u64::from(r.trial)),
        }
    }

    /// Whether the columns have one entry per trial each, from a trial number a run can reach
    /// (columns read back from outside must be before they are drawn).
    pub fn is_consistent(&self) -> bool {
        self.abs_error.len() == self.reward.len()
            && self.reward.len() == self.phase.len()
            && self.first_trial <= 1 << 40
    }

    /// The series to draw.
    pub fn series(&self) -> Series<'_> {
        Series {
            abs_error: &self.abs_error,
            reward: &self.reward,
            phase: &self.phase,
            first_trial: self.first_trial,
        }
    }
}

/// A change marked on the learning view: a dashed rule at the first trial it applies to, with a
/// short label ("GPi off", "B: λ 0.25").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// The first trial the change applies to.
    pub trial: f64,
    /// A few words.
    pub label: String,
}

/// What the learning view shows: one run, or two runs compared, and the changes of their
/// schedules.
#[derive(Clone, Debug)]
pub struct View<'a> {
    /// Run A (the only run unless comparing).
    pub a: Series<'a>,
    /// Run B of a comparison, and the legend's names of both runs ("A: λ 1", "B: λ 0.25").
    pub b: Option<(Series<'a>, [String; 2])>,
    /// The schedules' changes.
    pub markers: &'a [Marker],
}

/// Running mean over the last `window` values (shorter at the start).
pub fn running_mean(x: &[f64], window: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(x.len());
    let mut sum = 0.0;
    for i in 0..x.len() {
        sum += x[i];
        if i >= window {
            sum -= x[i - window];
        }
        out.push(sum / (i + 1).min(window) as f64);
    }
    out
}

/// Averages `x` into at most `buckets` consecutive buckets: (centre index, mean).
pub fn decimate(x: &[f64], buckets: usize) -> Vec<(f64, f64)> {
    let n = x.len();
    if n == 0 {
        return Vec::new();
    }
    let per = n.div_ceil(buckets.max(1)).max(1);
    x.chunks(per)
        .enumerate()
        .map(|(b, c)| {
            let centre = (b * per) as f64 + (c.len() as f64 - 1.0) / 2.0;
            (centre, c.iter().sum::<f64>() / c.len() as f64)
        })
        .collect()
}

fn phase_fill(p: u8, style: &Style) -> RGBAColor {
    let (c, a) = match Phase::ALL.get(p as usize) {
        Some(Phase::Rotation) => (RGBColor(0xf5, 0x9e, 0x0b), 0.10),
        Some(Phase::Washout) => (RGBColor(0x0e, 0xa5, 0xe9), 0.10),
        Some(Phase::GpiOff) => (RGBColor(0xdc, 0x26, 0x26), 0.10),
        Some(Phase::Probe) => (RGBColor(0x7c, 0x3a, 0xed), 0.10),
        _ => (RGBColor(0x94, 0xa3, 0xb8), 0.06),
    };
    Style::alpha(c, if style.high_contrast { a * 2.5 } else { a })
}

fn phase_label(p: u8, style: &Style) -> String {
    let phase = Phase::ALL
        .get(p as usize)
        .copied()
        .unwrap_or(Phase::Baseline);
    style.words.text(&format!("phase-{}", phase.as_str()))
}

/// The learning chart: trials × |error| (°), with reward (0–1) on the secondary axis.
type Chart<'a, DB> = DualCoordChartContext<
    'a,
    DB,
    Cartesian2d<RangedCoordf64, RangedCoordf64>,
    Cartesian2d<RangedCoordf64, RangedCoordf64>,
>;

/// The visible span: first trial, last x, top of the |error| axis.
#[derive(Clone, Copy)]
struct Span {
    first: f64,
    x_max: f64,
    y_max: f64,
    /// Lines the legend takes (two on a narrow view).
    legend_rows: u32,
}

/// Where the legend starts, CSS px.
const LEGEND_X: f64 = 48.0;
/// The width of one character of a legend's 11 px text, on average, CSS px.
const LEGEND_CHAR: f64 = 6.0;

/// Draws the learning view — one run or two compared, with the schedules' markers — filling
/// `area`. Run B is drawn in its own colour with dashed lines.
pub fn draw_view<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &View<'_>,
    style: &Style,
) -> Result<(), DrawError> {
    area.fill(&WHITE)?;
    let s = &view.a;
    let runs = std::iter::once(s).chain(view.b.as_ref().map(|(b, _)| b));
    let n = runs.clone().map(|r| r.abs_error.len()).max().unwrap_or(0);
    let first = s.first_trial as f64;
    let y_max = 60.0_f64
        .max(
            runs.flat_map(|r| r.abs_error.iter().copied())
                .fold(0.0, f64::max)
                .min(180.0),
        )
        .min(180.0);
    let (w, _) = area.dim_in_pixel();
    let entries = match &view.b {
        None => legend_single(style).to_vec(),
        Some((_, [name_a, name_b])) => legend_compared(name_a, name_b, style),
    };
    let span = Span {
        first,
        x_max: first + (n.max(50) as f64),
        y_max: (y_max / 15.0).ceil() * 15.0,
        legend_rows: legend_places(area, &entries, style)
            .last()
            .map_or(1, |&(row, _)| row + 1),
    };
    let mut chart = axes(area, span, style)?;
    draw_phases(&mut chart, s.phase, span, f64::from(w), style)?;
    draw_markers(&mut chart, view.markers, s.phase, span, f64::from(w), style)?;
    match &view.b {
        None => {
            draw_curves(&mut chart, s, span, f64::from(w), Look::single(), style)?;
            draw_legend(area, &entries, style)
        }
        Some((b, _)) => {
            draw_curves(
                &mut chart,
                s,
                span,
                f64::from(w),
                Look::run(CURSOR, false),
                style,
            )?;
            draw_curves(
                &mut chart,
                b,
                span,
                f64::from(w),
                Look::run(RUN_B, true),
                style,
            )?;
            draw_legend(area, &entries, style)
        }
    }
}

/// How one run's curves are drawn.
#[derive(Clone, Copy)]
struct Look {
    error: RGBColor,
    reward: RGBColor,
    dashed: bool,
    dots: bool,
}

impl Look {
    /// One run: |error| and reward in their own colours.
    fn single() -> Self {
        Look {
            error: CURSOR,
            reward: REWARD,
            dashed: false,
            dots: true,
        }
    }

    /// A run of a comparison: |error| thick in the run's colour, reward thin in the reward
    /// colour (so it is never read as error), both dashed for run B.
    fn run(color: RGBColor, dashed: bool) -> Self {
        Look {
            error: color,
            reward: REWARD,
            dashed,
            dots: false,
        }
    }
}

/// The legend of a single run.
fn legend_single(style: &Style) -> [(RGBColor, String, bool); 2] {
    [
        (CURSOR, style.words.text("chart-error-mean"), false),
        (REWARD, style.words.text("chart-reward-mean"), false),
    ]
}

/// The legend of a comparison: each run's |error| by its name, then each run's reward (thin, in
/// the reward colour, on the right axis).
fn legend_compared(name_a: &str, name_b: &str, style: &Style) -> Vec<(RGBColor, String, bool)> {
    let reward = |run: &str| {
        style
            .words
            .format(&bgloop_core::i18n::Msg::new("chart-reward-of").text("run", run))
    };
    vec![
        (CURSOR, name_a.to_string(), false),
        (RUN_B, name_b.to_string(), true),
        (REWARD, reward("A"), false),
        (REWARD, reward("B"), true),
    ]
}

/// Dashed rules at the trials where a schedule changes something, each with its label.
fn draw_markers<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    markers: &[Marker],
    phase: &[u8],
    span: Span,
    width_px: f64,
    style: &Style,
) -> Result<(), DrawError> {
    let Span {
        first,
        x_max,
        y_max,
        ..
    } = span;
    for (k, m) in markers.iter().enumerate() {
        let x = m.trial - 0.5;
        if x < first || x > x_max {
            continue;
        }
        let ink = style.ink();
        for seg in dashes(&[(x, 0.0), (x, y_max)], y_max / 40.0, y_max / 60.0) {
            chart.draw_series(std::iter::once(PathElement::new(
                seg,
                ink.stroke_width(style.px(1.2)),
            )))?;
        }
        // A change that starts a phase of the same name ("GPi off") is labelled by the phase,
        // once the phase is wide enough for its label (see `draw_phases`).
        let at = (m.trial - first) as usize;
        let starts_phase = phase.get(at).is_some_and(|&p| {
            let run = phase[at..].iter().take_while(|&&q| q == p).count() as f64;
            (at == 0 || phase.get(at - 1) != Some(&p))
                && phase_label(p, style) == m.label
                && run / (x_max - first) * width_px > 60.0 * style.scale
        });
        if starts_phase {
            continue;
        }
        // Labels stagger downwards so neighbouring markers do not overwrite each other.
        let y = y_max * (0.86 - 0.09 * (k % 3) as f64);
        chart.draw_series(std::iter::once(Text::new(
            m.label.clone(),
            (x + (x_max - first) * 0.006, y),
            style
                .font(11.0)
                .color(&ink)
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Top,
                )),
        )))?;
    }
    Ok(())
}

/// The chart with both axes drawn.
fn axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    span: Span,
    style: &Style,
) -> Result<Chart<'a, DB>, DrawError> {
    let Span {
        first,
        x_max,
        y_max,
        legend_rows,
    } = span;
    let mut chart = ChartBuilder::on(area)
        .margin_top(style.px(9.0 + 13.0 * f64::from(legend_rows)))
        .margin_right(style.px(8.0))
        .margin_left(style.px(4.0))
        .x_label_area_size(style.px(30.0))
        .y_label_area_size(style.px(40.0))
        .right_y_label_area_size(style.px(36.0))
        .build_cartesian_2d(first..x_max, 0.0..y_max)?
        .set_secondary_coord(first..x_max, 0.0..1.0);
    let axis_font = style.font(11.0).color(&style.muted());
    chart
        .configure_mesh()
        .light_line_style(style.grid().mix(0.0))
        .bold_line_style(style.grid().stroke_width(style.px(1.0)))
        .axis_style(style.muted().stroke_width(style.px(1.0)))
        .x_labels(6)
        .y_labels(5)
        .label_style(axis_font.clone())
        .axis_desc_style(style.font(11.0).color(&style.ink()))
        .x_desc(style.words.text("chart-trial"))
        .y_desc(style.words.text("chart-error-axis"))
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    chart
        .configure_secondary_axes()
        .axis_style(style.muted().stroke_width(style.px(1.0)))
        .label_style(axis_font)
        .axis_desc_style(style.font(11.0).color(&REWARD))
        .y_desc(style.words.text("chart-reward"))
        .y_labels(3)
        .y_label_formatter(&|y| style.words.fixed(*y, 1))
        .draw()?;
    Ok(chart)
}

/// Phases as shaded spans, labelled at the top when wide enough.
fn draw_phases<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    phase: &[u8],
    span: Span,
    width_px: f64,
    style: &Style,
) -> Result<(), DrawError> {
    let Span {
        first,
        x_max,
        y_max,
        ..
    } = span;
    let n = phase.len();
    let mut start = 0;
    while start < n {
        let p = phase[start];
        let mut end = start;
        while end < n && phase[end] == p {
            end += 1;
        }
        let (x0, x1) = (first + start as f64 - 0.5, first + end as f64 - 0.5);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, y_max)],
            phase_fill(p, style).filled(),
        )))?;
        if (x1 - x0) / (x_max - first) * width_px > 60.0 * style.scale {
            chart.draw_series(std::iter::once(Text::new(
                phase_label(p, style),
                (x0 + (x_max - first) * 0.01, y_max * 0.97),
                style
                    .font(11.0)
                    .color(&style.muted())
                    .pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Left,
                        plotters::style::text_anchor::VPos::Top,
                    )),
            )))?;
        }
        start = end;
    }
    Ok(())
}

/// Per-trial dots, the running means of |error| and reward, and a rule at the current trial.
fn draw_curves<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    s: &Series<'_>,
    span: Span,
    width_px: f64,
    look: Look,
    style: &Style,
) -> Result<(), DrawError> {
    let Span {
        first,
        x_max,
        y_max,
        ..
    } = span;
    let n = s.abs_error.len();
    let buckets = (width_px / (2.0 * style.scale)).max(10.0) as usize;
    if look.dots {
        let dots = decimate(s.abs_error, buckets);
        let dot = style.px(1.8);
        chart.draw_series(dots.iter().map(|&(i, e)| {
            Circle::new(
                (first + i, e.min(y_max)),
                dot,
                Style::alpha(look.error, 0.35).filled(),
            )
        }))?;
    }
    let x0 = s.first_trial as f64;
    let err_mean: Vec<(f64, f64)> = decimate(&running_mean(s.abs_error, WINDOW), buckets * 2)
        .iter()
        .map(|&(i, e)| (x0 + i, e.min(y_max)))
        .collect();
    let rew_mean: Vec<(f64, f64)> = decimate(&running_mean(s.reward, WINDOW), buckets * 2)
        .iter()
        .map(|&(i, r)| (x0 + i, r))
        .collect();
    // Dashes are about 7 px on, 4 px off at any zoom: lengths in data units per axis.
    let x_unit = (x_max - first) / width_px.max(1.0) * style.scale;
    let pieces = |line: Vec<(f64, f64)>| -> Vec<Vec<(f64, f64)>> {
        if !look.dashed {
            return vec![line];
        }
        // Dashes measured along x, then lifted back onto the curve.
        let along_x: Vec<(f64, f64)> = line.iter().map(|&(x, _)| (x, 0.0)).collect();
        dashes(&along_x, 7.0 * x_unit, 4.0 * x_unit)
            .into_iter()
            .map(|seg| {
                seg.into_iter()
                    .map(|(x, _)| (x, interpolate(&line, x)))
                    .collect()
            })
            .collect()
    };
    for seg in pieces(err_mean) {
        chart.draw_series(std::iter::once(PathElement::new(
            seg,
            look.error.stroke_width(style.px(2.5)),
        )))?;
    }
    let reward_width = if look.dots { 2.0 } else { 1.3 };
    for seg in pieces(rew_mean) {
        chart.draw_secondary_series(std::iter::once(PathElement::new(
            seg,
            Style::alpha(look.reward, if look.dots { 1.0 } else { 0.75 })
                .stroke_width(style.px(reward_width)),
        )))?;
    }
    if n > 0 && !look.dashed {
        let x = first + (n - 1) as f64;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, 0.0), (x, y_max)],
            style.ink().stroke_width(style.px(1.0)),
        )))?;
    }
    Ok(())
}

/// The value of the polyline `line` (sorted by x) at `x`.
fn interpolate(line: &[(f64, f64)], x: f64) -> f64 {
    let i = line.partition_point(|p| p.0 < x);
    match (i.checked_sub(1).and_then(|j| line.get(j)), line.get(i)) {
        (Some(&(xa, ya)), Some(&(xb, yb))) if xb > xa => ya + (yb - ya) * (x - xa) / (xb - xa),
        (_, Some(&(_, y))) | (Some(&(_, y)), None) => y,
        (None, None) => 0.0,
    }
}

/// Where each legend entry goes, `(row, x)` in pixels: entries follow each other by their
/// measured widths and wrap to a new row rather than run off the view or into each other.
fn legend_places<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(RGBColor, String, bool)],
    style: &Style,
) -> Vec<(u32, i32)> {
    let (w, _) = area.dim_in_pixel();
    let (start, sample, gap) = (style.pxi(LEGEND_X), style.pxi(18.0), style.pxi(14.0));
    let mut places = Vec::with_capacity(entries.len());
    let (mut row, mut x) = (0, start);
    for (_, label, _) in entries {
        // Estimated from the characters, not measured: a browser and the native CLI measure fonts
        // differently, and the figure must be the same bytes in both.
        let text = style.pxi(LEGEND_CHAR * label.chars().count() as f64);
        let width = sample + text + gap;
        if x > start && x + width > w as i32 {
            row += 1;
            x = start;
        }
        places.push((row, x));
        x += width;
    }
    places
}

/// The legend at the top left: a line sample (dashed for run B) and a label per entry.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(RGBColor, String, bool)],
    style: &Style,
) -> Result<(), DrawError> {
    let f = style.font(11.0);
    let places = legend_places(area, entries, style);
    for ((color, label, dashed), &(row, x)) in entries.iter().zip(&places) {
        let y = style.pxi(4.0) + style.pxi(13.0) * row as i32;
        let y_line = y + style.pxi(7.0);
        let pieces: Vec<(i32, i32)> = if *dashed {
            vec![(0, 5), (9, 14)]
        } else {
            vec![(0, 14)]
        };
        // A reward sample is thin, as its line is.
        let width = if *color == REWARD { 1.5 } else { 2.5 };
        for (a, b) in pieces {
            area.draw(&PathElement::new(
                vec![
                    (x + style.pxi(f64::from(a)), y_line),
                    (x + style.pxi(f64::from(b)), y_line),
                ],
                color.stroke_width(style.px(width)),
            ))?;
        }
        area.draw(&Text::new(
            label.clone(),
            (x + style.pxi(18.0), y),
            f.clone().color(&style.ink()),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_mean_and_decimation() {
        assert_eq!(
            running_mean(&[2.0, 4.0, 6.0, 8.0], 2),
            vec![2.0, 3.0, 5.0, 7.0]
        );
        let d = decimate(&[1.0, 3.0, 5.0, 7.0, 9.0], 2);
        assert_eq!(d, vec![(1.0, 3.0), (3.5, 8.0)]);
        assert!(decimate(&[], 5).is_empty());
    }

    #[test]
    fn dashes_cover_the_line_in_alternating_pieces() {
        let d = dashes(&[(0.0, 0.0), (10.0, 0.0)], 2.0, 1.0);
        let spans: Vec<(f64, f64)> = d.iter().map(|s| (s[0].0, s[s.len() - 1].0)).collect();
        assert_eq!(spans, vec![(0.0, 2.0), (3.0, 5.0), (6.0, 8.0), (9.0, 10.0)]);
        assert_eq!(interpolate(&[(0.0, 0.0), (2.0, 4.0)], 1.0), 2.0);
    }
}
