//! The write-ahead journal of a run that changes a tenant: before each platform call the
//! intent is appended and synced to disk, after it the outcome. A killed run leaves a
//! journal that says exactly which steps finished, which were in flight, and which never
//! started, so a resumed run never repeats a finished step.
//!
//! A step whose asset changed after it was planned is planned again from the asset as it
//! then is. The journal records only that it was (the new step's action and hash); the
//! step itself, which holds the values it writes, is kept beside the journal in a file of
//! its own ([`replanned_path`]), written before the journal line that names it, so that a
//! resumed run carries out and reads back the step as it was re-planned.
//!
//! The files a step deleted behind its asset (a database row's file in an object store)
//! are journaled too, as the step's call returns: a resumed run that finds the row gone
//! finds the file's key gone with it, and only the journal can still say what became of
//! the file.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Step;
use crate::platform::FileStep;
use crate::threads::lock;

/// What a journal line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Event {
    /// The run began with this plan (its SHA-256 is in `detail`).
    Begin,
    /// A platform call is about to be made.
    Intent,
    /// The platform accepted the call and gave a handle to follow it by (a background
    /// task's link, in `detail`): a resumed run follows it rather than asking again.
    Accepted,
    /// The call succeeded.
    Done,
    /// The call failed; the step may be tried again.
    Failed,
    /// The asset changed after the step was planned, so the step was planned again from
    /// the asset as it now is (`detail`: the new step's action and SHA-256). What follows
    /// for this step is about the new step.
    Replanned,
    /// The step's call deleted, or tried to delete, a file behind its asset (`detail`: the
    /// [`FileStep`] as JSON: the store, the SHA-256 of the key, the outcome, the versions
    /// removed; never the key).
    File,
    /// The run got through every step (some may have failed). A journal whose last
    /// `begin` has no `end` after it belongs to a run that was killed.
    End,
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub at: String,
    pub event: Event,
    /// The step's position in the plan (absent for `begin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// The plan hash for `begin`, the handle for `accepted`, the error kind for `failed`,
    /// the new step's action and hash for `replanned`, the file step for `file`. Never a
    /// personal value.
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

/// What a journal says about the runs it recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalState {
    /// The SHA-256 of the plan the last run began with.
    pub plan: Option<String>,
    /// Each step's state; steps never mentioned have not started.
    pub steps: BTreeMap<usize, StepState>,
    /// The platform's handle on a step's call, for steps not done.
    pub handles: BTreeMap<usize, String>,
    /// Steps planned again because their asset had changed, as last re-planned: these
    /// replace the plan's own steps in what is carried out and read back.
    pub replanned: BTreeMap<usize, Step>,
    /// The files behind each step's asset as the step's last call that named any left
    /// them (a call begun again starts its list anew).
    pub files: BTreeMap<usize, Vec<FileStep>>,
    /// The last run reached its end (it was not killed on the way).
    pub ended: bool,
}

impl JournalState {
    /// A run began and never reached its end: it was killed or crashed.
    pub fn interrupted(&self) -> bool {
        self.plan.is_some() && !self.ended
    }

    /// How many steps are done.
    pub fn done(&self) -> usize {
        self.steps
            .values()
            .filter(|s| **s == StepState::Done)
            .count()
    }

    pub fn is_done(&self, step: usize) -> bool {
        self.steps.get(&step) == Some(&StepState::Done)
    }
}

/// An open journal, appended to by several threads.
pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
    /// The re-planned steps so far (the earlier runs' too), as kept in their own file.
    replanned: Mutex<BTreeMap<usize, Step>>,
    /// While a run's changes wait for one commit ([`Journal::hold`]): their outcomes, kept
    /// back in order until the commit says what they are.
    held: Mutex<Option<Vec<Entry>>>,
    /// Whether this run journaled a file step ([`Journal::file`]).
    named_files: std::sync::atomic::AtomicBool,
}

/// The file beside a journal that holds its re-planned steps.
pub fn replanned_path(journal: &Path) -> PathBuf {
    let mut name = journal.file_stem().unwrap_or_default().to_owned();
    name.push(".replanned.json");
    journal.with_file_name(name)
}

