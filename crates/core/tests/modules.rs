//! The house's rule for core: no two modules use each other, directly or round a loop. Reads every
//! `crate::module` reference in `src/` (outside comments and the test module at a file's end;
//! `experiment/*.rs` count as `experiment`) and looks for a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules each module uses.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            for sub in std::fs::read_dir(&path).expect("dir") {
                files.push(sub.expect("entry").path());
            }
        } else {
            files.push(path);
        }
    }
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
    {
        let module = match path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
        {
            Some("src") => path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string(),
            Some(dir) => dir.to_string(),
            None => continue,
        };
        if module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let set = uses.entry(module.clone()).or_default();
        for line in code.lines() {
            let line = line.split("//").next().unwrap_or("");
            for (i, _) in line.match_indices("crate::") {
                let name: String = line[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                // `crate::Config` and other items re-exported at the crate root name no module.
                if !name.is_empty() && name != module {
                    set.insert(name);
                }
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

#[test]
fn no_two_core_modules_use_each_other_even_round_a_loop() {
    let uses = graph();
    assert!(uses.len() > 15, "read the modules: {:?}", uses.keys());
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
    assert!(
        found.is_empty(),
        "module loops in core:\n{}",
        found.join("\n")
    );
}
