//! Performance figures: capaian, predikat and kategori of every indicator,
//! the PK against the Renstra, the previous year, and the tujuan/sasaran
//! groups with their counts, averages and budgets.

use super::Rules;
use super::budget::differs;
use super::capaian::{TidakDihitung, capaian, kategori, predikat};
use crate::angka::{mean, round2};
use crate::finding::{Findings, Kunci, Location};
use crate::ingest::cell::closest_percent;
use crate::model::{Anggaran, Hitungan, Indikator, KelompokSasaran, ReportModel, RujukanIndikator};
use crate::tampil::fmt_persen;
use crate::tampil::normalize;

/// Capaian, predikat and kategori of one indicator and its history, with
/// the findings they call for. `riwayat` is the row of the report a
/// finding about the history concerns (the node's; none for the PK).
fn indicator(i: &mut Indikator, kode: &str, riwayat: Option<Kunci>, cx: &Ctx, f: &mut Findings) {
    let rules = cx.rules;
    match capaian(&i.target, &i.realisasi, &i.arah, rules) {
        Ok(c) => {
            i.capaian = Some(c);
            i.predikat = Some(predikat(c, rules).to_string());
            i.kategori = Some(kategori(c, rules).to_string());
            if round2(c) > rules.capaian_tinggi {
                f.warning(
                    "capaian-too-high",
                    i.lokasi.clone(),
                    format!(
                        "capaian indikator {kode} \"{}\" {} % (realisasi {} dari target {}): melebihi {} %, periksa apakah targetnya benar",
                        short(&i.uraian),
                        fmt_persen(c),
                        crate::tampil::tampil(&i.realisasi),
                        crate::tampil::tampil(&i.target),
                        fmt_persen(rules.capaian_tinggi)
                    ),
                );
            }
            if let Some(p) = i.capaian_tercetak
                && differs(p, c, rules)
            {
                f.warning(
                    "capaian-mismatch",
                    i.lokasi.clone(),
                    format!(
                        "capaian indikator {kode} tercetak {} %, hasil hitung {} % (realisasi {} dari target {})",
                        fmt_persen(closest_percent(p, c)),
                        fmt_persen(c),
                        i.realisasi.teks,
                        i.target.teks
                    ),
                );
            }
        }
        // before the year's end the year's realisasi is not there yet: the
        // quarterly report measures the quarters
        Err(TidakDihitung::RealisasiKosong) if cx.before_year_end => {}
        Err(TidakDihitung::RealisasiKosong) => {
            f.warning(
                "realization-missing",
                i.lokasi.clone(),
                format!("indikator {kode} \"{}\" belum memiliki realisasi", short(&i.uraian)),
            );
        }
        Err(e) => {
            f.warning(
                "capaian-not-computed",
                i.lokasi.clone(),
                format!("capaian indikator {kode} tidak dapat dihitung: {}", e.pesan()),
            );
        }
    }
    let loc = i.lokasi.clone();
    for r in &mut i.riwayat {
        let (Some(t), Some(re)) = (&r.target, &r.realisasi) else {
            continue;
        };
        if let Ok(c) = capaian(t, re, &i.arah, rules) {
            r.capaian = Some(c);
            if let Some(p) = r.capaian_tercetak
                && differs(p, c, rules)
            {
                f.warning(
                    "capaian-mismatch",
                    riwayat_loc(&loc),
                    format!(
                        "capaian {} indikator {kode} tercetak {} %, hasil hitung {} % (realisasi {} dari target {})",
                        r.tahun,
                        fmt_persen(closest_percent(p, c)),
                        fmt_persen(c),
                        re.teks,
                        t.teks
                    ),
                )
                .kunci
                .extend(riwayat.clone());
            }
        }
    }
}

/// History rows live on the Riwayat sheet of the same workbook.
fn riwayat_loc(indicator: &Location) -> Location {
    Location::sheet(&indicator.file, crate::ingest::kinerja::SHEET_RIWAYAT)
}

fn short(s: &str) -> String {
    crate::tampil::short(s)
}

/// What judging an indicator depends on besides the indicator.
struct Ctx<'a> {
    rules: &'a Rules,
    /// A quarterly build of quarter I–III.
    before_year_end: bool,
}

