//! Parsers for the values found in cells of real exports: Indonesian number
//! text, amounts with `Rp`, percentages, targets with units, split and
//! joined codes. Pure functions, so each tolerance is unit-tested here.

use crate::model::{Kode, Target};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A cell value as the importers see it (calamine's `Data`, simplified).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A number in a cell formatted as percent (`0.00%`): Excel stores the
    /// fraction (`0.9762`) and shows it ×100 (`97,62%`); the importers read
    /// what the officer sees. Only `.xlsx` tells the format (calamine gives
    /// no styles of `.xls`): there a fraction arrives as a plain number.
    Percent(f64),
    Bool(bool),
    /// An Excel error value such as `#REF!`.
    Error(String),
    /// A date or time (Excel serial number or ISO text).
    Date(String),
    /// A formula whose value was never computed and stored (a workbook
    /// written by a program, not saved by Excel): it is no figure at all.
    Uncached(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as display text (numbers in their shortest exact form).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => float_text(*n),
            Cell::Percent(f) => match percent_shown(*f) {
                Some(d) => format!("{d}%"),
                None => float_text(*f),
            },
            Cell::Bool(b) => b.to_string(),
            Cell::Error(e) => e.clone(),
            Cell::Date(d) => d.clone(),
            Cell::Uncached(_) => String::new(),
        }
    }

    /// What the officer would see, quoted, for messages.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => "sel kosong".to_string(),
            Cell::Uncached(f) => format!(
                "rumus ={} tanpa nilai tersimpan (buka berkasnya di Excel atau LibreOffice lalu simpan ulang agar nilainya dihitung)",
                truncate(f, 60)
            ),
            _ => format!("\"{}\"", truncate(&self.text(), 60)),
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n).collect();
        format!("{t}…")
    }
}

/// Shortest text that round-trips the float (Rust's `Display` guarantees it),
/// so `0.9169` stays `0.9169` and `4946864271.0` becomes `4946864271`.
pub fn float_text(f: f64) -> String {
    let s = format!("{f}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The largest magnitude read from a cell: 10^18 (a thousand times a
/// national budget in rupiah). Anything larger is not a figure of a report,
/// and bounding it keeps every sum of up to a million rows exact.
pub fn max_magnitude() -> Decimal {
    Decimal::from(1_000_000_000_000_000_000u64)
}

fn bounded(d: Decimal) -> Option<Decimal> {
    (d.abs() <= max_magnitude()).then_some(d)
}

/// A float from a numeric cell as an exact decimal (via its shortest text).
pub fn decimal_from_f64(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    Decimal::from_str(&float_text(f))
        .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
        .ok()
        .and_then(bounded)
}

/// The value a percent-formatted cell shows: the stored fraction ×100,
/// exact (`0.9762` → `97.62`, not `97.61999999999999`).
pub fn percent_shown(fraction: f64) -> Option<Decimal> {
    decimal_from_f64(fraction)
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .and_then(bounded)
        .map(|d| d.normalize())
}

/// Whether an Excel number format shows its value as a percentage: a `%`
/// outside quoted text and not escaped (`0.00%`, `0%`, `#,##0.0 %`; not
/// `0 "%"` or `0\%`, which print a literal sign after the plain number).
pub fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// Why a cell could not be read as what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What was expected, in the officer's words ("nilai rupiah").
    pub expected: &'static str,
    pub found: String,
}

/// Parses Indonesian (and, where unambiguous, US) number text:
/// `8.579.368.613,00`, `92,31`, `0.5`, `6,110.00`, `4885.000`, `-5,01`, `(1.000)`.
///
/// Rules: with both separators, the later one is the decimal mark; several
/// dots or several commas are thousands separators; a single comma is the
/// decimal mark; a single dot followed by exactly three digits is a thousands
/// separator (Indonesian convention), otherwise a decimal point.
pub fn parse_number_text(raw: &str) -> Option<Decimal> {
    parse_number_text_unbounded(raw).and_then(bounded)
}

fn parse_number_text_unbounded(raw: &str) -> Option<Decimal> {
    let mut s: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if s.is_empty() {
        return None;
    }
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        negative = true;
        s = s[1..s.len() - 1].to_string();
    }
    if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        negative = !negative;
        s = rest.to_string();
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    if !s.chars().next().is_some_and(|c| c.is_ascii_digit()) || !s.chars().last().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let normalized = if dots > 0 && commas > 0 {
        let last_dot = s.rfind('.').unwrap_or(0);
        let last_comma = s.rfind(',').unwrap_or(0);
        if last_comma > last_dot {
            if commas > 1 {
                return None;
            }
            s.replace('.', "").replace(',', ".")
        } else {
            if dots > 1 {
                return None;
            }
            s.replace(',', "")
        }
    } else if commas > 1 {
        if !groups_of_three(&s, ',') {
            return None;
        }
        s.replace(',', "")
    } else if commas == 1 {
        s.replace(',', ".")
    } else if dots > 1 {
        if !groups_of_three(&s, '.') {
            return None;
        }
        s.replace('.', "")
    } else if dots == 1 {
        let after = s.len() - s.find('.').unwrap_or(0) - 1;
        if after == 3 { s.replace('.', "") } else { s }
    } else {
        s
    };
    let d = Decimal::from_str(&normalized).ok()?;
    Some(if negative { -d } else { d })
}

