//! Bulk requests: `dsr erase --from FILE` over many subjects through the FotoWeb double —
//! one JSON line per subject as it is finished, honest about what failed, stopped by a
//! signal and resumed without a mutation repeated. Subjects sharing an asset are erased
//! one after the other, and a step whose asset changed after it was planned is planned
//! again, in a list and in a single case.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::io::Read;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{Kind, SECRET, Tenant, is_mutation};

const FIRST: [&str; 10] = [
    "Astrid", "Bjarne", "Cecilie", "Didrik", "Eirik", "Frøydis", "Gunnar", "Helga", "Ingrid",
    "Jostein",
];
const LAST: [&str; 10] = [
    "Aasen",
    "Brekke",
    "Dalen",
    "Fossum",
    "Grinde",
    "Holmen",
    "Kvamme",
    "Lier",
    "Myklebust",
    "Sandvik",
];

/// The `n`th leaver (n < 100): a name no other leaver shares, and an e-mail address.
fn leaver(n: usize) -> (String, String) {
    let (first, last) = (FIRST[n / 10], LAST[n % 10]);
    let email = format!(
        "{}.{}@example.com",
        first.to_lowercase().replace('ø', "o"),
        last.to_lowercase()
    );
    (format!("{first} {last}"), email)
}

/// Writes two assets per leaver: a portrait showing only them (deleted), and a story whose
/// byline they share with Kari Nordmann, who stays (scrubbed). Kari has one of her own.
fn write_leavers(t: &Test, count: usize) {
    for n in 0..count {
        let (name, email) = leaver(n);
        t.asset(
            &format!("Staff/portrait-{n:03}.png"),
            json!({"368": [name], "5": format!("Portrait for the staff page, contact {email}")}),
        );
        t.asset(
            &format!("News/story-{n:03}.png"),
            json!({"80": [name, "Kari Nordmann"], "5": format!("Story {n} from the newsroom")}),
        );
    }
    t.asset(
        "News/kari.png",
        json!({"80": ["Kari Nordmann"], "5": "Kari's own story"}),
    );
}

/// The HR export: a header, one row per leaver, and (when `bad_at` says where) one row
/// with a date that does not exist.
fn leavers_csv(count: usize, bad_at: Option<usize>) -> String {
    let mut csv = String::from("email,name,reference,received\n");
    for n in 0..count {
        if bad_at == Some(n) {
            csv.push_str("someone@example.com,Some One,HR-BAD,2026-02-30\n");
        }
        let (name, email) = leaver(n);
        csv.push_str(&format!("{email},{name},HR-{n:03},2026-11-30\n"));
    }
    csv
}

/// True when any value of any asset the double holds names `name`.
fn still_holds(tenant: &Tenant, name: &str) -> bool {
    tenant
        .everything()
        .values()
        .flat_map(|m| m.values())
        .any(|v| v.to_string().contains(name))
}

