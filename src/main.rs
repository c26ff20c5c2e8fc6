//! The `lkjip` command line: parses arguments and dispatches to the
//! library. Data goes to stdout, findings and progress to stderr.

use anyhow::Result;
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use lkjip::finding::{Finding, Findings, Severity};
use lkjip::load::load;
use lkjip::render::pdf::sandbox;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "lkjip",
    version,
    about = "Laporan Kinerja Instansi Pemerintah (LKjIP) dari workbook resmi"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// The doc comments of the commands and arguments are the `--help` texts an
// officer reads, so they are in Indonesian like the findings.
#[derive(Subcommand)]
enum Command {
    /// Buat PDF LKjIP dan lampiran XLSX di FOLDER/out/ (beberapa folder, atau folder berisi folder laporan: sekaligus)
    Build {
        /// Folder laporan (berisi lkjip.toml), atau folder yang berisi folder-folder laporan
        #[arg(required = true, num_args = 1.., value_name = "FOLDER")]
        dirs: Vec<PathBuf>,
        /// Jumlah laporan yang dibuat bersamaan (bawaan: jumlah inti prosesor)
        #[arg(short, long, value_name = "JUMLAH")]
        jobs: Option<usize>,
        /// Folder keluaran (bawaan: FOLDER/out)
        #[arg(long, value_name = "FOLDER")]
        out: Option<PathBuf>,
        /// PDF aksesibel bertanda (PDF/A-2a + PDF/UA-1), bukan PDF/A-2b
        #[arg(long)]
        aksesibel: bool,
        /// Tetap buat walaupun masukan mengandung kesalahan
        #[arg(long)]
        paksa: bool,
        /// Tampilkan waktu setiap tahap
        #[arg(short, long)]
        verbose: bool,
        /// Hanya satu keluaran: pdf, xlsx atau docx
        #[arg(long, value_parser = ["pdf", "xlsx", "docx"], value_name = "JENIS")]
        only: Option<String>,
        /// Draf untuk reviu: …-DRAF.pdf dengan Lembar Reviu, tanda di tepi halaman
        /// dan perubahan sejak draf sebelumnya; tetap dibuat walaupun ada kesalahan
        #[arg(long)]
        draft: bool,
        /// Bersama --draft: bandingkan dengan model.json ini (bawaan: yang ada di folder keluaran)
        #[arg(long, value_name = "PREV.json")]
        since: Option<PathBuf>,
        /// Laporan triwulan N (1–4) alih-alih LKjIP tahunan: Evaluasi Renja (XLSX)
        /// dari lembar Triwulan dan laporan realisasi data/realisasi-twN.xlsx
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
        triwulan: Option<u8>,
    },
    /// Tampilkan model laporan sebagai JSON (docs/MODEL.md)
    Model {
        /// Folder laporan (berisi lkjip.toml)
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
        /// Satu baris, bukan JSON berinden
        #[arg(long)]
        compact: bool,
    },
    /// Periksa masukan: pemetaan kolom dan semua temuan; keluar dengan kode 1 bila ada kesalahan
    Check {
        /// Folder laporan (berisi lkjip.toml)
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
        /// Bentuk keluaran: text (untuk dibaca) atau json (untuk program lain); bawaan: text
        #[arg(long, value_enum, default_value_t = Format::Text, value_name = "BENTUK")]
        format: Format,
        /// Periksa masukan laporan triwulan N (1–4), seperti `build --triwulan N` membacanya
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
        triwulan: Option<u8>,
    },
    /// Buat ulang FOLDER setiap kali masukan, templat atau narasi berubah (Ctrl-C untuk berhenti)
    Watch {
        /// Folder laporan (berisi lkjip.toml)
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
        /// Folder keluaran (bawaan: FOLDER/out)
        #[arg(long, value_name = "FOLDER")]
        out: Option<PathBuf>,
        /// Buat draf untuk reviu, bukan laporan final
        #[arg(long)]
        draft: bool,
        /// Hanya satu keluaran: pdf, xlsx atau docx
        #[arg(long, value_parser = ["pdf", "xlsx", "docx"], value_name = "JENIS")]
        only: Option<String>,
        /// Tampilkan semua temuan, bukan hanya kesalahan
        #[arg(short, long)]
        verbose: bool,
    },
    /// Ukur kinerja: contoh per tahap, sekumpulan folder sintetis, pembuatan ulang watch (pakai build release)
    Benchmark {
        /// Folder laporan yang diukur per tahap dan dalam watch (bawaan: contoh)
        #[arg(default_value = "examples/dspppa-belitung-2024")]
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
        /// Jumlah folder sintetis dalam satu batch (bawaan: 40)
        #[arg(long, default_value_t = 40, value_name = "N")]
        jumlah: usize,
        /// Berapa kali contoh dibuat, yang dilaporkan nilai tengahnya (bawaan: 3)
        #[arg(long, default_value_t = 3, value_name = "N")]
        ulang: usize,
    },
    /// Tulis folder laporan sintetis (untuk pengukuran dan pengujian)
    Sintetis {
        /// Folder tempat opd-01, opd-02, … ditulis
        #[arg(value_name = "FOLDER")]
        out: PathBuf,
        /// Jumlah folder (bawaan: 40)
        #[arg(long, default_value_t = 40, value_name = "N")]
        jumlah: usize,
        /// Benih acak: benih yang sama menghasilkan folder yang sama (bawaan: 1)
        #[arg(long, default_value_t = 1, value_name = "N")]
        benih: u64,
    },
    /// Buat folder laporan baru dengan lkjip.toml dan kinerja.xlsx kosong
    Init {
        /// Folder baru (belum ada, atau kosong)
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
        /// Tahun laporan (bawaan: tahun lalu)
        #[arg(long, value_name = "TAHUN")]
        tahun: Option<i32>,
    },
    /// Tulis berkas analisis (narasi/program-KODE.md, kegiatan-KODE.md) untuk setiap
    /// program dan kegiatan yang belum punya narasi; berkas yang ada tidak ditimpa
    Analisis {
        /// Folder laporan (berisi lkjip.toml)
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// clap's own words in the officer's language: the headings of `--help`,
/// the help and version flags, and no generated `[default: …]` or
/// `[possible values: …]` (the doc comments say them in Indonesian).
fn indonesian(cmd: clap::Command, path: &str) -> clap::Command {
    let top = !path.contains(' ');
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\nPenggunaan: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .next_help_heading("Pilihan")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Tampilkan bantuan ini"),
        );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Tampilkan versi lkjip"),
        );
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            let a = if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            if a.is_positional() {
                a.help_heading("Argumen")
            } else {
                a.help_heading("Pilihan")
            }
        });
    }
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in names {
        let sub = format!("{path} {name}");
        cmd = cmd.mut_subcommand(name, |c| indonesian(c, &sub));
    }
    // the usage line as clap draws it, with its one English word replaced
    let usage = cmd.clone().bin_name(path).render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", "[PILIHAN]");
    cmd.override_usage(usage)
}

