//! FotoWeb's asset JSON turned into dsr's [`Asset`]: ids, versions, timestamps.

use percent_encoding::percent_decode_str;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::*;
use crate::asset::Asset;

pub(super) fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// The later of two timestamps (compared as times, kept as the server wrote them).
pub(super) fn newest(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => match (parse_time(&a), parse_time(&b)) {
            (Some(ta), Some(tb)) if tb > ta => Some(b),
            _ => Some(a),
        },
        (a, b) => a.or(b),
    }
}

/// `<archive name>/<decoded path>` from an asset link inside the archive's link.
pub(super) fn id_of(archive: &model::Archive, item: &model::Asset) -> Option<String> {
    let base = item
        .archive_href
        .as_deref()
        .unwrap_or(&archive.href)
        .trim_end_matches('/');
    let href = item.href.split(['?', '#']).next().unwrap_or_default();
    let path = href.strip_prefix(base)?.strip_prefix('/')?;
    let path = path.strip_suffix(".info").unwrap_or(path);
    let parts: Option<Vec<String>> = path
        .split('/')
        .map(|p| {
            let s = percent_decode_str(p).decode_utf8().ok()?;
            // A decoded segment must stay one segment and stay inside the archive.
            (!s.is_empty() && s != "." && s != ".." && !s.contains('/')).then(|| s.into_owned())
        })
        .collect();
    Some(format!("{}/{}", archive.name, parts?.join("/")))
}

/// The asset's version marker: its modification time, which FotoWeb bumps on every edit;
/// a digest of its metadata where a server leaves the time out.
pub(super) fn version_of(item: &model::Asset) -> String {
    match &item.modified {
        Some(m) => m.clone(),
        None => {
            use sha2::Digest;
            let text = serde_json::to_string(&item.metadata).unwrap_or_default();
            let digest = sha2::Sha256::digest(text.as_bytes());
            digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
        }
    }
}

pub(super) fn asset_from(
    archive: &model::Archive,
    item: model::Asset,
    id: String,
    version: String,
) -> Asset {
    let filename = item
        .filename
        .clone()
        .unwrap_or_else(|| id.rsplit('/').next().unwrap_or_default().to_owned());
    Asset {
        archive: archive.name.clone(),
        filename,
        modified: item.modified.clone(),
        version,
        metadata: item.metadata,
        id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> model::Archive {
        serde_json::from_value(serde_json::json!({
            "name": "Staff", "href": "/fotoweb/archives/5000-Staff/"
        }))
        .expect("a valid archive")
    }

    fn asset(href: &str) -> model::Asset {
        serde_json::from_value(serde_json::json!({ "href": href })).expect("a valid asset")
    }

    #[test]
    fn ids_are_archive_name_and_decoded_path() {
        let a = archive();
        let id = id_of(
            &a,
            &asset("/fotoweb/archives/5000-Staff/Folder%2019/IMG%20042.jpg.info"),
        );
        assert_eq!(id.as_deref(), Some("Staff/Folder 19/IMG 042.jpg"));
        assert_eq!(
            id_of(&a, &asset("/fotoweb/archives/5001-Other/x.jpg.info")),
            None
        );
        assert_eq!(
            id_of(&a, &asset("/fotoweb/archives/5000-Staff/..%2F..%2Fx.info")),
            None
        );
        assert_eq!(
            id_of(&a, &asset("/fotoweb/archives/5000-Staff/%2E%2E/x.info")),
            None
        );
    }

    #[test]
    fn metadata_reads_as_from_a_parsed_object() {
        let metadata = serde_json::json!({
            "5": { "value": "Board meeting" },
            "25": { "value": ["a", 7, true, null, ["nested"], { "x": 1 }, 1.5] },
            "80": "bare",
            "81": ["bare", "bag"],
            "90": { "value": null },
            "91": { "other": "no value" },
            "92": { "value": { "value": "too deep" } },
            "93": { "value": 12, "extra": [1, 2] },
            "94": null,
            "95": -3,
            "96": { "value": 2.25e10 },
        });
        let expected = crate::asset::metadata_from_json(metadata.as_object().expect("an object"));
        // From text, as listings are read.
        let text = serde_json::to_vec(&serde_json::json!({
            "href": "/fotoweb/archives/5000-Staff/x.jpg.info",
            "metadata": metadata,
        }))
        .expect("JSON text");
        let item: model::Asset = serde_json::from_slice(&text).expect("a valid asset");
        assert_eq!(item.metadata, expected);
        assert_eq!(expected.len(), 7, "{expected:?}");
    }

    #[test]
    fn newest_compares_times_not_text() {
        let a = Some("2024-01-01T10:00:00Z".to_owned());
        let b = Some("2024-01-01T11:00:00+00:00".to_owned());
        assert_eq!(newest(a.clone(), b.clone()), b);
        assert_eq!(newest(b.clone(), a), b);
    }
}
