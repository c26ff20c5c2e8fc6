//! The editable Word copy of the LKjIP (`LKjIP-<kode>-<tahun>.docx`): the
//! same report document as the PDF, written as WordprocessingML by hand
//! over `zip` (ARCHITECTURE.md says why not docx-rs). Word's own heading
//! and caption styles, the Daftar Isi / Tabel / Gambar as fields with the
//! PDF's page numbers filled in, sections with the PDF's page numbering and
//! orientation, real tables with merged and repeated header rows, the
//! charts rendered by Typst.

pub mod blok;
pub mod body;
pub mod gambar;
pub mod parts;
pub mod tabel;
pub mod xml;

use super::{Output, RenderContext, Renderer, Report};
use crate::document::item::Dokumen;
use crate::finding::{Finding, Location, Severity};
use crate::model::ReportModel;
use crate::render::pdf::PdfRenderer;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The report document and its rendered charts: what the Word copy needs
/// besides the PDF's page numbers.
type Siap = Result<(Dokumen, gambar::Gambar), Vec<Finding>>;

/// Writes the DOCX.
#[derive(Default)]
pub struct DocxRenderer {
    /// Made beside the PDF ([`Renderer::prepare`]), with the time it took.
    siap: OnceLock<(Siap, Duration)>,
}

impl DocxRenderer {
    fn siapkan(ctx: &RenderContext) -> (Siap, Duration) {
        let t0 = Instant::now();
        let siap = super::dokumen(ctx, false).and_then(|doc| {
            let gambar = gambar::prepare(ctx, &doc)?;
            Ok((doc, gambar))
        });
        (siap, t0.elapsed())
    }

    pub fn file_name(m: &ReportModel) -> String {
        format!("LKjIP-{}-{}.docx", m.identitas.kode, m.identitas.tahun)
    }
}

impl Renderer for DocxRenderer {
    fn name(&self) -> &'static str {
        "docx"
    }

    fn prepare(&self, ctx: &RenderContext) {
        let _ = self.siap.set(DocxRenderer::siapkan(ctx));
    }

    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>> {
        // the page numbers of the lists come from the PDF's layout: this
        // build's, or one laid out now (`--only docx`)
        let halaman = match &report.halaman {
            Some(h) => h.clone(),
            None => {
                let mut own = Report::default();
                let laid = PdfRenderer::default().laid(ctx, &mut own, false)?;
                report.timings.push((
                    "tata letak untuk nomor halaman DOCX",
                    own.timings.iter().map(|t| t.1).sum(),
                ));
                laid.halaman
            }
        };
        let (siap, took) = self.siap.get_or_init(|| DocxRenderer::siapkan(ctx));
        report.timings.push(("grafik DOCX (typst)", *took));
        let (doc, gambar) = siap.as_ref().map_err(Clone::clone)?;
        let t1 = Instant::now();
        let (body, lists, media) = body::Body::new(doc, Some(&halaman), gambar).write();
        let (y, m, d) =
            crate::config::parse_date(&ctx.model.identitas.tanggal).unwrap_or((ctx.model.identitas.tahun + 1, 1, 1));
        let bytes = parts::package(&parts::Parts {
            body: &body,
            lists: &lists,
            media: &media,
            identitas: &doc.identitas,
            date: format!("{y:04}-{m:02}-{d:02}T00:00:00Z"),
        })
        .map_err(|e| {
            vec![Finding {
                severity: Severity::Error,
                code: "render-failed",
                location: Location::file("docx"),
                message: format!("DOCX tidak dapat ditulis: {e}"),
                kunci: Vec::new(),
            }]
        })?;
        report.timings.push(("DOCX", t1.elapsed()));
        Ok(vec![Output {
            file_name: DocxRenderer::file_name(ctx.model),
            bytes,
            pages: None,
        }])
    }
}
