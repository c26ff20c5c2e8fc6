//! The body of `word/document.xml`: the report document walked in the
//! order of `templates/lkjip.typ` — cover, front matter numbered i, ii, …,
//! BAB I–IV numbered 1, 2, …, the Lampiran landscape — with the same
//! heading numbers, captions and signature blocks as the PDF.

use super::blok::{bold_runs, inlines};
use super::gambar::{Gambar, Media};
use super::tabel::{Grid, cell, column_widths, signature, signature_line, signature_space, table_start};
use super::xml::{Gaya, Par, br, esc, field, mm, run, styled};
use crate::document::item::Tabel;
use crate::document::{Bab, Dokumen, Item};
use crate::narrative::plain_text as plain;
use crate::render::Halaman;
use crate::tampil::roman;
use serde_json::Value;

/// The page layouts of the report's sections.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Halamannya {
    /// The cover: no header, footer or number.
    Sampul,
    /// Kata Pengantar to Ringkasan Eksekutif: i, ii, …
    Depan,
    /// BAB I–IV: 1, 2, …; `mulai` restarts the count.
    Bab { mulai: bool },
    /// A wide table of a chapter, turned.
    BabLebar,
    /// The Lampiran, landscape with narrower margins.
    Lampiran,
}

/// A Daftar Isi / Tabel / Gambar: filled in at the end, when every entry
/// is known.
#[derive(Clone, Copy)]
enum Daftar {
    Isi,
    Tabel,
    Gambar,
}

const DAFTAR: [Daftar; 3] = [Daftar::Isi, Daftar::Tabel, Daftar::Gambar];

fn marker(d: Daftar) -> String {
    // NUL never survives `esc`: no text of the report can look like this
    format!("\u{0}daftar-{}\u{0}", d as u8)
}

/// An entry of a list: level, the printed text, the page.
struct Entri {
    level: u8,
    teks: String,
    halaman: String,
}

pub struct Body<'a> {
    doc: &'a Dokumen,
    halaman: Option<&'a Halaman>,
    pub media: Media,
    gambar: &'a Gambar,
    /// The XML written so far.
    out: String,
    /// Typst's heading counter: stepped by numbered headings only.
    counter: Vec<usize>,
    /// Lists: `(kind, start)` per `numId` − 1 (numbering.xml).
    pub lists: Vec<(usize, usize)>,
    section: Halamannya,
    /// The next chart of `gambar.charts`.
    chart: usize,
    isi: Vec<Entri>,
    tabel: Vec<Entri>,
    grafik: Vec<Entri>,
    cursor_judul: usize,
    cursor_gambar: usize,
    /// Caption kinds already numbered per chapter (`("Tabel", "3")`).
    seq: std::collections::HashSet<(String, String)>,
}

/// Numbering kinds of numbering.xml.
pub const LIST_BULLET: usize = 0;
pub const LIST_PAREN: usize = 1;
pub const LIST_LETTER: usize = 2;
pub const LIST_DECIMAL: usize = 3;

impl<'a> Body<'a> {
    pub fn new(doc: &'a Dokumen, halaman: Option<&'a Halaman>, gambar: &'a Gambar) -> Self {
        Body {
            doc,
            halaman,
            media: Media::default(),
            gambar,
            out: String::new(),
            counter: Vec::new(),
            lists: Vec::new(),
            section: Halamannya::Sampul,
            chart: 0,
            isi: Vec::new(),
            tabel: Vec::new(),
            grafik: Vec::new(),
            cursor_judul: 0,
            cursor_gambar: 0,
            seq: Default::default(),
        }
    }

    /// The paper's text width in twips for a layout.
    pub fn text_width(&self, s: Halamannya) -> i64 {
        let k = self.doc.kertas;
        match s {
            Halamannya::Sampul => mm(f64::from(k.lebar) - 50.0),
            Halamannya::Depan | Halamannya::Bab { .. } => mm(k.teks_tegak()),
            Halamannya::BabLebar => mm(k.teks_rebah()),
            Halamannya::Lampiran => mm(k.teks_lampiran()),
        }
    }

