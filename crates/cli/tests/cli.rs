//! The `bgloop` binary as a person uses it: output formats, and one-line errors with exit code 2.

use std::process::{Command, Output};

fn bgloop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bgloop"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn run_prints_a_csv_header_and_one_row_per_trial() {
    let o = bgloop(&[
        "run", "--preset", "rotation", "--trials", "5", "--seed", "2",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], bgloop_core::record::csv_header());
    assert_eq!(lines.len(), 6);
    assert!(lines[1].starts_with("1,rotation,0,"));
}

#[test]
fn json_formats_parse() {
    let o = bgloop(&["run", "--trials", "3", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON document");
    assert_eq!(doc["records"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["config"]["seed"], 1.0);
    let o = bgloop(&[
        "run",
        "--trials",
        "3",
        "--format",
        "jsonl",
        "--set",
        "targets=4",
    ]);
    let text = String::from_utf8(o.stdout).expect("utf-8");
    for line in text.lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        assert!(r["error_deg"].is_number());
    }
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn set_overrides_the_preset_and_out_writes_a_file() {
    let dir = std::env::temp_dir().join(format!("bgloop-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("run.csv");
    let o = bgloop(&[
        "run",
        "--preset",
        "weak-loop",
        "--set",
        "loop_strength=0.5",
        "--trials",
        "2",
        "--out",
        path.to_str().expect("utf-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&path)
            .expect("written")
            .lines()
            .count(),
        3
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_input_is_one_line_naming_the_key_and_range_with_exit_code_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["run", "--set", "loop_strength=7"],
            "`loop_strength` = 7 is out of range 0–2",
        ),
        (
            &["run", "--set", "loop_strength"],
            "--set \"loop_strength\" must be key=value",
        ),
        (&["run", "--set", "nope=1"], "unknown parameter \"nope\""),
        (
            &["run", "--set", "dt_ms=NaN"],
            "`dt_ms` = \"NaN\" is not a number (allowed: 0.1–1 ms)",
        ),
        (
            &["run", "--trials", "0"],
            "--trials \"0\" must be a whole number in 1–1000000",
        ),
        (
            &["run", "--format", "xml"],
            "--format \"xml\" is not one of: csv, jsonl, json",
        ),
        (
            &["run", "--preset", "fast"],
            "--preset \"fast\" is not one of: rotation",
        ),
        (
            &["run", "--seed", "-4"],
            "`seed` = -4 must be a whole number",
        ),
        (&["run", "--bogus"], "unexpected argument \"--bogus\""),
        (
            &[
                "run",
                "--set",
                "cortical_inhibition=0",
                "--set",
                "cortical_recurrence=5",
            ],
            "`cortical_recurrence` = 5 must be ≤ 3.8 − 1.2 × cortical_inhibition",
        ),
        (
            &["claims", "--seeds", "500"],
            "--seeds \"500\" must be a whole number in 1–50",
        ),
        (
            &["schema", "--format", "yaml"],
            "--format \"yaml\" is not one of: json, markdown",
        ),
        (&["frobnicate"], "unknown command \"frobnicate\""),
    ];
    for (args, expected) in cases {
        let o = bgloop(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.starts_with("bgloop: "), "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        if *args != ["frobnicate"] {
            assert_eq!(
                err.trim_end().lines().count(),
                1,
                "{args:?}: one line: {err}"
            );
        }
    }
}

#[test]
fn schema_and_presets_list_everything() {
    let o = bgloop(&["schema", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        rows.as_array().map(Vec::len),
        Some(bgloop_core::schema().len())
    );
    let md = String::from_utf8(bgloop(&["schema"]).stdout).expect("utf-8");
    assert!(md.contains("| `loop_strength` | λ |"));
    let presets = String::from_utf8(bgloop(&["presets"]).stdout).expect("utf-8");
    for p in bgloop_core::presets::PRESETS {
        assert!(presets.contains(p.name));
    }
}

#[test]
fn claims_only_runs_the_chosen_claim_and_prints_a_summary() {
    let o = bgloop(&["claims", "--only", "C3"]);
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(o.status.success(), "{text}");
    assert!(text.contains("C3"));
    assert!(!text.contains("C1 "));
    assert!(
        text.lines()
            .last()
            .is_some_and(|l| l.starts_with("3 passed, 0 failed")),
        "{text}"
    );
}

#[test]
fn sweep_shards_merge_into_the_same_summary_as_one_run() {
    let dir = std::env::temp_dir().join(format!("bgloop-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let args = [
        "sweep",
        "--preset",
        "rotation",
        "--param",
        "loop_strength=0.25:1:2",
        "--seeds",
        "2",
        "--trials",
        "120",
    ];
    let whole = bgloop(&args);
    assert!(whole.status.success(), "{}", stderr(&whole));
    let whole = String::from_utf8(whole.stdout).expect("utf-8");
    assert!(
        whole.lines().count() == 3 && whole.contains("0.25") && whole.contains("seeds"),
        "{whole}"
    );
    let mut files = Vec::new();
    for k in ["1/2", "2/2"] {
        let f = dir.join(format!("shard{}.jsonl", &k[..1]));
        let mut a = args.to_vec();
        let path = f.to_str().expect("utf-8").to_string();
        a.extend(["--shard", k, "--out", &path]);
        let o = bgloop(&a);
        assert!(o.status.success(), "{}", stderr(&o));
        files.push(path);
    }
    let merged = bgloop(&["merge", &files[0], &files[1]]);
    assert_eq!(
        String::from_utf8(merged.stdout).expect("utf-8"),
        whole,
        "shards merge to the one-run summary"
    );
    let bad = bgloop(&["sweep", "--param", "targets=1:8:4"]);
    assert_eq!(bad.status.code(), Some(2));
    // A map over two parameters: the grid, and three shards that merge into it byte for byte.
    let map = [
        "sweep",
        "--preset",
        "rotation",
        "--param",
        "loop_strength=0.25:1.5:6",
        "--param",
        "dopamine=0.5:1.5:5",
        "--seeds",
        "3",
        "--trials",
        "60",
    ];
    let whole_map = bgloop(&map);
    assert!(whole_map.status.success(), "{}", stderr(&whole_map));
    let whole_map = String::from_utf8(whole_map.stdout).expect("utf-8");
    let lines: Vec<&str> = whole_map.lines().collect();
    assert_eq!(lines.len(), 2 + 6, "{whole_map}");
    assert!(lines[0].contains("over 3 seeds; rows: loop_strength, columns: dopamine"));
    assert!(
        lines[1].contains("0.5") && lines[1].contains("1.5"),
        "{whole_map}"
    );
    let mut map_files = Vec::new();
    for k in ["1/3", "2/3", "3/3"] {
        let f = dir.join(format!("map{}.jsonl", &k[..1]));
        let path = f.to_str().expect("utf-8").to_string();
        let mut a = map.to_vec();
        a.extend(["--shard", k, "--out", &path]);
        let o = bgloop(&a);
        assert!(o.status.success(), "{}", stderr(&o));
        map_files.push(path);
    }
    let merged = bgloop(&["merge", &map_files[2], &map_files[0], &map_files[1]]);
    assert_eq!(String::from_utf8(merged.stdout).expect("utf-8"), whole_map);
    let partial = bgloop(&["merge", &map_files[0], &map_files[1]]);
    assert_eq!(partial.status.code(), Some(2));
    assert!(
        stderr(&partial).contains("missing: `loop_strength × dopamine`"),
        "{}",
        stderr(&partial)
    );
    assert!(
        stderr(&bad).contains("only real-valued parameters"),
        "{}",
        stderr(&bad)
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Every command that prints reports an output it cannot write (a full disk here; a closed pipe
/// goes the same way) as one line and exit 1, never a panic (exit 101).
#[test]
fn an_unwritable_output_is_an_error_not_a_panic() {
    let sweep = [
        "sweep",
        "--param",
        "loop_strength=0.5:1:2",
        "--seeds",
        "1",
        "--trials",
        "50",
    ];
    let jsonl = [&sweep[..], &["--jsonl"]].concat();
    let commands: &[&[&str]] = &[
        &["schema"],
        &["schema", "--format", "markdown"],
        &["presets"],
        &["help"],
        &["run", "--trials", "3"],
        &["run", "--trials", "3", "--format", "json"],
        &["figure", "--trials", "3"],
        &["claims", "--only", "C3"],
        &sweep,
        &jsonl,
        &["phenomena", "--seeds", "1", "--long-seeds", "0"],
        &["bench", "--trials", "10"],
    ];
    for args in commands {
        let Ok(full) = std::fs::File::create("/dev/full") else {
            return; // not a Linux-like system
        };
        let o = Command::new(env!("CARGO_BIN_EXE_bgloop"))
            .args(*args)
            .stdout(full)
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("writing output"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

/// A closed pipe (`bgloop run | head -1`) and a merge to a full disk are one line and exit 1 too.
#[test]
fn a_closed_pipe_and_a_merge_to_a_full_disk_are_errors_not_panics() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_bgloop"))
        .args(["run", "--trials", "2000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The reading end is closed here (dropped): the next writes fail.
    let o = child.wait_with_output().expect("ends");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("writing output"), "{}", stderr(&o));
    let dir = std::env::temp_dir().join(format!("bgloop-full-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let shard = dir.join("s.jsonl");
    let o = bgloop(&[
        "sweep",
        "--param",
        "loop_strength=0.5:1:2",
        "--seeds",
        "1",
        "--trials",
        "50",
        "--jsonl",
        "--out",
        shard.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    if let Ok(full) = std::fs::File::create("/dev/full") {
        let o = Command::new(env!("CARGO_BIN_EXE_bgloop"))
            .args(["merge", shard.to_str().expect("utf-8")])
            .stdout(full)
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("writing output"), "{}", stderr(&o));
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// `--format json` writes each record as it is made (as csv and jsonl do), so its records are the
/// jsonl lines, all of them.
#[test]
fn json_output_holds_every_record_as_jsonl_does() {
    let args = ["run", "--preset", "rotation", "--trials", "40"];
    let json = bgloop(&[&args[..], &["--format", "json"]].concat());
    let jsonl = bgloop(&[&args[..], &["--format", "jsonl"]].concat());
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("a JSON document");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 40);
    assert_eq!(
        doc["records"].as_array().map(Vec::as_slice),
        Some(&lines[..])
    );
}

/// `bgloop merge` checks the shards against each other: every kind of inconsistency, made by
/// editing a real shard, is refused with exit 2 and a line naming the file, the line and the fault.
#[test]
fn merge_refuses_shards_that_do_not_belong_together() {
    let dir = std::env::temp_dir().join(format!("bgloop-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let shard = bgloop(&[
        "sweep",
        "--param",
        "loop_strength=0.5:1:2",
        "--seeds",
        "2",
        "--trials",
        "50",
        "--jsonl",
    ]);
    assert!(shard.status.success(), "{}", stderr(&shard));
    let text = String::from_utf8(shard.stdout).expect("utf-8");
    let first = text.lines().next().expect("a line").to_string();
    let write = |name: &str, body: &str| {
        let p = dir.join(name);
        std::fs::write(&p, body).expect("write");
        p.to_str().expect("utf-8").to_string()
    };
    let good = write("good.jsonl", &text);
    let edit = |from: &str, to: &str| first.replacen(from, to, 1);
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![good.clone(), good.clone()], "appears twice"),
        (
            vec![
                good.clone(),
                write("trials.jsonl", &edit("\"trials\":50", "\"trials\":400")),
            ],
            "different --trials",
        ),
        (
            vec![write(
                "param.jsonl",
                &edit("\"loop_strength\"", "\"<script>\""),
            )],
            "not a real-valued parameter",
        ),
        (
            vec![
                good.clone(),
                write("other.jsonl", &edit("\"loop_strength\"", "\"dopamine\"")),
            ],
            "different parameters",
        ),
        (
            vec![write(
                "neg.jsonl",
                &edit("\"final_error\":", "\"final_error\":-1e9,\"x\":"),
            )],
            "is not in 0–180",
        ),
        (
            vec![write("range.jsonl", &edit("\"value\":0.5", "\"value\":7"))],
            "outside its range",
        ),
        (
            vec![write(
                "exec.jsonl",
                &edit("\"executed\":", "\"executed\":2,\"y\":"),
            )],
            "fraction executed",
        ),
    ];
    for (files, needle) in cases {
        let mut args = vec!["merge".to_string()];
        args.extend(files);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = bgloop(&refs);
        assert_eq!(o.status.code(), Some(2), "{needle}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{needle}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(".jsonl:"),
            "names the file and line: {}",
            stderr(&o)
        );
    }
    let ok = bgloop(&["merge", &good, "--json"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        !String::from_utf8_lossy(&ok.stdout).contains("null"),
        "no null in the summary"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// What the link decoder notices reaches the user: its notes on stderr, a link from a newer
/// version refused (it cannot replay exactly), a value cut at the length limit never applied.
#[test]
fn link_notes_reach_the_user_and_newer_versions_are_refused() {
    let many = format!("#{}seed=5&loop_strength=0.3", "hand=1&".repeat(300));
    let o = bgloop(&["run", "--permalink", &many, "--trials", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("note: the link has more than 256 entries"),
        "{}",
        stderr(&o)
    );
    for v in ["5", "99"] {
        let o = bgloop(&[
            "run",
            "--permalink",
            &format!("#v={v}&seed=2"),
            "--trials",
            "1",
        ]);
        assert_eq!(o.status.code(), Some(2), "v={v}");
        assert!(stderr(&o).contains("newer bgloop"), "{}", stderr(&o));
    }
    let cut = format!("#{}seed=123456789", "hand=1&".repeat(2339));
    let o = bgloop(&[
        "run",
        "--permalink",
        &cut,
        "--trials",
        "1",
        "--format",
        "json",
    ]);
    assert!(stderr(&o).contains("longer than 16384"), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(
        matches!(doc["seed"].as_u64(), Some(1 | 123_456_789)),
        "{}",
        doc["seed"]
    );
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn at_and_ramp_flags_are_the_link_events() {
    let flags = bgloop(&[
        "run",
        "--preset",
        "rotation",
        "--trials",
        "12",
        "--seed",
        "4",
        "--at",
        "6:gpi_output=0",
        "--ramp",
        "2-5:rotation_deg=0..30",
    ]);
    assert!(flags.status.success(), "{}", stderr(&flags));
    let link = bgloop(&[
        "run",
        "--permalink",
        "#preset=rotation&seed=4&@6.gpi_output=0&@2-5.rotation_deg=0..30",
        "--trials",
        "12",
    ]);
    assert_eq!(stdout(&flags), stdout(&link), "the same run");
    let text = stdout(&flags);
    let phases: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        phases[..7],
        ["rotation", "baseline", "rotation", "rotation", "rotation", "gpi-off", "gpi-off"]
    );
    for (args, want) in [
        (vec!["--at", "6:ring_size=32"], "cannot change during a run"),
        (vec!["--at", "6-9:gpi_output=0"], "from..to"),
        (vec!["--ramp", "9:rotation_deg=0..3"], "range of trials"),
        (vec!["--at", "0:gpi_output=0"], "1–1000000"),
        (vec!["--at", "gpi_output=0"], "must look like"),
    ] {
        let mut all = vec!["run", "--trials", "2"];
        all.extend(args);
        let o = bgloop(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}");
        assert!(stderr(&o).contains(want), "{all:?}: {}", stderr(&o));
    }
}

#[test]
fn a_comparison_link_prints_both_runs_with_a_run_column() {
    let link = "#preset=rotation&seed=5&b.loop_strength=0.25";
    let o = bgloop(&["run", "--permalink", link, "--trials", "4"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], bgloop_core::record::csv_runs_header());
    assert_eq!(lines.len(), 9);
    assert!(lines[1].starts_with("A,1,") && lines[5].starts_with("B,1,"));
    let a = bgloop(&[
        "run",
        "--permalink",
        "#preset=rotation&seed=5",
        "--trials",
        "4",
    ]);
    let a_rows: Vec<String> = stdout(&a)
        .lines()
        .skip(1)
        .map(|l| format!("A,{l}"))
        .collect();
    assert_eq!(
        lines[1..5],
        a_rows[..],
        "run A is the link without b. entries"
    );
    let json = bgloop(&[
        "run",
        "--permalink",
        link,
        "--trials",
        "3",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON document");
    assert_eq!(doc["runs"][1]["run"], "B");
    assert_eq!(doc["runs"][1]["config"]["loop_strength"], 0.25);
    assert_eq!(doc["runs"][0]["records"].as_array().map(Vec::len), Some(3));
    let jsonl = bgloop(&[
        "run",
        "--permalink",
        link,
        "--trials",
        "2",
        "--format",
        "jsonl",
    ]);
    let runs: Vec<String> = stdout(&jsonl)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["run"].to_string()
        })
        .collect();
    assert_eq!(runs, ["\"A\"", "\"A\"", "\"B\"", "\"B\""]);
    // The figure of a comparison draws both runs (as the page's SVG export does; the browser
    // test compares the two byte for byte).
    let fig = bgloop(&["figure", "--permalink", link, "--trials", "3"]);
    assert_eq!(fig.status.code(), Some(0), "{}", stderr(&fig));
    let svg = stdout(&fig);
    assert!(svg.starts_with("<svg"), "an SVG");
    assert!(svg.contains("B: 0.25"), "run B is named in the legend");
}

#[test]
fn figure_writes_a_png_when_asked() {
    let dir = std::env::temp_dir().join(format!("bgloop-png-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("preview.png");
    let o = bgloop(&[
        "figure",
        "--preset",
        "rotation",
        "--trials",
        "3",
        "--size",
        "600x315",
        "--out",
        path.to_str().expect("utf-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&path).expect("written");
    assert_eq!(&bytes[1..4], b"PNG");
    assert!(bytes.len() > 5_000, "{} bytes", bytes.len());
}

#[test]
fn flags_on_a_comparison_follow_the_link_rule_b_keeps_its_own_difference() {
    let flags = bgloop(&[
        "run",
        "--preset",
        "strong-vs-weak",
        "--set",
        "loop_strength=0.5",
        "--set",
        "dopamine=1.1",
        "--seed",
        "3",
        "--trials",
        "4",
    ]);
    let link = bgloop(&[
        "run",
        "--permalink",
        "#preset=strong-vs-weak&loop_strength=0.5&dopamine=1.1&seed=3",
        "--trials",
        "4",
    ]);
    assert!(flags.status.success(), "{}", stderr(&flags));
    assert!(link.status.success(), "{}", stderr(&link));
    assert_eq!(flags.stdout, link.stdout, "the same two runs");
    let text = String::from_utf8_lossy(&flags.stdout);
    let rows = |run: &str| -> Vec<String> {
        let prefix = format!("{run},");
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix.as_str()).map(String::from))
            .collect()
    };
    let (a_rows, b_rows) = (rows("A"), rows("B"));
    assert_eq!((a_rows.len(), b_rows.len()), (4, 4));
    assert_ne!(a_rows, b_rows, "B keeps its weak loop");
}

/// The CLI's edges: a merge that could never end, a partial or off-grid merge, grid values that
/// must print (and merge) exactly as the one-run sweep's, a sweep of a parameter an event
/// changes, and figure names that do not say what is written.
#[test]
fn merge_sweep_and_figure_refuse_what_they_cannot_do_right() {
    let dir = std::env::temp_dir().join(format!("bgloop-edges-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = |name: &str| dir.join(name).to_str().expect("utf-8").to_string();
    // Not a regular file: refused at once (it used to read /dev/zero until memory ran out).
    let o = bgloop(&["merge", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    // A 13-value grid whose inner values have 16 digits; three shards.
    let args = [
        "sweep",
        "--preset",
        "rotation",
        "--param",
        "loop_strength=0.25:1.5:13",
        "--seeds",
        "1",
        "--trials",
        "50",
    ];
    let whole = bgloop(&args);
    assert!(whole.status.success(), "{}", stderr(&whole));
    let whole = stdout(&whole);
    assert!(whole.contains("  1.083 "), "short grid values: {whole}");
    assert!(!whole.contains("1.0833333333333335"), "{whole}");
    let shards: Vec<String> = ["1/3", "2/3", "3/3"]
        .iter()
        .map(|k| {
            let f = path(&format!("s{}.jsonl", &k[..1]));
            let mut a = args.to_vec();
            a.extend(["--shard", k, "--out", &f]);
            let o = bgloop(&a);
            assert!(o.status.success(), "{}", stderr(&o));
            f
        })
        .collect();
    let merged = bgloop(&["merge", "--", &shards[0], &shards[1], &shards[2]]);
    assert!(merged.status.success(), "{}", stderr(&merged));
    assert_eq!(
        stdout(&merged),
        whole,
        "the merge equals the one-run sweep, digit for digit"
    );
    // One of three shards: refused, naming what is missing.
    let o = bgloop(&["merge", &shards[0]]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("missing") && stderr(&o).contains("every shard"),
        "{}",
        stderr(&o)
    );
    // An off-grid value (0.5 is not on 0.25:1.5:13) edited into a shard: refused.
    let text = std::fs::read_to_string(&shards[1]).expect("shard");
    let first = text.lines().next().expect("a line");
    let value = first
        .split("\"value\":")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .expect("a value");
    let off = path("off.jsonl");
    std::fs::write(
        &off,
        text.replacen(&format!("\"value\":{value}"), "\"value\":0.5", 1),
    )
    .expect("write");
    let o = bgloop(&["merge", &shards[0], &off, &shards[2]]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not a run of the sweep"),
        "{}",
        stderr(&o)
    );
    // Sweeping a parameter the experiment changes by an event.
    let o = bgloop(&[
        "sweep",
        "--permalink",
        "#preset=rotation&@101.loop_strength=0.25",
        "--param",
        "loop_strength=0.5:1:2",
        "--trials",
        "50",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("changes `loop_strength` from trial 101"),
        "{}",
        stderr(&o)
    );
    // Figure names: a JPEG name is refused (nothing written); a path through a file says so.
    let jpg = path("f.jpg");
    let o = bgloop(&["figure", "--trials", "2", "--out", &jpg]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(".svg or .png"), "{}", stderr(&o));
    assert!(!std::path::Path::new(&jpg).exists());
    let file = path("f.svg");
    std::fs::write(&file, "x").expect("write");
    let o = bgloop(&["figure", "--trials", "2", "--out", &format!("{file}/x.svg")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn lang_writes_figures_and_input_errors_in_that_language_and_english_stays_the_default() {
    let dir = std::env::temp_dir().join(format!("bgloop-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let svg = dir.join("fr.svg");
    let o = bgloop(&[
        "figure",
        "--preset",
        "rotation",
        "--trials",
        "5",
        "--lang",
        "fr",
        "--out",
        svg.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).expect("written");
    assert!(
        text.contains("adapter à une rotation de 30°"),
        "the French title"
    );
    assert!(
        text.contains("Récompense binaire"),
        "a choice by its French name"
    );
    assert!(
        text.contains("\nessai\n</text>"),
        "the French axis: trial is essai"
    );
    assert!(!text.contains("Left: cursor paths"), "no English caption");
    // Errors in the user's input: the field and the range, in Spanish, with a decimal comma.
    let e = bgloop(&["run", "--set", "dopamine=2.5", "--lang", "es"]);
    assert_eq!(e.status.code(), Some(2));
    let said = stderr(&e);
    assert!(
        said.contains("`dopamine` = 2,5") && said.contains("0–2"),
        "{said}"
    );
    assert!(!said.contains("out of range"), "{said}");
    // Without --lang, English; a language bgloop does not speak is refused, naming the flag.
    let en = bgloop(&["run", "--set", "dopamine=2.5"]);
    assert!(
        stderr(&en).contains("`dopamine` = 2.5 is out of range 0–2"),
        "{}",
        stderr(&en)
    );
    let de = bgloop(&["run", "--lang", "de"]);
    assert_eq!(de.status.code(), Some(2));
    assert!(
        stderr(&de).contains("`--lang` = \"de\" is not a language bgloop speaks: en, fr, es"),
        "{}",
        stderr(&de)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_summary_states_each_run_s_mean_over_the_last_fifty_trials_or_the_windows_named() {
    let o = bgloop(&[
        "run",
        "--preset",
        "rotation",
        "--trials",
        "120",
        "--seed",
        "5",
        "--summary",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(text.starts_with("Last 50 trials (71–120)\n"), "{text}");
    // The figure is the mean of the records' |error| over trials 71–120, read from a CSV run.
    let csv = bgloop(&[
        "run", "--preset", "rotation", "--trials", "120", "--seed", "5",
    ]);
    let csv = String::from_utf8(csv.stdout).expect("utf-8");
    let column = csv
        .lines()
        .next()
        .and_then(|h| h.split(',').position(|c| c == "error_deg"))
        .expect("an error_deg column");
    let errors: Vec<f64> = csv
        .lines()
        .skip(71)
        .map(|l| {
            l.split(',')
                .nth(column)
                .and_then(|x| x.parse::<f64>().ok())
                .expect("a number")
        })
        .map(f64::abs)
        .collect();
    assert_eq!(errors.len(), 50);
    let mean = errors.iter().sum::<f64>() / 50.0;
    assert!(
        text.contains(&format!("mean |error| {mean:.1}°")),
        "{mean:.1} in {text}"
    );
    // Windows named by a link, or by --window, in French.
    let o = bgloop(&[
        "run",
        "--permalink",
        "preset=rotation&seed=5&window=11-60",
        "--trials",
        "120",
        "--summary",
        "--lang",
        "fr",
    ]);
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(text.starts_with("Essais 11–60\n"), "{text}");
    assert!(text.contains("|erreur| moyenne "), "{text}");
    for (window, says) in [
        ("60-11", "runs backwards"),
        ("1-500", "1–120"),
        ("x", "FROM-TO"),
    ] {
        let o = bgloop(&[
            "run",
            "--preset",
            "rotation",
            "--trials",
            "120",
            "--summary",
            "--window",
            window,
        ]);
        assert_eq!(o.status.code(), Some(2), "{window}");
        assert!(
            stderr(&o).contains("--window") && stderr(&o).contains(says),
            "{window}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn sweep_opens_its_output_before_computing_and_never_writes_the_table_over_its_figure() {
    // A sweep of hours with an output in a folder that does not exist: refused before any run.
    let mut child = Command::new(env!("CARGO_BIN_EXE_bgloop"))
        .args([
            "sweep",
            "--preset",
            "rotation",
            "--param",
            "loop_strength=0.25:1.5:200",
            "--seeds",
            "100",
            "--trials",
            "100000",
            "--out",
            "/nonexistent-folder/shard.jsonl",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut waited = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break Some(status);
        }
        if waited > 1200 {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        waited += 1;
    };
    let status = status.expect("the missing folder is found before computing, not after");
    assert!(!status.success());
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err)
        .expect("utf-8");
    assert!(
        err.contains("--out") && err.contains("nonexistent-folder"),
        "{err}"
    );
    let dir = std::env::temp_dir().join(format!("bgloop-same-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let f = dir.join("map.svg");
    let f = f.to_str().expect("utf-8");
    let o = bgloop(&[
        "sweep",
        "--preset",
        "rotation",
        "--param",
        "loop_strength=0.25:1:2",
        "--seeds",
        "1",
        "--trials",
        "50",
        "--figure",
        f,
        "--out",
        f,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--figure and --out name the same file"),
        "{}",
        stderr(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn merge_refuses_an_empty_file_and_shards_of_another_experiment() {
    let dir = std::env::temp_dir().join(format!("bgloop-merge-experiments-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let empty = dir.join("empty.jsonl");
    std::fs::write(&empty, "").expect("writes");
    let o = bgloop(&["merge", empty.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no sweep results"), "{}", stderr(&o));
    let shard = |k: &str, extra: &[&str], name: &str| {
        let path = dir.join(name);
        let mut args = vec![
            "sweep",
            "--preset",
            "rotation",
            "--param",
            "loop_strength=0.25:1:2",
            "--seeds",
            "1",
            "--trials",
            "50",
            "--shard",
            k,
            "--out",
            path.to_str().expect("utf-8"),
        ];
        args.extend_from_slice(extra);
        let o = bgloop(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        path
    };
    let a = shard("1/2", &[], "a.jsonl");
    let b = shard("2/2", &["--set", "rotation_deg=-45"], "b.jsonl");
    let o = bgloop(&[
        "merge",
        a.to_str().expect("utf-8"),
        b.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("two experiments"), "{}", stderr(&o));
    let b = shard("2/2", &[], "b2.jsonl");
    let o = bgloop(&[
        "merge",
        a.to_str().expect("utf-8"),
        b.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}
