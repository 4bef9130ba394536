//! The seam between the `sql` platform and the database it reaches: SQLite through
//! `rusqlite`, PostgreSQL through the synchronous `postgres` crate, MariaDB and MySQL
//! through the `mysql` crate. The platform's logic (scope, quoting, erase order, read-back)
//! is written once against [`Database`]; each backend only reads its catalog, runs a
//! statement with bound parameters and keeps a transaction.
//!
//! Every value crosses the seam as text (`None` for NULL): keys come from asset ids, scope
//! values from the profile and new values from the user, all text already, and each
//! database turns a text parameter into the column's type on its own (SQLite by the
//! column's affinity, PostgreSQL by inferring the parameter's type from the statement and
//! parsing the text we send in its text format, MariaDB by its comparison and assignment
//! rules). Reads are cast to text in the statement.
//!
//! Why the sync `postgres` crate and not sqlx: [`crate::platform::Platform`] is synchronous,
//! `postgres` wraps `tokio-postgres` with its own small runtime so no async leaks into the
//! platform, it streams rows (`query_raw`) and takes rustls (`tokio-postgres-rustls`), the
//! TLS stack dsr already builds for HTTPS; sqlx would add its macros, a pool and a second
//! SQLite driver beside rusqlite for no gain here. MariaDB and MySQL go through the sync
//! `mysql` crate (rustls) for the same reasons; its sessions are put in `ANSI_QUOTES` mode
//! so that one quoting (`"name"`) holds on every database.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use postgres::types::{Format, IsNull, ToSql, Type, to_sql_checked};
use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

use crate::platform::http::SecretSource;

/// A row read through the seam: each column as text, `None` for NULL.
pub type Row = Vec<Option<String>>;

/// One column, from the catalog.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    pub nullable: bool,
    /// The type as the catalog writes it (`character varying(40)`, `VARCHAR(40)`, `int`).
    pub data_type: String,
    pub class: TypeClass,
    /// The most characters a text column holds (`varchar(40)`), when it is limited.
    pub max_length: Option<u64>,
    /// The column is one of the columns of a unique index or constraint (the primary key
    /// included): no two rows may hold the same value there.
    pub unique: bool,
}

/// What kind of value a column's type holds, as far as masks care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeClass {
    /// Text of some kind (SQLite: text affinity, or no type at all).
    Text,
    /// Integers and other numbers.
    Number,
    /// Anything else (dates, booleans, uuids, JSON…): no text mask fits.
    Other,
}

impl TypeClass {
    /// The class of a PostgreSQL type by its name in pg_type, or a MariaDB/MySQL
    /// DATA_TYPE.
    fn of_named(name: &str) -> TypeClass {
        match name.to_ascii_lowercase().as_str() {
            "text" | "varchar" | "bpchar" | "name" | "citext" | "char" | "tinytext"
            | "mediumtext" | "longtext" => TypeClass::Text,
            "int2" | "int4" | "int8" | "numeric" | "float4" | "float8" | "tinyint" | "smallint"
            | "mediumint" | "int" | "integer" | "bigint" | "decimal" | "float" | "double" => {
                TypeClass::Number
            }
            _ => TypeClass::Other,
        }
    }

    /// The class of a SQLite declared type, by SQLite's own affinity rules (section 3.1
    /// of its datatype page): a column without a type, or with BLOB affinity, takes any
    /// value, so text fits it too.
    fn of_sqlite(declared: &str) -> TypeClass {
        let upper = declared.to_ascii_uppercase();
        if upper.contains("INT") {
            TypeClass::Number
        } else if ["CHAR", "CLOB", "TEXT", "BLOB"]
            .iter()
            .any(|t| upper.contains(t))
            || upper.trim().is_empty()
        {
            TypeClass::Text
        } else if ["REAL", "FLOA", "DOUB"].iter().any(|t| upper.contains(t)) {
            TypeClass::Number
        } else {
            TypeClass::Other
        }
    }
}

/// The length a SQLite declared type gives (`VARCHAR(40)` → 40). SQLite does not enforce
/// it, but the schema's author meant it, and the same dataset often serves a copy of the
/// database on a server that does.
fn declared_length(declared: &str) -> Option<u64> {
    let upper = declared.to_ascii_uppercase();
    if !upper.contains("CHAR") {
        return None;
    }
    let inside = upper.split_once('(')?.1.split_once(')')?.0;
    inside.trim().parse().ok()
}

/// A table's name and its schema (`None`: the default one) as bound parameters, in that
/// order: PostgreSQL's catalog reads take them as `$1` and `$2`.
fn named(table: &str) -> [Option<String>; 2] {
    let (schema, name) = super::split_table(table);
    [Some(name.to_owned()), schema.map(str::to_owned)]
}

/// The schema and the table's name as bound parameters, in that order: MariaDB's
/// placeholders are positional, and its catalog reads name the schema first.
fn schema_first(table: &str) -> [Option<String>; 2] {
    let [name, schema] = named(table);
    [schema, name]
}

/// One foreign key from a child table to a parent, from the catalog.
#[derive(Debug, Clone)]
pub struct Link {
    pub child: String,
    pub child_columns: Vec<String>,
    pub parent_columns: Vec<String>,
    pub cascades: bool,
}

/// What the connected user may do to a table.
#[derive(Debug, Clone, Copy)]
pub struct Privileges {
    pub select: bool,
    pub update: bool,
    pub delete: bool,
}

/// The database kinds dsr reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
    /// MariaDB or MySQL.
    Mysql,
}

