//! The Renja rows (Lampiran IX) as the model keeps them: every urusan,
//! bidang, program, kegiatan and sub kegiatan, funded or not.

use super::kode::{Kode, Level};
use super::target::Target;
use crate::finding::Location;
use rust_decimal::Decimal;
use serde::Serialize;

/// One indicator of a Renja entry with its targets.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RenjaIndikator {
    pub uraian: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_akhir: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_sebelum: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
}

/// One urusan, bidang, program, kegiatan or sub kegiatan of the Renja.
#[derive(Debug, Clone, Serialize)]
pub struct RenjaEntry {
    pub kode: Kode,
    pub level: Level,
    pub nama: String,
    pub indikator: Vec<RenjaIndikator>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pagu_rkpd: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pagu_apbd: Option<Decimal>,
    /// RKPD Perubahan: the final pagu of the year.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pagu_perubahan: Option<Decimal>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lokasi_kegiatan: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sumber_dana: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prioritas_nasional: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prioritas_daerah: String,
    #[serde(skip_serializing)]
    pub lokasi: Location,
}

impl RenjaEntry {
    /// An entry as its code row gives it: no indicator, no pagu yet.
    pub fn new(kode: Kode, nama: String, lokasi: Location) -> RenjaEntry {
        RenjaEntry {
            level: kode.level(),
            kode,
            nama,
            indikator: Vec::new(),
            pagu_rkpd: None,
            pagu_apbd: None,
            pagu_perubahan: None,
            lokasi_kegiatan: String::new(),
            sumber_dana: String::new(),
            prioritas_nasional: String::new(),
            prioritas_daerah: String::new(),
            lokasi,
        }
    }
}
