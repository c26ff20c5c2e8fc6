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

use crate::config::Config;
use crate::finding::{Finding, Findings, Location};
use crate::folder::Folder;
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

/// Reads the narrative sources of the folder into the model, checks the
/// template overrides and pictures, and renders every text. Every problem
/// is also a finding.
pub fn prepare(m: &mut ReportModel, config: &Config, folder: &Folder, f: &mut Findings) -> Naskah {
    read(m, folder, config.batas.narasi_kb, f);
    check_templates(folder, f);
    let mut picture_findings = Vec::new();
    let gambar = pictures(folder, &mut picture_findings);
    for p in picture_findings {
        f.push(p);
    }
    let (narasi, errors) = render_all(m);
    for e in &errors {
        f.push(e.clone());
    }
    Naskah { narasi, errors, gambar }
}

/// `narasi/*.md` → `model.narasi`, each file bounded by `[batas] narasi_kb`.
fn read(m: &mut ReportModel, folder: &Folder, limit_kb: u64, f: &mut Findings) {
    let dir = folder.narasi();
    for file in Folder::names(&dir).into_iter().filter(|n| n.ends_with(".md")) {
        let stem = file.trim_end_matches(".md").to_string();
        let path = dir.join(&file);
        let loc = || Location::file(format!("narasi/{file}"));
        if !folder.contains(&path) {
            f.error(
                "path-outside",
                loc(),
                "tautan ke luar folder laporan; narasi hanya dibaca dari dalam folder laporan",
            );
            continue;
        }
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        if size > limit_kb * 1024 {
            f.error(
                "narrative-too-large",
                loc(),
                format!(
                    "narasi {} KB, melebihi batas {limit_kb} KB ([batas] narasi_kb)",
                    size / 1024
                ),
            );
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                m.narasi.insert(stem, text);
            }
            Err(e) => f.error(
                "narrative-unreadable",
                Location::file(format!("narasi/{file}")),
                format!("narasi tidak dapat dibaca: {e}"),
            ),
        }
    }
}

/// A template override that links out of the folder is not used.
fn check_templates(folder: &Folder, f: &mut Findings) {
    let dir = folder.templates();
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut names: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    names.sort();
    for n in names {
        if !folder.contains(&dir.join(&n)) {
            f.warning(
                "path-outside",
                Location::file(format!("templates/{}", n.to_string_lossy())),
                "tautan ke luar folder laporan; templat bawaan lkjip yang dipakai",
            );
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
        match jinja::render(&env, &name, text, &context) {
            Ok(blocks) => {
                out.insert(stem, blocks);
            }
            Err(f) => errors.push(f),
        }
    }
    (out, errors)
}
