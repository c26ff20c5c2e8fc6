//! Narrative text: Markdown with minijinja placeholders, written by the
//! officer in `narasi/`. It is rendered against the model, parsed with
//! pulldown-cmark and handed to Typst as data blocks — no user text is ever
//! parsed as Typst markup, so `@`, `$`, `//`, `#set` or `]` print as typed.

use crate::finding::{Finding, Location, Severity};
use crate::tampil::{fmt_persen, fmt_rupiah};
use minijinja::value::Value as JValue;
use minijinja::{Environment, UndefinedBehavior};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

/// Marks a paragraph that places a table or a picture (private-use
/// characters, so typed text can never produce it).
const MARK: char = '\u{E000}';

fn decimal_arg(v: &JValue) -> Option<Decimal> {
    if let Some(s) = v.as_str() {
        return Decimal::from_str(s).ok();
    }
    v.as_i64()
        .map(Decimal::from)
        .or_else(|| f64::try_from(v.clone()).ok().and_then(|f| Decimal::try_from(f).ok()))
}

/// The minijinja environment with lkjip's filters and functions:
/// `{{ x | rupiah }}` → `9.521.256.875`, `{{ x | persen }}` → `92,31`,
/// `{{ tabel("Tabel 3.15") }}` and `{{ gambar("foto.jpg", "Keterangan") }}`
/// on a line of their own place a table or a picture.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // a narrative is text with placeholders, not a program: bound the work
    // a template may do, so `{% for %}` over a huge range cannot hang a build
    env.set_fuel(Some(200_000));
    env.add_filter("rupiah", |v: JValue| -> Result<String, minijinja::Error> {
        decimal_arg(&v).map(fmt_rupiah).ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("rupiah: {v} bukan angka"),
            )
        })
    });
    env.add_filter("persen", |v: JValue| -> Result<String, minijinja::Error> {
        decimal_arg(&v).map(fmt_persen).ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("persen: {v} bukan angka"),
            )
        })
    });
    // a program name as a sentence prints it: the Renja's capitals in
    // title case, acronyms kept (`PROGRAM PEMENUHAN HAK ANAK (PHA)` →
    // `Program Pemenuhan Hak Anak (PHA)`)
    env.add_filter("judul", |v: String| crate::tampil::title_case_program(&v));
    env.add_function("tabel", |nama: String| format!("{MARK}tabel{MARK}{nama}{MARK}"));
    env.add_function("gambar", |file: String, keterangan: Option<String>| {
        format!("{MARK}gambar{MARK}{file}{MARK}{}{MARK}", keterangan.unwrap_or_default())
    });
    env
}

/// The model as the placeholders see it; converted once per build, not
/// once per file (the model is large).
pub fn context(model: &impl serde::Serialize) -> JValue {
    JValue::from(minijinja::value::Serde(model))
}

/// Renders one narrative file: minijinja against `context`, then Markdown
/// to blocks. `name` is the file name shown in diagnostics.
pub fn render(env: &Environment, name: &str, source: &str, context: &JValue) -> Result<Vec<Value>, Finding> {
    let text = env.render_str(source, context).map_err(|e| {
        let msg = if e.kind() == minijinja::ErrorKind::TemplateNotFound {
            // there is no loader: a narrative cannot pull in another file
            "narasi tidak boleh menyertakan berkas lain ({% include %}, {% import %}, {% extends %}); tulis teksnya langsung".to_string()
        } else {
            e.detail().map(str::to_string).unwrap_or_else(|| e.kind().to_string())
        };
        Finding {
            severity: Severity::Error,
            code: "narrative-invalid",
            location: Location {
                file: name.to_string(),
                sheet: None,
                cell: e.line().map(|l| format!("baris {l}")),
            },
            message: format!("narasi tidak dapat diolah: {msg}"), kunci: Vec::new(),
        }
    })?;
    let (blocks, problem) = markdown_bounded(&text);
    let line = |offset: usize| format!("baris {}", text[..offset.min(text.len())].matches('\n').count() + 1);
    if let Some(Problem::LongHeading(offset)) = problem {
        return Err(Finding {
            severity: Severity::Error,
            code: "narrative-heading-too-long",
            location: Location {
                file: name.to_string(),
                sheet: None,
                cell: Some(line(offset)),
            },
            message: format!(
                "judul lebih dari {HEADING_MAX} karakter (judul juga menjadi penanda halaman PDF); pendekkan judulnya atau jadikan paragraf"
            ),
            kunci: Vec::new(),
        });
    }
    if let Some(Problem::TooDeep(offset)) = problem {
        return Err(Finding {
            severity: Severity::Error,
            code: "narrative-too-deep",
            location: Location {
                file: name.to_string(),
                sheet: None,
                cell: Some(line(offset)),
            },
            message: format!(
                "narasi bersarang lebih dari {MAX_NESTING} tingkat (kutipan > di dalam kutipan, daftar di dalam daftar); ratakan susunannya"
            ),
            kunci: Vec::new(),
        });
    }
    Ok(blocks)
}

