//! The reviewer draft (`lkjip build --draft`): the data of the review pages
//! (Lembar Reviu, Daftar Periksa, Perubahan, Pernyataan Telah Direviu,
//! Kolofon) and the marks beside the rows and sections that a finding or a
//! change concerns. The template draws them (`templates/draf.typ`); a final
//! build has no `draf` data, so it cannot carry a draft mark.

use crate::config::Config;
use crate::document::{Dokumen, Item, Tanda};
use crate::finding::{Finding, Severity};
use crate::folder::Folder;
use crate::model::ReportModel;
use crate::review::Subjects;
use crate::review::changes::Since;
use crate::review::checklist::checklist;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// File name suffix of the draft PDF.
pub const SUFFIX: &str = "-DRAF";

/// What the draft adds to the document data.
pub struct Draft {
    /// `draf` of the Typst data.
    pub data: Value,
    /// Row key → the numbers of the findings (`T3`) and changes (`P2`)
    /// that concern it.
    tanda: BTreeMap<String, Vec<String>>,
}

/// The findings in the order `lkjip check` lists them.
/// The most changes listed on the draft's Perubahan page.
pub const PERUBAHAN_MAX: usize = 500;

pub fn ordered(temuan: &[Finding]) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = temuan.iter().collect();
    // this year's first: last year's realization report is closed books,
    // its findings matter to the comparison only
    v.sort_by_key(|f| (f.severity, is_last_year(f)));
    v
}

/// Whether a finding concerns last year's realization report.
fn is_last_year(f: &Finding) -> bool {
    f.location.file.contains("realisasi-lalu") || f.message.contains("(laporan tahun sebelumnya)")
}

/// A finding's message in the report's own forms: `Rp. 5.500.191.063` as
/// the report writes amounts (`lkjip check` keeps the compiler-like `Rp`).
fn in_report_form(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + 8);
    let mut rest = message;
    while let Some(i) = rest.find("Rp ") {
        let before_ok = rest[..i].chars().last().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = rest[i + 3..].starts_with(|c: char| c.is_ascii_digit() || c == '-');
        out.push_str(&rest[..i]);
        out.push_str(if before_ok && after_ok { "Rp. " } else { "Rp " });
        rest = &rest[i + 3..];
        // a negative amount with a true minus, as the report's tables
        if before_ok && rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            out.push('\u{2212}');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

fn tingkat(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Kesalahan",
        Severity::Warning => "Peringatan",
        Severity::Info => "Info",
    }
}

