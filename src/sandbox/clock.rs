//! The sandbox clock: the four jumps of the clock bar (pure), a label for the page, and the
//! persisted instant that keeps a restart from going back in time.

use std::path::Path;

use jiff::civil::Time;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, DayRule};
use crate::domain::time::{SHANGHAI, local, weekday_label};

/// The file (inside the data dir) holding the last sandbox time.
pub const FILE: &str = "sandbox-clock.txt";

/// The working morning starts at 09:00, when nudges may go out.
const MORNING: Time = Time::constant(9, 0, 0, 0);

/// A jump of the clock bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jump {
    /// +1小时.
    Hour,
    /// 下一个工作日早上 (09:00).
    NextMorning,
    /// +1天.
    Day,
    /// +1周.
    Week,
}

/// Where `jump` takes the clock from `now`.
pub fn target(jump: Jump, now: Timestamp, cal: &Calendar) -> Timestamp {
    let add = |h: i64| now.checked_add(SignedDuration::from_hours(h)).unwrap_or(now);
    match jump {
        Jump::Hour => add(1),
        Jump::Day => add(24),
        Jump::Week => add(24 * 7),
        Jump::NextMorning => next_working_morning(now, cal),
    }
}

/// 09:00 on the next working day (today, if it is one and it is not 09:00 yet). Without
/// calendar data for the year, weekdays count as working days.
pub fn next_working_morning(now: Timestamp, cal: &Calendar) -> Timestamp {
    let dt = local(now);
    let today = dt.date();
    let works = |d: jiff::civil::Date| {
        cal.counts(d, DayRule::Working)
            .unwrap_or(!crate::calendar::is_weekend(d))
    };
    let mut day = if dt.time() < MORNING && works(today) {
        today
    } else {
        today.tomorrow().unwrap_or(today)
    };
    for _ in 0..40 {
        if works(day) {
            break;
        }
        day = day.tomorrow().unwrap_or(day);
    }
    SHANGHAI.to_timestamp(day.to_datetime(MORNING)).unwrap_or(now)
}

/// `2026年3月11日 周三 10:00`, and whether that day is a working day (`None` without data).
pub fn label(now: Timestamp, cal: &Calendar) -> (String, Option<bool>) {
    let dt = local(now);
    let d = dt.date();
    (
        format!(
            "{}年{}月{}日 {} {:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            weekday_label(d),
            dt.hour(),
            dt.minute()
        ),
        cal.counts(d, DayRule::Working).ok(),
    )
}

/// The persisted sandbox time, if any.
pub fn load(dir: &Path) -> Option<Timestamp> {
    std::fs::read_to_string(dir.join(FILE))
        .ok()
        .and_then(|s| s.trim().parse().ok())
}

/// Persists the sandbox time.
///
/// # Errors
/// I/O failures.
pub fn save(dir: &Path, now: Timestamp) -> std::io::Result<()> {
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, now.to_string())?;
    std::fs::rename(tmp, dir.join(FILE))
}

/// Where the clock starts: never before the persisted time; otherwise `requested`
/// (`DUBAN_VIRTUAL_CLOCK`) or the wall clock.
pub fn start(persisted: Option<Timestamp>, requested: Option<Timestamp>, wall: Timestamp) -> Timestamp {
    let wanted = requested.unwrap_or(wall);
    persisted.map_or(wanted, |p| p.max(wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_next_working_morning_skips_weekends_and_holidays() {
        let cal = Calendar::builtin();
        // Wednesday 10:00 → Thursday 09:00.
        assert_eq!(
            next_working_morning(t("2026-03-11T10:00:00+08:00"), &cal),
            t("2026-03-12T09:00:00+08:00")
        );
        // Wednesday 07:30 → the same morning.
        assert_eq!(
            next_working_morning(t("2026-03-11T07:30:00+08:00"), &cal),
            t("2026-03-11T09:00:00+08:00")
        );
        // Friday evening → Monday.
        assert_eq!(
            next_working_morning(t("2026-03-13T19:00:00+08:00"), &cal),
            t("2026-03-16T09:00:00+08:00")
        );
        // National Day 2026: 10-01 … 10-07 off; Wednesday 09-30 evening → Thursday 10-08.
        assert_eq!(
            next_working_morning(t("2026-09-30T20:00:00+08:00"), &cal),
            t("2026-10-08T09:00:00+08:00")
        );
    }

    #[test]
    fn the_other_jumps_add_fixed_spans() {
        let cal = Calendar::builtin();
        let now = t("2026-03-11T10:00:00+08:00");
        assert_eq!(target(Jump::Hour, now, &cal), t("2026-03-11T11:00:00+08:00"));
        assert_eq!(target(Jump::Day, now, &cal), t("2026-03-12T10:00:00+08:00"));
        assert_eq!(target(Jump::Week, now, &cal), t("2026-03-18T10:00:00+08:00"));
    }

    #[test]
    fn the_label_names_the_weekday_and_whether_it_is_a_working_day() {
        let cal = Calendar::builtin();
        let (s, works) = label(t("2026-03-14T08:05:00+08:00"), &cal);
        assert_eq!(s, "2026年3月14日 周六 08:05");
        assert_eq!(works, Some(false));
    }

    #[test]
    fn a_restart_never_goes_back_in_time() {
        let wall = t("2026-01-01T00:00:00Z");
        let later = t("2026-03-20T00:00:00Z");
        let requested = t("2026-03-11T02:00:00Z");
        assert_eq!(start(None, None, wall), wall);
        assert_eq!(start(None, Some(requested), wall), requested);
        assert_eq!(start(Some(later), Some(requested), wall), later);
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), None);
        save(dir.path(), later).unwrap();
        assert_eq!(load(dir.path()), Some(later));
    }
}
