//! The `sql` platform on a SQLite database described by a dataset file: rows are assets,
//! every query is scoped to one customer, and erasure deletes, scrubs or keeps each row as
//! the dataset says, children before parents.

use std::path::PathBuf;

use rusqlite::Connection;
use serde_json::Value;

use crate::dbserver;
use crate::support::Test;

/// The odd column name is there to show that names are quoted, never spliced in.
const SCHEMA: &str = r#"
CREATE TABLE clients (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, email TEXT, name TEXT);
CREATE TABLE quotes (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL REFERENCES clients(id), note TEXT);
CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, billed_to TEXT);
CREATE TABLE notes (client_id INTEGER NOT NULL, n INTEGER NOT NULL, customer_id INTEGER NOT NULL,
    author TEXT NOT NULL, "x""; DROP TABLE clients; --" TEXT, PRIMARY KEY (client_id, n));
-- Customer 42 is the tenant; customer 7 has a client with the same e-mail and name.
INSERT INTO clients VALUES (1, 42, 'jane.doe@example.com', 'Jane Doe'), (3, 42, 'ola@example.com', 'Ola Nordmann'),
    (2, 7, 'jane.doe@example.com', 'Jane Doe');
INSERT INTO quotes VALUES (10, 42, 1, 'Call Jane Doe on Monday'), (11, 42, 3, 'Ola wants prints'),
    (20, 7, 2, 'Call Jane Doe on Monday');
INSERT INTO invoices VALUES (100, 42, 'Jane Doe'), (200, 7, 'Jane Doe');
INSERT INTO notes VALUES (1, 1, 42, 'Jane Doe', 'Jane Doe called about her quote'),
    (2, 1, 7, 'Jane Doe', 'Jane Doe called about her quote');
"#;

const DATASET: &str = r#"
scope = "customer_id"

[tables.clients]
label = "Clients"
key = ["id"]
erase = "delete"
columns = { email = "email", name = "person" }

[tables.quotes]
key = ["id"]
erase = "delete"
columns = { note = "text" }

[tables.invoices]
key = ["id"]
erase = "keep"
reason = "bookkeeping law: invoices are kept for five years"
columns = { billed_to = "person" }

[tables.notes]
key = ["client_id", "n"]
erase = "scrub"
[tables.notes.columns]
author = "person"
'x"; DROP TABLE clients; --' = "text"
# author is NOT NULL: a cleared author gets this text instead.
[tables.notes.masks]
author = "text:(erased)"
"#;

const JANE: [&str; 4] = ["--email", "jane.doe@example.com", "--name", "Jane Doe"];

/// The databases one scenario runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
    Mariadb,
}

