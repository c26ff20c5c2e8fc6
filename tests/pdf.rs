//! The PDF: rendered once per test through the library (dependencies are
//! optimized in test builds, so a full report lays out in seconds), read
//! back from Typst's frames, and — where poppler-utils is installed (CI
//! installs it) — checked with pdftotext and pdffonts as a reader would.

use lkjip::build::{BuildOptions, build};
use lkjip::load::load;
use lkjip::render::Report;
use lkjip::render::pdf::draf::Draft;
use lkjip::render::pdf::{PdfRenderer, page_texts};
use std::path::Path;
use std::process::Command;

mod common;
use common::{copy_dir, example, fixture};

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

/// Lays out a report folder and returns the text of each page.
fn texts(dir: &Path) -> Vec<String> {
    let loaded = load(dir);
    assert!(!loaded.findings.has_errors(), "{:?}", loaded.findings.sorted());
    pages(dir, false)
}

/// Lays out the reviewer draft of a report folder (errors allowed, no
/// previous model) and returns the text of each page.
fn draft_texts(dir: &Path) -> Vec<String> {
    pages(dir, true)
}

fn pages(dir: &Path, draft: bool) -> Vec<String> {
    let loaded = load(dir);
    let ctx = loaded.context().expect("a model");
    let draft = draft.then(|| Draft::new(ctx.model, ctx.config, ctx.folder, None, &"0".repeat(64)));
    let (doc, _) = PdfRenderer {
        draft,
        ..Default::default()
    }
    .document(&ctx, &mut Report::default())
    .unwrap_or_else(|e| panic!("{e:?}"));
    // Typst joins "Tabel" and its number with a no-break space; a range
    // of years is bound by a word joiner (document::tipografi)
    page_texts(&doc)
        .into_iter()
        .map(|p| p.replace('\u{a0}', " ").replace('\u{2060}', ""))
        .collect()
}

/// A review page of a draft: its footer reads R-1, R-2, …
fn is_review_page(page: &str) -> bool {
    page.split(' ')
        .any(|w| w.strip_prefix("R-").is_some_and(|n| n.parse::<u32>().is_ok()))
}

