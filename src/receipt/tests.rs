#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, SystemTime};

use super::sign::{self, TrustedKeys};
use super::verify::{self, VerifyError};
use super::*;
use crate::matching::identity::IdentityKind;

struct Setup {
    dir: tempfile::TempDir,
    key: SigningKey,
    trusted: TrustedKeys,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let key_path = dir.path().join("data/keys/dsr_ed25519");
    let made = sign::generate(&key_path, "dsr", None, false).unwrap();
    Setup {
        key: SigningKey::load(&key_path, None).unwrap(),
        trusted: TrustedKeys::single("dsr", made.public_key),
        dir,
    }
}

impl Setup {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn issue(&self, case: &str) -> IssuedReceipt {
        let out = self.dir.path().join("out").join(case);
        issue(&self.data(), &self.key, draft(case), &out).unwrap()
    }

    fn chain(&self) -> verify::ChainReport {
        verify::verify_chain(&self.data(), "acme", &self.trusted, &[]).unwrap()
    }
}

fn draft(case: &str) -> ReceiptDraft {
    let started = SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000);
    ReceiptDraft {
        case_id: case.to_owned(),
        tenant: "acme".to_owned(),
        platform: "dir".to_owned(),
        right: Right::Erasure,
        operation: "erase".to_owned(),
        identities: vec![
            Identity::new(IdentityKind::Email, "jane.doe@example.com"),
            Identity::new(IdentityKind::Name, "Jane Doe"),
            Identity::new(IdentityKind::Phone, "+47 912 34 567"),
            Identity::new(IdentityKind::Login, "jdoe"),
        ],
        region: None,
        operator: "dpo".to_owned(),
        purpose: "Art. 17 request of 2026-11-02".to_owned(),
        verified_by: "reply from the e-mail address on file".to_owned(),
        started,
        finished: started + Duration::from_secs(90),
        assets: vec![
            AssetRecord {
                asset: "Staff/a.jpg".to_owned(),
                action: "delete".to_owned(),
                outcome: AssetOutcome::Verified,
                evidence: "read back: gone".to_owned(),
                files: Vec::new(),
            },
            AssetRecord {
                asset: "Press/b.jpg".to_owned(),
                action: "scrub".to_owned(),
                outcome: AssetOutcome::Verified,
                evidence: "read back: no match at medium or above".to_owned(),
                files: Vec::new(),
            },
        ],
        plan_sha256: Some("ab".repeat(32)),
        files: BTreeMap::new(),
        recipients: vec!["Example Print Ltd".to_owned()],
        audit_head: None,
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn issued_receipts_verify_and_chain() {
    let s = setup();
    let first = s.issue("case-1");
    let second = s.issue("case-2");
    assert_eq!(first.receipt.sequence, 1);
    assert_eq!(first.receipt.previous_sha256, None);
    assert_eq!(second.receipt.sequence, 2);
    assert_eq!(
        second.receipt.previous_sha256.as_deref(),
        Some(&*first.sha256)
    );
    assert_eq!(first.receipt.article, "GDPR Art. 17");
    assert_eq!(first.receipt.started_at, "2026-09-21T14:13:20Z");
    assert_eq!(first.receipt.subject.identities.len(), 4);
    assert_eq!(
        first.receipt.subject.salt_id,
        second.receipt.subject.salt_id
    );
    assert_eq!(
        first.receipt.subject.identities,
        second.receipt.subject.identities
    );

    for issued in [&first, &second] {
        let bytes = std::fs::read(&issued.path).unwrap();
        canonical::parse(&bytes).unwrap();
        assert_eq!(sha256_hex(&bytes), issued.sha256);
        let verified = verify::verify_file(&issued.path, &s.trusted).unwrap();
        assert_eq!(verified.receipt, issued.receipt);
        assert_eq!(verified.signer, ["dsr"]);
        assert_eq!(mode(&issued.path), 0o600);
        assert_eq!(mode(&issued.signature_path), 0o600);
    }
    let records = TenantRecords::new(&s.data(), "acme");
    assert_eq!(mode(&records.ledger_path()), 0o600);
    assert_eq!(mode(&records.salt_path()), 0o600);
    let entries = ledger::read(&records).unwrap().entries;
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[1].1.previous_sha256.as_deref(),
        Some(&*first.sha256)
    );
    assert!(entries[0].1.path.is_absolute());

    let report = s.chain();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.receipts, 2);
}

