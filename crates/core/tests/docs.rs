//! docs/model.md carries the parameter table generated from the schema; this keeps them equal.
//! Regenerate with `cargo run -p bgloop-cli -- schema --format markdown`.

#[test]
fn the_docs_parameter_table_matches_the_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/model.md");
    let doc = std::fs::read_to_string(path).expect("docs/model.md exists");
    let begin = "<!-- schema:begin -->\n";
    let end = "<!-- schema:end -->";
    let start = doc.find(begin).expect("begin marker") + begin.len();
    let stop = doc.find(end).expect("end marker");
    let table = bgloop_core::schema::markdown(bgloop_core::schema());
    assert_eq!(
        &doc[start..stop],
        table,
        "docs/model.md's parameter table is out of date: regenerate it from `bgloop schema --format markdown`"
    );
}
