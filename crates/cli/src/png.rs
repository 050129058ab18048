//! PNG figures (`bgloop figure --out FILE.png`): the same chart code as the SVG figure, drawn on a
//! bitmap. Text needs a font file; plotters' pure-Rust renderer is given DejaVu Sans (Debian's
//! `fonts-dejavu-core`, which Chromium also installs).

use crate::Failure;
use bgloop_charts::figure::Figure;
use plotters::prelude::*;
use plotters::style::FontStyle;

/// Where the font is looked for, in order.
const FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
];

/// Registers DejaVu Sans as plotters' sans-serif font, or says how to install it.
fn register_font() -> Result<(), Failure> {
    let path = std::env::var("BGLOOP_FONT")
        .ok()
        .into_iter()
        .chain(FONTS.iter().map(|p| p.to_string()))
        .find(|p| std::path::Path::new(p).is_file())
        .ok_or_else(|| {
            Failure::Run(
                "a PNG figure needs the DejaVu Sans font: install fonts-dejavu-core, or set BGLOOP_FONT to a .ttf file (an SVG figure needs no font)".into(),
            )
        })?;
    let bytes = std::fs::read(&path).map_err(|e| Failure::Run(format!("reading {path}: {e}")))?;
    // plotters keeps registered fonts for the life of the process.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    plotters::style::register_font("sans-serif", FontStyle::Normal, bytes)
        .map_err(|_| Failure::Run(format!("{path} is not a font plotters can read")))
}

/// Draws `figure` into the PNG file `path`, `size` pixels.
pub fn write(path: &str, figure: &Figure, size: (u32, u32)) -> Result<(), Failure> {
    draw_in(path, size, figure.words(), |area, style| {
        figure.draw(area, style)
    })
}

/// Draws with `f` into the PNG file `path`, `size` pixels (what names the file in errors:
/// `--out` or `--figure`).
pub fn draw(
    path: &str,
    size: (u32, u32),
    f: impl FnOnce(
        &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>,
        &bgloop_charts::Style,
    ) -> Result<(), bgloop_charts::DrawError>,
) -> Result<(), Failure> {
    // In `--lang`'s language, as the SVG figures are.
    draw_in(path, size, crate::words(), f)
}

/// [`draw`] in the language of `words`.
fn draw_in(
    path: &str,
    size: (u32, u32),
    words: &'static bgloop_core::i18n::Catalog,
    f: impl FnOnce(
        &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>,
        &bgloop_charts::Style,
    ) -> Result<(), bgloop_charts::DrawError>,
) -> Result<(), Failure> {
    register_font()?;
    let fail = |e: &dyn std::fmt::Display| Failure::Run(format!("{path:?}: {e}"));
    let area = BitMapBackend::new(path, size).into_drawing_area();
    let style = bgloop_charts::Style {
        words,
        ..bgloop_charts::Style::default()
    };
    f(&area, &style).map_err(|e| fail(&e))?;
    area.present().map_err(|e| fail(&e))
}
