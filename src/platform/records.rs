//! The records a tenant in the `dir` layout keeps of people beside its files — in a folder
//! (the `dir` platform) or copied to object storage (the `objects` platform), read the
//! same way by both — laid out so that they index, match and erase exactly like FotoWeb's
//! (see [`crate::platform::fotoweb::RecordId`] and [`crate::fields::records`]):
//!
//! - user accounts, comments, albums, album shares and orders as `.records/<record id>.json`
//!   (`.records/users/42.json`, `.records/Staff/a.png/comments/3.json`,
//!   `.records/albums/5/shares/1.json`, `.records/orders/7.json`), each holding a
//!   `metadata` map like a sidecar's, keyed by the fields of [`crate::fields::records`];
//!   the record's kind, and so the archive it is indexed under, follows from its id;
//! - an asset's consent status in its own sidecar, under `consentStatus` in FotoWeb's shape,
//!   read as the record `<asset id>/consent`: like FotoWeb's, it goes with the asset and
//!   names the people the asset shows, so it stops naming her when the asset does.
//!
//! A record is read, changed and deleted where its sidecar is kept, as a sidecar is: on
//! `dir` through the same no-link walk (a link in `.records/` is never followed). An order
//! is never deleted (bookkeeping), and a consent status is not changed on its own, as on
//! FotoWeb.

use std::collections::{BTreeMap, BTreeSet};

use crate::asset::{Asset, Metadata};
use crate::fields::records as f;
use crate::platform::fotoweb::RecordId;
use crate::platform::{MetadataChanges, PlatformError};

/// The folder of the tenant that holds its records.
pub(super) const RECORDS_FOLDER: &str = ".records";

/// What an id names in a `dir` tenant.
pub(super) enum Named {
    /// A record kept in `.records/`, at the path given (the record's "file", whose sidecar
    /// `<path>.json` holds it).
    Kept { path: String, archive: &'static str },
    /// An asset's consent status, read from the asset's sidecar.
    Consent { asset: String },
    /// An asset.
    Asset,
}

/// What `id` names.
pub(super) fn named(id: &str) -> Named {
    match RecordId::parse(id) {
        None => Named::Asset,
        Some(RecordId::Consent { asset }) => Named::Consent { asset },
        Some(record) => Named::Kept {
            path: format!("{RECORDS_FOLDER}/{id}"),
            archive: archive_of(&record),
        },
    }
}

/// The archive a record is indexed under: its kind.
fn archive_of(record: &RecordId) -> &'static str {
    match record {
        RecordId::User(_) => f::USERS,
        RecordId::Comment { .. } => f::COMMENTS,
        RecordId::Album(_) => f::ALBUMS,
        RecordId::Share { .. } => f::SHARES,
        RecordId::Order(_) => f::ORDERS,
        RecordId::Consent { .. } => f::CONSENTS,
    }
}

/// Why a consent status is not changed on its own.
pub(super) const CONSENT_FOLLOWS_ITS_ASSET: &str =
    "an asset's consent status is not changed on its own: it follows the asset's people shown";

/// The record id of a listed `.records/…` path, when it names one. Anything else in
/// `.records/` stays an asset of its own (it may hold personal data too, so it is still
/// searched), as do consent statuses, which live in sidecars.
pub(super) fn listed_record(listed: &str) -> Option<&str> {
    let id = listed.strip_prefix(RECORDS_FOLDER)?.strip_prefix('/')?;
    match RecordId::parse(id) {
        Some(RecordId::Consent { .. }) | None => None,
        Some(_) => Some(id),
    }
}

/// The asset read at a record's path, named as the record.
pub(super) fn as_record(mut asset: Asset, id: &str, archive: &str) -> Asset {
    let last = id.rsplit('/').next().unwrap_or_default();
    asset.filename = format!("{archive}-{last}.json");
    asset.id = id.to_owned();
    asset.archive = archive.to_owned();
    asset
}

/// Refuses what a kind of record does not allow: an order is an accounting record and a
/// consent status goes with its asset, as on FotoWeb.
pub(super) fn deletable(id: &str) -> Result<(), PlatformError> {
    match RecordId::parse(id) {
        Some(RecordId::Order(_)) => Err(PlatformError::Unsupported(
            "an order is an accounting record: it is kept, never deleted",
        )),
        Some(RecordId::Consent { .. }) => Err(PlatformError::Unsupported(
            "an asset's consent status goes with the asset: it is not deleted alone",
        )),
        _ => Ok(()),
    }
}

/// The field labels of a tenant in the `dir` layout: a folder or a bucket has no schema,
/// so FotoWeb's usual fields and the records' own.
pub(super) fn labels() -> std::collections::BTreeMap<String, String> {
    let mut labels = crate::fields::default_labels();
    for (id, label) in f::LABELS {
        labels.insert(id.to_owned(), label.to_owned());
    }
    labels
}

