//! Pictures of the Word copy. Charts are drawn by the same `grafik` of
//! `gaya.typ` as in the PDF and rendered by Typst to PNG at print
//! resolution; PNG and JPEG pictures of `gambar/` are embedded as they are;
//! GIF and SVG are rendered to PNG by Typst too (Word needs a raster
//! beside an SVG, and the picture then looks as in the PDF).

use super::xml::{EMU_PER_MM, esc};
use crate::document::{Dokumen, Item};
use crate::finding::Finding;
use crate::narrative::pictures::{raster_size, read_picture};
use crate::render::RenderContext;
use crate::render::pdf::sandbox::{self, Job, Spec};
use std::collections::HashMap;
use std::sync::Arc;

/// Dots per inch of the rendered charts.
pub const DPI: f32 = 300.0;

/// A picture ready to embed: its bytes, format and natural size in mm.
#[derive(Clone)]
pub struct Pic {
    /// What it is, so one picture placed twice is stored once.
    pub key: String,
    pub bytes: Arc<Vec<u8>>,
    /// `png` or `jpeg`.
    pub ext: &'static str,
    pub lebar: f64,
    pub tinggi: f64,
}

/// The charts in document order and the pictures by file name.
#[derive(Default)]
pub struct Gambar {
    pub charts: Vec<Pic>,
    pictures: HashMap<String, Pic>,
}

impl Gambar {
    pub fn picture(&self, name: &str) -> Option<Pic> {
        self.pictures.get(name).cloned()
    }
}

/// Reads the pictures and renders the charts of `doc`.
pub fn prepare(ctx: &RenderContext, doc: &Dokumen) -> Result<Gambar, Vec<Finding>> {
    // the charts and the organisation chart, in document order
    let charts: Vec<serde_json::Value> = doc
        .items()
        .filter_map(|it| match it {
            Item::Grafik(g) => serde_json::to_value(g).ok(),
            Item::Bagan(b) => serde_json::to_value(b).ok(),
            _ => None,
        })
        .collect();
    let mut names: Vec<&str> = doc.logo.as_deref().into_iter().collect();
    for it in doc.items() {
        if let Item::Gambar { file, .. } = it
            && !names.contains(&file.as_str())
        {
            names.push(file);
        }
    }
    let mut out = Gambar::default();
    let mut to_render = Vec::new();
    for name in names {
        // judged as the narrative stage and the PDF judged it; a picture
        // that fails here was reported there and is left out as there
        let Ok(bytes) = read_picture(ctx.folder, name, &ctx.config.batas) else {
            continue;
        };
        match raster_size(&bytes) {
            Some((kind @ ("PNG" | "JPEG"), w, h)) => {
                // 96 dpi: the size Word gives a picture it is handed
                let px = 25.4 / 96.0;
                out.pictures.insert(
                    name.to_string(),
                    Pic {
                        key: format!("gambar/{name}"),
                        bytes: Arc::new(bytes),
                        ext: if kind == "PNG" { "png" } else { "jpeg" },
                        lebar: f64::from(w) * px,
                        tinggi: f64::from(h) * px,
                    },
                );
            }
            _ => to_render.push(name.to_string()),
        }
    }
    if charts.is_empty() && to_render.is_empty() {
        return Ok(out);
    }
    let pages = render(ctx, &charts, &to_render)?;
    let mut pages = pages.into_iter();
    for (i, pic) in pages.by_ref().take(charts.len()).enumerate() {
        out.charts.push(Pic {
            key: format!("grafik-{}", i + 1),
            ..pic
        });
    }
    for (name, pic) in to_render.iter().zip(pages) {
        out.pictures.insert(
            name.clone(),
            Pic {
                key: format!("gambar/{name}"),
                ..pic
            },
        );
    }
    Ok(out)
}

/// The Typst source that draws each chart (without its caption: Word's
/// caption follows) and each picture to be rasterized on a page of its own.
const SOURCE: &str = r#"#import "gaya.typ": *
#set text(font: huruf, size: 11pt, lang: "id")
#set page(width: auto, height: auto, margin: (top: 5mm, rest: 1mm), fill: white)
#show figure.caption: none
#let d = json("/data/docx-gambar.json")
#for (i, g) in d.grafik.enumerate() {
  if i > 0 { pagebreak() }
  // the organisation chart fills a text width; a page of auto width has none
  if "unit" in g { block(width: 16cm, bagan(g)) } else { grafik(g) }
}
#for (i, f) in d.gambar.enumerate() {
  if i > 0 or d.grafik.len() > 0 { pagebreak() }
  image("/gambar/" + f, width: 15cm)
}
"#;

fn render(ctx: &RenderContext, charts: &[serde_json::Value], pictures: &[String]) -> Result<Vec<Pic>, Vec<Finding>> {
    let data = serde_json::json!({"grafik": charts, "gambar": pictures});
    let spec = Spec {
        folder: ctx.folder.root().to_path_buf(),
        batas: ctx.config.batas.clone(),
        main: "/docx-gambar.typ".to_string(),
        today: (ctx.model.identitas.tahun + 1, 1, 1),
        data: vec![
            ("/docx-gambar.typ".to_string(), SOURCE.as_bytes().to_vec()),
            ("/data/docx-gambar.json".to_string(), data.to_string().into_bytes()),
        ],
    };
    // the chart's warnings were the PDF's too
    let (_, laid) = sandbox::lay_out(&spec, &Job::Png { dpi: DPI });
    let pt_mm = 25.4 / 72.0;
    Ok(laid?
        .png
        .into_iter()
        .map(|p| Pic {
            key: String::new(),
            bytes: Arc::new(p.bytes),
            ext: "png",
            lebar: p.lebar_pt * pt_mm,
            tinggi: p.tinggi_pt * pt_mm,
        })
        .collect())
}

/// The pictures placed so far: stored once each under `word/media/`, each
/// with its relationship id.
#[derive(Default)]
pub struct Media {
    /// `(file name under word/media/, bytes)`, in order of first use.
    pub files: Vec<(String, Arc<Vec<u8>>)>,
    by_key: HashMap<String, usize>,
    /// The drawing ids (`docPr`), counted in document order.
    drawings: usize,
}

impl Media {
    /// The relationship id of the n-th file (1-based).
    pub fn rel_id(n: usize) -> String {
        format!("rIdImg{n}")
    }

    /// A run holding `pic` inline at `w` × `h` mm; `descr` is its
    /// alternative text.
    pub fn inline(&mut self, pic: &Pic, w: f64, h: f64, descr: &str) -> String {
        let n = match self.by_key.get(&pic.key) {
            Some(&n) => n,
            None => {
                let n = self.files.len() + 1;
                self.files.push((format!("gambar{n}.{}", pic.ext), pic.bytes.clone()));
                self.by_key.insert(pic.key.clone(), n);
                n
            }
        };
        self.drawings += 1;
        let id = self.drawings;
        let (cx, cy) = ((w * EMU_PER_MM as f64) as i64, (h * EMU_PER_MM as f64) as i64);
        let rel = Self::rel_id(n);
        let descr = esc(descr);
        format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"Gambar {id}\" descr=\"{descr}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"gambar{n}.{ext}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            ext = pic.ext
        )
    }
}
