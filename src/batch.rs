//! `lkjip build DIR…` for many reports: Bappeda builds the LKjIP of every
//! OPD of a kabupaten in one process. Fonts and templates are loaded once
//! (they are process-wide), Typst's caches are evicted between reports so
//! memory stays bounded, and reports are built on `jobs` threads.

use crate::build::{BuildOptions, Built, build};
use crate::config::CONFIG_FILE;
use crate::finding::{Findings, Severity};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One report of a batch.
pub struct Hasil {
    pub dir: PathBuf,
    pub result: Result<Built, Findings>,
    pub waktu: Duration,
}

impl Hasil {
    pub fn findings(&self) -> &Findings {
        match &self.result {
            Ok(b) => &b.findings,
            Err(f) => f,
        }
    }

    pub fn ok(&self) -> bool {
        self.result.is_ok()
    }

    /// One line for the progress log and the summary.
    pub fn line(&self) -> String {
        let f = self.findings();
        let pages = match &self.result {
            Ok(b) => b.pages.map(|p| format!("{p} halaman")).unwrap_or_else(|| "-".into()),
            Err(_) => "GAGAL".into(),
        };
        format!(
            "{}: {pages}, {} error, {} warning, {:.2} s",
            self.dir.display(),
            f.count(Severity::Error),
            f.count(Severity::Warning),
            self.waktu.as_secs_f64()
        )
    }
}

/// The report folders named by `args`: a folder holding `lkjip.toml` is a
/// report; a folder without one stands for its subfolders that hold one
/// (sorted by name). A path that is neither is kept, so its build says why.
/// A subfolder that is a link leading out of the folder named is not built:
/// it is returned in the second list, for a message.
pub fn folders(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for a in args {
        if a.join(CONFIG_FILE).is_file() || !a.is_dir() {
            out.push(a.clone());
            continue;
        }
        let parent = crate::folder::Folder::new(a);
        let mut subs: Vec<PathBuf> = std::fs::read_dir(a)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.join(CONFIG_FILE).is_file())
                    .collect()
            })
            .unwrap_or_default();
        subs.sort();
        let (inside, outside): (Vec<PathBuf>, Vec<PathBuf>) = subs.into_iter().partition(|p| parent.contains(p));
        let none_at_all = inside.is_empty() && outside.is_empty();
        skipped.extend(outside);
        if none_at_all {
            out.push(a.clone());
        } else {
            out.extend(inside);
        }
    }
    (out, skipped)
}

/// Builds every folder with `opts` on `jobs` threads, calling `done` as
/// each report finishes; returns the results in the order of `dirs`.
pub fn run(dirs: &[PathBuf], opts: &BuildOptions, jobs: usize, done: &(dyn Fn(&Hasil) + Sync)) -> Vec<Hasil> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Hasil>>> = Mutex::new((0..dirs.len()).map(|_| None).collect());
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            let Some(dir) = dirs.get(i) else { break };
            let t = Instant::now();
            let result = build(dir, opts);
            let h = Hasil {
                dir: dir.clone(),
                result,
                waktu: t.elapsed(),
            };
            done(&h);
            // forget what this report's layout memoized; what another
            // thread is using right now survives (age < 2)
            typst::comemo::evict(2);
            if let Ok(mut r) = results.lock() {
                r[i] = Some(h);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, dirs.len().max(1)) {
            s.spawn(worker);
        }
    });
    results.into_inner().unwrap_or_default().into_iter().flatten().collect()
}

/// The summary table printed after a batch.
pub fn summary(results: &[Hasil], total: Duration) -> String {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let w = results.iter().map(|h| name(&h.dir).len()).max().unwrap_or(6).max(6);
    let mut s = format!(
        "{:<w$}  {:>7}  {:>5}  {:>7}  {:>7}  status\n",
        "folder", "halaman", "error", "warning", "waktu"
    );
    for h in results {
        let f = h.findings();
        let pages = match &h.result {
            Ok(b) => b.pages.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            Err(_) => "-".into(),
        };
        s.push_str(&format!(
            "{:<w$}  {:>7}  {:>5}  {:>7}  {:>6.2}s  {}\n",
            name(&h.dir),
            pages,
            f.count(Severity::Error),
            f.count(Severity::Warning),
            h.waktu.as_secs_f64(),
            if h.ok() { "ditulis" } else { "GAGAL (lihat lkjip check)" }
        ));
    }
    let failed = results.iter().filter(|h| !h.ok()).count();
    s.push_str(&format!(
        "{} laporan, {} gagal, {:.1} s",
        results.len(),
        failed,
        total.as_secs_f64()
    ));
    s
}
