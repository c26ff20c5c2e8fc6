//! The Evaluasi Renja of a quarter: the form "Evaluasi terhadap Hasil Renja
//! Perangkat Daerah" (Permendagri 86/2017) in the numbering of the issue
//! that asked for it (README, "Evaluasi Renja"): 5 Target Renstra akhir,
//! 6 Realisasi Renstra s.d. tahun lalu, 7 Target Renja, 8–11 Realisasi
//! triwulan I–IV, 12 = 8+9+10+11, 13 = 12/7×100, 14 = 6+12, 15 = 14/5×100,
//! each as K (kinerja) and Rp. Inputs are values; 12–15 and the kegiatan,
//! program and total rows are formulas with their cached results.

use super::sheet::{Fmt, Sheet, a1};
use super::*;
use crate::model::triwulan::{per_quarter, sum_quarters};
use crate::model::{Agregasi, Program, Triwulan};

/// `Evaluasi-Renja-TW<N>-<kode>-<tahun>.xlsx`.
pub fn file_name(m: &ReportModel, tw: u8) -> String {
    format!("Evaluasi-Renja-TW{tw}-{}-{}.xlsx", m.identitas.kode, m.identitas.tahun)
}

// the columns: A No, B Kode, C Uraian, D Indikator, then K/Rp pairs
const C_NO: u16 = 0;
const C_KODE: u16 = 1;
const C_URAIAN: u16 = 2;
const C_IND: u16 = 3;
/// The K column of form column `n` (5 … 15); its Rp column is the next.
const fn k(n: u16) -> u16 {
    4 + (n - 5) * 2
}
const C_PJ: u16 = k(15) + 2;
const C_KET: u16 = C_PJ + 1;

pub fn workbook(m: &ReportModel, tw: u8, paper: u8) -> Result<Vec<u8>, XlsxError> {
    let f = Fmt::new();
    let mut wb = super::new_workbook(
        m,
        format!(
            "Evaluasi Renja Triwulan {} {} Tahun {}",
            crate::model::triwulan::ROMAWI[usize::from(tw) - 1],
            m.identitas.nama_opd,
            m.identitas.tahun
        ),
    )?;
    let ws = wb.add_worksheet().set_name(format!(
        "Evaluasi Renja TW {}",
        crate::model::triwulan::ROMAWI[usize::from(tw) - 1]
    ))?;
    form(ws, m, tw, &f, paper)?;
    wb.save_to_buffer()
}

