//! Base: Indonesian display — amounts (`9.521.256.875`), percentages
//! (`92,31`), targets as the report prints them, numbers in words, roman
//! numerals, title case, dates (`4 Maret 2025`) and the text folds used to
//! compare and to quote. Every stage shows figures through these.

use crate::angka::round2;
use crate::config::parse_date;
use crate::model::target::Target;
use rust_decimal::Decimal;

/// Indonesian display of a percentage: half-up to two decimals, comma,
/// thousands grouped (`6.110,00`).
pub fn fmt_persen(d: Decimal) -> String {
    let r = round2(d);
    let s = format!("{r:.2}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, digits) = int.strip_prefix('-').map(|x| ("-", x)).unwrap_or(("", int));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    format!("{sign}{out},{frac}")
}

/// Indonesian display of an amount: `9.521.256.875` (decimals kept when
/// there are any: `1.234,5`).
pub fn fmt_rupiah(d: Decimal) -> String {
    let d = d.normalize();
    let neg = d.is_sign_negative() && !d.is_zero();
    let s = d.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    if neg { format!("-{out}") } else { out }
}

pub fn rp(d: Decimal) -> String {
    fmt_rupiah(d)
}

pub fn pct(d: Option<Decimal>) -> String {
    d.map(fmt_persen).unwrap_or_else(|| "-".to_string())
}

pub fn dash(s: &str) -> String {
    if s.trim().is_empty() {
        "-".to_string()
    } else {
        s.to_string()
    }
}

/// A target or realization as the report prints it: numbers with the
/// Indonesian decimal comma, the unit kept.
pub fn tampil(tg: &Target) -> String {
    match tg.nilai {
        Some(v) => {
            let num = if v.fract().is_zero() {
                rp(v)
            } else {
                v.normalize().to_string().replace('.', ",")
            };
            match &tg.satuan {
                Some(u) if u == "%" => format!("{num} %"),
                Some(u) => format!("{num} {u}"),
                None => num,
            }
        }
        None if tg.teks.is_empty() => "-".to_string(),
        None => tg.teks.clone(),
    }
}

/// A target and its realization as one row prints them: one unit
/// convention (`100 %` beside `100` typed without its sign prints `100 %`
/// twice) and one number of decimals (`78,8 %` beside `78,93` prints
/// `78,80 %` and `78,93 %`). Whole numbers stay whole; a text without a
/// number (`Madya`) is printed as typed.
pub fn pasangan(target: &Target, realisasi: &Target) -> (String, String) {
    let mut v = seragam(&[Some(target), Some(realisasi)]).into_iter();
    let (a, b) = (v.next().unwrap_or_default(), v.next().unwrap_or_default());
    (a, b)
}

/// Figures of one row (a target per year, a target and its realization)
/// with one number of decimals and one unit convention: the rule of
/// [`pasangan`] over any number of cells; an absent one prints `-`.
pub fn seragam(cells: &[Option<&Target>]) -> Vec<String> {
    let values: Vec<Decimal> = cells.iter().flatten().filter_map(|t| t.nilai).collect();
    let decimals = |v: Decimal| {
        if v.fract().is_zero() {
            0
        } else {
            v.normalize().scale().min(2)
        }
    };
    let d = values.iter().map(|v| decimals(*v)).max().unwrap_or(0);
    let any_percent = cells
        .iter()
        .flatten()
        .any(|t| t.nilai.is_some() && t.satuan.as_deref() == Some("%"));
    cells
        .iter()
        .map(|cell| {
            let Some(t) = cell else { return "-".to_string() };
            let Some(v) = t.nilai else { return tampil(t) };
            let num = if v.fract().is_zero() {
                rp(v)
            } else {
                format!("{:.*}", d as usize, v.round_dp(d)).replace('.', ",")
            };
            match t.satuan.as_deref() {
                Some(u) => format!("{num} {u}"),
                None if any_percent => format!("{num} %"),
                None => num,
            }
        })
        .collect()
}

pub fn opt_tampil(tg: Option<&Target>) -> String {
    tg.map(tampil).unwrap_or_else(|| "-".to_string())
}

/// `2` → `dua`; used as "2 (dua) indikator".
pub fn terbilang(x: usize) -> String {
    const S: [&str; 12] = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
    ];
    match x {
        0..=11 => S[x].to_string(),
        12..=19 => format!("{} belas", S[x - 10]),
        20..=99 => {
            let (p, r) = (x / 10, x % 10);
            if r == 0 {
                format!("{} puluh", S[p])
            } else {
                format!("{} puluh {}", S[p], S[r])
            }
        }
        _ => x.to_string(),
    }
}

pub fn fmt_num(d: Decimal) -> String {
    let d = d.normalize();
    d.to_string().replace('.', ",")
}

