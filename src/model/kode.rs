//! Budget codes (`1.06.02.2.03.0002`) and their levels: the identity of a
//! program, kegiatan or sub kegiatan in every workbook and in the model.

use serde::{Deserialize, Serialize};

/// The depth of a budget code, by its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Urusan,
    BidangUrusan,
    Program,
    Kegiatan,
    SubKegiatan,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Urusan => "urusan",
            Level::BidangUrusan => "bidang urusan",
            Level::Program => "program",
            Level::Kegiatan => "kegiatan",
            Level::SubKegiatan => "sub kegiatan",
        }
    }
}

/// A normalized budget code such as `1.06.02.2.03.0002`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kode(pub String);

impl Kode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn level(&self) -> Level {
        match self.0.split('.').count() {
            1 => Level::Urusan,
            2 => Level::BidangUrusan,
            3 => Level::Program,
            4 | 5 => Level::Kegiatan,
            _ => Level::SubKegiatan,
        }
    }

    /// The code one level up (`1.06.02.2.03.0002` → `1.06.02.2.03`).
    pub fn parent(&self) -> Option<Kode> {
        let parts: Vec<&str> = self.0.split('.').collect();
        let keep = match parts.len() {
            6 => 5,
            5 => 3,
            3 => 2,
            2 => 1,
            _ => return None,
        };
        Some(Kode(parts[..keep].join(".")))
    }

    /// The key under which Renja and realization codes are matched: the
    /// Program Penunjang (program `01`) is `1.06.01…` in the Renja but
    /// `0.00.01…` or `X.XX.01…` in realization reports, so its urusan and
    /// bidang are replaced by `X.XX`.
    pub fn match_key(&self) -> String {
        let parts: Vec<&str> = self.0.split('.').collect();
        if parts.len() >= 3 && parts[2] == "01" {
            let mut k = vec!["X", "XX"];
            k.extend_from_slice(&parts[2..]);
            k.join(".")
        } else {
            self.0.clone()
        }
    }
}

impl std::fmt::Display for Kode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
