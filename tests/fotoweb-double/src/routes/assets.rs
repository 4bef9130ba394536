//! Everything below an archive: its asset list in pages (as `assetlist`, `collection` for
//! the first page, `collectioninfo` or an empty `collectionlist` of sub-collections), one
//! asset's representation, and metadata PATCH.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use super::annotations;
use super::target::{self, Target, TargetError};
use crate::http::{self, media};
use crate::patch::{self, PatchError};
use crate::repr;
use crate::search;
use crate::shared::{Shared, lock};
use crate::state::{Order, Store};

pub async fn get(State(shared): State<Arc<Shared>>, headers: HeaderMap, uri: Uri) -> Response {
    let path = uri.path();
    match annotations::named(&shared, path) {
        Some(Ok(named)) => return annotations::get(&shared, named, path),
        Some(Err(answer)) => return answer,
        None => {}
    }
    let mut store = lock(&shared.store);
    match target::parse(path, &store) {
        Ok(Target::List {
            archive,
            order,
            page,
        }) => {
            let list = ListRequest {
                archive,
                order,
                page,
                query: uri.query().filter(|q| !q.is_empty()),
            };
            list.respond(&shared, &mut store, &headers, path)
        }
        Ok(Target::Asset { archive, relative }) => {
            let kind = match http::negotiate(&headers, &[media::ASSET], path) {
                Ok(kind) => kind,
                Err(refused) => return *refused,
            };
            match store.asset_at(archive, &relative) {
                Some(asset) => {
                    let body =
                        repr::asset(asset, &store.archives[archive], &shared.options.permissions);
                    http::vendor(StatusCode::OK, kind, &body)
                }
                None => http::not_found(path),
            }
        }
        Err(refused) => target_error(refused, path),
    }
}

fn target_error(error: TargetError, path: &str) -> Response {
    match error {
        TargetError::NotFound => http::not_found(path),
        TargetError::BadParameter(message) => http::error(StatusCode::BAD_REQUEST, message, path),
    }
}

struct ListRequest<'a> {
    archive: usize,
    order: Order,
    page: usize,
    query: Option<&'a str>,
}

impl ListRequest<'_> {
    fn respond(
        &self,
        shared: &Shared,
        store: &mut Store,
        headers: &HeaderMap,
        path: &str,
    ) -> Response {
        let offered = [
            media::ASSET_LIST,
            media::COLLECTION,
            media::COLLECTION_INFO,
            media::COLLECTION_LIST,
        ];
        let kind = match http::negotiate(headers, &offered, path) {
            Ok(kind) => kind,
            Err(refused) => return *refused,
        };
        // Only the first page embeds assets in a collection (api §3.2).
        if kind == media::COLLECTION && self.page > 0 {
            return http::not_acceptable(path);
        }
        let expr = match search::from_query(&http::decode_pairs(self.query.unwrap_or(""))) {
            Ok(expr) => expr,
            Err(message) => return http::error(StatusCode::BAD_REQUEST, message, path),
        };
        let ids = store.list(self.archive, &self.order, &expr);
        let size = shared.options.page_size;
        let pages = ids.len().div_ceil(size);
        if self.page > 0 && self.page >= pages {
            return http::not_found(path);
        }
        let page_ids = ids.iter().skip(self.page * size).take(size);
        let paging = repr::paging(
            &store.archives[self.archive],
            &self.order,
            self.query,
            self.page,
            pages,
        );
        if kind == media::ASSET_LIST {
            // Written from the cached asset JSON: the path every page of a sync takes.
            let mut body = String::from("{\"data\":[");
            let mut first = true;
            for id in page_ids {
                let Some(json) = rendered(shared, store, id) else {
                    continue;
                };
                if !first {
                    body.push(',');
                }
                first = false;
                body.push_str(&json);
            }
            body.push_str("],\"paging\":");
            body.push_str(&paging.to_string());
            body.push('}');
            return http::vendor_text(StatusCode::OK, kind, body);
        }
        let archive = &store.archives[self.archive];
        let assets: Vec<Value> = page_ids
            .filter_map(|id| store.asset(id))
            .map(|a| repr::asset(a, archive, &shared.options.permissions))
            .collect();
        let asset_list = json!({ "data": assets, "paging": paging });
        let body = match kind {
            media::COLLECTION_LIST => json!({ "data": [], "paging": Value::Null }),
            _ => {
                let newest = store
                    .list(self.archive, &Order::ModifiedDesc, &search::Expr::All)
                    .first()
                    .and_then(|id| store.asset(id))
                    .map(|a| a.modified_text.clone())
                    .unwrap_or_default();
                let archive = &store.archives[self.archive];
                let mut collection = repr::collection(
                    archive,
                    ids.len(),
                    &newest,
                    self.query,
                    &shared.options.permissions,
                );
                if kind == media::COLLECTION
                    && let Some(object) = collection.as_object_mut()
                {
                    object.insert("assets".to_owned(), asset_list);
                    object.insert(
                        "children".to_owned(),
                        json!({ "data": [], "paging": Value::Null }),
                    );
                }
                collection
            }
        };
        http::vendor(StatusCode::OK, kind, &body)
    }
}

