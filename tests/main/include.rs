//! `case review --include` of an asset the search did not find: kept with its reason, put
//! into the access package, left to a person by an erasure that finds nothing on it.

use serde_json::json;

use crate::support::Test;
use crate::tenants::{Kind, Tenant};

/// Why the person put the team photo in; it does not name her.
const REASON: &str = "shown in the photo, not named in its metadata";

/// Jane Doe's assets, with a team photo the matcher cannot find her in: it names someone
/// else only.
fn assets(t: &Test) {
    t.asset(
        "Staff/board.png",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.asset(
        "Staff/team.png",
        json!({"368": ["Ola Nordmann"], "120": "Ola Nordmann and the team at the summer party."}),
    );
}

/// [`assets`] on the `dir` platform, synced, its record of processing filled in.
fn tenant() -> Test {
    let t = Test::new();
    assets(&t);
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t.fill_ropa("acme");
    t
}

fn open(t: &Test, right: &str) -> String {
    t.dsr(["case", "open", "--right", right, "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned()
}

fn include(t: &Test, id: &str) {
    t.dsr([
        "case",
        "review",
        id,
        "--include",
        "Staff/team.png",
        "--reason",
        REASON,
    ])
    .run();
}

#[test]
fn an_asset_included_by_hand_is_kept_with_its_reason_across_reviews() {
    let t = tenant();
    let id = open(&t, "access");
    include(&t, &id);
    // A later review searches again; the asset it does not find stays in.
    t.dsr(["case", "review", &id, "--include", "Staff/board.png"])
        .run();
    let shown = t.dsr(["case", "show", &id]).run();
    assert!(
        shown.stdout.contains("Staff/team.png") && shown.stdout.contains(REASON),
        "{}",
        shown.dump()
    );
    let case = t.dsr(["case", "show", &id, "-o", "json"]).run().json();
    let manual = &case["review"]["manual"]["Staff/team.png"];
    assert_eq!(manual["reason"], REASON, "{case:#}");
    assert!(
        manual["at"].is_string() && manual["by"].is_string(),
        "{case:#}"
    );
    let list = t.dsr(["case", "list", "-o", "json"]).run().json();
    assert_eq!(list[0]["reviewed"], 2, "board and team are in: {list:#}");

    // Taken out again, it leaves the case: nothing of it was ever a match.
    t.dsr(["case", "review", &id, "--exclude", "Staff/team.png"])
        .run();
    let case = t.dsr(["case", "show", &id, "-o", "json"]).run().json();
    assert!(case["review"].get("manual").is_none(), "{case:#}");
    assert!(
        !case["matches"].to_string().contains("Staff/team.png"),
        "{case:#}"
    );
}

#[test]
fn including_a_non_match_needs_a_reason_that_does_not_name_the_subject() {
    let t = tenant();
    let id = open(&t, "access");
    let out = t
        .dsr(["case", "review", &id, "--include", "Staff/team.png"])
        .status(2)
        .run();
    assert!(out.error().contains("--reason"), "{}", out.dump());
    let out = t
        .dsr([
            "case",
            "review",
            &id,
            "--include",
            "Staff/team.png",
            "--reason",
            "Jane Doe is in it",
        ])
        .status(2)
        .run();
    assert!(
        out.error().contains("names the data subject"),
        "{}",
        out.dump()
    );
    let case = t.dsr(["case", "show", &id, "-o", "json"]).run().json();
    assert!(case["review"].get("manual").is_none(), "{case:#}");
}

#[test]
fn including_an_asset_the_platform_does_not_have_is_refused_by_name() {
    let t = tenant();
    let id = open(&t, "access");
    let out = t
        .dsr([
            "case",
            "review",
            &id,
            "--include",
            "Staff/nowhere.png",
            "--reason",
            REASON,
        ])
        .status(2)
        .run();
    assert!(
        out.error().contains("Staff/nowhere.png") && out.error().contains("does not exist"),
        "{}",
        out.dump()
    );
}

/// The team photo is left to a person on both platforms, and nothing of it changes.
fn an_erasure_leaves_an_asset_included_by_hand_to_a_person(kind: Kind) {
    let t = Test::new();
    assets(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let team_before = tenant.metadata("Staff/team.png");
    let id = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    tenant
        .dsr([
            "case",
            "review",
            &id,
            "--include",
            "Staff/team.png",
            "--reason",
            REASON,
        ])
        .run();
    let done = tenant
        .dsr(["erase", &id, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    let steps = done["report"]["steps"].as_array().expect("report steps");
    let team = steps
        .iter()
        .find(|s| s["asset"] == "Staff/team.png")
        .expect("the team photo is in the report");
    assert_eq!(team["action"], "manual", "{done:#}");
    assert_eq!(team["outcome"], "manual", "{done:#}");
    let detail = team["detail"].as_str().expect("a detail");
    assert!(
        detail.contains(&format!("included by review: {REASON}"))
            && detail.contains("edit or delete it by hand"),
        "{done:#}"
    );
    let board = steps
        .iter()
        .find(|s| s["asset"] == "Staff/board.png")
        .expect("the board photo is in the report");
    assert_eq!(board["outcome"], "verified", "{done:#}");
    assert_eq!(
        tenant.metadata("Staff/team.png"),
        team_before,
        "left for a person"
    );
    let receipt = tenant.t.latest_receipt(&id);
    let item = receipt["assets"]
        .as_array()
        .expect("receipt assets")
        .iter()
        .find(|a| a["asset"] == "Staff/team.png")
        .expect("the receipt names the team photo");
    assert_eq!(item["outcome"], "manual", "never clean: {receipt:#}");
    assert!(!receipt.to_string().contains("Jane Doe"), "{receipt}");
}

#[test]
fn an_erasure_leaves_an_asset_included_by_hand_to_a_person_on_dir() {
    an_erasure_leaves_an_asset_included_by_hand_to_a_person(Kind::Dir);
}

#[test]
fn an_erasure_leaves_an_asset_included_by_hand_to_a_person_through_fotoweb() {
    an_erasure_leaves_an_asset_included_by_hand_to_a_person(Kind::Fotoweb);
}

#[test]
fn access_and_portability_show_an_asset_included_by_hand_as_judged_theirs() {
    let t = tenant();
    let id = open(&t, "access");
    include(&t, &id);
    let out = t.path("package");
    t.dsr(["access", &id, "--out"]).arg(&out).run();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data.json"))
            .expect("data.json is JSON");
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data.schema.json")).expect("the schema"))
            .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "data.json breaks its schema: {errors:?}");
    let team = data["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .find(|a| a["id"] == "Staff/team.png")
        .unwrap_or_else(|| panic!("the team photo is in the package: {data:#}"));
    assert_eq!(team["judged_by_review"], true, "{team:#}");
    let values = team["fields"].to_string();
    assert!(
        values.contains("[another person]") && values.contains("the team at the summer party"),
        "what it holds, everyone else redacted: {team:#}"
    );
    assert!(!data.to_string().contains("Ola Nordmann"), "{data:#}");
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(
        html.contains("a person handling your request judged that it concerns you"),
        "{html}"
    );

    let portable = open(&t, "portability");
    include(&t, &portable);
    let zip = t.path("portable.zip");
    t.dsr(["portability", &portable, "--out"]).arg(&zip).run();
    let entries = crate::access::unzip_entries(&zip);
    let metadata: serde_json::Value =
        serde_json::from_slice(&entries["metadata.json"]).expect("metadata");
    let team = metadata["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .find(|a| a["id"] == "Staff/team.png")
        .unwrap_or_else(|| panic!("the team photo is in the archive: {metadata:#}"));
    assert_eq!(team["judged_by_review"], true, "{team:#}");
    assert!(
        !metadata.to_string().contains("Ola Nordmann"),
        "{metadata:#}"
    );
}
