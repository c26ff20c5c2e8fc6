//! The quarterly performance report (`build --triwulan N`): a short
//! document of its own — capaian so far against the yearly targets, the
//! indicators behind, serapan per program and sub kegiatan, the factors and
//! follow-up the agency wrote in the `Triwulan` sheet, a chart per IKU of
//! its quarters — laid out by `templates/triwulan.typ` with the look of
//! `gaya.typ`.

use super::item::{Bab, Grafik, Identitas, Item, Kertas, Seri};
use super::table::{Tabel, c, n, t};
use super::{Content, number_figures};
use crate::model::triwulan::{ROMAWI, per_quarter};
use crate::model::{Indikator, ReportModel};
use crate::tampil::{fmt_num, pct, rp, tampil};
use rust_decimal::Decimal;
use serde::Serialize;

/// The quarterly report as the template reads it (`/data/triwulan.json`).
#[derive(Serialize, Debug, Clone)]
pub struct LaporanTriwulan {
    pub identitas: Identitas,
    pub kertas: Kertas,
    /// `II`.
    pub triwulan: String,
    /// The month the quarter ends (`Juni`).
    pub bulan: String,
    pub bab: Vec<Bab>,
}

const BULAN: [&str; 4] = ["Maret", "Juni", "September", "Desember"];

impl Content<'_> {
    /// The report of quarter `tw` (1–4).
    pub fn laporan_triwulan(&self, tw: u8) -> LaporanTriwulan {
        let last = usize::from(tw.clamp(1, 4));
        let (identitas, kertas) = self.identitas();
        let m = self.m;
        let mut bab = vec![
            Bab {
                judul: "PENDAHULUAN".into(),
                isi: pendahuluan(m, last),
            },
            Bab {
                judul: "CAPAIAN KINERJA".into(),
                isi: capaian(m, last),
            },
            Bab {
                judul: "REALISASI ANGGARAN".into(),
                isi: anggaran(m, last),
            },
            Bab {
                judul: "FAKTOR PENDORONG, PENGHAMBAT DAN TINDAK LANJUT".into(),
                isi: faktor(m),
            },
        ];
        number_figures(&mut bab);
        super::tipografi::apply_bab(&mut bab, kertas);
        LaporanTriwulan {
            identitas,
            kertas,
            triwulan: ROMAWI[last - 1].into(),
            bulan: BULAN[last - 1].into(),
            bab,
        }
    }
}

fn pendahuluan(m: &ReportModel, last: usize) -> Vec<Item> {
    let id = &m.identitas;
    vec![
        Item::p(format!(
            "Laporan ini menyajikan capaian kinerja dan realisasi anggaran {} {} sampai dengan akhir triwulan {} ({} {}). Laporan triwulan disusun sebagai bahan evaluasi terhadap hasil Rencana Kerja (Renja) Perangkat Daerah sesuai Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 dan sebagai bukti pelaporan kinerja secara berkala dalam evaluasi SAKIP.",
            id.nama_opd,
            id.pemerintah_daerah,
            ROMAWI[last - 1],
            BULAN[last - 1],
            id.tahun
        )),
        Item::p(format!(
            "Capaian setiap indikator dihitung dari realisasi sampai dengan triwulan {} terhadap target tahun {}. Indikator berupa jumlah dijumlahkan dari triwulan ke triwulan, sedangkan indikator berupa persentase, indeks, rasio atau tingkat memakai keadaan pada akhir triwulan terakhir yang terisi. Rincian per program, kegiatan dan sub kegiatan tersaji dalam formulir Evaluasi Renja triwulan {} yang menyertai laporan ini.",
            ROMAWI[last - 1],
            id.tahun,
            ROMAWI[last - 1]
        )),
    ]
}

/// TW I … TW N, then the year so far and its capaian, of an indicator.
fn quarter_cells(i: &Indikator, last: usize) -> Vec<super::item::Sel> {
    let mut cells = Vec::new();
    let tw = i.triwulan.as_ref();
    for q in 0..last {
        let v = tw.and_then(|t| t.realisasi.get(q)).filter(|t| !t.is_empty());
        cells.push(c(v.map_or("-".into(), tampil)));
    }
    let so_far = tw.and_then(|t| {
        // a level is its last quarter's; a figure the aggregated one
        t.sampai.get(last - 1).copied().flatten().map(fmt_num).or_else(|| {
            t.realisasi
                .iter()
                .take(last)
                .rev()
                .find(|r| !r.is_empty())
                .map(|r| r.teks.clone())
        })
    });
    cells.push(c(so_far.unwrap_or_else(|| "-".into())));
    cells.push(c(pct(tw.and_then(|t| t.capaian.get(last - 1).copied().flatten()))));
    cells
}

