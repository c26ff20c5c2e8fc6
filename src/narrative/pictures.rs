//! Which pictures of `gambar/` the narrative may place: Typst decodes PNG,
//! JPEG, GIF and SVG; anything else, a link out of the folder, a file over
//! `[batas] gambar_mb` or a raster whose header claims more pixels than
//! `gambar_megapiksel` is a warning and is not offered to the templates —
//! and the renderer reads pictures through [`read_picture`] too, so Typst
//! never decodes one that was not judged.

use super::Gambar;
use crate::config::Batas;
use crate::finding::{Finding, Location, Severity};
use crate::folder::{Folder, Refused};

/// Picture files of `gambar/` that can be placed; the others are warnings.
pub fn pictures(folder: &Folder, batas: &Batas, findings: &mut Vec<Finding>) -> Gambar {
    let mut out = Gambar::new();
    for name in Folder::names(&folder.gambar()) {
        match read_picture(folder, &name, batas) {
            Ok(_) => {
                out.insert(name);
            }
            Err((code, message)) => findings.push(Finding {
                severity: Severity::Warning,
                code,
                location: Location::file(format!("gambar/{name}")),
                message,
                kunci: Vec::new(),
            }),
        }
    }
    out
}

/// The bytes of `gambar/NAME` when it is a picture lkjip lets Typst decode:
/// read through the folder's bounded reader, sniffed by its first bytes,
/// and for rasters the size its header claims within the pixel limit.
pub fn read_picture(folder: &Folder, name: &str, batas: &Batas) -> Result<Vec<u8>, (&'static str, String)> {
    let not_used = |m: String| format!("{m}; tidak dipakai");
    let bytes = folder
        .read(&folder.gambar().join(name), batas.gambar_mb.saturating_mul(1024 * 1024))
        .map_err(|r| match r {
            Refused::Outside => (
                "path-outside",
                "tautan ke luar folder laporan; tidak dipakai".to_string(),
            ),
            Refused::TooLarge { .. } => (
                "image-too-large",
                not_used(format!("{} ([batas] gambar_mb)", r.message())),
            ),
            r => (r.code(), not_used(r.message())),
        })?;
    let svg = name.to_lowercase().ends_with(".svg")
        && String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).contains("<svg");
    if svg {
        // parsed here as Typst will parse it: a broken SVG is a warning now,
        // not a failed build later
        return match typst::visualize::SvgImage::new(typst::foundations::Bytes::new(bytes.clone())) {
            Ok(_) => Ok(bytes),
            Err(_) => Err((
                "image-invalid",
                "SVG tidak dapat dibaca (rusak atau tidak lengkap); tidak dipakai".to_string(),
            )),
        };
    }
    let Some((kind, w, h)) = raster_size(&bytes) else {
        return Err((
            "image-invalid",
            "bukan gambar PNG, JPEG, GIF atau SVG yang sah; tidak dipakai".to_string(),
        ));
    };
    let pixels = u64::from(w) * u64::from(h);
    if pixels > batas.gambar_megapiksel.saturating_mul(1_000_000) {
        return Err((
            "image-too-large",
            format!(
                "gambar {kind} {w} × {h} piksel ({} megapiksel), melebihi batas {} megapiksel ([batas] gambar_megapiksel); perkecil gambarnya; tidak dipakai",
                pixels / 1_000_000,
                batas.gambar_megapiksel
            ),
        ));
    }
    Ok(bytes)
}

