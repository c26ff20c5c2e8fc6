//! The Evaluasi Renja as offices keep it (Permendagri 86/2017, the form
//! "Evaluasi terhadap Hasil Renja Perangkat Daerah" or "…Hasil RKPD"): one
//! row per urusan, bidang, program, kegiatan and sub kegiatan, the year's
//! target (K, Rp), the realization of each quarter I–IV (K, often %, Rp)
//! and its total. Read as a source of the budget per quarter where the
//! quarterly realization reports are missing (`data/evaluasi-renja.xlsx`).
//!
//! Offices keep it without codes: the level of a row is only in the SUM
//! formulas of its parent (`=SUM(O15:O21)` makes rows 15–21 the sub
//! kegiatan of row 14). So the tree is read from the formulas — per row, the
//! rows most of its amount columns add up — and every total is recomputed
//! from the rows under it: a cached total that is not their sum (a formula
//! that adds a row twice, or skips one) is a finding at its cell, and the
//! report takes the rows, never the total. Rows are matched to the Renja by
//! name (`ingest::nama`), or by code where the form has a Kode column
//! (lkjip's own Evaluasi Renja).

use super::cell::{Cell, column_name};
use super::header::{ColumnSpec, Header};
use super::realisasi::{BarisNama, Realisasi, RealisasiRow};
use super::workbook::{Sheet, Workbook};
use super::{Codes, amount_at, name_at, pick_sheet, text_at};
use crate::config::Peran;
use crate::finding::{Findings, Location, Severity};
use crate::model::triwulan::ROMAWI;
use crate::model::{Kode, Level};
use crate::tampil::{normalize, rp, short};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

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
        any: &[&["PROGRAM", "KEGIATAN"]],
        none: &["KODE", "INDIKATOR", "SASARAN"],
        required: true,
        multi: false,
        label: "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
    },
    ColumnSpec {
        key: "indikator",
        any: &[&["INDIKATOR"]],
        none: &[],
        required: false,
        multi: false,
        label: "Indikator Kinerja Program (Outcome)/Kegiatan (Output)",
    },
    ColumnSpec {
        key: "pagu",
        any: &[&["TARGET", "RENJA", "RP"]],
        none: &["RENSTRA PERANGKAT DAERAH PADA"],
        required: true,
        multi: false,
        label: "Target Kinerja dan Anggaran Renja Tahun Berjalan (Rp)",
    },
    ColumnSpec {
        key: "triwulan",
        any: &[&["TRIWULAN", "RP"]],
        none: &["%"],
        required: true,
        multi: true,
        label: "Realisasi Kinerja pada Triwulan I–IV (Rp)",
    },
    ColumnSpec {
        key: "realisasi",
        any: &[&["REALISASI", "DIEVALUASI", "RP"]],
        none: &["TINGKAT", "TRIWULAN"],
        required: false,
        multi: false,
        label: "Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi (Rp)",
    },
];

/// One row of the form.
#[derive(Debug, Clone)]
pub struct BarisEvaluasi {
    pub nama: String,
    /// The code, where the form has a Kode column.
    pub kode: Option<Kode>,
    pub indikator: String,
    /// The rows it adds up (indices into [`EvaluasiRenja::baris`]); empty
    /// for a sub kegiatan.
    pub anak: Vec<usize>,
    /// The year's pagu (the target Rp column).
    pub pagu: Option<Decimal>,
    /// The realization of each quarter (not cumulative), as the form has it.
    pub triwulan: [Option<Decimal>; 4],
    /// The year's realization the form prints (column 13/12 Rp).
    pub realisasi: Option<Decimal>,
    /// Whether it is a total over rows another row already adds (a
    /// `JUMLAH` row, or an unlabelled one): checked, not read.
    pub total: bool,
    /// The cell of the name.
    pub lokasi: Location,
}

impl BarisEvaluasi {
    /// A row that adds no rows and holds an amount: a sub kegiatan (or a
    /// program or kegiatan without any).
    pub fn is_leaf(&self) -> bool {
        self.anak.is_empty()
    }

    fn has_amount(&self) -> bool {
        self.pagu.is_some() || self.triwulan.iter().any(Option::is_some) || self.realisasi.is_some()
    }
}

/// The form as read.
#[derive(Debug, Clone)]
pub struct EvaluasiRenja {
    pub baris: Vec<BarisEvaluasi>,
    /// Whether rows carry codes (else they are matched by name).
    pub berkode: bool,
}

