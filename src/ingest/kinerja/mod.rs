//! `kinerja.xlsx`, the agency's own measurement workbook, whose layout lkjip
//! defines (docs/KINERJA.md): sheets Pengukuran (Form 2), Renstra, Riwayat,
//! Strategi, Pegawai and any number of `Tabel …` sheets. `lkjip init`
//! writes an empty copy; an empty copy gives warnings, not errors.

use super::cell::{Cell, parse_kode_text, parse_number};
use super::header::ColumnSpec;
use super::workbook::{Sheet, Workbook};
use super::{Codes, percent_at, pick_sheet, targets_at, text_at};
use crate::finding::{Findings, Location};
use crate::model::{Arah, Kode, PegawaiRow, RenstraRow, StrategiRow, TabelTambahan, Target, Tingkat};
use crate::tampil::normalize;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

mod layout;
pub mod struktur;
pub mod triwulan;
pub use layout::*;

/// `naik`, `positif`, `turun`, `negatif`, `tingkat:APE`.
pub fn parse_arah(text: &str) -> Option<Arah> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "" | "naik" | "positif" | "+" => Some(Arah::Naik),
        "turun" | "negatif" | "-" => Some(Arah::Turun),
        _ => {
            let rest = t.strip_prefix("tingkat")?;
            let ladder = rest.trim_start_matches([':', ' ']).trim().to_uppercase();
            Some(Arah::Tingkat(ladder))
        }
    }
}

/// One indicator row of Form 2 (Pengukuran Kinerja).
#[derive(Debug, Clone, Serialize)]
pub struct IndikatorRow {
    pub tingkat: Tingkat,
    /// `T1`/`S1` for tujuan/sasaran; the Renja code otherwise.
    pub kode: String,
    pub uraian: String,
    pub indikator: String,
    pub jenis_target: String,
    pub target: Target,
    pub arah: Arah,
    pub formulasi: String,
    pub data_kinerja: String,
    pub teknis_perhitungan: String,
    pub realisasi: Target,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub capaian_tercetak: Option<Decimal>,
    pub keterangan: String,
    pub sasaran: String,
    pub penanggung_jawab: String,
    pub rencana_tindak_lanjut: String,
    /// Staff planned and involved (Lampiran I and III), when given.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub sdm_target: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub sdm_realisasi: Option<Decimal>,
    #[serde(skip_serializing)]
    pub lokasi: Location,
    /// The row of the `Triwulan` sheet for this indicator.
    pub triwulan: Option<crate::model::Triwulan>,
}

impl IndikatorRow {
    /// The budget code, for program/kegiatan/sub kegiatan rows.
    pub fn budget_kode(&self) -> Option<Kode> {
        matches!(
            self.tingkat,
            Tingkat::Program | Tingkat::Kegiatan | Tingkat::SubKegiatan
        )
        .then(|| parse_kode_text(&self.kode))
        .flatten()
    }
}

/// Target and realization of an indicator in one year (Tabel 3.4, 3.12…).
#[derive(Debug, Clone, Serialize)]
pub struct RiwayatRow {
    pub kode: String,
    pub indikator: String,
    pub tahun: i32,
    pub target: Option<Target>,
    pub realisasi: Option<Target>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub capaian_tercetak: Option<Decimal>,
    #[serde(skip_serializing)]
    pub lokasi: Location,
}

#[derive(Debug, Clone, Default)]
pub struct Kinerja {
    pub pengukuran: Vec<IndikatorRow>,
    pub renstra: Vec<RenstraRow>,
    pub riwayat: Vec<RiwayatRow>,
    pub strategi: Vec<StrategiRow>,
    pub pegawai: Vec<PegawaiRow>,
    pub struktur: Vec<crate::model::UnitOrganisasi>,
    pub tabel: Vec<TabelTambahan>,
}

