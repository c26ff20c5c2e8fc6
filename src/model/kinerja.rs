//! The rows of `kinerja.xlsx` the report prints as read: the Renstra's
//! IKU, the strategies, the staff table and the agency's own tables.

use super::target::{Arah, Target};
use crate::finding::Location;
use serde::Serialize;
use std::collections::BTreeMap;

/// One IKU of the Renstra (Tabel 2.3) with its yearly targets.
#[derive(Debug, Clone, Serialize)]
pub struct RenstraRow {
    pub kode: String,
    pub tujuan: String,
    pub sasaran: String,
    pub indikator: String,
    pub rumus: String,
    pub arah: Arah,
    /// Target per year.
    pub target: BTreeMap<i32, Target>,
    /// Target at the end of the Renstra period (last year if not given).
    pub target_akhir: Option<Target>,
    #[serde(skip_serializing)]
    pub lokasi: Location,
}

/// Tabel 2.1: tujuan, sasaran, strategi, arah kebijakan.
#[derive(Debug, Clone, Serialize)]
pub struct StrategiRow {
    pub kode_tujuan: String,
    pub tujuan: String,
    pub kode_sasaran: String,
    pub sasaran: String,
    pub strategi: String,
    pub arah_kebijakan: String,
}

/// Tabel 1.1: staff by education, status and sex.
#[derive(Debug, Clone, Serialize)]
pub struct PegawaiRow {
    pub kelompok: String,
    pub no: String,
    pub jenis_pendidikan: String,
    pub pns_l: u32,
    pub pns_p: u32,
    pub pppk_l: u32,
    pub pppk_p: u32,
    pub honorer_l: u32,
    pub honorer_p: u32,
}

/// One unit of the organisation (the `Struktur` sheet; Gambar 1.1).
#[derive(Debug, Clone, Serialize)]
pub struct UnitOrganisasi {
    pub kode: String,
    pub unit: String,
    /// The parent unit's `kode`; empty for the head.
    pub induk: String,
    pub jabatan: String,
    pub nama: String,
}

/// An agency-specific table from a `Tabel …` sheet, kept as text.
#[derive(Debug, Clone, Serialize)]
pub struct TabelTambahan {
    /// The sheet name (`Tabel 3.15`).
    pub nama: String,
    /// Cell A1.
    pub judul: String,
    pub header: Vec<Vec<String>>,
    pub baris: Vec<Vec<String>>,
    /// The sheet's merged cells inside the table, so the report spans them
    /// as the sheet does ("TAHUN 2019" over its three columns).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gabung: Vec<Gabung>,
}

/// A merged region of an agency table: its top-left cell (row counted over
/// the header rows then the body rows, column from the table's first) and
/// how many rows and columns it covers.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Gabung {
    pub baris: u32,
    pub kolom: u32,
    pub rs: u32,
    pub cs: u32,
}
