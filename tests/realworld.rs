//! The real exports and agency workbooks of `../shared/realworld/` (made by
//! no one on this project; never copied into the repo). Each one is given
//! to lkjip as the realization report, as the Renja and as the Rekap APBD
//! of an otherwise valid folder (tests/fixtures/ok-dasar, "Dinas Uji" of
//! "Kabupaten Contoh"). None of them can be this folder's input: the
//! FORM-RFK files are empty forms or hold example rows (`Subkegiatan ……`)
//! whose names no Renja has; the SIPD-RI Rekap, the flat pagu lists and the
//! KUA-PPAS plans are other kabupaten's perangkat daerah (they are read for
//! their own dinas in tests/sipd.rs, with sums computed from the files);
//! the Evaluasi Renja is read in its own role (`data/evaluasi-renja.xlsx`,
//! tests/evaluasi.rs). So each must be refused with an error located in the
//! file — the columns it lacks, an empty table, a name not in the Renja,
//! another year, another perangkat daerah — never read as figures with
//! exit 0 (`build` refuses on the same errors; tests/cli.rs shows it writes
//! nothing then). The FORM-RFK layout itself is read:
//! tests/fixtures/ok-realisasi-form-rfk.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{copy_dir, fixture, root};

fn realworld() -> PathBuf {
    root().join("../shared/realworld")
}

/// Every workbook of the real-world folder, sorted.
fn workbooks(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(workbooks(&p));
        } else if p.extension().is_some_and(|x| x == "xlsx" || x == "xls") {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn every_real_file_is_refused_with_its_location_or_read() {
    let dir = realworld();
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let files = workbooks(&dir);
    // banjarmasin-rfk 3, buru-sipd-ri 5, deliserdang 1, ntb 2, kamus 1
    assert!(files.len() >= 12, "{files:?}");
    let tmp = tempfile::tempdir().unwrap();
    for file in &files {
        let ext = file.extension().and_then(|x| x.to_str()).unwrap_or("xlsx");
        for role in ["realisasi", "renja", "apbd"] {
            let name = format!("{}-{role}", file.file_stem().unwrap().to_string_lossy());
            let folder = tmp.path().join(&name);
            copy_dir(&fixture("ok-dasar"), &folder);
            // ok-dasar has no Rekap APBD: the real file is its only one
            let own = folder.join(format!("data/{role}.xlsx"));
            if own.exists() {
                std::fs::remove_file(own).unwrap();
            }
            std::fs::copy(file, folder.join(format!("data/{role}.{ext}"))).unwrap();
            let out = Command::new(env!("CARGO_BIN_EXE_lkjip"))
                .args(["check", folder.to_str().unwrap()])
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(1), "{name}: read with exit 0\n{stdout}");
            let at = format!("data/{role}.{ext}");
            // the table lacks columns, or holds no row lkjip can place (an
            // empty form, names the Renja does not have), or states another
            // year, or is one sheet per perangkat daerah without Dinas Uji's
            // (Buru's KUA-PPAS ringkasan): an error located in the file itself
            let refusal = stdout
                .lines()
                .find(|l| {
                    l.starts_with("error[")
                        && l.contains(&format!("]: {at}"))
                        && [
                            "column-missing",
                            "table-not-found",
                            "table-empty",
                            "name-unmatched",
                            "wrong-year",
                            // one sheet per perangkat daerah, none Dinas Uji
                            "sheet-agency-missing",
                            // a Rekap of other perangkat daerah (several, or one)
                            "apbd-agency-missing",
                            "wrong-agency",
                        ]
                        .iter()
                        .any(|c| l.starts_with(&format!("error[{c}]")))
                })
                .unwrap_or_else(|| panic!("{name}: no located refusal of the table\n{stdout}"));
            // column-missing names the sheet and the columns it lacks
            if refusal.starts_with("error[column-missing]") {
                assert!(refusal.contains(&format!("{at} › ")), "{name}: {refusal}");
                assert!(
                    refusal.contains("kolom berikut tidak ada di judul tabel: "),
                    "{name}: {refusal}"
                );
            }
        }
    }
}
