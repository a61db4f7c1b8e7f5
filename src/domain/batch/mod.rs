//! 下达 (pure): one task issued to many units at once. A batch `XD-n` records what was issued,
//! to which units, by whom, and the template every unit's ordinary item `DB-m` is made from.
//!
//! The fan-out is resumable: the batch lists its planned units in order, the store records
//! which of them already have their item ([`Batch::remaining`] tells the rest), and each unit's
//! item is created in the same transaction that records it, so a restart finishes the fan-out
//! and never gives a unit two items. [`rollup`] sums the children's states for the issuer's
//! card; [`target`] holds numeric targets and reported values.

pub mod rollup;
pub mod target;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{BatchId, ChatId, OpenId, Person};
use crate::domain::priority::Priority;
use crate::domain::supervision::{Item, NewItem};
use crate::domain::time::format_instant;
use crate::domain::unit::Unit;

pub use target::{Amount, Cmp, Report, Target, TargetError};

/// Owners named on the 下达 line, used for every unit instead of the unit's heads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owners {
    /// 主办.
    pub owner: Person,
    /// 协办.
    #[serde(default)]
    pub assistants: Vec<Person>,
}

/// What issuing a batch needs (the command's fields, the units already selected).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBatch {
    /// 事项.
    pub title: String,
    /// The chat it was issued in (the roll-up card goes there).
    pub chat_id: ChatId,
    /// 督办人.
    pub issuer: Person,
    /// `对象：…` as typed.
    pub selector: String,
    /// The selected units' names, in order.
    pub units: Vec<String>,
    /// 截止.
    pub deadline: Timestamp,
    /// Whether a time of day was given.
    pub deadline_has_time: bool,
    /// 指标.
    pub target: Option<Target>,
    /// 优先级.
    pub priority: Priority,
    /// Tags without `#`.
    pub tags: Vec<String>,
    /// 资源投入.
    pub resources: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// Owners named on the line (else each unit's heads).
    pub owners: Option<Owners>,
}

/// A batch's state. The children carry their own statuses; the batch is open until cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchStatus {
    /// Issued.
    Open,
    /// Cancelled by the issuer (every open child was cancelled with it).
    Cancelled,
}

/// A 下达 batch as stored (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    /// `XD-n`.
    pub id: BatchId,
    /// 事项.
    pub title: String,
    /// The issuing chat.
    pub chat_id: ChatId,
    /// 督办人: creator of every child item.
    pub issuer: Person,
    /// `对象：…` as typed.
    pub selector: String,
    /// The units, in order (the fan-out plan).
    pub units: Vec<String>,
    /// The deadline in force.
    pub deadline: Timestamp,
    /// Whether it has a time of day.
    #[serde(default)]
    pub deadline_has_time: bool,
    /// The deadline as issued, once extended.
    #[serde(default)]
    pub original_deadline: Option<Timestamp>,
    /// 指标.
    #[serde(default)]
    pub target: Option<Target>,
    /// 优先级.
    #[serde(default)]
    pub priority: Priority,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// 资源投入.
    #[serde(default)]
    pub resources: Option<String>,
    /// 场景.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Owners named on the line.
    #[serde(default)]
    pub owners: Option<Owners>,
    /// Open or cancelled.
    pub status: BatchStatus,
    /// Why it was cancelled.
    #[serde(default)]
    pub cancel_reason: Option<String>,
    /// Issued at.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
    /// Incremented on every change.
    #[serde(default)]
    pub version: u64,
}

