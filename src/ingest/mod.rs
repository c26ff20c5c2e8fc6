//! Stage 1, ingest: the four workbooks of a report folder → raw tables with
//! the position of every value. Importers find their table by header text,
//! tolerate the mess of real exports (INPUTS.md) and report every problem as
//! a [`Finding`](crate::finding::Finding) instead of stopping.

pub mod apbd;
pub mod cell;
pub mod evaluasi;
pub mod header;
pub mod kinerja;
mod lembar;
pub mod nama;
pub mod periode;
pub mod realisasi;
pub mod renja;
pub mod spm;
pub mod workbook;

use crate::config::{Batas, Config, Peran};
use crate::finding::{Findings, Kunci, Location};
use crate::folder::{CONFIG_FILE, Folder, sha256_hex};
use crate::model::Sumber;
use crate::model::target::Target;
use cell::{Cell, parse_amount, parse_number, parse_percent, parse_targets};
use header::{ColumnSpec, Header};
use kinerja::Kinerja;
use realisasi::Realisasi;
use renja::Renja;
use rust_decimal::Decimal;
use serde::Serialize;
use spm::Spm;
use std::path::Path;
use workbook::{Sheet, Workbook, read_bounded};

pub use lembar::{Codes, detect_role, pick_sheet};

/// Everything read from a report folder, before the model is built.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub config: Config,
    pub renja: Option<Renja>,
    pub realisasi: Option<Realisasi>,
    pub realisasi_lalu: Option<Realisasi>,
    /// The realization reports of the end of quarters I–III, when present
    /// (in a quarterly build of quarter N, those before N).
    pub realisasi_tw: [Option<Realisasi>; 3],
    /// The Evaluasi Renja as the office keeps it, when present: the budget
    /// of the quarters whose realization report is missing.
    pub evaluasi: Option<evaluasi::EvaluasiRenja>,
    /// The SIPD-RI Rekap of the APBD, the report's perangkat daerah's rows.
    pub apbd: Option<apbd::Apbd>,
    pub spm: Option<Spm>,
    pub kinerja: Option<Kinerja>,
    pub sumber: Vec<Sumber>,
    /// The tables read and the column of every field.
    pub pemetaan: Vec<Pemetaan>,
}

/// Reads `lkjip.toml` and every input workbook of the folder.
pub fn read_inputs(folder: &Folder, f: &mut Findings) -> Option<Inputs> {
    read_inputs_for(folder, None, f)
}

