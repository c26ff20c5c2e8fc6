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
    let n = cols.len();
    // the longest word of every single-column cell, by column
    let mut need = vec![0.0f64; n];
    let place = |rows: &[Vec<Sel>], head: bool, need: &mut Vec<f64>| {
        let mut covered = vec![0u32; n];
        for r in rows {
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
                if span == 1 {
                    // a figure tied to its unit by a no-break space is one
                    // word ("83,89 %"), which `split_whitespace` would split
                    let longest = c
                        .isi
                        .split(|ch: char| ch.is_whitespace() && ch != '\u{a0}' && ch != '\u{202f}')
                        .filter(|w| !w.is_empty())
                        .map(|w| word_width(w, size, head || c.tebal))
                        .fold(0.0, f64::max);
                    need[col] = need[col].max(longest + pad);
                }
                col += span;
            }
        }
    };
    place(&t.kepala, true, &mut need);
    place(&t.baris, false, &mut need);
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
