//! Tables and signature blocks as WordprocessingML: the grid a table's
//! cells are placed on (spans as Typst places them), cell paragraphs, the
//! borderless blocks of the signatures.

use super::xml::{Gaya, Par, mm, run};
use crate::document::item::{PernyataanPk, Tabel};
use crate::document::{Identitas, Rata, Sel};

/// Column widths on `width` twips: the document's relative widths (made to
/// fit each column's longest word by `document::table::fit_columns`),
/// fitted again for Word's cell margins, so Word never breaks a figure or
/// a word inside a narrow column.
pub fn column_widths(t: &Tabel, width: i64, size: f64) -> Vec<i64> {
    let pad = (2 * CELL_MARGIN + 20) as f64 / 20.0;
    let cols = crate::document::table::fit_columns(t, width as f64 / 20.0, size, pad);
    let n = cols.len();
    let mut out: Vec<i64> = cols.iter().map(|c| (c * 20.0).round() as i64).collect();
    // rounding: the table is exactly the text width
    let diff = width - out.iter().sum::<i64>();
    if let Some(widest) = (0..n).max_by_key(|&i| out[i]) {
        out[widest] += diff;
    }
    out
}

/// The left and right margin of a table cell, in twips (styles.xml).
pub const CELL_MARGIN: i64 = 45;

/// `<w:tbl>` with its properties and grid, the rows to follow.
pub fn table_start(cols: &[i64]) -> String {
    let total: i64 = cols.iter().sum();
    let grid: String = cols.iter().map(|w| format!("<w:gridCol w:w=\"{w}\"/>")).collect();
    format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TabelLkjip\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )
}

/// The paragraph of a cell.
pub fn cell(s: &Sel, style: &str, head: bool) -> String {
    let p = Par {
        gaya: Some(style),
        rata: Some(if head {
            "center"
        } else {
            match s.rata {
                Rata::Kiri => "left",
                Rata::Tengah => "center",
                Rata::Kanan => "right",
            }
        }),
        // 0,5 cm per step
        indent: (s.inden > 0).then(|| (i64::from(s.inden) * 284, 0)),
        ..Par::default()
    };
    let g = Gaya {
        tebal: head || s.tebal,
        ..Gaya::BIASA
    };
    p.with(&run(&s.isi, g))
}

/// Places cells with spans on the table's grid, as Typst does: a cell
/// takes the next free column; a column under a row span gets Word's
/// continuation cell (`vMerge`).
pub struct Grid {
    /// Per column: rows still covered by a span from above, its width in
    /// columns, and whether it is a header cell (shaded).
    covered: Vec<(u32, usize, bool)>,
}

impl Grid {
    pub fn new(n: usize) -> Grid {
        Grid {
            covered: vec![(0, 1, false); n],
        }
    }

    pub fn row(&mut self, cells: &[Sel], cols: &[i64], head: bool, x: &mut String, para: impl Fn(&Sel) -> String) {
        let n = cols.len();
        let width = |from: usize, span: usize| cols[from..(from + span).min(n)].iter().sum::<i64>();
        let mut col = 0;
        let mut cells = cells.iter();
        loop {
            while col < n && self.covered[col].0 > 0 {
                let (_, span, shaded) = self.covered[col];
                self.covered[col].0 -= 1;
                x.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}<w:vMerge/>{}</w:tcPr><w:p/></w:tc>",
                    width(col, span),
                    grid_span(span),
                    if shaded { SHADE } else { "" }
                ));
                col += span.max(1);
            }
            if col >= n {
                break;
            }
            let Some(s) = cells.next() else {
                // a short row: empty cells to the end
                x.push_str(&format!(
                    "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>",
                    width(col, 1)
                ));
                col += 1;
                continue;
            };
            let span = (s.cs.max(1) as usize).min(n - col);
            let vmerge = if s.rs > 1 {
                self.covered[col] = (s.rs - 1, span, head);
                "<w:vMerge w:val=\"restart\"/>"
            } else {
                ""
            };
            let (shade, valign) = if head {
                (SHADE, "<w:vAlign w:val=\"center\"/>")
            } else {
                ("", "")
            };
            x.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}{vmerge}{shade}{valign}</w:tcPr>{}</w:tc>",
                width(col, span),
                grid_span(span),
                para(s)
            ));
            col += span;
        }
    }
}

