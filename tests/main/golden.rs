//! The plan JSON pinned byte for byte: plan hashes are stored in journals and signed
//! receipts, so a plan written by a later version for the same tenant must hash the same.
//! An erasure and a rectification of one scenario, on both platforms, are each compared
//! with a committed file; only what changes from run to run (the case id, which holds the
//! date, and each asset's version marker) is replaced before comparing.
//!
//! A deliberate change of the plan format updates the files with `DSR_BLESS=1` and, since
//! it changes every plan hash, needs a new `PLAN_FORMAT`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::support::Test;
use crate::tenants::{JANE, Kind, Tenant};

/// Jane Doe deleted where she is the only person, scrubbed where others are too, shown
/// beside another person on one photo, reviewed in on an asset holding nothing of her (left
/// for a person), and other people left alone.
fn scenario(t: &Test) {
    t.asset(
        "Press/byline.png",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"], "5": "Harbour at dawn", "25": ["harbour", "dawn"]}),
    );
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Jane Doe", "Ola Nordmann"], "80": ["Kari Nordmann"], "5": "Board meeting"}),
    );
    t.asset(
        "Events/caption.png",
        json!({"120": "Jane Doe presents the budget with Ola Nordmann.", "80": ["Kari Nordmann"], "5": "Budget day"}),
    );
    t.asset(
        "Staff/upload.png",
        json!({"360": "jdoe", "361": "Jane Doe", "5": "Office plants"}),
    );
    t.asset(
        "Staff/portrait.png",
        json!({"368": ["Jane Doe"], "309": ["+47 912 34 567"], "5": "Portrait"}),
    );
    t.asset(
        "Staff/ola.png",
        json!({"368": ["Ola Nordmann"], "308": ["ola.nordmann@example.com"]}),
    );
    t.asset("Events/crowd.png", json!({"5": "Crowd at the fair"}));
}

/// A case for `right` on Jane Doe with the caption (a medium match) and a photo holding
/// nothing of her reviewed in.
fn case(tenant: &Tenant, right: &str) -> String {
    let case = tenant.open_case(right, JANE);
    tenant
        .dsr(["case", "review", &case, "--include", "Events/caption.png"])
        .run();
    tenant
        .dsr([
            "case",
            "review",
            &case,
            "--include",
            "Events/crowd.png",
            "--reason",
            "she is the woman in the red coat",
        ])
        .run();
    case
}

/// The JSON without the whitespace `to_vec_pretty` adds: the bytes the plan hash covers.
fn compact(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The plan kept in the case folder after a run, checked against the hash the run
/// reported, with the case id and version markers replaced.
fn kept_plan(tenant: &Tenant, case: &str, stem: &str, reported: &Value) -> String {
    let path = tenant.case_dir(case).join(format!("{stem}-plan.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert_eq!(
        reported.as_str(),
        Some(sha256(compact(&text).as_bytes()).as_str()),
        "the plan hash is the SHA-256 of the plan's compact JSON"
    );
    let plan: Value = serde_json::from_str(&text).expect("a plan is JSON");
    let mut normal = text.replace(case, "CASE");
    for step in plan["steps"].as_array().expect("steps") {
        if let Some(version) = step["version"].as_str() {
            normal = normal.replace(&format!("\"{version}\""), "\"VERSION\"");
        }
    }
    normal
}

/// Compares `plan` and its hash with the committed file `name` (with `DSR_BLESS=1`,
/// writes it instead).
fn pinned(name: &str, plan: &str) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/main/golden")
        .join(name);
    let hashed = format!("{plan}\nsha256 {}\n", sha256(compact(plan).as_bytes()));
    if std::env::var_os("DSR_BLESS").is_some() {
        std::fs::write(&path, &hashed).expect("write the golden file");
        return;
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        committed == hashed,
        "the plan differs from {} byte for byte: plan hashes in journals and receipts would change.\nnow:\n{hashed}",
        path.display()
    );
}

fn platform(kind: Kind) -> &'static str {
    match kind {
        Kind::Dir => "dir",
        Kind::Fotoweb => "fotoweb",
        // The object stores share dir's planning: their plans are not pinned apart.
        Kind::Objects | Kind::S3 | Kind::S3Versioned | Kind::Azure => {
            unreachable!("plans pinned on dir and fotoweb")
        }
    }
}

fn erase_plan_is_pinned(kind: Kind) {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = case(&tenant, "erasure");
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    let plan = kept_plan(&tenant, &case, "erase", &done["sha256"]);
    pinned(&format!("erase.{}.json", platform(kind)), &plan);

    // The controller's decision on images shown with others is part of the plan.
    let kept = case_kept(&tenant);
    let done = tenant
        .dsr([
            "erase",
            &kept,
            "--strategy",
            "scrub",
            "--shown-with-others",
            "keep",
            "--reason",
            "group photo kept for the archive",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .json();
    let plan = kept_plan(&tenant, &kept, "erase", &done["sha256"]);
    pinned(&format!("erase-keep.{}.json", platform(kind)), &plan);
}

/// A second erasure case on the same tenant, for Ola Nordmann.
fn case_kept(tenant: &Tenant) -> String {
    tenant.open_case(
        "erasure",
        &[
            "--name",
            "Ola Nordmann",
            "--email",
            "ola.nordmann@example.com",
        ],
    )
}

fn rectify_plan_is_pinned(kind: Kind) {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = case(&tenant, "rectification");
    let done = tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "Jane Doe",
            "--with",
            "Jane Roe",
            "--field",
            "80,120,368",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .json();
    let plan = kept_plan(&tenant, &case, "rectify", &done["sha256"]);
    pinned(&format!("rectify-replace.{}.json", platform(kind)), &plan);

    let done = tenant
        .dsr([
            "rectify",
            &case,
            "--set",
            "308=jane.roe@example.com",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .json();
    let plan = kept_plan(&tenant, &case, "rectify", &done["sha256"]);
    pinned(&format!("rectify-set.{}.json", platform(kind)), &plan);
}

#[test]
fn erase_plan_is_pinned_on_dir() {
    erase_plan_is_pinned(Kind::Dir);
}

#[test]
fn erase_plan_is_pinned_on_fotoweb() {
    erase_plan_is_pinned(Kind::Fotoweb);
}

#[test]
fn rectify_plan_is_pinned_on_dir() {
    rectify_plan_is_pinned(Kind::Dir);
}

#[test]
fn rectify_plan_is_pinned_on_fotoweb() {
    rectify_plan_is_pinned(Kind::Fotoweb);
}
