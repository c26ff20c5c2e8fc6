//! Stage 5, review: what the inspectorate (APIP) needs before it signs
//! (PermenPAN-RB 53/2014). `examine` completes the findings with what
//! only the narrative can tell (placeholders, placements, pictures, missing
//! explanations), so `check` and the draft's Lembar Reviu list the same
//! things; `Subjects` ties a finding to the rows of the report it concerns;
//! `changes` compares two models. The draft's pages present this data
//! (`render::pdf::draf`).

pub mod changes;
pub mod checklist;

use crate::angka::round2;
use crate::compute::Rules;
use crate::finding::{Finding, Findings, Location};
use crate::model::Kunci;
use crate::model::kode::Kode;
use crate::model::{Indikator, ReportModel};
use crate::narrative::{Gambar, Naskah};
use crate::tampil::pct;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Adds the findings that need the rendered narrative: placements of
/// tables and pictures, and the explanations a low figure asks for. Runs
/// after compute and the narrative, before any render.
pub fn examine(m: &ReportModel, rules: &Rules, naskah: &Naskah, f: &mut Findings) {
    for (stem, blocks) in &naskah.narasi {
        for b in blocks {
            placement(m, stem, b, &naskah.gambar, f);
        }
    }
    explanations(m, rules, f);
}

/// `tabel("…")` and `gambar("…")` must name something that exists.
fn placement(m: &ReportModel, stem: &str, b: &serde_json::Value, gambar: &Gambar, f: &mut Findings) {
    let loc = || Location::file(format!("narasi/{stem}.md"));
    match b["t"].as_str() {
        Some("tabel") => {
            let nama = b["nama"].as_str().unwrap_or_default();
            if !m
                .tabel_tambahan
                .iter()
                .any(|x| x.nama.trim().eq_ignore_ascii_case(nama.trim()))
            {
                f.warning(
                    "table-unknown",
                    loc(),
                    format!("tabel(\"{nama}\"): tidak ada lembar bernama \"{nama}\" di kinerja.xlsx"),
                );
            }
        }
        Some("gambar") => {
            let file = b["file"].as_str().unwrap_or_default();
            if file.contains(['/', '\\']) || file.starts_with('.') {
                f.warning(
                    "path-outside",
                    loc(),
                    format!("gambar(\"{file}\"): hanya nama berkas di folder gambar/ yang dipakai (tanpa / atau ..); gambar tidak dipasang"),
                );
            } else if !gambar.contains(file) {
                f.warning(
                    "image-missing",
                    loc(),
                    format!("gambar(\"{file}\"): tidak ada gambar yang sah dengan nama itu di folder gambar/"),
                );
            }
        }
        _ => {}
    }
}

/// Text for "is it mentioned?": lower case, one space between words.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A budget node (program, kegiatan or sub kegiatan), flattened.
struct Node<'a> {
    jenis: &'static str,
    kode: &'a Kode,
    nama: &'a str,
    pagu: Decimal,
    persen: Option<Decimal>,
    indikator: &'a [Indikator],
    lokasi: &'a Location,
    /// The narrative files that speak for this node and its parents.
    narasi: Vec<String>,
}

fn nodes(m: &ReportModel) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    for p in &m.programs {
        let np = format!("program-{}", p.kode);
        out.push(Node {
            jenis: "program",
            kode: &p.kode,
            nama: &p.nama,
            pagu: p.pagu,
            persen: p.persen,
            indikator: &p.indikator,
            lokasi: &p.tercetak.lokasi,
            narasi: vec![np.clone()],
        });
        for k in &p.kegiatan {
            let nk = format!("kegiatan-{}", k.kode);
            out.push(Node {
                jenis: "kegiatan",
                kode: &k.kode,
                nama: &k.nama,
                pagu: k.pagu,
                persen: k.persen,
                indikator: &k.indikator,
                lokasi: &k.tercetak.lokasi,
                narasi: vec![nk.clone(), np.clone()],
            });
            for s in &k.sub_kegiatan {
                out.push(Node {
                    jenis: "sub kegiatan",
                    kode: &s.kode,
                    nama: &s.nama,
                    pagu: s.pagu,
                    persen: s.persen,
                    indikator: &s.indikator,
                    lokasi: &s.tercetak.lokasi,
                    narasi: vec![format!("sub-{}", s.kode), nk.clone(), np.clone()],
                });
            }
        }
    }
    out
}

