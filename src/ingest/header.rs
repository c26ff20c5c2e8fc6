//! Finding a table by its header text, not by fixed rows and columns:
//! title rows above it, headers merged over two to four rows, a numbering row
//! under it, and page-break repeats of the header inside the table.

use super::workbook::Sheet;
use crate::tampil::normalize;
use std::collections::BTreeMap;

/// What one column's header must say.
#[derive(Clone, Copy, Debug)]
pub struct ColumnSpec {
    pub key: &'static str,
    /// Alternatives; one matches when all its words occur in the column's
    /// combined header text (upper case).
    pub any: &'static [&'static [&'static str]],
    /// Words that must not occur.
    pub none: &'static [&'static str],
    pub required: bool,
    /// Take every matching column (split codes, several budget columns).
    pub multi: bool,
    /// How the column is named to the officer when it is missing.
    pub label: &'static str,
}

impl ColumnSpec {
    fn matches(&self, text: &str) -> bool {
        !self.none.iter().any(|w| text.contains(w)) && self.any.iter().any(|alt| alt.iter().all(|w| text.contains(w)))
    }
}

/// Shorthand for a required single column.
pub const fn req(key: &'static str, any: &'static [&'static [&'static str]], label: &'static str) -> ColumnSpec {
    ColumnSpec {
        key,
        any,
        none: &[],
        required: true,
        multi: false,
        label,
    }
}

/// A single column with words that must not occur in its header.
pub const fn col(
    key: &'static str,
    any: &'static [&'static [&'static str]],
    none: &'static [&'static str],
    required: bool,
    label: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        key,
        any,
        none,
        required,
        multi: false,
        label,
    }
}

/// Shorthand for an optional single column.
pub const fn opt(key: &'static str, any: &'static [&'static [&'static str]], label: &'static str) -> ColumnSpec {
    ColumnSpec {
        key,
        any,
        none: &[],
        required: false,
        multi: false,
        label,
    }
}

/// A header found in a sheet.
#[derive(Debug, Clone)]
pub struct Header {
    pub first_row: u32,
    pub last_row: u32,
    /// First row after the header (and after its numbering row).
    pub data_start: u32,
    columns: BTreeMap<&'static str, Vec<u32>>,
    /// Every column whose header matched a single-column field, in sheet
    /// order (the chosen one among them): a header group over a blank
    /// column (`REALISASI` over `5 | 6`) offers two.
    candidates: BTreeMap<&'static str, Vec<u32>>,
    /// The combined header text of each column (`REALISASI / TOTAL REALISASI`).
    texts: Vec<String>,
    /// Fields whose column the officer fixed in `lkjip.toml`.
    fixed: Vec<&'static str>,
    /// The header rows' own cell texts, to recognise page-break repeats.
    rows: Vec<Vec<(u32, String)>>,
    /// Labels of required columns that were not found.
    pub missing: Vec<&'static str>,
    /// No code anywhere: the rows are matched to the Renja by name
    /// (FORM-RFK, `ingest::nama`).
    pub kode_menurut_nama: bool,
    pub required_found: usize,
    pub optional_found: usize,
}

impl Header {
    pub fn col(&self, key: &str) -> Option<u32> {
        self.columns.get(key).and_then(|v| v.first().copied())
    }

