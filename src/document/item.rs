//! The report document: what every backend receives. Serialized with serde,
//! it is the data of the Typst template (`docs/TEMPLATE.md` is the
//! contract: one field name here, one there); the Word backend walks the
//! same values. Every text is final — formatted figures, Indonesian words
//! — so a backend only lays out.

use serde::Serialize;
use serde_json::Value;

/// The whole report.
#[derive(Serialize, Debug, Clone)]
pub struct Dokumen {
    pub identitas: Identitas,
    /// `logo.png` of `gambar/` when there is one, for the cover.
    pub logo: Option<String>,
    pub kertas: Kertas,
    /// Kata Pengantar and Ringkasan Eksekutif.
    pub depan: Depan,
    /// BAB I–IV.
    pub bab: Vec<Bab>,
    /// Lampiran I–XII; `judul` is the title lines separated by `\n`.
    pub lampiran: Vec<Bab>,
}

/// The agency and its signatories, as printed.
#[derive(Serialize, Debug, Clone)]
pub struct Identitas {
    /// The cover's first line: `PEMERINTAH KABUPATEN BELITUNG`.
    pub pemerintah: String,
    pub nama_opd: String,
    pub singkatan: String,
    pub pemerintah_daerah: String,
    pub alamat: String,
    pub tahun: String,
    pub tempat: String,
    /// The report's date as printed (`31 Januari 2025`).
    pub tanggal: String,
    pub kepala: Kepala,
    /// The second party of the Perjanjian Kinerja.
    pub atasan: Option<Atasan>,
    pub tempat_pk: String,
    pub tanggal_pk: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct Kepala {
    pub nama: String,
    pub jabatan: String,
    pub pangkat: String,
    pub nip: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct Atasan {
    pub nama: String,
    pub jabatan: String,
}

/// Paper size in millimetres.
#[derive(Serialize, Debug, Clone, Copy)]
pub struct Kertas {
    pub lebar: u32,
    pub tinggi: u32,
}

#[derive(Serialize, Debug, Clone)]
pub struct Depan {
    pub kata_pengantar: Vec<Item>,
    pub ringkasan: Vec<Item>,
}

/// A chapter (or a Lampiran): a title and its items in order.
#[derive(Serialize, Debug, Clone)]
pub struct Bab {
    pub judul: String,
    pub isi: Vec<Item>,
}

/// One item of a chapter.
#[derive(Serialize, Debug, Clone)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Item {
    /// A heading; levels 2–3 are numbered (`3.1`), 4 is not.
    H {
        level: u8,
        teks: String,
    },
    /// A generated paragraph; `gaya: "em"` prints it in italics.
    P {
        teks: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        gaya: Option<&'static str>,
    },
    /// A generated list; `gaya` is the numbering: `-`, `1.`, `(1)` or `a.`.
    Daftar {
        items: Vec<String>,
        gaya: &'static str,
        /// Never split over pages (`tipografi::short_list`).
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        utuh: bool,
    },
    /// A run of the officer's narrative.
    Narasi(Narasi),
    Tabel(Box<Tabel>),
    Grafik(Grafik),
    /// A picture of `gambar/` placed by a narrative.
    Gambar {
        file: String,
        keterangan: Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        nomor: Option<String>,
    },
    /// The organisation chart (Gambar 1.1), drawn by the template from its
    /// units.
    Bagan(Bagan),
    /// The head of the agency's signature.
    Ttd,
    /// The two signatures of the Perjanjian Kinerja.
    TtdPk,
    /// The statement page of the Perjanjian Kinerja (the form of
    /// PermenPAN-RB 53/2014) under the Lampiran's title: who promises what
    /// to whom; signed by both, the table of targets follows on the next
    /// page.
    PernyataanPk(PernyataanPk),
}

/// The organisation chart: its caption and the units, each naming its
/// parent (`induk`, empty for the head).
#[derive(Serialize, Debug, Clone)]
pub struct Bagan {
    pub judul: String,
    pub unit: Vec<crate::model::UnitOrganisasi>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nomor: Option<String>,
}

/// The text of the Perjanjian Kinerja's statement page.
#[derive(Serialize, Debug, Clone)]
pub struct PernyataanPk {
    pub pembuka: String,
    /// The two parties: the head of the agency and the superior.
    pub pihak: Vec<Pihak>,
    /// The promises, one paragraph each.
    pub isi: Vec<String>,
}

/// One party of the Perjanjian Kinerja.
#[derive(Serialize, Debug, Clone)]
pub struct Pihak {
    pub nama: String,
    pub jabatan: String,
    /// `Selanjutnya disebut Pihak Kesatu.`
    pub sebutan: String,
}

/// A run of narrative blocks from one file of `narasi/`: the Markdown tree
/// of `narrative::jinja` (`p`, `h`, `list`, `quote`, `table`, `rule`; inline
/// `text`, `strong`, `em`, `strike`, `br`, `span`), never markup.
#[derive(Serialize, Debug, Clone)]
pub struct Narasi {
    pub blocks: Vec<Value>,
    /// The section's key (`narasi:4.1-kesimpulan`).
    pub kunci: String,
    #[serde(flatten)]
    pub tanda: Tanda,
}

/// The margin marks of a reviewer draft (`render::pdf::draf`); absent in a
/// final build.
#[derive(Serialize, Debug, Clone, Default)]
pub struct Tanda {
    /// The numbers of the findings and changes (`T3 P1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanda: Option<Value>,
    /// The keys the review pages look up to print the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jangkar: Option<Value>,
}

/// One cell.
#[derive(Serialize, Debug, Clone)]
pub struct Sel {
    pub isi: String,
    /// Columns and rows spanned.
    pub cs: u32,
    pub rs: u32,
    /// `l`, `c` or `r`.
    pub rata: Rata,
    pub tebal: bool,
    /// Indent steps of a name under its parent (a sub kegiatan under its
    /// kegiatan): every line of the cell is indented, not just the first.
    #[serde(skip_serializing_if = "is_zero")]
    pub inden: u8,
    /// An empty cell under a group's name (Tabel 2.2's tujuan, sasaran and
    /// program, printed once on the group's first row): the name, printed
    /// again under the header of a page this row begins, so that a
    /// continuation page says what its rows belong to. The rows of a table
    /// that carries names have one cell per column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lanjut: Option<String>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rata {
    #[serde(rename = "l")]
    Kiri,
    #[serde(rename = "c")]
    Tengah,
    #[serde(rename = "r")]
    Kanan,
}

/// A table: caption, relative column widths, header rows with spans, body
/// rows. Built with `table::Tabel`.
#[derive(Serialize, Debug, Clone)]
pub struct Tabel {
    pub judul: String,
    pub kolom: Vec<f64>,
    pub kepala: Vec<Vec<Sel>>,
    pub baris: Vec<Vec<Sel>>,
    pub catatan: Option<String>,
    /// Smaller type, for wide tables.
    pub kecil: bool,
    /// Per body row: the keys of what it shows (`crate::model::Kunci`),
    /// space-separated; none when no row has keys.
    pub kunci: Option<Vec<Option<String>>>,
    /// More than ten columns: a landscape page of its own.
    pub lebar: bool,
    /// Some cell carries a group's name (`Sel::lanjut`): the template then
    /// marks each row's place and adds the repeated row that names them (a
    /// flag, so that it need not search every cell of every table).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lanjutan: bool,
    /// Turned by its maker whatever its size (`table::Tabel::landscape`);
    /// otherwise a wide table that reads well in portrait stays portrait.
    #[serde(skip)]
    pub mendatar: bool,
    /// `3.15`, given by the chapter; a Lampiran's tables have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nomor: Option<String>,
    /// Per body row, in a draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanda: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jangkar: Option<Vec<Value>>,
}

/// A grouped bar chart: one group per label, one bar per series. Values
/// are decimal strings (`none` where there is no figure).
#[derive(Serialize, Debug, Clone)]
pub struct Grafik {
    pub judul: String,
    pub label: Vec<String>,
    pub seri: Vec<Seri>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nomor: Option<String>,
    /// The unit of the value axis (`%`, `Orang`), the indicator's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satuan: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
pub struct Seri {
    pub nama: String,
    pub nilai: Vec<Option<String>>,
}

impl Dokumen {
    /// Every item in reading order: Kata Pengantar, Ringkasan, BAB I–IV,
    /// the Lampiran.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.depan
            .kata_pengantar
            .iter()
            .chain(&self.depan.ringkasan)
            .chain(self.bab.iter().flat_map(|b| &b.isi))
            .chain(self.lampiran.iter().flat_map(|b| &b.isi))
    }
}

impl Kertas {
    /// The text width in mm of a portrait page (margins 3 + 2,5 cm, as
    /// `lkjip.typ` sets them).
    pub fn teks_tegak(&self) -> f64 {
        f64::from(self.lebar) - 55.0
    }

    /// The text height in mm of a chapter's portrait page (2,5 cm margins
    /// at top and foot).
    pub fn teks_tinggi(&self) -> f64 {
        f64::from(self.tinggi) - 50.0
    }

    /// The text width in mm of a chapter's page turned for a wide table.
    pub fn teks_rebah(&self) -> f64 {
        f64::from(self.tinggi) - 55.0
    }

    /// The text width in mm of a Lampiran page (turned, 1,5 cm margins).
    pub fn teks_lampiran(&self) -> f64 {
        f64::from(self.tinggi) - 30.0
    }
}

impl Item {
    /// A generated paragraph.
    pub fn p(s: impl Into<String>) -> Item {
        Item::P {
            teks: s.into(),
            gaya: None,
        }
    }

    /// A heading.
    pub fn h(level: u8, s: impl Into<String>) -> Item {
        Item::H { level, teks: s.into() }
    }

    /// A generated list; `gaya` is the numbering: `-` (bullets), `1.`, `(1)` or `a.`.
    pub fn daftar(items: Vec<String>, gaya: &'static str) -> Item {
        Item::Daftar {
            items,
            gaya,
            utuh: false,
        }
    }
}
