//! The sample databases of `examples/sql/` (a quoting service, a photo studio) load into
//! SQLite, PostgreSQL and MariaDB as they are, and a whole erasure runs on each: sync,
//! locate, erase, a fresh locate, the receipt.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::sql::{Db, Kind};
use crate::support::{Test, repo_root};

const JANE: [&str; 6] = [
    "--email",
    "jane.doe@example.com",
    "--name",
    "Jane Doe",
    "--phone",
    "+4791234567",
];

/// The files the studio sample's rows name, with their contents.
pub const STUDIO_FILES: [(&str, &str); 6] = [
    ("galleries/1/0001.jpg", "church"),
    ("galleries/1/0002.jpg", "guests"),
    ("galleries/2/0001.jpg", "window"),
    ("galleries/3/0001.jpg", "family"),
    ("contracts/1.pdf", "contract of Jane Doe"),
    ("contracts/2.pdf", "contract of Ingrid Lie"),
];

/// Copies `examples/sql/NAME.toml` into the test's folder `sample/` and, for the studio,
/// writes the files its rows name into `sample/studio-files/`, the store the dataset names
/// relative to itself. Answers the dataset's path.
pub fn sample_dataset(t: &Test, name: &str) -> std::path::PathBuf {
    let dir = t.path("sample");
    std::fs::create_dir_all(&dir).expect("the sample folder");
    let dataset = dir.join(format!("{name}.toml"));
    std::fs::copy(
        repo_root()
            .join("examples/sql")
            .join(format!("{name}.toml")),
        &dataset,
    )
    .expect("the dataset");
    if name == "studio" {
        for (key, contents) in STUDIO_FILES {
            let path = dir.join("studio-files").join(key);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder");
            std::fs::write(path, contents).expect("a file");
        }
    }
    dataset
}

/// Loads `examples/sql/NAME.sql` and adds it as tenant `acme` with its dataset.
pub fn sample(t: &Test, kind: Kind, name: &str, scope: Option<&str>) -> Option<Db> {
    let dir = repo_root().join("examples/sql");
    let script = std::fs::read_to_string(dir.join(format!("{name}.sql"))).expect("the script");
    let db = Db::new(t, kind, &script)?;
    let mut add = t
        .dsr(["tenant", "add", "acme", "--platform", "sql", "--dataset"])
        .arg(sample_dataset(t, name))
        .args(["--url", &db.url]);
    if let Some(scope) = scope {
        add = add.args(["--scope", scope]);
    }
    add.run();
    Some(db)
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

/// Opens an erasure case for Jane with every hit reviewed in, erases it and answers the
/// receipt's outcome per asset (the run's agreement with a fresh locate is checked by
/// the harness).
fn erase_jane(t: &Test, hits: &[String]) -> BTreeMap<String, String> {
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    let mut review = t.dsr(["case", "review", &case]);
    for id in hits {
        review = review.args(["--include", id]);
    }
    review.run();
    let done = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run()
        .json();
    assert!(!done.to_string().contains("\"failed\""), "{done:#}");
    let receipt = t.latest_receipt(&case);
    let receipts = t
        .tenant_data("acme")
        .join("cases")
        .join(&case)
        .join("receipts");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&receipts)
        .expect("the receipts")
        .flatten()
        .map(|e| e.path().join("receipt.json"))
        .collect();
    t.dsr(["receipt", "verify"]).args(&files).run();
    receipt["assets"]
        .as_array()
        .expect("assets in the receipt")
        .iter()
        .map(|a: &Value| {
            (
                a["asset"].as_str().expect("an id").to_owned(),
                a["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect()
}

macro_rules! on_each_database {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name(super::Kind::Sqlite)
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                super::$name(super::Kind::Postgres)
            })*
        }
        mod mariadb {
            $(#[test]
            fn $name() {
                super::$name(super::Kind::Mariadb)
            })*
        }
    };
}

