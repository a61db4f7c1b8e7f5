//! The deadline grammar (pure): normalised text → [`Expr`], an unresolved description of the
//! deadline. Nothing here knows `now` or the calendar. Numbers are kept raw and validated by
//! `resolve`, so that `2月30日` is recognised (and refused there) instead of being taken for text.
//!
//! The whole input must be one expression: [`parse`] returns `None` when anything is left over,
//! which is what keeps `整理3份合同`, `10月份` or `下周一的会议材料` from becoming deadlines (C14).

mod basic;
mod dates;
mod days;
mod expr;
mod parse;
mod times;

pub(super) use expr::{Clock, Day, Expr, MonthPart, Part, Period, Sel, Tod, YearSpec};
pub(super) use parse::parse;
