//! Codes from names, for layouts that have no code column.
//!
//! A code at the start of the name cell (`1.06.01 Program …`, SIPD
//! exports, the NTB Form A) is split off ([`code_in_name`], [`row_code`]).
//!
//! A realization form without any code (FORM-RFK: `NO | URAIAN KEGIATAN |
//! NILAI DPA | …`, program and kegiatan printed as headings over their sub
//! kegiatan) gets its codes from the Renja, row by row, by the name
//! (compared in capitals, single spaces, without a leading `Program`,
//! `Kegiatan`, `Sub Kegiatan` or row number). A name found once is taken; a
//! name the Renja has under several codes is taken under the program or
//! kegiatan heading above it; a row with an amount that finds no code, or
//! more than one, is an error at its cell — its money must not vanish from
//! the report. Program and kegiatan the form prints only as a heading, or
//! not at all, are added from the Renja and summed from their rows. Every
//! match is listed by `check`.

use super::header::{ColumnSpec, Header};
use super::realisasi::{Realisasi, RealisasiRow, sum_headings};
use super::renja::Renja;
use super::workbook::Sheet;
use super::{Codes, Inputs, cell};
use crate::config::Peran;
use crate::finding::{Findings, Kunci, Location, Severity};
use crate::model::{Kode, Level};
use crate::tampil::{normalize, short};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// One row matched by name, as `check` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct CocokNama {
    /// The cell of the name (`B15`).
    pub sel: String,
    pub nama: String,
    pub kode: String,
}

/// The name as compared: capitals, single spaces, no leading row number or
/// level word, no trailing punctuation.
pub fn key(name: &str) -> String {
    let mut t = normalize(name);
    // `1.`, `a.`, `1)` before the name
    if let Some((head, rest)) = t.split_once(' ')
        && head.len() <= 4
        && (head.ends_with('.') || head.ends_with(')'))
        && head[..head.len() - 1].chars().all(|c| c.is_ascii_alphanumeric())
    {
        t = rest.to_string();
    }
    for word in ["SUB KEGIATAN", "SUB-KEGIATAN", "SUBKEGIATAN", "KEGIATAN", "PROGRAM"] {
        if let Some(rest) = t.strip_prefix(word)
            && (rest.is_empty() || rest.starts_with([' ', ':', '-']))
        {
            t = rest.trim_start_matches([' ', ':', '-']).to_string();
            break;
        }
    }
    t.trim_end_matches(['.', ',', ':', ';', ' ']).to_string()
}

