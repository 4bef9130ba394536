//! Files of a tenant folder reached without following symbolic links.
//!
//! A link in a tenant folder may point anywhere (`/etc/shadow`, another tenant, a folder
//! of unrelated files), and dsr often runs as root. Resolving a path and checking that it
//! stays inside leaves a moment in which a folder can be swapped for a link; so every
//! path below the root is walked one component at a time from an open handle on the
//! folder above it, each opened with `O_NOFOLLOW`. A link met on the way is refused,
//! whether it leaves the tenant or not: the file it points at, when it is in the tenant,
//! is an asset where it really lives. The root itself is the folder the profile names and
//! may be reached through links.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::os::fd::OwnedFd;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustix::fs::{AtFlags, FileType, Mode, OFlags};

/// Set once the system refused to open a file without changing its access time (see
/// [`Entry::open`]): the files of a tenant mostly have one owner.
static NOATIME_REFUSED: AtomicBool = AtomicBool::new(false);

/// Why a path below the root cannot be used.
#[derive(Debug)]
pub enum Refused {
    /// The tenant folder itself cannot be opened (removed, no longer permitted): of no
    /// asset in it can be said whether it exists.
    Root(io::Error),
    /// `path` (relative to the root) is a symbolic link.
    Link(PathBuf),
    /// `path` (relative to the root) could not be opened.
    Io(PathBuf, io::Error),
}

/// An open folder of the tenant and the name of one entry in it.
pub struct Entry {
    folder: Arc<OwnedFd>,
    name: OsString,
    /// The entry's path relative to the root, for messages.
    relative: PathBuf,
}

const FOLDER: OFlags = OFlags::RDONLY
    .union(OFlags::DIRECTORY)
    .union(OFlags::NOFOLLOW)
    .union(OFlags::CLOEXEC);

