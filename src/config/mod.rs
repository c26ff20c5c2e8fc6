//! `lkjip.toml`: who the report is for, where its inputs are, which rules
//! apply. Unknown keys are refused (a typo must not silently fall back to a
//! default).

use crate::finding::{Finding, Location, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::folder::CONFIG_FILE;

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub identitas: Identitas,
    /// Head of the agency: signs the report and the PK (Pihak Kesatu).
    pub kepala: Pejabat,
    /// The head's superior, Pihak Kedua of the Perjanjian Kinerja.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub atasan: Option<Pejabat>,
    pub laporan: Laporan,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perjanjian_kinerja: Option<Penandatanganan>,
    #[serde(default)]
    pub berkas: Berkas,
    #[serde(default)]
    pub lembar: Lembar,
    /// Columns fixed by letter, per workbook role, where the header text
    /// leads the importer to the wrong one (`[kolom.realisasi] realisasi = "H"`).
    #[serde(default)]
    pub kolom: Kolom,
    #[serde(default)]
    pub aturan: Aturan,
    /// The inspectorate's review, for the draft (`build --draft`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviu: Option<Reviu>,
    /// Limits against hostile or broken files.
    #[serde(default)]
    pub batas: Batas,
    /// The quarter a quarterly build reports on (`build --triwulan N`),
    /// set at run time, never in the file: for N < 4 the realization report
    /// "so far" is `realisasi-twN`, and December's is not needed.
    #[serde(skip)]
    pub triwulan: Option<u8>,
}

/// Limits on what is read, so a hostile or broken file cannot exhaust
/// memory or time: each is a located error when exceeded.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Batas {
    /// Largest input file (MB).
    pub ukuran_berkas_mb: u64,
    /// Largest content of an .xlsx once unzipped (MB): a "zip bomb" is
    /// refused before it is read.
    pub ukuran_terurai_mb: u64,
    /// Most rows read from one sheet.
    pub baris: u32,
    /// Longest text in one cell (characters; Excel itself allows 32 767).
    pub panjang_sel: usize,
    /// All the text in the cells of one workbook (MB), a shared string
    /// counted for every cell that names it.
    pub teks_mb: u64,
    /// Most sheets in one workbook.
    pub lembar: usize,
    /// Largest narrative file (KB).
    pub narasi_kb: u64,
    /// All narrative files together (MB).
    pub narasi_total_mb: u64,
    /// Largest picture file of `gambar/` (MB).
    pub gambar_mb: u64,
    /// Largest picture in pixels, width × height (megapixels): a PNG that
    /// claims 100 000 × 100 000 would make Typst ask for 40 GB.
    pub gambar_megapiksel: u64,
    /// Longest Typst layout when `templates/` overrides a template
    /// (seconds): a template is a program and may loop for ever.
    pub tata_letak_detik: u64,
    /// Most memory of that layout (MB).
    pub tata_letak_mb: u64,
}

impl Batas {
    /// How far `[batas]` may raise a limit above its default: the folder is
    /// untrusted too, and may not lift its own limits without bound.
    pub const RAISE_MAX: u64 = 8;

    /// Every limit by its key, with its default.
    fn entries(&self) -> [(&'static str, u64, u64); 12] {
        let d = Batas::default();
        [
            ("ukuran_berkas_mb", self.ukuran_berkas_mb, d.ukuran_berkas_mb),
            ("ukuran_terurai_mb", self.ukuran_terurai_mb, d.ukuran_terurai_mb),
            ("baris", u64::from(self.baris), u64::from(d.baris)),
            ("panjang_sel", self.panjang_sel as u64, d.panjang_sel as u64),
            ("teks_mb", self.teks_mb, d.teks_mb),
            ("lembar", self.lembar as u64, d.lembar as u64),
            ("narasi_kb", self.narasi_kb, d.narasi_kb),
            ("narasi_total_mb", self.narasi_total_mb, d.narasi_total_mb),
            ("gambar_mb", self.gambar_mb, d.gambar_mb),
            ("gambar_megapiksel", self.gambar_megapiksel, d.gambar_megapiksel),
            ("tata_letak_detik", self.tata_letak_detik, d.tata_letak_detik),
            ("tata_letak_mb", self.tata_letak_mb, d.tata_letak_mb),
        ]
    }

    /// The first limit raised beyond [`RAISE_MAX`](Self::RAISE_MAX) times
    /// its default: key, value, the most allowed.
    pub fn too_high(&self) -> Option<(&'static str, u64, u64)> {
        self.entries()
            .into_iter()
            .find(|(_, v, d)| *v > d.saturating_mul(Self::RAISE_MAX))
            .map(|(k, v, d)| (k, v, d * Self::RAISE_MAX))
    }
}

impl Default for Batas {
    fn default() -> Self {
        Batas {
            ukuran_berkas_mb: 64,
            ukuran_terurai_mb: 512,
            baris: 50_000,
            panjang_sel: 32_767,
            teks_mb: 128,
            lembar: 256,
            narasi_kb: 512,
            narasi_total_mb: 16,
            gambar_mb: 32,
            gambar_megapiksel: 50,
            tata_letak_detik: 60,
            tata_letak_mb: 768,
        }
    }
}

/// Who reviews the report (APIP, PermenPAN-RB 53/2014) and signs the
/// draft's Pernyataan Telah Direviu. Empty: blank lines to fill by hand.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Reviu {
    /// `Inspektorat Kabupaten Belitung`.
    #[serde(default)]
    pub instansi: String,
    /// The head of the inspectorate (Inspektur), who signs the statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penandatangan: Option<Pejabat>,
}

