//! The item record as stored (JSON), how it is created, and the facts derived from it at `now`
//! (open, overdue, due soon): overdue (逾期) is never stored.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::deadline::DeadlineHint;
use crate::domain::ids::{ChatId, ItemId, MessageId, Person};
use crate::domain::item::ItemClass;
use crate::domain::okr::Alignment;
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::text::opt_text;
use crate::domain::time::local;

/// An open request by the owner to move the deadline (a sub-state, not a status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionRequest {
    /// The requested new deadline.
    pub deadline: Timestamp,
    /// Whether the user gave a time of day (otherwise 18:00 was assumed).
    #[serde(default)]
    pub has_time: bool,
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
    /// Who asked.
    pub requested_by: Person,
    /// When.
    pub requested_at: Timestamp,
}

/// What creating an item needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewItem {
    /// What is to be done.
    pub title: String,
    /// The chat it belongs to.
    pub chat_id: ChatId,
    /// 督办人.
    pub creator: Person,
    /// 主办.
    pub owner: Person,
    /// 协办.
    pub assistants: Vec<Person>,
    /// The deadline.
    pub deadline: Timestamp,
    /// Whether the user gave a time of day.
    pub deadline_has_time: bool,
    /// Priority.
    pub priority: Priority,
    /// Tags without the `#`.
    pub tags: Vec<String>,
    /// 资源投入 (what the work needs: people, days, budget).
    pub resources: Option<String>,
    /// 场景 (business context).
    pub scenario: Option<String>,
    /// Free description.
    pub description: Option<String>,
    /// The quoted message when the item was created by replying to one.
    pub source_message: Option<MessageId>,
}

impl NewItem {
    /// The five things every item has; the rest at its default (no 协办, a deadline without a
    /// time of day, P2, no tags, no resources, scenario, description or quoted message). Set
    /// more with struct update syntax: `NewItem { priority: Priority::P1, ..NewItem::new(…) }`.
    pub fn new(title: String, chat_id: ChatId, creator: Person, owner: Person, deadline: Timestamp) -> Self {
        Self {
            title,
            chat_id,
            creator,
            owner,
            assistants: vec![],
            deadline,
            deadline_has_time: false,
            priority: Priority::P2,
            tags: vec![],
            resources: None,
            scenario: None,
            description: None,
            source_message: None,
        }
    }
}

/// A 督办 item as stored (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `DB-n`.
    pub id: ItemId,
    /// The chat it belongs to.
    pub chat_id: ChatId,
    /// What is to be done.
    pub title: String,
    /// 督办人.
    pub creator: Person,
    /// 主办.
    pub owner: Person,
    /// 协办.
    #[serde(default)]
    pub assistants: Vec<Person>,
    /// The deadline.
    pub deadline: Timestamp,
    /// Whether the deadline has an explicit time of day.
    #[serde(default)]
    pub deadline_has_time: bool,
    /// Priority.
    #[serde(default)]
    pub priority: Priority,
    /// Tags without the `#`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// 资源投入.
    #[serde(default)]
    pub resources: Option<String>,
    /// 场景.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Free description.
    #[serde(default)]
    pub description: Option<String>,
    /// The quoted message when created by reply.
    #[serde(default)]
    pub source_message: Option<MessageId>,
    /// Lifecycle status.
    pub status: Status,
    /// 0–100.
    #[serde(default)]
    pub progress: u8,
    /// The latest progress note.
    #[serde(default)]
    pub latest_note: Option<String>,
    /// An open extension request.
    #[serde(default)]
    pub extension: Option<ExtensionRequest>,
    /// Creation time.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
    /// When the owner acknowledged (签收).
    #[serde(default)]
    pub acknowledged_at: Option<Timestamp>,
    /// When it was last submitted.
    #[serde(default)]
    pub submitted_at: Option<Timestamp>,
    /// When it was completed.
    #[serde(default)]
    pub completed_at: Option<Timestamp>,
    /// How many times it was nudged.
    #[serde(default)]
    pub nudge_count: u32,
    /// The last nudge.
    #[serde(default)]
    pub last_nudged_at: Option<Timestamp>,
    /// How many extensions were approved.
    #[serde(default)]
    pub extension_count: u32,
    /// The live card's message, once sent.
    #[serde(default)]
    pub card_message_id: Option<MessageId>,
    /// Incremented on every change (for optimistic concurrency in the store).
    #[serde(default)]
    pub version: u64,
    /// The latest 退回: shown on the live card (with the progress marked as returned) until
    /// the owner submits again.
    #[serde(default)]
    pub rejection: Option<Rejection>,
    /// The deadline before the first approved extension (`None`: never extended).
    #[serde(default)]
    pub original_deadline: Option<Timestamp>,
    /// The appraisal class: 承诺 (default), 挑战 or 突发. Always written (no
    /// `skip_serializing_if`: nudge records keep a postcard copy of the item).
    #[serde(default)]
    pub class: ItemClass,
    /// The OKR objective or key result this item is aligned with (对齐), with a snapshot of
    /// its text. Always written, like `class`.
    #[serde(default)]
    pub alignment: Option<Alignment>,
}

