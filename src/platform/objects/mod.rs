//! The `objects` platform: the `dir` layout (an object beside its `<object>.json` sidecar,
//! the first folder of its key its archive) in object storage — an S3 bucket, an Azure Blob
//! container or, through the same code, a local folder (`file://`). This is the FotoWeb
//! export handed over on exit, copied to a bucket.
//!
//! The listing streams and is paired as it comes ([`pairing`]), so memory stays flat;
//! only sidecars whose ETag changed are read, `--jobs` at a time. Sidecar writes are
//! conditional on the ETag read (`If-Match`), so a concurrent change is reported as a
//! conflict, never overwritten. Records kept in `.records/` and consent statuses in
//! sidecars are read, changed and withheld as the `dir` platform does (see
//! [`super::records`]).

mod blobs;
mod credentials;
mod files;
mod pairing;
mod store;
mod versions;

use std::collections::{BTreeSet, HashSet};
use std::io::Write;

use futures::StreamExt as _;
use object_store::path::Path as Key;
use object_store::{ObjectMeta, ObjectStore, ObjectStoreExt as _, PutMode, PutOptions};

use super::records::{self, ConsentsSeen, Named, renamed};
use super::{
    ArchiveAccess, Description, MetadataChanges, Platform, PlatformError, ScanEnd, Scanned, Since,
    StoreAccess, Stray, Timeouts,
};
use crate::asset::{Asset, metadata_from_json};
pub use files::{FileDeletion, key_label};
use pairing::{Paired, Pairer};
pub use store::check_endpoint;
use store::{Store, StoreKind};

const SIDECAR_SUFFIX: &str = ".json";

/// How many listed keys may wait to be read while the listing goes on: a few pages.
const LISTING_AHEAD: usize = 4096;

/// A tenant in object storage.
pub struct ObjectsPlatform {
    store: Store,
    /// The URL as the profile gives it, for messages.
    url: String,
    /// Runs the library's asynchronous requests; the platform's callers are threads.
    runtime: tokio::runtime::Runtime,
    /// What the last [`Platform::access`] found out about the store.
    facts: std::sync::Mutex<Vec<(String, String)>>,
    /// How long one request may take (`--timeout`).
    timeouts: Timeouts,
    /// What an Azure account was seen to keep of overwritten and deleted blobs, found once
    /// before the first change.
    keeping: std::sync::Mutex<Option<blobs::Keeping>>,
}

/// What a probe object showed the credentials may do.
#[derive(Debug, Default)]
struct Probe {
    write: bool,
    read: bool,
    delete: bool,
    versioning: Option<versions::Versioning>,
    /// Whether earlier versions could be deleted (versioned buckets only).
    delete_versions: Option<bool>,
    /// What an Azure account keeps of an overwritten and deleted blob.
    keeping: Option<blobs::Keeping>,
}

impl Probe {
    fn facts(&self) -> Vec<(String, String)> {
        let yes = |b: bool| if b { "yes" } else { "NO" }.to_owned();
        let mut facts = vec![
            ("list".to_owned(), "yes".to_owned()),
            ("read".to_owned(), yes(self.read)),
            ("write".to_owned(), yes(self.write)),
            ("delete".to_owned(), yes(self.delete)),
        ];
        if let Some(versioning) = self.versioning {
            facts.push(("versioning".to_owned(), versioning.as_str().to_owned()));
        }
        if let Some(delete_versions) = self.delete_versions {
            facts.push(("delete versions".to_owned(), yes(delete_versions)));
        }
        if let Some(keeping) = self.keeping {
            facts.push((
                "earlier versions and deleted blobs".to_owned(),
                keeping.as_str().to_owned(),
            ));
        }
        facts
    }

    /// Whether deleting leaves nothing behind that dsr cannot remove.
    fn deletes_for_good(&self) -> bool {
        self.delete
            && self.delete_versions != Some(false)
            && self.keeping.is_none_or(|k| k == blobs::Keeping::Nothing)
    }
}