    pub fn cols(&self, key: &str) -> &[u32] {
        self.columns.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Fixes the column of `spec` (an officer's `[kolom.*]`): it is read
    /// whatever its header says, and no longer missing.
    pub fn fix(&mut self, spec: &ColumnSpec, col: u32) {
        if !self.columns.contains_key(spec.key) {
            if spec.required {
                self.required_found += 1;
            } else {
                self.optional_found += 1;
            }
        }
        self.missing.retain(|l| *l != spec.label);
        self.columns.insert(spec.key, vec![col]);
        self.candidates.remove(spec.key);
        self.fixed.push(spec.key);
    }

    /// Reads the code from the start of the name column `col` (a layout
    /// with no code column: `1.06.01 Program …` in one cell).
    pub fn code_in_name(&mut self, spec: &ColumnSpec, col: u32) {
        if !self.columns.contains_key(spec.key) && spec.required {
            self.required_found += 1;
        }
        self.missing.retain(|l| *l != spec.label);
        self.columns.insert(spec.key, vec![col]);
        self.candidates.remove(spec.key);
    }

    /// Takes the codes from the Renja by the rows' names (no code column,
    /// no code in the name column).
    pub fn codes_by_name(&mut self, spec: &ColumnSpec) {
        self.missing.retain(|l| *l != spec.label);
        self.kode_menurut_nama = true;
    }

    /// Whether the code is read from the name column `name_key` (found so,
    /// or fixed so by the officer): the reader splits the cell.
    pub fn code_in_name_of(&self, name_key: &str) -> bool {
        let kode = self.cols("kode");
        kode.len() == 1 && self.col(name_key) == Some(kode[0])
    }

    /// Whether the column of `key` was fixed by the officer.
    pub fn is_fixed(&self, key: &str) -> bool {
        self.fixed.contains(&key)
    }

    /// The other columns whose header also matched the field `key`.
    pub fn others(&self, key: &str) -> Vec<u32> {
        let chosen = self.col(key);
        self.candidates
            .get(key)
            .map(|v| v.iter().copied().filter(|c| Some(*c) != chosen).collect())
            .unwrap_or_default()
    }

    /// The combined header text of column `col`, as matched.
    pub fn text(&self, col: u32) -> &str {
        self.texts.get(col as usize).map(String::as_str).unwrap_or("")
    }

    /// A column as messages name it: its letter and header (`E ("REALISASI / RP")`).
    pub fn named(&self, col: u32) -> String {
        format!("{} (\"{}\")", super::cell::column_name(col), self.text(col))
    }

    /// `; kolom lain yang judulnya cocok: …` when other columns also matched
    /// `key` (empty otherwise): the officer sees what else could be meant.
    pub fn also_matching(&self, key: &str) -> String {
        let others = self.others(key);
        if others.is_empty() {
            return String::new();
        }
        let named: Vec<String> = others.iter().map(|c| self.named(*c)).collect();
        format!("; kolom lain yang judulnya cocok: {}", named.join(", "))
    }

    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// True for a row that repeats the header (page breaks) or numbers the
    /// columns (`1 2 3 …`, `(1) (2) …`, `-1 -2 …`).
    pub fn is_repeat(&self, sheet: &Sheet, row: u32) -> bool {
        if is_numbering_row(sheet, row) {
            return true;
        }
        let own = own_texts(sheet, row);
        if own.len() < 2 {
            return false;
        }
        self.rows.contains(&own)
    }
}

fn own_texts(sheet: &Sheet, row: u32) -> Vec<(u32, String)> {
    sheet
        .row(row)
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(i, c)| (i as u32, normalize(&c.text())))
        .collect()
}

fn is_numbering_token(t: &str) -> bool {
    let t = t.trim();
    let inner = t.trim_start_matches('(').trim_end_matches(')').trim_start_matches('-');
    !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().next().is_some_and(|c| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '=' || c == '/' || c == ' ')
}

/// `1 2 3 …`, `(1) (2) …` or `-1 -2 …` (the reference's spreadsheet turned
/// `(1)` into `-1`): at least three cells, all small numbers, increasing.
pub fn is_numbering_row(sheet: &Sheet, row: u32) -> bool {
    let cells: Vec<String> = sheet
        .row(row)
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.text())
        .collect();
    if cells.len() < 3 || !cells.iter().all(|t| is_numbering_token(t)) {
        return false;
    }
    let nums: Vec<i64> = cells
        .iter()
        .filter_map(|t| {
            let digits: String = t.chars().filter(|c| c.is_ascii_digit()).take(2).collect();
            digits.parse().ok()
        })
        .collect();
    nums.len() >= 3 && nums.first() < nums.last()
}

/// How far down a header is looked for.
const SEARCH_ROWS: u32 = 60;
const MAX_DEPTH: u32 = 4;

/// Finds the header that matches `specs` best. Always returns the best
/// candidate; check [`Header::is_complete`] for missing required columns.
pub fn find_header(sheet: &Sheet, specs: &[ColumnSpec]) -> Option<Header> {
    let height = sheet.height();
    let search = SearchRows::new(sheet, SEARCH_ROWS + MAX_DEPTH);
    let mut best: Option<Header> = None;
    for first in 0..height.min(SEARCH_ROWS) {
        if sheet.row_is_empty(first) {
            continue;
        }
        for depth in 1..=MAX_DEPTH {
            let last = first + depth - 1;
            if last >= height {
                break;
            }
            let texts = search.column_texts(sheet.width(), first, last);
            let candidate = assign(sheet, specs, &texts, first, last, &search);
            let score = |h: &Header| (h.required_found, h.optional_found);
            let better = match &best {
                None => candidate.required_found + candidate.optional_found > 0,
                Some(b) => {
                    score(&candidate) > score(b)
                        // equal score within the same block: the candidate
                        // nearer the data wins, so title rows above the
                        // header do not lend it their words (a later block,
                        // a page-break repeat, never wins a tie)
                        || (score(&candidate) == score(b)
                            && candidate.first_row > b.first_row
                            && candidate.first_row <= b.last_row + 1)
                }
            };
            if better {
                best = Some(candidate);
            }
        }
    }
    let mut best = best?;
    // Header rows above the chosen ones (a multi-row header matched from
    // its lower rows through vertical merges) belong to it: extend upwards
    // over rows with at least two cells of their own (titles have one).
    let mut first = best.first_row;
    while first > 0 && own_texts(sheet, first - 1).len() >= 2 {
        first -= 1;
    }
    if first < best.first_row {
        let texts = search.column_texts(sheet.width(), first, best.last_row);
        best = assign(sheet, specs, &texts, first, best.last_row, &search);
    }
    choose_by_content(sheet, &mut best);
    Some(best)
}

