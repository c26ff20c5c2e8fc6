//! The content of the LKjIP as data for the Typst template: chapters of
//! items (narrative blocks, generated sentences, tables, charts, pictures),
//! every figure formatted here from the model. The template decides the
//! look; the order and wording of the formulaic parts live here.

use super::table::{Tabel, c, n, t};
use crate::compute::capaian::round2;
use crate::compute::{Rules, fmt_persen, fmt_rupiah};
use crate::finding::Findings;
use crate::ingest::cell::Target;
use crate::ingest::kinerja::{Arah, TabelTambahan, Tingkat};
use crate::model::{Dinilai, Indikator, IndikatorKinerja, KelompokSasaran, Program, ReportModel};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};

/// Narrative blocks by file stem (`1.1-tugas-dan-fungsi`, `sasaran-1`,
/// `program-1.06.02`).
pub type Narasi = BTreeMap<String, Vec<Value>>;

pub(crate) fn rp(d: Decimal) -> String {
    fmt_rupiah(d)
}

pub(crate) fn pct(d: Option<Decimal>) -> String {
    d.map(fmt_persen).unwrap_or_else(|| "-".to_string())
}

/// The indicators' descriptions in one cell, separated by "; ".
fn uraian(indikator: &[Indikator]) -> String {
    indikator
        .iter()
        .map(|i| i.uraian.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(super) fn dash(s: &str) -> String {
    if s.trim().is_empty() {
        "-".to_string()
    } else {
        s.to_string()
    }
}

/// A target or realization as the report prints it: numbers with the
/// Indonesian decimal comma, the unit kept.
pub(super) fn tampil(tg: &Target) -> String {
    match tg.nilai {
        Some(v) => {
            let num = if v.fract().is_zero() {
                rp(v)
            } else {
                v.normalize().to_string().replace('.', ",")
            };
            match &tg.satuan {
                Some(u) if u == "%" => format!("{num} %"),
                Some(u) => format!("{num} {u}"),
                None => num,
            }
        }
        None if tg.teks.is_empty() => "-".to_string(),
        None => tg.teks.clone(),
    }
}

pub(super) fn opt_tampil(tg: Option<&Target>) -> String {
    tg.map(tampil).unwrap_or_else(|| "-".to_string())
}

/// `2` → `dua`; used as "2 (dua) indikator".
pub fn terbilang(x: usize) -> String {
    const S: [&str; 12] = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
    ];
    match x {
        0..=11 => S[x].to_string(),
        12..=19 => format!("{} belas", S[x - 10]),
        20..=99 => {
            let (p, r) = (x / 10, x % 10);
            if r == 0 {
                format!("{} puluh", S[p])
            } else {
                format!("{} puluh {}", S[p], S[r])
            }
        }
        _ => x.to_string(),
    }
}

fn p(s: impl Into<String>) -> Value {
    json!({"t": "p", "teks": s.into()})
}

/// A generated list; `gaya` is the numbering: `-` (bullets), `(1)` or `a.`.
fn daftar(items: Vec<String>, gaya: &str) -> Value {
    json!({"t": "daftar", "items": items, "gaya": gaya})
}

fn h(level: u8, s: impl Into<String>) -> Value {
    json!({"t": "h", "level": level, "teks": s.into()})
}

/// Builds the document data.
pub struct Content<'a> {
    pub(super) m: &'a ReportModel,
    pub(super) rules: &'a Rules,
    narasi: &'a Narasi,
    /// Agency tables placed by a narrative, so the rest can be appended.
    placed: HashSet<String>,
    gambar: &'a HashSet<String>,
    /// F4 paper (215 × 330 mm) instead of A4.
    pub kertas_f4: bool,
    pub findings: Findings,
}

impl<'a> Content<'a> {
    pub fn new(m: &'a ReportModel, rules: &'a Rules, narasi: &'a Narasi, gambar: &'a HashSet<String>) -> Self {
        Content {
            m,
            rules,
            narasi,
            placed: HashSet::new(),
            gambar,
            kertas_f4: false,
            findings: Findings::new(),
        }
    }

    pub(super) fn tahun(&self) -> i32 {
        self.m.identitas.tahun
    }

    pub(super) fn opd(&self) -> String {
        format!("{} {}", self.m.identitas.nama_opd, self.m.identitas.pemerintah_daerah)
    }

    /// The items of a narrative file (empty when there is none): runs of
    /// blocks become one `narasi` item; `tabel(...)` and `gambar(...)`
    /// placements become table and picture items.
    fn narasi(&mut self, name: &str) -> Vec<Value> {
        let Some(blocks) = self.narasi.get(name) else {
            return Vec::new();
        };
        // the draft marks a section a finding concerns (review::draft)
        let kunci = format!("narasi:{name}");
        let mut items = Vec::new();
        let mut run: Vec<Value> = Vec::new();
        for b in blocks {
            match b["t"].as_str() {
                Some("tabel") => {
                    if !run.is_empty() {
                        items.push(json!({"t": "narasi", "blocks": std::mem::take(&mut run), "kunci": kunci}));
                    }
                    let nama = b["nama"].as_str().unwrap_or_default().to_string();
                    // an unknown name was reported by review::examine
                    if let Some(item) = self.agency_table(&nama) {
                        self.placed.insert(nama);
                        items.push(item);
                    }
                }
                Some("gambar") => {
                    if !run.is_empty() {
                        items.push(json!({"t": "narasi", "blocks": std::mem::take(&mut run), "kunci": kunci}));
                    }
                    let file = b["file"].as_str().unwrap_or_default();
                    if self.gambar.contains(file) {
                        items.push(json!({"t": "gambar", "file": file, "keterangan": b["keterangan"]}));
                    }
                }
                _ => run.push(b.clone()),
            }
        }
        if !run.is_empty() {
            items.push(json!({"t": "narasi", "blocks": run, "kunci": kunci}));
        }
        items
    }

    fn agency_table(&self, nama: &str) -> Option<Value> {
        let tb = self
            .m
            .tabel_tambahan
            .iter()
            .find(|x| x.nama.trim().eq_ignore_ascii_case(nama.trim()))?;
        Some(agency(tb))
    }

    /// The whole document.
    pub fn build(mut self) -> (Value, Findings) {
        let id = &self.m.identitas;
        let front = json!({
            "kata_pengantar": self.narasi("kata-pengantar"),
            "ringkasan": self.ringkasan(),
        });
        let bab = vec![
            json!({"judul": "PENDAHULUAN", "isi": self.bab1()}),
            json!({"judul": "PERENCANAAN KINERJA", "isi": self.bab2()}),
            json!({"judul": "AKUNTABILITAS KINERJA", "isi": self.bab3()}),
            json!({"judul": "PENUTUP", "isi": self.bab4()}),
        ];
        let mut bab = bab;
        number_figures(&mut bab);
        let lampiran = self.lampiran();
        let doc = json!({
            "identitas": {
                "nama_opd": id.nama_opd,
                "singkatan": id.singkatan,
                "pemerintah_daerah": id.pemerintah_daerah,
                "alamat": id.alamat,
                "tahun": id.tahun.to_string(),
                "tempat": id.tempat,
                "tanggal": id.tanggal_teks,
                "kepala": {
                    "nama": id.kepala.nama,
                    "jabatan": id.kepala.jabatan,
                    "pangkat": id.kepala.pangkat,
                    "nip": id.kepala.nip,
                },
                "atasan": id.atasan.as_ref().map(|a| json!({"nama": a.nama, "jabatan": a.jabatan})),
                "tempat_pk": id.tempat,
                "tanggal_pk": id.tanggal_perjanjian_kinerja.as_deref().and_then(crate::config::tanggal_indonesia).unwrap_or_else(|| id.tanggal_teks.clone()),
            },
            "logo": self.gambar.contains("logo.png").then_some("logo.png"),
            "kertas": if self.kertas_f4 { json!({"lebar": 215, "tinggi": 330}) } else { json!({"lebar": 210, "tinggi": 297}) },
            "depan": front,
            "bab": bab,
            "lampiran": lampiran,
        });
        (doc, self.findings)
    }

