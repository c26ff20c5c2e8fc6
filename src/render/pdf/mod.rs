//! The LKjIP as PDF through Typst: the model becomes data (`content`),
//! the templates lay it out in an in-process world (`world`), typst-pdf
//! writes PDF/A-2b (or the tagged, accessible PDF/A-2a + UA-1 variant).

pub mod draf;
pub mod sandbox;
pub mod triwulan;
pub mod world;

use super::{Halaman, Output, RenderContext, Renderer, Report};
use crate::config::parse_date;
use crate::document::Dokumen;
use crate::finding::{Finding, Location, Severity};
use draf::Draft;
use sandbox::{Job, Laid, PdfSetting, Spec};
use std::time::Instant;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::syntax::DiagSpanKind;
use typst_layout::PagedDocument;
use world::LkjipWorld;

/// Writes the PDF.
#[derive(Default)]
pub struct PdfRenderer {
    /// Tagged PDF/A-2a + PDF/UA-1 instead of PDF/A-2b.
    pub aksesibel: bool,
    /// The reviewer draft's pages and marks (`build --draft`).
    pub draft: Option<Draft>,
}

/// A Typst diagnostic as a finding located in the template.
pub(crate) fn diagnostic(world: &LkjipWorld, d: &SourceDiagnostic) -> Finding {
    let (file, line) = match d.span.get() {
        DiagSpanKind::Number { id, .. } | DiagSpanKind::Range { id, .. } => {
            let path = id.get().vpath().get_without_slash().to_string();
            let line = world.range(d.span).and_then(|r| {
                typst::World::source(world, id)
                    .ok()
                    .and_then(|s| s.lines().byte_to_line(r.start))
            });
            (format!("templates/{path}"), line.map(|l| format!("baris {}", l + 1)))
        }
        DiagSpanKind::Detached => ("templates/lkjip.typ".to_string(), None),
    };
    // typst's own command-line advice (`--root`) means nothing to an officer
    let hints: Vec<String> = d
        .hints
        .iter()
        .map(|h| h.v.to_string())
        .filter(|h| !h.contains("--root"))
        .collect();
    Finding {
        severity: match d.severity {
            typst::diag::Severity::Error => Severity::Error,
            typst::diag::Severity::Warning => Severity::Warning,
        },
        code: "template-error",
        location: Location {
            file,
            sheet: None,
            cell: line,
        },
        message: if hints.is_empty() {
            d.message.to_string()
        } else {
            format!("{} ({})", d.message, hints.join("; "))
        },
        kunci: Vec::new(),
    }
}

/// The text of each page, in reading order of the frames (for tests and
/// the draft's page references): text runs joined by spaces.
pub fn page_texts(doc: &PagedDocument) -> Vec<String> {
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Text(t) => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&t.text);
                }
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                _ => {}
            }
        }
    }
    doc.pages()
        .iter()
        .map(|p| {
            let mut s = String::new();
            walk(&p.frame, &mut s);
            s
        })
        .collect()
}

/// The printed page number of each heading and figure caption of the laid
/// out document, in document order (for the Word copy's lists).
pub fn halaman(doc: &PagedDocument) -> Halaman {
    use typst::foundations::{NativeElement, Selector};
    use typst::introspection::Introspector;
    use typst::model::{FigureElem, HeadingElem, Numbering};
    let intro = doc.introspector();
    let printed = |c: &typst::foundations::Content| -> Option<String> {
        let page = intro.page(c.location()?)?.get();
        let p = doc.pages().get(page - 1)?;
        Some(match &p.numbering {
            Some(Numbering::Pattern(pat)) => pat
                .apply(None, &[p.number])
                .map(|s| s.to_string())
                .unwrap_or_else(|_| p.number.to_string()),
            _ => p.number.to_string(),
        })
    };
    let list = |elem, text: &dyn Fn(&typst::foundations::Content) -> Option<String>| -> Vec<(String, String)> {
        intro
            .query(&Selector::Elem(elem, None))
            .iter()
            .filter_map(|c| Some((Halaman::key(&text(c)?), printed(c)?)))
            .collect()
    };
    // a lampiran's entry of the Daftar Isi is a hidden heading of its own
    // (lkjip.typ), not a heading of the document
    let only_listed = typst::foundations::Label::new(typst::utils::PicoStr::intern("daftar-saja"));
    Halaman {
        judul: list(HeadingElem::ELEM, &|c| {
            if c.label().is_some() && c.label() == only_listed {
                return None;
            }
            Some(c.to_packed::<HeadingElem>()?.body.plain_text().to_string())
        }),
        gambar: list(FigureElem::ELEM, &|c| {
            let f = c.to_packed::<FigureElem>()?;
            let cap = f.caption.get_ref(typst::foundations::StyleChain::default());
            Some(cap.as_ref()?.body.plain_text().to_string())
        }),
    }
}

