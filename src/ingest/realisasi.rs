//! The budget realization report (Laporan Realisasi Fisik dan Keuangan,
//! bulan Desember): program, kegiatan and sub kegiatan rows with their
//! budget columns (the last filled one is the final pagu), realisasi, the
//! printed percentage, physical progress and sisa pagu; a `Total` row.

use super::cell::{Cell, closest_percent, parse_amount};
use super::header::{ColumnSpec, Header};
use super::workbook::{Sheet, Workbook};
use super::{Codes, amount_at, name_at, percent_at, pick_sheet};
use crate::angka::persen;
use crate::finding::{Finding, Findings, Kunci, Location, Severity};
use crate::model::{Kode, Level};
use crate::tampil::{normalize, short};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

pub const SPECS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "kode",
        any: &[&["KODE"]],
        none: &[],
        required: true,
        multi: true,
        label: "Kode",
    },
    ColumnSpec {
        key: "nama",
        any: &[&["PROGRAM", "KEGIATAN"], &["URAIAN"]],
        none: &["KODE"],
        required: true,
        multi: false,
        label: "Program/Kegiatan/Sub Kegiatan",
    },
    ColumnSpec {
        key: "anggaran",
        // FORM-RFK: `NILAI DPA | Rp | %` (the % is its share of the OPD's)
        any: &[&["ANGGARAN"], &["APBD"], &["PAGU"], &["NILAI", "DPA"]],
        none: &["REALISASI", "SISA", "%"],
        required: true,
        multi: true,
        label: "ANGGARAN",
    },
    ColumnSpec {
        key: "realisasi",
        any: &[&["REALISASI"]],
        none: &["FISIK", "%", "TARGET", "SISA"],
        required: true,
        multi: false,
        label: "REALISASI (Rp)",
    },
    ColumnSpec {
        key: "persen",
        any: &[&["REALISASI", "%"]],
        // `% TTB` (of the OPD's total) and `Bobot` are weighted shares
        none: &["FISIK", "TTB", "BOBOT"],
        required: false,
        multi: false,
        label: "REALISASI (%)",
    },
    ColumnSpec {
        key: "fisik_target",
        any: &[&["FISIK", "TARGET"], &["FISIK", "RENCANA"]],
        none: &["TTB"],
        required: false,
        multi: false,
        label: "Realisasi Fisik Target (%)",
    },
    ColumnSpec {
        key: "fisik_realisasi",
        any: &[&["FISIK", "REALISASI"]],
        none: &["TARGET", "TTB"],
        required: false,
        multi: false,
        label: "Realisasi Fisik (%)",
    },
    ColumnSpec {
        key: "sisa",
        any: &[&["SISA"]],
        none: &[],
        required: false,
        multi: false,
        label: "Sisa Pagu",
    },
];

/// One program, kegiatan or sub kegiatan row.
#[derive(Debug, Clone, Serialize)]
pub struct RealisasiRow {
    pub kode: Kode,
    pub nama: String,
    /// The budget columns as found (APBD, pergeseran, …, APBD-P).
    pub anggaran: Vec<Option<Decimal>>,
    /// The final pagu: the last filled budget column.
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub persen_tercetak: Option<Decimal>,
    pub fisik_target: Option<Decimal>,
    pub fisik_realisasi: Option<Decimal>,
    pub sisa_tercetak: Option<Decimal>,
    pub lokasi: Location,
}

impl RealisasiRow {
    /// A row that prints nothing: a program or kegiatan heading, whose
    /// figures are summed from its rows.
    pub fn heading(kode: Kode, nama: String, lokasi: Location) -> RealisasiRow {
        RealisasiRow {
            kode,
            nama,
            anggaran: Vec::new(),
            pagu: Decimal::ZERO,
            realisasi: Decimal::ZERO,
            persen_tercetak: None,
            fisik_target: None,
            fisik_realisasi: None,
            sisa_tercetak: None,
            lokasi,
        }
    }
}

