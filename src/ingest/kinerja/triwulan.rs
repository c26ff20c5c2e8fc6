//! The `Triwulan` sheet of kinerja.xlsx: one row per indicator of
//! Pengukuran with its realization in quarters I–IV, the factors and the
//! follow-up. A row finds its indicator by code and indicator text; one that
//! finds none is a warning at its cell, never dropped in silence.

use super::IndikatorRow;
use crate::finding::Findings;
use crate::ingest::header::{ColumnSpec, Header, col, opt, req};
use crate::ingest::workbook::Sheet;
use crate::ingest::{cell::parse_kode_text, targets_at, text_at};
use crate::model::{Agregasi, Target, Triwulan};
use crate::tampil::{normalize, short};

pub const SHEET_TRIWULAN: &str = "Triwulan";

/// The columns `lkjip init` writes, with their hints.
pub const TRIWULAN_COLUMNS: &[(&str, &str)] = &[
    ("Kode", "kode baris Pengukuran (T1, S1, kode Renja)"),
    ("Indikator Kinerja", "seperti di lembar Pengukuran"),
    (
        "Agregasi",
        "kumulatif (jumlah triwulan) / akhir (angka triwulan terakhir) / rata-rata / tertinggi; kosong: dari satuan",
    ),
    ("Realisasi TW I", "realisasi dalam triwulan I (Januari–Maret)"),
    ("Realisasi TW II", "realisasi dalam triwulan II"),
    ("Realisasi TW III", "realisasi dalam triwulan III"),
    ("Realisasi TW IV", "realisasi dalam triwulan IV"),
    ("Faktor Pendorong", ""),
    ("Faktor Penghambat", ""),
    ("Tindak Lanjut", "rencana tindak lanjut triwulan berikutnya"),
];

pub const TRIWULAN_SPECS: &[ColumnSpec] = &[
    req("kode", &[&["KODE"]], "Kode"),
    opt("indikator", &[&["INDIKATOR"]], "Indikator Kinerja"),
    opt("agregasi", &[&["AGREGASI"]], "Agregasi"),
    col(
        "tw1",
        &[&["TW I"], &["TRIWULAN I"], &["TW 1"]],
        &["II", "IV"],
        true,
        "Realisasi TW I",
    ),
    col(
        "tw2",
        &[&["TW II"], &["TRIWULAN II"], &["TW 2"]],
        &["III"],
        true,
        "Realisasi TW II",
    ),
    col(
        "tw3",
        &[&["TW III"], &["TRIWULAN III"], &["TW 3"]],
        &[],
        true,
        "Realisasi TW III",
    ),
    col(
        "tw4",
        &[&["TW IV"], &["TRIWULAN IV"], &["TW 4"]],
        &[],
        true,
        "Realisasi TW IV",
    ),
    opt("pendorong", &[&["PENDORONG"], &["PENDUKUNG"]], "Faktor Pendorong"),
    opt("penghambat", &[&["PENGHAMBAT"]], "Faktor Penghambat"),
    opt("tindak_lanjut", &[&["TINDAK", "LANJUT"]], "Tindak Lanjut"),
];

/// Reads the sheet and attaches each row to its indicator of Pengukuran.
pub fn read(s: &Sheet, h: &Header, rows: &mut [IndikatorRow], f: &mut Findings) {
    for row in h.data_start..s.height() {
        if s.row_is_empty(row) || h.is_repeat(s, row) {
            continue;
        }
        let kode_text = text_at(s, row, h.col("kode"));
        let kode_loc = s.loc(row, h.col("kode").unwrap_or(0));
        let indikator = text_at(s, row, h.col("indikator"));
        if kode_text.is_empty() {
            f.warning(
                "code-missing",
                kode_loc,
                format!(
                    "baris triwulan \"{}\" tanpa kode: tidak dapat dikaitkan dengan indikator Pengukuran",
                    short(&indikator)
                ),
            );
            continue;
        }
        let kode = parse_kode_text(&kode_text).map_or_else(|| kode_text.trim().to_uppercase(), |k| k.0);
        let same_code: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].kode == kode).collect();
        let by_text: Vec<usize> = same_code
            .iter()
            .copied()
            .filter(|&i| normalize(&rows[i].indikator) == normalize(&indikator))
            .collect();
        let found = match (by_text.as_slice(), same_code.as_slice()) {
            ([i], _) => Some(*i),
            ([], [i]) => Some(*i),
            _ => None,
        };
        let Some(i) = found else {
            let why = if same_code.is_empty() {
                format!("kode {kode} tidak ada di lembar Pengukuran")
            } else {
                format!(
                    "kode {kode} punya {} indikator di Pengukuran; tulis Indikator Kinerja persis seperti di sana",
                    same_code.len()
                )
            };
            f.warning(
                "triwulan-unmatched",
                kode_loc,
                format!("baris triwulan \"{}\" tidak dipakai: {why}", short(&indikator)),
            );
            continue;
        };
        if rows[i].triwulan.is_some() {
            f.warning(
                "triwulan-duplicate",
                kode_loc,
                format!(
                    "indikator {kode} \"{}\" sudah punya baris triwulan di atasnya; baris ini tidak dipakai",
                    short(&rows[i].indikator)
                ),
            );
            continue;
        }
        let agregasi_text = text_at(s, row, h.col("agregasi"));
        let agregasi = match Agregasi::parse(&agregasi_text) {
            Some(a) => Some(a),
            None if agregasi_text.trim().is_empty() => None,
            None => {
                f.error(
                    "aggregation-invalid",
                    s.loc(row, h.col("agregasi").unwrap_or(0)),
                    format!(
                        "agregasi \"{}\" tidak dikenali; gunakan kumulatif, akhir, rata-rata atau tertinggi (atau kosongkan)",
                        short(&agregasi_text)
                    ),
                );
                continue;
            }
        };
        let mut realisasi = Vec::new();
        let mut sel = Vec::new();
        for key in ["tw1", "tw2", "tw3", "tw4"] {
            let col = h.col(key);
            let t: Target = targets_at(s, row, col, f).into_iter().next().unwrap_or_default();
            let loc = s.loc(row, col.unwrap_or(0));
            if !t.is_empty() && t.nilai.is_none() && t.tingkat.is_none() {
                f.error(
                    "target-invalid",
                    loc.clone(),
                    format!(
                        "realisasi triwulan \"{}\" tidak dapat dibaca sebagai angka",
                        short(&t.teks)
                    ),
                );
            }
            realisasi.push(t);
            sel.push(loc);
        }
        let r = &rows[i];
        let bawaan = Agregasi::bawaan(&r.target, &r.arah);
        rows[i].triwulan = Some(Triwulan {
            agregasi: agregasi.unwrap_or(bawaan),
            agregasi_bawaan: agregasi.is_none(),
            realisasi,
            faktor_pendorong: text_at(s, row, h.col("pendorong")),
            faktor_penghambat: text_at(s, row, h.col("penghambat")),
            tindak_lanjut: text_at(s, row, h.col("tindak_lanjut")),
            sampai: Vec::new(),
            capaian: Vec::new(),
            lokasi: s.row_loc(row),
            sel,
        });
    }
}
