//! The archive list (`/fotoweb/me/archives/`) and the search across archives
//! (`/fotoweb/archives/?q=…`), both collection lists.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use serde_json::{Value, json};

use crate::http::{self, media};
use crate::repr;
use crate::search::{self, Expr};
use crate::shared::{Shared, lock};
use crate::state::Order;

pub async fn list(State(shared): State<Arc<Shared>>, headers: HeaderMap, uri: Uri) -> Response {
    collection_list(&shared, &headers, &uri, None)
}

/// Without search terms this is the archive list again; with them, one search collection
/// per archive with its number of hits (archives without hits included).
pub async fn search_all(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let query = uri.query().filter(|q| !q.is_empty());
    let expr = match search::from_query(&http::decode_pairs(query.unwrap_or(""))) {
        Ok(expr) => expr,
        Err(message) => return http::error(StatusCode::BAD_REQUEST, message, uri.path()),
    };
    let search = (expr != Expr::All).then_some((expr, query.unwrap_or("")));
    collection_list(&shared, &headers, &uri, search)
}

fn collection_list(
    shared: &Shared,
    headers: &HeaderMap,
    uri: &Uri,
    search: Option<(Expr, &str)>,
) -> Response {
    let kind = match http::negotiate(headers, &[media::COLLECTION_LIST], uri.path()) {
        Ok(kind) => kind,
        Err(refused) => return *refused,
    };
    let mut store = lock(&shared.store);
    let mut data = Vec::new();
    for index in 0..store.archives.len() {
        let newest = store.list(index, &Order::ModifiedDesc, &Expr::All);
        let modified = newest
            .first()
            .and_then(|id| store.asset(id))
            .map(|a| a.modified_text.clone())
            .unwrap_or_default();
        let (count, query) = match &search {
            Some((expr, raw)) => (
                store.list(index, &Order::ModifiedDesc, expr).len(),
                Some(*raw),
            ),
            None => (store.archive_count(index), None),
        };
        data.push(repr::collection(
            &store.archives[index],
            count,
            &modified,
            query,
            &shared.options.permissions,
        ));
    }
    let body = json!({
        "data": data,
        "paging": Value::Null,
        "searchURL": format!("{}{{?q}}", repr::ARCHIVES_ROOT),
    });
    http::vendor(StatusCode::OK, kind, &body)
}