/// Rule options of the compute stage. Defaults reproduce the reference
/// report; scales and ladders themselves are data (`data/skala.toml`).
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Aturan {
    /// Kategori scale: `referensi` (Tabel 3.2 of the reference) or
    /// `permendagri-86-2017`.
    pub kategori: String,
    /// Capaian of a lower-is-better indicator: `t/r` (T/R×100, the
    /// reference) or `2t-r` ((2T−R)/T×100).
    pub rumus_negatif: String,
    /// Upper bound on capaian in percent; none by default (the reference
    /// prints 6110).
    pub batas_capaian: Option<f64>,
    /// A capaian above this hints at a wrong target: a finding.
    pub capaian_tinggi: f64,
    /// Sub kegiatan whose budget realization is below this percentage are
    /// listed for the narrative (and need an explanation).
    pub ambang_serapan: f64,
    /// Difference allowed between a printed and a recomputed percentage
    /// (both rounded to two decimals) before it is a finding.
    pub toleransi_persen: f64,
    /// Sub kegiatan counted as belanja tidak langsung in the komposisi
    /// belanja (Tabel 3.42); codes as in any report (`X.XX.01…` matches the
    /// Program Penunjang of every urusan).
    pub belanja_tidak_langsung: Vec<String>,
    /// SPM index rounding: `bertahap` rounds each jenis layanan's % mutu
    /// and index to two decimals before the OPD mean, as the e-SPM
    /// application publishes them (reference: 97,40); `akhir` rounds only
    /// the final figure (97,41 on the same data).
    pub spm_pembulatan: String,
    /// Extra or replaced ordinal ladders, lowest level first.
    pub tangga: std::collections::BTreeMap<String, Vec<String>>,
}

impl Default for Aturan {
    fn default() -> Self {
        Aturan {
            kategori: "referensi".to_string(),
            rumus_negatif: "t/r".to_string(),
            batas_capaian: None,
            capaian_tinggi: 200.0,
            ambang_serapan: 80.0,
            toleransi_persen: 0.01,
            belanja_tidak_langsung: vec!["X.XX.01.2.02.0001".to_string()],
            spm_pembulatan: "bertahap".to_string(),
            tangga: Default::default(),
        }
    }
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Identitas {
    /// Full name of the agency (OPD).
    pub nama_opd: String,
    /// Short name used in running text (`DSPPPA`).
    #[serde(default)]
    pub singkatan: String,
    /// Short code used in output file names (`dspppa-belitung`).
    pub kode: String,
    /// `Kabupaten Belitung`.
    pub pemerintah_daerah: String,
    #[serde(default)]
    pub alamat: String,
    /// The reporting year.
    pub tahun: i32,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pejabat {
    pub nama: String,
    #[serde(default)]
    pub jabatan: String,
    #[serde(default)]
    pub pangkat: String,
    #[serde(default)]
    pub nip: String,
}

/// Place and date of signing (`Tanjungpandan, 4 Maret 2025`).
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Laporan {
    pub tempat: String,
    /// `YYYY-MM-DD`; the report's date, also used for reproducible output.
    pub tanggal: String,
    /// Paper: `A4` (default) or `F4` (215 × 330 mm), for the PDF and the
    /// print setup of the lampiran workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kertas: Option<String>,
}

#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Penandatanganan {
    #[serde(default)]
    pub tempat: String,
    pub tanggal: String,
    /// The amended PK of the year (signed after the APBD Perubahan): the
    /// report calls it PERUBAHAN PERJANJIAN KINERJA.
    #[serde(default)]
    pub perubahan: bool,
}

/// Input paths relative to the report folder. `None`: the default path,
/// as `.xlsx` or `.xls`.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Berkas {
    pub renja: Option<String>,
    pub realisasi: Option<String>,
    pub realisasi_lalu: Option<String>,
    /// The realization reports of March, June and September (the
    /// Evaluasi Renja per quarter); December's is `realisasi`.
    pub realisasi_tw1: Option<String>,
    pub realisasi_tw2: Option<String>,
    pub realisasi_tw3: Option<String>,
    /// The Evaluasi Renja as the office keeps it (Permendagri 86/2017):
    /// the budget per quarter where a quarterly report is missing.
    pub evaluasi_renja: Option<String>,
    /// The SIPD-RI Rekap (pagu per sub kegiatan × sumber dana × rekening).
    pub apbd: Option<String>,
    pub spm: Option<String>,
    pub kinerja: Option<String>,
    pub narasi: Option<String>,
    pub gambar: Option<String>,
}

