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
use crate::tampil::{
    dash, fmt_num, fmt_persen, opt_tampil, pasangan, pct, roman, rp, tampil, terbilang, title_case_program,
};
pub use item::{Atasan, Bab, Bagan, Depan, Dokumen, Grafik, Identitas, Item, Kepala, Kertas, Rata, Sel, Seri, Tanda};
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
mod tempat;
pub mod triwulan;
pub mod tipografi;

/// Last year's target and realization and this year's of one indicator,
/// as one row prints them: one unit convention and one number of
/// decimals over all four ([`crate::tampil::seragam`]); `-` where absent.
fn row_figures(prev: Option<&crate::model::Riwayat>, ind: &Indikator) -> [String; 4] {
    let v = crate::tampil::seragam(&[
        prev.and_then(|r| r.target.as_ref()),
        prev.and_then(|r| r.realisasi.as_ref()),
        Some(&ind.target),
        Some(&ind.realisasi),
    ]);
    std::array::from_fn(|i| v[i].clone())
}

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
            tempat::place_announced(&mut b.isi);
        }
        let mut depan = depan;
        drop_repeated_headings(&mut depan.kata_pengantar, "Kata Pengantar");
        drop_repeated_headings(&mut depan.ringkasan, "Ringkasan Eksekutif");
        let lampiran = self.lampiran();
        let (identitas, kertas) = self.identitas();
        let mut doc = Dokumen {
            identitas,
            logo: self.gambar.contains("logo.png").then(|| "logo.png".to_string()),
            kertas,
            depan,
            bab,
            lampiran,
        };
        tipografi::apply(&mut doc);
        doc
    }
}

impl Content<'_> {
    /// The agency and its signatories as printed, and the paper: what every
    /// document of the agency (the LKjIP, the quarterly report) opens with.
    pub fn identitas(&self) -> (Identitas, Kertas) {
        let id = &self.m.identitas;
        let kertas = if self.kertas_f4 {
            Kertas {
                lebar: 215,
                tinggi: 330,
            }
        } else {
            Kertas {
                lebar: 210,
                tinggi: 297,
            }
        };
        (
            Identitas {
                pemerintah: {
                    let daerah = id.pemerintah_daerah.to_uppercase();
                    if daerah.starts_with("PEMERINTAH") {
                        daerah
                    } else {
                        format!("PEMERINTAH {daerah}")
                    }
                },
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
                    pangkat: crate::tampil::pangkat(&id.kepala.pangkat),
                    nip: crate::tampil::nip(&id.kepala.nip),
                },
                atasan: id.atasan.as_ref().map(|a| Atasan {
                    nama: a.nama.clone(),
                    jabatan: a.jabatan.clone(),
                }),
                tempat_pk: id
                    .tempat_perjanjian_kinerja
                    .clone()
                    .unwrap_or_else(|| id.tempat.clone()),
                tanggal_pk: id
                    .tanggal_perjanjian_kinerja
                    .as_deref()
                    .and_then(crate::tampil::tanggal_indonesia)
                    .unwrap_or_else(|| id.tanggal_teks.clone()),
            },
            kertas,
        )
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
                Item::Bagan(b) => b.nomor = nomor(&mut gambar),
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

/// A cell that holds a figure (`1.163`, `-5,01`, `72 %`): right-aligned
/// like the generated tables' figures.
fn is_figure(s: &str) -> bool {
    let s = s.trim();
    // the placeholders of a missing figure
    if matches!(s, "-" | "–" | "n/a") {
        return true;
    }
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || ".,-+% \u{a0}".contains(c))
        && !s.starts_with('%')
}

