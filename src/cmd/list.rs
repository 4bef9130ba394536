//! Subject lists read by every command that takes `--from FILE` (`locate`, `case open`, and
//! the commands run in bulk by [`super::bulk`], whose progress is journaled by
//! [`dsr::batch`]), and what they print per subject: data on stdout as each subject is
//! done, bad rows on stderr.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result};
use dsr::subjects::{BadRow, Row};

use super::sanitize;

/// Reads the subject list at `path`, or stdin for `-`.
pub fn read(path: &Path) -> Result<Vec<Row>> {
    Ok(read_bytes(path)?.1)
}

/// Reads the subject list at `path` (stdin for `-`): its bytes, which identify it, and its
/// rows.
pub fn read_bytes(path: &Path) -> Result<(Vec<u8>, Vec<Row>)> {
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .with_context(|| format!("cannot open the subject list {}", path.display()))?
            .read_to_end(&mut bytes)
    };
    read.with_context(|| format!("cannot read the subject list {}", path.display()))?;
    let rows = dsr::subjects::read(&bytes[..])
        .with_context(|| format!("cannot use the subject list {}", path.display()))?;
    Ok((bytes, rows))
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
