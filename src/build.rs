//! `lkjip build`: load and check a report folder, render its outputs and
//! write them atomically into `DIR/out/` (or `--out`). A final build refuses
//! when the inputs have errors, unless forced. Every build also writes the
//! model it rendered as `model.json`, so a later build (or a reviewer) can
//! tell which figures changed. A draft (`--draft`) builds even with errors:
//! it is where they are reviewed.

use crate::finding::{Finding, Findings, Location, Severity};
use crate::folder::{MODEL_FILE, write_all};
use crate::load::{InputCache, load_cached, load_quarter};
use crate::render::docx::DocxRenderer;
use crate::render::pdf::PdfRenderer;
use crate::render::pdf::draf::Draft;
use crate::render::pdf::triwulan::TriwulanRenderer;
use crate::render::xlsx::XlsxRenderer;
use crate::render::xlsx::evaluasi::EvaluasiRenderer;
use crate::render::{Output, RenderContext, Renderer, Report};
use crate::review::changes::Since;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Output folder; default `DIR/out`.
    pub out: Option<PathBuf>,
    /// Tagged PDF/A-2a + PDF/UA-1 instead of PDF/A-2b.
    pub aksesibel: bool,
    /// Build even when the inputs have errors.
    pub paksa: bool,
    /// Only this output: `pdf`, `xlsx` or `docx`; all when `None`.
    pub only: Option<String>,
    /// Leave the Word copy out unless asked for by `only` (`lkjip watch`:
    /// it is made for the last edits, not on every save).
    pub tanpa_docx: bool,
    /// The reviewer draft: `…-DRAF.pdf` with review pages and marks, built
    /// even when the inputs have errors (it shows them).
    pub draft: bool,
    /// The previous model a draft is compared with; default: `model.json`
    /// of the output folder, when there is one.
    pub since: Option<PathBuf>,
    /// The reports of a quarter (1–4) instead of the year's: the
    /// Evaluasi Renja workbook and the quarterly performance report.
    pub triwulan: Option<u8>,
}