pub(super) fn form(ws: &mut Worksheet, m: &ReportModel, tw: u8, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let mut widths = vec![5.0, 16.0, 40.0, 34.0];
    widths.extend(std::iter::repeat_n([9.0, 15.0], 11).flatten());
    widths.extend([18.0, 24.0]);
    let mut s = Sheet::new(ws, &widths, paper);
    let id = &m.identitas;
    let akhir = m.renstra.iter().flat_map(|r| r.target.keys()).max().copied();
    s.titles(
        &[
            "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH".to_string(),
            format!("{} {}", id.nama_opd, id.pemerintah_daerah).to_uppercase(),
            format!(
                "TRIWULAN {} TAHUN {}",
                crate::model::triwulan::ROMAWI[usize::from(tw) - 1],
                id.tahun
            ),
        ],
        f,
    )?;
    let renstra = match akhir {
        Some(a) => {
            format!("Target Kinerja dan Anggaran Renstra Perangkat Daerah pada Tahun {a} (Akhir Periode Renstra)")
        }
        None => "Target Kinerja dan Anggaran Renstra Perangkat Daerah (Akhir Periode Renstra)".to_string(),
    };
    let lalu = format!(
        "Realisasi Capaian Kinerja Renstra Perangkat Daerah sampai dengan Renja Perangkat Daerah Tahun Lalu ({})",
        id.tahun - 1
    );
    let renja = format!(
        "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan ({}) yang Dievaluasi",
        id.tahun
    );
    let sd = format!(
        "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s.d. Tahun {}",
        id.tahun
    );
    let tingkat_sd = format!(
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra Perangkat Daerah s.d. Tahun {} (%)",
        id.tahun
    );
    let mut row1: Vec<(&str, u16, u32)> = vec![
        ("No", 1, 3),
        ("Kode", 1, 3),
        (
            "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
            1,
            3,
        ),
        ("Indikator Kinerja Program (Outcome)/Kegiatan (Output)", 1, 3),
        (&renstra, 2, 2),
        (&lalu, 2, 2),
        (&renja, 2, 2),
        ("Realisasi Kinerja pada Triwulan", 8, 1),
        (
            "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang Dievaluasi",
            2,
            2,
        ),
        (
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja Perangkat Daerah yang Dievaluasi (%)",
            2,
            2,
        ),
        (&sd, 2, 2),
        (&tingkat_sd, 2, 2),
    ];
    row1.push(("Unit Perangkat Daerah Penanggung Jawab", 1, 3));
    row1.push(("Keterangan", 1, 3));
    let row2: Vec<(&str, u16, u32)> = crate::model::triwulan::ROMAWI.iter().map(|r| (*r, 2, 1)).collect();
    let row3: Vec<(&str, u16, u32)> = (0..11).flat_map(|_| [("K", 1, 1), ("Rp", 1, 1)]).collect();
    let nomor: Vec<String> = (1..=17)
        .map(|n| match n {
            12 => "12 = 8+9+10+11".to_string(),
            13 => "13 = 12/7×100".to_string(),
            14 => "14 = 6+12".to_string(),
            15 => "15 = 14/5×100".to_string(),
            n => n.to_string(),
        })
        .collect();
    let row4: Vec<(&str, u16, u32)> = nomor
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), if (4..15).contains(&i) { 2 } else { 1 }, 1))
        .collect();
    s.header(&[row1, row2, row3, row4], f)?;
    // the long column titles need the height of six lines
    s.ws.set_row_height(s.row - 4, 80)?;

    let last = usize::from(tw);
    let mut no = 0usize;
    // the tujuan/sasaran and their IKU first
    for pk in &m.perjanjian_kinerja {
        no += 1;
        s.text(C_NO, &no.to_string(), &f.text)?;
        s.text(C_KODE, &pk.kode, &f.text)?;
        s.text(C_URAIAN, &format!("{}: {}", pk.tingkat.nama(), pk.uraian), &f.bold)?;
        kinerja(
            &mut s,
            &pk.indikator,
            pk.target_akhir_renstra.as_ref(),
            pk.realisasi_lalu.as_ref(),
            last,
            f,
        )?;
        blank_money(&mut s, f)?;
        s.next();
    }
    let mut program_rows = Vec::new();
    for p in &m.programs {
        program_rows.push(program(&mut s, p, &mut no, last, f)?);
    }
    // the total of the money columns
    s.ws.merge_range(s.row, C_NO, s.row, C_IND, "JUMLAH", &f.bold)?;
    let total_pagu: Decimal = m.programs.iter().map(|p| p.pagu).sum();
    let total_q = per_quarter(
        &sum_quarters(m.programs.iter().map(|p| &p.realisasi_triwulan)),
        last,
        m.programs.iter().map(|p| p.realisasi).sum(),
    );
    money_sums(&mut s, &program_rows, total_pagu, &total_q, last, f)?;
    for c in [k(5), k(6), k(7), k(8), k(9), k(10), k(11), k(12), k(13), k(14), k(15)] {
        s.text(c, "", &f.text)?;
    }
    for c in [k(5) + 1, k(6) + 1, k(14) + 1, k(15) + 1, C_PJ, C_KET] {
        s.text(c, "", &f.text)?;
    }
    s.next();
    s.row += 1;
    let note = "K = kinerja (realisasi indikator), Rp = anggaran. Kolom 12 (K) menggabungkan triwulan menurut agregasi indikatornya (lihat Keterangan): kumulatif dijumlahkan, akhir mengambil triwulan terakhir yang terisi. Kolom 5, 6 dan 14–15 (Rp) memerlukan pagu dan realisasi Renstra per tahun, yang tidak ada di masukan lkjip, sehingga dibiarkan kosong.";
    s.ws.merge_range(s.row, C_NO, s.row, C_KET, note, &f.text)?;
    s.ws.set_row_height(s.row, 45)?;
    Ok(())
}