/// A 退回 by the 督办人: why, by whom, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// The reason given.
    pub reason: String,
    /// Who returned it.
    pub by: Person,
    /// When.
    pub at: Timestamp,
}

impl Item {
    /// A new item, 待签收, at version 1.
    pub fn create(id: ItemId, new: NewItem, now: Timestamp) -> Self {
        Self {
            id,
            chat_id: new.chat_id,
            title: new.title.trim().to_owned(),
            creator: new.creator,
            owner: new.owner,
            assistants: new.assistants,
            deadline: new.deadline,
            deadline_has_time: new.deadline_has_time,
            priority: new.priority,
            tags: new.tags,
            resources: opt_text(new.resources),
            scenario: opt_text(new.scenario),
            description: opt_text(new.description),
            source_message: new.source_message,
            status: Status::Pending,
            progress: 0,
            latest_note: None,
            extension: None,
            created_at: now,
            updated_at: now,
            acknowledged_at: None,
            submitted_at: None,
            completed_at: None,
            nudge_count: 0,
            last_nudged_at: None,
            extension_count: 0,
            card_message_id: None,
            version: 1,
            rejection: None,
            original_deadline: None,
            class: ItemClass::default(),
            alignment: None,
        }
    }

    /// The audit record for the creation itself (action key `create`).
    pub fn creation_record(&self, source: Source) -> AuditRecord {
        AuditRecord {
            at: self.created_at,
            actor: self.creator.clone(),
            action: "create".to_owned(),
            source,
            changes: vec![Change::new("status", "", self.status.label())],
            note: None,
        }
    }

    /// Whether work is still expected: 待签收, 进行中 or 待验收.
    pub fn is_open(&self) -> bool {
        match self.status {
            Status::Pending | Status::InProgress | Status::Submitted => true,
            Status::Done | Status::Cancelled => false,
        }
    }

    /// Whether the deadline has passed while the owner still has work to do (待签收 or 进行中;
    /// a 待验收 item waits on the creator, not the owner).
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        matches!(self.status, Status::Pending | Status::InProgress) && now > self.deadline
    }

    /// Whether the item is not overdue but due by the end of the next working day.
    pub fn is_due_soon(&self, now: Timestamp, cal: &Calendar) -> bool {
        if !matches!(self.status, Status::Pending | Status::InProgress) || self.is_overdue(now) {
            return false;
        }
        let today = local(now).date();
        match cal.nth_after(today, 1, DayRule::Working) {
            Ok(next) => local(self.deadline).date() <= next,
            Err(_) => now.duration_until(self.deadline) <= SignedDuration::from_hours(24),
        }
    }

    /// Working days after the deadline's date up to today (0 when not overdue).
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the span touches a year without calendar data.
    pub fn overdue_workdays(&self, now: Timestamp, cal: &Calendar) -> Result<u32, CalendarError> {
        if !self.is_overdue(now) {
            return Ok(0);
        }
        cal.count_between(local(self.deadline).date(), local(now).date(), DayRule::Working)
    }

    /// The relative deadline hint at `now`.
    pub fn deadline_hint(&self, now: Timestamp, cal: &Calendar) -> DeadlineHint {
        DeadlineHint::compute(self.deadline, now, cal)
    }
}
