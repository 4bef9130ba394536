//! The version marker of every indexed asset, kept as `versions.tsv` beside the sync state:
//! one line per asset, `id TAB version`, sorted by id, between a header line and a trailer
//! that counts the lines.
//!
//! A sync with nothing to do reads it as a stream beside a sorted listing (the `dir`
//! platform) instead of parsing a map of a million entries first, and does not write it at
//! all when nothing changed; the trailer says, without reading the lines, how many assets
//! there are and whether the file is whole. Inside `state.json`, parsed whole on every
//! sync, the versions were 63 MB at a million assets.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::fsutil;
use crate::platform::KnownVersions;

const HEADER: &[u8] = b"dsr versions 1\n";
const TRAILER: &str = "end ";

/// A versions file whose header and trailer are in place.
#[derive(Debug, Clone)]
pub struct VersionsFile {
    path: PathBuf,
    count: u64,
}

impl VersionsFile {
    /// Opens the file: `None` when it is absent; an error of kind `InvalidData` when it is
    /// not whole (cut short, or not a versions file), which the caller treats as no
    /// knowledge at all rather than as fewer assets.
    pub fn open(path: &Path) -> io::Result<Option<VersionsFile>> {
        let mut file = match fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut header = [0; HEADER.len()];
        file.read_exact(&mut header).map_err(|_| torn(path))?;
        if header != HEADER {
            return Err(torn(path));
        }
        // The trailer is the last line: "end <count>\n", short enough for the last 32 bytes.
        let size = file.metadata()?.len();
        let tail_at = size.saturating_sub(32).max(HEADER.len() as u64);
        file.seek(SeekFrom::Start(tail_at))?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail)?;
        let count = tail
            .strip_suffix(b"\n")
            .and_then(|t| {
                let start = t.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                // Only the header before the trailer: the line starts the tail.
                (start > 0 || tail_at == HEADER.len() as u64).then(|| &t[start..])
            })
            .and_then(|line| std::str::from_utf8(line).ok())
            .and_then(|line| line.strip_prefix(TRAILER))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| torn(path))?;
        Ok(Some(VersionsFile {
            path: path.to_owned(),
            count,
        }))
    }

    /// How many assets the file holds (as its trailer says).
    pub fn len(&self) -> u64 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Every entry in id order, read as it is needed. A line that does not parse, an id out
    /// of order, or fewer or more lines than the trailer counts ends it with an error.
    pub fn entries(&self) -> io::Result<Entries> {
        let mut reader = BufReader::with_capacity(1 << 16, fs::File::open(&self.path)?);
        reader.seek_relative(HEADER.len() as i64)?;
        Ok(Entries {
            reader,
            path: self.path.clone(),
            expected: self.count,
            seen: 0,
            last: None,
            line: Vec::new(),
            done: false,
        })
    }

    /// Every entry at once, for platforms that look assets up one by one: the file read
    /// whole and its lines taken apart in place, checked as [`VersionsFile::entries`]
    /// checks them (a million `String` pairs cost more than reading the file).
    pub fn load(&self) -> io::Result<KnownVersions> {
        let bytes = fs::read(&self.path)?;
        let body = bytes.strip_prefix(HEADER).ok_or_else(|| torn(&self.path))?;
        let mut known = KnownVersions::default();
        let mut lines = body.split_inclusive(|b| *b == b'\n');
        let mut unescaped = (String::new(), String::new());
        loop {
            let line = lines
                .next()
                .and_then(|l| l.strip_suffix(b"\n"))
                .ok_or_else(|| torn(&self.path))?;
            if let Some(count) = line.strip_prefix(TRAILER.as_bytes()) {
                let count: Option<u64> =
                    std::str::from_utf8(count).ok().and_then(|n| n.parse().ok());
                if count != Some(known.len() as u64)
                    || count != Some(self.count)
                    || lines.next().is_some()
                {
                    return Err(torn(&self.path));
                }
                return Ok(known);
            }
            let mut parts = line.split(|b| *b == b'\t');
            let (Some(id), Some(version), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(torn(&self.path));
            };
            let (Some(id), Some(version)) = (
                unescape_into(id, &mut unescaped.0),
                unescape_into(version, &mut unescaped.1),
            ) else {
                return Err(torn(&self.path));
            };
            known.push(id, version).map_err(|_| torn(&self.path))?;
        }
    }
}

/// The entries of a [`VersionsFile`], in id order.
pub struct Entries {
    reader: BufReader<fs::File>,
    path: PathBuf,
    expected: u64,
    seen: u64,
    last: Option<String>,
    line: Vec<u8>,
    done: bool,
}