/// A program, its kegiatan and sub kegiatan; returns the program's row.
fn program(s: &mut Sheet, p: &Program, no: &mut usize, last: usize, f: &Fmt) -> Result<u32, XlsxError> {
    let prow = s.row;
    // the program's row is written after its kegiatan rows are known, its
    // number taken now (the form numbers rows top-down)
    *no += 1;
    let pno = *no;
    s.next();
    indicator_rows(s, &p.indikator, last, f)?;
    let mut keg_rows = Vec::new();
    for kg in &p.kegiatan {
        let krow = s.row;
        keg_rows.push(krow);
        *no += 1;
        let kno = *no;
        s.next();
        indicator_rows(s, &kg.indikator, last, f)?;
        let mut sub_rows = Vec::new();
        for sk in &kg.sub_kegiatan {
            *no += 1;
            sub_rows.push(s.row);
            s.text(C_NO, &no.to_string(), &f.text)?;
            s.text(C_KODE, sk.kode_realisasi.as_str(), &f.text)?;
            s.text(C_URAIAN, &sk.nama, &f.text)?;
            first_indicator(s, sk.indikator.first(), last, f)?;
            let q = per_quarter(&sk.realisasi_triwulan, last, sk.realisasi);
            s.number(k(7) + 1, sk.pagu, &f.money)?;
            for (i, v) in q.iter().enumerate() {
                match v {
                    Some(v) => s.number(k(8 + i as u16) + 1, *v, &f.money)?,
                    None => s.text(k(8 + i as u16) + 1, "", &f.text)?,
                }
            }
            money_derived(s, sk.realisasi, sk.persen, f, false)?;
            s.text(
                C_PJ,
                sk.indikator.first().map_or("", |i| i.penanggung_jawab.as_str()),
                &f.text,
            )?;
            s.next();
            indicator_rows(s, &sk.indikator, last, f)?;
        }
        // the kegiatan row: its money summed from its sub kegiatan
        node_row(
            s,
            krow,
            kno,
            kg.kode_realisasi.as_str(),
            &kg.nama,
            &kg.indikator,
            (&kg.realisasi_triwulan, kg.realisasi, kg.pagu),
            &sub_rows,
            last,
            f,
        )?;
    }
    node_row(
        s,
        prow,
        pno,
        p.kode_realisasi.as_str(),
        &p.nama,
        &p.indikator,
        (&p.realisasi_triwulan, p.realisasi, p.pagu),
        &keg_rows,
        last,
        f,
    )?;
    Ok(prow)
}

/// The row of a kegiatan or program, written at `row` once the rows of its
/// children are known: its first indicator, its money (`cum`ulative
/// realization by quarter, realization so far, pagu) summed from `children`.
#[allow(clippy::too_many_arguments)]
fn node_row(
    s: &mut Sheet,
    row: u32,
    no: usize,
    kode: &str,
    nama: &str,
    ind: &[Indikator],
    (cum, realisasi, pagu): (&[Option<Decimal>], Decimal, Decimal),
    children: &[u32],
    last: usize,
    f: &Fmt,
) -> Result<(), XlsxError> {
    let here = s.row;
    s.row = row;
    s.text(C_NO, &no.to_string(), &f.text)?;
    s.text(C_KODE, kode, &f.bold)?;
    s.text(C_URAIAN, nama, &f.bold)?;
    first_indicator(s, ind.first(), last, f)?;
    let q = per_quarter(cum, last, realisasi);
    money_sums(s, children, pagu, &q, last, f)?;
    s.text(C_PJ, ind.first().map_or("", |i| i.penanggung_jawab.as_str()), &f.text)?;
    s.next();
    s.row = here;
    Ok(())
}

/// The second and later indicators of a node, one row each under it.
fn indicator_rows(s: &mut Sheet, ind: &[Indikator], last: usize, f: &Fmt) -> Result<(), XlsxError> {
    for i in ind.iter().skip(1) {
        first_indicator(s, Some(i), last, f)?;
        s.next();
    }
    Ok(())
}

fn first_indicator(s: &mut Sheet, i: Option<&Indikator>, last: usize, f: &Fmt) -> Result<(), XlsxError> {
    match i {
        Some(i) => kinerja(s, i, None, None, last, f),
        None => {
            s.text(C_IND, "", &f.text)?;
            for n in 5..=15 {
                s.text(k(n), "", &f.text)?;
            }
            s.text(C_KET, "", &f.text)
        }
    }
}

