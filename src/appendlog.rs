//! Append-only JSON-lines files (the audit log, receipt ledgers): appended under an
//! exclusive lock, one whole line per write, synced before the lock is released.
//!
//! A crash can only tear the last line (a write cut short leaves a line without its
//! newline). Such a fragment was never acknowledged to anyone, so the next writer cuts it
//! off before appending; readers report it.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// An append-only JSON-lines file.
#[derive(Debug, Clone)]
pub struct AppendLog {
    path: PathBuf,
}

/// The log, locked for appending; the lock is released on drop.
#[derive(Debug)]
pub struct Appender {
    file: File,
    last: Option<Vec<u8>>,
}

/// Every complete line of a log, and whether a torn fragment followed them.
#[derive(Debug, Default)]
pub struct Lines {
    /// Each line's bytes, without the newline.
    pub lines: Vec<Vec<u8>>,
    /// The file ends in a line without its newline: a write cut short.
    pub torn: bool,
}

impl AppendLog {
    pub fn new(path: impl Into<PathBuf>) -> AppendLog {
        AppendLog { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens (creating it owner-only if need be) and locks the log, waiting for another
    /// writer to finish, and cuts off a torn last line.
    pub fn lock(&self) -> io::Result<Appender> {
        if let Some(dir) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::fsutil::private_dir(dir)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            .open(&self.path)?;
        // Blocks: two commands finishing at once should both be recorded, one after the
        // other, not one of them fail.
        file.lock()?;
        let last = last_line(&mut file, &self.path)?;
        Ok(Appender { file, last })
    }

    /// Reads every line; an absent file has none.
    pub fn read(&self) -> io::Result<Lines> {
        let mut bytes = Vec::new();
        match File::open(&self.path) {
            Ok(mut file) => {
                file.read_to_end(&mut bytes)?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Lines::default()),
            Err(e) => return Err(e),
        }
        let torn = !bytes.is_empty() && !bytes.ends_with(b"\n");
        let lines = match bytes.iter().rposition(|&b| b == b'\n') {
            Some(end) => bytes[..end]
                .split(|&b| b == b'\n')
                .map(<[u8]>::to_vec)
                .collect(),
            None => Vec::new(),
        };
        Ok(Lines { lines, torn })
    }
}

impl Appender {
    /// The last complete line, without its newline; `None` for an empty log.
    pub fn last(&self) -> Option<&[u8]> {
        self.last.as_deref()
    }

    /// Appends one line (a newline is added) and syncs it to disk.
    pub fn append(&mut self, line: &[u8]) -> io::Result<()> {
        if line.contains(&b'\n') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a log line cannot hold a newline",
            ));
        }
        let mut buffer = Vec::with_capacity(line.len() + 1);
        buffer.extend_from_slice(line);
        buffer.push(b'\n');
        self.file.write_all(&buffer)?;
        self.file.sync_data()?;
        self.last = Some(line.to_vec());
        Ok(())
    }
}

/// Reads the last complete line from the end of the file, cutting off a torn fragment
/// after it. Only the tail is read, so appending stays cheap however long the log grows.
fn last_line(file: &mut File, path: &Path) -> io::Result<Option<Vec<u8>>> {
    const CHUNK: u64 = 8192;
    let len = file.seek(SeekFrom::End(0))?;
    // `tail` holds the bytes from `start` to the end of the file.
    let mut start = len;
    let mut tail: Vec<u8> = Vec::new();
    let (line, end) = loop {
        if let Some(end) = tail.iter().rposition(|&b| b == b'\n') {
            match tail[..end].iter().rposition(|&b| b == b'\n') {
                Some(before) => break (Some(tail[before + 1..end].to_vec()), start + end as u64),
                None if start == 0 => break (Some(tail[..end].to_vec()), end as u64),
                None => {}
            }
        } else if start == 0 {
            break (None, 0);
        }
        let from = start.saturating_sub(CHUNK);
        let mut chunk = Vec::new();
        file.seek(SeekFrom::Start(from))?;
        Read::by_ref(file)
            .take(start - from)
            .read_to_end(&mut chunk)?;
        chunk.extend_from_slice(&tail);
        tail = chunk;
        start = from;
    };
    let keep = if line.is_some() { end + 1 } else { 0 };
    if keep < len {
        log::warn!(
            "{} ended in a torn line (a write cut short); it was removed",
            path.display()
        );
        file.set_len(keep)?;
        file.sync_data()?;
    }
    Ok(line)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn appends_reads_back_and_knows_the_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let log = AppendLog::new(dir.path().join("sub/log.jsonl"));
        assert!(log.read().unwrap().lines.is_empty());
        {
            let mut a = log.lock().unwrap();
            assert_eq!(a.last(), None);
            a.append(b"one").unwrap();
            a.append(b"two").unwrap();
            assert_eq!(a.last(), Some(&b"two"[..]));
        }
        assert_eq!(log.lock().unwrap().last(), Some(&b"two"[..]));
        let read = log.read().unwrap();
        assert_eq!(read.lines, [b"one".to_vec(), b"two".to_vec()]);
        assert!(!read.torn);
        assert!(log.lock().unwrap().append(b"a\nb").is_err());
    }

    #[test]
    fn finds_the_last_line_past_the_first_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let log = AppendLog::new(dir.path().join("log.jsonl"));
        let long = "x".repeat(20_000);
        let mut a = log.lock().unwrap();
        a.append(b"first").unwrap();
        a.append(long.as_bytes()).unwrap();
        drop(a);
        assert_eq!(log.lock().unwrap().last(), Some(long.as_bytes()));
        let mut a = log.lock().unwrap();
        a.append(b"short").unwrap();
        drop(a);
        assert_eq!(log.lock().unwrap().last(), Some(&b"short"[..]));
    }

    #[test]
    fn a_torn_last_line_is_reported_then_cut_off_by_the_next_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.jsonl");
        std::fs::write(&path, b"one\ntwo\nthr").unwrap();
        let log = AppendLog::new(&path);
        let read = log.read().unwrap();
        assert_eq!(read.lines, [b"one".to_vec(), b"two".to_vec()]);
        assert!(read.torn);
        let mut a = log.lock().unwrap();
        assert_eq!(a.last(), Some(&b"two"[..]));
        a.append(b"three").unwrap();
        drop(a);
        assert_eq!(std::fs::read(&path).unwrap(), b"one\ntwo\nthree\n");

        std::fs::write(&path, b"torn").unwrap();
        assert_eq!(log.lock().unwrap().last(), None);
        assert_eq!(std::fs::read(&path).unwrap(), b"");
    }

    #[test]
    fn the_file_is_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let log = AppendLog::new(dir.path().join("log.jsonl"));
        log.lock().unwrap().append(b"x").unwrap();
        let mode = std::fs::metadata(log.path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
