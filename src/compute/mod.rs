//! Stage 3, compute: every derived figure of the report (capaian, predikat,
//! kategori, rollups, SPM index, efektivitas, efisiensi, year-on-year) and
//! every inconsistency between what the inputs print and what they imply.
//!
//! [`check_inputs`] looks at the printed figures of the raw tables (totals,
//! percentages) before the model is built; [`derive()`] fills the computed
//! fields of the model and checks what only the model can tell.

pub mod capaian;
pub mod rules;

mod budget;
mod performance;
mod spm;

use crate::finding::Findings;
use crate::load::Inputs;
use crate::model::ReportModel;
pub use rules::Rules;
use rust_decimal::Decimal;

/// The mean, or `None` for no values (or a sum beyond the decimal range,
/// which only a hostile workbook can reach).
pub fn mean(v: &[Decimal]) -> Option<Decimal> {
    let sum = v.iter().try_fold(Decimal::ZERO, |acc, x| acc.checked_add(*x))?;
    sum.checked_div(Decimal::from(v.len()))
}

/// `part / whole × 100`, or `None` when `whole` is zero.
pub fn persen(part: Decimal, whole: Decimal) -> Option<Decimal> {
    // checked: a hostile workbook must not make the division overflow
    part.checked_div(whole)?.checked_mul(Decimal::ONE_HUNDRED)
}

/// Indonesian display of a percentage: half-up to two decimals, comma,
/// thousands grouped (`6.110,00`).
pub fn fmt_persen(d: Decimal) -> String {
    let r = capaian::round2(d);
    let s = format!("{r:.2}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, digits) = int.strip_prefix('-').map(|x| ("-", x)).unwrap_or(("", int));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    format!("{sign}{out},{frac}")
}

/// Indonesian display of an amount: `9.521.256.875` (decimals kept when
/// there are any: `1.234,5`).
pub fn fmt_rupiah(d: Decimal) -> String {
    let d = d.normalize();
    let neg = d.is_sign_negative() && !d.is_zero();
    let s = d.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    if neg { format!("-{out}") } else { out }
}

/// Checks the figures the input workbooks print against what their own rows
/// imply (totals, percentages, sisa, realisasi over pagu).
pub fn check_inputs(inputs: &Inputs, rules: &Rules, f: &mut Findings) {
    if let Some(r) = &inputs.realisasi {
        budget::check_realisasi(r, rules, false, f);
    }
    if let Some(r) = &inputs.realisasi_lalu {
        budget::check_realisasi(r, rules, true, f);
    }
    if let Some(r) = &inputs.renja {
        budget::check_renja(r, f);
    }
}

/// Fills the computed fields of the model and reports what only the model
/// can tell (capaian far above target, missing realization, PK vs Renstra,
/// printed capaian and SPM figures vs recomputed ones).
pub fn derive(m: &mut ReportModel, rules: &Rules, f: &mut Findings) {
    performance::indicators(m, rules, f);
    budget::derive(m, rules, f);
    performance::groups(m, rules);
    spm::derive(m, rules, f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn displayed_numbers() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(fmt_persen(d("92.30612")), "92,31");
        assert_eq!(fmt_persen(d("71.905")), "71,91", "half up");
        assert_eq!(fmt_persen(d("6110")), "6.110,00");
        assert_eq!(fmt_persen(d("-1758")), "-1.758,00");
        assert_eq!(fmt_persen(d("0")), "0,00");
        assert_eq!(fmt_rupiah(d("9521256875")), "9.521.256.875");
        assert_eq!(fmt_rupiah(d("10314852053.00")), "10.314.852.053");
        assert_eq!(fmt_rupiah(d("-242280000")), "-242.280.000");
        assert_eq!(fmt_rupiah(d("999")), "999");
        assert_eq!(fmt_rupiah(d("1234.5")), "1.234,5");
        assert_eq!(
            persen(d("321623110"), d("348934400")).map(capaian::round2),
            Some(d("92.17"))
        );
        assert_eq!(persen(d("1"), Decimal::ZERO), None);
    }
}