    fn ringkasan(&mut self) -> Vec<Value> {
        let mut items = self.narasi("ringkasan-eksekutif");
        if items.is_empty() {
            let r = &self.m.ringkasan;
            items.push(p(format!(
                "Pada tahun {} {} melaksanakan {} program, {} kegiatan dan {} sub kegiatan dengan pagu anggaran sebesar Rp. {},- dan realisasi anggaran Rp. {},- atau {} %.",
                self.tahun(),
                self.opd(),
                r.jumlah_program,
                r.jumlah_kegiatan,
                r.jumlah_sub_kegiatan,
                rp(r.pagu),
                rp(r.realisasi),
                pct(self.m.hasil.persen_realisasi)
            )));
        }
        items
    }

    // ------------------------------------------------------------------
    // BAB I
    // ------------------------------------------------------------------

    fn bab1(&mut self) -> Vec<Value> {
        let mut v = vec![h(2, "Tugas dan Fungsi")];
        v.extend(self.narasi("1.1-tugas-dan-fungsi"));
        v.push(h(2, "Struktur Organisasi"));
        v.extend(self.narasi("1.2-struktur-organisasi"));
        if !self.m.pegawai.is_empty() {
            let total: u32 = self
                .m
                .pegawai
                .iter()
                .map(|r| r.pns_l + r.pns_p + r.pppk_l + r.pppk_p + r.honorer_l + r.honorer_p)
                .sum();
            let asn: u32 = self
                .m
                .pegawai
                .iter()
                .map(|r| r.pns_l + r.pns_p + r.pppk_l + r.pppk_p)
                .sum();
            v.push(p(format!(
                "Jumlah pegawai pada Tahun {} sebanyak {} orang terdiri dari {} orang ASN (PNS dan PPPK) dan {} orang tenaga honorer.",
                self.tahun(),
                total,
                asn,
                total - asn
            )));
            v.push(self.tabel_pegawai());
        }
        v.push(h(2, "Aspek Strategis Organisasi"));
        v.extend(self.narasi("1.3-aspek-strategis"));
        v.push(h(2, "Sistematika Laporan"));
        v.extend(self.narasi("1.4-sistematika"));
        v
    }

    fn tabel_pegawai(&self) -> Value {
        let mut tb = Tabel::new(
            format!(
                "Jumlah Pegawai menurut Jenis Pendidikan per 31 Desember {}",
                self.tahun()
            ),
            &[0.5, 4.0, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.8],
        )
        .head(vec![
            t("No").rows(3),
            t("Jenis Pendidikan").rows(3),
            t("Status Pegawai").span(6),
            t("Jumlah").span(2).rows(2),
        ])
        .head(vec![t("PNS").span(2), t("PPPK").span(2), t("Honorer").span(2)])
        .labels(&["L", "P", "L", "P", "L", "P", "L", "P"]);
        let mut groups: Vec<&str> = Vec::new();
        for r in &self.m.pegawai {
            if !groups.contains(&r.kelompok.as_str()) {
                groups.push(&r.kelompok);
            }
        }
        let mut grand = [0u32; 8];
        for (gi, g) in groups.iter().enumerate() {
            if !g.is_empty() {
                tb.row(vec![c(roman(gi + 1)).bold(), t(*g).bold().span(9)]);
            }
            let mut sub = [0u32; 8];
            for r in self.m.pegawai.iter().filter(|r| r.kelompok == *g) {
                let v = [
                    r.pns_l,
                    r.pns_p,
                    r.pppk_l,
                    r.pppk_p,
                    r.honorer_l,
                    r.honorer_p,
                    r.pns_l + r.pppk_l + r.honorer_l,
                    r.pns_p + r.pppk_p + r.honorer_p,
                ];
                for i in 0..8 {
                    sub[i] += v[i];
                }
                let mut row = vec![c(&r.no), t(&r.jenis_pendidikan)];
                row.extend(v.iter().map(|x| c(x.to_string())));
                tb.row(row);
            }
            let mut row = vec![t("Jumlah").bold().span(2)];
            row.extend(sub.iter().map(|x| c(x.to_string()).bold()));
            tb.row(row);
            for i in 0..8 {
                grand[i] += sub[i];
            }
        }
        let mut row = vec![t("JUMLAH TOTAL").bold().span(2)];
        row.extend(grand.iter().map(|x| c(x.to_string()).bold()));
        tb.row(row);
        tb.small().item()
    }

    // ------------------------------------------------------------------
    // BAB II
    // ------------------------------------------------------------------

