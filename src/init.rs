//! `lkjip init DIR`: a new report folder with a commented `lkjip.toml`, an
//! empty `data/kinerja.xlsx` whose sheets and headers are in place, and a
//! short README for the officer. Existing files are never overwritten.

use crate::folder::{self, CONFIG_FILE};
use crate::ingest::kinerja::{
    PEGAWAI_COLUMNS, PENGUKURAN_COLUMNS, RENSTRA_COLUMNS, RIWAYAT_COLUMNS, SHEET_PEGAWAI, SHEET_PENGUKURAN,
    SHEET_RENSTRA, SHEET_RIWAYAT, SHEET_STRATEGI, STRATEGI_COLUMNS,
    struktur::{SHEET_STRUKTUR, STRUKTUR_COLUMNS},
    triwulan::{SHEET_TRIWULAN, TRIWULAN_COLUMNS},
};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Note, Workbook, XlsxError};
use std::path::Path;

/// What went wrong while creating a folder.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0} sudah ada; folder ini sudah berisi laporan (tidak ada yang ditimpa)")]
    Exists(String),
    #[error("tidak dapat menulis {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("tidak dapat membuat kinerja.xlsx: {0}")]
    Xlsx(#[from] XlsxError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> InitError + '_ {
    move |source| InitError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// [`folder::write_atomic`], with the path in the error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), InitError> {
    folder::write_atomic(path, bytes).map_err(io(path))
}

/// Creates the report folder `dir` for reporting year `tahun`. Returns the
/// files written, relative to `dir`.
pub fn init(dir: &Path, tahun: i32) -> Result<Vec<String>, InitError> {
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        return Err(InitError::Exists(config.display().to_string()));
    }
    for sub in ["data", "narasi", "gambar"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(io(&dir.join(sub)))?;
    }
    let mut written = Vec::new();
    let kinerja = dir.join("data/kinerja.xlsx");
    if !kinerja.exists() {
        write_atomic(&kinerja, &kinerja_template(tahun)?)?;
        written.push("data/kinerja.xlsx".to_string());
    }
    for (stem, text) in crate::narrative::NARASI_BAWAAN {
        let path = dir.join("narasi").join(format!("{stem}.md"));
        if !path.exists() {
            write_atomic(&path, text.as_bytes())?;
            written.push(format!("narasi/{stem}.md"));
        }
    }
    let readme = dir.join("README.md");
    if !readme.exists() {
        write_atomic(&readme, README.as_bytes())?;
        written.push("README.md".to_string());
    }
    write_atomic(&config, config_template(tahun).as_bytes())?;
    written.insert(0, CONFIG_FILE.to_string());
    // the workbooks may be there already (a folder started from the
    // exports): every program and kegiatan gets its analysis slot
    written.extend(analysis_slots(dir)?);
    Ok(written)
}

/// Writes `narasi/program-KODE.md` and `narasi/kegiatan-KODE.md`, the
/// analysis slots (`narrative::slot`), for every program and kegiatan of the
/// folder's workbooks that has no narrative file yet (`lkjip init`, `lkjip
/// analisis`). Nothing when the workbooks cannot be read into a model (the
/// findings of `check` say why). Returns the files written, relative to
/// `dir`.
pub fn analysis_slots(dir: &Path) -> Result<Vec<String>, InitError> {
    let loaded = crate::load::load(dir);
    let Some(m) = loaded.model else {
        return Ok(Vec::new());
    };
    let narasi = dir.join("narasi");
    std::fs::create_dir_all(&narasi).map_err(io(&narasi))?;
    let mut written = Vec::new();
    let mut slot = |jenis: &str, kode: String, nama: &str| -> Result<(), InitError> {
        let stem = format!("{jenis}-{kode}");
        let path = narasi.join(format!("{stem}.md"));
        if !path.exists() {
            write_atomic(&path, crate::narrative::slot::template(jenis, &kode, nama).as_bytes())?;
            written.push(format!("narasi/{stem}.md"));
        }
        Ok(())
    };
    for p in &m.programs {
        slot("program", p.kode.to_string(), &p.nama)?;
        for k in &p.kegiatan {
            slot("kegiatan", k.kode.to_string(), &k.nama)?;
        }
    }
    Ok(written)
}

/// The commented `lkjip.toml` of a new folder.
pub fn config_template(tahun: i32) -> String {
    CONFIG_TEMPLATE
        .replace("{tahun}", &tahun.to_string())
        .replace("{tahun_lapor}", &(tahun + 1).to_string())
}

const CONFIG_TEMPLATE: &str = r#"# lkjip.toml — identitas dan pengaturan Laporan Kinerja (LKjIP).
# Isi nilai di antara tanda petik. Baris yang diawali # adalah catatan.