fn groups_of_three(s: &str, sep: char) -> bool {
    let parts: Vec<&str> = s.split(sep).collect();
    parts.len() > 1 && !parts[0].is_empty() && parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3)
}

/// True for the cells exports use to mean "nothing": empty, `-`, `–`, `n/a`.
pub fn is_nil_text(t: &str) -> bool {
    matches!(
        t.trim(),
        "" | "-" | "–" | "—" | "n/a" | "N/A" | "-,-" | "Rp -" | "Rp. -" | "Rp-"
    )
}

/// An amount of money. Numbers are taken as they are; text may carry `Rp`,
/// `Rp.`, a trailing `,-` and Indonesian separators. Empty and `-` are `None`.
pub fn parse_amount(cell: &Cell) -> Result<Option<Decimal>, ParseError> {
    let err = || ParseError {
        expected: "nilai rupiah",
        found: cell.shown(),
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(f) => decimal_from_f64(*f).map(|d| Some(d.normalize())).ok_or_else(err),
        Cell::Text(t) => {
            let t = t.trim();
            if is_nil_text(t) {
                return Ok(None);
            }
            let mut s = t.to_string();
            for prefix in ["Rp.", "RP.", "rp.", "Rp", "RP", "rp", "IDR"] {
                if let Some(rest) = s.trim_start().strip_prefix(prefix) {
                    s = rest.to_string();
                    break;
                }
            }
            let s = s.trim().trim_end_matches(",-").trim_end_matches(".-").trim();
            if is_nil_text(s) {
                return Ok(None);
            }
            // `78,000` in an English export is seventy-eight thousand: a
            // rupiah amount has at most two decimals, so one comma followed
            // by exactly three digits can only group thousands (the text
            // reader alone would take it for 78)
            let english_thousands = match s.split_once(',') {
                Some((int, frac)) => {
                    !s.contains('.')
                        && !frac.contains(',')
                        && frac.len() == 3
                        && frac.chars().all(|c| c.is_ascii_digit())
                        && (1..=3).contains(&int.trim_start_matches('-').len())
                }
                None => false,
            };
            let s = if english_thousands {
                s.replace(',', "")
            } else {
                s.to_string()
            };
            match parse_number_text(&s).map(|d| d.normalize()) {
                // rupiah carry at most two decimals: more is a typo (`12,046.619`)
                Some(d) if d.scale() <= 2 => Ok(Some(d)),
                _ => Err(err()),
            }
        }
        _ => Err(err()),
    }
}

/// A plain number (counts such as "jumlah yang harus dilayani").
pub fn parse_number(cell: &Cell) -> Result<Option<Decimal>, ParseError> {
    let err = || ParseError {
        expected: "angka",
        found: cell.shown(),
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(f) => decimal_from_f64(*f).map(|d| Some(d.normalize())).ok_or_else(err),
        Cell::Percent(f) => percent_shown(*f).map(Some).ok_or_else(err),
        Cell::Text(t) if is_nil_text(t) => Ok(None),
        Cell::Text(t) => parse_number_text(t).map(|d| Some(d.normalize())).ok_or_else(err),
        _ => Err(err()),
    }
}

