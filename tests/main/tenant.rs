//! `dsr tenant`: adding, listing, showing and removing profiles, choosing the tenant to work
//! on, and the owner-only permissions of everything dsr writes.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde_json::Value;

use crate::support::{Test, UMASK_WRAPPER};

#[test]
fn add_list_show_remove_a_dir_tenant() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"80": ["Jane Doe"]}));

    // Nothing configured yet: an empty list, and a hint for people on stderr only.
    let empty = t.dsr(["tenant", "list"]).run();
    assert_eq!(empty.stdout, "");
    assert!(empty.stderr.contains("dsr tenant add"), "{}", empty.dump());
    assert_eq!(
        t.dsr(["tenant", "list", "-o", "json"]).run().json(),
        serde_json::json!([])
    );

    let added = t
        .dsr(["tenant", "add", "acme", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .args(["--default-region", "no", "--person-field", "901,902"])
        .args(["--email-field", "903", "--login-field", "904"])
        .run();
    assert!(
        added.stderr.contains("Added tenant 'acme'"),
        "{}",
        added.dump()
    );
    assert_eq!(added.stdout, "", "messages for people belong on stderr");
    assert!(
        t.config_file().is_file(),
        "the default config is under XDG_CONFIG_HOME"
    );

    let list = t.dsr(["tenant", "list", "-o", "json"]).run().json();
    let tenants = list.as_array().expect("a JSON array of tenants");
    assert_eq!(tenants.len(), 1);
    let acme = &tenants[0];
    assert_eq!(acme["name"], "acme");
    assert_eq!(acme["profile"]["platform"], "dir");
    let stored = acme["profile"]["path"]
        .as_str()
        .expect("the path is stored");
    assert_eq!(
        Path::new(stored),
        t.tenant_dir()
            .canonicalize()
            .expect("the tenant folder exists"),
        "the path is stored absolute"
    );
    assert_eq!(
        acme["profile"]["default_region"], "NO",
        "regions are upper-cased"
    );
    assert_eq!(
        acme["profile"]["person_fields"],
        serde_json::json!(["901", "902"])
    );
    assert_eq!(acme["profile"]["email_fields"], serde_json::json!(["903"]));
    assert_eq!(acme["profile"]["login_fields"], serde_json::json!(["904"]));
    assert_eq!(acme["index"]["synced_at"], Value::Null);
    assert_eq!(acme["index"]["assets"], 0);

    let table = t.dsr(["tenant", "list"]).run().stdout;
    let row = table
        .lines()
        .find(|l| l.starts_with("acme"))
        .unwrap_or_else(|| panic!("no row for acme in\n{table}"));
    assert!(row.contains("dir") && row.contains("never"), "{row}");

    // The only tenant is the default: show and sync need no name.
    let shown = t.dsr(["tenant", "show"]).run().stdout;
    assert!(shown.contains("default region  NO"), "{shown}");
    assert!(shown.contains("person fields   901, 902"), "{shown}");
    assert!(shown.contains("last sync       never"), "{shown}");
    t.sync(&[]);
    let shown = t.dsr(["tenant", "show", "acme", "-o", "json"]).run().json();
    assert_eq!(shown["index"]["assets"], 1);
    assert!(shown["index"]["synced_at"].is_string(), "{shown}");
    assert!(t.tenant_data("acme").join("state.json").is_file());

    let removed = t.dsr(["tenant", "remove", "acme"]).run();
    assert!(
        removed.stderr.contains("Removed tenant 'acme'"),
        "{}",
        removed.dump()
    );
    assert!(
        !t.tenant_data("acme").exists(),
        "removing a tenant deletes its local index: it holds personal data"
    );
    assert_eq!(
        t.dsr(["tenant", "list", "-o", "json"]).run().json(),
        serde_json::json!([])
    );
    let gone = t.dsr(["tenant", "show", "acme"]).status(2).run().error();
    assert!(gone.contains("no tenant is named 'acme'"), "{gone}");
}

#[test]
fn remove_can_keep_the_index() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    t.dsr(["tenant", "remove", "acme", "--keep-index"]).run();
    assert!(t.tenant_data("acme").join("state.json").is_file());
}

