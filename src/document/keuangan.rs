//! 3.3 Akuntabilitas Keuangan: Tabel 3.3 of the realization, efektivitas
//! and efisiensi, the two-year comparison, the ratio and scale tables.

use super::*;
use crate::model::Kunci;

impl<'a> Content<'a> {
    pub(super) fn keuangan(&mut self) -> Vec<Item> {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let h_ = &self.m.hasil;
        let mut v = self.narasi("3.3-akuntabilitas-keuangan");
        let r = &self.m.ringkasan;
        v.push(p(format!(
            "Selama tahun {tahun} pelaksanaan program, kegiatan dan sub kegiatan {} menggunakan pagu anggaran sebesar Rp. {},- dengan realisasi sebesar Rp. {},- atau dengan serapan dana mencapai {} %.",
            self.opd(),
            rp(r.pagu),
            rp(r.realisasi),
            pct(h_.persen_realisasi)
        )));
        let years: Vec<&crate::model::KomposisiBelanja> = h_.komposisi_belanja.iter().collect();
        let mut widths = vec![0.4, 2.5];
        let mut head1 = vec![t("No").rows(2), t("Uraian").rows(2)];
        let mut head2 = Vec::new();
        for k in &years {
            widths.extend([1.6, 1.6, 0.8]);
            head1.push(t(k.tahun.to_string()).span(3));
            head2.extend([t("Anggaran (Rp)"), t("Realisasi (Rp)"), t("%")]);
        }
        let mut tb = Tabel::new(
            format!(
                "Komposisi Belanja {} Tahun Anggaran {}",
                self.opd(),
                years
                    .iter()
                    .map(|k| k.tahun.to_string())
                    .collect::<Vec<_>>()
                    .join(" - ")
            ),
            &widths,
        )
        .head(head1)
        .head(head2);
        for (i, (label, pick)) in [("Belanja Tidak Langsung", 0), ("Belanja Langsung", 1), ("Jumlah", 2)]
            .iter()
            .enumerate()
        {
            let mut row = if *pick == 2 {
                vec![t(*label).bold().span(2)]
            } else {
                vec![c((i + 1).to_string()), t(*label)]
            };
            for k in &years {
                let a = match pick {
                    0 => &k.tidak_langsung,
                    1 => &k.langsung,
                    _ => &k.jumlah,
                };
                row.extend([n(rp(a.pagu)), n(rp(a.realisasi)), c(pct(a.persen))]);
            }
            tb.row(row);
        }
        v.push(tb.item());
        v.push(self.tabel_keuangan_dua_tahun());
        if !h_.sumber_dana.is_empty() {
            v.extend(self.tabel_sumber_dana());
        }
        let mut tb = Tabel::new(
            format!("Pagu dan Realisasi Anggaran terkait Pencapaian Target Sasaran Strategis Tahun {lalu} dan {tahun}"),
            &[0.4, 3.5, 0.8, 1.5, 1.5, 0.8, 1.5, 1.5, 0.8],
        )
        .head(vec![
            t("No").rows(2),
            t("Tujuan/Sasaran Strategis").rows(2),
            t("Jumlah Indikator").rows(2),
            t(lalu.to_string()).span(3),
            t(tahun.to_string()).span(3),
        ])
        .labels(&["Pagu (Rp)", "Realisasi (Rp)", "%", "Pagu (Rp)", "Realisasi (Rp)", "%"])
        .small();
        for (i, g) in h_.tujuan_sasaran.iter().enumerate() {
            let l = g.anggaran_lalu.as_ref();
            tb.row(vec![
                c((i + 1).to_string()),
                t(self.group_title(g)),
                c(g.jumlah_indikator.to_string()),
                n(l.map(|a| rp(a.pagu)).unwrap_or("-".into())),
                n(l.map(|a| rp(a.realisasi)).unwrap_or("-".into())),
                c(pct(l.and_then(|a| a.persen))),
                n(rp(g.anggaran.pagu)),
                n(rp(g.anggaran.realisasi)),
                c(pct(g.anggaran.persen)),
            ]);
        }
        v.push(tb.item());
        let mut tb = Tabel::new(
            format!("Efektivitas Anggaran terhadap Capaian Tujuan/Sasaran Tahun {tahun}"),
            &[0.4, 3.5, 0.8, 1.2, 1.6, 0.8],
        )
        .labels(&[
            "No",
            "Tujuan/Sasaran",
            "Jumlah Indikator",
            "% Capaian Kinerja",
            "Realisasi Anggaran (Rp)",
            "% Anggaran",
        ]);
        for (i, g) in h_.tujuan_sasaran.iter().enumerate() {
            tb.row(vec![
                c((i + 1).to_string()),
                t(self.group_title(g)),
                c(g.jumlah_indikator.to_string()),
                c(pct(g.rata_rata_capaian)),
                n(rp(g.anggaran.realisasi)),
                c(pct(g.anggaran.persen)),
            ]);
        }
        v.push(tb.item());
        v.push(h(3, "Efektivitas dan Efisiensi Anggaran"));
        v.push(p("Efektivitas anggaran diukur dengan membandingkan realisasi anggaran dengan target (pagu) anggaran, dengan tingkatan menurut Kepmendagri Nomor 690.900.327 Tahun 1996 sebagai berikut:"));
        v.push(scale_table(
            "Tingkatan Efektivitas Kinerja",
            "Kategori",
            &self.rules.efektivitas,
        ));
        if let Some(e) = &h_.efektivitas {
            let tb = ratio_table(
                format!("Efektivitas Pengelolaan Anggaran {}", self.opd()),
                [
                    "Target Anggaran (Rp)",
                    "Realisasi Anggaran (Rp)",
                    "Efektivitas = Realisasi / Target × 100 %",
                ],
                (r.pagu, r.realisasi),
                e,
            );
            v.push(tb);
            v.push(p(format!(
                "Dengan demikian efektivitas pengelolaan anggaran {} tahun {tahun} sebesar {} % termasuk kategori {}.",
                self.opd(),
                fmt_persen(e.persen),
                e.kategori
            )));
        }
        v.push(p("Efisiensi anggaran diukur dengan membandingkan realisasi belanja langsung dengan realisasi anggaran belanja, dengan tingkatan sebagai berikut:"));
        v.push(scale_table(
            "Tingkatan Efisiensi Anggaran",
            "Keterangan",
            &self.rules.efisiensi,
        ));
        if let (Some(e), Some(k)) = (&h_.efisiensi, years.last()) {
            v.push(ratio_table(
                format!("Efisiensi Penggunaan Anggaran {}", self.opd()),
                [
                    "Realisasi Belanja Langsung (Rp)",
                    "Realisasi Anggaran (Rp)",
                    "Efisiensi = Realisasi Belanja Langsung / Realisasi Anggaran × 100 %",
                ],
                (k.langsung.realisasi, k.jumlah.realisasi),
                e,
            ));
        }
        let low = &h_.sub_kegiatan_serapan_rendah;
        if !low.is_empty() {
            v.push(p(format!(
                "Terdapat {} ({}) sub kegiatan yang terealisasi kurang dari {} %, yaitu:",
                low.len(),
                terbilang(low.len()),
                fmt_num(self.rules.ambang_serapan)
            )));
            v.push(daftar(
                low.iter()
                    .map(|s| {
                        format!(
                            "Sub Kegiatan {} (Rp. {},- dari Rp. {},- atau {} %).",
                            s.nama,
                            rp(s.realisasi),
                            rp(s.pagu),
                            fmt_persen(s.persen)
                        )
                    })
                    .collect(),
                "1.",
            ));
        }
        v
    }