impl ObjectsPlatform {
    /// Opens the store at `url` (`file:///path`, `s3://bucket/prefix`,
    /// `az://container/prefix`), through `endpoint` when given.
    pub fn open(
        url: &str,
        endpoint: Option<&str>,
        timeouts: Timeouts,
    ) -> Result<ObjectsPlatform, PlatformError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| PlatformError::Store {
                url: url.to_owned(),
                message: format!("cannot start the request runtime: {e}"),
            })?;
        let store = {
            // The S3 and Azure clients need the runtime while they are built.
            let _entered = runtime.enter();
            store::open(url, endpoint, timeouts).map_err(|e| match e {
                PlatformError::Store { message, .. } => PlatformError::Store {
                    url: url.to_owned(),
                    message,
                },
                other => other,
            })?
        };
        Ok(ObjectsPlatform {
            store,
            url: url.to_owned(),
            runtime,
            facts: std::sync::Mutex::new(Vec::new()),
            timeouts,
            keeping: std::sync::Mutex::new(None),
        })
    }

    /// Runs one asset's requests, no longer than one request's time in all: the library
    /// gives each try its time limit, this bounds the tries together.
    fn limited<T>(
        &self,
        requests: impl std::future::Future<Output = Result<T, PlatformError>>,
    ) -> Result<T, PlatformError> {
        self.runtime.block_on(async {
            tokio::time::timeout(self.timeouts.total, requests)
                .await
                .unwrap_or_else(|_| {
                    Err(PlatformError::Store {
                        url: self.url.clone(),
                        message: no_answer(self.timeouts),
                    })
                })
        })
    }

    /// The key of an asset's object; ids that are not a clean relative key name nothing.
    fn key_of(&self, id: &str) -> Result<Key, PlatformError> {
        let clean = id.contains('/')
            && id
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        let not_found = || PlatformError::NotFound { id: id.to_owned() };
        if !clean {
            return Err(not_found());
        }
        let relative = Key::parse(id).map_err(|_| not_found())?;
        Ok(self.store.prefix.parts().chain(relative.parts()).collect())
    }

    fn sidecar_key(&self, id: &str) -> Result<Key, PlatformError> {
        let key = self.key_of(id)?;
        Key::parse(format!("{key}{SIDECAR_SUFFIX}"))
            .map_err(|_| PlatformError::NotFound { id: id.to_owned() })
    }

    /// The id of a listed key: its path below the tenant's prefix.
    fn relative<'a>(&self, key: &'a Key) -> Option<&'a str> {
        let key = key.as_ref();
        let prefix = self.store.prefix.as_ref();
        if prefix.is_empty() {
            return Some(key);
        }
        key.strip_prefix(prefix)?.strip_prefix('/')
    }

    /// The platform's error for a failed request about asset `id`.
    fn error(&self, id: &str) -> impl Fn(object_store::Error) -> PlatformError + '_ {
        let id = id.to_owned();
        move |e| match e {
            object_store::Error::NotFound { .. } => PlatformError::NotFound { id: id.clone() },
            object_store::Error::Precondition { .. } => PlatformError::Conflict { id: id.clone() },
            object_store::Error::PermissionDenied { .. } => {
                PlatformError::Forbidden(format!("the store refused access to {id}"))
            }
            object_store::Error::Unauthenticated { .. } => PlatformError::Auth(format!(
                "the store did not accept the credentials for {}",
                self.url
            )),
            other if timed_out(&other) => PlatformError::Store {
                url: self.url.clone(),
                message: no_answer(self.timeouts),
            },
            other => PlatformError::Store {
                url: self.url.clone(),
                message: other.to_string(),
            },
        }
    }

    /// Reads one sidecar with the ETag it had when read.
    async fn read(&self, id: &str) -> Result<(serde_json::Value, ObjectMeta), PlatformError> {
        let key = self.sidecar_key(id)?;
        let got = self.store.inner.get(&key).await.map_err(self.error(id))?;
        let meta = got.meta.clone();
        let bytes = got.bytes().await.map_err(self.error(id))?;
        let shown = std::path::PathBuf::from(format!("{id}{SIDECAR_SUFFIX}"));
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            // serde_json's message ends with its own " at line L column C"; say it once.
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            PlatformError::Malformed {
                path: shown.clone(),
                line: e.line(),
                column: e.column(),
                message,
            }
        })?;
        if !json.get("metadata").is_some_and(|m| m.is_object()) {
            return Err(PlatformError::Malformed {
                path: shown,
                line: 1,
                column: 1,
                message: "expected an object with a \"metadata\" object".to_owned(),
            });
        }
        Ok((json, meta))
    }

    /// Reads one asset, or one record (see [`records`]).
    async fn asset(&self, id: &str) -> Result<Asset, PlatformError> {
        match records::named(id) {
            Named::Asset => self.sidecar_asset(id).await.map(|(asset, _)| asset),
            Named::Kept { path, archive } => self
                .sidecar_asset(&path)
                .await
                .map(|(asset, _)| records::as_record(asset, id, archive))
                .map_err(renamed(id)),
            Named::Consent { asset } => {
                let (read, json) = self.sidecar_asset(&asset).await.map_err(renamed(id))?;
                records::consent_of(&read, &json)
                    .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
            }
        }
    }

    /// Reads a listed id for a scan: an asset with its sidecar's JSON, which may hold a
    /// consent status, or a record.
    async fn scanned(&self, id: &str) -> Result<(Asset, Option<serde_json::Value>), PlatformError> {
        match records::named(id) {
            Named::Asset => self
                .sidecar_asset(id)
                .await
                .map(|(asset, json)| (asset, Some(json))),
            _ => self.asset(id).await.map(|asset| (asset, None)),
        }
    }

    /// Reads the sidecar of the object `id` names, with the sidecar's JSON.
    async fn sidecar_asset(&self, id: &str) -> Result<(Asset, serde_json::Value), PlatformError> {
        let (json, meta) = self.read(id).await?;
        let metadata = json
            .get("metadata")
            .and_then(|m| m.as_object())
            .map(metadata_from_json)
            .unwrap_or_default();
        let modified = json
            .get("modified")
            .and_then(|m| m.as_str())
            .map(str::to_owned)
            .or_else(|| Some(crate::time::rfc3339(meta.last_modified.into())));
        let asset = Asset {
            id: id.to_owned(),
            archive: id.split('/').next().unwrap_or_default().to_owned(),
            filename: id.rsplit('/').next().unwrap_or_default().to_owned(),
            modified,
            version: version_of(&meta),
            metadata,
        };
        Ok((asset, json))
    }

    /// Every key under the tenant's prefix, in byte order within each folder, with `None`
    /// after each folder's last key when the folders are listed one by one. The clouds
    /// list a whole bucket in byte order, page by page; a local folder is listed folder by
    /// folder (its walk has no order), each folder sorted.
    fn listing(&self) -> futures::stream::BoxStream<'_, Result<Option<ObjectMeta>, PlatformError>> {
        let error = |e: object_store::Error| PlatformError::Store {
            url: self.url.clone(),
            message: if timed_out(&e) {
                format!("cannot list the tenant: {}", no_answer(self.timeouts))
            } else {
                format!("cannot list the tenant: {e}")
            },
        };
        if self.store.kind != StoreKind::Local {
            let prefix = (!self.store.prefix.as_ref().is_empty()).then_some(&self.store.prefix);
            return self
                .store
                .inner
                .list(prefix)
                .map(move |item| item.map(Some).map_err(error))
                // The end of the listing decides what is still pending.
                .chain(futures::stream::once(async { Ok(None) }))
                .boxed();
        }
        let start = (
            vec![self.store.prefix.clone()],
            Vec::<Option<ObjectMeta>>::new(),
        );
        futures::stream::unfold(start, move |(mut folders, mut ready)| async move {
            loop {
                if let Some(item) = ready.pop() {
                    return Some((Ok(item), (folders, ready)));
                }
                let folder = folders.pop()?;
                let prefix = (!folder.as_ref().is_empty()).then_some(&folder);
                match self.store.inner.list_with_delimiter(prefix).await {
                    Ok(listed) => {
                        // The library follows symbolic links: what a link points at is not
                        // the tenant's, and it would be read, exported and changed as if it
                        // were. Refused, naming the link (the `dir` platform reports it and
                        // reads on).
                        let keys = listed.objects.iter().map(|o| &o.location);
                        if let Some(link) = keys
                            .chain(&listed.common_prefixes)
                            .find(|key| self.is_link(key))
                        {
                            let err = PlatformError::Link {
                                path: link.to_string(),
                            };
                            return Some((Err(err), (Vec::new(), Vec::new())));
                        }
                        let mut objects = listed.objects;
                        // Popped from the end: reversed order, the folder's end first.
                        objects.sort_unstable_by(|a, b| b.location.cmp(&a.location));
                        ready.push(None);
                        ready.extend(objects.into_iter().map(Some));
                        let mut subfolders = listed.common_prefixes;
                        subfolders.sort_unstable_by(|a, b| b.cmp(a));
                        folders.extend(subfolders);
                    }
                    Err(e) => return Some((Err(error(e)), (Vec::new(), Vec::new()))),
                }
            }
        })
        .boxed()
    }
}

