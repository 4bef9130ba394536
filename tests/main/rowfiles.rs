//! The files behind rows (`[tables.NAME.files]` of a dataset): the studio sample's photos
//! and contracts, in a local folder beside the dataset, in an S3 bucket (moto, versioned
//! or not) and in an Azure container (Azurite), one scenario for each store. Access
//! lists them, the portable ZIP carries them with their SHA-256, erasure deletes a deleted
//! row's file with it and keeps a kept row's; a file that cannot be deleted keeps its row,
//! and the run, its receipt and a fresh locate agree that it is not erased.

use std::collections::BTreeMap;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::sql::{Db, Kind};
use crate::sql_samples::{STUDIO_FILES, sample, sample_dataset};
use crate::support::{Run, Test};

const JANE: [&str; 4] = ["--email", "jane.doe@example.com", "--name", "Jane Doe"];

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn contents(key: &str) -> &'static str {
    STUDIO_FILES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, c)| *c)
        .expect("a studio file")
}

fn open_case(t: &Test, right: &str) -> String {
    t.dsr(["case", "open", "--right", right])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned()
}

fn with_env<'a>(mut run: Run<'a>, env: &[(&str, &str)]) -> Run<'a> {
    for (key, value) in env {
        run = run.env(key, value);
    }
    run
}