/// A sub kegiatan under the absorption threshold and an indicator under
/// target need a narrative explanation (PermenPAN-RB 53/2014: the report
/// analyses the causes of failure). Explained means: the node has its own
/// narrative file, or some narrative names it (code, name or indicator).
pub fn explanations(m: &ReportModel, rules: &Rules, f: &mut Findings) {
    // an analysis slot counts by what the officer wrote in it
    let own = |stem: &str| {
        m.narasi
            .get(stem)
            .is_some_and(|t| !crate::narrative::slot::filled(t).trim().is_empty())
    };
    // the headings that say why, still empty in a node's own slot file
    let empty_why = |stem: &str| -> Vec<&'static str> {
        m.narasi.get(stem).map_or_else(Vec::new, |t| {
            crate::narrative::slot::empty(t)
                .into_iter()
                .filter(|l| crate::narrative::slot::WHY.contains(l))
                .collect()
        })
    };
    let all = fold(&m.narasi.values().cloned().collect::<Vec<_>>().join("\n"));
    let mentioned = |s: &str| {
        let s = fold(s);
        !s.is_empty() && all.contains(&s)
    };
    let di_bawah = &rules.predikat.di_bawah;
    for n in nodes(m) {
        let low = n.persen.map(round2).is_some_and(|x| x < rules.ambang_serapan);
        // a program's or kegiatan's analysis slot where its figures call
        // for one: under target, or under the absorption threshold
        let under = n
            .indikator
            .iter()
            .any(|i| i.predikat.as_deref() == Some(di_bawah.as_str()));
        if n.jenis != "sub kegiatan" && (under || (low && n.pagu > Decimal::ZERO)) {
            let stem = &n.narasi[0];
            let missing = empty_why(stem);
            // a slot left wholly empty under target is capaian-unexplained,
            // which names the empty headings
            if !missing.is_empty() && (own(stem) || !under) {
                let why = if under {
                    "indikatornya di bawah target"
                } else {
                    "serapan anggarannya di bawah ambang"
                };
                f.warning(
                    "analysis-empty",
                    Location::file(format!("narasi/{stem}.md")),
                    format!(
                        "analisis {} {} \"{}\" ({why}) belum lengkap: {} masih kosong",
                        n.jenis,
                        n.kode,
                        crate::tampil::short(n.nama),
                        missing.join(", ")
                    ),
                )
                .kunci
                .push(Kunci::Kode(n.kode.to_string()));
            }
        }
        if n.jenis == "sub kegiatan" && n.pagu > Decimal::ZERO && low {
            let stem = &n.narasi[0];
            if !own(stem) && !mentioned(n.kode.as_str()) && !mentioned(n.nama) {
                f.warning(
                    "serapan-unexplained",
                    n.lokasi.clone(),
                    format!(
                        "realisasi anggaran sub kegiatan {} \"{}\" {} % (di bawah {} %) belum dijelaskan di narasi; tulis penyebabnya di narasi/{stem}.md",
                        n.kode,
                        n.nama,
                        pct(n.persen),
                        rules.ambang_serapan.normalize()
                    ),
                );
            }
        }
        for ind in n.indikator {
            if ind.predikat.as_deref() != Some(di_bawah.as_str()) {
                continue;
            }
            if n.narasi.iter().any(|s| own(s)) || mentioned(&ind.uraian) {
                continue;
            }
            let slot = empty_why(&n.narasi[0]);
            f.warning(
                "capaian-unexplained",
                ind.lokasi.clone(),
                format!(
                    "indikator \"{}\" ({} {}) capaian {} %, di bawah target, belum dijelaskan di narasi; tulis penyebabnya di narasi/{}.md{}",
                    ind.uraian,
                    n.jenis,
                    n.kode,
                    pct(ind.capaian),
                    n.narasi[0],
                    if slot.is_empty() {
                        String::new()
                    } else {
                        format!(" (bagian {} masih kosong)", slot.join(", "))
                    }
                ),
            );
        }
    }
    for pk in &m.perjanjian_kinerja {
        let ind = &pk.indikator;
        if ind.predikat.as_deref() != Some(di_bawah.as_str()) {
            continue;
        }
        let nomor: String = pk.kode.chars().filter(char::is_ascii_digit).collect();
        let stem = format!("sasaran-{nomor}");
        if mentioned(&ind.uraian) {
            continue;
        }
        f.warning(
            "capaian-unexplained",
            ind.lokasi.clone(),
            format!(
                "indikator kinerja utama {} \"{}\" capaian {} %, di bawah target, belum dijelaskan di narasi; tulis penyebabnya di narasi/{stem}.md",
                pk.kode,
                ind.uraian,
                pct(ind.capaian)
            ),
        );
    }
}

