//! Resolution (pure): a parsed [`Expr`] plus `now` and the working-day calendar → one instant.
//!
//! Forms whose anchor the user named (今天, 本周X, 2026年…, 下周, holidays, counts) have exactly
//! one candidate, and a candidate not later than `now` is refused (C8). Forms with an omitted
//! field (周五, 3月20日, 20号, 下午4点, 月底) are filled forward: candidates are tried in order
//! and the first later than `now` wins (C7).

use jiff::civil::{Date, Time};
use jiff::tz::Offset;
use jiff::{SignedDuration, Timestamp, ToSpan};

use super::error::DeadlineError;
use super::grammar::{Clock, Day, Expr, MonthPart, Part, Period, Sel, Tod, YearSpec};
use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::deadline::Deadline;

/// Asia/Shanghai: UTC+08:00 all year, no daylight saving.
pub(super) const SHANGHAI: Offset = Offset::constant(8);

/// Largest counts accepted; beyond them the calendar or the clock cannot answer anyway.
const MAX_DAYS: i64 = 36_600;
const MAX_MONTHS: i64 = 1_200;
const MAX_YEARS: i64 = 100;
const MAX_COUNT: i64 = 10_000;
const MAX_MINUTES: i64 = 60 * 24 * 366;
/// A month-day without a year that passed at most this many days ago is refused as past rather
/// than moved to next year (see [`refuse_recent_past`]).
pub const RECENT_PAST_DAYS: i64 = 60;

/// What one resolution needs.
pub(super) struct Ctx<'a> {
    pub(super) input: &'a str,
    pub(super) now: Timestamp,
    pub(super) today: Date,
    pub(super) cal: &'a Calendar,
    /// A trailing 前 (or 截止…) was present (C9).
    pub(super) before: bool,
}

/// One candidate day of a form.
enum Cand {
    /// Try this day.
    Day(Date),
    /// This period has no suitable day; try the next candidate.
    Skip,
    /// No more candidates.
    End,
}

impl Ctx<'_> {
    fn input(&self) -> String {
        self.input.to_owned()
    }

    fn past(&self) -> DeadlineError {
        DeadlineError::Past { input: self.input() }
    }

    fn out_of_range(&self) -> DeadlineError {
        DeadlineError::OutOfRange { input: self.input() }
    }

    fn cal(&self, e: CalendarError) -> DeadlineError {
        let year = match e {
            CalendarError::NoData { year } => year,
            CalendarError::BadData { .. } => self.today.year(),
        };
        DeadlineError::NoCalendar {
            input: self.input(),
            year,
        }
    }

    fn ambiguous(&self, hint: &'static str) -> DeadlineError {
        DeadlineError::Ambiguous {
            input: self.input(),
            hint,
        }
    }

    fn add_days(&self, d: Date, n: i64) -> Result<Date, DeadlineError> {
        d.checked_add(n.days()).map_err(|_| self.out_of_range())
    }

    fn add_months(&self, d: Date, n: i64) -> Result<Date, DeadlineError> {
        d.checked_add(n.months()).map_err(|_| self.out_of_range())
    }

    fn year(&self, spec: YearSpec) -> Result<i16, DeadlineError> {
        let y = match spec {
            YearSpec::Abs(y) => y,
            YearSpec::Rel(r) => i64::from(self.today.year()) + r,
        };
        i16::try_from(y)
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(|| self.out_of_range())
    }

    /// A checked date; `month` and `day` already known to be 1–12 and 1–31.
    fn date(&self, year: i16, month: i64, day: i64) -> Result<Date, DeadlineError> {
        let (m, d) = (i8::try_from(month).unwrap_or(0), i8::try_from(day).unwrap_or(0));
        let first = Date::new(year, m, 1).map_err(|_| self.out_of_range())?;
        let days = first.days_in_month();
        if d > days {
            return Err(DeadlineError::NoSuchDay {
                input: self.input(),
                year,
                month: m,
                days,
            });
        }
        Date::new(year, m, d).map_err(|_| self.out_of_range())
    }

    fn check_month(&self, month: i64) -> Result<(), DeadlineError> {
        if (1..=12).contains(&month) {
            Ok(())
        } else {
            Err(DeadlineError::NoSuchMonth {
                input: self.input(),
                month,
            })
        }
    }

    fn check_day(&self, day: i64) -> Result<(), DeadlineError> {
        if (1..=31).contains(&day) {
            Ok(())
        } else {
            Err(DeadlineError::NoSuchDayOfMonth {
                input: self.input(),
                day,
            })
        }
    }

    fn monday(&self) -> Result<Date, DeadlineError> {
        let back = i64::from(self.today.weekday().to_monday_zero_offset());
        self.add_days(self.today, -back)
    }
}