/// Why a batch operation was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// Not an admin or configured issuer.
    #[error("只有管理员和登记的督办人可以下达事项")]
    MayNotIssue,
    /// Not the issuer or an admin.
    #[error("只有{}或管理员可以{what}", issuer_named(.issuer))]
    Forbidden {
        /// The issuer's name.
        issuer: String,
        /// 取消 / 延期.
        what: String,
    },
    /// No title.
    #[error("请写明下达的事项，例如：/督办 下达 完成反洗钱自查 对象：全部营业部 截止：周五")]
    EmptyTitle,
    /// No units.
    #[error("请写明下达对象，例如：对象：全部营业部、华东片区，或 @杭州营业部 @长沙营业部")]
    NoUnits,
    /// The deadline has passed.
    #[error("截止时间（{}）已经过去，请写一个将来的时间", format_instant(*.deadline))]
    DeadlinePassed {
        /// The deadline given.
        deadline: Timestamp,
    },
    /// Units with no head to own their item, when the line names no owner.
    #[error("这些单位还没有登记负责人：{}。请在下达时写明主办（@某人），或先用 /督办 绑定单位 补上负责人", .units.join("、"))]
    NoHeads {
        /// The units.
        units: Vec<String>,
    },
    /// Already cancelled.
    #[error("下达 {id} 已经取消了")]
    Cancelled {
        /// The batch.
        id: BatchId,
    },
    /// Cancelling needs a reason.
    #[error("取消下达时请写明原因，例如：/督办 下达 取消 XD-3 口径调整，重新下达")]
    MissingReason,
    /// An extension that does not extend.
    #[error("新的截止时间需要晚于当前截止时间（{}）和现在", format_instant(*.current))]
    NotLater {
        /// The deadline in force.
        current: Timestamp,
    },
}

/// `下达人（王总）`, or `下达人` when the name is not known.
fn issuer_named(name: &str) -> String {
    if name.trim().is_empty() {
        "下达人".to_owned()
    } else {
        format!("下达人（{name}）")
    }
}

/// Whether `who` may issue a 下达: admins and the configured issuers.
pub fn may_issue(who: &OpenId, admins: &[OpenId], issuers: &[OpenId]) -> Result<(), BatchError> {
    if admins.contains(who) || issuers.contains(who) {
        Ok(())
    } else {
        Err(BatchError::MayNotIssue)
    }
}

/// The units among `units` that have no head (they need owners named on the line).
pub fn units_without_heads<'a>(units: &[&'a Unit]) -> Vec<&'a str> {
    units
        .iter()
        .filter(|u| u.heads.is_empty())
        .map(|u| u.name.as_str())
        .collect()
}

impl Batch {
    /// A new open batch at version 1.
    ///
    /// # Errors
    /// [`BatchError::EmptyTitle`], [`BatchError::NoUnits`], [`BatchError::DeadlinePassed`].
    pub fn create(id: BatchId, new: NewBatch, now: Timestamp) -> Result<Self, BatchError> {
        let title = new.title.trim().to_owned();
        if title.is_empty() {
            return Err(BatchError::EmptyTitle);
        }
        if new.units.is_empty() {
            return Err(BatchError::NoUnits);
        }
        if new.deadline <= now {
            return Err(BatchError::DeadlinePassed {
                deadline: new.deadline,
            });
        }
        let mut units: Vec<String> = Vec::with_capacity(new.units.len());
        for u in new.units {
            if !units.contains(&u) {
                units.push(u);
            }
        }
        let text = |s: Option<String>| s.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(Self {
            id,
            title,
            chat_id: new.chat_id,
            issuer: new.issuer,
            selector: new.selector.trim().to_owned(),
            units,
            deadline: new.deadline,
            deadline_has_time: new.deadline_has_time,
            original_deadline: None,
            target: new.target,
            priority: new.priority,
            tags: new.tags,
            resources: text(new.resources),
            scenario: text(new.scenario),
            description: text(new.description),
            owners: new.owners,
            status: BatchStatus::Open,
            cancel_reason: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
    }

    /// The item `unit` gets: the batch's template in the unit's group, owned by the owners on
    /// the line or else by the unit's heads (`heads`: the unit's heads with their names, first
    /// = 主办).
    ///
    /// # Errors
    /// [`BatchError::NoHeads`] when neither names an owner.
    pub fn child(&self, unit: &Unit, heads: &[Person]) -> Result<NewItem, BatchError> {
        let (owner, assistants) = match (&self.owners, heads.split_first()) {
            (Some(o), _) => (o.owner.clone(), o.assistants.clone()),
            (None, Some((first, rest))) => (first.clone(), rest.to_vec()),
            (None, None) => {
                return Err(BatchError::NoHeads {
                    units: vec![unit.name.clone()],
                });
            }
        };
        Ok(NewItem {
            title: self.title.clone(),
            chat_id: unit.chat_id.clone(),
            creator: self.issuer.clone(),
            owner,
            assistants,
            deadline: self.deadline,
            deadline_has_time: self.deadline_has_time,
            priority: self.priority,
            tags: self.tags.clone(),
            resources: self.resources.clone(),
            scenario: self.scenario.clone(),
            description: self.description.clone(),
            source_message: None,
        })
    }

    /// The planned units that have no item yet (`created`: those that have), in plan order:
    /// what a resumed fan-out still has to do.
    pub fn remaining<'a>(&'a self, created: &[&str]) -> Vec<&'a str> {
        self.units
            .iter()
            .map(String::as_str)
            .filter(|u| !created.contains(u))
            .collect()
    }