/// The document as the template's data: one virtual file per chapter
/// (`/data/laporan/bab-1.json`…), so that an edit of one narrative file
/// changes one file and Typst's memo keeps the layout of the others; an
/// index (`indeks.json`: identity, paper, logo and the chapter files); the
/// draft's review pages (`draf.json`, `null` in a final build). The whole
/// document in one file (`/data/laporan.json`) for templates written before
/// the split. `docs/TEMPLATE.md` is the contract.
fn data_files(doc: &Dokumen, draf: Option<&serde_json::Value>) -> serde_json::Result<Vec<(String, Vec<u8>)>> {
    let bab: Vec<String> = (1..=doc.bab.len()).map(|i| format!("bab-{i}.json")).collect();
    let indeks = serde_json::json!({
        "identitas": doc.identitas,
        "logo": doc.logo,
        "kertas": doc.kertas,
        "bab": bab,
    });
    let mut files = vec![
        ("indeks.json".to_string(), serde_json::to_vec(&indeks)?),
        ("depan.json".to_string(), serde_json::to_vec(&doc.depan)?),
    ];
    for (name, b) in bab.iter().zip(&doc.bab) {
        files.push((name.clone(), serde_json::to_vec(b)?));
    }
    files.push(("lampiran.json".to_string(), serde_json::to_vec(&doc.lampiran)?));
    files.push(("draf.json".to_string(), serde_json::to_vec(&draf)?));
    // the one-file form, for templates written before the split
    #[derive(serde::Serialize)]
    struct Whole<'a> {
        #[serde(flatten)]
        doc: &'a Dokumen,
        draf: Option<&'a serde_json::Value>,
    }
    let whole = serde_json::to_vec(&Whole { doc, draf })?;
    let mut out: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(n, b)| (format!("/data/laporan/{n}"), b))
        .collect();
    out.push(("/data/laporan.json".to_string(), whole));
    Ok(out)
}

impl PdfRenderer {
    /// What the layout of `ctx` reads: the document as data (narrative,
    /// data files), the folder, the limits, the date.
    pub fn spec(&self, ctx: &RenderContext, report: &mut Report) -> Result<Spec, Vec<Finding>> {
        let t0 = Instant::now();
        let mut doc = super::dokumen(ctx, self.draft.is_some())?;
        if let Some(draft) = &self.draft {
            draft.mark(&mut doc);
        }
        let data = data_files(&doc, self.draft.as_ref().map(|d| &d.data))
            .map_err(|e| vec![sandbox::internal("data", e.to_string())])?;
        report.timings.push(("narasi dan data", t0.elapsed()));
        let (y, m, d) = self.date(ctx);
        Ok(Spec {
            folder: ctx.folder.root().to_path_buf(),
            batas: ctx.config.batas.clone(),
            main: "/lkjip.typ".to_string(),
            today: (y, m as u8, d as u8),
            data,
        })
    }

    /// Lays the report out in this process (for tests that read Typst's
    /// frames; builds go through [`sandbox::lay_out`]). Returns the
    /// document and its world (needed to locate diagnostics).
    pub fn document(
        &self,
        ctx: &RenderContext,
        report: &mut Report,
    ) -> Result<(PagedDocument, LkjipWorld), Vec<Finding>> {
        let spec = self.spec(ctx, report)?;
        let t1 = Instant::now();
        let world = spec.world().ok_or_else(Vec::new)?;
        let (warnings, document) = sandbox::compile(&world);
        report.findings.extend(warnings);
        let document = document?;
        report.timings.push(("tata letak (typst)", t1.elapsed()));
        Ok((document, world))
    }

