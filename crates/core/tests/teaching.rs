//! The teacher's page (docs/teaching.md): each activity's link, run to its end trial on seeds 1–8,
//! shows what the page says it shows. The links are read from the page itself, so the page and
//! this test cannot drift apart.

use bgloop_core::{permalink, Experiment, Simulation, TrialRecord};

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

/// Runs `link` on `seed` to its end trial (`to=`); both runs' records.
fn run(link: &str, seed: u64) -> (Vec<TrialRecord>, Vec<TrialRecord>) {
    let decoded = permalink::decode(link);
    assert!(
        decoded.rejected.is_empty(),
        "{link}: {:?}",
        decoded.rejected
    );
    let to: u32 = decoded
        .view
        .iter()
        .find(|(k, _)| k == "to")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or_else(|| panic!("{link} carries its end trial (to=)"));
    let mut experiment: Experiment = decoded.experiment;
    experiment.set_seed(seed as f64).expect("a seed");
    let (a, b) = experiment.simulations().expect("valid");
    let records = |mut sim: Simulation| {
        sim.run_trials(to).expect("finite");
        sim.history().to_vec()
    };
    (
        records(a),
        records(b.expect("each activity compares two runs")),
    )
}

fn over(records: &[TrialRecord], from: u32, to: u32, f: impl Fn(&TrialRecord) -> f64) -> f64 {
    let xs: Vec<f64> = records
        .iter()
        .filter(|r| (from..=to).contains(&r.trial))
        .map(f)
        .collect();
    xs.iter().sum::<f64>() / xs.len() as f64
}

fn error(r: &TrialRecord) -> f64 {
    r.error_deg.abs()
}

fn executed(r: &TrialRecord) -> f64 {
    f64::from(u8::from(r.executed))
}

fn reach_ms(records: &[TrialRecord], from: u32, to: u32) -> f64 {
    let xs: Vec<f64> = records
        .iter()
        .filter(|r| (from..=to).contains(&r.trial))
        .filter_map(|r| r.reach_ms)
        .collect();
    xs.iter().sum::<f64>() / xs.len() as f64
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

#[test]
fn activity_1_only_the_strong_loop_adapts_and_both_reach() {
    let link = &links()[0];
    for seed in 1..=8 {
        let (a, b) = run(link, seed);
        let (ea, eb) = (over(&a, 251, 300, error), over(&b, 251, 300, error));
        assert!((2.5..7.5).contains(&ea), "seed {seed}: A 3–7°, {ea:.1}");
        assert!((29.5..31.5).contains(&eb), "seed {seed}: B 30–31°, {eb:.1}");
        assert_eq!(over(&b, 1, 300, executed), 1.0, "seed {seed}: B reaches");
    }
}

#[test]
fn activity_2_gpi_off_leaves_the_movement_and_takes_away_a_s_adaptation() {
    let link = &links()[1];
    for seed in 1..=8 {
        let (a, b) = run(link, seed);
        for (name, r) in [("A", &a), ("B", &b)] {
            let e = over(r, 351, 400, error);
            assert!(
                (2.5..6.5).contains(&e),
                "seed {seed}: {name} adapted, {e:.1}"
            );
            assert_eq!(
                over(r, 401, 460, executed),
                1.0,
                "seed {seed}: {name} reaches"
            );
        }
        let (ea, eb) = (over(&a, 411, 460, error), over(&b, 411, 460, error));
        assert!(ea > 29.0, "seed {seed}: A back at 30°, {ea:.1}");
        assert!(eb < 2.0, "seed {seed}: B under 2°, {eb:.1}");
    }
}

#[test]
fn activity_3_half_the_dopamine_slows_reaches_without_stopping_them() {
    let link = &links()[2];
    for seed in 1..=8 {
        let (a, b) = run(link, seed);
        let (ta, tb) = (reach_ms(&a, 301, 400), reach_ms(&b, 301, 400));
        assert!(
            (120.0..140.0).contains(&ta),
            "seed {seed}: A about 130 ms, {ta:.0}"
        );
        assert!(
            (165.0..220.0).contains(&tb),
            "seed {seed}: B 170–215 ms, {tb:.0}"
        );
        let (ea, eb) = (over(&a, 301, 400, error), over(&b, 301, 400, error));
        assert!((3.5..5.5).contains(&ea), "seed {seed}: A 4–5°, {ea:.1}");
        assert!(
            eb > ea && (4.5..9.5).contains(&eb),
            "seed {seed}: B 5–9°, {eb:.1}"
        );
        assert_eq!(over(&b, 301, 400, executed), 1.0, "seed {seed}: B reaches");
    }
}
