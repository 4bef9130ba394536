//! The records FotoWeb holds of people beside asset metadata, read and changed when the
//! tenant's profile asks for them: user accounts (`/fotoweb/api/users`, user management)
//! and the comments on assets (`<asset>.annotations/`); albums ([`super::albums`]) and
//! orders ([`super::orders`]) follow the same shape.
//!
//! Each record is indexed as an asset of its own kind, the way the `sql` platform indexes a
//! row: id `users/<id>` in archive `users`, or `<asset id>/comments/<id>` in archive
//! `comments`, its personal values in the fields of [`crate::fields::records`]. So locate,
//! access, the erasure plan, the journal and the read-back treat them like assets.
//!
//! FotoWeb shows neither list newest first nor with a total, so every scan reads the whole
//! user list and every asset's comments: a changed record is told by its version (a hash
//! of what dsr reads of it), a removed one by its absence. That costs a request per asset
//! per sync, which is why the records are read only when the profile names them.

use std::collections::BTreeSet;
use std::sync::Mutex;

use reqwest::Method;
use serde_json::{Value, json};
use sha2::Digest;

use super::*;
use crate::asset::Metadata;
use crate::fields::records as f;
use crate::platform::http::{Call, Repeat};
use crate::platform::{Known, PlatformError, Scanned, Since};
use crate::threads::{into_inner, lock};

const USERS_PATH: &str = "/fotoweb/api/users";
const JSON: &str = "application/json";
const ANNOTATION_LIST: &str = "application/vnd.fotoware.annotation-list+json";
const ANNOTATION: &str = "application/vnd.fotoware.annotation+json";

/// A kind of record read beside the assets.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// User accounts: reading needs access to user management's user list; disabling,
    /// clearing or deleting an account needs user management.
    Users,
    /// Comments on assets: reading needs `View` on the archive, changing or deleting
    /// another person's comment the `Comment` permission (as an administrator).
    Comments,
    /// Albums: reading needs the albums the credentials may see (all, for an
    /// administrator) and user management's user list for their owners; deleting one or
    /// handing it to another owner needs the right to manage others' albums.
    Albums,
    /// Shares of albums to people by e-mail: read and removed through each album's sharing.
    Shares,
    /// Orders: reading needs the site's order administration; an order is never deleted
    /// (bookkeeping), and only a pending one can be masked.
    Orders,
    /// Assets' consent statuses (consent management): read with the assets (`View`);
    /// the API has no call to change them.
    Consents,
}

impl RecordKind {
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Users => f::USERS,
            RecordKind::Comments => f::COMMENTS,
            RecordKind::Albums => f::ALBUMS,
            RecordKind::Shares => f::SHARES,
            RecordKind::Orders => f::ORDERS,
            RecordKind::Consents => f::CONSENTS,
        }
    }
}

/// What a record id names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordId {
    User(u64),
    Comment { asset: String, id: u64 },
    Album(u64),
    Share { album: u64, id: u64 },
    Order(u64),
    Consent { asset: String },
}

