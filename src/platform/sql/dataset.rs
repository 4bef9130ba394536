//! The dataset file: which tables of a database hold people's data, how each row is keyed,
//! which columns hold whom in what role, what erasure does to a row, and the column that
//! scopes every query to one customer of a multi-tenant database. `docs/sql.md` documents
//! it for users.
//!
//! ```toml
//! scope = "customer_id"           # a column on the tables; --scope customer_id=42
//!
//! [tables.clients]
//! label = "Clients"
//! key = ["id"]                    # composite keys: ["quote_id", "line_no"]
//! changed_at = "updated_at"       # optional
//! erase = "delete"                # or "scrub", or "keep" with `reason`
//! [tables.clients.columns]
//! email = "email"                 # roles: email, phone, login, person, text
//! name = "person"
//!
//! [tables.invoices]
//! key = ["id"]
//! erase = "keep"
//! reason = "bookkeeping law: invoices are kept for 5 years"
//! [tables.invoices.columns]
//! billed_to = "person"
//!
//! [tables.notes]
//! key = ["id"]
//! erase = "scrub"
//! [tables.notes.columns]
//! body = "text"
//! [tables.notes.masks]            # per column: "null", "text:<fixed text>", "marker",
//!                                 # "hash", "email" or "phone"
//! body = "text:(erased)"
//!
//! [tables.photos.files]           # the file each row names, in an object store
//! column = "file_key"
//! store = "s3://studio/photos"    # or az://container/prefix, file:///folder, or a folder
//!                                 # relative to the dataset file
//! key = "originals/{value}"       # optional; the object's key below the store's prefix
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// A dataset file that cannot be used, named with the file and the table or key at fault.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    #[error("cannot read the dataset file {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the dataset file {path} is not valid TOML for a dataset: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("the dataset file {path}, {place}: {problem}")]
    Invalid {
        path: PathBuf,
        /// `table clients`, `table clients, column email`, or `scope`.
        place: String,
        problem: String,
    },
}

/// What a personal column holds, read as the matching field roles of dsr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnRole {
    Email,
    Phone,
    Login,
    Person,
    Text,
}

/// What an erasure does to a row of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EraseRule {
    /// The row is deleted (rows of other tables pointing at it first).
    Delete,
    /// The subject's values are replaced by each column's mask; the row stays.
    Scrub,
    /// The row is kept as it is, for the legal reason the file gives.
    Keep,
}

/// What a scrubbed column is given instead of the subject's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mask {
    /// SQL NULL.
    Null,
    /// A fixed text.
    Text(String),
    /// A salted hash of the value it replaces ([`MASK_HASH_LEN`] hex digits): the tenant's
    /// salt, so the same person's value masks alike in every row and every run.
    Hash,
    /// `erased-<hash>@invalid`: still an e-mail address (for a column whose type or CHECK
    /// wants one), unique per person, and one no mail can reach (`.invalid`, RFC 2606).
    Email,
    /// `+999` and 11 digits of the hash: an E.164 number (15 digits at most) in a country
    /// code the ITU keeps unassigned, so it reaches no one.
    Phone,
    /// The fixed text [`MARKER`], for a text column that cannot hold NULL.
    Marker,
}

/// How many hex digits of the salted hash a mask keeps: 64 bits, so that two people's
/// masks never meet in a unique column.
pub const MASK_HASH_LEN: usize = 16;

/// The text the `marker` mask writes.
pub const MARKER: &str = "[erased]";

impl Mask {
    fn parse(text: &str) -> Option<Mask> {
        match text {
            "null" => Some(Mask::Null),
            "hash" => Some(Mask::Hash),
            "email" => Some(Mask::Email),
            "phone" => Some(Mask::Phone),
            "marker" => Some(Mask::Marker),
            _ => text.strip_prefix("text:").map(|t| Mask::Text(t.to_owned())),
        }
    }