/// A percentage as printed: `92,31`, `92,31%`, `97.40 %`, `100 %`.
///
/// A percent-formatted cell ([`Cell::Percent`]) is read as it shows
/// (`0.9231` in a `0.00%` cell is 92,31). A plain number is returned as it
/// is: in an `.xls`, or typed as a fraction in a General cell, `0.9231` may
/// still mean 92,31 %, so callers compare both readings with what they
/// recompute (see [`closest_percent`]).
pub fn parse_percent(cell: &Cell) -> Result<Option<Decimal>, ParseError> {
    let err = || ParseError {
        expected: "persentase",
        found: cell.shown(),
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(f) => decimal_from_f64(*f).map(|d| Some(d.normalize())).ok_or_else(err),
        Cell::Percent(f) => percent_shown(*f).map(Some).ok_or_else(err),
        Cell::Text(t) => {
            let t = t.trim();
            if is_nil_text(t) {
                return Ok(None);
            }
            let s = t.trim_end_matches('%').trim();
            parse_number_text(s).map(|d| Some(d.normalize())).ok_or_else(err)
        }
        _ => Err(err()),
    }
}

/// Of a printed percentage read as-is and read as a fraction (×100), the one
/// nearer to `expected`. Exports store `92,31 %` either as text or as the
/// number 0.9231 formatted as percent; only the comparison can tell.
pub fn closest_percent(printed: Decimal, expected: Decimal) -> Decimal {
    if printed.abs() > Decimal::new(15, 1) {
        return printed;
    }
    let as_fraction = printed * Decimal::ONE_HUNDRED;
    match (as_fraction.checked_sub(expected), printed.checked_sub(expected)) {
        (Some(a), Some(b)) if a.abs() < b.abs() => as_fraction,
        _ => printed,
    }
}

/// Reads a target cell. Several lines yield several targets (`None` lines
/// that are empty are dropped). `-` and empty yield an empty list.
pub fn parse_targets(cell: &Cell) -> Vec<Target> {
    match cell {
        Cell::Number(f) => decimal_from_f64(*f)
            .map(|d| {
                vec![Target {
                    teks: float_text(*f),
                    nilai: Some(d.normalize()),
                    satuan: None,
                    tingkat: None,
                }]
            })
            .unwrap_or_default(),
        // as typed: `97,62%` is 97,62 with the unit %
        Cell::Percent(f) => percent_shown(*f)
            .map(|d| {
                vec![Target {
                    teks: format!("{} %", crate::tampil::fmt_num(d)),
                    nilai: Some(d),
                    satuan: Some("%".to_string()),
                    tingkat: None,
                }]
            })
            .unwrap_or_default(),
        Cell::Text(t) => t
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !is_nil_text(l))
            .map(parse_target_line)
            .collect(),
        _ => Vec::new(),
    }
}

/// The first target of a cell (most cells hold one).
pub fn parse_target(cell: &Cell) -> Target {
    parse_targets(cell).into_iter().next().unwrap_or_default()
}

