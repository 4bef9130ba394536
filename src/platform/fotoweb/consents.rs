//! The consent status of assets, read when the tenant's profile names it
//! (`--records consents`).
//!
//! FotoWeb's consent management links consent forms, signed by the people an image shows,
//! to the asset; the API shows only their sum, the asset's `consentStatus`: its overall
//! state, the consent categories approved and declined, and how many forms are in which
//! state. The forms themselves (who signed which) are not in the API. So dsr keeps the
//! status as a record of its own beside the asset, `<asset id>/consent` in archive
//! `consents`, that names the people the asset shows (field 368): the people whose consent
//! it records. Locate finds her there by her name, the access package shows it as a
//! consent she gave, and an erasure reads it back after the asset's own step: it goes with
//! the asset, or stops naming her once her name leaves the people shown.
//!
//! It is read from the asset listing itself (no request of its own), so it changes in the
//! index when the asset does.

use serde_json::Value;

use super::records::{text, version};
use super::*;
use crate::asset::Metadata;
use crate::fields::records as f;

/// The items of a list of consent categories, as `key: title`.
fn categories(status: &Value, key: &str) -> Vec<String> {
    status
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            let title = text(c.get("title"));
            match (text(c.get("key")), title) {
                (Some(k), Some(t)) => Some(format!("{k}: {t}")),
                (k, t) => k.or(t),
            }
        })
        .collect()
}

/// The consent record of asset `asset`, from its metadata and `consentStatus`; `None`
/// where no consent form is linked to it.
pub fn consent_asset(
    asset: &str,
    metadata: &Metadata,
    status: Option<&Value>,
    modified: Option<&str>,
) -> Option<Asset> {
    let status = status.filter(|s| s.is_object())?;
    let mut record = Metadata::new();
    if let Some(shown) = metadata.get(crate::fields::PERSON_SHOWN) {
        let names: Vec<String> = shown
            .items()
            .iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        if !names.is_empty() {
            record.insert(f::CONSENT_SHOWN.to_owned(), FieldValue::Bag(names));
        }
    }
    if let Some(state) = text(status.get("assetConsentState")) {
        record.insert(f::CONSENT_STATE.to_owned(), FieldValue::Single(state));
    }
    for (field, key) in [
        (f::CONSENT_APPROVED, "approvedConsents"),
        (f::CONSENT_DECLINED, "declinedConsents"),
    ] {
        let items = categories(status, key);
        if !items.is_empty() {
            record.insert(field.to_owned(), FieldValue::Bag(items));
        }
    }
    let forms: Vec<String> = status
        .get("countByConsentFormState")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            let state = text(c.get("consentFormState"))?;
            let n = c.get("consentFormCount").and_then(Value::as_u64)?;
            Some(format!("{state}: {n}"))
        })
        .collect();
    if !forms.is_empty() {
        record.insert(f::CONSENT_FORMS.to_owned(), FieldValue::Bag(forms));
    }
    let filename = asset.rsplit('/').next().unwrap_or(asset);
    Some(Asset {
        id: format!("{asset}/consent"),
        archive: f::CONSENTS.to_owned(),
        filename: format!("{filename}.consent.json"),
        version: version(&record, modified),
        modified: modified.map(str::to_owned),
        metadata: record,
    })
}

impl Fotoweb {
    /// The consent record of `asset`, read from the asset.
    pub(super) fn get_consent(&self, id: &str, asset: &str) -> Result<Asset, PlatformError> {
        let item = match self.get_asset(asset) {
            Err(e) if e.is_not_found() => {
                return Err(PlatformError::NotFound { id: id.to_owned() });
            }
            other => other?,
        };
        consent_asset(
            asset,
            &item.metadata,
            item.consent_status.as_ref(),
            item.modified.as_deref(),
        )
        .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_consent_status_names_the_people_shown_and_its_categories() {
        let mut metadata = Metadata::new();
        metadata.insert(
            "368".to_owned(),
            FieldValue::Bag(vec!["Jane Doe".to_owned(), " ".to_owned()]),
        );
        let status = json!({
            "assetConsentState": "PartialConsent",
            "approvedConsents": [{"key": "C1", "title": "Social media"}],
            "declinedConsents": [],
            "ConsentFlags": ["MoreConsentNeeded"],
            "consentFormCount": 2,
            "countByConsentFormState": [{"consentFormState": "Signed", "consentFormCount": 1}],
        });
        let record = consent_asset("Staff/a.png", &metadata, Some(&status), None).expect("one");
        assert_eq!(record.id, "Staff/a.png/consent");
        let get = |f: &str| record.metadata.get(f).map(|v| v.items().join("|"));
        assert_eq!(get(f::CONSENT_SHOWN).as_deref(), Some("Jane Doe"));
        assert_eq!(
            get(f::CONSENT_APPROVED).as_deref(),
            Some("C1: Social media")
        );
        assert_eq!(get(f::CONSENT_DECLINED), None);
        assert_eq!(get(f::CONSENT_FORMS).as_deref(), Some("Signed: 1"));
        assert!(consent_asset("Staff/a.png", &metadata, Some(&Value::Null), None).is_none());
    }
}
