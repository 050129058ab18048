//! The message catalogs (web/locales/<code>/*.ftl) are complete and agree: every id of the English
//! catalog exists in every language with the same attributes and the same variables (a missing or
//! an extra one fails), every id the program asks for exists, and the words the page links to the
//! glossary occur in that language's texts.

use bgloop_core::i18n::{Catalog, Lang, FILES};
use std::path::{Path, PathBuf};

fn folder(lang: Lang) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../web/locales")
        .join(lang.code())
}

/// The catalog of `lang` as the page loads it: its files, read from disk.
fn read(lang: Lang) -> (Catalog, Vec<String>) {
    let texts: Vec<String> = FILES
        .iter()
        .map(|f| {
            std::fs::read_to_string(folder(lang).join(f))
                .unwrap_or_else(|e| panic!("{}/{f}: {e}", lang.code()))
        })
        .collect();
    let named: Vec<(&str, &str)> = FILES
        .iter()
        .copied()
        .zip(texts.iter().map(String::as_str))
        .collect();
    let catalog = Catalog::parse(lang, &named).unwrap_or_else(|e| panic!("{e}"));
    (catalog, texts)
}

#[test]
fn every_language_has_every_id_with_the_same_attributes_and_variables() {
    let (english, _) = read(Lang::En);
    for lang in [Lang::Fr, Lang::Es] {
        let (other, _) = read(lang);
        assert_eq!(other.differences(&english), Vec::<String>::new());
        // The built-in tour in this language is a valid tour (its words fit the limits).
        let tour = bgloop_core::tour::builtin_in(&other);
        assert_eq!(tour.steps.len(), bgloop_core::tour::builtin().steps.len());
        assert_ne!(
            tour.title,
            bgloop_core::tour::builtin().title,
            "{}",
            lang.code()
        );
    }
    // A translation that lost an id, gave a container a value, or renamed a variable is caught.
    let broken = Catalog::parse(
        Lang::Fr,
        &[(
            "page.ftl",
            "play = Lecture\nviews = Vues\ntour-open = { $etapes } étapes\nextra = x\n",
        )],
    )
    .expect("reads");
    let found = broken.differences(&english);
    for expected in [
        "fr lacks `pause`",
        "fr: `views` has a value where English has none, or none where it has one",
        "fr: `tour-open` uses other variables than in English in its value",
        "fr has `extra`, which English does not",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} not in {found:?}"
        );
    }
}