    /// The text height in mm (to keep a picture on its page).
    fn text_height_mm(&self) -> f64 {
        let k = self.doc.kertas;
        match self.section {
            Halamannya::BabLebar | Halamannya::Lampiran => f64::from(k.lebar) - 50.0,
            _ => f64::from(k.tinggi) - 50.0,
        }
    }

    /// The `<w:sectPr>` of a layout.
    pub fn sect_pr(&self, s: Halamannya) -> String {
        let k = self.doc.kertas;
        let (w, h) = (mm(f64::from(k.lebar)), mm(f64::from(k.tinggi)));
        let refs = if s == Halamannya::Sampul {
            ""
        } else {
            "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
        };
        let size = match s {
            Halamannya::BabLebar | Halamannya::Lampiran => {
                format!("<w:pgSz w:w=\"{h}\" w:h=\"{w}\" w:orient=\"landscape\"/>")
            }
            _ => format!("<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>"),
        };
        let (top, right, bottom, left) = match s {
            Halamannya::Sampul => (25.0, 25.0, 25.0, 25.0),
            Halamannya::Lampiran => (20.0, 15.0, 18.0, 15.0),
            _ => (25.0, 25.0, 25.0, 30.0),
        };
        let margin = format!(
            "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
            mm(top),
            mm(right),
            mm(bottom),
            mm(left),
            mm(12.0),
            mm(10.0)
        );
        let numbers = match s {
            Halamannya::Sampul => "",
            Halamannya::Depan => "<w:pgNumType w:fmt=\"lowerRoman\" w:start=\"1\"/>",
            Halamannya::Bab { mulai: true } => "<w:pgNumType w:fmt=\"decimal\" w:start=\"1\"/>",
            _ => "<w:pgNumType w:fmt=\"decimal\"/>",
        };
        format!("<w:sectPr>{refs}<w:type w:val=\"nextPage\"/>{size}{margin}{numbers}</w:sectPr>")
    }

    /// Ends the current section and starts one of layout `next`.
    fn section(&mut self, next: Halamannya) {
        let p = Par {
            extra: self.sect_pr(self.section),
            ..Par::default()
        };
        self.out.push_str(&p.with(""));
        self.section = next;
    }

    fn p(&mut self, xml: String) {
        self.out.push_str(&xml);
    }

    /// The whole body (ending with its last section's properties), the
    /// lists for numbering.xml and the pictures placed.
    pub fn write(mut self) -> (String, Vec<(usize, usize)>, Media) {
        let doc = self.doc;
        self.cover();
        self.section(Halamannya::Depan);
        self.heading(1, "Kata Pengantar", false);
        self.items(&doc.depan.kata_pengantar);
        self.ttd();
        for (d, judul) in DAFTAR.iter().zip(["Daftar Isi", "Daftar Tabel", "Daftar Gambar"]) {
            self.heading(1, judul, false);
            self.out.push_str(&marker(*d));
        }
        self.heading(1, "Ringkasan Eksekutif", false);
        self.items(&doc.depan.ringkasan);
        self.section(Halamannya::Bab { mulai: true });
        for b in &doc.bab {
            if self.section == Halamannya::BabLebar {
                self.section(Halamannya::Bab { mulai: false });
            }
            self.heading(1, &b.judul, true);
            self.items(&b.isi);
        }
        self.section(Halamannya::Lampiran);
        self.heading(1, "Lampiran", false);
        for (i, l) in doc.lampiran.iter().enumerate() {
            self.lampiran(i, l);
        }
        let last = self.sect_pr(self.section);
        let mut body = std::mem::take(&mut self.out);
        for d in DAFTAR {
            body = body.replace(&marker(d), &self.daftar(d));
        }
        body.push_str(&last);
        (body, self.lists, self.media)
    }

