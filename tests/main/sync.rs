//! `dsr sync`: full and incremental indexing of a `dir` tenant, its report, malformed
//! sidecars and files without one.

use std::fs::File;
use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use crate::support::Test;

/// The counts of a sync report, in the order added, updated, removed, unchanged, indexed.
fn counts(report: &Value) -> [u64; 5] {
    ["added", "updated", "removed", "unchanged", "indexed"].map(|key| {
        report[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no count {key} in {report}"))
    })
}

/// The assets `locate` returns for a name, sorted.
fn located(t: &Test, name: &str) -> Vec<String> {
    let mut assets: Vec<String> = t
        .dsr(["locate", "--name", name])
        .hits()
        .iter()
        .map(|hit| hit["asset"].as_str().expect("an asset id").to_owned())
        .collect();
    assets.sort();
    assets
}

/// Moves a file's modification time without changing its content, as `touch` would.
fn touch(path: &std::path::Path, when: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(when))
        .unwrap_or_else(|e| panic!("cannot touch {}: {e}", path.display()));
}

#[test]
fn first_sync_adds_then_only_changes_are_read() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset(
        "Staff/b.jpg",
        json!({"80": ["Jane Doe"], "120": "Jane Doe at work."}),
    );
    t.asset("Press/c.jpg", json!({"368": ["Ola Nordmann"]}));
    // Neither is an asset: a file at the root is in no archive; a hidden file is a file
    // like any other, here one without a sidecar.
    t.write("README.md", b"# export");
    t.write("Staff/.DS_Store", b"junk");
    t.add_tenant("acme", &[]);

    let first = t.sync(&[]);
    assert_eq!(counts(&first), [3, 0, 0, 0, 3], "{first}");
    assert_eq!(first["full"], false);
    assert_eq!(first["errors"], json!([]));
    assert_eq!(first["without_sidecar"], json!(["Staff/.DS_Store"]));
    assert!(first["elapsed"].is_number(), "{first}");
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg", "Staff/b.jpg"]);

    let second = t.sync(&[]);
    assert_eq!(counts(&second), [0, 0, 0, 3, 3], "{second}");

    // Touching a sidecar is a change: its asset is read again, and only it.
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    touch(&t.tenant_dir().join("Staff/a.jpg.json"), long_ago);
    assert_eq!(counts(&t.sync(&[])), [0, 1, 0, 2, 3]);

    // Editing one: the index holds the new metadata, not the old.
    t.asset("Staff/b.jpg", json!({"80": ["Kari Nordmann"]}));
    assert_eq!(counts(&t.sync(&[])), [0, 1, 0, 2, 3]);
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg"]);
    assert_eq!(located(&t, "Kari Nordmann"), ["Staff/b.jpg"]);

    // A new asset is added, the others stay.
    t.asset("Press/d.jpg", json!({"361": "Jane Doe"}));
    assert_eq!(counts(&t.sync(&[])), [1, 0, 0, 3, 4]);

    // Deleting the file and its sidecar removes the asset: it is no longer found.
    std::fs::remove_file(t.tenant_dir().join("Staff/a.jpg")).expect("remove the file");
    std::fs::remove_file(t.tenant_dir().join("Staff/a.jpg.json")).expect("remove the sidecar");
    assert_eq!(counts(&t.sync(&[])), [0, 0, 1, 3, 3]);
    assert_eq!(located(&t, "Jane Doe"), ["Press/d.jpg"]);

    // --full rebuilds from scratch and finds the same.
    let full = t.sync(&["--full"]);
    assert_eq!(full["full"], true);
    assert_eq!(counts(&full)[0..3], [0, 0, 0], "{full}");
    assert_eq!(counts(&full)[4], 3, "{full}");
    assert_eq!(located(&t, "Jane Doe"), ["Press/d.jpg"]);
    // Said for people as what it was: everything read again, not "3 unchanged".
    let said = t.dsr(["sync", "--full"]).run().stderr;
    assert!(
        said.contains("every asset read and indexed afresh, 3 in all")
            && !said.contains("unchanged"),
        "{said}"
    );
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 3, 3]);
}

