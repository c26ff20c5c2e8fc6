//! The front of the report and its close: Ringkasan Eksekutif, BAB I
//! (Pendahuluan, Tabel 1.1 staff), BAB II (Perencanaan Kinerja: strategy,
//! Renstra, Perjanjian Kinerja) and BAB IV (Penutup).

use super::*;

impl<'a> Content<'a> {
    pub(super) fn ringkasan(&mut self) -> Vec<Item> {
        let mut items = self.narasi("ringkasan-eksekutif");
        if items.is_empty() {
            let r = &self.m.ringkasan;
            items.push(p(format!(
                "Pada tahun {} {} melaksanakan {} program, {} kegiatan dan {} sub kegiatan dengan pagu anggaran sebesar Rp. {},- dan realisasi anggaran Rp. {},- atau {} %.",
                self.tahun(),
                self.opd(),
                r.jumlah_program,
                r.jumlah_kegiatan,
                r.jumlah_sub_kegiatan,
                rp(r.pagu),
                rp(r.realisasi),
                pct(self.m.hasil.persen_realisasi)
            )));
        }
        items
    }

    // ------------------------------------------------------------------
    // BAB I
    // ------------------------------------------------------------------

    pub(super) fn bab1(&mut self) -> Vec<Item> {
        let mut v = vec![h(2, "Tugas dan Fungsi")];
        v.extend(self.narasi("1.1-tugas-dan-fungsi"));
        v.push(h(2, "Struktur Organisasi"));
        v.extend(self.narasi("1.2-struktur-organisasi"));
        if !self.m.struktur.is_empty() {
            let judul = format!("Struktur Organisasi {}", self.opd());
            v.push(Item::p(format!(
                "Bagan susunan organisasi {} disajikan pada gambar berikut.",
                self.opd()
            )));
            v.push(Item::Bagan(super::item::Bagan {
                judul,
                unit: self.m.struktur.clone(),
                nomor: None,
            }));
        }
        if !self.m.pegawai.is_empty() {
            let total: u32 = self
                .m
                .pegawai
                .iter()
                .map(|r| r.pns_l + r.pns_p + r.pppk_l + r.pppk_p + r.honorer_l + r.honorer_p)
                .sum();
            let asn: u32 = self
                .m
                .pegawai
                .iter()
                .map(|r| r.pns_l + r.pns_p + r.pppk_l + r.pppk_p)
                .sum();
            v.push(p(format!(
                "Jumlah pegawai pada Tahun {} sebanyak {} orang terdiri dari {} orang ASN (PNS dan PPPK) dan {} orang tenaga honorer.",
                self.tahun(),
                total,
                asn,
                total - asn
            )));
            v.push(self.tabel_pegawai());
        }
        v.push(h(2, "Aspek Strategis Organisasi"));
        v.extend(self.narasi("1.3-aspek-strategis"));
        v.push(h(2, "Sistematika Laporan"));
        v.extend(self.narasi("1.4-sistematika"));
        v
    }

    pub(super) fn tabel_pegawai(&self) -> Item {
        let mut tb = Tabel::new(
            format!(
                "Jumlah Pegawai menurut Jenis Pendidikan per 31 Desember {}",
                self.tahun()
            ),
            &[0.5, 4.0, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.8],
        )
        .head(vec![
            t("No").rows(3),
            t("Jenis Pendidikan").rows(3),
            t("Status Pegawai").span(6),
            t("Jumlah").span(2).rows(2),
        ])
        .head(vec![t("PNS").span(2), t("PPPK").span(2), t("Honorer").span(2)])
        .labels(&["L", "P", "L", "P", "L", "P", "L", "P"]);
        let mut groups: Vec<&str> = Vec::new();
        for r in &self.m.pegawai {
            if !groups.contains(&r.kelompok.as_str()) {
                groups.push(&r.kelompok);
            }
        }
        let mut grand = [0u32; 8];
        for (gi, g) in groups.iter().enumerate() {
            if !g.is_empty() {
                tb.row(vec![c(roman(gi + 1)).bold(), t(*g).bold().span(9)]);
            }
            let mut sub = [0u32; 8];
            for r in self.m.pegawai.iter().filter(|r| r.kelompok == *g) {
                let v = [
                    r.pns_l,
                    r.pns_p,
                    r.pppk_l,
                    r.pppk_p,
                    r.honorer_l,
                    r.honorer_p,
                    r.pns_l + r.pppk_l + r.honorer_l,
                    r.pns_p + r.pppk_p + r.honorer_p,
                ];
                for i in 0..8 {
                    sub[i] += v[i];
                }
                let mut row = vec![c(&r.no), t(&r.jenis_pendidikan)];
                row.extend(v.iter().map(|x| c(x.to_string())));
                tb.row(row);
            }
            let mut row = vec![t("Jumlah").bold().span(2)];
            row.extend(sub.iter().map(|x| c(x.to_string()).bold()));
            tb.row(row);
            for i in 0..8 {
                grand[i] += sub[i];
            }
        }
        let mut row = vec![t("JUMLAH TOTAL").bold().span(2)];
        row.extend(grand.iter().map(|x| c(x.to_string()).bold()));
        tb.row(row);
        tb.small().item()
    }