/// [`read_inputs`] for the report of a quarter (`build --triwulan N`, 1–4):
/// the realization report of quarter N stands for the year's so far.
pub fn read_inputs_for(folder: &Folder, triwulan: Option<u8>, f: &mut Findings) -> Option<Inputs> {
    let dir = folder.root();
    if !dir.is_dir() {
        f.error(
            "folder-missing",
            Location::file(dir.display().to_string()),
            "folder laporan tidak ditemukan".to_string(),
        );
        return None;
    }
    let config = match Config::load(dir) {
        Ok(c) => Config { triwulan, ..c },
        Err(e) => {
            f.push(e);
            return None;
        }
    };
    let mut inputs = Inputs {
        renja: None,
        realisasi: None,
        realisasi_lalu: None,
        realisasi_tw: [None, None, None],
        evaluasi: None,
        apbd: None,
        spm: None,
        kinerja: None,
        sumber: Vec::new(),
        pemetaan: Vec::new(),
        config,
    };
    let this_quarter = triwulan.unwrap_or(4);
    for peran in Peran::ALL {
        // a quarterly build reads the quarters before its own; its own is
        // read as the realization report
        if peran.quarter().is_some_and(|q| q < 4 && q >= this_quarter) {
            continue;
        }
        let (display, full, exists) = inputs.config.locate(dir, peran);
        // in a quarterly build the realization report is the quarter's
        let named = match peran {
            Peran::Realisasi => Peran::triwulan(this_quarter).unwrap_or(peran),
            p => p,
        };
        if !folder.contains(&full) {
            f.error(
                "path-outside",
                Location::file(CONFIG_FILE),
                format!(
                    "{} \"{display}\" berada di luar folder laporan; salin berkasnya ke data/ (lkjip hanya membaca di dalam folder laporan)",
                    peran.label()
                ),
            );
            continue;
        }
        if !exists {
            if peran.required() {
                f.error(
                    "file-missing",
                    Location::file(&display),
                    format!("{} tidak ditemukan (dicari {display} dan .xls)", named.label()),
                );
            } else if inputs.config.configured(peran).is_some() {
                f.error(
                    "file-missing",
                    Location::file(&display),
                    format!("{} yang disebut di lkjip.toml tidak ditemukan", peran.label()),
                );
            }
            continue;
        }
        let batas = inputs.config.batas.clone();
        let Some(mut wb) = open(&full, &display, peran, &batas, &mut inputs.sumber, f) else {
            continue;
        };
        wb.tetap = inputs.config.kolom_tetap(peran);
        wb.agency = Some((
            inputs.config.identitas.nama_opd.clone(),
            inputs.config.identitas.pemerintah_daerah.clone(),
        ));
        let sheet = inputs.config.sheet(peran).map(str::to_string);
        let sheet = sheet.as_deref();
        let read = match peran {
            Peran::Renja => renja::read(&mut wb, sheet, f).map(|r| inputs.renja = Some(r)),
            Peran::Realisasi => realisasi::read(&mut wb, sheet, f).map(|r| inputs.realisasi = Some(r)),
            Peran::RealisasiLalu => {
                let from = f.len();
                let read = realisasi::read(&mut wb, sheet, f).map(|r| inputs.realisasi_lalu = Some(r));
                // its rows are last year's figures of the report
                for found in f.since_mut(from) {
                    found.kunci = std::mem::take(&mut found.kunci)
                        .into_iter()
                        .map(Kunci::last_year)
                        .collect();
                }
                read
            }
            Peran::RealisasiTw1 | Peran::RealisasiTw2 | Peran::RealisasiTw3 => {
                let i = usize::from(peran.quarter().unwrap_or(1)) - 1;
                realisasi::read(&mut wb, sheet, f).map(|r| inputs.realisasi_tw[i] = Some(r))
            }
            Peran::Spm => spm::read(&mut wb, sheet, f).map(|r| inputs.spm = Some(r)),
            Peran::EvaluasiRenja => evaluasi::read(&mut wb, sheet, f).map(|r| inputs.evaluasi = Some(r)),
            Peran::Apbd => apbd::read(&mut wb, sheet, f).map(|mut r| {
                // refused (another perangkat daerah's, or none named the
                // report's): its error stands, no comparison follows
                let id = &inputs.config.identitas;
                if apbd::for_agency(&mut r, &id.nama_opd, &id.pemerintah_daerah, f)
                    && apbd::of_year(&r, id.tahun, f)
                    && apbd::has_pagu(&r, f)
                {
                    inputs.apbd = Some(r);
                }
            }),
            Peran::Kinerja => {
                inputs.kinerja = Some(kinerja::read(&mut wb, f));
                Some(())
            }
        };
        for note in wb.notes.drain(..) {
            f.push(note);
        }
        let id = &inputs.config.identitas;
        for p in &wb.pemetaan {
            let quarter = if peran == Peran::Realisasi {
                this_quarter
            } else {
                peran.quarter().unwrap_or(4)
            };
            periode::check(peran, p, id.tahun, quarter, f);
            if peran != Peran::Kinerja {
                periode::check_agency(p, &id.nama_opd, Some(id.singkatan.as_str()), f);
            }
        }
        inputs.pemetaan.append(&mut wb.pemetaan);
        if read.is_none()
            && let Some(other) = detect_role(&mut wb).filter(|o| !same_kind(*o, peran))
        {
            f.error(
                "wrong-role",
                Location::file(&display),
                format!(
                    "berkas ini tampaknya {}, bukan {}; periksa nama berkas atau [berkas] di lkjip.toml",
                    other.label(),
                    peran.label()
                ),
            );
        }
    }
    evaluasi::fill_quarters(&mut inputs, this_quarter, f);
    nama::codes_by_name(&mut inputs, f);
    // last year's report must not be this year's file again
    let sha = |p: Peran| inputs.sumber.iter().find(|s| s.peran == p);
    if let (Some(now), Some(lalu)) = (sha(Peran::Realisasi), sha(Peran::RealisasiLalu))
        && now.sha256 == lalu.sha256
    {
        f.error(
            "same-file",
            Location::file(&lalu.berkas),
            format!(
                "{} sama persis dengan {} ({}): pakai laporan realisasi Desember tahun {}",
                Peran::RealisasiLalu.label(),
                Peran::Realisasi.label(),
                now.berkas,
                inputs.config.identitas.tahun - 1
            ),
        );
    }
    // each quarter's report is its own: a copy of another period's is refused
    let periods: Vec<&Sumber> = inputs.sumber.iter().filter(|s| s.peran.is_realisasi()).collect();
    for (i, a) in periods.iter().enumerate() {
        if let Some(b) = periods[..i].iter().find(|b| b.sha256 == a.sha256)
            && !(b.peran == Peran::Realisasi && a.peran == Peran::RealisasiLalu)
        {
            f.error(
                "same-file",
                Location::file(&a.berkas),
                format!(
                    "{} sama persis dengan {} ({}): setiap triwulan memakai laporan realisasi akhir triwulannya",
                    a.peran.label(),
                    b.peran.label(),
                    b.berkas
                ),
            );
        }
    }
    Some(inputs)
}

