//! The e-SPM export (Laporan Pencapaian Pemenuhan SPM): blocks per jenis
//! layanan, each with the recipients to serve (A) and the mutu items (B),
//! and the printed percentages the checker compares with recomputed ones.

use super::header::{ColumnSpec, Header};
use super::workbook::{Sheet, Workbook};
use super::{Codes, number_at, percent_at, pick_sheet, text_at};
use crate::finding::{Finding, Findings, Location, Severity};
use crate::model::{JenisLayanan, Layanan};
use crate::tampil::normalize;
use rust_decimal::Decimal;

pub const SPECS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "no",
        any: &[&["NO"]],
        none: &["JENIS", "OUTPUT"],
        required: false,
        multi: false,
        label: "No",
    },
    ColumnSpec {
        key: "uraian",
        any: &[&["JENIS", "LAYANAN"]],
        none: &[],
        required: true,
        multi: false,
        label: "Indikator Kinerja / Jenis Layanan SPM",
    },
    ColumnSpec {
        key: "satuan",
        any: &[&["SATUAN"]],
        none: &[],
        required: false,
        multi: false,
        label: "SATUAN",
    },
    ColumnSpec {
        key: "output",
        any: &[&["OUTPUT"], &["DILAYANI"]],
        none: &["TOTAL"],
        required: true,
        multi: true,
        label: "Indikator Pencapaian / Output",
    },
    ColumnSpec {
        key: "total",
        any: &[&["TOTAL", "PENCAPAIAN"]],
        none: &[],
        required: true,
        multi: false,
        label: "Total Pencapaian",
    },
];

#[derive(Debug, Clone, Default)]
pub struct Spm {
    pub indeks_tercetak: Option<(Decimal, Location)>,
    pub jenis: Vec<JenisLayanan>,
}

fn block_number(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches('.').trim();
    (!t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())).then(|| t.to_string())
}

/// `"3 . Penyediaan …"` → ("3", "Penyediaan …").
fn item_number(s: &str) -> Option<(String, String)> {
    let t = s.trim();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return None;
    }
    let rest = t[digits.len()..].trim_start();
    let rest = rest.strip_prefix('.')?.trim_start();
    Some((digits, rest.to_string()))
}

