//! Background work: delete tasks that advance one stage per poll (pending, inProgress, done),
//! or finish on their own after a set time when the double is told to, and rendition jobs that are "being prepared" on the first poll, hand out the original on
//! the next and are gone after that or after [`RENDITION_TTL`].

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::timefmt;

/// How long a rendition link lives, fetched or not.
pub const RENDITION_TTL: Duration = Duration::from_secs(300);

/// A delete request and how far it has come.
#[derive(Debug, Clone)]
pub struct DeleteTask {
    pub id: String,
    pub hrefs: Vec<String>,
    pub polls: u32,
    pub created: String,
    pub modified: String,
    /// When the task was created, for tasks that finish on their own.
    pub started: Instant,
    /// Per asset href whether it was deleted; set when the task reaches `done`.
    pub result: Option<Vec<(String, bool)>>,
}

/// The status names of FotoWeb's task-status representation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Pending,
    InProgress,
    Done,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Pending => "pending",
            Stage::InProgress => "inProgress",
            Stage::Done => "done",
        }
    }
}

impl DeleteTask {
    /// The stage shown at the task's current number of polls: the first poll sees pending,
    /// the second inProgress, every later one done. A task that finished on its own is done.
    pub fn stage(&self) -> Stage {
        if self.result.is_some() {
            return Stage::Done;
        }
        match self.polls {
            0 | 1 => Stage::Pending,
            2 => Stage::InProgress,
            _ => Stage::Done,
        }
    }
}

#[derive(Debug, Clone)]
struct Rendition {
    file: PathBuf,
    filename: String,
    created: Instant,
    polls: u32,
    fetched: bool,
}

/// What a poll of a rendition link gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenditionPoll {
    /// 202: still being prepared.
    Preparing,
    /// 200: the original; the link is spent once the caller calls [`Tasks::spend`].
    Ready { file: PathBuf, filename: String },
    /// 410: fetched already, or too old.
    Gone,
}

#[derive(Debug)]
pub struct Tasks {
    rng: fastrand::Rng,
    deletes: HashMap<String, DeleteTask>,
    renditions: HashMap<String, Rendition>,
}

impl Tasks {
    pub fn new(seed: u64) -> Tasks {
        Tasks {
            rng: fastrand::Rng::with_seed(seed ^ 0x0074_6173_6b73),
            deletes: HashMap::new(),
            renditions: HashMap::new(),
        }
    }

    /// A random id shaped like a version-4 UUID.
    fn new_id(&mut self) -> String {
        let a = self.rng.u64(..);
        let b = self.rng.u64(..);
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }

    pub fn add_delete(&mut self, hrefs: Vec<String>) -> String {
        let id = self.new_id();
        let now = timefmt::format_micros(timefmt::now_micros());
        self.deletes.insert(
            id.clone(),
            DeleteTask {
                id: id.clone(),
                hrefs,
                polls: 0,
                created: now.clone(),
                modified: now,
                started: Instant::now(),
                result: None,
            },
        );
        id
    }

    /// Counts one poll of a delete task and returns it; `None` for an unknown id.
    pub fn poll_delete(&mut self, id: &str) -> Option<&mut DeleteTask> {
        let task = self.deletes.get_mut(id)?;
        let before = task.stage();
        task.polls = task.polls.saturating_add(1);
        if task.stage() != before {
            task.modified = timefmt::format_micros(timefmt::now_micros());
        }
        Some(task)
    }

    /// The delete tasks not yet done that were created at least `after` before `now`.
    pub fn overdue_deletes(
        &mut self,
        now: Instant,
        after: Duration,
    ) -> impl Iterator<Item = &mut DeleteTask> {
        self.deletes
            .values_mut()
            .filter(move |t| t.result.is_none() && now.duration_since(t.started) >= after)
    }

    /// The assets of every delete task created so far, in the order they were created.
    pub fn delete_requests(&self) -> Vec<Vec<String>> {
        let mut tasks: Vec<&DeleteTask> = self.deletes.values().collect();
        tasks.sort_by_key(|t| t.started);
        tasks.into_iter().map(|t| t.hrefs.clone()).collect()
    }

    pub fn add_rendition(&mut self, file: PathBuf, filename: String) -> String {
        let id = self.new_id();
        self.renditions.insert(
            id.clone(),
            Rendition {
                file,
                filename,
                created: Instant::now(),
                polls: 0,
                fetched: false,
            },
        );
        id
    }

    /// Counts one poll of a rendition link; `None` for an unknown id.
    pub fn poll_rendition(&mut self, id: &str, now: Instant) -> Option<RenditionPoll> {
        let job = self.renditions.get_mut(id)?;
        if job.fetched || now.duration_since(job.created) >= RENDITION_TTL {
            return Some(RenditionPoll::Gone);
        }
        job.polls = job.polls.saturating_add(1);
        if job.polls == 1 {
            return Some(RenditionPoll::Preparing);
        }
        Some(RenditionPoll::Ready {
            file: job.file.clone(),
            filename: job.filename.clone(),
        })
    }

    /// Marks a rendition as handed out, after which its link answers 410.
    pub fn spend(&mut self, id: &str) {
        if let Some(job) = self.renditions.get_mut(id) {
            job.fetched = true;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn delete_moves_one_stage_per_poll() {
        let mut tasks = Tasks::new(1);
        let id = tasks.add_delete(vec![]);
        let stages: Vec<_> = (0..4)
            .map(|_| tasks.poll_delete(&id).unwrap().stage())
            .collect();
        assert_eq!(
            stages,
            [Stage::Pending, Stage::InProgress, Stage::Done, Stage::Done]
        );
        assert!(tasks.poll_delete("nope").is_none());
    }

    #[test]
    fn rendition_prepares_then_serves_once() {
        let mut tasks = Tasks::new(1);
        let id = tasks.add_rendition("f".into(), "f".into());
        let now = Instant::now();
        assert_eq!(
            tasks.poll_rendition(&id, now),
            Some(RenditionPoll::Preparing)
        );
        assert!(matches!(
            tasks.poll_rendition(&id, now),
            Some(RenditionPoll::Ready { .. })
        ));
        tasks.spend(&id);
        assert_eq!(tasks.poll_rendition(&id, now), Some(RenditionPoll::Gone));
        let late = tasks.add_rendition("g".into(), "g".into());
        assert_eq!(
            tasks.poll_rendition(&late, Instant::now() + RENDITION_TTL),
            Some(RenditionPoll::Gone)
        );
    }

    #[test]
    fn ids_look_like_uuids() {
        let id = Tasks::new(3).new_id();
        let parts: Vec<_> = id.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }
}