/// Gives the rows of `r.menurut_nama` their codes from `renja`, moving them
/// into `r.baris`; returns the matches. A row that finds no code, or
/// several, is reported with `severity`: an error in this year's report,
/// a warning in last year's (closed and only quoted; its names may be
/// last year's wording).
pub fn resolve(r: &mut Realisasi, renja: &Renja, severity: Severity, f: &mut Findings) -> Vec<CocokNama> {
    let mut index: HashMap<String, Vec<(&Kode, &str)>> = HashMap::new();
    for e in &renja.entri {
        if matches!(e.level, Level::Program | Level::Kegiatan | Level::SubKegiatan) {
            index.entry(key(&e.nama)).or_default().push((&e.kode, e.nama.as_str()));
        }
    }
    let mut matched = Vec::new();
    let mut seen: HashMap<Kode, String> = HashMap::new();
    // the heading above: a program, then a kegiatan
    let mut under: Option<Kode> = None;
    let mut headings: Vec<usize> = Vec::new();
    for b in std::mem::take(&mut r.menurut_nama) {
        let mut row = b.baris;
        let found = index.get(&key(&row.nama)).map(Vec::as_slice).unwrap_or(&[]);
        let within = |k: &Kode| {
            under
                .as_ref()
                .is_some_and(|u| k.as_str().starts_with(&format!("{}.", u.as_str())))
        };
        let chosen: Vec<&(&Kode, &str)> = if found.len() > 1 {
            found.iter().filter(|(k, _)| within(k)).collect()
        } else {
            found.iter().collect()
        };
        let cell = row.lokasi.cell.clone().unwrap_or_default();
        match chosen.as_slice() {
            [(kode, _)] => {
                let kode = (*kode).clone();
                if let Some(first) = seen.get(&kode) {
                    f.error(
                        "code-duplicate",
                        row.lokasi.clone(),
                        format!(
                            "\"{}\" dicocokkan dengan kode {kode}, yang sudah dipakai baris {first}",
                            short(&row.nama)
                        ),
                    )
                    .concerns(Kunci::Kode(kode.to_string()));
                    continue;
                }
                seen.insert(kode.clone(), cell.clone());
                match kode.level() {
                    Level::Program => under = Some(kode.clone()),
                    Level::Kegiatan => under = Some(kode.clone()),
                    _ => {}
                }
                matched.push(CocokNama {
                    sel: cell,
                    nama: row.nama.clone(),
                    kode: kode.to_string(),
                });
                row.kode = kode;
                if !b.beranggaran && matches!(row.kode.level(), Level::Program | Level::Kegiatan) {
                    headings.push(r.baris.len());
                }
                r.baris.push(row);
            }
            [] if b.beranggaran => {
                f.add(
                    severity,
                    "name-unmatched",
                    row.lokasi.clone(),
                    format!(
                        "\"{}\" tidak ditemukan di Renja menurut nama (formulir ini tanpa kolom kode); samakan namanya dengan Renja atau tambahkan kolom Kode",
                        short(&row.nama)
                    ),
                );
            }
            [] => {}
            several => {
                if b.beranggaran {
                    let codes: Vec<&str> = several.iter().map(|(k, _)| k.as_str()).collect();
                    f.add(
                        severity,
                        "name-ambiguous",
                        row.lokasi.clone(),
                        format!(
                            "\"{}\" ada di Renja dengan {} kode ({}); tambahkan kolom Kode atau judul program/kegiatan di atasnya",
                            short(&row.nama),
                            codes.len(),
                            codes.join(", ")
                        ),
                    );
                }
            }
        }
    }
    add_missing_parents(r, renja, &mut headings);
    sum_headings(&mut r.baris, &headings);
    matched
}

/// The kegiatan and program of every matched row that the form does not
/// print: from the Renja, at the place of their first row, summed later.
fn add_missing_parents(r: &mut Realisasi, renja: &Renja, headings: &mut Vec<usize>) {
    let present: BTreeSet<Kode> = r.baris.iter().map(|b| b.kode.clone()).collect();
    let mut wanted: Vec<(Kode, RealisasiRow)> = Vec::new();
    for b in &r.baris {
        let mut k = b.kode.parent();
        while let Some(p) = k {
            if !matches!(p.level(), Level::Program | Level::Kegiatan) {
                break;
            }
            if !present.contains(&p) && !wanted.iter().any(|(w, _)| *w == p) {
                let nama = renja
                    .entri
                    .iter()
                    .find(|e| e.kode == p)
                    .map(|e| e.nama.clone())
                    .unwrap_or_default();
                wanted.push((p.clone(), RealisasiRow::heading(p.clone(), nama, b.lokasi.clone())));
            }
            k = p.parent();
        }
    }
    for (_, row) in wanted {
        headings.push(r.baris.len());
        r.baris.push(row);
    }
}

