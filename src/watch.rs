//! `lkjip watch DIR`: rebuild whenever an input, template, narrative or
//! picture changes, for an officer writing narrative with the PDF open.
//! The process stays alive, so Typst's memoized layout of everything that
//! did not change is reused and a narrative edit re-renders quickly.
//! Changes are found by polling sizes and modification times (no
//! platform-specific file notification, nothing to install).

use crate::build::{BuildOptions, Built, build_cached};
use crate::finding::Findings;
use crate::folder::{Fingerprint, Folder};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The files that differ between two fingerprints (added, removed or
/// changed), for the message of a rebuild.
pub fn changed(a: &Fingerprint, b: &Fingerprint) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = b.iter().filter(|x| !a.contains(x)).map(|x| x.0.clone()).collect();
    out.extend(a.iter().filter(|x| !b.iter().any(|y| y.0 == x.0)).map(|x| x.0.clone()));
    out.sort();
    out.dedup();
    out
}

/// One build of a watch.
pub struct Rebuild {
    /// The files whose change caused it (empty for the first build).
    pub sebab: Vec<PathBuf>,
    pub result: Result<Built, Findings>,
    pub waktu: Duration,
}

/// Builds `dir`, then rebuilds after every change, calling `report` after
/// each build until it returns `false`. `poll` is the polling interval.
pub fn watch(dir: &Path, opts: &BuildOptions, poll: Duration, mut report: impl FnMut(&Rebuild) -> bool) {
    let folder = Folder::new(dir);
    let out = opts.out.clone().unwrap_or_else(|| folder.out());
    let mut fp = folder.fingerprint(&out);
    let mut sebab = Vec::new();
    let mut cache = None;
    loop {
        let t = Instant::now();
        let result = build_cached(dir, opts, &mut cache);
        let r = Rebuild {
            sebab: std::mem::take(&mut sebab),
            result,
            waktu: t.elapsed(),
        };
        if !report(&r) {
            return;
        }
        // wait for a change, then until the editor has finished writing
        loop {
            std::thread::sleep(poll);
            let now = folder.fingerprint(&out);
            if now != fp {
                let mut settled = now;
                loop {
                    std::thread::sleep(poll.min(Duration::from_millis(100)));
                    let again = folder.fingerprint(&out);
                    if again == settled {
                        break;
                    }
                    settled = again;
                }
                sebab = changed(&fp, &settled);
                fp = settled;
                break;
            }
        }
        // what was memoized for inputs that no longer exist is dropped over
        // a few rebuilds; what is still used stays
        typst::comemo::evict(10);
    }
}
