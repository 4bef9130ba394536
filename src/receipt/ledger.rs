//! A tenant's ledger: one line per issued receipt, in order, each naming the receipt's
//! hash and the hash of the one before. The chain itself lives in the signed receipts
//! (each holds its predecessor's hash); the ledger says where they are and in which order,
//! so that a receipt removed, reordered or edited shows.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::appendlog::AppendLog;

/// One issued receipt, as the ledger records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// 1 for the tenant's first receipt, then one more each time.
    pub sequence: u64,
    pub receipt_id: String,
    pub case_id: String,
    /// Hex SHA-256 of the receipt file's bytes.
    pub sha256: String,
    /// The previous entry's `sha256`; `null` for the first.
    pub previous_sha256: Option<String>,
    /// Where the receipt was written (absolute).
    pub path: PathBuf,
    pub issued_at: String,
}

/// Where a tenant's receipt records live: `<data-dir>/tenants/<tenant>/`.
#[derive(Debug, Clone)]
pub struct TenantRecords {
    pub dir: PathBuf,
}

impl TenantRecords {
    pub fn new(data_dir: &Path, tenant: &str) -> TenantRecords {
        TenantRecords {
            dir: data_dir.join("tenants").join(tenant),
        }
    }

    /// The ledger, `ledger.jsonl`.
    pub fn ledger_path(&self) -> PathBuf {
        self.dir.join("ledger.jsonl")
    }

    /// The identity salt, `salt`.
    pub fn salt_path(&self) -> PathBuf {
        self.dir.join("salt")
    }

    pub fn ledger(&self) -> AppendLog {
        AppendLog::new(self.ledger_path())
    }

}

/// A ledger as read back: its entries, and the lines that could not be read.
#[derive(Debug, Default)]
pub struct Ledger {
    pub entries: Vec<(usize, LedgerEntry)>,
    /// `(line number, problem)`.
    pub unreadable: Vec<(usize, String)>,
}

/// Reads a tenant's ledger; a missing ledger has no entries.
pub fn read(records: &TenantRecords) -> std::io::Result<Ledger> {
    let lines = records.ledger().read()?;
    let mut ledger = Ledger::default();
    for (n, line) in lines.lines.iter().enumerate() {
        match serde_json::from_slice::<LedgerEntry>(line) {
            Ok(entry) => ledger.entries.push((n + 1, entry)),
            Err(e) => ledger
                .unreadable
                .push((n + 1, format!("not a ledger entry: {e}"))),
        }
    }
    if lines.torn {
        ledger.unreadable.push((
            lines.lines.len() + 1,
            "the last line is cut short (a write interrupted)".to_owned(),
        ));
    }
    Ok(ledger)
}
