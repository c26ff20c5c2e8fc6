//! Stage 7, render: the report document and the model → output files.
//! Each output format is one [`Renderer`] fed one [`RenderContext`]
//! (mdBook's split); `build` loops over the renderers it is asked for and
//! writes their outputs atomically.

pub mod pdf;
pub mod xlsx;

use crate::compute::Rules;
use crate::config::Config;
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
}

/// An output format.
pub trait Renderer {
    fn name(&self) -> &'static str;
    /// Renders, or returns the findings that prevent it (template or
    /// narrative errors with their file and line).
    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>>;
}
