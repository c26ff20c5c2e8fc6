//! Is it the right file? The title rows above a table and the sheet name
//! state the year and, for a realization report, the month or quarter
//! (`Bulan Desember Tahun 2024`, `Realisasi Desember 2024`, `TRIWULAN IV`).
//! A report of another year, or of a month before December, is refused:
//! built from it, the LKjIP would print another period's figures as this
//! year's.

use super::Pemetaan;
use crate::config::Peran;
use crate::finding::{Findings, Location};
use crate::tampil::{normalize, short};

const BULAN: [&str; 12] = [
    "JANUARI",
    "FEBRUARI",
    "MARET",
    "APRIL",
    "MEI",
    "JUNI",
    "JULI",
    "AGUSTUS",
    "SEPTEMBER",
    "OKTOBER",
    "NOVEMBER",
    "DESEMBER",
];

/// The words of a title, upper case, split at anything but letters and
/// digits (`2024-2026` gives two years).
fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

fn years(t: &str) -> Vec<i32> {
    words(t)
        .iter()
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y))
        .collect()
}

/// A title that dates the printing or the signing (`Dicetak 13/01/2025`,
/// `Tanggal: 15-01-2025`) rather than naming the report's year.
fn is_stamp(t: &str) -> bool {
    let up = t.to_uppercase();
    if up.contains("CETAK") || up.contains("TANGGAL") {
        return true;
    }
    // dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy
    let b = t.as_bytes();
    (0..b.len()).any(|i| {
        let digits = |from: usize, n: usize| (from..from + n).all(|k| b.get(k).is_some_and(u8::is_ascii_digit));
        let sep = |k: usize| b.get(k).is_some_and(|c| matches!(c, b'-' | b'/' | b'.'));
        digits(i, 2) && sep(i + 2) && digits(i + 3, 2) && sep(i + 5) && digits(i + 6, 4)
    })
}

/// The first numeric date of a text (`30-09-2024`, `31/12/2024`), as
/// (month, year).
fn numeric_date(t: &str) -> Option<(u32, i32)> {
    let b = t.as_bytes();
    (0..b.len()).find_map(|i| {
        let digits = |from: usize, n: usize| (from..from + n).all(|k| b.get(k).is_some_and(u8::is_ascii_digit));
        let sep = |k: usize| b.get(k).is_some_and(|c| matches!(c, b'-' | b'/' | b'.'));
        if !(digits(i, 2) && sep(i + 2) && digits(i + 3, 2) && sep(i + 5) && digits(i + 6, 4)) {
            return None;
        }
        let month: u32 = t.get(i + 3..i + 5)?.parse().ok()?;
        let year: i32 = t.get(i + 6..i + 10)?.parse().ok()?;
        (1..=12).contains(&month).then_some((month, year))
    })
}

/// Whether a label dates the figures themselves (`KONDISI S/D TGL.`,
/// `Keadaan sampai dengan`, `Posisi per`) rather than the printing or
/// signing: FORM-RFK states its period only so.
fn is_as_of(label: &str) -> bool {
    let up = label.to_uppercase();
    ["KONDISI", "KEADAAN", "POSISI", "S/D", "S.D", "SAMPAI"]
        .iter()
        .any(|w| up.contains(w))
}

/// The dates that state the period (`KONDISI S/D TGL. | : 30-09-2024`, in
/// one cell or the label left of the date in its row), with their cell.
fn as_of_dates(judul: &[(String, String)]) -> Vec<(&str, &str, u32, i32)> {
    let row = |cell: &str| cell.trim_start_matches(|c: char| c.is_ascii_alphabetic()).to_string();
    judul
        .iter()
        .enumerate()
        .filter_map(|(i, (cell, t))| {
            let (m, y) = numeric_date(t)?;
            let label: String = judul[..=i]
                .iter()
                .filter(|(c, _)| row(c) == row(cell))
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            is_as_of(&label).then_some((cell.as_str(), t.as_str(), m, y))
        })
        .collect()
}

/// Months named in a title, 1–12.
fn months(t: &str) -> Vec<u32> {
    words(t)
        .iter()
        .filter_map(|w| BULAN.iter().position(|b| b == w).map(|i| i as u32 + 1))
        .collect()
}

/// Quarters named in a title (`TRIWULAN III`, `TW 2`), 1–4.
fn quarters(t: &str) -> Vec<u32> {
    let w = words(t);
    w.windows(2)
        .filter(|p| p[0] == "TRIWULAN" || p[0] == "TW")
        .filter_map(|p| match p[1].as_str() {
            "I" | "1" => Some(1),
            "II" | "2" => Some(2),
            "III" | "3" => Some(3),
            "IV" | "4" => Some(4),
            _ => None,
        })
        .collect()
}