/// Resolves `expr` relative to `ctx.now`.
pub(super) fn resolve(expr: Expr, ctx: &Ctx<'_>) -> Result<Deadline, DeadlineError> {
    match expr {
        Expr::Vague => Err(DeadlineError::Vague { input: ctx.input() }),
        Expr::MonthOnly { month } => {
            ctx.check_month(month)?;
            Err(DeadlineError::NotATime { input: ctx.input() })
        }
        Expr::Exact { minutes } => {
            if ctx.before {
                // 2小时前 is two hours ago.
                return Err(ctx.past());
            }
            if !(1..=MAX_MINUTES).contains(&minutes) {
                return Err(ctx.out_of_range());
            }
            let at = ctx
                .now
                .checked_add(SignedDuration::from_mins(minutes))
                .and_then(|t| {
                    t.round(
                        jiff::TimestampRound::new()
                            .smallest(jiff::Unit::Minute)
                            .mode(jiff::RoundMode::Trunc),
                    )
                })
                .map_err(|_| ctx.out_of_range())?;
            Ok(Deadline { at, has_time: true })
        }
        Expr::At { day, annot, time } => {
            if annot == Some(0) {
                return Err(DeadlineError::NoSuchWeekday { input: ctx.input() });
            }
            let (clock, has_time) = match time {
                Some(t) => (time_of(t, ctx)?, true),
                None => (Time::constant(18, 0, 0, 0), false),
            };
            let mut k = 0;
            loop {
                let cand = match &day {
                    Some(d) => candidate(d, k, ctx)?,
                    // A time with no day: today, else tomorrow (C7).
                    None if k < 2 => Cand::Day(ctx.add_days(ctx.today, k)?),
                    None => Cand::End,
                };
                match cand {
                    Cand::End => return Err(ctx.past()),
                    Cand::Skip => {}
                    Cand::Day(date) => {
                        let at = SHANGHAI
                            .to_timestamp(date.to_datetime(clock))
                            .map_err(|_| ctx.out_of_range())?;
                        if at > ctx.now {
                            check_annotation(annot, date, ctx)?;
                            return Ok(Deadline { at, has_time });
                        }
                    }
                }
                k += 1;
            }
        }
    }
}

fn check_annotation(annot: Option<u8>, date: Date, ctx: &Ctx<'_>) -> Result<(), DeadlineError> {
    let Some(wd) = annot else { return Ok(()) };
    let actual = date.weekday().to_monday_one_offset();
    if i8::try_from(wd).ok() == Some(actual) {
        Ok(())
    } else {
        Err(DeadlineError::WeekdayMismatch {
            input: ctx.input(),
            date,
            weekday: weekday_zh(actual),
        })
    }
}

/// 周一 … 周日 for Monday = 1 … Sunday = 7.
pub(super) fn weekday_zh(n: i8) -> &'static str {
    match n {
        1 => "周一",
        2 => "周二",
        3 => "周三",
        4 => "周四",
        5 => "周五",
        6 => "周六",
        _ => "周日",
    }
}

