//! Tables where the text puts them: a chapter's generated table follows the
//! officer's sentence that announces it ("… dapat dilihat pada Tabel 2.1
//! berikut ini."), instead of the end of the section it was appended to.

use super::item::{Item, Narasi};
use serde_json::Value;

/// The text of a paragraph block, or `None` for another kind.
fn paragraph(b: &Value) -> Option<String> {
    (b["t"] == "p").then(|| b.get("c").map(crate::narrative::plain_text).unwrap_or_default())
}

/// The table number a sentence names (`Tabel 2.1`), if any.
fn named_number(s: &str) -> Option<String> {
    let i = s.find("Tabel ")? + "Tabel ".len();
    let n: String = s[i..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let n = n.trim_end_matches('.');
    n.contains('.').then(|| n.to_string())
}

/// A sentence that announces a table to follow.
fn announces(s: &str) -> bool {
    let l = s.to_lowercase();
    l.contains("tabel") && l.contains("berikut")
}

/// Moves each table that an officer's paragraph announces by its number
/// to just after that paragraph, when only text lies between them (no
/// other table, no section heading, no generated sentence announcing a
/// table of its own): the tables keep their order, so their numbers hold.
pub fn place_announced(items: &mut Vec<Item>) {
    let mut i = 0;
    while i < items.len() {
        let Item::Narasi(n) = &items[i] else {
            i += 1;
            continue;
        };
        let found = n.blocks.iter().enumerate().find_map(|(j, b)| {
            let text = paragraph(b)?;
            let nomor = named_number(&text).filter(|_| announces(&text))?;
            Some((j, nomor))
        });
        let Some((j, nomor)) = found else {
            i += 1;
            continue;
        };
        // the first table after the paragraph, with only text between; a
        // generated lead-in right before it ("… dalam tabel berikut.") is
        // replaced by the officer's sentence
        let mut k = i + 1;
        let mut lead: Option<usize> = None;
        let target = loop {
            match items.get(k) {
                Some(Item::Tabel(t)) => break (t.nomor.as_deref() == Some(nomor.as_str())).then_some(k),
                Some(Item::H { level, .. }) if *level <= 2 => break None,
                Some(Item::P { teks, .. }) if announces(teks) => match items.get(k + 1) {
                    Some(Item::Tabel(t)) if t.nomor.as_deref() == Some(nomor.as_str()) => {
                        lead = Some(k);
                        k += 1;
                    }
                    _ => break None,
                },
                Some(Item::Grafik(_) | Item::Gambar { .. }) => break None,
                Some(_) => k += 1,
                None => break None,
            }
        };
        let Some(k) = target else {
            i += 1;
            continue;
        };
        let table = items.remove(k);
        if let Some(l) = lead {
            items.remove(l);
        }
        let Item::Narasi(n) = &mut items[i] else { unreachable!() };
        if j + 1 < n.blocks.len() {
            let rest = n.blocks.split_off(j + 1);
            let tail = Item::Narasi(Narasi {
                blocks: rest,
                kunci: n.kunci.clone(),
                tanda: n.tanda.clone(),
            });
            items.insert(i + 1, tail);
        }
        items.insert(i + 1, table);
        i += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::table::{Tabel, t};
    use serde_json::json;

    fn narasi(paras: &[&str]) -> Item {
        Item::Narasi(Narasi {
            blocks: paras
                .iter()
                .map(|s| json!({"t": "p", "c": [{"t": "text", "s": s}]}))
                .collect(),
            kunci: "narasi:2.1".into(),
            tanda: Default::default(),
        })
    }

    fn tabel(nomor: &str) -> Item {
        let mut tb = Tabel::new("T", &[1.0]).labels(&["A"]);
        tb.row(vec![t("x")]);
        let mut it = tb.item();
        if let Item::Tabel(t) = &mut it {
            t.nomor = Some(nomor.into());
        }
        it
    }

    fn kinds(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|it| match it {
                Item::Narasi(n) => format!("narasi{}", n.blocks.len()),
                Item::Tabel(t) => format!("tabel {}", t.nomor.as_deref().unwrap_or("")),
                Item::H { .. } => "h".into(),
                _ => "other".into(),
            })
            .collect()
    }

    #[test]
    fn an_announced_table_moves_to_its_sentence() {
        let mut items = vec![
            narasi(&[
                "Pembuka.",
                "Keterkaitan dapat dilihat pada Tabel 2.1. berikut ini.",
                "IKU ditetapkan.",
            ]),
            tabel("2.1"),
            Item::p("Program ... dalam tabel berikut."),
            tabel("2.2"),
        ];
        place_announced(&mut items);
        assert_eq!(kinds(&items), ["narasi2", "tabel 2.1", "narasi1", "other", "tabel 2.2"]);
    }

    #[test]
    fn the_officers_announcement_replaces_the_generated_lead_in() {
        let mut items = vec![
            narasi(&["Pembuka.", "Rinciannya pada Tabel 2.2 berikut.", "IKU ditetapkan."]),
            Item::p("Program ... dijabarkan dalam tabel berikut."),
            tabel("2.2"),
        ];
        place_announced(&mut items);
        assert_eq!(kinds(&items), ["narasi2", "tabel 2.2", "narasi1"]);
        // a lead-in before another table is no reason to move
        let mut items = vec![
            narasi(&["Rinciannya pada Tabel 2.2 berikut."]),
            Item::p("Lihat tabel berikut."),
            tabel("2.1"),
            tabel("2.2"),
        ];
        place_announced(&mut items);
        assert_eq!(kinds(&items), ["narasi1", "other", "tabel 2.1", "tabel 2.2"]);
    }

    #[test]
    fn a_table_behind_another_or_another_section_stays() {
        // the sentence names 2.2, but 2.1 comes first: moving would renumber
        let mut items = vec![narasi(&["Lihat Tabel 2.2 berikut."]), tabel("2.1"), tabel("2.2")];
        place_announced(&mut items);
        assert_eq!(kinds(&items), ["narasi1", "tabel 2.1", "tabel 2.2"]);
        let mut items = vec![narasi(&["Lihat Tabel 2.1 berikut."]), Item::h(2, "2.2"), tabel("2.1")];
        place_announced(&mut items);
        assert_eq!(kinds(&items), ["narasi1", "h", "tabel 2.1"]);
        assert_eq!(named_number("pada Tabel 2.10, berikut"), Some("2.10".into()));
    }
}