#[test]
fn a_bulk_erasure_of_a_hundred_leavers_reports_each_one_honestly() {
    let t = Test::new();
    write_leavers(&t, 100);
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| {
        o.latency_ms = 10;
        o.fail_rate = 0.1;
        o.seed = 7;
    });
    // Row 1 is the header: the bad row is row 52, the leavers after it one row later.
    let list = tenant.t.path("leavers.csv");
    std::fs::write(&list, leavers_csv(100, Some(50))).expect("the list is written");
    let out = tenant
        .dsr(["erase", "--from"])
        .arg(&list)
        .args(["--yes", "--jobs", "8", "--output", "jsonl"])
        .any_status()
        .run();
    assert!(
        [0, 3].contains(&out.status),
        "a bulk run with a bad row ends 0 or 3\n{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("row 52:") && out.stderr.contains("not a date"),
        "the malformed row is named with its number and reason\n{}",
        out.stderr
    );
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    let (errors, subjects): (Vec<&Value>, Vec<&Value>) =
        lines.iter().partition(|l| l["status"] == "error");
    assert_eq!(errors.len(), 1, "one line for the bad row\n{}", out.stdout);
    assert_eq!(errors[0]["row"], 52);
    assert_eq!(subjects.len(), 100, "one line per leaver\n{}", out.stdout);
    let mut rows = BTreeSet::new();
    let mut verified = 0;
    for line in &subjects {
        rows.insert(line["row"].as_u64().expect("a row number"));
        let reference = line["reference"].as_str().expect("the row's reference");
        let n: usize = reference[3..].parse().expect("HR-NNN");
        let (name, _) = leaver(n);
        let case = line["case"].as_str().expect("a case id");
        let counts = &line["counts"];
        match line["status"].as_str() {
            Some("verified") => {
                verified += 1;
                assert_eq!(counts["deleted"], 1, "{line}");
                assert_eq!(counts["scrubbed"], 1, "{line}");
                assert_eq!(counts["remaining"], 0, "{line}");
                assert!(line["errors"].as_array().expect("errors").is_empty());
                let receipt = line["receipt"].as_str().expect("a receipt path");
                assert!(std::path::Path::new(receipt).is_file(), "{receipt}");
                assert!(receipt.contains(case));
                assert!(
                    !still_holds(&tenant, &name),
                    "{case} says verified, but the double still holds {name}"
                );
            }
            Some("partial") => {
                // Honest: it says what is left, and something is.
                let errors = line["errors"].as_array().expect("errors");
                assert!(
                    !errors.is_empty(),
                    "a partial subject lists what is left: {line}"
                );
                let left = counts["failed"].as_u64().unwrap_or(0)
                    + counts["unverified"].as_u64().unwrap_or(0)
                    + counts["remaining"].as_u64().unwrap_or(0);
                assert!(left > 0, "{line}");
            }
            other => panic!("a leaver ended {other:?}: {line}"),
        }
    }
    assert_eq!(rows.len(), 100, "each row reported once");
    assert!(
        verified >= 90,
        "retries carry most subjects through a 10% failure rate: {verified} of 100 verified"
    );
    // Kari Nordmann, in a byline beside each of them, is untouched everywhere.
    let kari = tenant
        .everything()
        .values()
        .filter(|m| m.values().any(|v| v.to_string().contains("Kari Nordmann")))
        .count();
    assert_eq!(
        kari, 101,
        "Kari keeps every byline: her own and the 100 shared"
    );
    // The audit log and the receipts went through the same run: the receipts verify.
    let first = subjects
        .iter()
        .find(|l| l["status"] == "verified")
        .expect("a verified subject");
    tenant
        .dsr(["receipt", "verify"])
        .arg(first["receipt"].as_str().expect("a receipt"))
        .run();
}