impl Kind {
    /// The placeholder of the `n`-th (1-based) bound parameter.
    pub fn placeholder(self, n: usize) -> String {
        match self {
            Kind::Sqlite => format!("?{n}"),
            Kind::Postgres => format!("${n}"),
            // Positional: statements bind values in the order their placeholders appear.
            Kind::Mysql => "?".to_owned(),
        }
    }

    /// A selected expression (a quoted column), read as text.
    pub fn as_text(self, expression: &str) -> String {
        let (open, close) = self.text_cast();
        format!("{open}{expression}{close}")
    }

    /// The comparison that holds when both sides are NULL or equal.
    pub fn null_safe_equal(self) -> &'static str {
        match self {
            Kind::Sqlite => "IS",
            Kind::Postgres => "IS NOT DISTINCT FROM",
            Kind::Mysql => "<=>",
        }
    }

    /// What goes before and after an expression to read it as text.
    pub fn text_cast(self) -> (&'static str, &'static str) {
        match self {
            Kind::Sqlite => ("", ""),
            Kind::Postgres => ("CAST(", " AS text)"),
            Kind::Mysql => ("CAST(", " AS CHAR)"),
        }
    }
}

/// A connection to one database, the only place that knows which one.
pub trait Database: Send {
    fn kind(&self) -> Kind;
    /// The schema of the tables the dataset names without one: PostgreSQL's
    /// `current_schema()`, the connection's database on MariaDB and MySQL.
    fn default_schema(&mut self) -> Result<String, String>;
    /// Whether the schema (on MariaDB and MySQL: the database of the server) is there for
    /// the connected user to reach.
    fn schema_exists(&mut self, schema: &str) -> Result<bool, String>;
    /// The table's columns; empty when there is no such table. Here and below a table is
    /// named as the dataset names it: `billing.invoices` is in the schema `billing`
    /// ([`super::split_table`]).
    fn columns(&mut self, table: &str) -> Result<Vec<Column>, String>;
    /// Every foreign key pointing at `parent`, each child named as the dataset would name
    /// it (with its schema where that is not the default one).
    fn links_to(&mut self, parent: &str) -> Result<Vec<Link>, String>;
    /// What the connected user may do to `table`.
    fn privileges(&mut self, table: &str) -> Result<Privileges, String>;
    /// The CHECK constraints on `column` alone that `value` would break, by name. Only
    /// where the catalog gives a constraint's expression per column (PostgreSQL,
    /// MariaDB); SQLite keeps them inside the table's CREATE statement, unread here.
    fn checks_broken(
        &mut self,
        _table: &str,
        _column: &Column,
        _value: &str,
    ) -> Result<Vec<String>, String> {
        Ok(Vec::new())
    }
    /// Runs a query, giving each row to `each` as it arrives (never all rows at once).
    fn query(
        &mut self,
        sql: &str,
        params: &[Option<String>],
        each: &mut dyn FnMut(Row),
    ) -> Result<(), String>;
    /// Runs a statement, answering how many rows it changed.
    fn execute(&mut self, sql: &str, params: &[Option<String>]) -> Result<u64, String>;
    /// Runs a statement without parameters or rows (transaction control).
    fn control(&mut self, sql: &str) -> Result<(), String>;
    /// The statement that starts a transaction in this database's dialect.
    fn begin_statement(&self) -> &'static str {
        "BEGIN"
    }
    fn begin(&mut self) -> Result<(), String> {
        let sql = self.begin_statement();
        self.control(sql)
    }
    fn commit(&mut self) -> Result<(), String> {
        self.control("COMMIT")
    }
    fn rollback(&mut self) -> Result<(), String> {
        self.control("ROLLBACK")
    }
}

