//! The SIPD-RI "Rekap" download of the APBD (`data/apbd.xlsx`): one row per
//! sub kegiatan × sumber dana × rekening, `… KODE SUB KEGIATAN | NAMA SUB
//! KEGIATAN | KODE SUMBER DANA | NAMA SUMBER DANA | KODE REKENING | NAMA
//! REKENING | [PAKET] | PAGU`, for every perangkat daerah of the kabupaten
//! (Buru's `rekap_apbd_murni.xlsx`: 5 473 rows, 21 columns). Optional: the
//! pagu of each sub kegiatan is summed from it and checked against the
//! realization report, and its sumber dana go into the report.
//!
//! The rows of the report's own perangkat daerah are taken: the one whose
//! `NAMA SKPD` is `identitas.nama_opd` (without the pemerintah daerah's
//! name); a file of several perangkat daerah none of which is the report's
//! is refused, never summed whole.

use super::header::{ColumnSpec, req};
use super::workbook::Workbook;
use super::{Codes, amount_at, pick_sheet, text_at};
use crate::finding::{Findings, Location};
use crate::model::{Kode, Level};
use crate::tampil::short;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub const SPECS: &[ColumnSpec] = &[
    // `KODE SUB KEGIATAN` (SIPD-RI), or `Sub Kegiatan` holding code and
    // name in one cell (the rincian APBD export, NTB's format-import.xlsx),
    // or the names beside a `Kode` column (Buru's flat lists)
    ColumnSpec {
        key: "sub_kegiatan",
        any: &[&["SUB", "KEGIATAN"]],
        none: &["NAMA"],
        required: true,
        multi: false,
        label: "KODE SUB KEGIATAN",
    },
    // a column headed `Kode` and nothing else (`PAGU OPD APBD MURNI
    // 2024.xlsx`: `Kode | Sub Kegiatan | Kode Sumber Dana | …`)
    ColumnSpec {
        key: "kode",
        any: &[&["KODE"]],
        none: &[
            "SUB", "KEGIATAN", "SUMBER", "DANA", "REKENING", "SKPD", "OPD", "URUSAN", "PROGRAM", "UNIT", "PMK",
            "BIDANG", "PAKET", "NAMA", "AKUN", "LOKASI",
        ],
        required: false,
        multi: false,
        label: "KODE",
    },
    ColumnSpec {
        key: "nama",
        any: &[&["NAMA", "SUB", "KEGIATAN"]],
        none: &["KODE"],
        required: false,
        multi: false,
        label: "NAMA SUB KEGIATAN",
    },
    ColumnSpec {
        key: "skpd",
        any: &[&["NAMA", "SKPD"], &["NAMA", "OPD"], &["OPD"]],
        none: &["KODE", "SUB UNIT"],
        required: false,
        multi: false,
        label: "NAMA SKPD",
    },
    ColumnSpec {
        key: "sumber_dana",
        any: &[&["SUMBER", "DANA"]],
        none: &["KODE"],
        required: false,
        multi: false,
        label: "NAMA SUMBER DANA",
    },
    ColumnSpec {
        key: "rekening",
        any: &[&["KODE", "REKENING"], &["REKENING"]],
        none: &[],
        required: false,
        multi: false,
        label: "KODE REKENING",
    },
    // `Nilai`: the KUA-PPAS list per sub kegiatan (Buru's
    // `KUAPPAS-SUBKEGIATAN-….xlsx`)
    req("pagu", &[&["PAGU"], &["APBD"], &["NILAI"]], "PAGU"),
    ColumnSpec {
        key: "tahun",
        any: &[&["TAHUN"]],
        none: &["PAGU", "APBD", "KODE", "NAMA"],
        required: false,
        multi: false,
        label: "TAHUN",
    },
];

/// One row: a sub kegiatan's pagu from one sumber dana on one rekening.
#[derive(Debug, Clone)]
pub struct BarisApbd {
    pub kode: Kode,
    pub nama: String,
    pub skpd: String,
    pub sumber_dana: String,
    pub rekening: String,
    pub pagu: Decimal,
    pub lokasi: Location,
    /// The year the row states (`TAHUN`), and where.
    pub tahun: Option<(i32, Location)>,
}

/// The Rekap as read (all perangkat daerah until [`for_agency`]).
#[derive(Debug, Clone, Default)]
pub struct Apbd {
    pub baris: Vec<BarisApbd>,
    /// The perangkat daerah taken, as the file names it.
    pub skpd: Option<String>,
    pub berkas: String,
}

