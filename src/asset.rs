//! An asset as dsr sees it on every platform: an id, where it lives, and its metadata map
//! keyed by FotoWeb field id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A field's value: FotoWeb fields are either single strings or bags (lists) of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    Single(String),
    Bag(Vec<String>),
}

impl FieldValue {
    /// Every string held, one for a single field, each element for a bag.
    pub fn items(&self) -> &[String] {
        match self {
            FieldValue::Single(s) => std::slice::from_ref(s),
            FieldValue::Bag(items) => items,
        }
    }

    /// Reads a value as platforms send it: strings and lists of strings, with numbers and
    /// booleans taken as their text and nulls as absent.
    pub fn from_json(value: &serde_json::Value) -> Option<FieldValue> {
        use serde_json::Value;
        let scalar = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        match value {
            Value::Array(items) => Some(FieldValue::Bag(items.iter().filter_map(scalar).collect())),
            Value::Null => None,
            other => scalar(other).map(FieldValue::Single),
        }
    }
}

/// Field id → value, ordered so that output and hashes are stable.
pub type Metadata = BTreeMap<String, FieldValue>;

/// One asset of a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asset {
    /// Platform-wide identifier (for `dir`, the path relative to the tenant root).
    pub id: String,
    /// The archive (collection) holding it.
    pub archive: String,
    /// The file name shown to people.
    pub filename: String,
    /// Last modification as the platform reports it (RFC 3339), if any.
    pub modified: Option<String>,
    /// An opaque marker that changes whenever the asset changes; sync compares it.
    pub version: String,
    pub metadata: Metadata,
}

/// Parses the `metadata` object shared by FotoWeb assets and `dir` sidecars:
/// `{"<field id>": {"value": <string or list>}}`.
pub fn metadata_from_json(object: &serde_json::Map<String, serde_json::Value>) -> Metadata {
    object
        .iter()
        .filter_map(|(field, entry)| {
            let value = entry.get("value").unwrap_or(entry);
            FieldValue::from_json(value).map(|v| (field.clone(), v))
        })
        .collect()
}
