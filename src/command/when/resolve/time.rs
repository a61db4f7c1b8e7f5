//! Times of day.

use jiff::civil::Time;

use super::super::error::DeadlineError;
use super::super::grammar::{Clock, Part, Tod};

use super::ctx::*;

/// The clock time a [`Tod`] names (C4, C5).
pub(in crate::command::when) fn time_of(t: Tod, ctx: &Ctx<'_>) -> Result<Time, DeadlineError> {
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
