//! Base: the report model, serialized as the public
//! JSON of `lkjip model` (docs/MODEL.md). Every figure the report shows is
//! computed from it. Amounts are exact decimals, serialized as strings.

pub mod kinerja;
pub mod kode;
pub mod renja;
pub mod spm;
pub mod target;
pub mod triwulan;

pub use crate::finding::kunci::{Kunci, keys};
pub use kinerja::{Gabung, PegawaiRow, RenstraRow, StrategiRow, TabelTambahan, UnitOrganisasi};
pub use kode::{Kode, Level};
pub use renja::{RenjaEntry, RenjaIndikator};
pub use spm::{JenisLayanan, Layanan};
pub use target::{Arah, Target, Tingkat};
pub use triwulan::{Agregasi, Triwulan};

use crate::config::{Pejabat, Peran};
use crate::finding::{Finding, Location};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// The organisation chart's units (kinerja.xlsx › Struktur).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub struktur: Vec<UnitOrganisasi>,
    pub tabel_tambahan: Vec<TabelTambahan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spm: Option<Spm>,
    /// The previous year's realization rows (Tabel 3.43), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisasi_lalu: Option<RealisasiLalu>,
    pub sumber: Vec<Sumber>,
    /// The derived figures of the whole report (compute stage).
    pub hasil: Hasil,
    /// The narrative sources of `narasi/` (file stem → Markdown text), so
    /// the render needs nothing else and a later draft can tell which
    /// sections changed.
    pub narasi: BTreeMap<String, String>,
    pub temuan: Vec<Finding>,
}

/// A value with its category on a scale (efektivitas, efisiensi).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Dinilai {
    pub persen: Decimal,
    pub kategori: String,
}

/// How many indicators fall under a label.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hitungan {
    pub label: String,
    pub jumlah: usize,
}

/// Belanja tidak langsung, langsung and their sum in one year (Tabel 3.42).
#[derive(Debug, Clone, Serialize)]
pub struct KomposisiBelanja {
    pub tahun: i32,
    pub tidak_langsung: Anggaran,
    pub langsung: Anggaran,
    pub jumlah: Anggaran,
}

/// A tujuan with its sasaran (T1 + S1 …) and what they achieved
/// (Tabel 3.9, 3.12, 3.44, 3.45).
#[derive(Debug, Clone, Serialize)]
pub struct KelompokSasaran {
    /// `1`, `2`, … — the number shared by `T1` and `S1`.
    pub nomor: String,
    /// The PK rows of the group (`T1`, `S1`).
    pub kode: Vec<String>,
    /// Distinct indicators (a tujuan and its sasaran may share one).
    pub jumlah_indikator: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rata_rata_capaian: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rata_rata_capaian_lalu: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kategori: Option<String>,
    /// Budget of the programs supporting the group's sasaran (cascading).
    pub anggaran: Anggaran,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anggaran_lalu: Option<Anggaran>,
    /// The same without the belanja tidak langsung (the sub kegiatan of
    /// `[aturan] belanja_tidak_langsung`: gaji dan tunjangan ASN), as the
    /// reference's Tabel 2.5 "Anggaran Belanja Langsung" shows it.
    pub belanja_langsung: Anggaran,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub belanja_langsung_lalu: Option<Anggaran>,
}

/// A pointer to an indicator for the narrative's lists.
#[derive(Debug, Clone, Serialize)]
pub struct RujukanIndikator {
    pub kode: String,
    pub uraian: String,
    pub capaian: Decimal,
}

/// A pointer to a budget node for the narrative's lists.
#[derive(Debug, Clone, Serialize)]
pub struct RujukanAnggaran {
    pub kode: Kode,
    pub nama: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub persen: Decimal,
}

/// The derived figures of the report as a whole.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Hasil {
    /// OPD realisasi / pagu x 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen_realisasi: Option<Decimal>,
    /// Efektivitas anggaran (Kepmendagri 690.900.327/1996, Tabel 3.47).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efektivitas: Option<Dinilai>,
    /// Efisiensi as the reference prints it (Tabel 3.49) but from
    /// realisasi: realisasi belanja langsung / realisasi belanja x 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efisiensi: Option<Dinilai>,
    pub komposisi_belanja: Vec<KomposisiBelanja>,
    /// The pagu by sumber dana over all sub kegiatan (the SIPD-RI Rekap;
    /// empty without it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sumber_dana: Vec<SumberDana>,
    pub tujuan_sasaran: Vec<KelompokSasaran>,
    /// Distinct PK indicators.
    pub jumlah_indikator_kinerja: usize,
    /// Counts of distinct PK indicators by predikat (Tabel 3.5) and
    /// kategori (Tabel 3.6), every label of the scale listed.
    pub predikat: Vec<Hitungan>,
    pub kategori: Vec<Hitungan>,
    pub indikator_di_bawah_target: Vec<RujukanIndikator>,
    pub indikator_sesuai_target: Vec<RujukanIndikator>,
    pub indikator_di_atas_target: Vec<RujukanIndikator>,
    /// Sub kegiatan whose budget realization is under the threshold
    /// (default 80 %).
    pub sub_kegiatan_serapan_rendah: Vec<RujukanAnggaran>,
    /// The SPM index of the OPD: mean over jenis layanan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indeks_spm: Option<Decimal>,
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
    /// Where the PK was signed, when `[perjanjian_kinerja]` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tempat_perjanjian_kinerja: Option<String>,
    /// The PK is the amended one (`[perjanjian_kinerja] perubahan`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub perjanjian_kinerja_perubahan: bool,
    /// A quarterly build's quarter (`build --triwulan N`); absent for the
    /// year's report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triwulan: Option<u8>,
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