/// Reads every sheet of `kinerja.xlsx`.
pub fn read(wb: &mut Workbook, f: &mut Findings) -> Kinerja {
    let names = wb.sheet_names();
    let find = |want: &str| names.iter().find(|n| normalize(n) == normalize(want)).cloned();
    let mut k = Kinerja::default();
    let sheet_of = |want: &str,
                    specs: &[ColumnSpec],
                    wb: &mut Workbook,
                    f: &mut Findings|
     -> Option<(Sheet, super::header::Header)> {
        match find(want) {
            Some(n) => pick_sheet(wb, specs, Some(&n), &format!("lembar {want}"), Codes::Required, f),
            None => {
                f.warning(
                    "sheet-missing",
                    Location::file(&wb.display),
                    format!("lembar \"{want}\" tidak ada; jalankan `lkjip init` untuk melihat susunan kinerja.xlsx"),
                );
                None
            }
        }
    };
    if let Some((s, h)) = sheet_of(SHEET_PENGUKURAN, PENGUKURAN_SPECS, wb, f) {
        k.pengukuran = read_pengukuran(&s, &h, f);
        if k.pengukuran.is_empty() {
            f.warning(
                "kinerja-empty",
                s.sheet_loc(),
                "lembar Pengukuran belum diisi: capaian indikator tujuan, sasaran, program dan kegiatan belum dapat dihitung".to_string(),
            );
        }
    }
    // the quarters are optional: only a quarterly report needs them
    if let Some(n) = find(triwulan::SHEET_TRIWULAN)
        && let Some((s, h)) = pick_sheet(
            wb,
            triwulan::TRIWULAN_SPECS,
            Some(&n),
            &format!("lembar {}", triwulan::SHEET_TRIWULAN),
            Codes::Required,
            f,
        )
    {
        triwulan::read(&s, &h, &mut k.pengukuran, f);
    }
    // the organisation chart's units are optional too
    if let Some(n) = find(struktur::SHEET_STRUKTUR)
        && let Some((s, h)) = pick_sheet(
            wb,
            struktur::STRUKTUR_SPECS,
            Some(&n),
            &format!("lembar {}", struktur::SHEET_STRUKTUR),
            Codes::Required,
            f,
        )
    {
        k.struktur = struktur::read(&s, &h, f);
    }
    if let Some((s, h)) = sheet_of(SHEET_RENSTRA, RENSTRA_SPECS, wb, f) {
        k.renstra = read_renstra(&s, &h, f);
        if k.renstra.is_empty() {
            f.warning("kinerja-empty", s.sheet_loc(), "lembar Renstra belum diisi".to_string());
        }
    }
    if let Some((s, h)) = sheet_of(SHEET_RIWAYAT, RIWAYAT_SPECS, wb, f) {
        k.riwayat = read_riwayat(&s, &h, f);
    }
    if let Some((s, h)) = sheet_of(SHEET_STRATEGI, STRATEGI_SPECS, wb, f) {
        k.strategi = (h.data_start..s.height())
            .filter(|r| !s.row_is_empty(*r))
            .map(|r| StrategiRow {
                kode_tujuan: text_at(&s, r, h.col("kode_tujuan")),
                tujuan: text_at(&s, r, h.col("tujuan")),
                kode_sasaran: text_at(&s, r, h.col("kode_sasaran")),
                sasaran: text_at(&s, r, h.col("sasaran")),
                strategi: text_at(&s, r, h.col("strategi")),
                arah_kebijakan: text_at(&s, r, h.col("kebijakan")),
            })
            .collect();
    }
    if let Some((s, h)) = sheet_of(SHEET_PEGAWAI, PEGAWAI_SPECS, wb, f) {
        k.pegawai = read_pegawai(&s, &h, f);
    }
    for name in names.iter().filter(|n| normalize(n).starts_with("TABEL")) {
        match wb.sheet(name) {
            Ok(s) => {
                if let Some(t) = read_tabel(&s, f) {
                    // thousands of rows would be laid out as hundreds of pages
                    if t.baris.len() > TABEL_MAX {
                        f.error(
                            "table-too-large",
                            s.sheet_loc(),
                            format!(
                                "tabel tambahan {} baris, melebihi {TABEL_MAX}; tabel sepanjang itu masuk lampiran terpisah, bukan ke dalam laporan",
                                t.baris.len()
                            ),
                        );
                        continue;
                    }
                    k.tabel.push(t);
                } else {
                    f.warning("table-empty", s.sheet_loc(), "lembar tabel tambahan kosong".to_string());
                }
            }
            Err(e) => f.push(e),
        }
    }
    k
}

