//! The officer's narrative blocks' inlines as runs.

use super::xml::{Gaya, br, run};
use serde_json::Value;

/// Runs of narrative inlines (`text`, `strong`, `em`, `strike`, `br`,
/// `span`).
pub fn inlines(v: &Value) -> String {
    fn walk(v: &Value, g: Gaya, out: &mut String) {
        for x in v.as_array().into_iter().flatten() {
            match x["t"].as_str() {
                Some("text") => out.push_str(&run(x["s"].as_str().unwrap_or_default(), g)),
                Some("br") => out.push_str(br()),
                Some("strong") => walk(&x["c"], Gaya { tebal: true, ..g }, out),
                Some("em") => walk(&x["c"], Gaya { miring: true, ..g }, out),
                Some("strike") => walk(&x["c"], Gaya { coret: true, ..g }, out),
                _ => {
                    if let Some(c) = x.get("c") {
                        walk(c, g, out);
                    }
                }
            }
        }
    }
    let mut out = String::new();
    walk(v, Gaya::BIASA, &mut out);
    out
}

/// Runs made bold (a narrative table's header row).
pub fn bold_runs(runs: &str) -> String {
    runs.replace("<w:r><w:t", "<w:r><w:rPr><w:b/></w:rPr><w:t")
}
