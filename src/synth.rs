//! Synthetic report folders (`lkjip sintetis`), for benchmarks and tests:
//! deterministic for a seed, sized like real OPDs (8–15 programs, 50–150
//! sub kegiatan, with or without SPM), in the layouts of the official
//! exports that the importers read (the same as tests/fixtures). Figures
//! are random but consistent (printed totals and percentages match their
//! rows), so a folder builds without errors.

use crate::init::{InitError, write_atomic};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.range(0, xs.len() as u64 - 1) as usize]
    }
}

const BIDANG: &[&str] = &[
    "Pelayanan Sosial",
    "Pemberdayaan Masyarakat",
    "Perlindungan Anak",
    "Kesejahteraan Keluarga",
    "Penanganan Bencana",
    "Rehabilitasi Sosial",
    "Pengarusutamaan Gender",
    "Data dan Informasi",
    "Ketahanan Pangan",
    "Kepemudaan",
];
const KERJA: &[&str] = &[
    "Penyediaan",
    "Pengelolaan",
    "Fasilitasi",
    "Koordinasi",
    "Pembinaan",
    "Pengembangan",
    "Pelaksanaan",
    "Peningkatan",
];
const OBJEK: &[&str] = &[
    "Layanan Dasar",
    "Sarana dan Prasarana",
    "Data Terpadu",
    "Bantuan Sosial",
    "Kelembagaan Masyarakat",
    "Tenaga Pendamping",
    "Dokumen Perencanaan",
    "Sistem Informasi",
    "Jaringan Kemitraan",
];
const SATUAN: &[&str] = &["Dokumen", "Orang", "Laporan", "Lembaga", "Kegiatan", "Unit", "Keluarga"];

struct Sub {
    kode: String,
    nama: String,
    pagu: u64,
    realisasi: u64,
    indikator: String,
    target: u64,
    capaian: u64,
    satuan: &'static str,
}

struct Keg {
    kode: String,
    nama: String,
    subs: Vec<Sub>,
}

struct Prog {
    kode: String,
    kode_realisasi: String,
    nama: String,
    kegiatan: Vec<Keg>,
}

impl Keg {
    fn pagu(&self) -> u64 {
        self.subs.iter().map(|s| s.pagu).sum()
    }
}

impl Prog {
    fn pagu(&self) -> u64 {
        self.kegiatan.iter().map(Keg::pagu).sum()
    }
}

/// The program tree of folder `i`.
fn tree(rng: &mut Rng) -> Vec<Prog> {
    let n_prog = rng.range(8, 15) as usize;
    let n_sub = rng.range(50, 150) as usize;
    let n_keg = (n_prog + rng.range(0, n_prog as u64) as usize).min(n_sub);
    let mut progs: Vec<Prog> = (0..n_prog)
        .map(|p| {
            let kode = format!("1.06.{:02}", p + 1);
            let nama = if p == 0 {
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA".to_string()
            } else {
                format!("PROGRAM {}", BIDANG[p % BIDANG.len()].to_uppercase())
                    + if p >= BIDANG.len() { " LANJUTAN" } else { "" }
            };
            Prog {
                kode_realisasi: if p == 0 { "0.00.01".into() } else { kode.clone() },
                kode,
                nama,
                kegiatan: Vec::new(),
            }
        })
        .collect();
    for k in 0..n_keg {
        let p = &mut progs[k % n_prog];
        let kode = format!("{}.2.{:02}", p.kode, p.kegiatan.len() + 1);
        let nama = format!("{} {} {}", rng.pick(KERJA), rng.pick(OBJEK), BIDANG[k % BIDANG.len()]);
        p.kegiatan.push(Keg {
            kode,
            nama,
            subs: Vec::new(),
        });
    }
    let kegs: Vec<(usize, usize)> = progs
        .iter()
        .enumerate()
        .flat_map(|(p, pr)| (0..pr.kegiatan.len()).map(move |k| (p, k)))
        .collect();
    for s in 0..n_sub {
        let (p, k) = kegs[s % kegs.len()];
        let keg = &mut progs[p].kegiatan[k];
        let kode = format!("{}.{:04}", keg.kode, keg.subs.len() + 1);
        // pagu in thousands of rupiah; most sub kegiatan realize 80–100 %,
        // one in six 30–100 %
        let pagu = rng.range(2_000, 900_000) * 1_000;
        let persen = if rng.range(0, 5) == 0 {
            rng.range(30, 100)
        } else {
            rng.range(80, 100)
        };
        let realisasi = pagu * persen / 100 / 100 * 100;
        let satuan = SATUAN[rng.range(0, SATUAN.len() as u64 - 1) as usize];
        let target = rng.range(1, 40);
        let capaian = if rng.range(0, 9) == 0 {
            rng.range(target / 2, target)
        } else {
            target
        };
        let obj = rng.pick(OBJEK);
        keg.subs.push(Sub {
            kode,
            nama: format!("{} {} {} {}", rng.pick(KERJA), obj, BIDANG[s % BIDANG.len()], s + 1),
            pagu,
            realisasi,
            indikator: format!("Jumlah {obj} yang ditangani ({})", s + 1),
            target,
            capaian,
            satuan,
        });
    }
    progs
}