fn quarter_labels(last: usize) -> Vec<String> {
    let mut v: Vec<String> = ROMAWI.iter().take(last).map(|r| format!("TW {r}")).collect();
    v.push(format!("s.d. TW {}", ROMAWI[last - 1]));
    v.push("Capaian (%)".into());
    v
}

/// A table of indicators by quarter: the columns `first`, the yearly
/// target, TW I … TW N, the year so far and its capaian.
fn quarter_table(judul: String, first: &[(&str, f64)], tahun: i32, last: usize) -> Tabel {
    let mut widths: Vec<f64> = first.iter().map(|(_, w)| *w).collect();
    widths.push(1.1);
    widths.extend(std::iter::repeat_n(1.0, last + 2));
    let mut labels: Vec<String> = first.iter().map(|(l, _)| l.to_string()).collect();
    labels.push(format!("Target {tahun}"));
    labels.extend(quarter_labels(last));
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    Tabel::new(judul, &widths).labels(&refs)
}

fn capaian(m: &ReportModel, last: usize) -> Vec<Item> {
    let tahun = m.identitas.tahun;
    let tw = ROMAWI[last - 1];
    let mut v = vec![Item::H {
        level: 2,
        teks: "Indikator Kinerja Utama".into(),
    }];
    let iku: Vec<_> = m.perjanjian_kinerja.iter().collect();
    let with = iku.iter().filter(|pk| pk.indikator.triwulan.is_some()).count();
    let reached = iku
        .iter()
        .filter_map(|pk| pk.indikator.triwulan.as_ref()?.capaian.get(last - 1).copied().flatten())
        .filter(|c| *c >= Decimal::ONE_HUNDRED)
        .count();
    v.push(Item::p(format!(
        "Tabel 2.1 berikut menyajikan realisasi {} indikator kinerja utama (IKU) per triwulan sampai dengan triwulan {tw} terhadap target tahun {tahun}; {with} di antaranya telah diisi pada lembar Triwulan, dan {reached} telah mencapai target tahunannya.",
        iku.len()
    )));
    let mut tb = quarter_table(
        format!("Capaian Indikator Kinerja Utama sampai dengan Triwulan {tw} Tahun {tahun}"),
        &[("No", 0.5), ("Tujuan/Sasaran", 2.4), ("Indikator", 2.6)],
        tahun,
        last,
    );
    for (no, pk) in iku.iter().enumerate() {
        let mut row = vec![
            c((no + 1).to_string()),
            t(&pk.uraian),
            t(&pk.indikator.uraian),
            c(tampil(&pk.indikator.target)),
        ];
        row.extend(quarter_cells(&pk.indikator, last));
        tb.row(row);
    }
    v.push(tb.item());
    // a chart per IKU with figures: the year so far after each quarter
    // against the yearly target
    for pk in &iku {
        let i = &pk.indikator;
        let (Some(tw_data), Some(target)) = (i.triwulan.as_ref(), i.target.nilai) else {
            continue;
        };
        if tw_data.sampai.iter().take(last).all(Option::is_none) {
            continue;
        }
        let f = |d: Option<Decimal>| d.map(|x| x.normalize().to_string());
        v.push(Item::Grafik(Grafik {
            judul: format!("{} sampai dengan Triwulan {tw} Tahun {tahun}", i.uraian),
            label: ROMAWI.iter().take(last).map(|r| format!("TW {r}")).collect(),
            seri: vec![
                Seri {
                    nama: format!("Target {tahun}"),
                    nilai: (0..last).map(|_| f(Some(target))).collect(),
                },
                Seri {
                    nama: "Realisasi s.d. triwulan".into(),
                    nilai: tw_data.sampai.iter().take(last).map(|d| f(*d)).collect(),
                },
            ],
            nomor: None,
            satuan: i.target.satuan.clone(),
        }));
    }
    v.push(Item::H {
        level: 2,
        teks: "Indikator Program, Kegiatan dan Sub Kegiatan".into(),
    });
    let mut tb = quarter_table(
        format!("Capaian Indikator Program, Kegiatan dan Sub Kegiatan sampai dengan Triwulan {tw} Tahun {tahun}"),
        &[
            ("Kode", 1.6),
            ("Program/Kegiatan/Sub Kegiatan", 2.6),
            ("Indikator", 2.6),
        ],
        tahun,
        last,
    )
    .small();
    let mut rows = 0;
    let mut push = |tb: &mut Tabel, kode: &str, nama: &str, ind: &[Indikator], bold: bool| {
        for i in ind.iter().filter(|i| i.triwulan.is_some()) {
            let name = if bold { t(nama).bold() } else { t(nama) };
            let mut row = vec![t(kode), name, t(&i.uraian), c(tampil(&i.target))];
            row.extend(quarter_cells(i, last));
            tb.row(row);
            rows += 1;
        }
    };
    for p in &m.programs {
        push(&mut tb, p.kode_realisasi.as_str(), &p.nama, &p.indikator, true);
        for k in &p.kegiatan {
            push(&mut tb, k.kode_realisasi.as_str(), &k.nama, &k.indikator, true);
            for s in &k.sub_kegiatan {
                push(&mut tb, s.kode_realisasi.as_str(), &s.nama, &s.indikator, false);
            }
        }
    }
    if rows > 0 {
        v.push(Item::p(format!(
            "Capaian {rows} indikator program, kegiatan dan sub kegiatan yang realisasi triwulannya telah diisi tersaji pada tabel berikut."
        )));
        v.push(tb.item());
    } else {
        v.push(Item::p(
            "Realisasi triwulan indikator program, kegiatan dan sub kegiatan belum diisi pada lembar Triwulan."
                .to_string(),
        ));
    }
    v
}

