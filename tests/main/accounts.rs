//! FotoWeb records beside asset metadata (`--records users,comments`): the leaver's own
//! account and the comments she wrote or is named in are found, handed over, and erased
//! through the same plan, journal, read-back and receipt as assets.

use std::collections::BTreeMap;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::Test;
use crate::support::found;
use crate::tenants::{JANE, Kind, Tenant};

/// Her account.
const ACCOUNT: &str = "users/15010";
/// The comment she wrote on the group photo.
const HER_COMMENT: &str = "Staff/shared.png/comments/1";
/// Ola's comment naming her.
const MENTION: &str = "Staff/shared.png/comments/2";
/// Kari's comment on her own photo: not Jane's.
const KARIS: &str = "Press/kari.png/comments/3";

/// The group photo and Kari's photo (where the sample comments are), with the sample
/// users and comments, read beside the assets.
fn tenant(configure: impl FnOnce(&mut fotoweb_double::Options)) -> Tenant {
    let t = Test::new();
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Ola Nordmann"], "5": "Board meeting"}),
    );
    t.asset(
        "Press/kari.png",
        json!({"80": ["Kari Nordmann"], "5": "Harbour"}),
    );
    Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "users,comments"],
        |options| {
            (options.users, options.comments) = fotoweb_double::accounts::sample();
            configure(options);
        },
    )
}

#[test]
fn locate_finds_her_account_and_the_comments_she_wrote_or_is_named_in() {
    let tenant = tenant(|_| {});
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    let found = found(&hits);
    assert_eq!(
        found.get(ACCOUNT).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert_eq!(
        found.get(HER_COMMENT).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert!(found.contains_key(MENTION), "{hits:#?}");
    assert!(!found.contains_key(KARIS), "{hits:#?}");
    assert!(!found.contains_key("users/15011"), "{hits:#?}");
    assert!(!found.contains_key("Staff/shared.png"), "{hits:#?}");
}

#[test]
fn an_incremental_sync_notices_a_changed_account_and_a_removed_comment() {
    let tenant = tenant(|_| {});
    let double = tenant.double();
    // Another admin gives Kari's account Jane's old e-mail address, and Jane's comment is
    // deleted in FotoWeb itself.
    double.put_user(
        15012,
        &json!({"address": {"givenName": "Kari", "surname": "Nordmann", "email": "jane.doe@example.com"}}),
    );
    double.remove_comment("Staff/shared.png", 1);
    let synced = tenant.dsr(["sync", "-o", "json"]).run().json();
    assert_ne!(synced["full"], json!(true), "{synced:#}");
    let found = found(&tenant.dsr(["locate"]).args(JANE).hits());
    assert_eq!(
        found.get("users/15012").map(String::as_str),
        Some("high"),
        "{found:?}"
    );
    assert!(!found.contains_key(HER_COMMENT), "{found:?}");
    assert!(found.contains_key(ACCOUNT), "{found:?}");
}

/// An erasure case for Jane with the comment naming her (a medium match) reviewed in.
fn jane_case(tenant: &Tenant) -> String {
    let case = tenant.open_case("erasure", JANE);
    tenant
        .dsr(["case", "review", &case, "--include", MENTION])
        .run();
    case
}

/// Asset → what the plan or the run says of it (`key`: `action` or `outcome`).
fn per_asset(steps: &Value, key: &str) -> BTreeMap<String, String> {
    steps
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an asset").to_owned(),
                s[key].as_str().expect("a value").to_owned(),
            )
        })
        .collect()
}

fn receipt_says(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, o)| (a.to_string(), o.to_string()))
        .collect()
}

/// The receipt's outcome per asset.
fn receipt_outcomes(receipt: &Value) -> BTreeMap<String, String> {
    per_asset(&receipt["assets"], "outcome")
}

