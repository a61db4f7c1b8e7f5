//! China's working-day calendar (pure; no I/O).
//!
//! Working days follow the State Council holiday notices: Monday–Friday, minus the official
//! days off, plus the adjusted working weekends (调休上班). The data for 2024–2026 ships inside
//! the binary (`data/cn_YYYY.tsv`); an admin can add or override years from configuration with
//! the same TSV format. A question about a year with no data is an error
//! ([`CalendarError::NoData`]), never a guess.
//!
//! Trading days (SSE/SZSE/BSE) are the working days that fall Monday–Friday: the exchanges
//! close on every weekend, including 调休 working weekends.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::{Date, Weekday};

const BUILTIN: &[(i16, &str)] = &[
    (2024, include_str!("data/cn_2024.tsv")),
    (2025, include_str!("data/cn_2025.tsv")),
    (2026, include_str!("data/cn_2026.tsv")),
];

/// Which days count when counting "working days".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayRule {
    /// State Council working days (调休 weekends work).
    #[default]
    Working,
    /// Exchange trading days: working days that are Monday–Friday.
    Trading,
}

/// Why the calendar cannot answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// No holiday data is loaded for that year.
    #[error("{year}年的节假日安排尚未载入，无法按工作日计算；请管理员在配置中补充该年的日历数据")]
    NoData {
        /// The year without data.
        year: i16,
    },
    /// A calendar file could not be read.
    #[error("日历数据第{line}行无法解析：{reason}")]
    BadData {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// A named block of consecutive days off (e.g. 国庆节 2026-10-01..=2026-10-07).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayBlock {
    /// Canonical Chinese name as in the data (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆节).
    pub name: String,
    /// First day off.
    pub start: Date,
    /// Last day off (inclusive).
    pub end: Date,
}

#[derive(Debug, Clone, Default)]
struct YearData {
    /// Monday–Friday days off, with the holiday's name.
    holidays: BTreeMap<Date, String>,
    /// Saturday/Sunday working days, with the holiday they make up for.
    workdays: BTreeMap<Date, String>,
}

/// The working-day calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    years: BTreeMap<i16, YearData>,
}

impl Calendar {
    /// The calendar with the data shipped in the binary (2024–2026).
    pub fn builtin() -> Self {
        let mut cal = Self {
            years: BTreeMap::new(),
        };
        for (year, text) in BUILTIN {
            // The shipped data is checked by the unit tests below; a parse failure here would be
            // a build defect, so fall back to "no data" rather than panicking.
            if let Ok(data) = parse_tsv(text) {
                cal.years.insert(*year, data);
            }
        }
        cal
    }

    /// A calendar with no data at all (every question is [`CalendarError::NoData`]).
    pub fn empty() -> Self {
        Self {
            years: BTreeMap::new(),
        }
    }

    /// Adds or replaces one year's data from TSV text (columns `date`, `kind`, `name_zh` named in
    /// a header line; `#` lines are comments; `kind` is `holiday` or `workday`).
    ///
    /// # Errors
    /// [`CalendarError::BadData`] if a line is malformed or a date lies outside `year`.
    pub fn load_year(&mut self, year: i16, tsv: &str) -> Result<(), CalendarError> {
        let data = parse_tsv(tsv)?;
        for d in data.holidays.keys().chain(data.workdays.keys()) {
            if d.year() != year {
                return Err(CalendarError::BadData {
                    line: 0,
                    reason: format!("{d} 不属于 {year} 年"),
                });
            }
        }
        self.years.insert(year, data);
        Ok(())
    }

