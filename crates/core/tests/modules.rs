//! The house's rule for every crate (core, bindings, charts, the CLI): no two modules use each
//! other, directly or round a loop. Reads every reference to another module in a crate's `src/` —
//! `crate::module`, grouped uses (`use crate::{a::X, b}`) and `super::` paths, with whole names
//! (digits included: `i18n`) — outside comments and the test module at a file's end
//! (`experiment/*.rs` count as `experiment`), and looks for a cycle. Only names of the crate's
//! modules count (`crate::usage`, a function at the root, is not a module); the root (`lib.rs`,
//! `main.rs`) is where modules are declared, not one of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module's name at the start of `rest` (letters, digits and `_`).
fn name_at(rest: &str) -> String {
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The modules `code` refers to through a path that starts at `root` (`crate::`, or a `super::`
/// that reaches the crate root): `root a::X`, and each first name of a group `root {a::X, b}`.
fn refs_from(code: &str, root: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices(root) {
        // `super::super::` is read by its last `super::`.
        let rest = &code[i + root.len()..];
        if root == "super::" && rest.starts_with("super::") {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group: split at commas outside nested braces.
            let mut depth = 0;
            let mut start = 0;
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(name_at(group[start..k].trim_start()));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(name_at(group[start..k].trim_start()));
                        start = k + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(name_at(rest));
        }
    }
    out
}

/// The `src/` folder of the workspace's crate `name` (`core`, `bindings`, `charts`, `cli`).
fn src_of(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(name)
        .join("src")
}

/// The module a source file belongs to: its stem at the top, its folder's name below.
fn module_of(path: &Path) -> Option<String> {
    match path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
    {
        Some("src") => path.file_stem().and_then(|s| s.to_str()).map(String::from),
        Some(dir) => Some(dir.to_string()),
        None => None,
    }
}

/// The modules each module of the crate in `src` uses.
fn graph_of(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(src).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            for sub in std::fs::read_dir(&path).expect("dir") {
                files.push(sub.expect("entry").path());
            }
        } else {
            files.push(path);
        }
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "rs"));
    let modules: BTreeSet<String> = files.iter().filter_map(|p| module_of(p)).collect();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in files {
        let Some(module) = module_of(&path) else {
            continue;
        };
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or("")
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        // `super::` in a top-level file or a folder's mod.rs is the crate root; in a folder's
        // other files it is the folder's own module, and `super::super::` the crate root.
        let nested = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n != "src")
            && path.file_stem().is_some_and(|s| s != "mod");
        let mut names = refs_from(&code, "crate::");
        names.extend(refs_from(
            &code,
            if nested { "super::super::" } else { "super::" },
        ));
        let set = uses.entry(module.clone()).or_default();
        for name in names {
            // `crate::Config`, `crate::usage` and other items at the crate root name no module.
            if modules.contains(&name) && name != module {
                set.insert(name);
            }
        }
    }
    uses
}

/// A cycle through `from`, if any (depth-first search).
fn cycle(
    uses: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    let at = path.last().cloned().unwrap_or_default();
    for next in uses.get(&at).into_iter().flatten() {
        if let Some(i) = path.iter().position(|m| m == next) {
            let mut loop_ = path[i..].to_vec();
            loop_.push(next.clone());
            return Some(loop_);
        }
        if done.contains(next) {
            continue;
        }
        path.push(next.clone());
        if let Some(c) = cycle(uses, path, done) {
            return Some(c);
        }
        path.pop();
    }
    done.insert(at);
    None
}

/// The loops among the modules of the crate in `src` ("a → b → a"), and how many modules it has.
fn loops_in(src: &Path) -> (Vec<String>, usize) {
    let uses = graph_of(src);
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for start in uses.keys() {
        if done.contains(start) {
            continue;
        }
        if let Some(c) = cycle(&uses, &mut vec![start.clone()], &mut done) {
            found.push(c.join(" → "));
            done.insert(start.clone());
        }
    }
    (found, uses.len())
}

#[test]
fn no_two_modules_of_any_crate_use_each_other_even_round_a_loop() {
    for (name, at_least) in [
        ("core", 15),
        ("bindings", 5),
        ("boundary", 3),
        ("extras", 2),
        ("charts", 7),
        ("cli", 4),
    ] {
        let (found, modules) = loops_in(&src_of(name));
        assert!(modules >= at_least, "{name}: read {modules} modules");
        assert!(
            found.is_empty(),
            "module loops in {name}:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn a_loop_is_found_through_a_folder_and_a_grouped_use() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("modules-probe");
    let _ = std::fs::remove_dir_all(&dir);
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("cmd")).expect("probe folders");
    let write = |p: &str, text: &str| std::fs::write(src.join(p), text).expect("probe file");
    write("main.rs", "mod cmd;\nmod summary;\nfn usage() {}\n");
    write("cmd/mod.rs", "pub mod start;\n");
    write("cmd/start.rs", "use crate::{usage, summary::Text};\n");
    write("summary.rs", "use crate::cmd::start::Start;\n");
    let (found, modules) = loops_in(&src);
    assert_eq!(modules, 2, "cmd and summary");
    assert_eq!(found, vec!["cmd → summary → cmd"]);
    // Without the back reference, no loop.
    write("summary.rs", "pub struct Text;\n");
    assert!(loops_in(&src).0.is_empty());
}

#[test]
fn the_reader_sees_grouped_uses_super_paths_and_names_with_digits() {
    let code = "use crate::{a2b::X, b_c, d::{e, f}};\nlet x = crate::i18n::Msg::new(\"x\");\nsuper::sweep::run();";
    let mut got = refs_from(code, "crate::");
    got.extend(refs_from(code, "super::"));
    assert_eq!(got, vec!["a2b", "b_c", "d", "i18n", "sweep"]);
    // In a folder's file, `super::super::x` is the crate's module `x`.
    assert_eq!(refs_from("super::super::x::Y", "super::super::"), vec!["x"]);
    // The graph holds the language module by its whole name.
    let core = graph_of(&src_of("core"));
    assert!(core.contains_key("i18n"), "{:?}", core.keys());
}

#[test]
fn what_core_says_lives_below_the_schema_and_the_languages() {
    // DESIGN's house: `Msg` sits in a small `said` module that uses no other module of the crate,
    // and the schema takes it from there, not from the language module.
    let core = graph_of(&src_of("core"));
    let said = core.get("said").expect("core has a said module");
    assert!(said.is_empty(), "said uses {said:?}");
    let schema_code = std::fs::read_to_string(src_of("core").join("schema.rs")).expect("schema.rs");
    assert!(schema_code.contains("use crate::said::{Arg, Msg};"));
    assert!(core.get("i18n").is_some_and(|uses| uses.contains("said")));
}