/// Opens the folder that holds `relative` (plain names only, at least one) by walking
/// down from `root` without following a link.
pub fn entry(root: &Path, relative: &Path) -> Result<Entry, Refused> {
    let names: Vec<&OsStr> = relative
        .components()
        .map(|c| match c {
            Component::Normal(name) => Some(name),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or_else(|| Refused::Io(relative.to_owned(), io::ErrorKind::InvalidInput.into()))?;
    let Some((name, folders)) = names.split_last() else {
        return Err(Refused::Io(
            relative.to_owned(),
            io::ErrorKind::InvalidInput.into(),
        ));
    };
    let mut folder = rustix::fs::open(root, FOLDER.difference(OFlags::NOFOLLOW), Mode::empty())
        .map_err(|e| Refused::Root(e.into()))?;
    let mut walked = PathBuf::new();
    for next in folders {
        walked.push(next);
        folder = match rustix::fs::openat(&folder, *next, FOLDER, Mode::empty()) {
            Ok(fd) => fd,
            Err(e) => return Err(refusal(&folder, next, walked, e)),
        };
    }
    Ok(Entry {
        folder: Arc::new(folder),
        name: name.to_os_string(),
        relative: relative.to_owned(),
    })
}

/// Opens entries as [`entry`] does, keeping the last folder it opened: the entries of one
/// folder, read one after the other, then cost one `openat` each instead of a walk down
/// from the root (at a million assets the walks were most of a first sync's system calls).
/// The folder kept is the one opened without following a link, so an entry reached
/// through it is reached as safely as through a new walk.
pub struct Folders<'a> {
    root: &'a Path,
    last: Option<(PathBuf, Arc<OwnedFd>)>,
}

impl<'a> Folders<'a> {
    pub fn new(root: &'a Path) -> Folders<'a> {
        Folders { root, last: None }
    }

    /// The entry `relative` (plain names only, at least two), in its folder.
    pub fn entry(&mut self, relative: &Path) -> Result<Entry, Refused> {
        let (Some(parent), Some(name)) = (relative.parent(), relative.file_name()) else {
            return entry(self.root, relative);
        };
        if let Some((folder_path, folder)) = &self.last
            && folder_path == parent
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            return Ok(Entry {
                folder: Arc::clone(folder),
                name: name.to_os_string(),
                relative: relative.to_owned(),
            });
        }
        let found = entry(self.root, relative)?;
        self.last = Some((parent.to_owned(), Arc::clone(&found.folder)));
        Ok(found)
    }
}

/// A link where a component was expected is named as such; anything else is the error.
fn refusal(folder: &OwnedFd, name: &OsStr, walked: PathBuf, error: rustix::io::Errno) -> Refused {
    match rustix::fs::statat(folder, name, AtFlags::SYMLINK_NOFOLLOW) {
        Ok(stat) if FileType::from_raw_mode(stat.st_mode) == FileType::Symlink => {
            Refused::Link(walked)
        }
        _ => Refused::Io(walked, error.into()),
    }
}

impl Entry {
    fn refused(&self, error: rustix::io::Errno) -> Refused {
        refusal(&self.folder, &self.name, self.relative.clone(), error)
    }

    /// The entry's name in its folder.
    pub fn name(&self) -> &OsStr {
        &self.name
    }

    /// The entry's path relative to the root.
    pub fn relative(&self) -> &Path {
        &self.relative
    }

    /// A sibling of the entry in the same open folder.
    pub fn sibling(&self, name: &OsStr) -> Entry {
        Entry {
            folder: Arc::clone(&self.folder),
            name: name.to_os_string(),
            relative: self.relative.with_file_name(name),
        }
    }

    /// Opens the entry for reading; a link is refused.
    ///
    /// Without changing its access time where the system lets dsr (`O_NOATIME`: the files
    /// it owns): reading a tenant to index it is no one's access to the asset, and a sync
    /// would otherwise mark every file it reads as just used (under `relatime`, each one
    /// written since it was last read), which backup and storage-tiering tools go by.
    pub fn open(&self) -> Result<fs::File, Refused> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        if !NOATIME_REFUSED.load(Ordering::Relaxed) {
            match rustix::fs::openat(
                &self.folder,
                &self.name,
                flags | OFlags::NOATIME,
                Mode::empty(),
            ) {
                // Not the file's owner: opened as any reader, from now on.
                Err(rustix::io::Errno::PERM) => NOATIME_REFUSED.store(true, Ordering::Relaxed),
                opened => return opened.map(fs::File::from).map_err(|e| self.refused(e)),
            }
        }
        rustix::fs::openat(&self.folder, &self.name, flags, Mode::empty())
            .map(fs::File::from)
            .map_err(|e| self.refused(e))
    }

    /// Whether the entry exists; a link is refused.
    pub fn exists(&self) -> Result<bool, Refused> {
        match rustix::fs::statat(&self.folder, &self.name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) if FileType::from_raw_mode(stat.st_mode) == FileType::Symlink => {
                Err(Refused::Link(self.relative.clone()))
            }
            Ok(_) => Ok(true),
            Err(rustix::io::Errno::NOENT) => Ok(false),
            Err(e) => Err(Refused::Io(self.relative.clone(), e.into())),
        }
    }

    /// Removes the entry; a missing one is not an error. A link is refused, not removed:
    /// the asset it stood for was never read through it.
    pub fn remove(&self) -> Result<(), Refused> {
        if !self.exists()? {
            return Ok(());
        }
        match rustix::fs::unlinkat(&self.folder, &self.name, AtFlags::empty()) {
            Ok(()) | Err(rustix::io::Errno::NOENT) => Ok(()),
            Err(e) => Err(Refused::Io(self.relative.clone(), e.into())),
        }
    }

    /// Creates a new file beside the entry, named `name`, readable by the owner only; it
    /// must not exist yet.
    pub fn create_sibling(&self, name: &OsStr) -> Result<fs::File, Refused> {
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        rustix::fs::openat(&self.folder, name, flags, Mode::from_raw_mode(0o600))
            .map(fs::File::from)
            .map_err(|e| Refused::Io(self.relative.with_file_name(name), e.into()))
    }

    /// Gives the entry the name `to` in the same folder, replacing what has that name.
    pub fn rename_to(&self, to: &OsStr) -> Result<(), Refused> {
        rustix::fs::renameat(&self.folder, &self.name, &self.folder, to)
            .map_err(|e| Refused::Io(self.relative.with_file_name(to), e.into()))
    }

    /// Makes the folder's entries (a removal, a rename) durable.
    pub fn sync_folder(&self) {
        // Best effort: the change itself is done; some file systems cannot sync a folder.
        let _ = rustix::fs::fsync(&self.folder);
    }
}
