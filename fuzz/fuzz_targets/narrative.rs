//! A narrative file (minijinja + Markdown) against a small model: any text
//! renders or is a located finding, never a panic or a hang (fuel).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::render::narrative::{context, environment, render};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let env = environment();
    let ctx = context(&serde_json::json!({
        "identitas": {"tahun": 2024, "nama_opd": "Dinas Uji"},
        "ringkasan": {"pagu": "10314852053", "realisasi": "9521256875"},
        "hasil": {"persen_realisasi": "92.306"},
        "programs": [{"kode": "1.06.02", "nama": "PROGRAM", "pagu": "1000"}],
    }));
    let _ = render(&env, "narasi/fuzz.md", text, &ctx);
});
