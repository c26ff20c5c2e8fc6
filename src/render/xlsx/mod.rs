//! The lampiran workbook: Lampiran I–XII as a working spreadsheet. Inputs
//! are values; every derived cell (capaian, %, sisa, totals, averages) is a
//! formula with its cached result, so viewers that do not recalculate still
//! show the numbers and a reviewer can recompute them.

pub mod evaluasi;
mod lampiran;
mod sheet;

use super::{Output, RenderContext, Renderer, Report};
use crate::angka::round2;
use crate::finding::{Finding, Location, Severity};
use crate::ingest::cell::column_name;
use crate::model::Arah;
use crate::model::{Indikator, ReportModel};
use crate::model::{Level, Target};
use lampiran::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};
use sheet::{Fmt, Sheet};
use std::time::Instant;

/// Writes `Lampiran-LKjIP-<kode>-<tahun>.xlsx`.
pub struct XlsxRenderer;

impl XlsxRenderer {
    /// `Lampiran-LKjIP-<kode>-<tahun>.xlsx`.
    pub fn file_name(m: &crate::model::ReportModel) -> String {
        format!("Lampiran-LKjIP-{}-{}.xlsx", m.identitas.kode, m.identitas.tahun)
    }
}

fn roman(i: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][i - 1]
}

fn titles(m: &ReportModel, no: usize, what: &str) -> Vec<String> {
    vec![
        format!("LAMPIRAN {}", roman(no)),
        what.to_uppercase(),
        format!("{} {}", m.identitas.nama_opd, m.identitas.pemerintah_daerah).to_uppercase(),
    ]
}

/// Excel paper sizes: 9 = A4, 14 = Folio 8½ × 13 in (F4, 215 × 330 mm).
pub fn paper_code(kertas: &str) -> u8 {
    if kertas.eq_ignore_ascii_case("F4") { 14 } else { 9 }
}

/// A workbook titled `title`, authored by this lkjip and dated with the
/// report's date (so the same inputs give the same bytes).
fn new_workbook(m: &ReportModel, title: String) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let (y, mo, d) = crate::config::parse_date(&m.identitas.tanggal).unwrap_or((m.identitas.tahun + 1, 1, 1));
    let date = ExcelDateTime::from_ymd(u16::try_from(y).unwrap_or(2025), mo as u8, d as u8)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author(format!("lkjip {}", crate::VERSION))
            .set_creation_datetime(&date),
    );
    Ok(wb)
}

