//! Which sheet of a workbook holds an input's table, and which input a
//! workbook looks like: the header found by text on every sheet, the
//! officer's `[kolom.*]` applied, one sheet per month or per perangkat
//! daerah told apart, the choice recorded for `check` (`Pemetaan`).

use super::header::{ColumnSpec, Header, find_header};
use super::workbook::{Sheet, Workbook};
use super::{Pemetaan, cell, evaluasi, kinerja, nama, periode, realisasi, renja, spm, title_cells};
use crate::config::{KolomTetap, Peran};
use crate::finding::{Findings, Location};
use crate::tampil::normalize;

/// Applies the officer's `[kolom.*]` to the chosen header. An unknown field
/// or a letter beyond the table is an error located in `lkjip.toml`.
fn apply_fixed(tetap: &[KolomTetap], sheet: &Sheet, h: &mut Header, specs: &[ColumnSpec], f: &mut Findings) -> bool {
    let mut ok = true;
    for t in tetap {
        let Some(spec) = specs.iter().find(|s| s.key == t.bidang) else {
            let known: Vec<&str> = specs.iter().map(|s| s.key).collect();
            f.error(
                "config-invalid",
                t.lokasi.clone(),
                format!(
                    "kolom \"{}\" tidak dikenal untuk {} › {}; isian yang dapat ditetapkan: {}",
                    t.bidang,
                    sheet.file,
                    sheet.name,
                    known.join(", ")
                ),
            );
            ok = false;
            continue;
        };
        if t.kolom >= sheet.width() {
            f.error(
                "config-invalid",
                t.lokasi.clone(),
                format!(
                    "kolom {} untuk \"{}\" di luar tabel: lembar \"{}\" hanya sampai kolom {}",
                    t.huruf,
                    t.bidang,
                    sheet.name,
                    cell::column_name(sheet.width().saturating_sub(1))
                ),
            );
            ok = false;
            continue;
        }
        h.fix(spec, t.kolom);
    }
    ok
}

/// Whether a table without any code may have its rows matched to the Renja
/// by name (a realization form, never the Renja itself).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    Required,
    ByNameAllowed,
}