/// Sheet names, when a workbook holds several tables and the right one
/// cannot be told by its header.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Lembar {
    pub renja: Option<String>,
    pub realisasi: Option<String>,
    pub realisasi_lalu: Option<String>,
    pub spm: Option<String>,
    pub evaluasi_renja: Option<String>,
    pub apbd: Option<String>,
}

/// Column overrides: field name (as `lkjip check` prints it in the
/// pemetaan kolom) → column letter. The importer checks the names.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Kolom {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub renja: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub realisasi: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub realisasi_lalu: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spm: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub apbd: BTreeMap<String, String>,
    /// The `lkjip.toml` line of each override, for messages.
    #[serde(skip)]
    pub baris: BTreeMap<(String, String), usize>,
}

/// One column fixed in `[kolom.*]`.
#[derive(Clone, Debug, PartialEq)]
pub struct KolomTetap {
    pub bidang: String,
    /// Zero-based column index of the letter.
    pub kolom: u32,
    pub huruf: String,
    /// Where it is written: `lkjip.toml › baris N`.
    pub lokasi: Location,
}

/// `H` → 7, `AA` → 26; `None` for anything but one to three letters.
pub fn column_index(letters: &str) -> Option<u32> {
    let t = letters.trim().to_ascii_uppercase();
    if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    Some(t.bytes().fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1)) - 1)
}

/// The role of an input workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Peran {
    Renja,
    Realisasi,
    RealisasiLalu,
    Spm,
    Kinerja,
    RealisasiTw1,
    RealisasiTw2,
    RealisasiTw3,
    EvaluasiRenja,
    Apbd,
}

impl Peran {
    pub const ALL: [Peran; 10] = [
        Peran::Renja,
        Peran::Realisasi,
        Peran::RealisasiLalu,
        Peran::Spm,
        Peran::Kinerja,
        Peran::RealisasiTw1,
        Peran::RealisasiTw2,
        Peran::RealisasiTw3,
        Peran::EvaluasiRenja,
        Peran::Apbd,
    ];

    /// The realization report of quarter 1–3 (`realisasi-tw1` …).
    pub fn triwulan(n: u8) -> Option<Peran> {
        match n {
            1 => Some(Peran::RealisasiTw1),
            2 => Some(Peran::RealisasiTw2),
            3 => Some(Peran::RealisasiTw3),
            _ => None,
        }
    }

    /// The quarter whose end the figures of a realization report are as of:
    /// 4 for December's and last year's, 1–3 for the quarterly ones.
    pub fn quarter(self) -> Option<u8> {
        match self {
            Peran::Realisasi | Peran::RealisasiLalu => Some(4),
            Peran::RealisasiTw1 => Some(1),
            Peran::RealisasiTw2 => Some(2),
            Peran::RealisasiTw3 => Some(3),
            _ => None,
        }
    }

    /// A realization report, of whichever period (same layout, same reader).
    pub fn is_realisasi(self) -> bool {
        self.quarter().is_some()
    }

