//! Downloads through the rendition service: `POST /fotoweb/services/renditions` answers 202
//! with a link; the link answers 202 while "preparing", then 200 with the original's bytes,
//! then 410 (see [`crate::tasks`] for when a link expires).

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::target;
use crate::http::{self, media};
use crate::repr::{BACKGROUND_TASKS, ORIGINAL_SUFFIX};
use crate::shared::{Shared, lock};
use crate::tasks::RenditionPoll;

pub async fn request(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    if !http::content_type_is(&headers, media::RENDITION_REQUEST) {
        return http::unsupported_media(path, media::RENDITION_REQUEST);
    }
    let kind = match http::negotiate(&headers, &[media::RENDITION_RESPONSE], path) {
        Ok(kind) => kind,
        Err(refused) => return *refused,
    };
    if !shared.may("Download") {
        return http::error(
            StatusCode::FORBIDDEN,
            "You do not have permission to download this asset",
            path,
        );
    }
    let href = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|j| j.get("href").and_then(|h| h.as_str()).map(str::to_owned));
    let Some(href) = href else {
        return http::error(StatusCode::BAD_REQUEST, "expected {\"href\": \"…\"}", path);
    };
    // Only the original rendition exists here.
    let Some(asset_href) = href.strip_suffix(ORIGINAL_SUFFIX) else {
        return http::error(StatusCode::NOT_FOUND, "No such rendition", &href);
    };
    let found = {
        let store = lock(&shared.store);
        target::asset_id(asset_href, &store).and_then(|id| {
            store
                .asset(&id)
                .map(|a| (a.file.clone(), a.filename.clone()))
        })
    };
    let Some((file, filename)) = found else {
        return http::not_found(&href);
    };
    let id = lock(&shared.tasks).add_rendition(file, filename.clone());
    let link = format!("{BACKGROUND_TASKS}{id}/0/{}", http::encode(&filename));
    let mut response = http::vendor(StatusCode::ACCEPTED, kind, &json!({ "href": link }));
    // FotoWeb sends an absolute Location; build it from the Host the client used.
    let location = match headers.get(header::HOST).and_then(|h| h.to_str().ok()) {
        Some(host) => format!("http://{host}{link}"),
        None => link,
    };
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

pub async fn download(
    State(shared): State<Arc<Shared>>,
    Path((id, _file)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let path = uri.path();
    let poll = lock(&shared.tasks).poll_rendition(&id, Instant::now());
    match poll {
        None => http::not_found(path),
        Some(RenditionPoll::Preparing) => StatusCode::ACCEPTED.into_response(),
        Some(RenditionPoll::Gone) => http::error(
            StatusCode::GONE,
            "This download link has expired; request the rendition again",
            path,
        ),
        Some(RenditionPoll::Ready { file, filename }) => match tokio::fs::read(&file).await {
            Ok(bytes) => {
                lock(&shared.tasks).spend(&id);
                attachment(bytes, &filename)
            }
            Err(e) => http::error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("cannot read the original: {e}"),
                path,
            ),
        },
    }
}

fn attachment(bytes: Vec<u8>, filename: &str) -> Response {
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    // A plain ASCII name for old clients, the exact one in RFC 5987 form for the rest.
    let plain: String = filename
        .chars()
        .map(|c| match c {
            '"' | '\\' => '_',
            c if c.is_ascii() && !c.is_ascii_control() => c,
            _ => '_',
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{plain}\"; filename*=UTF-8''{}",
        http::encode(filename)
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