/// The `k`-th candidate day of `day`.
fn candidate(day: &Day, k: i64, ctx: &Ctx<'_>) -> Result<Cand, DeadlineError> {
    let only = |d: Result<Date, DeadlineError>| -> Result<Cand, DeadlineError> {
        if k == 0 { d.map(Cand::Day) } else { Ok(Cand::End) }
    };
    let today = ctx.today;
    match *day {
        Day::Ambiguous(hint) => Err(ctx.ambiguous(hint)),
        Day::Rel(n) => only(ctx.add_days(today, n)),
        Day::Weekday { wd: 0, .. } => Err(DeadlineError::NoSuchWeekday { input: ctx.input() }),
        Day::Weekday { week: Some(w), wd } => {
            let monday = ctx.monday()?;
            only(ctx.add_days(monday, w * 7 + i64::from(wd) - 1))
        }
        Day::Weekday { week: None, wd } => {
            if k >= 2 {
                return Ok(Cand::End);
            }
            let from = i64::from(today.weekday().to_monday_one_offset());
            let ahead = (i64::from(wd) - from).rem_euclid(7) + 7 * k;
            ctx.add_days(today, ahead).map(Cand::Day)
        }
        Day::Date { year, month, day } => date_candidate(year, month, day, k, ctx),
        Day::OfMonth { offset, day } => {
            ctx.check_day(day)?;
            let first = ctx.add_months(today.first_of_month(), offset)?;
            only(ctx.date(first.year(), i64::from(first.month()), day))
        }
        Day::Days(_) | Day::Months(_) | Day::Years(_) | Day::Count { .. } if ctx.before => {
            // 3天前 / 2个工作日前 is in the past, not a deadline.
            Err(ctx.past())
        }
        Day::Days(n) => {
            if !(1..=MAX_DAYS).contains(&n) {
                return Err(ctx.out_of_range());
            }
            only(ctx.add_days(today, n))
        }
        Day::Months(n) => {
            if !(1..=MAX_MONTHS).contains(&n) {
                return Err(ctx.out_of_range());
            }
            only(ctx.add_months(today, n))
        }
        Day::Years(n) => {
            if !(1..=MAX_YEARS).contains(&n) {
                return Err(ctx.out_of_range());
            }
            only(today.checked_add(n.years()).map_err(|_| ctx.out_of_range()))
        }
        Day::Count { n, rule } => {
            let n = u32::try_from(n)
                .ok()
                .filter(|n| (1..=MAX_COUNT).contains(&i64::from(*n)))
                .ok_or_else(|| ctx.out_of_range())?;
            only(ctx.cal.nth_after(today, n, rule).map_err(|e| ctx.cal(e)))
        }
        Day::Holiday { name, after } => {
            if k > 0 {
                return Ok(Cand::End);
            }
            holiday(name, after, ctx).map(Cand::Day)
        }
        Day::Period(ref p) => period(p, k, ctx),
    }
}

fn date_candidate(
    year: Option<YearSpec>,
    month: Option<i64>,
    day: i64,
    k: i64,
    ctx: &Ctx<'_>,
) -> Result<Cand, DeadlineError> {
    if let Some(m) = month {
        ctx.check_month(m)?;
    }
    ctx.check_day(day)?;
    let today = ctx.today;
    match (year, month) {
        (Some(y), Some(m)) => {
            if k > 0 {
                return Ok(Cand::End);
            }
            ctx.date(ctx.year(y)?, m, day).map(Cand::Day)
        }
        (_, Some(m)) => {
            if k >= 2 {
                return Ok(Cand::End);
            }
            if k == 1 {
                refuse_recent_past(m, day, ctx)?;
            }
            let y = ctx.year(YearSpec::Rel(k))?;
            match ctx.date(y, m, day) {
                Ok(d) => Ok(Cand::Day(d)),
                // 2月29日 said after February of a common year: judge next year's instead.
                Err(DeadlineError::NoSuchDay { .. })
                    if k == 0 && (m, day) < (i64::from(today.month()), i64::from(today.day())) =>
                {
                    Ok(Cand::Skip)
                }
                Err(e) => Err(e),
            }
        }
        (_, None) => {
            // A day of the month: this month or the next that has it (31号 skips April).
            if k > 12 {
                return Ok(Cand::End);
            }
            let first = ctx.add_months(today.first_of_month(), k)?;
            if day > i64::from(first.days_in_month()) {
                return Ok(Cand::Skip);
            }
            ctx.date(first.year(), i64::from(first.month()), day)
                .map(Cand::Day)
        }
    }
}

/// A month-day without a year that has passed this year is refused when it passed at most
/// [`RECENT_PAST_DAYS`] days ago (`3月14日` said on 3月16日 is a slip, not next year); further
/// back it means next year (`1月5日` said in December). Overrides C7 for the recent past.
fn refuse_recent_past(month: i64, day: i64, ctx: &Ctx<'_>) -> Result<(), DeadlineError> {
    let Ok(this_year) = ctx.date(ctx.today.year(), month, day) else {
        // 2月29日 in a common year: nothing passed this year.
        return Ok(());
    };
    let ago = ctx
        .today
        .since(this_year)
        .map_or(i64::MAX, |s| i64::from(s.get_days()));
    if (0..=RECENT_PAST_DAYS).contains(&ago) {
        let next = ctx.today.year().saturating_add(1);
        return Err(DeadlineError::RecentPast {
            input: ctx.input(),
            example: format!("{next}年{month}月{day}日"),
        });
    }
    Ok(())
}