fn tingkat_of(text: &str, kode: &str) -> Option<Tingkat> {
    let t = normalize(text).replace(' ', "");
    match t.as_str() {
        "TUJUAN" => return Some(Tingkat::Tujuan),
        "SASARAN" => return Some(Tingkat::Sasaran),
        "PROGRAM" => return Some(Tingkat::Program),
        "KEGIATAN" => return Some(Tingkat::Kegiatan),
        "SUBKEGIATAN" => return Some(Tingkat::SubKegiatan),
        "" => {}
        _ => return None,
    }
    let up = kode.trim().to_uppercase();
    if up.starts_with('T') {
        return Some(Tingkat::Tujuan);
    }
    if up.starts_with('S') {
        return Some(Tingkat::Sasaran);
    }
    match parse_kode_text(kode)?.level() {
        crate::model::Level::Program => Some(Tingkat::Program),
        crate::model::Level::Kegiatan => Some(Tingkat::Kegiatan),
        crate::model::Level::SubKegiatan => Some(Tingkat::SubKegiatan),
        _ => None,
    }
}

fn read_pengukuran(s: &Sheet, h: &super::header::Header, f: &mut Findings) -> Vec<IndikatorRow> {
    let mut out = Vec::new();
    for row in h.data_start..s.height() {
        if s.row_is_empty(row) || h.is_repeat(s, row) {
            continue;
        }
        let kode_text = text_at(s, row, h.col("kode"));
        let indikator = text_at(s, row, h.col("indikator"));
        let level_text = text_at(s, row, h.col("level"));
        let kode_loc = s.loc(row, h.col("kode").unwrap_or(0));
        if kode_text.is_empty() {
            f.error(
                "code-missing",
                kode_loc,
                format!("indikator \"{}\" tanpa kode", crate::tampil::short(&indikator)),
            );
            continue;
        }
        let Some(tingkat) = tingkat_of(&level_text, &kode_text) else {
            f.error(
                "level-invalid",
                s.loc(row, h.col("level").or(h.col("kode")).unwrap_or(0)),
                format!(
                    "level \"{level_text}\" / kode \"{kode_text}\" tidak dikenali; gunakan Tujuan, Sasaran, Program, Kegiatan atau Sub Kegiatan dengan kode Renja"
                ),
            );
            continue;
        };
        let kode = match tingkat {
            Tingkat::Tujuan | Tingkat::Sasaran => kode_text.trim().to_uppercase(),
            _ => match parse_kode_text(&kode_text) {
                Some(k) => k.0,
                None => {
                    f.error(
                        "code-invalid",
                        kode_loc,
                        format!("kode \"{kode_text}\" tidak dapat dibaca"),
                    );
                    continue;
                }
            },
        };
        let arah_text = text_at(s, row, h.col("arah"));
        let arah = match parse_arah(&arah_text) {
            Some(a) => a,
            None => {
                f.error(
                    "direction-invalid",
                    s.loc(row, h.col("arah").unwrap_or(0)),
                    format!("arah \"{arah_text}\" tidak dikenali; gunakan naik, turun, atau tingkat:NAMA"),
                );
                Arah::Naik
            }
        };
        let target = targets_at(s, row, h.col("target"), f)
            .into_iter()
            .next()
            .unwrap_or_default();
        let realisasi = targets_at(s, row, h.col("realisasi"), f)
            .into_iter()
            .next()
            .unwrap_or_default();
        if !matches!(arah, Arah::Tingkat(_)) {
            for (t, key, what) in [(&target, "target", "target"), (&realisasi, "realisasi", "realisasi")] {
                if !t.is_empty() && t.nilai.is_none() {
                    f.error(
                        "target-invalid",
                        s.loc(row, h.col(key).unwrap_or(0)),
                        format!(
                            "{what} \"{}\" tidak dapat dibaca sebagai angka; tulis angka dengan satuan (mis. 6 Dokumen, 98,79 %) atau isi Arah dengan tingkat:NAMA untuk nilai bertingkat",
                            t.teks
                        ),
                    );
                }
            }
        }
        if target.is_empty() {
            f.warning(
                "target-missing",
                s.loc(row, h.col("target").unwrap_or(0)),
                format!("indikator {kode} tanpa target"),
            );
        }
        out.push(IndikatorRow {
            tingkat,
            kode,
            uraian: text_at(s, row, h.col("uraian")),
            indikator,
            jenis_target: text_at(s, row, h.col("jenis_target")),
            target,
            arah,
            formulasi: text_at(s, row, h.col("formulasi")),
            data_kinerja: text_at(s, row, h.col("data_kinerja")),
            teknis_perhitungan: text_at(s, row, h.col("teknis")),
            realisasi,
            capaian_tercetak: percent_at(s, row, h.col("capaian"), f),
            keterangan: text_at(s, row, h.col("keterangan")),
            sasaran: text_at(s, row, h.col("sasaran")).to_uppercase(),
            penanggung_jawab: text_at(s, row, h.col("pj")),
            rencana_tindak_lanjut: text_at(s, row, h.col("rtl")),
            sdm_target: super::number_at(s, row, h.col("sdm_target"), f),
            sdm_realisasi: super::number_at(s, row, h.col("sdm_realisasi"), f),
            lokasi: s.row_loc(row),
            triwulan: None,
        });
    }
    // a realisasi column empty in every row while the rows print a capaian
    // is misread (a header over a blank column): every capaian would be lost
    if let Some(c) = h.col("realisasi")
        && !out.is_empty()
        && out.iter().all(|r| r.realisasi.is_empty())
        && out.iter().any(|r| r.capaian_tercetak.is_some_and(|p| !p.is_zero()))
    {
        f.error(
            "column-empty",
            s.loc(h.data_start, c),
            format!(
                "kolom realisasi {} kosong di setiap baris, padahal baris-barisnya mencetak capaian{}; periksa susunan kolom Pengukuran",
                h.named(c),
                h.also_matching("realisasi")
            ),
        );
    }
    out
}

