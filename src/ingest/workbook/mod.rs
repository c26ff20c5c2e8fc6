//! Opening workbooks with calamine and exposing their sheets as grids of
//! [`Cell`]s with absolute positions, so every message can name the cell.
//! This is the only module that knows calamine.

use super::cell::{Cell, cell_ref, float_text, is_percent_format};
use crate::finding::{Finding, Location, Severity};
use calamine::{Data, Dimensions, Reader, Sheets, Xls, Xlsx};
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use crate::config::Batas;
use guard::*;

mod guard;
pub mod html;

/// An open workbook.
pub struct Workbook {
    /// The path as shown in messages (relative to the report folder).
    pub display: String,
    source: Source,
    max_rows: u32,
    max_cell: usize,
    /// Problems found while reading sheets (cells over the length limit);
    /// the caller adds them to its findings.
    pub notes: Vec<Finding>,
    /// The tables the importers read, with the column of every field
    /// (`lkjip check` shows them).
    pub pemetaan: Vec<super::Pemetaan>,
    /// Columns fixed by the officer in `[kolom.*]` for this workbook's role.
    pub tetap: Vec<crate::config::KolomTetap>,
    /// The report's perangkat daerah (`identitas.nama_opd`,
    /// `pemerintah_daerah`), for a workbook of one sheet per perangkat
    /// daerah (the KUA-PPAS ringkasan).
    pub agency: Option<(String, String)>,
}

/// What the sheets come from: a workbook calamine reads, or the tables of
/// an HTML page saved as `.xls`.
enum Source {
    Book(Box<Sheets<Cursor<Vec<u8>>>>),
    Html(Vec<html::HtmlTable>),
}

fn open_error(display: &str, code: &'static str, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        code,
        location: Location::file(display),
        message,
        kunci: Vec::new(),
    }
}

impl Workbook {
    /// Opens `path` within the limits `batas`; `display` is how the file is
    /// named in findings.
    pub fn open(path: &Path, display: &str, batas: &Batas) -> Result<Workbook, Finding> {
        let bytes = read_bounded(path, display, batas.ukuran_berkas_mb)?;
        Self::from_bytes_with(bytes, display, batas)
    }

    /// Opens a workbook held in memory with the default limits (tests and
    /// fuzzing use this).
    pub fn from_bytes(bytes: Vec<u8>, display: &str) -> Result<Workbook, Finding> {
        Self::from_bytes_with(bytes, display, &Batas::default())
    }

    /// Opens a workbook held in memory within the limits `batas`.
    pub fn from_bytes_with(bytes: Vec<u8>, display: &str, batas: &Batas) -> Result<Workbook, Finding> {
        const ZIP: &[u8] = b"PK\x03\x04";
        const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if bytes.is_empty() {
            return Err(open_error(display, "file-empty", "berkas kosong (0 byte)".to_string()));
        }
        let is_zip = bytes.starts_with(ZIP);
        let is_ole = bytes.starts_with(OLE);
        let max_cells = (batas.baris as usize).saturating_mul(64);
        if !is_zip && !is_ole && html::is_html(&bytes) {
            let tables = html::tables(&bytes, max_cells).map_err(|e| {
                open_error(
                    display,
                    "workbook-corrupt",
                    format!("halaman HTML tidak dapat dibaca ({e})"),
                )
            })?;
            if tables.len() > batas.lembar {
                return Err(open_error(
                    display,
                    "workbook-too-large",
                    format!(
                        "halaman berisi {} tabel, melebihi batas {} ([batas] lembar)",
                        tables.len(),
                        batas.lembar
                    ),
                ));
            }
            return Ok(Workbook {
                display: display.to_string(),
                source: Source::Html(tables),
                max_rows: batas.baris,
                max_cell: batas.panjang_sel,
                notes: Vec::new(),
                pemetaan: Vec::new(),
                tetap: Vec::new(),
                agency: None,
            });
        }
        if !is_zip && !is_ole {
            return Err(open_error(
                display,
                "not-a-workbook",
                "bukan workbook Excel (.xlsx/.xls); mungkin berkas CSV atau teks yang diganti namanya — simpan ulang sebagai .xlsx".to_string(),
            ));
        }
        if is_ole && contains_utf16(&bytes, "EncryptionInfo") {
            return Err(open_error(
                display,
                "workbook-encrypted",
                "workbook dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu simpan ulang".to_string(),
            ));
        }
        let corrupt = |e: String| {
            open_error(
                display,
                "workbook-corrupt",
                format!("workbook rusak atau tidak lengkap dan tidak dapat dibaca ({e})"),
            )
        };
        // open by the format the bytes announce: calamine's automatic opener
        // would try a damaged .xlsx as .xls too (and a crafted .xls could
        // make its sector chains loop: they are checked first)
        // the rows allowed, 64 columns each (a Renja export has 21): what
        // calamine may allocate for one sheet (≈ 100 MB by default)
        let sheets = if is_zip {
            check_unzipped_size(&bytes, display, batas.ukuran_terurai_mb)?;
            xlsx_sound(&bytes, max_cells, batas.teks_mb.saturating_mul(1024 * 1024)).map_err(corrupt)?;
            Sheets::Xlsx(
                guarded(|| Xlsx::new(Cursor::new(bytes)))
                    .map_err(&corrupt)?
                    .map_err(|e| corrupt(e.to_string()))?,
            )
        } else {
            if let Err(why) = xls_sound(&bytes, max_cells) {
                return Err(corrupt(why));
            }
            Sheets::Xls(
                guarded(|| Xls::new(Cursor::new(bytes)))
                    .map_err(&corrupt)?
                    .map_err(|e| corrupt(e.to_string()))?,
            )
        };
        // every sheet is looked at for its table: thousands take minutes
        let count = sheets.sheet_names().len();
        if count > batas.lembar {
            return Err(open_error(
                display,
                "workbook-too-large",
                format!(
                    "workbook berisi {count} lembar, melebihi batas {} ([batas] lembar)",
                    batas.lembar
                ),
            ));
        }
        Ok(Workbook {
            display: display.to_string(),
            source: Source::Book(Box::new(sheets)),
            max_rows: batas.baris,
            max_cell: batas.panjang_sel,
            notes: Vec::new(),
            pemetaan: Vec::new(),
            tetap: Vec::new(),
            agency: None,
        })
    }

