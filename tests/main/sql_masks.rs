//! Masks of the `sql` platform: salted-hash and format-keeping values that columns which
//! refuse NULL can hold, and the catalog checks that refuse a mask a column cannot hold
//! (type, length, unique index, CHECK constraint) before anything is changed.

use crate::sql::{Db, Kind};
use crate::support::Test;

/// Every personal column of `members` refuses NULL; its e-mail is unique and its phone
/// must look like one (a CHECK that SQLite keeps to itself).
const SCHEMA: &str = r#"
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(60) NOT NULL UNIQUE,
    phone VARCHAR(20) NOT NULL CHECK (phone LIKE '+%'), login VARCHAR(40) NOT NULL,
    name VARCHAR(20) NOT NULL, member_no INTEGER NOT NULL);
CREATE TABLE messages (id INTEGER PRIMARY KEY, sender VARCHAR(60) NOT NULL, body VARCHAR(200));
INSERT INTO members VALUES (1, 'jane.doe@example.com', '+4791234567', 'jdoe', 'Jane Doe', 1001),
    (2, 'ola@example.com', '+4798765432', 'ola', 'Ola Nordmann', 1002);
INSERT INTO messages VALUES (10, 'jane.doe@example.com', 'Hello'),
    (11, 'JANE.DOE@example.com', 'Again'), (12, 'ola@example.com', 'Hi');
"#;

const DATASET: &str = r#"
[tables.members]
key = ["id"]
erase = "scrub"
[tables.members.columns]
email = "email"
phone = "phone"
login = "login"
name = "person"
[tables.members.masks]
email = "email"
phone = "phone"
login = "hash"
name = "marker"

[tables.messages]
key = ["id"]
erase = "scrub"
[tables.messages.columns]
sender = "email"
body = "text"
[tables.messages.masks]
sender = "email"
"#;

const JANE: [&str; 8] = [
    "--email",
    "jane.doe@example.com",
    "--phone",
    "+4791234567",
    "--login",
    "jdoe",
    "--name",
    "Jane Doe",
];

fn members(t: &Test, kind: Kind, dataset: &str) -> Option<Db> {
    std::fs::write(t.path("members.toml"), dataset).expect("the dataset");
    Db::new(t, kind, SCHEMA)
}

fn add(t: &Test, db: &Db) -> crate::support::Output {
    t.dsr(["tenant", "add", "club", "--platform", "sql", "--dataset"])
        .arg(t.path("members.toml"))
        .args(["--url", &db.url])
        .any_status()
        .run()
}

/// Opens an erasure case for the identities and erases it.
fn erase<'t>(t: &'t Test, identities: &[&str]) -> crate::support::Run<'t> {
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(identities)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["erase", &case, "--yes", "-o", "json"])
}

fn everything(db: &Db) -> Vec<Vec<String>> {
    ["members", "messages"]
        .iter()
        .map(|table| db.rows(table))
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
    columns_that_refuse_null_get_hashed_and_format_keeping_masks,
    a_fixed_text_into_an_integer_column_is_refused,
    a_fixed_text_into_a_unique_column_is_refused,
    a_mask_longer_than_the_column_is_refused,
    a_unique_index_added_after_tenant_add_refuses_the_erasure,
);

