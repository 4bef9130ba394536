//! The `Test` builder every test starts from: a private temporary folder standing in for
//! the user's home, and a way to run the real `dsr` binary inside it and check how it
//! ended.
//!
//! Each test gets its own folder with `HOME`, the XDG folders and `TMPDIR` inside it, and
//! every `DSR_*` variable removed, so no test reads or writes the developer's files, and
//! tests can run in parallel without seeing each other.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt as _;
use serde_json::Value;

/// The shell script that sets a umask and then becomes the command after it (arguments:
/// `sh`, the umask, the command line): how tests run dsr under a given umask without
/// `pre_exec` in the test process.
pub const UMASK_WRAPPER: &str = "umask \"$1\" && shift && exec \"$@\"";

/// The repository root, where `man/`, `completions/` and `examples/` live.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `dsr` executable cargo built for these tests.
pub fn dsr_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_dsr"))
}

/// A sandbox for one test: a temporary folder with a home, XDG folders, a temp folder and a
/// tenant folder in it. Removed when dropped.
pub struct Test {
    root: tempfile::TempDir,
}

impl Test {
    pub fn new() -> Test {
        let root = tempfile::Builder::new()
            .prefix("dsr-test-")
            .tempdir()
            .expect("a temporary folder for the test");
        let test = Test { root };
        for dir in [
            test.home(),
            test.config_home(),
            test.data_home(),
            test.cache_home(),
            test.tmp(),
            test.tenant_dir(),
        ] {
            std::fs::create_dir_all(&dir).expect("the sandbox folders");
        }
        test
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root().join(relative)
    }

    pub fn home(&self) -> PathBuf {
        self.path("home")
    }

    pub fn config_home(&self) -> PathBuf {
        self.path("xdg-config")
    }

    pub fn data_home(&self) -> PathBuf {
        self.path("xdg-data")
    }

    pub fn cache_home(&self) -> PathBuf {
        self.path("xdg-cache")
    }

    pub fn tmp(&self) -> PathBuf {
        self.path("tmp")
    }

    /// The `dir` tenant the test writes its assets into.
    pub fn tenant_dir(&self) -> PathBuf {
        self.path("tenant")
    }

    /// Where dsr keeps its configuration when nothing overrides it.
    pub fn config_file(&self) -> PathBuf {
        self.config_home().join("dsr").join("config.toml")
    }

    /// Where dsr keeps indexes when nothing overrides it.
    pub fn data_dir(&self) -> PathBuf {
        self.data_home().join("dsr")
    }

    /// One tenant's index and sync state.
    pub fn tenant_data(&self, name: &str) -> PathBuf {
        self.data_dir().join("tenants").join(name)
    }

    /// The newest receipt of a case of tenant `acme`, as JSON.
    pub fn latest_receipt(&self, case: &str) -> Value {
        self.latest_receipt_of("acme", case)
    }

