//! Carrying out a plan of changes on a platform, for erasure and rectification alike.
//!
//! A [`Plan`] holds one step per asset, decided before anything changes, printed and
//! hashed. [`apply`] carries out its steps under a write-ahead [`journal`], so that a killed
//! run resumes where it stopped and never acts twice; [`verify`] reads every changed asset
//! back. A step counts as done only when the read-back shows it: the per-step
//! [`StepReport`]s and the plan hash are what a receipt is issued from.

pub mod holds;
pub mod journal;
mod report;

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::asset::Asset;
pub use crate::plan::{Action, Intent, PLAN_FORMAT, Plan, Step, hex, same_value, unwritable};
use crate::platform::{FileStep, Platform, PlatformError};
use crate::stop::{Interrupted, Stop};
use crate::threads;
use journal::{Event, Journal, JournalError};
pub use report::{Outcome, RunReport, StepReport};

/// Reads assets on `jobs` threads, keeping their order.
pub fn read_assets(
    platform: &dyn Platform,
    ids: &[String],
    jobs: usize,
) -> Vec<Result<Asset, PlatformError>> {
    let ids: Vec<&String> = ids.iter().collect();
    threads::map(
        jobs.clamp(1, 32),
        ids,
        || true,
        |id| ControlFlow::Continue(platform.get(id)),
    )
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
    /// writing it down), the asset to delete was gone, or, planned again from the asset as
    /// it now is, the step had nothing left to change.
    FoundDone,
    /// Finished by an earlier run, as its journal says.
    Earlier,
    /// The platform call failed or was not made (the message says why).
    Failed(String),
    /// The asset was deleted or changed, but the store keeps earlier versions of it that
    /// could not be removed (the message says what to do).
    VersionsRemain(String),
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

/// Plans one step again from its asset as the platform now holds it (`&Step`: the step
/// planned before, for what it was to act on). The command supplies its planner's
/// per-asset step ([`crate::erase::plan::Planner::step`], [`crate::rectify::Rectifier::step`]).
pub type Replan<'a> = dyn Fn(&Step, &Asset) -> Step + Sync + 'a;

/// How many times one step is planned again within a run when its asset keeps changing
/// under it (another writer between dsr's read and its write) before it is given up.
const MAX_REPLANS: usize = 3;

/// The evidence a re-planned step's read-back begins with.
pub const REPLANNED: &str = "re-planned: the asset changed after planning";

/// How a plan was carried out: each changing step's end, and the steps as finally carried
/// out, which is what is read back.
#[derive(Debug, Clone)]
pub struct Carried {
    /// The plan, each step re-planned (by this run or an earlier one) replaced by its new
    /// step. Its hash is not the plan's: a receipt names the plan that was confirmed.
    pub plan: Plan,
    /// How each of the plan's changing steps ended, by position.
    pub applied: BTreeMap<usize, Applied>,
    /// The positions of the steps that were planned again.
    pub replanned: BTreeSet<usize>,
    /// What became of the files behind each step's asset, as journaled by the call that
    /// deleted them, in this run or an earlier one.
    pub files: BTreeMap<usize, Vec<FileStep>>,
}

impl Carried {
    /// Reads every step back as [`verify`] does, against the step as it was carried out;
    /// a re-planned step's evidence says it was re-planned.
    pub fn verify(&self, platform: &dyn Platform, jobs: usize, check: &Check<'_>) -> Verification {
        let mut verification = verify(
            &self.plan,
            &self.applied,
            &self.files,
            platform,
            jobs,
            check,
        );
        for &i in &self.replanned {
            if let Some(report) = verification.steps.get_mut(i) {
                report.detail = format!("{REPLANNED}; {}", report.detail);
            }
        }
        verification
    }
}

/// After this many steps in a row failed to reach the platform at all (each after the
/// client's own retries and time limit), the rest of the run is not attempted: a server
/// that is down or never answers would make each of them wait out its whole time limit.
/// They stay not done in the journal, so `--resume` carries them out once it answers.
const UNREACHED_IN_A_ROW: usize = 3;

/// Why a step was not attempted after [`UNREACHED_IN_A_ROW`] steps could not reach the
/// platform.
pub const NOT_ATTEMPTED: &str = "not attempted: the platform stopped answering (several steps in a row could not reach it); run the command again with --resume once it answers";

/// Why a step the platform changes last was not attempted ([`Platform::changed_last`]).
pub const KEPT_FOR_LAST: &str = "not attempted: changed only once every other change of the run is done, and one is not; run the command again with --resume";

/// Carries out the plan's changing steps on `jobs` threads and returns how each ended.
/// Steps the journal marks done are not touched. Every other step first reads the asset:
/// a change already there is recorded as done without calling again, and a step whose
/// asset changed since it was planned is planned again with `replan` from the asset as it
/// now is (journaled as re-planned), since its change was computed from what it held then.
/// The write itself is conditional on the asset still being as read.
pub fn apply(
    plan: &Plan,
    replan: &Replan<'_>,
    platform: &dyn Platform,
    journal_path: &std::path::Path,
    jobs: usize,
    progress: &dyn ApplyProgress,
    stop: &Stop,
) -> Result<Carried, ApplyError> {
    let earlier = Journal::read(journal_path)?;
    let journal = Journal::open(journal_path)?;
    journal.record(Event::Begin, None, Some(plan.sha256()))?;
    let mut carried = plan.clone();
    for (&i, step) in &earlier.replanned {
        if let Some(slot) = carried.steps.get_mut(i) {
            *slot = step.clone();
        }
    }
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
    let pending = work.clone();
    // Records the others are found by go last, and only once all the others are done.
    let (last, work): (Vec<usize>, Vec<usize>) = work
        .into_iter()
        .partition(|i| platform.changed_last(&carried.steps[*i].asset));
    // Steps that ended, one after another, without reaching the platform.
    let unreached = AtomicUsize::new(0);
    // A step begun is finished; none is begun once a stop is asked for, or once the
    // platform stopped answering. Without a journal nothing more may change: a journal
    // failure stops every thread.
    let jobs = if platform.changes_in_order() { 1 } else { jobs };
    let run = |work: Vec<usize>| {
        threads::map(
            jobs.clamp(1, 32),
            work,
            || stop.requested().is_none() && unreached.load(Ordering::SeqCst) < UNREACHED_IN_A_ROW,
            |i| {
                let handle = earlier.handles.get(&i).map(String::as_str);
                let step = StepRun {
                    index: i,
                    handle,
                    platform,
                    journal: &journal,
                    replan,
                    failure: Cell::new(None),
                };
                match step.run(&carried.steps[i]) {
                    Ok((applied, new)) => {
                        let failed = matches!(applied, Applied::Failed(_));
                        if failed && step.failure.get() == Some(NETWORK) {
                            unreached.fetch_add(1, Ordering::SeqCst);
                        } else {
                            unreached.store(0, Ordering::SeqCst);
                        }
                        progress.step_done(!failed);
                        ControlFlow::Continue(Ok((i, applied, new)))
                    }
                    Err(e) => ControlFlow::Break(Err(e)),
                }
            },
        )
    };
    // Where the platform commits a run's changes together, the journal keeps each step's
    // outcome back until the commit, and an early return (a journal failure) undoes them.
    let batch = Batch::begin(platform, &journal, !work.is_empty() || !last.is_empty());
    let expected = work.len();
    let mut ended = run(work);
    let first_done = ended.len() == expected
        && ended.iter().all(|end| {
            matches!(
                end,
                Ok((
                    _,
                    Applied::Applied | Applied::FoundDone | Applied::Earlier,
                    _
                ))
            )
        });
    if !last.is_empty() {
        if first_done {
            ended.extend(run(last));
        } else {
            for i in last {
                results.insert(i, Applied::Failed(KEPT_FOR_LAST.to_owned()));
            }
        }
    }
    let mut replanned: BTreeMap<usize, Step> = BTreeMap::new();
    for end in ended {
        let (i, applied, new) = end?;
        results.insert(i, applied);
        if let Some(new) = new {
            replanned.insert(i, new);
        }
    }
    batch.commit(&mut results)?;
    // Every step ended: a stop asked for after the last one began interrupts nothing.
    if results.len() < plan.changing_steps().count() {
        stop.check()?;
        // Not stopped: the platform stopped answering. The steps not begun are failed,
        // never claimed, and left for --resume.
        for i in pending {
            results
                .entry(i)
                .or_insert_with(|| Applied::Failed(NOT_ATTEMPTED.to_owned()));
        }
    }
    journal.record(Event::End, None, None)?;
    // The files are read back from the journal, where this run's calls and the earlier
    // runs' said what became of them: a step an earlier run finished, or a resumed run
    // found done, deleted its files there.
    let files = if earlier.files.is_empty() && !journal.named_files() {
        BTreeMap::new()
    } else {
        Journal::read(journal_path)?.files
    };
    let mut positions: BTreeSet<usize> = earlier.replanned.keys().copied().collect();
    for (i, step) in replanned {
        positions.insert(i);
        if let Some(slot) = carried.steps.get_mut(i) {
            *slot = step;
        }
    }
    Ok(Carried {
        plan: carried,
        applied: results,
        replanned: positions,
        files,
    })
}

/// The one transaction a run's changes are made in, where the platform has one
/// ([`Platform::begin_changes`]). Dropped without [`Batch::commit`], it undoes them all.
struct Batch<'a> {
    platform: &'a dyn Platform,
    journal: &'a Journal,
    open: bool,
}

