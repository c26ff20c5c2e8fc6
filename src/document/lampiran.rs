//! Lampiran I–XII (and XIII, the Evaluasi Renja of quarter IV, where the
//! year has quarters): the appendices of the LKjIP, printed in landscape.

use super::item::{PernyataanPk, Pihak};
use super::table::{Tabel, c, n, t};
use super::{Bab, Content, Item};
use crate::model::Indikator;
use crate::model::Kunci;
use crate::model::Level;
use crate::tampil::{
    dash, fmt_num, fmt_persen, join_dan, opt_tampil, pasangan, pct, rp, title_case, title_case_program,
};
use rust_decimal::Decimal;

impl Content<'_> {
    pub(super) fn lampiran(&self) -> Vec<Bab> {
        let tahun = self.tahun();
        let opd = self.opd().to_uppercase();
        let mut out = Vec::new();
        let mut add = |judul: String, isi: Vec<Item>| out.push(Bab { judul, isi });

        // I: pengukuran program/kegiatan with budget
        let mut tb = Tabel::new(
            format!("Pengukuran Kinerja Sasaran Program dan Kegiatan Tahun {tahun}"),
            &[0.5, 2.8, 2.8, 1.0, 1.0, 0.9, 1.5, 1.5, 0.8, 0.8, 0.8, 0.8],
        )
        // the PermenPAN-RB form: kinerja, anggaran and SDM, each with its %
        .head(vec![
            t("No").rows(2),
            t("Program / Kegiatan").rows(2),
            t("Indikator Kinerja").rows(2),
            t("Kinerja").span(3),
            t("Anggaran").span(3),
            t("SDM").span(3),
        ])
        .labels(&[
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Pagu (Rp)",
            "Realisasi (Rp)",
            "%",
            "Target",
            "Realisasi",
            "%",
        ])
        .small();
        for (i, pr) in self.m.programs.iter().enumerate() {
            let budget = (pr.pagu, pr.realisasi, pr.persen);
            node_rows(
                &mut tb,
                format!("{}", i + 1),
                pr.kode.as_str(),
                &pr.nama,
                &pr.indikator,
                budget,
                true,
            );
            for (j, k) in pr.kegiatan.iter().enumerate() {
                node_rows(
                    &mut tb,
                    format!("{}.{}", i + 1, j + 1),
                    k.kode.as_str(),
                    &k.nama,
                    &k.indikator,
                    (k.pagu, k.realisasi, k.persen),
                    false,
                );
            }
            // the form's mean over the program's kegiatan
            let rr = &pr.rata_rata_kegiatan;
            if !pr.kegiatan.is_empty() {
                tb.row(vec![
                    c(""),
                    t("Rata-rata Capaian Kegiatan").span(4),
                    c(pct(rr.capaian)),
                    c(""),
                    c(""),
                    c(pct(rr.serapan)),
                    c(""),
                    c(""),
                    c(pct(rr.sdm)),
                ]);
            }
        }
        // the total of the programs (the reference's TOTAL row)
        let r = &self.m.ringkasan;
        tb.row(vec![
            t("TOTAL").bold().span(6),
            n(rp(r.pagu)).bold(),
            n(rp(r.realisasi)).bold(),
            c(pct(crate::angka::persen(r.realisasi, r.pagu))).bold(),
            c(""),
            c(""),
            c(""),
        ]);
        add(
            format!("LAMPIRAN I\nPENGUKURAN KINERJA SASARAN PROGRAM DAN KEGIATAN TAHUN {tahun}\n{opd}"),
            vec![tb.item()],
        );

        // II: comparison with the previous year
        let mut tb = Tabel::new(
            format!("Perbandingan Capaian Kinerja Program Tahun {} dan {tahun}", tahun - 1),
            &[0.5, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        )
        .labels(&[
            "No",
            "Program",
            "Indikator Kinerja",
            &format!("Capaian {} (%)", tahun - 1),
            &format!("Capaian {tahun} (%)"),
            "Naik/(Turun)",
            &format!("Pagu {} (Rp)", tahun - 1),
            &format!("Pagu {tahun} (Rp)"),
        ])
        .small();
        for (i, pr) in self.m.programs.iter().enumerate() {
            for (j, ind) in pr.indikator.iter().enumerate() {
                let prev = ind
                    .riwayat
                    .iter()
                    .find(|r| r.tahun == tahun - 1)
                    .and_then(|r| r.capaian);
                // a fall in parentheses, as the PermenPAN-RB form writes it
                let diff = prev
                    .zip(ind.capaian)
                    .map(|(a, b)| {
                        let d = b - a;
                        if d.is_sign_negative() && !d.is_zero() {
                            format!("({})", fmt_persen(-d))
                        } else {
                            fmt_persen(d)
                        }
                    })
                    .unwrap_or("-".into());
                tb.keyed(
                    &[Kunci::Indikator(pr.kode.to_string())],
                    vec![
                        c(if j == 0 { (i + 1).to_string() } else { String::new() }),
                        t(if j == 0 { pr.nama.clone() } else { String::new() }),
                        t(&ind.uraian),
                        c(pct(prev)),
                        c(pct(ind.capaian)),
                        c(diff),
                        // the program's pagu once, on its first indicator's
                        // row: a reader adding the column counts it once
                        n(if j > 0 {
                            String::new()
                        } else {
                            pr.lalu.as_ref().map(|a| rp(a.pagu)).unwrap_or("-".into())
                        }),
                        n(if j > 0 { String::new() } else { rp(pr.pagu) }),
                    ],
                );
            }
        }
        add(
            format!("LAMPIRAN II\nPERBANDINGAN CAPAIAN KINERJA DENGAN TAHUN SEBELUMNYA\n{opd}"),
            vec![tb.item()],
        );

        // III: efisiensi per program/kegiatan
        let mut tb = Tabel::new(
            format!("Efisiensi Penggunaan Sumber Daya Tahun {tahun}"),
            &[0.5, 4.0, 1.2, 1.2, 1.2, 1.0],
        )
        .labels(&[
            "No",
            "Program / Kegiatan",
            "Capaian Kinerja (%)",
            "Serapan Anggaran (%)",
            "Selisih",
            "Keterangan",
        ])
        .small();
        for (i, pr) in self.m.programs.iter().enumerate() {
            eff_row(
                &mut tb,
                format!("{}", i + 1),
                &pr.nama,
                pr.capaian_kinerja,
                pr.persen,
                pr.efisien,
                true,
            );
            for (j, k) in pr.kegiatan.iter().enumerate() {
                eff_row(
                    &mut tb,
                    format!("{}.{}", i + 1, j + 1),
                    &k.nama,
                    k.capaian_kinerja,
                    k.persen,
                    k.efisien,
                    false,
                );
            }
        }
        add(
            format!("LAMPIRAN III\nINDIKATOR KINERJA KEGIATAN DAN EFISIENSI PENGGUNAAN DANA\n{opd}"),
            vec![tb.item()],
        );

        // IV: outputs of sub kegiatan, two years of budget
        let mut tb = Tabel::new(
            format!("Perbandingan Keluaran Sub Kegiatan Tahun {} dan {tahun}", tahun - 1),
            &[0.6, 3.2, 3.0, 1.0, 1.0, 0.9, 1.4, 1.4],
        )
        .labels(&[
            "No",
            "Sub Kegiatan",
            "Indikator Keluaran",
            "Target",
            "Realisasi",
            "Capaian (%)",
            &format!("Realisasi {} (Rp)", tahun - 1),
            &format!("Realisasi {tahun} (Rp)"),
        ])
        .small();
        let mut no = 0;
        for pr in &self.m.programs {
            for k in &pr.kegiatan {
                for s in &k.sub_kegiatan {
                    no += 1;
                    let ind = s.indikator.first();
                    tb.keyed(
                        &[
                            Kunci::Kode(s.kode.to_string()),
                            Kunci::Indikator(s.kode.to_string()),
                            Kunci::Lalu(s.kode.to_string()),
                        ],
                        vec![
                            c(no.to_string()),
                            t(&s.nama),
                            t(ind.map(|i| i.uraian.clone()).unwrap_or("-".into())),
                            c(ind.map(|x| pasangan(&x.target, &x.realisasi).0).unwrap_or("-".into())),
                            c(ind.map(|x| pasangan(&x.target, &x.realisasi).1).unwrap_or("-".into())),
                            c(pct(ind.and_then(|i| i.capaian))),
                            n(s.lalu.as_ref().map(|a| rp(a.realisasi)).unwrap_or("-".into())),
                            n(rp(s.realisasi)),
                        ],
                    );
                }
            }
        }
        add(
            format!("LAMPIRAN IV\nPERBANDINGAN KELUARAN (OUTPUT) SUB KEGIATAN\n{opd}"),
            vec![tb.item()],
        );

        for (no, what, unit) in [
            ("V", "PROGRAM PRIORITAS", "Program Prioritas"),
            ("VI", "KEGIATAN PRIORITAS", "Kegiatan Prioritas"),
            ("VII", "PROYEK PRIORITAS STRATEGIS", "PPS"),
            ("VIII", "PROYEK STRATEGIS NASIONAL", "PSN"),
        ] {
            let mut tb = Tabel::new(
                format!("Jumlah {} yang Tercapai sesuai Target", title_case(what)),
                &[0.5, 3.0, 2.0, 2.0, 0.8],
            )
            .labels(&[
                "No.",
                "Unit Kerja",
                &format!("Target Jumlah {unit} yang mencapai Target"),
                &format!("Realisasi {unit} yang mencapai target"),
                "%",
            ]);
            tb.row(vec![c("-"), c("-"), c("-"), c("-"), c("-")]);
            tb.row(vec![t("JUMLAH").bold().span(2), c(""), c(""), c("")]);
            add(
                format!("LAMPIRAN {no}\nJUMLAH {what} YANG TERCAPAI SESUAI TARGET\n{opd}"),
                vec![tb.item()],
            );
        }

        // IX: Renja
        let mut tb = Tabel::new(
            format!("Rencana Kerja (Renja) Perubahan Tahun {tahun}"),
            &[1.6, 3.2, 3.0, 1.0, 1.5, 1.5, 1.5],
        )
        .labels(&[
            "Kode",
            "Urusan / Program / Kegiatan / Sub Kegiatan",
            "Indikator",
            "Target",
            &format!("RKPD {tahun} (Rp)"),
            &format!("APBD {tahun} (Rp)"),
            &format!("RKPD Perubahan {tahun} (Rp)"),
        ])
        .small();
        for e in &self.m.renja {
            let bold = matches!(e.level, Level::Urusan | Level::BidangUrusan | Level::Program);
            let ind = e
                .indikator
                .iter()
                .map(|i| i.uraian.clone())
                .collect::<Vec<_>>()
                .join("\n");
            let tgt = e
                .indikator
                .iter()
                .map(|i| opt_tampil(i.target.as_ref()))
                .collect::<Vec<_>>()
                .join("\n");
            let money = |d: Option<Decimal>| d.map(rp).unwrap_or_default();
            let mut row = vec![
                t(e.kode.to_string()),
                t(&e.nama),
                t(ind),
                c(tgt),
                n(money(e.pagu_rkpd)),
                n(money(e.pagu_apbd)),
                n(money(e.pagu_perubahan)),
            ];
            if bold {
                row = row.into_iter().map(|s| s.bold()).collect();
            }
            tb.keyed(&[Kunci::Kode(e.kode.to_string())], row);
        }
        add(
            format!("LAMPIRAN IX\nRENCANA KERJA (RENJA) PERUBAHAN TAHUN {tahun}\n{opd}"),
            vec![tb.item()],
        );

        // X: Perjanjian Kinerja — the statement page, then the targets
        let pk = if self.m.identitas.perjanjian_kinerja_perubahan {
            "Perubahan Perjanjian Kinerja"
        } else {
            "Perjanjian Kinerja"
        };
        let mut isi = vec![
            Item::PernyataanPk(self.pernyataan_pk()),
            self.tabel_pk(format!("{pk} Tahun {tahun}")),
        ];
        let mut tb = Tabel::new("Program dan Anggaran Perjanjian Kinerja", &[0.5, 5.0, 2.0, 2.2]).labels(&[
            "No",
            "Program",
            "Anggaran (Rp)",
            "Keterangan",
        ]);
        for (i, pr) in self.m.programs.iter().enumerate() {
            tb.keyed(
                &[Kunci::Kode(pr.kode.to_string())],
                vec![
                    c(format!("{}.", i + 1)),
                    t(title_case_program(&pr.nama)),
                    n(rp(pr.pagu)),
                    t(dash(&join_dan(&self.sumber_dana(pr)))),
                ],
            );
        }
        tb.keyed(
            &[Kunci::Total],
            vec![t("JUMLAH").bold().span(2), n(rp(self.m.ringkasan.pagu)).bold(), c("")],
        );
        isi.push(tb.item());
        isi.push(Item::TtdPk);
        add(format!("LAMPIRAN X\n{} TAHUN {tahun}\n{opd}", pk.to_uppercase()), isi);

        // XI: Form 2 Pengukuran Kinerja
        let mut tb = Tabel::new(
            format!("Pengukuran Kinerja sampai dengan Triwulan IV Tahun {tahun}"),
            &[1.3, 2.1, 2.1, 1.0, 0.9, 1.7, 1.3, 1.7, 0.9, 0.8, 1.0],
        )
        // the columns of the PermenPAN-RB form as the reference prints it
        .labels(&[
            "Kode",
            "Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan",
            "Indikator Kinerja",
            "Jenis Target",
            "Target",
            "Formulasi",
            "Data Kinerja",
            "Teknis Perhitungan",
            "Realisasi",
            "%",
            "Ket.",
        ])
        .small();
        let form_row = |tb: &mut Tabel, key: Kunci, kode: &str, uraian: &str, i: &Indikator, bold: bool| {
            let mut row = vec![
                t(kode),
                t(uraian),
                t(&i.uraian),
                c(dash(&i.jenis_target)),
                c(pasangan(&i.target, &i.realisasi).0),
                t(dash(&i.formulasi)),
                t(dash(&i.data_kinerja)),
                t(dash(&i.teknis_perhitungan)),
                c(pasangan(&i.target, &i.realisasi).1),
                c(pct(i.capaian)),
                t(dash(&i.keterangan)),
            ];
            if bold {
                row = row.into_iter().map(|s| s.bold()).collect();
            }
            tb.keyed(&[key], row);
        };
        // the tujuan and sasaran rows numbered as the form numbers them (1,
        // 2, …), not by lkjip's own codes (T1, S1), which a draft's margin
        // marks (T1 is its first finding) would be read against
        for (no, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            form_row(
                &mut tb,
                Kunci::Pk(pk.kode.clone()),
                &(no + 1).to_string(),
                &pk.uraian,
                &pk.indikator,
                true,
            );
        }
        for pr in &self.m.programs {
            for i in &pr.indikator {
                form_row(
                    &mut tb,
                    Kunci::Indikator(pr.kode.to_string()),
                    pr.kode.as_str(),
                    &pr.nama,
                    i,
                    true,
                );
            }
            for k in &pr.kegiatan {
                for i in &k.indikator {
                    form_row(
                        &mut tb,
                        Kunci::Indikator(k.kode.to_string()),
                        k.kode.as_str(),
                        &k.nama,
                        i,
                        false,
                    );
                }
                for s in &k.sub_kegiatan {
                    for i in &s.indikator {
                        form_row(
                            &mut tb,
                            Kunci::Indikator(s.kode.to_string()),
                            s.kode.as_str(),
                            &s.nama,
                            i,
                            false,
                        );
                    }
                }
            }
        }
        add(
            format!("LAMPIRAN XI\nFORM 2 PENGUKURAN KINERJA TAHUN {tahun}\n{opd}"),
            // signed by the head, as the reference signs its Form 2
            vec![tb.item(), Item::Ttd],
        );

        // XII: Laporan Realisasi Fisik dan Keuangan
        let mut tb = Tabel::new(
            format!("Laporan Realisasi Fisik dan Keuangan Bulan Desember Tahun {tahun}"),
            &[1.6, 4.2, 1.5, 1.5, 0.8, 0.8, 0.8, 1.4],
        )
        .head(vec![
            t("Kode").rows(2),
            t("Program / Kegiatan / Sub Kegiatan").rows(2),
            t("Anggaran (Rp)").rows(2),
            t("Realisasi").span(2),
            t("Realisasi Fisik").span(2),
            t("Sisa Pagu (Rp)").rows(2),
        ])
        .labels(&["Rp", "%", "Target (%)", "Realisasi (%)"])
        .small();
        let fisik = |d: Option<Decimal>| d.map(fmt_persen).unwrap_or("-".into());
        for pr in &self.m.programs {
            tb.keyed(
                &[Kunci::Kode(pr.kode.to_string())],
                vec![
                    t(pr.kode_realisasi.to_string()).bold(),
                    t(&pr.nama).bold(),
                    n(rp(pr.pagu)).bold(),
                    n(rp(pr.realisasi)).bold(),
                    c(pct(pr.persen)).bold(),
                    c(""),
                    c(""),
                    n(rp(pr.sisa)).bold(),
                ],
            );
            for k in &pr.kegiatan {
                tb.keyed(
                    &[Kunci::Kode(k.kode.to_string())],
                    vec![
                        t(k.kode_realisasi.to_string()),
                        t(&k.nama),
                        n(rp(k.pagu)),
                        n(rp(k.realisasi)),
                        c(pct(k.persen)),
                        c(""),
                        c(""),
                        n(rp(k.sisa)),
                    ],
                );
                for s in &k.sub_kegiatan {
                    tb.keyed(
                        &[Kunci::Kode(s.kode.to_string())],
                        vec![
                            t(s.kode_realisasi.to_string()),
                            t(&s.nama),
                            n(rp(s.pagu)),
                            n(rp(s.realisasi)),
                            c(pct(s.persen)),
                            c(fisik(s.fisik_target)),
                            c(fisik(s.fisik_realisasi)),
                            n(rp(s.sisa)),
                        ],
                    );
                }
            }
        }
        let r = &self.m.ringkasan;
        tb.keyed(
            &[Kunci::Total],
            vec![
                t("Total").bold().span(2),
                n(rp(r.pagu)).bold(),
                n(rp(r.realisasi)).bold(),
                c(pct(self.m.hasil.persen_realisasi)).bold(),
                c(""),
                c(""),
                n(rp(r.sisa)).bold(),
            ],
        );
        add(
            format!("LAMPIRAN XII\nLAPORAN REALISASI FISIK DAN KEUANGAN BULAN DESEMBER TAHUN {tahun}\n{opd}"),
            vec![tb.item(), Item::Ttd],
        );

        // XIII: the Evaluasi Renja of quarter IV, where the year has quarters
        if self.m.has_quarters() {
            add(
                format!(
                    "LAMPIRAN XIII\nEVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH TRIWULAN IV TAHUN {tahun}\n{opd}"
                ),
                vec![super::triwulan::evaluasi_renja(self.m), Item::Ttd],
            );
        }
        out
    }
}

