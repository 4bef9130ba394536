//! Erasure and rectification never claim what they did not do: what review put in is acted
//! on whatever its confidence, every field dsr may change is changed and the others are
//! named, a photo of the subject alone is deleted while a photo of her with others is never
//! called clean, and the summary, the receipt and a fresh locate agree (the `agreement`
//! check runs after every erase and rectify of these tests too).

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{Kind, Tenant};

const SUBJECT: [&str; 4] = [
    "--name",
    "Jane Kierkegaard",
    "--email",
    "jane.k@example.com",
];

/// A byline of hers (high), a misspelt byline (medium), her initials as a byline and in a
/// caption (low), and someone's initials that review leaves out.
fn reviewed_in(t: &Test) {
    t.asset(
        "Press/byline.png",
        json!({"80": ["Jane Kierkegaard"], "308": ["jane.k@example.com"], "5": "Harbour"}),
    );
    t.asset(
        "Press/typo.png",
        json!({"80": ["Jane Kirkegaard"], "5": "Harbour at night"}),
    );
    t.asset(
        "Events/award.png",
        json!({"80": ["J. Kierkegaard"], "368": ["Åse Kjær"], "5": "Award night"}),
    );
    t.asset(
        "Events/caption.png",
        json!({"120": "Åse Kjær with J. Kierkegaard at the award.", "368": ["Åse Kjær"]}),
    );
    t.asset(
        "Staff/other.png",
        json!({"80": ["J. Kierkegaard"], "368": ["Ola Nordmann"], "5": "Jens at work"}),
    );
}

const INCLUDED: [&str; 3] = ["Press/typo.png", "Events/award.png", "Events/caption.png"];

fn review(tenant: &Tenant, case: &str) {
    let mut args = vec!["case", "review", case];
    for id in INCLUDED {
        args.extend(["--include", id]);
    }
    tenant.dsr(args).run();
}

