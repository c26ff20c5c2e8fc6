//! The rules the numbers follow, resolved from `data/skala.toml` (embedded)
//! and `lkjip.toml › [aturan]`: scales, ladders, formulas, thresholds.

use crate::config::Aturan;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

const SKALA: &str = include_str!("../../data/skala.toml");

#[derive(Deserialize)]
struct SkalaFile {
    predikat: Predikat,
    kategori: BTreeMap<String, Vec<Step>>,
    efektivitas: Vec<Step>,
    efisiensi: Vec<Step>,
    tangga: BTreeMap<String, Vec<String>>,
}

/// Labels of Tabel 3.1.
#[derive(Deserialize, Clone, Debug)]
pub struct Predikat {
    pub di_bawah: String,
    pub sama: String,
    pub di_atas: String,
}

#[derive(Deserialize, Clone, Debug)]
struct Step {
    min: Option<String>,
    label: String,
}

/// A scale: steps from the highest; a value belongs to the first step whose
/// minimum it reaches.
#[derive(Clone, Debug)]
pub struct Scale(Vec<(Option<Decimal>, String)>);

impl Scale {
    fn from_steps(steps: &[Step]) -> Result<Scale, String> {
        let mut out = Vec::new();
        for s in steps {
            let min = match &s.min {
                Some(m) => Some(Decimal::from_str(m).map_err(|_| format!("batas \"{m}\" bukan angka"))?),
                None => None,
            };
            out.push((min, s.label.clone()));
        }
        if out.last().is_none_or(|(m, _)| m.is_some()) {
            return Err("langkah terakhir skala harus tanpa batas bawah".to_string());
        }
        Ok(Scale(out))
    }

    pub fn label(&self, v: Decimal) -> &str {
        self.0
            .iter()
            .find(|(min, _)| min.is_none_or(|m| v >= m))
            .map(|(_, l)| l.as_str())
            .unwrap_or("")
    }

    /// The steps: (minimum, label), from the highest.
    pub fn steps(&self) -> &[(Option<Decimal>, String)] {
        &self.0
    }

    /// Every label, from the highest step.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, l)| l.as_str())
    }
}

/// How a lower-is-better indicator's capaian is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RumusNegatif {
    /// T / R × 100 (the reference: 3,20 / 4,45 → 71,91).
    TperR,
    /// (2T − R) / T × 100.
    DuaTminR,
}

/// Everything the compute stage needs to know about the rules.
#[derive(Clone, Debug)]
pub struct Rules {
    pub predikat: Predikat,
    pub kategori: Scale,
    pub efektivitas: Scale,
    pub efisiensi: Scale,
    pub tangga: BTreeMap<String, Vec<String>>,
    pub negatif: RumusNegatif,
    pub batas_capaian: Option<Decimal>,
    pub capaian_tinggi: Decimal,
    pub ambang_serapan: Decimal,
    pub toleransi: Decimal,
    /// Match keys of the sub kegiatan counted as belanja tidak langsung.
    pub belanja_tidak_langsung: Vec<String>,
    /// Round SPM intermediate figures as the e-SPM application does.
    pub spm_bertahap: bool,
}

fn dec(f: f64, what: &str) -> Result<Decimal, String> {
    Decimal::try_from(f).map_err(|_| format!("aturan.{what} = {f} bukan angka yang sah"))
}

