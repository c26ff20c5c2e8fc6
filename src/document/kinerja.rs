//! BAB III, Akuntabilitas Kinerja: the measurement tables (predikat,
//! kategori, capaian of the IKU and their history), the classification of
//! the indicators, the per-program table and the SPM, in the sub-sections
//! of the reference: 3.1.1 the years, 3.1.2 the analysis per sasaran, 3.1.3
//! SPM and the standards of province and nation.

use super::*;
use crate::model::Kunci;

impl<'a> Content<'a> {
    pub(super) fn bab3(&mut self) -> Vec<Item> {
        let tahun = self.tahun();
        let mut v = self.narasi("3.0-akuntabilitas-kinerja");
        v.push(self.tabel_predikat());
        v.push(self.tabel_kategori());
        v.push(h(2, format!("Capaian Kinerja Tahun {tahun}")));
        v.extend(self.narasi("3.1-capaian-kinerja"));
        v.push(self.tabel_capaian_iku());
        // the sub-sections of the reference (PermenPAN-RB 53/2014's
        // order): 3.1.1 the years compared, 3.1.2 the analysis per sasaran,
        // 3.1.3 SPM and the standards of province and nation
        if let Some(tb) = self.tabel_riwayat_iku() {
            let first = self
                .m
                .perjanjian_kinerja
                .iter()
                .flat_map(|p| p.indikator.riwayat.iter().map(|r| r.tahun))
                .filter(|y| *y < tahun)
                .min()
                .unwrap_or(tahun - 1);
            v.push(h(
                3,
                format!(
                    "Realisasi dan Capaian Kinerja Tahun {first}–{} dan Tahun {tahun}",
                    tahun - 1
                ),
            ));
            v.push(tb);
        }
        v.extend(self.klasifikasi());
        v.push(h(3, "Pengukuran, Evaluasi, dan Analisis Kinerja Sasaran Strategis"));
        v.extend(self.narasi("3.1.2-analisis-sasaran"));
        v.push(self.tabel_pk(format!("Tujuan/Sasaran Strategis dan Indikator Kinerja {}", self.opd())));
        v.push(self.tabel_jumlah_indikator());
        v.push(self.tabel_capaian_kelompok());
        v.push(self.tabel_kategori_kelompok());
        v.push(self.tabel_analisis_program());
        let groups = self.m.hasil.tujuan_sasaran.clone();
        for g in &groups {
            v.extend(self.analisis_kelompok(g));
        }
        let spm_text = self.narasi("3.1.3-spm");
        let spm = self.tabel_spm();
        if spm.is_some() || !spm_text.is_empty() {
            v.push(h(
                3,
                "Realisasi Kinerja dengan Mengacu pada Standar Pelayanan Minimal (SPM), Standar Nasional dan Lainnya",
            ));
        }
        if let Some(spm) = spm {
            v.push(p(format!(
                "Indeks pencapaian Standar Pelayanan Minimal (SPM) tahun {tahun} adalah {} % yang dihitung dari {} jenis layanan, masing-masing 80 % dari persentase penerima layanan dasar dan 20 % dari persentase mutu layanan.",
                pct(self.m.hasil.indeks_spm),
                self.m.spm.as_ref().map(|s| s.jenis_layanan.len()).unwrap_or(0)
            )));
            v.push(spm);
        }
        v.extend(spm_text);
        v.push(h(2, format!("Kinerja Lainnya Tahun {tahun}")));
        v.extend(self.narasi("3.2-kinerja-lainnya"));
        let rest: Vec<TabelTambahan> = self
            .m
            .tabel_tambahan
            .iter()
            .filter(|x| !self.placed.contains(&x.nama))
            .cloned()
            .collect();
        for tb in &rest {
            v.push(agency(tb));
        }
        v.push(h(2, "Akuntabilitas Keuangan"));
        v.extend(self.keuangan());
        v
    }

    pub(super) fn tabel_predikat(&self) -> Item {
        let pr = &self.rules.predikat;
        let mut tb = Tabel::new("Predikat Capaian Kinerja", &[2.0, 3.0]).labels(&["Persentase", "Predikat"]);
        tb.row(vec![c("< 100"), t(&pr.di_bawah)]);
        tb.row(vec![c("= 100"), t(&pr.sama)]);
        tb.row(vec![c("> 100"), t(&pr.di_atas)]);
        tb.item()
    }