#[test]
fn a_bulk_erasure_stopped_by_ctrl_c_resumes_without_repeating_a_mutation() {
    let t = Test::new();
    write_leavers(&t, 40);
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| o.latency_ms = 20);
    let list = tenant.t.path("leavers.csv");
    std::fs::write(&list, leavers_csv(40, None)).expect("the list is written");
    let mutations_before = tenant
        .double()
        .requests()
        .iter()
        .filter(|r| is_mutation(r))
        .count();
    assert_eq!(mutations_before, 0);

    let mut child = tenant
        .dsr(["erase", "--from"])
        .arg(&list)
        .args(["--yes", "--jobs", "4", "--output", "jsonl"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dsr starts");
    // Wait until some subjects are finished and others are under way, then press Ctrl-C.
    let batches = tenant.t.tenant_data("acme").join("batches");
    loop {
        let done = std::fs::read_dir(&batches)
            .ok()
            .and_then(|mut d| d.next())
            .and_then(|e| e.ok())
            .and_then(|e| std::fs::read_to_string(e.path().join("journal.jsonl")).ok())
            .map_or(0, |j| j.matches("\"event\":\"done\"").count());
        if done >= 6 {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be interrupted");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // What Ctrl-C sends (the child is not reaped yet, so its pid is still its own).
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "SIGINT sent");
    let output = child
        .wait_with_output()
        .expect("the interrupted child is reaped");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(130),
        "Ctrl-C exits 130\n{stderr}"
    );
    assert!(
        stderr.contains("--resume"),
        "it says how to go on\n{stderr}"
    );
    let first: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    let finished_first: BTreeSet<u64> = first
        .iter()
        .filter(|l| l["status"] == "verified")
        .map(|l| l["row"].as_u64().expect("a row"))
        .collect();
    assert!(
        finished_first.len() >= 6 && finished_first.len() < 40,
        "stopped part-way: {} of 40 finished\n{stdout}",
        finished_first.len()
    );
    for line in &first {
        assert!(
            ["verified", "interrupted"].contains(&line["status"].as_str().unwrap_or("")),
            "{line}"
        );
    }

    // Run again without --resume: refused, naming --resume; nothing changes.
    let mutations_at_stop = tenant
        .double()
        .requests()
        .iter()
        .filter(|r| is_mutation(r))
        .count();
    let refused = tenant
        .dsr(["erase", "--from"])
        .arg(&list)
        .args(["--yes"])
        .status(2)
        .run();
    assert!(refused.stderr.contains("--resume"), "{}", refused.stderr);

    let resumed = tenant
        .dsr(["erase", "--from"])
        .arg(&list)
        .args(["--yes", "--resume", "--jobs", "4", "--output", "jsonl"])
        .run();
    let lines = resumed.jsonl();
    assert_eq!(
        lines.len(),
        40,
        "every subject reported\n{}",
        resumed.stdout
    );
    for line in &lines {
        let row = line["row"].as_u64().expect("a row");
        assert_eq!(line["status"], "verified", "{line}");
        // Finished before: reported from the batch journal, not processed again.
        assert_eq!(
            line["earlier"] == true,
            finished_first.contains(&row),
            "row {row}: {line}"
        );
    }
    for n in 0..40 {
        let (name, _) = leaver(n);
        assert!(!still_holds(&tenant, &name), "{name} is still there");
    }
    // One change per planned step across both runs: 40 scrubs (PATCH) and 40 delete
    // requests, none repeated; the resumed run made only the ones left at the stop.
    let requests = tenant.double().requests();
    let patches: Vec<&str> = requests
        .iter()
        .filter(|r| r.method == "PATCH")
        .map(|r| r.path.as_str())
        .collect();
    let unique: BTreeSet<&str> = patches.iter().copied().collect();
    assert_eq!(patches.len(), 40, "one PATCH per scrub");
    assert_eq!(unique.len(), 40, "no asset patched twice");
    let deletes = requests
        .iter()
        .filter(|r| is_mutation(r) && r.method == "POST")
        .count();
    assert_eq!(deletes, 40, "one delete request per deleted portrait");
    assert!(mutations_at_stop < 80, "the stop came before the end");
}

/// A `dir` tenant of three people with a filled-in record of processing.
fn small_tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/jane.png",
        json!({"368": ["Jane Doe"], "308": ["jane.doe@example.com"], "5": "Jane Doe at her desk"}),
    );
    t.asset(
        "Staff/ola.png",
        json!({"368": ["Ola Nordmann"], "5": "Ola Nordmann on the stairs"}),
    );
    t.asset(
        "News/both.png",
        json!({"80": ["Jane Doe", "Ola Nordmann"], "5": "A story"}),
    );
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t.fill_ropa("acme");
    t
}