pub fn indicators(m: &mut ReportModel, rules: &Rules, f: &mut Findings) {
    let ctx = Ctx {
        rules,
        before_year_end: m.identitas.triwulan.is_some_and(|q| q < 4),
    };
    for p in &mut m.programs {
        let kode = p.kode.to_string();
        for i in &mut p.indikator {
            indicator(i, &kode, Some(Kunci::Kode(kode.clone())), &ctx, f);
        }
        for k in &mut p.kegiatan {
            let kode = k.kode.to_string();
            for i in &mut k.indikator {
                indicator(i, &kode, Some(Kunci::Kode(kode.clone())), &ctx, f);
            }
            for s in &mut k.sub_kegiatan {
                let kode = s.kode.to_string();
                for i in &mut s.indikator {
                    indicator(i, &kode, Some(Kunci::Kode(kode.clone())), &ctx, f);
                }
            }
        }
    }
    let tahun = m.identitas.tahun;
    let renstra_codes: Vec<String> = m.renstra.iter().map(|r| r.kode.clone()).collect();
    for pk in &mut m.perjanjian_kinerja {
        indicator(&mut pk.indikator, &pk.kode, None, &ctx, f);
        let i = &pk.indikator;
        if let Some(akhir) = &pk.target_akhir_renstra {
            pk.capaian_target_akhir = capaian(akhir, &i.realisasi, &i.arah, rules).ok();
        }
        if let Some(prev) = i.riwayat.iter().find(|r| r.tahun == tahun - 1) {
            pk.realisasi_lalu = prev.realisasi.clone();
            pk.capaian_lalu = prev.capaian;
            pk.selisih_realisasi = prev
                .realisasi
                .as_ref()
                .and_then(|r| r.nilai)
                .zip(i.realisasi.nilai)
                .map(|(a, b)| b - a);
        }
        // the PK target against the Renstra target of the same year
        if !renstra_codes.contains(&pk.kode) {
            if !renstra_codes.is_empty() {
                f.warning(
                    "pk-not-in-renstra",
                    i.lokasi.clone(),
                    format!(
                        "indikator PK {} \"{}\" tidak ada di lembar Renstra",
                        pk.kode,
                        short(&i.uraian)
                    ),
                );
            }
            continue;
        }
        match &pk.target_renstra {
            None => {
                f.warning(
                    "pk-not-in-renstra",
                    i.lokasi.clone(),
                    format!("lembar Renstra tidak memuat target {tahun} untuk indikator {}", pk.kode),
                );
            }
            Some(rt) => {
                let same = match (rt.nilai, i.target.nilai) {
                    (Some(a), Some(b)) => a == b,
                    _ => normalize(&rt.teks) == normalize(&i.target.teks),
                };
                if !same {
                    f.warning(
                        "pk-renstra-mismatch",
                        i.lokasi.clone(),
                        format!(
                            "target PK {} \"{}\" adalah {}, tetapi target Renstra tahun {tahun} adalah {}",
                            pk.kode,
                            short(&i.uraian),
                            i.target.teks,
                            rt.teks
                        ),
                    );
                }
            }
        }
    }
}

