//! The whole figure — reach, learning and activity side by side — on any backend: the page's
//! "Export figure → SVG" and the CLI's `bgloop figure` draw exactly this.

use crate::{activity, learning, reach, DrawError, Style};
use bgloop_core::i18n::{Catalog, Msg};
use bgloop_core::session::Session;
use bgloop_core::Simulation;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// What a figure shows: one run, or two compared, with their schedules' changes.
pub struct Runs<'a> {
    /// Run A (the only run unless comparing).
    pub a: &'a Simulation,
    /// Run B of a comparison and the two runs' names.
    pub b: Option<(&'a Simulation, [String; 2])>,
    /// The changes to mark on the learning view.
    pub markers: Vec<learning::Marker>,
}

impl<'a> Runs<'a> {
    /// One run and its schedule's changes.
    pub fn of(sim: &'a Simulation) -> Self {
        Runs {
            a: sim,
            b: None,
            markers: sim
                .schedule()
                .events()
                .iter()
                .map(|e| learning::Marker {
                    trial: f64::from(e.trial),
                    label: e.label(),
                })
                .collect(),
        }
    }

    /// What a session runs: one run, or both runs of a comparison (named in `words`' language).
    pub fn of_session(session: &'a Session, words: &Catalog) -> Self {
        Runs {
            a: session.sim(),
            b: session.sim_b().zip(session.run_names(words)),
            markers: session
                .markers(words)
                .into_iter()
                .map(|(trial, label)| learning::Marker {
                    trial: f64::from(trial),
                    label,
                })
                .collect(),
        }
    }

    /// The reach view's scene.
    pub fn reach_scene(&self, show_hand: bool) -> reach::ReachScene<'a> {
        match &self.b {
            None => reach::ReachScene::of(self.a, show_hand),
            Some((b, names)) => reach::ReachScene::of_pair(self.a, b, names.clone(), show_hand),
        }
    }
}

/// What the learning view draws, as owned data: it can be read out of a session and drawn after
/// the session is released.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LearningScene {
    a: learning::Columns,
    b: Option<(learning::Columns, [String; 2])>,
    markers: Vec<learning::Marker>,
}

impl LearningScene {
    /// The learning view of `runs`.
    pub fn of(runs: &Runs<'_>) -> Self {
        LearningScene {
            a: learning::Columns::of(runs.a.history()),
            b: runs
                .b
                .as_ref()
                .map(|(b, names)| (learning::Columns::of(b.history()), names.clone())),
            markers: runs.markers.clone(),
        }
    }

    /// Draws it.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), DrawError> {
        let view = learning::View {
            a: self.a.series(),
            b: self
                .b
                .as_ref()
                .map(|(c, names)| (c.series(), names.clone())),
            markers: &self.markers,
        };
        learning::draw_view(area, &view, style)
    }
}

/// What a figure says of itself, so it can be handed out alone: a title, the settings (seed,
/// trials, every non-default parameter, run B's differences) and the link that replays it, above
/// the views; a one-line caption below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The experiment's title.
    pub title: String,
    /// Seed, trials and settings, one line.
    pub settings: String,
    /// The link that replays the run.
    pub link: String,
    /// The result, a line per window and run ("Last 50 trials (251–300) — A: mean |error| …"):
    /// the page's Result box, under the views.
    pub result: Vec<String>,
    /// What each view shows, one line at the foot: a comparison's names its runs and says which
    /// lines are dashed (the learning view's run B only), a single run's names none.
    pub caption: String,
}

impl Header {
    /// The header of what `session` runs; `link_base` (a page's address, or empty) goes before
    /// the session's `#…` link.
    pub fn of_session(session: &Session, link_base: &str, words: &Catalog) -> Self {
        let d = session.description(words);
        let result = session
            .view(words)
            .said
            .iter()
            .flat_map(|said| {
                said.runs.iter().map(move |(run, line)| {
                    let line = if run.is_empty() {
                        line.clone()
                    } else {
                        words.format(&Msg::new("result-run").text("run", run).text("line", line))
                    };
                    words.format(
                        &Msg::new("figure-result")
                            .text("heading", said.heading.clone())
                            .text("line", line),
                    )
                })
            })
            .take(MAX_RESULT_LINES)
            .collect();
        let caption = match session.run_names(words) {
            Some([a, b]) => {
                words.format(&Msg::new("figure-caption-compare").text("a", a).text("b", b))
            }
            None => words.text("figure-caption"),
        };
        Header {
            title: d.title,
            settings: d.settings,
            link: format!("{link_base}#{}", session.permalink(&[])),
            result,
            caption,
        }
    }
}

/// The most result lines a figure prints under its views.
const MAX_RESULT_LINES: usize = 4;

