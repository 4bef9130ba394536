//! Writes what dsr hands to a subject — a folder or a ZIP — atomically and reproducibly:
//! everything goes into a temporary sibling first and is renamed into place at the end, so a
//! crash never leaves half a package; ZIP entries carry fixed times and modes, so the same
//! input gives the same bytes. Every entry's size and SHA-256 are recorded for a manifest.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use crate::apply::hex;

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write the ZIP {path}: {source}")]
    Zip {
        path: PathBuf,
        #[source]
        source: zip::result::ZipError,
    },
    #[error("{path} already exists: remove it or choose another --out")]
    Exists { path: PathBuf },
    #[error(
        "{path} is a symbolic link: dsr does not write through links; remove it or choose another --out"
    )]
    Symlink { path: PathBuf },
    #[error("'{0}' is not a safe name inside a package")]
    UnsafeName(String),
}

/// One file of a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// Where the package goes.
enum Sink {
    Dir {
        staging: tempfile::TempDir,
    },
    Zip {
        // Boxed: the writer is large and a package holds one sink for its whole life.
        writer: Box<zip::ZipWriter<BufWriter<File>>>,
        staging: tempfile::NamedTempFile,
        password: Option<String>,
    },
}

/// A package being written. Nothing is visible at `target` until [`Package::finish`].
pub struct Package {
    target: PathBuf,
    sink: Sink,
    entries: Vec<Entry>,
}

impl Package {
    /// Starts a package at `target`: a ZIP when its name ends in `.zip`, else a folder.
    /// `password` encrypts every ZIP entry with AES-256. `replace` allows an existing target
    /// to be replaced (only for targets dsr owns, inside a case folder).
    pub fn create(
        target: &Path,
        password: Option<String>,
        replace: bool,
    ) -> Result<Package, PackageError> {
        // A link is refused rather than followed or replaced: in a shared folder another
        // user may have planted it to redirect the subject's data, and replacing it would
        // silently undo what whoever made it meant. The final rename replaces a link that
        // appears meanwhile; it never writes through one.
        if fs::symlink_metadata(target).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(PackageError::Symlink {
                path: target.to_owned(),
            });
        }
        if target.exists() && !replace {
            return Err(PackageError::Exists {
                path: target.to_owned(),
            });
        }
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        crate::fsutil::private_dir(parent).map_err(|source| PackageError::Io {
            path: parent.to_owned(),
            source,
        })?;
        let io_err = |source| PackageError::Io {
            path: parent.to_owned(),
            source,
        };
        let sink = if is_zip(target) {
            let staging = tempfile::Builder::new()
                .prefix(".dsr-")
                .tempfile_in(parent)
                .map_err(io_err)?;
            let file = staging.reopen().map_err(io_err)?;
            Sink::Zip {
                writer: Box::new(zip::ZipWriter::new(BufWriter::new(file))),
                staging,
                password,
            }
        } else {
            Sink::Dir {
                staging: tempfile::Builder::new()
                    .prefix(".dsr-")
                    .tempdir_in(parent)
                    .map_err(io_err)?,
            }
        };
        Ok(Package {
            target: target.to_owned(),
            sink,
            entries: Vec::new(),
        })
    }

    /// Adds one file from memory.
    pub fn add(&mut self, path: &str, bytes: &[u8]) -> Result<&Entry, PackageError> {
        self.add_reader(path, &mut &bytes[..])
    }

    /// Adds one file that stays readable without the password in an encrypted ZIP: the
    /// note that tells the subject how to open the rest must open everywhere.
    pub fn add_unencrypted(&mut self, path: &str, bytes: &[u8]) -> Result<&Entry, PackageError> {
        self.add_entry(path, &mut &bytes[..], false)
    }

    /// Adds one file streamed from `reader`: memory stays flat however large it is.
    pub fn add_reader(
        &mut self,
        path: &str,
        reader: &mut dyn Read,
    ) -> Result<&Entry, PackageError> {
        self.add_entry(path, reader, true)
    }

    fn add_entry(
        &mut self,
        path: &str,
        reader: &mut dyn Read,
        encrypt: bool,
    ) -> Result<&Entry, PackageError> {
        check_name(path)?;
        let target = self.target.clone();
        let mut hashing = Hashing::default();
        match &mut self.sink {
            Sink::Dir { staging } => {
                let file_path = staging.path().join(path);
                if let Some(dir) = file_path.parent() {
                    crate::fsutil::private_dir(dir).map_err(|source| PackageError::Io {
                        path: dir.to_owned(),
                        source,
                    })?;
                }
                let io_err = |source| PackageError::Io {
                    path: target.join(path),
                    source,
                };
                let mut file = BufWriter::new(File::create(&file_path).map_err(io_err)?);
                copy(reader, &mut file, &mut hashing).map_err(io_err)?;
                file.flush().map_err(io_err)?;
                file.get_ref().sync_all().map_err(io_err)?;
            }
            Sink::Zip {
                writer, password, ..
            } => {
                let mut options = SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated)
                    .last_modified_time(zip::DateTime::default())
                    .unix_permissions(0o600)
                    .large_file(true);
                if let Some(password) = password.as_deref().filter(|_| encrypt) {
                    options = options.with_aes_encryption(zip::AesMode::Aes256, password);
                }
                writer
                    .start_file(path, options)
                    .map_err(|source| PackageError::Zip {
                        path: target.clone(),
                        source,
                    })?;
                copy(reader, writer.as_mut(), &mut hashing).map_err(|source| PackageError::Io {
                    path: target.clone(),
                    source,
                })?;
            }
        }
        self.entries.push(Entry {
            path: path.to_owned(),
            size: hashing.size,
            sha256: hex(&hashing.digest.finalize()),
        });
        Ok(self.entries.last().expect("an entry was just pushed"))
    }

    /// The entries written so far, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Moves the package into place. Returns the SHA-256 of the ZIP (`None` for a folder).
    pub fn finish(self) -> Result<Option<String>, PackageError> {
        let target = self.target;
        let io_err = |source| PackageError::Io {
            path: target.clone(),
            source,
        };
        match self.sink {
            Sink::Dir { staging } => {
                if target.exists() {
                    fs::remove_dir_all(&target).map_err(io_err)?;
                }
                // The staging folder stays owned until the rename succeeds, so a failure
                // removes it with everything in it.
                fs::rename(staging.path(), &target).map_err(io_err)?;
                let _moved_into_place = staging.keep();
                Ok(None)
            }
            Sink::Zip {
                writer, staging, ..
            } => {
                let file = writer.finish().map_err(|source| PackageError::Zip {
                    path: target.clone(),
                    source,
                })?;
                let file = file.into_inner().map_err(|e| io_err(e.into_error()))?;
                file.sync_all().map_err(io_err)?;
                let mut hasher = Sha256::new();
                io::copy(
                    &mut File::open(staging.path()).map_err(io_err)?,
                    &mut hasher,
                )
                .map_err(io_err)?;
                staging.persist(&target).map_err(|e| io_err(e.error))?;
                Ok(Some(hex(&hasher.finalize())))
            }
        }
    }
}

