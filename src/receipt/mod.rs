//! Receipts: what one operation on a tenant did, as canonical JSON (RFC 8785), signed with
//! an Ed25519 key in OpenSSH `sshsig` form, and chained to the tenant's previous receipt.
//!
//! An operation (access, portability, rectification, erasure) fills a [`ReceiptDraft`] and
//! calls [`issue`]; it gets back where `receipt.json` and `receipt.json.sig` were written.
//! [`verify::verify_file`] and [`verify::verify_chain`] check them later. A receipt never
//! holds a subject's identities, only salted hashes of them ([`subject`]); `issue` refuses
//! a draft whose text would name the subject.

pub mod canonical;
pub mod case;
pub mod history;
pub mod ledger;
pub mod sign;
pub mod subject;
pub mod verify;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::matching::country;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ssh_key::rand_core::{OsRng, RngCore};

use crate::matching::identity::Identity;
use canonical::CanonicalError;
use ledger::{LedgerEntry, TenantRecords};
use sign::{KeyError, SigningKey};
use subject::{IdentityHash, Salt};

/// The format this version of dsr writes and reads.
pub const FORMAT: &str = "dsr-receipt/1";
/// The file name of a receipt in the folder it is issued into.
pub const FILE_NAME: &str = "receipt.json";
/// The detached signature's file name.
pub const SIGNATURE_NAME: &str = "receipt.json.sig";

/// The signature file of a receipt: the receipt's path with `.sig` added.
pub fn signature_path(receipt: &Path) -> PathBuf {
    let mut name = receipt.as_os_str().to_owned();
    name.push(".sig");
    PathBuf::from(name)
}

#[derive(Debug, thiserror::Error)]
pub enum ReceiptError {
    #[error("the receipt's {field} {problem}")]
    Invalid { field: String, problem: String },
    #[error(
        "the receipt's {field} names the data subject: receipts hold salted hashes of identities, never the values"
    )]
    NamesSubject { field: String },
    #[error(
        "a receipt exists already at {path}: each operation issues its receipt into a folder of its own"
    )]
    Exists { path: PathBuf },
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
    #[error("the ledger {path} cannot be extended: {problem}")]
    Ledger { path: PathBuf, problem: String },
}

impl ReceiptError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> ReceiptError + '_ {
        move |source| ReceiptError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// The data-subject right an operation serves: the right of the case.
pub use crate::case::Right;

/// How one asset's part of the operation ended. An erasure or a rectification says one
/// of `deleted`, `scrubbed`, `rectified`, `clean`, `withheld`, `image-still-shows-subject`,
/// `manual`, `versions-remain`, `unverified` or `failed`; the first four only when the
/// asset was read back and a locate after the run no longer finds there what the run
/// removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssetOutcome {
    /// Erasure: read back, the asset is gone.
    Deleted,
    /// Erasure: read back, no field holds the subject, and a locate agrees.
    Scrubbed,
    /// Rectification: read back, the field holds the corrected value and not the old one.
    Rectified,
    /// Restriction: read back, the field holds the restriction mark.
    Restricted,
    /// Restriction lifted: read back, the field no longer holds the restriction mark.
    Lifted,
    /// Read back, the asset holds nothing the run was to remove: nothing to do.
    Clean,
    /// Under a legal hold: nothing was changed, the data stays.
    Withheld,
    /// The metadata was scrubbed and read back, but the image shows the subject beside
    /// other people: edit or delete it by hand (or the controller's recorded decision).
    ImageStillShowsSubject,
    /// Left for a person: a field dsr cannot change still holds the subject.
    Manual,
    /// Deleted or changed, but the store keeps earlier versions of the asset that could
    /// not be removed (a versioned bucket whose credentials may not delete versions): what
    /// the run was to remove is still there. Never deleted or scrubbed.
    VersionsRemain,
    /// Carried out, but reading back (or a locate after the run) does not confirm it.
    Unverified,
    /// The platform refused or failed.
    Failed,
    /// Access and portability: exported into the package.
    Done,
    /// Receipts issued before outcomes were named per action: carried out and read back.
    Verified,
    /// Receipts issued before outcomes were named per action: deliberately not carried out.
    Skipped,
    /// The last sync could not read the asset, so the subject was not searched for in it:
    /// it may hold them.
    NotSearched,
}

