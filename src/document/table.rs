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

    pub fn is_empty(&self) -> bool {
        self.baris.is_empty()
    }

    /// The table as an item of the document.
    pub fn item(self) -> Item {
        let kunci = self.kunci.iter().any(Option::is_some).then_some(self.kunci);
        Item::Tabel(Box::new(item::Tabel {
            // more than ten columns do not fit a portrait page
            lebar: self.kolom.len() > 10,
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
