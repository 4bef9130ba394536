//! Brings a tenant's index up to date with its platform.
//!
//! Incremental by default: the platform's scan is given the version markers and
//! per-archive watermarks of the last sync, so only new and changed assets are read, and
//! assets that disappeared are removed. `full` re-reads everything. The platform reads on
//! its own threads while this one feeds tantivy.
//!
//! The assets a sync could not read are remembered ([`Unreadable`]) until a later sync
//! reads them or finds them gone, so that every answer from the index can say what it
//! did not search.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;
use sha2::{Digest, Sha256};
use tantivy::TantivyDocument;

use super::state::{SyncState, SyncSummary, Unreadable};
use super::{IndexError, IndexSettings, TenantIndex};
use crate::asset::Asset;
use crate::platform::{Platform, PlatformError, Scanned, Since, Stray};

/// Receives progress while a sync runs (a progress bar, or nothing).
pub trait Progress: Sync {
    /// The number of assets that will be read, when it is known in advance.
    fn start(&self, _total: Option<u64>) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}

/// Progress that goes nowhere.
pub struct Silent;
impl Progress for Silent {}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Platform(#[from] PlatformError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("cannot read or write the sync state {path}: {source}")]
    State {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What a sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    pub full: bool,
    /// Why an incremental sync became a full one, if it did.
    pub rebuilt_because: Option<&'static str>,
    pub added: u64,
    pub updated: u64,
    pub removed: u64,
    pub unchanged: u64,
    /// Assets that could not be read, each with the reason (path, line and column), and
    /// what was not read at all (a symbolic link, a name that is not UTF-8), each named.
    pub errors: Vec<String>,
    /// Every asset (or link, or oddly named file) that could not be read and is not
    /// searched until it is: those of `errors`, and those an incremental sync did not read
    /// again.
    pub unreadable: Vec<String>,
    /// Files without a sidecar: not indexed.
    pub without_sidecar: Vec<String>,
    pub indexed: u64,
    #[serde(serialize_with = "seconds")]
    pub elapsed: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((d.as_secs_f64() * 1000.0).round() / 1000.0)
}

/// The files of one tenant's local copy.
#[derive(Debug, Clone)]
pub struct TenantFiles {
    pub dir: PathBuf,
}

impl TenantFiles {
    pub fn new(dir: &Path) -> TenantFiles {
        TenantFiles {
            dir: dir.to_owned(),
        }
    }
    pub fn index(&self) -> PathBuf {
        self.dir.join("index")
    }
    pub fn state(&self) -> PathBuf {
        self.dir.join("state.json")
    }
    /// What most commands need of the state (see [`SyncSummary`]).
    pub fn summary(&self) -> PathBuf {
        self.dir.join("summary.json")
    }
    /// The FotoWeb connector's cached access token.
    pub fn token_cache(&self) -> PathBuf {
        self.dir.join(Self::TOKEN_CACHE)
    }
    /// The token cache's file name in the tenant's folder.
    pub const TOKEN_CACHE: &str = "token.json";
    /// What dsr derives from the platform and can make again — the index, its sync state,
    /// the cached token — as opposed to the tenant's records (cases with their receipts,
    /// plans and journals, the ledger, the salt, the tombstones, bulk-run journals), which
    /// are kept until purged.
    pub fn derived(&self) -> [PathBuf; 4] {
        [
            self.index(),
            self.state(),
            self.summary(),
            self.token_cache(),
        ]
    }
    pub fn load_state(&self) -> Result<SyncState, SyncError> {
        SyncState::load(&self.state()).map_err(|source| SyncError::State {
            path: self.state(),
            source,
        })
    }
    /// Writes the state and, after it, its summary: a summary never says more than the
    /// state it was made from.
    pub fn save_state(&self, state: &mut SyncState) -> Result<(), SyncError> {
        let failed = |path: PathBuf| move |source| SyncError::State { path, source };
        state.save(&self.state()).map_err(failed(self.state()))?;
        state
            .summary()
            .save(&self.summary())
            .map_err(failed(self.summary()))
    }
    /// The summary of the last sync; derived from the full state (and written for next
    /// time) when a data directory has none yet.
    pub fn load_summary(&self) -> Result<SyncSummary, SyncError> {
        let failed = |path: PathBuf| move |source| SyncError::State { path, source };
        if let Some(summary) = SyncSummary::load(&self.summary()).map_err(failed(self.summary()))? {
            return Ok(summary);
        }
        let state = self.load_state()?;
        let summary = state.summary();
        if state.synced_at.is_some() {
            // Best effort: a read-only data directory still answers.
            let _ = summary.save(&self.summary());
        }
        Ok(summary)
    }
    /// The assets the last sync could not read.
    pub fn unreadable(&self) -> PathBuf {
        self.dir.join("unreadable.json")
    }
    pub fn load_unreadable(&self) -> Result<Unreadable, SyncError> {
        Unreadable::load(&self.unreadable()).map_err(|source| SyncError::State {
            path: self.unreadable(),
            source,
        })
    }
}

/// A digest of the settings that shape index terms: when it changes, the index is rebuilt.
pub fn settings_digest(settings: &IndexSettings) -> String {
    let text = format!("{:?}|{:?}", settings.roles, settings.region);
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Syncs the tenant's index in `files` with `platform`.
pub fn sync(
    platform: &dyn Platform,
    files: &TenantFiles,
    settings: &IndexSettings,
    full: bool,
    jobs: usize,
    progress: &dyn Progress,
) -> Result<SyncReport, SyncError> {
    let started = Instant::now();
    let mut state = files.load_state()?;
    let digest = settings_digest(settings);
    let mut report = SyncReport {
        full,
        ..SyncReport::default()
    };
    let index = match TenantIndex::open_or_create(&files.index()) {
        // Built by another version of dsr with other fields: every document is written
        // again anyway, as the state of another format is read as empty.
        Err(IndexError::OtherSchema(_)) => {
            report.full = true;
            report.rebuilt_because = Some("the index was built by another version of dsr");
            TenantIndex::recreate(&files.index())?
        }
        opened => opened?,
    };
    if !full && state.settings != digest && !state.versions.is_empty() {
        report.full = true;
        report.rebuilt_because = Some("the tenant's field mapping or region changed");
    }
    if !full && state.versions.is_empty() && !index.is_empty()? {
        report.full = true;
        report.rebuilt_because = Some("the sync state was missing");
    }

    let old = std::mem::take(&mut state.versions);
    // The versions of what this sync reads. The scan compares with `old` meanwhile, so
    // an incremental sync adds these to it afterwards rather than copying a million
    // entries first.
    let mut versions = BTreeMap::new();
    let watermarks = if report.full {
        BTreeMap::new()
    } else {
        std::mem::take(&mut state.watermarks)
    };
    // A rebuild works the list out afresh; otherwise what was unreadable stays so until it
    // is read or gone.
    let mut unreadable = if report.full {
        Unreadable::default()
    } else {
        files.load_unreadable()?
    };
    // The scan is told of the unreadable assets as known ones with a version no asset has:
    // it then reads them again, and says when they are gone, though never indexed.
    let known = if unreadable.assets.is_empty() {
        Cow::Borrowed(&old)
    } else {
        let mut known = old.clone();
        for id in &unreadable.assets {
            known.insert(id.clone(), String::new());
        }
        Cow::Owned(known)
    };
    let since = Since {
        versions: &known,
        watermarks: &watermarks,
        full: report.full,
        jobs: jobs.max(1),
    };

    let mut update = index.update()?;
    if report.full {
        update.remove_all()?;
    }
    // Links and names that are not text: named, and remembered as not searched.
    let mut not_searched = Vec::new();
    // A rebuild reads about as many assets as were indexed; otherwise the count is unknown.
    progress.start((report.full && !old.is_empty()).then_some(old.len() as u64));
    let (end, description) = std::thread::scope(|scope| -> Result<_, SyncError> {
        let (tx, rx) = mpsc::sync_channel::<Found>(1024);
        let (since, index) = (&since, &index);
        let scanning = scope.spawn(move || {
            let found = |item: Scanned| {
                let item = match item {
                    Scanned::Asset(asset) => {
                        let doc = index.document(&asset, settings);
                        Found::Asset(asset.id, asset.version, doc)
                    }
                    Scanned::Failed { id, error } => Found::Failed(id, error.to_string()),
                    Scanned::Stray(stray) => {
                        let reason = stray.to_string();
                        match stray {
                            Stray::NoSidecar { path } => Found::NoSidecar(path),
                            Stray::Link { path } | Stray::NotUtf8 { path } => {
                                Found::NotSearched(path, reason)
                            }
                        }
                    }
                };
                // The receiver only goes away when indexing failed; that error is reported.
                let _ = tx.send(item);
            };
            let end = platform.scan(since, &found)?;
            // Closes the channel, so the last assets are indexed while the description is
            // read. Read after the scan, it may reuse what the scan loaded (a FotoWeb
            // archive list), and its requests overlap that indexing instead of delaying
            // the first listing.
            drop(tx);
            let description = platform.describe()?;
            Ok::<_, PlatformError>((end, description))
        });
        for item in rx {
            match item {
                Found::Asset(id, version, doc) => {
                    if report.full && !versions.contains_key(&id) {
                        // Every document went with `remove_all`, and this one was not
                        // added since: a delete would only cost time at commit.
                        update.add(doc)?;
                    } else {
                        update.upsert(&id, doc)?;
                    }
                    match old.get(&id) {
                        None => report.added += 1,
                        Some(v) if *v == version => report.unchanged += 1,
                        Some(_) => report.updated += 1,
                    }
                    unreadable.assets.remove(&id);
                    versions.insert(id, version);
                    progress.advance(1);
                }
                Found::Failed(id, error) => {
                    // The old document stays searchable (unless rebuilding), and the old
                    // version marker is kept so the next sync tries again.
                    if report.full {
                        versions.remove(&id);
                    }
                    unreadable.assets.insert(id);
                    report.errors.push(error);
                    progress.advance(1);
                }
                Found::NoSidecar(path) => report.without_sidecar.push(path),
                Found::NotSearched(path, reason) => {
                    report.errors.push(reason);
                    not_searched.push(path);
                }
            }
        }
        match scanning.join() {
            Ok(scanned) => Ok(scanned?),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })?;
    drop(known);
    let mut versions = if report.full {
        versions
    } else {
        let mut all = old;
        all.extend(versions);
        all
    };
    for id in &end.removed {
        update.remove(id);
        unreadable.assets.remove(id);
        if versions.remove(id).is_some() {
            report.removed += 1;
        }
    }
    // After the removals: a stray is never listed as an asset, so the scan calls every
    // one that was remembered gone.
    unreadable.assets.extend(not_searched);
    if !report.full {
        report.unchanged = (versions.len() as u64).saturating_sub(report.added + report.updated);
    }
    progress.finish();
    update.commit()?;

    state.versions = versions;
    state.watermarks = end.watermarks;
    state.settings = digest;
    state.labels = description.labels;
    state.writable = description.writable;
    state.synced_at = Some(crate::time::now());
    files.save_state(&mut state)?;
    unreadable
        .save(&files.unreadable())
        .map_err(|source| SyncError::State {
            path: files.unreadable(),
            source,
        })?;
    report.unreadable = unreadable.assets.into_iter().collect();
    report.indexed = state.versions.len() as u64;
    report.errors.sort();
    report.without_sidecar.sort();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// What the scanning thread hands the indexing thread.
enum Found {
    Asset(String, String, TantivyDocument),
    Failed(String, String),
    NoSidecar(String),
    /// A stray that may hold data: its path and why it was not read.
    NotSearched(String, String),
}

/// Re-reads the named assets from the platform and brings their index entries up to date:
/// changed ones are re-indexed, gone ones removed. Used after dsr itself changed them, so
/// that a following locate sees the platform as it is now. Returns how many are gone.
pub fn refresh(
    platform: &dyn Platform,
    files: &TenantFiles,
    settings: &IndexSettings,
    ids: &[String],
) -> Result<u64, SyncError> {
    let mut read = Vec::with_capacity(ids.len());
    for id in ids {
        match platform.get(id) {
            Ok(asset) => read.push((id.clone(), Some(asset))),
            Err(e) if e.is_not_found() => read.push((id.clone(), None)),
            Err(e) => return Err(e.into()),
        }
    }
    reindex(files, settings, &read)
}

/// Brings the index entries of assets just read from the platform up to date: an asset
/// (`Some`) is re-indexed as read, a gone one (`None`) removed. Returns how many are gone.
pub fn reindex(
    files: &TenantFiles,
    settings: &IndexSettings,
    read: &[(String, Option<Asset>)],
) -> Result<u64, SyncError> {
    let mut state = files.load_state()?;
    let index = TenantIndex::open_or_create(&files.index())?;
    let mut update = index.update()?;
    let mut gone = 0;
    for (id, asset) in read {
        match asset {
            Some(asset) => {
                update.upsert(id, index.document(asset, settings))?;
                state.versions.insert(id.clone(), asset.version.clone());
            }
            None => {
                update.remove(id);
                state.versions.remove(id);
                gone += 1;
            }
        }
    }
    update.commit()?;
    files.save_state(&mut state)?;
    Ok(gone)
}