/// The arguments, with `lkjip help [PERINTAH]` read as `--help` (clap's own
/// help subcommand speaks English, so it is switched off).
fn arguments() -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// A command-line mistake in Indonesian, with the usage line (exit 2, as
/// clap does); help and version are printed as they are.
fn usage_error(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    let ctx = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            e.exit()
        }
        ErrorKind::InvalidSubcommand => format!("perintah '{}' tidak dikenal", ctx(ContextKind::InvalidSubcommand)),
        ErrorKind::UnknownArgument => format!("argumen '{}' tidak dikenal", ctx(ContextKind::InvalidArg)),
        ErrorKind::MissingRequiredArgument => {
            format!("argumen wajib belum diisi: {}", ctx(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => "perintah belum ditulis".to_string(),
        ErrorKind::InvalidValue => {
            let valid = ctx(ContextKind::ValidValue);
            let valid = if valid.is_empty() {
                String::new()
            } else {
                format!("; yang dapat dipakai: {valid}")
            };
            format!(
                "nilai '{}' tidak dapat dipakai untuk {}{valid}",
                ctx(ContextKind::InvalidValue),
                ctx(ContextKind::InvalidArg)
            )
        }
        ErrorKind::ValueValidation => format!(
            "nilai '{}' untuk {} tidak sah (mis. bukan bilangan bulat)",
            ctx(ContextKind::InvalidValue),
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict => format!(
            "{} tidak dapat dipakai bersama {}",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            format!("argumen '{}' tidak diharapkan", ctx(ContextKind::InvalidValue))
        }
        _ => e.kind().to_string(),
    };
    let usage = ctx(ContextKind::Usage);
    let usage = usage.trim().strip_prefix("Usage:").unwrap_or(usage.trim()).trim();
    let usage = if usage.is_empty() {
        String::new()
    } else {
        format!("\n\nPenggunaan: {usage}")
    };
    eprintln!("lkjip: {message}{usage}\n\nKetik 'lkjip --help' atau 'lkjip PERINTAH --help' untuk bantuan.");
    std::process::exit(2)
}

fn main() -> ExitCode {
    // the bounded layout of template overrides runs in a child: this
    // binary again, with the hidden subcommand (render::pdf::sandbox)
    if std::env::args_os().nth(1).is_some_and(|a| a == sandbox::SUBCOMMAND) {
        return sandbox::serve();
    }
    if let Ok(exe) = std::env::current_exe() {
        sandbox::enable(exe);
    }
    let cli = indonesian(Cli::command(), "lkjip")
        .try_get_matches_from(arguments())
        .and_then(|m| Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| usage_error(e));
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lkjip: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            dirs,
            jobs,
            out,
            aksesibel,
            paksa,
            verbose,
            only,
            draft,
            since,
            triwulan,
        } => {
            let t0 = std::time::Instant::now();
            let opts = lkjip::build::BuildOptions {
                out,
                aksesibel,
                paksa,
                only,
                draft,
                since,
                tanpa_docx: false,
                triwulan,
            };
            let (folders, skipped) = lkjip::batch::folders(&dirs);
            for s in &skipped {
                eprintln!(
                    "lkjip: {} dilewati: tautan ke folder di luar folder kabupaten",
                    s.display()
                );
            }
            if folders.is_empty() {
                eprintln!("lkjip: tidak ada folder laporan yang dapat dibuat");
                return Ok(ExitCode::FAILURE);
            }
            if folders.len() != 1 || dirs.len() != 1 || folders[0] != dirs[0] {
                return batch(&folders, &opts, jobs, verbose);
            }
            let dir = &folders[0];
            match lkjip::build::build(dir, &opts) {
                Ok(built) => {
                    // errors always (a forced build), the rest with -v; the
                    // full list is `lkjip check`'s job
                    for f in built.findings.sorted() {
                        if verbose || f.severity == Severity::Error {
                            eprintln!("{f}");
                        }
                    }
                    summary(&built.findings);
                    if verbose {
                        for (stage, d) in &built.timings {
                            eprintln!("  {stage:<22} {:>8.3} s", d.as_secs_f64());
                        }
                        eprintln!("  {:<22} {:>8.3} s", "total", t0.elapsed().as_secs_f64());
                    }
                    let mut lines = String::new();
                    for f in &built.files {
                        let is_pdf = f.extension().is_some_and(|e| e == "pdf");
                        let pages = built
                            .pages
                            .filter(|_| is_pdf)
                            .map(|p| format!(" ({p} halaman)"))
                            .unwrap_or_default();
                        lines.push_str(&format!("ditulis: {}{pages}\n", f.display()));
                    }
                    write_stdout(lines.trim_end())?;
                    Ok(ExitCode::SUCCESS)
                }
                Err(findings) => {
                    print_findings(&findings);
                    eprintln!("lkjip: tidak ada berkas yang ditulis");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Model { dir, compact } => {
            let loaded = load(&dir);
            if loaded.findings.has_errors() {
                print_findings(&loaded.findings);
                return Ok(ExitCode::FAILURE);
            }
            let Some(model) = loaded.model else {
                print_findings(&loaded.findings);
                return Ok(ExitCode::FAILURE);
            };
            let json = if compact {
                serde_json::to_string(&model)?
            } else {
                serde_json::to_string_pretty(&model)?
            };
            write_stdout(&json)?;
            summary(&loaded.findings);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { dir, format, triwulan } => {
            let loaded = match triwulan {
                Some(tw) => lkjip::load::load_quarter(&dir, tw),
                None => load(&dir),
            };
            match format {
                Format::Text => {
                    let mut out = String::new();
                    if !loaded.pemetaan.is_empty() {
                        out.push_str("Pemetaan kolom (kolom yang dibaca untuk setiap isian):\n");
                        for p in &loaded.pemetaan {
                            out.push_str(&format!("{p}\n"));
                        }
                    }
                    for f in loaded.findings.sorted() {
                        out.push_str(&format!("{f}\n"));
                    }
                    out.push_str(&format!("{}\n", counts(&loaded.findings)));
                    write_stdout(out.trim_end())?;
                }
                Format::Json => {
                    let list: Vec<&Finding> = loaded.findings.sorted();
                    let json = serde_json::json!({
                        "pemetaan": loaded.pemetaan,
                        "temuan": list,
                        "jumlah": {
                            "error": loaded.findings.count(Severity::Error),
                            "warning": loaded.findings.count(Severity::Warning),
                            "info": loaded.findings.count(Severity::Info),
                        }
                    });
                    write_stdout(&serde_json::to_string_pretty(&json)?)?;
                }
            }
            Ok(if loaded.findings.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Watch {
            dir,
            out,
            draft,
            only,
            verbose,
        } => {
            let opts = lkjip::build::BuildOptions {
                out,
                only,
                draft,
                ..Default::default()
            };
            eprintln!("lkjip: memantau {} (Ctrl-C untuk berhenti)", dir.display());
            lkjip::watch::watch(&dir, &opts, std::time::Duration::from_millis(250), |r| {
                let sebab = if r.sebab.is_empty() {
                    String::new()
                } else {
                    let names: Vec<String> = r
                        .sebab
                        .iter()
                        .map(|p| p.strip_prefix(&dir).unwrap_or(p).display().to_string())
                        .collect();
                    format!(" ({})", names.join(", "))
                };
                let findings = match &r.result {
                    Ok(b) => &b.findings,
                    Err(f) => f,
                };
                for f in findings.sorted() {
                    if verbose || f.severity == Severity::Error {
                        eprintln!("{f}");
                    }
                }
                match &r.result {
                    Ok(b) => {
                        eprintln!(
                            "[{:.2} s] dibangun{sebab}: {} halaman; {}",
                            r.waktu.as_secs_f64(),
                            b.pages.unwrap_or(0),
                            counts(findings)
                        );
                        if verbose {
                            let stages: Vec<String> = b
                                .timings
                                .iter()
                                .map(|(s, d)| format!("{s} {:.3}", d.as_secs_f64()))
                                .collect();
                            eprintln!("  {}", stages.join(" · "));
                        }
                    }
                    Err(_) => eprintln!(
                        "[{:.2} s] GAGAL{sebab}: tidak ada berkas yang ditulis; {}",
                        r.waktu.as_secs_f64(),
                        counts(findings)
                    ),
                }
                true
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Benchmark { dir, jumlah, ulang } => {
            if cfg!(debug_assertions) {
                eprintln!("lkjip: ini build debug; ukur dengan `cargo run --release -- benchmark`");
            }
            match lkjip::bench::benchmark(&dir, jumlah, ulang) {
                Ok(md) => {
                    write_stdout(&md)?;
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("lkjip: {e}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Sintetis { out, jumlah, benih } => match lkjip::synth::generate(&out, jumlah, benih) {
            Ok(dirs) => {
                eprintln!("ditulis: {} folder sintetis di {}", dirs.len(), out.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("lkjip: {e}");
                Ok(ExitCode::FAILURE)
            }
        },
        Command::Init { dir, tahun } => {
            let tahun = tahun.unwrap_or_else(last_year);
            match lkjip::init::init(&dir, tahun) {
                Ok(files) => {
                    for f in files {
                        eprintln!("ditulis: {}", dir.join(f).display());
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("lkjip: {e}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Analisis { dir } => {
            if !dir.join(lkjip::folder::CONFIG_FILE).is_file() {
                eprintln!(
                    "lkjip: {} tidak ada; mulai folder dengan `lkjip init`",
                    dir.join(lkjip::folder::CONFIG_FILE).display()
                );
                return Ok(ExitCode::FAILURE);
            }
            match lkjip::init::analysis_slots(&dir) {
                Ok(files) if files.is_empty() => {
                    eprintln!(
                        "lkjip: tidak ada berkas analisis baru (semua program dan kegiatan sudah punya narasi, atau workbook belum terbaca: lihat `lkjip check`)"
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Ok(files) => {
                    for f in files {
                        println!("{}", dir.join(f).display());
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("lkjip: {e}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}

/// Builds many reports: progress on stderr (a bar on a terminal, a line
/// per report otherwise), the summary table on stdout; exit 1 when any
/// report failed (the others are still written).
fn batch(
    folders: &[PathBuf],
    opts: &lkjip::build::BuildOptions,
    jobs: Option<usize>,
    verbose: bool,
) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if opts.out.is_some() || opts.since.is_some() {
        eprintln!(
            "lkjip: --out dan --since hanya untuk satu folder laporan; setiap laporan ditulis ke folder out/ miliknya"
        );
        return Ok(ExitCode::FAILURE);
    }
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1);
    let t0 = std::time::Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(folders.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} laporan, {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let count = std::sync::atomic::AtomicUsize::new(0);
    let done = |h: &lkjip::batch::Hasil| {
        let n = count.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        let errors: Vec<String> = h
            .findings()
            .sorted()
            .iter()
            .filter(|f| verbose || f.severity == Severity::Error)
            .map(|f| format!("  {f}"))
            .collect();
        match &bar {
            Some(b) => {
                b.inc(1);
                if !h.ok() || verbose {
                    b.println(format!("{}\n{}", h.line(), errors.join("\n")).trim_end());
                }
            }
            None => {
                eprintln!("[{n}/{}] {}", folders.len(), h.line());
                for e in &errors {
                    eprintln!("{e}");
                }
            }
        }
    };
    let results = lkjip::batch::run(folders, opts, jobs, &done);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    write_stdout(&lkjip::batch::summary(&results, t0.elapsed()))?;
    Ok(if results.iter().all(|h| h.ok()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The year before the current one: an LKjIP reports on the year just ended.
fn last_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // 365.2425 days per year since 1970
    1970 + (secs / 31_556_952) as i32 - 1
}

fn counts(f: &Findings) -> String {
    format!(
        "{} error, {} warning, {} info",
        f.count(Severity::Error),
        f.count(Severity::Warning),
        f.count(Severity::Info)
    )
}

fn print_findings(f: &Findings) {
    for x in f.sorted() {
        eprintln!("{x}");
    }
    eprintln!("{}", counts(f));
}

fn summary(f: &Findings) {
    if !f.is_empty() {
        eprintln!("{} (lihat `lkjip check`)", counts(f));
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn write_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}").and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}