    /// The row limit, for the message when a sheet is cut.
    pub fn max_rows(&self) -> u32 {
        self.max_rows
    }

    pub fn sheet_names(&self) -> Vec<String> {
        match &self.source {
            Source::Book(b) => b.sheet_names(),
            Source::Html(t) => t.iter().map(|t| t.name.clone()).collect(),
        }
    }

    /// A table of an HTML page as a sheet, within the same limits.
    fn html_sheet(&mut self, name: &str) -> Result<Sheet, Finding> {
        let Source::Html(tables) = &self.source else {
            return Err(open_error(
                &self.display,
                "sheet-unreadable",
                format!("lembar \"{name}\" tidak ada"),
            ));
        };
        let Some(t) = tables.iter().find(|t| t.name == name) else {
            return Err(open_error(
                &self.display,
                "sheet-unreadable",
                format!("lembar \"{name}\" tidak ada"),
            ));
        };
        let truncated = t.rows.len() > self.max_rows as usize;
        let rows: Vec<Vec<Cell>> = t.rows.iter().take(self.max_rows as usize).cloned().collect();
        let merges = t.merges.clone();
        Ok(self.finish(name, rows, merges, truncated, HashMap::new()))
    }

    /// The sheet of `rows` read from `name`, whichever the source: a text
    /// over the cell limit is cut there and an error at its cell, and the
    /// merged regions are indexed.
    fn finish(
        &mut self,
        name: &str,
        mut rows: Vec<Vec<Cell>>,
        merges: Vec<Dimensions>,
        truncated: bool,
        formulas: HashMap<(u32, u32), String>,
    ) -> Sheet {
        for (i, row) in rows.iter_mut().enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                if let Cell::Text(t) = cell
                    && t.len() > self.max_cell
                    && t.chars().count() > self.max_cell
                {
                    let n = t.chars().count();
                    *t = t.chars().take(self.max_cell).collect();
                    self.notes.push(Finding {
                        severity: Severity::Error,
                        code: "cell-too-long",
                        location: Location::cell(&self.display, name, cell_ref(i as u32, j as u32)),
                        message: format!(
                            "teks sel {n} karakter, melebihi batas {} (Excel sendiri membatasi 32.767); berkas ini tidak dibuat oleh Excel atau rusak",
                            self.max_cell
                        ), kunci: Vec::new(),
                    });
                }
            }
        }
        Sheet {
            file: self.display.clone(),
            name: name.to_string(),
            rows,
            merged: HashMap::new(),
            formulas,
            truncated,
            max_rows: self.max_rows,
        }
        .with_merges(merges)
    }

    /// Reads one sheet into a grid.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, Finding> {
        let unreadable = |e: String| Finding {
            severity: Severity::Error,
            code: "sheet-unreadable",
            location: Location::sheet(&self.display, name),
            message: format!("lembar tidak dapat dibaca ({e})"),
            kunci: Vec::new(),
        };
        let sheets = match &mut self.source {
            Source::Book(b) => b,
            Source::Html(_) => return self.html_sheet(name),
        };
        let range = guarded(|| sheets.worksheet_range(name))
            .map_err(&unreadable)?
            .map_err(|e| unreadable(e.to_string()))?;
        let merges: Vec<Dimensions> = guarded(|| match &mut **sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            _ => Vec::new(),
        })
        .unwrap_or_default();
        // number formats: only to tell percent cells (calamine has them for
        // .xlsx; without them a fraction stays a plain number)
        let styles = match &mut **sheets {
            Sheets::Xlsx(x) => guarded(|| x.worksheet_style(name)).ok().and_then(Result::ok),
            _ => None,
        };
        let is_percent = |r: u32, c: u32| {
            styles
                .as_ref()
                .and_then(|s| s.get((r, c)))
                .and_then(|s| s.number_format.as_ref())
                .is_some_and(|n| is_percent_format(&n.format_code))
        };
        // formulas, to tell a formula that holds no stored value (calamine
        // gives an empty cell) from a cell left empty
        let formulas = guarded(|| sheets.worksheet_formula(name))
            .ok()
            .and_then(Result::ok)
            .filter(|r| !r.is_empty());
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut truncated = false;
        if let Some((r0, c0)) = range.start() {
            let (h, _) = range.get_size();
            let height = (h as u32).min(self.max_rows.saturating_sub(r0));
            truncated = (h as u32) > height;
            rows.resize(r0 as usize, Vec::new());
            for (i, row) in range.rows().take(height as usize).enumerate() {
                // the row's cells up to its last filled one, then padded to
                // start at column A: an empty row holds nothing (a row
                // allocated at the table's width and emptied keeps its
                // capacity — 26 GB for 50 000 rows starting at XFD)
                let used = row.iter().rposition(|d| !convert(d).is_empty()).map_or(0, |k| k + 1);
                if used == 0 {
                    rows.push(Vec::new());
                    continue;
                }
                let mut cells = Vec::with_capacity(c0 as usize + used);
                cells.resize(c0 as usize, Cell::Empty);
                for (j, data) in row.iter().take(used).enumerate() {
                    let mut cell = convert(data);
                    if let Cell::Number(f) = cell
                        && is_percent(r0 + i as u32, c0 + j as u32)
                    {
                        cell = Cell::Percent(f);
                    }
                    cells.push(cell);
                }
                rows.push(cells);
            }
        }
        // every formula cell that holds no value, wherever it lies (also
        // beyond the cells that hold values), within the rows read; the
        // formulas' text is kept for the forms whose structure is in them
        // (the Evaluasi Renja: levels only by SUM formulas)
        let mut texts: HashMap<(u32, u32), String> = HashMap::new();
        if let Some(fr) = &formulas
            && let Some((fr0, fc0)) = fr.start()
        {
            for (i, j, f) in fr.used_cells() {
                let (r, c) = ((fr0 as usize) + i, (fc0 as usize) + j);
                if f.trim().is_empty() || r >= self.max_rows as usize {
                    continue;
                }
                if f.len() <= self.max_cell {
                    texts.insert((r as u32, c as u32), f.clone());
                }
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                let row = &mut rows[r];
                if row.len() <= c {
                    row.resize(c + 1, Cell::Empty);
                }
                if matches!(row[c], Cell::Empty) {
                    row[c] = Cell::Uncached(f.clone());
                }
            }
        }
        Ok(self.finish(name, rows, merges, truncated, texts))
    }
}

