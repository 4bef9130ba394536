//! The audit log: one entry per command that read or changed personal data — when, who,
//! why, which tenant and case, which command, and counts — never a personal value. It is
//! append-only JSON lines at `<data-dir>/audit.jsonl`, each line canonical JSON holding
//! the SHA-256 of the line before it, so that an entry changed or removed breaks the chain
//! at the line after it.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::matching::country;
use serde::{Deserialize, Serialize};

use crate::appendlog::AppendLog;
use crate::matching::identity::Identity;
use crate::receipt::{canonical, sha256_hex, subject};

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("cannot read or write the audit log {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(
        "the {field} names the data subject (their {what}), and the audit log never holds personal values: {}",
        if *field == "operator" {
            "give your own name or role with --operator or DSR_OPERATOR"
        } else {
            "say why without naming them (e.g. a case number)"
        }
    )]
    NamesSubject {
        field: &'static str,
        /// What of theirs it names ("name", "phone number", …), never the value.
        what: &'static str,
    },
    #[error("the audit entry's {0} is empty")]
    Empty(&'static str),
    #[error("the audit log {path}, line {line}: {problem}; check it with `dsr audit --verify`")]
    Corrupt {
        path: PathBuf,
        line: usize,
        problem: String,
    },
}

/// What a command reports about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub operator: String,
    pub purpose: String,
    pub tenant: Option<String>,
    pub case: Option<String>,
    /// The subcommand (`locate`, `sync`, `erase`, …).
    pub command: String,
    /// How many of what (`identities`, `assets`, …).
    pub counts: BTreeMap<String, u64>,
    /// The receipt the command issued (hex SHA-256 of its file), when it issued one.
    pub receipt_sha256: Option<String>,
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// 1 for the first entry, then one more each time.
    pub sequence: u64,
    /// RFC 3339 UTC.
    pub time: String,
    pub operator: String,
    pub purpose: String,
    pub tenant: Option<String>,
    pub case: Option<String>,
    pub command: String,
    pub counts: BTreeMap<String, u64>,
    /// The receipt the command issued (hex SHA-256 of its file): the audit log and the
    /// tenant's ledger anchor each other, so that cutting either shows in the other.
    /// Absent in entries of commands that issue none, and of dsr before 0.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_sha256: Option<String>,
    /// Hex SHA-256 of the previous line's bytes; `null` for the first.
    pub previous_sha256: Option<String>,
}

impl AuditEntry {
    /// Hex SHA-256 of the entry's line: what the next entry chains to, and what
    /// `--expect-head` names.
    pub fn sha256(&self) -> String {
        // The line is the entry's canonical form, which cannot fail for this type.
        canonical::to_vec(self)
            .map(|line| sha256_hex(&line))
            .unwrap_or_default()
    }
}

/// A break in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditProblem {
    pub line: usize,
    pub problem: String,
}

/// What checking the whole log found.
#[derive(Debug, Clone, Serialize)]
pub struct AuditCheck {
    pub path: PathBuf,
    pub entries: usize,
    pub problems: Vec<AuditProblem>,
}

/// The audit log of one data directory.
#[derive(Debug, Clone)]
pub struct AuditLog {
    log: AppendLog,
}

impl AuditLog {
    pub fn new(data_dir: &Path) -> AuditLog {
        AuditLog {
            log: AppendLog::new(data_dir.join("audit.jsonl")),
        }
    }

    pub fn path(&self) -> &Path {
        self.log.path()
    }