/// The K columns of an indicator: the inputs as values, 12–15 as formulas.
fn kinerja(
    s: &mut Sheet,
    i: &Indikator,
    renstra: Option<&Target>,
    lalu: Option<&Target>,
    last: usize,
    f: &Fmt,
) -> Result<(), XlsxError> {
    s.text(C_IND, &i.uraian, &f.text)?;
    let opt_target = |s: &mut Sheet, col: u16, t: Option<&Target>| -> Result<(), XlsxError> {
        match t {
            Some(t) if !t.is_empty() => s.target(col, t, f),
            _ => s.text(col, "", &f.text),
        }
    };
    opt_target(s, k(5), renstra)?;
    let tw: Option<&Triwulan> = i.triwulan.as_ref();
    let state = tw.is_none_or(|t| t.agregasi != Agregasi::Kumulatif);
    // last year's realisasi is the Renstra's so far only for a state; a
    // count would need every year's sum
    opt_target(s, k(6), lalu.filter(|_| state))?;
    s.target(k(7), &i.target, f)?;
    let Some(tw) = tw else {
        for n in 8..=15 {
            s.text(k(n), "", &f.text)?;
        }
        return s.text(C_KET, "tanpa data triwulan", &f.text);
    };
    for q in 0..4 {
        let t = &tw.realisasi[q];
        if q < last && !t.is_empty() {
            s.target(k(8 + q as u16), t, f)?;
        } else {
            s.text(k(8 + q as u16), "", &f.text)?;
        }
    }
    let r = s.row;
    let cells: Vec<String> = (0..last).map(|q| a1(r, k(8 + q as u16))).collect();
    let numeric = tw
        .realisasi
        .iter()
        .take(last)
        .all(|t| t.is_empty() || t.nilai.is_some());
    let year = tw.sampai.get(last - 1).copied().flatten();
    let (sum, kcol) = (a1(r, k(12)), a1(r, k(7)));
    if numeric && year.is_some() {
        let formula = match tw.agregasi {
            Agregasi::Kumulatif => format!("=SUM({})", cells.join(",")),
            Agregasi::RataRata => format!("=AVERAGE({})", cells.join(",")),
            Agregasi::Tertinggi => format!("=MAX({})", cells.join(",")),
            Agregasi::Akhir => last_filled(&cells),
        };
        s.formula(k(12), formula, year, &f.num)?;
    } else {
        // a level: the last quarter's as written
        match tw.realisasi.iter().take(last).rev().find(|t| !t.is_empty()) {
            Some(t) => s.text(k(12), &t.teks, &f.text)?,
            None => s.text(k(12), "", &f.text)?,
        }
    }
    let c = tw.capaian.get(last - 1).copied().flatten();
    match (&i.arah, numeric && year.is_some() && i.target.nilai.is_some(), c) {
        (Arah::Naik, true, c) => s.formula(k(13), format!("=IF({kcol}=0,\"\",{sum}/{kcol}*100)"), c, &f.pct)?,
        (Arah::Turun, true, c) if year.is_some_and(|v| !v.is_zero()) => {
            s.formula(k(13), format!("=IF({sum}=0,\"\",{kcol}/{sum}*100)"), c, &f.pct)?
        }
        (_, _, Some(c)) => s.number(k(13), c, &f.pct)?,
        _ => s.text(k(13), "", &f.text)?,
    }
    // 14 = 6 + 12: for a state the state now; a count needs column 6
    let (c6, c14, c5) = (a1(r, k(6)), a1(r, k(14)), a1(r, k(5)));
    let lalu_v = lalu.filter(|_| state).and_then(|t| t.nilai);
    let sd = match (tw.agregasi, year) {
        (Agregasi::Kumulatif, Some(y)) => lalu_v.map(|l| (format!("={c6}+{sum}"), l + y)),
        (_, Some(y)) if numeric => Some((format!("={sum}"), y)),
        _ => None,
    };
    match &sd {
        Some((fo, v)) => s.formula(k(14), fo.clone(), Some(*v), &f.num)?,
        None => s.text(k(14), "", &f.text)?,
    }
    let akhir_v = renstra.and_then(|t| t.nilai);
    match (sd, akhir_v, &i.arah) {
        (Some((_, v)), Some(a), Arah::Naik) if !a.is_zero() => s.formula(
            k(15),
            format!("=IF({c5}=0,\"\",{c14}/{c5}*100)"),
            Some(v / a * Decimal::ONE_HUNDRED),
            &f.pct,
        )?,
        (Some((_, v)), Some(a), Arah::Turun) if !v.is_zero() => s.formula(
            k(15),
            format!("=IF({c14}=0,\"\",{c5}/{c14}*100)"),
            Some(a / v * Decimal::ONE_HUNDRED),
            &f.pct,
        )?,
        _ => s.text(k(15), "", &f.text)?,
    }
    let mut ket = format!("agregasi {}", tw.agregasi.nama());
    if tw.agregasi_bawaan {
        ket.push_str(" (menurut satuan)");
    }
    s.text(C_KET, &ket, &f.text)
}