    fn cover(&mut self) {
        let id = &self.doc.identitas;
        let c = |size: u32, text: &str, before: i64| {
            Par {
                rata: Some("center"),
                sebelum: Some(before),
                sesudah: Some(0),
                ..Par::default()
            }
            .with(&run(
                text,
                Gaya {
                    tebal: true,
                    ukuran: Some(size),
                    ..Gaya::BIASA
                },
            ))
        };
        self.p(c(28, &id.pemerintah, mm(8.0)));
        self.p(c(40, "LAPORAN KINERJA INSTANSI PEMERINTAH", mm(12.0)));
        self.p(c(32, "(LKjIP)", 0));
        let logo = match &self.doc.logo {
            Some(name) => self.gambar.picture(name).map(|pic| {
                let h = 40.0;
                let w = h * pic.lebar / pic.tinggi;
                self.media.inline(&pic, w, h, "Logo")
            }),
            None => None,
        };
        let logo_par = Par {
            rata: Some("center"),
            sebelum: Some(mm(15.0)),
            sesudah: Some(mm(if logo.is_some() { 15.0 } else { 55.0 })),
            ..Par::default()
        };
        self.p(logo_par.with(&logo.unwrap_or_default()));
        self.p(c(32, &id.nama_opd.to_uppercase(), 0));
        self.p(c(32, &id.pemerintah_daerah.to_uppercase(), 0));
        self.p(c(36, &format!("TAHUN {}", id.tahun), mm(12.0)));
        // at the foot of the page, as the PDF's cover puts it
        let alamat = Par {
            rata: Some("center"),
            extra: "<w:framePr w:wrap=\"around\" w:hAnchor=\"margin\" w:vAnchor=\"margin\" w:xAlign=\"center\" w:yAlign=\"bottom\"/>".into(),
            ..Par::default()
        };
        self.p(alamat.with(&run(&id.alamat.to_uppercase(), Gaya::BIASA)));
    }

    /// A heading; `numbered` steps the counter as Typst does (levels
    /// padded with zeros, lower levels reset).
    fn heading(&mut self, level: u8, teks: &str, numbered: bool) {
        let lvl = usize::from(level.clamp(1, 4));
        let number = numbered.then(|| {
            while self.counter.len() < lvl {
                self.counter.push(0);
            }
            self.counter[lvl - 1] += 1;
            self.counter.truncate(lvl);
            if lvl == 1 {
                format!("BAB {}", roman(self.counter[0]))
            } else {
                self.counter.iter().map(usize::to_string).collect::<Vec<_>>().join(".")
            }
        });
        let style = format!("Heading{lvl}");
        let runs = match (&number, lvl) {
            (Some(n), 1) => format!(
                "{}{}{}",
                run(n, Gaya::BIASA),
                br(),
                run(&teks.to_uppercase(), Gaya::BIASA)
            ),
            (Some(n), _) => format!("{}{}", run(n, Gaya::BIASA), run(&format!("\t{teks}"), Gaya::BIASA)),
            (None, 1) => run(&teks.to_uppercase(), Gaya::BIASA),
            (None, _) => run(teks, Gaya::BIASA),
        };
        self.p(styled(&style).with(&runs));
        // the Daftar Isi of the PDF goes two levels deep
        if lvl <= 2 {
            let halaman = self
                .halaman
                .and_then(|h| Halaman::find(&h.judul, &mut self.cursor_judul, teks))
                .unwrap_or_default();
            let teks = match number {
                Some(n) if lvl == 1 => format!("{n} {teks}"),
                Some(n) => format!("{n}\u{a0}\u{a0}{teks}"),
                None => teks.to_string(),
            };
            self.isi.push(Entri {
                level: level.min(2),
                teks,
                halaman,
            });
        }
    }

    fn items(&mut self, items: &[Item]) {
        for it in items {
            self.item(it);
        }
    }

