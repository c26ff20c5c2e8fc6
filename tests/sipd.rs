//! What SIPD gives an office besides the Renja export: the "Rekap" of the
//! APBD (`data/apbd.xlsx`: the pagu per sub kegiatan summed from its rows,
//! sub kegiatan × sumber dana × rekening, the report's own perangkat daerah
//! taken from a kabupaten-wide file, checked against the realization
//! report, the sumber dana in the model and in 3.3), and the KUA-PPAS
//! ringkasan per perangkat daerah read as the Renja.

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

/// Buru's flat lists (`../shared/realworld/buru-sipd-ri/`): `PAGU OPD APBD
/// MURNI 2024.xlsx` holds five sheets; the one read is `SUMBER DANA PER
/// SUBKEGIATAN` (`Kode | Sub Kegiatan | Kode Sumber Dana | Sumber Dana |
/// Pagu Indikatif (Rp) | Nama OPD | … | Pagu Diberi (Rp)`), the code from
/// `Kode`, the name from `Sub Kegiatan`, the pagu from `Pagu Indikatif`
/// (`Pagu Diberi` is empty in every row). By another route: calamine's sum
/// of column E over the rows whose column F is Dinas Sosial — and it is the
/// Rekap download's own figure for the dinas (`rekap_apbd_murni.xlsx`,
/// read by the test above), code for code. The KUA-PPAS list
/// (`KUAPPAS-SUBKEGIATAN-25-10-2023.xlsx`: `Kode | Sub Kegiatan | Nilai |
/// … | Nama SKPD`) is read too, and refused: its `Nilai` is 0 in every row
/// (the test counts them), so it holds no pagu to compare.
#[test]
fn buru_s_flat_pagu_lists_are_read_or_refused_at_their_cells() {
    let dir = root().join("../shared/realworld/buru-sipd-ri");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let open = |file: &str| {
        let mut wb = Workbook::from_bytes(std::fs::read(dir.join(file)).unwrap(), "data/apbd.xlsx").unwrap();
        let mut f = Findings::default();
        let read = apbd::read(&mut wb, None, &mut f);
        (read, f)
    };
    let (read, mut f) = open("PAGU OPD APBD MURNI 2024.xlsx");
    let mut read = read.unwrap_or_else(|| panic!("{:?}", f.sorted()));
    assert!(apbd::for_agency(&mut read, "Dinas Sosial", "Kabupaten Buru", &mut f));
    assert!(apbd::has_pagu(&read, &mut f));
    assert!(!f.has_errors(), "{:?}", f.sorted());
    assert!(
        read.baris
            .iter()
            .all(|b| b.lokasi.to_string().contains("SUMBER DANA PER SUBKEGIATAN"))
    );
    let mut book: Xlsx<_> = open_workbook(dir.join("PAGU OPD APBD MURNI 2024.xlsx")).unwrap();
    let range = book.worksheet_range("SUMBER DANA PER SUBKEGIATAN").unwrap();
    let mut sum = 0i64;
    let mut codes = BTreeSet::new();
    for r in range.rows().skip(1).filter(|r| r[5] == "Dinas Sosial") {
        sum += match &r[4] {
            Data::Float(x) => *x as i64,
            Data::Int(i) => *i,
            other => panic!("pagu {other:?}"),
        };
        codes.insert(r[0].to_string());
        assert!(matches!(r[8], Data::Empty), "Pagu Diberi {:?}", r[8]);
    }
    let total: Decimal = read.baris.iter().map(|b| b.pagu).sum();
    assert_eq!(total, Decimal::from(sum));
    assert_eq!(
        total,
        Decimal::from(4_083_043_026i64),
        "the Rekap download's Dinas Sosial"
    );
    let keys: BTreeSet<String> = read.per_sub_kegiatan().into_keys().collect();
    assert_eq!(keys.len(), codes.len());
    let first = read
        .baris
        .iter()
        .find(|b| b.kode.to_string() == "1.06.02.2.01.0001")
        .unwrap();
    assert_eq!(first.nama, "Fasilitasi Pemberdayaan Sosial KAT");
    // the same sub kegiatan and pagu as the Rekap download
    let mut wb = Workbook::from_bytes(
        std::fs::read(dir.join("rekap_apbd_murni.xlsx")).unwrap(),
        "data/apbd.xlsx",
    )
    .unwrap();
    let mut g = Findings::default();
    let mut rekap = apbd::read(&mut wb, None, &mut g).unwrap();
    assert!(apbd::for_agency(&mut rekap, "Dinas Sosial", "Kabupaten Buru", &mut g));
    let rekap_pagu: Vec<(String, Decimal)> = rekap
        .per_sub_kegiatan()
        .into_iter()
        .filter(|(_, (p, _))| !p.is_zero())
        .map(|(k, (p, _))| (k, p))
        .collect();
    let flat_pagu: Vec<(String, Decimal)> = read
        .per_sub_kegiatan()
        .into_iter()
        .filter(|(_, (p, _))| !p.is_zero())
        .map(|(k, (p, _))| (k, p))
        .collect();
    assert_eq!(flat_pagu, rekap_pagu);

    // the KUA-PPAS list: read, the dinas found, refused for its zeros
    let (read, mut f) = open("KUAPPAS-SUBKEGIATAN-25-10-2023.xlsx");
    let mut read = read.unwrap_or_else(|| panic!("{:?}", f.sorted()));
    assert!(apbd::for_agency(&mut read, "Dinas Sosial", "Kabupaten Buru", &mut f));
    let mut book: Xlsx<_> = open_workbook(dir.join("KUAPPAS-SUBKEGIATAN-25-10-2023.xlsx")).unwrap();
    let range = book.worksheet_range("SUB KEGIATAN").unwrap();
    let rows: Vec<_> = range.rows().skip(1).filter(|r| r[4] == "Dinas Sosial").collect();
    assert!(
        rows.iter()
            .all(|r| matches!(r[2], Data::Int(0)) || r[2] == Data::Float(0.0))
    );
    assert_eq!(read.baris.len(), rows.len());
    assert!(!apbd::has_pagu(&read, &mut f));
    let e = f.sorted().into_iter().find(|x| x.severity == Severity::Error).unwrap();
    assert_eq!(e.code, "column-empty");
    // at the dinas's first row (the sheet starts at A1: row = index + 1)
    let first = range.rows().position(|r| r[4] == "Dinas Sosial").unwrap() + 1;
    assert!(
        e.location.to_string().ends_with(&format!("SUB KEGIATAN › C{first}")),
        "{}",
        e.location
    );
    assert!(e.message.contains(&format!("{} baris", rows.len())), "{}", e.message);
}