/// Whether any of the texts names December or the fourth quarter: of
/// several sheets holding the same table (one per month), the year's.
pub fn is_year_end<'a>(mut texts: impl Iterator<Item = &'a str>) -> bool {
    texts.any(|t| months(t).contains(&12) || quarters(t).contains(&4))
}

/// I … IV.
fn roman(q: u8) -> &'static str {
    ["I", "II", "III", "IV"]
        .get(usize::from(q.max(1)) - 1)
        .copied()
        .unwrap_or("IV")
}

fn bulan(m: u32) -> String {
    let b = BULAN[(m - 1) as usize];
    b[..1].to_string() + &b[1..].to_lowercase()
}

/// Words that begin the name of an agency in a title row.
const AGENCY: [&str; 9] = [
    "DINAS",
    "BADAN",
    "KANTOR",
    "SEKRETARIAT",
    "INSPEKTORAT",
    "SATUAN",
    "RSUD",
    "KECAMATAN",
    "BAGIAN",
];

/// Words of an agency name that tell agencies apart (not `dan`, `Dinas`).
/// The words of an agency's name that tell it from another (not `Dinas`,
/// `Badan`, `dan`, `Kabupaten` …).
pub(super) fn significant(t: &str) -> Vec<String> {
    words(t)
        .into_iter()
        .filter(|w| {
            w.len() >= 3
                && !AGENCY.contains(&w.as_str())
                && !["DAN", "SERTA", "DAERAH", "KABUPATEN", "KOTA", "PROVINSI", "URUSAN"].contains(&w.as_str())
        })
        .collect()
}

/// The agency a title row names, when it names one: `Dinas Pendidikan`,
/// `SKPD : Dinas Kesehatan`, `Perangkat Daerah: Badan …`.
fn agency(t: &str) -> Option<String> {
    let rest = match t.split_once(':') {
        Some((label, rest))
            if ["SKPD", "OPD", "PERANGKAT DAERAH", "UNIT", "INSTANSI"]
                .iter()
                .any(|l| label.trim().eq_ignore_ascii_case(l)) =>
        {
            rest.trim()
        }
        // the value cell beside a `SKPD` label cell (FORM-RFK: `: Dinas …`)
        _ => t.trim().trim_start_matches([':', ' ']),
    };
    let first = words(rest).into_iter().next()?;
    AGENCY.contains(&first.as_str()).then(|| rest.to_string())
}

/// Checks the agency a table's titles name against `nama_opd`: a title that
/// names an agency sharing no distinguishing word with `nama_opd` (and not
/// its abbreviation) is another agency's file. Lenient on purpose: offices
/// shorten their names (`Dinas Sosial P3A`), and a false refusal stops a
/// report.
/// A perangkat daerah's name as compared: capitals, single spaces, without
/// the pemerintah daerah's name after it (`… Kabupaten Belitung`).
pub fn agency_key(name: &str, pemerintah_daerah: &str) -> String {
    let n = normalize(name);
    let pemda = normalize(pemerintah_daerah);
    let n = if pemda.is_empty() {
        n.as_str()
    } else {
        n.strip_suffix(&pemda).unwrap_or(&n)
    };
    n.trim_end_matches([' ', ',']).to_string()
}

/// Whether `candidate` (a sheet's name, a `NAMA SKPD` cell) names the
/// report's perangkat daerah: the same [`agency_key`], or a sheet name cut
/// at Excel's 31 characters — at least 28 of them left, so that `Dinas
/// Sosial` never stands for `Dinas Sosial, Pemberdayaan Perempuan …`.
pub fn names_agency(candidate: &str, nama_opd: &str, pemerintah_daerah: &str) -> bool {
    let (theirs, own) = (agency_key(candidate, ""), agency_key(nama_opd, pemerintah_daerah));
    theirs == own
        || agency_key(candidate, pemerintah_daerah) == own
        || (theirs.chars().count() >= 28 && own.starts_with(&theirs))
}

pub fn check_agency(p: &Pemetaan, nama_opd: &str, singkatan: Option<&str>, f: &mut Findings) {
    let own = significant(nama_opd);
    if own.is_empty() {
        return;
    }
    for (cell, t) in &p.judul {
        let Some(named) = agency(t) else { continue };
        let theirs = significant(&named);
        let shared = own.iter().filter(|w| theirs.contains(w)).count();
        let abbreviated = singkatan.is_some_and(|s| !s.is_empty() && words(&named).contains(&s.to_uppercase()));
        if !abbreviated && shared == 0 {
            f.error(
                "wrong-agency",
                Location::cell(&p.berkas, &p.lembar, cell),
                format!(
                    "berkas ini milik \"{}\", bukan {nama_opd} (identitas.nama_opd di lkjip.toml)",
                    short(&named)
                ),
            );
            return;
        }
    }
}

