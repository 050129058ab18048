//! The task-space phenomena of Darshan, Leblois & Hansel (2014) that this model must show (P1–P4), the
//! seed article's two experiments (P5–P6),
//! and the long-run rows L1–L4 (learning that holds),
//! on the fixed seeds of `bgloop phenomena`.

use bgloop_core::longrun::LongRunOptions;
use bgloop_core::phenomena::{self, PhenomenaOptions};

#[test]
fn every_phenomenon_holds_on_its_seeds() {
    // The long runs on 3 of the command's 8 seeds, full length (`bgloop phenomena` runs all 8).
    let opts = PhenomenaOptions {
        long_run: Some(LongRunOptions {
            seeds: 3,
            ..LongRunOptions::default()
        }),
        ..PhenomenaOptions::default()
    };
    let checks =
        phenomena::run_all(&opts).unwrap_or_else(|e| panic!("a phenomenon run diverged: {e}"));
    let table = bgloop_core::claims::table(&checks);
    println!("{table}");
    assert!(checks.len() >= 24, "{table}");
    assert!(checks.iter().all(|c| c.pass), "phenomena failed:\n{table}");
}
