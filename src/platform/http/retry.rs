//! dsr's one retry policy: which failed tries of a request are made again, after how long,
//! and how often.
//!
//! It is a function of how the try ended (a status code, or no answer and why), whether the
//! request may take effect twice ([`Repeat`], which the connector chooses per request: the
//! method alone does not say it, since a token POST repeats freely and a delete POST does
//! not), the number of tries made and the server's `Retry-After`. The request's time limit
//! is the client's concern ([`super::Client`]).

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// How many tries a request gets at most, however much time is left.
pub const MAX_TRIES: u32 = 9;
const BASE_DELAY: Duration = Duration::from_millis(200);
const MAX_DELAY: Duration = Duration::from_secs(20);

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

/// How one try of a request ended without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// Nothing took the connection: the request was never sent.
    NoConnection,
    /// No answer came within the try's time limit.
    TimedOut,
    /// The connection closed before an answer came.
    BrokenOff,
}

/// How one try of a request ended, as far as trying again goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tried {
    Answered(u16),
    Unanswered(Unanswered),
}

/// HTTP statuses that say "not now" rather than "no": a request timeout, a rate limit, a
/// failing or overloaded server or gateway. The one list of them
/// ([`crate::platform::PlatformError::is_transient`] asks it too).
pub fn transient_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Whether a try's outcome is worth another try.
///
/// A server that cannot be connected to is down or the URL is wrong, not a hiccup: no
/// retry. A request that may be repeated is tried again after a transient status or a try
/// that got no answer. One that must not take effect twice only after the statuses that
/// say the request was not carried out: 408 (the server gave up receiving it), 429 (rate
/// limited) and 503 (not taken in). A 500, 502 or 504, a broken connection or a try that
/// timed out may each come after the server acted.
pub fn worth_another_try(tried: Tried, repeat: Repeat) -> bool {
    match (tried, repeat) {
        (Tried::Unanswered(Unanswered::NoConnection), _) => false,
        (Tried::Unanswered(_), Repeat::Freely) => true,
        (Tried::Unanswered(_), Repeat::IfNotActed) => false,
        (Tried::Answered(status), Repeat::Freely) => transient_status(status),
        (Tried::Answered(status), Repeat::IfNotActed) => matches!(status, 408 | 429 | 503),
    }
}

/// The policy: after the `tries`-th try ended as `tried`, the wait before the next one, or
/// `None` when no other is made. The wait is what the server asked for (`retry_after`, see
/// [`retry_after`]), else an exponential backoff with jitter.
pub fn next_try(
    tried: Tried,
    repeat: Repeat,
    tries: u32,
    retry_after: Option<Duration>,
) -> Option<Duration> {
    (worth_another_try(tried, repeat) && tries < MAX_TRIES)
        .then(|| retry_after.unwrap_or_else(|| backoff(tries.saturating_sub(1))))
}

/// The wait a `Retry-After` header asks for, in seconds (dates are rare and ignored),
/// capped at two minutes and with a little jitter.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
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
            assert_eq!(
                transient_status(status),
                [408, 429, 500, 502, 503, 504].contains(&status),
                "{status}"
            );
        }
    }

    #[test]
    fn no_status_class_but_the_named_ones_is_tried_again() {
        // One code of each class, and the ones named in the policy.
        for (status, freely, if_not_acted) in [
            (100, false, false),
            (200, false, false),
            (204, false, false),
            (301, false, false),
            (304, false, false),
            (400, false, false),
            (401, false, false),
            (403, false, false),
            (404, false, false),
            (408, true, true),
            (409, false, false),
            (412, false, false),
            (425, false, false),
            (429, true, true),
            (500, true, false),
            (501, false, false),
            (502, true, false),
            (503, true, true),
            (504, true, false),
            (505, false, false),
        ] {
            let tried = Tried::Answered(status);
            let wait = next_try(tried, Repeat::Freely, 1, None);
            assert_eq!(wait.is_some(), freely, "{status}");
            let wait = next_try(tried, Repeat::IfNotActed, 1, None);
            assert_eq!(wait.is_some(), if_not_acted, "{status} must not act twice");
        }
    }

    #[test]
    fn retries_without_an_answer() {
        use Unanswered::*;
        // A lost answer (timed out, broken off) may hide a request carried out.
        for (unanswered, freely, if_not_acted) in [
            (NoConnection, false, false),
            (TimedOut, true, false),
            (BrokenOff, true, false),
        ] {
            let tried = Tried::Unanswered(unanswered);
            assert_eq!(worth_another_try(tried, Repeat::Freely), freely);
            assert_eq!(worth_another_try(tried, Repeat::IfNotActed), if_not_acted);
            assert_eq!(next_try(tried, Repeat::Freely, 1, None).is_some(), freely);
        }
    }

    #[test]
    fn tries_end_at_the_most_allowed() {
        let tried = Tried::Answered(503);
        for tries in 1..MAX_TRIES {
            assert!(
                next_try(tried, Repeat::Freely, tries, None).is_some(),
                "{tries}"
            );
        }
        assert_eq!(next_try(tried, Repeat::Freely, MAX_TRIES, None), None);
    }

    #[test]
    fn the_wait_asked_for_beats_the_backoff() {
        let asked = Some(Duration::from_secs(7));
        assert_eq!(
            next_try(Tried::Answered(429), Repeat::IfNotActed, 1, asked),
            asked
        );
        // Asked for or not, a status not worth another try gets none.
        assert_eq!(
            next_try(Tried::Answered(404), Repeat::Freely, 1, asked),
            None
        );
        let wait = next_try(Tried::Answered(502), Repeat::Freely, 4, None).expect("a wait");
        assert!(wait <= Duration::from_millis(1600), "{wait:?}");
    }

    #[test]
    fn retry_after_in_seconds() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "2".parse().expect("a valid header"));
        let wait = retry_after(&headers).expect("a wait");
        assert!(wait >= Duration::from_secs(2) && wait <= Duration::from_millis(2250));
        headers.insert(RETRY_AFTER, "600".parse().expect("a valid header"));
        let wait = retry_after(&headers).expect("a wait");
        assert!(wait >= Duration::from_secs(120) && wait <= Duration::from_millis(120_250));
        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT"
                .parse()
                .expect("a valid header"),
        );
        assert_eq!(retry_after(&headers), None);
    }
}
