//! The Evaluasi Renja of a quarter (`build --triwulan N`), read back with
//! calamine: the form's columns by hand computation from the fixture's
//! inputs, formulas whose cached results are the model's, LibreOffice's
//! recalculation giving the same values, and the quarters' findings.
//!
//! `ok-triwulan` is the mini data set of tests/fixtures/generate.py: sub
//! kegiatan 1.06.02.2.03.0003 has pagu 126.175.500 and realisasi
//! 111.711.210 for the year; the reports of March, June and September hold
//! 20 %, 50 % and 75 % of it (rounded down to the rupiah); its indicator
//! has target 13 Keluarga and the quarters 3, 3, 3, 4.

use calamine::{Data, DataType, Range, Reader, Xlsx, open_workbook};
use lkjip::build::{BuildOptions, build};
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{example, fixture};

/// Builds quarter `tw` of `dir` into `out`: the Evaluasi Renja workbook
/// and the quarterly report, nothing else; returns the workbook.
fn evaluasi(dir: &Path, tw: u8, out: &Path) -> PathBuf {
    let opts = BuildOptions {
        out: Some(out.to_path_buf()),
        triwulan: Some(tw),
        ..Default::default()
    };
    let built = build(dir, &opts).unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    let names: Vec<String> = built
        .files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "a quarterly build writes its two reports only: {names:?}"
    );
    assert!(names[0].starts_with(&format!("Evaluasi-Renja-TW{tw}-")), "{names:?}");
    assert!(names[1].starts_with(&format!("Laporan-Kinerja-TW{tw}-")), "{names:?}");
    built.files[0].clone()
}

/// The text of the quarterly report next to `xlsx`, or `None` (skipped)
/// without poppler unless CI requires it.
fn report_text(xlsx: &Path) -> Option<String> {
    if !common::pdftotext_available() {
        return None;
    }
    let name = xlsx
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace("Evaluasi-Renja", "Laporan-Kinerja")
        .replace(".xlsx", ".pdf");
    let out = Command::new("pdftotext")
        .arg(xlsx.with_file_name(name))
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap())
}

fn sheet(path: &Path) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    wb.worksheet_range(&name).unwrap()
}

fn formulas(path: &Path) -> Range<String> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    wb.worksheet_formula(&name).unwrap()
}

/// The row whose Kode (column B) is `kode`, as absolute row index.
fn row_of(r: &Range<Data>, kode: &str) -> u32 {
    let start = r.start().unwrap().0;
    (0..r.height() as u32)
        .find(|&i| {
            r.get((i as usize, 1))
                .is_some_and(|c| c.as_string().as_deref() == Some(kode))
        })
        .map(|i| i + start)
        .unwrap_or_else(|| panic!("no row {kode}"))
}