    /// The value the mask writes in place of a value whose salted hash is `hash` (hex,
    /// at least [`MASK_HASH_LEN`] digits); `None` for NULL.
    pub fn value(&self, hash: &str) -> Option<String> {
        let short = &hash[..MASK_HASH_LEN.min(hash.len())];
        match self {
            Mask::Null => None,
            Mask::Text(text) => Some(text.clone()),
            Mask::Marker => Some(MARKER.to_owned()),
            Mask::Hash => Some(short.to_owned()),
            Mask::Email => Some(format!("erased-{short}@invalid")),
            Mask::Phone => {
                // 11 decimal digits from the hash's first 64 bits.
                let number = u64::from_str_radix(short, 16).unwrap_or_default() % 100_000_000_000;
                Some(format!("+999{number:011}"))
            }
        }
    }

    /// Whether the value depends on the value replaced (a salted hash of it).
    pub fn is_hashed(&self) -> bool {
        matches!(self, Mask::Hash | Mask::Email | Mask::Phone)
    }

    /// How the file writes the mask, for messages.
    pub fn name(&self) -> String {
        match self {
            Mask::Null => "null".to_owned(),
            Mask::Text(text) => format!("text:{text}"),
            Mask::Hash => "hash".to_owned(),
            Mask::Email => "email".to_owned(),
            Mask::Phone => "phone".to_owned(),
            Mask::Marker => "marker".to_owned(),
        }
    }
}

/// One table of the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    /// Shown to people (the asset's archive); the table's name when the file gives none.
    pub label: String,
    /// The key's columns, in order.
    pub key: Vec<String>,
    pub changed_at: Option<String>,
    /// Personal column → role, in column order of the file.
    pub columns: BTreeMap<String, ColumnRole>,
    pub erase: EraseRule,
    /// Per personal column, its mask when scrubbed (null where the file names none).
    pub masks: BTreeMap<String, Mask>,
    /// Why rows are kept (`keep`).
    pub reason: Option<String>,
    /// The file each row names in an object store, if the table has one.
    pub files: Option<Files>,
    /// How a row of a table without the scope column reaches it: through these tables in
    /// turn, each by a foreign key, the last one holding the scope column. Empty for a
    /// table that holds the column itself.
    pub scope_through: Vec<Hop>,
}

/// One step from a table towards the scope column: to `table`, by the foreign key the
/// database declares between the two (`columns` empty), or, where it declares none, by
/// the columns the file names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub table: String,
    /// The columns of the table the step starts from.
    pub columns: Vec<String>,
    /// The columns of `table` they hold the values of.
    pub references: Vec<String>,
}

/// Where the files behind a table's rows live: a column holding each row's object key, the
/// store, and how the column's value becomes the key. The file follows its row: erased
/// with a row that is deleted, kept with one that is kept or scrubbed (a scrubbed row still
/// names its file, and the application still expects it there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Files {
    pub column: String,
    /// A store URL (`s3://`, `az://`, `file://`); a plain folder in the file is resolved
    /// against the dataset file's folder and given here as a `file://` URL.
    pub store: String,
    /// The key template: `{value}` is replaced by the column's value.
    pub key: String,
}

/// What a key template puts the column's value in place of.
pub const KEY_VALUE: &str = "{value}";

impl Files {
    /// The object key a row's value names, below the store's prefix; `None` for a value
    /// that would not make a clean relative key (empty, `..`, a leading `/`): such a value
    /// names no file dsr will touch.
    pub fn key_for(&self, value: &str) -> Option<String> {
        let key = self.key.replace(KEY_VALUE, value);
        let clean = !key.is_empty()
            && key
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..");
        clean.then_some(key)
    }
}

/// A parsed, validated dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    pub path: PathBuf,
    /// The column on every table that says whose data a row is.
    pub scope: Option<String>,
    pub tables: BTreeMap<String, Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    scope: Option<String>,
    #[serde(default)]
    tables: BTreeMap<String, RawTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    label: Option<String>,
    key: Vec<String>,
    changed_at: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, ColumnRole>,
    erase: EraseRule,
    #[serde(default)]
    masks: BTreeMap<String, String>,
    reason: Option<String>,
    files: Option<RawFiles>,
    #[serde(default)]
    scope_through: Vec<RawHop>,
}

