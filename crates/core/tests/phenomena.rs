//! The task-space phenomena of Darshan, Leblois & Hansel (2014) that this model must show (P1–P4),
//! on the fixed seeds of `bgloop phenomena`.

use bgloop_core::phenomena::{self, PhenomenaOptions};

#[test]
fn every_phenomenon_holds_on_its_seeds() {
    let checks = phenomena::run_all(&PhenomenaOptions::default())
        .unwrap_or_else(|e| panic!("a phenomenon run diverged: {e}"));
    let table = bgloop_core::claims::table(&checks);
    println!("{table}");
    assert!(checks.len() >= 9, "{table}");
    assert!(checks.iter().all(|c| c.pass), "phenomena failed:\n{table}");
}