#[test]
fn the_summary_is_for_people_and_quiet_silences_it() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    let out = t.dsr(["sync"]).run();
    let text = format!("{}{}", out.stdout, out.stderr);
    assert!(
        text.contains("Synced tenant 'acme'") && text.contains("1 added"),
        "{}",
        out.dump()
    );
    // The README promises: stdout carries only data; summaries go to stderr.
    assert!(
        out.stdout.is_empty() && out.stderr.contains("Synced tenant 'acme'"),
        "the summary belongs on stderr\n{}",
        out.dump()
    );
    let quiet = t.dsr(["sync", "-q"]).run();
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));
}

#[test]
fn locate_before_sync_says_to_sync() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    let message = t.dsr(["locate", "Jane Doe"]).status(2).run().error();
    assert!(message.contains("dsr sync"), "{message}");
}

/// An index built with other fields (by another version of dsr) is never answered from:
/// `locate` says to sync, whatever the state beside it says, and `sync` rebuilds it.
#[test]
fn an_index_of_other_fields_is_rebuilt_never_searched() {
    use tantivy::schema::{STORED, STRING, Schema};
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let index = t.tenant_data("acme").join("index");
    std::fs::remove_dir_all(&index).expect("the index is removed");
    std::fs::create_dir(&index).expect("an index folder");
    let mut fields = Schema::builder();
    fields.add_text_field("id", STRING | STORED);
    tantivy::Index::create_in_dir(&index, fields.build()).expect("an index of other fields");

    let message = t.dsr(["locate", "Jane Doe"]).status(2).run().error();
    assert!(message.contains("dsr sync"), "{message}");

    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert_eq!(
        report["rebuilt_because"],
        "the index was built by another version of dsr"
    );
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg"]);
}

/// A tenant synced by an older version of dsr (its sync state of an older format) is not
/// taken for never indexed: `locate` names the other version and `dsr sync`, which rebuilds.
#[test]
fn a_sync_state_of_an_older_version_asks_for_a_sync_not_a_first_one() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let data = t.tenant_data("acme");
    let state = data.join("state.json");
    let text = std::fs::read_to_string(&state).expect("the sync state");
    let mut older: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    older["format"] = json!(older["format"].as_u64().expect("a format") - 1);
    std::fs::write(&state, older.to_string()).expect("an older state");
    // The summary beside it is of the older format too.
    let summary = data.join("summary.json");
    if let Ok(text) = std::fs::read_to_string(&summary) {
        let mut older: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        older["format"] = json!(older["format"].as_u64().expect("a format") - 1);
        std::fs::write(&summary, older.to_string()).expect("an older summary");
    }

    let message = t.dsr(["locate", "Jane Doe"]).status(2).run().error();
    assert!(message.contains("another version of dsr"), "{message}");
    assert!(message.contains("dsr sync"), "{message}");
    assert!(!message.contains("not been indexed"), "{message}");

    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg"]);
}

/// An index apart from the sync state beside it (its folder deleted, or restored from a
/// backup older than the state) is rebuilt by the next sync: a versions file that lists
/// assets the index lacks would take each for unchanged, and a locate would miss her there.
#[test]
fn an_index_apart_from_its_sync_state_is_rebuilt_by_the_next_sync() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let index = t.tenant_data("acme").join("index");
    let backup = t.path("index-backup");
    crate::support::copy_tree(&index, &backup);
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe"]}));
    t.sync(&[]);
    std::fs::remove_dir_all(&index).expect("the index is removed");
    crate::support::copy_tree(&backup, &index);

    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert_eq!(
        report["rebuilt_because"],
        "the index did not hold the assets the sync state lists"
    );
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg", "Staff/b.jpg"]);

    // Lost whole: the sync makes a new index and fills it, rather than an empty one.
    std::fs::remove_dir_all(&index).expect("the index is removed");
    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg", "Staff/b.jpg"]);
}