/// Picks the sheet whose header matches `specs` (or the named one), and
/// reports missing columns when none matches fully.
pub fn pick_sheet(
    wb: &mut Workbook,
    specs: &[ColumnSpec],
    named: Option<&str>,
    what: &str,
    codes: Codes,
    f: &mut Findings,
) -> Option<(Sheet, Header)> {
    let names = wb.sheet_names();
    let all_names = names.clone();
    let candidates: Vec<String> = match named {
        Some(n) => {
            if !names.iter().any(|s| s == n) {
                f.error(
                    "sheet-missing",
                    Location::file(&wb.display),
                    format!("lembar \"{n}\" tidak ada; lembar yang ada: {}", names.join(", ")),
                );
                return None;
            }
            vec![n.to_string()]
        }
        None => names,
    };
    let by_name = named.is_some();
    let mut best: Option<(Sheet, Header)> = None;
    // sheets whose table is as good as the best one (one sheet per month)
    let mut alike = 0;
    let year_end = |s: &Sheet, h: &Header| {
        let titles = title_cells(s, h);
        periode::is_year_end(std::iter::once(s.name.as_str()).chain(titles.iter().map(|(_, t)| t.as_str())))
    };
    let score = |h: &Header| (h.is_complete(), h.required_found, h.optional_found);
    for name in candidates {
        let sheet = match wb.sheet(&name) {
            Ok(s) => s,
            Err(e) => {
                f.push(e);
                continue;
            }
        };
        let Some(h) = find_header(&sheet, specs) else {
            continue;
        };
        let better = match &best {
            None => true,
            Some((bs, b)) => {
                score(&h) > score(b) || (score(&h) == score(b) && year_end(&sheet, &h) && !year_end(bs, b))
            }
        };
        match &best {
            Some((_, b)) if score(&h) == score(b) => alike += 1,
            _ if better => alike = 1,
            _ => {}
        }
        if better {
            best = Some((sheet, h));
        }
    }
    // one sheet per perangkat daerah (the KUA-PPAS ringkasan, sheet names
    // cut at 31 characters): the report's own, never the first
    let mut by_agency = false;
    if alike > 1
        && !by_name
        && let Some((agency, pemda)) = wb.agency.clone()
        && let Some((bs, bh)) = &best
    {
        let is_own = |name: &str| periode::names_agency(name, &agency, &pemda);
        let per_agency = all_names.iter().filter(|n| is_agency_name(n)).count() >= 3;
        if !is_own(&bs.name) {
            let found = all_names.iter().find(|n| is_own(n)).cloned();
            let wanted = score(bh);
            match found.and_then(|n| wb.sheet(&n).ok()) {
                Some(sheet) => {
                    if let Some(h) = find_header(&sheet, specs).filter(|h| score(h) == wanted) {
                        best = Some((sheet, h));
                        by_agency = true;
                    }
                }
                None if per_agency => {
                    f.error(
                        "sheet-agency-missing",
                        Location::file(&wb.display),
                        format!(
                            "workbook ini memuat satu lembar per perangkat daerah ({} lembar), tetapi tidak ada lembar bernama \"{agency}\" (identitas.nama_opd); tetapkan lembarnya di [lembar] lkjip.toml",
                            all_names.len()
                        ),
                    );
                    return None;
                }
                None => {}
            }
        } else {
            by_agency = true;
        }
    }
    if let Some((sheet, _)) = &best
        && by_agency
    {
        f.info(
            "sheet-chosen",
            sheet.sheet_loc(),
            format!(
                "{alike} lembar memuat tabel {what} yang sama; yang dibaca lembar \"{}\", lembar perangkat daerah laporan ini",
                sheet.name
            ),
        );
    } else if let Some((sheet, h)) = &best
        && alike > 1
        && !by_name
        && h.is_complete()
    {
        f.info(
            "sheet-chosen",
            sheet.sheet_loc(),
            format!(
                "{alike} lembar memuat tabel {what} yang sama; yang dibaca lembar \"{}\"{} (tetapkan lembar lain di [lembar] lkjip.toml)",
                sheet.name,
                if year_end(sheet, h) { " (akhir tahun: Desember / triwulan IV)" } else { "" }
            ),
        );
    }
    if let Some((sheet, h)) = &mut best
        && !wb.tetap.is_empty()
        && !apply_fixed(&wb.tetap, sheet, h, specs, f)
    {
        return None;
    }
    if let Some((sheet, h)) = &mut best {
        nama::code_in_name(sheet, h, specs, codes, f);
    }
    match best {
        Some((sheet, h)) if h.is_complete() => {
            let mapping = Pemetaan::new(&wb.display, &sheet, &h, specs);
            wb.pemetaan.push(mapping);
            if sheet.truncated {
                f.error(
                    "sheet-too-long",
                    sheet.sheet_loc(),
                    format!(
                        "lembar melebihi {} baris ([batas] baris); sisanya tidak dibaca",
                        sheet.max_rows
                    ),
                );
            }
            Some((sheet, h))
        }
        Some((sheet, h)) if h.required_found > 0 => {
            f.error(
                "column-missing",
                sheet.sheet_loc(),
                format!(
                    "tabel {what} ditemukan di baris {}, tetapi kolom berikut tidak ada di judul tabel: {}",
                    h.first_row + 1,
                    h.missing.join(", ")
                ),
            );
            None
        }
        _ => {
            let wanted: Vec<&str> = specs.iter().filter(|s| s.required).map(|s| s.label).collect();
            f.error(
                "table-not-found",
                Location::file(&wb.display),
                format!(
                    "tabel {what} tidak ditemukan di lembar mana pun: tidak ada baris judul dengan kolom {} — periksa apakah berkas ini memang {what}",
                    wanted.join(", ")
                ),
            );
            None
        }
    }
}

/// A sheet named after a perangkat daerah (`Dinas Sosial`, `Badan
/// Perencanaan Pembangunan `, `Kecamatan Namlea`).
fn is_agency_name(name: &str) -> bool {
    let n = normalize(name);
    [
        "DINAS ",
        "BADAN ",
        "KECAMATAN ",
        "SEKRETARIAT ",
        "INSPEKTORAT",
        "RSUD",
        "SATUAN ",
        "KANTOR ",
    ]
    .iter()
    .any(|w| n.starts_with(w))
}

/// Which kind of input a workbook looks like: the role whose header is
/// found complete in one of its sheets. Used to tell the officer that a file
/// was put in the wrong place.
pub fn detect_role(wb: &mut Workbook) -> Option<Peran> {
    use crate::config::Peran;
    let roles: [(Peran, &[ColumnSpec]); 5] = [
        (Peran::Renja, renja::SPECS),
        (Peran::Realisasi, realisasi::SPECS),
        (Peran::Spm, spm::SPECS),
        (Peran::Kinerja, kinerja::PENGUKURAN_SPECS),
        (Peran::EvaluasiRenja, evaluasi::SPECS),
    ];
    let sheets: Vec<Sheet> = wb.sheet_names().iter().filter_map(|n| wb.sheet(n).ok()).collect();
    roles.into_iter().find_map(|(peran, specs)| {
        sheets
            .iter()
            .any(|s| find_header(s, specs).is_some_and(|h| h.is_complete()))
            .then_some(peran)
    })
}
