//! `bgloop share`: each preset's preview image and the small landing page that carries it, in
//! every language — what a link shared in a chat or a post shows (a page's `#…` is never sent to
//! the server, so `index.html#preset=…` alone always previews the same figure).

use crate::args::{Args, UsageError};
use crate::{png, usage, Failure};
use bgloop_charts::figure::Figure;
use bgloop_core::i18n::{Catalog, Lang, Msg};
use bgloop_core::presets::{Preset, PRESETS};
use bgloop_core::session::Session;
use std::path::Path;
use std::process::ExitCode;

/// The preview's size, Open Graph's recommended 1.91:1.
const SIZE: (u32, u32) = (1200, 630);

/// `bgloop share --out DIR [--site URL]`: runs every preset once (its [`Preset::shown_trials`])
/// and writes, per language, `<preset>[.<lang>].png` and `<preset>[.<lang>].html` into `DIR`.
/// The pages are made for `DIR` = the site's `web/share/` (they link `../../index.html` and
/// `../share.css`), as the build writes them.
pub(crate) fn command(args: &mut Args) -> Result<ExitCode, Failure> {
    let out = args
        .value("--out")?
        .ok_or_else(|| UsageError::new("bgloop share needs --out DIR, the folder to write to"))?;
    let site = args.value("--site")?.map(site_url).transpose()?;
    args.finish()?;
    let dir = Path::new(&out);
    std::fs::create_dir_all(dir).map_err(|e| Failure::Run(format!("--out {out:?}: {e}")))?;
    for preset in PRESETS {
        let session = run(preset)?;
        for lang in Lang::ALL {
            let words = Catalog::builtin(lang);
            let name = file_stem(preset, lang);
            let figure = Figure::of_session(&session, true, "", words);
            let image = dir.join(format!("{name}.png"));
            png::write(&image.to_string_lossy(), &figure, SIZE)?;
            let page = Landing {
                preset,
                lang,
                words,
                image: format!("{name}.png"),
                site: site.as_deref(),
                caption: figure_caption(&session, words),
            };
            let html = dir.join(format!("{name}.html"));
            std::fs::write(&html, page.html())
                .map_err(|e| Failure::Run(format!("{}: {e}", html.display())))?;
        }
        outln!("{}: {} trials", preset.name, preset.shown_trials());
    }
    Ok(ExitCode::SUCCESS)
}

/// `--site`: the site's address (`https://me.github.io/bgloop/`), to which the previews'
/// addresses are made absolute, as link previews need.
fn site_url(url: String) -> Result<String, UsageError> {
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(['"', '<', '>'])
    {
        return Err(UsageError::new(format!(
            "--site {:?}: the site's address, starting with https:// (e.g. https://me.github.io/bgloop/)",
            bgloop_core::format::short(&url, 80)
        )));
    }
    Ok(if url.ends_with('/') {
        url
    } else {
        format!("{url}/")
    })
}

/// A preset's files' name in `lang`: `rotation` in English, `rotation.fr` in French.
fn file_stem(preset: &Preset, lang: Lang) -> String {
    match lang {
        Lang::En => preset.name.to_string(),
        other => format!("{}.{}", preset.name, other.code()),
    }
}

/// A session that has run `preset` for its shown trials, recording the last trial's traces.
fn run(preset: &'static Preset) -> Result<Session, Failure> {
    let experiment = preset.experiment().map_err(usage)?;
    let mut session = Session::new(std::iter::empty::<(&str, f64)>()).map_err(usage)?;
    session.record_traces(2.0, true).map_err(usage)?;
    session.open(experiment, Some(preset.name)).map_err(usage)?;
    session
        .run_trials(f64::from(preset.shown_trials()))
        .map_err(|e| Failure::Run(e.to_string()))?;
    Ok(session)
}

/// The figure's caption and result lines as the image draws them: the text alternative under it.
fn figure_caption(session: &Session, words: &Catalog) -> Vec<String> {
    let header = bgloop_charts::figure::Header::of_session(session, "", words);
    let mut lines = header.result;
    lines.push(header.caption);
    lines
}

/// One preset's landing page in one language.
struct Landing<'a> {
    preset: &'static Preset,
    lang: Lang,
    words: &'static Catalog,
    image: String,
    site: Option<&'a str>,
    caption: Vec<String>,
}

impl Landing<'_> {
    /// The preview image's address: absolute under `--site`, else beside the page.
    fn image_address(&self) -> String {
        match self.site {
            Some(site) => escape(&format!("{site}web/share/{}", self.image)),
            None => self.image.clone(),
        }
    }

    /// The playground's link to the preset, in the page's language, stopping at the trial the
    /// preview shows (HTML-escaped).
    fn open_link(&self) -> String {
        let lang = match self.lang {
            Lang::En => String::new(),
            other => format!("lang={}&amp;", other.code()),
        };
        format!(
            "../../index.html#{lang}preset={}&amp;to={}",
            self.preset.name,
            self.preset.shown_trials()
        )
    }

    /// The page: the preset's title and paragraph, a link that opens it in the playground, and its
    /// figure with the figure's caption and result as text. A CSP like every page of the site.
    fn html(&self) -> String {
        let w = self.words;
        let title = escape(&self.preset.title_in(w));
        let description = escape(&self.preset.description_in(w));
        let watch = escape(&self.preset.watch_in(w));
        let code = self.lang.code();
        let trials = self.preset.shown_trials();
        let alt = escape(&w.format(&Msg::new("share-page-image").count("trials", trials)));
        let image = self.image_address();
        let open = self.open_link();
        let caption = self
            .caption
            .iter()
            .map(|l| escape(l))
            .collect::<Vec<_>>()
            .join("<br>\n");
        let open_words = escape(&w.text("share-page-open"));
        let local = &self.image;
        format!(
            r#"<!doctype html>
<html lang="{code}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>{title} · bgloop</title>
<meta name="description" content="{description}">
<meta property="og:type" content="website">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:image" content="{image}">
<meta property="og:image:width" content="{width}">
<meta property="og:image:height" content="{height}">
<meta property="og:image:alt" content="{alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="{image}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../share.css">
</head>
<body>
<main>
<h1>{title}</h1>
<p>{description}</p>
<p><a class="open" href="{open}">{open_words}</a></p>
<figure>
<img src="{local}" width="{width}" height="{height}" alt="{alt}">
<figcaption>{caption}</figcaption>
</figure>
<p>{watch}</p>
</main>
</body>
</html>
"#,
            width = SIZE.0,
            height = SIZE.1,
        )
    }
}

/// `text` safe inside HTML text and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
