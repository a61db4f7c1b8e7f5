//! The 考评 pack (pure): per person and period, the evidence the firm's "OKR + 绩效" reviews
//! ask for, by item class (承诺 / 挑战 / 突发), with the items behind every figure, the aligned
//! OKRs (an optional input) and the 标杆 / 负面 behaviour records.
//!
//! - `window`: [`Window`], 本月 / 上月 / 本季度 / 上季度 / 今年 (the first three read as
//!   统计 reads them);
//! - `behaviour`: the catalogue ([`Behaviour`], [`BehaviourKind`]) and the records
//!   ([`BehaviourRecord`]);
//! - `access`: who may see a person's pack and records, and who may record ([`Access`]);
//! - `pack`: [`pack`], [`Pack`], [`Figure`], the facts the service gathers ([`ItemFacts`]).

mod access;
mod behaviour;
mod pack;
mod window;

pub use self::access::{Access, LeaderRule};
pub use self::behaviour::{Behaviour, BehaviourKind, BehaviourRecord, Catalogue, RecordComment, RecordId};
pub use self::pack::{AlignedOkr, ClassFigures, Figure, ItemFacts, Pack, pack};
pub use self::window::Window;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
