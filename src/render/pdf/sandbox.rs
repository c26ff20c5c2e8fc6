//! Typst layout bounded in time and memory. A template is a program: a
//! colleague's `templates/lkjip.typ` can loop for ever or build a
//! billion-element array, and Typst cannot be stopped once it runs. So
//! when the report folder overrides a template, layout runs in a child
//! process — lkjip itself, `lkjip tata-letak` (hidden), fed the world's
//! data on stdin, answering the PDF or the rendered pages on stdout —
//! that is killed past `[batas] tata_letak_detik` or `tata_letak_mb`, and
//! the build reports a located error instead of hanging or exhausting the
//! machine. Without overrides the templates are lkjip's own, bounded by
//! the data limits, and layout stays in-process: faster, and Typst's memo
//! serves `watch`. The child lays out with the same code ([`in_process`]),
//! so both give the same bytes.

use super::world::LkjipWorld;
use super::{diagnostic, halaman};
use crate::config::Batas;
use crate::finding::{Finding, Location, Severity};
use crate::folder::{Folder, TEMPLATE_LIMIT};
use crate::render::Halaman;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The hidden subcommand the child runs.
pub const SUBCOMMAND: &str = "tata-letak";

/// The executable that lays out in a child; set by the command line
/// ([`enable`]). A library caller that never sets it (the tests) lays out
/// in-process.
static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// Lets template overrides be laid out by `exe SUBCOMMAND`.
pub fn enable(exe: PathBuf) {
    let _ = HELPER.set(exe);
}

/// Everything one layout reads, owned, so it can be handed to a child: the
/// report folder (templates and pictures are read from it through the one
/// door, in the child too), the limits, the main file, the date, and the
/// virtual data files.
#[derive(Serialize, Deserialize)]
pub struct Spec {
    pub folder: PathBuf,
    pub batas: Batas,
    pub main: String,
    /// Typst's `datetime.today()`: year, month, day.
    pub today: (i32, u8, u8),
    #[serde(skip)]
    pub data: Vec<(String, Vec<u8>)>,
}

/// What to make of the laid-out document.
#[derive(Serialize, Deserialize, Clone)]
pub enum Job {
    /// The PDF (or, with `export` false, only its pages and their numbers).
    Pdf(PdfSetting),
    /// Every page rendered to PNG at `dpi`.
    Png { dpi: f32 },
}

/// The options of the PDF export that vary per report.
#[derive(Serialize, Deserialize, Clone)]
pub struct PdfSetting {
    pub export: bool,
    /// Tagged PDF/A-2a + PDF/UA-1 instead of PDF/A-2b.
    pub aksesibel: bool,
    pub ident: String,
    pub creator: String,
    /// The document's date (midnight UTC).
    pub stamp: (i32, u8, u8),
}

/// One page rendered to PNG, with its size in points.
#[derive(Serialize, Deserialize, Default)]
pub struct Png {
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub lebar_pt: f64,
    pub tinggi_pt: f64,
}

/// The answer of a layout.
#[derive(Serialize, Deserialize, Default)]
pub struct Laid {
    #[serde(skip)]
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub halaman: Halaman,
    pub png: Vec<Png>,
}

/// A finding as it crosses the pipe.
#[derive(Serialize, Deserialize)]
struct Diag {
    error: bool,
    code: String,
    file: String,
    cell: Option<String>,
    message: String,
}

impl Diag {
    fn of(f: &Finding) -> Diag {
        Diag {
            error: f.severity == Severity::Error,
            code: f.code.to_string(),
            file: f.location.file.clone(),
            cell: f.location.cell.clone(),
            message: f.message.clone(),
        }
    }

    fn finding(self) -> Finding {
        Finding {
            severity: if self.error { Severity::Error } else { Severity::Warning },
            // the codes a layout gives
            code: match self.code.as_str() {
                "pdf-standard" => "pdf-standard",
                "internal" => "internal",
                _ => "template-error",
            },
            location: Location {
                file: self.file,
                sheet: None,
                cell: self.cell,
            },
            message: self.message,
            kunci: Vec::new(),
        }
    }
}