/// The figure's content as owned data: read out of a run (or a session) and drawn afterwards,
/// so nothing is borrowed while the drawing backend works.
///
/// It is handed from the page's module to the second one as JSON (serde), where it is drawn as
/// SVG: its words are those of the module that draws it ([`Figure::in_words`]), its header was
/// written in the page's language already.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Figure {
    reach: reach::ReachScene<'static>,
    learning: LearningScene,
    trace: bgloop_core::Trace,
    trial_ms: f64,
    go_ms: f64,
    header: Option<Header>,
    #[serde(skip, default = "Catalog::english")]
    words: &'static Catalog,
}

impl Figure {
    /// The three views of `runs` (which must record traces for the reach and activity views).
    pub fn of(runs: &Runs<'_>, show_hand: bool) -> Self {
        let config = runs.a.config();
        Figure {
            reach: runs.reach_scene(show_hand).into_owned(),
            learning: LearningScene::of(runs),
            trace: runs.a.trace().clone(),
            trial_ms: config.trial_ms,
            go_ms: config.go_ms,
            header: None,
            words: Catalog::english(),
        }
    }

    /// The figure of a session, with its header (title, settings, link from `link_base`), in
    /// `words`' language.
    pub fn of_session(
        session: &Session,
        show_hand: bool,
        link_base: &str,
        words: &'static Catalog,
    ) -> Self {
        Figure {
            header: Some(Header::of_session(session, link_base, words)),
            words,
            ..Figure::of(&Runs::of_session(session, words), show_hand)
        }
    }

    /// Draws it into `area`: reach on the left, learning and activity (of run A) stacked on the
    /// right.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
    ) -> Result<(), DrawError> {
        area.fill(&WHITE)?;
        let area = match &self.header {
            Some(header) => draw_header(area, header, style)?,
            None => area.clone(),
        };
        let (w, h) = area.dim_in_pixel();
        let (left, right) = area.split_horizontally((w as f64 * 0.36) as u32);
        let (top, bottom) = right.split_vertically(h / 2);
        reach::draw(&left, &self.reach, style)?;
        self.learning.draw(&top, style)?;
        bottom.fill(&WHITE)?;
        activity::draw_cells(&bottom, &self.trace, self.trial_ms, 120, style)?;
        activity::draw_frame(&bottom, self.trial_ms, Some(self.go_ms), style)?;
        Ok(())
    }

    /// Whether its parts fit together: what a figure read back from outside (JSON handed from the
    /// page's module) must be before it is drawn, so that no drawing indexes out of its lists.
    pub fn is_consistent(&self) -> bool {
        let paths = self
            .reach
            .history
            .iter()
            .chain(&self.reach.current)
            .chain(self.reach.b.iter().flat_map(|(h, c)| h.iter().chain(c)));
        let learning = self.learning.a.is_consistent()
            && self
                .learning
                .b
                .as_ref()
                .is_none_or(|(c, _)| c.is_consistent());
        self.trace.is_consistent() && learning && paths.into_iter().all(|p| p.hand.len() % 2 == 0)
    }

    /// The same figure with its axes, legends and captions in `words`' language.
    pub fn in_words(self, words: &'static Catalog) -> Self {
        Figure { words, ..self }
    }

    /// The language its words are in.
    pub fn words(&self) -> &'static Catalog {
        self.words
    }

    /// It as an SVG document of `width × height` pixels.
    pub fn svg(&self, width: u32, height: u32) -> Result<String, DrawError> {
        crate::svg_of((width, height), self.words, |area, style| {
            self.draw(area, style)
        })
    }
}