impl AssetOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            AssetOutcome::Deleted => "deleted",
            AssetOutcome::Scrubbed => "scrubbed",
            AssetOutcome::Rectified => "rectified",
            AssetOutcome::Restricted => "restricted",
            AssetOutcome::Lifted => "lifted",
            AssetOutcome::Clean => "clean",
            AssetOutcome::Withheld => "withheld",
            AssetOutcome::ImageStillShowsSubject => "image-still-shows-subject",
            AssetOutcome::Manual => "manual",
            AssetOutcome::VersionsRemain => "versions-remain",
            AssetOutcome::Unverified => "unverified",
            AssetOutcome::Failed => "failed",
            AssetOutcome::Done => "done",
            AssetOutcome::Verified => "verified",
            AssetOutcome::Skipped => "skipped",
            AssetOutcome::NotSearched => "not-searched",
        }
    }

    /// Every outcome, in the order a summary lists them.
    pub const ALL: [AssetOutcome; 16] = [
        AssetOutcome::Deleted,
        AssetOutcome::Scrubbed,
        AssetOutcome::Rectified,
        AssetOutcome::Restricted,
        AssetOutcome::Lifted,
        AssetOutcome::Clean,
        AssetOutcome::Done,
        AssetOutcome::Withheld,
        AssetOutcome::ImageStillShowsSubject,
        AssetOutcome::Manual,
        AssetOutcome::VersionsRemain,
        AssetOutcome::Unverified,
        AssetOutcome::Failed,
        AssetOutcome::NotSearched,
        AssetOutcome::Verified,
        AssetOutcome::Skipped,
    ];
}

/// One asset the operation touched or considered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetRecord {
    /// The platform's id of the asset.
    pub asset: String,
    /// What was done, one lower-case word: delete, scrub, rectify, export, withheld,
    /// manual, clean, …
    pub action: String,
    pub outcome: AssetOutcome,
    /// How the outcome was established, for people ("read back: gone (404)"); never a
    /// personal value.
    pub evidence: String,
    /// The files behind the asset the operation deleted or tried to (a database row's
    /// file in an object store), each by a hash of its key. Absent when there were none,
    /// as in every receipt before dsr named them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<crate::platform::FileStep>,
}

/// The hashed identities of the subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectHashes {
    /// Which of the tenant's salts made the hashes (a digest of it, not the salt).
    pub salt_id: String,
    pub identities: Vec<IdentityHash>,
}

/// The program that issued a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

/// A receipt, as signed. Every field is always present (`null` or empty when it does not
/// apply), so the JSON Schema `schemas/receipt-v1.schema.json` can require them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// [`FORMAT`].
    pub format: String,
    /// A random UUID (version 4).
    pub receipt_id: String,
    /// The receipt's place in the tenant's chain: 1 for the first.
    pub sequence: u64,
    pub case_id: String,
    pub tenant: String,
    /// The platform kind (`dir`, `fotoweb`).
    pub platform: String,
    pub right: Right,
    /// `GDPR Art. 15` etc., from the right.
    pub article: String,
    /// The command or step that ran (`access`, `erase`, `erase-replay`, …).
    pub operation: String,
    pub subject: SubjectHashes,
    /// Who ran the operation (a staff member's login or name, not the subject).
    pub operator: String,
    /// Why, as the operator stated it.
    pub purpose: String,
    /// How the requester's identity was checked before acting.
    pub verified_by: String,
    /// RFC 3339, UTC, to the second.
    pub started_at: String,
    pub finished_at: String,
    pub assets: Vec<AssetRecord>,
    /// Hex SHA-256 of the plan that was carried out, when there was one.
    pub plan_sha256: Option<String>,
    /// Every file the operation produced: name → hex SHA-256 of its bytes.
    pub files: BTreeMap<String, String>,
    /// Recipients to be told of the rectification or erasure (Art. 19).
    pub recipients: Vec<String>,
    pub tool: Tool,
    /// Hex SHA-256 of the tenant's previous receipt file; `null` for the first.
    pub previous_sha256: Option<String>,
    /// Hex SHA-256 of the newest line of the audit log when the receipt was issued
    /// (`null` for an empty log). The audit entry of the operation then records this
    /// receipt's hash: each of the two logs anchors the other. Absent in receipts of dsr
    /// before 0.3.
    #[serde(default)]
    pub audit_head: Option<String>,
}

/// What an operation knows when it is done; [`issue`] adds the rest (id, sequence, hashes,
/// chain, tool) and signs.
#[derive(Debug, Clone)]
pub struct ReceiptDraft {
    pub case_id: String,
    pub tenant: String,
    pub platform: String,
    pub right: Right,
    pub operation: String,
    /// The subject's identities, as given: hashed by `issue`, never written.
    pub identities: Vec<Identity>,
    /// Where national phone numbers are read (the tenant's default region).
    pub region: Option<country::Id>,
    pub operator: String,
    pub purpose: String,
    pub verified_by: String,
    pub started: SystemTime,
    pub finished: SystemTime,
    pub assets: Vec<AssetRecord>,
    pub plan_sha256: Option<String>,
    /// name → hex SHA-256; see [`ReceiptDraft::add_file`].
    pub files: BTreeMap<String, String>,
    pub recipients: Vec<String>,
    /// The audit log's head when the receipt is issued (see [`Receipt::audit_head`]).
    pub audit_head: Option<String>,
}