impl dyn Database + '_ {
    /// The rows of a query, for the few small reads (a row by its key, a count, a catalog).
    pub fn rows(&mut self, sql: &str, params: &[Option<String>]) -> Result<Vec<Row>, String> {
        let mut rows = Vec::new();
        self.query(sql, params, &mut |row| rows.push(row))?;
        Ok(rows)
    }

    /// Runs `work` in one transaction: committed when it succeeds, rolled back otherwise.
    /// `error` wraps the database's own message when beginning or committing fails.
    pub fn transaction<T, E>(
        &mut self,
        error: impl Fn(String) -> E,
        work: impl FnOnce(&mut (dyn Database + '_)) -> Result<T, E>,
    ) -> Result<T, E> {
        self.begin().map_err(&error)?;
        match work(self) {
            Ok(value) => {
                self.commit().map_err(&error)?;
                Ok(value)
            }
            Err(e) => {
                // The work's error says what went wrong; a failed rollback ends with the
                // connection, which the server rolls back as well.
                let _ = self.rollback();
                Err(e)
            }
        }
    }

    /// Runs `work` inside the transaction already open on this connection, under a
    /// savepoint: what it changed is kept when it succeeds and undone alone otherwise, and
    /// the whole is committed (or not) with the enclosing transaction. An erasure's rows
    /// each take one, so that a row the database refuses fails alone while the others
    /// commit together.
    ///
    /// A step that succeeds leaves its savepoint in place rather than spend a round trip
    /// on releasing it: the next step's savepoint of the same name is set inside it
    /// (PostgreSQL, SQLite) or replaces it (MariaDB, MySQL), a rollback to the name goes
    /// back to the newest one, and the transaction's commit keeps all they hold.
    pub fn savepoint<T, E>(
        &mut self,
        error: impl Fn(String) -> E,
        work: impl FnOnce(&mut (dyn Database + '_)) -> Result<T, E>,
    ) -> Result<T, E> {
        self.control("SAVEPOINT dsr_step").map_err(&error)?;
        match work(self) {
            Ok(value) => Ok(value),
            Err(e) => {
                // Back to where the step began, then the savepoint itself goes: the
                // enclosing transaction goes on with the next step. Should this fail, the
                // transaction cannot commit what the step left, and the run's read-back
                // finds its rows as they were: nothing is claimed on the strength of it.
                let _ = self
                    .control("ROLLBACK TO SAVEPOINT dsr_step")
                    .and_then(|()| self.control("RELEASE SAVEPOINT dsr_step"));
                Err(e)
            }
        }
    }
}

/// Connects to the database a URL names: `sqlite:///path`, `postgres://user@host/db`.
pub fn connect(url: &str, password: Option<&SecretSource>) -> Result<Box<dyn Database>, String> {
    if url.starts_with("sqlite://") {
        let file = sqlite_path(url)?;
        return Ok(Box::new(Sqlite::open(file)?));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Box::new(Postgres::connect(url, password)?));
    }
    if is_mysql(url) {
        return Ok(Box::new(Mysql::connect(url, password)?));
    }
    Err(unsupported_url().to_owned())
}

fn unsupported_url() -> &'static str {
    "give --url sqlite:///path/to/db.sqlite, postgres://user@host:port/database or mysql://user@host:port/database (mariadb:// too)"
}

/// Checks a URL without connecting: a known scheme, no password, TLS unless on loopback.
pub fn check_url(url: &str) -> Result<(), String> {
    if url.starts_with("sqlite://") {
        return sqlite_path(url).map(|_| ());
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return postgres_config(url).map(|_| ());
    }
    if is_mysql(url) {
        return mysql_opts(url).map(|_| ());
    }
    Err(unsupported_url().to_owned())
}

/// The path of a `sqlite:///path/db.sqlite` URL.
pub fn sqlite_path(url: &str) -> Result<PathBuf, String> {
    let Some(rest) = url.strip_prefix("sqlite://") else {
        return Err(unsupported_url().to_owned());
    };
    if !rest.starts_with('/') {
        return Err("give the database file's absolute path: sqlite:///path/to/db.sqlite".into());
    }
    Ok(PathBuf::from(rest))
}

/// Whether a host name or address is this machine, where TLS protects nothing.
fn loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

struct Sqlite {
    conn: rusqlite::Connection,
}

impl Sqlite {
    fn open(file: PathBuf) -> Result<Sqlite, String> {
        // Never created: a mistyped path is an error, not an empty database.
        let conn = rusqlite::Connection::open_with_flags(
            &file,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| format!("cannot open the database: {e}"))?;
        // SQLite enforces foreign keys (and their ON DELETE actions) only when asked.
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(|e| format!("cannot turn on foreign keys: {e}"))?;
        Ok(Sqlite { conn })
    }

    fn text_of(value: ValueRef<'_>) -> Option<String> {
        match value {
            ValueRef::Null => None,
            ValueRef::Integer(i) => Some(i.to_string()),
            ValueRef::Real(f) => Some(f.to_string()),
            ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Some(crate::encode::hex(&Sha256::digest(b))),
        }
    }
}

impl Database for Sqlite {
    fn kind(&self) -> Kind {
        Kind::Sqlite
    }

    fn default_schema(&mut self) -> Result<String, String> {
        Ok("main".to_owned())
    }

    /// The file is the whole database: dsr reads no other schema of it.
    fn schema_exists(&mut self, _schema: &str) -> Result<bool, String> {
        Ok(false)
    }

    fn columns(&mut self, table: &str) -> Result<Vec<Column>, String> {
        let db = self as &mut dyn Database;
        let rows = db.rows(
            "SELECT name, \"notnull\", type FROM pragma_table_info(?1)",
            &[Some(table.to_owned())],
        )?;
        let unique: Vec<String> = db
            .rows(
                "SELECT DISTINCT ii.name FROM pragma_index_list(?1) AS il
                 JOIN pragma_index_info(il.name) AS ii WHERE il.\"unique\" = 1",
                &[Some(table.to_owned())],
            )?
            .into_iter()
            .filter_map(|row| row.into_iter().next().flatten())
            .collect();
        Ok(rows
            .into_iter()
            .map(|row| {
                let name = row[0].clone().unwrap_or_default();
                let declared = row[2].clone().unwrap_or_default();
                Column {
                    unique: unique.contains(&name),
                    name,
                    nullable: row[1].as_deref() == Some("0"),
                    class: TypeClass::of_sqlite(&declared),
                    max_length: declared_length(&declared),
                    data_type: declared,
                }
            })
            .collect())
    }

    fn links_to(&mut self, parent: &str) -> Result<Vec<Link>, String> {
        let db = self as &mut dyn Database;
        let tables = db.rows("SELECT name FROM sqlite_schema WHERE type = 'table'", &[])?;
        let mut found = Vec::new();
        for table in tables.into_iter().filter_map(|r| r[0].clone()) {
            let rows = db.rows(
                "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
                &[Some(table.clone())],
            )?;
            let mut links: BTreeMap<String, Link> = BTreeMap::new();
            for row in rows {
                if row[1].as_deref() != Some(parent) {
                    continue;
                }
                let link = links
                    .entry(row[0].clone().unwrap_or_default())
                    .or_insert_with(|| Link {
                        child: table.clone(),
                        child_columns: Vec::new(),
                        parent_columns: Vec::new(),
                        cascades: row[4]
                            .as_deref()
                            .is_some_and(|d| d.eq_ignore_ascii_case("CASCADE")),
                    });
                link.child_columns.push(row[2].clone().unwrap_or_default());
                // A key naming no column points at the parent's primary key.
                link.parent_columns
                    .push(row[3].clone().unwrap_or_else(|| "rowid".to_owned()));
            }
            found.extend(links.into_values());
        }
        Ok(found)
    }

    /// SQLite has no grants: the file's permissions say whether rows may be changed.
    fn privileges(&mut self, _table: &str) -> Result<Privileges, String> {
        let writable = self
            .conn
            .path()
            .is_some_and(|p| rustix::fs::access(p, rustix::fs::Access::WRITE_OK).is_ok());
        Ok(Privileges {
            select: true,
            update: writable,
            delete: writable,
        })
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Option<String>],
        each: &mut dyn FnMut(Row),
    ) -> Result<(), String> {
        let mut statement = self.conn.prepare(sql).map_err(|e| e.to_string())?;
        let width = statement.column_count();
        let mut rows = statement
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| e.to_string())?;
        while let Some(row) = rows.next().map_err(|e| e.to_string())? {
            let values = (0..width)
                .map(|i| row.get_ref(i).map(Self::text_of))
                .collect::<Result<Row, _>>()
                .map_err(|e| e.to_string())?;
            each(values);
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, params: &[Option<String>]) -> Result<u64, String> {
        self.conn
            .execute(sql, rusqlite::params_from_iter(params))
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    }

    /// Takes the write lock at once: no other writer changes the file between the
    /// transaction's first read and its commit.
    fn begin_statement(&self) -> &'static str {
        "BEGIN IMMEDIATE"
    }

    fn control(&mut self, sql: &str) -> Result<(), String> {
        self.conn.execute_batch(sql).map_err(|e| e.to_string())
    }
}

