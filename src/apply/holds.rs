//! Legal holds from the tenant profile: assets that must be kept as they are (litigation,
//! an investigation), whatever a request asks. A held asset is withheld from every change.

use std::collections::BTreeSet;

use crate::asset::Asset;
use crate::config::{ConfigError, TenantProfile};

/// The holds of one tenant.
#[derive(Debug, Clone, Default)]
pub struct Holds {
    /// Archives under hold.
    pub archives: BTreeSet<String>,
    /// `(field, value)` pairs: an asset holding the value in the field is under hold.
    pub values: Vec<(String, String)>,
}

impl Holds {
    /// The holds a tenant profile declares.
    pub fn of(profile: &TenantProfile) -> Result<Holds, ConfigError> {
        Ok(Holds {
            archives: profile.legal_hold_archives.iter().cloned().collect(),
            values: profile.legal_hold_values()?,
        })
    }

    /// Why the asset is held, if it is (names the archive or the field, never the value).
    pub fn withheld(&self, asset: &Asset) -> Option<String> {
        if self.archives.contains(&asset.archive) {
            return Some(format!("legal hold on archive {}", asset.archive));
        }
        self.values.iter().find_map(|(field, value)| {
            let held = asset.metadata.get(field).is_some_and(|v| {
                v.items()
                    .iter()
                    .any(|item| item.trim().eq_ignore_ascii_case(value.trim()))
            });
            held.then(|| format!("legal hold on a value of field {field}"))
        })
    }
}
