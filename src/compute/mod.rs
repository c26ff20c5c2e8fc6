//! Stage 3, compute: every derived figure of the report (capaian, predikat,
//! kategori, rollups, SPM index, efektivitas, efisiensi, year-on-year) and
//! every inconsistency between what the inputs print and what they imply.
//!
//! [`check_inputs`] looks at the printed figures of the raw tables (totals,
//! percentages) before the model is built; [`derive()`] fills the computed
//! fields of the model and checks what only the model can tell.

pub mod capaian;
pub mod rules;

mod budget;
mod performance;
mod spm;
mod triwulan;

use crate::finding::Findings;
use crate::ingest::Inputs;
use crate::model::ReportModel;
pub use rules::Rules;

/// Checks the figures the input workbooks print against what their own rows
/// imply (totals, percentages, sisa, realisasi over pagu).
pub fn check_inputs(inputs: &Inputs, rules: &Rules, f: &mut Findings) {
    if let Some(r) = &inputs.realisasi {
        budget::check_realisasi(r, rules, false, f);
    }
    if let Some(r) = &inputs.realisasi_lalu {
        budget::check_realisasi(r, rules, true, f);
    }
    if let Some(r) = &inputs.renja {
        budget::check_renja(r, f);
    }
}

/// Fills the computed fields of the model and reports what only the model
/// can tell (capaian far above target, missing realization, PK vs Renstra,
/// printed capaian and SPM figures vs recomputed ones).
pub fn derive(m: &mut ReportModel, rules: &Rules, f: &mut Findings) {
    performance::indicators(m, rules, f);
    triwulan::derive(m, rules, f);
    budget::derive(m, rules, f);
    performance::groups(m, rules);
    spm::derive(m, rules, f);
}