/// The consent status an asset's sidecar (its JSON, `json`) holds, as its record.
pub(super) fn consent_of(asset: &Asset, json: &serde_json::Value) -> Option<Asset> {
    crate::platform::fotoweb::consent_asset(
        &asset.id,
        &asset.metadata,
        json.get("consentStatus"),
        asset.modified.as_deref(),
    )
}

/// A tenant of the `dir` layout (a folder, or a bucket of one), whose records are sidecars
/// under `.records/`: what [`update`] and [`store_has_login`] need of it.
pub(super) trait SidecarStore {
    /// Changes the sidecar at `path` (an asset's id, or where a record is kept).
    fn change_sidecar(
        &self,
        path: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError>;
    /// The ids of the tenant's user accounts.
    fn account_ids(&self) -> Result<Vec<String>, PlatformError>;
    /// Reads an asset or a record by its id.
    fn read_id(&self, id: &str) -> Result<Asset, PlatformError>;
}

/// Changes an asset or a record of `store`. A record's changes are made as FotoWeb makes
/// them (an album handed over takes its new owner's name from her account); a consent
/// status is never changed on its own.
pub(super) fn update(
    store: &impl SidecarStore,
    id: &str,
    changes: &MetadataChanges,
    expected: Option<&str>,
) -> Result<Asset, PlatformError> {
    match named(id) {
        Named::Asset => store.change_sidecar(id, changes, expected),
        Named::Kept { path, archive } => {
            let changes = as_made(id, changes, |login| {
                account_with_login(&store.account_ids()?, login, |id| store.read_id(id))
            })?;
            store
                .change_sidecar(&path, &changes, expected)
                .map(|asset| as_record(asset, id, archive))
                .map_err(renamed(id))
        }
        Named::Consent { .. } => Err(PlatformError::Unsupported(CONSENT_FOLLOWS_ITS_ASSET)),
    }
}

/// Whether `store` keeps user accounts (`None` when it keeps none), and one has `login`.
pub(super) fn store_has_login(
    store: &impl SidecarStore,
    login: &str,
) -> Result<Option<bool>, PlatformError> {
    let accounts = store.account_ids()?;
    if accounts.is_empty() {
        return Ok(None);
    }
    let found = account_with_login(&accounts, login, |id| store.read_id(id))?;
    Ok(Some(found.is_some()))
}

/// Names a record's own id where an error names the path it is kept at.
pub(super) fn renamed(id: &str) -> impl Fn(PlatformError) -> PlatformError + '_ {
    move |error| match error {
        PlatformError::NotFound { .. } => PlatformError::NotFound { id: id.to_owned() },
        PlatformError::Conflict { .. } => PlatformError::Conflict { id: id.to_owned() },
        PlatformError::VersionsRemain { .. } => PlatformError::VersionsRemain { id: id.to_owned() },
        other => other,
    }
}

/// Whether `id` names a user account.
pub(super) fn is_account(id: &str) -> bool {
    matches!(RecordId::parse(id), Some(RecordId::User(_)))
}

/// Whether an account's metadata holds `login`.
fn has_login(account: &Metadata, login: &str) -> bool {
    account
        .get(f::USER_LOGIN)
        .is_some_and(|v| v.items().iter().any(|l| l.trim() == login.trim()))
}

/// The account among `accounts` (ids, each read with `read`) that has `login`.
pub(super) fn account_with_login(
    accounts: &[String],
    login: &str,
    read: impl Fn(&str) -> Result<Asset, PlatformError>,
) -> Result<Option<Asset>, PlatformError> {
    for id in accounts {
        let account = read(id)?;
        if has_login(&account.metadata, login) {
            return Ok(Some(account));
        }
    }
    Ok(None)
}

/// The changes of record `id` as the platform makes them. An album handed to another
/// account (a new [`f::ALBUM_OWNER`]) takes that account's full name as its owner's name,
/// as FotoWeb's does, where the name follows the owner: left as it was, the name would
/// still be hers. `account` finds the account with a login; none is refused, as FotoWeb
/// refuses it.
pub(super) fn as_made(
    id: &str,
    changes: &MetadataChanges,
    account: impl FnOnce(&str) -> Result<Option<Asset>, PlatformError>,
) -> Result<MetadataChanges, PlatformError> {
    let mut made = changes.clone();
    let new_owner = match (RecordId::parse(id), changes.get(f::ALBUM_OWNER)) {
        (Some(RecordId::Album(_)), Some(Some(owner))) => owner.items().join(", "),
        _ => return Ok(made),
    };
    let account = account(&new_owner)?.ok_or_else(|| {
        PlatformError::Rejected("no account has the login the album was to be handed to".to_owned())
    })?;
    made.insert(
        f::ALBUM_OWNER_NAME.to_owned(),
        account.metadata.get(f::USER_NAME).cloned(),
    );
    Ok(made)
}

