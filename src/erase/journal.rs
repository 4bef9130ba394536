//! The write-ahead journal of a run that changes a tenant: before each platform call the
//! intent is appended and synced to disk, after it the outcome. A killed run leaves a
//! journal that says exactly which steps finished, which were in flight, and which never
//! started, so a resumed run never repeats a finished step.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// What a journal line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Event {
    /// The run began with this plan (its SHA-256 is in `detail`).
    Begin,
    /// A platform call is about to be made.
    Intent,
    /// The call succeeded.
    Done,
    /// The call failed; the step may be tried again.
    Failed,
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at: String,
    pub event: Event,
    /// The step's position in the plan (absent for `begin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// The plan hash for `begin`; the error kind for `failed`. Never a personal value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Where each step stands according to the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    NotStarted,
    /// The intent was written but no outcome: the call may or may not have happened.
    InFlight,
    Done,
    Failed,
}

/// An open journal, appended to by several threads.
pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot write the journal {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("the journal {path} is damaged at line {line}: {message}")]
    Damaged {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl Journal {
    /// Opens (creating, owner-only) the journal for appending.
    pub fn open(path: &Path) -> Result<Journal, JournalError> {
        let io_err = |source| JournalError::Io {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent() {
            crate::fsutil::private_dir(dir).map_err(io_err)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .map_err(io_err)?;
        Ok(Journal {
            path: path.to_owned(),
            file: Mutex::new(file),
        })
    }

    /// Appends one entry and waits until it is on disk.
    pub fn record(
        &self,
        event: Event,
        step: Option<usize>,
        detail: Option<String>,
    ) -> Result<(), JournalError> {
        let entry = Entry {
            at: crate::time::now(),
            event,
            step,
            detail,
        };
        let mut line = serde_json::to_vec(&entry).map_err(|e| JournalError::Io {
            path: self.path.clone(),
            source: io::Error::other(e),
        })?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        file.write_all(&line)
            .and_then(|()| file.sync_data())
            .map_err(|source| JournalError::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// Reads a journal: the plan hash it began with (the last `begin`) and each step's
    /// state. A torn last line (the process died while writing it) is ignored; damage
    /// anywhere else is an error.
    pub fn read(path: &Path) -> Result<(Option<String>, BTreeMap<usize, StepState>), JournalError> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((None, BTreeMap::new())),
            Err(source) => {
                return Err(JournalError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let lines: Vec<String> = io::BufReader::new(file)
            .lines()
            .collect::<Result<_, _>>()
            .map_err(|source| JournalError::Io {
                path: path.to_owned(),
                source,
            })?;
        let mut plan = None;
        let mut states = BTreeMap::new();
        for (i, line) in lines.iter().enumerate() {
            let entry: Entry = match serde_json::from_str(line) {
                Ok(entry) => entry,
                Err(_) if i + 1 == lines.len() => break,
                Err(e) => {
                    return Err(JournalError::Damaged {
                        path: path.to_owned(),
                        line: i + 1,
                        message: e.to_string(),
                    });
                }
            };
            let state = match entry.event {
                Event::Begin => {
                    plan = entry.detail;
                    continue;
                }
                Event::Intent => StepState::InFlight,
                Event::Done => StepState::Done,
                Event::Failed => StepState::Failed,
            };
            if let Some(step) = entry.step {
                // Done is final: a later line cannot undo a finished step.
                if states.get(&step) != Some(&StepState::Done) {
                    states.insert(step, state);
                }
            }
        }
        Ok((plan, states))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_and_a_torn_line_is_ignored() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("journal.jsonl");
        let journal = Journal::open(&path).expect("open");
        journal
            .record(Event::Begin, None, Some("abc".into()))
            .expect("write");
        journal.record(Event::Intent, Some(0), None).expect("write");
        journal.record(Event::Done, Some(0), None).expect("write");
        journal.record(Event::Intent, Some(1), None).expect("write");
        journal.record(Event::Intent, Some(2), None).expect("write");
        journal
            .record(Event::Failed, Some(2), Some("network".into()))
            .expect("write");
        drop(journal);
        let mut file = OpenOptions::new().append(true).open(&path).expect("append");
        file.write_all(b"{\"at\":\"2026-").expect("a torn line");
        let (plan, states) = Journal::read(&path).expect("read");
        assert_eq!(plan.as_deref(), Some("abc"));
        assert_eq!(states[&0], StepState::Done);
        assert_eq!(states[&1], StepState::InFlight);
        assert_eq!(states[&2], StepState::Failed);
        assert!(!states.contains_key(&3));
    }
}