fn workbook(m: &ReportModel, paper: u8) -> Result<Vec<u8>, XlsxError> {
    let f = Fmt::new();
    let mut wb = new_workbook(
        m,
        format!("Lampiran LKjIP {} Tahun {}", m.identitas.nama_opd, m.identitas.tahun),
    )?;
    identitas(wb.add_worksheet().set_name("Identitas")?, m, &f)?;
    lampiran_i(wb.add_worksheet().set_name("Lampiran I")?, m, &f, paper)?;
    lampiran_ii(wb.add_worksheet().set_name("Lampiran II")?, m, &f, paper)?;
    lampiran_iii(wb.add_worksheet().set_name("Lampiran III")?, m, &f, paper)?;
    lampiran_iv(wb.add_worksheet().set_name("Lampiran IV")?, m, &f, paper)?;
    for (no, what, unit) in [
        (
            5,
            "Jumlah program prioritas yang tercapai sesuai target",
            "Program Prioritas",
        ),
        (
            6,
            "Jumlah kegiatan prioritas yang tercapai sesuai target",
            "Kegiatan Prioritas",
        ),
        (
            7,
            "Jumlah proyek prioritas strategis yang tercapai sesuai target",
            "PPS",
        ),
        (8, "Jumlah proyek strategis nasional yang tercapai sesuai target", "PSN"),
    ] {
        let ws = wb.add_worksheet().set_name(format!("Lampiran {}", roman(no)))?;
        let mut s = Sheet::new(ws, &[6.0, 40.0, 24.0, 24.0, 10.0], paper);
        s.titles(&titles(m, no, what), &f)?;
        let a = format!("Target Jumlah {unit} yang mencapai Target");
        let b = format!("Realisasi {unit} yang mencapai target");
        s.header(
            &[vec![
                ("No.", 1, 1),
                ("Unit Kerja", 1, 1),
                (&a, 1, 1),
                (&b, 1, 1),
                ("%", 1, 1),
            ]],
            &f,
        )?;
        for c in 0..5 {
            s.text(c, "-", &f.text)?;
        }
        s.next();
        s.ws.merge_range(s.row, 0, s.row, 1, "JUMLAH", &f.bold)?;
        for c in 2..5 {
            s.text(c, "", &f.text)?;
        }
    }
    lampiran_ix(wb.add_worksheet().set_name("Lampiran IX")?, m, &f, paper)?;
    lampiran_x(wb.add_worksheet().set_name("Lampiran X")?, m, &f, paper)?;
    lampiran_xi(wb.add_worksheet().set_name("Lampiran XI")?, m, &f, paper)?;
    lampiran_xii(wb.add_worksheet().set_name("Lampiran XII")?, m, &f, paper)?;
    // the Evaluasi Renja of quarter IV, as `build --triwulan 4` writes it,
    // where the year has quarters (the PDF's Lampiran XIII)
    if m.has_quarters() {
        evaluasi::form(wb.add_worksheet().set_name("Lampiran XIII")?, m, 4, &f, paper)?;
    }
    wb.save_to_buffer()
}

fn identitas(ws: &mut Worksheet, m: &ReportModel, f: &Fmt) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 70)?;
    let id = &m.identitas;
    let rows = [
        (
            "Laporan",
            format!(
                "Lampiran Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {}",
                id.tahun
            ),
        ),
        ("Perangkat daerah", id.nama_opd.clone()),
        ("Pemerintah daerah", id.pemerintah_daerah.clone()),
        ("Tahun", id.tahun.to_string()),
        ("Tanggal laporan", id.tanggal_teks.clone()),
        ("Dibuat dengan", format!("lkjip {}", crate::VERSION)),
    ];
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, *k, &f.bold)?;
        ws.write_string_with_format(i as u32, 1, v, &f.text)?;
    }
    let r = rows.len() as u32 + 1;
    ws.write_string_with_format(r, 0, "Berkas masukan", &f.head)?;
    ws.write_string_with_format(r, 1, "SHA-256", &f.head)?;
    ws.set_column_width(2, 30)?;
    ws.write_string_with_format(r, 2, "Peran", &f.head)?;
    for (i, s) in m.sumber.iter().enumerate() {
        let row = r + 1 + i as u32;
        ws.write_string_with_format(row, 0, &s.berkas, &f.text)?;
        ws.write_string_with_format(row, 1, &s.sha256, &f.text)?;
        ws.write_string_with_format(row, 2, s.peran.label(), &f.text)?;
    }
    Ok(())
}

impl Renderer for XlsxRenderer {
    fn name(&self) -> &'static str {
        "xlsx"
    }

    fn beside_pdf(&self) -> bool {
        true
    }

    fn render(&self, ctx: &RenderContext, report: &mut Report) -> Result<Vec<Output>, Vec<Finding>> {
        let t0 = Instant::now();
        let paper = paper_code(ctx.config.laporan.kertas.as_deref().unwrap_or("A4"));
        let bytes = workbook(ctx.model, paper).map_err(|e| {
            vec![Finding {
                severity: Severity::Error,
                code: "xlsx-failed",
                location: Location::file("lampiran.xlsx"),
                message: format!("workbook lampiran tidak dapat dibuat: {e}"),
                kunci: Vec::new(),
            }]
        })?;
        report.timings.push(("XLSX", t0.elapsed()));
        Ok(vec![Output {
            file_name: XlsxRenderer::file_name(ctx.model),
            bytes,
            pages: None,
        }])
    }
}
