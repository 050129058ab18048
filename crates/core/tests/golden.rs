//! Golden runs: short runs pinned record for record, as CSV text. A deliberate change to the model
//! regenerates them with `BGLOOP_BLESS=1 cargo test -p bgloop-core --test golden` (say why in the
//! commit); any other difference is a regression.

use bgloop_core::{permalink, presets, record, Config, Simulation};
use std::path::PathBuf;

fn run(config: Config, trials: u32) -> String {
    let mut sim = Simulation::from_config(config).expect("valid");
    sim.run_trials(trials).expect("finite");
    record::csv(sim.history())
}

fn golden(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file)
}

fn check(preset: &str, seed: u64, trials: u32, file: &str) {
    let mut config = presets::preset(preset)
        .expect("preset")
        .config()
        .expect("valid");
    config.seed = seed;
    let text = run(config, trials);
    let path = golden(file);
    if std::env::var_os("BGLOOP_BLESS").is_some() {
        std::fs::write(&path, &text).expect("write golden file");
    }
    let expected = std::fs::read_to_string(&path).expect("golden file");
    assert_eq!(
        text,
        expected,
        "{preset} seed {seed} differs from {}",
        path.display()
    );
}

#[test]
fn rotation_seed_1_is_pinned() {
    check("rotation", 1, 12, "rotation_seed1.csv");
}

#[test]
fn babbling_seed_7_is_pinned() {
    check("babbling", 7, 12, "babbling_seed7.csv");
}

/// Links of older versions were made before the learning defaults changed; they must still
/// replay the run they were made from. These files were written by the v1 and v2 builds and are
/// never re-blessed.
fn check_old_link(link: &str, trials: u32, file: &str) {
    let decoded = permalink::decode(link);
    assert!(decoded.rejected.is_empty(), "{:?}", decoded.rejected);
    assert!(!decoded.notes.is_empty(), "an old link says it is old");
    let text = run(decoded.experiment.a.config, trials);
    let expected = std::fs::read_to_string(golden(file)).expect("golden file");
    assert_eq!(text, expected, "{link} no longer replays its original run");
}

#[test]
fn v1_links_replay_their_original_runs_bit_for_bit() {
    check_old_link("#v=1&preset=rotation&seed=1", 12, "v1_rotation_seed1.csv");
    check_old_link("#v=1&preset=babbling&seed=7", 12, "v1_babbling_seed7.csv");
}

#[test]
fn v2_links_replay_their_original_runs_bit_for_bit() {
    check_old_link("#v=2&preset=rotation&seed=1", 12, "v2_rotation_seed1.csv");
    // The v2 babbling preset set untuned_drive, which never had an effect (now retired).
    check_old_link(
        "#v=2&preset=babbling&seed=7&untuned_drive=0.1",
        12,
        "v2_babbling_seed7.csv",
    );
}

/// `gpi_off_after` and `washout_after` were configuration keys before schedules; they are now
/// events. These files were written by the build before schedules (commit 4f5d4e0) and are never
/// re-blessed: phases, rotation and GPi output must replay bit for bit.
fn check_legacy_link(link: &str, trials: u32, file: &str) {
    let decoded = permalink::decode(link);
    assert!(decoded.rejected.is_empty(), "{:?}", decoded.rejected);
    let mut sim = decoded.experiment.a.simulation().expect("valid");
    sim.run_trials(trials).expect("finite");
    let expected = std::fs::read_to_string(golden(file)).expect("golden file");
    assert_eq!(
        record::csv(sim.history()),
        expected,
        "{link} no longer replays its run"
    );
}

#[test]
fn legacy_gpi_off_and_washout_keys_replay_as_events() {
    check_legacy_link(
        "#v=2&preset=rotation&seed=3&baseline_trials=2&washout_after=5&gpi_off_after=7&targets=2",
        10,
        "legacy_events_v2.csv",
    );
    check_legacy_link(
        "#v=1&preset=gpi-off&seed=2&gpi_off_after=4&washout_after=6",
        8,
        "legacy_events_v1.csv",
    );
}

/// The same run written as events replays the legacy keys' run.
#[test]
fn events_written_by_hand_equal_the_legacy_keys() {
    let legacy = permalink::decode("#preset=rotation&seed=3&washout_after=5&gpi_off_after=7");
    let events = permalink::decode("#preset=rotation&seed=3&@6.rotation_deg=0&@8.gpi_output=0");
    assert_eq!(legacy.experiment, events.experiment);
}

/// Run B of a link (a comparison), as its simulation records it.
fn run_b(link: &str, trials: u32) -> String {
    let decoded = permalink::decode(link);
    assert!(decoded.rejected.is_empty(), "{:?}", decoded.rejected);
    let b = decoded.experiment.b.expect("a comparison");
    let mut sim = b.simulation().expect("valid");
    sim.run_trials(trials).expect("finite");
    record::csv(sim.history())
}

/// v3 links were made when the dopamine level scaled only the cortico-striatal drive, not the
/// teaching signal. These files were written by the v3 build (before link version 4) and are
/// never re-blessed: a v3 link with lowered dopamine, the `dopamine-loss` preset's included,
/// replays its original run.
#[test]
fn v3_links_with_lowered_dopamine_replay_their_original_runs_bit_for_bit() {
    let cases = [
        (
            "#v=3&preset=rotation&seed=2&dopamine=0.6",
            40,
            "v3_rotation_dopamine06_seed2.csv",
            false,
        ),
        (
            "#v=3&preset=dopamine-loss&seed=1",
            330,
            "v3_dopamine_loss_b_seed1.csv",
            true,
        ),
    ];
    for (link, trials, file, b) in cases {
        let text = if b {
            run_b(link, trials)
        } else {
            let decoded = permalink::decode(link);
            assert!(decoded.rejected.is_empty(), "{:?}", decoded.rejected);
            let mut sim = decoded.experiment.a.simulation().expect("valid");
            sim.run_trials(trials).expect("finite");
            record::csv(sim.history())
        };
        let expected = std::fs::read_to_string(golden(file)).expect("golden file");
        assert_eq!(text, expected, "{link} no longer replays its original run");
        let notes = permalink::decode(link).notes_in(bgloop_core::i18n::Catalog::english());
        assert!(
            notes.iter().any(|n| n.contains("v=3")),
            "{link} says it keeps its v3 meaning: {notes:?}"
        );
    }
    // A v3 link that never lowers dopamine replays the same run in v4: no note.
    assert!(permalink::decode("#v=3&preset=rotation&seed=2")
        .notes
        .is_empty());
    let same = |v: &str| {
        let mut sim = permalink::decode(&format!("#v={v}&preset=rotation&seed=2"))
            .experiment
            .a
            .simulation()
            .expect("valid");
        sim.run_trials(30).expect("finite");
        record::csv(sim.history())
    };
    assert_eq!(
        same("3"),
        same("4"),
        "at normal dopamine v3 and v4 are one model"
    );
}