/// The previous year's report has the same layout as this year's.
fn same_kind(a: Peran, b: Peran) -> bool {
    let norm = |p: Peran| if p.is_realisasi() { Peran::Realisasi } else { p };
    norm(a) == norm(b)
}

fn open(
    full: &Path,
    display: &str,
    peran: Peran,
    batas: &Batas,
    sumber: &mut Vec<Sumber>,
    f: &mut Findings,
) -> Option<Workbook> {
    let bytes = match read_bounded(full, display, batas.ukuran_berkas_mb) {
        Ok(b) => b,
        Err(e) => {
            f.push(e);
            return None;
        }
    };
    sumber.push(Sumber {
        peran,
        berkas: display.to_string(),
        sha256: sha256_hex(&bytes),
    });
    match Workbook::from_bytes_with(bytes, display, batas) {
        Ok(wb) => Some(wb),
        Err(e) => {
            f.push(e);
            None
        }
    }
}

/// What an importer read from one table: the sheet, the header rows and,
/// for every field, the column and its header text — so an officer can see
/// at a glance that "Realisasi" came from column F.
#[derive(Debug, Clone, Serialize)]
pub struct Pemetaan {
    pub berkas: String,
    pub lembar: String,
    /// The texts above the header (cell, text): title, period, agency.
    pub judul: Vec<(String, String)>,
    /// The header rows, 1-based (`4` to `5`), and the first data row.
    pub baris_judul: (u32, u32),
    pub baris_data: u32,
    pub kolom: Vec<KolomTerbaca>,
    /// The rows of a form without codes and the code each was given from
    /// the Renja by its name (`ingest::nama`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub menurut_nama: Vec<nama::CocokNama>,
}

/// One field of a [`Pemetaan`].
#[derive(Debug, Clone, Serialize)]
pub struct KolomTerbaca {
    /// The field (`realisasi`, as `[kolom.*]` will name it).
    pub bidang: &'static str,
    /// Column letters read (several for split codes and budget columns).
    pub kolom: Vec<String>,
    /// Their combined header texts.
    pub judul: Vec<String>,
    /// Other columns whose header matched too, not read (`E "REALISASI"`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub juga_cocok: Vec<String>,
    /// Fixed by the officer in `[kolom.*]` of `lkjip.toml`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ditetapkan: bool,
}

