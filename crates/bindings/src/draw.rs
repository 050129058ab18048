//! Drawing the three views on canvases with the shared chart code. The page sizes each canvas's
//! backing store to CSS size × devicePixelRatio and passes that ratio as `scale`; fonts and strokes
//! scale with it, so charts are crisp on HiDPI screens.

use crate::boundary::{self, js_error};
use crate::Playground;

/// A number argument from JS, checked to be finite and in range (the error names it).
fn checked(name: &str, x: f64, min: f64, max: f64) -> Result<f64, JsError> {
    bgloop_core::session::in_range(name, x, min, max).map_err(js_error)
}
use bgloop_charts::figure::Runs;
use bgloop_charts::{activity, reach, Style};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// Takes the canvas argument and the style, checked, before anything is borrowed.
fn inputs(
    canvas: &JsValue,
    scale: f64,
    high_contrast: bool,
) -> Result<(HtmlCanvasElement, Style), JsError> {
    Ok((
        boundary::canvas(canvas, "canvas")?,
        style(scale, high_contrast)?,
    ))
}

fn style(scale: f64, high_contrast: bool) -> Result<Style, JsError> {
    Ok(Style {
        scale: checked("scale", scale, 0.25, 8.0)?,
        high_contrast,
    })
}

fn backend(canvas: &HtmlCanvasElement) -> Result<CanvasBackend, JsError> {
    CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| js_error("the canvas has no 2D context"))
}

#[wasm_bindgen]
impl Playground {
    /// Draws the reach view: targets, the current cursor path, the last paths fading, and (if
    /// `showHand`) hand paths beside them.
    #[wasm_bindgen(js_name = drawReach)]
    pub fn draw_reach(
        &self,
        canvas: JsValue,
        show_hand: bool,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let (canvas, style) = inputs(&canvas, scale, high_contrast)?;
        let session = self.session()?;
        let scene = Runs::of_session(&session).reach_scene(show_hand);
        let area = backend(&canvas)?.into_drawing_area();
        reach::draw(&area, &scene, &style).map_err(js_error)?;
        area.present().map_err(js_error)
    }

    /// Draws the learning view: |error| and reward per trial with running means and phases.
    #[wasm_bindgen(js_name = drawLearning)]
    pub fn draw_learning(
        &self,
        canvas: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let (canvas, style) = inputs(&canvas, scale, high_contrast)?;
        let session = self.session()?;
        let runs = Runs::of_session(&session);
        let area = backend(&canvas)?.into_drawing_area();
        runs.draw_learning(&area, &style).map_err(js_error)?;
        area.present().map_err(js_error)
    }

    /// Draws a sweep's outcomes so far (`[{ value, seed, final_error, … }]`) against `param` over
    /// `[from, to]`.
    #[wasm_bindgen(js_name = drawSweep)]
    #[allow(clippy::too_many_arguments)]
    pub fn draw_sweep(
        canvas: JsValue,
        param: JsValue,
        from: f64,
        to: f64,
        outcomes: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let (canvas, style) = inputs(&canvas, scale, high_contrast)?;
        let param = boundary::text(&param, "param")?;
        let outcomes = boundary::outcomes(&outcomes, &param)?;
        let points = bgloop_core::sweep::summarize(&outcomes);
        let from = checked("from", from, -1e9, 1e9)?;
        let to = checked("to", to, -1e9, 1e9)?;
        let area = backend(&canvas)?.into_drawing_area();
        bgloop_charts::sweep::draw(&area, &param, (from, to), &outcomes, &points, &style)
            .map_err(js_error)?;
        area.present().map_err(js_error)
    }

    /// The three views as one SVG figure (both runs while comparing) (`width × height` pixels), drawn by the same chart code
    /// as `bgloop figure` natively.
    #[wasm_bindgen(js_name = figureSvg)]
    pub fn figure_svg(&self, show_hand: bool, width: f64, height: f64) -> Result<String, JsError> {
        let w = checked("width", width, 300.0, 8000.0)? as u32;
        let h = checked("height", height, 200.0, 8000.0)? as u32;
        let session = self.session()?;
        bgloop_charts::figure::svg(&Runs::of_session(&session), show_hand, w, h).map_err(js_error)
    }

    /// Draws the circuit view: the loop's five populations coloured by their activity now, the
    /// loop strength, dopamine and GPi output on their connections (run A while comparing).
    #[wasm_bindgen(js_name = drawCircuit)]
    pub fn draw_circuit(
        &self,
        canvas: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let (canvas, style) = inputs(&canvas, scale, high_contrast)?;
        let session = self.session()?;
        let sim = session.sim();
        let scene = bgloop_charts::circuit::CircuitScene::of(sim.trace(), sim.in_force());
        let area = backend(&canvas)?.into_drawing_area();
        bgloop_charts::circuit::draw(&area, &scene, &style).map_err(js_error)?;
        area.present().map_err(js_error)
    }

    /// Draws the activity view: the five rings over the current trial as heat strips.
    #[wasm_bindgen(js_name = drawActivity)]
    pub fn draw_activity(
        &self,
        canvas: JsValue,
        scale: f64,
        high_contrast: bool,
    ) -> Result<(), JsError> {
        let (canvas, style) = inputs(&canvas, scale, high_contrast)?;
        let (w, h) = (canvas.width(), canvas.height());
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| js_error("the canvas has no 2D context"))?;
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
        let session = self.session()?;
        let config = session.sim().config();
        let trace = session.sim().trace();
        let duration = config.trial_ms;
        if w > 0 && h > 0 {
            let pixels = activity::heat_rgba(trace, duration, w, h, &style);
            let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&pixels[..]), w, h)
                .map_err(|_| js_error("could not create the activity image"))?;
            ctx.put_image_data(&image, 0.0, 0.0)
                .map_err(|_| js_error("could not draw the activity image"))?;
        }
        let area = backend(&canvas)?.into_drawing_area();
        activity::draw_frame(&area, duration, Some(config.go_ms), &style).map_err(js_error)?;
        area.present().map_err(js_error)
    }
}
