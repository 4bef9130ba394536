//! Checking receipts: one file against its signature and the canonical form, and a
//! tenant's whole chain against its ledger.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::canonical::{self, CanonicalError};
use super::ledger::{self, TenantRecords};
use super::sign::{SignatureError, TrustedKeys};
use super::{FORMAT, Receipt, sha256_hex, signature_path};

/// Why one receipt file does not verify.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("cannot read it: {0}")]
    Read(#[source] io::Error),
    #[error("it has no signature: {} is missing", .0.display())]
    NoSignature(PathBuf),
    #[error("cannot read its signature {}: {source}", path.display())]
    ReadSignature {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Signature(#[from] SignatureError),
    #[error("it is signed, but {0}")]
    Canonical(CanonicalError),
    #[error("it is not a dsr receipt: {0}")]
    Malformed(String),
    #[error("its format is '{0}', and this dsr reads {FORMAT}")]
    Format(String),
}

/// A receipt whose signature and form check out.
#[derive(Debug, Clone)]
pub struct VerifiedReceipt {
    pub path: PathBuf,
    pub receipt: Receipt,
    /// Hex SHA-256 of the file.
    pub sha256: String,
    /// The principals the trusted signing key is listed under.
    pub signer: Vec<String>,
    /// `SHA256:…` of the signing key.
    pub fingerprint: String,
}

/// Checks one receipt: its detached signature (`<path>.sig`) by a trusted key in the
/// `dsr-receipt` namespace, that the bytes are canonical JSON, and that they are a receipt
/// of this format.
pub fn verify_file(path: &Path, trusted: &TrustedKeys) -> Result<VerifiedReceipt, VerifyError> {
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
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => return Err(VerifyError::Format(other.to_owned())),
        None => return Err(VerifyError::Malformed("it has no format".to_owned())),
    }
    let receipt: Receipt =
        serde_json::from_value(value).map_err(|e| VerifyError::Malformed(e.to_string()))?;
    // Signed when it says it was finished (the time is under the signature): the key must
    // have been trusted then, so a replaced key vouches for nothing it signs later.
    let signed_at = time::OffsetDateTime::parse(
        &receipt.finished_at,
        &time::format_description::well_known::Rfc3339,
    )
    .map_err(|e| VerifyError::Malformed(format!("its finished_at is not a time: {e}")))?;
    let signer = trusted.trusted_at(&signer, signed_at)?;
    Ok(VerifiedReceipt {
        path: path.to_owned(),
        receipt,
        sha256: sha256_hex(&bytes),
        signer: signer.principals.clone(),
        fingerprint: signer.fingerprint(),
    })
}

/// One thing wrong with a chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChainProblem {
    /// The ledger line, when the problem sits on one.
    pub line: Option<usize>,
    pub sequence: Option<u64>,
    pub receipt_id: Option<String>,
    pub problem: String,
}

impl fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.sequence, &self.receipt_id, self.line) {
            (Some(seq), Some(id), _) => write!(f, "receipt #{seq} ({id}): {}", self.problem),
            (None, Some(id), _) => write!(f, "receipt {id}: {}", self.problem),
            (_, None, Some(line)) => write!(f, "ledger line {line}: {}", self.problem),
            _ => f.write_str(&self.problem),
        }
    }
}

/// What checking a tenant's chain found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ChainReport {
    pub tenant: String,
    pub ledger: PathBuf,
    /// Receipts the ledger lists.
    pub receipts: usize,
    pub problems: Vec<ChainProblem>,
}

