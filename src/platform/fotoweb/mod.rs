//! The FotoWeb connector: a tenant reached through FotoWeb's REST API.
//!
//! It starts at the private entry point (`/fotoweb/me/`) and follows the links the server
//! gives — the archive list, each archive's `data`, `paging.next` (and `paging.last` and
//! `prev`), the background-task and rendition services — rather than building URLs. The one exception is turning an asset
//! id back into its `.info` link when no scan has seen it in this process; FotoWeb
//! documents those links as path-based, so the archive's link plus the encoded path is used.
//!
//! An asset's id is `<archive name>/<path inside the archive>`, the same id the `dir`
//! platform gives the same file, so a tenant exported to a folder and the live tenant
//! index alike.
//!
//! Incremental scans read each archive newest-modified first (FotoWeb's default order) and
//! stop at the first asset older than the archive's watermark. Deletions do not show in
//! such a listing, so the archive's `assetCount` is compared with what the index holds;
//! when they differ, that archive is listed in full to find what is gone.
//!
//! A scan reads archives on several threads at once; a thread with no archive left to start
//! reads one being listed in full from its last page backwards, to meet its owner halfway
//! (see [`board::Board`]).

mod albums;
mod board;
mod cache;
mod consents;
mod convert;
mod delete;
mod listing;
mod model;
mod orders;
mod records;
mod requests;

pub use consents::consent_asset;
pub use records::{RecordId, RecordKind};

use convert::{asset_from, version_of};

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use percent_encoding::{AsciiSet, CONTROLS};
use reqwest::Method;
use url::Url;

use super::http::{Auth, Call, Client, Poll, Repeat};

use super::{
    ArchiveAccess, Connection, Description, MetadataChanges, Platform, PlatformError, ScanEnd,
    Scanned, Since,
};
use crate::asset::{Asset, FieldValue};
use crate::fields;
use serde::{Deserialize, Serialize};

const DESCRIPTOR: &str = "application/vnd.fotoware.full-api-descriptor+json";
const COLLECTION_LIST: &str = "application/vnd.fotoware.collectionlist+json";
const ASSET_LIST: &str = "application/vnd.fotoware.assetlist+json";
const ASSET: &str = "application/vnd.fotoware.asset+json";
const ASSET_UPDATE: &str = "application/vnd.fotoware.assetupdate+json";
const METADATA_VIEW: &str = "application/vnd.fotoware.metadata-set+json";
const DELETE_REQUEST: &str = "application/vnd.fotoware.delete-request+json";
const DELETE_RESPONSE: &str = "application/vnd.fotoware.delete-response+json";
const TASK_STATUS: &str = "application/vnd.fotoware.task-status+json";
const RENDITION_REQUEST: &str = "application/vnd.fotoware.rendition-request+json";
const RENDITION_RESPONSE: &str = "application/vnd.fotoware.rendition-response+json";

/// How long a background task or a rendition may take before dsr gives up on it.
const TASK_LIMIT: Duration = Duration::from_secs(600);

/// How many delete requests are sent for one asset at most, each only after the asset
/// showed no sign of the one before.
const DELETE_REQUESTS: u32 = 3;

/// How long a delete request whose answer was lost is given to show its effect (the asset
/// gone) before dsr concludes it never reached the server. A delete task asks to be polled
/// every second (`maxInterval`) and deletes one asset in far less than this.
const LOST_ANSWER_WAIT: Duration = Duration::from_secs(10);

/// Characters encoded in one path segment of an asset link.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b';')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A FotoWeb tenant.
pub struct Fotoweb {
    client: Client,
    descriptor: OnceLock<model::Descriptor>,
    archives: Mutex<Option<Vec<model::Archive>>>,
    /// Asset id → its link, as listings gave it.
    hrefs: Mutex<HashMap<String, String>>,
    /// The records read beside the assets (see [`records`]).
    records: std::collections::BTreeSet<RecordKind>,
    /// What the last [`Platform::access`] found about the records.
    facts: Mutex<Vec<(String, String)>>,
    /// Each album's address as last seen (see [`albums`]).
    album_hrefs: albums::AlbumAddresses,
}

