//! The FotoWeb connector against the FotoWeb test double on 127.0.0.1: sync parity with
//! the `dir` platform, incremental sync seen in the request log, authentication failures,
//! chaos, the https rule, and every platform operation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use dsr::asset::FieldValue;
use dsr::config::TenantProfile;
use dsr::platform::{Connection, Platform};
use dsr::secret::Secret;
use fotoweb_double::{Double, Options};

const CLIENT_ID: &str = "dsr-tests";
const SECRET: &str = "s3cret-Xq9-never-shown";
/// The archives of the sample tenant, 60 assets each.
const ARCHIVES: [&str; 4] = ["Events", "Marketing", "Press", "Staff"];

/// A temporary home for one test: config, data dir and a copy of the sample tenant.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("a temp dir");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample-tenant"),
            &dir.path().join("tenant"),
        );
        // Compared with FotoWeb profiles that read no records: the assets alone.
        crate::support::assets_only(&dir.path().join("tenant"));
        Home { dir }
    }

    fn tenant(&self) -> PathBuf {
        self.dir.path().join("tenant")
    }

    fn dsr(&self) -> Command {
        Command::from_std(self.std_dsr())
    }

    /// The same command as [`Home::dsr`], for a test that needs to watch it run.
    fn std_dsr(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_dsr"));
        let root = self.dir.path();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", root.join("home"))
            .env("XDG_CONFIG_HOME", root.join("xdg-config"))
            .env("XDG_DATA_HOME", root.join("xdg-data"))
            .env("DSR_CONFIG", root.join("config.toml"))
            .env("DSR_DATA_DIR", root.join("data"))
            .env("DSR_PURPOSE", "dsr fotoweb tests");
        cmd
    }

    fn run(&self, args: &[&str], secret: Option<&str>) -> Output {
        let mut cmd = self.dsr();
        if let Some(secret) = secret {
            cmd.env("DSR_CLIENT_SECRET", secret);
        }
        cmd.args(args).output().expect("dsr runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args, Some(SECRET));
        assert!(
            out.status.success(),
            "dsr {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    fn add_fotoweb(&self, name: &str, url: &str) {
        self.ok(&[
            "tenant",
            "add",
            name,
            "--platform",
            "fotoweb",
            "--url",
            url,
            "--client-id",
            CLIENT_ID,
            "--default-region",
            "NO",
        ]);
    }

    fn add_dir(&self, name: &str) {
        let path = self.tenant();
        self.ok(&[
            "tenant",
            "add",
            name,
            "--platform",
            "dir",
            "--path",
            path.to_str().expect("a utf-8 path"),
            "--default-region",
            "NO",
        ]);
    }

    fn sync(&self, tenant: &str) -> serde_json::Value {
        let out = self.ok(&["sync", "--tenant", tenant, "--output", "json"]);
        serde_json::from_str(&out).expect("a JSON sync report")
    }

    /// Every file under the data dir and the config, as text, to search for secrets.
    fn everything_written(&self) -> String {
        let mut text = String::new();
        for entry in walkdir::WalkDir::new(self.dir.path()) {
            let entry = entry.expect("a readable entry");
            let skip = entry.path().starts_with(self.tenant());
            if entry.file_type().is_file() && !skip {
                let bytes = std::fs::read(entry.path()).expect("a readable file");
                text.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
        text
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("a readable entry");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

fn double_with(home: &Home, configure: impl FnOnce(&mut Options)) -> Double {
    let mut options = Options::new(home.tenant(), CLIENT_ID, SECRET);
    configure(&mut options);
    Double::spawn(options).expect("the double starts")
}

/// Queries covering every identity kind and rule, with people present and absent.
const QUERIES: &[&[&str]] = &[
    &["jane.doe@example.com"],
    &["--email", "JANE.DOE@example.com "],
    &["--name", "Jane Doe"],
    &["--name", "Doe, Jane"],
    &["--name", "jane doe", "--min-confidence", "high"],
    &["--phone", "912 34 567"],
    &["--phone", "+4791234567"],
    &["--login", "jdoe"],
    &["--name", "Ola Nordmann"],
    &["--name", "Jane Smith"],
    &["--name", "John Doe"],
    &["--name", "Jane Doerr"],
    &["--name", "Jörg Müller"],
    &["--name", "Joerg Mueller"],
    &["--name", "Søren Kierkegaard"],
    &["--name", "Soren Kirkegaard"],
    &["--name", "J. Doe"],
    &["--text", "budget"],
    &["--email", "jane.doe@example.com.au"],
    &["--name", "Nobody Atall"],
    &["--login", "nobody"],
    &[
        "--name",
        "Jane Doe",
        "--email",
        "jane.doe@example.com",
        "--login",
        "jdoe",
    ],
];

/// The locate results of every query, as JSON (asset, confidence, matches).
fn locate_all(home: &Home, tenant: &str) -> Vec<String> {
    QUERIES
        .iter()
        .map(|query| {
            let mut args = vec!["locate", "--tenant", tenant, "--output", "json"];
            args.extend_from_slice(query);
            let out = home.run(&args, Some(SECRET));
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "locate {query:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).expect("utf-8")
        })
        .collect()
}

fn asset_list_requests(double: &Double) -> Vec<String> {
    double
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.starts_with("/fotoweb/archives/5"))
        .filter(|r| !r.path.contains(".info"))
        .map(|r| r.path)
        .collect()
}

#[test]
fn sync_through_the_double_finds_what_dir_finds() {
    let home = Home::new();
    // 60 assets per archive in pages of 10: six pages each.
    let double = double_with(&home, |o| o.page_size = 10);
    home.add_dir("folder");
    home.add_fotoweb("fw", &double.url());
    assert_eq!(home.sync("folder")["added"], 240);
    let report = home.sync("fw");
    assert_eq!(report["added"], 240, "{report}");
    let lists = asset_list_requests(&double);
    for archive in ARCHIVES {
        let pages: BTreeSet<&str> = lists
            .iter()
            .filter(|p| p.contains(&format!("-{archive}/")))
            .map(|p| p.rsplit_once('/').map_or("", |(_, page)| page))
            .collect();
        let all: BTreeSet<&str> = ["", ";p=1", ";p=2", ";p=3", ";p=4", ";p=5"].into();
        assert_eq!(pages, all, "{archive} was read page by page: {lists:?}");
    }
    let (dir, fw) = (locate_all(&home, "folder"), locate_all(&home, "fw"));
    assert!(dir.iter().filter(|r| r.contains("\"asset\"")).count() >= 15);
    for ((query, a), b) in QUERIES.iter().zip(&dir).zip(&fw) {
        assert_eq!(a, b, "locate {query:?} differs between dir and fotoweb");
    }

    // With more threads than archives, the idle ones read listings from the last page back
    // to meet their owners (the latency gives them time to join): still every page once.
    let slow = double_with(&home, |o| {
        o.page_size = 10;
        o.latency_ms = 10;
    });
    home.add_fotoweb("fw8", &slow.url());
    let out = home.ok(&["sync", "--tenant", "fw8", "--jobs", "8", "--output", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("a JSON sync report");
    assert_eq!(report["added"], 240, "{report}");
    let lists = asset_list_requests(&slow);
    let distinct: BTreeSet<&String> = lists.iter().collect();
    assert_eq!((lists.len(), distinct.len()), (24, 24), "{lists:?}");
    assert_eq!(locate_all(&home, "fw8"), fw);
}

#[test]
fn incremental_sync_reads_only_what_changed() {
    let home = Home::new();
    let double = double_with(&home, |o| o.page_size = 10);
    home.add_fotoweb("fw", &double.url());
    home.sync("fw");

    double.clear_requests();
    let report = home.sync("fw");
    assert_eq!(
        (report["added"].clone(), report["updated"].clone()),
        (0.into(), 0.into())
    );
    let lists = asset_list_requests(&double);
    assert_eq!(lists.len(), 4, "one first page per archive: {lists:?}");
    assert!(lists.iter().all(|p| !p.contains(";p=")), "{lists:?}");

    double.set_field(
        "Staff/board-meeting-020.png",
        "120",
        serde_json::json!("A new caption naming Kari Nordmann"),
    );
    double.clear_requests();
    let report = home.sync("fw");
    assert_eq!(report["updated"], 1, "{report}");
    assert_eq!(report["added"], 0, "{report}");
    assert_eq!(report["unchanged"], 239, "{report}");
    let lists = asset_list_requests(&double);
    assert_eq!(lists.len(), 4, "one first page per archive: {lists:?}");
    assert!(lists.iter().all(|p| !p.contains(";p=")), "{lists:?}");
    // Nothing but the entry points and those first pages: no asset is read on its own.
    let others: Vec<String> = double
        .requests()
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .filter(|r| {
            !r.starts_with("GET /fotoweb/archives/5")
                && r != "GET /fotoweb/me/"
                && r != "GET /fotoweb/me/archives/"
                && !r.starts_with("GET /fotoweb/editors/")
        })
        .collect();
    assert!(others.is_empty(), "{others:?}");
    assert!(
        double.requests().iter().all(|r| !r.path.contains(".info")),
        "{:?}",
        double.requests()
    );
    let found = home.ok(&[
        "locate",
        "--tenant",
        "fw",
        "--name",
        "Kari Nordmann",
        "-o",
        "jsonl",
    ]);
    assert!(found.contains("Staff/board-meeting-020.png"), "{found}");

    // A deletion changes the archive's asset count: that archive alone is listed in full.
    double.remove_asset("Press/press-kit-008.png");
    double.clear_requests();
    let report = home.sync("fw");
    assert_eq!(report["removed"], 1, "{report}");
    assert_eq!(report["indexed"], 239, "{report}");
    let lists = asset_list_requests(&double);
    let press_pages = lists.iter().filter(|p| p.contains("-Press/")).count();
    assert!(press_pages >= 6, "Press was listed in full: {lists:?}");
    assert_eq!(lists.len() - press_pages, 3, "{lists:?}");
}

#[test]
fn a_wrong_secret_fails_authentication_and_is_never_shown() {
    let home = Home::new();
    let double = double_with(&home, |_| {});
    home.add_fotoweb("fw", &double.url());
    let wrong = "WrongSecret-7781-zz";
    let out = home.run(&["sync"], Some(wrong));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("authentication failed"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(!stderr.contains(wrong));
    let out = home.run(&["tenant", "check", "-vv"], Some(wrong));
    assert_eq!(out.status.code(), Some(2));
    let check_stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        check_stderr.contains("authentication failed"),
        "{check_stderr}"
    );
    for text in [String::from_utf8_lossy(&out.stdout), check_stderr] {
        assert!(!text.contains(wrong), "{text}");
    }

    // After a good sync, a wrong secret is still noticed although a token is cached.
    home.sync("fw");
    let out = home.run(&["sync", "-vv"], Some(wrong));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("authentication failed"), "{stderr}");
    assert!(!stderr.contains(wrong) && out.stdout.is_empty(), "{stderr}");
    let written = home.everything_written();
    assert!(!written.contains(wrong) && !written.contains(SECRET));
}

#[test]
fn without_a_secret_dsr_says_how_to_give_one() {
    let home = Home::new();
    let double = double_with(&home, |_| {});
    home.add_fotoweb("fw", &double.url());
    let out = home.run(&["sync"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("DSR_CLIENT_SECRET"), "{stderr}");

    // A secret file works as well as the environment.
    let file = home.dir.path().join("secret");
    std::fs::write(&file, format!("{SECRET}\n")).expect("a secret file");
    let out = home
        .dsr()
        .args(["sync", "--client-secret-file"])
        .arg(&file)
        .output()
        .expect("dsr runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sync_survives_chaos_with_the_same_results() {
    let home = Home::new();
    let clean = double_with(&home, |o| o.page_size = 10);
    home.add_fotoweb("clean", &clean.url());
    home.sync("clean");
    let expected = locate_all(&home, "clean");

    let chaotic = double_with(&home, |o| {
        o.page_size = 10;
        o.fail_rate = 0.2;
        o.drop_rate = 0.05;
        o.rate_limit = Some(50);
        o.token_ttl = 5;
        o.seed = 7;
    });
    home.add_fotoweb("chaos", &chaotic.url());
    let report = home.sync("chaos");
    assert_eq!(report["added"], 240, "{report}");
    assert_eq!(locate_all(&home, "chaos"), expected);
    let statuses: Vec<u16> = chaotic.requests().iter().map(|r| r.status).collect();
    assert!(
        statuses.iter().any(|s| *s >= 500) && statuses.contains(&0),
        "the double did fail and drop: {statuses:?}"
    );
}

/// A local listener that dsr's HTTP client is told to use as its proxy for every URL:
/// any request dsr tries to send, to whatever host, arrives here first.
struct Tripwire {
    listener: std::net::TcpListener,
    url: String,
}

impl Tripwire {
    fn new() -> Tripwire {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local listener");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let url = format!("http://{}", listener.local_addr().expect("an address"));
        Tripwire { listener, url }
    }

    fn arm(&self, cmd: &mut std::process::Command) {
        for var in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
        ] {
            cmd.env(var, &self.url);
        }
    }

    fn tripped(&self) -> bool {
        self.listener.accept().is_ok()
    }

    /// Runs dsr to its end, or kills it as soon as it connects anywhere.
    fn run(&self, mut cmd: std::process::Command) -> Output {
        self.arm(&mut cmd);
        let mut child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("dsr starts");
        loop {
            if self.tripped() {
                let _ = child.kill();
                let out = child.wait_with_output().expect("dsr ends");
                panic!(
                    "dsr tried to connect: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            if child.try_wait().expect("dsr can be waited for").is_some() {
                return child.wait_with_output().expect("dsr ends");
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}

/// A token can expire or be revoked before dsr expects it to (a server restart, a shorter
/// lifetime than announced): the 401 leads to one new token and the request is made again.
#[test]
fn an_access_token_the_server_refuses_is_replaced() {
    let home = Home::new();
    let double = double_with(&home, |_| {});
    home.add_fotoweb("fw", &double.url());
    home.sync("fw");
    let cache = home.dir.path().join("data/tenants/fw/token.json");
    let mut token: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&cache).expect("a cached token")).expect("JSON");
    token["value"] = serde_json::json!("fwd.revoked");
    std::fs::write(&cache, token.to_string()).expect("the cache rewritten");

    double.clear_requests();
    let report = home.sync("fw");
    assert_eq!(report["unchanged"], 240, "{report}");
    let seen = requests_of(&double);
    assert_eq!(
        seen.iter().filter(|r| r.ends_with(" 401")).count(),
        1,
        "{seen:?}"
    );
    assert_eq!(
        seen.iter()
            .filter(|r| r.starts_with("POST /fotoweb/oauth2/token"))
            .count(),
        1,
        "{seen:?}"
    );
    let cached = std::fs::read_to_string(&cache).expect("a cached token");
    assert!(!cached.contains("fwd.revoked"), "the new token is cached");
}

#[test]
fn plain_http_to_another_host_is_refused_before_any_request() {
    let home = Home::new();
    let tripwire = Tripwire::new();
    // 203.0.113.0/24 is reserved for documentation (RFC 5737): nothing answers there.
    let mut cmd = home.std_dsr();
    cmd.args([
        "tenant",
        "add",
        "remote",
        "--platform",
        "fotoweb",
        "--url",
        "http://203.0.113.7:8787",
        "--client-id",
        CLIENT_ID,
    ]);
    let out = tripwire.run(cmd);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("https"));

    // A profile edited by hand is checked again before anything is sent, by every command
    // that talks to the platform.
    std::fs::write(
        home.dir.path().join("config.toml"),
        "[tenants.remote]\nplatform = \"fotoweb\"\nurl = \"http://203.0.113.7:8787\"\nclient_id = \"x\"\n",
    )
    .expect("a config");
    for args in [&["sync"][..], &["sync", "--full"], &["tenant", "check"]] {
        let mut cmd = home.std_dsr();
        cmd.env("DSR_CLIENT_SECRET", SECRET).args(args);
        let out = tripwire.run(cmd);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("plain http is refused"),
            "{args:?}: {stderr}"
        );
    }
    assert!(!tripwire.tripped());
}

#[test]
fn the_legacy_api_key_header_works() {
    let home = Home::new();
    let double = double_with(&home, |_| {});
    home.ok(&[
        "tenant",
        "add",
        "old",
        "--platform",
        "fotoweb",
        "--url",
        &double.url(),
        "--auth",
        "api-key",
    ]);
    assert_eq!(home.sync("old")["added"], 240);
    assert!(
        !double
            .requests()
            .iter()
            .any(|r| r.path.starts_with("/fotoweb/oauth2/token")),
        "no token was requested"
    );
}

#[test]
fn tenant_check_reports_what_the_credentials_allow() {
    let home = Home::new();
    let full = double_with(&home, |_| {});
    home.add_fotoweb("full", &full.url());
    let out = home.ok(&["tenant", "check", "full", "--output", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["archives"].as_array().map(Vec::len), Some(4));
    assert!(
        report["rights"]
            .as_array()
            .expect("rights")
            .iter()
            .all(|r| r["possible"] == true)
    );

    let read_only = double_with(&home, |o| {
        o.permissions = vec!["View".into(), "Preview".into(), "Download".into()];
    });
    home.add_fotoweb("ro", &read_only.url());
    let out = home.run(&["tenant", "check", "ro"], Some(SECRET));
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("is reachable and accepted"), "{stdout}");
    assert!(stdout.contains("erasure (Art. 17)"), "{stdout}");
    assert!(
        stderr.contains("erasure") && stderr.contains("rectification"),
        "{stderr}"
    );
    assert!(!stderr.contains("portability"), "{stderr}");

    // Editing without deleting: rectification can be done, erasure cannot.
    let no_delete = double_with(&home, |o| {
        o.permissions = ["View", "Preview", "Download", "EditText"]
            .map(String::from)
            .to_vec();
    });
    home.add_fotoweb("edit", &no_delete.url());
    let out = home.run(&["tenant", "check", "edit", "-o", "json"], Some(SECRET));
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let possible: BTreeMap<String, bool> = report["rights"]
        .as_array()
        .expect("rights")
        .iter()
        .map(|r| {
            let right = r["right"].as_str().expect("a right").to_owned();
            (right, r["possible"] == true)
        })
        .collect();
    assert_eq!(
        possible,
        BTreeMap::from([
            ("locate and access (Art. 15)".to_owned(), true),
            ("portability (Art. 20)".to_owned(), true),
            ("rectification (Art. 16)".to_owned(), true),
            ("erasure (Art. 17)".to_owned(), false),
        ])
    );
    assert!(
        report["archives"]
            .as_array()
            .expect("archives")
            .iter()
            .all(|a| a["edit_metadata"] == true && a["delete"] == false),
        "{report}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("do not allow: erasure (Art. 17)") && !stderr.contains("rectification"),
        "{stderr}"
    );
}

#[test]
fn tenant_check_says_when_nothing_answers() {
    let home = Home::new();
    // A port that was free a moment ago: nothing listens there now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    home.add_fotoweb("gone", &format!("http://127.0.0.1:{port}"));
    let out = home.run(&["tenant", "check", "gone"], Some(SECRET));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot be reached") && stderr.contains("cannot connect to 127.0.0.1"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

/// Opens the connector directly, as the commands that change data will.
fn connector(double: &Double, cache: &Path) -> Box<dyn Platform> {
    let mut profile = TenantProfile::dir(PathBuf::new());
    profile.platform = dsr::config::PlatformKind::Fotoweb;
    profile.path = None;
    profile.url = Some(double.url());
    profile.client_id = Some(CLIENT_ID.to_owned());
    let connection = Connection {
        secret: Some(std::sync::Arc::new(|| Ok(Secret::new(SECRET)))),
        token_cache: Some(cache.join(dsr::index::sync::TenantFiles::TOKEN_CACHE)),
        ..Connection::default()
    };
    profile
        .open_platform(connection)
        .expect("the connector opens")
}

/// `METHOD PATH STATUS` of every request the double answered.
fn requests_of(double: &Double) -> Vec<String> {
    double
        .requests()
        .into_iter()
        .map(|r| format!("{} {} {}", r.method, r.path, r.status))
        .collect()
}

/// One scan of the connector; the assets it handed over, by id.
fn scan(
    fw: &dyn Platform,
    versions: &BTreeMap<String, String>,
    watermarks: &BTreeMap<String, String>,
) -> (BTreeMap<String, dsr::asset::Asset>, dsr::platform::ScanEnd) {
    let found = std::sync::Mutex::new(BTreeMap::new());
    let versions = dsr::platform::KnownVersions::from(versions);
    let since = dsr::platform::Since {
        versions: dsr::platform::Known::new(&versions),
        sorted: None,
        watermarks,
        full: false,
        jobs: 2,
    };
    let end = fw
        .scan(&since, &|scanned| match scanned {
            dsr::platform::Scanned::Asset(asset) => {
                let mut found = found.lock().expect("not poisoned");
                found.insert(asset.id.clone(), asset);
            }
            other => panic!("the double holds only good assets: {other:?}"),
        })
        .expect("scan");
    (found.into_inner().expect("not poisoned"), end)
}

#[test]
fn every_platform_operation_works_against_the_double() {
    let home = Home::new();
    let double = double_with(&home, |o| o.page_size = 10);
    let fw = connector(&double, home.dir.path());
    let id = "Staff/board-meeting-020.png";

    // Listing: everything the first time, then only what changed since the watermarks.
    let (all, end) = scan(fw.as_ref(), &BTreeMap::new(), &BTreeMap::new());
    assert_eq!(all.len(), 240);
    assert_eq!(
        end.watermarks
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ARCHIVES
    );
    let versions: BTreeMap<String, String> = all
        .values()
        .map(|a| (a.id.clone(), a.version.clone()))
        .collect();
    double.set_field(
        "Press/press-kit-008.png",
        "5",
        serde_json::json!("New title"),
    );
    double.clear_requests();
    let (changed, later) = scan(fw.as_ref(), &versions, &end.watermarks);
    assert_eq!(
        changed.keys().collect::<Vec<_>>(),
        ["Press/press-kit-008.png"]
    );
    assert_eq!(
        changed["Press/press-kit-008.png"].metadata["5"].items(),
        ["New title"]
    );
    assert!(later.removed.is_empty());
    let time = |t: &str| {
        time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
            .expect("an RFC 3339 watermark")
    };
    assert!(time(&later.watermarks["Press"]) > time(&end.watermarks["Press"]));
    assert!(
        requests_of(&double).iter().all(|r| !r.contains(";p=")),
        "only first pages were read: {:?}",
        requests_of(&double)
    );

    let description = fw.describe().expect("describe");
    assert_eq!(
        description.labels.get("368").map(String::as_str),
        Some("Person shown")
    );
    assert!(description.writable.contains("368"));
    assert!(!description.writable.contains("360"));

    let asset = fw.get(id).expect("get");
    assert_eq!(asset.archive, "Staff");
    assert!(
        asset.metadata["368"]
            .items()
            .contains(&"Jane Doe".to_owned())
    );
    assert!(
        fw.get("Staff/no-such-file.png")
            .expect_err("absent")
            .is_not_found()
    );

    let mut changes = BTreeMap::new();
    changes.insert(
        "368".to_owned(),
        Some(FieldValue::Bag(vec!["Ola Nordmann".to_owned()])),
    );
    changes.insert("120".to_owned(), None);
    // Conditional on the version read: someone else's edit in between refuses the PATCH.
    double.set_field(id, "5", serde_json::json!("Edited by someone else"));
    double.clear_requests();
    let conflict = fw
        .update(id, &changes, Some(&asset.version))
        .expect_err("the asset changed after it was read");
    assert!(conflict.is_conflict(), "{conflict:?}");
    let seen = requests_of(&double);
    assert!(
        seen.iter().all(|r| !r.starts_with("PATCH")),
        "nothing written: {seen:?}"
    );
    let asset = fw.get(id).expect("read again");
    let updated = fw
        .update(id, &changes, Some(&asset.version))
        .expect("update");
    assert_eq!(updated.metadata["368"].items(), ["Ola Nordmann"]);
    assert_eq!(updated.metadata["5"].items(), ["Edited by someone else"]);
    assert!(!updated.metadata.contains_key("120"));
    assert_ne!(updated.version, asset.version, "modified was bumped");
    let held = double.asset(id).expect("still there");
    assert_eq!(held.metadata["368"], serde_json::json!(["Ola Nordmann"]));

    // The original through the rendition service, polled until ready, streamed to a file.
    double.clear_requests();
    let saved = home.dir.path().join("original.png");
    let mut file = std::fs::File::create(&saved).expect("a file to write");
    let n = fw.download(id, &mut file).expect("download");
    drop(file);
    let original = std::fs::read(home.tenant().join(id)).expect("the original");
    let written = std::fs::read(&saved).expect("the downloaded file");
    assert_eq!((n as usize, written), (original.len(), original));
    let seen = requests_of(&double);
    assert!(
        seen.iter()
            .any(|r| r == "POST /fotoweb/services/renditions 202"),
        "{seen:?}"
    );
    let polls: Vec<&String> = seen
        .iter()
        .filter(|r| r.starts_with("GET /fotoweb/me/background-tasks/"))
        .collect();
    assert_eq!(polls.len(), 2, "preparing, then the file: {seen:?}");
    assert!(
        polls[0].ends_with(" 202") && polls[1].ends_with(" 200"),
        "{seen:?}"
    );

    // Deletion through a background task, polled until the double says it is done.
    double.clear_requests();
    fw.delete(id).expect("delete");
    assert!(double.asset(id).is_none());
    assert!(double.deleted_ids().contains(&id.to_owned()));
    let seen = requests_of(&double);
    assert!(
        seen.iter()
            .any(|r| r == "POST /fotoweb/me/background-tasks/ 201"),
        "{seen:?}"
    );
    let polls = seen
        .iter()
        .filter(|r| r.starts_with("GET /fotoweb/me/background-tasks/"))
        .count();
    assert_eq!(polls, 3, "pending, inProgress, done: {seen:?}");
    assert!(fw.get(id).expect_err("gone").is_not_found());

    let access = fw.access().expect("access");
    assert_eq!(access.len(), 4);
    assert!(
        access
            .iter()
            .all(|a| a.read && a.edit_metadata && a.delete && a.download)
    );
}

#[test]
fn a_field_the_platform_refuses_to_write_is_an_error_not_a_success() {
    let home = Home::new();
    let double = double_with(&home, |_| {});
    let fw = connector(&double, home.dir.path());
    let mut changes = BTreeMap::new();
    changes.insert("360".to_owned(), None);
    let err = fw
        .update("Staff/board-meeting-020.png", &changes, None)
        .expect_err("360 is not writable");
    assert!(
        matches!(err, dsr::platform::PlatformError::Forbidden(_)),
        "{err:?}"
    );
}

/// Answers to delete requests lost after the server acted: the request is not sent again on
/// a guess. dsr reads the asset instead, and only a request the asset shows no sign of is
/// sent anew, so every asset is deleted, verified, by one delete task.
#[test]
fn a_delete_request_whose_answer_is_lost_is_not_sent_twice() {
    use crate::support::Test;
    use crate::tenants::{JANE, Kind, Tenant};

    let t = Test::new();
    let ids: Vec<String> = (1..=20).map(|n| format!("Staff/jane-{n:02}.png")).collect();
    for id in &ids {
        t.asset(
            id,
            serde_json::json!({"368": ["Jane Doe"], "5": "Portrait"}),
        );
    }
    t.asset(
        "Staff/ola.png",
        serde_json::json!({"368": ["Ola Nordmann"]}),
    );
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |o| {
        o.lose_answer_rate = 0.5;
        // A real server runs a task whether or not anyone polls it.
        o.task_run_ms = Some(100);
        o.seed = 5;
    });
    let case = tenant.open_case("erasure", JANE);
    let out = tenant
        .dsr([
            "erase",
            &case,
            "--yes",
            "--strategy",
            "delete",
            "-o",
            "json",
        ])
        .run();
    let double = tenant.double();
    let lost = double
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.contains("background-tasks") && r.status == 0)
        .count();
    assert!(lost >= 3, "the double lost some answers: {lost}");
    let mut per_asset: BTreeMap<String, usize> = BTreeMap::new();
    for hrefs in double.delete_requests() {
        for href in hrefs {
            *per_asset.entry(href).or_default() += 1;
        }
    }
    assert_eq!(per_asset.len(), ids.len(), "{per_asset:?}");
    let repeated: Vec<_> = per_asset.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        repeated.is_empty(),
        "delete requests sent twice: {repeated:?}"
    );
    for id in &ids {
        assert!(double.asset(id).is_none(), "{id} is still there");
    }
    assert!(double.asset("Staff/ola.png").is_some());
    let steps = out.json()["report"]["steps"].clone();
    let steps = steps.as_array().expect("report steps");
    assert_eq!(steps.len(), ids.len(), "{}", out.dump());
    for step in steps {
        assert_eq!(step["outcome"], "verified", "{}", out.dump());
    }
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert!(hits.is_empty(), "{hits:?}");
}

/// A server that takes connections and never answers: each connection is held open, unread,
/// until the test ends.
struct Stalled {
    port: u16,
}

impl Stalled {
    fn start() -> Stalled {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("an address").port();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for stream in listener.incoming().flatten() {
                held.push(stream);
            }
        });
        Stalled { port }
    }
}

/// Runs dsr with a generous limit of the test's own, so that a hang fails the test instead
/// of the whole run; the time it took.
fn run_timed(mut cmd: Command, args: &[&str]) -> (Output, std::time::Duration) {
    let started = std::time::Instant::now();
    let out = cmd
        .args(args)
        .env("DSR_CLIENT_SECRET", SECRET)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("dsr finishes within a minute");
    (out, started.elapsed())
}

#[test]
fn a_server_that_never_answers_is_given_up_on_with_its_name_and_the_wait() {
    let home = Home::new();
    let stalled = Stalled::start();
    let host = format!("127.0.0.1:{}", stalled.port);
    home.add_fotoweb("stalled", &format!("http://{host}"));
    let mut check = home.dsr();
    check.env("DSR_TIMEOUT", "2");
    let (out, took) = run_timed(check, &["tenant", "check", "stalled"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("no answer from {host} in 2 s (1 try, 2 s in all)"))
            && stderr.contains("--timeout"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    eprintln!("tenant check gave up after {took:?}");

    let (out, took) = run_timed(
        home.dsr(),
        &["sync", "--tenant", "stalled", "--timeout", "3"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("no answer from {host} in 3 s")),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    eprintln!("sync gave up after {took:?}");
}

#[test]
fn the_profile_sets_the_wait_and_the_option_overrides_it() {
    let home = Home::new();
    let stalled = Stalled::start();
    let host = format!("127.0.0.1:{}", stalled.port);
    home.add_fotoweb("stalled", &format!("http://{host}"));
    let config = home.dir.path().join("config.toml");
    let text = std::fs::read_to_string(&config).expect("the config");
    let text = text.replacen(
        &format!("url = \"http://{host}\""),
        &format!("url = \"http://{host}\"\ntimeout = 1"),
        1,
    );
    std::fs::write(&config, text).expect("the config is written");
    let (out, _) = run_timed(home.dsr(), &["tenant", "check", "stalled"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("no answer from {host} in 1 s (1 try, 1 s in all)")),
        "{stderr}"
    );
    let (out, _) = run_timed(
        home.dsr(),
        &["tenant", "check", "stalled", "--timeout", "2"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("no answer from {host} in 2 s")),
        "{stderr}"
    );
}

/// The connector tells its caller before each wait to try again (the command layer shows it
/// on a terminal), and stops at the request's time limit with the tries it made.
#[test]
fn each_wait_for_a_silent_server_is_reported_until_the_time_is_up() {
    let stalled = Stalled::start();
    let mut profile = TenantProfile::dir(PathBuf::new());
    profile.platform = dsr::config::PlatformKind::Fotoweb;
    profile.path = None;
    profile.url = Some(format!("http://127.0.0.1:{}", stalled.port));
    profile.client_id = Some(CLIENT_ID.to_owned());
    let reports = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&reports);
    let connection = Connection {
        secret: Some(std::sync::Arc::new(|| Ok(Secret::new(SECRET)))),
        timeouts: dsr::platform::Timeouts {
            per_try: std::time::Duration::from_secs(1),
            total: std::time::Duration::from_secs(3),
        },
        waiting: Some(std::sync::Arc::new(move |w: &dsr::platform::Waiting| {
            seen.lock().expect("not poisoned").push(w.to_string());
        })),
        ..Connection::default()
    };
    let fw = profile
        .open_platform(connection)
        .expect("the connector opens");
    let started = std::time::Instant::now();
    let error = fw.describe().expect_err("nothing answers");
    let took = started.elapsed();
    let host = format!("127.0.0.1:{}", stalled.port);
    let dsr::platform::PlatformError::NoAnswer { tries, .. } = &error else {
        panic!("not a silent server: {error}");
    };
    assert!(*tries >= 2, "{error}");
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
    let reports = reports.lock().expect("not poisoned");
    assert_eq!(reports.len() as u32, tries - 1, "{reports:?}");
    for report in reports.iter() {
        assert!(
            report.starts_with(&format!(
                "waiting for {host}: no answer in 1 s; trying again in"
            )),
            "{report}"
        );
    }
}
