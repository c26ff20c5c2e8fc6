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

    /// An error when the span holds more than `max_cells` cells — counted
    /// from column A, as lkjip's sheet holds each row from its first
    /// column (calamine's table starts at the first used column: fewer).
    fn check_and_reset(&mut self, max_cells: usize) -> Result<(), String> {
        if let Some((r0, r1, c0, c1)) = self.0.take() {
            let cells = (r1 - r0 + 1).saturating_mul(c1 + 1);
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

/// Checks every sheet part of an .xlsx before calamine reads it, the way
/// calamine reads it (an XML parser: either quote, namespace prefixes, a
/// cell or row without `r=` at the position implied by the one before):
/// the cells must not span more than `max_cells` (calamine makes a sheet's
/// cells one dense table), and the text the cells hold — a shared string
/// counted once per cell that names it, as calamine copies it — must stay
/// within `max_text` bytes. Every part holding `sheetData` is checked,
/// wherever the relationships put it.
pub(super) fn xlsx_sound(bytes: &[u8], max_cells: usize, max_text: u64) -> Result<(), String> {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports the damage
    };
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else { continue };
        let name = entry.name().unwrap_or_default().to_string();
        if !name.to_ascii_lowercase().ends_with(".xml") {
            continue;
        }
        let mut xml = Vec::new();
        // the unzipped size was checked against [batas] before; a part
        // whose checksum fails is still scanned with what was read, since
        // calamine parses those bytes before the error reaches it (found
        // by fuzzing: a sheet with a bad CRC passed unchecked)
        let _ = entry.read_to_end(&mut xml);
        if !xml.is_empty() {
            parts.push((name, xml));
        }
    }
    let strings: Vec<u64> = parts
        .iter()
        .filter(|(_, xml)| contains(xml, b"<sst") || contains(xml, b":sst"))
        .flat_map(|(_, xml)| shared_string_sizes(xml))
        .collect();
    let mut text: u64 = 0;
    for (name, xml) in parts.iter().filter(|(_, xml)| contains(xml, b"sheetData")) {
        let shown = name.rsplit('/').next().unwrap_or(name);
        text = text.saturating_add(scan_sheet(xml, &strings, max_cells).map_err(|e| format!("{shown}: {e}"))?);
        if text > max_text {
            return Err(format!(
                "teks sel-selnya lebih dari {} MB ([batas] teks_mb): satu teks yang dirujuk oleh sangat banyak sel?",
                max_text / (1024 * 1024)
            ));
        }
    }
    Ok(())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The byte length of each shared string (`<si>`), in order.
fn shared_string_sizes(xml: &[u8]) -> Vec<u64> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut current: Option<u64> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => current = Some(0),
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => out.push(0),
            Ok(Event::End(e)) if e.local_name().as_ref() == "si" => out.extend(current.take()),
            Ok(Event::Text(t)) => {
                if let Some(n) = current.as_mut() {
                    *n += t.len() as u64;
                }
            }
            Ok(Event::GeneralRef(_)) => {
                if let Some(n) = current.as_mut() {
                    *n += 4;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// One sheet part: the cells' bounding box against `max_cells` (positions
/// as calamine assigns them) and the text they hold, returned.
fn scan_sheet(xml: &[u8], strings: &[u64], max_cells: usize) -> Result<u64, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    // read as calamine reads (xlsx::xml_reader): a mismatched end tag does
    // not stop it, `<c/>` is a start and an end (found by fuzzing: a
    // `</yow>` stopped this scan while calamine went on to a far cell)
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.expand_empty_elements = true;
    config.trim_text(false);
    let mut bbox = BoundingBox::default();
    let (mut row, mut col) = (0u64, 0u64);
    let mut text: u64 = 0;
    // inside a cell: whether it names a shared string, inside its <v>
    let (mut shared, mut in_value) = (false, false);
    // the position of the open cell until it shows a value or formula
    // (calamine keeps no empty cell, and a styled empty cell costs nothing)
    let mut pending: Option<(u64, u64)> = None;
    let attr = |e: &quick_xml::events::BytesStart, key: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == key)
            .map(|a| a.value.into_owned())
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "row" => {
                    if let Some(r) = attr(&e, "r").and_then(|r| position(r.as_bytes())) {
                        row = r.0;
                    }
                }
                "c" => {
                    if let Some((r, c)) = attr(&e, "r").and_then(|r| position(r.as_bytes())) {
                        row = r;
                        col = c.unwrap_or(col);
                    }
                    pending = Some((row, col));
                    shared = attr(&e, "t").is_some_and(|t| t == "s");
                }
                name @ ("v" | "f" | "is") => {
                    if let Some((r, c)) = pending.take() {
                        bbox.add(r, c);
                    }
                    in_value = name == "v";
                }
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "row" => {
                    row = row.saturating_add(1);
                    col = 0;
                }
                "c" => {
                    col = col.saturating_add(1);
                    shared = false;
                    pending = None;
                }
                "v" => in_value = false,
                _ => {}
            },
            Ok(Event::Text(t)) => {
                let idx = (shared && in_value).then(|| t.trim().parse::<usize>().ok()).flatten();
                text = text.saturating_add(match idx {
                    Some(i) => strings.get(i).copied().unwrap_or(0),
                    None => t.len() as u64,
                });
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    bbox.check_and_reset(max_cells)?;
    Ok(text)
}

/// `B5` → (row 4, Some(col 1)); `5` → (row 4, None), as calamine reads a
/// reference (zero-based); `None` when it is not one.
fn position(r: &[u8]) -> Option<(u64, Option<u64>)> {
    let letters = r.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters > 3 {
        return None;
    }
    let row = std::str::from_utf8(&r[letters..]).ok()?.parse::<u64>().ok()?;
    let col = (letters > 0).then(|| {
        r[..letters]
            .iter()
            .fold(0u64, |acc, c| acc * 26 + u64::from(c.to_ascii_uppercase() - b'A' + 1))
            - 1
    });
    Some((row.saturating_sub(1), col))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip holding `parts` (name, XML): just what the guard reads.
    fn zip_of(parts: &[(&str, String)]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, xml) in parts {
            out.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            out.write_all(xml.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    fn sheet(cells: &str) -> String {
        format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
        )
    }

    const CELLS: usize = 50_000 * 64;
    const TEXT: u64 = 1024 * 1024;

    #[test]
    fn the_xlsx_guard_reads_positions_as_calamine_does() {
        let ok = zip_of(&[(
            "xl/worksheets/sheet1.xml",
            sheet(r#"<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row>"#),
        )]);
        assert_eq!(xlsx_sound(&ok, CELLS, TEXT), Ok(()));
        // single quotes, a namespace prefix, a part outside xl/worksheets/
        for (name, cells) in [
            (
                "xl/worksheets/sheet1.xml",
                r#"<row r='1'><c r='A1'><v>1</v></c><c r='XFD1048576'><v>2</v></c></row>"#.to_string(),
            ),
            (
                "xl/lain/data.xml",
                r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#
                    .to_string(),
            ),
            (
                "xl/worksheets/sheet1.xml",
                r#"<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="XFD1048576"><x:v>2</x:v></x:c></x:row>"#
                    .to_string(),
            ),
            // cells without r=: the implied column runs on from XFD1 (calamine)
            (
                "xl/worksheets/sheet1.xml",
                r#"<row r="1"><c r="XFD1"><v>1</v></c></row><row r="1048576"><c><v>1</v></c></row>"#.to_string(),
            ),
        ] {
            let e = xlsx_sound(&zip_of(&[(name, sheet(&cells))]), CELLS, TEXT).unwrap_err();
            assert!(
                e.contains("sel lembar tersebar dari A1 sampai XFD1048576"),
                "{name}: {e}"
            );
        }
    }

    /// The fuzzer's reproducer: the far-apart cells of the test above in a
    /// sheet part whose CRC does not match (the zip crate reports the
    /// error after handing out the bytes; calamine parses them anyway).
    #[test]
    fn a_sheet_part_with_a_bad_checksum_is_checked_too() {
        let bytes = include_bytes!("../../../fuzz/regressions/workbook/crash-aeacbd8ec3dc6afbdb3abb17184ff8cde7170aa8");
        let e = xlsx_sound(bytes, CELLS, TEXT).unwrap_err();
        assert!(e.contains("sel lembar tersebar dari A1 sampai XFD1048576"), "{e}");
    }

    /// The second reproducer: `</yow>` for `</row>` (calamine does not
    /// check end names and goes on to the cell at row 1 048 576); and a
    /// styled empty cell, which calamine does not keep, costs nothing.
    #[test]
    fn a_mismatched_end_tag_does_not_stop_the_scan() {
        let bytes = include_bytes!("../../../fuzz/regressions/workbook/oom-13d57d5d514f3c2575e1e624dce2fb9f5924b238");
        let e = xlsx_sound(bytes, CELLS, TEXT).unwrap_err();
        // (col XFE: the row end was not read, so the column went on)
        assert!(e.contains("sampai XFE1048576"), "{e}");
        let styled = sheet(r#"<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576" s="1"/></row>"#);
        assert_eq!(
            xlsx_sound(&zip_of(&[("xl/worksheets/sheet1.xml", styled)]), CELLS, TEXT),
            Ok(())
        );
        // cells far to the right are counted from column A, as lkjip holds them
        let right: String = (1..=300)
            .map(|r| format!(r#"<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>"#))
            .collect();
        assert!(xlsx_sound(&zip_of(&[("xl/worksheets/sheet1.xml", sheet(&right))]), CELLS, TEXT).is_err());
    }

    #[test]
    fn one_shared_string_named_by_many_cells_counts_for_each() {
        let sst = format!(r#"<sst><si><t>{}</t></si></sst>"#, "x".repeat(1000));
        let cells: String = (1..=2000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
            .collect();
        let bytes = zip_of(&[
            ("xl/sharedStrings.xml", sst),
            ("xl/worksheets/sheet1.xml", sheet(&cells)),
        ]);
        // 2 000 cells × 1 000 bytes = 2 MB of copies, over a 1 MB bound
        let e = xlsx_sound(&bytes, CELLS, TEXT).unwrap_err();
        assert!(e.contains("teks sel-selnya lebih dari 1 MB"), "{e}");
        assert_eq!(xlsx_sound(&bytes, CELLS, 4 * TEXT), Ok(()));
    }
}