fn book() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(2025, 1, 13)?;
    wb.set_properties(
        &DocProperties::new()
            .set_author("lkjip sintetis")
            .set_creation_datetime(&date),
    );
    Ok(wb)
}

fn s(ws: &mut Worksheet, r: u32, c: u16, v: &str) -> Result<(), XlsxError> {
    if !v.is_empty() {
        ws.write_string(r, c, v)?;
    }
    Ok(())
}

fn realisasi_book(progs: &[Prog], tahun: i32, share: u64) -> Result<Vec<u8>, XlsxError> {
    let mut wb = book()?;
    let pct = Format::new().set_num_format("0.00%");
    let ws = wb.add_worksheet().set_name(format!("Realisasi Desember {tahun}"))?;
    s(ws, 0, 0, "LAPORAN REALISASI FISIK DAN KEUANGAN")?;
    s(ws, 1, 0, &format!("Bulan Desember Tahun {tahun}"))?;
    for (j, v) in [
        "Kode",
        "Program/Kegiatan/Sub Kegiatan",
        "ANGGARAN",
        "",
        "REALISASI",
        "",
        "Sisa Pagu",
    ]
    .iter()
    .enumerate()
    {
        s(ws, 3, j as u16, v)?;
    }
    for (j, v) in ["", "", "APBD", "APBD-P", "Rp", "%", "Rp"].iter().enumerate() {
        s(ws, 4, j as u16, v)?;
    }
    ws.merge_range(3, 2, 3, 3, "ANGGARAN", &Format::new())?;
    ws.merge_range(3, 4, 3, 5, "REALISASI", &Format::new())?;
    for j in 0..7u16 {
        ws.write_string(5, j, format!("({})", j + 1))?;
    }
    let scale = |x: u64| x * share / 100;
    let mut r = 6u32;
    let mut row = |ws: &mut Worksheet, kode: &str, nama: &str, pagu: u64, real: u64| -> Result<(), XlsxError> {
        ws.write_string(r, 0, kode)?;
        ws.write_string(r, 1, nama)?;
        ws.write_number(r, 2, pagu as f64)?;
        ws.write_number(r, 3, pagu as f64)?;
        ws.write_number(r, 4, real as f64)?;
        let p = if pagu == 0 { 0.0 } else { real as f64 / pagu as f64 };
        ws.write_number_with_format(r, 5, (p * 10_000.0).round() / 10_000.0, &pct)?;
        ws.write_number(r, 6, (pagu - real) as f64)?;
        r += 1;
        Ok(())
    };
    let (mut tp, mut tr) = (0, 0);
    for p in progs {
        let (pp, pr) = (
            p.kegiatan
                .iter()
                .flat_map(|k| &k.subs)
                .map(|x| scale(x.pagu))
                .sum::<u64>(),
            p.kegiatan
                .iter()
                .flat_map(|k| &k.subs)
                .map(|x| scale(x.realisasi))
                .sum::<u64>(),
        );
        row(ws, &p.kode_realisasi, &p.nama, pp, pr)?;
        tp += pp;
        tr += pr;
        for k in &p.kegiatan {
            let kx = format!("{}{}", p.kode_realisasi, &k.kode[p.kode.len()..]);
            let kp = k.subs.iter().map(|x| scale(x.pagu)).sum();
            let kr = k.subs.iter().map(|x| scale(x.realisasi)).sum();
            row(ws, &kx, &k.nama, kp, kr)?;
            for x in &k.subs {
                let sx = format!("{}{}", p.kode_realisasi, &x.kode[p.kode.len()..]);
                row(ws, &sx, &x.nama, scale(x.pagu), scale(x.realisasi))?;
            }
        }
    }
    ws.write_string(r, 1, "Total")?;
    ws.write_number(r, 3, tp as f64)?;
    ws.write_number(r, 4, tr as f64)?;
    wb.save_to_buffer()
}

