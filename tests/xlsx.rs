//! The lampiran workbook, read back with calamine: rows, formulas and their
//! cached results against the model; byte-identical rebuilds; and, where
//! LibreOffice is installed, a forced recalculation that must give the
//! cached values.

use calamine::{Data, Reader, Xlsx, open_workbook};
use lkjip::build::{BuildOptions, build};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::example;

const NAME: &str = "Lampiran-LKjIP-dspppa-belitung-2024.xlsx";

fn build_xlsx(out: &Path) -> PathBuf {
    let opts = BuildOptions {
        out: Some(out.to_path_buf()),
        only: Some("xlsx".into()),
        ..Default::default()
    };
    let built = build(&example(), &opts).unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    assert_eq!(
        built.files,
        [out.join(NAME), out.join("model.json")],
        "--only xlsx writes the workbook and the model alone"
    );
    out.join(NAME)
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn segments(code: &str) -> usize {
    if code.is_empty() || !code.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        0
    } else {
        code.split('.').count()
    }
}

#[test]
fn the_lampiran_carry_formulas_with_the_model_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let path = build_xlsx(tmp.path());
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), 14, "{names:?}");
    assert_eq!(names[0], "Identitas");
    assert_eq!(names[12], "Lampiran XII");
    // the Evaluasi Renja of quarter IV (the example has a Triwulan sheet):
    // the form `build --triwulan 4` writes, checked by hand in
    // tests/evaluasi.rs; here that it is the same sheet
    assert_eq!(names[13], "Lampiran XIII");
    let xiii = wb.worksheet_range("Lampiran XIII").unwrap();
    assert_eq!(
        xiii.get_value((0, 0)).map(|d| d.to_string()).as_deref(),
        Some("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH")
    );

    // Lampiran XII: 13 programs, 26 kegiatan, 54 sub kegiatan
    let values = wb.worksheet_range("Lampiran XII").unwrap();
    let formulas = wb.worksheet_formula("Lampiran XII").unwrap();
    let (r0, _) = values.start().unwrap();
    let (f0r, f0c) = formulas.start().unwrap();
    let cell = |r: u32, c: u32| values.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let formula = |r: u32, c: u32| -> String {
        if r < f0r || c < f0c {
            return String::new();
        }
        formulas.get_value((r, c)).cloned().unwrap_or_default()
    };
    let mut count = [0usize; 7];
    let mut total_row = None;
    for r in r0..=values.end().unwrap().0 {
        let code = text(&cell(r, 0));
        count[segments(&code)] += 1;
        match segments(&code) {
            3 | 5 => {
                let f = formula(r, 2);
                assert!(f.starts_with("SUM("), "row {}: pagu of {code} is {f:?}", r + 1);
                assert!(formula(r, 3).starts_with("SUM("), "row {}: realisasi of {code}", r + 1);
            }
            6 => {
                assert!(matches!(cell(r, 2), Data::Float(_)), "sub kegiatan pagu is a value");
                assert!(formula(r, 2).is_empty());
            }
            _ => {}
        }
        if text(&cell(r, 1)) == "Total" {
            total_row = Some(r);
        }
        // % and sisa are formulas on every data row
        if segments(&code) >= 3 {
            assert!(formula(r, 4).starts_with("IF("), "row {}: %", r + 1);
            assert!(formula(r, 7).starts_with('C'), "row {}: sisa", r + 1);
        }
    }
    assert_eq!((count[3], count[5], count[6]), (13, 26, 54));
    let t = total_row.expect("a Total row");
    assert!(formula(t, 2).starts_with("SUM("));
    assert_eq!(num(&cell(t, 2)), 10314852053.0);
    assert_eq!(num(&cell(t, 3)), 9521256875.0);
    assert_eq!(format!("{:.2}", num(&cell(t, 4))), "92.31");
    assert_eq!(num(&cell(t, 7)), 793595178.0);
    // the Penunjang program sums its 7 kegiatan to 7.089.055.091
    let p = (r0..t).find(|r| text(&cell(*r, 0)) == "0.00.01").unwrap();
    assert_eq!(num(&cell(p, 2)), 7089055091.0);
    assert_eq!(formula(p, 2).matches(',').count(), 6);

    // Lampiran I: Program Pemberdayaan Sosial capaian 88,13, serapan 92,17
    let values = wb.worksheet_range("Lampiran I").unwrap();
    let formulas = wb.worksheet_formula("Lampiran I").unwrap();
    let r = (0..=values.end().unwrap().0)
        .find(|r| text(values.get_value((*r, 1)).unwrap_or(&Data::Empty)) == "PROGRAM PEMBERDAYAAN SOSIAL")
        .unwrap();
    // get_value takes absolute positions
    let f = |c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    let v = |c: u32| num(values.get_value((r, c)).unwrap());
    assert_eq!(f(5), format!("IF(D{row}=0,\"\",E{row}/D{row}*100)", row = r + 1));
    assert_eq!(format!("{:.2}", v(5)), "88.13");
    assert!(f(6).starts_with("SUM("), "{}", f(6));
    assert_eq!(v(6), 348934400.0);
    assert_eq!(f(8), format!("IF(G{row}=0,0,H{row}/G{row}*100)", row = r + 1));
    assert_eq!(format!("{:.2}", v(8)), "92.17");
    // each program closes with the form's Rata-rata row: the Penunjang
    // program's kegiatan average capaian 99,51 % and serapan 89,90 % (the
    // reference's Lampiran I), as live means over the kegiatan rows above
    let rata: Vec<u32> = (0..=values.end().unwrap().0)
        .filter(|r| text(values.get_value((*r, 1)).unwrap_or(&Data::Empty)) == "Rata-rata Capaian Kegiatan")
        .collect();
    let loaded = lkjip::load::load(&example());
    let m = loaded.context().unwrap().model;
    assert_eq!(rata.len(), m.programs.iter().filter(|p| !p.kegiatan.is_empty()).count());
    let r = rata[0];
    let f = |c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    let v = |c: u32| num(values.get_value((r, c)).unwrap());
    assert_eq!(
        (format!("{:.2}", v(5)), format!("{:.2}", v(8))),
        ("99.51".into(), "89.90".into())
    );
    assert!(
        f(5).starts_with("AVERAGE(") && f(8).starts_with("AVERAGE("),
        "{} {}",
        f(5),
        f(8)
    );
    // Penunjang's seven kegiatan: seven serapan cells
    assert_eq!(f(8).matches(',').count(), 6, "{}", f(8));
    // the sheet's closing mean skips these rows
    let last = (0..=values.end().unwrap().0)
        .find(|r| text(values.get_value((*r, 0)).unwrap_or(&Data::Empty)) == "Rata-rata capaian / Jumlah")
        .expect("the closing row");
    let close = formulas.get_value((last, 5)).cloned().unwrap_or_default();
    assert!(
        close.starts_with("AVERAGEIFS(") && close.contains("Rata-rata Capaian Kegiatan"),
        "{close}"
    );

    // the Identitas sheet names the tool and every input's SHA-256
    let id = wb.worksheet_range("Identitas").unwrap();
    let all: Vec<String> = id.cells().map(|(_, _, d)| text(d)).collect();
    assert!(all.iter().any(|s| s.starts_with("lkjip ")));
    assert!(all.iter().any(|s| s == "4 Maret 2025"));
    assert_eq!(
        all.iter()
            .filter(|s| s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit()))
            .count(),
        5
    );
}

