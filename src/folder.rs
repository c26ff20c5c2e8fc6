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

/// The largest template override read from `templates/` (the embedded
/// templates are 10–60 KB).
pub const TEMPLATE_LIMIT: u64 = 1024 * 1024;

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

    /// What a build reads, for `watch` to notice an edit: the files at the
    /// top of the folder (`lkjip.toml`), everything under `data/`,
    /// `narasi/`, `gambar/` and `templates/`, and the `extra` files (inputs
    /// that `[berkas]` places elsewhere) — not `out`, not hidden files, not
    /// the rest of a folder an officer also keeps other work in.
    pub fn fingerprint(&self, out: &Path, extra: &[PathBuf]) -> Fingerprint {
        let mut fp = Vec::new();
        let mut stack: Vec<PathBuf> = [self.join("data"), self.narasi(), self.gambar(), self.templates()]
            .into_iter()
            .filter(|d| d != out)
            .collect();
        let note = |p: PathBuf, meta: &std::fs::Metadata, fp: &mut Fingerprint| {
            fp.push((p, meta.len(), meta.modified().ok()));
        };
        if let Ok(rd) = std::fs::read_dir(&self.root) {
            for e in rd.filter_map(|e| e.ok()) {
                if !e.file_name().to_string_lossy().starts_with('.')
                    && let Ok(meta) = e.metadata()
                    && meta.is_file()
                {
                    note(e.path(), &meta, &mut fp);
                }
            }
        }
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
                    note(p, &meta, &mut fp);
                }
            }
        }
        for p in extra {
            if let Ok(meta) = std::fs::metadata(p)
                && !fp.iter().any(|(q, _, _)| q == p)
            {
                note(p.clone(), &meta, &mut fp);
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

/// Why a file of the report folder was not read; the caller names the file
/// in its finding and [`Refused::message`] says why in the officer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Missing,
    /// It resolves (through `..` or a link) to a place outside the folder.
    Outside,
    /// A folder, a FIFO, a device or a socket.
    NotAFile,
    TooLarge {
        size: u64,
        limit: u64,
    },
    Unreadable(String),
}

impl Refused {
    /// A stable code for the finding.
    pub fn code(&self) -> &'static str {
        match self {
            Refused::Missing => "file-missing",
            Refused::Outside => "path-outside",
            Refused::NotAFile | Refused::Unreadable(_) => "file-unreadable",
            Refused::TooLarge { .. } => "file-too-large",
        }
    }

    pub fn message(&self) -> String {
        match self {
            Refused::Missing => "berkas tidak ditemukan".to_string(),
            Refused::Outside => "tautan atau jalur ke luar folder laporan; tidak dibaca".to_string(),
            Refused::NotAFile => "bukan berkas biasa (folder, FIFO atau perangkat); tidak dibaca".to_string(),
            Refused::TooLarge { size, limit } => format!(
                "berkas berukuran {}, melebihi batas {}",
                human_size(*size),
                human_size(*limit)
            ),
            Refused::Unreadable(e) => format!("berkas tidak dapat dibaca: {e}"),
        }
    }
}

/// `64 MB`, `512 KB`, `900 byte`: sizes as messages show them.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} byte")
    }
}

impl Folder {
    /// Reads a file of the folder: after resolving `..` and links it must
    /// lie inside the folder, be a regular file (judged on the opened
    /// handle, so a FIFO is refused without blocking) and hold at most
    /// `limit` bytes (a file that grows while read is cut off and refused).
    /// Every officer's file lkjip reads comes through here.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
        let real = match path.canonicalize() {
            Ok(p) => p,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // a dangling link is as absent as a missing file, unless
                // its words already leave the folder
                return Err(if self.contains(path) {
                    Refused::Missing
                } else {
                    Refused::Outside
                });
            }
            Err(e) => return Err(Refused::Unreadable(e.to_string())),
        };
        let root = self
            .root
            .canonicalize()
            .map_err(|e| Refused::Unreadable(e.to_string()))?;
        if !real.starts_with(&root) {
            return Err(Refused::Outside);
        }
        read_regular(&real, limit)
    }
}

