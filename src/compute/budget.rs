//! Budget figures: printed totals against rollups, serapan per node,
//! efektivitas and efisiensi of the OPD, komposisi belanja.

use super::Rules;
use crate::angka::{mean, persen, round2};
use crate::finding::{Findings, Kunci, Location, Severity};
use crate::ingest::cell::closest_percent;
use crate::ingest::realisasi::{Realisasi, RealisasiRow};
use crate::ingest::renja::Renja;
use crate::model::{Anggaran, Dinilai, KomposisiBelanja, RataRataKegiatan, ReportModel, RujukanAnggaran};
use crate::model::{Kode, Level};
use crate::tampil::{fmt_persen, fmt_rupiah};
use rust_decimal::Decimal;
use std::collections::HashMap;

fn tahun_label(lalu: bool) -> &'static str {
    if lalu { " (laporan tahun sebelumnya)" } else { "" }
}

/// Does a printed percentage differ from the recomputed one by more than
/// the tolerance (both as displayed)?
pub(super) fn differs(printed: Decimal, computed: Decimal, rules: &Rules) -> bool {
    let p = round2(closest_percent(printed, computed));
    (p - round2(computed)).abs() > rules.toleransi
}

/// Half a sen: amounts that a float artefact of the workbook moved by less
/// (`1702000.0000000002`) are the same amount.
const HALF_SEN: Decimal = Decimal::from_parts(5, 0, 0, false, 3);

fn same_amount(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < HALF_SEN
}

/// Printed program/kegiatan totals and the `Total` row against the sums of
/// their rows; printed percentages and sisa against recomputed ones;
/// realisasi above pagu. Mismatches in the previous year's report are
/// warnings: last year's books are closed and only quoted.
pub fn check_realisasi(r: &Realisasi, rules: &Rules, lalu: bool, f: &mut Findings) {
    let severity = if lalu { Severity::Warning } else { Severity::Error };
    let yr = tahun_label(lalu);
    // the row of the report a finding concerns: this year's or last year's
    let row_key = |kode: &Kode| {
        let k = Kunci::Kode(kode.to_string());
        if lalu { k.last_year() } else { k }
    };
    let total_key = if lalu { Kunci::Total.last_year() } else { Kunci::Total };
    let mut children: HashMap<Kode, (Decimal, Decimal, usize)> = HashMap::new();
    for row in &r.baris {
        if let Some(p) = row.kode.parent() {
            let e = children.entry(p).or_default();
            e.0 += row.pagu;
            e.1 += row.realisasi;
            e.2 += 1;
        }
    }
    for row in &r.baris {
        if matches!(row.kode.level(), Level::Program | Level::Kegiatan)
            && let Some((pagu, real, n)) = children.get(&row.kode)
        {
            let below = if row.kode.level() == Level::Program {
                "kegiatan"
            } else {
                "sub kegiatan"
            };
            for (what, printed, sum) in [("pagu", row.pagu, *pagu), ("realisasi", row.realisasi, *real)] {
                if !same_amount(printed, sum) {
                    f.add(
                        severity,
                        "total-mismatch",
                        row.lokasi.clone(),
                        format!(
                            "{what} {} {} tercetak Rp {}, tetapi jumlah {n} {below}nya Rp {} (selisih Rp {}){yr}",
                            row.kode.level().name(),
                            row.kode,
                            fmt_rupiah(printed),
                            fmt_rupiah(sum),
                            fmt_rupiah(printed - sum)
                        ),
                    )
                    .concerns(row_key(&row.kode));
                }
            }
        }
        let from = f.len();
        check_row(row, rules, severity, yr, f);
        for found in f.since_mut(from) {
            found.concerns(row_key(&row.kode));
        }
    }
    if let Some(t) = &r.total {
        let subs: Vec<&RealisasiRow> = r.baris.iter().filter(|x| x.kode.level() == Level::Program).collect();
        let pagu: Decimal = subs.iter().map(|x| x.pagu).sum();
        let real: Decimal = subs.iter().map(|x| x.realisasi).sum();
        for (what, printed, sum) in [("pagu", t.pagu, pagu), ("realisasi", t.realisasi, real)] {
            if let Some(p) = printed
                && !same_amount(p, sum)
            {
                f.add(
                    severity,
                    "total-mismatch",
                    t.lokasi.clone(),
                    format!(
                        "Total {what} tercetak Rp {}, tetapi jumlah {} program Rp {} (selisih Rp {}){yr}",
                        fmt_rupiah(p),
                        subs.len(),
                        fmt_rupiah(sum),
                        fmt_rupiah(p - sum)
                    ),
                )
                .concerns(total_key.clone());
            }
        }
        if let (Some(p), Some(c)) = (t.persen, persen(real, pagu))
            && differs(p, c, rules)
        {
            f.warning(
                "percent-mismatch",
                t.lokasi.clone(),
                format!(
                    "persentase Total tercetak {} %, hasil hitung {} %{yr}",
                    fmt_persen(closest_percent(p, c)),
                    fmt_persen(c)
                ),
            )
            .concerns(total_key);
        }
    }
}

