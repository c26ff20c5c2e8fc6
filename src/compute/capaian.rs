//! Capaian of one indicator: realization against target by the
//! indicator's direction, with a defined answer (or a reason why not) for
//! every edge case.

use super::rules::{Rules, RumusNegatif};
use crate::angka::round2;
use crate::model::{Arah, Target};
use rust_decimal::Decimal;

/// Why a capaian cannot be computed, in the officer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TidakDihitung {
    /// No realization yet.
    RealisasiKosong,
    /// No target.
    TargetKosong,
    /// Target 0 on a higher-is-better indicator (or any on `2t-r`).
    TargetNol,
    /// A number was expected but the text is a level, or the reverse.
    BukanAngka(String),
    /// The level is not on the ladder.
    TingkatTidakDikenal {
        tangga: String,
        nilai: String,
        urutan: Vec<String>,
    },
    /// The ladder itself is unknown.
    TanggaTidakDikenal(String),
    /// The quotient is beyond any real capaian (a target of 0,000…1).
    DiLuarJangkauan,
}

impl TidakDihitung {
    pub fn pesan(&self) -> String {
        match self {
            TidakDihitung::RealisasiKosong => "realisasi belum diisi".to_string(),
            TidakDihitung::TargetKosong => "target belum diisi".to_string(),
            TidakDihitung::TargetNol => "target 0: capaian tidak dapat dihitung dengan rumus R/T".to_string(),
            TidakDihitung::DiLuarJangkauan => {
                "hasil bagi realisasi dan target di luar jangkauan angka; periksa target dan realisasinya".to_string()
            }
            TidakDihitung::BukanAngka(t) => {
                format!("\"{t}\" bukan angka; untuk nilai bertingkat isi Arah dengan tingkat:NAMA")
            }
            TidakDihitung::TingkatTidakDikenal { tangga, nilai, urutan } => {
                format!(
                    "tingkat \"{nilai}\" tidak ada pada tangga {tangga} ({})",
                    urutan.join(" < ")
                )
            }
            TidakDihitung::TanggaTidakDikenal(t) => {
                format!("tangga \"{t}\" tidak dikenal; tambahkan di lkjip.toml › [aturan.tangga]")
            }
        }
    }
}

fn nilai(t: &Target) -> Result<Decimal, TidakDihitung> {
    t.nilai.ok_or_else(|| TidakDihitung::BukanAngka(t.teks.clone()))
}

/// The 1-based position of `level` on `ladder`.
fn level(rules: &Rules, ladder: &str, value: &Target) -> Result<Decimal, TidakDihitung> {
    let urutan = rules
        .tangga
        .get(&ladder.to_uppercase())
        .ok_or_else(|| TidakDihitung::TanggaTidakDikenal(ladder.to_string()))?;
    let want = value.teks.trim().to_lowercase();
    urutan
        .iter()
        .position(|l| l.to_lowercase() == want)
        .map(|i| Decimal::from(i + 1))
        .ok_or_else(|| TidakDihitung::TingkatTidakDikenal {
            tangga: ladder.to_uppercase(),
            nilai: value.teks.clone(),
            urutan: urutan.clone(),
        })
}

/// Capaian in percent, unrounded.
///
/// - `naik`: R / T × 100; T = 0 cannot be computed; R = 0 gives 0.
/// - `turun` (indikator negatif): T / R × 100 by default, (2T − R) / T × 100
///   with `rumus_negatif = "2t-r"`. R = 0 (the best possible outcome) falls
///   back to (2T − R) / T, i.e. 200; T = 0 cannot be computed.
/// - `tingkat:NAMA`: level(R) / level(T) × 100 on the ladder NAMA.
/// - `batas_capaian`, when set, caps the result.
pub fn capaian(target: &Target, realisasi: &Target, arah: &Arah, rules: &Rules) -> Result<Decimal, TidakDihitung> {
    if realisasi.is_empty() {
        return Err(TidakDihitung::RealisasiKosong);
    }
    if target.is_empty() {
        return Err(TidakDihitung::TargetKosong);
    }
    let hundred = Decimal::ONE_HUNDRED;
    let two = Decimal::TWO;
    // a / b × 100, or "out of range" instead of an arithmetic overflow
    let ratio = |a: Decimal, b: Decimal| {
        a.checked_div(b)
            .and_then(|q| q.checked_mul(hundred))
            .ok_or(TidakDihitung::DiLuarJangkauan)
    };
    let c = match arah {
        Arah::Tingkat(ladder) => {
            let ladder = if ladder.is_empty() { "" } else { ladder.as_str() };
            ratio(level(rules, ladder, realisasi)?, level(rules, ladder, target)?)?
        }
        Arah::Naik => {
            // two equal levels without a ladder are simply achieved
            if target.nilai.is_none() && realisasi.nilai.is_none() && target.teks.eq_ignore_ascii_case(&realisasi.teks)
            {
                return Ok(hundred);
            }
            let (t, r) = (nilai(target)?, nilai(realisasi)?);
            if t.is_zero() {
                return Err(TidakDihitung::TargetNol);
            }
            ratio(r, t)?
        }
        Arah::Turun => {
            let (t, r) = (nilai(target)?, nilai(realisasi)?);
            if t.is_zero() {
                return Err(TidakDihitung::TargetNol);
            }
            if rules.negatif == RumusNegatif::DuaTminR || r.is_zero() {
                ratio(two * t - r, t)?
            } else {
                ratio(t, r)?
            }
        }
    };
    Ok(match rules.batas_capaian {
        Some(cap) if c > cap => cap,
        _ => c,
    })
}