impl Rules {
    /// The rules of `aturan` on top of the embedded scales. Errors name the
    /// `lkjip.toml` key that is wrong.
    pub fn new(aturan: &Aturan) -> Result<Rules, String> {
        let file: SkalaFile = toml::from_str(SKALA).map_err(|e| format!("data/skala.toml: {e}"))?;
        let presets: Vec<&str> = file.kategori.keys().map(String::as_str).collect();
        let kategori = file.kategori.get(&aturan.kategori).ok_or_else(|| {
            format!(
                "aturan.kategori = \"{}\" tidak dikenal; pilih salah satu: {}",
                aturan.kategori,
                presets.join(", ")
            )
        })?;
        let negatif = match aturan.rumus_negatif.to_lowercase().replace(' ', "").as_str() {
            "t/r" => RumusNegatif::TperR,
            "2t-r" | "(2t-r)/t" => RumusNegatif::DuaTminR,
            other => {
                return Err(format!(
                    "aturan.rumus_negatif = \"{other}\" tidak dikenal; pilih \"t/r\" atau \"2t-r\""
                ));
            }
        };
        let mut tangga: BTreeMap<String, Vec<String>> =
            file.tangga.into_iter().map(|(k, v)| (k.to_uppercase(), v)).collect();
        for (k, v) in &aturan.tangga {
            if v.is_empty() {
                return Err(format!("aturan.tangga.{k} kosong"));
            }
            tangga.insert(k.to_uppercase(), v.clone());
        }
        let spm_bertahap = match aturan.spm_pembulatan.as_str() {
            "bertahap" => true,
            "akhir" => false,
            other => {
                return Err(format!(
                    "aturan.spm_pembulatan = \"{other}\" tidak dikenal; pilih \"bertahap\" atau \"akhir\""
                ));
            }
        };
        Ok(Rules {
            spm_bertahap,
            predikat: file.predikat,
            kategori: Scale::from_steps(kategori)?,
            efektivitas: Scale::from_steps(&file.efektivitas)?,
            efisiensi: Scale::from_steps(&file.efisiensi)?,
            tangga,
            negatif,
            batas_capaian: aturan.batas_capaian.map(|b| dec(b, "batas_capaian")).transpose()?,
            capaian_tinggi: dec(aturan.capaian_tinggi, "capaian_tinggi")?,
            ambang_serapan: dec(aturan.ambang_serapan, "ambang_serapan")?,
            toleransi: dec(aturan.toleransi_persen, "toleransi_persen")?,
            belanja_tidak_langsung: aturan
                .belanja_tidak_langsung
                .iter()
                .map(|k| {
                    crate::ingest::cell::parse_kode_text(k)
                        .map(|k| k.match_key())
                        .ok_or_else(|| format!("aturan.belanja_tidak_langsung: \"{k}\" bukan kode sub kegiatan"))
                })
                .collect::<Result<_, _>>()?,
        })
    }

    /// The default rules (the reference's).
    pub fn reference() -> Rules {
        Rules::new(&Aturan::default()).unwrap_or_else(|e| panic!("embedded data/skala.toml is invalid: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reference_kategori_scale() {
        let r = Rules::reference();
        assert_eq!(r.kategori.label(d("6110")), "Sangat baik");
        assert_eq!(r.kategori.label(d("90.01")), "Sangat baik");
        assert_eq!(r.kategori.label(d("89.99")), "Baik");
        assert_eq!(r.kategori.label(d("75")), "Baik");
        assert_eq!(r.kategori.label(d("71.91")), "Cukup");
        assert_eq!(r.kategori.label(d("50")), "Kurang");
        assert_eq!(r.kategori.label(d("49.99")), "Sangat kurang");
        assert_eq!(r.kategori.label(d("-1002")), "Sangat kurang");
    }

    #[test]
    fn permendagri_preset() {
        let a = Aturan {
            kategori: "permendagri-86-2017".into(),
            ..Aturan::default()
        };
        let r = Rules::new(&a).unwrap();
        assert_eq!(r.kategori.label(d("91")), "Sangat tinggi");
        assert_eq!(r.kategori.label(d("90.99")), "Tinggi");
        assert_eq!(r.kategori.label(d("66")), "Sedang");
        assert_eq!(r.kategori.label(d("51")), "Rendah");
        assert_eq!(r.kategori.label(d("50.99")), "Sangat rendah");
    }

    #[test]
    fn efektivitas_and_efisiensi_scales() {
        let r = Rules::reference();
        assert_eq!(r.efektivitas.label(d("92.31")), "Efektif");
        assert_eq!(r.efektivitas.label(d("100")), "Efektif");
        assert_eq!(r.efektivitas.label(d("100.5")), "Sangat Efektif");
        assert_eq!(r.efektivitas.label(d("59.99")), "Tidak Efektif");
        assert_eq!(r.efisiensi.label(d("56.38")), "Sangat Efisien");
        assert_eq!(r.efisiensi.label(d("85")), "Cukup Efisien");
    }

    #[test]
    fn bad_options_name_the_key() {
        let a = Aturan {
            kategori: "bebas".into(),
            ..Aturan::default()
        };
        assert!(Rules::new(&a).unwrap_err().contains("aturan.kategori"));
        let a = Aturan {
            rumus_negatif: "r/t".into(),
            ..Aturan::default()
        };
        assert!(Rules::new(&a).unwrap_err().contains("aturan.rumus_negatif"));
        let mut a = Aturan::default();
        a.tangga.insert("IDM".into(), vec![]);
        assert!(Rules::new(&a).unwrap_err().contains("aturan.tangga.IDM"));
    }

    #[test]
    fn ladders_from_data_and_config() {
        let mut a = Aturan::default();
        a.tangga.insert(
            "idm".into(),
            vec!["Tertinggal".into(), "Berkembang".into(), "Maju".into()],
        );
        let r = Rules::new(&a).unwrap();
        assert_eq!(r.tangga["APE"], ["Pratama", "Madya", "Utama", "Mentor"]);
        assert_eq!(r.tangga["IDM"].len(), 3);
    }
}
