//! Golden runs: short runs pinned record for record, as CSV text. A deliberate change to the model
//! regenerates them with `BGLOOP_BLESS=1 cargo test -p bgloop-core --test golden` (say why in the
//! commit); any other difference is a regression.

use bgloop_core::{presets, record, Simulation};
use std::path::PathBuf;

fn check(preset: &str, seed: u64, trials: u32, file: &str) {
    let mut config = presets::preset(preset)
        .expect("preset")
        .config()
        .expect("valid");
    config.seed = seed;
    let mut sim = Simulation::new(config).expect("valid");
    sim.run_trials(trials).expect("finite");
    let text = record::csv(sim.history());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
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
