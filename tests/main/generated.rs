//! Files generated from the code and committed: man pages and completions (from the clap
//! definition) and the sample tenant (from src/sample/). Each test fails with the command
//! that refreshes the stale files.

use std::path::Path;

use crate::support::{Test, repo_root};

/// Compares two folders file by file and byte for byte; the panic names the command that
/// regenerates `committed`.
fn assert_same_tree(generated: &Path, committed: &Path, refresh: &str) {
    let (theirs, ours) = (Test::entries(generated), Test::entries(committed));
    let missing: Vec<_> = theirs.iter().filter(|p| !ours.contains(p)).collect();
    let extra: Vec<_> = ours.iter().filter(|p| !theirs.contains(p)).collect();
    let shown = committed.strip_prefix(repo_root()).unwrap_or(committed);
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{} is stale (missing {missing:?}, not generated {extra:?}): run `{refresh}`",
        shown.display()
    );
    for relative in &theirs {
        let (new, old) = (generated.join(relative), committed.join(relative));
        if new.is_dir() {
            continue;
        }
        let same = std::fs::read(&new).ok() == std::fs::read(&old).ok();
        assert!(
            same,
            "{} differs from what the code generates: run `{refresh}`",
            old.strip_prefix(repo_root()).unwrap_or(&old).display()
        );
    }
}

#[test]
fn man_pages_and_completions_are_up_to_date() {
    let t = Test::new();
    let out = t.path("generated");
    t.dsr(["generate", "--root"]).arg(&out).run();
    for dir in ["man", "completions"] {
        assert_same_tree(
            &out.join(dir),
            &repo_root().join(dir),
            "cargo run -- generate",
        );
    }
    assert!(out.join("man/dsr-locate.1").is_file());
    assert!(
        !out.join("man/dsr-generate.1").exists(),
        "hidden commands get no page"
    );
}

#[test]
fn the_bash_completion_loads() {
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c"])
        .arg("source completions/dsr.bash && complete -p dsr")
        .current_dir(repo_root())
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("dsr"));
}

#[test]
fn man_pages_pass_mandoc_lint() {
    let mut pages: Vec<_> = std::fs::read_dir(repo_root().join("man"))
        .expect("the man folder")
        .map(|e| e.expect("a man page").path())
        .filter(|p| p.extension().is_some_and(|e| e == "1"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 5, "{pages:?}");
    // clap_mangen's pages draw warnings (an empty date, .br next to .sp) but no errors:
    // errors are what break rendering, so they are what fails the test.
    let lint = std::process::Command::new("mandoc")
        .args(["-Tlint", "-Werror"])
        .args(&pages)
        .output();
    let lint = match lint {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // CI must lint; a developer without mandoc gets a note instead of a failure.
            assert!(
                std::env::var_os("CI").is_none(),
                "mandoc is not installed but CI is set: install it (apt-get install mandoc)"
            );
            eprintln!("note: mandoc is not installed; the man pages were not linted");
            return;
        }
        lint => lint.expect("mandoc runs"),
    };
    assert!(
        lint.status.success(),
        "mandoc -Tlint -Werror man/*.1 failed:\n{}{}",
        String::from_utf8_lossy(&lint.stdout),
        String::from_utf8_lossy(&lint.stderr)
    );
}

#[test]
fn the_sample_tenant_is_what_the_generator_writes() {
    let t = Test::new();
    let out = t.path("sample-tenant");
    t.dsr(["generate-tenant", "--out"]).arg(&out).run();
    assert_same_tree(
        &out,
        &repo_root().join("examples/sample-tenant"),
        "rm -rf examples/sample-tenant && cargo run -- generate-tenant --out examples/sample-tenant",
    );
}
