//! The `objects` platform: a tenant in object storage, here a local folder read as a
//! `file://` store through the same code an S3 bucket or Azure container is read with.
//! Erasure, rectification, access and portability run on it in their own modules
//! (`Kind::Objects`); this one covers what is its own: the listing, the sync, the profile.

use serde_json::{Value, json};

use crate::support::Test;

fn store_url(t: &Test) -> String {
    url::Url::from_directory_path(t.tenant_dir())
        .expect("an absolute path")
        .to_string()
}

fn add(t: &Test, extra: &[&str]) {
    t.dsr(["tenant", "add", "acme", "--platform", "objects", "--url"])
        .arg(store_url(t))
        .args(extra)
        .run();
}

fn counts(report: &Value) -> [u64; 5] {
    ["added", "updated", "removed", "unchanged", "indexed"].map(|key| {
        report[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no count {key} in {report}"))
    })
}

fn located(t: &Test, name: &str) -> Vec<String> {
    let mut assets: Vec<String> = t
        .dsr(["locate", "--name", name])
        .hits()
        .iter()
        .map(|hit| hit["asset"].as_str().expect("an asset id").to_owned())
        .collect();
    assets.sort();
    assets
}

#[test]
fn a_store_syncs_only_what_changed_and_locate_finds_what_it_holds() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset(
        "Staff/b.jpg",
        json!({"80": ["Jane Doe"], "120": "Jane Doe at work."}),
    );
    t.asset("Press/c.jpg", json!({"368": ["Ola Nordmann"]}));
    t.asset("Press/deep/d.jpg", json!({"80": ["Jane Doe"]}));
    // Not assets: an object at the top is in no archive; an object without a sidecar is
    // named; a sidecar whose object is gone still holds her, so it is an asset.
    t.write("README.md", b"# export");
    t.write("Staff/.DS_Store", b"junk");
    t.asset("Press/gone.jpg", json!({"80": ["Jane Doe"]}));
    std::fs::remove_file(t.tenant_dir().join("Press/gone.jpg")).expect("the object");
    add(&t, &[]);

    let first = t.sync(&[]);
    assert_eq!(counts(&first), [5, 0, 0, 0, 5], "{first}");
    assert_eq!(first["errors"], json!([]));
    assert_eq!(first["without_sidecar"], json!(["Staff/.DS_Store"]));
    assert_eq!(
        located(&t, "Jane Doe"),
        [
            "Press/deep/d.jpg",
            "Press/gone.jpg",
            "Staff/a.jpg",
            "Staff/b.jpg"
        ]
    );
    assert_eq!(counts(&t.sync(&[])), [0, 0, 0, 5, 5]);

    // Editing one sidecar changes its ETag: it alone is read again.
    t.asset("Staff/b.jpg", json!({"80": ["Kari Nordmann"]}));
    assert_eq!(counts(&t.sync(&[])), [0, 1, 0, 4, 5]);
    assert_eq!(located(&t, "Kari Nordmann"), ["Staff/b.jpg"]);

    // Removing an object and its sidecar removes the asset.
    std::fs::remove_file(t.tenant_dir().join("Staff/a.jpg")).expect("the object");
    std::fs::remove_file(t.tenant_dir().join("Staff/a.jpg.json")).expect("the sidecar");
    assert_eq!(counts(&t.sync(&["--jobs", "3"])), [0, 0, 1, 4, 4]);
    assert_eq!(
        located(&t, "Jane Doe"),
        ["Press/deep/d.jpg", "Press/gone.jpg"]
    );
    let full = t.sync(&["--full"]);
    assert_eq!(counts(&full)[4], 4, "{full}");
}

#[test]
fn a_malformed_sidecar_is_named_and_the_others_are_indexed() {
    let t = Test::new();
    t.asset("Staff/good.jpg", json!({"80": ["Jane Doe"]}));
    t.write("Staff/bad.jpg", b"image");
    t.write("Staff/bad.jpg.json", b"{\"metadata\": ");
    add(&t, &[]);
    let report = t.dsr(["sync", "-o", "json"]).status(3).run().json();
    let errors = report["errors"].to_string();
    assert!(errors.contains("Staff/bad.jpg.json"), "{report}");
    assert_eq!(report["indexed"], 1, "{report}");
    assert_eq!(located(&t, "Jane Doe"), ["Staff/good.jpg"]);
}

