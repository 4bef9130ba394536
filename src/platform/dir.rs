//! The `dir` platform: a tenant as a folder of archives, each file beside a `<file>.json`
//! sidecar holding the same `metadata` map as a FotoWeb asset. Exported or migrated
//! tenants and on-premises shares look like this; so does the bundled sample tenant.

mod beneath;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{CStr, OsStr, OsString};
use std::fs;
use std::io::Write;
use std::mem::MaybeUninit;
use std::os::unix::ffi::OsStrExt as _;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use rustix::fs::{AtFlags, FileType, Mode, OFlags, RawDir, StatxFlags};

use super::records::{self, ConsentsSeen, Named, renamed};
use super::{
    ArchiveAccess, Description, Listed, Listing, MetadataChanges, Platform, PlatformError, ScanEnd,
    Scanned, Since, Stray,
};
use crate::asset::{Asset, FieldValue, metadata_from_json};
use beneath::{Entry, Folders, Refused};

const SIDECAR_SUFFIX: &str = ".json";

/// How many folders each listing thread may list ahead of the walk (see
/// [`DirPlatform::list_folders`]).
const LISTED_AHEAD_PER_THREAD: usize = 2;

/// How far the listing of a folder's sub-folders may run ahead of the walk that takes them.
struct Window {
    /// How many folders the walk took, and whether it stopped.
    state: Mutex<(usize, bool)>,
    moved: Condvar,
    ahead: usize,
}

impl Window {
    fn new(ahead: usize) -> Window {
        Window {
            state: Mutex::new((0, false)),
            moved: Condvar::new(),
            ahead,
        }
    }

    /// Waits until folder `at` is within the window; false when the walk stopped.
    fn wait_for(&self, at: usize) -> bool {
        let mut state = crate::threads::lock(&self.state);
        while !state.1 && at >= state.0 + self.ahead {
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        !state.1
    }

    /// The walk took the first `count` folders.
    fn taken(&self, count: usize) {
        crate::threads::lock(&self.state).0 = count;
        self.moved.notify_all();
    }

    /// The walk ended (or failed): no more folders are listed.
    fn stop(&self) {
        crate::threads::lock(&self.state).1 = true;
        self.moved.notify_all();
    }

    /// Stops the window when dropped while its thread panics.
    fn closed_on_panic(&self) -> ClosedOnPanic<'_> {
        ClosedOnPanic(self)
    }
}

struct ClosedOnPanic<'a>(&'a Window);

impl Drop for ClosedOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// A tenant folder.
#[derive(Debug, Clone)]
pub struct DirPlatform {
    root: PathBuf,
}

