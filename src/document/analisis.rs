//! The analysis per tujuan/sasaran and per supporting program (BAB III):
//! the tables of the year and the previous one, the charts, the narrative,
//! the budget sentences.

use super::*;
use crate::model::Kunci;

impl<'a> Content<'a> {
    /// The analysis of one tujuan/sasaran group: tables of the year and the
    /// previous one, against the Renstra end target, charts, the narrative,
    /// and each supporting program with its budget sentences.
    pub(super) fn analisis_kelompok(&mut self, g: &KelompokSasaran) -> Vec<Item> {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let pks = self.pk_of(g);
        let mut v = vec![h(4, format!("Tujuan/Sasaran Strategis {}", g.nomor))];
        for pk in &pks {
            v.push(p(format!(
                "{} {} diukur dengan indikator {}; target tahun {tahun} adalah {}.",
                pk.tingkat.nama(),
                crate::tampil::awal_kecil(&pk.uraian),
                crate::tampil::awal_kecil(&pk.indikator.uraian),
                tampil(&pk.indikator.target)
            )));
        }
        v.push(p(format!(
            "Hasil evaluasi capaian tujuan/sasaran {} tahun {tahun} dengan {} ({}) indikator kinerja diperoleh rata-rata nilai capaian {} % dan termasuk kategori {}.",
            g.nomor,
            g.jumlah_indikator,
            terbilang(g.jumlah_indikator),
            pct(g.rata_rata_capaian),
            g.kategori.clone().unwrap_or("-".into()).to_lowercase()
        )));
        let mut tb = Tabel::new(
            format!("Capaian Kinerja Tujuan/Sasaran {} Tahun {lalu} dan {tahun}", g.nomor),
            &[0.5, 3.5, 1.0, 1.0, 1.0, 1.0, 1.2, 1.2],
        )
        .head(vec![
            t("No").rows(2),
            t("Indikator Kinerja").rows(2),
            t(format!("Tahun {lalu}")).span(2),
            t(format!("Tahun {tahun}")).span(2),
            t(format!("Capaian {lalu}")).rows(2),
            t(format!("Capaian {tahun}")).rows(2),
        ])
        .labels(&["Target", "Realisasi", "Target", "Realisasi"]);
        for (i, pk) in pks.iter().enumerate() {
            let ind = &pk.indikator;
            let prev = ind.riwayat.iter().find(|r| r.tahun == lalu);
            let [target_lalu, realisasi_lalu, target, realisasi] = row_figures(prev, ind);
            tb.row(vec![
                c((i + 1).to_string()),
                t(format!("{}: {}", pk.tingkat.nama(), ind.uraian)),
                c(target_lalu),
                c(realisasi_lalu),
                c(target),
                c(realisasi),
                c(pct(pk.capaian_lalu)),
                c(pct(ind.capaian)),
            ]);
        }
        tb.row(vec![
            t("Rata-rata capaian kinerja tujuan/sasaran").bold().span(6),
            c(pct(g.rata_rata_capaian_lalu)).bold(),
            c(pct(g.rata_rata_capaian)).bold(),
        ]);
        v.push(tb.item());
        let mut tb = Tabel::new(
            format!(
                "Perbandingan Realisasi Kinerja Tujuan/Sasaran {} Tahun {lalu} dan {tahun}",
                g.nomor
            ),
            &[0.5, 3.5, 1.2, 1.2, 1.2],
        )
        .labels(&[
            "No",
            "Indikator Kinerja",
            &format!("Realisasi {lalu}"),
            &format!("Realisasi {tahun}"),
            "Selisih",
        ]);
        for (i, pk) in pks.iter().enumerate() {
            tb.row(vec![
                c((i + 1).to_string()),
                t(&pk.indikator.uraian),
                c(opt_tampil(pk.realisasi_lalu.as_ref())),
                c(tampil(&pk.indikator.realisasi)),
                c(pk.selisih_realisasi
                    .map(|d| d.normalize().to_string().replace('.', ","))
                    .unwrap_or("-".into())),
            ]);
        }
        v.push(tb.item());
        let mut tb = Tabel::new(
            format!(
                "Capaian Tujuan/Sasaran {} Tahun {tahun} terhadap Target Akhir Renstra",
                g.nomor
            ),
            &[0.5, 3.0, 1.0, 1.0, 1.0, 1.2, 1.2, 1.4],
        )
        .labels(&[
            "No",
            "Indikator Kinerja",
            &format!("Realisasi {lalu}"),
            &format!("Target {tahun}"),
            &format!("Realisasi {tahun}"),
            "Capaian (%)",
            "Target Akhir Renstra",
            "Capaian terhadap Target Akhir (%)",
        ]);
        for (i, pk) in pks.iter().enumerate() {
            let ind = &pk.indikator;
            tb.row(vec![
                c((i + 1).to_string()),
                t(&ind.uraian),
                c(opt_tampil(pk.realisasi_lalu.as_ref())),
                c(pasangan(&ind.target, &ind.realisasi).0),
                c(pasangan(&ind.target, &ind.realisasi).1),
                c(pct(ind.capaian)),
                c(opt_tampil(pk.target_akhir_renstra.as_ref())),
                c(pct(pk.capaian_target_akhir)),
            ]);
        }
        v.push(tb.item());
        for pk in &pks {
            if let Some(gr) = grafik(pk, tahun) {
                v.push(gr);
            }
        }
        // the year by quarter, where the Triwulan sheet has it
        // (a tujuan and its sasaran measured by the same indicator: one chart)
        let mut names: Vec<String> = Vec::new();
        let mut quarterly: Vec<Item> = Vec::new();
        for pk in &pks {
            let name = crate::tampil::awal_kecil(&pk.indikator.uraian);
            if names.contains(&name) {
                continue;
            }
            if let Some(gr) = grafik_triwulan(pk, tahun) {
                names.push(name);
                quarterly.push(gr);
            }
        }
        if !quarterly.is_empty() {
            v.push(p(format!(
                "Perkembangan realisasi {} dari triwulan ke triwulan tahun {tahun}, terhadap target tahunannya, tersaji pada grafik berikut.",
                crate::tampil::join_dan(&names)
            )));
            v.extend(quarterly);
        }
        v.extend(self.narasi(&format!("sasaran-{}", g.nomor)));
        let programs: Vec<&'a Program> = {
            let m: &'a ReportModel = self.m;
            m.programs
                .iter()
                .filter(|p| {
                    p.sasaran
                        .as_deref()
                        .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>())
                        == Some(g.nomor.clone())
                })
                .collect()
        };
        for (i, pr) in programs.iter().enumerate() {
            v.extend(self.analisis_program(i + 1, pr));
        }
        v
    }

    pub(super) fn analisis_program(&mut self, no: usize, pr: &Program) -> Vec<Item> {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let nama = title_case_program(&pr.nama);
        let mut v = vec![h(5, format!("{no}. {nama}"))];
        let inds: Vec<String> = pr.indikator.iter().map(|i| i.uraian.clone()).collect();
        if !inds.is_empty() {
            v.push(p(format!(
                "{} {nama} adalah {}.",
                if inds.len() > 1 {
                    "Indikator-indikator"
                } else {
                    "Indikator"
                },
                crate::tampil::join_dan(&inds)
            )));
        }
        let mut tb = Tabel::new(
            format!("Pencapaian Indikator {nama} Tahun {tahun}"),
            &[2.0, 3.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
        )
        .head(vec![
            t("Program").rows(2),
            t("Indikator Kinerja").rows(2),
            t(format!("Tahun {lalu}")).span(3),
            t(format!("Tahun {tahun}")).span(3),
        ])
        .labels(&["Target", "Realisasi", "% Capaian", "Target", "Realisasi", "% Capaian"])
        .small();
        for (i, ind) in pr.indikator.iter().enumerate() {
            let prev = ind.riwayat.iter().find(|r| r.tahun == lalu);
            let [target_lalu, realisasi_lalu, target, realisasi] = row_figures(prev, ind);
            tb.keyed(
                &[Kunci::Indikator(pr.kode.to_string())],
                vec![
                    t(if i == 0 { nama.clone() } else { String::new() }),
                    t(&ind.uraian),
                    c(target_lalu),
                    c(realisasi_lalu),
                    c(pct(prev.and_then(|r| r.capaian))),
                    c(target),
                    c(realisasi),
                    c(pct(ind.capaian)),
                ],
            );
        }
        if !tb.is_empty() {
            v.push(tb.item());
        }
        for (i, ind) in pr.indikator.iter().enumerate() {
            if let (Some(cp), Some(pd)) = (ind.capaian, &ind.predikat) {
                v.push(p(capaian_sentence(i, &ind.uraian, tahun, ind, cp, pd)));
            }
        }
        v.push(p(format!(
            "Alokasi anggaran {nama} sebesar Rp. {},- dengan realisasi sebesar Rp. {},- setara dengan {} % dan dilaksanakan melalui kegiatan sebagai berikut:",
            rp(pr.pagu),
            rp(pr.realisasi),
            pct(pr.persen)
        )));
        let mut items = Vec::new();
        for (ki, k) in pr.kegiatan.iter().enumerate() {
            let _ = ki;
            items.push(format!(
                "Kegiatan {} dengan alokasi anggaran sebesar Rp. {},- dan realisasi sebesar Rp. {},- atau {} %.",
                k.nama,
                rp(k.pagu),
                rp(k.realisasi),
                pct(k.persen)
            ));
        }
        v.push(daftar(items, "(1)"));
        v.extend(self.narasi(&format!("program-{}", pr.kode)));
        for k in &pr.kegiatan {
            v.extend(self.narasi(&format!("kegiatan-{}", k.kode)));
            let mut subs = Vec::new();
            for (si, s) in k.sub_kegiatan.iter().enumerate() {
                let low = s.persen.map(round2).is_some_and(|x| x < self.rules.ambang_serapan);
                let _ = si;
                subs.push(format!(
                    "Sub Kegiatan {} dengan alokasi anggaran sebesar Rp. {},- dan realisasi sebesar Rp. {},- atau {} %.{}",
                    s.nama,
                    rp(s.pagu),
                    rp(s.realisasi),
                    pct(s.persen),
                    if low {
                        format!(" Sub kegiatan ini terealisasi kurang dari {} %.", fmt_num(self.rules.ambang_serapan))
                    } else {
                        String::new()
                    }
                ));
            }
            v.push(p(format!(
                "Kegiatan {} dilaksanakan melalui sub kegiatan berikut:",
                k.nama
            )));
            v.push(daftar(subs, "a."));
            for s in &k.sub_kegiatan {
                let own = self.narasi(&format!("sub-{}", s.kode));
                if !own.is_empty() {
                    // name the sub kegiatan the explanation is about
                    v.push(Item::P {
                        teks: format!("Sub Kegiatan {}:", s.nama),
                        gaya: Some("em"),
                    });
                    v.extend(own);
                }
            }
        }
        v
    }
}