    fn io(&self) -> impl FnOnce(io::Error) -> AuditError + '_ {
        move |source| AuditError::Io {
            path: self.path().to_owned(),
            source,
        }
    }

    /// Appends an entry for `record`, chained to the last one. `subject` is whom the
    /// command concerned (if anyone): an operator or purpose that names them is refused,
    /// so that no personal value enters the log.
    pub fn append(
        &self,
        record: AuditRecord,
        subject: &[Identity],
        region: Option<country::Id>,
    ) -> Result<AuditEntry, AuditError> {
        for (field, value) in [
            ("operator", &record.operator),
            ("purpose", &record.purpose),
            ("command", &record.command),
        ] {
            if value.trim().is_empty() {
                return Err(AuditError::Empty(field));
            }
        }
        check_names(&record.operator, Some(&record.purpose), subject, region)?;
        // A case id is dsr's own: only a value written into it whole is looked for.
        let forbidden = subject::forbidden_forms(subject, region);
        if record
            .case
            .as_ref()
            .is_some_and(|v| subject::holds_any(v, &forbidden))
        {
            return Err(AuditError::NamesSubject {
                field: "case",
                what: "value",
            });
        }
        let mut log = self.log.lock().map_err(self.io())?;
        let (sequence, previous) = match log.last() {
            None => (1, None),
            Some(line) => {
                let last: AuditEntry =
                    serde_json::from_slice(line).map_err(|e| AuditError::Corrupt {
                        path: self.path().to_owned(),
                        line: 0,
                        problem: format!("the last entry cannot be read ({e})"),
                    })?;
                (last.sequence + 1, Some(sha256_hex(line)))
            }
        };
        let entry = AuditEntry {
            sequence,
            time: crate::time::now(),
            operator: record.operator,
            purpose: record.purpose,
            tenant: record.tenant,
            case: record.case,
            command: record.command,
            counts: record.counts,
            receipt_sha256: record.receipt_sha256,
            previous_sha256: previous,
        };
        let line = canonical::to_vec(&entry).map_err(|e| self.io()(io::Error::other(e)))?;
        log.append(&line).map_err(self.io())?;
        Ok(entry)
    }

    /// Hex SHA-256 of the newest line, `None` for an empty log: the head a receipt records
    /// as its anchor in the log.
    pub fn head(&self) -> Result<Option<String>, AuditError> {
        let log = self.log.lock().map_err(self.io())?;
        Ok(log.last().map(sha256_hex))
    }

    /// Every line's SHA-256 and its entry (`None` where the line is not one), in order;
    /// [`AuditLog::verify`] checks the chain.
    pub fn lines(&self) -> Result<Vec<(String, Option<AuditEntry>)>, AuditError> {
        let lines = self.log.read().map_err(self.io())?;
        Ok(lines
            .lines
            .iter()
            .map(|line| (sha256_hex(line), serde_json::from_slice(line).ok()))
            .collect())
    }

    /// Every entry, oldest first. A line that cannot be read is an error naming it (the
    /// chain is checked by [`AuditLog::verify`]).
    pub fn entries(&self) -> Result<Vec<AuditEntry>, AuditError> {
        let lines = self.log.read().map_err(self.io())?;
        lines
            .lines
            .iter()
            .enumerate()
            .map(|(n, line)| {
                serde_json::from_slice(line).map_err(|e| AuditError::Corrupt {
                    path: self.path().to_owned(),
                    line: n + 1,
                    problem: format!("not an audit entry ({e})"),
                })
            })
            .collect()
    }

    /// Checks the whole chain: every line an entry in canonical form, numbered 1, 2, 3, …,
    /// each holding the hash of the line before. An entry edited or removed breaks the
    /// chain at the line after it; the newest entry removed cannot be told from one never
    /// written.
    pub fn verify(&self) -> Result<AuditCheck, AuditError> {
        let lines = self.log.read().map_err(self.io())?;
        let mut problems = Vec::new();
        let mut previous: Option<&[u8]> = None;
        // Numbers are checked against the line before, so one removal is one problem
        // rather than one for every line after it.
        let mut expected_sequence = Some(1);
        for (n, line) in lines.lines.iter().enumerate() {
            let number = n + 1;
            let mut problem = |text: String| {
                problems.push(AuditProblem {
                    line: number,
                    problem: text,
                })
            };
            match canonical::parse(line)
                .map_err(|e| e.to_string())
                .and_then(|v| serde_json::from_value::<AuditEntry>(v).map_err(|e| e.to_string()))
            {
                Err(e) => {
                    problem(format!("not an audit entry as dsr writes it: {e}"));
                    expected_sequence = None;
                }
                Ok(entry) => {
                    if let Some(expected) = expected_sequence.filter(|&e| e != entry.sequence) {
                        problem(format!(
                            "holds entry #{} where #{expected} belongs: an entry was removed or the log reordered",
                            entry.sequence
                        ));
                    }
                    expected_sequence = Some(entry.sequence + 1);
                    let expected = previous.map(sha256_hex);
                    if entry.previous_sha256 != expected {
                        problem(if number == 1 {
                            "the first entry names a previous one: entries before it were removed"
                                .to_owned()
                        } else {
                            format!(
                                "does not follow line {}: that entry was changed, or one was removed or inserted",
                                number - 1
                            )
                        });
                    }
                }
            }
            previous = Some(line);
        }
        if lines.torn {
            problems.push(AuditProblem {
                line: lines.lines.len() + 1,
                problem: "cut short (a write interrupted)".to_owned(),
            });
        }
        Ok(AuditCheck {
            path: self.path().to_owned(),
            entries: lines.lines.len(),
            problems,
        })
    }
}