    /// Default file stem under `data/`.
    pub fn stem(self) -> &'static str {
        match self {
            Peran::Renja => "renja",
            Peran::Realisasi => "realisasi",
            Peran::RealisasiLalu => "realisasi-lalu",
            Peran::Spm => "spm",
            Peran::Kinerja => "kinerja",
            Peran::RealisasiTw1 => "realisasi-tw1",
            Peran::RealisasiTw2 => "realisasi-tw2",
            Peran::RealisasiTw3 => "realisasi-tw3",
            Peran::EvaluasiRenja => "evaluasi-renja",
            Peran::Apbd => "apbd",
        }
    }

    /// Required inputs make the run fail when missing.
    pub fn required(self) -> bool {
        matches!(self, Peran::Renja | Peran::Realisasi | Peran::Kinerja)
    }

    /// How the workbook is named to the officer.
    pub fn label(self) -> &'static str {
        match self {
            Peran::Renja => "Renja (ekspor SIPD)",
            Peran::Realisasi => "Laporan Realisasi Fisik dan Keuangan",
            Peran::RealisasiLalu => "Laporan Realisasi tahun sebelumnya",
            Peran::Spm => "Laporan Pencapaian SPM (e-SPM)",
            Peran::Kinerja => "buku kerja pengukuran kinerja (kinerja.xlsx)",
            Peran::RealisasiTw1 => "Laporan Realisasi triwulan I (Maret)",
            Peran::RealisasiTw2 => "Laporan Realisasi triwulan II (Juni)",
            Peran::RealisasiTw3 => "Laporan Realisasi triwulan III (September)",
            Peran::EvaluasiRenja => "Evaluasi Renja (Permendagri 86/2017)",
            Peran::Apbd => "Rekap APBD (unduhan SIPD-RI)",
        }
    }
}

/// The longest `identitas.kode` (it names every output file).
pub const KODE_MAX: usize = 64;

/// The longest text of one value of `lkjip.toml` (characters): names and
/// titles go into the PDF's metadata, which PDF/A bounds at 32 767 bytes a
/// string, and into every page header.
pub const TEKS_MAX: usize = 1000;

/// The first text value of `lkjip.toml` longer than [`TEKS_MAX`], as an
/// error naming its key.
fn long_text(text: &str) -> Result<(), Finding> {
    fn walk(key: &str, v: &toml::Value) -> Option<(String, usize)> {
        match v {
            toml::Value::String(s) => {
                let n = s.chars().count();
                (n > TEKS_MAX).then(|| (key.to_string(), n))
            }
            toml::Value::Array(a) => a.iter().find_map(|x| walk(key, x)),
            toml::Value::Table(t) => t.iter().find_map(|(k, x)| {
                walk(
                    &if key.is_empty() {
                        k.clone()
                    } else {
                        format!("{key}.{k}")
                    },
                    x,
                )
            }),
            _ => None,
        }
    }
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return Ok(());
    };
    match walk("", &toml::Value::Table(table)) {
        Some((key, n)) => Err(Finding {
            severity: Severity::Error,
            code: "config-invalid",
            location: Location::file(CONFIG_FILE),
            message: format!("{key}: teks {n} karakter, melebihi {TEKS_MAX}; pendekkan"),
            kunci: Vec::new(),
        }),
        None => Ok(()),
    }
}

/// The largest `lkjip.toml` read (read before its `[batas]` is known; the
/// example's is 3 KB).
pub const CONFIG_LIMIT: u64 = 1024 * 1024;