/// The lines of a tenant's versions file between its header and trailer.
fn version_lines(t: &Test) -> Vec<String> {
    let path = t.tenant_data("acme").join("versions.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"dsr versions 1"), "{text}");
    assert_eq!(
        lines.last().map(|l| l.to_string()),
        Some(format!("end {}", lines.len() - 2)),
        "{text}"
    );
    lines[1..lines.len() - 1]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// A data directory of a dsr that kept the versions inside `state.json` goes on working:
/// `locate` answers from it as it is, and the next sync moves the versions to their own
/// file once, reading only what changed.
#[test]
fn versions_kept_in_an_older_state_are_moved_to_their_own_file_once() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Press/c.jpg", json!({"368": ["Ola Nordmann"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let data = t.tenant_data("acme");
    // As the older dsr wrote it: the versions in the state, no versions file, no summary.
    let versions: serde_json::Map<String, Value> = version_lines(&t)
        .iter()
        .map(|line| {
            let (id, version) = line.split_once('\t').expect("id TAB version");
            (id.to_owned(), Value::from(version))
        })
        .collect();
    assert_eq!(versions.len(), 3);
    let state_path = data.join("state.json");
    let mut state: Value =
        serde_json::from_slice(&std::fs::read(&state_path).expect("the state")).expect("JSON");
    assert!(state.get("versions").is_none(), "{state}");
    state["versions"] = Value::Object(versions);
    std::fs::write(&state_path, state.to_string()).expect("an older state");
    std::fs::remove_file(data.join("versions.tsv")).expect("no versions file");
    std::fs::remove_file(data.join("summary.json")).expect("no summary");

    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg", "Staff/b.jpg"]);
    let status = t.dsr(["tenant", "show", "acme"]).run();
    assert!(
        status.stdout.contains("assets indexed  3"),
        "{}",
        status.dump()
    );

    t.asset("Staff/b.jpg", json!({"80": ["Kari Nordmann"]}));
    let report = t.sync(&[]);
    assert_eq!(report["full"], false, "{report}");
    assert_eq!(counts(&report), [0, 1, 0, 2, 3], "{report}");
    assert_eq!(version_lines(&t).len(), 3);
    let state: Value =
        serde_json::from_slice(&std::fs::read(&state_path).expect("the state")).expect("JSON");
    assert!(
        state.get("versions").is_none(),
        "moved, not kept twice: {state}"
    );
    assert_eq!(located(&t, "Kari Nordmann"), ["Staff/b.jpg"]);
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 3, 3]);
}

/// One sync walking the listing beside the versions file notices an asset changed, one
/// added and one removed, in different archives, and the file then holds exactly what
/// is indexed.
#[test]
fn the_versions_file_is_merged_with_what_changed_was_added_and_is_gone() {
    let t = Test::new();
    for id in ["A/1.jpg", "B/1.jpg", "B/3.jpg", "C/1.jpg"] {
        t.asset(id, json!({"80": ["Jane Doe"]}));
    }
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let before = version_lines(&t);
    assert_eq!(before.len(), 4);
    // Nothing changed: the file is not even written again.
    let path = t.tenant_data("acme").join("versions.tsv");
    let written = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("a time");
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 4, 4]);
    let again = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("a time");
    assert_eq!(written, again);

    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    touch(&t.tenant_dir().join("A/1.jpg.json"), long_ago);
    t.asset("B/2.jpg", json!({"80": ["Kari Nordmann"]}));
    std::fs::remove_file(t.tenant_dir().join("C/1.jpg")).expect("remove the file");
    std::fs::remove_file(t.tenant_dir().join("C/1.jpg.json")).expect("remove the sidecar");
    assert_eq!(counts(&t.sync(&[])), [1, 1, 1, 2, 4]);
    let after = version_lines(&t);
    let ids: Vec<&str> = after.iter().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(ids, ["A/1.jpg", "B/1.jpg", "B/2.jpg", "B/3.jpg"]);
    assert_ne!(after[0], before[0], "the changed version is the new one");
    assert_eq!(after[1], before[1]);
    assert_eq!(located(&t, "Kari Nordmann"), ["B/2.jpg"]);
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 4, 4]);
}