/// A chart of the year so far after each quarter against the yearly
/// target of an indicator (the `Triwulan` sheet), drawn natively.
fn grafik_triwulan(pk: &IndikatorKinerja, tahun: i32) -> Option<Item> {
    let ind = &pk.indikator;
    let (tw, target) = (ind.triwulan.as_ref()?, ind.target.nilai?);
    if tw.sampai.iter().all(Option::is_none) {
        return None;
    }
    let f = |d: Option<Decimal>| d.map(|x| x.normalize().to_string());
    Some(Item::Grafik(Grafik {
        // "… PMKS per tahun per Triwulan" would double the word
        judul: format!("Realisasi Triwulan I–IV Tahun {tahun}: {}", ind.uraian),
        label: crate::model::triwulan::ROMAWI
            .iter()
            .map(|r| format!("TW {r}"))
            .collect(),
        seri: vec![
            Seri {
                nama: format!("Target {tahun}"),
                nilai: (0..4).map(|_| f(Some(target))).collect(),
            },
            Seri {
                nama: "Realisasi s.d. triwulan".into(),
                nilai: (0..4).map(|q| f(tw.sampai.get(q).copied().flatten())).collect(),
            },
        ],
        nomor: None,
        satuan: ind.target.satuan.clone(),
    }))
}