    /// The newest receipt of a case of `tenant`.
    pub fn latest_receipt_of(&self, tenant: &str, case: &str) -> Value {
        let dir = self
            .tenant_data(tenant)
            .join("cases")
            .join(case)
            .join("receipts");
        let mut receipts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path().join("receipt.json"))
            .collect();
        receipts.sort();
        let path = receipts.pop().expect("a receipt");
        serde_json::from_slice(&std::fs::read(&path).expect("the receipt")).expect("JSON")
    }

    /// A command line for `dsr`, run in the sandbox; expects exit status 0 unless told.
    pub fn dsr<I, S>(&self, args: I) -> Run<'_>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Run {
            test: self,
            args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
            env: Vec::new(),
            env_removed: Vec::new(),
            stdin: None,
            status: Some(0),
            umask: None,
            agreement: true,
            stdout_has: Vec::new(),
            stderr_has: Vec::new(),
        }
    }

    /// Writes tenant `name`'s record of processing the way a DPO fills it in: `dsr tenant
    /// ropa NAME --init`, every "FILL IN" taken as it stands. Access and portability need it.
    pub fn fill_ropa(&self, name: &str) {
        self.dsr(["tenant", "ropa", name, "--init"]).run();
        let path = self
            .config_home()
            .join("dsr")
            .join("ropa")
            .join(format!("{name}.toml"));
        let text = std::fs::read_to_string(&path).expect("the template");
        std::fs::write(
            &path,
            text.replace("FILL IN: e.g. ", "").replace("FILL IN: ", ""),
        )
        .expect("the record");
    }

    /// Writes an asset of the tenant: a small file `id` and its sidecar `id.json` holding
    /// `fields` (field id → string or list of strings), each wrapped as `{"value": …}`.
    pub fn asset(&self, id: &str, fields: Value) {
        let Value::Object(fields) = fields else {
            panic!("the fields of {id} must be a JSON object");
        };
        let metadata: serde_json::Map<String, Value> = fields
            .into_iter()
            .map(|(field, value)| (field, serde_json::json!({ "value": value })))
            .collect();
        let sidecar = serde_json::json!({
            "modified": "2024-03-02T11:00:00Z",
            "metadata": metadata,
        });
        let text = serde_json::to_string_pretty(&sidecar).expect("a sidecar as JSON");
        self.write(&format!("{id}.json"), text.as_bytes());
        self.write(id, b"not really an image");
    }

    /// Writes a file of the tenant folder, creating its archive.
    pub fn write(&self, relative: &str, contents: &[u8]) {
        let path = self.tenant_dir().join(relative);
        let parent = path.parent().expect("a file inside the tenant folder");
        std::fs::create_dir_all(parent).expect("the archive folder");
        std::fs::write(&path, contents).expect("a tenant file");
    }

    /// Copies a folder (the sample tenant) into the tenant folder.
    pub fn copy_into_tenant(&self, from: &Path) {
        for relative in Test::entries(from) {
            let (source, target) = (from.join(&relative), self.tenant_dir().join(&relative));
            if source.is_dir() {
                std::fs::create_dir_all(&target).expect("a folder of the copy");
            } else {
                std::fs::copy(&source, &target).expect("a file of the copy");
            }
        }
    }

    /// Registers the tenant folder as a `dir` tenant called `name`, with extra arguments
    /// for `tenant add` (a default region, mapped fields).
    pub fn add_tenant(&self, name: &str, extra: &[&str]) {
        self.dsr(["tenant", "add", name, "--platform", "dir", "--path"])
            .arg(self.tenant_dir())
            .args(extra)
            .run();
    }

    /// Syncs the only (or default) tenant and returns the JSON report.
    pub fn sync(&self, extra: &[&str]) -> Value {
        self.dsr(["sync", "-o", "json"]).args(extra).run().json()
    }

    /// Every file and folder under `dir`, relative, sorted.
    pub fn entries(dir: &Path) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                e.expect("a readable entry")
                    .path()
                    .strip_prefix(dir)
                    .expect("an entry under the folder")
                    .to_owned()
            })
            .collect();
        out.sort();
        out
    }
}

/// One run of `dsr`, built up and then [`Run::run`].
#[must_use = "a command line does nothing until it is run"]
pub struct Run<'t> {
    test: &'t Test,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    env_removed: Vec<OsString>,
    stdin: Option<Vec<u8>>,
    /// `None` when any status will do (the caller checks it).
    status: Option<i32>,
    umask: Option<&'static str>,
    /// Whether the run's outcome is checked against a fresh locate (see `agreement`).
    agreement: bool,
    /// Texts stdout and stderr must hold.
    stdout_has: Vec<String>,
    stderr_has: Vec<String>,
}

