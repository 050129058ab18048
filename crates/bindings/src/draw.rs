//! The four views and the figure, drawn on the page's canvases with the shared chart code
//! (`bgloop_boundary::canvas` reads the canvas and draws safely on it).

use crate::boundary::{self, js_error};
use crate::Playground;
use bgloop_boundary::canvas::{chart, checked, draw_on, plot, target};
use bgloop_charts::figure::{Figure, LearningScene, Runs};
use bgloop_charts::{activity, reach};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, ImageData};

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

    /// The figure to hand out, as JSON text for the second module to draw
    /// (`(await bgloop.extras()).Figures.svg(figure, width, height)`): a title, the settings,
    /// seed, trials and link (`linkBase`, the page's address, before the `#…`; optional), the
    /// three views (both runs while comparing) and a caption — what `bgloop figure` draws
    /// natively. Read now, it is the run as it is now.
    pub fn figure(&self, show_hand: bool, link_base: JsValue) -> Result<String, JsError> {
        let base = if link_base.is_undefined() || link_base.is_null() {
            String::new()
        } else {
            boundary::text(&link_base, "linkBase")?
        };
        let words = crate::language::words();
        let figure = self.with(|s| Figure::of_session(s, show_hand, &base, words))?;
        serde_json::to_string(&figure).map_err(js_error)
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
