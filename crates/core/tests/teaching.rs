//! The teacher's page (docs/teaching.md): three activities, each a link with its end trial, the
//! same on the site's HTML page. What each activity's text states is checked against the result
//! its link shows on seeds 1–8 by `stated.rs`, which reads the figures from the text.

/// The activities' links, in page order (each once).
fn links() -> Vec<String> {
    let page = include_str!("../../../docs/teaching.md");
    let mut out: Vec<String> = Vec::new();
    for (i, _) in page.match_indices("](../index.html#") {
        let rest = &page[i + "](../index.html".len()..];
        let link = rest.split(')').next().unwrap_or_default().to_string();
        if !out.contains(&link) {
            out.push(link);
        }
    }
    out
}

#[test]
fn the_page_has_three_activities_each_a_link_with_its_end_trial() {
    let links = links();
    assert_eq!(links.len(), 3, "{links:?}");
    for l in &links {
        assert!(l.contains("&to="), "{l}");
    }
    // The page on the site says the same (it is the same text, as HTML).
    let site = include_str!("../../../docs/teaching.html");
    for l in &links {
        assert!(
            site.contains(&l.replace('&', "&amp;")),
            "teaching.html lacks {l}"
        );
    }
    let page = include_str!("../../../docs/teaching.md");
    for heading in page.lines().filter_map(|l| l.strip_prefix("## ")) {
        assert!(
            site.contains(heading),
            "teaching.html lacks the section {heading:?}"
        );
    }
}

/// The kit's text, split into its `## ` sections (heading, body).
fn sections() -> Vec<(&'static str, &'static str)> {
    let page = include_str!("../../../docs/teaching.md");
    page.split("\n## ")
        .skip(1)
        .map(|s| s.split_once('\n').unwrap_or((s, "")))
        .collect()
}

/// The first whole number in `text` after `after`.
fn number_after(text: &str, after: &str) -> Option<f64> {
    let rest = &text[text.find(after)? + after.len()..];
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    let digits: String = rest[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

#[test]
fn the_lesson_plan_adds_up_to_45_minutes_and_gives_each_activity_its_stated_time() {
    let sections = sections();
    let (_, plan) = sections
        .iter()
        .find(|(h, _)| h.contains("45-minute"))
        .expect("a plan section");
    let minutes: Vec<f64> = plan
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| number_after(l, "").expect("a plan line starts with its minutes"))
        .collect();
    assert_eq!(minutes.iter().sum::<f64>(), 45.0, "{minutes:?}");
    // Each activity's heading states the minutes the plan gives it, in order.
    let activities: Vec<f64> = sections
        .iter()
        .filter(|(_, body)| body.contains("](../index.html#"))
        .map(|(h, _)| number_after(h, "(").expect("an activity states its minutes"))
        .collect();
    assert_eq!(activities.len(), 3);
    for (k, m) in activities.iter().enumerate() {
        let line = plan
            .lines()
            .find(|l| l.contains(&format!("activity {}", k + 1)))
            .expect("the plan names each activity");
        assert_eq!(number_after(line, "- "), Some(*m), "{line}");
    }
}

#[test]
fn each_activity_s_run_step_states_how_long_its_link_plays() {
    for (heading, body) in sections() {
        let Some(at) = body.find("](../index.html#") else {
            continue;
        };
        let link = body[at + "](../index.html".len()..]
            .split(')')
            .next()
            .unwrap_or_default();
        let decoded = bgloop_core::permalink::decode(link);
        let view = |key: &str| -> f64 {
            decoded
                .view
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or_else(|| panic!("{link} carries {key}="))
        };
        let speed = bgloop_core::view::SPEEDS[view("speed") as usize];
        let rate = speed
            .trials_per_second
            .unwrap_or_else(|| panic!("{heading}: a link the class times plays at a fixed rate"));
        assert_eq!(
            view("hc"),
            1.0,
            "{heading}: a projector's link is in high contrast"
        );
        let run = body
            .lines()
            .find(|l| l.starts_with("- **Run.**"))
            .expect("a run step");
        let trials = number_after(run, "").expect("the trials it plays");
        assert_eq!(trials, view("to"), "{heading}: {run}");
        assert_eq!(number_after(run, " at "), Some(rate), "{heading}: {run}");
        let seconds = number_after(run, "about ").expect("how long it plays");
        assert!(
            (seconds - trials / rate).abs() <= 0.5,
            "{heading}: says {seconds} s, plays {} s",
            trials / rate
        );
    }
}

#[test]
fn the_projected_plan_holds_no_answer_and_the_key_holds_every_one() {
    let plan = include_str!("../../../docs/teaching.html");
    let key = include_str!("../../../docs/key.html");
    let text = include_str!("../../../docs/teaching.md");
    let answers: Vec<String> = text
        .split("\n\n")
        .filter(|p| p.starts_with("> "))
        .map(|p| p.replace("\n> ", " ").trim_start_matches("> ").to_string())
        .collect();
    assert_eq!(
        answers.len(),
        6,
        "what the model shows and an answer per activity"
    );
    for answer in answers {
        // A phrase from the answer's middle, as the HTML writes it (`|` and `°` as they are).
        let words: Vec<&str> = answer.split_whitespace().collect();
        let phrase = words[words.len() / 2..]
            .windows(5)
            .map(|w| w.join(" "))
            .find(|p| !p.contains(['*', '`', '&', '<', '>']))
            .expect("a plain phrase");
        assert!(!plan.contains(&phrase), "the plan gives away {phrase:?}");
        assert!(key.contains(&phrase), "the key lacks {phrase:?}");
    }
}
