//! Owner-only directories and atomic file writes: everything dsr keeps is personal data.

use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;

/// Creates `dir` and any missing parents with mode 0700. A folder that exists already keeps
/// its mode: it may be a shared one (`/tmp`, a 1777 drop folder, the current directory)
/// that dsr was only asked to write into, and dsr sets modes only on what it creates.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Writes `contents` to `path` atomically: a 0600 temporary file in the same directory,
/// flushed to disk, then renamed over the target. A crash leaves the old file or the new
/// one, never half of either.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(contents))
}

/// [`write_atomic`] of what `fill` writes, for contents too large to hold in memory first.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    private_dir(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(".dsr-")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    fill(file.as_file_mut())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = fs::File::open(dir) {
        // Makes the rename itself durable; not all file systems allow syncing a directory.
        let _ = d.sync_all();
    }
    Ok(())
}
