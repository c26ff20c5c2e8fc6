//! The year by quarter: the realization of an indicator in each quarter
//! (the `Triwulan` sheet of kinerja.xlsx) and how the quarters make the
//! year. The Evaluasi Renja (Permendagri 86/2017) and the quarterly report
//! are made from it.

use super::target::{Arah, Target};
use crate::finding::Location;
use rust_decimal::Decimal;
use serde::Serialize;

/// The quarters as the forms name them.
pub const ROMAWI: [&str; 4] = ["I", "II", "III", "IV"];

/// How the quarters of an indicator make its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agregasi {
    /// A count: the year is the sum of the quarters.
    Kumulatif,
    /// A state (a percentage, an index, a level): the year is the last
    /// quarter's figure.
    Akhir,
    /// The year is the mean of the quarters filled.
    RataRata,
    /// The year is the highest quarter.
    Tertinggi,
}

impl Agregasi {
    /// `kumulatif`, `akhir`, `rata-rata`, `tertinggi` (and a few spellings
    /// offices use).
    pub fn parse(text: &str) -> Option<Agregasi> {
        let t: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match t.as_str() {
            "kumulatif" | "jumlah" | "sum" | "total" => Some(Agregasi::Kumulatif),
            "akhir" | "terakhir" | "posisiakhir" | "twiv" => Some(Agregasi::Akhir),
            "ratarata" | "rerata" | "average" => Some(Agregasi::RataRata),
            "tertinggi" | "maksimum" | "max" => Some(Agregasi::Tertinggi),
            _ => None,
        }
    }

    /// The default from the indicator: a percentage, an index, a ratio or a
    /// level is a state (`akhir`); any other unit is a count (`kumulatif`).
    pub fn bawaan(target: &Target, arah: &Arah) -> Agregasi {
        if matches!(arah, Arah::Tingkat(_)) || target.nilai.is_none() {
            return Agregasi::Akhir;
        }
        let satuan = target.satuan.as_deref().unwrap_or("").to_lowercase();
        let state = [
            "%", "persen", "indeks", "index", "rasio", "nilai", "skor", "poin", "level", "predikat",
        ];
        if satuan.is_empty() || state.iter().any(|w| satuan.contains(w)) {
            Agregasi::Akhir
        } else {
            Agregasi::Kumulatif
        }
    }

    /// The word the report prints.
    pub fn nama(self) -> &'static str {
        match self {
            Agregasi::Kumulatif => "kumulatif",
            Agregasi::Akhir => "akhir",
            Agregasi::RataRata => "rata-rata",
            Agregasi::Tertinggi => "tertinggi",
        }
    }

    /// The year so far from the quarters filled up to now, `None` when none
    /// is.
    pub fn combine(self, quarters: &[Option<Decimal>]) -> Option<Decimal> {
        let filled: Vec<Decimal> = quarters.iter().flatten().copied().collect();
        if filled.is_empty() {
            return None;
        }
        Some(match self {
            Agregasi::Kumulatif => filled.iter().copied().sum(),
            Agregasi::Akhir => quarters.iter().rev().flatten().next().copied().unwrap_or_default(),
            Agregasi::RataRata => filled.iter().copied().sum::<Decimal>() / Decimal::from(filled.len() as u64),
            Agregasi::Tertinggi => filled.iter().copied().max().unwrap_or_default(),
        })
    }
}

/// An indicator's quarters as the agency wrote them, with what follows.
#[derive(Debug, Clone, Serialize)]
pub struct Triwulan {
    pub agregasi: Agregasi,
    /// The `Agregasi` cell was empty: the default from the unit was taken.
    pub agregasi_bawaan: bool,
    /// Realisasi in quarters I–IV (four entries; empty where not filled).
    pub realisasi: Vec<Target>,
    pub faktor_pendorong: String,
    pub faktor_penghambat: String,
    pub tindak_lanjut: String,
    /// Computed: the year so far after each quarter (by `agregasi`).
    #[serde(with = "opt_list")]
    pub sampai: Vec<Option<Decimal>>,
    /// Computed: capaian of the year so far against the yearly target,
    /// after each quarter, by the indicator's arah.
    #[serde(with = "opt_list")]
    pub capaian: Vec<Option<Decimal>>,
    #[serde(skip_serializing)]
    pub lokasi: Location,
    /// The cell of each quarter, for findings.
    #[serde(skip_serializing)]
    pub sel: Vec<Location>,
}

impl Triwulan {
    /// The figures of the quarters, `None` where empty or not a number.
    pub fn nilai(&self) -> Vec<Option<Decimal>> {
        self.realisasi.iter().map(|t| t.nilai).collect()
    }
}

impl super::ReportModel {
    /// Whether the year has any quarter: an indicator with realisasi per
    /// triwulan, or a sub kegiatan with spending up to a quarter before IV
    /// (then the yearly LKjIP shows the quarters: Lampiran XIII, the IKU
    /// charts per triwulan).
    pub fn has_quarters(&self) -> bool {
        let indicator = |ind: &[super::Indikator]| ind.iter().any(|i| i.triwulan.is_some());
        self.perjanjian_kinerja.iter().any(|pk| pk.indikator.triwulan.is_some())
            || self.programs.iter().any(|p| {
                indicator(&p.indikator)
                    || p.kegiatan.iter().any(|k| {
                        indicator(&k.indikator)
                            || k.sub_kegiatan.iter().any(|s| {
                                indicator(&s.indikator) || s.realisasi_triwulan.iter().take(3).any(Option::is_some)
                            })
                    })
            })
    }
}

