//! Cases: one data-subject request each — the right asked for, the subject's identities,
//! the deadline, the matches a person reviewed, and what has been done. A case lives in its
//! own owner-only folder under the tenant's data folder, beside what its operations write.

pub mod deadline;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::fsutil;
use crate::index::identity::Identity;
use crate::index::locate::Hit;
use crate::index::matcher::{Confidence, Rule};

/// The right a subject exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Right {
    Access,
    Portability,
    Rectification,
    Erasure,
}

impl Right {
    pub fn as_str(self) -> &'static str {
        match self {
            Right::Access => "access",
            Right::Portability => "portability",
            Right::Rectification => "rectification",
            Right::Erasure => "erasure",
        }
    }

    /// The GDPR article granting the right.
    pub fn article(self) -> &'static str {
        match self {
            Right::Access => "Art. 15",
            Right::Portability => "Art. 20",
            Right::Rectification => "Art. 16",
            Right::Erasure => "Art. 17",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error("there is no case {id} for this tenant: `dsr case list` shows the cases")]
    NotFound { id: String },
    #[error("'{0}' is not a case id: case ids look like 20261201-001")]
    BadId(String),
    #[error("case {id} is damaged: {path}: {source}")]
    Damaged {
        id: String,
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("case {0} was already extended once; Art. 12(3) allows one extension of two months")]
    AlreadyExtended(String),
    #[error("case {0} is closed")]
    Closed(String),
}

/// One asset located for the subject, as recorded when the case was opened or reviewed.
/// Values are not kept: they are re-read from the platform when an operation needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMatch {
    pub asset: String,
    pub archive: String,
    pub filename: String,
    pub confidence: Confidence,
    /// Where in the asset the subject was found.
    pub fields: Vec<MatchedField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchedField {
    pub field: String,
    pub label: String,
    pub rule: Rule,
    pub confidence: Confidence,
}

impl From<&Hit> for CaseMatch {
    fn from(hit: &Hit) -> CaseMatch {
        CaseMatch {
            asset: hit.asset.clone(),
            archive: hit.archive.clone(),
            filename: hit.filename.clone(),
            confidence: hit.confidence,
            fields: hit
                .matches
                .iter()
                .map(|m| MatchedField {
                    field: m.field.clone(),
                    label: m.label.clone(),
                    rule: m.rule,
                    confidence: m.confidence,
                })
                .collect(),
        }
    }
}

/// What a person decided in review beyond the default (high matches are in).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Set once a person went through the matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<String>,
    /// Medium or low matches a person put in.
    #[serde(default)]
    pub included: BTreeSet<String>,
    /// High matches a person took out (not the subject after all).
    #[serde(default)]
    pub excluded: BTreeSet<String>,
}

/// The one extension Art. 12(3) allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub at: String,
    pub reason: String,
    pub due: String,
}

/// Something that happened to the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: String,
    pub operator: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub format: u32,
    pub id: String,
    pub tenant: String,
    pub right: Right,
    pub identities: Vec<Identity>,
    /// `YYYY-MM-DD`.
    pub received: String,
    /// `YYYY-MM-DD`: one calendar month after receipt, or three once extended.
    pub due: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// How the subject's identity was checked (Art. 12(6)), in the operator's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_by: Option<String>,
    pub opened_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    #[serde(default)]
    pub matches: Vec<CaseMatch>,
    #[serde(default)]
    pub review: Review,
    #[serde(default)]
    pub history: Vec<Event>,
    /// The bulk run and row this case was opened for (`BATCH#ROW`), so that a resumed
    /// run finds it instead of opening another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
}

/// What a new case needs.
pub struct NewCase {
    pub right: Right,
    pub identities: Vec<Identity>,
    pub received: Date,
    pub reference: Option<String>,
    pub verified_by: Option<String>,
    /// See [`Case::batch`].
    pub batch: Option<String>,
}

impl Case {
    /// A new case with id `id`, not kept anywhere ([`CaseStore::open`] keeps one; a dry run
    /// over a list plans with these).
    pub fn unsaved(id: &str, tenant: &str, new: NewCase, now: &str, operator: &str) -> Case {
        let mut case = Case {
            format: 1,
            id: id.to_owned(),
            tenant: tenant.to_owned(),
            right: new.right,
            identities: new.identities,
            received: deadline::format_date(new.received),
            due: deadline::format_date(deadline::due(new.received)),
            extension: None,
            reference: new.reference,
            verified_by: new.verified_by,
            opened_at: now.to_owned(),
            closed_at: None,
            matches: Vec::new(),
            review: Review::default(),
            history: Vec::new(),
            batch: new.batch,
        };
        case.record(now, operator, format!("opened ({})", case.right.as_str()));
        case
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.is_open() && deadline::parse_date(&self.due).is_some_and(|due| today > due)
    }