fn anggaran(m: &ReportModel, last: usize) -> Vec<Item> {
    let tahun = m.identitas.tahun;
    let tw = ROMAWI[last - 1];
    let pagu: Decimal = m.programs.iter().map(|p| p.pagu).sum();
    let real: Decimal = m.programs.iter().map(|p| p.realisasi).sum();
    let persen = (!pagu.is_zero()).then(|| real / pagu * Decimal::ONE_HUNDRED);
    let mut v = vec![Item::p(format!(
        "Sampai dengan akhir triwulan {tw} tahun {tahun}, realisasi anggaran mencapai Rp. {},- dari pagu Rp. {},- atau {} %. Realisasi per program dan per triwulan tersaji pada tabel berikut.",
        rp(real),
        rp(pagu),
        pct(persen)
    ))];
    let mut widths = vec![1.3, 3.2, 1.6];
    widths.extend(std::iter::repeat_n(1.4, last + 1));
    widths.push(0.9);
    let mut labels: Vec<String> = vec!["Kode".into(), "Program".into(), "Pagu (Rp)".into()];
    labels.extend(ROMAWI.iter().take(last).map(|r| format!("TW {r} (Rp)")));
    labels.push(format!("s.d. TW {tw} (Rp)"));
    labels.push("Serapan (%)".into());
    let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let mut tb = Tabel::new(
        format!("Realisasi Anggaran per Program sampai dengan Triwulan {tw} Tahun {tahun}"),
        &widths,
    )
    .labels(&refs)
    .small();
    let money = |x: Option<Decimal>| n(x.map_or("-".into(), rp));
    for p in &m.programs {
        let q = per_quarter(&p.realisasi_triwulan, last, p.realisasi);
        let mut row = vec![t(p.kode_realisasi.as_str()), t(&p.nama), n(rp(p.pagu))];
        row.extend(q.iter().take(last).map(|x| money(*x)));
        row.push(n(rp(p.realisasi)));
        row.push(c(pct(p.persen)));
        tb.row(row);
    }
    let total = crate::model::triwulan::sum_quarters(m.programs.iter().map(|p| &p.realisasi_triwulan));
    let q = per_quarter(&total, last, real);
    let mut row = vec![t("").bold(), t("JUMLAH").bold(), n(rp(pagu)).bold()];
    row.extend(q.iter().take(last).map(|x| money(*x).bold()));
    row.push(n(rp(real)).bold());
    row.push(c(pct(persen)).bold());
    tb.row(row);
    let mut item = tb.item();
    // from the third quarter on, the amounts need a turned page
    if let Item::Tabel(t) = &mut item {
        t.lebar = last >= 3;
    }
    v.push(item);
    // the sub kegiatan, lowest serapan first: where the next quarter's
    // attention goes
    let mut subs: Vec<_> = m
        .programs
        .iter()
        .flat_map(|p| &p.kegiatan)
        .flat_map(|k| &k.sub_kegiatan)
        .filter(|s| !s.pagu.is_zero())
        .collect();
    subs.sort_by(|a, b| {
        a.persen
            .cmp(&b.persen)
            .then_with(|| a.kode.as_str().cmp(b.kode.as_str()))
    });
    let low: Vec<_> = subs.iter().take(10).collect();
    if !low.is_empty() {
        v.push(Item::p(format!(
            "Sub kegiatan dengan serapan terendah sampai dengan triwulan {tw} tersaji pada tabel berikut, sebagai perhatian untuk triwulan berikutnya."
        )));
        let mut tb = Tabel::new(
            format!("Sub Kegiatan dengan Serapan Anggaran Terendah sampai dengan Triwulan {tw} Tahun {tahun}"),
            &[1.8, 3.6, 1.5, 1.5, 0.9],
        )
        .labels(&[
            "Kode",
            "Sub Kegiatan",
            "Pagu (Rp)",
            &format!("s.d. TW {tw} (Rp)"),
            "Serapan (%)",
        ]);
        for s in low {
            tb.row(vec![
                t(s.kode_realisasi.as_str()),
                t(&s.nama),
                n(rp(s.pagu)),
                n(rp(s.realisasi)),
                c(pct(s.persen)),
            ]);
        }
        v.push(tb.item());
    }
    v
}