/// An asset's JSON as lists show it, rendered once until it changes.
fn rendered(shared: &Shared, store: &mut Store, id: &str) -> Option<std::sync::Arc<str>> {
    if let Some(json) = store.rendered(id) {
        return Some(json);
    }
    let asset = store.asset(id)?;
    let value = repr::asset(
        asset,
        &store.archives[asset.archive],
        &shared.options.permissions,
    );
    let json: std::sync::Arc<str> = value.to_string().into();
    store.keep_rendered(id, std::sync::Arc::clone(&json));
    Some(json)
}

pub async fn patch(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    if !http::content_type_is(&headers, media::ASSET_UPDATE) {
        return http::unsupported_media(path, media::ASSET_UPDATE);
    }
    let kind = match http::negotiate(&headers, &[media::ASSET], path) {
        Ok(kind) => kind,
        Err(refused) => return *refused,
    };
    let mut store = lock(&shared.store);
    let id = match target::parse(path, &store) {
        Ok(Target::Asset { archive, relative }) => store.asset_at(archive, &relative),
        Ok(Target::List { .. }) => {
            return http::error(StatusCode::METHOD_NOT_ALLOWED, "PATCH is for assets", path);
        }
        Err(refused) => return target_error(refused, path),
    }
    .map(|a| a.id.clone());
    let Some(id) = id else {
        return http::not_found(path);
    };
    if !shared.may("EditText") {
        return http::error(
            StatusCode::FORBIDDEN,
            "You do not have permission to edit metadata here",
            path,
        );
    }
    let changes = match patch::parse(&body, &shared.editor) {
        Ok(changes) => changes,
        Err(PatchError::Malformed(message)) => {
            return http::error(StatusCode::BAD_REQUEST, message, path);
        }
        Err(PatchError::Forbidden(message)) => {
            return http::error(StatusCode::FORBIDDEN, message, path);
        }
    };
    if !changes.is_empty() {
        store.update(&id, changes);
    }
    let Some(asset) = store.asset(&id) else {
        return http::not_found(path);
    };
    let body = repr::asset(
        asset,
        &store.archives[asset.archive],
        &shared.options.permissions,
    );
    http::vendor(StatusCode::OK, kind, &body)
}

/// PUT is only for one comment of an asset.
pub async fn put(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    match annotations::named(&shared, path) {
        Some(Ok(named)) => annotations::put(&shared, named, path, &headers, &body),
        Some(Err(answer)) => answer,
        None => http::error(StatusCode::METHOD_NOT_ALLOWED, "PUT is for comments", path),
    }
}

/// DELETE is only for one comment of an asset (assets are deleted through background
/// tasks).
pub async fn delete(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let path = uri.path();
    match annotations::named(&shared, path) {
        Some(Ok(named)) => annotations::delete(&shared, named, path),
        Some(Err(answer)) => answer,
        None => http::error(
            StatusCode::METHOD_NOT_ALLOWED,
            "DELETE is for comments",
            path,
        ),
    }
}
