//! Keys and receipts: `dsr keys generate/show`, receipts issued through the library (as
//! the operations will issue them) checked by stock `ssh-keygen -Y verify` and by
//! `dsr receipt verify`, tampering of every kind caught, and no identity of the subject
//! in any receipt.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use dsr::audit::{AuditLog, AuditRecord};
use dsr::matching::identity::{Identity, IdentityKind};
use dsr::receipt::sign::SigningKey;
use dsr::receipt::{self, AssetOutcome, AssetRecord, IssuedReceipt, ReceiptDraft, Right};
use serde_json::Value;

use crate::support::Test;

/// The comment of the keys these tests make: who holds the key.
const IDENTITY: &str = "dpo@example.org";
/// The one principal of every allowed_signers line dsr prints, the one the README verifies
/// with (`ssh-keygen -Y verify … -I dsr`), whatever the key's comment.
const PRINCIPAL: &str = "dsr";

/// The subject of these tests, as a DPO would have her.
fn jane() -> Vec<Identity> {
    vec![
        Identity::new(IdentityKind::Email, "jane.doe@example.com"),
        Identity::new(IdentityKind::Name, "Jane Doe"),
        Identity::new(IdentityKind::Phone, "+47 912 34 567"),
        Identity::new(IdentityKind::Login, "jdoe"),
    ]
}

/// A tenant `acme` with a signing key made by `dsr keys generate`.
fn tenant_with_key() -> Test {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"368": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.dsr(["keys", "generate", "--comment", IDENTITY]).run();
    t
}

fn draft(case: &str) -> ReceiptDraft {
    let started = SystemTime::now();
    ReceiptDraft {
        case_id: case.to_owned(),
        tenant: "acme".to_owned(),
        platform: "dir".to_owned(),
        right: Right::Erasure,
        operation: "erase".to_owned(),
        identities: jane(),
        region: None,
        operator: "dpo".to_owned(),
        purpose: format!("request {case}"),
        verified_by: "reply from the address on file".to_owned(),
        started,
        finished: started + Duration::from_secs(5),
        assets: vec![AssetRecord {
            asset: "Staff/a.jpg".to_owned(),
            action: "delete".to_owned(),
            outcome: AssetOutcome::Verified,
            evidence: "read back: gone".to_owned(),
            files: Vec::new(),
        }],
        plan_sha256: Some("0f".repeat(32)),
        files: BTreeMap::new(),
        recipients: vec!["Example Print Ltd".to_owned()],
        audit_head: None,
    }
}

/// Issues a receipt the way an operation does, with the data directory's key, into
/// `receipts/<case>` of the sandbox.
fn issue(t: &Test, case: &str) -> IssuedReceipt {
    issue_with(t, draft(case), &t.data_dir().join("keys/dsr_ed25519"))
}

/// Like an operation, it anchors the receipt in the audit log: the receipt records the
/// log's head, and an audit entry records the receipt.
fn issue_with(t: &Test, mut draft: ReceiptDraft, key: &Path) -> IssuedReceipt {
    let key = SigningKey::load(key, None).expect("the signing key");
    let out = t.path("receipts").join(&draft.case_id);
    let audit = AuditLog::new(&t.data_dir());
    draft.audit_head = audit.head().expect("the audit head");
    let record = AuditRecord {
        operator: draft.operator.clone(),
        purpose: draft.purpose.clone(),
        tenant: Some(draft.tenant.clone()),
        case: Some(draft.case_id.clone()),
        command: draft.operation.clone(),
        counts: BTreeMap::new(),
        receipt_sha256: None,
    };
    let issued = receipt::issue(&t.data_dir(), &key, draft, &out).expect("a receipt");
    audit
        .append(
            AuditRecord {
                receipt_sha256: Some(issued.sha256.clone()),
                ..record
            },
            &[],
            None,
        )
        .expect("the audit entry");
    issued
}

