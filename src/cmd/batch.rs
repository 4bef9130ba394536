//! Subject lists read by commands run in bulk (`--from FILE`), and what they print per
//! subject: data on stdout as each subject is done, bad rows on stderr.

use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use dsr::subjects::{BadRow, Row};

use super::sanitize;

/// Reads the subject list at `path`, or stdin for `-`.
pub fn read(path: &Path) -> Result<Vec<Row>> {
    let rows = if path == Path::new("-") {
        dsr::subjects::read(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(path)
            .with_context(|| format!("cannot open the subject list {}", path.display()))?;
        dsr::subjects::read(file)
    };
    rows.with_context(|| format!("cannot use the subject list {}", path.display()))
}

/// Says on stderr why a row was left out.
pub fn report_bad(row: &BadRow) {
    eprintln!("dsr: row {}: {}", row.row, sanitize(&row.reason));
}

/// Prints one JSON object as a line and flushes it, so a pipeline sees each subject as
/// soon as it is done.
pub fn emit(out: &mut impl Write, value: &serde_json::Value) -> Result<()> {
    writeln!(out, "{value}")?;
    out.flush()?;
    Ok(())
}
