//! The layout lkjip defines for `kinerja.xlsx` (docs/KINERJA.md): sheet
//! names, the columns `lkjip init` writes, and the header specs the reader
//! matches them by. One place, so the empty workbook and the reader agree.

use crate::ingest::header::{ColumnSpec, opt, req};

pub const SHEET_PENGUKURAN: &str = "Pengukuran";
pub const SHEET_RENSTRA: &str = "Renstra";
pub const SHEET_RIWAYAT: &str = "Riwayat";
pub const SHEET_STRATEGI: &str = "Strategi";
pub const SHEET_PEGAWAI: &str = "Pegawai";

/// The columns of each sheet, in the order `lkjip init` writes them.
pub const PENGUKURAN_COLUMNS: &[(&str, &str)] = &[
    ("Level", "Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan"),
    (
        "Kode",
        "T1, S1 … untuk tujuan/sasaran; kode Renja untuk program/kegiatan/sub kegiatan",
    ),
    ("Tujuan/Sasaran/Program/Kegiatan/Sub Kegiatan", "uraian"),
    ("Indikator Kinerja", ""),
    ("Jenis Target", "Kuantitatif / Kualitatif"),
    (
        "Target",
        "angka dengan satuan (6 Dokumen, 98,79 %) atau tingkat (Madya)",
    ),
    (
        "Arah",
        "naik (default) / turun (indikator negatif) / tingkat:APE, tingkat:KLA",
    ),
    ("Formulasi/Rumus Perhitungan", ""),
    ("Data Kinerja", ""),
    ("Teknis Perhitungan", ""),
    ("Realisasi", "seperti Target"),
    (
        "Capaian Tercetak (%)",
        "opsional: capaian yang tercetak di dokumen lama, untuk diperiksa",
    ),
    ("Keterangan", ""),
    ("Sasaran", "untuk baris Program: kode sasaran yang didukung (S1 …)"),
    ("Penanggung Jawab", ""),
    ("Rencana Tindak Lanjut", ""),
    (
        "SDM Target",
        "opsional: jumlah pegawai yang direncanakan (Lampiran I dan III)",
    ),
    ("SDM Realisasi", "opsional: jumlah pegawai yang terlibat"),
];
pub const RENSTRA_COLUMNS: &[&str] = &["Kode", "Tujuan", "Sasaran", "Indikator Kinerja", "Rumus", "Arah"];
pub const RIWAYAT_COLUMNS: &[&str] = &[
    "Kode",
    "Indikator Kinerja",
    "Tahun",
    "Target",
    "Realisasi",
    "Capaian Tercetak (%)",
];
pub const STRATEGI_COLUMNS: &[&str] = &[
    "Kode Tujuan",
    "Tujuan",
    "Kode Sasaran",
    "Sasaran",
    "Strategi",
    "Arah Kebijakan",
];
pub const PEGAWAI_COLUMNS: &[&str] = &[
    "Kelompok",
    "No",
    "Jenis Pendidikan",
    "PNS L",
    "PNS P",
    "PPPK L",
    "PPPK P",
    "Honorer L",
    "Honorer P",
];