/// Columns whose header is a year (`2024`).
fn year_columns(s: &Sheet, h: &super::header::Header) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    for c in 0..s.width() {
        for r in h.first_row..=h.last_row {
            let t = s.shown(r, c).text();
            if let Ok(y) = t.trim().parse::<i32>()
                && (2000..=2100).contains(&y)
            {
                out.push((y, c));
                break;
            }
        }
    }
    out
}

fn read_renstra(s: &Sheet, h: &super::header::Header, f: &mut Findings) -> Vec<RenstraRow> {
    let years = year_columns(s, h);
    if years.is_empty() {
        f.error(
            "column-missing",
            s.sheet_loc(),
            "lembar Renstra tanpa kolom tahun (judul kolom berupa tahun, mis. 2024, 2025, 2026)".to_string(),
        );
    }
    let mut out = Vec::new();
    for row in h.data_start..s.height() {
        if s.row_is_empty(row) {
            continue;
        }
        let kode = text_at(s, row, h.col("kode")).to_uppercase();
        if kode.is_empty() {
            f.error(
                "code-missing",
                s.loc(row, h.col("kode").unwrap_or(0)),
                "baris Renstra tanpa kode (T1, S1, …)".to_string(),
            );
            continue;
        }
        let arah_text = text_at(s, row, h.col("arah"));
        let arah = parse_arah(&arah_text).unwrap_or_else(|| {
            f.error(
                "direction-invalid",
                s.loc(row, h.col("arah").unwrap_or(0)),
                format!("arah \"{arah_text}\" tidak dikenali; gunakan naik, turun, atau tingkat:NAMA"),
            );
            Arah::Naik
        });
        let mut target = BTreeMap::new();
        for (y, c) in &years {
            if let Some(t) = targets_at(s, row, Some(*c), f).into_iter().next() {
                target.insert(*y, t);
            }
        }
        let target_akhir = targets_at(s, row, h.col("akhir"), f)
            .into_iter()
            .next()
            .or_else(|| target.values().next_back().cloned());
        out.push(RenstraRow {
            kode,
            tujuan: text_at(s, row, h.col("tujuan")),
            sasaran: text_at(s, row, h.col("sasaran")),
            indikator: text_at(s, row, h.col("indikator")),
            rumus: text_at(s, row, h.col("rumus")),
            arah,
            target,
            target_akhir,
            lokasi: s.row_loc(row),
        });
    }
    out
}