fn renja_book(progs: &[Prog], tahun: i32) -> Result<Vec<u8>, XlsxError> {
    let mut wb = book()?;
    let ws = wb.add_worksheet().set_name("Renja")?;
    s(ws, 0, 0, "PERUBAHAN RENCANA KERJA PEMERINTAH DAERAH (RKPD)")?;
    let h1 = [
        "NO".to_string(),
        "KODE".into(),
        "URUSAN / BIDANG URUSAN / PROGRAM / KEGIATAN / SUB KEGIATAN".into(),
        "INDIKATOR".into(),
        format!("TARGET {tahun}"),
        String::new(),
        "PAGU INDIKATIF (Rp)".into(),
        String::new(),
        String::new(),
        "LOKASI".into(),
    ];
    let h2 = [
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        "SEBELUM".into(),
        "SESUDAH".into(),
        format!("RKPD {tahun}"),
        format!("APBD {tahun}"),
        format!("RKPD PERUBAHAN {tahun}"),
        String::new(),
    ];
    for j in 0..10u16 {
        s(ws, 2, j, &h1[j as usize])?;
        s(ws, 3, j, &h2[j as usize])?;
        ws.write_string(4, j, (j + 1).to_string())?;
    }
    ws.merge_range(2, 4, 2, 5, &h1[4], &Format::new())?;
    ws.merge_range(2, 6, 2, 8, &h1[6], &Format::new())?;
    let mut r = 5u32;
    let mut line = |ws: &mut Worksheet, cells: &[(u16, String)], money: Option<u64>| -> Result<(), XlsxError> {
        for (c, v) in cells {
            s(ws, r, *c, v)?;
        }
        if let Some(m) = money {
            for c in 6..9 {
                ws.write_number(r, c, m as f64)?;
            }
        }
        r += 1;
        Ok(())
    };
    let urusan = "URUSAN PEMERINTAHAN BIDANG SOSIAL".to_string();
    line(ws, &[(1, "1".into()), (2, urusan.clone())], None)?;
    line(ws, &[(1, "1.06".into()), (2, urusan)], None)?;
    for p in progs {
        line(
            ws,
            &[
                (1, p.kode.clone()),
                (2, p.nama.clone()),
                (3, "Persentase layanan yang terpenuhi".into()),
                (4, "100 %".into()),
                (5, "100 %".into()),
            ],
            Some(p.pagu()),
        )?;
        for k in &p.kegiatan {
            line(
                ws,
                &[
                    (1, k.kode.clone()),
                    (2, k.nama.clone()),
                    (3, "Dokumen hasil kegiatan".into()),
                    (4, "6 Dokumen".into()),
                    (5, "6 Dokumen".into()),
                ],
                Some(k.pagu()),
            )?;
            for x in &k.subs {
                line(ws, &[(1, x.kode.clone()), (2, x.nama.clone())], None)?;
                let t = format!("{} {}", x.target, x.satuan);
                line(
                    ws,
                    &[
                        (3, x.indikator.clone()),
                        (4, t.clone()),
                        (5, t),
                        (9, "Kab. Contoh".into()),
                    ],
                    Some(x.pagu),
                )?;
            }
        }
    }
    wb.save_to_buffer()
}