/// Text without whitespace, so a message compares with the same message
/// wrapped in a table cell (Typst may break a line after "/" too).
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
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
    // a signature block never splits: the Perjanjian Kinerja's two parties
    // (Lampiran X) and their names on one page; the head's jabatan and
    // name under the Kata Pengantar on one page
    let loaded = load(&example());
    let id = &loaded.context().unwrap().model.identitas;
    let kepala = id.kepala.nama.as_str();
    let atasan = id.atasan.as_ref().unwrap().nama.as_str();
    let pk = pages
        .iter()
        .position(|p| p.contains("Pihak Kedua,"))
        .expect("the PK's signatures");
    assert!(
        pages[pk].contains(atasan) && pages[pk].contains(kepala),
        "{}",
        pages[pk]
    );
    let signed = format!("{}, {}", id.tempat, id.tanggal_teks);
    let mut blocks = 0;
    for (i, p) in pages.iter().enumerate() {
        if p.contains(&signed) {
            blocks += 1;
            assert!(p.contains(kepala), "page {}: place and date without the name", i + 1);
        }
    }
    assert!(blocks >= 2, "{blocks}");
    // every announced table, chart and picture sits on the page of its
    // announcement or the next
    announced_figures_follow(
        &pages,
        &lkjip::render::dokumen(&loaded.context().unwrap(), false).unwrap(),
    );
    // Tabel 2.2's continuation page names, on its first row, the tujuan,
    // sasaran and program the rows belong to; its first page does not
    // repeat them
    let t22 = pages
        .iter()
        .rposition(|p| squash(p).contains(&squash("Tabel 2.2 Program dan Kegiatan")))
        .expect("Tabel 2.2");
    assert!(!pages[t22].contains("(lanjutan)"), "{}", pages[t22]);
    assert_eq!(pages[t22 + 1].matches("(lanjutan)").count(), 3, "{}", pages[t22 + 1]);
    // every page it continues on names at least the tujuan and sasaran
    // (a page that begins with a program does not repeat the program)
    for p in &pages[t22 + 1..t22 + 6] {
        assert!(p.matches("(lanjutan)").count() >= 2, "{p}");
    }
    // a narrative's title line is not printed again under its heading
    let kp = &pages[1];
    assert_eq!(kp.matches("KATA PENGANTAR").count(), 1, "{kp}");
    assert!(
        !all.contains("2.2. PERJANJIAN KINERJA"),
        "the repeated title line of 2.2"
    );
    assert!(pages.len() > 60, "{} pages", pages.len());
    // a final report never carries the draft's marks or pages
    assert!(!all.contains("DRAF"), "a final PDF with a draft mark");
    assert!(!all.contains("Lembar Reviu"));

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
    // the lampiran are listed with their titles
    let daftar = squash(&format!("{} {}", pages[toc], pages[toc + 1]));
    for title in [
        "LAMPIRAN I PENGUKURAN KINERJA SASARAN PROGRAM DAN KEGIATAN TAHUN 2024",
        "LAMPIRAN XII LAPORAN REALISASI FISIK DAN KEUANGAN",
    ] {
        assert!(daftar.contains(&squash(title)), "{title} not in the Daftar Isi");
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
    // the Perjanjian Kinerja: its statement page under Lampiran X, called
    // PERUBAHAN as the reference's is (l. 3690, `perubahan = true`), both
    // parties named, signed; the NIP spaced as BKN prints it (reference
    // l. 3917: "NIP. 19690824 199003 1 004")
    let x = pages
        .iter()
        // the last page naming it: the Daftar Isi names it first
        .rposition(|p| p.contains("LAMPIRAN X PERUBAHAN PERJANJIAN KINERJA TAHUN 2024"))
        .expect("Lampiran X");
    for want in [
        "Dalam rangka mewujudkan manajemen pemerintahan",
        "Selanjutnya disebut Pihak Kesatu.",
        "Selaku atasan Pihak Kesatu, selanjutnya disebut Pihak Kedua.",
        kepala,
        atasan,
        "Pihak Kedua,",
        "NIP. 19690824 199003 1 004",
    ] {
        assert!(
            pages[x].contains(want),
            "{want:?} not on the statement page:\n{}",
            pages[x]
        );
    }
    assert!(!all.contains("196908241990031004"), "a NIP not spaced");
    // Lampiran XI and XII end with the head's signature, as the reference's
    // forms do (l. 4034, l. 4200): the name after the last row of each
    let nip = "NIP. 19690824 199003 1 004";
    // (the last page naming it: the Daftar Isi names them all)
    let start = |l: &str| {
        pages
            .iter()
            .rposition(|p| p.starts_with(l) || p.contains(&format!(" {l}")))
    };
    let (xi, xii) = (start("LAMPIRAN XI ").expect("XI"), start("LAMPIRAN XII ").expect("XII"));
    assert!(pages[xi..xii].iter().any(|p| p.contains(nip)), "Lampiran XI unsigned");
    assert!(pages[xii..].iter().any(|p| p.contains(nip)), "Lampiran XII unsigned");
    // the cover names the government first (lkjip.toml: "Kabupaten Belitung")
    assert!(pages[0].contains("PEMERINTAH KABUPATEN BELITUNG"), "{}", pages[0]);
    // the organisation chart from kinerja.xlsx › Struktur is Gambar 1.1,
    // listed in the Daftar Gambar, its boxes on the page of its caption
    let m = &loaded.context().unwrap().model;
    assert!(m.struktur.len() >= 7, "{}", m.struktur.len());
    // (its first mention is the Daftar Gambar's, in the front matter)
    let daftar = pages
        .iter()
        .position(|p| squash(p).contains(&squash("Gambar 1.1 Struktur Organisasi")))
        .expect("Gambar 1.1 in the Daftar Gambar");
    assert!(
        label(&pages[daftar]).chars().all(|c| "ivxlc".contains(c)),
        "{}",
        label(&pages[daftar])
    );
    let chart = pages
        .iter()
        .rposition(|p| squash(p).contains(&squash("Gambar 1.1 Struktur Organisasi")))
        .unwrap();
    assert!(chart > daftar);
    for u in &m.struktur {
        assert!(
            squash(&pages[chart]).contains(&squash(&u.jabatan)),
            "{} not on the chart's page",
            u.jabatan
        );
    }
    assert!(pages[chart].contains(kepala), "the head's name on the chart");
    // charts and all twelve lampiran
    assert!(all.contains("Grafik 3.1"));
    for l in ["LAMPIRAN I ", "LAMPIRAN V ", "LAMPIRAN IX ", "LAMPIRAN XII "] {
        assert!(
            pages.iter().any(|p| p.starts_with(l) || p.contains(&format!(" {l}"))),
            "{l} missing"
        );
    }
    // the quarters of the year (the example's Triwulan sheet): a chart per
    // IKU under its sasaran, and Lampiran XIII, the Evaluasi Renja of
    // quarter IV, with the year's pagu in its JUMLAH row, no spending per
    // quarter (the example has no quarterly realization report, and says
    // so), signed by the head
    let iku = m
        .perjanjian_kinerja
        .iter()
        .find(|pk| pk.indikator.triwulan.is_some())
        .expect("an IKU with quarters");
    assert!(
        squash(&all).contains(&squash(&format!(
            "Realisasi Triwulan I–IV Tahun {}: {}",
            m.identitas.tahun, iku.indikator.uraian
        ))),
        "no quarterly chart of {}",
        iku.indikator.uraian
    );
    let xiii = pages
        .iter()
        .rposition(|p| p.starts_with("LAMPIRAN XIII") || p.contains(" LAMPIRAN XIII"))
        .expect("LAMPIRAN XIII");
    let xiii_text = squash(&pages[xiii..].join(" "));
    for want in [
        "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH TRIWULAN IV".to_string(),
        "JUMLAH".to_string(),
        lkjip::tampil::rp(m.ringkasan.pagu),
        "Realisasi anggaran per triwulan tidak tersedia".to_string(),
    ] {
        assert!(xiii_text.contains(&squash(&want)), "{want:?} not in Lampiran XIII");
    }
    assert!(pages[xiii..].iter().any(|p| p.contains(nip)), "Lampiran XIII unsigned");
    // the reference's sub-sections of BAB III, in its order (reference
    // l. 742, 801, 912, 2397, 2399, 2466, 2515), after the Daftar Isi
    let body = squash(&pages[daftar + 1..].join(" "));
    let mut at = 0;
    for heading in [
        "3.1.1 Realisasi dan Capaian Kinerja Tahun 2018–2023 dan Tahun 2024",
        "3.1.2 Pengukuran, Evaluasi, dan Analisis Kinerja Sasaran Strategis",
        "3.1.2.1 Tujuan/Sasaran Strategis 1",
        "3.1.2.3 Tujuan/Sasaran Strategis 3",
        "3.1.3 Realisasi Kinerja dengan Mengacu pada Standar Pelayanan Minimal",
        "Sumber Data: Laporan Pencapaian Pemenuhan SPM Tahun 2024",
        "3.1.3.1 Urusan Sosial",
        "3.1.3.2 Urusan Pemberdayaan Perempuan dan Perlindungan Anak",
        "3.2.1 Kinerja Lainnya (Program Inovasi Begalor)",
    ] {
        let found = body[at..].find(&squash(heading));
        assert!(found.is_some(), "{heading:?} missing or out of order");
        at += found.unwrap_or(0);
    }
    // BAB II: the programs listed from the model in 2.1.2, then Tabel 2.2 in
    // the reference's nine columns (l. 500)
    let lists = body
        .find(&squash("2.1.2 Strategi, Kebijakan, Program dan Kegiatan"))
        .unwrap();
    let iku = body.find(&squash("2.1.3 Indikator Kinerja Utama")).unwrap();
    for pr in &m.programs {
        let name = squash(&lkjip::tampil::title_case_program(&pr.nama));
        assert!(body[lists..iku].contains(&name), "{} not listed in 2.1.2", pr.nama);
    }
    assert!(body[lists..iku].contains(&squash("Tabel 2.2 Program dan Kegiatan 2024 untuk Pencapaian Sasaran")));
    assert!(body[lists..iku].contains(&squash(
        "Indikator Tujuan Sasaran Indikator Sasaran Program Indikator Program"
    )));
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
    assert_eq!(lkjip::folder::sha256_hex(&x), lkjip::folder::sha256_hex(&y));
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
    let all = pages.join(" ").replace('\u{a0}', " ");
    for typed in [
        "admin@dinsos.go.id",
        "$5 dan $6",
        "// catatan petugas",
        "#set",
        "kurung ]",
        "bintang *",
        // the one spacing of the report before `%` (document::tipografi)
        "5 % dari target",
    ] {
        assert!(all.contains(typed), "{typed:?} not printed literally");
    }
    // the list item keeps its marker: "- 5 % dari target"
    assert!(all.contains("- 5 % dari target"), "{all}");
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
    copy_dir(&fixture("ok-dasar"), &dir);
    let toml = std::fs::read_to_string(dir.join("lkjip.toml"))
        .unwrap()
        .replace("tanggal = \"2025-03-04\"", "tanggal = \"2025-03-04\"\nkertas = \"F4\"");
    std::fs::write(dir.join("lkjip.toml"), toml).unwrap();
    let loaded = load(&dir);
    let ctx = loaded.context().expect("a model");
    let (doc, _) = PdfRenderer::default().document(&ctx, &mut Report::default()).unwrap();
    let size = doc.pages()[0].frame.size();
    // 215 × 330 mm in points
    assert!((size.x.to_pt() - 215.0 / 25.4 * 72.0).abs() < 0.5, "{size:?}");
    assert!((size.y.to_pt() - 330.0 / 25.4 * 72.0).abs() < 0.5, "{size:?}");
    assert_eq!(lkjip::render::xlsx::paper_code("F4"), 14);
    assert_eq!(lkjip::render::xlsx::paper_code("A4"), 9);
}

