//! The parts of FotoWeb's JSON representations the connector reads. Every field is
//! optional or defaulted where servers are known to differ, so that a missing attribute
//! degrades one feature instead of failing the whole response.

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::asset::{FieldValue, Metadata};

/// `application/vnd.fotoware.full-api-descriptor+json` (`/fotoweb/me/`).
#[derive(Debug, Clone, Deserialize)]
pub struct Descriptor {
    pub archives: String,
    #[serde(default)]
    pub background_tasks: Option<String>,
    #[serde(default)]
    pub services: Services,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Services {
    #[serde(default)]
    pub rendition_request: Option<String>,
}

/// A collection list (archives) or an asset list: `data` plus `paging`.
#[derive(Debug, Clone, Deserialize)]
pub struct Page<T> {
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    #[serde(default)]
    pub paging: Option<Paging>,
}

/// An asset list read only for what decides the next request: its paging and each
/// asset's modification time. The assets themselves are read separately.
#[derive(Debug, Clone, Deserialize)]
pub struct Outline {
    #[serde(default = "Vec::new")]
    pub data: Vec<Stamp>,
    #[serde(default)]
    pub paging: Option<Paging>,
}

/// An asset's modification time, all an [`Outline`] reads of it.
#[derive(Debug, Clone, Deserialize)]
pub struct Stamp {
    #[serde(default)]
    pub modified: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Paging {
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub prev: Option<String>,
    /// May be unknown (`null`).
    #[serde(default)]
    pub last: Option<String>,
}

impl Paging {
    /// The next page's link; `null` and `""` both mean there is none.
    pub fn next(&self) -> Option<&str> {
        self.next.as_deref().filter(|n| !n.is_empty())
    }

    /// The previous page's link, read the same way.
    pub fn prev(&self) -> Option<&str> {
        self.prev.as_deref().filter(|p| !p.is_empty())
    }

    /// The last page's link, when the server knows it.
    pub fn last(&self) -> Option<&str> {
        self.last.as_deref().filter(|l| !l.is_empty())
    }
}

/// One archive in the archive list.
#[derive(Debug, Clone, Deserialize)]
pub struct Archive {
    pub name: String,
    pub href: String,
    #[serde(default)]
    pub data: Option<String>,
    #[serde(default, rename = "assetCount")]
    pub asset_count: Option<u64>,
    #[serde(default)]
    pub permissions: Vec<String>,
    #[serde(default, rename = "metadataEditor")]
    pub metadata_editor: Option<Link>,
}

impl Archive {
    /// The asset list of the archive: its `data` link, else the archive itself.
    pub fn data(&self) -> &str {
        self.data.as_deref().unwrap_or(&self.href)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Link {
    pub href: String,
}

/// `application/vnd.fotoware.asset+json`, also the elements of an asset list.
#[derive(Debug, Clone, Deserialize)]
pub struct Asset {
    pub href: String,
    #[serde(default, rename = "archiveHREF")]
    pub archive_href: Option<String>,
    #[serde(default)]
    pub filename: Option<String>,
    #[serde(default)]
    pub modified: Option<String>,
    #[serde(default, deserialize_with = "metadata")]
    pub metadata: Metadata,
    #[serde(default)]
    pub renditions: Vec<Rendition>,
    /// The sum of the consent forms linked to the asset (consent management), if any.
    #[serde(default, rename = "consentStatus")]
    pub consent_status: Option<serde_json::Value>,
}

/// Reads an asset's `metadata` straight into dsr's [`Metadata`], the way
/// [`crate::asset::metadata_from_json`] reads a parsed JSON object: each field's `value` (or
/// the entry itself when it is not an object), a string or a list of strings, numbers and
/// booleans as their text, anything else left out. Straight, because parsing into JSON
/// values and copying them out took a quarter of a sync's CPU time.
fn metadata<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Metadata, D::Error> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Metadata;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of metadata fields")
        }

        fn visit_unit<E: de::Error>(self) -> Result<Metadata, E> {
            Ok(Metadata::new())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Metadata, A::Error> {
            let mut metadata = Metadata::new();
            while let Some(field) = map.next_key::<String>()? {
                // A repeated field counts as written last, as in a parsed JSON object.
                match map.next_value::<Entry>()?.0 {
                    Some(value) => metadata.insert(field, value),
                    None => metadata.remove(&field),
                };
            }
            Ok(metadata)
        }
    }
    deserializer.deserialize_any(Fields)
}

/// One field of an asset's metadata: `{"value": …}`, or the value itself.
struct Entry(Option<FieldValue>);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        deserializer
            .deserialize_any(ValueVisitor { in_entry: true })
            .map(Entry)
    }
}

/// A field's value; an object is no value.
struct Plain(Option<FieldValue>);

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Plain, D::Error> {
        deserializer
            .deserialize_any(ValueVisitor { in_entry: false })
            .map(Plain)
    }
}

/// An element of a bag: a string, or a number or boolean as its text.
struct Scalar(Option<String>);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        let value = deserializer.deserialize_any(ValueVisitor { in_entry: false })?;
        Ok(Scalar(match value {
            Some(FieldValue::Single(text)) => Some(text),
            _ => None,
        }))
    }
}

/// Whether a key is `value`, read without copying it.
struct IsValue(bool);

impl<'de> Deserialize<'de> for IsValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IsValue, D::Error> {
        struct Key;
        impl Visitor<'_> for Key {
            type Value = IsValue;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<IsValue, E> {
                Ok(IsValue(v == "value"))
            }
        }
        deserializer.deserialize_str(Key)
    }
}

