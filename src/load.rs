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
use crate::ingest::workbook::{Workbook, read_bounded};
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
    /// The narrative and pictures as checked (the PDF uses them instead of
    /// doing the work again).
    pub prepared: Option<crate::review::Prepared>,
    /// The workbooks came from the cache of `load_cached`: the model can
    /// differ from the previous one only in its narrative.
    pub inputs_reused: bool,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The workbooks as read, kept between the rebuilds of `lkjip watch`: a
/// narrative edit does not read the five workbooks again.
pub struct InputCache {
    /// Size and modification time of `lkjip.toml` and every input file.
    key: Vec<(String, u64, Option<std::time::SystemTime>)>,
    inputs: Inputs,
    findings: Findings,
}

/// What decides whether the cached inputs are still those of `dir`.
fn cache_key(dir: &Path, config: &Config) -> Vec<(String, u64, Option<std::time::SystemTime>)> {
    let mut paths = vec![dir.join(crate::config::CONFIG_FILE)];
    for peran in Peran::ALL {
        let (_, full, _) = config.locate(dir, peran);
        paths.push(full);
    }
    paths
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            (
                p.display().to_string(),
                meta.as_ref().map(|m| m.len()).unwrap_or(0),
                meta.and_then(|m| m.modified().ok()),
            )
        })
        .collect()
}

/// Reads and checks a report folder.
pub fn load(dir: &Path) -> Loaded {
    load_cached(dir, &mut None)
}

/// [`load`], reusing the workbooks of `cache` when `lkjip.toml` and the
/// input files are unchanged (and refreshing it otherwise).
pub fn load_cached(dir: &Path, cache: &mut Option<InputCache>) -> Loaded {
    let mut findings = Findings::new();
    let mut inputs_reused = false;
    let cached = cache.as_ref().and_then(|c| {
        let key = cache_key(dir, &c.inputs.config);
        (key == c.key).then(|| (c.inputs.clone(), c.findings.clone()))
    });
    let inputs = match cached {
        Some((inputs, f)) => {
            findings = f;
            inputs_reused = true;
            inputs
        }
        None => {
            let Some(inputs) = read_inputs(dir, &mut findings) else {
                *cache = None;
                return Loaded {
                    config: None,
                    model: None,
                    findings,
                    prepared: None,
                    inputs_reused: false,
                };
            };
            *cache = Some(InputCache {
                key: cache_key(dir, &inputs.config),
                inputs: inputs.clone(),
                findings: findings.clone(),
            });
            inputs
        }
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
                prepared: None,
                inputs_reused,
            };
        }
    };
    compute::check_inputs(&inputs, &rules, &mut findings);
    let mut model = model::build(inputs, &mut findings);
    let mut prepared = None;
    if let Some(m) = &mut model {
        compute::derive(m, &rules, &mut findings);
        prepared = Some(crate::review::examine(m, &config, &rules, dir, &mut findings));
        m.temuan = findings.iter().cloned().collect();
    }
    Loaded {
        config: Some(config),
        model,
        findings,
        prepared,
        inputs_reused,
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
        if !inside(dir, &full) {
            f.error(
                "path-outside",
                Location::file(crate::config::CONFIG_FILE),
                format!(
                    "{} \"{display}\" berada di luar folder laporan; salin berkasnya ke data/ (lkjip hanya membaca di dalam folder laporan)",
                    peran.label()
                ),
            );
            continue;
        }
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
        let batas = inputs.config.batas.clone();
        let Some(mut wb) = open(&full, &display, peran, &batas, &mut inputs.sumber, f) else {
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
        for note in wb.notes.drain(..) {
            f.push(note);
        }
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

fn open(
    full: &Path,
    display: &str,
    peran: Peran,
    batas: &crate::config::Batas,
    sumber: &mut Vec<Sumber>,
    f: &mut Findings,
) -> Option<Workbook> {
    let bytes = match read_bounded(full, display, batas.ukuran_berkas_mb) {
        Ok(b) => b,
        Err(e) => {
            f.push(e);
            return None;
        }
    };
    sumber.push(Sumber {
        peran,
        berkas: display.to_string(),
        sha256: sha256_hex(&bytes),
    });
    match Workbook::from_bytes_with(bytes, display, batas) {
        Ok(wb) => Some(wb),
        Err(e) => {
            f.push(e);
            None
        }
    }
}

/// Inputs, narrative, templates and pictures are read only from inside the
/// report folder: a path in `lkjip.toml` that leaves it (`..`, an absolute
/// path, a link pointing out) is refused.
pub fn inside(dir: &Path, path: &Path) -> bool {
    match (dir.canonicalize(), path.canonicalize()) {
        (Ok(d), Ok(p)) => p.starts_with(d),
        // not there (yet): judge the words of the path
        _ => path
            .strip_prefix(dir)
            .is_ok_and(|rel| rel.components().all(|c| matches!(c, std::path::Component::Normal(_)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_inside_the_report_folder_are_inside() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("laporan");
        std::fs::create_dir_all(dir.join("gambar")).unwrap();
        std::fs::write(dir.join("gambar/logo.png"), b"x").unwrap();
        std::fs::write(tmp.path().join("rahasia.txt"), b"x").unwrap();
        assert!(inside(&dir, &dir.join("gambar/logo.png")));
        assert!(inside(&dir, &dir.join("data/belum-ada.xlsx")));
        assert!(!inside(&dir, &dir.join("../rahasia.txt")));
        assert!(!inside(&dir, &dir.join("data/../../rahasia.txt")));
        assert!(!inside(&dir, Path::new("/dev/zero")));
        // a link that points out of the folder is outside
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("rahasia.txt"), dir.join("gambar/tautan.png")).unwrap();
            assert!(!inside(&dir, &dir.join("gambar/tautan.png")));
            let mut f = Vec::new();
            let ok = crate::render::pdf::pictures(&dir, &mut f);
            assert!(ok.contains("logo.png") || f.iter().any(|x| x.location.file == "gambar/logo.png"));
            assert!(!ok.contains("tautan.png"));
            assert!(
                f.iter()
                    .any(|x| x.code == "path-outside" && x.location.file == "gambar/tautan.png"),
                "{f:?}"
            );
        }
    }

    #[test]
    fn a_device_or_an_oversized_file_is_not_read() {
        let e = read_bounded(Path::new("/dev/zero"), "data/renja.xlsx", 1).unwrap_err();
        assert_eq!((e.code, e.message.as_str()), ("file-unreadable", "bukan berkas biasa"));
        let tmp = tempfile::tempdir().unwrap();
        let big = tmp.path().join("besar.xlsx");
        std::fs::write(&big, vec![0u8; 1024 * 1024 + 1]).unwrap();
        let e = read_bounded(&big, "data/besar.xlsx", 1).unwrap_err();
        assert_eq!(e.code, "file-too-large");
        assert_eq!(e.message, "berkas berukuran 1 MB, melebihi batas 1 MB");
    }
}
