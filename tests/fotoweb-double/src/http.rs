//! HTTP helpers shared by the routes: FotoWeb's media types, `Accept` negotiation, JSON and
//! error responses, and percent-encoding of URL parts.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// FotoWeb's vendor media types.
pub mod media {
    pub const FULL_DESCRIPTOR: &str = "application/vnd.fotoware.full-api-descriptor+json";
    pub const COLLECTION_LIST: &str = "application/vnd.fotoware.collectionlist+json";
    pub const COLLECTION: &str = "application/vnd.fotoware.collection+json";
    pub const COLLECTION_INFO: &str = "application/vnd.fotoware.collectioninfo+json";
    pub const ASSET_LIST: &str = "application/vnd.fotoware.assetlist+json";
    pub const ASSET: &str = "application/vnd.fotoware.asset+json";
    pub const ASSET_UPDATE: &str = "application/vnd.fotoware.assetupdate+json";
    pub const METADATA_SET: &str = "application/vnd.fotoware.metadata-set+json";
    pub const DELETE_REQUEST: &str = "application/vnd.fotoware.delete-request+json";
    pub const DELETE_RESPONSE: &str = "application/vnd.fotoware.delete-response+json";
    pub const TASK_STATUS: &str = "application/vnd.fotoware.task-status+json";
    pub const RENDITION_REQUEST: &str = "application/vnd.fotoware.rendition-request+json";
    pub const RENDITION_RESPONSE: &str = "application/vnd.fotoware.rendition-response+json";
    pub const JSON: &str = "application/json";
}

/// Everything but RFC 3986's unreserved characters is escaped in a path segment or query
/// value, so names with spaces, `#`, `?`, `;` or non-ASCII letters survive the round trip.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

pub fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// `k=v&…` as sent by forms and query strings: `+` is a space, the rest percent-decoded.
pub fn decode_pairs(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(&k.replace('+', " ")), decode(&v.replace('+', " ")))
        })
        .collect()
}

/// Picks the representation to send: the first type of `offered` is the default, given for
/// a missing `Accept`, `*/*`, `application/*` and `application/json`. `q` values order the
/// client's choices; `q=0` excludes one. Anything else is 406 (boxed: a response is large).
pub fn negotiate(
    headers: &HeaderMap,
    offered: &[&'static str],
    href: &str,
) -> Result<&'static str, Box<Response>> {
    let Some(&default) = offered.first() else {
        return Err(Box::new(not_acceptable(href)));
    };
    let accept = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    if accept.trim().is_empty() {
        return Ok(default);
    }
    let mut wanted: Vec<(f32, String)> = accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let kind = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!kind.is_empty() && q > 0.0).then_some((q, kind))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, kind) in wanted {
        if let Some(&found) = offered.iter().find(|o| o.eq_ignore_ascii_case(&kind)) {
            return Ok(found);
        }
        if matches!(kind.as_str(), "*/*" | "application/*" | media::JSON) {
            return Ok(default);
        }
    }
    Err(Box::new(not_acceptable(href)))
}

/// Whether the request body is declared as `media` (parameters such as charset ignored).
pub fn content_type_is(headers: &HeaderMap, media: &str) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(media))
}

/// A JSON body with the vendor type echoed in `Content-Type`.
pub fn vendor(status: StatusCode, media: &str, body: &serde_json::Value) -> Response {
    vendor_text(status, media, body.to_string())
}

/// Like [`vendor`], for a body already written as JSON text.
pub fn vendor_text(status: StatusCode, media: &str, body: String) -> Response {
    let mut response = (status, body).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("{media}; charset=utf-8")) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

/// FotoWeb's documented error body, `{"message", "href"}`.
pub fn error(status: StatusCode, message: impl Into<String>, href: &str) -> Response {
    let body = serde_json::json!({ "message": message.into(), "href": href });
    vendor(status, media::JSON, &body)
}

pub fn not_acceptable(href: &str) -> Response {
    error(
        StatusCode::NOT_ACCEPTABLE,
        "The requested representation is not available",
        href,
    )
}

pub fn not_found(href: &str) -> Response {
    error(StatusCode::NOT_FOUND, "Not found", href)
}

pub fn unsupported_media(href: &str, expected: &str) -> Response {
    error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!("expected Content-Type: {expected}"),
        href,
    )
}

/// Turns an absolute URL (`http://host/fotoweb/…`) into its path; paths pass unchanged.
pub fn path_of(href: &str) -> &str {
    for scheme in ["http://", "https://"] {
        if let Some(rest) = href.strip_prefix(scheme) {
            return rest.find('/').map_or("/", |slash| &rest[slash..]);
        }
    }
    href
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn negotiation() {
        let offered = [media::ASSET_LIST, media::COLLECTION];
        assert_eq!(
            negotiate(&HeaderMap::new(), &offered, "/").unwrap(),
            media::ASSET_LIST
        );
        assert_eq!(
            negotiate(&accept(media::COLLECTION), &offered, "/").unwrap(),
            media::COLLECTION
        );
        assert_eq!(
            negotiate(&accept("text/html;q=0.5, */*;q=0.1"), &offered, "/").unwrap(),
            media::ASSET_LIST
        );
        assert!(negotiate(&accept(media::ASSET), &offered, "/").is_err());
        assert!(negotiate(&accept("*/*;q=0"), &offered, "/").is_err());
    }

    #[test]
    fn encoding_round_trip_and_pairs() {
        assert_eq!(encode("Folder 19/ø#;"), "Folder%2019%2F%C3%B8%23%3B");
        assert_eq!(decode("Folder%2019"), "Folder 19");
        assert_eq!(
            decode_pairs("q=jane+doe&fn=a%2Bb.png&x"),
            [
                ("q".to_owned(), "jane doe".to_owned()),
                ("fn".to_owned(), "a+b.png".to_owned()),
                ("x".to_owned(), String::new())
            ]
        );
        assert_eq!(path_of("https://h.example/fotoweb/a"), "/fotoweb/a");
        assert_eq!(path_of("/fotoweb/a"), "/fotoweb/a");
    }
}