/// Reads a value; `in_entry` when it may be the `{"value": …}` object around one.
struct ValueVisitor {
    in_entry: bool,
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Option<FieldValue>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a metadata value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(FieldValue::Single(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(FieldValue::Single(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(FieldValue::Single(v.to_string())))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(FieldValue::Single(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(FieldValue::Single(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Written as serde_json writes the number of a parsed value.
        Ok(serde_json::Number::from_f64(v).map(|n| FieldValue::Single(n.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Scalar(item)) = seq.next_element()? {
            items.extend(item);
        }
        Ok(Some(FieldValue::Bag(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut value = None;
        while let Some(IsValue(is_value)) = map.next_key()? {
            if self.in_entry && is_value {
                value = map.next_value::<Plain>()?.0;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(value)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Rendition {
    pub href: String,
    #[serde(default)]
    pub original: bool,
}

/// `application/vnd.fotoware.metadata-set+json`: the metadata view (editor).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MetadataView {
    #[serde(default, rename = "builtinFields")]
    pub builtin_fields: serde_json::Map<String, serde_json::Value>,
    #[serde(default, rename = "detailRegions")]
    pub detail_regions: Vec<DetailRegion>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct DetailRegion {
    #[serde(default)]
    pub fields: Vec<ViewField>,
}

/// A field as a metadata view lists it.
#[derive(Debug, Clone, Deserialize)]
pub struct ViewField {
    pub field: FieldInfo,
    #[serde(default, rename = "isWritable")]
    pub is_writable: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FieldInfo {
    /// Servers send the id as a number or a string.
    pub id: serde_json::Value,
    #[serde(default)]
    pub label: Option<String>,
}

impl FieldInfo {
    pub fn id(&self) -> Option<String> {
        match &self.id {
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
            _ => None,
        }
    }
}

impl MetadataView {
    /// Every field the view names, builtin ones included.
    pub fn fields(&self) -> Vec<ViewField> {
        let mut fields: Vec<ViewField> = self
            .builtin_fields
            .values()
            .filter_map(|v| serde_json::from_value(v.clone()).ok())
            .collect();
        for region in &self.detail_regions {
            fields.extend(region.fields.iter().cloned());
        }
        fields
    }
}

/// `application/vnd.fotoware.task-status+json`.
#[derive(Debug, Clone, Deserialize)]
pub struct TaskStatus {
    #[serde(default)]
    pub task: Option<TaskInfo>,
    #[serde(default)]
    pub job: Option<Job>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TaskInfo {
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Job {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub result: Option<serde_json::Value>,
}

impl TaskStatus {
    /// The job's status, else the task's.
    pub fn status(&self) -> &str {
        self.job
            .as_ref()
            .and_then(|j| j.status.as_deref())
            .or_else(|| self.task.as_ref().and_then(|t| t.status.as_deref()))
            .unwrap_or("pending")
    }

    /// Whether the job's result reports `href` done; `None` when it does not say.
    pub fn done_for(&self, href: &str) -> Option<bool> {
        let result = self.job.as_ref()?.result.as_ref()?.as_array()?;
        result
            .iter()
            .find(|r| r.get("href").and_then(|h| h.as_str()) == Some(href))
            .and_then(|r| r.get("done").and_then(|d| d.as_bool()))
    }
}

/// Random answers, for a bounded time: the model reads whatever a server (or something
/// posing as one) sends without panicking. Near-valid documents with odd values are what
/// reach the custom deserialisers, so most inputs are mutated valid ones.
#[cfg(test)]
mod fuzz {
    use super::*;

    const VALID: &str = r#"{"href": "/fotoweb/archives/5000-a/Staff/x.png.info", "archiveHREF": "/fotoweb/archives/5000-a/", "filename": "x.png", "modified": "2024-03-02T11:00:00Z", "metadata": {"80": {"value": ["Jane Doe"]}, "120": {"value": "Jane Doe presents"}, "5": {"value": 3}, "25": {"value": [true, null, {"a": 1}]}, "308": "plain"}, "renditions": [{"href": "/r", "default": true}]}"#;

    #[test]
    fn assets_and_pages_read_anything() {
        let seed = fastrand::u64(..);
        eprintln!("fuzz FotoWeb model: seed {seed}");
        let mut rng = fastrand::Rng::with_seed(seed);
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(1500);
        let pieces = [
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "null",
            "true",
            "1e999",
            "-0",
            "\"value\"",
            "\"metadata\"",
            "\"80\"",
            "\\u0000",
            "\\ud800",
            "é",
            "😀",
            " ",
        ];
        let mut runs = 0u64;
        while std::time::Instant::now() < deadline {
            runs += 1;
            let mut text = VALID.as_bytes().to_vec();
            for _ in 0..rng.usize(1..6) {
                let at = rng.usize(..=text.len());
                match rng.u8(..3) {
                    0 if at < text.len() => {
                        text.remove(at);
                    }
                    1 => {
                        let piece = pieces[rng.usize(..pieces.len())].as_bytes();
                        text.splice(at..at, piece.iter().copied());
                    }
                    _ if at < text.len() => text[at] = rng.u8(..),
                    _ => {}
                }
            }
            let _ = serde_json::from_slice::<Asset>(&text);
            let _ = serde_json::from_slice::<Page<Asset>>(&text);
            let _ = serde_json::from_slice::<Descriptor>(&text);
        }
        assert!(runs > 0);
        eprintln!("{runs} documents read");
    }
}