impl ObjectsPlatform {
    /// True when `key` of a local store is a symbolic link.
    fn is_link(&self, key: &Key) -> bool {
        self.store.folder.as_ref().is_some_and(|folder| {
            std::fs::symlink_metadata(folder.join(key.as_ref()))
                .is_ok_and(|meta| meta.file_type().is_symlink())
        })
    }

    /// Writes, reads and deletes a probe object (every version of it) to learn what the
    /// credentials may do. A refusal is an answer; any other failure is an error.
    async fn probe(&self) -> Result<Probe, PlatformError> {
        let name = format!(".dsr-check-{:016x}", fastrand::u64(..));
        let key: Key = self
            .store
            .prefix
            .parts()
            .chain(std::iter::once(object_store::path::PathPart::from(
                name.as_str(),
            )))
            .collect();
        let refused = |e: &object_store::Error| {
            matches!(
                e,
                object_store::Error::PermissionDenied { .. }
                    | object_store::Error::Unauthenticated { .. }
            )
        };
        let mut probe = Probe::default();
        if let Some(bucket) = &self.store.bucket {
            let versioning = bucket.versioning().await?;
            probe.versioning = Some(versioning);
        }
        let options = PutOptions {
            mode: PutMode::Create,
            ..PutOptions::default()
        };
        match self
            .store
            .inner
            .put_opts(&key, b"dsr".to_vec().into(), options)
            .await
        {
            Ok(_) => probe.write = true,
            Err(e) if refused(&e) => {
                probe.keeping = self
                    .store
                    .container
                    .as_ref()
                    .map(|_| blobs::Keeping::Unknown);
                return Ok(probe);
            }
            Err(e) => return Err(self.error(&name)(e)),
        }
        probe.read = match self.store.inner.get(&key).await {
            Ok(_) => true,
            Err(e) if refused(&e) => false,
            Err(e) => return Err(self.error(&name)(e)),
        };
        if self.store.container.is_some() {
            // Overwritten once, so that an account with blob versioning keeps a version.
            self.store
                .inner
                .put(&key, b"dsr probe, overwritten".to_vec().into())
                .await
                .map_err(self.error(&name))?;
        }
        match self.store.inner.delete(&key).await {
            Ok(()) => probe.delete = true,
            Err(e) if refused(&e) => {}
            Err(e) => return Err(self.error(&name)(e)),
        }
        if let Some(container) = &self.store.container {
            // A probe that could not be deleted is still listed: that says nothing.
            probe.keeping = Some(match probe.delete {
                false => blobs::Keeping::Unknown,
                true => match container.copies(key.as_ref()).await? {
                    Some(0) => blobs::Keeping::Nothing,
                    Some(_) => blobs::Keeping::Copies,
                    None => blobs::Keeping::Unknown,
                },
            });
        }
        if let Some(bucket) = &self.store.bucket
            && probe.versioning != Some(versions::Versioning::Off)
        {
            let mut all_gone = true;
            match bucket.versions(key.as_ref()).await {
                Ok(versions) => {
                    for version in versions {
                        all_gone &= bucket
                            .delete_version(key.as_ref(), &version.id)
                            .await
                            .is_ok();
                    }
                    all_gone &= bucket
                        .versions(key.as_ref())
                        .await
                        .is_ok_and(|left| left.is_empty());
                }
                Err(_) => all_gone = false,
            }
            probe.delete_versions = Some(all_gone);
        }
        Ok(probe)
    }