#[test]
fn a_store_url_or_endpoint_that_is_not_safe_is_refused() {
    let t = Test::new();
    let refused = |args: &[&str], expected: &str| {
        let message = t
            .dsr(["tenant", "add", "acme", "--platform", "objects"])
            .args(args)
            .status(2)
            .run()
            .error();
        assert!(message.contains(expected), "{message}");
    };
    refused(
        &[
            "--url",
            "s3://bucket/x",
            "--endpoint",
            "http://s3.example.com",
        ],
        "plain http is refused",
    );
    refused(
        &["--url", "s3://key:secret@bucket/x"],
        "must not hold credentials",
    );
    refused(&["--url", "ftp://host/x"], "file://, s3:// or az://");
    refused(
        &["--url", "az:///prefix"],
        "names no folder, bucket or container",
    );
    refused(
        &[
            "--url",
            "az://container/x",
            "--endpoint",
            "http://blob.example.com/account",
        ],
        "plain http is refused",
    );
    t.dsr(["tenant", "add", "acme", "--platform", "objects"])
        .status(2)
        .run();
}

/// The library behind `file://` follows symbolic links: a link to a folder outside the
/// tenant is refused, naming it, and nothing behind it is indexed.
#[test]
fn a_link_in_a_local_store_is_refused_and_nothing_behind_it_is_read() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Ola Nordmann"]}));
    let outside = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(outside.path().join("Private")).expect("a folder");
    std::fs::write(outside.path().join("Private/x.jpg"), b"x").expect("a file");
    std::fs::write(
        outside.path().join("Private/x.jpg.json"),
        br#"{"metadata": {"80": ["Jane Doe"]}}"#,
    )
    .expect("a sidecar");
    std::os::unix::fs::symlink(
        outside.path().join("Private"),
        t.tenant_dir().join("Private"),
    )
    .expect("a link");
    add(&t, &[]);
    t.dsr(["sync"])
        .status(2)
        .stderr_has("Private in the tenant folder is a symbolic link")
        .run();
    // Nothing was indexed, so nothing claims to have searched her.
    t.dsr(["locate", "--name", "Jane Doe"]).status(2).run();
}

#[test]
fn tenant_check_names_the_archives_of_a_local_store() {
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Press/c.jpg", json!({"368": ["Ola Nordmann"]}));
    add(&t, &[]);
    let check = t.dsr(["tenant", "check", "-o", "json"]).run().json();
    let names: Vec<&str> = check["archives"]
        .as_array()
        .expect("archives")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(names, ["Press", "Staff"], "{check}");
    assert_eq!(check["archives"][0]["delete"], true, "{check}");
}

#[test]
fn an_s3_bucket_syncs_only_what_changed_and_locate_finds_what_it_holds() {
    use crate::s3server::{ENV, S3Server};
    let Some(s3) = S3Server::start("acme") else {
        return;
    };
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Press/c.jpg", json!({"368": ["Ola Nordmann"]}));
    t.write("Staff/lonely.jpg", b"junk");
    s3.upload(&t.tenant_dir(), "export");
    // Beside the tenant's prefix, not in it: never listed.
    s3.put("other/Staff/x.jpg.json", b"{\"metadata\":{}}".to_vec());
    let dsr = |args: &[&str]| {
        let mut run = t.dsr(args);
        for (key, value) in ENV {
            run = run.env(key, value);
        }
        run
    };
    dsr(&["tenant", "add", "acme", "--platform", "objects"])
        .args(["--url", "s3://acme/export", "--endpoint", &s3.endpoint])
        .run();
    let sync = |extra: &[&str]| dsr(&["sync", "-o", "json"]).args(extra).run().json();
    let first = sync(&["--jobs", "4"]);
    assert_eq!(counts(&first), [3, 0, 0, 0, 3], "{first}");
    assert_eq!(first["without_sidecar"], json!(["Staff/lonely.jpg"]));
    assert_eq!(counts(&sync(&[])), [0, 0, 0, 3, 3]);
    let hits: Vec<String> = dsr(&["locate", "--name", "Jane Doe"])
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().expect("an id").to_owned())
        .collect();
    assert_eq!(hits.len(), 2, "{hits:?}");

    t.asset("Staff/b.jpg", json!({"80": ["Kari Nordmann"]}));
    s3.upload(&t.tenant_dir().join("Staff"), "export/Staff");
    assert_eq!(counts(&sync(&[])), [0, 1, 0, 2, 3]);
    let check = dsr(&["tenant", "check", "-o", "json"]).run().json();
    assert_eq!(
        check["archives"].as_array().map(Vec::len),
        Some(2),
        "{check}"
    );
    assert_eq!(
        check["store"],
        json!({"list": "yes", "read": "yes", "write": "yes", "delete": "yes", "versioning": "off"})
    );
    assert!(
        !s3.keys("export").iter().any(|k| k.contains(".dsr-check")),
        "the probe is gone"
    );
}

