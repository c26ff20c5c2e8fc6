//! The Daftar Periksa Reviu (PermenPAN-RB 53/2014): which items lkjip can
//! judge from the findings, with the numbers of the findings that make an
//! item fail, and which are left to the reviewer.

use crate::finding::{Finding, Severity};
use crate::folder::Folder;
use crate::model::ReportModel;

/// One item of the review checklist: `ya` (lkjip verified it), `tidak`
/// (lkjip found the findings named in `catatan`) or `pereviu` (left to
/// the reviewer).
pub struct Item {
    pub uraian: String,
    pub status: &'static str,
    pub catatan: String,
}

/// The reviu items of PermenPAN-RB 53/2014 that lkjip can judge from the
/// findings: `breaks` tells which findings make the item fail.
fn judged(uraian: impl Into<String>, numbered: &[(String, &Finding)], breaks: &dyn Fn(&Finding) -> bool) -> Item {
    let hits: Vec<&str> = numbered
        .iter()
        .filter(|(_, f)| breaks(f))
        .map(|(n, _)| n.as_str())
        .collect();
    Item {
        uraian: uraian.into(),
        status: if hits.is_empty() { "ya" } else { "tidak" },
        catatan: if hits.is_empty() {
            "diperiksa lkjip: sesuai".into()
        } else {
            format!("lihat temuan {}", hits.join(", "))
        },
    }
}

fn manual(uraian: &str, catatan: &str) -> Item {
    Item {
        uraian: uraian.into(),
        status: "pereviu",
        catatan: catatan.into(),
    }
}

/// The checklist of `m`, judged from its findings numbered as the Lembar
/// Reviu numbers them (`T1`, `T2`, …).
pub fn checklist(m: &ReportModel, numbered: &[(String, &Finding)], folder: &Folder) -> Vec<Item> {
    let lalu = m
        .sumber
        .iter()
        .find(|s| s.peran == crate::config::Peran::RealisasiLalu)
        .map(|s| s.berkas.clone());
    let this_year = move |f: &Finding| Some(&f.location.file) != lalu.as_ref();
    let code_in = |codes: &'static [&'static str]| move |f: &Finding| codes.contains(&f.code);
    let own_template = folder.templates().join("lkjip.typ").exists();
    let mut items = vec![
        if own_template {
            manual(
                "Sistematika Laporan Kinerja sesuai PermenPAN-RB 53/2014 (Pendahuluan, Perencanaan Kinerja, Akuntabilitas Kinerja, Penutup, Lampiran)",
                "templat sendiri di templates/: periksa susunannya",
            )
        } else {
            Item {
                uraian: "Sistematika Laporan Kinerja sesuai PermenPAN-RB 53/2014 (Pendahuluan, Perencanaan Kinerja, Akuntabilitas Kinerja, Penutup, Lampiran)".into(),
                status: "ya",
                catatan: "templat bawaan lkjip".into(),
            }
        },
        judged(
            "Data masukan lengkap dan dapat dibaca (tanpa kesalahan)",
            numbered,
            &|f| f.severity == Severity::Error,
        ),
        judged(
            "Indikator dan target Perjanjian Kinerja selaras dengan Renstra",
            numbered,
            &code_in(&["pk-not-in-renstra", "pk-renstra-mismatch"]),
        ),
        judged(
            "Capaian kinerja dihitung dengan rumus yang dinyatakan (capaian tercetak sama dengan hasil hitung)",
            numbered,
            &code_in(&["capaian-mismatch", "capaian-not-computed", "capaian-too-high"]),
        ),
        judged(
            "Pagu, realisasi, persentase dan sisa anggaran sama dengan Laporan Realisasi Fisik dan Keuangan",
            numbered,
            &|f| {
                this_year(f)
                    && [
                        "total-mismatch",
                        "percent-mismatch",
                        "remainder-mismatch",
                        "over-budget",
                        "realization-missing",
                    ]
                    .contains(&f.code)
            },
        ),
        judged(
            "Pagu Renja (RKPD Perubahan) sama dengan pagu Laporan Realisasi",
            numbered,
            &code_in(&["renja-total-mismatch", "pagu-mismatch"]),
        ),
        judged(
            "Setiap indikator di bawah target dijelaskan penyebabnya",
            numbered,
            &code_in(&["capaian-unexplained"]),
        ),
        judged(
            "Setiap sub kegiatan dengan realisasi anggaran di bawah ambang dijelaskan penyebabnya",
            numbered,
            &code_in(&["serapan-unexplained"]),
        ),
    ];
    if m.spm.is_some() {
        items.push(judged(
            "Capaian Standar Pelayanan Minimal sama dengan laporan e-SPM",
            numbered,
            &|f| f.code.starts_with("spm-"),
        ));
    }
    items.push(judged(
        "Laporan realisasi tahun sebelumnya konsisten (untuk perbandingan antar tahun)",
        numbered,
        &|f| !this_year(f),
    ));
    items.push(manual(
        "Realisasi kinerja didukung data dan bukti yang dapat diverifikasi",
        "diisi pereviu",
    ));
    items.push(manual(
        "Analisis penyebab keberhasilan/kegagalan dan langkah perbaikan memadai",
        "diisi pereviu",
    ));
    items.push(manual(
        "Laporan Kinerja ditandatangani dan disampaikan tepat waktu",
        "diisi pereviu",
    ));
    items
}