/// A text parameter sent in PostgreSQL's text format: the server parses it as whatever
/// type it inferred for the placeholder (an integer key, a timestamp), as it would a literal.
#[derive(Debug)]
struct Text<'a>(Option<&'a str>);

impl ToSql for Text<'_> {
    fn to_sql(
        &self,
        _ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self.0 {
            Some(text) => {
                out.extend_from_slice(text.as_bytes());
                Ok(IsNull::No)
            }
            None => Ok(IsNull::Yes),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    fn encode_format(&self, _ty: &Type) -> Format {
        Format::Text
    }

    to_sql_checked!();
}

struct Postgres {
    client: postgres::Client,
    /// Each statement prepared once per connection: a query by text is prepared anew on
    /// every call, a round trip of its own before the one that runs it, and an erasure
    /// sends the same few statements for every row.
    prepared: std::collections::HashMap<String, postgres::Statement>,
}

impl Postgres {
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, String> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql).map_err(|e| pg_message(&e))?;
        self.prepared.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

/// A URL without its `sslrootcert=FILE` parameter, and that file: the PEM file of the
/// certificate authorities a server's certificate is checked against instead of the
/// machine's (a private CA), as libpq's parameter of that name. The drivers do not know it.
fn root_cert(url: &str) -> Result<(String, Option<PathBuf>), String> {
    let Some((base, query)) = url.split_once('?') else {
        return Ok((url.to_owned(), None));
    };
    let mut file = None;
    let mut kept = Vec::new();
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("sslrootcert", value)) => {
                let value = percent_encoding::percent_decode_str(value)
                    .decode_utf8()
                    .map_err(|_| "sslrootcert is not UTF-8: give the PEM file's path".to_owned())?;
                if value.is_empty() {
                    return Err("sslrootcert is empty: give the PEM file of the certificate authorities the server's certificate is checked against".to_owned());
                }
                file = Some(PathBuf::from(value.into_owned()));
            }
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok((url, file))
}

