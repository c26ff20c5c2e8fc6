//! WordprocessingML pieces: escaped text, runs, paragraphs, fields and
//! units. Strings, not a DOM: a part is written once, front to back.

/// Twentieths of a point per millimetre.
pub const TWIP_PER_MM: f64 = 56.692_913;
/// English Metric Units per millimetre (pictures).
pub const EMU_PER_MM: i64 = 36_000;

pub fn mm(v: f64) -> i64 {
    (v * TWIP_PER_MM).round() as i64
}

/// Text escaped for XML; characters XML 1.0 forbids (control characters a
/// workbook cell may hold) are dropped, so Word never calls the file
/// damaged.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// How a run looks.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Gaya {
    pub tebal: bool,
    pub miring: bool,
    pub coret: bool,
    pub garis_bawah: bool,
    /// Half-points; the paragraph style's size when `None`.
    pub ukuran: Option<u32>,
}

impl Gaya {
    pub const BIASA: Gaya = Gaya {
        tebal: false,
        miring: false,
        coret: false,
        garis_bawah: false,
        ukuran: None,
    };

    pub fn tebal() -> Gaya {
        Gaya {
            tebal: true,
            ..Gaya::BIASA
        }
    }

    fn rpr(&self) -> String {
        let mut s = String::new();
        if self.tebal {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.miring {
            s.push_str("<w:i/><w:iCs/>");
        }
        if self.coret {
            s.push_str("<w:strike/>");
        }
        // schema order: b, i, strike, sz, u
        if let Some(z) = self.ukuran {
            s.push_str(&format!("<w:sz w:val=\"{z}\"/><w:szCs w:val=\"{z}\"/>"));
        }
        if self.garis_bawah {
            s.push_str("<w:u w:val=\"single\"/>");
        }
        if s.is_empty() { s } else { format!("<w:rPr>{s}</w:rPr>") }
    }
}

/// A run of text: line breaks become `<w:br/>`, tabs `<w:tab/>`.
pub fn run(text: &str, g: Gaya) -> String {
    let rpr = g.rpr();
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(&format!("<w:r>{rpr}<w:br/></w:r>"));
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str(&format!("<w:r>{rpr}<w:tab/></w:r>"));
            }
            if !part.is_empty() {
                out.push_str(&format!(
                    "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    esc(part)
                ));
            }
        }
    }
    out
}

/// A line break inside a paragraph.
pub fn br() -> &'static str {
    "<w:r><w:br/></w:r>"
}

/// A field (`PAGE`, `SEQ Tabel \s 1`) with the result Word shows until it
/// updates it.
pub fn field(instr: &str, result: &str, g: Gaya) -> String {
    let rpr = g.rpr();
    format!(
        "<w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>{rpr}<w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r>",
        esc(instr),
        run(result, g)
    )
}

/// Paragraph properties.
#[derive(Default, Clone)]
pub struct Par<'a> {
    pub gaya: Option<&'a str>,
    /// `left`, `center`, `right`, `both`.
    pub rata: Option<&'a str>,
    pub tetap_dengan_berikut: bool,
    pub satu_halaman: bool,
    /// Space before and after, in twips.
    pub sebelum: Option<i64>,
    pub sesudah: Option<i64>,
    /// Left indent and hanging indent, in twips.
    pub indent: Option<(i64, i64)>,
    /// A list: `(numId, level)`.
    pub nomor: Option<(usize, usize)>,
    /// Raw extra properties (borders, tabs, a section).
    pub extra: String,
}

impl Par<'_> {
    pub fn ppr(&self) -> String {
        let mut s = String::new();
        if let Some(g) = self.gaya {
            s.push_str(&format!("<w:pStyle w:val=\"{g}\"/>"));
        }
        if self.tetap_dengan_berikut {
            s.push_str("<w:keepNext/>");
        }
        if self.satu_halaman {
            s.push_str("<w:keepLines/>");
        }
        // schema order: … keepLines, pageBreakBefore, framePr, widowControl, numPr, …
        let (frame, extra) = match self.extra.find("<w:framePr") {
            Some(i) => {
                let end = self.extra[i..].find("/>").map_or(self.extra.len(), |e| i + e + 2);
                (
                    &self.extra[i..end],
                    format!("{}{}", &self.extra[..i], &self.extra[end..]),
                )
            }
            None => ("", self.extra.clone()),
        };
        s.push_str(frame);
        if let Some((id, lvl)) = self.nomor {
            s.push_str(&format!(
                "<w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
            ));
        }
        // schema order: … pBdr, shd, tabs, …, spacing, ind, …, jc, …, sectPr
        let (bdr_tabs, sect) = match extra.find("<w:sectPr") {
            Some(i) => (&extra[..i], &extra[i..]),
            None => (extra.as_str(), ""),
        };
        s.push_str(bdr_tabs);
        if self.sebelum.is_some() || self.sesudah.is_some() {
            s.push_str("<w:spacing");
            if let Some(b) = self.sebelum {
                s.push_str(&format!(" w:before=\"{b}\""));
            }
            if let Some(a) = self.sesudah {
                s.push_str(&format!(" w:after=\"{a}\""));
            }
            s.push_str("/>");
        }
        if let Some((left, hanging)) = self.indent {
            s.push_str(&format!("<w:ind w:left=\"{left}\" w:hanging=\"{hanging}\"/>"));
        }
        if let Some(j) = self.rata {
            s.push_str(&format!("<w:jc w:val=\"{j}\"/>"));
        }
        s.push_str(sect);
        if s.is_empty() { s } else { format!("<w:pPr>{s}</w:pPr>") }
    }

    /// The paragraph with these properties around `runs`.
    pub fn with(&self, runs: &str) -> String {
        format!("<w:p>{}{runs}</w:p>", self.ppr())
    }
}

/// A paragraph of one style.
pub fn styled(style: &str) -> Par<'_> {
    Par {
        gaya: Some(style),
        ..Par::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(esc("a<b & \"c\"\u{b}\u{1}d"), "a&lt;b &amp; &quot;c&quot;d");
        assert_eq!(
            run("x\ny", Gaya::tebal()),
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">x</w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:br/></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">y</w:t></w:r>"
        );
    }

    #[test]
    fn section_properties_come_last_in_a_paragraph() {
        let p = Par {
            rata: Some("center"),
            extra: "<w:sectPr/>".into(),
            ..Par::default()
        };
        assert_eq!(p.ppr(), "<w:pPr><w:jc w:val=\"center\"/><w:sectPr/></w:pPr>");
    }
}
