//! Typographic rules applied to the document once it is built: a figure
//! and its `%`, `Rp.` and its amount never break apart (a no-break space),
//! in tables, generated
//! sentences and the officer's narrative alike; a table's columns are wide
//! enough for their longest word.

use super::item::{Bab, Dokumen, Item};
use serde_json::Value;

/// `92,31 %` → `92,31 %` and `Rp. 9.521.256.875` → `Rp. 9.521.256.875`
/// (U+00A0): a line may not begin with `%`, nor end with `Rp.`.
pub fn tie(s: &str) -> String {
    if !needs_tie(s) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let before = &chars[..i];
        let ends = |w: &str| {
            let w: Vec<char> = w.chars().collect();
            before.ends_with(&w)
                && !before[..before.len() - w.len()]
                    .last()
                    .is_some_and(|p| p.is_alphanumeric())
        };
        let tied = c == ' '
            && ((next == Some('%') && before.last().is_some_and(char::is_ascii_digit))
                || (next.is_some_and(|n| n.is_ascii_digit()) && (ends("Rp.") || ends("Rp"))));
        // `100%` as typed: the report writes one spacing, `100 %` (not in a
        // link's `%20`, nor in a word such as `202024%2F`)
        if c == '%' && glued_percent(&chars, i) {
            out.push('\u{a0}');
        }
        out.push(if tied { '\u{a0}' } else { c });
    }
    out
}

/// Whether the `%` at `i` follows a figure with no space: a digit before it
/// that ends a number standing alone (a space, a bracket or the start
/// before the number), and no URL escape (`%2F`, `%20`) after it.
fn glued_percent(chars: &[char], i: usize) -> bool {
    if !chars[..i].last().is_some_and(char::is_ascii_digit) {
        return false;
    }
    let hex = |k: usize| chars.get(k).is_some_and(char::is_ascii_hexdigit);
    if hex(i + 1) && hex(i + 2) {
        return false;
    }
    let start = chars[..i]
        .iter()
        .rposition(|c| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .map(|k| k + 1)
        .unwrap_or(0);
    start == 0
        || matches!(
            chars[start - 1],
            ' ' | '\u{a0}' | '(' | '\n' | '\u{2212}' | '-' | '/' | '=' | '+'
        )
}

/// A negative figure in a table cell takes a true minus sign (`−1.002,00`):
/// a hyphen before a number reads as a range or a dash.
fn minus_in_place(s: &mut String) {
    let mut cs = s.chars();
    let figure = cs.next() == Some('-')
        && cs.clone().next().is_some_and(|c| c.is_ascii_digit())
        && cs.all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' ' | '\u{a0}'));
    if figure {
        s.replace_range(..1, "\u{2212}");
    }
}

fn needs_tie(s: &str) -> bool {
    s.contains(" %") || s.contains("Rp ") || s.contains("Rp. ") || s.contains('%')
}

/// A web address or path in a table cell ("https://…%2FDSPPPA%20PM…") is
/// one word of over thirty characters: it would widen its column to half
/// the table (Tabel 3.41's Eviden) or run over its cell. A zero-width space
/// after each `/`, `=`, `&` and `?` and before each `%` lets it wrap there.
fn break_long_words(s: &mut String) {
    const LONG: usize = 30;
    let long = |w: &str| w.chars().count() > LONG && w.contains(['/', '%']);
    if !s.split_whitespace().any(long) {
        return;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if !long(w) {
            out.push_str(w);
            continue;
        }
        for (j, ch) in w.chars().enumerate() {
            if ch == '%' && j > 0 && !out.ends_with('\u{200b}') {
                out.push('\u{200b}');
            }
            out.push(ch);
            if matches!(ch, '/' | '=' | '&' | '?') {
                out.push('\u{200b}');
            }
        }
    }
    *s = out;
}

/// A table cell that is a quantity and its unit ("15 Orang", "3 Dok",
/// "1.250 KK") keeps them on one line: "15" over "Orang" reads as two
/// figures.
fn tie_quantity(s: &mut String) {
    let Some((n, unit)) = s.split_once(' ') else { return };
    let figure =
        n.starts_with(|c: char| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','));
    let word = (1..=10).contains(&unit.chars().count()) && unit.chars().all(char::is_alphabetic);
    if figure && word {
        *s = format!("{n}\u{a0}{unit}");
    }
}