[identitas]
nama_opd = "Dinas ..."                 # nama lengkap perangkat daerah
singkatan = ""                         # mis. "DSPPPA"
kode = "opd"                           # kode pendek untuk nama berkas (huruf, angka, tanda hubung)
pemerintah_daerah = "Kabupaten ..."
alamat = ""
tahun = {tahun}                            # tahun yang dilaporkan

[kepala]                               # Kepala Dinas: menandatangani laporan dan PK (Pihak Kesatu)
nama = ""
jabatan = "Kepala Dinas"
pangkat = ""                           # mis. "Pembina Utama Muda / IV.c"
nip = ""

# [atasan]                             # Pihak Kedua pada Perjanjian Kinerja
# nama = ""
# jabatan = "Bupati ..."

[laporan]
tempat = ""                            # tempat penandatanganan
tanggal = "{tahun_lapor}-03-01"                 # TTTT-BB-HH; juga tanggal dokumen PDF
# kertas = "A4"                        # atau "F4" (215 x 330 mm)

# [perjanjian_kinerja]
# tempat = ""
# tanggal = "{tahun}-01-31"
# perubahan = true   # PK yang diubah setelah APBD Perubahan: PERUBAHAN PERJANJIAN KINERJA

# Lokasi berkas, relatif terhadap folder ini. Tanpa isian dipakai
# data/renja.xlsx, data/realisasi.xlsx, data/realisasi-lalu.xlsx (opsional),
# data/spm.xlsx (opsional) dan data/kinerja.xlsx — .xlsx maupun .xls.
# Untuk Evaluasi Renja per triwulan (lkjip build --triwulan N): laporan
# realisasi akhir Maret, Juni, September di data/realisasi-tw1.xlsx … tw3.
[berkas]
# renja = "data/renja.xlsx"
# realisasi = "data/realisasi.xlsx"
# realisasi_lalu = "data/realisasi-lalu.xlsx"
# realisasi_tw1 = "data/realisasi-tw1.xlsx"
# spm = "data/spm.xlsx"
# kinerja = "data/kinerja.xlsx"

# Nama lembar, bila satu workbook berisi beberapa tabel.
[lembar]
# renja = "Sheet1"
# realisasi = "Sheet1"

# Aturan perhitungan. Nilai bawaan mengikuti praktik umum LKjIP.
[aturan]
# kategori = "referensi"             # atau "permendagri-86-2017"
# rumus_negatif = "t/r"              # indikator negatif: T/R x 100; atau "2t-r": (2T-R)/T x 100
# batas_capaian = 150                # batas atas capaian (%); bawaan: tanpa batas
# capaian_tinggi = 200               # capaian di atas ini ditandai (target mungkin keliru)
# ambang_serapan = 80                # sub kegiatan dengan serapan di bawah ini perlu penjelasan
# toleransi_persen = 0.01            # selisih persen tercetak vs hitungan yang masih diterima
# belanja_tidak_langsung = ["X.XX.01.2.02.0001"]   # Penyediaan Gaji dan Tunjangan ASN
# spm_pembulatan = "bertahap"        # seperti aplikasi e-SPM; atau "akhir"
# [aturan.tangga]                    # tangga tingkat tambahan, dari terendah
# IDM = ["Sangat Tertinggal", "Tertinggal", "Berkembang", "Maju", "Mandiri"]

# Reviu oleh APIP (lkjip build --draft): untuk Pernyataan Telah Direviu.
# [reviu]
# instansi = "Inspektorat Kabupaten ..."
# [reviu.penandatangan]
# nama = ""
# jabatan = "Inspektur Kabupaten ..."
# nip = ""
"#;

const README: &str = r#"# Folder laporan LKjIP

1. Salin ekspor resmi ke folder `data/`:
   - `renja.xlsx` — Renja / RKPD Perubahan dari SIPD;
   - `realisasi.xlsx` — Laporan Realisasi Fisik dan Keuangan bulan Desember;
   - `realisasi-lalu.xlsx` — laporan yang sama tahun sebelumnya (opsional);
   - `spm.xlsx` — Laporan Pencapaian SPM dari e-SPM (hanya OPD dengan urusan SPM).
   Berkas `.xls` juga diterima.
2. Isi `data/kinerja.xlsx` (lembar Pengukuran, Renstra, Riwayat, Strategi,
   Pegawai; tabel lain sebagai lembar bernama `Tabel …`). Lembar Petunjuk
   menjelaskan setiap kolom.
3. Lengkapi `lkjip.toml` (identitas, penandatangan, tanggal).
4. Periksa: `lkjip check .` — setiap temuan menyebut berkas › lembar › sel.
5. Draf untuk reviu Inspektorat: `lkjip build --draft .` menulis
   `out/LKjIP-…-DRAF.pdf` dengan Lembar Reviu (semua temuan dan halamannya),
   daftar periksa dan perubahan sejak draf sebelumnya.