/// The connection settings of a `postgres://` URL, refused when it holds a password or
/// would send it in the clear to another machine.
fn postgres_config(url: &str) -> Result<postgres::Config, String> {
    let (url, _) = root_cert(url)?;
    let config: postgres::Config = url
        .parse()
        .map_err(|e| format!("cannot read the database URL: {e}"))?;
    if config.get_password().is_some() {
        return Err("the URL holds a password, which would be kept in the profile: remove it and give it in DSR_DB_PASSWORD, a secret file (--client-secret-file) or at the prompt".into());
    }
    if config.get_user().is_none_or(str::is_empty) {
        return Err("the URL names no user: postgres://USER@host:port/database".into());
    }
    if config.get_dbname().is_none_or(str::is_empty) {
        return Err("the URL names no database: postgres://user@host:port/DATABASE".into());
    }
    let remote: Vec<String> = config
        .get_hosts()
        .iter()
        .filter_map(|host| match host {
            postgres::config::Host::Tcp(name) if !loopback(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    if !remote.is_empty() && config.get_ssl_mode() != postgres::config::SslMode::Require {
        return Err(format!(
            "the database at {} is reached over the network, where dsr requires TLS: add ?sslmode=require to the URL (only loopback and Unix sockets go without)",
            remote.join(", ")
        ));
    }
    Ok(config)
}

impl Postgres {
    fn connect(url: &str, password: Option<&SecretSource>) -> Result<Postgres, String> {
        let mut config = postgres_config(url)?;
        let (_, roots) = root_cert(url)?;
        let tls = match config.get_ssl_mode() {
            postgres::config::SslMode::Require => Some(rustls_connector(roots.as_deref())?),
            _ => None,
        };
        // The password is asked for only when the server wants one (a local server often
        // trusts its Unix socket or loopback), and never kept.
        let open = |config: &postgres::Config| match &tls {
            Some(tls) => config.connect(tls.clone()),
            None => config.connect(postgres::NoTls),
        };
        let client = match open(&config) {
            Ok(client) => client,
            Err(e) if pg_message(&e).contains("password missing") => {
                let ask = password.ok_or_else(|| {
                    "the server asks for a password: set DSR_DB_PASSWORD".to_owned()
                })?;
                let secret = ask()?;
                config.password(secret.expose());
                open(&config).map_err(|e| format!("cannot connect: {}", pg_message(&e)))?
            }
            Err(e) => return Err(format!("cannot connect: {}", pg_message(&e))),
        };
        Ok(Postgres {
            client,
            prepared: std::collections::HashMap::new(),
        })
    }
}

/// TLS with the machine's trusted certificates, as dsr's HTTPS uses, or with the
/// certificate authorities of `roots` (a PEM file) alone. The server's name is checked
/// either way.
fn rustls_connector(
    roots: Option<&Path>,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect, String> {
    use rustls::pki_types::pem::PemObject as _;
    use rustls_platform_verifier::BuilderVerifierExt as _;
    // The provider is named: two are compiled in, and rustls refuses to guess.
    let provider = std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS: {e}"))?;
    let builder = match roots {
        None => builder
            .with_platform_verifier()
            .map_err(|e| format!("cannot set up TLS: {e}"))?,
        Some(file) => {
            let unreadable = |e: &dyn std::fmt::Display| {
                format!(
                    "cannot read the certificate authorities in {} (sslrootcert): {e}",
                    file.display()
                )
            };
            let mut store = rustls::RootCertStore::empty();
            for cert in rustls::pki_types::CertificateDer::pem_file_iter(file)
                .map_err(|e| unreadable(&e))?
            {
                store
                    .add(cert.map_err(|e| unreadable(&e))?)
                    .map_err(|e| unreadable(&e))?;
            }
            if store.is_empty() {
                return Err(unreadable(&"the file holds no certificate"));
            }
            builder.with_root_certificates(store)
        }
    };
    let config = builder.with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// A PostgreSQL error with the server's own message and detail when it sent one.
fn pg_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{}: {detail}", db.message()),
            None => db.message().to_owned(),
        },
        // The driver's own errors say what failed in their source ("invalid configuration:
        // password missing").
        None => match std::error::Error::source(e) {
            Some(source) => format!("{e}: {source}"),
            None => e.to_string(),
        },
    }
}

impl Database for Postgres {
    fn kind(&self) -> Kind {
        Kind::Postgres
    }

    fn default_schema(&mut self) -> Result<String, String> {
        let rows = (self as &mut dyn Database).rows("SELECT current_schema()::text", &[])?;
        rows.into_iter()
            .next()
            .and_then(|row| row.into_iter().next().flatten())
            .ok_or_else(|| {
                "the connection has no current schema: set the user's search_path".to_owned()
            })
    }

    /// There, and the user may look up tables in it (USAGE).
    fn schema_exists(&mut self, schema: &str) -> Result<bool, String> {
        let rows = (self as &mut dyn Database).rows(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace
                            WHERE nspname = $1::text AND has_schema_privilege(oid, 'USAGE'))::text",
            &[Some(schema.to_owned())],
        )?;
        Ok(rows
            .first()
            .is_some_and(|r| r[0].as_deref() == Some("true")))
    }

    fn columns(&mut self, table: &str) -> Result<Vec<Column>, String> {
        // A domain is classed by its base type; varchar(n) and char(n) keep n + 4 in
        // atttypmod.
        let rows = (self as &mut dyn Database).rows(
            "SELECT a.attname::text, (NOT a.attnotnull)::text,
                    format_type(a.atttypid, a.atttypmod),
                    CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END::text,
                    CASE WHEN a.atttypmod > 4 AND t.typname IN ('varchar', 'bpchar')
                         THEN (a.atttypmod - 4)::text END,
                    EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid
                            AND i.indisunique AND a.attnum = ANY (i.indkey))::text
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_type t ON t.oid = a.atttypid
             LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
             WHERE n.nspname = COALESCE($2::text, current_schema()) AND c.relname = $1::text
               AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum",
            &named(table),
        )?;
        Ok(rows
            .into_iter()
            .map(|row| Column {
                name: row[0].clone().unwrap_or_default(),
                nullable: row[1].as_deref() == Some("true"),
                data_type: row[2].clone().unwrap_or_default(),
                class: TypeClass::of_named(row[3].as_deref().unwrap_or_default()),
                max_length: row[4].as_deref().and_then(|n| n.parse().ok()),
                unique: row[5].as_deref() == Some("true"),
            })
            .collect())
    }

    /// Each CHECK constraint on the column alone is evaluated on the value, in a query
    /// that gives the column that value: the expression is the server's own rendering of
    /// its catalog, never text from the dataset.
    fn checks_broken(
        &mut self,
        table: &str,
        column: &Column,
        value: &str,
    ) -> Result<Vec<String>, String> {
        let db = self as &mut dyn Database;
        let checks = db.rows(
            "SELECT con.conname::text, pg_get_expr(con.conbin, con.conrelid)
             FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $2::text
             WHERE con.contype = 'c' AND c.relname = $1::text
               AND n.nspname = COALESCE($3::text, current_schema()) AND con.conkey = ARRAY[a.attnum]",
            &[
                named(table)[0].clone(),
                Some(column.name.clone()),
                named(table)[1].clone(),
            ],
        )?;
        let mut broken = Vec::new();
        for check in checks {
            let (Some(name), Some(expression)) = (&check[0], &check[1]) else {
                continue;
            };
            let probe = format!(
                "SELECT ({expression})::text FROM (SELECT CAST($1::text AS {}) AS {}) AS probe",
                column.data_type,
                super::quote(&column.name)
            );
            // NULL passes a CHECK; only false breaks it.
            let holds = db.rows(&probe, &[Some(value.to_owned())])?;
            if holds.first().and_then(|r| r[0].as_deref()) == Some("false") {
                broken.push(name.clone());
            }
        }
        Ok(broken)
    }

    fn links_to(&mut self, parent: &str) -> Result<Vec<Link>, String> {
        let rows = (self as &mut dyn Database).rows(
            "SELECT con.oid::text,
                    CASE WHEN chn.nspname = current_schema() THEN ch.relname::text
                         ELSE chn.nspname || '.' || ch.relname END,
                    ca.attname::text, pa.attname::text, (con.confdeltype = 'c')::text
             FROM pg_constraint con
             JOIN pg_class ch ON ch.oid = con.conrelid
             JOIN pg_namespace chn ON chn.oid = ch.relnamespace
             JOIN pg_class p ON p.oid = con.confrelid
             JOIN pg_namespace n ON n.oid = p.relnamespace
             CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(c, p, pos)
             JOIN pg_attribute ca ON ca.attrelid = con.conrelid AND ca.attnum = k.c
             JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.p
             WHERE con.contype = 'f' AND p.relname = $1::text
               AND n.nspname = COALESCE($2::text, current_schema())
             ORDER BY con.oid, k.pos",
            &named(parent),
        )?;
        let mut links: BTreeMap<String, Link> = BTreeMap::new();
        for row in rows {
            let link = links
                .entry(row[0].clone().unwrap_or_default())
                .or_insert_with(|| Link {
                    child: row[1].clone().unwrap_or_default(),
                    child_columns: Vec::new(),
                    parent_columns: Vec::new(),
                    cascades: row[4].as_deref() == Some("true"),
                });
            link.child_columns.push(row[2].clone().unwrap_or_default());
            link.parent_columns.push(row[3].clone().unwrap_or_default());
        }
        Ok(links.into_values().collect())
    }

    fn privileges(&mut self, table: &str) -> Result<Privileges, String> {
        // The name is quoted for has_table_privilege, which parses it as SQL would.
        let quoted = Some(super::quote_table(table));
        let rows = (self as &mut dyn Database).rows(
            "SELECT has_table_privilege($1::text, 'SELECT')::text,
                    has_table_privilege($1::text, 'UPDATE')::text,
                    has_table_privilege($1::text, 'DELETE')::text",
            &[quoted],
        )?;
        let yes = |i: usize| {
            rows.first()
                .is_some_and(|r| r[i].as_deref() == Some("true"))
        };
        Ok(Privileges {
            select: yes(0),
            update: yes(1),
            delete: yes(2),
        })
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Option<String>],
        each: &mut dyn FnMut(Row),
    ) -> Result<(), String> {
        use postgres::fallible_iterator::FallibleIterator as _;
        let params: Vec<Text<'_>> = params.iter().map(|p| Text(p.as_deref())).collect();
        let statement = self.statement(sql)?;
        let mut rows = self
            .client
            .query_raw(&statement, params.iter())
            .map_err(|e| pg_message(&e))?;
        while let Some(row) = rows.next().map_err(|e| pg_message(&e))? {
            let values = (0..row.len())
                .map(|i| row.try_get::<_, Option<String>>(i))
                .collect::<Result<Row, _>>()
                .map_err(|e| pg_message(&e))?;
            each(values);
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, params: &[Option<String>]) -> Result<u64, String> {
        let params: Vec<Text<'_>> = params.iter().map(|p| Text(p.as_deref())).collect();
        let params: Vec<&(dyn ToSql + Sync)> =
            params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        let statement = self.statement(sql)?;
        self.client
            .execute(&statement, &params)
            .map_err(|e| pg_message(&e))
    }

    fn control(&mut self, sql: &str) -> Result<(), String> {
        self.client.batch_execute(sql).map_err(|e| pg_message(&e))
    }
}