/// The non-empty cells above a table's header (cell, text): its title,
/// period and agency.
fn title_cells(sheet: &Sheet, h: &Header) -> Vec<(String, String)> {
    (0..h.first_row)
        .flat_map(|r| (0..sheet.width()).map(move |c| (r, c)))
        .filter(|(r, c)| !sheet.get(*r, *c).is_empty())
        .map(|(r, c)| (cell::cell_ref(r, c), sheet.get(r, c).text().trim().to_string()))
        .collect()
}

impl Pemetaan {
    fn new(berkas: &str, sheet: &Sheet, h: &Header, specs: &[ColumnSpec]) -> Pemetaan {
        let quoted = |c: u32| format!("{} \"{}\"", cell::column_name(c), h.text(c));
        Pemetaan {
            berkas: berkas.to_string(),
            lembar: sheet.name.clone(),
            judul: title_cells(sheet, h),
            baris_judul: (h.first_row + 1, h.last_row + 1),
            baris_data: h.data_start + 1,
            kolom: {
                // left to right, as the officer sees the sheet
                let mut read: Vec<&ColumnSpec> = specs.iter().filter(|s| !h.cols(s.key).is_empty()).collect();
                read.sort_by_key(|s| h.cols(s.key).first().copied());
                read
            }
            .into_iter()
            .map(|s| KolomTerbaca {
                bidang: s.key,
                kolom: h.cols(s.key).iter().map(|c| cell::column_name(*c)).collect(),
                judul: h.cols(s.key).iter().map(|c| h.text(*c).to_string()).collect(),
                juga_cocok: h.others(s.key).into_iter().map(quoted).collect(),
                ditetapkan: h.is_fixed(s.key),
            })
            .collect(),
            menurut_nama: Vec::new(),
        }
    }
}

impl std::fmt::Display for Pemetaan {
    /// `data/realisasi.xlsx › Sheet1 (judul baris 4–5, data dari baris 7)`
    /// and a line per field.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (a, b) = self.baris_judul;
        let rows = if a == b { format!("{a}") } else { format!("{a}–{b}") };
        writeln!(
            f,
            "{} › {} (judul baris {rows}, data dari baris {})",
            self.berkas, self.lembar, self.baris_data
        )?;
        for k in &self.kolom {
            let read: Vec<String> = k
                .kolom
                .iter()
                .zip(&k.judul)
                .map(|(c, t)| format!("{c} \"{t}\""))
                .collect();
            write!(f, "  {:<16} {}", k.bidang, read.join(", "))?;
            if k.ditetapkan {
                write!(f, " (ditetapkan di lkjip.toml)")?;
            }
            if !k.juga_cocok.is_empty() {
                write!(f, " (juga cocok, tidak dibaca: {})", k.juga_cocok.join(", "))?;
            }
            writeln!(f)?;
        }
        if !self.menurut_nama.is_empty() {
            writeln!(f, "  kode menurut nama di Renja:")?;
            for m in &self.menurut_nama {
                writeln!(f, "    {:<6} {} \"{}\"", m.sel, m.kode, m.nama)?;
            }
        }
        Ok(())
    }
}

/// Reads an amount; a bad cell becomes an error finding and `None`.
pub fn amount_at(sheet: &Sheet, row: u32, col: Option<u32>, f: &mut Findings) -> Option<Decimal> {
    let col = col?;
    match parse_amount(sheet.get(row, col)) {
        // money is kept to the sen: a float artefact of the workbook
        // (`1702000.0000000002`) is rounded, and said when it moves the rupiah
        Ok(Some(v)) if v.scale() > 2 => {
            let sen = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            if sen.trunc() != v.trunc() {
                f.warning(
                    "amount-rounded",
                    sheet.loc(row, col),
                    format!(
                        "nilai {} dibulatkan ke sen menjadi Rp {}; periksa rumus di sel ini",
                        v.normalize(),
                        crate::tampil::fmt_rupiah(sen)
                    ),
                );
            }
            Some(sen.normalize())
        }
        Ok(v) => v,
        Err(e) => {
            f.error(
                "amount-not-number",
                sheet.loc(row, col),
                format!("diharapkan {}, ditemukan {}", e.expected, e.found),
            );
            None
        }
    }
}