/// <节>前, 节后第一个工作日, <节>后N个工作日内 (C12).
fn holiday(name: Option<&str>, after: Option<(i64, DayRule)>, ctx: &Ctx<'_>) -> Result<Date, DeadlineError> {
    let today = ctx.today;
    let Some((n, rule)) = after else {
        if !ctx.before {
            return Err(ctx.ambiguous("请写“某节前”（放假前最后一个工作日）或“某节后第一个工作日”"));
        }
        // The last working day before the next block (with that name) that has not started.
        for year in [today.year(), today.year().saturating_add(1)] {
            let blocks = ctx.cal.holiday_blocks(year).map_err(|e| ctx.cal(e))?;
            if let Some(b) = blocks
                .into_iter()
                .find(|b| b.start > today && name.is_none_or(|n| b.name == n))
            {
                let eve = b.start.yesterday().map_err(|_| ctx.out_of_range())?;
                let d = ctx
                    .cal
                    .last_on_or_before(eve, DayRule::Working)
                    .map_err(|e| ctx.cal(e))?;
                return if d < today { Err(ctx.past()) } else { Ok(d) };
            }
        }
        return Err(ctx.cal(CalendarError::NoData {
            year: today.year().saturating_add(2),
        }));
    };
    let n = u32::try_from(n)
        .ok()
        .filter(|n| (1..=MAX_COUNT).contains(&i64::from(*n)))
        .ok_or_else(|| ctx.out_of_range())?;
    let block = ctx.cal.next_block(name, today).map_err(|e| ctx.cal(e))?;
    ctx.cal.nth_after(block.end, n, rule).map_err(|e| ctx.cal(e))
}

/// The `k`-th candidate of a period (C9/C10).
fn period(p: &Period, k: i64, ctx: &Ctx<'_>) -> Result<Cand, DeadlineError> {
    let today = ctx.today;
    // (first day, last day, whether 前 means "before it starts").
    let (start, end, whole) = match *p {
        Period::Week { offset } => {
            if k > 0 {
                return Ok(Cand::End);
            }
            let start = ctx.add_days(ctx.monday()?, offset * 7)?;
            (start, ctx.add_days(start, 6)?, true)
        }
        Period::Weekend { offset } => {
            if !ctx.before {
                return Err(ctx.ambiguous("“周末”可以指周五下班前或周日，请写“周末前”或“周日”"));
            }
            let weeks = match offset {
                Some(o) if k == 0 => o,
                Some(_) => return Ok(Cand::End),
                None if k < 2 => k,
                None => return Ok(Cand::End),
            };
            let saturday = ctx.add_days(ctx.monday()?, weeks * 7 + 5)?;
            (saturday, ctx.add_days(saturday, 1)?, true)
        }
        Period::Month { sel, part } => {
            let Some(first) = month_of(sel, k, ctx)? else {
                return Ok(Cand::End);
            };
            let last = first.last_of_month();
            let day = |d: i8| Date::new(first.year(), first.month(), d).map_err(|_| ctx.out_of_range());
            match part {
                MonthPart::Whole => (first, last, true),
                MonthPart::End => (first, last, false),
                MonthPart::Early => (first, day(5)?, false),
                MonthPart::First10 => (first, day(10)?, false),
                MonthPart::Mid10 => (day(11)?, day(20)?, false),
                MonthPart::Last10 => (day(21)?, last, false),
            }
        }
        Period::Quarter { sel, whole } => {
            let first = match sel {
                Sel::Fill => {
                    if k >= 3 {
                        return Ok(Cand::End);
                    }
                    let q0 = (i64::from(today.month()) - 1) / 3 * 3;
                    ctx.add_months(today.first_of_month(), q0 - i64::from(today.month()) + 1 + 3 * k)?
                }
                Sel::Offset(o) => {
                    if k > 0 {
                        return Ok(Cand::End);
                    }
                    let q0 = (i64::from(today.month()) - 1) / 3 * 3;
                    ctx.add_months(today.first_of_month(), q0 - i64::from(today.month()) + 1 + 3 * o)?
                }
                Sel::Named { year, n } => {
                    let y = match year {
                        Some(y) if k == 0 => ctx.year(y)?,
                        Some(_) => return Ok(Cand::End),
                        None if k < 2 => ctx.year(YearSpec::Rel(k))?,
                        None => return Ok(Cand::End),
                    };
                    ctx.date(y, (n - 1) * 3 + 1, 1)?
                }
            };
            let last = ctx.add_months(first, 2)?.last_of_month();
            (first, last, whole)
        }
        Period::Year { year, whole } => {
            let y = match year {
                Some(y) if k == 0 => ctx.year(y)?,
                Some(_) => return Ok(Cand::End),
                None if k < 2 => ctx.year(YearSpec::Rel(k))?,
                None => return Ok(Cand::End),
            };
            (ctx.date(y, 1, 1)?, ctx.date(y, 12, 31)?, whole)
        }
    };
    if ctx.before && whole {
        // 下周前 / 下个月前 / 周末前: the last working day before the period starts (C9).
        let eve = start.yesterday().map_err(|_| ctx.out_of_range())?;
        let d = ctx
            .cal
            .last_on_or_before(eve, DayRule::Working)
            .map_err(|e| ctx.cal(e))?;
        return Ok(if d < today { Cand::Skip } else { Cand::Day(d) });
    }
    // The last working day inside the period, counting from today for the current one (C10).
    let from = start.max(today);
    if from > end {
        return Ok(Cand::Skip);
    }
    match ctx
        .cal
        .last_in(from, end, DayRule::Working)
        .map_err(|e| ctx.cal(e))?
    {
        Some(d) => Ok(Cand::Day(d)),
        None => Ok(Cand::Skip),
    }
}

