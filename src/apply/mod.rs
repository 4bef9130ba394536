//! Carrying out a plan of changes on a platform, for erasure and rectification alike.
//!
//! A [`Plan`] holds one step per asset, decided before anything changes, printed and
//! hashed. [`apply`] carries out its steps under a write-ahead [`journal`], so that a killed
//! run resumes where it stopped and never acts twice; [`verify`] reads every changed asset
//! back. A step counts as done only when the read-back shows it: the per-step
//! [`StepReport`]s and the plan hash are what a receipt is issued from.

pub mod holds;
pub mod journal;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::asset::{Asset, FieldValue};
use crate::erase::plan::Strategy;
use crate::platform::{MetadataChanges, Platform, PlatformError};
use crate::rectify::Change;
use journal::{Event, Journal, JournalError};

/// The plan format written by this version.
pub const PLAN_FORMAT: u32 = 2;

/// What a plan carries out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "operation", rename_all = "lowercase")]
pub enum Intent {
    /// Art. 17: delete or scrub.
    Erasure { strategy: Strategy },
    /// Art. 16: replace a value or set fields.
    Rectification { change: Change },
}

impl Intent {
    /// `erasure` or `rectification`.
    pub fn name(&self) -> &'static str {
        match self {
            Intent::Erasure { .. } => "erasure",
            Intent::Rectification { .. } => "rectification",
        }
    }
}

/// The whole plan of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub format: u32,
    pub case: String,
    pub tenant: String,
    pub intent: Intent,
    pub steps: Vec<Step>,
}

impl Plan {
    /// SHA-256 of the plan's JSON (fields in declaration order, maps sorted), hex.
    pub fn sha256(&self) -> String {
        let bytes = serde_json::to_vec(self).unwrap_or_default();
        hex(&Sha256::digest(&bytes))
    }

    /// How many steps take this action.
    pub fn count(&self, action: Action) -> usize {
        self.steps.iter().filter(|s| s.action == action).count()
    }

    /// The steps that change the platform, by position.
    pub fn changing_steps(&self) -> impl Iterator<Item = (usize, &Step)> {
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.action.changes())
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What happens to one asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Erasure: the asset goes.
    Delete,
    /// Erasure: only the subject's values go.
    Scrub,
    /// Rectification: the subject's values are corrected.
    Rectify,
    /// A legal hold applies: reported as withheld, never as done.
    Withheld,
    /// The change cannot be made automatically (a read-only field, a value that cannot be
    /// separated): left for a person, reported as not done.
    Manual,
    /// Nothing to do: the asset does not hold what the request is about (any more).
    Clean,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Delete => "delete",
            Action::Scrub => "scrub",
            Action::Rectify => "rectify",
            Action::Withheld => "withheld",
            Action::Manual => "manual",
            Action::Clean => "clean",
        }
    }

    /// Whether the step changes the platform.
    pub fn changes(self) -> bool {
        matches!(self, Action::Delete | Action::Scrub | Action::Rectify)
    }
}

/// One asset's step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub asset: String,
    pub action: Action,
    /// Why this action, for people (no personal values).
    pub reason: String,
    /// The asset's version marker when it was planned: a step is not applied to an asset
    /// that changed since, since the change was computed from what it held then.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// For `scrub` and `rectify`: the fields changed, each with its new value, or `null`
    /// to clear it. Nothing else of the asset is touched.
    #[serde(default, skip_serializing_if = "MetadataChanges::is_empty")]
    pub changes: MetadataChanges,
}

impl Step {
    /// A step that changes nothing.
    pub fn untouched(asset: &str, action: Action, reason: impl Into<String>) -> Step {
        Step {
            asset: asset.to_owned(),
            action,
            reason: reason.into(),
            version: String::new(),
            changes: MetadataChanges::new(),
        }
    }

    /// True when the asset holds every value the step sets.
    pub fn changes_present(&self, asset: &Asset) -> bool {
        self.changes
            .iter()
            .all(|(field, value)| same_value(asset.metadata.get(field), value.as_ref()))
    }
}

/// Two values are the same when they hold the same strings: a platform may give a bag of
/// one back as a single value, and a cleared field back as absent.
pub fn same_value(a: Option<&FieldValue>, b: Option<&FieldValue>) -> bool {
    let items = |v: Option<&FieldValue>| v.map(FieldValue::items).unwrap_or_default().to_vec();
    items(a) == items(b)
}

