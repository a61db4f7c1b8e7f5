//! Deadlines (pure): the resolved deadline a command or a form yields ([`Deadline`]; the command
//! layer's `when` module parses it from Chinese) and how far one is, in words ([`DeadlineHint`]).

use std::fmt;

use jiff::Timestamp;

use crate::calendar::{Calendar, DayRule};
use crate::domain::time::local;

/// A resolved deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deadline {
    /// The instant the work is due.
    pub at: Timestamp,
    /// Whether the user named a clock time, a part of the day or an hour/minute duration; false
    /// when the time is the 18:00 default of a bare date (C1).
    pub has_time: bool,
}

/// How far the deadline is, in words (还剩2天 / 今天截止 / 还剩3小时 / 已逾期3个工作日).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineHint {
    /// Due today, less than six hours left (0 = under an hour).
    HoursLeft(i64),
    /// Due later today.
    DueToday,
    /// Due tomorrow.
    DueTomorrow,
    /// Due in `days` calendar days; `workdays` working days when the calendar knows.
    DaysLeft {
        /// Calendar days from today to the deadline's date.
        days: i64,
        /// Working days in `(today, deadline date]`.
        workdays: Option<u32>,
    },
    /// Overdue by less than a day (0 = under an hour), or without a working day in between.
    OverdueHours(i64),
    /// Overdue by this many working days.
    OverdueWorkdays(u32),
    /// Overdue by this many calendar days (when the calendar has no data).
    OverdueDays(i64),
}

impl DeadlineHint {
    /// The hint for `deadline` at `now`, counting working days with `cal` when it can.
    pub fn compute(deadline: Timestamp, now: Timestamp, cal: &Calendar) -> Self {
        let left = now.duration_until(deadline);
        let dl_date = local(deadline).date();
        let today = local(now).date();
        let days = (dl_date - today).get_days();
        let days = i64::from(days);
        if left.is_positive() {
            let hours = left.as_secs() / 3600;
            return match days {
                ..=0 if hours < 6 => Self::HoursLeft(hours),
                ..=0 => Self::DueToday,
                1 => Self::DueTomorrow,
                _ => Self::DaysLeft {
                    days,
                    workdays: cal.count_between(today, dl_date, DayRule::Working).ok(),
                },
            };
        }
        let late_hours = deadline.duration_until(now).as_secs() / 3600;
        match cal.count_between(dl_date, today, DayRule::Working) {
            Ok(0) | Err(_) if late_hours < 24 => Self::OverdueHours(late_hours),
            Ok(0) | Err(_) => Self::OverdueDays(-days),
            Ok(n) => Self::OverdueWorkdays(n),
        }
    }

    /// Whether this is one of the overdue hints.
    pub fn is_overdue(self) -> bool {
        matches!(
            self,
            Self::OverdueHours(_) | Self::OverdueWorkdays(_) | Self::OverdueDays(_)
        )
    }
}

impl fmt::Display for DeadlineHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::HoursLeft(0) => f.write_str("还剩不到1小时"),
            Self::HoursLeft(h) => write!(f, "还剩{h}小时"),
            Self::DueToday => f.write_str("今天截止"),
            Self::DueTomorrow => f.write_str("明天截止"),
            Self::DaysLeft {
                days,
                workdays: Some(w),
            } if i64::from(w) != days => write!(f, "还剩{days}天（{w}个工作日）"),
            Self::DaysLeft { days, .. } => write!(f, "还剩{days}天"),
            Self::OverdueHours(0) => f.write_str("已逾期不到1小时"),
            Self::OverdueHours(h) => write!(f, "已逾期{h}小时"),
            Self::OverdueWorkdays(n) => write!(f, "已逾期{n}个工作日"),
            Self::OverdueDays(n) => write!(f, "已逾期{n}天"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::time::SHANGHAI;
    use jiff::civil::date;

    fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
        SHANGHAI.to_timestamp(date(y, m, d).at(h, min, 0, 0)).unwrap()
    }

    #[test]
    fn deadline_hints_read_naturally() {
        let cal = Calendar::builtin();
        let dl = at(2026, 11, 30, 18, 0); // Monday
        let hint = |n: Timestamp| DeadlineHint::compute(dl, n, &cal).to_string();
        assert_eq!(hint(at(2026, 11, 30, 15, 0)), "还剩3小时");
        assert_eq!(hint(at(2026, 11, 30, 17, 30)), "还剩不到1小时");
        assert_eq!(hint(at(2026, 11, 30, 9, 0)), "今天截止");
        assert_eq!(hint(at(2026, 11, 29, 9, 0)), "明天截止");
        assert_eq!(hint(at(2026, 11, 27, 9, 0)), "还剩3天（1个工作日）");
        assert_eq!(hint(at(2026, 11, 24, 9, 0)), "还剩6天（4个工作日）");
        assert_eq!(hint(at(2026, 11, 30, 20, 0)), "已逾期2小时");
        assert_eq!(hint(at(2026, 12, 3, 9, 0)), "已逾期3个工作日");
        let fri = at(2026, 11, 27, 18, 0);
        assert_eq!(
            DeadlineHint::compute(fri, at(2026, 11, 29, 20, 0), &cal).to_string(),
            "已逾期2天"
        );
        let dec = at(2026, 12, 30, 18, 0);
        assert_eq!(
            DeadlineHint::compute(dec, at(2027, 1, 4, 18, 0), &cal).to_string(),
            "已逾期5天"
        );
        assert!(DeadlineHint::compute(dec, at(2027, 1, 4, 18, 0), &cal).is_overdue());
    }
}