impl Entries {
    fn read_one(&mut self) -> io::Result<Option<(String, String)>> {
        self.line.clear();
        let read = self.reader.read_until(b'\n', &mut self.line)?;
        let Some(line) = self.line.strip_suffix(b"\n").filter(|_| read > 0) else {
            return Err(torn(&self.path));
        };
        if let Some(count) = line.strip_prefix(TRAILER.as_bytes()) {
            let count: Option<u64> = std::str::from_utf8(count).ok().and_then(|n| n.parse().ok());
            if count != Some(self.seen) || count != Some(self.expected) {
                return Err(torn(&self.path));
            }
            return Ok(None);
        }
        let mut parts = line.split(|b| *b == b'\t');
        let (Some(id), Some(version), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(torn(&self.path));
        };
        let (Some(id), Some(version)) = (unescape(id), unescape(version)) else {
            return Err(torn(&self.path));
        };
        if self.last.as_ref().is_some_and(|last| *last >= id) {
            return Err(torn(&self.path));
        }
        self.seen += 1;
        // Into the last id's own buffer: no allocation per line.
        match &mut self.last {
            Some(last) => last.clone_from(&id),
            None => self.last = Some(id.clone()),
        }
        Ok(Some((id, version)))
    }
}

impl Iterator for Entries {
    type Item = io::Result<(String, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let read = self.read_one();
        if !matches!(read, Ok(Some(_))) {
            self.done = true;
        }
        read.transpose()
    }
}

/// Writes the lines of a versions file, in id order.
pub struct Writer<'a> {
    out: &'a mut dyn Write,
    count: u64,
    last: Option<String>,
}

impl Writer<'_> {
    /// Adds one entry; ids must come in strictly increasing order.
    pub fn push(&mut self, id: &str, version: &str) -> io::Result<()> {
        if self.last.as_deref().is_some_and(|last| last >= id) {
            return Err(io::Error::other(format!(
                "asset versions written out of order (after {} entries)",
                self.count
            )));
        }
        let mut line = escape(id);
        line.push('\t');
        line.push_str(&escape(version));
        line.push('\n');
        self.out.write_all(line.as_bytes())?;
        self.count += 1;
        self.last = Some(id.to_owned());
        Ok(())
    }
}