    fn bab2(&mut self) -> Vec<Value> {
        let tahun = self.tahun();
        let years: Vec<i32> = self.renstra_years();
        let periode = match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!("{a} - {b}"),
            _ => tahun.to_string(),
        };
        let mut v = vec![h(2, format!("Target Kinerja Tahun {periode}"))];
        v.extend(self.narasi("2.1-target-kinerja"));
        if !self.m.strategi.is_empty() {
            let mut tb = Tabel::new(
                format!(
                    "Tujuan, Sasaran, Strategi, dan Kebijakan {} Tahun {periode}",
                    self.opd()
                ),
                &[2.0, 2.0, 3.0, 3.0],
            )
            .labels(&["Tujuan", "Sasaran", "Strategi", "Arah Kebijakan"]);
            for s in &self.m.strategi {
                tb.row(vec![t(&s.tujuan), t(&s.sasaran), t(&s.strategi), t(&s.arah_kebijakan)]);
            }
            v.push(tb.item());
        }
        v.push(p(format!(
            "Program, kegiatan dan sub kegiatan yang dilaksanakan untuk mendukung pencapaian sasaran tahun {tahun} terdiri dari {} program, {} kegiatan dan {} sub kegiatan yang dijabarkan dalam tabel berikut.",
            self.m.ringkasan.jumlah_program, self.m.ringkasan.jumlah_kegiatan, self.m.ringkasan.jumlah_sub_kegiatan
        )));
        v.push(self.tabel_program_sasaran());
        if !self.m.renstra.is_empty() {
            let mut labels = vec!["No", "Tujuan", "Sasaran", "Indikator Kinerja", "Rumusan"];
            let ys: Vec<String> = years.iter().map(|y| y.to_string()).collect();
            labels.extend(ys.iter().map(String::as_str));
            let mut widths = vec![0.4, 2.0, 2.0, 2.0, 2.5];
            widths.extend(years.iter().map(|_| 0.8));
            let mut tb = Tabel::new(
                format!("Indikator Kinerja Utama {} Tahun {periode}", self.opd()),
                &widths,
            )
            .labels(&labels);
            for (i, r) in self.m.renstra.iter().enumerate() {
                let mut row = vec![
                    c(format!("{}.", i + 1)),
                    t(&r.tujuan),
                    t(&r.sasaran),
                    t(&r.indikator),
                    t(&r.rumus),
                ];
                row.extend(years.iter().map(|y| c(opt_tampil(r.target.get(y)))));
                tb.row(row);
            }
            v.push(tb.item());
        }
        v.push(h(2, format!("Perjanjian Kinerja Tahun {tahun}")));
        v.extend(self.narasi("2.2-perjanjian-kinerja"));
        v.push(self.tabel_pk(format!("Uraian Perjanjian Kinerja Tahun {tahun}")));
        let mut tb = Tabel::new("Anggaran per Tujuan/Sasaran Strategis", &[0.4, 5.0, 2.0, 2.0]).labels(&[
            "No",
            "Tujuan/Sasaran Strategis",
            &format!("Pagu {} (Rp)", tahun - 1),
            &format!("Pagu {tahun} (Rp)"),
        ]);
        let (mut a, mut b) = (Decimal::ZERO, Decimal::ZERO);
        for (i, g) in self.m.hasil.tujuan_sasaran.iter().enumerate() {
            let lalu = g.anggaran_lalu.as_ref().map(|x| x.pagu);
            a += lalu.unwrap_or_default();
            b += g.anggaran.pagu;
            tb.row(vec![
                c(format!("{}", i + 1)),
                t(self.group_title(g)),
                n(lalu.map(rp).unwrap_or("-".into())),
                n(rp(g.anggaran.pagu)),
            ]);
        }
        tb.row(vec![t("JUMLAH").bold().span(2), n(rp(a)).bold(), n(rp(b)).bold()]);
        v.push(tb.item());
        v
    }

    fn renstra_years(&self) -> Vec<i32> {
        let mut ys: Vec<i32> = self.m.renstra.iter().flat_map(|r| r.target.keys().copied()).collect();
        ys.sort();
        ys.dedup();
        ys
    }

    fn group_title(&self, g: &KelompokSasaran) -> String {
        g.kode
            .iter()
            .filter_map(|k| self.m.perjanjian_kinerja.iter().find(|p| &p.kode == k))
            .map(|p| {
                format!(
                    "{}: {}",
                    if p.tingkat == Tingkat::Tujuan {
                        "Tujuan"
                    } else {
                        "Sasaran"
                    },
                    p.uraian
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub(super) fn tabel_pk(&self, judul: String) -> Value {
        let mut tb = Tabel::new(judul, &[0.6, 4.0, 3.5, 1.2]).labels(&[
            "No",
            "Tujuan/Sasaran Strategis",
            "Indikator Kinerja",
            "Target",
        ]);
        for (i, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            let kind = if pk.tingkat == Tingkat::Tujuan {
                "Tujuan"
            } else {
                "Sasaran Strategis"
            };
            tb.row(vec![
                c(format!("{}.", i + 1)),
                t(format!("{kind}: {}", pk.uraian)),
                t(&pk.indikator.uraian),
                c(tampil(&pk.indikator.target)),
            ]);
        }
        tb.item()
    }

    fn tabel_program_sasaran(&self) -> Value {
        let mut tb = Tabel::new(
            format!("Program dan Kegiatan {} untuk Pencapaian Sasaran", self.tahun()),
            &[0.4, 2.2, 2.5, 3.2, 3.2],
        )
        .labels(&[
            "No",
            "Sasaran",
            "Program",
            "Kegiatan / Sub Kegiatan",
            "Indikator Kegiatan / Sub Kegiatan",
        ])
        .small();
        for (i, pr) in self.m.programs.iter().enumerate() {
            let sasaran = pr
                .sasaran
                .as_ref()
                .and_then(|s| self.m.perjanjian_kinerja.iter().find(|p| &p.kode == s))
                .map(|p| p.uraian.clone())
                .unwrap_or_else(|| "-".into());
            let ind = uraian(&pr.indikator);
            tb.row(vec![
                c(format!("{}.", i + 1)),
                t(sasaran),
                t(format!("{}\n({})", pr.nama, dash(&ind))),
                t(""),
                t(""),
            ]);
            for k in &pr.kegiatan {
                let ik = uraian(&k.indikator);
                tb.row(vec![
                    t(""),
                    t(""),
                    t(""),
                    t(format!("Kegiatan {}", k.nama)).bold(),
                    t(dash(&ik)),
                ]);
                for (j, s) in k.sub_kegiatan.iter().enumerate() {
                    let is = uraian(&s.indikator);
                    tb.row(vec![
                        t(""),
                        t(""),
                        t(""),
                        t(format!("{}. {}", j + 1, s.nama)),
                        t(dash(&is)),
                    ]);
                }
            }
        }
        tb.item()
    }

    // ------------------------------------------------------------------
    // BAB III
    // ------------------------------------------------------------------

    fn bab3(&mut self) -> Vec<Value> {
        let tahun = self.tahun();
        let mut v = self.narasi("3.0-akuntabilitas-kinerja");
        v.push(self.tabel_predikat());
        v.push(self.tabel_kategori());
        v.push(h(2, format!("Capaian Kinerja Tahun {tahun}")));
        v.extend(self.narasi("3.1-capaian-kinerja"));
        v.push(self.tabel_capaian_iku());
        if let Some(tb) = self.tabel_riwayat_iku() {
            v.push(tb);
        }
        v.extend(self.klasifikasi());
        v.push(self.tabel_pk(format!("Tujuan/Sasaran Strategis dan Indikator Kinerja {}", self.opd())));
        v.push(self.tabel_jumlah_indikator());
        v.push(self.tabel_capaian_kelompok());
        v.push(self.tabel_kategori_kelompok());
        v.push(self.tabel_analisis_program());
        let groups = self.m.hasil.tujuan_sasaran.clone();
        for g in &groups {
            v.extend(self.analisis_kelompok(g));
        }
        if let Some(spm) = self.tabel_spm() {
            v.push(h(3, "Standar Pelayanan Minimal"));
            v.push(p(format!(
                "Indeks pencapaian Standar Pelayanan Minimal (SPM) tahun {tahun} adalah {} % yang dihitung dari {} jenis layanan, masing-masing 80 % dari persentase penerima layanan dasar dan 20 % dari persentase mutu layanan.",
                pct(self.m.hasil.indeks_spm),
                self.m.spm.as_ref().map(|s| s.jenis_layanan.len()).unwrap_or(0)
            )));
            v.push(spm);
        }
        v.push(h(2, format!("Kinerja Lainnya Tahun {tahun}")));
        v.extend(self.narasi("3.2-kinerja-lainnya"));
        let rest: Vec<TabelTambahan> = self
            .m
            .tabel_tambahan
            .iter()
            .filter(|x| !self.placed.contains(&x.nama))
            .cloned()
            .collect();
        for tb in &rest {
            v.push(agency(tb));
        }
        v.push(h(2, "Akuntabilitas Keuangan"));
        v.extend(self.keuangan());
        v
    }

    fn tabel_predikat(&self) -> Value {
        let pr = &self.rules.predikat;
        let mut tb = Tabel::new("Predikat Capaian Kinerja", &[2.0, 3.0]).labels(&["Persentase", "Predikat"]);
        tb.row(vec![c("< 100"), t(&pr.di_bawah)]);
        tb.row(vec![c("= 100"), t(&pr.sama)]);
        tb.row(vec![c("> 100"), t(&pr.di_atas)]);
        tb.item()
    }

    fn tabel_kategori(&self) -> Value {
        let mut tb = Tabel::new("Kategori Capaian Kinerja", &[0.5, 2.5, 2.0]).labels(&["No", "Kategori", "Capaian"]);
        let steps = self.rules.kategori.steps();
        for (i, (min, label)) in steps.iter().enumerate() {
            let range = match (min, i.checked_sub(1).and_then(|j| steps[j].0)) {
                (Some(lo), None) => format!("≥ {}", fmt_num(*lo)),
                (Some(lo), Some(hi)) => format!("{} – < {}", fmt_num(*lo), fmt_num(hi)),
                (None, Some(hi)) => format!("< {}", fmt_num(hi)),
                (None, None) => "semua".to_string(),
            };
            tb.row(vec![c(format!("{}", i + 1)), t(label), c(range)]);
        }
        tb.item()
    }

    fn tabel_capaian_iku(&self) -> Value {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let mut tb = Tabel::new(
            format!("Capaian Indikator Kinerja {} Tahun {tahun}", self.opd()),
            &[0.5, 3.0, 3.0, 1.0, 1.0, 1.0, 1.2, 1.0, 1.0, 1.0, 1.2],
        )
        .head(vec![
            t("No").rows(2),
            t("Tujuan/Sasaran Strategis").rows(2),
            t("Indikator Kinerja").rows(2),
            t(lalu.to_string()).span(4),
            t(tahun.to_string()).span(4),
        ])
        .labels(&[
            "Target",
            "Realisasi",
            "% Capaian",
            "Kategori",
            "Target",
            "Realisasi",
            "% Capaian",
            "Kategori",
        ])
        .small();
        for (i, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            let ind = &pk.indikator;
            let prev = ind.riwayat.iter().find(|r| r.tahun == lalu);
            let negatif = if ind.arah == Arah::Turun {
                " (indikator negatif)"
            } else {
                ""
            };
            tb.keyed(
                format!("pk:{}", pk.kode),
                vec![
                    c(format!("{}.", i + 1)),
                    t(format!(
                        "{}: {}",
                        if pk.tingkat == Tingkat::Tujuan {
                            "Tujuan"
                        } else {
                            "Sasaran"
                        },
                        pk.uraian
                    )),
                    t(&ind.uraian),
                    c(opt_tampil(prev.and_then(|r| r.target.as_ref()))),
                    c(opt_tampil(prev.and_then(|r| r.realisasi.as_ref()))),
                    c(pct(prev.and_then(|r| r.capaian))),
                    c(prev
                        .and_then(|r| r.capaian)
                        .map(|x| self.rules.kategori.label(round2(x)).to_string())
                        .unwrap_or("-".into())),
                    c(tampil(&ind.target)),
                    c(tampil(&ind.realisasi)),
                    c(pct(ind.capaian)),
                    c(format!("{}{negatif}", ind.kategori.clone().unwrap_or("-".into()))),
                ],
            );
        }
        tb.item()
    }

    fn tabel_riwayat_iku(&self) -> Option<Value> {
        let mut years: Vec<i32> = self
            .m
            .perjanjian_kinerja
            .iter()
            .flat_map(|p| p.indikator.riwayat.iter().map(|r| r.tahun))
            .filter(|y| *y < self.tahun())
            .collect();
        years.push(self.tahun());
        years.sort();
        years.dedup();
        if years.len() < 2 {
            return None;
        }
        let data_awal = years.first().copied().filter(|y| {
            self.m.perjanjian_kinerja.iter().all(|p| {
                p.indikator
                    .riwayat
                    .iter()
                    .filter(|r| r.tahun == *y)
                    .all(|r| r.target.is_none())
            })
        });
        let ys: Vec<i32> = years.iter().copied().filter(|y| Some(*y) != data_awal).collect();
        let k = ys.len() as u32;
        let mut widths = vec![2.5, 2.5];
        if data_awal.is_some() {
            widths.push(0.8);
        }
        widths.extend(std::iter::repeat_n(0.8, ys.len() * 3));
        let mut head1 = vec![t("Tujuan/Sasaran Strategis").rows(2), t("Indikator Kinerja").rows(2)];
        if data_awal.is_some() {
            head1.push(t("Data Awal").rows(1));
        }
        head1.extend([t("Target").span(k), t("Realisasi").span(k), t("% Capaian").span(k)]);
        let mut head2: Vec<_> = data_awal.map(|y| vec![t(y.to_string())]).unwrap_or_default();
        for _ in 0..3 {
            head2.extend(ys.iter().map(|y| t(y.to_string())));
        }
        let mut tb = Tabel::new(
            format!(
                "Realisasi dan Capaian Kinerja {} Tahun {}-{}",
                self.opd(),
                years[0],
                self.tahun()
            ),
            &widths,
        )
        .head(head1)
        .head(head2)
        .small();
        for pk in &self.m.perjanjian_kinerja {
            let ind = &pk.indikator;
            let at = |y: i32| -> (String, String, String) {
                if y == self.tahun() {
                    return (tampil(&ind.target), tampil(&ind.realisasi), pct(ind.capaian));
                }
                match ind.riwayat.iter().find(|r| r.tahun == y) {
                    Some(r) => (
                        opt_tampil(r.target.as_ref()),
                        opt_tampil(r.realisasi.as_ref()),
                        pct(r.capaian),
                    ),
                    None => ("-".into(), "-".into(), "-".into()),
                }
            };
            let mut row = vec![t(format!("{}: {}", pk.kode, pk.uraian)), t(&ind.uraian)];
            if let Some(y) = data_awal {
                row.push(c(at(y).1));
            }
            let cells: Vec<(String, String, String)> = ys.iter().map(|y| at(*y)).collect();
            row.extend(cells.iter().map(|x| c(x.0.clone())));
            row.extend(cells.iter().map(|x| c(x.1.clone())));
            row.extend(cells.iter().map(|x| c(x.2.clone())));
            tb.row(row);
        }
        Some(tb.item())
    }

    /// Tabel 3.5 and 3.6 with the generated lists around them.
    fn klasifikasi(&self) -> Vec<Value> {
        let h_ = &self.m.hasil;
        let mut v = Vec::new();
        let mut tb = Tabel::new(
            format!(
                "Capaian Indikator Kinerja {} Tahun {} Berdasarkan Persentase",
                self.opd(),
                self.tahun()
            ),
            &[1.5, 3.0, 2.0],
        )
        .labels(&["Persentase", "Predikat", "Jumlah Indikator"]);
        for (sym, x) in ["< 100", "= 100", "> 100"].iter().zip(&h_.predikat) {
            tb.row(vec![c(*sym), t(&x.label), c(x.jumlah.to_string())]);
        }
        v.push(tb.item());
        let lists = [
            (&h_.indikator_di_bawah_target, "tidak/belum memenuhi target kinerja"),
            (&h_.indikator_sesuai_target, "tercapai/sesuai target"),
            (&h_.indikator_di_atas_target, "melebihi target"),
        ];
        for (list, what) in lists {
            if list.is_empty() {
                continue;
            }
            v.push(p(format!(
                "Terdapat {} ({}) indikator kinerja yang {what} yaitu:",
                list.len(),
                terbilang(list.len())
            )));
            let items = list
                .iter()
                .map(|r| {
                    let pk = self.m.perjanjian_kinerja.iter().find(|p| p.kode == r.kode);
                    let (tg, re) = pk
                        .map(|p| (tampil(&p.indikator.target), tampil(&p.indikator.realisasi)))
                        .unwrap_or_default();
                    format!(
                        "Indikator {} dengan realisasi {re} dari target {tg} (capaian {} %).",
                        r.uraian,
                        fmt_persen(r.capaian)
                    )
                })
                .collect();
            v.push(daftar(items, "-"));
        }
        let mut tb = Tabel::new(
            format!(
                "Capaian Indikator Kinerja {} Tahun {} Berdasarkan Kategori",
                self.opd(),
                self.tahun()
            ),
            &[0.5, 2.5, 2.0, 2.0],
        )
        .labels(&["No", "Kategori", "Capaian", "Jumlah Indikator"]);
        let steps = self.rules.kategori.steps();
        for (i, x) in h_.kategori.iter().enumerate() {
            let range = steps
                .get(i)
                .and_then(|s| s.0)
                .map(|m| format!("≥ {}", fmt_num(m)))
                .unwrap_or_else(|| "lainnya".into());
            tb.row(vec![
                c(format!("{}", i + 1)),
                t(&x.label),
                c(range),
                c(x.jumlah.to_string()),
            ]);
        }
        v.push(tb.item());
        let parts: Vec<String> = h_
            .kategori
            .iter()
            .filter(|x| x.jumlah > 0)
            .map(|x| {
                format!(
                    "{} ({}) indikator pada kategori \"{}\"",
                    x.jumlah,
                    terbilang(x.jumlah),
                    x.label
                )
            })
            .collect();
        if !parts.is_empty() {
            v.push(p(format!(
                "Dari {} indikator kinerja yang diukur, terdapat {}.",
                h_.jumlah_indikator_kinerja,
                parts.join(", ")
            )));
        }
        v
    }

    fn tabel_jumlah_indikator(&self) -> Value {
        let mut tb = Tabel::new(
            format!("Tujuan/Sasaran Strategis dan Jumlah Indikator {}", self.opd()),
            &[1.0, 5.0, 1.5],
        )
        .labels(&["Tujuan/Sasaran", "Uraian", "Jumlah Indikator"]);
        for g in &self.m.hasil.tujuan_sasaran {
            tb.row(vec![
                c(g.nomor.to_string()),
                t(self.group_title(g)),
                c(format!("{} indikator", g.jumlah_indikator)),
            ]);
        }
        tb.item()
    }

    fn tabel_capaian_kelompok(&self) -> Value {
        let mut tb = Tabel::new(
            format!("Capaian Kinerja Tujuan/Sasaran {} Tahun {}", self.opd(), self.tahun()),
            &[0.5, 2.5, 1.2, 1.5, 2.5],
        )
        .labels(&["No", "Tujuan/Sasaran", "Jumlah Indikator", "Capaian %", "Predikat"]);
        let mut i = 0;
        for pk in &self.m.perjanjian_kinerja {
            i += 1;
            let ind = &pk.indikator;
            tb.row(vec![
                c(i.to_string()),
                t(format!(
                    "{} {}",
                    if pk.tingkat == Tingkat::Tujuan {
                        "Tujuan Strategis"
                    } else {
                        "Sasaran Strategis"
                    },
                    pk.kode.chars().filter(char::is_ascii_digit).collect::<String>()
                )),
                c("1"),
                c(pct(ind.capaian)),
                t(ind.predikat.clone().unwrap_or("-".into())),
            ]);
        }
        tb.item()
    }

    fn tabel_kategori_kelompok(&self) -> Value {
        let labels: Vec<String> = self.rules.kategori.labels().map(str::to_string).collect();
        let mut widths = vec![0.5, 2.5, 1.0, 1.2];
        widths.extend(labels.iter().map(|_| 1.0));
        let mut head = vec!["No", "Tujuan/Sasaran", "Jumlah Indikator", "Capaian"];
        head.extend(labels.iter().map(String::as_str));
        let mut tb = Tabel::new(
            format!(
                "Kategori Capaian Kinerja Tujuan/Sasaran {} Tahun {}",
                self.opd(),
                self.tahun()
            ),
            &widths,
        )
        .labels(&head);
        for (i, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            let ind = &pk.indikator;
            let mut row = vec![
                c((i + 1).to_string()),
                t(format!(
                    "{} {}",
                    if pk.tingkat == Tingkat::Tujuan {
                        "Tujuan"
                    } else {
                        "Sasaran"
                    },
                    pk.kode
                )),
                c("1"),
                c(pct(ind.capaian)),
            ];
            row.extend(labels.iter().map(|l| {
                c(if ind.kategori.as_deref() == Some(l.as_str()) {
                    "√"
                } else {
                    ""
                })
            }));
            tb.row(row);
        }
        tb.item()
    }

    fn tabel_analisis_program(&self) -> Value {
        let mut tb = Tabel::new(
            format!(
                "Analisis Program dalam Keberhasilan/Kegagalan Pencapaian Perjanjian Kinerja Tahun {}",
                self.tahun()
            ),
            &[0.4, 2.0, 2.2, 2.2, 0.9, 0.9, 0.9, 2.5, 1.6],
        )
        .labels(&[
            "No",
            "Sasaran Strategis",
            "Program",
            "Indikator Program",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Rencana Tindak Lanjut",
            "Penanggung Jawab",
        ])
        .small();
        let mut i = 0;
        for g in &self.m.hasil.tujuan_sasaran {
            let title = self.group_title(g);
            let mut first = true;
            for pr in self.m.programs.iter().filter(|p| {
                p.sasaran
                    .as_deref()
                    .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>())
                    == Some(g.nomor.clone())
            }) {
                for ind in &pr.indikator {
                    i += 1;
                    tb.keyed(
                        format!("ind:{}", pr.kode),
                        vec![
                            c(i.to_string()),
                            t(if first { title.clone() } else { String::new() }),
                            t(&pr.nama),
                            t(&ind.uraian),
                            c(tampil(&ind.target)),
                            c(tampil(&ind.realisasi)),
                            c(pct(ind.capaian)),
                            t(dash(&ind.rencana_tindak_lanjut)),
                            t(dash(&ind.penanggung_jawab)),
                        ],
                    );
                    first = false;
                }
            }
        }
        tb.item()
    }

    fn pk_of(&self, g: &KelompokSasaran) -> Vec<&'a IndikatorKinerja> {
        let m: &'a ReportModel = self.m;
        m.perjanjian_kinerja
            .iter()
            .filter(|p| g.kode.contains(&p.kode))
            .collect()
    }

    /// The analysis of one tujuan/sasaran group: tables of the year and the
    /// previous one, against the Renstra end target, charts, the narrative,
    /// and each supporting program with its budget sentences.
    fn analisis_kelompok(&mut self, g: &KelompokSasaran) -> Vec<Value> {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let pks = self.pk_of(g);
        let mut v = vec![h(3, format!("Tujuan/Sasaran Strategis {}", g.nomor))];
        for pk in &pks {
            v.push(p(format!(
                "{} {}: {} dengan indikator {}; target tahun {tahun} adalah {}.",
                if pk.tingkat == Tingkat::Tujuan {
                    "Tujuan"
                } else {
                    "Sasaran"
                },
                pk.kode,
                pk.uraian,
                pk.indikator.uraian,
                tampil(&pk.indikator.target)
            )));
        }
        v.push(p(format!(
            "Hasil evaluasi capaian tujuan/sasaran {} tahun {tahun} dengan {} ({}) indikator kinerja diperoleh rata-rata nilai capaian {} % dan termasuk kategori {}.",
            g.nomor,
            g.jumlah_indikator,
            terbilang(g.jumlah_indikator),
            pct(g.rata_rata_capaian),
            g.kategori.clone().unwrap_or("-".into()).to_lowercase()
        )));
        let mut tb = Tabel::new(
            format!("Capaian Kinerja Tujuan/Sasaran {} Tahun {lalu} dan {tahun}", g.nomor),
            &[0.5, 3.5, 1.0, 1.0, 1.0, 1.0, 1.2, 1.2],
        )
        .head(vec![
            t("No").rows(2),
            t("Indikator Kinerja").rows(2),
            t(format!("Tahun {lalu}")).span(2),
            t(format!("Tahun {tahun}")).span(2),
            t(format!("Capaian {lalu}")).rows(2),
            t(format!("Capaian {tahun}")).rows(2),
        ])
        .labels(&["Target", "Realisasi", "Target", "Realisasi"]);
        for (i, pk) in pks.iter().enumerate() {
            let ind = &pk.indikator;
            let prev = ind.riwayat.iter().find(|r| r.tahun == lalu);
            tb.row(vec![
                c((i + 1).to_string()),
                t(format!(
                    "{}: {}",
                    if pk.tingkat == Tingkat::Tujuan {
                        "Tujuan"
                    } else {
                        "Sasaran"
                    },
                    ind.uraian
                )),
                c(opt_tampil(prev.and_then(|r| r.target.as_ref()))),
                c(opt_tampil(prev.and_then(|r| r.realisasi.as_ref()))),
                c(tampil(&ind.target)),
                c(tampil(&ind.realisasi)),
                c(pct(pk.capaian_lalu)),
                c(pct(ind.capaian)),
            ]);
        }
        tb.row(vec![
            t("Rata-rata capaian kinerja tujuan/sasaran").bold().span(6),
            c(pct(g.rata_rata_capaian_lalu)).bold(),
            c(pct(g.rata_rata_capaian)).bold(),
        ]);
        v.push(tb.item());
        let mut tb = Tabel::new(
            format!(
                "Perbandingan Realisasi Kinerja Tujuan/Sasaran {} Tahun {lalu} dan {tahun}",
                g.nomor
            ),
            &[0.5, 3.5, 1.2, 1.2, 1.2],
        )
        .labels(&[
            "No",
            "Indikator Kinerja",
            &format!("Realisasi {lalu}"),
            &format!("Realisasi {tahun}"),
            "Selisih",
        ]);
        for (i, pk) in pks.iter().enumerate() {
            tb.row(vec![
                c((i + 1).to_string()),
                t(&pk.indikator.uraian),
                c(opt_tampil(pk.realisasi_lalu.as_ref())),
                c(tampil(&pk.indikator.realisasi)),
                c(pk.selisih_realisasi
                    .map(|d| d.normalize().to_string().replace('.', ","))
                    .unwrap_or("-".into())),
            ]);
        }
        v.push(tb.item());
        let mut tb = Tabel::new(
            format!(
                "Capaian Tujuan/Sasaran {} Tahun {tahun} terhadap Target Akhir Renstra",
                g.nomor
            ),
            &[0.5, 3.0, 1.0, 1.0, 1.0, 1.2, 1.2, 1.4],
        )
        .labels(&[
            "No",
            "Indikator Kinerja",
            &format!("Realisasi {lalu}"),
            &format!("Target {tahun}"),
            &format!("Realisasi {tahun}"),
            "Capaian (%)",
            "Target Akhir Renstra",
            "Capaian terhadap Target Akhir (%)",
        ]);
        for (i, pk) in pks.iter().enumerate() {
            let ind = &pk.indikator;
            tb.row(vec![
                c((i + 1).to_string()),
                t(&ind.uraian),
                c(opt_tampil(pk.realisasi_lalu.as_ref())),
                c(tampil(&ind.target)),
                c(tampil(&ind.realisasi)),
                c(pct(ind.capaian)),
                c(opt_tampil(pk.target_akhir_renstra.as_ref())),
                c(pct(pk.capaian_target_akhir)),
            ]);
        }
        v.push(tb.item());
        for pk in &pks {
            if let Some(gr) = grafik(pk, tahun) {
                v.push(gr);
            }
        }
        v.extend(self.narasi(&format!("sasaran-{}", g.nomor)));
        let programs: Vec<&'a Program> = {
            let m: &'a ReportModel = self.m;
            m.programs
                .iter()
                .filter(|p| {
                    p.sasaran
                        .as_deref()
                        .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>())
                        == Some(g.nomor.clone())
                })
                .collect()
        };
        for (i, pr) in programs.iter().enumerate() {
            v.extend(self.analisis_program(i + 1, pr));
        }
        v
    }

    fn analisis_program(&mut self, no: usize, pr: &Program) -> Vec<Value> {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let nama = title_case_program(&pr.nama);
        let mut v = vec![h(4, format!("{no}. {nama}"))];
        let inds: Vec<String> = pr.indikator.iter().map(|i| i.uraian.clone()).collect();
        if !inds.is_empty() {
            v.push(p(format!("Indikator {nama} adalah {}.", inds.join("; "))));
        }
        let mut tb = Tabel::new(
            format!("Pencapaian Indikator {nama} Tahun {tahun}"),
            &[2.0, 3.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
        )
        .head(vec![
            t("Program").rows(2),
            t("Indikator Kinerja").rows(2),
            t(format!("Tahun {lalu}")).span(3),
            t(format!("Tahun {tahun}")).span(3),
        ])
        .labels(&["Target", "Realisasi", "% Capaian", "Target", "Realisasi", "% Capaian"])
        .small();
        for (i, ind) in pr.indikator.iter().enumerate() {
            let prev = ind.riwayat.iter().find(|r| r.tahun == lalu);
            tb.keyed(
                format!("ind:{}", pr.kode),
                vec![
                    t(if i == 0 { nama.clone() } else { String::new() }),
                    t(&ind.uraian),
                    c(opt_tampil(prev.and_then(|r| r.target.as_ref()))),
                    c(opt_tampil(prev.and_then(|r| r.realisasi.as_ref()))),
                    c(pct(prev.and_then(|r| r.capaian))),
                    c(tampil(&ind.target)),
                    c(tampil(&ind.realisasi)),
                    c(pct(ind.capaian)),
                ],
            );
        }
        if !tb.is_empty() {
            v.push(tb.item());
        }
        for ind in &pr.indikator {
            if let (Some(cp), Some(pd)) = (ind.capaian, &ind.predikat) {
                v.push(p(format!(
                    "Indikator {} tahun {tahun} terealisasi {} dari target {} atau capaian {} % ({}).",
                    ind.uraian,
                    tampil(&ind.realisasi),
                    tampil(&ind.target),
                    fmt_persen(cp),
                    pd.to_lowercase()
                )));
            }
        }
        v.push(p(format!(
            "Alokasi anggaran {nama} sebesar Rp. {},- dengan realisasi sebesar Rp. {},- setara dengan {} % dan dilaksanakan melalui kegiatan sebagai berikut:",
            rp(pr.pagu),
            rp(pr.realisasi),
            pct(pr.persen)
        )));
        let mut items = Vec::new();
        for (ki, k) in pr.kegiatan.iter().enumerate() {
            let _ = ki;
            items.push(format!(
                "Kegiatan {} dengan alokasi anggaran sebesar Rp. {},- dan realisasi sebesar Rp. {},- atau {} %.",
                k.nama,
                rp(k.pagu),
                rp(k.realisasi),
                pct(k.persen)
            ));
        }
        v.push(daftar(items, "(1)"));
        v.extend(self.narasi(&format!("program-{}", pr.kode)));
        for k in &pr.kegiatan {
            v.extend(self.narasi(&format!("kegiatan-{}", k.kode)));
            let mut subs = Vec::new();
            for (si, s) in k.sub_kegiatan.iter().enumerate() {
                let low = s.persen.map(round2).is_some_and(|x| x < self.rules.ambang_serapan);
                let _ = si;
                subs.push(format!(
                    "Sub Kegiatan {} dengan alokasi anggaran sebesar Rp. {},- dan realisasi sebesar Rp. {},- atau {} %.{}",
                    s.nama,
                    rp(s.pagu),
                    rp(s.realisasi),
                    pct(s.persen),
                    if low {
                        format!(" Sub kegiatan ini terealisasi kurang dari {} %.", fmt_num(self.rules.ambang_serapan))
                    } else {
                        String::new()
                    }
                ));
            }
            v.push(p(format!(
                "Kegiatan {} dilaksanakan melalui sub kegiatan berikut:",
                k.nama
            )));
            v.push(daftar(subs, "a."));
            for s in &k.sub_kegiatan {
                let own = self.narasi(&format!("sub-{}", s.kode));
                if !own.is_empty() {
                    // name the sub kegiatan the explanation is about
                    v.push(json!({"t": "p", "teks": format!("Sub Kegiatan {}:", s.nama), "gaya": "em"}));
                    v.extend(own);
                }
            }
        }
        v
    }

    fn tabel_spm(&self) -> Option<Value> {
        let spm = self.m.spm.as_ref()?;
        let mut tb = Tabel::new(
            format!("Pencapaian Pemenuhan SPM Tahun {}", self.tahun()),
            &[0.5, 5.0, 0.8, 1.0, 1.0, 1.0, 1.1],
        )
        .labels(&[
            "No",
            "Jenis Layanan / Mutu Layanan Dasar",
            "Satuan",
            "Harus Dilayani",
            "Terlayani",
            "Belum Terlayani",
            "Pencapaian",
        ])
        .small();
        tb.keyed(
            "spm",
            vec![
                t("INDEKS PENCAPAIAN SPM").bold().span(6),
                c(format!("{} %", pct(self.m.hasil.indeks_spm))).bold(),
            ],
        );
        for j in &spm.jenis_layanan {
            tb.keyed(
                format!("spm:{}", j.no),
                vec![
                    c(format!("{}.", j.no)).bold(),
                    t(&j.nama).bold().span(5),
                    c(format!("{} %", pct(j.indeks))).bold(),
                ],
            );
            if let Some(pn) = &j.penerima {
                tb.row(vec![
                    t(""),
                    t("A. Penerima layanan dasar (80 %)"),
                    c(&pn.satuan),
                    c(rp(pn.harus)),
                    c(rp(pn.terlayani)),
                    c(pn.belum.map(rp).unwrap_or("-".into())),
                    c(format!("{} %", pct(j.persen_penerima))),
                ]);
            }
            tb.row(vec![
                t(""),
                t("B. Mutu layanan dasar (20 %)").span(5),
                c(format!("{} %", pct(j.persen_mutu))),
            ]);
            for it in &j.mutu {
                tb.row(vec![
                    t(""),
                    t(format!("{}. {}", it.no, it.uraian)),
                    c(&it.satuan),
                    c(rp(it.harus)),
                    c(rp(it.terlayani)),
                    c(it.belum.map(rp).unwrap_or("-".into())),
                    c(format!("{} %", pct(it.persen))),
                ]);
            }
        }
        Some(tb.item())
    }

    fn keuangan(&mut self) -> Vec<Value> {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let h_ = &self.m.hasil;
        let mut v = self.narasi("3.3-akuntabilitas-keuangan");
        let r = &self.m.ringkasan;
        v.push(p(format!(
            "Selama tahun {tahun} pelaksanaan program, kegiatan dan sub kegiatan {} menggunakan pagu anggaran sebesar Rp. {},- dengan realisasi sebesar Rp. {},- atau dengan serapan dana mencapai {} %.",
            self.opd(),
            rp(r.pagu),
            rp(r.realisasi),
            pct(h_.persen_realisasi)
        )));
        let years: Vec<&crate::model::KomposisiBelanja> = h_.komposisi_belanja.iter().collect();
        let mut widths = vec![0.4, 2.5];
        let mut head1 = vec![t("No").rows(2), t("Uraian").rows(2)];
        let mut head2 = Vec::new();
        for k in &years {
            widths.extend([1.6, 1.6, 0.8]);
            head1.push(t(k.tahun.to_string()).span(3));
            head2.extend([t("Anggaran (Rp)"), t("Realisasi (Rp)"), t("%")]);
        }
        let mut tb = Tabel::new(
            format!(
                "Komposisi Belanja {} Tahun Anggaran {}",
                self.opd(),
                years
                    .iter()
                    .map(|k| k.tahun.to_string())
                    .collect::<Vec<_>>()
                    .join(" - ")
            ),
            &widths,
        )
        .head(head1)
        .head(head2);
        for (i, (label, pick)) in [("Belanja Tidak Langsung", 0), ("Belanja Langsung", 1), ("Jumlah", 2)]
            .iter()
            .enumerate()
        {
            let mut row = if *pick == 2 {
                vec![t(*label).bold().span(2)]
            } else {
                vec![c((i + 1).to_string()), t(*label)]
            };
            for k in &years {
                let a = match pick {
                    0 => &k.tidak_langsung,
                    1 => &k.langsung,
                    _ => &k.jumlah,
                };
                row.extend([n(rp(a.pagu)), n(rp(a.realisasi)), c(pct(a.persen))]);
            }
            tb.row(row);
        }
        v.push(tb.item());
        v.push(self.tabel_keuangan_dua_tahun());
        let mut tb = Tabel::new(
            format!("Pagu dan Realisasi Anggaran terkait Pencapaian Target Sasaran Strategis Tahun {lalu} dan {tahun}"),
            &[0.4, 3.5, 0.8, 1.5, 1.5, 0.8, 1.5, 1.5, 0.8],
        )
        .head(vec![
            t("No").rows(2),
            t("Tujuan/Sasaran Strategis").rows(2),
            t("Jumlah Indikator").rows(2),
            t(lalu.to_string()).span(3),
            t(tahun.to_string()).span(3),
        ])
        .labels(&["Pagu (Rp)", "Realisasi (Rp)", "%", "Pagu (Rp)", "Realisasi (Rp)", "%"])
        .small();
        for (i, g) in h_.tujuan_sasaran.iter().enumerate() {
            let l = g.anggaran_lalu.as_ref();
            tb.row(vec![
                c((i + 1).to_string()),
                t(self.group_title(g)),
                c(g.jumlah_indikator.to_string()),
                n(l.map(|a| rp(a.pagu)).unwrap_or("-".into())),
                n(l.map(|a| rp(a.realisasi)).unwrap_or("-".into())),
                c(pct(l.and_then(|a| a.persen))),
                n(rp(g.anggaran.pagu)),
                n(rp(g.anggaran.realisasi)),
                c(pct(g.anggaran.persen)),
            ]);
        }
        v.push(tb.item());
        let mut tb = Tabel::new(
            format!("Efektivitas Anggaran terhadap Capaian Tujuan/Sasaran Tahun {tahun}"),
            &[0.4, 3.5, 0.8, 1.2, 1.6, 0.8],
        )
        .labels(&[
            "No",
            "Tujuan/Sasaran",
            "Jumlah Indikator",
            "% Capaian Kinerja",
            "Realisasi Anggaran (Rp)",
            "% Anggaran",
        ]);
        for (i, g) in h_.tujuan_sasaran.iter().enumerate() {
            tb.row(vec![
                c((i + 1).to_string()),
                t(self.group_title(g)),
                c(g.jumlah_indikator.to_string()),
                c(pct(g.rata_rata_capaian)),
                n(rp(g.anggaran.realisasi)),
                c(pct(g.anggaran.persen)),
            ]);
        }
        v.push(tb.item());
        v.push(h(3, "Efektivitas dan Efisiensi Anggaran"));
        v.push(p("Efektivitas anggaran diukur dengan membandingkan realisasi anggaran dengan target (pagu) anggaran, dengan tingkatan menurut Kepmendagri Nomor 690.900.327 Tahun 1996 sebagai berikut:"));
        v.push(scale_table(
            "Tingkatan Efektivitas Kinerja",
            "Kategori",
            &self.rules.efektivitas,
        ));
        if let Some(e) = &h_.efektivitas {
            let tb = ratio_table(
                format!("Efektivitas Pengelolaan Anggaran {}", self.opd()),
                [
                    "Target Anggaran (Rp)",
                    "Realisasi Anggaran (Rp)",
                    "Efektivitas = Realisasi / Target × 100 %",
                ],
                (r.pagu, r.realisasi),
                e,
            );
            v.push(tb);
            v.push(p(format!(
                "Dengan demikian efektivitas pengelolaan anggaran {} tahun {tahun} sebesar {} % termasuk kategori {}.",
                self.opd(),
                fmt_persen(e.persen),
                e.kategori
            )));
        }
        v.push(p("Efisiensi anggaran diukur dengan membandingkan realisasi belanja langsung dengan realisasi anggaran belanja, dengan tingkatan sebagai berikut:"));
        v.push(scale_table(
            "Tingkatan Efisiensi Anggaran",
            "Keterangan",
            &self.rules.efisiensi,
        ));
        if let (Some(e), Some(k)) = (&h_.efisiensi, years.last()) {
            v.push(ratio_table(
                format!("Efisiensi Penggunaan Anggaran {}", self.opd()),
                [
                    "Realisasi Belanja Langsung (Rp)",
                    "Realisasi Anggaran (Rp)",
                    "Efisiensi = Realisasi Belanja Langsung / Realisasi Anggaran × 100 %",
                ],
                (k.langsung.realisasi, k.jumlah.realisasi),
                e,
            ));
        }
        let low = &h_.sub_kegiatan_serapan_rendah;
        if !low.is_empty() {
            v.push(p(format!(
                "Terdapat {} ({}) sub kegiatan yang terealisasi kurang dari {} %, yaitu:",
                low.len(),
                terbilang(low.len()),
                fmt_num(self.rules.ambang_serapan)
            )));
            v.push(daftar(
                low.iter()
                    .map(|s| {
                        format!(
                            "Sub Kegiatan {} (Rp. {},- dari Rp. {},- atau {} %).",
                            s.nama,
                            rp(s.realisasi),
                            rp(s.pagu),
                            fmt_persen(s.persen)
                        )
                    })
                    .collect(),
                "1.",
            ));
        }
        v
    }

    fn tabel_keuangan_dua_tahun(&self) -> Value {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let mut tb = Tabel::new(
            format!(
                "Capaian Kinerja Keuangan {} Tahun Anggaran {lalu} - {tahun}",
                self.opd()
            ),
            &[4.0, 1.6, 1.6, 0.8, 1.6, 1.6, 0.8],
        )
        .head(vec![
            t("Program, Kegiatan dan Sub Kegiatan").rows(2),
            t(format!("Tahun {lalu}")).span(3),
            t(format!("Tahun {tahun}")).span(3),
        ])
        .labels(&[
            "Anggaran (Rp)",
            "Realisasi (Rp)",
            "%",
            "Anggaran (Rp)",
            "Realisasi (Rp)",
            "%",
        ])
        .small();
        let lalu_cells = |a: &Option<crate::model::Anggaran>| -> Vec<super::table::Sel> {
            match a {
                Some(a) => vec![n(rp(a.pagu)), n(rp(a.realisasi)), c(pct(a.persen))],
                None => vec![c("-"), c("-"), c("-")],
            }
        };
        for pr in &self.m.programs {
            let mut row = vec![t(&pr.nama).bold()];
            row.extend(lalu_cells(&pr.lalu).into_iter().map(|s| s.bold()));
            row.extend([
                n(rp(pr.pagu)).bold(),
                n(rp(pr.realisasi)).bold(),
                c(pct(pr.persen)).bold(),
            ]);
            tb.keyed(format!("{0} lalu:{0}", pr.kode), row);
            for k in &pr.kegiatan {
                let mut row = vec![t(format!("Kegiatan {}", k.nama))];
                row.extend(lalu_cells(&k.lalu));
                row.extend([n(rp(k.pagu)), n(rp(k.realisasi)), c(pct(k.persen))]);
                tb.keyed(format!("{0} lalu:{0}", k.kode), row);
                for s in &k.sub_kegiatan {
                    let mut row = vec![t(format!("    {}", s.nama))];
                    row.extend(lalu_cells(&s.lalu));
                    row.extend([n(rp(s.pagu)), n(rp(s.realisasi)), c(pct(s.persen))]);
                    tb.keyed(format!("{0} lalu:{0}", s.kode), row);
                }
            }
        }
        let k = self.m.hasil.komposisi_belanja.first().filter(|k| k.tahun == lalu);
        let mut row = vec![t("TOTAL").bold()];
        row.extend(match k {
            Some(k) => vec![
                n(rp(k.jumlah.pagu)).bold(),
                n(rp(k.jumlah.realisasi)).bold(),
                c(pct(k.jumlah.persen)).bold(),
            ],
            None => vec![c("-"), c("-"), c("-")],
        });
        row.extend([
            n(rp(self.m.ringkasan.pagu)).bold(),
            n(rp(self.m.ringkasan.realisasi)).bold(),
            c(pct(self.m.hasil.persen_realisasi)).bold(),
        ]);
        tb.keyed("total lalu:total", row);
        tb.item()
    }

    // ------------------------------------------------------------------
    // BAB IV
    // ------------------------------------------------------------------

    fn bab4(&mut self) -> Vec<Value> {
        let tahun = self.tahun();
        let h_ = &self.m.hasil;
        let mut v = vec![h(2, "Kesimpulan Umum")];
        v.extend(self.narasi("4.1-kesimpulan"));
        let counts: Vec<String> = h_
            .predikat
            .iter()
            .filter(|x| x.jumlah > 0)
            .map(|x| {
                format!(
                    "{} ({}) indikator {}",
                    x.jumlah,
                    terbilang(x.jumlah),
                    x.label.to_lowercase()
                )
            })
            .collect();
        v.push(p(format!(
            "Dari {} indikator kinerja tujuan dan sasaran strategis tahun {tahun}, {}. Realisasi anggaran mencapai Rp. {},- dari pagu Rp. {},- ({} %, kategori {}).",
            h_.jumlah_indikator_kinerja,
            counts.join(", "),
            rp(self.m.ringkasan.realisasi),
            rp(self.m.ringkasan.pagu),
            pct(h_.persen_realisasi),
            h_.efektivitas.as_ref().map(|e| e.kategori.to_lowercase()).unwrap_or("-".into())
        )));
        v.push(h(2, "Langkah Perbaikan ke Depan"));
        v.extend(self.narasi("4.2-langkah-perbaikan"));
        v.push(json!({"t": "ttd"}));
        v
    }

    // ------------------------------------------------------------------
    // Lampiran I–XII
    // ------------------------------------------------------------------
}

