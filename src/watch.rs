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
/// Linear in the number of files (a folder of 40 000 files made the
/// pairwise comparison too slow to notice an edit).
pub fn changed(a: &Fingerprint, b: &Fingerprint) -> Vec<PathBuf> {
    use std::collections::HashMap;
    let before: HashMap<&PathBuf, _> = a.iter().map(|x| (&x.0, x)).collect();
    let after: HashMap<&PathBuf, _> = b.iter().map(|x| (&x.0, x)).collect();
    let mut out: Vec<PathBuf> = b
        .iter()
        .filter(|x| before.get(&x.0) != Some(x))
        .map(|x| x.0.clone())
        .collect();
    out.extend(a.iter().filter(|x| !after.contains_key(&x.0)).map(|x| x.0.clone()));
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
/// The Word copy is left out unless `opts.only` asks for it.
pub fn watch(dir: &Path, opts: &BuildOptions, poll: Duration, mut report: impl FnMut(&Rebuild) -> bool) {
    // the Word copy is for the last edits, not every save (unless asked
    // for with --only docx)
    let opts = &BuildOptions {
        tanpa_docx: true,
        ..opts.clone()
    };
    let folder = Folder::new(dir);
    let out = opts.out.clone().unwrap_or_else(|| folder.out());
    // inputs that [berkas] puts outside data/ are watched too
    let extra = || -> Vec<PathBuf> {
        crate::config::Config::load(dir)
            .map(|c| {
                crate::config::Peran::ALL
                    .into_iter()
                    .filter_map(|p| c.configured(p).map(|rel| folder.join(rel)))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut fp = folder.fingerprint(&out, &extra());
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
            let now = folder.fingerprint(&out, &extra());
            if now != fp {
                let mut settled = now;
                loop {
                    std::thread::sleep(poll.min(Duration::from_millis(100)));
                    let again = folder.fingerprint(&out, &extra());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_that_changed_among_forty_thousand() {
        let entry = |i: usize, len: u64| (PathBuf::from(format!("narasi/{i:05}.md")), len, None);
        let before: Fingerprint = (0..40_000).map(|i| entry(i, 10)).collect();
        let mut after = before.clone();
        after[7].1 = 11; // edited
        after.remove(9); // removed
        after.push(entry(40_000, 1)); // added
        assert_eq!(
            changed(&before, &after),
            [entry(7, 0).0, entry(9, 0).0, entry(40_000, 0).0]
        );
        assert!(changed(&before, &before).is_empty());
    }
}