    /// Whether `who` may cancel or extend it: the issuer or an admin.
    pub fn may_manage(&self, who: &OpenId, admins: &[OpenId], what: &str) -> Result<(), BatchError> {
        if self.issuer.open_id == *who || admins.contains(who) {
            Ok(())
        } else {
            Err(BatchError::Forbidden {
                issuer: self.issuer.name.clone(),
                what: what.to_owned(),
            })
        }
    }

    fn open(&self) -> Result<(), BatchError> {
        match self.status {
            BatchStatus::Open => Ok(()),
            BatchStatus::Cancelled => Err(BatchError::Cancelled { id: self.id }),
        }
    }

    /// The batch cancelled by `by` (the service then cancels every open child with `reason`).
    ///
    /// # Errors
    /// Not the issuer or an admin; no reason; already cancelled.
    pub fn cancel(
        &self,
        by: &OpenId,
        reason: &str,
        admins: &[OpenId],
        now: Timestamp,
    ) -> Result<Self, BatchError> {
        self.may_manage(by, admins, "取消下达")?;
        self.open()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(BatchError::MissingReason);
        }
        let mut b = self.clone();
        b.status = BatchStatus::Cancelled;
        b.cancel_reason = Some(reason.to_owned());
        b.updated_at = now;
        b.version += 1;
        Ok(b)
    }

    /// The batch with a later deadline for all (the service moves every open child's deadline).
    ///
    /// # Errors
    /// Not the issuer or an admin; cancelled; not later than the current deadline and now.
    pub fn extend(
        &self,
        by: &OpenId,
        deadline: Timestamp,
        has_time: bool,
        admins: &[OpenId],
        now: Timestamp,
    ) -> Result<Self, BatchError> {
        self.may_manage(by, admins, "延期下达")?;
        self.open()?;
        if deadline <= self.deadline || deadline <= now {
            return Err(BatchError::NotLater {
                current: self.deadline,
            });
        }
        let mut b = self.clone();
        b.original_deadline = Some(self.original_deadline.unwrap_or(self.deadline));
        b.deadline = deadline;
        b.deadline_has_time = has_time;
        b.updated_at = now;
        b.version += 1;
        Ok(b)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;

impl Report {
    /// Whether `who` may report on `item`: its 主办 or a 协办, or an admin.
    ///
    /// # Errors
    /// [`TargetError::Forbidden`] naming the 主办.
    pub fn may_report(item: &Item, who: &OpenId, admins: &[OpenId]) -> Result<(), TargetError> {
        let allowed = item.owner.open_id == *who
            || item.assistants.iter().any(|a| a.open_id == *who)
            || admins.contains(who);
        if allowed {
            Ok(())
        } else {
            Err(TargetError::Forbidden {
                owner: item.owner.name.clone(),
            })
        }
    }
}