#[test]
fn every_id_the_program_asks_for_exists() {
    let (english, _) = read(Lang::En);
    let has = |id: String| assert!(english.has(&id), "the English catalog lacks `{id}`");
    for spec in bgloop_core::schema() {
        has(format!("param-{}", spec.key));
        let group = serde_json::to_value(spec.group).expect("serialises");
        has(format!("group-{}", group.as_str().expect("a name")));
        assert_eq!(spec.group.name(), group.as_str().expect("a name"));
        if let bgloop_core::schema::Domain::Choice { options } = spec.domain {
            for o in options {
                has(format!("option-{o}"));
            }
        }
        // The catalog is the only home of a parameter's words: its label, its meaning, and — for a
        // parameter with a range it was built for, and only then — what goes wrong outside it.
        let id = format!("param-{}", spec.key);
        let shape = english.shape().get(&id).expect("the parameter's message");
        assert!(shape.value, "{id} has a label");
        assert!(shape.attributes.contains("meaning"), "{id} has a meaning");
        assert_eq!(
            shape.attributes.contains("why"),
            spec.built_for.is_some(),
            "{id}: `.why` exactly when the parameter has a range it was built for"
        );
        assert_eq!(spec.label_in(&english), english.text(&id));
        assert_eq!(spec.meaning_in(&english), english.attr(&id, "meaning"));
    }
    for p in bgloop_core::presets::PRESETS {
        let id = format!("preset-{}", p.name);
        let shape = english.shape().get(&id).expect("the preset's message");
        assert!(shape.value, "{id} has a title");
        for attr in ["description", "watch"] {
            assert!(shape.attributes.contains(attr), "{id} has `.{attr}`");
        }
        // A comparison names its runs in words (`strong loop`, `weak loop`), never a bare symbol.
        for attr in ["run-a", "run-b"] {
            assert_eq!(
                shape.attributes.contains(attr),
                !p.compare.is_empty(),
                "{id}: `.{attr}` exactly for a comparison"
            );
        }
    }
    for e in bgloop_core::glossary::ENTRIES {
        has(format!("term-{}", e.id));
        let shape = english
            .shape()
            .get(&format!("term-{}", e.id))
            .expect("the term");
        assert!(
            shape.value
                && shape.attributes.contains("text")
                && shape.attributes.contains("written")
        );
    }
    for pop in bgloop_core::Population::ALL {
        has(format!("population-{}", pop.key()));
    }
    for phase in bgloop_core::Phase::ALL {
        has(format!("phase-{}", phase.as_str()));
    }
    for i in 0..bgloop_core::view::SPEEDS.len() {
        has(format!("speed-{i}"));
    }
    assert!(!english.has(&format!("speed-{}", bgloop_core::view::SPEEDS.len())));
    let tour = bgloop_core::tour::builtin();
    has("tour-title".to_string());
    for i in 0..tour.steps.len() {
        let shape = english
            .shape()
            .get(&format!("tour-step-{}", i + 1))
            .expect("the step");
        assert!(
            shape.value && shape.attributes.contains("text"),
            "step {}",
            i + 1
        );
    }
    assert!(
        !english.has(&format!("tour-step-{}", tour.steps.len() + 1)),
        "a tour step too many"
    );
}

#[test]
fn a_phase_and_the_change_that_starts_it_have_one_name_in_every_language() {
    // The learning view labels a change that starts a phase by the phase's name only when both
    // are written alike.
    for lang in Lang::ALL {
        let (c, _) = read(lang);
        assert_eq!(
            c.text("phase-gpi-off"),
            c.text("event-gpi-off"),
            "{}",
            lang.code()
        );
        assert_eq!(
            c.text("phase-washout"),
            c.text("event-washout"),
            "{}",
            lang.code()
        );
    }
}

#[test]
fn the_glossary_s_linked_words_occur_in_each_language_s_texts() {
    for lang in Lang::ALL {
        let (c, texts) = read(lang);
        // The texts themselves, not the `.written` lists that name the forms.
        let prose: String = format!("{}\n{}", texts[1], texts[2])
            .lines()
            .filter(|l| !l.trim_start().starts_with(".written"))
            .collect::<Vec<_>>()
            .join("\n");
        for e in bgloop_core::glossary::ENTRIES {
            let written = c.attr(&format!("term-{}", e.id), "written");
            let forms: Vec<&str> = written
                .split('|')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect();
            assert!(
                !forms.is_empty(),
                "{}: `term-{}` links no word",
                lang.code(),
                e.id
            );
            for w in forms {
                assert!(
                    prose.contains(w),
                    "{}: `{w}` (term-{}) occurs in no text",
                    lang.code(),
                    e.id
                );
            }
        }
    }
}

#[test]
fn numbers_are_written_the_language_s_way_in_text_never_in_links() {
    let (fr, _) = read(Lang::Fr);
    let (es, _) = read(Lang::Es);
    let e = bgloop_core::schema::in_range("dopamine", 2.5, 0.0, 1.5).expect_err("out of range");
    assert_eq!(e.message, "`dopamine` = 2.5 is out of range 0–1.5");
    let said = e.said_in(&fr);
    assert!(
        said.contains("`dopamine`") && said.contains("2,5") && said.contains("0–1,5"),
        "{said}"
    );
    assert_ne!(said, e.message, "said in French");
    assert!(e.said_in(&es).contains("2,5"));
    // A unit that is a word is said in the language, after the range's numbers.
    let counted = bgloop_core::schema()
        .iter()
        .find(|s| s.unit == "trials")
        .expect("a parameter counted in trials");
    let e = counted
        .check(&bgloop_core::Input::Num(-5.0))
        .expect_err("out of range");
    assert!(e.message.contains(" trials"), "{}", e.message);
    let said = e.said_in(&fr);
    assert!(
        said.ends_with(" essais") && !said.contains(" trials"),
        "{said}"
    );
    // A link is the same in every language: the session holds none, whoever says it brings one.
    let s = bgloop_core::session::Session::new([("loop_strength", 0.25)]).expect("valid");
    let english_link = s.permalink(&[]);
    assert_ne!(s.view(&fr).status, s.view(Catalog::english()).status);
    assert_eq!(s.permalink(&[]), english_link);
    assert!(english_link.contains("loop_strength=0.25"));
}