impl Apbd {
    /// Pagu per sub kegiatan (by [`Kode::match_key`]) and the location of its
    /// first row.
    pub fn per_sub_kegiatan(&self) -> BTreeMap<String, (Decimal, Location)> {
        let mut out: BTreeMap<String, (Decimal, Location)> = BTreeMap::new();
        for b in &self.baris {
            out.entry(b.kode.match_key())
                .and_modify(|e| e.0 += b.pagu)
                .or_insert((b.pagu, b.lokasi.clone()));
        }
        out
    }

    /// Pagu per sumber dana of one sub kegiatan, in the file's order of
    /// first appearance ("-" for rows that name none).
    pub fn sumber_dana(&self, key: &str) -> Vec<(String, Decimal)> {
        let mut out: Vec<(String, Decimal)> = Vec::new();
        for b in self.baris.iter().filter(|b| b.kode.match_key() == key) {
            let nama = if b.sumber_dana.trim().is_empty() {
                "-".to_string()
            } else {
                b.sumber_dana.trim().to_string()
            };
            match out.iter_mut().find(|(n, _)| *n == nama) {
                Some((_, v)) => *v += b.pagu,
                None => out.push((nama, b.pagu)),
            }
        }
        out
    }
}

/// Reads the Rekap of `wb`: every row with a sub kegiatan code and a pagu
/// (a sub kegiatan printed without rekening, pagu empty, holds nothing).
pub fn read(wb: &mut Workbook, sheet: Option<&str>, f: &mut Findings) -> Option<Apbd> {
    let (sheet, h) = pick_sheet(wb, SPECS, sheet, "Rekap APBD (SIPD-RI)", Codes::Required, f)?;
    let mut out = Apbd {
        berkas: wb.display.clone(),
        ..Apbd::default()
    };
    // a `Kode` column of its own: the `Sub Kegiatan` column holds the names
    let c_kode = h.col("kode").or(h.col("sub_kegiatan"));
    let c_nama = h.col("nama").or(h.col("kode").and(h.col("sub_kegiatan")));
    if !pagu_is_one_column(&sheet, &h, f) {
        return None;
    }
    for row in h.data_start..sheet.height() {
        if sheet.row_is_empty(row) || h.is_repeat(&sheet, row) {
            continue;
        }
        let text = text_at(&sheet, row, c_kode);
        // the code alone, or the code and the name in one cell
        let split = super::cell::parse_kode_text(text.trim())
            .map(|k| (k, String::new()))
            .or_else(|| super::cell::split_code_name(text.trim()));
        let Some((kode, nama_in_cell)) = split else {
            if !text.trim().is_empty() && h.col("pagu").is_some_and(|c| !sheet.get(row, c).is_empty()) {
                f.error(
                    "code-invalid",
                    sheet.loc(row, c_kode.unwrap_or(0)),
                    format!("kode sub kegiatan \"{}\" tidak dapat dibaca", short(&text)),
                );
            }
            continue;
        };
        if kode.level() != Level::SubKegiatan {
            continue;
        }
        let Some(pagu) = amount_at(&sheet, row, h.col("pagu"), f) else {
            continue;
        };
        out.baris.push(BarisApbd {
            kode,
            nama: match c_nama {
                Some(c) => text_at(&sheet, row, Some(c)).trim().to_string(),
                None => nama_in_cell,
            },
            skpd: without_code(&text_at(&sheet, row, h.col("skpd"))),
            sumber_dana: text_at(&sheet, row, h.col("sumber_dana")),
            rekening: text_at(&sheet, row, h.col("rekening")).trim().to_string(),
            pagu,
            lokasi: sheet.loc(row, h.col("pagu").unwrap_or(0)),
            tahun: h.col("tahun").and_then(|c| {
                let t = text_at(&sheet, row, Some(c));
                t.trim().parse::<i32>().ok().map(|y| (y, sheet.loc(row, c)))
            }),
        });
    }
    if out.baris.is_empty() {
        f.error(
            "table-empty",
            sheet.sheet_loc(),
            "Rekap APBD tidak berisi satu pun baris sub kegiatan berpagu".to_string(),
        );
        return None;
    }
    Some(out)
}

