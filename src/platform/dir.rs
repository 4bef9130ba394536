//! The `dir` platform: a tenant as a folder of archives, each file beside a `<file>.json`
//! sidecar holding the same `metadata` map as a FotoWeb asset. Exported or migrated
//! tenants and on-premises shares look like this; so does the bundled sample tenant.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use super::{Description, Listed, Listing, Platform, PlatformError, Stray};
use crate::asset::{Asset, metadata_from_json};
use crate::fields;

const SIDECAR_SUFFIX: &str = ".json";

/// A tenant folder.
#[derive(Debug, Clone)]
pub struct DirPlatform {
    root: PathBuf,
}

impl DirPlatform {
    /// Opens a tenant folder; it must exist.
    pub fn open(root: &Path) -> Result<DirPlatform, PlatformError> {
        let meta = fs::metadata(root).map_err(|source| PlatformError::Unreachable {
            path: root.to_owned(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(PlatformError::Unreachable {
                path: root.to_owned(),
                source: std::io::Error::other("not a directory"),
            });
        }
        Ok(DirPlatform {
            root: root.to_owned(),
        })
    }

    /// The file an asset id names, refusing ids that would leave the tenant folder.
    fn path_of(&self, id: &str) -> Result<PathBuf, PlatformError> {
        let relative = Path::new(id);
        let inside = relative.components().count() >= 2
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if !inside {
            return Err(PlatformError::NotFound { id: id.to_owned() });
        }
        Ok(self.root.join(relative))
    }

    fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> PlatformError + '_ {
        move |source| PlatformError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

fn sidecar_of(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(SIDECAR_SUFFIX);
    PathBuf::from(name)
}

/// The version marker of a sidecar: its modification time and size change with any edit.
fn version_of(meta: &fs::Metadata) -> String {
    let nanos = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{nanos}-{}", meta.len())
}

/// `a/b/c` with forward slashes whatever the operating system.
fn id_of(relative: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    parts.map(|p| p.join("/"))
}

fn is_hidden(relative: &Path) -> bool {
    relative
        .components()
        .any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')))
}

impl Platform for DirPlatform {
    fn describe(&self) -> Result<Description, PlatformError> {
        Ok(Description {
            labels: fields::default_labels(),
        })
    }

    fn list(&self) -> Result<Listing, PlatformError> {
        let mut files = BTreeSet::new();
        // Files directly in the root are not in an archive, so they are not assets.
        for entry in walkdir::WalkDir::new(&self.root)
            .min_depth(2)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| PlatformError::Io {
                path: e.path().unwrap_or(&self.root).to_owned(),
                source: e.into(),
            })?;
            if entry.file_type().is_file() {
                let relative = entry
                    .path()
                    .strip_prefix(&self.root)
                    .unwrap_or(entry.path());
                if !is_hidden(relative) {
                    files.insert(relative.to_owned());
                }
            }
        }
        let mut listing = Listing::default();
        for relative in &files {
            let name = relative.to_string_lossy();
            let stem = name.strip_suffix(SIDECAR_SUFFIX).map(PathBuf::from);
            if stem.as_ref().is_some_and(|s| files.contains(s)) {
                continue; // the sidecar of another file
            }
            let (asset, sidecar) = match stem {
                // A sidecar whose file is gone still holds personal data: index it.
                Some(stem) if !files.contains(&sidecar_of(relative)) => (stem, relative.clone()),
                _ => (relative.clone(), sidecar_of(relative)),
            };
            let Some(id) = id_of(&asset) else { continue };
            if !files.contains(&sidecar) {
                listing.strays.push(Stray::NoSidecar { path: id });
                continue;
            }
            let path = self.root.join(&sidecar);
            let meta = fs::metadata(&path).map_err(Self::io_err(&path))?;
            listing.assets.push(Listed {
                id,
                version: version_of(&meta),
            });
        }
        Ok(listing)
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        let file = self.path_of(id)?;
        let sidecar = sidecar_of(&file);
        let bytes = match fs::read(&sidecar) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(PlatformError::NotFound { id: id.to_owned() });
            }
            Err(e) => return Err(Self::io_err(&sidecar)(e)),
        };
        let meta = fs::metadata(&sidecar).map_err(Self::io_err(&sidecar))?;
        let shown = sidecar
            .strip_prefix(&self.root)
            .unwrap_or(&sidecar)
            .to_owned();
        let malformed = |line, column, message: String| PlatformError::Malformed {
            path: shown.clone(),
            line,
            column,
            message,
        };
        let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
            // serde_json's message ends with its own " at line L column C"; say it once.
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            malformed(e.line(), e.column(), message)
        })?;
        let Some(metadata) = json.get("metadata").and_then(|m| m.as_object()) else {
            return Err(malformed(
                1,
                1,
                "expected an object with a \"metadata\" object".to_owned(),
            ));
        };
        let modified = json
            .get("modified")
            .and_then(|m| m.as_str())
            .map(str::to_owned)
            .or_else(|| meta.modified().ok().map(crate::time::rfc3339));
        let mut parts = id.split('/');
        let archive = parts.next().unwrap_or_default().to_owned();
        let filename = id.rsplit('/').next().unwrap_or_default().to_owned();
        Ok(Asset {
            id: id.to_owned(),
            archive,
            filename,
            modified,
            version: version_of(&meta),
            metadata: metadata_from_json(metadata),
        })
    }
}