/// The rows of realization forms without codes get theirs from the Renja
/// by name (`nama::resolve`); the matches go into the form's mapping.
pub(super) fn codes_by_name(inputs: &mut Inputs, f: &mut Findings) {
    for peran in [
        Peran::Realisasi,
        Peran::RealisasiLalu,
        Peran::RealisasiTw1,
        Peran::RealisasiTw2,
        Peran::RealisasiTw3,
    ] {
        let r = match peran {
            Peran::Realisasi => inputs.realisasi.as_mut(),
            Peran::RealisasiLalu => inputs.realisasi_lalu.as_mut(),
            _ => inputs.realisasi_tw[usize::from(peran.quarter().unwrap_or(1)) - 1].as_mut(),
        };
        let Some(r) = r.filter(|r| !r.menurut_nama.is_empty()) else {
            continue;
        };
        let berkas = inputs
            .sumber
            .iter()
            .find(|s| s.peran == peran)
            .map(|s| s.berkas.clone());
        let Some(renja) = &inputs.renja else {
            f.error(
                "name-unmatched",
                Location::file(berkas.unwrap_or_default()),
                format!(
                    "{} tanpa kolom kode dicocokkan dengan Renja menurut nama, tetapi Renja tidak terbaca",
                    peran.label()
                ),
            );
            r.menurut_nama.clear();
            continue;
        };
        let severity = if peran == Peran::RealisasiLalu {
            Severity::Warning
        } else {
            Severity::Error
        };
        let matches = resolve(r, renja, severity, f);
        if r.baris.is_empty() {
            f.error(
                "table-empty",
                Location::file(berkas.clone().unwrap_or_default()),
                "tidak satu pun baris formulir realisasi cocok dengan Renja menurut nama".to_string(),
            );
        }
        if let Some(p) = inputs.pemetaan.iter_mut().find(|p| Some(&p.berkas) == berkas.as_ref()) {
            p.menurut_nama = matches;
        }
    }
}

/// A table whose only missing column is the code, and whose name column
/// starts with a code in most rows (`1.06.01.2.01.0001 Penyusunan …`, as
/// SIPD exports and the NTB Form A print them): the code is read from the
/// name column, and `check` says so.
pub(super) fn code_in_name(sheet: &Sheet, h: &mut Header, specs: &[ColumnSpec], codes: Codes, f: &mut Findings) {
    let (Some(kode), Some(nama)) = (
        specs.iter().find(|s| s.key == "kode"),
        specs.iter().find(|s| matches!(s.key, "nama" | "uraian")),
    ) else {
        return;
    };
    if h.missing != [kode.label] {
        return;
    }
    let Some(col) = h.col(nama.key) else { return };
    let (mut named, mut coded) = (0usize, 0usize);
    for row in h.data_start..sheet.height() {
        let text = sheet.get(row, col).text();
        if text.trim().is_empty() {
            continue;
        }
        named += 1;
        if cell::split_code_name(&text).is_some() {
            coded += 1;
        }
    }
    if coded == 0 && named > 0 && codes == Codes::ByNameAllowed {
        // FORM-RFK: names only; ingest::nama finds their codes in the Renja
        h.codes_by_name(kode);
        f.info(
            "code-by-name",
            sheet.sheet_loc(),
            format!(
                "tidak ada kolom {} dan kolom {} \"{}\" tidak memuat kode: baris dicocokkan dengan Renja menurut nama (lihat daftar cocok di `lkjip check`)",
                kode.label,
                cell::column_name(col),
                h.text(col)
            ),
        );
        return;
    }
    // the rows after the table (signature, notes) are a few; codes are most
    if coded == 0 || coded * 2 < named {
        return;
    }
    h.code_in_name(kode, col);
    f.info(
        "code-in-name",
        sheet.sheet_loc(),
        format!(
            "tidak ada kolom {}; kode dibaca dari awal teks kolom {} \"{}\" ({coded} dari {named} baris berkode)",
            kode.label,
            cell::column_name(col),
            h.text(col)
        ),
    );
}

