//! How long a tenant's records of requests are kept once a case is closed: the retention a
//! tenant profile names (`records_retention = "5y"`), after which `dsr case purge` may
//! delete a case's personal data.

use std::fmt;

use time::Date;

use super::deadline;

/// A retention period: years, months, weeks and days, as `5y`, `18m`, `1y6m`, `90d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    months: u32,
    days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RetentionError {
    #[error(
        "'{0}' is not a retention: write a number and a unit, y (years), m (months), w (weeks) or d (days), such as 5y, 18m or 1y6m"
    )]
    Syntax(String),
    #[error("a retention of '{0}' keeps nothing: it must be at least one day")]
    Zero(String),
}

impl Retention {
    pub fn parse(text: &str) -> Result<Retention, RetentionError> {
        let syntax = || RetentionError::Syntax(text.to_owned());
        let compact = text.trim().to_ascii_lowercase();
        let (mut months, mut days) = (0u32, 0u32);
        let mut number = String::new();
        for c in compact.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let n: u32 = number.parse().map_err(|_| syntax())?;
            number.clear();
            let (scale, months_or_days) = match c {
                'y' => (12, &mut months),
                'm' => (1, &mut months),
                'w' => (7, &mut days),
                'd' => (1, &mut days),
                _ => return Err(syntax()),
            };
            *months_or_days = n
                .checked_mul(scale)
                .and_then(|n| months_or_days.checked_add(n))
                .ok_or_else(syntax)?;
        }
        // A number needs its unit, and something must be given; a century is plenty.
        if !number.is_empty() || compact.is_empty() || months > 1200 || days > 36500 {
            return Err(syntax());
        }
        if months == 0 && days == 0 {
            return Err(RetentionError::Zero(text.trim().to_owned()));
        }
        Ok(Retention { months, days })
    }

    /// The first day on which a case closed on `closed` is past its retention.
    pub fn kept_until(self, closed: Date) -> Date {
        let date = deadline::add_months(closed, self.months);
        date.checked_add(time::Duration::days(i64::from(self.days)))
            .unwrap_or(Date::MAX)
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (years, months) = (self.months / 12, self.months % 12);
        let mut wrote = false;
        for (n, unit) in [(years, 'y'), (months, 'm'), (self.days, 'd')] {
            if n > 0 {
                write!(f, "{n}{unit}")?;
                wrote = true;
            }
        }
        if !wrote {
            f.write_str("0d")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        deadline::parse_date(text).expect("a date")
    }

    #[test]
    fn retentions_are_read_and_written_back() {
        for (text, shown) in [
            ("5y", "5y"),
            ("18m", "1y6m"),
            (" 1Y6M ", "1y6m"),
            ("90d", "90d"),
            ("2w", "14d"),
            ("1y2w3d", "1y17d"),
        ] {
            let retention = Retention::parse(text).expect(text);
            assert_eq!(retention.to_string(), shown, "{text}");
        }
        for bad in ["", "5", "y", "five years", "5x", "5 y", "-1y", "99999y"] {
            assert!(
                matches!(Retention::parse(bad), Err(RetentionError::Syntax(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            Retention::parse("0d"),
            Err(RetentionError::Zero(_))
        ));
    }

    #[test]
    fn kept_until_counts_calendar_months_then_days() {
        let five_years = Retention::parse("5y").expect("5y");
        assert_eq!(five_years.kept_until(d("2020-02-29")), d("2025-02-28"));
        let mixed = Retention::parse("1m10d").expect("1m10d");
        assert_eq!(mixed.kept_until(d("2026-01-31")), d("2026-03-10"));
    }
}