/// FotoWeb's OAuth2 token endpoint.
/// How dsr authenticates to a FotoWeb server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthKind {
    /// OAuth2 client credentials: a client id and secret buy a short-lived token.
    #[default]
    Oauth,
    /// The legacy `FWAPIToken` header, for on-premises servers that still take it.
    ApiKey,
}

impl AuthKind {
    /// The default, which the profile leaves unwritten.
    pub fn is_default(&self) -> bool {
        *self == AuthKind::Oauth
    }
}

const TOKEN_PATH: &str = "/fotoweb/oauth2/token";
/// The header of FotoWeb's legacy API key.
const API_KEY_HEADER: &str = "FWAPIToken";

impl Fotoweb {
    /// Prepares the connector; nothing is sent until an operation needs it.
    pub fn open(
        url: &str,
        auth: AuthKind,
        client_id: Option<&str>,
        connection: Connection,
    ) -> Result<Fotoweb, PlatformError> {
        super::http::check_url(url).map_err(|m| PlatformError::Rejected(m.to_owned()))?;
        let mut base = Url::parse(url).map_err(|e| PlatformError::Rejected(format!("{e}")))?;
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let secret = connection.secret.unwrap_or_else(|| {
            std::sync::Arc::new(|| Err("no client secret was given".to_owned()))
        });
        let auth = match auth {
            AuthKind::Oauth => Auth::ClientCredentials {
                token_path: TOKEN_PATH,
                client_id: client_id.unwrap_or_default().to_owned(),
                secret,
                cache: connection.token_cache,
            },
            AuthKind::ApiKey => Auth::ApiKey {
                header: API_KEY_HEADER,
                secret,
            },
        };
        let mut client = Client::new(base, auth, connection.timeouts, connection.waiting)?;
        if let Some(limit) = connection.max_requests {
            client.limit_requests(limit);
        }
        Ok(Fotoweb {
            client,
            descriptor: OnceLock::new(),
            archives: Mutex::new(None),
            hrefs: Mutex::new(HashMap::new()),
            records: std::collections::BTreeSet::new(),
            facts: Mutex::new(Vec::new()),
            album_hrefs: albums::AlbumAddresses::default(),
        })
    }

    /// Reads these records beside the assets, as assets of their own kind.
    pub fn with_records(mut self, kinds: &[RecordKind]) -> Fotoweb {
        self.records = kinds.iter().copied().collect();
        self
    }

    /// The record an id names, when the profile reads that kind of record.
    fn record(&self, id: &str) -> Option<RecordId> {
        let record = RecordId::parse(id)?;
        let kind = match record {
            RecordId::User(_) => RecordKind::Users,
            RecordId::Comment { .. } => RecordKind::Comments,
            RecordId::Album(_) => RecordKind::Albums,
            RecordId::Share { .. } => RecordKind::Shares,
            RecordId::Order(_) => RecordKind::Orders,
            RecordId::Consent { .. } => RecordKind::Consents,
        };
        self.records.contains(&kind).then_some(record)
    }

    /// Requests sent so far (benchmarks report it).
    pub fn requests_made(&self) -> u64 {
        self.client.requests_made()
    }
}

impl Platform for Fotoweb {
    fn describe(&self) -> Result<Description, PlatformError> {
        let archives = self.archives()?;
        let mut labels = fields::default_labels();
        let mut writable = std::collections::BTreeSet::new();
        for view in self.metadata_views(&archives) {
            for field in view.fields() {
                let Some(id) = field.field.id() else { continue };
                if let Some(label) = field.field.label.filter(|l| !l.trim().is_empty()) {
                    labels.insert(id.clone(), label);
                }
                if field.is_writable.unwrap_or(true) {
                    writable.insert(id);
                }
            }
        }
        if !self.records.is_empty() {
            for (id, label) in fields::records::LABELS {
                labels.insert(id.to_owned(), label.to_owned());
                writable.insert(id.to_owned());
            }
        }
        Ok(Description { labels, writable })
    }

