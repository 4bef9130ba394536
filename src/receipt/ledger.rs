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
    /// Where the receipt was written: relative to the data directory, so that the data
    /// directory can be moved or copied and its ledger still names its own receipts
    /// ([`TenantRecords::receipt_path`] reads it back). Absolute for a receipt written
    /// outside the data directory, and in ledgers of dsr versions before 0.2.
    pub path: PathBuf,
    pub issued_at: String,
}

/// Where a tenant's receipt records live: `<data-dir>/tenants/<tenant>/`.
#[derive(Debug, Clone)]
pub struct TenantRecords {
    pub dir: PathBuf,
    data_dir: PathBuf,
    tenant: String,
}

impl TenantRecords {
    pub fn new(data_dir: &Path, tenant: &str) -> TenantRecords {
        TenantRecords {
            dir: data_dir.join("tenants").join(tenant),
            data_dir: data_dir.to_owned(),
            tenant: tenant.to_owned(),
        }
    }

    /// How the ledger records a receipt at `receipt` (absolute): relative to the data
    /// directory when it is inside it, else as it is.
    pub fn stored_path(&self, receipt: &Path) -> PathBuf {
        std::path::absolute(&self.data_dir)
            .ok()
            .and_then(|data| receipt.strip_prefix(data).ok().map(Path::to_owned))
            .unwrap_or_else(|| receipt.to_owned())
    }

    /// Where the receipt a ledger entry names is now. A relative path is inside this data
    /// directory. An absolute one (an older ledger) is used as it is when it lies in this
    /// data directory; when it points into another — the one this data directory was moved
    /// or copied from — the same place inside this one is taken instead, never the other's
    /// file: a copy is checked against its own receipts. A receipt written outside any data
    /// directory keeps its absolute path.
    pub fn receipt_path(&self, stored: &Path) -> PathBuf {
        if stored.is_relative() {
            return self.data_dir.join(stored);
        }
        let data = std::path::absolute(&self.data_dir).unwrap_or_else(|_| self.data_dir.clone());
        if stored.starts_with(&data) {
            return stored.to_owned();
        }
        let parts: Vec<_> = stored.components().collect();
        let tenant = std::ffi::OsStr::new(&self.tenant);
        // The last `tenants/<tenant>` in the path is where the other data directory's
        // records of this tenant begin.
        let start = (0..parts.len().saturating_sub(1))
            .rev()
            .find(|&i| parts[i].as_os_str() == "tenants" && parts[i + 1].as_os_str() == tenant);
        match start {
            Some(i) => parts[i + 2..]
                .iter()
                .fold(self.dir.clone(), |path, part| path.join(part)),
            None => stored.to_owned(),
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_recorded_relative_to_the_data_directory() {
        let records = TenantRecords::new(Path::new("/srv/dsr"), "acme");
        let inside = Path::new("/srv/dsr/tenants/acme/cases/1/receipts/001-erasure/receipt.json");
        let stored = records.stored_path(inside);
        assert_eq!(
            stored,
            Path::new("tenants/acme/cases/1/receipts/001-erasure/receipt.json")
        );
        assert_eq!(records.receipt_path(&stored), inside);
        let outside = Path::new("/home/dpo/receipts/receipt.json");
        assert_eq!(records.stored_path(outside), outside);
        assert_eq!(records.receipt_path(outside), outside);
    }

    #[test]
    fn absolute_paths_of_another_data_directory_are_read_inside_this_one() {
        let moved = TenantRecords::new(Path::new("/mnt/copy"), "acme");
        // An older ledger, written where the data directory was before.
        let old = Path::new("/srv/dsr/tenants/acme/cases/1/receipts/001-erasure/receipt.json");
        assert_eq!(
            moved.receipt_path(old),
            Path::new("/mnt/copy/tenants/acme/cases/1/receipts/001-erasure/receipt.json")
        );
        // In this data directory already: as it is.
        let here = Path::new("/mnt/copy/tenants/acme/cases/2/receipts/001-access/receipt.json");
        assert_eq!(moved.receipt_path(here), here);
        // Another tenant's folder name is no anchor.
        let elsewhere = Path::new("/srv/dsr/tenants/bravo/receipt.json");
        assert_eq!(moved.receipt_path(elsewhere), elsewhere);
    }
}