/// What a scan learns of consent statuses, which are never listed: they are read with
/// their assets. The known ones are kept aside, to tell at the end which went with their
/// asset (the asset gone, or read again without one); the rest are still there.
///
/// Almost every asset is read without a consent status, and only the few with a known one
/// matter: an asset read without one waits only until the known versions walked beside the
/// listing have passed where its consent's id would sort ([`ConsentsSeen::passed`]). Kept
/// until the end, every asset's id was held: most of a gigabyte at ten million assets.
#[derive(Default)]
pub(super) struct ConsentsSeen {
    /// Each known consent's id, by its asset's.
    known: BTreeMap<String, String>,
    /// Assets read without a consent status whose known one, if any, is not known yet.
    waiting: Vec<String>,
    /// Assets with a known consent status that were read without one.
    without: BTreeSet<String>,
}

impl ConsentsSeen {
    /// Keeps a known id aside when it names a consent status: true when it did.
    pub(super) fn known(&mut self, id: &str) -> bool {
        match named(id) {
            Named::Consent { asset } => {
                self.known.insert(asset, id.to_owned());
                true
            }
            _ => false,
        }
    }

    /// Notes that `asset` was read and holds no consent status.
    pub(super) fn read_without(&mut self, asset: &str) {
        self.waiting.push(asset.to_owned());
    }

    /// Every known id sorting before `next` went through [`ConsentsSeen::known`] (`None`:
    /// every known id did): the assets read without a consent status whose consent's id
    /// sorts before it are settled, and forgotten unless they had one.
    pub(super) fn passed(&mut self, next: Option<&str>) {
        let waiting = std::mem::take(&mut self.waiting);
        for asset in waiting {
            let settled = next.is_none_or(|next| consent_sorts_before(&asset, next));
            if !settled {
                self.waiting.push(asset);
            } else if self.known.contains_key(&asset) {
                self.without.insert(asset);
            }
        }
    }

    /// The known consent statuses that went: their asset is in `removed` (sorted) or was
    /// read without one.
    pub(super) fn gone(mut self, removed: &[String]) -> Vec<String> {
        self.passed(None);
        self.known
            .into_iter()
            .filter(|(asset, _)| {
                removed.binary_search(asset).is_ok() || self.without.contains(asset)
            })
            .map(|(_, id)| id)
            .collect()
    }
}

/// What an asset's id is followed by in the id of its consent status (see
/// [`RecordId::parse`]).
const CONSENT_SUFFIX: &str = "/consent";

/// The id of `asset`'s consent status.
pub(super) fn consent_id(asset: &str) -> String {
    format!("{asset}{CONSENT_SUFFIX}")
}

/// Whether [`consent_id`]`(asset)` sorts before `next`, without making it: a first sync
/// asks this of every asset it reads.
fn consent_sorts_before(asset: &str, next: &str) -> bool {
    match next.strip_prefix(asset) {
        // They differ only after the asset's id.
        Some(rest) => CONSENT_SUFFIX < rest,
        // They differ within it, or `next` is a shorter prefix of it and sorts first.
        None => asset < next,
    }
}

/// A record has no file: what the subject provided is the record itself, as JSON (the
/// shape FotoWeb's records and the `sql` platform's rows take).
pub(super) fn record_json(asset: &Asset) -> Vec<u8> {
    let json = serde_json::json!({
        "kind": asset.archive,
        "id": asset.id,
        "changed": asset.modified,
        "fields": asset.metadata,
    });
    serde_json::to_vec_pretty(&json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consent_id_is_placed_among_ids_as_when_made() {
        let ids = [
            "A/x.png",
            "A/x.png.d/y.png",
            "A/x.png-2",
            "A/x.png/comments/1",
            "A/x.png/consent",
            "A/x.png/consent/z",
            "A/x.png/d",
            "A/x.pn",
            "A/y.png",
            "A",
            "",
        ];
        for asset in ["A/x.png", "A/x", "A/y.png"] {
            for next in ids {
                assert_eq!(
                    consent_sorts_before(asset, next),
                    consent_id(asset).as_str() < next,
                    "{asset} before {next}"
                );
            }
        }
    }

    #[test]
    fn records_are_told_from_the_assets_beside_them() {
        assert_eq!(listed_record(".records/users/42"), Some("users/42"));
        assert_eq!(
            listed_record(".records/Staff/a.png/comments/3"),
            Some("Staff/a.png/comments/3")
        );
        assert_eq!(listed_record(".records/orders/7"), Some("orders/7"));
        assert_eq!(listed_record(".records/notes.txt"), None);
        assert_eq!(listed_record(".records/Staff/a.png/consent"), None);
        assert_eq!(listed_record("Staff/users/42"), None);
        assert!(matches!(
            named("users/42"),
            Named::Kept {
                archive: "users",
                ..
            }
        ));
        assert!(matches!(
            named("Staff/a.png/consent"),
            Named::Consent { .. }
        ));
        assert!(matches!(named("Staff/a.png"), Named::Asset));
        assert!(deletable("orders/7").is_err());
        assert!(deletable("users/42").is_ok());
    }
}
