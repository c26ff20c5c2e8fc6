//! Stage 7, render: the report document and the model → output files.
//! Each output format is one [`Renderer`] fed one [`RenderContext`]
//! (mdBook's split); `build` loops over the renderers it is asked for and
//! writes their outputs atomically. The PDF and the Word copy are laid out
//! from the same report document ([`dokumen`]).

pub mod docx;
pub mod pdf;
pub mod xlsx;

use crate::compute::Rules;
use crate::config::Config;
use crate::document::{Content, Dokumen};
use crate::finding::Finding;
use crate::folder::Folder;
use crate::model::ReportModel;
use crate::narrative::Naskah;

/// Everything a renderer needs (`load::Loaded::context`).
pub struct RenderContext<'a> {
    pub model: &'a ReportModel,
    pub config: &'a Config,
    pub rules: &'a Rules,
    /// The report folder (template overrides, pictures).
    pub folder: &'a Folder,
    /// The narrative as rendered by stage 4, with the usable pictures.
    pub naskah: &'a Naskah,
}

/// One rendered file.
pub struct Output {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// Pages, for the summary (PDF only).
    pub pages: Option<usize>,
}

/// What a renderer reports besides its outputs.
#[derive(Default)]
pub struct Report {
    /// Problems of the narrative or the pictures (warnings) — errors fail
    /// the render instead.
    pub findings: Vec<Finding>,
    /// Time per step, for `build -v`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Where the PDF put its headings and captions, when it was laid out
    /// in this build: the Word copy's Daftar Isi takes its page numbers.
    pub halaman: Option<Halaman>,
}

/// The printed page numbers (`iii`, `12`) of the PDF's headings and figure
/// captions, in document order, keyed by their text.
#[derive(Default, Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Halaman {
    pub judul: Vec<(String, String)>,
    pub gambar: Vec<(String, String)>,
}

impl Halaman {
    /// The key two texts are compared by: letters and digits, lower case
    /// (the PDF prints level-2 headings in capitals, line breaks vary).
    pub fn key(s: &str) -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }

    /// The page of the next entry at or after `*from` whose text is `text`;
    /// moves `from` past it. Searching forward keeps two headings of the
    /// same words (two "Kesimpulan") on their own pages.
    pub fn find(list: &[(String, String)], from: &mut usize, text: &str) -> Option<String> {
        let k = Self::key(text);
        let i = list.iter().skip(*from).position(|(t, _)| *t == k)? + *from;
        *from = i + 1;
        Some(list[i].1.clone())
    }
}

/// The report document of the context. A draft shows a narrative that
/// failed to render as a marked paragraph (the Lembar Reviu says why); a
/// final build refuses it.
pub fn dokumen(ctx: &RenderContext, draft: bool) -> Result<Dokumen, Vec<Finding>> {
    let errors = &ctx.naskah.errors;
    let mut narasi = std::borrow::Cow::Borrowed(&ctx.naskah.narasi);
    if !errors.is_empty() {
        if !draft {
            return Err(errors.clone());
        }
        for e in errors {
            let stem = e
                .location
                .file
                .trim_start_matches("(bawaan) ")
                .trim_start_matches("narasi/")
                .trim_end_matches(".md");
            narasi.to_mut().insert(
                stem.to_string(),
                vec![serde_json::json!({"t": "p", "c": [{"t": "strong", "c": [{"t": "text", "s": format!("[Narasi {} tidak dapat diolah: {}]", e.location.file, e.message)}]}]})],
            );
        }
    }
    let mut content = Content::new(ctx.model, ctx.rules, &narasi, &ctx.naskah.gambar);
    content.kertas_f4 = ctx.config.f4();
    Ok(content.build())
}

/// An output format.
pub trait Renderer: Sync {
    fn name(&self) -> &'static str;
    /// Needs nothing of the PDF's layout (the workbooks): `build` runs it on
    /// a second thread beside the PDF, so that on two cores the build takes
    /// the PDF's time rather than the sum of all.
    fn beside_pdf(&self) -> bool {
        false
    }
    /// The part of the work that needs nothing of the PDF (the Word copy's
    /// charts), done beside the PDF before [`Renderer::render`].
    fn prepare(&self, _ctx: &RenderContext) {}
    /// Renders, or returns the findings that prevent it (template or
    /// narrative errors with their file and line).
    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>>;
}