/// Access lists her rows' files (name, size, SHA-256); the portable ZIP carries them, its
/// manifest and metadata giving each one's SHA-256.
fn access_and_portability_carry_her_files(t: &Test, env: &[(&str, &str)]) {
    let case = open_case(t, "access");
    t.dsr(["case", "review", &case])
        .args([
            "--include",
            "photos/1",
            "--include",
            "photos/3",
            "--include",
            "contracts/1",
        ])
        .run();
    t.fill_ropa("acme");
    let out = t.path("package");
    with_env(t.dsr(["access", &case, "--out"]).arg(&out), env).run();
    let data: Value = serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data"))
        .expect("data.json");
    // A row that points at another of hers is nested under it (`related`).
    fn every(assets: &Value, all: &mut Vec<Value>) {
        for asset in assets.as_array().into_iter().flatten() {
            all.push(asset.clone());
            every(&asset["related"], all);
        }
    }
    let mut all = Vec::new();
    every(&data["assets"], &mut all);
    let files: BTreeMap<String, Value> = all
        .iter()
        .filter_map(|a| Some((a["id"].as_str()?.to_owned(), a.get("files")?.clone())))
        .collect();
    for (id, key) in [
        ("photos/1", "galleries/1/0001.jpg"),
        ("photos/3", "galleries/2/0001.jpg"),
        ("contracts/1", "contracts/1.pdf"),
    ] {
        let bytes = contents(key).as_bytes();
        assert_eq!(
            files.get(id),
            Some(&serde_json::json!([{
                "name": key,
                "size": bytes.len(),
                "sha256": sha256(bytes),
            }])),
            "{id}: {data:#}"
        );
    }
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    let church = sha256(contents("galleries/1/0001.jpg").as_bytes());
    assert!(html.contains(&church), "{html}");

    let case = open_case(t, "portability");
    t.dsr(["case", "review", &case])
        .args(["--include", "photos/1", "--include", "photos/3"])
        .run();
    let zip = t.path("portable.zip");
    with_env(t.dsr(["portability", &case, "--out"]).arg(&zip), env).run();
    let entries = crate::access::unzip_entries(&zip);
    let manifest: Value = serde_json::from_slice(&entries["manifest.json"]).expect("manifest");
    for (path, key) in [
        ("files/photos/galleries/1/0001.jpg", "galleries/1/0001.jpg"),
        ("files/photos/galleries/2/0001.jpg", "galleries/2/0001.jpg"),
        ("files/contracts/contracts/1.pdf", "contracts/1.pdf"),
    ] {
        let bytes = contents(key).as_bytes();
        assert_eq!(
            entries.get(path).map(Vec::as_slice),
            Some(bytes),
            "{path}: {:?}",
            entries.keys().collect::<Vec<_>>()
        );
        let entry = manifest["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["path"] == path)
            .unwrap_or_else(|| panic!("{path} in the manifest: {manifest:#}"));
        assert_eq!(entry["sha256"], sha256(bytes), "{path}");
    }
    let metadata = String::from_utf8_lossy(&entries["metadata.json"]).into_owned();
    assert!(
        metadata.contains(&sha256(contents("galleries/1/0001.jpg").as_bytes())),
        "{metadata}"
    );
}

/// How an erasure of Jane ended: its exit status, its `--output json` document, its
/// summary (stderr), and its receipt.
struct Erased {
    status: i32,
    outcomes: BTreeMap<String, String>,
    json: Value,
    stderr: String,
    receipt: Value,
    receipt_path: std::path::PathBuf,
}

impl Erased {
    /// The file steps of `asset` in the receipt, and the same in the run's JSON report.
    fn file_steps(&self, asset: &str) -> Value {
        let in_receipt = self.receipt["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .find(|a| a["asset"] == asset)
            .unwrap_or_else(|| panic!("{asset} in {:#}", self.receipt))
            .get("files")
            .cloned()
            .unwrap_or(Value::Null);
        let in_report = self.json["report"]["steps"]
            .as_array()
            .expect("the report's steps")
            .iter()
            .find(|s| s["asset"] == asset)
            .unwrap_or_else(|| panic!("{asset} in {:#}", self.json))
            .get("files")
            .cloned()
            .unwrap_or(Value::Null);
        assert_eq!(
            in_receipt, in_report,
            "the receipt and the run's report agree"
        );
        in_receipt
    }

    /// `dsr receipt verify` and stock `ssh-keygen -Y verify` accept the receipt.
    fn receipt_verifies(&self, t: &Test) {
        t.dsr(["receipt", "verify"]).arg(&self.receipt_path).run();
        let signers = t.path("allowed_signers");
        std::fs::write(&signers, t.dsr(["keys", "show"]).run().stdout).expect("allowed_signers");
        let ssh = std::process::Command::new("ssh-keygen")
            .args(["-Y", "verify", "-n", "dsr-receipt", "-I", "dsr", "-f"])
            .arg(&signers)
            .arg("-s")
            .arg(format!("{}.sig", self.receipt_path.display()))
            .stdin(std::fs::File::open(&self.receipt_path).expect("the receipt"))
            .output();
        match ssh {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                assert!(std::env::var_os("CI").is_none(), "ssh-keygen is missing");
            }
            ssh => {
                let ssh = ssh.expect("ssh-keygen runs");
                assert!(
                    ssh.status.success(),
                    "{}",
                    String::from_utf8_lossy(&ssh.stderr)
                );
            }
        }
    }
}

/// A file step as a receipt names it: the store, the SHA-256 of the key, the outcome and
/// the versions removed.
fn file_step(store: &str, key: &str, outcome: &str, versions_removed: u64) -> Value {
    serde_json::json!([{
        "store": store,
        "key_sha256": sha256(key.as_bytes()),
        "outcome": outcome,
        "versions_removed": versions_removed,
    }])
}

/// The newest receipt file of a case of tenant `acme`.
fn latest_receipt_path(t: &Test, case: &str) -> std::path::PathBuf {
    let dir = t
        .tenant_data("acme")
        .join("cases")
        .join(case)
        .join("receipts");
    let mut receipts: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("receipts")
        .flatten()
        .map(|e| e.path().join("receipt.json"))
        .collect();
    receipts.sort();
    receipts.pop().expect("a receipt")
}

/// Erases Jane (every hit reviewed in), `--output json`.
fn erase_jane(t: &Test, env: &[(&str, &str)]) -> Erased {
    let case = open_case(t, "erasure");
    let hits: Vec<String> = t
        .dsr(["locate"])
        .args(JANE)
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().expect("an id").to_owned())
        .collect();
    let mut review = t.dsr(["case", "review", &case]);
    for id in &hits {
        review = review.args(["--include", id]);
    }
    review.run();
    let run = with_env(t.dsr(["erase", &case, "--yes", "--output", "json"]), env)
        .any_status()
        .run();
    let receipt = t.latest_receipt(&case);
    let outcomes = receipt["assets"]
        .as_array()
        .expect("assets in the receipt")
        .iter()
        .map(|a| {
            (
                a["asset"].as_str().expect("an id").to_owned(),
                a["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect();
    Erased {
        status: run.status,
        outcomes,
        json: run.json(),
        stderr: run.stderr.clone(),
        receipt,
        receipt_path: latest_receipt_path(t, &case),
    }
}

fn located(t: &Test) -> Vec<String> {
    let mut ids: Vec<String> = t
        .dsr(["locate"])
        .args(JANE)
        .hits()
        .iter()
        .map(|hit| hit["asset"].as_str().expect("an asset id").to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Where the studio's files are kept for a scenario: the folder beside the dataset, a
/// bucket of the S3 server, or a container of the Azure emulator, each reached with
/// credentials from the environment.
enum Store<'a> {
    Local,
    S3(&'a crate::s3server::S3Server),
    Azure(&'a crate::azurite::Container),
}

impl Store<'_> {
    /// The store as the dataset names it, and so the receipt.
    fn url(&self, t: &Test) -> String {
        match self {
            Store::Local => url::Url::from_directory_path(t.path("sample/studio-files"))
                .expect("a folder URL")
                .to_string()
                .trim_end_matches('/')
                .to_owned(),
            Store::S3(s3) => format!("s3://{}/prefix", s3.bucket),
            Store::Azure(azure) => azure.url("prefix"),
        }
    }

    /// What dsr is given to reach the store.
    fn env(&self) -> Vec<(&'static str, String)> {
        let owned = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
        };
        match self {
            Store::Local => Vec::new(),
            Store::S3(s3) => {
                let mut env = owned(&crate::s3server::ENV);
                env.push(("AWS_ENDPOINT_URL", s3.endpoint.clone()));
                env
            }
            Store::Azure(azure) => {
                let mut env = owned(&crate::azurite::ENV);
                env.push(("AZURE_STORAGE_ENDPOINT", azure.server.endpoint.clone()));
                env
            }
        }
    }

    /// The file at `key`, if the store has it.
    fn get(&self, t: &Test, key: &str) -> Option<Vec<u8>> {
        match self {
            Store::Local => std::fs::read(t.path("sample/studio-files").join(key)).ok(),
            Store::S3(s3) => s3.get(&format!("prefix/{key}")),
            Store::Azure(azure) => azure.get(&format!("prefix/{key}")),
        }
    }
}

/// The studio sample (SQLite) as tenant `acme`, its files in `store` (a bucket or a
/// container gets them uploaded under `prefix/`), synced.
fn studio(t: &Test, store: &Store<'_>) -> Option<Db> {
    studio_in(t, store, Kind::Sqlite)
}

/// [`studio`] in a database of `kind`.
fn studio_in(t: &Test, store: &Store<'_>, kind: Kind) -> Option<Db> {
    let dataset = sample_dataset(t, "studio");
    if !matches!(store, Store::Local) {
        let text = std::fs::read_to_string(&dataset).expect("dataset");
        std::fs::write(
            &dataset,
            text.replace(
                "store = \"studio-files\"",
                &format!("store = \"{}\"", store.url(t)),
            ),
        )
        .expect("dataset");
    }
    for (key, contents) in STUDIO_FILES {
        let (key, bytes) = (format!("prefix/{key}"), contents.as_bytes().to_vec());
        match store {
            Store::Local => {}
            Store::S3(s3) => s3.put(&key, bytes),
            Store::Azure(azure) => azure.put(&key, bytes),
        }
    }
    let script =
        std::fs::read_to_string(crate::support::repo_root().join("examples/sql/studio.sql"))
            .expect("the script");
    let db = Db::new(t, kind, &script)?;
    t.dsr(["tenant", "add", "acme", "--platform", "sql", "--dataset"])
        .arg(&dataset)
        .args(["--url", &db.url])
        .run();
    t.sync(&[]);
    Some(db)
}

/// The same scenario on every store: access lists her rows' files with their SHA-256, the
/// portable ZIP streams them, erasure deletes her photos' rows and files (each file seen
/// gone, named in the receipt by a hash of its key) and keeps the withheld contract's, the
/// receipt verifies, and a fresh locate agrees with it.
fn her_files_go_with_her_rows(store: Store<'_>) {
    let t = Test::new();
    let Some(db) = studio(&t, &store) else {
        return;
    };
    let env = store.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    access_and_portability_carry_her_files(&t, &env);
    let erased = erase_jane(&t, &env);
    let (status, outcomes) = (erased.status, &erased.outcomes);
    assert_eq!(status, 4, "withheld rows remain: {outcomes:?}");
    assert_eq!(outcomes["photos/1"], "deleted", "{outcomes:?}");
    assert_eq!(outcomes["photos/3"], "deleted", "{outcomes:?}");
    assert_eq!(outcomes["contracts/1"], "withheld", "{outcomes:?}");
    // The receipt names each deleted file by a hash of its key, as the run's report and
    // summary do, and still verifies.
    let url = store.url(&t);
    assert_eq!(
        erased.file_steps("photos/1"),
        file_step(&url, "galleries/1/0001.jpg", "deleted", 1)
    );
    assert_eq!(
        erased.file_steps("photos/3"),
        file_step(&url, "galleries/2/0001.jpg", "deleted", 1)
    );
    assert_eq!(erased.file_steps("contracts/1"), Value::Null, "withheld");
    let hash = &sha256(b"galleries/1/0001.jpg")[..16];
    assert!(
        erased.stderr.contains(&format!(
            "photos/1: file {hash} in {url} deleted (1 version(s) removed)"
        )),
        "{}",
        erased.stderr
    );
    assert!(!erased.stderr.contains("0001.jpg"), "{}", erased.stderr);
    erased.receipt_verifies(&t);
    assert_eq!(db.select("SELECT id FROM photos ORDER BY id"), ["2", "4"]);
    assert_eq!(store.get(&t, "galleries/1/0001.jpg"), None);
    assert_eq!(store.get(&t, "galleries/2/0001.jpg"), None);
    assert!(store.get(&t, "galleries/1/0002.jpg").is_some(), "not hers");
    assert_eq!(
        store.get(&t, "contracts/1.pdf").as_deref(),
        Some(contents("contracts/1.pdf").as_bytes()),
        "the kept contract's file stays"
    );
    // A fresh locate finds only what the receipt says is left: the withheld rows.
    t.sync(&[]);
    let left: Vec<String> = outcomes
        .iter()
        .filter(|(_, outcome)| !["deleted", "scrubbed"].contains(&outcome.as_str()))
        .map(|(asset, _)| asset.clone())
        .collect();
    assert_eq!(located(&t), left, "{outcomes:?}");
}

#[test]
fn a_local_store_lists_carries_and_erases_the_files_behind_her_rows() {
    her_files_go_with_her_rows(Store::Local);
}

#[test]
fn an_s3_bucket_lists_carries_and_erases_the_files_behind_her_rows() {
    let Some(s3) = crate::s3server::S3Server::start("studio") else {
        return;
    };
    her_files_go_with_her_rows(Store::S3(&s3));
}

#[test]
fn an_azure_container_lists_carries_and_erases_the_files_behind_her_rows() {
    let Some(azure) = crate::azurite::Container::create("studio") else {
        return;
    };
    her_files_go_with_her_rows(Store::Azure(&azure));
}

/// In a versioned bucket her photos' files go with every version; the contract's stays.
#[test]
fn a_versioned_bucket_loses_every_version_of_her_photos_files() {
    if crate::s3server::missing() {
        return;
    }
    let Some(s3) = crate::s3server::S3Server::start("studio") else {
        return;
    };
    s3.enable_versioning();
    let t = Test::new();
    let Some(db) = studio(&t, &Store::S3(&s3)) else {
        return;
    };
    // An earlier version of a photo of her: it must go too.
    s3.put("prefix/galleries/1/0001.jpg", b"church, retouched".to_vec());
    let env = Store::S3(&s3).env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    access_and_portability_carry_her_files_s3(&t, &env);
    let erased = erase_jane(&t, &env);
    let (status, outcomes) = (erased.status, &erased.outcomes);
    assert_eq!(status, 4, "withheld rows remain: {outcomes:?}");
    assert_eq!(outcomes["photos/1"], "deleted", "{outcomes:?}");
    // Both versions of the first photo went, each counted.
    assert_eq!(
        erased.file_steps("photos/1"),
        file_step("s3://studio/prefix", "galleries/1/0001.jpg", "deleted", 2)
    );
    assert_eq!(
        erased.file_steps("photos/3"),
        file_step("s3://studio/prefix", "galleries/2/0001.jpg", "deleted", 1)
    );
    erased.receipt_verifies(&t);
    assert_eq!(db.select("SELECT id FROM photos ORDER BY id"), ["2", "4"]);
    let keys: Vec<String> = s3.versions("prefix/").into_iter().map(|(k, _)| k).collect();
    assert!(
        !keys.iter().any(|k| k == "prefix/galleries/1/0001.jpg"),
        "{keys:?}"
    );
    assert!(
        !keys.iter().any(|k| k == "prefix/galleries/2/0001.jpg"),
        "{keys:?}"
    );
    assert!(
        keys.iter().any(|k| k == "prefix/contracts/1.pdf"),
        "{keys:?}"
    );
    assert!(
        keys.iter().any(|k| k == "prefix/galleries/1/0002.jpg"),
        "{keys:?}"
    );
}

/// The access package over S3 (the first photo was overwritten, so its size and hash are
/// the new version's).
fn access_and_portability_carry_her_files_s3(t: &Test, env: &[(&str, &str)]) {
    let case = open_case(t, "access");
    t.dsr(["case", "review", &case])
        .args(["--include", "photos/1"])
        .run();
    t.fill_ropa("acme");
    let out = t.path("package");
    with_env(t.dsr(["access", &case, "--out"]).arg(&out), env).run();
    let data = std::fs::read_to_string(out.join("data.json")).expect("data.json");
    assert!(data.contains(&sha256(b"church, retouched")), "{data}");
    let case = open_case(t, "portability");
    t.dsr(["case", "review", &case])
        .args(["--include", "photos/1"])
        .run();
    let zip = t.path("portable.zip");
    with_env(t.dsr(["portability", &case, "--out"]).arg(&zip), env).run();
    let entries = crate::access::unzip_entries(&zip);
    assert_eq!(
        entries
            .get("files/photos/galleries/1/0001.jpg")
            .map(Vec::as_slice),
        Some(&b"church, retouched"[..])
    );
}

/// Her photo's file whose versions the store refuses to delete (a legal hold, standing in
/// for credentials without s3:DeleteObjectVersion): a delete marker hides it, but its
/// versions remain, so the photo is "versions-remain" (never deleted), its row stays, the
/// run ends 3 and a fresh locate still finds it. Once the versions may go, a resumed run
/// removes them, then the row, and says deleted.
#[test]
fn versions_that_cannot_go_keep_the_row_until_they_do() {
    if crate::s3server::missing() {
        return;
    }
    let Some(s3) = crate::s3server::S3Server::start("studio") else {
        return;
    };
    s3.enable_versioning();
    s3.enable_object_lock();
    let t = Test::new();
    let Some(db) = studio(&t, &Store::S3(&s3)) else {
        return;
    };
    let key = "prefix/galleries/1/0001.jpg";
    s3.legal_hold(key, true);
    let env = Store::S3(&s3).env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let erased = erase_jane(&t, &env);
    let (status, outcomes) = (erased.status, &erased.outcomes);
    assert_eq!(status, 3, "{outcomes:?}");
    assert_eq!(outcomes["photos/1"], "versions-remain", "{outcomes:?}");
    assert_eq!(outcomes["photos/3"], "deleted", "{outcomes:?}");
    // The held version stays; the delete marker that hides it was not a version.
    assert_eq!(
        erased.file_steps("photos/1"),
        file_step(
            "s3://studio/prefix",
            "galleries/1/0001.jpg",
            "versions-remain",
            0
        )
    );
    assert_eq!(
        db.select("SELECT id FROM photos ORDER BY id"),
        ["1", "2", "4"]
    );
    assert_eq!(s3.get(key), None, "hidden by a delete marker");
    assert!(s3.versions(key).iter().any(|(k, _)| k == key));
    t.sync(&[]);
    assert!(located(&t).contains(&"photos/1".to_owned()));

    lift_legal_hold(&s3, key);
    let case = std::fs::read_dir(t.tenant_data("acme").join("cases"))
        .expect("cases")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .max()
        .expect("the erasure case");
    with_env(t.dsr(["erase", &case, "--resume", "--yes"]), &env)
        .any_status()
        .run();
    let receipt = t.latest_receipt(&case);
    let photo = receipt["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .find(|a| a["asset"] == "photos/1")
        .expect("the photo in the receipt");
    assert_eq!(photo["outcome"], "deleted", "{receipt:#}");
    // The held version went this time; the delete marker is no version of the file.
    assert_eq!(
        photo["files"],
        file_step("s3://studio/prefix", "galleries/1/0001.jpg", "deleted", 1),
        "{receipt:#}"
    );
    assert_eq!(db.select("SELECT id FROM photos ORDER BY id"), ["2", "4"]);
    assert!(!s3.versions(key).iter().any(|(k, _)| k == key));
    t.sync(&[]);
    assert!(!located(&t).contains(&"photos/1".to_owned()));
}

/// Takes the legal hold off every version of `key`; its delete marker (which holds none)
/// refuses and is passed over.
fn lift_legal_hold(s3: &crate::s3server::S3Server, key: &str) {
    for (_, version) in s3.versions(key).into_iter().filter(|(k, _)| k == key) {
        // moto checks no signature on object-level requests that name credentials.
        let _ = reqwest::blocking::Client::new()
            .put(format!(
                "{}/{}/{key}?legal-hold&versionId={version}",
                s3.endpoint, s3.bucket
            ))
            .header(
                "authorization",
                "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0",
            )
            .header("content-type", "application/xml")
            .body(r#"<LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>OFF</Status></LegalHold>"#)
            .send();
    }
}

/// On a local folder the store refuses a delete where the folder is read-only; root may
/// delete there anyway, so for root the photo's key names a folder with a file in it,
/// which no delete of a file removes. Either way the photo and its row stay, the run ends
/// 3, and the receipt and a fresh locate agree.
#[test]
fn a_file_the_folder_refuses_to_delete_keeps_the_photo_and_its_row() {
    let t = Test::new();
    let Some(db) = sample(&t, Kind::Sqlite, "studio", None) else {
        return;
    };
    let folder = t.path("sample/studio-files/galleries/1");
    set_mode(&folder, 0o555);
    let as_root = std::fs::write(folder.join(".probe"), b"").is_ok();
    if as_root {
        set_mode(&folder, 0o755);
        std::fs::remove_file(folder.join("0001.jpg")).expect("the file");
        std::fs::create_dir_all(folder.join("0001.jpg")).expect("a folder in its place");
        std::fs::write(folder.join("0001.jpg/inside"), b"x").expect("a file in it");
    }
    t.sync(&[]);
    let erased = erase_jane(&t, &[]);
    let (status, outcomes) = (erased.status, &erased.outcomes);
    set_mode(&folder, 0o755);
    assert_eq!(status, 3, "{outcomes:?}");
    assert_eq!(outcomes["photos/1"], "failed", "{outcomes:?}");
    assert_eq!(outcomes["photos/3"], "deleted", "{outcomes:?}");
    let store = url::Url::from_directory_path(t.path("sample/studio-files"))
        .expect("a folder URL")
        .to_string();
    let store = store.trim_end_matches('/');
    assert_eq!(
        erased.file_steps("photos/1"),
        file_step(store, "galleries/1/0001.jpg", "failed", 0)
    );
    erased.receipt_verifies(&t);
    assert_eq!(
        db.select("SELECT id FROM photos ORDER BY id"),
        ["1", "2", "4"]
    );
    assert!(folder.join("0001.jpg").exists());
    // The receipt and the run's output name the file by a hash of its key, never the key
    // (it may hold a name).
    let receipts = t.tenant_data("acme").join("cases");
    for receipt in Test::entries(&receipts) {
        if receipt.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(receipts.join(&receipt)).unwrap_or_default();
            assert!(!text.contains("0001.jpg"), "{}: {text}", receipt.display());
        }
    }
    t.sync(&[]);
    assert!(located(&t).contains(&"photos/1".to_owned()));
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A row the database refuses to delete (a print order of another table still points at
/// her photo) keeps its file: the deletion of the row is tried first, and the file is
/// deleted only once the row's deletion holds, inside its transaction.
#[test]
fn a_row_the_database_will_not_delete_keeps_its_file() {
    let t = Test::new();
    let db = t.path("shop.sqlite");
    rusqlite::Connection::open(&db)
        .expect("a new database")
        .execute_batch(
            "CREATE TABLE photos (id INTEGER PRIMARY KEY, email TEXT, file_key TEXT);
             CREATE TABLE prints (id INTEGER PRIMARY KEY, photo_id INTEGER NOT NULL REFERENCES photos (id));
             INSERT INTO photos VALUES (1, 'jane.doe@example.com', 'p/1.jpg');
             INSERT INTO prints VALUES (1, 1);",
        )
        .expect("the schema");
    let folder = t.path("data-files");
    std::fs::create_dir_all(folder.join("p")).expect("the store");
    std::fs::write(folder.join("p/1.jpg"), b"her photo").expect("the file");
    let dataset = t.path("shop.toml");
    std::fs::write(
        &dataset,
        "[tables.photos]\nkey = [\"id\"]\nerase = \"delete\"\n[tables.photos.columns]\nemail = \"email\"\n[tables.photos.files]\ncolumn = \"file_key\"\nstore = \"data-files\"\n",
    )
    .expect("the dataset");
    t.dsr(["tenant", "add", "acme", "--platform", "sql", "--dataset"])
        .arg(&dataset)
        .arg("--url")
        .arg(format!("sqlite://{}", db.display()))
        .run();
    t.sync(&[]);
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
        .stdout
        .trim()
        .to_owned();
    let out = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run();
    assert_ne!(out.status, 0, "{}", out.dump());
    assert!(
        folder.join("p/1.jpg").exists(),
        "the file stays while its row does\n{}",
        out.dump()
    );
    let left: i64 = rusqlite::Connection::open(&db)
        .expect("the database")
        .query_row("SELECT count(*) FROM photos", [], |r| r.get(0))
        .expect("a count");
    assert_eq!(left, 1);
}

/// `dsr tenant check` of the studio: its one file store, as JSON and in the table.
fn check_file_stores(t: &Test, env: &[(&str, &str)], status: i32) -> (Value, String) {
    let json = with_env(t.dsr(["tenant", "check", "-o", "json"]), env)
        .status(status)
        .run()
        .json();
    let table = with_env(t.dsr(["tenant", "check"]), env)
        .status(status)
        .run()
        .stdout;
    (json["file_stores"].clone(), table)
}

#[test]
fn tenant_check_says_what_the_credentials_may_do_in_a_local_file_store() {
    let t = Test::new();
    let Some(_db) = studio(&t, &Store::Local) else {
        return;
    };
    let url = Store::Local.url(&t);
    let (stores, table) = check_file_stores(&t, &[], 0);
    assert_eq!(
        stores,
        serde_json::json!([{
            "store": url, "tables": ["contracts", "photos"], "reachable": true,
            "list": "yes", "read": "yes", "write": "yes", "delete": "yes",
            "versioning": "none (a folder)",
        }])
    );
    assert!(table.contains("file store"), "{table}");
    assert!(table.contains(&url), "{table}");

    // A store that is not there: reachable no, and erasure not possible (exit 2).
    std::fs::rename(t.path("sample/studio-files"), t.path("moved")).expect("moved away");
    let (stores, table) = check_file_stores(&t, &[], 2);
    assert_eq!(stores[0]["reachable"], false, "{stores}");
    assert!(stores[0]["error"].is_string(), "{stores}");
    assert!(table.contains("NO"), "{table}");
    assert!(
        table.contains("erasure (Art. 17)")
            && table.contains("delete the files behind rows, with every version of them"),
        "{table}"
    );
}

#[test]
fn tenant_check_says_a_versioned_bucket_of_files_lets_dsr_delete_every_version() {
    let Some(s3) = crate::s3server::S3Server::start("studio") else {
        return;
    };
    s3.enable_versioning();
    let t = Test::new();
    let Some(_db) = studio(&t, &Store::S3(&s3)) else {
        return;
    };
    let env = Store::S3(&s3).env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (stores, table) = check_file_stores(&t, &env, 0);
    assert_eq!(
        stores,
        serde_json::json!([{
            "store": "s3://studio/prefix", "tables": ["contracts", "photos"], "reachable": true,
            "list": "yes", "read": "yes", "write": "yes", "delete": "yes",
            "versioning": "enabled", "delete versions": "yes",
        }])
    );
    assert!(table.contains("enabled"), "{table}");
    assert!(
        !s3.versions("prefix/")
            .iter()
            .any(|(k, _)| k.contains(".dsr-check")),
        "the probe is gone, every version of it"
    );
}

/// kill -9 once the erasure's one transaction is committed (her photos' rows gone, and
/// their files deleted inside it), then `--resume`. The resumed run finds the rows gone,
/// and the keys of their files with them, so what it says of the files comes from the
/// journal: its receipt lists each file once, deleted, and the store keeps no version of
/// either.
fn a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt(store: Store<'_>) {
    let t = Test::new();
    let Some(db) = studio_in(&t, &store, Kind::Postgres) else {
        return;
    };
    let env = store.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let case = open_case(&t, "erasure");
    let mut review = t.dsr(["case", "review", &case]);
    for hit in t.dsr(["locate"]).args(JANE).hits() {
        review = review.args(["--include", hit["asset"].as_str().expect("an id")]);
    }
    review.run();
    // The kill comes after the run's one commit and before the run ends, whatever the
    // machine's load: a row lock on her second photo holds the run once it has deleted
    // the first; a lock on the whole table is then asked for, which waits for the run's
    // commit and holds its next read of the table (the read-back) until the kill.
    let mut row = db.postgres_client().expect("a PostgreSQL database");
    let mut row_lock = row.transaction().expect("a transaction");
    row_lock
        .batch_execute("SELECT id FROM photos WHERE id = 3 FOR UPDATE")
        .expect("the row lock");
    let mut child = with_env(t.dsr(["erase", &case, "--yes"]), &env)
        .command()
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dsr starts");
    let mut watch = db.postgres_client().expect("a PostgreSQL database");
    let waiting = |watch: &mut ::postgres::Client, mode: &str| {
        let query = "SELECT 1 FROM pg_locks l
            WHERE NOT l.granted AND l.mode = $1 AND l.pid <> pg_backend_pid()
              AND (l.database IS NULL
                   OR l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
              AND l.pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())";
        !watch.query(query, &[&mode]).expect("pg_locks").is_empty()
    };
    // The run waits for the second photo's row: the first is deleted, nothing committed.
    while !waiting(&mut watch, "ShareLock") {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be held");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut table = db.postgres_client().expect("a PostgreSQL database");
    let (granted, on_grant) = std::sync::mpsc::channel();
    let (killed, on_kill) = std::sync::mpsc::channel::<()>();
    let table_lock = std::thread::spawn(move || {
        let mut held = table.transaction().expect("a transaction");
        held.batch_execute("LOCK TABLE photos IN ACCESS EXCLUSIVE MODE")
            .expect("the lock, once the run commits");
        granted.send(()).expect("the test waits");
        let _ = on_kill.recv();
        held.rollback().expect("the lock let go");
    });
    while !waiting(&mut watch, "AccessExclusiveLock") {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    row_lock.rollback().expect("the row let go");
    on_grant
        .recv()
        .expect("the table lock, once the run commits");
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    killed.send(()).expect("the lock's thread waits");
    table_lock.join().expect("the table lock");
    assert_eq!(
        db.select("SELECT id FROM photos ORDER BY id"),
        ["2", "4"],
        "killed after the commit"
    );
    let receipts = t
        .tenant_data("acme")
        .join("cases")
        .join(&case)
        .join("receipts");
    assert!(
        std::fs::read_dir(&receipts).map_or(true, |mut r| r.next().is_none()),
        "killed before the run ended: no receipt yet"
    );

    let resumed = with_env(
        t.dsr(["erase", &case, "--resume", "--yes", "-o", "json"]),
        &env,
    )
    .any_status()
    .run();
    let receipt = t.latest_receipt(&case);
    let files = |asset: &str| -> Value {
        receipt["assets"]
            .as_array()
            .expect("assets in the receipt")
            .iter()
            .find(|a| a["asset"] == asset)
            .unwrap_or_else(|| panic!("{asset} in {receipt:#}"))
            .get("files")
            .cloned()
            .unwrap_or(Value::Null)
    };
    for (photo, key) in [
        ("photos/1", "galleries/1/0001.jpg"),
        ("photos/3", "galleries/2/0001.jpg"),
    ] {
        assert_eq!(
            files(photo),
            file_step(&store.url(&t), key, "deleted", 1),
            "{photo}: {}",
            resumed.dump()
        );
        assert_eq!(store.get(&t, key), None, "{key}");
        if let Store::S3(s3) = &store {
            assert_eq!(s3.versions(&format!("prefix/{key}")), [], "{key}");
        }
    }
    t.dsr(["receipt", "verify"])
        .arg(latest_receipt_path(&t, &case))
        .run();
}

#[test]
fn a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt_in_a_folder() {
    a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt(Store::Local);
}

#[test]
fn a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt_in_a_versioned_bucket() {
    if crate::s3server::missing() {
        return;
    }
    let Some(s3) = crate::s3server::S3Server::start("studio") else {
        return;
    };
    s3.enable_versioning();
    a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt(Store::S3(&s3));
}

#[test]
fn a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt_in_an_azure_container() {
    let Some(azure) = crate::azurite::Container::create("studio") else {
        return;
    };
    a_run_killed_after_its_commit_resumes_with_its_files_in_the_receipt(Store::Azure(&azure));
}