    pub(super) fn tabel_keuangan_dua_tahun(&self) -> Item {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let mut tb = Tabel::new(
            format!(
                "Capaian Kinerja Keuangan {} Tahun Anggaran {lalu} - {tahun}",
                self.opd()
            ),
            &[4.0, 1.6, 1.6, 0.8, 1.6, 1.6, 0.8],
        )
        .head(vec![
            t("Program, Kegiatan dan Sub Kegiatan").rows(2),
            t(format!("Tahun {lalu}")).span(3),
            t(format!("Tahun {tahun}")).span(3),
        ])
        .labels(&[
            "Anggaran (Rp)",
            "Realisasi (Rp)",
            "%",
            "Anggaran (Rp)",
            "Realisasi (Rp)",
            "%",
        ])
        .small();
        let lalu_cells = |a: &Option<crate::model::Anggaran>| -> Vec<Sel> {
            match a {
                Some(a) => vec![n(rp(a.pagu)), n(rp(a.realisasi)), c(pct(a.persen))],
                None => vec![c("-"), c("-"), c("-")],
            }
        };
        for pr in &self.m.programs {
            let mut row = vec![t(&pr.nama).bold()];
            row.extend(lalu_cells(&pr.lalu).into_iter().map(|s| s.bold()));
            row.extend([
                n(rp(pr.pagu)).bold(),
                n(rp(pr.realisasi)).bold(),
                c(pct(pr.persen)).bold(),
            ]);
            tb.keyed(
                &[Kunci::Kode(pr.kode.to_string()), Kunci::Lalu(pr.kode.to_string())],
                row,
            );
            for k in &pr.kegiatan {
                let mut row = vec![t(format!("Kegiatan {}", k.nama))];
                row.extend(lalu_cells(&k.lalu));
                row.extend([n(rp(k.pagu)), n(rp(k.realisasi)), c(pct(k.persen))]);
                tb.keyed(&[Kunci::Kode(k.kode.to_string()), Kunci::Lalu(k.kode.to_string())], row);
                for s in &k.sub_kegiatan {
                    let mut row = vec![t(&s.nama).indent(1)];
                    row.extend(lalu_cells(&s.lalu));
                    row.extend([n(rp(s.pagu)), n(rp(s.realisasi)), c(pct(s.persen))]);
                    tb.keyed(&[Kunci::Kode(s.kode.to_string()), Kunci::Lalu(s.kode.to_string())], row);
                }
            }
        }
        let k = self.m.hasil.komposisi_belanja.first().filter(|k| k.tahun == lalu);
        let mut row = vec![t("TOTAL").bold()];
        row.extend(match k {
            Some(k) => vec![
                n(rp(k.jumlah.pagu)).bold(),
                n(rp(k.jumlah.realisasi)).bold(),
                c(pct(k.jumlah.persen)).bold(),
            ],
            None => vec![c("-"), c("-"), c("-")],
        });
        row.extend([
            n(rp(self.m.ringkasan.pagu)).bold(),
            n(rp(self.m.ringkasan.realisasi)).bold(),
            c(pct(self.m.hasil.persen_realisasi)).bold(),
        ]);
        tb.keyed(&[Kunci::Total, Kunci::Lalu("total".into())], row);
        tb.item()
    }

