//! lkjip turns the official workbooks of an Indonesian regional agency into
//! its yearly performance report (LKjIP).
//!
//! # Steps
//!
//! 1. [`config`]: read `lkjip.toml` — identity, signatories, paths.
//! 2. [`ingest`]: read the Renja, realization, e-SPM and kinerja workbooks
//!    into raw tables that remember where every value came from (calamine
//!    lives here and nowhere else).
//! 3. [`model`]: reconcile codes, build the program tree and roll budgets
//!    up into one report model; every mismatch is a [`finding`].
//! 4. [`compute`]: derive every figure (capaian, predikat, kategori, SPM
//!    index, efektivitas, efisiensi, year-on-year) and check the printed
//!    figures of the inputs against them.
//! 5. [`review`]: what only the narrative can tell (placeholders,
//!    placements, missing explanations), the row keys findings concern,
//!    the changes since a previous model, the reviewer draft's pages.
//! 6. [`render`]: the model → the LKjIP as PDF through Typst, the lampiran
//!    as XLSX.
//!
//! [`load`] runs steps 1–5 for a report folder, [`build`] adds step 6 and
//! writes the outputs; [`batch`] builds many folders in one process,
//! [`watch`] rebuilds on every change; [`init`] writes a new folder,
//! [`synth`] synthetic ones, [`bench`](mod@bench) measures.

pub mod batch;
pub mod bench;
pub mod build;
pub mod compute;
pub mod config;
pub mod finding;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod init;
pub mod load;
pub mod model;
pub mod render;
pub mod review;
pub mod synth;
pub mod watch;

/// The tool version, as recorded in outputs.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