fn kinerja_book(progs: &[Prog], tahun: i32, rng: &mut Rng) -> Result<Vec<u8>, XlsxError> {
    let mut wb = book()?;
    let ws = wb.add_worksheet().set_name("Pengukuran")?;
    let head = [
        "Level",
        "Kode",
        "Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan",
        "Indikator Kinerja",
        "Jenis Target",
        "Target",
        "Arah",
        "Realisasi",
        "Sasaran",
    ];
    for (j, v) in head.iter().enumerate() {
        ws.write_string(0, j as u16, *v)?;
    }
    let s1 = format!("{},{:02} %", rng.range(85, 99), rng.range(0, 99));
    let r1 = format!("{},{:02} %", rng.range(80, 99), rng.range(0, 99));
    let mut rows: Vec<[String; 9]> = vec![
        [
            "Tujuan".into(),
            "T1".into(),
            "Meningkatnya kesejahteraan sosial masyarakat".into(),
            "Persentase penurunan PMKS".into(),
            "Kuantitatif".into(),
            "0,5".into(),
            "naik".into(),
            format!("0,{}", rng.range(3, 9)),
            String::new(),
        ],
        [
            "Sasaran".into(),
            "S1".into(),
            "Meningkatnya penanganan PMKS".into(),
            "Persentase PMKS tertangani".into(),
            "Kuantitatif".into(),
            s1.clone(),
            "naik".into(),
            r1,
            String::new(),
        ],
        [
            "Sasaran".into(),
            "S2".into(),
            "Meningkatnya kesetaraan gender".into(),
            "Level APE".into(),
            "Kualitatif".into(),
            "Pratama".into(),
            "tingkat:APE".into(),
            rng.pick(&["Pratama", "Madya"]).into(),
            String::new(),
        ],
    ];
    for (i, p) in progs.iter().enumerate() {
        rows.push([
            "Program".into(),
            p.kode.clone(),
            p.nama.clone(),
            "Persentase layanan yang terpenuhi".into(),
            "Kuantitatif".into(),
            "100 %".into(),
            String::new(),
            format!("{} %", rng.range(70, 100)),
            if i % 2 == 0 { "S1".into() } else { "S2".into() },
        ]);
        for k in &p.kegiatan {
            for x in &k.subs {
                rows.push([
                    "Sub Kegiatan".into(),
                    x.kode.clone(),
                    x.nama.clone(),
                    x.indikator.clone(),
                    "Kuantitatif".into(),
                    format!("{} {}", x.target, x.satuan),
                    String::new(),
                    format!("{} {}", x.capaian, x.satuan),
                    String::new(),
                ]);
            }
        }
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            s(ws, i as u32 + 1, j as u16, v)?;
        }
    }
    let ws = wb.add_worksheet().set_name("Renstra")?;
    let years: Vec<String> = (tahun..tahun + 3).map(|y| y.to_string()).collect();
    let mut head = vec!["Kode", "Tujuan", "Sasaran", "Indikator Kinerja", "Arah"];
    head.extend(years.iter().map(String::as_str));
    for (j, v) in head.iter().enumerate() {
        ws.write_string(0, j as u16, *v)?;
    }
    for (i, row) in [
        [
            "T1",
            "Meningkatnya kesejahteraan sosial masyarakat",
            "",
            "Persentase penurunan PMKS",
            "naik",
            "0,5",
            "0,5",
            "0,5",
        ],
        [
            "S1",
            "",
            "Meningkatnya penanganan PMKS",
            "Persentase PMKS tertangani",
            "naik",
            &s1,
            &s1,
            &s1,
        ],
        [
            "S2",
            "",
            "Meningkatnya kesetaraan gender",
            "Level APE",
            "tingkat:APE",
            "Pratama",
            "Pratama",
            "Madya",
        ],
    ]
    .iter()
    .enumerate()
    {
        for (j, v) in row.iter().enumerate() {
            s(ws, i as u32 + 1, j as u16, v)?;
        }
    }
    wb.save_to_buffer()
}