/// Reads the SPM table of `wb`.
pub fn read(wb: &mut Workbook, sheet: Option<&str>, f: &mut Findings) -> Option<Spm> {
    let (sheet, h) = pick_sheet(wb, SPECS, sheet, "Laporan Pencapaian SPM", Codes::Required, f)?;
    let out_cols = h.cols("output").to_vec();
    let oc = |i: usize| out_cols.get(i).copied();
    let c_total = h.col("total");
    let mut spm = Spm::default();
    let mut last_item = false;
    for row in h.data_start..sheet.height() {
        if sheet.row_is_empty(row) || h.is_repeat(&sheet, row) {
            continue;
        }
        let no = text_at(&sheet, row, h.col("no"));
        let uraian = text_at(&sheet, row, h.col("uraian"));
        let up = normalize(&uraian);
        let has_numbers = out_cols.iter().any(|c| !sheet.get(row, *c).is_empty());
        if up.starts_with("KATEGORI INDEKS") {
            if let Some(v) = percent_at(&sheet, row, c_total, f) {
                spm.indeks_tercetak = Some((v, sheet.loc(row, c_total.unwrap_or(0))));
            }
            last_item = false;
            continue;
        }
        if let Some(n) = block_number(&no).filter(|_| !uraian.is_empty() && !has_numbers) {
            spm.jenis.push(JenisLayanan {
                no: n,
                nama: uraian,
                tercetak: percent_at(&sheet, row, c_total, f),
                penerima: None,
                persen_penerima_tertimbang_tercetak: None,
                persen_mutu_tertimbang_tercetak: None,
                mutu_tercetak: None,
                mutu: Vec::new(),
                lokasi: sheet.row_loc(row),
                persen_penerima: None,
                persen_mutu: None,
                indeks: None,
            });
            last_item = false;
            continue;
        }
        let Some(jenis) = spm.jenis.last_mut() else {
            f.warning(
                "row-unrecognised",
                sheet.row_loc(row),
                format!(
                    "baris \"{}\" sebelum blok jenis layanan pertama tidak dikenali",
                    crate::tampil::short(&uraian)
                ),
            );
            continue;
        };
        if up.starts_with("PERSENTASE PENCAPAIAN PENERIMA") {
            jenis.persen_penerima_tertimbang_tercetak = percent_at(&sheet, row, c_total, f);
            last_item = false;
        } else if up.starts_with("PERSENTASE PENCAPAIAN MUTU") {
            jenis.persen_mutu_tertimbang_tercetak = percent_at(&sheet, row, c_total, f);
            last_item = false;
        } else if up.starts_with("B.") || (up.starts_with("B ") && up.contains("MUTU")) {
            jenis.mutu_tercetak = percent_at(&sheet, row, c_total, f);
            last_item = false;
        } else if has_numbers {
            let is_penerima = up.starts_with("A.") || up.contains("YANG HARUS DILAYANI");
            let (num, text) = if is_penerima {
                ("A".to_string(), uraian.clone())
            } else {
                item_number(&uraian).unwrap_or_else(|| (String::new(), uraian.clone()))
            };
            let harus = number_at(&sheet, row, oc(0), f);
            let terlayani = number_at(&sheet, row, oc(1), f);
            let (Some(harus), Some(terlayani)) = (harus, terlayani) else {
                f.error(
                    "spm-count-missing",
                    sheet.row_loc(row),
                    "jumlah yang harus dilayani dan yang terlayani harus diisi angka".to_string(),
                );
                continue;
            };
            let l = Layanan {
                no: num,
                uraian: text,
                satuan: text_at(&sheet, row, h.col("satuan")),
                harus,
                terlayani,
                belum: number_at(&sheet, row, oc(2), f),
                persen_tercetak: percent_at(&sheet, row, c_total, f),
                lokasi: sheet.row_loc(row),
                persen: None,
            };
            if is_penerima {
                jenis.penerima = Some(l);
                last_item = false;
            } else {
                jenis.mutu.push(l);
                last_item = true;
            }
        } else if !uraian.is_empty() {
            // the rest of a long item text, pushed to the next page
            match jenis.mutu.last_mut().filter(|_| last_item) {
                Some(item) => {
                    item.uraian.push(' ');
                    item.uraian.push_str(&uraian);
                }
                None => {
                    f.warning(
                        "row-unrecognised",
                        sheet.row_loc(row),
                        format!(
                            "baris \"{}\" tidak dikenali dan tidak dibaca",
                            crate::tampil::short(&uraian)
                        ),
                    );
                }
            }
        }
    }
    for j in &spm.jenis {
        if j.penerima.is_none() {
            f.error(
                "spm-recipients-missing",
                j.lokasi.clone(),
                format!(
                    "jenis layanan \"{}\" tanpa baris \"A. JUMLAH YANG HARUS DILAYANI\"",
                    j.nama
                ),
            );
        }
    }
    if spm.jenis.is_empty() {
        f.error(
            "table-empty",
            sheet.sheet_loc(),
            "laporan SPM tidak berisi satu pun jenis layanan".to_string(),
        );
    } else if let Some(e) = count_column_empty(&spm, &sheet, &h, &out_cols) {
        // every percentage would be recomputed as 0 and warned about
        f.push(e);
        return None;
    }
    Some(spm)
}

/// A count column read (the first two under the output header: to be
/// served, served) that is 0 or empty in every row while the rows print a
/// pencapaian: the column is misread, and the SPM index would be computed
/// from zeros. Refused with the column, its header and the candidates.
fn count_column_empty(spm: &Spm, sheet: &Sheet, h: &Header, out_cols: &[u32]) -> Option<Finding> {
    let rows: Vec<&Layanan> = spm
        .jenis
        .iter()
        .flat_map(|j| j.penerima.iter().chain(&j.mutu))
        .collect();
    let prints = rows.iter().any(|l| l.persen_tercetak.is_some_and(|p| !p.is_zero()));
    if rows.is_empty() || !prints {
        return None;
    }
    let all_zero = |count: fn(&Layanan) -> Decimal| rows.iter().all(|l| count(l).is_zero());
    let (i, what) = if all_zero(|l| l.harus) {
        (0, "yang harus dilayani")
    } else if all_zero(|l| l.terlayani) {
        (1, "yang terlayani")
    } else {
        return None;
    };
    let c = *out_cols.get(i)?;
    let others: Vec<String> = out_cols.iter().filter(|x| **x != c).map(|x| h.named(*x)).collect();
    Some(Finding {
        severity: Severity::Error,
        code: "column-empty",
        location: sheet.loc(h.data_start, c),
        message: format!(
            "kolom jumlah {what} {} kosong atau 0 di setiap baris, padahal baris-barisnya mencetak persentase pencapaian (kolom hitungan lain: {}); periksa susunan kolom Output",
            h.named(c),
            if others.is_empty() {
                "tidak ada".to_string()
            } else {
                others.join(", ")
            }
        ),
        kunci: Vec::new(),
    })
}