    /// What `dsr tenant check` says of this store when it holds the files behind a
    /// database's rows: in a bucket or container the facts of an `objects` tenant's own
    /// check (its probe object written, read and deleted, every version of it); in a local
    /// folder what the folder's permissions allow. A store that cannot be listed is an
    /// error.
    pub fn check_file_store(&self) -> Result<StoreAccess, PlatformError> {
        let listed = self.runtime.block_on(async {
            let prefix = (!self.store.prefix.as_ref().is_empty()).then_some(&self.store.prefix);
            self.store.inner.list_with_delimiter(prefix).await
        });
        listed.map_err(|e| PlatformError::Store {
            url: self.url.clone(),
            message: format!("cannot list the store: {e}"),
        })?;
        if let Some(folder) = &self.store.folder {
            // A folder that is not there lists as empty: it must be there to hold files.
            std::fs::read_dir(folder).map_err(|source| PlatformError::Unreachable {
                path: folder.clone(),
                source,
            })?;
            let may = |access| rustix::fs::access(folder, access).is_ok();
            let (read, write) = (
                may(rustix::fs::Access::READ_OK),
                may(rustix::fs::Access::WRITE_OK),
            );
            let yes = |b: bool| if b { "yes" } else { "NO" }.to_owned();
            return Ok(StoreAccess {
                facts: vec![
                    ("list".to_owned(), "yes".to_owned()),
                    ("read".to_owned(), yes(read)),
                    ("write".to_owned(), yes(write)),
                    ("delete".to_owned(), yes(write)),
                    ("versioning".to_owned(), "none (a folder)".to_owned()),
                ],
                read,
                deletes_for_good: write,
            });
        }
        let probe = self.runtime.block_on(self.probe())?;
        Ok(StoreAccess {
            facts: probe.facts(),
            read: probe.read,
            deletes_for_good: probe.deletes_for_good(),
        })
    }

    /// In a versioned bucket, removes the earlier versions of a sidecar just rewritten:
    /// they still hold the values the change took out.
    async fn drop_earlier_versions(&self, id: &str, key: &Key) -> Result<(), PlatformError> {
        if let Some(container) = &self.store.container {
            return self.nothing_kept(container, id, &[key]).await;
        }
        let Some(bucket) = &self.store.bucket else {
            return Ok(());
        };
        if bucket.versioning().await? == versions::Versioning::Off {
            return Ok(());
        }
        let remain = |_| PlatformError::VersionsRemain { id: id.to_owned() };
        let key = key.as_ref();
        for version in bucket.versions(key).await.map_err(remain)? {
            if !version.latest {
                bucket
                    .delete_version(key, &version.id)
                    .await
                    .map_err(remain)?;
            }
        }
        // Seen gone, not assumed: only one version, the one just written, may be left.
        let left = bucket.versions(key).await.map_err(remain)?;
        if left.iter().any(|v| !v.latest) {
            return Err(PlatformError::VersionsRemain { id: id.to_owned() });
        }
        Ok(())
    }

    /// In Azure, that nothing but the blobs themselves is listed for `keys`: a snapshot (or
    /// a version or deleted blob the account kept after all) still holds what was changed.
    async fn nothing_kept(
        &self,
        container: &blobs::Container,
        id: &str,
        keys: &[&Key],
    ) -> Result<(), PlatformError> {
        for key in keys {
            if container.copies(key.as_ref()).await? != Some(0) {
                return Err(PlatformError::VersionsRemain { id: id.to_owned() });
            }
        }
        Ok(())
    }

    /// Removes every version and delete marker of an asset's object and sidecar, so that
    /// no earlier version of the subject's data stays behind in a versioned bucket; then
    /// lists them again to see that none is left. The current sidecar goes last: until it
    /// does, the asset is still there, so a run that fails half-way is erased again rather
    /// than taken for done.
    async fn delete_every_version(
        &self,
        bucket: &versions::Bucket,
        id: &str,
        object: &Key,
        sidecar: &Key,
    ) -> Result<(), PlatformError> {
        let remain = |_| PlatformError::VersionsRemain { id: id.to_owned() };
        let (object, sidecar) = (object.as_ref(), sidecar.as_ref());
        let of_object = bucket.versions(object).await?;
        let of_sidecar = bucket.versions(sidecar).await?;
        if of_object.is_empty() && of_sidecar.is_empty() {
            return Err(PlatformError::NotFound { id: id.to_owned() });
        }
        let mut order: Vec<(&str, &versions::Version)> = Vec::new();
        order.extend(of_object.iter().filter(|v| !v.latest).map(|v| (object, v)));
        order.extend(
            of_sidecar
                .iter()
                .filter(|v| !v.latest)
                .map(|v| (sidecar, v)),
        );
        order.extend(of_object.iter().filter(|v| v.latest).map(|v| (object, v)));
        order.extend(of_sidecar.iter().filter(|v| v.latest).map(|v| (sidecar, v)));
        for (key, version) in order {
            bucket
                .delete_version(key, &version.id)
                .await
                .map_err(|e| match e {
                    PlatformError::Forbidden(_) => {
                        PlatformError::VersionsRemain { id: id.to_owned() }
                    }
                    other => other,
                })?;
        }
        let left = bucket.versions(object).await.map_err(remain)?.len()
            + bucket.versions(sidecar).await.map_err(remain)?.len();
        if left > 0 {
            return Err(PlatformError::VersionsRemain { id: id.to_owned() });
        }
        Ok(())
    }
}

impl ObjectsPlatform {
    /// The ids of the tenant's user accounts (`.records/users/`), listed as a sync lists
    /// them (so that no link of a local folder is followed).
    fn accounts(&self) -> Result<Vec<String>, PlatformError> {
        self.runtime.block_on(async {
            let mut accounts = Vec::new();
            let mut listing = self.listing();
            while let Some(item) = listing.next().await {
                let Some(meta) = item? else { continue };
                let record = self
                    .relative(&meta.location)
                    .and_then(|key| key.strip_suffix(SIDECAR_SUFFIX))
                    .and_then(records::listed_record);
                if let Some(id) = record.filter(|id| records::is_account(id)) {
                    accounts.push(id.to_owned());
                }
            }
            Ok(accounts)
        })
    }

