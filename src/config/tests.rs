//! Unit tests of `config`: a minimal lkjip.toml, unknown keys and bad values refused with their line, the limits of [batas].

use super::*;

const MINIMAL: &str = r#"
[identitas]
nama_opd = "Dinas Sosial"
kode = "dinsos"
pemerintah_daerah = "Kabupaten Belitung"
tahun = 2024

[kepala]
nama = "KASIMIN"

[laporan]
tempat = "Tanjungpandan"
tanggal = "2025-03-04"
"#;

#[test]
fn parses_a_minimal_config() {
    let c = Config::parse(MINIMAL).unwrap();
    assert_eq!(c.identitas.tahun, 2024);
    assert_eq!(c.berkas, Berkas::default());
    assert_eq!(c.laporan.tanggal, "2025-03-04");
}

#[test]
fn refuses_unknown_keys_with_the_line() {
    let text = MINIMAL.replace("tahun = 2024", "tahun = 2024\ntahunn = 2025");
    let e = Config::parse(&text).unwrap_err();
    assert_eq!(e.code, "config-invalid");
    assert_eq!(e.location.cell.as_deref(), Some("baris 7"));
    assert!(e.message.contains("tahunn"), "{}", e.message);
}

#[test]
fn refuses_bad_dates_and_codes() {
    let e = Config::parse(&MINIMAL.replace("2025-03-04", "2025-02-30")).unwrap_err();
    assert!(e.message.contains("laporan.tanggal"), "{}", e.message);
    let e = Config::parse(&MINIMAL.replace("\"dinsos\"", "\"din sos\"")).unwrap_err();
    assert!(e.message.contains("identitas.kode"), "{}", e.message);
    // a code that would make an output's name too long for the file system
    let e = Config::parse(&MINIMAL.replace("\"dinsos\"", &format!("\"{}\"", "d".repeat(300)))).unwrap_err();
    assert_eq!(
        e.message,
        "identitas.kode 300 karakter, melebihi 64 (dipakai dalam nama berkas); pakai singkatan"
    );
    assert!(Config::parse(&MINIMAL.replace("\"dinsos\"", &format!("\"{}\"", "d".repeat(64)))).is_ok());
}

#[test]
fn a_limit_may_be_raised_eightfold_not_more() {
    let with = |v: u64| Config::parse(&format!("{MINIMAL}\n[batas]\ntata_letak_mb = {v}\n"));
    // 768 MB × 8
    assert_eq!(with(6144).unwrap().batas.tata_letak_mb, 6144);
    let e = with(6145).unwrap_err();
    assert_eq!(
        e.message,
        "batas.tata_letak_mb = 6145 melebihi 6144 (8× bawaan lkjip): folder laporan tidak boleh melonggarkan batasnya tanpa batas"
    );
}

/// A 40 000-character agency name made PDF/A refuse the export (the
/// document title), blamed on the template.
#[test]
fn refuses_a_text_too_long_for_the_pdf_naming_its_key() {
    let long = MINIMAL.replace("\"Dinas Sosial\"", &format!("\"{}\"", "Dinas ".repeat(7_000)));
    let e = Config::parse(&long).unwrap_err();
    assert_eq!(
        e.message,
        "identitas.nama_opd: teks 42000 karakter, melebihi 1000; pendekkan"
    );
}
