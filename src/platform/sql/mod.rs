//! A relational database as a tenant (`sql`), described by a dataset file
//! ([`dataset::Dataset`]): each row of a described table is an asset (id `table/key`,
//! archive the table), its personal columns the asset's metadata (field `table.column`).
//!
//! SQLite is reached through `rusqlite`: it is synchronous like the [`Platform`] trait, so
//! no async runtime sits between dsr and a file on disk, and its bundled SQLite behaves the
//! same on every machine.
//!
//! Every statement carries the scope predicate (`--scope COLUMN=VALUE`), so that a
//! multi-tenant database's other customers are never read or changed; table and column
//! names come from the dataset, are checked against the database's catalog and always
//! quoted; values are always bound parameters.

pub mod dataset;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags, params_from_iter};
use sha2::{Digest, Sha256};

use self::dataset::{Dataset, EraseRule, Mask, Table};
use super::{
    ArchiveAccess, Description, MetadataChanges, Platform, PlatformError, ScanEnd, Scanned, Since,
};
use crate::asset::{Asset, FieldValue, Metadata};

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

/// A SQLite database as a tenant.
pub struct SqlPlatform {
    url: String,
    file: PathBuf,
    dataset: Dataset,
    scope: Option<Scope>,
    // rusqlite's connection is not Sync; one at a time is all a file database takes anyway.
    conn: Mutex<Connection>,
}

/// The path of a `sqlite:///path/db.sqlite` URL.
pub fn sqlite_path(url: &str) -> Result<PathBuf, &'static str> {
    let Some(rest) = url.strip_prefix("sqlite://") else {
        return Err(
            "only SQLite databases are supported so far: give --url sqlite:///path/to/db.sqlite",
        );
    };
    if !rest.starts_with('/') {
        return Err("give the database file's absolute path: sqlite:///path/to/db.sqlite");
    }
    Ok(PathBuf::from(rest))
}

fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// An id's key values are percent-encoded so that a `/` in a key cannot split it.
const KEY_SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

