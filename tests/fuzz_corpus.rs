//! The fuzz corpora and every crash reproducer (fuzz/corpus, fuzz/regressions)
//! run through the fuzz targets' code on the stable toolchain: a crash once
//! found stays fixed. A panic fails the test and names the file.

use std::path::PathBuf;

fn files(target: &str) -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        if let Ok(rd) = std::fs::read_dir(root.join(kind).join(target)) {
            out.extend(
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))),
            );
        }
    }
    out.sort();
    out
}

fn run(target: &str, f: fn(&[u8])) -> usize {
    let files = files(target);
    for p in &files {
        let data = std::fs::read(p).unwrap();
        if std::panic::catch_unwind(|| f(&data)).is_err() {
            panic!("{target}: {} panics", p.display());
        }
    }
    files.len()
}

#[test]
fn the_cell_corpus_never_panics() {
    assert!(run("cell", lkjip::fuzzing::cell) >= 10);
}

#[test]
fn the_workbook_corpus_never_panics() {
    assert!(run("workbook", lkjip::fuzzing::workbook) >= 5);
}

#[test]
fn the_narrative_corpus_never_panics() {
    assert!(run("narrative", lkjip::fuzzing::narrative) >= 3);
}

#[test]
fn the_picture_corpus_never_panics() {
    assert!(run("picture", lkjip::fuzzing::picture) >= 5);
}
