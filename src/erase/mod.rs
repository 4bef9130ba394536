//! Erasure (Art. 17): plan, apply through the platform under a write-ahead journal, and
//! verify by reading every touched asset back. Only what is verified is reported as done.

pub mod journal;
pub mod plan;
pub mod scrub;
pub mod tombstone;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use crate::index::matcher::{Confidence, Matcher};
use crate::platform::{Platform, PlatformError};
use journal::{Event, Journal, JournalError, StepState};
use plan::{Action, ErasurePlan, Step};

/// How one step ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome", content = "detail")]
pub enum Outcome {
    /// Applied and read back as intended.
    Verified,
    /// Applied, but reading back shows the subject is still there (or the asset is).
    Unverified(String),
    /// The platform call failed.
    Failed(String),
    /// Not applied: withheld, manual or already clean.
    Skipped,
}

/// Reports progress of an apply run (a progress bar, or nothing).
pub trait ApplyProgress: Sync {
    fn step_done(&self) {}
}

/// Progress that goes nowhere.
pub struct Quiet;
impl ApplyProgress for Quiet {}

/// Carries out the plan's delete and scrub steps on `jobs` threads. Steps the journal
/// marks done are skipped; steps in flight when a previous run died are checked on the
/// platform first and only repeated when they had not taken effect.
pub fn apply(
    plan: &ErasurePlan,
    platform: &dyn Platform,
    journal_path: &std::path::Path,
    jobs: usize,
    progress: &dyn ApplyProgress,
) -> Result<BTreeMap<usize, Outcome>, JournalError> {
    let (_, states) = Journal::read(journal_path)?;
    let journal = Journal::open(journal_path)?;
    journal.record(Event::Begin, None, Some(plan.sha256()))?;
    let work: Vec<usize> = (0..plan.steps.len())
        .filter(|&i| matches!(plan.steps[i].action, Action::Delete | Action::Scrub))
        .filter(|i| states.get(i) != Some(&StepState::Done))
        .collect();
    let next = AtomicUsize::new(0);
    let results: Mutex<BTreeMap<usize, Outcome>> = Mutex::new(BTreeMap::new());
    let failure: Mutex<Option<JournalError>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, 32) {
            scope.spawn(|| {
                while let Some(&i) = work.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let in_flight = states.get(&i) == Some(&StepState::InFlight);
                    match apply_step(&plan.steps[i], i, in_flight, platform, &journal) {
                        Ok(outcome) => {
                            results
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .insert(i, outcome);
                        }
                        Err(e) => {
                            // Without a journal nothing more may change: stop every thread.
                            *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                            next.store(work.len(), Ordering::Relaxed);
                        }
                    }
                    progress.step_done();
                }
            });
        }
    });
    if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    Ok(results.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// One step: check an in-flight step, write the intent, call the platform, write the
/// outcome. `Failed` outcomes are returned, not raised, so other steps go on.
fn apply_step(
    step: &Step,
    index: usize,
    in_flight: bool,
    platform: &dyn Platform,
    journal: &Journal,
) -> Result<Outcome, JournalError> {
    if in_flight && already_applied(step, platform) {
        journal.record(
            Event::Done,
            Some(index),
            Some("found done on resume".into()),
        )?;
        return Ok(Outcome::Verified);
    }
    journal.record(Event::Intent, Some(index), None)?;
    let result = match step.action {
        Action::Delete => match platform.delete(&step.asset) {
            // Gone already (deleted by someone else, or by the call that died with us).
            Err(e) if e.is_not_found() => Ok(()),
            other => other,
        },
        Action::Scrub => platform.update(&step.asset, &step.changes).map(|_| ()),
        _ => Ok(()),
    };
    match result {
        Ok(()) => {
            journal.record(Event::Done, Some(index), None)?;
            Ok(Outcome::Verified)
        }
        Err(e) => {
            journal.record(Event::Failed, Some(index), Some(error_kind(&e).to_owned()))?;
            Ok(Outcome::Failed(e.to_string()))
        }
    }
}

/// Whether an in-flight step took effect before the previous run died.
fn already_applied(step: &Step, platform: &dyn Platform) -> bool {
    match (step.action, platform.get(&step.asset)) {
        (Action::Delete, Err(e)) => e.is_not_found(),
        (Action::Scrub, Ok(asset)) => step
            .changes
            .iter()
            .all(|(field, value)| asset.metadata.get(field) == value.as_ref()),
        _ => false,
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

/// Reads every applied asset back: a deleted one must be gone, a scrubbed one must no
/// longer hold the subject at medium confidence or above.
pub fn verify_step(step: &Step, platform: &dyn Platform, matcher: &Matcher) -> Outcome {
    match (step.action, platform.get(&step.asset)) {
        (Action::Delete, Err(e)) if e.is_not_found() => Outcome::Verified,
        (Action::Delete, Ok(_)) => Outcome::Unverified("the asset still exists".to_owned()),
        (Action::Scrub, Ok(asset)) => {
            let left: Vec<String> = matcher
                .matches(&asset.metadata)
                .into_iter()
                .filter(|m| m.confidence >= Confidence::Medium)
                .map(|m| m.field)
                .collect();
            if left.is_empty() {
                Outcome::Verified
            } else {
                Outcome::Unverified(format!(
                    "the subject is still in field(s) {}",
                    left.join(", ")
                ))
            }
        }
        (Action::Scrub, Err(e)) if e.is_not_found() => {
            Outcome::Unverified("the asset disappeared instead of being scrubbed".to_owned())
        }
        (_, Err(e)) => Outcome::Unverified(format!("cannot read it back: {e}")),
        _ => Outcome::Skipped,
    }
}