/// The value of form column `n`, K or Rp, in absolute row `row`.
fn at(r: &Range<Data>, row: u32, n: u32, rp: bool) -> Data {
    let col = 4 + (n - 5) * 2 + u32::from(rp);
    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn num(d: &Data) -> f64 {
    d.as_f64().unwrap_or_else(|| panic!("not a number: {d:?}"))
}

fn formula_at(f: &Range<String>, row: u32, n: u32, rp: bool) -> String {
    let col = 4 + (n - 5) * 2 + u32::from(rp);
    f.get_value((row, col)).cloned().unwrap_or_default()
}

#[test]
fn the_form_of_quarter_iv_by_hand() {
    let tmp = tempfile::tempdir().unwrap();
    let path = evaluasi(&fixture("ok-triwulan"), 4, tmp.path());
    let r = sheet(&path);
    let fo = formulas(&path);
    // the numbering row of the form
    let texts: Vec<String> = r.rows().flat_map(|row| row.iter().map(|c| c.to_string())).collect();
    for n in ["12 = 8+9+10+11", "13 = 12/7×100", "14 = 6+12", "15 = 14/5×100"] {
        assert!(texts.iter().any(|t| t == n), "numbering {n}");
    }
    // sub kegiatan 1.06.02.2.03.0003
    let row = row_of(&r, "1.06.02.2.03.0003");
    assert_eq!(num(&at(&r, row, 7, true)), 126_175_500.0);
    // TW I: 111.711.210 × 0,2 = 22.342.242; TW II: ×0,5 = 55.855.605 − 22.342.242;
    // TW III: ⌊×0,75⌋ = 83.783.407 − 55.855.605; TW IV: the year − 83.783.407
    let q = [22_342_242.0, 33_513_363.0, 27_927_802.0, 27_927_803.0];
    for (i, v) in q.iter().enumerate() {
        assert_eq!(num(&at(&r, row, 8 + i as u32, true)), *v, "TW {} Rp", i + 1);
    }
    assert_eq!(num(&at(&r, row, 12, true)), 111_711_210.0);
    // 13 (Rp) = 111.711.210 / 126.175.500 × 100 = 88,53637…
    assert!((num(&at(&r, row, 13, true)) - 88.536_372).abs() < 1e-5);
    // K: 3 + 3 + 3 + 4 = 13 of a target of 13
    for (i, v) in [3.0, 3.0, 3.0, 4.0].iter().enumerate() {
        assert_eq!(num(&at(&r, row, 8 + i as u32, false)), *v);
    }
    assert_eq!(num(&at(&r, row, 7, false)), 13.0);
    assert_eq!(num(&at(&r, row, 12, false)), 13.0);
    assert_eq!(num(&at(&r, row, 13, false)), 100.0);
    assert_eq!(
        formula_at(&fo, row, 12, true),
        format!("SUM(L{0},N{0},P{0},R{0})", row + 1)
    );
    assert_eq!(
        formula_at(&fo, row, 12, false),
        format!("SUM(K{0},M{0},O{0},Q{0})", row + 1)
    );
    // the sasaran S1 is a state: the year is TW IV's 97,62 %, capaian
    // 97,62 / 98,79 × 100 = 98,815…; against the Renstra's 2026 target
    // 98,83 %: 97,62 / 98,83 × 100 = 98,775…
    let s1 = row_of(&r, "S1");
    assert_eq!(num(&at(&r, s1, 12, false)), 97.62);
    assert!((num(&at(&r, s1, 13, false)) - 98.815_669).abs() < 1e-5);
    assert!(formula_at(&fo, s1, 12, false).contains("ISNUMBER"));
    assert!((num(&at(&r, s1, 15, false)) - 98.775_675).abs() < 1e-5);
    // the program 1.06.02 sums its kegiatan, which sums its sub kegiatan:
    // pagu 5.739.000 + 126.175.500, realisasi 5.419.900 + 111.711.210
    let p = row_of(&r, "1.06.02");
    assert_eq!(num(&at(&r, p, 7, true)), 131_914_500.0);
    assert_eq!(num(&at(&r, p, 12, true)), 117_131_110.0);
    assert!(formula_at(&fo, p, 7, true).starts_with("SUM("));
    // the total row: the mini data set's 136.909.500 / 121.579.110
    let total = (0..r.height() as u32)
        .map(|i| i + r.start().unwrap().0)
        .find(|&i| {
            r.get_value((i, 0))
                .is_some_and(|c| c.as_string().as_deref() == Some("JUMLAH"))
        })
        .expect("JUMLAH row");
    assert_eq!(num(&at(&r, total, 7, true)), 136_909_500.0);
    assert_eq!(num(&at(&r, total, 12, true)), 121_579_110.0);
    // the cached results are the model's
    let loaded = lkjip::load::load_quarter(&fixture("ok-triwulan"), 4);
    let m = loaded.model.unwrap();
    let sub = m.programs[1].kegiatan[0]
        .sub_kegiatan
        .iter()
        .find(|s| s.kode.as_str() == "1.06.02.2.03.0003")
        .unwrap();
    assert_eq!(
        sub.realisasi_triwulan
            .iter()
            .map(|v| v.map(|d| d.to_string()))
            .collect::<Vec<_>>(),
        [
            Some("22342242".into()),
            Some("55855605".into()),
            Some("83783407".into()),
            Some("111711210".into())
        ]
    );
    let tw = sub.indikator[0].triwulan.as_ref().unwrap();
    assert_eq!(tw.capaian[3], Some(rust_decimal::Decimal::ONE_HUNDRED));
    // same inputs, same bytes
    let again = tempfile::tempdir().unwrap();
    let path2 = evaluasi(&fixture("ok-triwulan"), 4, again.path());
    assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&path2).unwrap());
}

