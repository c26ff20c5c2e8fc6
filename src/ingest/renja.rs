//! The Renja export of SIPD ("Perubahan Rencana Kerja Pemerintah Daerah
//! (RKPD)", 21 columns). Hierarchy by code shape; a sub kegiatan's name row
//! carries the code and its indicator, targets and pagu sit on the next row
//! with an empty KODE.

use super::header::{ColumnSpec, Header, col};
use super::workbook::{Sheet, Workbook};
use super::{Codes, amount_at, pick_sheet, targets_at, text_at};
use crate::finding::{Finding, Findings, Kunci, Location, Severity};
use crate::model::{Kode, Level, RenjaEntry, RenjaIndikator};
use crate::tampil::{normalize, short};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// The code, name and indicator columns both plan forms share.
const KODE: ColumnSpec = ColumnSpec {
    key: "kode",
    any: &[&["KODE"]],
    none: &[],
    required: true,
    multi: true,
    label: "KODE",
};
const URAIAN: ColumnSpec = col(
    "uraian",
    &[&["URUSAN"], &["PROGRAM"]],
    &["KODE", "INDIKATOR"],
    true,
    "URUSAN / BIDANG URUSAN / PROGRAM / KEGIATAN / SUB KEGIATAN",
);
const INDIKATOR: ColumnSpec = col("indikator", &[&["INDIKATOR"]], &[], true, "INDIKATOR");
const LOKASI: ColumnSpec = col("lokasi", &[&["LOKASI"]], &[], false, "LOKASI");
const SUMBER: ColumnSpec = col("sumber", &[&["SUMBER", "DANA"]], &[], false, "SUMBER DANA");
const KELOMPOK: ColumnSpec = col("kelompok", &[&["KELOMPOK"]], &[], false, "KELOMPOK SASARAN");
// the year ahead's (Prakiraan Maju), never read as the year's
const TARGET_MAJU: ColumnSpec = col(
    "target_maju",
    &[&["PRAKIRAAN", "MAJU", "TARGET"]],
    &["PAGU"],
    false,
    "PRAKIRAAN MAJU TARGET",
);
const PAGU_MAJU: ColumnSpec = col(
    "pagu_maju",
    &[&["PRAKIRAAN", "MAJU", "PAGU"]],
    &[],
    false,
    "PRAKIRAAN MAJU PAGU",
);

pub const SPECS: &[ColumnSpec] = &[
    KODE,
    URAIAN,
    INDIKATOR,
    col(
        "target_akhir",
        &[&["TARGET", "AKHIR"]],
        &[],
        false,
        "TARGET AKHIR PERIODE RENSTRA",
    ),
    col("sebelum", &[&["SEBELUM"]], &[], false, "TARGET SEBELUM"),
    col("sesudah", &[&["SESUDAH"]], &[], true, "TARGET SESUDAH"),
    col(
        "perubahan",
        &[&["RKPD", "PERUBAHAN"], &["APBD-P"], &["APBD P"]],
        &["BERTAMBAH", "BERKURANG"],
        true,
        "RKPD PERUBAHAN",
    ),
    col(
        "apbd",
        &[&["APBD"]],
        &["PERUBAHAN", "RKPD", "BERTAMBAH", "BERKURANG"],
        false,
        "APBD",
    ),
    col(
        "rkpd",
        &[&["RKPD"]],
        &["PERUBAHAN", "BERTAMBAH", "BERKURANG"],
        false,
        "RKPD",
    ),
    col(
        "bertambah",
        &[&["BERTAMBAH"], &["BERKURANG"]],
        &[],
        false,
        "Bertambah/Berkurang",
    ),
    LOKASI,
    SUMBER,
    col("pn", &[&["PRIORITAS", "NASIONAL"]], &[], false, "PRIORITAS NASIONAL"),
    col(
        "pd",
        &[&["PRIORITAS", "DAERAH"]],
        &["NASIONAL"],
        false,
        "PRIORITAS DAERAH",
    ),
    KELOMPOK,
    TARGET_MAJU,
    PAGU_MAJU,
    col(
        "pj",
        &[&["PENANGGUNG"]],
        &[],
        false,
        "PERANGKAT DAERAH PENANGGUNG JAWAB",
    ),
];