/// The allowed_signers file `dsr keys show` says to write.
fn allowed_signers(t: &Test) -> PathBuf {
    let shown = t.dsr(["keys", "show", "-o", "json"]).run().json();
    let line = shown["allowed_signers"]
        .as_str()
        .expect("an allowed_signers line");
    let path = t.path("allowed_signers");
    std::fs::write(&path, format!("{line}\n")).expect("allowed_signers");
    path
}

/// `ssh-keygen -Y verify` on a receipt; `None` (with a note) when OpenSSH is not installed.
fn ssh_keygen_verify(allowed: &Path, receipt: &Path) -> Option<(bool, String)> {
    ssh_keygen_verify_with(allowed, receipt, &[])
}

/// [`ssh_keygen_verify`] with more options (`-O verify-time=…`).
fn ssh_keygen_verify_with(
    allowed: &Path,
    receipt: &Path,
    options: &[&str],
) -> Option<(bool, String)> {
    let stdin = std::fs::File::open(receipt).expect("the receipt");
    let out = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(allowed)
        .args(["-I", PRINCIPAL, "-n", "dsr-receipt", "-s"])
        .arg(receipt::signature_path(receipt))
        .args(options)
        .stdin(Stdio::from(stdin))
        .output();
    match out {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            no_ssh_keygen();
            None
        }
        out => {
            let out = out.expect("ssh-keygen runs");
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            Some((out.status.success(), text))
        }
    }
}

