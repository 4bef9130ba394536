//! The case receipt of a request across systems: one signed document listing, for every
//! system (tenant) the request reached, the hash of that system's own receipt and its
//! outcome. Each system receipt stays in its tenant's ledger; the case receipt is what a
//! controller shows for the whole request. It is canonical JSON signed like a receipt (the
//! `dsr-receipt` namespace), so `ssh-keygen -Y verify` checks it as it checks any receipt.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::sign::{SigningKey, TrustedKeys};
use super::verify::VerifyError;
use super::{FILE_NAME, ReceiptError, SIGNATURE_NAME, Tool, canonical, sha256_hex, signature_path};
use crate::case::Right;

/// The format of a case receipt.
pub const CASE_FORMAT: &str = "dsr-case-receipt/1";

/// How one system's part of the request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SystemOutcome {
    /// Its receipt says every step is done and a fresh locate agrees.
    Done,
    /// Done but for assets a legal hold kept back.
    Withheld,
    /// Its run ended with something left (a failed or unverified step, an asset a locate
    /// still finds); `--resume` finishes it.
    Partial,
    /// Nothing was carried out there: it has no receipt of this run.
    NotDone,
}

impl SystemOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            SystemOutcome::Done => "done",
            SystemOutcome::Withheld => "withheld",
            SystemOutcome::Partial => "partial",
            SystemOutcome::NotDone => "not-done",
        }
    }
}

/// One system of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemRecord {
    pub tenant: String,
    pub outcome: SystemOutcome,
    /// Hex SHA-256 of the system's receipt file; `null` when it has none.
    pub receipt_sha256: Option<String>,
    /// Where that receipt is, relative to the data directory.
    pub receipt: Option<String>,
}

/// A case receipt, as signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseReceipt {
    /// [`CASE_FORMAT`].
    pub format: String,
    pub receipt_id: String,
    pub case_id: String,
    pub right: Right,
    pub article: String,
    pub operation: String,
    pub operator: String,
    pub started_at: String,
    pub finished_at: String,
    /// Every system of the request, in the group's order.
    pub systems: Vec<SystemRecord>,
    /// `done` only when every system is done (or withheld by a legal hold).
    pub outcome: SystemOutcome,
    pub tool: Tool,
}

/// What a case receipt says before it is issued.
pub struct CaseReceiptDraft {
    pub case_id: String,
    pub right: Right,
    pub operation: String,
    pub operator: String,
    pub started_at: String,
    pub finished_at: String,
    pub systems: Vec<SystemRecord>,
}

/// The request's outcome from its systems': `done` only when every system is done, else
/// the worst of them, a system with nothing carried out making the request partial.
pub fn request_outcome(systems: impl Iterator<Item = SystemOutcome>) -> SystemOutcome {
    let worst = systems
        .filter(|o| *o != SystemOutcome::Done)
        .max_by_key(|o| match o {
            SystemOutcome::Done => 0,
            SystemOutcome::Withheld => 1,
            SystemOutcome::Partial => 2,
            SystemOutcome::NotDone => 3,
        });
    match worst {
        None => SystemOutcome::Done,
        Some(SystemOutcome::NotDone) => SystemOutcome::Partial,
        Some(other) => other,
    }
}

/// The folder a request's case receipts are kept in, `<data_dir>/requests/<case>`.
pub fn requests_dir(data_dir: &Path, case_id: &str) -> PathBuf {
    data_dir.join("requests").join(case_id)
}

/// Signs and writes a case receipt into the next numbered folder of the request's folder,
/// owner-only; returns its path.
pub fn issue(
    data_dir: &Path,
    key: &SigningKey,
    draft: CaseReceiptDraft,
) -> Result<PathBuf, ReceiptError> {
    let outcome = request_outcome(draft.systems.iter().map(|s| s.outcome));
    let receipt = CaseReceipt {
        format: CASE_FORMAT.to_owned(),
        receipt_id: super::uuid_v4(),
        case_id: draft.case_id,
        right: draft.right,
        article: format!("GDPR {}", draft.right.article()),
        operation: draft.operation,
        operator: draft.operator,
        started_at: draft.started_at,
        finished_at: draft.finished_at,
        systems: draft.systems,
        outcome,
        tool: Tool {
            name: "dsr".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
    };
    let bytes = canonical::to_vec(&receipt)?;
    let signature = key.sign(&bytes)?;
    let root = requests_dir(data_dir, &receipt.case_id);
    crate::fsutil::private_dir(&root).map_err(ReceiptError::io(&root))?;
    // The folder claims the number: two runs never write into one.
    let dir = (1..)
        .map(|n| root.join(format!("{n:03}")))
        .find(|dir| std::fs::DirBuilder::new().create(dir).is_ok())
        .unwrap_or_else(|| root.join("000"));
    crate::fsutil::private_dir(&dir).map_err(ReceiptError::io(&dir))?;
    let path = dir.join(FILE_NAME);
    crate::fsutil::write_atomic(&path, &bytes).map_err(ReceiptError::io(&path))?;
    let signature_file = dir.join(SIGNATURE_NAME);
    crate::fsutil::write_atomic(&signature_file, signature.as_bytes())
        .map_err(ReceiptError::io(&signature_file))?;
    Ok(path)
}

/// Whether the bytes of a receipt file are a case receipt (by its format).
pub fn is_case_receipt(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(str::to_owned))
        .is_some_and(|f| f == CASE_FORMAT)
}

/// A case receipt whose signature and form check out.
#[derive(Debug, Clone)]
pub struct VerifiedCaseReceipt {
    pub receipt: CaseReceipt,
    pub sha256: String,
    pub fingerprint: String,
}

/// Checks a case receipt's signature by a trusted key and its canonical form. The system
/// receipts it lists are checked by the caller, which knows where they are.
pub fn verify_file(path: &Path, trusted: &TrustedKeys) -> Result<VerifiedCaseReceipt, VerifyError> {
    let bytes = std::fs::read(path).map_err(VerifyError::Read)?;
    let sig_path = signature_path(path);
    let signature = match std::fs::read_to_string(&sig_path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(VerifyError::NoSignature(sig_path));
        }
        Err(source) => {
            return Err(VerifyError::ReadSignature {
                path: sig_path,
                source,
            });
        }
    };
    let signer = trusted.verify(&bytes, &signature)?.key.clone();
    let value = canonical::parse(&bytes).map_err(VerifyError::Canonical)?;
    let receipt: CaseReceipt =
        serde_json::from_value(value).map_err(|e| VerifyError::Malformed(e.to_string()))?;
    if receipt.format != CASE_FORMAT {
        return Err(VerifyError::Malformed(format!(
            "its format is '{}', not {CASE_FORMAT}",
            receipt.format
        )));
    }
    let signed_at = time::OffsetDateTime::parse(
        &receipt.finished_at,
        &time::format_description::well_known::Rfc3339,
    )
    .map_err(|e| VerifyError::Malformed(format!("its finished_at is not a time: {e}")))?;
    let signer = trusted.trusted_at(&signer, signed_at)?;
    Ok(VerifiedCaseReceipt {
        receipt,
        sha256: sha256_hex(&bytes),
        fingerprint: signer.fingerprint(),
    })
}
