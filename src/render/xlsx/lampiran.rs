//! Lampiran I–XII as sheets: inputs as values, every derived cell a
//! formula with its cached result.

use super::sheet::{Fmt, Sheet, cell_list};
use super::*;
use crate::model::Program;

/// Lampiran I: indicators of programs and kegiatan with their budget; the
/// program pagu/realisasi are sums of its kegiatan rows.
pub(super) fn lampiran_i(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let mut s = Sheet::new(
        ws,
        &[6.0, 36.0, 36.0, 11.0, 11.0, 10.0, 16.0, 16.0, 9.0, 9.0, 9.0, 9.0],
        paper,
    );
    s.titles(
        &titles(
            m,
            1,
            &format!(
                "Pengukuran kinerja sasaran program dan kegiatan tahun {}",
                m.identitas.tahun
            ),
        ),
        f,
    )?;
    s.header(
        &[
            vec![
                ("No", 1, 2),
                ("Program / Kegiatan", 1, 2),
                ("Indikator Kinerja", 1, 2),
                ("Kinerja", 3, 1),
                ("Anggaran", 3, 1),
                ("SDM", 3, 1),
            ],
            vec![
                ("Target", 1, 1),
                ("Realisasi", 1, 1),
                ("Capaian (%)", 1, 1),
                ("Pagu (Rp)", 1, 1),
                ("Realisasi (Rp)", 1, 1),
                ("%", 1, 1),
                ("Target", 1, 1),
                ("Realisasi", 1, 1),
                ("%", 1, 1),
            ],
        ],
        f,
    )?;
    let first_data = s.row;
    let mut capaian_all: Vec<Decimal> = Vec::new();
    let mut program_rows = Vec::new();
    for (pi, p) in m.programs.iter().enumerate() {
        let prow = s.row;
        program_rows.push(prow);
        let inds = rows_of(
            &mut s,
            &format!("{}", pi + 1),
            &p.nama,
            &p.indikator,
            f,
            true,
            &mut capaian_all,
        )?;
        let mut keg_rows = Vec::new();
        // each kegiatan's indicator rows, first and last
        let mut keg_spans = Vec::new();
        for (ki, k) in p.kegiatan.iter().enumerate() {
            let krow = s.row;
            keg_rows.push(krow);
            let n = rows_of(
                &mut s,
                &format!("{}.{}", pi + 1, ki + 1),
                &k.nama,
                &k.indikator,
                f,
                false,
                &mut capaian_all,
            )?;
            keg_spans.push((krow + 1, krow + n as u32));
            let save = s.row;
            s.row = krow;
            s.number(6, k.pagu, &f.money)?;
            s.number(7, k.realisasi, &f.money)?;
            s.formula(
                8,
                format!("=IF(G{r}=0,0,H{r}/G{r}*100)", r = krow + 1),
                k.persen,
                &f.pct,
            )?;
            s.row = save;
        }
        let save = s.row;
        s.row = prow;
        let refs = |col: char| cell_list(col, &keg_rows);
        s.formula(6, format!("=SUM({})", refs('G')), Some(p.pagu), &f.money_bold)?;
        s.formula(7, format!("=SUM({})", refs('H')), Some(p.realisasi), &f.money_bold)?;
        s.formula(
            8,
            format!("=IF(G{r}=0,0,H{r}/G{r}*100)", r = prow + 1),
            p.persen,
            &f.pct_bold,
        )?;
        s.row = save;
        let _ = inds;
        if !p.kegiatan.is_empty() {
            rata_rata_kegiatan(&mut s, p, &keg_rows, &keg_spans, f)?;
        }
    }
    let last_data = s.row - 1;
    s.ws.merge_range(s.row, 0, s.row, 4, "Rata-rata capaian / Jumlah", &f.bold)?;
    let mean =
        (!capaian_all.is_empty()).then(|| capaian_all.iter().sum::<Decimal>() / Decimal::from(capaian_all.len()));
    // over the indicator rows, not the programs' Rata-rata rows
    let (a, b) = (first_data + 1, last_data + 1);
    s.formula(
        5,
        format!("=AVERAGEIFS(F{a}:F{b},B{a}:B{b},\"<>{RATA_RATA}\")"),
        mean,
        &f.pct_bold,
    )?;
    let refs = |col: char| cell_list(col, &program_rows);
    s.formula(6, format!("=SUM({})", refs('G')), Some(m.ringkasan.pagu), &f.money_bold)?;
    s.formula(
        7,
        format!("=SUM({})", refs('H')),
        Some(m.ringkasan.realisasi),
        &f.money_bold,
    )?;
    s.formula(
        8,
        format!("=IF(G{r}=0,0,H{r}/G{r}*100)", r = s.row + 1),
        m.hasil.persen_realisasi,
        &f.pct_bold,
    )?;
    for c in 9..12 {
        s.text(c, "", &f.bold)?;
    }
    Ok(())
}