impl ReceiptDraft {
    /// Records a file the operation produced, under `name` (e.g. `access-report.html`),
    /// with the SHA-256 of its contents.
    pub fn add_file(&mut self, name: &str, path: &Path) -> Result<(), ReceiptError> {
        let hash = file_sha256(path).map_err(ReceiptError::io(path))?;
        self.files.insert(name.to_owned(), hash);
        Ok(())
    }
}

/// A receipt that has been written, signed and entered in the ledger.
#[derive(Debug, Clone)]
pub struct IssuedReceipt {
    pub receipt: Receipt,
    /// `<out_dir>/receipt.json`.
    pub path: PathBuf,
    /// `<out_dir>/receipt.json.sig`.
    pub signature_path: PathBuf,
    /// Hex SHA-256 of `receipt.json`: what the next receipt will chain to.
    pub sha256: String,
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::apply::hex(&Sha256::digest(bytes))
}

/// Hex SHA-256 of a file's contents, read in pieces.
pub fn file_sha256(path: &Path) -> io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher)?;
    Ok(crate::apply::hex(&hasher.finalize()))
}

/// Issues a receipt: checks the draft, hashes the subject's identities with the tenant's
/// salt (created on first use), takes the tenant's ledger lock, chains to the last
/// receipt, writes `receipt.json` (canonical JSON) and `receipt.json.sig` (sshsig,
/// namespace `dsr-receipt`) into `out_dir` — atomically, owner-only — and appends the
/// receipt to the ledger at `<data_dir>/tenants/<tenant>/ledger.jsonl`.
///
/// A receipt is issued once it is in the ledger: should appending fail, the files written
/// are removed again, and the error says so.
pub fn issue(
    data_dir: &Path,
    key: &SigningKey,
    draft: ReceiptDraft,
    out_dir: &Path,
) -> Result<IssuedReceipt, ReceiptError> {
    check_draft(&draft)?;
    let records = TenantRecords::new(data_dir, &draft.tenant);
    let salt_path = records.salt_path();
    let salt = Salt::load_or_create(&salt_path).map_err(ReceiptError::io(&salt_path))?;
    let forbidden = subject::forbidden_forms(&draft.identities, draft.region);
    let mut identities: Vec<IdentityHash> = draft
        .identities
        .iter()
        .map(|i| salt.hash(i, draft.region))
        .collect();
    identities.sort();
    identities.dedup();

    let path = out_dir.join(FILE_NAME);
    let signature_path = out_dir.join(SIGNATURE_NAME);
    for existing in [&path, &signature_path] {
        if existing.symlink_metadata().is_ok() {
            return Err(ReceiptError::Exists {
                path: existing.clone(),
            });
        }
    }
    let absolute = std::path::absolute(&path).map_err(ReceiptError::io(&path))?;
    let recorded = records.stored_path(&absolute);

    let ledger_path = records.ledger_path();
    let mut ledger = records
        .ledger()
        .lock()
        .map_err(ReceiptError::io(&ledger_path))?;
    let previous = match ledger.last() {
        None => None,
        Some(line) => Some(serde_json::from_slice::<LedgerEntry>(line).map_err(|e| {
            ReceiptError::Ledger {
                path: ledger_path.clone(),
                problem: format!(
                    "its last line is not a ledger entry ({e}); check it with `dsr receipt verify --ledger`"
                ),
            }
        })?),
    };
    let receipt = Receipt {
        format: FORMAT.to_owned(),
        receipt_id: uuid_v4(),
        sequence: previous.as_ref().map_or(1, |p| p.sequence + 1),
        case_id: draft.case_id,
        tenant: draft.tenant,
        platform: draft.platform,
        right: draft.right,
        article: format!("GDPR {}", draft.right.article()),
        operation: draft.operation,
        subject: SubjectHashes {
            salt_id: salt.id(),
            identities,
        },
        operator: draft.operator,
        purpose: draft.purpose,
        verified_by: draft.verified_by,
        started_at: crate::time::rfc3339(draft.started),
        finished_at: crate::time::rfc3339(draft.finished),
        assets: draft.assets,
        plan_sha256: draft.plan_sha256,
        files: draft.files,
        recipients: draft.recipients,
        tool: Tool {
            name: "dsr".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        previous_sha256: previous.as_ref().map(|p| p.sha256.clone()),
        audit_head: draft.audit_head,
    };
    check_names_no_subject(&receipt, &forbidden)?;
    let bytes = canonical::to_vec(&receipt)?;
    let signature = key.sign(&bytes)?;
    let sha256 = sha256_hex(&bytes);

    crate::fsutil::write_atomic(&path, &bytes).map_err(ReceiptError::io(&path))?;
    if let Err(e) = crate::fsutil::write_atomic(&signature_path, signature.as_bytes()) {
        let _ = std::fs::remove_file(&path);
        return Err(ReceiptError::io(&signature_path)(e));
    }
    let entry = LedgerEntry {
        sequence: receipt.sequence,
        receipt_id: receipt.receipt_id.clone(),
        case_id: receipt.case_id.clone(),
        sha256: sha256.clone(),
        previous_sha256: receipt.previous_sha256.clone(),
        path: recorded,
        issued_at: receipt.finished_at.clone(),
    };
    let appended = canonical::to_vec(&entry)
        .map_err(|e| ReceiptError::Ledger {
            path: ledger_path.clone(),
            problem: e.to_string(),
        })
        .and_then(|line| ledger.append(&line).map_err(ReceiptError::io(&ledger_path)));
    if let Err(e) = appended {
        // Not in the ledger, so not issued: a receipt file left behind would claim a
        // place in the chain that the next receipt takes.
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(&signature_path);
        return Err(e);
    }
    Ok(IssuedReceipt {
        receipt,
        path,
        signature_path,
        sha256,
    })
}

fn invalid(field: &str, problem: &str) -> ReceiptError {
    ReceiptError::Invalid {
        field: field.to_owned(),
        problem: problem.to_owned(),
    }
}

fn is_hex_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn check_draft(draft: &ReceiptDraft) -> Result<(), ReceiptError> {
    crate::config::check_name(&draft.tenant)
        .map_err(|_| invalid("tenant", "is not a tenant name"))?;
    for (field, value) in [
        ("case_id", &draft.case_id),
        ("platform", &draft.platform),
        ("operation", &draft.operation),
        ("operator", &draft.operator),
        ("purpose", &draft.purpose),
        ("verified_by", &draft.verified_by),
    ] {
        if value.trim().is_empty() {
            return Err(invalid(field, "is empty"));
        }
    }
    if draft.identities.is_empty() {
        return Err(invalid("subject", "has no identity"));
    }
    if draft.identities.iter().any(|i| i.value.trim().is_empty()) {
        return Err(invalid("subject", "has an empty identity"));
    }
    if draft.finished < draft.started {
        return Err(invalid("finished time", "is before the start"));
    }
    if let Some(plan) = &draft.plan_sha256
        && !is_hex_sha256(plan)
    {
        return Err(invalid("plan_sha256", "is not a hex SHA-256"));
    }
    for (name, hash) in &draft.files {
        if name.trim().is_empty() {
            return Err(invalid("files", "has a file without a name"));
        }
        if !is_hex_sha256(hash) {
            return Err(invalid(&format!("files[{name}]"), "is not a hex SHA-256"));
        }
    }
    for (i, asset) in draft.assets.iter().enumerate() {
        if asset.asset.is_empty() {
            return Err(invalid(&format!("assets[{i}].asset"), "is empty"));
        }
        let word = !asset.action.is_empty()
            && asset.action.len() <= 32
            && asset.action.starts_with(|c: char| c.is_ascii_lowercase())
            && asset
                .action
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !word {
            return Err(invalid(
                &format!("assets[{i}].action"),
                "is not one lower-case word (delete, scrub, export, …)",
            ));
        }
    }
    Ok(())
}

/// Refuses a receipt whose text holds one of the subject's identities anywhere but in an
/// asset id (ids are the platform's names for what was acted on, and needed as they are).
fn check_names_no_subject(receipt: &Receipt, forbidden: &[String]) -> Result<(), ReceiptError> {
    fn walk(
        value: &serde_json::Value,
        path: &mut Vec<String>,
        forbidden: &[String],
    ) -> Option<String> {
        match value {
            serde_json::Value::String(s) => {
                let is_asset_id = path.len() == 3 && path[0] == "assets" && path[2] == "asset";
                (!is_asset_id && subject::holds_any(s, forbidden)).then(|| path.join("."))
            }
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
                path.push(i.to_string());
                let found = walk(v, path, forbidden);
                path.pop();
                found
            }),
            serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
                path.push(k.clone());
                let found = if subject::holds_any(k, forbidden) {
                    Some(path.join("."))
                } else {
                    walk(v, path, forbidden)
                };
                path.pop();
                found
            }),
            _ => None,
        }
    }
    let value = serde_json::to_value(receipt).map_err(CanonicalError::Write)?;
    match walk(&value, &mut Vec::new(), forbidden) {
        Some(field) => Err(ReceiptError::NamesSubject { field }),
        None => Ok(()),
    }
}

/// A random (version 4) UUID.
fn uuid_v4() -> String {
    let mut b = [0u8; 16];
    OsRng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = crate::apply::hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests;
