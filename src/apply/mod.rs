//! Carrying out a plan of changes on a platform, for erasure and rectification alike.
//!
//! A [`Plan`] holds one step per asset, decided before anything changes, printed and
//! hashed. [`apply`] carries out its steps under a write-ahead [`journal`], so that a killed
//! run resumes where it stopped and never acts twice; [`verify`] reads every changed asset
//! back. A step counts as done only when the read-back shows it: the per-step
//! [`StepReport`]s and the plan hash are what a receipt is issued from.

pub mod holds;
pub mod journal;
mod plan;
mod report;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::asset::Asset;
use crate::platform::{Platform, PlatformError};
use crate::stop::{Interrupted, Stop};
use journal::{Event, Journal, JournalError};
pub use plan::{Action, Intent, PLAN_FORMAT, Plan, Step, hex, same_value, unwritable};
pub use report::{Outcome, RunReport, StepReport};

/// Reads assets on `jobs` threads, keeping their order.
pub fn read_assets(
    platform: &dyn Platform,
    ids: &[String],
    jobs: usize,
) -> Vec<Result<Asset, PlatformError>> {
    let next = AtomicUsize::new(0);
    let read: Mutex<BTreeMap<usize, Result<Asset, PlatformError>>> = Mutex::new(BTreeMap::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, 32).min(ids.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(id) = ids.get(i) else { break };
                    let asset = platform.get(id);
                    lock(&read).insert(i, asset);
                }
            });
        }
    });
    read.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_values()
        .collect()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Reports the progress of an apply run (a progress bar, or nothing).
pub trait ApplyProgress: Sync {
    /// The run will make `steps` platform changes.
    fn start(&self, steps: u64) {
        let _ = steps;
    }
    /// One step ended; `ok` is false when it failed.
    fn step_done(&self, ok: bool) {
        let _ = ok;
    }
}

/// How applying one step ended, before it is read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// The platform call was made and succeeded.
    Applied,
    /// No call was needed: the change was there already (made by a run that died before
    /// writing it down), or the asset to delete was gone.
    FoundDone,
    /// Finished by an earlier run, as its journal says.
    Earlier,
    /// The platform call failed or was not made (the message says why).
    Failed(String),
}

/// Why a run stopped before its end.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// Without a journal nothing more may change.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A stop was asked for: the steps in flight were finished and journaled, the rest
    /// not begun, and the journal has no end, so `--resume` goes on from there.
    #[error(transparent)]
    Interrupted(#[from] Interrupted),
}