#[test]
fn two_builds_give_the_same_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    let a = build_xlsx(&tmp.path().join("a"));
    let b = build_xlsx(&tmp.path().join("b"));
    let (x, y) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert_eq!(lkjip::folder::sha256_hex(&x), lkjip::folder::sha256_hex(&y));
}

/// LibreOffice recalculates every formula on load (a profile that says
/// so), exports Lampiran XII as CSV, and the figures must be the cached
/// ones. Skipped with a message where LibreOffice is not installed, unless
/// LKJIP_REQUIRE_SOFFICE is set (as .ci/run does, after installing it).
/// One sheet of `xlsx` as LibreOffice exports it after recalculating
/// every formula (`profile`), as CSV of the values at full precision.
fn recalculated_csv<R: std::io::Read + std::io::Seek>(
    profile: &Path,
    xlsx: &Path,
    wb: &Xlsx<R>,
    sheet: &str,
    out: &Path,
) -> String {
    let index = wb.sheet_names().iter().position(|n| n == sheet).unwrap() + 1;
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to"])
        .arg(format!(
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,{index}"
        ))
        .arg("--outdir")
        .arg(out)
        .arg(xlsx)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let file = std::fs::read_dir(out).unwrap().find_map(|e| e.ok()).expect("a CSV");
    std::fs::read_to_string(file.path()).unwrap()
}