/// The longest heading of a narrative (characters): a heading is also a
/// bookmark of the PDF, and PDF/A allows no string over 32 767 bytes.
pub const HEADING_MAX: usize = 500;

/// The deepest nesting of Markdown containers kept: a narrative of 50 000
/// nested `>` would otherwise overflow the stack of everything that walks
/// the blocks (serde_json, Typst).
pub const MAX_NESTING: usize = 24;

#[derive(Default)]
struct Builder {
    /// Open containers: (kind, children).
    stack: Vec<(Value, Vec<Value>)>,
    out: Vec<Value>,
    /// Containers opened beyond [`MAX_NESTING`], not kept (their text goes
    /// to the deepest kept one).
    skipped: usize,
    /// The byte offset of the first container too deep.
    too_deep: Option<usize>,
    /// The byte offset of the first heading longer than [`HEADING_MAX`].
    long_heading: Option<usize>,
    /// The byte offset of the event being read.
    at: usize,
}

impl Builder {
    fn push(&mut self, v: Value) {
        match self.stack.last_mut() {
            Some((_, kids)) => kids.push(v),
            None => self.out.push(v),
        }
    }

    fn open(&mut self, v: Value) {
        if self.stack.len() >= MAX_NESTING {
            self.skipped += 1;
            self.too_deep.get_or_insert(self.at);
            return;
        }
        self.stack.push((v, Vec::new()));
    }

    fn close(&mut self) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        if let Some((mut v, kids)) = self.stack.pop() {
            let key = if v["t"] == "list" { "items" } else { "c" };
            v[key] = Value::Array(kids);
            if v["t"] == "h" && super::plain_text(&v["c"]).chars().count() > HEADING_MAX {
                self.long_heading.get_or_insert(self.at);
            }
            for v in place_markers(v) {
                self.push(v);
            }
        }
    }
}