/// The first field of `changes` the platform does not let dsr write, if any. An empty
/// set means the platform does not restrict (a folder).
pub fn unwritable<'a>(
    changes: &'a MetadataChanges,
    writable: Option<&BTreeSet<String>>,
) -> Option<&'a str> {
    let writable = writable.filter(|w| !w.is_empty())?;
    changes
        .keys()
        .find(|f| !writable.contains(*f))
        .map(String::as_str)
}

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
) -> Result<BTreeMap<usize, Applied>, JournalError> {
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
        return Err(e);
    }
    journal.record(Event::End, None, None)?;
    Ok(results.into_inner().unwrap_or_else(|e| e.into_inner()))
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
        PlatformError::Network { .. } => "network",
        PlatformError::Status { .. } => "status",
        PlatformError::Rejected(_) => "rejected",
        _ => "other",
    }
}

/// How one step of a run ended, after reading back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Applied and read back as intended.
    Verified,
    /// Applied, but the read-back does not show it (or could not be made).
    Unverified,
    /// Not applied: the platform call failed or was refused.
    Failed,
    /// Under legal hold: nothing was changed.
    Withheld,
    /// Left for a person: nothing was changed.
    Manual,
    /// Nothing to do.
    Clean,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Verified => "verified",
            Outcome::Unverified => "unverified",
            Outcome::Failed => "failed",
            Outcome::Withheld => "withheld",
            Outcome::Manual => "manual",
            Outcome::Clean => "clean",
        }
    }

    /// The step is not done and needs another run or a person.
    pub fn is_left(self) -> bool {
        matches!(
            self,
            Outcome::Unverified | Outcome::Failed | Outcome::Manual
        )
    }
}

/// What happened to one asset: the receipt's per-asset entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepReport {
    pub asset: String,
    pub action: Action,
    pub outcome: Outcome,
    /// The evidence of a verified step ("read back: …"), or why it is not done. No
    /// personal values.
    pub detail: String,
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
/// earlier run): a deleted asset must be gone, and a changed one must pass `check`.
pub fn verify(
    plan: &Plan,
    applied: &BTreeMap<usize, Applied>,
    platform: &dyn Platform,
    jobs: usize,
    check: &Check<'_>,
) -> Verification {
    let to_read: Vec<usize> = plan
        .changing_steps()
        .filter(|(i, _)| !matches!(applied.get(i), Some(Applied::Failed(_)) | None))
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
        let untouched = match step.action {
            Action::Withheld => Some(Outcome::Withheld),
            Action::Manual => Some(Outcome::Manual),
            Action::Clean => Some(Outcome::Clean),
            Action::Delete | Action::Scrub | Action::Rectify => None,
        };
        if let Some(outcome) = untouched {
            verification
                .steps
                .push(report(outcome, step.reason.clone()));
            continue;
        }
        let (outcome, detail) = match (applied.get(&i), reads.get(&i)) {
            (Some(Applied::Failed(e)), _) => (Outcome::Failed, e.clone()),
            (None, _) | (_, None) => (Outcome::Failed, "not carried out".to_owned()),
            (Some(_), Some(read)) => {
                let (outcome, detail, read_back) = judge(step, read, check);
                if let Some(asset) = read_back {
                    verification.read.push((step.asset.clone(), asset));
                }
                (outcome, detail)
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
                Ok(evidence) => (Outcome::Verified, evidence),
                Err(problem) => (Outcome::Unverified, problem),
            };
            (outcome, detail, Some(Some(asset.clone())))
        }
    }
}

/// The per-step outcomes of a run, with the plan they carried out: what a receipt is
/// issued from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunReport {
    pub case: String,
    pub tenant: String,
    pub operation: String,
    pub plan_sha256: String,
    pub started: String,
    pub finished: String,
    pub steps: Vec<StepReport>,
    /// Assets where the request's subject is still found although the plan did not leave
    /// them alone on purpose (erasure only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remaining: Vec<String>,
}

impl RunReport {
    /// How many steps took `action` and ended with `outcome`.
    pub fn count(&self, action: Action, outcome: Outcome) -> usize {
        self.steps
            .iter()
            .filter(|s| s.action == action && s.outcome == outcome)
            .count()
    }

    /// How many steps ended with `outcome`.
    pub fn outcomes(&self, outcome: Outcome) -> usize {
        self.steps.iter().filter(|s| s.outcome == outcome).count()
    }

    /// Everything that should change did, was read back, and nothing is left over.
    /// Withheld steps do not count against it: they are reported as withheld.
    pub fn complete(&self) -> bool {
        self.remaining.is_empty() && !self.steps.iter().any(|s| s.outcome.is_left())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let applied = apply(&plan, &platform, &journal, 2, &progress).expect("applied");
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
        let again = apply(&plan, &platform, &journal, 2, &progress).expect("applied");
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