#[test]
fn access_and_portability_from_a_list_write_one_package_per_subject() {
    let t = small_tenant();
    let list = t.path("requests.csv");
    std::fs::write(
        &list,
        "name,email,reference\nJane Doe,jane.doe@example.com,REQ-1\n,,REQ-2\nOla Nordmann,,REQ-3\n",
    )
    .expect("the list");
    let packages = t.path("packages");
    let out = t
        .dsr(["access", "--from"])
        .arg(&list)
        .args(["--output", "jsonl", "--out"])
        .arg(&packages)
        .status(3)
        .run();
    let lines = out.jsonl();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    let by_row = |row: u64| {
        lines
            .iter()
            .find(|l| l["row"] == row)
            .unwrap_or_else(|| panic!("row {row} reported"))
    };
    assert_eq!(by_row(3)["status"], "error");
    assert!(out.stderr.contains("row 3: no identity"), "{}", out.stderr);
    for (row, assets) in [(2, 2), (4, 2)] {
        let line = by_row(row);
        assert_eq!(line["status"], "done", "{line}");
        assert_eq!(line["counts"]["assets"], assets, "{line}");
        let zip = line["output"].as_str().expect("the package");
        assert!(zip.starts_with(packages.to_str().expect("utf-8")), "{zip}");
        assert!(std::path::Path::new(zip).is_file());
        t.dsr(["receipt", "verify"])
            .arg(line["receipt"].as_str().expect("a receipt"))
            .run();
    }
    // Every case opened is an access case with the row's reference.
    let cases = t.dsr(["case", "list", "-o", "json"]).run().json();
    assert_eq!(cases.as_array().expect("cases").len(), 2);

    let out = t
        .dsr(["portability", "--from"])
        .arg(&list)
        .args(["--output", "csv"])
        .status(3)
        .run();
    let rows = out.csv();
    assert_eq!(rows.len(), 3, "{}", out.stdout);
    let done: Vec<_> = rows.iter().filter(|r| r["status"] == "done").collect();
    assert_eq!(done.len(), 2);
    for r in done {
        assert!(r["output"].ends_with(".zip") && std::path::Path::new(&r["output"]).is_file());
    }
}

