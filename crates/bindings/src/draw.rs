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

use crate::boundary::{self, js_error};
use crate::Playground;
use bgloop_charts::figure::{Figure, LearningScene, Runs};
use bgloop_charts::{activity, reach, DrawError, Style};
use js_sys::Reflect;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// A number argument from JS, checked to be finite and in range (the error names it).
pub(crate) fn checked(name: &str, x: f64, min: f64, max: f64) -> Result<f64, JsError> {
    bgloop_core::schema::in_range(name, x, min, max).map_err(js_error)
}

/// The largest side of a canvas drawn on, px.
const MAX_SIDE: f64 = 16_384.0;

/// The page's canvas, its size (read with calls that cannot throw through the module) and the
/// style, checked before anything is borrowed.
struct Target {
    canvas: HtmlCanvasElement,
    width: u32,
    height: u32,
    style: Style,
}

fn target(canvas: &JsValue, scale: f64, high_contrast: bool) -> Result<Target, JsError> {
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
            words: crate::language::words(),
        },
        canvas,
    })
}

/// Charts measure their text in the page (plotters lays out a styled element), so drawing needs
/// a document with a body; elsewhere (Node, a worker) this is an error, not a trap.
pub(crate) fn document() -> Result<web_sys::Document, JsError> {
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
fn draw_on(
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
fn chart(
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
pub(crate) fn plot(
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

#[wasm_bindgen]
impl Playground {
    /// Draws view `part` of the page on `canvas`: `"reach"` (targets, the current cursor path, the
    /// last paths fading and, with `options.hand`, hand paths beside them), `"learning"` (|error|
    /// and reward per trial with running means and phases), `"circuit"` (the loop's five
    /// populations coloured by their activity now, run A while comparing) or `"activity"` (the
    /// five rings over the current trial as heat strips). `options`: `{ scale, highContrast,
    /// hand }` — the device pixel ratio the canvas is sized for (0.25–8, default 1), the theme
    /// and the hand paths.
    pub fn draw(&self, canvas: JsValue, part: JsValue, options: JsValue) -> Result<(), JsError> {
        let part = boundary::text(&part, "part")?;
        let o = boundary::draw_options(&options)?;
        checked("options.scale", o.scale, 0.25, 8.0)?;
        match part.as_str() {
            "reach" => self.draw_reach(canvas, o.hand, o.scale, o.high_contrast),
            "learning" => self.draw_learning(canvas, o.scale, o.high_contrast),
            "circuit" => self.draw_circuit(canvas, o.scale, o.high_contrast),
            "activity" => self.draw_activity(canvas, o.scale, o.high_contrast),
            other => Err(js_error(format!(
                "`part` must be \"reach\", \"learning\", \"circuit\" or \"activity\", not {:?}",
                boundary::bounded_short(other)
            ))),
        }
    }

    /// The figure as one SVG document (`width × height` pixels): a title, the settings, seed,
    /// trials and link (`linkBase`, the page's address, before the `#…`; optional), the three
    /// views (both runs while comparing) and a caption — drawn by the same chart code as
    /// `bgloop figure` natively.
    #[wasm_bindgen(js_name = figureSvg)]
    pub fn figure_svg(
        &self,
        show_hand: bool,
        width: f64,
        height: f64,
        link_base: JsValue,
    ) -> Result<String, JsError> {
        let w = checked("width", width, 300.0, 8000.0)? as u32;
        let h = checked("height", height, 200.0, 8000.0)? as u32;
        let base = if link_base.is_undefined() || link_base.is_null() {
            String::new()
        } else {
            boundary::text(&link_base, "linkBase")?
        };
        let words = crate::language::words();
        let figure = self.with(|s| Figure::of_session(s, show_hand, &base, words))?;
        document()?;
        figure.svg(w, h).map_err(js_error)
    }
}

impl Playground {
    /// Draws the reach view: targets, the current cursor path, the last paths fading, and (if
    /// `showHand`) hand paths beside them.
    fn draw_reach(
        &self,
        canvas: JsValue,
        show_hand: bool,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let words = crate::language::words();
        let scene = self.with(|s| {
            Runs::of_session(s, words)
                .reach_scene(show_hand)
                .into_owned()
        })?;
        plot(&canvas, scale, high_contrast, |area, style| {
            reach::draw(area, &scene, style)
        })
    }

    /// Draws the learning view: |error| and reward per trial with running means and phases.
    fn draw_learning(
        &self,
        canvas: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let words = crate::language::words();
        let scene = self.with(|s| LearningScene::of(&Runs::of_session(s, words)))?;
        plot(&canvas, scale, high_contrast, |area, style| {
            scene.draw(area, style)
        })
    }

    /// Draws the circuit view: the loop's five populations coloured by their activity now, the
    /// loop strength, dopamine and GPi output on their connections (run A while comparing).
    fn draw_circuit(
        &self,
        canvas: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let scene = self.with(|s| {
            bgloop_charts::circuit::CircuitScene::of(s.sim().trace(), s.sim().in_force())
        })?;
        plot(&canvas, scale, high_contrast, |area, style| {
            bgloop_charts::circuit::draw(area, &scene, style)
        })
    }

    /// Draws the activity view: the five rings over the current trial as heat strips.
    fn draw_activity(
        &self,
        canvas: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let target = target(&canvas, scale, high_contrast)?;
        let (w, h, style) = (target.width, target.height, &target.style);
        let (duration, go_ms, pixels) = self.with(|s| {
            let config = s.sim().config();
            let pixels = (w > 0 && h > 0)
                .then(|| activity::heat_rgba(s.sim().trace(), config.trial_ms, w, h, style));
            (config.trial_ms, config.go_ms, pixels)
        })?;
        draw_on(&target, |c| {
            let ctx: CanvasRenderingContext2d = c
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into().ok())
                .ok_or_else(|| js_error("the canvas has no 2D context"))?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            if let Some(pixels) = &pixels {
                let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels[..]), w, h)
                    .map_err(|_| js_error("could not create the activity image"))?;
                ctx.put_image_data(&image, 0.0, 0.0)
                    .map_err(|_| js_error("could not draw the activity image"))?;
            }
            chart(c, |area| {
                activity::draw_frame(area, duration, Some(go_ms), style).map_err(js_error)
            })
        })
    }
}