#[test]
fn a_receipt_holds_no_identity_of_the_subject() {
    let s = setup();
    let issued = s.issue("case-1");
    let text = std::fs::read_to_string(&issued.path)
        .unwrap()
        .to_lowercase();
    for raw in [
        "jane.doe@example.com",
        "jane doe",
        "jane",
        "91234567",
        "912 34 567",
        "jdoe",
    ] {
        assert!(!text.contains(raw), "{raw} is in the receipt: {text}");
    }
    let ledger = std::fs::read_to_string(TenantRecords::new(&s.data(), "acme").ledger_path())
        .unwrap()
        .to_lowercase();
    assert!(
        !ledger.contains("jane") && !ledger.contains("jdoe"),
        "{ledger}"
    );
}

#[test]
fn a_draft_that_names_the_subject_is_refused() {
    let s = setup();
    let out = s.dir.path().join("out");
    let mut named = draft("case-1");
    named.purpose = "erasure for Jane.Doe@example.com".to_owned();
    let err = issue(&s.data(), &s.key, named, &out).unwrap_err();
    assert!(
        matches!(&err, ReceiptError::NamesSubject { field } if field == "purpose"),
        "{err}"
    );
    let mut evidence = draft("case-1");
    evidence.assets[1].evidence = "removed JANE DOE from the caption".to_owned();
    let err = issue(&s.data(), &s.key, evidence, &out).unwrap_err();
    assert!(
        matches!(&err, ReceiptError::NamesSubject { field } if field == "assets.1.evidence"),
        "{err}"
    );
    // Asset ids are the platform's names for what was acted on, kept as they are.
    let mut id = draft("case-1");
    id.assets[0].asset = "Staff/jdoe-portrait.jpg".to_owned();
    issue(&s.data(), &s.key, id, &out).unwrap();
    // Nothing of the refused drafts reached the ledger.
    assert_eq!(s.chain().receipts, 1);
}

#[test]
fn bad_drafts_are_refused_before_anything_is_written() {
    let s = setup();
    let out = s.dir.path().join("out");
    type Spoil = fn(&mut ReceiptDraft);
    let cases: [(&str, Spoil); 6] = [
        ("purpose", |d| d.purpose = " ".into()),
        ("subject", |d| d.identities.clear()),
        ("tenant", |d| d.tenant = "../x".into()),
        ("plan_sha256", |d| d.plan_sha256 = Some("nope".into())),
        ("assets[0].action", |d| {
            d.assets[0].action = "Delete it".into()
        }),
        ("finished time", |d| {
            d.finished = d.started - Duration::from_secs(1)
        }),
    ];
    for (field, spoil) in cases {
        let mut d = draft("c");
        spoil(&mut d);
        let err = issue(&s.data(), &s.key, d, &out).unwrap_err();
        assert!(
            matches!(&err, ReceiptError::Invalid { field: f, .. } if f == field),
            "{field}: {err}"
        );
    }
    assert!(!out.exists());
}

#[test]
fn an_existing_receipt_is_never_overwritten() {
    let s = setup();
    let issued = s.issue("case-1");
    let again = issue(
        &s.data(),
        &s.key,
        draft("case-1"),
        issued.path.parent().unwrap(),
    );
    assert!(matches!(again, Err(ReceiptError::Exists { .. })));
    assert!(s.chain().is_ok());
}

#[test]
fn produced_files_are_hashed() {
    let s = setup();
    let file = s.dir.path().join("report.html");
    std::fs::write(&file, b"<p>report</p>").unwrap();
    let mut d = draft("case-1");
    d.add_file("access-report.html", &file).unwrap();
    let issued = issue(&s.data(), &s.key, d, &s.dir.path().join("out")).unwrap();
    assert_eq!(
        issued.receipt.files["access-report.html"],
        sha256_hex(b"<p>report</p>")
    );
}

