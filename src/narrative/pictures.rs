//! Which pictures of `gambar/` the narrative may place: Typst decodes PNG,
//! JPEG, GIF and SVG; anything else, or a link out of the folder, is a
//! warning and is not offered to the templates.

use super::Gambar;
use crate::finding::{Finding, Location, Severity};
use crate::folder::Folder;

/// Picture files of `gambar/` that Typst can decode, by their first bytes;
/// anything else is a warning and is not offered to the templates.
pub fn pictures(folder: &Folder, findings: &mut Vec<Finding>) -> Gambar {
    let mut out = Gambar::new();
    let gambar = folder.gambar();
    for name in Folder::names(&gambar) {
        let path = gambar.join(&name);
        if !folder.contains(&path) {
            findings.push(Finding {
                severity: Severity::Warning,
                code: "path-outside",
                location: Location::file(format!("gambar/{name}")),
                message: "tautan ke luar folder laporan; tidak dipakai".to_string(),
            });
            continue;
        }
        let head: Vec<u8> = std::fs::read(&path)
            .map(|b| b.into_iter().take(512).collect())
            .unwrap_or_default();
        let ok = head.starts_with(b"\x89PNG\r\n\x1a\n")
            || head.starts_with(&[0xFF, 0xD8, 0xFF])
            || head.starts_with(b"GIF8")
            || (name.to_lowercase().ends_with(".svg") && String::from_utf8_lossy(&head).contains("<svg"));
        if ok {
            out.insert(name);
        } else {
            findings.push(Finding {
                severity: Severity::Warning,
                code: "image-invalid",
                location: Location::file(format!("gambar/{name}")),
                message: "bukan gambar PNG, JPEG, GIF atau SVG yang sah; tidak dipakai".to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_out_of_the_folder_is_not_a_picture() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("laporan");
        std::fs::create_dir_all(dir.join("gambar")).unwrap();
        std::fs::write(dir.join("gambar/logo.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        std::fs::write(dir.join("gambar/catatan.txt"), b"bukan gambar").unwrap();
        std::fs::write(tmp.path().join("rahasia.png"), b"\x89PNG\r\n\x1a\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(tmp.path().join("rahasia.png"), dir.join("gambar/tautan.png")).unwrap();
        let mut f = Vec::new();
        let ok = pictures(&Folder::new(&dir), &mut f);
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