    fn item(&mut self, it: &Item) {
        // a wide table of a chapter turns the page; wide tables one after
        // the other share the landscape section (no empty page between)
        let wide = matches!(it, Item::Tabel(t) if t.lebar);
        match self.section {
            Halamannya::Bab { .. } if wide => self.section(Halamannya::BabLebar),
            Halamannya::BabLebar if !wide => self.section(Halamannya::Bab { mulai: false }),
            _ => {}
        }
        match it {
            Item::H { level, teks } => self.heading(*level, teks, *level <= 4),
            Item::P { teks, gaya } => {
                let g = Gaya {
                    miring: *gaya == Some("em"),
                    ..Gaya::BIASA
                };
                // a lead-in stays with the table or chart it introduces
                let par = Par {
                    tetap_dengan_berikut: matches!(*gaya, Some("lekat" | "em")),
                    ..Par::default()
                };
                self.p(par.with(&run(teks, g)));
            }
            Item::Daftar { items, gaya, .. } => {
                let kind = match *gaya {
                    "-" => LIST_BULLET,
                    "(1)" => LIST_PAREN,
                    "a." => LIST_LETTER,
                    _ => LIST_DECIMAL,
                };
                let id = self.list(kind, 1);
                for t in items {
                    let p = Par {
                        gaya: Some("ListParagraph"),
                        nomor: Some((id, 0)),
                        ..Par::default()
                    };
                    self.p(p.with(&run(t, Gaya::BIASA)));
                }
            }
            Item::Narasi(n) => {
                for b in &n.blocks {
                    self.block(b, 0);
                }
            }
            Item::Tabel(t) => self.table(t, true),
            Item::Grafik(g) => self.chart(&g.judul, g.nomor.as_deref(), "Grafik"),
            Item::Bagan(b) => self.chart(&b.judul, b.nomor.as_deref(), "Gambar"),
            Item::Gambar {
                file,
                keterangan,
                nomor,
            } => self.picture(file, keterangan.as_str().unwrap_or_default(), nomor.as_deref()),
            Item::Ttd => self.ttd(),
            Item::TtdPk => self.ttd_pk(),
            Item::PernyataanPk(p) => {
                for x in super::tabel::pernyataan_pk(p) {
                    self.p(x);
                }
                self.ttd_pk();
                self.p("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>".into());
            }
        }
    }

    /// A new list instance (numbering restarts); its `numId`.
    fn list(&mut self, kind: usize, start: usize) -> usize {
        self.lists.push((kind, start));
        self.lists.len()
    }

    /// A narrative block of `narrative::jinja`'s tree.
    fn block(&mut self, b: &Value, depth: usize) {
        let c = || b.get("c").map(inlines).unwrap_or_default();
        match b["t"].as_str() {
            Some("h") => {
                let teks = b.get("c").map(plain).unwrap_or_default();
                // as gaya.typ › blok: `###` level 3, `####` level 4
                let level = if b["level"].as_u64().unwrap_or(3) >= 4 { 4 } else { 3 };
                self.heading(level, &teks, true);
            }
            Some("list") => {
                let ordered = b["ordered"].as_bool().unwrap_or(false);
                let start = b["start"].as_u64().unwrap_or(1) as usize;
                let kind = match (ordered, b["huruf"].as_bool().unwrap_or(false)) {
                    (true, true) => LIST_LETTER,
                    (true, false) => LIST_DECIMAL,
                    _ => LIST_BULLET,
                };
                let id = self.list(kind, start);
                for item in b["items"].as_array().into_iter().flatten() {
                    let blocks = item["c"].as_array().cloned().unwrap_or_default();
                    for (i, inner) in blocks.iter().enumerate() {
                        if i == 0 && inner["t"] == "p" {
                            let p = Par {
                                gaya: Some("ListParagraph"),
                                nomor: Some((id, depth.min(2))),
                                ..Par::default()
                            };
                            self.p(p.with(&inner.get("c").map(inlines).unwrap_or_default()));
                        } else {
                            self.block(inner, depth + 1);
                        }
                    }
                }
            }
            Some("quote") => {
                for inner in b["c"].as_array().into_iter().flatten() {
                    if inner["t"] == "p" {
                        self.p(styled("Quote").with(&inner.get("c").map(inlines).unwrap_or_default()));
                    } else {
                        self.block(inner, depth);
                    }
                }
            }
            Some("table") => self.narrative_table(b),
            Some("rule") => {
                let p = Par {
                    extra: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"
                        .into(),
                    ..Par::default()
                };
                self.p(p.with(""));
            }
            _ if b.get("c").is_some() => {
                let p = if depth > 0 {
                    Par {
                        indent: Some((360 * depth as i64 + 360, 0)),
                        ..Par::default()
                    }
                } else {
                    Par::default()
                };
                // a run-in label ("a. Kedudukan") stays with what follows
                let p = Par {
                    tetap_dengan_berikut: b["label"].as_bool().unwrap_or(false)
                        || b["lekat"].as_bool().unwrap_or(false),
                    ..p
                };
                self.p(p.with(&c()));
            }
            _ => {}
        }
    }