on_each_database!(
    the_quoting_sample_erases_her_in_one_account_only,
    the_studio_sample_erases_her_and_keeps_what_the_law_keeps,
    the_generated_quoting_service_loads_and_finds_her_rows,
    her_access_package_shows_her_client_its_quotes_and_their_lines,
);

const QUOTING_TABLES: [&str; 6] = [
    "users",
    "clients",
    "contacts",
    "quotes",
    "quote_lines",
    "activity_log",
];

/// Jane is a client's contact in account 1 and a user in account 2: erased in account 1,
/// she stays untouched in account 2.
fn the_quoting_sample_erases_her_in_one_account_only(kind: Kind) {
    let t = Test::new();
    let Some(db) = sample(&t, kind, "quoting", Some("account_id=1")) else {
        return;
    };
    let other_account = |db: &Db| -> Vec<Vec<String>> {
        QUOTING_TABLES
            .iter()
            .map(|table| {
                db.select(&format!(
                    "SELECT * FROM {table} WHERE account_id = 2 ORDER BY 1, 2"
                ))
            })
            .collect()
    };
    let before = other_account(&db);
    t.sync(&[]);
    let hits = located(&t);
    assert_eq!(
        hits,
        [
            "activity_log/1",
            "clients/1",
            "contacts/1",
            "quote_lines/10/1",
            "quotes/10"
        ]
    );
    let outcomes = erase_jane(&t, &hits);
    assert_eq!(outcomes["contacts/1"], "deleted", "{outcomes:?}");
    assert_eq!(outcomes["activity_log/1"], "deleted", "{outcomes:?}");
    assert_eq!(outcomes["quotes/10"], "scrubbed", "{outcomes:?}");
    assert_eq!(
        db.select("SELECT email, phone, company FROM clients WHERE id = 1"),
        ["NULL|NULL|Doe Consulting"]
    );
    assert_eq!(
        db.select("SELECT attention, notes FROM quotes WHERE id = 10"),
        ["NULL|[redacted] wants matte paper."]
    );
    assert_eq!(
        db.select("SELECT description FROM quote_lines WHERE quote_id = 10 AND line_no = 1"),
        ["500 cards for [redacted], matte"]
    );
    assert!(db.select("SELECT id FROM contacts WHERE id = 1").is_empty());
    assert_eq!(other_account(&db), before, "account 2 is untouched");
    t.sync(&[]);
    assert!(located(&t).is_empty());
}