/// The `tabel(...)`/`gambar(...)` markers of a paragraph become placement
/// blocks, and the text around them paragraphs of their own: an officer
/// who writes "Lihat {{ gambar("bagan.png") }} berikut." gets the sentence
/// and the picture, not a failed build. A marker inside bold or italic
/// text cannot be placed there and is dropped from the text.
fn place_markers(v: Value) -> Vec<Value> {
    if v["t"] != "p" || !has_marker(&v) {
        return vec![v];
    }
    let kids = v["c"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::new();
    let mut inline: Vec<Value> = Vec::new();
    let flush = |inline: &mut Vec<Value>, out: &mut Vec<Value>| {
        let blank = inline
            .iter()
            .all(|i| i["t"] == "text" && i["s"].as_str().is_some_and(|s| s.trim().is_empty()));
        if !blank {
            out.push(json!({"t": "p", "c": std::mem::take(inline)}));
        }
        inline.clear();
    };
    for kid in kids {
        let Some(text) = kid["s"].as_str().filter(|_| kid["t"] == "text" && has_marker(&kid)) else {
            inline.push(strip_markers(kid));
            continue;
        };
        let mut parts = text.split(MARK);
        if let Some(before) = parts.next().filter(|t| !t.is_empty()) {
            inline.push(json!({"t": "text", "s": before}));
        }
        while let Some(kind) = parts.next() {
            let block = match kind {
                "tabel" => parts.next().map(|nama| json!({"t": "tabel", "nama": nama})),
                "gambar" => match (parts.next(), parts.next()) {
                    (Some(file), Some(ket)) => Some(json!({"t": "gambar", "file": file, "keterangan": ket})),
                    _ => None,
                },
                _ => None,
            };
            match block {
                Some(b) => {
                    flush(&mut inline, &mut out);
                    out.push(b);
                }
                None if !kind.is_empty() => inline.push(json!({"t": "text", "s": kind})),
                None => {}
            }
            // the text after the marker, up to the next one
            if let Some(after) = parts.next().filter(|t| !t.is_empty()) {
                inline.push(json!({"t": "text", "s": after}));
            }
        }
    }
    flush(&mut inline, &mut out);
    out
}

fn has_marker(v: &Value) -> bool {
    match v {
        Value::String(s) => s.contains(MARK),
        Value::Array(a) => a.iter().any(has_marker),
        Value::Object(o) => o.values().any(has_marker),
        _ => false,
    }
}

/// `v` with the marker characters and what they enclose left out.
fn strip_markers(v: Value) -> Value {
    match v {
        Value::String(s) if s.contains(MARK) => {
            let mut parts = s.split(MARK);
            let mut kept: String = parts.next().unwrap_or_default().to_string();
            while let Some(kind) = parts.next() {
                // a marker's arguments: tabel(nama), gambar(file, keterangan)
                let args = if kind == "gambar" { 2 } else { 1 };
                for _ in 0..args {
                    parts.next();
                }
                kept.push_str(parts.next().unwrap_or_default());
            }
            Value::String(kept)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(strip_markers).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, strip_markers(v))).collect()),
        other => other,
    }
}

/// Markdown → blocks: `p`, `h` (level), `list` (ordered, start, items of
/// blocks), `quote`, `table` (header, rows); inline `text`, `strong`, `em`,
/// `br`.
pub fn markdown(text: &str) -> Vec<Value> {
    markdown_bounded(text).0
}

/// What makes a narrative's Markdown unusable, at its byte offset.
#[derive(Debug, PartialEq)]
pub enum Problem {
    /// A container nested deeper than [`MAX_NESTING`] (flattened into its
    /// parent).
    TooDeep(usize),
    /// A heading longer than [`HEADING_MAX`].
    LongHeading(usize),
}

/// [`markdown`], and the first [`Problem`] of the text if there is one.
pub fn markdown_bounded(text: &str) -> (Vec<Value>, Option<Problem>) {
    let mut b = Builder::default();
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).into_offset_iter();
    for (ev, range) in parser {
        b.at = range.start;
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => b.open(json!({"t": "p"})),
                Tag::Heading { level, .. } => {
                    let n = match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        _ => 4,
                    };
                    b.open(json!({"t": "h", "level": n}))
                }
                Tag::List(start) => {
                    b.open(json!({"t": "list", "ordered": start.is_some(), "start": start.unwrap_or(1)}))
                }
                Tag::Item => b.open(json!({"t": "item"})),
                Tag::BlockQuote(_) => b.open(json!({"t": "quote"})),
                Tag::Emphasis => b.open(json!({"t": "em"})),
                Tag::Strong => b.open(json!({"t": "strong"})),
                Tag::Strikethrough => b.open(json!({"t": "strike"})),
                Tag::Link { .. } | Tag::Image { .. } => b.open(json!({"t": "span"})),
                Tag::Table(_) => b.open(json!({"t": "table"})),
                Tag::TableHead => b.open(json!({"t": "row", "head": true})),
                Tag::TableRow => b.open(json!({"t": "row"})),
                Tag::TableCell => b.open(json!({"t": "cell"})),
                Tag::CodeBlock(_) => b.open(json!({"t": "p"})),
                _ => b.open(json!({"t": "span"})),
            },
            Event::End(end) => {
                if matches!(end, TagEnd::Item) {
                    // list items hold blocks; tight lists give bare inlines
                    if let Some((_, kids)) = b.stack.last_mut()
                        && kids.iter().any(is_inline)
                    {
                        let inl: Vec<Value> = std::mem::take(kids);
                        kids.push(json!({"t": "p", "c": inl}));
                    }
                }
                b.close()
            }
            Event::Text(s) | Event::Code(s) | Event::Html(s) | Event::InlineHtml(s) => {
                b.push(json!({"t": "text", "s": s.as_ref()}))
            }
            Event::SoftBreak => b.push(json!({"t": "text", "s": " "})),
            Event::HardBreak => b.push(json!({"t": "br"})),
            Event::Rule => b.push(json!({"t": "rule"})),
            _ => {}
        }
    }
    b.skipped = 0;
    while !b.stack.is_empty() {
        b.close();
    }
    let out = lettered(b.out);
    let problem = b
        .too_deep
        .map(Problem::TooDeep)
        .or(b.long_heading.map(Problem::LongHeading));
    (out, problem)
}