impl SqlPlatform {
    /// Opens the database and checks the dataset and the scope against its catalog.
    pub fn open(
        url: &str,
        dataset_file: &Path,
        scope: Option<&str>,
    ) -> Result<SqlPlatform, PlatformError> {
        let file = sqlite_path(url).map_err(PlatformError::Unsupported)?;
        let dataset = Dataset::load(dataset_file).map_err(|e| PlatformError::Database {
            url: url.to_owned(),
            message: e.to_string(),
        })?;
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
            return Err(PlatformError::Database {
                url: url.to_owned(),
                message: format!(
                    "the dataset scopes every table by {column}: add the tenant with --scope {column}=VALUE"
                ),
            });
        }
        // Never created: a mistyped path is an error, not an empty database.
        let conn = Connection::open_with_flags(
            &file,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| PlatformError::Database {
            url: url.to_owned(),
            message: format!("cannot open the database: {e}"),
        })?;
        // SQLite enforces foreign keys (and their ON DELETE actions) only when asked.
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(|e| PlatformError::Database {
                url: url.to_owned(),
                message: format!("cannot turn on foreign keys: {e}"),
            })?;
        let platform = SqlPlatform {
            url: url.to_owned(),
            file,
            dataset,
            scope,
            conn: Mutex::new(conn),
        };
        platform.check_catalog()?;
        Ok(platform)
    }

    fn error(&self, e: rusqlite::Error) -> PlatformError {
        PlatformError::Database {
            url: self.url.clone(),
            message: e.to_string(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The columns a table has, from the catalog.
    fn columns_of(conn: &Connection, table: &str) -> rusqlite::Result<BTreeSet<String>> {
        let mut statement = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
        let names = statement.query_map([table], |row| row.get::<_, String>(0))?;
        names.collect()
    }

    /// Every table, key column, personal column, change column and the scope column the
    /// dataset names exists: checked before anything is read or changed.
    fn check_catalog(&self) -> Result<(), PlatformError> {
        let conn = self.lock();
        let path = self.dataset.path.display();
        for table in self.dataset.tables.values() {
            let columns = Self::columns_of(&conn, &table.name).map_err(|e| self.error(e))?;
            if columns.is_empty() {
                return Err(PlatformError::Database {
                    url: self.url.clone(),
                    message: format!(
                        "the dataset file {path}, table {}: the database has no such table; correct the name or remove the table from the file",
                        table.name
                    ),
                });
            }
            let named = table
                .key
                .iter()
                .chain(table.columns.keys())
                .chain(table.changed_at.iter())
                .chain(self.scope.as_ref().map(|s| &s.column));
            for column in named {
                if !columns.contains(column) {
                    return Err(PlatformError::Database {
                        url: self.url.clone(),
                        message: format!(
                            "the dataset file {path}, table {}, column {}: the table has no such column; correct the name in the file (or the scope)",
                            table.name,
                            column.escape_debug()
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// ` AND "scope" = ?` with its value, or nothing for an unscoped database.
    fn scope_clause(&self) -> (String, Vec<Value>) {
        match &self.scope {
            Some(scope) => (
                format!(" AND {} = ?", quote(&scope.column)),
                vec![Value::Text(scope.value.clone())],
            ),
            None => (String::new(), Vec::new()),
        }
    }

    /// The columns read for a row: key, change column, personal columns.
    fn selected(table: &Table) -> Vec<String> {
        let mut columns: Vec<String> = table.key.clone();
        columns.extend(table.changed_at.iter().cloned());
        columns.extend(table.columns.keys().cloned());
        columns
    }

    fn select_sql(table: &Table, filter: &str) -> String {
        let columns: Vec<String> = Self::selected(table).iter().map(|c| quote(c)).collect();
        format!(
            "SELECT {} FROM {} WHERE 1 = 1{filter}",
            columns.join(", "),
            quote(&table.name)
        )
    }

    fn key_filter(table: &Table) -> String {
        table
            .key
            .iter()
            .map(|c| format!(" AND {} = ?", quote(c)))
            .collect()
    }

    /// The table and key values an id names.
    fn parse_id<'a>(&'a self, id: &str) -> Result<(&'a Table, Vec<Value>), PlatformError> {
        let not_found = || PlatformError::NotFound { id: id.to_owned() };
        let (table, key) = id.split_once('/').ok_or_else(not_found)?;
        let table = self.dataset.tables.get(table).ok_or_else(not_found)?;
        let values: Vec<Value> = key
            .split('/')
            .map(|v| {
                percent_encoding::percent_decode_str(v)
                    .decode_utf8()
                    .map(|v| Value::Text(v.into_owned()))
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
        conn: &Connection,
        table: &Table,
        key: &[Value],
    ) -> Result<Option<Asset>, PlatformError> {
        let (scope, scope_values) = self.scope_clause();
        let sql = Self::select_sql(table, &format!("{}{scope}", Self::key_filter(table)));
        let mut statement = conn.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = statement
            .query(params_from_iter(key.iter().chain(&scope_values)))
            .map_err(|e| self.error(e))?;
        match rows.next().map_err(|e| self.error(e))? {
            Some(row) => Ok(Some(row_asset(table, row).map_err(|e| self.error(e))?)),
            None => Ok(None),
        }
    }

    /// Deletes one row of `parent`. Rows that point at it through a foreign key the
    /// database declares are never deleted behind the plan's back: the erasure plan orders
    /// children before parents ([`SqlPlatform::deletion_order`]), so a row still pointed at
    /// is refused, naming the table, and nothing is deleted. `ON DELETE CASCADE` is the
    /// database's own rule and allowed, except into a table the dataset scrubs or keeps.
    fn delete_row(
        &self,
        tx: &Connection,
        parent: &Table,
        key: &[Value],
    ) -> Result<usize, PlatformError> {
        for (child, links) in self.children_of(tx, &parent.name)? {
            let described = self.dataset.tables.get(&child);
            for link in links {
                let parent_values = self.values_of(tx, parent, key, &link.parent_columns)?;
                let filter: String = link
                    .child_columns
                    .iter()
                    .map(|c| format!(" AND {} = ?", quote(c)))
                    .collect();
                // Unscoped on purpose: a row of another customer pointing here blocks too.
                let count_sql =
                    format!("SELECT count(*) FROM {} WHERE 1 = 1{filter}", quote(&child));
                let count: i64 = tx
                    .query_row(&count_sql, params_from_iter(&parent_values), |r| r.get(0))
                    .map_err(|e| self.error(e))?;
                if count == 0 {
                    continue;
                }
                let cascades_into_deleted =
                    link.cascades && described.is_none_or(|t| t.erase == EraseRule::Delete);
                if cascades_into_deleted {
                    continue;
                }
                let what = if link.cascades {
                    format!(
                        "with ON DELETE CASCADE, and the dataset does not delete rows of {child}"
                    )
                } else {
                    "and would be left pointing at nothing".to_owned()
                };
                return Err(PlatformError::Rejected(format!(
                    "{count} row(s) of table {child} point at this row of {} {what}: nothing was deleted; include them in the case (they are the subject's data) or describe {child} in the dataset with erase = \"delete\"",
                    parent.name
                )));
            }
        }
        let (scope, scope_values) = self.scope_clause();
        let sql = format!(
            "DELETE FROM {} WHERE 1 = 1{}{scope}",
            quote(&parent.name),
            Self::key_filter(parent)
        );
        tx.execute(&sql, params_from_iter(key.iter().chain(&scope_values)))
            .map_err(|e| self.error(e))
    }

    /// The tables whose rows erasure deletes, children before parents, from the foreign
    /// keys the database declares; a cycle among them is refused, named.
    pub fn deletion_order(&self) -> Result<Vec<String>, PlatformError> {
        let conn = self.lock();
        let deleted: Vec<&Table> = self
            .dataset
            .tables
            .values()
            .filter(|t| t.erase == EraseRule::Delete)
            .collect();
        // Parent → the deleted tables pointing at it (self-references do not order).
        let mut children: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for table in &deleted {
            let found = self.children_of(&conn, &table.name)?;
            children.insert(
                table.name.clone(),
                found
                    .into_keys()
                    .filter(|c| *c != table.name && deleted.iter().any(|t| t.name == *c))
                    .collect(),
            );
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

    /// Tables with foreign keys to `parent`, from the database's catalog.
    fn children_of(
        &self,
        conn: &Connection,
        parent: &str,
    ) -> Result<BTreeMap<String, Vec<Link>>, PlatformError> {
        let tables: Vec<String> = {
            let mut statement = conn
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
                .map_err(|e| self.error(e))?;
            let names = statement
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(|e| self.error(e))?;
            names.collect::<Result<_, _>>().map_err(|e| self.error(e))?
        };
        let mut children: BTreeMap<String, Vec<Link>> = BTreeMap::new();
        for table in tables {
            let mut statement = conn
                .prepare(
                    "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
                )
                .map_err(|e| self.error(e))?;
            let rows = statement
                .query_map([&table], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, Option<String>>(3)?,
                        row.get::<_, String>(4)?,
                    ))
                })
                .map_err(|e| self.error(e))?;
            let mut links: BTreeMap<i64, Link> = BTreeMap::new();
            for row in rows {
                let (id, target, from, to, on_delete) = row.map_err(|e| self.error(e))?;
                if target != parent {
                    continue;
                }
                let link = links.entry(id).or_insert_with(|| Link {
                    child_columns: Vec::new(),
                    parent_columns: Vec::new(),
                    cascades: on_delete.eq_ignore_ascii_case("CASCADE"),
                });
                link.child_columns.push(from);
                // A key naming no column points at the parent's primary key.
                link.parent_columns
                    .push(to.unwrap_or_else(|| "rowid".to_owned()));
            }
            if !links.is_empty() {
                children
                    .entry(table)
                    .or_default()
                    .extend(links.into_values());
            }
        }
        Ok(children)
    }

    /// The values of `columns` in one row of `table`.
    fn values_of(
        &self,
        conn: &Connection,
        table: &Table,
        key: &[Value],
        columns: &[String],
    ) -> Result<Vec<Value>, PlatformError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE 1 = 1{}",
            columns
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", "),
            quote(&table.name),
            Self::key_filter(table)
        );
        conn.query_row(&sql, params_from_iter(key), |row| {
            (0..columns.len()).map(|i| row.get::<_, Value>(i)).collect()
        })
        .map_err(|e| self.error(e))
    }
}

/// One foreign key from a child table to a parent.
struct Link {
    child_columns: Vec<String>,
    parent_columns: Vec<String>,
    cascades: bool,
}

/// A value as text, for metadata and ids; none for NULL.
fn text_of(value: ValueRef<'_>) -> Option<String> {
    match value {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(crate::encode::hex(&Sha256::digest(b))),
    }
}

/// The asset of a row read by [`SqlPlatform::select_sql`].
fn row_asset(table: &Table, row: &rusqlite::Row<'_>) -> rusqlite::Result<Asset> {
    let mut hasher = Sha256::new();
    let mut index = 0;
    let mut key = Vec::new();
    let mut next = |hasher: &mut Sha256| -> rusqlite::Result<Option<String>> {
        let value = text_of(row.get_ref(index)?);
        index += 1;
        // Length-prefixed, so that two rows with shifted values never hash alike.
        match &value {
            Some(v) => hasher.update(format!("{}:{v};", v.len())),
            None => hasher.update("-;"),
        }
        Ok(value)
    };
    for _ in &table.key {
        let value = next(&mut hasher)?.unwrap_or_default();
        key.push(percent_encoding::utf8_percent_encode(&value, KEY_SET).to_string());
    }
    let modified = match &table.changed_at {
        Some(_) => next(&mut hasher)?,
        None => None,
    };
    let mut metadata = Metadata::new();
    for column in table.columns.keys() {
        if let Some(value) = next(&mut hasher)? {
            metadata.insert(
                Dataset::field(&table.name, column),
                FieldValue::Single(value),
            );
        }
    }
    let key = key.join("/");
    Ok(Asset {
        id: format!("{}/{key}", table.name),
        archive: table.name.clone(),
        filename: format!("{}-{}.json", table.name, key.replace('/', "-")),
        modified,
        version: crate::encode::hex(&hasher.finalize()[..12]),
        metadata,
    })
}

impl Platform for SqlPlatform {
    fn changes_in_order(&self) -> bool {
        // Children before parents, as the plan orders them (see `Platform::changes_in_order`).
        true
    }

    fn describe(&self) -> Result<Description, PlatformError> {
        let mut labels = crate::fields::default_labels();
        let mut writable = BTreeSet::new();
        for table in self.dataset.tables.values() {
            for column in table.columns.keys() {
                let field = Dataset::field(&table.name, column);
                labels.insert(
                    field.clone(),
                    format!("{} · {}", table.label, column.escape_debug()),
                );
                writable.insert(field);
            }
        }
        Ok(Description { labels, writable })
    }

    /// Reads every row of the scope, table by table, one row in memory at a time.
    fn scan(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError> {
        let conn = self.lock();
        let mut listed: HashSet<&str> = HashSet::new();
        let (scope, scope_values) = self.scope_clause();
        for table in self.dataset.tables.values() {
            let sql = Self::select_sql(table, &scope);
            let mut statement = conn.prepare(&sql).map_err(|e| self.error(e))?;
            let mut rows = statement
                .query(params_from_iter(&scope_values))
                .map_err(|e| self.error(e))?;
            while let Some(row) = rows.next().map_err(|e| self.error(e))? {
                let asset = row_asset(table, row).map_err(|e| self.error(e))?;
                if let Some((known, _)) = since.versions.get_key_value(&asset.id) {
                    listed.insert(known.as_str());
                }
                if since.full || since.versions.get(&asset.id) != Some(&asset.version) {
                    found(Scanned::Asset(asset));
                }
            }
        }
        let removed = since
            .versions
            .keys()
            .filter(|id| !listed.contains(id.as_str()))
            .cloned()
            .collect();
        Ok(ScanEnd {
            removed,
            ..ScanEnd::default()
        })
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        let (table, key) = self.parse_id(id)?;
        let conn = self.lock();
        self.read_row(&conn, table, &key)?
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
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
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(|e| self.error(e))?;
        let before = self
            .read_row(&tx, table, &key)?
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
        if expected.is_some_and(|v| v != before.version) {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        let mut sets = Vec::new();
        let mut values = Vec::new();
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
                Some(FieldValue::Single(text)) => Value::Text(text.clone()),
                Some(FieldValue::Bag(items)) => Value::Text(items.join(", ")),
                None => match table.masks.get(column).unwrap_or(&Mask::Null) {
                    Mask::Null => Value::Null,
                    Mask::Text(text) => Value::Text(text.clone()),
                },
            };
            sets.push(format!("{} = ?", quote(column)));
            values.push(value);
        }
        if !sets.is_empty() {
            let (scope, scope_values) = self.scope_clause();
            let sql = format!(
                "UPDATE {} SET {} WHERE 1 = 1{}{scope}",
                quote(&table.name),
                sets.join(", "),
                Self::key_filter(table)
            );
            let changed = tx
                .execute(
                    &sql,
                    params_from_iter(values.iter().chain(&key).chain(&scope_values)),
                )
                .map_err(|e| self.error(e))?;
            if changed != 1 {
                return Err(PlatformError::Rejected(format!(
                    "updating {id} changed {changed} rows instead of one: rolled back"
                )));
            }
        }
        let after = self
            .read_row(&tx, table, &key)?
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(after)
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
        let mut conn = self.lock();
        let tx = conn.transaction().map_err(|e| self.error(e))?;
        if self.read_row(&tx, table, &key)?.is_none() {
            return Err(PlatformError::NotFound { id: id.to_owned() });
        }
        self.delete_row(&tx, table, &key)?;
        if self.read_row(&tx, table, &key)?.is_some() {
            return Err(PlatformError::Rejected(format!(
                "{id} is still there after its deletion: rolled back"
            )));
        }
        tx.commit().map_err(|e| self.error(e))?;
        Ok(())
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

    /// SQLite has no grants: the file's permissions say whether rows may be changed.
    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError> {
        let writable = rustix::fs::access(&self.file, rustix::fs::Access::WRITE_OK).is_ok();
        let conn = self.lock();
        let (scope, scope_values) = self.scope_clause();
        self.dataset
            .tables
            .values()
            .map(|table| {
                let sql = format!(
                    "SELECT count(*) FROM {} WHERE 1 = 1{scope}",
                    quote(&table.name)
                );
                let count: i64 = conn
                    .query_row(&sql, params_from_iter(&scope_values), |r| r.get(0))
                    .map_err(|e| self.error(e))?;
                Ok(ArchiveAccess {
                    name: table.name.clone(),
                    assets: u64::try_from(count).ok(),
                    read: true,
                    edit_metadata: writable,
                    delete: writable,
                    download: true,
                })
            })
            .collect()
    }
}
