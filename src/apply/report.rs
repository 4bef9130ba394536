//! How a run ended, step by step: what a receipt is issued from.

use serde::{Deserialize, Serialize};

use super::Action;

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
