//! Deadlines of Art. 12(3): one calendar month from receipt, extendable by two more.

use time::{Date, Month};

/// `date` moved `months` calendar months on. A day the target month lacks falls to that
/// month's last day (31 January + 1 month = 28 or 29 February), the reading of "one month"
/// that regulators apply: the deadline is never later than the month allows.
pub fn add_months(date: Date, months: u32) -> Date {
    let index = date.year() as i64 * 12 + (date.month() as i64 - 1) + i64::from(months);
    let year = index.div_euclid(12) as i32;
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(Month::December);
    let day = date.day().min(month.length(year));
    // The day is clamped to the month's length, so the date exists.
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The answer is due one calendar month after receipt.
pub fn due(received: Date) -> Date {
    add_months(received, 1)
}

/// With the extension, three calendar months after receipt in all.
pub fn extended_due(received: Date) -> Date {
    add_months(received, 3)
}

/// Reads `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format).ok()
}

/// Writes `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(&format).unwrap_or_default()
}

/// Today in UTC.
pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        parse_date(text).expect("a valid date")
    }

    #[test]
    fn one_calendar_month() {
        assert_eq!(due(d("2026-03-15")), d("2026-04-15"));
        assert_eq!(due(d("2026-12-01")), d("2027-01-01"));
        assert_eq!(due(d("2026-12-31")), d("2027-01-31"));
    }

    #[test]
    fn month_ends_fall_to_the_last_day() {
        assert_eq!(due(d("2026-01-31")), d("2026-02-28"));
        assert_eq!(due(d("2028-01-31")), d("2028-02-29"));
        assert_eq!(due(d("2028-01-29")), d("2028-02-29"));
        assert_eq!(due(d("2026-03-31")), d("2026-04-30"));
        assert_eq!(due(d("2026-08-31")), d("2026-09-30"));
    }

    #[test]
    fn leap_years() {
        assert_eq!(due(d("2028-02-29")), d("2028-03-29"));
        assert_eq!(add_months(d("2028-02-29"), 12), d("2029-02-28"));
        assert_eq!(add_months(d("2100-01-31"), 1), d("2100-02-28"));
        assert_eq!(add_months(d("2000-01-31"), 1), d("2000-02-29"));
    }

    #[test]
    fn extension_is_three_months_from_receipt() {
        assert_eq!(extended_due(d("2026-11-30")), d("2027-02-28"));
        assert_eq!(extended_due(d("2027-11-30")), d("2028-02-29"));
        assert_eq!(extended_due(d("2026-10-31")), d("2027-01-31"));
    }

    #[test]
    fn dates_read_and_write() {
        assert_eq!(format_date(d("2026-02-03")), "2026-02-03");
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("3 Feb 2026").is_none());
    }
}