impl<'a> Batch<'a> {
    /// A platform that cannot open the transaction makes each change on its own, as
    /// platforms without transactions do.
    fn begin(platform: &'a dyn Platform, journal: &'a Journal, any: bool) -> Batch<'a> {
        let open = any && platform.begin_changes().unwrap_or(false);
        if open {
            journal.hold();
        }
        Batch {
            platform,
            journal,
            open,
        }
    }

    /// Commits the run's changes, the intents on disk first. A refused commit kept none
    /// of them: each step that had made its change is failed, never claimed. Then the
    /// outcomes kept back are written, as they finally are.
    fn commit(mut self, results: &mut BTreeMap<usize, Applied>) -> Result<(), JournalError> {
        if !self.open {
            return Ok(());
        }
        self.open = false;
        if let Err(e) = self.journal.sync() {
            self.platform.abandon_changes();
            return Err(e);
        }
        let refused: BTreeSet<usize> = match self.platform.commit_changes() {
            Ok(()) => BTreeSet::new(),
            Err(e) => {
                let why = format!("the changes were not committed: {e}");
                let made: BTreeSet<usize> = results
                    .iter()
                    .filter(|(_, applied)| matches!(applied, Applied::Applied))
                    .map(|(&i, _)| i)
                    .collect();
                for i in &made {
                    results.insert(*i, Applied::Failed(why.clone()));
                }
                made
            }
        };
        self.journal.release(|entry| match entry.step {
            Some(i) if entry.event == Event::Done && refused.contains(&i) => journal::Entry {
                event: Event::Failed,
                detail: Some("not-committed".to_owned()),
                ..entry
            },
            _ => entry,
        })
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        if self.open {
            self.platform.abandon_changes();
        }
    }
}