/// `=IF(ISNUMBER(D4),D4,IF(ISNUMBER(C4),C4,…))`: the last quarter filled.
fn last_filled(cells: &[String]) -> String {
    let mut expr = cells.first().cloned().unwrap_or_default();
    for c in cells.iter().skip(1) {
        expr = format!("IF(ISNUMBER({c}),{c},{expr})");
    }
    format!("={expr}")
}

/// The Rp columns 5, 6, 14, 15 the inputs cannot fill.
fn blank_money(s: &mut Sheet, f: &Fmt) -> Result<(), XlsxError> {
    for n in 5..=15 {
        s.text(k(n) + 1, "", &f.text)?;
    }
    s.text(C_PJ, "", &f.text)
}

/// Rp of 12 and 13 of a sub kegiatan (values above it in the row).
fn money_derived(s: &mut Sheet, real: Decimal, persen: Option<Decimal>, f: &Fmt, bold: bool) -> Result<(), XlsxError> {
    let r = s.row;
    let q: Vec<String> = (8..=11).map(|n| a1(r, k(n) + 1)).collect();
    let (pagu, sum) = (a1(r, k(7) + 1), a1(r, k(12) + 1));
    let (money, pct) = if bold {
        (&f.money_bold, &f.pct_bold)
    } else {
        (&f.money, &f.pct)
    };
    s.formula(k(12) + 1, format!("=SUM({})", q.join(",")), Some(real), money)?;
    s.formula(k(13) + 1, format!("=IF({pagu}=0,\"\",{sum}/{pagu}*100)"), persen, pct)?;
    for n in [5, 6, 14, 15] {
        s.text(k(n) + 1, "", &f.text)?;
    }
    Ok(())
}

/// Rp of a kegiatan, program or the total: each money column the `SUM` of
/// the rows under it.
fn money_sums(
    s: &mut Sheet,
    rows: &[u32],
    pagu: Decimal,
    q: &[Option<Decimal>],
    last: usize,
    f: &Fmt,
) -> Result<(), XlsxError> {
    let list = |col: u16| rows.iter().map(|r| a1(*r, col)).collect::<Vec<_>>().join(",");
    if rows.is_empty() {
        s.number(k(7) + 1, pagu, &f.money_bold)?;
    } else {
        s.formula(k(7) + 1, format!("=SUM({})", list(k(7) + 1)), Some(pagu), &f.money_bold)?;
    }
    for i in 0..4u16 {
        let col = k(8 + i) + 1;
        if usize::from(i) < last && !rows.is_empty() {
            s.formula(
                col,
                format!("=SUM({})", list(col)),
                Some(q[usize::from(i)].unwrap_or_default()),
                &f.money_bold,
            )?;
        } else {
            s.text(col, "", &f.text)?;
        }
    }
    let real: Decimal = q.iter().flatten().copied().sum();
    let persen = (!pagu.is_zero()).then(|| real / pagu * Decimal::ONE_HUNDRED);
    money_derived(s, real, persen, f, true)
}

/// Writes the Evaluasi Renja of a quarter (`build --triwulan N`).
pub struct EvaluasiRenderer {
    pub triwulan: u8,
}

impl Renderer for EvaluasiRenderer {
    fn name(&self) -> &'static str {
        "evaluasi-renja"
    }

    fn beside_pdf(&self) -> bool {
        true
    }

    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>> {
        let t0 = Instant::now();
        let paper = paper_code(ctx.config.laporan.kertas.as_deref().unwrap_or("A4"));
        let file_name = file_name(ctx.model, self.triwulan);
        let bytes = workbook(ctx.model, self.triwulan, paper).map_err(|e| {
            vec![Finding {
                severity: Severity::Error,
                code: "xlsx-failed",
                location: Location::file(&file_name),
                message: format!("Evaluasi Renja tidak dapat dibuat: {e}"),
                kunci: Vec::new(),
            }]
        })?;
        report.timings.push(("Evaluasi Renja XLSX", t0.elapsed()));
        Ok(vec![Output {
            file_name,
            bytes,
            pages: None,
        }])
    }
}
