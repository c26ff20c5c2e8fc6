//! Runs stages 1–5 for a report folder: `lkjip.toml` and the workbooks
//! (ingest), the model (assemble), every derived figure (compute), the
//! narrative, and the findings only the narrative can tell (review).
//! Missing optional inputs are fine; every problem becomes a finding and all
//! of them are returned together.

use crate::compute::{self, Rules};
use crate::config::{Config, Peran};
use crate::finding::{Findings, Location};
use crate::folder::{CONFIG_FILE, Folder, Stamp, stamp};
use crate::ingest::{Inputs, Pemetaan, read_inputs_for};
use crate::model::ReportModel;
use crate::narrative::Naskah;
use crate::render::RenderContext;
use std::path::Path;

/// The result of reading a folder: the model when it could be built, and
/// every finding of the run.
pub struct Loaded {
    pub folder: Folder,
    pub config: Option<Config>,
    /// The rules of `data/skala.toml` and `[aturan]`, built once per build.
    pub rules: Option<Rules>,
    pub model: Option<ReportModel>,
    pub findings: Findings,
    /// The narrative as rendered once, with the usable pictures.
    pub naskah: Naskah,
    /// The tables read and the column of every field (`lkjip check`).
    pub pemetaan: Vec<Pemetaan>,
    /// The workbooks came from the cache of `load_cached`: the model can
    /// differ from the previous one only in its narrative.
    pub inputs_reused: bool,
}

impl Loaded {
    /// What a renderer gets, when the model could be built.
    pub fn context(&self) -> Option<RenderContext<'_>> {
        Some(RenderContext {
            model: self.model.as_ref()?,
            config: self.config.as_ref()?,
            rules: self.rules.as_ref()?,
            folder: &self.folder,
            naskah: &self.naskah,
        })
    }
}

/// The workbooks as read, kept between the rebuilds of `lkjip watch`: a
/// narrative edit does not read the five workbooks again.
pub struct InputCache {
    /// Size and modification time of `lkjip.toml` and every input file.
    key: Vec<(String, Stamp)>,
    inputs: Inputs,
    findings: Findings,
}

/// What decides whether the cached inputs are still those of the folder.
fn cache_key(folder: &Folder, config: &Config) -> Vec<(String, Stamp)> {
    let mut paths = vec![folder.config()];
    for peran in Peran::ALL {
        let (_, full, _) = config.locate(folder.root(), peran);
        paths.push(full);
    }
    paths
        .into_iter()
        .map(|p| (p.display().to_string(), stamp(&p)))
        .collect()
}

/// Reads and checks a report folder.
pub fn load(dir: &Path) -> Loaded {
    load_cached(dir, &mut None)
}

/// [`load`], reusing the workbooks of `cache` when `lkjip.toml` and the
/// input files are unchanged (and refreshing it otherwise).
pub fn load_cached(dir: &Path, cache: &mut Option<InputCache>) -> Loaded {
    load_period(dir, None, cache)
}

/// [`load`] for the report of quarter `triwulan` (1–4): its realization
/// report stands for the year's so far (`build --triwulan N`).
pub fn load_quarter(dir: &Path, triwulan: u8) -> Loaded {
    load_period(dir, Some(triwulan), &mut None)
}

fn load_period(dir: &Path, triwulan: Option<u8>, cache: &mut Option<InputCache>) -> Loaded {
    let folder = Folder::new(dir);
    let mut findings = Findings::new();
    let mut inputs_reused = false;
    let cached = cache.as_ref().and_then(|c| {
        let key = cache_key(&folder, &c.inputs.config);
        (key == c.key).then(|| (c.inputs.clone(), c.findings.clone()))
    });
    let inputs = match cached {
        Some((inputs, f)) => {
            findings = f;
            inputs_reused = true;
            inputs
        }
        None => {
            let Some(inputs) = read_inputs_for(&folder, triwulan, &mut findings) else {
                *cache = None;
                return Loaded {
                    folder,
                    config: None,
                    rules: None,
                    model: None,
                    findings,
                    naskah: Naskah::default(),
                    pemetaan: Vec::new(),
                    inputs_reused: false,
                };
            };
            *cache = Some(InputCache {
                key: cache_key(&folder, &inputs.config),
                inputs: inputs.clone(),
                findings: findings.clone(),
            });
            inputs
        }
    };
    let config = inputs.config.clone();
    let pemetaan = inputs.pemetaan.clone();
    let rules = match Rules::new(&config.aturan) {
        Ok(r) => r,
        Err(e) => {
            findings.error("config-invalid", Location::file(CONFIG_FILE), e);
            return Loaded {
                folder,
                config: Some(config),
                rules: None,
                model: None,
                findings,
                naskah: Naskah::default(),
                pemetaan,
                inputs_reused,
            };
        }
    };
    compute::check_inputs(&inputs, &rules, &mut findings);
    let mut model = crate::assemble::assemble(inputs, &mut findings);
    let mut naskah = Naskah::default();
    if let Some(m) = &mut model {
        compute::derive(m, &rules, &mut findings);
        naskah = crate::narrative::prepare(m, &config, &folder, &mut findings);
        crate::review::examine(m, &rules, &naskah, &mut findings);
        m.temuan = findings.iter().cloned().collect();
    }
    Loaded {
        folder,
        config: Some(config),
        rules: Some(rules),
        model,
        findings,
        naskah,
        pemetaan,
        inputs_reused,
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::workbook::read_bounded;
    use std::path::Path;

    #[test]
    fn a_device_or_an_oversized_file_is_not_read() {
        let e = read_bounded(Path::new("/dev/zero"), "data/renja.xlsx", 1).unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (
                "file-unreadable",
                "bukan berkas biasa (folder, FIFO atau perangkat); tidak dibaca"
            )
        );
        let tmp = tempfile::tempdir().unwrap();
        let big = tmp.path().join("besar.xlsx");
        std::fs::write(&big, vec![0u8; 1024 * 1024 + 1]).unwrap();
        let e = read_bounded(&big, "data/besar.xlsx", 1).unwrap_err();
        assert_eq!(e.code, "file-too-large");
        assert_eq!(e.message, "berkas berukuran 1 MB, melebihi batas 1 MB");
    }
}
