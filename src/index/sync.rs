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

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;
use sha2::{Digest, Sha256};
use tantivy::TantivyDocument;

use super::state::{SyncState, SyncSummary, Unreadable};
use super::versions::{self, VersionsFile};
use super::{IndexError, IndexSettings, TenantIndex};
use crate::asset::Asset;
use crate::platform::{
    Known, KnownVersions, Platform, PlatformError, Scanned, Since, SortedVersions, Stray,
    VersionStream,
};

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
    /// The version of every indexed asset (see [`super::versions`]).
    pub fn versions(&self) -> PathBuf {
        self.dir.join("versions.tsv")
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
    pub fn derived(&self) -> [PathBuf; 5] {
        [
            self.index(),
            self.state(),
            self.versions(),
            self.summary(),
            self.token_cache(),
        ]
    }
    /// Reads the state. A state written before the versions had a file of their own holds
    /// them: they are moved to that file first, and the state written again without them,
    /// so that this happens once.
    pub fn load_state(&self) -> Result<SyncState, SyncError> {
        let failed = |path: PathBuf| move |source| SyncError::State { path, source };
        let mut state = SyncState::load(&self.state()).map_err(failed(self.state()))?;
        if let Some(versions) = state.versions.take() {
            log::info!(
                "moving the asset versions out of {}",
                self.state().display()
            );
            versions::write_map(&self.versions(), &versions).map_err(failed(self.versions()))?;
            state.save(&self.state()).map_err(failed(self.state()))?;
        }
        Ok(state)
    }
    /// The versions file of `state`: `None` when there is none, or it belongs to a state of
    /// another format (which is read as empty) or is not whole (an error of kind
    /// `InvalidData`); either way nothing is known.
    pub fn open_versions(&self, state: &SyncState) -> Result<Option<VersionsFile>, SyncError> {
        if !state.is_current() {
            return Ok(None);
        }
        VersionsFile::open(&self.versions()).map_err(|source| SyncError::State {
            path: self.versions(),
            source,
        })
    }
    /// Writes the state and, after it, its summary (the versions file, holding `assets`,
    /// is written before both): a summary never says more than the state it was made from.
    pub fn save_state(&self, state: &mut SyncState, assets: u64) -> Result<(), SyncError> {
        let failed = |path: PathBuf| move |source| SyncError::State { path, source };
        state.save(&self.state()).map_err(failed(self.state()))?;
        state
            .summary(assets)
            .save(&self.summary())
            .map_err(failed(self.summary()))
    }
    /// Records a few assets read again (`Some` version) or gone (`None`) in the versions
    /// file, then saves the state and its summary. A versions file that is not whole is
    /// removed instead, so that the next sync reads everything again rather than trusting
    /// what is left of it.
    pub fn save_versions(
        &self,
        state: &mut SyncState,
        changes: &BTreeMap<String, Option<String>>,
    ) -> Result<(), SyncError> {
        let failed = |path: PathBuf| move |source| SyncError::State { path, source };
        let path = self.versions();
        let old = match self.open_versions(state) {
            Ok(old) => old,
            Err(SyncError::State { source, .. })
                if source.kind() == std::io::ErrorKind::InvalidData =>
            {
                return match std::fs::remove_file(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(failed(path)(e)),
                    _ => Ok(()),
                };
            }
            Err(e) => return Err(e),
        };
        let entries = match &old {
            Some(old) => Some(old.entries().map_err(failed(path.clone()))?),
            None => None,
        };
        let assets = versions::write(&path, |out| match entries {
            Some(entries) => versions::merge(entries, changes, out),
            None => versions::merge(std::iter::empty(), changes, out),
        })
        .map_err(failed(path))?;
        self.save_state(state, assets)
    }
    /// The summary of the last sync; derived from the full state (and written for next
    /// time) when a data directory has none yet.
    pub fn load_summary(&self) -> Result<SyncSummary, SyncError> {
        let failed = |path: PathBuf| move |source| SyncError::State { path, source };
        if let Some(summary) = SyncSummary::load(&self.summary()).map_err(failed(self.summary()))? {
            return Ok(summary);
        }
        // Not `load_state`: answering does not move the versions of an older state.
        let state = SyncState::load(&self.state()).map_err(failed(self.state()))?;
        let assets = match &state.versions {
            Some(versions) => versions.len() as u64,
            // A versions file that is not whole counts nothing (the next sync reads all).
            None => self
                .open_versions(&state)
                .ok()
                .flatten()
                .map_or(0, |v| v.len()),
        };
        let summary = state.summary(assets);
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
    // What the last sync indexed. A versions file that is not whole is no knowledge at
    // all: this sync then reads everything rather than take an asset for unchanged that it
    // did not compare.
    let not_whole = |e: &std::io::Error| e.kind() == std::io::ErrorKind::InvalidData;
    let mut torn = false;
    let mut known_file = match files.open_versions(&state) {
        Ok(file) => file,
        Err(SyncError::State { source, .. }) if not_whole(&source) => {
            log::warn!(
                "{}: {source}; reading every asset again",
                files.versions().display()
            );
            torn = true;
            None
        }
        Err(e) => return Err(e),
    };
    // A platform that looks assets up gets them all in a map; one that walks them in order
    // gets them as a stream from the file.
    let walks = platform.walks_sorted_versions();
    let mut old = KnownVersions::default();
    if !walks && let Some(file) = &known_file {
        match file.load() {
            Ok(map) => old = map,
            Err(source) if not_whole(&source) => {
                log::warn!(
                    "{}: {source}; reading every asset again",
                    files.versions().display()
                );
                torn = true;
                known_file = None;
            }
            Err(source) => {
                return Err(SyncError::State {
                    path: files.versions(),
                    source,
                });
            }
        }
    }
    let old_count = known_file.as_ref().map_or(0, VersionsFile::len);
    if !full && state.settings != digest && old_count > 0 {
        report.full = true;
        report.rebuilt_because = Some("the tenant's field mapping or region changed");
    }
    // An index that lost its documents (its folder deleted, or restored from a backup
    // without it) beside a versions file that still lists them would take every asset for
    // unchanged and leave them unsearched: a locate would then find nothing where she is.
    if !report.full && old_count > 0 && index.len()? != old_count {
        report.full = true;
        report.rebuilt_because = Some("the index did not hold the assets the sync state lists");
    }
    if !full && old_count == 0 && !index.is_empty()? {
        report.full = true;
        report.rebuilt_because = Some(if torn {
            "the sync state was not whole"
        } else {
            "the sync state was missing"
        });
    }

    // The versions of what this sync reads; the others known are merged in from the
    // versions file afterwards.
    // Written out in runs beside the index once large: a first sync of ten million assets
    // would otherwise hold them all.
    let mut versions = versions::ReadVersions::spilling_into(&files.dir);
    let spill_error = |source| SyncError::State {
        path: files.dir.clone(),
        source,
    };
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
    let overlay: BTreeMap<String, String> = unreadable
        .assets
        .iter()
        .map(|id| (id.clone(), String::new()))
        .collect();
    let streamed = match &known_file {
        // A platform walking in order reads everything when rebuilding, with or without
        // what it knew.
        Some(file) if walks && !report.full => Some(FileKnown {
            file,
            overlay: &overlay,
            path: files.versions(),
        }),
        _ => None,
    };
    let nothing = KnownVersions::default();
    let known = if (walks && report.full) || streamed.is_some() {
        Known::new(&nothing)
    } else {
        Known::new(&old).with_overlay(&overlay)
    };
    let since = Since {
        versions: known,
        sorted: streamed.as_ref().map(|s| s as &dyn SortedVersions),
        watermarks: &watermarks,
        full: report.full,
        jobs: jobs.max(1),
    };

    // Nothing indexed to replace: each document is added, not upserted. An upsert also
    // queues a delete of its id, which the writer keeps until every segment has seen it:
    // at a million assets that queue, not the documents, was most of a first sync's memory
    // (1.8 GB) and much of its time.
    let fresh = report.full || index.is_empty()?;
    let mut update = index.update()?;
    if report.full {
        update.remove_all()?;
    }
    // Links and names that are not text: named, and remembered as not searched.
    let mut not_searched = Vec::new();
    // A rebuild reads about as many assets as were indexed; otherwise the count is unknown.
    progress.start((report.full && old_count > 0).then_some(old_count));
    let (end, description) = std::thread::scope(|scope| -> Result<_, SyncError> {
        // What the scan finds goes to this thread [`SENT_AT_ONCE`] at a time: one by one,
        // each woke it, and at a million assets switching threads was a fifth of a first
        // sync's CPU time (perf).
        let (tx, rx) = mpsc::sync_channel::<Vec<Found>>(1024 / SENT_AT_ONCE);
        let (since, index) = (&since, &index);
        let scanning = scope.spawn(move || {
            let gathered = std::sync::Mutex::new(Vec::with_capacity(SENT_AT_ONCE));
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
                let full = {
                    let mut gathered = crate::threads::lock(&gathered);
                    gathered.push(item);
                    (gathered.len() >= SENT_AT_ONCE).then(|| {
                        std::mem::replace(&mut *gathered, Vec::with_capacity(SENT_AT_ONCE))
                    })
                };
                // The receiver only goes away when indexing failed; that error is reported.
                if let Some(batch) = full {
                    let _ = tx.send(batch);
                }
            };
            let scanned = platform.scan(since, &found);
            let rest = crate::threads::into_inner(gathered);
            if !rest.is_empty() {
                let _ = tx.send(rest);
            }
            let end = scanned?;
            // Closes the channel, so the last assets are indexed while the description is
            // read. Read after the scan, it may reuse what the scan loaded (a FotoWeb
            // archive list), and its requests overlap that indexing instead of delaying
            // the first listing.
            drop(tx);
            let description = platform.describe()?;
            Ok::<_, PlatformError>((end, description))
        });
        for item in rx.into_iter().flatten() {
            match item {
                Found::Asset(id, version, doc) => {
                    if fresh && !versions.may_hold(&id) {
                        // Every document went with `remove_all` (or there was none), and
                        // this one was not added since: a delete would only cost memory
                        // and time.
                        update.add(doc)?;
                    } else {
                        update.upsert(&id, doc)?;
                    }
                    unreadable.assets.remove(&id);
                    versions.insert(&id, &version).map_err(spill_error)?;
                    progress.advance(1);
                }
                Found::Failed(id, error) => {
                    // The old document stays searchable (unless rebuilding), and the old
                    // version marker is kept so the next sync tries again.
                    if report.full {
                        versions.remove(&id).map_err(spill_error)?;
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
    drop(streamed);
    let removed: BTreeSet<String> = end.removed.iter().cloned().collect();
    for id in &end.removed {
        update.remove(id);
        unreadable.assets.remove(id);
    }
    // After the removals: a stray is never listed as an asset, so the scan calls every
    // one that was remembered gone.
    unreadable.assets.extend(not_searched);

    progress.finish();
    // The index first, then the versions that say what it holds: killed between the two,
    // the next sync finds the versions older than the index and reads those assets again.
    // The other way round, it would take assets for unchanged whose new version the index
    // never received, and leave her new values unsearched.
    //
    // A sync that read and removed nothing has nothing to commit: a commit would only
    // write the index's metadata again and wait for the disk twice (0.3 s of a 100,000-
    // asset sync with nothing changed, measured with strace on this machine's disk).
    if report.full || !versions.is_empty() || !removed.is_empty() {
        update.commit()?;
    } else {
        drop(update);
    }

    // The versions now indexed: what was read and, unless rebuilding, every other known
    // one, less what is gone; each counted on the way. Nothing read and nothing gone
    // leaves the file as it is.
    let assets = match &known_file {
        Some(_) if !report.full && versions.is_empty() && removed.is_empty() => {
            report.unchanged = old_count;
            old_count
        }
        _ => {
            let path = files.versions();
            let old: Box<dyn Iterator<Item = std::io::Result<(String, String)>>> = match &known_file
            {
                _ if !walks => Box::new(
                    old.iter()
                        .map(|(id, version)| Ok((id.to_owned(), version.to_owned()))),
                ),
                Some(file) => {
                    let entries = file.entries().map_err(|source| SyncError::State {
                        path: path.clone(),
                        source,
                    })?;
                    if report.full {
                        // Only counted: a rebuild does not need them whole.
                        Box::new(entries.map_while(|e| e.ok().map(Ok)))
                    } else {
                        Box::new(entries)
                    }
                }
                None => Box::new(std::iter::empty()),
            };
            let mut counts = Counts::default();
            let assets = versions::write(&path, |out| {
                merge_read(
                    old,
                    versions.sorted()?,
                    &removed,
                    report.full,
                    &mut counts,
                    out,
                )
            })
            .map_err(|source| SyncError::State { path, source })?;
            report.added = counts.added;
            report.updated = counts.updated;
            report.removed = counts.removed;
            report.unchanged = if report.full {
                counts.same
            } else {
                assets.saturating_sub(report.added + report.updated)
            };
            assets
        }
    };

    state.watermarks = end.watermarks;
    state.settings = digest;
    state.labels = description.labels;
    state.writable = description.writable;
    state.synced_at = Some(crate::time::now());
    files.save_state(&mut state, assets)?;
    unreadable
        .save(&files.unreadable())
        .map_err(|source| SyncError::State {
            path: files.unreadable(),
            source,
        })?;
    report.unreadable = unreadable.assets.into_iter().collect();
    report.indexed = assets;
    report.errors.sort();
    report.without_sidecar.sort();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// How many of the things a scan finds are handed to the indexing thread at once.
const SENT_AT_ONCE: usize = 64;

/// How the versions read by a sync compare with those known before.
#[derive(Debug, Default)]
struct Counts {
    added: u64,
    updated: u64,
    /// Read again at the version known.
    same: u64,
    removed: u64,
}

/// Writes the versions now indexed: those `read`, and unless `full` the `old` ones not read
/// again, all less the `removed` ones; both in id order, so one pass beside each other.
fn merge_read(
    old: impl Iterator<Item = std::io::Result<(String, String)>>,
    read: impl Iterator<Item = std::io::Result<(String, String)>>,
    removed: &BTreeSet<String>,
    full: bool,
    counts: &mut Counts,
    out: &mut versions::Writer<'_>,
) -> std::io::Result<()> {
    let mut removed_count = 0;
    let mut emit = |out: &mut versions::Writer<'_>, id: &str, version: &str| {
        if removed.contains(id) {
            removed_count += 1;
            Ok(())
        } else {
            out.push(id, version)
        }
    };
    let mut read = read.peekable();
    for entry in old {
        let (id, version) = entry?;
        while let Some((new, v)) = take_if(&mut read, |new| new < id.as_str())? {
            counts.added += 1;
            emit(out, &new, &v)?;
        }
        if let Some((new, v)) = take_if(&mut read, |new| new == id)? {
            if v == version {
                counts.same += 1;
            } else {
                counts.updated += 1;
            }
            emit(out, &new, &v)?;
        } else if !full {
            emit(out, &id, &version)?;
        }
    }
    for entry in read {
        let (new, v) = entry?;
        counts.added += 1;
        emit(out, &new, &v)?;
    }
    counts.removed = removed_count;
    Ok(())
}

/// The next entry of `read` when it is an error or its id is one `take` wants.
fn take_if(
    read: &mut std::iter::Peekable<impl Iterator<Item = std::io::Result<(String, String)>>>,
    take: impl Fn(&str) -> bool,
) -> std::io::Result<Option<(String, String)>> {
    read.next_if(|entry| entry.as_ref().map_or(true, |(id, _)| take(id)))
        .transpose()
}

/// The known versions in the versions file, with the unreadable assets among them at a
/// version no asset has (`overlay`), as a stream in id order.
struct FileKnown<'a> {
    file: &'a VersionsFile,
    overlay: &'a BTreeMap<String, String>,
    path: PathBuf,
}

impl SortedVersions for FileKnown<'_> {
    fn entries(&self) -> Result<VersionStream<'_>, PlatformError> {
        let io = |source| PlatformError::Io {
            path: self.path.clone(),
            source,
        };
        let mut file = self
            .file
            .entries()
            .map_err(io)?
            .map(move |e| e.map_err(io))
            .peekable();
        let mut overlay = self.overlay.iter().peekable();
        let owned = |(id, version): (&String, &String)| Ok((id.clone(), version.clone()));
        Ok(Box::new(std::iter::from_fn(move || {
            use std::cmp::Ordering::{Equal, Greater, Less};
            let order = match (file.peek(), overlay.peek()) {
                (Some(Err(_)), _) | (Some(Ok(_)), None) => Less,
                (Some(Ok((known, _))), Some((unreadable, _))) => {
                    known.as_str().cmp(unreadable.as_str())
                }
                (None, Some(_)) => Greater,
                (None, None) => return None,
            };
            match order {
                Less => file.next(),
                Equal => {
                    file.next();
                    overlay.next().map(owned)
                }
                Greater => overlay.next().map(owned),
            }
        })))
    }
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
    let mut changes = BTreeMap::new();
    for (id, asset) in read {
        match asset {
            Some(asset) => {
                update.upsert(id, index.document(asset, settings))?;
                changes.insert(id.clone(), Some(asset.version.clone()));
            }
            None => {
                update.remove(id);
                changes.insert(id.clone(), None);
                gone += 1;
            }
        }
    }
    update.commit()?;
    files.save_versions(&mut state, &changes)?;
    Ok(gone)
}
