//! The quarterly performance report as PDF (`build --triwulan N`): the
//! document of `document::triwulan` laid out by `templates/triwulan.typ`,
//! through the same bounded layout as the LKjIP (`sandbox`).

use super::sandbox::{self, Job, Spec};
use super::{Output, PdfRenderer, RenderContext, Renderer, Report};
use crate::document::Content;
use crate::finding::Finding;
use std::time::Instant;

/// Writes `Laporan-Kinerja-TW<N>-<kode>-<tahun>.pdf`.
pub struct TriwulanRenderer {
    pub triwulan: u8,
    pub aksesibel: bool,
}

impl TriwulanRenderer {
    pub fn file_name(&self, m: &crate::model::ReportModel) -> String {
        format!(
            "Laporan-Kinerja-TW{}-{}-{}.pdf",
            self.triwulan, m.identitas.kode, m.identitas.tahun
        )
    }
}

impl Renderer for TriwulanRenderer {
    fn name(&self) -> &'static str {
        "laporan-triwulan"
    }

    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>> {
        let t0 = Instant::now();
        let mut content = Content::new(ctx.model, ctx.rules, &ctx.naskah.narasi, &ctx.naskah.gambar);
        content.kertas_f4 = ctx.config.f4();
        let doc = content.laporan_triwulan(self.triwulan);
        let json = serde_json::to_vec(&doc).map_err(|e| vec![sandbox::internal("data", e.to_string())])?;
        let pdf = PdfRenderer {
            aksesibel: self.aksesibel,
            draft: None,
        };
        let setting = pdf.setting(ctx, true);
        let spec = Spec {
            folder: ctx.folder.root().to_path_buf(),
            batas: ctx.config.batas.clone(),
            main: "/triwulan.typ".to_string(),
            today: setting.stamp,
            data: vec![("/data/triwulan.json".to_string(), json)],
        };
        let (warnings, laid) = sandbox::lay_out(&spec, &Job::Pdf(setting));
        report.findings.extend(warnings);
        let laid = laid?;
        report.timings.push(("laporan triwulan (typst) dan PDF", t0.elapsed()));
        Ok(vec![Output {
            file_name: self.file_name(ctx.model),
            bytes: laid.pdf,
            pages: Some(laid.pages),
        }])
    }
}