/// Reads the Evaluasi Renja of `wb`.
pub fn read(wb: &mut Workbook, sheet: Option<&str>, f: &mut Findings) -> Option<EvaluasiRenja> {
    let (sheet, h) = pick_sheet(wb, SPECS, sheet, "Evaluasi Renja", Codes::ByNameAllowed, f)?;
    let quarters = h.cols("triwulan").to_vec();
    if quarters.len() != 4 {
        f.error(
            "column-missing",
            sheet.sheet_loc(),
            format!(
                "tabel Evaluasi Renja di baris {} memuat {} kolom Rp triwulan ({}), diharapkan empat (I–IV)",
                h.first_row + 1,
                quarters.len(),
                quarters.iter().map(|c| column_name(*c)).collect::<Vec<_>>().join(", ")
            ),
        );
        return None;
    }
    let amount_cols: Vec<u32> = std::iter::once(h.col("pagu"))
        .flatten()
        .chain(quarters.iter().copied())
        .chain(h.col("realisasi"))
        .collect();
    let rows = read_rows(&sheet, &h, &quarters, f);
    let mut form = EvaluasiRenja {
        berkode: rows.iter().any(|(_, b)| b.kode.is_some()),
        baris: rows.iter().map(|(_, b)| b.clone()).collect(),
    };
    let sheet_rows: Vec<u32> = rows.iter().map(|(r, _)| *r).collect();
    structure(&sheet, &sheet_rows, &amount_cols, &mut form, f);
    check_totals(&sheet, &sheet_rows, &h, &quarters, &form, f);
    if !check_year(&sheet, &sheet_rows, &h, &form, f) {
        return None;
    }
    if !form.baris.iter().any(|b| b.is_leaf() && !b.total && b.has_amount()) {
        f.error(
            "table-empty",
            sheet.sheet_loc(),
            "tabel Evaluasi Renja tidak berisi satu pun baris sub kegiatan beranggaran".to_string(),
        );
        return None;
    }
    Some(form)
}

/// The rows with a name or an amount, with their sheet row. A row whose
/// name cell is the lower part of a merged name (a program with two
/// indicators on two rows) is the same program's: its amounts are the
/// first row's.
fn read_rows(sheet: &Sheet, h: &Header, quarters: &[u32], f: &mut Findings) -> Vec<(u32, BarisEvaluasi)> {
    let c_nama = h.col("nama");
    let kode_cols = h.cols("kode").to_vec();
    let in_name = h.code_in_name_of("nama");
    let mut out = Vec::new();
    for row in h.data_start..sheet.height() {
        if sheet.row_is_empty(row) || h.is_repeat(sheet, row) {
            continue;
        }
        if let Some(c) = c_nama
            && sheet.merge_origin(row, c).is_some_and(|(r, _)| r < row)
        {
            continue;
        }
        let mut nama = name_at(sheet, row, c_nama, f);
        let kode = if kode_cols.is_empty() && !in_name {
            None
        } else {
            super::nama::row_code(sheet, row, &kode_cols, in_name, &mut nama).1
        };
        // words in an amount column (the signature block's place and
        // date, a name, an NIP) are no amount
        let amount = |c: Option<u32>, f: &mut Findings| {
            let c = c?;
            match sheet.get(row, c) {
                Cell::Text(t) if super::cell::parse_amount(sheet.get(row, c)).is_err() && !t.trim().is_empty() => None,
                _ => amount_at(sheet, row, Some(c), f),
            }
        };
        let pagu = amount(h.col("pagu"), f);
        let triwulan = [0, 1, 2, 3].map(|q| amount(quarters.get(q).copied(), f));
        let realisasi = amount(h.col("realisasi"), f);
        let b = BarisEvaluasi {
            nama: nama.trim().to_string(),
            kode,
            indikator: text_at(sheet, row, h.col("indikator")).trim().to_string(),
            anak: Vec::new(),
            pagu,
            triwulan,
            realisasi,
            total: false,
            lokasi: sheet.loc(row, c_nama.unwrap_or(0)),
        };
        let formulas = [h.col("pagu")]
            .into_iter()
            .flatten()
            .chain(quarters.iter().copied())
            .any(|c| sheet.formula(row, c).is_some());
        if b.nama.is_empty() && !b.has_amount() && !formulas {
            continue;
        }
        out.push((row, b));
    }
    out
}

