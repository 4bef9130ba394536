//! Where a tenant lives. The [`Platform`] trait hides the difference between a folder on
//! disk and a platform's REST API; the index and the operations see only assets.

pub mod dir;
pub mod fotoweb;
pub mod http;
mod known;
pub mod objects;
mod records;
pub mod sql;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

use crate::asset::{Asset, FieldValue};
pub use known::{Known, KnownVersions};

/// Errors of a platform. Callers branch on the variant (a missing asset during sync is not
/// a failure of the sync; a transient failure may be retried), never on the message.
/// Messages never hold a secret or a metadata value.
#[derive(Debug, thiserror::Error)]
pub enum PlatformError {
    #[error("the tenant folder {path} cannot be read: {source}")]
    Unreachable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("asset {id} does not exist")]
    NotFound { id: String },
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Unsupported(&'static str),
    /// A symbolic link in a tenant folder, where the asset's file, its sidecar or one of
    /// their folders should be: dsr never follows one, so nothing was read or changed.
    #[error(
        "{path} in the tenant folder is a symbolic link, which dsr does not follow: nothing was read or changed through it; put the file or folder itself in its place"
    )]
    Link { path: String },
    #[error("{path}:{line}:{column}: malformed sidecar: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("authentication failed: {0}")]
    Auth(String),
    #[error("permission denied: {0}")]
    Forbidden(String),
    /// The server could not be reached or did not answer in time.
    #[error("cannot reach {host}: {message}")]
    Network { host: String, message: String },
    /// The server took the connection but sent no answer in time, try after try, until the
    /// request's time limit ran out.
    #[error(
        "no answer from {host} in {} s ({tries} {}, {} s in all): check that the server is up, or allow more time with --timeout SECS (DSR_TIMEOUT, or `timeout` in the tenant's profile)",
        per_try.as_secs_f64().round(),
        if *tries == 1 { "try" } else { "tries" },
        waited.as_secs_f64().round()
    )]
    NoAnswer {
        host: String,
        /// The time limit of one try.
        per_try: Duration,
        tries: u32,
        /// From the first try to giving up.
        waited: Duration,
    },
    /// Nothing accepted a connection at the server's address, or its name does not resolve:
    /// a wrong URL or a server that is down, not a hiccup worth waiting out.
    #[error("cannot connect to {host}: check the tenant's URL and that the server is up")]
    NoConnection { host: String },
    /// An HTTP status the operation does not expect.
    #[error("{method} {path} answered {status}{}", detail.as_deref().map(|d| format!(": {d}")).unwrap_or_default())]
    Status {
        method: String,
        path: String,
        status: u16,
        detail: Option<String>,
    },
    /// A response dsr cannot make sense of.
    #[error("unexpected answer from {path}: {message}")]
    Protocol { path: String, message: String },
    /// A change the platform refused or did not carry out.
    #[error("{0}")]
    Rejected(String),
    /// A conditional write found the asset changed since it was read (someone else edited
    /// it): nothing was written. Read it again and compute the change anew.
    #[error(
        "asset {id} was changed by someone else after it was read: nothing was written; read it again and plan the change anew"
    )]
    Conflict { id: String },
    /// A versioned bucket still holds earlier versions (or delete markers) of an asset
    /// that dsr was to remove: the credentials may not delete versions, or some could not
    /// be removed; or an Azure blob has snapshots. The asset is not erased until they are
    /// gone.
    #[error(
        "earlier versions of asset {id} remain in the bucket: nothing is claimed erased; let the credentials list and delete object versions (s3:ListBucketVersions, s3:DeleteObjectVersion), or in Azure delete the blob's snapshots, and erase again"
    )]
    VersionsRemain { id: String },
    /// A database failed a statement, cannot be opened, or does not fit its dataset file
    /// (`sql`).
    #[error("the database {url}: {message}")]
    Database { url: String, message: String },
    /// An object store failed a request or cannot be opened (`objects`).
    #[error("the object store {url}: {message}")]
    Store { url: String, message: String },
}