#[test]
fn an_azure_container_syncs_and_tenant_check_says_it_keeps_no_copies() {
    use crate::azurite::{Container, ENV};
    let Some(azure) = Container::create("acme") else {
        return;
    };
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe"]}));
    t.asset("Press/c.jpg", json!({"368": ["Ola Nordmann"]}));
    azure.upload(&t.tenant_dir(), "export");
    let dsr = |args: &[&str]| {
        let mut run = t.dsr(args);
        for (key, value) in ENV {
            run = run.env(key, value);
        }
        run
    };
    dsr(&["tenant", "add", "acme", "--platform", "objects"])
        .args(["--url", &azure.url("export")])
        .args(["--endpoint", &azure.server.endpoint])
        .run();
    let profile = std::fs::read_to_string(t.config_file()).expect("the profile");
    assert!(
        !profile.contains(crate::azurite::KEY),
        "no key in the profile"
    );
    let sync = |extra: &[&str]| dsr(&["sync", "-o", "json"]).args(extra).run().json();
    assert_eq!(counts(&sync(&["--jobs", "4"])), [3, 0, 0, 0, 3]);
    assert_eq!(counts(&sync(&[])), [0, 0, 0, 3, 3]);
    t.asset("Staff/b.jpg", json!({"80": ["Kari Nordmann"]}));
    // Only the changed sidecar: Azure gives every write a new ETag, same bytes or not.
    azure.put(
        "export/Staff/b.jpg.json",
        std::fs::read(t.tenant_dir().join("Staff/b.jpg.json")).expect("the sidecar"),
    );
    assert_eq!(counts(&sync(&[])), [0, 1, 0, 2, 3]);

    // Azurite keeps no versions and has no soft delete: the probe finds nothing kept.
    let check = dsr(&["tenant", "check", "-o", "json"]).run().json();
    assert_eq!(
        check["store"],
        json!({"list": "yes", "read": "yes", "write": "yes", "delete": "yes",
               "earlier versions and deleted blobs": "none kept"}),
        "{check}"
    );
    assert_eq!(check["archives"][0]["delete"], true, "{check}");
    assert!(
        !azure
            .keys("export")
            .iter()
            .any(|k| k.contains(".dsr-check")),
        "the probe is gone"
    );
    // Without credentials dsr says which it needs; it never falls back to another account.
    let message = t
        .dsr(["sync"])
        .env_remove("AZURE_STORAGE_ACCOUNT_NAME")
        .status(2)
        .run()
        .error();
    assert!(message.contains("AZURE_STORAGE_ACCOUNT_NAME"), "{message}");

    // The library's emulator switch reaches the same container with the emulator's account
    // and key, over plain HTTP to loopback only.
    t.dsr(["tenant", "add", "emu", "--platform", "objects"])
        .args(["--url", &azure.url("export")])
        .run();
    let emulator_url = azure.server.endpoint.trim_end_matches("/devstoreaccount1");
    let check = t
        .dsr(["tenant", "check", "emu", "-o", "json"])
        .env("AZURE_STORAGE_USE_EMULATOR", "true")
        .env("AZURITE_BLOB_STORAGE_URL", emulator_url)
        .run()
        .json();
    assert_eq!(
        check["store"]["earlier versions and deleted blobs"], "none kept",
        "{check}"
    );
    let message = t
        .dsr(["tenant", "check", "emu"])
        .env("AZURE_STORAGE_USE_EMULATOR", "true")
        .env("AZURITE_BLOB_STORAGE_URL", "http://blob.example.com:10000")
        .status(2)
        .run()
        .error();
    assert!(message.contains("plain http is refused"), "{message}");
}

