//! `dsr case`: opening, reviewing, extending, listing and closing requests.

use std::os::unix::fs::PermissionsExt;

use serde_json::json;

use crate::support::Test;

/// A tenant with one asset of Jane Doe's at each confidence, indexed.
pub fn jane_tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/board.png",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.asset(
        "Staff/party.png",
        json!({"120": "Jane Doe and Ola Nordmann at the party."}),
    );
    t.asset("Press/initials.png", json!({"80": ["J. Doe"]}));
    t.asset("Press/other.png", json!({"80": ["Jane Smith"]}));
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t
}

fn open(t: &Test, args: &[&str]) -> String {
    let out = t.dsr(["case", "open"]).args(args).run();
    let id = out.stdout.trim().to_owned();
    assert!(
        id.len() == 12 && id.as_bytes()[8] == b'-',
        "stdout holds only the case id\n{}",
        out.dump()
    );
    id
}

#[test]
fn open_locates_the_subject_and_computes_the_due_date() {
    let t = jane_tenant();
    let id = open(
        &t,
        &[
            "--right",
            "access",
            "--name",
            "Jane Doe",
            "--email",
            "jane.doe@example.com",
            "--received",
            "2026-01-31",
            "--reference",
            "REF-1",
            "--verified-by",
            "passport seen",
        ],
    );
    let case = t.dsr(["case", "show", &id, "-o", "json"]).run().json();
    assert_eq!(case["right"], "access");
    assert_eq!(case["received"], "2026-01-31");
    assert_eq!(
        case["due"], "2026-02-28",
        "a month from 31 January ends with February"
    );
    assert_eq!(case["verified_by"], "passport seen");
    let matched: Vec<&str> = case["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| m["asset"].as_str().expect("asset"))
        .collect();
    assert!(matched.contains(&"Staff/board.png"));
    assert!(matched.contains(&"Staff/party.png"));
    assert!(matched.contains(&"Press/initials.png"));
    assert!(
        !matched.contains(&"Press/other.png"),
        "Jane Smith is not Jane Doe"
    );

    let dir = t.tenant_data("acme").join("cases").join(&id);
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("case.json")), 0o600);
}

#[test]
fn the_reviewed_set_is_high_matches_plus_what_was_included() {
    let t = jane_tenant();
    let id = open(&t, &["--right", "erasure", "--name", "Jane Doe"]);
    let reviewed = |t: &Test| -> Vec<String> {
        let list = t.dsr(["case", "list", "-o", "json"]).run().json();
        assert_eq!(list[0]["id"], id.as_str());
        let case = t.dsr(["case", "show", &id, "-o", "json"]).run().json();
        let review = &case["review"];
        let mut set: Vec<String> = case["matches"]
            .as_array()
            .expect("matches")
            .iter()
            .filter(|m| {
                let asset = m["asset"].as_str().expect("asset");
                review["included"]
                    .as_array()
                    .expect("included")
                    .iter()
                    .any(|a| a == asset)
                    || (m["confidence"] == "high"
                        && !review["excluded"]
                            .as_array()
                            .expect("excluded")
                            .iter()
                            .any(|a| a == asset))
            })
            .map(|m| m["asset"].as_str().expect("asset").to_owned())
            .collect();
        set.sort();
        assert_eq!(list[0]["reviewed"], set.len());
        set
    };
    assert_eq!(reviewed(&t), ["Staff/board.png"]);
    t.dsr([
        "case",
        "review",
        &id,
        "--include",
        "Press/initials.png",
        "--exclude",
        "Staff/board.png",
    ])
    .run();
    assert_eq!(reviewed(&t), ["Press/initials.png"]);

    let out = t
        .dsr(["case", "review", &id, "--include", "Press/other.png"])
        .status(2)
        .run();
    assert!(
        out.error().contains("not among the matches") && out.error().contains("--reason"),
        "{}",
        out.dump()
    );
}