impl PlatformError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, PlatformError::NotFound { .. })
    }

    /// A symbolic link stands where the asset, or a folder holding it, should be: it was
    /// not followed.
    pub fn is_link(&self) -> bool {
        matches!(self, PlatformError::Link { .. })
    }

    /// A conditional write found the asset changed since it was read.
    pub fn is_conflict(&self) -> bool {
        matches!(self, PlatformError::Conflict { .. })
    }

    /// Worth trying again later: the network, a silent or busy server, a rate limit.
    pub fn is_transient(&self) -> bool {
        match self {
            PlatformError::Network { .. } | PlatformError::NoAnswer { .. } => true,
            PlatformError::Status { status, .. } => http::retry::transient_status(*status),
            _ => false,
        }
    }
}

/// How long dsr waits for a platform's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// One try of one request.
    pub per_try: Duration,
    /// One request with all its tries and the waits between them.
    pub total: Duration,
}

impl Timeouts {
    /// The total wait of one request when nothing else is configured.
    pub const DEFAULT_TOTAL: Duration = Duration::from_secs(300);
    /// The longest one try waits for an answer. Long enough for a slow search page, short
    /// enough that a stalled server is tried again (or given up on) in good time.
    pub const MAX_PER_TRY: Duration = Duration::from_secs(30);

    /// Gives each request `total` in all, each of its tries at most [`Self::MAX_PER_TRY`].
    pub fn with_total(total: Duration) -> Timeouts {
        Timeouts {
            per_try: total.min(Timeouts::MAX_PER_TRY),
            total,
        }
    }
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts::with_total(Timeouts::DEFAULT_TOTAL)
    }
}

/// A request still waiting for its server, reported before each wait to try again.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub host: String,
    /// What went wrong with the last try ("no answer in 30 s", "it answered 503").
    pub cause: String,
    /// Tries made so far.
    pub tries: u32,
    /// Since the first try.
    pub waited: Duration,
    /// The request's time limit.
    pub limit: Duration,
    /// Until the next try.
    pub again_in: Duration,
}

impl std::fmt::Display for Waiting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "waiting for {}: {}; trying again in {:.0} s ({} {} so far, {:.0} s of at most {} s)",
            self.host,
            self.cause,
            self.again_in.as_secs_f64().ceil(),
            self.tries,
            if self.tries == 1 { "try" } else { "tries" },
            self.waited.as_secs_f64(),
            self.limit.as_secs()
        )
    }
}

/// Told about every [`Waiting`]; the command layer shows it on a terminal.
pub type WaitReport = std::sync::Arc<dyn Fn(&Waiting) + Send + Sync>;

/// What a platform says about itself.
#[derive(Debug, Clone, Default)]
pub struct Description {
    /// Field id → label.
    pub labels: BTreeMap<String, String>,
    /// Fields whose values can be changed through the platform; empty when the platform
    /// does not restrict which (a folder).
    pub writable: BTreeSet<String>,
}

/// One asset as a listing names it: enough to tell whether it changed.
/// An asset that belongs to a subject because it points at another of theirs (a quote of
/// her client row), as [`Platform::related`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub id: String,
    /// The asset it points at: the one asked about, or another related one nearer to it
    /// (a quote line points at its quote, which points at her client row).
    pub points_at: String,
    /// The fields that hold the pointer, as the platform labels them to people
    /// (`Quotes · client_id`).
    pub through: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    /// Changes whenever the asset's metadata changes; empty when the walk was asked for
    /// none (every asset is read then, and its version with it).
    pub version: String,
    /// The listing saw the asset's own file as a plain file, or saw none (a sidecar
    /// alone): a read need not ask again whether it is a link.
    pub not_a_link: bool,
}