/// In a caption or heading, a year stays with its "Tahun" and a range of
/// years stays whole ("Tahun 2024 - 2026"): a line of the Daftar Tabel
/// that ends "Tahun" or "2024 -" reads as cut off.
fn tie_years(s: &mut String) {
    let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() < 2 {
        return;
    }
    let mut out = String::with_capacity(s.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let prev = words[i - 1].trim_start_matches('(');
            let next = w.trim_end_matches([')', ',', '.', ':']);
            let after_dash = matches!(words[i - 1], "-" | "–") && year(next) && i >= 2 && year(words[i - 2]);
            let tied = (prev.eq_ignore_ascii_case("tahun") && year(next))
                || (matches!(*w, "-" | "–") && year(prev))
                || after_dash;
            // a line may break after a dash even before a no-break space:
            // a word joiner binds them
            if after_dash {
                out.push('\u{2060}');
            }
            out.push(if tied { '\u{a0}' } else { ' ' });
        }
        out.push_str(w);
    }
    *s = out;
}

/// A caption's or heading's ties: figures and amounts, and years.
fn tie_caption(s: &mut String) {
    tie_in_place(s);
    tie_years(s);
}

fn tie_in_place(s: &mut String) {
    if needs_tie(s) {
        *s = tie(s);
    }
}