/// The plan as the KUA-PPAS ringkasan per perangkat daerah prints it
/// (SIPD "Tabel IV.3", Buru's `PAGU PER DINAS PER URUSAN.xlsx`: `Kode |
/// Urusan / … / Sub Kegiatan | Indikator … | Target 2024 | Pagu Indikatif
/// (Rp)`, one sheet per perangkat daerah): read when no sheet has the
/// Renja's own header. The columns it lacks (target akhir and sebelum, pagu
/// RKPD and APBD) stay empty in the report, and `check` says so.
pub const KUA_SPECS: &[ColumnSpec] = &[
    KODE,
    URAIAN,
    INDIKATOR,
    col(
        "sesudah",
        &[&["TARGET"]],
        &["AKHIR", "SEBELUM", "MAJU", "PRAKIRAAN"],
        true,
        "TARGET",
    ),
    col(
        "perubahan",
        &[&["PAGU"]],
        &["MAJU", "PRAKIRAAN"],
        true,
        "PAGU INDIKATIF",
    ),
    // the Renja Perangkat Daerah as SIPD prints it (Permendagri 86/2017:
    // Rencana Tahun n | Prakiraan Maju n+1) has these too
    LOKASI,
    SUMBER,
    KELOMPOK,
    TARGET_MAJU,
    PAGU_MAJU,
];

#[derive(Debug, Clone, Default)]
pub struct Renja {
    pub entri: Vec<RenjaEntry>,
    /// The printed `J U M L A H` (or OPD) total of RKPD Perubahan.
    pub total_tercetak: Option<(Decimal, Location)>,
}

