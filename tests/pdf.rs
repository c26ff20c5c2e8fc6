//! The PDF: rendered once per test through the library (dependencies are
//! optimized in test builds, so a full report lays out in seconds), read
//! back from Typst's frames, and — where poppler-utils is installed (CI
//! installs it) — checked with pdftotext and pdffonts as a reader would.

use lkjip::build::{BuildOptions, build};
use lkjip::compute::Rules;
use lkjip::load::load;
use lkjip::render::pdf::{PdfRenderer, page_texts};
use lkjip::render::{RenderContext, Report};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Figures of the reference report (Ringkasan, Tabel 3.3, 3.18, 3.47) that
/// the example's PDF must print.
const REFERENCE_FIGURES: [&str; 7] = [
    "10.314.852.053",
    "9.521.256.875",
    "92,31",
    "6.110,00",
    "98,82",
    "71,91",
    "97,40",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("examples/dspppa-belitung-2024")
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Lays out a report folder and returns the text of each page.
fn texts(dir: &Path) -> Vec<String> {
    let loaded = load(dir);
    assert!(!loaded.findings.has_errors(), "{:?}", loaded.findings.sorted());
    let config = loaded.config.unwrap();
    let model = loaded.model.unwrap();
    let rules = Rules::new(&config.aturan).unwrap();
    let ctx = RenderContext {
        model: &model,
        config: &config,
        rules: &rules,
        dir,
    };
    let mut report = Report::default();
    let (doc, _) = PdfRenderer { aksesibel: false }
        .document(&ctx, &mut report)
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Typst joins "Tabel" and its number with a no-break space
    page_texts(&doc).into_iter().map(|p| p.replace('\u{a0}', " ")).collect()
}

/// A poppler tool, or `None` when it is not installed (then the check is
/// skipped, unless LKJIP_REQUIRE_POPPLER is set, as .ci/run does).
fn poppler(tool: &str, args: &[&str]) -> Option<String> {
    match Command::new(tool).args(args).output() {
        Ok(o) => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Err(_) => {
            assert!(
                std::env::var_os("LKJIP_REQUIRE_POPPLER").is_none(),
                "{tool} is required but not installed"
            );
            eprintln!("skipped: {tool} is not installed (apt-get install poppler-utils)");
            None
        }
    }
}

/// The last text run of a page is its footer: the page label.
fn label(page: &str) -> &str {
    page.rsplit(' ').next().unwrap_or("")
}

#[test]
fn the_example_report_is_complete() {
    let pages = texts(&example());
    let all = pages.join("\n");
    assert!(pages.len() > 60, "{} pages", pages.len());

    // every BAB and numbered section heading of the reference's Daftar Isi
    for heading in [
        "BAB I PENDAHULUAN",
        "1.1 Tugas dan Fungsi",
        "1.2 Struktur Organisasi",
        "1.3 Aspek Strategis Organisasi",
        "1.4 Sistematika Laporan",
        "BAB II PERENCANAAN KINERJA",
        "2.1 Target Kinerja Tahun 2024 - 2026",
        "2.2 Perjanjian Kinerja Tahun 2024",
        "BAB III AKUNTABILITAS KINERJA",
        "3.1 Capaian Kinerja Tahun 2024",
        "3.2 Kinerja Lainnya",
        "3.3 Akuntabilitas Keuangan",
        "BAB IV PENUTUP",
        "4.1 Kesimpulan Umum",
        "4.2 Langkah Perbaikan ke Depan",
        "Lampiran",
        "Kata Pengantar",
        "Ringkasan Eksekutif",
    ] {
        assert!(
            pages[..8].iter().any(|p| p.contains(heading)),
            "Daftar Isi lacks {heading:?}"
        );
    }
    for figure in REFERENCE_FIGURES {
        assert!(all.contains(figure), "{figure} missing");
    }

    // Daftar Isi: each entry's page number is the page where it stands
    let toc = pages.iter().position(|p| p.contains("DAFTAR ISI")).unwrap();
    for (entry, body) in [
        ("1.1 Tugas dan Fungsi", "1.1 TUGAS DAN FUNGSI"),
        ("1.4 Sistematika Laporan", "1.4 SISTEMATIKA LAPORAN"),
        ("2.2 Perjanjian Kinerja Tahun 2024", "2.2 PERJANJIAN KINERJA TAHUN 2024"),
        ("3.2 Kinerja Lainnya Tahun 2024", "3.2 KINERJA LAINNYA TAHUN 2024"),
        ("3.3 Akuntabilitas Keuangan", "3.3 AKUNTABILITAS KEUANGAN"),
        ("4.2 Langkah Perbaikan ke Depan", "4.2 LANGKAH PERBAIKAN KE DEPAN"),
        ("Ringkasan Eksekutif", "RINGKASAN EKSEKUTIF"),
    ] {
        let line = &pages[toc][pages[toc].find(entry).unwrap()..];
        let listed: String = line[entry.len()..]
            .replace('\u{2060}', " ")
            .split_whitespace()
            .find(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
            .unwrap()
            .to_string();
        let page = pages
            .iter()
            .skip(toc + 1)
            .find(|p| p.contains(body))
            .unwrap_or_else(|| panic!("{body} not found"));
        assert_eq!(label(page), listed, "{entry}: Daftar Isi says {listed}");
    }

    // tables numbered per chapter without gaps or duplicates (Daftar Tabel)
    let start = pages.iter().position(|p| p.contains("DAFTAR TABEL")).unwrap();
    let end = pages.iter().position(|p| p.contains("DAFTAR GAMBAR")).unwrap();
    let list = pages[start..end].join(" ");
    let mut numbers: Vec<(u32, u32)> = Vec::new();
    for w in list.split("Tabel ").skip(1) {
        let num: String = w.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        let mut it = num.trim_end_matches('.').split('.');
        if let (Some(a), Some(b)) = (it.next(), it.next()) {
            numbers.push((a.parse().unwrap(), b.parse().unwrap()));
        }
    }
    assert!(numbers.len() > 45, "{} tables", numbers.len());
    let mut expect = (0, 0);
    for (ch, n) in &numbers {
        expect = if *ch == expect.0 { (*ch, expect.1 + 1) } else { (*ch, 1) };
        assert_eq!((*ch, *n), expect, "table numbers: {numbers:?}");
    }
    assert_eq!(
        numbers
            .iter()
            .map(|x| x.0)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        3
    );
    // every listed table is in the body with its caption
    for (ch, n) in &numbers {
        let caption = format!("Tabel {ch}.{n} ");
        assert!(
            pages[end..].iter().any(|p| p.contains(&caption)),
            "{caption} not in the body"
        );
    }
    // charts and all twelve lampiran
    assert!(all.contains("Grafik 3.1"));
    for l in ["LAMPIRAN I ", "LAMPIRAN V ", "LAMPIRAN IX ", "LAMPIRAN XII "] {
        assert!(
            pages.iter().any(|p| p.starts_with(l) || p.contains(&format!(" {l}"))),
            "{l} missing"
        );
    }
}

#[test]
fn two_builds_give_the_same_bytes_and_a_pdf_a() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let built = build(
        &example(),
        &BuildOptions {
            out: Some(a.clone()),
            only: Some("pdf".into()),
            ..Default::default()
        },
    )
    .unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    build(
        &example(),
        &BuildOptions {
            out: Some(b.clone()),
            only: Some("pdf".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let name = "LKjIP-dspppa-belitung-2024.pdf";
    assert_eq!(built.files, [a.join(name), a.join("model.json")]);
    let x = std::fs::read(a.join(name)).unwrap();
    let y = std::fs::read(b.join(name)).unwrap();
    assert_eq!(lkjip::load::sha256_hex(&x), lkjip::load::sha256_hex(&y));
    // PDF/A-2b is declared in the XMP metadata
    let text = String::from_utf8_lossy(&x);
    assert!(
        text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""),
        "no PDF/A-2 declaration"
    );
    assert!(text.contains("pdfaid:conformance>B<") || text.contains("pdfaid:conformance=\"B\""));
    // no temporary file left behind
    assert_eq!(std::fs::read_dir(&a).unwrap().count(), 2);
    assert_eq!(
        std::fs::read(a.join("model.json")).unwrap(),
        std::fs::read(b.join("model.json")).unwrap()
    );
    if let Some(fonts) = poppler("pdffonts", &[a.join(name).to_str().unwrap()]) {
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for r in rows {
            let cols: Vec<&str> = r.split_whitespace().collect();
            assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {r}");
        }
    }
    if let Some(txt) = poppler("pdftotext", &[a.join(name).to_str().unwrap(), "-"]) {
        for figure in REFERENCE_FIGURES {
            assert!(txt.contains(figure), "pdftotext lacks {figure}");
        }
    }
}

#[test]
fn narrative_prints_characters_typst_would_interpret() {
    let pages = texts(&fixture("ok-narasi-aneh"));
    let all = pages.join(" ");
    for typed in [
        "admin@dinsos.go.id",
        "$5 dan $6",
        "// catatan petugas",
        "#set",
        "kurung ]",
        "bintang *",
        "5% dari target",
    ] {
        assert!(all.contains(typed), "{typed:?} not printed literally");
    }
    // the list item keeps its marker: "- 5% dari target"
    assert!(all.contains("- 5% dari target"), "{all}");
    // placeholders are filled from the model (hand total of the mini data set)
    assert!(all.contains("Pagu tahun 2024: Rp 136.909.500."));
}

#[test]
fn template_and_narrative_errors_are_located_and_nothing_is_written() {
    for (name, expected) in [
        ("bad-template", "templates/gaya.typ › baris 4"),
        ("bad-narasi-placeholder", "narasi/1.3-aspek-strategis.md › baris 5"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let err = match build(
            &fixture(name),
            &BuildOptions {
                out: Some(out.clone()),
                ..Default::default()
            },
        ) {
            Ok(_) => panic!("{name}: the build must fail"),
            Err(f) => f,
        };
        let msgs: Vec<String> = err.sorted().iter().map(|f| f.to_string()).collect();
        assert!(msgs.iter().any(|m| m.contains(expected)), "{name}: {msgs:?}");
        assert!(
            !out.exists() || std::fs::read_dir(&out).unwrap().count() == 0,
            "{name}: something was written"
        );
    }
}

#[test]
fn f4_paper_is_used_when_configured() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("f4");
    copy(&fixture("ok-dasar"), &dir);
    let toml = std::fs::read_to_string(dir.join("lkjip.toml"))
        .unwrap()
        .replace("tanggal = \"2025-03-04\"", "tanggal = \"2025-03-04\"\nkertas = \"F4\"");
    std::fs::write(dir.join("lkjip.toml"), toml).unwrap();
    let loaded = load(&dir);
    let (config, model) = (loaded.config.unwrap(), loaded.model.unwrap());
    let rules = Rules::new(&config.aturan).unwrap();
    let ctx = RenderContext {
        model: &model,
        config: &config,
        rules: &rules,
        dir: &dir,
    };
    let (doc, _) = PdfRenderer { aksesibel: false }
        .document(&ctx, &mut Report::default())
        .unwrap();
    let size = doc.pages()[0].frame.size();
    // 215 × 330 mm in points
    assert!((size.x.to_pt() - 215.0 / 25.4 * 72.0).abs() < 0.5, "{size:?}");
    assert!((size.y.to_pt() - 330.0 / 25.4 * 72.0).abs() < 0.5, "{size:?}");
    assert_eq!(lkjip::render::xlsx::paper_code("F4"), 14);
    assert_eq!(lkjip::render::xlsx::paper_code("A4"), 9);
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}