/// `"6 Dokumen"` → 6 + `Dokumen`; `"98,79 %"` → 98.79 + `%`; `"Madya"` → level.
pub fn parse_target_line(line: &str) -> Target {
    let teks = line.split_whitespace().collect::<Vec<_>>().join(" ");
    // The longest leading run of number characters that parses.
    let chars: Vec<(usize, char)> = teks.char_indices().collect();
    let mut end = 0;
    for (i, c) in &chars {
        if c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '−' | '+') {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let mut best: Option<(usize, Decimal)> = None;
    let mut cut = end;
    while cut > 0 {
        if teks.is_char_boundary(cut)
            && let Some(d) = parse_number_text(&teks[..cut])
        {
            best = Some((cut, d));
            break;
        }
        cut -= 1;
    }
    match best {
        Some((cut, d)) => {
            let unit = teks[cut..].trim();
            Target {
                nilai: Some(d.normalize()),
                satuan: if unit.is_empty() { None } else { Some(unit.to_string()) },
                tingkat: None,
                teks,
            }
        }
        None => Target {
            tingkat: if teks.is_empty() { None } else { Some(teks.clone()) },
            teks,
            nilai: None,
            satuan: None,
        },
    }
}

/// Reads a code from one cell or from several split cells (`1 | 06 | 02 |
/// 2.03 | 0002`, `2 01`), with or without trailing dots. Returns `None` when
/// the text is not a code (a name, a row number like `1.` next to a code is
/// handled by the caller).
pub fn parse_kode(parts: &[String]) -> Option<Kode> {
    let mut segs: Vec<String> = Vec::new();
    for p in parts {
        let p = without_hyphen(p)?;
        for s in p.split(|c: char| c == '.' || c.is_whitespace()) {
            let s = s.trim();
            if s.is_empty() {
                continue;
            }
            if !s.chars().all(|c| c.is_ascii_digit() || c == 'X' || c == 'x') {
                return None;
            }
            segs.push(s.to_ascii_uppercase());
        }
    }
    // shapes: u, u.bb, u.bb.pp, u.bb.pp.2.kk, u.bb.pp.2.kk.ssss
    let widths: &[usize] = match segs.len() {
        1 => &[1],
        2 => &[1, 2],
        3 => &[1, 2, 2],
        5 => &[1, 2, 2, 1, 2],
        6 => &[1, 2, 2, 1, 2, 4],
        _ => return None,
    };
    let mut out = Vec::with_capacity(segs.len());
    for (s, w) in segs.iter().zip(widths) {
        if s.len() > *w {
            return None;
        }
        let pad = if s.chars().all(|c| c == 'X') { "X" } else { "0" };
        out.push(format!("{}{}", pad.repeat(w - s.len()), s));
    }
    Some(Kode(out.join(".")))
}

/// Like [`parse_kode`] on one text. The pre-2021 shape with a hyphen
/// between the bidang urusan and the program (`2.16-02.2.01.06`, still in
/// older Renja and DPA prints) reads as `2.16.02.2.01.0006`; any other
/// hyphen is no code.
pub fn parse_kode_text(text: &str) -> Option<Kode> {
    let t = text.trim().trim_end_matches('.');
    if t.is_empty() || !t.contains(|c: char| c.is_ascii_digit() || c == 'X') {
        return None;
    }
    parse_kode(&[t.to_string()])
}

/// `2.16-02.2.01.06` → `2.16.02.2.01.06`: the hyphen of the pre-2021 shape,
/// after a bidang urusan `u.bb` and before a digit; `None` for any other
/// hyphen (a range, a date).
fn without_hyphen(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let Some((bidang, rest)) = text.trim().split_once('-') else {
        return Some(std::borrow::Cow::Borrowed(text));
    };
    let shaped = matches!(bidang.split_once('.'), Some((u, bb))
        if u.len() == 1 && bb.len() == 2 && u.chars().chain(bb.chars()).all(|c| c.is_ascii_digit()));
    (shaped && rest.starts_with(|c: char| c.is_ascii_digit()) && !rest.contains('-'))
        .then(|| std::borrow::Cow::Owned(format!("{bidang}.{rest}")))
}

/// A code at the start of a name (`1.06.01.2.01.0001 Penyusunan Dokumen …`:
/// SIPD exports and KUA-PPAS tables that print both in one cell): the code
/// and the name after it. A first word without a dot (`1 URUSAN …`, a row
/// number) is not taken for a code.
pub fn split_code_name(text: &str) -> Option<(Kode, String)> {
    let t = text.trim();
    let (head, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let head = head.trim_end_matches('.');
    if !head.contains('.') {
        return None;
    }
    let kode = parse_kode_text(head)?;
    let name = rest.trim().trim_start_matches(['-', '–', ':']).trim();
    Some((kode, name.to_string()))
}

/// Column letters for a zero-based column index (0 → A, 26 → AA).
pub fn column_name(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'A' + (col % 26) as u8) as char);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.iter().rev().collect()
}

