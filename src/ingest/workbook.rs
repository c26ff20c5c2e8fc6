//! Opening workbooks with calamine and exposing their sheets as grids of
//! [`Cell`]s with absolute positions, so every message can name the cell.
//! This is the only module that knows calamine.

use super::cell::{Cell, cell_ref, float_text};
use crate::finding::{Finding, Location, Severity};
use calamine::{Data, Dimensions, Reader, Sheets, Xls, Xlsx};
use std::io::Cursor;
use std::path::Path;

use crate::config::Batas;

/// An open workbook.
pub struct Workbook {
    /// The path as shown in messages (relative to the report folder).
    pub display: String,
    sheets: Sheets<Cursor<Vec<u8>>>,
    max_rows: u32,
    max_cell: usize,
    /// Problems found while reading sheets (cells over the length limit);
    /// the caller adds them to its findings.
    pub notes: Vec<Finding>,
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
        let max_cells = (batas.baris as usize).saturating_mul(64);
        let sheets = if is_zip {
            check_unzipped_size(&bytes, display, batas.ukuran_terurai_mb)?;
            xlsx_sound(&bytes, max_cells).map_err(corrupt)?;
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
        Ok(Workbook {
            display: display.to_string(),
            sheets,
            max_rows: batas.baris,
            max_cell: batas.panjang_sel,
            notes: Vec::new(),
        })
    }

    /// The row limit, for the message when a sheet is cut.
    pub fn max_rows(&self) -> u32 {
        self.max_rows
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// Reads one sheet into a grid.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, Finding> {
        let unreadable = |e: String| Finding {
            severity: Severity::Error,
            code: "sheet-unreadable",
            location: Location::sheet(&self.display, name),
            message: format!("lembar tidak dapat dibaca ({e})"),
        };
        let sheets = &mut self.sheets;
        let range = guarded(|| sheets.worksheet_range(name))
            .map_err(&unreadable)?
            .map_err(|e| unreadable(e.to_string()))?;
        let merges: Vec<Dimensions> = guarded(|| match &mut self.sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            _ => Vec::new(),
        })
        .unwrap_or_default();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut truncated = false;
        if let Some((r0, c0)) = range.start() {
            let (h, w) = range.get_size();
            let height = (h as u32).min(self.max_rows.saturating_sub(r0));
            truncated = (h as u32) > height;
            rows.resize(r0 as usize, Vec::new());
            for (i, row) in range.rows().take(height as usize).enumerate() {
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.reserve(w);
                for (j, data) in row.iter().enumerate() {
                    let mut cell = convert(data);
                    if let Cell::Text(t) = &mut cell
                        && t.len() > self.max_cell
                        && t.chars().count() > self.max_cell
                    {
                        let n = t.chars().count();
                        *t = t.chars().take(self.max_cell).collect();
                        self.notes.push(Finding {
                            severity: Severity::Error,
                            code: "cell-too-long",
                            location: Location::cell(
                                &self.display,
                                name,
                                cell_ref(r0 + i as u32, c0 + j as u32),
                            ),
                            message: format!(
                                "teks sel {n} karakter, melebihi batas {} (Excel sendiri membatasi 32.767); berkas ini tidak dibuat oleh Excel atau rusak",
                                self.max_cell
                            ),
                        });
                    }
                    cells.push(cell);
                }
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
            max_rows: self.max_rows,
        })
    }
}