/// A template an office wrote before the data was split per chapter reads
/// the whole document from `/data/laporan.json` (docs/TEMPLATE.md) and
/// still lays out; the new layout reads the chapter files.
#[test]
fn a_template_reading_the_one_file_data_still_lays_out() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lama");
    copy_dir(&fixture("ok-dasar"), &dir);
    std::fs::create_dir_all(dir.join("templates")).unwrap();
    std::fs::write(
        dir.join("templates/lkjip.typ"),
        "#let d = json(\"/data/laporan.json\")\n#d.identitas.nama_opd / #d.bab.at(2).judul / #d.bab.len() bab / #d.lampiran.len() lampiran / #repr(d.at(\"draf\", default: none))\n",
    )
    .unwrap();
    let loaded = load(&dir);
    let ctx = loaded.context().expect("a model");
    let (doc, _) = PdfRenderer::default().document(&ctx, &mut Report::default()).unwrap();
    let text = page_texts(&doc).join(" ");
    let opd = &ctx.model.identitas.nama_opd;
    // the lampiran of the report: I–XII (this folder has no quarters, so no
    // Lampiran XIII)
    assert!(
        text.contains(&format!("{opd} / AKUNTABILITAS KINERJA / 4 bab / 12 lampiran / none")),
        "{text}"
    );
}

