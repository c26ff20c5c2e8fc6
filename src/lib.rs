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
//! 5. render (PDF through Typst, XLSX) follows in later stages.
//!
//! [`load`] runs steps 1–3 for a report folder; [`init`] writes a new one.

pub mod compute;
pub mod config;
pub mod finding;
pub mod ingest;
pub mod init;
pub mod load;
pub mod model;

/// The tool version, as recorded in outputs.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