#[test]
fn one_extension_then_overdue_and_closed() {
    let t = jane_tenant();
    let id = open(
        &t,
        &[
            "--right",
            "access",
            "--email",
            "jane.doe@example.com",
            "--received",
            "2025-10-31",
        ],
    );
    let overdue = t
        .dsr(["case", "list", "--overdue", "-o", "json"])
        .run()
        .json();
    assert_eq!(
        overdue.as_array().expect("list").len(),
        1,
        "due 2025-11-30, long past"
    );

    t.dsr(["case", "extend", &id, "--reason", "many archives"])
        .run();
    let case = t.dsr(["case", "show", &id, "-o", "json"]).run().json();
    assert_eq!(case["due"], "2026-01-31", "three months from receipt");
    let again = t
        .dsr(["case", "extend", &id, "--reason", "more"])
        .status(2)
        .run();
    assert!(
        again.error().contains("already extended"),
        "{}",
        again.dump()
    );

    t.dsr(["case", "close", &id]).run();
    let open_cases = t.dsr(["case", "list", "--open", "-o", "json"]).run().json();
    assert_eq!(open_cases, json!([]));
    let table = t.dsr(["case", "list"]).run();
    assert!(table.stdout.contains("closed"), "{}", table.dump());
}

#[test]
fn bad_input_is_refused_and_leaves_no_case() {
    let t = jane_tenant();
    for (args, message) in [
        (vec!["--right", "access"], "say who the subject is"),
        (
            vec![
                "--right",
                "access",
                "--name",
                "Jane Doe",
                "--received",
                "2026-02-30",
            ],
            "is not a date",
        ),
        (
            vec![
                "--right",
                "access",
                "--name",
                "Jane Doe",
                "--received",
                "2999-01-01",
            ],
            "in the future",
        ),
        (
            vec!["--right", "access", "--email", "not-an-address"],
            "not an e-mail address",
        ),
    ] {
        let out = t.dsr(["case", "open"]).args(&args).status(2).run();
        assert!(out.error().contains(message), "{args:?}\n{}", out.dump());
        assert!(
            !out.stderr.contains("not-an-address"),
            "the value is not echoed"
        );
    }
    assert_eq!(
        t.dsr(["case", "list", "-o", "json"]).run().json(),
        json!([])
    );
    let out = t.dsr(["case", "show", "../../etc"]).status(2).run();
    assert!(out.error().contains("is not a case id"), "{}", out.dump());
    let out = t.dsr(["case", "show", "20260101-001"]).status(2).run();
    assert!(out.error().contains("no case"), "{}", out.dump());
}

#[test]
fn a_closed_case_is_not_acted_on() {
    let t = jane_tenant();
    let id = open(&t, &["--right", "erasure", "--name", "Jane Doe"]);
    t.dsr(["case", "close", &id]).run();
    let out = t.dsr(["erase", &id, "--yes"]).status(2).run();
    assert!(out.error().contains("is closed"), "{}", out.dump());
    assert!(
        std::fs::read_to_string(t.tenant_dir().join("Staff/board.png.json"))
            .expect("the sidecar")
            .contains("Jane Doe"),
        "nothing was erased"
    );
}

/// The folder of a case of tenant `acme`.
fn case_dir(t: &Test, id: &str) -> std::path::PathBuf {
    t.tenant_data("acme").join("cases").join(id)
}

/// Closes a case and sets its closing time back to `at`, as if it had been closed then.
fn closed_at(t: &Test, id: &str, at: &str) {
    t.dsr(["case", "close", id]).run();
    let path = case_dir(t, id).join("case.json");
    let mut case: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("case.json")).expect("JSON");
    case["closed_at"] = at.into();
    std::fs::write(&path, serde_json::to_vec_pretty(&case).expect("JSON")).expect("case.json");
}

/// Every file of a case folder with its bytes.
fn snapshot(t: &Test, id: &str) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let dir = case_dir(t, id);
    Test::entries(&dir)
        .into_iter()
        .filter(|p| dir.join(p).is_file())
        .map(|p| {
            let bytes = std::fs::read(dir.join(&p)).expect("a file of the case");
            (p, bytes)
        })
        .collect()
}

