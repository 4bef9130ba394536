//! Where a tenant lives. The [`Platform`] trait hides the difference between a folder on
//! disk and a platform's REST API; the index and the operations see only assets.

pub mod dir;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::asset::Asset;

/// Errors of a platform. Callers branch on the variant (a missing asset during sync is not
/// a failure of the sync), never on the message.
#[derive(Debug, thiserror::Error)]
pub enum PlatformError {
    #[error("the tenant folder {path} cannot be read: {source}")]
    Unreachable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("asset {id} does not exist")]
    NotFound { id: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Unsupported(&'static str),
    #[error("{path}:{line}:{column}: malformed sidecar: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl PlatformError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, PlatformError::NotFound { .. })
    }
}

/// What a platform says about itself.
#[derive(Debug, Clone, Default)]
pub struct Description {
    /// Field id → label.
    pub labels: BTreeMap<String, String>,
}

/// One asset as a listing names it: enough to tell whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    /// Changes whenever the asset's metadata changes.
    pub version: String,
}

/// Something a listing met that is not an asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stray {
    /// A file with no metadata sidecar: it is not indexed.
    NoSidecar { path: String },
}

/// Every asset of a tenant, and what was found beside them.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub assets: Vec<Listed>,
    pub strays: Vec<Stray>,
}

/// A tenant's store of assets.
pub trait Platform: Send + Sync {
    /// Field labels and other facts about the tenant.
    fn describe(&self) -> Result<Description, PlatformError>;
    /// Lists every asset with its version marker, without reading metadata.
    fn list(&self) -> Result<Listing, PlatformError>;
    /// Reads one asset with its metadata.
    fn get(&self, id: &str) -> Result<Asset, PlatformError>;
}

/// Opens the platform a tenant profile names.
pub fn open(profile: &crate::config::TenantProfile) -> Result<Box<dyn Platform>, PlatformError> {
    use crate::config::PlatformKind;
    match (profile.platform, &profile.path) {
        (PlatformKind::Dir, Some(path)) => Ok(Box::new(dir::DirPlatform::open(path)?)),
        (PlatformKind::Dir, None) => Err(PlatformError::Unsupported(
            "the profile names no folder: add the tenant again with --path DIR",
        )),
        (PlatformKind::Fotoweb, _) => Err(PlatformError::Unsupported(
            "this build of dsr cannot talk to FotoWeb yet: export the tenant to a folder and use --platform dir",
        )),
    }
}
