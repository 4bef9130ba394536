//! What the last sync of a tenant left behind: the version of every indexed asset, the
//! field labels, and the settings the index was built with; and, in a small file of their
//! own, the assets it could not read.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::fsutil;

/// Raised whenever the index terms change meaning, so that an older index is rebuilt by
/// the next sync instead of answering without terms it lacks (2: the words written
/// beside one-letter words; 3: phone numbers written with a bracketed trunk zero, and in
/// running text only letters written as initials noted beside their neighbours; 4: words
/// folded through compatibility forms and invisible characters, and the parts of a word run
/// together; 5: words folded by full Unicode case folding, and each word's romanised key; 6:
/// the words of person fields in a field of their own; 7: no longer, the pairs of words
/// standing for them, and a one-letter word's neighbours noted by their romanised keys too).
const FORMAT: u32 = 7;

/// The sync state of one tenant, kept as `state.json` beside its index.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SyncState {
    pub format: u32,
    /// A digest of the settings that shaped the index terms (roles, region).
    pub settings: String,
    /// When the last sync finished (RFC 3339).
    pub synced_at: Option<String>,
    /// Field id → label, as the platform described them.
    pub labels: BTreeMap<String, String>,
    /// Asset id → the version marker indexed, in a state written before the versions had
    /// a file of their own (`versions.tsv`, see [`super::versions`]): read once, moved
    /// there, and never written here again.
    #[serde(
        default,
        deserialize_with = "sorted_map",
        skip_serializing_if = "Option::is_none"
    )]
    pub versions: Option<BTreeMap<String, String>>,
    /// Archive → the newest modification time seen (platforms listing newest first).
    #[serde(default)]
    pub watermarks: BTreeMap<String, String>,
    /// Fields the platform lets dsr change; empty when it does not restrict.
    #[serde(default)]
    pub writable: BTreeSet<String>,
}

/// What commands that answer from the index need of the sync state — when it ran, the
/// fields' labels, what dsr may change — kept as `summary.json` beside `state.json`. The
/// state holds a version per asset and grows with the tenant (63 MB at a million assets);
/// `dsr locate` reading all of it would cost time in proportion to the tenant, not to the
/// answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSummary {
    pub format: u32,
    pub settings: String,
    pub synced_at: Option<String>,
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub writable: BTreeSet<String>,
    /// How many assets the index holds.
    pub assets: u64,
}

impl SyncSummary {
    /// Reads the summary; `None` when it is absent or of another format (the caller then
    /// derives it from the state).
    pub fn load(path: &Path) -> io::Result<Option<SyncSummary>> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let summary: SyncSummary = serde_json::from_slice(&bytes)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                Ok((summary.format == FORMAT).then_some(summary))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn save(&self, path: &Path) -> io::Result<()> {
        let json = serde_json::to_vec(self).map_err(io::Error::other)?;
        fsutil::write_atomic(path, &json)
    }

    /// The label of a field, or its id when the platform gave none.
    pub fn label(&self, field: &str) -> String {
        label(&self.labels, field)
    }
}

impl SyncState {
    /// What [`SyncSummary`] keeps of this state, which indexed `assets`.
    pub fn summary(&self, assets: u64) -> SyncSummary {
        SyncSummary {
            format: self.format,
            settings: self.settings.clone(),
            synced_at: self.synced_at.clone(),
            labels: self.labels.clone(),
            writable: self.writable.clone(),
            assets,
        }
    }

    /// Reads the state; an absent file is an empty state (never synced).
    pub fn load(path: &Path) -> io::Result<SyncState> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let state: SyncState = serde_json::from_slice(&bytes)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                if state.format != FORMAT {
                    return Ok(SyncState::default());
                }
                Ok(state)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(SyncState::default()),
            Err(e) => Err(e),
        }
    }

    /// Whether the file at `path` is the state of another version of dsr, which [`load`]
    /// reads as never synced.
    ///
    /// [`load`]: SyncState::load
    pub fn of_another_version(path: &Path) -> bool {
        #[derive(Deserialize)]
        struct Format {
            format: u32,
        }
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Format>(&bytes).ok())
            .is_some_and(|found| found.format != FORMAT)
    }

    /// Whether the state is of this version of dsr (a state of another format is read as
    /// empty, and the versions beside it mean nothing).
    pub fn is_current(&self) -> bool {
        self.format == FORMAT
    }

    pub fn save(&mut self, path: &Path) -> io::Result<()> {
        self.format = FORMAT;
        let json = serde_json::to_vec(self).map_err(io::Error::other)?;
        fsutil::write_atomic(path, &json)
    }

    /// The label of a field, or its id when the platform gave none.
    pub fn label(&self, field: &str) -> String {
        label(&self.labels, field)
    }
}

/// Reads a map written in key order (as a `BTreeMap` is) by collecting its entries and
/// building the map from them at once: inserted one by one, each of a million entries
/// searched the tree, comparing long shared id prefixes some twenty times, which was most
/// of reading `state.json`. Entries out of order are sorted; of a key written twice the
/// last counts, as with inserting.
fn sorted_map<'de, D>(deserializer: D) -> Result<Option<BTreeMap<String, String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map of asset ids to versions")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(entry) = map.next_entry::<String, String>()? {
                entries.push(entry);
            }
            // Sorting what is sorted already costs one comparison per entry.
            Ok(entries.into_iter().collect())
        }
    }
    deserializer.deserialize_map(Entries).map(Some)
}

/// The label of `field` among `labels`, or its id when the platform gave none.
fn label(labels: &BTreeMap<String, String>, field: &str) -> String {
    labels
        .get(field)
        .cloned()
        .unwrap_or_else(|| format!("field {field}"))
}

/// The assets the last sync could not read (a sidecar that does not parse, a file it may not
/// open), kept as `unreadable.json` beside the state: ids only, never what they hold. Every
/// command that answers from the index reads it to say what it did not search, so it is
/// kept apart from the state, whose size grows with the tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    pub assets: BTreeSet<String>,
}

impl Unreadable {
    /// Reads the list; an absent file is an empty list.
    pub fn load(path: &Path) -> io::Result<Unreadable> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Unreadable::default()),
            Err(e) => Err(e),
        }
    }

    /// Writes the list, or removes the file when the list is empty, so that the common
    /// case costs a reader one failed open.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        if self.assets.is_empty() {
            return match std::fs::remove_file(path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        }
        let json = serde_json::to_vec(self).map_err(io::Error::other)?;
        fsutil::write_atomic(path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Versions read as inserting them one by one would: in any order, the last of a key
    /// written twice counting.
    #[test]
    fn versions_read_at_once_are_the_versions_written() {
        let json = r#"{"format":6,"settings":"s","synced_at":null,"labels":{},
            "versions":{"b/2":"1","a/1":"1","c/3":"1","a/1":"2"}}"#;
        let state: SyncState = serde_json::from_str(json).expect("a state");
        let expected: BTreeMap<String, String> = [("a/1", "2"), ("b/2", "1"), ("c/3", "1")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(state.versions, Some(expected));

        let mut written = SyncState {
            versions: Some(
                (0..1000)
                    .map(|i| (format!("A/{i:04}"), i.to_string()))
                    .collect(),
            ),
            ..SyncState::default()
        };
        written.format = FORMAT;
        let bytes = serde_json::to_vec(&written).expect("JSON");
        let read: SyncState = serde_json::from_slice(&bytes).expect("a state");
        assert_eq!(read.versions, written.versions);
    }
}