/// The rows a formula adds up, when it adds only cells of its own column
/// on other rows (`SUM(O15:O21)`, `SUM(O14+O22)`, `SUM(U42,U44)`, `+K12+K91`,
/// `K109`); `None` for any other formula (`20906000-R15`, `Q15*N15`).
/// Rows are zero-based; a range is bounded by `max_rows`.
pub fn summed_rows(formula: &str, row: u32, col: u32, max_rows: u32) -> Option<BTreeSet<u32>> {
    let letters = column_name(col);
    let mut t = formula.trim().trim_start_matches('=').trim().to_uppercase();
    t.retain(|c| !c.is_whitespace() && c != '$');
    let mut rows = BTreeSet::new();
    for part in t.split(['+', ',']) {
        let mut p = part.trim_start_matches('(').trim_end_matches(')');
        while let Some(inner) = p.strip_prefix("SUM(") {
            p = inner.trim_start_matches('(');
        }
        if p.is_empty() {
            continue;
        }
        let cell = |r: &str| -> Option<u32> {
            let digits = r.strip_prefix(letters.as_str())?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.parse::<u32>().ok().filter(|n| *n >= 1).map(|n| n - 1)
        };
        match p.split_once(':') {
            Some((a, b)) => {
                let (a, b) = (cell(a)?, cell(b)?);
                let (lo, hi) = (a.min(b), a.max(b).min(max_rows));
                rows.extend(lo..=hi);
            }
            None => {
                rows.insert(cell(p)?);
            }
        }
    }
    rows.remove(&row);
    (!rows.is_empty()).then_some(rows)
}

/// The tree from the formulas: each row's children are the rows most of
/// its amount columns add up (a column adding others is reported); a row
/// is the child of the first row adding it, and a row all of whose rows
/// belong to an earlier one is a total.
fn structure(sheet: &Sheet, rows: &[u32], cols: &[u32], form: &mut EvaluasiRenja, f: &mut Findings) {
    let index: BTreeMap<u32, usize> = rows.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let mut parent: Vec<Option<usize>> = vec![None; rows.len()];
    for (i, &row) in rows.iter().enumerate() {
        // a row added by two formulas belongs to the first (a bidang row
        // whose formula adds the other bidang again is caught by the
        // recomputed totals, with its formula shown)
        let owned = |r: &u32| index.get(r).is_some_and(|c| parent[*c].is_some());
        let sets: Vec<(u32, BTreeSet<u32>)> = cols
            .iter()
            .filter_map(|&c| {
                let formula = sheet.formula(row, c)?;
                let all = summed_rows(formula, row, c, sheet.height())?;
                let own: BTreeSet<u32> = all.iter().copied().filter(|r| !owned(r)).collect();
                Some((c, if own.is_empty() { all } else { own }))
            })
            .collect();
        if sets.is_empty() {
            continue;
        }
        // the set most columns agree on; on a tie the first column's (the pagu)
        let mut votes: Vec<(&BTreeSet<u32>, usize)> = Vec::new();
        for (_, s) in &sets {
            match votes.iter_mut().find(|(v, _)| *v == s) {
                Some((_, n)) => *n += 1,
                None => votes.push((s, 1)),
            }
        }
        let best = votes
            .iter()
            .fold(votes[0], |b, v| if v.1 > b.1 { *v } else { b })
            .0
            .clone();
        for (c, s) in sets.iter().filter(|(_, s)| *s != best) {
            f.warning(
                "evaluasi-formula-differs",
                sheet.loc(row, *c),
                format!(
                    "rumus sel ini (={}) menjumlahkan baris {}, sedangkan kolom lain baris ini menjumlahkan baris {}; jumlahnya dihitung ulang dari baris {}",
                    sheet.formula(row, *c).unwrap_or_default().trim_start_matches('='),
                    row_list(s),
                    row_list(&best),
                    row_list(&best)
                ),
            );
        }
        let children: Vec<usize> = best.iter().filter_map(|r| index.get(r).copied()).collect();
        let free: Vec<usize> = children
            .iter()
            .copied()
            .filter(|c| parent[*c].is_none() && *c != i)
            .collect();
        if free.is_empty() && !children.is_empty() {
            form.baris[i].total = true;
            form.baris[i].anak = children;
            continue;
        }
        for c in &free {
            parent[*c] = Some(i);
        }
        form.baris[i].anak = free;
    }
}