#[test]
fn rectify_from_a_list_applies_each_rows_correction() {
    let t = small_tenant();
    let list = t.path("changes.csv");
    std::fs::write(
        &list,
        "email,name,new_name\njane.doe@example.com,Jane Doe,Jane Roe\n,Ola Nordmann,\n",
    )
    .expect("the list");
    // Without --yes and without a terminal: every plan made, nothing changed, exit 4.
    let refused = t
        .dsr(["rectify", "--from"])
        .arg(&list)
        .args(["--output", "jsonl"])
        .status(4)
        .run();
    assert!(refused.stderr.contains("refused"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("row 3: nothing to correct"),
        "a row without a correction, and no --set, is reported: {}",
        refused.stderr
    );
    let sidecar = |id: &str| {
        std::fs::read_to_string(t.tenant_dir().join(format!("{id}.json"))).expect("a sidecar")
    };
    assert!(
        sidecar("Staff/jane.png").contains("Jane Doe"),
        "nothing changed yet"
    );

    let out = t
        .dsr(["rectify", "--from"])
        .arg(&list)
        .args(["--yes", "--output", "jsonl"])
        .status(3)
        .run();
    let lines = out.jsonl();
    let jane = lines.iter().find(|l| l["row"] == 2).expect("row 2");
    assert_eq!(jane["status"], "verified", "{jane}");
    assert_eq!(jane["counts"]["corrected"], 2, "{jane}");
    let ola = lines.iter().find(|l| l["row"] == 3).expect("row 3");
    assert_eq!(ola["status"], "error", "{ola}");
    assert!(sidecar("Staff/jane.png").contains("Jane Roe"));
    assert!(!sidecar("Staff/jane.png").contains("Jane Doe"));
    let both = sidecar("News/both.png");
    assert!(
        both.contains("Jane Roe") && both.contains("Ola Nordmann"),
        "{both}"
    );
    assert!(
        sidecar("Staff/ola.png").contains("Ola Nordmann"),
        "Ola untouched"
    );

    // A correction column is refused for the other commands.
    let out = t
        .dsr(["erase", "--from"])
        .arg(&list)
        .args(["--dry-run", "--output", "jsonl"])
        .status(3)
        .run();
    assert!(
        out.stderr.contains("row 2: a new_* column is a correction"),
        "{}",
        out.stderr
    );
}

#[test]
fn sigterm_stops_a_single_erasure_with_143_and_resume_finishes_it() {
    let t = Test::new();
    for i in 0..60 {
        t.asset(
            &format!("Staff/asset-{i:03}.png"),
            json!({"80": ["Jane Doe", "Kari Nordmann"], "5": format!("Story {i}")}),
        );
    }
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| o.latency_ms = 20);
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let journal = tenant.case_dir(&case).join("erase-journal.jsonl");
    let mut child = tenant
        .dsr(["erase", &case, "--yes", "--jobs", "2"])
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dsr starts");
    loop {
        let done = std::fs::read_to_string(&journal)
            .map_or(0, |j| j.matches("\"event\":\"done\"").count());
        if done >= 5 {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be stopped");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let output = child.wait_with_output().expect("reaped");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(143), "{stderr}");
    assert!(
        stderr.contains("SIGTERM") && stderr.contains("--resume"),
        "{stderr}"
    );
    // Every step begun was finished: the journal has no intent without its outcome.
    let text = std::fs::read_to_string(&journal).expect("the journal");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let mut open = BTreeSet::new();
    for line in &lines {
        if let Some(step) = line["step"].as_u64() {
            match line["event"].as_str() {
                Some("intent") => {
                    open.insert(step);
                }
                _ => {
                    open.remove(&step);
                }
            }
        }
    }
    assert!(open.is_empty(), "steps left in flight: {open:?}");
    tenant.dsr(["erase", &case, "--resume", "--yes"]).run();
    let patches = tenant
        .double()
        .requests()
        .iter()
        .filter(|r| r.method == "PATCH")
        .count();
    assert_eq!(patches, 60, "one PATCH per asset across both runs");
    assert!(!still_holds(&tenant, "Jane Doe"));
}

#[test]
fn a_finished_list_is_not_done_twice_and_resume_tries_again_only_what_was_left() {
    let t = Test::new();
    // Jane uploaded a photo showing Kari: it is scrubbed, but its uploader field (360) is
    // not writable on FotoWeb, so that part is left for a person and her erasure is partial.
    t.asset(
        "Staff/upload.png",
        json!({"360": "jdoe", "368": ["Kari Nordmann"], "5": "Kari at work"}),
    );
    t.asset(
        "Staff/ola.png",
        json!({"368": ["Ola Nordmann"], "5": "Ola Nordmann alone"}),
    );
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |_| {});
    let list = tenant.t.path("leavers.csv");
    std::fs::write(&list, "login,name\njdoe,\n,Ola Nordmann\n").expect("the list");
    let run = |extra: &[&str], status: i32| {
        tenant
            .dsr(["erase", "--from"])
            .arg(&list)
            .args(["--yes", "--output", "jsonl"])
            .args(extra)
            .status(status)
            .run()
    };
    let first = run(&[], 3).jsonl();
    let row = |lines: &[Value], n: u64| lines.iter().find(|l| l["row"] == n).cloned().expect("row");
    assert_eq!(row(&first, 2)["status"], "partial", "{first:?}");
    assert!(
        row(&first, 2)["errors"].to_string().contains("(manual)"),
        "left for a person: {first:?}"
    );
    assert_eq!(row(&first, 3)["status"], "verified", "{first:?}");
    let mutations = || {
        tenant
            .double()
            .requests()
            .iter()
            .filter(|r| is_mutation(r))
            .count()
    };
    let after_first = mutations();

    // The same list again: what was done then, nothing more.
    let again = run(&[], 3);
    assert!(
        again.stderr.contains("Nothing was done again"),
        "{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("--resume"),
        "it says how to try again: {}",
        again.stderr
    );
    assert!(again.jsonl().iter().all(|l| l["earlier"] == true));
    assert_eq!(mutations(), after_first);

    // --resume tries the partial subject again and leaves the verified one alone.
    let resumed = run(&["--resume"], 3).jsonl();
    assert_eq!(row(&resumed, 3)["earlier"], true, "{resumed:?}");
    assert_ne!(row(&resumed, 2)["earlier"], true, "{resumed:?}");
    assert_eq!(row(&resumed, 2)["status"], "partial", "still not writable");
    assert_eq!(
        row(&resumed, 2)["case"],
        row(&first, 2)["case"],
        "the same case"
    );
    let ola_deletes = tenant
        .double()
        .requests()
        .iter()
        .filter(|r| is_mutation(r) && r.method == "POST")
        .count();
    assert_eq!(ola_deletes, 1, "Ola's portrait was deleted once");
}

/// Two leavers pictured in one team photo and named in one story, with Kari Nordmann, who
/// stays; each leaver also has a portrait of their own, and four more leavers share nothing.
fn write_shared_photo(t: &Test) {
    let (astrid, bjarne) = (leaver(0).0, leaver(11).0);
    t.asset(
        "Events/team-photo.png",
        json!({
            "368": [astrid, bjarne, "Kari Nordmann"],
            "120": format!("{astrid} and {bjarne} with Kari Nordmann at the summer party."),
            "5": "Summer party"
        }),
    );
    t.asset(
        "News/story-shared.png",
        json!({"80": [bjarne, "Kari Nordmann", astrid], "5": "A story from the newsroom"}),
    );
    for n in [0, 11, 22, 33, 44, 55] {
        let (name, email) = leaver(n);
        t.asset(
            &format!("Staff/portrait-{n:03}.png"),
            json!({"368": [name], "308": [email], "5": "Portrait for the staff page"}),
        );
    }
}

fn two_leavers_in_one_photo_are_erased_one_after_the_other(kind: Kind) {
    let t = Test::new();
    write_shared_photo(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let list = tenant.t.path("leavers.csv");
    let mut csv = String::from("email,name,reference\n");
    for n in [0, 11, 22, 33, 44, 55] {
        let (name, email) = leaver(n);
        csv.push_str(&format!("{email},{name},HR-{n:03}\n"));
    }
    std::fs::write(&list, csv).expect("the list is written");
    let out = tenant
        .dsr(["erase", "--from"])
        .arg(&list)
        .args(["--yes", "--jobs", "8", "--output", "jsonl"])
        // The photo still shows them once scrubbed: kept by the controller's decision.
        .args([
            "--shown-with-others",
            "keep",
            "--reason",
            "the company's history",
        ])
        .run();
    let lines = out.jsonl();
    assert_eq!(lines.len(), 6, "{}", out.stdout);
    for line in &lines {
        assert_eq!(line["status"], "verified", "{line}\n{}", out.stderr);
        assert_eq!(line["counts"]["deleted"], 1, "their portrait: {line}");
    }
    for (reference, scrubbed) in [("HR-000", 1), ("HR-011", 1), ("HR-022", 0)] {
        let line = lines
            .iter()
            .find(|l| l["reference"] == reference)
            .expect("the row");
        assert_eq!(line["counts"]["scrubbed"], scrubbed, "the story: {line}");
    }
    let (astrid, bjarne) = (leaver(0).0, leaver(11).0);
    let photo = tenant.metadata("Events/team-photo.png").expect("kept");
    assert_eq!(photo["368"], json!(["Kari Nordmann"]), "{photo:?}");
    let story = tenant.metadata("News/story-shared.png").expect("kept");
    assert_eq!(story["80"], json!(["Kari Nordmann"]), "{story:?}");
    for metadata in [&photo, &story] {
        let text = serde_json::to_string(metadata).expect("JSON");
        assert!(
            !text.contains(&astrid) && !text.contains(&bjarne),
            "neither leaver is left: {text}"
        );
    }
    assert!(
        photo["120"].to_string().contains("Kari Nordmann"),
        "{photo:?}"
    );
    // The second leaver's step on each shared asset was planned again from the asset as
    // the first one left it, and its receipt says so.
    let replanned = lines
        .iter()
        .filter(|l| {
            let case = l["case"].as_str().expect("a case");
            let report = tenant.case_dir(case).join("erase-report.json");
            std::fs::read_to_string(report)
                .expect("the report")
                .contains("re-planned: the asset changed after planning")
        })
        .count();
    assert_eq!(replanned, 1, "one of the two leavers re-planned");

    let Some(double) = &tenant.double else { return };
    for asset in ["Events/team-photo.png.info", "News/story-shared.png.info"] {
        let requests: Vec<_> = double
            .requests()
            .into_iter()
            .filter(|r| r.path.ends_with(asset) && r.status != 0)
            .collect();
        let patches: Vec<_> = requests.iter().filter(|r| r.method == "PATCH").collect();
        assert_eq!(patches.len(), 2, "one PATCH per leaver on {asset}");
        // Each PATCH is preceded by a read of the asset made after the previous PATCH was
        // answered: no PATCH is computed from what the asset held before another's.
        let mut after = None;
        for patch in patches {
            let read = requests.iter().any(|r| {
                r.method == "GET"
                    && after.is_none_or(|t| r.received >= t)
                    && r.answered <= patch.received
            });
            assert!(
                read,
                "a PATCH of {asset} without a read after the last: {requests:?}"
            );
            after = Some(patch.answered);
        }
    }
}

#[test]
fn two_leavers_in_one_photo_are_erased_one_after_the_other_on_dir() {
    two_leavers_in_one_photo_are_erased_one_after_the_other(Kind::Dir);
}

#[test]
fn two_leavers_in_one_photo_are_erased_one_after_the_other_through_the_double() {
    two_leavers_in_one_photo_are_erased_one_after_the_other(Kind::Fotoweb);
}

/// Sixty stories Jane Doe wrote with Kari Nordmann, and the one someone edits while dsr is
/// about to erase her: enough steps that the plan printed before applying outgrows one
/// page of pipe.
fn write_stories(t: &Test) {
    for i in 0..60 {
        t.asset(
            &format!("News/story-{i:03}.png"),
            json!({"80": ["Jane Doe", "Kari Nordmann"], "5": format!("Story {i}")}),
        );
    }
    t.asset(
        "News/edited.png",
        json!({
            "80": ["Jane Doe", "Kari Nordmann"],
            "120": "Jane Doe and Kari Nordmann at the harbour."
        }),
    );
}

/// How a held `dsr erase` ended.
struct Held {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `dsr erase …` and holds it once it has made and begun to print its plan, before it
/// applies anything: its stdout is a pipe of one page, not read until `meanwhile` has run
/// (with the process id), and the plan is longer than that. Then lets it finish and checks
/// that its report, receipt and a fresh locate agree, as every erase of the suite does.
fn erase_held_after_planning(tenant: &Tenant, args: &[&str], meanwhile: impl FnOnce(u32)) -> Held {
    let started = std::time::SystemTime::now();
    let mut child = tenant
        .dsr(args)
        .command()
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dsr starts");
    let mut stdout = child.stdout.take().expect("stdout");
    rustix::pipe::fcntl_setpipe_size(&stdout, 4096).expect("a pipe of one page");
    let mut stderr = child.stderr.take().expect("stderr");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    // The first byte of the plan: it is made, and dsr waits for the rest to be read.
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("the plan begins");
    meanwhile(child.id());
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).expect("the rest of stdout");
    let status = child.wait().expect("dsr ends").code();
    let held = Held {
        status,
        stdout: String::from_utf8_lossy(&[&first[..], &rest].concat()).into_owned(),
        stderr: errors.join().expect("stderr read"),
    };
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    crate::agreement::Invocation {
        test: &tenant.t,
        args: &args,
        env: &[("DSR_CLIENT_SECRET".into(), SECRET.into())],
        started,
    }
    .check();
    held
}

/// Adds Per Hansen to the byline of the edited story, as another user would.
fn edit_the_story(tenant: &Tenant) {
    let byline = json!(["Jane Doe", "Kari Nordmann", "Per Hansen"]);
    match &tenant.double {
        Some(double) => double.set_field("News/edited.png", "80", byline),
        None => {
            tenant.t.asset(
                "News/edited.png",
                json!({"80": byline, "120": "Jane Doe and Kari Nordmann at the harbour."}),
            );
            tenant.copy_sidecar_to_store("News/edited.png");
        }
    }
}

/// The edited story ends without Jane and with both other people; its step says it was
/// planned again, in the run's report and in the receipt; the journal names the re-planned
/// step by action and hash only.
fn assert_replanned(tenant: &Tenant, case: &str) {
    let story = tenant.metadata("News/edited.png").expect("kept");
    assert_eq!(
        story["80"],
        json!(["Kari Nordmann", "Per Hansen"]),
        "{story:?}"
    );
    assert!(!story["120"].to_string().contains("Jane"), "{story:?}");
    let report: Value = serde_json::from_slice(
        &std::fs::read(tenant.case_dir(case).join("erase-report.json")).expect("the report"),
    )
    .expect("JSON");
    let step = report["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["asset"] == "News/edited.png")
        .expect("the edited story's step");
    assert_eq!(step["outcome"], "verified", "{step}");
    assert!(
        step["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("re-planned: the asset changed after planning")),
        "{step}"
    );
    let receipt = tenant.t.latest_receipt(case);
    let record = receipt["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .find(|a| a["asset"] == "News/edited.png")
        .expect("the edited story in the receipt");
    assert!(
        record["evidence"].to_string().contains("re-planned"),
        "{record}"
    );
    let journal = std::fs::read_to_string(tenant.case_dir(case).join("erase-journal.jsonl"))
        .expect("the journal");
    assert!(
        journal.contains("\"event\":\"replanned\""),
        "the journal records the re-plan: {journal}"
    );
    assert!(
        !journal.contains("Kari") && !journal.contains("Per Hansen"),
        "no personal value in the journal: {journal}"
    );
}

fn an_asset_edited_between_plan_and_apply_is_planned_again(kind: Kind) {
    let t = Test::new();
    write_stories(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let held = erase_held_after_planning(&tenant, &["erase", &case, "--yes"], |_| {
        edit_the_story(&tenant)
    });
    assert_eq!(held.status, Some(0), "{}\n{}", held.stdout, held.stderr);
    assert!(held.stdout.contains("re-planned"), "{}", held.stdout);
    assert_replanned(&tenant, &case);
}

#[test]
fn an_asset_edited_between_plan_and_apply_is_planned_again_on_dir() {
    an_asset_edited_between_plan_and_apply_is_planned_again(Kind::Dir);
}

#[test]
fn an_asset_edited_between_plan_and_apply_is_planned_again_in_an_object_store() {
    an_asset_edited_between_plan_and_apply_is_planned_again(Kind::Objects);
}

#[test]
fn an_asset_edited_between_plan_and_apply_is_planned_again_in_an_s3_bucket() {
    if crate::s3server::missing() {
        return;
    }
    an_asset_edited_between_plan_and_apply_is_planned_again(Kind::S3);
}

#[test]
fn an_asset_edited_between_plan_and_apply_is_planned_again_in_an_azure_container() {
    if crate::azurite::missing() {
        return;
    }
    an_asset_edited_between_plan_and_apply_is_planned_again(Kind::Azure);
}

#[test]
fn an_asset_edited_between_plan_and_apply_is_planned_again_through_the_double() {
    an_asset_edited_between_plan_and_apply_is_planned_again(Kind::Fotoweb);
}

fn a_stopped_erasure_resumed_after_its_asset_changed_finishes(kind: Kind) {
    let t = Test::new();
    write_stories(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    // Stopped once its plan is kept and before any step began; then the story is edited.
    let held = erase_held_after_planning(&tenant, &["erase", &case, "--yes"], |pid| {
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
    });
    assert_eq!(held.status, Some(143), "{}", held.stderr);
    assert!(held.stderr.contains("--resume"), "{}", held.stderr);
    edit_the_story(&tenant);
    let story = tenant.metadata("News/edited.png").expect("there");
    assert_eq!(
        story["80"],
        json!(["Jane Doe", "Kari Nordmann", "Per Hansen"])
    );
    let resumed = tenant.dsr(["erase", &case, "--resume", "--yes"]).run();
    assert!(resumed.stdout.contains("re-planned"), "{}", resumed.stdout);
    assert_replanned(&tenant, &case);
    assert!(
        tenant
            .everything()
            .values()
            .all(|m| !m.values().any(|v| v.to_string().contains("Jane Doe"))),
        "Jane is gone everywhere"
    );
}

#[test]
fn a_stopped_erasure_resumed_after_its_asset_changed_finishes_on_dir() {
    a_stopped_erasure_resumed_after_its_asset_changed_finishes(Kind::Dir);
}

#[test]
fn a_stopped_erasure_resumed_after_its_asset_changed_finishes_through_the_double() {
    a_stopped_erasure_resumed_after_its_asset_changed_finishes(Kind::Fotoweb);
}