/// A `Tabel …` sheet as a table item, typeset like the generated tables:
/// the sheet's merged cells span, figures are right-aligned, the columns
/// are as wide as what they hold (a `No` column narrow), and a body row
/// that holds only a sentence in its first cell (a note under the table)
/// spans the whole width.
fn agency(tb: &TabelTambahan) -> Item {
    let cols = tb
        .header
        .iter()
        .chain(&tb.baris)
        .map(Vec::len)
        .max()
        .unwrap_or(1)
        .max(1);
    let heads = tb.header.len();
    let rows: Vec<&Vec<String>> = tb.header.iter().chain(&tb.baris).collect();
    // spans by top-left cell; the cells they cover
    let mut span = std::collections::HashMap::new();
    let mut covered = HashSet::new();
    for g in &tb.gabung {
        let (r, c) = (g.baris as usize, g.kolom as usize);
        if r >= rows.len() || c >= cols {
            continue;
        }
        // a span stays inside the header or inside the body
        let part_end = if r < heads { heads } else { rows.len() };
        let rs = (g.rs as usize).min(part_end - r).max(1);
        let cs = (g.cs as usize).min(cols - c).max(1);
        if (r..r + rs).any(|rr| (c..c + cs).any(|cc| covered.contains(&(rr, cc)))) {
            continue;
        }
        for rr in r..r + rs {
            for cc in c..c + cs {
                if (rr, cc) != (r, c) {
                    covered.insert((rr, cc));
                }
            }
        }
        span.insert((r, c), (rs as u32, cs as u32));
    }
    let text = |r: usize, c: usize| rows[r].get(c).map(String::as_str).unwrap_or("");
    let is_note = |r: usize| {
        r >= heads
            && cols > 1
            && text(r, 0).chars().count() > 40
            && (1..cols).all(|c| text(r, c).trim().is_empty())
            && (0..cols).all(|c| !span.contains_key(&(r, c)) && !covered.contains(&(r, c)))
    };
    // widths: the longest cell of a column (one column wide), within 3–40
    // characters
    let mut width = vec![3usize; cols];
    for r in 0..rows.len() {
        if is_note(r) {
            continue;
        }
        for (c, w) in width.iter_mut().enumerate() {
            if span.get(&(r, c)).is_some_and(|&(_, cs)| cs > 1) || covered.contains(&(r, c)) {
                continue;
            }
            let t = text(r, c);
            let len = if r < heads {
                t.split_whitespace().map(|x| x.chars().count()).max().unwrap_or(0)
            } else {
                t.chars().count()
            };
            *w = (*w).max(len.min(40));
        }
    }
    let kolom: Vec<f64> = width.iter().map(|w| *w as f64).collect();
    // a `No` column is centred
    let numbering: Vec<bool> = (0..cols)
        .map(|c| heads > 0 && matches!(text(0, c).trim().to_lowercase().as_str(), "no" | "no."))
        .collect();
    let mut out = Tabel::new(tb.judul.clone(), &kolom).small();
    for r in 0..rows.len() {
        let row: Vec<item::Sel> = if is_note(r) {
            vec![t(text(r, 0)).span(cols as u32)]
        } else {
            (0..cols)
                .filter(|c| !covered.contains(&(r, *c)))
                .map(|c| {
                    let v = text(r, c);
                    let cell = if r < heads {
                        t(v)
                    } else if numbering[c] {
                        table::c(v)
                    } else if is_figure(v) {
                        n(v)
                    } else {
                        t(v)
                    };
                    match span.get(&(r, c)) {
                        Some(&(rs, cs)) => cell.span(cs).rows(rs),
                        None => cell,
                    }
                })
                .collect()
        };
        if r < heads {
            out = out.head(row);
        } else {
            out.row(row);
        }
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

    /// An agency table: the sheet's merges span, figures go right, `No`
    /// is centred, a sentence alone in the first cell spans the width.
    #[test]
    fn an_agency_table_keeps_its_merges_and_aligns_its_figures() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let tb = TabelTambahan {
            nama: "Tabel 3.16".into(),
            judul: "Tabel 3.16 Uji".into(),
            header: vec![
                s(&["No", "Jenis", "TAHUN 2019", "", ""]),
                s(&["", "", "Jumlah", "Ditangani", "%"]),
            ],
            baris: vec![
                s(&["1", "Anak Terlantar", "244", "129", "52,87"]),
                s(&["2", "Lanjut Usia", "1163", "-", "n/a"]),
                s(&["Dari tabel di atas, dapat dilihat bahwa jumlah PMKS menurun."]),
            ],
            gabung: vec![
                crate::model::Gabung {
                    baris: 0,
                    kolom: 0,
                    rs: 2,
                    cs: 1,
                },
                crate::model::Gabung {
                    baris: 0,
                    kolom: 1,
                    rs: 2,
                    cs: 1,
                },
                crate::model::Gabung {
                    baris: 0,
                    kolom: 2,
                    rs: 1,
                    cs: 3,
                },
                // reaching into the body: kept inside the header
                crate::model::Gabung {
                    baris: 1,
                    kolom: 4,
                    rs: 3,
                    cs: 1,
                },
            ],
        };
        let Item::Tabel(t) = agency(&tb) else { panic!() };
        // first header row: No, Jenis (2 rows each), TAHUN 2019 over 3
        let h0: Vec<(&str, u32, u32)> = t.kepala[0].iter().map(|c| (c.isi.as_str(), c.rs, c.cs)).collect();
        assert_eq!(h0, [("No", 2, 1), ("Jenis", 2, 1), ("TAHUN 2019", 1, 3)]);
        // second: only the three sub-labels (the first two columns covered)
        let h1: Vec<&str> = t.kepala[1].iter().map(|c| c.isi.as_str()).collect();
        assert_eq!(h1, ["Jumlah", "Ditangani", "%"]);
        assert_eq!(t.kepala[1][2].rs, 1);
        let rata: Vec<Rata> = t.baris[1].iter().map(|c| c.rata).collect();
        assert_eq!(rata, [Rata::Tengah, Rata::Kiri, Rata::Kanan, Rata::Kanan, Rata::Kanan]);
        assert_eq!(t.baris[2].len(), 1);
        assert_eq!(t.baris[2][0].cs, 5);
        // No is the narrowest column, Jenis the widest
        assert!(t.kolom[0] < t.kolom[2] && t.kolom[1] > t.kolom[2], "{:?}", t.kolom);
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