    pub(super) fn tabel_kategori(&self) -> Item {
        let mut tb = Tabel::new("Kategori Capaian Kinerja", &[0.5, 2.5, 2.0]).labels(&["No", "Kategori", "Capaian"]);
        let steps = self.rules.kategori.steps();
        for (i, (min, label)) in steps.iter().enumerate() {
            let range = match (min, i.checked_sub(1).and_then(|j| steps[j].0)) {
                (Some(lo), None) => format!("≥ {}", fmt_num(*lo)),
                (Some(lo), Some(hi)) => format!("{} – < {}", fmt_num(*lo), fmt_num(hi)),
                (None, Some(hi)) => format!("< {}", fmt_num(hi)),
                (None, None) => "semua".to_string(),
            };
            tb.row(vec![c(format!("{}", i + 1)), t(label), c(range)]);
        }
        tb.item()
    }

    pub(super) fn tabel_capaian_iku(&self) -> Item {
        let (tahun, lalu) = (self.tahun(), self.tahun() - 1);
        let mut tb = Tabel::new(
            format!("Capaian Indikator Kinerja {} Tahun {tahun}", self.opd()),
            &[0.5, 3.0, 3.0, 1.0, 1.0, 1.0, 1.2, 1.0, 1.0, 1.0, 1.2],
        )
        .head(vec![
            t("No").rows(2),
            t("Tujuan/Sasaran Strategis").rows(2),
            t("Indikator Kinerja").rows(2),
            t(lalu.to_string()).span(4),
            t(tahun.to_string()).span(4),
        ])
        .labels(&[
            "Target",
            "Realisasi",
            "% Capaian",
            "Kategori",
            "Target",
            "Realisasi",
            "% Capaian",
            "Kategori",
        ])
        .small();
        for (i, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            let ind = &pk.indikator;
            let prev = ind.riwayat.iter().find(|r| r.tahun == lalu);
            let negatif = if ind.arah == Arah::Turun {
                " (indikator negatif)"
            } else {
                ""
            };
            tb.keyed(
                &[Kunci::Pk(pk.kode.clone())],
                vec![
                    c(format!("{}.", i + 1)),
                    t(format!("{}: {}", pk.tingkat.nama(), pk.uraian)),
                    t(&ind.uraian),
                    c(row_figures(prev, ind)[0].clone()),
                    c(row_figures(prev, ind)[1].clone()),
                    c(pct(prev.and_then(|r| r.capaian))),
                    c(prev
                        .and_then(|r| r.capaian)
                        .map(|x| self.rules.kategori.label(round2(x)).to_string())
                        .unwrap_or("-".into())),
                    c(row_figures(prev, ind)[2].clone()),
                    c(row_figures(prev, ind)[3].clone()),
                    c(pct(ind.capaian)),
                    c(format!("{}{negatif}", ind.kategori.clone().unwrap_or("-".into()))),
                ],
            );
        }
        tb.item()
    }