    fn narrative_table(&mut self, b: &Value) {
        let rows: Vec<&Value> = b["c"].as_array().into_iter().flatten().collect();
        let n = rows
            .iter()
            .map(|r| r["c"].as_array().map_or(0, Vec::len))
            .max()
            .unwrap_or(1)
            .max(1);
        let width = self.text_width(self.section);
        let col = width / n as i64;
        let mut x = table_start(&vec![col; n]);
        for r in rows {
            let head = r["head"].as_bool().unwrap_or(false);
            x.push_str(if head {
                "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            } else {
                "<w:tr>"
            });
            let cells = r["c"].as_array().cloned().unwrap_or_default();
            for i in 0..n {
                let content = cells.get(i).and_then(|c| c.get("c")).map(inlines).unwrap_or_default();
                let content = if head { bold_runs(&content) } else { content };
                x.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{col}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                    styled("IsiTabel").with(&content)
                ));
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.p(x);
        self.p(Par::default().with(""));
    }

    /// A caption: `Tabel 3.` and a `SEQ` field counting from each BAB, so
    /// Word's cross-references and Daftar Tabel find it; `judul` after.
    fn caption(&mut self, kind: &str, nomor: Option<&str>, judul: &str, keep_next: bool) {
        let num = match nomor {
            Some(n) => {
                let (chapter, k) = n.rsplit_once('.').unwrap_or(("", n));
                let prefix = if chapter.is_empty() {
                    String::new()
                } else {
                    format!("{chapter}.")
                };
                // `\s 1` restarts the count at each BAB in Word; LibreOffice
                // reads only `\r`, so the first of a chapter says it too
                let first = self.seq.insert((kind.to_string(), chapter.to_string()));
                let restart = if first { format!(" \\r {k}") } else { String::new() };
                format!(
                    "{}{}{}",
                    run(&format!("{kind} {prefix}"), Gaya::BIASA),
                    field(&format!("SEQ {kind} \\* ARABIC \\s 1{restart}"), k, Gaya::BIASA),
                    run(" ", Gaya::BIASA)
                )
            }
            None => String::new(),
        };
        let p = Par {
            gaya: Some("Caption"),
            tetap_dengan_berikut: keep_next,
            ..Par::default()
        };
        self.p(p.with(&format!("{num}{}", run(judul, Gaya::BIASA))));
        if let Some(n) = nomor {
            let halaman = self
                .halaman
                .and_then(|h| Halaman::find(&h.gambar, &mut self.cursor_gambar, judul))
                .unwrap_or_default();
            let e = Entri {
                level: 1,
                teks: format!("{kind} {n}\t{judul}"),
                halaman,
            };
            if kind == "Tabel" {
                self.tabel.push(e);
            } else {
                self.grafik.push(e);
            }
        }
    }