fn is_mysql(url: &str) -> bool {
    url.starts_with("mysql://") || url.starts_with("mariadb://")
}

/// The connection settings of a `mysql://` or `mariadb://` URL, with the same refusals as
/// for PostgreSQL: no password in it, TLS (`?sslmode=require`) unless on loopback or a Unix
/// socket (`?socket=/path`).
fn mysql_opts(url: &str) -> Result<mysql::OptsBuilder, String> {
    let mut parsed =
        url::Url::parse(url).map_err(|e| format!("cannot read the database URL: {e}"))?;
    if parsed.password().is_some() {
        return Err("the URL holds a password, which would be kept in the profile: remove it and give it in DSR_DB_PASSWORD, a secret file (--client-secret-file) or at the prompt".into());
    }
    let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
    let tls = pairs
        .iter()
        .any(|(k, v)| k == "sslmode" && v.eq_ignore_ascii_case("require"));
    let roots = pairs
        .iter()
        .find(|(k, _)| k == "sslrootcert")
        .map(|(_, v)| PathBuf::from(v));
    let socket = pairs.iter().any(|(k, _)| k == "socket");
    // The driver knows no sslmode: it is dsr's, read above.
    parsed.set_query(None);
    let kept: Vec<&(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k != "sslmode" && k != "sslrootcert")
        .collect();
    if !kept.is_empty() {
        let mut query = parsed.query_pairs_mut();
        for (k, v) in kept {
            query.append_pair(k, v);
        }
    }
    let host = parsed.host_str().unwrap_or_default().to_owned();
    if parsed.username().is_empty() {
        return Err("the URL names no user: mysql://USER@host:port/database".into());
    }
    if parsed.path().trim_matches('/').is_empty() {
        return Err("the URL names no database: mysql://user@host:port/DATABASE".into());
    }
    if !tls && !socket && !loopback(&host) {
        return Err(format!(
            "the database at {host} is reached over the network, where dsr requires TLS: add ?sslmode=require to the URL (only loopback and Unix sockets go without)"
        ));
    }
    // The driver reads mysql:// only; mariadb:// is the same protocol.
    let text = parsed.as_str().replacen("mariadb://", "mysql://", 1);
    let opts =
        mysql::Opts::from_url(&text).map_err(|e| format!("cannot read the database URL: {e}"))?;
    let mut builder = mysql::OptsBuilder::from_opts(opts)
        // A connection to 127.0.0.1 stays on TCP, where the URL put it.
        .prefer_socket(false)
        // UPDATE answers the rows it matched, not only those whose value differed: a
        // scrub writing the mask a row already holds still counts as one row.
        .additional_capabilities(mysql::consts::CapabilityFlags::CLIENT_FOUND_ROWS)
        .init(vec![
            "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'ANSI_QUOTES')",
        ]);
    if tls {
        builder = builder.ssl_opts(mysql::SslOpts::default().with_root_cert_path(roots));
    }
    Ok(builder)
}

