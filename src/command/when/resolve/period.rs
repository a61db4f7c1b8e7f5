//! Periods: months, quarters, years and their parts.

use jiff::civil::Date;

use super::super::error::DeadlineError;
use super::super::grammar::{MonthPart, Period, Sel, YearSpec};
use crate::calendar::DayRule;

use super::ctx::*;

/// The `k`-th candidate of a period (C9/C10).
pub(in crate::command::when) fn period(p: &Period, k: i64, ctx: &Ctx<'_>) -> Result<Cand, DeadlineError> {
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
                // The conventions date 月初 and 上旬 only; the middle and last ten days are
                // refused rather than guessed.
                MonthPart::Mid10 | MonthPart::Last10 => {
                    return Err(ctx.ambiguous("“中旬”“下旬”没有约定的截止日，请写具体日期，如“3月20日前”"));
                }
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
pub(in crate::command::when) fn month_of(
    sel: Sel,
    k: i64,
    ctx: &Ctx<'_>,
) -> Result<Option<Date>, DeadlineError> {
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
