//! The fixed parts of the package — styles, settings, numbering, header
//! and footer, content types, relationships, properties — and the zip
//! they go into, with fixed timestamps so the same report gives the same
//! bytes.

use super::body::{LIST_BULLET, LIST_DECIMAL, LIST_LETTER, LIST_PAREN};
use super::gambar::Media;
use super::xml::esc;
use crate::document::Identitas;
use std::io::{Cursor, Write};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The report's typeface, as in the PDF (Word substitutes Arial metrics).
pub const HURUF: &str = "Liberation Sans";

pub fn document(body: &str) -> String {
    format!(
        "{HEAD}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{body}</w:body></w:document>"
    )
}

/// A paragraph style.
fn pstyle(id: &str, name: &str, ppr: &str, rpr: &str, extra: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )
}

pub fn styles() -> String {
    let font = format!("<w:rFonts w:ascii=\"{HURUF}\" w:hAnsi=\"{HURUF}\" w:eastAsia=\"{HURUF}\" w:cs=\"{HURUF}\"/>");
    let heading = |lvl: u8, ppr: &str, size: u32, caps: bool| {
        pstyle(
            &format!("Heading{lvl}"),
            &format!("heading {lvl}"),
            &format!("<w:keepNext/><w:keepLines/>{ppr}<w:outlineLvl w:val=\"{}\"/>", lvl - 1),
            &format!(
                "<w:b/><w:bCs/>{}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>",
                if caps { "<w:caps/>" } else { "" }
            ),
            "<w:uiPriority w:val=\"9\"/>",
        )
    };
    let toc = |lvl: u8| {
        pstyle(
            &format!("TOC{lvl}"),
            &format!("toc {lvl}"),
            &format!(
                "<w:spacing w:before=\"0\" w:after=\"60\"/><w:ind w:left=\"{}\"/><w:jc w:val=\"left\"/>",
                (u32::from(lvl) - 1) * 340
            ),
            "",
            "<w:uiPriority w:val=\"39\"/>",
        )
    };
    let cell = |id: &str, name: &str, size: u32| {
        pstyle(
            id,
            name,
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            &format!("<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
            "",
        )
    };
    let border = |side: &str| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let styles = [
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"200\" w:line=\"288\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
            .to_string(),
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>".to_string(),
        heading(1, "<w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"360\"/><w:jc w:val=\"center\"/>", 28, false),
        heading(2, "<w:tabs><w:tab w:val=\"left\" w:pos=\"680\"/></w:tabs><w:spacing w:before=\"280\" w:after=\"200\"/><w:ind w:left=\"680\" w:hanging=\"680\"/><w:jc w:val=\"left\"/>", 24, true),
        heading(3, "<w:tabs><w:tab w:val=\"left\" w:pos=\"680\"/></w:tabs><w:spacing w:before=\"240\" w:after=\"120\"/><w:ind w:left=\"680\" w:hanging=\"680\"/><w:jc w:val=\"left\"/>", 22, false),
        heading(4, "<w:spacing w:before=\"200\" w:after=\"100\"/><w:jc w:val=\"left\"/>", 22, false),
        pstyle(
            "Caption",
            "caption",
            "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\"/><w:jc w:val=\"center\"/>",
            "<w:b/><w:bCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
            "<w:uiPriority w:val=\"35\"/>",
        ),
        toc(1),
        toc(2),
        pstyle(
            "TableofFigures",
            "table of figures",
            "<w:spacing w:before=\"0\" w:after=\"40\"/><w:ind w:left=\"1247\" w:hanging=\"1247\"/><w:jc w:val=\"left\"/>",
            "",
            "<w:uiPriority w:val=\"99\"/>",
        ),
        pstyle(
            "ListParagraph",
            "List Paragraph",
            "<w:spacing w:after=\"80\"/><w:contextualSpacing/>",
            "",
            "<w:uiPriority w:val=\"34\"/>",
        ),
        pstyle(
            "Quote",
            "Quote",
            "<w:ind w:left=\"720\" w:right=\"720\"/>",
            "<w:i/><w:iCs/>",
            "<w:uiPriority w:val=\"29\"/>",
        ),
        cell("IsiTabel", "Isi Tabel", 17),
        cell("IsiTabelKecil", "Isi Tabel Kecil", 14),
        pstyle(
            "Catatan",
            "Catatan Tabel",
            "<w:spacing w:before=\"40\" w:after=\"200\"/><w:jc w:val=\"left\"/>",
            "<w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>",
            "",
        ),
        pstyle(
            "Header",
            "header",
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"969696\"/></w:pBdr><w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/>",
            "<w:color w:val=\"5A5A5A\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>",
            "",
        ),
        pstyle(
            "Footer",
            "footer",
            "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
            "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
            "",
        ),
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>".to_string(),
        format!(
            "<w:style w:type=\"table\" w:styleId=\"TabelLkjip\"><w:name w:val=\"Tabel LKjIP\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w=\"30\" w:type=\"dxa\"/><w:left w:w=\"{m}\" w:type=\"dxa\"/><w:bottom w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"{m}\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
            m = super::tabel::CELL_MARGIN
        ),
    ];
    format!(
        "{HEAD}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr>{font}<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"id-ID\" w:eastAsia=\"id-ID\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"200\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>{}</w:styles>",
        styles.concat()
    )
}

pub fn settings() -> String {
    format!(
        "{HEAD}<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"
    )
}

/// numbering.xml: one abstract list per kind (`-` bullets, `(1)`, `a.`,
/// `1.`), one instance per list of the report so each starts anew.
pub fn numbering(lists: &[(usize, usize)]) -> String {
    let kinds = [
        (LIST_BULLET, "bullet", "-"),
        (LIST_PAREN, "decimal", "(%1)"),
        (LIST_LETTER, "lowerLetter", "%1."),
        (LIST_DECIMAL, "decimal", "%1."),
    ];
    let mut x = format!("{HEAD}<w:numbering xmlns:w=\"{W}\">");
    for (id, fmt, text) in kinds {
        x.push_str(&format!(
            "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        ));
        for lvl in 0..3 {
            // a nested list numbers as its parent does, as Typst's enum
            let text = text.replace("%1", &format!("%{}", lvl + 1));
            x.push_str(&format!(
                "<w:lvl w:ilvl=\"{lvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{}\" w:hanging=\"425\"/></w:pPr></w:lvl>",
                esc(&text),
                425 * (lvl + 1) + 284
            ));
        }
        x.push_str("</w:abstractNum>");
    }
    for (i, (kind, start)) in lists.iter().enumerate() {
        x.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{kind}\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride></w:num>",
            i + 1
        ));
    }
    x.push_str("</w:numbering>");
    x
}

/// The header line of every page but the cover, as in the PDF.
pub fn header(id: &Identitas) -> String {
    format!(
        "{HEAD}<w:hdr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:hdr>",
        esc(&format!(
            "Laporan Kinerja {} {} Tahun {}",
            id.nama_opd, id.pemerintah_daerah, id.tahun
        ))
    )
}

/// The page number, centred; its format (i, ii / 1, 2) is the section's.
pub fn footer() -> String {
    format!(
        "{HEAD}<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>"
    )
}

fn content_types() -> String {
    let o = |part: &str, t: &str| {
        format!("<Override PartName=\"{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.{t}\"/>")
    };
    format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>{}{}{}{}{}{}<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>{}</Types>",
        o("/word/document.xml", "wordprocessingml.document.main+xml"),
        o("/word/styles.xml", "wordprocessingml.styles+xml"),
        o("/word/settings.xml", "wordprocessingml.settings+xml"),
        o("/word/numbering.xml", "wordprocessingml.numbering+xml"),
        o("/word/header1.xml", "wordprocessingml.header+xml"),
        o("/word/footer1.xml", "wordprocessingml.footer+xml"),
        o("/docProps/app.xml", "extended-properties+xml"),
    )
}

