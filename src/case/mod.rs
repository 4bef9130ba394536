//! Cases: one data-subject request each — the right asked for, the subject's identities,
//! the deadline, the matches a person reviewed, and what has been done. A case lives in its
//! own owner-only folder under the tenant's data folder, beside what its operations write.
//!
//! A case is a record the controller keeps. Once closed and past the tenant's records
//! retention it can be purged ([`CaseStore::purge`]): its personal data goes — the
//! identities and matches in `case.json`, plans holding values, journals, reports,
//! packages — and what remains is the case's record without them and its signed receipts,
//! which hold salted hashes only, so the tenant's receipt ledger still verifies.

pub mod deadline;
pub mod retention;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::fsutil;
use crate::index::locate::Hit;
use crate::matching::identity::Identity;
use crate::matching::matcher::{Confidence, Rule};
use crate::matching::related::Found;

/// The right a subject exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Right {
    Access,
    Portability,
    Rectification,
    Erasure,
    Restriction,
}

impl Right {
    pub fn as_str(self) -> &'static str {
        match self {
            Right::Access => "access",
            Right::Portability => "portability",
            Right::Rectification => "rectification",
            Right::Erasure => "erasure",
            Right::Restriction => "restriction",
        }
    }

    /// The GDPR article granting the right.
    pub fn article(self) -> &'static str {
        match self {
            Right::Access => "Art. 15",
            Right::Portability => "Art. 20",
            Right::Rectification => "Art. 16",
            Right::Erasure => "Art. 17",
            Right::Restriction => "Art. 18",
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
    #[error(
        "case {id} was purged on {at}: its personal data is deleted and nothing can act on it (`dsr case show {id}` shows its record and receipts)"
    )]
    Purged { id: String, at: String },
}

/// The folder of a case's receipts, kept when the case is purged.
pub const RECEIPTS_DIR: &str = "receipts";
/// The case's own file in its folder.
const CASE_FILE: &str = "case.json";

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
    /// Her other identities the asset holds ([`crate::matching::related`]): proposed while
    /// the match is in the reviewed set, searched only once a person accepts one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Found>,
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
            related: hit.related.clone(),
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
    /// Assets a person put in that the matcher did not find, by asset id: kept across
    /// reviews, since no search finds them again. Each is also in `included`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub manual: BTreeMap<String, Inclusion>,
}

/// An asset a person judged the subject's although the matcher did not find it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inclusion {
    pub archive: String,
    pub filename: String,
    /// Why, in the operator's words (it never names the subject: it goes into receipts).
    pub reason: String,
    pub by: String,
    pub at: String,
}

/// The one extension Art. 12(3) allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub at: String,
    pub reason: String,
    pub due: String,
}

/// When and by whom a case's personal data was deleted, and under which retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purge {
    pub at: String,
    pub operator: String,
    /// The tenant's records retention at the time, as the profile gave it (`5y`).
    pub retention: String,
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
    /// Set once the case's personal data was deleted ([`CaseStore::purge`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purged: Option<Purge>,
    /// Every tenant of a request that spans systems (`case open --group`), this one among
    /// them: each holds the case under the same id, reviewed on its own. Empty for a case
    /// of one tenant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tenants: Vec<String>,
    /// Keys of identities found along the way that a person said are not the subject's:
    /// never proposed again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub declined: BTreeSet<String>,
}

/// An identity found along the way, proposed for the case to search with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    #[serde(flatten)]
    pub found: Found,
    /// The reviewed matches holding it.
    pub assets: Vec<String>,
}

