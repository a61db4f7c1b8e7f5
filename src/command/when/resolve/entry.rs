//! The entry: an expression → one deadline (C7 fill-forward, C8 refusal).

use jiff::SignedDuration;
use jiff::civil::{Date, Time};

use super::super::error::DeadlineError;
use super::super::grammar::Expr;

use super::ctx::*;
use super::day::*;
use crate::domain::deadline::Deadline;

use super::time::*;

/// Resolves `expr` relative to `ctx.now`.
pub(in crate::command::when) fn resolve(expr: Expr, ctx: &Ctx<'_>) -> Result<Deadline, DeadlineError> {
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

pub(in crate::command::when) fn check_annotation(
    annot: Option<u8>,
    date: Date,
    ctx: &Ctx<'_>,
) -> Result<(), DeadlineError> {
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