/// The label of the PermenPAN-RB form's row under each program.
const RATA_RATA: &str = "Rata-rata Capaian Kegiatan";

/// The form's "Rata-rata Capaian Kegiatan" row under a program: the mean
/// over its kegiatan of their capaian (each kegiatan's the mean of its
/// indicators), of their serapan and of the SDM % of their indicators, as
/// `Program::rata_rata_kegiatan` (compute::budget) has them. A kegiatan
/// without the figure is left out of its mean, as there.
fn rata_rata_kegiatan(
    s: &mut Sheet,
    p: &Program,
    keg_rows: &[u32],
    keg_spans: &[(u32, u32)],
    f: &Fmt,
) -> Result<(), XlsxError> {
    let rr = &p.rata_rata_kegiatan;
    let mean_of = |cells: Vec<String>| format!("=AVERAGE({})", cells.join(","));
    s.text(0, "", &f.bold)?;
    s.ws.merge_range(s.row, 1, s.row, 4, RATA_RATA, &f.bold)?;
    let capaian: Vec<String> = p
        .kegiatan
        .iter()
        .zip(keg_spans)
        .filter(|(k, _)| k.capaian_kinerja.is_some())
        .map(|(_, (a, b))| {
            if a == b {
                format!("F{a}")
            } else {
                format!("AVERAGE(F{a}:F{b})")
            }
        })
        .collect();
    match rr.capaian {
        Some(c) if !capaian.is_empty() => s.formula(5, mean_of(capaian), Some(c), &f.pct_bold)?,
        _ => s.text(5, "-", &f.bold)?,
    }
    s.text(6, "", &f.bold)?;
    s.text(7, "", &f.bold)?;
    let serapan: Vec<String> = p
        .kegiatan
        .iter()
        .zip(keg_rows)
        .filter(|(k, _)| k.persen.is_some())
        .map(|(_, r)| format!("I{}", r + 1))
        .collect();
    match rr.serapan {
        Some(c) if !serapan.is_empty() => s.formula(8, mean_of(serapan), Some(c), &f.pct_bold)?,
        _ => s.text(8, "-", &f.bold)?,
    }
    s.text(9, "", &f.bold)?;
    s.text(10, "", &f.bold)?;
    let sdm: Vec<String> = keg_spans.iter().map(|(a, b)| format!("L{a}:L{b}")).collect();
    match rr.sdm {
        Some(c) => s.formula(11, mean_of(sdm), Some(c), &f.pct_bold)?,
        None => s.text(11, "-", &f.bold)?,
    }
    s.next();
    Ok(())
}

/// The indicator rows of one node; pagu columns are left to the caller.
pub(super) fn rows_of(
    s: &mut Sheet,
    no: &str,
    nama: &str,
    inds: &[Indikator],
    f: &Fmt,
    bold: bool,
    capaian_all: &mut Vec<Decimal>,
) -> Result<usize, XlsxError> {
    let tf = if bold { &f.bold } else { &f.text };
    let n = inds.len().max(1);
    for i in 0..n {
        s.text(0, if i == 0 { no } else { "" }, tf)?;
        s.text(1, if i == 0 { nama } else { "" }, tf)?;
        match inds.get(i) {
            Some(ind) => {
                s.text(2, &ind.uraian, &f.text)?;
                s.target(3, &ind.target, f)?;
                s.target(4, &ind.realisasi, f)?;
                s.capaian(5, 3, 4, ind, f)?;
                capaian_all.extend(ind.capaian);
            }
            None => {
                for c in 2..6 {
                    s.text(c, "-", &f.text)?;
                }
            }
        }
        if i > 0 {
            for c in 6..9 {
                s.text(c, "", &f.text)?;
            }
        }
        match inds.get(i) {
            Some(ind) if ind.sdm_target.is_some() || ind.sdm_realisasi.is_some() => {
                for (col, v) in [(9, ind.sdm_target), (10, ind.sdm_realisasi)] {
                    match v {
                        Some(x) => s.number(col, x, &f.num)?,
                        None => s.text(col, "-", &f.text)?,
                    }
                }
                let r = s.row + 1;
                s.formula(
                    11,
                    format!("=IF(N(J{r})=0,\"\",K{r}/J{r}*100)"),
                    ind.sdm_persen(),
                    &f.pct,
                )?;
            }
            _ => {
                for c in 9..12 {
                    s.text(c, "-", &f.text)?;
                }
            }
        }
        s.next();
    }
    Ok(n)
}

