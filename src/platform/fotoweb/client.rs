//! The one HTTP client of the FotoWeb connector: authentication (OAuth2 client
//! credentials with a cached token, or the legacy `FWAPIToken` header), retries with
//! exponential backoff and jitter that honour `Retry-After` within a time limit per request,
//! the one decision of which failures are tried again ([`worth_another_try`]), and the
//! mapping of HTTP failures onto [`PlatformError`]. Nothing here logs or returns a secret.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::StatusCode;
use reqwest::blocking::{RequestBuilder, Response};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, LOCATION, RETRY_AFTER};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::platform::{PlatformError, Timeouts, WaitReport, Waiting, transient_status};
use crate::secret::Secret;
use crate::threads::{lock, wait};

/// Where the client secret comes from when a token is needed: the environment, a file or a
/// prompt, decided by the caller. Asked at most once per process.
pub type SecretSource = Arc<dyn Fn() -> Result<Secret, String> + Send + Sync>;

/// How requests are authenticated.
pub enum Auth {
    /// OAuth2 client credentials (the recommended way).
    ClientCredentials {
        client_id: String,
        secret: SecretSource,
        /// Where the token is cached between runs (owner-only), if anywhere.
        cache: Option<PathBuf>,
    },
    /// The legacy API key header, for on-premises servers that still take it.
    ApiKey { secret: SecretSource },
}

/// An access token and when to stop using it.
#[derive(Clone, Serialize, Deserialize)]
struct Token {
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

/// How many tries a request gets at most, however much time is left.
const MAX_TRIES: u32 = 9;
const BASE_DELAY: Duration = Duration::from_millis(200);
const MAX_DELAY: Duration = Duration::from_secs(20);
/// The shortest time a try is given, even when less of the request's time is left.
const MIN_TRY: Duration = Duration::from_millis(500);
/// The longest wait for a connection, within a try's time limit.
const CONNECT_LIMIT: Duration = Duration::from_secs(10);

/// Whether a request may be sent again after a try that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// A read, or a write that leaves the same state however often it is made (a PATCH
    /// setting the same values, a token or rendition request).
    Freely,
    /// A request that must not take effect twice (a delete request): sent again only after
    /// an answer that says the server did not act on it. After any other failure the
    /// caller finds out from the server whether it did.
    IfNotActed,
}

/// A request to make: built anew for every attempt.
pub struct Call<'a> {
    pub method: reqwest::Method,
    pub url: Url,
    pub accept: &'a str,
    pub body: Option<(&'a str, Vec<u8>)>,
    /// A time limit of each try other than the client's, for downloads (the body counts).
    pub timeout: Option<Duration>,
    pub repeat: Repeat,
}

/// How one try of a request ended without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unanswered {
    /// Nothing took the connection: the request was never sent.
    NoConnection,
    /// No answer came within the try's time limit.
    TimedOut,
    /// The connection closed before an answer came.
    BrokenOff,
}

/// How one try of a request ended, as far as trying again goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tried {
    Answered(u16),
    Unanswered(Unanswered),
}

/// Whether a try's outcome is worth another try: dsr's one retry classification.
///
/// A server that cannot be connected to is down or the URL is wrong, not a hiccup: no
/// retry. A request that may be repeated is tried again after a transient status or a try
/// that got no answer. One that must not take effect twice only after the statuses that
/// say the request was not carried out: 408 (the server gave up receiving it), 429 (rate
/// limited) and 503 (not taken in). A 500, 502 or 504, a broken connection or a try that
/// timed out may each come after the server acted.
fn worth_another_try(tried: Tried, repeat: Repeat) -> bool {
    match (tried, repeat) {
        (Tried::Unanswered(Unanswered::NoConnection), _) => false,
        (Tried::Unanswered(_), Repeat::Freely) => true,
        (Tried::Unanswered(_), Repeat::IfNotActed) => false,
        (Tried::Answered(status), Repeat::Freely) => transient_status(status),
        (Tried::Answered(status), Repeat::IfNotActed) => matches!(status, 408 | 429 | 503),
    }
}

/// The HTTP client of one tenant.
pub struct Client {
    http: reqwest::blocking::Client,
    base: Url,
    auth: Auth,
    token: Mutex<Option<Token>>,
    api_key: Mutex<Option<Secret>>,
    /// Requests made, for benchmarks and `tenant check`.
    requests: std::sync::atomic::AtomicU64,
    /// Bounds the requests in flight, when set.
    gate: Option<Gate>,
    timeouts: Timeouts,
    /// Told before each wait to try a request again.
    waiting: Option<WaitReport>,
}