/// Reads the Renja table of `wb`.
pub fn read(wb: &mut Workbook, sheet: Option<&str>, f: &mut Findings) -> Option<Renja> {
    let kua = !has_table(wb, SPECS, sheet) && has_table(wb, KUA_SPECS, sheet);
    let (specs, what) = if kua {
        (KUA_SPECS, "Ringkasan KUA-PPAS (Renja)")
    } else {
        (SPECS, "Renja (SIPD)")
    };
    let (sheet, h) = pick_sheet(wb, specs, sheet, what, Codes::Required, f)?;
    if kua {
        // the Renja Perangkat Daerah as SIPD prints it names the year ahead
        // (Prakiraan Maju); the KUA-PPAS ringkasan does not
        let (code, form) = if h.col("target_maju").is_some() || h.col("pagu_maju").is_some() {
            (
                "renja-perangkat-daerah",
                "Renja Perangkat Daerah cetakan SIPD (Rencana Tahun | Prakiraan Maju; Prakiraan Maju tidak dipakai)",
            )
        } else {
            (
                "renja-kua-ppas",
                "Ringkasan KUA-PPAS (Kode | Uraian | Indikator | Target | Pagu Indikatif)",
            )
        };
        f.info(
            code,
            sheet.sheet_loc(),
            format!("Renja dibaca dari {form}: kolom target akhir Renstra, target sebelum perubahan, pagu RKPD dan pagu APBD tidak ada di formulir ini, sehingga kosong di laporan (Lampiran IX)"),
        );
    }
    let kode_cols = h.cols("kode").to_vec();
    let in_name = h.code_in_name_of("uraian");
    let mut out = Renja::default();
    let mut seen: HashMap<Kode, Location> = HashMap::new();
    let mut current: Option<usize> = None;
    for row in h.data_start..sheet.height() {
        if sheet.row_is_empty(row) || h.is_repeat(&sheet, row) {
            continue;
        }
        let mut uraian = super::name_at(&sheet, row, h.col("uraian"), f);
        let indikator = text_at(&sheet, row, h.col("indikator"));
        let (kode_texts, kode) = super::nama::row_code(&sheet, row, &kode_cols, in_name, &mut uraian);
        match kode {
            Some(kode) => {
                let loc = sheet.loc(row, kode_cols[0]);
                if let Some(first) = seen.get(&kode) {
                    f.error(
                        "code-duplicate",
                        loc,
                        format!("kode {kode} muncul dua kali (pertama di {first})"),
                    )
                    .concerns(Kunci::Kode(kode.to_string()));
                    current = None;
                    continue;
                }
                seen.insert(kode.clone(), loc.clone());
                out.entri.push(RenjaEntry::new(kode, uraian, loc));
                let i = out.entri.len() - 1;
                current = Some(i);
                fill(&mut out.entri[i], &sheet, &h, row, &indikator, f);
            }
            None => {
                let joined = kode_texts.join(" ");
                let label = normalize(&format!("{joined} {uraian}")).replace(' ', "");
                if label.starts_with("JUMLAH") || label.starts_with("TOTAL") {
                    if let Some(v) = amount_at(&sheet, row, h.col("perubahan"), f) {
                        out.total_tercetak = Some((v, sheet.row_loc(row)));
                    }
                    current = None;
                    continue;
                }
                if out.entri.is_empty() && is_skpd_code(&joined) {
                    // `1.06.0.00.0.00.01.0000 Dinas Sosial`: the perangkat
                    // daerah's heading above the urusan, with its total
                    if let Some(v) = amount_at(&sheet, row, h.col("perubahan"), f) {
                        out.total_tercetak.get_or_insert((v, sheet.row_loc(row)));
                    }
                    continue;
                }
                if !joined.trim().is_empty() {
                    f.error(
                        "code-invalid",
                        sheet.loc(row, kode_cols[0]),
                        format!(
                            "kode \"{}\" tidak dapat dibaca; diharapkan bentuk seperti 1.06.02.2.03.0002",
                            joined.trim()
                        ),
                    );
                    current = None;
                    continue;
                }
                if !indikator.is_empty() {
                    match current {
                        Some(i) => fill(&mut out.entri[i], &sheet, &h, row, &indikator, f),
                        None => {
                            f.error(
                                "indicator-orphan",
                                sheet.loc(row, h.col("indikator").unwrap_or(0)),
                                format!("indikator \"{}\" tanpa baris kode di atasnya", short(&indikator)),
                            );
                        }
                    }
                } else if out.entri.is_empty() && !uraian.is_empty() {
                    // the OPD heading row above the urusan, with the OPD totals
                    if let Some(v) = amount_at(&sheet, row, h.col("perubahan"), f) {
                        out.total_tercetak.get_or_insert((v, sheet.row_loc(row)));
                    }
                }
            }
        }
    }
    // Every kegiatan and sub kegiatan needs its parent in the Renja.
    let codes: HashSet<&Kode> = out.entri.iter().map(|e| &e.kode).collect();
    for e in &out.entri {
        if matches!(e.level, Level::Kegiatan | Level::SubKegiatan)
            && let Some(p) = e.kode.parent()
            && !codes.contains(&p)
        {
            f.error(
                "parent-missing",
                e.lokasi.clone(),
                format!(
                    "{} {} tanpa {} induk {p} di Renja",
                    e.level.name(),
                    e.kode,
                    p.level().name()
                ),
            );
        }
    }
    if out.entri.is_empty() {
        f.error(
            "table-empty",
            sheet.sheet_loc(),
            "tabel Renja tidak berisi satu pun baris berkode".to_string(),
        );
    } else if let Some(e) = pagu_column_empty(&out, &sheet, &h) {
        // a Renja without pagu would list every sub kegiatan as unfunded
        f.push(e);
        return None;
    }
    Some(out)
}

/// Whether a sheet of `wb` (or the named one) has a complete table of
/// `specs`.
fn has_table(wb: &mut Workbook, specs: &[ColumnSpec], named: Option<&str>) -> bool {
    let names: Vec<String> = match named {
        Some(n) => vec![n.to_string()],
        None => wb.sheet_names(),
    };
    names.iter().any(|n| {
        wb.sheet(n)
            .ok()
            .and_then(|s| super::header::find_header(&s, specs))
            .is_some_and(|h| h.is_complete())
    })
}