/// Carries out the plan's changing steps on `jobs` threads and returns how each ended.
/// Steps the journal marks done are not touched. Every other step first reads the asset:
/// a change already there is recorded as done without calling again, and an asset that
/// changed since it was planned is left alone (failed), since its step was computed from
/// what it held then.
pub fn apply(
    plan: &Plan,
    platform: &dyn Platform,
    journal_path: &std::path::Path,
    jobs: usize,
    progress: &dyn ApplyProgress,
    stop: &Stop,
) -> Result<BTreeMap<usize, Applied>, ApplyError> {
    let earlier = Journal::read(journal_path)?;
    let journal = Journal::open(journal_path)?;
    journal.record(Event::Begin, None, Some(plan.sha256()))?;
    let mut results = BTreeMap::new();
    let mut work = Vec::new();
    for (i, _) in plan.changing_steps() {
        if earlier.is_done(i) {
            results.insert(i, Applied::Earlier);
        } else {
            work.push(i);
        }
    }
    progress.start(work.len() as u64);
    let next = AtomicUsize::new(0);
    let results = Mutex::new(results);
    let failure: Mutex<Option<JournalError>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, 32).min(work.len().max(1)) {
            scope.spawn(|| {
                while let Some(&i) = work.get(next.fetch_add(1, Ordering::Relaxed)) {
                    // A step begun is finished; none is begun once a stop is asked for.
                    if stop.requested().is_some() {
                        next.store(work.len(), Ordering::Relaxed);
                        break;
                    }
                    let handle = earlier.handles.get(&i).map(String::as_str);
                    match apply_step(&plan.steps[i], i, handle, platform, &journal) {
                        Ok(applied) => {
                            progress.step_done(!matches!(applied, Applied::Failed(_)));
                            lock(&results).insert(i, applied);
                        }
                        Err(e) => {
                            // Without a journal nothing more may change: stop every thread.
                            *lock(&failure) = Some(e);
                            next.store(work.len(), Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e.into());
    }
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    // Every step ended: a stop asked for after the last one began interrupts nothing.
    if results.len() < plan.changing_steps().count() {
        stop.check()?;
    }
    journal.record(Event::End, None, None)?;
    Ok(results)
}

/// One step: read the asset, write the intent, call the platform, write the outcome.
/// `handle` is the platform's handle on this step's call when an earlier run got one.
/// `Failed` is returned, not raised, so that the other steps go on.
fn apply_step(
    step: &Step,
    index: usize,
    handle: Option<&str>,
    platform: &dyn Platform,
    journal: &Journal,
) -> Result<Applied, JournalError> {
    let failed = |kind: &str, message: String| -> Result<Applied, JournalError> {
        journal.record(Event::Failed, Some(index), Some(kind.to_owned()))?;
        Ok(Applied::Failed(message))
    };
    let found_done = |why: &str| -> Result<Applied, JournalError> {
        journal.record(Event::Done, Some(index), Some(why.to_owned()))?;
        Ok(Applied::FoundDone)
    };
    let current = match (step.action, platform.get(&step.asset)) {
        (Action::Delete, Err(e)) if e.is_not_found() => return found_done("already gone"),
        (_, Err(e)) if e.is_not_found() => {
            return failed("gone", "the asset no longer exists".to_owned());
        }
        (_, Err(e)) => return failed(error_kind(&e), e.to_string()),
        (_, Ok(asset)) => asset,
    };
    if step.action != Action::Delete && step.changes_present(&current) {
        return found_done("already applied");
    }
    if !step.version.is_empty() && current.version != step.version {
        return failed(
            "changed",
            "the asset changed after it was planned: make a new plan".to_owned(),
        );
    }
    journal.record(Event::Intent, Some(index), None)?;
    let result = match step.action {
        Action::Delete => {
            let mut unrecorded = None;
            let mut accepted = |handle: &str| {
                if let Err(e) = journal.record(Event::Accepted, Some(index), Some(handle.into())) {
                    unrecorded = Some(e);
                }
            };
            let deleted = platform
                .delete_following(&step.asset, handle, &mut accepted)
                .or_else(|e| {
                    // A delete that reports a failure may still have happened (a task that
                    // finished after all, a second request racing a first): the asset decides.
                    match platform.get(&step.asset) {
                        Err(gone) if gone.is_not_found() => Ok(()),
                        _ => Err(e),
                    }
                });
            if let Some(e) = unrecorded {
                return Err(e);
            }
            deleted
        }
        _ => platform.update(&step.asset, &step.changes).map(|_| ()),
    };
    match result {
        Ok(()) => {
            journal.record(Event::Done, Some(index), None)?;
            Ok(Applied::Applied)
        }
        Err(e) => failed(error_kind(&e), e.to_string()),
    }
}

/// A word for the journal that says what kind of failure it was, without its details.
fn error_kind(e: &PlatformError) -> &'static str {
    match e {
        PlatformError::NotFound { .. } => "not-found",
        PlatformError::Auth(_) => "authentication",
        PlatformError::Forbidden(_) => "forbidden",
        PlatformError::Network { .. } | PlatformError::NoConnection { .. } => "network",
        PlatformError::Status { .. } => "status",
        PlatformError::Rejected(_) => "rejected",
        _ => "other",
    }
}

/// What reading one asset back found, to bring the index up to date with.
pub type ReadBack = (String, Option<Asset>);

/// How a run ended: every step's report, and the assets as read back.
#[derive(Debug, Clone)]
pub struct Verification {
    pub steps: Vec<StepReport>,
    /// The changed assets as the platform now holds them (`None`: gone). Assets that could
    /// not be read are missing.
    pub read: Vec<ReadBack>,
}

/// Decides whether an asset read back is as its step meant: `Ok` with the evidence, or
/// `Err` with what is wrong.
pub type Check<'a> = dyn Fn(&Step, &Asset) -> Result<String, String> + Sync + 'a;

/// Reads back, on `jobs` threads, every changing step that was applied (now or by an
/// earlier run) and every step that found nothing to do or left fields for a person: a
/// deleted asset must be gone, and any other must pass `check` (the subject, or the old
/// value, no longer found at the step's confidence outside the fields it leaves).
pub fn verify(
    plan: &Plan,
    applied: &BTreeMap<usize, Applied>,
    platform: &dyn Platform,
    jobs: usize,
    check: &Check<'_>,
) -> Verification {
    let to_read: Vec<usize> = plan
        .steps
        .iter()
        .enumerate()
        .filter(|(i, step)| match step.action {
            Action::Delete | Action::Scrub | Action::Rectify => {
                !matches!(applied.get(i), Some(Applied::Failed(_)) | None)
            }
            // Read again so that "nothing to do" is what the asset says now, and the
            // index learns what a person still has to handle.
            Action::Clean | Action::Manual => true,
            Action::Withheld => false,
        })
        .map(|(i, _)| i)
        .collect();
    let ids: Vec<String> = to_read
        .iter()
        .map(|&i| plan.steps[i].asset.clone())
        .collect();
    let reads: BTreeMap<usize, Result<Asset, PlatformError>> = to_read
        .iter()
        .copied()
        .zip(read_assets(platform, &ids, jobs))
        .collect();
    let mut verification = Verification {
        steps: Vec::with_capacity(plan.steps.len()),
        read: Vec::new(),
    };
    for (i, step) in plan.steps.iter().enumerate() {
        let report = |outcome, detail: String| StepReport {
            asset: step.asset.clone(),
            action: step.action,
            outcome,
            detail,
        };
        let (outcome, detail) = match step.action {
            Action::Withheld => (Outcome::Withheld, step.reason.clone()),
            Action::Manual => {
                if let Some(Ok(asset)) = reads.get(&i) {
                    verification
                        .read
                        .push((step.asset.clone(), Some(asset.clone())));
                }
                (Outcome::Manual, step.reason.clone())
            }
            Action::Clean => match reads.get(&i) {
                Some(Err(e)) if e.is_not_found() => {
                    verification.read.push((step.asset.clone(), None));
                    (
                        Outcome::Clean,
                        "read back: the asset no longer exists".to_owned(),
                    )
                }
                Some(Ok(asset)) => {
                    verification
                        .read
                        .push((step.asset.clone(), Some(asset.clone())));
                    match check(step, asset) {
                        Ok(evidence) if step.shows_subject => (
                            Outcome::ImageStillShowsSubject,
                            format!("{evidence}; {}: edit or delete it by hand", step.reason),
                        ),
                        Ok(evidence) => (Outcome::Clean, evidence),
                        Err(problem) => (
                            Outcome::Unverified,
                            format!("planned with nothing to do, but {problem}"),
                        ),
                    }
                }
                Some(Err(e)) => (Outcome::Unverified, format!("cannot read it back: {e}")),
                None => (Outcome::Unverified, "not read back".to_owned()),
            },
            Action::Delete | Action::Scrub | Action::Rectify => {
                match (applied.get(&i), reads.get(&i)) {
                    (Some(Applied::Failed(e)), _) => (Outcome::Failed, e.clone()),
                    (None, _) | (_, None) => (Outcome::Failed, "not carried out".to_owned()),
                    (Some(_), Some(read)) => {
                        let (outcome, detail, read_back) = judge(step, read, check);
                        if let Some(asset) = read_back {
                            verification.read.push((step.asset.clone(), asset));
                        }
                        (outcome, detail)
                    }
                }
            }
        };
        verification.steps.push(report(outcome, detail));
    }
    verification
}

/// The outcome of one read-back, and what to index (`Some(None)`: the asset is gone).
fn judge(
    step: &Step,
    read: &Result<Asset, PlatformError>,
    check: &Check<'_>,
) -> (Outcome, String, Option<Option<Asset>>) {
    match (step.action, read) {
        (Action::Delete, Err(e)) if e.is_not_found() => (
            Outcome::Verified,
            "read back: the asset is gone".to_owned(),
            Some(None),
        ),
        (Action::Delete, Ok(asset)) => (
            Outcome::Unverified,
            "read back: the asset still exists".to_owned(),
            Some(Some(asset.clone())),
        ),
        (_, Err(e)) if e.is_not_found() => (
            Outcome::Unverified,
            "read back: the asset is gone instead of changed".to_owned(),
            Some(None),
        ),
        (_, Err(e)) => (
            Outcome::Unverified,
            format!("cannot read it back: {e}"),
            None,
        ),
        (_, Ok(asset)) => {
            let (outcome, detail) = match check(step, asset) {
                Ok(evidence) if !step.left_fields.is_empty() => (
                    Outcome::Manual,
                    format!(
                        "{evidence}; field(s) {} still hold the subject and cannot be changed by dsr: a person must{}",
                        step.left_fields.join(", "),
                        if step.shows_subject {
                            "; the image also still shows the subject"
                        } else {
                            ""
                        }
                    ),
                ),
                Ok(evidence) if step.shows_subject => (
                    Outcome::ImageStillShowsSubject,
                    format!(
                        "{evidence}; the image still shows the subject: edit or delete it by hand"
                    ),
                ),
                Ok(evidence) => (Outcome::Verified, evidence),
                Err(problem) => (Outcome::Unverified, problem),
            };
            (outcome, detail, Some(Some(asset.clone())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;
    use crate::erase::plan::Strategy;
    use crate::platform::dir::DirPlatform;

    fn write(root: &std::path::Path, id: &str, byline: &[&str]) {
        let path = root.join(id);
        std::fs::create_dir_all(path.parent().expect("an archive")).expect("a folder");
        std::fs::write(&path, b"image").expect("a file");
        let sidecar = serde_json::json!({ "metadata": { "80": { "value": byline } } });
        std::fs::write(
            root.join(format!("{id}.json")),
            serde_json::to_vec(&sidecar).expect("JSON"),
        )
        .expect("a sidecar");
    }

    fn scrub_step(platform: &DirPlatform, id: &str) -> Step {
        let asset = platform.get(id).expect("an asset");
        Step {
            asset: id.to_owned(),
            action: Action::Scrub,
            reason: "test".to_owned(),
            version: asset.version,
            acts_from: crate::index::matcher::Confidence::Medium,
            shows_subject: false,
            left_fields: Vec::new(),
            changes: [(
                "80".to_owned(),
                Some(FieldValue::Bag(vec!["Ola Nordmann".to_owned()])),
            )]
            .into_iter()
            .collect(),
        }
    }

    #[test]
    fn steps_act_once_and_never_on_an_asset_changed_since_planned() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path().join("tenant");
        for id in ["A/plain.png", "A/changed.png", "A/done.png"] {
            write(&root, id, &["Jane Doe", "Ola Nordmann"]);
        }
        let platform = DirPlatform::open(&root).expect("the tenant");
        let plan = Plan {
            format: PLAN_FORMAT,
            case: "20261201-001".to_owned(),
            tenant: "t".to_owned(),
            intent: Intent::Erasure {
                strategy: Strategy::Auto,
                shown_with_others: Default::default(),
                reason: None,
            },
            steps: ["A/plain.png", "A/changed.png", "A/done.png"]
                .iter()
                .map(|id| scrub_step(&platform, id))
                .collect(),
        };
        // Someone else edits one asset; another already holds the planned values.
        write(
            &root,
            "A/changed.png",
            &["Jane Doe", "Ola Nordmann", "Kari"],
        );
        write(&root, "A/done.png", &["Ola Nordmann"]);
        let journal = dir.path().join("journal.jsonl");

        struct Count(AtomicUsize, AtomicUsize);
        impl ApplyProgress for Count {
            fn start(&self, steps: u64) {
                self.0.store(steps as usize, Ordering::Relaxed);
            }
            fn step_done(&self, _ok: bool) {
                self.1.fetch_add(1, Ordering::Relaxed);
            }
        }
        let progress = Count(AtomicUsize::new(0), AtomicUsize::new(0));
        // Asked to stop before it began: nothing is done and the journal has no end.
        let stop = Stop::new();
        stop.request(2);
        struct Quiet;
        impl ApplyProgress for Quiet {}
        let stopped = apply(&plan, &platform, &journal, 2, &Quiet, &stop);
        assert!(matches!(stopped, Err(ApplyError::Interrupted(_))));
        assert!(Journal::read(&journal).expect("the journal").interrupted());
        assert_eq!(Journal::read(&journal).expect("the journal").done(), 0);
        let stop = Stop::new();
        let applied = apply(&plan, &platform, &journal, 2, &progress, &stop).expect("applied");
        assert_eq!(applied[&0], Applied::Applied);
        assert!(matches!(&applied[&1], Applied::Failed(m) if m.contains("changed after")));
        assert_eq!(applied[&2], Applied::FoundDone);
        assert_eq!(progress.0.load(Ordering::Relaxed), 3);
        assert_eq!(progress.1.load(Ordering::Relaxed), 3);
        let changed = platform.get("A/changed.png").expect("still there");
        assert_eq!(changed.metadata["80"].items().len(), 3, "left alone");

        let state = Journal::read(&journal).expect("the journal");
        assert!(!state.interrupted());
        assert_eq!(state.done(), 2);
        let again = apply(&plan, &platform, &journal, 2, &progress, &stop).expect("applied");
        assert_eq!(again[&0], Applied::Earlier);
        assert_eq!(again[&2], Applied::Earlier);
        assert!(matches!(again[&1], Applied::Failed(_)));

        let check = |_: &Step, _: &Asset| Ok("read back".to_owned());
        let verification = verify(&plan, &again, &platform, 2, &check);
        let outcomes: Vec<Outcome> = verification.steps.iter().map(|s| s.outcome).collect();
        assert_eq!(
            outcomes,
            [Outcome::Verified, Outcome::Failed, Outcome::Verified]
        );
        assert_eq!(verification.read.len(), 2, "what was read is reindexed");
    }
}