/// How many data rows are looked at to tell a filled column from a blank one.
const CONTENT_ROWS: u32 = 2000;

/// How much a header text says "the year's figure": under REALISASI a
/// monthly report has `s.d. Bulan Lalu | Bulan Ini | s.d. Bulan Ini`, a
/// quarterly one `TW I … TW IV | Total`; the cumulative column is the
/// year's, the others are parts of it.
fn cumulative_rank(text: &str) -> i32 {
    let t: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let w: Vec<&str> = t.split_whitespace().collect();
    let has = |x: &str| w.contains(&x);
    let phrase = |a: &str, b: &str| w.windows(2).any(|p| p[0] == a && p[1] == b);
    let until = has("SD") || has("SAMPAI") || t.contains("S D ") || has("KUMULATIF") || has("KUM");
    if phrase("BULAN", "LALU") {
        -2
    } else if until || has("TOTAL") || has("JUMLAH") {
        1
    } else if phrase("BULAN", "INI") || has("TW") || has("TRIWULAN") {
        -1
    } else {
        0
    }
}

/// Where several columns match a single-column field, takes the one whose
/// cells hold values and, of those, the cumulative one: the header of a
/// group often spans a blank column (`REALISASI` over `5 | 6`, only the
/// second holding `Total Realisasi`), and a monthly report offers the
/// month's and the year-to-date figure side by side. On a tie the first
/// match stays.
fn choose_by_content(sheet: &Sheet, h: &mut Header) {
    let end = sheet.height().min(h.data_start.saturating_add(CONTENT_ROWS));
    let filled = |c: u32| (h.data_start..end).filter(|r| !sheet.get(*r, c).is_empty()).count();
    let used: Vec<u32> = h.columns.values().flatten().copied().collect();
    let mut changes = Vec::new();
    for (key, cands) in &h.candidates {
        let Some(current) = h.columns.get(key).and_then(|v| v.first().copied()) else {
            continue;
        };
        if cands.len() < 2 || h.columns.get(key).is_some_and(|v| v.len() > 1) {
            continue;
        }
        let rank = |c: u32| {
            let n = filled(c);
            (n > 0, cumulative_rank(h.text(c)), n)
        };
        let best = cands
            .iter()
            .copied()
            .filter(|c| *c == current || !used.contains(c))
            .map(|c| (rank(c), std::cmp::Reverse(c)))
            .max()
            .map(|(_, std::cmp::Reverse(c))| c);
        if let Some(b) = best
            && b != current
            && rank(b) > rank(current)
        {
            changes.push((*key, b));
        }
    }
    for (key, col) in changes {
        h.columns.insert(key, vec![col]);
    }
}

/// The rows a header is looked for in, read once: every candidate window
/// (60 rows × 4 depths) joins texts from them, and a workbook of 43 sheets
/// (one per OPD) must not format and upper-case each cell a thousand times.
struct SearchRows {
    /// Per row, the normalized text of each column as shown (merges
    /// included); `None` for a numbering row (`1 2 7 … 8 9`, printed inside
    /// a header above its last row), which names no field.
    rows: Vec<Option<Vec<String>>>,
    /// Per row, its own cells' texts ([`own_texts`]).
    own: Vec<Vec<(u32, String)>>,
}

impl SearchRows {
    fn new(sheet: &Sheet, upto: u32) -> SearchRows {
        let width = sheet.width();
        let n = upto.min(sheet.height());
        let rows = (0..n)
            .map(|r| {
                (!is_numbering_row(sheet, r))
                    .then(|| (0..width).map(|c| normalize(&sheet.shown(r, c).text())).collect())
            })
            .collect();
        let own = (0..n).map(|r| own_texts(sheet, r)).collect();
        SearchRows { rows, own }
    }