    /// A table of the document: caption, header rows repeated on every
    /// page, merged cells, the note below.
    fn table(&mut self, t: &Tabel, numbered: bool) {
        if numbered {
            self.caption("Tabel", t.nomor.as_deref(), &t.judul, true);
        }
        let width = self.text_width(self.section);
        let style = if t.kecil { "IsiTabelKecil" } else { "IsiTabel" };
        let cols = column_widths(t, width, if t.kecil { 7.0 } else { 8.5 });
        let mut x = table_start(&cols);
        let mut grid = Grid::new(cols.len());
        for r in &t.kepala {
            x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            grid.row(r, &cols, true, &mut x, |s| cell(s, style, true));
            x.push_str("</w:tr>");
        }
        for r in &t.baris {
            x.push_str("<w:tr>");
            grid.row(r, &cols, false, &mut x, |s| cell(s, style, false));
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.p(x);
        let after = match &t.catatan {
            Some(c) => Par {
                gaya: Some("Catatan"),
                ..Par::default()
            }
            .with(&run(c, Gaya::BIASA)),
            None => Par {
                sesudah: Some(0),
                ..Par::default()
            }
            .with(""),
        };
        self.p(after);
    }

    /// A chart or the organisation chart, drawn by Typst (`gambar`), with
    /// its caption (`Grafik 3.1`, `Gambar 1.1`).
    fn chart(&mut self, judul: &str, nomor: Option<&str>, supplement: &str) {
        let pic = self.gambar.charts.get(self.chart).cloned();
        self.chart += 1;
        let drawing = pic.map(|pic| {
            let (w, h) = self.fit(pic.lebar, pic.tinggi, 1.0);
            self.media.inline(&pic, w, h, judul)
        });
        let p = Par {
            rata: Some("center"),
            tetap_dengan_berikut: true,
            sesudah: Some(0),
            ..Par::default()
        };
        self.p(p.with(&drawing.unwrap_or_default()));
        self.caption(supplement, nomor, judul, false);
    }

    /// A size in mm that fits the text area (`share` of its width at most).
    fn fit(&self, w: f64, h: f64, share: f64) -> (f64, f64) {
        let max_w = self.text_width(self.section) as f64 / super::xml::TWIP_PER_MM * share;
        let max_h = self.text_height_mm() * 0.8;
        let scale = (max_w / w).min(max_h / h).min(1.0);
        (w * scale, h * scale)
    }

    fn picture(&mut self, file: &str, keterangan: &str, nomor: Option<&str>) {
        let Some(pic) = self.gambar.picture(file) else {
            return;
        };
        let max_w = self.text_width(self.section) as f64 / super::xml::TWIP_PER_MM * 0.9;
        let (w, h) = self.fit(max_w, max_w * pic.tinggi / pic.lebar, 0.9);
        let drawing = self.media.inline(&pic, w, h, keterangan);
        let p = Par {
            rata: Some("center"),
            tetap_dengan_berikut: true,
            sesudah: Some(0),
            ..Par::default()
        };
        self.p(p.with(&drawing));
        self.caption("Gambar", nomor, keterangan, false);
    }

    /// The head of the agency's signature: a borderless block on the
    /// right that never splits.
    fn ttd(&mut self) {
        let id = &self.doc.identitas;
        let lines = signature(id, &format!("{},", id.kepala.jabatan), true);
        let w = mm(80.0);
        let mut x = format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{w}\" w:type=\"dxa\"/><w:jc w:val=\"right\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{w}\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
        );
        x.push_str(&lines);
        x.push_str("</w:tc></w:tr></w:tbl>");
        self.p(Par {
            tetap_dengan_berikut: true,
            sesudah: Some(0),
            ..Par::default()
        }
        .with(""));
        self.p(x);
        self.p(Par::default().with(""));
    }