/// The first day of the month a [`Sel`] names, for candidate `k`; None when out of candidates.
fn month_of(sel: Sel, k: i64, ctx: &Ctx<'_>) -> Result<Option<Date>, DeadlineError> {
    let this = ctx.today.first_of_month();
    Ok(Some(match sel {
        Sel::Fill if k < 3 => ctx.add_months(this, k)?,
        Sel::Offset(o) if k == 0 => ctx.add_months(this, o)?,
        Sel::Named { year, n } => {
            ctx.check_month(n)?;
            let y = match year {
                Some(y) if k == 0 => ctx.year(y)?,
                None if k < 2 => ctx.year(YearSpec::Rel(k))?,
                Some(_) | None => return Ok(None),
            };
            ctx.date(y, n, 1)?
        }
        Sel::Fill | Sel::Offset(_) => return Ok(None),
    }))
}

/// The clock time a [`Tod`] names (C4, C5).
fn time_of(t: Tod, ctx: &Ctx<'_>) -> Result<Time, DeadlineError> {
    let bad = || DeadlineError::NoSuchTime { input: ctx.input() };
    let Some(Clock {
        hour,
        minute,
        second,
        padded,
    }) = t.clock
    else {
        return match t.part {
            Some(Part::Morning | Part::WorkStart) => Ok(Time::constant(9, 0, 0, 0)),
            Some(Part::Forenoon | Part::Noon) => Ok(Time::constant(12, 0, 0, 0)),
            Some(Part::Afternoon | Part::WorkEnd) => Ok(Time::constant(18, 0, 0, 0)),
            Some(Part::Evening) => Ok(Time::constant(23, 59, 59, 0)),
            Some(Part::Dawn) => Err(ctx.ambiguous("请写明凌晨几点，例如“凌晨5点”")),
            Some(Part::Dusk) => Err(ctx.ambiguous("请写明傍晚几点，例如“傍晚6点”")),
            None => Err(bad()),
        };
    };
    if !(0..=59).contains(&minute) || !(0..=59).contains(&second) || !(0..=23).contains(&hour) {
        return Err(bad());
    }
    let hour = match t.part {
        None if (1..=6).contains(&hour) && !padded => hour + 12,
        None => hour,
        Some(Part::Afternoon | Part::Dusk | Part::Evening) => match hour {
            1..=11 => hour + 12,
            12 if matches!(t.part, Some(Part::Afternoon)) => 12,
            12 => return Err(ctx.ambiguous("请写成“晚上11:59”或“明天0点”")),
            13..=23 => hour,
            _ => return Err(bad()),
        },
        Some(Part::Noon) => match hour {
            1 | 2 => hour + 12,
            10..=14 => hour,
            _ => return Err(bad()),
        },
        Some(Part::Dawn) if hour <= 6 => hour,
        Some(Part::Morning | Part::Forenoon) if hour <= 12 => hour,
        Some(Part::Dawn | Part::Morning | Part::Forenoon) => return Err(bad()),
        Some(Part::WorkStart | Part::WorkEnd) => return Err(bad()),
    };
    let h = i8::try_from(hour).map_err(|_| bad())?;
    let m = i8::try_from(minute).map_err(|_| bad())?;
    let s = i8::try_from(second).map_err(|_| bad())?;
    Time::new(h, m, s, 0).map_err(|_| bad())
}