/// Reads a regular file of at most `limit_mb` (through
/// [`crate::folder::read_regular`]): a FIFO, a device or a file that grows
/// while read (`/dev/zero`) is refused, never waited for or read to its end.
pub fn read_bounded(path: &Path, display: &str, limit_mb: u64) -> Result<Vec<u8>, Finding> {
    crate::folder::read_regular(path, limit_mb.saturating_mul(1024 * 1024))
        .map_err(|r| open_error(display, r.code(), r.message()))
}

/// An Excel serial date (1900 system) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    if !(1.0..2_958_466.0).contains(&serial) {
        return float_text(serial);
    }
    // days since 1970-01-01; Excel's day 25569 is 1970-01-01
    let z = serial.floor() as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(format!("{e}")),
        Data::DateTime(dt) => Cell::Date(excel_date(dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.clone()),
    }
}

/// One worksheet as a grid with absolute zero-based positions.
pub struct Sheet {
    pub file: String,
    pub name: String,
    rows: Vec<Vec<Cell>>,
    /// Every cell of the grid inside a merged region → the region's
    /// top-left cell (see [`Sheet::with_merges`]).
    merged: HashMap<(u32, u32), (u32, u32)>,
    /// The text of every formula cell (without the `=`), as calamine gives
    /// it (`.xlsx` and `.xls`; none for an HTML page).
    formulas: HashMap<(u32, u32), String>,
    /// True when the sheet had more than `max_rows` rows and was cut.
    pub truncated: bool,
    /// The row limit it was read with.
    pub max_rows: u32,
}