/// What a layout gives back: its warnings, and the result or its errors.
pub type Outcome = (Vec<Finding>, Result<Laid, Vec<Finding>>);

impl Spec {
    /// The world this spec describes.
    pub fn world(&self) -> Option<LkjipWorld> {
        let (y, m, d) = self.today;
        let today = Datetime::from_ymd(y, m, d)?;
        let mut world = LkjipWorld::new(&Folder::new(&self.folder), &self.batas, today)?.with_main(&self.main)?;
        for (path, bytes) in &self.data {
            world.set_data(path, bytes.clone());
        }
        Some(world)
    }

    /// The templates of the report folder that replace or add to the
    /// embedded ones (readable `.typ` files of `templates/`).
    pub fn overrides(&self) -> Vec<String> {
        let folder = Folder::new(&self.folder);
        let dir = folder.templates();
        Folder::names(&dir)
            .into_iter()
            .filter(|n| n.ends_with(".typ") && folder.read(&dir.join(n), TEMPLATE_LIMIT).is_ok())
            .collect()
    }
}

/// Lays `spec` out for `job`: in a bounded child when the folder overrides
/// a template and the command line enabled it, in-process otherwise.
pub fn lay_out(spec: &Spec, job: &Job) -> Outcome {
    let overrides = spec.overrides();
    match HELPER.get() {
        Some(exe) if !overrides.is_empty() => in_child(exe, spec, job, &overrides),
        _ => in_process(spec, job),
    }
}

/// Compiles the world: its warnings, and the document or its errors.
///
/// For a developer: with `LKJIP_TYPST_TIMING=<file>` set, Typst's own timing
/// events (each layout iteration, each template function by its line) are
/// written to `<file>` as a Chrome trace (chrome://tracing, Perfetto).
pub fn compile(world: &LkjipWorld) -> (Vec<Finding>, Result<PagedDocument, Vec<Finding>>) {
    let trace = std::env::var_os("LKJIP_TYPST_TIMING");
    if trace.is_some() {
        typst_timing::enable();
    }
    let compiled = typst::compile::<PagedDocument>(world);
    if let Some(path) = trace
        && let Ok(file) = std::fs::File::create(path)
    {
        typst_timing::disable();
        let _ = typst_timing::export_json(std::io::BufWriter::new(file), |raw| {
            let span = typst::syntax::DiagSpan::from_span(typst::syntax::Span::from_raw(raw), None);
            let path = span
                .id()
                .map(|id| id.vpath().get_without_slash().to_string())
                .unwrap_or_default();
            let line = typst::WorldExt::range(world, span).and_then(|r| {
                let id = span.id()?;
                typst::World::source(world, id).ok()?.lines().byte_to_line(r.start)
            });
            (path, line.map_or(0, |l| l as u32 + 1))
        });
    }
    let warnings = compiled.warnings.iter().map(|w| diagnostic(world, w)).collect();
    let document = compiled
        .output
        .map_err(|errs| errs.iter().map(|e| diagnostic(world, e)).collect());
    (warnings, document)
}

