//! The tenant in memory: archives, live assets, the ids deleted so far, and the sorted and
//! filtered asset lists that paging reads (cached until the next change, so that paging a
//! large archive does not sort it once per page), and each asset's JSON as an asset list
//! shows it (cached until the asset changes, so that a page costs the double next to
//! nothing beside the latency it is told to add).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use time::OffsetDateTime;

use crate::search::{Doc, Expr};
use crate::tenant::Tenant;
use crate::timefmt;

/// The first archive id; FotoWeb numbers archives from 5000.
const FIRST_ARCHIVE_ID: u32 = 5000;

/// A field's value: one string, or a bag of strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Single(String),
    Bag(Vec<String>),
}

impl FieldValue {
    /// Reads a stored value: strings and arrays, numbers and booleans as their text; null
    /// means no value.
    pub fn from_stored(value: &serde_json::Value) -> Option<FieldValue> {
        use serde_json::Value;
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        match value {
            Value::Array(items) => Some(FieldValue::Bag(items.iter().filter_map(text).collect())),
            other => text(other).map(FieldValue::Single),
        }
    }

    pub fn items(&self) -> &[String] {
        match self {
            FieldValue::Single(s) => std::slice::from_ref(s),
            FieldValue::Bag(items) => items,
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            FieldValue::Single(s) => serde_json::Value::from(s.as_str()),
            FieldValue::Bag(items) => serde_json::Value::from(items.clone()),
        }
    }
}

/// An archive: a top-level folder of the tenant.
#[derive(Debug, Clone)]
pub struct Archive {
    pub id: u32,
    pub name: String,
}

/// A live asset.
#[derive(Debug, Clone)]
pub struct Asset {
    /// `<archive name>/<path in the archive>`.
    pub id: String,
    pub archive: usize,
    /// Path inside the archive, `/`-separated.
    pub relative: String,
    pub filename: String,
    pub created: String,
    pub modified_text: String,
    pub modified: OffsetDateTime,
    pub metadata: BTreeMap<String, FieldValue>,
    /// The asset's `consentStatus`, when consent forms are linked to it.
    pub consent: Option<serde_json::Value>,
    pub file: PathBuf,
    pub bytes_len: u64,
}

/// The order of an asset list (`;o=`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Order {
    /// The default: newest modification first.
    ModifiedDesc,
    ModifiedAsc,
    FilenameAsc,
    FilenameDesc,
    /// By a metadata field's (first) value; assets without it come last.
    Field {
        id: String,
        descending: bool,
    },
}

impl Order {
    /// Reads a `;o=` value; `None` for one the double does not know.
    pub fn parse(value: &str) -> Option<Order> {
        let (descending, key) = match value.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, value),
        };
        match (descending, key) {
            (false, "") | (true, "") => Some(Order::ModifiedDesc),
            (false, "+") => Some(Order::ModifiedAsc),
            (false, "fn") => Some(Order::FilenameAsc),
            (true, "fn") => Some(Order::FilenameDesc),
            (_, id) if id.bytes().all(|b| b.is_ascii_digit()) => Some(Order::Field {
                id: id.to_owned(),
                descending,
            }),
            _ => None,
        }
    }

    /// The `;o=` value that names this order, empty for the default.
    pub fn param(&self) -> String {
        match self {
            Order::ModifiedDesc => String::new(),
            Order::ModifiedAsc => "+".to_owned(),
            Order::FilenameAsc => "fn".to_owned(),
            Order::FilenameDesc => "-fn".to_owned(),
            Order::Field { id, descending } => {
                format!("{}{id}", if *descending { "-" } else { "" })
            }
        }
    }
}

/// Every asset, live and deleted, with the lists read by paging.
#[derive(Debug, Default)]
pub struct Store {
    pub archives: Vec<Archive>,
    assets: HashMap<String, Asset>,
    by_archive: Vec<BTreeSet<String>>,
    deleted: Vec<String>,
    lists: HashMap<(usize, Order, Expr), Arc<Vec<String>>>,
    rendered: HashMap<String, Arc<str>>,
}

impl Store {
    pub fn from_tenant(tenant: Tenant) -> Store {
        let archives: Vec<Archive> = tenant
            .archives
            .into_iter()
            .zip(FIRST_ARCHIVE_ID..)
            .map(|(name, id)| Archive { id, name })
            .collect();
        let mut store = Store {
            by_archive: vec![BTreeSet::new(); archives.len()],
            archives,
            ..Store::default()
        };
        for loaded in tenant.assets {
            let Some(archive) = store.archives.get(loaded.archive) else {
                continue;
            };
            let id = format!("{}/{}", archive.name, loaded.relative);
            let filename = loaded
                .relative
                .rsplit('/')
                .next()
                .unwrap_or(&loaded.relative)
                .to_owned();
            store.by_archive[loaded.archive].insert(id.clone());
            store.assets.insert(
                id.clone(),
                Asset {
                    id,
                    archive: loaded.archive,
                    relative: loaded.relative,
                    filename,
                    created: loaded.created,
                    modified_text: loaded.modified_text,
                    modified: loaded.modified,
                    metadata: loaded.metadata,
                    consent: loaded.consent,
                    file: loaded.file,
                    bytes_len: loaded.bytes_len,
                },
            );
        }
        store
    }

