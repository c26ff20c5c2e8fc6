//! The Word copy: built once from the example through the library, its
//! `word/document.xml` read back, and compared with the PDF laid out from
//! the same folder — every heading, table cell, caption, sentence and
//! figure in the same order. Where LibreOffice Writer is installed (CI
//! installs it) it must open the file and convert it to PDF.

use lkjip::load::load;
use lkjip::render::docx::DocxRenderer;
use lkjip::render::pdf::{PdfRenderer, halaman, page_texts};
use lkjip::render::{Renderer, Report};
use quick_xml::events::Event;
use std::io::Read;
use std::process::Command;
use std::sync::OnceLock;

mod common;
use common::{copy_dir, example, fixture, png};

/// A paragraph of the DOCX: its style, its text, whether it sits in a
/// table.
#[derive(Debug, Clone)]
struct Para {
    style: String,
    text: String,
    in_table: bool,
}

/// A table: its style and rows of cells; a cell continuing a row span
/// from above is `None`.
#[derive(Debug, Default)]
struct Table {
    style: String,
    rows: Vec<Vec<Option<String>>>,
    /// Rows marked to repeat on every page (`w:tblHeader`).
    head_rows: usize,
}

struct Docx {
    bytes: Vec<u8>,
    paras: Vec<Para>,
    tables: Vec<Table>,
}

struct Built {
    docx: Docx,
    pdf_pages: Vec<String>,
    /// Headings and figure captions of the PDF (introspected).
    pdf_headings: usize,
    doc: lkjip::document::Dokumen,
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The value of an attribute of an element (`w:val`).
fn attr(e: &quick_xml::events::BytesStart, key: &str) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.to_string())
        .unwrap_or_default()
}

