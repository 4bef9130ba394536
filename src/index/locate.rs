//! Finds every asset holding a person: candidates from the index, each confirmed and graded
//! by the matcher on the asset's own values.

use std::collections::BTreeSet;

use serde::Serialize;

use super::state::{SyncSummary, Unreadable};
use super::sync::{SyncError, TenantFiles};
use super::{IndexError, IndexSettings, TenantIndex};
use crate::matching::identity::{
    Identity, IdentityError, IdentityKind, plain_international, probes, vouch_for_phone_key,
};
use crate::matching::matcher::{Confidence, Matcher, Rule};

/// One asset holding the person, with every place they were found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Hit {
    pub asset: String,
    pub archive: String,
    pub filename: String,
    /// The strongest confidence among the matches.
    pub confidence: Confidence,
    pub matches: Vec<HitMatch>,
    /// Identities the asset holds beside the subject's, for the same person as a field
    /// she was found in with high confidence ([`crate::matching::related`]): proposed to a
    /// person, never searched unaccepted. Not part of locate's answer.
    #[serde(skip)]
    pub related: Vec<crate::matching::related::Found>,
}

/// One place in an asset where an identity was found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HitMatch {
    pub field: String,
    pub label: String,
    /// The identity that matched, as `kind:value`.
    pub identity: String,
    pub rule: Rule,
    pub confidence: Confidence,
    /// The subject's own value as written in the field.
    pub value: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LocateError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    State(#[from] SyncError),
    #[error("at least one identity is needed: --email, --name, --phone, --login or --text")]
    NoIdentity,
}

/// An opened index ready to answer many searches.
pub struct Locator {
    index: TenantIndex,
    state: SyncSummary,
    settings: IndexSettings,
    unreadable: Unreadable,
}

impl Locator {
    pub fn open(files: &TenantFiles, settings: IndexSettings) -> Result<Locator, LocateError> {
        log::info!("opening the index {}", files.index().display());
        let state = files.load_summary()?;
        if state.synced_at.is_none() {
            // Its sync state written by another version of dsr reads as never synced: say
            // what it is, so that no one takes the tenant for never indexed.
            if super::state::SyncState::of_another_version(&files.state()) {
                return Err(IndexError::OtherSchema(files.index()).into());
            }
            return Err(IndexError::NotSynced.into());
        }
        let index = TenantIndex::open(&files.index())?;
        Ok(Locator {
            index,
            state,
            settings,
            unreadable: files.load_unreadable()?,
        })
    }

    /// The assets the last sync could not read: no answer of this locator searched them.
    pub fn unreadable(&self) -> &BTreeSet<String> {
        &self.unreadable.assets
    }

    /// Every asset holding one of the identities at `min` confidence or above, strongest
    /// first, then by asset id. The hits propose no related identities: see
    /// [`Locator::find_with_proposals`].
    pub fn find(&self, identities: &[Identity], min: Confidence) -> Result<Vec<Hit>, LocateError> {
        self.search(identities, min, false)
    }

    /// As [`Locator::find`], each hit with the identities it holds beside the subject's
    /// ([`Hit::related`]), for a case to propose. Only a case needs them, and working out a
    /// phone's key loads the phone library's metadata, which costs a process more than the
    /// search of a million assets: a plain locate leaves them out.
    pub fn find_with_proposals(
        &self,
        identities: &[Identity],
        min: Confidence,
    ) -> Result<Vec<Hit>, LocateError> {
        self.search(identities, min, true)
    }

    /// Tells the phone reader which searched numbers are written as a key of this index
    /// ([`vouch_for_phone_key`]): those are read without the phone library. A key the index
    /// cannot confirm is left to the library: slower, never another answer.
    fn vouch_for_phone_keys(&self, identities: &[Identity]) {
        for identity in identities {
            if identity.kind != IdentityKind::Phone {
                continue;
            }
            if let Some(key) = plain_international(&identity.value)
                && self.index.has_phone_key(&key).unwrap_or(false)
            {
                vouch_for_phone_key(&key, self.settings.region);
            }
        }
    }

    fn search(
        &self,
        identities: &[Identity],
        min: Confidence,
        proposals: bool,
    ) -> Result<Vec<Hit>, LocateError> {
        if identities.is_empty() {
            return Err(LocateError::NoIdentity);
        }
        self.vouch_for_phone_keys(identities);
        let probes = probes(identities, self.settings.region)?;
        let started = std::time::Instant::now();
        let kinds: Vec<&str> = identities.iter().map(|i| i.kind.as_str()).collect();
        log::info!(
            "searching {} identities ({}) from {min:?} confidence",
            identities.len(),
            kinds.join(", ")
        );
        let matcher = Matcher::new(
            probes.clone(),
            self.settings.roles.clone(),
            self.settings.region,
        );
        let known = if proposals {
            crate::matching::related::keys(identities, self.settings.region)
        } else {
            BTreeSet::new()
        };
        let mut hits: Vec<Hit> = self.index.confirm_candidates(&probes, |asset| {
            let matches: Vec<HitMatch> = matcher
                .matches(&asset.metadata)
                .into_iter()
                .filter(|m| m.confidence >= min)
                .map(|m| HitMatch {
                    label: self.state.label(&m.field),
                    identity: identities[m.identity].to_string(),
                    field: m.field,
                    rule: m.rule,
                    confidence: m.confidence,
                    value: m.value,
                })
                .collect();
            let confidence = matches.iter().map(|m| m.confidence).max()?;
            let certain: BTreeSet<&str> = matches
                .iter()
                .filter(|m| m.confidence == Confidence::High)
                .map(|m| m.field.as_str())
                .collect();
            let related = if proposals {
                crate::matching::related::related(
                    &asset.metadata,
                    &certain,
                    &self.settings.roles,
                    self.settings.region,
                    &known,
                )
            } else {
                Vec::new()
            };
            Some(Hit {
                asset: asset.id,
                archive: asset.archive,
                filename: asset.filename,
                confidence,
                matches,
                related,
            })
        })?;
        hits.sort_by(|a, b| {
            b.confidence
                .cmp(&a.confidence)
                .then_with(|| a.asset.cmp(&b.asset))
        });
        log::info!("{} asset(s) matched in {:?}", hits.len(), started.elapsed());
        Ok(hits)
    }
}