/// A versions file cut short or missing is no knowledge: the sync reads every asset
/// again instead of taking those it lists no longer for gone or the rest for unchanged.
/// One that lost lines inside is never trusted either: the sync stops, names it, and a
/// full sync reads everything.
#[test]
fn a_versions_file_cut_short_missing_or_damaged_is_never_trusted() {
    let t = Test::new();
    for i in 0..20 {
        t.asset(&format!("Staff/{i:02}.jpg"), json!({"80": ["Jane Doe"]}));
    }
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let path = t.tenant_data("acme").join("versions.tsv");
    let whole = std::fs::read(&path).expect("the versions");

    // Cut short, with a sidecar changed meanwhile: read again, not left as it was.
    std::fs::write(&path, &whole[..whole.len() / 2]).expect("cut short");
    t.asset("Staff/15.jpg", json!({"80": ["Kari Nordmann"]}));
    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert_eq!(report["rebuilt_because"], "the sync state was not whole");
    assert_eq!(counts(&report)[4], 20, "{report}");
    assert_eq!(located(&t, "Kari Nordmann"), ["Staff/15.jpg"]);
    assert_eq!(version_lines(&t).len(), 20);

    std::fs::remove_file(&path).expect("removed");
    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert_eq!(report["rebuilt_because"], "the sync state was missing");
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 20, 20]);

    // A line lost inside, the trailer kept.
    let text = std::fs::read_to_string(&path).expect("the versions");
    let lost = text.lines().nth(5).expect("a line").to_owned() + "\n";
    std::fs::write(&path, text.replacen(&lost, "", 1)).expect("damaged");
    let message = t.dsr(["sync"]).status(2).run().error();
    assert!(
        message.contains("versions.tsv") && message.contains("dsr sync --full"),
        "{message}"
    );
    let report = t.sync(&["--full"]);
    assert_eq!(counts(&report)[4], 20, "{report}");
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 20, 20]);
}

/// A sidecar with a trailing comma on line 4, column 3.
const TRAILING_COMMA: &str =
    "{\n  \"metadata\": {\n    \"80\": {\"value\": [\"Jane Doe\"]},\n  }\n}\n";

#[test]
fn a_malformed_sidecar_is_named_with_line_and_column_and_the_rest_is_indexed() {
    let t = Test::new();
    t.asset("Staff/good.jpg", json!({"80": ["Jane Doe"]}));
    t.write("Staff/bad.jpg", b"image");
    t.write("Staff/bad.jpg.json", TRAILING_COMMA.as_bytes());
    t.write("Press/nometa.jpg", b"image");
    t.write(
        "Press/nometa.jpg.json",
        br#"{"modified": "2024-01-01T00:00:00Z"}"#,
    );
    t.add_tenant("acme", &[]);

    let out = t.dsr(["sync"]).status(3).run();
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("dsr: warning: "))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", out.dump());
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Staff/bad.jpg.json:4:3")),
        "the malformed file is named with line:column\n{}",
        out.dump()
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Press/nometa.jpg.json:1:1")),
        "{}",
        out.dump()
    );
    assert!(!out.stderr.contains("dsr: error:"), "{}", out.dump());

    let report = t.dsr(["sync", "-o", "json"]).status(3).run().json();
    let errors = report["errors"].as_array().expect("a list of errors");
    assert_eq!(errors.len(), 2, "{report}");
    assert!(errors.iter().any(|e| {
        e.as_str()
            .is_some_and(|e| e.contains("Staff/bad.jpg.json:4:3"))
    }));
    assert_eq!(report["indexed"], 1);
    assert_eq!(located(&t, "Jane Doe"), ["Staff/good.jpg"]);

    // Once fixed, the next incremental sync picks it up.
    t.asset("Staff/bad.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Press/nometa.jpg", json!({"5": "A title"}));
    let fixed = t.sync(&[]);
    assert_eq!(counts(&fixed), [2, 0, 0, 1, 3], "{fixed}");
    assert_eq!(located(&t, "Jane Doe"), ["Staff/bad.jpg", "Staff/good.jpg"]);
}

#[test]
fn an_asset_whose_sidecar_breaks_stays_found_until_fixed() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    t.write("Staff/a.jpg.json", TRAILING_COMMA.as_bytes());
    t.dsr(["sync"]).status(3).run();
    // Its old metadata is still personal data the platform holds: keep it findable.
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg"]);
    t.asset("Staff/a.jpg", json!({"80": ["Kari Nordmann"]}));
    assert_eq!(counts(&t.sync(&[])), [0, 1, 0, 0, 1]);
    assert_eq!(located(&t, "Jane Doe"), Vec::<String>::new());
}