#[test]
fn the_middle_of_the_year_needs_only_its_quarters() {
    let dir = fixture("ok-triwulan-ii");
    assert!(!dir.join("data/realisasi.xlsx").exists() && !dir.join("data/realisasi-tw3.xlsx").exists());
    let tmp = tempfile::tempdir().unwrap();
    let path = evaluasi(&dir, 2, tmp.path());
    let r = sheet(&path);
    let row = row_of(&r, "1.06.02.2.03.0003");
    // the year so far is June's report: ⌊111.711.210 × 0,5⌋ = 55.855.605
    assert_eq!(num(&at(&r, row, 8, true)), 22_342_242.0);
    assert_eq!(num(&at(&r, row, 9, true)), 33_513_363.0);
    for n in [10, 11] {
        let blank = at(&r, row, n, true);
        assert!(
            matches!(&blank, Data::Empty) || blank.to_string().is_empty(),
            "TW {}: {blank:?}",
            n - 7
        );
    }
    assert_eq!(num(&at(&r, row, 12, true)), 55_855_605.0);
    // 3 + 3 Keluarga of 13
    assert_eq!(num(&at(&r, row, 12, false)), 6.0);
    // the quarterly report says the same figures
    if let Some(text) = report_text(&path) {
        let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squashed.contains("LAPORAN KINERJA TRIWULAN II"), "{squashed}");
        // program 1.06.02 so far: ⌊5.419.900 × 0,5⌋ + ⌊111.711.210 × 0,5⌋
        assert!(squashed.contains("58.565.555"), "program 1.06.02 s.d. TW II");
        // S1: the state at the end of June, 55,5 % of a 98,79 % target:
        // 55,5 / 98,79 × 100 = 56,18
        assert!(squashed.contains("55,5") && squashed.contains("56,18"), "S1");
        assert!(!squashed.contains("TW III"), "no column of a later quarter");
    }
    // the third quarter's report is not there: its build is refused, located
    let opts = BuildOptions {
        out: Some(tmp.path().join("tw3")),
        triwulan: Some(3),
        ..Default::default()
    };
    let f = build(&dir, &opts).err().expect("no September report");
    let e = f.iter().find(|x| x.code == "file-missing").expect("file-missing");
    assert_eq!(e.location.to_string(), "data/realisasi-tw3.xlsx");
    assert!(e.message.contains("triwulan III"), "{}", e.message);
    assert!(!tmp.path().join("tw3").exists());
}

#[test]
fn quarters_that_do_not_make_the_year_are_findings_at_their_cells() {
    let loaded = lkjip::load::load(&fixture("ok-triwulan-selisih"));
    let got: Vec<String> = loaded
        .findings
        .iter()
        .filter(|f| f.code.starts_with("quarter"))
        .map(|f| format!("{} {}", f.code, f.location))
        .collect();
    for want in [
        // 1 + 2 + 1 + 3 Orang = 7, Pengukuran says 5
        "quarter-year-mismatch data/kinerja.xlsx › Triwulan › G6",
        "quarter-missing data/kinerja.xlsx › Triwulan › F5",
        // 40 % of the year in September after 60 % in June
        "quarter-decrease data/realisasi-tw3.xlsx › Sheet1 › A14",
    ] {
        assert!(got.iter().any(|g| g == want), "{want} not in {got:#?}");
    }
    assert_eq!(got.len(), 3, "{got:#?}");
    let m = loaded
        .findings
        .iter()
        .find(|f| f.code == "quarter-year-mismatch")
        .unwrap();
    assert!(
        m.message.contains("7 Orang") && m.message.contains("5 Orang"),
        "{}",
        m.message
    );
}

#[test]
fn the_example_has_its_quarters_and_libreoffice_recalculates_to_the_cached_values() {
    let tmp = tempfile::tempdir().unwrap();
    let path = evaluasi(&example(), 4, tmp.path());
    let loaded = lkjip::load::load_quarter(&example(), 4);
    // the example's quarters make its yearly realisasi exactly; it has no
    // quarterly realization reports, and says so once per quarter
    let quarter: Vec<String> = loaded
        .findings
        .iter()
        .filter(|f| f.code.starts_with("quarter"))
        .map(|f| format!("{} {}", f.code, f.location))
        .collect();
    let expected: Vec<String> = (1..=3)
        .map(|q| format!("quarter-report-missing data/realisasi-tw{q}.xlsx"))
        .collect();
    assert_eq!(quarter, expected);
    let m = loaded.model.unwrap();
    let with_quarters = m
        .programs
        .iter()
        .flat_map(|p| &p.indikator)
        .chain(m.perjanjian_kinerja.iter().map(|pk| &pk.indikator))
        .filter(|i| i.triwulan.is_some())
        .count();
    assert!(with_quarters >= 15, "{with_quarters}");
    if !common::soffice_available() {
        return;
    }
    for (label, file) in [
        ("example", path),
        (
            "ok-triwulan",
            evaluasi(&fixture("ok-triwulan"), 4, &tmp.path().join("ok")),
        ),
    ] {
        let profile = tmp.path().join(format!("profile-{label}"));
        common::recalculating_profile(&profile);
        let out = tmp.path().join(format!("re-{label}"));
        let status = Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir"])
            .arg(&out)
            .arg(&file)
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
        let cached = sheet(&file);
        let recalculated = sheet(&out.join(file.file_name().unwrap()));
        let mut numbers = 0;
        let (r0, c0) = cached.start().unwrap();
        for (row, col, v) in cached.cells() {
            let Some(a) = v.as_f64() else { continue };
            let (row, col) = (row as u32 + r0, col as u32 + c0);
            let b = recalculated.get_value((row, col)).and_then(|d| d.as_f64());
            assert!(
                b.is_some_and(|b| (a - b).abs() < 1e-6),
                "{label} cell ({row}, {col}): cached {a}, LibreOffice {b:?}"
            );
            numbers += 1;
        }
        assert!(numbers > 50, "{label}: {numbers} numeric cells");
    }
}