/// Something a listing met that is not an asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stray {
    /// A file with no metadata sidecar: it is not indexed.
    NoSidecar { path: String },
    /// A symbolic link that is not an asset's file or sidecar (a folder, a link without a
    /// sidecar): not followed, so whatever it points at is not searched.
    Link { path: String },
    /// A file whose name is not UTF-8 (`path` shows each such byte as `\xNN`): an asset id
    /// is text, so it is not read or searched.
    NotUtf8 { path: String },
}

impl Stray {
    /// The path named (forward slashes, relative to the tenant).
    pub fn path(&self) -> &str {
        match self {
            Stray::NoSidecar { path } | Stray::Link { path } | Stray::NotUtf8 { path } => path,
        }
    }
}

impl std::fmt::Display for Stray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stray::NoSidecar { path } => write!(f, "{path} has no sidecar and is not indexed"),
            Stray::Link { path } => PlatformError::Link { path: path.clone() }.fmt(f),
            Stray::NotUtf8 { path } => write!(
                f,
                "{path}: the name is not valid UTF-8, so it is not read or searched: rename it"
            ),
        }
    }
}

/// Every asset of a tenant, and what was found beside them.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub assets: Vec<Listed>,
    pub strays: Vec<Stray>,
}

/// What the last sync knew, so that a scan reads only what changed.
#[derive(Clone, Copy)]
pub struct Since<'a> {
    /// Asset id → version marker indexed last time, for platforms that look assets up one
    /// by one; empty when `sorted` holds them instead.
    pub versions: Known<'a>,
    /// The same as a stream in id order, for a platform that walks them beside a sorted
    /// listing ([`Platform::walks_sorted_versions`]): a million of them are then never
    /// held at once. `None` when `versions` holds them.
    pub sorted: Option<&'a dyn SortedVersions>,
    /// Per archive, the newest modification time seen last time (platforms that list
    /// newest first stop reading there).
    pub watermarks: &'a BTreeMap<String, String>,
    /// Read everything, whatever was known.
    pub full: bool,
    /// How many requests or reads may run at once.
    pub jobs: usize,
}

impl std::fmt::Debug for Since<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Since")
            .field("versions", &self.versions.len())
            .field("sorted", &self.sorted.is_some())
            .field("watermarks", &self.watermarks)
            .field("full", &self.full)
            .field("jobs", &self.jobs)
            .finish()
    }
}

impl Since<'_> {
    /// Every known asset id with its version, in id order, wherever they are kept.
    pub fn sorted_versions(&self) -> Result<VersionStream<'_>, PlatformError> {
        match self.sorted {
            Some(sorted) => sorted.entries(),
            None => {
                Ok(Box::new(self.versions.iter().map(|(id, version)| {
                    Ok((id.to_owned(), version.to_owned()))
                })))
            }
        }
    }
}

/// Asset ids with their version markers, in id order; an entry that cannot be read ends it
/// with an error.
pub type VersionStream<'a> = Box<dyn Iterator<Item = Result<(String, String), PlatformError>> + 'a>;

/// Known versions that can be read as a stream in id order.
pub trait SortedVersions: Sync {
    fn entries(&self) -> Result<VersionStream<'_>, PlatformError>;
}

/// One finding of a scan, handed over as soon as it is made.
#[derive(Debug)]
pub enum Scanned {
    /// A new or changed asset (during a full scan, every asset).
    Asset(Asset),
    /// An asset that exists but could not be read; its old index entry stays.
    Failed { id: String, error: PlatformError },
    /// Something that is not an asset.
    Stray(Stray),
}

/// How a scan ended.
#[derive(Debug, Clone, Default)]
pub struct ScanEnd {
    /// Known assets that no longer exist.
    pub removed: Vec<String>,
    /// Per archive, the newest modification time now seen.
    pub watermarks: BTreeMap<String, String>,
}

