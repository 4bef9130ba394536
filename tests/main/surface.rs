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
    let heading = help.find("Global options:").expect("a heading for the global options");
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
    let out = t
        .dsr(["sync"])
        .env("DSR_TIMEOUT", "0")
        .status(2)
        .run();
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