/// Reads a count; a bad cell becomes an error finding and `None`.
pub fn number_at(sheet: &Sheet, row: u32, col: Option<u32>, f: &mut Findings) -> Option<Decimal> {
    let col = col?;
    match parse_number(sheet.get(row, col)) {
        Ok(v) => v,
        Err(e) => {
            f.error(
                "number-invalid",
                sheet.loc(row, col),
                format!("diharapkan {}, ditemukan {}", e.expected, e.found),
            );
            None
        }
    }
}

/// Reads a printed percentage; a bad cell is a warning (printed
/// percentages are only compared, never used).
pub fn percent_at(sheet: &Sheet, row: u32, col: Option<u32>, f: &mut Findings) -> Option<Decimal> {
    let col = col?;
    match parse_percent(sheet.get(row, col)) {
        Ok(v) => v,
        Err(e) => {
            f.warning(
                "percent-invalid",
                sheet.loc(row, col),
                format!("diharapkan {}, ditemukan {}", e.expected, e.found),
            );
            None
        }
    }
}

/// The longest name of a program, kegiatan or sub kegiatan read (the
/// longest in the SIPD kamus is about 250 characters): a longer one is no
/// name, and would be laid out over hundreds of pages.
pub const NAMA_MAX: usize = 1000;

/// The name of a program, kegiatan or sub kegiatan at `row`; one longer than
/// [`NAMA_MAX`] is an error at its cell and cut there.
pub fn name_at(sheet: &Sheet, row: u32, col: Option<u32>, f: &mut Findings) -> String {
    let nama = text_at(sheet, row, col);
    let n = nama.chars().count();
    if n <= NAMA_MAX {
        return nama;
    }
    f.error(
        "name-too-long",
        sheet.loc(row, col.unwrap_or(0)),
        format!("nama {n} karakter, melebihi {NAMA_MAX}: ini bukan nama program/kegiatan; periksa sel ini"),
    );
    nama.chars().take(NAMA_MAX).collect()
}

/// The text of a cell (empty when the column is absent).
pub fn text_at(sheet: &Sheet, row: u32, col: Option<u32>) -> String {
    col.map(|c| sheet.get(row, c).text()).unwrap_or_default()
}

/// The targets of a cell (empty when the column is absent). Error values
/// (`#REF!`) are reported.
pub fn targets_at(sheet: &Sheet, row: u32, col: Option<u32>, f: &mut Findings) -> Vec<Target> {
    let Some(c) = col else { return Vec::new() };
    let cell = sheet.get(row, c);
    if let Cell::Error(e) = cell {
        f.error(
            "cell-error",
            sheet.loc(row, c),
            format!("sel berisi galat Excel {e}; perbaiki rumusnya atau isi nilainya"),
        );
        return Vec::new();
    }
    parse_targets(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_kept_to_the_sen() {
        let sheet = Sheet::from_rows(
            "data/realisasi.xlsx",
            "S",
            vec![vec![
                Cell::Number(1702000.0000000002),
                Cell::Number(1495118723.1299999),
                Cell::Number(1999.9999999),
                Cell::Number(2746000.0),
            ]],
        );
        let mut f = Findings::new();
        let at = |c: u32, f: &mut Findings| amount_at(&sheet, 0, Some(c), f).map(|d| d.to_string());
        assert_eq!(at(0, &mut f).as_deref(), Some("1702000"));
        assert_eq!(at(1, &mut f).as_deref(), Some("1495118723.13"));
        assert!(f.is_empty(), "{f:?}");
        // the rounding moves the rupiah: said, at the cell
        assert_eq!(at(2, &mut f).as_deref(), Some("2000"));
        let said: Vec<(&str, String)> = f.iter().map(|x| (x.code, x.location.to_string())).collect();
        assert_eq!(said, [("amount-rounded", "data/realisasi.xlsx › S › C1".to_string())]);
        assert_eq!(at(3, &mut f).as_deref(), Some("2746000"));
    }
}