/// Whether the pagu is one column: a list with two pagu columns that both
/// hold amounts (Buru's `Pagu Indikatif (Rp)` and `Pagu Diberi (Rp)`) is
/// refused where they differ — which of the two is the APBD's is the
/// officer's to say (`[kolom.apbd] pagu`), never a guess. A second column
/// left empty (as Buru's `Pagu Diberi` is) is no choice.
fn pagu_is_one_column(sheet: &super::workbook::Sheet, h: &super::header::Header, f: &mut Findings) -> bool {
    let Some(chosen) = h.col("pagu") else {
        return true;
    };
    if h.is_fixed("pagu") {
        return true;
    }
    let number = |row: u32, col: u32| super::cell::parse_amount(sheet.get(row, col)).ok().flatten();
    for other in h.others("pagu") {
        let differs = (h.data_start..sheet.height())
            .find(|r| matches!((number(*r, chosen), number(*r, other)), (Some(a), Some(b)) if a != b && !b.is_zero()));
        if let Some(row) = differs {
            f.error(
                "pagu-ambiguous",
                sheet.loc(row, other),
                format!(
                    "dua kolom pagu berisi angka yang berbeda: {} dan {}; tetapkan yang merupakan pagu APBD di lkjip.toml, misalnya [kolom.apbd] pagu = \"{}\"",
                    h.named(chosen),
                    h.named(other),
                    super::cell::column_name(chosen)
                ),
            );
            return false;
        }
    }
    true
}

/// A perangkat daerah's name without the code an export puts before it
/// (`1.01.2.22.0.00.02.0000 Dinas Pendidikan dan Kebudayaan`).
fn without_code(text: &str) -> String {
    let t = text.trim();
    match t.split_once(' ') {
        Some((code, rest))
            if code.split('.').count() >= 7
                && code
                    .split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) =>
        {
            rest.trim().to_string()
        }
        _ => t.to_string(),
    }
}

/// Whether the Rekap is of the report's year: a `TAHUN` of another year is
/// an error at its cell (the whole file is of one year), and the Rekap is
/// not used — its pagu and sumber dana would be another year's.
pub fn of_year(apbd: &Apbd, tahun: i32, f: &mut Findings) -> bool {
    match apbd
        .baris
        .iter()
        .find_map(|b| b.tahun.as_ref().filter(|(y, _)| *y != tahun))
    {
        Some((y, at)) => {
            f.error(
                "wrong-year",
                at.clone(),
                format!("Rekap APBD ini untuk tahun {y}, sedangkan yang diperlukan tahun {tahun} menurut lkjip.toml"),
            );
            false
        }
        None => true,
    }
}

/// Whether the perangkat daerah's rows hold any pagu: a list of its sub
/// kegiatan at 0 throughout (Buru's KUA-PPAS list of 25-10-2023, exported
/// before the amounts were entered) is refused, not compared as zeros.
pub fn has_pagu(apbd: &Apbd, f: &mut Findings) -> bool {
    if apbd.baris.is_empty() || apbd.baris.iter().any(|b| !b.pagu.is_zero()) {
        return true;
    }
    let first = &apbd.baris[0];
    f.error(
        "column-empty",
        first.lokasi.clone(),
        format!(
            "kolom pagu bernilai 0 pada semua {} baris sub kegiatan {}; daftar ini belum berisi pagu",
            apbd.baris.len(),
            apbd.skpd.as_deref().map(short).unwrap_or_default()
        ),
    );
    false
}

