//! The plan of a run: what it carries out, and one step per asset, decided before anything
//! changes. Its SHA-256 names it in the journal and in the receipt.
//!
//! A leaf module: the types a plan is made of (every operation's intent among them) live
//! here and depend on no operation, so the operations that make plans (erasure,
//! rectification) and [`crate::apply`], which carries them out, import it and not each
//! other. Its JSON is pinned by a golden test: changing it changes every plan hash.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::asset::{Asset, FieldValue};
use crate::matching::identity::Identity;
use crate::matching::matcher::Confidence;
use crate::platform::MetadataChanges;

/// The plan format written by this version.
pub const PLAN_FORMAT: u32 = 2;

/// What a plan carries out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "operation", rename_all = "lowercase")]
pub enum Intent {
    /// Art. 17: delete or scrub.
    Erasure {
        strategy: Strategy,
        /// What happens to images that show the subject beside other people.
        #[serde(default, skip_serializing_if = "ShownWithOthers::is_report")]
        shown_with_others: ShownWithOthers,
        /// Why such images are kept, in the controller's words (with `keep`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// What happens to the subject's own account and the comments she wrote, where
        /// the platform holds such records. Left out of the plan's JSON when it is the
        /// default, so plans without records hash as before.
        #[serde(default, skip_serializing_if = "RecordPolicy::is_default")]
        records: RecordPolicy,
    },
    /// Art. 16: replace a value or set fields.
    Rectification { change: Change },
    /// Art. 18: mark the subject's assets as restricted (put `value` into `field`), or,
    /// with `lift`, take the mark away again.
    Restriction {
        field: String,
        value: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        lift: bool,
    },
}

impl Intent {
    /// `erasure` or `rectification`.
    pub fn name(&self) -> &'static str {
        match self {
            Intent::Erasure { .. } => "erasure",
            Intent::Rectification { .. } => "rectification",
            Intent::Restriction { .. } => "restriction",
        }
    }
}

/// How the plan treats assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Delete what shows the subject and no one else, or was uploaded by the subject and
    /// holds no one else; scrub the rest.
    Auto,
    /// Never delete: remove only the subject's values.
    Scrub,
    /// Delete every asset of the reviewed set.
    Delete,
}

/// What happens to an image that shows the subject beside other people. Scrubbing its
/// metadata cannot take her out of the picture; deleting it takes the others with her.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShownWithOthers {
    /// Scrub its metadata and report it as "image still shows the subject": not done.
    #[default]
    Report,
    /// Delete it.
    Delete,
    /// Scrub its metadata and keep the image, a decision the receipt records with its
    /// reason.
    Keep,
}

impl ShownWithOthers {
    pub fn is_report(&self) -> bool {
        *self == ShownWithOthers::Report
    }
}

/// What an erasure does with the records of a person that are not assets: her own user
/// account, the comments she wrote and the albums she owns. Comments that merely name her are scrubbed like
/// captions whatever this says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPolicy {
    #[serde(default)]
    pub account: AccountPolicy,
    #[serde(default)]
    pub authored_comments: AuthoredComments,
    /// The login of the account her albums are handed to; without one they are deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_to: Option<String>,
}

impl RecordPolicy {
    pub fn is_default(&self) -> bool {
        *self == RecordPolicy::default()
    }
}

/// The subject's own user account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountPolicy {
    /// Delete it: a leaver's account has no purpose left, and a disabled one still holds
    /// her data (Art. 17(1)(a), storage limitation).
    #[default]
    Delete,
    /// Disable it and clear its personal fields (name, e-mail, phone, address,
    /// description; a login that is hers becomes `former-user-<id>`), for a platform or
    /// a controller that must keep the account itself.
    Disable,
}

/// Comments the subject wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthoredComments {
    /// Delete them: what she wrote is her personal data as much as her name is.
    #[default]
    Delete,
    /// Keep them with `[former user]` as the author and her names taken out of the text,
    /// where the discussion must stay readable.
    Anonymise,
}

/// The correction asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Change {
    /// Put `to` where the subject's `from` stands, in `fields` only when any are named.
    Replace {
        from: Identity,
        to: String,
        #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
        fields: BTreeSet<String>,
    },
    /// Put each field's value where the field holds the subject's (an empty value removes
    /// the subject's entry); with `add`, also into the field on assets where it does not.
    Set {
        fields: BTreeMap<String, String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        add: bool,
    },
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
            .filter(|(_, s)| s.changes_platform())
    }
}

pub use crate::encode::hex;

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
    /// Restriction: the asset is marked as restricted.
    Restrict,
    /// Restriction lifted: the asset's mark is taken away.
    Lift,
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
            Action::Restrict => "restrict",
            Action::Lift => "lift",
            Action::Withheld => "withheld",
            Action::Manual => "manual",
            Action::Clean => "clean",
        }
    }

    /// Whether the step changes the platform.
    pub fn changes(self) -> bool {
        matches!(
            self,
            Action::Delete | Action::Scrub | Action::Rectify | Action::Restrict | Action::Lift
        )
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
    /// The weakest match of the subject this step acts on, and that its read-back must no
    /// longer find: medium where no person looked, low on an asset a person reviewed in
    /// (then "J. Doe" or a misspelt name there is the subject's too).
    #[serde(
        default = "Confidence::medium",
        skip_serializing_if = "Confidence::is_medium"
    )]
    pub acts_from: Confidence,
    /// Erasure: the image shows the subject beside other people. Its metadata is scrubbed,
    /// but the subject stays in the picture, so the step is never reported as clean.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shows_subject: bool,
    /// Fields that hold the subject but that this step cannot change (the platform does
    /// not let dsr write them, or the value cannot be separated): left for a person, and
    /// not part of the read-back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_fields: Vec<String>,
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
            acts_from: Confidence::Medium,
            shows_subject: false,
            left_fields: Vec::new(),
        }
    }

    /// Whether carrying the step out changes the platform: a changing action, or a
    /// withheld record whose details the hold does not need are masked (an order).
    pub fn changes_platform(&self) -> bool {
        self.action.changes() || (self.action == Action::Withheld && !self.changes.is_empty())
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