fn package_rels() -> String {
    format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{R}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{R}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
}

fn document_rels(media: &Media) -> String {
    let mut x = format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"{R}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"{R}/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdNumbering\" Type=\"{R}/numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rIdHeader\" Type=\"{R}/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdFooter\" Type=\"{R}/footer\" Target=\"footer1.xml\"/>"
    );
    for (i, (name, _)) in media.files.iter().enumerate() {
        x.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{R}/image\" Target=\"media/{name}\"/>",
            Media::rel_id(i + 1)
        ));
    }
    x.push_str("</Relationships>");
    x
}

/// Title, author and date: the report's own, never the clock.
fn core(id: &Identitas, date: &str) -> String {
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>id-ID</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified></cp:coreProperties>",
        esc(&format!(
            "Laporan Kinerja {} {} Tahun {}",
            id.nama_opd, id.pemerintah_daerah, id.tahun
        )),
        esc(&id.nama_opd)
    )
}

fn app() -> String {
    format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>lkjip {}</Application></Properties>",
        crate::VERSION
    )
}

/// The parts of a report.
pub struct Parts<'a> {
    pub body: &'a str,
    pub lists: &'a [(usize, usize)],
    pub media: &'a Media,
    pub identitas: &'a Identitas,
    /// `2025-01-31T00:00:00Z`.
    pub date: String,
}

/// The `.docx` bytes: every part deflated, dated 1980-01-01.
pub fn package(p: &Parts) -> zip::result::ZipResult<Vec<u8>> {
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // pictures are compressed already
    let stored = opts.compression_method(zip::CompressionMethod::Stored);
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let text_parts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(p.identitas, &p.date)),
        ("docProps/app.xml", app()),
        ("word/_rels/document.xml.rels", document_rels(p.media)),
        ("word/document.xml", document(p.body)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/numbering.xml", numbering(p.lists)),
        ("word/header1.xml", header(p.identitas)),
        ("word/footer1.xml", footer()),
    ];
    for (name, text) in text_parts {
        z.start_file(name, opts)?;
        z.write_all(text.as_bytes())?;
    }
    for (name, bytes) in &p.media.files {
        z.start_file(format!("word/media/{name}"), stored)?;
        z.write_all(bytes)?;
    }
    Ok(z.finish()?.into_inner())
}
