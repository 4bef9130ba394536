//! `dsr erase`: the right assets deleted and the others scrubbed on both platforms, other
//! people left exactly as they were, a killed run resumed without acting twice, a flaky
//! server never turned into an unverified success, refusals, legal holds, the tenant lock
//! and tombstones.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{JANE, Kind, Tenant, holds_jane, is_mutation};

/// Jane Doe is byline on one asset, shown with another person on a second, named in a
/// caption on a third, uploader of a fourth and shown alone on a fifth; five other people
/// are in the tenant too, some on her assets.
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
    t.asset(
        "Press/kari.png",
        json!({"80": ["Kari Nordmann"], "360": "knordmann", "361": "Kari Nordmann"}),
    );
    t.asset(
        "Events/smith.png",
        json!({"368": ["Jane Smith"], "120": "Jane Smith at the harbour."}),
    );
    t.asset(
        "Events/john.png",
        json!({"80": ["John Doe"], "308": ["john.doe@example.com"]}),
    );
    t.asset(
        "Marketing/per.png",
        json!({"120": "Per Hansen and Jane Smith at the fair.", "309": ["+47 22 33 44 55"]}),
    );
}

const SCRUBBED: [&str; 3] = ["Press/byline.png", "Staff/shared.png", "Events/caption.png"];
/// The photo showing her beside Ola Nordmann: scrubbed, it still shows her.
const SHARED: &str = "Staff/shared.png";
/// The controller's decision to keep that photo, for tests about something else.
const KEEP: [&str; 4] = [
    "--shown-with-others",
    "keep",
    "--reason",
    "group photo kept for the archive",
];
const DELETED: [&str; 2] = ["Staff/upload.png", "Staff/portrait.png"];

/// The five other people, each by everything the tenant holds of them.
const OTHERS: [&[&str]; 5] = [
    &[
        "--name",
        "Ola Nordmann",
        "--email",
        "ola.nordmann@example.com",
    ],
    &["--name", "Kari Nordmann", "--login", "knordmann"],
    &["--name", "Jane Smith"],
    &["--name", "John Doe", "--email", "john.doe@example.com"],
    &["--name", "Per Hansen", "--phone", "+47 22 33 44 55"],
];

fn locate_others(tenant: &Tenant) -> Vec<Vec<Value>> {
    OTHERS
        .iter()
        .map(|who| tenant.dsr(["locate"]).args(*who).hits())
        .collect()
}

/// An erasure case for Jane Doe with the caption (a medium match) reviewed in.
fn jane_case(tenant: &Tenant) -> String {
    let case = tenant.open_case("erasure", JANE);
    tenant
        .dsr(["case", "review", &case, "--include", "Events/caption.png"])
        .run();
    case
}

fn actions(plan: &Value) -> BTreeMap<String, String> {
    plan["steps"]
        .as_array()
        .expect("plan steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an asset").to_owned(),
                s["action"].as_str().expect("an action").to_owned(),
            )
        })
        .collect()
}

