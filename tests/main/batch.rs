//! Subject lists (`--from FILE`): one result per subject, bad rows reported by number.

use std::process::Stdio;

use serde_json::{Value, json};

use crate::support::Test;

fn tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/a.png",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.asset(
        "Staff/b.png",
        json!({"368": ["Ola Nordmann"], "360": "ola"}),
    );
    t.asset("Staff/c.png", json!({"120": "Kari Holm at the desk."}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    t
}

const CSV: &str = "email,name,login,reference,received
jane.doe@example.com,Jane Doe,,HR-1,2026-11-02
,,,HR-2,
,Ola Nordmann,ola,HR-3,2026-02-30
nobody@example.com,,,HR-4,
,Kari Holm;K. Holm,,HR-5,
";

#[test]
fn locate_from_a_csv_list_streams_one_line_per_subject() {
    let t = tenant();
    t.write("../leavers.csv", CSV.as_bytes());
    let out = t
        .dsr(["locate", "--from"])
        .arg(t.path("leavers.csv"))
        .args(["--output", "jsonl"])
        .status(3)
        .run();
    let lines = out.jsonl();
    let rows: Vec<(u64, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["row"].as_u64().expect("row"),
                l["status"].as_str().expect("status"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, "found"),
            (3, "error"),
            (4, "error"),
            (5, "not-found"),
            (6, "found")
        ],
        "{}",
        out.dump()
    );
    assert!(out.stderr.contains("row 3: no identity"), "{}", out.dump());
    assert!(
        out.stderr.contains("row 4: 'received' is not a date"),
        "{}",
        out.dump()
    );
    assert!(
        !out.stderr.contains("Ola Nordmann"),
        "values are not echoed"
    );
}

#[test]
fn case_open_from_json_lines_on_stdin() {
    let t = tenant();
    let input = "{\"email\": \"jane.doe@example.com\", \"reference\": \"T-1\"}\n\
                 {\"email\": \"not an address\"}\n\
                 {\"login\": \"ola\", \"received\": \"2026-11-30\"}\n";
    let out = t
        .dsr([
            "case", "open", "--right", "erasure", "--from", "-", "--output", "jsonl",
        ])
        .stdin(input)
        .status(3)
        .run();
    let lines: Vec<Value> = out.jsonl();
    assert_eq!(lines.len(), 3, "{}", out.dump());
    assert_eq!(lines[0]["status"], "opened");
    assert_eq!(lines[0]["reviewed"], 1);
    assert_eq!(lines[1]["status"], "error");
    assert_eq!(lines[1]["row"], 2);
    assert_eq!(lines[2]["status"], "opened");
    let list = t.dsr(["case", "list", "-o", "json"]).run().json();
    assert_eq!(list.as_array().expect("cases").len(), 2);
    assert_eq!(list[1]["received"], "2026-11-30");

    // Plain output is one case id per line, for `xargs`.
    let ids = t
        .dsr(["case", "open", "--right", "access", "--from", "-"])
        .stdin("{\"name\": \"Jane Doe\"}\n{\"login\": \"ola\"}\n")
        .run();
    assert_eq!(ids.stdout.lines().count(), 2, "{}", ids.dump());
}

#[test]
fn a_bad_header_stops_before_anything_is_done() {
    let t = tenant();
    let out = t
        .dsr(["case", "open", "--right", "erasure", "--from", "-"])
        .stdin("email,shoe size\njane.doe@example.com,40\n")
        .status(2)
        .run();
    assert!(
        out.error().contains("unknown column 'shoe size'"),
        "{}",
        out.dump()
    );
    assert_eq!(
        t.dsr(["case", "list", "-o", "json"]).run().json(),
        json!([])
    );
}

#[test]
fn a_closed_pipe_ends_a_list_quietly() {
    let t = tenant();
    t.write("../leavers.csv", CSV.as_bytes());
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut cmd = t
        .dsr(["locate", "--output", "jsonl", "--from"])
        .arg(t.path("leavers.csv"))
        .command();
    cmd.stdout(Stdio::from(writer)).stderr(Stdio::null());
    let status = cmd.status().expect("dsr runs");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn locate_from_a_list_into_head_ends_with_status_0_and_nothing_on_stderr() {
    let t = tenant();
    // Enough subjects that dsr is still writing when `head` has gone.
    let mut list = String::from("email,name\n");
    for i in 0..400 {
        list.push_str(&format!("person{i}@example.com,Jane Doe\n"));
    }
    std::fs::write(t.path("subjects.csv"), list).expect("the list");
    let mut cmd = std::process::Command::new("sh");
    cmd.args([
        "-c",
        "\"$0\" locate --from subjects.csv --output jsonl 2>dsr.err | head -1",
    ])
    .arg(crate::support::dsr_path())
    .current_dir(t.root());
    crate::support::sandbox_env(&mut cmd, &t);
    // `sh -c` reports head's status; dsr's own is checked by a second run, with pipefail.
    let out = cmd.output().expect("sh runs");
    assert_eq!(out.status.code(), Some(0));
    let first: Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().expect("a line"))
            .expect("the first line is JSON");
    assert_eq!(first["row"], 2);
    let stderr = std::fs::read_to_string(t.path("dsr.err")).expect("dsr's stderr");
    assert_eq!(stderr, "", "nothing on stderr");

    // dsr's own exit status with its stdout closed early.
    let mut cmd = std::process::Command::new("bash");
    cmd.args([
        "-c",
        "set -o pipefail; \"$0\" locate --from subjects.csv --output jsonl 2>dsr.err | head -1 >/dev/null",
    ])
    .arg(crate::support::dsr_path())
    .current_dir(t.root());
    crate::support::sandbox_env(&mut cmd, &t);
    let status = cmd.status().expect("bash runs");
    assert_eq!(status.code(), Some(0), "dsr | head -1 ends with status 0");
    let stderr = std::fs::read_to_string(t.path("dsr.err")).expect("dsr's stderr");
    assert_eq!(stderr, "", "nothing on stderr");
}
