//! What the connector keeps for the rest of the process: the API descriptor, the
//! archive list and the links listings gave for asset ids, so that each is asked once.

use percent_encoding::utf8_percent_encode;

use super::*;
use crate::platform::PlatformError;
use crate::threads::lock;

impl Fotoweb {
    pub(super) fn descriptor(&self) -> Result<&model::Descriptor, PlatformError> {
        if let Some(d) = self.descriptor.get() {
            return Ok(d);
        }
        let descriptor = self.get_json(self.client.link("/fotoweb/me/")?, DESCRIPTOR)?;
        Ok(self.descriptor.get_or_init(|| descriptor))
    }

    /// The archive list, read anew (counts change) and kept for link lookups.
    pub(super) fn load_archives(&self) -> Result<Vec<model::Archive>, PlatformError> {
        let archives: Vec<model::Archive> =
            self.all_pages(&self.descriptor()?.archives, COLLECTION_LIST)?;
        *lock(&self.archives) = Some(archives.clone());
        Ok(archives)
    }

    pub(super) fn archives(&self) -> Result<Vec<model::Archive>, PlatformError> {
        if let Some(archives) = lock(&self.archives).clone() {
            return Ok(archives);
        }
        self.load_archives()
    }

    /// The link of an asset: as a listing gave it, else built from its archive's link.
    pub(super) fn href_of(&self, id: &str) -> Result<String, PlatformError> {
        if let Some(href) = lock(&self.hrefs).get(id) {
            return Ok(href.clone());
        }
        let not_found = || PlatformError::NotFound { id: id.to_owned() };
        let (archive_name, path) = id.split_once('/').ok_or_else(not_found)?;
        let archives = self.archives()?;
        let archive = archives
            .iter()
            .find(|a| a.name == archive_name)
            .ok_or_else(not_found)?;
        let encoded: Vec<String> = path
            .split('/')
            .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
            .collect();
        let base = archive.href.trim_end_matches('/');
        Ok(format!("{base}/{}.info", encoded.join("/")))
    }

    pub(super) fn remember(&self, id: &str, href: &str) {
        lock(&self.hrefs).insert(id.to_owned(), href.to_owned());
    }

    pub(super) fn get_asset(&self, id: &str) -> Result<model::Asset, PlatformError> {
        let href = self.href_of(id)?;
        match self.get_json::<model::Asset>(self.client.link(&href)?, ASSET) {
            Err(PlatformError::Status { status: 404, .. }) => {
                Err(PlatformError::NotFound { id: id.to_owned() })
            }
            other => other,
        }
    }

    pub(super) fn metadata_views(&self, archives: &[model::Archive]) -> Vec<model::MetadataView> {
        let mut hrefs: Vec<&str> = archives
            .iter()
            .filter_map(|a| a.metadata_editor.as_ref().map(|e| e.href.as_str()))
            .collect();
        hrefs.sort_unstable();
        hrefs.dedup();
        hrefs
            .into_iter()
            .filter_map(|href| {
                let url = self.client.link(href).ok()?;
                match self.get_json::<model::MetadataView>(url, METADATA_VIEW) {
                    Ok(view) => Some(view),
                    Err(e) => {
                        // Labels are a convenience: the standard ones stand in.
                        log::warn!("cannot read a metadata view: {e}");
                        None
                    }
                }
            })
            .collect()
    }
}
