//! One request across every system a controller runs: groups of tenants (`dsr tenant
//! group`), and the commands that work on each tenant of one (`--group`, `--all-tenants`).

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{Kind, Tenant, holds_jane};

/// Registers a second `dir` tenant `name` in its own folder of the sandbox, holding `assets`
/// (id → fields), and returns the folder.
fn dir_tenant(t: &Test, name: &str, assets: &[(&str, Value)]) -> std::path::PathBuf {
    let dir = t.path(name);
    for (id, fields) in assets {
        let Value::Object(fields) = fields else {
            panic!("the fields of {id} must be a JSON object");
        };
        let metadata: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(field, value)| (field.clone(), json!({ "value": value })))
            .collect();
        let sidecar = json!({ "modified": "2024-03-02T11:00:00Z", "metadata": metadata });
        let path = dir.join(id);
        std::fs::create_dir_all(path.parent().expect("an archive")).expect("the archive");
        std::fs::write(&path, b"not really an image").expect("the file");
        std::fs::write(dir.join(format!("{id}.json")), sidecar.to_string()).expect("the sidecar");
    }
    std::fs::create_dir_all(&dir).expect("the tenant folder");
    t.dsr(["tenant", "add", name, "--platform", "dir", "--path"])
        .arg(&dir)
        .args(["--default-region", "NO"])
        .run();
    dir
}

#[test]
fn groups_are_kept_in_the_configuration_and_name_only_known_tenants() {
    let t = Test::new();
    dir_tenant(&t, "dam", &[]);
    dir_tenant(&t, "crm", &[]);
    dir_tenant(&t, "files", &[]);

    let added = t
        .dsr(["tenant", "group", "add", "company", "dam", "crm"])
        .run();
    assert_eq!(added.stdout, "", "messages for people belong on stderr");
    assert!(added.stderr.contains("dam, crm"), "{}", added.dump());
    // Adding again extends the group; a tenant already in it stays once.
    t.dsr(["tenant", "group", "add", "company", "crm", "files"])
        .run();
    let listed = t
        .dsr(["tenant", "group", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(
        listed,
        json!([{ "name": "company", "tenants": ["dam", "crm", "files"] }])
    );
    let config = std::fs::read_to_string(t.config_file()).expect("the configuration");
    assert!(config.contains("[groups]"), "{config}");
    let table = t.dsr(["tenant", "group", "list"]).run().stdout;
    assert!(
        table.contains("company") && table.contains("dam, crm, files"),
        "{table}"
    );

    // An unknown tenant is named, and nothing is written.
    let unknown = t
        .dsr(["tenant", "group", "add", "company", "dam", "billing"])
        .status(2)
        .run();
    assert!(unknown.error().contains("'billing'"), "{}", unknown.dump());
    assert_eq!(
        std::fs::read_to_string(t.config_file()).expect("the configuration"),
        config,
        "a refused change leaves the configuration as it was"
    );
    // A group cannot take a tenant's name, nor a tenant a group's.
    t.dsr(["tenant", "group", "add", "dam", "crm"])
        .status(2)
        .run();
    t.dsr(["tenant", "add", "company", "--platform", "dir", "--path"])
        .arg(t.tenant_dir())
        .status(2)
        .run();

    // A removed tenant leaves its groups.
    t.dsr(["tenant", "remove", "files"]).run();
    let listed = t
        .dsr(["tenant", "group", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(listed[0]["tenants"], json!(["dam", "crm"]));

    t.dsr(["tenant", "group", "remove", "company", "crm"]).run();
    let listed = t
        .dsr(["tenant", "group", "list", "-o", "json"])
        .run()
        .json();
    assert_eq!(listed[0]["tenants"], json!(["dam"]));
    let gone = t
        .dsr(["tenant", "group", "remove", "company", "crm"])
        .status(2)
        .run();
    assert!(gone.error().contains("crm"), "{}", gone.dump());
    t.dsr(["tenant", "group", "remove", "company"]).run();
    assert_eq!(
        t.dsr(["tenant", "group", "list", "-o", "json"])
            .run()
            .json(),
        json!([])
    );
    let missing = t
        .dsr(["tenant", "group", "remove", "company"])
        .status(2)
        .run();
    assert!(
        missing.error().contains("no group is named 'company'"),
        "{}",
        missing.dump()
    );
}

#[test]
fn group_tenant_and_all_tenants_exclude_each_other() {
    let t = Test::new();
    dir_tenant(&t, "dam", &[]);
    t.dsr(["tenant", "group", "add", "company", "dam"]).run();
    for args in [
        &["locate", "--tenant", "dam", "--group", "company", "jdoe"][..],
        &["locate", "--tenant", "dam", "--all-tenants", "jdoe"],
        &["locate", "--group", "company", "--all-tenants", "jdoe"],
    ] {
        let refused = t.dsr(args).status(2).run();
        assert!(
            refused.stderr.contains("cannot be used with"),
            "{args:?}\n{}",
            refused.dump()
        );
    }
    // A command that works on one tenant refuses a group rather than pick one of it.
    let one = t.dsr(["sync", "--group", "company"]).status(2).run();
    assert!(one.error().contains("--tenant NAME"), "{}", one.dump());
}

/// A quoting database: one client row for Jane, one for Ola.
const SHOP_SCHEMA: &str = "
CREATE TABLE clients (id INTEGER PRIMARY KEY, email TEXT, name TEXT, login TEXT);
INSERT INTO clients VALUES (1, 'jane.doe@example.com', 'Jane Doe', 'jdoe'),
    (2, 'ola@example.com', 'Ola Nordmann', 'ola');
";

const SHOP_DATASET: &str = r#"
[tables.clients]
label = "Clients"
key = ["id"]
erase = "delete"
columns = { email = "email", name = "person", login = "login" }
"#;

/// Registers the SQLite database `shop` (Jane in one client row) and syncs it.
fn shop(tenant: &Tenant) {
    let t = &tenant.t;
    let db = t.path("shop.sqlite");
    rusqlite::Connection::open(&db)
        .expect("a new database")
        .execute_batch(SHOP_SCHEMA)
        .expect("the schema");
    std::fs::write(t.path("shop.toml"), SHOP_DATASET).expect("the dataset");
    t.dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .arg("--url")
        .arg(format!("sqlite://{}", db.display()))
        .run();
    tenant.dsr(["sync", "--tenant", "shop"]).run();
}

/// Three systems of one controller, each holding Jane: the FotoWeb double (`acme`), an
/// archive folder (`archive`) and the quoting database (`shop`), grouped as `company`.
fn company() -> Tenant {
    company_with(|_| {})
}

/// [`company`], with the double's options adjusted.
fn company_with(configure: impl FnOnce(&mut fotoweb_double::Options)) -> Tenant {
    let t = Test::new();
    t.asset(
        "Staff/jane.jpg",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"], "368": ["Jane Doe"]}),
    );
    t.asset("Staff/ola.jpg", json!({"80": ["Ola Nordmann"]}));
    grouped(
        t,
        configure,
        &[
            ("Old/jane.tif", json!({"308": ["jane.doe@example.com"]})),
            ("Old/ola.tif", json!({"308": ["ola@example.com"]})),
        ],
    )
}

/// The FotoWeb double serving `t`'s assets (`acme`), an archive folder holding `archive`
/// (`archive`) and the quoting database (`shop`), grouped as `company`.
fn grouped(
    t: Test,
    configure: impl FnOnce(&mut fotoweb_double::Options),
    archive: &[(&str, Value)],
) -> Tenant {
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], configure);
    dir_tenant(&tenant.t, "archive", archive);
    tenant.dsr(["sync", "--tenant", "archive"]).run();
    shop(&tenant);
    tenant
        .dsr([
            "tenant", "group", "add", "company", "acme", "archive", "shop",
        ])
        .run();
    tenant
}

/// Stock OpenSSH accepts the receipt at `path`, with the tenant's key as allowed signer.
fn ssh_keygen_accepts(tenant: &Tenant, path: &std::path::Path) {
    let signers = tenant.t.path("allowed_signers");
    std::fs::write(&signers, tenant.dsr(["keys", "show"]).run().stdout).expect("allowed_signers");
    let ssh = std::process::Command::new("ssh-keygen")
        .args(["-Y", "verify", "-n", "dsr-receipt", "-I", "dsr", "-f"])
        .arg(&signers)
        .arg("-s")
        .arg(format!("{}.sig", path.display()))
        .stdin(std::fs::File::open(path).expect("the receipt"))
        .output()
        .expect("ssh-keygen runs");
    assert!(
        ssh.status.success(),
        "{}",
        String::from_utf8_lossy(&ssh.stderr)
    );
}

/// The (tenant, asset) pairs of a group locate's hits.
fn found(hits: &[Value]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = hits
        .iter()
        .map(|hit| {
            let tenant = hit["tenant"].as_str().expect("each hit names its tenant");
            let asset = hit["asset"].as_str().expect("an asset id");
            (tenant.to_owned(), asset.to_owned())
        })
        .collect();
    pairs.sort();
    pairs
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(t, a)| ((*t).to_owned(), (*a).to_owned()))
        .collect()
}

#[test]
fn locate_searches_every_system_of_a_group_and_names_each_hits_tenant() {
    let tenant = company();
    let everywhere = pairs(&[
        ("acme", "Staff/jane.jpg"),
        ("archive", "Old/jane.tif"),
        ("shop", "clients/1"),
    ]);
    let locate = |format: &str| {
        tenant
            .dsr([
                "locate",
                "--group",
                "company",
                "--email",
                "jane.doe@example.com",
            ])
            .args(["--output", format])
            .run()
    };

    let json = locate("json").json();
    let hits = json["hits"].as_array().expect("the hits");
    assert_eq!(found(hits), everywhere, "{json:#}");
    assert_eq!(
        json["tenants"],
        json!([
            {"tenant": "acme", "status": "searched", "assets": 1, "unreadable": 0},
            {"tenant": "archive", "status": "searched", "assets": 1, "unreadable": 0},
            {"tenant": "shop", "status": "searched", "assets": 1, "unreadable": 0},
        ])
    );
    assert_eq!(found(&locate("jsonl").jsonl()), everywhere);
    let rows = locate("csv").csv();
    let mut from_csv: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r["tenant"].clone(), r["asset"].clone()))
        .collect();
    from_csv.sort();
    from_csv.dedup();
    assert_eq!(from_csv, everywhere);
    let table = locate("human");
    for (name, asset) in &everywhere {
        let row = table
            .stdout
            .lines()
            .find(|l| l.contains(asset.as_str()))
            .unwrap_or_else(|| panic!("no row for {asset}\n{}", table.dump()));
        assert!(row.starts_with(name.as_str()), "{row}");
        assert!(
            table
                .stderr
                .contains(&format!("{name}: 1 asset(s) hold this person")),
            "{}",
            table.dump()
        );
    }

    // --all-tenants is every registered tenant: here the same three.
    let all = tenant
        .dsr([
            "locate",
            "--all-tenants",
            "--login",
            "jdoe",
            "--output",
            "jsonl",
        ])
        .run();
    assert_eq!(found(&all.jsonl()), pairs(&[("shop", "clients/1")]));

    // Each tenant's search is in the audit log under its own name.
    let audit = tenant.dsr(["audit", "--output", "jsonl"]).run().jsonl();
    for name in ["acme", "archive", "shop"] {
        assert!(
            audit
                .iter()
                .any(|e| e["command"] == "locate" && e["tenant"] == name),
            "no locate entry for {name}: {audit:#?}"
        );
    }

    // Nobody found anywhere: exit 1, as for one tenant.
    tenant
        .dsr([
            "locate",
            "--group",
            "company",
            "--email",
            "nobody@example.com",
        ])
        .status(1)
        .run();
}

