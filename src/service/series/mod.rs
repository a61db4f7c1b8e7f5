//! `/例会` meeting series: the commands ([`command`]), the pre-meeting card and 进展征集 on the
//! scheduler's clock ([`tick`]), and minutes attached to an occurrence ([`attach_minutes`]).

mod asks;
mod attach;
mod command;
mod tick;

pub(crate) use self::attach::attach_minutes;
pub(crate) use self::command::command;
pub(crate) use self::tick::{delivered, materialize};
