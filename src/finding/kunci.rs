//! The keys of the report's rows and sections: what a finding or a change
//! of the draft concerns, and where the draft prints its number. One home
//! for the vocabulary; [`std::fmt::Display`] gives the text carried in the
//! document data and in `lkjip check` (`1.06.02`, `ind:1.06.02`, `pk:S1`,
//! `spm:1`, `spm`, `narasi:kata-pengantar`, `lalu:1.06.02`, `total`).

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kunci {
    /// The row of a program, kegiatan or sub kegiatan (its code).
    Kode(String),
    /// An indicator row of a program, kegiatan or sub kegiatan.
    Indikator(String),
    /// A row of the Perjanjian Kinerja (tujuan / sasaran code).
    Pk(String),
    /// A jenis layanan of the SPM (its number).
    Spm(String),
    /// The SPM index row.
    SpmIndeks,
    /// A narrative section (its file stem).
    Narasi(String),
    /// Last year's figures of a node (`Lalu("total")` for the totals).
    Lalu(String),
    /// The OPD totals.
    Total,
}

impl fmt::Display for Kunci {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Kunci::Kode(k) => write!(f, "{k}"),
            Kunci::Indikator(k) => write!(f, "ind:{k}"),
            Kunci::Pk(k) => write!(f, "pk:{k}"),
            Kunci::Spm(k) => write!(f, "spm:{k}"),
            Kunci::SpmIndeks => write!(f, "spm"),
            Kunci::Narasi(k) => write!(f, "narasi:{k}"),
            Kunci::Lalu(k) => write!(f, "lalu:{k}"),
            Kunci::Total => write!(f, "total"),
        }
    }
}

impl Kunci {
    /// The same row in last year's realization report.
    pub fn last_year(self) -> Kunci {
        match self {
            Kunci::Kode(k) => Kunci::Lalu(k),
            Kunci::Total => Kunci::Lalu("total".into()),
            other => other,
        }
    }
}

/// As the text `Display` gives (`ind:1.06.02`), in `check --format json`
/// and `model.json`.
impl Serialize for Kunci {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl From<Kunci> for String {
    fn from(k: Kunci) -> String {
        k.to_string()
    }
}

/// Several keys of one row, as the document data carries them
/// (space-separated).
pub fn keys(ks: &[Kunci]) -> String {
    ks.iter().map(Kunci::to_string).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_as_the_document_data_carries_them() {
        assert_eq!(Kunci::Kode("1.06.02".into()).to_string(), "1.06.02");
        assert_eq!(keys(&[Kunci::Total, Kunci::Lalu("total".into())]), "total lalu:total");
        assert_eq!(
            Kunci::Narasi("kata-pengantar".into()).to_string(),
            "narasi:kata-pengantar"
        );
        assert_eq!(Kunci::SpmIndeks.to_string(), "spm");
    }
}