#[test]
fn a_system_that_cannot_be_searched_is_named_and_the_others_still_answer() {
    let tenant = company();
    // Registered and grouped, but never indexed.
    dir_tenant(
        &tenant.t,
        "files",
        &[("Docs/jane.pdf", json!({"308": ["jane.doe@example.com"]}))],
    );
    tenant
        .dsr(["tenant", "group", "add", "company", "files"])
        .run();

    let out = tenant
        .dsr([
            "locate",
            "--group",
            "company",
            "--email",
            "jane.doe@example.com",
        ])
        .args(["--output", "json", "--quiet"])
        .status(3)
        .run();
    let json = out.json();
    assert_eq!(
        found(json["hits"].as_array().expect("the hits")),
        pairs(&[
            ("acme", "Staff/jane.jpg"),
            ("archive", "Old/jane.tif"),
            ("shop", "clients/1"),
        ]),
        "the systems that could be searched still answer"
    );
    assert_eq!(json["tenants"][3]["tenant"], "files");
    assert_eq!(json["tenants"][3]["status"], "not-searched");
    assert!(
        out.stderr.contains("tenant 'files' was not searched")
            && out.stderr.contains("dsr sync --tenant files"),
        "said even with --quiet, with what to do\n{}",
        out.dump()
    );
    // The same when it holds nothing of her: "found nowhere" is not known.
    tenant
        .dsr(["locate", "--all-tenants", "--email", "nobody@example.com"])
        .status(3)
        .run();
}

#[test]
fn a_case_opened_for_a_group_names_its_tenants_and_is_reviewed_per_tenant() {
    let tenant = company();
    let opened = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args([
            "--email",
            "jane.doe@example.com",
            "--received",
            "2026-11-02",
        ])
        .args(["--output", "json"])
        .run();
    let json = opened.json();
    let id = json["id"].as_str().expect("the case id").to_owned();
    let cases = json["cases"].as_array().expect("a case per tenant");
    assert_eq!(cases.len(), 3, "{json:#}");
    for (case, name) in cases.iter().zip(["acme", "archive", "shop"]) {
        assert_eq!(case["id"], id.as_str(), "one id across the systems");
        assert_eq!(case["tenant"], name);
        assert_eq!(case["tenants"], json!(["acme", "archive", "shop"]));
        assert_eq!(case["due"], "2026-12-02", "the deadline is the request's");
        assert_eq!(
            case["matches"].as_array().map(Vec::len),
            Some(1),
            "{case:#}"
        );
    }
    for name in ["acme", "archive", "shop"] {
        assert!(
            opened
                .stderr
                .contains(&format!("{name}: 1 asset(s) hold this person")),
            "{}",
            opened.dump()
        );
    }

    // Review is per tenant: taking the archive's match out leaves the others as they were.
    tenant
        .dsr([
            "case",
            "review",
            &id,
            "--tenant",
            "archive",
            "--exclude",
            "Old/jane.tif",
        ])
        .run();
    let shown = |name: &str| {
        tenant
            .dsr(["case", "show", &id, "--tenant", name, "--output", "json"])
            .run()
            .json()
    };
    assert_eq!(
        shown("archive")["review"]["excluded"],
        json!(["Old/jane.tif"])
    );
    assert_eq!(shown("shop")["review"]["excluded"], json!([]));

    // A second request the same day gets an id free in every tenant.
    tenant
        .dsr(["case", "open", "--tenant", "shop", "--right", "access"])
        .args(["--email", "ola@example.com"])
        .run();
    let second = tenant
        .dsr(["case", "open", "--all-tenants", "--right", "access"])
        .args(["--email", "ola@example.com"])
        .run();
    let second = second.stdout.trim();
    assert_ne!(second, id);
    assert!(second > id.as_str(), "{second} after {id}");
    // Other case commands work on one tenant and say so.
    let refused = tenant
        .dsr(["case", "review", &id, "--group", "company"])
        .status(2)
        .run();
    assert!(
        refused.error().contains("--tenant NAME"),
        "{}",
        refused.dump()
    );
}

#[test]
fn case_list_shows_every_case_of_every_tenant_overdue_first() {
    let tenant = company();
    let open = |args: &[&str], received: &[&str]| {
        tenant
            .dsr(["case", "open", "--right", "access"])
            .args(received)
            .args(args)
            .run()
            .stdout
            .trim()
            .to_owned()
    };
    let recent = open(&["--tenant", "acme", "--email", "ola@example.com"], &[]);
    let late = open(
        &["--tenant", "shop", "--email", "ola@example.com"],
        &["--received", "2020-01-01"],
    );
    let across = open(
        &["--group", "company", "--email", "jane.doe@example.com"],
        &["--received", "2020-03-01"],
    );

    let listed = tenant.dsr(["case", "list", "-o", "json"]).run().json();
    let rows: Vec<(String, String, String)> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            (
                c["tenant"]
                    .as_str()
                    .expect("each case names its tenant")
                    .to_owned(),
                c["id"].as_str().expect("an id").to_owned(),
                c["status"].as_str().expect("a status").to_owned(),
            )
        })
        .collect();
    let row = |t: &str, id: &str, status: &str| (t.to_owned(), id.to_owned(), status.to_owned());
    assert_eq!(
        rows,
        vec![
            row("shop", &late, "overdue"),
            row("acme", &across, "overdue"),
            row("archive", &across, "overdue"),
            row("shop", &across, "overdue"),
            row("acme", &recent, "open"),
        ],
        "every tenant's cases, overdue first, then by due date"
    );
    let table = tenant.dsr(["case", "list"]).run().stdout;
    let first = table.lines().nth(1).expect("a row");
    assert!(
        first.starts_with("shop") && first.contains(&late),
        "{table}"
    );
    let csv = tenant.dsr(["case", "list", "-o", "csv"]).run().csv();
    assert_eq!(csv.len(), 5);
    assert_eq!(csv[0]["tenant"], "shop");
    // One tenant's list is as it was: its cases, no tenant key.
    let acme = tenant
        .dsr(["case", "list", "--tenant", "acme", "-o", "json"])
        .run()
        .json();
    assert_eq!(acme.as_array().map(Vec::len), Some(2));
    assert!(acme[0].get("tenant").is_none(), "{acme:#}");
    // A group's list: only its tenants.
    tenant.dsr(["tenant", "group", "add", "db", "shop"]).run();
    let db = tenant
        .dsr(["case", "list", "--group", "db", "--overdue", "-o", "json"])
        .run()
        .json();
    assert_eq!(db.as_array().map(Vec::len), Some(2), "{db:#}");
}