impl DirPlatform {
    /// Opens a tenant folder; it must exist.
    pub fn open(root: &Path) -> Result<DirPlatform, PlatformError> {
        let meta = fs::metadata(root).map_err(|source| PlatformError::Unreachable {
            path: root.to_owned(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(PlatformError::Unreachable {
                path: root.to_owned(),
                source: std::io::Error::other("not a directory"),
            });
        }
        Ok(DirPlatform {
            root: root.to_owned(),
        })
    }

    /// The file an asset id names, opened as far as its folder without following a link,
    /// refusing ids that would leave the tenant folder.
    fn file_of(&self, id: &str) -> Result<Entry, PlatformError> {
        self.file_in(id, &mut Folders::new(&self.root))
    }

    /// [`Self::file_of`], reusing the folder `folders` last opened when it holds the file.
    fn file_in(&self, id: &str, folders: &mut Folders) -> Result<Entry, PlatformError> {
        let relative = Path::new(id);
        let inside = relative.components().count() >= 2
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if !inside {
            return Err(PlatformError::NotFound { id: id.to_owned() });
        }
        folders.entry(relative).map_err(self.refused(id))
    }

    /// The platform's error for a path that cannot be used: a link is named as such.
    fn refused<'a>(&'a self, id: &'a str) -> impl Fn(Refused) -> PlatformError + 'a {
        move |refused| match refused {
            Refused::Root(source) => PlatformError::Unreachable {
                path: self.root.clone(),
                source,
            },
            Refused::Link(path) => PlatformError::Link {
                path: escaped(&path),
            },
            Refused::Io(_, e) if e.kind() == std::io::ErrorKind::NotFound => {
                PlatformError::NotFound { id: id.to_owned() }
            }
            Refused::Io(path, source) => PlatformError::Io {
                path: self.root.join(path),
                source,
            },
        }
    }

    fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> PlatformError + '_ {
        move |source| PlatformError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// Whether a walk reads each sidecar's version marker. A scan that reads every asset
/// (a first sync, a rebuild) takes the version from the read itself: a `statx` per sidecar
/// in the listing, a walk down the kernel's cache of names each, was a tenth of a first
/// sync's CPU time at a million assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Versions {
    Read,
    Skipped,
}

/// What one folder holds (see [`DirPlatform::list_folder`]).
#[derive(Debug, Default)]
struct Folder {
    assets: Vec<Listed>,
    strays: Vec<Stray>,
    /// The names of the folders in it (never links), sorted.
    folders: Vec<OsString>,
}

/// The sidecar of an asset's file, in the same open folder.
fn sidecar_entry(file: &Entry) -> Entry {
    let mut name = file.name().to_owned();
    name.push(SIDECAR_SUFFIX);
    file.sibling(&name)
}

/// A path for people and reports: forward slashes, and each byte that is not UTF-8 as
/// `\xNN`, so that a name that is not text is still named, unambiguously.
fn escaped(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .components()
        .map(|c| {
            let mut part = String::new();
            for chunk in c.as_os_str().as_bytes().utf8_chunks() {
                part.push_str(chunk.valid());
                for byte in chunk.invalid() {
                    part.push_str(&format!("\\x{byte:02x}"));
                }
            }
            part
        })
        .collect();
    parts.join("/")
}

/// The version marker of a sidecar: its modification time and size change with any edit.
fn version_of(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    version_marker(
        meta.mtime(),
        u32::try_from(meta.mtime_nsec()).unwrap_or(0),
        meta.len(),
    )
}

/// The version marker of a sidecar modified at `seconds` and `nanos` since 1970, holding
/// `size` bytes: `<nanoseconds since 1970>-<size>`, the nanoseconds 0 before 1970. In
/// nanoseconds, so that a sidecar rewritten in place with the same size within the same
/// second is still seen changed.
fn version_marker(seconds: i64, nanos: u32, size: u64) -> String {
    use std::fmt::Write as _;
    let since = u128::try_from(seconds).map_or(0, |s| s * 1_000_000_000 + u128::from(nanos));
    let mut marker = String::with_capacity(32);
    // Written as a u64 while it fits (until the year 2554): formatting a u128 is slower.
    let _ = match u64::try_from(since) {
        Ok(since) => write!(marker, "{since}-{size}"),
        Err(_) => write!(marker, "{since}-{size}"),
    };
    marker
}

/// The files (and links) of one folder: their names, each ended by a NUL for the system
/// calls, in one buffer, sorted by name.
#[derive(Debug, Default)]
struct FolderFiles {
    names: Vec<u8>,
    /// Where each name starts in `names`, its length, and whether it is a link.
    files: Vec<(usize, usize, bool)>,
}

impl FolderFiles {
    fn push(&mut self, name: &CStr, link: bool) {
        self.files
            .push((self.names.len(), name.count_bytes(), link));
        self.names.extend_from_slice(name.to_bytes_with_nul());
    }

    fn len(&self) -> usize {
        self.files.len()
    }

    fn name(&self, at: usize) -> &[u8] {
        let (start, len, _) = self.files[at];
        &self.names[start..start + len]
    }

    fn c_name(&self, at: usize) -> &CStr {
        let (start, len, _) = self.files[at];
        // Each name was pushed with its NUL, and holds none before it.
        CStr::from_bytes_with_nul(&self.names[start..=start + len]).unwrap_or_default()
    }

    fn is_link(&self, at: usize) -> bool {
        self.files[at].2
    }

    fn sort(&mut self) {
        let names = &self.names;
        self.files
            .sort_unstable_by(|&(a, a_len, _), &(b, b_len, _)| {
                names[a..a + a_len].cmp(&names[b..b + b_len])
            });
    }

    /// Where the file `name` is: looked for at `near` first, then by halves.
    fn find(&self, name: &[u8], near: usize) -> Option<usize> {
        if near < self.len() && self.name(near) == name {
            return Some(near);
        }
        self.files
            .binary_search_by(|&(start, len, _)| self.names[start..start + len].cmp(name))
            .ok()
    }
}

/// `a/b/c` with forward slashes whatever the operating system.
fn id_of(relative: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    parts.map(|p| p.join("/"))
}

impl DirPlatform {
    /// Lists every asset with its version marker, without reading metadata. Hidden files
    /// and folders are assets like any other (a sidecar in `.trash/` holds personal data
    /// too). Links are never followed: one that stands for an asset's file or sidecar
    /// lists the asset, which then cannot be read; any other is a stray, as is a file
    /// whose name is not UTF-8 (an asset id is text).
    ///
    /// A sidecar is always in its file's folder, so each folder is paired on its own, and
    /// the folders of one depth are read on several threads: at a million assets one
    /// sorted set of every path, compared component by component on one thread, was
    /// nine tenths of a sync with nothing to do. Assets come sorted by id (as strings), so
    /// that a scan can walk them beside the known versions in one pass; strays by path.
    pub fn list(&self) -> Result<Listing, PlatformError> {
        let mut listing = Listing::default();
        self.walk(
            Versions::Read,
            &mut |batch| {
                listing.assets.extend(batch);
                Ok(())
            },
            &mut listing.strays,
        )?;
        listing.strays.sort_by(|a, b| a.path().cmp(b.path()));
        Ok(listing)
    }

    /// Walks the tenant folder in id order (as strings), handing `each` the assets a run
    /// at a time (at most one folder's), and collecting the strays. A scan then holds a
    /// folder's listing at a time, never the tenant's: at a million assets the whole
    /// listing was 145 MB of a sync with nothing to do.
    ///
    /// A folder's assets and sub-folders are taken in the order of their ids ("A/x" sorts
    /// after "A/sub/y", whose folder sorts as "A/sub/"), and the sub-folders of one folder
    /// are listed on several threads. A record in `.records/` is listed under its record id
    /// (`users/42`), as FotoWeb lists it: records are few, so they are listed whole and
    /// merged in where their ids sort.
    fn walk(
        &self,
        versions: Versions,
        each: &mut dyn FnMut(Vec<Listed>) -> Result<(), PlatformError>,
        strays: &mut Vec<Stray>,
    ) -> Result<(), PlatformError> {
        log::info!("listing the tenant folder {}", self.root.display());
        let mut root = self.list_folder(Path::new(""), versions)?;
        let mut records = Vec::new();
        if let Some(at) = root
            .folders
            .iter()
            .position(|name| name.as_bytes() == records::RECORDS_FOLDER.as_bytes())
        {
            let name = root.folders.remove(at);
            let folder = self.list_folder(Path::new(&name), versions)?;
            self.walk_folder(
                Path::new(&name),
                folder,
                versions,
                &mut |batch| {
                    records.extend(batch);
                    Ok(())
                },
                strays,
            )?;
            for listed in &mut records {
                if let Some(id) = records::listed_record(&listed.id) {
                    listed.id = id.to_owned();
                }
            }
            records.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        }
        let mut records = records.into_iter().peekable();
        self.walk_folder(
            Path::new(""),
            root,
            versions,
            &mut |batch| {
                let mut run = Vec::with_capacity(batch.len());
                for listed in batch {
                    run.extend(std::iter::from_fn(|| records.next_if(|r| r.id < listed.id)));
                    run.push(listed);
                }
                each(run)
            },
            strays,
        )?;
        let rest: Vec<Listed> = records.collect();
        if !rest.is_empty() {
            each(rest)?;
        }
        Ok(())
    }

    /// Hands `each` the assets of `folder` (at `dir`) and of the folders in it, in id order.
    fn walk_folder(
        &self,
        dir: &Path,
        mut folder: Folder,
        versions: Versions,
        each: &mut dyn FnMut(Vec<Listed>) -> Result<(), PlatformError>,
        strays: &mut Vec<Stray>,
    ) -> Result<(), PlatformError> {
        strays.append(&mut folder.strays);
        // A sidecar whose file is gone lists its asset where the sidecar's name sorts.
        if !folder.assets.is_sorted_by(|a, b| a.id < b.id) {
            folder.assets.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        }
        // A folder's assets sort among the ids where its path and a slash does, which is
        // not always where its name sorts ("A/b-c/" comes before "A/b/").
        let mut children: Vec<(Vec<u8>, PathBuf)> = folder
            .folders
            .iter()
            .map(|name| {
                let path = dir.join(name);
                ([path.as_os_str().as_bytes(), b"/"].concat(), path)
            })
            .collect();
        children.sort_by(|a, b| a.0.cmp(&b.0));
        let (keys, paths): (Vec<Vec<u8>>, Vec<PathBuf>) = children.into_iter().unzip();
        let mut assets = folder.assets.into_iter().peekable();
        self.list_folders(&paths, versions, &mut |at, child| {
            let before: Vec<Listed> =
                std::iter::from_fn(|| assets.next_if(|a| a.id.as_bytes() < keys[at].as_slice()))
                    .collect();
            if !before.is_empty() {
                each(before)?;
            }
            self.walk_folder(&paths[at], child, versions, each, strays)
        })?;
        let rest: Vec<Listed> = assets.collect();
        if !rest.is_empty() {
            each(rest)?;
        }
        Ok(())
    }

    /// Reads the listed assets on `jobs` threads and hands each to `found`: an asset gone
    /// since it was listed goes to `gone` (when it was known), and `consents` hears of each
    /// asset read without a consent status.
    fn read_listed(
        &self,
        to_read: &[(Listed, bool)],
        jobs: usize,
        found: &(dyn Fn(Scanned) + Sync),
        gone: &std::sync::Mutex<Vec<String>>,
        consents: &std::sync::Mutex<ConsentsSeen>,
    ) {
        let next = AtomicUsize::new(0);
        // The assets listed together are mostly of one folder: each thread keeps the
        // folder it opened last.
        let read_one = |listed: &Listed, was_known: bool, folders: &mut Folders| {
            let read = match records::named(&listed.id) {
                Named::Asset => self
                    .read_sidecar_in(&listed.id, listed.not_a_link, folders)
                    .map(|(asset, json)| {
                        match records::consent_of(&asset, &json) {
                            Some(consent) => found(Scanned::Asset(consent)),
                            None => crate::threads::lock(consents).read_without(&asset.id),
                        }
                        asset
                    }),
                _ => self.read(&listed.id),
            };
            match read {
                Ok(asset) => found(Scanned::Asset(asset)),
                // Removed between the listing and the read.
                Err(e) if e.is_not_found() => {
                    if was_known {
                        crate::threads::lock(gone).push(listed.id.clone());
                    }
                }
                Err(error) => found(Scanned::Failed {
                    id: listed.id.clone(),
                    error,
                }),
            }
        };
        let threads = jobs.clamp(1, 16).min(to_read.len());
        if threads < 2 {
            let mut folders = Folders::new(&self.root);
            for (listed, was_known) in to_read {
                read_one(listed, *was_known, &mut folders);
            }
            return;
        }
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    let mut folders = Folders::new(&self.root);
                    while let Some((listed, was_known)) =
                        to_read.get(next.fetch_add(1, Ordering::Relaxed))
                    {
                        read_one(listed, *was_known, &mut folders);
                    }
                });
            }
        });
    }

    /// Lists the folders `dirs` on several threads and hands each to `each` (with its
    /// place in `dirs`) in the order given, as soon as it and those before it are
    /// listed: the walk compares one folder with the known versions while the next ones
    /// are being listed, where it used to wait for all of them.
    fn list_folders(
        &self,
        dirs: &[PathBuf],
        versions: Versions,
        each: &mut dyn FnMut(usize, Folder) -> Result<(), PlatformError>,
    ) -> Result<(), PlatformError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if dirs.len() < 2 || threads < 2 {
            for (at, dir) in dirs.iter().enumerate() {
                each(at, self.list_folder(dir, versions)?)?;
            }
            return Ok(());
        }
        let next = AtomicUsize::new(0);
        // The listing runs at most `ahead` folders before what `each` took: a first sync
        // reads every sidecar of a folder while the next ones are listed, and unbounded,
        // the listings of a whole archive waited in memory (a million assets' at ten
        // million, most of a gigabyte).
        let window = Window::new(threads * LISTED_AHEAD_PER_THREAD);
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<(usize, Result<Folder, PlatformError>)>();
            for _ in 0..threads.min(dirs.len()) {
                let (tx, next, window) = (tx.clone(), &next, &window);
                scope.spawn(move || {
                    // A thread that panics closes the window: the others, waiting for the
                    // walk to take the folder it never sent, would otherwise wait forever
                    // and keep the channel open.
                    let _closing = window.closed_on_panic();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        if at >= dirs.len() || !window.wait_for(at) {
                            return;
                        }
                        let listed = self.list_folder(&dirs[at], versions);
                        let failed = listed.is_err();
                        if tx.send((at, listed)).is_err() || failed {
                            return;
                        }
                    }
                });
            }
            drop(tx);
            let mut handed = || {
                // Listed out of order, waiting for those before them.
                let mut waiting = BTreeMap::new();
                for (at, dir) in dirs.iter().enumerate() {
                    let folder = loop {
                        if let Some(folder) = waiting.remove(&at) {
                            break folder;
                        }
                        // Every thread gone without listing it: one panicked, which the
                        // end of the scope passes on.
                        let (listed_at, listed) = rx.recv().map_err(|_| PlatformError::Io {
                            path: self.root.join(dir),
                            source: std::io::Error::other("the listing stopped"),
                        })?;
                        waiting.insert(listed_at, listed?);
                    };
                    window.taken(at + 1);
                    each(at, folder)?;
                }
                Ok(())
            };
            let handed = handed();
            window.stop();
            handed
        })
    }

    /// Lists one folder (`dir`, relative to the root): its assets, its strays, and the
    /// folders in it.
    ///
    /// At a million assets a sync with nothing to do is this, a thousand times over:
    /// the folder's entries read in large batches and one `statx` per sidecar, relative
    /// to the open folder and asking only for what the version marker needs. The names
    /// are kept in one buffer and a file's sidecar is looked for first right after it,
    /// where it sorts unless another name comes between: allocations per file, searches
    /// by halves and full paths were half the time the kernel took.
    fn list_folder(&self, dir: &Path, versions: Versions) -> Result<Folder, PlatformError> {
        let versions = versions == Versions::Read;
        let path = self.root.join(dir);
        let io_err = |source: std::io::Error| PlatformError::Io {
            path: path.clone(),
            source,
        };
        let mut folder = Folder::default();
        // Files directly in the root are not in an archive, so they are not assets.
        let in_archive = dir.components().next().is_some();
        let fd = rustix::fs::open(
            &path,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .map_err(|e| io_err(e.into()))?;
        let mut files = FolderFiles::default();
        let mut buffer = vec![MaybeUninit::uninit(); 1 << 16];
        let mut entries = RawDir::new(&fd, &mut buffer);
        while let Some(entry) = entries.next() {
            let entry = entry.map_err(|e| io_err(e.into()))?;
            let name = entry.file_name();
            if matches!(name.to_bytes(), b"." | b"..") {
                continue;
            }
            let kind = match entry.file_type() {
                // Not every file system says in the entry what it is.
                FileType::Unknown => {
                    let meta =
                        rustix::fs::statx(&fd, name, AtFlags::SYMLINK_NOFOLLOW, StatxFlags::TYPE)
                            .map_err(|e| io_err(e.into()))?;
                    FileType::from_raw_mode(meta.stx_mode.into())
                }
                kind => kind,
            };
            let name_os = || OsStr::from_bytes(name.to_bytes()).to_owned();
            match kind {
                FileType::Symlink if !in_archive => folder.strays.push(Stray::Link {
                    path: escaped(Path::new(&name_os())),
                }),
                FileType::Directory => folder.folders.push(name_os()),
                FileType::RegularFile | FileType::Symlink if in_archive => {
                    files.push(name, kind == FileType::Symlink);
                }
                _ => {}
            }
        }
        folder.folders.sort_unstable();
        folder
            .strays
            .sort_unstable_by(|a, b| a.path().cmp(b.path()));
        files.sort();
        // Most files have a sidecar beside them.
        folder.assets.reserve(files.len() / 2);
        // The folder's part of every id, once; `None` when it is not UTF-8.
        let prefix = id_of(dir).map(|d| d + "/");
        let mut sidecar_name = Vec::new();
        for at in 0..files.len() {
            let name = files.name(at);
            let stem = name.strip_suffix(SIDECAR_SUFFIX.as_bytes());
            // The file of a sidecar sorts before it, most often right before.
            if stem.is_some_and(|s| files.find(s, at.wrapping_sub(1)).is_some()) {
                continue; // the sidecar of another file
            }
            sidecar_name.clear();
            sidecar_name.extend_from_slice(name);
            sidecar_name.extend_from_slice(SIDECAR_SUFFIX.as_bytes());
            let (asset, sidecar, not_a_link) = match (stem, files.find(&sidecar_name, at + 1)) {
                // A sidecar whose file is gone still holds personal data: index it.
                (Some(stem), None) => (stem, Some(at), true),
                (_, sidecar) => (name, sidecar, !files.is_link(at)),
            };
            let id = match (&prefix, std::str::from_utf8(asset)) {
                // Made at its size: a clone grown by the name was two allocations.
                (Some(prefix), Ok(asset)) => {
                    let mut id = String::with_capacity(prefix.len() + asset.len());
                    id.push_str(prefix);
                    id.push_str(asset);
                    id
                }
                _ => {
                    folder.strays.push(Stray::NotUtf8 {
                        path: escaped(&dir.join(OsStr::from_bytes(asset))),
                    });
                    continue;
                }
            };
            let Some(sidecar) = sidecar else {
                let link = files.is_link(at);
                folder.strays.push(if link {
                    Stray::Link { path: id }
                } else {
                    Stray::NoSidecar { path: id }
                });
                continue;
            };
            let version = if versions {
                // Of the link itself, when the sidecar is one: the asset is not read anyway.
                let meta = rustix::fs::statx(
                    &fd,
                    files.c_name(sidecar),
                    AtFlags::SYMLINK_NOFOLLOW,
                    StatxFlags::MTIME | StatxFlags::SIZE,
                )
                .map_err(|e| PlatformError::Io {
                    path: path.join(OsStr::from_bytes(files.name(sidecar))),
                    source: e.into(),
                })?;
                version_marker(meta.stx_mtime.tv_sec, meta.stx_mtime.tv_nsec, meta.stx_size)
            } else {
                String::new()
            };
            folder.assets.push(Listed {
                id,
                version,
                not_a_link,
            });
        }
        Ok(folder)
    }

    /// Reads one asset's sidecar, or one record (see [`records`]). An asset whose file or
    /// sidecar is a link is not read: what the link points at is not the tenant's.
    pub fn read(&self, id: &str) -> Result<Asset, PlatformError> {
        match records::named(id) {
            Named::Asset => self.read_sidecar(id).map(|(asset, _)| asset),
            Named::Kept { path, archive } => self
                .read_sidecar(&path)
                .map(|(asset, _)| records::as_record(asset, id, archive))
                .map_err(renamed(id)),
            Named::Consent { asset } => {
                let (read, json) = self.read_sidecar(&asset).map_err(renamed(id))?;
                records::consent_of(&read, &json)
                    .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
            }
        }
    }

    /// Reads the sidecar of the file `id` names, with the sidecar's JSON.
    fn read_sidecar(&self, id: &str) -> Result<(Asset, serde_json::Value), PlatformError> {
        self.read_sidecar_in(id, false, &mut Folders::new(&self.root))
    }

    /// [`Self::read_sidecar`], reusing the folder `folders` last opened; `not_a_link`
    /// when a listing just saw the asset's file as no link (or saw none).
    ///
    /// The sidecar is opened without following a link whatever the listing saw. Its file
    /// is not read, only refused when it is a link; a listing's word for that spares a
    /// `stat` per asset. Were the file made a link since, the sidecar read is still the
    /// tenant's own file, as it is when that happens after the read.
    fn read_sidecar_in(
        &self,
        id: &str,
        not_a_link: bool,
        folders: &mut Folders,
    ) -> Result<(Asset, serde_json::Value), PlatformError> {
        let file = self.file_in(id, folders)?;
        if !not_a_link {
            file.exists().map_err(self.refused(id))?;
        }
        let sidecar = sidecar_entry(&file);
        let (bytes, meta) = read_seen(&sidecar).map_err(self.refused(id))?;
        let shown = sidecar.relative().to_owned();
        let malformed = |line, column, message: String| PlatformError::Malformed {
            path: shown.clone(),
            line,
            column,
            message,
        };
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            // serde_json's message ends with its own " at line L column C"; say it once.
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            malformed(e.line(), e.column(), message)
        })?;
        let Some(metadata) = json.get("metadata").and_then(|m| m.as_object()) else {
            return Err(malformed(
                1,
                1,
                "expected an object with a \"metadata\" object".to_owned(),
            ));
        };
        let modified = json
            .get("modified")
            .and_then(|m| m.as_str())
            .map(str::to_owned)
            .or_else(|| meta.modified().ok().map(crate::time::rfc3339));
        let mut parts = id.split('/');
        let archive = parts.next().unwrap_or_default().to_owned();
        let filename = id.rsplit('/').next().unwrap_or_default().to_owned();
        let asset = Asset {
            id: id.to_owned(),
            archive,
            filename,
            modified,
            version: version_of(&meta),
            metadata: metadata_from_json(metadata),
        };
        Ok((asset, json))
    }

    /// The ids of the tenant's user accounts.
    fn accounts(&self) -> Result<Vec<String>, PlatformError> {
        Ok(self
            .list()?
            .assets
            .into_iter()
            .map(|l| l.id)
            .filter(|id| records::is_account(id))
            .collect())
    }
}