/// Two pagu columns that both hold amounts and differ are the officer's to
/// choose: refused at the first row they differ, naming both columns, until
/// `[kolom.apbd] pagu` names one.
#[test]
fn two_filled_pagu_columns_are_refused_until_one_is_named() {
    use rust_xlsxwriter::Workbook as XWorkbook;
    let mut book = XWorkbook::new();
    let ws = book.add_worksheet().set_name("Sheet1").unwrap();
    let head = [
        "Kode",
        "Sub Kegiatan",
        "Sumber Dana",
        "Pagu Indikatif (Rp)",
        "Nama OPD",
        "Pagu Diberi (Rp)",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    let rows = [("1.06.02.2.01.0001", 100.0, 100.0), ("1.06.02.2.01.0002", 250.0, 200.0)];
    for (i, (kode, indikatif, diberi)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write(r, 0, *kode).unwrap();
        ws.write(r, 1, "Sub kegiatan uji").unwrap();
        ws.write(r, 2, "DAU").unwrap();
        ws.write(r, 3, *indikatif).unwrap();
        ws.write(r, 4, "Dinas Sosial").unwrap();
        ws.write(r, 5, *diberi).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let mut wb = Workbook::from_bytes(bytes.clone(), "data/apbd.xlsx").unwrap();
    let mut f = Findings::default();
    assert!(apbd::read(&mut wb, None, &mut f).is_none());
    let e = f.sorted().into_iter().find(|x| x.severity == Severity::Error).unwrap();
    assert_eq!(e.code, "pagu-ambiguous");
    assert!(e.location.to_string().ends_with("Sheet1 › F3"), "{}", e.location);
    assert!(e.message.contains("D (\"PAGU INDIKATIF (RP)\")"), "{}", e.message);
    assert!(e.message.contains("[kolom.apbd] pagu"), "{}", e.message);
    // named: that column is read, and no error stands
    let mut wb = Workbook::from_bytes(bytes, "data/apbd.xlsx").unwrap();
    wb.tetap = vec![lkjip::config::KolomTetap {
        bidang: "pagu".into(),
        kolom: 5,
        huruf: "F".into(),
        lokasi: lkjip::finding::Location::file("lkjip.toml"),
    }];
    let mut f = Findings::default();
    let read = apbd::read(&mut wb, None, &mut f).unwrap();
    assert!(!f.has_errors(), "{:?}", f.sorted());
    let total: Decimal = read.baris.iter().map(|b| b.pagu).sum();
    assert_eq!(total, Decimal::from(100 + 200), "Pagu Diberi: 100 + 200");
}

/// `ok-renja-sipd` is ok-dasar whose Renja is the Renja Perangkat Daerah as
/// SIPD prints it (generate.py › write_renja_pd: 17 columns, the code over
/// five, Rencana Tahun 2024 | Prakiraan Maju 2025): the plan is ok-dasar's
/// code for code — pagu, every indicator and target — and the year ahead's
/// figures (pagu + 1.000.000, "95 %") are not read; lokasi and sumber dana
/// are the form's.
#[test]
fn the_renja_as_sipd_prints_it_gives_the_same_plan() {
    let from_sipd = lkjip::load::load(&fixture("ok-renja-sipd"));
    let from_renja = lkjip::load::load(&fixture("ok-dasar"));
    let found = from_sipd.findings.sorted();
    assert!(!from_sipd.findings.has_errors(), "{found:?}");
    let info = found
        .iter()
        .find(|x| x.code == "renja-perangkat-daerah")
        .expect("renja-perangkat-daerah");
    assert!(
        info.message.contains("Prakiraan Maju tidak dipakai"),
        "{}",
        info.message
    );
    let plan = |l: &lkjip::load::Loaded| -> Vec<(String, String, Option<Decimal>, Vec<String>)> {
        l.model
            .as_ref()
            .unwrap()
            .renja
            .iter()
            .map(|e| {
                (
                    e.kode.to_string(),
                    e.nama.clone(),
                    e.pagu_perubahan,
                    e.indikator
                        .iter()
                        .map(|i| format!("{} = {:?}", i.uraian, i.target.as_ref().map(|t| &t.teks)))
                        .collect(),
                )
            })
            .collect()
    };
    assert_eq!(plan(&from_sipd), plan(&from_renja));
    let m = from_sipd.model.as_ref().unwrap();
    let sub = m
        .renja
        .iter()
        .find(|e| e.kode.to_string() == "1.06.02.2.03.0002")
        .unwrap();
    assert_eq!(sub.lokasi_kegiatan, "Kab. Contoh");
    assert_eq!(sub.sumber_dana, "DAU");
    assert_eq!(m.ringkasan.pagu, from_renja.model.as_ref().unwrap().ringkasan.pagu);
}

/// `ok-renja-kua-ppas` is ok-dasar whose Renja is the KUA-PPAS ringkasan,
/// one sheet per perangkat daerah (generate.py › write_renja_kua): the
/// report's sheet (the third, its name cut at 30 characters) is read, the
/// other dinas' are not, and the plan is ok-dasar's Renja code for code —
/// pagu, indicators and targets — with the columns the form lacks empty.
#[test]
fn the_kua_ppas_ringkasan_is_read_as_the_renja_of_the_report_s_dinas() {
    let from_kua = lkjip::load::load(&fixture("ok-renja-kua-ppas"));
    let from_renja = lkjip::load::load(&fixture("ok-dasar"));
    let found = from_kua.findings.sorted();
    assert!(!from_kua.findings.has_errors(), "{found:?}");
    let chosen = found.iter().find(|x| x.code == "sheet-chosen").expect("sheet-chosen");
    assert_eq!(chosen.location.sheet.as_deref(), Some("Dinas Pemberdayaan Perempuan d"));
    assert!(found.iter().any(|x| x.code == "renja-kua-ppas"));
    let plan = |l: &lkjip::load::Loaded| -> Vec<(String, Option<Decimal>, Vec<String>)> {
        l.model
            .as_ref()
            .unwrap()
            .renja
            .iter()
            .map(|e| {
                (
                    e.kode.to_string(),
                    e.pagu_perubahan,
                    e.indikator
                        .iter()
                        .map(|i| format!("{:?}", i.target.as_ref().map(|t| &t.teks)))
                        .collect(),
                )
            })
            .collect()
    };
    let (a, b) = (plan(&from_kua), plan(&from_renja));
    // the kegiatan of ok-dasar print two indicators on two lines, the
    // ringkasan one ("… dan …") with the first target: compare the pagu of
    // every code, and the targets of the sub kegiatan and programs
    assert_eq!(
        a.iter().map(|x| (&x.0, x.1)).collect::<Vec<_>>(),
        b.iter().map(|x| (&x.0, x.1)).collect::<Vec<_>>()
    );
    for (x, y) in a.iter().zip(&b) {
        if x.0.split('.').count() != 5 {
            assert_eq!(x.2, y.2, "{}", x.0);
        }
    }
    assert!(
        from_kua
            .model
            .as_ref()
            .unwrap()
            .renja
            .iter()
            .all(|e| e.pagu_apbd.is_none() && e.pagu_rkpd.is_none())
    );
    // and the report's figures are ok-dasar's
    let (ma, mb) = (from_kua.model.as_ref().unwrap(), from_renja.model.as_ref().unwrap());
    assert_eq!(ma.ringkasan.pagu, mb.ringkasan.pagu);
    assert_eq!(
        ma.ringkasan.jumlah_sub_kegiatan_renja,
        mb.ringkasan.jumlah_sub_kegiatan_renja
    );
}

/// Buru's KUA-PPAS ringkasan (`PAGU PER DINAS PER URUSAN.xlsx`, 40+ sheets,
/// one per perangkat daerah): for Dinas Sosial its sheet is read, its
/// programs' pagu are those the test sums from the sheet with calamine
/// (6.111.518.253: urusan 1 3.149.939.933 + NON URUSAN 2.961.578.320, every
/// level of the sheet agrees), and the perangkat daerah's own printed total
/// (the row `1.06.0.00.0.00.01.0000 Dinas Sosial`: 6.266.518.253, 155.000.000
/// more) is kept as the printed total, which the Renja check compares with
/// the programs (`renja-total-mismatch`, compute::budget::check_renja) —
/// never taken as the pagu.
#[test]
fn buru_s_kua_ppas_ringkasan_gives_dinas_sosial_s_plan() {
    let path = root().join("../shared/realworld/buru-sipd-ri/PAGU PER DINAS PER URUSAN.xlsx");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let mut wb = Workbook::from_bytes(std::fs::read(&path).unwrap(), "data/renja.xlsx").unwrap();
    wb.agency = Some(("Dinas Sosial".into(), "Kabupaten Buru".into()));
    let mut f = Findings::default();
    let renja = lkjip::ingest::renja::read(&mut wb, None, &mut f).unwrap_or_else(|| panic!("{:?}", f.sorted()));
    assert!(!f.has_errors(), "{:?}", f.sorted());
    let chosen = f
        .sorted()
        .into_iter()
        .find(|x| x.code == "sheet-chosen")
        .expect("sheet-chosen");
    assert_eq!(chosen.location.sheet.as_deref(), Some("Dinas Sosial"));
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Dinas Sosial").unwrap();
    let mut printed = None;
    let mut programs = 0.0f64;
    let mut count = 0;
    for r in range.rows() {
        let kode = r[0].to_string();
        let pagu = match r.get(4) {
            Some(Data::Float(x)) => *x,
            Some(Data::Int(i)) => *i as f64,
            _ => continue,
        };
        if kode.ends_with("Dinas Sosial") {
            printed = Some(pagu);
        } else if kode.split('.').count() == 3 {
            programs += pagu;
        }
        if kode.split('.').count() == 6 {
            count += 1;
        }
    }
    let printed = printed.expect("the Dinas Sosial row");
    assert!(
        (printed - programs - 155_000_000.0).abs() < 0.01,
        "{programs} vs {printed}"
    );
    let read: Decimal = renja
        .entri
        .iter()
        .filter(|e| e.level == lkjip::model::Level::Program)
        .filter_map(|e| e.pagu_perubahan)
        .sum();
    assert_eq!(
        read.round_dp(2),
        Decimal::from_str(&format!("{programs:.2}")).unwrap().round_dp(2)
    );
    assert_eq!(
        renja.total_tercetak.as_ref().map(|(v, _)| v.round_dp(0)),
        Some(Decimal::from_str(&format!("{printed:.0}")).unwrap())
    );
    assert_eq!(
        renja
            .entri
            .iter()
            .filter(|e| e.level == lkjip::model::Level::SubKegiatan)
            .count(),
        count
    );
}

/// NTB's `format-import.xlsx` (`../shared/realworld/ntb-biro-ap/`): a cut-down
/// SIPD "rincian APBD per sub rincian objek" of one Dinas, code and name in
/// one cell (`1.01.01.1.01.01 Penyusunan Dokumen …`, the pre-2022 two-digit
/// sub kegiatan), `OPD` with its code, the pagu under `APBD`, and above the
/// header the file's own `=SUBTOTAL(9,N3:N14479)` — whose cached value the
/// rows read must make.
#[test]
fn ntb_s_rincian_apbd_is_read_as_a_rekap() {
    let path = root().join("../shared/realworld/ntb-biro-ap/format-import.xlsx");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let mut wb = Workbook::from_bytes(std::fs::read(&path).unwrap(), "data/apbd.xlsx").unwrap();
    let mut f = Findings::default();
    let mut read = apbd::read(&mut wb, None, &mut f).unwrap_or_else(|| panic!("{:?}", f.sorted()));
    assert!(apbd::for_agency(
        &mut read,
        "Dinas Pendidikan dan Kebudayaan",
        "Provinsi Nusa Tenggara Barat",
        &mut f
    ));
    assert!(!f.has_errors(), "{:?}", f.sorted());
    assert_eq!(read.skpd.as_deref(), Some("Dinas Pendidikan dan Kebudayaan"));
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Sheet1").unwrap();
    let subtotal = match range.get_value((0, 13)) {
        Some(Data::Float(x)) => *x,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("N1: {other:?}"),
    };
    let total: Decimal = read.baris.iter().map(|b| b.pagu).sum();
    assert_eq!(total, Decimal::from_str(&format!("{subtotal:.0}")).unwrap());
    assert_eq!(read.baris.len(), 3);
    let sub = &read.baris[0];
    // the pre-2022 two-digit sub kegiatan, padded as every code reader does
    assert_eq!(sub.kode.to_string(), "1.01.01.1.01.0001");
    assert_eq!(sub.kode.level(), lkjip::model::Level::SubKegiatan);
    assert_eq!(sub.nama, "Penyusunan Dokumen Perencanaan Perangkat Daerah");
}

/// The SIPD kamus of sub kegiatan (`../shared/realworld/sipd-kamus-
/// subkegiatan/`, 7 765 rows, code and name in one cell in each of BIDANG,
/// PROGRAM, KEGIATAN, SUBKEGIATAN and SUBKEGIATAN SEBELUMNYA): every cell is
/// split by the importers' own splitter into the code of its level and the
/// name after it, and each sub kegiatan's code is the child of its row's
/// kegiatan, the kegiatan of its program. By another route: the first word
/// of the cell as calamine gives it, and the count of Program Penunjang
/// rows (`X.XX.` prefix).
#[test]
fn every_code_and_name_of_the_sipd_kamus_is_split_at_its_level() {
    use lkjip::ingest::cell::split_code_name;
    use lkjip::model::Level;
    let path = root().join("../shared/realworld/sipd-kamus-subkegiatan/data subkegiatan.xlsx");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Worksheet").unwrap();
    let mut rows = range.rows();
    let head: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let levels = [
        (col("BIDANG"), Level::BidangUrusan),
        (col("PROGRAM"), Level::Program),
        (col("KEGIATAN"), Level::Kegiatan),
        (col("SUBKEGIATAN"), Level::SubKegiatan),
        (col("SUBKEGIATAN SEBELUMNYA"), Level::SubKegiatan),
    ];
    let (mut n, mut penunjang) = (0, 0);
    for r in rows {
        let mut codes = Vec::new();
        for (c, level) in levels {
            let text = r[c].to_string();
            if text.trim().is_empty() {
                continue;
            }
            let (kode, name) = split_code_name(&text).unwrap_or_else(|| panic!("{text}"));
            let first = text.split_whitespace().next().unwrap();
            assert_eq!(kode.to_string(), first, "{text}");
            assert_eq!(kode.level(), level, "{text}");
            assert_eq!(name, text[first.len()..].trim(), "{text}");
            codes.push(kode);
        }
        // bidang › program › kegiatan › sub kegiatan
        for pair in codes[..4].windows(2) {
            assert_eq!(pair[1].parent().as_ref(), Some(&pair[0]), "{:?}", codes);
        }
        n += 1;
        if r[col("SUBKEGIATAN")].to_string().starts_with("X.XX.") {
            penunjang += 1;
        }
    }
    assert_eq!(n, 7765);
    assert_eq!(penunjang, 226);
}

/// Deli Serdang's master list of sub kegiatan codes
/// (`../shared/realworld/deliserdang-evaluasi-renja/sakip_subkegiatanss.csv`:
/// `;`-separated, a BOM and an empty header line) is reference data, not an
/// input; every code in it is read by the importers' code parser as a sub
/// kegiatan with the numbers it prints (by another route: the second field
/// of each line, split at its dots), the older two-digit ones included.
#[test]
fn deli_serdang_s_code_list_parses_as_sub_kegiatan_codes() {
    use lkjip::ingest::cell::parse_kode_text;
    use lkjip::model::Level;
    let path = root().join("../shared/realworld/deliserdang-evaluasi-renja/sakip_subkegiatanss.csv");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut n, mut old, mut refused) = (0, 0, 0);
    // records split at newlines outside quotes (a name may hold a line
    // break inside its quotes), fields at `;`
    let mut records: Vec<Vec<String>> = vec![vec![String::new()]];
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' => quoted = !quoted,
            ';' if !quoted => records.last_mut().unwrap().push(String::new()),
            '\n' if !quoted => records.push(vec![String::new()]),
            c => records.last_mut().unwrap().last_mut().unwrap().push(c),
        }
    }
    for rec in records.iter().skip(1).filter(|r| r.len() > 1) {
        let line = rec.join(";");
        let code = rec[1].trim();
        // a code of no known shape (the list holds a few, such as
        // `2.09.00.01.2.02.00911`: seven parts) is refused, never guessed at
        let Some(kode) = parse_kode_text(code) else {
            let widths = [1, 2, 2, 1, 2, 4];
            let parts: Vec<&str> = code.split('.').collect();
            assert!(
                parts.len() != 6 || parts.iter().zip(widths).any(|(p, w)| p.len() > w),
                "{line}"
            );
            refused += 1;
            continue;
        };
        assert_eq!(kode.level(), Level::SubKegiatan, "{line}");
        // the same numbers, segment by segment: a two-digit sub kegiatan of
        // the older nomenclature (`1.01.01.2.01.01`) is widened to four
        let numbers = |s: &str| {
            s.split('.')
                .map(|p| match p.trim_start_matches('0') {
                    "" => "0".to_string(),
                    t => t.to_string(),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(&kode.to_string()), numbers(code), "{line}");
        if code.rsplit('.').next().unwrap().len() == 2 {
            old += 1;
        }
        n += 1;
    }
    assert!(n > 1000, "{n} codes");
    assert!(old > 0, "no two-digit code in the list");
    // 97 of 3 142 at this writing, each of a shape no nomenclature has
    assert!(refused * 20 < n, "{refused} of {n} refused");
}