#[test]
fn extending_a_request_across_systems_extends_it_in_every_tenant() {
    let tenant = company();
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "access"])
        .args([
            "--email",
            "jane.doe@example.com",
            "--received",
            "2026-11-02",
        ])
        .run()
        .stdout
        .trim()
        .to_owned();
    tenant
        .dsr([
            "case",
            "extend",
            &id,
            "--tenant",
            "shop",
            "--reason",
            "three systems",
        ])
        .run();
    for name in ["acme", "archive", "shop"] {
        let case = tenant
            .dsr(["case", "show", &id, "--tenant", name, "--output", "json"])
            .run()
            .json();
        assert_eq!(
            case["due"], "2027-02-02",
            "{name}: the deadline is the request's"
        );
    }
    // Once is all Art. 12(3) allows, from any of its tenants.
    tenant
        .dsr([
            "case", "extend", &id, "--tenant", "acme", "--reason", "again",
        ])
        .status(2)
        .run();
}

#[test]
fn after_erasing_in_every_system_the_receipts_and_a_fresh_group_locate_agree() {
    let tenant = company();
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    // Each system's change is its own run on its high matches, under its own journal and
    // receipt (the agreement check of the test support compares each run with a fresh
    // locate).
    for name in ["acme", "archive", "shop"] {
        tenant
            .dsr(["erase", &id, "--tenant", name, "--yes", "--output", "json"])
            .run();
        let receipt = tenant
            .t
            .tenant_data(name)
            .join("cases")
            .join(&id)
            .join("receipts");
        assert!(receipt.is_dir(), "{name}: a receipt in its own case folder");
    }
    // Found nowhere, by the group's search: exit 1, each tenant searched.
    let after = tenant
        .dsr([
            "locate",
            "--group",
            "company",
            "--email",
            "jane.doe@example.com",
        ])
        .args(["--output", "json"])
        .status(1)
        .run()
        .json();
    assert_eq!(after["hits"], json!([]));
    assert!(
        after["tenants"]
            .as_array()
            .expect("each tenant")
            .iter()
            .all(|t| t["status"] == "searched" && t["assets"] == 0),
        "{after:#}"
    );
    // Ola is untouched everywhere.
    let ola = tenant
        .dsr(["locate", "--group", "company", "--email", "ola@example.com"])
        .args(["--output", "jsonl"])
        .run()
        .jsonl();
    assert_eq!(
        found(&ola),
        pairs(&[("archive", "Old/ola.tif"), ("shop", "clients/2")])
    );
}

#[test]
fn an_erasure_across_a_group_is_planned_once_and_proved_by_one_case_receipt() {
    let tenant = company();
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args(["--email", "jane.doe@example.com", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    // A dry run prints every system's plan and changes nothing.
    let dry = tenant
        .dsr(["erase", &id, "--group", "company", "--dry-run"])
        .run();
    for name in ["acme", "archive", "shop"] {
        assert!(
            dry.stdout.contains(&format!("Tenant '{name}':")),
            "{}",
            dry.dump()
        );
    }
    // Without a terminal or --yes nothing changes anywhere.
    tenant
        .dsr(["erase", &id, "--group", "company"])
        .status(4)
        .run();
    assert!(
        tenant
            .metadata("Staff/jane.jpg")
            .is_some_and(|m| m.values().any(holds_jane))
    );

    let out = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--output", "json",
        ])
        .run();
    let json = out.json();
    assert_eq!(
        json["systems"]
            .as_array()
            .expect("each system")
            .iter()
            .map(|s| (
                s["tenant"].as_str().unwrap_or_default(),
                s["outcome"].as_str().unwrap_or_default()
            ))
            .collect::<Vec<_>>(),
        vec![("acme", "done"), ("archive", "done"), ("shop", "done")],
        "{}",
        out.dump()
    );
    let path = std::path::PathBuf::from(json["case_receipt"].as_str().expect("the case receipt"));
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("the case receipt")).expect("JSON");
    assert_eq!(receipt["outcome"], "done");
    for (system, name) in receipt["systems"]
        .as_array()
        .expect("systems")
        .iter()
        .zip(["acme", "archive", "shop"])
    {
        assert_eq!(system["tenant"], name);
        let own = tenant
            .t
            .data_dir()
            .join(system["receipt"].as_str().expect("where its receipt is"));
        let bytes = std::fs::read(&own).expect("the system's receipt");
        assert_eq!(
            system["receipt_sha256"].as_str(),
            Some(dsr::receipt::sha256_hex(&bytes).as_str()),
            "{name}: the case receipt names its receipt's hash"
        );
    }
    // Found nowhere now, by a fresh search of every system.
    tenant
        .dsr([
            "locate",
            "--group",
            "company",
            "--email",
            "jane.doe@example.com",
            "--name",
            "Jane Doe",
        ])
        .status(1)
        .run();
    let left = tenant.metadata("Staff/jane.jpg");
    assert!(left.is_none(), "shown alone: deleted ({left:?})");
    assert!(tenant.metadata("Staff/ola.jpg").is_some());

    // dsr and stock ssh-keygen both accept the case receipt.
    let verified = tenant
        .dsr(["receipt", "verify"])
        .arg(&path)
        .args(["--output", "json"])
        .run();
    let verified = verified.json();
    assert_eq!(verified["ok"], true, "{verified:#}");
    assert_eq!(verified["case_receipts"][0]["outcome"], "done");
    let table = tenant.dsr(["receipt", "verify"]).arg(&path).run().stdout;
    assert!(
        table.starts_with("ok") && table.contains("3 system receipt(s) checked"),
        "{table}"
    );
    ssh_keygen_accepts(&tenant, &path);

    // A system receipt that is not the one named fails the case receipt.
    let first = tenant.t.data_dir().join(
        receipt["systems"][0]["receipt"]
            .as_str()
            .expect("where the first system's receipt is"),
    );
    let mut bytes = std::fs::read(&first).expect("the receipt");
    bytes.push(b' ');
    std::fs::write(&first, bytes).expect("an edited receipt");
    let failed = tenant.dsr(["receipt", "verify"]).arg(&path).status(3).run();
    assert!(
        failed.stdout.starts_with("FAIL") && failed.stdout.contains("tenant 'acme'"),
        "{}",
        failed.dump()
    );
}

