//! `dsr restrict`: Art. 18 restriction on both platforms — the subject's reviewed assets
//! marked in the tenant's restriction field and nothing else changed, a confirmation
//! refused without a terminal, the read-back, a receipt `dsr receipt verify` and stock
//! ssh-keygen accept, the mark lifted again, a tenant without a restriction field refused.

use std::process::{Command, Stdio};

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{JANE, Kind, Tenant};

/// The field the tests' tenant marks restricted assets in, and its value.
const FIELD: &str = "25";
const MARK: &str = "gdpr-restricted";

/// Jane Doe is byline on one asset (keywords already there), shown on another with Ola
/// Nordmann; Ola has an asset of his own.
fn scenario(t: &Test) {
    t.asset(
        "Press/byline.png",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"], "25": ["harbour", "dawn"]}),
    );
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Jane Doe", "Ola Nordmann"], "5": "Board meeting"}),
    );
    t.asset(
        "Staff/ola.png",
        json!({"368": ["Ola Nordmann"], "308": ["ola.nordmann@example.com"]}),
    );
}

fn restricting_tenant(kind: Kind) -> Tenant {
    let t = Test::new();
    scenario(&t);
    Tenant::new(
        t,
        kind,
        &["--restriction-field", FIELD, "--restriction-value", MARK],
        |_| {},
    )
}

