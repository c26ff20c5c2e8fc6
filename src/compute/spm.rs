//! SPM index (Permendagri 59/2021): per jenis layanan
//! 0,8 × % penerima + 0,2 × % mutu, % mutu the mean of the items; the OPD
//! index is the mean over jenis layanan. Printed figures are compared.

use super::Rules;
use super::budget::differs;
use crate::angka::{persen, round2};
use crate::finding::{Findings, Location};
use crate::model::Layanan;
use crate::model::ReportModel;
use crate::tampil::fmt_persen;
use rust_decimal::Decimal;

/// % served; where nothing is to be served the printed percentage is used.
fn served(l: &Layanan) -> Option<Decimal> {
    persen(l.terlayani, l.harus).or(l.persen_tercetak)
}

fn mismatch(f: &mut Findings, loc: Location, what: String, printed: Decimal, computed: Decimal, rules: &Rules) {
    if differs(printed, computed, rules) {
        f.warning(
            "spm-mismatch",
            loc,
            format!(
                "{what} tercetak {} %, hasil hitung {} %",
                fmt_persen(printed),
                fmt_persen(computed)
            ),
        );
    }
}

pub fn derive(m: &mut ReportModel, rules: &Rules, f: &mut Findings) {
    let Some(spm) = &mut m.spm else { return };
    let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
    let (w_penerima, w_mutu) = (d("0.8"), d("0.2"));
    let mut indeks = Vec::new();
    for j in &mut spm.jenis_layanan {
        let mut items = Vec::new();
        for item in &mut j.mutu {
            item.persen = served(item);
            match (item.persen, item.persen_tercetak) {
                (Some(c), Some(p)) if !item.harus.is_zero() => mismatch(
                    f,
                    item.lokasi.clone(),
                    format!("persentase mutu \"{}\"", crate::tampil::short(&item.uraian)),
                    p,
                    c,
                    rules,
                ),
                (None, _) => {
                    f.warning(
                        "spm-item-empty",
                        item.lokasi.clone(),
                        "butir mutu tanpa jumlah yang harus dilayani dan tanpa persentase tercetak: tidak dihitung"
                            .to_string(),
                    );
                }
                _ => {}
            }
            items.extend(item.persen);
        }
        let penerima = j.penerima.as_mut().and_then(|p| {
            p.persen = served(p);
            p.persen
        });
        // the e-SPM application rounds % mutu and each index to two decimals
        // before it averages them (reference: 97,40, not 97,41)
        let step = |d: Decimal| if rules.spm_bertahap { round2(d) } else { d };
        let mutu = crate::angka::mean(&items).map(step);
        j.persen_penerima = penerima.map(step);
        j.persen_mutu = mutu;
        j.indeks = j
            .persen_penerima
            .zip(mutu)
            .map(|(p, q)| step(w_penerima * p + w_mutu * q));
        let penerima = j.persen_penerima;
        let loc = j.lokasi.clone();
        if let (Some(p), Some(c)) = (j.mutu_tercetak, mutu) {
            mismatch(f, loc.clone(), format!("rata-rata mutu \"{}\"", j.nama), p, c, rules);
        }
        if let (Some(p), Some(c)) = (j.persen_penerima_tertimbang_tercetak, penerima) {
            mismatch(
                f,
                loc.clone(),
                format!("penerima tertimbang (80 %) \"{}\"", j.nama),
                p,
                w_penerima * c,
                rules,
            );
        }
        if let (Some(p), Some(c)) = (j.persen_mutu_tertimbang_tercetak, mutu) {
            mismatch(
                f,
                loc.clone(),
                format!("mutu tertimbang (20 %) \"{}\"", j.nama),
                p,
                w_mutu * c,
                rules,
            );
        }
        if let (Some(p), Some(c)) = (j.tercetak, j.indeks) {
            mismatch(f, loc, format!("indeks jenis layanan \"{}\"", j.nama), p, c, rules);
        }
        indeks.extend(j.indeks);
    }
    let opd = crate::angka::mean(&indeks);
    if let (Some(p), Some(c), Some(loc)) = (spm.indeks_tercetak, opd, spm.lokasi_indeks.clone()) {
        mismatch(f, loc, "indeks pencapaian SPM".to_string(), p, c, rules);
    }
    m.hasil.indeks_spm = opd;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Location;

    fn item(harus: i64, terlayani: i64, printed: Option<&str>) -> Layanan {
        Layanan {
            no: "1".into(),
            uraian: "butir".into(),
            satuan: "Orang".into(),
            harus: Decimal::from(harus),
            terlayani: Decimal::from(terlayani),
            belum: None,
            persen_tercetak: printed.map(|p| p.parse().unwrap()),
            lokasi: Location::default(),
            persen: None,
        }
    }

    #[test]
    fn served_uses_the_printed_value_when_none_is_to_be_served() {
        assert_eq!(
            served(&item(30, 28, Some("93.33"))).map(crate::angka::round2),
            Some("93.33".parse().unwrap())
        );
        assert_eq!(served(&item(0, 0, Some("100"))), Some(Decimal::ONE_HUNDRED));
        assert_eq!(served(&item(0, 0, Some("0"))), Some(Decimal::ZERO));
        assert_eq!(served(&item(0, 0, None)), None);
    }
}
