//! The story presets tell the paper's claims as comparisons and interventions; each test checks,
//! on three seeds, that the preset's runs show what its "what to watch" paragraph says.

use bgloop_core::{presets, Protocol, TrialRecord};

/// Runs `trials` trials of the preset's run A and (if it is a comparison) run B on `seed`.
fn runs(name: &str, seed: u64, trials: u32) -> (Vec<TrialRecord>, Option<Vec<TrialRecord>>) {
    let preset = presets::preset(name).expect("preset");
    let mut a: Protocol = preset.protocol().expect("valid");
    a.config.seed = seed;
    let b = preset.compare_over(&a).expect("valid");
    let run = |p: &Protocol| {
        let mut sim = p.simulation().expect("valid");
        sim.run_trials(trials).expect("finite");
        sim.history().to_vec()
    };
    (run(&a), b.as_ref().map(run))
}

/// Mean |error| over trials `from..=to`.
fn error(records: &[TrialRecord], from: u32, to: u32) -> f64 {
    let xs: Vec<f64> = records
        .iter()
        .filter(|r| (from..=to).contains(&r.trial))
        .map(|r| r.error_deg.abs())
        .collect();
    xs.iter().sum::<f64>() / xs.len() as f64
}

fn executed(records: &[TrialRecord], from: u32, to: u32) -> f64 {
    let xs: Vec<&TrialRecord> = records
        .iter()
        .filter(|r| (from..=to).contains(&r.trial))
        .collect();
    xs.iter().filter(|r| r.executed).count() as f64 / xs.len() as f64
}

#[test]
fn strong_vs_weak_only_the_strong_loop_adapts_and_both_reach() {
    for seed in 1..=3 {
        let (a, b) = runs("strong-vs-weak", seed, 200);
        let b = b.expect("a comparison");
        let (ea, eb) = (error(&a, 51, 200), error(&b, 51, 200));
        assert!(ea < 10.0, "seed {seed}: A adapts to a few degrees, {ea:.1}");
        assert!(eb > 25.0, "seed {seed}: B stays near 30°, {eb:.1}");
        assert!(executed(&a, 1, 200) > 0.95, "seed {seed}: A reaches");
        assert!(executed(&b, 1, 200) > 0.95, "seed {seed}: B still reaches");
    }
}

#[test]
fn inactivating_gpi_undoes_adaptation_unless_it_was_consolidated() {
    for seed in 1..=3 {
        let (a, b) = runs("inactivate-gpi", seed, 450);
        let b = b.expect("a comparison");
        assert!(error(&a, 351, 400) < 10.0, "seed {seed}: A adapted");
        assert!(error(&b, 351, 400) < 10.0, "seed {seed}: B adapted");
        let (ea, eb) = (error(&a, 401, 450), error(&b, 401, 450));
        assert!(
            ea > 25.0,
            "seed {seed}: A's error jumps back to 30°, {ea:.1}"
        );
        assert!(eb < 5.0, "seed {seed}: B's adapted reach survives, {eb:.1}");
        assert_eq!(
            executed(&a, 401, 450),
            1.0,
            "seed {seed}: reaches are still made"
        );
    }
}

#[test]
fn shaping_a_gradual_rotation_is_followed_where_an_abrupt_one_is_not() {
    for seed in 1..=3 {
        let (a, b) = runs("shaping", seed, 400);
        let b = b.expect("a comparison");
        let (ea, eb) = (error(&a, 301, 400), error(&b, 351, 400));
        assert!(ea > 45.0, "seed {seed}: A stays near 60°, {ea:.1}");
        assert!(eb < 22.0, "seed {seed}: B follows within 15–20°, {eb:.1}");
    }
}