/// Numbers the tables, charts and pictures of each chapter (`Tabel 3.15`,
/// `Grafik 3.1`) in document order. Done here rather than by a Typst
/// numbering that reads the heading counter: that made every figure
/// contextual and cost a fifth of the layout time.
fn number_figures(bab: &mut [Value]) {
    for (i, b) in bab.iter_mut().enumerate() {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        if let Some(items) = b["isi"].as_array_mut() {
            for it in items {
                let kind = match it["t"].as_str() {
                    Some(k @ ("tabel" | "grafik" | "gambar")) => k.to_string(),
                    _ => continue,
                };
                let n = count.entry(kind).or_default();
                *n += 1;
                it["nomor"] = json!(format!("{}.{}", i + 1, n));
            }
        }
    }
}

/// A one-row table of a ratio of two amounts and its category on a scale
/// (Tabel 3.47 efektivitas, 3.49 efisiensi); the OPD totals' row.
fn ratio_table(judul: String, labels: [&str; 3], (a, b): (Decimal, Decimal), e: &Dinilai) -> Value {
    let mut tb = Tabel::new(judul, &[2.0, 2.0, 2.5, 1.5]).labels(&[labels[0], labels[1], labels[2], "Kategori"]);
    tb.keyed(
        "total",
        vec![
            n(rp(a)),
            n(rp(b)),
            c(format!("{} %", fmt_persen(e.persen))),
            c(&e.kategori),
        ],
    );
    tb.item()
}