pub fn is_zip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Entry names are relative, `/`-separated, and free of `..` and control characters.
fn check_name(path: &str) -> Result<(), PackageError> {
    let p = Path::new(path);
    let ok = !path.is_empty()
        && !path.chars().any(|c| c.is_control() || c == '\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(PackageError::UnsafeName(path.to_owned()))
    }
}

/// A safe entry name made from an untrusted one (an asset id or file name): components
/// that would climb out, absolute roots, control characters and backslashes are dropped.
pub fn safe_name(untrusted: &str) -> String {
    let parts: Vec<String> = untrusted
        .split(['/', '\\'])
        .map(|part| {
            part.chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .filter(|part| !part.is_empty() && part != "." && part != "..")
        .collect();
    if parts.is_empty() {
        "unnamed".to_owned()
    } else {
        parts.join("/")
    }
}

#[derive(Default)]
struct Hashing {
    digest: Sha256,
    size: u64,
}

fn copy(reader: &mut dyn Read, to: &mut dyn Write, hashing: &mut Hashing) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hashing.digest.update(&buf[..n]);
        hashing.size += n as u64;
        to.write_all(&buf[..n])?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside() {
        assert_eq!(safe_name("../../evil.jpg"), "evil.jpg");
        assert_eq!(safe_name("/etc/passwd"), "etc/passwd");
        assert_eq!(safe_name("a\\..\\b\u{1b}[31m.jpg"), "a/b[31m.jpg");
        assert_eq!(safe_name(".."), "unnamed");
        assert!(check_name("../x").is_err());
        assert!(check_name("/x").is_err());
        assert!(check_name("originals/a.jpg").is_ok());
    }

    #[test]
    fn zips_are_reproducible() {
        let dir = tempfile::tempdir().expect("tempdir");
        let make = |name: &str| {
            let path = dir.path().join(name);
            let mut p = Package::create(&path, None, false).expect("create");
            p.add("a.txt", b"hello").expect("add");
            p.add("b/c.txt", b"world").expect("add");
            p.finish().expect("finish").expect("a zip hash");
            fs::read(path).expect("read")
        };
        assert_eq!(make("one.zip"), make("two.zip"));
    }

    #[test]
    fn folders_appear_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("pkg");
        let mut p = Package::create(&path, None, false).expect("create");
        p.add("x/y.txt", b"1").expect("add");
        assert!(!path.exists(), "nothing is visible before finish");
        p.finish().expect("finish");
        assert_eq!(fs::read(path.join("x/y.txt")).expect("read"), b"1");
        assert!(matches!(
            Package::create(&path, None, false),
            Err(PackageError::Exists { .. })
        ));
    }

    /// Names in `dir` that a package in progress uses: what a failure must not leave.
    fn staged(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("read_dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".dsr-"))
            .collect()
    }

    #[test]
    fn a_failed_move_into_place_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Something takes the target's place while the package is written: a file where
        // the folder goes, a non-empty folder where the ZIP goes.
        let folder = dir.path().join("pkg");
        let mut p = Package::create(&folder, None, false).expect("create");
        p.add("x/y.txt", b"1").expect("add");
        fs::write(&folder, b"in the way").expect("write");
        assert!(p.finish().is_err());
        assert_eq!(staged(dir.path()), Vec::<String>::new());

        let zip = dir.path().join("pkg.zip");
        let mut p = Package::create(&zip, None, false).expect("create");
        p.add("a.txt", b"1").expect("add");
        fs::create_dir_all(zip.join("inside")).expect("mkdir");
        assert!(p.finish().is_err());
        assert_eq!(staged(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_symbolic_link_as_target_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("out.zip");
        std::os::unix::fs::symlink(dir.path().join("nowhere.zip"), &link).expect("symlink");
        assert!(matches!(
            Package::create(&link, None, false),
            Err(PackageError::Symlink { .. })
        ));
        assert!(matches!(
            Package::create(&link, None, true),
            Err(PackageError::Symlink { .. })
        ));
        assert_eq!(staged(dir.path()), Vec::<String>::new());
    }
}