    /// The years with data, ascending.
    pub fn years(&self) -> impl Iterator<Item = i16> + '_ {
        self.years.keys().copied()
    }

    /// Whether data for `year` is loaded.
    pub fn has_year(&self, year: i16) -> bool {
        self.years.contains_key(&year)
    }

    fn year(&self, d: Date) -> Result<&YearData, CalendarError> {
        self.years
            .get(&d.year())
            .ok_or(CalendarError::NoData { year: d.year() })
    }

    /// Whether `d` is a working day (State Council rules).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] if `d`'s year is not loaded.
    pub fn is_workday(&self, d: Date) -> Result<bool, CalendarError> {
        let y = self.year(d)?;
        if y.holidays.contains_key(&d) {
            return Ok(false);
        }
        if y.workdays.contains_key(&d) {
            return Ok(true);
        }
        Ok(!is_weekend(d))
    }

    /// Whether `d` is an exchange trading day (a working day that is Monday–Friday).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] if `d`'s year is not loaded.
    pub fn is_trading_day(&self, d: Date) -> Result<bool, CalendarError> {
        Ok(!is_weekend(d) && self.is_workday(d)?)
    }

    /// Whether `d` counts under `rule`.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] if `d`'s year is not loaded.
    pub fn counts(&self, d: Date, rule: DayRule) -> Result<bool, CalendarError> {
        match rule {
            DayRule::Working => self.is_workday(d),
            DayRule::Trading => self.is_trading_day(d),
        }
    }

    /// The `n`-th counting day strictly after `d` (`n` ≥ 1; `n` = 0 returns `d`).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the walk reaches a year without data.
    pub fn nth_after(&self, d: Date, n: u32, rule: DayRule) -> Result<Date, CalendarError> {
        let mut cur = d;
        let mut left = n;
        while left > 0 {
            cur = next_day(cur)?;
            if self.counts(cur, rule)? {
                left -= 1;
            }
        }
        Ok(cur)
    }

    /// The first counting day on or after `d`.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the walk reaches a year without data.
    pub fn first_on_or_after(&self, d: Date, rule: DayRule) -> Result<Date, CalendarError> {
        let mut cur = d;
        loop {
            if self.counts(cur, rule)? {
                return Ok(cur);
            }
            cur = next_day(cur)?;
        }
    }

    /// The last counting day on or before `d`.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the walk reaches a year without data.
    pub fn last_on_or_before(&self, d: Date, rule: DayRule) -> Result<Date, CalendarError> {
        let mut cur = d;
        loop {
            if self.counts(cur, rule)? {
                return Ok(cur);
            }
            cur = prev_day(cur)?;
        }
    }

    /// The last counting day in `start..=end`, or `None` if the span has none.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the span touches a year without data.
    pub fn last_in(&self, start: Date, end: Date, rule: DayRule) -> Result<Option<Date>, CalendarError> {
        let mut cur = end;
        while cur >= start {
            if self.counts(cur, rule)? {
                return Ok(Some(cur));
            }
            cur = prev_day(cur)?;
        }
        Ok(None)
    }

    /// How many counting days lie in `(from, to]` (0 if `to <= from`).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the span touches a year without data.
    pub fn count_between(&self, from: Date, to: Date, rule: DayRule) -> Result<u32, CalendarError> {
        let mut n = 0;
        let mut cur = from;
        while cur < to {
            cur = next_day(cur)?;
            if self.counts(cur, rule)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// The holiday blocks of `year`: each named holiday's days off, widened over the adjacent
    /// weekend days that are off, in date order. Blocks that touch merge (2025's 国庆节 and 中秋
    /// share one block, reported under each name).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] if `year` is not loaded.
    pub fn holiday_blocks(&self, year: i16) -> Result<Vec<HolidayBlock>, CalendarError> {
        let y = self.years.get(&year).ok_or(CalendarError::NoData { year })?;
        let mut by_name: BTreeMap<&str, (Date, Date)> = BTreeMap::new();
        for (d, name) in &y.holidays {
            let e = by_name.entry(name.as_str()).or_insert((*d, *d));
            e.0 = e.0.min(*d);
            e.1 = e.1.max(*d);
        }
        let mut blocks = Vec::new();
        for (name, (mut start, mut end)) in by_name {
            // Widen over days off on either side (weekends inside or next to the block).
            while let Ok(p) = prev_day(start) {
                if self.is_workday(p).unwrap_or(true) {
                    break;
                }
                start = p;
            }
            while let Ok(n) = next_day(end) {
                if self.is_workday(n).unwrap_or(true) {
                    break;
                }
                end = n;
            }
            blocks.push(HolidayBlock {
                name: name.to_owned(),
                start,
                end,
            });
        }
        blocks.sort_by_key(|b| (b.start, b.name.clone()));
        Ok(blocks)
    }

    /// The first holiday block (optionally with `name`) that has not ended on `today`: its end is
    /// on or after `today`. Searches `today`'s year and the next.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] if the year needed has no data.
    pub fn next_block(&self, name: Option<&str>, today: Date) -> Result<HolidayBlock, CalendarError> {
        for year in [today.year(), today.year() + 1] {
            let blocks = self.holiday_blocks(year)?;
            if let Some(b) = blocks
                .into_iter()
                .find(|b| b.end >= today && name.is_none_or(|n| b.name == n))
            {
                return Ok(b);
            }
        }
        Err(CalendarError::NoData {
            year: today.year() + 2,
        })
    }
}

impl Default for Calendar {
    fn default() -> Self {
        Self::builtin()
    }
}

impl fmt::Display for DayRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Working => "工作日",
            Self::Trading => "交易日",
        })
    }
}