/// `13, 55, 70` or `15–21`, one-based.
fn row_list(rows: &BTreeSet<u32>) -> String {
    let v: Vec<u32> = rows.iter().map(|r| r + 1).collect();
    let contiguous = v.windows(2).all(|w| w[1] == w[0] + 1);
    match v.as_slice() {
        [a, .., b] if contiguous && v.len() > 2 => format!("{a}–{b}"),
        _ => v.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
    }
}

/// Every row that adds others, recomputed from the sub kegiatan under it;
/// a cached figure that differs is a finding at its cell.
fn check_totals(sheet: &Sheet, rows: &[u32], h: &Header, quarters: &[u32], form: &EvaluasiRenja, f: &mut Findings) {
    let mut cols: Vec<(u32, usize, String)> = Vec::new();
    if let Some(c) = h.col("pagu") {
        cols.push((c, 0, "pagu".to_string()));
    }
    for (q, c) in quarters.iter().enumerate() {
        cols.push((*c, q + 1, format!("realisasi triwulan {}", ROMAWI[q])));
    }
    if let Some(c) = h.col("realisasi") {
        cols.push((c, 5, "realisasi".to_string()));
    }
    let value = |b: &BarisEvaluasi, k: usize| match k {
        0 => b.pagu,
        5 => b.realisasi,
        q => b.triwulan[q - 1],
    };
    for (c, k, what) in &cols {
        let mut memo: Vec<Option<Decimal>> = vec![None; form.baris.len()];
        for (i, b) in form.baris.iter().enumerate() {
            if b.anak.is_empty() {
                continue;
            }
            let computed = leaf_sum(form, i, *k, &value, &mut memo, 0);
            let Some(cached) = value(b, *k) else { continue };
            if (cached - computed).abs() >= Decimal::ONE {
                let formula = sheet
                    .formula(rows[i], *c)
                    .map(|t| format!(" (={})", t.trim_start_matches('=')));
                f.warning(
                    "evaluasi-total-differs",
                    sheet.loc(rows[i], *c),
                    format!(
                        "{what} \"{}\" tercetak Rp {}{}, sedangkan jumlah sub kegiatan di bawahnya Rp {} (selisih Rp {}); laporan memakai jumlah sub kegiatannya",
                        short(if b.nama.is_empty() { "jumlah" } else { &b.nama }),
                        rp(cached),
                        formula.unwrap_or_default(),
                        rp(computed),
                        rp(cached - computed)
                    ),
                );
            }
        }
    }
}

/// The form's own year column (13 = 9 + 10 + 11 + 12) against its quarters,
/// per sub kegiatan: a difference is a warning at the cell; the year equal
/// to quarter IV and not to the sum in most rows means the quarters are
/// cumulative — read as they are they would count spending twice or more,
/// so the form is refused (false).
fn check_year(sheet: &Sheet, rows: &[u32], h: &Header, form: &EvaluasiRenja, f: &mut Findings) -> bool {
    let Some(c) = h.col("realisasi") else { return true };
    let (mut spent, mut cumulative) = (0usize, 0usize);
    for (i, b) in form.baris.iter().enumerate() {
        if b.total || !b.is_leaf() {
            continue;
        }
        let Some(year) = b.realisasi else { continue };
        let sum: Decimal = b.triwulan.iter().flatten().copied().sum();
        if year.is_zero() || (year - sum).abs() < Decimal::ONE {
            spent += usize::from(!year.is_zero());
            continue;
        }
        spent += 1;
        let last = b.triwulan.iter().rev().flatten().next().copied().unwrap_or_default();
        if (year - last).abs() < Decimal::ONE {
            cumulative += 1;
        }
        f.warning(
            "evaluasi-year-differs",
            sheet.loc(rows[i], c),
            format!(
                "realisasi \"{}\" setahun tercetak Rp {}, sedangkan jumlah triwulannya Rp {}",
                short(&b.nama),
                rp(year),
                rp(sum)
            ),
        );
    }
    if cumulative >= 2 && cumulative * 2 > spent {
        f.error(
            "evaluasi-cumulative",
            sheet.sheet_loc(),
            format!(
                "di {cumulative} dari {spent} sub kegiatan realisasi setahun sama dengan triwulan terakhirnya, bukan jumlah triwulan: kolom Rp triwulan tampaknya kumulatif; isi belanja masing-masing triwulan (Permendagri 86/2017: 13 = 9 + 10 + 11 + 12)"
            ),
        );
        return false;
    }
    true
}