    // ------------------------------------------------------------------
    // BAB IV
    // ------------------------------------------------------------------
}

impl Content<'_> {
    /// The pagu by sumber dana (the SIPD-RI Rekap, `data/apbd.xlsx`), with
    /// its lead-in.
    fn tabel_sumber_dana(&self) -> Vec<Item> {
        let h_ = &self.m.hasil;
        let total: Decimal = h_.sumber_dana.iter().map(|d| d.pagu).sum();
        let mut tb = Tabel::new(
            format!("Pagu Anggaran menurut Sumber Dana Tahun {}", self.tahun()),
            &[0.4, 4.0, 2.0, 1.0],
        )
        .labels(&["No", "Sumber Dana", "Pagu (Rp)", "%"]);
        for (i, d) in h_.sumber_dana.iter().enumerate() {
            tb.row(vec![
                c((i + 1).to_string()),
                t(&d.nama),
                n(rp(d.pagu)),
                c(pct(crate::angka::persen(d.pagu, total).map(round2))),
            ]);
        }
        tb.row(vec![
            t("JUMLAH").bold().span(2),
            n(rp(total)).bold(),
            c(pct(crate::angka::persen(total, total).map(round2))).bold(),
        ]);
        vec![
            p(format!(
                "Menurut Rekap APBD dari SIPD-RI, pagu sub kegiatan sebesar Rp. {},- bersumber dari {} sumber dana sebagaimana tabel berikut.",
                rp(total),
                h_.sumber_dana.len()
            )),
            tb.item(),
        ]
    }
}