struct Mysql {
    conn: mysql::Conn,
}

/// A MariaDB/MySQL error with the server's code when it sent one.
fn mysql_message(e: &mysql::Error) -> String {
    match e {
        mysql::Error::MySqlError(server) => format!("{} (error {})", server.message, server.code),
        other => other.to_string(),
    }
}

impl Mysql {
    fn connect(url: &str, password: Option<&SecretSource>) -> Result<Mysql, String> {
        let builder = mysql_opts(url)?;
        // As for PostgreSQL: asked for only when the server refuses the user without one.
        let conn = match mysql::Conn::new(builder.clone()) {
            Ok(conn) => conn,
            Err(mysql::Error::MySqlError(e)) if e.code == 1045 => {
                let ask = password.ok_or_else(|| {
                    "the server asks for a password: set DSR_DB_PASSWORD".to_owned()
                })?;
                let secret = ask()?;
                mysql::Conn::new(builder.pass(Some(secret.expose().to_owned())))
                    .map_err(|e| format!("cannot connect: {}", mysql_message(&e)))?
            }
            Err(e) => return Err(format!("cannot connect: {}", mysql_message(&e))),
        };
        Ok(Mysql { conn })
    }

    fn text_of(value: mysql::Value) -> Option<String> {
        match value {
            mysql::Value::NULL => None,
            mysql::Value::Bytes(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            mysql::Value::Int(i) => Some(i.to_string()),
            mysql::Value::UInt(u) => Some(u.to_string()),
            mysql::Value::Float(f) => Some(f.to_string()),
            mysql::Value::Double(f) => Some(f.to_string()),
            other => Some(other.as_sql(true).trim_matches('\'').to_owned()),
        }
    }

    fn params(params: &[Option<String>]) -> mysql::Params {
        if params.is_empty() {
            return mysql::Params::Empty;
        }
        mysql::Params::Positional(
            params
                .iter()
                .map(|p| match p {
                    Some(text) => mysql::Value::Bytes(text.clone().into_bytes()),
                    None => mysql::Value::NULL,
                })
                .collect(),
        )
    }
}

/// The account the session runs as, written as information_schema's GRANTEE column
/// writes it (`'user'@'host'`).
const GRANTEE: &str = "CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')";

impl Database for Mysql {
    fn kind(&self) -> Kind {
        Kind::Mysql
    }

    fn default_schema(&mut self) -> Result<String, String> {
        let rows = (self as &mut dyn Database).rows("SELECT CAST(DATABASE() AS CHAR)", &[])?;
        rows.into_iter()
            .next()
            .and_then(|row| row.into_iter().next().flatten())
            .ok_or_else(|| "the connection has no database: name it in the URL".to_owned())
    }

    /// There, and the user holds some privilege in it: information_schema shows an
    /// account only the databases it may reach.
    fn schema_exists(&mut self, schema: &str) -> Result<bool, String> {
        let rows = (self as &mut dyn Database).rows(
            "SELECT CAST(COUNT(*) AS CHAR) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
            &[Some(schema.to_owned())],
        )?;
        Ok(rows.first().is_some_and(|r| r[0].as_deref() != Some("0")))
    }

