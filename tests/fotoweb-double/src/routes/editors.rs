//! `GET /fotoweb/editors/<id>`: the metadata view with labels, bags and writability.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;

use crate::fields::EDITOR_ID;
use crate::http::{self, media};
use crate::repr;
use crate::shared::Shared;

pub async fn get(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    if id != EDITOR_ID {
        return http::not_found(uri.path());
    }
    match http::negotiate(&headers, &[media::METADATA_SET], uri.path()) {
        Ok(kind) => http::vendor(StatusCode::OK, kind, &repr::editor(&shared.editor)),
        Err(refused) => *refused,
    }
}