6. Laporan final: `lkjip build .` (ditolak selama masih ada error).
"#;

/// An empty kinerja.xlsx with every sheet and header in place.
pub fn kinerja_template(tahun: i32) -> Result<Vec<u8>, InitError> {
    let mut wb = Workbook::new();
    let date = ExcelDateTime::from_ymd(u16::try_from(tahun).unwrap_or(2024), 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Workbook pengukuran kinerja (lkjip)")
            .set_author("lkjip")
            .set_creation_datetime(&date),
    );
    let head = Format::new().set_bold().set_text_wrap().set_background_color("D9E1F2");

    let ws = wb.add_worksheet().set_name("Petunjuk")?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, "Workbook pengukuran kinerja — susunan yang dibaca lkjip", &bold)?;
    let mut r = 2;
    ws.write_string_with_format(r, 0, "Lembar Pengukuran (Form 2 Pengukuran Kinerja)", &bold)?;
    r += 1;
    for (name, help) in PENGUKURAN_COLUMNS {
        ws.write_string(r, 0, *name)?;
        ws.write_string(r, 1, *help)?;
        r += 1;
    }
    for line in [
        "",
        "Lembar Renstra: satu baris per indikator tujuan/sasaran (kode T1, S1 …); satu kolom per tahun Renstra dengan judul tahunnya.",
        "Lembar Riwayat: target dan realisasi indikator pada tahun-tahun sebelumnya (satu baris per tahun).",
        "Lembar Strategi: tujuan, sasaran, strategi dan arah kebijakan (Tabel 2.1).",
        "Lembar Pegawai: jumlah pegawai menurut pendidikan, status dan jenis kelamin (Tabel 1.1).",
        "Lembar Struktur (opsional): satu baris per unit organisasi (kode, unit, kode induk, jabatan, nama pejabat); digambar sebagai bagan Struktur Organisasi di 1.2.",
        "Lembar Triwulan (opsional, untuk Evaluasi Renja per triwulan: lkjip build --triwulan N): satu baris per indikator Pengukuran, realisasi dalam triwulan I–IV, faktor pendorong, penghambat dan tindak lanjut.",
        "Lembar bernama \"Tabel …\": tabel lain milik OPD; sel A1 judul, tabel mulai baris 3.",
    ] {
        ws.write_string(r, 0, line)?;
        r += 1;
    }
    ws.set_column_width(0, 48)?;
    ws.set_column_width(1, 90)?;

    let ws = wb.add_worksheet().set_name(SHEET_PENGUKURAN)?;
    for (c, (name, help)) in PENGUKURAN_COLUMNS.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        ws.write_string_with_format(0, c, *name, &head)?;
        ws.set_column_width(c, if c < 2 { 14 } else { 24 })?;
        if !help.is_empty() {
            ws.insert_note(0, c, &Note::new(*help).set_author("lkjip"))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;

    let ws = wb.add_worksheet().set_name(SHEET_TRIWULAN)?;
    for (c, (name, help)) in TRIWULAN_COLUMNS.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        ws.write_string_with_format(0, c, *name, &head)?;
        ws.set_column_width(c, if c == 0 { 14 } else { 20 })?;
        if !help.is_empty() {
            ws.insert_note(0, c, &Note::new(*help).set_author("lkjip"))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;

    let ws = wb.add_worksheet().set_name(SHEET_STRUKTUR)?;
    for (c, (name, help)) in STRUKTUR_COLUMNS.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        ws.write_string_with_format(0, c, *name, &head)?;
        ws.set_column_width(c, if c == 0 || c == 2 { 10 } else { 36 })?;
        if !help.is_empty() {
            ws.insert_note(0, c, &Note::new(*help).set_author("lkjip"))?;
        }
    }
    ws.set_freeze_panes(1, 0)?;

    let ws = wb.add_worksheet().set_name(SHEET_RENSTRA)?;
    let mut cols: Vec<String> = RENSTRA_COLUMNS.iter().map(|s| s.to_string()).collect();
    cols.extend((0..3).map(|i| (tahun + i).to_string()));
    for (c, name) in cols.iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c).unwrap_or(0), name, &head)?;
    }
    ws.set_freeze_panes(1, 0)?;

    for (name, columns) in [
        (SHEET_RIWAYAT, RIWAYAT_COLUMNS),
        (SHEET_STRATEGI, STRATEGI_COLUMNS),
        (SHEET_PEGAWAI, PEGAWAI_COLUMNS),
    ] {
        let ws = wb.add_worksheet().set_name(name)?;
        for (c, col) in columns.iter().enumerate() {
            ws.write_string_with_format(0, u16::try_from(c).unwrap_or(0), *col, &head)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    Ok(wb.save_to_buffer()?)
}