/// The access package shows the rows that point at hers under the record they point at,
/// labelled by the dataset: her client record, under it its quotes, under each quote its
/// lines, in the data file and on the page in every language.
fn her_access_package_shows_her_client_its_quotes_and_their_lines(kind: Kind) {
    let t = Test::new();
    let Some(_db) = sample(&t, kind, "quoting", Some("account_id=1")) else {
        return;
    };
    t.sync(&[]);
    t.fill_ropa("acme");
    let case = t
        .dsr(["case", "open", "--right", "access"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["case", "review", &case, "--include", "clients/1"])
        .run();
    for lang in ["en", "de", "nb"] {
        let out = t.path(format!("package-{lang}"));
        t.dsr(["access", &case, "--lang", lang, "--out"])
            .arg(&out)
            .run();
        let data: Value = serde_json::from_str(
            &std::fs::read_to_string(out.join("data.json")).expect("data.json"),
        )
        .expect("data.json is JSON");
        let ids = |assets: &Value| -> Vec<String> {
            assets
                .as_array()
                .map(|all| {
                    let mut ids: Vec<String> = all
                        .iter()
                        .map(|a| a["id"].as_str().unwrap_or_default().to_owned())
                        .collect();
                    ids.sort();
                    ids
                })
                .unwrap_or_default()
        };
        let top = ids(&data["assets"]);
        assert!(top.contains(&"clients/1".to_owned()), "{data:#}");
        for nested in [
            "contacts/1",
            "quotes/10",
            "quote_lines/10/1",
            "quote_lines/10/2",
        ] {
            assert!(
                !top.contains(&nested.to_owned()),
                "{nested} is nested: {data:#}"
            );
        }
        let find = |assets: &Value, id: &str| -> Value {
            assets
                .as_array()
                .and_then(|all| all.iter().find(|a| a["id"] == id))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let client = find(&data["assets"], "clients/1");
        assert_eq!(
            ids(&client["related"]),
            ["contacts/1", "quotes/10"],
            "{client:#}"
        );
        let quote = find(&client["related"], "quotes/10");
        assert_eq!(quote["archive_label"], "Quotes", "{quote:#}");
        assert_eq!(quote["points_at"]["id"], "clients/1", "{quote:#}");
        assert_eq!(
            quote["points_at"]["through"],
            serde_json::json!(["Quotes · client_id"]),
            "{quote:#}"
        );
        assert_eq!(
            ids(&quote["related"]),
            ["quote_lines/10/1", "quote_lines/10/2"],
            "{quote:#}"
        );
        let line = find(&quote["related"], "quote_lines/10/2");
        assert_eq!(line["archive_label"], "Quote lines", "{line:#}");
        assert_eq!(line["points_at"]["id"], "quotes/10", "{line:#}");
        assert_eq!(
            line["points_at"]["through"],
            serde_json::json!(["Quote lines · quote_id"]),
            "{line:#}"
        );
        assert_eq!(line["points_at_theirs"], true, "{line:#}");
        assert_eq!(data["asset_count"], 5, "{data:#}");
        // Nothing else of the account: another client's quote and its lines.
        let text = data.to_string();
        for id in ["quotes/11", "quote_lines/11/1", "clients/2"] {
            assert!(!text.contains(id), "{id} is not hers: {text}");
        }
        let schema: Value = serde_json::from_slice(
            &std::fs::read(out.join("data.schema.json")).expect("the schema"),
        )
        .expect("the schema is JSON");
        let validator = jsonschema::validator_for(&schema).expect("a valid schema");
        let errors: Vec<String> = validator
            .iter_errors(&data)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        // On the page, each quote sits inside her client's card, each line inside its
        // quote's, said in the package's language with the dataset's labels.
        let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {html}"))
        };
        let (client_at, quote_at, line_at) = (
            at("Clients"),
            at("Quotes · client_id"),
            at("Quote lines · quote_id"),
        );
        assert!(client_at < quote_at && quote_at < line_at, "{html}");
        let nested_cards = html.matches("class=\"related\"").count();
        assert_eq!(nested_cards, 2, "the client's and the quote's: {html}");
        let said = match lang {
            "en" => "It points at the record it is shown under",
            "de" => "Er verweist auf den Datensatz, unter dem er steht",
            _ => "Den viser til posten den står under",
        };
        assert!(html.contains(said), "{lang}: {html}");
    }
}

/// Her client row is masked (contracts and invoices kept by law point at it), the photos
/// showing her deleted, gallery titles scrubbed, the contract and invoice withheld.
fn the_studio_sample_erases_her_and_keeps_what_the_law_keeps(kind: Kind) {
    let t = Test::new();
    let Some(db) = sample(&t, kind, "studio", None) else {
        return;
    };
    t.sync(&[]);
    let hits = located(&t);
    assert_eq!(
        hits,
        [
            "clients/1",
            "contracts/1",
            "galleries/1",
            "galleries/2",
            "invoices/1",
            "photos/1",
            "photos/3"
        ]
    );
    let outcomes = erase_jane(&t, &hits);
    assert_eq!(outcomes["contracts/1"], "withheld", "{outcomes:?}");
    assert_eq!(outcomes["invoices/1"], "withheld", "{outcomes:?}");
    assert_eq!(outcomes["photos/1"], "deleted", "{outcomes:?}");
    assert_eq!(outcomes["clients/1"], "scrubbed", "{outcomes:?}");
    let client = db.select("SELECT full_name, email, phone FROM clients WHERE id = 1");
    let [client] = client.as_slice() else {
        panic!("her row stays: {client:?}");
    };
    assert!(
        client.starts_with("[erased]|erased-") && client.ends_with("@invalid|NULL"),
        "{client}"
    );
    assert_eq!(
        db.select("SELECT title FROM galleries ORDER BY id"),
        [
            "Wedding of [redacted] and Ola Nordmann",
            "Portraits for [redacted]",
            "Family day"
        ]
    );
    assert_eq!(db.select("SELECT id FROM photos ORDER BY id"), ["2", "4"]);
    // The deleted photos' files went with their rows; the others and the kept contract's
    // file stay.
    let store = t.path("sample/studio-files");
    for (key, there) in [
        ("galleries/1/0001.jpg", false),
        ("galleries/2/0001.jpg", false),
        ("galleries/1/0002.jpg", true),
        ("galleries/3/0001.jpg", true),
        ("contracts/1.pdf", true),
    ] {
        assert_eq!(store.join(key).exists(), there, "{key}");
    }
    assert_eq!(
        db.select("SELECT billed_to FROM invoices WHERE id = 1"),
        ["Jane Doe"]
    );
    t.sync(&[]);
    assert_eq!(located(&t), ["contracts/1", "invoices/1"]);
}

/// `dsr generate-tenant --sql` writes the quoting service with N rows, which loads into
/// each database and syncs whole; Jane's rows are where the generator put them.
fn the_generated_quoting_service_loads_and_finds_her_rows(kind: Kind) {
    let t = Test::new();
    let out = t.path("generated");
    t.dsr(["generate-tenant", "--sql", "--assets", "3000", "--out"])
        .arg(&out)
        .run();
    let script = std::fs::read_to_string(out.join("quoting.sql")).expect("the script");
    let Some(db) = Db::new(&t, kind, &script) else {
        return;
    };
    t.dsr(["tenant", "add", "acme", "--platform", "sql", "--dataset"])
        .arg(out.join("quoting.toml"))
        .args(["--url", &db.url, "--scope", "account_id=1"])
        .run();
    t.sync(&[]);
    let rows: usize = [
        "clients",
        "contacts",
        "quotes",
        "quote_lines",
        "activity_log",
    ]
    .iter()
    .map(|table| {
        db.select(&format!(
            "SELECT account_id FROM {table} WHERE account_id = 1"
        ))
        .len()
    })
    .sum();
    assert!(rows > 1000, "account 1 holds {rows} rows");
    // 3000 rows make 498 units, a tenth of them Jane's: 49 of each of five tables.
    let hits = t
        .dsr([
            "locate",
            "--email",
            "jane.doe@example.com",
            "--name",
            "Jane Doe",
        ])
        .hits();
    let mut ids: Vec<String> = hits
        .iter()
        .map(|hit| hit["asset"].as_str().expect("an id").to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 49 * 5, "{ids:?}");
}

/// The changes a statement log shows committed, in order: each UPDATE or DELETE with its
/// parameters, kept only when its transaction's COMMIT follows (a transaction cut short by
/// the kill is rolled back by the server, and its statements never took effect) and no
/// ROLLBACK TO SAVEPOINT undid it (a row refused alone within the run's transaction).
fn committed_changes(statements: &[(String, String)]) -> Vec<(String, String)> {
    let mut committed = Vec::new();
    let mut open: Vec<(String, String)> = Vec::new();
    // Where each open savepoint began in `open`.
    let mut savepoints: Vec<usize> = Vec::new();
    for (statement, parameters) in statements {
        let verb = statement.trim_start().to_ascii_uppercase();
        if verb.starts_with("SAVEPOINT") {
            savepoints.push(open.len());
        } else if verb.starts_with("RELEASE") {
            savepoints.pop();
        } else if verb.starts_with("ROLLBACK TO") {
            // The savepoint stays until its RELEASE.
            open.truncate(savepoints.last().copied().unwrap_or(0));
        } else if verb.starts_with("BEGIN") || verb.starts_with("ROLLBACK") {
            open.clear();
            savepoints.clear();
        } else if verb.starts_with("COMMIT") {
            committed.append(&mut open);
            savepoints.clear();
        } else if verb.starts_with("UPDATE") || verb.starts_with("DELETE") {
            open.push((statement.clone(), parameters.clone()));
        }
    }
    committed
}

/// kill -9 in the middle of an erasure of 300 rows of the generated quoting service on
/// PostgreSQL, then `--resume`: the run's changes are one transaction, so the kill leaves
/// none of them (or, had the commit been made, all), and the server's statement log shows
/// every row's change committed exactly once; the summary, the receipt and a fresh locate
/// agree.
#[test]
fn a_killed_erasure_on_postgres_resumes_and_no_change_runs_twice() {
    let t = Test::new();
    let out = t.path("generated");
    // 3,600 rows: 598 units, a tenth of them Jane's (59 of each of five tables).
    t.dsr(["generate-tenant", "--sql", "--assets", "3600", "--out"])
        .arg(&out)
        .run();
    let script = std::fs::read_to_string(out.join("quoting.sql")).expect("the script");
    let Some(db) = Db::new(&t, Kind::Postgres, &script) else {
        return;
    };
    t.dsr(["tenant", "add", "acme", "--platform", "sql", "--dataset"])
        .arg(out.join("quoting.toml"))
        .args(["--url", &db.url, "--scope", "account_id=1"])
        .run();
    t.sync(&[]);
    let jane = ["--email", "jane.doe@example.com", "--name", "Jane Doe"];
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(jane)
        .run()
        .stdout
        .trim()
        .to_owned();
    // Her free-text mentions (quote lines, the log) are medium matches: reviewed in.
    let mut review = t.dsr(["case", "review", &case]);
    for hit in t.dsr(["locate"]).args(jane).hits() {
        review = review.args(["--include", hit["asset"].as_str().expect("an id")]);
    }
    review.run();
    let journal_path = t
        .tenant_data("acme")
        .join("cases")
        .join(&case)
        .join("erase-journal.jsonl");
    let begun_steps = || {
        std::fs::read_to_string(&journal_path)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|l| l["event"] == "intent")
            .count()
    };
    let mut child = t
        .dsr(["erase", &case, "--yes", "--jobs", "1"])
        .command()
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dsr starts");
    while begun_steps() < 20 {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            panic!("the erasure ended ({status}) before it could be killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("the killed child is reaped");
    let at_kill = committed_changes(&db.statements().expect("the server's log")).len();
    assert!(
        at_kill == 0 || at_kill == 59 * 5,
        "killed midway: {at_kill} changes committed, neither none nor all"
    );

    let resumed = t
        .dsr(["erase", &case, "--resume", "--yes", "-o", "json"])
        .run()
        .json();
    assert!(!resumed.to_string().contains("\"failed\""), "{resumed:#}");
    let changes = committed_changes(&db.statements().expect("the server's log"));
    let mut seen = std::collections::BTreeSet::new();
    for change in &changes {
        assert!(seen.insert(change), "committed twice: {change:?}");
    }
    // Each of her 295 rows changed once: contacts and log entries deleted, clients,
    // quotes and quote lines scrubbed.
    assert_eq!(changes.len(), 59 * 5, "{changes:#?}");
    let receipt = t.latest_receipt(&case);
    let outcomes: Vec<&str> = receipt["assets"]
        .as_array()
        .expect("assets in the receipt")
        .iter()
        .filter_map(|a| a["outcome"].as_str())
        .collect();
    assert_eq!(outcomes.len(), 59 * 5, "{receipt:#}");
    assert!(
        outcomes.iter().all(|o| *o == "deleted" || *o == "scrubbed"),
        "{outcomes:?}"
    );
    t.sync(&[]);
    assert!(t.dsr(["locate"]).args(jane).hits().is_empty());
}
