//! What `dsr locate` prints: the table, JSON, JSON lines and CSV read back, formula
//! neutralisation in CSV, exit statuses, a closed pipe, and untrusted metadata kept away
//! from the terminal.

use std::collections::BTreeMap;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::{Test, sandbox_env};

/// A tenant where Jane Doe appears in several fields of several assets, among others.
fn tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/2024/board.jpg",
        json!({
            "80": ["Ola Nordmann; Jane Doe"],
            "120": "Jane Doe presents the budget with Ola Nordmann.",
            "308": ["jane.doe@example.com"],
            "360": "jdoe",
        }),
    );
    t.asset(
        "Press/kit.jpg",
        json!({"368": ["Doe, Jane", "Kari Nordmann"]}),
    );
    t.asset("Press/initials.jpg", json!({"80": ["J. Doe"]}));
    t.asset("Press/other.jpg", json!({"80": ["Jane Smith"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    t
}

const JANE: [&str; 5] = ["locate", "--name", "Jane Doe", "--login", "jdoe"];

#[test]
fn json_jsonl_and_csv_read_back_the_same_hits() {
    let t = tenant();
    let document = t.dsr(JANE).args(["-o", "json"]).run().json();
    assert_eq!(
        document["unreadable"],
        json!([]),
        "every asset was searched"
    );
    let hits = document["hits"].as_array().expect("one JSON array of hits");
    let assets: Vec<&str> = hits.iter().filter_map(|h| h["asset"].as_str()).collect();
    // Strongest first, then by asset id.
    assert_eq!(
        assets,
        [
            "Press/kit.jpg",
            "Staff/2024/board.jpg",
            "Press/initials.jpg"
        ]
    );
    let board = &hits[1];
    assert_eq!(board["archive"], "Staff");
    assert_eq!(board["filename"], "board.jpg");
    assert_eq!(board["confidence"], "high");
    let matches: BTreeMap<String, &Value> = board["matches"]
        .as_array()
        .expect("a list of matches")
        .iter()
        .map(|m| (m["field"].as_str().unwrap_or_default().to_owned(), m))
        .collect();
    assert_eq!(
        *matches["80"],
        json!({"field": "80", "label": "Byline", "identity": "name:Jane Doe",
               "rule": "name", "confidence": "high", "value": "Jane Doe"}),
        "the value is the subject's own, never the rest of the field"
    );
    assert_eq!(matches["120"]["value"], "Jane Doe");
    assert_eq!(matches["120"]["rule"], "name-in-text");
    assert_eq!(matches["360"]["value"], "jdoe");
    assert_eq!(matches["360"]["label"], "Uploaded by (login)");
    assert_eq!(hits[0]["matches"][0]["value"], "Doe, Jane");

    let lines = t.dsr(JANE).args(["-o", "jsonl"]).run().jsonl();
    assert_eq!(&lines, hits, "one JSON object per line, the same hits");

    let rows = t.dsr(JANE).args(["-o", "csv"]).run().csv();
    let expected: Vec<BTreeMap<String, String>> = hits
        .iter()
        .flat_map(|hit| {
            hit["matches"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |m| {
                    let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
                    [
                        ("asset", s(&hit["asset"])),
                        ("archive", s(&hit["archive"])),
                        ("filename", s(&hit["filename"])),
                        ("confidence", s(&hit["confidence"])),
                        ("field", s(&m["field"])),
                        ("label", s(&m["label"])),
                        ("identity", s(&m["identity"])),
                        ("rule", s(&m["rule"])),
                        ("match_confidence", s(&m["confidence"])),
                        ("value", s(&m["value"])),
                    ]
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect()
                })
        })
        .collect();
    assert_eq!(rows, expected, "one CSV row per match");
    assert!(rows.len() > hits.len());
}

#[test]
fn the_table_is_for_people() {
    let t = tenant();
    let out = t.dsr(JANE).run();
    let mut lines = out.stdout.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["CONFIDENCE", "ASSET", "FIELD", "RULE", "VALUE"]);
    // Each asset's id is on its first row; further matches of it leave the cell empty.
    for asset in [
        "Press/kit.jpg",
        "Staff/2024/board.jpg",
        "Press/initials.jpg",
    ] {
        assert_eq!(
            out.stdout.matches(asset).count(),
            1,
            "{asset}\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("Byline (80)"), "{}", out.stdout);
    assert!(!out.stdout.contains("Press/other.jpg"));
    // The tally is a message for people: stderr.
    assert!(
        out.stderr
            .contains("3 asset(s) hold this person: 2 high, 0 medium, 1 low"),
        "{}",
        out.dump()
    );
    assert!(!out.stdout.contains("asset(s) hold"));
    let quiet = t.dsr(JANE).arg("-q").run();
    assert_eq!(quiet.stderr, "");
    assert_eq!(quiet.stdout, out.stdout);
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let t = Test::new();
    t.asset("=SUM(1+1)/a.jpg", json!({"368": ["=Jane Doe"]}));
    t.asset("Press/+b.jpg", json!({"80": ["-Jane Doe"]}));
    t.asset("Press/@c.jpg", json!({"360": "@jdoe"}));
    t.asset(
        "Press/-d.jpg",
        json!({"=HYPERLINK(1)": "Notes by Jane Doe"}),
    );
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let args = ["locate", "--name", "Jane Doe", "--login", "@jdoe"];

    let rows = t.dsr(args).args(["-o", "csv"]).run().csv();
    assert_eq!(rows.len(), 4, "{rows:?}");
    for row in &rows {
        for (column, cell) in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{column} = {cell:?} would run as a formula"
            );
        }
    }
    let cells = |column: &str| -> Vec<String> {
        let mut cells: Vec<String> = rows.iter().map(|r| r[column].clone()).collect();
        cells.sort();
        cells
    };
    assert!(cells("archive").contains(&"'=SUM(1+1)".to_owned()));
    assert_eq!(
        cells("filename"),
        ["'+b.jpg", "'-d.jpg", "'@c.jpg", "a.jpg"]
    );
    assert_eq!(cells("field")[0], "'=HYPERLINK(1)");
    let values = cells("value");
    for value in ["'=Jane Doe", "'-Jane Doe", "'@jdoe", "Jane Doe"] {
        assert!(values.contains(&value.to_owned()), "{value} in {values:?}");
    }

    // Only CSV is for spreadsheets: JSON keeps the values as they are.
    let json = t.dsr(args).args(["-o", "json"]).run().stdout;
    assert!(
        json.contains("\"=Jane Doe\"") && json.contains("\"@jdoe\""),
        "{json}"
    );
}

#[test]
fn nothing_found_is_exit_1_in_every_format() {
    let t = tenant();
    let none = ["locate", "--name", "Nobody Atall"];
    let table = t.dsr(none).status(1).run();
    assert_eq!(
        table.stdout.lines().count(),
        1,
        "only the header\n{}",
        table.dump()
    );
    assert!(
        table.stderr.contains("No asset holds this person."),
        "{}",
        table.dump()
    );
    assert_eq!(
        t.dsr(none).args(["-o", "json"]).status(1).run().json(),
        json!({"hits": [], "unreadable": []})
    );
    assert_eq!(t.dsr(none).args(["-o", "jsonl"]).status(1).run().stdout, "");
    let csv = t.dsr(none).args(["-o", "csv"]).status(1).run();
    assert_eq!(csv.csv(), Vec::<BTreeMap<String, String>>::new());
    assert!(
        csv.stdout.starts_with("asset,archive,filename,confidence,"),
        "{}",
        csv.stdout
    );
}

#[test]
fn bad_input_is_exit_2_with_one_error_line_that_does_not_repeat_it() {
    let t = tenant();
    for (args, says) in [
        (&["locate"][..], "say whom to locate"),
        (&["locate", "-o", "json"], "say whom to locate"),
        (
            &["locate", "--email", "secret-not-an-address"],
            "not an e-mail address",
        ),
        (
            &["locate", "--email", "secret@nodot"],
            "not an e-mail address",
        ),
        (&["locate", "--name", "¡¿!?"], "no letters or digits"),
        (&["locate", "--login", "   "], "no letters or digits"),
        (
            &["locate", "--phone", "secret-phone-77"],
            "not a phone number",
        ),
        (
            &["locate", "--name", "Jane Doe", "--phone", "+47 12"],
            "#2 is not a phone number",
        ),
    ] {
        let out = t.dsr(args).status(2).run();
        assert_eq!(out.stdout, "", "{args:?}");
        let message = out.error();
        assert!(message.contains(says), "{args:?}: {message}");
        // Errors end up in logs and tickets: they name the identity, never its value.
        assert!(!message.contains("secret"), "{args:?}: {message}");
    }
    // Logs at any level keep the values searched for and found out, like errors do.
    let logged = t
        .dsr([
            "-vvv", "locate", "--name", "Jane Doe", "--login", "jdoe", "-o", "json",
        ])
        .run();
    let resync = t.dsr(["-vvv", "sync", "--full", "-o", "json"]).run();
    for stderr in [&logged.stderr, &resync.stderr] {
        for value in ["Jane", "jdoe", "jane.doe@", "Nordmann"] {
            assert!(!stderr.contains(value), "{value} logged:\n{stderr}");
        }
    }
    // Nothing is read from stdin: a value piped in is not a search.
    let piped = t
        .dsr(["locate"])
        .stdin("Jane Doe\n")
        .status(2)
        .run()
        .error();
    assert!(piped.contains("say whom to locate"), "{piped}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let t = tenant();
    // As a user meets it: `dsr locate … | head -0`, with dsr's own status kept by pipefail.
    for format in ["table", "json", "csv"] {
        let mut pipeline = std::process::Command::new("bash");
        pipeline
            .args(["-c", "set -o pipefail; \"$0\" \"$@\" | head -0"])
            .arg(crate::support::dsr_path())
            .args(JANE)
            .args(["-o", format]);
        sandbox_env(&mut pipeline, &t);
        let out = pipeline.output().expect("bash runs the pipeline");
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).as_ref()
            ),
            (Some(0), ""),
            "{format}"
        );
    }
    // The same without a race: stdout is a pipe whose reading end is already closed.
    for format in ["table", "json", "jsonl", "csv"] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut cmd = t.dsr(JANE).args(["-o", format]).command();
        cmd.stdout(Stdio::from(writer));
        let out = cmd.output().expect("dsr runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            (out.status.code(), stderr.as_ref()),
            (Some(0), ""),
            "{format}"
        );
    }
}

