//! The command lines the documentation prints run as printed: every example of every man
//! page (the "Examples:" of the help, which the man pages are generated from) and README's
//! walkthrough, line by line, in a sandbox with the sample tenant (one per man page, one for
//! the whole README). Only what differs per run is put in: the case ids `case open` printed,
//! the audit head and the receipt file an operation printed.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Output, Test, dsr_path, repo_root, sandbox_env};

/// A shell session in a sandbox: documented command lines run in it by bash, one at a
/// time, with the sandbox's dsr first on PATH, the variables earlier `export` lines set,
/// and the documented case ids and audit heads replaced by this run's.
struct Session<'t> {
    t: &'t Test,
    /// Where the commands run: README's relative paths (`./acme-export`, `leavers.csv`)
    /// are relative to it.
    cwd: PathBuf,
    env: Vec<(String, String)>,
    /// Documented case id → the id of the case this run opened in its place.
    ids: BTreeMap<String, String>,
    /// Case ids `case open` printed that no documented id stands for yet.
    opened: VecDeque<String>,
    /// The newest "Audit head HASH" an operation printed.
    head: Option<String>,
    /// The newest receipt an operation printed ("Receipt FILE (signed; …)"): the
    /// `receipt.json` a documented line names.
    receipt: Option<String>,
    /// Each line that did not end as documented, with what it printed: all are reported
    /// at the end, not only the first.
    failures: Vec<String>,
}