#[test]
fn the_azure_server_refuses_a_write_whose_etag_is_stale() {
    // dsr's conditional sidecar writes in Azure rest on this: If-Match on the ETag read.
    let Some(azure) = crate::azurite::Container::create("acme") else {
        return;
    };
    azure.put("export/A/x.png.json", b"{\"metadata\":{}}".to_vec());
    let refused = azure
        .put_if_match("export/A/x.png.json", "\"0x8DEADBEEF\"")
        .expect_err("a stale ETag");
    assert!(
        matches!(refused, object_store::Error::Precondition { .. }),
        "{refused:?}"
    );
    assert_eq!(
        azure.get("export/A/x.png.json").expect("kept"),
        b"{\"metadata\":{}}"
    );
}

#[test]
fn the_s3_server_refuses_a_write_whose_etag_is_stale() {
    // dsr's conditional sidecar writes rest on this: If-Match on the ETag read.
    let Some(s3) = crate::s3server::S3Server::start("acme") else {
        return;
    };
    s3.put("export/A/x.png.json", b"{\"metadata\":{}}".to_vec());
    assert!(s3.put_if_match("export/A/x.png.json", "\"stale\"").is_err());
    assert_eq!(
        s3.get("export/A/x.png.json").expect("kept"),
        b"{\"metadata\":{}}"
    );
}

#[test]
fn erasure_in_a_versioned_bucket_leaves_no_earlier_version_of_her() {
    use crate::tenants::{JANE, Kind, Tenant, holds_jane};
    if crate::s3server::missing() {
        return;
    }
    let t = Test::new();
    t.asset("Staff/portrait.png", json!({"368": ["Jane Doe"]}));
    t.asset(
        "Press/byline.png",
        json!({"80": ["Jane Doe", "Kari Nordmann"], "5": "Harbour"}),
    );
    t.asset("Press/kari.png", json!({"80": ["Kari Nordmann"]}));
    let tenant = Tenant::new(t, Kind::S3Versioned, &[], |_| {});
    let s3 = tenant.s3.as_ref().expect("an S3 tenant");
    // An earlier save of the portrait: a version of its own.
    tenant.t.asset(
        "Staff/portrait.png",
        json!({"368": ["Jane Doe"], "5": "Portrait"}),
    );
    tenant.copy_sidecar_to_store("Staff/portrait.png");
    tenant.dsr(["sync"]).run();
    assert_eq!(s3.versions("export/Staff/portrait.png.json").len(), 2);

    let check = tenant.dsr(["tenant", "check", "-o", "json"]).run().json();
    assert_eq!(check["store"]["versioning"], "enabled", "{check}");
    assert_eq!(check["store"]["delete versions"], "yes", "{check}");
    assert!(
        !s3.versions("export/")
            .iter()
            .any(|(k, _)| k.contains(".dsr-check")),
        "every version of the probe is gone"
    );
    let table = tenant.dsr(["tenant", "check"]).run().stdout;
    assert!(table.contains("versioning"), "{table}");

    let case = tenant.open_case("erasure", JANE);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .run()
        .json();
    let steps = done["report"]["steps"].to_string();
    assert!(!steps.contains("\"failed\""), "{done:#}");
    assert_eq!(tenant.metadata("Staff/portrait.png"), None);
    let byline = tenant.metadata("Press/byline.png").expect("scrubbed");
    assert!(!byline.values().any(holds_jane), "{byline:?}");
    // Every version of the portrait is gone, delete markers too; the byline keeps only
    // its scrubbed version.
    let versions = s3.versions("export/");
    let keys: Vec<&str> = versions.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "export/Press/byline.png",
            "export/Press/byline.png.json",
            "export/Press/kari.png",
            "export/Press/kari.png.json",
        ],
        "{versions:?}"
    );
    assert_eq!(
        tenant.dsr(["locate"]).args(JANE).hits(),
        Vec::<Value>::new(),
        "locate finds her nowhere"
    );
}

