//! The quarters of every indicator: the year so far after each quarter (by
//! the indicator's `agregasi`), its capaian against the yearly target, and
//! the findings: a quarter left empty, a count that goes down, quarters that
//! do not make the year's realisasi of Pengukuran.

use super::Rules;
use super::capaian::capaian;
use crate::angka::round2;
use crate::finding::Findings;
use crate::model::{Agregasi, Indikator, ReportModel, Target};
use crate::tampil::{fmt_num, normalize, short};

pub fn derive(m: &mut ReportModel, rules: &Rules, f: &mut Findings) {
    let last = usize::from(m.identitas.triwulan.unwrap_or(4).clamp(1, 4));
    let mut all: Vec<(String, &mut Indikator)> = Vec::new();
    for pk in &mut m.perjanjian_kinerja {
        all.push((pk.kode.clone(), &mut pk.indikator));
    }
    for p in &mut m.programs {
        let kode = p.kode.to_string();
        all.extend(p.indikator.iter_mut().map(|i| (kode.clone(), i)));
        for k in &mut p.kegiatan {
            let kode = k.kode.to_string();
            all.extend(k.indikator.iter_mut().map(|i| (kode.clone(), i)));
            for s in &mut k.sub_kegiatan {
                let kode = s.kode.to_string();
                all.extend(s.indikator.iter_mut().map(|i| (kode.clone(), i)));
            }
        }
    }
    for (kode, i) in all {
        indicator(i, &kode, last, rules, f);
    }
}

fn indicator(i: &mut Indikator, kode: &str, last: usize, rules: &Rules, f: &mut Findings) {
    let Some(tw) = i.triwulan.as_mut() else {
        return;
    };
    let nilai = tw.nilai();
    let name = short(&i.uraian);
    // a quarter of the period left empty
    for ((t, sel), romawi) in tw
        .realisasi
        .iter()
        .zip(&tw.sel)
        .zip(crate::model::triwulan::ROMAWI)
        .take(last)
    {
        if t.is_empty() {
            f.warning(
                "quarter-missing",
                sel.clone(),
                format!("realisasi triwulan {romawi} indikator {kode} \"{name}\" belum diisi"),
            );
        }
    }
    // a count cannot go down
    if tw.agregasi == Agregasi::Kumulatif {
        for (q, (v, sel)) in nilai.iter().zip(&tw.sel).enumerate() {
            if let Some(v) = v.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                f.warning(
                    "quarter-decrease",
                    sel.clone(),
                    format!(
                        "realisasi triwulan {} indikator {kode} \"{name}\" negatif ({}): indikator kumulatif dijumlahkan per triwulan, angka kumulatifnya turun; isi realisasi dalam triwulan itu saja",
                        crate::model::triwulan::ROMAWI[q],
                        fmt_num(v)
                    ),
                );
            }
        }
    }
    tw.sampai = (0..4)
        .map(|q| {
            let filled = !tw.realisasi[q].is_empty();
            (filled && q < last)
                .then(|| tw.agregasi.combine(&nilai[..=q]))
                .flatten()
        })
        .collect();
    tw.capaian = (0..4)
        .map(|q| {
            if q >= last {
                return None;
            }
            let so_far = so_far(&tw.realisasi, &tw.sampai, q, tw.agregasi, &i.target)?;
            capaian(&i.target, &so_far, &i.arah, rules).ok()
        })
        .collect();
    // the four quarters against the year's realisasi of Pengukuran
    if last == 4 && !i.realisasi.is_empty() && !tw.realisasi[3].is_empty() {
        let year = so_far(&tw.realisasi, &tw.sampai, 3, tw.agregasi, &i.target);
        let same = match (year.as_ref().and_then(|t| t.nilai), i.realisasi.nilai) {
            (Some(a), Some(b)) => round2(a) == round2(b),
            _ => year
                .as_ref()
                .is_some_and(|t| normalize(&t.teks) == normalize(&i.realisasi.teks)),
        };
        if !same {
            let rule = match tw.agregasi {
                Agregasi::Kumulatif => "jumlah TW I–IV",
                Agregasi::Akhir => "angka TW IV",
                Agregasi::RataRata => "rata-rata TW I–IV",
                Agregasi::Tertinggi => "angka tertinggi TW I–IV",
            };
            f.warning(
                "quarter-year-mismatch",
                tw.sel[3].clone(),
                format!(
                    "triwulan indikator {kode} \"{name}\" menghasilkan {} ({rule}, agregasi {}{}), sedangkan realisasi tahunannya di lembar Pengukuran {}",
                    year.map(|t| t.teks).unwrap_or_default(),
                    tw.agregasi.nama(),
                    if tw.agregasi_bawaan { " menurut satuannya" } else { "" },
                    i.realisasi.teks
                ),
            )
            .kunci
            .push(crate::finding::Kunci::Kode(kode.to_string()));
        }
    }
}

/// The year so far after quarter `q` as a realisasi the capaian rules take:
/// the quarter itself for a state (it keeps a level such as `Madya`), the
/// aggregated figure with the target's unit otherwise.
fn so_far(
    realisasi: &[Target],
    sampai: &[Option<rust_decimal::Decimal>],
    q: usize,
    agregasi: Agregasi,
    target: &Target,
) -> Option<Target> {
    if realisasi[q].is_empty() {
        return None;
    }
    if agregasi == Agregasi::Akhir || realisasi[q].nilai.is_none() {
        return sampai[q].map(|_| realisasi[q].clone()).or_else(|| {
            // a level has no figure but is the state all the same
            realisasi[q].tingkat.as_ref().map(|_| realisasi[q].clone())
        });
    }
    let v = sampai[q]?;
    let satuan = target.satuan.clone();
    Some(Target {
        teks: match &satuan {
            Some(s) if s == "%" => format!("{} %", fmt_num(v)),
            Some(s) => format!("{} {s}", fmt_num(v)),
            None => fmt_num(v),
        },
        nilai: Some(v),
        satuan,
        tingkat: None,
    })
}