/// The format and the width × height a raster's header claims (PNG IHDR,
/// GIF logical screen, JPEG start-of-frame); `None` when the bytes are not
/// one of them or the header is cut short or names a zero size.
pub fn raster_size(b: &[u8]) -> Option<(&'static str, u32, u32)> {
    let be16 = |i: usize| Some(u32::from(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?])));
    let le16 = |i: usize| Some(u32::from(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?])));
    let be32 = |i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let (kind, w, h) = if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        if b.get(12..16)? != b"IHDR" {
            return None;
        }
        ("PNG", be32(16)?, be32(20)?)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        ("GIF", le16(6)?, le16(8)?)
    } else if b.starts_with(&[0xFF, 0xD8]) {
        // walk the segments to the first start-of-frame marker
        let mut i = 2;
        loop {
            while *b.get(i)? != 0xFF {
                i += 1;
            }
            while *b.get(i)? == 0xFF {
                i += 1;
            }
            let marker = *b.get(i)?;
            i += 1;
            if marker == 0x01 || (0xD0..=0xD9).contains(&marker) {
                continue; // no length
            }
            let len = be16(i)? as usize;
            let is_frame = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
            if is_frame {
                break ("JPEG", be16(i + 5)?, be16(i + 3)?);
            }
            if len < 2 {
                return None;
            }
            i += len;
        }
    } else {
        return None;
    };
    (w > 0 && h > 0).then_some((kind, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first 24 bytes of a PNG: signature, IHDR length, type, width, height.
    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b
    }

    #[test]
    fn a_broken_svg_is_judged_before_typst_sees_it() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("gambar")).unwrap();
        let ok =
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
        std::fs::write(tmp.path().join("gambar/bagan.svg"), ok).unwrap();
        std::fs::write(
            tmp.path().join("gambar/rusak.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect",
        )
        .unwrap();
        let folder = Folder::new(tmp.path());
        assert!(read_picture(&folder, "bagan.svg", &Batas::default()).is_ok());
        let (code, message) = read_picture(&folder, "rusak.svg", &Batas::default()).unwrap_err();
        assert_eq!(code, "image-invalid");
        assert!(message.starts_with("SVG tidak dapat dibaca"), "{message}");
    }

    #[test]
    fn headers_tell_the_size_before_anything_is_decoded() {
        assert_eq!(raster_size(&png(640, 480)), Some(("PNG", 640, 480)));
        assert_eq!(raster_size(b"GIF89a\x80\x02\xe0\x01"), Some(("GIF", 640, 480)));
        // JPEG: SOI, an APP0 segment of 16 bytes, then SOF0 with height 480, width 640
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend([0u8; 14]);
        jpeg.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80]);
        assert_eq!(raster_size(&jpeg), Some(("JPEG", 640, 480)));
        assert_eq!(raster_size(&jpeg[..12]), None, "cut short");
        assert_eq!(raster_size(&png(0, 10)), None);
        assert_eq!(raster_size(b"\x89PNG\r\n\x1a\nrest"), None);

        // 100 000 × 100 000 is refused from its 24-byte header
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("gambar")).unwrap();
        std::fs::write(tmp.path().join("gambar/besar.png"), png(100_000, 100_000)).unwrap();
        let (code, message) = read_picture(&Folder::new(tmp.path()), "besar.png", &Batas::default()).unwrap_err();
        assert_eq!(code, "image-too-large");
        assert!(
            message.starts_with("gambar PNG 100000 × 100000 piksel (10000 megapiksel), melebihi batas 50 megapiksel"),
            "{message}"
        );
    }

    #[test]
    fn a_link_out_of_the_folder_is_not_a_picture() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("laporan");
        std::fs::create_dir_all(dir.join("gambar")).unwrap();
        std::fs::write(dir.join("gambar/logo.png"), png(640, 480)).unwrap();
        std::fs::write(dir.join("gambar/catatan.txt"), b"bukan gambar").unwrap();
        std::fs::write(tmp.path().join("rahasia.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.path().join("rahasia.png"), dir.join("gambar/tautan.png")).unwrap();
        let mut f = Vec::new();
        let ok = pictures(&Folder::new(&dir), &Batas::default(), &mut f);
        assert!(ok.contains("logo.png"), "{ok:?}");
        assert!(!ok.contains("catatan.txt") && !ok.contains("tautan.png"));
        assert!(
            f.iter()
                .any(|x| x.code == "image-invalid" && x.location.file == "gambar/catatan.txt"),
            "{f:?}"
        );
        #[cfg(unix)]
        assert!(
            f.iter()
                .any(|x| x.code == "path-outside" && x.location.file == "gambar/tautan.png"),
            "{f:?}"
        );
    }
}