#[test]
fn libreoffice_recalculates_to_the_cached_values() {
    if !common::soffice_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let path = build_xlsx(tmp.path());
    let profile = tmp.path().join("profile");
    common::recalculating_profile(&profile);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let csv = recalculated_csv(&profile, &path, &wb, "Lampiran XII", &tmp.path().join("csv"));
    assert!(csv.contains("Total"), "Lampiran XII as CSV");
    let total = csv
        .lines()
        .find(|l| l.contains("\"Total\"") || l.contains(",Total,"))
        .unwrap();
    let fields: Vec<&str> = total.split(',').map(|f| f.trim_matches('"')).collect();
    assert_eq!(fields[2], "10314852053", "{total}");
    assert_eq!(fields[3], "9521256875", "{total}");
    assert!(fields[4].starts_with("92.3"), "{total}");
    assert_eq!(fields[7], "793595178", "{total}");
    // every program row: recomputed sums equal the model's (cached) ones
    let values = wb.worksheet_range("Lampiran XII").unwrap();
    for row in values.rows() {
        let code = text(&row[0]);
        if segments(&code) == 3 {
            let line = csv
                .lines()
                .find(|l| l.starts_with(&format!("\"{code}\"")) || l.starts_with(&format!("{code},")))
                .unwrap();
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(
                f[f.len() - 6].trim_matches('"').parse::<f64>().unwrap(),
                num(&row[2]),
                "{code}: {line}"
            );
        }
    }
    // Lampiran I recalculated: each program's Rata-rata row (means over
    // its kegiatan rows) and the closing mean give the cached figures
    let csv = recalculated_csv(&profile, &path, &wb, "Lampiran I", &tmp.path().join("csv-i"));
    assert!(csv.contains("Rata-rata Capaian Kegiatan"), "Lampiran I as CSV");
    let values = wb.worksheet_range("Lampiran I").unwrap();
    let cached: Vec<Vec<String>> = values
        .rows()
        .filter(|r| {
            let t = r.get(1).map(text).unwrap_or_default();
            t == "Rata-rata Capaian Kegiatan" || r.first().map(text).unwrap_or_default() == "Rata-rata capaian / Jumlah"
        })
        .map(|r| [5, 8].iter().map(|&c| r.get(c).map(text).unwrap_or_default()).collect())
        .collect();
    let recalculated: Vec<Vec<String>> = csv
        .lines()
        .filter(|l| l.contains("Rata-rata Capaian Kegiatan") || l.contains("Rata-rata capaian / Jumlah"))
        .map(|l| {
            let f: Vec<&str> = l.split(',').map(|x| x.trim_matches('"')).collect();
            [5, 8]
                .iter()
                .map(|&c| f.get(c).copied().unwrap_or("").to_string())
                .collect()
        })
        .collect();
    assert!(cached.len() > 5, "{cached:?}");
    assert_eq!(cached.len(), recalculated.len());
    for (c, r) in cached.iter().zip(&recalculated) {
        for (a, b) in c.iter().zip(r) {
            let (a, b) = (a.parse::<f64>(), b.parse::<f64>());
            match (a, b) {
                (Ok(a), Ok(b)) => assert!((a - b).abs() < 0.005, "cached {a}, recalculated {b}"),
                (a, b) => assert!(a.is_err() && b.is_err(), "{c:?} / {r:?}"),
            }
        }
    }
}

#[test]
fn staff_columns_carry_their_percentage() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok-dasar");
    let opts = BuildOptions {
        out: Some(tmp.path().to_path_buf()),
        only: Some("xlsx".into()),
        ..Default::default()
    };
    build(&dir, &opts).unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    let mut wb: Xlsx<_> = open_workbook(tmp.path().join("Lampiran-LKjIP-uji-2024.xlsx")).unwrap();
    let values = wb.worksheet_range("Lampiran I").unwrap();
    let formulas = wb.worksheet_formula("Lampiran I").unwrap();
    assert!(values.cells().any(|(_, _, d)| text(d) == "SDM"), "an SDM header");
    let r = (0..=values.end().unwrap().0)
        .find(|r| text(values.get_value((*r, 1)).unwrap_or(&Data::Empty)) == "PROGRAM PEMBERDAYAAN SOSIAL")
        .unwrap();
    // the mini data set gives SDM 6 of 6: 100 %
    assert_eq!(num(values.get_value((r, 9)).unwrap()), 6.0);
    assert_eq!(num(values.get_value((r, 11)).unwrap()), 100.0);
    assert!(
        formulas
            .get_value((r, 11))
            .is_some_and(|f| f.contains("K") && f.contains("J"))
    );
}
