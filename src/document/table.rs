//! A small builder for the document's tables: header rows with spans, body
//! cells with alignment, all text already formatted. The backend decides
//! the look (`gaya.typ › tabel` for the PDF).

use super::item::{self, Item, Rata, Sel};
use crate::model::{Kunci, keys};

impl Sel {
    pub fn span(mut self, cs: u32) -> Sel {
        self.cs = cs;
        self
    }

    pub fn rows(mut self, rs: u32) -> Sel {
        self.rs = rs;
        self
    }

    pub fn bold(mut self) -> Sel {
        self.tebal = true;
        self
    }

    /// Indented `steps` under the row above (every line of the cell).
    pub fn indent(mut self, steps: u8) -> Sel {
        self.inden = steps;
        self
    }

    /// Empty, with the group's `name` shown on a page's first row.
    pub fn carried(mut self, name: impl Into<String>) -> Sel {
        self.lanjut = Some(name.into()).filter(|n| !n.is_empty());
        self
    }

    pub fn center(mut self) -> Sel {
        self.rata = Rata::Tengah;
        self
    }
}

/// Left-aligned text.
pub fn t(s: impl Into<String>) -> Sel {
    Sel {
        isi: s.into(),
        cs: 1,
        rs: 1,
        rata: Rata::Kiri,
        tebal: false,
        inden: 0,
        lanjut: None,
    }
}

/// A right-aligned figure.
pub fn n(s: impl Into<String>) -> Sel {
    Sel {
        rata: Rata::Kanan,
        ..t(s)
    }
}

/// A centred cell.
pub fn c(s: impl Into<String>) -> Sel {
    Sel {
        rata: Rata::Tengah,
        ..t(s)
    }
}

/// A table under construction.
pub struct Tabel {
    judul: String,
    kolom: Vec<f64>,
    kepala: Vec<Vec<Sel>>,
    baris: Vec<Vec<Sel>>,
    /// Per body row: the keys of what the row shows (`review::Subjects`),
    /// separated by spaces, so the draft can mark and find it.
    kunci: Vec<Option<String>>,
    catatan: Option<String>,
    kecil: bool,
    mendatar: bool,
}

impl Tabel {
    /// A table with a caption and relative column widths.
    pub fn new(judul: impl Into<String>, kolom: &[f64]) -> Tabel {
        Tabel {
            judul: judul.into(),
            kolom: kolom.to_vec(),
            kepala: Vec::new(),
            baris: Vec::new(),
            kunci: Vec::new(),
            catatan: None,
            kecil: false,
            mendatar: false,
        }
    }

    /// A header row.
    pub fn head(mut self, row: Vec<Sel>) -> Tabel {
        self.kepala
            .push(row.into_iter().map(Sel::bold).map(Sel::center).collect());
        self
    }

    /// A header row of plain labels, one per column.
    pub fn labels(self, labels: &[&str]) -> Tabel {
        self.head(labels.iter().map(|l| t(*l)).collect())
    }

    pub fn row(&mut self, row: Vec<Sel>) {
        self.baris.push(row);
        self.kunci.push(None);
    }

    /// A row showing the model elements `keys` (space-separated).
    /// A row that findings and changes can concern (the draft marks it).
    pub fn keyed(&mut self, kunci: &[Kunci], row: Vec<Sel>) {
        self.baris.push(row);
        self.kunci.push(Some(keys(kunci)));
    }

    pub fn note(mut self, s: impl Into<String>) -> Tabel {
        self.catatan = Some(s.into());
        self
    }

    /// Smaller type, for wide tables.
    pub fn small(mut self) -> Tabel {
        self.kecil = true;
        self
    }

    /// Set on a landscape page whatever its number of columns (nine
    /// columns of long names are a page tall per row in portrait).
    pub fn landscape(mut self) -> Tabel {
        self.mendatar = true;
        self
    }

    pub fn is_empty(&self) -> bool {
        self.baris.is_empty()
    }

