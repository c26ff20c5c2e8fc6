//! `lkjip benchmark`: the performance figures of the README, measured in
//! one command on a release build. Each measured build runs as a child
//! process of the current executable (cold caches, its own peak memory);
//! the watch rebuild runs in this process, as `lkjip watch` does.

use crate::build::{BuildOptions, build_cached};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Peak resident memory of the largest child waited for so far, in MB.
fn children_peak_mb() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct we pass it.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) };
    if rc == 0 { ru.ru_maxrss as f64 / 1024.0 } else { 0.0 }
}

/// Peak resident memory of this process, in MB (Linux: VmHWM).
fn own_peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse::<f64>().ok()))
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

/// Runs lkjip; returns the wall time, stderr and stdout.
fn run(exe: &Path, args: &[&str]) -> Result<(Duration, String, String), String> {
    let t = Instant::now();
    let out = Command::new(exe)
        .args(args)
        .output()
        .map_err(|e| format!("{}: {e}", exe.display()))?;
    let took = t.elapsed();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        return Err(format!("lkjip {} gagal:\n{err}", args.join(" ")));
    }
    Ok((took, err, String::from_utf8_lossy(&out.stdout).into_owned()))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|x| x.trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    format!("{cpu}, {cores} cores, {}", std::env::consts::OS)
}

/// Runs the benchmark on `example` and `batch` synthetic folders; returns
/// the report as Markdown.
pub fn benchmark(example: &Path, batch: usize, runs: usize) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let tmp = std::env::temp_dir().join(format!("lkjip-benchmark-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let result = measure(&exe, example, &tmp, batch, runs);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn measure(exe: &Path, example: &Path, tmp: &Path, batch: usize, runs: usize) -> Result<String, String> {
    let mut md = String::new();
    let _ = writeln!(md, "Machine: {}; lkjip {}.\n", machine(), crate::VERSION);

    // 1. the example, stage by stage
    let ex = example.to_string_lossy().into_owned();
    let out = tmp.join("contoh-out");
    let out_s = out.to_string_lossy().into_owned();
    let mut stages: Vec<(String, Vec<f64>)> = Vec::new();
    let mut walls = Vec::new();
    for _ in 0..runs {
        let (took, err, _) = run(exe, &["build", "-v", &ex, "--out", &out_s])?;
        walls.push(took.as_secs_f64());
        for line in err
            .lines()
            .filter(|l| l.starts_with("  ") && l.trim_end().ends_with(" s"))
        {
            let t = line.trim();
            let Some((name, secs)) = t.trim_end_matches(" s").rsplit_once(' ') else {
                continue;
            };
            let Ok(v) = secs.trim().parse::<f64>() else { continue };
            let name = name.trim().to_string();
            match stages.iter_mut().find(|(n, _)| *n == name) {
                Some((_, vs)) => vs.push(v),
                None => stages.push((name, vec![v])),
            }
        }
    }
    let peak_example = children_peak_mb();
    let _ = writeln!(md, "**Example** (`lkjip build -v {ex}`, {runs} runs, median):\n");
    let _ = writeln!(md, "| stage | s |\n|---|---|");
    let total = stages
        .iter()
        .find(|(n, _)| n == "total")
        .map(|(_, v)| median(v.clone()))
        .unwrap_or(0.0);
    let mut own = 0.0;
    let mut docx = 0.0;
    for (name, vs) in &stages {
        let m = median(vs.clone());
        if ["baca dan hitung", "XLSX", "tulis"].contains(&name.as_str()) {
            own += m;
        }
        if name.contains("DOCX") {
            docx += m;
        }
        let _ = writeln!(md, "| {name} | {m:.3} |");
    }
    let _ = writeln!(
        md,
        "\nProcess wall time {:.2} s (median); read + compute + XLSX + write = {:.3} s = {:.0} % of the build; peak RSS {:.0} MB.\n",
        median(walls),
        own,
        if total > 0.0 { own * 100.0 / total } else { 0.0 },
        peak_example
    );
    let _ = writeln!(
        md,
        "The Word copy (its charts rendered by Typst, then the DOCX) adds {docx:.3} s to the build.\n"
    );

    // 2. a batch of synthetic folders, one process
    let synth = tmp.join("sintetis");
    crate::synth::generate(&synth, batch, 1).map_err(|e| e.to_string())?;
    let synth_s = synth.to_string_lossy().into_owned();
    let mut batch_rows = Vec::new();
    let mut pages = 0;
    for jobs in ["1", "2"] {
        let (took, _, summary) = run(exe, &["build", "--jobs", jobs, &synth_s])?;
        batch_rows.push((jobs, took.as_secs_f64(), children_peak_mb()));
        // the summary table: folder, halaman, …
        pages = summary
            .lines()
            .filter_map(|l| l.split_whitespace().nth(1)?.parse::<usize>().ok())
            .sum();
    }
    let _ = writeln!(
        md,
        "**Batch** (`lkjip sintetis` × {batch}: 8–15 programs, 50–150 sub kegiatan, every second with SPM; {pages} pages in all):\n"
    );
    let _ = writeln!(
        md,
        "| jobs | wall s | per report s | peak RSS so far MB |\n|---|---|---|---|"
    );
    for (jobs, s, mb) in &batch_rows {
        let _ = writeln!(md, "| {jobs} | {s:.1} | {:.2} | {mb:.0} |", s / batch as f64);
    }

    // 3. watch: a narrative edit, in this process with warm caches
    let copy = tmp.join("watch");
    copy_dir(example, &copy).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(copy.join("out"));
    // as `lkjip watch` builds: without the Word copy
    let opts = BuildOptions {
        out: Some(tmp.join("watch-out")),
        tanpa_docx: true,
        ..Default::default()
    };
    let mut cache = None;
    let first = Instant::now();
    build_cached(&copy, &opts, &mut cache).map_err(|f| format!("{:?}", f.sorted()))?;
    let first = first.elapsed().as_secs_f64();
    let narasi = copy.join("narasi/4.1-kesimpulan.md");
    let mut rebuilds = Vec::new();
    for i in 0..runs.max(5) {
        let mut text = std::fs::read_to_string(&narasi).unwrap_or_default();
        text.push_str(&format!("\nKalimat tambahan {i} untuk mengukur pembangunan ulang.\n"));
        std::fs::write(&narasi, text).map_err(|e| e.to_string())?;
        let t = Instant::now();
        build_cached(&copy, &opts, &mut cache).map_err(|f| format!("{:?}", f.sorted()))?;
        rebuilds.push(t.elapsed().as_secs_f64());
        typst::comemo::evict(10);
    }
    let max = rebuilds.iter().copied().fold(0.0, f64::max);
    let _ = writeln!(
        md,
        "\n**Watch** (the example; one sentence appended to `narasi/4.1-kesimpulan.md`, {} rebuilds): first build {first:.2} s, rebuild median {:.3} s, max {max:.3} s; peak RSS of the watching process {:.0} MB.",
        rebuilds.len(),
        median(rebuilds.clone()),
        own_peak_mb()
    );
    Ok(md)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest: PathBuf = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}
