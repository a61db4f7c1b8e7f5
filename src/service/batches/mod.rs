//! 下达 (issue 14): one item to many units. `/督办 下达 …` records the batch `XD-n` and queues
//! its roll-up card in the issuing chat ([`issue`]); the scheduler's [`Service::batches_tick`]
//! then fans it out, one unit per transaction (the child item, its unit index, its link to the
//! batch and its card together), so a restart finishes a fan-out and never posts a unit twice;
//! every write of a child item marks the roll-up, and the same tick PATCHes it, coalesced.
//! `下达 列表 / 取消 / 延期` and the roll-up's buttons are in `manage.rs` and `clicks.rs` (one
//! code path for both); settling a finished batch and re-posting a roll-up before Feishu's
//! 14-day update window closes are in `lifecycle.rs`.

mod clicks;
mod fanout;
mod issue;
mod lifecycle;
mod manage;
mod report;
mod rollup;

pub(crate) use self::issue::issue;
pub(crate) use self::manage::{cancel_command, extend_command, list};
pub(crate) use self::report::report;
pub(crate) use self::rollup::{render_rollup, rollup_delivered, show};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