    /// The table as an item of the document.
    pub fn item(self) -> Item {
        let kunci = self.kunci.iter().any(Option::is_some).then_some(self.kunci);
        Item::Tabel(Box::new(item::Tabel {
            // more than ten columns do not fit a portrait page
            lebar: self.mendatar || self.kolom.len() > 10,
            mendatar: self.mendatar,
            lanjutan: self.baris.iter().flatten().any(|c| c.lanjut.is_some()),
            judul: self.judul,
            kolom: self.kolom,
            kepala: self.kepala,
            baris: self.baris,
            catatan: self.catatan,
            kecil: self.kecil,
            kunci,
            nomor: None,
            tanda: None,
            jangkar: None,
        }))
    }
}

/// Every cell of `rows` with its first column and the columns it spans,
/// rows spanned by a cell above skipped.
fn placed(rows: &[Vec<Sel>], n: usize) -> Vec<Vec<(usize, usize, &Sel)>> {
    let mut covered = vec![0u32; n];
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let mut row = Vec::new();
        let mut col = 0;
        let mut cells = r.iter();
        while col < n {
            if covered[col] > 0 {
                covered[col] -= 1;
                col += 1;
                continue;
            }
            let Some(c) = cells.next() else { break };
            let span = (c.cs.max(1) as usize).min(n - col);
            if c.rs > 1 {
                covered[col..col + span].fill(c.rs - 1);
            }
            row.push((col, span, c));
            col += span;
        }
        out.push(row);
    }
    out
}

/// The words of a cell: a figure tied to its unit by a no-break space is
/// one word ("83,89 %"), which `split_whitespace` would split.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|ch: char| (ch.is_whitespace() && ch != '\u{a0}' && ch != '\u{202f}') || ch == '\u{200b}')
        .filter(|w| !w.is_empty())
}

/// The longest word of every single-column cell, by column, plus `pad`.
fn longest_words(t: &item::Tabel, size: f64, pad: f64) -> Vec<f64> {
    let n = t.kolom.len();
    let mut need = vec![0.0f64; n];
    for (rows, head) in [(&t.kepala, true), (&t.baris, false)] {
        for (col, span, c) in placed(rows, n).into_iter().flatten() {
            if span == 1 {
                let longest = words(&c.isi)
                    .map(|w| word_width(w, size, head || c.tebal))
                    .fold(0.0, f64::max);
                need[col] = need[col].max(longest + pad);
            }
        }
    }
    need
}

/// Whether a wide table that its maker did not turn reads well on a
/// portrait page of `width` × `height` pt in small type: every column at
/// least as wide as its longest word, and its rows, at the lines their
/// cells wrap to, within 60 % of the page. A page turned for a table of a
/// few short rows leaves two pages mostly empty (Tabel 3.3 did).
pub fn fits_portrait(t: &item::Tabel, width: f64, height: f64) -> bool {
    const SIZE: f64 = 7.0;
    const PAD: f64 = 7.0;
    if t.mendatar || t.baris.len() > 15 || longest_words(t, SIZE, PAD).iter().sum::<f64>() > width {
        return false;
    }
    let cols = fit_columns(t, width, SIZE, PAD);
    let n = cols.len();
    let space = 0.278 * SIZE;
    let mut total = 0.0;
    for (rows, head) in [(&t.kepala, true), (&t.baris, false)] {
        for row in placed(rows, n) {
            let lines = row
                .iter()
                .map(|(col, span, c)| {
                    let w: f64 = cols[*col..*col + *span].iter().sum::<f64>() - PAD;
                    let text: f64 = words(&c.isi)
                        .map(|x| word_width(x, SIZE, head || c.tebal) + space)
                        .sum();
                    // words wrap whole: a line holds a little less than its width
                    (text * 1.15 / w.max(1.0)).ceil().max(1.0)
                })
                .fold(1.0, f64::max);
            total += lines * SIZE * 1.5 + 6.0;
        }
    }
    total <= 0.6 * height
}

