#![no_main]
//! See fuzz/README.md and lkjip::fuzzing::workbook.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lkjip::fuzzing::workbook(data));
