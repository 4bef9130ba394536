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
        out.error().contains("not among the matches"),
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
