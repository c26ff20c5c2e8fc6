//! "Perubahan sejak draf sebelumnya": the figures and narrative sections
//! that differ between the model of the previous build (its `model.json`)
//! and this one. Both sides are read as JSON, so a model written by an
//! older lkjip still compares; a figure counts as changed when the way the
//! report prints it changes.

use crate::finding::{Finding, Location, Severity};
use crate::folder::{MODEL_FILE, sha256_hex};
use crate::model::Kunci;
use crate::model::ReportModel;
use crate::tampil::{pct, rp};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;
use std::str::FromStr;

/// One changed figure or section.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Perubahan {
    /// `Anggaran`, `Kinerja`, `SPM`, `Narasi`.
    pub bagian: &'static str,
    /// What changed, in words: `Realisasi sub kegiatan 1.06… Nama`.
    pub uraian: String,
    pub lama: String,
    pub baru: String,
    /// The row key where the figure appears (see `review::Subjects`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kunci: Option<String>,
}

fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => Decimal::from_str(s).ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    }
}

fn money(v: &Value) -> String {
    dec(v).map(|d| format!("Rp {}", rp(d))).unwrap_or_else(|| "-".into())
}

fn percent(v: &Value) -> String {
    match dec(v) {
        Some(d) => format!("{} %", pct(Some(d))),
        None => "-".into(),
    }
}

fn teks(v: &Value) -> String {
    match v {
        Value::Object(o) => o.get("teks").map(teks).unwrap_or_else(|| "-".into()),
        Value::String(s) if !s.is_empty() => s.clone(),
        Value::Null => "-".into(),
        other => other.to_string(),
    }
}

struct Diff {
    out: Vec<Perubahan>,
}

impl Diff {
    fn figure(&mut self, bagian: &'static str, uraian: String, lama: String, baru: String, kunci: Option<String>) {
        if lama != baru {
            self.out.push(Perubahan {
                bagian,
                uraian,
                lama,
                baru,
                kunci,
            });
        }
    }
}

/// Programs, kegiatan and sub kegiatan by code, in the model's order.
fn budget_nodes(m: &Value) -> Vec<(&'static str, String, &Value)> {
    let mut out = Vec::new();
    for p in m.get("programs").and_then(Value::as_array).into_iter().flatten() {
        out.push(("program", p["kode"].as_str().unwrap_or_default().to_string(), p));
        for k in p.get("kegiatan").and_then(Value::as_array).into_iter().flatten() {
            out.push(("kegiatan", k["kode"].as_str().unwrap_or_default().to_string(), k));
            for s in k.get("sub_kegiatan").and_then(Value::as_array).into_iter().flatten() {
                out.push(("sub kegiatan", s["kode"].as_str().unwrap_or_default().to_string(), s));
            }
        }
    }
    out
}