    /// Rewrites the sidecar of the object `id` names (see [`Platform::update`]).
    fn update_sidecar(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        self.ready_for_changes()?;
        self.limited(async {
            let (mut json, seen) = self.read(id).await?;
            if expected.is_some_and(|v| v != version_of(&seen)) {
                return Err(PlatformError::Conflict { id: id.to_owned() });
            }
            let text = super::dir::changed(&mut json, changes, id)?;
            let key = self.sidecar_key(id)?;
            let condition = object_store::UpdateVersion {
                e_tag: seen.e_tag.clone(),
                version: seen.version.clone(),
            };
            let options = PutOptions {
                mode: PutMode::Update(condition),
                ..PutOptions::default()
            };
            match self
                .store
                .inner
                .put_opts(&key, text.clone().into(), options)
                .await
            {
                Ok(_) => {}
                // A local folder has no conditional write: the ETag (inode, time and size)
                // is compared right before the file is replaced, as the `dir` platform
                // does, which leaves only that moment for someone else's save to be lost.
                Err(object_store::Error::NotImplemented { .. }) => {
                    let now = self.store.inner.head(&key).await.map_err(self.error(id))?;
                    if version_of(&now) != version_of(&seen) {
                        return Err(PlatformError::Conflict { id: id.to_owned() });
                    }
                    self.store
                        .inner
                        .put(&key, text.into())
                        .await
                        .map_err(self.error(id))?;
                }
                Err(e) => return Err(self.error(id)(e)),
            }
            self.drop_earlier_versions(id, &key).await?;
            self.sidecar_asset(id).await.map(|(asset, _)| asset)
        })
    }

    /// The earlier versions of the sidecar of the object `id` names (see
    /// [`Platform::purge_earlier_versions`]).
    fn purge_versions(&self, id: &str) -> Result<(), PlatformError> {
        if let Some(container) = &self.store.container {
            let (object, sidecar) = (self.key_of(id)?, self.sidecar_key(id)?);
            // Azure: nothing to remove, only to find left (a blob's snapshots); the object
            // counts too once the asset is gone.
            return self.runtime.block_on(async {
                match self.store.inner.head(&sidecar).await {
                    Ok(_) => self.nothing_kept(container, id, &[&sidecar]).await,
                    Err(object_store::Error::NotFound { .. }) => {
                        self.nothing_kept(container, id, &[&object, &sidecar]).await
                    }
                    Err(e) => Err(self.error(id)(e)),
                }
            });
        }
        let Some(bucket) = &self.store.bucket else {
            return Ok(());
        };
        let (object, sidecar) = (self.key_of(id)?, self.sidecar_key(id)?);
        self.runtime.block_on(async {
            if bucket.versioning().await? == versions::Versioning::Off {
                return Ok(());
            }
            match self.store.inner.head(&sidecar).await {
                Ok(_) => self.drop_earlier_versions(id, &sidecar).await,
                Err(object_store::Error::NotFound { .. }) => {
                    match self
                        .delete_every_version(bucket, id, &object, &sidecar)
                        .await
                    {
                        // No version of it at all: nothing is left.
                        Err(e) if e.is_not_found() => Ok(()),
                        other => other,
                    }
                }
                Err(e) => Err(self.error(id)(e)),
            }
        })
    }

    /// Removes the object `id` names and its sidecar (see [`Platform::delete_following`]);
    /// of a record (`is_record`) only its JSON: the key beside it names no object, and in
    /// a local folder `.records/albums/5` is the folder of the album's shares.
    fn delete_objects(&self, id: &str, is_record: bool) -> Result<(), PlatformError> {
        let (object, sidecar) = (self.key_of(id)?, self.sidecar_key(id)?);
        self.ready_for_changes()?;
        if let Some(bucket) = &self.store.bucket {
            let versioning = self.runtime.block_on(bucket.versioning())?;
            if versioning != versions::Versioning::Off {
                // Versions are listed by exact key: a record's object key has none.
                return self
                    .runtime
                    .block_on(self.delete_every_version(bucket, id, &object, &sidecar));
            }
        }
        let keys = if is_record {
            vec![sidecar]
        } else {
            vec![object, sidecar]
        };
        self.runtime.block_on(async {
            let mut any = false;
            for key in &keys {
                match self.store.inner.head(key).await {
                    Ok(_) => any = true,
                    Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(self.error(id)(e)),
                }
            }
            if !any {
                return Err(PlatformError::NotFound { id: id.to_owned() });
            }
            for key in &keys {
                match self.store.inner.delete(key).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(self.error(id)(e)),
                }
            }
            Ok(())
        })
    }
}

/// Whether a request failed because the store did not answer in time.
fn timed_out(e: &object_store::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(error) = cause {
        if let Some(http) = error.downcast_ref::<object_store::client::HttpError>()
            && http.kind() == object_store::client::HttpErrorKind::Timeout
        {
            return true;
        }
        if error
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        cause = error.source();
    }
    false
}

/// What a store that did not answer in time is told with: the limits, and how to change
/// them.
fn no_answer(timeouts: Timeouts) -> String {
    format!(
        "no answer in time ({} s a try, {} s in all): check that the server is up, or allow more time with --timeout SECS (DSR_TIMEOUT, or `timeout` in the tenant's profile)",
        timeouts.per_try.as_secs_f64().round(),
        timeouts.total.as_secs_f64().round()
    )
}

/// The version marker of a sidecar: its ETag, or its time and size where the store has none.
fn version_of(meta: &ObjectMeta) -> String {
    match &meta.e_tag {
        Some(tag) => tag.clone(),
        None => format!(
            "{}-{}",
            meta.last_modified.timestamp_nanos_opt().unwrap_or_default(),
            meta.size
        ),
    }
}

impl records::SidecarStore for ObjectsPlatform {
    fn change_sidecar(
        &self,
        path: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        self.update_sidecar(path, changes, expected)
    }

    fn account_ids(&self) -> Result<Vec<String>, PlatformError> {
        self.accounts()
    }

    fn read_id(&self, id: &str) -> Result<Asset, PlatformError> {
        self.get(id)
    }
}

