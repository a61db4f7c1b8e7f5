//! Units (issue 14): the registry kept in memory (the configuration plus the units bound in
//! chat, kept in sled), the unit an item belongs to (filed at creation, re-indexed on every
//! write), the item card with its unit, and the commands `/督办 绑定单位` and `/督办 单位 …`.

mod command;
mod registry;
mod start;

pub(crate) use self::command::{bind, units};
pub(crate) use self::start::registry_at_start;