static EMPTY: Cell = Cell::Empty;

impl Sheet {
    /// A sheet from rows of cells (tests build sheets this way).
    pub fn from_rows(file: &str, name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            file: file.to_string(),
            name: name.to_string(),
            rows,
            merged: HashMap::new(),
            formulas: HashMap::new(),
            truncated: false,
            max_rows: Batas::default().baris,
        }
    }

    /// The same sheet with formula texts (tests build sheets this way).
    pub fn with_formulas(mut self, formulas: impl IntoIterator<Item = ((u32, u32), String)>) -> Sheet {
        self.formulas.extend(formulas);
        self
    }

    /// The formula of a cell, without the leading `=`, if it holds one.
    pub fn formula(&self, row: u32, col: u32) -> Option<&str> {
        self.formulas.get(&(row, col)).map(String::as_str)
    }

    /// The same sheet with merged regions, indexed by cell so that a lookup
    /// is constant time (50 000 merged ranges made the header search
    /// quadratic). Only cells of the grid are indexed, and a region that
    /// overlaps one indexed before is left where it meets it (Excel does
    /// not make overlapping merges): the work stays linear in the grid and
    /// the number of regions, whatever a hostile file declares.
    pub fn with_merges(mut self, merges: Vec<Dimensions>) -> Sheet {
        let (height, width) = (self.height(), self.width());
        'regions: for m in merges {
            let (top, left) = m.start;
            if top >= height || left >= width {
                continue;
            }
            for r in top..=m.end.0.min(height - 1) {
                for c in left..=m.end.1.min(width - 1) {
                    if self.merged.contains_key(&(r, c)) {
                        continue 'regions;
                    }
                    self.merged.insert((r, c), (top, left));
                }
            }
        }
        self
    }

    /// Number of rows (one past the last row index).
    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Number of columns of the widest row.
    pub fn width(&self) -> u32 {
        self.rows.iter().map(|r| r.len()).max().unwrap_or(0) as u32
    }

    pub fn get(&self, row: u32, col: u32) -> &Cell {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .unwrap_or(&EMPTY)
    }

    pub fn row(&self, row: u32) -> &[Cell] {
        self.rows.get(row as usize).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn row_is_empty(&self, row: u32) -> bool {
        self.row(row).iter().all(Cell::is_empty)
    }

    /// The value shown at a position: inside a merged region, the value of
    /// its top-left cell (calamine stores it only there).
    pub fn shown(&self, row: u32, col: u32) -> &Cell {
        match self.merged.get(&(row, col)) {
            Some(&(r, c)) => self.get(r, c),
            None => self.get(row, col),
        }
    }

    /// The top-left cell of the merged region a position lies in, if any.
    pub fn merge_origin(&self, row: u32, col: u32) -> Option<(u32, u32)> {
        self.merged.get(&(row, col)).copied()
    }

    pub fn loc(&self, row: u32, col: u32) -> Location {
        Location::cell(&self.file, &self.name, cell_ref(row, col))
    }

    /// A location naming a whole row (`baris 23`).
    pub fn row_loc(&self, row: u32) -> Location {
        Location::cell(&self.file, &self.name, format!("baris {}", row + 1))
    }

    pub fn sheet_loc(&self) -> Location {
        Location::sheet(&self.file, &self.name)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    fn repo(p: &str) -> Vec<u8> {
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap()
    }

    #[test]
    fn an_xlsx_with_cells_far_apart_is_refused_before_it_is_read() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "Kode").unwrap();
        ws.write_string(1_048_575, 16_383, "jauh").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let e = Workbook::from_bytes(bytes, "data/realisasi.xlsx").err().unwrap();
        assert_eq!(e.code, "workbook-corrupt");
        assert!(
            e.message.contains("sel lembar tersebar dari A1 sampai XFD1048576"),
            "{}",
            e.message
        );
    }

    #[test]
    fn an_xls_is_checked_before_calamine_reads_it() {
        // a real .xls (xlwt): sound chains, its Workbook stream found
        let b = repo("tests/fixtures/ok-xls/data/renja.xls");
        let c = Compound::open(&b).unwrap();
        let stream = c.stream("Workbook").unwrap();
        assert!(stream.len() > 1000, "{}", stream.len());
        assert_eq!(&stream[..2], &[0x09, 0x08], "starts with a BOF record");
        assert!(xls_sound(&b, 50_000 * 64).is_ok());
        // found by fuzzing: a DIMENSIONS record announcing billions of cells
        let crash = repo("fuzz/regressions/workbook/crash-ce6949070489fb598feb4bac29bed254d739ba84");
        let why = xls_sound(&crash, 50_000 * 64).unwrap_err();
        assert!(why.contains("tidak wajar"), "{why}");
        let e = Workbook::from_bytes(crash, "data/renja.xls").err().unwrap();
        assert_eq!(e.code, "workbook-corrupt");
        // found by fuzzing: two cells far apart, which calamine would make
        // one dense table of 4 billion cells
        let crash = repo("fuzz/regressions/workbook/crash-bfc7d674cdd0b4d0468db02fe1a4cac4d68f69af");
        let e = Workbook::from_bytes(crash, "data/renja.xls").err().unwrap();
        assert_eq!(e.code, "workbook-corrupt");
        assert!(e.message.contains("tidak wajar"), "{}", e.message);
        // a FAT whose chain loops is refused
        let mut looped = b.clone();
        let c = Compound::open(&b).unwrap();
        let first_fat = c.u32_at(76).unwrap() as usize;
        let at = (first_fat + 1) * c.size; // FAT entry 0 → 0: a loop
        looped[at..at + 4].copy_from_slice(&0u32.to_le_bytes());
        assert!(Compound::open(&looped).is_err());
    }

    use super::*;

    #[test]
    fn merged_cells_show_their_top_left_value_through_the_index() {
        use super::{Cell, Sheet};
        use calamine::Dimensions;
        let t = |s: &str| Cell::Text(s.to_string());
        let rows = vec![
            vec![t("REALISASI"), Cell::Empty, Cell::Empty],
            vec![t("5"), t("6"), t("%")],
        ];
        let region = |a: (u32, u32), b: (u32, u32)| Dimensions { start: a, end: b };
        // 50 000 declared regions: the real one, a huge one overlapping it,
        // and many outside the grid
        let mut merges = vec![region((0, 0), (0, 2)), region((0, 1), (1_000_000, 16_000))];
        merges.extend((0..50_000).map(|i| region((10 + i, 0), (10 + i, 3))));
        let sheet = Sheet::from_rows("f.xlsx", "S", rows).with_merges(merges);
        assert_eq!(sheet.shown(0, 2).text(), "REALISASI");
        // the overlapping region stops where it meets the first one
        assert_eq!(sheet.shown(1, 1).text(), "6");
        assert_eq!(sheet.shown(1, 2).text(), "%");
    }

    #[test]
    fn excel_serial_dates() {
        assert_eq!(excel_date(45292.0), "2024-01-01");
        assert_eq!(excel_date(45720.0), "2025-03-04");
        assert_eq!(excel_date(25569.0), "1970-01-01");
    }

    #[test]
    fn rejects_what_is_not_a_workbook() {
        let e = Workbook::from_bytes(b"kode;nama\n1;a\n".to_vec(), "data/renja.xlsx")
            .err()
            .map(|f| f.code);
        assert_eq!(e, Some("not-a-workbook"));
        let e = Workbook::from_bytes(Vec::new(), "x.xlsx").err().map(|f| f.code);
        assert_eq!(e, Some("file-empty"));
        let e = Workbook::from_bytes(b"PK\x03\x04truncated".to_vec(), "x.xlsx")
            .err()
            .map(|f| f.code);
        assert_eq!(e, Some("workbook-corrupt"));
    }
}