#[test]
fn erasure_deletes_her_account_and_comments_and_scrubs_a_mention() {
    let tenant = tenant(|_| {});
    let case = jane_case(&tenant);
    let dry = tenant
        .dsr(["erase", &case, "--dry-run", "-o", "json"])
        .run()
        .json();
    let planned = per_asset(&dry["plan"]["steps"], "action");
    let expected: BTreeMap<String, String> = [
        (ACCOUNT, "delete"),
        (HER_COMMENT, "delete"),
        (MENTION, "scrub"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    assert_eq!(planned, expected, "{dry:#}");

    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .run()
        .json();
    let outcomes = per_asset(&done["report"]["steps"], "outcome");
    assert!(outcomes.values().all(|o| o == "verified"), "{done:#}");
    assert_eq!(outcomes.len(), 3, "{done:#}");

    let double = tenant.double();
    assert_eq!(double.user(15010), None, "her account is deleted");
    assert!(double.user(15011).is_some() && double.user(15012).is_some());
    assert_eq!(double.comment("Staff/shared.png", 1), None);
    assert_eq!(
        double.comment("Staff/shared.png", 2),
        Some((
            "Ola Nordmann".to_owned(),
            "[redacted] asked for a new crop.".to_owned()
        )),
        "only her name leaves Ola's comment"
    );
    assert_eq!(
        double.comment("Press/kari.png", 3),
        Some(("Kari Nordmann".to_owned(), "Cleared for print.".to_owned()))
    );

    let receipt = tenant.t.latest_receipt(&case);
    assert_eq!(
        receipt_outcomes(&receipt),
        receipt_says(&[
            (ACCOUNT, "deleted"),
            (HER_COMMENT, "deleted"),
            (MENTION, "scrubbed")
        ]),
        "{receipt:#}"
    );
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
}

#[test]
fn a_disabled_account_and_anonymised_comments_keep_nothing_of_her() {
    let tenant = tenant(|_| {});
    let case = jane_case(&tenant);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .args(["--account", "disable", "--authored-comments", "anonymise"])
        .run()
        .json();
    let actions = per_asset(&done["plan"]["steps"], "action");
    assert_eq!(actions[ACCOUNT], "scrub", "{done:#}");
    assert_eq!(actions[HER_COMMENT], "scrub", "{done:#}");
    let outcomes = per_asset(&done["report"]["steps"], "outcome");
    assert!(outcomes.values().all(|o| o == "verified"), "{done:#}");

    let double = tenant.double();
    let account = double.user(15010).expect("disabled, not deleted");
    assert_eq!(account["account"]["isEnabled"], json!(false), "{account:#}");
    assert_eq!(
        account["username"],
        json!("former-user-15010"),
        "{account:#}"
    );
    assert_eq!(account["fullName"], json!(""), "{account:#}");
    assert_eq!(account["address"]["email"], json!(""), "{account:#}");
    assert_eq!(account["address"]["phone"], json!(""), "{account:#}");
    assert_eq!(account["description"], json!(""), "{account:#}");
    assert_eq!(
        double.comment("Staff/shared.png", 1),
        Some((
            "[former user]".to_owned(),
            "Please crop me out of this one.".to_owned()
        ))
    );
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
}

#[test]
fn a_refused_account_deletion_is_not_erased_in_the_summary_or_the_receipt() {
    let tenant = tenant(|_| {});
    let case = jane_case(&tenant);
    tenant.double().set_manage_users(false);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    let outcomes = per_asset(&done["report"]["steps"], "outcome");
    assert_eq!(outcomes[ACCOUNT], "failed", "{done:#}");
    assert_eq!(outcomes[HER_COMMENT], "verified", "{done:#}");
    assert_eq!(outcomes[MENTION], "verified", "{done:#}");
    assert!(tenant.double().user(15010).is_some(), "the account stays");
    let receipt = tenant.t.latest_receipt(&case);
    assert_eq!(
        receipt_outcomes(&receipt),
        receipt_says(&[
            (ACCOUNT, "failed"),
            (HER_COMMENT, "deleted"),
            (MENTION, "scrubbed")
        ]),
        "{receipt:#}"
    );
    let hits = found(&tenant.dsr(["locate"]).args(JANE).hits());
    assert_eq!(
        hits.keys().cloned().collect::<Vec<_>>(),
        vec![ACCOUNT.to_owned()],
        "locate still finds the account, and only it"
    );
}

#[test]
fn a_killed_erasure_of_her_comments_resumes_without_changing_one_twice() {
    let t = Test::new();
    t.asset("Staff/notes.png", json!({"5": "Planning board"}));
    let comments = 120;
    let tenant = Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "users,comments"],
        |options| {
            options.latency_ms = 20;
            options.users = fotoweb_double::accounts::sample().0;
            options.comments = (1..=comments)
                .map(|id| fotoweb_double::accounts::SeedComment {
                    id,
                    asset: "Staff/notes.png".to_owned(),
                    owner: "Jane Doe".to_owned(),
                    text: format!("Note {id}"),
                })
                .collect();
        },
    );
    let case = tenant.open_case("erasure", JANE);
    let journal = tenant.case_dir(&case).join("erase-journal.jsonl");
    let mut child = tenant
        .dsr(["erase", &case, "--yes", "--authored-comments", "anonymise"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dsr starts");
    loop {
        let states = crate::erase::journal_states(&journal);
        let done = states.values().filter(|e| *e == "done").count();
        if done >= 10 && states.values().any(|e| e == "intent") {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    let done_at_kill = crate::erase::journal_states(&journal)
        .values()
        .filter(|e| *e == "done")
        .count();
    assert!(done_at_kill < comments as usize + 1, "killed midway");

    let resumed = tenant
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run()
        .json();
    let outcomes = per_asset(&resumed["report"]["steps"], "outcome");
    assert_eq!(outcomes.len(), comments as usize + 1, "{resumed:#}");
    assert!(outcomes.values().all(|o| o == "verified"), "{resumed:#}");

    let double = tenant.double();
    let mut changes: BTreeMap<String, usize> = BTreeMap::new();
    for r in double
        .requests()
        .iter()
        .filter(|r| (r.method == "PUT" || r.method == "DELETE") && r.status < 300)
    {
        *changes.entry(r.path.clone()).or_default() += 1;
    }
    assert_eq!(changes.len(), comments as usize + 1, "{changes:#?}");
    assert!(
        changes.values().all(|n| *n == 1),
        "no comment or account changed twice: {changes:#?}"
    );
    for id in 1..=comments {
        assert_eq!(
            double.comment("Staff/notes.png", id),
            Some(("[former user]".to_owned(), format!("Note {id}")))
        );
    }
    assert_eq!(double.user(15010), None);
    let receipt = tenant.t.latest_receipt(&case);
    assert_eq!(
        receipt["assets"].as_array().map(Vec::len),
        Some(comments as usize + 1),
        "{receipt:#}"
    );
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
}

#[test]
fn the_access_package_and_the_portable_zip_hold_her_account_and_comments() {
    let tenant = tenant(|_| {});
    tenant.t.fill_ropa("acme");
    let case = tenant.open_case("access", JANE);
    tenant
        .dsr(["case", "review", &case, "--include", MENTION])
        .run();
    let out = tenant.t.path("package");
    tenant.dsr(["access", &case, "--out"]).arg(&out).run();
    let data: Value =
        serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data.json"))
            .expect("data.json is JSON");
    let mut ids: Vec<&str> = data["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    ids.sort();
    assert_eq!(ids, [HER_COMMENT, MENTION, ACCOUNT]);
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    let account = html
        .find("<h2>Your account</h2>")
        .expect("a section for her account");
    let comments = html
        .find("<h2>Your comments</h2>")
        .expect("a section for her comments");
    assert!(account < comments);
    assert!(html[account..comments].contains("jane.doe@example.com"));
    assert!(html[comments..].contains("Please crop me out of this one."));
    assert!(
        !html.contains("Ola Nordmann"),
        "the author of the comment naming her is another person"
    );
    assert!(!html.contains("We hold no data about you"));

    let case = tenant.open_case("portability", JANE);
    let zip = tenant.t.path("portable.zip");
    tenant.dsr(["portability", &case, "--out"]).arg(&zip).run();
    let entries = crate::access::unzip_entries(&zip);
    let account: Value = serde_json::from_slice(
        entries
            .get("originals/users/user-15010.json")
            .unwrap_or_else(|| panic!("her account as JSON: {:?}", entries.keys())),
    )
    .expect("JSON");
    assert_eq!(
        account["fields"]["user.email"],
        json!("jane.doe@example.com")
    );
}

#[test]
fn tenant_check_lists_each_kind_of_record_with_the_permission_it_needs() {
    let tenant = tenant(|options| {
        options.permissions.retain(|p| p != "Comment");
    });
    let checked = tenant.dsr(["tenant", "check", "-o", "json"]).run().json();
    let store = &checked["store"];
    assert_eq!(
        store["user accounts: read"],
        json!("yes (3 accounts)"),
        "{checked:#}"
    );
    assert!(
        store["user accounts: change, delete"]
            .as_str()
            .is_some_and(|s| s.contains("user management")),
        "{checked:#}"
    );
    assert_eq!(store["comments: read (View)"], json!("yes"), "{checked:#}");
    assert_eq!(
        store["comments: change, delete (Comment)"],
        json!("NO"),
        "{checked:#}"
    );
    let table = tenant.dsr(["tenant", "check"]).run();
    assert!(
        table.stdout.contains("comments: change, delete (Comment)"),
        "{}",
        table.dump()
    );
}

#[test]
fn rectification_corrects_the_name_and_e_mail_on_her_account() {
    let tenant = tenant(|_| {});
    let case = tenant.open_case(
        "rectification",
        &["--name", "Jane Doe", "--email", "jane.doe@example.com"],
    );
    for (from, to) in [
        ("Jane Doe", "Jane Roe"),
        ("jane.doe@example.com", "jane.roe@example.com"),
    ] {
        let done = tenant
            .dsr([
                "rectify",
                &case,
                "--replace",
                from,
                "--with",
                to,
                "--yes",
                "-o",
                "json",
            ])
            .run()
            .json();
        let outcomes = per_asset(&done["report"]["steps"], "outcome");
        assert_eq!(
            outcomes.get(ACCOUNT).map(String::as_str),
            Some("verified"),
            "{done:#}"
        );
    }
    let account = tenant.double().user(15010).expect("kept");
    assert_eq!(account["fullName"], json!("Jane Roe"), "{account:#}");
    assert_eq!(
        account["address"]["givenName"],
        json!("Jane"),
        "{account:#}"
    );
    assert_eq!(account["address"]["surname"], json!("Roe"), "{account:#}");
    assert_eq!(
        account["address"]["email"],
        json!("jane.roe@example.com"),
        "{account:#}"
    );
    assert_eq!(
        account["username"],
        json!("jdoe"),
        "the login is not a name"
    );
    assert_eq!(
        tenant.double().comment("Staff/shared.png", 1).map(|c| c.0),
        Some("Jane Roe".to_owned()),
        "the author of her comment is corrected too"
    );
}

#[test]
fn a_flaky_server_never_turns_a_record_into_an_unverified_success() {
    let tenant = tenant(|_| {});
    let case = jane_case(&tenant);
    let double = tenant.double();
    double.set_fail_rate(0.3);
    double.set_drop_rate(0.1);
    let out = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .env("DSR_TIMEOUT", "20")
        .any_status()
        .run();
    double.set_fail_rate(0.0);
    double.set_drop_rate(0.0);
    assert!(
        [0, 3].contains(&out.status),
        "erase ended with {}\n{}",
        out.status,
        out.dump()
    );
    let outcomes = per_asset(&out.json()["report"]["steps"], "outcome");
    assert!(
        outcomes.values().all(|o| o == "verified" || o == "failed"),
        "{outcomes:?}"
    );
    assert_eq!(out.status == 0, outcomes.values().all(|o| o == "verified"));
    // What locate finds afresh is exactly what the run did not report erased.
    tenant.dsr(["sync", "-o", "json"]).run();
    let left: Vec<String> = found(&tenant.dsr(["locate"]).args(JANE).hits())
        .into_keys()
        .collect();
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|(_, o)| *o == "failed")
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(left, failed, "{}", out.dump());
    let requests = double.requests();
    assert!(
        requests.iter().any(|r| r.status >= 500),
        "the double failed some requests"
    );
}