/// The sum of figure `k` over the sub kegiatan under row `i`.
fn leaf_sum(
    form: &EvaluasiRenja,
    i: usize,
    k: usize,
    value: &dyn Fn(&BarisEvaluasi, usize) -> Option<Decimal>,
    memo: &mut Vec<Option<Decimal>>,
    depth: usize,
) -> Decimal {
    if let Some(v) = memo[i] {
        return v;
    }
    let b = &form.baris[i];
    // a tree from formulas has at most a handful of levels; deeper is a
    // loop a crafted file could build
    let v = if b.anak.is_empty() || depth > 16 {
        value(b, k).unwrap_or_default()
    } else {
        b.anak
            .clone()
            .iter()
            .map(|c| leaf_sum(form, *c, k, value, memo, depth + 1))
            .sum()
    };
    memo[i] = Some(v);
    v
}

impl EvaluasiRenja {
    /// The rows as a realization report up to the end of quarter `q`
    /// (1–4): the pagu, and the quarters' realization summed. Programs and
    /// kegiatan are headings (summed later from their rows); rows without
    /// codes are left to be matched by name.
    pub fn as_realisasi(&self, q: usize) -> Realisasi {
        let mut out = Realisasi {
            baris: Vec::new(),
            total: None,
            menurut_nama: Vec::new(),
        };
        let q = q.clamp(1, 4);
        for b in self.baris.iter().filter(|b| !b.total) {
            let leaf = b.is_leaf() && b.has_amount();
            let mut row = RealisasiRow::heading(Kode(String::new()), b.nama.clone(), b.lokasi.clone());
            if leaf {
                row.pagu = b.pagu.unwrap_or_default();
                row.anggaran = vec![b.pagu];
                row.realisasi = b.triwulan[..q].iter().flatten().copied().sum();
            }
            match &b.kode {
                Some(k) if self.berkode => {
                    if leaf || matches!(k.level(), Level::Program | Level::Kegiatan) {
                        row.kode = k.clone();
                        out.baris.push(row);
                    }
                }
                _ if self.berkode => {}
                _ => {
                    if !normalize(&b.nama).is_empty() {
                        out.menurut_nama.push(BarisNama {
                            baris: row,
                            beranggaran: leaf,
                        });
                    }
                }
            }
        }
        out
    }

    /// The sub kegiatan rows (what the report reads).
    pub fn sub_kegiatan(&self) -> impl Iterator<Item = &BarisEvaluasi> {
        self.baris.iter().filter(|b| !b.total && b.is_leaf() && b.has_amount())
    }
}

/// The quarters before the build's whose realization report is missing,
/// from the Evaluasi Renja (rows matched to the Renja by name where the
/// form has no codes, the matches shown by `check`); where a report is
/// there, and for the build's own quarter, the form's figures are compared
/// with it, sub kegiatan by sub kegiatan.
pub(super) fn fill_quarters(inputs: &mut super::Inputs, this_quarter: u8, f: &mut Findings) {
    let Some(ev) = inputs.evaluasi.clone() else { return };
    let berkas = inputs
        .sumber
        .iter()
        .find(|s| s.peran == Peran::EvaluasiRenja)
        .map(|s| s.berkas.clone())
        .unwrap_or_default();
    let last = usize::from(this_quarter.clamp(1, 4));
    let renja = inputs.renja.clone();
    let resolved = |q: usize, f: &mut Findings| -> Option<(Realisasi, Vec<super::nama::CocokNama>)> {
        let mut r = ev.as_realisasi(q);
        if ev.berkode {
            return Some((r, Vec::new()));
        }
        let matches = super::nama::resolve(&mut r, renja.as_ref()?, Severity::Error, f);
        Some((r, matches))
    };
    // the build's own quarter with the findings of the match, once
    let Some((own, matches)) = resolved(last, f) else {
        return;
    };
    if let Some(p) = inputs.pemetaan.iter_mut().find(|p| p.berkas == berkas) {
        p.menurut_nama = matches;
    }
    // the form against the year's (or the quarter's) realization report:
    // most rows differing is a form misread, not a few retyping slips
    if let Some(year) = &inputs.realisasi {
        let (compared, differing) = compare_rows(&own, last, year, f);
        if differing >= 2 && differing * 2 > compared {
            f.error(
                "evaluasi-misread",
                Location::file(&berkas),
                format!(
                    "realisasi {differing} dari {compared} sub kegiatan Evaluasi Renja sampai triwulan {} tidak sama dengan laporan realisasi: kolom Rp triwulannya bukan belanja triwulan masing-masing (kumulatif?) atau berkasnya tahun/perangkat daerah lain; Evaluasi Renja tidak dipakai",
                    ROMAWI[last - 1]
                ),
            );
            return;
        }
    }
    let filled = |q: usize| ev.sub_kegiatan().any(|b| b.triwulan[q - 1].is_some());
    let mut taken = Vec::new();
    for q in 1..last {
        let mut quiet = Findings::default();
        // the names were matched, and reported, for the build's quarter
        match &inputs.realisasi_tw[q - 1] {
            Some(report) => {
                if let Some((r, _)) = resolved(q, &mut quiet) {
                    compare_rows(&r, q, report, f);
                }
            }
            None if filled(q) => {
                if let Some((r, _)) = resolved(q, &mut quiet) {
                    inputs.realisasi_tw[q - 1] = Some(r);
                    taken.push(ROMAWI[q - 1]);
                }
            }
            None => {}
        }
    }
    if !taken.is_empty() {
        f.info(
            "evaluasi-used",
            Location::file(&berkas),
            format!(
                "realisasi anggaran triwulan {} diambil dari Evaluasi Renja (laporan realisasi triwulannya tidak ada)",
                crate::tampil::join_dan(&taken)
            ),
        );
    }
}

