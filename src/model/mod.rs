//! Stage 2, model: one normalized report model, serialized as the public
//! JSON of `lkjip model` (docs/MODEL.md). Every figure the report shows is
//! computed from it. Amounts are exact decimals, serialized as strings.

mod build;

pub use build::build;

use crate::config::{Pejabat, Peran};
use crate::finding::{Finding, Location};
use crate::ingest::cell::{Kode, Target};
use crate::ingest::kinerja::{Arah, PegawaiRow, RenstraRow, StrategiRow, TabelTambahan, Tingkat};
use crate::ingest::renja::{RenjaEntry, RenjaIndikator};
use crate::ingest::spm::JenisLayanan;
use rust_decimal::Decimal;
use serde::Serialize;

/// Version of the JSON layout; bumped on incompatible changes.
pub const SKEMA: &str = "lkjip-model/1";

#[derive(Debug, Clone, Serialize)]
pub struct ReportModel {
    pub skema: &'static str,
    pub identitas: Identitas,
    pub ringkasan: Ringkasan,
    /// The realization analysis: funded programs → kegiatan → sub kegiatan.
    pub programs: Vec<Program>,
    /// Tujuan and sasaran indicators of the Perjanjian Kinerja (IKU).
    pub perjanjian_kinerja: Vec<IndikatorKinerja>,
    /// Every Renja row (Lampiran IX), funded or not.
    pub renja: Vec<RenjaEntry>,
    pub renstra: Vec<RenstraRow>,
    pub strategi: Vec<StrategiRow>,
    pub pegawai: Vec<PegawaiRow>,
    pub tabel_tambahan: Vec<TabelTambahan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spm: Option<Spm>,
    /// The previous year's realization rows (Tabel 3.43), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisasi_lalu: Option<RealisasiLalu>,
    pub sumber: Vec<Sumber>,
    pub temuan: Vec<Finding>,
}

/// Who and when, from `lkjip.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Identitas {
    pub nama_opd: String,
    pub singkatan: String,
    pub kode: String,
    pub pemerintah_daerah: String,
    pub alamat: String,
    pub tahun: i32,
    pub kepala: Pejabat,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub atasan: Option<Pejabat>,
    pub tempat: String,
    /// `YYYY-MM-DD`.
    pub tanggal: String,
    /// `4 Maret 2025`.
    pub tanggal_teks: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanggal_perjanjian_kinerja: Option<String>,
}

/// Counts and totals the narrative needs.
#[derive(Debug, Clone, Serialize)]
pub struct Ringkasan {
    pub jumlah_program: usize,
    pub jumlah_kegiatan: usize,
    /// Sub kegiatan with budget in the realization report.
    pub jumlah_sub_kegiatan: usize,
    /// Sub kegiatan listed in the Renja (funded or not).
    pub jumlah_sub_kegiatan_renja: usize,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub sisa: Decimal,
}

/// Figures as printed in the input, kept to be checked against the model.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Tercetak {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagu: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisasi: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sisa: Option<Decimal>,
    /// Where the row is: file › sheet › cell.
    pub lokasi: Location,
}

/// Budget of the previous year for the same code.
#[derive(Debug, Clone, Serialize)]
pub struct Anggaran {
    pub pagu: Decimal,
    pub realisasi: Decimal,
}

#[derive(Debug, Clone, Serialize)]
pub struct Program {
    /// The Renja code (`1.06.01`).
    pub kode: Kode,
    /// The code in the realization report (`0.00.01`).
    pub kode_realisasi: Kode,
    pub nama: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub sisa: Decimal,
    /// The sasaran this program supports (`S1`), from kinerja.xlsx.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasaran: Option<String>,
    pub indikator: Vec<Indikator>,
    pub indikator_renja: Vec<RenjaIndikator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lalu: Option<Anggaran>,
    pub tercetak: Tercetak,
    pub kegiatan: Vec<Kegiatan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Kegiatan {
    pub kode: Kode,
    pub kode_realisasi: Kode,
    pub nama: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub sisa: Decimal,
    pub indikator: Vec<Indikator>,
    pub indikator_renja: Vec<RenjaIndikator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lalu: Option<Anggaran>,
    pub tercetak: Tercetak,
    pub sub_kegiatan: Vec<SubKegiatan>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubKegiatan {
    pub kode: Kode,
    pub kode_realisasi: Kode,
    pub nama: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub sisa: Decimal,
    /// The first budget column of the realization report (APBD murni).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagu_awal: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fisik_target: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fisik_realisasi: Option<Decimal>,
    pub indikator: Vec<Indikator>,
    pub indikator_renja: Vec<RenjaIndikator>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lalu: Option<Anggaran>,
    pub tercetak: Tercetak,
}

/// Target and realization of an indicator in an earlier year.
#[derive(Debug, Clone, Serialize)]
pub struct Riwayat {
    pub tahun: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisasi: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_tercetak: Option<Decimal>,
}

/// A performance indicator of a program, kegiatan or sub kegiatan
/// (Form 2 Pengukuran Kinerja).
#[derive(Debug, Clone, Serialize)]
pub struct Indikator {
    pub uraian: String,
    pub target: Target,
    pub realisasi: Target,
    pub arah: Arah,
    pub jenis_target: String,
    pub formulasi: String,
    pub data_kinerja: String,
    pub teknis_perhitungan: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_tercetak: Option<Decimal>,
    pub keterangan: String,
    pub penanggung_jawab: String,
    pub rencana_tindak_lanjut: String,
    pub riwayat: Vec<Riwayat>,
    pub lokasi: String,
}

/// A tujuan or sasaran indicator (IKU) as agreed in the Perjanjian Kinerja.
#[derive(Debug, Clone, Serialize)]
pub struct IndikatorKinerja {
    /// `T1`, `S1`, …
    pub kode: String,
    pub tingkat: Tingkat,
    /// The tujuan or sasaran statement.
    pub uraian: String,
    pub indikator: Indikator,
    /// The Renstra target for the report year (Tabel 2.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_renstra: Option<Target>,
    /// The target at the end of the Renstra period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_akhir_renstra: Option<Target>,
}

/// The e-SPM report as read (recomputed figures come with the compute stage).
#[derive(Debug, Clone, Serialize)]
pub struct Spm {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indeks_tercetak: Option<Decimal>,
    pub jenis_layanan: Vec<JenisLayanan>,
}

/// One row of the previous year's realization report.
#[derive(Debug, Clone, Serialize)]
pub struct BarisLalu {
    pub kode: Kode,
    pub nama: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagu_awal: Option<Decimal>,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen_tercetak: Option<Decimal>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RealisasiLalu {
    pub tahun: i32,
    pub baris: Vec<BarisLalu>,
}

/// An input file with its SHA-256, so a reader can tell which data a
/// report was built from.
#[derive(Debug, Clone, Serialize)]
pub struct Sumber {
    pub peran: Peran,
    pub berkas: String,
    pub sha256: String,
}
