//! Authenticating a client's requests: OAuth2 client credentials with a token cached in
//! memory and, owner-only, on disk, renewed before it expires and after a 401; or a fixed
//! key in a header. The connector names the token endpoint and the header. Nothing here
//! logs or returns a secret.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use reqwest::blocking::RequestBuilder;
use reqwest::header::ACCEPT;
use serde::{Deserialize, Serialize};
use url::Url;

use super::retry::Repeat;
use super::{Client, unanswered};
use crate::platform::PlatformError;
use crate::secret::Secret;
use crate::threads::lock;

/// Where the client secret comes from when a token is needed: the environment, a file or a
/// prompt, decided by the caller. Asked at most once per process.
pub type SecretSource = Arc<dyn Fn() -> Result<Secret, String> + Send + Sync>;

/// How requests are authenticated.
pub enum Auth {
    /// OAuth2 client credentials (the recommended way).
    ClientCredentials {
        /// The server's token endpoint, a path on it (the connector's to say).
        token_path: &'static str,
        client_id: String,
        secret: SecretSource,
        /// Where the token is cached between runs (owner-only), if anywhere.
        cache: Option<PathBuf>,
    },
    /// A fixed key sent in a header the connector names (FotoWeb's legacy `FWAPIToken`,
    /// for on-premises servers that still take it).
    ApiKey {
        header: &'static str,
        secret: SecretSource,
    },
}

/// An access token and when to stop using it.
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct Token {
    #[serde(with = "secret_string")]
    value: Secret,
    /// Seconds since the epoch after which a new token is fetched.
    renew_at: u64,
    /// The server and client the token was issued for.
    issued_for: String,
}

mod secret_string {
    use crate::secret::Secret;
    pub fn serialize<S: serde::Serializer>(s: &Secret, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.expose())
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Secret, D::Error> {
        let s: String = serde::Deserialize::deserialize(de)?;
        Ok(Secret::new(s))
    }
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct OAuthError {
    error: Option<String>,
}

impl Client {
    pub(super) fn authorize(
        &self,
        request: RequestBuilder,
    ) -> Result<RequestBuilder, PlatformError> {
        match &self.auth {
            Auth::ClientCredentials { .. } => {
                let token = self.token()?;
                Ok(request.bearer_auth(token.expose()))
            }
            Auth::ApiKey { header, secret } => {
                let mut key = lock(&self.api_key);
                if key.is_none() {
                    *key = Some(secret().map_err(PlatformError::Auth)?);
                }
                let value = key.as_ref().map(Secret::expose).unwrap_or_default();
                Ok(request.header(*header, value))
            }
        }
    }

    /// A valid access token: the cached one, or a new one from the token endpoint.
    fn token(&self) -> Result<Secret, PlatformError> {
        let Auth::ClientCredentials {
            token_path,
            client_id,
            secret,
            cache,
        } = &self.auth
        else {
            return Err(PlatformError::Unsupported("this tenant uses an API key"));
        };
        let mut slot = lock(&self.token);
        // The secret is needed even for a cached token: the cache is bound to it, so a
        // changed or wrong secret is noticed at once rather than when the token expires.
        let secret = secret().map_err(PlatformError::Auth)?;
        let issued_for = issued_for(&self.base, client_id, &secret);
        if slot.is_none() {
            *slot = cache.as_deref().and_then(read_cached_token);
        }
        if let Some(token) = slot.as_ref()
            && token.renew_at > unix_now()
            && token.issued_for == issued_for
        {
            return Ok(token.value.clone());
        }
        let token = self.fetch_token(token_path, client_id, &secret, issued_for)?;
        if let Some(path) = cache {
            // A cache that cannot be written only costs a token request next time.
            if let Ok(json) = serde_json::to_vec(&token) {
                let _ = crate::fsutil::write_atomic(path, &json);
            }
        }
        let value = token.value.clone();
        *slot = Some(token);
        Ok(value)
    }

    pub(super) fn forget_token(&self) {
        if let Auth::ClientCredentials {
            cache: Some(path), ..
        } = &self.auth
        {
            let _ = std::fs::remove_file(path);
        }
        *lock(&self.token) = None;
    }

    fn fetch_token(
        &self,
        token_path: &str,
        client_id: &str,
        secret: &Secret,
        issued_for: String,
    ) -> Result<Token, PlatformError> {
        let url = self.link(token_path)?;
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("client_secret", secret.expose()),
        ];
        // A second token request does no harm: it may be repeated freely.
        let response = self.with_retries(Repeat::Freely, None, |limit| {
            self.requests
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(self
                .http
                .post(url.clone())
                .header(ACCEPT, "application/json")
                .form(&form)
                .timeout(limit)
                .send()
                .map_err(|e| unanswered(&e)))
        })?;
        let status = response.status();
        if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED {
            let code = response
                .json::<OAuthError>()
                .ok()
                .and_then(|e| e.error)
                .filter(|c| c.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            return Err(PlatformError::Auth(format!(
                "the server refused the client id or secret{code}: check the tenant's client id and the secret"
            )));
        }
        if !status.is_success() {
            return Err(PlatformError::Status {
                method: "POST".to_owned(),
                path: url.path().to_owned(),
                status: status.as_u16(),
                detail: None,
            });
        }
        let body: TokenResponse = response.json().map_err(|e| PlatformError::Protocol {
            path: url.path().to_owned(),
            message: format!("the token response cannot be read: {e}"),
        })?;
        // Some servers leave out the lifetime; an hour is the common default.
        let lifetime = body.expires_in.unwrap_or(3600);
        let margin = (lifetime / 5).clamp(1, 300);
        Ok(Token {
            value: Secret::new(body.access_token),
            renew_at: unix_now() + lifetime.saturating_sub(margin),
            issued_for,
        })
    }
}

/// Names the server, client and secret a token was issued for. The secret enters only as a
/// truncated SHA-256, which cannot give back a random client secret.
fn issued_for(base: &Url, client_id: &str, secret: &Secret) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("dsr token cache\0{}", secret.expose()).as_bytes());
    let short: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{base} {client_id} {short}")
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn read_cached_token(path: &std::path::Path) -> Option<Token> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}