impl Platform for ObjectsPlatform {
    fn describe(&self) -> Result<Description, PlatformError> {
        // A bucket has no schema: every field can be written, which an empty set says.
        Ok(Description {
            labels: records::labels(),
            writable: BTreeSet::new(),
        })
    }

    /// Streams the listing, pairs objects with sidecars as they come, and reads the new and
    /// changed sidecars `since.jobs` at a time while the listing goes on.
    fn scan(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError> {
        log::info!("listing the tenant at {}", self.url);
        let jobs = since.jobs.clamp(1, 64);
        self.runtime.block_on(async {
            // Borrowed from `since`, so that only a pointer per known asset is added.
            let mut listed: HashSet<&str> = HashSet::new();
            let mut pairer = Pairer::default();
            let paired = self
                .listing()
                .map(|item| match item {
                    Ok(Some(meta)) => Ok(match self.relative(&meta.location) {
                        Some(key) => pairer.push(key.to_owned(), version_of(&meta)),
                        None => Vec::new(),
                    }),
                    Ok(None) => Ok(pairer.flush()),
                    Err(e) => Err(e),
                })
                .flat_map(|batch| match batch {
                    Ok(batch) => futures::stream::iter(batch.into_iter().map(Ok)).left_stream(),
                    Err(e) => futures::stream::iter([Err(e)]).right_stream(),
                });
            let mut paired = std::pin::pin!(paired);
            let mut listing_done = false;
            // Consent statuses are not listed: they are read with their assets.
            let mut consents = ConsentsSeen::default();
            let mut to_read: Vec<String> = Vec::new();
            let mut reads = futures::stream::FuturesUnordered::new();
            loop {
                while reads.len() < jobs
                    && let Some(id) = to_read.pop()
                {
                    reads.push(async move {
                        let result = self.scanned(&id).await;
                        (id, result)
                    });
                }
                // Take more of the listing while fewer than a few pages of keys wait to be
                // read: the next page is then fetched while the reads of this one go on.
                // Listed only while a read was free, the next page was asked for only once
                // this page's keys were all taken, and the reads drained while it came.
                // Memory holds at most `jobs` sidecars and those keys.
                let want_listing = !listing_done && to_read.len() < LISTING_AHEAD;
                tokio::select! {
                    item = paired.next(), if want_listing => match item {
                        Some(Ok(Paired::NoSidecar { id })) => {
                            found(Scanned::Stray(Stray::NoSidecar { path: id }));
                        }
                        Some(Ok(Paired::Asset { id, version })) => {
                            // A record in `.records/` under its record id (`users/42`).
                            let id = match records::listed_record(&id) {
                                Some(record) => record.to_owned(),
                                None => id,
                            };
                            if let Some((known, _)) = since.versions.get_key_value(&id) {
                                listed.insert(known);
                            }
                            if since.full || since.versions.get(&id) != Some(&version) {
                                to_read.push(id);
                            }
                        }
                        Some(Err(e)) => return Err(e),
                        None => listing_done = true,
                    },
                    Some((id, result)) = reads.next(), if !reads.is_empty() => match result {
                        Ok((asset, json)) => {
                            if let Some(json) = json {
                                match records::consent_of(&asset, &json) {
                                    Some(consent) => found(Scanned::Asset(consent)),
                                    // Only an asset with a known consent status is noted:
                                    // one id per object read was held to the end.
                                    None if since
                                        .versions
                                        .get(&records::consent_id(&asset.id))
                                        .is_some() =>
                                    {
                                        consents.read_without(&asset.id);
                                    }
                                    None => {}
                                }
                            }
                            found(Scanned::Asset(asset));
                        }
                        // Removed between the listing and the read.
                        Err(e) if e.is_not_found() => {
                            if let Some((known, _)) = since.versions.get_key_value(&id) {
                                listed.remove(known);
                            }
                        }
                        Err(error) => found(Scanned::Failed { id, error }),
                    },
                    else => break,
                }
            }
            // Sorted, as the known versions are.
            let mut removed: Vec<String> = Vec::new();
            for id in since.versions.keys() {
                if !listed.contains(id) && !consents.known(id) {
                    removed.push(id.to_owned());
                }
            }
            // A consent status goes with its asset, and from an asset read without one.
            let consents_gone = consents.gone(&removed);
            if !consents_gone.is_empty() {
                removed.extend(consents_gone);
                removed.sort();
            }
            Ok(ScanEnd {
                removed,
                ..ScanEnd::default()
            })
        })
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        log::debug!("reading the sidecar of {id}");
        self.limited(self.asset(id))
    }

    /// Rewrites the sidecar, keeping every key it does not change, only if it is still the
    /// version just read (and, with `expected`, the version the change was computed from).
    /// A record's JSON in `.records/` is rewritten the same way.
    fn update(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        records::update(self, id, changes, expected)
    }

    /// Removes the object and its sidecar; an object already gone is not an error, but an
    /// asset that never existed is. A record is removed from `.records/`; orders and
    /// consent statuses are never deleted.
    fn delete_following(
        &self,
        id: &str,
        _handle: Option<&str>,
        _accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError> {
        records::deletable(id)?;
        match records::named(id) {
            Named::Kept { path, .. } => self.delete_objects(&path, true).map_err(renamed(id)),
            _ => self.delete_objects(id, false),
        }
    }
    /// In a versioned bucket, the earlier versions of the sidecar of an asset that is there
    /// (what a change took out); every version of its object and sidecar once it is gone.
    /// A record's are those of its JSON in `.records/`.
    fn purge_earlier_versions(&self, id: &str) -> Result<(), PlatformError> {
        match records::named(id) {
            Named::Asset => self.purge_versions(id),
            Named::Kept { path, .. } => self.purge_versions(&path).map_err(renamed(id)),
            // Its versions are its asset's sidecar's, purged with the asset's own step.
            Named::Consent { .. } => Ok(()),
        }
    }

    /// Streams the object to `to`, a chunk at a time; a record has no object, so its JSON.
    fn download(&self, id: &str, to: &mut dyn Write) -> Result<u64, PlatformError> {
        if !matches!(records::named(id), Named::Asset) {
            let bytes = records::record_json(&self.get(id)?);
            to.write_all(&bytes).map_err(|source| PlatformError::Io {
                path: std::path::PathBuf::from(id),
                source,
            })?;
            return Ok(bytes.len() as u64);
        }
        let key = self.key_of(id)?;
        self.runtime.block_on(async {
            let got = self.store.inner.get(&key).await.map_err(self.error(id))?;
            let mut chunks = got.into_stream();
            let mut written = 0;
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk.map_err(self.error(id))?;
                to.write_all(&chunk).map_err(|source| PlatformError::Io {
                    path: std::path::PathBuf::from(id),
                    source,
                })?;
                written += chunk.len() as u64;
            }
            Ok(written)
        })
    }

    /// The object itself when it is a web image small enough to show; a record has none.
    fn preview(&self, id: &str) -> Result<Option<super::Preview>, PlatformError> {
        const MAX_PREVIEW: u64 = 2 * 1024 * 1024;
        if !matches!(records::named(id), Named::Asset) {
            return Ok(None);
        }
        let extension = id
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "gif" | "webp") {
            return Ok(None);
        }
        let key = self.key_of(id)?;
        self.runtime.block_on(async {
            let meta = self.store.inner.head(&key).await.map_err(self.error(id))?;
            if meta.size > MAX_PREVIEW {
                return Ok(None);
            }
            let got = self.store.inner.get(&key).await.map_err(self.error(id))?;
            let bytes = got.bytes().await.map_err(self.error(id))?;
            Ok(Some(super::Preview {
                extension,
                bytes: bytes.to_vec(),
            }))
        })
    }

