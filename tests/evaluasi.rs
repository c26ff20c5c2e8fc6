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

/// The Deli Serdang workbook (`../shared/realworld/deliserdang-evaluasi-renja/`,
/// BAPPEDALITBANG 2025, sheet `Realisasi TW IV`, never copied into the
/// repo): no codes, the levels only in SUM formulas. Read as an Evaluasi
/// Renja source, its sub kegiatan are checked against the file's own
/// cached totals, read here with calamine: the top row (row 11,
/// `=SUM(x12+x91+x96)`) is right for the pagu (column O), but the bidang
/// row 12 adds rows 91 and 96 again in R, U and X (`=SUM(R13+R55+R70+R91+R96)`)
/// and 91 in AA, so rows 11, 12 and the unlabelled total 113 overstate
/// those quarters by exactly rows 96 (I–III) and 91 (IV) — which the
/// importer must say at those cells, and not take.
#[test]
fn the_deli_serdang_evaluasi_renja_is_read_and_its_totals_recomputed() {
    let path = common::root()
        .join("../shared/realworld/deliserdang-evaluasi-renja/EVALUASI RENJA BAPPEDALITBANG TAHUN 2025.xlsx");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let mut wb =
        lkjip::ingest::workbook::Workbook::from_bytes(std::fs::read(&path).unwrap(), "data/evaluasi-renja.xlsx")
            .unwrap();
    let mut f = lkjip::finding::Findings::default();
    let ev = lkjip::ingest::evaluasi::read(&mut wb, None, &mut f).unwrap_or_else(|| panic!("{:?}", f.sorted()));
    let errors: Vec<String> = f
        .sorted()
        .iter()
        .filter(|x| x.severity == lkjip::finding::Severity::Error)
        .map(|x| x.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // the file's cached values, by calamine directly
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("Realisasi TW IV").unwrap();
    let at = |cell: &str| -> i64 {
        let (col, row) = cell.split_at(cell.find(|c: char| c.is_ascii_digit()).unwrap());
        let c = col.bytes().fold(0u32, |a, b| a * 26 + u32::from(b - b'A' + 1)) - 1;
        let r: u32 = row.parse::<u32>().unwrap() - 1;
        sheet.get_value((r, c)).and_then(|d| d.as_f64()).unwrap_or(0.0).round() as i64
    };
    let subs: Vec<_> = ev.sub_kegiatan().collect();
    let sum = |k: &dyn Fn(&lkjip::ingest::evaluasi::BarisEvaluasi) -> Option<rust_decimal::Decimal>| -> i64 {
        use rust_decimal::prelude::ToPrimitive;
        subs.iter()
            .filter_map(|b| k(b))
            .sum::<rust_decimal::Decimal>()
            .to_i64()
            .unwrap()
    };
    // rows 11–105 (95) less the rows that add others (11, 12, 13, 14, 22,
    // 27, 30, 39, 45, 49, 55, 56, 64, 67, 70, 71, 77, 84, 91, 92, 93, 96, 97,
    // 98, 101, 103: 26 of them), plus row 106, the program without
    // kegiatan: 95 − 26 + 1 = 70
    assert_eq!(subs.len(), 70);
    assert_eq!(
        sum(&|b| b.pagu),
        at("O11"),
        "the pagu adds up to the file's own top total"
    );
    assert_eq!(sum(&|b| b.pagu), 14_723_660_349);
    for (q, col) in ["R", "U", "X"].iter().enumerate() {
        let twice = at(&format!("{col}96"));
        assert!(twice > 0);
        assert_eq!(
            sum(&|b| b.triwulan[q]),
            at(&format!("{col}11")) - twice,
            "quarter {}",
            q + 1
        );
    }
    assert_eq!(sum(&|b| b.triwulan[3]), at("AA11") - at("AA91"));
    assert_eq!(
        sum(&|b| b.realisasi),
        at("AC11"),
        "the year's realization (column 13) adds up"
    );
    // each program's sub kegiatan make its cached total (row 13, 55, 70)
    let program = |row: &str| {
        ev.baris
            .iter()
            .position(|b| b.lokasi.cell.as_deref() == Some(row))
            .unwrap()
    };
    for (g, o) in [("G13", "O13"), ("G55", "O55"), ("G70", "O70"), ("G97", "O97")] {
        let mut leaves = 0i64;
        let mut stack = vec![program(g)];
        while let Some(i) = stack.pop() {
            let b = &ev.baris[i];
            if b.anak.is_empty() {
                use rust_decimal::prelude::ToPrimitive;
                leaves += b.pagu.and_then(|v| v.to_i64()).unwrap_or(0);
            }
            stack.extend(&b.anak);
        }
        assert_eq!(leaves, at(o), "{g}");
    }
    // the findings, at the cells a reader can open
    let cells = |code: &str| -> Vec<String> {
        let mut v: Vec<String> = f
            .sorted()
            .iter()
            .filter(|x| x.code == code)
            .map(|x| x.location.cell.clone().unwrap_or_default())
            .collect();
        v.sort();
        v
    };
    let mut overstated: Vec<String> = ["R", "U", "X", "AA"]
        .iter()
        .flat_map(|c| [11, 12, 113].map(|r| format!("{c}{r}")))
        .collect();
    overstated.sort();
    assert_eq!(cells("evaluasi-total-differs"), overstated);
    let r12 = f
        .sorted()
        .into_iter()
        .find(|x| x.location.cell.as_deref() == Some("R12"))
        .unwrap();
    assert!(
        r12.message
            .contains("tercetak Rp 1.971.343.265 (=SUM(R13+R55+R70+R91+R96))")
            && r12.message.contains("selisih Rp 32.763.514"),
        "{}",
        r12.message
    );
    // formulas that skip a row the others add (U39 and AA39 leave out row 43,
    // AA84 row 86; both rows hold 0, so no total differs)
    assert_eq!(cells("evaluasi-formula-differs"), ["AA39", "AA84", "U39"]);
}

/// An Evaluasi Renja laid out as Deli Serdang's (no codes, SUM formulas,
/// the quarters' own spending) in place of the three quarterly reports:
/// `ok-evaluasi-renja` is `ok-triwulan` without `realisasi-tw1..3.xlsx` and
/// with `evaluasi-renja.xlsx` holding the same shares (tests/fixtures/
/// generate.py › write_evaluasi_renja), so the quarters of the model and of
/// the Evaluasi Renja written are those of ok-triwulan, cell for cell.
#[test]
fn an_evaluasi_renja_gives_the_quarters_the_reports_would() {
    let from_reports = lkjip::load::load(&fixture("ok-triwulan"));
    let from_form = lkjip::load::load(&fixture("ok-evaluasi-renja"));
    let quarters = |l: &lkjip::load::Loaded| -> Vec<(String, Vec<Option<rust_decimal::Decimal>>)> {
        let m = l.model.as_ref().unwrap();
        m.programs
            .iter()
            .flat_map(|p| &p.kegiatan)
            .flat_map(|k| &k.sub_kegiatan)
            .map(|s| (s.kode.to_string(), s.realisasi_triwulan.clone()))
            .collect()
    };
    let (a, b) = (quarters(&from_reports), quarters(&from_form));
    assert!(a.iter().all(|(_, q)| q.iter().all(Option::is_some)), "{a:?}");
    assert_eq!(a, b);
    let found = from_form.findings.sorted();
    let codes: Vec<&str> = found.iter().map(|x| x.code).collect();
    assert!(codes.contains(&"evaluasi-used"), "{codes:?}");
    assert!(!codes.contains(&"quarter-report-missing"), "{codes:?}");
    assert!(
        !from_form
            .findings
            .sorted()
            .iter()
            .any(|x| x.severity == lkjip::finding::Severity::Error),
        "{:?}",
        from_form.findings.sorted()
    );
}

/// `check --triwulan N` reads the folder as `build --triwulan N` does: in
/// July, ok-triwulan-ii has the reports of March and June and no December
/// report, so the yearly check refuses it and the check of quarter II
/// passes, naming the June report as the year's so far.
#[test]
fn check_of_a_quarter_reads_what_its_build_reads() {
    let dir = fixture("ok-triwulan-ii");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_lkjip"))
            .args(args)
            .arg(&dir)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        (out.status.code(), text)
    };
    let (code, text) = run(&["check"]);
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("error[file-missing]: data/realisasi.xlsx"), "{text}");
    let (code, text) = run(&["check", "--triwulan", "2"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("data/realisasi-tw2.xlsx › "), "{text}");
    assert!(!text.contains("data/realisasi.xlsx"), "{text}");
}