/// A perangkat daerah's code (`1.06.0.00.0.00.01.0000`, eight parts) at the
/// start of a cell.
fn is_skpd_code(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = first.split('.').collect();
    parts.len() >= 7
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// The RKPD Perubahan column read holds no pagu: empty or 0 in every
/// program, kegiatan and sub kegiatan row. The pagu of the Renja decides
/// what is funded and what Lampiran IX prints, so such a column is refused
/// with the column read, the other candidates and the pagu columns that do
/// hold amounts (a Renja without perubahan can point `perubahan` at its
/// APBD column in `lkjip.toml`).
fn pagu_column_empty(out: &Renja, sheet: &Sheet, h: &Header) -> Option<Finding> {
    let c = h.col("perubahan")?;
    let coded: Vec<&RenjaEntry> = out
        .entri
        .iter()
        .filter(|e| matches!(e.level, Level::Program | Level::Kegiatan | Level::SubKegiatan))
        .collect();
    let holds = |v: Option<Decimal>| v.is_some_and(|x| !x.is_zero());
    if coded.is_empty() || coded.iter().any(|e| holds(e.pagu_perubahan)) {
        return None;
    }
    let filled: Vec<String> = [
        ("apbd", coded.iter().any(|e| holds(e.pagu_apbd))),
        ("rkpd", coded.iter().any(|e| holds(e.pagu_rkpd))),
    ]
    .into_iter()
    .filter(|(_, any)| *any)
    .filter_map(|(key, _)| h.col(key))
    .map(|col| h.named(col))
    .collect();
    let evidence = if filled.is_empty() {
        "; tidak ada kolom pagu lain yang berisi angka".to_string()
    } else {
        format!("; pagu ada di kolom {}", filled.join(", "))
    };
    Some(Finding {
        severity: Severity::Error,
        code: "column-empty",
        location: sheet.loc(h.data_start, c),
        message: format!(
            "kolom pagu RKPD Perubahan {} kosong atau 0 di setiap baris program/kegiatan/sub kegiatan{evidence}{}; periksa susunan kolom PAGU INDIKATIF, atau bila tahun ini tanpa perubahan anggaran tetapkan kolomnya di lkjip.toml ([kolom.renja] perubahan = \"…\")",
            h.named(c),
            h.also_matching("perubahan")
        ),
        kunci: Vec::new(),
    })
}

/// Adds the indicator(s), targets and amounts found on `row` to `e`.
fn fill(
    e: &mut RenjaEntry,
    sheet: &super::workbook::Sheet,
    h: &super::header::Header,
    row: u32,
    indikator: &str,
    f: &mut Findings,
) {
    let akhir = targets_at(sheet, row, h.col("target_akhir"), f);
    let sebelum = targets_at(sheet, row, h.col("sebelum"), f);
    let sesudah = targets_at(sheet, row, h.col("sesudah"), f);
    let lines: Vec<&str> = indikator.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    for (i, line) in lines.iter().enumerate() {
        e.indikator.push(RenjaIndikator {
            uraian: line.to_string(),
            target_akhir: akhir.get(i).cloned(),
            target_sebelum: sebelum.get(i).cloned(),
            target: sesudah.get(i).cloned(),
        });
    }
    let set = |slot: &mut Option<Decimal>, v: Option<Decimal>| {
        if slot.is_none() {
            *slot = v;
        }
    };
    set(&mut e.pagu_rkpd, amount_at(sheet, row, h.col("rkpd"), f));
    set(&mut e.pagu_apbd, amount_at(sheet, row, h.col("apbd"), f));
    set(&mut e.pagu_perubahan, amount_at(sheet, row, h.col("perubahan"), f));
    for (slot, key) in [
        (&mut e.lokasi_kegiatan, "lokasi"),
        (&mut e.sumber_dana, "sumber"),
        (&mut e.prioritas_nasional, "pn"),
        (&mut e.prioritas_daerah, "pd"),
    ] {
        let t = text_at(sheet, row, h.col(key));
        if slot.is_empty() && t != "-" {
            *slot = t;
        }
    }
}
