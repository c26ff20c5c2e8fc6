//! Stage 4, narrative: what the officer wrote and placed in the report
//! folder. `narasi/*.md` is read into the model and rendered against it
//! (minijinja, then Markdown → blocks of data, [`jinja`]); the default text
//! stands in for every section the folder lacks ([`bawaan`]); the pictures
//! of `gambar/` that Typst can decode are listed ([`pictures`]); template
//! overrides that link out of the folder are refused. Done once per build:
//! review checks the result, the renderers print it.

pub mod bawaan;
pub mod jinja;
pub mod pictures;
pub mod slot;

use crate::config::Config;
use crate::finding::{Finding, Findings, Location};
use crate::folder::{Folder, Refused};
use crate::model::ReportModel;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

pub use bawaan::NARASI_BAWAAN;
pub use pictures::pictures;

/// Narrative blocks by file stem (`1.1-tugas-dan-fungsi`, `sasaran-1`,
/// `program-1.06.02`).
pub type Narasi = BTreeMap<String, Vec<Value>>;

/// The file names of `gambar/` that can be placed.
pub type Gambar = HashSet<String>;

/// The narrative of a report as rendered once: the blocks, the errors of
/// the texts that failed, and the usable pictures.
#[derive(Clone, Default)]
pub struct Naskah {
    pub narasi: Narasi,
    pub errors: Vec<Finding>,
    pub gambar: Gambar,
}

/// The plain text of narrative inlines (a block's `c`): line breaks as
/// spaces, no marks.
/// Whether a line reads as a sub-heading, not a sentence: at most `max`
/// characters and no closing punctuation ("a. Kedudukan", "**4. Bidang …**",
/// a numbered list of one such line).
pub fn reads_as_heading(text: &str, max: usize) -> bool {
    text.chars().count() <= max && !text.trim_end().ends_with(['.', ',', ';', ':'])
}

