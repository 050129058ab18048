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