pub fn roman(x: usize) -> String {
    const R: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut x = x;
    let mut s = String::new();
    for (v, r) in R {
        while x >= v {
            s.push_str(r);
            x -= v;
        }
    }
    s
}

/// `PROGRAM PEMBERDAYAAN SOSIAL` → `Program Pemberdayaan Sosial`.
pub fn title_case(s: &str) -> String {
    /// Acronyms of program and kegiatan names that stay in capitals.
    const AKRONIM: &[&str] = &[
        "AIDS", "APBD", "APE", "ASN", "BPJS", "DAK", "HIV", "IDG", "KB", "KIE", "NAPZA", "OPD", "PHA", "PKH", "PMKS",
        "PPKS", "PPPA", "PSKS", "PUG", "RT", "RW", "SDM", "SKPD", "SPM", "TIK", "UMKM",
    ];
    let word = |w: &str| -> String {
        let lower = w.to_lowercase();
        if [
            "dan", "di", "ke", "dari", "pada", "yang", "untuk", "bagi", "atau", "dengan",
        ]
        .contains(&lower.as_str())
        {
            return lower;
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        // a figure, an acronym in brackets ("(PHA)"), a known acronym
        if w.chars().any(|c| c.is_ascii_digit())
            || (w.starts_with('(') && w.ends_with(')') && bare.chars().all(char::is_uppercase))
            || AKRONIM.contains(&bare)
        {
            return w.to_string();
        }
        let mut cs = lower.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
            None => String::new(),
        }
    };
    s.split_whitespace()
        .map(|w| {
            // "KABUPATEN/KOTA" → "Kabupaten/Kota": each part of a pair
            w.split('/').map(word).collect::<Vec<_>>().join("/")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn title_case_program(s: &str) -> String {
    if s.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) {
        title_case(s)
    } else {
        s.to_string()
    }
}

/// A list as a sentence says it: `a`, `a dan b`, `a, b dan c`.
pub fn join_dan<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [a] => a.as_ref().to_string(),
        [rest @ .., b] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} dan {}", rest.join(", "), b.as_ref())
        }
    }
}

/// A phrase set inside a sentence: its first letter in lower case
/// ("Meningkatnya …" → "meningkatnya …"), unless the first word is an
/// acronym ("IDG", "PMKS") or a name in capitals.
pub fn awal_kecil(s: &str) -> String {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

/// A NIP in the spaced form of BKN: `196908241990031004` → `19690824
/// 199003 1 004` (birth date, month of appointment, sex, number). Anything
/// that is not 18 digits (with or without spaces) is printed as typed.
pub fn nip(s: &str) -> String {
    let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.trim().to_string();
    }
    format!(
        "{} {} {} {}",
        &digits[..8],
        &digits[8..14],
        &digits[14..15],
        &digits[15..]
    )
}

