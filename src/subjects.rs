//! Lists of data subjects for bulk requests: CSV with a header naming identity columns, or
//! JSON Lines with the same keys. One subject per row; a bad row is reported with its row
//! number and the others go on.

use std::io::Read;

use serde_json::Value;
use time::Date;

use crate::case::deadline;
use crate::matching::identity::{Identity, IdentityKind};

/// The columns (CSV) or keys (JSON Lines) a subject list may have. `new_*` columns say what
/// the subject's value of that kind becomes, for `dsr rectify`.
pub const COLUMNS: &[&str] = &[
    "email",
    "name",
    "phone",
    "login",
    "reference",
    "received",
    "new_email",
    "new_name",
    "new_phone",
    "new_login",
];

#[derive(Debug, thiserror::Error)]
pub enum SubjectsError {
    #[error("cannot read the subject list: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "the subject list's header has an unknown column '{0}': use {columns}",
        columns = COLUMNS.join(", ")
    )]
    UnknownColumn(String),
    #[error(
        "the subject list has no identity column: its header needs one of email, name, phone, login"
    )]
    NoIdentityColumn,
    #[error(
        "the subject list's header has an unknown column '{0}': the file looks separated by ';' — separate its columns by ',' (or all of them by ';'), as in email,name,reference"
    )]
    Semicolons(String),
    #[error("the subject list is not CSV: {0}")]
    Csv(String),
}

/// One subject of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// Where it is in the file: the line number (the CSV header is row 1).
    pub row: usize,
    pub identities: Vec<Identity>,
    pub reference: Option<String>,
    pub received: Option<Date>,
    /// A correction (`new_name` …): the subject's value of this kind becomes this one.
    pub correction: Option<(IdentityKind, String)>,
}

/// A row that cannot be used, and why (never quoting its values: they are personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub row: usize,
    pub reason: String,
    /// The row's `reference`, when it has one: what a script matches its results by.
    pub reference: Option<String>,
}

pub type Row = Result<Subject, BadRow>;

/// Reads a subject list. JSON Lines when the first non-blank character is `{`, else CSV.
pub fn read(mut input: impl Read) -> Result<Vec<Row>, SubjectsError> {
    let mut text = String::new();
    input.read_to_string(&mut text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // Excel writes CRLF; the CSV reader counts such a file's lines one short.
    let text = text.replace("\r\n", "\n");
    if text.trim_start().starts_with('{') {
        Ok(read_jsonl(&text))
    } else {
        read_csv(&text)
    }
}

fn kind_of(column: &str) -> Option<IdentityKind> {
    match column {
        "email" => Some(IdentityKind::Email),
        "name" => Some(IdentityKind::Name),
        "phone" => Some(IdentityKind::Phone),
        "login" => Some(IdentityKind::Login),
        _ => None,
    }
}

/// Collects one row's cells (column, value) into a subject.
fn subject(row: usize, cells: Vec<(String, String)>) -> Row {
    let reference_cell = cells
        .iter()
        .find(|(column, value)| column == "reference" && !value.trim().is_empty())
        .map(|(_, value)| value.trim().to_owned());
    let bad = |reason: String| BadRow {
        row,
        reason,
        reference: reference_cell.clone(),
    };
    let mut identities = Vec::new();
    let mut reference = None;
    let mut received = None;
    let mut correction = None;
    for (column, value) in cells {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match column.as_str() {
            "reference" => reference = Some(value.to_owned()),
            "received" => {
                received = Some(deadline::parse_date(value).ok_or_else(|| {
                    bad("'received' is not a date: write it as YYYY-MM-DD".to_owned())
                })?);
            }
            new if new.starts_with("new_") => {
                let kind = kind_of(&new[4..]).ok_or_else(|| {
                    bad(format!(
                        "unknown column '{new}': use {}",
                        COLUMNS.join(", ")
                    ))
                })?;
                if correction.is_some() {
                    return Err(bad(
                        "more than one new_* value: a row carries one correction (put the next in a row of its own)".to_owned(),
                    ));
                }
                correction = Some((kind, value.to_owned()));
            }
            other => {
                let kind = kind_of(other).ok_or_else(|| {
                    bad(format!(
                        "unknown column '{other}': use {}",
                        COLUMNS.join(", ")
                    ))
                })?;
                // Several identities of one kind in one cell are separated by ';'.
                identities.extend(
                    value
                        .split(';')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(|v| Identity::new(kind, v)),
                );
            }
        }
    }
    if identities.is_empty() {
        return Err(bad(
            "no identity: the row needs an email, name, phone or login".to_owned(),
        ));
    }
    if let Some(day) = received
        && day > deadline::today()
    {
        return Err(bad("'received' is in the future".to_owned()));
    }
    Ok(Subject {
        row,
        identities,
        reference,
        received,
        correction,
    })
}

/// The separator of a CSV list: ',' unless the header holds none and ';' splits it (Excel
/// writes ';' where the decimal separator is a comma).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if !header.contains(',') && header.contains(';') {
        b';'
    } else {
        b','
    }
}

