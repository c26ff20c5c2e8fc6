//! `lkjip build`: load and check a report folder, render its outputs and
//! write them atomically into `DIR/out/` (or `--out`). A final build refuses
//! when the inputs have errors, unless forced. Every build also writes the
//! model it rendered as `model.json`, so a later build (or a reviewer) can
//! tell which figures changed. A draft (`--draft`) builds even with errors:
//! it is where they are reviewed.

use crate::compute::Rules;
use crate::finding::{Finding, Findings, Location, Severity};
use crate::load::{InputCache, load_cached};
use crate::model::ReportModel;
use crate::render::pdf::PdfRenderer;
use crate::render::xlsx::XlsxRenderer;
use crate::render::{Output, RenderContext, Renderer, Report};
use crate::review::changes::changes;
use crate::review::draft::{Draft, Since};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The model a build rendered, written beside its outputs (docs/MODEL.md).
pub const MODEL_FILE: &str = "model.json";

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `DIR/out`.
    pub out: Option<PathBuf>,
    /// Tagged PDF/A-2a + PDF/UA-1 instead of PDF/A-2b.
    pub aksesibel: bool,
    /// Build even when the inputs have errors.
    pub paksa: bool,
    /// Only this output: `pdf` or `xlsx`; both when `None`.
    pub only: Option<String>,
    /// The reviewer draft: `…-DRAF.pdf` with review pages and marks, built
    /// even when the inputs have errors (it shows them).
    pub draft: bool,
    /// The previous model a draft is compared with; default: `model.json`
    /// of the output folder, when there is one.
    pub since: Option<PathBuf>,
}

/// What a build produced.
pub struct Built {
    pub files: Vec<PathBuf>,
    pub pages: Option<usize>,
    pub findings: Findings,
    pub timings: Vec<(&'static str, Duration)>,
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// readers never see a half-written output.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp-lkjip");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn fail(f: &mut Findings, code: &'static str, file: String, msg: String) {
    f.push(Finding {
        severity: Severity::Error,
        code,
        location: Location::file(file),
        message: msg,
    });
}

/// Builds the report of `dir`. On failure the findings say why and nothing
/// was written.
pub fn build(dir: &Path, opts: &BuildOptions) -> Result<Built, Findings> {
    build_cached(dir, opts, &mut None)
}

/// [`build`], reusing the workbooks read by the previous build when they
/// did not change (`lkjip watch`).
pub fn build_cached(dir: &Path, opts: &BuildOptions, cache: &mut Option<InputCache>) -> Result<Built, Findings> {
    let t0 = Instant::now();
    let loaded = load_cached(dir, cache);
    let mut findings = loaded.findings;
    let mut timings = vec![("baca dan hitung", t0.elapsed())];
    let inputs_reused = loaded.inputs_reused;
    let prepared = loaded.prepared;
    let (Some(config), Some(model)) = (loaded.config, loaded.model) else {
        return Err(findings);
    };
    if findings.has_errors() && !opts.paksa && !opts.draft {
        return Err(findings);
    }
    if opts.draft && opts.only.as_deref().is_some_and(|o| o.eq_ignore_ascii_case("xlsx")) {
        fail(
            &mut findings,
            "option-invalid",
            "--only".into(),
            "--draft hanya menghasilkan PDF draf; lampiran XLSX dibuat oleh build final".into(),
        );
        return Err(findings);
    }
    if opts.since.is_some() && !opts.draft {
        fail(
            &mut findings,
            "option-invalid",
            "--since".into(),
            "--since hanya berlaku bersama --draft".into(),
        );
        return Err(findings);
    }
    let model_json = match serde_json::to_string_pretty(&model) {
        Ok(json) => json + "\n",
        Err(e) => {
            fail(
                &mut findings,
                "render-failed",
                MODEL_FILE.into(),
                format!("model tidak dapat ditulis: {e}"),
            );
            return Err(findings);
        }
    };
    let out_dir = opts.out.clone().unwrap_or_else(|| dir.join("out"));
    let rules = match Rules::new(&config.aturan) {
        Ok(r) => r,
        Err(e) => {
            fail(&mut findings, "config-invalid", crate::config::CONFIG_FILE.into(), e);
            return Err(findings);
        }
    };
    let ctx = RenderContext {
        model: &model,
        config: &config,
        rules: &rules,
        dir,
    };
    let mut renderers: Vec<Box<dyn Renderer>> = Vec::new();
    let want = |name: &str| opts.only.as_deref().is_none_or(|o| o.eq_ignore_ascii_case(name));
    if want("pdf") {
        let draft = if opts.draft {
            // read before this build overwrites the output folder's model.json
            let since = since(&model, &out_dir, opts.since.as_deref(), &mut findings)?;
            let sha = crate::load::sha256_hex(model_json.as_bytes());
            Some(Draft::new(&model, &config, dir, since.as_ref(), &sha))
        } else {
            None
        };
        renderers.push(Box::new(PdfRenderer {
            aksesibel: opts.aksesibel,
            draft,
            prepared,
        }));
    }
    // the draft is the PDF under review; the lampiran workbook is final
    // only. The workbook holds no narrative: when only the narrative can
    // have changed (watch), the one written last time stands.
    let xlsx_current = inputs_reused && out_dir.join(XlsxRenderer::file_name(&model)).is_file();
    if want("xlsx") && !opts.draft && !xlsx_current {
        renderers.push(Box::new(XlsxRenderer));
    }
    if renderers.is_empty() {
        fail(
            &mut findings,
            "option-invalid",
            "--only".into(),
            "pilih pdf atau xlsx".into(),
        );
        return Err(findings);
    }
    let mut outputs = Vec::new();
    let mut report = Report::default();
    for r in &renderers {
        match r.render(&ctx, &mut report) {
            Ok(o) => outputs.extend(o),
            Err(errs) => {
                for e in report.findings.drain(..) {
                    findings.push(e);
                }
                for e in errs {
                    findings.push(e);
                }
                if !findings.has_errors() {
                    fail(
                        &mut findings,
                        "render-failed",
                        r.name().into(),
                        "keluaran tidak dapat dibuat".into(),
                    );
                }
                return Err(findings);
            }
        }
    }
    for f in report.findings {
        findings.push(f);
    }
    timings.extend(report.timings);
    outputs.push(Output {
        file_name: MODEL_FILE.into(),
        bytes: model_json.into_bytes(),
        pages: None,
    });
    let t_write = Instant::now();
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        fail(
            &mut findings,
            "output-unwritable",
            out_dir.display().to_string(),
            format!("folder keluaran tidak dapat dibuat: {e}"),
        );
        return Err(findings);
    }
    // an output must never replace an input (an officer who points
    // `[berkas]` at last year's lampiran in out/, say)
    let inputs: Vec<PathBuf> = model
        .sumber
        .iter()
        .map(|s| dir.join(&s.berkas))
        .chain([dir.join(crate::config::CONFIG_FILE)])
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    for o in &outputs {
        let path = out_dir.join(&o.file_name);
        if path.canonicalize().is_ok_and(|p| inputs.contains(&p)) {
            fail(
                &mut findings,
                "output-overwrites-input",
                path.display().to_string(),
                "keluaran ini akan menimpa berkas masukan; pilih folder keluaran lain (--out) atau pindahkan masukannya"
                    .into(),
            );
            return Err(findings);
        }
    }
    let mut files = Vec::new();
    let mut pages = None;
    for o in outputs {
        let path = out_dir.join(&o.file_name);
        if let Err(e) = write_atomic(&path, &o.bytes) {
            fail(
                &mut findings,
                "output-unwritable",
                path.display().to_string(),
                format!("tidak dapat ditulis: {e}"),
            );
            return Err(findings);
        }
        pages = pages.or(o.pages);
        files.push(path);
    }
    timings.push(("tulis", t_write.elapsed()));
    Ok(Built {
        files,
        pages,
        findings,
        timings,
    })
}