fn nomor(kode: &str) -> String {
    kode.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// Counts and lists over the distinct PK indicators; tujuan/sasaran groups
/// (T1 + S1 …) with their average capaian and the budget of the programs
/// that support them.
pub fn groups(m: &mut ReportModel, rules: &Rules) {
    // A tujuan and its sasaran may share one indicator (the reference's
    // tujuan 3 and sasaran 3): count it once.
    let key = |i: &Indikator| {
        (
            normalize(&i.uraian),
            normalize(&i.target.teks),
            normalize(&i.realisasi.teks),
        )
    };
    let mut seen = Vec::new();
    let mut distinct: Vec<(&str, &Indikator)> = Vec::new();
    for pk in &m.perjanjian_kinerja {
        let k = key(&pk.indikator);
        if !seen.contains(&k) {
            seen.push(k);
            distinct.push((&pk.kode, &pk.indikator));
        }
    }
    let count = |label: &str, pick: &dyn Fn(&Indikator) -> Option<&String>| Hitungan {
        label: label.to_string(),
        jumlah: distinct
            .iter()
            .filter(|(_, i)| pick(i).map(String::as_str) == Some(label))
            .count(),
    };
    let p = &rules.predikat;
    m.hasil.predikat = [&p.di_bawah, &p.sama, &p.di_atas]
        .iter()
        .map(|l| count(l, &|i| i.predikat.as_ref()))
        .collect();
    m.hasil.kategori = rules
        .kategori
        .labels()
        .map(|l| count(l, &|i| i.kategori.as_ref()))
        .collect();
    m.hasil.jumlah_indikator_kinerja = distinct.len();
    let list = |want: &str| -> Vec<RujukanIndikator> {
        distinct
            .iter()
            .filter(|(_, i)| i.predikat.as_deref() == Some(want))
            .filter_map(|(kode, i)| {
                i.capaian.map(|c| RujukanIndikator {
                    kode: kode.to_string(),
                    uraian: i.uraian.clone(),
                    capaian: c,
                })
            })
            .collect()
    };
    m.hasil.indikator_di_bawah_target = list(&p.di_bawah);
    m.hasil.indikator_sesuai_target = list(&p.sama);
    m.hasil.indikator_di_atas_target = list(&p.di_atas);

    let mut numbers: Vec<String> = Vec::new();
    for pk in &m.perjanjian_kinerja {
        let n = nomor(&pk.kode);
        if !numbers.contains(&n) {
            numbers.push(n);
        }
    }
    let mut groups = Vec::new();
    for n in numbers {
        let rows: Vec<_> = m.perjanjian_kinerja.iter().filter(|p| nomor(&p.kode) == n).collect();
        let mut keys = Vec::new();
        let mut cap = Vec::new();
        let mut cap_lalu = Vec::new();
        for r in &rows {
            let k = key(&r.indikator);
            if keys.contains(&k) {
                continue;
            }
            keys.push(k);
            cap.extend(r.indikator.capaian);
            cap_lalu.extend(r.capaian_lalu);
        }
        let programs: Vec<_> = m
            .programs
            .iter()
            .filter(|p| p.sasaran.as_deref().map(nomor).as_deref() == Some(n.as_str()))
            .collect();
        let anggaran = Anggaran::new(
            programs.iter().map(|p| p.pagu).sum(),
            programs.iter().map(|p| p.realisasi).sum(),
        );
        let lalu: Vec<&Anggaran> = programs.iter().filter_map(|p| p.lalu.as_ref()).collect();
        let anggaran_lalu = (!lalu.is_empty()).then(|| {
            Anggaran::new(
                lalu.iter().map(|a| a.pagu).sum(),
                lalu.iter().map(|a| a.realisasi).sum(),
            )
        });
        // the belanja tidak langsung of these programs, this year and last
        let btl: Vec<&crate::model::SubKegiatan> = programs
            .iter()
            .flat_map(|p| &p.kegiatan)
            .flat_map(|k| &k.sub_kegiatan)
            .filter(|s| rules.belanja_tidak_langsung.contains(&s.kode.match_key()))
            .collect();
        let belanja_langsung = Anggaran::new(
            anggaran.pagu - btl.iter().map(|s| s.pagu).sum::<rust_decimal::Decimal>(),
            anggaran.realisasi - btl.iter().map(|s| s.realisasi).sum::<rust_decimal::Decimal>(),
        );
        let belanja_langsung_lalu = anggaran_lalu.as_ref().map(|a| {
            let lalu: Vec<&Anggaran> = btl.iter().filter_map(|s| s.lalu.as_ref()).collect();
            Anggaran::new(
                a.pagu - lalu.iter().map(|x| x.pagu).sum::<rust_decimal::Decimal>(),
                a.realisasi - lalu.iter().map(|x| x.realisasi).sum::<rust_decimal::Decimal>(),
            )
        });
        let rata = mean(&cap);
        groups.push(KelompokSasaran {
            nomor: n,
            kode: rows.iter().map(|r| r.kode.clone()).collect(),
            jumlah_indikator: keys.len(),
            rata_rata_capaian: rata,
            rata_rata_capaian_lalu: mean(&cap_lalu),
            kategori: rata.map(|c| kategori(c, rules).to_string()),
            anggaran,
            anggaran_lalu,
            belanja_langsung,
            belanja_langsung_lalu,
        });
    }
    m.hasil.tujuan_sasaran = groups;
}
