//! Timestamps as dsr writes them: RFC 3339 in UTC.

use std::time::SystemTime;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Formats a point in time as RFC 3339 UTC, to the second.
pub fn rfc3339(at: SystemTime) -> String {
    let at = OffsetDateTime::from(at)
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    at.format(&Rfc3339).unwrap_or_default()
}

/// Now, as RFC 3339 UTC.
pub fn now() -> String {
    rfc3339(SystemTime::now())
}
