//! The scripts in `examples/scripts/`: they pass shellcheck and do their job on a tenant.

use std::process::Command;

use crate::support::{Test, repo_root, sandbox_env};

const SCRIPTS: &[&str] = &["offboarding.sh", "nightly-access.sh"];

#[test]
fn the_example_scripts_pass_shellcheck() {
    let dir = repo_root().join("examples/scripts");
    let out = Command::new("shellcheck")
        .args(SCRIPTS)
        .current_dir(&dir)
        .output()
        .expect("shellcheck runs (.ci/run installs it)");
    assert!(
        out.status.success(),
        "shellcheck: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Runs an example script with the sandbox's dsr first on PATH.
fn script(t: &Test, name: &str, args: &[&std::path::Path]) -> std::process::Output {
    script_with(t, name, args, &[])
}

pub(crate) fn script_with(
    t: &Test,
    name: &str,
    args: &[&std::path::Path],
    env: &[(&str, &str)],
) -> std::process::Output {
    let mut cmd = Command::new("bash");
    cmd.arg(repo_root().join("examples/scripts").join(name))
        .args(args);
    sandbox_env(&mut cmd, t);
    let bin = crate::support::dsr_path()
        .parent()
        .expect("the binary's folder")
        .to_owned();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("a PATH");
    cmd.env("PATH", path).env("DSR_TENANT", "acme");
    cmd.envs(env.iter().copied());
    cmd.output().expect("bash runs the script")
}

#[test]
fn the_nightly_access_script_writes_one_package_per_request() {
    let t = Test::new();
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    t.add_tenant("acme", &["--default-region", "NO"]);
    let ropa = t.config_home().join("dsr/ropa");
    std::fs::create_dir_all(&ropa).expect("ropa folder");
    let template =
        std::fs::read_to_string(repo_root().join("templates/ropa.toml")).expect("template");
    std::fs::write(
        ropa.join("acme.toml"),
        template
            .replace("FILL IN: e.g. ", "")
            .replace("FILL IN: ", ""),
    )
    .expect("a record");
    let requests = t.path("requests.csv");
    std::fs::write(
        &requests,
        "email,name,reference,received\njane.doe@example.com,Jane Doe,T-1,2026-11-30\n,,T-2,\n",
    )
    .expect("requests");
    let outbox = t.path("outbox");
    let out = script(&t, "nightly-access.sh", &[&requests, &outbox]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(3),
        "one row is unusable\n{stdout}\n{stderr}"
    );
    assert!(stderr.contains("row 3"), "{stderr}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "one line per request\n{stdout}");
    let row = |n: u64| {
        lines
            .iter()
            .find(|l| l["row"] == n)
            .expect("the row's line")
    };
    assert_eq!(row(3)["status"], "error");
    assert_eq!(row(2)["reference"], "T-1");
    assert_eq!(row(2)["status"], "done");
    let package = row(2)["output"].as_str().expect("package");
    assert!(
        package.ends_with(".zip") && package.contains("outbox"),
        "{package}"
    );
    assert!(std::path::Path::new(package).exists());
}

#[test]
fn the_offboarding_script_erases_each_leaver_and_archives_the_receipts() {
    let t = Test::new();
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    t.add_tenant("acme", &["--default-region", "NO"]);
    let leavers = t.path("leavers.csv");
    std::fs::write(
        &leavers,
        "email,name,login,phone,reference\n\
         jane.doe@example.com,Jane Doe,jdoe,912 34 567,HR-1\n\
         ,,,,HR-2\n",
    )
    .expect("leavers");
    let archive = t.path("archive");
    // The controller keeps group photos, and says why: the three photos showing her beside
    // colleagues are scrubbed and kept, and her erasure is verified.
    let out = script_with(
        &t,
        "offboarding.sh",
        &[&leavers, &archive],
        &[(
            "DSR_KEEP_GROUP_PHOTOS",
            "group photos stay in the staff archive",
        )],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "row 3 is unusable\n{stderr}");
    assert!(stderr.contains("row 3"), "{stderr}");
    assert!(stderr.contains("HR-1: case"), "{stderr}");
    assert!(stderr.contains("erased and verified"), "{stderr}");
    let receipts: Vec<_> = walkdir::WalkDir::new(&archive)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() == "receipt.json")
        .collect();
    assert_eq!(receipts.len(), 1, "one erasure, one receipt");
    assert!(receipts[0].path().with_extension("json.sig").exists());
    // Her order is kept under the bookkeeping hold: the log says so, and a fresh locate
    // finds that order and nothing else of hers.
    assert!(
        stderr.contains("but for what a legal hold keeps"),
        "{stderr}"
    );
    let left: Vec<String> = t
        .dsr([
            "locate",
            "--min-confidence",
            "medium",
            "--email",
            "jane.doe@example.com",
        ])
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(left, ["orders/7001"]);
}
