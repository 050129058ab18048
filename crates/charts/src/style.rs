//! Colours, fonts and the pixel scale shared by every chart.

use bgloop_core::i18n::Catalog;
use plotters::style::{FontDesc, FontFamily, RGBAColor, RGBColor};

/// How a chart is drawn: the device-pixel scale, the colour theme and the language of its words.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Device pixels per CSS pixel (window.devicePixelRatio): fonts and strokes scale with it.
    pub scale: f64,
    /// High-contrast theme (projectors, low vision).
    pub high_contrast: bool,
    /// The language of axes, legends and captions.
    pub words: &'static Catalog,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            scale: 1.0,
            high_contrast: false,
            words: Catalog::english(),
        }
    }
}

/// Ink for text and axes.
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
/// Secondary text.
pub const MUTED: RGBColor = RGBColor(0x52, 0x60, 0x6d);
/// Light grid lines.
pub const GRID: RGBColor = RGBColor(0xe4, 0xe7, 0xeb);
/// The cursor (what the subject sees).
pub const CURSOR: RGBColor = RGBColor(0xc2, 0x41, 0x0c);
/// The hand (where the arm went).
pub const HAND: RGBColor = RGBColor(0x25, 0x63, 0xeb);
/// Targets.
pub const TARGET: RGBColor = RGBColor(0x0f, 0x76, 0x6e);
/// Reward curve.
pub const REWARD: RGBColor = RGBColor(0x15, 0x80, 0x3d);
/// Run B of a comparison (run A keeps the usual colours).
pub const RUN_B: RGBColor = RGBColor(0x6d, 0x28, 0xd9);

/// A diverging colour map for a rate relative to its rest level, `v` in [−1, 1]: blue below rest,
/// near-white at rest, red above (ColorBrewer RdBu, colour-blind safe).
pub fn diverging(v: f64) -> [u8; 3] {
    const BLUE: [f64; 3] = [33.0, 102.0, 172.0];
    const LIGHT_BLUE: [f64; 3] = [146.0, 197.0, 222.0];
    const REST: [f64; 3] = [247.0, 247.0, 247.0];
    const LIGHT_RED: [f64; 3] = [244.0, 165.0, 130.0];
    const RED: [f64; 3] = [178.0, 24.0, 43.0];
    let v = if v.is_finite() {
        v.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (a, b, f) = match v {
        v if v < -0.5 => (BLUE, LIGHT_BLUE, (v + 1.0) * 2.0),
        v if v < 0.0 => (LIGHT_BLUE, REST, (v + 0.5) * 2.0),
        v if v < 0.5 => (REST, LIGHT_RED, v * 2.0),
        v => (LIGHT_RED, RED, (v - 0.5) * 2.0),
    };
    let c = |k: usize| (a[k] + (b[k] - a[k]) * f).round() as u8;
    [c(0), c(1), c(2)]
}

impl Style {
    /// A length in device pixels for `css` CSS pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// A length in device pixels, signed.
    pub fn pxi(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// The UI font at `css` pixels.
    pub fn font(&self, css: f64) -> FontDesc<'static> {
        FontDesc::new(
            FontFamily::SansSerif,
            css * self.scale,
            plotters::style::FontStyle::Normal,
        )
    }

    /// Main text colour.
    pub fn ink(&self) -> RGBColor {
        if self.high_contrast {
            RGBColor(0, 0, 0)
        } else {
            INK
        }
    }

    /// Secondary text colour.
    pub fn muted(&self) -> RGBColor {
        if self.high_contrast {
            RGBColor(0, 0, 0)
        } else {
            MUTED
        }
    }

    /// Grid colour.
    pub fn grid(&self) -> RGBColor {
        if self.high_contrast {
            RGBColor(0x80, 0x80, 0x80)
        } else {
            GRID
        }
    }

    /// `c` with opacity `a`.
    pub fn alpha(c: RGBColor, a: f64) -> RGBAColor {
        RGBAColor(c.0, c.1, c.2, a.clamp(0.0, 1.0))
    }
}

/// The one dash pattern of the charts: splits a polyline into dashes `on` long with gaps `off` long (in data units of the line's
/// own length, x and y mixed as given: callers pass vertical or screen-proportional lines).
pub(crate) fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let (mut drawing, mut left) = (true, on);
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let len = bgloop_core::math::hypot(x1 - x0, y1 - y0);
        let mut t = 0.0;
        if drawing {
            current.push((x0, y0));
        }
        while len > 0.0 && t + left < len {
            t += left;
            let p = (x0 + (x1 - x0) * t / len, y0 + (y1 - y0) * t / len);
            if drawing {
                current.push(p);
                out.push(std::mem::take(&mut current));
            } else {
                current.push(p);
            }
            drawing = !drawing;
            left = if drawing { on } else { off };
        }
        left -= len - t;
        if drawing {
            current.push((x1, y1));
        } else {
            current.clear();
        }
    }
    if current.len() > 1 {
        out.push(current);
    }
    out
}