#[test]
fn purge_needs_a_records_retention_in_the_tenant_profile() {
    let t = jane_tenant();
    let id = open(
        &t,
        &["--right", "access", "--email", "jane.doe@example.com"],
    );
    closed_at(&t, &id, "2019-03-01T10:00:00Z");
    let before = snapshot(&t, &id);
    let err = t
        .dsr(["case", "purge", &id, "--yes"])
        .status(2)
        .run()
        .error();
    assert!(
        err.contains("retention") && err.contains("dsr tenant edit acme --records-retention"),
        "{err}"
    );
    assert_eq!(snapshot(&t, &id), before, "nothing was deleted");

    for (bad, message) in [
        ("five years", "not a retention"),
        ("0d", "at least one day"),
        ("5x", "not a retention"),
    ] {
        let err = t
            .dsr(["tenant", "edit", "acme", "--records-retention", bad])
            .status(2)
            .run()
            .error();
        assert!(err.contains(message), "{bad}: {err}");
    }
    t.dsr(["tenant", "edit", "acme", "--records-retention", "5y"])
        .run();
    let shown = t.dsr(["tenant", "show"]).run().stdout;
    assert!(
        shown.contains("records kept    5y after a case is closed"),
        "{shown}"
    );
    let json = t.dsr(["tenant", "show", "-o", "json"]).run().json();
    assert_eq!(json["profile"]["records_retention"], "5y");
}

#[test]
fn purge_refuses_open_and_recent_cases_by_name_and_then_deletes_nothing() {
    let t = jane_tenant();
    t.dsr(["tenant", "edit", "acme", "--records-retention", "1y"])
        .run();
    let args = ["--right", "access", "--email", "jane.doe@example.com"];
    let still_open = open(&t, &args);
    let recent = open(&t, &args);
    t.dsr(["case", "close", &recent]).run();
    let old = open(&t, &args);
    closed_at(&t, &old, "2020-05-04T09:00:00Z");
    let before: Vec<_> = [&still_open, &recent, &old]
        .iter()
        .map(|id| snapshot(&t, id))
        .collect();

    let err = t
        .dsr(["case", "purge", &still_open, &recent, &old, "--yes"])
        .status(2)
        .run()
        .error();
    assert!(err.contains(&format!("case {still_open} is open")), "{err}");
    assert!(
        err.contains(&format!("case {recent} was closed on")) && err.contains("kept until"),
        "{err}"
    );
    assert!(err.contains("nothing was purged"), "{err}");
    let after: Vec<_> = [&still_open, &recent, &old]
        .iter()
        .map(|id| snapshot(&t, id))
        .collect();
    assert_eq!(after, before, "not even the case past its retention");

    let err = t
        .dsr(["case", "purge", "20200101-001", "--yes"])
        .status(2)
        .run()
        .error();
    assert!(err.contains("no case 20200101-001"), "{err}");
}

#[test]
fn purge_without_yes_needs_a_terminal_to_ask_in() {
    let t = jane_tenant();
    t.dsr(["tenant", "edit", "acme", "--records-retention", "1y"])
        .run();
    let id = open(
        &t,
        &["--right", "access", "--email", "jane.doe@example.com"],
    );
    closed_at(&t, &id, "2020-05-04T09:00:00Z");
    let before = snapshot(&t, &id);
    let out = t.dsr(["case", "purge", &id]).status(4).run();
    assert!(out.stderr.contains("--yes"), "{}", out.dump());
    assert!(out.stderr.contains("nothing was purged"), "{}", out.dump());
    assert_eq!(snapshot(&t, &id), before);
}