/// A pangkat with its golongan/ruang as BKN writes it: `Pembina Utama Muda
/// / IV.c` → `Pembina Utama Muda (IV/c)`; `IV-c`, `IV c`, `IV/c` alike. A
/// text whose end is no golongan (I–IV and a ruang a–e) stays as typed.
pub fn pangkat(s: &str) -> String {
    let t = s.trim();
    let Some(ruang) = t
        .chars()
        .last()
        .filter(|c| ('a'..='e').contains(&c.to_ascii_lowercase()))
    else {
        return t.to_string();
    };
    let head = &t[..t.len() - 1];
    let head = head.strip_suffix(['.', '/', '-', ' ']).unwrap_or(head);
    let gol_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !matches!(c, 'I' | 'V'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let (rest, gol) = head.split_at(gol_start);
    let name = rest.trim_end().trim_end_matches(['/', ',', '-', '(']).trim_end();
    if !["I", "II", "III", "IV"].contains(&gol) || name.is_empty() || !rest.ends_with([' ', '/', ',', '(', '-']) {
        return t.to_string();
    }
    format!("{name} ({gol}/{})", ruang.to_ascii_lowercase())
}

/// `2025-03-04` → `4 Maret 2025`.
pub fn tanggal_indonesia(s: &str) -> Option<String> {
    const BULAN: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let (y, m, d) = parse_date(s)?;
    Some(format!("{d} {} {y}", BULAN[(m - 1) as usize]))
}

/// A value shortened for a message: 50 characters and `…`.
pub fn short(s: &str) -> String {
    let t: String = s.chars().take(50).collect();
    if s.chars().count() > 50 { format!("{t}…") } else { t }
}

/// Text compared by words: one space between words, upper case.
pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_target_and_its_realization_share_unit_and_decimals() {
        let t = crate::ingest::cell::parse_target_line;
        let p = |a: &str, b: &str| pasangan(&t(a), &t(b));
        assert_eq!(p("100 %", "100"), ("100 %".into(), "100 %".into()));
        assert_eq!(p("78,8 %", "78,93"), ("78,80 %".into(), "78,93 %".into()));
        assert_eq!(p("3,2", "3,18"), ("3,20".into(), "3,18".into()));
        assert_eq!(p("100 %", "99,5 %"), ("100 %".into(), "99,5 %".into()));
        assert_eq!(p("6 Dokumen", "6 Dok"), ("6 Dokumen".into(), "6 Dok".into()));
        assert_eq!(p("Pratama", "Madya"), ("Pratama".into(), "Madya".into()));
        assert_eq!(p("0,5", "30,55"), ("0,50".into(), "30,55".into()));
    }

    #[test]
    fn golongan_in_bkn_form() {
        assert_eq!(pangkat("Pembina Utama Muda / IV.c"), "Pembina Utama Muda (IV/c)");
        assert_eq!(pangkat("Penata Tingkat I, III/d"), "Penata Tingkat I (III/d)");
        assert_eq!(pangkat("Pembina (IV/a)"), "Pembina (IV/a)");
        assert_eq!(pangkat("Pembina IV-a"), "Pembina (IV/a)");
        // not a golongan at the end: as typed
        assert_eq!(pangkat("Pembina Utama Muda"), "Pembina Utama Muda");
        assert_eq!(pangkat("IV/c"), "IV/c");
        assert_eq!(pangkat("Penata Muda Tingkat I"), "Penata Muda Tingkat I");
        assert_eq!(pangkat(""), "");
    }

    /// The example's NIP (lkjip.toml), as the reference prints it on its
    /// Perjanjian Kinerja (l. 3917: "NIP. 19690824 199003 1 004").
    #[test]
    fn a_nip_is_spaced_as_bkn_prints_it() {
        assert_eq!(super::nip("196908241990031004"), "19690824 199003 1 004");
        assert_eq!(super::nip("19690824 199003 1 004"), "19690824 199003 1 004");
        // not a NIP of 18 digits: as typed
        assert_eq!(super::nip("-"), "-");
        assert_eq!(super::nip("1969082419900310"), "1969082419900310");
    }

    #[test]
    fn lists_are_joined_with_dan() {
        assert_eq!(join_dan::<&str>(&[]), "");
        assert_eq!(join_dan(&["I"]), "I");
        assert_eq!(join_dan(&["I", "II"]), "I dan II");
        assert_eq!(join_dan(&["I", "II", "III"]), "I, II dan III");
    }

    #[test]
    fn a_phrase_inside_a_sentence_starts_in_lower_case_unless_an_acronym() {
        assert_eq!(
            super::awal_kecil("Meningkatnya kesejahteraan PMKS"),
            "meningkatnya kesejahteraan PMKS"
        );
        assert_eq!(super::awal_kecil("IDG Kabupaten"), "IDG Kabupaten");
        assert_eq!(super::awal_kecil(""), "");
    }

    #[test]
    fn program_names_keep_their_acronyms_and_pairs() {
        assert_eq!(
            super::title_case_program("PROGRAM PEMENUHAN HAK ANAK (PHA)"),
            "Program Pemenuhan Hak Anak (PHA)"
        );
        assert_eq!(
            super::title_case_program("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
        );
        assert_eq!(
            super::title_case_program("PENYEDIAAN LAYANAN BAGI PMKS DAN ASN"),
            "Penyediaan Layanan bagi PMKS dan ASN"
        );
        // written in mixed case: left as the officer wrote it
        assert_eq!(
            super::title_case_program("Program Kb dan (pha)"),
            "Program Kb dan (pha)"
        );
    }

    use super::*;
    use std::str::FromStr;

    #[test]
    fn displayed_numbers() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(fmt_persen(d("92.30612")), "92,31");
        assert_eq!(fmt_persen(d("71.905")), "71,91", "half up");
        assert_eq!(fmt_persen(d("6110")), "6.110,00");
        assert_eq!(fmt_persen(d("-1758")), "-1.758,00");
        assert_eq!(fmt_persen(d("0")), "0,00");
        assert_eq!(fmt_rupiah(d("9521256875")), "9.521.256.875");
        assert_eq!(fmt_rupiah(d("10314852053.00")), "10.314.852.053");
        assert_eq!(fmt_rupiah(d("-242280000")), "-242.280.000");
        assert_eq!(fmt_rupiah(d("999")), "999");
        assert_eq!(fmt_rupiah(d("1234.5")), "1.234,5");
        assert_eq!(
            crate::angka::persen(d("321623110"), d("348934400")).map(round2),
            Some(d("92.17"))
        );
        assert_eq!(tanggal_indonesia("2025-03-04").as_deref(), Some("4 Maret 2025"));
        assert_eq!(tanggal_indonesia("2025-02-30"), None);
    }
}