/// An e-SPM export with 2–5 services, each with recipients and 3–6 quality
/// items, printed percentages as the e-SPM application rounds them.
fn spm_book(tahun: i32, rng: &mut Rng) -> Result<Vec<u8>, XlsxError> {
    let mut wb = book()?;
    let ws = wb.add_worksheet().set_name("Pencapaian SPM")?;
    s(ws, 0, 0, "LAPORAN PENCAPAIAN PEMENUHAN SPM")?;
    s(ws, 1, 0, &format!("Urusan Sosial - Kabupaten Contoh - Tahun {tahun}"))?;
    let head = [
        "No",
        "Indikator Kinerja / Jenis Layanan SPM",
        "SATUAN",
        "Indikator Pencapaian / Output",
        "",
        "",
        "Total Pencapaian",
        "AKSI",
    ];
    for (j, v) in head.iter().enumerate() {
        s(ws, 3, j as u16, v)?;
        ws.write_string(4, j as u16, format!("({})", j + 1))?;
    }
    ws.merge_range(3, 3, 3, 5, head[3], &Format::new())?;
    let r2 = |x: f64| (x * 100.0).round() / 100.0;
    let p = |x: f64| format!("{:.2} %", x);
    let n = rng.range(2, 5) as usize;
    let mut r = 6u32;
    let mut indeks = Vec::new();
    let start = r;
    r += 1; // the index row, written last
    for j in 0..n {
        let row_jenis = r;
        let harus = rng.range(5, 60);
        let terlayani = harus - rng.range(0, harus / 5);
        let pen = r2(terlayani as f64 * 100.0 / harus as f64);
        let items: Vec<(u64, u64)> = (0..rng.range(3, 6))
            .map(|_| {
                let h = rng.range(1, 40);
                (h, h - rng.range(0, h / 4))
            })
            .collect();
        let mutu = r2(items
            .iter()
            .map(|(h, t)| r2(*t as f64 * 100.0 / *h as f64))
            .sum::<f64>()
            / items.len() as f64);
        let idx = r2(0.8 * pen + 0.2 * mutu);
        indeks.push(idx);
        ws.write_string(row_jenis, 0, format!("{}.", j + 1))?;
        ws.write_string(
            row_jenis,
            1,
            format!("Rehabilitasi Sosial Dasar Layanan {}", BIDANG[j % BIDANG.len()]),
        )?;
        ws.write_string(row_jenis, 6, p(idx))?;
        r += 1;
        ws.write_string(r, 1, "PERSENTASE PENCAPAIAN PENERIMA LAYANAN DASAR (80%)")?;
        ws.write_string(r, 3, "Jumlah Total Yang Harus Dilayani")?;
        ws.write_string(r, 4, "Jumlah Total Yang Terlayani")?;
        ws.write_string(r, 5, "Yang Belum Terlayani")?;
        ws.write_string(r, 6, p(r2(0.8 * pen)))?;
        r += 1;
        ws.write_string(r, 1, "A. JUMLAH YANG HARUS DILAYANI :")?;
        ws.write_string(r, 2, "Orang")?;
        ws.write_number(r, 3, harus as f64)?;
        ws.write_number(r, 4, terlayani as f64)?;
        ws.write_number(r, 5, (harus - terlayani) as f64)?;
        ws.write_string(r, 6, p(pen))?;
        r += 1;
        ws.write_string(r, 1, "PERSENTASE PENCAPAIAN MUTU MINIMAL LAYANAN DASAR (20%)")?;
        ws.write_string(r, 6, p(r2(0.2 * mutu)))?;
        r += 1;
        ws.write_string(r, 1, "B. Jumlah Mutu Barang / Jasa / SDM")?;
        ws.write_string(r, 3, "Jumlah Mutu Yang Harus Dilayani / Dipenuhi")?;
        ws.write_string(r, 4, "Jumlah Mutu Yang Terlayani / Terpenuhi")?;
        ws.write_string(r, 5, "Mutu Yang Belum Terlayani / Terpenuhi")?;
        ws.write_string(r, 6, p(mutu))?;
        r += 1;
        for (i, (h, t)) in items.iter().enumerate() {
            ws.write_string(
                r,
                1,
                format!("{} . Penyediaan {} bagi penerima layanan", i + 1, rng.pick(OBJEK)),
            )?;
            ws.write_string(r, 2, "Orang")?;
            ws.write_number(r, 3, *h as f64)?;
            ws.write_number(r, 4, *t as f64)?;
            ws.write_number(r, 5, (h - t) as f64)?;
            ws.write_string(r, 6, p(r2(*t as f64 * 100.0 / *h as f64)))?;
            r += 1;
        }
    }
    ws.write_string(start, 1, "KATEGORI INDEKS PENCAPAIAN SPM")?;
    ws.write_string(start, 6, p(r2(indeks.iter().sum::<f64>() / indeks.len() as f64)))?;
    wb.save_to_buffer()
}

fn config(i: usize, tahun: i32) -> String {
    format!(
        r#"# Folder sintetis {i} (lkjip sintetis): data acak yang konsisten.
[identitas]
nama_opd = "Dinas Sintetis {i:02}"
singkatan = "DS{i:02}"
kode = "sintetis-{i:02}"
pemerintah_daerah = "Kabupaten Contoh"
alamat = "Jl. Contoh No. {i}"
tahun = {tahun}

[kepala]
nama = "KEPALA DINAS SINTETIS {i:02}"
jabatan = "Kepala Dinas"
nip = "19700101199003100{d}"

[atasan]
nama = "BUPATI CONTOH"
jabatan = "Bupati Contoh"

[laporan]
tempat = "Kota Contoh"
tanggal = "{next}-03-04"

[perjanjian_kinerja]
tempat = "Kota Contoh"
tanggal = "{tahun}-01-31"
"#,
        d = i % 10,
        next = tahun + 1,
    )
}