impl records::SidecarStore for DirPlatform {
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
        self.read(id)
    }
}

impl Platform for DirPlatform {
    fn describe(&self) -> Result<Description, PlatformError> {
        // A folder has no schema: every field can be written, which an empty set says.
        Ok(Description {
            labels: records::labels(),
            writable: BTreeSet::new(),
        })
    }

    /// Lists the folder, compares each sidecar's version marker with the known one, and
    /// reads the new and changed sidecars on `since.jobs` threads.
    fn scan(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError> {
        // The listing and the known versions, both in id order, walked beside each other:
        // one comparison per asset finds what is gone, new or changed (a lookup per asset
        // in the million known ones compared long shared prefixes twenty times over). Both
        // come as streams, a folder of the listing at a time: at a million assets, neither
        // is ever all in memory.
        let mut end = ScanEnd::default();
        let mut known = since.sorted_versions()?;
        let mut next_known = known.next().transpose()?;
        // Consent statuses are not listed: they are read with their assets (below).
        let consents = std::sync::Mutex::new(ConsentsSeen::default());
        let gone_or_consent = |id: String, removed: &mut Vec<String>| {
            if !crate::threads::lock(&consents).known(&id) {
                removed.push(id);
            }
        };
        let gone = std::sync::Mutex::new(Vec::new());
        let mut strays = Vec::new();
        // With nothing known, or everything to read again, no listed version is compared.
        let versions = if since.full || next_known.is_none() {
            Versions::Skipped
        } else {
            Versions::Read
        };
        self.walk(
            versions,
            &mut |listed_run| {
                // Each with whether it was known.
                let mut to_read: Vec<(Listed, bool)> = Vec::new();
                for listed in listed_run {
                    while let Some((id, _)) = next_known.take_if(|(id, _)| *id < listed.id) {
                        gone_or_consent(id, &mut end.removed);
                        next_known = known.next().transpose()?;
                    }
                    let mut same = None;
                    if let Some((_, version)) = next_known.take_if(|(id, _)| *id == listed.id) {
                        same = Some(version == listed.version);
                        next_known = known.next().transpose()?;
                    }
                    if since.full || same != Some(true) {
                        to_read.push((listed, same.is_some()));
                    }
                }
                // The assets read before are settled as far as the known versions went.
                let next = next_known.as_ref().map(|(id, _)| id.as_str());
                crate::threads::lock(&consents).passed(next);
                self.read_listed(&to_read, since.jobs, found, &gone, &consents);
                Ok(())
            },
            &mut strays,
        )?;
        while let Some((id, _)) = next_known {
            gone_or_consent(id, &mut end.removed);
            next_known = known.next().transpose()?;
        }
        drop(known);
        strays.sort_by(|a, b| a.path().cmp(b.path()));
        for stray in strays {
            found(Scanned::Stray(stray));
        }
        end.removed.extend(gone.into_inner().unwrap_or_default());
        end.removed.sort();
        // A consent status goes with its asset, and from an asset read without one.
        let consents_gone = crate::threads::into_inner(consents).gone(&end.removed);
        if !consents_gone.is_empty() {
            end.removed.extend(consents_gone);
            end.removed.sort();
        }
        Ok(end)
    }

    fn walks_sorted_versions(&self) -> bool {
        true
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        log::debug!("reading the sidecar of {id}");
        self.read(id)
    }

    /// Rewrites the sidecar atomically, keeping every key it does not change. With
    /// `expected`, only if the sidecar is still that version when it is read here and
    /// still the very file read right before the new one takes its place (see
    /// [`replace_file`]).
    fn update(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        records::update(self, id, changes, expected)
    }

    /// Removes the file and its sidecar at once (there is no handle to follow); a file
    /// already gone is not an error, but an asset that never existed is. Nothing is
    /// removed when either is a link or lies behind one. A record is removed from
    /// `.records/`; orders and consent statuses are never deleted.
    fn delete_following(
        &self,
        id: &str,
        _handle: Option<&str>,
        _accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError> {
        records::deletable(id)?;
        match records::named(id) {
            Named::Kept { path, .. } => self.delete_record(&path).map_err(renamed(id)),
            _ => self.delete_files(id),
        }
    }

    fn download(&self, id: &str, to: &mut dyn Write) -> Result<u64, PlatformError> {
        if !matches!(records::named(id), Named::Asset) {
            let bytes = records::record_json(&self.read(id)?);
            to.write_all(&bytes).map_err(Self::io_err(Path::new(id)))?;
            return Ok(bytes.len() as u64);
        }
        let entry = self.file_of(id)?;
        let mut file = entry.open().map_err(self.refused(id))?;
        let path = self.root.join(entry.relative());
        std::io::copy(&mut file, to).map_err(Self::io_err(&path))
    }

    /// The file itself when it is a web image small enough to show (the `dir` platform has
    /// no renditions of its own); a record has none.
    fn preview(&self, id: &str) -> Result<Option<super::Preview>, PlatformError> {
        if !matches!(records::named(id), Named::Asset) {
            return Ok(None);
        }
        self.preview_file(id)
    }

    /// Looks in the tenant's `.records/users/`.
    fn has_login(&self, login: &str) -> Result<Option<bool>, PlatformError> {
        records::store_has_login(self, login)
    }

    fn changed_last(&self, id: &str) -> bool {
        records::is_account(id)
    }

    /// What the folder's permissions allow this process to do, per archive.
    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError> {
        let listing = self.list()?;
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for listed in &listing.assets {
            let archive = match records::named(&listed.id) {
                Named::Asset => listed.id.split('/').next().unwrap_or_default(),
                _ => records::RECORDS_FOLDER,
            };
            *counts.entry(archive.to_owned()).or_default() += 1;
        }
        let mut archives = Vec::new();
        let entries = fs::read_dir(&self.root).map_err(Self::io_err(&self.root))?;
        for entry in entries {
            let entry = entry.map_err(Self::io_err(&self.root))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let path = entry.path();
            let read = rustix::fs::access(&path, rustix::fs::Access::READ_OK).is_ok();
            let write = rustix::fs::access(&path, rustix::fs::Access::WRITE_OK).is_ok();
            archives.push(ArchiveAccess {
                assets: Some(counts.get(&name).copied().unwrap_or(0)),
                name,
                read,
                edit_metadata: write,
                delete: write,
                download: read,
            });
        }
        archives.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(archives)
    }
}

impl DirPlatform {
    /// Rewrites the sidecar of the file `id` names (see [`Platform::update`]).
    fn update_sidecar(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        // Reading first also turns a malformed or missing sidecar into its usual error.
        self.read_sidecar(id)?;
        let sidecar = sidecar_entry(&self.file_of(id)?);
        let (bytes, seen) = read_seen(&sidecar).map_err(self.refused(id))?;
        if expected.is_some_and(|v| v != version_of(&seen)) {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        let mut json: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| PlatformError::Rejected(format!("cannot update {id}: {e}")))?;
        let text = changed(&mut json, changes, id)?;
        let unchanged = expected.map(|_| &seen);
        match replace_file(&sidecar, &text, unchanged).map_err(self.refused(id))? {
            Replaced::Yes => self.read_sidecar(id).map(|(asset, _)| asset),
            Replaced::Changed => Err(PlatformError::Conflict { id: id.to_owned() }),
        }
    }

    /// Removes the JSON of the record kept at `path` and nothing else: `.records/albums/5`
    /// beside it is the folder of the album's shares, not a file of the album's.
    fn delete_record(&self, path: &str) -> Result<(), PlatformError> {
        let json = sidecar_entry(&self.file_of(path)?);
        let refused = self.refused(path);
        if !json.exists().map_err(&refused)? {
            return Err(PlatformError::NotFound {
                id: path.to_owned(),
            });
        }
        json.remove().map_err(&refused)?;
        json.sync_folder();
        Ok(())
    }

    /// Removes the file `id` names and its sidecar (see [`Platform::delete_following`]).
    fn delete_files(&self, id: &str) -> Result<(), PlatformError> {
        let file = self.file_of(id)?;
        let sidecar = sidecar_entry(&file);
        let refused = self.refused(id);
        let (has_file, has_sidecar) = (
            file.exists().map_err(&refused)?,
            sidecar.exists().map_err(&refused)?,
        );
        if !has_file && !has_sidecar {
            return Err(PlatformError::NotFound { id: id.to_owned() });
        }
        file.remove().map_err(&refused)?;
        sidecar.remove().map_err(&refused)?;
        // Makes the removal durable before it is reported as done.
        file.sync_folder();
        Ok(())
    }

    /// The file itself when it is a web image small enough to show.
    fn preview_file(&self, id: &str) -> Result<Option<super::Preview>, PlatformError> {
        const MAX_PREVIEW: u64 = 2 * 1024 * 1024;
        let entry = self.file_of(id)?;
        let extension = entry
            .relative()
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !matches!(extension.as_str(), "png" | "jpg" | "jpeg" | "gif" | "webp") {
            return Ok(None);
        }
        let refused = self.refused(id);
        let mut file = entry.open().map_err(&refused)?;
        let path = self.root.join(entry.relative());
        if file.metadata().map_err(Self::io_err(&path))?.len() > MAX_PREVIEW {
            return Ok(None);
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(Self::io_err(&path))?;
        Ok(Some(super::Preview { extension, bytes }))
    }
}

/// Reads a file and its metadata from one open handle, so that both are of the same file.
fn read_seen(entry: &Entry) -> Result<(Vec<u8>, fs::Metadata), Refused> {
    use std::io::Read;
    let err = |e| Refused::Io(entry.relative().to_owned(), e);
    let mut file = entry.open()?;
    let seen = file.metadata().map_err(err)?;
    // At its size and one more byte, asked for at once: a plain file gives less than
    // asked only at its end, so a read that gives its size is the whole file, and the
    // read that would find the end is spared (a system call per sidecar). Had the file
    // grown since its size was taken, its version is older than what was read, and the
    // next sync reads it again. Otherwise read to the end, through `take`, whose
    // `read_to_end` does not ask the file for its size and position again as `File`'s
    // does.
    let size = usize::try_from(seen.len()).unwrap_or(0);
    let mut bytes = vec![0; size.saturating_add(1)];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => {
                filled += n;
                if filled == size && size > 0 {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(err(e)),
        }
    }
    bytes.truncate(filled);
    if filled > size {
        (&mut file)
            .take(u64::MAX)
            .read_to_end(&mut bytes)
            .map_err(err)?;
    }
    Ok((bytes, seen))
}

/// Whether `now` is the very file `seen` was: the same inode, its content untouched since.
/// An editor that saves by renaming a new file into place makes a new inode; one that
/// writes in place changes the modification time (and usually the size).
fn same_file(seen: &fs::Metadata, now: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let key = |m: &fs::Metadata| (m.dev(), m.ino(), m.size(), m.mtime(), m.mtime_nsec());
    key(seen) == key(now)
}

/// Whether a conditional replacement took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replaced {
    Yes,
    /// The file was no longer the one read: it was left as someone else made it.
    Changed,
}

/// Replaces `entry` atomically with `contents`, keeping its permissions: the tenant's files
/// are not dsr's own, so their mode is left as the tenant's owner set it. The new file is
/// made in the folder already open, and a link where `entry` is, is refused.
///
/// With `unchanged` (the metadata of the file as it was read), only if `entry` is still
/// that file, checked right before the rename: the new file is written and synced first,
/// so that only the moment between the check and the rename is left for someone else's
/// save to be lost in. Swapping the two names in one step (`renameat2` with
/// `RENAME_EXCHANGE`) and checking the file it displaced would close that moment, but a
/// run killed between the swap and the removal of the displaced file would leave the old
/// sidecar, the subject's data, under a temporary name in the tenant folder, which no sync
/// reads as an asset and no locate searches: a claim dsr could not back. The check-then-rename never leaves it.
fn replace_file(
    entry: &Entry,
    contents: &[u8],
    unchanged: Option<&fs::Metadata>,
) -> Result<Replaced, Refused> {
    let permissions = entry
        .open()?
        .metadata()
        .map_err(|e| Refused::Io(entry.relative().to_owned(), e))?
        .permissions();
    let (temp, mut file) = create_temp_beside(entry)?;
    let err = |e| Refused::Io(temp.relative().to_owned(), e);
    let replaced = (|| {
        file.write_all(contents).map_err(err)?;
        file.set_permissions(permissions).map_err(err)?;
        file.sync_all().map_err(err)?;
        if let Some(seen) = unchanged {
            let now = entry
                .open()?
                .metadata()
                .map_err(|e| Refused::Io(entry.relative().to_owned(), e))?;
            if !same_file(seen, &now) {
                return Ok(Replaced::Changed);
            }
        }
        temp.rename_to(entry.name())?;
        Ok(Replaced::Yes)
    })();
    if !matches!(replaced, Ok(Replaced::Yes)) {
        let _ = temp.remove();
    }
    entry.sync_folder();
    replaced
}

/// A new, empty, owner-only file with a hidden name in the folder of `entry`.
fn create_temp_beside(entry: &Entry) -> Result<(Entry, fs::File), Refused> {
    let mut tries = 0;
    loop {
        let name = OsString::from(format!(".dsr-{:016x}", fastrand::u64(..)));
        match entry.create_sibling(&name) {
            Ok(file) => return Ok((entry.sibling(&name), file)),
            Err(Refused::Io(_, e))
                if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 8 =>
            {
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Applies `changes` to a sidecar's JSON and returns its new text: the `dir` layout's, which
/// the `objects` platform shares.
pub(crate) fn changed(
    json: &mut serde_json::Value,
    changes: &MetadataChanges,
    id: &str,
) -> Result<Vec<u8>, PlatformError> {
    let Some(object) = json.as_object_mut() else {
        return Err(PlatformError::Rejected(format!(
            "cannot update {id}: its sidecar is not an object"
        )));
    };
    let metadata = object
        .entry("metadata")
        .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
    let Some(metadata) = metadata.as_object_mut() else {
        return Err(PlatformError::Rejected(format!(
            "cannot update {id}: its metadata is not an object"
        )));
    };
    for (field, value) in changes {
        match value {
            None => {
                metadata.remove(field);
            }
            Some(value) => {
                let value = match value {
                    FieldValue::Single(s) => serde_json::json!(s),
                    FieldValue::Bag(items) => serde_json::json!(items),
                };
                metadata.insert(field.clone(), serde_json::json!({ "value": value }));
            }
        }
    }
    object.insert(
        "modified".to_owned(),
        serde_json::Value::String(crate::time::now()),
    );
    let mut text = serde_json::to_vec_pretty(&json)
        .map_err(|e| PlatformError::Rejected(format!("cannot write the sidecar of {id}: {e}")))?;
    text.push(b'\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use std::time::SystemTime;

    use super::*;

    /// A listing thread that panics must not leave the others waiting for the walk: they
    /// hold the channel open, and the walk would wait for them in turn.
    #[test]
    fn a_panicking_listing_thread_closes_the_window() {
        let window = Window::new(2);
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel();
            let window = &window;
            scope.spawn(move || tx.send(window.wait_for(5)));
            let panicked = scope.spawn(move || {
                let _closing = window.closed_on_panic();
                panic!("a listing failed unexpectedly");
            });
            assert!(panicked.join().is_err());
            let answer = rx.recv_timeout(std::time::Duration::from_secs(10));
            // Lets the waiting thread go whatever happened, so that a failure is reported
            // instead of hanging the scope.
            window.stop();
            assert_eq!(answer, Ok(false), "the waiting thread was not released");
        });
        // Within the window, nothing waits.
        let open = Window::new(2);
        assert!(open.wait_for(1));
    }

    fn sidecar_of(file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_owned();
        name.push(SIDECAR_SUFFIX);
        PathBuf::from(name)
    }

    fn write(root: &Path, id: &str, byline: &[&str]) {
        let path = root.join(id);
        fs::create_dir_all(path.parent().expect("an archive")).expect("a folder");
        fs::write(&path, b"image").expect("a file");
        let sidecar = serde_json::json!({ "metadata": { "80": { "value": byline } } });
        fs::write(
            sidecar_of(&path),
            serde_json::to_vec(&sidecar).expect("JSON"),
        )
        .expect("a sidecar");
    }

    /// The walk hands assets over in id order as strings, which is not the order of
    /// folders and names: "A/sub/y" comes before "A/sub-1.png" and "A/sub.png" ('/' sorts
    /// after '-' and '.'), and a sidecar whose file is gone sorts by its asset's name.
    /// Records come under their ids, among the archives'.
    #[test]
    fn the_walk_hands_assets_over_in_id_order_a_folder_at_a_time() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path();
        for id in [
            "A/sub/y.png",
            "A/sub-1.png",
            "A/sub.png",
            "A/x.png",
            "A/x.png.d/z.png",
            "A/sub/deeper/q.png",
            "users-archive/a.png",
            "B/b.png",
        ] {
            write(root, id, &["Jane Doe"]);
        }
        // A sidecar alone: its asset `A/w` sorts before `A/x.png`.
        fs::write(root.join("A/w.json"), br#"{"metadata": {}}"#).expect("a sidecar");
        fs::create_dir_all(root.join(".records/users")).expect("the records");
        fs::write(
            root.join(".records/users/42.json"),
            br#"{"metadata": {"user.email": {"value": ["jane@example.com"]}}}"#,
        )
        .expect("an account");
        let platform = DirPlatform::open(root).expect("the tenant");
        let mut runs = Vec::new();
        let mut strays = Vec::new();
        platform
            .walk(
                Versions::Read,
                &mut |run| {
                    runs.push(run.into_iter().map(|l| l.id).collect::<Vec<_>>());
                    Ok(())
                },
                &mut strays,
            )
            .expect("a walk");
        let ids: Vec<String> = runs.concat();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "in id order: {runs:?}");
        assert_eq!(ids.len(), 10, "{ids:?}");
        assert!(ids.contains(&"users/42".to_owned()), "{ids:?}");
        assert!(ids.contains(&"A/w".to_owned()), "{ids:?}");
        assert!(runs.len() > 1, "a folder at a time: {runs:?}");
        assert_eq!(platform.list().expect("a listing").assets.len(), 10);
    }

    fn byline(platform: &DirPlatform, id: &str) -> Vec<String> {
        platform.read(id).expect("an asset").metadata["80"]
            .items()
            .to_vec()
    }

    #[test]
    fn a_conditional_update_never_overwrites_a_newer_save() {
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), "A/x.png", &["Jane Doe", "Ola Nordmann"]);
        let platform = DirPlatform::open(dir.path()).expect("the tenant");
        let read = platform.read("A/x.png").expect("an asset");
        let changes: MetadataChanges = [(
            "80".to_owned(),
            Some(FieldValue::Bag(vec!["Ola Nordmann".to_owned()])),
        )]
        .into_iter()
        .collect();
        // Someone saves after dsr read it: the write computed from that read is refused.
        write(dir.path(), "A/x.png", &["Jane Doe", "Ola Nordmann", "Kari"]);
        let refused = platform
            .update("A/x.png", &changes, Some(&read.version))
            .expect_err("changed since it was read");
        assert!(refused.is_conflict(), "{refused:?}");
        assert_eq!(
            byline(&platform, "A/x.png"),
            ["Jane Doe", "Ola Nordmann", "Kari"]
        );
        let read = platform.read("A/x.png").expect("read again");
        let updated = platform
            .update("A/x.png", &changes, Some(&read.version))
            .expect("unchanged since read");
        assert_eq!(updated.metadata["80"].items(), ["Ola Nordmann"]);
        assert_ne!(updated.version, read.version);
        // Without a version the write is as before: unconditional.
        platform
            .update("A/x.png", &changes, None)
            .expect("unconditional");
    }

    #[test]
    fn a_save_between_the_read_and_the_replacement_is_kept() {
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), "A/x.png", &["Jane Doe"]);
        let sidecar = sidecar_of(&dir.path().join("A/x.png"));
        let entry = beneath::entry(dir.path(), Path::new("A/x.png.json")).expect("its folder");
        let (_, seen) = read_seen(&entry).expect("read");
        // An editor that saves by renaming a new file into place, the same size as before.
        let other = dir.path().join("A/.editor-save");
        fs::write(&other, fs::read(&sidecar).expect("bytes")).expect("a save");
        fs::rename(&other, &sidecar).expect("saved");
        let before = fs::read(&sidecar).expect("bytes");
        let replaced = replace_file(&entry, b"{\"metadata\":{}}\n", Some(&seen)).expect("io");
        assert_eq!(replaced, Replaced::Changed);
        assert_eq!(
            fs::read(&sidecar).expect("bytes"),
            before,
            "the save is kept"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("A"))
            .expect("the folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .filter(|n| n.to_string_lossy().starts_with(".dsr-"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        let (_, seen) = read_seen(&entry).expect("read again");
        let replaced = replace_file(&entry, b"{\"metadata\":{}}\n", Some(&seen)).expect("io");
        assert_eq!(replaced, Replaced::Yes);
        assert_eq!(fs::read(&sidecar).expect("bytes"), b"{\"metadata\":{}}\n");
    }

    /// A tenant with one asset whose file is a link to a file outside it, one whose
    /// sidecar is, and an archive that is a link to a folder outside; and that outside.
    fn linked_tenant() -> (tempfile::TempDir, PathBuf, DirPlatform) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (root, outside) = (dir.path().join("tenant"), dir.path().join("outside"));
        write(&root, "A/plain.png", &["Jane Doe"]);
        write(&outside, "B/x.png", &["Jane Doe"]);
        fs::write(outside.join("secret.png"), b"secret").expect("an outside file");
        write(&root, "A/file-link.png", &["Jane Doe"]);
        fs::remove_file(root.join("A/file-link.png")).expect("the file");
        std::os::unix::fs::symlink(outside.join("secret.png"), root.join("A/file-link.png"))
            .expect("a file link");
        fs::write(root.join("A/sidecar-link.png"), b"image").expect("a file");
        std::os::unix::fs::symlink(
            outside.join("B/x.png.json"),
            root.join("A/sidecar-link.png.json"),
        )
        .expect("a sidecar link");
        std::os::unix::fs::symlink(outside.join("B"), root.join("B")).expect("a folder link");
        let platform = DirPlatform::open(&root).expect("the tenant");
        (dir, outside, platform)
    }