#[test]
fn the_teacher_s_kit_in_each_language_has_the_english_pages_links_and_figures() {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let read = |name: &str| {
        std::fs::read_to_string(docs.join(name)).unwrap_or_else(|e| panic!("docs/{name}: {e}"))
    };
    let links = |page: &str| -> Vec<String> {
        page.split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_string)
            .collect()
    };
    // The figures a page states: its numbers, as digits (a decimal comma read as a point).
    let figures = |page: &str| -> Vec<String> {
        let body = page.split("<body>").nth(1).unwrap_or(page);
        let text: String = body
            .split('<')
            .map(|p| p.split_once('>').map_or(p, |(_, t)| t))
            .collect();
        let mut out: Vec<String> = text
            .replace(',', ".")
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|t| t.trim_matches('.').to_string())
            .filter(|t| !t.is_empty())
            .collect();
        out.sort();
        out
    };
    for (kind, lang) in ["teaching", "worksheet", "key"]
        .into_iter()
        .flat_map(|kind| [(kind, Lang::Fr), (kind, Lang::Es)])
    {
        let english = read(&format!("{kind}.html"));
        let code = lang.code();
        let page = read(&format!("{kind}.{code}.html"));
        assert!(
            page.contains(&format!("<html lang=\"{code}\">")),
            "{kind}.{code}: the page says its language"
        );
        let expected: Vec<String> = links(&english)
            .iter()
            .map(|l| match l.split_once('#') {
                Some((base, rest)) => format!("{base}#lang={code}&amp;{rest}"),
                None if l == "../index.html" => format!("{l}#lang={code}"),
                // The kit's three pages link each other in the page's language.
                None => match l.strip_suffix(".html") {
                    Some(page) if !page.contains('/') => format!("{page}.{code}.html"),
                    _ => l.clone(),
                },
            })
            .collect();
        assert_eq!(
            links(&page),
            expected,
            "{kind}.{code}: the same links, in {code}"
        );
        // Links hold numbers too: compare the text's figures without them.
        let strip = |p: &str| {
            p.split("href=\"")
                .map(|s| s.split_once('"').map_or(s, |(_, t)| t))
                .collect::<String>()
        };
        let strip_lang = |p: String| p.replace(&format!("lang={code}&amp;"), "");
        assert_eq!(
            figures(&strip_lang(strip(&page))),
            figures(&strip(&english)),
            "{kind}.{code}: the same figures as the English page"
        );
    }
}

/// The product code of every crate (each file up to its test module, without comment lines),
/// with its path.
fn product_rust() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                // Code only: comments (doc comments included) may name what the catalog says.
                let code: String = text
                    .split("#[cfg(test)]")
                    .next()
                    .unwrap_or("")
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push((path.display().to_string(), code));
            }
        }
    }
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    // Every crate of the workspace, new ones included.
    for entry in std::fs::read_dir(&crates).expect("crates/").flatten() {
        let src = entry.path().join("src");
        if src.is_dir() {
            walk(&src, &mut out);
        }
    }
    out
}