fn indicators(node: &Value) -> Vec<&Value> {
    node.get("indikator")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// Compares the previous model with the current one.
pub fn changes(lama: &Value, baru: &Value) -> Vec<Perubahan> {
    let mut d = Diff { out: Vec::new() };

    // the OPD totals first: the figures a reader looks at first
    let total = Some(Kunci::Total.to_string());
    let r = |m: &Value, k: &str| m["ringkasan"][k].clone();
    d.figure(
        "Anggaran",
        "Total pagu OPD".into(),
        money(&r(lama, "pagu")),
        money(&r(baru, "pagu")),
        total.clone(),
    );
    d.figure(
        "Anggaran",
        "Total realisasi OPD".into(),
        money(&r(lama, "realisasi")),
        money(&r(baru, "realisasi")),
        total.clone(),
    );
    d.figure(
        "Anggaran",
        "Total sisa anggaran OPD".into(),
        money(&r(lama, "sisa")),
        money(&r(baru, "sisa")),
        total.clone(),
    );
    d.figure(
        "Anggaran",
        "Persentase realisasi anggaran OPD".into(),
        percent(&lama["hasil"]["persen_realisasi"]),
        percent(&baru["hasil"]["persen_realisasi"]),
        total.clone(),
    );
    for (key, label) in [
        ("efektivitas", "Efektivitas anggaran"),
        ("efisiensi", "Efisiensi anggaran"),
    ] {
        d.figure(
            "Anggaran",
            label.into(),
            percent(&lama["hasil"][key]["persen"]),
            percent(&baru["hasil"][key]["persen"]),
            total.clone(),
        );
    }

    let old_nodes = budget_nodes(lama);
    let new_nodes = budget_nodes(baru);
    for (jenis, kode, n) in &new_nodes {
        let nama = n["nama"].as_str().unwrap_or_default();
        let key = Some(Kunci::Kode(kode.clone()).to_string());
        let Some((_, _, o)) = old_nodes.iter().find(|(j, k, _)| j == jenis && k == kode) else {
            d.figure(
                "Anggaran",
                format!("{jenis} {kode} {nama}"),
                "(tidak ada)".into(),
                format!("ditambahkan, pagu {}", money(&n["pagu"])),
                key,
            );
            continue;
        };
        for (field, label) in [("pagu", "Pagu"), ("realisasi", "Realisasi"), ("sisa", "Sisa")] {
            d.figure(
                "Anggaran",
                format!("{label} {jenis} {kode} {nama}"),
                money(&o[field]),
                money(&n[field]),
                key.clone(),
            );
        }
        d.figure(
            "Anggaran",
            format!("Persentase realisasi {jenis} {kode} {nama}"),
            percent(&o["persen"]),
            percent(&n["persen"]),
            key.clone(),
        );
        let ikey = Some(Kunci::Indikator(kode.clone()).to_string());
        let old_ind = indicators(o);
        for i in indicators(n) {
            let uraian = i["uraian"].as_str().unwrap_or_default();
            let Some(oi) = old_ind.iter().find(|x| x["uraian"] == i["uraian"]) else {
                d.figure(
                    "Kinerja",
                    format!("Indikator {uraian} ({jenis} {kode})"),
                    "(tidak ada)".into(),
                    "ditambahkan".into(),
                    ikey.clone(),
                );
                continue;
            };
            d.figure(
                "Kinerja",
                format!("Target {uraian} ({jenis} {kode})"),
                teks(&oi["target"]),
                teks(&i["target"]),
                ikey.clone(),
            );
            d.figure(
                "Kinerja",
                format!("Realisasi {uraian} ({jenis} {kode})"),
                teks(&oi["realisasi"]),
                teks(&i["realisasi"]),
                ikey.clone(),
            );
            d.figure(
                "Kinerja",
                format!("Capaian {uraian} ({jenis} {kode})"),
                percent(&oi["capaian"]),
                percent(&i["capaian"]),
                ikey.clone(),
            );
        }
    }
    for (jenis, kode, o) in &old_nodes {
        if !new_nodes.iter().any(|(j, k, _)| j == jenis && k == kode) {
            let nama = o["nama"].as_str().unwrap_or_default();
            d.figure(
                "Anggaran",
                format!("{jenis} {kode} {nama}"),
                format!("pagu {}", money(&o["pagu"])),
                "dihapus".into(),
                None,
            );
        }
    }

    let pks = |m: &Value| m["perjanjian_kinerja"].as_array().cloned().unwrap_or_default();
    let old_pk = pks(lama);
    for pk in pks(baru) {
        let kode = pk["kode"].as_str().unwrap_or_default();
        let Some(o) = old_pk.iter().find(|x| x["kode"] == pk["kode"]) else {
            continue;
        };
        let (i, oi) = (&pk["indikator"], &o["indikator"]);
        let uraian = i["uraian"].as_str().unwrap_or_default();
        let key = Some(Kunci::Pk(kode.to_string()).to_string());
        d.figure(
            "Kinerja",
            format!("Target IKU {kode} {uraian}"),
            teks(&oi["target"]),
            teks(&i["target"]),
            key.clone(),
        );
        d.figure(
            "Kinerja",
            format!("Realisasi IKU {kode} {uraian}"),
            teks(&oi["realisasi"]),
            teks(&i["realisasi"]),
            key.clone(),
        );
        d.figure(
            "Kinerja",
            format!("Capaian IKU {kode} {uraian}"),
            percent(&oi["capaian"]),
            percent(&i["capaian"]),
            key,
        );
    }

    d.figure(
        "SPM",
        "Indeks capaian SPM".into(),
        percent(&lama["hasil"]["indeks_spm"]),
        percent(&baru["hasil"]["indeks_spm"]),
        Some("spm".into()),
    );

    let empty = serde_json::Map::new();
    let old_n = lama["narasi"].as_object().unwrap_or(&empty);
    let new_n = baru["narasi"].as_object().unwrap_or(&empty);
    for (stem, text) in new_n {
        let key = Some(Kunci::Narasi(stem.clone()).to_string());
        let text = text.as_str().unwrap_or_default();
        match old_n.get(stem).and_then(Value::as_str) {
            None => d.figure(
                "Narasi",
                format!("narasi/{stem}.md"),
                "(tidak ada)".into(),
                "ditambahkan".into(),
                key,
            ),
            Some(old) if old != text => {
                let (plus, minus) = line_changes(old, text);
                d.figure(
                    "Narasi",
                    format!("narasi/{stem}.md"),
                    "(versi sebelumnya)".into(),
                    format!("diubah: {plus} baris baru, {minus} baris dihapus"),
                    key,
                )
            }
            Some(_) => {}
        }
    }
    for stem in old_n.keys() {
        if !new_n.contains_key(stem) {
            d.figure(
                "Narasi",
                format!("narasi/{stem}.md"),
                "(ada)".into(),
                "dihapus".into(),
                None,
            );
        }
    }
    d.out
}

/// Lines only in the new text and lines only in the old one (a changed
/// line counts once on each side), by a longest common subsequence.
fn line_changes(old: &str, new: &str) -> (usize, usize) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // narrative files are short; cap the table so a hostile file stays cheap
    if a.len() * b.len() > 4_000_000 {
        return (b.len(), a.len());
    }
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let common = t[0][0];
    (b.len() - common, a.len() - common)
}