/// The previous model of a draft: `--since PATH`, else the output folder's
/// `model.json` when there is one. A named file that cannot be read is an
/// error; no previous model means no "Perubahan" page.
fn since(
    model: &ReportModel,
    out_dir: &Path,
    named: Option<&Path>,
    findings: &mut Findings,
) -> Result<Option<Since>, Findings> {
    let path = match named {
        Some(p) => p.to_path_buf(),
        None => out_dir.join(MODEL_FILE),
    };
    let shown = match named {
        Some(p) => p.display().to_string(),
        None => format!(
            "{}/{MODEL_FILE}",
            out_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(_) if named.is_none() => return Ok(None),
        Err(e) => {
            fail(
                findings,
                "since-unreadable",
                shown,
                format!("model draf sebelumnya tidak dapat dibaca: {e}"),
            );
            return Err(std::mem::take(findings));
        }
    };
    let prev: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            fail(
                findings,
                "since-invalid",
                shown,
                format!("bukan model.json lkjip (JSON tidak sah: {e})"),
            );
            return Err(std::mem::take(findings));
        }
    };
    if prev
        .get("skema")
        .and_then(|s| s.as_str())
        .is_none_or(|s| !s.starts_with("lkjip-model/"))
    {
        fail(
            findings,
            "since-invalid",
            shown,
            "bukan model.json lkjip (tidak ada \"skema\": \"lkjip-model/…\")".into(),
        );
        return Err(std::mem::take(findings));
    }
    let now = serde_json::to_value(model).unwrap_or_default();
    Ok(Some(Since {
        sumber: shown,
        sha256: crate::load::sha256_hex(&bytes),
        perubahan: changes(&prev, &now),
    }))
}