/// The reader-facing English of the catalog: every value and attribute without arguments that is
/// a phrase (four words or more).
fn english_phrases() -> Vec<(String, String)> {
    let (english, _) = read(Lang::En);
    let mut out = Vec::new();
    for (id, shape) in english.shape() {
        let parts = std::iter::once(shape.value.then(|| english.text(id)))
            .chain(shape.attributes.iter().map(|a| Some(english.attr(id, a))));
        for text in parts.flatten() {
            if text.split_whitespace().count() >= 4 && !text.contains('{') {
                out.push((id.clone(), text));
            }
        }
    }
    out
}

#[test]
fn the_catalog_s_english_is_written_nowhere_in_the_rust_sources() {
    let phrases = english_phrases();
    assert!(phrases.len() > 150, "{} phrases read", phrases.len());
    let sources = product_rust();
    assert!(sources.len() > 60, "{} files read", sources.len());
    let mut found = Vec::new();
    for (id, text) in &phrases {
        // Rust writes `"` and `\` escaped; the rest of a phrase as it is.
        let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
        for (path, code) in &sources {
            if code.contains(text.as_str()) || code.contains(escaped.as_str()) {
                found.push(format!("{path}: {id}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English written twice:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_link_s_notes_and_refusals_are_said_in_the_reader_s_language() {
    let (english, _) = read(Lang::En);
    let link =
        "v=1&preset=nope&untuned_drive=1&b.v=2&b.hand=1&=3&%ZZ=1&b.gpi_off_after=3&loop_strength=9\
         &@9-3.rotation_deg=0..60&@4.ring_size=32&@x.gpi_output=0&@5-9.reward=graded..binary&@5.dopamine=0..1\
         &@5-9.rotation_deg=0...60&gpi_off_after=2.5";
    let decoded = bgloop_core::permalink::decode(link);
    assert!(decoded.notes.len() >= 2, "{:?}", decoded.notes);
    assert!(decoded.rejected.len() >= 12, "{:?}", decoded.rejected);
    for lang in [Lang::Fr, Lang::Es] {
        let (other, _) = read(lang);
        let said: Vec<(String, String)> = decoded
            .notes_in(&other)
            .into_iter()
            .zip(decoded.notes_in(&english))
            .chain(
                decoded
                    .rejected
                    .iter()
                    .map(|r| (r.reason_in(&other), r.reason_in(&english))),
            )
            .collect();
        for (theirs, ours) in said {
            assert_ne!(theirs, ours, "{}: said in English", lang.code());
            for id in ["link-note", "rejected-", "retired-"] {
                assert!(!theirs.contains(id), "{}: {theirs}", lang.code());
            }
        }
    }
}

#[test]
fn a_link_s_sweep_that_cannot_run_is_refused_in_the_reader_s_language() {
    let (english, _) = read(Lang::En);
    let bad = [
        "loop_strength:0.25:1.5:4,seeds:1,trials:40",
        "loop_strength:a:1:4",
        "loop_strength:0:1:x",
        "seeds:x,loop_strength:0:1:2",
        "trials:x,loop_strength:0:1:2",
        "measure:nope,loop_strength:0:1:2",
        "what",
        "seeds:2",
        "loop_strength:0:1:2,loop_strength:0:1:2",
        "ring_size:16:32:2",
        "loop_strength:0:9:2",
        "loop_strength:0.25:1.5:200,dopamine:0.5:1.5:200,seeds:5",
    ];
    for value in bad {
        let decoded = bgloop_core::permalink::decode(&format!("preset=rotation&sweep={value}"));
        let [refused] = decoded.rejected.as_slice() else {
            panic!("{value}: {:?}", decoded.rejected)
        };
        let ours = refused.reason_in(&english);
        assert!(ours.contains("`sweep`"), "{value}: {ours}");
        for lang in [Lang::Fr, Lang::Es] {
            let (other, _) = read(lang);
            let theirs = refused.reason_in(&other);
            assert_ne!(theirs, ours, "{value}: said in English in {}", lang.code());
            assert!(
                !theirs.contains("sweep-") && !theirs.contains("rejected-"),
                "{theirs}"
            );
        }
    }
}

/// The places in `text` where a colon ends a word with no space before it (French writes
/// `A : rotation`, with a no-break space), URLs and times aside.
fn colons_without_space(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let after = chars.get(i + 1).copied();
        let ends_clause = after.is_none_or(char::is_whitespace);
        let before = i.checked_sub(1).map(|j| chars[j]);
        let spaced = before.is_none_or(|b| b.is_whitespace() || b == '\u{a0}' || b == '\u{202f}');
        if c == ':' && ends_clause && !spaced {
            let from = i.saturating_sub(20);
            out.push(chars[from..(i + 2).min(chars.len())].iter().collect());
        }
    }
    out
}

#[test]
fn french_puts_a_space_before_every_colon_in_the_catalog_and_in_what_the_session_says() {
    let (french, texts) = read(Lang::Fr);
    // The catalog's own words.
    let mut found: Vec<String> = Vec::new();
    for (id, shape) in french.shape() {
        if shape.value {
            found.extend(
                colons_without_space(&french.text(id))
                    .into_iter()
                    .map(|c| format!("{id}: {c}")),
            );
        }
        for a in &shape.attributes {
            found.extend(
                colons_without_space(&french.attr(id, a))
                    .into_iter()
                    .map(|c| format!("{id}.{a}: {c}")),
            );
        }
    }
    assert!(texts.len() == FILES.len());
    // What the session composes from it: a comparison's status, run names, marks and settings.
    let french: &'static Catalog = Box::leak(Box::new(french));
    let mut s =
        bgloop_core::session::Session::new(std::iter::empty::<(&str, f64)>()).expect("defaults");
    s.open_permalink("#preset=strong-vs-weak&seed=2&b.@3.gpi_output=0")
        .expect("opens");
    s.run_trials(4.0).expect("runs");
    let view = s.view(french);
    let mut said = vec![view.status.clone(), s.description(french).settings];
    said.extend(view.run_names.into_iter().flatten());
    said.extend(s.markers(french).into_iter().map(|(_, m)| m));
    said.extend(
        view.said
            .iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default()),
    );
    for text in &said {
        found.extend(
            colons_without_space(text)
                .into_iter()
                .map(|c| format!("said: {c}")),
        );
    }
    assert!(
        said.iter()
            .any(|t| t.contains(" :") || t.contains("\u{a0}:")),
        "{said:?}"
    );
    assert!(
        found.is_empty(),
        "colons without a space in French:\n{}",
        found.join("\n")
    );
}

/// Where product Rust may still write an English phrase, and why: what only a developer, a
/// translator or the CLI's user reads (the README's "Still English in Rust" says the same). Every
/// other reader-facing sentence is a catalog message.
const ENGLISH_ALLOWED: &[(&str, &str)] = &[
    (
        "cli/src/",
        "the CLI's usage, flag errors and tables (figures, notes and presets follow --lang)",
    ),
    (
        "core/src/claims.rs",
        "the labels of `bgloop claims`, a developer's check of the paper",
    ),
    (
        "core/src/phenomena.rs",
        "the labels of `bgloop phenomena`, a developer's check",
    ),
    (
        "core/src/longrun.rs",
        "the labels of the long-run invariants, a developer's check",
    ),
    (
        "core/src/config.rs",
        "each parameter's source: a citation (authors, year), as docs/model.md gives it",
    ),
    (
        "core/src/schema.rs",
        "the parameter table of docs/model.md (its notes) and the CLI's schema",
    ),
    (
        "core/src/view.rs",
        "the link grammar's view options and parts, described for developers",
    ),
    (
        "core/src/i18n.rs",
        "a broken catalog file's errors, for the translator who wrote it",
    ),
    (
        "core/src/regime.rs",
        "the regimes' English names for the CLI's sweep tables",
    ),
    (
        "core/src/record.rs",
        "a scripting API error: a column name that does not exist",
    ),
    (
        "core/src/session/mod.rs",
        "a scripting API error: a preset name that does not exist",
    ),
    (
        "core/src/experiment/handover.rs",
        "a malformed handover between the page and its own worker",
    ),
    (
        "core/src/tour.rs",
        "a custom tour file's errors (JSON errors are serde_json's own, in English)",
    ),
    (
        "core/src/sweep/",
        "sweep specs, merge files and the CLI's sweep tables",
    ),
    (
        "bindings/src/",
        "the scripting API's argument errors (a developer's console)",
    ),
    (
        "boundary/src/",
        "the scripting API's argument errors, shared by the page's two modules",
    ),
    (
        "extras/src/",
        "the sweep and tour functions' argument errors (a developer's console)",
    ),
];

/// The string literals of Rust `code` (its comments skipped), each with its line.
fn literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c == '\'' {
            // A char literal ('"', '\'', 'x'); a lifetime ('a) is left alone.
            let end = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 3 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            if let Some(end) = end {
                i = end;
                continue;
            }
        } else if c == '"'
            || (c == 'r'
                && matches!(next, Some('"' | '#'))
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_'))
        {
            let start_line = line;
            let (hashes, mut j) = if c == 'r' {
                let h = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                (Some(h), i + 2 + h)
            } else {
                (None, i + 1)
            };
            let mut text = String::new();
            while j < chars.len() {
                let d = chars[j];
                if d == '\n' {
                    line += 1;
                }
                match hashes {
                    None if d == '\\' => {
                        text.push(chars.get(j + 1).copied().unwrap_or(' '));
                        j += 2;
                        continue;
                    }
                    None if d == '"' => break,
                    Some(h)
                        if d == '"'
                            && chars[j + 1..].iter().take(h).filter(|&&c| c == '#').count()
                                == h =>
                    {
                        j += h;
                        break;
                    }
                    _ => text.push(d),
                }
                j += 1;
            }
            out.push((start_line, text));
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether a literal is an English phrase: three or more words of letters, at least two of them
/// lower-case words of the language (not keys such as `loop_strength`, ids or format strings).
fn is_phrase(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '.'))
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\''))
        .collect();
    words.len() >= 3
        && words
            .iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '\''))
            .count()
            >= 2
}