/// The list kinds of numbering.xml: per `numId`, the level-0 format,
/// its text (`(%1)`) and the start.
fn numbering(bytes: &[u8]) -> std::collections::HashMap<String, (String, String, u32)> {
    let xml = part(bytes, "word/numbering.xml");
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut abstracts: std::collections::HashMap<String, (String, String)> = Default::default();
    let mut out = std::collections::HashMap::new();
    let (mut abs, mut lvl0, mut num, mut abs_of) = (String::new(), false, String::new(), String::new());
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "w:abstractNum" => abs = attr(&e, "w:abstractNumId"),
            Event::Start(e) if e.name().as_ref() == "w:lvl" => lvl0 = attr(&e, "w:ilvl") == "0",
            Event::Empty(e) if lvl0 && e.name().as_ref() == "w:numFmt" => {
                abstracts.entry(abs.clone()).or_default().0 = attr(&e, "w:val")
            }
            Event::Empty(e) if lvl0 && e.name().as_ref() == "w:lvlText" => {
                abstracts.entry(abs.clone()).or_default().1 = attr(&e, "w:val")
            }
            Event::Start(e) if e.name().as_ref() == "w:num" => num = attr(&e, "w:numId"),
            Event::Empty(e) if e.name().as_ref() == "w:abstractNumId" => abs_of = attr(&e, "w:val"),
            Event::Empty(e) if e.name().as_ref() == "w:startOverride" => {
                let (f, t) = abstracts[&abs_of].clone();
                out.insert(num.clone(), (f, t, attr(&e, "w:val").parse().unwrap()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Reads paragraphs and tables of `word/document.xml`; a list item's text
/// starts with its marker as Word numbers it (`(2) `, `b. `).
fn parse(bytes: Vec<u8>) -> Docx {
    let lists = numbering(&bytes);
    let mut counters: std::collections::HashMap<(String, String), u32> = Default::default();
    let xml = part(&bytes, "word/document.xml");
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut paras = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut stack: Vec<usize> = Vec::new(); // open tables (indices)
    let mut para: Option<Para> = None;
    let mut cell: Option<(String, bool)> = None; // text, continuation
    let mut in_t = false;
    let mut ilvl = String::from("0");
    let mut in_run = false;
    let mut in_instr = false;
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:tbl" => {
                tables.push(Table::default());
                stack.push(tables.len() - 1);
            }
            Event::End(e) if e.name().as_ref() == "w:tbl" => {
                stack.pop();
            }
            Event::Start(e) if e.name().as_ref() == "w:tr" => {
                if let Some(&t) = stack.last() {
                    tables[t].rows.push(Vec::new());
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:tc" => cell = Some((String::new(), false)),
            Event::End(e) if e.name().as_ref() == "w:tc" => {
                if let (Some((text, cont)), Some(&t)) = (cell.take(), stack.last()) {
                    let row = tables[t].rows.last_mut().unwrap();
                    row.push((!cont).then(|| text.trim_end_matches('\n').to_string()));
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:tblHeader" => {
                if let Some(&t) = stack.last() {
                    tables[t].head_rows += 1;
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:vMerge" => {
                let restart = attr(&e, "w:val") == "restart";
                if !restart && let Some(c) = cell.as_mut() {
                    c.1 = true;
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:tblStyle" => {
                if let Some(&t) = stack.last() {
                    tables[t].style = attr(&e, "w:val");
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                para = Some(Para {
                    style: String::new(),
                    text: String::new(),
                    in_table: !stack.is_empty(),
                })
            }
            Event::Empty(e) if e.name().as_ref() == "w:p" => {
                if let Some(c) = cell.as_mut() {
                    c.0.push('\n');
                }
            }
            Event::End(e) if e.name().as_ref() == "w:p" => {
                if let Some(p) = para.take() {
                    if let Some(c) = cell.as_mut() {
                        c.0.push_str(&p.text);
                        c.0.push('\n');
                    }
                    paras.push(p);
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:numId" => {
                let id = attr(&e, "w:val");
                let (fmt, text, start) = lists[&id].clone();
                let n = counters.entry((id, ilvl.clone())).or_insert(start - 1);
                *n += 1;
                // every level prints as level 0 does (numbering.xml)
                let shown = match fmt.as_str() {
                    "lowerLetter" => char::from(b'a' + (*n - 1) as u8).to_string(),
                    _ => n.to_string(),
                };
                let marker = if fmt == "bullet" {
                    text
                } else {
                    text.replace("%1", &shown)
                };
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&marker);
                    p.text.push(' ');
                }
            }
            Event::Empty(e) if e.name().as_ref() == "w:ilvl" => {
                ilvl = attr(&e, "w:val");
            }
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                if let Some(p) = para.as_mut() {
                    p.style = attr(&e, "w:val");
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:r" => in_run = true,
            Event::End(e) if e.name().as_ref() == "w:r" => in_run = false,
            Event::Empty(e) if in_run && (e.name().as_ref() == "w:tab" || e.name().as_ref() == "w:br") => {
                if let Some(p) = para.as_mut() {
                    p.text.push(if e.name().as_ref() == "w:tab" { '\t' } else { '\n' });
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::Start(e) if e.name().as_ref() == "w:instrText" => in_instr = true,
            Event::End(e) if e.name().as_ref() == "w:instrText" => in_instr = false,
            Event::Text(t) if in_t && !in_instr => {
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) if in_t => {
                let s = match g.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {}", other),
                };
                if let Some(p) = para.as_mut() {
                    p.text.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Docx { bytes, paras, tables }
}

/// The example laid out once as PDF and written as DOCX with the PDF's
/// page numbers, as `lkjip build` does.
fn built() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let loaded = load(&example());
        let ctx = loaded.context().expect("a model");
        let (pdf, _) = PdfRenderer::default()
            .document(&ctx, &mut Report::default())
            .unwrap_or_else(|e| panic!("{e:?}"));
        let mut report = Report {
            halaman: Some(halaman(&pdf)),
            ..Report::default()
        };
        let pdf_headings = report.halaman.as_ref().unwrap().judul.len();
        let out = DocxRenderer::default()
            .render(&ctx, &mut report)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].file_name, "LKjIP-dspppa-belitung-2024.docx");
        let doc = lkjip::render::dokumen(&ctx, false).unwrap();
        Built {
            docx: parse(out[0].bytes.clone()),
            pdf_pages: page_texts(&pdf).into_iter().map(|p| p.replace('\u{a0}', " ")).collect(),
            pdf_headings,
            doc,
        }
    })
}

/// Text compared without whitespace, hyphens (the PDF hyphenates justified
/// lines) or case (the PDF prints level-2 headings in capitals).
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2010}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The PDF's body: every page but those of the Daftar Isi / Tabel /
/// Gambar (they repeat every heading), without the header line.
fn pdf_body(b: &Built) -> String {
    body_pages(b).iter().map(|(_, p)| squash(p)).collect()
}

/// The pages of the PDF's body, numbered from 1, as text without the
/// header line and the footer's page number: every page but those of the
/// Daftar Isi / Tabel / Gambar (they repeat every heading).
fn body_pages(b: &Built) -> Vec<(usize, &str)> {
    let pages = &b.pdf_pages;
    let first = pages.iter().position(|p| p.contains("DAFTAR ISI")).unwrap();
    let last = pages.iter().position(|p| p.contains("RINGKASAN EKSEKUTIF")).unwrap();
    let id = &b.doc.identitas;
    let header = format!(
        "Laporan Kinerja {} {} Tahun {}",
        id.nama_opd, id.pemerintah_daerah, id.tahun
    );
    pages
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < first || *i >= last)
        .map(|(i, p)| {
            let p = p.trim_start().strip_prefix(header.as_str()).unwrap_or(p).trim_end();
            let p = match p.rsplit_once(' ') {
                Some((rest, n)) if n.chars().all(|c| c.is_ascii_digit() || "ivxl".contains(c)) => rest,
                _ => p,
            };
            (i + 1, p)
        })
        .collect()
}

/// Finds each text in `hay` in order; returns the first that is missing
/// with what follows the cursor.
fn in_order<'a>(hay: &str, texts: impl IntoIterator<Item = &'a str>) -> Result<usize, String> {
    let mut at = 0;
    let mut n = 0;
    for t in texts {
        let k = squash(t);
        if k.is_empty() {
            continue;
        }
        match hay[at..].find(&k) {
            Some(i) => {
                at += i + k.len();
                n += 1;
            }
            None => {
                let end = hay.len().min(at + 300);
                let mut e = end;
                while !hay.is_char_boundary(e) {
                    e -= 1;
                }
                return Err(format!("{t:?} not found after: {}", &hay[at..e]));
            }
        }
    }
    Ok(n)
}

fn is_daftar(p: &Para) -> bool {
    p.style.starts_with("TOC") || p.style == "TableofFigures"
}

#[test]
fn every_heading_of_the_pdf_is_a_word_heading_in_the_same_order() {
    let b = built();
    let headings: Vec<&Para> = b.docx.paras.iter().filter(|p| p.style.starts_with("Heading")).collect();
    // the same headings as the PDF's, counted by Typst
    assert_eq!(headings.len(), b.pdf_headings);
    let levels = |l: &str| headings.iter().filter(|p| p.style == l).count();
    // cover-less front matter (5) + BAB I–IV + Lampiran
    assert_eq!(levels("Heading1"), 5 + 4 + 1);
    assert_eq!(levels("Heading2"), b.doc.lampiran.len() + count_h(&b.doc, 2));
    // (a year is tied to its "Tahun" by a no-break space)
    let texts: Vec<String> = headings.iter().map(|p| p.text.replace('\u{a0}', " ")).collect();
    assert_eq!(texts[0], "KATA PENGANTAR");
    assert!(
        texts.contains(&"BAB III\nAKUNTABILITAS KINERJA".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"3.1\tCapaian Kinerja Tahun 2024".to_string()),
        "{texts:?}"
    );
    let body = pdf_body(b);
    let outside: Vec<&str> = texts
        .iter()
        .map(String::as_str)
        .filter(|t| !t.starts_with("DAFTAR "))
        .collect();
    let found = in_order(&body, outside.iter().copied()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found, texts.len() - 3);
}

/// Headings of a level in the document.
fn count_h(doc: &lkjip::document::Dokumen, level: u8) -> usize {
    doc.items()
        .filter(|it| matches!(it, lkjip::document::Item::H { level: l, .. } if *l == level))
        .count()
}

#[test]
fn every_table_and_every_cell_is_there_in_the_same_order() {
    let b = built();
    let data: Vec<&Table> = b.docx.tables.iter().filter(|t| t.style == "TabelLkjip").collect();
    let tabel: Vec<&lkjip::document::item::Tabel> = b
        .doc
        .items()
        .filter_map(|it| match it {
            lkjip::document::Item::Tabel(t) => Some(&**t),
            _ => None,
        })
        .collect();
    // no narrative of the example holds a Markdown table
    assert_eq!(data.len(), tabel.len());
    assert!(tabel.len() > 60, "{}", tabel.len());
    for (d, t) in data.iter().zip(&tabel) {
        assert_eq!(d.rows.len(), t.kepala.len() + t.baris.len(), "{}", t.judul);
        // every cell of the document, in order, is a cell of the Word table
        let cells: Vec<String> = d.rows.iter().flatten().flatten().cloned().collect();
        let want: Vec<&str> = t
            .kepala
            .iter()
            .chain(&t.baris)
            .flatten()
            .map(|c| c.isi.as_str())
            .collect();
        assert_eq!(cells.len(), want.len(), "{}", t.judul);
        for (c, w) in cells.iter().zip(&want) {
            assert_eq!(c, w, "{}", t.judul);
        }
    }
    // and the PDF prints the same tables in the same order, each cell in
    // its table's stretch of the PDF: from its caption to the next one
    // (the Lampiran's tables, which have none, after the last). Inside a
    // table the PDF's reading order differs where a row span or a page
    // break splits a cell: a cell that is not found whole is found word by
    // word.
    let body = pdf_body(b);
    let mut starts = Vec::new();
    let mut at = 0;
    for (d, t) in data.iter().zip(&tabel) {
        if let Some(n) = &t.nomor {
            let cap = squash(&format!("Tabel {n} {}", t.judul));
            let i = body[at..]
                .find(&cap)
                .unwrap_or_else(|| panic!("caption of Tabel {n} not in the PDF in order"));
            at += i + cap.len();
        }
        starts.push((at, d));
    }
    let mut checked = 0;
    for (k, (from, d)) in starts.iter().enumerate() {
        let to = starts
            .iter()
            .skip(k + 1)
            .map(|(s, _)| *s)
            .find(|s| s > from)
            .unwrap_or(body.len());
        let region = &body[*from..to];
        for c in d.rows.iter().flatten().flatten() {
            let whole = squash(c);
            if !region.contains(&whole) {
                for w in c.split_whitespace() {
                    assert!(
                        region.contains(&squash(w)),
                        "{w:?} of cell {c:?} not in its table in the PDF"
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 2000, "{checked}");
    let all: Vec<&str> = data
        .iter()
        .flat_map(|t| t.rows.iter().flatten().flatten())
        .map(String::as_str)
        .collect();
    // figures of the reference report (Ringkasan, Tabel 3.47) in cells
    for f in ["10.314.852.053", "9.521.256.875", "92,31\u{a0}%"] {
        assert!(all.iter().any(|c| c.contains(f)), "{f}");
    }
}

#[test]
fn every_paragraph_and_figure_reads_as_in_the_pdf() {
    let b = built();
    let body = pdf_body(b);
    let texts: Vec<&str> = b
        .docx
        .paras
        .iter()
        .filter(|p| !p.in_table && !is_daftar(p))
        .map(|p| p.text.as_str())
        .collect();
    // from the Kata Pengantar on (the cover is laid out by each backend),
    // but the Daftar titles, whose pages are left out
    let start = texts.iter().position(|t| *t == "KATA PENGANTAR").unwrap();
    let found = in_order(
        &body,
        texts[start..].iter().copied().filter(|t| !t.starts_with("DAFTAR ")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(found > 500, "{found}");
    // every figure of the PDF is in the DOCX, as often: the numbers of
    // its pages but the page numbers, the charts' value labels (pictures
    // in the DOCX) and the repeated header rows of tables. The order is
    // the paragraph check's above and the table check's
    let docx_numbers = numbers(
        &b.docx
            .paras
            .iter()
            .filter(|p| !is_daftar(p))
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let charts: Vec<String> = chart_labels(&b.doc);
    // a table's header rows repeat on each page of the PDF, once in the
    // DOCX (Word repeats them)
    let repeated: Vec<String> = b
        .docx
        .tables
        .iter()
        .flat_map(|t| t.rows.iter().take(t.head_rows).flatten().flatten())
        .flat_map(|c| numbers(c))
        .collect();
    let mut have: std::collections::HashMap<&str, usize> = Default::default();
    for n in &docx_numbers {
        *have.entry(n.as_str()).or_default() += 1;
    }
    // a figure the PDF broke over two lines of a narrow cell is one
    // figure of the DOCX
    let long: Vec<&String> = docx_numbers.iter().filter(|n| n.len() > 12).collect();
    let mut checked = 0;
    // the cover is laid out by each backend
    for (page, text) in body_pages(b).into_iter().skip(1) {
        let nums = numbers(text);
        for n in nums {
            if charts.contains(&n) || repeated.contains(&n) || long.iter().any(|l| l.contains(&n)) {
                continue;
            }
            let left = have
                .get_mut(n.as_str())
                .unwrap_or_else(|| panic!("{n} of PDF page {} is not in the DOCX", page));
            assert!(*left > 0, "{n} of PDF page {} is in the DOCX fewer times", page);
            *left -= 1;
            checked += 1;
        }
    }
    assert!(checked > 2500, "{checked}");
}

/// Numeric tokens: digits with their `.` and `,` (`10.314.852.053`,
/// `92,31`).
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().chain([' ']) {
        if c.is_ascii_digit() || (!cur.is_empty() && matches!(c, '.' | ',')) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches(['.', ',']).to_string());
            cur.clear();
        }
    }
    out
}

/// What a chart prints as text in the PDF: its labels and values (as
/// `gaya.typ` formats them: rounded to two decimals, decimal comma).
fn chart_labels(doc: &lkjip::document::Dokumen) -> Vec<String> {
    let mut out = Vec::new();
    for it in doc.bab.iter().flat_map(|b| &b.isi) {
        if let lkjip::document::Item::Grafik(g) = it {
            for l in &g.label {
                out.extend(numbers(l));
            }
            let all: Vec<f64> = g
                .seri
                .iter()
                .flat_map(|s| s.nilai.iter().flatten())
                .map(|v| v.parse().unwrap())
                .collect();
            // every value label with the decimals of the most precise one
            // (at most two), as gaya.typ prints them
            let decimals = |x: f64| {
                let r = ((x.abs() * 100.0).round() / 100.0).to_string();
                r.split_once('.').map_or(0, |(_, d)| d.len())
            };
            let d = all.iter().map(|x| decimals(*x)).max().unwrap_or(0);
            for x in &all {
                out.extend(numbers(&format!("{x:.d$}").replace('.', ",")));
            }
            // the value axis: round steps as gaya.typ computes them
            let maks0 = all.iter().copied().fold(0.0, f64::max);
            let mins0 = all.iter().copied().fold(0.0, f64::min);
            let kasar = if maks0 == mins0 { 1.0 } else { (maks0 - mins0) / 5.0 };
            let besar = 10f64.powf(kasar.log10().floor());
            let langkah = [1.0, 2.0, 2.5, 5.0, 10.0]
                .iter()
                .map(|m| m * besar)
                .find(|s| *s >= kasar)
                .unwrap();
            let maks = (maks0 / langkah - 1e-6).ceil() * langkah;
            let mins = (mins0 / langkah + 1e-6).floor() * langkah;
            let steps = ((maks - mins) / langkah).round() as i64;
            for i in 0..=steps {
                let t = ((mins + i as f64 * langkah) * 100.0).round() / 100.0;
                out.extend(numbers(&t.to_string().replace('.', ",")));
            }
        }
    }
    out
}

#[test]
fn the_lists_carry_the_pages_of_the_pdf_and_the_captions_are_fields() {
    let b = built();
    let toc: Vec<&Para> = b.docx.paras.iter().filter(|p| p.style == "TOC2").collect();
    // Daftar Isi: "3.1  Capaian Kinerja Tahun 2024<tab>page"
    let e = toc
        .iter()
        .find(|p| p.text.starts_with("3.1\u{a0}\u{a0}Capaian Kinerja"))
        .unwrap_or_else(|| panic!("3.1 in the Daftar Isi: {:?}", &toc[..toc.len().min(8)]));
    let (_, page) = e.text.rsplit_once('\t').unwrap();
    // the PDF prints "3.1 CAPAIAN KINERJA TAHUN 2024" on that page, with
    // the page number in its footer
    let n: usize = page.parse().unwrap();
    let on_page = b
        .pdf_pages
        .iter()
        .find(|p| p.contains("3.1 CAPAIAN KINERJA TAHUN 2024") && p.trim_end().ends_with(&format!(" {n}")));
    assert!(on_page.is_some(), "page {n}");
    // every entry has its page
    for p in b.docx.paras.iter().filter(|p| is_daftar(p)) {
        let (_, page) = p.text.rsplit_once('\t').unwrap_or_else(|| panic!("{p:?}"));
        assert!(!page.is_empty(), "{p:?}");
    }
    let xml = part(&b.docx.bytes, "word/document.xml");
    assert!(xml.contains(r#" TOC \o &quot;1-2&quot; \h \z \u "#));
    assert!(xml.contains(r#" TOC \h \z \c &quot;Tabel&quot; "#));
    assert!(xml.contains(r#" SEQ Tabel \* ARABIC \s 1 "#));
    let captions = b.docx.paras.iter().filter(|p| p.style == "Caption").count();
    let tabel = b
        .docx
        .paras
        .iter()
        .filter(|p| p.style == "TableofFigures" && p.text.starts_with("Tabel "))
        .count();
    assert!(tabel > 40 && captions > tabel, "{tabel} {captions}");
    // sections: the front matter counts i, ii, …; BAB I starts at 1;
    // the Lampiran are landscape
    assert!(xml.contains(r#"<w:pgNumType w:fmt="lowerRoman" w:start="1"/>"#));
    assert!(xml.contains(r#"<w:pgNumType w:fmt="decimal" w:start="1"/>"#));
    assert!(xml.ends_with(r#"w:orient="landscape"/><w:pgMar w:top="1134" w:right="850" w:bottom="1020" w:left="850" w:header="680" w:footer="567" w:gutter="0"/><w:pgNumType w:fmt="decimal"/></w:sectPr></w:body></w:document>"#));
    // no section without content (an empty page in Word)
    assert!(!xml.contains("</w:sectPr></w:pPr></w:p><w:p><w:pPr><w:sectPr>"));
    // the charts are pictures: one per chart of the document, and the
    // organisation chart (Gambar 1.1)
    let charts = b
        .doc
        .bab
        .iter()
        .flat_map(|x| &x.isi)
        .filter(|it| matches!(it, lkjip::document::Item::Grafik(_) | lkjip::document::Item::Bagan(_)))
        .count();
    assert!(
        b.docx
            .paras
            .iter()
            .any(|p| p.style == "Caption" && p.text.contains("Struktur Organisasi")),
        "the organisation chart's caption"
    );
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&b.docx.bytes)).unwrap();
    let media: Vec<String> = z
        .file_names()
        .map(|n| n.unwrap().to_string())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), charts, "{media:?}");
    let mut png = Vec::new();
    z.by_name(&media[0]).unwrap().read_to_end(&mut png).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // 300 dpi: a 14 cm chart is over 1600 pixels wide
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert!(w > 1600, "{w}");
}

#[test]
fn two_builds_give_the_same_bytes() {
    let b = built();
    let loaded = load(&example());
    let ctx = loaded.context().unwrap();
    // without the PDF of the build: laid out anew for the page numbers
    let again = DocxRenderer::default().render(&ctx, &mut Report::default()).unwrap();
    assert!(again[0].bytes == b.docx.bytes, "the DOCX differs between two builds");
}

/// LibreOffice Writer opens the DOCX and converts it to PDF; the PDF has
/// the report's pages and text.
#[test]
fn libreoffice_writer_opens_and_converts_it() {
    if Command::new("soffice").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("LKJIP_REQUIRE_SOFFICE").is_none(),
            "LibreOffice (soffice) is required here but not installed"
        );
        eprintln!("skipped: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        return;
    }
    let b = built();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("LKjIP.docx");
    std::fs::write(&file, &b.docx.bytes).unwrap();
    let profile = tmp.path().join("profile");
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(tmp.path())
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("Error"), "{err}");
    let pdf = tmp.path().join("LKjIP.pdf");
    let bytes = std::fs::read(&pdf).unwrap_or_else(|_| panic!("no PDF: {err}"));
    assert!(bytes.starts_with(b"%PDF"));
    if let Ok(o) = Command::new("pdftotext").arg(&pdf).arg("-").output() {
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains("BAB III"), "converted text");
        assert!(text.contains("10.314.852.053"));
        let pages = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&pages.stdout);
        let n: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap();
        // about as long as the PDF (Writer's line breaks differ)
        assert!(
            n * 10 >= b.pdf_pages.len() * 8 && n * 10 <= b.pdf_pages.len() * 14,
            "{n}"
        );
    }
}

#[test]
fn the_xml_parts_are_well_formed() {
    let b = built();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&b.docx.bytes)).unwrap();
    let names: Vec<String> = z.file_names().map(|n| n.unwrap().to_string()).collect();
    for n in names.iter().filter(|n| n.ends_with(".xml") || n.ends_with(".rels")) {
        let mut s = String::new();
        z.by_name(n).unwrap().read_to_string(&mut s).unwrap();
        let mut r = quick_xml::Reader::from_str(&s);
        let mut depth = 0i64;
        loop {
            match r.read_event() {
                Ok(Event::Start(_)) => depth += 1,
                Ok(Event::End(_)) => depth -= 1,
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{n}: {e}"),
            }
        }
        assert_eq!(depth, 0, "{n}");
    }
}

/// Pictures of `gambar/`: the logo on the cover, a PNG as it is, an SVG
/// and a GIF rendered to PNG by Typst; each with its caption (a `SEQ
/// Gambar` field) and its alternative text; one file per picture however
/// often it is placed.
#[test]
fn pictures_are_embedded_with_their_captions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("f");
    copy_dir(&fixture("ok-dasar"), &dir);
    std::fs::create_dir_all(dir.join("gambar")).unwrap();
    std::fs::create_dir_all(dir.join("narasi")).unwrap();
    std::fs::write(dir.join("gambar/logo.png"), png(40, 50)).unwrap();
    std::fs::write(dir.join("gambar/foto.png"), png(300, 150)).unwrap();
    std::fs::write(
        dir.join("gambar/bagan.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="navy"/></svg>"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("gambar/kecil.gif"),
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
    )
    .unwrap();
    std::fs::write(
        dir.join("narasi/1.2-struktur-organisasi.md"),
        "Bagan organisasi berikut.\n\n{{ gambar(\"bagan.svg\", \"Bagan Organisasi\") }}\n\n{{ gambar(\"foto.png\", \"Rapat Koordinasi\") }}\n\n{{ gambar(\"kecil.gif\", \"Ikon\") }}\n\n{{ gambar(\"foto.png\", \"Rapat Koordinasi Lagi\") }}\n",
    )
    .unwrap();
    let loaded = load(&dir);
    assert!(!loaded.findings.has_errors(), "{:?}", loaded.findings.sorted());
    let ctx = loaded.context().unwrap();
    let out = DocxRenderer::default()
        .render(&ctx, &mut Report::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let d = parse(out[0].bytes.clone());
    let xml = part(&d.bytes, "word/document.xml");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&d.bytes)).unwrap();
    let mut media: Vec<String> = z
        .file_names()
        .map(|n| n.unwrap().to_string())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    media.sort();
    let charts = ctx_charts(&lkjip::render::dokumen(&ctx, false).unwrap());
    // logo, bagan, foto (once for its two placements), kecil, the charts
    assert_eq!(media.len(), 4 + charts, "{media:?}");
    // the logo as given: its own bytes
    let mut first = Vec::new();
    z.by_name("word/media/gambar1.png")
        .unwrap()
        .read_to_end(&mut first)
        .unwrap();
    assert_eq!(first, png(40, 50));
    for m in &media {
        let mut b = Vec::new();
        z.by_name(m).unwrap().read_to_end(&mut b).unwrap();
        assert!(b.starts_with(b"\x89PNG"), "{m}");
    }
    let captions: Vec<&str> = d
        .paras
        .iter()
        .filter(|p| p.style == "Caption" && p.text.starts_with("Gambar"))
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        captions,
        [
            "Gambar 1.1 Bagan Organisasi",
            "Gambar 1.2 Rapat Koordinasi",
            "Gambar 1.3 Ikon",
            "Gambar 1.4 Rapat Koordinasi Lagi"
        ]
    );
    assert!(xml.contains(r#" SEQ Gambar \* ARABIC \s 1 "#));
    assert!(xml.contains(r#"descr="Rapat Koordinasi""#));
    // the Daftar Gambar has a field for the pictures too
    assert!(xml.contains(r#" TOC \h \z \c &quot;Gambar&quot; "#));
    let listed: Vec<&str> = d
        .paras
        .iter()
        .filter(|p| p.style == "TableofFigures" && p.text.starts_with("Gambar"))
        .map(|p| p.text.split('\t').next().unwrap())
        .collect();
    assert_eq!(listed.len(), 4, "{listed:?}");
}

fn ctx_charts(doc: &lkjip::document::Dokumen) -> usize {
    doc.items()
        .filter(|it| matches!(it, lkjip::document::Item::Grafik(_)))
        .count()
}
