//! The journal of a bulk run over a subject list (`--from FILE`): which rows are finished,
//! with what result, so that a run stopped part-way is picked up where it stopped and no
//! subject is processed twice.
//!
//! Each row's case carries the batch's marker (see [`marker`]), written when the case is
//! created; the journal records a row only once its subject is finished. A row with a case
//! but no `done` line was in flight: its own case journal says how far it got.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::appendlog::AppendLog;

#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    #[error("cannot write the batch journal {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the batch journal {path} is damaged at line {line}: {message}")]
    Damaged {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// One line of a batch journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    /// A run over the list began (the first, or a resumed one).
    Begin {
        at: String,
        command: String,
        rows: usize,
    },
    /// A row's subject is finished; `result` is what was printed for it. Holds no
    /// personal value: case id, status, counts, paths and error kinds only.
    Done {
        at: String,
        row: usize,
        result: serde_json::Value,
    },
    /// The run got through every row.
    End { at: String },
}

/// What the journal says about earlier runs over the list.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// A run began.
    pub began: bool,
    /// Finished rows and their results.
    pub done: BTreeMap<usize, serde_json::Value>,
    /// The last run reached its end.
    pub ended: bool,
}

impl State {
    /// A run began and never reached its end.
    pub fn interrupted(&self) -> bool {
        self.began && !self.ended
    }
}

/// A batch: one command over one subject list, identified by both.
#[derive(Debug, Clone)]
pub struct Batch {
    pub id: String,
    dir: PathBuf,
}

/// The id of `command` run over the list `list` (its bytes): the same list given to the
/// same command again is the same batch, whatever its file is called.
pub fn batch_id(command: &str, list: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(command.as_bytes());
    hash.update([0]);
    hash.update(list);
    let digest = hash.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{command}-{}", &hex[..16])
}

/// The marker a case opened for `row` of batch `id` carries.
pub fn marker(id: &str, row: usize) -> String {
    format!("{id}#{row}")
}

impl Batch {
    /// The batch of `command` over `list`, kept under the tenant's folder.
    pub fn new(tenant_dir: &Path, command: &str, list: &[u8]) -> Batch {
        let id = batch_id(command, list);
        Batch {
            dir: tenant_dir.join("batches").join(&id),
            id,
        }
    }

    pub fn journal_path(&self) -> PathBuf {
        self.dir.join("journal.jsonl")
    }

    /// The row a case of this batch was opened for, from its marker.
    pub fn row_of(&self, marker: &str) -> Option<usize> {
        marker
            .strip_prefix(&self.id)?
            .strip_prefix('#')?
            .parse()
            .ok()
    }

    pub fn read(&self) -> Result<State, BatchError> {
        let path = self.journal_path();
        let lines = AppendLog::new(&path)
            .read()
            .map_err(|source| BatchError::Io {
                path: path.clone(),
                source,
            })?;
        let mut state = State::default();
        // A torn last line is a `done` never acknowledged: that row runs again, and its
        // own case journal keeps it from repeating anything.
        for (n, line) in lines.lines.iter().enumerate() {
            let event: Event = serde_json::from_slice(line).map_err(|e| BatchError::Damaged {
                path: path.clone(),
                line: n + 1,
                message: e.to_string(),
            })?;
            match event {
                Event::Begin { .. } => {
                    state.began = true;
                    state.ended = false;
                }
                Event::Done { row, result, .. } => {
                    state.done.insert(row, result);
                }
                Event::End { .. } => state.ended = true,
            }
        }
        Ok(state)
    }

    /// Appends one event, synced to disk before this returns.
    pub fn record(&self, event: &Event) -> Result<(), BatchError> {
        let path = self.journal_path();
        let io = |source| BatchError::Io {
            path: path.clone(),
            source,
        };
        let line = serde_json::to_vec(event).map_err(|e| io(std::io::Error::other(e)))?;
        AppendLog::new(&path)
            .lock()
            .map_err(io)?
            .append(&line)
            .map_err(io)
    }

    /// Forgets earlier runs, for a list run again from the start.
    pub fn reset(&self) -> Result<(), BatchError> {
        let path = self.journal_path();
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(BatchError::Io { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_list_for_the_same_command_is_the_same_batch() {
        assert_eq!(
            batch_id("erase", b"email\na@x\n"),
            batch_id("erase", b"email\na@x\n")
        );
        assert_ne!(
            batch_id("erase", b"email\na@x\n"),
            batch_id("access", b"email\na@x\n")
        );
        assert_ne!(
            batch_id("erase", b"email\na@x\n"),
            batch_id("erase", b"email\nb@x\n")
        );
    }

    #[test]
    fn finished_rows_survive_a_stop_and_a_torn_line() {
        let dir = tempfile::tempdir().expect("ok");
        let batch = Batch::new(dir.path(), "erase", b"list");
        assert!(!batch.read().expect("ok").began);
        let at = "2026-12-02T00:00:00Z".to_owned();
        batch
            .record(&Event::Begin {
                at: at.clone(),
                command: "erase".into(),
                rows: 3,
            })
            .expect("ok");
        batch
            .record(&Event::Done {
                at,
                row: 2,
                result: serde_json::json!({"status": "verified"}),
            })
            .expect("ok");
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(batch.journal_path())
            .expect("ok");
        std::io::Write::write_all(&mut file, b"{\"event\":\"done\",\"ro").expect("ok");
        let state = batch.read().expect("ok");
        assert!(state.interrupted());
        assert_eq!(state.done.keys().copied().collect::<Vec<_>>(), vec![2]);
        assert_eq!(batch.row_of(&marker(&batch.id, 7)), Some(7));
        assert_eq!(batch.row_of("erase-0000000000000000#7"), None);
    }
}
