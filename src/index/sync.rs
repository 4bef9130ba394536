//! Brings a tenant's index up to date with its platform.
//!
//! Incremental by default: the listing's version markers are compared with those indexed
//! last time, so only new and changed assets are read, and assets that disappeared are
//! removed. `full` re-reads everything. Reading runs on several threads while one thread
//! feeds tantivy.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;
use sha2::{Digest, Sha256};
use tantivy::TantivyDocument;

use super::state::SyncState;
use super::{IndexError, IndexSettings, TenantIndex};
use crate::platform::{Platform, PlatformError, Stray};

/// Receives progress while a sync runs (a progress bar, or nothing).
pub trait Progress: Sync {
    /// The number of assets that will be read.
    fn start(&self, _total: u64) {}
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
    /// Assets that could not be read, each with the reason (path, line and column).
    pub errors: Vec<String>,
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
    pub fn load_state(&self) -> Result<SyncState, SyncError> {
        SyncState::load(&self.state()).map_err(|source| SyncError::State {
            path: self.state(),
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
    progress: &dyn Progress,
) -> Result<SyncReport, SyncError> {
    let started = Instant::now();
    let mut state = files.load_state()?;
    let digest = settings_digest(settings);
    let mut report = SyncReport {
        full,
        ..SyncReport::default()
    };
    let index = TenantIndex::open_or_create(&files.index())?;
    if !full && state.settings != digest && !state.versions.is_empty() {
        report.full = true;
        report.rebuilt_because = Some("the tenant's field mapping or region changed");
    }
    if !full && state.versions.is_empty() && !index.is_empty()? {
        report.full = true;
        report.rebuilt_because = Some("the sync state was missing");
    }

    let description = platform.describe()?;
    let listing = platform.list()?;
    for stray in listing.strays {
        match stray {
            Stray::NoSidecar { path } => report.without_sidecar.push(path),
        }
    }

    let old = std::mem::take(&mut state.versions);
    let mut versions = BTreeMap::new();
    let mut to_read = Vec::new();
    for listed in &listing.assets {
        match old.get(&listed.id) {
            None => to_read.push((listed.id.clone(), Change::Added)),
            Some(v) if *v != listed.version => to_read.push((listed.id.clone(), Change::Updated)),
            Some(v) if report.full => {
                to_read.push((listed.id.clone(), Change::Unchanged));
                versions.insert(listed.id.clone(), v.clone());
            }
            Some(v) => {
                report.unchanged += 1;
                versions.insert(listed.id.clone(), v.clone());
            }
        }
    }

    let mut update = index.update()?;
    if report.full {
        update.remove_all()?;
    }
    let listed: HashSet<&str> = listing.assets.iter().map(|l| l.id.as_str()).collect();
    for id in old.keys().filter(|id| !listed.contains(id.as_str())) {
        update.remove(id);
        report.removed += 1;
    }

    progress.start(to_read.len() as u64);
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8);
    std::thread::scope(|scope| -> Result<(), SyncError> {
        let (tx, rx) =
            mpsc::sync_channel::<(usize, Result<(String, TantivyDocument), PlatformError>)>(1024);
        for _ in 0..workers {
            let tx = tx.clone();
            let (to_read, next, index) = (&to_read, &next, &index);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((id, _)) = to_read.get(i) else { break };
                    let read = platform
                        .get(id)
                        .map(|asset| (asset.version.clone(), index.document(&asset, settings)));
                    if tx.send((i, read)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, read) in rx {
            let (id, change) = &to_read[i];
            match read {
                Ok((version, doc)) => {
                    update.upsert(id, doc)?;
                    versions.insert(id.clone(), version);
                    match change {
                        Change::Added => report.added += 1,
                        Change::Updated => report.updated += 1,
                        Change::Unchanged => report.unchanged += 1,
                    }
                }
                // Gone between the listing and the read: it was removed.
                Err(e) if e.is_not_found() => {
                    if *change != Change::Added {
                        update.remove(id);
                        versions.remove(id);
                        report.removed += 1;
                    }
                }
                Err(e) => {
                    // The old document stays searchable (unless rebuilding), and the old
                    // version marker is kept so the next sync tries again.
                    if let (false, Some(v)) = (report.full, old.get(id)) {
                        versions.insert(id.clone(), v.clone());
                    } else {
                        versions.remove(id);
                    }
                    report.errors.push(e.to_string());
                }
            }
            progress.advance(1);
        }
        Ok(())
    })?;
    progress.finish();
    update.commit()?;

    state.versions = versions;
    state.settings = digest;
    state.labels = description.labels;
    state.synced_at = Some(crate::time::now());
    state
        .save(&files.state())
        .map_err(|source| SyncError::State {
            path: files.state(),
            source,
        })?;
    report.indexed = state.versions.len() as u64;
    report.errors.sort();
    report.elapsed = started.elapsed();
    Ok(report)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Added,
    Updated,
    Unchanged,
}