    /// What the case acts on: its high matches that review did not take out, and whatever a
    /// person explicitly put in. Medium and low matches are never acted on unreviewed.
    pub fn reviewed(&self) -> Vec<&CaseMatch> {
        self.matches
            .iter()
            .filter(|m| {
                self.review.included.contains(&m.asset)
                    || (m.confidence == Confidence::High
                        && !self.review.excluded.contains(&m.asset))
            })
            .collect()
    }

    /// The weakest match of the subject an operation acts on in `asset`: on an asset a
    /// person reviewed in, every match the matcher makes (the initials or the typo they
    /// looked at are the subject's); elsewhere medium and above.
    pub fn acts_from(&self, asset: &str) -> Confidence {
        if self.review.included.contains(asset) {
            Confidence::Low
        } else {
            Confidence::Medium
        }
    }

    /// Assets the case leaves alone on purpose: matches review took out or never put in.
    /// Finding the subject there again after a change is not a failure of the change.
    pub fn left_out(&self) -> BTreeSet<String> {
        let reviewed: BTreeSet<&str> = self.reviewed().iter().map(|m| m.asset.as_str()).collect();
        self.matches
            .iter()
            .filter(|m| !reviewed.contains(m.asset.as_str()))
            .map(|m| m.asset.clone())
            .collect()
    }

    /// Replaces the recorded matches by a fresh search, keeping review decisions for assets
    /// still found.
    pub fn set_matches(&mut self, hits: &[Hit]) {
        self.matches = hits.iter().map(CaseMatch::from).collect();
        let found: BTreeSet<&str> = self.matches.iter().map(|m| m.asset.as_str()).collect();
        self.review.included.retain(|a| found.contains(a.as_str()));
        self.review.excluded.retain(|a| found.contains(a.as_str()));
    }

    /// Grants the one extension: three months from receipt in all.
    pub fn extend(&mut self, at: &str, reason: &str) -> Result<(), CaseError> {
        if !self.is_open() {
            return Err(CaseError::Closed(self.id.clone()));
        }
        if self.extension.is_some() {
            return Err(CaseError::AlreadyExtended(self.id.clone()));
        }
        let received = deadline::parse_date(&self.received).unwrap_or_else(deadline::today);
        let due = deadline::format_date(deadline::extended_due(received));
        self.extension = Some(Extension {
            at: at.to_owned(),
            reason: reason.to_owned(),
            due: due.clone(),
        });
        self.due = due;
        Ok(())
    }

    pub fn record(&mut self, at: &str, operator: &str, what: impl Into<String>) {
        self.history.push(Event {
            at: at.to_owned(),
            operator: operator.to_owned(),
            what: what.into(),
        });
    }
}

/// The cases of one tenant: `<tenant dir>/cases/<id>/case.json`.
pub struct CaseStore {
    tenant: String,
    root: PathBuf,
}

impl CaseStore {
    pub fn new(tenant: &str, tenant_dir: &Path) -> CaseStore {
        CaseStore {
            tenant: tenant.to_owned(),
            root: tenant_dir.join("cases"),
        }
    }

    /// Opens a new case with the next free id of the day.
    pub fn open(&self, new: NewCase, now: &str, operator: &str) -> Result<Case, CaseError> {
        self.open_with(new, now, operator, |_| {})
    }