/// True for characters that could drive a terminal: everything in Unicode's control
/// category but the line feed.
fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n'
}

#[test]
fn control_characters_in_metadata_never_reach_the_terminal() {
    let t = Test::new();
    t.asset(
        "Press/evil\u{1b}[2J.jpg",
        json!({"368": ["Jane\u{1b}[1m Doe"], "120": "Jane Doe\u{7}\u{9b}31m rings the bell."}),
    );
    t.write("Press/bad\u{1b}]0;owned\u{7}.jpg.json", b"{ not json");
    t.write("Press/orphan\u{1b}[5m.jpg", b"image");
    t.add_tenant("acme", &[]);
    t.dsr([
        "tenant",
        "add",
        "dam",
        "--platform",
        "fotoweb",
        "--client-id",
        "c\u{1b}[8m",
    ])
    .args(["--url", "https://dam.example.com/\u{1b}[2J"])
    .run();

    let sync = t.dsr(["sync", "--tenant", "acme"]).status(3).run();
    assert!(sync.stderr.contains("Press/bad"), "{}", sync.dump());
    assert!(sync.stderr.contains("Press/orphan"), "{}", sync.dump());
    let mut outputs = vec![sync];
    // The unreadable sidecar was not searched (exit 3), and --explain names it.
    let located = t
        .dsr(["locate", "--tenant", "acme", "Jane Doe", "--explain"])
        .status(3)
        .run();
    assert!(located.stderr.contains("Press/bad"), "{}", located.dump());
    outputs.push(located);
    outputs.push(t.dsr(["tenant", "list"]).run());
    outputs.push(t.dsr(["tenant", "show", "dam"]).run());
    let table = &outputs[1];
    assert!(table.stdout.contains("Press/evil"), "{}", table.dump());
    assert!(table.stdout.matches("Doe").count() >= 2, "{}", table.dump());
    for out in &outputs {
        for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let raw: Vec<char> = text.chars().filter(|c| is_unsafe(*c)).collect();
            assert!(raw.is_empty(), "{stream} holds {raw:?}\n{}", out.dump());
        }
    }

    // JSON escapes them, so machines still get the exact value.
    let hits = t.dsr(["locate", "--tenant", "acme", "Jane Doe"]).hits();
    let json = serde_json::to_string(&hits).expect("hits as JSON");
    assert!(json.contains("Jane\\u001b[1m Doe"), "{json}");
}