/// One step of a run, with what it is carried out with.
struct StepRun<'a> {
    index: usize,
    /// The platform's handle on this step's call when an earlier run got one.
    handle: Option<&'a str>,
    platform: &'a dyn Platform,
    journal: &'a Journal,
    replan: &'a Replan<'a>,
    /// The kind of the step's failure, once it failed ([`error_kind`]).
    failure: Cell<Option<&'static str>>,
}

impl StepRun<'_> {
    /// Reads the asset, plans the step again when the asset changed since it was planned
    /// (and reads it once more, so that what is written is planned from the latest read),
    /// writes the intent, calls the platform, writes the outcome. A write refused because
    /// the asset changed between the read and the write starts over from the read. Returns
    /// how it ended and, when it was re-planned, the step as finally carried out. `Failed`
    /// is returned, not raised, so that the other steps go on.
    fn run(&self, planned: &Step) -> Result<(Applied, Option<Step>), JournalError> {
        let mut replanned: Option<Step> = None;
        let mut replans = 0;
        loop {
            let step = replanned.as_ref().unwrap_or(planned);
            let current = match (step.action, self.platform.get(&step.asset)) {
                (Action::Delete, Err(e)) if e.is_not_found() => {
                    return Ok((
                        self.found_done_without_versions(step, "already gone")?,
                        replanned,
                    ));
                }
                (_, Err(e)) if e.is_not_found() => {
                    let gone = self.failed("gone", "the asset no longer exists")?;
                    return Ok((gone, replanned));
                }
                (_, Err(e)) => {
                    return Ok((self.failed(error_kind(&e), &e.to_string())?, replanned));
                }
                (_, Ok(asset)) => asset,
            };
            if step.action != Action::Delete && step.changes_present(&current) {
                let done = self.found_done_without_versions(step, "already applied")?;
                return Ok((done, replanned));
            }
            if !step.version.is_empty() && current.version != step.version {
                if replans == MAX_REPLANS {
                    let kept_changing = "the asset kept changing while dsr was changing it: run again with --resume once it is left alone";
                    return Ok((self.failed("changed", kept_changing)?, replanned));
                }
                replans += 1;
                let again = (self.replan)(step, &current);
                self.journal.replanned(self.index, &again)?;
                let changes = again.changes_platform();
                let why = format!("re-planned: {}", again.action.as_str());
                replanned = Some(again);
                if !changes {
                    // Nothing left to change (someone else did it, or a legal hold now
                    // applies): finished here, and read back as the new step says.
                    return Ok((self.found_done(&why)?, replanned));
                }
                continue;
            }
            self.journal.record(Event::Intent, Some(self.index), None)?;
            match self.call(step)? {
                Ok(()) => {
                    self.journal.record(Event::Done, Some(self.index), None)?;
                    return Ok((Applied::Applied, replanned));
                }
                // Changed between the read and the write: nothing was written. The next
                // read sees the change and plans the step again. Counted, so that a
                // platform that refuses every write cannot keep the step going.
                Err(e) if e.is_conflict() && replans < MAX_REPLANS => {
                    replans += 1;
                    self.journal.record(
                        Event::Failed,
                        Some(self.index),
                        Some("conflict".to_owned()),
                    )?;
                }
                Err(e) => return Ok((self.failed(error_kind(&e), &e.to_string())?, replanned)),
            }
        }
    }

    /// Journals a failed step; earlier versions left behind are a status of their own.
    fn failed(&self, kind: &'static str, message: &str) -> Result<Applied, JournalError> {
        self.failure.set(Some(kind));
        self.journal
            .record(Event::Failed, Some(self.index), Some(kind.to_owned()))?;
        Ok(if kind == VERSIONS_REMAIN {
            Applied::VersionsRemain(message.to_owned())
        } else {
            Applied::Failed(message.to_owned())
        })
    }

    /// A change found made is done only once the store keeps no earlier version of the
    /// asset: the run that made it may have been killed, or refused, before removing them.
    fn found_done_without_versions(&self, step: &Step, why: &str) -> Result<Applied, JournalError> {
        match self.platform.purge_earlier_versions(&step.asset) {
            Ok(()) => self.found_done(why),
            Err(e) => self.failed(error_kind(&e), &e.to_string()),
        }
    }

    fn found_done(&self, why: &str) -> Result<Applied, JournalError> {
        self.journal
            .record(Event::Done, Some(self.index), Some(why.to_owned()))?;
        Ok(Applied::FoundDone)
    }

    /// The platform call of a step; the outer error is the journal's.
    fn call(&self, step: &Step) -> Result<Result<(), PlatformError>, JournalError> {
        let (index, journal, platform) = (self.index, self.journal, self.platform);
        Ok(match step.action {
            Action::Delete => {
                let mut unrecorded = None;
                let mut accepted = |handle: &str| {
                    if let Err(e) =
                        journal.record(Event::Accepted, Some(index), Some(handle.into()))
                    {
                        unrecorded = Some(e);
                    }
                };
                let deleted = platform
                    .delete_following(&step.asset, self.handle, &mut accepted)
                    .or_else(|e| {
                        // A delete that reports a failure may still have happened (a task
                        // that finished after all, a second request racing a first): the
                        // asset decides, and the store's earlier versions of it with it.
                        match platform.get(&step.asset) {
                            Err(gone) if gone.is_not_found() => {
                                platform.purge_earlier_versions(&step.asset)
                            }
                            _ => Err(e),
                        }
                    });
                if let Some(e) = unrecorded {
                    return Err(e);
                }
                // Journaled with the call: a resumed run that finds the asset gone finds
                // the keys of its files gone with it.
                for file in platform.file_steps(&step.asset) {
                    journal.file(index, &file)?;
                }
                deleted
            }
            // Written only if the asset is still the version the step was planned from.
            _ => platform
                .update(
                    &step.asset,
                    &step.changes,
                    Some(step.version.as_str()).filter(|v| !v.is_empty()),
                )
                .map(|_| ()),
        })
    }
}

