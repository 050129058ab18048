//! Every claim of docs/model.md (C1–C5 at dt 0.5 ms; C2 and C4 also at dt 1 ms) with its thresholds,
//! on the fixed seeds of `bgloop claims`.

use bgloop_core::claims::{self, Claim, ClaimOptions};

fn assert_claim(claim: Claim, dt_ms: f64) {
    let opts = ClaimOptions {
        dt_ms,
        ..ClaimOptions::default()
    };
    let checks = claims::run(claim, &opts).unwrap_or_else(|e| panic!("{claim:?} diverged: {e}"));
    let table = claims::table(&checks);
    println!("{table}");
    assert!(!checks.is_empty());
    let failed: Vec<_> = checks.iter().filter(|c| !c.pass).collect();
    assert!(
        failed.is_empty(),
        "{claim:?} at dt {dt_ms} ms failed:\n{table}"
    );
}

#[test]
fn c1_execution_survives_gpi_inactivation_but_adaptation_does_not() {
    assert_claim(Claim::C1, 0.5);
}

#[test]
fn c2_adaptation_needs_a_strong_loop() {
    assert_claim(Claim::C2, 0.5);
}

#[test]
fn c2_holds_at_dt_1ms() {
    assert_claim(Claim::C2, 1.0);
}

#[test]
fn c3_the_cortical_attractor_holds_the_plan() {
    assert_claim(Claim::C3, 0.5);
}

#[test]
fn c4_selection_at_normal_dopamine_oscillation_at_low() {
    assert_claim(Claim::C4, 0.5);
}

#[test]
fn c4_holds_at_dt_1ms() {
    assert_claim(Claim::C4, 1.0);
}

#[test]
fn c5_babbling_makes_reaches_target_directed() {
    assert_claim(Claim::C5, 0.5);
}