fn faktor(m: &ReportModel) -> Vec<Item> {
    let mut v = Vec::new();
    let mut all: Vec<(String, &Indikator)> = m
        .perjanjian_kinerja
        .iter()
        .map(|pk| (pk.kode.clone(), &pk.indikator))
        .collect();
    for p in &m.programs {
        all.extend(p.indikator.iter().map(|i| (p.kode.to_string(), i)));
        for k in &p.kegiatan {
            all.extend(k.indikator.iter().map(|i| (k.kode.to_string(), i)));
            for s in &k.sub_kegiatan {
                all.extend(s.indikator.iter().map(|i| (s.kode.to_string(), i)));
            }
        }
    }
    let mut written = 0;
    for (kode, i) in all {
        let Some(tw) = &i.triwulan else { continue };
        let parts: Vec<String> = [
            ("Faktor pendorong", &tw.faktor_pendorong),
            ("Faktor penghambat", &tw.faktor_penghambat),
            ("Tindak lanjut", &tw.tindak_lanjut),
        ]
        .into_iter()
        .filter(|(_, x)| !x.trim().is_empty())
        .map(|(k, x)| format!("{k}: {}", x.trim()))
        .collect();
        if parts.is_empty() {
            continue;
        }
        v.push(Item::H {
            level: 5,
            teks: format!("{kode} {}", i.uraian),
        });
        v.push(Item::Daftar {
            items: parts,
            gaya: "-",
            utuh: false,
        });
        written += 1;
    }
    if written == 0 {
        v.push(Item::p(
            "Faktor pendorong, faktor penghambat dan tindak lanjut triwulan ini belum diisi pada lembar Triwulan."
                .to_string(),
        ));
    }
    v.push(Item::p(
        "Demikian laporan kinerja triwulan ini disusun sebagai bahan evaluasi dan pengendalian pelaksanaan Renja Perangkat Daerah.".to_string(),
    ));
    v.push(Item::Ttd);
    v
}