/// Changes to one asset's metadata: a value to set, or `None` to clear the field.
pub type MetadataChanges = BTreeMap<String, Option<FieldValue>>;

/// What the credentials may do in one archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ArchiveAccess {
    pub name: String,
    pub assets: Option<u64>,
    pub read: bool,
    pub edit_metadata: bool,
    pub delete: bool,
    pub download: bool,
}

/// A file an asset names beside its own data: the file behind a database row, kept in an
/// object store.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttachedFile {
    /// Its key in the store, as the row names it.
    pub name: String,
    pub size: u64,
}

/// How the deletion of one file behind an asset ended (a database row's file in an
/// object store): a step of its own in the run's report and receipt. The file is named by
/// the SHA-256 of its key, never by the key, which may hold a person's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileStep {
    /// The store as the dataset names it (`s3://bucket/prefix`, `az://…`, a folder).
    pub store: String,
    /// Hex SHA-256 of the file's key in the store; messages name the file by its first 16
    /// digits.
    pub key_sha256: String,
    pub outcome: FileOutcome,
    /// How many versions of the file the deletion removed: 1 for a store without
    /// versions, every earlier version too on a versioned bucket (delete markers not
    /// counted), 0 when the file was already gone.
    pub versions_removed: u64,
}

/// The end of a [`FileStep`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileOutcome {
    /// Deleted, and a read of the key afterwards found nothing (nor any version of it).
    Deleted,
    /// Hidden or deleted, but the store keeps earlier versions it would not remove.
    VersionsRemain,
    /// The store refused or failed: the file is still there, and so is its row.
    Failed,
}

impl FileOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            FileOutcome::Deleted => "deleted",
            FileOutcome::VersionsRemain => "versions-remain",
            FileOutcome::Failed => "failed",
        }
    }
}

/// What the credentials may do in an object store, as `dsr tenant check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreAccess {
    /// Label and value, in the order a check lists them: list, read, write, delete,
    /// versioning, delete versions, what an Azure account keeps.
    pub facts: Vec<(String, String)>,
    /// Files may be read (access, portability).
    pub read: bool,
    /// Files may be deleted with every version of them, nothing kept behind (erasure).
    pub deletes_for_good: bool,
}

/// One object store holding the files behind a tenant's assets, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStoreCheck {
    /// The store as the dataset names it.
    pub store: String,
    /// The tables whose files it holds.
    pub tables: Vec<String>,
    /// What the credentials may do there, or why it cannot be reached.
    pub access: Result<StoreAccess, String>,
}

/// A writer that only counts and hashes what passes: a file's size and SHA-256 without
/// holding it.
#[derive(Default)]
pub struct Digesting {
    hasher: sha2::Sha256,
    pub size: u64,
}

impl Digesting {
    /// The SHA-256 of what was written, in hex.
    pub fn sha256(self) -> String {
        use sha2::Digest as _;
        crate::encode::hex(&self.hasher.finalize())
    }
}

impl std::io::Write for Digesting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        use sha2::Digest as _;
        self.hasher.update(buf);
        self.size += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A tenant's store of assets.