#[test]
fn an_asset_whose_sidecar_is_deleted_leaves_the_index() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    // Without its metadata the file is no longer an asset dsr can read: it is removed from
    // the index and reported as a file without a sidecar.
    std::fs::remove_file(t.tenant_dir().join("Staff/a.jpg.json")).expect("remove the sidecar");
    let report = t.sync(&[]);
    assert_eq!(counts(&report), [0, 0, 1, 1, 1], "{report}");
    assert_eq!(report["without_sidecar"], json!(["Staff/a.jpg"]));
    assert_eq!(located(&t, "Jane Doe"), ["Staff/b.jpg"]);
}

#[test]
fn files_without_a_sidecar_are_counted_and_reported() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    for i in 0..12 {
        t.write(&format!("Staff/orphan-{i:02}.jpg"), b"image");
    }
    // A sidecar whose file is gone still holds personal data: it is an asset.
    t.write(
        "Press/lonely.jpg.json",
        br#"{"metadata": {"80": {"value": ["Jane Doe"]}}}"#,
    );
    t.add_tenant("acme", &[]);

    let out = t.dsr(["sync"]).run();
    assert!(
        out.stderr.contains("12 file(s) have no sidecar")
            && out.stderr.contains("Staff/orphan-00.jpg")
            && out.stderr.contains("and 2 more"),
        "{}",
        out.dump()
    );
    let report = t.sync(&["--full"]);
    let strays = report["without_sidecar"]
        .as_array()
        .expect("a list of files");
    assert_eq!(strays.len(), 12, "{report}");
    assert!(strays.contains(&json!("Staff/orphan-11.jpg")), "{report}");
    assert_eq!(report["indexed"], 2);
    assert_eq!(located(&t, "Jane Doe"), ["Press/lonely.jpg", "Staff/a.jpg"]);
}

/// The assets the last sync could not read, as its JSON report lists them.
fn unreadable(report: &Value) -> Vec<&str> {
    report["unreadable"]
        .as_array()
        .unwrap_or_else(|| panic!("no list of unreadable assets in {report}"))
        .iter()
        .map(|id| id.as_str().expect("an asset id"))
        .collect()
}

#[test]
fn assets_that_cannot_be_read_are_remembered_until_fixed_removed_or_rebuilt() {
    let t = Test::new();
    t.asset("Staff/good.jpg", json!({"80": ["Jane Doe"]}));
    t.write("Staff/bad.jpg", b"image");
    t.write("Staff/bad.jpg.json", TRAILING_COMMA.as_bytes());
    t.add_tenant("acme", &[]);
    let list = t.tenant_data("acme").join("unreadable.json");

    let first = t.dsr(["sync", "-o", "json"]).status(3).run().json();
    assert_eq!(unreadable(&first), ["Staff/bad.jpg"], "{first}");
    // Ids only: what the broken sidecar holds never leaves it.
    let kept = std::fs::read_to_string(&list).expect("the list is kept beside the index");
    assert!(
        kept.contains("Staff/bad.jpg") && !kept.contains("Jane"),
        "{kept}"
    );
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&list)
            .expect("the list")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "owner-only");
    }

    // An incremental sync keeps what is still broken…
    let again = t.dsr(["sync", "-o", "json"]).status(3).run().json();
    assert_eq!(unreadable(&again), ["Staff/bad.jpg"], "{again}");
    // …and drops what was fixed.
    t.asset("Staff/bad.jpg", json!({"80": ["Jane Doe"]}));
    let fixed = t.sync(&[]);
    assert_eq!(unreadable(&fixed), Vec::<&str>::new(), "{fixed}");
    assert!(!list.exists(), "nothing left to remember");

    // Broken again, then removed: gone from the list too, though it was never indexed
    // in its broken state.
    t.write("Press/new.jpg", b"image");
    t.write("Press/new.jpg.json", TRAILING_COMMA.as_bytes());
    let broken = t.dsr(["sync", "-o", "json"]).status(3).run().json();
    assert_eq!(unreadable(&broken), ["Press/new.jpg"], "{broken}");
    std::fs::remove_file(t.tenant_dir().join("Press/new.jpg")).expect("remove the file");
    std::fs::remove_file(t.tenant_dir().join("Press/new.jpg.json")).expect("remove the sidecar");
    let removed = t.sync(&[]);
    assert_eq!(unreadable(&removed), Vec::<&str>::new(), "{removed}");

    // A full sync works the list out afresh.
    t.write("Staff/good.jpg.json", TRAILING_COMMA.as_bytes());
    std::fs::write(&list, br#"{"assets": ["Gone/long-ago.jpg"]}"#).expect("a stale list");
    let full = t
        .dsr(["sync", "--full", "-o", "json"])
        .status(3)
        .run()
        .json();
    assert_eq!(unreadable(&full), ["Staff/good.jpg"], "{full}");
}

