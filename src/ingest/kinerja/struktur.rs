//! The `Struktur` sheet of kinerja.xlsx: one row per organisational unit
//! (its code, name, parent, the head's position and name), drawn as the
//! organisation chart of 1.2 (Gambar 1.1). A parent that is not in the
//! sheet, or a unit that is its own ancestor, is a warning at its cell and
//! the unit hangs from the top.

use crate::finding::Findings;
use crate::ingest::header::{ColumnSpec, Header, opt, req};
use crate::ingest::text_at;
use crate::ingest::workbook::Sheet;
use crate::model::UnitOrganisasi;
use crate::tampil::short;

pub const SHEET_STRUKTUR: &str = "Struktur";

/// The columns `lkjip init` writes, with their hints.
pub const STRUKTUR_COLUMNS: &[(&str, &str)] = &[
    ("Kode", "singkatan unit (K, SEK, B1 …), untuk kolom Induk"),
    ("Unit", "nama unit: Sekretariat, Bidang …, Seksi …, UPTD …"),
    ("Induk", "kode unit atasannya; kosong untuk pimpinan"),
    ("Jabatan", "jabatan kepala unit (Kepala Dinas, Sekretaris …)"),
    ("Nama", "nama pejabat (opsional)"),
];

pub const STRUKTUR_SPECS: &[ColumnSpec] = &[
    req("kode", &[&["KODE"]], "Kode"),
    req("unit", &[&["UNIT"]], "Unit"),
    opt("induk", &[&["INDUK"], &["ATASAN"]], "Induk"),
    opt("jabatan", &[&["JABATAN"]], "Jabatan"),
    opt("nama", &[&["NAMA"]], "Nama"),
];

/// The largest organisation drawn on one page.
pub const UNIT_MAX: usize = 60;

pub fn read(s: &Sheet, h: &Header, f: &mut Findings) -> Vec<UnitOrganisasi> {
    let mut out: Vec<(UnitOrganisasi, u32)> = Vec::new();
    for row in h.data_start..s.height() {
        if s.row_is_empty(row) {
            continue;
        }
        let kode = text_at(s, row, h.col("kode")).trim().to_uppercase();
        let unit = text_at(s, row, h.col("unit"));
        if kode.is_empty() || out.iter().any(|(u, _)| u.kode == kode) {
            f.warning(
                "unit-code",
                s.loc(row, h.col("kode").unwrap_or(0)),
                format!(
                    "unit \"{}\" {}: setiap unit perlu kode sendiri; baris ini tidak digambar",
                    short(&unit),
                    if kode.is_empty() { "tanpa kode" } else { "berkode ganda" }
                ),
            );
            continue;
        }
        out.push((
            UnitOrganisasi {
                kode,
                unit,
                induk: text_at(s, row, h.col("induk")).trim().to_uppercase(),
                jabatan: text_at(s, row, h.col("jabatan")),
                nama: text_at(s, row, h.col("nama")),
            },
            row,
        ));
    }
    if out.len() > UNIT_MAX {
        f.warning(
            "chart-too-large",
            s.sheet_loc(),
            format!(
                "{} unit, lebih dari {UNIT_MAX}: bagan digambar untuk {UNIT_MAX} unit pertama",
                out.len()
            ),
        );
        out.truncate(UNIT_MAX);
    }
    // a parent the sheet lacks, or a cycle: the unit hangs from the top
    let codes: Vec<String> = out.iter().map(|(u, _)| u.kode.clone()).collect();
    for i in 0..out.len() {
        let parent = out[i].0.induk.clone();
        if parent.is_empty() {
            continue;
        }
        let mut seen = vec![out[i].0.kode.clone()];
        let mut at = parent.clone();
        let problem = loop {
            if !codes.contains(&at) {
                break Some(format!("induk \"{parent}\" tidak ada di lembar Struktur"));
            }
            if seen.contains(&at) {
                break Some(format!(
                    "induk \"{parent}\" membuat lingkaran (unit menjadi atasan dirinya sendiri)"
                ));
            }
            seen.push(at.clone());
            let next = out
                .iter()
                .find(|(u, _)| u.kode == at)
                .map(|(u, _)| u.induk.clone())
                .unwrap_or_default();
            if next.is_empty() {
                break None;
            }
            at = next;
        };
        if let Some(why) = problem {
            f.warning(
                "unit-parent",
                s.loc(out[i].1, h.col("induk").unwrap_or(0)),
                format!(
                    "unit {} \"{}\": {why}; digambar di tingkat teratas",
                    out[i].0.kode,
                    short(&out[i].0.unit)
                ),
            );
            out[i].0.induk.clear();
        }
    }
    out.into_iter().map(|(u, _)| u).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;
    use crate::ingest::header::find_header;

    #[test]
    fn a_unit_whose_parent_is_missing_or_itself_hangs_from_the_top() {
        let t = |s: &str| Cell::Text(s.into());
        let rows = vec![
            vec![t("Kode"), t("Unit"), t("Induk"), t("Jabatan"), t("Nama")],
            vec![t("K"), t("Dinas Uji"), Cell::Empty, t("Kepala Dinas"), t("KEPALA UJI")],
            vec![t("SEK"), t("Sekretariat"), t("k"), t("Sekretaris")],
            vec![t("B1"), t("Bidang Satu"), t("X9"), t("Kepala Bidang Satu")],
            vec![t("B2"), t("Bidang Dua"), t("B3"), t("Kepala Bidang Dua")],
            vec![t("B3"), t("Bidang Tiga"), t("B2"), t("Kepala Bidang Tiga")],
            vec![t("SEK"), t("Sekretariat lagi"), t("K")],
        ];
        let s = Sheet::from_rows("data/kinerja.xlsx", "Struktur", rows);
        let h = find_header(&s, STRUKTUR_SPECS).unwrap();
        let mut f = Findings::new();
        let units = read(&s, &h, &mut f);
        let got: Vec<(&str, &str)> = units.iter().map(|u| (u.kode.as_str(), u.induk.as_str())).collect();
        // the parent code is read in capitals; X9 does not exist; B2 and
        // B3 are each other's parent: the first one met is cut loose
        assert_eq!(got, [("K", ""), ("SEK", "K"), ("B1", ""), ("B2", ""), ("B3", "B2")]);
        let said: Vec<String> = f.iter().map(|x| format!("{} {}", x.code, x.location)).collect();
        assert_eq!(
            said,
            [
                "unit-code data/kinerja.xlsx › Struktur › A7",
                "unit-parent data/kinerja.xlsx › Struktur › C4",
                "unit-parent data/kinerja.xlsx › Struktur › C5",
            ]
        );
    }
}