/// Writes a versions file atomically from what `fill` pushes; returns how many entries it
/// holds.
pub fn write(path: &Path, fill: impl FnOnce(&mut Writer<'_>) -> io::Result<()>) -> io::Result<u64> {
    let mut count = 0;
    fsutil::write_atomic_with(path, |out| {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        out.write_all(HEADER)?;
        let mut writer = Writer {
            out: &mut out,
            count: 0,
            last: None,
        };
        fill(&mut writer)?;
        count = writer.count;
        writeln!(out, "{TRAILER}{count}")?;
        out.flush()
    })?;
    Ok(count)
}

/// Writes the entries of `old` with `changes` made to them: a version (`Some`) replaces an
/// asset's or adds it, `None` leaves it out. Both in id order.
pub fn merge(
    old: impl Iterator<Item = io::Result<(String, String)>>,
    changes: &BTreeMap<String, Option<String>>,
    out: &mut Writer<'_>,
) -> io::Result<()> {
    let mut changes = changes.iter().peekable();
    for entry in old {
        let (id, version) = entry?;
        let mut replaced = false;
        while let Some((changed, to)) = changes.next_if(|(c, _)| c.as_str() <= id.as_str()) {
            replaced = *changed == id;
            if let Some(to) = to {
                out.push(changed, to)?;
            }
        }
        if !replaced {
            out.push(&id, &version)?;
        }
    }
    for (changed, to) in changes {
        if let Some(to) = to {
            out.push(changed, to)?;
        }
    }
    Ok(())
}

/// Writes a map as a versions file.
pub fn write_map(path: &Path, versions: &BTreeMap<String, String>) -> io::Result<u64> {
    write(path, |w| {
        versions
            .iter()
            .try_for_each(|(id, version)| w.push(id, version))
    })
}

/// The error for a versions file that is not whole; its path is named by whoever reports it.
fn torn(path: &Path) -> io::Error {
    log::debug!("{} is not whole", path.display());
    io::Error::new(
        io::ErrorKind::InvalidData,
        "the file is not whole (cut short or changed by hand): run `dsr sync --full` to read every asset again",
    )
}

/// An id or version on one line: a backslash, tab and line feed as `\\`, `\t` and `\n`
/// (a file name may hold any of them).
fn escape(text: &str) -> String {
    if !text.contains(['\\', '\t', '\n']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// As [`unescape`], without an allocation for the text that needs none: the text itself,
/// or the unescaped one kept in `buffer`.
fn unescape_into<'a>(bytes: &'a [u8], buffer: &'a mut String) -> Option<&'a str> {
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.contains('\\') {
        return Some(text);
    }
    *buffer = unescape(bytes)?;
    Some(buffer.as_str())
}

fn unescape(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.contains('\\') {
        return Some(text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            _ => return None,
        }
    }
    Some(out)
}

/// The versions one sync reads, in the order read, held compactly: every id and version in
/// one text, and a few bytes of offsets each. A map of strings held a rebuild of a million
/// assets at about 200 bytes an asset, most of it allocator and tree overhead.
///
/// Made with [`ReadVersions::spilling_into`], what was read is written out in sorted runs
/// to unnamed temporary files each time the text reaches [`SPILL_AT`], and merged back in
/// id order at the end: a first sync of a million assets held 60 MB of versions and twice
/// that while the text grew, of ten million ten times as much, and now holds a run's worth.
#[derive(Debug, Default)]
pub struct ReadVersions {
    text: String,
    entries: Vec<ReadEntry>,
    /// A hash of each id read, so that a rebuild asks the index to replace a document
    /// only when the id may have come before (two ids of one hash only cost a replace).
    ids: std::collections::HashSet<u64>,
    /// The folder the runs are written in; none: everything stays in memory.
    spill_dir: Option<PathBuf>,
    /// The runs written, oldest first.
    runs: Vec<fs::File>,
    /// The text held before it is written out as a run.
    spill_at: usize,
}

/// The text held before it is written out as a run.
const SPILL_AT: usize = 16 << 20;

#[derive(Debug, Clone, Copy)]
struct ReadEntry {
    start: usize,
    id_len: u32,
    /// `None` where the asset was taken out again (read, then found unreadable).
    version_len: Option<u32>,
}

/// An id in a run, then a version or, for an id taken out again, this length and nothing.
const TAKEN_OUT: u32 = u32::MAX;

impl ReadVersions {
    /// Holds what is read, writing it out in runs into `dir` (unnamed files, owner-only,
    /// gone when dropped) once it grows large.
    pub fn spilling_into(dir: &Path) -> ReadVersions {
        ReadVersions {
            spill_dir: Some(dir.to_owned()),
            spill_at: SPILL_AT,
            ..ReadVersions::default()
        }
    }

    /// Records `id` at `version`; a later entry for the same id replaces it.
    pub fn insert(&mut self, id: &str, version: &str) -> io::Result<()> {
        self.push(id, Some(version))
    }

    /// Takes `id` out of what was read, if it was.
    pub fn remove(&mut self, id: &str) -> io::Result<()> {
        self.push(id, None)
    }

    /// False only when `id` was never read by this sync.
    pub fn may_hold(&self, id: &str) -> bool {
        self.ids.contains(&hash(id))
    }

    /// Nothing was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.runs.is_empty()
    }

    /// Every id read, with its last version, in id order; those taken out again left out.
    pub fn sorted(&self) -> io::Result<Sorted<'_>> {
        for mut run in &self.runs {
            run.seek(SeekFrom::Start(0))?;
        }
        let mut sources: Vec<RunReader> = self
            .runs
            .iter()
            .map(|run| RunReader::Run(BufReader::with_capacity(64 << 10, run)))
            .collect();
        let memory = self
            .sorted_in_memory()
            .map(|(id, version)| (id.to_owned(), version.map(str::to_owned)));
        sources.push(RunReader::Memory(Box::new(memory)));
        let mut heads = std::collections::BinaryHeap::new();
        for (at, source) in sources.iter_mut().enumerate() {
            if let Some((id, version)) = source.next()? {
                heads.push(Head { id, at, version });
            }
        }
        Ok(Sorted { sources, heads })
    }

    /// What is held in memory, sorted by id, the last entry of each id (taken out: `None`).
    fn sorted_in_memory(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        // Stable, so that entries of one id stay in the order read; and a listing that
        // came in id order (the `dir` walk) is already sorted, which this sort only checks.
        order.sort_by(|a, b| self.id(*a).cmp(self.id(*b)));
        let mut at = 0;
        std::iter::from_fn(move || {
            let first = *order.get(at)?;
            let id = self.id(first);
            let mut last = first;
            at += 1;
            while let Some(&next) = order.get(at).filter(|&&n| self.id(n) == id) {
                last = next;
                at += 1;
            }
            Some((id, self.version(last)))
        })
    }

    fn push(&mut self, id: &str, version: Option<&str>) -> io::Result<()> {
        let start = self.text.len();
        self.text.push_str(id);
        if let Some(version) = version {
            self.text.push_str(version);
        }
        self.entries.push(ReadEntry {
            start,
            id_len: u32::try_from(id.len()).expect("an id shorter than 4 GB"),
            version_len: version.map(|v| u32::try_from(v.len()).expect("a short version")),
        });
        self.ids.insert(hash(id));
        if self.spill_dir.is_some() && self.text.len() >= self.spill_at {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes what is held out as a run, sorted, and empties the memory.
    fn spill(&mut self) -> io::Result<()> {
        let Some(dir) = &self.spill_dir else {
            return Ok(());
        };
        let file = tempfile::tempfile_in(dir)?;
        let mut out = io::BufWriter::with_capacity(64 << 10, file);
        for (id, version) in self.sorted_in_memory() {
            let len = |n: usize| u32::try_from(n).unwrap_or(TAKEN_OUT - 1).to_le_bytes();
            out.write_all(&len(id.len()))?;
            out.write_all(id.as_bytes())?;
            match version {
                Some(version) => {
                    out.write_all(&len(version.len()))?;
                    out.write_all(version.as_bytes())?;
                }
                None => out.write_all(&TAKEN_OUT.to_le_bytes())?,
            }
        }
        self.runs
            .push(out.into_inner().map_err(io::IntoInnerError::into_error)?);
        self.text.clear();
        self.entries.clear();
        Ok(())
    }

    fn id(&self, entry: usize) -> &str {
        let e = self.entries[entry];
        &self.text[e.start..e.start + e.id_len as usize]
    }

    fn version(&self, entry: usize) -> Option<&str> {
        let e = self.entries[entry];
        let from = e.start + e.id_len as usize;
        e.version_len
            .map(|len| &self.text[from..from + len as usize])
    }
}

/// One sorted source of [`Sorted`]: a run on disk, or what is held in memory.
enum RunReader<'a> {
    Run(BufReader<&'a fs::File>),
    Memory(Box<dyn Iterator<Item = (String, Option<String>)> + 'a>),
}

impl RunReader<'_> {
    fn next(&mut self) -> io::Result<Option<(String, Option<String>)>> {
        let reader = match self {
            RunReader::Memory(entries) => return Ok(entries.next()),
            RunReader::Run(reader) => reader,
        };
        if reader.fill_buf()?.is_empty() {
            return Ok(None);
        }
        let mut len = [0; 4];
        reader.read_exact(&mut len)?;
        let id = read_text(reader, u32::from_le_bytes(len))?;
        reader.read_exact(&mut len)?;
        let version = match u32::from_le_bytes(len) {
            TAKEN_OUT => None,
            len => Some(read_text(reader, len)?),
        };
        Ok(Some((id, version)))
    }
}

/// `len` bytes of text.
fn read_text(reader: &mut impl Read, len: u32) -> io::Result<String> {
    let mut bytes = vec![0; len as usize];
    reader.read_exact(&mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The next id of one source; the heap's top is the least id, and of one id the source
/// read last, whose entry replaces the others.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    id: String,
    at: usize,
    version: Option<String>,
}

impl Ord for Head {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.id.cmp(&self.id).then(self.at.cmp(&other.at))
    }
}

impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The ids read in id order, each with its last version; see [`ReadVersions::sorted`].
pub struct Sorted<'a> {
    sources: Vec<RunReader<'a>>,
    heads: std::collections::BinaryHeap<Head>,
}

impl Sorted<'_> {
    /// Puts the next entry of the source `at` among the heads.
    fn advance(&mut self, at: usize) -> io::Result<()> {
        if let Some((id, version)) = self.sources[at].next()? {
            self.heads.push(Head { id, at, version });
        }
        Ok(())
    }
}

impl Iterator for Sorted<'_> {
    type Item = io::Result<(String, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        let step = |sorted: &mut Self| -> io::Result<Option<(String, String)>> {
            while let Some(last) = sorted.heads.pop() {
                sorted.advance(last.at)?;
                // The same id from sources read earlier: replaced by this one.
                while sorted.heads.peek().is_some_and(|h| h.id == last.id) {
                    if let Some(earlier) = sorted.heads.pop() {
                        sorted.advance(earlier.at)?;
                    }
                }
                if let Some(version) = last.version {
                    return Ok(Some((last.id, version)));
                }
            }
            Ok(None)
        };
        step(self).transpose()
    }
}