/// A bound on the requests in flight at once: a request waits for a free place before it
/// is sent and frees it once its answer has come. Waiting between retries or polls holds
/// no place.
struct Gate {
    limit: usize,
    busy: Mutex<usize>,
    freed: std::sync::Condvar,
}

/// A place taken in a [`Gate`], given back on drop.
struct Place<'a>(&'a Gate);

impl Gate {
    fn enter(&self) -> Place<'_> {
        let mut busy = lock(&self.busy);
        while *busy >= self.limit {
            busy = wait(&self.freed, busy);
        }
        *busy += 1;
        Place(self)
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        let mut busy = lock(&self.0.busy);
        *busy = busy.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

impl Client {
    pub fn new(
        base: Url,
        auth: Auth,
        timeouts: Timeouts,
        waiting: Option<WaitReport>,
    ) -> Result<Client, PlatformError> {
        // Each try sets its own time limit: what is left of the request's.
        let http = reqwest::blocking::Client::builder()
            .user_agent(concat!("dsr/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(CONNECT_LIMIT.min(timeouts.per_try).max(MIN_TRY))
            // A redirect could lead the token to another host: follow none.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| PlatformError::Network {
                host: host_of(&base),
                message: format!("cannot set up the HTTP client: {e}"),
            })?;
        Ok(Client {
            http,
            base,
            auth,
            token: Mutex::new(None),
            api_key: Mutex::new(None),
            requests: std::sync::atomic::AtomicU64::new(0),
            gate: None,
            timeouts,
            waiting,
        })
    }

    /// Sends no more than `limit` requests at once from here on.
    pub fn limit_requests(&mut self, limit: usize) {
        self.gate = Some(Gate {
            limit: limit.max(1),
            busy: Mutex::new(0),
            freed: std::sync::Condvar::new(),
        });
    }

    /// Resolves a link from a response (usually an absolute path) against the server.
    pub fn link(&self, href: &str) -> Result<Url, PlatformError> {
        let url = self.base.join(href).map_err(|e| PlatformError::Protocol {
            path: href.to_owned(),
            message: format!("not a usable link: {e}"),
        })?;
        // Links must stay on the server the profile names: the token goes with them.
        if url.origin() != self.base.origin() {
            return Err(PlatformError::Protocol {
                path: url.path().to_owned(),
                message: "the link leads to another server; dsr does not follow it".to_owned(),
            });
        }
        Ok(url)
    }