fn outcomes(doc: &Value) -> BTreeMap<String, String> {
    doc["report"]["steps"]
        .as_array()
        .expect("report steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an asset").to_owned(),
                s["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect()
}

fn erases_the_right_assets_and_nothing_else(kind: Kind) {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let before = tenant.everything();
    let others_before = locate_others(&tenant);
    let case = jane_case(&tenant);

    let dry = tenant
        .dsr(["erase", &case, "--dry-run", "-o", "json"])
        .run()
        .json();
    let planned = actions(&dry["plan"]);
    let expected: BTreeMap<String, String> = SCRUBBED
        .iter()
        .map(|a| (a.to_string(), "scrub".to_owned()))
        .chain(DELETED.iter().map(|a| (a.to_string(), "delete".to_owned())))
        .collect();
    assert_eq!(planned, expected, "{dry:#}");
    assert_eq!(tenant.everything(), before, "a dry run changes nothing");

    // She is shown beside Ola Nordmann on one photo: its metadata is scrubbed, but she
    // stays in the picture, so the erasure is not done (exit 3) and says so.
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    assert_eq!(
        done["sha256"], dry["sha256"],
        "the plan carried out is the one shown"
    );
    assert_eq!(done["report"]["plan_sha256"], dry["sha256"]);
    let first = outcomes(&done);
    assert_eq!(
        first["Staff/shared.png"], "image-still-shows-subject",
        "{done:#}"
    );
    assert!(
        first
            .iter()
            .filter(|(id, _)| *id != "Staff/shared.png")
            .all(|(_, o)| o == "verified"),
        "{done:#}"
    );

    for id in DELETED {
        assert_eq!(tenant.metadata(id), None, "{id} is deleted");
    }
    let byline = tenant
        .metadata("Press/byline.png")
        .expect("scrubbed, not deleted");
    assert_eq!(byline.get("80"), None);
    assert_eq!(byline.get("308"), None);
    assert_eq!(byline["5"], json!("Harbour at dawn"));
    assert_eq!(byline["25"], json!(["harbour", "dawn"]));
    let shared = tenant.metadata("Staff/shared.png").expect("scrubbed");
    assert_eq!(
        shared["368"],
        json!(["Ola Nordmann"]),
        "the other person stays"
    );
    assert_eq!(shared["80"], json!(["Kari Nordmann"]));
    assert_eq!(shared["5"], json!("Board meeting"));
    let caption = tenant.metadata("Events/caption.png").expect("scrubbed");
    assert_eq!(
        caption["120"],
        json!("[redacted] presents the budget with Ola Nordmann."),
        "only her name leaves the caption"
    );
    assert_eq!(caption["80"], json!(["Kari Nordmann"]));
    let after = tenant.everything();
    for (id, metadata) in &before {
        if !SCRUBBED.contains(&id.as_str()) && !DELETED.contains(&id.as_str()) {
            assert_eq!(after.get(id), Some(metadata), "{id} is not hers: untouched");
        }
    }
    for (id, metadata) in &after {
        assert!(
            !metadata.values().any(holds_jane),
            "{id} still holds her: {metadata:?}"
        );
    }

    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(
        hits,
        Vec::<Value>::new(),
        "locate finds her nowhere (exit 1)"
    );
    assert_eq!(
        locate_others(&tenant),
        others_before,
        "the others as before"
    );

    let shown = tenant
        .dsr(["case", "show", &case, "-o", "json"])
        .run()
        .json();
    let last = shown["history"]
        .as_array()
        .and_then(|h| h.last())
        .expect("a history");
    assert!(
        last["what"]
            .as_str()
            .is_some_and(|w| w.starts_with("erasure partial")),
        "{last}"
    );

    // The controller decides to keep that photo: a second run records the decision, with
    // its reason, and ends 0; the photo is still listed as showing her, never as clean.
    let kept = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .args([
            "--shown-with-others",
            "keep",
            "--reason",
            "group photo kept for the archive",
        ])
        .run()
        .json();
    assert_eq!(
        outcomes(&kept)["Staff/shared.png"],
        "image-still-shows-subject",
        "{kept:#}"
    );
    let receipt = tenant.t.latest_receipt(&case);
    let shared = receipt["assets"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["asset"] == "Staff/shared.png"))
        .expect("the photo is in the receipt")
        .clone();
    assert_eq!(
        shared["outcome"], "image-still-shows-subject",
        "{receipt:#}"
    );
    assert!(
        shared["evidence"]
            .as_str()
            .is_some_and(|e| e.contains("group photo kept for the archive")),
        "{receipt:#}"
    );
}

#[test]
fn erases_the_right_assets_and_nothing_else_on_dir() {
    erases_the_right_assets_and_nothing_else(Kind::Dir);
}

#[test]
fn erases_the_right_assets_and_nothing_else_in_an_object_store() {
    erases_the_right_assets_and_nothing_else(Kind::Objects);
}

#[test]
fn erases_the_right_assets_and_nothing_else_in_an_s3_bucket() {
    if crate::s3server::missing() {
        return;
    }
    erases_the_right_assets_and_nothing_else(Kind::S3);
}