    /// Scans the archives on up to `since.jobs` threads (see [`board::Board`]).
    fn scan(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError> {
        if self.records.is_empty() {
            return self.scan_archives(since, found);
        }
        // The archives are listed as ever, blind to the records' ids; the assets they
        // hand over are noted, so that the comments of every live asset are read after.
        let assets_only = records::asset_versions(since.versions);
        let listed = Mutex::new(std::collections::BTreeSet::new());
        let consents = Mutex::new(std::collections::BTreeSet::new());
        let noting = |scanned: Scanned| {
            if let Scanned::Asset(asset) = &scanned {
                if asset.archive == fields::records::CONSENTS {
                    crate::threads::lock(&consents).insert(asset.id.clone());
                } else {
                    crate::threads::lock(&listed).insert(asset.id.clone());
                }
            }
            found(scanned);
        };
        let mut end = self.scan_archives(
            &Since {
                versions: assets_only,
                ..*since
            },
            &noting,
        )?;
        let listed = crate::threads::into_inner(listed);
        let consents = crate::threads::into_inner(consents);
        // A consent goes with its asset, with a kind the profile no longer names, and from
        // an asset listed again without one (an asset not listed kept its consent).
        let reading = self.records.contains(&RecordKind::Consents);
        let consents_gone: Vec<String> = since
            .versions
            .keys()
            .filter(|id| match RecordId::parse(id) {
                Some(RecordId::Consent { asset }) => {
                    !reading
                        || end.removed.contains(&asset)
                        || (listed.contains(&asset) && !consents.contains(*id))
                }
                _ => false,
            })
            .map(str::to_owned)
            .collect();
        let mut live = listed;
        let removed: std::collections::HashSet<&str> =
            end.removed.iter().map(String::as_str).collect();
        live.extend(
            assets_only
                .keys()
                .filter(|id| !removed.contains(id))
                .map(str::to_owned),
        );
        let gone = self.scan_records(since, &live, found)?;
        end.removed.extend(gone);
        end.removed.extend(consents_gone);
        Ok(end)
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        if let Some(record) = self.record(id) {
            return self.get_record(id, &record);
        }
        let item = self.get_asset(id)?;
        let archives = self.archives()?;
        let archive_name = id.split('/').next().unwrap_or_default();
        let archive = archives
            .iter()
            .find(|a| a.name == archive_name)
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
        let version = version_of(&item);
        Ok(asset_from(archive, item, id.to_owned(), version))
    }

    /// PATCHes the changed fields: bags as arrays, singles as strings, `[]` to clear.
    ///
    /// With `expected`, the asset is read again right before the PATCH and its version
    /// compared: FotoWeb documents no ETag or `If-Match` (the last write wins), so this
    /// re-read is the closest the API allows to a conditional write. It narrows the window
    /// for someone else's edit to the time between that read and the PATCH; it cannot
    /// close it.
    fn update(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        if let Some(record) = self.record(id) {
            return self.update_record(id, &record, changes, expected);
        }
        let href = self.href_of(id)?;
        if let Some(expected) = expected
            && version_of(&self.get_asset(id)?) != expected
        {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        let metadata: serde_json::Map<String, serde_json::Value> = changes
            .iter()
            .map(|(field, value)| {
                let value = match value {
                    None => serde_json::json!([]),
                    Some(FieldValue::Single(s)) => serde_json::json!(s),
                    Some(FieldValue::Bag(items)) => serde_json::json!(items),
                };
                (field.clone(), serde_json::json!({ "value": value }))
            })
            .collect();
        let body = serde_json::to_vec(&serde_json::json!({ "metadata": metadata }))
            .map_err(|e| PlatformError::Rejected(e.to_string()))?;
        let call = Call {
            method: Method::PATCH,
            url: self.client.link(&href)?,
            accept: ASSET,
            body: Some((ASSET_UPDATE, body)),
            timeout: None,
            repeat: Repeat::Freely,
        };
        match self.client.send(&call) {
            Err(PlatformError::Status { status: 404, .. }) => {
                return Err(PlatformError::NotFound { id: id.to_owned() });
            }
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        // The PATCH answer is the updated asset, but reading it back is what proves it.
        self.get(id)
    }

    /// Deletes through a `delete-request` background task and polls it to its end. The
    /// task's link is the handle: a task a killed run left is polled again, and only when
    /// it cannot be followed to a good end is a new one requested.
    fn delete_following(
        &self,
        id: &str,
        handle: Option<&str>,
        accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError> {
        // A record is deleted at once, with no task to follow.
        if let Some(record) = self.record(id) {
            return self.delete_record(id, &record);
        }
        self.delete_by_task(id, handle, accepted)
    }

    /// Asks the rendition service for the original and streams it to `to` once ready.
    fn download(&self, id: &str, to: &mut dyn Write) -> Result<u64, PlatformError> {
        if let Some(record) = self.record(id) {
            return self.download_record(id, &record, to);
        }
        let asset = self.get_asset(id)?;
        let mut link = self.request_original(&asset)?;
        let mut renewed = false;
        let mut poll = Poll::new(Duration::from_secs(5), TASK_LIMIT);
        loop {
            let call = Call {
                method: Method::GET,
                url: link.clone(),
                accept: "application/octet-stream, */*",
                body: None,
                timeout: Some(Duration::from_secs(3600)),
                repeat: Repeat::Freely,
            };
            match self.client.send(&call) {
                Ok(response) if response.status() == reqwest::StatusCode::ACCEPTED => {
                    if !poll.wait() {
                        return Err(PlatformError::Rejected(format!(
                            "the original of {id} was not ready in time"
                        )));
                    }
                }
                Ok(mut response) => {
                    return response.copy_to(to).map_err(|_| PlatformError::Network {
                        host: link.host_str().unwrap_or_default().to_owned(),
                        message: "the download broke off".to_owned(),
                    });
                }
                // The temporary link expired: ask for a new one, once.
                Err(PlatformError::Status { status: 410, .. }) if !renewed => {
                    renewed = true;
                    link = self.request_original(&asset)?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn store_facts(&self) -> Vec<(String, String)> {
        crate::threads::lock(&self.facts).clone()
    }

    /// Looks in user management's user list.
    fn has_login(&self, login: &str) -> Result<Option<bool>, PlatformError> {
        Ok(Some(self.user_with_login(login)?.is_some()))
    }

    fn changed_last(&self, id: &str) -> bool {
        matches!(
            records::RecordId::parse(id),
            Some(records::RecordId::User(_))
        )
    }

    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError> {
        let archives = self.load_archives()?;
        let access: Vec<ArchiveAccess> = archives
            .iter()
            .map(|a| {
                let has = |p: &str| a.permissions.iter().any(|q| q.eq_ignore_ascii_case(p));
                ArchiveAccess {
                    name: a.name.clone(),
                    assets: a.asset_count,
                    read: has("View") || a.permissions.is_empty(),
                    edit_metadata: has("EditText"),
                    delete: has("Delete"),
                    download: has("Download"),
                }
            })
            .collect();
        if !self.records.is_empty() {
            let every = |p: &str| {
                !archives.is_empty()
                    && archives
                        .iter()
                        .all(|a| a.permissions.iter().any(|q| q.eq_ignore_ascii_case(p)))
            };
            let facts = self.records_facts(every("View"), every("Comment"));
            *crate::threads::lock(&self.facts) = facts;
        }
        Ok(access)
    }
}