impl RecordId {
    /// Reads a record id; `None` for an asset's id.
    pub fn parse(id: &str) -> Option<RecordId> {
        let digits = |s: &str| {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if let Some(rest) = id.strip_prefix("users/")
            && let Some(n) = digits(rest)
        {
            return Some(RecordId::User(n));
        }
        if let Some(rest) = id.strip_prefix("orders/")
            && let Some(n) = digits(rest)
        {
            return Some(RecordId::Order(n));
        }
        if let Some(rest) = id.strip_prefix("albums/") {
            if let Some(n) = digits(rest) {
                return Some(RecordId::Album(n));
            }
            if let Some((album, share)) = rest.split_once("/shares/")
                && let (Some(album), Some(id)) = (digits(album), digits(share))
            {
                return Some(RecordId::Share { album, id });
            }
        }
        if let Some(asset) = id.strip_suffix("/consent")
            && asset.contains('/')
        {
            return Some(RecordId::Consent {
                asset: asset.to_owned(),
            });
        }
        let (asset, rest) = id.rsplit_once("/comments/")?;
        let n = digits(rest)?;
        (asset.contains('/')).then(|| RecordId::Comment {
            asset: asset.to_owned(),
            id: n,
        })
    }
}

/// An asset's id and its comments as read.
type CommentsRead = (String, Result<Vec<Asset>, PlatformError>);

/// The version of a record: a hash of what dsr reads of it.
pub(super) fn version(metadata: &Metadata, modified: Option<&str>) -> String {
    let text = serde_json::to_string(&(metadata, modified)).unwrap_or_default();
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

pub(super) fn text(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A user as the API shows it, as an asset.
fn user_asset(user: &Value) -> Option<Asset> {
    let id = user.get("id")?.as_u64()?;
    let address = user.get("address");
    let part = |key: &str| text(address.and_then(|a| a.get(key)));
    let mut metadata = Metadata::new();
    let mut put = |field: &str, value: Option<String>| {
        if let Some(value) = value {
            metadata.insert(field.to_owned(), FieldValue::Single(value));
        }
    };
    put(f::USER_LOGIN, text(user.get("username")));
    put(f::USER_NAME, text(user.get("fullName")));
    put(f::USER_EMAIL, part("email"));
    put(f::USER_PHONE, part("phone"));
    put(f::USER_ADDRESS, postal_address(address));
    put(f::USER_DESCRIPTION, text(user.get("description")));
    let enabled = user
        .get("account")
        .and_then(|a| a.get("isEnabled"))
        .and_then(Value::as_bool);
    put(f::USER_ENABLED, enabled.map(|e| e.to_string()));
    let modified = text(user.get("modified"));
    Some(Asset {
        id: format!("{}/{id}", f::USERS),
        archive: f::USERS.to_owned(),
        filename: format!("user-{id}.json"),
        version: version(&metadata, modified.as_deref()),
        modified,
        metadata,
    })
}

/// A comment as the API shows it, as an asset.
fn comment_asset(asset: &str, comment: &Value) -> Option<(u64, Asset)> {
    let href = comment.get("href")?.as_str()?;
    let id: u64 = href
        .trim_end_matches('/')
        .rsplit('/')
        .next()?
        .parse()
        .ok()?;
    let mut metadata = Metadata::new();
    if let Some(owner) = text(comment.get("owner").and_then(|o| o.get("name"))) {
        metadata.insert(f::COMMENT_AUTHOR.to_owned(), FieldValue::Single(owner));
    }
    if let Some(body) = text(comment.get("text")) {
        metadata.insert(f::COMMENT_TEXT.to_owned(), FieldValue::Single(body));
    }
    let modified = text(comment.get("modified"));
    Some((
        id,
        Asset {
            id: format!("{asset}/comments/{id}"),
            archive: f::COMMENTS.to_owned(),
            filename: format!("comment-{id}.json"),
            version: version(&metadata, modified.as_deref()),
            modified,
            metadata,
        },
    ))
}

/// The link of an asset's comment list, from the asset's `.info` link.
fn comments_href(asset_href: &str) -> String {
    format!(
        "{}.annotations/",
        asset_href.strip_suffix(".info").unwrap_or(asset_href)
    )
}

/// A FotoWeb address object (a user's, an order's owner's) as one line: the street lines,
/// then postcode, city, state and country, each where given.
pub(super) fn postal_address(address: Option<&Value>) -> Option<String> {
    let part = |key: &str| text(address.and_then(|a| a.get(key)));
    let lines: Vec<String> = address
        .and_then(|a| a.get("streetAddress"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| text(Some(s)))
        .chain(
            ["zipCode", "city", "state", "country"]
                .into_iter()
                .filter_map(part),
        )
        .collect();
    (!lines.is_empty()).then(|| lines.join(", "))
}

impl Fotoweb {
    fn not_found(id: &str) -> PlatformError {
        PlatformError::NotFound { id: id.to_owned() }
    }

    pub(super) fn user_url(&self, id: u64) -> Result<Url, PlatformError> {
        self.client.link(&format!("{USERS_PATH}/{id}"))
    }

    fn comment_url(&self, asset: &str, id: u64) -> Result<Url, PlatformError> {
        let href = match self.href_of(asset) {
            Err(e) if e.is_not_found() => return Err(e),
            other => other?,
        };
        self.client.link(&format!("{}{id}", comments_href(&href)))
    }

    /// Every user, following `paging.next` should the list come in pages.
    pub(super) fn list_users(&self) -> Result<Vec<Value>, PlatformError> {
        let mut url = self.client.link(USERS_PATH)?;
        let mut users = Vec::new();
        loop {
            let page: Value = self.get_json(url.clone(), JSON)?;
            let next = match page {
                Value::Array(items) => {
                    users.extend(items);
                    None
                }
                Value::Object(mut object) => {
                    if let Some(Value::Array(items)) = object.remove("data") {
                        users.extend(items);
                    }
                    object
                        .get("paging")
                        .and_then(|p| p.get("next"))
                        .and_then(Value::as_str)
                        .filter(|n| !n.is_empty())
                        .map(str::to_owned)
                }
                _ => {
                    return Err(PlatformError::Protocol {
                        path: url.path().to_owned(),
                        message: "the user list is neither a list nor a page".to_owned(),
                    });
                }
            };
            match next {
                Some(next) => url = self.client.link(&next)?,
                None => return Ok(users),
            }
        }
    }

    /// The comments of one asset, as assets.
    fn comments_of(&self, asset: &str) -> Result<Vec<Asset>, PlatformError> {
        let href = self.href_of(asset)?;
        let url = self.client.link(&comments_href(&href))?;
        let list: Value = match self.get_json(url, ANNOTATION_LIST) {
            Err(PlatformError::Status { status: 404, .. }) => return Err(Self::not_found(asset)),
            other => other?,
        };
        Ok(list
            .get("data")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|c| comment_asset(asset, c).map(|(_, a)| a))
            .collect())
    }

    /// Reads the records the profile names, hands over the new and changed ones, and says
    /// which known records are gone. `assets` are the ids of every live asset (whose
    /// comments are read).
    pub(super) fn scan_records(
        &self,
        since: &Since<'_>,
        assets: &BTreeSet<String>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<Vec<String>, PlatformError> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut failed: BTreeSet<String> = BTreeSet::new();
        let offer = |asset: Asset| {
            let changed = since.full || since.versions.get(&asset.id) != Some(&asset.version);
            if changed {
                found(Scanned::Asset(asset));
            }
        };
        if self.records.contains(&RecordKind::Users) {
            for user in self.list_users()? {
                if let Some(asset) = user_asset(&user) {
                    seen.insert(asset.id.clone());
                    offer(asset);
                }
            }
        }
        if self.records.contains(&RecordKind::Comments) {
            let queue = Mutex::new(assets.iter());
            let results: Mutex<Vec<CommentsRead>> = Mutex::new(Vec::new());
            std::thread::scope(|scope| {
                for _ in 0..since.jobs.clamp(1, assets.len().max(1)) {
                    scope.spawn(|| {
                        while let Some(asset) = lock(&queue).next() {
                            let read = self.comments_of(asset);
                            lock(&results).push((asset.clone(), read));
                        }
                    });
                }
            });
            for (asset, read) in into_inner(results) {
                match read {
                    Ok(comments) => {
                        for comment in comments {
                            seen.insert(comment.id.clone());
                            offer(comment);
                        }
                    }
                    // The asset went between its listing and now: its comments with it.
                    Err(e) if e.is_not_found() => {}
                    // Its comments keep their index entries until they can be read.
                    Err(error) => {
                        failed.insert(asset.clone());
                        found(Scanned::Failed {
                            id: format!("{asset}/comments/"),
                            error,
                        });
                    }
                }
            }
        }
        let mut failed_albums: BTreeSet<u64> = BTreeSet::new();
        if self.records.contains(&RecordKind::Albums) || self.records.contains(&RecordKind::Shares)
        {
            self.scan_albums(
                &offer,
                &mut |id| {
                    seen.insert(id);
                },
                &mut |album, error| {
                    failed_albums.insert(album);
                    found(Scanned::Failed {
                        id: format!("{}/{album}/shares/", f::ALBUMS),
                        error,
                    });
                },
            )?;
        }
        // Orders that cannot be read keep their index entries: the scan says so, and a
        // locate still finds what was found of her there.
        let mut orders_failed = false;
        if self.records.contains(&RecordKind::Orders) {
            match self.list_orders() {
                Ok(orders) => {
                    for order in &orders {
                        if let Some((_, asset)) = super::orders::order_asset(order) {
                            seen.insert(asset.id.clone());
                            offer(asset);
                        }
                    }
                }
                Err(error) => {
                    orders_failed = true;
                    found(Scanned::Failed {
                        id: format!("{}/", f::ORDERS),
                        error,
                    });
                }
            }
        }
        let removed = since
            .versions
            .keys()
            // A kind the profile no longer names leaves the index with its records.
            .filter(|id| match RecordId::parse(id) {
                Some(RecordId::User(_)) => {
                    !self.records.contains(&RecordKind::Users) || !seen.contains(*id)
                }
                Some(RecordId::Comment { asset, .. }) => {
                    !self.records.contains(&RecordKind::Comments)
                        || (!failed.contains(&asset) && !seen.contains(*id))
                }
                Some(RecordId::Album(_)) => {
                    !self.records.contains(&RecordKind::Albums) || !seen.contains(*id)
                }
                Some(RecordId::Share { album, .. }) => {
                    !self.records.contains(&RecordKind::Shares)
                        || (!failed_albums.contains(&album) && !seen.contains(*id))
                }
                Some(RecordId::Order(_)) => {
                    !self.records.contains(&RecordKind::Orders)
                        || (!orders_failed && !seen.contains(*id))
                }
                // Told with the asset listing (see `scan`).
                Some(RecordId::Consent { .. }) => false,
                None => false,
            })
            .map(str::to_owned)
            .collect();
        Ok(removed)
    }

    /// Reads one record.
    pub(super) fn get_record(&self, id: &str, record: &RecordId) -> Result<Asset, PlatformError> {
        let read = |url: Url, accept: &str| match self.get_json::<Value>(url, accept) {
            Err(PlatformError::Status { status: 404, .. }) => Err(Self::not_found(id)),
            other => other,
        };
        match record {
            RecordId::User(n) => {
                let user = read(self.user_url(*n)?, JSON)?;
                user_asset(&user).ok_or_else(|| PlatformError::Protocol {
                    path: format!("{USERS_PATH}/{n}"),
                    message: "the user has no id".to_owned(),
                })
            }
            RecordId::Comment { asset, id: n } => {
                let comment = read(self.comment_url(asset, *n)?, ANNOTATION)?;
                comment_asset(asset, &comment)
                    .map(|(_, a)| a)
                    .ok_or_else(|| PlatformError::Protocol {
                        path: format!("{asset}/comments/{n}"),
                        message: "the comment has no link".to_owned(),
                    })
            }
            RecordId::Album(_) | RecordId::Share { .. } => self.get_album_record(id, record),
            RecordId::Order(n) => self.get_order(id, *n),
            RecordId::Consent { asset } => self.get_consent(id, asset),
        }
    }

    /// Changes one record's fields: a user through a PUT of the whole user with the changes
    /// made, a comment through a PUT of its text and author. Answers the record read back.
    pub(super) fn update_record(
        &self,
        id: &str,
        record: &RecordId,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        match record {
            RecordId::Album(n) => return self.update_album(id, *n, changes, expected),
            RecordId::Share { .. } => {
                return Err(PlatformError::Unsupported(
                    "a share is removed, not changed",
                ));
            }
            RecordId::Order(n) => return self.update_order(id, *n, changes, expected),
            RecordId::Consent { .. } => {
                return Err(PlatformError::Unsupported(
                    "FotoWeb's API has no call to change an asset's consent status: consent forms are revoked in its consent management",
                ));
            }
            _ => {}
        }
        if let Some(expected) = expected
            && self.get_record(id, record)?.version != expected
        {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        let value = |field: &str| -> Option<Option<String>> {
            changes
                .get(field)
                .map(|v| v.as_ref().map(|v| v.items().join(", ")))
        };
        let (url, accept, body) = match record {
            RecordId::User(n) => {
                let url = self.user_url(*n)?;
                let mut user: Value = match self.get_json(url.clone(), JSON) {
                    Err(PlatformError::Status { status: 404, .. }) => {
                        return Err(Self::not_found(id));
                    }
                    other => other?,
                };
                edit_user(&mut user, &value);
                (url, JSON, user)
            }
            RecordId::Comment { asset, id: n } => {
                let url = self.comment_url(asset, *n)?;
                let current = self.get_record(id, record)?;
                let now = |field: &str| match value(field) {
                    Some(v) => v.unwrap_or_default(),
                    None => current
                        .metadata
                        .get(field)
                        .map(|v| v.items().join(", "))
                        .unwrap_or_default(),
                };
                let body = json!({
                    "text": now(f::COMMENT_TEXT),
                    "owner": { "name": now(f::COMMENT_AUTHOR) },
                });
                (url, ANNOTATION, body)
            }
            RecordId::Album(_)
            | RecordId::Share { .. }
            | RecordId::Order(_)
            | RecordId::Consent { .. } => {
                return Err(Self::not_found(id));
            }
        };
        let call = Call {
            method: Method::PUT,
            url,
            accept,
            body: Some((
                JSON,
                serde_json::to_vec(&body).map_err(|e| PlatformError::Rejected(e.to_string()))?,
            )),
            timeout: None,
            // The same values however often it is sent.
            repeat: Repeat::Freely,
        };
        match self.client.send(&call) {
            Err(PlatformError::Status { status: 404, .. }) => return Err(Self::not_found(id)),
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        // What the server answered is not the proof; reading it back is.
        self.get_record(id, record)
    }

    /// A record has no file: what the subject provided is the record itself, written as
    /// JSON (the shape the `sql` platform gives a row).
    pub(super) fn download_record(
        &self,
        id: &str,
        record: &RecordId,
        to: &mut dyn std::io::Write,
    ) -> Result<u64, PlatformError> {
        let asset = self.get_record(id, record)?;
        let json = json!({
            "kind": asset.archive,
            "id": asset.id,
            "changed": asset.modified,
            "fields": asset.metadata,
        });
        let bytes = serde_json::to_vec_pretty(&json).unwrap_or_default();
        to.write_all(&bytes).map_err(|source| PlatformError::Io {
            path: std::path::PathBuf::from(id),
            source,
        })?;
        Ok(bytes.len() as u64)
    }

    /// Deletes one record (204); a record already gone is [`PlatformError::NotFound`].
    pub(super) fn delete_record(&self, id: &str, record: &RecordId) -> Result<(), PlatformError> {
        let url = match record {
            RecordId::User(n) => self.user_url(*n)?,
            RecordId::Comment { asset, id: n } => self.comment_url(asset, *n)?,
            RecordId::Album(_) | RecordId::Share { .. } => {
                return self.delete_album_record(id, record);
            }
            RecordId::Order(_) => {
                return Err(PlatformError::Unsupported(
                    "an order is an accounting record: it is kept, never deleted",
                ));
            }
            RecordId::Consent { .. } => {
                return Err(PlatformError::Unsupported(
                    "an asset's consent status goes with the asset: FotoWeb's API cannot delete it alone",
                ));
            }
        };
        let call = Call {
            method: Method::DELETE,
            url,
            accept: JSON,
            body: None,
            timeout: None,
            // Deleting what is gone changes nothing: a lost answer is settled by a 404.
            repeat: Repeat::Freely,
        };
        match self.client.send(&call) {
            Err(PlatformError::Status { status: 404, .. }) => Err(Self::not_found(id)),
            Err(e) => Err(e),
            Ok(_) => Ok(()),
        }
    }

    /// What the credentials may do with each kind of record the profile names, as label
    /// and value for `tenant check`, found by reading (nothing is changed to find out).
    /// `view` and `comment`: whether every archive grants `View` and `Comment`.
    pub(super) fn records_facts(&self, view: bool, comment: bool) -> Vec<(String, String)> {
        let yes = |b: bool| if b { "yes" } else { "NO" };
        let mut facts = Vec::new();
        if self.records.contains(&RecordKind::Users) {
            let read = match self.list_users() {
                Ok(users) => format!("yes ({} accounts)", users.len()),
                Err(e) => format!("NO ({e})"),
            };
            facts.push(("user accounts: read".to_owned(), read));
            facts.push((
                "user accounts: change, delete".to_owned(),
                "need user management; FotoWeb tells only when one is tried, and an account it refuses is reported not erased".to_owned(),
            ));
        }
        if self.records.contains(&RecordKind::Comments) {
            facts.push(("comments: read (View)".to_owned(), yes(view).to_owned()));
            facts.push((
                "comments: change, delete (Comment)".to_owned(),
                yes(comment).to_owned(),
            ));
        }
        if self.records.contains(&RecordKind::Consents) {
            facts.push((
                "consent statuses: read (View)".to_owned(),
                yes(view).to_owned(),
            ));
            facts.push((
                "consent statuses: change".to_owned(),
                "not through the API: they follow the asset, and consent forms are revoked in FotoWeb's consent management".to_owned(),
            ));
        }
        facts.extend(self.albums_facts());
        facts.extend(self.orders_facts());
        facts
    }
}

/// Makes `changes` (field → new value, `None` to clear) in a user as the API shows it.
fn edit_user(user: &mut Value, value: &dyn Fn(&str) -> Option<Option<String>>) {
    let Value::Object(map) = user else { return };
    let text = |v: Option<String>| Value::String(v.unwrap_or_default());
    if let Some(v) = value(f::USER_LOGIN) {
        map.insert("username".to_owned(), text(v));
    }
    if let Some(v) = value(f::USER_DESCRIPTION) {
        map.insert("description".to_owned(), text(v));
    }
    if let Some(v) = value(f::USER_ENABLED) {
        let enabled = v.is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        let account = map.entry("account").or_insert_with(|| json!({}));
        if let Value::Object(account) = account {
            account.insert("isEnabled".to_owned(), Value::Bool(enabled));
        }
    }
    let address = map.entry("address").or_insert_with(|| json!({}));
    let Value::Object(address) = address else {
        return;
    };
    if let Some(v) = value(f::USER_EMAIL) {
        address.insert("email".to_owned(), text(v));
    }
    if let Some(v) = value(f::USER_PHONE) {
        address.insert("phone".to_owned(), text(v));
    }
    // The full name is read-only: it is made from the given name and surname.
    if let Some(v) = value(f::USER_NAME) {
        let v = v.unwrap_or_default();
        let (given, surname) = match v.trim().rsplit_once(' ') {
            Some((given, surname)) => (given.trim().to_owned(), surname.to_owned()),
            None => (String::new(), v.trim().to_owned()),
        };
        address.insert("givenName".to_owned(), Value::String(given));
        address.insert("surname".to_owned(), Value::String(surname));
        address.insert("middleName".to_owned(), Value::String(String::new()));
    }
    // The address is indexed as one text: a change sets it as the street address.
    if let Some(v) = value(f::USER_ADDRESS) {
        let street: Vec<String> = v.into_iter().collect();
        address.insert("streetAddress".to_owned(), json!(street));
        for key in ["zipCode", "city", "state", "country"] {
            address.insert(key.to_owned(), Value::String(String::new()));
        }
    }
}

/// The ids in `versions` that are assets, not records.
pub(super) fn asset_versions(versions: Known<'_>) -> Known<'_> {
    versions.only(|id| RecordId::parse(id).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn record_ids_are_told_from_asset_ids() {
        assert_eq!(RecordId::parse("users/15010"), Some(RecordId::User(15010)));
        assert_eq!(
            RecordId::parse("Staff/shared.png/comments/2"),
            Some(RecordId::Comment {
                asset: "Staff/shared.png".to_owned(),
                id: 2
            })
        );
        assert_eq!(RecordId::parse("Staff/shared.png"), None);
        assert_eq!(RecordId::parse("users/portrait.png"), None);
        assert_eq!(RecordId::parse("comments/2"), None);
        assert_eq!(RecordId::parse("albums/501"), Some(RecordId::Album(501)));
        assert_eq!(
            RecordId::parse("albums/501/shares/2"),
            Some(RecordId::Share { album: 501, id: 2 })
        );
        assert_eq!(RecordId::parse("albums/cover.png"), None);
        assert_eq!(RecordId::parse("orders/7001"), Some(RecordId::Order(7001)));
        assert_eq!(RecordId::parse("orders/receipt.pdf"), None);
        assert_eq!(
            RecordId::parse("Staff/shared.png/consent"),
            Some(RecordId::Consent {
                asset: "Staff/shared.png".to_owned()
            })
        );
        assert_eq!(RecordId::parse("Staff/consent"), None);
    }

    #[test]
    fn a_disabled_account_keeps_only_what_is_not_personal() {
        let mut user = json!({"id": 7, "username": "jdoe", "address": {"givenName": "Jane", "surname": "Doe", "email": "jane.doe@example.com", "city": "Bergen", "streetAddress": ["1 Harbour Street"]}, "account": {"isEnabled": true}});
        let changes: BTreeMap<&str, Option<String>> = [
            (f::USER_NAME, None),
            (f::USER_EMAIL, None),
            (f::USER_ADDRESS, None),
            (f::USER_ENABLED, Some("false".to_owned())),
        ]
        .into_iter()
        .collect();
        edit_user(&mut user, &|field| changes.get(field).cloned());
        assert_eq!(user["account"]["isEnabled"], json!(false));
        assert_eq!(user["address"]["email"], json!(""));
        assert_eq!(user["address"]["givenName"], json!(""));
        assert_eq!(user["address"]["streetAddress"], json!([]));
        assert_eq!(user["address"]["city"], json!(""));
        assert_eq!(user["username"], json!("jdoe"));
    }
}
