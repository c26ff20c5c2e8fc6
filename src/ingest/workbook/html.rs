//! HTML tables saved as `.xls`: what wp-sipd and many Pemda web apps
//! download as "Excel" is an HTML page. Each `<table>` becomes a sheet
//! (`Tabel 1`, `Tabel 2`, …) read by the same header logic as a workbook:
//! `colspan` / `rowspan` become merged regions, `<br>` a line break, cell
//! text stays text (the number parsers read `1.004.422.800`, `Rp 78,000`).
//! Parsed with html5ever (the `scraper` crate), a real HTML parser: implied
//! and unclosed tags are handled as a browser would.

use super::super::cell::Cell;
use calamine::Dimensions;
use scraper::{ElementRef, Html, Node, Selector};

/// One table of the page: its rows of cells and its merged regions.
pub struct HtmlTable {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Dimensions>,
}

/// Whether `bytes` are an HTML page with a table (after a BOM and blanks).
pub fn is_html(bytes: &[u8]) -> bool {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..head.len().min(start + (1 << 16))];
    head.first() == Some(&b'<') && head.windows(6).any(|w| w.eq_ignore_ascii_case(b"<table"))
}

/// The tables of an HTML page. `max_cells` bounds the cells of one table
/// (the same bound as a workbook's sheet): a larger one is an error text.
pub fn tables(bytes: &[u8], max_cells: usize) -> Result<Vec<HtmlTable>, String> {
    let text = String::from_utf8_lossy(bytes);
    let doc = Html::parse_document(&text);
    let (Ok(table_sel), Ok(tr_sel)) = (Selector::parse("table"), Selector::parse("tr")) else {
        return Err("pemilih HTML tidak sah".to_string());
    };
    let mut out = Vec::new();
    for (t, table) in doc.select(&table_sel).enumerate() {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut merges = Vec::new();
        // cells still covered by a rowspan from above: (row, col)
        let mut covered: std::collections::HashSet<(u32, u32)> = std::collections::HashSet::new();
        let mut cells = 0usize;
        let own_rows = table.select(&tr_sel).filter(|tr| belongs_to(tr, &table));
        for (r, tr) in own_rows.enumerate() {
            let r = r as u32;
            let mut row: Vec<Cell> = Vec::new();
            let mut c: u32 = 0;
            for cell in tr.children().filter_map(ElementRef::wrap) {
                let name = cell.value().name();
                if name != "td" && name != "th" {
                    continue;
                }
                while covered.contains(&(r, c)) {
                    c += 1;
                }
                let span = |attr: &str| {
                    cell.value()
                        .attr(attr)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(1)
                        .clamp(1, 1000)
                };
                let (rs, cs) = (span("rowspan"), span("colspan"));
                cells = cells.saturating_add((rs as usize) * (cs as usize));
                if cells > max_cells {
                    return Err(format!(
                        "tabel HTML ke-{} lebih dari {max_cells} sel, tidak wajar",
                        t + 1
                    ));
                }
                if row.len() <= c as usize {
                    row.resize(c as usize + 1, Cell::Empty);
                }
                let text = cell_text(cell);
                row[c as usize] = if text.is_empty() { Cell::Empty } else { Cell::Text(text) };
                if rs > 1 || cs > 1 {
                    merges.push(Dimensions {
                        start: (r, c),
                        end: (r + rs - 1, c + cs - 1),
                    });
                    for dr in 1..rs {
                        for dc in 0..cs {
                            covered.insert((r + dr, c + dc));
                        }
                    }
                }
                c += cs;
            }
            while row.last().is_some_and(Cell::is_empty) {
                row.pop();
            }
            rows.push(row);
        }
        out.push(HtmlTable {
            name: format!("Tabel {}", t + 1),
            rows,
            merges,
        });
    }
    Ok(out)
}

/// Whether `table` is the nearest table around `tr` (a nested table's rows
/// are its own).
fn belongs_to(tr: &ElementRef, table: &ElementRef) -> bool {
    tr.ancestors()
        .find(|a| matches!(a.value(), Node::Element(e) if e.name() == "table"))
        .is_some_and(|a| a.id() == table.id())
}

/// The text of a cell as a browser shows it: blanks collapsed, `<br>` and
/// block ends as line breaks, trimmed.
fn cell_text(cell: ElementRef) -> String {
    let mut raw = String::new();
    for node in cell.descendants() {
        match node.value() {
            Node::Text(t) => raw.push_str(t),
            Node::Element(e) if matches!(e.name(), "br" | "p" | "div" | "li") => raw.push('\n'),
            _ => {}
        }
    }
    raw.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_merges_and_positions_skip_covered_cells() {
        let page = br#"<html><body><h3>LAPORAN</h3><table border=1>
            <tr><th rowspan=2>Kode<th rowspan=2>Program/Kegiatan/Sub Kegiatan<th colspan=2>REALISASI
            <tr><th>Rp<th>%
            <tr><td>1.06.02<td>PROGRAM<br>PEMBERDAYAAN<td>131.914.500<td>88,79
            </table></body></html>"#;
        assert!(is_html(page));
        assert!(!is_html(b"PK\x03\x04"));
        let t = tables(page, 1000).unwrap();
        assert_eq!(t.len(), 1);
        let rows = &t[0].rows;
        // row 2: the two rowspan cells cover A and B, so Rp and % land in C and D
        assert_eq!(
            rows[1],
            [
                Cell::Empty,
                Cell::Empty,
                Cell::Text("Rp".into()),
                Cell::Text("%".into())
            ]
        );
        assert_eq!(rows[2][1], Cell::Text("PROGRAM\nPEMBERDAYAAN".into()));
        assert_eq!(rows[2][2], Cell::Text("131.914.500".into()));
        let m: Vec<((u32, u32), (u32, u32))> = t[0].merges.iter().map(|d| (d.start, d.end)).collect();
        assert_eq!(m, [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3))]);
        assert!(tables(page, 5).is_err(), "the cell bound holds");
    }
}
