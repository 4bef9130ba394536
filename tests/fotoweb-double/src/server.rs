//! The accept loop. Connections are served with hyper directly rather than `axum::serve` so
//! that chaos can close a connection without answering: the per-request service returns an
//! error, and hyper then shuts the connection without writing a response. Chaos, latency and
//! the request log wrap the router here, before any handler can change state — except a
//! lost answer, which drops the connection after a delete request was carried out.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::chaos::Fate;
use crate::double::RequestRecord;
use crate::http;
use crate::repr::BACKGROUND_TASKS;
use crate::routes;
use crate::shared::{Shared, lock};

/// The error that makes hyper drop a connection unanswered.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for Dropped {}

/// Serves until `shutdown` completes; open connections end with the runtime.
pub async fn run(
    shared: Arc<Shared>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let router = routes::router(Arc::clone(&shared));
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => return Ok(()),
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of file descriptors or a connection reset before accept: wait, go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        let router = router.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                handle(Arc::clone(&shared), router.clone(), request)
            });
            // An error here is a client that went away or a connection chaos dropped.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn handle(
    shared: Arc<Shared>,
    router: Router,
    request: Request<Incoming>,
) -> Result<Response, Dropped> {
    let method = request.method().to_string();
    let path = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_owned(),
        |p| p.as_str().to_owned(),
    );
    let received = Instant::now();
    routes::tasks::run_overdue(&shared, received);
    let fate = lock(&shared.chaos).decide(received);
    if shared.options.latency_ms > 0 {
        wait_until(received + Duration::from_millis(shared.options.latency_ms)).await;
    }
    let response = match fate {
        Fate::Drop => {
            record(&shared, method, path, 0, received);
            return Err(Dropped);
        }
        Fate::RateLimited => {
            let mut response = http::error(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests; retry later",
                request.uri().path(),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            response
        }
        Fate::Fail(code) => http::error(
            StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            "Simulated server failure",
            request.uri().path(),
        ),
        Fate::Serve => {
            let delete_request = method == "POST" && path == BACKGROUND_TASKS;
            let result: Result<Response, Infallible> = router.oneshot(request.map(Body::new)).await;
            let response = match result {
                Ok(response) => response,
                Err(never) => match never {},
            };
            // The task exists now; only its answer goes missing.
            if delete_request && response.status().is_success() && lock(&shared.chaos).lose_answer()
            {
                record(&shared, method, path, 0, received);
                return Err(Dropped);
            }
            response
        }
    };
    record(&shared, method, path, response.status().as_u16(), received);
    Ok(response)
}

/// How early tokio's timer hands the rest of a wait to [`std::thread::sleep`].
const FINE_WAIT: Duration = Duration::from_millis(3);

/// Waits until `deadline` to within a fraction of a millisecond. Tokio's timer works in
/// whole milliseconds and rounds up, and its driver parks for whole milliseconds as well:
/// a 20 ms `tokio::time::sleep` took 21 to 22 ms, so every request cost the client 7 % more
/// than the latency it asked for. The bulk of the wait stays on tokio's timer; the last
/// few milliseconds a blocking thread sleeps on the system's high-resolution clock.
async fn wait_until(deadline: Instant) {
    if let Some(coarse) = deadline.checked_sub(FINE_WAIT) {
        tokio::time::sleep_until(coarse.into()).await;
    }
    let rest = deadline.saturating_duration_since(Instant::now());
    if !rest.is_zero() {
        // A failed blocking task only shortens the wait; the answer still goes out.
        let _ = tokio::task::spawn_blocking(move || std::thread::sleep(rest)).await;
    }
}

fn record(shared: &Shared, method: String, path: String, status: u16, received: Instant) {
    lock(&shared.log).push(RequestRecord {
        method,
        path,
        status,
        received,
        answered: Instant::now(),
    });
}
