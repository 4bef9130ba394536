//! The HTTP surface of fotoweb-api.md §10. Paths under `/fotoweb/archives/` are parsed by
//! hand ([`target`]) because their matrix parameters and percent-encoded asset paths do not
//! fit a router's patterns.

mod albums;
mod annotations;
mod archives;
mod assets;
mod auth;
mod descriptor;
mod editors;
mod orders;
mod renditions;
mod target;
pub mod tasks;
mod token;
mod users;

use std::sync::Arc;

use axum::Router;
use axum::http::Uri;
use axum::middleware;
use axum::response::Response;
use axum::routing::{get, patch, post};

use crate::http;
use crate::shared::Shared;

pub fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/fotoweb/me", get(descriptor::get))
        .route("/fotoweb/me/", get(descriptor::get))
        .route("/fotoweb/me/archives/", get(archives::list))
        .route("/fotoweb/archives/", get(archives::search_all))
        .route(
            "/fotoweb/archives/{*rest}",
            get(assets::get)
                .patch(assets::patch)
                .put(assets::put)
                .delete(assets::delete),
        )
        .route("/fotoweb/api/users", get(users::list))
        .route(
            "/fotoweb/api/users/{id}",
            get(users::get).put(users::put).delete(users::delete),
        )
        .route("/fotoweb/me/albums/", get(albums::list))
        .route(
            "/fotoweb/users/{owner}/albums/{id}/",
            get(albums::get).patch(albums::patch).delete(albums::delete),
        )
        .route(
            "/fotoweb/users/{owner}/albums/{id}/.shares/",
            get(albums::shares).patch(albums::update_shares),
        )
        .route("/fotoweb/orders/", get(orders::list))
        .route("/fotoweb/orders/{id}/", patch(orders::patch))
        .route("/fotoweb/editors/{id}", get(editors::get))
        .route("/fotoweb/me/background-tasks/", post(tasks::create))
        .route("/fotoweb/me/background-tasks/{id}", get(tasks::status))
        .route(
            "/fotoweb/me/background-tasks/{id}/0/{*file}",
            get(renditions::download),
        )
        .route("/fotoweb/services/renditions", post(renditions::request))
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            auth::require,
        ));
    Router::new()
        .route("/fotoweb/oauth2/token", post(token::issue))
        .merge(api)
        .fallback(not_found)
        .with_state(shared)
}

async fn not_found(uri: Uri) -> Response {
    http::not_found(uri.path())
}