/// Notes that OpenSSH is missing, which only a developer's machine may lack.
fn no_ssh_keygen() {
    assert!(
        std::env::var_os("CI").is_none(),
        "ssh-keygen is not installed but CI is set: install openssh-client"
    );
    eprintln!("note: ssh-keygen is not installed; receipts were not checked with OpenSSH");
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn keys_are_openssh_ed25519_owner_only_and_never_overwritten() {
    let t = Test::new();
    let made = t
        .dsr(["keys", "generate", "--comment", IDENTITY])
        .umask("022")
        .run();
    let key = t.data_dir().join("keys/dsr_ed25519");
    let public = t.data_dir().join("keys/dsr_ed25519.pub");
    assert!(
        made.stdout.starts_with("ssh-ed25519 AAAA"),
        "{}",
        made.dump()
    );
    assert!(
        made.stderr.contains("not protected by a passphrase"),
        "{}",
        made.dump()
    );
    assert_eq!(mode(&key), 0o600);
    assert_eq!(mode(&public), 0o600);
    assert_eq!(mode(&t.data_dir().join("keys")), 0o700);
    let text = std::fs::read_to_string(&key).expect("the key");
    assert!(text.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----"));
    let before = std::fs::read(&key).expect("the key");

    let again = t.dsr(["keys", "generate"]).status(2).run().error();
    assert!(
        again.contains("exists already") && again.contains("--force"),
        "{again}"
    );
    assert_eq!(std::fs::read(&key).expect("the key"), before, "untouched");
    t.dsr(["keys", "generate", "--force"]).run();
    assert_ne!(std::fs::read(&key).expect("the key"), before, "replaced");

    // Another place, by --out.
    let elsewhere = t.path("keys/acme_ed25519");
    t.dsr(["keys", "generate", "--out"]).arg(&elsewhere).run();
    assert!(elsewhere.is_file() && t.path("keys/acme_ed25519.pub").is_file());

    // Or by the global --key, the key every later command would sign with: made there,
    // not at the data directory's default.
    let chosen = t.path("keys/chosen_ed25519");
    let default_before = std::fs::read(&key).expect("the key");
    t.dsr(["--key"])
        .arg(&chosen)
        .args(["keys", "generate"])
        .run();
    assert!(chosen.is_file(), "--key names where the key is made");
    assert_eq!(std::fs::read(&key).expect("the key"), default_before);

    // OpenSSH reads what dsr wrote: the public half derived from the private key is the
    // one in the .pub file.
    if let Ok(out) = Command::new("ssh-keygen")
        .arg("-y")
        .arg("-f")
        .arg(&elsewhere)
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let derived = String::from_utf8_lossy(&out.stdout);
        let stored = std::fs::read_to_string(t.path("keys/acme_ed25519.pub")).expect(".pub");
        let body = |s: &str| s.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        assert_eq!(body(&derived), body(&stored));
    }
}

#[test]
fn a_passphrase_protects_the_key_and_is_needed_to_sign() {
    let t = Test::new();
    t.dsr(["keys", "generate"])
        .env("DSR_KEY_PASSPHRASE", "correct horse battery")
        .run();
    let key = t.data_dir().join("keys/dsr_ed25519");
    assert!(matches!(
        SigningKey::load(&key, None),
        Err(receipt::sign::KeyError::NeedsPassphrase { .. })
    ));
    let secret = dsr::secret::Secret::new("correct horse battery");
    SigningKey::load(&key, Some(&secret)).expect("the passphrase unlocks it");
    if let Ok(out) = Command::new("ssh-keygen")
        .args(["-y", "-P", "wrong", "-f"])
        .arg(&key)
        .output()
    {
        assert!(!out.status.success(), "OpenSSH sees the key is encrypted");
        let right = Command::new("ssh-keygen")
            .args(["-y", "-P", "correct horse battery", "-f"])
            .arg(&key)
            .output()
            .expect("ssh-keygen runs");
        assert!(
            right.status.success(),
            "{}",
            String::from_utf8_lossy(&right.stderr)
        );
    }
    // The public key is shown without the passphrase.
    let shown = t.dsr(["keys", "show"]).run();
    assert!(
        shown.stdout.starts_with("# current key ") && shown.stdout.contains(" ssh-ed25519 "),
        "{}",
        shown.dump()
    );
}

#[test]
fn keys_show_prints_an_allowed_signers_file_naming_the_one_principal() {
    let t = tenant_with_key();
    let shown = t.dsr(["keys", "show"]).run();
    let lines: Vec<&str> = shown.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", shown.dump());
    assert!(
        lines[0].starts_with("# current key SHA256:") && lines[0].contains("signing since"),
        "{}",
        shown.dump()
    );
    let public =
        std::fs::read_to_string(t.data_dir().join("keys/dsr_ed25519.pub")).expect("the public key");
    let key = public.split_whitespace().nth(1).expect("the key");
    assert!(
        lines[1].starts_with(&format!(
            "{PRINCIPAL} namespaces=\"dsr-receipt\",valid-after=\""
        )) && lines[1].ends_with(&format!("Z\" ssh-ed25519 {key} {IDENTITY}")),
        "{}",
        shown.dump()
    );
    let named = t
        .dsr(["keys", "show", "--identity", "legal@example.org"])
        .run();
    assert!(
        named.stdout.contains("\nlegal@example.org namespaces="),
        "{}",
        named.dump()
    );

    let missing = t
        .dsr(["keys", "show", "--key"])
        .arg(t.path("nope"))
        .status(2)
        .run()
        .error();
    assert!(missing.contains("dsr keys generate"), "{missing}");
}

#[test]
fn a_receipt_verifies_with_ssh_keygen_and_dsr_and_one_flipped_byte_fails_both() {
    let t = tenant_with_key();
    let issued = issue(&t, "case-1");
    let allowed = allowed_signers(&t);

    if let Some((ok, text)) = ssh_keygen_verify(&allowed, &issued.path) {
        assert!(ok, "ssh-keygen -Y verify refused a receipt: {text}");
        assert!(text.contains("Good \"dsr-receipt\" signature"), "{text}");
    }
    let out = t.dsr(["receipt", "verify"]).arg(&issued.path).run();
    assert!(out.stdout.starts_with("ok "), "{}", out.dump());
    assert!(
        out.stdout.contains(&issued.receipt.receipt_id),
        "{}",
        out.dump()
    );
    // A folder stands for its receipt.json; an allowed_signers file can replace the key.
    t.dsr(["receipt", "verify", "--allowed-signers"])
        .arg(&allowed)
        .arg(issued.path.parent().expect("the receipt's folder"))
        .run();

    let mut bytes = std::fs::read(&issued.path).expect("the receipt");
    let at = bytes
        .windows(6)
        .position(|w| w == b"delete")
        .expect("the asset's action");
    bytes[at] = b'D';
    std::fs::write(&issued.path, &bytes).expect("tampered");
    if let Some((ok, text)) = ssh_keygen_verify(&allowed, &issued.path) {
        assert!(!ok, "ssh-keygen accepted a tampered receipt: {text}");
    }
    let out = t
        .dsr(["receipt", "verify"])
        .arg(&issued.path)
        .status(3)
        .run();
    assert!(out.stdout.starts_with("FAIL "), "{}", out.dump());
    assert!(
        out.stdout.contains("changed after signing"),
        "{}",
        out.dump()
    );
    assert!(
        out.stdout.contains(&issued.path.display().to_string()),
        "the failure names the receipt\n{}",
        out.dump()
    );
    let json = t
        .dsr(["receipt", "verify", "-o", "json"])
        .arg(&issued.path)
        .status(3)
        .run()
        .json();
    assert_eq!(json["ok"], false);
    assert_eq!(json["receipts"][0]["ok"], false);
}

#[test]
fn receipts_are_canonical_owner_only_and_match_the_schema() {
    let t = tenant_with_key();
    let issued = issue(&t, "case-1");
    let bytes = std::fs::read(&issued.path).expect("the receipt");
    dsr::receipt::canonical::parse(&bytes).expect("canonical JSON");
    for path in [
        &issued.path,
        &issued.signature_path,
        &t.tenant_data("acme").join("ledger.jsonl"),
        &t.tenant_data("acme").join("salt"),
    ] {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }

    // Every field the schema names is in the receipt, and the other way round, at every
    // level: the schema and the code cannot drift apart.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            crate::support::repo_root().join("schemas/receipt-v1.schema.json"),
        )
        .expect("the schema"),
    )
    .expect("the schema is JSON");
    let receipt: Value = serde_json::from_slice(&bytes).expect("JSON");
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    };
    let required_but = |s: &Value, optional: &[&str]| -> Vec<String> {
        let mut r: Vec<String> = s["required"]
            .as_array()
            .expect("required")
            .iter()
            .map(|v| v.as_str().expect("a name").to_owned())
            .collect();
        r.sort();
        let mut properties = keys(&s["properties"]);
        properties.retain(|k| !optional.contains(&k.as_str()));
        assert_eq!(r, properties, "required = properties");
        r
    };
    // Receipts of older versions lack the audit head: the one property not required.
    let required = |s: &Value| required_but(s, &["audit_head"]);
    let p = &schema["properties"];
    let mut written = keys(&receipt);
    assert!(written.contains(&"audit_head".to_owned()), "{written:?}");
    written.retain(|k| k != "audit_head");
    assert_eq!(required(&schema), written);
    assert_eq!(required(&p["subject"]), keys(&receipt["subject"]));
    assert_eq!(
        required(&p["subject"]["properties"]["identities"]["items"]),
        keys(&receipt["subject"]["identities"][0])
    );
    // An asset names files behind it only where it has some (a database row's file).
    assert_eq!(
        required_but(&p["assets"]["items"], &["files"]),
        keys(&receipt["assets"][0])
    );
    assert_eq!(required(&p["tool"]), keys(&receipt["tool"]));
    assert_eq!(p["format"]["const"], receipt["format"]);

    // The help text, and so the man page, names every field too.
    let help = t.dsr(["receipt", "--help"]).run().stdout;
    for field in keys(&receipt) {
        assert!(
            help.contains(&field),
            "dsr receipt --help does not describe {field}"
        );
    }
}