pub(super) fn scale_table(judul: &str, kolom: &str, scale: &crate::compute::rules::Scale) -> Value {
    let mut tb = Tabel::new(judul, &[0.5, 3.0, 2.0]).labels(&["No.", "Tingkat Pencapaian", kolom]);
    let steps = scale.steps();
    for (i, (min, label)) in steps.iter().enumerate() {
        let upper = i.checked_sub(1).and_then(|j| steps[j].0);
        let range = match (min, upper) {
            (Some(lo), None) => format!("di atas {} %", fmt_num(lo.floor())),
            (Some(lo), Some(hi)) => format!("antara {} % - {} %", fmt_num(*lo), fmt_num(hi.floor())),
            (None, Some(hi)) => format!("di bawah {} %", fmt_num(hi)),
            (None, None) => "semua".into(),
        };
        tb.row(vec![
            c((i + 1).to_string()),
            t(format!("Tingkat pencapaian {range}")),
            t(label),
        ]);
    }
    tb.item()
}

fn fmt_num(d: Decimal) -> String {
    let d = d.normalize();
    d.to_string().replace('.', ",")
}

fn roman(x: usize) -> String {
    const R: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut x = x;
    let mut s = String::new();
    for (v, r) in R {
        while x >= v {
            s.push_str(r);
            x -= v;
        }
    }
    s
}