/// The text nodes of a narrative block tree.
fn tie_blocks(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("text")
                && let Some(Value::String(s)) = o.get_mut("s")
            {
                tie_in_place(s);
            }
            for (_, x) in o.iter_mut() {
                tie_blocks(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(tie_blocks),
        _ => {}
    }
}

fn tie_items(items: &mut [Item]) {
    for it in items {
        match it {
            Item::H { teks, .. } => tie_caption(teks),
            Item::P { teks, .. } => tie_in_place(teks),
            Item::Daftar { items, .. } => items.iter_mut().for_each(tie_in_place),
            Item::Narasi(n) => n.blocks.iter_mut().for_each(tie_blocks),
            Item::Tabel(t) => {
                tie_caption(&mut t.judul);
                if let Some(c) = &mut t.catatan {
                    tie_in_place(c);
                }
                for sel in t.kepala.iter_mut().chain(t.baris.iter_mut()).flatten() {
                    tie_in_place(&mut sel.isi);
                    minus_in_place(&mut sel.isi);
                    break_long_words(&mut sel.isi);
                    tie_quantity(&mut sel.isi);
                }
            }
            Item::Grafik(g) => tie_caption(&mut g.judul),
            Item::Bagan(b) => tie_in_place(&mut b.judul),
            Item::Gambar { .. } | Item::Ttd | Item::TtdPk | Item::PernyataanPk(_) => {}
        }
    }
}

/// The pt of a mm.
const PT_PER_MM: f64 = 72.0 / 25.4;

/// Each table's relative column widths fitted to its longest words on the
/// page it is printed on (`gaya.typ`: A4/F4 portrait with 3 + 2,5 cm
/// margins, a wide table turned, the Lampiran turned with 1,5 cm margins;
/// cells inset 3 pt on each side, 8,5 pt type or 7 pt for small tables).
/// A wide table that fits a portrait page of `tinggi_mm` in small type is
/// set there (`table::fits_portrait`); the Lampiran's pages are all turned.
fn fit_items(items: &mut [Item], portrait_mm: f64, turned_mm: f64, tinggi_mm: Option<f64>) {
    for it in items {
        if let Item::Tabel(t) = it {
            if let Some(h) = tinggi_mm
                && t.lebar
                && super::table::fits_portrait(t, portrait_mm * PT_PER_MM, h * PT_PER_MM)
            {
                t.lebar = false;
                t.kecil = true;
            }
            let width = if t.lebar { turned_mm } else { portrait_mm } * PT_PER_MM;
            let size = if t.kecil { 7.0 } else { 8.5 };
            t.kolom = super::table::fit_columns(t, width, size, 7.0);
        }
    }
}

/// Applies the rules to the whole document.
pub fn apply(doc: &mut Dokumen) {
    tie_items(&mut doc.depan.kata_pengantar);
    tie_items(&mut doc.depan.ringkasan);
    for Bab { isi, .. } in doc.bab.iter_mut().chain(doc.lampiran.iter_mut()) {
        tie_items(isi);
    }
    let k = doc.kertas;
    let (tegak, rebah, tinggi) = (k.teks_tegak(), k.teks_rebah(), Some(k.teks_tinggi()));
    fit_items(&mut doc.depan.kata_pengantar, tegak, rebah, tinggi);
    fit_items(&mut doc.depan.ringkasan, tegak, rebah, tinggi);
    for b in &mut doc.bab {
        fit_items(&mut b.isi, tegak, rebah, tinggi);
        keep_lead_ins(&mut b.isi);
    }
    for b in &mut doc.lampiran {
        fit_items(&mut b.isi, k.teks_lampiran(), k.teks_lampiran(), None);
    }
}

/// Applies the rules to chapters of another document on the same paper
/// (the quarterly report).
pub fn apply_bab(bab: &mut [Bab], k: super::item::Kertas) {
    for b in bab {
        tie_items(&mut b.isi);
        fit_items(&mut b.isi, k.teks_tegak(), k.teks_rebah(), Some(k.teks_tinggi()));
        keep_lead_ins(&mut b.isi);
    }
}

/// The paragraph right before a table, chart, picture or chart of the
/// organisation introduces it: it is kept on the page where that begins
/// (`lekat`: Typst's sticky block, Word's keep-with-next), never left at a
/// page foot ("… tersaji pada grafik berikut." with the chart overleaf).
/// So is a sentence ending in a colon before a list ("… melalui kegiatan
/// sebagai berikut:", "Fungsinya adalah:"), generated or the officer's.
fn keep_lead_ins(items: &mut [Item]) {
    for i in 0..items.len() {
        if let Item::Narasi(n) = &mut items[i] {
            for j in 1..n.blocks.len() {
                if n.blocks[j]["t"] == "list" && ends_with_colon(&n.blocks[j - 1]) {
                    stick(&mut n.blocks[j - 1]);
                }
            }
            for b in n.blocks.iter_mut().filter(|b| b["t"] == "list") {
                let items: Vec<String> = b["items"]
                    .as_array()
                    .map(|a| a.iter().map(|it| crate::narrative::plain_text(&it["c"])).collect())
                    .unwrap_or_default();
                if let Some(o) = b.as_object_mut() {
                    // "1. Penganugerahan …" alone: a numbered sub-heading
                    // the officer typed as a list of one
                    if let [only] = items.as_slice()
                        && crate::narrative::reads_as_heading(only, 120)
                    {
                        o.insert("lekat".into(), Value::Bool(true));
                    }
                    if short_list(&items) {
                        o.insert("utuh".into(), Value::Bool(true));
                    }
                }
            }
        }
        if let Item::Daftar { items, utuh, .. } = &mut items[i] {
            *utuh = short_list(items);
        }
        if i == 0 {
            continue;
        }
        let introduced = match &items[i] {
            Item::Tabel(_) | Item::Grafik(_) | Item::Gambar { .. } | Item::Bagan(_) => true,
            Item::Daftar { .. } => match &items[i - 1] {
                Item::P { teks, .. } => teks.trim_end().ends_with(':'),
                Item::Narasi(n) => n.blocks.last().is_some_and(ends_with_colon),
                _ => false,
            },
            // "… melalui program-program berikut." before the first program
            Item::H { .. } => match &items[i - 1] {
                Item::P { teks, .. } => announces_next(teks),
                Item::Narasi(n) => n
                    .blocks
                    .last()
                    .is_some_and(|b| b["t"] == "p" && announces_next(&crate::narrative::plain_text(&b["c"]))),
                _ => false,
            },
            _ => false,
        };
        if !introduced {
            continue;
        }
        match &mut items[i - 1] {
            Item::P { gaya, .. } if gaya.is_none() => *gaya = Some("lekat"),
            Item::Narasi(n) => {
                if let Some(last) = n.blocks.last_mut() {
                    stick(last);
                }
            }
            _ => {}
        }
    }
}

/// Two to four short items (700 characters in all) are read as one: never
/// one on each page ("Faktor pendukung:" 1. / 2.).
fn short_list(items: &[String]) -> bool {
    (2..=4).contains(&items.len()) && items.iter().map(|t| t.chars().count()).sum::<usize>() <= 700
}

/// A sentence that announces what follows it: it ends in `:` or in
/// "berikut." / "berikut ini.".
fn announces_next(s: &str) -> bool {
    let s = s.trim_end();
    s.ends_with(':') || s.ends_with("berikut.") || s.ends_with("berikut ini.")
}

/// A narrative paragraph whose text ends in `:`.
fn ends_with_colon(b: &Value) -> bool {
    b["t"] == "p" && crate::narrative::plain_text(&b["c"]).trim_end().ends_with(':')
}

/// Marks a narrative paragraph as kept with the block after it.
fn stick(b: &mut Value) {
    if b["t"] == "p"
        && let Some(o) = b.as_object_mut()
    {
        o.insert("lekat".into(), Value::Bool(true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An officer's narrative run of Markdown.
    fn narasi(md: &str) -> Item {
        Item::Narasi(super::super::item::Narasi {
            blocks: crate::narrative::jinja::markdown(md),
            kunci: "narasi:uji".into(),
            tanda: Default::default(),
        })
    }

    #[test]
    fn a_lead_in_is_kept_with_what_it_introduces() {
        let tabel = || super::super::table::Tabel::new("Uji", &[1.0]).labels(&["A"]).item();
        let mut items = vec![
            Item::p("Rincian tersaji pada tabel berikut."),
            tabel(),
            Item::p("Penutup."),
        ];
        keep_lead_ins(&mut items);
        assert!(matches!(
            &items[0],
            Item::P {
                gaya: Some("lekat"),
                ..
            }
        ));
        assert!(matches!(&items[2], Item::P { gaya: None, .. }));
    }

    #[test]
    fn a_sentence_ending_in_a_colon_is_kept_with_its_list() {
        let mut items = vec![
            Item::p("Dilaksanakan melalui kegiatan sebagai berikut:"),
            Item::Daftar {
                items: vec!["Satu.".into()],
                gaya: "(1)",
                utuh: false,
            },
            Item::p("Penutup tanpa daftar."),
            Item::Daftar {
                items: vec!["Dua.".into()],
                gaya: "a.",
                utuh: false,
            },
        ];
        keep_lead_ins(&mut items);
        assert!(matches!(
            &items[0],
            Item::P {
                gaya: Some("lekat"),
                ..
            }
        ));
        // a sentence that does not announce the list is left to flow
        assert!(matches!(&items[2], Item::P { gaya: None, .. }));
        // in an officer's text: the paragraph before its list
        let mut items = vec![narasi(
            "Fungsinya adalah:\n\na. perumusan;\n\nb. pelaksanaan.\n\nPenutup:\n",
        )];
        keep_lead_ins(&mut items);
        let Item::Narasi(n) = &items[0] else { unreachable!() };
        assert_eq!(n.blocks[0]["lekat"], true, "{:?}", n.blocks);
        // the last one introduces nothing
        assert!(n.blocks.last().unwrap().get("lekat").is_none());
        // a list of one short line is a sub-heading; a short list of two
        // items is kept whole
        let mut items = vec![
            narasi(
                "1. Penganugerahan Predikat Kepatuhan\n\nOmbudsman menganugerahkan.\n\nFaktor pendukung:\n\n1. SDM memadai;\n2. anggaran tersedia.\n",
            ),
            Item::p("Sasaran ini diupayakan melalui program-program berikut."),
            Item::h(5, "1. Program Uji"),
        ];
        keep_lead_ins(&mut items);
        let Item::Narasi(n) = &items[0] else { unreachable!() };
        let t: Vec<&str> = n.blocks.iter().map(|b| b["t"].as_str().unwrap()).collect();
        assert_eq!(t, ["list", "p", "p", "list"]);
        assert_eq!(n.blocks[0]["lekat"], true);
        assert!(n.blocks[0].get("utuh").is_none());
        assert_eq!(n.blocks[3]["utuh"], true);
        // and the sentence announcing the programs stays with the first
        assert!(matches!(
            &items[1],
            Item::P {
                gaya: Some("lekat"),
                ..
            }
        ));
    }

    #[test]
    fn a_quantity_stays_with_its_unit_in_a_cell() {
        for (cell, want) in [
            ("15 Orang", "15\u{a0}Orang"),
            ("1.250 KK", "1.250\u{a0}KK"),
            ("3 Dok", "3\u{a0}Dok"),
            // not a quantity and its unit: as typed
            ("15 Orang lansia", "15 Orang lansia"),
            ("Jumlah 15", "Jumlah 15"),
            ("15 %", "15 %"),
        ] {
            let mut s = cell.to_string();
            tie_quantity(&mut s);
            assert_eq!(s, want);
        }
    }

    #[test]
    fn a_year_stays_with_its_word_in_a_caption() {
        let mut s = "Indikator Kinerja Utama Tahun 2024 - 2026 dan (Tahun 2023)".to_string();
        tie_years(&mut s);
        assert_eq!(
            s,
            "Indikator Kinerja Utama Tahun\u{a0}2024\u{a0}-\u{2060}\u{a0}2026 dan (Tahun\u{a0}2023)"
        );
        // not a year: left as typed
        let mut k = "Tahun ini - 12 bulan".to_string();
        tie_years(&mut k);
        assert_eq!(k, "Tahun ini - 12 bulan");
    }

    #[test]
    fn a_web_address_in_a_cell_may_wrap() {
        let mut s = "Lihat https://drive.go.id/a?path=%2FDSPPPA%20PM%2F01 dan 98,79\u{a0}%".to_string();
        break_long_words(&mut s);
        assert_eq!(
            s,
            "Lihat https:/\u{200b}/\u{200b}drive.go.id/\u{200b}a?\u{200b}path=\u{200b}%2FDSPPPA\u{200b}%20PM\u{200b}%2F01 dan 98,79\u{a0}%"
        );
        // a short path stays as typed
        let mut k = "daerah/negara".to_string();
        break_long_words(&mut k);
        assert_eq!(k, "daerah/negara");
    }

    #[test]
    fn a_figure_and_its_percent_sign_are_tied() {
        assert_eq!(tie("capaian 92,31 % dan 0 %"), "capaian 92,31\u{a0}% dan 0\u{a0}%");
        // no figure before it: left as written
        assert_eq!(tie("Bobot (%) dan % KUM"), "Bobot (%) dan % KUM");
        assert_eq!(tie("tanpa persen"), "tanpa persen");
        // typed without a space: one spacing in the whole report
        assert_eq!(
            tie("tercapai 100%, mutu 97,40%."),
            "tercapai 100\u{a0}%, mutu 97,40\u{a0}%."
        );
        assert_eq!(tie("(jumlah PMKS)x100%"), "(jumlah PMKS)x100%");
        assert_eq!(tie("x 100%"), "x 100\u{a0}%");
        assert_eq!(tie("(80%)"), "(80\u{a0}%)");
        // a link's escapes stay
        assert_eq!(
            tie("path=%2FDSPPPA%20PM%20AKIP%202023%202024%2F01."),
            "path=%2FDSPPPA%20PM%20AKIP%202023%202024%2F01."
        );
    }

    /// The helper's page review of session 7: "Rp." left at a line's end
    /// about 30 times in 3.3 and BAB IV.
    #[test]
    fn rupiah_and_its_amount_are_tied_and_a_negative_figure_takes_a_minus() {
        assert_eq!(
            tie("pagu Rp. 10.314.852.053,- dan Rp 5.000"),
            "pagu Rp.\u{a0}10.314.852.053,- dan Rp\u{a0}5.000"
        );
        let mut m = "-1.002,00".to_string();
        minus_in_place(&mut m);
        assert_eq!(m, "\u{2212}1.002,00");
        for kept in ["-", "- 5", "-abc", "2024-2026"] {
            let mut k = kept.to_string();
            minus_in_place(&mut k);
            assert_eq!(k, kept);
        }
        // not an amount after it, or not the word Rp: as written
        assert_eq!(tie("Rp. (rupiah) dan ARp 5"), "Rp. (rupiah) dan ARp 5");
    }
}