/// Cases, their receipts, plans and journals, the ledger, the salt, the tombstones and the
/// audit log are records the controller must keep: `tenant remove` deletes the profile, the
/// index and caches only, and says what it kept and where.
#[test]
fn removing_a_tenant_keeps_its_cases_receipts_and_tombstones() {
    let t = Test::new();
    t.asset(
        "Staff/portrait.png",
        serde_json::json!({"368": ["Jane Doe"], "308": ["jane.doe@example.com"]}),
    );
    t.asset(
        "Staff/other.png",
        serde_json::json!({"80": ["Ola Nordmann"]}),
    );
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let id = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["erase", &id, "--yes"]).run();
    let data = t.tenant_data("acme");
    let case = Path::new("cases").join(&id);
    // The index, its state (and the state's summary) and the lock file are not records.
    let not_records = |p: &std::path::PathBuf| {
        !p.starts_with("index")
            && p != Path::new("state.json")
            && p != Path::new("versions.tsv")
            && p != Path::new("summary.json")
            && p != Path::new("lock")
    };
    let records: Vec<std::path::PathBuf> = Test::entries(&data)
        .into_iter()
        .filter(not_records)
        .collect();
    for expected in [
        case.join("case.json"),
        case.join("erase-plan.json"),
        case.join("erase-journal.jsonl"),
        case.join("receipts/001-erasure/receipt.json"),
        case.join("receipts/001-erasure/receipt.json.sig"),
        "ledger.jsonl".into(),
        "salt".into(),
        "tombstones.jsonl".into(),
    ] {
        assert!(
            records.contains(&expected),
            "{}: {records:?}",
            expected.display()
        );
    }

    let removed = t.dsr(["tenant", "remove", "acme"]).run();
    assert_eq!(
        Test::entries(&data)
            .into_iter()
            .filter(not_records)
            .collect::<Vec<_>>(),
        records,
        "every record is where it was\n{}",
        removed.dump()
    );
    assert!(
        !data.join("index").exists()
            && !data.join("state.json").exists()
            && !data.join("versions.tsv").exists()
            && !data.join("summary.json").exists(),
        "the index, a copy of the platform's personal data, is gone"
    );
    assert!(t.data_dir().join("audit.jsonl").is_file());
    let said = removed.stderr.replace('\n', " ");
    for expected in [
        "Removed tenant 'acme'",
        "Kept",
        "1 case",
        "ledger",
        "tombstones",
        &data.display().to_string(),
        "dsr case purge",
    ] {
        assert!(said.contains(expected), "{expected}\n{}", removed.dump());
    }

    // Registered again, the tenant has its records: the case, and a chain that verifies.
    t.add_tenant("acme", &[]);
    t.dsr(["case", "show", &id]).run();
    t.dsr(["receipt", "verify", "--ledger"]).run();
}

#[test]
fn fotoweb_profiles_hold_a_url_and_a_client_id_but_no_secret() {
    let t = Test::new();
    t.dsr(["tenant", "add", "dam", "--platform", "fotoweb"])
        .args([
            "--url",
            "https://dam.example.com/fotoweb/",
            "--client-id",
            "dsr-client",
        ])
        .env("DSR_CLIENT_SECRET", "s3cret-value")
        .run();
    let dam = t.dsr(["tenant", "show", "dam", "-o", "json"]).run().json();
    assert_eq!(dam["profile"]["platform"], "fotoweb");
    assert_eq!(dam["profile"]["url"], "https://dam.example.com/fotoweb/");
    assert_eq!(dam["profile"]["client_id"], "dsr-client");
    assert_eq!(dam["profile"].get("path"), None);
    let config = std::fs::read_to_string(t.config_file()).expect("the config was written");
    assert!(
        !config.contains("s3cret"),
        "the secret is never stored:\n{config}"
    );
    let row = t.dsr(["tenant", "list"]).run().stdout;
    assert!(row.contains("https://dam.example.com/fotoweb/"), "{row}");

    // Plain http is fine on loopback, where the test double and tunnels live.
    for (name, url) in [
        ("local4", "http://127.0.0.1:8787"),
        ("local6", "http://[::1]:8787/"),
        ("localname", "http://localhost/fotoweb"),
    ] {
        t.dsr([
            "tenant",
            "add",
            name,
            "--platform",
            "fotoweb",
            "--client-id",
            "c",
        ])
        .args(["--url", url])
        .run();
    }
}