/// The Evaluasi Renja of quarter IV as a table of the yearly LKjIP's
/// lampiran: per program, kegiatan and sub kegiatan, K (its first
/// indicator; further ones on rows below) and Rp of the target, of each
/// quarter, of the year (K by the indicator's aggregation) and the
/// capaian. The workbook of the same form is `render::xlsx::evaluasi`
/// (sheet Lampiran XIII of the lampiran workbook).
pub(super) fn evaluasi_renja(m: &ReportModel) -> Item {
    let tahun = m.identitas.tahun;
    let mut widths = vec![0.4, 1.3, 2.4, 2.0];
    widths.extend(std::iter::repeat_n([0.75, 1.25], 7).flatten());
    let mut head = vec![
        t("No").rows(2),
        t("Kode").rows(2),
        t("Program/Kegiatan/Sub Kegiatan").rows(2),
        t("Indikator Kinerja").rows(2),
        t(format!("Target Renja {tahun}")).span(2),
    ];
    head.extend(ROMAWI.iter().map(|r| t(format!("Realisasi Triwulan {r}")).span(2)));
    head.push(t(format!("Realisasi Tahun {tahun}")).span(2));
    head.push(t("Capaian (%)").span(2));
    let units: Vec<&str> = std::iter::repeat_n(["K", "Rp"], 7).flatten().collect();
    let mut tb = Tabel::new(
        format!("Evaluasi terhadap Hasil Renja Perangkat Daerah Triwulan IV Tahun {tahun}"),
        &widths,
    )
    .head(head)
    .labels(&units)
    .small();
    let subs = || {
        m.programs
            .iter()
            .flat_map(|p| &p.kegiatan)
            .flat_map(|k| &k.sub_kegiatan)
    };
    let by_report = subs().any(|s| s.realisasi_triwulan.iter().take(3).any(Option::is_some));
    let mut no = 0;
    let mut node = |tb: &mut Tabel, kode: &str, nama: &str, ind: &[Indikator], money: Money, bold: bool| {
        no += 1;
        let name = if bold { t(nama).bold() } else { t(nama) };
        let (uraian, k) = k_cells(ind.first());
        let mut row = vec![c(no.to_string()), t(kode), name, uraian];
        row.extend(k.into_iter().zip(rp_cells(money, by_report)).flat_map(|(a, b)| [a, b]));
        tb.row(row);
        for i in ind.iter().skip(1) {
            let (uraian, k) = k_cells(Some(i));
            let mut row = vec![c(""), t(""), t(""), uraian];
            row.extend(k.into_iter().flat_map(|a| [a, c("")]));
            tb.row(row);
        }
    };
    for p in &m.programs {
        let money = (p.pagu, p.realisasi_triwulan.as_slice(), p.realisasi, p.persen);
        node(&mut tb, p.kode_realisasi.as_str(), &p.nama, &p.indikator, money, true);
        for k in &p.kegiatan {
            let money = (k.pagu, k.realisasi_triwulan.as_slice(), k.realisasi, k.persen);
            node(&mut tb, k.kode_realisasi.as_str(), &k.nama, &k.indikator, money, true);
            for s in &k.sub_kegiatan {
                let money = (s.pagu, s.realisasi_triwulan.as_slice(), s.realisasi, s.persen);
                node(&mut tb, s.kode_realisasi.as_str(), &s.nama, &s.indikator, money, false);
            }
        }
    }
    // the money adds up; the indicators do not
    let pagu: Decimal = m.programs.iter().map(|p| p.pagu).sum();
    let real: Decimal = m.programs.iter().map(|p| p.realisasi).sum();
    let total_q = crate::model::triwulan::sum_quarters(m.programs.iter().map(|p| &p.realisasi_triwulan));
    let persen = crate::angka::persen(real, pagu).map(crate::angka::round2);
    let mut row = vec![t("JUMLAH").bold().span(4)];
    row.extend(
        rp_cells((pagu, &total_q, real, persen), by_report)
            .into_iter()
            .flat_map(|b| [c(""), b.bold()]),
    );
    tb.row(row);
    let mut note = "K = kinerja: realisasi indikator per triwulan; realisasi tahun: jumlah keempat triwulan untuk indikator berupa jumlah, triwulan terakhir yang terisi untuk persentase dan indeks. Rp = anggaran.".to_string();
    if !by_report {
        note.push_str(
            " Realisasi anggaran per triwulan tidak tersedia (tidak ada laporan realisasi triwulan I–III maupun Evaluasi Renja), sehingga hanya realisasi setahun yang dicantumkan.",
        );
    }
    tb.note(note).item()
}

/// Pagu, cumulative realization by quarter, the year's realization, its %.
type Money<'a> = (Decimal, &'a [Option<Decimal>], Decimal, Option<Decimal>);

/// The indicator's name and its seven K cells: target, TW I–IV, the year,
/// capaian (empty cells without an indicator).
fn k_cells(i: Option<&Indikator>) -> (super::item::Sel, Vec<super::item::Sel>) {
    let Some(i) = i else {
        return (t(""), std::iter::repeat_n(c(""), 7).collect());
    };
    let mut cells = vec![c(tampil(&i.target))];
    if i.triwulan.is_some() {
        cells.extend(quarter_cells(i, 4));
    } else {
        cells.extend(std::iter::repeat_n(c("-"), 4));
        cells.push(c(tampil(&i.realisasi)));
        cells.push(c(pct(i.capaian)));
    }
    (t(&i.uraian), cells)
}

/// The seven Rp cells: pagu, the spending of TW I–IV, the year, its %.
fn rp_cells((pagu, cum, real, persen): Money, by_report: bool) -> Vec<super::item::Sel> {
    let mut cells = vec![n(rp(pagu))];
    if by_report {
        for q in per_quarter(cum, 4, real) {
            cells.push(q.map_or(c("-"), |v| n(rp(v))));
        }
    } else {
        cells.extend(std::iter::repeat_n(c("-"), 4));
    }
    cells.push(n(rp(real)));
    cells.push(c(pct(persen)));
    cells
}
