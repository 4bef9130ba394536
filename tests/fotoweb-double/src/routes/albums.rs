//! Albums: the list of every album the client may see (`/fotoweb/me/albums/`, one page), one
//! album under its owner (`/fotoweb/users/<owner>/albums/<id>/`: GET; DELETE, 204; PATCH of
//! its owner, name or description) and its sharing (`.shares/`: GET; PATCH with
//! `removeShares`). Changes need album management ([`Shared::may_manage_albums`]), else 403.
//!
//! The published description has no way to delete an album or change its owner; FotoWeb
//! does both (an album goes to its owner's deleted albums; an administrator hands a leaver's
//! albums to someone else). The double takes DELETE of the album's address and a PATCH of
//! `{"owner": {"id": <user id>}}` for them, and says so in its README.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::albums::sharing_json;
use crate::http::{self, media};
use crate::shared::{Shared, lock};

const SHARING: &str = "application/vnd.fotoware.sharing+json";
const SHARING_LINKS: &str = "application/vnd.fotoware.sharing-link-list+json";

pub async fn list(State(shared): State<Arc<Shared>>) -> Response {
    let data = lock(&shared.albums).list();
    http::vendor(
        StatusCode::OK,
        media::COLLECTION_LIST,
        &json!({ "data": data, "paging": null }),
    )
}

/// The album the path names, when its owner owns it.
fn named(shared: &Shared, owner: &str, id: &str) -> Option<u32> {
    let (owner, id) = (owner.parse().ok()?, id.parse().ok()?);
    lock(&shared.albums).get(owner, id).map(|_| id)
}

pub async fn get(
    State(shared): State<Arc<Shared>>,
    Path((owner, id)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    match named(&shared, &owner, &id).and_then(|id| lock(&shared.albums).json(id)) {
        Some(album) => http::vendor(StatusCode::OK, media::COLLECTION_INFO, &album),
        None => http::not_found(uri.path()),
    }
}

pub async fn delete(
    State(shared): State<Arc<Shared>>,
    Path((owner, id)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let Some(id) = named(&shared, &owner, &id) else {
        return http::not_found(uri.path());
    };
    if !shared.may_manage_albums() {
        return refused(uri.path());
    }
    lock(&shared.albums).delete(id);
    StatusCode::NO_CONTENT.into_response()
}

pub async fn patch(
    State(shared): State<Arc<Shared>>,
    Path((owner, id)): Path<(String, String)>,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let Some(id) = named(&shared, &owner, &id) else {
        return http::not_found(path);
    };
    if !shared.may_manage_albums() {
        return refused(path);
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return http::error(StatusCode::BAD_REQUEST, "expected JSON", path);
    };
    let new_owner = match body.get("owner") {
        None => None,
        Some(owner) => match owner.get("id").and_then(Value::as_u64) {
            Some(user) if lock(&shared.accounts).user(user as u32).is_some() => Some(user as u32),
            _ => {
                return http::error(
                    StatusCode::BAD_REQUEST,
                    "no such user to own the album",
                    path,
                );
            }
        },
    };
    let text = |key: &str| body.get(key).and_then(Value::as_str);
    let mut albums = lock(&shared.albums);
    albums.edit(id, new_owner, text("name"), text("description"));
    match albums.json(id) {
        Some(album) => http::vendor(StatusCode::OK, media::COLLECTION_INFO, &album),
        None => http::not_found(path),
    }
}

pub async fn shares(
    State(shared): State<Arc<Shared>>,
    Path((owner, id)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let id = named(&shared, &owner, &id);
    let albums = lock(&shared.albums);
    let sharing = id.and_then(|id| albums.album(id).map(|album| sharing_json(id, album)));
    match sharing {
        Some(sharing) => http::vendor(StatusCode::OK, SHARING, &sharing),
        None => http::not_found(uri.path()),
    }
}

/// Takes a `SharingUpdate`; only `removeShares` is served. A share it names that the album
/// does not have is ignored, as adding an existing one would be.
pub async fn update_shares(
    State(shared): State<Arc<Shared>>,
    Path((owner, id)): Path<(String, String)>,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let Some(id) = named(&shared, &owner, &id) else {
        return http::not_found(path);
    };
    if !shared.may_manage_albums() {
        return refused(path);
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return http::error(StatusCode::BAD_REQUEST, "expected a SharingUpdate", path);
    };
    let removed: Vec<u32> = body
        .get("removeShares")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("href").and_then(Value::as_str))
        .filter_map(|href| href.trim_end_matches('/').rsplit('/').next()?.parse().ok())
        .collect();
    let mut albums = lock(&shared.albums);
    for share in removed {
        albums.remove_share(id, share);
    }
    http::vendor(StatusCode::OK, SHARING_LINKS, &json!({ "addedShares": [] }))
}

fn refused(path: &str) -> Response {
    http::error(
        StatusCode::FORBIDDEN,
        "You do not have permission to manage this album",
        path,
    )
}