/// Lays out in this process.
pub fn in_process(spec: &Spec, job: &Job) -> Outcome {
    let Some(world) = spec.world() else {
        return (
            Vec::new(),
            Err(vec![internal("templates", "dunia Typst tidak dapat dibuat")]),
        );
    };
    let (warnings, document) = compile(&world);
    let document = match document {
        Ok(d) => d,
        Err(e) => return (warnings, Err(e)),
    };
    let mut laid = Laid {
        pages: document.pages().len(),
        ..Laid::default()
    };
    match job {
        Job::Pdf(s) => {
            laid.halaman = halaman(&document);
            if s.export {
                match export(&world, &document, s) {
                    Ok(b) => laid.pdf = b,
                    Err(e) => return (warnings, Err(e)),
                }
            }
        }
        Job::Png { dpi } => {
            let opts = typst_render::RenderOptions {
                pixel_per_pt: typst::utils::Scalar::new(f64::from(*dpi) / 72.0),
                render_bleed: false,
            };
            // the pages shared out over the cores, every n-th to each (the
            // organisation chart, the largest, is the first), and put back
            // in their order
            let pages = document.pages();
            let n = std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, pages.len().max(1));
            let mut rendered: Vec<(usize, Option<Png>)> = std::thread::scope(|s| {
                let lanes: Vec<_> = (0..n)
                    .map(|lane| {
                        let opts = &opts;
                        s.spawn(move || {
                            (lane..pages.len())
                                .step_by(n)
                                .map(|i| (i, png(&pages[i], opts)))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                lanes
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            });
            rendered.sort_by_key(|(i, _)| *i);
            laid.png.extend(rendered.into_iter().filter_map(|(_, p)| p));
        }
    }
    (warnings, Ok(laid))
}

/// One page as PNG, with its size; none when it cannot be encoded.
fn png(page: &typst_layout::Page, opts: &typst_render::RenderOptions) -> Option<Png> {
    let bytes = typst_render::render(page, opts).encode_png().ok()?;
    let size = page.frame.size();
    Some(Png {
        bytes,
        lebar_pt: size.x.to_pt(),
        tinggi_pt: size.y.to_pt(),
    })
}

/// Writes the laid-out document as PDF.
pub fn export(world: &LkjipWorld, document: &PagedDocument, s: &PdfSetting) -> Result<Vec<u8>, Vec<Finding>> {
    let standards = if s.aksesibel {
        PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
    } else {
        PdfStandards::new(&[PdfStandard::A_2b])
    }
    .map_err(|e| {
        vec![Finding {
            severity: Severity::Error,
            code: "pdf-standard",
            location: Location::file("pdf"),
            message: e.message().to_string(),
            kunci: Vec::new(),
        }]
    })?;
    let (y, m, d) = s.stamp;
    let options = PdfOptions {
        ident: Smart::Custom(s.ident.clone()),
        creator: Smart::Custom(Some(s.creator.clone())),
        timestamp: Datetime::from_ymd_hms(y, m, d, 0, 0, 0).map(Timestamp::new_utc),
        page_ranges: None,
        standards,
        tagged: s.aksesibel,
        pretty: false,
    };
    typst_pdf::pdf(document, &options).map_err(|errs| {
        errs.iter()
            .map(|e| {
                let mut f = diagnostic(world, e);
                // an export error with no place in a template is the
                // data's (a text too long for PDF/A), not the template's
                if matches!(e.span.get(), typst::syntax::DiagSpanKind::Detached) {
                    f.code = "pdf-standard";
                    f.location = Location::file("PDF/A");
                }
                f
            })
            .collect()
    })
}

/// An error of lkjip itself while preparing a layout, at `file`.
pub(crate) fn internal(file: &str, message: impl Into<String>) -> Finding {
    Finding {
        severity: Severity::Error,
        code: "internal",
        location: Location::file(file),
        message: message.into(),
        kunci: Vec::new(),
    }
}

// --- the pipe: a JSON header, then the blobs it counts -------------------

/// The most a request may hold (the parent's data: the model is bounded).
const REQUEST_LIMIT: u64 = 4 << 30;

fn write_frame(w: &mut impl Write, header: &impl Serialize, blobs: &[&[u8]]) -> std::io::Result<()> {
    let head = serde_json::to_vec(&(header, blobs.iter().map(|b| b.len() as u64).collect::<Vec<_>>()))?;
    w.write_all(&(head.len() as u64).to_le_bytes())?;
    w.write_all(&head)?;
    for b in blobs {
        w.write_all(b)?;
    }
    w.flush()
}

fn read_frame<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<(T, Vec<Vec<u8>>)> {
    let len = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?) as usize;
    let head = bytes.get(8..8usize.checked_add(len)?)?;
    let (header, lens): (T, Vec<u64>) = serde_json::from_slice(head).ok()?;
    let mut at = 8 + len;
    let mut blobs = Vec::with_capacity(lens.len().min(4096));
    for l in lens {
        let end = at.checked_add(usize::try_from(l).ok()?)?;
        blobs.push(bytes.get(at..end)?.to_vec());
        at = end;
    }
    // a frame cut short, or with bytes after its blobs, is not one
    (at == bytes.len()).then_some((header, blobs))
}

#[derive(Serialize, Deserialize)]
struct Request {
    spec: Spec,
    data: Vec<String>,
    job: Job,
}

#[derive(Serialize, Deserialize)]
struct Answer {
    warnings: Vec<Diag>,
    result: Result<Laid, Vec<Diag>>,
}

/// The child's side (`lkjip tata-letak`): one request on stdin, one answer
/// on stdout. Exit 0 when the answer was written (whatever it says).
pub fn serve() -> std::process::ExitCode {
    let mut input = Vec::new();
    if std::io::stdin().take(REQUEST_LIMIT).read_to_end(&mut input).is_err() {
        return std::process::ExitCode::from(2);
    }
    let Some((req, blobs)) = read_frame::<Request>(&input) else {
        eprintln!("lkjip {SUBCOMMAND}: permintaan tidak terbaca");
        return std::process::ExitCode::from(2);
    };
    drop(input);
    let mut spec = req.spec;
    spec.data = req.data.into_iter().zip(blobs).collect();
    let (warnings, result) = in_process(&spec, &req.job);
    let mut blobs: Vec<Vec<u8>> = Vec::new();
    let result = result.map(|mut laid| {
        blobs.push(std::mem::take(&mut laid.pdf));
        for p in &mut laid.png {
            blobs.push(std::mem::take(&mut p.bytes));
        }
        laid
    });
    let answer = Answer {
        warnings: warnings.iter().map(Diag::of).collect(),
        result: result.map_err(|e| e.iter().map(Diag::of).collect()),
    };
    let refs: Vec<&[u8]> = blobs.iter().map(Vec::as_slice).collect();
    match write_frame(&mut std::io::stdout().lock(), &answer, &refs) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::from(2),
    }
}

/// Resident memory of a process in bytes (Linux; `None` elsewhere).
fn resident(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Why a child was stopped.
enum Stopped {
    Time,
    Memory,
}

/// The parent's side: the request to the child's stdin, the answer from its
/// stdout, the child killed when it runs past the limits.
fn in_child(exe: &Path, spec: &Spec, job: &Job, overrides: &[String]) -> Outcome {
    let where_ = || {
        // the main template when it is overridden, else the first override
        let name = overrides
            .iter()
            .find(|n| *n == "lkjip.typ")
            .or(overrides.first())
            .map_or("lkjip.typ", String::as_str);
        Location::file(format!("templates/{name}"))
    };
    let fail = |message: String| -> Outcome {
        (
            Vec::new(),
            Err(vec![Finding {
                severity: Severity::Error,
                code: "template-limit",
                location: where_(),
                message,
                kunci: Vec::new(),
            }]),
        )
    };
    let request = Request {
        spec: Spec {
            folder: spec.folder.clone(),
            batas: spec.batas.clone(),
            main: spec.main.clone(),
            today: spec.today,
            data: Vec::new(),
        },
        data: spec.data.iter().map(|(n, _)| n.clone()).collect(),
        job: job.clone(),
    };
    let mut child = match Command::new(exe)
        .arg(SUBCOMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return fail(format!("proses tata letak tidak dapat dijalankan: {e}")),
    };
    let (Some(mut stdin), Some(stdout), Some(stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return fail("proses tata letak tidak dapat dijalankan".to_string());
    };
    let answer = std::thread::scope(|s| {
        s.spawn(move || {
            let blobs: Vec<&[u8]> = spec.data.iter().map(|(_, b)| b.as_slice()).collect();
            // a child that died early closes the pipe: its exit says why
            let _ = write_frame(&mut stdin, &request, &blobs);
        });
        // the child holds its whole answer in memory before writing it, so
        // an answer larger than twice its memory bound is not one
        let answer_limit = spec
            .batas
            .tata_letak_mb
            .saturating_mul(2 << 20)
            .saturating_add(64 << 20);
        let out = s.spawn(move || {
            let mut v = Vec::new();
            let _ = stdout.take(answer_limit).read_to_end(&mut v);
            v
        });
        let err = s.spawn(move || {
            let mut v = Vec::new();
            let _ = stderr.take(64 * 1024).read_to_end(&mut v);
            v
        });
        let limit_time = Duration::from_secs(spec.batas.tata_letak_detik);
        let limit_mem = spec.batas.tata_letak_mb.saturating_mul(1024 * 1024);
        let t0 = Instant::now();
        let mut pause = Duration::from_millis(1);
        let stopped = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) => {}
                Err(e) => break Err(e.to_string()),
            }
            let reason = if t0.elapsed() > limit_time {
                Some(Stopped::Time)
            } else if resident(child.id()).is_some_and(|r| r > limit_mem) {
                Some(Stopped::Memory)
            } else {
                None
            };
            if let Some(reason) = reason {
                let _ = child.kill();
                let _ = child.wait();
                break Err(match reason {
                    Stopped::Time => format!(
                        "tata letak dengan templat pengganti dihentikan setelah {} detik ([batas] tata_letak_detik); periksa perulangan di templates/",
                        spec.batas.tata_letak_detik
                    ),
                    Stopped::Memory => format!(
                        "tata letak dengan templat pengganti dihentikan: memakai lebih dari {} MB memori ([batas] tata_letak_mb); periksa larik atau perulangan besar di templates/",
                        spec.batas.tata_letak_mb
                    ),
                });
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        };
        let out = out.join().unwrap_or_default();
        let err = err.join().unwrap_or_default();
        (stopped, out, err)
    });
    let (status, out, err) = answer;
    let status = match status {
        Ok(s) => s,
        Err(message) => return fail(message),
    };
    let last_line = String::from_utf8_lossy(&err)
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    if !status.success() {
        return fail(format!(
            "tata letak dengan templat pengganti berhenti tidak wajar ({status}){}",
            if last_line.is_empty() {
                String::new()
            } else {
                format!(": {last_line}")
            }
        ));
    }
    let Some((answer, mut blobs)) = read_frame::<Answer>(&out) else {
        return fail("jawaban proses tata letak tidak terbaca".to_string());
    };
    let warnings = answer.warnings.into_iter().map(Diag::finding).collect();
    let result = match answer.result {
        Ok(mut laid) => {
            let mut blobs = blobs.drain(..);
            laid.pdf = blobs.next().unwrap_or_default();
            for p in &mut laid.png {
                p.bytes = blobs.next().unwrap_or_default();
            }
            Ok(laid)
        }
        Err(errs) => Err(errs.into_iter().map(Diag::finding).collect()),
    };
    (warnings, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_reads_back_as_written_and_a_cut_one_not_at_all() {
        let mut v = Vec::new();
        write_frame(&mut v, &("kepala", 7), &[b"abc", b"", b"de"]).unwrap();
        let ((s, n), blobs) = read_frame::<(String, u32)>(&v).unwrap();
        assert_eq!((s.as_str(), n), ("kepala", 7));
        assert_eq!(blobs, vec![b"abc".to_vec(), Vec::new(), b"de".to_vec()]);
        for cut in 0..v.len() {
            assert!(read_frame::<(String, u32)>(&v[..cut]).is_none(), "cut at {cut}");
        }
    }
}