    fn date(&self, ctx: &RenderContext) -> (i32, u32, u32) {
        parse_date(&ctx.model.identitas.tanggal).unwrap_or((ctx.model.identitas.tahun + 1, 1, 1))
    }

    /// The export options of `ctx`'s PDF.
    pub fn setting(&self, ctx: &RenderContext, export: bool) -> PdfSetting {
        let (y, m, d) = self.date(ctx);
        PdfSetting {
            export,
            aksesibel: self.aksesibel,
            ident: format!("lkjip-{}-{}", ctx.model.identitas.kode, ctx.model.identitas.tahun),
            creator: format!("lkjip {}", crate::VERSION),
            stamp: (y, m as u8, d as u8),
        }
    }

    /// Lays the report out — bounded in a child when the folder overrides
    /// a template — and, with `export`, writes the PDF.
    pub fn laid(&self, ctx: &RenderContext, report: &mut Report, export: bool) -> Result<Laid, Vec<Finding>> {
        let spec = self.spec(ctx, report)?;
        let t1 = Instant::now();
        let (warnings, laid) = sandbox::lay_out(&spec, &Job::Pdf(self.setting(ctx, export)));
        report.findings.extend(warnings);
        let laid = laid?;
        report.timings.push(("tata letak (typst) dan PDF", t1.elapsed()));
        Ok(laid)
    }
}

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>> {
        let laid = self.laid(ctx, report, true)?;
        report.halaman = Some(laid.halaman);
        Ok(vec![Output {
            file_name: format!(
                "LKjIP-{}-{}{}.pdf",
                ctx.model.identitas.kode,
                ctx.model.identitas.tahun,
                if self.draft.is_some() { draf::SUFFIX } else { "" }
            ),
            bytes: laid.pdf,
            pages: Some(laid.pages),
        }])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The one-file form holds exactly what the chapter files hold
    /// (docs/TEMPLATE.md).
    #[test]
    fn the_one_file_data_is_the_chapter_files_together() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok-dasar");
        let loaded = crate::load::load(&dir);
        let ctx = loaded.context().expect("the fixture builds");
        let doc = crate::document::Content::new(ctx.model, ctx.rules, &ctx.naskah.narasi, &ctx.naskah.gambar).build();
        let draf = serde_json::json!({"temuan": []});
        let files = data_files(&doc, Some(&draf)).unwrap();
        let get = |name: &str| -> Value {
            let (_, b) = files
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{name}"));
            serde_json::from_slice(b).unwrap()
        };
        let whole = get("/data/laporan.json");
        let indeks = get("/data/laporan/indeks.json");
        assert_eq!(
            indeks["bab"],
            serde_json::json!(["bab-1.json", "bab-2.json", "bab-3.json", "bab-4.json"])
        );
        for (i, name) in ["bab-1.json", "bab-2.json", "bab-3.json", "bab-4.json"]
            .iter()
            .enumerate()
        {
            assert_eq!(whole["bab"][i], get(&format!("/data/laporan/{name}")));
        }
        assert_eq!(whole["bab"][2]["judul"], "AKUNTABILITAS KINERJA");
        assert_eq!(whole["depan"], get("/data/laporan/depan.json"));
        assert_eq!(whole["lampiran"], get("/data/laporan/lampiran.json"));
        assert_eq!(whole["draf"], draf);
        assert_eq!(whole["identitas"], indeks["identitas"]);
        assert_eq!(whole["identitas"]["nama_opd"], ctx.model.identitas.nama_opd.as_str());
        assert_eq!(whole["kertas"]["lebar"], 210);
        // a final build: no review pages
        let files = data_files(&doc, None).unwrap();
        let (_, b) = files.iter().find(|(n, _)| n == "/data/laporan/draf.json").unwrap();
        assert_eq!(b.as_slice(), b"null");
    }
}
