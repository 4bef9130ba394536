//! Printing for people: aligned tables, colour, and escaping of untrusted text.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// Replaces control characters (escape sequences included) so that metadata from a tenant
/// can never drive the terminal.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// A simple left-aligned table; the last column is not padded.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Row>,
}

struct Row {
    cells: Vec<String>,
    /// An ANSI colour for the first cell, if any.
    color: Option<&'static str>,
    /// A line printed under the row, indented, if any.
    note: Option<String>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>, color: Option<&'static str>, note: Option<String>) {
        self.rows.push(Row {
            cells: cells.iter().map(|c| sanitize(c)).collect(),
            color,
            note: note.map(|n| sanitize(&n)),
        });
    }

    pub fn write(&self, out: &mut impl Write, color: bool) -> io::Result<()> {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.cells.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let line = |out: &mut dyn Write, cells: &[String], first_color: Option<&str>| {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let last = i + 1 == cells.len();
                let pad = if last {
                    0
                } else {
                    widths[i] - cell.width() + 2
                };
                match (i, first_color) {
                    (0, Some(code)) if color => {
                        text.push_str(&format!("\x1b[{code}m{cell}\x1b[0m"));
                    }
                    _ => text.push_str(cell),
                }
                text.push_str(&" ".repeat(pad));
            }
            writeln!(out, "{}", text.trim_end())
        };
        let header_color = color.then_some("1");
        line(out, &self.header, header_color)?;
        for row in &self.rows {
            line(out, &row.cells, row.color)?;
            if let Some(note) = &row.note {
                let indent = widths.first().map_or(0, |w| w + 2);
                writeln!(out, "{}{note}", " ".repeat(indent))?;
            }
        }
        Ok(())
    }
}

/// Prints a list for scripts as [`print_value`] does; an empty one is `[]`, nothing (jsonl)
/// or the header of `columns` (csv), so that a script reads an empty table, not an error.
pub fn print_list(
    out: &mut impl Write,
    format: crate::cli::OutputFormat,
    columns: &[&str],
    rows: Vec<serde_json::Value>,
) -> anyhow::Result<()> {
    if rows.is_empty() && format == crate::cli::OutputFormat::Csv {
        let mut writer = csv::Writer::from_writer(&mut *out);
        writer.write_record(columns)?;
        writer.flush()?;
        return Ok(());
    }
    print_value(out, format, &serde_json::Value::from(rows))
}

/// Prints data for scripts as `--output` asks: `json` indented; `jsonl` one line per element
/// of an array (one line for anything else); `csv` a header and one row per element (or one
/// row), nested values as JSON text and cells neutralised against spreadsheet formulas.
/// `table` is the caller's to print and prints nothing here.
pub fn print_value(
    out: &mut impl Write,
    format: crate::cli::OutputFormat,
    value: &serde_json::Value,
) -> anyhow::Result<()> {
    use crate::cli::OutputFormat;
    use serde_json::Value;
    let rows: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    match format {
        OutputFormat::Table => {}
        OutputFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(value)?)?,
        OutputFormat::Jsonl => {
            for row in rows {
                writeln!(out, "{row}")?;
            }
        }
        OutputFormat::Csv => {
            // The columns: every key of every row, in the order first seen.
            let mut columns: Vec<&str> = Vec::new();
            for row in &rows {
                if let Value::Object(object) = row {
                    for key in object.keys() {
                        if !columns.contains(&key.as_str()) {
                            columns.push(key);
                        }
                    }
                }
            }
            if rows.is_empty() {
                // No row, no columns to name: an empty file rather than a made-up header.
                return Ok(());
            }
            let mut writer = csv::Writer::from_writer(&mut *out);
            if columns.is_empty() {
                writer.write_record(["value"])?;
            } else {
                writer.write_record(&columns)?;
            }
            let cell = |v: Option<&Value>| match v {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(s)) => dsr::access::neutralise(s),
                Some(other) => dsr::access::neutralise(&other.to_string()),
            };
            for row in rows {
                let record: Vec<String> = if columns.is_empty() {
                    vec![cell(Some(row))]
                } else {
                    columns.iter().map(|c| cell(row.get(*c))).collect()
                };
                writer.write_record(&record)?;
            }
            writer.flush()?;
        }
    }
    Ok(())
}