    /// The two signatures of the Perjanjian Kinerja side by side.
    fn ttd_pk(&mut self) {
        let id = &self.doc.identitas;
        let half = self.text_width(self.section) / 2;
        let named = Gaya {
            tebal: true,
            garis_bawah: true,
            ..Gaya::BIASA
        };
        let left = {
            let c = |t: &str| signature_line(t, Gaya::BIASA, true);
            // an empty line where the right column has its date: the two
            // names on one line
            let mut s = c("");
            s.push_str(&c("Pihak Kedua,"));
            if let Some(a) = &id.atasan {
                s.push_str(&c(&format!("{},", a.jabatan)));
                s.push_str(&signature_space());
                s.push_str(&signature_line(&a.nama, named, false));
            } else {
                s.push_str(&signature_space());
            }
            s
        };
        let right = {
            let mut s = signature_line(&format!("{}, {}", id.tempat_pk, id.tanggal_pk), Gaya::BIASA, true);
            s.push_str(&signature_line("Pihak Kesatu,", Gaya::BIASA, true));
            s.push_str(&signature(id, &format!("{},", id.kepala.jabatan), false));
            s
        };
        let mut x = format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{half}\"/><w:gridCol w:w=\"{half}\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>",
            half * 2
        );
        for side in [left, right] {
            x.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{half}\" w:type=\"dxa\"/></w:tcPr>{side}</w:tc>"
            ));
        }
        x.push_str("</w:tr></w:tbl>");
        self.p(x);
        self.p(Par::default().with(""));
    }

    fn lampiran(&mut self, i: usize, l: &Bab) {
        let mut lines = l.judul.split('\n');
        let first = lines.next().unwrap_or_default();
        if i > 0 {
            self.p("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>".into());
        }
        self.heading(2, first, false);
        let rest: Vec<&str> = lines.collect();
        if !rest.is_empty() {
            let p = Par {
                rata: Some("center"),
                tetap_dengan_berikut: true,
                ..Par::default()
            };
            self.p(p.with(&run(
                &rest.join("\n"),
                Gaya {
                    tebal: true,
                    ukuran: Some(20),
                    ..Gaya::BIASA
                },
            )));
        }
        for it in &l.isi {
            match it {
                Item::Tabel(t) => self.table(t, false),
                it => self.item(it),
            }
        }
    }

    /// A Daftar as a `TOC` field with its entries filled in, so it reads
    /// right before Word updates it.
    fn daftar(&self, d: Daftar) -> String {
        match d {
            Daftar::Isi => self.toc(d, &self.isi, "TOC \\o \"1-2\" \\h \\z \\u"),
            Daftar::Tabel => self.toc(d, &self.tabel, "TOC \\h \\z \\c \"Tabel\""),
            // the PDF lists charts and pictures in one Daftar Gambar; Word
            // lists one caption label per field: the charts, then the
            // pictures of gambar/ when there are any
            Daftar::Gambar => {
                let (grafik, gambar): (Vec<&Entri>, Vec<&Entri>) =
                    self.grafik.iter().partition(|e| e.teks.starts_with("Grafik"));
                let mut x = self.toc(d, &grafik, "TOC \\h \\z \\c \"Grafik\"");
                if !gambar.is_empty() {
                    x.push_str(&self.toc(d, &gambar, "TOC \\h \\z \\c \"Gambar\""));
                }
                x
            }
        }
    }

    /// One `TOC` field with its entries.
    fn toc<E: std::borrow::Borrow<Entri>>(&self, d: Daftar, entries: &[E], instr: &str) -> String {
        let style = |level: u8| match d {
            Daftar::Isi => format!("TOC{level}"),
            _ => "TableofFigures".to_string(),
        };
        let tab = format!(
            "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\"/></w:tabs>",
            self.text_width(Halamannya::Depan)
        );
        let begin = format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            esc(instr)
        );
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        if entries.is_empty() {
            let empty = match d {
                Daftar::Isi => "Tidak ada judul.",
                Daftar::Tabel => "Tidak ada tabel.",
                Daftar::Gambar => "Tidak ada gambar.",
            };
            return Par::default().with(&format!("{begin}{}{end}", run(empty, Gaya::BIASA)));
        }
        let mut x = String::new();
        let n = entries.len();
        for (i, e) in entries.iter().enumerate() {
            let e: &Entri = e.borrow();
            let st = style(e.level);
            let p = Par {
                gaya: Some(&st),
                extra: tab.clone(),
                ..Par::default()
            };
            let mut runs = String::new();
            if i == 0 {
                runs.push_str(&begin);
            }
            runs.push_str(&run(&format!("{}\t{}", e.teks, e.halaman), Gaya::BIASA));
            if i + 1 == n {
                runs.push_str(end);
            }
            x.push_str(&p.with(&runs));
        }
        x
    }
}
