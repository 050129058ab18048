//! The sweep view: final |error| against the swept parameter, mean ± SD over seeds with each
//! seed's value faint behind — the paper's central figure.

use crate::style::{Style, CURSOR};
use crate::DrawError;
use bgloop_core::sweep::{Outcome, Point};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws the sweep of `param` from its outcomes so far; `range` is the swept interval.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    param: &str,
    range: (f64, f64),
    outcomes: &[Outcome],
    points: &[Point],
    style: &Style,
) -> Result<(), DrawError> {
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
        .y_desc("final |error| (°)")
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&|x| bgloop_core::format::num((x * 1000.0).round() / 1000.0))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    chart.draw_series(outcomes.iter().map(|o| {
        Circle::new(
            (o.value, o.final_error.min(y_max)),
            style.px(2.5),
            Style::alpha(CURSOR, 0.3).filled(),
        )
    }))?;
    for p in points {
        let (a, b) = ((p.mean - p.sd).max(0.0), (p.mean + p.sd).min(y_max));
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(p.value, a), (p.value, b)],
            CURSOR.stroke_width(style.px(2.0)),
        )))?;
    }
    chart.draw_series(std::iter::once(PathElement::new(
        points
            .iter()
            .map(|p| (p.value, p.mean.min(y_max)))
            .collect::<Vec<_>>(),
        CURSOR.stroke_width(style.px(2.0)),
    )))?;
    chart.draw_series(
        points
            .iter()
            .map(|p| Circle::new((p.value, p.mean.min(y_max)), style.px(4.5), CURSOR.filled())),
    )?;
    Ok(())
}