fn hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn versions_written_are_read_back_in_order() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("versions.tsv");
        let written = map(&[
            ("A/a\tb", "1"),
            ("A/back\\slash", "2-3"),
            ("B/line\nfeed", ""),
        ]);
        assert_eq!(write_map(&path, &written).expect("written"), 3);
        let file = VersionsFile::open(&path).expect("whole").expect("there");
        assert_eq!(file.len(), 3);
        assert_eq!(file.load().expect("read"), KnownVersions::from(&written));

        write_map(&path, &BTreeMap::new()).expect("written");
        let file = VersionsFile::open(&path).expect("whole").expect("there");
        assert!(file.is_empty());
        assert!(file.load().expect("read").is_empty());
    }

    #[test]
    fn a_file_cut_short_or_out_of_order_is_not_taken_for_fewer_assets() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("versions.tsv");
        assert!(VersionsFile::open(&path).expect("absent").is_none());
        let versions: BTreeMap<String, String> = (0..100)
            .map(|i| (format!("A/{i:03}"), i.to_string()))
            .collect();
        write_map(&path, &versions).expect("written");
        let whole = fs::read(&path).expect("read");
        for cut in [0, 5, HEADER.len(), whole.len() / 2, whole.len() - 1] {
            fs::write(&path, &whole[..cut]).expect("cut");
            let opened = VersionsFile::open(&path);
            assert!(
                opened.is_err_and(|e| e.kind() == io::ErrorKind::InvalidData),
                "cut at {cut}"
            );
        }
        // Lines lost in the middle, the trailer kept: the count gives it away.
        let text = String::from_utf8(whole).expect("text");
        let dropped = text.replace("A/050\t50\n", "");
        fs::write(&path, &dropped).expect("written");
        let file = VersionsFile::open(&path).expect("trailer").expect("there");
        assert!(file.load().is_err());
        // Two lines swapped.
        let swapped = text.replace("A/050\t50\nA/051\t51\n", "A/051\t51\nA/050\t50\n");
        fs::write(&path, &swapped).expect("written");
        let file = VersionsFile::open(&path).expect("trailer").expect("there");
        assert!(file.load().is_err());
    }

    #[test]
    fn read_versions_come_out_in_id_order_the_last_of_each_id_and_none_taken_out() {
        let sorted = |read: &ReadVersions| -> Vec<(String, String)> {
            read.sorted()
                .expect("sorted")
                .collect::<io::Result<_>>()
                .expect("read back")
        };
        let owned = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(id, version)| ((*id).to_owned(), (*version).to_owned()))
                .collect()
        };
        let dir = tempfile::tempdir().expect("a temp dir");
        // In memory, and written out after every entry or two: the same answers.
        for spill_at in [usize::MAX, 1, 12] {
            let mut read = ReadVersions::spilling_into(dir.path());
            read.spill_at = spill_at;
            assert!(read.is_empty());
            read.insert("b/2.jpg", "v1").expect("held");
            read.insert("a/1.jpg", "v1").expect("held");
            read.insert("c/3.jpg", "v1").expect("held");
            read.insert("b/2.jpg", "v2").expect("held");
            read.remove("c/3.jpg").expect("held");
            read.insert("a/10.jpg", "v7").expect("held");
            assert!(!read.is_empty());
            assert_eq!(spill_at == 1, read.runs.len() == 6, "{spill_at}");
            assert!(read.may_hold("b/2.jpg") && read.may_hold("c/3.jpg"));
            assert!(!read.may_hold("d/4.jpg"));
            assert_eq!(
                sorted(&read),
                owned(&[("a/1.jpg", "v1"), ("a/10.jpg", "v7"), ("b/2.jpg", "v2")]),
                "{spill_at}"
            );
            // Taken out, then read again: in.
            read.insert("c/3.jpg", "v3").expect("held");
            assert_eq!(
                sorted(&read).last(),
                Some(&("c/3.jpg".to_owned(), "v3".to_owned()))
            );
            // Read twice, the second time at its old version: the last read counts.
            read.insert("a/1.jpg", "v0").expect("held");
            assert_eq!(sorted(&read)[0], ("a/1.jpg".to_owned(), "v0".to_owned()));
        }
        // Written out, nothing is left in the folder by name.
        assert_eq!(fs::read_dir(dir.path()).expect("listed").count(), 0);
    }
}