#[test]
fn the_draft_marks_every_page_and_lists_exactly_the_findings_of_check() {
    let check = Command::new(env!("CARGO_BIN_EXE_lkjip"))
        .args(["check", "--format", "json", example().to_str().unwrap()])
        .output()
        .unwrap();
    let check: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let temuan = check["temuan"].as_array().unwrap();
    assert!(temuan.len() > 20, "{}", temuan.len());

    let pages = draft_texts(&example());
    for (i, p) in pages.iter().enumerate() {
        assert!(p.contains("DRAF"), "page {} has no DRAF", i + 1);
    }
    // the review pages come after the cover, numbered R-1, R-2, …
    let review: Vec<&String> = pages.iter().filter(|p| is_review_page(p)).collect();
    assert!(review.len() >= 4, "{} review pages", review.len());
    let lembar = squash(
        &review
            .iter()
            .take_while(|p| !p.contains("DAFTAR PERIKSA REVIU") && !p.contains("PERUBAHAN SEJAK"))
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert!(lembar.contains(&format!("mencatat{}temuan", temuan.len())), "{lembar}");
    let tingkat = |f: &serde_json::Value| match f["severity"].as_str() {
        Some("error") => "Kesalahan",
        Some("warning") => "Peringatan",
        _ => "Info",
    };
    // every finding of `check` numbered T1…TN, and no other: by severity as
    // check orders them, this year's before those of last year's
    // realization report (closed books), each message with the report's
    // `Rp.`, no rule code printed
    let last_year = |f: &serde_json::Value| f["message"].as_str().unwrap().contains("(laporan tahun sebelumnya)");
    let rank = |f: &serde_json::Value| match f["severity"].as_str() {
        Some("error") => 0,
        Some("warning") => 1,
        _ => 2,
    };
    let mut temuan: Vec<&serde_json::Value> = temuan.iter().collect();
    temuan.sort_by_key(|f| (rank(f), last_year(f)));
    assert!(!last_year(temuan[0]) && temuan.iter().any(|f| last_year(f)));
    assert!(!lembar.contains("[total-mismatch]") && !lembar.contains("[over-budget]"));
    let mut at = 0;
    for (i, f) in temuan.iter().enumerate() {
        let entry = format!("T{}{}", i + 1, tingkat(f));
        let msg = squash(f["message"].as_str().unwrap())
            .replace("Rp", "Rp.")
            .replace("Rp..", "Rp.")
            .replace("Rp.-", "Rp.\u{2212}");
        let pos = lembar[at..]
            .find(&entry)
            .map(|p| p + at)
            .unwrap_or_else(|| panic!("{entry} missing"));
        let m = lembar[pos..]
            .find(&msg)
            .unwrap_or_else(|| panic!("{entry}: message {msg:?} missing"));
        at = pos + m;
    }
    for t in ["Kesalahan", "Peringatan", "Info"] {
        assert!(!lembar.contains(&format!("T{}{t}", temuan.len() + 1)));
    }
    // a finding is marked beside its row: capaian 6.110,00 % of IKU T1 is
    // located at Pengukuran baris 2, the IKU's row in Tabel 3.3
    let first = temuan
        .iter()
        .position(|f| f["code"] == "capaian-too-high")
        .map(|i| format!("T{}", i + 1))
        .unwrap();
    assert!(
        pages.iter().any(|p| p.contains("Tabel 3.3") && p.contains(&first)),
        "{first} is not beside Tabel 3.3"
    );
    // the checklist judged what it could and left the rest to the reviewer
    let all = pages.join(" ");
    assert!(all.contains("PERNYATAAN TELAH DIREVIU"));
    // warnings stand: the statement says "kecuali", and the Inspektur signs
    let open = temuan.iter().filter(|f| rank(f) < 2).count();
    assert!(
        squash(&all).contains(&squash(&format!(
            "kecuali atas {open} temuan pada Lembar Reviu yang belum ditindaklanjuti"
        ))),
        "{open}"
    );
    assert!(all.contains("Inspektur Kabupaten Belitung,"));
    assert!(!all.contains("Pereviu Inspektorat"));
    assert!(all.contains("KOLOFON") && all.contains(&format!("lkjip {}", lkjip::VERSION)));
    let sumber = load(&example()).model.unwrap().sumber;
    for s in &sumber {
        assert!(all.contains(&s.sha256), "colophon lacks {}", s.berkas);
    }

    // the file as a reader opens it: DRAF on every page
    let tmp = tempfile::tempdir().unwrap();
    let built = build(
        &example(),
        &BuildOptions {
            out: Some(tmp.path().to_path_buf()),
            draft: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    let pdf = tmp.path().join("LKjIP-dspppa-belitung-2024-DRAF.pdf");
    assert_eq!(built.files, [pdf.clone(), tmp.path().join("model.json")]);
    let n = built.pages.unwrap();
    for page in 1..=n {
        let p = page.to_string();
        let Some(text) = poppler("pdftotext", &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"]) else {
            break;
        };
        assert!(text.contains("DRAF"), "pdftotext: page {page} has no DRAF");
    }
}

/// Replaces one cell's value in the first sheet of an .xlsx.
fn edit_cell(xlsx: &Path, from: &str, to: &str) {
    let bytes = std::fs::read(xlsx).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut replaced = false;
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(data).unwrap();
            assert!(text.contains(from), "{from} not in the sheet");
            replaced = true;
            data = text.replacen(from, to, 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    assert!(replaced);
    std::fs::write(xlsx, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn a_second_draft_lists_a_changed_realization_and_the_totals_it_moved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("contoh");
    copy_dir(&example(), &dir);
    let _ = std::fs::remove_dir_all(dir.join("out"));
    let opts = BuildOptions {
        draft: true,
        ..Default::default()
    };
    build(&dir, &opts).unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    let first: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("out/model.json")).unwrap()).unwrap();

    // Penjangkauan Anak-Anak Terlantar (realisasi.xlsx row 59, column H): realisasi
    // Rp 1.080.000 → Rp 2.080.000
    edit_cell(
        &dir.join("data/realisasi.xlsx"),
        r#"<c r="H59" s="4" t="n"><v>1080000</v></c>"#,
        r#"<c r="H59" s="4" t="n"><v>2080000</v></c>"#,
    );
    build(&dir, &opts).unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    let second: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/model.json")).unwrap()).unwrap();

    // By hand, +1.000.000 on every level: kegiatan 1.06.05.2.01 9.955.900
    // → 10.955.900 of pagu 23.258.100 (42,81 % → 47,106 % = 47,11 %), program 1.06.05
    // 513.269.294 → 514.269.294, OPD 9.521.256.875 → 9.522.256.875 of
    // 10.314.852.053 (92,31 % → 92,32 %).
    let expected = [
        (
            "Realisasi sub kegiatan 1.06.05.2.01.0001",
            "Rp 1.080.000",
            "Rp 2.080.000",
        ),
        ("Realisasi kegiatan 1.06.05.2.01 ", "Rp 9.955.900", "Rp 10.955.900"),
        ("Persentase realisasi kegiatan 1.06.05.2.01 ", "42,81 %", "47,11 %"),
        ("Realisasi program 1.06.05 ", "Rp 513.269.294", "Rp 514.269.294"),
        ("Total realisasi OPD", "Rp 9.521.256.875", "Rp 9.522.256.875"),
        ("Persentase realisasi anggaran OPD", "92,31 %", "92,32 %"),
    ];
    let diff = lkjip::review::changes::changes(&first, &second);
    for (what, old, new) in expected {
        let p = diff
            .iter()
            .find(|p| p.uraian.starts_with(what))
            .unwrap_or_else(|| panic!("{what} not listed: {diff:#?}"));
        assert_eq!((p.lama.as_str(), p.baru.as_str()), (old, new), "{what}");
    }
    // nothing else moved: pagu is unchanged
    assert!(diff.iter().all(|p| !p.uraian.starts_with("Pagu")), "{diff:#?}");

    // and the second draft prints them, each row with the page it appears on
    let pdf = dir.join("out/LKjIP-dspppa-belitung-2024-DRAF.pdf");
    if let Some(text) = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]) {
        assert!(text.contains("PERUBAHAN SEJAK DRAF SEBELUMNYA"));
        for (what, old, new) in expected {
            let what = what.trim_end();
            // as the review pages write amounts: `Rp.`
            let (old, new) = (old.replace("Rp ", "Rp. "), new.replace("Rp ", "Rp. "));
            let (old, new) = (old.as_str(), new.as_str());
            let line = text
                .lines()
                .find(|l| {
                    l.contains(what.split(' ').take(3).collect::<Vec<_>>().join(" ").as_str())
                        && l.contains(old)
                        && l.contains(new)
                })
                .unwrap_or_else(|| panic!("no line with {what}: {old} → {new}"));
            // the last column: the pages where the figure appears
            let after = line.rsplit(new).next().unwrap_or_default();
            assert!(
                after.chars().any(|c| c.is_ascii_digit()),
                "no page for {what}: {line:?}"
            );
        }
    }
}

#[test]
fn a_folder_with_an_error_builds_only_as_a_draft_that_shows_the_error() {
    let dir = fixture("bad-kontradiksi-referensi");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let err = match build(
        &dir,
        &BuildOptions {
            out: Some(out.clone()),
            ..Default::default()
        },
    ) {
        Ok(_) => panic!("a final build with errors must fail"),
        Err(f) => f,
    };
    assert!(err.has_errors());
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);

    let built = build(
        &dir,
        &BuildOptions {
            out: Some(out.clone()),
            draft: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|f| panic!("{:?}", f.sorted()));
    assert!(built.findings.has_errors());
    assert!(out.join("LKjIP-dspppa-belitung-2024-DRAF.pdf").exists());
    assert!(!out.join("LKjIP-dspppa-belitung-2024.pdf").exists());

    let pages = draft_texts(&dir);
    let review = squash(
        &pages
            .iter()
            .filter(|p| is_review_page(p))
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    // the contradiction 8.521.256.875 of the reference (Tabel 3.47) as an
    // error, with its cell
    let error = err
        .sorted()
        .into_iter()
        .find(|f| f.message.contains("8.521.256.875"))
        .unwrap()
        .clone();
    assert!(
        review.contains(&format!("Kesalahan{}", squash(&error.location.to_string()))),
        "{review}"
    );
    // as the review pages write amounts: `Rp.`
    assert!(
        review.contains(
            &squash(&error.message)
                .replace("Rp", "Rp.")
                .replace("Rp..", "Rp.")
                .replace("Rp.-", "Rp.\u{2212}")
        )
    );
    // and the checklist says the inputs are not free of errors
    assert!(
        review.contains(&squash("Data masukan lengkap dan dapat dibaca (tanpa kesalahan) Tidak")),
        "{review}"
    );

    // a narrative with an unknown placeholder: the draft prints the section
    // as broken and the error on the Lembar Reviu
    let pages = squash(&draft_texts(&fixture("bad-narasi-placeholder")).join(" "));
    assert!(
        pages.contains(&squash("[Narasi narasi/1.3-aspek-strategis.md tidak dapat diolah:")),
        "{pages}"
    );
    assert!(
        pages.contains(&squash("Kesalahan narasi/1.3-aspek-strategis.md › baris 5")),
        "{pages}"
    );
}

#[test]
fn watch_rebuilds_after_a_narrative_edit_and_reuses_the_workbooks() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("contoh");
    copy_dir(&fixture("ok-dasar"), &dir);
    let narasi = dir.join("narasi");
    std::fs::create_dir_all(&narasi).unwrap();
    std::fs::write(narasi.join("4.1-kesimpulan.md"), "Kalimat pertama.\n").unwrap();
    let opts = BuildOptions::default();
    let mut builds = Vec::new();
    lkjip::watch::watch(&dir, &opts, std::time::Duration::from_millis(50), |r| {
        let built = r.result.as_ref().unwrap_or_else(|f| panic!("{:?}", f.sorted()));
        builds.push((r.sebab.clone(), built.files.clone()));
        if builds.len() == 1 {
            // the officer saves a sentence
            std::fs::write(
                narasi.join("4.1-kesimpulan.md"),
                "Kalimat pertama.\n\nKalimat kedua yang baru.\n",
            )
            .unwrap();
        }
        builds.len() < 2
    });
    assert_eq!(builds.len(), 2);
    assert!(builds[0].0.is_empty());
    assert_eq!(builds[1].0, [narasi.join("4.1-kesimpulan.md")]);
    let out = dir.join("out");
    // the first build writes everything; the rebuild leaves the lampiran
    // workbook, which holds no narrative, as it was
    assert_eq!(
        builds[0].1,
        [
            out.join("LKjIP-uji-2024.pdf"),
            out.join("Lampiran-LKjIP-uji-2024.xlsx"),
            out.join("model.json")
        ]
    );
    assert_eq!(builds[1].1, [out.join("LKjIP-uji-2024.pdf"), out.join("model.json")]);
    let model: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("model.json")).unwrap()).unwrap();
    assert!(
        model["narasi"]["4.1-kesimpulan"]
            .as_str()
            .unwrap()
            .contains("Kalimat kedua yang baru.")
    );
    if let Some(text) = poppler("pdftotext", &[out.join("LKjIP-uji-2024.pdf").to_str().unwrap(), "-"]) {
        assert!(text.contains("Kalimat kedua yang baru."));
    }
}