/// What a new case needs.
#[derive(Debug, Clone)]
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
            purged: None,
            tenants: Vec::new(),
            declined: BTreeSet::new(),
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

    /// The identities found beside the subject's in her reviewed matches that the case
    /// neither searches with nor was told are someone else's, each with the assets holding
    /// it. A match taken out in review proposes nothing: it may not be hers.
    pub fn proposals(&self) -> Vec<Proposal> {
        let mut by_key: BTreeMap<&str, Proposal> = BTreeMap::new();
        for m in self.reviewed() {
            for found in &m.related {
                if self.declined.contains(&found.key) || self.identities.contains(&found.identity) {
                    continue;
                }
                by_key
                    .entry(&found.key)
                    .or_insert_with(|| Proposal {
                        found: found.clone(),
                        assets: Vec::new(),
                    })
                    .assets
                    .push(m.asset.clone());
            }
        }
        by_key.into_values().collect()
    }

    /// Takes a proposed identity in: the case searches with it from now on. The history
    /// names its kind only, as it outlives a purge.
    pub fn accept(&mut self, found: &Found, at: &str, operator: &str) {
        self.declined.remove(&found.key);
        if !self.identities.contains(&found.identity) {
            self.identities.push(found.identity.clone());
            self.record(
                at,
                operator,
                format!(
                    "accepted a {} found along the way",
                    found.identity.kind.as_str()
                ),
            );
        }
    }

    /// Marks a proposed identity as not the subject's.
    pub fn decline(&mut self, found: &Found, at: &str, operator: &str) {
        if self.declined.insert(found.key.clone()) {
            self.record(
                at,
                operator,
                format!(
                    "declined a {} found along the way",
                    found.identity.kind.as_str()
                ),
            );
        }
    }

    /// Replaces the recorded matches by a fresh search, keeping review decisions for assets
    /// still found. An asset a person put in by hand stays in, found or not: it is listed
    /// as a match without fields where the search does not find it.
    pub fn set_matches(&mut self, hits: &[Hit]) {
        self.matches = hits.iter().map(CaseMatch::from).collect();
        let found: BTreeSet<String> = self.matches.iter().map(|m| m.asset.clone()).collect();
        for (asset, inclusion) in &self.review.manual {
            if !found.contains(asset) {
                self.matches.push(CaseMatch {
                    asset: asset.clone(),
                    archive: inclusion.archive.clone(),
                    filename: inclusion.filename.clone(),
                    confidence: Confidence::Low,
                    fields: Vec::new(),
                    related: Vec::new(),
                });
            }
        }
        let manual = &self.review.manual;
        self.review
            .included
            .retain(|a| found.contains(a) || manual.contains_key(a));
        self.review.excluded.retain(|a| found.contains(a));
    }

    /// Puts in by hand an asset the matcher may not have found, with why: it stays in the
    /// reviewed set across later reviews until a person excludes it.
    pub fn include_by_hand(&mut self, asset: &crate::asset::Asset, inclusion: Inclusion) {
        self.review.excluded.remove(&asset.id);
        self.review.included.insert(asset.id.clone());
        self.review.manual.insert(asset.id.clone(), inclusion);
        if !self.matches.iter().any(|m| m.asset == asset.id) {
            self.matches.push(CaseMatch {
                asset: asset.id.clone(),
                archive: asset.archive.clone(),
                filename: asset.filename.clone(),
                confidence: Confidence::Low,
                fields: Vec::new(),
                related: Vec::new(),
            });
        }
    }

    /// Takes `asset` out of the reviewed set; one put in by hand and not found by the
    /// matcher leaves the case altogether.
    pub fn exclude(&mut self, asset: &str) {
        self.review.included.remove(asset);
        if self.review.manual.remove(asset).is_some() {
            self.matches
                .retain(|m| m.asset != asset || !m.fields.is_empty());
        }
        if self.matches.iter().any(|m| m.asset == asset) {
            self.review.excluded.insert(asset.to_owned());
        }
    }

    /// Why a person put `asset` in by hand, when they did.
    pub fn inclusion(&self, asset: &str) -> Option<&Inclusion> {
        self.review.manual.get(asset)
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

    /// The first day this case is past `retention`: its closing day plus the retention.
    /// `None` while it is open.
    pub fn kept_until(&self, retention: retention::Retention) -> Option<Date> {
        let closed = self.closed_at.as_deref()?;
        let day = deadline::parse_date(closed.get(..10)?)?;
        Some(retention.kept_until(day))
    }

    /// The case without its personal data: what `purge` leaves. The identities, matches,
    /// review, the requester's reference, how they were identified and why the deadline
    /// was extended (free text that may name them) go; the dates, the right and the
    /// history (counts only) stay.
    fn without_personal_data(&self, purge: Purge) -> Case {
        let mut case = Case {
            identities: Vec::new(),
            matches: Vec::new(),
            review: Review::default(),
            declined: BTreeSet::new(),
            reference: None,
            verified_by: None,
            extension: self.extension.clone().map(|e| Extension {
                reason: "[purged]".to_owned(),
                ..e
            }),
            purged: None,
            ..self.clone()
        };
        case.record(
            &purge.at,
            &purge.operator,
            format!(
                "purged: personal data deleted (records retention {})",
                purge.retention
            ),
        );
        case.purged = Some(purge);
        case
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

    /// Opens one case under the same id in each of `stores`, the tenants of a request that
    /// spans systems: the id is the day's next one free in every store, and each case names
    /// every tenant ([`Case::tenants`]). Returns the cases in the stores' order, unsaved
    /// beyond their first write, for the caller to fill with each tenant's matches.
    pub fn open_across(
        stores: &[&CaseStore],
        new: &NewCase,
        now: &str,
        operator: &str,
    ) -> Result<Vec<Case>, CaseError> {
        let day: String = now.chars().take(10).filter(char::is_ascii_digit).collect();
        let mut highest = 0;
        for store in stores {
            fsutil::private_dir(&store.root).map_err(|source| store.io(&store.root, source))?;
            highest = highest.max(store.highest_of_day(&day)?);
        }
        // Creating each folder claims the id in that store; an id taken meanwhile in one
        // store (another dsr process) gives back the folders claimed for it and tries the next.
        let id = (highest + 1..=999)
            .map(|n| format!("{day}-{n:03}"))
            .find(|id| {
                let mut claimed: Vec<PathBuf> = Vec::new();
                for store in stores {
                    let dir = store.root.join(id);
                    if std::fs::DirBuilder::new().create(&dir).is_err() {
                        for dir in &claimed {
                            let _ = fs::remove_dir(dir);
                        }
                        return false;
                    }
                    claimed.push(dir);
                }
                true
            })
            .ok_or_else(|| CaseError::Io {
                path: stores.first().map(|s| s.root.clone()).unwrap_or_default(),
                source: std::io::Error::other("no case id of the day is free in every tenant"),
            })?;
        let tenants: Vec<String> = stores.iter().map(|s| s.tenant.clone()).collect();
        let mut cases = Vec::new();
        for store in stores {
            let dir = store.root.join(&id);
            fsutil::private_dir(&dir).map_err(|source| store.io(&dir, source))?;
            let mut case = Case::unsaved(&id, &store.tenant, new.clone(), now, operator);
            case.tenants = tenants.clone();
            store.save(&case)?;
            cases.push(case);
        }
        Ok(cases)
    }

    /// The highest number among the day's case ids (`day` as `YYYYMMDD`), 0 when none.
    fn highest_of_day(&self, day: &str) -> Result<u32, CaseError> {
        Ok(fs::read_dir(&self.root)
            .map_err(|source| self.io(&self.root, source))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                name.strip_prefix(&format!("{day}-"))?.parse::<u32>().ok()
            })
            .max()
            .unwrap_or(0))
    }

    /// The folder of a case, where its operations write.
    pub fn case_dir(&self, id: &str) -> Result<PathBuf, CaseError> {
        check_id(id)?;
        Ok(self.root.join(id))
    }

    /// A case to work on; a purged case is an error ([`CaseError::Purged`]): nothing may act
    /// on a case whose identities are gone.
    pub fn load(&self, id: &str) -> Result<Case, CaseError> {
        let case = self.load_record(id)?;
        match &case.purged {
            Some(purge) => Err(CaseError::Purged {
                id: case.id.clone(),
                at: purge.at.clone(),
            }),
            None => Ok(case),
        }
    }

    /// A case as recorded, purged or not: for listing and showing.
    pub fn load_record(&self, id: &str) -> Result<Case, CaseError> {
        let path = self.case_dir(id)?.join(CASE_FILE);
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

    /// What purging a case deletes: every file of its folder but its record and its
    /// receipts (relative to the folder, sorted).
    pub fn purgeable_files(&self, id: &str) -> Result<Vec<PathBuf>, CaseError> {
        let dir = self.case_dir(id)?;
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).min_depth(1) {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(&dir).to_owned();
                self.io(&path, e.into())
            })?;
            let relative = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let kept = relative == Path::new(CASE_FILE) || relative.starts_with(RECEIPTS_DIR);
            if !kept && !entry.file_type().is_dir() {
                files.push(relative.to_owned());
            }
        }
        files.sort();
        Ok(files)
    }

    /// Deletes a case's personal data: every file of its folder but its receipts, and the
    /// identities, matches and free text of its record, which is rewritten as
    /// [`Case::without_personal_data`] says. Files go first and the record last, so that a
    /// purge cut short is not yet a purge and runs again. Returns how many files went. The
    /// caller checks that the case may be purged.
    pub fn purge(&self, case: &Case, purge: Purge) -> Result<usize, CaseError> {
        let dir = self.case_dir(&case.id)?;
        let files = self.purgeable_files(&case.id)?.len();
        let entries = fs::read_dir(&dir).map_err(|source| self.io(&dir, source))?;
        for entry in entries {
            let entry = entry.map_err(|source| self.io(&dir, source))?;
            let name = entry.file_name();
            if name == CASE_FILE || name == RECEIPTS_DIR {
                continue;
            }
            let path = entry.path();
            let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed.map_err(|source| self.io(&path, source))?;
        }
        self.save(&case.without_personal_data(purge))?;
        Ok(files)
    }

    pub fn save(&self, case: &Case) -> Result<(), CaseError> {
        let path = self.case_dir(&case.id)?.join(CASE_FILE);
        let json = serde_json::to_vec_pretty(case).map_err(|source| CaseError::Damaged {
            id: case.id.clone(),
            path: path.clone(),
            source,
        })?;
        fsutil::write_atomic(&path, &json).map_err(|source| self.io(&path, source))
    }

    /// Every case, purged ones too, oldest first. A damaged case is reported, not skipped.
    pub fn list(&self) -> Result<Vec<Case>, CaseError> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(self.io(&self.root, source)),
        };
        let mut ids: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join(CASE_FILE).exists())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|id| check_id(id).is_ok())
            .collect();
        ids.sort();
        ids.iter().map(|id| self.load_record(id)).collect()
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
    use crate::matching::identity::IdentityKind;

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
    fn a_purge_deletes_personal_data_and_keeps_the_record_and_receipts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = CaseStore::new("t", dir.path());
        let mut new = new_case(Right::Erasure);
        new.reference = Some("letter of a@example.com".to_owned());
        let mut case = store.open(new, "2020-01-02T10:00:00Z", "op").expect("open");
        case.closed_at = Some("2020-02-03T10:00:00Z".to_owned());
        store.save(&case).expect("save");
        let folder = store.case_dir(&case.id).expect("folder");
        for (file, text) in [
            ("erase-plan.json", "a@example.com"),
            ("package/index.html", "a@example.com"),
            ("receipts/001-erasure/receipt.json", "{}"),
        ] {
            let path = folder.join(file);
            fs::create_dir_all(path.parent().expect("parent")).expect("folder");
            fs::write(&path, text).expect("file");
        }
        assert_eq!(
            store.purgeable_files(&case.id).expect("files"),
            [
                PathBuf::from("erase-plan.json"),
                PathBuf::from("package/index.html")
            ]
        );
        let retention = retention::Retention::parse("1y").expect("1y");
        assert_eq!(
            case.kept_until(retention),
            deadline::parse_date("2021-02-03")
        );
        let purge = Purge {
            at: "2026-01-01T00:00:00Z".to_owned(),
            operator: "op".to_owned(),
            retention: "1y".to_owned(),
        };
        assert_eq!(store.purge(&case, purge).expect("purge"), 2);
        let mut left: Vec<PathBuf> = walkdir::WalkDir::new(&folder)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                e.expect("entry")
                    .path()
                    .strip_prefix(&folder)
                    .expect("inside")
                    .to_owned()
            })
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                PathBuf::from("case.json"),
                PathBuf::from("receipts"),
                PathBuf::from("receipts/001-erasure"),
                PathBuf::from("receipts/001-erasure/receipt.json"),
            ]
        );
        let text = fs::read_to_string(folder.join("case.json")).expect("record");
        assert!(!text.contains("a@example.com"), "{text}");
        assert!(matches!(
            store.load(&case.id),
            Err(CaseError::Purged { .. })
        ));
        let record = store.load_record(&case.id).expect("the record");
        assert!(record.purged.is_some() && record.identities.is_empty());
        assert_eq!(record.received, case.received);
        assert_eq!(store.list().expect("list").len(), 1);
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