/// The width in pt of a word set in Liberation Sans at `size` pt (the
/// advance widths of its glyph classes; bold a little wider).
fn word_width(w: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = w
        .chars()
        .map(|c| match c {
            '0'..='9' => 0.556,
            '\u{a0}' | '\u{202f}' => 0.278,
            '.' | ',' | ':' | ';' | 'i' | 'l' | 'j' | 'I' | '\'' | '|' => 0.278,
            'f' | 't' | 'r' | '(' | ')' | '/' | '-' => 0.333,
            '%' | 'm' | 'M' | 'W' | 'w' => 0.889,
            c if c.is_uppercase() => 0.667,
            _ => 0.556,
        })
        .sum();
    em * size * if bold { 1.08 } else { 1.0 }
}

/// Column widths in pt on a text `width` in pt: the table's relative
/// widths, then every column widened to its longest word plus `pad` (the
/// cell's insets), taken in proportion from the columns with room to
/// spare — so no figure runs over its cell edge ("1.186,00-1.002,00") and
/// no word is broken inside it.
pub fn fit_columns(t: &item::Tabel, width: f64, size: f64, pad: f64) -> Vec<f64> {
    let total: f64 = t.kolom.iter().sum::<f64>().max(f64::EPSILON);
    let mut cols: Vec<f64> = t.kolom.iter().map(|w| w / total * width).collect();
    let need = longest_words(t, size, pad);
    // what the narrow columns lack, taken in proportion from the room of
    // the others; never more than there is
    let lack: f64 = cols.iter().zip(&need).map(|(c, w)| (w - c).max(0.0)).sum();
    let room: f64 = cols.iter().zip(&need).map(|(c, w)| (c - w).max(0.0)).sum();
    if lack > 0.0 && room > 0.0 {
        let share = (lack / room).min(1.0);
        let give = lack.min(room);
        for (c, w) in cols.iter_mut().zip(&need) {
            if *w > *c {
                *c += (*w - *c) * give / lack;
            } else {
                *c -= (*c - *w) * share;
            }
        }
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tabel 3.3's shape: eleven columns, two years of four figures, a few
    /// rows of short names.
    fn capaian(rows: usize, name: &str) -> item::Tabel {
        let mut tb = Tabel::new("Capaian", &[0.4, 2.2, 2.2, 0.9, 0.9, 0.9, 1.0, 0.9, 0.9, 0.9, 1.0]).labels(&[
            "No",
            "Tujuan/Sasaran",
            "Indikator",
            "Target",
            "Realisasi",
            "% Capaian",
            "Kategori",
            "Target",
            "Realisasi",
            "% Capaian",
            "Kategori",
        ]);
        for i in 0..rows {
            let mut row = vec![c(format!("{}.", i + 1)), t(name), t(name)];
            for _ in 0..2 {
                row.extend([n("98,79 %"), n("97,62 %"), n("98,82"), t("Sangat baik")]);
            }
            tb.row(row);
        }
        match tb.item() {
            Item::Tabel(t) => *t,
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_wide_table_of_a_few_short_rows_stays_portrait() {
        // A4 portrait: 155 × 247 mm of text, in pt
        let (w, h) = (155.0 * 72.0 / 25.4, 247.0 * 72.0 / 25.4);
        let short = capaian(6, "Meningkatnya kesejahteraan penyandang masalah kesejahteraan sosial");
        assert!(short.lebar, "more than ten columns are turned by default");
        assert!(fits_portrait(&short, w, h));
        // forty rows are more than half a page: turned
        assert!(!fits_portrait(&capaian(40, "Nama"), w, h));
        // rows of long names are each many lines tall in portrait
        let long = "Persentase penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar, serta gelandangan pengemis yang terpenuhi kebutuhan dasarnya di luar panti sosial ".repeat(3);
        assert!(!fits_portrait(&capaian(10, &long), w, h));
        // a table its maker turned stays turned
        let mut turned = capaian(2, "Nama");
        turned.mendatar = true;
        assert!(!fits_portrait(&turned, w, h));
    }
}