impl Run<'_> {
    /// Skips the check that an erase or rectify run's report, receipt and a fresh locate
    /// agree: only for a test that breaks that agreement on purpose to see it caught.
    pub fn unchecked(mut self) -> Self {
        self.agreement = false;
        self
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Runs without this variable, even one the sandbox sets (such as `DSR_PURPOSE`).
    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Self {
        self.env_removed.push(key.as_ref().to_owned());
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    /// The exit status the run must end with.
    pub fn status(mut self, status: i32) -> Self {
        self.status = Some(status);
        self
    }

    /// A text stdout must hold; the panic message shows everything the run printed.
    pub fn stdout_has(mut self, text: impl Into<String>) -> Self {
        self.stdout_has.push(text.into());
        self
    }

    /// A text stderr must hold.
    pub fn stderr_has(mut self, text: impl Into<String>) -> Self {
        self.stderr_has.push(text.into());
        self
    }

    /// Accepts any exit status: the caller checks [`Output::status`].
    pub fn any_status(mut self) -> Self {
        self.status = None;
        self
    }

    /// Runs a `locate` command line with `-o json` added and returns its hits, checking
    /// that the exit status agrees: 0 with hits, 1 without, 3 while assets the last sync
    /// could not read were not searched.
    pub fn hits(mut self) -> Vec<Value> {
        self.status = None;
        let out = self.args(["-o", "json"]).run();
        let document = out.json();
        let (Some(Value::Array(hits)), Some(Value::Array(unreadable))) =
            (document.get("hits"), document.get("unreadable"))
        else {
            panic!(
                "locate printed no hits and unreadable lists: {document}\n{}",
                out.dump()
            );
        };
        let hits = hits.clone();
        let expected = match (unreadable.is_empty(), hits.is_empty()) {
            (false, _) => 3,
            (true, true) => 1,
            (true, false) => 0,
        };
        assert_eq!(
            out.status,
            expected,
            "exit status and hits disagree\n{}",
            out.dump()
        );
        hits
    }

    /// Runs dsr under this umask (e.g. "022"), set by a shell that then `exec`s dsr, so the
    /// test process itself needs no `pre_exec`.
    pub fn umask(mut self, umask: &'static str) -> Self {
        self.umask = Some(umask);
        self
    }

    /// The command, with the sandbox's environment and nothing of the developer's (the
    /// stdin given to the builder is written by [`Run::run`]).
    pub fn command(&self) -> Command {
        let mut cmd = match self.umask {
            None => Command::cargo_bin("dsr").expect("the dsr binary is built for the tests"),
            Some(umask) => {
                let mut sh = Command::new("sh");
                sh.args(["-c", UMASK_WRAPPER, "sh", umask]).arg(dsr_path());
                sh
            }
        };
        cmd.args(&self.args);
        sandbox_env(&mut cmd, self.test);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        for key in &self.env_removed {
            cmd.env_remove(key);
        }
        cmd
    }

    /// Runs dsr and checks the exit status; the panic message shows everything it printed.
    pub fn run(self) -> Output {
        let started = std::time::SystemTime::now();
        let mut cmd = assert_cmd::Command::from_std(self.command());
        if let Some(stdin) = &self.stdin {
            cmd.write_stdin(stdin.clone());
        }
        // A hung command fails its test instead of the whole CI job.
        cmd.timeout(Duration::from_secs(60));
        let output = cmd
            .output()
            .expect("dsr could be started and finished in time");
        let output = Output {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        if self.status.is_some_and(|status| status != output.status) {
            panic!(
                "`dsr {}` exited with {}, expected {:?}\n{}",
                self.shown_args(),
                output.status,
                self.status,
                output.dump()
            );
        }
        let missing = |stream: &str, wanted: &[String]| {
            wanted
                .iter()
                .filter(|text| !stream.contains(text.as_str()))
                .cloned()
                .collect::<Vec<_>>()
        };
        for (name, stream, wanted) in [
            ("stdout", &output.stdout, &self.stdout_has),
            ("stderr", &output.stderr, &self.stderr_has),
        ] {
            let missing = missing(stream, wanted);
            assert!(
                missing.is_empty(),
                "`dsr {}`: {name} lacks {missing:?}\n{}",
                self.shown_args(),
                output.dump()
            );
        }
        if self.agreement && crate::agreement::applies(&self.args) {
            crate::agreement::Invocation {
                test: self.test,
                args: &self.args,
                env: &self.env,
                started,
            }
            .check();
        }
        output
    }

    fn shown_args(&self) -> String {
        self.args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The purpose every sandboxed run states (commands that read personal data need one).
pub const PURPOSE: &str = "dsr integration tests";

/// Points every variable dsr (or a library under it) might read for a home or temporary
/// folder into the sandbox, removes every `DSR_*` variable of the developer's, and states
/// [`PURPOSE`] in `DSR_PURPOSE`.
pub fn sandbox_env(cmd: &mut Command, test: &Test) {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("DSR_") {
            cmd.env_remove(&key);
        }
    }
    for key in [
        "DSR_TENANT",
        "DSR_DATA_DIR",
        "DSR_CONFIG",
        "DSR_CLIENT_SECRET",
        "DSR_CLIENT_SECRET_FILE",
        "DSR_DB_PASSWORD",
    ] {
        cmd.env_remove(key);
    }
    cmd.env("HOME", test.home())
        .env("XDG_CONFIG_HOME", test.config_home())
        .env("XDG_DATA_HOME", test.data_home())
        .env("XDG_CACHE_HOME", test.cache_home())
        .env("XDG_STATE_HOME", test.path("xdg-state"))
        .env("TMPDIR", test.tmp())
        .env("DSR_PURPOSE", PURPOSE)
        .env_remove("NO_COLOR")
        .env_remove("RUST_LOG");
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// stdout as one JSON document.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.dump()))
    }

    /// stdout as JSON lines.
    pub fn jsonl(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("a line is not JSON: {e}: {line}\n{}", self.dump()))
            })
            .collect()
    }

    /// stdout as CSV: each row as header → cell.
    pub fn csv(&self) -> Vec<BTreeMap<String, String>> {
        let mut reader = csv::Reader::from_reader(self.stdout.as_bytes());
        let header = reader
            .headers()
            .unwrap_or_else(|e| panic!("stdout has no CSV header: {e}\n{}", self.dump()))
            .clone();
        reader
            .records()
            .map(|record| {
                let record =
                    record.unwrap_or_else(|e| panic!("stdout is not CSV: {e}\n{}", self.dump()));
                header
                    .iter()
                    .zip(record.iter())
                    .map(|(h, c)| (h.to_owned(), c.to_owned()))
                    .collect()
            })
            .collect()
    }

    /// The message of the single `dsr: error:` line that is all of stderr.
    pub fn error(&self) -> String {
        let lines: Vec<&str> = self.stderr.lines().collect();
        match lines.as_slice() {
            [line] if line.starts_with("dsr: error: ") => {
                line.trim_start_matches("dsr: error: ").to_owned()
            }
            _ => panic!("stderr is not one `dsr: error:` line\n{}", self.dump()),
        }
    }

    /// stdout and stderr, for failure messages.
    pub fn dump(&self) -> String {
        let mut text = String::new();
        let _ = write!(
            text,
            "--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout, self.stderr
        );
        text
    }
}

