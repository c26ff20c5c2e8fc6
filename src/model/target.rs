//! Targets and realizations as written, and how an indicator is judged:
//! its direction (`Arah`) and the level of its row (`Tingkat`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

/// A target or a realization as written: a number with a unit (`6 Dokumen`,
/// `29 Orang/bulan`, `100 %`), a level (`Madya`), or several lines
/// (`6 Dokumen\n100 %` = keluaran and hasil).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Target {
    /// The text as written in the workbook.
    pub teks: String,
    /// The numeric value, when the text starts with a number.
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option",
        default
    )]
    pub nilai: Option<Decimal>,
    /// The unit after the number (`Dokumen`, `%`, `Orang/bulan`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub satuan: Option<String>,
    /// A qualitative value (`Pratama`, `Madya`) when there is no number.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tingkat: Option<String>,
}

impl Target {
    pub fn is_empty(&self) -> bool {
        self.teks.is_empty()
    }
}

/// The level of a row of the Pengukuran sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tingkat {
    Tujuan,
    Sasaran,
    Program,
    Kegiatan,
    SubKegiatan,
}

impl Tingkat {
    /// The level as the report names it (`Tujuan: Meningkatnya …`).
    pub fn nama(&self) -> &'static str {
        match self {
            Tingkat::Tujuan => "Tujuan",
            Tingkat::Sasaran => "Sasaran",
            Tingkat::Program => "Program",
            Tingkat::Kegiatan => "Kegiatan",
            Tingkat::SubKegiatan => "Sub Kegiatan",
        }
    }
}

/// How capaian is computed from target and realisasi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arah {
    /// Higher is better: R/T×100.
    Naik,
    /// Lower is better (indikator negatif).
    Turun,
    /// Ordinal levels on a named ladder (`APE`, `KLA`).
    Tingkat(String),
}

impl Serialize for Arah {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arah::Naik => s.serialize_str("naik"),
            Arah::Turun => s.serialize_str("turun"),
            Arah::Tingkat(t) if t.is_empty() => s.serialize_str("tingkat"),
            Arah::Tingkat(t) => s.serialize_str(&format!("tingkat:{t}")),
        }
    }
}