#[test]
fn fotoweb_over_plain_http_to_another_host_is_refused() {
    let t = Test::new();
    let add = |url: &str| {
        t.dsr(["tenant", "add", "dam", "--platform", "fotoweb"])
            .args(["--client-id", "c", "--url", url])
            .status(2)
            .run()
            .error()
    };
    for url in [
        "http://dam.example.com/fotoweb",
        "http://10.0.0.5:8080",
        "http://127.0.0.1.example.com/",
        "HTTP://DAM.EXAMPLE.COM",
        "ftp://dam.example.com",
        "dam.example.com",
    ] {
        let message = add(url);
        assert!(message.contains("https://"), "{url}: {message}");
    }
    // Credentials in the URL would end up in the profile: refused too.
    add("https://user:pw@dam.example.com");
    assert!(
        !t.config_file().exists(),
        "nothing is saved when a profile is refused"
    );

    // Required fields of each platform are checked before anything is written.
    t.dsr([
        "tenant",
        "add",
        "dam",
        "--platform",
        "fotoweb",
        "--url",
        "https://x.example",
    ])
    .status(2)
    .run();
    t.dsr(["tenant", "add", "acme", "--platform", "dir"])
        .status(2)
        .run();
    assert!(!t.config_file().exists());
}

#[test]
fn bad_tenant_names_and_profiles_are_refused() {
    let t = Test::new();
    let long = "x".repeat(65);
    for name in [
        "",
        "../x",
        "a/b",
        "a b",
        ".hidden",
        "_x",
        "ünï",
        long.as_str(),
    ] {
        let message = t
            .dsr(["tenant", "add", name, "--platform", "dir", "--path"])
            .arg(t.tenant_dir())
            .status(2)
            .run()
            .error();
        assert!(
            message.contains("cannot name a tenant"),
            "{name:?}: {message}"
        );
    }
    // A name of 64 characters is the longest allowed.
    t.add_tenant(&"x".repeat(64), &[]);

    let add = |extra: &[&str]| {
        t.dsr(["tenant", "add", "acme", "--platform", "dir", "--path"])
            .arg(t.tenant_dir())
            .args(extra)
            .status(2)
            .run()
            .error()
    };
    assert!(add(&["--default-region", "XX"]).contains("region"));
    assert!(add(&["--person-field", "a b"]).contains("not a field id"));
    let missing = t
        .dsr(["tenant", "add", "acme", "--platform", "dir", "--path"])
        .arg(t.path("no-such-folder"))
        .status(2)
        .run()
        .error();
    assert!(missing.contains("cannot be opened"), "{missing}");
    let file = t.path("a-file");
    std::fs::write(&file, "").expect("a plain file");
    t.dsr(["tenant", "add", "acme", "--platform", "dir", "--path"])
        .arg(&file)
        .status(2)
        .run();

    // Names are unique.
    let dup = t
        .dsr([
            "tenant",
            "add",
            &"x".repeat(64),
            "--platform",
            "dir",
            "--path",
        ])
        .arg(t.tenant_dir())
        .status(2)
        .run()
        .error();
    assert!(dup.contains("exists already"), "{dup}");
    let list = t.dsr(["tenant", "list", "-o", "json"]).run().json();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
}

#[test]
fn unknown_tenants_are_errors_that_name_the_known_ones() {
    let t = Test::new();
    let none = t.dsr(["tenant", "show", "ghost"]).status(2).run().error();
    assert!(none.contains("no tenant is named 'ghost'"), "{none}");
    let no_tenant = t.dsr(["sync"]).status(2).run().error();
    assert!(no_tenant.contains("dsr tenant add"), "{no_tenant}");

    t.add_tenant("acme", &[]);
    for run in [
        t.dsr(["tenant", "show", "ghost"]),
        t.dsr(["tenant", "remove", "ghost"]),
        t.dsr(["sync", "--tenant", "ghost"]),
        t.dsr(["locate", "--tenant", "ghost", "Jane Doe"]),
        t.dsr(["sync"]).env("DSR_TENANT", "ghost"),
    ] {
        let message = run.status(2).run().error();
        assert!(message.contains("no tenant is named 'ghost'"), "{message}");
        assert!(
            message.contains("acme"),
            "the known tenants are named: {message}"
        );
    }
}

