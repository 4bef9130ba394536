//! A relational database as a tenant (`sql`), described by a dataset file
//! ([`dataset::Dataset`]): each row of a described table is an asset (id `table/key`,
//! archive the table), its personal columns the asset's metadata (field `table.column`).
//!
//! The database is SQLite, PostgreSQL or MariaDB/MySQL, reached through the seam in
//! [`db`]: this module holds the logic once (scope, quoting, erase order, read-back),
//! synchronous like the [`Platform`] trait.
//!
//! Every statement carries the scope predicate (`--scope COLUMN=VALUE`), so that a
//! multi-tenant database's other customers are never read or changed; table and column
//! names come from the dataset, are checked against the database's catalog and always
//! quoted; values are always bound parameters.

pub mod dataset;
pub mod db;
pub mod sample;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use sha2::{Digest, Sha256};

use self::dataset::{ColumnRole, Dataset, EraseRule, Hop, Mask, Table};
use self::db::{Column, Database, Kind, Link, Row, TypeClass};
use super::objects::{ObjectsPlatform, key_label};
use super::{
    ArchiveAccess, AttachedFile, Description, FileOutcome, FileStep, FileStoreCheck,
    MetadataChanges, Platform, PlatformError, Related, ScanEnd, Scanned, Since, Timeouts,
};
use crate::asset::{Asset, FieldValue, Metadata};
use crate::matching::identity::{Identity, IdentityKind};
use crate::platform::http::SecretSource;
use crate::receipt::subject::Salt;

/// The scope of a multi-tenant database: every query is limited to `column = value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub column: String,
    pub value: String,
}

impl Scope {
    /// Reads `COLUMN=VALUE`.
    pub fn parse(text: &str) -> Option<Scope> {
        let (column, value) = text.split_once('=')?;
        let (column, value) = (column.trim(), value.trim());
        (!column.is_empty() && !value.is_empty()).then(|| Scope {
            column: column.to_owned(),
            value: value.to_owned(),
        })
    }
}

/// A database as a tenant.
pub struct SqlPlatform {
    url: String,
    dataset: Dataset,
    scope: Option<Scope>,
    kind: Kind,
    // One statement at a time on one connection: none of the drivers shares one between
    // threads, and an erasure changes rows in the plan's order anyway.
    db: Mutex<Box<dyn Database>>,
    /// Why an erasure cannot run with the connected user's privileges, checked once.
    erase_refused: OnceLock<Option<String>>,
    /// The tenant's identity salt file, read when a mask first needs it.
    salt_file: Option<PathBuf>,
    salt: OnceLock<Salt>,
    /// The object stores of the files behind rows, by URL, opened when first needed.
    stores: Mutex<BTreeMap<String, std::sync::Arc<ObjectsPlatform>>>,
    /// A run's changes are open in one transaction ([`Platform::begin_changes`]): each
    /// row's change takes a savepoint in it instead of a transaction of its own.
    batch: std::sync::atomic::AtomicBool,
    /// The foreign keys pointing at each table, and each table's columns, as the catalog
    /// gave them when first asked: a deletion asks for every row, and the catalog does not
    /// change under one run.
    links: Mutex<BTreeMap<String, Vec<Link>>>,
    columns: Mutex<BTreeMap<String, Vec<Column>>>,
    /// Per table reached through others, its steps to the scope column, each with its
    /// columns ([`SqlPlatform::scope_paths`]).
    paths: BTreeMap<String, Vec<Hop>>,
    /// By row id, how the last deletion of the row's file ended, for its receipt.
    file_steps: Mutex<BTreeMap<String, Vec<FileStep>>>,
    /// The row [`Platform::get`] read last, by id, as the database gave it. An erasure
    /// reads each row just before it changes it: the change starts from that read,
    /// guarded by its values, instead of reading the row again ([`SqlPlatform::write_row`]).
    last_read: Mutex<Option<(String, Row)>>,
}

/// How many foreign-key steps away from a subject's row [`Platform::related`] looks
/// (a client's quotes, their lines, and one more).
const RELATED_DEPTH: usize = 3;
/// The most related rows one row brings along, so that a row half the database points at
/// (a shared lookup row reviewed in by mistake) cannot pull the database into a package.
const RELATED_MOST: usize = 10_000;

/// How a column is named to people: its table's label and its name (`Quotes · client_id`).
fn column_label(table: &Table, column: &str) -> String {
    format!("{} · {}", table.label, column.escape_debug())
}

/// Checks a database URL without connecting (for `dsr tenant add`).
pub fn check_url(url: &str) -> Result<(), String> {
    db::check_url(url)
}

/// A quoted identifier: a `"` inside is doubled, so a name can never end the quoting.
pub(crate) fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// A table's name as statements write it, each part quoted: `"billing"."invoices"` for a
/// table the dataset names with its schema (`billing.invoices`; on MariaDB and MySQL the
/// schema is another database of the server), `"clients"` for one of the connection's
/// default schema.
pub(crate) fn quote_table(name: &str) -> String {
    match split_table(name) {
        (Some(schema), table) => format!("{}.{}", quote(schema), quote(table)),
        (None, table) => quote(table),
    }
}

/// The schema and the table a dataset's table name names, split at its first dot:
/// `billing.invoices` is the table `invoices` of the schema `billing`; a name without a
/// dot is a table of the connection's default schema.
pub(crate) fn split_table(name: &str) -> (Option<&str>, &str) {
    match name.split_once('.') {
        Some((schema, table)) => (Some(schema), table),
        None => (None, name),
    }
}

/// A statement being written, with its bound values in placeholder order.
struct Statement {
    kind: Kind,
    sql: String,
    params: Vec<Option<String>>,
}

impl Statement {
    fn new(kind: Kind, sql: impl Into<String>) -> Statement {
        Statement {
            kind,
            sql: sql.into(),
            params: Vec::new(),
        }
    }

    fn push(&mut self, text: &str) -> &mut Statement {
        self.sql.push_str(text);
        self
    }

    fn bind(&mut self, value: Option<String>) -> &mut Statement {
        self.params.push(value);
        let placeholder = self.kind.placeholder(self.params.len());
        self.sql.push_str(&placeholder);
        self
    }

    /// ` AND "c1" = ? AND "c2" = ?` with the values bound.
    fn equal(&mut self, columns: &[String], values: &[Option<String>]) -> &mut Statement {
        for (column, value) in columns.iter().zip(values) {
            self.push(&format!(" AND {} = ", quote(column)))
                .bind(value.clone());
        }
        self
    }
}

/// An id's key values are percent-encoded so that a `/` in a key cannot split it.
const KEY_SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

impl SqlPlatform {
    /// Opens the database and checks the dataset and the scope against its catalog. The
    /// password, when the server asks for one, comes from `password`; the salt of hashed
    /// masks from `salt_file` (created when first needed).
    pub fn open(
        url: &str,
        dataset_file: &Path,
        scope: Option<&str>,
        password: Option<&SecretSource>,
        salt_file: Option<PathBuf>,
    ) -> Result<SqlPlatform, PlatformError> {
        let database_error = |message: String| PlatformError::Database {
            url: url.to_owned(),
            message,
        };
        db::check_url(url).map_err(database_error)?;
        let dataset = Dataset::load(dataset_file).map_err(|e| database_error(e.to_string()))?;
        let scope = match scope {
            Some(text) => Some(Scope::parse(text).ok_or(PlatformError::Unsupported(
                "the scope is not COLUMN=VALUE: add the tenant again with --scope customer_id=42",
            ))?),
            None => None,
        };
        // A dataset that names a scope describes a multi-tenant database: reading it whole,
        // or by another column, would reach other customers' rows.
        if let Some(column) = &dataset.scope
            && scope.as_ref().is_none_or(|s| s.column != *column)
        {
            return Err(database_error(format!(
                "the dataset scopes every table by {column}: add the tenant with --scope {column}=VALUE"
            )));
        }
        let db = db::connect(url, password).map_err(database_error)?;
        let mut platform = SqlPlatform {
            url: url.to_owned(),
            dataset,
            scope,
            kind: db.kind(),
            db: Mutex::new(db),
            erase_refused: OnceLock::new(),
            salt_file,
            salt: OnceLock::new(),
            stores: Mutex::new(BTreeMap::new()),
            batch: std::sync::atomic::AtomicBool::new(false),
            links: Mutex::new(BTreeMap::new()),
            columns: Mutex::new(BTreeMap::new()),
            paths: BTreeMap::new(),
            file_steps: Mutex::new(BTreeMap::new()),
            last_read: Mutex::new(None),
        };
        platform.check_catalog()?;
        platform.paths = platform.scope_paths()?;
        Ok(platform)
    }