/// A chart of target and realization over the years of an indicator's
/// history (Grafik 3.x), drawn natively by the template.
fn grafik(pk: &IndikatorKinerja, tahun: i32) -> Option<Item> {
    let ind = &pk.indikator;
    let mut points: Vec<(i32, Option<Decimal>, Option<Decimal>)> = ind
        .riwayat
        .iter()
        .filter(|r| r.tahun < tahun && r.target.as_ref().and_then(|t| t.nilai).is_some())
        .map(|r| {
            (
                r.tahun,
                r.target.as_ref().and_then(|t| t.nilai),
                r.realisasi.as_ref().and_then(|t| t.nilai),
            )
        })
        .collect();
    points.push((tahun, ind.target.nilai, ind.realisasi.nilai));
    if points.len() < 3 || points.iter().all(|p| p.2.is_none()) {
        return None;
    }
    let f = |d: Option<Decimal>| d.map(|x| x.normalize().to_string());
    Some(Item::Grafik(Grafik {
        // "… PMKS per tahun Tahun 2019" doubles the word
        judul: if ind.uraian.to_lowercase().ends_with(" tahun") {
            format!("Target dan Realisasi {}, {} - {}", ind.uraian, points[0].0, tahun)
        } else {
            format!("Target dan Realisasi {} Tahun {} - {}", ind.uraian, points[0].0, tahun)
        },
        label: points.iter().map(|p| p.0.to_string()).collect(),
        seri: vec![
            Seri {
                nama: "Target".into(),
                nilai: points.iter().map(|p| f(p.1)).collect(),
            },
            Seri {
                nama: "Realisasi".into(),
                nilai: points.iter().map(|p| f(p.2)).collect(),
            },
        ],
        nomor: None,
        satuan: ind.target.satuan.clone(),
    }))
}

/// The sentence on one indicator's capaian, worded by what the figure says
/// (above, at or below its target) and by its place among the program's
/// indicators, so that thirty of them do not read as one sentence copied.
fn capaian_sentence(i: usize, uraian: &str, tahun: i32, ind: &Indikator, cp: Decimal, predikat: &str) -> String {
    let (target, realisasi) = pasangan(&ind.target, &ind.realisasi);
    let cp_s = fmt_persen(cp);
    let pd = predikat.to_lowercase();
    let subject = if i == 0 {
        format!("Indikator {uraian} tahun {tahun}")
    } else {
        format!("Untuk indikator {uraian}, realisasi tahun {tahun}")
    };
    let hundred = Decimal::from(100);
    if cp > hundred {
        format!(
            "{subject} melampaui targetnya: dari target {target} terealisasi {realisasi}, atau capaian {cp_s} % ({pd})."
        )
    } else if cp == hundred {
        format!("{subject} tercapai sesuai target, yaitu {realisasi} (capaian {cp_s} %).")
    } else {
        format!("{subject} belum mencapai target {target}: terealisasi {realisasi}, atau capaian {cp_s} % ({pd}).")
    }
}