/// The code cells of a row and the code they give. With `in_name` (see
/// [`code_in_name`]) the code is the start of `name`, which keeps the rest.
pub(super) fn row_code(
    sheet: &Sheet,
    row: u32,
    kode_cols: &[u32],
    in_name: bool,
    name: &mut String,
) -> (Vec<String>, Option<Kode>) {
    if in_name {
        return match cell::split_code_name(name) {
            Some((kode, rest)) => {
                *name = rest;
                (vec![kode.to_string()], Some(kode))
            }
            None => (Vec::new(), None),
        };
    }
    let texts: Vec<String> = kode_cols.iter().map(|c| sheet.get(row, *c).text()).collect();
    let kode = if texts.iter().all(String::is_empty) {
        None
    } else {
        cell::parse_kode(&texts)
    };
    (texts, kode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn entry(kode: &str, nama: &str) -> crate::model::RenjaEntry {
        crate::model::RenjaEntry::new(Kode(kode.to_string()), nama.to_string(), Location::default())
    }

    fn named(nama: &str, row: u32, pagu: i64, real: i64) -> super::super::realisasi::BarisNama {
        super::super::realisasi::BarisNama {
            baris: RealisasiRow {
                anggaran: vec![Some(Decimal::from(pagu))],
                pagu: Decimal::from(pagu),
                realisasi: Decimal::from(real),
                ..RealisasiRow::heading(
                    Kode(String::new()),
                    nama.to_string(),
                    Location::cell("data/realisasi.xlsx", "RFK", format!("B{row}")),
                )
            },
            beranggaran: pagu > 0,
        }
    }

    /// Two kegiatan each have a sub kegiatan "Rapat Koordinasi": the heading
    /// above a row decides. The programs, which the form does not print, and
    /// the kegiatan come from the Renja, summed from their rows.
    #[test]
    fn the_heading_above_decides_between_equal_names_and_parents_are_added() {
        let renja = Renja {
            entri: vec![
                entry("1.06.01", "PROGRAM PENUNJANG"),
                entry("1.06.01.2.01", "Perencanaan"),
                entry("1.06.01.2.01.0001", "Rapat Koordinasi"),
                entry("1.06.01.2.02", "Administrasi Keuangan"),
                entry("1.06.01.2.02.0001", "Rapat Koordinasi"),
            ],
            total_tercetak: None,
        };
        let mut r = Realisasi {
            baris: Vec::new(),
            total: None,
            menurut_nama: vec![
                named("Kegiatan Administrasi Keuangan", 11, 0, 0),
                named("1. Rapat koordinasi", 12, 300, 250),
                named("Perencanaan", 13, 0, 0),
                named("1. Rapat Koordinasi", 14, 100, 90),
                named("Rapat Koordinasi", 15, 50, 50),
            ],
        };
        let mut f = Findings::new();
        let matched = resolve(&mut r, &renja, Severity::Error, &mut f);
        let got: Vec<(&str, &str)> = matched.iter().map(|m| (m.sel.as_str(), m.kode.as_str())).collect();
        assert_eq!(
            got,
            [
                ("B11", "1.06.01.2.02"),
                ("B12", "1.06.01.2.02.0001"),
                ("B13", "1.06.01.2.01"),
                ("B14", "1.06.01.2.01.0001"),
            ]
        );
        // the third one: its code is taken already (B14)
        let codes: Vec<&str> = f.iter().map(|x| x.code).collect();
        assert_eq!(codes, ["code-duplicate"], "{:?}", f.sorted());
        let pagu = |k: &str| r.baris.iter().find(|b| b.kode.as_str() == k).map(|b| b.pagu);
        // headings summed: 300 under 2.02, 100 under 2.01; the program added
        assert_eq!(pagu("1.06.01.2.02"), Some(Decimal::from(300)));
        assert_eq!(pagu("1.06.01.2.01"), Some(Decimal::from(100)));
        assert_eq!(pagu("1.06.01"), Some(Decimal::from(400)));
    }

    #[test]
    fn names_compare_without_level_words_numbers_and_case() {
        assert_eq!(
            key("Program Penunjang Urusan  Pemerintahan"),
            "PENUNJANG URUSAN PEMERINTAHAN"
        );
        assert_eq!(
            key("PROGRAM PENUNJANG URUSAN PEMERINTAHAN"),
            "PENUNJANG URUSAN PEMERINTAHAN"
        );
        assert_eq!(key("1. Sub Kegiatan: Penyusunan Dokumen."), "PENYUSUNAN DOKUMEN");
        assert_eq!(key("a) Kegiatan - Evaluasi Kinerja"), "EVALUASI KINERJA");
        // a word that only starts like one is kept
        assert_eq!(key("Programmer Daerah"), "PROGRAMMER DAERAH");
    }
}