fn read_riwayat(s: &Sheet, h: &super::header::Header, f: &mut Findings) -> Vec<RiwayatRow> {
    let mut out = Vec::new();
    for row in h.data_start..s.height() {
        if s.row_is_empty(row) {
            continue;
        }
        let kode = text_at(s, row, h.col("kode"));
        let c_tahun = h.col("tahun");
        let tahun = match c_tahun.map(|c| parse_number(s.get(row, c))) {
            Some(Ok(Some(y))) if y.fract().is_zero() && (Decimal::from(1990)..=Decimal::from(2100)).contains(&y) => {
                i32::try_from(y.mantissa() / 10i128.pow(y.scale())).unwrap_or(0)
            }
            _ => {
                f.error(
                    "year-invalid",
                    s.loc(row, c_tahun.unwrap_or(0)),
                    format!(
                        "diharapkan tahun (mis. 2023), ditemukan {}",
                        c_tahun.map(|c| s.get(row, c).shown()).unwrap_or_default()
                    ),
                );
                continue;
            }
        };
        let kode = match parse_kode_text(&kode) {
            Some(k) if !kode.trim().to_uppercase().starts_with(['T', 'S']) => k.0,
            _ => kode.trim().to_uppercase(),
        };
        out.push(RiwayatRow {
            kode,
            indikator: text_at(s, row, h.col("indikator")),
            tahun,
            target: targets_at(s, row, h.col("target"), f).into_iter().next(),
            realisasi: targets_at(s, row, h.col("realisasi"), f).into_iter().next(),
            capaian_tercetak: percent_at(s, row, h.col("capaian"), f),
            lokasi: s.row_loc(row),
        });
    }
    out
}

fn read_pegawai(s: &Sheet, h: &super::header::Header, f: &mut Findings) -> Vec<PegawaiRow> {
    let mut out = Vec::new();
    for row in h.data_start..s.height() {
        if s.row_is_empty(row) {
            continue;
        }
        let mut n = |key: &str| -> u32 {
            let Some(c) = h.col(key) else { return 0 };
            match parse_number(s.get(row, c)) {
                Ok(Some(v)) if v >= Decimal::ZERO && v.fract().is_zero() => {
                    u32::try_from(v.mantissa() / 10i128.pow(v.scale())).unwrap_or(0)
                }
                Ok(None) => 0,
                _ => {
                    f.error(
                        "number-invalid",
                        s.loc(row, c),
                        format!("diharapkan jumlah orang, ditemukan {}", s.get(row, c).shown()),
                    );
                    0
                }
            }
        };
        let counts = [
            n("pns_l"),
            n("pns_p"),
            n("pppk_l"),
            n("pppk_p"),
            n("honorer_l"),
            n("honorer_p"),
        ];
        out.push(PegawaiRow {
            kelompok: text_at(s, row, h.col("kelompok")),
            no: text_at(s, row, h.col("no")),
            jenis_pendidikan: text_at(s, row, h.col("pendidikan")),
            pns_l: counts[0],
            pns_p: counts[1],
            pppk_l: counts[2],
            pppk_p: counts[3],
            honorer_l: counts[4],
            honorer_p: counts[5],
        });
    }
    out
}

/// The most rows of one agency table (`Tabel …` sheet): the example's
/// longest has 25.
pub const TABEL_MAX: usize = 1000;

/// A `Tabel …` sheet: A1 is the title; the table starts at the next row
/// of two cells or more (one-cell title lines of an exported form before
/// it are left out); its header is that row plus the following rows whose
/// first cell is empty (multi-row headers leave the merged `No` cell empty).
/// A body cell of an agency table as the report prints it: a number in
/// Indonesian form (`14.337`, `83,89`, a percent cell `97,62 %`), a year
/// of a `Tahun` column as typed; an Excel error value (`#DIV/0!`) or a
/// formula without a stored value is no figure: a warning at its cell, and
/// `-` on the page.
fn body_cell(s: &Sheet, r: u32, c: u32, year: bool, f: &mut Findings) -> String {
    let cell = s.get(r, c);
    let number = |x: f64| crate::ingest::cell::decimal_from_f64(x).map(|d| crate::tampil::fmt_rupiah(d.round_dp(4)));
    match cell {
        Cell::Number(x) if year && x.fract() == 0.0 && (1900.0..=2100.0).contains(x) => cell.text(),
        Cell::Number(x) => number(*x).unwrap_or_else(|| cell.text()),
        Cell::Percent(x) => crate::ingest::cell::percent_shown(*x)
            .map(|d| format!("{} %", crate::tampil::fmt_rupiah(d.round_dp(2))))
            .unwrap_or_else(|| cell.text()),
        Cell::Error(_) | Cell::Uncached(_) => {
            f.warning(
                "table-cell-error",
                s.loc(r, c),
                format!(
                    "sel tabel tambahan berisi {}, bukan angka; dicetak \"-\" — perbaiki rumusnya",
                    cell.shown()
                ),
            );
            "-".to_string()
        }
        _ => cell.text(),
    }
}