#[test]
fn erases_the_right_assets_and_nothing_else_in_an_azure_container() {
    if crate::azurite::missing() {
        return;
    }
    erases_the_right_assets_and_nothing_else(Kind::Azure);
}

#[test]
fn erases_the_right_assets_and_nothing_else_through_fotoweb() {
    erases_the_right_assets_and_nothing_else(Kind::Fotoweb);
}

/// Per step, the last event the erasure journal at `path` holds for it (the kill -9 tests
/// of every platform and record kind watch it).
pub(crate) fn journal_states(path: &std::path::Path) -> BTreeMap<u64, String> {
    step_states(&journal(path))
}

/// One line of a journal; a torn last line reads as `None`.
fn journal(path: &std::path::Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// Per step, the last event the journal holds for it.
fn step_states(lines: &[Value]) -> BTreeMap<u64, String> {
    let mut states = BTreeMap::new();
    for line in lines {
        if let Some(step) = line["step"].as_u64() {
            let event = line["event"].as_str().expect("an event").to_owned();
            if states.get(&step).map(String::as_str) != Some("done") {
                states.insert(step, event);
            }
        }
    }
    states
}

/// The same kill -9 and `--resume` in an Azure container (Azurite): what the resumed run
/// reports, what its receipt says and what a fresh locate finds agree, and the container
/// holds nothing of her.
#[test]
fn a_killed_erasure_in_an_azure_container_resumes_and_its_receipt_agrees_with_locate() {
    if crate::azurite::missing() {
        return;
    }
    let t = Test::new();
    for i in 0..120 {
        let id = format!("Staff/asset-{i:03}.png");
        let fields = match i % 3 {
            0 => json!({"368": ["Jane Doe"], "5": format!("Portrait {i}")}),
            _ => json!({"80": ["Jane Doe", "Kari Nordmann"], "5": format!("Story {i}")}),
        };
        t.asset(&id, fields);
    }
    t.asset("Press/other.png", json!({"80": ["Kari Nordmann"]}));
    let tenant = Tenant::new(t, Kind::Azure, &[], |_| {});
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let journal_path = tenant.case_dir(&case).join("erase-journal.jsonl");
    // One change at a time, so that the run is still going when ten steps are done.
    let mut child = tenant
        .dsr(["erase", &case, "--yes", "--jobs", "1"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dsr starts");
    loop {
        let states = step_states(&journal(&journal_path));
        if states.values().filter(|e| *e == "done").count() >= 10 {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    let done_at_kill = step_states(&journal(&journal_path))
        .values()
        .filter(|e| *e == "done")
        .count();
    assert!(done_at_kill < 120, "killed midway: {done_at_kill} done");

    let resumed = tenant
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run();
    let outcomes = outcomes(&resumed.json());
    assert_eq!(outcomes.len(), 120, "{}", resumed.dump());
    assert!(
        outcomes.values().all(|o| o == "verified"),
        "{}",
        resumed.dump()
    );
    let receipt = tenant.t.latest_receipt(&case);
    let in_receipt: BTreeMap<String, String> = receipt["assets"]
        .as_array()
        .expect("assets in the receipt")
        .iter()
        .map(|a| {
            (
                a["asset"].as_str().expect("an id").to_owned(),
                a["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect();
    let expected: BTreeMap<String, String> = outcomes
        .keys()
        .map(|id| {
            // "Staff/asset-NNN.png": every third showed her alone.
            let n: u32 = id["Staff/asset-".len()..][..3].parse().expect("a number");
            let outcome = if n.is_multiple_of(3) {
                "deleted"
            } else {
                "scrubbed"
            };
            (id.clone(), outcome.to_owned())
        })
        .collect();
    assert_eq!(
        in_receipt, expected,
        "the receipt says what the run verified"
    );
    assert_eq!(
        tenant.dsr(["locate"]).args(JANE).hits(),
        Vec::<Value>::new(),
        "a fresh locate finds her nowhere"
    );
    let left = tenant.everything();
    assert_eq!(left.len(), 81, "80 scrubbed and the other photo remain");
    assert!(
        left.values().all(|m| !m.values().any(holds_jane)),
        "{left:?}"
    );
}

#[test]
fn a_killed_erasure_resumes_without_repeating_a_step() {
    let t = Test::new();
    // 240 assets of hers, in plan order: every third shows her alone (deleted), the others
    // bear her byline beside another photographer's (scrubbed).
    let mut expected_deletes = BTreeSet::new();
    let mut expected_scrubs = BTreeSet::new();
    for i in 0..240 {
        let id = format!("Staff/asset-{i:03}.png");
        if i % 3 == 0 {
            t.asset(
                &id,
                json!({"368": ["Jane Doe"], "5": format!("Portrait {i}")}),
            );
            expected_deletes.insert(id);
        } else {
            t.asset(
                &id,
                json!({"80": ["Jane Doe", "Kari Nordmann"], "5": format!("Story {i}")}),
            );
            expected_scrubs.insert(id);
        }
    }
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| o.latency_ms = 20);
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let journal_path = tenant.case_dir(&case).join("erase-journal.jsonl");
    let plan_path = tenant.case_dir(&case).join("erase-plan.json");

    let mut child = tenant
        .dsr(["erase", &case, "--yes"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dsr starts");
    // Wait for twenty finished steps and one under way, then kill it without warning.
    loop {
        let states = step_states(&journal(&journal_path));
        let done = states.values().filter(|e| *e == "done").count();
        if done >= 20 && states.values().any(|e| e == "intent" || e == "accepted") {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(&plan_path).expect("the plan is kept"))
            .expect("the plan is JSON");
    let steps = plan["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 240);
    let at_kill = step_states(&journal(&journal_path));
    let done_at_kill = at_kill.values().filter(|e| *e == "done").count();
    let in_flight: Vec<u64> = at_kill
        .iter()
        .filter(|(_, e)| *e == "intent" || *e == "accepted")
        .map(|(s, _)| *s)
        .collect();
    let tasks_left = at_kill.values().filter(|e| *e == "accepted").count();
    let deletes_in_flight = in_flight
        .iter()
        .filter(|s| steps[**s as usize]["action"] == "delete")
        .count();
    assert!(
        done_at_kill < 240,
        "killed midway: {done_at_kill} of 240 steps were done"
    );

    let fresh = tenant.dsr(["erase", &case, "--yes"]).status(2).run();
    assert!(
        fresh
            .error()
            .contains(&format!("dsr erase {case} --resume")),
        "{}",
        fresh.dump()
    );

    let resumed = tenant
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run();
    let doc = resumed.json();
    let began = journal(&journal_path)
        .into_iter()
        .find(|l| l["event"] == "begin")
        .expect("the first run began");
    assert_eq!(doc["sha256"], began["detail"], "the same plan went on");
    let outcomes = outcomes(&doc);
    assert_eq!(outcomes.len(), 240);
    assert!(
        outcomes.values().all(|o| o == "verified"),
        "{}",
        resumed.dump()
    );
    assert!(
        resumed.stderr.contains(&format!(
            "{done_at_kill} of 240 step(s) were finished before"
        )),
        "{}",
        resumed.dump()
    );

    let double = tenant.double();
    let requests = double.requests();
    let mut patches: BTreeMap<String, usize> = BTreeMap::new();
    for r in requests
        .iter()
        .filter(|r| r.method == "PATCH" && r.status == 200)
    {
        let file = r
            .path
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".info"))
            .expect("a PATCH of an asset");
        *patches.entry(file.to_owned()).or_default() += 1;
    }
    let scrubbed_files: BTreeMap<String, usize> = expected_scrubs
        .iter()
        .map(|id| (id.rsplit('/').next().expect("a file").to_owned(), 1))
        .collect();
    assert_eq!(
        patches, scrubbed_files,
        "every scrubbed asset was PATCHed exactly once"
    );
    let delete_requests = requests
        .iter()
        .filter(|r| is_mutation(r) && r.method == "POST" && r.status == 201)
        .count();
    // A delete whose task the journal recorded is followed to its end, not asked for
    // again. One killed between the server accepting it and the journal recording its task
    // may be asked for once more: its first task never ran, so nothing is deleted twice.
    let unrecorded = deletes_in_flight - tasks_left;
    assert!(
        (expected_deletes.len()..=expected_deletes.len() + unrecorded).contains(&delete_requests),
        "{delete_requests} delete requests for {} deletes ({deletes_in_flight} in flight at the kill, \
         {tasks_left} with their task recorded)",
        expected_deletes.len()
    );
    let deleted: Vec<String> = double.deleted_ids();
    assert_eq!(deleted.len(), expected_deletes.len(), "each deleted once");
    assert_eq!(
        deleted.into_iter().collect::<BTreeSet<_>>(),
        expected_deletes
    );
    for id in &expected_scrubs {
        let metadata = tenant.metadata(id).expect("scrubbed, not deleted");
        assert_eq!(metadata["80"], json!(["Kari Nordmann"]), "{id}");
    }
    eprintln!(
        "killed after {done_at_kill} of 240 steps were done ({} in flight: {deletes_in_flight} deletes, \
         {tasks_left} of them with a task to follow); {delete_requests} delete requests for {} deletes; \
         {} PATCHes for {} scrubs, none repeated",
        in_flight.len(),
        expected_deletes.len(),
        patches.values().sum::<usize>(),
        expected_scrubs.len()
    );
}

#[test]
fn a_flaky_rate_limited_server_never_yields_an_unverified_success() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| {
        o.fail_rate = 0.3;
        o.rate_limit = Some(15);
        o.seed = 11;
    });
    let case = jane_case(&tenant);
    let out = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run();
    let requests = tenant.double().requests();
    let statuses: BTreeSet<u16> = requests.iter().map(|r| r.status).collect();
    eprintln!(
        "erase through a flaky double ended with {}: {} requests, {} answered 5xx, {} answered 429",
        out.status,
        requests.len(),
        requests.iter().filter(|r| r.status >= 500).count(),
        requests.iter().filter(|r| r.status == 429).count()
    );
    assert!(
        statuses.iter().any(|s| *s >= 500) && statuses.contains(&429),
        "the double failed and rate-limited requests: {statuses:?}"
    );
    let left: Vec<String> = tenant
        .everything()
        .into_iter()
        .filter(|(_, m)| m.values().any(holds_jane))
        .map(|(id, _)| id)
        .collect();
    match out.status {
        0 => {
            assert_eq!(
                left,
                Vec::<String>::new(),
                "success was reported: nothing of hers may be left"
            );
            assert!(outcomes(&out.json()).values().all(|o| o == "verified"));
        }
        3 => {
            assert!(
                !left.is_empty() || out.stderr.contains("dsr: not done:"),
                "{}",
                out.dump()
            );
            for id in &left {
                assert!(
                    out.stderr.contains(&format!("dsr: not done: {id}")),
                    "{id} is left and not listed\n{}",
                    out.dump()
                );
            }
        }
        other => panic!("erase ended with {other}\n{}", out.dump()),
    }
}

#[test]
fn a_delete_the_server_refuses_is_listed_and_the_erasure_is_partial() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| {
        o.permissions.retain(|p| p != "Delete");
    });
    let case = jane_case(&tenant);
    let out = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run();
    let outcomes = outcomes(&out.json());
    for id in DELETED {
        assert_eq!(outcomes[id], "failed", "{}", out.dump());
        assert!(
            out.stderr
                .contains(&format!("dsr: not done: {id} (failed)")),
            "{}",
            out.dump()
        );
        assert!(tenant.metadata(id).is_some(), "{id} is still there");
    }
    for id in SCRUBBED {
        let expected = if id == SHARED {
            "image-still-shows-subject"
        } else {
            "verified"
        };
        assert_eq!(outcomes[id], expected);
    }
    assert!(
        out.stderr.contains("3 not done (2 failed") && out.stderr.contains("1 image(s) still show"),
        "{}",
        out.dump()
    );
    let shown = tenant
        .dsr(["case", "show", &case, "-o", "json"])
        .run()
        .json();
    let last = &shown["history"]
        .as_array()
        .expect("history")
        .last()
        .expect("an event")["what"];
    assert!(
        last.as_str()
            .is_some_and(|w| w.starts_with("erasure partial")),
        "{last}"
    );
    assert!(
        !tenant
            .t
            .tenant_data("acme")
            .join("tombstones.jsonl")
            .exists()
    );
    // The failed steps are tried again on resume; the finished ones are not touched.
    tenant.double().clear_requests();
    tenant
        .dsr(["erase", &case, "--resume", "--yes"])
        .status(3)
        .run();
    assert!(
        !tenant
            .double()
            .requests()
            .iter()
            .any(|r| r.method == "PATCH"),
        "the scrubs were done"
    );
}

#[test]
fn without_a_terminal_or_yes_nothing_changes_and_a_dry_run_only_reads() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |_| {});
    let case = jane_case(&tenant);
    let before = tenant.everything();
    tenant.double().clear_requests();

    let refused = tenant.dsr(["erase", &case]).status(4).run();
    assert!(
        refused.stderr.contains("dsr: refused:") && refused.stderr.contains("--yes"),
        "{}",
        refused.dump()
    );
    assert!(refused.stdout.contains("Plan SHA-256"), "the plan is shown");
    assert_eq!(tenant.everything(), before);
    assert!(!tenant.case_dir(&case).join("erase-plan.json").exists());

    let dry = tenant
        .dsr(["erase", &case, "--dry-run", "-o", "json"])
        .run()
        .json();
    assert_eq!(dry["applied"], false);
    assert_eq!(actions(&dry["plan"]).len(), 5);
    let requests = tenant.double().requests();
    assert!(
        requests
            .iter()
            .any(|r| r.method == "GET" && r.path.ends_with(".info")),
        "the plan read the assets"
    );
    let mutations: Vec<_> = requests.iter().filter(|r| is_mutation(r)).collect();
    assert!(mutations.is_empty(), "{mutations:?}");
    assert_eq!(tenant.everything(), before);
    let shown = tenant
        .dsr(["case", "show", &case, "-o", "json"])
        .run()
        .json();
    assert!(
        !shown.to_string().contains("erasure verified"),
        "nothing was recorded as erased"
    );
}

#[test]
fn assets_under_legal_hold_are_withheld_and_never_reported_done() {
    let t = Test::new();
    t.asset("Legal/contract.png", json!({"368": ["Jane Doe"]}));
    t.asset(
        "Staff/held.png",
        json!({"80": ["Jane Doe"], "25": ["Litigation", "board"]}),
    );
    t.asset("Staff/free.png", json!({"80": ["Jane Doe"], "5": "Free"}));
    let tenant = Tenant::new(
        t,
        Kind::Dir,
        &[
            "--legal-hold-archive",
            "Legal",
            "--legal-hold",
            "25=litigation",
        ],
        |_| {},
    );
    let held = ["Legal/contract.png", "Staff/held.png"];
    let bytes = |id: &str| std::fs::read(tenant.t.tenant_dir().join(format!("{id}.json")));
    let before: Vec<_> = held
        .iter()
        .map(|id| bytes(id).expect("a sidecar"))
        .collect();
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);

    for _ in 0..2 {
        let out = tenant
            .dsr(["erase", &case, "--yes", "-o", "json"])
            .status(4)
            .run();
        let outcomes = outcomes(&out.json());
        assert_eq!(outcomes["Legal/contract.png"], "withheld");
        assert_eq!(outcomes["Staff/held.png"], "withheld");
        assert!(
            out.stderr.contains("2 withheld under legal hold"),
            "{}",
            out.dump()
        );
        let after: Vec<_> = held.iter().map(|id| bytes(id).expect("kept")).collect();
        assert_eq!(after, before, "held assets are not touched");
    }
    assert_eq!(
        tenant
            .metadata("Staff/free.png")
            .expect("scrubbed")
            .get("80"),
        None
    );
    let hits = tenant.dsr(["locate", "--name", "Jane Doe"]).hits();
    let found: BTreeSet<&str> = hits.iter().filter_map(|h| h["asset"].as_str()).collect();
    assert_eq!(
        found,
        held.into_iter().collect(),
        "she stays where she is held"
    );

    let shown = tenant
        .dsr(["case", "show", &case, "-o", "json"])
        .run()
        .json();
    let last = shown["history"]
        .as_array()
        .and_then(|h| h.last())
        .and_then(|e| e["what"].as_str())
        .expect("a history")
        .to_owned();
    assert!(
        last.starts_with("erasure verified except 2 asset(s) withheld under legal hold"),
        "{last}"
    );
    // What a hold keeps is no restored backup.
    tenant.dsr(["erase", "--replay-tombstones"]).run();
}

#[test]
fn a_second_erasure_is_refused_while_another_holds_the_tenant_lock() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let case = jane_case(&tenant);
    let before = tenant.everything();

    // Held the way dsr holds it: an exclusive lock on the file, the holder's pid inside.
    let mut lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(tenant.t.tenant_data("acme").join("lock"))
        .expect("the lock file");
    lock.try_lock().expect("the lock is free");
    // An earlier dsr run (the sync) left its own, possibly longer, pid in the file.
    lock.set_len(0).expect("emptied");
    write!(lock, "{}", std::process::id()).expect("the pid");
    lock.flush().expect("flushed");

    let out = tenant.dsr(["erase", &case, "--yes"]).status(2).run();
    let error = out.error();
    assert!(
        error.contains("another dsr process")
            && error.contains(&format!("(pid {})", std::process::id())),
        "{}",
        out.dump()
    );
    assert_eq!(tenant.everything(), before);
    let dry = tenant.dsr(["erase", &case, "--dry-run"]).run();
    assert!(
        dry.stdout.contains("Plan SHA-256"),
        "a dry run needs no lock"
    );

    drop(lock);
    tenant.dsr(["erase", &case, "--yes"]).args(KEEP).run();
}

#[test]
fn replaying_tombstones_finds_restored_data_and_opens_a_case() {
    let t = Test::new();
    scenario(&t);
    let backup = t.path("backup");
    for relative in Test::entries(&t.tenant_dir()) {
        let (from, to) = (t.tenant_dir().join(&relative), backup.join(&relative));
        if from.is_dir() {
            std::fs::create_dir_all(&to).expect("a backup folder");
        } else {
            std::fs::copy(&from, &to).expect("a backup file");
        }
    }
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let first = jane_case(&tenant);
    tenant.dsr(["erase", &first, "--yes"]).args(KEEP).run();
    let stones = std::fs::read_to_string(tenant.t.tenant_data("acme").join("tombstones.jsonl"))
        .expect("a tombstone");
    // Hashes are hex, so the phone is looked for whole: three digits alone occur by chance.
    for value in ["jane", "doe", "jdoe", "91234567", "912 34 567"] {
        assert!(
            !stones.to_lowercase().contains(value),
            "{value} in {stones}"
        );
    }
    let none = tenant.dsr(["erase", "--replay-tombstones"]).run();
    assert!(none.stdout.is_empty(), "{}", none.dump());

    // The platform restores last week's backup.
    tenant.t.copy_into_tenant(&backup);
    tenant.dsr(["sync"]).run();
    let out = tenant.dsr(["erase", "--replay-tombstones"]).status(3).run();
    let second = out.stdout.trim().to_owned();
    assert!(out.stderr.contains(&first), "{}", out.dump());
    let case = tenant
        .dsr(["case", "show", &second, "-o", "json"])
        .run()
        .json();
    assert_eq!(case["right"], "erasure");
    assert!(
        case["reference"]
            .as_str()
            .is_some_and(|r| r.contains(&first)),
        "{case:#}"
    );
    let matched: BTreeSet<&str> = case["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .filter_map(|m| m["asset"].as_str())
        .collect();
    for id in SCRUBBED.iter().chain(&DELETED) {
        assert!(matched.contains(id), "{id} is found again: {matched:?}");
    }
    let receipts = case["receipts"].as_array().expect("receipts");
    assert_eq!(receipts.len(), 1, "the replay's own receipt: {case:#}");
    let replayed: Value = serde_json::from_slice(
        &std::fs::read(receipts[0].as_str().expect("a path")).expect("the receipt"),
    )
    .expect("JSON");
    assert_eq!(replayed["operation"], "replay");
    tenant
        .dsr(["receipt", "verify"])
        .arg(receipts[0].as_str().expect("a path"))
        .run();

    tenant
        .dsr(["case", "review", &second, "--include", "Events/caption.png"])
        .run();
    tenant.dsr(["erase", &second, "--yes"]).args(KEEP).run();
    assert_eq!(
        tenant.dsr(["locate"]).args(JANE).hits(),
        Vec::<Value>::new()
    );
    assert!(
        tenant
            .dsr(["erase", "--replay-tombstones"])
            .run()
            .stdout
            .is_empty()
    );
}

/// `--resume` of an erasure that finished issues no second receipt restating its deletions:
/// it says the erasure is finished and points at its receipt.
#[test]
fn resuming_a_finished_erasure_points_at_its_receipt() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let case = jane_case(&tenant);
    tenant.dsr(["erase", &case, "--yes"]).args(KEEP).run();
    let receipts = tenant.case_dir(&case).join("receipts");
    let count = || std::fs::read_dir(&receipts).expect("receipts").count();
    assert_eq!(count(), 1);
    let again = tenant.dsr(["erase", &case, "--resume", "--yes"]).run();
    assert!(
        again.stderr.contains("is finished") && again.stderr.contains("001-erasure"),
        "{}",
        again.dump()
    );
    assert_eq!(count(), 1, "no second receipt");
}

/// Occurrences of her e-mail address in the bytes of the index's files (not as part of a
/// longer address).
fn her_address_in_index(tenant: &Tenant) -> Vec<String> {
    let needle = b"jane.doe@example.com";
    let mut found = Vec::new();
    for entry in std::fs::read_dir(tenant.t.tenant_data("acme").join("index"))
        .expect("the index folder")
        .flatten()
    {
        let bytes = std::fs::read(entry.path()).expect("an index file");
        let standalone = bytes.windows(needle.len()).enumerate().any(|(at, w)| {
            w == needle
                && bytes.get(at + needle.len()) != Some(&b'.')
                && (at == 0 || bytes[at - 1] != b'.')
        });
        if standalone {
            found.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    found
}

/// A verified erasure leaves no copy of what it erased in dsr's own index: the segments
/// that held her documents are rewritten without them.
#[test]
fn erased_values_leave_the_index_files() {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let case = jane_case(&tenant);
    tenant.dsr(["erase", &case, "--yes"]).args(KEEP).run();
    // The stored documents are compressed, so her address may not show in their bytes
    // even where it is: what proves it gone is that no segment keeps deleted documents
    // and no file of an old segment is left.
    let index = tenant.t.tenant_data("acme").join("index");
    let meta: Value =
        serde_json::from_slice(&std::fs::read(index.join("meta.json")).expect("meta.json"))
            .expect("JSON");
    let segments: Vec<String> = meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| {
            assert!(
                s["deletes"].is_null(),
                "a segment keeps deleted documents: {s}"
            );
            s["segment_id"].as_str().expect("an id").replace('-', "")
        })
        .collect();
    for entry in std::fs::read_dir(&index).expect("the index").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "meta.json" {
            continue;
        }
        assert!(
            segments.iter().any(|s| name.starts_with(s.as_str())),
            "{name} belongs to no live segment"
        );
    }
    assert_eq!(her_address_in_index(&tenant), Vec::<String>::new());
    tenant
        .dsr(["locate", "--email", "john.doe@example.com"])
        .run();
}