/// The amount spent in each quarter from the cumulative figures
/// (`realisasi_triwulan`): a quarter whose report is missing is folded into
/// the next one read, so the quarters add up to the realization so far;
/// without quarterly reports the whole year is the last quarter's. `last`
/// is the quarter reported on (1–4), `so_far` the realization up to it.
pub fn per_quarter(cum: &[Option<Decimal>], last: usize, so_far: Decimal) -> Vec<Option<Decimal>> {
    let mut out = vec![None; 4];
    let mut before = Decimal::ZERO;
    for (q, slot) in out.iter_mut().enumerate().take(last) {
        let v = if q == last - 1 {
            Some(so_far)
        } else {
            cum.get(q).copied().flatten()
        };
        if let Some(v) = v {
            *slot = Some(v - before);
            before = v;
        }
    }
    out
}

/// Quarter by quarter, the sum of the filled figures (a kegiatan's from
/// its sub kegiatan, a program's from its kegiatan).
pub fn sum_quarters<'a>(parts: impl Iterator<Item = &'a Vec<Option<Decimal>>>) -> Vec<Option<Decimal>> {
    let mut out: Vec<Option<Decimal>> = vec![None; 4];
    for v in parts {
        for (o, x) in out.iter_mut().zip(v) {
            if let Some(x) = x {
                *o = Some(o.unwrap_or_default() + x);
            }
        }
    }
    out
}

/// Amounts and options as decimal strings (or null), like the rest of the
/// model.
pub(crate) mod opt_list {
    use rust_decimal::Decimal;
    use serde::Serializer;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(v: &[Option<Decimal>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for x in v {
            seq.serialize_element(&x.map(|d| d.normalize().to_string()))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn the_quarters_make_the_year_by_their_rule() {
        let q = [Some(d("2")), Some(d("3")), None, Some(d("5"))];
        // 2 + 3 + 5
        assert_eq!(Agregasi::Kumulatif.combine(&q), Some(d("10")));
        // the last filled quarter
        assert_eq!(Agregasi::Akhir.combine(&q), Some(d("5")));
        assert_eq!(Agregasi::Akhir.combine(&q[..3]), Some(d("3")));
        // (2 + 3 + 5) / 3 filled quarters
        assert_eq!(Agregasi::RataRata.combine(&q).map(|d| d.round_dp(4)), Some(d("3.3333")));
        assert_eq!(Agregasi::Tertinggi.combine(&q), Some(d("5")));
        assert_eq!(Agregasi::Kumulatif.combine(&[None, None]), None);
    }

    #[test]
    fn each_quarter_spends_the_difference_of_the_cumulative_figures() {
        let cum = [Some(d("20")), None, Some(d("75")), None];
        // TW I 20; TW II's report missing: folded into TW III (75 − 20); TW IV 100 − 75
        assert_eq!(
            per_quarter(&cum, 4, d("100")),
            [Some(d("20")), None, Some(d("55")), Some(d("25"))]
        );
        // a build of TW II: June's figure is the year so far
        assert_eq!(
            per_quarter(&cum, 2, d("50")),
            [Some(d("20")), Some(d("30")), None, None]
        );
        // no quarterly reports: all in the last quarter
        assert_eq!(per_quarter(&[], 4, d("9")), [None, None, None, Some(d("9"))]);
    }

    #[test]
    fn a_count_is_cumulative_and_a_percentage_is_a_state() {
        let t = |nilai: Decimal, satuan: &str| Target {
            teks: String::new(),
            nilai: Some(nilai),
            satuan: (!satuan.is_empty()).then(|| satuan.to_string()),
            tingkat: None,
        };
        assert_eq!(
            Agregasi::bawaan(&t(d("6"), "Dokumen"), &Arah::Naik),
            Agregasi::Kumulatif
        );
        assert_eq!(Agregasi::bawaan(&t(d("29"), "Orang"), &Arah::Naik), Agregasi::Kumulatif);
        assert_eq!(Agregasi::bawaan(&t(d("98.79"), "%"), &Arah::Naik), Agregasi::Akhir);
        assert_eq!(Agregasi::bawaan(&t(d("53.43"), ""), &Arah::Naik), Agregasi::Akhir);
        assert_eq!(Agregasi::bawaan(&t(d("3.2"), "Rasio"), &Arah::Turun), Agregasi::Akhir);
        assert_eq!(
            Agregasi::bawaan(&Target::default(), &Arah::Tingkat("APE".into())),
            Agregasi::Akhir
        );
        assert_eq!(Agregasi::parse("Rata-rata"), Some(Agregasi::RataRata));
        assert_eq!(Agregasi::parse(" KUMULATIF "), Some(Agregasi::Kumulatif));
        assert_eq!(Agregasi::parse("bulanan"), None);
    }
}
