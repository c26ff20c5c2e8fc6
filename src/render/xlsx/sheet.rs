//! The writing helpers of the lampiran workbook: its cell formats, A1
//! references, cached results, and a sheet written row by row.

use super::*;

/// The cell formats of the workbook.
pub(super) struct Fmt {
    pub(super) title: Format,
    pub(super) head: Format,
    pub(super) text: Format,
    pub(super) bold: Format,
    pub(super) money: Format,
    pub(super) money_bold: Format,
    pub(super) pct: Format,
    pub(super) pct_bold: Format,
    pub(super) num: Format,
}

impl Fmt {
    pub(super) fn new() -> Fmt {
        let cell = || {
            Format::new()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top)
        };
        Fmt {
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            head: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("D9D9D9"),
            text: cell(),
            bold: cell().set_bold(),
            money: cell().set_num_format("#,##0"),
            money_bold: cell().set_num_format("#,##0").set_bold(),
            pct: cell().set_num_format("0.00"),
            pct_bold: cell().set_num_format("0.00").set_bold(),
            num: cell().set_num_format("#,##0.##"),
        }
    }
}

pub(super) fn a1(row: u32, col: u16) -> String {
    format!("{}{}", column_name(u32::from(col)), row + 1)
}

/// `G5,G9,G14`: the cells of column `col` in the given (0-based) rows, for
/// a `SUM` over rows that are not contiguous.
pub(super) fn cell_list(col: char, rows: &[u32]) -> String {
    rows.iter()
        .map(|r| format!("{col}{}", r + 1))
        .collect::<Vec<_>>()
        .join(",")
}

pub(super) fn dec(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

pub(super) fn cached(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A sheet being written: title rows, a header with spans, then rows.
pub(super) struct Sheet<'a> {
    pub(super) ws: &'a mut Worksheet,
    pub(super) row: u32,
    pub(super) width: u16,
    pub(super) widths: Vec<f64>,
    /// Lines the tallest wrapped cell of the current row needs: viewers do
    /// not grow rows for wrapped text on their own.
    pub(super) lines: u32,
}

impl<'a> Sheet<'a> {
    pub(super) fn new(ws: &'a mut Worksheet, widths: &[f64], paper: u8) -> Sheet<'a> {
        for (i, w) in widths.iter().enumerate() {
            let _ = ws.set_column_width(i as u16, *w);
        }
        ws.set_landscape();
        ws.set_paper_size(paper);
        ws.set_print_fit_to_pages(1, 0);
        Sheet {
            ws,
            row: 0,
            width: widths.len() as u16,
            widths: widths.to_vec(),
            lines: 1,
        }
    }

    pub(super) fn titles(&mut self, lines: &[String], f: &Fmt) -> Result<(), XlsxError> {
        for l in lines {
            self.ws
                .merge_range(self.row, 0, self.row, self.width - 1, l, &f.title)?;
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    /// Header rows of (text, colspan, rowspan); freezes and repeats them.
    pub(super) fn header(&mut self, rows: &[Vec<(&str, u16, u32)>], f: &Fmt) -> Result<(), XlsxError> {
        let first = self.row;
        let mut taken: Vec<Vec<bool>> = vec![vec![false; self.width as usize]; rows.len()];
        for (ri, cells) in rows.iter().enumerate() {
            let mut col = 0u16;
            for (text, cs, rs) in cells {
                while (col as usize) < taken[ri].len() && taken[ri][col as usize] {
                    col += 1;
                }
                let (r0, c0) = (first + ri as u32, col);
                let (r1, c1) = (r0 + rs - 1, c0 + cs - 1);
                if r1 > r0 || c1 > c0 {
                    self.ws.merge_range(r0, c0, r1, c1, text, &f.head)?;
                } else {
                    self.ws.write_string_with_format(r0, c0, *text, &f.head)?;
                }
                for row in taken.iter_mut().skip(ri).take(*rs as usize) {
                    for cc in c0..=c1 {
                        if let Some(x) = row.get_mut(cc as usize) {
                            *x = true;
                        }
                    }
                }
                col = c1 + 1;
            }
        }
        for r in first..first + rows.len() as u32 {
            self.ws.set_row_height(r, 30)?;
        }
        self.row = first + rows.len() as u32;
        self.ws.set_freeze_panes(self.row, 0)?;
        self.ws.set_repeat_rows(first, self.row - 1)?;
        Ok(())
    }

    pub(super) fn text(&mut self, col: u16, s: &str, fmt: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(self.row, col, s, fmt)?;
        let per_line = self.widths.get(col as usize).copied().unwrap_or(10.0).max(4.0) * 1.1;
        let lines: u32 = s
            .split('\n')
            .map(|l| ((l.chars().count() as f64 / per_line).ceil() as u32).max(1))
            .sum();
        self.lines = self.lines.max(lines);
        Ok(())
    }

    pub(super) fn number(&mut self, col: u16, d: Decimal, fmt: &Format) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(self.row, col, dec(d), fmt)?;
        Ok(())
    }

    pub(super) fn formula(
        &mut self,
        col: u16,
        formula: String,
        result: Option<Decimal>,
        fmt: &Format,
    ) -> Result<(), XlsxError> {
        let mut fo = Formula::new(formula);
        if let Some(r) = result {
            fo = fo.set_result(cached(r));
        }
        self.ws.write_formula_with_format(self.row, col, fo, fmt)?;
        Ok(())
    }

    /// A target or realization: its number when it has one, else its text.
    pub(super) fn target(&mut self, col: u16, t: &Target, f: &Fmt) -> Result<(), XlsxError> {
        match t.nilai {
            Some(v) => self.number(col, v, &f.num),
            None => self.text(col, if t.teks.is_empty() { "-" } else { &t.teks }, &f.text),
        }
    }

    /// Capaian of an indicator whose target and realization sit in
    /// `t_col`/`r_col` of this row: a formula for numeric indicators (R/T or
    /// T/R by arah), the computed value for levels.
    pub(super) fn capaian(
        &mut self,
        col: u16,
        t_col: u16,
        r_col: u16,
        i: &Indikator,
        f: &Fmt,
    ) -> Result<(), XlsxError> {
        let (t, r) = (a1(self.row, t_col), a1(self.row, r_col));
        let numeric = i.target.nilai.is_some() && i.realisasi.nilai.is_some();
        match (&i.arah, numeric, i.capaian) {
            (Arah::Naik, true, c) => self.formula(col, format!("=IF({t}=0,\"\",{r}/{t}*100)"), c, &f.pct),
            (Arah::Turun, true, c) if i.realisasi.nilai.is_some_and(|v| !v.is_zero()) => {
                self.formula(col, format!("=IF({r}=0,\"\",{t}/{r}*100)"), c, &f.pct)
            }
            (_, _, Some(c)) => self.number(col, c, &f.pct),
            _ => self.text(col, "-", &f.text),
        }
    }

    pub(super) fn next(&mut self) {
        if self.lines > 1 {
            let _ = self.ws.set_row_height(self.row, 15.0 * f64::from(self.lines.min(40)));
        }
        self.lines = 1;
        self.row += 1;
    }
}