#[test]
fn every_listing_speaks_human_json_jsonl_and_csv() {
    let t = tenant();
    t.dsr(["case", "open", "--right", "access", "--name", "Jane Doe"])
        .run();
    t.dsr([
        "case",
        "open",
        "--right",
        "erasure",
        "--name",
        "Ola Nordmann",
    ])
    .run();
    for command in [
        &["case", "list"][..],
        &["tenant", "list"][..],
        &["audit"][..],
        &["sync"][..],
    ] {
        let json = t.dsr(command).args(["-o", "json"]).run().json();
        let items: Vec<Value> = match json {
            Value::Array(items) => items,
            other => vec![other],
        };
        let jsonl = t.dsr(command).args(["-o", "jsonl"]).run().jsonl();
        let csv = t.dsr(command).args(["-o", "csv"]).run().csv();
        let human = t.dsr(command).args(["-o", "human"]).run();
        assert_eq!(jsonl.len(), items.len(), "{command:?}: one line per item");
        assert_eq!(csv.len(), items.len(), "{command:?}: one row per item");
        if command[0] != "sync" {
            assert_eq!(jsonl, items, "{command:?}: jsonl holds what json holds");
            assert!(!human.stdout.is_empty(), "{command:?}: a table for people");
        }
        for (row, item) in csv.iter().zip(&items) {
            for (key, value) in item.as_object().expect("an object") {
                let expected = match value {
                    Value::String(s) => s.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                assert!(row.contains_key(key), "{command:?}: column {key}");
                // A sync's own figures (its time) differ from one run to the next.
                if command[0] != "sync" && !expected.starts_with(['=', '+', '-', '@']) {
                    assert_eq!(row[key], expected, "{command:?}: column {key}");
                }
            }
        }
    }
}