impl<'t> Session<'t> {
    fn new(t: &'t Test) -> Session<'t> {
        let cwd = t.path("work");
        std::fs::create_dir_all(&cwd).expect("the working folder");
        Session {
            t,
            cwd,
            env: Vec::new(),
            ids: BTreeMap::new(),
            opened: VecDeque::new(),
            head: None,
            receipt: None,
            failures: Vec::new(),
        }
    }

    /// The line with this run's case ids and audit head in place of the documented ones.
    fn substitute(&mut self, line: &str) -> String {
        let mut words: Vec<String> = Vec::new();
        for word in line.split(' ') {
            let word = if is_case_id(word) {
                if !self.ids.contains_key(word) {
                    let Some(real) = self.opened.pop_front() else {
                        panic!("`{line}` names case {word}, but no case was opened for it");
                    };
                    self.ids.insert(word.to_owned(), real);
                }
                self.ids[word].clone()
            } else if word == "receipt.json" && self.receipt.is_some() {
                self.receipt.clone().unwrap_or_default()
            } else if is_hash(word) {
                self.head
                    .clone()
                    .unwrap_or_else(|| panic!("`{line}` names an audit head, but none was printed"))
            } else {
                word.to_owned()
            };
            words.push(word);
        }
        words.join(" ")
    }

    /// Runs one documented line and checks that it ends with `status`.
    fn run(&mut self, line: &str, status: i32) -> Output {
        let shown = self.substitute(line);
        // A documented line that names a system path would write outside the sandbox.
        if line.split_whitespace().any(|w| w.starts_with('/')) {
            self.failures.push(format!(
                "`{line}` names an absolute path: document one a user has, relative or under ~"
            ));
            return Output {
                status: -1,
                stdout: String::new(),
                stderr: String::new(),
            };
        }
        if let Some(assignment) = shown.strip_prefix("export ") {
            let (key, value) = assignment
                .split_once('=')
                .unwrap_or_else(|| panic!("`{line}` is an export without a value"));
            let value = unquote(strip_comment(value));
            self.env.push((key.to_owned(), value));
            return Output {
                status: 0,
                stdout: String::new(),
                stderr: String::new(),
            };
        }
        let mut cmd = Command::new("bash");
        cmd.args(["--norc", "--noprofile", "-o", "pipefail", "-c", &shown])
            .current_dir(&self.cwd);
        sandbox_env(&mut cmd, self.t);
        let bin = dsr_path().parent().expect("the binary's folder").to_owned();
        let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .expect("a PATH");
        cmd.env("PATH", path)
            // Keys are made without a passphrase: there is no terminal to ask for one.
            .env("DSR_KEY_PASSPHRASE", "")
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        let out = cmd.output().expect("bash runs");
        let out = Output {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        if out.status != status {
            self.failures.push(format!(
                "`{line}` (run as `{shown}`) exited with {}, expected {status}\n{}",
                out.status,
                out.dump()
            ));
        }
        if shown.contains("dsr case open") {
            self.opened.extend(
                out.stdout
                    .lines()
                    .map(str::trim)
                    .filter(|l| is_case_id(l))
                    .map(String::from),
            );
        }
        for text in [&out.stdout, &out.stderr] {
            if let Some(head) = text
                .split_whitespace()
                .skip_while(|w| *w != "head")
                .nth(1)
                .map(|w| w.trim_end_matches(':'))
                .filter(|w| is_hash(w))
            {
                self.head = Some(head.to_owned());
            }
        }
        for line in out.stderr.lines() {
            if let Some((file, _)) = line
                .strip_prefix("Receipt ")
                .and_then(|rest| rest.split_once(" (signed"))
            {
                self.receipt = Some(file.to_owned());
            }
        }
        out
    }

    /// Opens a case of `right` for Jane Doe, as a documented `case open` line would, and
    /// lets `documented` stand for it.
    fn open(&mut self, documented: &str, right: &str) -> String {
        let out = self
            .t
            .dsr(["case", "open", "--right", right, "--name", "Jane Doe"])
            .args(["--email", "jane.doe@example.com", "--login", "jdoe"])
            .run();
        let id = out.stdout.trim().to_owned();
        assert!(is_case_id(&id), "case open printed its id\n{}", out.dump());
        self.ids.insert(documented.to_owned(), id.clone());
        self.ids.insert(id.clone(), id.clone());
        id
    }
}

/// A case id as dsr makes them: the day it was opened and a number, `20261201-001`.
fn is_case_id(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 12
        && bytes[8] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 8 || b.is_ascii_digit())
}

/// A SHA-256 in hex, as the audit log's head is printed.
fn is_hash(word: &str) -> bool {
    word.len() == 64 && word.bytes().all(|b| b.is_ascii_hexdigit())
}

fn strip_comment(text: &str) -> &str {
    text.split(" #").next().unwrap_or(text).trim()
}

fn unquote(text: &str) -> String {
    text.trim_matches(|c| c == '\'' || c == '"').to_owned()
}

/// Copies the sample tenant into `folder`.
fn sample_tenant(folder: &Path) {
    let from = repo_root().join("examples/sample-tenant");
    for relative in Test::entries(&from) {
        let (source, target) = (from.join(&relative), folder.join(&relative));
        if source.is_dir() {
            std::fs::create_dir_all(&target).expect("a folder of the copy");
        } else {
            std::fs::create_dir_all(target.parent().expect("a folder")).expect("a folder");
            std::fs::copy(&source, &target).expect("a file of the copy");
        }
    }
    // The walkthrough's tenant is an export of assets: no accounts or orders beside them.
    crate::support::assets_only(folder);
}

/// The lists the documented `--from` lines read, written where they run.
fn lists(cwd: &Path) {
    for (name, text) in [
        (
            "leavers.csv",
            "email,name,login,phone,reference\njane.doe@example.com,Jane Doe,jdoe,912 34 567,HR-1\n",
        ),
        (
            "requests.csv",
            "email,name,reference,received\njane.doe@example.com,Jane Doe,T-1,2026-11-30\n",
        ),
        (
            "name-changes.csv",
            "email,name,new_name\njane.doe@example.com,Jane Doe,Jane Roe\n",
        ),
    ] {
        std::fs::write(cwd.join(name), text).expect("a list");
    }
}

/// The example lines of a man page's EXAMPLES section, unescaped, continuation lines
/// joined, each with the exit status it documents ("# exits 3 …"), 0 when it names none.
fn man_examples(page: &str) -> Vec<(String, i32)> {
    let mut lines = Vec::new();
    let Some((_, section)) = page.split_once(".SH EXAMPLES\n") else {
        return lines;
    };
    let section = section.split("\n.SH ").next().unwrap_or(section);
    let mut pending = String::new();
    for raw in section.lines() {
        if raw.starts_with('.') {
            continue;
        }
        let text = raw.replace("\\-", "-").replace("\\e", "\\");
        let text = text.trim();
        if let Some(start) = text.strip_suffix('\\') {
            pending.push_str(start);
            continue;
        }
        pending.push_str(text);
        let line = std::mem::take(&mut pending);
        if line.contains("dsr ") {
            let status = documented_status(&line);
            lines.push((line, status));
        }
    }
    lines
}

/// The exit status a documented line's comment starts with ("# exits 4: …"), else 0.
fn documented_status(line: &str) -> i32 {
    line.split_once(" #")
        .and_then(|(_, comment)| comment.trim_start().strip_prefix("exits "))
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Examples that end otherwise than documented because of a defect of dsr's, with the
/// status they end with until it is fixed (and why). When one is fixed this test fails:
/// take it off the list.
const KNOWN_DEFECTS: &[(&str, i32, &str)] = &[];

#[test]
fn every_example_of_every_man_page_runs_as_printed() {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(repo_root().join("man"))
        .expect("the man pages")
        .map(|e| e.expect("a man page").path())
        .collect();
    pages.sort();
    let (mut ran, mut failures) = (0, Vec::new());
    for page in pages {
        let text = std::fs::read_to_string(&page).expect("a man page");
        let examples = man_examples(&text);
        if examples.is_empty() {
            continue;
        }
        let name = page
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let t = Test::new();
        let mut session = Session::new(&t);
        sample_tenant(&t.tenant_dir());
        t.add_tenant("acme", &["--default-region", "NO"]);
        t.sync(&[]);
        t.fill_ropa("acme");
        lists(&session.cwd);
        prepare(&name, &mut session);
        for (line, status) in examples {
            let status = KNOWN_DEFECTS
                .iter()
                .find(|(known, _, _)| *known == line)
                .map_or(status, |(_, status, _)| *status);
            session.run(&line, status);
            ran += 1;
        }
        failures.extend(session.failures.iter().map(|f| format!("{name}: {f}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(ran >= 30, "only {ran} examples were found in the man pages");
}

/// What a page's examples need that a user would have at hand: the cases they name, and
/// for a few pages earlier work (a receipt to verify, closed cases old enough to purge).
fn prepare(page: &str, session: &mut Session<'_>) {
    match page {
        "dsr-access" | "dsr-case-review" => {
            session.open("20261201-001", "access");
        }
        "dsr-portability" => {
            session.open("20261201-002", "portability");
        }
        "dsr-erase" => {
            session.open("20261201-003", "erasure");
        }
        "dsr-rectify" => {
            session.open("20261201-004", "rectification");
            session.run("dsr tenant group add company acme", 0);
        }
        "dsr-restrict" => {
            session.run("dsr tenant edit acme --restriction-field 25", 0);
            session.open("20261201-005", "restriction");
            session.run("dsr tenant group add company acme", 0);
        }
        "dsr-audit" | "dsr-receipt-verify" => {
            let id = session.open("20261201-001", "access");
            let out = session.run(&format!("dsr access {id} --out package.zip"), 0);
            let receipt = std::fs::read_dir(
                session
                    .t
                    .tenant_data("acme")
                    .join("cases")
                    .join(&id)
                    .join("receipts"),
            )
            .expect("the case's receipts")
            .next()
            .expect("a receipt")
            .expect("a receipt folder")
            .path();
            for file in ["receipt.json", "receipt.json.sig"] {
                std::fs::copy(receipt.join(file), session.cwd.join(file))
                    .unwrap_or_else(|e| panic!("{file}: {e}\n{}", out.dump()));
            }
            session.run("dsr keys show > allowed_signers", 0);
        }
        "dsr-locate" | "dsr-case-open" => {
            session.run("dsr tenant group add company acme", 0);
        }
        "dsr-tenant-group" => {
            // A second system of the same controller, for the group to hold.
            let shop = session.t.path("shop");
            std::fs::create_dir_all(&shop).expect("the second tenant's folder");
            session
                .t
                .dsr(["tenant", "add", "shop", "--platform", "dir", "--path"])
                .arg(&shop)
                .run();
            session.t.dsr(["sync", "--tenant", "shop"]).run();
        }
        "dsr-case-purge" => {
            session.run("dsr tenant edit acme --records-retention 5y", 0);
            old_closed_cases(session);
        }
        _ => {}
    }
}

/// The two cases the documented purges name, closed five years and more before today.
fn old_closed_cases(session: &mut Session<'_>) {
    for documented in ["20211201-001", "20211203-002"] {
        let id = session.open(documented, "access");
        session.t.dsr(["case", "close", &id]).run();
        let path = session
            .t
            .tenant_data("acme")
            .join("cases")
            .join(&id)
            .join("case.json");
        let mut case: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("case.json")).expect("JSON");
        // Closed longer ago than the five years the documented retention keeps.
        case["closed_at"] = "2020-05-04T09:00:00Z".into();
        std::fs::write(&path, serde_json::to_vec_pretty(&case).expect("JSON")).expect("case.json");
    }
}

/// The tenant folder README's walkthrough registers, relative to where its commands run.
const README_TENANT: &str = "acme-export";

/// README sections whose lines are not run, and why: they need a FotoWeb server (the
/// FotoWeb test double's own tests cover the same commands), or a bucket and its
/// credentials (tests/main/objects.rs runs the same commands against a local S3 server).
const README_SKIPPED_SECTIONS: &[&str] = &[
    "### A FotoWeb tenant",
    "### A bucket as a tenant (objects)",
    // Needs a database: tests/main/sql.rs runs these commands against one.
    "### A database as a tenant (sql)",
];

/// README lines that are not run, and why.
const README_SKIPPED_LINES: &[(&str, &str)] = &[(
    "dsr case review 20261201-001",
    "the review checklist needs a terminal",
)];

/// The command lines of README's ```sh blocks from `## Walkthrough` up to `## Exit status`,
/// continuation lines joined, each with the section it stands in.
fn readme_lines(readme: &str) -> Vec<(String, String)> {
    let start = readme
        .find("\n## Walkthrough")
        .expect("README has a walkthrough");
    let end = readme
        .find("\n## Exit status")
        .expect("README has an exit status section");
    let (mut lines, mut section, mut in_block, mut pending) =
        (Vec::new(), String::new(), false, String::new());
    for raw in readme[start..end].lines() {
        if raw.starts_with("## ") || raw.starts_with("### ") {
            section = raw.to_owned();
        } else if raw.starts_with("```") {
            in_block = raw == "```sh";
        } else if in_block {
            let text = raw.trim();
            if let Some(start) = text.strip_suffix('\\') {
                pending.push_str(start.trim_end());
                pending.push(' ');
                continue;
            }
            pending.push_str(text);
            let line = std::mem::take(&mut pending);
            if !line.is_empty() && !line.starts_with('#') {
                lines.push((section.clone(), line));
            }
        }
    }
    lines
}

/// Whether a README line is one of dsr's: `dsr …`, `VAR=value dsr …`, or an `export`.
fn runs_dsr(line: &str) -> bool {
    let command = line
        .split_whitespace()
        .find(|w| !w.contains('='))
        .unwrap_or_default();
    command == "dsr" || command == "export"
}

#[test]
fn the_readme_walkthrough_runs_command_by_command_as_printed() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README.md");
    let t = Test::new();
    let mut session = Session::new(&t);
    sample_tenant(&session.cwd.join(README_TENANT));
    lists(&session.cwd);
    let mut ran = 0;
    for (section, line) in readme_lines(&readme) {
        let skipped = README_SKIPPED_SECTIONS.contains(&section.as_str())
            || README_SKIPPED_LINES
                .iter()
                .any(|(skipped, _)| strip_comment(&line) == *skipped);
        if skipped || !runs_dsr(&line) {
            continue;
        }
        if line.starts_with("dsr case purge") {
            // The cases a purge deletes were closed years ago: no afternoon's walkthrough
            // makes them, so they are made here as they would be.
            old_closed_cases(&mut session);
        }
        session.run(&line, documented_status(&line));
        ran += 1;
        if line.starts_with("dsr tenant ropa acme --init") {
            // The DPO fills the template in, as the README says, in an editor.
            let path = t.config_home().join("dsr/ropa/acme.toml");
            let text = std::fs::read_to_string(&path).expect("the template");
            std::fs::write(
                &path,
                text.replace("FILL IN: e.g. ", "").replace("FILL IN: ", ""),
            )
            .expect("the record");
        }
    }
    assert!(
        session.failures.is_empty(),
        "{}",
        session.failures.join("\n\n")
    );
    assert!(ran >= 40, "only {ran} README lines ran");
}
