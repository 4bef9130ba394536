//! The directory a search opens an index through: tantivy's memory-mapped one, except for
//! the stores of documents, which are read with `pread`.
//!
//! A search reads the stored document of each candidate, one block of about a kilobyte
//! each, scattered over the store. Through a memory map each of those reads faulted in the
//! 64 KiB around it, and mapping and unmapping those pages was a third of the time of a
//! name with 1,805 candidates at a million assets, and most of its 118 MB (perf, massif:
//! the heap held 3.4 MB). Read with `pread`, a block costs one system call and only the
//! bytes asked for.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::HasLen;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Advice, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};

/// See the module documentation.
#[derive(Debug, Clone)]
pub(super) struct SearchDirectory {
    mapped: MmapDirectory,
    root: PathBuf,
}

impl SearchDirectory {
    pub(super) fn open(root: &Path) -> Result<SearchDirectory, OpenDirectoryError> {
        Ok(SearchDirectory {
            // Read at random: no reading ahead of the pages a search faults in.
            mapped: MmapDirectory::open_with_madvice(root, Advice::Random)?,
            root: root.to_owned(),
        })
    }
}

impl Directory for SearchDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if path.extension().is_none_or(|e| e != "store") {
            return self.mapped.get_file_handle(path);
        }
        let mapped = self.mapped.get_file_handle(path)?;
        let full = self.root.join(path);
        let opened = File::open(&full).map(|file| ReadAt {
            file,
            len: mapped.len(),
            mapped,
        });
        match opened {
            Ok(handle) => Ok(Arc::new(handle)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Err(OpenReadError::FileDoesNotExist(path.to_owned()))
            }
            Err(e) => Err(OpenReadError::wrap_io_error(e, full)),
        }
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mapped.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mapped.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mapped.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mapped.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mapped.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mapped.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.mapped.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mapped.watch(watch_callback)
    }
}

/// A file read with `pread`, a range at a time, except large ranges: those (a store's
/// index of blocks, read whole when it is opened) are taken from the memory map without a
/// copy.
#[derive(Debug)]
struct ReadAt {
    file: File,
    len: usize,
    mapped: Arc<dyn FileHandle>,
}

/// The smallest range taken from the memory map rather than read.
const MAPPED_FROM: usize = 16 << 10;

impl HasLen for ReadAt {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadAt {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("bytes {range:?} of a file of {} bytes", self.len),
            ));
        }
        if range.len() >= MAPPED_FROM {
            return self.mapped.read_bytes(range);
        }
        let mut bytes = vec![0; range.len()];
        self.file.read_exact_at(&mut bytes, range.start as u64)?;
        Ok(OwnedBytes::new(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_is_read_by_ranges_and_other_files_as_mapped() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut store = b"0123456789".to_vec();
        store.extend(std::iter::repeat_n(b'x', MAPPED_FROM));
        std::fs::write(dir.path().join("a.store"), &store).expect("written");
        std::fs::write(dir.path().join("a.idx"), b"abcdef").expect("written");
        let directory = SearchDirectory::open(dir.path()).expect("opened");
        let store = directory
            .get_file_handle(Path::new("a.store"))
            .expect("a handle");
        assert_eq!(store.len(), 10 + MAPPED_FROM);
        assert_eq!(store.read_bytes(2..5).expect("read").as_slice(), b"234");
        assert_eq!(store.read_bytes(4..4).expect("read").as_slice(), b"");
        let large = store.read_bytes(5..10 + MAPPED_FROM).expect("mapped");
        assert_eq!(&large.as_slice()[..6], b"56789x");
        assert_eq!(large.len(), 5 + MAPPED_FROM);
        assert!(
            store.read_bytes(8..11 + MAPPED_FROM).is_err(),
            "past the end"
        );
        let idx = directory
            .get_file_handle(Path::new("a.idx"))
            .expect("a handle");
        assert_eq!(idx.read_bytes(0..3).expect("read").as_slice(), b"abc");
        assert!(matches!(
            directory.get_file_handle(Path::new("b.store")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