fn read_tabel(s: &Sheet, f: &mut Findings) -> Option<TabelTambahan> {
    let judul = s.get(0, 0).text();
    let width = s.width();
    let texts = |r: u32| -> Vec<String> {
        let mut v: Vec<String> = (0..width).map(|c| s.get(r, c).text()).collect();
        while v.last().is_some_and(String::is_empty) {
            v.pop();
        }
        v
    };
    // title lines of an exported form (one cell each: "PEMERINTAH KOTA …",
    // "TAHUN ANGGARAN", usually merged over the width) come before the
    // header; the header is the first row of two cells or more
    let filled = |r: u32| (0..width).filter(|c| !s.get(r, *c).is_empty()).count();
    let first = (1..s.height()).find(|r| !s.row_is_empty(*r))?;
    let start = (first..s.height()).find(|r| filled(*r) >= 2).unwrap_or(first);
    let mut header = vec![texts(start)];
    let mut r = start + 1;
    while r < s.height() && !s.row_is_empty(r) && matches!(s.get(r, 0), Cell::Empty) {
        header.push(texts(r));
        r += 1;
    }
    let body: Vec<u32> = (r..s.height()).filter(|r| !s.row_is_empty(*r)).collect();
    // a column headed `Tahun` holds years, printed as typed (2019, not 2.019)
    let year_col: Vec<bool> = (0..width)
        .map(|c| {
            header
                .iter()
                .any(|h| h.get(c as usize).is_some_and(|t| normalize(t).contains("TAHUN")))
        })
        .collect();
    let baris = body
        .iter()
        .map(|&r| {
            let mut v: Vec<String> = (0..width)
                .map(|c| body_cell(s, r, c, year_col[c as usize], f))
                .collect();
            while v.last().is_some_and(String::is_empty) {
                v.pop();
            }
            v
        })
        .collect();
    // the merged regions inside the table, by the table's rows (a region
    // that reaches over a skipped empty row ends there)
    let rows: Vec<u32> = (start..r).chain(body.iter().copied()).collect();
    let mut gabung = Vec::new();
    for (i, &sr) in rows.iter().enumerate() {
        for c in 0..width {
            if s.merge_origin(sr, c) != Some((sr, c)) {
                continue;
            }
            let cs = (c..width)
                .take_while(|&k| s.merge_origin(sr, k) == Some((sr, c)))
                .count() as u32;
            let rs = rows[i..]
                .iter()
                .enumerate()
                .take_while(|&(j, &rr)| rr == sr + j as u32 && s.merge_origin(rr, c) == Some((sr, c)))
                .count() as u32;
            if cs > 1 || rs > 1 {
                gabung.push(crate::model::Gabung {
                    baris: i as u32,
                    kolom: c,
                    rs,
                    cs,
                });
            }
        }
    }
    Some(TabelTambahan {
        nama: s.name.clone(),
        judul,
        header,
        baris,
        gabung,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exported form pasted as a `Tabel` sheet, laid out like
    /// Banjarmasin's Laporan Permasalahan and RFK: one-cell title lines
    /// before the header are not the header; the merged `NO` over the two
    /// header rows is read as a merge of the header.
    #[test]
    fn title_lines_of_an_exported_form_are_not_its_header() {
        let t = |s: &str| Cell::Text(s.into());
        let rows = vec![
            vec![t("Tabel 3.99 Realisasi")],
            vec![t("PEMERINTAH KOTA BANJARMASIN")],
            vec![t("KONDISI S/D TGL.")],
            vec![],
            vec![t("NO"), t("URAIAN KEGIATAN"), t("KEUANGAN"), Cell::Empty],
            vec![Cell::Empty, Cell::Empty, t("RENCANA"), t("REALISASI")],
            vec![t("1"), t("Belanja Pegawai"), t("100"), t("90")],
        ];
        let merges = vec![
            calamine::Dimensions {
                start: (1, 0),
                end: (1, 3),
            },
            calamine::Dimensions {
                start: (4, 0),
                end: (5, 0),
            },
            calamine::Dimensions {
                start: (4, 2),
                end: (4, 3),
            },
        ];
        let s = Sheet::from_rows("k.xlsx", "Tabel 3.99", rows).with_merges(merges);
        let tb = read_tabel(&s, &mut Findings::new()).unwrap();
        assert_eq!(tb.header.len(), 2);
        assert_eq!(tb.header[0], ["NO", "URAIAN KEGIATAN", "KEUANGAN"]);
        assert_eq!(tb.baris, [vec!["1", "Belanja Pegawai", "100", "90"]]);
        let g: Vec<(u32, u32, u32, u32)> = tb.gabung.iter().map(|g| (g.baris, g.kolom, g.rs, g.cs)).collect();
        assert_eq!(g, [(0, 0, 2, 1), (0, 2, 1, 2)]);
    }

    /// Numeric cells of an agency table (a workbook typed in Excel, not our
    /// example's text cells) print as the report prints figures; a year
    /// stays a year; an error value is a warning at its cell, not a figure.
    #[test]
    fn numbers_of_an_agency_table_print_in_indonesian_form() {
        let t = |s: &str| Cell::Text(s.into());
        let n = Cell::Number;
        let rows = vec![
            vec![t("Tabel 3.98 PMKS")],
            vec![],
            vec![t("Tahun"), t("Jumlah PMKS"), t("Tertangani"), t("%"), t("Rasio")],
            vec![n(2019.0), n(14337.0), n(12028.0), n(83.89), n(0.5)],
            vec![
                n(2020.0),
                n(13631.0),
                n(12841.0),
                Cell::Percent(0.942),
                Cell::Error("#DIV/0!".into()),
            ],
        ];
        let s = Sheet::from_rows("data/kinerja.xlsx", "Tabel 3.98", rows);
        let mut f = Findings::new();
        let tb = read_tabel(&s, &mut f).unwrap();
        assert_eq!(
            tb.baris,
            [
                vec!["2019", "14.337", "12.028", "83,89", "0,5"],
                vec!["2020", "13.631", "12.841", "94,2 %", "-"],
            ]
        );
        let w: Vec<String> = f.iter().map(|x| format!("{} {}", x.code, x.location)).collect();
        assert_eq!(w, ["table-cell-error data/kinerja.xlsx › Tabel 3.98 › E5"]);
    }

    #[test]
    fn an_agency_table_of_thousands_of_rows_is_refused() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet().set_name("Tabel 3.99").unwrap();
        ws.write_string(0, 0, "Tabel 3.99 Data Panjang").unwrap();
        ws.write_string(2, 0, "No").unwrap();
        ws.write_string(2, 1, "Uraian").unwrap();
        for r in 0..(TABEL_MAX as u32 + 1) {
            ws.write_number(3 + r, 0, f64::from(r + 1)).unwrap();
            ws.write_string(3 + r, 1, "baris").unwrap();
        }
        let mut wb = Workbook::from_bytes(book.save_to_buffer().unwrap(), "data/kinerja.xlsx").unwrap();
        let mut f = Findings::new();
        let k = read(&mut wb, &mut f);
        assert!(k.tabel.is_empty());
        let e = f.iter().find(|x| x.code == "table-too-large").expect("refused");
        assert_eq!(e.location.to_string(), "data/kinerja.xlsx › Tabel 3.99");
        assert!(
            e.message.starts_with("tabel tambahan 1001 baris, melebihi 1000"),
            "{}",
            e.message
        );
    }

    #[test]
    fn directions() {
        assert_eq!(parse_arah(""), Some(Arah::Naik));
        assert_eq!(parse_arah("Turun"), Some(Arah::Turun));
        assert_eq!(parse_arah("negatif"), Some(Arah::Turun));
        assert_eq!(parse_arah("tingkat:APE"), Some(Arah::Tingkat("APE".into())));
        assert_eq!(parse_arah("tingkat kla"), Some(Arah::Tingkat("KLA".into())));
        assert_eq!(parse_arah("ke atas"), None);
    }

    #[test]
    fn levels_from_text_or_code() {
        assert_eq!(
            tingkat_of("Sub Kegiatan", "1.06.02.2.03.0002"),
            Some(Tingkat::SubKegiatan)
        );
        assert_eq!(tingkat_of("", "T1"), Some(Tingkat::Tujuan));
        assert_eq!(tingkat_of("", "1.06.02.2.03"), Some(Tingkat::Kegiatan));
        assert_eq!(tingkat_of("Eselon", "1.06.02"), None);
    }
}