    /// The archives (the first folders under the prefix). Listing them proves the
    /// credentials may list; for a local folder its permissions say the rest. In a bucket
    /// a small probe object at the top of the prefix (in no archive, so never an asset) is
    /// written, read and deleted, every version of it in a versioned bucket: what
    /// succeeded is what the credentials may do. Deleting counts only where the earlier
    /// versions can go too.
    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError> {
        let probe = match self.store.kind {
            StoreKind::Local => None,
            _ => Some(self.runtime.block_on(self.probe())?),
        };
        let listed = self.runtime.block_on(async {
            let prefix = (!self.store.prefix.as_ref().is_empty()).then_some(&self.store.prefix);
            self.store.inner.list_with_delimiter(prefix).await
        });
        let listed = listed.map_err(|e| PlatformError::Store {
            url: self.url.clone(),
            message: format!("cannot list the tenant: {e}"),
        })?;
        let mut archives: Vec<ArchiveAccess> = listed
            .common_prefixes
            .iter()
            .filter_map(|p| p.filename().map(str::to_owned))
            .map(|name| {
                let (edit, delete) = match &self.store.folder {
                    Some(folder) => {
                        let writable =
                            rustix::fs::access(folder.join(&name), rustix::fs::Access::WRITE_OK)
                                .is_ok();
                        (writable, writable)
                    }
                    None => probe
                        .as_ref()
                        .map_or((false, false), |p| (p.write, p.deletes_for_good())),
                };
                let read = probe.as_ref().is_none_or(|p| p.read);
                ArchiveAccess {
                    name,
                    assets: None,
                    read,
                    edit_metadata: edit,
                    delete,
                    download: read,
                }
            })
            .collect();
        archives.sort_by(|a, b| a.name.cmp(&b.name));
        if let Some(probe) = probe {
            if let (Some(keeping), Ok(mut known)) = (probe.keeping, self.keeping.lock()) {
                *known = Some(keeping);
            }
            if let Ok(mut facts) = self.facts.lock() {
                *facts = probe.facts();
            }
        }
        Ok(archives)
    }

    /// Looks in the tenant's `.records/users/`.
    fn has_login(&self, login: &str) -> Result<Option<bool>, PlatformError> {
        records::store_has_login(self, login)
    }

    fn changed_last(&self, id: &str) -> bool {
        records::is_account(id)
    }

    fn store_facts(&self) -> Vec<(String, String)> {
        self.facts.lock().map(|f| f.clone()).unwrap_or_default()
    }