/// Sub kegiatan by sub kegiatan: the form's cumulative realization against
/// the report's.
fn compare_rows(form: &Realisasi, q: usize, report: &Realisasi, f: &mut Findings) -> (usize, usize) {
    let (mut compared, mut differing) = (0, 0);
    let by_code: BTreeMap<&str, &RealisasiRow> = report
        .baris
        .iter()
        .filter(|b| b.kode.level() == Level::SubKegiatan)
        .map(|b| (b.kode.as_str(), b))
        .collect();
    for b in form.baris.iter().filter(|b| b.kode.level() == Level::SubKegiatan) {
        let Some(other) = by_code.get(b.kode.as_str()) else {
            continue;
        };
        compared += 1;
        if (b.realisasi - other.realisasi).abs() >= Decimal::ONE {
            differing += 1;
            f.warning(
                "evaluasi-differs",
                b.lokasi.clone(),
                format!(
                    "realisasi sub kegiatan {} sampai triwulan {} menurut Evaluasi Renja Rp {}, menurut laporan realisasi ({}) Rp {}; samakan salah satunya",
                    b.kode,
                    ROMAWI[q - 1],
                    rp(b.realisasi),
                    other.lokasi,
                    rp(other.realisasi)
                ),
            )
            .concerns(crate::finding::Kunci::Kode(b.kode.to_string()));
        }
    }
    (compared, differing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sum_formulas_give_the_rows_they_add() {
        // the shapes of the Deli Serdang workbook (column O = 14, R = 17)
        let o = 14;
        let rows = |f: &str, row: u32, col: u32| {
            summed_rows(f, row, col, 1000).map(|s| s.into_iter().map(|r| r + 1).collect::<Vec<_>>())
        };
        assert_eq!(rows("SUM(O15:O21)", 13, o), Some((15..=21).collect()));
        assert_eq!(rows("=SUM(O12+O91+O96)", 10, o), Some(vec![12, 91, 96]));
        assert_eq!(rows("SUM(U42,U44)", 38, 20), Some(vec![42, 44]));
        assert_eq!(rows("SUM(AA85,AA87:AA88)", 83, 26), Some(vec![85, 87, 88]));
        assert_eq!(rows("K109", 107, 10), Some(vec![109]));
        assert_eq!(rows("+$O$12+O13", 10, o), Some(vec![12, 13]));
        // not a sum of its column: a value computed in the row, or another column
        assert_eq!(rows("20906000-R15", 14, 20), None);
        assert_eq!(rows("Q15*N15", 14, 15), None);
        assert_eq!(rows("SUM(K15:K21)", 13, o), None);
        assert_eq!(rows("AVERAGE(O15:O21)", 13, o), None);
    }

    #[test]
    fn row_lists_read_as_the_officer_counts() {
        assert_eq!(row_list(&[12, 54, 69].into_iter().collect()), "13, 55, 70");
        assert_eq!(row_list(&(14..=20).collect()), "15–21");
        assert_eq!(row_list(&[41, 43].into_iter().collect()), "42, 44");
    }
}