    /// [`CaseStore::open`], with `fill` completing the case (its matches, say) before it is
    /// first written: one write instead of two.
    pub fn open_with(
        &self,
        new: NewCase,
        now: &str,
        operator: &str,
        fill: impl FnOnce(&mut Case),
    ) -> Result<Case, CaseError> {
        fsutil::private_dir(&self.root).map_err(|source| self.io(&self.root, source))?;
        let day: String = now.chars().take(10).filter(char::is_ascii_digit).collect();
        // Creating the folder claims the id: two dsr processes cannot take the same one.
        // The search starts after the day's highest id, so a day of a thousand cases does
        // not try a thousand taken ones for each new one.
        let highest = fs::read_dir(&self.root)
            .map_err(|source| self.io(&self.root, source))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                name.strip_prefix(&format!("{day}-"))?.parse::<u32>().ok()
            })
            .max()
            .unwrap_or(0);
        let id = (highest + 1..)
            .map(|n| format!("{day}-{n:03}"))
            .find(|id| {
                let dir = self.root.join(id);
                std::fs::DirBuilder::new().create(&dir).is_ok()
            })
            .unwrap_or_else(|| format!("{day}-000"));
        let dir = self.root.join(&id);
        fsutil::private_dir(&dir).map_err(|source| self.io(&dir, source))?;
        let mut case = Case::unsaved(&id, &self.tenant, new, now, operator);
        fill(&mut case);
        self.save(&case)?;
        Ok(case)
    }

    /// The folder of a case, where its operations write.
    pub fn case_dir(&self, id: &str) -> Result<PathBuf, CaseError> {
        check_id(id)?;
        Ok(self.root.join(id))
    }

    pub fn load(&self, id: &str) -> Result<Case, CaseError> {
        let path = self.case_dir(id)?.join("case.json");
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(CaseError::NotFound { id: id.to_owned() });
            }
            Err(source) => return Err(self.io(&path, source)),
        };
        serde_json::from_slice(&bytes).map_err(|source| CaseError::Damaged {
            id: id.to_owned(),
            path,
            source,
        })
    }

    pub fn save(&self, case: &Case) -> Result<(), CaseError> {
        let path = self.case_dir(&case.id)?.join("case.json");
        let json = serde_json::to_vec_pretty(case).map_err(|source| CaseError::Damaged {
            id: case.id.clone(),
            path: path.clone(),
            source,
        })?;
        fsutil::write_atomic(&path, &json).map_err(|source| self.io(&path, source))
    }

    /// Every case, oldest first. A damaged case is reported, not skipped.
    pub fn list(&self) -> Result<Vec<Case>, CaseError> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(self.io(&self.root, source)),
        };
        let mut ids: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("case.json").exists())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|id| check_id(id).is_ok())
            .collect();
        ids.sort();
        ids.iter().map(|id| self.load(id)).collect()
    }

    fn io(&self, path: &Path, source: std::io::Error) -> CaseError {
        CaseError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// Case ids are `YYYYMMDD-NNN`; anything else could name a path outside the store.
fn check_id(id: &str) -> Result<(), CaseError> {
    let ok = id.len() >= 12
        && id.is_char_boundary(8)
        && id[..8].bytes().all(|b| b.is_ascii_digit())
        && id.as_bytes()[8] == b'-'
        && id[9..].bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(CaseError::BadId(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::identity::IdentityKind;

    fn new_case(right: Right) -> NewCase {
        NewCase {
            right,
            identities: vec![Identity::new(IdentityKind::Email, "a@example.com")],
            received: deadline::parse_date("2026-01-31").expect("date"),
            reference: None,
            verified_by: None,
            batch: None,
        }
    }

    #[test]
    fn ids_are_sequential_per_day_and_paths_are_checked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = CaseStore::new("t", dir.path());
        let now = "2026-12-01T10:00:00Z";
        let a = store
            .open(new_case(Right::Access), now, "op")
            .expect("open");
        let b = store
            .open(new_case(Right::Erasure), now, "op")
            .expect("open");
        assert_eq!(a.id, "20261201-001");
        assert_eq!(b.id, "20261201-002");
        assert_eq!(a.due, "2026-02-28");
        assert_eq!(store.list().expect("list").len(), 2);
        assert!(matches!(store.load("../x"), Err(CaseError::BadId(_))));
        assert!(matches!(
            store.load("20261201-009"),
            Err(CaseError::NotFound { .. })
        ));
    }

    #[test]
    fn one_extension_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = CaseStore::new("t", dir.path());
        let mut case = store
            .open(new_case(Right::Access), "2026-12-01T10:00:00Z", "op")
            .expect("open");
        case.extend("2026-12-02T10:00:00Z", "complex")
            .expect("extend");
        assert_eq!(case.due, "2026-04-30");
        assert!(matches!(
            case.extend("2026-12-03T10:00:00Z", "again"),
            Err(CaseError::AlreadyExtended(_))
        ));
    }
}