/// The letter of a paragraph written as a lettered item (`b. Tugas …`:
/// Markdown knows only numbered lists), with the text after it.
fn letter_of(block: &Value) -> Option<(char, String)> {
    if block["t"] != "p" {
        return None;
    }
    let s = block["c"][0]["s"].as_str()?;
    let mut cs = s.chars();
    let (l, dot, space) = (cs.next()?, cs.next()?, cs.next()?);
    (l.is_ascii_lowercase() && dot == '.' && space == ' ').then(|| (l, cs.as_str().to_string()))
}

/// Paragraphs written as lettered items become what an officer meant: two
/// or more in a row lettered `a.`, `b.`, `c.` … a lettered list (hanging
/// indent, `a.` numbering); a lone short one without closing punctuation
/// (`a. Kedudukan`) a bold sub-heading kept with the text after it
/// (`label`).
fn lettered(blocks: Vec<Value>) -> Vec<Value> {
    let letters: Vec<Option<(char, String)>> = blocks.iter().map(letter_of).collect();
    let mut out = Vec::with_capacity(blocks.len());
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        let mut want = 'a';
        while letters.get(j).and_then(Option::as_ref).is_some_and(|(l, _)| *l == want) {
            want = ((want as u8) + 1) as char;
            j += 1;
        }
        if j - i >= 2 {
            let items = (i..j)
                .map(|k| {
                    let mut p = blocks[k].clone();
                    if let Some((_, rest)) = &letters[k] {
                        p["c"][0]["s"] = Value::String(rest.clone());
                    }
                    json!({"t": "item", "c": [p]})
                })
                .collect::<Vec<_>>();
            out.push(json!({"t": "list", "ordered": true, "start": 1, "huruf": true, "items": items}));
            i = j;
            continue;
        }
        let b = &blocks[i];
        let text = b.get("c").map(super::plain_text).unwrap_or_default();
        let label = letters[i].is_some()
            && super::reads_as_heading(&text, 80)
            && b["c"].as_array().is_some_and(|c| c.len() == 1);
        // a line set in bold by the officer ("**4. Bidang …**") is a
        // sub-heading as well
        let bold = b["t"] == "p"
            && b["c"].as_array().is_some_and(|c| c.len() == 1 && c[0]["t"] == "strong")
            && super::reads_as_heading(&text, 120);
        if label {
            out.push(json!({"t": "p", "label": true, "c": [{"t": "strong", "c": b["c"].clone()}]}));
        } else if bold {
            let mut p = b.clone();
            p["label"] = Value::Bool(true);
            out.push(p);
        } else {
            out.push(b.clone());
        }
        i += 1;
    }
    out
}

