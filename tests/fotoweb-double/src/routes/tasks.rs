//! Background tasks: `POST /fotoweb/me/background-tasks/` with a delete request, and the
//! task status that advances one stage per poll. The assets go when the task reaches done.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::Response;
use serde_json::json;

use super::target;
use crate::http::{self, media};
use crate::repr::BACKGROUND_TASKS;
use crate::shared::{Shared, lock};
use crate::state::Store;
use crate::tasks::{DeleteTask, Stage};
use crate::timefmt;

/// The longest time, in milliseconds, a client should wait between two polls.
const MAX_INTERVAL_MS: u64 = 1000;

pub async fn create(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri.path();
    // Move, copy, rename and the other task kinds exist in FotoWeb but not here.
    if !http::content_type_is(&headers, media::DELETE_REQUEST) {
        return http::unsupported_media(path, media::DELETE_REQUEST);
    }
    let kind = match http::negotiate(&headers, &[media::DELETE_RESPONSE], path) {
        Ok(kind) => kind,
        Err(refused) => return *refused,
    };
    if !shared.may("Delete") {
        return http::error(
            StatusCode::FORBIDDEN,
            "You do not have permission to delete assets",
            path,
        );
    }
    let Some(hrefs) = hrefs_of(&body) else {
        return http::error(
            StatusCode::BAD_REQUEST,
            "expected {\"assets\": [{\"href\": \"…\"}, …]} with at least one asset",
            path,
        );
    };
    let id = lock(&shared.tasks).add_delete(hrefs);
    let location = format!("{BACKGROUND_TASKS}{id}");
    let mut response = http::vendor(
        StatusCode::CREATED,
        kind,
        &json!({ "location": location, "status": "pending", "maxInterval": MAX_INTERVAL_MS }),
    );
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Finishes the delete tasks due to end on their own by `now`, when the double runs tasks
/// by time (`task_run_ms`).
pub fn run_overdue(shared: &Shared, now: Instant) {
    let Some(ms) = shared.options.task_run_ms else {
        return;
    };
    let mut tasks = lock(&shared.tasks);
    let mut store = lock(&shared.store);
    for task in tasks.overdue_deletes(now, Duration::from_millis(ms)) {
        carry_out(task, &mut store);
        task.modified = timefmt::format_micros(timefmt::now_micros());
    }
}

/// Deletes a task's assets and records for each whether it was there to delete.
fn carry_out(task: &mut DeleteTask, store: &mut Store) {
    let result = task
        .hrefs
        .iter()
        .map(|href| {
            let done = target::asset_id(href, store).is_some_and(|id| store.remove(&id));
            (href.clone(), done)
        })
        .collect();
    task.result = Some(result);
}

fn hrefs_of(body: &[u8]) -> Option<Vec<String>> {
    let json: serde_json::Value = serde_json::from_slice(body).ok()?;
    let hrefs: Vec<String> = json
        .get("assets")?
        .as_array()?
        .iter()
        .map(|a| a.get("href").and_then(|h| h.as_str()).map(str::to_owned))
        .collect::<Option<_>>()?;
    (!hrefs.is_empty()).then_some(hrefs)
}

pub async fn status(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let path = uri.path();
    let kind = match http::negotiate(&headers, &[media::TASK_STATUS], path) {
        Ok(kind) => kind,
        Err(refused) => return *refused,
    };
    let mut tasks = lock(&shared.tasks);
    let Some(task) = tasks.poll_delete(&id) else {
        return http::error(StatusCode::NOT_FOUND, "No such background task", path);
    };
    let stage = task.stage();
    if stage == Stage::Done && task.result.is_none() {
        carry_out(task, &mut lock(&shared.store));
    }
    let result: Vec<_> = task
        .result
        .iter()
        .flatten()
        .map(|(href, done)| json!({ "href": href, "done": done }))
        .collect();
    let body = json!({
        "task": {
            "id": task.id,
            "type": "delete",
            "status": stage.name(),
            "created": task.created,
            "modified": task.modified,
            "href": format!("{BACKGROUND_TASKS}{}", task.id),
            "user": 15001,
        },
        "job": { "status": stage.name(), "result": result },
    });
    http::vendor(StatusCode::OK, kind, &body)
}