    pub fn asset(&self, id: &str) -> Option<&Asset> {
        self.assets.get(id)
    }

    /// The asset at a path of an archive.
    pub fn asset_at(&self, archive: usize, relative: &str) -> Option<&Asset> {
        let name = &self.archives.get(archive)?.name;
        self.assets.get(&format!("{name}/{relative}"))
    }

    /// Live ids, sorted.
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.assets.keys().cloned().collect();
        ids.sort();
        ids
    }

    /// Ids removed so far, through the API or by [`Store::remove`], in order of removal.
    pub fn deleted(&self) -> &[String] {
        &self.deleted
    }

    pub fn archive_count(&self, archive: usize) -> usize {
        self.by_archive.get(archive).map_or(0, BTreeSet::len)
    }

    /// The ids of an archive's assets that match `query`, in `order`.
    pub fn list(&mut self, archive: usize, order: &Order, query: &Expr) -> Arc<Vec<String>> {
        let key = (archive, order.clone(), query.clone());
        if let Some(list) = self.lists.get(&key) {
            return Arc::clone(list);
        }
        let mut hits: Vec<&Asset> = self
            .by_archive
            .get(archive)
            .into_iter()
            .flatten()
            .filter_map(|id| self.assets.get(id))
            .filter(|a| {
                query.matches(&Doc {
                    filename: &a.filename,
                    path: &a.relative,
                    metadata: &a.metadata,
                })
            })
            .collect();
        sort(&mut hits, order);
        let list = Arc::new(hits.into_iter().map(|a| a.id.clone()).collect::<Vec<_>>());
        self.lists.insert(key, Arc::clone(&list));
        list
    }

    /// Sorts every archive's default listing (newest first, no search) ahead of its first
    /// request.
    pub fn prepare_default_lists(&mut self) {
        for archive in 0..self.archives.len() {
            self.list(archive, &Order::ModifiedDesc, &Expr::All);
        }
    }

    /// Renders every asset's representation, for [`Store::rendered`].
    pub fn render_all(&mut self, permissions: &[String]) {
        for asset in self.assets.values() {
            let json = crate::repr::asset(asset, &self.archives[asset.archive], permissions);
            self.rendered
                .insert(asset.id.clone(), json.to_string().into());
        }
    }

    /// The asset's representation as rendered last, if it has not changed since.
    pub fn rendered(&self, id: &str) -> Option<Arc<str>> {
        self.rendered.get(id).cloned()
    }

    /// Keeps an asset's rendered representation until the asset changes.
    pub fn keep_rendered(&mut self, id: &str, json: Arc<str>) {
        self.rendered.insert(id.to_owned(), json);
    }

    /// Removes a live asset; false when there is none by that id.
    pub fn remove(&mut self, id: &str) -> bool {
        self.rendered.remove(id);
        let Some(asset) = self.assets.remove(id) else {
            return false;
        };
        if let Some(ids) = self.by_archive.get_mut(asset.archive) {
            ids.remove(id);
        }
        self.deleted.push(asset.id);
        self.lists.clear();
        true
    }

    /// Sets (`Some`) or clears (`None`) fields of one asset and bumps its modification time.
    pub fn update(
        &mut self,
        id: &str,
        changes: Vec<(String, Option<FieldValue>)>,
    ) -> Option<&Asset> {
        self.rendered.remove(id);
        let asset = self.assets.get_mut(id)?;
        for (field, value) in changes {
            match value {
                Some(value) => asset.metadata.insert(field, value),
                None => asset.metadata.remove(&field),
            };
        }
        asset.modified = timefmt::bump(asset.modified);
        asset.modified_text = timefmt::format_micros(asset.modified);
        self.lists.clear();
        Some(asset)
    }
}

fn sort(assets: &mut [&Asset], order: &Order) {
    match order {
        Order::ModifiedDesc => {
            assets.sort_by(|a, b| (b.modified, &b.id).cmp(&(a.modified, &a.id)));
        }
        Order::ModifiedAsc => assets.sort_by(|a, b| (a.modified, &a.id).cmp(&(b.modified, &b.id))),
        Order::FilenameAsc => {
            assets.sort_by(|a, b| (&a.filename, &a.id).cmp(&(&b.filename, &b.id)))
        }
        Order::FilenameDesc => {
            assets.sort_by(|a, b| (&b.filename, &b.id).cmp(&(&a.filename, &a.id)));
        }
        Order::Field { id, descending } => {
            let first = |a: &Asset| a.metadata.get(id).and_then(|v| v.items().first().cloned());
            assets.sort_by(|a, b| {
                let (va, vb) = (first(a), first(b));
                match (va, vb) {
                    (Some(x), Some(y)) if *descending => (y, &b.id).cmp(&(x, &a.id)),
                    (Some(x), Some(y)) => (x, &a.id).cmp(&(y, &b.id)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.id.cmp(&b.id),
                }
            });
        }
    }
}