/// Opens `path` without blocking (a FIFO opened for reading waits for a
/// writer) and without following a link in its last component, then judges
/// the opened handle: a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Refused::Missing,
        _ if e.raw_os_error() == Some(libc::ELOOP) => Refused::Outside,
        _ => Refused::Unreadable(e.to_string()),
    })?;
    let meta = file.metadata().map_err(|e| Refused::Unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(Refused::NotAFile);
    }
    if meta.len() > limit {
        return Err(Refused::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Refused::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The SHA-256 of `bytes` in lower-case hex (input hashes, the colophon).
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// readers never see a half-written file and an interrupted run leaves none.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("bukan nama berkas"))?
        .to_string_lossy()
        .into_owned();
    let tmp = write_temp(dir, &name, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Writes every output into `out_dir`, all or nothing: the folder must be
/// a real directory (a link is refused, so outputs cannot be sent outside),
/// every name a plain file name, every file first written to a temporary
/// created exclusively under an unpredictable name (a link planted there
/// cannot be written through) and renamed into place only when all are
/// written. On any failure the temporaries are removed and nothing is
/// replaced; the error names the file.
pub fn write_all(out_dir: &Path, files: &[(&str, &[u8])]) -> Result<Vec<PathBuf>, (PathBuf, String)> {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if is_link(out_dir) {
        return Err((
            out_dir.to_path_buf(),
            "folder keluaran adalah tautan; lkjip hanya menulis ke folder sungguhan".to_string(),
        ));
    }
    std::fs::create_dir_all(out_dir).map_err(|e| {
        (
            out_dir.to_path_buf(),
            format!("folder keluaran tidak dapat dibuat: {e}"),
        )
    })?;
    if !std::fs::symlink_metadata(out_dir).is_ok_and(|m| m.is_dir()) {
        return Err((out_dir.to_path_buf(), "bukan folder".to_string()));
    }
    for (name, _) in files {
        let plain = Path::new(name).components().count() == 1
            && matches!(Path::new(name).components().next(), Some(Component::Normal(_)));
        if !plain || name.len() > NAME_MAX {
            return Err((
                out_dir.join(name),
                "nama berkas keluaran tidak sah atau terlalu panjang".to_string(),
            ));
        }
        // a folder in the way would fail its rename after the others landed
        if std::fs::symlink_metadata(out_dir.join(name)).is_ok_and(|m| m.is_dir()) {
            return Err((
                out_dir.join(name),
                "sudah ada folder dengan nama ini; pindahkan dulu".to_string(),
            ));
        }
    }
    let mut temps: Vec<PathBuf> = Vec::new();
    let clean = |temps: &[PathBuf]| {
        for t in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (name, bytes) in files {
        match write_temp(out_dir, name, bytes) {
            Ok(t) => temps.push(t),
            Err(e) => {
                clean(&temps);
                return Err((out_dir.join(name), format!("tidak dapat ditulis: {e}")));
            }
        }
    }
    let mut written = Vec::new();
    for (i, (name, _)) in files.iter().enumerate() {
        let path = out_dir.join(name);
        if let Err(e) = std::fs::rename(&temps[i], &path) {
            clean(&temps[i..]);
            return Err((path, format!("tidak dapat ditulis: {e}")));
        }
        written.push(path);
    }
    Ok(written)
}

/// The longest file name most file systems take (bytes).
const NAME_MAX: usize = 255;

/// A new temporary file beside `name` in `dir`, created exclusively
/// (`O_EXCL`, never through a link) under a name no one can guess, holding
/// `bytes`. Its name stays within [`NAME_MAX`].
fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    use std::hash::{BuildHasher, Hasher};
    use std::io::Write;
    let stem: String = name.chars().take(160).collect();
    for _ in 0..16 {
        // RandomState is seeded from the OS per process and per instance
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        h.write_u32(std::process::id());
        let tmp = dir.join(format!(".{stem}.{:016x}.tmp-lkjip", h.finish()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o644).custom_flags(libc::O_NOFOLLOW);
        }
        match options.open(&tmp) {
            Ok(mut file) => {
                return file.write_all(bytes).map(|_| tmp.clone()).inspect_err(|_| {
                    let _ = std::fs::remove_file(&tmp);
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("tidak ada nama sementara yang bebas"))
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

    /// The one reader of officer's files: a FIFO answers at once (it would
    /// block a plain open until a writer comes), a device and a growing
    /// file are refused within the limit, a link out is outside.
    #[cfg(unix)]
    #[test]
    fn the_reader_refuses_fifos_devices_links_out_and_large_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("laporan");
        std::fs::create_dir_all(&dir).unwrap();
        let folder = Folder::new(&dir);
        let fifo = dir.join("lkjip.toml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(folder.read(&fifo, 1024), Err(Refused::NotAFile));
        std::os::unix::fs::symlink("/dev/zero", dir.join("nol.md")).unwrap();
        assert_eq!(folder.read(&dir.join("nol.md"), 1024), Err(Refused::Outside));
        assert_eq!(read_regular(Path::new("/dev/zero"), 1024), Err(Refused::NotAFile));
        std::fs::write(tmp.path().join("rahasia.txt"), b"rahasia").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("rahasia.txt"), dir.join("tautan.md")).unwrap();
        assert_eq!(folder.read(&dir.join("tautan.md"), 1024), Err(Refused::Outside));
        assert_eq!(folder.read(&dir.join("../rahasia.txt"), 1024), Err(Refused::Outside));
        std::fs::write(dir.join("besar.md"), vec![b'x'; 2048]).unwrap();
        assert_eq!(
            folder.read(&dir.join("besar.md"), 1024),
            Err(Refused::TooLarge {
                size: 2048,
                limit: 1024
            })
        );
        assert_eq!(folder.read(&dir.join("besar.md"), 4096).map(|b| b.len()), Ok(2048));
        assert_eq!(folder.read(&dir.join("tidak-ada.md"), 1024), Err(Refused::Missing));
        // a link inside the folder to a file inside is followed
        std::os::unix::fs::symlink(dir.join("besar.md"), dir.join("salin.md")).unwrap();
        assert_eq!(folder.read(&dir.join("salin.md"), 4096).map(|b| b.len()), Ok(2048));
    }

    #[test]
    fn watch_looks_at_what_a_build_reads() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        for f in [
            "lkjip.toml",
            "data/renja.xlsx",
            "narasi/a.md",
            "arsip/lama/x.pdf",
            "lain/realisasi.xlsx",
            "out/y.pdf",
            ".git/z",
        ] {
            std::fs::create_dir_all(dir.join(f).parent().unwrap()).unwrap();
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        let folder = Folder::new(dir);
        let names = |fp: Fingerprint| -> Vec<String> {
            fp.into_iter()
                .map(|(p, _, _)| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(
            names(folder.fingerprint(&folder.out(), &[])),
            ["data/renja.xlsx", "lkjip.toml", "narasi/a.md"]
        );
        // an input that [berkas] places elsewhere is watched too
        assert_eq!(
            names(folder.fingerprint(&folder.out(), &[dir.join("lain/realisasi.xlsx")])),
            ["data/renja.xlsx", "lain/realisasi.xlsx", "lkjip.toml", "narasi/a.md"]
        );
    }

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
