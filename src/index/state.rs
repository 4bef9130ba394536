//! What the last sync of a tenant left behind: the version of every indexed asset, the
//! field labels, and the settings the index was built with.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::fsutil;

/// Raised whenever the index terms change meaning, so that an older index is rebuilt by
/// the next sync instead of answering without terms it lacks (2: the words written
/// beside one-letter words; 3: phone numbers written with a bracketed trunk zero, and in
/// running text only letters written as initials noted beside their neighbours).
const FORMAT: u32 = 3;

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
    /// Asset id → the version marker indexed.
    pub versions: BTreeMap<String, String>,
    /// Archive → the newest modification time seen (platforms listing newest first).
    #[serde(default)]
    pub watermarks: BTreeMap<String, String>,
    /// Fields the platform lets dsr change; empty when it does not restrict.
    #[serde(default)]
    pub writable: BTreeSet<String>,
}

impl SyncState {
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

    pub fn save(&mut self, path: &Path) -> io::Result<()> {
        self.format = FORMAT;
        let json = serde_json::to_vec(self).map_err(io::Error::other)?;
        fsutil::write_atomic(path, &json)
    }

    /// The label of a field, or its id when the platform gave none.
    pub fn label(&self, field: &str) -> String {
        self.labels
            .get(field)
            .cloned()
            .unwrap_or_else(|| format!("field {field}"))
    }
}