    fn is_numbering(&self, sheet: &Sheet, r: u32) -> bool {
        match self.rows.get(r as usize) {
            Some(row) => row.is_none(),
            None => is_numbering_row(sheet, r),
        }
    }

    fn own_texts(&self, sheet: &Sheet, r: u32) -> Vec<(u32, String)> {
        match self.own.get(r as usize) {
            Some(t) => t.clone(),
            None => own_texts(sheet, r),
        }
    }

    /// The combined header text of each column over rows `first..=last`.
    fn column_texts(&self, width: u32, first: u32, last: u32) -> Vec<String> {
        (0..width as usize)
            .map(|c| {
                let mut parts: Vec<&str> = Vec::new();
                for row in (first..=last).filter_map(|r| self.rows.get(r as usize)?.as_ref()) {
                    let t = row[c].as_str();
                    if !t.is_empty() && parts.last() != Some(&t) {
                        parts.push(t);
                    }
                }
                parts.join(" / ")
            })
            .collect()
    }
}

fn assign(sheet: &Sheet, specs: &[ColumnSpec], texts: &[String], first: u32, last: u32, search: &SearchRows) -> Header {
    let mut taken = vec![false; texts.len()];
    let mut columns: BTreeMap<&'static str, Vec<u32>> = BTreeMap::new();
    let mut candidates: BTreeMap<&'static str, Vec<u32>> = BTreeMap::new();
    let mut missing = Vec::new();
    let (mut req_found, mut opt_found) = (0, 0);
    for spec in specs {
        let mut found = Vec::new();
        for (c, t) in texts.iter().enumerate() {
            if !taken[c] && !t.is_empty() && spec.matches(t) {
                if !spec.multi && !found.is_empty() {
                    candidates
                        .entry(spec.key)
                        .or_insert_with(|| found.clone())
                        .push(c as u32);
                    continue;
                }
                found.push(c as u32);
            }
        }
        if found.is_empty() {
            if spec.required {
                missing.push(spec.label);
            }
            continue;
        }
        for c in &found {
            taken[*c as usize] = true;
        }
        if spec.required {
            req_found += 1;
        } else {
            opt_found += 1;
        }
        columns.insert(spec.key, found);
    }
    let mut data_start = last + 1;
    while data_start < sheet.height() && search.is_numbering(sheet, data_start) {
        data_start += 1;
    }
    Header {
        first_row: first,
        last_row: last,
        data_start,
        columns,
        candidates,
        texts: texts.to_vec(),
        fixed: Vec::new(),
        rows: (first..=last)
            .map(|r| search.own_texts(sheet, r))
            .filter(|r| r.len() >= 2)
            .collect(),
        missing,
        kode_menurut_nama: false,
        required_found: req_found,
        optional_found: opt_found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;

    fn t(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    const SPECS: &[ColumnSpec] = &[
        req("kode", &[&["KODE"]], "KODE"),
        req("nama", &[&["PROGRAM"]], "PROGRAM"),
        ColumnSpec {
            key: "pagu",
            any: &[&["ANGGARAN"]],
            none: &["REALISASI"],
            required: true,
            multi: true,
            label: "ANGGARAN",
        },
        req("realisasi", &[&["REALISASI", "RP"]], "REALISASI"),
    ];

    #[test]
    fn finds_a_two_row_header_below_title_rows_and_skips_numbering() {
        let rows = vec![
            vec![t("LAPORAN REALISASI")],
            vec![t("Bulan Desember Tahun 2024")],
            vec![],
            vec![t("Kode"), t("Program/Kegiatan"), t("ANGGARAN"), t(""), t("REALISASI")],
            vec![t(""), t(""), t("APBD"), t("APBD-P"), t("Rp")],
            vec![t("1"), t("2"), t("3"), t("4"), t("5")],
            vec![t("1.06.02"), t("PROGRAM X"), t("10"), t("12"), t("11")],
        ];
        let mut sheet = Sheet::from_rows("f.xlsx", "S", rows);
        // "ANGGARAN" is merged over two columns in the export
        sheet = with_merge(sheet, (3, 2), (3, 3));
        let h = find_header(&sheet, SPECS).expect("a header");
        assert!(h.is_complete(), "missing {:?}", h.missing);
        assert_eq!(h.first_row, 3);
        assert_eq!(h.data_start, 6);
        assert_eq!(h.col("kode"), Some(0));
        assert_eq!(h.cols("pagu"), &[2, 3]);
        assert_eq!(h.col("realisasi"), Some(4));
        assert!(h.is_repeat(&sheet, 3));
        assert!(h.is_repeat(&sheet, 5));
        assert!(!h.is_repeat(&sheet, 6));
    }

    /// Kode, a realisasi amount and its % under one REALISASI group (the %
    /// makes a two-row header the best match).
    const REALISASI_GROUP: &[ColumnSpec] = &[
        req("kode", &[&["KODE"]], "KODE"),
        ColumnSpec {
            key: "realisasi",
            any: &[&["REALISASI"]],
            none: &["%"],
            required: true,
            multi: false,
            label: "REALISASI",
        },
        opt("persen", &[&["REALISASI", "%"]], "%"),
    ];

    #[test]
    fn of_two_matching_columns_the_filled_one_is_read() {
        // reference Lampiran XII: REALISASI over the numbered columns 5 | 6
        // and the %, the first blank in every row
        let spec = REALISASI_GROUP;
        let head = || {
            vec![
                vec![t("Kode"), t("REALISASI"), t(""), t("")],
                vec![t(""), t(""), t("Total Realisasi"), t("%")],
                vec![t("1"), t("5"), t("6"), t("7")],
            ]
        };
        let mut rows = head();
        rows.push(vec![t("1.06.02"), t(""), t("11"), t("0,9")]);
        rows.push(vec![t("1.06.02.2.01"), t(""), t("11"), t("0,9")]);
        let sheet = with_merge(Sheet::from_rows("f.xlsx", "S", rows), (0, 1), (0, 3));
        let h = find_header(&sheet, spec).expect("a header");
        assert_eq!(h.col("realisasi"), Some(2));
        assert_eq!(h.others("realisasi"), [1]);
        assert_eq!(h.text(2), "REALISASI / TOTAL REALISASI");
        assert_eq!(h.col("persen"), Some(3));
        // both blank: "Total" says the year's figure (the importer then
        // refuses the empty column)
        let mut rows = head();
        rows.push(vec![t("1.06.02"), t(""), t(""), t("0,9")]);
        let sheet = with_merge(Sheet::from_rows("f.xlsx", "S", rows), (0, 1), (0, 3));
        assert_eq!(find_header(&sheet, spec).and_then(|h| h.col("realisasi")), Some(2));
    }

    #[test]
    fn of_period_columns_the_cumulative_one_is_read() {
        let spec = REALISASI_GROUP;
        for (subs, want) in [
            (["s.d. Bulan Lalu", "Bulan Ini", "s.d. Bulan Ini"], 3),
            (["Bulan Ini", "S/D Bulan Ini", "Bulan Lalu"], 2),
            (["TW I", "TW II", "Total"], 3),
        ] {
            let rows = vec![
                vec![t("Kode"), t("REALISASI"), t(""), t(""), t("")],
                vec![t(""), t(subs[0]), t(subs[1]), t(subs[2]), t("%")],
                vec![t("1.06.02"), t("5"), t("1"), t("6"), t("0,9")],
            ];
            let sheet = with_merge(Sheet::from_rows("f.xlsx", "S", rows), (0, 1), (0, 4));
            let h = find_header(&sheet, spec).expect("a header");
            assert_eq!(h.col("realisasi"), Some(want), "{subs:?}");
        }
        assert_eq!(cumulative_rank("REALISASI / S.D. BULAN LALU"), -2);
        assert_eq!(cumulative_rank("REALISASI / TOTAL REALISASI"), 1);
        assert_eq!(cumulative_rank("REALISASI / RP"), 0);
    }

    #[test]
    fn reports_missing_columns() {
        let rows = vec![
            vec![t("Kode"), t("Program"), t("Anggaran")],
            vec![t("1.06.02"), t("X"), t("1")],
        ];
        let sheet = Sheet::from_rows("f.xlsx", "S", rows);
        let h = find_header(&sheet, SPECS).expect("a header");
        assert_eq!(h.missing, vec!["REALISASI"]);
    }

    #[test]
    fn numbering_rows() {
        let sheet = Sheet::from_rows(
            "f",
            "s",
            vec![
                vec![t("(1)"), t("(2)"), t("(3)")],
                vec![t("-1"), t("-2"), t("-3"), t("-4")],
                vec![t("1"), t("2"), t("7"), t("8")],
                vec![t("1"), t("PROGRAM"), t("3")],
            ],
        );
        assert!(is_numbering_row(&sheet, 0));
        assert!(is_numbering_row(&sheet, 1));
        assert!(is_numbering_row(&sheet, 2));
        assert!(!is_numbering_row(&sheet, 3));
    }

    fn with_merge(sheet: Sheet, start: (u32, u32), end: (u32, u32)) -> Sheet {
        sheet.with_merges(vec![calamine::Dimensions { start, end }])
    }
}
