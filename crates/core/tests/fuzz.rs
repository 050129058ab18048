//! A fast subset of the fuzz run (the long one: `cargo run --release -p bgloop-core --example fuzz`).

#[path = "../fuzzing/harness.rs"]
mod harness;

#[test]
fn twenty_thousand_hostile_links_and_config_sequences() {
    let failures = harness::run(0, 20_000);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_inputs_people_paste() {
    for link in [
        "#preset=rotation&loop_strength=0.8&seed=5",
        "https://x.org/a?b=c#v=1&loop_strength=%30.5",
        "#loop_strength=NaN&dopamine=inf&seed=1e400&rotation_deg=-1e309",
        "#javascript:alert(document.cookie)",
        "#%3Cscript%3Ealert(1)%3C%2Fscript%3E=1&hide=%3Cimg%20src=x%3E",
        "#seed=1&seed=2&seed=3&preset=rotation&preset=babbling",
        "#loop_strength=0.5%",
        "#%F0%9F%98%80=%E2%88%9E",
    ] {
        harness::check_link(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    }
    let ten_kb = format!("#{}", "loop_strength=0.5&".repeat(600));
    harness::check_link(&ten_kb).expect("10 kB link");
}