/// The largest previous model read (the example's is 0,5 MB; a kabupaten's
/// largest OPD a few MB).
pub const SINCE_LIMIT: u64 = 64 * 1024 * 1024;

/// The previous model a draft is compared with.
pub struct Since {
    /// As the user named it (or `out/model.json`).
    pub sumber: String,
    pub sha256: String,
    pub perubahan: Vec<Perubahan>,
}

impl Since {
    /// The previous model of a draft: `--since PATH`, else the output
    /// folder's `model.json` when there is one. A named file that cannot be
    /// read is an error; no previous model means no "Perubahan" page.
    pub fn read(model: &ReportModel, out_dir: &Path, named: Option<&Path>) -> Result<Option<Since>, Finding> {
        let path = match named {
            Some(p) => p.to_path_buf(),
            None => out_dir.join(MODEL_FILE),
        };
        let shown = match named {
            Some(p) => p.display().to_string(),
            None => format!(
                "{}/{MODEL_FILE}",
                out_dir
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
        };
        let fail = |code, message: String| Finding {
            severity: Severity::Error,
            code,
            location: Location::file(&shown),
            message,
            kunci: Vec::new(),
        };
        // a regular file of bounded size (a FIFO planted at out/model.json
        // must not block the draft, nor /dev/zero fill the memory)
        let bytes = match crate::folder::read_regular(&path, SINCE_LIMIT) {
            Ok(b) => b,
            Err(crate::folder::Refused::Missing) if named.is_none() => return Ok(None),
            Err(r) => {
                return Err(fail(
                    "since-unreadable",
                    format!("model draf sebelumnya tidak dapat dibaca: {}", r.message()),
                ));
            }
        };
        let prev: serde_json::Value = match serde_json::from_slice(&bytes) {
            Ok(v) => v,
            Err(e) => {
                return Err(fail(
                    "since-invalid",
                    format!("bukan model.json lkjip (JSON tidak sah: {e})"),
                ));
            }
        };
        if prev
            .get("skema")
            .and_then(|s| s.as_str())
            .is_none_or(|s| !s.starts_with("lkjip-model/"))
        {
            return Err(fail(
                "since-invalid",
                "bukan model.json lkjip (tidak ada \"skema\": \"lkjip-model/…\")".into(),
            ));
        }
        let now = serde_json::to_value(model).unwrap_or_default();
        Ok(Some(Since {
            sumber: shown,
            sha256: sha256_hex(&bytes),
            perubahan: changes(&prev, &now),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model(real_sub: &str, real_keg: &str, real_total: &str, narasi: &str) -> Value {
        json!({
            "ringkasan": {"pagu": "1000", "realisasi": real_total, "sisa": "0"},
            "hasil": {"persen_realisasi": "50"},
            "programs": [{"kode": "1.06.02", "nama": "P", "pagu": "1000", "realisasi": real_keg, "sisa": "0",
                "kegiatan": [{"kode": "1.06.02.2.01", "nama": "K", "pagu": "1000", "realisasi": real_keg, "sisa": "0",
                    "sub_kegiatan": [{"kode": "1.06.02.2.01.0001", "nama": "S", "pagu": "1000", "realisasi": real_sub, "sisa": "0"}]}]}],
            "narasi": {"sasaran-1": narasi},
        })
    }

    #[test]
    fn a_changed_realization_lists_itself_and_its_totals() {
        let a = model("500", "500", "500", "satu\ndua\n");
        let b = model("600", "600", "600", "satu\ndua diubah\ntiga\n");
        let c = changes(&a, &b);
        let line = |u: &str| {
            c.iter()
                .find(|p| p.uraian.starts_with(u))
                .map(|p| (p.lama.as_str(), p.baru.as_str()))
        };
        assert_eq!(line("Total realisasi OPD"), Some(("Rp 500", "Rp 600")));
        assert_eq!(
            line("Realisasi sub kegiatan 1.06.02.2.01.0001"),
            Some(("Rp 500", "Rp 600"))
        );
        assert_eq!(line("Realisasi kegiatan 1.06.02.2.01 K"), Some(("Rp 500", "Rp 600")));
        assert_eq!(line("Realisasi program 1.06.02 P"), Some(("Rp 500", "Rp 600")));
        // "dua" → "dua diubah" is one line out, one in; "tiga" is new
        assert_eq!(
            line("narasi/sasaran-1.md").map(|x| x.1),
            Some("diubah: 2 baris baru, 1 baris dihapus")
        );
        // unchanged pagu is not listed
        assert!(line("Pagu sub kegiatan").is_none());
        assert_eq!(
            c.iter()
                .find(|p| p.uraian.starts_with("Realisasi sub"))
                .and_then(|p| p.kunci.clone())
                .as_deref(),
            Some("1.06.02.2.01.0001")
        );
    }

    #[test]
    fn the_same_model_has_no_changes() {
        let a = model("500", "500", "500", "x");
        assert!(changes(&a, &a).is_empty());
    }
}