#[test]
fn the_ledger_catches_a_receipt_removed_reordered_or_edited() {
    let t = tenant_with_key();
    let issued: Vec<IssuedReceipt> = (1..=3).map(|n| issue(&t, &format!("case-{n}"))).collect();
    let ok = t.dsr(["receipt", "verify", "--ledger"]).run();
    assert!(
        ok.stdout.contains("3 receipt(s), chained and signed"),
        "{}",
        ok.dump()
    );
    let files: Vec<&PathBuf> = issued.iter().map(|i| &i.path).collect();
    t.dsr(["receipt", "verify", "--ledger"]).args(&files).run();

    let ledger = t.tenant_data("acme").join("ledger.jsonl");
    let original = std::fs::read_to_string(&ledger).expect("the ledger");
    let lines: Vec<&str> = original.lines().collect();
    let write = |lines: &[&str]| std::fs::write(&ledger, lines.join("\n") + "\n").expect("ledger");

    // Removed: the receipt after the gap is named, and the removed one when it is given.
    write(&[lines[0], lines[2]]);
    let out = t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
    assert!(
        out.stdout.contains("FAIL  ledger of tenant 'acme'"),
        "{}",
        out.dump()
    );
    assert!(
        out.stdout.contains(&issued[2].receipt.receipt_id),
        "{}",
        out.dump()
    );
    assert!(out.stdout.contains("removed"), "{}", out.dump());
    let out = t
        .dsr(["receipt", "verify", "--ledger"])
        .arg(&issued[1].path)
        .status(3)
        .run();
    assert!(
        out.stdout.contains("is not in the ledger of tenant 'acme'"),
        "{}",
        out.dump()
    );

    // Reordered.
    write(&[lines[0], lines[2], lines[1]]);
    let out = t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
    assert!(out.stdout.contains("reordered"), "{}", out.dump());

    // Edited: a receipt changed and signed again by the right key still breaks the chain,
    // since the ledger recorded the original's hash.
    write(&lines);
    t.dsr(["receipt", "verify", "--ledger"]).run();
    let mut receipt: Value =
        serde_json::from_slice(&std::fs::read(&issued[1].path).expect("receipt")).expect("JSON");
    receipt["assets"][0]["outcome"] = "verified".into();
    receipt["purpose"] = "something else".into();
    let bytes = dsr::receipt::canonical::to_vec(&receipt).expect("canonical");
    std::fs::write(&issued[1].path, &bytes).expect("edited");
    let key = SigningKey::load(&t.data_dir().join("keys/dsr_ed25519"), None).expect("key");
    std::fs::write(&issued[1].signature_path, key.sign(&bytes).expect("signed")).expect("sig");
    t.dsr(["receipt", "verify"]).arg(&issued[1].path).run();
    let out = t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
    assert!(out.stdout.contains("edited or replaced"), "{}", out.dump());
    assert!(out.stdout.contains("receipt #2"), "{}", out.dump());

    // A receipt file deleted.
    std::fs::remove_file(&issued[2].path).expect("removed");
    let out = t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
    assert!(
        out.stdout.contains("the receipt is missing"),
        "{}",
        out.dump()
    );
}