#[test]
fn purge_deletes_a_closed_cases_personal_data_keeps_its_receipts_and_the_ledger_verifies() {
    let t = jane_tenant();
    t.dsr(["tenant", "edit", "acme", "--records-retention", "5y"])
        .run();
    let erasure = open(
        &t,
        &[
            "--right",
            "erasure",
            "--email",
            "jane.doe@example.com",
            "--name",
            "Jane Doe",
            "--reference",
            "letter of Jane Doe",
            "--verified-by",
            "passport seen at reception",
        ],
    );
    t.dsr(["erase", &erasure, "--yes"]).run();
    let portability = open(
        &t,
        &["--right", "portability", "--email", "jane.doe@example.com"],
    );
    t.dsr(["portability", &portability]).run();
    assert!(
        case_dir(&t, &portability)
            .join(format!("portable-{portability}.zip"))
            .is_file()
    );
    for id in [&erasure, &portability] {
        closed_at(&t, id, "2019-03-01T10:00:00Z");
    }
    let receipts: Vec<_> = [&erasure, &portability]
        .iter()
        .map(|id| {
            snapshot(&t, id)
                .into_iter()
                .filter(|(p, _)| p.starts_with("receipts"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(receipts.iter().all(|r| r.len() == 2), "{receipts:?}");

    let out = t
        .dsr(["case", "purge", &erasure, &portability, "--yes"])
        .run();
    for id in [&erasure, &portability] {
        assert!(
            out.stderr.contains(&format!("Purged case {id}")),
            "{}",
            out.dump()
        );
    }
    assert!(
        out.stderr.contains("receipts"),
        "it says what it kept\n{}",
        out.dump()
    );

    for (id, kept) in [&erasure, &portability].iter().zip(&receipts) {
        let left = snapshot(&t, id);
        let names: Vec<&std::path::Path> = left.iter().map(|(p, _)| p.as_path()).collect();
        let mut expected: Vec<&std::path::Path> = vec![std::path::Path::new("case.json")];
        expected.extend(kept.iter().map(|(p, _)| p.as_path()));
        assert_eq!(
            names, expected,
            "case {id}: only the record and its receipts"
        );
        for (path, bytes) in kept {
            let now = left.iter().find(|(p, _)| p == path).expect("kept");
            assert_eq!(&now.1, bytes, "{} is untouched", path.display());
        }
        let record = std::fs::read_to_string(case_dir(&t, id).join("case.json"))
            .expect("case.json")
            .to_lowercase();
        for personal in ["jane", "doe", "board.png", "passport"] {
            assert!(!record.contains(personal), "{personal} in {record}");
        }
        let shown = t.dsr(["case", "show", id, "-o", "json"]).run().json();
        assert!(shown["purged"]["at"].is_string(), "{shown}");
        assert_eq!(shown["purged"]["retention"], "5y");
        let table = t.dsr(["case", "show", id]).run().stdout;
        assert!(table.contains("purged"), "{table}");
    }
    assert!(t.tenant_data("acme").join("tombstones.jsonl").is_file());
    let listed = t.dsr(["case", "list", "-o", "json"]).run().json();
    assert!(
        listed
            .as_array()
            .expect("cases")
            .iter()
            .all(|c| c["status"] == "purged"),
        "{listed}"
    );

    // The chain of receipts is whole: purging removed personal data, not records.
    let verified = t.dsr(["receipt", "verify", "--ledger"]).run();
    assert!(
        verified.stdout.contains("2 receipt(s), chained and signed"),
        "{}",
        verified.dump()
    );
    // Each purge is in the audit log, which still verifies.
    let audit = t.dsr(["audit", "-o", "json"]).run().json();
    for id in [&erasure, &portability] {
        assert!(
            audit
                .as_array()
                .expect("entries")
                .iter()
                .any(|e| { e["command"] == "case purge" && e["case"] == id.as_str() }),
            "{audit}"
        );
    }
    t.dsr(["audit", "--verify"]).run();

    // A purged case is no longer acted on, nor purged twice.
    let err = t.dsr(["erase", &erasure, "--yes"]).status(2).run().error();
    assert!(err.contains("purged"), "{err}");
    let err = t
        .dsr(["case", "purge", &erasure, "--yes"])
        .status(2)
        .run()
        .error();
    assert!(err.contains("already purged"), "{err}");
}
