//! The library's modules form layers: each depends only on modules of
//! lower layers, so there is no cycle (the rule model at the bottom, the
//! compiled rule set above the grammar, extraction above both, checks and
//! reports on top). Read from the `crate::` paths of each module's
//! non-test code; a new module must be placed in `LAYERS`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom first. A module may use modules of lower layers only.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["source", "family"],
    &["rules", "corpus", "segment", "temporal"],
    &["grammar"],
    &["claim"],
    &["normalize"],
    &["patterns"],
    &["ruleset"],
    &["extract"],
    &["checks", "config"],
    &["graph"],
    &["report", "store"],
    &["distributed"],
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None`: the binary
/// or the crate root).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "main" | "lib" | "cli")).then(|| name.to_string())
}

/// The code of a file without comments and without its test module.
fn non_test_code(text: &str) -> String {
    let code = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level modules named by `crate::x` paths and `use crate::{x, y}`.
fn references(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            // Only the first segment of each path in the group.
            for path in group.split(',') {
                out.insert(ident(path.trim()));
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(&src, f)).collect();
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        // `mod tests;` files are test code.
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let code = non_test_code(&fs::read_to_string(file).unwrap());
        let used = deps.entry(module.clone()).or_default();
        for r in references(&code) {
            if r != module && modules.contains(&r) {
                used.insert(r);
            }
        }
    }
    deps
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

#[test]
fn every_module_depends_only_on_lower_layers() {
    let mut wrong = Vec::new();
    for (module, used) in dependencies() {
        let Some(own) = layer_of(&module) else {
            wrong.push(format!("module `{module}` is not placed in LAYERS"));
            continue;
        };
        for dep in used {
            match layer_of(&dep) {
                Some(l) if l < own => {}
                _ => wrong.push(format!("`{module}` uses `{dep}`, which is not below it")),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_rule_model_uses_no_pipeline_stage() {
    let deps = dependencies();
    let model: Vec<&String> = deps["rules"].iter().collect();
    assert_eq!(model, ["source", "text"], "rules/ is the bottom layer");
    // Claims are plain data: no rules, no normalisation.
    for stage in ["rules", "ruleset", "normalize", "patterns"] {
        assert!(!deps["claim"].contains(stage), "claim uses {stage}");
    }
}

#[test]
fn references_are_read_from_paths_and_groups() {
    let code = "use crate::claim::{Claim, X};\nuse crate::{rules, source::Span};\nlet x = crate::text::f();";
    let found: Vec<String> = references(code).into_iter().collect();
    assert_eq!(found, ["claim", "rules", "source", "text"]);
    assert_eq!(non_test_code("a\n// crate::x\n#[cfg(test)]\ncrate::y"), "a");
}