/// A step of `scope_through`: a table's name (the declared foreign key leads there), or
/// the table with the columns that lead there.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawHop {
    Declared(String),
    Columns {
        table: String,
        columns: Vec<String>,
        references: Vec<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    column: String,
    store: String,
    key: Option<String>,
}

impl Dataset {
    /// Reads and validates a dataset file.
    pub fn load(path: &Path) -> Result<Dataset, DatasetError> {
        let text = std::fs::read_to_string(path).map_err(|source| DatasetError::Read {
            path: path.to_owned(),
            source,
        })?;
        Dataset::parse(path, &text)
    }

    /// Parses and validates the text of a dataset file read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Dataset, DatasetError> {
        let raw: RawDataset = toml::from_str(text).map_err(|e| DatasetError::Parse {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let invalid = |place: String, problem: &str| DatasetError::Invalid {
            path: path.to_owned(),
            place,
            problem: problem.to_owned(),
        };
        if raw.tables.is_empty() {
            return Err(invalid(
                "tables".to_owned(),
                "no table is described: add a [tables.NAME] section for each table holding personal data",
            ));
        }
        if raw.scope.as_deref().is_some_and(|s| s.trim().is_empty()) {
            return Err(invalid(
                "scope".to_owned(),
                "the scope column is empty: name the column that says whose data a row is, or leave scope out",
            ));
        }
        let raw_scope = raw.scope.clone();
        let mut tables = BTreeMap::new();
        for (name, raw) in raw.tables {
            let place = format!("table {name}");
            if name.contains('/') {
                // A row is named TABLE/KEY: the first slash ends the table's name.
                return Err(invalid(
                    place,
                    "a table name cannot hold '/', which dsr puts between a table and a row's key: describe a view of the table under a name without one",
                ));
            }
            if raw.key.is_empty() {
                return Err(invalid(
                    place,
                    "the key names no column: give key = [\"id\"] (several columns for a composite key)",
                ));
            }
            if raw.columns.is_empty() {
                return Err(invalid(
                    place,
                    "no personal column is named: list them under [tables.NAME.columns] with their role (email, phone, login, person, text)",
                ));
            }
            match (raw.erase, raw.reason.as_deref().map(str::trim)) {
                (EraseRule::Keep, None | Some("")) => {
                    return Err(invalid(
                        place,
                        "erase = \"keep\" needs the legal reason: add reason = \"…\"",
                    ));
                }
                (EraseRule::Delete | EraseRule::Scrub, Some(_)) => {
                    return Err(invalid(
                        place,
                        "a reason is given only with erase = \"keep\": remove it or keep the rows",
                    ));
                }
                _ => {}
            }
            if raw.erase != EraseRule::Scrub && !raw.masks.is_empty() {
                return Err(invalid(
                    place,
                    "masks apply only with erase = \"scrub\": remove them or scrub the rows",
                ));
            }
            let mut masks = BTreeMap::new();
            for (column, text) in &raw.masks {
                if !raw.columns.contains_key(column) {
                    return Err(invalid(
                        format!("table {name}, masks.{column}"),
                        "the column is not one of the table's personal columns: list it under columns or remove its mask",
                    ));
                }
                let mask = Mask::parse(text).ok_or_else(|| {
                    invalid(
                        format!("table {name}, masks.{column}"),
                        "not a mask: write \"null\", \"text:FIXED TEXT\", \"marker\", \"hash\", \"email\" or \"phone\"",
                    )
                })?;
                masks.insert(column.clone(), mask);
            }
            for column in raw.columns.keys() {
                masks.entry(column.clone()).or_insert(Mask::Null);
                if raw.key.contains(column) {
                    return Err(invalid(
                        format!("table {name}, column {column}"),
                        "a key column cannot be a personal column that is scrubbed: key rows by a surrogate id",
                    ));
                }
            }
            let files = match raw.files {
                Some(files) => Some(
                    Dataset::files(path, &files)
                        .map_err(|problem| invalid(format!("table {name}, files"), &problem))?,
                ),
                None => None,
            };
            let scope_through = Dataset::hops(&name, raw.scope_through, raw_scope.is_some())
                .map_err(|problem| invalid(format!("table {name}, scope_through"), &problem))?;
            tables.insert(
                name.clone(),
                Table {
                    label: raw.label.unwrap_or_else(|| name.clone()),
                    name,
                    key: raw.key,
                    changed_at: raw.changed_at,
                    columns: raw.columns,
                    erase: raw.erase,
                    masks,
                    reason: raw.reason,
                    files,
                    scope_through,
                },
            );
        }
        Ok(Dataset {
            path: path.to_owned(),
            scope: raw.scope,
            tables,
        })
    }

    /// Checks a table's `scope_through`: only in a scoped dataset, each step to another
    /// table, the columns named in pairs.
    fn hops(name: &str, raw: Vec<RawHop>, scoped: bool) -> Result<Vec<Hop>, String> {
        if !raw.is_empty() && !scoped {
            return Err("the dataset names no scope column to reach: add scope = \"COLUMN\" at the top of the file, or remove scope_through".to_owned());
        }
        let mut hops = Vec::new();
        let mut from = name.to_owned();
        for step in raw {
            let hop = match step {
                RawHop::Declared(table) => Hop {
                    table,
                    columns: Vec::new(),
                    references: Vec::new(),
                },
                RawHop::Columns {
                    table,
                    columns,
                    references,
                } => {
                    if columns.is_empty() || columns.len() != references.len() {
                        return Err(format!(
                            "the step to {table} names {} column(s) and {} reference(s): give as many of each, at least one (columns of {from}, references of {table})",
                            columns.len(),
                            references.len()
                        ));
                    }
                    Hop {
                        table,
                        columns,
                        references,
                    }
                }
            };
            if hop.table.trim().is_empty() || hop.table == from {
                return Err(format!(
                    "a step from {from} must lead to another table: name the table whose rows {from} points at"
                ));
            }
            from = hop.table.clone();
            hops.push(hop);
        }
        Ok(hops)
    }

    /// Checks a table's `files` section and resolves its store against the dataset file.
    fn files(path: &Path, raw: &RawFiles) -> Result<Files, String> {
        if raw.column.trim().is_empty() {
            return Err(
                "the column is empty: name the column that holds each row's object key".to_owned(),
            );
        }
        let key = raw.key.clone().unwrap_or_else(|| KEY_VALUE.to_owned());
        if key.matches(KEY_VALUE).count() != 1 {
            return Err(format!(
                "the key template {key:?} must hold {KEY_VALUE} once, where the column's value goes (e.g. \"photos/{KEY_VALUE}\")"
            ));
        }
        if key.starts_with('/') || key.split('/').any(|p| p == "..") {
            return Err(format!(
                "the key template {key:?} must be a relative key below the store's prefix: remove the leading / or the ..",
            ));
        }
        let store = raw.store.trim();
        if store.is_empty() {
            return Err("the store is empty: give s3://bucket/prefix, az://container/prefix, file:///folder or a folder relative to the dataset file".to_owned());
        }
        let store = match store.split_once("://") {
            Some((scheme, _)) if ["s3", "az", "file"].contains(&scheme) => {
                if url::Url::parse(store).map(|u| {
                    u.username().is_empty() && u.password().is_none() && u.query().is_none()
                }) != Ok(true)
                {
                    return Err(format!(
                        "the store {store:?} is not a store URL without credentials: give s3://bucket/prefix, az://container/prefix or file:///folder (credentials come from the environment, never the dataset)"
                    ));
                }
                store.to_owned()
            }
            Some((scheme, _)) => {
                return Err(format!(
                    "the store's scheme {scheme}:// is not one dsr reads: give s3://, az:// or file://"
                ));
            }
            None => {
                // A folder beside the dataset: the dataset and its files move together,
                // and the file names no path of the machine it was written on.
                let folder = path.parent().unwrap_or(Path::new(".")).join(store);
                let folder = std::path::absolute(&folder).unwrap_or(folder);
                url::Url::from_file_path(&folder)
                    .map_err(|()| {
                        format!("the store folder {store:?} cannot be made a file:// URL")
                    })?
                    .to_string()
            }
        };
        Ok(Files {
            column: raw.column.clone(),
            store,
            key,
        })
    }

    /// The field id of a table's column in an asset's metadata: `table-column`. Field ids
    /// hold only letters, digits, '-' and '_' (the index and the profile rely on it), so a
    /// name with other characters is replaced by a short hash of it.
    pub fn field(table: &str, column: &str) -> String {
        let part = |name: &str| {
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                name.to_owned()
            } else {
                use sha2::Digest as _;
                let digest = sha2::Sha256::digest(name.as_bytes());
                format!("h{}", &crate::encode::hex(&digest)[..10])
            }
        };
        format!("{}-{}", part(table), part(column))
    }

