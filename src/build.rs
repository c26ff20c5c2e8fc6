//! `lkjip build`: load and check a report folder, render its outputs and
//! write them atomically into `DIR/out/` (or `--out`). A final build refuses
//! when the inputs have errors, unless forced. Every build also writes the
//! model it rendered as `model.json`, so a later build (or a reviewer) can
//! tell which figures changed.

use crate::compute::Rules;
use crate::finding::{Finding, Findings, Location, Severity};
use crate::load::load;
use crate::render::pdf::PdfRenderer;
use crate::render::xlsx::XlsxRenderer;
use crate::render::{Output, RenderContext, Renderer, Report};
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
    let t0 = Instant::now();
    let loaded = load(dir);
    let mut findings = loaded.findings;
    let mut timings = vec![("baca dan hitung", t0.elapsed())];
    let (Some(config), Some(model)) = (loaded.config, loaded.model) else {
        return Err(findings);
    };
    if findings.has_errors() && !opts.paksa {
        return Err(findings);
    }
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
        renderers.push(Box::new(PdfRenderer {
            aksesibel: opts.aksesibel,
        }));
    }
    if want("xlsx") {
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
    match serde_json::to_string_pretty(&model) {
        Ok(json) => outputs.push(Output {
            file_name: MODEL_FILE.into(),
            bytes: (json + "\n").into_bytes(),
            pages: None,
        }),
        Err(e) => {
            fail(
                &mut findings,
                "render-failed",
                MODEL_FILE.into(),
                format!("model tidak dapat ditulis: {e}"),
            );
            return Err(findings);
        }
    }
    let t_write = Instant::now();
    let out_dir = opts.out.clone().unwrap_or_else(|| dir.join("out"));
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        fail(
            &mut findings,
            "output-unwritable",
            out_dir.display().to_string(),
            format!("folder keluaran tidak dapat dibuat: {e}"),
        );
        return Err(findings);
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