#[test]
fn with_two_tenants_one_must_be_chosen() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"80": ["Jane Doe"]}));
    t.add_tenant("acme", &[]);
    t.add_tenant("bravo", &[]);

    let message = t.dsr(["sync"]).status(2).run().error();
    assert!(
        message.contains("acme, bravo") && message.contains("--tenant"),
        "{message}"
    );
    t.dsr(["locate", "Jane Doe"]).status(2).run().error();
    t.dsr(["tenant", "show"]).status(2).run().error();

    // --tenant or DSR_TENANT chooses; the other tenant is left alone.
    t.dsr(["sync", "--tenant", "acme"]).run();
    assert!(t.tenant_data("acme").exists());
    assert!(!t.tenant_data("bravo").exists());
    t.dsr(["sync"]).env("DSR_TENANT", "bravo").run();
    assert!(t.tenant_data("bravo").exists());
    // The flag wins over the environment.
    let out = t
        .dsr(["locate", "--tenant", "acme", "Jane Doe", "-o", "json"])
        .env("DSR_TENANT", "ghost")
        .run();
    assert_eq!(out.json()["hits"].as_array().map(Vec::len), Some(1));
}

#[test]
fn config_and_data_dir_can_be_moved() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"80": ["Jane Doe"]}));
    let config = t.path("elsewhere/dsr.toml");
    let data = t.path("elsewhere/data");
    t.dsr(["--config"])
        .arg(&config)
        .args(["tenant", "add", "acme", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .run();
    t.dsr(["sync", "--data-dir"])
        .arg(&data)
        .env("DSR_CONFIG", &config)
        .run();
    t.dsr(["locate", "Jane Doe"])
        .env("DSR_CONFIG", &config)
        .env("DSR_DATA_DIR", &data)
        .run();
    assert!(config.is_file());
    assert!(data.join("tenants/acme/state.json").is_file());
    assert_eq!(
        Test::entries(&t.config_home()),
        Vec::<std::path::PathBuf>::new()
    );
    assert_eq!(
        Test::entries(&t.data_home()),
        Vec::<std::path::PathBuf>::new()
    );
}

/// Mode bits of a path, without the file type.
fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn everything_dsr_writes_is_owner_only_even_under_umask_022() {
    let t = Test::new();
    t.asset("Staff/a.jpg", serde_json::json!({"80": ["Jane Doe"]}));
    t.asset(
        "Press/b.jpg",
        serde_json::json!({"308": ["jane.doe@example.com"]}),
    );
    t.dsr(["tenant", "add", "acme", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .umask("022")
        .run();
    t.dsr(["sync"]).umask("022").run();
    // Writing again replaces the file: the new one must be owner-only too.
    t.dsr(["tenant", "add", "bravo", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .umask("022")
        .run();
    t.dsr(["sync", "--tenant", "bravo", "--full"])
        .umask("022")
        .run();

    let config_dir = t.config_home().join("dsr");
    assert_eq!(mode(&config_dir), 0o700, "{}", config_dir.display());
    assert_eq!(mode(&t.config_file()), 0o600);
    let mut checked = 0;
    for root in [&config_dir, &t.data_dir()] {
        assert_eq!(mode(root), 0o700, "{}", root.display());
        for entry in Test::entries(root) {
            let path = root.join(&entry);
            let expected = if path.is_dir() { 0o700 } else { 0o600 };
            assert_eq!(
                mode(&path),
                expected,
                "{} is {:o}",
                path.display(),
                mode(&path)
            );
            checked += 1;
        }
    }
    assert!(checked > 5, "the index files were checked too");
}

#[test]
fn the_umask_helper_really_sets_the_umask() {
    // Guards the test above: without this, a shell that ignored `umask` would let it pass
    // for the wrong reason.
    let t = Test::new();
    let out = std::process::Command::new("sh")
        .args(["-c", UMASK_WRAPPER, "sh", "022", "sh", "-c", "umask"])
        .current_dir(t.root())
        .output()
        .expect("sh runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0022");
}
