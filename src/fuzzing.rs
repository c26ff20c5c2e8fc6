//! The bodies of the fuzz targets (`fuzz/`), here so that the normal test
//! suite can run the fuzz corpora and crash reproducers through exactly the
//! same code (`tests/fuzz_corpus.rs`) without a nightly toolchain. Each
//! function must return for any input; a panic is a bug.

use crate::finding::Findings;
use crate::ingest::cell::{
    Cell, closest_percent, decimal_from_f64, parse_amount, parse_kode, parse_kode_text, parse_number,
    parse_number_text, parse_percent, parse_target_line, parse_targets,
};
use crate::ingest::workbook::Workbook;
use crate::ingest::{kinerja, realisasi, renja, spm};
use crate::narrative::jinja::{context, environment, render};

/// The cell parsers on any text and any number.
pub fn cell(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let number = data
        .get(..8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(f64::from_le_bytes)
        .unwrap_or(0.0);
    for cell in [
        Cell::Text(text.clone()),
        Cell::Number(number),
        Cell::Percent(number),
        Cell::Date(text.clone()),
        Cell::Error(text.clone()),
    ] {
        let _ = parse_amount(&cell);
        let _ = parse_number(&cell);
        if let Ok(Some(p)) = parse_percent(&cell) {
            let _ = closest_percent(p, p);
        }
        let _ = parse_targets(&cell);
        let _ = cell.shown();
    }
    let _ = parse_number_text(&text);
    let _ = decimal_from_f64(number);
    let _ = parse_target_line(&text);
    if let Some(k) = parse_kode_text(&text) {
        let _ = (k.level(), k.parent(), k.match_key());
    }
    let parts: Vec<String> = text.split(['\t', '|']).map(str::to_string).collect();
    let _ = parse_kode(&parts);
}

/// Any bytes as a workbook, read in each of the four roles.
pub fn workbook(data: &[u8]) {
    for role in 0..4 {
        let Ok(mut wb) = Workbook::from_bytes(data.to_vec(), "fuzz.xlsx") else {
            return;
        };
        let mut f = Findings::new();
        match role {
            0 => drop(renja::read(&mut wb, None, &mut f)),
            1 => drop(realisasi::read(&mut wb, None, &mut f)),
            2 => drop(spm::read(&mut wb, None, &mut f)),
            _ => drop(kinerja::read(&mut wb, &mut f)),
        }
        for x in f.iter() {
            let _ = x.to_string();
        }
    }
}

/// Any UTF-8 as a narrative file against a small model.
pub fn narrative(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let env = environment();
    let ctx = context(&serde_json::json!({
        "identitas": {"tahun": 2024, "nama_opd": "Dinas Uji"},
        "ringkasan": {"pagu": "10314852053", "realisasi": "9521256875"},
        "hasil": {"persen_realisasi": "92.306"},
        "programs": [{"kode": "1.06.02", "nama": "PROGRAM", "pagu": "1000"}],
    }));
    let _ = render(&env, "narasi/fuzz.md", text, &ctx);
}

/// Any bytes as a picture of `gambar/`: the header sniffing never panics,
/// and a size it reports is what the header says.
pub fn picture(data: &[u8]) {
    if let Some((_, w, h)) = crate::narrative::pictures::raster_size(data) {
        assert!(w > 0 && h > 0);
    }
    let tmp = std::env::temp_dir().join(format!("lkjip-fuzz-{}", std::process::id()));
    if std::fs::create_dir_all(tmp.join("gambar")).is_ok() && std::fs::write(tmp.join("gambar/x.svg"), data).is_ok() {
        let folder = crate::folder::Folder::new(&tmp);
        let _ = crate::narrative::pictures::read_picture(&folder, "x.svg", &crate::config::Batas::default());
    }
}