    pub(super) fn tabel_riwayat_iku(&self) -> Option<Item> {
        let mut years: Vec<i32> = self
            .m
            .perjanjian_kinerja
            .iter()
            .flat_map(|p| p.indikator.riwayat.iter().map(|r| r.tahun))
            .filter(|y| *y < self.tahun())
            .collect();
        years.push(self.tahun());
        years.sort();
        years.dedup();
        if years.len() < 2 {
            return None;
        }
        let data_awal = years.first().copied().filter(|y| {
            self.m.perjanjian_kinerja.iter().all(|p| {
                p.indikator
                    .riwayat
                    .iter()
                    .filter(|r| r.tahun == *y)
                    .all(|r| r.target.is_none())
            })
        });
        let ys: Vec<i32> = years.iter().copied().filter(|y| Some(*y) != data_awal).collect();
        let k = ys.len() as u32;
        let mut widths = vec![2.5, 2.5];
        if data_awal.is_some() {
            widths.push(0.8);
        }
        widths.extend(std::iter::repeat_n(0.8, ys.len() * 3));
        let mut head1 = vec![t("Tujuan/Sasaran Strategis").rows(2), t("Indikator Kinerja").rows(2)];
        if data_awal.is_some() {
            head1.push(t("Data Awal").rows(1));
        }
        head1.extend([t("Target").span(k), t("Realisasi").span(k), t("% Capaian").span(k)]);
        let mut head2: Vec<_> = data_awal.map(|y| vec![t(y.to_string())]).unwrap_or_default();
        for _ in 0..3 {
            head2.extend(ys.iter().map(|y| t(y.to_string())));
        }
        let mut tb = Tabel::new(
            format!(
                "Realisasi dan Capaian Kinerja {} Tahun {}-{}",
                self.opd(),
                years[0],
                self.tahun()
            ),
            &widths,
        )
        .head(head1)
        .head(head2)
        .small();
        for pk in &self.m.perjanjian_kinerja {
            let ind = &pk.indikator;
            // every year of the row with one unit convention and one
            // number of decimals
            let mut all_years: Vec<i32> = ys.clone();
            all_years.extend(data_awal);
            let figures: Vec<Option<&crate::model::Target>> = all_years
                .iter()
                .flat_map(|y| {
                    if *y == self.tahun() {
                        [Some(&ind.target), Some(&ind.realisasi)]
                    } else {
                        let r = ind.riwayat.iter().find(|r| r.tahun == *y);
                        [r.and_then(|r| r.target.as_ref()), r.and_then(|r| r.realisasi.as_ref())]
                    }
                })
                .collect();
            let shown = crate::tampil::seragam(&figures);
            let at = |y: i32| -> (String, String, String) {
                let k = all_years.iter().position(|x| *x == y).unwrap_or(0) * 2;
                let capaian = if y == self.tahun() {
                    pct(ind.capaian)
                } else {
                    ind.riwayat
                        .iter()
                        .find(|r| r.tahun == y)
                        .map(|r| pct(r.capaian))
                        .unwrap_or("-".into())
                };
                (shown[k].clone(), shown[k + 1].clone(), capaian)
            };
            let mut row = vec![t(format!("{}: {}", pk.tingkat.nama(), pk.uraian)), t(&ind.uraian)];
            if let Some(y) = data_awal {
                row.push(c(at(y).1));
            }
            let cells: Vec<(String, String, String)> = ys.iter().map(|y| at(*y)).collect();
            row.extend(cells.iter().map(|x| c(x.0.clone())));
            row.extend(cells.iter().map(|x| c(x.1.clone())));
            row.extend(cells.iter().map(|x| c(x.2.clone())));
            tb.row(row);
        }
        Some(tb.item())
    }

    /// Tabel 3.5 and 3.6 with the generated lists around them.
    pub(super) fn klasifikasi(&self) -> Vec<Item> {
        let h_ = &self.m.hasil;
        let mut v = Vec::new();
        let mut tb = Tabel::new(
            format!(
                "Capaian Indikator Kinerja {} Tahun {} Berdasarkan Persentase",
                self.opd(),
                self.tahun()
            ),
            &[1.5, 3.0, 2.0],
        )
        .labels(&["Persentase", "Predikat", "Jumlah Indikator"]);
        for (sym, x) in ["< 100", "= 100", "> 100"].iter().zip(&h_.predikat) {
            tb.row(vec![c(*sym), t(&x.label), c(x.jumlah.to_string())]);
        }
        v.push(tb.item());
        let lists = [
            (&h_.indikator_di_bawah_target, "tidak/belum memenuhi target kinerja"),
            (&h_.indikator_sesuai_target, "tercapai/sesuai target"),
            (&h_.indikator_di_atas_target, "melebihi target"),
        ];
        for (list, what) in lists {
            if list.is_empty() {
                continue;
            }
            v.push(p(format!(
                "Terdapat {} ({}) indikator kinerja yang {what} yaitu:",
                list.len(),
                terbilang(list.len())
            )));
            let items = list
                .iter()
                .map(|r| {
                    let pk = self.m.perjanjian_kinerja.iter().find(|p| p.kode == r.kode);
                    let (tg, re) = pk
                        .map(|p| pasangan(&p.indikator.target, &p.indikator.realisasi))
                        .unwrap_or_default();
                    format!(
                        "Indikator {} dengan realisasi {re} dari target {tg} (capaian {} %).",
                        r.uraian,
                        fmt_persen(r.capaian)
                    )
                })
                .collect();
            v.push(daftar(items, "-"));
        }
        let mut tb = Tabel::new(
            format!(
                "Capaian Indikator Kinerja {} Tahun {} Berdasarkan Kategori",
                self.opd(),
                self.tahun()
            ),
            &[0.5, 2.5, 2.0, 2.0],
        )
        .labels(&["No", "Kategori", "Capaian", "Jumlah Indikator"]);
        let steps = self.rules.kategori.steps();
        for (i, x) in h_.kategori.iter().enumerate() {
            // the lowest category has no lower bound: below the one above it
            let range = match steps.get(i).and_then(|s| s.0) {
                Some(m) => format!("≥ {}", fmt_num(m)),
                None => match i.checked_sub(1).and_then(|j| steps.get(j)).and_then(|s| s.0) {
                    Some(above) => format!("< {}", fmt_num(above)),
                    None => "-".into(),
                },
            };
            tb.row(vec![
                c(format!("{}", i + 1)),
                t(&x.label),
                c(range),
                c(x.jumlah.to_string()),
            ]);
        }
        v.push(tb.item());
        let parts: Vec<String> = h_
            .kategori
            .iter()
            .filter(|x| x.jumlah > 0)
            .map(|x| {
                format!(
                    "{} ({}) indikator pada kategori “{}”",
                    x.jumlah,
                    terbilang(x.jumlah),
                    x.label
                )
            })
            .collect();
        if !parts.is_empty() {
            v.push(p(format!(
                "Dari {} indikator kinerja yang diukur, terdapat {}.",
                h_.jumlah_indikator_kinerja,
                crate::tampil::join_dan(&parts)
            )));
        }
        v
    }

