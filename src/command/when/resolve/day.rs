//! Day candidates: named days, dates, holidays, the recent-past refusal.

use jiff::ToSpan;
use jiff::civil::Date;

use super::super::error::DeadlineError;
use super::super::grammar::{Day, YearSpec};
use crate::calendar::{CalendarError, DayRule};

use super::ctx::*;
use super::period::*;

/// The `k`-th candidate day of `day`.
pub(in crate::command::when) fn candidate(day: &Day, k: i64, ctx: &Ctx<'_>) -> Result<Cand, DeadlineError> {
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
        Day::NthOfMonth { offset, n, rule } => {
            let n = u32::try_from(n)
                .ok()
                .filter(|n| (1..=23).contains(n))
                .ok_or_else(|| ctx.out_of_range())?;
            let first = ctx.add_months(today.first_of_month(), offset)?;
            let eve = ctx.add_days(first, -1)?;
            only(ctx.cal.nth_after(eve, n, rule).map_err(|e| ctx.cal(e)))
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
        // `W37`: that week's Friday this year, or next year's once it is past.
        Day::IsoWeek(w) => {
            if k > 0 {
                return Ok(Cand::End);
            }
            let week = i8::try_from(w).map_err(|_| ctx.out_of_range())?;
            let friday = |y: i16| {
                jiff::civil::ISOWeekDate::new(y, week, jiff::civil::Weekday::Friday)
                    .map(jiff::civil::ISOWeekDate::date)
                    .map_err(|_| ctx.out_of_range())
            };
            let this = friday(today.year())?;
            if this >= today {
                Ok(Cand::Day(this))
            } else {
                friday(today.year() + 1).map(Cand::Day)
            }
        }
    }
}

pub(in crate::command::when) fn date_candidate(
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
pub(in crate::command::when) fn refuse_recent_past(
    month: i64,
    day: i64,
    ctx: &Ctx<'_>,
) -> Result<(), DeadlineError> {
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
pub(in crate::command::when) fn holiday(
    name: Option<&str>,
    after: Option<(i64, DayRule)>,
    ctx: &Ctx<'_>,
) -> Result<Date, DeadlineError> {
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
    // `国庆节后5个工作日内` said the day after that block: that block, while the day is still ahead.
    if name.is_some()
        && let Ok(blocks) = ctx.cal.holiday_blocks(today.year())
        && let Some(b) = blocks
            .into_iter()
            .rev()
            .find(|b| b.end < today && name.is_none_or(|n| b.name == n))
        && let Ok(d) = ctx.cal.nth_after(b.end, n, rule)
        && d >= today
    {
        return Ok(d);
    }
    let block = ctx.cal.next_block(name, today).map_err(|e| ctx.cal(e))?;
    ctx.cal.nth_after(block.end, n, rule).map_err(|e| ctx.cal(e))
}