/// Where an earlier version cannot be deleted (a legal hold here, standing in for
/// credentials without s3:DeleteObjectVersion), the asset is "versions-remain" in the run's
/// report, its receipt and its summary: never deleted or scrubbed, not an ordinary failure.
/// A resumed run asks the bucket again rather than taking the scrub it finds for done; once
/// the versions can go, it removes them and only then says deleted and scrubbed.
#[test]
fn an_earlier_version_that_cannot_be_deleted_is_reported_as_remaining() {
    use crate::tenants::{JANE, Kind, Tenant, holds_jane};
    if crate::s3server::missing() {
        return;
    }
    let t = Test::new();
    t.asset("Staff/portrait.png", json!({"368": ["Jane Doe"]}));
    t.asset(
        "Press/byline.png",
        json!({"80": ["Jane Doe", "Kari Nordmann"], "5": "Harbour"}),
    );
    t.asset("Press/kari.png", json!({"80": ["Kari Nordmann"]}));
    let tenant = Tenant::new(t, Kind::S3Versioned, &[], |_| {});
    let s3 = tenant.s3.as_ref().expect("an S3 tenant");
    let held = [
        "export/Staff/portrait.png.json",
        "export/Press/byline.png.json",
    ];
    for key in held {
        s3.legal_hold(key, true);
    }
    let check = tenant.dsr(["tenant", "check", "-o", "json"]).run().json();
    assert_eq!(check["store"]["delete versions"], "yes", "{check}");

    let case = tenant.open_case("erasure", JANE);
    let outcomes = |receipt: &Value| -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = receipt["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .map(|a| {
                (
                    a["asset"].as_str().expect("an id").to_owned(),
                    a["outcome"].as_str().expect("an outcome").to_owned(),
                )
            })
            .collect();
        found.sort();
        found
    };
    let remain = vec![
        ("Press/byline.png".to_owned(), "versions-remain".to_owned()),
        (
            "Staff/portrait.png".to_owned(),
            "versions-remain".to_owned(),
        ),
    ];
    let first = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run();
    let doc = first.json();
    let steps: Vec<&str> = doc["report"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["outcome"].as_str().expect("an outcome"))
        .collect();
    assert_eq!(steps, ["versions-remain"; 2], "{doc:#}");
    assert_eq!(outcomes(&tenant.t.latest_receipt(&case)), remain);
    assert!(
        first
            .stderr
            .contains("2 with earlier versions left in the bucket"),
        "{}",
        first.dump()
    );
    assert!(
        first.stderr.contains("s3:DeleteObjectVersion"),
        "the not-done line says what to do: {}",
        first.dump()
    );
    // The bucket and locate agree with the receipt: the byline's current version is
    // scrubbed (its held version still names her), the portrait's sidecar is still there.
    let byline = tenant.metadata("Press/byline.png").expect("scrubbed");
    assert!(!byline.values().any(holds_jane), "{byline:?}");
    assert_eq!(s3.versions("export/Press/byline.png.json").len(), 2);
    let hits: Vec<String> = tenant
        .dsr(["locate"])
        .args(JANE)
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().expect("an id").to_owned())
        .collect();
    assert_eq!(hits, ["Staff/portrait.png"]);

    // Resumed while the holds stay: the scrub it finds is not taken for done.
    tenant
        .dsr(["erase", &case, "--resume", "--yes"])
        .status(3)
        .run();
    assert_eq!(outcomes(&tenant.t.latest_receipt(&case)), remain);

    // Once the versions may go, a resumed run removes them and says so.
    for key in held {
        s3.legal_hold(key, false);
    }
    let last = tenant.dsr(["erase", &case, "--resume", "--yes"]).run();
    assert_eq!(
        outcomes(&tenant.t.latest_receipt(&case)),
        [
            ("Press/byline.png".to_owned(), "scrubbed".to_owned()),
            ("Staff/portrait.png".to_owned(), "deleted".to_owned()),
        ],
        "{}",
        last.dump()
    );
    let keys: Vec<String> = s3.versions("export/").into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        [
            "export/Press/byline.png",
            "export/Press/byline.png.json",
            "export/Press/kari.png",
            "export/Press/kari.png.json",
        ]
    );
    assert_eq!(
        tenant.dsr(["locate"]).args(JANE).hits(),
        Vec::<Value>::new(),
        "locate finds her nowhere"
    );
}

