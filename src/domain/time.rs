//! Time in Asia/Shanghai (pure): the fixed offset and the Chinese formats every card, reminder
//! and reply uses. Times are stored as UTC instants and shown in Asia/Shanghai (UTC+08:00, no
//! daylight saving since 1991, so a fixed offset is exact).

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::Offset;

/// Asia/Shanghai.
pub const SHANGHAI: Offset = Offset::constant(8);

/// The civil date and time of `ts` in Asia/Shanghai.
pub fn local(ts: Timestamp) -> DateTime {
    SHANGHAI.to_datetime(ts)
}

/// The Chinese weekday: 周一 … 周日.
pub fn weekday_label(d: Date) -> &'static str {
    match d.weekday() {
        Weekday::Monday => "周一",
        Weekday::Tuesday => "周二",
        Weekday::Wednesday => "周三",
        Weekday::Thursday => "周四",
        Weekday::Friday => "周五",
        Weekday::Saturday => "周六",
        Weekday::Sunday => "周日",
    }
}

/// `ts` in Chinese, e.g. `11月30日（周一）18:00`; the year is shown when it differs from
/// `now`'s year (`2027年1月5日（周二）18:00`).
pub fn format_datetime(ts: Timestamp, now: Timestamp) -> String {
    let dt = local(ts);
    let d = dt.date();
    let year = if d.year() == local(now).date().year() {
        String::new()
    } else {
        format!("{}年", d.year())
    };
    format!(
        "{year}{}月{}日（{}）{:02}:{:02}",
        d.month(),
        d.day(),
        weekday_label(d),
        dt.hour(),
        dt.minute()
    )
}

/// `ts` in Chinese without reference to a "now" (the year is omitted).
pub fn format_instant(ts: Timestamp) -> String {
    format_datetime(ts, ts)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
        SHANGHAI.to_timestamp(date(y, m, d).at(h, min, 0, 0)).unwrap()
    }

    /// Wednesday 2026-11-25 10:00.
    fn now() -> Timestamp {
        at(2026, 11, 25, 10, 0)
    }

    #[test]
    fn dates_show_the_year_only_when_it_differs() {
        let n = now();
        assert_eq!(
            format_datetime(at(2026, 11, 30, 18, 0), n),
            "11月30日（周一）18:00"
        );
        assert_eq!(
            format_datetime(at(2027, 1, 5, 9, 5), n),
            "2027年1月5日（周二）09:05"
        );
    }
}