impl Draft {
    /// Assembles the review pages of `m`, whose `temuan` are the findings
    /// of `lkjip check`.
    pub fn new(m: &ReportModel, config: &Config, folder: &Folder, since: Option<&Since>, model_sha256: &str) -> Draft {
        let subjects = Subjects::new(m);
        let numbered: Vec<(String, &Finding)> = ordered(&m.temuan)
            .into_iter()
            .enumerate()
            .map(|(i, f)| (format!("T{}", i + 1), f))
            .collect();
        let mut tanda: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let temuan: Vec<Value> = numbered
            .iter()
            .map(|(no, f)| {
                let keys = subjects.of(f);
                for k in &keys {
                    tanda.entry(k.clone()).or_default().push(no.clone());
                }
                json!({
                    "no": no,
                    "tingkat": tingkat(f.severity),
                    "parah": f.severity.label(),
                    "kode": f.code,
                    "lokasi": f.location.to_string(),
                    "pesan": in_report_form(&f.message),
                    "kunci": keys,
                })
            })
            .collect();
        let perubahan = since.map(|s| {
            // a hostile or unrelated previous model (30 000 programs) must
            // not make a thousand-page draft: the first PERUBAHAN_MAX are
            // listed, the rest counted
            let daftar: Vec<Value> = s
                .perubahan
                .iter()
                .take(PERUBAHAN_MAX)
                .enumerate()
                .map(|(i, p)| {
                    let no = format!("P{}", i + 1);
                    if let Some(k) = &p.kunci {
                        tanda.entry(k.clone()).or_default().push(no.clone());
                    }
                    json!({
                        "no": no,
                        "bagian": p.bagian,
                        "uraian": p.uraian,
                        "lama": in_report_form(&p.lama),
                        "baru": in_report_form(&p.baru),
                        "kunci": p.kunci.iter().collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "sumber": s.sumber,
                "sha256": s.sha256,
                "jumlah": s.perubahan.len(),
                "lainnya": s.perubahan.len().saturating_sub(PERUBAHAN_MAX),
                "daftar": daftar,
            })
        });
        let periksa: Vec<Value> = checklist(m, &numbered, folder)
            .into_iter()
            .enumerate()
            .map(|(i, it)| json!({"no": i + 1, "uraian": it.uraian, "status": it.status, "catatan": it.catatan}))
            .collect();
        let reviu = config.reviu.clone().unwrap_or_default();
        let own_templates: Vec<String> = ["lkjip.typ", "gaya.typ", "draf.typ"]
            .iter()
            .filter(|n| folder.templates().join(n).exists())
            .map(|n| format!("templates/{n}"))
            .collect();
        let data = json!({
            "temuan": temuan,
            "jumlah": {
                "error": m.temuan.iter().filter(|f| f.severity == Severity::Error).count(),
                "warning": m.temuan.iter().filter(|f| f.severity == Severity::Warning).count(),
                "info": m.temuan.iter().filter(|f| f.severity == Severity::Info).count(),
            },
            "periksa": periksa,
            "perubahan": perubahan,
            "pereviu": {
                "instansi": reviu.instansi,
                "penandatangan": reviu.penandatangan.map(|p| json!({"nama": p.nama, "jabatan": p.jabatan, "pangkat": crate::tampil::pangkat(&p.pangkat), "nip": crate::tampil::nip(&p.nip)})),
            },
            "kolofon": {
                "versi": format!("lkjip {}", crate::VERSION),
                "skema": m.skema,
                "model_sha256": model_sha256,
                "masukan": m.sumber.iter().map(|s| json!({"peran": s.peran.label(), "berkas": s.berkas, "sha256": s.sha256})).collect::<Vec<_>>(),
                "templat": if own_templates.is_empty() { "bawaan lkjip".to_string() } else { own_templates.join(", ") },
                "narasi": m.narasi.len(),
            },
        });
        Draft { data, tanda }
    }

    /// Marks the rows and sections of the document that a finding or a
    /// change concerns: `tanda` (the numbers to print in the margin) and
    /// `jangkar` (the key, so the review pages can find their page).
    pub fn mark(&self, doc: &mut Dokumen) {
        let chapters = doc.bab.iter_mut().chain(doc.lampiran.iter_mut());
        let items = chapters
            .flat_map(|b| b.isi.iter_mut())
            .chain(doc.depan.kata_pengantar.iter_mut())
            .chain(doc.depan.ringkasan.iter_mut());
        for it in items {
            match it {
                Item::Tabel(tb) => {
                    if let Some(rows) = &tb.kunci {
                        let (tanda, jangkar) = rows.iter().map(|k| self.row_mark(k.as_deref())).unzip();
                        tb.tanda = Some(tanda);
                        tb.jangkar = Some(jangkar);
                    }
                }
                Item::Narasi(n) => {
                    let (tanda, jangkar) = self.row_mark(Some(&n.kunci));
                    n.tanda = Tanda {
                        tanda: Some(tanda),
                        jangkar: Some(jangkar),
                    };
                }
                _ => {}
            }
        }
    }

    /// The margin text and the anchor keys of a row with `keys`.
    fn row_mark(&self, keys: Option<&str>) -> (Value, Value) {
        let Some(keys) = keys else {
            return (Value::Null, Value::Null);
        };
        let mut nos: BTreeSet<(char, usize, String)> = BTreeSet::new();
        let mut anchors = Vec::new();
        for k in keys.split_whitespace() {
            if let Some(list) = self.tanda.get(k) {
                anchors.push(k.to_string());
                for n in list {
                    // T before P, then by number
                    let (c, num) = n.split_at(1);
                    nos.insert((c.chars().next().unwrap_or('T'), num.parse().unwrap_or(0), n.clone()));
                }
            }
        }
        if anchors.is_empty() {
            return (Value::Null, Value::Null);
        }
        let mut nos: Vec<(char, usize, String)> = nos.into_iter().collect();
        nos.sort_by_key(|(c, n, _)| (std::cmp::Reverse(*c), *n));
        let text: Vec<String> = nos.into_iter().map(|(_, _, s)| s).collect();
        (json!(text.join(" ")), json!(anchors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::changes::Perubahan;

    /// A previous model that differs everywhere lists PERUBAHAN_MAX changes
    /// and counts the rest.
    #[test]
    fn amounts_are_written_as_the_report_writes_them() {
        assert_eq!(
            in_report_form("selisih Rp -3.000.000 dari Rp 5.000 (Rp tidak ada)"),
            "selisih Rp. \u{2212}3.000.000 dari Rp. 5.000 (Rp tidak ada)"
        );
    }

    #[test]
    fn the_perubahan_page_lists_a_bounded_number_of_changes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ok-dasar");
        let loaded = crate::load::load(&dir);
        let m = loaded.model.as_ref().expect("the fixture builds");
        let change = |i: usize| Perubahan {
            bagian: "Anggaran",
            uraian: format!("Program {i}"),
            lama: "1".into(),
            baru: "2".into(),
            kunci: None,
        };
        let since = Since {
            sumber: "lama.json".into(),
            sha256: "0".repeat(64),
            perubahan: (0..PERUBAHAN_MAX + 100).map(change).collect(),
        };
        let config = loaded.config.as_ref().unwrap();
        let d = Draft::new(m, config, &loaded.folder, Some(&since), "x");
        let p = &d.data["perubahan"];
        assert_eq!(p["jumlah"], PERUBAHAN_MAX + 100);
        assert_eq!(p["lainnya"], 100);
        assert_eq!(p["daftar"].as_array().unwrap().len(), PERUBAHAN_MAX);
    }
}