#[test]
fn each_tenant_is_signed_by_its_own_key() {
    let t = tenant_with_key();
    let own = t.path("acme_ed25519");
    t.dsr(["keys", "generate", "--comment", "acme-dpo", "--out"])
        .arg(&own)
        .run();
    t.dsr([
        "tenant",
        "add",
        "bravo",
        "--platform",
        "dir",
        "--signing-key",
    ])
    .arg(&own)
    .arg("--path")
    .arg(t.tenant_dir())
    .run();
    let shown = t.dsr(["tenant", "show", "bravo"]).run();
    assert!(shown.stdout.contains("acme_ed25519"), "{}", shown.dump());
    let by_own = t.dsr(["keys", "show", "--tenant", "bravo"]).run();
    assert!(by_own.stdout.contains("acme-dpo"), "{}", by_own.dump());

    let mut bravo = draft("case-b");
    bravo.tenant = "bravo".to_owned();
    let good = issue_with(&t, bravo.clone(), &own);
    t.dsr(["receipt", "verify", "--ledger"])
        .arg(&good.path)
        .run();

    // Signed by a key dsr knows, but not the tenant's own: refused.
    bravo.case_id = "case-c".to_owned();
    let wrong = issue_with(&t, bravo, &t.data_dir().join("keys/dsr_ed25519"));
    let out = t
        .dsr(["receipt", "verify"])
        .arg(&wrong.path)
        .status(3)
        .run();
    assert!(
        out.stdout
            .contains("not by the signing key of tenant 'bravo'"),
        "{}",
        out.dump()
    );
    let out = t
        .dsr(["receipt", "verify", "--ledger", "--tenant", "bravo"])
        .status(3)
        .run();
    assert!(
        out.stdout.contains("receipt #2") && out.stdout.contains("not trusted"),
        "the chain names the receipt signed by another key\n{}",
        out.dump()
    );
    // --key says which key to trust, whatever the tenant's profile says.
    t.dsr(["receipt", "verify", "--key"])
        .arg(t.data_dir().join("keys/dsr_ed25519.pub"))
        .arg(&wrong.path)
        .run();
}