/// Ids as people name files: spaces, `%`, `#` and letters beyond ASCII, in the archive
/// and in the file name. Each is synced, located and erased (deleted or scrubbed, every
/// version in a versioned bucket), and a fresh locate agrees with the receipt.
fn ids_with_spaces_percent_hash_and_letters_beyond_ascii_work(kind: crate::tenants::Kind) {
    use crate::tenants::{JANE, Tenant, holds_jane};
    let t = Test::new();
    let portrait = "Staff Ærø/Jane 100% #1 før.png";
    let byline = "Press #2/ränd %41 byline.png";
    t.asset(portrait, json!({"368": ["Jane Doe"]}));
    t.asset(byline, json!({"80": ["Jane Doe", "Kari Nordmann"]}));
    t.asset("Press #2/kari.png", json!({"80": ["Kari Nordmann"]}));
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let mut hits: Vec<String> = tenant
        .dsr(["locate"])
        .args(JANE)
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().expect("an id").to_owned())
        .collect();
    hits.sort();
    assert_eq!(hits, [byline, portrait]);

    let case = tenant.open_case("erasure", JANE);
    let run = tenant.dsr(["erase", &case, "--yes"]).run();
    let receipt = tenant.t.latest_receipt(&case);
    let mut outcomes: Vec<(String, String)> = receipt["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|a| {
            (
                a["asset"].as_str().expect("an id").to_owned(),
                a["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect();
    outcomes.sort();
    assert_eq!(
        outcomes,
        [
            (byline.to_owned(), "scrubbed".to_owned()),
            (portrait.to_owned(), "deleted".to_owned()),
        ],
        "{}",
        run.dump()
    );
    assert_eq!(tenant.metadata(portrait), None);
    let kept = tenant.metadata(byline).expect("scrubbed");
    assert!(!kept.values().any(holds_jane), "{kept:?}");
    if let Some(s3) = &tenant.s3 {
        let keys: Vec<String> = s3.versions("export/").into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            [
                "export/Press #2/kari.png",
                "export/Press #2/kari.png.json",
                "export/Press #2/ränd %41 byline.png",
                "export/Press #2/ränd %41 byline.png.json",
            ],
            "no earlier version of her is left"
        );
    }
    assert_eq!(
        tenant.dsr(["locate"]).args(JANE).hits(),
        Vec::<Value>::new(),
        "locate finds her nowhere"
    );
}

#[test]
fn ids_with_spaces_percent_hash_and_letters_beyond_ascii_work_in_a_folder() {
    ids_with_spaces_percent_hash_and_letters_beyond_ascii_work(crate::tenants::Kind::Objects);
}

#[test]
fn ids_with_spaces_percent_hash_and_letters_beyond_ascii_work_in_a_bucket() {
    if crate::s3server::missing() {
        return;
    }
    ids_with_spaces_percent_hash_and_letters_beyond_ascii_work(crate::tenants::Kind::S3Versioned);
}

/// `--timeout` (and `DSR_TIMEOUT`) bounds a bucket's requests as it bounds FotoWeb's: a
/// server that takes the connection and never answers ends the command in that time, with
/// an error that says so and how to allow more.
#[test]
fn a_bucket_that_never_answers_ends_the_command_within_the_timeout() {
    use crate::s3server::ENV;
    // Connections are taken (the kernel's backlog) but never answered.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let endpoint = format!("http://{}", silent.local_addr().expect("its address"));
    let t = Test::new();
    let dsr = |args: &[&str]| {
        let mut run = t.dsr(args);
        for (key, value) in ENV {
            run = run.env(key, value);
        }
        run
    };
    dsr(&["tenant", "add", "acme", "--platform", "objects"])
        .args(["--url", "s3://acme/export", "--endpoint", &endpoint])
        .run();
    for (how, run) in [
        ("--timeout", dsr(&["sync", "--timeout", "2"])),
        ("DSR_TIMEOUT", dsr(&["sync"]).env("DSR_TIMEOUT", "2")),
    ] {
        let started = std::time::Instant::now();
        let out = run.any_status().run();
        let took = started.elapsed();
        assert_ne!(out.status, 0, "{how}: {}", out.dump());
        assert!(
            took < std::time::Duration::from_secs(15),
            "{how}: took {took:?}\n{}",
            out.dump()
        );
        let error = out.error();
        assert!(
            error.contains("no answer in time (2 s a try, 2 s in all)")
                && error.contains("--timeout SECS"),
            "{how}: {}",
            out.dump()
        );
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 50 MB that deflate cannot shrink much: a pseudo-random megabyte, each copy changed.
fn fifty_megabytes() -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let block: Vec<u8> = (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    (0..50u8)
        .flat_map(|copy| block.iter().map(move |b| b ^ copy))
        .collect()
}

/// Runs dsr to its end and returns the most memory it held at once (VmHWM, in bytes),
/// read from /proc while it runs: the last reading before it ends is the peak unless it
/// grew in its last few milliseconds.
fn peak_memory(run: crate::support::Run<'_>) -> u64 {
    let mut child = run
        .command()
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dsr starts");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb * 1024);
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            assert!(status.success(), "dsr failed: {status}");
            return peak;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// A subject's 50 MB original goes into the portable ZIP streamed, a chunk at a time: the
/// manifest's SHA-256 is the object's, and dsr holds no more memory than for a tiny one.
fn a_large_original_is_streamed_into_the_portable_zip(kind: crate::tenants::Kind) {
    use crate::tenants::{Kind, S3_PREFIX, Tenant};
    use sha2::Digest as _;
    let t = Test::new();
    t.asset("Staff/big.bin", json!({"360": "jdoe", "5": "Her upload"}));
    t.write("Staff/big.bin", b"tiny");
    let tenant = Tenant::new(t, kind, &[], |_| {});
    tenant.t.fill_ropa("acme");
    let case = tenant.open_case("portability", &["--login", "jdoe"]);
    let portability = |zip: &std::path::Path| tenant.dsr(["portability", &case, "--out"]).arg(zip);
    let small = tenant.t.path("small.zip");
    let baseline = peak_memory(portability(&small));

    let data = fifty_megabytes();
    let digest = hex(&sha2::Sha256::digest(&data));
    match kind {
        Kind::Objects => tenant.t.write("Staff/big.bin", &data),
        Kind::S3 => tenant
            .s3
            .as_ref()
            .expect("an S3 tenant")
            .put(&format!("{S3_PREFIX}/Staff/big.bin"), data.clone()),
        other => panic!("not a store this test covers: {other:?}"),
    }
    drop(data);
    let large = tenant.t.path("large.zip");
    let peak = peak_memory(portability(&large));

    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&large).expect("the ZIP")).expect("a ZIP");
    let manifest: Value = {
        let entry = zip.by_name("manifest.json").expect("a manifest");
        serde_json::from_reader(entry).expect("JSON")
    };
    let original = manifest["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["path"] == "originals/Staff/big.bin")
        .expect("her original is in the manifest")
        .clone();
    assert_eq!(original["sha256"], digest, "{original}");
    assert_eq!(original["size"], 50 << 20, "{original}");
    let mut hasher = sha2::Sha256::new();
    let mut entry = zip
        .by_name("originals/Staff/big.bin")
        .expect("the original");
    std::io::copy(&mut entry, &mut hasher).expect("the entry reads");
    assert_eq!(hex(&hasher.finalize()), digest, "the entry is the object");
    eprintln!(
        "peak memory of portability: {} MB with a 50 MB original, {} MB with a tiny one",
        peak >> 20,
        baseline >> 20
    );
    // Read whole into memory, the object alone would add 50 MB.
    assert!(
        peak < baseline + (25 << 20),
        "portability held {} MB at most with a 50 MB original, {} MB with a tiny one",
        peak >> 20,
        baseline >> 20
    );
}

#[test]
fn a_large_original_is_streamed_into_the_portable_zip_from_a_folder() {
    a_large_original_is_streamed_into_the_portable_zip(crate::tenants::Kind::Objects);
}

#[test]
fn a_large_original_is_streamed_into_the_portable_zip_from_a_bucket() {
    if crate::s3server::missing() {
        return;
    }
    a_large_original_is_streamed_into_the_portable_zip(crate::tenants::Kind::S3);
}

/// An account with blob versioning (Azurite behind a proxy that lists an earlier version of
/// every key asked about) refuses an erasure before anything changes, and says why; tenant
/// check says the account keeps copies and that dsr may not delete.
#[test]
fn an_azure_account_that_keeps_versions_refuses_erasure_before_anything_changes() {
    use crate::azurite::{Container, ENV, VersioningProxy};
    let Some(azure) = Container::create("acme") else {
        return;
    };
    let proxy = VersioningProxy::start(&azure.server);
    let t = Test::new();
    t.asset("Staff/a.jpg", json!({"368": ["Jane Doe"]}));
    t.asset("Staff/b.jpg", json!({"80": ["Jane Doe", "Kari Nordmann"]}));
    azure.upload(&t.tenant_dir(), "export");
    let dsr = |args: &[&str]| {
        let mut run = t.dsr(args);
        for (key, value) in ENV {
            run = run.env(key, value);
        }
        run
    };
    dsr(&["tenant", "add", "acme", "--platform", "objects"])
        .args(["--url", &azure.url("export")])
        .args(["--endpoint", &proxy.endpoint])
        .run();
    dsr(&["sync"]).run();
    let before: Vec<(String, Option<Vec<u8>>)> = azure
        .keys("export")
        .into_iter()
        .map(|k| {
            let bytes = azure.get(&k);
            (k, bytes)
        })
        .collect();

    // Erasure is not possible there: check ends 2, naming it.
    let check = dsr(&["tenant", "check", "-o", "json"])
        .status(2)
        .run()
        .json();
    let kept = check["store"]["earlier versions and deleted blobs"].to_string();
    assert!(
        kept.contains("kept (blob versioning or soft delete"),
        "{check}"
    );
    assert_eq!(check["archives"][0]["delete"], false, "{check}");

    let case = dsr(&["case", "open", "--right", "erasure", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let refused = dsr(&["erase", &case, "--yes"]).any_status().run();
    assert_ne!(refused.status, 0, "{}", refused.dump());
    assert!(
        refused
            .stderr
            .contains("keeps earlier versions or soft-deleted copies"),
        "{}",
        refused.dump()
    );
    assert!(
        refused.stderr.contains("nothing was changed"),
        "{}",
        refused.dump()
    );
    let after: Vec<(String, Option<Vec<u8>>)> = azure
        .keys("export")
        .into_iter()
        .map(|k| {
            let bytes = azure.get(&k);
            (k, bytes)
        })
        .collect();
    assert_eq!(after, before, "nothing in the container changed");
    let hits = dsr(&["locate", "--name", "Jane Doe"]).hits();
    assert_eq!(hits.len(), 2, "she is still found where she was: {hits:?}");
}

/// A snapshot of a blob keeps the subject's values however the blob is changed: an erasure
/// that scrubs or deletes a blob with snapshots never reports it done.
#[test]
fn an_azure_blob_with_a_snapshot_is_never_reported_erased() {
    use crate::tenants::{Kind, S3_PREFIX, Tenant};
    if crate::azurite::missing() {
        return;
    }
    let t = Test::new();
    t.asset("Staff/alone.jpg", json!({"368": ["Jane Doe"]}));
    t.asset(
        "Staff/byline.jpg",
        json!({"80": ["Jane Doe", "Kari Nordmann"]}),
    );
    t.asset(
        "Staff/clean.jpg",
        json!({"80": ["Jane Doe", "Kari Nordmann"]}),
    );
    let tenant = Tenant::new(t, Kind::Azure, &[], |_| {});
    let azure = tenant.azure.as_ref().expect("an Azure tenant");
    azure.snapshot(&format!("{S3_PREFIX}/Staff/alone.jpg"));
    azure.snapshot(&format!("{S3_PREFIX}/Staff/byline.jpg.json"));
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let run = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run();
    assert_ne!(run.status, 0, "{}", run.dump());
    let outcomes: std::collections::BTreeMap<String, String> = run.json()["report"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an id").to_owned(),
                s["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect();
    assert_eq!(outcomes["Staff/clean.jpg"], "verified", "{}", run.dump());
    assert_eq!(
        outcomes["Staff/byline.jpg"],
        "versions-remain",
        "{}",
        run.dump()
    );
    assert_ne!(outcomes["Staff/alone.jpg"], "verified", "{}", run.dump());
    let receipt = tenant.t.latest_receipt(&case);
    for record in receipt["assets"].as_array().expect("assets") {
        if record["asset"] != "Staff/clean.jpg" {
            assert!(
                !["deleted", "scrubbed"].contains(&record["outcome"].as_str().unwrap_or("")),
                "{record}"
            );
        }
    }

    // Once the snapshots are gone, the run resumed finds the scrub made and nothing left,
    // and deletes the other photo.
    azure.delete_snapshots(&format!("{S3_PREFIX}/Staff/alone.jpg"));
    azure.delete_snapshots(&format!("{S3_PREFIX}/Staff/byline.jpg.json"));
    let resumed = tenant
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run();
    let steps = resumed.json()["report"]["steps"].clone();
    assert!(
        steps
            .as_array()
            .expect("steps")
            .iter()
            .all(|s| s["outcome"] == "verified"),
        "{}",
        resumed.dump()
    );
    assert_eq!(tenant.metadata("Staff/alone.jpg"), None);
    assert_eq!(
        tenant.dsr(["locate", "--name", "Jane Doe"]).hits(),
        Vec::<Value>::new()
    );
}
