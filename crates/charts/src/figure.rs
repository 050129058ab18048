//! The whole figure — reach, learning and activity side by side — on any backend: the page's
//! "Export figure → SVG" and the CLI's `bgloop figure` draw exactly this.

use crate::{activity, learning, reach, DrawError, Style};
use bgloop_core::Simulation;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws the three views of `sim` (which must record traces for the reach and activity views)
/// into `area`: reach on the left, learning and activity stacked on the right.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sim: &Simulation,
    show_hand: bool,
    style: &Style,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (left, right) = area.split_horizontally((w as f64 * 0.36) as u32);
    let (top, bottom) = right.split_vertically(h / 2);
    let config = sim.config();
    reach::draw(&left, &reach::ReachScene::of(sim, show_hand), style)?;
    learning::draw(&top, &learning::Columns::of(sim.history()).series(), style)?;
    bottom.fill(&WHITE)?;
    activity::draw_cells(&bottom, sim.trace(), config.trial_ms, 120, style)?;
    activity::draw_frame(&bottom, config.trial_ms, Some(config.go_ms), style)?;
    Ok(())
}

/// The figure as an SVG document of `width × height` pixels.
pub fn svg(
    sim: &Simulation,
    show_hand: bool,
    width: u32,
    height: u32,
) -> Result<String, DrawError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&area, sim, show_hand, &Style::default())?;
        area.present()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_is_an_svg_with_all_three_views() {
        let c = bgloop_core::presets::preset("rotation")
            .and_then(|p| p.config().ok())
            .unwrap_or_default();
        let mut sim = Simulation::from_config(c).expect("valid");
        sim.record_traces(Some(2.0));
        sim.run_trials(30).expect("finite");
        let text = svg(&sim, true, 1200, 460).expect("draws");
        assert!(text.starts_with("<svg"));
        for label in ["cursor", "hand", "Cortex", "Thalamus", "trial", "reward"] {
            assert!(text.contains(label), "{label} missing");
        }
        assert!(text.matches("<rect").count() > 1000, "heat cells drawn");
    }
}
