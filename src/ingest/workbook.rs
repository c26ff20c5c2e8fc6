//! Opening workbooks with calamine and exposing their sheets as grids of
//! [`Cell`]s with absolute positions, so every message can name the cell.
//! This is the only module that knows calamine.

use super::cell::{Cell, cell_ref, float_text};
use crate::finding::{Finding, Location, Severity};
use calamine::{Data, Dimensions, Reader, Sheets, open_workbook_auto_from_rs};
use std::io::Cursor;
use std::path::Path;

/// Largest workbook read, so a hostile file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Most rows read from one sheet.
pub const MAX_ROWS: u32 = 200_000;

/// An open workbook.
pub struct Workbook {
    /// The path as shown in messages (relative to the report folder).
    pub display: String,
    sheets: Sheets<Cursor<Vec<u8>>>,
}

fn open_error(display: &str, code: &'static str, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        code,
        location: Location::file(display),
        message,
    }
}

impl Workbook {
    /// Opens `path`; `display` is how the file is named in findings.
    pub fn open(path: &Path, display: &str) -> Result<Workbook, Finding> {
        let meta = std::fs::metadata(path)
            .map_err(|_| open_error(display, "file-missing", "berkas tidak ditemukan".to_string()))?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(open_error(
                display,
                "file-too-large",
                format!(
                    "berkas berukuran {} MB, melebihi batas {} MB",
                    meta.len() / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| open_error(display, "file-unreadable", format!("berkas tidak dapat dibaca: {e}")))?;
        Self::from_bytes(bytes, display)
    }

    /// Opens a workbook held in memory (tests and fuzzing use this).
    pub fn from_bytes(bytes: Vec<u8>, display: &str) -> Result<Workbook, Finding> {
        const ZIP: &[u8] = b"PK\x03\x04";
        const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if bytes.is_empty() {
            return Err(open_error(display, "file-empty", "berkas kosong (0 byte)".to_string()));
        }
        let is_zip = bytes.starts_with(ZIP);
        let is_ole = bytes.starts_with(OLE);
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
        let sheets = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
            open_error(
                display,
                "workbook-corrupt",
                format!("workbook rusak atau tidak lengkap dan tidak dapat dibaca ({e})"),
            )
        })?;
        Ok(Workbook {
            display: display.to_string(),
            sheets,
        })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// Reads one sheet into a grid.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, Finding> {
        let range = self.sheets.worksheet_range(name).map_err(|e| Finding {
            severity: Severity::Error,
            code: "sheet-unreadable",
            location: Location::sheet(&self.display, name),
            message: format!("lembar tidak dapat dibaca ({e})"),
        })?;
        let merges: Vec<Dimensions> = match &mut self.sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut truncated = false;
        if let Some((r0, c0)) = range.start() {
            let (h, w) = range.get_size();
            let height = (h as u32).min(MAX_ROWS.saturating_sub(r0));
            truncated = (h as u32) > height;
            rows.resize(r0 as usize, Vec::new());
            for row in range.rows().take(height as usize) {
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.reserve(w);
                cells.extend(row.iter().map(convert));
                while cells.last().is_some_and(Cell::is_empty) {
                    cells.pop();
                }
                rows.push(cells);
            }
        }
        Ok(Sheet {
            file: self.display.clone(),
            name: name.to_string(),
            rows,
            merges,
            truncated,
        })
    }
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(pattern.len()).any(|w| w == pattern.as_slice())
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
    merges: Vec<Dimensions>,
    /// True when the sheet had more than [`MAX_ROWS`] rows and was cut.
    pub truncated: bool,
}

static EMPTY: Cell = Cell::Empty;

impl Sheet {
    /// A sheet from rows of cells (tests build sheets this way).
    pub fn from_rows(file: &str, name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            file: file.to_string(),
            name: name.to_string(),
            rows,
            merges: Vec::new(),
            truncated: false,
        }
    }

    /// The same sheet with merged regions (tests use this).
    pub fn with_merges(mut self, merges: Vec<Dimensions>) -> Sheet {
        self.merges = merges;
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
        for m in &self.merges {
            if row >= m.start.0 && row <= m.end.0 && col >= m.start.1 && col <= m.end.1 {
                return self.get(m.start.0, m.start.1);
            }
        }
        self.get(row, col)
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
    use super::*;

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