    fn error(&self, message: String) -> PlatformError {
        PlatformError::Database {
            url: self.url.clone(),
            message,
        }
    }

    /// Runs one row's change: in a transaction of its own, or under a savepoint of the
    /// run's transaction when one is open.
    fn change<T>(
        &self,
        db: &mut dyn Database,
        work: impl FnOnce(&mut (dyn Database + '_)) -> Result<T, PlatformError>,
    ) -> Result<T, PlatformError> {
        if self.batch.load(std::sync::atomic::Ordering::SeqCst) {
            db.savepoint(|e| self.error(e), work)
        } else {
            db.transaction(|e| self.error(e), work)
        }
    }

    /// The foreign keys pointing at `table`, read from the catalog once.
    fn links_to(&self, db: &mut dyn Database, table: &str) -> Result<Vec<Link>, PlatformError> {
        let mut known = crate::threads::lock(&self.links);
        if let Some(links) = known.get(table) {
            return Ok(links.clone());
        }
        let links = db.links_to(table).map_err(|e| self.error(e))?;
        known.insert(table.to_owned(), links.clone());
        Ok(links)
    }

    /// The columns of `table`, read from the catalog once.
    fn columns_of(&self, db: &mut dyn Database, table: &str) -> Result<Vec<Column>, PlatformError> {
        let mut known = crate::threads::lock(&self.columns);
        if let Some(columns) = known.get(table) {
            return Ok(columns.clone());
        }
        let columns = db.columns(table).map_err(|e| self.error(e))?;
        known.insert(table.to_owned(), columns.clone());
        Ok(columns)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Box<dyn Database>> {
        self.db
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Every table, key column, personal column, change column and the scope column the
    /// dataset names exists, and every column erasure clears can hold its mask: checked
    /// before anything is read or changed.
    fn check_catalog(&self) -> Result<(), PlatformError> {
        let mut db = self.lock();
        let path = self.dataset.path.display();
        for table in self.dataset.tables.values() {
            if let (Some(schema), bare) = split_table(&table.name) {
                self.check_schema(db.as_mut(), &table.name, schema, bare)?;
            }
            let columns = db.columns(&table.name).map_err(|e| self.error(e))?;
            if columns.is_empty() {
                return Err(self.error(format!(
                    "the dataset file {path}, table {}: the database has no such table; correct the name or remove the table from the file",
                    table.name
                )));
            }
            let named = table
                .key
                .iter()
                .chain(table.columns.keys())
                .chain(table.changed_at.iter())
                .chain(table.files.as_ref().map(|f| &f.column))
                .chain(
                    self.scope
                        .as_ref()
                        .filter(|_| table.scope_through.is_empty())
                        .map(|s| &s.column),
                );
            for column in named {
                if !columns.iter().any(|c| c.name == *column) {
                    return Err(self.error(format!(
                        "the dataset file {path}, table {}, column {}: the table has no such column; correct the name in the file (or the scope)",
                        table.name,
                        column.escape_debug()
                    )));
                }
            }
        }
        self.check_masks(db.as_mut()).map_err(|e| self.error(e))
    }

    /// The schema a table of the dataset names is one the database has and the user may
    /// reach, and not the default one written out: the catalog names a default schema's
    /// tables bare, and a dataset naming one both ways would see two tables in one.
    fn check_schema(
        &self,
        db: &mut dyn Database,
        name: &str,
        schema: &str,
        bare: &str,
    ) -> Result<(), PlatformError> {
        let place = format!(
            "the dataset file {}, table {name}",
            self.dataset.path.display()
        );
        let problem = if self.kind == Kind::Sqlite {
            format!(
                "a SQLite database has no schemas dsr reads: name the table without one ({bare})"
            )
        } else if db.default_schema().map_err(|e| self.error(e))? == schema {
            format!(
                "{schema} is the connection's default schema; name the table without it ({bare})"
            )
        } else if !db.schema_exists(schema).map_err(|e| self.error(e))? {
            let what = match self.kind {
                Kind::Mysql => "no database of that name on the server that the user may read",
                _ => "none that the user may use (USAGE)",
            };
            format!(
                "the database has no schema {schema} ({what}): correct the name in the file, or grant the user access"
            )
        } else {
            return Ok(());
        };
        Err(self.error(format!("{place}: {problem}")))
    }

    /// Every column erasure scrubs can hold its mask, by the catalog: NULL only where the
    /// column allows it; a text only in a text column (a number where it reads as one), no
    /// longer than the column's length, admitted by the column's own CHECK constraints,
    /// and the same text for every erased row only where no unique index forbids it.
    /// Answers what is wrong, naming the file, table, column and what to change.
    fn check_masks(&self, db: &mut dyn Database) -> Result<(), String> {
        let path = self.dataset.path.display();
        // The masks that hash the value they replace are probed with a hash of `f`s:
        // their form and length are the same for every value, and a hash of letters is
        // not taken for a number.
        let probe_hash = "f".repeat(64);
        for table in self.dataset.tables.values() {
            if table.erase != EraseRule::Scrub {
                continue;
            }
            let columns = db.columns(&table.name)?;
            for column in &columns {
                let Some(mask) = table
                    .columns
                    .contains_key(&column.name)
                    .then(|| table.masks.get(&column.name).unwrap_or(&Mask::Null))
                else {
                    continue;
                };
                let place = format!(
                    "the dataset file {path}, table {}, column {}",
                    table.name,
                    column.name.escape_debug()
                );
                if let Some(problem) = mask_misfit(db, &table.name, column, mask, &probe_hash)? {
                    return Err(format!("{place}: {problem}"));
                }
            }
        }
        Ok(())
    }

    /// ` AND <the row of table is in the scope>` with the scope's value bound, or nothing
    /// for an unscoped database ([`SqlPlatform::in_scope`]).
    fn scoped(&self, table: &str, statement: &mut Statement) {
        if self.scope.is_some() {
            statement.push(" AND ");
            self.in_scope(table, statement);
        }
    }

    /// Whether a row of `table` is in the scope: `"table"."scope" = ?` where the table
    /// holds the column, or, reached through other tables by foreign keys,
    /// `"table"."c" IN (SELECT "p"."id" FROM "p" WHERE "p"."scope" = ?)`, one subquery
    /// per step. Every name is qualified by its table, so that none can be read as another
    /// table's column of the same name. Nothing for an unscoped database.
    fn in_scope(&self, table: &str, statement: &mut Statement) {
        let Some(scope) = &self.scope else {
            return;
        };
        let columns = |table: &str, columns: &[String]| {
            let named: Vec<String> = columns
                .iter()
                .map(|c| format!("{}.{}", quote_table(table), quote(c)))
                .collect();
            match named.as_slice() {
                [one] => one.clone(),
                _ => format!("({})", named.join(", ")),
            }
        };
        let mut from = table;
        let steps = self.paths.get(table).map(Vec::as_slice).unwrap_or_default();
        for step in steps {
            statement.push(&format!(
                "{} IN (SELECT {} FROM {} WHERE ",
                columns(from, &step.columns),
                columns(&step.table, &step.references),
                quote_table(&step.table)
            ));
            from = &step.table;
        }
        statement
            .push(&format!(
                "{}.{} = ",
                quote_table(from),
                quote(&scope.column)
            ))
            .bind(Some(scope.value.clone()));
        statement.push(&")".repeat(steps.len()));
    }

    /// Each table's way to the scope column through other tables (its `scope_through`),
    /// every step's columns settled: from the foreign key the database declares between
    /// the two tables where the file names none. Refused, naming the table, where no key or
    /// more than one leads there, a named column does not exist, or the last table lacks
    /// the scope column.
    fn scope_paths(&self) -> Result<BTreeMap<String, Vec<Hop>>, PlatformError> {
        let mut paths = BTreeMap::new();
        let Some(scope) = &self.scope else {
            return Ok(paths);
        };
        let file = self.dataset.path.display();
        let mut db = self.lock();
        for table in self.dataset.tables.values() {
            if table.scope_through.is_empty() {
                continue;
            }
            let refuse = |problem: String| {
                self.error(format!(
                    "the dataset file {file}, table {}, scope_through: {problem}",
                    table.name
                ))
            };
            let mut from = table.name.clone();
            let mut steps = Vec::new();
            for hop in &table.scope_through {
                let step = if hop.columns.is_empty() {
                    let links: Vec<Link> = db
                        .links_to(&hop.table)
                        .map_err(|e| self.error(e))?
                        .into_iter()
                        .filter(|l| l.child == from)
                        .collect();
                    match links.as_slice() {
                        [link] => Hop {
                            table: hop.table.clone(),
                            columns: link.child_columns.clone(),
                            references: link.parent_columns.clone(),
                        },
                        [] => {
                            return Err(refuse(format!(
                                "the database declares no foreign key from {from} to {}: name the columns, {{ table = \"{}\", columns = [\"…\"], references = [\"…\"] }}",
                                hop.table, hop.table
                            )));
                        }
                        _ => {
                            return Err(refuse(format!(
                                "the database declares {} foreign keys from {from} to {}: name the columns of the one that says whose the row is, {{ table = \"{}\", columns = [\"…\"], references = [\"…\"] }}",
                                links.len(),
                                hop.table,
                                hop.table
                            )));
                        }
                    }
                } else {
                    hop.clone()
                };
                for (owner, named) in [(&from, &step.columns), (&step.table, &step.references)] {
                    let known = db.columns(owner).map_err(|e| self.error(e))?;
                    if known.is_empty() {
                        return Err(refuse(format!("the database has no table {owner}")));
                    }
                    if let Some(missing) =
                        named.iter().find(|c| !known.iter().any(|k| k.name == **c))
                    {
                        return Err(refuse(format!(
                            "table {owner} has no column {}",
                            missing.escape_debug()
                        )));
                    }
                }
                from = step.table.clone();
                steps.push(step);
            }
            let last = db.columns(&from).map_err(|e| self.error(e))?;
            if !last.iter().any(|c| c.name == scope.column) {
                return Err(refuse(format!(
                    "its last table, {from}, has no scope column {}: continue the path to a table that has it",
                    scope.column
                )));
            }
            paths.insert(table.name.clone(), steps);
        }
        Ok(paths)
    }

    /// The columns read for a row: key, change column, personal columns.
    fn selected(table: &Table) -> Vec<String> {
        let mut columns: Vec<String> = table.key.clone();
        columns.extend(table.changed_at.iter().cloned());
        columns.extend(table.columns.keys().cloned());
        columns
    }

    /// `SELECT … FROM table WHERE 1 = 1`, each column read as text.
    fn select(&self, table: &Table) -> Statement {
        self.select_columns(table, &Self::selected(table))
    }

    /// `SELECT columns FROM table WHERE 1 = 1`, each read as text.
    fn select_columns(&self, table: &Table, columns: &[String]) -> Statement {
        let columns: Vec<String> = columns
            .iter()
            .map(|c| self.kind.as_text(&quote(c)))
            .collect();
        Statement::new(
            self.kind,
            format!(
                "SELECT {} FROM {} WHERE 1 = 1",
                columns.join(", "),
                quote_table(&table.name)
            ),
        )
    }

    /// The table and key values an id names.
    fn parse_id<'a>(&'a self, id: &str) -> Result<(&'a Table, Vec<Option<String>>), PlatformError> {
        let not_found = || PlatformError::NotFound { id: id.to_owned() };
        let (table, key) = id.split_once('/').ok_or_else(not_found)?;
        let table = self.dataset.tables.get(table).ok_or_else(not_found)?;
        let values: Vec<Option<String>> = key
            .split('/')
            .map(|v| {
                percent_encoding::percent_decode_str(v)
                    .decode_utf8()
                    .map(|v| Some(v.into_owned()))
            })
            .collect::<Result<_, _>>()
            .map_err(|_| not_found())?;
        if values.len() != table.key.len() {
            return Err(not_found());
        }
        Ok((table, values))
    }

    /// Reads one row of `table` (scoped), if it is there.
    fn read_row(
        &self,
        db: &mut dyn Database,
        table: &Table,
        key: &[Option<String>],
    ) -> Result<Option<Asset>, PlatformError> {
        Ok(self
            .read_raw(db, table, key)?
            .map(|row| row_asset(table, row)))
    }

    /// [`SqlPlatform::read_row`], the row as the database gave it.
    fn read_raw(
        &self,
        db: &mut dyn Database,
        table: &Table,
        key: &[Option<String>],
    ) -> Result<Option<Row>, PlatformError> {
        let mut statement = self.select(table);
        statement.equal(&table.key, key);
        self.scoped(&table.name, &mut statement);
        let rows = db
            .rows(&statement.sql, &statement.params)
            .map_err(|e| self.error(e))?;
        Ok(rows.into_iter().next())
    }

    /// The row [`Platform::get`] last read, if it was `id`'s; taken, so that it starts
    /// one change at most.
    fn remembered(&self, id: &str) -> Option<Row> {
        crate::threads::lock(&self.last_read)
            .take()
            .filter(|(read, _)| read == id)
            .map(|(_, row)| row)
    }

    /// Writes `changes` to the row `before` is, each cleared column's mask in its place,
    /// and answers the row as it then is. With `guard` (the row as read before this
    /// transaction), the statement changes the row only while each column dsr reads still
    /// holds the value read, and answers `None` when it no longer does. PostgreSQL and
    /// SQLite answer the changed row from the statement itself (`RETURNING`), in the same
    /// round trip; MariaDB and MySQL, which cannot, read it again.
    #[allow(clippy::too_many_arguments)]
    fn write_row(
        &self,
        tx: &mut dyn Database,
        table: &Table,
        key: &[Option<String>],
        id: &str,
        changes: &MetadataChanges,
        before: &Asset,
        guard: Option<&Row>,
    ) -> Result<Option<Asset>, PlatformError> {
        let mut statement = Statement::new(
            self.kind,
            format!("UPDATE {} SET ", quote_table(&table.name)),
        );
        let mut first = true;
        for (field, change) in changes {
            let column = self
                .dataset
                .column_of(field)
                .filter(|(t, _)| t.name == table.name)
                .map(|(_, c)| c)
                .ok_or_else(|| {
                    PlatformError::Rejected(format!(
                        "field {field} is not a personal column of table {} in the dataset: nothing was written",
                        table.name
                    ))
                })?;
            let value = match change {
                Some(FieldValue::Single(text)) => Some(text.clone()),
                Some(FieldValue::Bag(items)) => Some(items.join(", ")),
                None => self.mask_value(table, column, before.metadata.get(field))?,
            };
            if !first {
                statement.push(", ");
            }
            first = false;
            statement.push(&format!("{} = ", quote(column))).bind(value);
        }
        if first {
            return self.read_row(tx, table, key);
        }
        statement.push(" WHERE 1 = 1").equal(&table.key, key);
        self.scoped(&table.name, &mut statement);
        if let Some(row) = guard {
            let read = Self::selected(table);
            for (column, value) in read.iter().zip(row).skip(table.key.len()) {
                statement
                    .push(&format!(
                        " AND {} {} ",
                        self.kind.as_text(&quote(column)),
                        self.kind.null_safe_equal()
                    ))
                    .bind(value.clone());
            }
        }
        let returning = self.kind != Kind::Mysql;
        let (changed, after) = if returning {
            let read: Vec<String> = Self::selected(table)
                .iter()
                .map(|c| self.kind.as_text(&quote(c)))
                .collect();
            statement.push(&format!(" RETURNING {}", read.join(", ")));
            let rows = tx
                .rows(&statement.sql, &statement.params)
                .map_err(|e| self.error(e))?;
            let changed = rows.len() as u64;
            (
                changed,
                rows.into_iter().next().map(|row| row_asset(table, row)),
            )
        } else {
            let changed = tx
                .execute(&statement.sql, &statement.params)
                .map_err(|e| self.error(e))?;
            (changed, None)
        };
        if changed == 0 && guard.is_some() {
            return Ok(None);
        }
        if changed != 1 {
            return Err(PlatformError::Rejected(format!(
                "updating {id} changed {changed} rows instead of one: rolled back"
            )));
        }
        match after {
            Some(after) => Ok(Some(after)),
            None => self.read_row(tx, table, key),
        }
    }

    /// The object key of the file a row names (`[tables.NAME.files]`), if the table has
    /// files and the row names one; `None` too when the row is not there.
    fn file_key(
        &self,
        db: &mut dyn Database,
        table: &Table,
        key: &[Option<String>],
    ) -> Result<Option<String>, PlatformError> {
        let Some(files) = &table.files else {
            return Ok(None);
        };
        let mut statement = Statement::new(
            self.kind,
            format!(
                "SELECT {} FROM {} WHERE 1 = 1",
                self.kind.as_text(&quote(&files.column)),
                quote_table(&table.name)
            ),
        );
        statement.equal(&table.key, key);
        self.scoped(&table.name, &mut statement);
        let rows = db
            .rows(&statement.sql, &statement.params)
            .map_err(|e| self.error(e))?;
        let value = rows
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten());
        match value.filter(|v| !v.trim().is_empty()) {
            None => Ok(None),
            // Never guessed at: a value that is no clean key could name a file elsewhere.
            Some(value) => files.key_for(&value).map(Some).ok_or_else(|| {
                PlatformError::Rejected(format!(
                    "a row of table {} names a file by a value that makes no clean key in the store (empty parts, . or ..): its file was neither read nor deleted, and the row was kept; correct the value or the key template",
                    table.name
                ))
            }),
        }
    }

    /// The store of a table's files, opened once per run. Credentials come from the
    /// environment as for an `objects` tenant; an S3-compatible server from
    /// `AWS_ENDPOINT_URL`.
    fn store(&self, table: &Table) -> Result<std::sync::Arc<ObjectsPlatform>, PlatformError> {
        let Some(files) = &table.files else {
            return Err(PlatformError::NotFound {
                id: table.name.clone(),
            });
        };
        let mut stores = self
            .stores
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(store) = stores.get(&files.store) {
            return Ok(store.clone());
        }
        let store = std::sync::Arc::new(
            ObjectsPlatform::open(&files.store, None, Timeouts::default()).map_err(|e| {
                self.error(format!(
                    "the files of table {} (dataset file {}) cannot be reached: {e}",
                    table.name,
                    self.dataset.path.display()
                ))
            })?,
        );
        stores.insert(files.store.clone(), store.clone());
        Ok(store)
    }

    /// Deletes the file a row names, seen gone. A row whose file cannot be deleted keeps
    /// its row too, so that the step is not verified and a fresh locate still finds it;
    /// earlier versions a bucket keeps are `VersionsRemain` for the row.
    fn delete_file(&self, id: &str, table: &Table, file: &str) -> Result<(), PlatformError> {
        let store = self.store(table).inspect_err(|_| {
            self.record_file_step(id, table, file, FileOutcome::Failed, 0);
        })?;
        let deletion = store.delete_file(file);
        let outcome = match &deletion.result {
            Ok(()) => FileOutcome::Deleted,
            Err(PlatformError::VersionsRemain { .. }) => FileOutcome::VersionsRemain,
            Err(_) => FileOutcome::Failed,
        };
        self.record_file_step(id, table, file, outcome, deletion.versions_removed);
        deletion.result.map_err(|e| match e {
            PlatformError::VersionsRemain { .. } => PlatformError::VersionsRemain {
                id: format!("{id} ({})", key_label(file)),
            },
            PlatformError::NotFound { .. } => self.error(format!(
                "{id}: its {} cannot be deleted (no such key in the store): the row was kept",
                key_label(file)
            )),
            other => self.error(format!(
                "{id}: its {} could not be deleted, so the row was kept: {other}",
                key_label(file)
            )),
        })
    }

    /// Keeps how the deletion of a row's file ended, for [`Platform::file_steps`].
    fn record_file_step(
        &self,
        id: &str,
        table: &Table,
        file: &str,
        outcome: FileOutcome,
        versions_removed: u64,
    ) {
        let step = FileStep {
            store: table
                .files
                .as_ref()
                .map(|f| f.store.clone())
                .unwrap_or_default(),
            key_sha256: crate::encode::hex(&Sha256::digest(file.as_bytes())),
            outcome,
            versions_removed,
        };
        self.file_steps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(id.to_owned(), vec![step]);
    }

    /// Deletes one row of `parent`. Rows that point at it through a foreign key the
    /// database declares are never deleted behind the plan's back: the erasure plan orders
    /// children before parents ([`SqlPlatform::deletion_order`]), so a row still pointed at
    /// is refused, naming the table, and nothing is deleted. `ON DELETE CASCADE` is the
    /// database's own rule and allowed, except into a table the dataset scrubs or keeps.
    fn delete_row(
        &self,
        db: &mut dyn Database,
        parent: &Table,
        key: &[Option<String>],
    ) -> Result<u64, PlatformError> {
        for link in self.links_to(db, &parent.name)? {
            let described = self.dataset.tables.get(&link.child);
            // A key pointing at the row's own key needs no read: its values are the id's.
            let parent_values = if link.parent_columns == parent.key {
                key.to_vec()
            } else {
                self.values_of(db, parent, key, &link.parent_columns)?
            };
            // Rows of the scope are counted apart from all rows: a row of another customer
            // pointing here blocks the deletion too (a cascade would reach into its data).
            let scoped = match &self.scope {
                Some(scope) => {
                    self.paths.contains_key(&link.child)
                        || self
                            .columns_of(db, &link.child)?
                            .iter()
                            .any(|c| c.name == scope.column)
                }
                None => false,
            };
            let mut count = Statement::new(
                self.kind,
                format!("SELECT {}, ", self.kind.as_text("count(*)")),
            );
            if scoped {
                let (open, close) = self.kind.text_cast();
                count.push(&format!("{open}count(CASE WHEN "));
                self.in_scope(&link.child, &mut count);
                count.push(&format!(" THEN 1 END){close}"));
            } else {
                count.push(&self.kind.as_text("count(*)"));
            }
            count.push(&format!(" FROM {} WHERE 1 = 1", quote_table(&link.child)));
            count.equal(&link.child_columns, &parent_values);
            let counted = db
                .rows(&count.sql, &count.params)
                .map_err(|e| self.error(e))?;
            let number = |i: usize| -> u64 {
                counted
                    .first()
                    .and_then(|r| r.get(i)?.as_deref()?.parse().ok())
                    .unwrap_or(0)
            };
            let (count, in_scope) = (number(0), number(1));
            if count == 0 {
                continue;
            }
            if count != in_scope {
                return Err(PlatformError::Rejected(format!(
                    "{} row(s) of table {} outside the scope point at this row of {}: nothing was deleted; the database links customers' data across the scope, which needs a person to look at",
                    count - in_scope,
                    link.child,
                    parent.name
                )));
            }
            let cascades_into_deleted =
                link.cascades && described.is_none_or(|t| t.erase == EraseRule::Delete);
            if cascades_into_deleted {
                continue;
            }
            let child = &link.child;
            let what = if link.cascades {
                format!("with ON DELETE CASCADE, and the dataset does not delete rows of {child}")
            } else {
                "and would be left pointing at nothing".to_owned()
            };
            return Err(PlatformError::Rejected(format!(
                "{count} row(s) of table {child} point at this row of {} {what}: nothing was deleted; include them in the case (they are the subject's data) or describe {child} in the dataset with erase = \"delete\"",
                parent.name
            )));
        }
        let mut statement = Statement::new(
            self.kind,
            format!("DELETE FROM {} WHERE 1 = 1", quote_table(&parent.name)),
        );
        statement.equal(&parent.key, key);
        self.scoped(&parent.name, &mut statement);
        db.execute(&statement.sql, &statement.params)
            .map_err(|e| self.error(e))
    }

    /// The tables whose rows erasure deletes, children before parents, from the foreign
    /// keys the database declares; a cycle among them is refused, named.
    pub fn deletion_order(&self) -> Result<Vec<String>, PlatformError> {
        let mut db = self.lock();
        let deleted: Vec<&Table> = self
            .dataset
            .tables
            .values()
            .filter(|t| t.erase == EraseRule::Delete)
            .collect();
        // Parent → the deleted tables pointing at it (self-references do not order).
        let mut children: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for table in &deleted {
            let found = db.links_to(&table.name).map_err(|e| self.error(e))?;
            children.insert(
                table.name.clone(),
                found
                    .into_iter()
                    .map(|link: Link| link.child)
                    .filter(|c| *c != table.name && deleted.iter().any(|t| t.name == *c))
                    .collect(),
            );
        }
        // A table reached through others for its scope goes before each of them: once the
        // row it is reached through is deleted, its own row is out of the scope's sight,
        // and a deletion that then found it "gone" would claim what it never did.
        for table in &deleted {
            for step in self.paths.get(&table.name).into_iter().flatten() {
                if let Some(others) = children.get_mut(&step.table) {
                    others.insert(table.name.clone());
                }
            }
        }
        let mut order = Vec::new();
        let mut state: BTreeMap<String, bool> = BTreeMap::new(); // false: visiting, true: done
        fn visit(
            table: &str,
            children: &BTreeMap<String, BTreeSet<String>>,
            state: &mut BTreeMap<String, bool>,
            path: &mut Vec<String>,
            order: &mut Vec<String>,
        ) -> Result<(), PlatformError> {
            match state.get(table) {
                Some(true) => return Ok(()),
                Some(false) => {
                    path.push(table.to_owned());
                    return Err(PlatformError::Rejected(format!(
                        "the foreign keys of tables {} form a cycle: dsr cannot order their deletion; break the cycle or erase these tables by hand (erase = \"keep\" with the reason)",
                        path.join(" → ")
                    )));
                }
                None => {}
            }
            state.insert(table.to_owned(), false);
            path.push(table.to_owned());
            for child in children.get(table).into_iter().flatten() {
                visit(child, children, state, path, order)?;
            }
            path.pop();
            state.insert(table.to_owned(), true);
            order.push(table.to_owned());
            Ok(())
        }
        for table in &deleted {
            visit(
                &table.name,
                &children,
                &mut state,
                &mut Vec::new(),
                &mut order,
            )?;
        }
        Ok(order)
    }

    /// The values of `columns` in one row of `table`.
    fn values_of(
        &self,
        db: &mut dyn Database,
        table: &Table,
        key: &[Option<String>],
        columns: &[String],
    ) -> Result<Vec<Option<String>>, PlatformError> {
        let selected: Vec<String> = columns
            .iter()
            .map(|c| self.kind.as_text(&quote(c)))
            .collect();
        let mut statement = Statement::new(
            self.kind,
            format!(
                "SELECT {} FROM {} WHERE 1 = 1",
                selected.join(", "),
                quote_table(&table.name)
            ),
        );
        statement.equal(&table.key, key);
        self.scoped(&table.name, &mut statement);
        db.rows(&statement.sql, &statement.params)
            .map_err(|e| self.error(e))?
            .into_iter()
            .next()
            .ok_or_else(|| PlatformError::NotFound {
                id: format!("{}/…", table.name),
            })
    }

    /// How many rows of `table` the scope holds, and the newest change time among them
    /// as the database writes it: one statement, one pass over the table.
    fn table_summary(
        &self,
        db: &mut dyn Database,
        table: &Table,
        column: &str,
    ) -> Result<(u64, Option<String>), PlatformError> {
        let mut statement = Statement::new(
            self.kind,
            format!(
                "SELECT {}, {} FROM {} WHERE 1 = 1",
                self.kind.as_text("count(*)"),
                self.kind.as_text(&format!("max({})", quote(column))),
                quote_table(&table.name)
            ),
        );
        self.scoped(&table.name, &mut statement);
        let row = db
            .rows(&statement.sql, &statement.params)
            .map_err(|e| self.error(e))?
            .into_iter()
            .next()
            .unwrap_or_default();
        let mut row = row.into_iter();
        let count = row
            .next()
            .flatten()
            .and_then(|n| n.trim().parse().ok())
            .ok_or_else(|| {
                self.error(format!(
                    "counting the rows of {} gave no number",
                    table.name
                ))
            })?;
        Ok((count, row.next().flatten()))
    }

    /// What a cleared column gets in place of `old`: its mask, made from the salted hash
    /// of the value when the mask hashes.
    fn mask_value(
        &self,
        table: &Table,
        column: &str,
        old: Option<&FieldValue>,
    ) -> Result<Option<String>, PlatformError> {
        let mask = table.masks.get(column).unwrap_or(&Mask::Null);
        if !mask.is_hashed() {
            return Ok(mask.value(""));
        }
        let old = match old {
            Some(FieldValue::Single(text)) => text.clone(),
            Some(FieldValue::Bag(items)) => items.join(", "),
            None => String::new(),
        };
        let role = table
            .columns
            .get(column)
            .copied()
            .unwrap_or(ColumnRole::Text);
        let hashed = self
            .salt()?
            .hash(&Identity::new(identity_kind(role), old), None);
        // Derived from the receipt's identity hash, not that hash itself: the masked
        // value ties to the receipt naming the same person (which lists the row anyway)
        // but does not repeat its hash, and leads back to the value only with the salt.
        let digest = Sha256::digest(format!("dsr-mask\0{}", hashed.sha256).as_bytes());
        Ok(mask.value(&crate::encode::hex(&digest)))
    }

    /// The tenant's identity salt, read (or made) once.
    fn salt(&self) -> Result<&Salt, PlatformError> {
        if let Some(salt) = self.salt.get() {
            return Ok(salt);
        }
        let path = self.salt_file.as_ref().ok_or(PlatformError::Unsupported(
            "a hashed mask needs the tenant's salt, which this connection was not given: nothing was written",
        ))?;
        let salt = Salt::load_or_create(path).map_err(|source| PlatformError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(self.salt.get_or_init(|| salt))
    }

    /// Refuses an erasure the connected user lacks the privileges for, before its first
    /// change: DELETE on every table the dataset deletes rows of, UPDATE on every table it
    /// scrubs; and one whose masks the columns can no longer hold. Asked once; the answer
    /// holds for the run.
    fn check_erase_privileges(&self, db: &mut dyn Database) -> Result<(), PlatformError> {
        let refused = match self.erase_refused.get() {
            Some(refused) => refused.clone(),
            None => {
                // The catalog is read again before the first change: a column altered
                // since the tenant was opened refuses the erasure whole, not halfway.
                self.check_masks(db).map_err(PlatformError::Rejected)?;
                let mut missing = Vec::new();
                for table in self.dataset.tables.values() {
                    let may = db.privileges(&table.name).map_err(|e| self.error(e))?;
                    match table.erase {
                        EraseRule::Delete if !(may.select && may.delete) => {
                            missing.push(format!("DELETE on {}", table.name));
                        }
                        EraseRule::Scrub if !(may.select && may.update) => {
                            missing.push(format!("UPDATE on {}", table.name));
                        }
                        _ => {}
                    }
                }
                let refused = (!missing.is_empty()).then(|| {
                    format!(
                        "the database user lacks {}, which erasure needs: nothing was changed; grant it (dsr tenant check shows each table) and erase again",
                        missing.join(", ")
                    )
                });
                self.erase_refused.get_or_init(|| refused).clone()
            }
        };
        match refused {
            Some(message) => Err(PlatformError::Rejected(message)),
            None => Ok(()),
        }
    }
}

/// Why `column` cannot hold what `mask` writes, with what to change; `None` when it can.
fn mask_misfit(
    db: &mut dyn Database,
    table: &str,
    column: &Column,
    mask: &Mask,
    probe_hash: &str,
) -> Result<Option<String>, String> {
    let Some(value) = mask.value(probe_hash) else {
        return Ok((!column.nullable).then(|| {
            "erasure would set it to NULL, which the column refuses (NOT NULL); give it a mask such as \"text:(erased)\"".to_owned()
        }));
    };
    let name = mask.name();
    let instead = if column.nullable {
        "give it the mask \"null\""
    } else {
        "the column refuses NULL too: change its type, or describe the table with erase = \"delete\" or \"keep\""
    };
    let fits_type = match column.class {
        TypeClass::Text => true,
        TypeClass::Number => value.parse::<f64>().is_ok(),
        TypeClass::Other => false,
    };
    if !fits_type {
        return Ok(Some(format!(
            "its mask \"{name}\" writes text ({value:?}), which the column's type {} cannot hold; {instead}",
            column.data_type
        )));
    }
    let length = value.chars().count() as u64;
    if let Some(max) = column.max_length
        && length > max
    {
        return Ok(Some(format!(
            "its mask \"{name}\" writes {length} characters, more than the column's type {} holds ({max}); give it a shorter mask (\"hash\" writes {}, \"marker\" {}) or widen the column",
            column.data_type,
            dataset::MASK_HASH_LEN,
            dataset::MARKER.len()
        )));
    }
    if column.unique && !mask.is_hashed() {
        return Ok(Some(format!(
            "its mask \"{name}\" writes the same text into every erased row, and a unique index on the column admits it in one row only; give it the mask \"hash\" (or \"email\", \"phone\"), which differs per person{}",
            if column.nullable { ", or \"null\"" } else { "" }
        )));
    }
    let broken = db.checks_broken(table, column, &value)?;
    if !broken.is_empty() {
        return Ok(Some(format!(
            "its mask \"{name}\" writes {value:?}, which the column's CHECK constraint {} refuses; give it a mask the constraint admits (\"email\" writes an e-mail address, \"phone\" an E.164 number)",
            broken.join(", ")
        )));
    }
    Ok(None)
}

/// The kind of identity a column's values are, for hashing them as receipts do.
fn identity_kind(role: ColumnRole) -> IdentityKind {
    match role {
        ColumnRole::Email => IdentityKind::Email,
        ColumnRole::Phone => IdentityKind::Phone,
        ColumnRole::Login => IdentityKind::Login,
        ColumnRole::Person => IdentityKind::Name,
        ColumnRole::Text => IdentityKind::Text,
    }
}

/// One key value as it stands in an id.
fn encoded_key(value: Option<&str>) -> String {
    percent_encoding::utf8_percent_encode(value.unwrap_or_default(), KEY_SET).to_string()
}

/// A change time without its fractional seconds (`2026-01-02 10:00:00.25+00` →
/// `2026-01-02 10:00:00+00`), so that comparing with it takes in its whole second.
/// Anything else (a number of seconds) stays as it is.
fn whole_second(mark: &str) -> String {
    let bytes = mark.as_bytes();
    if let Some(dot) = mark.find('.')
        && dot >= 8
        && bytes[dot - 3] == b':'
        && bytes[dot - 6] == b':'
    {
        let digits = mark[dot + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        return format!("{}{}", &mark[..dot], &mark[dot + 1 + digits..]);
    }
    mark.to_owned()
}

/// The asset of a row read by [`SqlPlatform::select`].
fn row_asset(table: &Table, row: Row) -> Asset {
    let mut hasher = Sha256::new();
    let mut values = row.into_iter();
    let mut next = |hasher: &mut Sha256| -> Option<String> {
        let value = values.next().flatten();
        // Length-prefixed, so that two rows with shifted values never hash alike.
        match &value {
            Some(v) => hasher.update(format!("{}:{v};", v.len())),
            None => hasher.update("-;"),
        }
        value
    };
    let mut key = Vec::new();
    for _ in &table.key {
        key.push(encoded_key(next(&mut hasher).as_deref()));
    }
    let modified = match &table.changed_at {
        Some(_) => next(&mut hasher),
        None => None,
    };
    let mut metadata = Metadata::new();
    for column in table.columns.keys() {
        if let Some(value) = next(&mut hasher) {
            metadata.insert(
                Dataset::field(&table.name, column),
                FieldValue::Single(value),
            );
        }
    }
    let key = key.join("/");
    Asset {
        id: format!("{}/{key}", table.name),
        archive: table.name.clone(),
        filename: format!("{}-{}.json", table.name, key.replace('/', "-")),
        modified,
        version: crate::encode::hex(&hasher.finalize()[..12]),
        metadata,
    }
}

impl Platform for SqlPlatform {
    fn changes_in_order(&self) -> bool {
        // Children before parents, as the plan orders them (see `Platform::changes_in_order`).
        true
    }

    /// One transaction for the run: a commit is the costly part of a row's change (the
    /// database waits for its disk), and a subject's thousand rows then wait once.
    fn begin_changes(&self) -> Result<bool, PlatformError> {
        use std::sync::atomic::Ordering;
        let mut db = self.lock();
        if self.batch.load(Ordering::SeqCst) {
            return Ok(true);
        }
        db.begin().map_err(|e| self.error(e))?;
        self.batch.store(true, Ordering::SeqCst);
        Ok(true)
    }

    fn commit_changes(&self) -> Result<(), PlatformError> {
        use std::sync::atomic::Ordering;
        let mut db = self.lock();
        if !self.batch.swap(false, Ordering::SeqCst) {
            return Ok(());
        }
        db.commit().map_err(|e| {
            // A failed commit leaves nothing of the run; the connection goes on clean.
            let _ = db.rollback();
            self.error(e)
        })
    }

    fn abandon_changes(&self) {
        use std::sync::atomic::Ordering;
        let mut db = self.lock();
        if self.batch.swap(false, Ordering::SeqCst) {
            let _ = db.rollback();
        }
    }

    fn describe(&self) -> Result<Description, PlatformError> {
        let mut labels = crate::fields::default_labels();
        let mut writable = BTreeSet::new();
        for table in self.dataset.tables.values() {
            for column in table.columns.keys() {
                let field = Dataset::field(&table.name, column);
                labels.insert(field.clone(), column_label(table, column));
                writable.insert(field);
            }
        }
        Ok(Description { labels, writable })
    }

    /// Reads the rows of the scope, table by table, one row in memory at a time: a table
    /// with a change column only the rows changed since the last sync's watermark, any
    /// other table every row.
    ///
    /// A deleted row has no change time to find it by. The scope's rows of the table are
    /// counted instead: as many as were known plus the new rows just read means none is
    /// gone, and the sync has cost what changed. Any other count (a row deleted, or one
    /// added with a change time older than the watermark) reads the table whole, which
    /// finds both. Listing every key each time cost a million rows sent over the wire, and
    /// the known versions of all of them looked up, for a sync that found nothing.
    fn scan(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError> {
        let mut db = self.lock();
        let mut end = ScanEnd::default();
        for table in self.dataset.tables.values() {
            let prefix = format!("{}/", table.name);
            // The rows this table read already, with their versions: not handed over twice.
            let mut read: HashMap<String, String> = HashMap::new();
            if let Some(column) = &table.changed_at {
                // Asked before the rows are read: a row changed meanwhile is newer than
                // this watermark and read again next time, never skipped.
                let (rows, newest) = self.table_summary(db.as_mut(), table, column)?;
                let last = since.watermarks.get(&table.name).filter(|_| !since.full);
                if let Some(newest) = newest {
                    end.watermarks.insert(table.name.clone(), newest);
                }
                let known = since.versions.with_prefix(&prefix).count() as u64;
                // Fewer rows than known: some are gone, whatever changed.
                if let Some(last) = last
                    && rows >= known
                {
                    // `>=` from the start of the watermark's second: a row committed after
                    // the last sync's read with a change time in that same second (a
                    // transaction that took its time before it committed, a clock that
                    // only counts seconds) is read again rather than missed; rows read
                    // again unchanged are not reported. A row without a change time is
                    // always read, as its changes cannot be told.
                    let mut statement = self.select(table);
                    self.scoped(&table.name, &mut statement);
                    let quoted = quote(column);
                    statement
                        .push(&format!(" AND ({quoted} >= "))
                        .bind(Some(whole_second(last)))
                        .push(&format!(" OR {quoted} IS NULL)"));
                    let mut new = 0;
                    db.query(&statement.sql, &statement.params, &mut |row| {
                        let asset = row_asset(table, row);
                        let was = since.versions.get(&asset.id);
                        new += u64::from(was.is_none());
                        if was != Some(asset.version.as_str()) {
                            read.insert(asset.id.clone(), asset.version.clone());
                            found(Scanned::Asset(asset));
                        }
                    })
                    .map_err(|e| self.error(e))?;
                    if rows == known + new {
                        continue;
                    }
                    log::debug!(
                        "{}: {rows} rows where {known} were known and {new} are new; reading every row",
                        table.name
                    );
                }
            }
            let mut listed: HashSet<&str> = HashSet::new();
            let mut statement = self.select(table);
            self.scoped(&table.name, &mut statement);
            db.query(&statement.sql, &statement.params, &mut |row| {
                let asset = row_asset(table, row);
                let was = since.versions.get_key_value(&asset.id);
                if let Some((known, _)) = was {
                    listed.insert(known);
                }
                let handed = read.get(&asset.id) == Some(&asset.version);
                if !handed && (since.full || was.map(|(_, v)| v) != Some(asset.version.as_str())) {
                    found(Scanned::Asset(asset));
                }
            })
            .map_err(|e| self.error(e))?;
            end.removed.extend(
                since
                    .versions
                    .with_prefix(&prefix)
                    .filter(|(id, _)| !listed.contains(id))
                    .map(|(id, _)| id.to_owned()),
            );
        }
        // Rows of a table the dataset no longer describes leave the index with it.
        end.removed.extend(
            since
                .versions
                .keys()
                .filter(|id| {
                    id.split_once('/')
                        .is_none_or(|(table, _)| !self.dataset.tables.contains_key(table))
                })
                .map(str::to_owned),
        );
        Ok(end)
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        let (table, key) = self.parse_id(id)?;
        let mut db = self.lock();
        let row = self
            .read_raw(db.as_mut(), table, &key)?
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
        *crate::threads::lock(&self.last_read) = Some((id.to_owned(), row.clone()));
        Ok(row_asset(table, row))
    }

    /// Sets the given columns, and puts each cleared column's mask in its place, in one
    /// transaction that reads the row back before it commits.
    fn update(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        let (table, key) = self.parse_id(id)?;
        let mut db = self.lock();
        // A cleared column is erasure's scrub: refused whole when erasure cannot finish.
        if changes.values().any(Option::is_none) {
            self.check_erase_privileges(db.as_mut())?;
        }
        let remembered = self.remembered(id);
        self.change(db.as_mut(), |tx| {
            if let Some(row) = &remembered {
                let before = row_asset(table, row.clone());
                if expected.is_some_and(|v| v != before.version) {
                    return Err(PlatformError::Conflict { id: id.to_owned() });
                }
                let written = self.write_row(tx, table, &key, id, changes, &before, Some(row))?;
                if let Some(after) = written {
                    return Ok(after);
                }
                // Changed since it was read: read again, as without a read to start from.
            }
            let before = self
                .read_row(tx, table, &key)?
                .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
            if expected.is_some_and(|v| v != before.version) {
                return Err(PlatformError::Conflict { id: id.to_owned() });
            }
            self.write_row(tx, table, &key, id, changes, &before, None)?
                .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
        })
    }

    /// Deletes the row in one transaction that checks it is gone before it commits.
    fn delete_following(
        &self,
        id: &str,
        _handle: Option<&str>,
        _accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError> {
        let (table, key) = self.parse_id(id)?;
        if table.erase != EraseRule::Delete {
            return Err(PlatformError::Rejected(format!(
                "the dataset does not delete rows of table {}: nothing was deleted",
                table.name
            )));
        }
        let mut db = self.lock();
        self.check_erase_privileges(db.as_mut())?;
        let file = self.file_key(db.as_mut(), table, &key)?;
        // Only this deletion's file step is reported, not one of an earlier try.
        self.file_steps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(id);
        self.remembered(id);
        self.change(db.as_mut(), |tx| {
            // The row's deletion first, inside the transaction: one the database
            // refuses (another table's rows still point at it) leaves the file alone.
            // A row that is not there (or no longer in the scope) deletes nothing.
            let gone = || PlatformError::NotFound { id: id.to_owned() };
            match self.delete_row(tx, table, &key) {
                Ok(0) => return Err(gone()),
                Ok(_) => {}
                Err(e) if e.is_not_found() => return Err(gone()),
                Err(e) => return Err(e),
            }
            if self.read_row(tx, table, &key)?.is_some() {
                return Err(PlatformError::Rejected(format!(
                    "{id} is still there after its deletion: rolled back"
                )));
            }
            // Then the file, seen gone, before the deletion commits: while the file
            // stays, so does its row (the error rolls the deletion back).
            if let Some(file) = &file {
                self.delete_file(id, table, file)?;
            }
            Ok(())
        })
    }

    /// The rows of described tables that point at this one through the foreign keys the
    /// database declares, and the rows pointing at those, up to [`RELATED_DEPTH`] steps
    /// away and [`RELATED_MOST`] rows in all, each read within the scope.
    fn related(&self, id: &str) -> Result<Vec<Related>, PlatformError> {
        let (table, key) = self.parse_id(id)?;
        let mut db = self.lock();
        let mut seen: BTreeSet<String> = BTreeSet::from([id.to_owned()]);
        let mut found = Vec::new();
        let mut wave: Vec<(&Table, Vec<Option<String>>, String)> =
            vec![(table, key, id.to_owned())];
        for _ in 0..RELATED_DEPTH {
            let mut next = Vec::new();
            for (parent, key, parent_id) in &wave {
                for link in self.links_to(db.as_mut(), &parent.name)? {
                    let Some(child) = self.dataset.tables.get(&link.child) else {
                        continue;
                    };
                    let values = if link.parent_columns == parent.key {
                        key.clone()
                    } else {
                        self.values_of(db.as_mut(), parent, key, &link.parent_columns)?
                    };
                    // A NULL never equals anything: no row points at it.
                    if values.iter().any(Option::is_none) {
                        continue;
                    }
                    let mut statement = self.select_columns(child, &child.key);
                    statement.equal(&link.child_columns, &values);
                    self.scoped(&child.name, &mut statement);
                    let rows = db
                        .rows(&statement.sql, &statement.params)
                        .map_err(|e| self.error(e))?;
                    for row in rows {
                        let child_id = format!(
                            "{}/{}",
                            child.name,
                            row.iter()
                                .map(|v| encoded_key(v.as_deref()))
                                .collect::<Vec<_>>()
                                .join("/")
                        );
                        if seen.insert(child_id.clone()) {
                            found.push(Related {
                                id: child_id.clone(),
                                points_at: parent_id.clone(),
                                through: link
                                    .child_columns
                                    .iter()
                                    .map(|column| column_label(child, column))
                                    .collect(),
                            });
                            next.push((child, row, child_id));
                        }
                        if found.len() >= RELATED_MOST {
                            return Ok(found);
                        }
                    }
                }
            }
            wave = next;
        }
        Ok(found)
    }

    fn archive_label(&self, archive: &str) -> Option<String> {
        self.dataset.tables.get(archive).map(|t| t.label.clone())
    }

    /// The row as JSON: its key, change time and personal columns.
    fn download(&self, id: &str, to: &mut dyn Write) -> Result<u64, PlatformError> {
        let asset = self.get(id)?;
        let json = serde_json::json!({
            "table": asset.archive,
            "id": asset.id,
            "changed": asset.modified,
            "columns": asset.metadata,
        });
        let bytes = serde_json::to_vec_pretty(&json).unwrap_or_default();
        to.write_all(&bytes).map_err(|source| PlatformError::Io {
            path: PathBuf::from(id),
            source,
        })?;
        Ok(bytes.len() as u64)
    }

    /// Each store the dataset's tables keep files in, opened and checked once.
    fn file_stores(&self) -> Vec<FileStoreCheck> {
        let mut stores: BTreeMap<&str, Vec<&Table>> = BTreeMap::new();
        for table in self.dataset.tables.values() {
            if let Some(files) = &table.files {
                stores.entry(files.store.as_str()).or_default().push(table);
            }
        }
        stores
            .into_iter()
            .map(|(store, tables)| FileStoreCheck {
                store: store.to_owned(),
                tables: tables.iter().map(|t| t.name.clone()).collect(),
                access: self
                    .store(tables[0])
                    .and_then(|opened| opened.check_file_store())
                    .map_err(|e| e.to_string()),
            })
            .collect()
    }

    fn file_steps(&self, id: &str) -> Vec<FileStep> {
        self.file_steps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(id)
            .cloned()
            .unwrap_or_default()
    }

    /// The row's file, when its table has files and the file is in the store.
    fn files(&self, id: &str) -> Result<Vec<AttachedFile>, PlatformError> {
        let (table, key) = self.parse_id(id)?;
        let file = {
            let mut db = self.lock();
            self.file_key(db.as_mut(), table, &key)?
        };
        let Some(file) = file else {
            return Ok(Vec::new());
        };
        let size = self.store(table)?.file_size(&file)?;
        Ok(size
            .map(|size| AttachedFile { name: file, size })
            .into_iter()
            .collect())
    }

    /// Streams the row's file, when `name` is the one it names.
    fn download_file(
        &self,
        id: &str,
        name: &str,
        to: &mut dyn Write,
    ) -> Result<u64, PlatformError> {
        let (table, key) = self.parse_id(id)?;
        let file = {
            let mut db = self.lock();
            self.file_key(db.as_mut(), table, &key)?
        };
        match file {
            Some(file) if file == name => self.store(table)?.read_file(&file, to),
            _ => Err(PlatformError::NotFound { id: id.to_owned() }),
        }
    }

    /// Per table of the dataset: the rows in the scope, and what the connected user may
    /// do (PostgreSQL's grants; for SQLite the file's permissions).
    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError> {
        let mut db = self.lock();
        self.dataset
            .tables
            .values()
            .map(|table| {
                let may = db.privileges(&table.name).map_err(|e| self.error(e))?;
                // A user who may not read the table cannot count its rows either.
                let assets = if may.select {
                    let mut count = Statement::new(
                        self.kind,
                        format!(
                            "SELECT {} FROM {} WHERE 1 = 1",
                            self.kind.as_text("count(*)"),
                            quote_table(&table.name)
                        ),
                    );
                    self.scoped(&table.name, &mut count);
                    db.rows(&count.sql, &count.params)
                        .map_err(|e| self.error(e))?
                        .first()
                        .and_then(|r| r[0].as_deref()?.parse().ok())
                } else {
                    None
                };
                Ok(ArchiveAccess {
                    name: table.name.clone(),
                    assets,
                    read: may.select,
                    edit_metadata: may.update,
                    delete: may.delete,
                    download: may.select,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A SQLite shop with two clients, opened as a platform; and a second connection, as
    /// another writer of the same database.
    fn shop(dir: &Path) -> (SqlPlatform, rusqlite::Connection) {
        let db = dir.join("shop.sqlite");
        let other = rusqlite::Connection::open(&db).expect("the database");
        other
            .execute_batch(
                "CREATE TABLE clients (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT);
                 INSERT INTO clients VALUES (1, 'jane.doe@example.com', 'Jane Doe'),
                     (2, 'jane@new.example', 'Jane Doe');",
            )
            .expect("the schema");
        let dataset = dir.join("shop.toml");
        std::fs::write(
            &dataset,
            "[tables.clients]\nkey = [\"id\"]\nerase = \"scrub\"\ncolumns = { email = \"email\", name = \"person\" }\nmasks = { email = \"email\" }\n",
        )
        .expect("the dataset");
        let url = format!("sqlite://{}", db.display());
        let platform =
            SqlPlatform::open(&url, &dataset, None, None, Some(dir.join("salt"))).expect("opened");
        (platform, other)
    }

    fn row(other: &rusqlite::Connection, id: u32) -> (String, Option<String>) {
        other
            .query_row("SELECT email, name FROM clients WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("the row")
    }

    /// A change starts from the row erasure read, guarded by every column read. When
    /// another writer changed the row in between, the guard matches nothing: the row is
    /// read again and the change made from what is there now, never from the old copy.
    #[test]
    fn a_row_changed_after_it_was_read_is_read_again_before_it_is_changed() {
        let dir = tempfile::tempdir().expect("a folder");
        let (platform, other) = shop(dir.path());
        let read = platform.get("clients/1").expect("read");
        other
            .execute(
                "UPDATE clients SET email = 'jane@new.example', name = 'Jane Doe-Smith' WHERE id = 1",
                [],
            )
            .expect("changed by another writer");
        let changes: MetadataChanges = [(Dataset::field("clients", "email"), None)].into();
        let after = platform
            .update("clients/1", &changes, None)
            .expect("changed");
        // Masked from the address there now: as client 2's same address masks, not as the
        // address read before.
        platform
            .update("clients/2", &changes, None)
            .expect("changed");
        let (masked, name) = row(&other, 1);
        assert!(masked.starts_with("erased-"), "{masked}");
        assert_eq!(masked, row(&other, 2).0);
        // The other writer's name stays, and what erasure verifies against is the row as
        // it now is.
        assert_eq!(name.as_deref(), Some("Jane Doe-Smith"));
        assert_eq!(after, platform.get("clients/1").expect("read back"));
        assert_ne!(after.version, read.version);

        // With the version erasure planned against, the change is refused instead.
        let read = platform.get("clients/1").expect("read");
        other
            .execute(
                "UPDATE clients SET email = 'again@example.com' WHERE id = 1",
                [],
            )
            .expect("changed again");
        let error = platform
            .update("clients/1", &changes, Some(&read.version))
            .expect_err("refused");
        assert!(matches!(error, PlatformError::Conflict { .. }), "{error:?}");
        assert_eq!(row(&other, 1).0, "again@example.com");
    }

    #[test]
    fn a_watermark_loses_its_fractional_seconds_only() {
        assert_eq!(
            whole_second("2026-01-02 10:00:00.250+00"),
            "2026-01-02 10:00:00+00"
        );
        assert_eq!(
            whole_second("2026-01-02T10:00:00.123456"),
            "2026-01-02T10:00:00"
        );
        assert_eq!(whole_second("2026-01-02 10:00:00"), "2026-01-02 10:00:00");
        assert_eq!(whole_second("1767348000.5"), "1767348000.5");
    }
}