/// Removes a journal and the re-planned steps beside it: a fresh run of a new plan starts
/// from nothing. Either file missing is not an error.
pub fn remove(journal: &Path) -> Result<(), JournalError> {
    for path in [journal.to_owned(), replanned_path(journal)] {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(JournalError::Io { path, source }),
        }
    }
    Ok(())
}

/// What a `replanned` line says about its step: the action and the SHA-256 of its JSON, so
/// that the step kept beside the journal can be told to be the one the line names.
fn fingerprint(step: &Step) -> String {
    let bytes = serde_json::to_vec(step).unwrap_or_default();
    format!(
        "{} {}",
        step.action.as_str(),
        super::hex(&Sha256::digest(&bytes))
    )
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
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .map_err(io_err)?;
        drop_torn_line(&mut file).map_err(io_err)?;
        let replanned = read_replanned(path)?;
        Ok(Journal {
            path: path.to_owned(),
            file: Mutex::new(file),
            replanned: Mutex::new(replanned),
            held: Mutex::new(None),
            named_files: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// From now on, until [`Journal::release`], the outcome of each step (`done`, `failed`)
    /// is kept back, and every other line is written without waiting for the disk. For a
    /// platform whose changes of a run are kept only once they are committed together: a
    /// step is not done until then, and a journal that said so would make a resumed run
    /// skip a change the database rolled back. The intents need be on disk only before
    /// the commit ([`Journal::sync`]), since nothing is kept before it.
    pub fn hold(&self) {
        *lock(&self.held) = Some(Vec::new());
    }

    /// Waits until every line written so far is on disk.
    pub fn sync(&self) -> Result<(), JournalError> {
        lock(&self.file)
            .sync_data()
            .map_err(|source| JournalError::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// Writes the outcomes kept back since [`Journal::hold`], each as `settle` says it
    /// ended once the commit was made or refused, and waits once for the disk.
    pub fn release(&self, settle: impl Fn(Entry) -> Entry) -> Result<(), JournalError> {
        let held = lock(&self.held).take().unwrap_or_default();
        let mut bytes = Vec::new();
        for entry in held {
            self.encode(&settle(entry), &mut bytes)?;
        }
        let mut file = lock(&self.file);
        file.write_all(&bytes)
            .and_then(|()| file.sync_data())
            .map_err(|source| JournalError::Io {
                path: self.path.clone(),
                source,
            })
    }

    fn encode(&self, entry: &Entry, to: &mut Vec<u8>) -> Result<(), JournalError> {
        serde_json::to_writer(&mut *to, entry).map_err(|e| JournalError::Io {
            path: self.path.clone(),
            source: io::Error::other(e),
        })?;
        to.push(b'\n');
        Ok(())
    }

    /// Records that step `index` was planned again as `step`: the step is written (atomically,
    /// owner-only) to the file beside the journal first, then the journal line naming its
    /// hash. A run killed between the two leaves a step no line names, which a resumed run
    /// ignores: it finds the asset changed again and plans it anew.
    pub fn replanned(&self, index: usize, step: &Step) -> Result<(), JournalError> {
        {
            let mut replanned = lock(&self.replanned);
            replanned.insert(index, step.clone());
            let path = replanned_path(&self.path);
            let bytes = serde_json::to_vec_pretty(&*replanned).map_err(|e| JournalError::Io {
                path: path.clone(),
                source: io::Error::other(e),
            })?;
            crate::fsutil::write_atomic(&path, &bytes)
                .map_err(|source| JournalError::Io { path, source })?;
        }
        self.record(Event::Replanned, Some(index), Some(fingerprint(step)))
    }

    /// Records what became of a file behind step `index`'s asset (see [`Event::File`]).
    pub fn file(&self, index: usize, file: &FileStep) -> Result<(), JournalError> {
        let detail = serde_json::to_string(file).map_err(|e| JournalError::Io {
            path: self.path.clone(),
            source: io::Error::other(e),
        })?;
        self.named_files
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.record(Event::File, Some(index), Some(detail))
    }

    /// Whether this run journaled a file step.
    pub fn named_files(&self) -> bool {
        self.named_files.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Appends one entry and waits until it is on disk (while held, see [`Journal::hold`]).
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
        let held = {
            let mut held = lock(&self.held);
            match held.as_mut() {
                Some(kept) if matches!(event, Event::Done | Event::Failed) => {
                    kept.push(entry);
                    return Ok(());
                }
                Some(_) => true,
                None => false,
            }
        };
        let mut line = Vec::new();
        self.encode(&entry, &mut line)?;
        let mut file = lock(&self.file);
        file.write_all(&line)
            .and_then(|()| if held { Ok(()) } else { file.sync_data() })
            .map_err(|source| JournalError::Io {
                path: self.path.clone(),
                source,
            })
    }

    /// Reads a journal. A torn last line (the process died while writing it) is ignored;
    /// damage anywhere else is an error. No journal reads as no run at all.
    pub fn read(path: &Path) -> Result<JournalState, JournalError> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(JournalState::default()),
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
        let mut journal = JournalState::default();
        // Step → the fingerprint its last `replanned` line names.
        let mut replanned: BTreeMap<usize, String> = BTreeMap::new();
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
                    journal.plan = entry.detail;
                    journal.ended = false;
                    continue;
                }
                Event::End => {
                    journal.ended = true;
                    continue;
                }
                Event::Intent => {
                    // A call begun again says anew what became of the files.
                    if let Some(step) = entry.step {
                        journal.files.remove(&step);
                    }
                    StepState::InFlight
                }
                Event::File => {
                    if let (Some(step), Some(detail)) = (entry.step, entry.detail) {
                        let file: FileStep =
                            serde_json::from_str(&detail).map_err(|e| JournalError::Damaged {
                                path: path.to_owned(),
                                line: i + 1,
                                message: format!("a file step that cannot be read: {e}"),
                            })?;
                        journal.files.entry(step).or_default().push(file);
                    }
                    continue;
                }
                Event::Accepted => {
                    if let (Some(step), Some(handle)) = (entry.step, entry.detail) {
                        journal.handles.insert(step, handle);
                    }
                    StepState::InFlight
                }
                Event::Done => StepState::Done,
                Event::Failed => StepState::Failed,
                Event::Replanned => {
                    if let (Some(step), Some(print)) = (entry.step, entry.detail)
                        && !journal.is_done(step)
                    {
                        replanned.insert(step, print);
                    }
                    continue;
                }
            };
            if let Some(step) = entry.step {
                // Done is final: a later line cannot undo a finished step.
                if !journal.is_done(step) {
                    journal.steps.insert(step, state);
                }
            }
        }
        if !replanned.is_empty() {
            let mut kept = read_replanned(path)?;
            kept.retain(|i, step| replanned.get(i) == Some(&fingerprint(step)));
            journal.replanned = kept;
        }
        Ok(journal)
    }
}