/// Pagu and realisasi of a year (the previous year's for the same code, or
/// a total).
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Anggaran {
    pub pagu: Decimal,
    pub realisasi: Decimal,
    /// realisasi / pagu x 100, when pagu is not zero.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen: Option<Decimal>,
}

impl Anggaran {
    pub fn new(pagu: Decimal, realisasi: Decimal) -> Self {
        Anggaran {
            pagu,
            realisasi,
            persen: crate::angka::persen(realisasi, pagu),
        }
    }
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
    /// Computed: serapan anggaran, realisasi / pagu x 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen: Option<Decimal>,
    /// Computed: mean capaian of the indicators (Lampiran III).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_kinerja: Option<Decimal>,
    /// Computed: capaian kinerja ≥ serapan anggaran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efisien: Option<bool>,
    /// Computed: the mean over the program's kegiatan (Lampiran I's
    /// "Rata-rata Capaian Kegiatan" row of the PermenPAN-RB form).
    #[serde(skip_serializing_if = "RataRataKegiatan::is_empty")]
    pub rata_rata_kegiatan: RataRataKegiatan,
    pub tercetak: Tercetak,
    /// The realization up to the end of quarters I–IV (cumulative, as the
    /// quarterly realization reports print it; empty without them).
    #[serde(skip_serializing_if = "Vec::is_empty", with = "triwulan::opt_list")]
    pub realisasi_triwulan: Vec<Option<Decimal>>,
    pub kegiatan: Vec<Kegiatan>,
}

/// The means over a program's kegiatan: of their capaian kinerja, of their
/// serapan anggaran, and of the SDM realisasi / target of their indicators.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RataRataKegiatan {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serapan: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdm: Option<Decimal>,
}

impl RataRataKegiatan {
    pub fn is_empty(&self) -> bool {
        self.capaian.is_none() && self.serapan.is_none() && self.sdm.is_none()
    }
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
    /// Computed: serapan anggaran, realisasi / pagu x 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen: Option<Decimal>,
    /// Computed: mean capaian of the indicators (Lampiran III).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_kinerja: Option<Decimal>,
    /// Computed: capaian kinerja ≥ serapan anggaran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efisien: Option<bool>,
    pub tercetak: Tercetak,
    /// The realization up to the end of quarters I–IV (cumulative, as the
    /// quarterly realization reports print it; empty without them).
    #[serde(skip_serializing_if = "Vec::is_empty", with = "triwulan::opt_list")]
    pub realisasi_triwulan: Vec<Option<Decimal>>,
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
    /// Computed: serapan anggaran, realisasi / pagu x 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persen: Option<Decimal>,
    /// Computed: mean capaian of the indicators (Lampiran III).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_kinerja: Option<Decimal>,
    /// Computed: capaian kinerja ≥ serapan anggaran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efisien: Option<bool>,
    pub tercetak: Tercetak,
    /// The realization up to the end of quarters I–IV (cumulative, as the
    /// quarterly realization reports print it; empty without them).
    #[serde(skip_serializing_if = "Vec::is_empty", with = "triwulan::opt_list")]
    pub realisasi_triwulan: Vec<Option<Decimal>>,
    /// The pagu by sumber dana (the SIPD-RI Rekap, `data/apbd.xlsx`; empty
    /// without it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sumber_dana: Vec<SumberDana>,
}

/// A sumber dana of a sub kegiatan and the pagu it funds.
#[derive(Debug, Clone, Serialize)]
pub struct SumberDana {
    pub nama: String,
    pub pagu: Decimal,
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
    /// Computed from target and realisasi.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian: Option<Decimal>,
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
    pub lokasi: Location,
    /// Staff planned and involved, when kinerja.xlsx gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdm_target: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdm_realisasi: Option<Decimal>,
    /// Computed: capaian in percent (unrounded), by the indicator's arah.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian: Option<Decimal>,
    /// Computed: predikat against target (Tabel 3.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predikat: Option<String>,
    /// Computed: kategori of the capaian (Tabel 3.2 or the chosen preset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kategori: Option<String>,
    /// The quarters, when the `Triwulan` sheet gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triwulan: Option<Triwulan>,
}

impl Indikator {
    /// The SDM realisasi / target × 100 (Lampiran I's SDM %), when both
    /// are given and the target is not zero.
    pub fn sdm_persen(&self) -> Option<Decimal> {
        crate::angka::persen(self.sdm_realisasi?, self.sdm_target?)
    }
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
    /// Computed: capaian against the Renstra end target (Tabel 3.28).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_target_akhir: Option<Decimal>,
    /// The previous year's realization and capaian (from Riwayat).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realisasi_lalu: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capaian_lalu: Option<Decimal>,
    /// Computed: realization this year minus last year (Tabel 3.27).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selisih_realisasi: Option<Decimal>,
}

/// The e-SPM report as read (recomputed figures come with the compute stage).
#[derive(Debug, Clone, Serialize)]
pub struct Spm {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indeks_tercetak: Option<Decimal>,
    #[serde(skip)]
    pub lokasi_indeks: Option<Location>,
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
