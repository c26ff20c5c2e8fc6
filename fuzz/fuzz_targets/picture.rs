#![no_main]
//! See fuzz/README.md and lkjip::fuzzing::picture.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lkjip::fuzzing::picture(data));