    fn columns(&mut self, table: &str) -> Result<Vec<Column>, String> {
        let rows = (self as &mut dyn Database).rows(
            "SELECT CAST(c.COLUMN_NAME AS CHAR), CAST(c.IS_NULLABLE AS CHAR),
                    CAST(c.COLUMN_TYPE AS CHAR), CAST(c.DATA_TYPE AS CHAR),
                    CAST(c.CHARACTER_MAXIMUM_LENGTH AS CHAR),
                    CAST(EXISTS (SELECT 1 FROM information_schema.STATISTICS s
                                 WHERE s.TABLE_SCHEMA = c.TABLE_SCHEMA
                                   AND s.TABLE_NAME = c.TABLE_NAME
                                   AND s.COLUMN_NAME = c.COLUMN_NAME
                                   AND s.NON_UNIQUE = 0) AS CHAR)
             FROM information_schema.COLUMNS c
             WHERE c.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND c.TABLE_NAME = ?
             ORDER BY c.ORDINAL_POSITION",
            &schema_first(table),
        )?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let class = TypeClass::of_named(row[3].as_deref().unwrap_or_default());
                Column {
                    name: row[0].clone().unwrap_or_default(),
                    nullable: row[1].as_deref() == Some("YES"),
                    data_type: row[2].clone().unwrap_or_default(),
                    class,
                    // TEXT columns report their size in bytes; only CHAR and VARCHAR
                    // limit what a mask may be.
                    max_length: row[4].as_deref().and_then(|n| n.parse().ok()).filter(|_| {
                        matches!(
                            row[3].as_deref().map(str::to_ascii_lowercase).as_deref(),
                            Some("char" | "varchar")
                        )
                    }),
                    unique: row[5].as_deref() == Some("1"),
                }
            })
            .collect())
    }

    fn links_to(&mut self, parent: &str) -> Result<Vec<Link>, String> {
        let rows = (self as &mut dyn Database).rows(
            "SELECT CAST(k.CONSTRAINT_NAME AS CHAR),
                    CAST(CASE WHEN k.TABLE_SCHEMA = DATABASE() THEN k.TABLE_NAME
                              ELSE CONCAT(k.TABLE_SCHEMA, '.', k.TABLE_NAME) END AS CHAR),
                    CAST(k.COLUMN_NAME AS CHAR), CAST(k.REFERENCED_COLUMN_NAME AS CHAR),
                    CAST(r.DELETE_RULE AS CHAR)
             FROM information_schema.KEY_COLUMN_USAGE k
             JOIN information_schema.REFERENTIAL_CONSTRAINTS r
               ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
              AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
             WHERE k.REFERENCED_TABLE_SCHEMA = COALESCE(?, DATABASE())
               AND k.REFERENCED_TABLE_NAME = ?
             ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
            &schema_first(parent),
        )?;
        let mut links: BTreeMap<(String, String), Link> = BTreeMap::new();
        for row in rows {
            let child = row[1].clone().unwrap_or_default();
            let link = links
                .entry((child.clone(), row[0].clone().unwrap_or_default()))
                .or_insert_with(|| Link {
                    child,
                    child_columns: Vec::new(),
                    parent_columns: Vec::new(),
                    cascades: row[4]
                        .as_deref()
                        .is_some_and(|d| d.eq_ignore_ascii_case("CASCADE")),
                });
            link.child_columns.push(row[2].clone().unwrap_or_default());
            link.parent_columns.push(row[3].clone().unwrap_or_default());
        }
        Ok(links.into_values().collect())
    }

    /// Each CHECK constraint of the table is evaluated on the value in a query that holds
    /// the column alone: a constraint that names other columns fails to run there and is
    /// not one on this column. The expression is the server's own, never the dataset's.
    fn checks_broken(
        &mut self,
        table: &str,
        column: &Column,
        value: &str,
    ) -> Result<Vec<String>, String> {
        let db = self as &mut dyn Database;
        let checks = db.rows(
            "SELECT CAST(CONSTRAINT_NAME AS CHAR), CAST(CHECK_CLAUSE AS CHAR)
             FROM information_schema.CHECK_CONSTRAINTS
             WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
            &schema_first(table),
        )?;
        let mut broken = Vec::new();
        for check in checks {
            let (Some(name), Some(expression)) = (&check[0], &check[1]) else {
                continue;
            };
            let probe = format!(
                "SELECT CAST(({expression}) AS CHAR) FROM (SELECT CAST(? AS CHAR) AS {}) AS probe",
                super::quote(&column.name)
            );
            // NULL passes a CHECK; only false (0) breaks it.
            if let Ok(holds) = db.rows(&probe, &[Some(value.to_owned())])
                && holds.first().and_then(|r| r[0].as_deref()) == Some("0")
            {
                broken.push(name.clone());
            }
        }
        Ok(broken)
    }

    /// The grants of the connected account on the server, the database and the table
    /// (information_schema shows an account its own); roles are not followed.
    fn privileges(&mut self, table: &str) -> Result<Privileges, String> {
        let sql = format!(
            "SELECT CAST(PRIVILEGE_TYPE AS CHAR) FROM information_schema.USER_PRIVILEGES
               WHERE GRANTEE = {GRANTEE}
             UNION SELECT CAST(PRIVILEGE_TYPE AS CHAR) FROM information_schema.SCHEMA_PRIVILEGES
               WHERE GRANTEE = {GRANTEE} AND TABLE_SCHEMA = COALESCE(?, DATABASE())
             UNION SELECT CAST(PRIVILEGE_TYPE AS CHAR) FROM information_schema.TABLE_PRIVILEGES
               WHERE GRANTEE = {GRANTEE} AND TABLE_SCHEMA = COALESCE(?, DATABASE())
                 AND TABLE_NAME = ?"
        );
        let [schema, table] = schema_first(table);
        let granted: Vec<String> = (self as &mut dyn Database)
            .rows(&sql, &[schema.clone(), schema, table])?
            .into_iter()
            .filter_map(|row| row.into_iter().next().flatten())
            .collect();
        let has = |what: &str| granted.iter().any(|g| g.eq_ignore_ascii_case(what));
        Ok(Privileges {
            select: has("SELECT"),
            update: has("UPDATE"),
            delete: has("DELETE"),
        })
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Option<String>],
        each: &mut dyn FnMut(Row),
    ) -> Result<(), String> {
        use mysql::prelude::Queryable as _;
        let result = self
            .conn
            .exec_iter(sql, Self::params(params))
            .map_err(|e| mysql_message(&e))?;
        for row in result {
            let row = row.map_err(|e| mysql_message(&e))?;
            each(row.unwrap().into_iter().map(Self::text_of).collect());
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, params: &[Option<String>]) -> Result<u64, String> {
        use mysql::prelude::Queryable as _;
        self.conn
            .exec_drop(sql, Self::params(params))
            .map_err(|e| mysql_message(&e))?;
        Ok(self.conn.affected_rows())
    }

    fn begin_statement(&self) -> &'static str {
        "START TRANSACTION"
    }

    fn control(&mut self, sql: &str) -> Result<(), String> {
        use mysql::prelude::Queryable as _;
        self.conn.query_drop(sql).map_err(|e| mysql_message(&e))
    }
}
