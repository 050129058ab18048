//! The playground's figures, drawn with plotters on any [`DrawingBackend`]: the browser's canvas
//! (plotters-canvas) and, natively, SVG — one chart code for both.
//!
//! - [`reach`]: the workspace, the targets, the cursor path unfolding and the last paths fading;
//! - [`learning`]: |error| and reward per trial with running means and shaded phases;
//! - [`activity`]: the five rings over a trial as heat strips;
//! - [`circuit`]: the loop's five populations coloured by their activity now, with λ, DA and κ
//!   on their connections;
//! - [`figure`]: reach, learning and activity side by side (the SVG/PNG export and `bgloop figure`);
//! - [`sweep`]: final |error| against a swept parameter, per seed and mean;
//! - [`style`]: the theme (scale, fonts, colours, high contrast) and the one dash pattern.
//!
//! [`DrawingBackend`]: plotters::prelude::DrawingBackend

pub mod activity;
pub mod circuit;
pub mod describe;
pub mod figure;
pub mod learning;
pub mod reach;
pub mod style;
pub mod sweep;

pub use style::Style;

/// A drawing error, as text (backends' error types differ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "drawing failed: {}", self.0)
    }
}

impl std::error::Error for DrawError {}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for DrawError
{
    fn from(e: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        DrawError(e.to_string())
    }
}

/// An SVG document of `size` pixels drawn by `draw` in the default style, its words in
/// `words`' language: every figure's SVG.
pub fn svg_of(
    size: (u32, u32),
    words: &'static bgloop_core::i18n::Catalog,
    draw: impl FnOnce(
        &plotters::prelude::DrawingArea<plotters::prelude::SVGBackend<'_>, plotters::coord::Shift>,
        &Style,
    ) -> Result<(), DrawError>,
) -> Result<String, DrawError> {
    let mut out = String::new();
    {
        use plotters::prelude::IntoDrawingArea;
        let area = plotters::prelude::SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(
            &area,
            &Style {
                words,
                ..Style::default()
            },
        )?;
        area.present()?;
    }
    Ok(out)
}

/// A run of the rotation preset (with `seed` if given) recording traces every 2 ms: what the chart
/// tests draw.
#[cfg(test)]
pub(crate) fn rotation_run(seed: Option<u64>) -> bgloop_core::Simulation {
    let mut c = bgloop_core::presets::preset("rotation")
        .and_then(|p| p.config().ok())
        .unwrap_or_default();
    if let Some(seed) = seed {
        c.seed = seed;
    }
    let mut sim = bgloop_core::Simulation::from_config(c).expect("valid");
    sim.record_traces(Some(2.0));
    sim
}
