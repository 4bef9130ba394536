//! The one HTTP client of dsr's REST connectors (FotoWeb today): built once per tenant
//! with its timeouts and a user agent naming dsr's version, it authenticates requests
//! ([`Auth`], a token renewed once after a 401), bounds the requests in flight (a gate),
//! tries failed requests again as the [`retry`] policy allows within a time limit per
//! request, honouring `Retry-After`, refuses links to another server (the token would go
//! along), and maps HTTP failures onto [`PlatformError`]. A connector supplies only its
//! URLs, its token endpoint and what its answers mean. Nothing here logs or returns a
//! secret.

mod auth;
mod gate;
pub mod retry;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::blocking::Response;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, LOCATION};
use url::Url;

use crate::platform::{PlatformError, Timeouts, WaitReport, Waiting};
use crate::secret::Secret;
use auth::Token;
pub use auth::{Auth, SecretSource};
use gate::Gate;
pub use retry::Repeat;
use retry::{Tried, Unanswered};

/// The shortest time a try is given, even when less of the request's time is left.
const MIN_TRY: Duration = Duration::from_millis(500);
/// The longest wait for a connection, within a try's time limit.
const CONNECT_LIMIT: Duration = Duration::from_secs(10);

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

/// The HTTP client of one tenant of a REST platform.
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

    /// Sends a request, trying again what the [`retry`] policy allows within the request's
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
                    retry::retry_after(response.headers()),
                ),
                Err(unanswered) => (Tried::Unanswered(*unanswered), None),
            };
            let wait = retry::next_try(tried, repeat, tries, asked)
                .filter(|wait| started.elapsed() + *wait < total);
            let Some(wait) = wait else {
                // The limit a try was given, not the remainder the last one had.
                let limit = per_try.unwrap_or(self.timeouts.per_try);
                return outcome.map_err(|unanswered| {
                    self.unanswered_error(unanswered, limit, tries, started.elapsed())
                });
            };
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

fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_owned(),
        _ => url.as_str().to_owned(),
    }
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

/// HTTPS everywhere but on the loopback interface, where the test double and local
/// tunnels live. Checked before any request is made.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let Ok(parsed) = url::Url::parse(url) else {
        return Err("not a URL: give the server's address, such as https://acme.fotoware.cloud");
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("the URL must not hold credentials: the secret is given separately");
    }
    let loopback = match parsed.host() {
        None => return Err("the URL names no host"),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
    };
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        "http" => {
            Err("plain http is refused for anything but the loopback interface: use https://")
        }
        _ => Err("the URL must start with https://"),
    }
}
