//! The `lkjip` command line: parses arguments and dispatches to the
//! library. Data goes to stdout, findings and progress to stderr.

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use lkjip::finding::{Finding, Findings, Severity};
use lkjip::load::load;
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

#[derive(Subcommand)]
enum Command {
    /// Build the LKjIP PDF into DIR/out/
    Build {
        dir: PathBuf,
        /// Output folder (default: DIR/out)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Tagged, accessible PDF (PDF/A-2a + PDF/UA-1) instead of PDF/A-2b
        #[arg(long)]
        aksesibel: bool,
        /// Build even when the inputs have errors
        #[arg(long)]
        paksa: bool,
        /// Print the time of each stage
        #[arg(short, long)]
        verbose: bool,
        /// Only one output: pdf or xlsx
        #[arg(long, value_parser = ["pdf", "xlsx"])]
        only: Option<String>,
        /// Reviewer draft: …-DRAF.pdf with the Lembar Reviu, margin marks and
        /// the changes since the previous draft; builds even with errors
        #[arg(long)]
        draft: bool,
        /// With --draft: compare with this model.json (default: the one in the output folder)
        #[arg(long, value_name = "PREV.json")]
        since: Option<PathBuf>,
    },
    /// Print the report model as JSON (docs/MODEL.md)
    Model {
        /// The report folder (holding lkjip.toml)
        dir: PathBuf,
        /// One line instead of indented JSON
        #[arg(long)]
        compact: bool,
    },
    /// List every finding about the inputs; exit 1 when there is an error
    Check {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Create a new report folder with lkjip.toml and an empty kinerja.xlsx
    Init {
        dir: PathBuf,
        /// The reporting year (default: last year)
        #[arg(long)]
        tahun: Option<i32>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            dir,
            out,
            aksesibel,
            paksa,
            verbose,
            only,
            draft,
            since,
        } => {
            let t0 = std::time::Instant::now();
            let opts = lkjip::build::BuildOptions {
                out,
                aksesibel,
                paksa,
                only,
                draft,
                since,
            };
            match lkjip::build::build(&dir, &opts) {
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
        Command::Check { dir, format } => {
            let loaded = load(&dir);
            match format {
                Format::Text => {
                    let mut out = String::new();
                    for f in loaded.findings.sorted() {
                        out.push_str(&format!("{f}\n"));
                    }
                    out.push_str(&format!("{}\n", counts(&loaded.findings)));
                    write_stdout(out.trim_end())?;
                }
                Format::Json => {
                    let list: Vec<&Finding> = loaded.findings.sorted();
                    let json = serde_json::json!({
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
    }
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