#[test]
fn receipt_show_summarises_for_people() {
    let t = tenant_with_key();
    let issued = issue(&t, "case-1");
    let out = t.dsr(["receipt", "show"]).arg(&issued.path).run();
    for expected in [
        issued.receipt.receipt_id.as_str(),
        "#1 of tenant 'acme'",
        "erasure (GDPR Art. 17), operation erase",
        "email, name, phone, login (salted hashes",
        "1: 1 verified",
        "Staff/a.jpg",
        "Example Print Ltd",
    ] {
        assert!(out.stdout.contains(expected), "{expected}\n{}", out.dump());
    }
    assert!(out.stderr.contains("dsr receipt verify"), "{}", out.dump());
    let json = t
        .dsr(["receipt", "show", "-o", "json"])
        .arg(&issued.path)
        .run()
        .json();
    assert_eq!(json["receipt_id"], issued.receipt.receipt_id.as_str());
}

#[test]
fn verify_needs_something_to_check_and_a_key_to_check_with() {
    let t = Test::new();
    let err = t.dsr(["receipt", "verify"]).status(2).run().error();
    assert!(err.contains("--ledger"), "{err}");
    let err = t
        .dsr(["receipt", "verify", "receipt.json"])
        .status(2)
        .run()
        .error();
    assert!(err.contains("--allowed-signers"), "{err}");
}

#[test]
fn removing_a_tenant_keeps_its_receipt_ledger() {
    let t = tenant_with_key();
    t.sync(&[]);
    issue(&t, "case-1");
    let out = t.dsr(["tenant", "remove", "acme"]).run();
    assert!(out.stderr.contains("receipt ledger"), "{}", out.dump());
    let left = Test::entries(&t.tenant_data("acme"));
    assert_eq!(left, [PathBuf::from("ledger.jsonl"), PathBuf::from("salt")]);
}

/// A tenant `acme` with her portrait, synced, and no signing key yet: the first operation
/// makes one.
fn tenant_signing_implicitly() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/a.jpg",
        serde_json::json!({"368": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    t
}

/// Opens a portability case for her and writes its archive: one operation, one receipt,
/// signed with whatever key dsr signs with now. Returns the receipt.
fn operation(t: &Test) -> PathBuf {
    let id = t
        .dsr(["case", "open", "--right", "portability"])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["portability", &id]).run();
    let receipts = t
        .tenant_data("acme")
        .join("cases")
        .join(&id)
        .join("receipts");
    let folders = Test::entries(&receipts);
    receipts.join(&folders[0]).join(receipt::FILE_NAME)
}

/// The first line of the README that starts with `start`, as printed there.
fn readme_line(start: &str) -> String {
    let readme =
        std::fs::read_to_string(crate::support::repo_root().join("README.md")).expect("the README");
    readme
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with(start))
        .unwrap_or_else(|| panic!("the README has no line starting with {start:?}"))
        .to_owned()
}

/// A receipt's signing time as ssh-keygen's `-O verify-time=` takes it.
fn verify_time(receipt: &Path) -> String {
    let value: Value =
        serde_json::from_slice(&std::fs::read(receipt).expect("the receipt")).expect("JSON");
    let at = value["finished_at"].as_str().expect("finished_at");
    let digits: String = at.chars().filter(char::is_ascii_digit).collect();
    format!("verify-time={digits}Z")
}