/// Leaves only the assets of a copy of the sample tenant: its records (`.records/`, and
/// consent statuses in sidecars) are read by the `dir` platform alone, not by the
/// `objects` platform, nor by a FotoWeb profile that names no `--records`.
pub fn assets_only(tenant: &Path) {
    std::fs::remove_dir_all(tenant.join(".records")).expect("the records removed");
    for entry in walkdir::WalkDir::new(tenant)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        if entry.path().extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(entry.path()).expect("a sidecar");
            let mut json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            if let Some(object) = json.as_object_mut()
                && object.remove("consentStatus").is_some()
            {
                std::fs::write(
                    entry.path(),
                    serde_json::to_vec_pretty(&json).expect("JSON"),
                )
                .expect("written");
            }
        }
    }
}

/// Asset or record id → confidence of each hit of `locate -o json`.
pub fn found(hits: &[Value]) -> BTreeMap<String, String> {
    hits.iter()
        .map(|h| {
            (
                h["asset"].as_str().unwrap_or_default().to_owned(),
                h["confidence"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Id → what a plan, a run or a receipt says of each of its steps (`key`: `action`,
/// `outcome`, …).
pub fn per_record(steps: &Value, key: &str) -> BTreeMap<String, String> {
    steps
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an id").to_owned(),
                s[key].as_str().expect("a value").to_owned(),
            )
        })
        .collect()
}

/// The expected side of a [`found`] or [`per_record`] comparison.
pub fn pairs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Copies a folder and everything in it.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the copy");
    for relative in Test::entries(from) {
        let (source, target) = (from.join(&relative), to.join(&relative));
        if source.is_dir() {
            std::fs::create_dir_all(&target).expect("a folder of the copy");
        } else {
            std::fs::copy(&source, &target).expect("a file of the copy");
        }
    }
}
