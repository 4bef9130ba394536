//! `POST /fotoweb/oauth2/token`: the client-credentials grant with RFC 6749 error bodies.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

use crate::http::{self, media};
use crate::shared::{Shared, lock};

pub async fn issue(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let form = http::decode_pairs(&String::from_utf8_lossy(&body));
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let response = match field("grant_type") {
        None => oauth_error(StatusCode::BAD_REQUEST, "invalid_request"),
        Some(grant) if grant != "client_credentials" => {
            oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type")
        }
        Some(_) => {
            let known = field("client_id") == Some(shared.options.client_id.as_str())
                && field("client_secret") == Some(shared.options.client_secret.as_str());
            if known {
                let token = lock(&shared.tokens).issue();
                http::vendor(
                    StatusCode::OK,
                    media::JSON,
                    &json!({
                        "access_token": token,
                        "token_type": "bearer",
                        "expires_in": shared.options.token_ttl,
                    }),
                )
            } else {
                oauth_error(StatusCode::UNAUTHORIZED, "invalid_client")
            }
        }
    };
    no_store(response)
}

fn oauth_error(status: StatusCode, code: &str) -> Response {
    http::vendor(status, media::JSON, &json!({ "error": code }))
}

/// Token responses must not be cached (RFC 6749 §5.1).
fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