    /// In Azure, refuses every change unless a probe blob, overwritten and deleted, left
    /// nothing behind: an account with blob versioning or soft delete keeps earlier
    /// versions and deleted blobs that dsr cannot remove, so a change there would leave
    /// the subject's values where no fresh locate sees them. Found out once per run.
    fn ready_for_changes(&self) -> Result<(), PlatformError> {
        if self.store.container.is_none() {
            return Ok(());
        }
        // Held while the probe runs, so that threads starting their first change wait for
        // one answer instead of each writing a probe.
        let mut known = self
            .keeping
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let keeping = match *known {
            Some(keeping) => keeping,
            None => {
                let keeping = self
                    .runtime
                    .block_on(self.probe())?
                    .keeping
                    .unwrap_or(blobs::Keeping::Unknown);
                *known = Some(keeping);
                keeping
            }
        };
        let message = match keeping {
            blobs::Keeping::Nothing => return Ok(()),
            blobs::Keeping::Copies => {
                "the storage account keeps earlier versions or soft-deleted copies of its blobs (blob versioning or soft delete is on), which dsr cannot remove: a change here would leave the subject's values in them, so nothing was changed. Turn blob versioning and soft delete off for the account and remove what they kept, or copy the export to S3 or a local folder, and run again"
            }
            blobs::Keeping::Unknown => {
                "dsr cannot tell whether the storage account keeps earlier versions or soft-deleted copies of its blobs: the credentials may not write, delete or list (with versions and deleted blobs) a probe blob at the top of the prefix, so nothing was changed. Let them, and run again (`dsr tenant check` shows what they may do)"
            }
        };
        Err(PlatformError::Store {
            url: self.url.clone(),
            message: message.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &std::path::Path, id: &str, byline: &[&str]) {
        let path = root.join(id);
        std::fs::create_dir_all(path.parent().expect("an archive")).expect("a folder");
        std::fs::write(&path, b"image").expect("an object");
        let sidecar = serde_json::json!({ "metadata": { "80": { "value": byline } } });
        std::fs::write(
            root.join(format!("{id}{SIDECAR_SUFFIX}")),
            serde_json::to_vec(&sidecar).expect("JSON"),
        )
        .expect("a sidecar");
    }

    fn open(root: &std::path::Path) -> ObjectsPlatform {
        let url = url::Url::from_directory_path(root).expect("an absolute path");
        ObjectsPlatform::open(url.as_str(), None, Timeouts::default()).expect("the store")
    }

    #[test]
    fn a_conditional_update_never_overwrites_a_newer_save() {
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), "A/x.png", &["Jane Doe", "Ola Nordmann"]);
        let platform = open(dir.path());
        let read = platform.get("A/x.png").expect("an asset");
        let changes: MetadataChanges = [(
            "80".to_owned(),
            Some(crate::asset::FieldValue::Bag(vec![
                "Ola Nordmann".to_owned(),
            ])),
        )]
        .into_iter()
        .collect();
        // Someone saves after dsr read it: the write computed from that read is refused.
        write(dir.path(), "A/x.png", &["Jane Doe", "Ola Nordmann", "Kari"]);
        let refused = platform
            .update("A/x.png", &changes, Some(&read.version))
            .expect_err("changed since it was read");
        assert!(refused.is_conflict(), "{refused:?}");
        let kept = platform.get("A/x.png").expect("an asset");
        assert_eq!(
            kept.metadata["80"].items(),
            ["Jane Doe", "Ola Nordmann", "Kari"]
        );
        let updated = platform
            .update("A/x.png", &changes, Some(&kept.version))
            .expect("unchanged since read");
        assert_eq!(updated.metadata["80"].items(), ["Ola Nordmann"]);
        assert_ne!(updated.version, kept.version);
    }

    /// An Azure platform whose account was seen to keep `keeping`, at an address where
    /// nothing answers: any request it sent would fail as unreachable, not as refused.
    fn azure_keeping(keeping: blobs::Keeping) -> ObjectsPlatform {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let endpoint = "http://127.0.0.1:9/devstoreaccount1";
        let timeouts = Timeouts::with_total(std::time::Duration::from_secs(2));
        let store = {
            let _entered = runtime.enter();
            object_store::azure::MicrosoftAzureBuilder::new()
                .with_endpoint(endpoint.to_owned())
                .with_allow_http(true)
                .with_account("devstoreaccount1")
                .with_access_key("a2V5")
                .with_container_name("acme")
                .build()
                .expect("a client")
        };
        let container = blobs::Container::new(
            endpoint,
            "devstoreaccount1",
            "acme",
            store.credentials().clone(),
            timeouts,
        )
        .expect("a container");
        ObjectsPlatform {
            store: Store {
                inner: std::sync::Arc::new(store),
                prefix: Key::from("export"),
                kind: StoreKind::Azure,
                folder: None,
                bucket: None,
                container: Some(container),
            },
            url: "az://acme/export".to_owned(),
            runtime,
            facts: std::sync::Mutex::new(Vec::new()),
            timeouts,
            keeping: std::sync::Mutex::new(Some(keeping)),
        }
    }

    #[test]
    fn an_azure_account_that_keeps_copies_refuses_every_change_before_sending_it() {
        for (keeping, says) in [
            (
                blobs::Keeping::Copies,
                "keeps earlier versions or soft-deleted",
            ),
            (blobs::Keeping::Unknown, "cannot tell whether"),
        ] {
            let platform = azure_keeping(keeping);
            let refused = platform.ready_for_changes().expect_err("refused");
            assert!(refused.to_string().contains(says), "{refused}");
            assert!(
                refused.to_string().contains("nothing was changed"),
                "{refused}"
            );
            let changes = MetadataChanges::new();
            for refused in [
                platform
                    .update("A/x.png", &changes, None)
                    .expect_err("refused"),
                platform.delete("A/x.png").expect_err("refused"),
            ] {
                assert!(refused.to_string().contains(says), "{refused}");
            }
        }
        assert!(
            azure_keeping(blobs::Keeping::Nothing)
                .ready_for_changes()
                .is_ok()
        );
    }

    #[test]
    fn an_id_that_leaves_the_prefix_names_nothing() {
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), "A/x.png", &["Jane Doe"]);
        let platform = open(dir.path());
        for id in [
            "../A/x.png",
            "A/../A/x.png",
            "x.png",
            "A//x.png",
            "/A/x.png",
        ] {
            assert!(platform.get(id).is_err_and(|e| e.is_not_found()), "{id}");
            assert!(platform.delete(id).is_err_and(|e| e.is_not_found()), "{id}");
        }
        assert!(dir.path().join("A/x.png").exists());
    }

    #[test]
    fn deleting_removes_the_object_and_its_sidecar() {
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), "A/x.png", &["Jane Doe"]);
        let platform = open(dir.path());
        platform.delete("A/x.png").expect("deleted");
        assert!(!dir.path().join("A/x.png").exists());
        assert!(!dir.path().join("A/x.png.json").exists());
        assert!(platform.get("A/x.png").is_err_and(|e| e.is_not_found()));
        assert!(platform.delete("A/x.png").is_err_and(|e| e.is_not_found()));
    }
}
