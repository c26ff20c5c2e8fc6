//! lkjip turns the official workbooks of an Indonesian regional agency into
//! its yearly performance report (LKjIP).
//!
//! # Layers
//!
//! The modules are declared below in the order they may use each other: a
//! module uses only those declared before it (`tests/layering.rs` checks
//! this on every `cargo test`, so a cycle cannot come back).
//!
//! **Base** — the words every stage speaks: [`finding`] (the diagnostics),
//! [`angka`] (Decimal arithmetic, the one rounding rule), [`folder`] (the
//! report folder as the only door: layout, sandbox, hashes, atomic
//! writes), [`config`] (`lkjip.toml`), [`model`] (the public JSON schema
//! and its domain words: `Kode`, `Level`, `Target`, `Arah`, `Tingkat`),
//! [`tampil`] (Indonesian display).
//!
//! # Steps
//!
//! 1. [`ingest`]: read `lkjip.toml` and the Renja, realization, e-SPM and
//!    kinerja workbooks into raw tables that remember where every value
//!    came from (calamine lives here and nowhere else).
//! 2. [`assemble`]: reconcile codes, build the program tree and roll
//!    budgets up into one report model; every mismatch is a finding.
//! 3. [`compute`]: derive every figure (capaian, predikat, kategori, SPM
//!    index, efektivitas, efisiensi, year-on-year) and check the printed
//!    figures of the inputs against them.
//! 4. [`narrative`]: the officer's texts read into the model and rendered
//!    against it (minijinja, Markdown → blocks), the default texts, the
//!    usable pictures.
//! 5. [`review`]: what only the narrative can tell (placements, missing
//!    explanations), the row keys findings concern, the changes since a
//!    previous model.
//! 6. [`document`]: the report as a typed document — chapters of items
//!    (headings, paragraphs, narrative blocks, lists, tables with header
//!    spans, charts, pictures, signatures), every figure formatted; the
//!    order and wording of the formulaic parts. Every backend writes it.
//! 7. [`render`]: the document → the LKjIP as PDF through Typst (with the
//!    reviewer draft's pages and marks); the model → the lampiran as XLSX.
//!
//! **Drivers** — [`load`] runs steps 1–5 for a report folder, [`build`]
//! adds steps 6–7 and writes the outputs; [`batch`] builds many folders in
//! one process, [`watch`] rebuilds on every change. **Tools** — [`init`]
//! writes a new folder, [`synth`] synthetic ones, [`bench`](mod@bench)
//! measures; `fuzzing` holds the fuzz targets' bodies.

// base
pub mod finding;
pub mod angka;
pub mod folder;
pub mod config;
pub mod model;
pub mod tampil;
// stages
pub mod ingest;
pub mod assemble;
pub mod compute;
pub mod narrative;
pub mod review;
pub mod document;
pub mod render;
// drivers
pub mod load;
pub mod build;
pub mod batch;
pub mod watch;
// tools
pub mod init;
pub mod synth;
pub mod bench;
#[doc(hidden)]
pub mod fuzzing;

/// The tool version, as recorded in outputs.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