/// The journal's word for a step whose asset changed but whose earlier versions remain.
const VERSIONS_REMAIN: &str = "versions-remain";

/// A word for the journal that says what kind of failure it was, without its details.
/// The kind of failure of a step that could not reach the platform.
const NETWORK: &str = "network";

fn error_kind(e: &PlatformError) -> &'static str {
    match e {
        PlatformError::NotFound { .. } => "not-found",
        PlatformError::Auth(_) => "authentication",
        PlatformError::Forbidden(_) => "forbidden",
        PlatformError::Network { .. }
        | PlatformError::NoAnswer { .. }
        | PlatformError::NoConnection { .. } => NETWORK,
        PlatformError::Status { .. } => "status",
        PlatformError::Rejected(_) => "rejected",
        PlatformError::Conflict { .. } => "conflict",
        PlatformError::Link { .. } => "link",
        PlatformError::VersionsRemain { .. } => VERSIONS_REMAIN,
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
/// value, no longer found at the step's confidence outside the fields it leaves). A
/// deleting step's report names the files behind its asset as `files` has them (see
/// [`Carried::files`]).
pub fn verify(
    plan: &Plan,
    applied: &BTreeMap<usize, Applied>,
    files: &BTreeMap<usize, Vec<FileStep>>,
    platform: &dyn Platform,
    jobs: usize,
    check: &Check<'_>,
) -> Verification {
    let to_read: Vec<usize> = plan
        .steps
        .iter()
        .enumerate()
        .filter(|(i, step)| match step.action {
            Action::Delete | Action::Scrub | Action::Rectify | Action::Restrict | Action::Lift => {
                // Earlier versions left behind: the asset as it now is, for the index.
                !matches!(applied.get(i), Some(Applied::Failed(_)) | None)
            }
            // Read again so that "nothing to do" is what the asset says now, and the
            // index learns what a person still has to handle.
            Action::Clean | Action::Manual => true,
            // A withheld record with masks: read back to prove them.
            Action::Withheld => {
                !step.changes.is_empty()
                    && !matches!(applied.get(i), Some(Applied::Failed(_)) | None)
            }
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
            // What became of the files behind the asset, however the step ended: this
            // run's call or, where an earlier run's finished it, that one's.
            files: match step.action {
                Action::Delete => files.get(&i).cloned().unwrap_or_default(),
                _ => Vec::new(),
            },
        };
        let (outcome, detail) = match step.action {
            Action::Withheld if step.changes.is_empty() => (Outcome::Withheld, step.reason.clone()),
            // Kept under the hold, its masks proved by the read-back: withheld, never done.
            Action::Withheld => match (applied.get(&i), reads.get(&i)) {
                (Some(Applied::Failed(e)), _) => (Outcome::Failed, e.clone()),
                (Some(_), Some(Ok(asset))) => {
                    verification
                        .read
                        .push((step.asset.clone(), Some(asset.clone())));
                    let fields: Vec<&str> = step.changes.keys().map(String::as_str).collect();
                    if step.changes_present(asset) {
                        (
                            Outcome::Withheld,
                            format!("read back: {} masked; {}", fields.join(", "), step.reason),
                        )
                    } else {
                        (
                            Outcome::Unverified,
                            format!("read back: {} not masked", fields.join(", ")),
                        )
                    }
                }
                (_, Some(Err(e))) => (Outcome::Unverified, format!("cannot read it back: {e}")),
                _ => (Outcome::Failed, "not carried out".to_owned()),
            },
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
            Action::Delete | Action::Scrub | Action::Rectify | Action::Restrict | Action::Lift => {
                match (applied.get(&i), reads.get(&i)) {
                    (Some(Applied::Failed(e)), _) => (Outcome::Failed, e.clone()),
                    // Whatever the read-back shows, what the run was to remove is still
                    // in the store's earlier versions.
                    (Some(Applied::VersionsRemain(e)), read) => {
                        match read {
                            Some(Ok(asset)) => verification
                                .read
                                .push((step.asset.clone(), Some(asset.clone()))),
                            Some(Err(gone)) if gone.is_not_found() => {
                                verification.read.push((step.asset.clone(), None));
                            }
                            _ => {}
                        }
                        (Outcome::VersionsRemain, e.clone())
                    }
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
    use crate::plan::Strategy;
    use crate::platform::dir::DirPlatform;
    use std::sync::atomic::{AtomicUsize, Ordering};

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
            acts_from: crate::matching::matcher::Confidence::Medium,
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

    /// Plans a step again as the erasure planner would: Jane Doe out of the byline.
    fn replan(planned: &Step, asset: &Asset) -> Step {
        let byline = asset
            .metadata
            .get("80")
            .map(|v| v.items().to_vec())
            .unwrap_or_default();
        let kept: Vec<String> = byline
            .iter()
            .filter(|n| *n != "Jane Doe")
            .cloned()
            .collect();
        if kept == byline {
            return Step::untouched(&asset.id, Action::Clean, "no longer holds the subject");
        }
        Step {
            version: asset.version.clone(),
            changes: [("80".to_owned(), Some(FieldValue::Bag(kept)))]
                .into_iter()
                .collect(),
            ..planned.clone()
        }
    }

    /// An erasure plan of these steps.
    fn erasure(steps: Vec<Step>) -> Plan {
        Plan {
            format: PLAN_FORMAT,
            case: "20261201-001".to_owned(),
            tenant: "t".to_owned(),
            intent: Intent::Erasure {
                strategy: Strategy::Auto,
                shown_with_others: Default::default(),
                reason: None,
                records: Default::default(),
            },
            steps,
        }
    }

    /// The methods a test platform passes on to the folder it wraps (`self.platform`).
    macro_rules! passed_on {
        () => {
            fn describe(&self) -> Result<crate::platform::Description, PlatformError> {
                self.platform.describe()
            }
            fn scan(
                &self,
                since: &crate::platform::Since<'_>,
                found: &(dyn Fn(crate::platform::Scanned) + Sync),
            ) -> Result<crate::platform::ScanEnd, PlatformError> {
                self.platform.scan(since, found)
            }
            fn update(
                &self,
                id: &str,
                changes: &crate::platform::MetadataChanges,
                expected: Option<&str>,
            ) -> Result<Asset, PlatformError> {
                self.platform.update(id, changes, expected)
            }
            fn delete_following(
                &self,
                id: &str,
                handle: Option<&str>,
                accepted: &mut dyn FnMut(&str),
            ) -> Result<(), PlatformError> {
                self.platform.delete_following(id, handle, accepted)
            }
            fn download(
                &self,
                id: &str,
                to: &mut dyn std::io::Write,
            ) -> Result<u64, PlatformError> {
                self.platform.download(id, to)
            }
            fn access(&self) -> Result<Vec<crate::platform::ArchiveAccess>, PlatformError> {
                self.platform.access()
            }
        };
    }

    /// A server that went down: every read is refused, and each is counted.
    struct Down<'a> {
        platform: &'a DirPlatform,
        reads: AtomicUsize,
    }

    impl Platform for Down<'_> {
        passed_on!();
        fn get(&self, _id: &str) -> Result<Asset, PlatformError> {
            self.reads.fetch_add(1, Ordering::SeqCst);
            Err(PlatformError::NoConnection {
                host: "dam.example".to_owned(),
            })
        }
    }

    /// A platform whose run's changes are kept only once committed together (a
    /// database), over a folder; `refuse` makes its commit fail. At the commit it notes
    /// what the journal then holds on disk.
    struct Committing<'a> {
        platform: &'a DirPlatform,
        journal: std::path::PathBuf,
        refuse: bool,
        at_commit: std::sync::Mutex<Option<String>>,
    }

    impl Platform for Committing<'_> {
        passed_on!();
        fn get(&self, id: &str) -> Result<Asset, PlatformError> {
            self.platform.get(id)
        }
        fn begin_changes(&self) -> Result<bool, PlatformError> {
            Ok(true)
        }
        fn commit_changes(&self) -> Result<(), PlatformError> {
            let on_disk = std::fs::read_to_string(&self.journal).expect("the journal");
            *self.at_commit.lock().expect("not poisoned") = Some(on_disk);
            if self.refuse {
                return Err(PlatformError::Rejected("the disk is full".to_owned()));
            }
            Ok(())
        }
    }

    /// Changes committed together are journaled done only after the commit: before it the
    /// journal holds every intent and no outcome, so a run killed before the commit is
    /// carried out again by --resume, and one killed after it finds its changes made.
    /// A refused commit keeps none of them: they are failed, never claimed.
    #[test]
    fn changes_committed_together_are_done_only_once_committed() {
        for refuse in [false, true] {
            let dir = tempfile::tempdir().expect("a temp dir");
            let root = dir.path().join("tenant");
            let ids: Vec<String> = (0..5).map(|i| format!("A/{i}.png")).collect();
            for id in &ids {
                write(&root, id, &["Jane Doe", "Ola Nordmann"]);
            }
            write(&root, "A/done.png", &["Ola Nordmann"]);
            let platform = DirPlatform::open(&root).expect("the tenant");
            let mut steps: Vec<Step> = ids.iter().map(|id| scrub_step(&platform, id)).collect();
            let mut done = scrub_step(&platform, "A/done.png");
            done.changes.insert(
                "80".to_owned(),
                Some(FieldValue::Bag(vec!["Ola Nordmann".to_owned()])),
            );
            steps.push(done);
            let plan = erasure(steps);
            let journal = dir.path().join("journal.jsonl");
            let committing = Committing {
                platform: &platform,
                journal: journal.clone(),
                refuse,
                at_commit: std::sync::Mutex::new(None),
            };
            struct Quiet;
            impl ApplyProgress for Quiet {}
            let carried = apply(
                &plan,
                &replan,
                &committing,
                &journal,
                4,
                &Quiet,
                &Stop::new(),
            )
            .expect("the run ends");
            let at_commit = committing
                .at_commit
                .lock()
                .expect("not poisoned")
                .take()
                .expect("committed once");
            let events = |text: &str, event: &str| {
                text.lines()
                    .filter(|l| l.contains(&format!("\"event\":\"{event}\"")))
                    .count()
            };
            assert_eq!(events(&at_commit, "intent"), 5, "{at_commit}");
            assert_eq!(events(&at_commit, "done"), 0, "{at_commit}");
            let read = Journal::read(&journal).expect("the journal");
            assert!(!read.interrupted());
            if refuse {
                let why = "the changes were not committed: the disk is full";
                for i in 0..5 {
                    assert_eq!(carried.applied[&i], Applied::Failed(why.to_owned()));
                    assert_eq!(read.steps[&i], journal::StepState::Failed);
                }
            } else {
                for i in 0..5 {
                    assert_eq!(carried.applied[&i], Applied::Applied);
                }
                assert_eq!(read.done(), 6);
            }
            // Found made before the run: no change of this run, whatever the commit.
            assert_eq!(carried.applied[&5], Applied::FoundDone);
            assert_eq!(read.steps[&5], journal::StepState::Done);
        }
    }

    /// A platform that stopped answering does not make every step wait out its time
    /// limit: after a few steps in a row cannot reach it, the rest are not attempted. They
    /// are failed, never claimed, and left undone in the journal for --resume.
    #[test]
    fn a_platform_that_stopped_answering_ends_the_run_with_the_rest_not_attempted() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path().join("tenant");
        let ids: Vec<String> = (0..10).map(|i| format!("A/{i}.png")).collect();
        for id in &ids {
            write(&root, id, &["Jane Doe", "Ola Nordmann"]);
        }
        let platform = DirPlatform::open(&root).expect("the tenant");
        let plan = erasure(ids.iter().map(|id| scrub_step(&platform, id)).collect());
        let down = Down {
            platform: &platform,
            reads: AtomicUsize::new(0),
        };
        struct Quiet;
        impl ApplyProgress for Quiet {}
        let journal = dir.path().join("journal.jsonl");
        let carried =
            apply(&plan, &replan, &down, &journal, 1, &Quiet, &Stop::new()).expect("the run ends");
        assert_eq!(down.reads.load(Ordering::SeqCst), UNREACHED_IN_A_ROW);
        assert_eq!(carried.applied.len(), 10, "every step is accounted for");
        let not_attempted = carried
            .applied
            .values()
            .filter(|a| **a == Applied::Failed(NOT_ATTEMPTED.to_owned()))
            .count();
        assert_eq!(not_attempted, 10 - UNREACHED_IN_A_ROW);
        assert!(
            carried
                .applied
                .values()
                .all(|a| matches!(a, Applied::Failed(_)))
        );
        assert_eq!(Journal::read(&journal).expect("the journal").done(), 0);
    }

    #[test]
    fn steps_act_once_and_an_asset_changed_since_planned_is_planned_again() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path().join("tenant");
        let ids = [
            "A/plain.png",
            "A/changed.png",
            "A/done.png",
            "A/cleaned.png",
        ];
        for id in ids {
            write(&root, id, &["Jane Doe", "Ola Nordmann"]);
        }
        let platform = DirPlatform::open(&root).expect("the tenant");
        let plan = erasure(ids.iter().map(|id| scrub_step(&platform, id)).collect());
        // Someone else edits one asset, takes the subject out of another, and a third
        // already holds the planned values.
        write(
            &root,
            "A/changed.png",
            &["Jane Doe", "Ola Nordmann", "Kari"],
        );
        write(&root, "A/done.png", &["Ola Nordmann"]);
        write(&root, "A/cleaned.png", &["Ola Nordmann", "Per"]);
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
        let stopped = apply(&plan, &replan, &platform, &journal, 2, &Quiet, &stop);
        assert!(matches!(stopped, Err(ApplyError::Interrupted(_))));
        assert!(Journal::read(&journal).expect("the journal").interrupted());
        assert_eq!(Journal::read(&journal).expect("the journal").done(), 0);
        let stop = Stop::new();
        let carried =
            apply(&plan, &replan, &platform, &journal, 2, &progress, &stop).expect("applied");
        let applied = &carried.applied;
        assert_eq!(applied[&0], Applied::Applied);
        assert_eq!(applied[&1], Applied::Applied, "planned again and applied");
        assert_eq!(applied[&2], Applied::FoundDone);
        assert_eq!(applied[&3], Applied::FoundDone, "nothing left to do");
        assert_eq!(carried.replanned, BTreeSet::from([1, 3]));
        assert_eq!(carried.plan.steps[3].action, Action::Clean);
        assert_eq!(progress.0.load(Ordering::Relaxed), 4);
        assert_eq!(progress.1.load(Ordering::Relaxed), 4);
        let changed = platform.get("A/changed.png").expect("still there");
        assert_eq!(
            changed.metadata["80"].items(),
            ["Ola Nordmann", "Kari"],
            "the other editor's change is kept, the subject is gone"
        );
        // The journal names the re-planned steps by action and hash, never by value.
        let text = std::fs::read_to_string(&journal).expect("the journal");
        let replanned: Vec<&str> = text.lines().filter(|l| l.contains("replanned")).collect();
        assert_eq!(replanned.len(), 2, "{text}");
        assert!(!text.contains("Kari") && !text.contains("Ola"), "{text}");

        let state = Journal::read(&journal).expect("the journal");
        assert!(!state.interrupted());
        assert_eq!(state.done(), 4);
        assert_eq!(state.replanned[&1], carried.plan.steps[1]);
        // A resumed run acts no more, and reads back the steps as re-planned.
        let again =
            apply(&plan, &replan, &platform, &journal, 2, &progress, &stop).expect("applied");
        assert!(again.applied.values().all(|a| *a == Applied::Earlier));
        assert_eq!(again.plan, carried.plan);
        assert_eq!(again.replanned, carried.replanned);

        let check = |step: &Step, asset: &Asset| {
            if step.changes_present(asset) {
                Ok("read back".to_owned())
            } else {
                Err("read back: not as planned".to_owned())
            }
        };
        let verification = again.verify(&platform, 2, &check);
        let outcomes: Vec<Outcome> = verification.steps.iter().map(|s| s.outcome).collect();
        assert_eq!(
            outcomes,
            [
                Outcome::Verified,
                Outcome::Verified,
                Outcome::Verified,
                Outcome::Clean
            ]
        );
        assert!(verification.steps[1].detail.starts_with(REPLANNED));
        assert!(verification.steps[3].detail.starts_with(REPLANNED));
        assert!(!verification.steps[0].detail.starts_with(REPLANNED));
        assert_eq!(verification.read.len(), 4, "what was read is reindexed");
    }

    #[test]
    fn an_asset_that_keeps_changing_is_given_up_not_overwritten() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path().join("tenant");
        write(&root, "A/busy.png", &["Jane Doe", "Ola Nordmann"]);
        let platform = DirPlatform::open(&root).expect("the tenant");
        let plan = erasure(vec![scrub_step(&platform, "A/busy.png")]);
        // Someone saves the asset each time it is planned again, before dsr writes.
        let edits = AtomicUsize::new(0);
        let busy = |planned: &Step, asset: &Asset| {
            // Each save a different size: a folder's version marker is the sidecar's
            // modification time and size, and two saves may fall in one clock tick.
            let n = edits.fetch_add(1, Ordering::Relaxed);
            let name = format!("Editor {}", "I".repeat(n + 1));
            write(&root, "A/busy.png", &["Jane Doe", "Ola Nordmann", &name]);
            replan(planned, asset)
        };
        write(&root, "A/busy.png", &["Jane Doe", "Ola Nordmann", "Kari"]);
        struct Quiet;
        impl ApplyProgress for Quiet {}
        let journal = dir.path().join("journal.jsonl");
        let carried =
            apply(&plan, &busy, &platform, &journal, 1, &Quiet, &Stop::new()).expect("applied");
        assert!(
            matches!(&carried.applied[&0], Applied::Failed(m) if m.contains("kept changing")),
            "{:?}",
            carried.applied
        );
        assert_eq!(edits.load(Ordering::Relaxed), MAX_REPLANS);
        let last = platform.get("A/busy.png").expect("there");
        assert!(
            last.metadata["80"]
                .items()
                .contains(&format!("Editor {}", "I".repeat(MAX_REPLANS))),
            "the last editor's save is kept"
        );
    }
}