pub(super) fn lampiran_ii(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let (t, l) = (m.identitas.tahun, m.identitas.tahun - 1);
    let mut s = Sheet::new(ws, &[6.0, 34.0, 36.0, 12.0, 12.0, 11.0, 16.0, 16.0], paper);
    s.titles(&titles(m, 2, "Perbandingan capaian kinerja dengan tahun sebelumnya"), f)?;
    let (a, b, c, d) = (
        format!("Capaian {l} (%)"),
        format!("Capaian {t} (%)"),
        format!("Pagu {l} (Rp)"),
        format!("Pagu {t} (Rp)"),
    );
    s.header(
        &[vec![
            ("No", 1, 1),
            ("Program", 1, 1),
            ("Indikator Kinerja", 1, 1),
            (&a, 1, 1),
            (&b, 1, 1),
            ("Selisih", 1, 1),
            (&c, 1, 1),
            (&d, 1, 1),
        ]],
        f,
    )?;
    for (i, p) in m.programs.iter().enumerate() {
        for (j, ind) in p.indikator.iter().enumerate() {
            let prev = ind.riwayat.iter().find(|r| r.tahun == l).and_then(|r| r.capaian);
            s.text(0, &if j == 0 { (i + 1).to_string() } else { String::new() }, &f.text)?;
            s.text(1, if j == 0 { &p.nama } else { "" }, &f.text)?;
            s.text(2, &ind.uraian, &f.text)?;
            match prev {
                Some(v) => s.number(3, v, &f.pct)?,
                None => s.text(3, "-", &f.text)?,
            }
            match ind.capaian {
                Some(v) => s.number(4, v, &f.pct)?,
                None => s.text(4, "-", &f.text)?,
            }
            match (prev, ind.capaian) {
                (Some(a), Some(b)) => s.formula(5, format!("=E{r}-D{r}", r = s.row + 1), Some(b - a), &f.pct)?,
                _ => s.text(5, "-", &f.text)?,
            }
            match p.lalu.as_ref().filter(|_| j == 0) {
                Some(x) => s.number(6, x.pagu, &f.money)?,
                None => s.text(6, if j == 0 { "-" } else { "" }, &f.text)?,
            }
            if j == 0 {
                s.number(7, p.pagu, &f.money)?;
            } else {
                s.text(7, "", &f.text)?;
            }
            s.next();
        }
    }
    Ok(())
}

pub(super) fn lampiran_iii(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let mut s = Sheet::new(ws, &[7.0, 50.0, 14.0, 14.0, 11.0, 16.0], paper);
    s.titles(
        &titles(m, 3, "Indikator kinerja kegiatan dan efisiensi penggunaan dana"),
        f,
    )?;
    s.header(
        &[vec![
            ("No", 1, 1),
            ("Program / Kegiatan", 1, 1),
            ("Capaian Kinerja (%)", 1, 1),
            ("Serapan Anggaran (%)", 1, 1),
            ("Selisih", 1, 1),
            ("Keterangan", 1, 1),
        ]],
        f,
    )?;
    let row = |s: &mut Sheet,
               no: String,
               nama: &str,
               cap: Option<Decimal>,
               ser: Option<Decimal>,
               bold: bool|
     -> Result<(), XlsxError> {
        s.text(0, &no, if bold { &f.bold } else { &f.text })?;
        s.text(1, nama, if bold { &f.bold } else { &f.text })?;
        match cap {
            Some(v) => s.number(2, v, &f.pct)?,
            None => s.text(2, "-", &f.text)?,
        }
        match ser {
            Some(v) => s.number(3, v, &f.pct)?,
            None => s.text(3, "-", &f.text)?,
        }
        let r = s.row + 1;
        match (cap, ser) {
            (Some(a), Some(b)) => {
                s.formula(4, format!("=C{r}-D{r}"), Some(a - b), &f.pct)?;
                let ok = round2(a) >= round2(b);
                let mut fo = Formula::new(format!(
                    "=IF(ROUND(C{r},2)>=ROUND(D{r},2),\"Efisien\",\"Kurang efisien\")"
                ));
                fo = fo.set_result(if ok { "Efisien" } else { "Kurang efisien" });
                s.ws.write_formula_with_format(s.row, 5, fo, &f.text)?;
            }
            _ => {
                s.text(4, "-", &f.text)?;
                s.text(5, "-", &f.text)?;
            }
        }
        s.next();
        Ok(())
    };
    for (i, p) in m.programs.iter().enumerate() {
        row(&mut s, format!("{}", i + 1), &p.nama, p.capaian_kinerja, p.persen, true)?;
        for (j, k) in p.kegiatan.iter().enumerate() {
            row(
                &mut s,
                format!("{}.{}", i + 1, j + 1),
                &k.nama,
                k.capaian_kinerja,
                k.persen,
                false,
            )?;
        }
    }
    Ok(())
}

