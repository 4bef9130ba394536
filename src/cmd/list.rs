//! Subject lists read by every command that takes `--from FILE` (`locate`, `case open`, and
//! the commands run in bulk by [`super::bulk`], whose progress is journaled by
//! [`dsr::batch`]), and what they print per subject: data on stdout as each subject is
//! done, bad rows on stderr.

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context as _, Result};
use dsr::subjects::{BadRow, Row, Subject};
use serde_json::Value;

use super::sanitize;
use crate::cli::OutputFormat;

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

/// Where the results of a list go as `--output` asks: `jsonl` one line per row as soon as
/// it is done; `json` and `csv` kept and printed at the end; `table` is the command's to
/// print through [`ListPrinter::out`], row by row.
pub struct ListPrinter {
    out: std::io::StdoutLock<'static>,
    format: OutputFormat,
    kept: Vec<Value>,
}

impl ListPrinter {
    pub fn new(format: OutputFormat) -> ListPrinter {
        ListPrinter {
            out: std::io::stdout().lock(),
            format,
            kept: Vec::new(),
        }
    }

    /// The `--output` asked for.
    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// Stdout, for the lines of a table.
    pub fn out(&mut self) -> &mut impl Write {
        &mut self.out
    }

    /// One row's result for scripts (a table prints none).
    pub fn result(&mut self, value: Value) -> Result<()> {
        match self.format {
            OutputFormat::Jsonl => emit(&mut self.out, &value),
            OutputFormat::Json | OutputFormat::Csv => {
                self.kept.push(value);
                Ok(())
            }
            OutputFormat::Table => Ok(()),
        }
    }

    /// Prints what is printed at the end: the array (`json`), or the rows as `csv` writes
    /// them (the command's own columns when it names them, else every key as
    /// [`super::output::print_value`] does).
    pub fn finish(mut self, csv: Option<CsvRows>) -> Result<()> {
        match (self.format, csv) {
            (OutputFormat::Csv, Some(csv)) => csv(&mut self.out, &self.kept),
            (OutputFormat::Json | OutputFormat::Csv, _) => {
                super::output::print_value(&mut self.out, self.format, &Value::from(self.kept))
            }
            (OutputFormat::Jsonl | OutputFormat::Table, _) => Ok(()),
        }
    }
}

/// Writes a list's kept results as CSV with the command's own columns.
pub type CsvRows = fn(&mut dyn Write, &[Value]) -> Result<()>;

/// How one subject of a list was counted.
pub enum Counted {
    Used,
    /// The subject could not be worked on (its result says why).
    Unusable,
}

/// The rows of a list, and how many could not be used.
pub struct Tally {
    pub rows: usize,
    pub bad: usize,
}

/// The one runner behind `--from`: goes through the rows of a list ([`read`] before
/// anything else, so that an unusable list is said first) in its order, reports each bad
/// row on stderr and prints `bad_row`'s result for it, and hands every other row's subject
/// to `subject`, which prints its result through the printer.
pub fn run(
    rows: Vec<Row>,
    printer: &mut ListPrinter,
    bad_row: impl Fn(&BadRow) -> Value,
    mut subject: impl FnMut(&mut ListPrinter, Subject) -> Result<Counted>,
) -> Result<Tally> {
    let mut tally = Tally {
        rows: rows.len(),
        bad: 0,
    };
    for row in rows {
        let counted = match row {
            Ok(s) => subject(printer, s)?,
            Err(e) => {
                report_bad(&e);
                printer.result(bad_row(&e))?;
                Counted::Unusable
            }
        };
        if let Counted::Unusable = counted {
            tally.bad += 1;
        }
    }
    Ok(tally)
}
