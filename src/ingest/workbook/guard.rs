//! The guards that run before calamine sees a byte: an .xlsx whose entries
//! unzip past the limit, an .xls whose records announce or span more cells
//! than `[batas]` allows, and calamine itself under `catch_unwind`. Each came
//! from a fuzzing crash (fuzz/regressions/).

use super::*;

/// Refuses an .xlsx whose entries unzip to more than `limit_mb` (by the
/// sizes its directory declares), before calamine inflates them.
pub(super) fn check_unzipped_size(bytes: &[u8], display: &str, limit_mb: u64) -> Result<(), Finding> {
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
pub(super) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
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
pub(super) struct Compound<'a> {
    b: &'a [u8],
    pub(super) size: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
}

/// First special sector number (FREESECT, ENDOFCHAIN, FATSECT, DIFSECT…).
pub(super) const END: u32 = 0xFFFF_FFFA;

pub(super) fn u32s(s: &[u8]) -> impl Iterator<Item = u32> + '_ {
    s.chunks_exact(4).map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

impl<'a> Compound<'a> {
    pub(super) fn u32_at(&self, o: usize) -> Option<u32> {
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

    pub(super) fn open(b: &'a [u8]) -> Result<Compound<'a>, &'static str> {
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
    pub(super) fn stream(&self, name: &str) -> Option<Vec<u8>> {
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
pub(super) fn xls_sound(b: &[u8], max_cells: usize) -> Result<(), String> {
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
pub(super) struct BoundingBox(Option<(u64, u64, u64, u64)>);

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
pub(super) fn xlsx_sound(bytes: &[u8], max_cells: usize) -> Result<(), String> {
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
pub(super) fn acyclic(next: &[u32], end: u32, why: &'static str) -> Result<(), &'static str> {
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

pub(super) fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(pattern.len()).any(|w| w == pattern.as_slice())
}