const NARASI_SASARAN: &str = "Sasaran ini didukung oleh program-program dengan pagu seluruhnya Rp {{ ringkasan.pagu | rupiah }} dan realisasi Rp {{ ringkasan.realisasi | rupiah }}.\n\nFaktor pendukung adalah komitmen pimpinan dan ketersediaan anggaran; faktor penghambat adalah keterbatasan sumber daya manusia.\n";

/// Writes `jumlah` folders `opd-01`, `opd-02`, … under `out` for `benih`;
/// every second one has an e-SPM export.
pub fn generate(out: &Path, jumlah: usize, benih: u64) -> Result<Vec<PathBuf>, InitError> {
    let tahun = 2024;
    let mut dirs = Vec::new();
    for i in 1..=jumlah {
        let mut rng = Rng(benih.wrapping_mul(1_000_003).wrapping_add(i as u64));
        let dir = out.join(format!("opd-{i:02}"));
        let data = dir.join("data");
        let narasi = dir.join("narasi");
        for d in [&data, &narasi] {
            std::fs::create_dir_all(d).map_err(|source| InitError::Io {
                path: d.display().to_string(),
                source,
            })?;
        }
        let progs = tree(&mut rng);
        write_atomic(&dir.join(crate::config::CONFIG_FILE), config(i, tahun).as_bytes())?;
        write_atomic(&data.join("renja.xlsx"), &renja_book(&progs, tahun)?)?;
        write_atomic(&data.join("realisasi.xlsx"), &realisasi_book(&progs, tahun, 100)?)?;
        write_atomic(
            &data.join("realisasi-lalu.xlsx"),
            &realisasi_book(&progs, tahun - 1, 90)?,
        )?;
        write_atomic(&data.join("kinerja.xlsx"), &kinerja_book(&progs, tahun, &mut rng)?)?;
        if i % 2 == 1 {
            write_atomic(&data.join("spm.xlsx"), &spm_book(tahun, &mut rng)?)?;
        }
        for n in 1..=2 {
            write_atomic(&narasi.join(format!("sasaran-{n}.md")), NARASI_SASARAN.as_bytes())?;
        }
        // explain the first sub kegiatan under 80 %, as an officer would
        if let Some(x) = progs
            .iter()
            .flat_map(|p| &p.kegiatan)
            .flat_map(|k| &k.subs)
            .find(|x| x.realisasi * 100 < x.pagu * 80)
        {
            write_atomic(
                &narasi.join(format!("sub-{}.md", x.kode)),
                b"Realisasi di bawah ambang karena sebagian belanja bersifat antisipatif dan tidak terjadi.\n",
            )?;
        }
        dirs.push(dir);
    }
    Ok(dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_sized_like_real_opds_and_the_same_for_a_seed() {
        let mut rng = Rng(7);
        for _ in 0..20 {
            let t = tree(&mut rng);
            let subs: usize = t.iter().flat_map(|p| &p.kegiatan).map(|k| k.subs.len()).sum();
            assert!((8..=15).contains(&t.len()), "{} programs", t.len());
            assert!((50..=150).contains(&subs), "{subs} sub kegiatan");
            assert!(t.iter().all(|p| !p.kegiatan.is_empty()));
            assert!(t.iter().flat_map(|p| &p.kegiatan).all(|k| !k.subs.is_empty()));
        }
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        generate(a.path(), 2, 1).unwrap();
        generate(b.path(), 2, 1).unwrap();
        for f in [
            "opd-01/data/renja.xlsx",
            "opd-01/data/spm.xlsx",
            "opd-02/data/kinerja.xlsx",
        ] {
            assert_eq!(
                std::fs::read(a.path().join(f)).unwrap(),
                std::fs::read(b.path().join(f)).unwrap(),
                "{f}"
            );
        }
        assert!(!a.path().join("opd-02/data/spm.xlsx").exists());
    }
}