    // ------------------------------------------------------------------
    // BAB II
    // ------------------------------------------------------------------

    pub(super) fn bab2(&mut self) -> Vec<Item> {
        let tahun = self.tahun();
        let years: Vec<i32> = self.renstra_years();
        let periode = match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!("{a} - {b}"),
            _ => tahun.to_string(),
        };
        let mut v = vec![h(2, format!("Target Kinerja Tahun {periode}"))];
        v.extend(self.narasi("2.1-target-kinerja"));
        if !self.m.strategi.is_empty() {
            let mut tb = Tabel::new(
                format!(
                    "Tujuan, Sasaran, Strategi, dan Kebijakan {} Tahun {periode}",
                    self.opd()
                ),
                &[2.0, 2.0, 3.0, 3.0],
            )
            .labels(&["Tujuan", "Sasaran", "Strategi", "Arah Kebijakan"]);
            for s in &self.m.strategi {
                tb.row(vec![t(&s.tujuan), t(&s.sasaran), t(&s.strategi), t(&s.arah_kebijakan)]);
            }
            v.push(tb.item());
        }
        v.push(p(format!(
            "Program, kegiatan dan sub kegiatan yang dilaksanakan untuk mendukung pencapaian sasaran tahun {tahun} terdiri dari {} program, {} kegiatan dan {} sub kegiatan yang dijabarkan dalam tabel berikut.",
            self.m.ringkasan.jumlah_program, self.m.ringkasan.jumlah_kegiatan, self.m.ringkasan.jumlah_sub_kegiatan
        )));
        v.push(self.tabel_program_sasaran());
        if !self.m.renstra.is_empty() {
            let ys: Vec<String> = years.iter().map(|y| y.to_string()).collect();
            let mut widths = vec![0.4, 2.0, 2.0, 2.0, 2.5];
            widths.extend(years.iter().map(|_| 0.8));
            // the reference's header: the years under one group, then the
            // columns numbered
            let numbers: Vec<String> = (1..=5 + years.len()).map(|i| i.to_string()).collect();
            let mut tb = Tabel::new(
                format!("Indikator Kinerja Utama {} Tahun {periode}", self.opd()),
                &widths,
            )
            .head(vec![
                t("No").rows(2),
                t("Tujuan").rows(2),
                t("Sasaran").rows(2),
                t("Indikator Kinerja").rows(2),
                t("Rumusan").rows(2),
                t("Target Kinerja pada Tahun Ke").span(years.len() as u32),
            ])
            .labels(&ys.iter().map(String::as_str).collect::<Vec<_>>())
            .labels(&numbers.iter().map(String::as_str).collect::<Vec<_>>());
            for (i, r) in self.m.renstra.iter().enumerate() {
                let mut row = vec![
                    c(format!("{}.", i + 1)),
                    t(&r.tujuan),
                    t(&r.sasaran),
                    t(&r.indikator),
                    t(&r.rumus),
                ];
                let targets: Vec<Option<&crate::model::Target>> = years.iter().map(|y| r.target.get(y)).collect();
                row.extend(crate::tampil::seragam(&targets).into_iter().map(c));
                tb.row(row);
            }
            v.push(tb.item());
        }
        v.push(h(2, format!("Perjanjian Kinerja Tahun {tahun}")));
        v.extend(self.narasi("2.2-perjanjian-kinerja"));
        v.push(self.tabel_pk(format!("Uraian Perjanjian Kinerja Tahun {tahun}")));
        // the pagu of the programs of each tujuan/sasaran, and its belanja
        // langsung (without gaji dan tunjangan ASN) as the reference shows
        let mut tb = Tabel::new(
            "Anggaran dan Belanja Langsung per Tujuan/Sasaran Strategis",
            &[0.4, 4.0, 1.6, 1.6, 1.6, 1.6],
        )
        .head(vec![
            t("No").rows(2),
            t("Tujuan/Sasaran Strategis").rows(2),
            t("Pagu Anggaran (Rp)").span(2),
            t("Pagu Belanja Langsung (Rp)").span(2),
        ])
        .labels(&[
            &(tahun - 1).to_string(),
            &tahun.to_string(),
            &(tahun - 1).to_string(),
            &tahun.to_string(),
        ]);
        let mut sums = [Decimal::ZERO; 4];
        let opt = |v: Option<Decimal>| n(v.map(rp).unwrap_or("-".into()));
        for (i, g) in self.m.hasil.tujuan_sasaran.iter().enumerate() {
            let row = [
                g.anggaran_lalu.as_ref().map(|x| x.pagu),
                Some(g.anggaran.pagu),
                g.belanja_langsung_lalu.as_ref().map(|x| x.pagu),
                Some(g.belanja_langsung.pagu),
            ];
            for (s, v) in sums.iter_mut().zip(row) {
                *s += v.unwrap_or_default();
            }
            let mut cells = vec![c(format!("{}", i + 1)), t(self.group_title(g))];
            cells.extend(row.map(opt));
            tb.row(cells);
        }
        let mut total = vec![t("JUMLAH").bold().span(2)];
        total.extend(sums.map(|s| n(rp(s)).bold()));
        tb.row(total);
        v.push(
            tb.note("Belanja langsung: pagu program dan kegiatan tanpa belanja tidak langsung (sub kegiatan penyediaan gaji dan tunjangan ASN).")
                .item(),
        );
        v
    }

    pub(super) fn renstra_years(&self) -> Vec<i32> {
        let mut ys: Vec<i32> = self.m.renstra.iter().flat_map(|r| r.target.keys().copied()).collect();
        ys.sort();
        ys.dedup();
        ys
    }

    pub(super) fn group_title(&self, g: &KelompokSasaran) -> String {
        g.kode
            .iter()
            .filter_map(|k| self.m.perjanjian_kinerja.iter().find(|p| &p.kode == k))
            .map(|p| format!("{}: {}", p.tingkat.nama(), p.uraian))
            .collect::<Vec<_>>()
            // a tujuan and its sasaran on lines of their own in the cell
            .join("\n")
    }

    pub(super) fn tabel_pk(&self, judul: String) -> Item {
        let mut tb = Tabel::new(judul, &[0.6, 4.0, 3.5, 1.2]).labels(&[
            "No",
            "Tujuan/Sasaran Strategis",
            "Indikator Kinerja",
            "Target",
        ]);
        for (i, pk) in self.m.perjanjian_kinerja.iter().enumerate() {
            let kind = if pk.tingkat == Tingkat::Tujuan {
                "Tujuan"
            } else {
                "Sasaran Strategis"
            };
            tb.row(vec![
                c(format!("{}.", i + 1)),
                t(format!("{kind}: {}", pk.uraian)),
                t(&pk.indikator.uraian),
                c(tampil(&pk.indikator.target)),
            ]);
        }
        tb.item()
    }

    /// Tabel 2.2 in the reference's nine columns: tujuan and sasaran with
    /// their indicators, then each program that supports them with its
    /// indicator, its kegiatan and sub kegiatan with theirs. A group's
    /// tujuan and sasaran are printed once, on its first program's row.
    pub(super) fn tabel_program_sasaran(&self) -> Item {
        let mut tb = Tabel::new(
            format!("Program dan Kegiatan {} untuk Pencapaian Sasaran", self.tahun()),
            &[0.35, 1.4, 1.4, 1.4, 1.4, 1.6, 1.6, 2.4, 2.4],
        )
        .labels(&[
            "No",
            "Tujuan",
            "Indikator Tujuan",
            "Sasaran",
            "Indikator Sasaran",
            "Program",
            "Indikator Program",
            "Kegiatan / Sub Kegiatan",
            "Indikator Kegiatan / Sub Kegiatan",
        ])
        .small()
        .landscape();
        let pk = |k: &str| self.m.perjanjian_kinerja.iter().find(|p| p.kode == k);
        let group_of = |pr: &Program| {
            let s = pr.sasaran.as_deref()?;
            self.m
                .hasil
                .tujuan_sasaran
                .iter()
                .position(|g| g.kode.iter().any(|k| k == s))
        };
        // the programs of each group in the order of the groups, then those
        // of no group
        let mut order: Vec<(Option<usize>, &Program)> = self.m.programs.iter().map(|p| (group_of(p), p)).collect();
        order.sort_by_key(|(g, _)| g.unwrap_or(usize::MAX));
        let mut shown: Option<Option<usize>> = None;
        // the names of the group being printed, for its continuation rows
        let (mut tujuan_lalu, mut sasaran_lalu) = (String::new(), String::new());
        for (g, pr) in order {
            let first = shown != Some(g);
            shown = Some(g);
            let (mut tujuan, mut sasaran) = (None, None);
            if let Some(g) = g {
                for k in &self.m.hasil.tujuan_sasaran[g].kode {
                    match pk(k) {
                        Some(p) if p.tingkat == Tingkat::Tujuan => tujuan = Some(p),
                        Some(p) => sasaran = Some(p),
                        None => {}
                    }
                }
            }
            if first {
                tujuan_lalu = tujuan.map_or(String::new(), |p| p.uraian.clone());
                sasaran_lalu = sasaran.map_or(String::new(), |p| p.uraian.clone());
            } else {
                (tujuan, sasaran) = (None, None);
            }
            let cell = |p: Option<&IndikatorKinerja>, f: fn(&IndikatorKinerja) -> &str| t(p.map_or("", f));
            let no = match g {
                Some(g) if first => format!("{}.", g + 1),
                None if first => "-".into(),
                _ => String::new(),
            };
            let (lanjut_t, lanjut_s) = if first {
                (String::new(), String::new())
            } else {
                (tujuan_lalu.clone(), sasaran_lalu.clone())
            };
            let program = title_case_program(&pr.nama);
            tb.row(vec![
                c(no),
                cell(tujuan, |p| &p.uraian).carried(&lanjut_t),
                cell(tujuan, |p| &p.indikator.uraian),
                cell(sasaran, |p| &p.uraian).carried(&lanjut_s),
                cell(sasaran, |p| &p.indikator.uraian),
                t(&program).bold(),
                t(dash(&uraian(&pr.indikator))),
                t(""),
                t(""),
            ]);
            // a kegiatan's row: the group's and the program's names carried
            let blank = || {
                [
                    t(""),
                    t("").carried(&tujuan_lalu),
                    t(""),
                    t("").carried(&sasaran_lalu),
                    t(""),
                    t("").carried(&program),
                    t(""),
                ]
                .into_iter()
            };
            for k in &pr.kegiatan {
                let mut row: Vec<_> = blank().collect();
                row.push(t(format!("Kegiatan {}", k.nama)).bold());
                row.push(t(dash(&uraian(&k.indikator))));
                tb.row(row);
                for (j, s) in k.sub_kegiatan.iter().enumerate() {
                    let mut row: Vec<_> = blank().collect();
                    row.push(t(format!("{}. {}", j + 1, s.nama)));
                    row.push(t(dash(&uraian(&s.indikator))));
                    tb.row(row);
                }
            }
        }
        tb.item()
    }

    // ------------------------------------------------------------------
    // BAB III
    // ------------------------------------------------------------------

    pub(super) fn bab4(&mut self) -> Vec<Item> {
        let tahun = self.tahun();
        let h_ = &self.m.hasil;
        let mut v = vec![h(2, "Kesimpulan Umum")];
        v.extend(self.narasi("4.1-kesimpulan"));
        let counts: Vec<String> = h_
            .predikat
            .iter()
            .filter(|x| x.jumlah > 0)
            .map(|x| {
                format!(
                    "{} ({}) indikator {}",
                    x.jumlah,
                    terbilang(x.jumlah),
                    x.label.to_lowercase()
                )
            })
            .collect();
        v.push(p(format!(
            "Dari {} indikator kinerja tujuan dan sasaran strategis tahun {tahun}, {}. Realisasi anggaran mencapai Rp. {},- dari pagu Rp. {},- ({} %, kategori {}).",
            h_.jumlah_indikator_kinerja,
            crate::tampil::join_dan(&counts),
            rp(self.m.ringkasan.realisasi),
            rp(self.m.ringkasan.pagu),
            pct(h_.persen_realisasi),
            h_.efektivitas.as_ref().map(|e| e.kategori.to_lowercase()).unwrap_or("-".into())
        )));
        v.push(h(2, "Langkah Perbaikan ke Depan"));
        v.extend(self.narasi("4.2-langkah-perbaikan"));
        v.push(Item::Ttd);
        v
    }

    // ------------------------------------------------------------------
    // Lampiran I–XII
    // ------------------------------------------------------------------
}