impl Content<'_> {
    /// The sources that fund a program, as the PK's Keterangan names them:
    /// those of its rows in the Renja, else those of the Rekap APBD.
    fn sumber_dana(&self, pr: &crate::model::Program) -> Vec<String> {
        let key = pr.kode.match_key();
        let under = |k: &crate::model::Kode| {
            let k = k.match_key();
            k == key || k.starts_with(&format!("{key}."))
        };
        let mut cells: Vec<&str> = self
            .m
            .renja
            .iter()
            .filter(|e| under(&e.kode))
            .map(|e| e.sumber_dana.as_str())
            .collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            cells = pr
                .kegiatan
                .iter()
                .flat_map(|k| &k.sub_kegiatan)
                .flat_map(|s| &s.sumber_dana)
                .map(|s| s.nama.as_str())
                .collect();
        }
        let mut out: Vec<String> = Vec::new();
        for short in cells.iter().flat_map(|c| crate::model::renja::sumber_dana_pendek(c)) {
            if !out.contains(&short) {
                out.push(short);
            }
        }
        out
    }

    /// The statement of the Perjanjian Kinerja, in the words of the form
    /// of PermenPAN-RB 53/2014 (a legal form: its wording is the
    /// regulation's). A superior not named in `lkjip.toml` is left as
    /// dots to be filled in by hand.
    fn pernyataan_pk(&self) -> PernyataanPk {
        let id = &self.m.identitas;
        let kosong = || ".".repeat(40);
        let atasan = id.atasan.as_ref();
        PernyataanPk {
            pembuka: "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:".to_string(),
            pihak: vec![
                Pihak {
                    nama: id.kepala.nama.clone(),
                    jabatan: id.kepala.jabatan.clone(),
                    sebutan: "Selanjutnya disebut Pihak Kesatu.".to_string(),
                },
                Pihak {
                    nama: atasan.map_or_else(kosong, |a| a.nama.clone()),
                    jabatan: atasan.map_or_else(kosong, |a| a.jabatan.clone()),
                    sebutan: "Selaku atasan Pihak Kesatu, selanjutnya disebut Pihak Kedua.".to_string(),
                },
            ],
            isi: vec![
                "Pihak Kesatu berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.".to_string(),
                "Pihak Kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.".to_string(),
            ],
        }
    }
}