/// Checks the period a table's titles state against the report's year
/// and, for a realization report, the quarter whose end it must be as of
/// (4: December; 1–3 for `realisasi-tw1` … and a quarterly build).
pub fn check(peran: Peran, p: &Pemetaan, tahun: i32, quarter: u8, f: &mut Findings) {
    let expected = match peran {
        Peran::Kinerja => return,
        Peran::RealisasiLalu => tahun - 1,
        _ => tahun,
    };
    let month = u32::from(quarter) * 3;
    let titles: Vec<(Location, &str)> = p
        .judul
        .iter()
        .map(|(cell, t)| (Location::cell(&p.berkas, &p.lembar, cell), t.as_str()))
        .chain(std::iter::once((
            Location::sheet(&p.berkas, &p.lembar),
            p.lembar.as_str(),
        )))
        .collect();
    let what = peran.label();
    // the year: every title that names years (a title row or the sheet
    // name) must name the expected one — a title row saying 2023 is not
    // outweighed by a sheet named 2024. A print or signing date says
    // when, not which year, and is left out.
    let named: Vec<&(Location, &str)> = titles
        .iter()
        .filter(|(_, t)| !years(t).is_empty() && !is_stamp(t))
        .collect();
    // a span of years (`Renstra 2021-2026`) covers those between
    let covers = |t: &str| {
        let y = years(t);
        y.contains(&expected) || (y.len() >= 2 && y.iter().min() < Some(&expected) && y.iter().max() > Some(&expected))
    };
    if let Some((loc, t)) = named.iter().find(|(_, t)| !covers(t)).copied() {
        let why = if peran == Peran::RealisasiLalu {
            format!("tahun sebelumnya ({expected}) menurut tahun {tahun} di lkjip.toml")
        } else {
            format!("tahun {expected} menurut lkjip.toml")
        };
        f.error(
            "wrong-year",
            loc.clone(),
            format!(
                "{what} ini untuk tahun {} (\"{}\"), sedangkan yang diperlukan {why}; periksa berkasnya atau identitas.tahun",
                years(t).iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
                short(t)
            ),
        );
    }
    if !peran.is_realisasi() {
        return;
    }
    let wanted = if quarter == 4 {
        "Desember: LKjIP memakai realisasi sampai akhir tahun".to_string()
    } else {
        format!("{} (akhir triwulan {})", bulan(month), roman(quarter))
    };
    let as_of = as_of_dates(&p.judul);
    // a date the figures are "as of" (FORM-RFK) names the year and month
    if let Some(&(cell, t, m, y)) = as_of.first() {
        let loc = Location::cell(&p.berkas, &p.lembar, cell);
        if y != expected {
            f.error(
                "wrong-year",
                loc,
                format!(
                    "{what} ini berisi keadaan per \"{}\" (tahun {y}), sedangkan yang diperlukan tahun {expected}; periksa berkasnya atau identitas.tahun",
                    short(t.trim_start_matches([':', ' ']))
                ),
            );
            return;
        }
        if m != month {
            f.error(
                "wrong-period",
                loc,
                format!(
                    "{what} ini berisi keadaan per \"{}\" (bulan {}), bukan {wanted}",
                    short(t.trim_start_matches([':', ' '])),
                    bulan(m)
                ),
            );
            return;
        }
    }
    // nothing said at all — no year, month, quarter nor "as of" date in
    // the titles or the sheet name (the NTB Form A prints no title): the
    // file cannot be checked, and the officer is told so once
    let says_period = |t: &str| !years(t).is_empty() || !months(t).is_empty() || !quarters(t).is_empty();
    if as_of.is_empty() && !titles.iter().any(|(_, t)| !is_stamp(t) && says_period(t)) {
        f.warning(
            "period-unstated",
            Location::sheet(&p.berkas, &p.lembar),
            format!(
                "{what} ini tidak menyebut tahun maupun bulannya, di judul maupun di nama lembar; lkjip tidak dapat memeriksa bahwa angkanya keadaan {}, pastikan sebelum ditandatangani",
                if quarter == 4 {
                    format!("Desember {expected}")
                } else {
                    format!("{} {expected}", bulan(month))
                }
            ),
        );
        return;
    }
    // the month or quarter: the year's figure is December's (TW IV)
    for (loc, t) in titles.iter().filter(|(_, t)| !is_stamp(t)) {
        let (ms, qs) = (months(t), quarters(t));
        let wrong = if !ms.is_empty() && !ms.contains(&month) {
            Some(format!("bulan {}", bulan(ms[0])))
        } else if !qs.is_empty() && !qs.contains(&u32::from(quarter)) {
            Some(format!("triwulan {}", roman(qs[0] as u8)))
        } else {
            None
        };
        if let Some(period) = wrong {
            f.error(
                "wrong-period",
                loc.clone(),
                format!(
                    "{what} ini untuk {period} (\"{}\"), bukan {}",
                    short(t),
                    if quarter == 4 {
                        "Desember: LKjIP memakai realisasi sampai akhir tahun (bulan Desember / triwulan IV)"
                            .to_string()
                    } else {
                        wanted.clone()
                    }
                ),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perangkat_daerah_is_named_whole_or_cut_at_excel_s_31_characters() {
        let own = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Belitung";
        let pemda = "Kabupaten Belitung";
        assert!(names_agency(
            "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
            own,
            pemda
        ));
        assert!(names_agency(own, own, pemda));
        // a sheet name cut at 31 characters (and its trailing space trimmed)
        assert!(names_agency("Dinas Sosial, Pemberdayaan Pere", own, pemda));
        // another dinas whose name is only the beginning of ours
        assert!(!names_agency("Dinas Sosial", own, pemda));
        assert!(!names_agency("Dinas Kesehatan", own, pemda));
    }

    fn mapping(lembar: &str, judul: &[(&str, &str)]) -> Pemetaan {
        Pemetaan {
            berkas: "data/realisasi.xlsx".into(),
            lembar: lembar.into(),
            judul: judul.iter().map(|(c, t)| (c.to_string(), t.to_string())).collect(),
            baris_judul: (4, 5),
            baris_data: 7,
            kolom: Vec::new(),
            menurut_nama: Vec::new(),
        }
    }

    fn codes(p: &Pemetaan, peran: Peran) -> Vec<String> {
        let mut f = Findings::new();
        check(peran, p, 2024, peran.quarter().unwrap_or(4), &mut f);
        f.iter().map(|x| format!("{} {}", x.code, x.location)).collect()
    }

    #[test]
    fn a_quarterly_report_must_be_of_the_end_of_its_quarter() {
        let juni = mapping("Sheet1", &[("A2", "Bulan Juni Tahun 2024")]);
        assert!(codes(&juni, Peran::RealisasiTw2).is_empty());
        let maret = mapping("Sheet1", &[("A2", "Bulan Maret Tahun 2024")]);
        assert_eq!(
            codes(&maret, Peran::RealisasiTw2),
            ["wrong-period data/realisasi.xlsx › Sheet1 › A2"]
        );
        let tw = mapping("Sheet1", &[("A2", "Triwulan III Tahun 2024")]);
        assert!(codes(&tw, Peran::RealisasiTw3).is_empty());
        // a quarterly build reads the report of its quarter as the year's so far
        let mut f = Findings::new();
        check(Peran::Realisasi, &tw, 2024, 3, &mut f);
        assert!(f.is_empty());
        check(Peran::Realisasi, &tw, 2024, 4, &mut f);
        let msg = &f.iter().next().unwrap().message;
        assert!(msg.contains("bukan Desember"), "{msg}");
        // its message says which month it wants
        let mut f = Findings::new();
        check(Peran::RealisasiTw1, &juni, 2024, 1, &mut f);
        let msg = &f.iter().next().unwrap().message;
        assert!(msg.contains("bukan Maret (akhir triwulan I)"), "{msg}");
    }

    #[test]
    fn the_period_of_the_titles_must_be_the_reports() {
        let ok = mapping("Realisasi Desember 2024", &[("A2", "Bulan Desember Tahun 2024")]);
        assert!(codes(&ok, Peran::Realisasi).is_empty());
        let sept = mapping("Sheet1", &[("A2", "Bulan September Tahun 2024")]);
        assert_eq!(
            codes(&sept, Peran::Realisasi),
            ["wrong-period data/realisasi.xlsx › Sheet1 › A2"]
        );
        let old = mapping("Sheet1", &[("A2", "Bulan Desember Tahun 2023")]);
        assert_eq!(
            codes(&old, Peran::Realisasi),
            ["wrong-year data/realisasi.xlsx › Sheet1 › A2"]
        );
        // a title row saying 2023 is not outweighed by a sheet named 2024
        let mixed = mapping("Realisasi Desember 2024", &[("A2", "Bulan Desember Tahun 2023")]);
        assert_eq!(
            codes(&mixed, Peran::Realisasi),
            ["wrong-year data/realisasi.xlsx › Realisasi Desember 2024 › A2"]
        );
        // a print date names no report year
        let printed = mapping(
            "Sheet1",
            &[("A2", "Bulan Desember Tahun 2024"), ("A3", "Dicetak 13/01/2025")],
        );
        assert!(codes(&printed, Peran::Realisasi).is_empty());
        let stamped = mapping("Sheet1", &[("A2", "Tahun 2024"), ("A3", "15-01-2025 08:00")]);
        assert!(codes(&stamped, Peran::Realisasi).is_empty());
        // last year's report must be of last year
        assert!(codes(&old, Peran::RealisasiLalu).is_empty());
        assert_eq!(codes(&ok, Peran::RealisasiLalu).len(), 1);
        // FORM-RFK: `KONDISI S/D TGL.` and the date in the next cell
        let rfk = |date: &str| {
            mapping(
                "RFK",
                &[
                    ("A1", "REKAPITULASI LAPORAN REALISASI FISIK DAN KEUANGAN"),
                    ("A4", "KONDISI S/D TGL."),
                    ("C4", date),
                ],
            )
        };
        assert!(codes(&rfk(": 31-12-2024"), Peran::Realisasi).is_empty());
        assert_eq!(
            codes(&rfk(": 30-09-2024"), Peran::Realisasi),
            ["wrong-period data/realisasi.xlsx › RFK › C4"]
        );
        assert_eq!(
            codes(&rfk(": 31-12-2023"), Peran::Realisasi),
            ["wrong-year data/realisasi.xlsx › RFK › C4"]
        );
        assert!(codes(&rfk(": 31-12-2023"), Peran::RealisasiLalu).is_empty());
        // a signing date in the same place is no period: the form states
        // none, which cannot be checked and is said once, at the sheet
        let signed = mapping("RFK", &[("A4", "Tanggal"), ("C4", ": 15-01-2025")]);
        assert_eq!(
            codes(&signed, Peran::Realisasi),
            ["period-unstated data/realisasi.xlsx › RFK"]
        );
        let mut f = Findings::new();
        check(Peran::RealisasiLalu, &mapping("Sheet1", &[]), 2024, 4, &mut f);
        assert!(
            f.iter()
                .any(|x| x.code == "period-unstated" && x.message.contains("keadaan Desember 2023"))
        );
        // the Renja states no period either: nothing to say
        assert!(codes(&mapping("Sheet1", &[]), Peran::Renja).is_empty());
        let tw = mapping("TW III 2024", &[]);
        assert_eq!(
            codes(&tw, Peran::Realisasi),
            ["wrong-period data/realisasi.xlsx › TW III 2024"]
        );
        // the agency a title names
        let mut f = Findings::new();
        let own = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak";
        check_agency(&mapping("S", &[("A3", own)]), own, Some("DSPPPA"), &mut f);
        check_agency(
            &mapping("S", &[("A3", "SKPD : Dinas Sosial P3A")]),
            own,
            Some("DSPPPA"),
            &mut f,
        );
        check_agency(&mapping("S", &[("A3", "LAPORAN REALISASI")]), own, None, &mut f);
        assert!(f.is_empty(), "{f:?}");
        check_agency(
            &mapping("S", &[("A3", "Dinas Pendidikan dan Kebudayaan")]),
            own,
            Some("DSPPPA"),
            &mut f,
        );
        assert_eq!(f.iter().map(|x| x.code).collect::<Vec<_>>(), ["wrong-agency"]);
        // no year or month in the titles: nothing can be checked, which the
        // officer is told (a warning: the figures may well be December's)
        assert_eq!(
            codes(&mapping("Sheet1", &[("A1", "LAPORAN REALISASI")]), Peran::Realisasi),
            ["period-unstated data/realisasi.xlsx › Sheet1"]
        );
        // a Renja names its year; a span of years that includes it is fine
        assert!(codes(&mapping("Renja", &[("A3", "TAHUN 2024")]), Peran::Renja).is_empty());
        assert!(codes(&mapping("Renja", &[("A1", "RENSTRA 2021-2026")]), Peran::Renja).is_empty());
        assert_eq!(codes(&mapping("Renja", &[("A3", "TAHUN 2025")]), Peran::Renja).len(), 1);
    }
}