    pub(super) fn tabel_jumlah_indikator(&self) -> Item {
        let mut tb = Tabel::new(
            format!("Tujuan/Sasaran Strategis dan Jumlah Indikator {}", self.opd()),
            &[1.0, 5.0, 1.5],
        )
        .labels(&["Tujuan/Sasaran", "Uraian", "Jumlah Indikator"]);
        for g in &self.m.hasil.tujuan_sasaran {
            tb.row(vec![
                c(g.nomor.to_string()),
                t(self.group_title(g)),
                c(format!("{} indikator", g.jumlah_indikator)),
            ]);
        }
        tb.item()
    }

    pub(super) fn tabel_capaian_kelompok(&self) -> Item {
        let mut tb = Tabel::new(
            format!("Capaian Kinerja Tujuan/Sasaran {} Tahun {}", self.opd(), self.tahun()),
            &[0.5, 2.5, 1.2, 1.5, 2.5],
        )
        .labels(&["No", "Tujuan/Sasaran", "Jumlah Indikator", "Capaian %", "Predikat"]);
        let mut i = 0;
        for pk in &self.m.perjanjian_kinerja {
            i += 1;
            let ind = &pk.indikator;
            tb.row(vec![
                c(i.to_string()),
                t(format!(
                    "{} {}",
                    if pk.tingkat == Tingkat::Tujuan {
                        "Tujuan Strategis"
                    } else {
                        "Sasaran Strategis"
                    },
                    pk.kode.chars().filter(char::is_ascii_digit).collect::<String>()
                )),
                c("1"),
                c(pct(ind.capaian)),
                t(ind.predikat.clone().unwrap_or("-".into())),
            ]);
        }
        tb.item()
    }

    pub(super) fn tabel_kategori_kelompok(&self) -> Item {
        let labels: Vec<String> = self.rules.kategori.labels().map(str::to_string).collect();
        let mut widths = vec![0.5, 2.5, 1.0, 1.2];
        widths.extend(labels.iter().map(|_| 1.0));
        let mut head = vec!["No", "Tujuan/Sasaran", "Jumlah Indikator", "Capaian"];
        head.extend(labels.iter().map(String::as_str));
        let mut tb = Tabel::new(
            format!(
                "Kategori Capaian Kinerja Tujuan/Sasaran {} Tahun {}",
                self.opd(),
                self.tahun()
            ),
            &widths,
        )
        .labels(&head);
        for (i, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            let ind = &pk.indikator;
            let mut row = vec![
                c((i + 1).to_string()),
                t(format!("{}: {}", pk.tingkat.nama(), pk.uraian)),
                c("1"),
                c(pct(ind.capaian)),
            ];
            row.extend(labels.iter().map(|l| {
                c(if ind.kategori.as_deref() == Some(l.as_str()) {
                    "√"
                } else {
                    ""
                })
            }));
            tb.row(row);
        }
        tb.item()
    }

