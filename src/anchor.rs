//! The audit log and the tenants' ledgers anchor each other, so that neither can be cut
//! short unseen.
//!
//! Each log alone proves its order but not its length: an emptied ledger, or an audit log
//! with its newest lines dropped (or deleted whole), is a valid chain of nothing. So each
//! receipt records the audit log's head when it was issued (`audit_head`, signed), the
//! audit entry of the operation records the receipt's hash, and the receipts on disk must
//! all be in the ledger. Cutting the ledger leaves audit entries and receipt files that it
//! does not list; cutting the audit log leaves receipts whose entry or anchor is gone. What
//! neither log can show — both cut back to an earlier point together, and the receipt
//! files removed — the head an operation prints closes: `dsr audit --verify --expect-head
//! HASH` fails when that line is no longer in the log.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use crate::audit::AuditLog;
use crate::receipt::ledger::{self, TenantRecords};
use crate::receipt::{FILE_NAME, file_sha256};

/// One place where the audit log and a ledger disagree.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnchorProblem {
    pub tenant: String,
    pub problem: String,
}

/// Checks the anchors between the audit log of `data_dir` and the ledger of `tenant`, or of
/// every tenant with records when `None`:
/// - every receipt filed under the tenant's cases is in its ledger;
/// - every receipt in the ledger that records an audit head (receipts of dsr 0.3 on) finds
///   that head among the audit log's lines, and an audit entry that records the receipt;
/// - every audit entry of the tenant that records a receipt finds it in the ledger.
pub fn check(data_dir: &Path, tenant: Option<&str>) -> io::Result<Vec<AnchorProblem>> {
    let audit = AuditLog::new(data_dir)
        .lines()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let heads: BTreeSet<&str> = audit.iter().map(|(hash, _)| hash.as_str()).collect();
    // Receipt hash → (tenant, audit line number) of the entries that record one.
    let mut recorded: BTreeMap<&str, (Option<&str>, usize)> = BTreeMap::new();
    for (n, (_, entry)) in audit.iter().enumerate() {
        if let Some(entry) = entry
            && let Some(receipt) = &entry.receipt_sha256
        {
            recorded.insert(receipt, (entry.tenant.as_deref(), n + 1));
        }
    }
    let tenants: Vec<String> = match tenant {
        Some(t) => vec![t.to_owned()],
        None => tenants_with_records(data_dir)?,
    };
    let mut problems = Vec::new();
    for name in &tenants {
        let mut problem = |text: String| {
            problems.push(AnchorProblem {
                tenant: name.clone(),
                problem: text,
            })
        };
        let records = TenantRecords::new(data_dir, name);
        let ledger = ledger::read(&records)?;
        let listed: BTreeSet<&str> = ledger
            .entries
            .iter()
            .map(|(_, e)| e.sha256.as_str())
            .collect();
        for (_, entry) in &ledger.entries {
            let path = records.receipt_path(&entry.path);
            // A receipt that cannot be read is the chain check's to report.
            let Some(head) = audit_head(&path) else {
                continue;
            };
            if let Some(head) = &head
                && !heads.contains(head.as_str())
            {
                problem(format!(
                    "receipt #{} ({}) was issued after audit entry {}, which is not in the audit log: the audit log was cut or replaced",
                    entry.sequence,
                    entry.receipt_id,
                    short(head)
                ));
            }
            if !recorded.contains_key(entry.sha256.as_str()) {
                problem(format!(
                    "receipt #{} ({}) has no entry in the audit log: the audit log was cut, or its entry was never written",
                    entry.sequence, entry.receipt_id
                ));
            }
        }
        for (receipt, (entry_tenant, line)) in &recorded {
            if *entry_tenant == Some(name.as_str()) && !listed.contains(receipt) {
                problem(format!(
                    "audit log line {line} records receipt {} of this tenant, which the ledger does not list: the ledger was cut",
                    short(receipt)
                ));
            }
        }
        for path in receipt_files(&records.dir)? {
            let Ok(hash) = file_sha256(&path) else {
                continue;
            };
            if !listed.contains(hash.as_str()) {
                problem(format!(
                    "{} is a receipt the ledger does not list: the ledger was cut, or the file put there",
                    path.display()
                ));
            }
        }
    }
    Ok(problems)
}

/// The problem with `expected` as the audit log's head, if any: it must be a line of the
/// log (a later head is fine; lines after it are newer work).
pub fn expect_head(data_dir: &Path, expected: &str) -> io::Result<Option<String>> {
    let audit = AuditLog::new(data_dir)
        .lines()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let expected = expected.trim().to_ascii_lowercase();
    Ok((!audit.iter().any(|(hash, _)| *hash == expected)).then(|| {
        format!(
            "the entry {} given with --expect-head is not in the audit log: the log was cut back before it, or replaced",
            short(&expected)
        )
    }))
}

/// The `audit_head` a receipt file records: `Some(None)` when it records none (an empty
/// log), `None` when the file cannot be read or predates anchoring.
fn audit_head(path: &Path) -> Option<Option<String>> {
    let bytes = std::fs::read(path).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    match value.get("audit_head")? {
        serde_json::Value::String(head) => Some(Some(head.clone())),
        _ => Some(None),
    }
}

/// The receipt files filed under a tenant's cases: `cases/*/receipts/*/receipt.json`.
fn receipt_files(tenant_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for case in read_dir(&tenant_dir.join("cases"))? {
        for receipt in read_dir(&case.join(crate::case::RECEIPTS_DIR))? {
            let file = receipt.join(FILE_NAME);
            if file.is_file() {
                found.push(file);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The tenants of a data directory that have a ledger or filed receipts.
fn tenants_with_records(data_dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for dir in read_dir(&data_dir.join("tenants"))? {
        let records = dir.join("ledger.jsonl").exists() || dir.join("cases").is_dir();
        if let (true, Some(name)) = (records, dir.file_name().and_then(|n| n.to_str())) {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// The folders in `dir` (none when it does not exist).
fn read_dir(dir: &Path) -> io::Result<Vec<PathBuf>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => Ok(entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The first 16 hex digits of a hash: enough to find it, short enough to read.
fn short(hash: &str) -> &str {
    hash.get(..16).unwrap_or(hash)
}