fn read_csv(text: &str) -> Result<Vec<Row>, SubjectsError> {
    let separator = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| SubjectsError::Csv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    if let Some(unknown) = header.iter().find(|h| !COLUMNS.contains(&h.as_str())) {
        if unknown.contains(';') {
            return Err(SubjectsError::Semicolons(unknown.clone()));
        }
        return Err(SubjectsError::UnknownColumn(unknown.clone()));
    }
    let reference_at = header.iter().position(|h| h == "reference");
    if !header.iter().any(|h| kind_of(h).is_some()) {
        return Err(SubjectsError::NoIdentityColumn);
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let row = record.position().map_or(line, |p| p.line() as usize);
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let reference = reference_at
                    .and_then(|i| record.get(i))
                    .map(str::trim)
                    .filter(|r| !r.is_empty() && !r.contains(['\n', '\r']))
                    .map(str::to_owned);
                // The CSV reader takes an unclosed quote as a cell that runs on to the end of
                // the file: a line break inside a cell is that, not a real value.
                if record.iter().any(|c| c.contains(['\n', '\r'])) {
                    rows.push(Err(BadRow {
                        row,
                        reason: "broken quoting: a quote is not closed, so this cell runs over the following lines, which were not read as rows".to_owned(),
                        reference: None,
                    }));
                    break;
                }
                if record.len() != header.len() {
                    rows.push(Err(BadRow {
                        row,
                        reason: format!(
                            "{} cell(s) where the header has {}",
                            record.len(),
                            header.len()
                        ),
                        reference,
                    }));
                    continue;
                }
                let cells = header
                    .iter()
                    .cloned()
                    .zip(record.iter().map(str::to_owned))
                    .collect();
                rows.push(subject(row, cells));
            }
            Err(e) => {
                let row = e.position().map_or(line.max(2), |p| p.line() as usize);
                rows.push(Err(BadRow {
                    row,
                    reason: "broken quoting or encoding: the row cannot be read as CSV".to_owned(),
                    reference: None,
                }));
                // The reader cannot resynchronise inside a broken quote: what follows in
                // the file is not read as rows of their own.
                break;
            }
        }
    }
    Ok(rows)
}

