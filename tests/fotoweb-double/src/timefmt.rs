//! Timestamps as FotoWeb writes them: RFC 3339 in UTC, with microseconds when set by the
//! server (`2023-05-30T07:43:21.434841Z`).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, UtcOffset};

/// Reads an RFC 3339 timestamp, normalised to UTC so that comparisons are plain.
pub fn parse(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(|t| t.to_offset(UtcOffset::UTC))
}

/// Formats with exactly six fractional digits and a `Z`.
pub fn format_micros(t: OffsetDateTime) -> String {
    let format =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
    t.to_offset(UtcOffset::UTC)
        .format(&format)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// The current time cut to microseconds, the precision of the formatted text.
pub fn now_micros() -> OffsetDateTime {
    truncate_micros(OffsetDateTime::now_utc())
}

/// The modification time after a change: now, but strictly after `previous` even when the
/// clock is coarse or a sidecar holds a time in the future, so a watermark never misses it.
pub fn bump(previous: OffsetDateTime) -> OffsetDateTime {
    let now = now_micros();
    let after = truncate_micros(previous) + Duration::microseconds(1);
    now.max(after)
}

fn truncate_micros(t: OffsetDateTime) -> OffsetDateTime {
    let micros = t.microsecond();
    t.replace_microsecond(micros).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bump_is_strictly_later_even_from_the_future() {
        let future = OffsetDateTime::now_utc() + Duration::days(365);
        let bumped = bump(future);
        assert!(bumped > future);
        assert_eq!(bumped - truncate_micros(future), Duration::microseconds(1));
    }

    #[test]
    fn formats_six_digits_in_utc() {
        let t = parse("2024-04-12T09:04:00.5+02:00").expect("valid");
        assert_eq!(format_micros(t), "2024-04-12T07:04:00.500000Z");
    }
}