#[test]
fn the_readme_ssh_keygen_command_accepts_the_key_the_first_operation_made() {
    let t = tenant_signing_implicitly();
    let receipt = operation(&t);
    assert!(
        t.data_dir().join("keys/dsr_ed25519").is_file(),
        "the operation made the key"
    );
    let folder = receipt.parent().expect("the receipt's folder");
    assert_eq!(
        readme_line("dsr keys show >"),
        "dsr keys show > allowed_signers"
    );
    let shown = t.dsr(["keys", "show"]).run();
    std::fs::write(folder.join("allowed_signers"), &shown.stdout).expect("allowed_signers");
    let command = readme_line("ssh-keygen -Y verify");
    let out = match Command::new("sh")
        .args(["-c", &command])
        .current_dir(folder)
        .output()
    {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return no_ssh_keygen(),
        out => out.expect("sh runs"),
    };
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if said.contains("ssh-keygen: not found") || said.contains("command not found") {
        return no_ssh_keygen();
    }
    assert!(
        out.status.success(),
        "`{command}` refused the receipt: {said}\n{}",
        shown.dump()
    );
    assert!(
        said.contains(&format!("Good \"dsr-receipt\" signature for {PRINCIPAL}")),
        "{said}"
    );
}

#[test]
fn a_replaced_key_stays_trusted_for_the_receipts_it_signed() {
    let t = tenant_signing_implicitly();
    let first = operation(&t);
    let key = t.data_dir().join("keys/dsr_ed25519");
    let old_key = t.path("old_ed25519");
    std::fs::copy(&key, &old_key).expect("a copy of the old key");

    // What dsr advises when it makes a key by itself.
    let replaced = t.dsr(["keys", "generate", "--force"]).run();
    assert!(
        replaced.stderr.contains("stays trusted"),
        "{}",
        replaced.dump()
    );
    let second = operation(&t);
    let out = t.dsr(["receipt", "verify", "--ledger"]).run();
    assert!(
        out.stdout.contains("2 receipt(s), chained and signed"),
        "{}",
        out.dump()
    );
    t.dsr(["receipt", "verify"]).arg(&first).arg(&second).run();

    // Both keys are listed with their dates, the current one marked; the new receipt is
    // signed by the new key alone.
    let shown = t.dsr(["keys", "show", "-o", "json"]).run().json();
    let keys = shown["keys"].as_array().expect("every key");
    assert_eq!(keys.len(), 2, "{shown}");
    assert_eq!(keys[0]["current"], true);
    assert!(keys[0]["valid_after"].is_string() && keys[0]["valid_before"].is_null());
    assert_eq!(keys[1]["current"], false);
    assert!(keys[1]["valid_before"].is_string(), "{shown}");
    // Replaced when the new key took over (a second later, should both fall in one second).
    assert!(
        keys[1]["valid_before"].as_str() >= keys[0]["valid_after"].as_str(),
        "{shown}"
    );
    let table = t.dsr(["keys", "show"]).run().stdout;
    assert!(
        table.contains("# current key") && table.contains("# replaced key"),
        "{table}"
    );
    let only_new = t.path("only_new");
    std::fs::write(
        &only_new,
        format!("{}\n", keys[0]["allowed_signers"].as_str().expect("a line")),
    )
    .expect("allowed_signers");
    t.dsr(["receipt", "verify", "--allowed-signers"])
        .arg(&only_new)
        .arg(&second)
        .run();
    let out = t
        .dsr(["receipt", "verify", "--allowed-signers"])
        .arg(&only_new)
        .arg(&first)
        .status(3)
        .run();
    assert!(out.stdout.contains("not trusted"), "{}", out.dump());

    // Stock OpenSSH with the file `dsr keys show` prints: the new receipt as the README
    // says, the old one at the time it was signed.
    let allowed = t.path("allowed_signers");
    std::fs::write(&allowed, &table).expect("allowed_signers");
    if let Some((ok, text)) = ssh_keygen_verify(&allowed, &second) {
        assert!(ok, "{text}");
        let later = ["-O", "verify-time=20991231000000Z"];
        let (ok, text) = ssh_keygen_verify_with(&allowed, &first, &later).expect("ssh-keygen");
        assert!(!ok, "a replaced key is not trusted later: {text}");
        let at = verify_time(&first);
        let (ok, text) =
            ssh_keygen_verify_with(&allowed, &first, &["-O", &at]).expect("ssh-keygen");
        assert!(ok, "-O {at}: {text}");
        assert!(
            readme_line("ssh-keygen -Y verify -f allowed_signers -I dsr -n dsr-receipt -O")
                .contains("verify-time="),
            "the README shows how"
        );
    }

    // What the old key signs after it was replaced is not trusted.
    let mut late = draft("case-late");
    late.finished = SystemTime::now() + Duration::from_secs(120);
    let late = issue_with(&t, late, &old_key);
    let out = t.dsr(["receipt", "verify"]).arg(&late.path).status(3).run();
    assert!(
        out.stdout.contains("replaced") || out.stdout.contains("outside"),
        "{}",
        out.dump()
    );
}