pub trait Platform: Send + Sync {
    /// Field labels and other facts about the tenant.
    fn describe(&self) -> Result<Description, PlatformError>;
    /// Hands every asset changed since `since` (every asset when `since.full`) to `found`,
    /// possibly from several threads, and says which known assets are gone.
    fn scan(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError>;
    /// Whether `scan` walks the known versions in id order ([`Since::sorted_versions`])
    /// rather than looking them up: the sync then hands them over as a stream instead of
    /// reading them all into a map first.
    fn walks_sorted_versions(&self) -> bool {
        false
    }
    /// Reads one asset with its metadata.
    fn get(&self, id: &str) -> Result<Asset, PlatformError>;
    /// Changes some fields of one asset and returns it as the platform now holds it. With
    /// `expected` (a version marker, [`Asset::version`]) the write is conditional: when the
    /// asset is no longer that version, nothing is written and the answer is
    /// [`PlatformError::Conflict`], so that a change computed from an older read never
    /// overwrites someone else's newer one.
    fn update(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError>;
    /// Deletes one asset; returns once the platform says it is done.
    fn delete(&self, id: &str) -> Result<(), PlatformError> {
        self.delete_following(id, None, &mut |_| {})
    }
    /// Deletes one asset like [`Platform::delete`], handing `accepted` the platform's handle
    /// on the deletion (a background task's link) as soon as there is one. Given the
    /// handle of a deletion a killed run was waiting for, it follows that one instead of
    /// asking again. Platforms that delete at once have no handle.
    fn delete_following(
        &self,
        id: &str,
        handle: Option<&str>,
        accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError>;
    /// Removes the earlier versions a store keeps of an asset changed or deleted before
    /// (every version, once the asset is gone) and lists them again: `VersionsRemain`
    /// while any is left. A change or deletion a run finds already made counts as done only
    /// after this: a run killed, or refused, between the write and the removal of the
    /// earlier versions left them behind. Stores without versions have nothing to remove.
    fn purge_earlier_versions(&self, id: &str) -> Result<(), PlatformError> {
        let _ = id;
        Ok(())
    }
    /// Writes the asset's original file to `to`; returns the number of bytes.
    fn download(&self, id: &str, to: &mut dyn std::io::Write) -> Result<u64, PlatformError>;
    /// What the credentials may do, per archive.
    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError>;
    /// True when changes must reach the platform in the plan's order, one at a time: a
    /// database refuses to delete a row before the rows that point at it, and the plan puts
    /// those first. Other platforms take their changes in any order, in parallel.
    fn changes_in_order(&self) -> bool {
        false
    }

    /// Opens one transaction around the changes of a run, where the platform has them (a
    /// database): each change is then made and undone on its own when it fails, but kept
    /// only once [`Platform::commit_changes`] commits them all. False where the platform
    /// makes each change for good at once.
    fn begin_changes(&self) -> Result<bool, PlatformError> {
        Ok(false)
    }
    /// Commits the changes made since [`Platform::begin_changes`]; on an error none of them
    /// was kept.
    fn commit_changes(&self) -> Result<(), PlatformError> {
        Ok(())
    }
    /// Undoes every change made since [`Platform::begin_changes`].
    fn abandon_changes(&self) {}

    /// Facts about the store itself found by the last [`Platform::access`] (an object
    /// store's versioning, what the credentials may do with objects), as label and value.
    fn store_facts(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    /// Refuses changes the platform could not make for good (an object store that keeps
    /// copies dsr cannot remove), before a run changes anything.
    fn ready_for_changes(&self) -> Result<(), PlatformError> {
        Ok(())
    }
    /// Whether the platform has a user account with this login: `None` where it holds no
    /// accounts to look in. An erasure that hands the subject's albums to another account
    /// asks before anything changes.
    fn has_login(&self, login: &str) -> Result<Option<bool>, PlatformError> {
        let _ = login;
        Ok(None)
    }
    /// Whether the change of `id` waits until every other change of its run is done: a
    /// record the others are found by (a user account, whose login names the owner of her
    /// albums). Changed first, a change of the others that failed would leave what remains
    /// of her unfindable by the next sync's index.
    fn changed_last(&self, id: &str) -> bool {
        let _ = id;
        false
    }
    /// The assets that belong to this one's subject because they point at it: in a
    /// database, the rows of described tables whose foreign keys lead to this row (her
    /// client's quotes, and their lines), within the scope. Platforms whose assets point
    /// at nothing have none. Each names what it points at, so that a package can show it
    /// under that record.
    fn related(&self, id: &str) -> Result<Vec<Related>, PlatformError> {
        let _ = id;
        Ok(Vec::new())
    }
    /// What people call an archive, where the platform names it otherwise than by its id
    /// (a database table by the dataset's label: `Quote lines` for `quote_lines`).
    fn archive_label(&self, archive: &str) -> Option<String> {
        let _ = archive;
        None
    }
    /// A small image of the asset for people to recognise it, where the platform has one.
    fn preview(&self, id: &str) -> Result<Option<Preview>, PlatformError> {
        let _ = id;
        Ok(None)
    }
    /// The files the asset names beside its own data that are there (a database row's
    /// file in an object store). Most platforms' assets are files themselves and name none.
    fn files(&self, id: &str) -> Result<Vec<AttachedFile>, PlatformError> {
        let _ = id;
        Ok(Vec::new())
    }
    /// Each object store holding files behind the tenant's assets (a database's rows),
    /// checked as an `objects` tenant's store is. Most platforms keep none beside them.
    fn file_stores(&self) -> Vec<FileStoreCheck> {
        Vec::new()
    }
    /// The files behind `id` that this process deleted, or tried to, with its last
    /// deletion of `id` (a database row's file): what a receipt names beside the asset.
    fn file_steps(&self, id: &str) -> Vec<FileStep> {
        let _ = id;
        Vec::new()
    }
    /// Streams one of [`Platform::files`] to `to`; returns the number of bytes.
    fn download_file(
        &self,
        id: &str,
        name: &str,
        to: &mut dyn std::io::Write,
    ) -> Result<u64, PlatformError> {
        let _ = (name, to);
        Err(PlatformError::NotFound { id: id.to_owned() })
    }
}

/// A small image of an asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The file name extension that says its type (`png`, `jpg`, …).
    pub extension: String,
    pub bytes: Vec<u8>,
}

/// How to reach a platform beyond the profile: the secret and the tenant's own folder.
#[derive(Clone, Default)]
pub struct Connection {
    /// Gives the client secret (or legacy API key) for platforms that need one, when asked.
    pub secret: Option<http::SecretSource>,
    /// Where a platform may cache things for this tenant (an access token).
    pub token_cache: Option<PathBuf>,
    /// At most this many requests to the platform at once, however many threads share
    /// it (a bulk run keeps more subjects going than it may send requests for).
    pub max_requests: Option<usize>,
    /// How long to wait for answers.
    pub timeouts: Timeouts,
    /// Told whenever a request waits to be tried again, for progress.
    pub waiting: Option<WaitReport>,
    /// The tenant's identity salt file, for platforms that mask erased values with a
    /// salted hash (`sql`); created on first use.
    pub salt_file: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_silent_server_is_named_with_the_wait() {
        let error = PlatformError::NoAnswer {
            host: "acme.fotoware.cloud".to_owned(),
            per_try: Duration::from_secs(30),
            tries: 3,
            waited: Duration::from_millis(95_400),
        };
        assert!(
            error
                .to_string()
                .starts_with("no answer from acme.fotoware.cloud in 30 s (3 tries, 95 s in all): "),
            "{error}"
        );
        assert!(error.is_transient());
        let waiting = Waiting {
            host: "acme.fotoware.cloud".to_owned(),
            cause: "no answer in 30 s".to_owned(),
            tries: 1,
            waited: Duration::from_millis(30_100),
            limit: Duration::from_secs(300),
            again_in: Duration::from_millis(150),
        };
        assert_eq!(
            waiting.to_string(),
            "waiting for acme.fotoware.cloud: no answer in 30 s; trying again in 1 s (1 try so far, 30 s of at most 300 s)"
        );
    }

    #[test]
    fn a_total_limit_caps_each_try() {
        assert_eq!(
            Timeouts::default(),
            Timeouts {
                per_try: Duration::from_secs(30),
                total: Duration::from_secs(300)
            }
        );
        assert_eq!(
            Timeouts::with_total(Duration::from_secs(2)).per_try,
            Duration::from_secs(2)
        );
    }
}
