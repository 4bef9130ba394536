//! The audit log: `locate` and `sync` leave an entry with operator, purpose, tenant and
//! counts, never a personal value; `locate` needs a purpose; `dsr audit` lists and filters
//! the entries and `--verify` names the line where the chain breaks.

use serde_json::Value;

use crate::support::{PURPOSE, Test};

fn tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/a.jpg",
        serde_json::json!({"368": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.asset("Staff/b.jpg", serde_json::json!({"80": ["Ola Nordmann"]}));
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t
}

fn entries(t: &Test) -> Vec<Value> {
    t.dsr(["audit", "-o", "jsonl"]).run().jsonl()
}

#[test]
fn locate_and_sync_are_recorded_with_counts_and_no_personal_value() {
    let t = tenant();
    let hits = t
        .dsr([
            "locate",
            "--name",
            "Jane Doe",
            "--email",
            "jane.doe@example.com",
        ])
        .args(["--phone", "+47 912 34 567", "--login", "jdoe"])
        .args(["--operator", "case-officer-7"])
        .hits();
    assert_eq!(hits.len(), 1);

    let all = entries(&t);
    assert_eq!(all.len(), 2, "{all:?}");
    let (sync, locate) = (&all[0], &all[1]);
    assert_eq!(sync["command"], "sync");
    assert_eq!(sync["counts"]["added"], 2);
    assert_eq!(sync["purpose"], PURPOSE);
    assert_eq!(locate["command"], "locate");
    assert_eq!(locate["tenant"], "acme");
    assert_eq!(locate["operator"], "case-officer-7");
    assert_eq!(locate["purpose"], PURPOSE);
    assert_eq!(locate["counts"]["identities"], 4);
    assert_eq!(locate["counts"]["assets"], 1);
    assert_eq!(locate["sequence"], 2);
    assert!(locate["previous_sha256"].is_string());

    // Neither the log nor any receipt record may hold the subject: searched raw, in the
    // files themselves.
    let log = std::fs::read_to_string(t.data_dir().join("audit.jsonl")).expect("the log");
    let lower = log.to_lowercase();
    // The phone whole: the log holds hex hashes, where three digits occur by chance.
    for raw in [
        "jane",
        "doe",
        "example.com",
        "91234567",
        "912 34 567",
        "jdoe",
    ] {
        assert!(!lower.contains(raw), "{raw} is in the audit log:\n{log}");
    }
    let shown = t.dsr(["audit"]).run();
    assert!(shown.stdout.contains("case-officer-7"), "{}", shown.dump());
    assert!(
        !shown.stdout.to_lowercase().contains("jane"),
        "{}",
        shown.dump()
    );
}

#[test]
fn the_operator_defaults_to_the_profile_then_the_login_name() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"368": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.dsr(["sync"]).env("USER", "login-name").run();
    t.dsr(["tenant", "add", "bravo", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .args(["--default-operator", "bravo-dpo"])
        .args(["--default-purpose", "bravo contract 12"])
        .run();
    t.dsr(["sync", "--tenant", "bravo"])
        .env_remove("DSR_PURPOSE")
        .run();
    let all = entries(&t);
    assert_eq!(all[0]["operator"], "login-name");
    assert_eq!(all[1]["operator"], "bravo-dpo");
    assert_eq!(all[1]["purpose"], "bravo contract 12");
    let only = t
        .dsr(["audit", "--tenant", "bravo", "-o", "json"])
        .run()
        .json();
    assert_eq!(only.as_array().map(Vec::len), Some(1), "{only}");
}

#[test]
fn locate_needs_a_purpose_and_refuses_one_that_names_the_subject() {
    let t = tenant();
    let before = entries(&t).len();
    let err = t
        .dsr(["locate", "jane.doe@example.com"])
        .env_remove("DSR_PURPOSE")
        .status(2)
        .run()
        .error();
    assert!(err.contains("--purpose"), "{err}");
    assert!(!err.contains("jane"), "{err}");

    let out = t
        .dsr([
            "locate",
            "jane.doe@example.com",
            "--purpose",
            "request of Jane.Doe@Example.com",
        ])
        .status(2)
        .run();
    assert!(
        out.stdout.is_empty(),
        "nothing is shown without an entry\n{}",
        out.dump()
    );
    let err = out.error();
    assert!(err.contains("names the data subject"), "{err}");
    assert!(!err.to_lowercase().contains("jane"), "{err}");
    assert_eq!(entries(&t).len(), before, "nothing was recorded");

    let hits = t
        .dsr([
            "locate",
            "jane.doe@example.com",
            "--purpose",
            "case 2026-014",
        ])
        .env_remove("DSR_PURPOSE")
        .hits();
    assert_eq!(hits.len(), 1);
    let last = entries(&t).pop().expect("an entry");
    assert_eq!(last["purpose"], "case 2026-014");
}

#[test]
fn a_broken_chain_is_reported_with_its_line() {
    let t = tenant();
    for (name, status) in [("Jane Doe", 0), ("Ola Nordmann", 0), ("Nobody Here", 1)] {
        t.dsr(["locate", name]).status(status).run();
    }
    let ok = t.dsr(["audit", "--verify"]).run();
    assert!(
        ok.stdout.contains("4 entries, chain intact"),
        "{}",
        ok.dump()
    );

    let path = t.data_dir().join("audit.jsonl");
    let original = std::fs::read_to_string(&path).expect("the log");
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();

    // An entry edited: the chain breaks at the line after it.
    lines[1] = lines[1].replace("\"assets\":1", "\"assets\":0");
    assert_ne!(lines.join("\n") + "\n", original);
    std::fs::write(&path, lines.join("\n") + "\n").expect("edited");
    let out = t.dsr(["audit", "--verify"]).status(3).run();
    assert!(
        out.stdout.contains("line 3: does not follow line 2"),
        "{}",
        out.dump()
    );
    let json = t
        .dsr(["audit", "--verify", "-o", "json"])
        .status(3)
        .run()
        .json();
    assert_eq!(json["ok"], false);
    assert_eq!(json["problems"][0]["line"], 3);

    // An entry removed.
    let mut lines: Vec<&str> = original.lines().collect();
    lines.remove(1);
    std::fs::write(&path, lines.join("\n") + "\n").expect("removed");
    let out = t.dsr(["audit", "--verify"]).status(3).run();
    assert!(out.stdout.contains("line 2: "), "{}", out.dump());
    assert!(out.stdout.contains("removed"), "{}", out.dump());

    // The original verifies again: the checks above failed for what was done to it.
    std::fs::write(&path, &original).expect("restored");
    t.dsr(["audit", "--verify"]).run();
}

#[test]
fn since_filters_by_day_or_moment() {
    let t = tenant();
    let all = entries(&t);
    assert_eq!(all.len(), 1);
    let today = all[0]["time"].as_str().expect("a time")[..10].to_owned();
    assert_eq!(
        t.dsr(["audit", "--since", &today, "-o", "jsonl"])
            .run()
            .jsonl()
            .len(),
        1
    );
    let later = t
        .dsr(["audit", "--since", "2999-01-01", "-o", "json"])
        .run()
        .json();
    assert_eq!(later, serde_json::json!([]));
    let moment = t
        .dsr(["audit", "--since", "2000-01-01T00:00:00Z", "-o", "jsonl"])
        .run()
        .jsonl();
    assert_eq!(moment.len(), 1);
    let err = t
        .dsr(["audit", "--since", "last week"])
        .status(2)
        .run()
        .error();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

/// Runs `dsr` with `args` and checks that it is refused because `field` names the subject:
/// exit 2, the reason on stderr without any of her values, nothing on stdout, nothing in
/// the audit log.
fn refused(t: &Test, args: &[&str], field: &str) {
    let before = entries(t).len();
    let out = t.dsr(args).status(2).run();
    let err = out.error();
    assert!(
        err.contains(&format!("the {field} names the data subject")),
        "{args:?}\n{}",
        out.dump()
    );
    let lower = err.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    for value in ["jane", "doe", "912", "91234567", "jdoe", "uniq", "person"] {
        assert!(!words.contains(&value), "{value} in the message: {err}");
    }
    assert!(out.stdout.is_empty(), "{args:?}\n{}", out.dump());
    assert_eq!(entries(t).len(), before, "{args:?}: nothing was recorded");
}

const JANE: [&str; 9] = [
    "locate",
    "--name",
    "Jane Doe",
    "--email",
    "jane.doe@example.com",
    "--phone",
    "+47 912 34 567",
    "--login",
    "jdoe",
];

#[test]
fn a_purpose_naming_the_subject_in_any_form_is_refused() {
    let t = tenant();
    for purpose in [
        // Her phone, however it is written, in the tenant's region or not.
        "follow-up on 912 34 567",
        "call 91234567 back",
        "call +47 912-34-567",
        "ring 0047 91 23 45 67",
        "tel. (+47) 91234567",
        "ticket 12 912 34 567",
        // Her name in any order, case, accent or spelling locate would find, and the
        // forms that join or break its words.
        "request from Doe, Jane",
        "JANE DOE asked",
        "Jáne Döe asked",
        "for Jane.Doe",
        "for J.Doe",
        "for J. Doe",
        "for jane_doe",
        "for JaneDoe",
        "for Jane\u{200b}Doe",
        "for Jane\u{200d}Doe",
        "for Ja\u{ad}ne Doe",
        "for \u{ff2a}\u{ff41}\u{ff4e}\u{ff45} \u{ff24}\u{ff4f}\u{ff45}",
        // Her e-mail address and login.
        "mail from JANE.DOE@EXAMPLE.COM",
        "user JDOE asked",
    ] {
        let mut args = JANE.to_vec();
        args.extend(["--purpose", purpose]);
        refused(&t, &args, "purpose");
    }
    refused(
        &t,
        &[
            "locate",
            "--name",
            "Uniq Person",
            "--purpose",
            "asked by Person, Uniq",
        ],
        "purpose",
    );
}

#[test]
fn an_operator_naming_the_subject_is_refused() {
    let t = tenant();
    for operator in ["Jane Doe", "doe, jane", "jdoe", "jane.doe@example.com"] {
        let mut args = JANE.to_vec();
        args.extend(["--operator", operator, "--purpose", "case 2026-014"]);
        refused(&t, &args, "operator");
    }
}

#[test]
fn a_purpose_that_does_not_name_the_subject_is_accepted() {
    let t = tenant();
    for purpose in [
        "case 2026-014",
        "Art. 15 request, ticket 4711",
        "erasure under Art. 17(1)(a), HR offboarding 2026-11",
        "Jane Smith's request",
    ] {
        let mut args = JANE.to_vec();
        args.extend(["--purpose", purpose]);
        let hits = t.dsr(&args).hits();
        assert_eq!(hits.len(), 1, "{purpose}");
        let last = entries(&t).pop().expect("an entry");
        assert_eq!(last["purpose"], purpose);
    }
}

#[test]
fn operations_refuse_a_purpose_naming_the_subject_before_doing_anything() {
    let t = tenant();
    let cases = t.tenant_data("acme").join("cases");
    let before = entries(&t).len();
    refused(
        &t,
        &[
            "case",
            "open",
            "--right",
            "erasure",
            "--name",
            "Jane Doe",
            "--purpose",
            "Doe, Jane",
        ],
        "purpose",
    );
    assert!(
        !cases.exists() || Test::entries(&cases).is_empty(),
        "no case was opened"
    );

    let id = t
        .dsr(["case", "open", "--right", "erasure", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let tenant_before = Test::entries(&t.tenant_dir());
    let case_dir = cases.join(&id);
    let case_before = Test::entries(&case_dir);
    refused(
        &t,
        &["erase", &id, "--yes", "--purpose", "erasure for Jane.Doe"],
        "purpose",
    );
    assert_eq!(
        Test::entries(&t.tenant_dir()),
        tenant_before,
        "nothing erased"
    );
    assert_eq!(Test::entries(&case_dir), case_before, "no plan, no receipt");
    assert_eq!(entries(&t).len(), before + 1, "only the case open");
}