/// Saturday or Sunday.
pub fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

fn next_day(d: Date) -> Result<Date, CalendarError> {
    d.tomorrow().map_err(|_| CalendarError::NoData { year: d.year() })
}

fn prev_day(d: Date) -> Result<Date, CalendarError> {
    d.yesterday()
        .map_err(|_| CalendarError::NoData { year: d.year() })
}

fn parse_tsv(text: &str) -> Result<YearData, CalendarError> {
    let mut data = YearData::default();
    let mut cols: Option<(usize, usize, usize)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let Some((c_date, c_kind, c_name)) = cols else {
            let find = |n: &str| fields.iter().position(|f| *f == n);
            match (find("date"), find("kind"), find("name_zh")) {
                (Some(a), Some(b), Some(c)) => cols = Some((a, b, c)),
                _ => {
                    return Err(CalendarError::BadData {
                        line: i + 1,
                        reason: "缺少表头（需要 date、kind、name_zh 三列）".to_owned(),
                    });
                }
            }
            continue;
        };
        let bad = |reason: String| CalendarError::BadData { line: i + 1, reason };
        let get = |c: usize| fields.get(c).copied().ok_or_else(|| bad("列数不足".to_owned()));
        let date: Date = get(c_date)?
            .parse()
            .map_err(|_| bad(format!("日期格式错误：{}", fields[c_date.min(fields.len() - 1)])))?;
        let name = get(c_name)?.to_owned();
        match get(c_kind)? {
            "holiday" if !is_weekend(date) => {
                data.holidays.insert(date, name);
            }
            "workday" if is_weekend(date) => {
                data.workdays.insert(date, name);
            }
            "holiday" => return Err(bad(format!("{date} 是周末，不必标为 holiday"))),
            "workday" => return Err(bad(format!("{date} 是工作日，不必标为 workday"))),
            other => return Err(bad(format!("kind 只能是 holiday 或 workday，而不是 {other}"))),
        }
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn cal() -> Calendar {
        Calendar::builtin()
    }

    #[test]
    fn builtin_has_2024_to_2026() {
        let c = cal();
        assert_eq!(c.years().collect::<Vec<_>>(), vec![2024, 2025, 2026]);
    }

    #[test]
    fn the_shipped_2026_data_matches_the_checked_reference() {
        let reference = include_str!("data/cn_2026.tsv");
        let mut c = Calendar::empty();
        c.load_year(2026, reference).unwrap();
        let b = cal();
        let mut d = date(2026, 1, 1);
        while d.year() == 2026 {
            assert_eq!(c.is_workday(d), b.is_workday(d), "{d}");
            d = d.tomorrow().unwrap();
        }
        assert_eq!(
            b.count_between(date(2025, 12, 31), date(2026, 12, 31), DayRule::Working),
            Ok(248)
        );
    }

    #[test]
    fn working_day_counts_per_year_match_the_state_council_totals() {
        // days − 104 weekend days − statutory holidays (11 in 2024; 13 from 2025 on, when 除夕 and
        // 5月2日 were added), every holiday falling on a weekday being made up: 251, 248, 248.
        let c = cal();
        let y = |yr: i16| {
            let mut n = 0;
            let mut d = date(yr, 1, 1);
            while d.year() == yr {
                if c.is_workday(d).unwrap() {
                    n += 1;
                }
                d = d.tomorrow().unwrap();
            }
            n
        };
        assert_eq!(y(2024), 251);
        assert_eq!(y(2025), 248);
        assert_eq!(y(2026), 248);
    }

    #[test]
    fn adjusted_weekends_work_and_holidays_do_not() {
        let c = cal();
        assert_eq!(c.is_workday(date(2026, 1, 4)), Ok(true)); // 调休 Sunday
        assert_eq!(c.is_workday(date(2026, 10, 1)), Ok(false));
        assert_eq!(c.is_workday(date(2026, 3, 14)), Ok(false)); // plain Saturday
        assert_eq!(c.is_trading_day(date(2026, 1, 4)), Ok(false));
        assert_eq!(c.is_trading_day(date(2026, 3, 13)), Ok(true));
    }

    #[test]
    fn a_year_without_data_is_refused_not_guessed() {
        let c = cal();
        assert_eq!(
            c.is_workday(date(2027, 1, 5)),
            Err(CalendarError::NoData { year: 2027 })
        );
        assert!(c.nth_after(date(2026, 12, 30), 3, DayRule::Working).is_err());
    }

    #[test]
    fn nth_working_day_skips_the_may_day_block() {
        let c = cal();
        assert_eq!(
            c.nth_after(date(2026, 4, 29), 3, DayRule::Working),
            Ok(date(2026, 5, 7))
        );
        assert_eq!(
            c.nth_after(date(2026, 1, 2), 1, DayRule::Working),
            Ok(date(2026, 1, 4))
        );
        assert_eq!(
            c.nth_after(date(2026, 5, 8), 2, DayRule::Trading),
            Ok(date(2026, 5, 12))
        );
    }

    #[test]
    fn holiday_blocks_include_the_weekends_inside() {
        let c = cal();
        let blocks = c.holiday_blocks(2026).unwrap();
        let find = |n: &str| blocks.iter().find(|b| b.name == n).cloned().unwrap();
        assert_eq!(
            (find("春节").start, find("春节").end),
            (date(2026, 2, 15), date(2026, 2, 23))
        );
        assert_eq!(
            (find("端午").start, find("端午").end),
            (date(2026, 6, 19), date(2026, 6, 21))
        );
        assert_eq!(
            (find("国庆节").start, find("国庆节").end),
            (date(2026, 10, 1), date(2026, 10, 7))
        );
        assert_eq!(
            (find("元旦").start, find("元旦").end),
            (date(2026, 1, 1), date(2026, 1, 3))
        );
        let next = c.next_block(Some("端午"), date(2026, 6, 10)).unwrap();
        assert_eq!(next.start, date(2026, 6, 19));
    }

    #[test]
    fn an_override_replaces_a_year() {
        let mut c = cal();
        c.load_year(2026, "date\tkind\tname_zh\n2026-03-11\tholiday\t测试\n")
            .unwrap();
        assert_eq!(c.is_workday(date(2026, 3, 11)), Ok(false));
        assert_eq!(c.is_workday(date(2026, 10, 1)), Ok(true));
        assert!(
            c.load_year(2027, "date\tkind\tname_zh\n2026-03-11\tholiday\tx\n")
                .is_err()
        );
        assert!(
            c.load_year(2027, "date\tkind\tname_zh\n2027-03-13\tholiday\tx\n")
                .is_err()
        );
    }
}