/// `PROGRAM PEMBERDAYAAN SOSIAL` → `Program Pemberdayaan Sosial`.
pub(super) fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if ["dan", "di", "ke", "dari", "pada", "yang", "untuk", "bagi"].contains(&lower.as_str()) {
                return lower;
            }
            if w.chars().any(|c| c.is_ascii_digit()) || (w.len() <= 4 && w.starts_with('(')) {
                return w.to_string();
            }
            let mut cs = lower.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn title_case_program(s: &str) -> String {
    if s.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) {
        title_case(s)
    } else {
        s.to_string()
    }
}

/// A `Tabel …` sheet as a table item.
fn agency(tb: &TabelTambahan) -> Value {
    let cols = tb
        .header
        .iter()
        .chain(&tb.baris)
        .map(Vec::len)
        .max()
        .unwrap_or(1)
        .max(1);
    let mut out = Tabel::new(tb.judul.clone(), &vec![1.0; cols]).small();
    for hrow in &tb.header {
        let mut row: Vec<_> = hrow.iter().map(|s| t(s.clone())).collect();
        row.resize(cols, t(""));
        out = out.head(row);
    }
    for r in &tb.baris {
        let mut row: Vec<_> = r.iter().map(|s| t(s.clone())).collect();
        row.resize(cols, t(""));
        out.row(row);
    }
    out.item()
}