/// The re-planned steps kept beside a journal; none when there is no such file.
fn read_replanned(journal: &Path) -> Result<BTreeMap<usize, Step>, JournalError> {
    let path = replanned_path(journal);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(source) => return Err(JournalError::Io { path, source }),
    };
    serde_json::from_slice(&bytes).map_err(|e| JournalError::Damaged {
        path,
        line: e.line(),
        message: e.to_string(),
    })
}

/// Cuts off a last line the process died while writing: what is appended next must start
/// on a line of its own, or the journal would read as damaged in the middle.
fn drop_torn_line(file: &mut File) -> io::Result<()> {
    let mut bytes = Vec::new();
    file.seek(io::SeekFrom::Start(0))?;
    file.read_to_end(&mut bytes)?;
    if bytes.last().is_some_and(|b| *b != b'\n') {
        let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        file.set_len(keep as u64)?;
        file.sync_data()?;
    }
    Ok(())
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
            .record(Event::Accepted, Some(2), Some("/tasks/7".into()))
            .expect("write");
        journal
            .record(Event::Failed, Some(2), Some("network".into()))
            .expect("write");
        drop(journal);
        let mut file = OpenOptions::new().append(true).open(&path).expect("append");
        file.write_all(b"{\"at\":\"2026-").expect("a torn line");
        let read = Journal::read(&path).expect("read");
        assert_eq!(read.plan.as_deref(), Some("abc"));
        assert!(read.interrupted(), "no end was written");
        assert_eq!(read.steps[&0], StepState::Done);
        assert_eq!(read.steps[&1], StepState::InFlight);
        assert_eq!(read.steps[&2], StepState::Failed);
        assert_eq!(read.handles[&2], "/tasks/7");
        assert!(!read.steps.contains_key(&3));
        assert_eq!(read.done(), 1);

        let journal = Journal::open(&path).expect("open again");
        journal
            .record(Event::Begin, None, Some("abc".into()))
            .expect("write");
        journal
            .record(Event::Failed, Some(0), Some("network".into()))
            .expect("write");
        journal.record(Event::End, None, None).expect("write");
        let read = Journal::read(&path).expect("read");
        assert!(!read.interrupted());
        assert_eq!(read.steps[&0], StepState::Done, "done stays done");
    }

    #[test]
    fn the_files_of_a_step_are_those_its_last_call_named() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("journal.jsonl");
        let file = |outcome| FileStep {
            store: "s3://studio/files".to_owned(),
            key_sha256: "ab".repeat(32),
            outcome,
            versions_removed: 1,
        };
        let journal = Journal::open(&path).expect("open");
        journal
            .record(Event::Begin, None, Some("abc".into()))
            .expect("write");
        journal.record(Event::Intent, Some(0), None).expect("write");
        journal
            .file(0, &file(crate::platform::FileOutcome::Failed))
            .expect("write");
        journal
            .record(Event::Failed, Some(0), Some("rejected".into()))
            .expect("write");
        journal.record(Event::Intent, Some(1), None).expect("write");
        journal
            .file(1, &file(crate::platform::FileOutcome::Deleted))
            .expect("write");
        assert!(journal.named_files());
        drop(journal);
        let read = Journal::read(&path).expect("read");
        assert_eq!(read.files[&0], [file(crate::platform::FileOutcome::Failed)]);
        assert_eq!(
            read.files[&1],
            [file(crate::platform::FileOutcome::Deleted)]
        );
        // Resumed: step 0 is called again and names its file anew; step 1, found done,
        // is not called, and keeps what its call named.
        let journal = Journal::open(&path).expect("open again");
        assert!(!journal.named_files());
        journal
            .record(Event::Begin, None, Some("abc".into()))
            .expect("write");
        journal.record(Event::Intent, Some(0), None).expect("write");
        journal
            .file(0, &file(crate::platform::FileOutcome::Deleted))
            .expect("write");
        journal.record(Event::Done, Some(0), None).expect("write");
        journal
            .record(Event::Done, Some(1), Some("already gone".into()))
            .expect("write");
        let read = Journal::read(&path).expect("read");
        assert_eq!(
            read.files[&0],
            [file(crate::platform::FileOutcome::Deleted)]
        );
        assert_eq!(
            read.files[&1],
            [file(crate::platform::FileOutcome::Deleted)]
        );
    }

    #[test]
    fn a_replanned_step_counts_only_when_its_line_names_it() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("erase-journal.jsonl");
        let step = |reason: &str| Step::untouched("A/x.png", super::super::Action::Clean, reason);
        let journal = Journal::open(&path).expect("open");
        journal
            .record(Event::Begin, None, Some("abc".into()))
            .expect("write");
        journal.replanned(1, &step("first")).expect("write");
        journal.replanned(2, &step("second")).expect("write");
        drop(journal);
        assert_eq!(
            replanned_path(&path),
            dir.path().join("erase-journal.replanned.json")
        );
        let read = Journal::read(&path).expect("read");
        assert_eq!(read.replanned[&1].reason, "first");
        assert_eq!(read.replanned[&2].reason, "second");
        // Killed after the step file was written and before its line: not re-planned.
        let mut kept = read_replanned(&path).expect("the steps");
        kept.insert(2, step("never journaled"));
        std::fs::write(
            replanned_path(&path),
            serde_json::to_vec(&kept).expect("JSON"),
        )
        .expect("written");
        let read = Journal::read(&path).expect("read");
        assert_eq!(read.replanned[&1].reason, "first");
        assert!(!read.replanned.contains_key(&2));
        remove(&path).expect("removed");
        assert!(!path.exists() && !replanned_path(&path).exists());
        remove(&path).expect("nothing to remove is fine");
    }
}