/// `text` shortened with "…" to fit `width` pixels at `size` pixels per em. Widths are estimated
/// (0.58 em a character, a generous average for sans-serif) rather than measured, so the page
/// and `bgloop figure` — which has no font to measure with — cut at the same character.
fn fitted(text: &str, size: f64, width: u32) -> String {
    let most = (f64::from(width) / (0.58 * size)).floor() as usize;
    if text.chars().count() <= most {
        return text.to_string();
    }
    let kept: String = text.chars().take(most.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// `text` broken into at most `lines` lines of `width` pixels at `size` pixels per em, at spaces
/// (widths estimated as in [`fitted`]); the last line is cut with "…" if the text is longer.
fn wrapped(text: &str, size: f64, width: u32, lines: usize) -> Vec<String> {
    let most = (f64::from(width) / (0.58 * size)).floor() as usize;
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let fits = line.chars().count() + 1 + word.chars().count() <= most;
        if !line.is_empty() && !fits && out.len() + 1 < lines {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    // A word wider than the line, or the text left over on the last line, is cut.
    out.iter().map(|l| fitted(l, size, width)).collect()
}

/// Draws the header (title, settings, link) at the top of `area` and the caption at its foot;
/// returns the area left for the views.
fn draw_header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    header: &Header,
    style: &Style,
) -> Result<DrawingArea<DB, Shift>, DrawError> {
    let (w, h) = area.dim_in_pixel();
    let pad = style.pxi(10.0);
    let width = w.saturating_sub(2 * style.px(10.0));
    let title = style
        .font(17.0)
        .style(plotters::style::FontStyle::Bold)
        .color(&style.ink());
    let small = style.font(11.5).color(&style.muted());
    let link = style.font(11.0).color(&crate::style::CURSOR);
    let size = |css: f64| css * style.scale;
    let lines = [
        (fitted(&header.title, size(17.0), width), title, 8.0),
        (
            fitted(&header.settings, size(11.5), width),
            small.clone(),
            32.0,
        ),
        (fitted(&header.link, size(11.0), width), link, 49.0),
    ];
    for (text, font, y) in lines {
        area.draw(&Text::new(text, (pad, style.pxi(y)), font))?;
    }
    let caption = wrapped(&header.caption, size(11.5), width, 2);
    let below = 16.0 * (caption.len() - 1) as f64;
    for (k, line) in caption.into_iter().enumerate() {
        area.draw(&Text::new(
            line,
            (pad, h as i32 - style.pxi(18.0 + below - 16.0 * k as f64)),
            small.clone(),
        ))?;
    }
    // The result, a line per window and run, above the caption.
    let result = style.font(11.5).color(&style.ink());
    let lines = header.result.len();
    for (k, line) in header.result.iter().enumerate() {
        let y = 18.0 + below + 16.0 * (lines - k) as f64;
        area.draw(&Text::new(
            fitted(line, size(11.5), width),
            (pad, h as i32 - style.pxi(y)),
            result.clone(),
        ))?;
    }
    let top = style.px(68.0);
    let foot = style.px(22.0 + below + 16.0 * lines as f64);
    Ok(area.margin(top, foot, 0, 0))
}

/// Draws the three views of `runs` (which must record traces for the reach and activity views)
/// into `area`: reach on the left, learning and activity (of run A) stacked on the right.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    runs: &Runs<'_>,
    show_hand: bool,
    style: &Style,
) -> Result<(), DrawError> {
    Figure::of(runs, show_hand).draw(area, style)
}

/// The figure as an SVG document of `width × height` pixels.
pub fn svg(runs: &Runs<'_>, show_hand: bool, width: u32, height: u32) -> Result<String, DrawError> {
    Figure::of(runs, show_hand).svg(width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_wraps_at_spaces_and_cuts_what_does_not_fit() {
        // 58 px at 10 px per em: 10 characters a line.
        assert_eq!(wrapped("aaa bbb ccc", 10.0, 58, 2), vec!["aaa bbb", "ccc"]);
        assert_eq!(
            wrapped("aaa bbb ccc ddd eee", 10.0, 58, 2),
            vec!["aaa bbb", "ccc ddd e…"]
        );
        // A word wider than a line is cut on whichever line it falls.
        for line in wrapped("abcdefghijklmnop qrs", 10.0, 58, 2) {
            assert!(line.chars().count() <= 10, "{line}");
        }
        assert_eq!(wrapped("", 10.0, 58, 2), vec![""]);
    }

    #[test]
    fn the_figure_is_an_svg_with_all_three_views() {
        let mut sim = crate::rotation_run(None);
        sim.run_trials(30).expect("finite");
        let text = svg(&Runs::of(&sim), true, 1200, 460).expect("draws");
        assert!(text.starts_with("<svg"));
        for label in ["cursor", "hand", "Cortex", "Thalamus", "trial", "reward"] {
            assert!(text.contains(label), "{label} missing");
        }
        assert!(text.matches("<rect").count() > 1000, "heat cells drawn");
    }

    #[test]
    fn a_session_s_figure_states_its_result_under_the_views() {
        let mut s = Session::new(std::iter::empty::<(&str, f64)>()).expect("defaults");
        s.record_traces(2.0, true).expect("traces");
        s.open_permalink("preset=strong-vs-weak&seed=2")
            .expect("a link");
        s.run_trials(80.0).expect("finite");
        let figure = Figure::of_session(&s, true, "", Catalog::english());
        let text = figure.svg(1200, 600).expect("draws");
        let said = &s.view(Catalog::english()).said[0];
        assert_eq!(said.runs.len(), 2);
        for (_, line) in &said.runs {
            // SVG escapes nothing in these lines but the bars of |error|, kept as they are.
            assert!(text.contains(line.as_str()), "the figure says {line}");
        }
        assert!(text.contains(&said.heading));
    }
}