pub(super) fn lampiran_iv(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let (t, l) = (m.identitas.tahun, m.identitas.tahun - 1);
    let mut s = Sheet::new(ws, &[6.0, 40.0, 36.0, 11.0, 11.0, 11.0, 16.0, 16.0], paper);
    s.titles(&titles(m, 4, "Perbandingan keluaran (output) sub kegiatan"), f)?;
    let (a, b) = (format!("Realisasi {l} (Rp)"), format!("Realisasi {t} (Rp)"));
    s.header(
        &[vec![
            ("No", 1, 1),
            ("Sub Kegiatan", 1, 1),
            ("Indikator Keluaran", 1, 1),
            ("Target", 1, 1),
            ("Realisasi", 1, 1),
            ("Capaian (%)", 1, 1),
            (&a, 1, 1),
            (&b, 1, 1),
        ]],
        f,
    )?;
    let mut no = 0;
    for p in &m.programs {
        for k in &p.kegiatan {
            for sk in &k.sub_kegiatan {
                no += 1;
                s.text(0, &no.to_string(), &f.text)?;
                s.text(1, &sk.nama, &f.text)?;
                match sk.indikator.first() {
                    Some(ind) => {
                        s.text(2, &ind.uraian, &f.text)?;
                        s.target(3, &ind.target, f)?;
                        s.target(4, &ind.realisasi, f)?;
                        s.capaian(5, 3, 4, ind, f)?;
                    }
                    None => {
                        for c in 2..6 {
                            s.text(c, "-", &f.text)?;
                        }
                    }
                }
                match &sk.lalu {
                    Some(x) => s.number(6, x.realisasi, &f.money)?,
                    None => s.text(6, "-", &f.text)?,
                }
                s.number(7, sk.realisasi, &f.money)?;
                s.next();
            }
        }
    }
    Ok(())
}