#[test]
fn savings_there_is_an_after_effect_and_no_faster_relearning() {
    for seed in 1..=3 {
        let (a, b) = runs("savings", seed, 560);
        assert!(b.is_none());
        assert!(
            error(&a, 281, 300) < 10.0,
            "seed {seed}: adapted before washout"
        );
        let after: f64 = a
            .iter()
            .filter(|r| (301..=320).contains(&r.trial))
            .map(|r| r.error_deg)
            .sum::<f64>()
            / 20.0;
        assert!(
            after < -8.0,
            "seed {seed}: an after-effect the other way, {after:.1}"
        );
        let (first, again) = (error(&a, 1, 30), error(&a, 501, 530));
        assert!(
            again > 0.8 * first,
            "seed {seed}: relearning ({again:.1}) is not faster than learning ({first:.1})"
        );
    }
}

/// Mean of `f` over trials `from..=to`.
fn mean_of(records: &[TrialRecord], from: u32, to: u32, f: fn(&TrialRecord) -> f64) -> f64 {
    let xs: Vec<f64> = records
        .iter()
        .filter(|r| (from..=to).contains(&r.trial))
        .map(f)
        .collect();
    xs.iter().sum::<f64>() / xs.len() as f64
}

#[test]
fn learning_blocked_keeps_the_learned_reach_and_learns_nothing_new() {
    for seed in 1..=3 {
        let (a, b) = runs("learning-blocked", seed, 700);
        let b = b.expect("a comparison");
        assert!(
            error(&b, 351, 400) < 8.0,
            "seed {seed}: B stays adapted without learning"
        );
        let (ea, eb) = (error(&a, 601, 700), error(&b, 601, 700));
        assert!(ea < 10.0, "seed {seed}: A learns the extra 20°, {ea:.1}");
        assert!(
            (15.0..25.0).contains(&eb),
            "seed {seed}: B's error stays at the extra 20°, {eb:.1}"
        );
        let hand = mean_of(&b, 601, 700, |r| r.hand_deg);
        assert!(
            (-36.0..-24.0).contains(&hand),
            "seed {seed}: B's hand still goes where it learned (−30°), {hand:.1}"
        );
    }
}

#[test]
fn dopamine_loss_slows_reaches_without_stopping_learning() {
    // Executed reaches only (a reach not made has no reach time).
    let reach = |records: &[TrialRecord]| {
        let xs: Vec<f64> = records
            .iter()
            .filter(|r| (301..=400).contains(&r.trial))
            .filter_map(|r| r.reach_ms)
            .collect();
        xs.iter().sum::<f64>() / xs.len() as f64
    };
    for seed in 1..=3 {
        let (a, b) = runs("dopamine-loss", seed, 700);
        let b = b.expect("a comparison");
        let slower = reach(&b) / reach(&a);
        assert!(
            slower > 1.25,
            "seed {seed}: B's reaches are slower, {slower:.2}×"
        );
        assert!(
            executed(&b, 301, 700) > 0.95,
            "seed {seed}: B still reaches"
        );
        assert!(
            error(&b, 301, 400) > error(&a, 301, 400),
            "seed {seed}: and a little less accurately"
        );
        let eb = error(&b, 601, 700);
        assert!(
            eb < 10.0,
            "seed {seed}: B still learns the extra 20°, {eb:.1}"
        );
    }
}

#[test]
fn gpi_off_before_learning_reaches_without_exploring_and_never_adapts() {
    for seed in 1..=3 {
        let (a, b) = runs("gpi-off-first", seed, 300);
        let b = b.expect("a comparison");
        let (ea, eb) = (error(&a, 251, 300), error(&b, 1, 300));
        assert!(ea < 10.0, "seed {seed}: A adapts, {ea:.1}");
        assert!(
            (eb - 30.0).abs() < 0.5,
            "seed {seed}: B stays exactly 30° off, {eb:.2}"
        );
        assert_eq!(
            executed(&b, 1, 300),
            1.0,
            "seed {seed}: B makes every reach"
        );
        assert!(
            b.iter().all(|r| r.reward == 0.0),
            "seed {seed}: no reach of B is rewarded"
        );
    }
}