/// One test's database, of one kind, and the URL dsr reaches it at.
pub struct Db {
    pub url: String,
    sqlite: Option<PathBuf>,
    postgres: Option<(&'static dbserver::Postgres, String)>,
    mariadb: Option<(&'static dbserver::Mariadb, String)>,
}

impl Db {
    /// A new database with `schema`. `None` (the reason printed) when the server is not
    /// installed and this is not CI.
    pub fn new(t: &Test, kind: Kind, schema: &str) -> Option<Db> {
        match kind {
            Kind::Sqlite => {
                let path = t.path("shop.sqlite");
                Connection::open(&path)
                    .expect("a new database")
                    .execute_batch(schema)
                    .expect("the schema");
                Some(Db {
                    url: format!("sqlite://{}", path.display()),
                    sqlite: Some(path),
                    postgres: None,
                    mariadb: None,
                })
            }
            Kind::Postgres => {
                let server = dbserver::postgres()?;
                let name = server.database();
                server
                    .client(&name)
                    .expect("a connection")
                    .batch_execute(schema)
                    .expect("the schema");
                Some(Db {
                    url: format!(
                        "postgres://{}@127.0.0.1:{}/{name}",
                        dbserver::USER,
                        server.port
                    ),
                    sqlite: None,
                    postgres: Some((server, name)),
                    mariadb: None,
                })
            }
            Kind::Mariadb => {
                use mysql::prelude::Queryable as _;
                let server = dbserver::mariadb()?;
                let name = server.database();
                server
                    .client(Some(&name))
                    .query_drop(schema)
                    .expect("the schema");
                Some(Db {
                    url: format!(
                        "mariadb://{}@127.0.0.1:{}/{name}",
                        dbserver::USER,
                        server.port
                    ),
                    sqlite: None,
                    postgres: None,
                    mariadb: Some((server, name)),
                })
            }
        }
    }

    /// A connection of its own to a PostgreSQL database (`None` for the other kinds), for a
    /// test that holds a lock while dsr runs.
    pub fn postgres_client(&self) -> Option<::postgres::Client> {
        let (server, name) = self.postgres.as_ref()?;
        Some(server.client(name).expect("a connection"))
    }

    /// Runs statements as the database's owner.
    pub fn execute(&self, sql: &str) {
        if let Some((server, name)) = &self.mariadb {
            use mysql::prelude::Queryable as _;
            return server
                .client(Some(name))
                .query_drop(sql)
                .expect("the statements");
        }
        match (&self.sqlite, &self.postgres) {
            (Some(path), _) => Connection::open(path)
                .expect("the database")
                .execute_batch(sql)
                .expect("the statements"),
            (_, Some((server, name))) => server
                .client(name)
                .expect("a connection")
                .batch_execute(sql)
                .expect("the statements"),
            _ => unreachable!("a database of some kind"),
        }
    }

    /// Rows of a query, each as its values joined by `|` (NULL as `NULL`).
    pub fn select(&self, sql: &str) -> Vec<String> {
        if let Some((server, name)) = &self.mariadb {
            use mysql::prelude::Queryable as _;
            let rows: Vec<mysql::Row> = server.client(Some(name)).query(sql).expect("rows");
            return rows
                .into_iter()
                .map(|row| {
                    row.unwrap()
                        .into_iter()
                        .map(|value| match value {
                            mysql::Value::NULL => "NULL".to_owned(),
                            mysql::Value::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
                            other => other.as_sql(true),
                        })
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect();
        }
        match (&self.sqlite, &self.postgres) {
            (Some(path), _) => {
                let conn = Connection::open(path).expect("the database");
                let mut statement = conn.prepare(sql).expect("a query");
                let width = statement.column_count();
                statement
                    .query_map([], |row| {
                        (0..width)
                            .map(|i| {
                                row.get::<_, rusqlite::types::Value>(i).map(|v| match v {
                                    rusqlite::types::Value::Null => "NULL".to_owned(),
                                    rusqlite::types::Value::Integer(i) => i.to_string(),
                                    rusqlite::types::Value::Real(f) => f.to_string(),
                                    rusqlite::types::Value::Text(t) => t,
                                    rusqlite::types::Value::Blob(b) => format!("{b:?}"),
                                })
                            })
                            .collect::<Result<Vec<_>, _>>()
                            .map(|v| v.join("|"))
                    })
                    .expect("rows")
                    .collect::<Result<_, _>>()
                    .expect("readable rows")
            }
            (_, Some((server, name))) => server
                .client(name)
                .expect("a connection")
                .simple_query(sql)
                .expect("rows")
                .into_iter()
                .filter_map(|message| match message {
                    ::postgres::SimpleQueryMessage::Row(row) => Some(
                        (0..row.len())
                            .map(|i| row.get(i).unwrap_or("NULL").to_owned())
                            .collect::<Vec<_>>()
                            .join("|"),
                    ),
                    _ => None,
                })
                .collect(),
            _ => unreachable!("a database of some kind"),
        }
    }

    /// Every row of a table, for comparing before and after.
    pub fn rows(&self, table: &str) -> Vec<String> {
        self.select(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
    }

    /// The rows of another customer (7) in a table of the shop.
    fn others(&self, table: &str) -> Vec<String> {
        self.select(&format!(
            "SELECT * FROM {table} WHERE customer_id = 7 ORDER BY 1, 2"
        ))
    }

    /// The URL of the same database for another user.
    fn url_as(&self, user: &str) -> String {
        self.url
            .replacen(&format!("//{}@", dbserver::USER), &format!("//{user}@"), 1)
    }

    /// The URL of the same database through the server's Unix socket, where TLS is not
    /// required either.
    fn socket_url(&self) -> Option<String> {
        if let Some((server, name)) = &self.postgres {
            let dir = server.dir.display().to_string().replace('/', "%2F");
            return Some(format!(
                "postgres://{}@{dir}:{}/{name}",
                dbserver::USER,
                server.port
            ));
        }
        let (server, name) = self.mariadb.as_ref()?;
        Some(format!(
            "mariadb://{}@localhost/{name}?socket={}",
            dbserver::USER,
            server.dir.join("mysqld.sock").display()
        ))
    }

    /// The database's name on its server.
    fn name(&self) -> &str {
        match (&self.postgres, &self.mariadb) {
            (Some((_, name)), _) | (_, Some((_, name))) => name,
            _ => "",
        }
    }

    /// The statements the server logged for this database, each with its parameters
    /// (PostgreSQL's `$1 = '42'`; MariaDB's log shows the values in place).
    pub fn statements(&self) -> Option<Vec<(String, String)>> {
        if let Some((server, name)) = &self.mariadb {
            return Some(
                server
                    .statements(name)
                    .into_iter()
                    .map(|s| (s, String::new()))
                    .collect(),
            );
        }
        let (server, name) = self.postgres.as_ref()?;
        Some(server.statements(name))
    }
}

/// The shop's database and dataset file.
fn database(t: &Test, kind: Kind) -> Option<Db> {
    std::fs::write(t.path("shop.toml"), DATASET).expect("the dataset");
    Db::new(t, kind, SCHEMA)
}

fn add(t: &Test, db: &Db) {
    t.dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .args(["--url", &db.url])
        .args(["--scope", "customer_id=42"])
        .run();
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
    ids
}

/// Each test runs on every database kind: `sql::sqlite::NAME`, `sql::postgres::NAME`.
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
    a_scoped_database_is_located_and_erased_as_the_dataset_says,
    a_dataset_naming_a_missing_column_is_refused_with_its_place,
    a_row_others_point_at_is_not_deleted_behind_the_plan,
    tenant_check_reports_each_table,
    access_and_portability_export_only_the_scope_rows,
    a_cycle_of_foreign_keys_among_deleted_tables_is_refused_named,
    a_scoped_dataset_is_refused_without_its_scope,
    a_null_mask_on_a_not_null_column_is_refused_at_tenant_add,
    a_row_of_another_customer_pointing_at_hers_blocks_its_deletion,
    a_table_with_a_change_column_is_synced_from_its_watermark,
    a_row_changed_in_a_table_without_change_column_is_updated,
    a_row_deleted_as_another_is_added_leaves_the_index,
    a_row_added_with_an_old_change_time_is_found,
    a_table_without_the_scope_column_is_scoped_through_its_keys,
    rows_that_point_at_hers_are_in_her_access_package,
);

/// Every statement dsr sent that reads or changes a table of the shop carries the scope
/// `"customer_id" = $n` with 42 bound to it (PostgreSQL's statement log).
fn assert_every_statement_scoped(db: &Db) {
    assert_statements_scoped(
        db,
        &["clients", "quotes", "invoices", "notes"],
        &[
            "DELETE FROM \"clients\"",
            "DELETE FROM \"quotes\"",
            "UPDATE \"notes\"",
        ],
    );
}

/// Every statement dsr sent that reads or changes one of `tables` carries the scope with
/// 42 bound to it, and the log holds each of `changes`.
fn assert_statements_scoped(db: &Db, tables: &[&str], changes: &[&str]) {
    let Some(statements) = db.statements() else {
        return;
    };
    let mut checked = 0;
    for (statement, parameters) in &statements {
        let touches = tables
            .iter()
            .any(|table| statement.contains(&format!("\"{table}\"")));
        if !touches {
            continue;
        }
        checked += 1;
        if parameters.is_empty() {
            // Values in place, as MariaDB's log writes an executed statement.
            assert!(
                statement.contains("\"customer_id\" = '42'"),
                "a statement without the scope: {statement}"
            );
            continue;
        }
        let number = statement
            .split_once("\"customer_id\" = $")
            .map(|(_, rest)| {
                rest.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .unwrap_or_else(|| panic!("a statement without the scope: {statement}"));
        assert!(
            parameters.contains(&format!("${number} = '42'")),
            "the scope is bound to 42: {statement} with {parameters}"
        );
    }
    assert!(
        checked > 10,
        "the log holds dsr's statements: {statements:#?}"
    );
    // The erasure's own changes were among them.
    for change in changes {
        assert!(
            statements.iter().any(|(s, _)| s.starts_with(change)),
            "the log holds {change}: {statements:#?}"
        );
    }
}

fn a_scoped_database_is_located_and_erased_as_the_dataset_says(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    add(&t, &db);
    t.sync(&[]);
    // Customer 7's Jane is never found: every query carries customer_id = 42.
    assert_eq!(
        located(&t),
        ["clients/1", "invoices/100", "notes/1/1", "quotes/10"]
    );
    let others_before: Vec<Vec<String>> = ["clients", "quotes", "invoices", "notes"]
        .iter()
        .map(|table| db.others(table))
        .collect();

    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    // Free-text mentions are medium matches: a person confirms them.
    t.dsr([
        "case",
        "review",
        &case,
        "--include",
        "quotes/10",
        "--include",
        "notes/1/1",
    ])
    .run();
    let done = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run()
        .json();
    // Children before parents: the quote goes before the client it points at.
    let order: Vec<&str> = done["plan"]["steps"]
        .as_array()
        .expect("planned steps")
        .iter()
        .filter_map(|s| s["asset"].as_str())
        .collect();
    let position = |id: &str| order.iter().position(|a| *a == id);
    assert!(position("quotes/10") < position("clients/1"), "{order:?}");
    let steps = &done["report"]["steps"];
    let outcome = |asset: &str| -> Value {
        steps
            .as_array()
            .expect("steps")
            .iter()
            .find(|s| s["asset"] == asset)
            .unwrap_or_else(|| panic!("no step for {asset} in {done:#}"))
            .clone()
    };
    assert_eq!(outcome("clients/1")["action"], "delete", "{done:#}");
    assert_eq!(outcome("quotes/10")["action"], "delete", "{done:#}");
    assert_eq!(outcome("notes/1/1")["action"], "scrub", "{done:#}");
    assert_eq!(outcome("invoices/100")["action"], "withheld", "{done:#}");
    assert!(!steps.to_string().contains("\"failed\""), "{done:#}");

    // The rows are as the dataset says: deleted, scrubbed with the mask, kept.
    assert_eq!(
        db.rows("clients"),
        [
            "2|7|jane.doe@example.com|Jane Doe",
            "3|42|ola@example.com|Ola Nordmann"
        ]
    );
    let notes = db.rows("notes");
    assert!(
        notes.contains(&"1|1|42|(erased)|[redacted] called about her quote".to_owned()),
        "{notes:?}"
    );
    assert!(db.rows("invoices").contains(&"100|42|Jane Doe".to_owned()));
    let others_after: Vec<Vec<String>> = ["clients", "quotes", "invoices", "notes"]
        .iter()
        .map(|table| db.others(table))
        .collect();
    assert_eq!(
        others_after, others_before,
        "customer 7's rows are untouched"
    );

    // A fresh locate agrees with the report: only the kept invoice still names her.
    t.sync(&[]);
    assert_eq!(located(&t), ["invoices/100"]);
    assert_every_statement_scoped(&db);
}

fn a_dataset_naming_a_missing_column_is_refused_with_its_place(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    std::fs::write(
        t.path("shop.toml"),
        DATASET.replace("name = \"person\"", "nmae = \"person\""),
    )
    .expect("the dataset");
    let out = t
        .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .args(["--url", &db.url])
        .args(["--scope", "customer_id=42"])
        .any_status()
        .run();
    assert_ne!(out.status, 0);
    assert!(
        out.stderr
            .contains("shop.toml, table clients, column nmae: the table has no such column"),
        "{}",
        out.stderr
    );
    assert!(
        t.dsr(["tenant", "list", "-o", "json"])
            .run()
            .json()
            .as_array()
            .is_some_and(|a| a.is_empty())
    );
}

fn a_row_others_point_at_is_not_deleted_behind_the_plan(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    add(&t, &db);
    t.sync(&[]);
    // The quote pointing at her client row is not in the reviewed set (a medium match
    // nobody confirmed): deleting the client would orphan it, or take it along unreviewed.
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    let done = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run()
        .json();
    let steps = done["report"]["steps"].as_array().expect("steps").clone();
    let client = steps
        .iter()
        .find(|s| s["asset"] == "clients/1")
        .unwrap_or_else(|| panic!("no step for the client in {done:#}"));
    assert_ne!(client["outcome"], "done", "{client:#}");
    assert!(
        client
            .to_string()
            .contains("row(s) of table quotes point at"),
        "{client:#}"
    );
    assert_eq!(db.rows("clients").len(), 3, "nothing was deleted");
    assert_eq!(db.rows("quotes").len(), 3);
    t.sync(&[]);
    assert!(located(&t).contains(&"clients/1".to_owned()));
}

fn tenant_check_reports_each_table(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    add(&t, &db);
    let check = t.dsr(["tenant", "check", "-o", "json"]).run().json();
    let archives: Vec<(String, u64)> = check["archives"]
        .as_array()
        .expect("archives")
        .iter()
        .map(|a| {
            assert_eq!(a["read"], true, "{a}");
            assert_eq!(a["delete"], true, "{a}");
            (
                a["name"].as_str().expect("a name").to_owned(),
                a["assets"].as_u64().expect("a count"),
            )
        })
        .collect();
    // Counted within the scope: customer 7's rows are not there.
    assert_eq!(
        archives,
        [
            ("clients".to_owned(), 2),
            ("invoices".to_owned(), 1),
            ("notes".to_owned(), 1),
            ("quotes".to_owned(), 2)
        ]
    );
}

fn access_and_portability_export_only_the_scope_rows(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    add(&t, &db);
    t.sync(&[]);
    let case = t
        .dsr(["case", "open", "--right", "access"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["case", "review", &case, "--include", "quotes/10"])
        .run();
    t.fill_ropa("shop");
    let out = t.path("package");
    t.dsr(["access", &case, "--out"]).arg(&out).run();
    let data = std::fs::read_to_string(out.join("data.json")).expect("data.json");
    for id in ["clients/1", "quotes/10", "invoices/100"] {
        assert!(data.contains(id), "{id} is exported: {data}");
    }
    // Customer 7's rows hold the same e-mail and name, and are never read.
    for id in ["clients/2", "quotes/20", "invoices/200"] {
        assert!(!data.contains(id), "{id} is not exported: {data}");
    }
    let case = t
        .dsr(["case", "open", "--right", "portability"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    let zip = t.path("portable.zip");
    t.dsr(["portability", &case, "--out"]).arg(&zip).run();
    let entries = crate::access::unzip_entries(&zip);
    let metadata = String::from_utf8_lossy(&entries["metadata.json"]).into_owned();
    assert!(metadata.contains("clients/1"), "{metadata}");
    assert!(!metadata.contains("clients/2"), "{metadata}");
}

fn a_cycle_of_foreign_keys_among_deleted_tables_is_refused_named(kind: Kind) {
    let t = Test::new();
    // SQLite takes a key to a table not made yet; servers take it added afterwards.
    let schema = match kind {
        Kind::Sqlite => {
            "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id), email TEXT);
             CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id), email TEXT);"
        }
        _ => {
            "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER, email TEXT);
             CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a(id), email TEXT);
             ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b(id);"
        }
    };
    let Some(db) = Db::new(&t, kind, schema) else {
        return;
    };
    std::fs::write(
        t.path("cycle.toml"),
        "[tables.a]\nkey = [\"id\"]\nerase = \"delete\"\ncolumns = { email = \"email\" }\n\
         [tables.b]\nkey = [\"id\"]\nerase = \"delete\"\ncolumns = { email = \"email\" }\n",
    )
    .expect("the dataset");
    let out = t
        .dsr(["tenant", "add", "cyc", "--platform", "sql", "--dataset"])
        .arg(t.path("cycle.toml"))
        .args(["--url", &db.url])
        .any_status()
        .run();
    assert_ne!(out.status, 0);
    assert!(
        out.stderr
            .contains("the foreign keys of tables a → b → a form a cycle"),
        "{}",
        out.stderr
    );
}

fn a_scoped_dataset_is_refused_without_its_scope(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    for scope in [None, Some("client_id=1")] {
        let mut run = t
            .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
            .arg(t.path("shop.toml"))
            .args(["--url", &db.url]);
        if let Some(scope) = scope {
            run = run.args(["--scope", scope]);
        }
        let out = run.any_status().run();
        assert_ne!(out.status, 0, "{scope:?}");
        assert!(
            out.stderr
                .contains("the dataset scopes every table by customer_id: add the tenant with --scope customer_id=VALUE"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_database_url_off_loopback_without_tls_or_with_a_password_is_refused() {
    let t = Test::new();
    std::fs::write(t.path("shop.toml"), DATASET).expect("the dataset");
    for (url, says) in [
        (
            "postgres://dsr@db.example.com:5432/shop",
            "the database at db.example.com is reached over the network, where dsr requires TLS: add ?sslmode=require",
        ),
        (
            "postgres://dsr:hunter2@127.0.0.1:5432/shop",
            "the URL holds a password, which would be kept in the profile",
        ),
        (
            "mariadb://dsr@db.example.com:3306/shop",
            "the database at db.example.com is reached over the network, where dsr requires TLS: add ?sslmode=require",
        ),
        (
            "mysql://dsr:hunter2@localhost/shop",
            "the URL holds a password, which would be kept in the profile",
        ),
    ] {
        let out = t
            .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
            .arg(t.path("shop.toml"))
            .args(["--url", url, "--scope", "customer_id=42"])
            .any_status()
            .run();
        assert_ne!(out.status, 0, "{url}");
        assert!(out.stderr.contains(says), "{url}: {}", out.stderr);
        assert!(!out.stderr.contains("hunter2"), "{}", out.stderr);
    }
    let config = std::fs::read_to_string(t.config_file()).unwrap_or_default();
    assert!(!config.contains("hunter2"), "{config}");
}

/// The password comes from DSR_DB_PASSWORD (or the secret file, or a prompt), never from
/// the profile or the command line.
#[test]
fn a_postgres_password_is_taken_from_the_environment() {
    a_password_is_taken_from_the_environment(Kind::Postgres);
}

#[test]
fn a_mariadb_password_is_taken_from_the_environment() {
    a_password_is_taken_from_the_environment(Kind::Mariadb);
}

fn a_password_is_taken_from_the_environment(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    let user = dbserver::PASSWORD_USER;
    // MariaDB's harness makes the account at start; PostgreSQL's roles are made here.
    if kind == Kind::Postgres {
        db.execute(&format!(
            "DO $$ BEGIN CREATE ROLE {user} LOGIN SUPERUSER PASSWORD 'correct horse'; \
             EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
        ));
    }
    let add = |password: Option<&str>| {
        let mut run = t
            .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
            .arg(t.path("shop.toml"))
            .args(["--url", &db.url_as(user), "--scope", "customer_id=42"]);
        run = match password {
            Some(password) => run.env("DSR_DB_PASSWORD", password),
            None => run.env_remove("DSR_DB_PASSWORD"),
        };
        run.any_status().run()
    };
    let out = add(None);
    assert_ne!(out.status, 0);
    assert!(
        out.stderr
            .contains("no database password: set DSR_DB_PASSWORD"),
        "{}",
        out.stderr
    );
    let out = add(Some("correct horse"));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let config = std::fs::read_to_string(t.config_file()).expect("the config");
    assert!(!config.contains("correct horse"), "{config}");
    t.dsr(["sync"])
        .env("DSR_DB_PASSWORD", "correct horse")
        .run();
    assert_eq!(
        located(&t),
        ["clients/1", "invoices/100", "notes/1/1", "quotes/10"]
    );
}

/// A user without DELETE on one table: `tenant check` says so per table, and an erasure
/// is refused before its first change, not halfway.
#[test]
fn a_missing_postgres_grant_is_shown_and_erasure_changes_nothing() {
    a_missing_delete_grant_is_shown_and_erasure_changes_nothing(Kind::Postgres);
}

#[test]
fn a_missing_mariadb_grant_is_shown_and_erasure_changes_nothing() {
    a_missing_delete_grant_is_shown_and_erasure_changes_nothing(Kind::Mariadb);
}

fn a_missing_delete_grant_is_shown_and_erasure_changes_nothing(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    let clerk = format!("clerk_{}", db.name());
    if kind == Kind::Postgres {
        db.execute(&format!(
            "CREATE ROLE {clerk} LOGIN;
             GRANT SELECT, UPDATE ON clients, quotes, invoices, notes TO {clerk};
             GRANT DELETE ON quotes TO {clerk};"
        ));
    } else {
        let mut grants = format!("CREATE USER '{clerk}'@'%';");
        for table in ["clients", "quotes", "invoices", "notes"] {
            grants += &format!("GRANT SELECT, UPDATE ON {table} TO '{clerk}'@'%';");
        }
        grants += &format!("GRANT DELETE ON quotes TO '{clerk}'@'%';");
        db.execute(&grants);
    }
    t.dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .args(["--url", &db.url_as(&clerk), "--scope", "customer_id=42"])
        .run();
    // Erasure is not possible with these grants: the check says so and fails.
    let check = t
        .dsr(["tenant", "check", "-o", "json"])
        .any_status()
        .run()
        .json();
    let archives: Vec<(String, bool, bool, bool)> = check["archives"]
        .as_array()
        .expect("archives")
        .iter()
        .map(|a| {
            (
                a["name"].as_str().expect("a name").to_owned(),
                a["read"] == true,
                a["edit_metadata"] == true,
                a["delete"] == true,
            )
        })
        .collect();
    assert_eq!(
        archives,
        [
            ("clients".to_owned(), true, true, false),
            ("invoices".to_owned(), true, true, false),
            ("notes".to_owned(), true, true, false),
            ("quotes".to_owned(), true, true, true),
        ],
        "{check:#}"
    );
    let table = t.dsr(["tenant", "check"]).any_status().run().stdout;
    assert!(
        table.contains("erasure (Art. 17)              NOT possible"),
        "{table}"
    );

    t.sync(&[]);
    let before: Vec<Vec<String>> = ["clients", "quotes", "invoices", "notes"]
        .iter()
        .map(|table| db.rows(table))
        .collect();
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr([
        "case",
        "review",
        &case,
        "--include",
        "quotes/10",
        "--include",
        "notes/1/1",
    ])
    .run();
    let done = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run()
        .json();
    let after: Vec<Vec<String>> = ["clients", "quotes", "invoices", "notes"]
        .iter()
        .map(|table| db.rows(table))
        .collect();
    assert_eq!(after, before, "nothing was changed: {done:#}");
    let steps = done["report"]["steps"].to_string();
    assert!(
        steps.contains("the database user lacks DELETE on clients"),
        "{done:#}"
    );
    assert!(!steps.contains("\"done\""), "{done:#}");
    // A fresh locate agrees: she is still everywhere she was.
    t.sync(&[]);
    assert_eq!(
        located(&t),
        ["clients/1", "invoices/100", "notes/1/1", "quotes/10"]
    );
}

/// A scrubbed column erasure would set to NULL, which its NOT NULL refuses: the dataset is
/// refused when the tenant is added, not when an erasure is halfway.
fn a_null_mask_on_a_not_null_column_is_refused_at_tenant_add(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    std::fs::write(
        t.path("shop.toml"),
        DATASET.replace("author = \"text:(erased)\"", ""),
    )
    .expect("the dataset");
    let out = t
        .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .args(["--url", &db.url, "--scope", "customer_id=42"])
        .any_status()
        .run();
    assert_ne!(out.status, 0);
    assert!(
        out.stderr.contains(
            "table notes, column author: erasure would set it to NULL, which the column refuses (NOT NULL)"
        ),
        "{}",
        out.stderr
    );
}

/// Another customer's quote points at her client row, through a key that cascades:
/// deleting her row would delete data outside the scope, so it is not deleted.
fn a_row_of_another_customer_pointing_at_hers_blocks_its_deletion(kind: Kind) {
    let t = Test::new();
    std::fs::write(t.path("shop.toml"), DATASET).expect("the dataset");
    let cascading = SCHEMA.replace(
        "REFERENCES clients(id)",
        "REFERENCES clients(id) ON DELETE CASCADE",
    );
    let Some(db) = Db::new(&t, kind, &cascading) else {
        return;
    };
    db.execute("INSERT INTO quotes VALUES (21, 7, 1, 'Prints for the gallery')");
    add(&t, &db);
    t.sync(&[]);
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["case", "review", &case, "--include", "quotes/10"])
        .run();
    let done = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run()
        .json();
    let steps = done["report"]["steps"].as_array().expect("steps").clone();
    let client = steps
        .iter()
        .find(|s| s["asset"] == "clients/1")
        .unwrap_or_else(|| panic!("no step for the client in {done:#}"));
    assert_ne!(client["outcome"], "done", "{client:#}");
    assert!(
        client
            .to_string()
            .contains("1 row(s) of table quotes outside the scope point at this row of clients"),
        "{client:#}"
    );
    assert_eq!(db.rows("clients").len(), 3, "nothing was deleted");
    assert!(
        db.rows("quotes")
            .contains(&"21|7|1|Prints for the gallery".to_owned())
    );
    t.sync(&[]);
    assert!(located(&t).contains(&"clients/1".to_owned()));
}

#[test]
fn a_postgres_server_is_reached_through_its_unix_socket() {
    a_server_is_reached_through_its_unix_socket(Kind::Postgres);
}

#[test]
fn a_mariadb_server_is_reached_through_its_unix_socket() {
    a_server_is_reached_through_its_unix_socket(Kind::Mariadb);
}

fn a_server_is_reached_through_its_unix_socket(kind: Kind) {
    let t = Test::new();
    let Some(db) = database(&t, kind) else {
        return;
    };
    let url = db.socket_url().expect("a server's socket");
    t.dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .args(["--url", &url, "--scope", "customer_id=42"])
        .run();
    t.sync(&[]);
    assert_eq!(
        located(&t),
        ["clients/1", "invoices/100", "notes/1/1", "quotes/10"]
    );
}

/// Clients with a change column (of each database's own time type) and invoices without
/// one. Customer 7's client changed last, so a watermark taken outside the scope would be
/// too new for customer 42's changes.
const CHANGING_SCHEMA: &str = r#"
CREATE TABLE clients (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, email TEXT,
    name TEXT, changed_at CHANGE_TYPE);
CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, billed_to TEXT);
INSERT INTO clients VALUES (1, 42, 'jane.doe@example.com', 'Jane Doe', '2026-01-01 10:00:00'),
    (3, 42, 'ola@example.com', 'Ola Nordmann', '2026-01-01 09:00:00'),
    (5, 42, 'kari@example.com', 'Kari Nordmann', '2026-01-01 08:00:00'),
    (2, 7, 'jane.doe@example.com', 'Jane Doe', '2026-06-01 10:00:00');
INSERT INTO invoices VALUES (100, 42, 'Jane Doe'), (101, 42, 'Ola Nordmann'), (200, 7, 'Jane Doe');
"#;

const CHANGING_DATASET: &str = r#"
scope = "customer_id"

[tables.clients]
key = ["id"]
erase = "delete"
changed_at = "changed_at"
columns = { email = "email", name = "person" }

[tables.invoices]
key = ["id"]
erase = "keep"
reason = "bookkeeping law: invoices are kept for five years"
columns = { billed_to = "person" }
"#;

/// The shop with a change column on its clients, synced once.
fn changing_database(t: &Test, kind: Kind) -> Option<Db> {
    std::fs::write(t.path("shop.toml"), CHANGING_DATASET).expect("the dataset");
    let time = match kind {
        Kind::Sqlite => "TEXT",
        Kind::Postgres => "timestamp",
        Kind::Mariadb => "DATETIME",
    };
    let db = Db::new(t, kind, &CHANGING_SCHEMA.replace("CHANGE_TYPE", time))?;
    add(t, &db);
    let first = t.sync(&[]);
    assert_eq!(sync_counts(&first), [5, 0, 0, 0], "{first:#}");
    Some(db)
}

/// A sync report's added, updated, removed and unchanged counts.
fn sync_counts(report: &Value) -> [u64; 4] {
    ["added", "updated", "removed", "unchanged"].map(|key| {
        report[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no count {key} in {report:#}"))
    })
}

/// The assets `locate --email` finds, sorted.
fn located_by_email(t: &Test, email: &str) -> Vec<String> {
    let mut ids: Vec<String> = t
        .dsr(["locate", "--email", email])
        .hits()
        .iter()
        .map(|hit| hit["asset"].as_str().expect("an asset id").to_owned())
        .collect();
    ids.sort();
    ids
}

fn a_table_with_a_change_column_is_synced_from_its_watermark(kind: Kind) {
    let t = Test::new();
    let Some(db) = changing_database(&t, kind) else {
        return;
    };
    db.execute(
        "UPDATE clients SET email = 'jane.smith@example.com', changed_at = '2026-01-02 10:00:00' WHERE id = 1;
         INSERT INTO clients VALUES (4, 42, 'per@example.com', 'Per Hansen', '2026-01-02 11:00:00');
         DELETE FROM clients WHERE id = 3;",
    );
    let second = t.sync(&[]);
    // Kari's client and both invoices are unchanged.
    assert_eq!(sync_counts(&second), [1, 1, 1, 3], "{second:#}");
    // A fresh locate agrees with the database: the new address, not the old one.
    assert_eq!(
        located_by_email(&t, "jane.smith@example.com"),
        ["clients/1"]
    );
    assert!(located_by_email(&t, "jane.doe@example.com").is_empty());
    assert_eq!(located_by_email(&t, "per@example.com"), ["clients/4"]);
    assert!(located_by_email(&t, "ola@example.com").is_empty());

    // Nothing changed: nothing to report, though the watermark's second is read again.
    let third = t.sync(&[]);
    assert_eq!(sync_counts(&third), [0, 0, 0, 5], "{third:#}");

    // The incremental read carried the scope and the scope's own watermark (customer 7's
    // newer change time is not it).
    let Some(statements) = db.statements() else {
        return;
    };
    let incremental: Vec<&(String, String)> = statements
        .iter()
        .filter(|(s, _)| s.contains("FROM \"clients\"") && s.contains("\"changed_at\" >= "))
        .collect();
    assert!(
        !incremental.is_empty(),
        "an incremental read of clients: {statements:#?}"
    );
    let (statement, parameters) = incremental[0];
    let text = format!("{statement} {parameters}");
    assert!(
        text.contains("'2026-01-01 10:00:00'"),
        "the first sync's watermark: {text}"
    );
    assert!(!text.contains("2026-06-01"), "{text}");
    assert_every_read_scoped(&statements);
}

/// A deletion and an addition in one table between two syncs keep the number of rows:
/// the deleted row still leaves the index, and the added one enters it.
fn a_row_deleted_as_another_is_added_leaves_the_index(kind: Kind) {
    let t = Test::new();
    let Some(db) = changing_database(&t, kind) else {
        return;
    };
    db.execute(
        "DELETE FROM clients WHERE id = 1;
         INSERT INTO clients VALUES (6, 42, 'per@example.com', 'Per Hansen', '2026-01-03 11:00:00');",
    );
    let second = t.sync(&[]);
    assert_eq!(sync_counts(&second), [1, 0, 1, 4], "{second:#}");
    assert!(located_by_email(&t, "jane.doe@example.com").is_empty());
    assert_eq!(located_by_email(&t, "per@example.com"), ["clients/6"]);

    // Only deleted: fewer rows than known.
    db.execute("DELETE FROM clients WHERE id = 3");
    let third = t.sync(&[]);
    assert_eq!(sync_counts(&third), [0, 0, 1, 4], "{third:#}");
    assert!(located_by_email(&t, "ola@example.com").is_empty());
}

/// A row written with a change time before the last sync's (copied in from an older
/// system, restored from a backup) has no newer time to be found by: the count of rows
/// tells it is there, and the sync reads it.
fn a_row_added_with_an_old_change_time_is_found(kind: Kind) {
    let t = Test::new();
    let Some(db) = changing_database(&t, kind) else {
        return;
    };
    db.execute(
        "INSERT INTO clients VALUES (8, 42, 'old.jane@example.com', 'Jane Doe', '2020-05-01 08:00:00')",
    );
    let second = t.sync(&[]);
    assert_eq!(sync_counts(&second), [1, 0, 0, 5], "{second:#}");
    assert_eq!(located_by_email(&t, "old.jane@example.com"), ["clients/8"]);

    // Nothing changed since: the table is not read whole again, only its changes.
    let before = db.statements().map(|s| s.len());
    let third = t.sync(&[]);
    assert_eq!(sync_counts(&third), [0, 0, 0, 6], "{third:#}");
    if let (Some(before), Some(statements)) = (before, db.statements()) {
        let whole: Vec<&(String, String)> = statements[before..]
            .iter()
            .filter(|(s, _)| {
                s.contains("FROM \"clients\"")
                    && s.contains("\"email\"")
                    && !s.contains("\"changed_at\" >= ")
            })
            .collect();
        assert!(whole.is_empty(), "clients read whole: {whole:#?}");
    }
}

fn a_row_changed_in_a_table_without_change_column_is_updated(kind: Kind) {
    let t = Test::new();
    let Some(db) = changing_database(&t, kind) else {
        return;
    };
    db.execute("UPDATE invoices SET billed_to = 'Jane Smith' WHERE id = 100");
    let second = t.sync(&[]);
    assert_eq!(sync_counts(&second), [0, 1, 0, 4], "{second:#}");
    let names = |name: &str| -> Vec<String> {
        t.dsr(["locate", "--name", name])
            .hits()
            .iter()
            .filter_map(|hit| hit["asset"].as_str().map(str::to_owned))
            .filter(|id| id.starts_with("invoices/"))
            .collect()
    };
    assert_eq!(names("Jane Smith"), ["invoices/100"]);
    assert!(names("Jane Doe").is_empty());
    let third = t.sync(&[]);
    assert_eq!(sync_counts(&third), [0, 0, 0, 5], "{third:#}");
}

/// Every read of the shop's tables in the log carries the scope bound to 42.
fn assert_every_read_scoped(statements: &[(String, String)]) {
    for (statement, parameters) in statements {
        if !statement.contains("FROM \"clients\"") && !statement.contains("FROM \"invoices\"") {
            continue;
        }
        let scoped = if parameters.is_empty() {
            statement.contains("\"customer_id\" = '42'")
        } else {
            statement
                .split_once("\"customer_id\" = $")
                .map(|(_, rest)| {
                    rest.chars()
                        .take_while(char::is_ascii_digit)
                        .collect::<String>()
                })
                .is_some_and(|n| parameters.contains(&format!("${n} = '42'")))
        };
        assert!(scoped, "a read without the scope: {statement} {parameters}");
    }
}

/// Quotes hold no customer: they are the customer's through the client they point at (a
/// foreign key the database declares), and quote lines through their quote (a column the
/// database declares no key for, named in the dataset), then its client.
const THROUGH_SCHEMA: &str = r#"
CREATE TABLE clients (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, email TEXT, name TEXT);
CREATE TABLE quotes (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL REFERENCES clients(id), note TEXT);
CREATE TABLE quote_lines (id INTEGER PRIMARY KEY, quote_ref INTEGER NOT NULL, line TEXT);
INSERT INTO clients VALUES (1, 42, 'jane.doe@example.com', 'Jane Doe'), (2, 7, 'jane.doe@example.com', 'Jane Doe'),
    (3, 42, 'ola@example.com', 'Ola Nordmann');
INSERT INTO quotes VALUES (10, 1, 'Call Jane Doe on Monday'), (20, 2, 'Call Jane Doe on Monday'),
    (30, 3, 'Ola wants prints');
INSERT INTO quote_lines VALUES (100, 10, 'Prints for Jane Doe'), (200, 20, 'Prints for Jane Doe'),
    (300, 30, 'Prints for Ola');
"#;

const THROUGH_DATASET: &str = r#"
scope = "customer_id"

[tables.clients]
key = ["id"]
erase = "delete"
columns = { email = "email", name = "person" }

[tables.quotes]
key = ["id"]
erase = "delete"
columns = { note = "text" }
scope_through = ["clients"]

[tables.quote_lines]
key = ["id"]
erase = "delete"
columns = { line = "text" }
scope_through = [{ table = "quotes", columns = ["quote_ref"], references = ["id"] }, "clients"]
"#;

/// A table without the scope column is scoped through the tables it points at: customer
/// 7's Jane, her quote and its line are never found or touched, and every statement on
/// the three tables carries the scope. Her quote line is deleted before the quote it is
/// reached through (no foreign key of the database orders them): deleted after, it would
/// have been out of the scope's sight, taken for gone, and left behind.
fn a_table_without_the_scope_column_is_scoped_through_its_keys(kind: Kind) {
    let t = Test::new();
    std::fs::write(t.path("shop.toml"), THROUGH_DATASET).expect("the dataset");
    let Some(db) = Db::new(&t, kind, THROUGH_SCHEMA) else {
        return;
    };
    add(&t, &db);
    t.sync(&[]);
    assert_eq!(located(&t), ["clients/1", "quote_lines/100", "quotes/10"]);
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr([
        "case",
        "review",
        &case,
        "--include",
        "quotes/10",
        "--include",
        "quote_lines/100",
    ])
    .run();
    let done = t.dsr(["erase", &case, "--yes", "-o", "json"]).run().json();
    let order: Vec<&str> = done["plan"]["steps"]
        .as_array()
        .expect("planned steps")
        .iter()
        .filter_map(|s| s["asset"].as_str())
        .collect();
    assert_eq!(order, ["quote_lines/100", "quotes/10", "clients/1"]);
    let outcomes: Vec<(&str, &str)> = done["report"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an id"),
                s["outcome"].as_str().expect("an outcome"),
            )
        })
        .collect();
    assert!(
        outcomes.iter().all(|(_, o)| *o == "verified"),
        "{outcomes:?}"
    );
    // Gone from the database itself, not only from the scope's sight; customer 7's and
    // Ola's rows are all there.
    assert_eq!(
        db.rows("clients"),
        [
            "2|7|jane.doe@example.com|Jane Doe",
            "3|42|ola@example.com|Ola Nordmann"
        ]
    );
    assert_eq!(
        db.rows("quotes"),
        ["20|2|Call Jane Doe on Monday", "30|3|Ola wants prints"]
    );
    assert_eq!(
        db.rows("quote_lines"),
        ["200|20|Prints for Jane Doe", "300|30|Prints for Ola"]
    );
    t.sync(&[]);
    assert!(located(&t).is_empty());
    assert_statements_scoped(
        &db,
        &["clients", "quotes", "quote_lines"],
        &[
            "DELETE FROM \"quote_lines\"",
            "DELETE FROM \"quotes\"",
            "DELETE FROM \"clients\"",
        ],
    );
}

/// A way to the scope that the database does not give is refused before the tenant is
/// kept, naming the table and what to write: no declared key between two tables, a table
/// at the end of the way without the scope column, a way in a dataset without a scope.
#[test]
fn a_way_to_the_scope_the_database_does_not_give_is_refused_named() {
    let t = Test::new();
    let Some(db) = Db::new(&t, Kind::Sqlite, THROUGH_SCHEMA) else {
        return;
    };
    let cases = [
        (
            THROUGH_DATASET.replace(
                r#"[{ table = "quotes", columns = ["quote_ref"], references = ["id"] }, "clients"]"#,
                r#"["quotes", "clients"]"#,
            ),
            "table quote_lines, scope_through: the database declares no foreign key from quote_lines to quotes: name the columns",
        ),
        (
            THROUGH_DATASET.replace(r#"scope_through = ["clients"]"#, r#"scope_through = [{ table = "quote_lines", columns = ["id"], references = ["quote_ref"] }]"#),
            "table quotes, scope_through: its last table, quote_lines, has no scope column customer_id",
        ),
        (
            THROUGH_DATASET.replace(r#"references = ["id"]"#, r#"references = ["nope"]"#),
            "table quote_lines, scope_through: table quotes has no column nope",
        ),
        (
            THROUGH_DATASET.replace("scope = \"customer_id\"", ""),
            "table quote_lines, scope_through: the dataset names no scope column to reach",
        ),
    ];
    for (dataset, expected) in cases {
        std::fs::write(t.path("shop.toml"), &dataset).expect("the dataset");
        let mut add = t
            .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
            .arg(t.path("shop.toml"))
            .args(["--url", &db.url]);
        if dataset.contains("scope = ") {
            add = add.args(["--scope", "customer_id=42"]);
        }
        let out = add.any_status().run();
        assert_ne!(out.status, 0, "{dataset}");
        assert!(out.stderr.contains(expected), "{expected}\n{}", out.stderr);
        let tenants = t.dsr(["tenant", "list", "-o", "json"]).run().json();
        assert!(!tenants.to_string().contains("shop"), "{tenants}");
    }
}

/// A quote of her client row is her data though it never names her (Art. 15): access and
/// portability take in the rows that point at hers, within the scope only; the receipt
/// names them.
fn rows_that_point_at_hers_are_in_her_access_package(kind: Kind) {
    let t = Test::new();
    std::fs::write(t.path("shop.toml"), DATASET).expect("the dataset");
    let schema = format!(
        "{SCHEMA}\nINSERT INTO quotes VALUES (12, 42, 1, 'Prints, 20 copies'), (21, 7, 2, 'Prints, 5 copies');"
    );
    let Some(db) = Db::new(&t, kind, &schema) else {
        return;
    };
    add(&t, &db);
    t.sync(&[]);
    assert!(
        !located(&t).contains(&"quotes/12".to_owned()),
        "the quote names nobody: {:?}",
        located(&t)
    );
    let case = t
        .dsr(["case", "open", "--right", "access"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["case", "review", &case, "--include", "quotes/10"])
        .run();
    t.fill_ropa("shop");
    let out = t.path("package");
    t.dsr(["access", &case, "--out"]).arg(&out).run();
    let data = std::fs::read_to_string(out.join("data.json")).expect("data.json");
    assert!(
        data.contains("quotes/12"),
        "her client's quote is hers: {data}"
    );
    assert!(data.contains("Prints, 20 copies"), "{data}");
    // Said to be hers because it points at her record, not because anyone judged it so.
    let package: Value = serde_json::from_str(&data).expect("data.json is JSON");
    let quote = nested(&package["assets"], "quotes/12").unwrap_or(Value::Null);
    assert_eq!(quote["points_at_theirs"], true, "{quote:#}");
    assert!(quote.get("judged_by_review").is_none(), "{quote:#}");
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(
        html.contains("it points at a record of yours"),
        "the package says why"
    );
    for id in ["quotes/21", "quotes/11", "clients/2"] {
        assert!(!data.contains(id), "{id} is not hers: {data}");
    }
    let receipt = t.latest_receipt_of("shop", &case);
    assert!(
        receipt["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .any(|a| a["asset"] == "quotes/12"),
        "{receipt:#}"
    );
    let case = t
        .dsr(["case", "open", "--right", "portability"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    let zip = t.path("portable.zip");
    t.dsr(["portability", &case, "--out"]).arg(&zip).run();
    let entries = crate::access::unzip_entries(&zip);
    let metadata = String::from_utf8_lossy(&entries["metadata.json"]).into_owned();
    assert!(metadata.contains("quotes/12"), "{metadata}");
    assert!(!metadata.contains("quotes/21"), "{metadata}");
}

/// The asset `id` among `assets` of a package's data.json or nested in their `related`.
fn nested(assets: &Value, id: &str) -> Option<Value> {
    assets.as_array()?.iter().find_map(|a| {
        if a["id"] == id {
            Some(a.clone())
        } else {
            nested(&a["related"], id)
        }
    })
}

/// Over TLS to a PostgreSQL server whose certificate comes from a certificate authority of
/// its own: with `sslrootcert` naming that authority, dsr connects (the server refuses the
/// role without TLS, so the connection is encrypted) and syncs; without it, the server's
/// certificate is not trusted and nothing is kept.
#[test]
fn a_postgres_server_is_reached_over_tls_with_its_certificate_checked() {
    let Some(server) = dbserver::start_postgres(dbserver::Setup::Tls) else {
        return;
    };
    let t = Test::new();
    let name = server.database();
    let mut client = server.client(&name).expect("a connection");
    client.batch_execute(SCHEMA).expect("the schema");
    client
        .batch_execute(&format!(
            "CREATE ROLE {} LOGIN SUPERUSER",
            dbserver::TLS_USER
        ))
        .expect("the TLS role");
    std::fs::write(t.path("shop.toml"), DATASET).expect("the dataset");
    let url = |query: &str| {
        format!(
            "postgres://{}@127.0.0.1:{}/{name}{query}",
            dbserver::TLS_USER,
            server.port
        )
    };
    let add = |tenant: &str, url: &str| {
        t.dsr(["tenant", "add", tenant, "--platform", "sql", "--dataset"])
            .arg(t.path("shop.toml"))
            .args(["--url", url, "--scope", "customer_id=42"])
            .any_status()
            .run()
    };
    // Without TLS the server refuses the role: the check below is of an encrypted link.
    let plain = add("plain", &url(""));
    assert_ne!(plain.status, 0);
    assert!(plain.stderr.contains("no encryption"), "{}", plain.stderr);
    // The machine's certificate authorities do not know the server's.
    let untrusted = add("untrusted", &url("?sslmode=require"));
    assert_ne!(untrusted.status, 0);
    assert!(
        untrusted.stderr.to_lowercase().contains("certificate"),
        "{}",
        untrusted.stderr
    );
    let ca = server.dir.join("ca.crt");
    let trusted = add(
        "shop",
        &url(&format!("?sslmode=require&sslrootcert={}", ca.display())),
    );
    assert_eq!(trusted.status, 0, "{}", trusted.stderr);
    t.sync(&[]);
    assert_eq!(
        located(&t),
        ["clients/1", "invoices/100", "notes/1/1", "quotes/10"]
    );
    let tenants = t.dsr(["tenant", "list", "-o", "json"]).run().json();
    assert!(!tenants.to_string().contains("untrusted"), "{tenants}");
}

/// A schema other than the connection's default one, or on MariaDB another database on
/// the same server: `{billing}` in [`BILLING_SCHEMA`] and [`BILLING_DATASET`].
fn billing_schema(db: &Db, kind: Kind) -> String {
    match kind {
        Kind::Mariadb => format!("{}_billing", db.name()),
        _ => "billing".to_owned(),
    }
}

/// The connection's default schema: `{default}` in [`BILLING_SCHEMA`].
fn default_schema(db: &Db, kind: Kind) -> String {
    match kind {
        Kind::Mariadb => db.name().to_owned(),
        _ => "public".to_owned(),
    }
}

/// Invoices and their reminders in the schema `{billing}`, an invoice pointing at a client
/// of the default schema; a table `invoices` of the default schema holds her name too, but
/// the dataset does not describe it.
const BILLING_SCHEMA: &str = r#"
CREATE TABLE clients (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, email TEXT, name TEXT);
CREATE TABLE {billing}.invoices (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
    client_id INTEGER NOT NULL, billed_to TEXT,
    FOREIGN KEY (client_id) REFERENCES {default}.clients (id));
CREATE TABLE {billing}.reminders (id INTEGER PRIMARY KEY, invoice_id INTEGER NOT NULL,
    body TEXT NOT NULL, FOREIGN KEY (invoice_id) REFERENCES {billing}.invoices (id));
CREATE TABLE {billing}.payments (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL,
    payer TEXT NOT NULL);
CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, billed_to TEXT);
INSERT INTO clients VALUES (1, 42, 'jane.doe@example.com', 'Jane Doe'), (2, 7, 'jane.doe@example.com', 'Jane Doe');
INSERT INTO {billing}.invoices VALUES (100, 42, 1, 'Jane Doe'), (200, 7, 2, 'Jane Doe');
INSERT INTO {billing}.reminders VALUES (1000, 100, 'Jane Doe has not paid'), (2000, 200, 'Jane Doe has not paid');
INSERT INTO {billing}.payments VALUES (7000, 42, 'Jane Doe'), (8000, 7, 'Jane Doe');
INSERT INTO invoices VALUES (100, 42, 'Jane Doe');
"#;

const BILLING_DATASET: &str = r#"
scope = "customer_id"

[tables.clients]
label = "Clients"
key = ["id"]
erase = "delete"
columns = { email = "email", name = "person" }

[tables."{billing}.invoices"]
label = "Invoices"
key = ["id"]
erase = "delete"
columns = { billed_to = "person" }

[tables."{billing}.reminders"]
label = "Reminders"
key = ["id"]
erase = "delete"
scope_through = ["{billing}.invoices"]
columns = { body = "text" }

[tables."{billing}.payments"]
label = "Payments"
key = ["id"]
erase = "scrub"
columns = { payer = "person" }
masks = { payer = "text:(erased)" }
"#;

#[test]
fn a_postgres_table_outside_the_default_schema_is_located_and_erased() {
    a_table_outside_the_default_schema_is_located_and_erased(Kind::Postgres);
}

#[test]
fn a_mariadb_table_of_another_database_is_located_and_erased() {
    a_table_outside_the_default_schema_is_located_and_erased(Kind::Mariadb);
}

/// Tables the dataset names with their schema (`billing.invoices`) are read from that
/// schema, ordered for deletion by the foreign key into the default schema's `clients`,
/// erased, and every statement names them quoted and scoped; the default schema's table
/// of the same name is never touched. The receipt and a fresh locate agree.
fn a_table_outside_the_default_schema_is_located_and_erased(kind: Kind) {
    let t = Test::new();
    let Some(db) = Db::new(&t, kind, "SELECT 1;") else {
        return;
    };
    let billing = billing_schema(&db, kind);
    let create = match kind {
        Kind::Mariadb => format!("CREATE DATABASE {billing};"),
        _ => format!("CREATE SCHEMA {billing};"),
    };
    db.execute(&format!(
        "{create}{}",
        BILLING_SCHEMA
            .replace("{billing}", &billing)
            .replace("{default}", &default_schema(&db, kind))
    ));
    std::fs::write(
        t.path("shop.toml"),
        BILLING_DATASET.replace("{billing}", &billing),
    )
    .expect("the dataset");
    add(&t, &db);
    t.sync(&[]);
    let invoice = format!("{billing}.invoices/100");
    let reminder = format!("{billing}.reminders/1000");
    let payment = format!("{billing}.payments/7000");
    let mut expected = vec![
        "clients/1".to_owned(),
        invoice.clone(),
        payment.clone(),
        reminder.clone(),
    ];
    expected.sort();
    assert_eq!(located(&t), expected);
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["case", "review", &case, "--include", &reminder])
        .run();
    let done = t
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .any_status()
        .run()
        .json();
    assert!(!done.to_string().contains("\"failed\""), "{done:#}");
    // The invoice points at the client, the reminder at the invoice: children first.
    let order: Vec<&str> = done["plan"]["steps"]
        .as_array()
        .expect("planned steps")
        .iter()
        .filter_map(|s| s["asset"].as_str())
        .collect();
    let position = |id: &str| order.iter().position(|a| *a == id);
    assert!(
        position(&reminder).is_some()
            && position(&reminder) < position(&invoice)
            && position(&invoice) < position("clients/1"),
        "{order:?}"
    );
    let receipt = t.latest_receipt_of("shop", &case);
    let outcome = |id: &str| -> String {
        receipt["assets"]
            .as_array()
            .expect("assets")
            .iter()
            .find(|a| a["asset"] == id)
            .and_then(|a| a["outcome"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(outcome("clients/1"), "deleted", "{receipt:#}");
    assert_eq!(outcome(&invoice), "deleted", "{receipt:#}");
    assert_eq!(outcome(&reminder), "deleted", "{receipt:#}");
    assert_eq!(outcome(&payment), "scrubbed", "{receipt:#}");
    assert_eq!(
        db.select(&format!("SELECT id FROM {billing}.reminders ORDER BY id")),
        ["2000"]
    );
    assert_eq!(
        db.select(&format!(
            "SELECT id, payer FROM {billing}.payments ORDER BY id"
        )),
        ["7000|(erased)", "8000|Jane Doe"]
    );
    assert_eq!(
        db.select(&format!("SELECT id FROM {billing}.invoices ORDER BY id")),
        ["200"]
    );
    // The default schema's invoices are not the dataset's: untouched.
    assert_eq!(db.rows("invoices"), ["100|42|Jane Doe"]);
    t.sync(&[]);
    assert!(located(&t).is_empty(), "{:?}", located(&t));
    assert_statements_scoped(
        &db,
        &["clients", "invoices", "reminders", "payments"],
        &[
            &format!("DELETE FROM \"{billing}\".\"reminders\""),
            &format!("DELETE FROM \"{billing}\".\"invoices\""),
            "DELETE FROM \"clients\"",
            &format!("UPDATE \"{billing}\".\"payments\""),
        ],
    );
}

#[test]
fn a_postgres_dataset_naming_a_missing_schema_is_refused_named() {
    a_dataset_naming_a_missing_schema_is_refused_named(Kind::Postgres);
}

#[test]
fn a_mariadb_dataset_naming_a_missing_database_is_refused_named() {
    a_dataset_naming_a_missing_schema_is_refused_named(Kind::Mariadb);
}

/// A table in a schema the database does not have is refused when the tenant is added,
/// naming the schema, and nothing is kept; so is one naming the default schema, which
/// the catalog calls by the bare name.
fn a_dataset_naming_a_missing_schema_is_refused_named(kind: Kind) {
    let t = Test::new();
    let Some(db) = Db::new(&t, kind, "SELECT 1;") else {
        return;
    };
    db.execute(
        &BILLING_SCHEMA
            .replace("{billing}.", "billing_")
            .replace("{default}.", ""),
    );
    let default = default_schema(&db, kind);
    let cases = [
        (
            BILLING_DATASET.replace("{billing}", "nobilling"),
            "table nobilling.invoices: the database has no schema nobilling".to_owned(),
        ),
        (
            BILLING_DATASET
                .replace("{billing}.", "billing_")
                .replace("tables.clients", &format!("tables.\"{default}.clients\"")),
            format!(
                "table {default}.clients: {default} is the connection's default schema; name the table without it (clients)"
            ),
        ),
    ];
    for (dataset, expected) in cases {
        std::fs::write(t.path("shop.toml"), &dataset).expect("the dataset");
        let out = t
            .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
            .arg(t.path("shop.toml"))
            .args(["--url", &db.url, "--scope", "customer_id=42"])
            .any_status()
            .run();
        assert_ne!(out.status, 0, "{dataset}");
        assert!(out.stderr.contains(&expected), "{expected}\n{}", out.stderr);
        let tenants = t.dsr(["tenant", "list", "-o", "json"]).run().json();
        assert!(!tenants.to_string().contains("shop"), "{tenants}");
    }
}

#[test]
fn a_sqlite_dataset_naming_a_schema_is_refused_named() {
    let t = Test::new();
    let Some(db) = Db::new(&t, Kind::Sqlite, SCHEMA) else {
        return;
    };
    std::fs::write(
        t.path("shop.toml"),
        DATASET.replace("[tables.invoices]", "[tables.\"billing.invoices\"]"),
    )
    .expect("the dataset");
    let out = t
        .dsr(["tenant", "add", "shop", "--platform", "sql", "--dataset"])
        .arg(t.path("shop.toml"))
        .args(["--url", &db.url, "--scope", "customer_id=42"])
        .any_status()
        .run();
    assert_ne!(out.status, 0);
    assert!(
        out.stderr
            .contains("table billing.invoices: a SQLite database has no schemas"),
        "{}",
        out.stderr
    );
}