/// Holds the tenant's lock the way dsr holds it (an exclusive lock on the file, the
/// holder's pid inside) until dropped.
fn hold_tenant_lock(t: &Test) -> File {
    use std::io::Write as _;
    let mut lock = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(t.tenant_data("acme").join("lock"))
        .expect("the lock file");
    lock.try_lock().expect("the lock is free");
    // An earlier dsr run (the sync) left its own, possibly longer, pid in the file.
    lock.set_len(0).expect("emptied");
    write!(lock, "{}", std::process::id()).expect("the pid");
    lock.flush().expect("flushed");
    lock
}

/// Every file of the tenant's data folder but the lock, with its bytes.
fn tenant_data(t: &Test) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let dir = t.tenant_data("acme");
    Test::entries(&dir)
        .into_iter()
        .filter(|p| dir.join(p).is_file() && p.as_os_str() != "lock")
        .map(|p| {
            let bytes = std::fs::read(dir.join(&p)).expect("a data file");
            (p, bytes)
        })
        .collect()
}

#[test]
fn sync_is_refused_while_another_process_changes_the_tenant() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe"]}));
    let before = tenant_data(&t);
    let lock = hold_tenant_lock(&t);

    for args in [&["sync"][..], &["sync", "--full"]] {
        let out = t.dsr(args).status(2).run();
        let error = out.error();
        assert!(
            error.contains("another dsr process")
                && error.contains(&format!("(pid {})", std::process::id()))
                && error.contains("acme")
                && error.contains("wait for it"),
            "{}",
            out.dump()
        );
        assert!(!error.contains("LockBusy"), "{}", out.dump());
    }
    let out = t.dsr(["tenant", "remove", "acme"]).status(2).run();
    assert!(
        out.error().contains("another dsr process"),
        "{}",
        out.dump()
    );
    assert!(t.config_file().is_file());
    assert_eq!(
        tenant_data(&t),
        before,
        "the index and its state are unchanged"
    );
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg"]);

    drop(lock);
    t.sync(&[]);
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg", "Staff/b.jpg"]);
}

/// Reading a tenant to index it is no one's access to its assets: a sync leaves the access
/// time of the sidecars it reads as it was, for the files dsr owns (`O_NOATIME`). The
/// access time is set before the modification time, so a file system mounted `relatime`
/// (the default) would move it on the first read; one mounted `noatime` never does, and
/// then this passes whatever dsr does.
#[test]
fn a_sync_leaves_the_access_time_of_what_it_reads() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    let sidecar = t.tenant_dir().join("Staff/a.jpg.json");
    let accessed = SystemTime::UNIX_EPOCH + Duration::from_secs(1_500_000_000);
    File::options()
        .write(true)
        .open(&sidecar)
        .and_then(|f| {
            f.set_times(
                std::fs::FileTimes::new()
                    .set_accessed(accessed)
                    .set_modified(accessed + Duration::from_secs(60)),
            )
        })
        .expect("the sidecar's times set");
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.dsr(["sync", "--full"]).run();
    assert_eq!(located(&t, "Jane Doe"), ["Staff/a.jpg"]);
    let after = std::fs::metadata(&sidecar)
        .and_then(|m| m.accessed())
        .expect("the sidecar's access time");
    assert_eq!(after, accessed);
}
