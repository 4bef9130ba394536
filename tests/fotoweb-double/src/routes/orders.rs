//! Orders: the site's order history (`/fotoweb/orders/`, one page) and a PATCH of one
//! order's customer details (`/fotoweb/orders/<id>/`). Reading needs the order
//! administration ([`Shared::may_read_orders`]), else 403; a PATCH of a settled order is
//! refused with 409 (the description documents changes of pending and created orders only).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::Response;
use serde_json::{Value, json};

use crate::http::{self, media};
use crate::orders::changeable;
use crate::shared::{Shared, lock};

const ORDER_LIST: &str = "application/vnd.fotoware.orderlist+json";
const ORDER: &str = "application/vnd.fotoware.order+json";

fn accepts(headers: &HeaderMap, media: &str) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|m| {
                m.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case(media))
            })
        })
}

pub async fn list(State(shared): State<Arc<Shared>>, headers: HeaderMap, uri: Uri) -> Response {
    if !shared.may_read_orders() {
        return refused(uri.path());
    }
    let orders = lock(&shared.orders);
    if accepts(&headers, ORDER_LIST) {
        let data = orders.list();
        return http::vendor(
            StatusCode::OK,
            ORDER_LIST,
            &json!({ "data": data, "paging": null }),
        );
    }
    // Plain JSON is the site's order count, as documented.
    http::vendor(
        StatusCode::OK,
        media::JSON,
        &json!({ "count": orders.list().len() }),
    )
}

pub async fn patch(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    if !shared.may_read_orders() {
        return refused(path);
    }
    let Some(id) = id.parse::<u32>().ok() else {
        return http::not_found(path);
    };
    let mut orders = lock(&shared.orders);
    let Some(order) = orders.order(id) else {
        return http::not_found(path);
    };
    if !changeable(&order.seed.state) {
        return http::error(
            StatusCode::CONFLICT,
            "Only a pending or created order can be changed",
            path,
        );
    }
    let Ok(update) = serde_json::from_slice::<Value>(&body) else {
        return http::error(StatusCode::BAD_REQUEST, "expected an OrderUpdate", path);
    };
    orders.edit(id, &update);
    match orders.json(id) {
        Some(order) => http::vendor(StatusCode::OK, ORDER, &order),
        None => http::not_found(path),
    }
}

fn refused(path: &str) -> Response {
    http::error(
        StatusCode::FORBIDDEN,
        "You do not have permission to administer orders",
        path,
    )
}
