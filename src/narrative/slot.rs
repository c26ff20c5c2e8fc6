//! The analysis slots: a narrative file per program and kegiatan with the
//! headings of the PermenPAN-RB 53/2014 analysis (capaian, faktor
//! pendukung, faktor penghambat, solusi, output/outcome) for the officer to
//! fill (`lkjip init`, `lkjip analisis`). A heading left empty is not
//! printed, and `check` names the empty ones where the analysis matters.

/// The headings of a kegiatan's analysis, in order; a program's has no
/// Output.
pub const LABELS: [&str; 6] = [
    "Capaian",
    "Faktor pendukung",
    "Faktor penghambat",
    "Solusi",
    "Output",
    "Outcome",
];

/// The headings that say why a figure missed: where the analysis matters
/// (under target, under the absorption threshold) these must be filled.
pub const WHY: [&str; 3] = ["Faktor pendukung", "Faktor penghambat", "Solusi"];

/// The text of a new slot file for `jenis` (`program`, `kegiatan`) `kode`.
pub fn template(jenis: &str, kode: &str, nama: &str) -> String {
    let mut s = format!(
        "{{# Analisis {jenis} {kode} {nama} (PermenPAN-RB 53/2014). Tulis setiap bagian sesudah titik dua, pada baris yang sama; bagian yang dibiarkan kosong tidak dicetak, dan `lkjip check` mengingatkan bila {jenis} ini di bawah target atau serapannya di bawah ambang. #}}\n\n"
    );
    for label in LABELS.iter().filter(|l| jenis != "program" || **l != "Output") {
        s.push_str(&format!("**{label}:**\n\n"));
    }
    s
}

/// The label of a line that is an empty slot heading (`**Solusi:**` and
/// nothing after it).
fn empty_label(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let inner = t
        .strip_prefix("**")?
        .strip_suffix("**")?
        .trim()
        .strip_suffix(':')?
        .trim();
    LABELS.iter().find(|l| l.eq_ignore_ascii_case(inner)).copied()
}

/// Per line of `text`: the slot heading it is, when it is one left empty —
/// nothing after it on its line, and the next written line another slot
/// heading or the end (text on the lines below fills it too).
fn empty_lines(text: &str) -> Vec<Option<&'static str>> {
    let lines: Vec<&str> = text.lines().collect();
    let heading = |l: &str| {
        let t = l.trim();
        t.starts_with("**")
            && LABELS
                .iter()
                .any(|x| t[2..].to_lowercase().starts_with(&x.to_lowercase()))
    };
    (0..lines.len())
        .map(|i| {
            let label = empty_label(lines[i])?;
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            next.is_none_or(|l| heading(l)).then_some(label)
        })
        .collect()
}

/// The slot headings of `text` still empty, in order.
pub fn empty(text: &str) -> Vec<&'static str> {
    empty_lines(text).into_iter().flatten().collect()
}

/// `text` without its empty slot headings and the slot's comment, line
/// numbers kept (an error in the narrative still names its line): what is
/// printed, and what counts as the officer's explanation.
pub fn filled(text: &str) -> String {
    text.lines()
        .zip(empty_lines(text))
        .map(|(l, empty)| {
            let t = l.trim();
            let comment = t.starts_with("{# Analisis ") && t.ends_with("#}");
            if comment || empty.is_some() { "" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_prints_only_what_the_officer_wrote() {
        let t = template("kegiatan", "1.06.02.2.03", "Pengembangan Potensi");
        assert_eq!(empty(&t), LABELS);
        assert!(filled(&t).trim().is_empty());
        let program = template("program", "1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL");
        assert!(!empty(&program).contains(&"Output"));
        let mut written = t.replace("**Solusi:**", "**Solusi:** verifikasi data PMKS setiap triwulan.");
        written = written.replace(
            "**Faktor penghambat:**\n",
            "**Faktor penghambat:**\nData PMKS belum valid.\n",
        );
        // a heading with its text on the next line is filled too
        assert_eq!(empty(&written), ["Capaian", "Faktor pendukung", "Output", "Outcome"]);
        let shown = filled(&written);
        assert!(shown.contains("**Solusi:** verifikasi data PMKS setiap triwulan."));
        assert!(!shown.contains("**Capaian:**"));
        assert_eq!(shown.lines().count(), written.lines().count(), "line numbers kept");
    }
}