const SHADE: &str = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E1E1E1\"/>";

fn grid_span(span: usize) -> String {
    if span > 1 {
        format!("<w:gridSpan w:val=\"{span}\"/>")
    } else {
        String::new()
    }
}

/// The paragraphs of the Perjanjian Kinerja's statement page before its
/// signatures: the opening, each party's name and jabatan (tab-aligned)
/// and what it is called, the promises.
pub fn pernyataan_pk(p: &PernyataanPk) -> Vec<String> {
    // tight spacing: the page holds the statement and both signatures
    let justified = Par {
        rata: Some("both"),
        sebelum: Some(0),
        sesudah: Some(80),
        ..Par::default()
    };
    let mut out = vec![justified.with(&run(&p.pembuka, Gaya::BIASA))];
    let bold = Gaya {
        tebal: true,
        ..Gaya::BIASA
    };
    for x in &p.pihak {
        for (label, value) in [("Nama", &x.nama), ("Jabatan", &x.jabatan)] {
            let line = Par {
                indent: Some((mm(35.0), mm(25.0))),
                sesudah: Some(0),
                extra: format!("<w:tabs><w:tab w:val=\"left\" w:pos=\"{}\"/></w:tabs>", mm(35.0)),
                ..Par::default()
            };
            out.push(line.with(&format!(
                "{}<w:r><w:tab/></w:r>{}",
                run(&format!("{label} :"), Gaya::BIASA),
                run(value, bold)
            )));
        }
        out.push(justified.with(&run(&x.sebutan, Gaya::BIASA)));
    }
    for t in &p.isi {
        out.push(justified.with(&run(t, Gaya::BIASA)));
    }
    out
}

/// The lines of a signature: place and date, jabatan, room to sign, the
/// name underlined, pangkat, NIP.
pub fn signature(id: &Identitas, jabatan: &str, with_date: bool) -> String {
    let mut s = String::new();
    if with_date {
        s.push_str(&signature_line(
            &format!("{}, {}", id.tempat, id.tanggal),
            Gaya::BIASA,
            true,
        ));
    }
    s.push_str(&signature_line(jabatan, Gaya::BIASA, true));
    s.push_str(&signature_space());
    s.push_str(&signature_line(
        &id.kepala.nama,
        Gaya {
            tebal: true,
            garis_bawah: true,
            ..Gaya::BIASA
        },
        true,
    ));
    s.push_str(&signature_line(
        &crate::tampil::pangkat(&id.kepala.pangkat),
        Gaya::BIASA,
        true,
    ));
    if !id.kepala.nip.is_empty() {
        s.push_str(&signature_line(&format!("NIP. {}", id.kepala.nip), Gaya::BIASA, false));
    }
    s
}

pub fn signature_line(t: &str, g: Gaya, keep: bool) -> String {
    Par {
        rata: Some("center"),
        tetap_dengan_berikut: keep,
        sebelum: Some(0),
        sesudah: Some(0),
        ..Par::default()
    }
    .with(&run(t, g))
}

pub fn signature_space() -> String {
    Par {
        tetap_dengan_berikut: true,
        sebelum: Some(mm(22.0)),
        sesudah: Some(0),
        ..Par::default()
    }
    .with("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::table::{n, t};

    /// A column too narrow for its figures takes room from a wide one;
    /// the table stays as wide as the page.
    #[test]
    fn a_narrow_column_is_widened_to_its_longest_figure() {
        let mut tb = crate::document::table::Tabel::new("x", &[4.0, 0.5]).labels(&["Uraian", "%"]);
        tb.row(vec![t("Persentase penurunan PMKS"), n("1.186,00")]);
        let crate::document::Item::Tabel(tb) = tb.item() else {
            unreachable!()
        };
        let cols = column_widths(&tb, 4500, 8.5);
        assert_eq!(cols.iter().sum::<i64>(), 4500);
        // 500 twips by the relative widths; "1.186,00" at 8.5 pt is about
        // 5 × 0.556 + 3 × 0.278 = 3.61 em = 614 twips, with the margins 724
        assert!(cols[1] >= 724, "{cols:?}");
        assert!(cols[0] <= 4500 - 724, "{cols:?}");
    }
}