/// Whether `value` is `erased-<16 hex digits>@invalid`.
fn is_masked_email(value: &str) -> bool {
    value
        .strip_prefix("erased-")
        .and_then(|rest| rest.strip_suffix("@invalid"))
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The e-mail becomes `erased-<hash>@invalid` in every row that held it, the same in each
/// (the tenant's salt, so also in a later run); the phone an E.164 number in +999; the
/// login a hash; the name a marker. Another member's rows are untouched.
fn columns_that_refuse_null_get_hashed_and_format_keeping_masks(kind: Kind) {
    let t = Test::new();
    let Some(db) = members(&t, kind, DATASET) else {
        return;
    };
    let out = add(&t, &db);
    assert_eq!(out.status, 0, "{}", out.stderr);
    t.sync(&[]);
    let done = erase(&t, &JANE).run().json();
    assert!(!done.to_string().contains("\"failed\""), "{done:#}");

    let jane = db.select("SELECT email, phone, login, name FROM members WHERE id = 1");
    let [jane] = jane.as_slice() else {
        panic!("her row stays: {jane:?}");
    };
    let values: Vec<&str> = jane.split('|').collect();
    let [email, phone, login, name] = values.as_slice() else {
        panic!("four columns: {jane}");
    };
    assert!(is_masked_email(email), "{jane}");
    assert!(
        phone.len() == 15
            && phone.starts_with("+999")
            && phone[1..].bytes().all(|b| b.is_ascii_digit()),
        "{jane}"
    );
    assert!(
        login.len() == 16 && login.bytes().all(|b| b.is_ascii_hexdigit()),
        "{jane}"
    );
    assert_eq!(*name, "[erased]");
    // The same address, however it was written, masks alike in every row.
    assert_eq!(
        db.select("SELECT sender FROM messages WHERE id IN (10, 11) ORDER BY id"),
        [email.to_string(), email.to_string()]
    );
    assert_eq!(
        db.select("SELECT * FROM members WHERE id = 2"),
        ["2|ola@example.com|+4798765432|ola|Ola Nordmann|1002"]
    );
    assert_eq!(
        db.select("SELECT * FROM messages WHERE id = 12"),
        ["12|ola@example.com|Hi"]
    );

    // A later run masks her address the same way: the salt is the tenant's.
    db.execute("INSERT INTO messages VALUES (13, 'jane.doe@example.com', 'Back again')");
    t.sync(&[]);
    erase(&t, &["--email", "jane.doe@example.com"]).run();
    assert_eq!(
        db.select("SELECT sender FROM messages WHERE id = 13"),
        [email.to_string()]
    );
    t.sync(&[]);
    let hits = t.dsr(["locate"]).args(JANE).hits();
    assert!(hits.is_empty(), "{hits:#?}");
}

/// `tenant add` with `dataset` is refused with `problem`, and nothing is changed or kept.
fn assert_refused(kind: Kind, dataset: &str, problem: &str) {
    let t = Test::new();
    let Some(db) = members(&t, kind, dataset) else {
        return;
    };
    let before = everything(&db);
    let out = add(&t, &db);
    assert_ne!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.contains(problem), "{}", out.stderr);
    assert!(
        t.dsr(["tenant", "list", "-o", "json"])
            .run()
            .json()
            .as_array()
            .is_some_and(|a| a.is_empty())
    );
    assert_eq!(everything(&db), before);
}

fn a_fixed_text_into_an_integer_column_is_refused(kind: Kind) {
    assert_refused(
        kind,
        &DATASET
            .replace(
                "name = \"person\"\n",
                "name = \"person\"\nmember_no = \"login\"\n",
            )
            .replace(
                "name = \"marker\"\n",
                "name = \"marker\"\nmember_no = \"text:none\"\n",
            ),
        "table members, column member_no: its mask \"text:none\" writes text (\"none\"), which the column's type",
    );
}

fn a_fixed_text_into_a_unique_column_is_refused(kind: Kind) {
    assert_refused(
        kind,
        &DATASET.replace(
            "email = \"email\"\nphone = \"phone\"\nlogin = \"hash\"",
            "email = \"text:erased@invalid\"\nphone = \"phone\"\nlogin = \"hash\"",
        ),
        "table members, column email: its mask \"text:erased@invalid\" writes the same text into every erased row, and a unique index on the column admits it in one row only",
    );
}

fn a_mask_longer_than_the_column_is_refused(kind: Kind) {
    assert_refused(
        kind,
        &DATASET.replace(
            "name = \"marker\"",
            "name = \"text:(name erased on request)\"",
        ),
        "table members, column name: its mask \"text:(name erased on request)\" writes 24 characters, more than the column's type",
    );
}

#[test]
fn a_mask_a_postgres_check_constraint_refuses_is_refused() {
    a_mask_a_check_constraint_refuses_is_refused(Kind::Postgres);
}

#[test]
fn a_mask_a_mariadb_check_constraint_refuses_is_refused() {
    a_mask_a_check_constraint_refuses_is_refused(Kind::Mariadb);
}

/// `phone LIKE '+%'` refuses the marker; the `phone` mask passes it (the test above).
fn a_mask_a_check_constraint_refuses_is_refused(kind: Kind) {
    assert_refused(
        kind,
        &DATASET.replace(
            "phone = \"phone\"\nlogin = \"hash\"",
            "phone = \"marker\"\nlogin = \"hash\"",
        ),
        "table members, column phone: its mask \"marker\" writes \"[erased]\", which the column's CHECK constraint",
    );
}

/// The catalog is read again before an erasure: a unique index made on the names after the
/// tenant was added refuses the erasure whole, and nothing is changed.
fn a_unique_index_added_after_tenant_add_refuses_the_erasure(kind: Kind) {
    let t = Test::new();
    let Some(db) = members(&t, kind, DATASET) else {
        return;
    };
    let out = add(&t, &db);
    assert_eq!(out.status, 0, "{}", out.stderr);
    t.sync(&[]);
    db.execute("CREATE UNIQUE INDEX members_name ON members (name)");
    let before = everything(&db);
    let out = erase(&t, &JANE).any_status().unchecked().run();
    assert_ne!(out.status, 0, "{}", out.stdout);
    assert!(
        out.stderr.contains("table members, column name: its mask \"marker\" writes the same text into every erased row"),
        "{}",
        out.stderr
    );
    assert_eq!(everything(&db), before, "nothing was changed");
}
