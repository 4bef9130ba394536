//! `GET /fotoweb/me/`: the full API descriptor, the client's entry point.

use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;

use crate::http::{self, media};
use crate::repr;

pub async fn get(headers: HeaderMap, uri: Uri) -> Response {
    match http::negotiate(&headers, &[media::FULL_DESCRIPTOR], uri.path()) {
        Ok(kind) => http::vendor(StatusCode::OK, kind, &repr::descriptor()),
        Err(refused) => *refused,
    }
}
