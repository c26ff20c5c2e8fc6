//! Stage 6, document: the report model and the rendered narrative become
//! the report document ([`Dokumen`]: chapters of items, every figure
//! formatted here from the model). The order and wording of the formulaic
//! parts live here; the backends of stage 7 decide the look.

use crate::angka::round2;
use crate::compute::Rules;
use crate::model::Kunci;
use crate::model::{Arah, TabelTambahan, Tingkat};
use crate::model::{Dinilai, Indikator, IndikatorKinerja, KelompokSasaran, Program, ReportModel};
use crate::narrative::{Gambar, Narasi};
use crate::tampil::{dash, fmt_num, fmt_persen, opt_tampil, pct, roman, rp, tampil, terbilang, title_case_program};
pub use item::{Atasan, Bab, Depan, Dokumen, Grafik, Identitas, Item, Kepala, Kertas, Rata, Sel, Seri, Tanda};
use rust_decimal::Decimal;
use std::collections::HashSet;
use table::{Tabel, c, n, t};

mod analisis;
mod depan;
pub mod item;
mod keuangan;
mod kinerja;
mod lampiran;
pub mod table;
pub mod tipografi;

/// The indicators' descriptions in one cell, separated by "; ".
fn uraian(indikator: &[Indikator]) -> String {
    indikator
        .iter()
        .map(|i| i.uraian.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn p(s: impl Into<String>) -> Item {
    Item::p(s)
}

/// A generated list; `gaya` is the numbering: `-` (bullets), `(1)` or `a.`.
fn daftar(items: Vec<String>, gaya: &'static str) -> Item {
    Item::daftar(items, gaya)
}

fn h(level: u8, s: impl Into<String>) -> Item {
    Item::h(level, s)
}

/// Builds the document.
pub struct Content<'a> {
    pub(super) m: &'a ReportModel,
    pub(super) rules: &'a Rules,
    narasi: &'a Narasi,
    /// Agency tables placed by a narrative, so the rest can be appended.
    placed: HashSet<String>,
    gambar: &'a Gambar,
    /// F4 paper (215 × 330 mm) instead of A4.
    pub kertas_f4: bool,
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
    fn narasi(&mut self, name: &str) -> Vec<Item> {
        let Some(blocks) = self.narasi.get(name) else {
            return Vec::new();
        };
        // the draft marks a section a finding concerns (render::pdf::draf)
        let kunci = Kunci::Narasi(name.to_string()).to_string();
        let mut items = Vec::new();
        let mut run = Vec::new();
        let flush = |run: &mut Vec<_>, items: &mut Vec<Item>| {
            if !run.is_empty() {
                items.push(Item::Narasi(item::Narasi {
                    blocks: std::mem::take(run),
                    kunci: kunci.clone(),
                    tanda: Tanda::default(),
                }));
            }
        };
        for b in blocks {
            match b["t"].as_str() {
                Some("tabel") => {
                    flush(&mut run, &mut items);
                    let nama = b["nama"].as_str().unwrap_or_default().to_string();
                    // an unknown name was reported by review::examine
                    if let Some(item) = self.agency_table(&nama) {
                        self.placed.insert(nama);
                        items.push(item);
                    }
                }
                Some("gambar") => {
                    flush(&mut run, &mut items);
                    let file = b["file"].as_str().unwrap_or_default();
                    if self.gambar.contains(file) {
                        items.push(Item::Gambar {
                            file: file.to_string(),
                            keterangan: b["keterangan"].clone(),
                            nomor: None,
                        });
                    }
                }
                _ => run.push(b.clone()),
            }
        }
        flush(&mut run, &mut items);
        items
    }

    fn agency_table(&self, nama: &str) -> Option<Item> {
        let tb = self
            .m
            .tabel_tambahan
            .iter()
            .find(|x| x.nama.trim().eq_ignore_ascii_case(nama.trim()))?;
        Some(agency(tb))
    }

    /// The whole document.
    pub fn build(mut self) -> Dokumen {
        let id = &self.m.identitas;
        let depan = Depan {
            kata_pengantar: self.narasi("kata-pengantar"),
            ringkasan: self.ringkasan(),
        };
        let bab = |judul: &str, isi| Bab {
            judul: judul.to_string(),
            isi,
        };
        let mut bab = vec![
            bab("PENDAHULUAN", self.bab1()),
            bab("PERENCANAAN KINERJA", self.bab2()),
            bab("AKUNTABILITAS KINERJA", self.bab3()),
            bab("PENUTUP", self.bab4()),
        ];
        number_figures(&mut bab);
        for b in &mut bab {
            drop_repeated_headings(&mut b.isi, &b.judul);
        }
        let mut depan = depan;
        drop_repeated_headings(&mut depan.kata_pengantar, "Kata Pengantar");
        drop_repeated_headings(&mut depan.ringkasan, "Ringkasan Eksekutif");
        let lampiran = self.lampiran();
        let mut doc = Dokumen {
            identitas: Identitas {
                nama_opd: id.nama_opd.clone(),
                singkatan: id.singkatan.clone(),
                pemerintah_daerah: id.pemerintah_daerah.clone(),
                alamat: id.alamat.clone(),
                tahun: id.tahun.to_string(),
                tempat: id.tempat.clone(),
                tanggal: id.tanggal_teks.clone(),
                kepala: Kepala {
                    nama: id.kepala.nama.clone(),
                    jabatan: id.kepala.jabatan.clone(),
                    pangkat: id.kepala.pangkat.clone(),
                    nip: id.kepala.nip.clone(),
                },
                atasan: id.atasan.as_ref().map(|a| Atasan {
                    nama: a.nama.clone(),
                    jabatan: a.jabatan.clone(),
                }),
                tempat_pk: id.tempat.clone(),
                tanggal_pk: id
                    .tanggal_perjanjian_kinerja
                    .as_deref()
                    .and_then(crate::tampil::tanggal_indonesia)
                    .unwrap_or_else(|| id.tanggal_teks.clone()),
            },
            logo: self.gambar.contains("logo.png").then(|| "logo.png".to_string()),
            kertas: if self.kertas_f4 {
                Kertas {
                    lebar: 215,
                    tinggi: 330,
                }
            } else {
                Kertas {
                    lebar: 210,
                    tinggi: 297,
                }
            },
            depan,
            bab,
            lampiran,
        };
        tipografi::apply(&mut doc);
        doc
    }
}

/// A heading's words for comparison: no section number (`2.2.`, `BAB
/// III`), letters and digits only, lower case.
fn heading_key(s: &str) -> String {
    let t = s.trim();
    let t = t
        .strip_prefix("BAB ")
        .map_or(t, |r| r.trim_start_matches(['I', 'V', 'X', 'L']));
    t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first line of a narrative file that only repeats the heading it is
/// printed under ("2.1 TARGET KINERJA TAHUN 2024 - 2026" under 2.1, "KATA
/// PENGANTAR" under Kata Pengantar) is dropped: the officer typed the
/// title, the report prints it already.
fn drop_repeated_headings(items: &mut Vec<Item>, chapter: &str) {
    let mut heading = Some(heading_key(chapter));
    for it in items.iter_mut() {
        match it {
            Item::H { teks, .. } => heading = Some(heading_key(teks)),
            Item::Narasi(n) => {
                if let (Some(h), Some(first)) = (&heading, n.blocks.first()) {
                    let text = first.get("c").map(crate::narrative::plain_text).unwrap_or_default();
                    if matches!(first["t"].as_str(), Some("p" | "h")) && !h.is_empty() && heading_key(&text) == *h {
                        n.blocks.remove(0);
                    }
                }
                heading = None;
            }
            _ => heading = None,
        }
    }
    items.retain(|it| !matches!(it, Item::Narasi(n) if n.blocks.is_empty()));
}

/// Numbers the tables, charts and pictures of each chapter (`Tabel 3.15`,
/// `Grafik 3.1`) in document order. Done here rather than by a Typst
/// numbering that reads the heading counter: that made every figure
/// contextual and cost a fifth of the layout time.
fn number_figures(bab: &mut [Bab]) {
    for (i, b) in bab.iter_mut().enumerate() {
        let (mut tabel, mut grafik, mut gambar) = (0, 0, 0);
        let nomor = |n: &mut usize| {
            *n += 1;
            Some(format!("{}.{}", i + 1, n))
        };
        for it in &mut b.isi {
            match it {
                Item::Tabel(tb) => tb.nomor = nomor(&mut tabel),
                Item::Grafik(g) => g.nomor = nomor(&mut grafik),
                Item::Gambar { nomor: no, .. } => *no = nomor(&mut gambar),
                _ => {}
            }
        }
    }
}

/// A one-row table of a ratio of two amounts and its category on a scale
/// (Tabel 3.47 efektivitas, 3.49 efisiensi); the OPD totals' row.
fn ratio_table(judul: String, labels: [&str; 3], (a, b): (Decimal, Decimal), e: &Dinilai) -> Item {
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

pub(super) fn scale_table(judul: &str, kolom: &str, scale: &crate::compute::rules::Scale) -> Item {
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
fn agency(tb: &TabelTambahan) -> Item {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn narasi(first: &str) -> Item {
        Item::Narasi(item::Narasi {
            blocks: vec![
                json!({"t": "p", "c": [{"t": "text", "s": first}]}),
                json!({"t": "p", "c": [{"t": "text", "s": "Isi."}]}),
            ],
            kunci: "narasi:x".into(),
            tanda: Tanda::default(),
        })
    }

    fn first_text(it: &Item) -> String {
        match it {
            Item::Narasi(n) => n.blocks[0]["c"][0]["s"].as_str().unwrap().to_string(),
            _ => panic!("{it:?}"),
        }
    }

    /// The officer's title line under the heading that prints it already
    /// goes; a first line that says something else stays.
    #[test]
    fn a_first_line_repeating_its_heading_is_dropped() {
        let mut items = vec![
            narasi("AKUNTABILITAS KINERJA"),
            h(2, "Perjanjian Kinerja Tahun 2024"),
            narasi("2.2. PERJANJIAN KINERJA TAHUN 2024"),
            h(2, "Capaian Kinerja Tahun 2024"),
            narasi("Capaian kinerja diukur dengan IKU."),
            p("Kalimat."),
            narasi("Capaian Kinerja Tahun 2024"),
        ];
        drop_repeated_headings(&mut items, "AKUNTABILITAS KINERJA");
        assert_eq!(first_text(&items[0]), "Isi.");
        assert_eq!(first_text(&items[2]), "Isi.");
        assert_eq!(first_text(&items[4]), "Capaian kinerja diukur dengan IKU.");
        // not under its heading any more: kept
        assert_eq!(first_text(&items[6]), "Capaian Kinerja Tahun 2024");
        assert_eq!(heading_key("BAB III AKUNTABILITAS KINERJA"), "akuntabilitaskinerja");
        assert_eq!(
            heading_key("2.1 Target Kinerja Tahun 2024 - 2026"),
            "targetkinerjatahun20242026"
        );
    }
}
