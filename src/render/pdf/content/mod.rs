//! The content of the LKjIP as data for the Typst template: chapters of
//! items (narrative blocks, generated sentences, tables, charts, pictures),
//! every figure formatted here from the model. The template decides the
//! look; the order and wording of the formulaic parts live here.

use super::table::{Tabel, c, n, t};
use crate::angka::round2;
use crate::compute::Rules;
use crate::finding::Findings;
use crate::model::Kunci;
use crate::model::{Arah, TabelTambahan, Tingkat};
use crate::model::{Dinilai, Indikator, IndikatorKinerja, KelompokSasaran, Program, ReportModel};
use crate::narrative::{Gambar, Narasi};
use crate::tampil::{dash, fmt_num, fmt_persen, opt_tampil, pct, roman, rp, tampil, terbilang, title_case_program};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};

mod analisis;
mod depan;
mod keuangan;
mod kinerja;

/// The indicators' descriptions in one cell, separated by "; ".
fn uraian(indikator: &[Indikator]) -> String {
    indikator
        .iter()
        .map(|i| i.uraian.as_str())
        .collect::<Vec<_>>()
        .join("; ")
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
    gambar: &'a Gambar,
    /// F4 paper (215 × 330 mm) instead of A4.
    pub kertas_f4: bool,
    pub findings: Findings,
}

impl<'a> Content<'a> {
    pub fn new(m: &'a ReportModel, rules: &'a Rules, narasi: &'a Narasi, gambar: &'a Gambar) -> Self {
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
        // the draft marks a section a finding concerns (render::pdf::draf)
        let kunci = Kunci::Narasi(name.to_string()).to_string();
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
                "tanggal_pk": id.tanggal_perjanjian_kinerja.as_deref().and_then(crate::tampil::tanggal_indonesia).unwrap_or_else(|| id.tanggal_teks.clone()),
            },
            "logo": self.gambar.contains("logo.png").then_some("logo.png"),
            "kertas": if self.kertas_f4 { json!({"lebar": 215, "tinggi": 330}) } else { json!({"lebar": 210, "tinggi": 297}) },
            "depan": front,
            "bab": bab,
            "lampiran": lampiran,
        });
        (doc, self.findings)
    }
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
        &[Kunci::Total],
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