/// Refuses an operator or purpose that names `subject` in any form locate would find them
/// by, and more (see [`crate::mentions`]). Commands call it before they read or change
/// anything, so that a refusal comes before the work rather than after it.
pub fn check_names(
    operator: &str,
    purpose: Option<&str>,
    subject: &[Identity],
    region: Option<country::Id>,
) -> Result<(), AuditError> {
    for (field, value) in [("purpose", purpose), ("operator", Some(operator))] {
        if let Some(kind) = value.and_then(|v| crate::mentions::names_subject(v, subject, region)) {
            return Err(AuditError::NamesSubject {
                field,
                what: crate::mentions::noun(kind),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::matching::identity::IdentityKind;

    fn record(purpose: &str) -> AuditRecord {
        AuditRecord {
            operator: "dpo".into(),
            purpose: purpose.into(),
            tenant: Some("acme".into()),
            case: None,
            command: "locate".into(),
            counts: [("assets".to_owned(), 3)].into_iter().collect(),
            receipt_sha256: None,
        }
    }

    fn lines(log: &AuditLog) -> Vec<String> {
        std::fs::read_to_string(log.path())
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    fn write(log: &AuditLog, lines: &[String]) {
        std::fs::write(log.path(), lines.join("\n") + "\n").unwrap();
    }

    #[test]
    fn entries_chain_and_verify() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        assert!(log.verify().unwrap().problems.is_empty());
        for n in 0..3 {
            let e = log.append(record(&format!("case {n}")), &[], None).unwrap();
            assert_eq!(e.sequence, n + 1);
        }
        let entries = log.entries().unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].previous_sha256, None);
        assert_eq!(
            entries[1].previous_sha256.as_deref(),
            Some(sha256_hex(lines(&log)[0].as_bytes()).as_str())
        );
        let check = log.verify().unwrap();
        assert_eq!(check.entries, 3);
        assert!(check.problems.is_empty(), "{:?}", check.problems);
    }

    #[test]
    fn an_edited_or_removed_entry_breaks_the_chain_at_the_next_line() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        for n in 0..4 {
            log.append(record(&format!("case {n}")), &[], None).unwrap();
        }
        let original = lines(&log);

        let mut edited = original.clone();
        edited[1] = edited[1].replace("\"assets\":3", "\"assets\":0");
        assert_ne!(edited, original);
        write(&log, &edited);
        let problems = log.verify().unwrap().problems;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].problem.contains("does not follow line 2"));

        let mut removed = original.clone();
        removed.remove(1);
        write(&log, &removed);
        let problems = log.verify().unwrap().problems;
        assert!(problems.iter().all(|p| p.line == 2), "{problems:?}");
        assert!(!problems.is_empty());

        let mut garbage = original.clone();
        garbage[0] = "{not json".into();
        write(&log, &garbage);
        let problems = log.verify().unwrap().problems;
        assert_eq!(problems[0].line, 1);
    }

    #[test]
    fn a_purpose_naming_the_subject_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::new(dir.path());
        let jane = [Identity::new(IdentityKind::Email, "jane.doe@example.com")];
        let err = log
            .append(record("request from Jane.Doe@example.com"), &jane, None)
            .unwrap_err();
        assert!(matches!(
            err,
            AuditError::NamesSubject {
                field: "purpose",
                ..
            }
        ));
        log.append(record("case 2026-014"), &jane, None).unwrap();
        let text = std::fs::read_to_string(log.path()).unwrap();
        assert!(!text.contains("jane"), "{text}");
    }
}