/// What a build produced.
pub struct Built {
    pub files: Vec<PathBuf>,
    pub pages: Option<usize>,
    pub findings: Findings,
    pub timings: Vec<(&'static str, Duration)>,
}

/// What one renderer gave, and what it reported.
type Rendered = (Result<Vec<Output>, Vec<Finding>>, Report);

/// A failed render: what was reported up to it, its errors, its name.
type RenderFailure = (Report, Vec<Finding>, &'static str);

/// Runs the renderers: those that need nothing of the PDF's layout
/// ([`Renderer::beside_pdf`], and the Word copy's charts) on a second
/// thread while this one lays out the PDF. Outputs, findings and timings
/// are then taken in the renderers' order, as if they had run one after
/// another: the same build gives the same bytes and the same messages.
/// On failure: what the renderers up to the first that failed reported,
/// its errors, and its name.
fn render_all(renderers: &[Box<dyn Renderer>], ctx: &RenderContext) -> Result<(Vec<Output>, Report), RenderFailure> {
    let mut done: Vec<Option<Rendered>> = renderers.iter().map(|_| None).collect();
    std::thread::scope(|s| {
        let beside = s.spawn(|| {
            let mut done = Vec::new();
            for (i, r) in renderers.iter().enumerate() {
                if r.beside_pdf() {
                    let mut report = Report::default();
                    done.push((i, (r.render(ctx, &mut report), report)));
                }
            }
            for r in renderers.iter().filter(|r| !r.beside_pdf()) {
                r.prepare(ctx);
            }
            done
        });
        // the PDF hands its page numbers to the Word copy after it
        let mut halaman = None;
        for (i, r) in renderers.iter().enumerate() {
            if !r.beside_pdf() {
                let mut report = Report {
                    halaman: halaman.take(),
                    ..Report::default()
                };
                let result = r.render(ctx, &mut report);
                halaman = report.halaman.take();
                done[i] = Some((result, report));
            }
        }
        // a panic on the second thread is a panic of the build
        let beside = beside.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        for (i, d) in beside {
            done[i] = Some(d);
        }
    });
    let mut outputs = Vec::new();
    let mut all = Report::default();
    for (r, d) in renderers.iter().zip(done) {
        let Some((result, report)) = d else { continue };
        all.findings.extend(report.findings);
        all.timings.extend(report.timings);
        match result {
            Ok(o) => outputs.extend(o),
            Err(errs) => return Err((all, errs, r.name())),
        }
    }
    Ok((outputs, all))
}

fn fail(f: &mut Findings, code: &'static str, file: String, msg: String) {
    f.push(Finding {
        severity: Severity::Error,
        code,
        location: Location::file(file),
        message: msg,
        kunci: Vec::new(),
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
    if let Some(tw) = opts.triwulan {
        let mut f = Findings::new();
        let why = if !(1..=4).contains(&tw) {
            Some(format!("--triwulan {tw}: pilih 1, 2, 3 atau 4"))
        } else if opts.draft {
            Some("--triwulan membuat laporan triwulan; draf reviu (--draft) hanya untuk LKjIP tahunan".into())
        } else if opts.only.as_deref().is_some_and(|o| o.eq_ignore_ascii_case("docx")) {
            Some("--triwulan tidak membuat salinan Word; pilih --only pdf atau xlsx".into())
        } else {
            None
        };
        if let Some(why) = why {
            fail(&mut f, "option-invalid", "--triwulan".into(), why);
            return Err(f);
        }
    }
    let mut loaded = match opts.triwulan {
        Some(tw) => load_quarter(dir, tw),
        None => load_cached(dir, cache),
    };
    let mut findings = std::mem::take(&mut loaded.findings);
    let mut timings = vec![("baca dan hitung", t0.elapsed())];
    let inputs_reused = loaded.inputs_reused;
    let Some(ctx) = loaded.context() else {
        return Err(findings);
    };
    let (model, config, folder) = (ctx.model, ctx.config, ctx.folder);
    if findings.has_errors() && !opts.paksa && !opts.draft {
        return Err(findings);
    }
    if let Some(other) = opts
        .only
        .as_deref()
        .filter(|o| opts.draft && !o.eq_ignore_ascii_case("pdf"))
    {
        let what = if other.eq_ignore_ascii_case("docx") {
            "salinan Word (DOCX)"
        } else {
            "lampiran XLSX"
        };
        fail(
            &mut findings,
            "option-invalid",
            "--only".into(),
            format!("--draft hanya menghasilkan PDF draf; {what} dibuat oleh build final"),
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
    let model_json = match serde_json::to_string_pretty(model) {
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
    let out_dir = opts.out.clone().unwrap_or_else(|| folder.out());
    let mut renderers: Vec<Box<dyn Renderer>> = Vec::new();
    let want = |name: &str| opts.only.as_deref().is_none_or(|o| o.eq_ignore_ascii_case(name));
    if let Some(triwulan) = opts.triwulan {
        // the quarter's reports only; model.json stays the year's (a draft
        // compares with it)
        if want("xlsx") {
            renderers.push(Box::new(EvaluasiRenderer { triwulan }));
        }
        if want("pdf") {
            renderers.push(Box::new(TriwulanRenderer {
                triwulan,
                aksesibel: opts.aksesibel,
            }));
        }
    } else if want("pdf") {
        let draft = if opts.draft {
            // read before this build overwrites the output folder's model.json
            let since = match Since::read(model, &out_dir, opts.since.as_deref()) {
                Ok(s) => s,
                Err(e) => {
                    findings.push(e);
                    return Err(findings);
                }
            };
            let sha = crate::folder::sha256_hex(model_json.as_bytes());
            Some(Draft::new(model, config, folder, since.as_ref(), &sha))
        } else {
            None
        };
        renderers.push(Box::new(PdfRenderer {
            aksesibel: opts.aksesibel,
            draft,
        }));
    }
    // the draft is the PDF under review; the lampiran workbook is final
    // only. The workbook holds no narrative: when only the narrative can
    // have changed (watch), the one written last time stands.
    let xlsx_current = inputs_reused && out_dir.join(XlsxRenderer::file_name(model)).is_file();
    if want("xlsx") && !opts.draft && !xlsx_current && opts.triwulan.is_none() {
        renderers.push(Box::new(XlsxRenderer));
    }
    // the Word copy is final too; it holds the narrative, so it is made
    // anew whenever the PDF is
    let docx_asked = opts.only.as_deref().is_some_and(|o| o.eq_ignore_ascii_case("docx"));
    if want("docx") && !opts.draft && (!opts.tanpa_docx || docx_asked) && opts.triwulan.is_none() {
        renderers.push(Box::new(DocxRenderer::default()));
    }
    if renderers.is_empty() {
        fail(
            &mut findings,
            "option-invalid",
            "--only".into(),
            "pilih pdf, xlsx atau docx".into(),
        );
        return Err(findings);
    }
    let (mut outputs, report) = match render_all(&renderers, &ctx) {
        Ok(done) => done,
        Err((report, errs, name)) => {
            for e in report.findings.into_iter().chain(errs) {
                findings.push(e);
            }
            if !findings.has_errors() {
                fail(
                    &mut findings,
                    "render-failed",
                    name.into(),
                    "keluaran tidak dapat dibuat".into(),
                );
            }
            return Err(findings);
        }
    };
    for f in report.findings {
        findings.push(f);
    }
    timings.extend(report.timings);
    if opts.triwulan.is_none() {
        outputs.push(Output {
            file_name: MODEL_FILE.into(),
            bytes: model_json.into_bytes(),
            pages: None,
        });
    }
    let t_write = Instant::now();
    // an output must never replace an input (an officer who points
    // `[berkas]` at last year's lampiran in out/, say)
    let inputs: Vec<PathBuf> = model
        .sumber
        .iter()
        .map(|s| folder.join(&s.berkas))
        .chain([folder.config()])
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
    let pages = outputs.iter().find_map(|o| o.pages);
    let named: Vec<(&str, &[u8])> = outputs
        .iter()
        .map(|o| (o.file_name.as_str(), o.bytes.as_slice()))
        .collect();
    let files = match write_all(&out_dir, &named) {
        Ok(files) => files,
        Err((path, message)) => {
            fail(&mut findings, "output-unwritable", path.display().to_string(), message);
            return Err(findings);
        }
    };
    timings.push(("tulis", t_write.elapsed()));
    Ok(Built {
        files,
        pages,
        findings,
        timings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// A renderer that takes `ms` and reports one finding and one timing.
    struct Lambat {
        name: &'static str,
        beside: bool,
        ms: u64,
        gagal: bool,
    }

    impl Renderer for Lambat {
        fn name(&self) -> &'static str {
            self.name
        }
        fn beside_pdf(&self) -> bool {
            self.beside
        }
        fn render(&self, _: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>> {
            std::thread::sleep(Duration::from_millis(self.ms));
            report.findings.push(Finding {
                severity: Severity::Warning,
                code: "test",
                location: Location::file(self.name),
                message: self.name.into(),
                kunci: Vec::new(),
            });
            report.timings.push((self.name, Duration::from_millis(self.ms)));
            if self.gagal {
                return Err(Vec::new());
            }
            Ok(vec![Output {
                file_name: self.name.into(),
                bytes: Vec::new(),
                pages: None,
            }])
        }
    }

    fn lambat(name: &'static str, beside: bool, ms: u64, gagal: bool) -> Box<dyn Renderer> {
        Box::new(Lambat {
            name,
            beside,
            ms,
            gagal,
        })
    }

    /// The renderer beside the PDF finishes first, yet outputs, findings
    /// and timings come in the renderers' order; a failure reports what
    /// the renderers before it reported, not those after it.
    #[test]
    fn renderers_beside_the_pdf_keep_their_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dspppa-belitung-2024");
        let loaded = crate::load::load(&dir);
        let ctx = loaded.context().expect("the example loads");
        let rs = vec![
            lambat("pdf", false, 150, false),
            lambat("xlsx", true, 0, false),
            lambat("docx", false, 0, false),
        ];
        let (outputs, report) = render_all(&rs, &ctx).map_err(|e| e.2).unwrap();
        let names: Vec<&str> = outputs.iter().map(|o| o.file_name.as_str()).collect();
        assert_eq!(names, ["pdf", "xlsx", "docx"]);
        let said: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(said, ["pdf", "xlsx", "docx"]);
        let stages: Vec<&str> = report.timings.iter().map(|t| t.0).collect();
        assert_eq!(stages, ["pdf", "xlsx", "docx"]);

        let rs = vec![
            lambat("pdf", false, 100, true),
            lambat("xlsx", true, 0, false),
            lambat("docx", false, 0, false),
        ];
        let Err((report, _, name)) = render_all(&rs, &ctx) else {
            panic!("the PDF failed")
        };
        assert_eq!(name, "pdf");
        let said: Vec<&str> = report.findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(said, ["pdf"]);
    }
}