    /// How long requests may take.
    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    pub fn requests_made(&self) -> u64 {
        self.requests.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Sends a request, trying again what [`worth_another_try`] allows within the request's
    /// time limit, and returns a successful response or the error its status means. A 401
    /// leads to a new token and one more try at once.
    pub fn send(&self, call: &Call<'_>) -> Result<Response, PlatformError> {
        let started = Instant::now();
        // The path only: a query may carry what is searched for.
        let shown = || {
            format!(
                "{} {}{}",
                call.method,
                call.url.host_str().unwrap_or(""),
                call.url.path()
            )
        };
        let response = self
            .with_retries(call.repeat, call.timeout, |limit| {
                match self.attempt(call, limit)? {
                    Ok(response) if response.status() == StatusCode::UNAUTHORIZED => {
                        self.forget_token();
                        self.attempt(call, limit)
                    }
                    outcome => Ok(outcome),
                }
            })
            .inspect_err(|_| {
                log::debug!(
                    "{}: no usable answer after {:?}",
                    shown(),
                    started.elapsed()
                )
            })?;
        log::debug!(
            "{} -> {} in {:?}",
            shown(),
            response.status().as_u16(),
            started.elapsed()
        );
        if response.status().is_success() {
            Ok(response)
        } else {
            Err(self.status_error(call, response))
        }
    }

    /// Makes a request through `try_once`, given each try's time limit, until it is
    /// answered, no longer worth trying or out of time. Returns the last answer, a failure
    /// status included (the caller knows what it means), or why none came.
    fn with_retries(
        &self,
        repeat: Repeat,
        per_try: Option<Duration>,
        mut try_once: impl FnMut(Duration) -> Result<Result<Response, Unanswered>, PlatformError>,
    ) -> Result<Response, PlatformError> {
        let started = Instant::now();
        let total = self.timeouts.total;
        let mut tries = 0;
        loop {
            let left = total.saturating_sub(started.elapsed());
            let limit = per_try
                .unwrap_or_else(|| self.timeouts.per_try.min(left))
                .max(MIN_TRY);
            tries += 1;
            let outcome = try_once(limit)?;
            let (tried, asked) = match &outcome {
                Ok(response) => (
                    Tried::Answered(response.status().as_u16()),
                    retry_after(response.headers()),
                ),
                Err(unanswered) => (Tried::Unanswered(*unanswered), None),
            };
            let wait = asked.unwrap_or_else(|| backoff(tries - 1));
            let out_of_time = started.elapsed() + wait >= total;
            if !worth_another_try(tried, repeat) || tries >= MAX_TRIES || out_of_time {
                // The limit a try was given, not the remainder the last one had.
                let limit = per_try.unwrap_or(self.timeouts.per_try);
                return outcome.map_err(|unanswered| {
                    self.unanswered_error(unanswered, limit, tries, started.elapsed())
                });
            }
            let cause = match tried {
                Tried::Answered(status) => format!("it answered {status}"),
                Tried::Unanswered(Unanswered::TimedOut) => {
                    format!("no answer in {} s", limit.as_secs_f64().round())
                }
                Tried::Unanswered(_) => "the connection broke off".to_owned(),
            };
            log::debug!("{cause}; trying again in {wait:?}");
            if let Some(report) = &self.waiting {
                report(&Waiting {
                    host: host_of(&self.base),
                    cause,
                    tries,
                    waited: started.elapsed(),
                    limit: total,
                    again_in: wait,
                });
            }
            std::thread::sleep(wait);
        }
    }

    /// One try of a request within `limit`. A failure to get a token ends the call (`Err`
    /// outside): the token request has had its own retries, and trying it again for each
    /// retry of this one would multiply the waits.
    fn attempt(
        &self,
        call: &Call<'_>,
        limit: Duration,
    ) -> Result<Result<Response, Unanswered>, PlatformError> {
        let mut request = self
            .http
            .request(call.method.clone(), call.url.clone())
            .header(ACCEPT, call.accept)
            .timeout(limit);
        if let Some((content_type, body)) = &call.body {
            request = request
                .header(CONTENT_TYPE, *content_type)
                .body(body.clone());
        }
        let request = self.authorize(request)?;
        let _place = self.gate.as_ref().map(Gate::enter);
        self.requests
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(request.send().map_err(|e| unanswered(&e)))
    }

    fn authorize(&self, request: RequestBuilder) -> Result<RequestBuilder, PlatformError> {
        match &self.auth {
            Auth::ClientCredentials { .. } => {
                let token = self.token()?;
                Ok(request.bearer_auth(token.expose()))
            }
            Auth::ApiKey { secret } => {
                let mut key = lock(&self.api_key);
                if key.is_none() {
                    *key = Some(secret().map_err(PlatformError::Auth)?);
                }
                let value = key.as_ref().map(Secret::expose).unwrap_or_default();
                Ok(request.header("FWAPIToken", value))
            }
        }
    }

    /// A valid access token: the cached one, or a new one from the token endpoint.
    fn token(&self) -> Result<Secret, PlatformError> {
        let Auth::ClientCredentials {
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
        let token = self.fetch_token(client_id, &secret, issued_for)?;
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

    fn forget_token(&self) {
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
        client_id: &str,
        secret: &Secret,
        issued_for: String,
    ) -> Result<Token, PlatformError> {
        let url = self.link("/fotoweb/oauth2/token")?;
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

    /// The error for a request that got no answer: the host, and how long it was waited for.
    fn unanswered_error(
        &self,
        unanswered: Unanswered,
        limit: Duration,
        tries: u32,
        waited: Duration,
    ) -> PlatformError {
        let host = host_of(&self.base);
        match unanswered {
            Unanswered::NoConnection => PlatformError::NoConnection { host },
            Unanswered::TimedOut => PlatformError::NoAnswer {
                host,
                per_try: limit,
                tries,
                waited,
            },
            // reqwest's message can hold the URL; only the kind of failure is kept.
            Unanswered::BrokenOff => PlatformError::Network {
                host,
                message: format!(
                    "the connection broke off ({tries} {}, {:.0} s in all)",
                    if tries == 1 { "try" } else { "tries" },
                    waited.as_secs_f64()
                ),
            },
        }
    }

    fn status_error(&self, call: &Call<'_>, response: Response) -> PlatformError {
        let status = response.status();
        let path = call.url.path().to_owned();
        match status {
            StatusCode::UNAUTHORIZED => PlatformError::Auth(
                "the server did not accept dsr's credentials even after a new token".to_owned(),
            ),
            StatusCode::FORBIDDEN => PlatformError::Forbidden(format!(
                "{} {path}: the credentials may not do this",
                call.method
            )),
            _ => PlatformError::Status {
                method: call.method.to_string(),
                path,
                status: status.as_u16(),
                detail: error_message(response),
            },
        }
    }
}

/// The `message` of an error body, when it is short and plain (it is shown to people).
fn error_message(response: Response) -> Option<String> {
    let body: serde_json::Value = response.json().ok()?;
    let message = body.get("message")?.as_str()?;
    (message.len() <= 200).then(|| message.chars().filter(|c| !c.is_control()).collect())
}

/// How a request that got no answer failed.
fn unanswered(e: &reqwest::Error) -> Unanswered {
    if e.is_timeout() {
        Unanswered::TimedOut
    } else if e.is_connect() {
        Unanswered::NoConnection
    } else {
        Unanswered::BrokenOff
    }
}

/// The wait a `Retry-After` header asks for, in seconds (dates are rare and ignored).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let seconds: u64 = headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let jitter = Duration::from_millis(fastrand::u64(0..=250));
    Some(Duration::from_secs(seconds.min(120)) + jitter)
}

/// Exponential backoff with full jitter: a random wait up to 200 ms × 2^attempt.
fn backoff(attempt: u32) -> Duration {
    let cap = BASE_DELAY
        .saturating_mul(1 << attempt.min(10))
        .min(MAX_DELAY);
    Duration::from_millis(fastrand::u64(
        cap.as_millis() as u64 / 4..=cap.as_millis() as u64,
    ))
}

fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        _ => url.as_str().to_owned(),
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

/// Where a background task or rendition can be polled: the `Location` header, or the body's
/// `location`/`href` (servers differ).
pub fn location(headers: &HeaderMap, body: &serde_json::Value) -> Option<String> {
    headers
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| {
            ["location", "href"]
                .iter()
                .find_map(|k| body.get(k).and_then(|v| v.as_str()).map(str::to_owned))
        })
}

/// Waits before the next poll of a background task: short at first, never longer than the
/// interval the server asked for.
pub struct Poll {
    next: Duration,
    max: Duration,
    deadline: Instant,
}

impl Poll {
    pub fn new(max: Duration, limit: Duration) -> Poll {
        Poll {
            next: Duration::from_millis(50),
            max: max.max(Duration::from_millis(50)),
            deadline: Instant::now() + limit,
        }
    }

    /// Sleeps, or says the time is up.
    pub fn wait(&mut self) -> bool {
        if Instant::now() >= self.deadline {
            return false;
        }
        std::thread::sleep(self.next);
        self.next = (self.next * 2).min(self.max);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert!(backoff(0) <= Duration::from_millis(200));
        assert!(backoff(3) <= Duration::from_millis(1600));
        assert!(backoff(30) <= MAX_DELAY);
        assert!(backoff(30) >= MAX_DELAY / 4);
    }

    #[test]
    fn retries_by_status_pinned_for_every_code() {
        for status in 100..600 {
            let answered = Tried::Answered(status);
            assert_eq!(
                worth_another_try(answered, Repeat::Freely),
                [408, 429, 500, 502, 503, 504].contains(&status),
                "{status}"
            );
            assert_eq!(
                worth_another_try(answered, Repeat::IfNotActed),
                [408, 429, 503].contains(&status),
                "{status} of a request that must not act twice"
            );
        }
    }

    #[test]
    fn retries_without_an_answer() {
        use Unanswered::*;
        for (unanswered, freely, if_not_acted) in [
            (NoConnection, false, false),
            (TimedOut, true, false),
            (BrokenOff, true, false),
        ] {
            let tried = Tried::Unanswered(unanswered);
            assert_eq!(worth_another_try(tried, Repeat::Freely), freely);
            assert_eq!(worth_another_try(tried, Repeat::IfNotActed), if_not_acted);
        }
    }

    #[test]
    fn retry_after_in_seconds() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "2".parse().expect("a valid header"));
        let wait = retry_after(&headers).expect("a wait");
        assert!(wait >= Duration::from_secs(2) && wait <= Duration::from_millis(2250));
        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT"
                .parse()
                .expect("a valid header"),
        );
        assert_eq!(retry_after(&headers), None);
    }
}
