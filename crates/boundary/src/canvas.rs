//! Drawing the views on canvases with the shared chart code. The page sizes each canvas's backing
//! store to CSS size × devicePixelRatio and passes that ratio as `scale`; fonts and strokes scale
//! with it, so charts are crisp on HiDPI screens.
//!
//! Each view's scene is read out of the session as plain data and the session released before
//! any canvas is touched. A canvas or context that carries properties of the page's own (a
//! throwing `width` getter, a replaced `fillRect`, a `fillStyle` setter…) is never drawn on piece
//! by piece: the chart is drawn into a canvas of our own and copied onto it with one call that
//! turns an exception into an error. Untouched canvases (every canvas a browser makes) are drawn
//! on directly, which is twice as fast (the copy is what costs).

use crate::language::words;
use crate::read::{self as boundary, js_error};
use bgloop_charts::{DrawError, Style};
use js_sys::Reflect;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A number argument from JS, checked to be finite and in range (the error names it).
pub fn checked(name: &str, x: f64, min: f64, max: f64) -> Result<f64, JsError> {
    bgloop_core::schema::in_range(name, x, min, max).map_err(js_error)
}

/// The largest side of a canvas drawn on, px.
const MAX_SIDE: f64 = 16_384.0;

/// The page's canvas, its size (read with calls that cannot throw through the module) and the
/// style, checked before anything is borrowed.
pub struct Target {
    /// The canvas.
    pub canvas: HtmlCanvasElement,
    /// Its width, px.
    pub width: u32,
    /// Its height, px.
    pub height: u32,
    /// The scale, theme and words to draw with.
    pub style: Style,
}

/// The page's `canvas`, its size read with calls that cannot throw through the module, and the
/// style to draw with at `scale` (checked) and the theme.
pub fn target(canvas: &JsValue, scale: f64, high_contrast: bool) -> Result<Target, JsError> {
    let canvas = boundary::canvas(canvas, "canvas")?;
    let side = |name: &str| -> Result<u32, JsError> {
        let v = Reflect::get(&canvas, &JsValue::from_str(name))
            .map_err(|_| js_error(format!("the canvas's `{name}` could not be read")))?;
        let x = v
            .as_f64()
            .ok_or_else(|| js_error(format!("the canvas's `{name}` is not a number")))?;
        Ok(checked(&format!("canvas {name}"), x, 0.0, MAX_SIDE)? as u32)
    };
    Ok(Target {
        width: side("width")?,
        height: side("height")?,
        style: Style {
            scale: checked("scale", scale, 0.25, 8.0)?,
            high_contrast,
            words: words(),
        },
        canvas,
    })
}

/// Charts measure their text in the page (plotters lays out a styled element), so drawing needs
/// a document with a body; elsewhere (Node, a worker) this is an error, not a trap.
pub fn document() -> Result<web_sys::Document, JsError> {
    web_sys::window()
        .and_then(|w| w.document())
        .filter(|d| d.body().is_some())
        .ok_or_else(|| {
            js_error("drawing needs a page with a document body (text is measured in the page)")
        })
}

thread_local! {
    /// Our own canvases, one per size drawn at (a page draws a few views of fixed sizes), drawn
    /// into and then copied onto the page's.
    static SCRATCH: RefCell<Vec<((u32, u32), HtmlCanvasElement)>> = const { RefCell::new(Vec::new()) };
}

/// The most sizes of our own canvases kept (the oldest goes first).
const SCRATCH_SIZES: usize = 8;

/// Our own canvas of `width × height`, cleared.
fn scratch(width: u32, height: u32) -> Result<HtmlCanvasElement, JsError> {
    let size = (width, height);
    let kept = SCRATCH.with(|s| {
        s.borrow()
            .iter()
            .find(|(k, _)| *k == size)
            .map(|(_, c)| c.clone())
    });
    let canvas = match kept {
        Some(c) => {
            let ctx: CanvasRenderingContext2d = c
                .get_context("2d")
                .map_err(|_| js_error("our canvas has no 2D context"))?
                .ok_or_else(|| js_error("our canvas has no 2D context"))?
                .unchecked_into();
            ctx.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
            c
        }
        None => {
            let c: HtmlCanvasElement = document()?
                .create_element("canvas")
                .map_err(|_| js_error("could not create a canvas to draw in"))?
                .unchecked_into();
            c.set_width(width);
            c.set_height(height);
            SCRATCH.with(|s| {
                let mut s = s.borrow_mut();
                if s.len() == SCRATCH_SIZES {
                    s.remove(0);
                }
                s.push((size, c.clone()));
            });
            c
        }
    };
    Ok(canvas)
}

/// Whether `value` has no own properties: a canvas or context as the browser made it, with
/// nothing of a page's own (a throwing `width` getter, a replaced `fillRect`) sitting on it.
fn untouched(value: &JsValue) -> bool {
    Reflect::own_keys(value).is_ok_and(|keys| keys.length() == 0)
}

/// Draws on the target with `draw`: directly when neither the canvas nor its context carries
/// anything of the page's own (the common case, and the fast one), else into our own canvas of
/// the target's size, copied onto the target with one call that turns an exception into an error.
pub fn draw_on(
    target: &Target,
    draw: impl FnOnce(&HtmlCanvasElement) -> Result<(), JsError>,
) -> Result<(), JsError> {
    if target.width == 0 || target.height == 0 {
        return Ok(());
    }
    document()?;
    let ctx: CanvasRenderingContext2d = target
        .canvas
        .get_context("2d")
        .map_err(|_| js_error("the canvas's 2D context could not be had"))?
        .ok_or_else(|| js_error("the canvas has no 2D context"))?
        .unchecked_into();
    if untouched(&target.canvas) && untouched(&ctx) {
        return draw(&target.canvas);
    }
    let ours = scratch(target.width, target.height)?;
    draw(&ours)?;
    ctx.draw_image_with_html_canvas_element(&ours, 0.0, 0.0)
        .map_err(|_| js_error("the chart could not be copied onto the canvas"))
}

/// A plotters area on our own canvas `canvas`, drawn by `f` and presented.
pub fn chart(
    canvas: &HtmlCanvasElement,
    f: impl FnOnce(&DrawingArea<CanvasBackend, plotters::coord::Shift>) -> Result<(), JsError>,
) -> Result<(), JsError> {
    let area = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| js_error("the canvas has no 2D context"))?
        .into_drawing_area();
    f(&area)?;
    area.present().map_err(js_error)
}

/// Draws a chart on `canvas` (checked) at the page's `scale` and theme with `draw`, which gets
/// a plotters area and the style.
pub fn plot(
    canvas: &JsValue,
    scale: f64,
    high_contrast: bool,
    draw: impl FnOnce(
        &DrawingArea<CanvasBackend, plotters::coord::Shift>,
        &Style,
    ) -> Result<(), DrawError>,
) -> Result<(), JsError> {
    let target = target(canvas, scale, high_contrast)?;
    draw_on(&target, |c| {
        chart(c, |area| draw(area, &target.style).map_err(js_error))
    })
}
