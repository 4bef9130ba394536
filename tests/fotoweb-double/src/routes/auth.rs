//! The credential check in front of every API route: a live bearer token (scheme in any
//! case), the legacy `FWAPIToken: <client secret>` header, or `?access_token=`.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::http;
use crate::shared::{Shared, lock};

pub async fn require(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    if authorised(&shared, &request) {
        return next.run(request).await;
    }
    let mut response = http::error(
        StatusCode::UNAUTHORIZED,
        "Authentication required: the access token is missing, unknown or expired",
        request.uri().path(),
    );
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

fn authorised(shared: &Shared, request: &Request) -> bool {
    let headers = request.headers();
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let query_token = request.uri().query().and_then(|q| {
        http::decode_pairs(q)
            .into_iter()
            .find(|(k, _)| k == "access_token")
            .map(|(_, v)| v)
    });
    let tokens = lock(&shared.tokens);
    if [bearer, query_token]
        .into_iter()
        .flatten()
        .any(|t| tokens.is_valid(&t))
    {
        return true;
    }
    headers
        .get("fwapitoken")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|key| key == shared.options.client_secret)
}
