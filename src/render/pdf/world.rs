//! The Typst `World` of lkjip: templates embedded in the binary (a
//! `templates/` folder inside the report folder overrides them), data as
//! virtual JSON files, pictures from the report's `gambar/`, bundled fonts
//! only, and a fixed date — no network, no system fonts, same bytes for
//! the same inputs.

use crate::config::Batas;
use crate::folder::{Folder, Refused, TEMPLATE_LIMIT};
use crate::narrative::pictures::read_picture;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Templates shipped in the binary, by their path under `templates/`.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("lkjip.typ", include_str!("../../../templates/lkjip.typ")),
    ("gaya.typ", include_str!("../../../templates/gaya.typ")),
    ("draf.typ", include_str!("../../../templates/draf.typ")),
    ("triwulan.typ", include_str!("../../../templates/triwulan.typ")),
];

const FONTS: &[&[u8]] = &[
    include_bytes!("../../../data/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../../data/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../../data/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../../data/fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../../../data/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../data/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../data/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../data/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Fonts and their book, loaded once per process (batch builds share them).
struct FontSet {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static FontSet {
    static SET: OnceLock<FontSet> = OnceLock::new();
    SET.get_or_init(|| {
        let fonts: Vec<Font> = FONTS.iter().flat_map(|b| Font::iter(Bytes::new(b.to_vec()))).collect();
        FontSet {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// A file id for a path of the project (`/lkjip.typ`, `/data/bab1.json`).
pub fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

/// The world of one report.
pub struct LkjipWorld {
    library: LazyHash<Library>,
    main: FileId,
    /// The report folder (for `templates/` overrides and `gambar/`).
    folder: Folder,
    /// The limits pictures are read within (`[batas]`).
    batas: Batas,
    /// Virtual data files, by path (`/data/laporan.json`).
    data: HashMap<String, Bytes>,
    today: Datetime,
    sources: Mutex<HashMap<FileId, Source>>,
}

impl LkjipWorld {
    pub fn new(folder: &Folder, batas: &Batas, today: Datetime) -> Option<LkjipWorld> {
        Some(LkjipWorld {
            library: LazyHash::new(Library::builder().build()),
            main: file_id("/lkjip.typ")?,
            folder: folder.clone(),
            batas: batas.clone(),
            data: HashMap::new(),
            today,
            sources: Mutex::new(HashMap::new()),
        })
    }

    /// The same world laying out another main file (set with
    /// [`set_data`](Self::set_data)): the Word copy's charts.
    pub fn with_main(mut self, path: &str) -> Option<LkjipWorld> {
        self.main = file_id(path)?;
        Some(self)
    }

    /// Sets (or replaces) a virtual data file.
    pub fn set_data(&mut self, path: &str, bytes: Vec<u8>) {
        self.data.insert(path.to_string(), Bytes::new(bytes));
    }

    /// The path of a file id inside the project, with its leading slash.
    fn path_of(id: FileId) -> Option<String> {
        let rooted = id.get();
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return None;
        }
        Some(rooted.vpath().get_with_slash().to_string())
    }

    /// The text of a template: the report folder's override, or the
    /// embedded copy.
    fn template(&self, name: &str) -> Option<Vec<u8>> {
        // the folder's override through the bounded reader; missing, or a
        // link out of the folder (a warning of the narrative stage): the
        // embedded copy
        match self.folder.read(&self.folder.templates().join(name), TEMPLATE_LIMIT) {
            Ok(bytes) => return Some(bytes),
            Err(Refused::Missing | Refused::Outside) => {}
            Err(_) => return None,
        }
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_bytes().to_vec())
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let path = Self::path_of(id).ok_or(FileError::AccessDenied)?;
        if let Some(b) = self.data.get(&path) {
            return Ok(b.clone());
        }
        let rel = path.trim_start_matches('/');
        if let Some(name) = rel.strip_prefix("gambar/") {
            // only plain file names inside gambar/: no traversal
            if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
                return Err(FileError::AccessDenied);
            }
            // judged as the narrative stage judged it: inside, bounded,
            // a known format within the pixel limit
            return read_picture(&self.folder, name, &self.batas)
                .map(Bytes::new)
                .map_err(|_| FileError::AccessDenied);
        }
        if rel.ends_with(".typ") && !rel.contains('/') {
            return self
                .template(rel)
                .map(Bytes::new)
                .ok_or_else(|| FileError::NotFound(PathBuf::from(rel)));
        }
        Err(FileError::NotFound(PathBuf::from(rel)))
    }
}

impl World for LkjipWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some(s) = self.sources.lock().map_err(|_| FileError::AccessDenied)?.get(&id) {
            return Ok(s.clone());
        }
        let bytes = self.read(id)?;
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text);
        if let Ok(mut m) = self.sources.lock() {
            m.insert(id, source.clone());
        }
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
