//! An asset's comments (`<asset>.annotations/`, the asset's href with `.info` replaced):
//! the list as `{"data": [...]}`, and GET, PUT (the new text; answers the comment) and
//! DELETE (204) of one. Changing or deleting a comment needs the `Comment` permission.

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::target::{self, Target};
use crate::accounts::comment_json;
use crate::http;
use crate::shared::{Shared, lock};

const SUFFIX: &str = ".annotations/";
pub const LIST: &str = "application/vnd.fotoware.annotation-list+json";
pub const ONE: &str = "application/vnd.fotoware.annotation+json";

/// What a path under `.annotations/` names.
pub struct Named {
    /// The asset's id.
    asset: String,
    /// The list's path (ending in `.annotations/`).
    list: String,
    /// One comment's id, or the list.
    comment: Option<u32>,
}

/// `None` when the path is not under an asset's `.annotations/`; `Some(Err)` with the
/// answer when it is but names nothing.
pub fn named(shared: &Shared, path: &str) -> Option<Result<Named, Response>> {
    let (asset_part, rest) = path.rsplit_once(SUFFIX)?;
    let store = lock(&shared.store);
    let asset = match target::parse(&format!("{asset_part}.info"), &store) {
        Ok(Target::Asset { archive, relative }) => store.asset_at(archive, &relative),
        _ => None,
    };
    let Some(asset) = asset else {
        return Some(Err(http::not_found(path)));
    };
    let comment = match rest {
        "" => None,
        id => match id.trim_end_matches('/').parse() {
            Ok(id) => Some(id),
            Err(_) => return Some(Err(http::not_found(path))),
        },
    };
    Some(Ok(Named {
        asset: asset.id.clone(),
        list: format!("{asset_part}{SUFFIX}"),
        comment,
    }))
}

pub fn get(shared: &Shared, named: Named, path: &str) -> Response {
    let accounts = lock(&shared.accounts);
    match named.comment {
        None => {
            let data: Vec<Value> = accounts
                .comments_of(&named.asset)
                .into_iter()
                .map(|(id, c)| comment_json(&named.list, id, c))
                .collect();
            http::vendor(StatusCode::OK, LIST, &json!({ "data": data }))
        }
        Some(id) => match accounts.comment(&named.asset, id) {
            Some(c) => http::vendor(StatusCode::OK, ONE, &comment_json(&named.list, id, c)),
            None => http::not_found(path),
        },
    }
}

pub fn put(
    shared: &Shared,
    named: Named,
    path: &str,
    _headers: &HeaderMap,
    body: &Bytes,
) -> Response {
    let Some(id) = named.comment else {
        return http::error(
            StatusCode::METHOD_NOT_ALLOWED,
            "PUT is for one comment",
            path,
        );
    };
    if lock(&shared.accounts).comment(&named.asset, id).is_none() {
        return http::not_found(path);
    }
    if !shared.may("Comment") {
        return http::error(
            StatusCode::FORBIDDEN,
            "You may not change comments here",
            path,
        );
    }
    let body: Value = match serde_json::from_slice(body) {
        Ok(body) => body,
        Err(_) => return http::error(StatusCode::BAD_REQUEST, "expected an Annotation", path),
    };
    let Some(text) = body.get("text").and_then(Value::as_str) else {
        return http::error(
            StatusCode::BAD_REQUEST,
            "an Annotation needs its text",
            path,
        );
    };
    let owner = body
        .get("owner")
        .and_then(|o| o.get("name"))
        .and_then(Value::as_str);
    let mut accounts = lock(&shared.accounts);
    accounts.put_comment(&named.asset, id, text, owner);
    match accounts.comment(&named.asset, id) {
        Some(c) => http::vendor(StatusCode::OK, ONE, &comment_json(&named.list, id, c)),
        None => http::not_found(path),
    }
}

pub fn delete(shared: &Shared, named: Named, path: &str) -> Response {
    let Some(id) = named.comment else {
        return http::error(
            StatusCode::METHOD_NOT_ALLOWED,
            "DELETE is for one comment",
            path,
        );
    };
    if lock(&shared.accounts).comment(&named.asset, id).is_none() {
        return http::not_found(path);
    }
    if !shared.may("Comment") {
        return http::error(
            StatusCode::FORBIDDEN,
            "You may not delete comments here",
            path,
        );
    }
    lock(&shared.accounts).delete_comment(&named.asset, id);
    StatusCode::NO_CONTENT.into_response()
}
