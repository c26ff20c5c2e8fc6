//! Paths and folder helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The embedded example, Dinas Sosial PPPA Kabupaten Belitung 2024.
pub fn example() -> PathBuf {
    root().join("examples/dspppa-belitung-2024")
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Copies a folder tree (a report folder into a temporary one).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A valid `w` × `h` PNG of one grey (8-bit greyscale, stored deflate),
/// for tests that need a real picture.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc(&body).to_be_bytes());
    }
    let mut raw = Vec::new();
    for _ in 0..h {
        raw.push(0); // filter: none
        raw.extend(std::iter::repeat_n(0x80u8, w as usize));
    }
    // zlib: stored blocks of at most 65 535 bytes, then Adler-32
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        z.extend((b.len() as u16).to_le_bytes());
        z.extend((!(b.len() as u16)).to_le_bytes());
        z.extend(*b);
    }
    let (mut a, mut bsum) = (1u32, 0u32);
    for &x in &raw {
        a = (a + u32::from(x)) % 65_521;
        bsum = (bsum + a) % 65_521;
    }
    z.extend(((bsum << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A LibreOffice user profile under `dir` that recalculates every formula
/// of an `.xlsx` on load (the cached values must be what Excel would
/// compute); pass it as `-env:UserInstallation=file://…`.
pub fn recalculating_profile(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir.join("user")).unwrap();
    std::fs::write(
        dir.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    dir.to_path_buf()
}

/// Whether `pdftotext` can be run; without it a test says it is skipped,
/// unless CI requires poppler (`LKJIP_REQUIRE_POPPLER`, set by .ci/run).
pub fn pdftotext_available() -> bool {
    if std::process::Command::new("pdftotext").arg("-v").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("LKJIP_REQUIRE_POPPLER").is_none(),
        "pdftotext is required here but not installed"
    );
    eprintln!("skipped: pdftotext (poppler-utils) is not installed");
    false
}

/// Whether LibreOffice (`soffice`) can be run; without it a test says it is
/// skipped, unless CI requires it (`LKJIP_REQUIRE_SOFFICE`, set by .ci/run).
pub fn soffice_available() -> bool {
    if std::process::Command::new("soffice").arg("--version").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("LKJIP_REQUIRE_SOFFICE").is_none(),
        "LibreOffice (soffice) is required here but not installed"
    );
    eprintln!("skipped: LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui)");
    false
}