    /// The table and column a field id names.
    pub fn column_of(&self, field: &str) -> Option<(&Table, &str)> {
        self.tables.values().find_map(|t| {
            t.columns
                .keys()
                .find(|c| Dataset::field(&t.name, c) == field)
                .map(|c| (t, c.as_str()))
        })
    }

    /// Field ids per role, for the tenant profile's role mapping.
    pub fn fields_of(&self, role: ColumnRole) -> Vec<String> {
        self.tables
            .values()
            .flat_map(|t| {
                t.columns
                    .iter()
                    .filter(move |(_, r)| **r == role)
                    .map(|(c, _)| Dataset::field(&t.name, c))
            })
            .collect()
    }

    /// The tables whose rows erasure treats by `rule`.
    pub fn tables_with(&self, rule: EraseRule) -> Vec<String> {
        self.tables
            .values()
            .filter(|t| t.erase == rule)
            .map(|t| t.name.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Dataset, DatasetError> {
        Dataset::parse(Path::new("shop.toml"), text)
    }

    #[test]
    fn a_full_dataset_reads_with_default_masks() {
        let dataset = parse(
            r#"
scope = "customer_id"
[tables.clients]
key = ["id"]
erase = "delete"
columns = { email = "email", name = "person" }
[tables.notes]
key = ["client_id", "n"]
erase = "scrub"
columns = { body = "text", phone = "phone" }
masks = { body = "text:(erased)" }
[tables.invoices]
key = ["id"]
erase = "keep"
reason = "bookkeeping law"
columns = { billed_to = "person" }
"#,
        )
        .expect("valid");
        assert_eq!(dataset.scope.as_deref(), Some("customer_id"));
        assert_eq!(dataset.tables["notes"].key, ["client_id", "n"]);
        assert_eq!(
            dataset.tables["notes"].masks["body"],
            Mask::Text("(erased)".to_owned())
        );
        assert_eq!(dataset.tables["clients"].masks["email"], Mask::Null);
        assert_eq!(dataset.fields_of(ColumnRole::Person).len(), 2);
        assert_eq!(dataset.tables_with(EraseRule::Keep), ["invoices"]);
    }

    #[test]
    fn a_table_name_with_a_slash_is_refused_as_it_cannot_be_told_from_a_key() {
        let text = "[tables.\"a/b\"]\nkey = [\"id\"]\nerase = \"delete\"\ncolumns = { email = \"email\" }\n";
        let error = Dataset::parse(Path::new("shop.toml"), text)
            .expect_err("refused")
            .to_string();
        assert!(
            error.contains("table a/b") && error.contains("'/'"),
            "{error}"
        );
    }

    #[test]
    fn masks_keep_the_form_their_column_wants() {
        let hash = "0123456789abcdef0123456789abcdef";
        assert_eq!(Mask::Null.value(hash), None);
        assert_eq!(Mask::Marker.value(hash).as_deref(), Some("[erased]"));
        assert_eq!(Mask::Hash.value(hash).as_deref(), Some("0123456789abcdef"));
        assert_eq!(
            Mask::Email.value(hash).as_deref(),
            Some("erased-0123456789abcdef@invalid")
        );
        // 0x0123456789abcdef = 81985529216486895, its last 11 digits.
        assert_eq!(Mask::Phone.value(hash).as_deref(), Some("+99929216486895"));
        assert_eq!(
            Mask::Phone.value(&"f".repeat(16)).map(|p| p.len()),
            Some(15)
        );
        for name in ["null", "hash", "email", "phone", "marker", "text:x"] {
            assert_eq!(Mask::parse(name).map(|m| m.name()).as_deref(), Some(name));
        }
    }

    #[test]
    fn files_behind_rows_resolve_their_store_and_key() {
        let table = "[tables.photos]\nkey = [\"id\"]\nerase = \"delete\"\ncolumns = { caption = \"text\" }\n";
        let dataset = Dataset::parse(
            Path::new("/data/studio.toml"),
            &format!("{table}[tables.photos.files]\ncolumn = \"file_key\"\nstore = \"files\"\n"),
        )
        .expect("valid");
        let files = dataset.tables["photos"].files.clone().expect("files");
        assert_eq!(files.store, "file:///data/files");
        assert_eq!(files.key_for("a/b.jpg").as_deref(), Some("a/b.jpg"));
        assert_eq!(files.key_for("../etc/passwd"), None);
        assert_eq!(files.key_for("/abs"), None);
        let s3 = parse(&format!(
            "{table}[tables.photos.files]\ncolumn = \"file_key\"\nstore = \"s3://studio/photos\"\nkey = \"originals/{{value}}\"\n"
        ))
        .expect("valid");
        let files = s3.tables["photos"].files.clone().expect("files");
        assert_eq!(files.store, "s3://studio/photos");
        assert_eq!(files.key_for("1.jpg").as_deref(), Some("originals/1.jpg"));
        for (files, problem) in [
            (
                "column = \"k\"\nstore = \"s3://b\"\nkey = \"x\"",
                "must hold {value} once",
            ),
            (
                "column = \"k\"\nstore = \"gs://b\"",
                "scheme gs:// is not one dsr reads",
            ),
            (
                "column = \"k\"\nstore = \"s3://KEY:SECRET@b\"",
                "credentials come from the environment",
            ),
            ("column = \" \"\nstore = \"s3://b\"", "the column is empty"),
        ] {
            let error = parse(&format!("{table}[tables.photos.files]\n{files}\n"))
                .expect_err(problem)
                .to_string();
            assert!(
                error.contains("table photos, files: ") && error.contains(problem),
                "{error}"
            );
        }
    }

    #[test]
    fn mistakes_are_named_with_file_table_and_key() {
        let keep = parse(
            "[tables.invoices]\nkey = [\"id\"]\nerase = \"keep\"\ncolumns = { a = \"person\" }\n",
        )
        .expect_err("no reason");
        assert_eq!(
            keep.to_string(),
            "the dataset file shop.toml, table invoices: erase = \"keep\" needs the legal reason: add reason = \"…\""
        );
        let mask = parse(
            "[tables.t]\nkey = [\"id\"]\nerase = \"scrub\"\ncolumns = { a = \"text\" }\nmasks = { a = \"blank\" }\n",
        )
        .expect_err("bad mask");
        assert!(
            mask.to_string().contains("table t, masks.a: not a mask"),
            "{mask}"
        );
        let role =
            parse("[tables.t]\nkey = [\"id\"]\nerase = \"delete\"\ncolumns = { a = \"mail\" }\n")
                .expect_err("bad role");
        assert!(
            role.to_string()
                .starts_with("the dataset file shop.toml is not valid TOML"),
            "{role}"
        );
    }
}