fn receipt_outcomes(tenant: &Tenant, case: &str) -> std::collections::BTreeMap<String, String> {
    tenant.t.latest_receipt(case)["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|a| {
            (
                a["asset"].as_str().expect("an id").to_owned(),
                a["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect()
}

fn low_locate(tenant: &Tenant) -> Vec<String> {
    tenant
        .dsr(["locate", "--min-confidence", "low"])
        .args(SUBJECT)
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().expect("an id").to_owned())
        .collect()
}

fn erases_what_review_put_in(kind: Kind) {
    let t = Test::new();
    reviewed_in(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = tenant.open_case("erasure", &SUBJECT);
    review(&tenant, &case);
    let dry = tenant
        .dsr(["erase", &case, "--dry-run", "-o", "json"])
        .run()
        .json();
    for step in dry["plan"]["steps"].as_array().expect("steps") {
        assert_eq!(step["action"], "scrub", "{dry:#}");
    }
    tenant.dsr(["erase", &case, "--yes"]).run();

    for id in ["Press/byline.png", "Press/typo.png", "Events/award.png"] {
        let metadata = tenant.metadata(id).expect("scrubbed, not deleted");
        assert_eq!(metadata.get("80"), None, "{id}: {metadata:?}");
    }
    assert_eq!(
        tenant.metadata("Events/award.png").expect("kept")["368"],
        json!(["Åse Kjær"])
    );
    assert_eq!(
        tenant.metadata("Events/caption.png").expect("kept")["120"],
        json!("Åse Kjær with [redacted] at the award.")
    );
    assert_eq!(
        tenant.metadata("Staff/other.png").expect("untouched")["80"],
        json!(["J. Kierkegaard"]),
        "review left this one out"
    );
    let outcomes = receipt_outcomes(&tenant, &case);
    for id in INCLUDED.iter().chain(&["Press/byline.png"]) {
        assert_eq!(outcomes[*id], "scrubbed", "{id}: {outcomes:?}");
    }
    assert_eq!(low_locate(&tenant), ["Staff/other.png"]);
}

#[test]
fn what_review_put_in_is_erased_on_dir() {
    erases_what_review_put_in(Kind::Dir);
}

#[test]
fn what_review_put_in_is_erased_through_fotoweb() {
    erases_what_review_put_in(Kind::Fotoweb);
}

fn rectifies_what_review_put_in(kind: Kind) {
    let t = Test::new();
    reviewed_in(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = tenant.open_case("rectification", &SUBJECT);
    review(&tenant, &case);
    tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "Jane Kierkegaard",
            "--with",
            "Jane Roe",
        ])
        .arg("--yes")
        .run();
    for id in ["Press/byline.png", "Press/typo.png", "Events/award.png"] {
        assert_eq!(
            tenant.metadata(id).expect("kept")["80"],
            json!(["Jane Roe"]),
            "{id}"
        );
    }
    assert_eq!(
        tenant.metadata("Events/caption.png").expect("kept")["120"],
        json!("Åse Kjær with Jane Roe at the award.")
    );
    assert_eq!(
        tenant.metadata("Staff/other.png").expect("untouched")["80"],
        json!(["J. Kierkegaard"])
    );
    let outcomes = receipt_outcomes(&tenant, &case);
    for id in INCLUDED {
        assert_eq!(outcomes[id], "rectified", "{id}: {outcomes:?}");
    }
}

#[test]
fn what_review_put_in_is_rectified_on_dir() {
    rectifies_what_review_put_in(Kind::Dir);
}

#[test]
fn what_review_put_in_is_rectified_through_fotoweb() {
    rectifies_what_review_put_in(Kind::Fotoweb);
}

/// Through FotoWeb the uploader fields (360, 361) cannot be written: everything else of hers
/// on that asset is scrubbed, the asset is reported for a person, and the summary counts it
/// among the assets a locate still finds.
#[test]
fn a_read_only_field_leaves_the_rest_scrubbed_and_the_asset_named() {
    let t = Test::new();
    t.asset(
        "Staff/board.png",
        json!({
            "360": "jdoe", "361": "Jane Doe",
            "368": ["Jane Doe", "Ola Nordmann"], "80": ["Jane Doe"],
            "308": ["jane.doe@example.com"],
            "120": "Jane Doe presents the budget with Ola Nordmann.",
            "5": "Board meeting"
        }),
    );
    t.asset("Staff/ola.png", json!({"368": ["Ola Nordmann"]}));
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |_| {});
    let jane = [
        "--name",
        "Jane Doe",
        "--email",
        "jane.doe@example.com",
        "--login",
        "jdoe",
    ];
    let case = tenant.open_case("erasure", &jane);
    let out = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run();
    let doc = out.json();
    let step = &doc["report"]["steps"][0];
    assert_eq!(step["outcome"], "manual", "{doc:#}");
    assert!(
        step["detail"]
            .as_str()
            .is_some_and(|d| d.contains("360") && d.contains("361")),
        "{doc:#}"
    );
    let board = tenant.metadata("Staff/board.png").expect("kept");
    assert_eq!(board["368"], json!(["Ola Nordmann"]));
    assert_eq!(board.get("80"), None);
    assert_eq!(board.get("308"), None);
    assert_eq!(
        board["120"],
        json!("[redacted] presents the budget with Ola Nordmann.")
    );
    assert_eq!(board["360"], json!("jdoe"), "read-only: left for a person");
    assert_eq!(doc["report"]["remaining"], json!(["Staff/board.png"]));
    assert!(
        out.stderr
            .contains("a locate now finds the subject in 1 asset(s)"),
        "{}",
        out.dump()
    );
    assert_eq!(
        receipt_outcomes(&tenant, &case)["Staff/board.png"],
        "manual"
    );
}

fn photos_of_her(t: &Test) {
    // The photographer and the uploader are not people shown in the picture.
    t.asset(
        "Staff/portrait.png",
        json!({"368": ["Jane Doe"], "80": ["Kari Nordmann"], "5": "Staff portrait",
               "120": "Portrait of Jane Doe for the staff page."}),
    );
    t.asset(
        "Staff/team.png",
        json!({"368": ["Jane Doe", "Ola Nordmann"], "80": ["Kari Nordmann"], "5": "Team"}),
    );
}

fn photos(kind: Kind) {
    let t = Test::new();
    photos_of_her(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let out = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run();
    let doc = out.json();
    let outcome = |id: &str| -> Value {
        doc["report"]["steps"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["asset"] == id))
            .map(|s| s["outcome"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(outcome("Staff/portrait.png"), "verified", "{doc:#}");
    assert_eq!(tenant.metadata("Staff/portrait.png"), None, "deleted");
    assert_eq!(outcome("Staff/team.png"), "image-still-shows-subject");
    assert_eq!(
        tenant.metadata("Staff/team.png").expect("kept")["368"],
        json!(["Ola Nordmann"])
    );
    assert!(
        out.stderr
            .contains("dsr: not done: Staff/team.png (image-still-shows-subject)"),
        "{}",
        out.dump()
    );
    let outcomes = receipt_outcomes(&tenant, &case);
    assert_eq!(outcomes["Staff/portrait.png"], "deleted");
    assert_eq!(outcomes["Staff/team.png"], "image-still-shows-subject");

    // A second run remembers that the photo shows her, though its metadata no longer says
    // so, and deletes it when asked to.
    let again = tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "delete"])
        .run();
    assert_eq!(tenant.metadata("Staff/team.png"), None, "{}", again.dump());
    assert_eq!(
        receipt_outcomes(&tenant, &case)["Staff/team.png"],
        "deleted"
    );
}

#[test]
fn a_photo_of_her_alone_is_deleted_and_one_with_others_is_never_clean_on_dir() {
    photos(Kind::Dir);
}

#[test]
fn a_photo_of_her_alone_is_deleted_and_one_with_others_is_never_clean_through_fotoweb() {
    photos(Kind::Fotoweb);
}

#[test]
fn keeping_photos_with_others_needs_a_reason_and_is_recorded() {
    let t = Test::new();
    photos_of_her(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let refused = tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "keep"])
        .status(2)
        .run();
    assert!(refused.stderr.contains("--reason"), "{}", refused.dump());
    assert!(
        tenant.metadata("Staff/portrait.png").is_some(),
        "nothing done"
    );
    tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "keep"])
        .args(["--reason", "the team photo stays on the intranet"])
        .run();
    let receipt = tenant.t.latest_receipt(&case);
    let team = receipt["assets"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["asset"] == "Staff/team.png"))
        .expect("listed")
        .clone();
    assert_eq!(team["outcome"], "image-still-shows-subject");
    assert!(
        team["evidence"]
            .as_str()
            .is_some_and(|e| e.contains("the team photo stays on the intranet")),
        "{team}"
    );
    assert!(tenant.metadata("Staff/team.png").is_some());
}