pub fn plain_text(inlines: &Value) -> String {
    fn walk(v: &Value, out: &mut String) {
        for x in v.as_array().into_iter().flatten() {
            match x["t"].as_str() {
                Some("text") => out.push_str(x["s"].as_str().unwrap_or_default()),
                Some("br") => out.push(' '),
                _ => {
                    if let Some(c) = x.get("c") {
                        walk(c, out);
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(inlines, &mut out);
    out
}

/// Reads the narrative sources of the folder into the model, checks the
/// template overrides and pictures, and renders every text. Every problem
/// is also a finding.
pub fn prepare(m: &mut ReportModel, config: &Config, folder: &Folder, f: &mut Findings) -> Naskah {
    read(m, folder, &config.batas, f);
    attach_by_code(m);
    check_templates(folder, f);
    let mut picture_findings = Vec::new();
    let gambar = pictures(folder, &config.batas, &mut picture_findings);
    for p in picture_findings {
        f.push(p);
    }
    let (narasi, errors) = render_all(m);
    for e in &errors {
        f.push(e.clone());
    }
    Naskah { narasi, errors, gambar }
}

/// A narrative named after a program, kegiatan or sub kegiatan by the code
/// of the other numbering (`sub-1.06.01.2.01.0001.md` where the Renja codes
/// the Program Penunjang `X.XX.01…`, or the other way round) is filed
/// under the model's code: both name one row ([`crate::model::Kode::match_key`]), and an
/// officer who wrote last year's files must not lose them to SIPD's
/// renumbering. A stem the model already has, or no row matches, stays.
fn attach_by_code(m: &mut ReportModel) {
    let mut model_codes: BTreeMap<(&str, String), String> = BTreeMap::new();
    for p in &m.programs {
        model_codes.insert(("program-", p.kode.match_key()), p.kode.to_string());
        for k in &p.kegiatan {
            model_codes.insert(("kegiatan-", k.kode.match_key()), k.kode.to_string());
            for s in &k.sub_kegiatan {
                model_codes.insert(("sub-", s.kode.match_key()), s.kode.to_string());
            }
        }
    }
    let mut moves = Vec::new();
    for stem in m.narasi.keys() {
        for prefix in ["program-", "kegiatan-", "sub-"] {
            let Some(code) = stem.strip_prefix(prefix) else {
                continue;
            };
            let Some(kode) = crate::ingest::cell::parse_kode_text(code) else {
                continue;
            };
            if let Some(own) = model_codes.get(&(prefix, kode.match_key()))
                && *own != code
            {
                let target = format!("{prefix}{own}");
                if !m.narasi.contains_key(&target) {
                    moves.push((stem.clone(), target));
                }
            }
        }
    }
    for (from, to) in moves {
        if let Some(text) = m.narasi.remove(&from) {
            m.narasi.entry(to).or_insert(text);
        }
    }
}

/// `narasi/*.md` → `model.narasi`, each file bounded by `[batas] narasi_kb`
/// and all of them together by `narasi_total_mb` (600 files each under the
/// per-file limit must not fill the memory).
fn read(m: &mut ReportModel, folder: &Folder, batas: &crate::config::Batas, f: &mut Findings) {
    let dir = folder.narasi();
    let limit = batas.narasi_kb.saturating_mul(1024);
    let mut budget = batas.narasi_total_mb.saturating_mul(1024 * 1024);
    for file in Folder::names(&dir).into_iter().filter(|n| n.ends_with(".md")) {
        let stem = file.trim_end_matches(".md").to_string();
        let loc = || Location::file(format!("narasi/{file}"));
        match folder.read(&dir.join(&file), limit.min(budget)) {
            Ok(bytes) => {
                budget -= bytes.len() as u64;
                match String::from_utf8(bytes) {
                    Ok(text) => {
                        m.narasi.insert(stem, text);
                    }
                    Err(_) => {
                        f.error(
                            "narrative-unreadable",
                            loc(),
                            "narasi bukan teks UTF-8; simpan ulang sebagai UTF-8",
                        );
                    }
                }
            }
            Err(Refused::Outside) => {
                f.error(
                    "path-outside",
                    loc(),
                    "tautan ke luar folder laporan; narasi hanya dibaca dari dalam folder laporan",
                );
            }
            Err(Refused::TooLarge { size, .. }) if size > limit => {
                f.error(
                    "narrative-too-large",
                    loc(),
                    format!(
                        "narasi {} KB, melebihi batas {} KB ([batas] narasi_kb)",
                        size / 1024,
                        batas.narasi_kb
                    ),
                );
            }
            Err(Refused::TooLarge { .. }) => {
                f.error(
                "narrative-too-large",
                loc(),
                format!(
                    "narasi-narasi bersama melebihi batas {} MB ([batas] narasi_total_mb); berkas ini dan berikutnya tidak dibaca",
                    batas.narasi_total_mb
                ),
            );
            }
            Err(r) => {
                f.error(
                    "narrative-unreadable",
                    loc(),
                    format!("narasi tidak dapat dibaca: {}", r.message()),
                );
            }
        }
    }
}

/// A template override that links out of the folder is not used (the
/// embedded one is); one that cannot be read within the limit (a FIFO, a
/// device, a huge file) is an error.
fn check_templates(folder: &Folder, f: &mut Findings) {
    let dir = folder.templates();
    for name in Folder::names(&dir) {
        let loc = || Location::file(format!("templates/{name}"));
        match folder.read(&dir.join(&name), crate::folder::TEMPLATE_LIMIT) {
            Ok(_) | Err(Refused::Missing) => {}
            Err(Refused::Outside) => {
                f.warning(
                    "path-outside",
                    loc(),
                    "tautan ke luar folder laporan; templat bawaan lkjip yang dipakai",
                );
            }
            Err(r) => {
                f.error(
                    "template-unreadable",
                    loc(),
                    format!("templat tidak dapat dipakai: {}", r.message()),
                );
            }
        }
    }
}

/// The narrative sources to render: the report folder's (`model.narasi`)
/// and, for every section it lacks, the default text. Each with the name
/// shown in diagnostics.
fn sources(m: &ReportModel) -> Vec<(String, String, &str)> {
    let mut sources: Vec<(String, String, &str)> = m
        .narasi
        .iter()
        .map(|(stem, text)| (stem.clone(), format!("narasi/{stem}.md"), text.as_str()))
        .collect();
    for (stem, text) in NARASI_BAWAAN {
        if !m.narasi.contains_key(*stem) {
            sources.push((stem.to_string(), format!("(bawaan) narasi/{stem}.md"), text));
        }
    }
    sources
}

/// Renders every narrative text against the model. A text that fails is
/// left out of the result and its finding returned.
pub fn render_all(m: &ReportModel) -> (Narasi, Vec<Finding>) {
    let env = jinja::environment();
    let context = jinja::context(m);
    let mut out = Narasi::new();
    let mut errors = Vec::new();
    for (stem, name, text) in sources(m) {
        // the headings of an analysis slot left empty are not printed
        let text = slot::filled(text);
        match jinja::render(&env, &name, &text, &context) {
            Ok(blocks) => {
                out.insert(stem, blocks);
            }
            Err(f) => errors.push(f),
        }
    }
    (out, errors)
}