fn marks(tenant: &Tenant, id: &str) -> Vec<String> {
    let metadata = tenant.metadata(id).expect("the asset is kept");
    match metadata.get(FIELD) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// Checks the receipt with `dsr receipt verify` and, when it is installed, stock ssh-keygen.
fn receipt_verifies(tenant: &Tenant, receipt: &str) {
    tenant.dsr(["receipt", "verify", receipt]).run();
    if Command::new("ssh-keygen").arg("-?").output().is_err() {
        return;
    }
    let signers = tenant.t.tmp().join("allowed_signers");
    let shown = tenant.dsr(["keys", "show"]).run();
    std::fs::write(&signers, shown.stdout).expect("write allowed_signers");
    let out = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(&signers)
        .args(["-I", "dsr", "-n", "dsr-receipt", "-s"])
        .arg(format!("{receipt}.sig"))
        .stdin(Stdio::from(
            std::fs::File::open(receipt).expect("the receipt"),
        ))
        .output()
        .expect("ssh-keygen runs");
    assert!(
        out.status.success(),
        "ssh-keygen: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn restricts_and_lifts(kind: Kind) {
    let tenant = restricting_tenant(kind);
    let ola = tenant.metadata("Staff/ola.png");
    let case = tenant.open_case("restriction", JANE);
    let found = tenant.dsr(["locate"]).args(JANE).hits();

    // Without a terminal and without --yes nothing changes.
    let refused = tenant.dsr(["restrict", &case]).status(4).run();
    assert!(
        refused.stderr.contains("dsr: refused:"),
        "{}",
        refused.dump()
    );
    assert!(marks(&tenant, "Staff/shared.png").is_empty());

    let dry = tenant
        .dsr(["restrict", &case, "--dry-run", "-o", "json"])
        .run()
        .json();
    assert_eq!(dry["plan"]["intent"]["operation"], "restriction", "{dry:#}");
    assert_eq!(dry["plan"]["intent"]["field"], FIELD);
    let steps = dry["plan"]["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 2, "{dry:#}");
    assert!(steps.iter().all(|s| s["action"] == "restrict"), "{dry:#}");
    assert!(
        marks(&tenant, "Staff/shared.png").is_empty(),
        "a dry run changes nothing"
    );

    let done = tenant
        .dsr(["restrict", &case, "--yes", "-o", "json"])
        .run()
        .json();
    assert_eq!(
        done["sha256"], dry["sha256"],
        "the plan carried out is the one shown"
    );
    let outcomes = done["report"]["steps"].as_array().expect("report steps");
    assert!(
        outcomes.iter().all(|s| s["outcome"] == "verified"),
        "{done:#}"
    );
    assert_eq!(
        marks(&tenant, "Press/byline.png"),
        ["harbour", "dawn", MARK]
    );
    assert_eq!(marks(&tenant, "Staff/shared.png"), [MARK]);
    assert_eq!(tenant.metadata("Staff/ola.png"), ola, "Ola is left alone");
    let byline = tenant.metadata("Press/byline.png").expect("kept");
    assert_eq!(
        byline["80"],
        json!(["Jane Doe"]),
        "her data stays where it is"
    );

    let receipts = tenant.case_dir(&case).join("receipts");
    let first = receipts.join("001-restriction/receipt.json");
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(&first).expect("the receipt")).expect("JSON");
    assert_eq!(receipt["plan_sha256"], done["sha256"], "{receipt:#}");
    assert!(
        receipt["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .all(|a| a["outcome"] == "restricted"),
        "{receipt:#}"
    );
    receipt_verifies(&tenant, first.to_str().expect("a path"));
    // Restricted, she is still found where she was: her data is kept, only marked.
    assert_eq!(tenant.dsr(["locate"]).args(JANE).hits(), found);

    // Again: nothing left to mark.
    let again = tenant
        .dsr(["restrict", &case, "--dry-run", "-o", "json"])
        .run()
        .json();
    let steps = again["plan"]["steps"].as_array().expect("steps");
    assert!(steps.iter().all(|s| s["action"] == "clean"), "{again:#}");

    let lifted = tenant
        .dsr(["restrict", &case, "--lift", "--yes", "-o", "json"])
        .run()
        .json();
    assert_eq!(lifted["plan"]["intent"]["lift"], true, "{lifted:#}");
    assert!(
        lifted["report"]["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .all(|s| s["action"] == "lift" && s["outcome"] == "verified"),
        "{lifted:#}"
    );
    assert_eq!(marks(&tenant, "Press/byline.png"), ["harbour", "dawn"]);
    assert!(marks(&tenant, "Staff/shared.png").is_empty());
    let second = receipts.join("002-restriction/receipt.json");
    receipt_verifies(&tenant, second.to_str().expect("a path"));
    tenant.dsr(["receipt", "verify", "--ledger"]).run();
    assert_eq!(tenant.dsr(["locate"]).args(JANE).hits(), found);
}

#[test]
fn restricts_and_lifts_on_dir() {
    restricts_and_lifts(Kind::Dir);
}

#[test]
fn restricts_and_lifts_on_fotoweb() {
    restricts_and_lifts(Kind::Fotoweb);
}

#[test]
fn a_tenant_without_a_restriction_field_or_a_case_for_another_right_is_refused() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let case = tenant.open_case("restriction", JANE);
    let out = tenant.dsr(["restrict", &case, "--yes"]).status(2).run();
    assert!(
        out.stderr
            .contains("names no field to mark restricted assets in")
            && out.stderr.contains("--restriction-field"),
        "{}",
        out.dump()
    );

    let tenant = restricting_tenant(Kind::Dir);
    let erasure = tenant.open_case("erasure", JANE);
    let out = tenant.dsr(["restrict", &erasure, "--yes"]).status(2).run();
    assert!(out.stderr.contains("not restriction"), "{}", out.dump());
    assert!(marks(&tenant, "Staff/shared.png").is_empty());
}

/// How many steps the journal holds as done.
fn done_steps(path: &std::path::Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["event"] == "done")
        .count()
}

#[test]
fn a_killed_restriction_resumes_without_marking_twice() {
    let t = Test::new();
    for i in 0..80 {
        t.asset(
            &format!("Staff/asset-{i:03}.png"),
            json!({"80": ["Jane Doe"], "25": [format!("story {i}")]}),
        );
    }
    let tenant = Tenant::new(
        t,
        Kind::Fotoweb,
        &["--restriction-field", FIELD, "--restriction-value", MARK],
        |o| o.latency_ms = 20,
    );
    let case = tenant.open_case("restriction", &["--name", "Jane Doe"]);
    let journal = tenant.case_dir(&case).join("restrict-journal.jsonl");
    let mut child = tenant
        .dsr(["restrict", &case, "--yes"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dsr starts");
    while done_steps(&journal) < 10 {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the restriction ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    assert!(done_steps(&journal) < 80, "killed midway");

    let out = tenant.dsr(["restrict", &case, "--yes"]).status(2).run();
    assert!(
        out.stderr
            .contains(&format!("run `dsr restrict {case} --resume`")),
        "{}",
        out.dump()
    );
    let done = tenant
        .dsr(["restrict", &case, "--resume", "--yes", "-o", "json"])
        .run()
        .json();
    let steps = done["report"]["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 80, "{done:#}");
    assert!(steps.iter().all(|s| s["outcome"] == "verified"), "{done:#}");
    for i in 0..80 {
        let id = format!("Staff/asset-{i:03}.png");
        assert_eq!(
            marks(&tenant, &id),
            [format!("story {i}"), MARK.to_owned()],
            "{id}"
        );
    }
    let receipt = tenant
        .case_dir(&case)
        .join("receipts/001-restriction/receipt.json");
    receipt_verifies(&tenant, receipt.to_str().expect("a path"));
}