    #[test]
    fn links_are_listed_but_never_read_written_or_deleted_through() {
        let (_dir, outside, platform) = linked_tenant();
        let before = fs::read(outside.join("B/x.png.json")).expect("the outside sidecar");
        let listing = platform.list().expect("a listing");
        let ids: Vec<&str> = listing.assets.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(
            ids,
            ["A/file-link.png", "A/plain.png", "A/sidecar-link.png"]
        );
        assert_eq!(listing.strays, [Stray::Link { path: "B".into() }]);
        let changes: MetadataChanges = [("80".to_owned(), None)].into_iter().collect();
        for (id, link) in [
            ("A/file-link.png", "A/file-link.png"),
            ("A/sidecar-link.png", "A/sidecar-link.png.json"),
            ("B/x.png", "B"),
        ] {
            let is_link = |e: PlatformError| match e {
                PlatformError::Link { path } => assert_eq!(path, link, "{id}"),
                other => panic!("{id}: {other:?}"),
            };
            is_link(platform.read(id).expect_err("not read"));
            is_link(
                platform
                    .update(id, &changes, None)
                    .expect_err("not written"),
            );
            is_link(platform.delete(id).expect_err("not deleted"));
        }
        for id in ["A/file-link.png", "B/x.png"] {
            assert!(matches!(
                platform.download(id, &mut Vec::new()),
                Err(PlatformError::Link { .. })
            ));
            assert!(matches!(
                platform.preview(id),
                Err(PlatformError::Link { .. })
            ));
        }
        assert_eq!(
            fs::read(outside.join("B/x.png.json")).expect("kept"),
            before
        );
        assert_eq!(
            fs::read(outside.join("secret.png")).expect("kept"),
            b"secret"
        );
        assert!(outside.join("B/x.png").exists());
        assert!(platform.root.join("A/file-link.png").is_symlink());
        assert_eq!(byline(&platform, "A/plain.png"), ["Jane Doe"]);
    }