/// A change the read-back calls done while a locate still finds the subject is not done:
/// the step is reported unverified and the run ends 3. Here the index is told of a value
/// the platform does not hold by another asset written after the plan.
#[test]
fn the_subject_found_elsewhere_after_the_run_makes_it_partial() {
    let t = Test::new();
    photos_of_her(&t);
    t.asset("Press/byline.png", json!({"80": ["Jane Doe"]}));
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    // After the case was opened, a new asset holding her appears and is synced.
    tenant
        .t
        .asset("Events/new.png", json!({"120": "Jane Doe at the fair."}));
    tenant.dsr(["sync"]).run();
    let out = tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "delete"])
        .status(3)
        .run();
    assert!(
        out.stderr.contains("dsr: not done: Events/new.png"),
        "{}",
        out.dump()
    );
    let outcomes = receipt_outcomes(&tenant, &case);
    assert_eq!(outcomes["Events/new.png"], "unverified", "{outcomes:?}");
}

/// Whatever would stop the receipt is found before the platform changes: text naming the
/// subject that would go into it (the case's verified-by text, a --reason), or a signing
/// key that cannot be unlocked. The tenant is left exactly as it was (exit 2).
#[test]
fn what_would_stop_the_receipt_stops_the_run_before_any_change() {
    let t = Test::new();
    photos_of_her(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let before = tenant.everything();

    let refused = tenant
        .dsr(["case", "open", "--right", "erasure", "--name", "Jane Doe"])
        .args(["--verified-by", "Jane Doe's passport seen at reception"])
        .status(2)
        .run();
    assert!(refused.stderr.contains("verified-by"), "{}", refused.dump());
    assert!(!refused.stderr.contains("Jane Doe's"), "{}", refused.dump());

    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let refused = tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "keep"])
        .args(["--reason", "Jane Doe agreed to keep the team photo"])
        .status(2)
        .run();
    assert!(refused.stderr.contains("--reason"), "{}", refused.dump());
    assert_eq!(tenant.everything(), before, "nothing changed");

    // A case opened by an older dsr that let such a text in.
    let file = tenant.case_dir(&case).join("case.json");
    let mut stored: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the case")).expect("JSON");
    stored["verified_by"] = json!("passport of Jane Doe");
    std::fs::write(&file, serde_json::to_vec(&stored).expect("JSON")).expect("written");
    let refused = tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "delete"])
        .status(2)
        .run();
    assert!(refused.stderr.contains("verified-by"), "{}", refused.dump());
    assert_eq!(tenant.everything(), before, "nothing changed");

    // A passphrase-protected key, and neither the passphrase nor a terminal to ask in.
    stored["verified_by"] = json!("passport seen at reception");
    std::fs::write(&file, serde_json::to_vec(&stored).expect("JSON")).expect("written");
    tenant
        .dsr(["keys", "generate", "--force"])
        .env("DSR_KEY_PASSPHRASE", "correct horse battery")
        .run();
    let refused = tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "delete"])
        .status(2)
        .run();
    assert!(refused.stderr.contains("passphrase"), "{}", refused.dump());
    assert_eq!(tenant.everything(), before, "nothing changed");
    tenant
        .dsr(["erase", &case, "--yes", "--shown-with-others", "delete"])
        .env("DSR_KEY_PASSPHRASE", "correct horse battery")
        .run();
    assert_eq!(tenant.metadata("Staff/team.png"), None);
}
