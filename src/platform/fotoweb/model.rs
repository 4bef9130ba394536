//! The parts of FotoWeb's JSON representations the connector reads. Every field is
//! optional or defaulted where servers are known to differ, so that a missing attribute
//! degrades one feature instead of failing the whole response.

use serde::Deserialize;

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
    #[serde(default)]
    pub metadata: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    pub renditions: Vec<Rendition>,
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