/// Keys of the report's rows, shared by the tables of the PDF (`kunci`) and
/// the findings: a budget node's code (`1.06.01.2.02.0001`), `ind:` + code
/// for its indicators, `pk:T1` for an IKU, `spm:N` (`spm`: the index), `total` for the OPD
/// totals, `lalu:` + key for the previous year, `narasi:` + file stem.
pub struct Subjects {
    by_row: HashMap<(String, String, u32), Vec<String>>,
}

/// The row number of a cell reference (`A8`) or a row (`baris 38`).
fn row_of(cell: &str) -> Option<u32> {
    let digits: String = cell.chars().skip_while(|c| !c.is_ascii_digit()).collect();
    digits.parse().ok()
}

impl Subjects {
    pub fn new(m: &ReportModel) -> Subjects {
        let mut by_row: HashMap<(String, String, u32), Vec<String>> = HashMap::new();
        let mut add = |loc: &Location, key: Kunci| {
            if let Some(r) = loc.cell.as_deref().and_then(row_of) {
                by_row
                    .entry((loc.file.clone(), loc.sheet.clone().unwrap_or_default(), r))
                    .or_default()
                    .push(key.to_string());
            }
        };
        for n in nodes(m) {
            add(n.lokasi, Kunci::Kode(n.kode.to_string()));
            for i in n.indikator {
                add(&i.lokasi, Kunci::Indikator(n.kode.to_string()));
            }
        }
        for r in &m.renja {
            add(&r.lokasi, Kunci::Kode(r.kode.to_string()));
        }
        for pk in &m.perjanjian_kinerja {
            add(&pk.indikator.lokasi, Kunci::Pk(pk.kode.clone()));
        }
        if let Some(spm) = &m.spm {
            for j in &spm.jenis_layanan {
                add(&j.lokasi, Kunci::Spm(j.no.clone()));
            }
            if let Some(l) = &spm.lokasi_indeks {
                add(l, Kunci::SpmIndeks);
            }
        }
        Subjects { by_row }
    }

    /// The keys a finding concerns: those it carries (the stage that found
    /// it knew the row), else the narrative section or the row its location
    /// points at; empty when it concerns no row of the report (a file that
    /// could not be read, a setting).
    pub fn of(&self, f: &Finding) -> Vec<String> {
        if !f.kunci.is_empty() {
            let mut keys: Vec<String> = f.kunci.iter().map(Kunci::to_string).collect();
            keys.dedup();
            return keys;
        }
        let loc = &f.location;
        if let Some(stem) = loc
            .file
            .trim_start_matches("(bawaan) ")
            .strip_prefix("narasi/")
            .and_then(|s| s.strip_suffix(".md"))
        {
            return vec![Kunci::Narasi(stem.to_string()).to_string()];
        }
        let Some(keys) = loc.cell.as_deref().and_then(row_of).and_then(|r| {
            self.by_row
                .get(&(loc.file.clone(), loc.sheet.clone().unwrap_or_default(), r))
        }) else {
            return Vec::new();
        };
        let mut keys = keys.clone();
        keys.dedup();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use std::path::Path;

    fn finding(file: &str, sheet: Option<&str>, cell: Option<&str>, message: &str) -> Finding {
        Finding::new(
            Severity::Warning,
            "test",
            Location {
                file: file.into(),
                sheet: sheet.map(str::to_string),
                cell: cell.map(str::to_string),
            },
            message,
        )
    }

    /// The keys `Subjects` gives the first finding of `code` whose message
    /// contains `text`.
    fn keys_of(dir: &str, code: &str, text: &str) -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let loaded = crate::load::load(&dir);
        let m = loaded.model.expect("a model");
        let f = m
            .temuan
            .iter()
            .find(|f| f.code == code && f.message.contains(text))
            .unwrap_or_else(|| panic!("no {code} finding with {text:?}"));
        Subjects::new(&m).of(f)
    }