/// Reads a regular file of at most `limit_mb`: a device or a file that
/// grows while read (`/dev/zero`) is refused, never read to its end.
pub fn read_bounded(path: &Path, display: &str, limit_mb: u64) -> Result<Vec<u8>, Finding> {
    use std::io::Read;
    let meta = std::fs::metadata(path)
        .map_err(|_| open_error(display, "file-missing", "berkas tidak ditemukan".to_string()))?;
    if !meta.is_file() {
        return Err(open_error(display, "file-unreadable", "bukan berkas biasa".to_string()));
    }
    let limit = limit_mb.saturating_mul(1024 * 1024);
    let too_large = |size: u64| {
        open_error(
            display,
            "file-too-large",
            format!(
                "berkas berukuran {} MB, melebihi batas {limit_mb} MB",
                size / (1024 * 1024)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path)
        .map_err(|e| open_error(display, "file-unreadable", format!("berkas tidak dapat dibaca: {e}")))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| open_error(display, "file-unreadable", format!("berkas tidak dapat dibaca: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Refuses an .xlsx whose entries unzip to more than `limit_mb` (by the
/// sizes its directory declares), before calamine inflates them.
fn check_unzipped_size(bytes: &[u8], display: &str, limit_mb: u64) -> Result<(), Finding> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // calamine reports the damage
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > limit_mb.saturating_mul(1024 * 1024) {
        return Err(open_error(
            display,
            "workbook-too-large",
            format!(
                "isi workbook terurai {} MB, melebihi batas {limit_mb} MB ([batas] ukuran_terurai_mb)",
                total / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

thread_local! {
    /// Set while calamine runs under [`guarded`]: its panics are answered
    /// with a finding, not printed.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs calamine on untrusted bytes, turning a panic inside it (a bug of
/// the parser, found by fuzzing: a sheet offset beyond the stream) into an
/// error message. The panic hook stays quiet for these; any other panic is
/// reported as before.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(|g| g.get()) {
                previous(info);
            }
        }));
    });
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    result.map_err(|payload| {
        let what = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("pembaca workbook gagal: {what}")
    })
}

/// The parts of an .xls (a compound file) needed to read a stream, after
/// checking its sector chains: every FAT and mini FAT entry points inside
/// the file and no chain loops (a looping chain makes calamine allocate
/// without end).
struct Compound<'a> {
    b: &'a [u8],
    size: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
}

/// First special sector number (FREESECT, ENDOFCHAIN, FATSECT, DIFSECT…).
const END: u32 = 0xFFFF_FFFA;

fn u32s(s: &[u8]) -> impl Iterator<Item = u32> + '_ {
    s.chunks_exact(4).map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

impl<'a> Compound<'a> {
    fn u32_at(&self, o: usize) -> Option<u32> {
        self.b
            .get(o..o + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    }

    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.size)?;
        self.b.get(start..start.checked_add(self.size)?)
    }

    /// The bytes of a chain of (mini) sectors; bounded, as chains are checked.
    fn chain(&self, start: u32, next: &[u32], unit: usize, get: &dyn Fn(u32) -> Option<&'a [u8]>) -> Vec<u8> {
        let mut out = Vec::new();
        let mut id = start;
        while id < END && out.len() < self.b.len().saturating_mul(2) {
            let Some(s) = get(id) else { break };
            out.extend_from_slice(&s[..unit.min(s.len())]);
            match next.get(id as usize) {
                Some(n) => id = *n,
                None => break,
            }
        }
        out
    }

    fn open(b: &'a [u8]) -> Result<Compound<'a>, &'static str> {
        let shift = b
            .get(30..32)
            .map(|x| u16::from_le_bytes([x[0], x[1]]))
            .ok_or("kepala berkas terpotong")?;
        if shift != 9 && shift != 12 {
            return Err("ukuran sektor tidak sah");
        }
        let mut c = Compound {
            b,
            size: 1usize << shift,
            fat: Vec::new(),
            minifat: Vec::new(),
        };
        let sectors = (b.len() / c.size).saturating_sub(1);
        // the FAT sectors: 109 in the header, the rest on the DIFAT chain
        let mut fat_ids: Vec<u32> = (0..109).filter_map(|i| c.u32_at(76 + 4 * i)).collect();
        let mut difat = c.u32_at(68).ok_or("kepala berkas terpotong")?;
        let mut hops = 0;
        while difat < END {
            hops += 1;
            if hops > sectors {
                return Err("rantai DIFAT berputar");
            }
            let ids: Vec<u32> = u32s(c.sector(difat).ok_or("sektor DIFAT di luar berkas")?).collect();
            fat_ids.extend(&ids[..ids.len() - 1]);
            difat = ids[ids.len() - 1];
        }
        for id in fat_ids.into_iter().filter(|id| *id < END) {
            let s = c.sector(id).ok_or("sektor FAT di luar berkas")?;
            c.fat.extend(u32s(s));
        }
        acyclic(&c.fat, END, "rantai sektor berputar atau keluar dari berkas")?;
        // the mini FAT, read along its FAT chain
        let mut id = c.u32_at(60).ok_or("kepala berkas terpotong")?;
        let mut minifat = Vec::new();
        while id < END {
            minifat.extend(u32s(c.sector(id).ok_or("sektor mini FAT di luar berkas")?));
            id = *c.fat.get(id as usize).ok_or("rantai mini FAT keluar dari FAT")?;
        }
        acyclic(&minifat, END, "rantai sektor mini berputar atau keluar dari berkas")?;
        c.minifat = minifat;
        Ok(c)
    }

    /// The stream called `name` (case-insensitive), as calamine reads it.
    fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let dir_start = self.u32_at(48)?;
        let fat = self.fat.clone();
        let dirs = self.chain(dir_start, &fat, self.size, &|id| self.sector(id));
        let entries: Vec<&[u8]> = dirs.chunks_exact(128).collect();
        let root = entries.first()?;
        let name_of = |e: &[u8]| {
            let n = (u16::from_le_bytes([e[64], e[65]]) as usize).min(64);
            let units: Vec<u16> = e[..n.saturating_sub(2)]
                .chunks_exact(2)
                .map(|x| u16::from_le_bytes([x[0], x[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        };
        let start_of = |e: &[u8]| u32::from_le_bytes([e[116], e[117], e[118], e[119]]);
        let len_of = |e: &[u8]| u32::from_le_bytes([e[120], e[121], e[122], e[123]]) as usize;
        let e = entries
            .iter()
            .find(|e| e[66] == 2 && name_of(e).eq_ignore_ascii_case(name))?;
        let len = len_of(e);
        let mut data = if len < 4096 {
            let ministream = self.chain(start_of(root), &fat, self.size, &|id| self.sector(id));
            let mini = |id: u32| -> Option<&[u8]> {
                let start = (id as usize).checked_mul(64)?;
                ministream.get(start..start.checked_add(64)?)
            };
            let mut out = Vec::new();
            let mut id = start_of(e);
            while id < END && out.len() < len {
                let Some(s) = mini(id) else { break };
                out.extend_from_slice(s);
                id = *self.minifat.get(id as usize)?;
            }
            out
        } else {
            self.chain(start_of(e), &fat, self.size, &|id| self.sector(id))
        };
        data.truncate(len);
        Some(data)
    }
}

/// Checks an .xls before calamine parses it: sound sector chains, and no
/// sheet whose DIMENSIONS record announces more cells than `max_cells`
/// (calamine reserves memory for all of them at once).
fn xls_sound(b: &[u8], max_cells: usize) -> Result<(), String> {
    let c = Compound::open(b).map_err(str::to_string)?;
    let Some(stream) = c.stream("Workbook").or_else(|| c.stream("Book")) else {
        return Ok(()); // calamine reports the missing stream
    };
    let mut pos = 0usize;
    // the cells' bounding box of the current sheet: calamine makes it dense
    let mut bbox = BoundingBox::default();
    while pos + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
        let len = u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]) as usize;
        let Some(r) = stream.get(pos + 4..pos + 4 + len) else {
            break;
        };
        let at = |o: usize| r.get(o..o + 2).map(|x| u16::from_le_bytes([x[0], x[1]]) as u64);
        match typ {
            // BOF, EOF: a new sheet
            0x0809 | 0x000A => bbox.check_and_reset(max_cells)?,
            // FORMULA, BLANK, NUMBER, LABEL, BOOLERR, RK, LABELSST, RSTRING
            0x0006 | 0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x00D6 => {
                if let (Some(row), Some(col)) = (at(0), at(2)) {
                    bbox.add(row, col);
                }
            }
            // MULRK, MULBLANK: a row of cells up to the last column
            0x00BD | 0x00BE => {
                if let (Some(row), Some(first), Some(last)) = (at(0), at(2), len.checked_sub(2).and_then(at)) {
                    bbox.add(row, first);
                    bbox.add(row, last.max(first));
                }
            }
            _ => {}
        }
        if typ == 0x0200 {
            let u16_at = |o: usize| u16::from_le_bytes([r[o], r[o + 1]]) as u64;
            let u32_at = |o: usize| u32::from_le_bytes([r[o], r[o + 1], r[o + 2], r[o + 3]]) as u64;
            let dims = match len {
                10 => Some((u16_at(0), u16_at(2), u16_at(4), u16_at(6))),
                14 | 16 => Some((u32_at(0), u32_at(4), u16_at(8), u16_at(10))),
                _ => None,
            };
            if let Some((rf, rl, mut cf, cl)) = dims {
                if cf > 0xFF || cl < cf {
                    cf = 0;
                }
                if rl >= 1 && cl >= 1 {
                    let (rows, cols) = ((rl - 1).checked_sub(rf), (cl - 1).checked_sub(cf));
                    let cells = rows.zip(cols).map(|(r, c)| (r + 1).saturating_mul(c + 1));
                    if cells.is_none_or(|n| n > max_cells as u64) {
                        return Err(format!(
                            "lembar mengaku berukuran baris {rf}–{rl}, kolom {cf}–{cl}: tidak wajar"
                        ));
                    }
                }
            }
        }
        pos += 4 + len;
    }
    bbox.check_and_reset(max_cells)
}

/// The span of the cells of one sheet, as (row, column) minimum and maximum.
#[derive(Default)]
struct BoundingBox(Option<(u64, u64, u64, u64)>);

impl BoundingBox {
    fn add(&mut self, row: u64, col: u64) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    /// An error when the span holds more than `max_cells` cells.
    fn check_and_reset(&mut self, max_cells: usize) -> Result<(), String> {
        if let Some((r0, r1, c0, c1)) = self.0.take() {
            let cells = (r1 - r0 + 1).saturating_mul(c1 - c0 + 1);
            if cells > max_cells as u64 {
                let clip = |x: u64| x.min(u64::from(u32::MAX - 1)) as u32;
                return Err(format!(
                    "sel lembar tersebar dari {} sampai {}: {cells} sel, tidak wajar",
                    cell_ref(clip(r0), clip(c0)),
                    cell_ref(clip(r1), clip(c1))
                ));
            }
        }
        Ok(())
    }
}

/// Checks the worksheets of an .xlsx before calamine reads them: the cells'
/// positions (`r="XFD1048576"`) must not span more than `max_cells`, since
/// calamine makes a sheet's cells one dense table.
fn xlsx_sound(bytes: &[u8], max_cells: usize) -> Result<(), String> {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports the damage
    };
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else { continue };
        let name = entry.name().unwrap_or_default().to_string();
        if !(name.starts_with("xl/worksheets/") && name.ends_with(".xml")) {
            continue;
        }
        let mut xml = Vec::new();
        // the unzipped size was checked against [batas] before
        if entry.read_to_end(&mut xml).is_err() {
            continue;
        }
        let mut bbox = BoundingBox::default();
        let mut at = 0;
        while let Some(k) = xml[at..].windows(4).position(|w| w == b" r=\"") {
            let start = at + k + 4;
            let end = xml[start..]
                .iter()
                .position(|&c| c == b'"')
                .map_or(xml.len(), |e| start + e);
            let r = &xml[start..end];
            let letters = r.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let digits = std::str::from_utf8(&r[letters..])
                .ok()
                .and_then(|d| d.parse::<u64>().ok());
            if let Some(row) = digits.filter(|_| letters <= 3) {
                let col = r[..letters]
                    .iter()
                    .fold(0u64, |acc, c| acc * 26 + u64::from(c.to_ascii_uppercase() - b'A' + 1));
                bbox.add(row.saturating_sub(1), col.saturating_sub(1));
            }
            at = end.max(start);
        }
        bbox.check_and_reset(max_cells)
            .map_err(|e| format!("{}: {e}", name.trim_start_matches("xl/worksheets/")))?;
    }
    Ok(())
}

/// Every chain of `next` ends (in a value ≥ `end`) without a loop and
/// without pointing past the table.
fn acyclic(next: &[u32], end: u32, why: &'static str) -> Result<(), &'static str> {
    // 0: not seen, 1: on the walk in progress, 2: known to end
    let mut state = vec![0u8; next.len()];
    let mut walk = Vec::new();
    for start in 0..next.len() {
        let mut i = start;
        walk.clear();
        loop {
            match state[i] {
                2 => break,
                1 => return Err(why),
                _ => {}
            }
            state[i] = 1;
            walk.push(i);
            let n = next[i];
            if n >= end {
                break;
            }
            if n as usize >= next.len() {
                return Err(why);
            }
            i = n as usize;
        }
        for &w in &walk {
            state[w] = 2;
        }
    }
    Ok(())
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
            merges: Vec::new(),
            truncated: false,
            max_rows: Batas::default().baris,
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