/// Keeps the rows of the report's perangkat daerah: a file of one is taken
/// when its name shares a distinguishing word with `nama_opd`; a file of several, the one
/// named `nama_opd` (without `pemerintah_daerah`). Anything else is an
/// error: the whole kabupaten's pagu must not become one dinas's.
pub fn for_agency(apbd: &mut Apbd, nama_opd: &str, pemerintah_daerah: &str, f: &mut Findings) -> bool {
    let mut names: Vec<&str> = Vec::new();
    for b in &apbd.baris {
        if !names.contains(&b.skpd.as_str()) {
            names.push(&b.skpd);
        }
    }
    let key = |s: &str| super::periode::agency_key(s, pemerintah_daerah);
    let own = key(nama_opd);
    let chosen: Option<String> = match names.as_slice() {
        [] | [""] => None,
        [one] => {
            // a distinguishing word in common: `Dinas` alone is no match
            // (NTB's rincian of its Dinas Pendidikan is no Dinas Uji's)
            let theirs = super::periode::significant(&key(one));
            let shared = super::periode::significant(&own)
                .iter()
                .filter(|w| theirs.contains(w))
                .count();
            (shared > 0).then(|| one.to_string()).or_else(|| {
                f.error(
                    "wrong-agency",
                    Location::file(&apbd.berkas),
                    format!(
                        "Rekap APBD ini milik \"{}\", bukan {nama_opd} (identitas.nama_opd di lkjip.toml)",
                        short(one)
                    ),
                );
                Some(String::new())
            })
        }
        many => match many.iter().find(|n| key(n) == own) {
            Some(n) => Some(n.to_string()),
            None => {
                let list: Vec<String> = many.iter().take(12).map(|n| short(n)).collect();
                f.error(
                    "apbd-agency-missing",
                    Location::file(&apbd.berkas),
                    format!(
                        "Rekap APBD memuat {} perangkat daerah dan tidak satu pun bernama \"{nama_opd}\" (identitas.nama_opd); yang ada: {}{}",
                        many.len(),
                        list.join("; "),
                        if many.len() > 12 { "; …" } else { "" }
                    ),
                );
                Some(String::new())
            }
        },
    };
    match chosen {
        // no SKPD column: the file is taken as the report's own
        None => true,
        Some(n) if n.is_empty() => {
            apbd.baris.clear();
            false
        }
        Some(n) => {
            apbd.baris.retain(|b| b.skpd == n);
            apbd.skpd = Some(n);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn row(skpd: &str, kode: &str, sumber: &str, pagu: &str) -> BarisApbd {
        BarisApbd {
            kode: crate::ingest::cell::parse_kode_text(kode).unwrap(),
            nama: String::new(),
            skpd: skpd.into(),
            sumber_dana: sumber.into(),
            rekening: String::new(),
            pagu: Decimal::from_str(pagu).unwrap(),
            lokasi: Location::file("data/apbd.xlsx"),
            tahun: None,
        }
    }

    #[test]
    fn the_report_s_own_perangkat_daerah_is_taken_from_a_kabupaten_file() {
        let mut a = Apbd {
            baris: vec![
                row("Dinas Pendidikan", "1.01.02.2.01.0001", "DAU", "5"),
                row("Dinas Sosial", "1.06.02.2.03.0002", "DAU", "100"),
                row("Dinas Sosial", "1.06.02.2.03.0002", "DAK", "20.5"),
            ],
            ..Apbd::default()
        };
        let mut f = Findings::default();
        assert!(for_agency(
            &mut a,
            "Dinas Sosial Kabupaten Uji",
            "Kabupaten Uji",
            &mut f
        ));
        assert_eq!(a.baris.len(), 2);
        let key = a.baris[0].kode.match_key();
        assert_eq!(a.per_sub_kegiatan()[&key].0, Decimal::from_str("120.5").unwrap());
        assert_eq!(
            a.sumber_dana(&key),
            [
                ("DAU".to_string(), Decimal::from(100)),
                ("DAK".to_string(), Decimal::from_str("20.5").unwrap())
            ]
        );
        // several, none the report's: refused, nothing kept
        let mut b = Apbd {
            baris: vec![
                row("Dinas Pendidikan", "1.01.02.2.01.0001", "", "5"),
                row("Dinas Kesehatan", "1.02.02.2.01.0001", "", "5"),
            ],
            ..Apbd::default()
        };
        assert!(!for_agency(&mut b, "Dinas Sosial", "Kabupaten Uji", &mut f));
        assert!(b.baris.is_empty());
        assert!(
            f.sorted().iter().any(|x| x.code == "apbd-agency-missing"),
            "{:?}",
            f.sorted()
        );
        // a file of one: `Dinas` in common is no match, `Sosial` is
        let one = |skpd: &str| Apbd {
            baris: vec![row(skpd, "1.01.02.2.01.0001", "", "5")],
            ..Apbd::default()
        };
        let mut g = Findings::default();
        assert!(!for_agency(
            &mut one("Dinas Pendidikan dan Kebudayaan"),
            "Dinas Uji",
            "Kabupaten Uji",
            &mut g
        ));
        assert!(g.sorted().iter().any(|x| x.code == "wrong-agency"));
        let mut g = Findings::default();
        assert!(for_agency(
            &mut one("Dinas Sosial P3A"),
            "Dinas Sosial, Pemberdayaan Perempuan",
            "",
            &mut g
        ));
        assert!(!g.has_errors());
    }
}