fn read_jsonl(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let row = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                rows.push(Err(BadRow {
                    row,
                    reason: "the line is not a JSON object".to_owned(),
                    reference: None,
                }));
                continue;
            }
            Err(e) => {
                rows.push(Err(BadRow {
                    row,
                    reason: format!("not JSON (column {})", e.column()),
                    reference: None,
                }));
                continue;
            }
        };
        let mut cells = Vec::new();
        let mut wrong = None;
        for (key, value) in object {
            match value {
                Value::String(s) => cells.push((key, s)),
                Value::Array(items) => {
                    for item in items {
                        match item {
                            Value::String(s) => cells.push((key.clone(), s)),
                            _ => wrong = Some(key.clone()),
                        }
                    }
                }
                Value::Null => {}
                _ => wrong = Some(key),
            }
        }
        if let Some(key) = wrong {
            let reference = cells
                .iter()
                .find(|(k, v)| k == "reference" && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_owned());
            rows.push(Err(BadRow {
                row,
                reason: format!("'{key}' must be a string or a list of strings"),
                reference,
            }));
            continue;
        }
        rows.push(subject(row, cells));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(row: &Row) -> &Subject {
        row.as_ref().expect("a good row")
    }

    #[test]
    fn csv_with_repeated_and_separated_identities() {
        let rows = read(
            "email,name,email,reference,received\n\
             a@example.com,Ann Lee,ann@example.org,HR-1,2026-01-31\n\
             ,,,HR-2,\n\
             b@example.com;c@example.com,\"Lee, Bo\",,,2026-02-30\n\
             d@example.com,Di,,,\n"
                .as_bytes(),
        )
        .expect("a list");
        assert_eq!(rows.len(), 4);
        let first = ok(&rows[0]);
        assert_eq!(first.row, 2);
        assert_eq!(first.identities.len(), 3);
        assert_eq!(first.reference.as_deref(), Some("HR-1"));
        let no_identity = rows[1].as_ref().expect_err("no identity");
        assert_eq!(no_identity.row, 3);
        let bad_date = rows[2].as_ref().expect_err("bad date");
        assert_eq!(bad_date.row, 4);
        assert!(bad_date.reason.contains("not a date"));
        assert!(
            !bad_date.reason.contains("example.com"),
            "values are not quoted"
        );
        assert_eq!(ok(&rows[3]).row, 5);
    }

    #[test]
    fn csv_header_is_checked() {
        assert!(matches!(
            read("email,shoe size\na@example.com,44\n".as_bytes()),
            Err(SubjectsError::UnknownColumn(c)) if c == "shoe size"
        ));
        assert!(matches!(
            read("reference\nx\n".as_bytes()),
            Err(SubjectsError::NoIdentityColumn)
        ));
    }

    #[test]
    fn csv_from_excel_crlf_semicolons_and_bom() {
        let rows = read("\u{feff}email;reference\r\na@example.com;A\r\n;B\r\n".as_bytes())
            .expect("a list");
        assert_eq!(ok(&rows[0]).row, 2);
        let bad = rows[1].as_ref().expect_err("no identity");
        assert_eq!((bad.row, bad.reference.as_deref()), (3, Some("B")));
        // A header split by ';' and ',' at once cannot be guessed: it says so.
        let mixed = read("email;name,reference\na@example.com;Ann,A\n".as_bytes());
        assert!(
            matches!(&mixed, Err(e) if e.to_string().contains("the file looks separated by ';'")),
            "{mixed:?}"
        );
    }

    #[test]
    fn broken_quoting_is_a_bad_row() {
        let rows = read("email,name\na@example.com,Ann\nb@example.com,\"Bo\nc".as_bytes())
            .expect("a list");
        assert!(rows[0].is_ok());
        let broken = rows[1].as_ref().expect_err("broken quoting");
        assert_eq!(broken.row, 3);
    }

    #[test]
    fn json_lines() {
        let rows = read(
            "{\"email\": \"a@example.com\", \"name\": [\"Ann Lee\", \"Ann Li\"]}\n\
             {\"email\": 5}\n\
             not json\n\
             {\"login\": \"bo\", \"shoe\": \"44\"}\n"
                .as_bytes(),
        )
        .expect("a list");
        assert_eq!(ok(&rows[0]).identities.len(), 3);
        assert_eq!(rows[1].as_ref().expect_err("a number").row, 2);
        assert_eq!(rows[2].as_ref().expect_err("not json").row, 3);
        assert!(
            rows[3]
                .as_ref()
                .expect_err("unknown key")
                .reason
                .contains("unknown column")
        );
    }
}