/// Rewrites a tenant's ledger as an older dsr wrote it: every receipt's absolute path,
/// inside the data directory `data`.
fn absolute_ledger(ledger: &Path, data: &Path) {
    let text = std::fs::read_to_string(ledger).expect("the ledger");
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut entry: Value = serde_json::from_str(line).expect("a ledger entry");
            let relative = entry["path"].as_str().expect("a path").to_owned();
            assert!(
                !Path::new(&relative).is_absolute(),
                "the ledger holds paths relative to the data directory: {relative}"
            );
            entry["path"] = data.join(relative).display().to_string().into();
            String::from_utf8(dsr::receipt::canonical::to_vec(&entry).expect("canonical"))
                .expect("UTF-8")
        })
        .collect();
    std::fs::write(ledger, lines.join("\n") + "\n").expect("the ledger");
}

#[test]
fn a_moved_data_directory_still_verifies() {
    let t = tenant_signing_implicitly();
    operation(&t);
    operation(&t);
    t.dsr(["receipt", "verify", "--ledger"]).run();
    let moved = t.path("moved");
    std::fs::rename(t.data_home(), &moved).expect("moved");
    let out = t
        .dsr(["receipt", "verify", "--ledger"])
        .env("XDG_DATA_HOME", &moved)
        .run();
    assert!(
        out.stdout.contains("2 receipt(s), chained and signed"),
        "{}",
        out.dump()
    );

    // A ledger an older dsr wrote, with the paths of where the data directory was.
    let data = moved.join("dsr");
    absolute_ledger(&data.join("tenants/acme/ledger.jsonl"), &t.data_dir());
    t.dsr(["receipt", "verify", "--ledger"])
        .env("DSR_DATA_DIR", &data)
        .run();
}

#[test]
fn a_copied_data_directory_is_checked_against_its_own_receipts() {
    let t = tenant_signing_implicitly();
    let receipt = operation(&t);
    operation(&t);
    let copy = t.path("copy");
    crate::support::copy_tree(&t.data_dir(), &copy);
    t.dsr(["receipt", "verify", "--ledger"])
        .env("DSR_DATA_DIR", &copy)
        .run();

    // A receipt edited in the copy fails there, and the original still verifies.
    let copied = copy.join(receipt.strip_prefix(t.data_dir()).expect("in the data dir"));
    let text = std::fs::read_to_string(&copied).expect("the copied receipt");
    std::fs::write(&copied, text.replace("\"portability\"", "\"access\"")).expect("edited");
    let out = t
        .dsr(["receipt", "verify", "--ledger"])
        .env("DSR_DATA_DIR", &copy)
        .status(3)
        .run();
    assert!(
        out.stdout.contains(&copy.display().to_string()),
        "the failure names the copy's receipt\n{}",
        out.dump()
    );
    t.dsr(["receipt", "verify", "--ledger"]).run();

    // So it does when an older dsr wrote the ledger with the original's absolute paths.
    absolute_ledger(&copy.join("tenants/acme/ledger.jsonl"), &t.data_dir());
    t.dsr(["receipt", "verify", "--ledger"])
        .env("DSR_DATA_DIR", &copy)
        .status(3)
        .run();
    t.dsr(["receipt", "verify", "--ledger"]).run();
}
