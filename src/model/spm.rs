//! The e-SPM blocks: one jenis layanan with its recipients and mutu items,
//! printed figures beside the computed ones.

use crate::finding::Location;
use rust_decimal::Decimal;
use serde::Serialize;

/// One line of service: the recipients (A) or one mutu item.
#[derive(Debug, Clone, Serialize)]
pub struct Layanan {
    pub no: String,
    pub uraian: String,
    pub satuan: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub harus: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub terlayani: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub belum: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub persen_tercetak: Option<Decimal>,
    #[serde(skip_serializing)]
    pub lokasi: Location,
    /// Computed: terlayani / harus x 100; the printed value when none is to
    /// be served.
    #[serde(with = "rust_decimal::serde::str_option", skip_serializing_if = "Option::is_none")]
    pub persen: Option<Decimal>,
}

/// One jenis layanan block.
#[derive(Debug, Clone, Serialize)]
pub struct JenisLayanan {
    pub no: String,
    pub nama: String,
    /// The block's printed index (`99.79 %`).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub tercetak: Option<Decimal>,
    pub penerima: Option<Layanan>,
    /// Printed "PERSENTASE PENCAPAIAN PENERIMA LAYANAN DASAR (80%)".
    #[serde(with = "rust_decimal::serde::str_option")]
    pub persen_penerima_tertimbang_tercetak: Option<Decimal>,
    /// Printed "PERSENTASE PENCAPAIAN MUTU MINIMAL LAYANAN DASAR (20%)".
    #[serde(with = "rust_decimal::serde::str_option")]
    pub persen_mutu_tertimbang_tercetak: Option<Decimal>,
    /// Printed mean of the mutu items (row B).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub mutu_tercetak: Option<Decimal>,
    pub mutu: Vec<Layanan>,
    #[serde(skip_serializing)]
    pub lokasi: Location,
    /// Computed: % penerima, % mutu (mean of the items), and the index
    /// 0,8 × % penerima + 0,2 × % mutu.
    #[serde(with = "rust_decimal::serde::str_option", skip_serializing_if = "Option::is_none")]
    pub persen_penerima: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option", skip_serializing_if = "Option::is_none")]
    pub persen_mutu: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option", skip_serializing_if = "Option::is_none")]
    pub indeks: Option<Decimal>,
}