    #[test]
    fn findings_point_at_the_rows_they_concern() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/dspppa-belitung-2024");
        let m = crate::load::load(&dir).model.unwrap();
        let s = Subjects::new(&m);
        let real = "data/realisasi.xlsx";
        let sheet = Some("Realisasi Desember 2024");
        // row 59 of the realization report is Penjangkauan Anak-Anak Terlantar
        assert_eq!(s.of(&finding(real, sheet, Some("H59"), "x")), ["1.06.05.2.01.0001"]);
        // Pengukuran row 2 holds IKU T1
        assert_eq!(
            s.of(&finding("data/kinerja.xlsx", Some("Pengukuran"), Some("baris 2"), "x")),
            ["pk:T1"]
        );
        // no row is guessed from the words of a message: a row of last
        // year's report is last year's only when the finding says so
        assert!(
            s.of(&finding(
                "data/realisasi-lalu.xlsx",
                sheet,
                Some("A58"),
                "realisasi program 2.08.07 tercetak"
            ))
            .is_empty()
        );
        let mut lalu = finding("data/realisasi-lalu.xlsx", sheet, Some("A58"), "x");
        lalu.concerns(Kunci::Kode("2.08.07".into()).last_year());
        assert_eq!(s.of(&lalu), ["lalu:2.08.07"]);
        assert_eq!(
            s.of(&finding(
                "(bawaan) narasi/kata-pengantar.md",
                None,
                Some("baris 3"),
                "x"
            )),
            ["narasi:kata-pengantar"]
        );
        assert!(s.of(&finding("lkjip.toml", None, None, "x")).is_empty());
    }

    /// The stages that find a mismatch say which row it concerns.
    #[test]
    fn compute_and_ingest_findings_carry_their_rows() {
        // last year's printed percentage of program 2.08.02 (realisasi-lalu A61)
        assert_eq!(
            keys_of("examples/dspppa-belitung-2024", "percent-mismatch", "program 2.08.02"),
            ["lalu:2.08.02"]
        );
        assert_eq!(
            keys_of("examples/dspppa-belitung-2024", "percent-mismatch", "persentase Total"),
            ["lalu:total"]
        );
        // CATATAN 1 of the reference: the printed Total realisasi
        assert_eq!(
            keys_of(
                "tests/fixtures/bad-kontradiksi-referensi",
                "total-mismatch",
                "Total realisasi"
            ),
            ["total"]
        );
        assert_eq!(
            keys_of(
                "tests/fixtures/bad-kontradiksi-referensi",
                "over-budget",
                "0.00.01.2.02.0001"
            ),
            ["0.00.01.2.02.0001"]
        );
        assert_eq!(
            keys_of("tests/fixtures/bad-kode-ganda", "code-duplicate", "1.06.02.2.03.0002"),
            ["1.06.02.2.03.0002"]
        );
    }

    #[test]
    fn row_numbers_are_read_from_cells_and_rows() {
        assert_eq!(row_of("A8"), Some(8));
        assert_eq!(row_of("AB120"), Some(120));
        assert_eq!(row_of("baris 38"), Some(38));
        assert_eq!(row_of("header"), None);
    }
}