    /// What a scan on two threads hands over, in the order it does, and how it ends, the
    /// versions `known` known before (with `full`, read again anyway).
    fn scan(
        platform: &DirPlatform,
        known: &BTreeMap<String, String>,
        full: bool,
    ) -> (Vec<Scanned>, ScanEnd) {
        let scanned = std::sync::Mutex::new(Vec::new());
        let watermarks = BTreeMap::new();
        let versions = crate::platform::KnownVersions::from(known);
        let since = Since {
            versions: crate::platform::Known::new(&versions),
            sorted: None,
            watermarks: &watermarks,
            full,
            jobs: 2,
        };
        let end = platform
            .scan(&since, &|item| scanned.lock().expect("the list").push(item))
            .expect("a scan");
        (scanned.into_inner().expect("the list"), end)
    }

    /// A scan that reads everything (nothing known, or a rebuild) lists no versions and
    /// takes each one from its read, and asks the listing whether a file is a link: both
    /// must give what a listing and a read one by one give.
    #[test]
    fn a_scan_of_everything_reads_each_version_and_refuses_each_link() {
        let (_dir, _outside, platform) = linked_tenant();
        let listed = platform.list().expect("a listing");
        let plain = listed
            .assets
            .iter()
            .find(|l| l.id == "A/plain.png")
            .expect("listed");
        for (known, full) in [(BTreeMap::new(), false), (BTreeMap::new(), true)]
            .into_iter()
            .chain([(
                BTreeMap::from([("A/plain.png".to_owned(), plain.version.clone())]),
                true,
            )])
        {
            let (scanned, _) = scan(&platform, &known, full);
            let mut found: Vec<String> = scanned
                .into_iter()
                .map(|item| match item {
                    Scanned::Asset(asset) => format!("{} {}", asset.id, asset.version),
                    Scanned::Failed { id, error } => format!("{id} failed: {error:?}"),
                    Scanned::Stray(stray) => format!("stray {}", stray.path()),
                })
                .collect();
            found.sort();
            assert_eq!(
                found,
                [
                    r#"A/file-link.png failed: Link { path: "A/file-link.png" }"#.to_owned(),
                    format!("A/plain.png {}", plain.version),
                    r#"A/sidecar-link.png failed: Link { path: "A/sidecar-link.png.json" }"#
                        .to_owned(),
                    "stray B".to_owned(),
                ],
                "known {known:?}, full {full}"
            );
            assert_eq!(
                platform.read("A/plain.png").expect("read").version,
                plain.version
            );
        }
    }