pub(super) fn lampiran_ix(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let t = m.identitas.tahun;
    let mut s = Sheet::new(ws, &[20.0, 44.0, 40.0, 14.0, 16.0, 16.0, 16.0], paper);
    s.titles(&titles(m, 9, &format!("Rencana kerja (Renja) perubahan tahun {t}")), f)?;
    let (a, b, c) = (format!("RKPD {t}"), format!("APBD {t}"), format!("RKPD Perubahan {t}"));
    s.header(
        &[
            vec![
                ("Kode", 1, 2),
                ("Urusan / Program / Kegiatan / Sub Kegiatan", 1, 2),
                ("Indikator", 1, 2),
                ("Target", 1, 2),
                ("Pagu Indikatif (Rp)", 3, 1),
            ],
            vec![(&a, 1, 1), (&b, 1, 1), (&c, 1, 1)],
        ],
        f,
    )?;
    for e in &m.renja {
        let bold = matches!(e.level, Level::Urusan | Level::BidangUrusan | Level::Program);
        let tf = if bold { &f.bold } else { &f.text };
        s.text(0, e.kode.as_str(), tf)?;
        s.text(1, &e.nama, tf)?;
        s.text(
            2,
            &e.indikator
                .iter()
                .map(|i| i.uraian.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            &f.text,
        )?;
        s.text(
            3,
            &e.indikator
                .iter()
                .map(|i| i.target.as_ref().map(|t| t.teks.clone()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n"),
            &f.text,
        )?;
        for (col, v) in [(4, e.pagu_rkpd), (5, e.pagu_apbd), (6, e.pagu_perubahan)] {
            match v {
                Some(d) => s.number(col, d, if bold { &f.money_bold } else { &f.money })?,
                None => s.text(col, "", &f.text)?,
            }
        }
        s.next();
    }
    Ok(())
}

pub(super) fn lampiran_x(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let mut s = Sheet::new(ws, &[6.0, 50.0, 44.0, 16.0], paper);
    s.titles(
        &titles(m, 10, &format!("Perjanjian kinerja tahun {}", m.identitas.tahun)),
        f,
    )?;
    s.header(
        &[vec![
            ("No", 1, 1),
            ("Tujuan / Sasaran Strategis", 1, 1),
            ("Indikator Kinerja", 1, 1),
            ("Target", 1, 1),
        ]],
        f,
    )?;
    for (i, pk) in m.perjanjian_kinerja.iter().enumerate() {
        s.text(0, &format!("{}.", i + 1), &f.text)?;
        s.text(1, &pk.uraian, &f.text)?;
        s.text(2, &pk.indikator.uraian, &f.text)?;
        s.target(3, &pk.indikator.target, f)?;
        s.next();
    }
    s.next();
    for (c, h) in ["No", "Program", "Anggaran (Rp)", ""].iter().enumerate() {
        if !h.is_empty() {
            s.text(c as u16, h, &f.head)?;
        }
    }
    s.next();
    let first = s.row;
    for (i, p) in m.programs.iter().enumerate() {
        s.text(0, &format!("{}.", i + 1), &f.text)?;
        s.text(1, &p.nama, &f.text)?;
        s.number(2, p.pagu, &f.money)?;
        s.next();
    }
    s.text(0, "", &f.bold)?;
    s.text(1, "JUMLAH", &f.bold)?;
    s.formula(
        2,
        format!("=SUM(C{}:C{})", first + 1, s.row),
        Some(m.ringkasan.pagu),
        &f.money_bold,
    )?;
    Ok(())
}

pub(super) fn lampiran_xi(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let mut s = Sheet::new(ws, &[18.0, 34.0, 34.0, 11.0, 30.0, 30.0, 11.0, 10.0, 20.0], paper);
    s.titles(
        &titles(m, 11, &format!("Form 2 pengukuran kinerja tahun {}", m.identitas.tahun)),
        f,
    )?;
    s.header(
        &[vec![
            ("Kode", 1, 1),
            ("Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", 1, 1),
            ("Indikator Kinerja", 1, 1),
            ("Target", 1, 1),
            ("Formulasi", 1, 1),
            ("Teknis Perhitungan", 1, 1),
            ("Realisasi", 1, 1),
            ("Capaian (%)", 1, 1),
            ("Keterangan", 1, 1),
        ]],
        f,
    )?;
    let row = |s: &mut Sheet, kode: &str, uraian: &str, i: &Indikator, bold: bool| -> Result<(), XlsxError> {
        let tf = if bold { &f.bold } else { &f.text };
        s.text(0, kode, tf)?;
        s.text(1, uraian, tf)?;
        s.text(2, &i.uraian, &f.text)?;
        s.target(3, &i.target, f)?;
        s.text(4, &i.formulasi, &f.text)?;
        s.text(5, &i.teknis_perhitungan, &f.text)?;
        s.target(6, &i.realisasi, f)?;
        s.capaian(7, 3, 6, i, f)?;
        s.text(8, &i.keterangan, &f.text)?;
        s.next();
        Ok(())
    };
    // numbered as the form numbers them, as in the PDF
    for (no, pk) in m.perjanjian_kinerja.iter().enumerate() {
        row(&mut s, &(no + 1).to_string(), &pk.uraian, &pk.indikator, true)?;
    }
    for p in &m.programs {
        for i in &p.indikator {
            row(&mut s, p.kode.as_str(), &p.nama, i, true)?;
        }
        for k in &p.kegiatan {
            for i in &k.indikator {
                row(&mut s, k.kode.as_str(), &k.nama, i, false)?;
            }
            for sk in &k.sub_kegiatan {
                for i in &sk.indikator {
                    row(&mut s, sk.kode.as_str(), &sk.nama, i, false)?;
                }
            }
        }
    }
    Ok(())
}

/// Lampiran XII: the realization report; sub kegiatan are values, kegiatan
/// `SUM` their sub kegiatan, programs `SUM` their kegiatan, the Total `SUM`s
/// the programs; % and sisa are formulas on every row.
pub(super) fn lampiran_xii(ws: &mut Worksheet, m: &ReportModel, f: &Fmt, paper: u8) -> Result<(), XlsxError> {
    let t = m.identitas.tahun;
    let mut s = Sheet::new(ws, &[20.0, 56.0, 17.0, 17.0, 9.0, 10.0, 10.0, 17.0], paper);
    s.titles(
        &titles(
            m,
            12,
            &format!("Laporan realisasi fisik dan keuangan bulan Desember tahun {t}"),
        ),
        f,
    )?;
    s.header(
        &[
            vec![
                ("Kode", 1, 2),
                ("Program / Kegiatan / Sub Kegiatan", 1, 2),
                ("Anggaran (Rp)", 1, 2),
                ("Realisasi", 2, 1),
                ("Realisasi Fisik", 2, 1),
                ("Sisa Pagu (Rp)", 1, 2),
            ],
            vec![("Rp", 1, 1), ("%", 1, 1), ("Target (%)", 1, 1), ("Realisasi (%)", 1, 1)],
        ],
        f,
    )?;
    let pct = |s: &mut Sheet, v: Option<Decimal>, bold: bool| -> Result<(), XlsxError> {
        let r = s.row + 1;
        s.formula(
            4,
            format!("=IF(C{r}=0,0,D{r}/C{r}*100)"),
            v,
            if bold { &f.pct_bold } else { &f.pct },
        )
    };
    let sisa = |s: &mut Sheet, v: Decimal, bold: bool| -> Result<(), XlsxError> {
        let r = s.row + 1;
        s.formula(
            7,
            format!("=C{r}-D{r}"),
            Some(v),
            if bold { &f.money_bold } else { &f.money },
        )
    };
    let mut program_rows = Vec::new();
    for p in &m.programs {
        let prow = s.row;
        program_rows.push(prow);
        s.next();
        let mut keg_rows = Vec::new();
        for k in &p.kegiatan {
            let krow = s.row;
            keg_rows.push(krow);
            s.next();
            for sk in &k.sub_kegiatan {
                s.text(0, sk.kode_realisasi.as_str(), &f.text)?;
                s.text(1, &sk.nama, &f.text)?;
                s.number(2, sk.pagu, &f.money)?;
                s.number(3, sk.realisasi, &f.money)?;
                pct(&mut s, sk.persen, false)?;
                for (col, v) in [(5, sk.fisik_target), (6, sk.fisik_realisasi)] {
                    match v {
                        Some(x) => s.number(col, x, &f.pct)?,
                        None => s.text(col, "", &f.text)?,
                    }
                }
                sisa(&mut s, sk.sisa, false)?;
                s.next();
            }
            let end = s.row;
            s.row = krow;
            s.text(0, k.kode_realisasi.as_str(), &f.text)?;
            s.text(1, &k.nama, &f.text)?;
            if k.sub_kegiatan.is_empty() {
                s.number(2, k.pagu, &f.money)?;
                s.number(3, k.realisasi, &f.money)?;
            } else {
                s.formula(2, format!("=SUM(C{}:C{})", krow + 2, end), Some(k.pagu), &f.money)?;
                s.formula(3, format!("=SUM(D{}:D{})", krow + 2, end), Some(k.realisasi), &f.money)?;
            }
            pct(&mut s, k.persen, false)?;
            s.text(5, "", &f.text)?;
            s.text(6, "", &f.text)?;
            sisa(&mut s, k.sisa, false)?;
            s.row = end;
        }
        let end = s.row;
        s.row = prow;
        s.text(0, p.kode_realisasi.as_str(), &f.bold)?;
        s.text(1, &p.nama, &f.bold)?;
        let refs = |col: char| cell_list(col, &keg_rows);
        s.formula(2, format!("=SUM({})", refs('C')), Some(p.pagu), &f.money_bold)?;
        s.formula(3, format!("=SUM({})", refs('D')), Some(p.realisasi), &f.money_bold)?;
        pct(&mut s, p.persen, true)?;
        s.text(5, "", &f.text)?;
        s.text(6, "", &f.text)?;
        sisa(&mut s, p.sisa, true)?;
        s.row = end;
    }
    s.text(0, "", &f.bold)?;
    s.text(1, "Total", &f.bold)?;
    let refs = |col: char| cell_list(col, &program_rows);
    s.formula(2, format!("=SUM({})", refs('C')), Some(m.ringkasan.pagu), &f.money_bold)?;
    s.formula(
        3,
        format!("=SUM({})", refs('D')),
        Some(m.ringkasan.realisasi),
        &f.money_bold,
    )?;
    pct(&mut s, m.hasil.persen_realisasi, true)?;
    s.text(5, "", &f.text)?;
    s.text(6, "", &f.text)?;
    sisa(&mut s, m.ringkasan.sisa, true)?;
    Ok(())
}
