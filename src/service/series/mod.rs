//! `/例会` meeting series: the commands ([`command`]), the pre-meeting card and 进展征集 on the
//! scheduler's clock ([`tick`]), and minutes attached to an occurrence ([`attach_minutes`]).

mod command;
mod tick;

pub(crate) use self::command::command;
pub(crate) use self::tick::{attach_minutes, delivered, materialize};
