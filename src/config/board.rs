//! `[board]`: when the weekly 晾晒 board is posted, the leaders' group of the firm's board, and
//! the `HH:MM` times the file uses.

use serde::Deserialize;

use crate::calendar::Calendar;

/// `[board]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoardConfig {
    /// Post the weekly board at all.
    pub enabled: bool,
    /// Day of the week, 1 = Monday … 7 = Sunday (moved to the next working day if off).
    pub weekday: i8,
    /// Local time, `HH:MM`.
    pub at: String,
    /// How many names in the 按时完成 section.
    pub top_n: usize,
    /// The leaders' group (`oc_…`): the firm's 晾晒 (`/督办 晾晒 全部门`) may be asked there,
    /// and the weekly org board goes there. Unset: the org board only in an admin's 1:1 chat.
    pub leaders_chat: Option<String>,
}

impl Default for BoardConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            weekday: 1,
            at: "09:30".to_owned(),
            top_n: 5,
            leaders_chat: None,
        }
    }
}

impl BoardConfig {
    /// This week's board slot: (the week's Monday as `YYYY-MM-DD`, the instant to post).
    pub fn this_week(&self, now: jiff::Timestamp, cal: &Calendar) -> Option<(String, jiff::Timestamp)> {
        let local = crate::domain::time::local(now).date();
        let monday = local
            .checked_sub(jiff::Span::new().days(i64::from(local.weekday().to_monday_zero_offset())))
            .ok()?;
        let mut day = monday
            .checked_add(jiff::Span::new().days(i64::from(self.weekday.clamp(1, 7) - 1)))
            .ok()?;
        // Off that day (holiday)? The first working day after it, within the same week.
        while !cal.is_workday(day).unwrap_or(true) {
            day = day.tomorrow().ok()?;
            if day.weekday() == jiff::civil::Weekday::Monday {
                return None;
            }
        }
        let (h, m) = parse_hhmm(&self.at)?;
        let at = day
            .at(h, m, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::fixed(crate::domain::time::SHANGHAI))
            .ok()?
            .timestamp();
        Some((monday.to_string(), at))
    }
}

/// `HH:MM` → (hour, minute).
pub fn parse_hhmm(s: &str) -> Option<(i8, i8)> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some((h, m))
}
