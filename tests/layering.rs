//! Keeps the house in order: a top-level module of `src/` may use only the
//! modules declared before it in `src/lib.rs` (base, then the stages in
//! their order, then drivers and tools). So no import cycle among them can
//! come back. Unit tests (`#[cfg(test)]` modules) may use the whole
//! pipeline and are not checked; comments are not code.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules in the order `lib.rs` declares them.
fn order() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ")?.strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

/// Every `.rs` file of a top-level module.
fn files(module: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let mut stack = vec![src().join(module)];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its unit tests and comments.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t == "#[cfg(test)]" && lines.peek().is_some_and(|n| n.trim_start().starts_with("mod ")) {
            // the test module runs to the end of the file
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules a piece of code names as `crate::x` or inside
/// `crate::{x, y::…}`.
fn used(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    for (i, _) in code.match_indices("crate::") {
        if i > 0 && code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `lkjip_crate::`, `$crate::`
        }
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // top-level names of the group: depth-0 items before `}`
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        out.insert(ident(&group[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out
}

#[test]
fn no_module_uses_one_declared_after_it_in_lib_rs() {
    let order = order();
    assert!(order.len() >= 15, "lib.rs declares {order:?}");
    let mut wrong = Vec::new();
    for (i, module) in order.iter().enumerate() {
        let files = files(module);
        assert!(!files.is_empty(), "no source for module {module}");
        for f in files {
            let text = std::fs::read_to_string(&f).expect("source file");
            for name in used(&code(&text)) {
                if let Some(j) = order.iter().position(|m| *m == name)
                    && j > i
                {
                    wrong.push(format!(
                        "{} uses crate::{name} (declared after {module} in lib.rs)",
                        f.strip_prefix(src()).unwrap_or(&f).display()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_grouped_and_inline_paths() {
    let c = code(
        "use crate::{finding::Finding, render::{pdf, xlsx}};\nfn f() { crate::load::load(p); }\n// crate::bench\n#[cfg(test)]\nmod tests { use crate::build; }\n",
    );
    let names: Vec<String> = used(&c).into_iter().collect();
    assert_eq!(names, ["finding", "load", "render"]);
}

#[test]
fn no_file_of_src_is_over_800_lines() {
    let mut long = Vec::new();
    for module in order().iter().map(String::as_str).chain(["lib", "main"]) {
        for f in files(module) {
            let n = std::fs::read_to_string(&f).expect("source file").lines().count();
            if n > 800 {
                long.push(format!("{} has {n} lines", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}