#[test]
fn a_system_left_partial_is_named_in_the_case_receipt_and_resume_touches_only_it() {
    // The DAM refuses deletes: its part of the request cannot be finished.
    let tenant = company_with(|o| o.permissions.retain(|p| p != "Delete"));
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args(["--email", "jane.doe@example.com", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let out = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--output", "json",
        ])
        .status(3)
        .run();
    let json = out.json();
    let outcomes = |json: &Value| -> Vec<(String, String)> {
        json["systems"]
            .as_array()
            .expect("each system")
            .iter()
            .map(|s| {
                (
                    s["tenant"].as_str().unwrap_or_default().to_owned(),
                    s["outcome"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let expected: Vec<(String, String)> =
        [("acme", "partial"), ("archive", "done"), ("shop", "done")]
            .iter()
            .map(|(t, o)| ((*t).to_owned(), (*o).to_owned()))
            .collect();
    assert_eq!(outcomes(&json), expected, "{}", out.dump());
    let path = json["case_receipt"]
        .as_str()
        .expect("the case receipt")
        .to_owned();
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("the case receipt")).expect("JSON");
    assert_eq!(
        receipt["outcome"], "partial",
        "the request is not done while one system is not"
    );
    assert_eq!(receipt["systems"][0]["outcome"], "partial");
    assert!(
        tenant.metadata("Staff/jane.jpg").is_some(),
        "the DAM still holds her"
    );
    // The others are done, and a fresh search agrees: only the DAM still finds her.
    let left = tenant
        .dsr([
            "locate",
            "--group",
            "company",
            "--email",
            "jane.doe@example.com",
        ])
        .args(["--output", "jsonl"])
        .run()
        .jsonl();
    assert_eq!(found(&left), pairs(&[("acme", "Staff/jane.jpg")]));
    tenant.dsr(["receipt", "verify"]).arg(&path).run();

    // --resume goes back only to what is left: the finished systems are not run again.
    let receipts = |name: &str| {
        std::fs::read_dir(
            tenant
                .t
                .tenant_data(name)
                .join("cases")
                .join(&id)
                .join("receipts"),
        )
        .map(|d| d.count())
        .unwrap_or(0)
    };
    let before: Vec<usize> = ["acme", "archive", "shop"]
        .iter()
        .map(|n| receipts(n))
        .collect();
    let resumed = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--resume", "--output", "json",
        ])
        .status(3)
        .run();
    assert_eq!(outcomes(&resumed.json()), expected, "{}", resumed.dump());
    let after: Vec<usize> = ["acme", "archive", "shop"]
        .iter()
        .map(|n| receipts(n))
        .collect();
    assert_eq!(
        after[1..],
        before[1..],
        "no second receipt where nothing was left"
    );
    assert_eq!(
        after[0],
        before[0] + 1,
        "the DAM's resumed run has its own receipt"
    );
}

/// The JSON file `name` of a package folder.
fn package_json(dir: &std::path::Path, name: &str) -> Value {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_slice(&bytes).expect("JSON")
}

#[test]
fn an_access_package_across_a_group_holds_each_systems_own_package() {
    let tenant = company();
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "access"])
        .args(["--email", "jane.doe@example.com", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    for name in ["acme", "archive", "shop"] {
        tenant.t.fill_ropa(name);
    }
    let out = tenant.t.path("jane-access");
    let run = tenant
        .dsr([
            "access", &id, "--group", "company", "--output", "json", "--out",
        ])
        .arg(&out)
        .run();
    let json = run.json();
    assert_eq!(json["complete"], true, "{}", run.dump());
    let top = package_json(&out, "data.json");
    assert_eq!(top["complete"], true);
    let systems: Vec<(String, String)> = top["systems"]
        .as_array()
        .expect("the systems")
        .iter()
        .map(|s| {
            (
                s["tenant"].as_str().unwrap_or_default().to_owned(),
                s["platform"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        systems,
        pairs(&[("acme", "fotoweb"), ("archive", "dir"), ("shop", "sql")])
    );
    let index = std::fs::read_to_string(out.join("index.html")).expect("the index page");
    for name in ["acme", "archive", "shop"] {
        assert!(
            index.contains(&format!("href=\"{name}/index.html\"")),
            "{index}"
        );
        // Each system's part is what `dsr access` of that tenant alone exports.
        let alone = tenant.t.path(format!("alone-{name}"));
        tenant
            .dsr(["access", &id, "--tenant", name, "--out"])
            .arg(&alone)
            .run();
        let part = package_json(&out.join(name), "data.json");
        let single = package_json(&alone, "data.json");
        for key in [
            "assets",
            "processing",
            "controller",
            "subject",
            "not_searched",
        ] {
            assert_eq!(part[key], single[key], "{name}: {key}");
        }
        assert!(
            !part["assets"].as_array().expect("assets").is_empty(),
            "{name} holds Jane"
        );
        let mut files: Vec<_> = std::fs::read_dir(out.join(name))
            .expect("the part")
            .map(|e| e.expect("an entry").file_name())
            .collect();
        let mut alone_files: Vec<_> = std::fs::read_dir(&alone)
            .expect("the single package")
            .map(|e| e.expect("an entry").file_name())
            .collect();
        files.sort();
        alone_files.sort();
        assert_eq!(files, alone_files, "{name}");
    }
}

#[test]
fn an_access_package_across_a_group_is_not_written_without_a_system_it_cannot_read() {
    let tenant = company();
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "access"])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    for name in ["acme", "archive", "shop"] {
        tenant.t.fill_ropa(name);
    }
    // The quoting database is gone: its part cannot be read.
    std::fs::rename(tenant.t.path("shop.sqlite"), tenant.t.path("moved.sqlite"))
        .expect("the database moved");
    let out = tenant.t.path("jane-access");
    let run = tenant
        .dsr(["access", &id, "--group", "company", "--quiet", "--out"])
        .arg(&out)
        .status(3)
        .run();
    assert!(
        run.stderr.contains("tenant 'shop' could not be read")
            && run.stderr.contains("no access package was written"),
        "{}",
        run.dump()
    );
    assert!(!out.exists(), "no package that looks whole");
    let leftovers: Vec<_> = std::fs::read_dir(tenant.t.path(""))
        .expect("the test folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Checks every entry of the ZIP at `path` against its manifest.json with Python's zipfile:
/// each listed entry's SHA-256 and size, and every entry but the manifest listed.
const CHECK_MANIFEST: &str = r#"
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "a damaged entry"
manifest = json.loads(z.read("manifest.json"))
listed = {e["path"]: e for e in manifest["entries"]}
names = [n for n in z.namelist() if n != "manifest.json"]
assert sorted(listed) == sorted(names), (sorted(listed), sorted(names))
for name in names:
    data = z.read(name)
    assert hashlib.sha256(data).hexdigest() == listed[name]["sha256"], name
    assert len(data) == listed[name]["size"], name
"#;

#[test]
fn a_portable_zip_across_a_group_holds_a_folder_per_system_and_one_manifest() {
    let tenant = company();
    let id = tenant
        .dsr([
            "case",
            "open",
            "--group",
            "company",
            "--right",
            "portability",
        ])
        .args(["--email", "jane.doe@example.com", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let zip = tenant.t.path("jane.zip");
    let run = tenant
        .dsr([
            "portability",
            &id,
            "--group",
            "company",
            "--output",
            "json",
            "--out",
        ])
        .arg(&zip)
        .run();
    assert_eq!(run.json()["complete"], true, "{}", run.dump());
    let unzip = std::process::Command::new("unzip")
        .arg("-tq")
        .arg(&zip)
        .output()
        .expect("unzip runs");
    assert!(unzip.status.success(), "unzip -t: {unzip:?}");
    let python = std::process::Command::new("python3")
        .args(["-c", CHECK_MANIFEST])
        .arg(&zip)
        .output()
        .expect("python3 runs");
    assert!(python.status.success(), "{python:?}");

    let entries = crate::access::unzip_entries(&zip);
    let manifest: Value = serde_json::from_slice(&entries["manifest.json"]).expect("manifest");
    let systems: Vec<(String, String)> = manifest["systems"]
        .as_array()
        .expect("the systems")
        .iter()
        .map(|s| {
            (
                s["tenant"].as_str().unwrap_or_default().to_owned(),
                s["platform"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        systems,
        pairs(&[("acme", "fotoweb"), ("archive", "dir"), ("shop", "sql")])
    );
    for name in ["acme", "archive", "shop"] {
        // Each folder holds what `dsr portability` of that tenant alone writes.
        let alone = tenant.t.path(format!("alone-{name}.zip"));
        tenant
            .dsr(["portability", &id, "--tenant", name, "--out"])
            .arg(&alone)
            .run();
        let single = crate::access::unzip_entries(&alone);
        let prefix = format!("{name}/");
        let folder: std::collections::BTreeMap<String, Vec<u8>> = entries
            .iter()
            .filter_map(|(path, bytes)| {
                path.strip_prefix(&prefix)
                    .map(|p| (p.to_owned(), bytes.clone()))
            })
            .collect();
        assert_eq!(
            folder.keys().collect::<Vec<_>>(),
            single.keys().collect::<Vec<_>>(),
            "{name}"
        );
        assert_eq!(folder["metadata.json"], single["metadata.json"], "{name}");
        let inner: Value = serde_json::from_slice(&folder["manifest.json"]).expect("manifest");
        assert!(
            !inner["entries"].as_array().expect("entries").is_empty(),
            "{name}"
        );
    }
}

#[test]
fn a_portable_zip_across_a_group_is_not_written_without_a_system_it_cannot_read() {
    let tenant = company();
    let id = tenant
        .dsr([
            "case",
            "open",
            "--group",
            "company",
            "--right",
            "portability",
        ])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    std::fs::rename(tenant.t.path("shop.sqlite"), tenant.t.path("moved.sqlite"))
        .expect("the database moved");
    let zip = tenant.t.path("jane.zip");
    let run = tenant
        .dsr(["portability", &id, "--group", "company", "--quiet", "--out"])
        .arg(&zip)
        .status(3)
        .run();
    assert!(
        run.stderr.contains("tenant 'shop' could not be read")
            && run.stderr.contains("no portable archive was written"),
        "{}",
        run.dump()
    );
    assert!(!zip.exists(), "no archive that looks whole");
}

/// The matched fields' labels of each match of a tenant's case, by asset.
fn matched(case: &Value) -> Vec<(String, Vec<String>)> {
    case["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| {
            let fields = m["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .map(|f| f["field"].as_str().unwrap_or_default().to_owned())
                .collect();
            (m["asset"].as_str().unwrap_or_default().to_owned(), fields)
        })
        .collect()
}

fn proposed(case: &Value) -> Vec<String> {
    case["proposed"]
        .as_array()
        .expect("proposed")
        .iter()
        .map(|p| {
            format!(
                "{}:{}",
                p["identity"]["kind"].as_str().unwrap_or_default(),
                p["identity"]["value"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// Jane's login is held by the quoting database only. Her client row there holds her
/// e-mail and name: they are proposed, never searched until accepted, and once accepted
/// every system of the request searches with them — and her erasure is then verified in
/// all three and proved by one case receipt.
#[test]
fn identities_found_along_the_way_are_searched_everywhere_only_once_accepted() {
    let tenant = company();
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args(["--login", "jdoe"])
        .run();
    assert!(
        id.stderr
            .contains("Also found: email:jane.doe@example.com (in shop: clients/1)")
            && id
                .stderr
                .contains("--accept-identity email:jane.doe@example.com"),
        "{}",
        id.dump()
    );
    let id = id.stdout.trim().to_owned();
    let shown = |name: &str| {
        tenant
            .dsr(["case", "show", &id, "--tenant", name, "--output", "json"])
            .run()
            .json()
    };
    assert_eq!(matched(&shown("acme")), vec![], "not searched unaccepted");
    assert_eq!(matched(&shown("archive")), vec![]);
    assert_eq!(
        proposed(&shown("shop")),
        vec!["email:jane.doe@example.com", "name:Jane Doe"]
    );
    let table = tenant.dsr(["case", "show", &id, "--tenant", "shop"]).run();
    assert!(
        table.stdout.contains("also found") && table.stdout.contains("name:Jane Doe  in clients/1"),
        "{}",
        table.dump()
    );

    // An identity nobody found is refused by position, not echoed, and nothing changes.
    let before = std::fs::read(
        tenant
            .t
            .data_dir()
            .join(format!("tenants/shop/cases/{id}/case.json")),
    )
    .expect("the case");
    let refused = tenant
        .dsr(["case", "review", &id, "--tenant", "shop"])
        .args(["--accept-identity", "email:ola@example.com"])
        .status(2)
        .run();
    assert!(
        refused
            .error()
            .contains("--accept-identity #1 (email) is not among")
            && !refused.stderr.contains("ola@"),
        "{}",
        refused.dump()
    );
    let after = std::fs::read(
        tenant
            .t
            .data_dir()
            .join(format!("tenants/shop/cases/{id}/case.json")),
    )
    .expect("the case");
    assert_eq!(before, after, "a refused review changes nothing");

    // Accepting her e-mail (written another way) searches every system with it, and only it.
    tenant
        .dsr(["case", "review", &id, "--tenant", "shop"])
        .args(["--accept-identity", "email:Jane.Doe@Example.com"])
        .run();
    assert_eq!(
        matched(&shown("acme")),
        vec![("Staff/jane.jpg".to_owned(), vec!["308".to_owned()])],
        "found by the accepted e-mail, not yet by her name"
    );
    assert_eq!(
        matched(&shown("archive")),
        vec![("Old/jane.tif".to_owned(), vec!["308".to_owned()])]
    );
    for name in ["acme", "archive", "shop"] {
        let case = shown(name);
        assert_eq!(
            case["identities"],
            json!([
                { "kind": "login", "value": "jdoe" },
                { "kind": "email", "value": "jane.doe@example.com" },
            ]),
            "{name}"
        );
        let history = case["history"].to_string();
        assert!(
            history.contains("accepted a email found along the way") && !history.contains("jane"),
            "{name}: {history}"
        );
    }
    // Her name is still proposed, now from two systems; declined, it is proposed no more.
    assert_eq!(proposed(&shown("acme")), vec!["name:Jane Doe"]);
    tenant
        .dsr(["case", "review", &id, "--tenant", "acme"])
        .args(["--decline-identity", "name:Doe, Jane"])
        .run();
    for name in ["acme", "archive", "shop"] {
        assert_eq!(proposed(&shown(name)), Vec::<String>::new(), "{name}");
    }
    // Accepted after all, it is searched everywhere.
    tenant
        .dsr(["case", "review", &id, "--tenant", "archive"])
        .args(["--expand-identities"])
        .run();
    assert_eq!(
        shown("acme")["identities"].as_array().map(Vec::len),
        Some(2),
        "a declined identity is not expanded"
    );
    tenant
        .dsr(["case", "review", &id, "--tenant", "acme"])
        .args(["--decline-identity", "name:Jane Doe"])
        .status(2)
        .run();

    // The erasure acts on what the accepted identities found, in every system.
    let out = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--output", "json",
        ])
        .run();
    let json = out.json();
    let outcomes: Vec<(&str, &str)> = json["systems"]
        .as_array()
        .expect("each system")
        .iter()
        .map(|s| {
            (
                s["tenant"].as_str().unwrap_or_default(),
                s["outcome"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        vec![("acme", "done"), ("archive", "done"), ("shop", "done")],
        "{}",
        out.dump()
    );
    tenant
        .dsr(["locate", "--group", "company", "--login", "jdoe"])
        .args(["--email", "jane.doe@example.com"])
        .status(1)
        .run();
    let path = json["case_receipt"].as_str().expect("the case receipt");
    let verified = tenant
        .dsr(["receipt", "verify", path, "--output", "json"])
        .run()
        .json();
    assert_eq!(verified["ok"], true, "{verified:#}");
}

/// A script accepts what it finds with --expand-identities: her login finds her client
/// row, whose e-mail and name find her in the other two systems, and nobody else.
#[test]
fn expanding_identities_follows_her_records_into_every_system_and_no_one_else_s() {
    let tenant = company();
    let opened = tenant
        .dsr(["case", "open", "--group", "company", "--right", "access"])
        .args(["--login", "jdoe", "--expand-identities", "--output", "json"])
        .run();
    let json = opened.json();
    let cases = json["cases"].as_array().expect("a case per tenant");
    let assets: Vec<Vec<String>> = cases
        .iter()
        .map(|c| matched(c).into_iter().map(|(a, _)| a).collect())
        .collect();
    assert_eq!(
        assets,
        vec![
            vec!["Staff/jane.jpg".to_owned()],
            vec!["Old/jane.tif".to_owned()],
            vec!["clients/1".to_owned()],
        ],
        "{}",
        opened.dump()
    );
    for case in cases {
        assert_eq!(
            case["identities"].as_array().map(Vec::len),
            Some(3),
            "{case:#}"
        );
        assert_eq!(proposed(case), Vec::<String>::new());
    }
    // The access package across the group holds each system's part.
    for name in ["acme", "archive", "shop"] {
        tenant.t.fill_ropa(name);
    }
    let package = tenant.t.path("package");
    let id = json["id"].as_str().expect("the id");
    tenant
        .dsr(["access", id, "--group", "company", "--out"])
        .arg(&package)
        .run();
    for (name, asset) in [
        ("acme", "Staff/jane.jpg"),
        ("archive", "Old/jane.tif"),
        ("shop", "clients/1"),
    ] {
        let part = package_json(&package, &format!("{name}/data.json")).to_string();
        assert!(part.contains(asset), "{name}: {part}");
        assert!(!part.contains("Ola"), "{name}: nobody else's data");
    }
}

/// The offboarding job is one command: a request across every system per leaver of the
/// list, one line each with every system's outcome and the signed case receipt.
#[test]
fn the_offboarding_job_is_one_command_with_a_line_per_leaver_and_each_systems_outcome() {
    let tenant = company();
    let leavers = tenant.t.path("leavers.csv");
    std::fs::write(
        &leavers,
        "email,name,reference\njane.doe@example.com,Jane Doe,HR-1\nnot-an-address,,HR-2\n",
    )
    .expect("the list");
    let erase = |extra: &[&str]| {
        let mut run = tenant.dsr(["erase", "--group", "company", "--from"]);
        run = run.arg(&leavers).args(extra);
        run
    };
    // A dry run plans every leaver in every system and changes nothing.
    let dry = erase(&["--dry-run"]).status(3).run();
    assert!(
        dry.stdout.contains("Row 2 (case not opened in a dry run):")
            && dry.stdout.contains("Tenant 'shop':"),
        "{}",
        dry.dump()
    );
    assert!(dry.stderr.contains("row 3"), "{}", dry.dump());
    // Unattended without --yes: refused, nothing changed.
    erase(&[]).status(4).run();
    assert!(tenant.metadata("Staff/jane.jpg").is_some());

    let out = erase(&["--yes", "--output", "jsonl"]).status(3).run();
    let lines = out.jsonl();
    assert_eq!(lines.len(), 2, "{}", out.dump());
    let jane = &lines[0];
    assert_eq!(jane["row"], 2);
    assert_eq!(jane["reference"], "HR-1");
    assert_eq!(jane["outcome"], "done", "{}", out.dump());
    let systems: Vec<(&str, &str)> = jane["systems"]
        .as_array()
        .expect("each system")
        .iter()
        .map(|s| {
            (
                s["tenant"].as_str().unwrap_or_default(),
                s["outcome"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        systems,
        vec![("acme", "done"), ("archive", "done"), ("shop", "done")]
    );
    assert_eq!(lines[1]["row"], 3);
    assert_eq!(lines[1]["outcome"], "error");
    assert!(
        !lines[1].to_string().contains("not-an-address"),
        "no value in the error: {}",
        lines[1]
    );
    let receipt = jane["case_receipt"].as_str().expect("the case receipt");
    let verified = tenant
        .dsr(["receipt", "verify", receipt, "--output", "json"])
        .run()
        .json();
    assert_eq!(verified["ok"], true, "{verified:#}");
    assert_eq!(verified["case_receipts"][0]["outcome"], "done");
    // A fresh search of every system agrees; her colleague is untouched.
    tenant
        .dsr(["locate", "--group", "company"])
        .args(["--email", "jane.doe@example.com", "--name", "Jane Doe"])
        .status(1)
        .run();
    assert!(tenant.metadata("Staff/ola.jpg").is_some());

    // Run again, the list is not done twice: it asks for --resume, which reports the
    // finished request with its receipt and signs nothing new.
    let again = erase(&["--yes"]).status(2).run();
    assert!(again.error().contains("--resume"), "{}", again.dump());
    let case = jane["case"].as_str().expect("the case id");
    let requests = tenant.t.data_dir().join("requests").join(case);
    let count = || std::fs::read_dir(&requests).map(|d| d.count()).unwrap_or(0);
    assert_eq!(count(), 1);
    let resumed = erase(&["--yes", "--resume", "--output", "jsonl"])
        .status(3)
        .run();
    let first = &resumed.jsonl()[0];
    assert_eq!(first["outcome"], "done", "{}", resumed.dump());
    assert_eq!(first["case_receipt"], jane["case_receipt"]);
    assert_eq!(count(), 1, "no second case receipt for a finished request");
}

/// The example offboarding script, pointed at a group, is the one command across systems:
/// each leaver erased everywhere, the case receipt and every system's receipt archived.
#[test]
fn the_offboarding_script_for_a_group_erases_everywhere_and_archives_every_receipt() {
    let tenant = company();
    let leavers = tenant.t.path("leavers.csv");
    std::fs::write(
        &leavers,
        "email,name,reference\njane.doe@example.com,Jane Doe,HR-1\n",
    )
    .expect("the list");
    let archive = tenant.t.path("archive-folder");
    let out = crate::examples::script_with(
        &tenant.t,
        "offboarding.sh",
        &[&leavers, &archive],
        &[
            ("DSR_GROUP", "company"),
            ("DSR_CLIENT_SECRET", crate::tenants::SECRET),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("HR-1: case") && stderr.contains("erased and verified in every system"),
        "{stderr}"
    );
    let mut kept: Vec<String> = walkdir::WalkDir::new(&archive)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name() == "receipt.json")
        .map(|e| {
            let folder = e.path().parent().expect("a folder");
            assert!(
                folder.join("receipt.json.sig").exists(),
                "{}",
                folder.display()
            );
            folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    kept.sort();
    assert_eq!(kept, vec!["acme", "archive", "case-receipt", "shop"]);
    tenant
        .dsr([
            "locate",
            "--group",
            "company",
            "--email",
            "jane.doe@example.com",
        ])
        .status(1)
        .run();
}

/// The systems' outcomes of a change across a group, as its JSON says them.
fn outcomes(json: &Value) -> Vec<(String, String)> {
    json["systems"]
        .as_array()
        .expect("each system")
        .iter()
        .map(|s| {
            (
                s["tenant"].as_str().unwrap_or_default().to_owned(),
                s["outcome"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// A rectification across systems puts her new name wherever a system holds the old one,
/// asks once, and is proved by one case receipt; a fresh search agrees.
#[test]
fn a_rectification_across_a_group_corrects_every_system_and_one_case_receipt_proves_it() {
    let tenant = company();
    let id = tenant
        .dsr([
            "case",
            "open",
            "--group",
            "company",
            "--right",
            "rectification",
        ])
        .args(["--email", "jane.doe@example.com", "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    // --set names one platform's fields: refused across systems, nothing changed.
    let refused = tenant
        .dsr([
            "rectify",
            &id,
            "--group",
            "company",
            "--set",
            "80=Jane Smith",
        ])
        .args(["--yes"])
        .status(2)
        .run();
    assert!(
        refused.error().contains("--replace OLD --with NEW"),
        "{}",
        refused.dump()
    );
    // Unattended without --yes: refused, nothing changed.
    tenant
        .dsr(["rectify", &id, "--group", "company"])
        .args(["--replace", "Jane Doe", "--with", "Jane Smith"])
        .status(4)
        .run();
    let out = tenant
        .dsr(["rectify", &id, "--group", "company"])
        .args(["--replace", "Jane Doe", "--with", "Jane Smith"])
        .args(["--yes", "--output", "json"])
        .run();
    let json = out.json();
    assert_eq!(
        outcomes(&json),
        pairs(&[("acme", "done"), ("archive", "done"), ("shop", "done")]),
        "{}",
        out.dump()
    );
    let path = json["case_receipt"].as_str().expect("the case receipt");
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(path).expect("the receipt")).expect("JSON");
    assert_eq!(receipt["right"], "rectification");
    assert_eq!(receipt["operation"], "rectify");
    assert_eq!(receipt["article"], "GDPR Art. 16");
    let verified = tenant
        .dsr(["receipt", "verify", path, "--output", "json"])
        .run()
        .json();
    assert_eq!(verified["ok"], true, "{verified:#}");
    // The old name is found nowhere, the new one where the old one stood.
    tenant
        .dsr(["locate", "--group", "company", "--name", "Jane Doe"])
        .status(1)
        .run();
    let now = tenant
        .dsr(["locate", "--group", "company", "--name", "Jane Smith"])
        .args(["--output", "jsonl"])
        .run()
        .jsonl();
    assert_eq!(
        found(&now),
        pairs(&[("acme", "Staff/jane.jpg"), ("shop", "clients/1")])
    );
    assert!(
        tenant
            .metadata("Staff/ola.jpg")
            .is_some_and(|m| m.values().any(|v| v.to_string().contains("Ola Nordmann"))),
        "her colleague is untouched"
    );
}

/// A restriction across systems marks her assets in each tenant's own restriction field;
/// a system that names no such field refuses the request before anything is marked.
#[test]
fn a_restriction_across_a_group_marks_every_system_or_none() {
    let tenant = company();
    for name in ["acme", "archive"] {
        tenant
            .dsr(["tenant", "edit", name, "--restriction-field", "25"])
            .run();
    }
    let id = tenant
        .dsr([
            "case",
            "open",
            "--group",
            "company",
            "--right",
            "restriction",
        ])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    // The quoting database names no restriction field: nothing is marked anywhere.
    let refused = tenant
        .dsr(["restrict", &id, "--group", "company", "--yes"])
        .status(2)
        .run();
    assert!(
        refused.error().contains("tenant 'shop'")
            && refused.error().contains("--restriction-field"),
        "{}",
        refused.dump()
    );
    let keywords = |tenant: &Tenant| {
        tenant
            .metadata("Staff/jane.jpg")
            .and_then(|m| m.get("25").cloned())
    };
    assert_eq!(keywords(&tenant), None, "nothing marked");

    tenant
        .dsr(["tenant", "group", "add", "media", "acme", "archive"])
        .run();
    let id = tenant
        .dsr(["case", "open", "--group", "media", "--right", "restriction"])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let out = tenant
        .dsr([
            "restrict", &id, "--group", "media", "--yes", "--output", "json",
        ])
        .run();
    let json = out.json();
    assert_eq!(
        outcomes(&json),
        pairs(&[("acme", "done"), ("archive", "done")]),
        "{}",
        out.dump()
    );
    assert_eq!(keywords(&tenant), Some(json!(["restricted"])));
    let path = json["case_receipt"].as_str().expect("the case receipt");
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(path).expect("the receipt")).expect("JSON");
    assert_eq!(receipt["right"], "restriction");
    tenant.dsr(["receipt", "verify", path]).run();
}

/// The steps of an erasure journal that are done, each with how many times it was.
fn done_steps(journal: &std::path::Path) -> std::collections::BTreeMap<u64, usize> {
    let text = std::fs::read_to_string(journal).unwrap_or_default();
    let mut done = std::collections::BTreeMap::new();
    for line in text.lines() {
        let Ok(line) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if line["event"] == "done"
            && let Some(step) = line["step"].as_u64()
        {
            *done.entry(step).or_insert(0) += 1;
        }
    }
    done
}

/// Killed without warning while the DAM's part is under way, the request is finished by
/// `--resume`: no step is done twice in any system, the case receipt says done, and a
/// fresh search of every system agrees.
#[test]
fn a_request_across_systems_killed_mid_run_is_finished_by_resume_with_no_step_twice() {
    let t = Test::new();
    for i in 0..90 {
        t.asset(
            &format!("Staff/jane-{i:03}.jpg"),
            json!({"368": ["Jane Doe"], "5": format!("Portrait {i}")}),
        );
    }
    t.asset("Staff/ola.jpg", json!({"80": ["Ola Nordmann"]}));
    let tenant = grouped(
        t,
        |o| o.latency_ms = 20,
        &[
            ("Old/jane.tif", json!({"80": ["Jane Doe"]})),
            ("Old/ola.tif", json!({"80": ["Ola Nordmann"]})),
        ],
    );
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args(["--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let journal = |name: &str| {
        tenant
            .t
            .tenant_data(name)
            .join("cases")
            .join(&id)
            .join("erase-journal.jsonl")
    };
    let mut child = tenant
        .dsr(["erase", &id, "--group", "company", "--yes", "--jobs", "1"])
        .command()
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dsr starts");
    loop {
        if done_steps(&journal("acme")).len() >= 10 {
            break;
        }
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    assert!(done_steps(&journal("acme")).len() < 90, "killed midway");

    // Not begun again unasked: the run says how to finish it.
    let fresh = tenant
        .dsr(["erase", &id, "--group", "company", "--yes"])
        .status(2)
        .run();
    assert!(fresh.error().contains("--resume"), "{}", fresh.dump());
    let resumed = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--resume", "--output", "json",
        ])
        .run();
    let json = resumed.json();
    assert_eq!(
        outcomes(&json),
        pairs(&[("acme", "done"), ("archive", "done"), ("shop", "done")]),
        "{}",
        resumed.dump()
    );
    for name in ["acme", "archive", "shop"] {
        let done = done_steps(&journal(name));
        assert!(!done.is_empty(), "{name}: its part was carried out");
        assert!(
            done.values().all(|n| *n == 1),
            "{name}: a step was done twice: {done:?}"
        );
    }
    assert_eq!(done_steps(&journal("acme")).len(), 90);
    let path = json["case_receipt"].as_str().expect("the case receipt");
    let verified = tenant
        .dsr(["receipt", "verify", path, "--output", "json"])
        .run()
        .json();
    assert_eq!(verified["ok"], true, "{verified:#}");
    assert_eq!(verified["case_receipts"][0]["outcome"], "done");
    tenant
        .dsr(["locate", "--group", "company", "--name", "Jane Doe"])
        .status(1)
        .run();
    assert!(tenant.metadata("Staff/ola.jpg").is_some());
}

/// The three systems of issue #18's scenario: the FotoWeb double (`acme`, a launch photo she
/// uploaded under a login only it knows), a copy of the bundled sample tenant (`sample`,
/// `dir`) and the sample quoting database in SQLite (`quotes`, account 1), grouped as
/// `company`.
fn three_sample_systems() -> Tenant {
    let t = Test::new();
    t.asset(
        "Events/launch.jpg",
        json!({"360": "jane.d", "361": "Jane Doe", "5": "Product launch"}),
    );
    t.asset("Events/ola.jpg", json!({"80": ["Ola Nordmann"]}));
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |_| {});
    let t = &tenant.t;
    let sample = t.path("sample-copy");
    let from = crate::support::repo_root().join("examples/sample-tenant");
    for entry in walkdir::WalkDir::new(&from)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let relative = entry.path().strip_prefix(&from).expect("inside the sample");
        let target = sample.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder of the copy");
        } else {
            std::fs::copy(entry.path(), &target).expect("a file of the copy");
        }
    }
    t.dsr(["tenant", "add", "sample", "--platform", "dir", "--path"])
        .arg(&sample)
        .args(["--default-region", "NO"])
        .run();
    tenant.dsr(["sync", "--tenant", "sample"]).run();
    let db = t.path("quotes.sqlite");
    let sql = crate::support::repo_root().join("examples/sql");
    rusqlite::Connection::open(&db)
        .expect("a new database")
        .execute_batch(&std::fs::read_to_string(sql.join("quoting.sql")).expect("the script"))
        .expect("the sample loads");
    t.dsr(["tenant", "add", "quotes", "--platform", "sql", "--dataset"])
        .arg(sql.join("quoting.toml"))
        .arg("--url")
        .arg(format!("sqlite://{}", db.display()))
        .args(["--scope", "account_id=1", "--default-region", "NO"])
        .run();
    tenant.dsr(["sync", "--tenant", "quotes"]).run();
    tenant
        .dsr([
            "tenant", "group", "add", "company", "acme", "sample", "quotes",
        ])
        .run();
    for name in ["acme", "sample", "quotes"] {
        t.fill_ropa(name);
    }
    tenant
}

/// Opens a request across the three systems by the login only the DAM knows, and expands
/// it: her name found beside that login, and what her name then finds, are searched in
/// every system. Returns the case id.
fn expanded_case(tenant: &Tenant, right: &str) -> String {
    let opened = tenant
        .dsr(["case", "open", "--group", "company", "--right", right])
        .args([
            "--login",
            "jane.d",
            "--expand-identities",
            "--output",
            "json",
        ])
        .run();
    let json = opened.json();
    for case in json["cases"].as_array().expect("a case per system") {
        assert!(
            !case["matches"].as_array().expect("matches").is_empty(),
            "{}: found once expanded\n{}",
            case["tenant"],
            opened.dump()
        );
    }
    let id = json["id"].as_str().expect("the id").to_owned();
    // The database's medium matches (her name in a quote's free text) are hers: a person
    // reviews them in.
    let quotes = tenant
        .dsr([
            "case", "show", &id, "--tenant", "quotes", "--output", "json",
        ])
        .run()
        .json();
    let mut review = tenant.dsr(["case", "review", &id, "--tenant", "quotes"]);
    for m in quotes["matches"].as_array().expect("matches") {
        review = review.args(["--include", m["asset"].as_str().expect("an id")]);
    }
    review.run();
    id
}

/// Issue #18's acceptance: one person in three systems, found by an identity present in
/// only one of them and expanded to the others; an access package with a section per
/// system, a ZIP with a folder per system, her erasure verified in all three and one case
/// receipt, naming each system receipt's hash, that dsr and ssh-keygen accept.
#[test]
fn one_request_over_the_sample_tenant_the_double_and_the_sample_database() {
    let tenant = three_sample_systems();
    // Her login is known to the DAM only.
    let alone = tenant
        .dsr([
            "locate", "--group", "company", "--login", "jane.d", "--output", "jsonl",
        ])
        .run()
        .jsonl();
    assert_eq!(found(&alone), pairs(&[("acme", "Events/launch.jpg")]));

    let access = expanded_case(&tenant, "access");
    let package = tenant.t.path("jane-access");
    tenant
        .dsr(["access", &access, "--group", "company", "--out"])
        .arg(&package)
        .run();
    let top = package_json(&package, "data.json");
    let systems: Vec<&str> = top["systems"]
        .as_array()
        .expect("a section per system")
        .iter()
        .map(|s| s["tenant"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(systems, ["acme", "sample", "quotes"]);

    let portability = expanded_case(&tenant, "portability");
    let zip = tenant.t.path("jane.zip");
    tenant
        .dsr(["portability", &portability, "--group", "company", "--out"])
        .arg(&zip)
        .run();
    let entries = crate::access::unzip_entries(&zip);
    for name in ["acme", "sample", "quotes"] {
        assert!(
            entries.keys().any(|k| k.starts_with(&format!("{name}/"))),
            "a folder for {name}: {:?}",
            entries.keys().collect::<Vec<_>>()
        );
    }

    let erasure = expanded_case(&tenant, "erasure");
    let out = tenant
        .dsr([
            "erase", &erasure, "--group", "company", "--yes", "--output", "json",
        ])
        .args([
            "--shown-with-others",
            "keep",
            "--reason",
            "group photos stay in the archive",
        ])
        // 4: the sample tenant keeps her order under the bookkeeping hold.
        .status(4)
        .run();
    let json = out.json();
    assert_eq!(
        outcomes(&json),
        pairs(&[("acme", "done"), ("sample", "withheld"), ("quotes", "done")]),
        "{}",
        out.dump()
    );
    let path = std::path::PathBuf::from(json["case_receipt"].as_str().expect("the receipt"));
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("the case receipt")).expect("JSON");
    for system in receipt["systems"].as_array().expect("systems") {
        let own = tenant
            .t
            .data_dir()
            .join(system["receipt"].as_str().expect("where its receipt is"));
        let bytes = std::fs::read(&own).expect("the system's receipt");
        assert_eq!(
            system["receipt_sha256"].as_str(),
            Some(dsr::receipt::sha256_hex(&bytes).as_str())
        );
    }
    let verified = tenant
        .dsr(["receipt", "verify"])
        .arg(&path)
        .args(["--output", "json"])
        .run()
        .json();
    assert_eq!(verified["ok"], true, "{verified:#}");
    ssh_keygen_accepts(&tenant, &path);

    // A fresh search with every identity the case came to hold finds no high match left
    // but her order, withheld as the receipt says.
    let case = tenant
        .dsr([
            "case", "show", &erasure, "--tenant", "sample", "--output", "json",
        ])
        .run()
        .json();
    let mut locate = tenant.dsr(["locate", "--group", "company", "--min-confidence", "high"]);
    for identity in case["identities"].as_array().expect("identities") {
        let kind = identity["kind"].as_str().expect("a kind");
        let value = identity["value"].as_str().expect("a value");
        locate = locate.arg(format!("--{kind}")).arg(value);
    }
    let left = locate.args(["--output", "jsonl"]).any_status().run();
    let found: Vec<String> = left
        .jsonl()
        .iter()
        .map(|h| {
            format!(
                "{} {}",
                h["tenant"].as_str().unwrap_or_default(),
                h["asset"].as_str().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        found,
        ["sample orders/7001"],
        "only her withheld order: {}",
        left.dump()
    );
}

/// The DAM goes down in the middle of a request across systems: the other systems finish,
/// the case receipt names the DAM as not finished and the run ends 3; once the DAM is back,
/// `--resume` completes its part alone, and a fresh search of every system agrees.
#[test]
fn a_system_that_goes_down_mid_run_is_named_and_resume_completes_it_once_it_is_back() {
    let t = Test::new();
    for i in 0..60 {
        t.asset(
            &format!("Staff/jane-{i:03}.jpg"),
            json!({"368": ["Jane Doe"], "5": format!("Portrait {i}")}),
        );
    }
    t.asset("Staff/ola.jpg", json!({"80": ["Ola Nordmann"]}));
    let mut tenant = grouped(
        t,
        |o| o.latency_ms = 20,
        &[("Old/jane.tif", json!({"80": ["Jane Doe"]}))],
    );
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "erasure"])
        .args(["--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned();
    let journal = tenant
        .t
        .tenant_data("acme")
        .join("cases")
        .join(&id)
        .join("erase-journal.jsonl");
    let child = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--jobs", "1", "--output", "json",
        ])
        .command()
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dsr starts");
    while done_steps(&journal).len() < 5 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    tenant.double.as_mut().expect("the double").stop();
    let ended = child.wait_with_output().expect("the run ends");
    let stdout = String::from_utf8_lossy(&ended.stdout);
    let stderr = String::from_utf8_lossy(&ended.stderr);
    assert_eq!(ended.status.code(), Some(3), "{stdout}\n{stderr}");
    let json: Value = serde_json::from_str(&stdout).expect("JSON");
    let by_system = outcomes(&json);
    assert_eq!(by_system[0].0, "acme");
    assert_ne!(by_system[0].1, "done", "{stdout}\n{stderr}");
    assert_eq!(
        by_system[1..],
        pairs(&[("archive", "done"), ("shop", "done")]),
        "{stdout}\n{stderr}"
    );
    let path = json["case_receipt"].as_str().expect("the case receipt");
    let receipt: Value =
        serde_json::from_slice(&std::fs::read(path).expect("the receipt")).expect("JSON");
    assert_eq!(receipt["outcome"], "partial");
    assert_ne!(receipt["systems"][0]["outcome"], "done");

    tenant
        .double
        .as_mut()
        .expect("the double")
        .restart()
        .expect("the double restarts");
    let resumed = tenant
        .dsr([
            "erase", &id, "--group", "company", "--yes", "--resume", "--output", "json",
        ])
        .run();
    let json = resumed.json();
    assert_eq!(
        outcomes(&json),
        pairs(&[("acme", "done"), ("archive", "done"), ("shop", "done")]),
        "{}",
        resumed.dump()
    );
    assert!(
        done_steps(&journal).values().all(|n| *n == 1),
        "no step of the DAM was done twice"
    );
    let path = json["case_receipt"].as_str().expect("the case receipt");
    let verified = tenant
        .dsr(["receipt", "verify", path, "--output", "json"])
        .run()
        .json();
    assert_eq!(
        verified["case_receipts"][0]["outcome"], "done",
        "{verified:#}"
    );
    tenant
        .dsr(["locate", "--group", "company", "--name", "Jane Doe"])
        .status(1)
        .run();
}

/// Several systems of one controller often share one record of processing: each names it,
/// and the access package across them draws every section from it.
#[test]
fn systems_that_share_a_record_of_processing_name_it_once() {
    let tenant = company();
    tenant.t.fill_ropa("acme");
    let id = tenant
        .dsr(["case", "open", "--group", "company", "--right", "access"])
        .args(["--email", "jane.doe@example.com"])
        .run()
        .stdout
        .trim()
        .to_owned();
    // Without a record the others' sections cannot be written.
    let refused = tenant
        .dsr(["access", &id, "--group", "company", "--out"])
        .arg(tenant.t.path("first"))
        .status(2)
        .run();
    assert!(refused.error().contains("archive"), "{}", refused.dump());
    // A name that is not a plain one is refused, and nothing is written.
    let config = std::fs::read_to_string(tenant.t.config_file()).expect("the configuration");
    tenant
        .dsr(["tenant", "edit", "shop", "--ropa", "../acme"])
        .status(2)
        .run();
    assert_eq!(
        std::fs::read_to_string(tenant.t.config_file()).expect("the configuration"),
        config
    );
    for name in ["archive", "shop"] {
        let said = tenant.dsr(["tenant", "edit", name, "--ropa", "acme"]).run();
        assert!(
            said.stderr.contains("record of processing 'acme'"),
            "{}",
            said.dump()
        );
    }
    let shown = tenant.dsr(["tenant", "ropa", "shop"]).run();
    assert!(shown.stdout.contains("acme.toml"), "{}", shown.dump());
    let package = tenant.t.path("jane-access");
    tenant
        .dsr(["access", &id, "--group", "company", "--out"])
        .arg(&package)
        .run();
    let controllers: Vec<Value> = ["acme", "archive", "shop"]
        .iter()
        .map(|name| package_json(&package, &format!("{name}/data.json"))["controller"].clone())
        .collect();
    assert!(controllers[0].is_object(), "{controllers:?}");
    assert!(
        controllers.iter().all(|c| *c == controllers[0]),
        "one record, every section: {controllers:?}"
    );
}

/// A subject found in many records that each hold another number (a client company's on
/// every client row) is not buried under them: a few are announced, `case show` lists all.
#[test]
fn many_identities_found_along_the_way_are_announced_a_few_and_listed_all() {
    let t = Test::new();
    let assets: Vec<(String, Value)> = (0..7)
        .map(|i| {
            (
                format!("Press/story-{i}.jpg"),
                json!({"308": ["jane.doe@example.com"], "309": [format!("+47 400 00 1{i:02}")]}),
            )
        })
        .collect();
    let refs: Vec<(&str, Value)> = assets
        .iter()
        .map(|(id, v)| (id.as_str(), v.clone()))
        .collect();
    dir_tenant(&t, "press", &refs);
    t.dsr(["sync", "--tenant", "press"]).run();
    let opened = t
        .dsr(["case", "open", "--tenant", "press", "--right", "access"])
        .args(["--email", "jane.doe@example.com"])
        .run();
    assert!(
        opened
            .stderr
            .contains("Also found: 7 identities beside hers"),
        "{}",
        opened.dump()
    );
    assert_eq!(
        opened.stderr.matches("Also found: phone:").count(),
        5,
        "{}",
        opened.dump()
    );
    let id = opened.stdout.trim();
    let shown = t
        .dsr(["case", "show", id, "--tenant", "press", "--output", "json"])
        .run()
        .json();
    assert_eq!(proposed(&shown).len(), 7);
}

/// A dry run over a list whose requests an earlier (refused) run opened changes none of
/// their cases: what it finds stays in memory.
#[test]
fn a_dry_run_over_a_list_changes_no_case_an_earlier_run_opened() {
    let tenant = company();
    let leavers = tenant.t.path("leavers.csv");
    std::fs::write(&leavers, "email,reference\njane.doe@example.com,HR-1\n").expect("the list");
    tenant
        .dsr(["erase", "--group", "company", "--from"])
        .arg(&leavers)
        .status(4)
        .run();
    let cases = |name: &str| -> Vec<(std::path::PathBuf, Vec<u8>)> {
        walkdir::WalkDir::new(tenant.t.tenant_data(name).join("cases"))
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().to_owned(),
                    std::fs::read(e.path()).expect("a file"),
                )
            })
            .collect()
    };
    // Opening or searching a case for the list is audited as such; a dry run does neither.
    let searched = || {
        std::fs::read_to_string(tenant.t.data_dir().join("audit.jsonl"))
            .unwrap_or_default()
            .matches("case open --from")
            .count()
    };
    let before: Vec<_> = ["acme", "archive", "shop"]
        .iter()
        .map(|n| cases(n))
        .collect();
    assert!(
        before.iter().all(|c| !c.is_empty()),
        "the refused run opened them"
    );
    let audited = searched();
    assert!(audited > 0);
    tenant
        .dsr(["erase", "--group", "company", "--dry-run", "--from"])
        .arg(&leavers)
        .run();
    let after: Vec<_> = ["acme", "archive", "shop"]
        .iter()
        .map(|n| cases(n))
        .collect();
    assert_eq!(before, after, "a dry run changes no case");
    assert_eq!(
        searched(),
        audited,
        "a dry run records no case search of the list"
    );
}
