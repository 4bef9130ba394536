//! Deleting an asset through a FotoWeb background task: asked for at most a few times,
//! each only after the asset showed no sign of the one before, and followed to its end.

use std::time::Duration;

use reqwest::Method;
use url::Url;

use super::*;
use crate::platform::PlatformError;
use crate::platform::http::{self, Call, Poll, Repeat};

impl Fotoweb {
    /// Deletes through a `delete-request` background task and polls it to its end. The
    /// task's link is the handle: a task a killed run left is polled again, and only when
    /// it cannot be followed to a good end is a new one requested.
    pub(super) fn delete_by_task(
        &self,
        id: &str,
        handle: Option<&str>,
        accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError> {
        let href = self.href_of(id)?;
        if let Some(task) = handle {
            // The task a killed run was waiting for: when it ends well, that was the
            // deletion; when the server forgot it or it failed, a new one is asked for.
            let followed = self
                .client
                .link(task)
                .and_then(|task| self.follow_delete(id, &href, task, 1000));
            match followed {
                Ok(()) => return Ok(()),
                Err(e) => log::debug!("the earlier delete task cannot be followed: {e}"),
            }
        }
        let tasks = self
            .descriptor()?
            .background_tasks
            .clone()
            .unwrap_or_else(|| "/fotoweb/me/background-tasks/".to_owned());
        let body = serde_json::to_vec(&serde_json::json!({ "assets": [{ "href": href }] }))
            .map_err(|e| PlatformError::Rejected(e.to_string()))?;
        let call = Call {
            method: Method::POST,
            url: self.client.link(&tasks)?,
            accept: DELETE_RESPONSE,
            body: Some((DELETE_REQUEST, body)),
            timeout: None,
            repeat: Repeat::IfNotActed,
        };
        let mut asked = 0;
        let response = loop {
            asked += 1;
            match self.client.send(&call) {
                Ok(response) => break response,
                // The request may have been carried out with its answer lost: the asset
                // decides whether to ask again, never a guess.
                Err(e) if e.is_transient() && asked < DELETE_REQUESTS => {
                    // The server itself answered that it failed (500): one read says
                    // whether it acted all the same. A lost answer, or a gateway's (502,
                    // 504), may hide a task that is running: it is given time to show.
                    let answered = matches!(e, PlatformError::Status { status: 500, .. });
                    let gone = if answered {
                        matches!(self.get_asset(id), Err(e) if e.is_not_found())
                    } else {
                        self.goes_without_an_answer(id)?
                    };
                    if gone {
                        return Ok(());
                    }
                    log::debug!("no sign of an earlier delete request: asking again");
                }
                Err(e) => return Err(e),
            }
        };
        let headers = response.headers().clone();
        let body: serde_json::Value = response.json().unwrap_or(serde_json::Value::Null);
        let location = http::location(&headers, &body).ok_or(PlatformError::Protocol {
            path: call.url.path().to_owned(),
            message: "the delete request gave no task to follow".to_owned(),
        })?;
        let max_interval = body
            .get("maxInterval")
            .and_then(|m| m.as_u64())
            .unwrap_or(1000);
        let task = self.client.link(&location)?;
        accepted(&location);
        self.follow_delete(id, &href, task, max_interval)
    }

    /// After a delete request that got no answer: whether the asset is gone, or goes within
    /// [`LOST_ANSWER_WAIT`] (or a request's time limit, when shorter). A request that
    /// reached the server started a task whose link was in the lost answer; dsr cannot
    /// follow it, but the task deletes the asset all the same.
    pub(super) fn goes_without_an_answer(&self, id: &str) -> Result<bool, PlatformError> {
        let limit = LOST_ANSWER_WAIT.min(self.client.timeouts().total);
        let mut poll = Poll::new(Duration::from_secs(2), limit);
        loop {
            match self.get_asset(id) {
                Err(PlatformError::NotFound { .. }) => return Ok(true),
                Err(e) => return Err(e),
                Ok(_) if !poll.wait() => return Ok(false),
                Ok(_) => {}
            }
        }
    }

    /// Polls a delete task until it ends: done for the asset, or why not.
    pub(super) fn follow_delete(
        &self,
        id: &str,
        href: &str,
        task: Url,
        max_interval: u64,
    ) -> Result<(), PlatformError> {
        let mut poll = Poll::new(Duration::from_millis(max_interval), TASK_LIMIT);
        loop {
            let status: model::TaskStatus = self.get_json(task.clone(), TASK_STATUS)?;
            match status.status() {
                "done" => {
                    return match status.done_for(href) {
                        // An earlier request whose answer was lost may have deleted it.
                        Some(false) if !matches!(self.get_asset(id), Err(e) if e.is_not_found()) => {
                            Err(PlatformError::Rejected(format!(
                                "the platform did not delete {id}"
                            )))
                        }
                        _ => Ok(()),
                    };
                }
                "failed" => {
                    return Err(PlatformError::Rejected(format!(
                        "the platform's delete task for {id} failed"
                    )));
                }
                _ if !poll.wait() => {
                    return Err(PlatformError::Rejected(format!(
                        "the platform's delete task for {id} did not finish in {} minutes",
                        TASK_LIMIT.as_secs() / 60
                    )));
                }
                _ => {}
            }
        }
    }
}
