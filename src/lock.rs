//! One dsr process at a time may change a tenant: an exclusive lock on a file in the
//! tenant's data folder, holding the holder's pid so that a refusal can name it. Every
//! command that writes a tenant's index or its platform takes it (sync, erase, rectify,
//! tenant remove): tantivy's own writer lock would otherwise end the second one with a
//! bare `LockBusy` midway. The
//! operating system drops the lock when the process dies, so a crash never leaves a
//! tenant locked.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another dsr process{} is changing tenant '{tenant}': wait for it to finish, then run this again (lock file {path})",
        holder.map(|p| format!(" (pid {p})")).unwrap_or_default()
    )]
    Busy {
        holder: Option<u32>,
        tenant: String,
        path: PathBuf,
    },
    #[error("cannot lock {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Held while a tenant is being changed; released on drop.
#[derive(Debug)]
pub struct TenantLock {
    _file: File,
}

impl TenantLock {
    /// Takes the lock at `path` or says who holds it.
    pub fn acquire(path: &Path) -> Result<TenantLock, LockError> {
        let io_err = |source| LockError::Io {
            path: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent() {
            crate::fsutil::private_dir(dir).map_err(io_err)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)
            .map_err(io_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(LockError::Busy {
                    holder: text.trim().parse().ok(),
                    tenant: tenant_of(path),
                    path: path.to_owned(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(e)),
        }
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()))
            .and_then(|()| file.flush())
            .map_err(io_err)?;
        Ok(TenantLock { _file: file })
    }
}

/// The tenant a lock file belongs to: the lock lives in the tenant's data folder, which is
/// named after it (`tenants/NAME/lock`).
fn tenant_of(lock: &Path) -> String {
    lock.parent()
        .and_then(Path::file_name)
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_pid() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("lock");
        let first = TenantLock::acquire(&path).expect("the first lock");
        let err = TenantLock::acquire(&path).expect_err("busy");
        assert!(
            matches!(err, LockError::Busy { holder: Some(pid), .. } if pid == std::process::id())
        );
        drop(first);
        TenantLock::acquire(&path).expect("free again");
    }
}
