//! The SIPD-RI "Rekap" of the APBD (`data/apbd.xlsx`): the pagu per sub
//! kegiatan summed from its rows (sub kegiatan × sumber dana × rekening),
//! the report's own perangkat daerah taken from a kabupaten-wide file, the
//! pagu checked against the realization report, the sumber dana in the
//! model and in 3.3.

use calamine::{Data, Reader, Xlsx, open_workbook};
use lkjip::finding::{Findings, Severity};
use lkjip::ingest::apbd;
use lkjip::ingest::workbook::Workbook;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::str::FromStr;

mod common;
use common::{fixture, root};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// `ok-apbd` is ok-dasar with a Rekap laid out as Buru's (generate.py ›
/// write_apbd): Dinas Uji's rows split each funded sub kegiatan's pagu
/// over rekening and sumber dana, one row prints 0007 1.000.000 lower, one
/// sub kegiatan (0009) is not in the realization report, and a Dinas
/// Pendidikan row of 200.000.000 belongs to another perangkat daerah.
#[test]
fn the_rekap_gives_the_sumber_dana_and_finds_what_differs() {
    let loaded = lkjip::load::load(&fixture("ok-apbd"));
    let found = loaded.findings.sorted();
    assert!(!loaded.findings.has_errors(), "{found:?}");
    let m = loaded.model.as_ref().unwrap();
    let sub = |kode: &str| {
        m.programs
            .iter()
            .flat_map(|p| &p.kegiatan)
            .flat_map(|k| &k.sub_kegiatan)
            .find(|s| s.kode.to_string() == kode)
            .unwrap()
    };
    // 0003: 63.087.750 from DAU (a float 63087750.00000001, rounded to the
    // sen without a finding) and 63.087.750 from DAK = its pagu 126.175.500
    let s3 = sub("1.06.02.2.03.0003");
    let dana: Vec<(&str, Decimal)> = s3.sumber_dana.iter().map(|x| (x.nama.as_str(), x.pagu)).collect();
    assert_eq!(
        dana,
        [
            ("Dana Transfer Umum-Dana Alokasi Umum", d("63087750")),
            ("DAK Non Fisik-Bidang Sosial", d("63087750"))
        ]
    );
    assert_eq!(s3.pagu, d("126175500"));
    // 0001 over two rekening: 995.000 + 2.000.000 = its pagu 2.995.000
    assert_eq!(sub("1.06.01.2.01.0001").sumber_dana[0].pagu, d("2995000"));
    // the whole budget by sumber dana: DAU 995.000 + 2.000.000 + 1.000.000 +
    // 5.739.000 + 63.087.750 = 72.821.750 (0009 is no sub kegiatan of the
    // report, Dinas Pendidikan's 200.000.000 not Dinas Uji's), DAK 63.087.750
    let total: Vec<(&str, Decimal)> = m.hasil.sumber_dana.iter().map(|x| (x.nama.as_str(), x.pagu)).collect();
    assert_eq!(
        total,
        [
            ("Dana Transfer Umum-Dana Alokasi Umum", d("72821750")),
            ("DAK Non Fisik-Bidang Sosial", d("63087750"))
        ]
    );
    let at = |code: &str| -> Vec<String> {
        found
            .iter()
            .filter(|x| x.code == code)
            .map(|x| x.location.cell.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(at("apbd-pagu-differs"), ["U5"]);
    assert_eq!(at("apbd-row-unknown"), ["U10"]);
    assert!(at("apbd-row-missing").is_empty());
    assert!(!found.iter().any(|x| x.code == "amount-rounded"), "{found:?}");
    let differs = found.iter().find(|x| x.code == "apbd-pagu-differs").unwrap();
    assert!(
        differs
            .message
            .contains("Rp 1.000.000, menurut laporan realisasi Rp 2.000.000"),
        "{}",
        differs.message
    );
}

/// Buru's two Rekap downloads (`../shared/realworld/buru-sipd-ri/`, never
/// copied into the repo): 5 473 and 6 836 rows of every perangkat daerah,
/// the second with PAKET columns before PAGU. Dinas Sosial's rows are
/// taken, and their pagu and sub kegiatan are those the test sums from the
/// file itself with calamine (rows whose NAMA SKPD is Dinas Sosial and whose
/// PAGU is a number). A perangkat daerah the file lacks is refused.
#[test]
fn buru_s_rekap_downloads_are_read_for_one_dinas() {
    let dir = root().join("../shared/realworld/buru-sipd-ri");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    for file in ["rekap_apbd_murni.xlsx", "rekap_perubahan_3_pemaketan.xlsx"] {
        let path = dir.join(file);
        let mut wb = Workbook::from_bytes(std::fs::read(&path).unwrap(), "data/apbd.xlsx").unwrap();
        let mut f = Findings::default();
        let mut read = apbd::read(&mut wb, None, &mut f).unwrap_or_else(|| panic!("{file}: {:?}", f.sorted()));
        let mut other = read.clone();
        assert!(apbd::for_agency(&mut read, "Dinas Sosial", "Kabupaten Buru", &mut f));
        assert!(!f.has_errors(), "{file}: {:?}", f.sorted());
        // by another route: the sheet as calamine gives it
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        let range = book.worksheet_range("Sheet 1").unwrap();
        let mut rows = range.rows();
        let head: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
        let col = |name: &str| head.iter().position(|h| h == name).unwrap();
        let (c_skpd, c_kode, c_pagu) = (col("NAMA SKPD"), col("KODE SUB KEGIATAN"), col("PAGU"));
        let mut sum = 0.0f64;
        let mut codes = BTreeSet::new();
        for r in rows {
            if r[c_skpd] != "Dinas Sosial" {
                continue;
            }
            let pagu = match &r[c_pagu] {
                Data::Float(x) => *x,
                Data::Int(i) => *i as f64,
                _ => continue,
            };
            sum += pagu;
            codes.insert(r[c_kode].to_string());
        }
        let total: Decimal = read.baris.iter().map(|b| b.pagu).sum();
        assert_eq!(
            total,
            Decimal::from_str(&format!("{sum:.2}")).unwrap().normalize(),
            "{file}"
        );
        assert_eq!(read.per_sub_kegiatan().len(), codes.len(), "{file}");
        assert!(read.baris.iter().all(|b| b.skpd == "Dinas Sosial"));
        // the sumber dana of a sub kegiatan add up to its pagu
        for (key, (pagu, _)) in read.per_sub_kegiatan() {
            let by_dana: Decimal = read.sumber_dana(&key).iter().map(|(_, v)| *v).sum();
            assert_eq!(by_dana, pagu, "{file} {key}");
        }
        // a dinas the kabupaten's file does not hold: refused, nothing kept
        let mut g = Findings::default();
        assert!(!apbd::for_agency(&mut other, "Dinas Uji", "Kabupaten Buru", &mut g));
        assert!(other.baris.is_empty());
        let e = g.sorted().into_iter().find(|x| x.severity == Severity::Error).unwrap();
        assert_eq!(e.code, "apbd-agency-missing");
        assert!(e.message.contains("Dinas Sosial"), "{}", e.message);
    }
}
