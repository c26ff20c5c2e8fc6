//! The cell parsers (amount, number, percent, target with unit, code) on
//! any text and any number: they return a value or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::ingest::cell::{
    Cell, closest_percent, decimal_from_f64, parse_amount, parse_kode, parse_kode_text, parse_number,
    parse_number_text, parse_percent, parse_target_line, parse_targets,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let number = if data.len() >= 8 {
        f64::from_le_bytes(data[..8].try_into().unwrap_or([0; 8]))
    } else {
        0.0
    };
    for cell in [Cell::Text(text.clone()), Cell::Number(number), Cell::Date(text.clone()), Cell::Error(text.clone())] {
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
});