fn check_row(row: &RealisasiRow, rules: &Rules, severity: Severity, yr: &str, f: &mut Findings) {
    let name = row.kode.level().name();
    if row.realisasi > row.pagu {
        f.add(
            severity,
            "over-budget",
            row.lokasi.clone(),
            format!(
                "realisasi {name} {} (Rp {}) melebihi pagu (Rp {}){yr}",
                row.kode,
                fmt_rupiah(row.realisasi),
                fmt_rupiah(row.pagu)
            ),
        );
    }
    if let (Some(p), Some(c)) = (row.persen_tercetak, persen(row.realisasi, row.pagu))
        && differs(p, c, rules)
    {
        f.warning(
            "percent-mismatch",
            row.lokasi.clone(),
            format!(
                "persentase realisasi {name} {} tercetak {} %, hasil hitung Rp {} / Rp {} = {} %{yr}",
                row.kode,
                fmt_persen(closest_percent(p, c)),
                fmt_rupiah(row.realisasi),
                fmt_rupiah(row.pagu),
                fmt_persen(c)
            ),
        );
    }
    if let Some(s) = row.sisa_tercetak {
        let sisa = row.pagu - row.realisasi;
        if s != sisa {
            f.warning(
                "remainder-mismatch",
                row.lokasi.clone(),
                format!(
                    "sisa pagu {name} {} tercetak Rp {}, seharusnya Rp {}{yr}",
                    row.kode,
                    fmt_rupiah(s),
                    fmt_rupiah(sisa)
                ),
            );
        }
    }
}

/// Renja kegiatan and program pagu (RKPD Perubahan) against their rows.
/// Warnings: the Renja is a plan; the realization report gives the pagu.
pub fn check_renja(r: &Renja, f: &mut Findings) {
    for e in &r.entri {
        if !matches!(e.level, Level::Program | Level::Kegiatan) {
            continue;
        }
        let Some(printed) = e.pagu_perubahan else { continue };
        let kids: Vec<_> = r
            .entri
            .iter()
            .filter(|c| c.kode.parent().as_ref() == Some(&e.kode))
            .collect();
        if kids.is_empty() || kids.iter().any(|k| k.pagu_perubahan.is_none()) {
            continue;
        }
        let sum: Decimal = kids.iter().filter_map(|k| k.pagu_perubahan).sum();
        if sum != printed {
            f.warning(
                "renja-total-mismatch",
                e.lokasi.clone(),
                format!(
                    "RKPD Perubahan {} {} di Renja Rp {}, tetapi jumlah {} baris di bawahnya Rp {} (selisih Rp {})",
                    e.level.name(),
                    e.kode,
                    fmt_rupiah(printed),
                    kids.len(),
                    fmt_rupiah(sum),
                    fmt_rupiah(printed - sum)
                ),
            );
        }
    }
    if let Some((printed, loc)) = &r.total_tercetak {
        let sum: Decimal = r
            .entri
            .iter()
            .filter(|e| e.level == Level::Program)
            .filter_map(|e| e.pagu_perubahan)
            .sum();
        if *printed != sum {
            f.warning(
                "renja-total-mismatch",
                loc.clone(),
                format!(
                    "jumlah RKPD Perubahan tercetak Rp {}, tetapi jumlah program Rp {}",
                    fmt_rupiah(*printed),
                    fmt_rupiah(sum)
                ),
            );
        }
    }
}