fn node_rows(
    tb: &mut Tabel,
    no: String,
    kode: &str,
    nama: &str,
    inds: &[Indikator],
    (pagu, real, persen): (Decimal, Decimal, Option<Decimal>),
    bold: bool,
) {
    let k = inds.len().max(1);
    for i in 0..k {
        let ind = inds.get(i);
        let first = i == 0;
        let mut row = vec![
            c(if first { no.clone() } else { String::new() }),
            t(if first { nama.to_string() } else { String::new() }),
            t(ind.map(|x| x.uraian.clone()).unwrap_or("-".into())),
            c(ind.map(|x| pasangan(&x.target, &x.realisasi).0).unwrap_or("-".into())),
            c(ind.map(|x| pasangan(&x.target, &x.realisasi).1).unwrap_or("-".into())),
            c(pct(ind.and_then(|x| x.capaian))),
            n(if first { rp(pagu) } else { String::new() }),
            n(if first { rp(real) } else { String::new() }),
            c(if first { pct(persen) } else { String::new() }),
            // SDM as the lampiran workbook gives it (kinerja.xlsx: SDM
            // target and realisasi per indicator)
            c(ind.and_then(|x| x.sdm_target).map(fmt_num).unwrap_or("-".into())),
            c(ind.and_then(|x| x.sdm_realisasi).map(fmt_num).unwrap_or("-".into())),
            c(pct(ind.and_then(|x| x.sdm_persen()))),
        ];
        if bold {
            row = row.into_iter().map(|s| s.bold()).collect();
        }
        tb.keyed(
            &if first {
                vec![Kunci::Kode(kode.to_string()), Kunci::Indikator(kode.to_string())]
            } else {
                vec![Kunci::Indikator(kode.to_string())]
            },
            row,
        );
    }
}

fn eff_row(
    tb: &mut Tabel,
    no: String,
    nama: &str,
    cap: Option<Decimal>,
    ser: Option<Decimal>,
    ef: Option<bool>,
    bold: bool,
) {
    let diff = cap.zip(ser).map(|(a, b)| fmt_persen(a - b)).unwrap_or("-".into());
    let ket = match ef {
        Some(true) => "Efisien",
        Some(false) => "Kurang efisien",
        None => "-",
    };
    let mut row = vec![c(no), t(nama), c(pct(cap)), c(pct(ser)), c(diff), c(ket)];
    if bold {
        row = row.into_iter().map(|s| s.bold()).collect();
    }
    tb.row(row);
}