    pub(super) fn tabel_analisis_program(&self) -> Item {
        let mut tb = Tabel::new(
            format!(
                "Analisis Program dalam Keberhasilan/Kegagalan Pencapaian Perjanjian Kinerja Tahun {}",
                self.tahun()
            ),
            &[0.4, 2.0, 2.2, 2.2, 0.9, 0.9, 0.9, 2.5, 1.6],
        )
        .labels(&[
            "No",
            "Sasaran Strategis",
            "Program",
            "Indikator Program",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Rencana Tindak Lanjut",
            "Penanggung Jawab",
        ])
        .small();
        let mut i = 0;
        for g in &self.m.hasil.tujuan_sasaran {
            let title = self.group_title(g);
            let mut first = true;
            for pr in self.m.programs.iter().filter(|p| {
                p.sasaran
                    .as_deref()
                    .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>())
                    == Some(g.nomor.clone())
            }) {
                for (j, ind) in pr.indikator.iter().enumerate() {
                    i += 1;
                    tb.keyed(
                        &[Kunci::Indikator(pr.kode.to_string())],
                        vec![
                            c(i.to_string()),
                            t(if first { title.clone() } else { String::new() }),
                            // the program once, over its indicators, as a
                            // sentence writes it (not the Renja's capitals)
                            t(if j == 0 {
                                title_case_program(&pr.nama)
                            } else {
                                String::new()
                            }),
                            t(&ind.uraian),
                            c(pasangan(&ind.target, &ind.realisasi).0),
                            c(pasangan(&ind.target, &ind.realisasi).1),
                            c(pct(ind.capaian)),
                            t(dash(&ind.rencana_tindak_lanjut)),
                            t(dash(&ind.penanggung_jawab)),
                        ],
                    );
                    first = false;
                }
            }
        }
        tb.item()
    }

    pub(super) fn pk_of(&self, g: &KelompokSasaran) -> Vec<&'a IndikatorKinerja> {
        let m: &'a ReportModel = self.m;
        m.perjanjian_kinerja
            .iter()
            .filter(|p| g.kode.contains(&p.kode))
            .collect()
    }

    pub(super) fn tabel_spm(&self) -> Option<Item> {
        let spm = self.m.spm.as_ref()?;
        let mut tb = Tabel::new(
            format!("Pencapaian Pemenuhan SPM Tahun {}", self.tahun()),
            &[0.5, 5.0, 0.8, 1.0, 1.0, 1.0, 1.1],
        )
        .labels(&[
            "No",
            "Jenis Layanan / Mutu Layanan Dasar",
            "Satuan",
            "Harus Dilayani",
            "Terlayani",
            "Belum Terlayani",
            "Pencapaian",
        ])
        .small();
        tb.keyed(
            &[Kunci::SpmIndeks],
            vec![
                t("INDEKS PENCAPAIAN SPM").bold().span(6),
                c(format!("{} %", pct(self.m.hasil.indeks_spm))).bold(),
            ],
        );
        for j in &spm.jenis_layanan {
            tb.keyed(
                &[Kunci::Spm(j.no.clone())],
                vec![
                    c(format!("{}.", j.no)).bold(),
                    t(&j.nama).bold().span(5),
                    c(format!("{} %", pct(j.indeks))).bold(),
                ],
            );
            if let Some(pn) = &j.penerima {
                tb.row(vec![
                    t(""),
                    t("A. Penerima layanan dasar (80 %)"),
                    c(&pn.satuan),
                    c(rp(pn.harus)),
                    c(rp(pn.terlayani)),
                    c(pn.belum.map(rp).unwrap_or("-".into())),
                    c(format!("{} %", pct(j.persen_penerima))),
                ]);
            }
            tb.row(vec![
                t(""),
                t("B. Mutu layanan dasar (20 %)").span(5),
                c(format!("{} %", pct(j.persen_mutu))),
            ]);
            for it in &j.mutu {
                tb.row(vec![
                    t(""),
                    t(format!("{}. {}", it.no, it.uraian)),
                    c(&it.satuan),
                    c(rp(it.harus)),
                    c(rp(it.terlayani)),
                    c(it.belum.map(rp).unwrap_or("-".into())),
                    c(format!("{} %", pct(it.persen))),
                ]);
            }
        }
        // the source as the reader knows it, not lkjip's file name
        Some(
            tb.note(format!(
                "Sumber Data: Laporan Pencapaian Pemenuhan SPM Tahun {}, aplikasi e-SPM Kementerian Dalam Negeri (spm.bangda.kemendagri.go.id).",
                self.tahun()
            ))
            .item(),
        )
    }
}