#[test]
fn a_flipped_byte_fails() {
    let s = setup();
    let issued = s.issue("case-1");
    let mut bytes = std::fs::read(&issued.path).unwrap();
    let at = bytes.iter().position(|&b| b == b'd').unwrap();
    bytes[at] = b'e';
    std::fs::write(&issued.path, &bytes).unwrap();
    let err = verify::verify_file(&issued.path, &s.trusted).unwrap_err();
    assert!(
        matches!(err, VerifyError::Signature(sign::SignatureError::Mismatch)),
        "{err}"
    );
    let report = s.chain();
    assert!(!report.is_ok());
    assert!(
        report.problems[0].to_string().contains("receipt #1"),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_signed_file_that_is_not_canonical_fails() {
    let s = setup();
    let issued = s.issue("case-1");
    let mut bytes = std::fs::read(&issued.path).unwrap();
    bytes.push(b'\n');
    std::fs::write(&issued.path, &bytes).unwrap();
    std::fs::write(&issued.signature_path, s.key.sign(&bytes).unwrap()).unwrap();
    let err = verify::verify_file(&issued.path, &s.trusted).unwrap_err();
    assert!(matches!(err, VerifyError::Canonical(_)), "{err}");
}

#[test]
fn a_missing_signature_or_a_stranger_key_fails() {
    let s = setup();
    let issued = s.issue("case-1");
    let other = sign::generate(&s.dir.path().join("other"), "x", None, false).unwrap();
    let strangers = TrustedKeys::single("x", other.public_key);
    let err = verify::verify_file(&issued.path, &strangers).unwrap_err();
    assert!(
        matches!(
            err,
            VerifyError::Signature(sign::SignatureError::UnknownSigner(_))
        ),
        "{err}"
    );
    std::fs::remove_file(&issued.signature_path).unwrap();
    let err = verify::verify_file(&issued.path, &s.trusted).unwrap_err();
    assert!(matches!(err, VerifyError::NoSignature(_)), "{err}");
}

fn ledger_lines(s: &Setup) -> (PathBuf, Vec<String>) {
    let path = TenantRecords::new(&s.data(), "acme").ledger_path();
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text.lines().map(str::to_owned).collect())
}

#[test]
fn a_receipt_removed_from_the_ledger_fails_the_chain() {
    let s = setup();
    let issued: Vec<_> = (1..=3).map(|n| s.issue(&format!("case-{n}"))).collect();
    let (path, mut lines) = ledger_lines(&s);
    lines.remove(1);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let report = s.chain();
    assert!(!report.is_ok());
    let text: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|p| p.contains(&issued[2].receipt.receipt_id) && p.contains("removed")),
        "{text:?}"
    );
    // Given on the command line, the removed receipt itself is named.
    let removed = verify::verify_file(&issued[1].path, &s.trusted).unwrap();
    let report = verify::verify_chain(&s.data(), "acme", &s.trusted, &[removed]).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.to_string().contains("is not in the ledger")),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_reordered_ledger_fails_the_chain() {
    let s = setup();
    for n in 1..=3 {
        s.issue(&format!("case-{n}"));
    }
    let (path, mut lines) = ledger_lines(&s);
    lines.swap(1, 2);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let report = s.chain();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.to_string().contains("reordered")),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_ledger_rewritten_to_hide_a_removal_still_fails() {
    // Whoever removes a receipt and mends the ledger's own links still cannot change the
    // link signed inside the next receipt.
    let s = setup();
    let issued: Vec<_> = (1..=3).map(|n| s.issue(&format!("case-{n}"))).collect();
    let (path, lines) = ledger_lines(&s);
    let mut first: ledger::LedgerEntry = serde_json::from_str(&lines[0]).unwrap();
    let mut third: ledger::LedgerEntry = serde_json::from_str(&lines[2]).unwrap();
    third.sequence = 2;
    third.previous_sha256 = Some(first.sha256.clone());
    first.issued_at = first.issued_at.clone();
    let mended = [&first, &third]
        .iter()
        .map(|e| String::from_utf8(canonical::to_vec(e).unwrap()).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, mended + "\n").unwrap();
    std::fs::remove_file(&issued[1].path).unwrap();
    let report = s.chain();
    let text: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|p| p.contains("signed link")), "{text:?}");
    assert!(text.iter().any(|p| p.contains("signed place")), "{text:?}");
}

#[test]
fn a_deleted_receipt_file_fails_the_chain() {
    let s = setup();
    let issued = s.issue("case-1");
    s.issue("case-2");
    std::fs::remove_file(&issued.path).unwrap();
    let report = s.chain();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.problem.contains("missing")),
        "{:?}",
        report.problems
    );
}

#[test]
fn concurrent_issuers_form_one_chain() {
    let s = setup();
    std::thread::scope(|scope| {
        for t in 0..4 {
            let s = &s;
            scope.spawn(move || {
                for n in 0..3 {
                    s.issue(&format!("case-{t}-{n}"));
                }
            });
        }
    });
    let report = s.chain();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.receipts, 12);
}
