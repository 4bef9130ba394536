//! An asset as dsr sees it on every platform: an id, where it lives, and its metadata map
//! keyed by FotoWeb field id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A field's value: FotoWeb fields are either single strings or bags (lists) of strings.
/// Written as a JSON string or an array of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Single(String),
    Bag(Vec<String>),
}

// By hand rather than `untagged`: that buffers every value and builds an error message for
// each bag before trying the second form, and locate reads the metadata of every candidate.
impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = FieldValue;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<FieldValue, E> {
                Ok(FieldValue::Single(value.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<FieldValue, E> {
                Ok(FieldValue::Single(value))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FieldValue, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(FieldValue::Bag(items))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let metadata: Metadata = [
            (
                "5".to_owned(),
                FieldValue::Single("Board \"meeting\"".to_owned()),
            ),
            (
                "80".to_owned(),
                FieldValue::Bag(vec!["Jane Doe".to_owned()]),
            ),
            ("25".to_owned(), FieldValue::Bag(Vec::new())),
        ]
        .into_iter()
        .collect();
        let json = serde_json::to_string(&metadata).expect("serialisable");
        let back: Metadata = serde_json::from_str(&json).expect("readable");
        assert_eq!(back, metadata);
        assert!(serde_json::from_str::<FieldValue>("3").is_err());
        assert!(serde_json::from_str::<FieldValue>("[\"a\", 3]").is_err());
    }
}