/// Predikat against target (Tabel 3.1), on the displayed (rounded) value.
pub fn predikat(c: Decimal, rules: &Rules) -> &str {
    let r = round2(c);
    match r.cmp(&Decimal::ONE_HUNDRED) {
        std::cmp::Ordering::Less => &rules.predikat.di_bawah,
        std::cmp::Ordering::Equal => &rules.predikat.sama,
        std::cmp::Ordering::Greater => &rules.predikat.di_atas,
    }
}

/// Kategori (Tabel 3.2 or the chosen preset), on the displayed value.
pub fn kategori(c: Decimal, rules: &Rules) -> &str {
    rules.kategori.label(round2(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Aturan;
    use crate::ingest::cell::parse_target_line;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn t(s: &str) -> Target {
        parse_target_line(s)
    }

    fn c(target: &str, real: &str, arah: Arah) -> Result<Decimal, TidakDihitung> {
        capaian(&t(target), &t(real), &arah, &Rules::reference()).map(round2)
    }

    #[test]
    fn the_reference_iku() {
        // Tabel 3.3: 30,55 of 0,5; 97,62 of 98,79; 53,47 of 53,43;
        // Pratama of Pratama; 4,45 against 3,20 (negative)
        assert_eq!(c("0,5", "30,55", Arah::Naik), Ok(d("6110.00")));
        assert_eq!(c("98,79 %", "97,62 %", Arah::Naik), Ok(d("98.82")));
        assert_eq!(c("53,43", "53,47", Arah::Naik), Ok(d("100.07")));
        assert_eq!(c("Pratama", "Pratama", Arah::Tingkat("APE".into())), Ok(d("100.00")));
        assert_eq!(c("3,20", "4,45", Arah::Turun), Ok(d("71.91")));
        // against the Renstra end target Madya (Tabel 3.28)
        assert_eq!(c("Madya", "Pratama", Arah::Tingkat("APE".into())), Ok(d("50.00")));
        // Tabel 3.34: 3,16 / 4,45
        assert_eq!(c("3,16", "4,45", Arah::Turun), Ok(d("71.01")));
    }

    #[test]
    fn program_indicators() {
        assert_eq!(c("100 %", "88,13", Arah::Naik), Ok(d("88.13")));
        assert_eq!(c("8740 keluarga", "7336", Arah::Naik), Ok(d("83.94")));
        assert_eq!(c("29 Orang", "28 orang", Arah::Naik), Ok(d("96.55")));
        // KLA 2023: Madya against Pratama on the KLA ladder
        assert_eq!(c("Pratama", "Madya", Arah::Tingkat("KLA".into())), Ok(d("200.00")));
    }

    #[test]
    fn edge_cases() {
        assert_eq!(c("5 Orang", "0 Orang", Arah::Naik), Ok(d("0.00")));
        assert_eq!(c("0 Orang", "3 Orang", Arah::Naik), Err(TidakDihitung::TargetNol));
        assert_eq!(
            c("3,20", "0", Arah::Turun),
            Ok(d("200.00")),
            "R = 0 falls back to (2T-R)/T"
        );
        assert_eq!(c("0", "1", Arah::Turun), Err(TidakDihitung::TargetNol));
        assert_eq!(
            capaian(&t("5 Orang"), &Target::default(), &Arah::Naik, &Rules::reference()),
            Err(TidakDihitung::RealisasiKosong)
        );
        assert_eq!(
            capaian(&Target::default(), &t("5"), &Arah::Naik, &Rules::reference()),
            Err(TidakDihitung::TargetKosong)
        );
        assert!(matches!(
            c("Madya", "Istimewa", Arah::Tingkat("KLA".into())),
            Err(TidakDihitung::TingkatTidakDikenal { .. })
        ));
        assert!(matches!(
            c("Madya", "Madya", Arah::Tingkat("XYZ".into())),
            Err(TidakDihitung::TanggaTidakDikenal(_))
        ));
        assert!(matches!(
            c("6 Dokumen", "enam", Arah::Naik),
            Err(TidakDihitung::BukanAngka(_))
        ));
        assert_eq!(
            c("Madya", "madya", Arah::Naik),
            Ok(d("100.00")),
            "equal levels without a ladder"
        );
    }

    #[test]
    fn options_negative_formula_and_cap() {
        let a = Aturan {
            rumus_negatif: "2t-r".into(),
            batas_capaian: Some(150.0),
            ..Aturan::default()
        };
        let r = Rules::new(&a).unwrap();
        // (2 × 3,20 − 4,45) / 3,20 × 100 = 60,9375
        assert_eq!(
            round2(capaian(&t("3,20"), &t("4,45"), &Arah::Turun, &r).unwrap()),
            d("60.94")
        );
        assert_eq!(capaian(&t("0,5"), &t("30,55"), &Arah::Naik, &r).unwrap(), d("150"));
    }

    #[test]
    fn predikat_and_kategori() {
        let r = Rules::reference();
        assert_eq!(predikat(d("98.82"), &r), "Tidak tercapai");
        assert_eq!(predikat(d("100"), &r), "Tercapai/Sesuai target");
        assert_eq!(
            predikat(d("99.999"), &r),
            "Tercapai/Sesuai target",
            "rounded as displayed"
        );
        assert_eq!(predikat(d("100.07"), &r), "Melebihi target");
        assert_eq!(kategori(d("71.9101"), &r), "Cukup");
        assert_eq!(kategori(d("6110"), &r), "Sangat baik");
    }
}