/// An A1 reference for zero-based absolute row and column.
pub fn cell_ref(row: u32, col: u32) -> String {
    format!("{}{}", column_name(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("a decimal")
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    /// SIPD exports print code and name in one cell (NTB format-import.xlsx:
    /// `1.01.01.1.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah`).
    #[test]
    fn a_code_at_the_start_of_a_name_is_split_off() {
        let (k, n) = split_code_name("1.06.01.2.01.0001 Penyusunan Dokumen Perencanaan").unwrap();
        assert_eq!(k.to_string(), "1.06.01.2.01.0001");
        assert_eq!(n, "Penyusunan Dokumen Perencanaan");
        let (k, n) = split_code_name("  X.XX.01 - PROGRAM PENUNJANG").unwrap();
        assert_eq!(k.to_string(), "X.XX.01");
        assert_eq!(n, "PROGRAM PENUNJANG");
        let (k, n) = split_code_name("1.06.02.").unwrap();
        assert_eq!(k.to_string(), "1.06.02");
        assert_eq!(n, "");
        // a row number, an urusan heading, a plain name, a date: no code
        for t in [
            "1 URUSAN PEMERINTAHAN WAJIB",
            "1. Program",
            "Belanja Pegawai",
            "31.12.2024 dicetak",
            "JUMLAH",
        ] {
            assert!(split_code_name(t).is_none(), "{t}");
        }
    }

    #[test]
    fn indonesian_number_text() {
        assert_eq!(parse_number_text("8.579.368.613,00"), Some(d("8579368613.00")));
        assert_eq!(parse_number_text("92,31"), Some(d("92.31")));
        assert_eq!(parse_number_text("0.5"), Some(d("0.5")));
        assert_eq!(parse_number_text("97.40"), Some(d("97.40")));
        assert_eq!(parse_number_text("6,110.00"), Some(d("6110.00")));
        assert_eq!(parse_number_text("4885.000"), Some(d("4885000")));
        assert_eq!(parse_number_text("-80.632.669.271,00"), Some(d("-80632669271.00")));
        assert_eq!(parse_number_text("(1.000)"), Some(d("-1000")));
        assert_eq!(parse_number_text("1,234,567"), Some(d("1234567")));
        assert_eq!(parse_number_text("12,046.619"), Some(d("12046.619")));
        assert_eq!(
            parse_number_text("391.808.9722"),
            None,
            "a group of four digits is a typo"
        );
        assert_eq!(parse_number_text("htb"), None);
        assert_eq!(parse_number_text(""), None);
        assert_eq!(parse_number_text("1.2.3"), None);
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount(&text("Rp. 1.000.000,-")), Ok(Some(d("1000000"))));
        assert_eq!(parse_amount(&text("8.579.368.613,00")), Ok(Some(d("8579368613"))));
        assert_eq!(parse_amount(&text("4885.000")), Ok(Some(d("4885000"))));
        assert_eq!(parse_amount(&text("-")), Ok(None));
        assert_eq!(parse_amount(&text("Rp -")), Ok(None));
        assert_eq!(parse_amount(&Cell::Empty), Ok(None));
        assert_eq!(parse_amount(&Cell::Number(4946864271.0)), Ok(Some(d("4946864271"))));
        // English separators, as some Pemda web apps export
        assert_eq!(parse_amount(&text("Rp. 78,000,000")), Ok(Some(d("78000000"))));
        assert_eq!(parse_amount(&text("78,000")), Ok(Some(d("78000"))));
        assert_eq!(parse_amount(&text("1,004,422,800")), Ok(Some(d("1004422800"))));
        assert_eq!(parse_amount(&text("78,50")), Ok(Some(d("78.5"))));
        assert_eq!(parse_amount(&text("78.000")), Ok(Some(d("78000"))));
        let e = parse_amount(&text("Rp abc")).unwrap_err();
        assert_eq!(e.expected, "nilai rupiah");
        assert_eq!(e.found, "\"Rp abc\"");
        assert!(parse_amount(&Cell::Error("#REF!".into())).is_err());
        assert!(parse_amount(&text("12,046.619")).is_err());
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent(&text("92,31")), Ok(Some(d("92.31"))));
        assert_eq!(parse_percent(&text("92,31%")), Ok(Some(d("92.31"))));
        assert_eq!(parse_percent(&text("97.40 %")), Ok(Some(d("97.40"))));
        assert_eq!(parse_percent(&text("100 %")), Ok(Some(d("100"))));
        assert_eq!(parse_percent(&Cell::Number(0.9231)), Ok(Some(d("0.9231"))));
        // typed `97,62%` in Excel: stored 0.9762 in a `0.00%` cell
        assert_eq!(parse_percent(&Cell::Percent(0.9762)), Ok(Some(d("97.62"))));
        assert_eq!(parse_number(&Cell::Percent(0.9762)), Ok(Some(d("97.62"))));
        let t = parse_target(&Cell::Percent(0.9762));
        assert_eq!(
            (t.teks.as_str(), t.nilai, t.satuan.as_deref()),
            ("97,62 %", Some(d("97.62")), Some("%"))
        );
        assert_eq!(Cell::Percent(0.9762).text(), "97.62%");
        // a rupiah amount shown as a percentage is not guessed at
        assert!(parse_amount(&Cell::Percent(0.5)).is_err());
        for (code, yes) in [
            ("0.00%", true),
            ("0%", true),
            ("#,##0.0 %", true),
            ("0 \"%\"", false),
            ("0\\%", false),
            ("General", false),
            ("#,##0", false),
        ] {
            assert_eq!(is_percent_format(code), yes, "{code}");
        }
        // a percent-formatted cell holds a fraction: compare both readings
        assert_eq!(closest_percent(d("0.9231"), d("92.3068")), d("92.3100"));
        assert_eq!(closest_percent(d("92.31"), d("92.3068")), d("92.31"));
        assert_eq!(closest_percent(d("0"), d("0")), d("0"));
    }

    #[test]
    fn targets_with_units() {
        let t = parse_target_line("6 Dokumen");
        assert_eq!((t.nilai, t.satuan.as_deref()), (Some(d("6")), Some("Dokumen")));
        let t = parse_target_line("29 Orang/bulan");
        assert_eq!((t.nilai, t.satuan.as_deref()), (Some(d("29")), Some("Orang/bulan")));
        let t = parse_target_line("98,79 %");
        assert_eq!((t.nilai, t.satuan.as_deref()), (Some(d("98.79")), Some("%")));
        let t = parse_target_line("98.79%");
        assert_eq!((t.nilai, t.satuan.as_deref()), (Some(d("98.79")), Some("%")));
        let t = parse_target_line("Madya");
        assert_eq!((t.nilai, t.tingkat.as_deref()), (None, Some("Madya")));
        let t = parse_target_line("8740 keluarga");
        assert_eq!(t.nilai, Some(d("8740")));
        let t = parse_target_line("-5,01");
        assert_eq!(t.nilai, Some(d("-5.01")));
        let both = parse_targets(&text("6 Dokumen\n100 %"));
        assert_eq!(both.len(), 2);
        assert_eq!(both[1].satuan.as_deref(), Some("%"));
        assert!(parse_targets(&text("-")).is_empty());
        assert_eq!(parse_target(&Cell::Number(0.5)).nilai, Some(d("0.5")));
    }

    #[test]
    fn codes_split_and_joined() {
        let k = |s: &[&str]| parse_kode(&s.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(k(&["1.06.02.2.03.0002"]), Some(Kode("1.06.02.2.03.0002".into())));
        assert_eq!(
            k(&["1", "06", "02", "2.03", "0002"]),
            Some(Kode("1.06.02.2.03.0002".into()))
        );
        assert_eq!(
            k(&["1", "06", "02", "2 03", "02"]),
            Some(Kode("1.06.02.2.03.0002".into()))
        );
        assert_eq!(k(&["1.06.02."]), Some(Kode("1.06.02".into())));
        assert_eq!(k(&["X.XX.01.2.01.0001"]), Some(Kode("X.XX.01.2.01.0001".into())));
        assert_eq!(k(&["1", "6"]), Some(Kode("1.06".into())));
        assert_eq!(k(&["Program"]), None);
        assert_eq!(k(&["1.06.02.2"]), None);
        assert_eq!(parse_kode_text("1."), Some(Kode("1".into())));
        assert_eq!(parse_kode_text("Total"), None);
        // the hyphen after the bidang urusan, two-digit sub kegiatan
        assert_eq!(
            parse_kode_text("2.16-02.2.01.06"),
            Some(Kode("2.16.02.2.01.0006".into()))
        );
        assert_eq!(parse_kode_text("1.06-01"), Some(Kode("1.06.01".into())));
        assert_eq!(
            parse_kode_text("1.01.01.1.01.01"),
            Some(Kode("1.01.01.1.01.0001".into()))
        );
        // no other hyphen is a code: a range, a date, two hyphens
        assert_eq!(parse_kode_text("2021-2026"), None);
        assert_eq!(parse_kode_text("31.12-2024"), None);
        assert_eq!(parse_kode_text("1.06-02-2.01"), None);
        assert_eq!(parse_kode_text("1.06-"), None);
    }

    #[test]
    fn code_levels_parents_and_match_keys() {
        let k = Kode("1.06.02.2.03.0002".into());
        assert_eq!(k.level(), Level::SubKegiatan);
        assert_eq!(k.parent(), Some(Kode("1.06.02.2.03".into())));
        assert_eq!(Kode("1.06.02.2.03".into()).parent(), Some(Kode("1.06.02".into())));
        assert_eq!(Kode("1.06.01.2.01.0001".into()).match_key(), "X.XX.01.2.01.0001");
        assert_eq!(Kode("0.00.01.2.01.0001".into()).match_key(), "X.XX.01.2.01.0001");
        assert_eq!(Kode("X.XX.01".into()).match_key(), "X.XX.01");
        assert_eq!(Kode("1.06.02".into()).match_key(), "1.06.02");
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(22, 5), "F23");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