/// Serapan, capaian kinerja and efisiensi per node; OPD efektivitas and
/// efisiensi; komposisi belanja; sub kegiatan under the threshold; Renja
/// pagu against realization pagu.
pub fn derive(m: &mut ReportModel, rules: &Rules, f: &mut Findings) {
    let renja_pagu: HashMap<String, (Option<Decimal>, Location)> = m
        .renja
        .iter()
        .map(|e| (e.kode.match_key(), (e.pagu_perubahan, e.lokasi.clone())))
        .collect();
    let mut rendah = Vec::new();
    let mut btl = Anggaran::default();
    for p in &mut m.programs {
        for k in &mut p.kegiatan {
            for s in &mut k.sub_kegiatan {
                s.persen = persen(s.realisasi, s.pagu);
                s.capaian_kinerja = mean(&s.indikator.iter().filter_map(|i| i.capaian).collect::<Vec<_>>());
                s.efisien = s.capaian_kinerja.zip(s.persen).map(|(c, p)| round2(c) >= round2(p));
                if let Some(pc) = s.persen.filter(|pc| round2(*pc) < rules.ambang_serapan) {
                    rendah.push(RujukanAnggaran {
                        kode: s.kode.clone(),
                        nama: s.nama.clone(),
                        pagu: s.pagu,
                        realisasi: s.realisasi,
                        persen: pc,
                    });
                }
                if rules.belanja_tidak_langsung.contains(&s.kode.match_key()) {
                    btl.pagu += s.pagu;
                    btl.realisasi += s.realisasi;
                }
                if let Some((Some(rp), loc)) = renja_pagu.get(&s.kode.match_key())
                    && *rp != s.pagu
                {
                    f.warning(
                            "pagu-mismatch",
                            loc.clone(),
                            format!(
                                "RKPD Perubahan sub kegiatan {} di Renja Rp {}, pagu di laporan realisasi Rp {} (dipakai yang terakhir)",
                                s.kode,
                                fmt_rupiah(*rp),
                                fmt_rupiah(s.pagu)
                            ),
                        );
                }
            }
            k.persen = persen(k.realisasi, k.pagu);
            k.capaian_kinerja = mean(&k.indikator.iter().filter_map(|i| i.capaian).collect::<Vec<_>>());
            k.efisien = k.capaian_kinerja.zip(k.persen).map(|(c, p)| round2(c) >= round2(p));
        }
        p.persen = persen(p.realisasi, p.pagu);
        p.capaian_kinerja = mean(&p.indikator.iter().filter_map(|i| i.capaian).collect::<Vec<_>>());
        let sdm: Vec<Decimal> = p
            .kegiatan
            .iter()
            .flat_map(|k| &k.indikator)
            .filter_map(|i| i.sdm_persen())
            .collect();
        p.rata_rata_kegiatan = RataRataKegiatan {
            capaian: mean(&p.kegiatan.iter().filter_map(|k| k.capaian_kinerja).collect::<Vec<_>>()),
            serapan: mean(&p.kegiatan.iter().filter_map(|k| k.persen).collect::<Vec<_>>()),
            sdm: mean(&sdm),
        };
        p.efisien = p.capaian_kinerja.zip(p.persen).map(|(c, q)| round2(c) >= round2(q));
    }
    let pagu = m.ringkasan.pagu;
    let real = m.ringkasan.realisasi;
    m.hasil.persen_realisasi = persen(real, pagu);
    m.hasil.efektivitas = m.hasil.persen_realisasi.map(|p| Dinilai {
        persen: p,
        kategori: rules.efektivitas.label(round2(p)).to_string(),
    });
    btl.persen = persen(btl.realisasi, btl.pagu);
    let langsung = Anggaran::new(pagu - btl.pagu, real - btl.realisasi);
    m.hasil.efisiensi = persen(langsung.realisasi, real).map(|p| Dinilai {
        persen: p,
        kategori: rules.efisiensi.label(round2(p)).to_string(),
    });
    let mut komposisi = Vec::new();
    if let Some(lalu) = &m.realisasi_lalu {
        let subs = lalu.baris.iter().filter(|b| b.kode.level() == Level::SubKegiatan);
        let (mut total, mut tl) = (Anggaran::default(), Anggaran::default());
        for b in subs {
            total.pagu += b.pagu;
            total.realisasi += b.realisasi;
            if rules.belanja_tidak_langsung.contains(&b.kode.match_key()) {
                tl.pagu += b.pagu;
                tl.realisasi += b.realisasi;
            }
        }
        komposisi.push(KomposisiBelanja {
            tahun: lalu.tahun,
            tidak_langsung: Anggaran::new(tl.pagu, tl.realisasi),
            langsung: Anggaran::new(total.pagu - tl.pagu, total.realisasi - tl.realisasi),
            jumlah: Anggaran::new(total.pagu, total.realisasi),
        });
    }
    komposisi.push(KomposisiBelanja {
        tahun: m.identitas.tahun,
        tidak_langsung: btl,
        langsung,
        jumlah: Anggaran::new(pagu, real),
    });
    m.hasil.komposisi_belanja = komposisi;
    // the sumber dana of the whole budget, in the order they first appear
    let mut sumber: Vec<crate::model::SumberDana> = Vec::new();
    for s in m
        .programs
        .iter()
        .flat_map(|p| &p.kegiatan)
        .flat_map(|k| &k.sub_kegiatan)
    {
        for d in &s.sumber_dana {
            match sumber.iter_mut().find(|x| x.nama == d.nama) {
                Some(x) => x.pagu += d.pagu,
                None => sumber.push(d.clone()),
            }
        }
    }
    m.hasil.sumber_dana = sumber;
    m.hasil.sub_kegiatan_serapan_rendah = rendah;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_within_half_a_sen_are_the_same() {
        let d = |x: &str| x.parse::<Decimal>().unwrap();
        assert!(same_amount(d("1702000.0000000002"), d("1702000")));
        assert!(same_amount(d("1702000.004"), d("1702000")));
        assert!(!same_amount(d("1702000.005"), d("1702000")));
        assert!(!same_amount(d("1702001"), d("1702000")));
    }
}