impl ChainReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks a tenant's whole chain: the ledger's entries run 1, 2, 3, … each naming the
/// previous one's hash; every receipt they list exists where recorded (or among `given`,
/// by id), verifies, hashes to what the ledger says, and holds its own place and its
/// predecessor's hash in its signed content. A receipt of the tenant in `given` that the
/// ledger does not list is a problem too. A receipt removed, inserted, reordered or edited
/// therefore fails. (A receipt removed from the very end together with its ledger line
/// cannot be told from one never issued: keep the newest receipt's hash elsewhere too.)
pub fn verify_chain(
    data_dir: &Path,
    tenant: &str,
    trusted: &TrustedKeys,
    given: &[VerifiedReceipt],
) -> io::Result<ChainReport> {
    let records = TenantRecords::new(data_dir, tenant);
    let mut report = ChainReport {
        tenant: tenant.to_owned(),
        ledger: records.ledger_path(),
        receipts: 0,
        problems: Vec::new(),
    };
    if !report.ledger.exists() {
        report.problems.push(ChainProblem {
            line: None,
            sequence: None,
            receipt_id: None,
            problem: format!("there is no ledger at {}", report.ledger.display()),
        });
        return Ok(report);
    }
    let ledger = ledger::read(&records)?;
    report.receipts = ledger.entries.len();
    for (line, problem) in &ledger.unreadable {
        report.problems.push(ChainProblem {
            line: Some(*line),
            sequence: None,
            receipt_id: None,
            problem: problem.clone(),
        });
    }
    let by_id: BTreeMap<&str, &VerifiedReceipt> = given
        .iter()
        .filter(|g| g.receipt.tenant == tenant)
        .map(|g| (g.receipt.receipt_id.as_str(), g))
        .collect();
    let mut listed = std::collections::BTreeSet::new();
    let mut previous: Option<String> = None;
    // Each entry is checked against the one before, so that one receipt removed is one
    // place reported, not every receipt after it.
    let mut expected_sequence = 1;
    for (line, entry) in &ledger.entries {
        let mut problem = |text: String| {
            report.problems.push(ChainProblem {
                line: Some(*line),
                sequence: Some(entry.sequence),
                receipt_id: Some(entry.receipt_id.clone()),
                problem: text,
            });
        };
        listed.insert(entry.receipt_id.clone());
        if entry.sequence != expected_sequence {
            problem(format!(
                "is at ledger line {line}, where receipt #{expected_sequence} belongs: a receipt was removed or the ledger reordered"
            ));
        }
        if entry.previous_sha256 != previous {
            problem(
                "the ledger's link to the receipt before does not match it: a receipt was removed, inserted or reordered"
                    .to_owned(),
            );
        }
        let path = records.receipt_path(&entry.path);
        let checked = match by_id.get(entry.receipt_id.as_str()) {
            Some(given) => Ok((*given).clone()),
            None => verify_file(&path, trusted),
        };
        match checked {
            Err(VerifyError::Read(e)) if e.kind() == io::ErrorKind::NotFound => problem(format!(
                "the receipt is missing: {} does not exist",
                path.display()
            )),
            Err(e) => problem(format!("{} {e}", path.display())),
            Ok(found) => {
                let r = &found.receipt;
                if found.sha256 != entry.sha256 {
                    problem(format!(
                        "{} is not the receipt the ledger recorded (its hash differs): it was edited or replaced",
                        found.path.display()
                    ));
                }
                if r.receipt_id != entry.receipt_id || r.tenant != tenant {
                    problem(format!(
                        "{} holds receipt {} of tenant '{}' instead",
                        found.path.display(),
                        r.receipt_id,
                        r.tenant
                    ));
                }
                if r.sequence != entry.sequence {
                    problem(format!(
                        "its signed place in the chain is #{}, but the ledger lists it as #{}: the ledger was rewritten",
                        r.sequence, entry.sequence
                    ));
                }
                if r.previous_sha256 != previous {
                    problem(
                        "its signed link to the receipt before does not match that receipt: a receipt was removed, inserted or reordered"
                            .to_owned(),
                    );
                }
            }
        }
        previous = Some(entry.sha256.clone());
        expected_sequence = entry.sequence + 1;
    }
    for receipt in given.iter().filter(|g| g.receipt.tenant == tenant) {
        if !listed.contains(&receipt.receipt.receipt_id) {
            report.problems.push(ChainProblem {
                line: None,
                sequence: Some(receipt.receipt.sequence),
                receipt_id: Some(receipt.receipt.receipt_id.clone()),
                problem: format!(
                    "{} is not in the ledger of tenant '{tenant}': it was removed from the chain",
                    receipt.path.display()
                ),
            });
        }
    }
    Ok(report)
}
