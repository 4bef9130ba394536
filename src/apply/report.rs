//! How a run ended, step by step: what a receipt is issued from.

use serde::{Deserialize, Serialize};

use super::Action;
use crate::platform::FileStep;

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
    /// Left for a person: a field dsr cannot change still holds the subject (what it
    /// could change was changed and read back).
    Manual,
    /// Nothing to do: read back, the asset does not hold the subject.
    Clean,
    /// The metadata was scrubbed and read back, but the image itself shows the subject
    /// beside other people: edit or delete it by hand. Never clean.
    #[serde(rename = "image-still-shows-subject")]
    ImageStillShowsSubject,
    /// The asset was deleted or changed, but the store still keeps earlier versions of
    /// it (a versioned bucket whose credentials may not delete them): what the run was to
    /// remove is still there. Never done, and not an ordinary failure: the store's
    /// permissions must change before another run can finish it.
    #[serde(rename = "versions-remain")]
    VersionsRemain,
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
            Outcome::ImageStillShowsSubject => "image-still-shows-subject",
            Outcome::VersionsRemain => "versions-remain",
        }
    }

    /// The step is not done and needs another run or a person.
    pub fn is_left(self) -> bool {
        matches!(
            self,
            Outcome::Unverified
                | Outcome::Failed
                | Outcome::Manual
                | Outcome::ImageStillShowsSubject
                | Outcome::VersionsRemain
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
    /// The files behind the asset its deletion deleted, or tried to (a database row's
    /// file in an object store), each named by a hash of its key.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileStep>,
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
    /// Every asset where a locate after the run, with the request's identities and at the
    /// confidence the run acted on there, still finds what the run was to remove (the
    /// subject, or the old value), other than assets review left out: withheld ones, ones
    /// left for a person, and any the run did not manage. A step on one of them is never
    /// reported as done ([`RunReport::reconcile`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remaining: Vec<String>,
    /// The controller's reason for keeping images that still show the subject beside
    /// other people (`--shown-with-others keep`): such steps are then not left undone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images_kept: Option<String>,
    /// Assets the last sync could not read: the run could not look for the subject there,
    /// so it is not complete while any remain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_searched: Vec<String>,
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

    /// Whether this step is not done and needs another run or a person. An image kept by
    /// the controller's recorded decision is not.
    pub fn is_left(&self, step: &StepReport) -> bool {
        step.outcome.is_left()
            && !(step.outcome == Outcome::ImageStillShowsSubject && self.images_kept.is_some())
    }

    /// The steps that are not done.
    pub fn left(&self) -> impl Iterator<Item = &StepReport> {
        self.steps.iter().filter(|s| self.is_left(s))
    }

    /// The assets still found that no step accounts for: found after the run although
    /// no step was left undone or withheld there (new data, or an asset outside the plan).
    pub fn unexplained(&self) -> impl Iterator<Item = &String> {
        self.remaining.iter().filter(|asset| {
            !self
                .steps
                .iter()
                .any(|s| &s.asset == *asset && (self.is_left(s) || s.outcome == Outcome::Withheld))
        })
    }

    /// Everything that should change did, was read back, a locate after the run finds
    /// nothing it should not, and no asset went unsearched. Withheld steps do not count against it: they are reported as
    /// withheld.
    pub fn complete(&self) -> bool {
        self.left().next().is_none()
            && self.unexplained().next().is_none()
            && self.not_searched.is_empty()
    }

    /// Makes the steps agree with a locate after the run: `found` are the assets where it
    /// still finds what the run was to remove. A step there is not done, whatever its
    /// read-back said (only a read-back that locate confirms is called done); a step that
    /// left its asset alone on purpose keeps its outcome.
    pub fn reconcile(&mut self, found: Vec<String>) {
        for step in &mut self.steps {
            let done = matches!(
                step.outcome,
                Outcome::Verified | Outcome::Clean | Outcome::ImageStillShowsSubject
            );
            if done && found.contains(&step.asset) {
                step.outcome = Outcome::Unverified;
                step.detail = format!(
                    "{}; but a locate after the run still finds the subject here",
                    step.detail
                );
            }
        }
        self.remaining = found;
    }
}
