//! Base: the report folder, the only door through which lkjip reads an
//! officer's files and writes its outputs. Its layout (`lkjip.toml`,
//! `data/`, `narasi/`, `gambar/`, `templates/`, `out/`) is spelled here and
//! nowhere else, and so is the sandbox check: every path handed out by
//! [`Folder`] is judged by [`Folder::contains`] before it is read.

use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

/// The configuration file of a report folder.
pub const CONFIG_FILE: &str = "lkjip.toml";

/// The rendered model written beside the outputs (and the draft's default
/// `--since`).
pub const MODEL_FILE: &str = "model.json";

/// A report folder.
#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    pub fn new(root: impl Into<PathBuf>) -> Folder {
        Folder { root: root.into() }
    }

    /// The folder as the user named it.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `rel` inside the folder (not yet judged: see [`Folder::contains`]).
    pub fn join(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root.join(rel)
    }

    pub fn config(&self) -> PathBuf {
        self.root.join(CONFIG_FILE)
    }

    /// The officer's narrative texts, `narasi/*.md`.
    pub fn narasi(&self) -> PathBuf {
        self.root.join("narasi")
    }

    /// Pictures placed by the narrative (`gambar("…")`).
    pub fn gambar(&self) -> PathBuf {
        self.root.join("gambar")
    }

    /// Overrides of the embedded Typst templates.
    pub fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// Where the outputs go unless `--out` says otherwise.
    pub fn out(&self) -> PathBuf {
        self.root.join("out")
    }

    /// The names in one of the folder's subfolders, sorted (hidden files
    /// left out); empty when it does not exist.
    pub fn names(sub: &Path) -> Vec<String> {
        let Ok(rd) = std::fs::read_dir(sub) else {
            return Vec::new();
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names
    }

    /// Every file of the folder except the output folder and hidden files.
    pub fn fingerprint(&self, out: &Path) -> Fingerprint {
        let mut fp = Vec::new();
        let mut stack = vec![self.root.clone()];
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else { continue };
            for e in rd.filter_map(|e| e.ok()) {
                let p = e.path();
                if e.file_name().to_string_lossy().starts_with('.') || p == out {
                    continue;
                }
                let Ok(meta) = e.metadata() else { continue };
                if meta.is_dir() {
                    stack.push(p);
                } else {
                    fp.push((p, meta.len(), meta.modified().ok()));
                }
            }
        }
        fp.sort();
        fp
    }

    /// Inputs, narrative, templates and pictures are read only from inside
    /// the report folder: a path that leaves it (`..`, an absolute path, a
    /// link pointing out) is refused.
    pub fn contains(&self, path: &Path) -> bool {
        match (self.root.canonicalize(), path.canonicalize()) {
            (Ok(d), Ok(p)) => p.starts_with(d),
            // not there (yet): judge the words of the path
            _ => path
                .strip_prefix(&self.root)
                .is_ok_and(|rel| rel.components().all(|c| matches!(c, Component::Normal(_)))),
        }
    }
}

/// The SHA-256 of `bytes` in lower-case hex (input hashes, the colophon).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// readers never see a half-written file and an interrupted run leaves none.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp-lkjip");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// What a build reads, as (path, size, modification time), sorted: what
/// `lkjip watch` compares to notice an edit.
pub type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// What tells whether a file changed: its size and modification time.
pub type Stamp = (u64, Option<SystemTime>);

/// The [`Stamp`] of `path`; a missing file is `(0, None)`.
pub fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok();
    (
        meta.as_ref().map(|m| m.len()).unwrap_or(0),
        meta.and_then(|m| m.modified().ok()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_inside_the_report_folder_are_inside() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("laporan");
        let folder = Folder::new(&dir);
        std::fs::create_dir_all(dir.join("gambar")).unwrap();
        std::fs::write(dir.join("gambar/logo.png"), b"x").unwrap();
        std::fs::write(tmp.path().join("rahasia.txt"), b"x").unwrap();
        assert!(folder.contains(&dir.join("gambar/logo.png")));
        assert!(folder.contains(&dir.join("data/belum-ada.xlsx")));
        assert!(!folder.contains(&dir.join("../rahasia.txt")));
        assert!(!folder.contains(&dir.join("data/../../rahasia.txt")));
        assert!(!folder.contains(Path::new("/dev/zero")));
        // a link that points out of the folder is outside
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("rahasia.txt"), dir.join("gambar/tautan.png")).unwrap();
            assert!(!folder.contains(&dir.join("gambar/tautan.png")));
        }
        assert_eq!(
            Folder::names(&folder.gambar()).first().map(String::as_str),
            Some("logo.png")
        );
        assert!(Folder::names(&folder.narasi()).is_empty());
    }
}