/// Every "Tabel 3.7 berikut" (and "tabel / grafik / gambar berikut", the
/// next one of its kind) in the laid-out pages is followed by that
/// figure's caption on the same page or the next. The captions are found
/// by number and title (`Tabel 2.1 Tujuan, …`), after the front matter's
/// lists name them.
fn announced_figures_follow(pages: &[String], doc: &lkjip::document::Dokumen) {
    use lkjip::document::Item;
    let pages: Vec<String> = pages.iter().map(|p| squash(p)).collect();
    // (kind, number, position of the caption)
    let mut captions: Vec<(&str, String, (usize, usize))> = Vec::new();
    let body = pages
        .iter()
        .rposition(|p| p.contains("DAFTARGAMBAR") || p.contains("DaftarGambar"))
        .expect("the Daftar Gambar")
        + 1;
    let find = |needle: &str| -> Option<(usize, usize)> {
        let needle = squash(&needle.replace('\u{2060}', ""));
        (body..pages.len()).find_map(|i| pages[i].find(&needle).map(|at| (i, at)))
    };
    for bab in &doc.bab {
        for it in &bab.isi {
            let (kind, nomor, judul) = match it {
                Item::Tabel(t) => ("Tabel", t.nomor.clone(), t.judul.clone()),
                Item::Grafik(g) => ("Grafik", g.nomor.clone(), g.judul.clone()),
                _ => continue,
            };
            let Some(nomor) = nomor else { continue };
            let at = find(&format!("{kind} {nomor} {judul}"))
                .unwrap_or_else(|| panic!("no caption for {kind} {nomor} {judul:?}"));
            captions.push((kind, nomor, at));
        }
    }
    assert!(captions.len() > 60, "{} numbered tables and charts", captions.len());
    let re = regex::Regex::new(r"(Tabel|Grafik|Gambar|tabel|grafik|gambar)(\d+\.\d+)?\.?,?berikut").unwrap();
    let mut announced = 0;
    let mut bad = Vec::new();
    for (i, p) in pages.iter().enumerate().skip(body) {
        for m in re.captures_iter(p) {
            let at = (i, m.get(0).unwrap().start());
            let kind = {
                let k = &m[1];
                format!("{}{}", k[..1].to_uppercase(), &k[1..])
            };
            let shown = match m.get(2) {
                Some(n) => captions.iter().find(|c| c.0 == kind && c.1 == n.as_str()).map(|c| c.2),
                // the next one of its kind after the sentence
                None => captions.iter().filter(|c| c.0 == kind && c.2 > at).map(|c| c.2).min(),
            };
            // a picture's caption is not in `captions`: Gambar is checked
            // only for the next picture being on the page (its caption
            // names "Gambar")
            let shown = shown.or_else(|| {
                (kind == "Gambar").then(|| {
                    (i..pages.len())
                        .find_map(|j| {
                            let from = if j == i { at.1 + 1 } else { 0 };
                            pages[j][from..].find("Gambar").map(|o| (j, from + o))
                        })
                        .unwrap_or((usize::MAX, 0))
                })
            });
            announced += 1;
            match shown {
                Some((page, _)) if page == i || page == i + 1 => {}
                other => bad.push(format!("{:?} on page {}: shown at {other:?}", &m[0], i + 1)),
            }
        }
    }
    // the example's officers and the generated lead-ins announce 17 tables,
    // charts and pictures at this writing
    assert!(announced >= 15, "{announced} announcements");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// No line of the example begins with `%`: a figure and its percent sign
/// are tied (a no-break space), in tables and sentences. Read from Typst's
/// frames: a text item is a run of one line.
#[test]
fn no_line_begins_with_a_percent_sign() {
    /// Text runs in reading order with their page.
    fn walk(frame: &typst::layout::Frame, page: usize, out: &mut Vec<(usize, String)>) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Text(t) => out.push((page, t.text.to_string())),
                typst::layout::FrameItem::Group(g) => walk(&g.frame, page, out),
                _ => {}
            }
        }
    }
    let loaded = load(&example());
    let ctx = loaded.context().unwrap();
    let (doc, _) = PdfRenderer::default()
        .document(&ctx, &mut Report::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut runs = Vec::new();
    for (i, p) in doc.pages().iter().enumerate() {
        walk(&p.frame, i + 1, &mut runs);
    }
    assert!(runs.len() > 10_000, "{} text runs", runs.len());
    // a `%` that begins a line after a line ending in a figure: the sign
    // of that figure, broken off ("98,79" / "%"). A column label ("%
    // Capaian") and an encoded link ("%20") are not.
    let bad: Vec<String> = runs
        .windows(2)
        .filter(|w| {
            let (prev, cur) = (w[0].1.trim_end(), w[1].1.trim_start());
            let after = cur.strip_prefix('%').map(|r| r.trim_start());
            prev.ends_with(|c: char| c.is_ascii_digit())
                && after.is_some_and(|r| !r.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        })
        .map(|w| format!("page {}: {:?} / {:?}", w[1].0, w[0].1, w[1].1))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    tables_break_where_a_typesetter_would(&doc);
}

/// No table's first page holds its header with one row under it, no last
/// page a total row alone, and no caption sits on a page before its table:
/// read back from the markers the template puts in the first two and the
/// last two rows of every table (`lkjip-baris`, gaya.typ) and from the
/// figures' positions.
fn tables_break_where_a_typesetter_would(doc: &typst_layout::PagedDocument) {
    use typst::foundations::{Label, NativeElement, Selector, StyleChain, Value};
    use typst::introspection::{Introspector, MetadataElem};
    use typst::model::FigureElem;
    let intro = doc.introspector();
    let page = |c: &typst::foundations::Content| intro.page(c.location().unwrap()).unwrap().get();
    let label = Label::new(typst::utils::PicoStr::intern("lkjip-baris")).unwrap();
    /// A table's caption, its number of body rows and the page of each
    /// marked row (`(row, page, bold, total)`).
    type Marked = (String, i64, Vec<(i64, usize, bool, bool)>);
    // in document order; row 0 begins a table
    let mut tables: Vec<Marked> = Vec::new();
    for c in intro.query(&Selector::Label(label)).iter() {
        let Value::Dict(d) = &c.to_packed::<MetadataElem>().unwrap().value else {
            panic!("marker {c:?}")
        };
        let int = |k: &str| d.get(k).unwrap().clone().cast::<i64>().unwrap();
        let (i, n) = (int("i"), int("n"));
        if i == 0 {
            let judul = match d.get("judul").unwrap() {
                Value::Str(s) => s.to_string(),
                _ => String::new(),
            };
            tables.push((judul, n, Vec::new()));
        }
        let tebal = matches!(d.get("tebal"), Ok(Value::Bool(true)));
        let jumlah = matches!(d.get("jumlah"), Ok(Value::Bool(true)));
        tables.last_mut().unwrap().2.push((i, page(c), tebal, jumlah));
    }
    // 69 tables with rows in the example at this writing
    assert!(tables.len() > 60, "{} tables", tables.len());
    let mut bad = Vec::new();
    let mut split = 0;
    let mut bold = 0;
    let mut totals = 0;
    for (judul, n, rows) in &tables {
        let at = |i: i64| rows.iter().find(|r| r.0 == i).map(|r| r.1).unwrap();
        if *n >= 2 && at(0) != at(1) {
            bad.push(format!("{judul:?}: row 1 alone on page {}", at(0)));
        }
        if *n >= 3 && at(n - 1) != at(n - 2) {
            bad.push(format!("{judul:?}: the last row alone on page {}", at(n - 1)));
        }
        // two total rows at the end (a group's Jumlah, then the grand
        // total) keep a row of figures with them
        let total = |i: i64| rows.iter().any(|r| r.0 == i && r.3);
        if *n >= 4 && total(n - 1) && total(n - 2) {
            totals += 1;
            if at(n - 3) != at(n - 1) {
                bad.push(format!("{judul:?}: its two total rows alone on page {}", at(n - 1)));
            }
        }
        if *n >= 2 && at(0) != at(n - 1) {
            split += 1;
        }
        // a bold group row (a program over its kegiatan) never ends a page:
        // each of the last three bold rows of a run is on the page of the
        // plain row after the run (every row of a run and the one after it
        // are marked)
        let is_bold = |i: i64| rows.iter().any(|r| r.0 == i && r.2);
        for &(i, p, _, _) in rows.iter().filter(|r| r.2) {
            let mut j = i;
            while is_bold(j) {
                j += 1;
            }
            if j >= *n || j - i > 3 {
                continue;
            }
            bold += 1;
            if at(j) != p {
                bad.push(format!("{judul:?}: bold row {} ends page {p}", i + 1));
            }
        }
    }
    // Tabel 3.43 and the lampiran have bold program rows
    assert!(bold > 20, "{bold} bold rows");
    // Tabel 1.1 ends with the Jumlah of its last group and JUMLAH TOTAL
    assert!(totals >= 1, "{totals} tables ending in two total rows");
    // the example has long tables that do split (Lampiran IX, XII, …)
    assert!(split > 5, "{split} tables over two pages or more");
    // a numbered table's caption is on the page of its first row
    let first_row: std::collections::HashMap<&str, usize> =
        tables.iter().map(|(j, _, rows)| (j.as_str(), rows[0].1)).collect();
    for f in intro.query(&Selector::Elem(FigureElem::ELEM, None)).iter() {
        let fig = f.to_packed::<FigureElem>().unwrap();
        let Some(cap) = fig.caption.get_ref(StyleChain::default()) else {
            continue;
        };
        let judul = cap.body.plain_text().to_string();
        if let Some(p) = first_row.get(judul.as_str())
            && *p != page(f)
        {
            bad.push(format!("{judul:?}: caption on page {}, first row on {p}", page(f)));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The officer's sentence announcing Tabel 2.1 is followed by the table
/// itself in the document, not by the rest of the section (the table was
/// appended after 2.1's last subsection before).
#[test]
fn an_announced_table_follows_its_sentence() {
    let loaded = load(&example());
    let ctx = loaded.context().unwrap();
    let doc = lkjip::render::dokumen(&ctx, false).unwrap();
    let isi = &doc.bab[1].isi;
    let at = isi
        .iter()
        .position(|it| match it {
            lkjip::document::Item::Narasi(n) => n.blocks.last().is_some_and(|b| {
                lkjip::narrative::plain_text(&b["c"]).contains("disajikan pada Tabel 2.1 berikut ini")
            }),
            _ => false,
        })
        .expect("a narrative run ending with the announcement");
    match &isi[at + 1] {
        lkjip::document::Item::Tabel(t) => assert_eq!(t.nomor.as_deref(), Some("2.1")),
        other => panic!("{other:?}"),
    }
    // the rest of the narrative follows the table
    assert!(matches!(&isi[at + 2], lkjip::document::Item::Narasi(_)));
}

/// `build --aksesibel` (PDF/A-2a + PDF/UA-1) of the example: every chart,
/// picture and the logo carry alt text, or the export is refused ("missing
/// alt text", which it was for the charts). The file declares both
/// standards in its metadata.
#[test]
fn the_accessible_pdf_of_the_example_exports() {
    let loaded = load(&example());
    let ctx = loaded.context().expect("a model");
    let laid = PdfRenderer {
        aksesibel: true,
        ..Default::default()
    }
    .laid(&ctx, &mut Report::default(), true)
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(laid.pdf.starts_with(b"%PDF-"));
    let pdf = String::from_utf8_lossy(&laid.pdf);
    assert!(pdf.contains("pdfuaid:part"), "no PDF/UA identification");
    assert!(pdf.contains("pdfaid:conformance>A<") || pdf.contains("pdfaid:conformance=\"A\""));
}

/// Lampiran I closes each program with the form's "Rata-rata Capaian
/// Kegiatan" row, the means over its kegiatan. Program Pemberdayaan Sosial
/// has one kegiatan (the reference's Lampiran I, row 1.1): Jumlah PSKS aktif
/// 134 of 165 = 81,21 %, Rp 321.623.110 of Rp 348.934.400 = 92,17 %; so its
/// means are those figures. The example's workbook gives no SDM figures
/// (the reference's 6 of 6 are not in it), so the SDM mean is "-".
#[test]
fn lampiran_i_has_the_mean_over_each_programs_kegiatan() {
    let loaded = load(&example());
    let ctx = loaded.context().unwrap();
    let at = ctx
        .model
        .programs
        .iter()
        .position(|p| p.nama.to_lowercase().contains("pemberdayaan sosial"))
        .unwrap();
    let pr = &ctx.model.programs[at];
    let rr = &pr.rata_rata_kegiatan;
    let r2 = |d: Option<rust_decimal::Decimal>| d.map(|d| d.round_dp(2).to_string());
    assert_eq!(r2(rr.capaian).as_deref(), Some("81.21"));
    assert_eq!(r2(rr.serapan).as_deref(), Some("92.17"));
    assert_eq!(rr.sdm, None);
    let doc = lkjip::render::dokumen(&ctx, false).unwrap();
    let tabel = doc.lampiran[0]
        .isi
        .iter()
        .find_map(|it| match it {
            lkjip::document::Item::Tabel(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let means: Vec<Vec<&str>> = tabel
        .baris
        .iter()
        .filter(|r| r.iter().any(|c| c.isi == "Rata-rata Capaian Kegiatan"))
        .map(|r| r.iter().map(|c| c.isi.as_str()).collect())
        .collect();
    // one per program with kegiatan: all of the example's
    assert_eq!(means.len(), ctx.model.programs.len());
    assert_eq!(
        means[at],
        ["", "Rata-rata Capaian Kegiatan", "81,21", "", "", "92,17", "", "", "-"]
    );
}

/// The Perjanjian Kinerja's program table names each program's sources in
/// its Keterangan, from the Renja's Sumber Dana: Program Perlindungan
/// Perempuan is funded by DAU and DAK Non Fisik (the reference: "P-APBD &
/// DAK Non Fisik"), Program Penanganan Bencana by DAU alone ("P-APBD").
#[test]
fn the_pk_names_the_sources_of_each_program() {
    let loaded = load(&example());
    let ctx = loaded.context().unwrap();
    let doc = lkjip::render::dokumen(&ctx, false).unwrap();
    let tabel = doc
        .lampiran
        .iter()
        .flat_map(|b| &b.isi)
        .find_map(|it| match it {
            lkjip::document::Item::Tabel(t) if t.judul == "Program dan Anggaran Perjanjian Kinerja" => Some(t),
            _ => None,
        })
        .unwrap();
    let ket = |program: &str| {
        let row = tabel.baris.iter().find(|r| r[1].isi == program).unwrap();
        row[3].isi.clone()
    };
    assert_eq!(ket("Program Perlindungan Perempuan"), "DAU dan DAK Non Fisik");
    assert_eq!(ket("Program Penanganan Bencana"), "DAU");
}
