//! Neither the ledger nor the audit log can be cut short unseen (issue: truncation passed):
//! an emptied ledger, a ledger without its last line, a deleted or shortened audit log each
//! fail `dsr receipt verify --ledger` or `dsr audit --verify` (exit 3, naming what is
//! missing), and the head an operation prints proves, with `--expect-head`, that nothing
//! up to it was cut.

use std::path::PathBuf;

use crate::support::Test;

/// A tenant with two access requests answered: two receipts in the ledger, each with its
/// audit entry. Returns the sandbox and the audit head the second operation printed.
fn answered() -> (Test, String) {
    let t = Test::new();
    t.asset(
        "Staff/a.jpg",
        serde_json::json!({"368": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.asset("Staff/b.jpg", serde_json::json!({"80": ["Ola Nordmann"]}));
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t.fill_ropa("acme");
    let mut head = String::new();
    for n in 1..=2 {
        let case = t
            .dsr(["case", "open", "--right", "access", "--name", "Jane Doe"])
            .run()
            .stdout
            .trim()
            .to_owned();
        let out = t
            .dsr(["access", &case, "--out"])
            .arg(t.path(format!("package-{n}")))
            .run();
        head = out
            .stderr
            .split("Audit head ")
            .nth(1)
            .and_then(|rest| rest.split(':').next())
            .unwrap_or_else(|| panic!("the operation prints its audit head\n{}", out.dump()))
            .to_owned();
    }
    assert_eq!(head.len(), 64, "{head}");
    (t, head)
}

fn ledger(t: &Test) -> PathBuf {
    t.tenant_data("acme").join("ledger.jsonl")
}

fn audit_log(t: &Test) -> PathBuf {
    t.data_dir().join("audit.jsonl")
}

fn lines(path: &PathBuf) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("the log")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn write_lines(path: &PathBuf, lines: &[String]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).expect("the log");
}

/// Both checks pass on the untouched records, and with the head the operation printed.
#[test]
fn untouched_records_verify_with_their_head() {
    let (t, head) = answered();
    t.dsr(["receipt", "verify", "--ledger"])
        .stdout_has("2 receipt(s)")
        .run();
    let ok = t.dsr(["audit", "--verify", "--expect-head", &head]).run();
    assert!(ok.stdout.starts_with("ok"), "{}", ok.dump());
    // A head that was never in the log fails.
    let wrong = "0".repeat(64);
    t.dsr(["audit", "--verify", "--expect-head", &wrong])
        .status(3)
        .run();
}

#[test]
fn an_emptied_ledger_fails() {
    let (t, _) = answered();
    std::fs::write(ledger(&t), "").expect("the ledger");
    let out = t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
    assert!(
        out.stdout.contains("the ledger does not list"),
        "{}",
        out.dump()
    );
    let out = t.dsr(["audit", "--verify"]).status(3).run();
    assert!(out.stdout.contains("the ledger was cut"), "{}", out.dump());
}

#[test]
fn a_ledger_without_its_last_line_fails() {
    let (t, _) = answered();
    let mut kept = lines(&ledger(&t));
    kept.pop();
    write_lines(&ledger(&t), &kept);
    let out = t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
    assert!(
        out.stdout.contains("the ledger does not list"),
        "{}",
        out.dump()
    );
}

#[test]
fn a_deleted_audit_log_fails() {
    let (t, _) = answered();
    std::fs::remove_file(audit_log(&t)).expect("the audit log");
    let out = t.dsr(["audit", "--verify"]).status(3).run();
    assert!(
        out.stdout.contains("has no entry in the audit log"),
        "{}",
        out.dump()
    );
    t.dsr(["receipt", "verify", "--ledger"]).status(3).run();
}

#[test]
fn an_audit_log_cut_back_fails() {
    let (t, head) = answered();
    let all = lines(&audit_log(&t));
    // Only the newest entry dropped: the last receipt's entry is gone.
    write_lines(&audit_log(&t), &all[..all.len() - 1]);
    let out = t.dsr(["audit", "--verify"]).status(3).run();
    assert!(
        out.stdout.contains("has no entry in the audit log"),
        "{}",
        out.dump()
    );
    // Cut back before both operations, with the receipts and their ledger lines removed
    // too: the logs agree with each other, and only the head kept with the ticket shows it.
    let before: Vec<String> = all
        .iter()
        .take_while(|l| !l.contains("receipt_sha256"))
        .cloned()
        .collect();
    write_lines(&audit_log(&t), &before);
    std::fs::write(ledger(&t), "").expect("the ledger");
    std::fs::remove_dir_all(t.tenant_data("acme").join("cases")).expect("the cases");
    t.dsr(["audit", "--verify"]).run();
    let out = t
        .dsr(["audit", "--verify", "--expect-head", &head])
        .status(3)
        .run();
    assert!(
        out.stdout.contains("is not in the audit log"),
        "{}",
        out.dump()
    );
}