#[test]
fn the_literal_reader_sees_strings_and_skips_comments_chars_and_lifetimes() {
    let code = "fn f<'a>(c: char) -> &'a str {\n    // \"not a literal here at all\"\n    let q = '\"';\n    let s = \"one \\\"two\\\" three\";\n    r#\"a raw \"quoted\" one\"#\n}\n";
    let found = literals(code);
    assert_eq!(
        found,
        vec![
            (4, "one \"two\" three".to_string()),
            (5, "a raw \"quoted\" one".to_string())
        ]
    );
    assert!(is_phrase("the run diverged in trial {trial}"));
    assert!(!is_phrase("loop_strength"));
    assert!(!is_phrase("{}: {} {}"));
    assert!(!is_phrase("error-in-event"));
}

#[test]
fn no_english_phrase_is_written_in_product_rust_outside_the_allow_list() {
    let sources = product_rust();
    let allowed = |path: &str| {
        let path = path.replace('\\', "/");
        ENGLISH_ALLOWED.iter().position(|(p, _)| {
            path.contains(&format!("/{p}")) || path.contains(&format!("crates/{p}"))
        })
    };
    let mut found = Vec::new();
    let mut used = vec![false; ENGLISH_ALLOWED.len()];
    for (path, code) in &sources {
        for (line, text) in literals(code).into_iter().filter(|(_, t)| is_phrase(t)) {
            match allowed(path) {
                Some(k) => used[k] = true,
                None => found.push(format!("{path}:{line}: {text:?}")),
            }
        }
    }
    assert!(
        found.is_empty(),
        "English in product Rust (make it a catalog message, or add the file to ENGLISH_ALLOWED and the README with why):\n{}",
        found.join("\n")
    );
    let stale: Vec<&str> = ENGLISH_ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((p, _), _)| *p)
        .collect();
    assert!(
        stale.is_empty(),
        "allowed but without English any more (remove them here and in the README): {stale:?}"
    );
}
