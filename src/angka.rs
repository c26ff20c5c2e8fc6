//! Base: Decimal arithmetic every stage shares — the one rounding rule of
//! displayed percentages, and the ratios and means that must not overflow
//! on a hostile workbook.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half up to two decimals, as every displayed percentage is.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn ratios_round_half_up() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(persen(d("321623110"), d("348934400")).map(round2), Some(d("92.17")));
        assert_eq!(persen(d("1"), Decimal::ZERO), None);
        assert_eq!(round2(d("71.905")), d("71.91"));
        assert_eq!(mean(&[d("1"), d("2")]), Some(d("1.5")));
        assert_eq!(mean(&[]), None);
    }
}