/// A chart of target and realization over the years of an indicator's
/// history (Grafik 3.x), drawn natively by the template.
fn grafik(pk: &IndikatorKinerja, tahun: i32) -> Option<Value> {
    let ind = &pk.indikator;
    let mut points: Vec<(i32, Option<Decimal>, Option<Decimal>)> = ind
        .riwayat
        .iter()
        .filter(|r| r.tahun < tahun && r.target.as_ref().and_then(|t| t.nilai).is_some())
        .map(|r| {
            (
                r.tahun,
                r.target.as_ref().and_then(|t| t.nilai),
                r.realisasi.as_ref().and_then(|t| t.nilai),
            )
        })
        .collect();
    points.push((tahun, ind.target.nilai, ind.realisasi.nilai));
    if points.len() < 3 || points.iter().all(|p| p.2.is_none()) {
        return None;
    }
    let f = |d: Option<Decimal>| d.map(|x| x.normalize().to_string());
    Some(json!({
        "t": "grafik",
        "judul": format!("Target dan Realisasi {} Tahun {} - {}", ind.uraian, points[0].0, tahun),
        "label": points.iter().map(|p| p.0.to_string()).collect::<Vec<_>>(),
        "seri": [
            {"nama": "Target", "nilai": points.iter().map(|p| f(p.1)).collect::<Vec<_>>()},
            {"nama": "Realisasi", "nilai": points.iter().map(|p| f(p.2)).collect::<Vec<_>>()},
        ],
    }))
}