/// The printed `Total` row.
#[derive(Debug, Clone, Serialize)]
pub struct TotalTercetak {
    pub pagu: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub persen: Option<Decimal>,
    pub sisa: Option<Decimal>,
    pub lokasi: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Realisasi {
    pub baris: Vec<RealisasiRow>,
    pub total: Option<TotalTercetak>,
    /// A form without codes (FORM-RFK): its rows in order, to be given
    /// their codes from the Renja by name (`ingest::nama`), which moves
    /// them into `baris`.
    #[serde(skip)]
    pub menurut_nama: Vec<BarisNama>,
}

/// A row of a form without codes, before it is matched by name.
#[derive(Debug, Clone)]
pub struct BarisNama {
    /// Its figures; `kode` is empty until matched.
    pub baris: RealisasiRow,
    /// Whether it prints an amount (else a heading: summed from its rows).
    pub beranggaran: bool,
}

fn is_total_label(t: &str) -> bool {
    let n: String = normalize(t).chars().filter(|c| !c.is_whitespace()).collect();
    n.starts_with("TOTAL") || n.starts_with("JUMLAH")
}

/// Reads the realization table of `wb`.
pub fn read(wb: &mut Workbook, sheet: Option<&str>, f: &mut Findings) -> Option<Realisasi> {
    let (sheet, h) = pick_sheet(
        wb,
        SPECS,
        sheet,
        "Laporan Realisasi Fisik dan Keuangan",
        Codes::ByNameAllowed,
        f,
    )?;
    let kode_cols = h.cols("kode").to_vec();
    let budget_cols = h.cols("anggaran").to_vec();
    let (c_nama, c_real) = (h.col("nama"), h.col("realisasi"));
    let in_name = h.code_in_name_of("nama");
    let by_name = h.kode_menurut_nama;
    let mut out = Realisasi {
        baris: Vec::new(),
        total: None,
        menurut_nama: Vec::new(),
    };
    let mut seen: HashMap<Kode, Location> = HashMap::new();
    // rows that print no amount at all: headings over their rows
    let mut headings: Vec<usize> = Vec::new();
    for row in h.data_start..sheet.height() {
        if sheet.row_is_empty(row) || h.is_repeat(&sheet, row) {
            continue;
        }
        let mut nama = name_at(&sheet, row, c_nama, f);
        let (kode_texts, kode) = super::nama::row_code(&sheet, row, &kode_cols, in_name, &mut nama);
        let Some(kode) = kode else {
            // `Jumlah` in the code, the name or a column before the name
            // (FORM-RFK prints it under NO)
            let before_name: Vec<String> = (0..c_nama.unwrap_or(0)).map(|c| sheet.get(row, c).text()).collect();
            let label_is_total = kode_texts
                .iter()
                .chain(std::iter::once(&nama))
                .chain(&before_name)
                .any(|t| is_total_label(t));
            // words in an amount column (a signature block's place and
            // date, NIP) are not an amount; a number or an error value is
            let has_amount = budget_cols.iter().chain(c_real.iter()).any(|c| {
                let cell = sheet.get(row, *c);
                let words = matches!(cell, Cell::Text(_)) && parse_amount(cell).is_err();
                !cell.is_empty() && !words
            });
            if label_is_total && has_amount {
                let pagu = budget_cols
                    .iter()
                    .rev()
                    .find_map(|c| amount_at(&sheet, row, Some(*c), f));
                out.total = Some(TotalTercetak {
                    pagu,
                    realisasi: amount_at(&sheet, row, c_real, f),
                    persen: percent_at(&sheet, row, h.col("persen"), f),
                    sisa: amount_at(&sheet, row, h.col("sisa"), f),
                    lokasi: sheet.row_loc(row),
                });
            } else if by_name {
                if !label_is_total && !nama.trim().is_empty() {
                    let loc = sheet.loc(row, c_nama.unwrap_or(0));
                    let (r, beranggaran) = read_row(&sheet, &h, row, Kode(String::new()), nama, loc, f);
                    out.menurut_nama.push(BarisNama {
                        baris: r,
                        beranggaran: beranggaran && has_amount,
                    });
                }
            } else if has_amount {
                let shown = kode_texts.iter().find(|t| !t.is_empty()).cloned().unwrap_or_default();
                let loc = sheet.loc(row, kode_cols.first().copied().unwrap_or(0));
                if shown.is_empty() {
                    f.error(
                        "code-missing",
                        loc,
                        format!("baris berisi angka anggaran tetapi tanpa kode (\"{}\")", short(&nama)),
                    );
                } else {
                    f.error(
                        "code-invalid",
                        loc,
                        format!("kode \"{shown}\" tidak dapat dibaca; diharapkan bentuk seperti 1.06.02.2.03.0002"),
                    );
                }
            }
            continue;
        };
        let loc = sheet.loc(row, kode_cols[0]);
        if let Some(first) = seen.get(&kode) {
            f.error(
                "code-duplicate",
                loc.clone(),
                format!("kode {kode} muncul dua kali (pertama di {first})"),
            )
            .concerns(Kunci::Kode(kode.to_string()));
            continue;
        }
        seen.insert(kode.clone(), loc.clone());
        let unnamed = nama.is_empty().then(|| (loc.clone(), kode.to_string()));
        let (r, prints_amount) = read_row(&sheet, &h, row, kode, nama, loc, f);
        if let Some((loc, kode)) = unnamed {
            f.warning(
                "name-missing",
                loc,
                format!("baris kode {kode} tanpa nama program/kegiatan"),
            );
        }
        if !prints_amount && matches!(r.kode.level(), Level::Program | Level::Kegiatan) {
            headings.push(out.baris.len());
        }
        out.baris.push(r);
    }
    sum_headings(&mut out.baris, &headings);
    if out.baris.is_empty() && out.menurut_nama.iter().all(|b| !b.beranggaran) {
        f.error(
            "table-empty",
            sheet.sheet_loc(),
            "tabel realisasi tidak berisi satu pun baris program/kegiatan/sub kegiatan".to_string(),
        );
    }
    let named: Vec<RealisasiRow>;
    let rows = if by_name {
        named = out.menurut_nama.iter().map(|b| b.baris.clone()).collect();
        &named
    } else {
        &out.baris
    };
    if let Some(c) = c_real
        && let Some(e) = realisasi_column_misread(rows, &sheet, &h, c)
    {
        // a report of zeros or of sisa as realisasi must not be built
        f.push(e);
        return None;
    }
    Some(out)
}

/// The amounts of one row, and whether it prints any. A bad amount is
/// reported and read as zero: the run fails on the error anyway, and
/// keeping the row avoids follow-up "code not found" findings that would
/// hide the real problem. Budget and realization are never negative (a
/// sisa may be).
fn read_row(
    sheet: &Sheet,
    h: &Header,
    row: u32,
    kode: Kode,
    nama: String,
    lokasi: Location,
    f: &mut Findings,
) -> (RealisasiRow, bool) {
    let budget_cols = h.cols("anggaran");
    let c_real = h.col("realisasi");
    let nonnegative = |col: Option<u32>, f: &mut Findings| {
        let v = amount_at(sheet, row, col, f);
        if let (Some(x), Some(c)) = (v, col)
            && x.is_sign_negative()
            && !x.is_zero()
        {
            f.error(
                "amount-negative",
                sheet.loc(row, c),
                format!(
                    "nilai negatif Rp {}: pagu dan realisasi tidak boleh negatif",
                    crate::tampil::fmt_rupiah(x)
                ),
            );
        }
        v
    };
    let prints_amount = budget_cols
        .iter()
        .chain(c_real.iter())
        .any(|c| !sheet.get(row, *c).is_empty());
    let anggaran: Vec<Option<Decimal>> = budget_cols.iter().map(|c| nonnegative(Some(*c), f)).collect();
    let realisasi = nonnegative(c_real, f);
    let pagu = anggaran.iter().rev().find_map(|a| *a).unwrap_or(Decimal::ZERO);
    let r = RealisasiRow {
        kode,
        nama,
        anggaran,
        pagu,
        realisasi: realisasi.unwrap_or(Decimal::ZERO),
        persen_tercetak: percent_at(sheet, row, h.col("persen"), f),
        fisik_target: percent_at(sheet, row, h.col("fisik_target"), f),
        fisik_realisasi: percent_at(sheet, row, h.col("fisik_realisasi"), f),
        sisa_tercetak: amount_at(sheet, row, h.col("sisa"), f),
        lokasi,
    };
    (r, prints_amount)
}

/// A program or kegiatan row that prints no amount is a heading: its pagu
/// and realisasi are the sums of its rows (kegiatan first, then programs),
/// not a printed 0 that every total check would call wrong.
pub(super) fn sum_headings(rows: &mut [RealisasiRow], headings: &[usize]) {
    for level in [Level::Kegiatan, Level::Program] {
        let at_level: Vec<usize> = headings
            .iter()
            .copied()
            .filter(|i| rows[*i].kode.level() == level)
            .collect();
        for i in at_level {
            let kode = rows[i].kode.clone();
            let (pagu, real) = rows
                .iter()
                .filter(|r| r.kode.parent().as_ref() == Some(&kode))
                .fold((Decimal::ZERO, Decimal::ZERO), |(p, q), r| {
                    (p + r.pagu, q + r.realisasi)
                });
            rows[i].pagu = pagu;
            rows[i].realisasi = real;
        }
    }
}

/// How far a printed percentage may be from one recomputed from a column
/// and still count as agreeing with it (percentage points).
const AGREES_WITHIN: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// The realisasi column read holds no realisasi: empty or zero in every row
/// while the rows print a percentage or a sisa, or every value contradicts
/// the printed percentage that the sisa agrees with (the two columns
/// swapped). Such a column must be refused, never read as a report of
/// zeros with a warning per row.
fn realisasi_column_misread(rows: &[RealisasiRow], sheet: &Sheet, h: &Header, c: u32) -> Option<Finding> {
    let named = |col: u32| h.named(col);
    let also = h.also_matching("realisasi");
    let loc = sheet.loc(h.data_start, c);
    let funded: Vec<&RealisasiRow> = rows.iter().filter(|r| r.pagu > Decimal::ZERO).collect();
    let prints_progress = funded
        .iter()
        .any(|r| r.persen_tercetak.is_some_and(|p| !p.is_zero()) || r.sisa_tercetak.is_some_and(|s| s != r.pagu));
    if !funded.is_empty() && funded.iter().all(|r| r.realisasi.is_zero()) && prints_progress {
        return Some(Finding {
            severity: Severity::Error,
            code: "column-empty",
            location: loc,
            message: format!(
                "kolom realisasi {} kosong atau 0 di setiap baris, padahal baris-barisnya mencetak persentase atau sisa pagu{also}; periksa susunan kolom di bawah REALISASI",
                named(c)
            ),
            kunci: Vec::new(),
        });
    }
    // rows where the printed % tells realisasi and sisa apart
    let agrees = |p: Decimal, x: Decimal, pagu: Decimal| {
        persen(x, pagu).is_some_and(|q| (closest_percent(p, q) - q).abs() <= AGREES_WITHIN)
    };
    let telling: Vec<(bool, bool)> = funded
        .iter()
        .filter_map(|r| {
            let (p, s) = (r.persen_tercetak?, r.sisa_tercetak?);
            let (by_real, by_sisa) = (agrees(p, r.realisasi, r.pagu), agrees(p, s, r.pagu));
            (by_real != by_sisa).then_some((by_real, by_sisa))
        })
        .collect();
    if telling.len() >= 2 && telling.iter().all(|(by_real, _)| !by_real) {
        let sisa = h.col("sisa").map(named).unwrap_or_default();
        return Some(Finding {
            severity: Severity::Error,
            code: "columns-swapped",
            location: loc,
            message: format!(
                "kolom realisasi {} dan kolom sisa {sisa} tampaknya tertukar: di {} baris persentase tercetak sesuai dengan sisa, bukan dengan realisasi{also}",
                named(c),
                telling.len()
            ),
            kunci: Vec::new(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::is_total_label;

    /// The total rows of the forms seen: `Jumlah` (FORM-RFK), `J U M L A H`
    /// (SIPD prints), `TOTAL`, `TOTALNYA` (Banjarmasin's laporan_rf.xlsx).
    #[test]
    fn total_rows_as_offices_label_them() {
        for t in [
            "Jumlah",
            "J U M L A H",
            "TOTAL",
            "Total Belanja",
            "TOTALNYA",
            " jumlah total ",
        ] {
            assert!(is_total_label(t), "{t}");
        }
        for t in ["Sub Total Pendapatan Lain", "Penyusunan Dokumen", "1.06.01", ""] {
            assert!(!is_total_label(t), "{t}");
        }
    }
}
