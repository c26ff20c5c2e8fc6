//! Whole-workbook import from bytes, in every role: a workbook that cannot
//! be read is a finding, never a panic. Seeds: the example's and the
//! fixtures' workbooks (fuzz/corpus/workbook).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkjip::finding::Findings;
use lkjip::ingest::workbook::Workbook;
use lkjip::ingest::{kinerja, realisasi, renja, spm};

fuzz_target!(|data: &[u8]| {
    for role in 0..4 {
        let Ok(mut wb) = Workbook::from_bytes(data.to_vec(), "fuzz.xlsx") else {
            return;
        };
        let mut f = Findings::new();
        match role {
            0 => drop(renja::read(&mut wb, None, &mut f)),
            1 => drop(realisasi::read(&mut wb, None, &mut f)),
            2 => drop(spm::read(&mut wb, None, &mut f)),
            _ => drop(kinerja::read(&mut wb, &mut f)),
        }
        for x in f.iter() {
            let _ = x.to_string();
        }
    }
});
