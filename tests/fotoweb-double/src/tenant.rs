//! Reading a `dir` tenant folder: every top-level folder is an archive; every other file
//! below it that has a `<file>.json` sidecar is an asset. Files in the root, hidden files and
//! folders, and files without a sidecar are not assets. Originals stay on disk and are read
//! only when downloaded, so a large tenant costs memory for its metadata only.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context, bail};
use time::OffsetDateTime;

use crate::state::FieldValue;
use crate::timefmt;

const SIDECAR_SUFFIX: &str = ".json";

/// One asset as read from disk.
#[derive(Debug, Clone)]
pub struct LoadedAsset {
    /// Index of the archive in [`Tenant::archives`].
    pub archive: usize,
    /// Path inside the archive with `/` separators, e.g. `Folder 19/IMG_0042.jpg`.
    pub relative: String,
    pub created: String,
    /// The sidecar's `modified` text as written, for assets nobody changed yet.
    pub modified_text: String,
    pub modified: OffsetDateTime,
    pub metadata: BTreeMap<String, FieldValue>,
    /// The sidecar's `consentStatus`, served as it is (FotoWeb's consent management).
    pub consent: Option<serde_json::Value>,
    /// The original on disk.
    pub file: PathBuf,
    pub bytes_len: u64,
}

/// A whole tenant folder.
#[derive(Debug, Default)]
pub struct Tenant {
    /// Archive folder names, sorted.
    pub archives: Vec<String>,
    pub assets: Vec<LoadedAsset>,
}

/// Reads the folder; fails on a sidecar that is not the documented format, naming it.
pub fn load(root: &Path) -> anyhow::Result<Tenant> {
    let entries = fs::read_dir(root)
        .with_context(|| format!("cannot read the tenant folder {}", root.display()))?;
    let mut archives = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", root.display()))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue; // a name that is not UTF-8 cannot be put in a URL faithfully
        };
        if !name.starts_with('.') && entry.file_type()?.is_dir() {
            archives.push(name);
        }
    }
    archives.sort();

    let mut tenant = Tenant::default();
    for (index, name) in archives.iter().enumerate() {
        load_archive(&root.join(name), index, &mut tenant.assets)?;
    }
    tenant.archives = archives;
    Ok(tenant)
}

fn load_archive(dir: &Path, index: usize, assets: &mut Vec<LoadedAsset>) -> anyhow::Result<()> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let parts: Option<Vec<&str>> = relative.iter().map(|p| p.to_str()).collect();
        if let Some(parts) = parts {
            files.push(parts.join("/"));
        }
    }
    let present: HashSet<&str> = files.iter().map(String::as_str).collect();
    for relative in &files {
        let sidecar = format!("{relative}{SIDECAR_SUFFIX}");
        if !present.contains(sidecar.as_str()) {
            continue; // a sidecar itself, or a file nobody described: not an asset
        }
        let file = dir.join(relative);
        let sidecar_path = dir.join(&sidecar);
        let bytes_len = fs::metadata(&file)
            .with_context(|| format!("cannot read {}", file.display()))?
            .len();
        let sidecar = read_sidecar(&sidecar_path)
            .with_context(|| format!("bad sidecar {}", sidecar_path.display()))?;
        assets.push(LoadedAsset {
            archive: index,
            relative: relative.clone(),
            created: sidecar.created,
            modified_text: sidecar.modified_text,
            modified: sidecar.modified,
            metadata: sidecar.metadata,
            consent: sidecar.consent,
            file,
            bytes_len,
        });
    }
    Ok(())
}

struct Sidecar {
    created: String,
    modified_text: String,
    modified: OffsetDateTime,
    metadata: BTreeMap<String, FieldValue>,
    consent: Option<serde_json::Value>,
}

fn read_sidecar(path: &Path) -> anyhow::Result<Sidecar> {
    let bytes = fs::read(path)?;
    let json: serde_json::Value = serde_json::from_slice(&bytes)?;
    let Some(object) = json.as_object() else {
        bail!("expected a JSON object");
    };
    let Some(fields) = object.get("metadata").and_then(|m| m.as_object()) else {
        bail!("expected a \"metadata\" object");
    };
    let mut metadata = BTreeMap::new();
    for (field, entry) in fields {
        let Some(value) = entry.get("value") else {
            bail!("field {field}: expected {{\"value\": …}}");
        };
        if let Some(value) = FieldValue::from_stored(value) {
            metadata.insert(field.clone(), value);
        }
    }
    let created = object
        .get("created")
        .and_then(|c| c.as_str())
        .unwrap_or_default()
        .to_owned();
    let (modified_text, modified) = match object.get("modified").and_then(|m| m.as_str()) {
        Some(text) => {
            let Some(parsed) = timefmt::parse(text) else {
                bail!("\"modified\" is not an RFC 3339 time: {text}");
            };
            (text.to_owned(), parsed)
        }
        // Without a recorded time the sidecar's own modification time is the best guess.
        None => {
            let mtime = fs::metadata(path)?
                .modified()
                .unwrap_or(SystemTime::UNIX_EPOCH);
            let t = OffsetDateTime::from(mtime);
            (timefmt::format_micros(t), t)
        }
    };
    let consent = object
        .get("consentStatus")
        .filter(|c| c.is_object())
        .cloned();
    Ok(Sidecar {
        created,
        modified_text,
        modified,
        metadata,
        consent,
    })
}
