//! The default narrative texts, embedded: used for every section the
//! report folder has no text of, and written into `narasi/` by `lkjip init`.

/// Default narrative texts, used when the report folder has none of that
/// name (`lkjip init` writes them into `narasi/`).
pub const NARASI_BAWAAN: &[(&str, &str)] = &[
    (
        "kata-pengantar",
        include_str!("../../templates/narasi/kata-pengantar.md"),
    ),
    (
        "ringkasan-eksekutif",
        include_str!("../../templates/narasi/ringkasan-eksekutif.md"),
    ),
    (
        "1.1-tugas-dan-fungsi",
        include_str!("../../templates/narasi/1.1-tugas-dan-fungsi.md"),
    ),
    (
        "1.2-struktur-organisasi",
        include_str!("../../templates/narasi/1.2-struktur-organisasi.md"),
    ),
    (
        "1.3-aspek-strategis",
        include_str!("../../templates/narasi/1.3-aspek-strategis.md"),
    ),
    (
        "1.4-sistematika",
        include_str!("../../templates/narasi/1.4-sistematika.md"),
    ),
    (
        "2.1-target-kinerja",
        include_str!("../../templates/narasi/2.1-target-kinerja.md"),
    ),
    (
        "2.2-perjanjian-kinerja",
        include_str!("../../templates/narasi/2.2-perjanjian-kinerja.md"),
    ),
    (
        "3.0-akuntabilitas-kinerja",
        include_str!("../../templates/narasi/3.0-akuntabilitas-kinerja.md"),
    ),
    (
        "3.1-capaian-kinerja",
        include_str!("../../templates/narasi/3.1-capaian-kinerja.md"),
    ),
    (
        "3.2-kinerja-lainnya",
        include_str!("../../templates/narasi/3.2-kinerja-lainnya.md"),
    ),
    (
        "3.3-akuntabilitas-keuangan",
        include_str!("../../templates/narasi/3.3-akuntabilitas-keuangan.md"),
    ),
    (
        "4.1-kesimpulan",
        include_str!("../../templates/narasi/4.1-kesimpulan.md"),
    ),
    (
        "4.2-langkah-perbaikan",
        include_str!("../../templates/narasi/4.2-langkah-perbaikan.md"),
    ),
];