pub const PENGUKURAN_SPECS: &[ColumnSpec] = &[
    req("kode", &[&["KODE"]], "Kode"),
    req("indikator", &[&["INDIKATOR"]], "Indikator Kinerja"),
    ColumnSpec {
        key: "target",
        any: &[&["TARGET"]],
        none: &["JENIS", "SDM"],
        required: true,
        multi: false,
        label: "Target",
    },
    ColumnSpec {
        key: "realisasi",
        any: &[&["REALISASI"]],
        none: &["RENCANA", "SDM"],
        required: true,
        multi: false,
        label: "Realisasi",
    },
    opt("level", &[&["LEVEL"], &["TINGKAT"]], "Level"),
    ColumnSpec {
        key: "uraian",
        any: &[&["TUJUAN/SASARAN"], &["URAIAN"]],
        none: &["KODE"],
        required: false,
        multi: false,
        label: "Uraian",
    },
    opt("jenis_target", &[&["JENIS", "TARGET"]], "Jenis Target"),
    ColumnSpec {
        key: "arah",
        any: &[&["ARAH"]],
        none: &["KEBIJAKAN"],
        required: false,
        multi: false,
        label: "Arah",
    },
    opt("formulasi", &[&["FORMULASI"], &["RUMUS"]], "Formulasi"),
    opt("data_kinerja", &[&["DATA", "KINERJA"]], "Data Kinerja"),
    opt("teknis", &[&["TEKNIS"]], "Teknis Perhitungan"),
    opt("capaian", &[&["CAPAIAN"]], "Capaian Tercetak (%)"),
    opt("keterangan", &[&["KETERANGAN"], &["KET"]], "Keterangan"),
    ColumnSpec {
        key: "sasaran",
        any: &[&["SASARAN"]],
        none: &["TUJUAN/SASARAN", "/"],
        required: false,
        multi: false,
        label: "Sasaran",
    },
    opt("pj", &[&["PENANGGUNG"]], "Penanggung Jawab"),
    opt("rtl", &[&["TINDAK", "LANJUT"]], "Rencana Tindak Lanjut"),
    opt("sdm_target", &[&["SDM", "TARGET"]], "SDM Target"),
    opt("sdm_realisasi", &[&["SDM", "REALISASI"]], "SDM Realisasi"),
];

pub const RENSTRA_SPECS: &[ColumnSpec] = &[
    req("kode", &[&["KODE"]], "Kode"),
    req("indikator", &[&["INDIKATOR"]], "Indikator Kinerja"),
    opt("tujuan", &[&["TUJUAN"]], "Tujuan"),
    opt("sasaran", &[&["SASARAN"]], "Sasaran"),
    opt("rumus", &[&["RUMUS"], &["FORMULASI"]], "Rumus"),
    opt("arah", &[&["ARAH"]], "Arah"),
    opt("akhir", &[&["AKHIR"]], "Target Akhir"),
];

pub const RIWAYAT_SPECS: &[ColumnSpec] = &[
    req("kode", &[&["KODE"]], "Kode"),
    req("tahun", &[&["TAHUN"]], "Tahun"),
    req("target", &[&["TARGET"]], "Target"),
    req("realisasi", &[&["REALISASI"]], "Realisasi"),
    opt("indikator", &[&["INDIKATOR"]], "Indikator Kinerja"),
    opt("capaian", &[&["CAPAIAN"]], "Capaian Tercetak (%)"),
];

pub const STRATEGI_SPECS: &[ColumnSpec] = &[
    req("kode_tujuan", &[&["KODE", "TUJUAN"]], "Kode Tujuan"),
    req("kode_sasaran", &[&["KODE", "SASARAN"]], "Kode Sasaran"),
    ColumnSpec {
        key: "tujuan",
        any: &[&["TUJUAN"]],
        none: &["KODE"],
        required: false,
        multi: false,
        label: "Tujuan",
    },
    ColumnSpec {
        key: "sasaran",
        any: &[&["SASARAN"]],
        none: &["KODE"],
        required: false,
        multi: false,
        label: "Sasaran",
    },
    req("strategi", &[&["STRATEGI"]], "Strategi"),
    req("kebijakan", &[&["KEBIJAKAN"]], "Arah Kebijakan"),
];

pub const PEGAWAI_SPECS: &[ColumnSpec] = &[
    req("pendidikan", &[&["PENDIDIKAN"]], "Jenis Pendidikan"),
    opt("kelompok", &[&["KELOMPOK"]], "Kelompok"),
    opt("no", &[&["NO"]], "No"),
    req("pns_l", &[&["PNS", "L"]], "PNS L"),
    req("pns_p", &[&["PNS", "P"]], "PNS P"),
    req("pppk_l", &[&["PPPK", "L"]], "PPPK L"),
    req("pppk_p", &[&["PPPK", "P"]], "PPPK P"),
    req("honorer_l", &[&["HONORER", "L"]], "Honorer L"),
    req("honorer_p", &[&["HONORER", "P"]], "Honorer P"),
];
