//! User management (`/fotoweb/api/users`, beta in FotoWeb): the list of every user as one
//! JSON array (the published description documents no paging for it), and GET, PUT (204)
//! and DELETE (204) of one user. Changes need user management ([`Shared::may_manage_users`]),
//! else 403.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::http::{self, media};
use crate::shared::{Shared, lock};

pub async fn list(State(shared): State<Arc<Shared>>) -> Response {
    let users = lock(&shared.accounts).users();
    http::vendor(StatusCode::OK, media::JSON, &Value::Array(users))
}

pub async fn get(State(shared): State<Arc<Shared>>, Path(id): Path<String>, uri: Uri) -> Response {
    let user = id
        .parse()
        .ok()
        .and_then(|id| lock(&shared.accounts).user(id));
    match user {
        Some(user) => http::vendor(StatusCode::OK, media::JSON, &user),
        None => http::not_found(uri.path()),
    }
}

pub async fn put(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let Ok(id) = id.parse::<u32>() else {
        return http::not_found(path);
    };
    if lock(&shared.accounts).user(id).is_none() {
        return http::not_found(path);
    }
    if !shared.may_manage_users() {
        return refused(path);
    }
    let body: Value = match serde_json::from_slice(&body) {
        Ok(body @ Value::Object(_)) => body,
        _ => return http::error(StatusCode::BAD_REQUEST, "expected a User object", path),
    };
    if lock(&shared.accounts).put_user(id, &body) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        http::not_found(path)
    }
}

pub async fn delete(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: Uri,
) -> Response {
    let path = uri.path();
    let Ok(id) = id.parse::<u32>() else {
        return http::not_found(path);
    };
    if lock(&shared.accounts).user(id).is_none() {
        return http::not_found(path);
    }
    if !shared.may_manage_users() {
        return refused(path);
    }
    lock(&shared.accounts).delete_user(id);
    StatusCode::NO_CONTENT.into_response()
}

fn refused(path: &str) -> Response {
    http::error(
        StatusCode::FORBIDDEN,
        "You do not have permission to manage users",
        path,
    )
}
