//! The Renja rows (Lampiran IX) as the model keeps them: every urusan,
//! bidang, program, kegiatan and sub kegiatan, funded or not.

use super::kode::{Kode, Level};
use super::target::Target;
use crate::finding::Location;
use rust_decimal::Decimal;
use serde::Serialize;

/// One indicator of a Renja entry with its targets.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RenjaIndikator {
    pub uraian: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_akhir: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_sebelum: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
}

/// One urusan, bidang, program, kegiatan or sub kegiatan of the Renja.
#[derive(Debug, Clone, Serialize)]
pub struct RenjaEntry {
    pub kode: Kode,
    pub level: Level,
    pub nama: String,
    pub indikator: Vec<RenjaIndikator>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pagu_rkpd: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pagu_apbd: Option<Decimal>,
    /// RKPD Perubahan: the final pagu of the year.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pagu_perubahan: Option<Decimal>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lokasi_kegiatan: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sumber_dana: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prioritas_nasional: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prioritas_daerah: String,
    #[serde(skip_serializing)]
    pub lokasi: Location,
}

impl RenjaEntry {
    /// An entry as its code row gives it: no indicator, no pagu yet.
    pub fn new(kode: Kode, nama: String, lokasi: Location) -> RenjaEntry {
        RenjaEntry {
            level: kode.level(),
            kode,
            nama,
            indikator: Vec::new(),
            pagu_rkpd: None,
            pagu_apbd: None,
            pagu_perubahan: None,
            lokasi_kegiatan: String::new(),
            sumber_dana: String::new(),
            prioritas_nasional: String::new(),
            prioritas_daerah: String::new(),
            lokasi,
        }
    }
}

/// The sources of a Renja row's "Sumber Dana" cell in the short words of
/// the Perjanjian Kinerja's Keterangan (`DAU`, `Insentif Fiskal`, `DAK Non
/// Fisik`…), in the order the cell names them, each once. SIPD joins the
/// sources of a sub kegiatan with a space ("DANA TRANSFER UMUM-DANA ALOKASI
/// UMUM INSENTIF FISKAL"); what is left once the known names are taken out
/// is kept (upper-cased as it was matched; the whole cell as typed when it
/// holds no known name), so that no source is dropped.
pub fn sumber_dana_pendek(cell: &str) -> Vec<String> {
    // longest first: "… KHUSUS NON FISIK" before "… KHUSUS FISIK"
    const KNOWN: [(&str, &str); 9] = [
        ("DANA TRANSFER KHUSUS-DANA ALOKASI KHUSUS NON FISIK", "DAK Non Fisik"),
        ("DANA TRANSFER KHUSUS-DANA ALOKASI KHUSUS FISIK", "DAK Fisik"),
        ("DANA TRANSFER UMUM-DANA ALOKASI UMUM", "DAU"),
        ("DANA TRANSFER UMUM-DANA BAGI HASIL", "DBH"),
        ("PENDAPATAN ASLI DAERAH (PAD)", "PAD"),
        ("PENDAPATAN ASLI DAERAH", "PAD"),
        ("INSENTIF FISKAL", "Insentif Fiskal"),
        ("BANTUAN KEUANGAN", "Bantuan Keuangan"),
        ("DANA OTONOMI KHUSUS", "Dana Otsus"),
    ];
    let mut rest = cell.to_uppercase();
    let mut found: Vec<(usize, &str)> = Vec::new();
    for (name, short) in KNOWN {
        while let Some(at) = rest.find(name) {
            found.push((at, short));
            // the same width of spaces: later positions keep their order
            rest.replace_range(at..at + name.len(), &" ".repeat(name.len()));
        }
    }
    found.sort_by_key(|f| f.0);
    let mut out: Vec<String> = Vec::new();
    for (_, short) in found {
        if !out.iter().any(|o| o == short) {
            out.push(short.to_string());
        }
    }
    let left = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if !left.is_empty() {
        let typed = cell.split_whitespace().collect::<Vec<_>>().join(" ");
        if out.is_empty() {
            out.push(typed);
        } else {
            out.push(left);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sumber_dana_pendek;

    #[test]
    fn sources_of_a_sipd_cell_in_short_words() {
        let s = |c: &str| sumber_dana_pendek(c);
        assert_eq!(s("DANA TRANSFER UMUM-DANA ALOKASI UMUM"), ["DAU"]);
        assert_eq!(
            s("DANA TRANSFER UMUM-DANA ALOKASI UMUM INSENTIF FISKAL"),
            ["DAU", "Insentif Fiskal"]
        );
        // two sub kegiatan sources, the same twice
        assert_eq!(
            s("DANA TRANSFER UMUM-DANA ALOKASI UMUM DANA TRANSFER UMUM-DANA ALOKASI UMUM"),
            ["DAU"]
        );
        assert_eq!(
            s("PENDAPATAN ASLI DAERAH (PAD) DANA TRANSFER UMUM-DANA ALOKASI UMUM"),
            ["PAD", "DAU"]
        );
        assert_eq!(
            s("DANA TRANSFER UMUM-DANA ALOKASI UMUM DANA TRANSFER KHUSUS-DANA ALOKASI KHUSUS NON FISIK"),
            ["DAU", "DAK Non Fisik"]
        );
        // an unknown source is kept, never dropped
        assert_eq!(s("DANA TRANSFER UMUM-DANA ALOKASI UMUM HIBAH"), ["DAU", "HIBAH"]);
        assert_eq!(s("Hibah Provinsi"), ["Hibah Provinsi"]);
        assert!(s("  ").is_empty());
        // Buru's flat pagu list (../shared/realworld/buru-sipd-ri, `Sumber
        // Dana` column) names one source per row, in title case
        assert_eq!(s("Dana Transfer Umum-Dana Alokasi Umum"), ["DAU"]);
        assert_eq!(
            s("Dana Transfer Khusus-Dana Alokasi Khusus Non Fisik"),
            ["DAK Non Fisik"]
        );
        assert_eq!(s("Dana Transfer Khusus-Dana Alokasi Khusus Fisik"), ["DAK Fisik"]);
        assert_eq!(
            s("DAU yang Ditentukan Penggunaannya Bidang Pendidikan"),
            ["DAU yang Ditentukan Penggunaannya Bidang Pendidikan"]
        );
        assert_eq!(
            s("DAK Fisik-Bidang Pendidikan-Reguler-SD"),
            ["DAK Fisik-Bidang Pendidikan-Reguler-SD"]
        );
    }
}