    /// Folders at every depth are paired on their own: an asset beside a folder, in a
    /// folder of a folder, a sidecar whose file is gone, a file named like a sidecar with
    /// its own sidecar, a file without one, and a link to a folder inside an archive.
    #[test]
    fn every_folder_is_listed_and_paired_among_its_own_files() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path();
        write(root, "A/x.png", &["Jane Doe"]);
        write(root, "A/sub/y.png", &["Jane Doe"]);
        write(root, "A/sub/deeper/z.png", &["Jane Doe"]);
        write(root, "B/gone.png", &["Jane Doe"]);
        fs::remove_file(root.join("B/gone.png")).expect("the file");
        write(root, "B/data.json", &["Jane Doe"]);
        fs::write(root.join("B/alone.png"), b"image").expect("a file");
        std::os::unix::fs::symlink(root.join("A/sub"), root.join("B/sub-link"))
            .expect("a folder link");
        let listing = DirPlatform::open(root)
            .expect("the tenant")
            .list()
            .expect("a listing");
        // Sorted by id as strings, though "A" holds both an asset and a folder of them.
        let ids: Vec<&str> = listing.assets.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "A/sub/deeper/z.png",
                "A/sub/y.png",
                "A/x.png",
                "B/data.json",
                "B/gone.png"
            ]
        );
        assert_eq!(
            listing.strays,
            [
                Stray::NoSidecar {
                    path: "B/alone.png".into()
                },
                Stray::Link {
                    path: "B/sub-link".into()
                }
            ]
        );
    }

    /// A scan walks the listing beside the known versions: what is new or changed is read,
    /// what is gone is named, wherever it sorts (before, between and after the listed).
    #[test]
    fn a_scan_reads_the_new_and_changed_and_names_the_gone() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path();
        for id in ["A/x.png", "A/sub/y.png", "B/z.png", "B/same.png"] {
            write(root, id, &["Jane Doe"]);
        }
        let platform = DirPlatform::open(root).expect("the tenant");
        let listing = platform.list().expect("a listing");
        let mut versions: BTreeMap<String, String> = listing
            .assets
            .iter()
            .map(|l| (l.id.clone(), l.version.clone()))
            .collect();
        versions.remove("A/sub/y.png");
        versions.insert("B/z.png".into(), "an older version".into());
        for gone in ["0/first.png", "A/sub/a.png", "A/w.png", "Z/last.png"] {
            versions.insert(gone.into(), "1-1".into());
        }
        let (scanned, end) = scan(&platform, &versions, false);
        let mut read: Vec<String> = scanned
            .into_iter()
            .filter_map(|item| match item {
                Scanned::Asset(asset) => Some(asset.id),
                _ => None,
            })
            .collect();
        read.sort();
        assert_eq!(read, ["A/sub/y.png", "B/z.png"]);
        assert_eq!(
            end.removed,
            ["0/first.png", "A/sub/a.png", "A/w.png", "Z/last.png"]
        );
    }

    #[test]
    fn hidden_files_are_assets_and_names_that_are_not_text_are_strays() {
        use std::os::unix::ffi::OsStrExt as _;
        let dir = tempfile::tempdir().expect("a temp dir");
        write(dir.path(), ".trash/a.png", &["Jane Doe"]);
        write(dir.path(), "A/.b.png", &["Jane Doe"]);
        let odd = OsStr::from_bytes(b"A/caf\xe9.png");
        fs::write(dir.path().join(odd), b"image").expect("a file");
        let mut sidecar = odd.to_owned();
        sidecar.push(".json");
        fs::write(dir.path().join(sidecar), b"{}").expect("a sidecar");
        let platform = DirPlatform::open(dir.path()).expect("the tenant");
        let listing = platform.list().expect("a listing");
        let ids: Vec<&str> = listing.assets.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, [".trash/a.png", "A/.b.png"]);
        assert_eq!(
            listing.strays,
            [Stray::NotUtf8 {
                path: "A/caf\\xe9.png".into()
            }]
        );
    }

    #[test]
    fn a_tenant_folder_gone_is_unreachable_not_an_asset_already_gone() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path().join("tenant");
        write(&root, "A/x.png", &["Jane Doe"]);
        let platform = DirPlatform::open(&root).expect("the tenant");
        // Unmounted or removed after it was opened: nothing can be said of its assets.
        fs::remove_dir_all(&root).expect("removed");
        let unreachable = |e: PlatformError| {
            assert!(matches!(e, PlatformError::Unreachable { .. }), "{e:?}");
        };
        unreachable(platform.read("A/x.png").expect_err("not read"));
        unreachable(platform.delete("A/x.png").expect_err("not deleted"));
    }

    /// The listing's version marker is the one a read gives, and a sidecar rewritten in
    /// place with the same size a nanosecond later is listed changed.
    #[test]
    fn a_sidecar_rewritten_in_place_at_the_same_size_is_listed_changed() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path();
        write(root, "A/b/x.png", &["Jane Doe"]);
        let sidecar = root.join("A/b/x.png.json");
        let when = SystemTime::UNIX_EPOCH + std::time::Duration::new(1_800_000_000, 5);
        let set = |when| {
            fs::File::options()
                .write(true)
                .open(&sidecar)
                .and_then(|f| f.set_modified(when))
                .expect("a time set");
        };
        set(when);
        let platform = DirPlatform::open(root).expect("the tenant");
        let version = || {
            let listing = platform.list().expect("listed");
            assert_eq!(listing.assets.len(), 1);
            let listed = listing.assets[0].version.clone();
            assert_eq!(listed, platform.read("A/b/x.png").expect("read").version);
            listed
        };
        let before = version();
        assert_eq!(
            before,
            format!(
                "1800000000000000005-{}",
                fs::metadata(&sidecar).expect("there").len()
            )
        );

        let text = fs::read_to_string(&sidecar).expect("read");
        fs::write(&sidecar, text.replace("Jane Doe", "Jane Roe")).expect("rewritten in place");
        set(when + std::time::Duration::from_nanos(1));
        let after = version();
        assert_ne!(after, before);
        assert_eq!(
            after.split('-').nth(1),
            before.split('-').nth(1),
            "the same size"
        );
    }

    /// The folder kept for the next read is the one walked to without following a link:
    /// a sibling folder that is a link is refused though a folder beside it was kept, and
    /// the kept one is used only for entries of that very folder.
    #[test]
    fn a_kept_folder_serves_only_its_own_entries_and_no_link() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let root = dir.path();
        write(root, "A/b/x.png", &["Jane Doe"]);
        write(root, "A/b/y.png", &["Ola Nordmann"]);
        write(root, "A/c/z.png", &["Kari Nordmann"]);
        let outside = tempfile::tempdir().expect("another dir");
        write(outside.path(), "d/w.png", &["Someone Else"]);
        std::os::unix::fs::symlink(outside.path().join("d"), root.join("A/d")).expect("a link");
        let platform = DirPlatform::open(root).expect("the tenant");
        let mut folders = Folders::new(root);
        let read = |id: &str, folders: &mut Folders| {
            platform
                .read_sidecar_in(id, false, folders)
                .map(|(asset, _)| asset.metadata["80"].items().join(", "))
        };
        assert_eq!(read("A/b/x.png", &mut folders).expect("read"), "Jane Doe");
        assert_eq!(
            read("A/b/y.png", &mut folders).expect("read"),
            "Ola Nordmann"
        );
        assert_eq!(
            read("A/c/z.png", &mut folders).expect("read"),
            "Kari Nordmann"
        );
        let linked = read("A/d/w.png", &mut folders).expect_err("through a link");
        assert!(matches!(linked, PlatformError::Link { .. }), "{linked:?}");
        assert!(
            read("A/b/../c/z.png", &mut folders).is_err(),
            "not a plain path"
        );
        assert_eq!(read("A/b/x.png", &mut folders).expect("read"), "Jane Doe");
    }
}
