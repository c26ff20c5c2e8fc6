//! Reading a report folder: `lkjip.toml`, then each input workbook through
//! its importer, then the model. Missing optional inputs are fine; every
//! problem becomes a finding and all of them are returned together.

use crate::compute::{self, Rules};
use crate::config::{Config, Peran};
use crate::finding::{Findings, Location};
use crate::ingest::detect_role;
use crate::ingest::kinerja::{self, Kinerja};
use crate::ingest::realisasi::{self, Realisasi};
use crate::ingest::renja::{self, Renja};
use crate::ingest::spm::{self, Spm};
use crate::ingest::workbook::{MAX_FILE_BYTES, Workbook};
use crate::model::{self, ReportModel, Sumber};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Everything read from a report folder, before the model is built.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub config: Config,
    pub renja: Option<Renja>,
    pub realisasi: Option<Realisasi>,
    pub realisasi_lalu: Option<Realisasi>,
    pub spm: Option<Spm>,
    pub kinerja: Option<Kinerja>,
    pub sumber: Vec<Sumber>,
}

/// The result of reading a folder: the model when it could be built, and
/// every finding of the run.
pub struct Loaded {
    pub config: Option<Config>,
    pub model: Option<ReportModel>,
    pub findings: Findings,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads and checks a report folder.
pub fn load(dir: &Path) -> Loaded {
    let mut findings = Findings::new();
    let Some(inputs) = read_inputs(dir, &mut findings) else {
        return Loaded {
            config: None,
            model: None,
            findings,
        };
    };
    let config = inputs.config.clone();
    let rules = match Rules::new(&config.aturan) {
        Ok(r) => r,
        Err(e) => {
            findings.error("config-invalid", Location::file(crate::config::CONFIG_FILE), e);
            return Loaded {
                config: Some(config),
                model: None,
                findings,
            };
        }
    };
    compute::check_inputs(&inputs, &rules, &mut findings);
    let mut model = model::build(inputs, &mut findings);
    if let Some(m) = &mut model {
        compute::derive(m, &rules, &mut findings);
        crate::review::examine(m, &config, &rules, dir, &mut findings);
    }
    if let Some(m) = &model {
        let mut with_findings = m.clone();
        with_findings.temuan = findings.iter().cloned().collect();
        return Loaded {
            config: Some(config),
            model: Some(with_findings),
            findings,
        };
    }
    Loaded {
        config: Some(config),
        model,
        findings,
    }
}

/// Reads `lkjip.toml` and every input workbook of `dir`.
pub fn read_inputs(dir: &Path, f: &mut Findings) -> Option<Inputs> {
    if !dir.is_dir() {
        f.error(
            "folder-missing",
            Location::file(dir.display().to_string()),
            "folder laporan tidak ditemukan".to_string(),
        );
        return None;
    }
    let config = match Config::load(dir) {
        Ok(c) => c,
        Err(e) => {
            f.push(e);
            return None;
        }
    };
    let mut inputs = Inputs {
        renja: None,
        realisasi: None,
        realisasi_lalu: None,
        spm: None,
        kinerja: None,
        sumber: Vec::new(),
        config,
    };
    for peran in Peran::ALL {
        let (display, full, exists) = inputs.config.locate(dir, peran);
        if !exists {
            if peran.required() {
                f.error(
                    "file-missing",
                    Location::file(&display),
                    format!("{} tidak ditemukan (dicari {display} dan .xls)", peran.label()),
                );
            } else if inputs.config.configured(peran).is_some() {
                f.error(
                    "file-missing",
                    Location::file(&display),
                    format!("{} yang disebut di lkjip.toml tidak ditemukan", peran.label()),
                );
            }
            continue;
        }
        let Some(mut wb) = open(&full, &display, peran, &mut inputs.sumber, f) else {
            continue;
        };
        let sheet = inputs.config.sheet(peran).map(str::to_string);
        let sheet = sheet.as_deref();
        let read = match peran {
            Peran::Renja => renja::read(&mut wb, sheet, f).map(|r| inputs.renja = Some(r)),
            Peran::Realisasi => realisasi::read(&mut wb, sheet, f).map(|r| inputs.realisasi = Some(r)),
            Peran::RealisasiLalu => realisasi::read(&mut wb, sheet, f).map(|r| inputs.realisasi_lalu = Some(r)),
            Peran::Spm => spm::read(&mut wb, sheet, f).map(|r| inputs.spm = Some(r)),
            Peran::Kinerja => {
                inputs.kinerja = Some(kinerja::read(&mut wb, f));
                Some(())
            }
        };
        if read.is_none()
            && let Some(other) = detect_role(&mut wb).filter(|o| !same_kind(*o, peran))
        {
            f.error(
                "wrong-role",
                Location::file(&display),
                format!(
                    "berkas ini tampaknya {}, bukan {}; periksa nama berkas atau [berkas] di lkjip.toml",
                    other.label(),
                    peran.label()
                ),
            );
        }
    }
    Some(inputs)
}

/// The previous year's report has the same layout as this year's.
fn same_kind(a: Peran, b: Peran) -> bool {
    let norm = |p| if p == Peran::RealisasiLalu { Peran::Realisasi } else { p };
    norm(a) == norm(b)
}

fn open(full: &Path, display: &str, peran: Peran, sumber: &mut Vec<Sumber>, f: &mut Findings) -> Option<Workbook> {
    let size = std::fs::metadata(full).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        f.error(
            "file-too-large",
            Location::file(display),
            format!(
                "berkas berukuran {} MB, melebihi batas {} MB",
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        );
        return None;
    }
    let bytes = match std::fs::read(full) {
        Ok(b) => b,
        Err(e) => {
            f.error(
                "file-unreadable",
                Location::file(display),
                format!("berkas tidak dapat dibaca: {e}"),
            );
            return None;
        }
    };
    sumber.push(Sumber {
        peran,
        berkas: display.to_string(),
        sha256: sha256_hex(&bytes),
    });
    match Workbook::from_bytes(bytes, display) {
        Ok(wb) => Some(wb),
        Err(e) => {
            f.push(e);
            None
        }
    }
}
