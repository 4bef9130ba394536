//! What a script or a person meets first: help, man pages, messages and machine-readable
//! output, the same way in every command.

use crate::support::{Test, repo_root};

/// Every man page, as the repository has it.
fn man_pages() -> Vec<(String, String)> {
    let dir = repo_root().join("man");
    let mut pages: Vec<(String, String)> = Test::entries(&dir)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(dir.join(&p)).expect("a man page");
            (p.display().to_string(), text)
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn a_command_help_lists_its_own_options_before_the_global_ones() {
    let t = Test::new();
    let help = t.dsr(["locate", "--help"]).run().stdout;
    let own = help.find("--min-confidence").expect("locate's own option");
    let heading = help
        .find("Global options:")
        .expect("a heading for the global options");
    let global = help.find("--data-dir").expect("a global option");
    assert!(own < heading && heading < global, "{help}");
}

#[test]
fn usage_lines_do_not_grow_the_globals_set_in_the_environment() {
    let t = Test::new();
    let out = t
        .dsr(["case", "open"])
        .env("DSR_DATA_DIR", t.data_dir())
        .env("DSR_CONFIG", t.config_file())
        .status(2)
        .run();
    let usage = out
        .stderr
        .lines()
        .find(|l| l.starts_with("Usage:"))
        .expect("a usage line");
    for global in ["--data-dir", "--config", "--purpose"] {
        assert!(!usage.contains(global), "{usage}");
    }
}

#[test]
fn the_globals_still_come_from_the_environment() {
    let t = Test::new();
    let out = t.dsr(["sync"]).env("DSR_TIMEOUT", "0").status(2).run();
    assert!(out.error().contains("DSR_TIMEOUT"), "{}", out.dump());
    let config = t.path("elsewhere/config.toml");
    let out = t
        .dsr(["tenant", "list", "--output", "json"])
        .env("DSR_CONFIG", &config)
        .run();
    assert_eq!(out.json(), serde_json::json!([]));
}

#[test]
fn maintainer_commands_are_hidden_from_help_and_completions() {
    let t = Test::new();
    let help = t.dsr(["--help"]).run().stdout;
    assert!(!help.contains("generate"), "{help}");
    for file in ["dsr.bash", "_dsr", "dsr.fish", "_dsr.ps1", "dsr.elv"] {
        let text = std::fs::read_to_string(repo_root().join("completions").join(file))
            .expect("a completion file");
        assert!(
            !text.contains("generate-tenant") && !text.contains("dsr,generate)"),
            "{file} offers a maintainer command"
        );
    }
}

#[test]
fn man_pages_name_no_missing_page_and_set_the_exit_status_as_a_list() {
    let pages = man_pages();
    let names: Vec<String> = pages
        .iter()
        .map(|(p, _)| p.trim_end_matches(".1").to_owned())
        .collect();
    for (page, text) in &pages {
        for line in text.lines() {
            // Every reference to a page, "dsr\-x(1)", names one that exists.
            if let Some(name) = line.strip_suffix("(1)") {
                let name = name.replace("\\-", "-");
                assert!(names.contains(&name), "{page} refers to missing {name}(1)");
            }
        }
    }
    let dsr = &pages.iter().find(|(p, _)| p == "dsr.1").expect("dsr.1").1;
    let status = dsr
        .split(".SH \"EXIT STATUS\"")
        .nth(1)
        .expect("an EXIT STATUS section");
    for code in ["0", "1", "2", "3", "4", "130", "143"] {
        assert!(
            status.contains(&format!(".TP\n\\fB{code}\\fR\n")),
            "exit status {code} is not an item of a list"
        );
    }
}

#[test]
fn no_text_names_the_old_rectify_flags() {
    let t = Test::new();
    let help = t.dsr(["rectify", "--help"]).run().stdout;
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README");
    let rectify = std::fs::read_to_string(repo_root().join("src/rectify.rs")).expect("source");
    let (_, page) = man_pages()
        .into_iter()
        .find(|(p, _)| p == "dsr-rectify.1")
        .expect("dsr-rectify.1");
    for (what, text) in [
        ("help", help.as_str()),
        ("README", &readme),
        ("man page", &page.replace("\\-", "-")),
        ("errors", &rectify),
    ] {
        assert!(
            !text.contains("--to NEW") && !text.contains("(--to)") && !text.contains("--from OLD"),
            "the {what} still names --from/--to"
        );
    }
}

/// Runs one command line as a user would type it, through bash, in the sandbox with its
/// dsr first on PATH and without the purpose the sandbox otherwise states.
fn shell(t: &Test, line: &str, dir: &std::path::Path) -> std::process::Output {
    let mut cmd = std::process::Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-c", line])
        .current_dir(dir);
    crate::support::sandbox_env(&mut cmd, t);
    let bin = crate::support::dsr_path()
        .parent()
        .expect("the binary's folder")
        .to_owned();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("a PATH");
    cmd.env("PATH", path).env_remove("DSR_PURPOSE");
    cmd.output().expect("bash runs")
}

/// The sample tenant, registered as `acme` and synced.
fn sample(t: &Test) {
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
}

#[test]
fn an_os_error_is_said_once() {
    let t = Test::new();
    sample(&t);
    std::fs::remove_dir_all(t.tenant_dir()).expect("the tenant folder goes");
    let out = t.dsr(["sync"]).status(2).run();
    let error = out.error();
    assert_eq!(error.matches("(os error 2)").count(), 1, "{error}");
}

#[test]
fn a_toml_error_keeps_its_lines_and_caret() {
    let t = Test::new();
    std::fs::write(t.path("bad.toml"), b"[tenants.acme]\nplatform = [\n").expect("a file");
    let out = t
        .dsr(["tenant", "list"])
        .arg("--config")
        .arg(t.path("bad.toml"))
        .status(2)
        .run();
    assert!(
        out.stderr.starts_with("dsr: error: the configuration"),
        "{}",
        out.dump()
    );
    assert!(out.stderr.lines().count() > 2, "{}", out.dump());
    assert!(
        out.stderr.lines().any(|l| l.trim_end().ends_with('^')),
        "{}",
        out.dump()
    );
    assert!(!out.stderr.contains('\u{FFFD}'), "{}", out.dump());
}

#[test]
fn messages_name_a_tenant_without_a_doubled_quote() {
    let t = Test::new();
    sample(&t);
    let case = t
        .dsr([
            "case",
            "open",
            "--right",
            "erasure",
            "--email",
            "jane.doe@example.com",
        ])
        .run()
        .stdout;
    let out = t.dsr(["erase", case.trim(), "--yes"]).any_status().run();
    assert!(
        out.stderr.contains("tenant 'acme': ledger entry 1"),
        "{}",
        out.dump()
    );
    assert!(!out.stderr.contains("''s"), "{}", out.dump());
}

#[test]
fn a_bad_phone_number_does_not_advise_a_default_region_already_set() {
    let t = Test::new();
    sample(&t);
    let out = t.dsr(["locate", "--phone", "123"]).status(2).run();
    assert!(
        !out.error().contains("set the tenant's default region"),
        "{}",
        out.dump()
    );
    assert!(out.error().contains("international form"), "{}", out.dump());
}

#[test]
fn the_demo_s_closing_hint_runs_as_printed() {
    let t = Test::new();
    let out = t.dsr(["demo"]).run();
    let hint: Vec<&str> = out
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Next, on your own tenant:"))
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.starts_with("dsr "))
        .collect();
    assert!(hint.len() >= 4, "{}", out.dump());
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    let folder = t.tenant_dir().display().to_string();
    for line in hint {
        // The folder is the reader's own export; the rest runs as printed.
        let line = line.replace("/srv/acme-export", &folder);
        let run = shell(&t, &line, t.root());
        assert!(
            run.status.success(),
            "`{line}` failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

#[test]
fn case_open_prints_the_case_for_scripts() {
    let t = crate::access::tenant();
    let out = t
        .dsr([
            "case", "open", "--right", "access", "--login", "jdoe", "--output", "json",
        ])
        .run();
    let case = out.json();
    assert!(case["id"].is_string(), "{case}");
    assert_eq!(case["right"], "access");
    assert!(case["folder"].is_string(), "{case}");
    let line = t
        .dsr([
            "case", "open", "--right", "access", "--login", "jdoe", "--output", "jsonl",
        ])
        .run()
        .jsonl();
    assert_eq!(line.len(), 1);
    assert!(line[0]["id"].is_string());
}

#[test]
fn access_and_portability_print_their_result_for_scripts() {
    let t = crate::access::tenant();
    for (right, command) in [("access", "access"), ("portability", "portability")] {
        let case = crate::access::open(&t, right);
        let json = t.dsr([command, &case, "--output", "json"]).run().json();
        for key in ["path", "assets", "files", "receipt"] {
            assert!(!json[key].is_null(), "{command}: no {key} in {json}");
        }
        assert!(std::path::Path::new(json["receipt"].as_str().expect("a path")).is_file());
        let csv = t.dsr([command, &case, "--output", "csv"]).run().csv();
        assert_eq!(csv.len(), 1, "{command}");
        assert!(csv[0].contains_key("path"));
    }
}

#[test]
fn an_empty_overdue_list_is_an_empty_table_and_nothing_else() {
    let t = crate::access::tenant();
    crate::access::open(&t, "access");
    let json = t
        .dsr(["case", "list", "--overdue", "--output", "json"])
        .run();
    assert_eq!((json.stdout.as_str(), json.stderr.as_str()), ("[]\n", ""));
    let jsonl = t
        .dsr(["case", "list", "--overdue", "--output", "jsonl"])
        .run();
    assert_eq!((jsonl.stdout.as_str(), jsonl.stderr.as_str()), ("", ""));
    let csv = t
        .dsr(["case", "list", "--overdue", "--output", "csv"])
        .run();
    assert_eq!(csv.stderr, "");
    assert_eq!(csv.stdout.lines().count(), 1, "{}", csv.dump());
    assert!(csv.stdout.starts_with("id,right,"), "{}", csv.dump());
}

#[test]
fn locate_from_writes_bad_rows_into_its_output_as_erase_from_does() {
    let t = Test::new();
    sample(&t);
    let list = t.path("leavers.csv");
    std::fs::write(
        &list,
        "email,reference\njane.doe@example.com,HR-1\n,HR-2\nnot-an-email,HR-3\n",
    )
    .expect("a list");
    let lines = t
        .dsr(["locate", "--output", "jsonl", "--from"])
        .arg(&list)
        .status(3)
        .run()
        .jsonl();
    let bad: Vec<_> = lines.iter().filter(|l| l["status"] == "error").collect();
    assert_eq!(bad.len(), 2, "{lines:?}");
    assert_eq!(
        (bad[0]["row"].as_u64(), bad[0]["reference"].as_str()),
        (Some(3), Some("HR-2"))
    );
    assert_eq!(
        (bad[1]["row"].as_u64(), bad[1]["reference"].as_str()),
        (Some(4), Some("HR-3"))
    );
    assert!(
        bad[0]["errors"][0]
            .as_str()
            .is_some_and(|r| r.contains("no identity"))
    );
    let csv = t
        .dsr(["locate", "--output", "csv", "--from"])
        .arg(&list)
        .status(3)
        .run()
        .csv();
    assert_eq!(csv.len(), 3);
    assert_eq!(csv[1]["status"], "error");
    assert_eq!(csv[1]["reference"], "HR-2");
    // The erasure of the same list names the bad row's reference too.
    let erase = t
        .dsr(["erase", "--dry-run", "--output", "jsonl", "--from"])
        .arg(&list)
        .any_status()
        .run()
        .jsonl();
    let row3 = erase.iter().find(|l| l["row"] == 3).expect("row 3");
    assert_eq!(row3["reference"], "HR-2", "{row3}");
}

#[test]
fn a_csv_from_excel_is_read_with_the_right_rows() {
    let t = Test::new();
    sample(&t);
    for (what, text) in [
        (
            "CRLF",
            "email,reference\r\njane.doe@example.com,A\r\n,B\r\n",
        ),
        ("';'", "email;reference\njane.doe@example.com;A\n;B\n"),
        (
            "BOM and CRLF",
            "\u{feff}email,reference\r\njane.doe@example.com,A\r\n,B\r\n",
        ),
    ] {
        let list = t.path("list.csv");
        std::fs::write(&list, text).expect("a list");
        let out = t
            .dsr(["locate", "--output", "jsonl", "--from"])
            .arg(&list)
            .status(3)
            .run();
        let lines = out.jsonl();
        assert_eq!(lines.len(), 2, "{what}: {}", out.dump());
        assert_eq!(lines[0]["status"], "found", "{what}");
        assert_eq!(lines[1]["row"], 3, "{what}: {}", out.dump());
        assert!(out.stderr.contains("row 3:"), "{what}: {}", out.dump());
    }
}

#[test]
fn case_review_without_a_terminal_or_flags_refuses() {
    let t = crate::access::tenant();
    let case = crate::access::open(&t, "erasure");
    let before = t.dsr(["case", "show", &case, "-o", "json"]).run().json()["review"].clone();
    let out = t.dsr(["case", "review", &case]).stdin("").status(2).run();
    assert!(out.error().contains("--include"), "{}", out.dump());
    let after = t.dsr(["case", "show", &case, "-o", "json"]).run().json()["review"].clone();
    assert_eq!(before, after, "nothing was recorded as reviewed");
}

#[test]
fn case_open_warns_when_overdue_already_and_when_the_subject_has_an_open_case() {
    let t = crate::access::tenant();
    let first = t
        .dsr([
            "case",
            "open",
            "--right",
            "access",
            "--login",
            "jdoe",
            "--received",
            "2020-01-02",
        ])
        .run();
    assert!(first.stderr.contains("overdue already"), "{}", first.dump());
    let second = t
        .dsr([
            "case",
            "open",
            "--right",
            "erasure",
            "--name",
            "Doe, Jane",
            "--login",
            "jdoe",
        ])
        .run();
    assert!(
        second.stderr.contains("an open case has the same subject"),
        "{}",
        second.dump()
    );
    assert!(
        second.stderr.contains(first.stdout.trim()),
        "{}",
        second.dump()
    );
    assert!(!second.stderr.contains("overdue"), "{}", second.dump());
    // Someone else: no warning.
    let other = t
        .dsr(["case", "open", "--right", "access", "--name", "Jane Smith"])
        .run();
    assert!(!other.stderr.contains("warning"), "{}", other.dump());
}

#[test]
fn a_purpose_naming_the_subject_by_surname_alone_is_refused() {
    let t = Test::new();
    sample(&t);
    let out = t
        .dsr([
            "locate",
            "--name",
            "Jane Doe",
            "--purpose",
            "the Doe request",
        ])
        .status(2)
        .run();
    assert!(out.error().contains("name"), "{}", out.dump());
    t.dsr(["locate", "--name", "Jane Doe", "--purpose", "ticket 4711"])
        .run();
}

#[test]
fn verbose_runs_say_what_dsr_does_without_personal_values() {
    let t = Test::new();
    sample(&t);
    let personal = ["jane", "Jane", "doe", "Doe"];
    let quiet_of = |out: &crate::support::Output, what: &str, expect: &[&str]| {
        let logged: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with('[')).collect();
        for needle in expect {
            assert!(
                logged.iter().any(|l| l.contains(needle)),
                "{what}: no log line with {needle:?}\n{}",
                out.dump()
            );
        }
        for line in &logged {
            assert!(
                !personal.iter().any(|p| line.contains(p)),
                "{what} logs {line}"
            );
        }
    };
    let sync = t.dsr(["-v", "sync"]).run();
    quiet_of(
        &sync,
        "sync",
        &["configuration", "tenant folder", "done in"],
    );
    let locate = t
        .dsr(["-v", "locate", "--email", "jane.doe@example.com"])
        .run();
    quiet_of(
        &locate,
        "locate",
        &["index", "searching 1 identities (email)", "matched in"],
    );
    let case = t
        .dsr([
            "case",
            "open",
            "--right",
            "erasure",
            "--email",
            "jane.doe@example.com",
        ])
        .run()
        .stdout;
    let erase = t.dsr(["-vv", "erase", case.trim(), "--dry-run"]).run();
    quiet_of(
        &erase,
        "erase --dry-run",
        &["opening tenant", "reading the sidecar of"],
    );
    std::fs::remove_dir_all(t.tenant_dir()).expect("the folder goes");
    let check = t.dsr(["-v", "tenant", "check"]).status(2).run();
    quiet_of(
        &check,
        "tenant check",
        &["opening tenant", "failed to open after"],
    );
    // Without -v, none of it.
    let plain = t.dsr(["tenant", "check"]).status(2).run();
    assert!(!plain.stderr.contains("[INFO"), "{}", plain.dump());
}