fn is_inline(v: &Value) -> bool {
    matches!(
        v["t"].as_str(),
        Some("text" | "strong" | "em" | "br" | "span" | "strike")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &Value, out: &mut String) {
        if let Some(s) = v["s"].as_str() {
            out.push_str(s);
        }
        for key in ["c", "items"] {
            if let Some(a) = v[key].as_array() {
                for x in a {
                    texts(x, out);
                }
            }
        }
        if let Some(a) = v.as_array() {
            for x in a {
                texts(x, out);
            }
        }
    }

    #[test]
    fn a_narrative_nested_beyond_the_bound_is_refused_at_its_line() {
        let env = environment();
        let ctx = context(&serde_json::json!({}));
        let deep = format!("Pembuka.\n\n{} teks\n", ">".repeat(50_000));
        let e = render(&env, "narasi/x.md", &deep, &ctx).unwrap_err();
        assert_eq!(e.code, "narrative-too-deep");
        assert_eq!(e.location.cell.as_deref(), Some("baris 3"));
        // 24 levels are kept
        let ok = format!("{} teks\n", ">".repeat(MAX_NESTING - 1));
        assert!(render(&env, "narasi/x.md", &ok, &ctx).is_ok());
    }

    /// The example's 1.2 as officers write it (narasi/1.2-struktur-organisasi.md):
    /// lettered section labels with a lettered list inside one of them.
    #[test]
    fn lettered_paragraphs_become_a_lettered_list_or_a_label() {
        let src = "a. Kedudukan\n\nDinas adalah unsur pelaksana.\n\nb. Fungsi\n\nDinas menyelenggarakan fungsi:\n\na. perencanaan;\n\nb. pelaksanaan; dan\n\nc. pelaporan.\n\nc. Struktur Organisasi\n\nb. bukan awal daftar.\n";
        let blocks = markdown(src);
        let t: Vec<&str> = blocks.iter().map(|b| b["t"].as_str().unwrap()).collect();
        assert_eq!(t, ["p", "p", "p", "p", "list", "p", "p"]);
        // labels in bold, their letter kept
        assert_eq!(blocks[0]["c"][0]["t"], "strong");
        assert_eq!(blocks[0]["label"], true);
        assert_eq!(blocks[0]["c"][0]["c"][0]["s"], "a. Kedudukan");
        assert_eq!(blocks[5]["c"][0]["c"][0]["s"], "c. Struktur Organisasi");
        // the list: lettered, the letters taken off the items
        assert_eq!(blocks[4]["huruf"], true);
        let items: Vec<&str> = blocks[4]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["c"][0]["c"][0]["s"].as_str().unwrap())
            .collect();
        assert_eq!(items, ["perencanaan;", "pelaksanaan; dan", "pelaporan."]);
        // a sentence that begins with a letter but is no label stays as it is
        assert_eq!(blocks[6]["c"][0]["s"], "b. bukan awal daftar.");
        // a line the officer set in bold is a label too; a bold sentence is not
        let blocks = markdown("**4. Bidang Pemberdayaan Perempuan**\n\nTeks.\n\n**Catatan penting.**\n");
        assert_eq!(blocks[0]["label"], true);
        assert!(blocks[1].get("label").is_none() && blocks[2].get("label").is_none());
    }

    /// A 50 000-character heading made PDF/A refuse the export (a bookmark
    /// string over 32 767 bytes), blamed on the template.
    #[test]
    fn a_heading_longer_than_the_bound_is_refused_at_its_line() {
        let env = environment();
        let ctx = context(&serde_json::json!({}));
        let long = format!("Pembuka.\n\n### {}\n\nTeks.\n", "Kesimpulan panjang ".repeat(2_500));
        let e = render(&env, "narasi/x.md", &long, &ctx).unwrap_err();
        assert_eq!(e.code, "narrative-heading-too-long");
        assert_eq!(e.location.cell.as_deref(), Some("baris 3"));
        // 500 characters are a heading still, in bold too
        let ok = format!("### **{}**\n", "k".repeat(HEADING_MAX));
        assert!(render(&env, "narasi/x.md", &ok, &ctx).is_ok());
        let over = format!("### **{}**\n", "k".repeat(HEADING_MAX + 1));
        assert!(render(&env, "narasi/x.md", &over, &ctx).is_err());
    }
    #[test]
    fn characters_typst_would_interpret_stay_text() {
        let src = "Hubungi admin@dinsos.go.id, biaya $5 dan $6 // catatan\n\n#set text(red) ] dan 5 * 3\n\n- 5% dari target\n";
        let blocks = markdown(src);
        let mut all = String::new();
        for b in &blocks {
            texts(b, &mut all);
        }
        for want in [
            "admin@dinsos.go.id",
            "$5 dan $6",
            "// catatan",
            "#set text(red)",
            "]",
            "5 * 3",
            "5% dari target",
        ] {
            assert!(all.contains(want), "{want:?} missing from {all:?}");
        }
        assert_eq!(blocks[2]["t"], "list");
    }

    #[test]
    fn placeholders_filters_and_placements() {
        let env = environment();
        let ctx = context(&json!({"ringkasan": {"pagu": "10314852053", "persen": "92.30628637"}}));
        let src = "Pagu Rp {{ ringkasan.pagu | rupiah }} ({{ ringkasan.persen | persen }} %).\n\n{{ tabel(\"Tabel 3.15\") }}\n\n{{ gambar(\"foto.jpg\", \"Rapat koordinasi\") }}\n";
        let blocks = render(&env, "narasi/x.md", src, &ctx).unwrap();
        assert_eq!(blocks[0]["c"][0]["s"], "Pagu Rp 10.314.852.053 (92,31 %).");
        assert_eq!(blocks[1], json!({"t": "tabel", "nama": "Tabel 3.15"}));
        assert_eq!(
            blocks[2],
            json!({"t": "gambar", "file": "foto.jpg", "keterangan": "Rapat koordinasi"})
        );
    }

    #[test]
    fn a_placement_inside_a_sentence_splits_the_paragraph() {
        let env = environment();
        let ctx = context(&json!({}));
        let src = "Lihat {{ gambar(\"bagan.png\", \"Bagan\") }} berikut, lalu {{ tabel(\"Tabel 3.15\") }}.\n\n**Tebal {{ tabel(\"X\") }}** tetap.\n";
        let blocks = render(&env, "narasi/x.md", src, &ctx).unwrap();
        assert_eq!(
            blocks,
            [
                json!({"t": "p", "c": [{"t": "text", "s": "Lihat "}]}),
                json!({"t": "gambar", "file": "bagan.png", "keterangan": "Bagan"}),
                json!({"t": "p", "c": [{"t": "text", "s": " berikut, lalu "}]}),
                json!({"t": "tabel", "nama": "Tabel 3.15"}),
                json!({"t": "p", "c": [{"t": "text", "s": "."}]}),
                // inside bold it cannot be placed: left out of the text
                json!({"t": "p", "c": [{"t": "strong", "c": [{"t": "text", "s": "Tebal "}]}, {"t": "text", "s": " tetap."}]}),
            ]
        );
    }

    #[test]
    fn an_unknown_placeholder_is_located() {
        let env = environment();
        let e = render(
            &env,
            "narasi/bab1.md",
            "Baris satu\n\n{{ ringkasan.tidak_ada }}\n",
            &context(&json!({"ringkasan": {}})),
        )
        .unwrap_err();
        assert_eq!(e.location.file, "narasi/bab1.md");
        assert_eq!(e.location.cell.as_deref(), Some("baris 3"));
        assert_eq!(e.code, "narrative-invalid");
    }

    #[test]
    fn a_runaway_loop_is_stopped() {
        let env = environment();
        let e = render(
            &env,
            "narasi/x.md",
            "{% for i in range(100000000) %}x{% endfor %}",
            &context(&json!({})),
        )
        .unwrap_err();
        assert_eq!(e.code, "narrative-invalid");
    }

    #[test]
    fn lists_headings_and_emphasis() {
        let blocks = markdown("### Isu Strategis\n\n1. Satu **tebal**\n2. Dua *miring*\n");
        assert_eq!(blocks[0]["t"], "h");
        assert_eq!(blocks[0]["level"], 3);
        assert_eq!(blocks[1]["ordered"], true);
        let item = &blocks[1]["items"][0];
        assert_eq!(item["c"][0]["t"], "p");
        assert_eq!(item["c"][0]["c"][1]["t"], "strong");
    }
}