impl Config {
    /// Reads `DIR/lkjip.toml` (inside the folder, a regular file, at most
    /// [`CONFIG_LIMIT`]).
    pub fn load(dir: &Path) -> Result<Config, Finding> {
        let folder = crate::folder::Folder::new(dir);
        let refused = |code, message| Finding {
            severity: Severity::Error,
            code,
            location: Location::file(CONFIG_FILE),
            message,
            kunci: Vec::new(),
        };
        let bytes = folder.read(&folder.config(), CONFIG_LIMIT).map_err(|r| match r {
            crate::folder::Refused::Missing => refused(
                "config-missing",
                format!(
                    "berkas {CONFIG_FILE} tidak ditemukan di {}; buat folder laporan dengan `lkjip init`",
                    dir.display()
                ),
            ),
            r => refused(r.code(), r.message()),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            refused(
                "config-invalid",
                "bukan teks UTF-8; simpan ulang sebagai UTF-8".to_string(),
            )
        })?;
        Self::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Config, Finding> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            Finding {
                severity: Severity::Error,
                code: "config-invalid",
                location: Location {
                    file: CONFIG_FILE.to_string(),
                    sheet: None,
                    cell: line.map(|l| format!("baris {l}")),
                },
                message: format!("isi {CONFIG_FILE} tidak valid: {}", e.message()),
                kunci: Vec::new(),
            }
        })?;
        let mut config = config;
        config.kolom.baris = kolom_lines(text);
        long_text(text)?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), Finding> {
        let bad = |msg: String| Finding {
            severity: Severity::Error,
            code: "config-invalid",
            location: Location::file(CONFIG_FILE),
            message: msg,
            kunci: Vec::new(),
        };
        if !(2000..=2100).contains(&self.identitas.tahun) {
            return Err(bad(format!(
                "identitas.tahun = {} di luar rentang 2000–2100",
                self.identitas.tahun
            )));
        }
        let kode = &self.identitas.kode;
        if kode.is_empty() || !kode.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(bad(format!(
                "identitas.kode = \"{kode}\": gunakan huruf, angka dan tanda hubung saja (dipakai dalam nama berkas)"
            )));
        }
        // `Lampiran-LKjIP-<kode>-<tahun>.xlsx` and the draft's name must fit
        // the 255 bytes a file name may have, with room for the temporary name
        if kode.len() > KODE_MAX {
            return Err(bad(format!(
                "identitas.kode {} karakter, melebihi {KODE_MAX} (dipakai dalam nama berkas); pakai singkatan",
                kode.len()
            )));
        }
        if let Some((key, value, max)) = self.batas.too_high() {
            return Err(bad(format!(
                "batas.{key} = {value} melebihi {max} ({}× bawaan lkjip): folder laporan tidak boleh melonggarkan batasnya tanpa batas",
                Batas::RAISE_MAX
            )));
        }
        if let Some(k) = &self.laporan.kertas
            && !k.eq_ignore_ascii_case("A4")
            && !k.eq_ignore_ascii_case("F4")
        {
            return Err(bad(format!("laporan.kertas = \"{k}\": pilih \"A4\" atau \"F4\"")));
        }
        parse_date(&self.laporan.tanggal).ok_or_else(|| {
            bad(format!(
                "laporan.tanggal = \"{}\": tulis sebagai TTTT-BB-HH",
                self.laporan.tanggal
            ))
        })?;
        for (role, map) in [
            ("renja", &self.kolom.renja),
            ("realisasi", &self.kolom.realisasi),
            ("realisasi_lalu", &self.kolom.realisasi_lalu),
            ("spm", &self.kolom.spm),
            ("apbd", &self.kolom.apbd),
        ] {
            for (field, letter) in map {
                if column_index(letter).is_none() {
                    let mut e = bad(format!(
                        "kolom.{role}.{field} = \"{letter}\": tulis huruf kolom seperti \"H\" atau \"AB\""
                    ));
                    e.location = self.kolom.lokasi(role, field);
                    return Err(e);
                }
            }
        }
        if let Some(pk) = &self.perjanjian_kinerja {
            parse_date(&pk.tanggal).ok_or_else(|| {
                bad(format!(
                    "perjanjian_kinerja.tanggal = \"{}\": tulis sebagai TTTT-BB-HH",
                    pk.tanggal
                ))
            })?;
        }
        Ok(())
    }

    /// The report is printed on F4 (`[laporan] kertas = "F4"`), not A4.
    pub fn f4(&self) -> bool {
        self.laporan
            .kertas
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("F4"))
    }

    /// The configured path of an input, if any.
    pub fn configured(&self, peran: Peran) -> Option<&str> {
        match peran {
            Peran::Renja => self.berkas.renja.as_deref(),
            Peran::Realisasi => self.berkas.realisasi.as_deref(),
            Peran::RealisasiLalu => self.berkas.realisasi_lalu.as_deref(),
            Peran::Spm => self.berkas.spm.as_deref(),
            Peran::Kinerja => self.berkas.kinerja.as_deref(),
            Peran::RealisasiTw1 => self.berkas.realisasi_tw1.as_deref(),
            Peran::RealisasiTw2 => self.berkas.realisasi_tw2.as_deref(),
            Peran::RealisasiTw3 => self.berkas.realisasi_tw3.as_deref(),
            Peran::EvaluasiRenja => self.berkas.evaluasi_renja.as_deref(),
            Peran::Apbd => self.berkas.apbd.as_deref(),
        }
    }

    /// The columns fixed for an input in `[kolom.*]`.
    pub fn kolom_tetap(&self, peran: Peran) -> Vec<KolomTetap> {
        let (role, map) = match peran {
            Peran::Renja => ("renja", &self.kolom.renja),
            Peran::Realisasi => ("realisasi", &self.kolom.realisasi),
            Peran::RealisasiLalu => ("realisasi_lalu", &self.kolom.realisasi_lalu),
            Peran::Spm => ("spm", &self.kolom.spm),
            // the quarterly reports are the yearly one's layout
            Peran::RealisasiTw1 | Peran::RealisasiTw2 | Peran::RealisasiTw3 => ("realisasi", &self.kolom.realisasi),
            Peran::Apbd => ("apbd", &self.kolom.apbd),
            Peran::Kinerja | Peran::EvaluasiRenja => return Vec::new(),
        };
        map.iter()
            .filter_map(|(field, letter)| {
                Some(KolomTetap {
                    bidang: field.clone(),
                    kolom: column_index(letter)?,
                    huruf: letter.trim().to_ascii_uppercase(),
                    lokasi: self.kolom.lokasi(role, field),
                })
            })
            .collect()
    }

    /// The sheet configured for an input, if any.
    pub fn sheet(&self, peran: Peran) -> Option<&str> {
        match peran {
            Peran::Renja => self.lembar.renja.as_deref(),
            Peran::Realisasi => self.lembar.realisasi.as_deref(),
            Peran::RealisasiLalu => self.lembar.realisasi_lalu.as_deref(),
            Peran::Spm => self.lembar.spm.as_deref(),
            Peran::RealisasiTw1 | Peran::RealisasiTw2 | Peran::RealisasiTw3 => self.lembar.realisasi.as_deref(),
            Peran::EvaluasiRenja => self.lembar.evaluasi_renja.as_deref(),
            Peran::Apbd => self.lembar.apbd.as_deref(),
            Peran::Kinerja => None,
        }
    }

    /// Where the input of a role is: the configured path, or
    /// `data/<stem>.xlsx`, or `data/<stem>.xls`. Returns the relative path
    /// as shown in messages and whether the file exists.
    pub fn locate(&self, dir: &Path, peran: Peran) -> (String, PathBuf, bool) {
        // a quarterly build reads the report of its quarter as the year's so far
        if peran == Peran::Realisasi
            && let Some(tw) = self.triwulan.and_then(Peran::triwulan)
        {
            return self.locate(dir, tw);
        }
        if let Some(p) = self.configured(peran) {
            let full = dir.join(p);
            let exists = full.is_file();
            return (p.to_string(), full, exists);
        }
        for ext in ["xlsx", "xls"] {
            let rel = format!("data/{}.{ext}", peran.stem());
            let full = dir.join(&rel);
            if full.is_file() {
                return (rel, full, true);
            }
        }
        let rel = format!("data/{}.xlsx", peran.stem());
        let full = dir.join(&rel);
        (rel, full, false)
    }
}

impl Kolom {
    /// `lkjip.toml › baris N` of an override (the file alone when the line
    /// is not known).
    pub fn lokasi(&self, role: &str, field: &str) -> Location {
        Location {
            file: CONFIG_FILE.to_string(),
            sheet: None,
            cell: self
                .baris
                .get(&(role.to_string(), field.to_string()))
                .map(|l| format!("baris {l}")),
        }
    }
}

/// The line of every `field = …` under a `[kolom.ROLE]` table header.
fn kolom_lines(text: &str) -> BTreeMap<(String, String), usize> {
    let mut out = BTreeMap::new();
    let mut role: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix('[') {
            role = h
                .trim_end_matches(']')
                .trim()
                .strip_prefix("kolom.")
                .map(|r| r.trim().to_string());
        } else if let (Some(r), Some((k, _))) = (&role, t.split_once('=')) {
            out.insert((r.clone(), k.trim().trim_matches('"').to_string()), i + 1);
        }
    }
    out
}

/// `YYYY-MM-DD` → (year, month, day), checked.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().split('-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) as usize];
    (d <= days).then_some((y, m, d))
}

#[cfg(test)]
mod tests;
