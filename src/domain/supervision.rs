//! 督办 items (pure): the record, its lifecycle and the derived deadline facts.
//!
//! [`Item::apply`] is the only way an item changes. It checks the permissions table
//! ([`crate::domain::permissions::rule_for`]), then performs the transition, and returns the new
//! item together with its [`AuditRecord`]. Overdue (逾期) is never stored: it is derived from the
//! deadline and `now`. Times are stored as UTC instants and shown in Asia/Shanghai
//! ([`crate::domain::time`]).

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::deadline::DeadlineHint;
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person};
use crate::domain::permissions::{ActionKind, Roles, rule_for, who_may};
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::time::{format_datetime, format_instant, local};

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

/// Something a person does to an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// 签收
    Acknowledge,
    /// 更新进展
    Progress {
        /// New completion percentage.
        percent: Option<u8>,
        /// What was done.
        note: Option<String>,
    },
    /// 提交完成
    Submit {
        /// A closing note.
        note: Option<String>,
    },
    /// 验收
    Accept,
    /// 退回
    Reject {
        /// Why (required).
        reason: String,
    },
    /// 申请延期
    RequestExtension {
        /// The new deadline.
        deadline: Timestamp,
        /// Whether a time of day was given.
        has_time: bool,
        /// Why.
        reason: Option<String>,
    },
    /// 批准延期
    ApproveExtension,
    /// 拒绝延期
    RejectExtension {
        /// Why.
        reason: Option<String>,
    },
    /// 催办
    Nudge,
    /// 转交
    Reassign {
        /// The new owner.
        to: Person,
    },
    /// 取消
    Cancel {
        /// Why.
        reason: Option<String>,
    },
}

impl Action {
    /// The kind, without arguments.
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::Acknowledge => ActionKind::Acknowledge,
            Self::Progress { .. } => ActionKind::Progress,
            Self::Submit { .. } => ActionKind::Submit,
            Self::Accept => ActionKind::Accept,
            Self::Reject { .. } => ActionKind::Reject,
            Self::RequestExtension { .. } => ActionKind::RequestExtension,
            Self::ApproveExtension => ActionKind::ApproveExtension,
            Self::RejectExtension { .. } => ActionKind::RejectExtension,
            Self::Nudge => ActionKind::Nudge,
            Self::Reassign { .. } => ActionKind::Reassign,
            Self::Cancel { .. } => ActionKind::Cancel,
        }
    }
}

/// Tenant-wide rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// `true` (default): 提交完成 waits for the creator's 验收; `false`: submit goes to Done.
    pub require_acceptance: bool,
    /// Minimum time between two nudges of the same item (default 1 hour).
    pub nudge_cooldown: SignedDuration,
    /// Admins: may do whatever a creator may, on every item.
    pub admins: Vec<OpenId>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            require_acceptance: true,
            nudge_cooldown: SignedDuration::from_hours(1),
            admins: Vec::new(),
        }
    }
}

/// The person performing an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Who.
    pub person: Person,
}

/// Why an action was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The action does not apply in the item's status.
    #[error("{}", wrong_state_message(*.action, *.status))]
    WrongState {
        /// The refused action.
        action: ActionKind,
        /// The item's status.
        status: Status,
    },
    /// The actor holds none of the roles the action needs.
    #[error("只有{who}可以{}", .action.label())]
    Forbidden {
        /// The refused action.
        action: ActionKind,
        /// Who may, named (e.g. `督办人（李四）或管理员`).
        who: String,
    },
    /// A percentage above 100.
    #[error("进度应在0%到100%之间，收到的是{percent}%")]
    InvalidPercent {
        /// The value given.
        percent: u8,
    },
    /// A progress update with neither a note nor a percentage.
    #[error("请写明进展说明或完成百分比，例如：/督办 进展 DB-12 60% 已完成初稿")]
    EmptyProgress,
    /// A reason is required.
    #[error("{}时请写明原因", .action.label())]
    MissingReason {
        /// The action.
        action: ActionKind,
    },
    /// An extension request is already waiting.
    #[error("已有一个延期申请（延至{}）在等待督办人处理，请勿重复申请", format_instant(*.requested))]
    ExtensionPending {
        /// The pending request's deadline.
        requested: Timestamp,
    },
    /// No extension request to decide on.
    #[error("当前没有待处理的延期申请")]
    NoExtensionPending,
    /// The requested deadline is not later than the current one (or than now).
    #[error("新的截止时间需要晚于当前截止时间（{}）和现在", format_instant(*.current))]
    ExtensionNotLater {
        /// The current deadline.
        current: Timestamp,
    },
    /// Nudged too recently.
    #[error("刚刚已经催办过了，请在{}之后再催办", format_instant(*.again_at))]
    NudgeTooSoon {
        /// The earliest time the next nudge is accepted.
        again_at: Timestamp,
    },
    /// Reassigning to the current owner.
    #[error("{name}已经是主办了")]
    SameOwner {
        /// The owner's name.
        name: String,
    },
}

fn wrong_state_message(action: ActionKind, status: Status) -> String {
    let verb = action.label();
    match (status, action) {
        (Status::Done, _) => format!("事项已完成，不能再{verb}"),
        (Status::Cancelled, _) => format!("事项已取消，不能再{verb}"),
        (Status::InProgress | Status::Submitted, ActionKind::Acknowledge) => "事项已经签收过了".to_owned(),
        (Status::Submitted, _) => format!("事项已提交完成，正在等待验收，暂时不能{verb}"),
        (Status::Pending | Status::InProgress, ActionKind::Accept | ActionKind::Reject) => {
            format!("事项还没有提交完成，暂时不能{verb}")
        }
        (Status::Pending | Status::InProgress, _) => {
            format!("事项当前为“{}”，不能{verb}", status.label())
        }
    }
}

fn opt_text(s: Option<String>) -> Option<String> {
    s.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

fn names(people: &[Person]) -> String {
    let v: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    v.join("、")
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

    /// The roles `who` holds on this item.
    pub fn role_of(&self, who: &OpenId, policy: &Policy) -> Roles {
        Roles {
            creator: self.creator.open_id == *who,
            owner: self.owner.open_id == *who,
            assistant: self.assistants.iter().any(|p| p.open_id == *who),
            admin: policy.admins.contains(who),
        }
    }

    /// Whether `who` may perform an action of `kind` on the item in its current status (the
    /// first check of [`Self::apply`]; also asked before a form is opened for `who`).
    ///
    /// # Errors
    /// [`TransitionError::WrongState`] or [`TransitionError::Forbidden`], saying who may.
    pub fn may(&self, kind: ActionKind, who: &OpenId, policy: &Policy) -> Result<(), TransitionError> {
        let rule = rule_for(kind);
        if !rule.states.contains(&self.status) {
            return Err(TransitionError::WrongState {
                action: kind,
                status: self.status,
            });
        }
        if !self.role_of(who, policy).any_of(rule.roles) {
            return Err(TransitionError::Forbidden {
                action: kind,
                who: who_may(kind, &self.creator, &self.owner),
            });
        }
        Ok(())
    }

    /// Performs `action` by `actor` at `now`.
    ///
    /// # Errors
    /// A [`TransitionError`] when the action does not apply in this status, the actor may not
    /// perform it, or its arguments are invalid; the item is then unchanged.
    pub fn apply(
        &self,
        action: Action,
        actor: &Actor,
        policy: &Policy,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), TransitionError> {
        let kind = action.kind();
        let wrong_state = TransitionError::WrongState {
            action: kind,
            status: self.status,
        };
        self.may(kind, &actor.person.open_id, policy)?;
        let roles = self.role_of(&actor.person.open_id, policy);

        let mut next = self.clone();
        let mut note: Option<String> = None;
        use Status::{Cancelled, Done, InProgress, Pending, Submitted};
        match (self.status, action) {
            (Pending, Action::Acknowledge) => next.acknowledge(now),
            (InProgress | Submitted | Done | Cancelled, Action::Acknowledge) => {
                return Err(wrong_state);
            }

            (Pending | InProgress, Action::Progress { percent, note: n }) => {
                let n = opt_text(n);
                if let Some(p) = percent.filter(|p| *p > 100) {
                    return Err(TransitionError::InvalidPercent { percent: p });
                }
                if percent.is_none() && n.is_none() {
                    return Err(TransitionError::EmptyProgress);
                }
                if roles.owner {
                    next.acknowledge(now);
                }
                if let Some(p) = percent {
                    next.progress = p;
                }
                if n.is_some() {
                    next.latest_note.clone_from(&n);
                }
                note = n;
            }
            (Submitted | Done | Cancelled, Action::Progress { .. }) => return Err(wrong_state),

            (Pending | InProgress, Action::Submit { note: n }) => {
                let n = opt_text(n);
                next.acknowledge(now);
                next.extension = None;
                next.rejection = None;
                next.progress = 100;
                if n.is_some() {
                    next.latest_note.clone_from(&n);
                }
                next.submitted_at = Some(now);
                if policy.require_acceptance {
                    next.status = Submitted;
                } else {
                    next.status = Done;
                    next.completed_at = Some(now);
                }
                note = n;
            }
            (Submitted | Done | Cancelled, Action::Submit { .. }) => return Err(wrong_state),

            (Submitted, Action::Accept) => {
                next.status = Done;
                next.completed_at = Some(now);
            }
            (Pending | InProgress | Done | Cancelled, Action::Accept) => return Err(wrong_state),

            (Submitted, Action::Reject { reason }) => {
                let Some(reason) = opt_text(Some(reason)) else {
                    return Err(TransitionError::MissingReason { action: kind });
                };
                next.status = InProgress;
                next.submitted_at = None;
                next.rejection = Some(Rejection {
                    reason: reason.clone(),
                    by: actor.person.clone(),
                    at: now,
                });
                note = Some(reason);
            }
            (Pending | InProgress | Done | Cancelled, Action::Reject { .. }) => {
                return Err(wrong_state);
            }

            (
                Pending | InProgress,
                Action::RequestExtension {
                    deadline,
                    has_time,
                    reason,
                },
            ) => {
                if let Some(ext) = &self.extension {
                    return Err(TransitionError::ExtensionPending {
                        requested: ext.deadline,
                    });
                }
                if deadline <= self.deadline || deadline <= now {
                    return Err(TransitionError::ExtensionNotLater {
                        current: self.deadline,
                    });
                }
                next.acknowledge(now);
                let reason = opt_text(reason);
                next.extension = Some(ExtensionRequest {
                    deadline,
                    has_time,
                    reason: reason.clone(),
                    requested_by: actor.person.clone(),
                    requested_at: now,
                });
                note = reason;
            }
            (Submitted | Done | Cancelled, Action::RequestExtension { .. }) => {
                return Err(wrong_state);
            }

            (Pending | InProgress, Action::ApproveExtension) => {
                let Some(ext) = self.extension.clone() else {
                    return Err(TransitionError::NoExtensionPending);
                };
                next.original_deadline.get_or_insert(self.deadline);
                next.deadline = ext.deadline;
                next.deadline_has_time = ext.has_time;
                next.extension = None;
                next.extension_count = next.extension_count.saturating_add(1);
            }
            (Submitted | Done | Cancelled, Action::ApproveExtension) => return Err(wrong_state),

            (Pending | InProgress, Action::RejectExtension { reason }) => {
                if self.extension.is_none() {
                    return Err(TransitionError::NoExtensionPending);
                }
                next.extension = None;
                note = opt_text(reason);
            }
            (Submitted | Done | Cancelled, Action::RejectExtension { .. }) => {
                return Err(wrong_state);
            }

            (Pending | InProgress, Action::Nudge) => {
                if let Some(last) = self.last_nudged_at {
                    let again_at = last.saturating_add(policy.nudge_cooldown).unwrap_or(last);
                    if now < again_at {
                        return Err(TransitionError::NudgeTooSoon { again_at });
                    }
                }
                next.nudge_count = next.nudge_count.saturating_add(1);
                next.last_nudged_at = Some(now);
            }
            (Submitted | Done | Cancelled, Action::Nudge) => return Err(wrong_state),

            (Pending | InProgress, Action::Reassign { to }) => {
                if to.open_id == self.owner.open_id {
                    return Err(TransitionError::SameOwner { name: to.name });
                }
                next.assistants.retain(|p| p.open_id != to.open_id);
                next.owner = to;
                next.status = Pending;
                next.acknowledged_at = None;
                next.extension = None;
            }
            (Submitted | Done | Cancelled, Action::Reassign { .. }) => return Err(wrong_state),

            (Pending | InProgress | Submitted, Action::Cancel { reason }) => {
                next.status = Cancelled;
                next.extension = None;
                note = opt_text(reason);
            }
            (Done | Cancelled, Action::Cancel { .. }) => return Err(wrong_state),
        }

        next.updated_at = now;
        next.version = self.version.saturating_add(1);
        let record = AuditRecord {
            at: now,
            actor: actor.person.clone(),
            action: kind.key().to_owned(),
            source,
            changes: self.diff(&next, now),
            note,
        };
        Ok((next, record))
    }

    /// Marks a 待签收 item as acknowledged (no-op otherwise).
    fn acknowledge(&mut self, now: Timestamp) {
        if self.status == Status::Pending {
            self.status = Status::InProgress;
            self.acknowledged_at = Some(now);
        }
    }

    /// The user-visible field changes from `self` to `next`.
    fn diff(&self, next: &Self, now: Timestamp) -> Vec<Change> {
        let mut out = Vec::new();
        if self.status != next.status {
            out.push(Change::new("status", self.status.label(), next.status.label()));
        }
        if self.progress != next.progress {
            out.push(Change::new(
                "progress",
                format!("{}%", self.progress),
                format!("{}%", next.progress),
            ));
        }
        if self.latest_note != next.latest_note {
            out.push(Change::new(
                "latest_note",
                self.latest_note.clone().unwrap_or_default(),
                next.latest_note.clone().unwrap_or_default(),
            ));
        }
        if self.deadline != next.deadline {
            out.push(Change::new(
                "deadline",
                format_datetime(self.deadline, now),
                format_datetime(next.deadline, now),
            ));
        }
        if self.owner != next.owner {
            out.push(Change::new("owner", &self.owner.name, &next.owner.name));
        }
        if self.assistants != next.assistants {
            out.push(Change::new(
                "assistants",
                names(&self.assistants),
                names(&next.assistants),
            ));
        }
        let ext = |e: &Option<ExtensionRequest>| {
            e.as_ref()
                .map(|e| format!("申请延至{}", format_datetime(e.deadline, now)))
                .unwrap_or_default()
        };
        if self.extension != next.extension {
            out.push(Change::new(
                "extension",
                ext(&self.extension),
                ext(&next.extension),
            ));
        }
        if self.nudge_count != next.nudge_count {
            out.push(Change::new(
                "nudge_count",
                self.nudge_count.to_string(),
                next.nudge_count.to_string(),
            ));
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::audit::Source;
    use crate::domain::permissions::ActionKind as K;
    use crate::domain::time::SHANGHAI;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn person(n: &str) -> Person {
        Person {
            open_id: OpenId(format!("ou_{n}")),
            name: n.to_owned(),
        }
    }

    fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> Timestamp {
        SHANGHAI.to_timestamp(date(y, m, d).at(h, min, 0, 0)).unwrap()
    }

    /// Wednesday 2026-11-25 10:00.
    fn now() -> Timestamp {
        at(2026, 11, 25, 10, 0)
    }

    fn policy() -> Policy {
        Policy {
            admins: vec![person("admin").open_id],
            ..Policy::default()
        }
    }

    fn actor(n: &str) -> Actor {
        Actor { person: person(n) }
    }

    fn new_item() -> Item {
        Item::create(
            ItemId(12),
            NewItem {
                title: "  完成三季度合规自查报告 ".to_owned(),
                chat_id: ChatId("oc_1".to_owned()),
                creator: person("creator"),
                owner: person("owner"),
                assistants: vec![person("assistant")],
                deadline: at(2026, 11, 30, 18, 0),
                deadline_has_time: false,
                priority: Priority::P1,
                tags: vec!["合规".to_owned()],
                resources: Some("  ".to_owned()),
                scenario: None,
                description: Some("见附件".to_owned()),
                source_message: None,
            },
            at(2026, 11, 24, 9, 0),
        )
    }

    fn in_state(status: Status) -> Item {
        let mut it = new_item();
        it.status = status;
        it
    }

    fn src() -> Source {
        Source::Message(MessageId("om_1".to_owned()))
    }

    fn run(item: &Item, action: Action, who: &str) -> Result<(Item, AuditRecord), TransitionError> {
        item.apply(action, &actor(who), &policy(), now(), src())
    }

    fn sample_action(kind: K, item: &Item) -> Action {
        match kind {
            K::Acknowledge => Action::Acknowledge,
            K::Progress => Action::Progress {
                percent: Some(50),
                note: Some("初稿完成".to_owned()),
            },
            K::Submit => Action::Submit { note: None },
            K::Accept => Action::Accept,
            K::Reject => Action::Reject {
                reason: "缺少附件".to_owned(),
            },
            K::RequestExtension => Action::RequestExtension {
                deadline: item.deadline.checked_add(SignedDuration::from_hours(72)).unwrap(),
                has_time: false,
                reason: Some("等待监管口径".to_owned()),
            },
            K::ApproveExtension => Action::ApproveExtension,
            K::RejectExtension => Action::RejectExtension { reason: None },
            K::Nudge => Action::Nudge,
            K::Reassign => Action::Reassign { to: person("newbie") },
            K::Cancel => Action::Cancel { reason: None },
        }
    }

    /// The expected permissions, written out by hand (NOT derived from `rule_for`). Columns:
    /// creator, owner, assistant, admin, outsider; each a string over the statuses
    /// 待签收 进行中 待验收 已完成 已取消, `x` = allowed, `.` = refused.
    const EXPECTED: &[(K, [&str; 5])] = &[
        (K::Acknowledge, [".....", "x....", ".....", ".....", "....."]),
        (K::Progress, [".....", "xx...", "xx...", ".....", "....."]),
        (K::Submit, [".....", "xx...", ".....", ".....", "....."]),
        (K::Accept, ["..x..", ".....", ".....", "..x..", "....."]),
        (K::Reject, ["..x..", ".....", ".....", "..x..", "....."]),
        (K::RequestExtension, [".....", "xx...", ".....", ".....", "....."]),
        (K::ApproveExtension, ["xx...", ".....", ".....", "xx...", "....."]),
        (K::RejectExtension, ["xx...", ".....", ".....", "xx...", "....."]),
        (K::Nudge, ["xx...", ".....", ".....", "xx...", "....."]),
        (K::Reassign, ["xx...", ".....", ".....", "xx...", "....."]),
        (K::Cancel, ["xxx..", ".....", ".....", "xxx..", "....."]),
    ];

    #[test]
    fn every_state_action_and_role_combination_matches_the_expected_table() {
        let who = ["creator", "owner", "assistant", "admin", "outsider"];
        assert_eq!(EXPECTED.len(), K::ALL.len());
        let mut checked = 0;
        for (kind, columns) in EXPECTED {
            for (role_name, states) in who.iter().zip(columns) {
                for (status, flag) in Status::ALL.iter().zip(states.chars()) {
                    let mut item = in_state(*status);
                    if matches!(kind, K::ApproveExtension | K::RejectExtension) {
                        item.extension = Some(ExtensionRequest {
                            deadline: at(2026, 12, 4, 18, 0),
                            has_time: false,
                            reason: None,
                            requested_by: person("owner"),
                            requested_at: now(),
                        });
                    }
                    let result = run(&item, sample_action(*kind, &item), role_name);
                    let ctx = format!("{kind:?} by {role_name} on {status:?}");
                    match (flag, result) {
                        ('x', Ok((next, rec))) => {
                            assert_eq!(rec.action, kind.key(), "{ctx}");
                            assert_eq!(next.version, item.version + 1, "{ctx}");
                        }
                        ('.', Err(TransitionError::WrongState { .. }))
                        | ('.', Err(TransitionError::Forbidden { .. })) => {}
                        (_, other) => panic!("{ctx}: unexpected {other:?}"),
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 11 * 5 * 5);
    }

    #[test]
    fn a_new_item_is_pending_and_trimmed() {
        let it = new_item();
        assert_eq!(it.status, Status::Pending);
        assert_eq!(it.title, "完成三季度合规自查报告");
        assert_eq!(it.resources, None);
        assert_eq!(it.version, 1);
        assert!(it.is_open());
        assert_eq!(it.creation_record(Source::System).action, "create");
    }

    #[test]
    fn the_owner_acknowledges_a_pending_item() {
        let (next, rec) = run(&new_item(), Action::Acknowledge, "owner").unwrap();
        assert_eq!(next.status, Status::InProgress);
        assert_eq!(next.acknowledged_at, Some(now()));
        assert_eq!(rec.changes, vec![Change::new("status", "待签收", "进行中")]);
        assert_eq!(rec.actor, person("owner"));
        assert_eq!(rec.source, src());
    }

    #[test]
    fn acknowledging_twice_says_it_was_already_done() {
        let err = run(&in_state(Status::InProgress), Action::Acknowledge, "owner").unwrap_err();
        assert_eq!(err.to_string(), "事项已经签收过了");
    }

    #[test]
    fn progress_by_the_owner_on_a_pending_item_also_acknowledges() {
        let action = Action::Progress {
            percent: Some(60),
            note: Some(" 已完成初稿 ".to_owned()),
        };
        let (next, rec) = run(&new_item(), action, "owner").unwrap();
        assert_eq!(next.status, Status::InProgress);
        assert_eq!(next.progress, 60);
        assert_eq!(next.latest_note.as_deref(), Some("已完成初稿"));
        assert_eq!(rec.note.as_deref(), Some("已完成初稿"));
        assert_eq!(rec.changes.len(), 3);
    }

    #[test]
    fn progress_by_an_assistant_leaves_a_pending_item_pending() {
        let action = Action::Progress {
            percent: None,
            note: Some("资料已收集".to_owned()),
        };
        let (next, _) = run(&new_item(), action, "assistant").unwrap();
        assert_eq!(next.status, Status::Pending);
        assert_eq!(next.progress, 0);
        assert_eq!(next.latest_note.as_deref(), Some("资料已收集"));
    }

    #[test]
    fn progress_above_100_or_empty_is_refused() {
        let it = in_state(Status::InProgress);
        let err = run(
            &it,
            Action::Progress {
                percent: Some(120),
                note: None,
            },
            "owner",
        )
        .unwrap_err();
        assert_eq!(err, TransitionError::InvalidPercent { percent: 120 });
        let err = run(
            &it,
            Action::Progress {
                percent: None,
                note: Some("  ".to_owned()),
            },
            "owner",
        )
        .unwrap_err();
        assert_eq!(err, TransitionError::EmptyProgress);
    }

    #[test]
    fn submitting_waits_for_acceptance_by_default() {
        let (next, rec) = run(
            &in_state(Status::InProgress),
            Action::Submit {
                note: Some("报告已上传".to_owned()),
            },
            "owner",
        )
        .unwrap();
        assert_eq!(next.status, Status::Submitted);
        assert_eq!(next.progress, 100);
        assert_eq!(next.submitted_at, Some(now()));
        assert_eq!(next.completed_at, None);
        assert!(
            rec.changes
                .iter()
                .any(|c| c.field == "status" && c.after == "待验收")
        );
    }

    #[test]
    fn without_acceptance_a_submit_completes_the_item() {
        let p = Policy {
            require_acceptance: false,
            ..policy()
        };
        let (next, _) = new_item()
            .apply(Action::Submit { note: None }, &actor("owner"), &p, now(), src())
            .unwrap();
        assert_eq!(next.status, Status::Done);
        assert_eq!(next.completed_at, Some(now()));
        assert_eq!(next.acknowledged_at, Some(now()));
        assert!(!next.is_open());
    }

    #[test]
    fn accepting_completes_and_rejecting_sends_back_with_a_reason() {
        let it = in_state(Status::Submitted);
        let (done, _) = run(&it, Action::Accept, "creator").unwrap();
        assert_eq!(done.status, Status::Done);
        assert_eq!(done.completed_at, Some(now()));

        let (back, rec) = run(
            &it,
            Action::Reject {
                reason: "缺少附件".to_owned(),
            },
            "admin",
        )
        .unwrap();
        assert_eq!(back.status, Status::InProgress);
        assert_eq!(back.submitted_at, None);
        assert_eq!(rec.note.as_deref(), Some("缺少附件"));

        let err = run(
            &it,
            Action::Reject {
                reason: " ".to_owned(),
            },
            "creator",
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "退回时请写明原因");
    }

    #[test]
    fn an_unauthorized_accept_says_who_can() {
        let err = run(&in_state(Status::Submitted), Action::Accept, "owner").unwrap_err();
        assert_eq!(err.to_string(), "只有督办人（creator）或管理员可以验收");
    }

    #[test]
    fn done_items_refuse_everything_politely() {
        let err = run(&in_state(Status::Done), Action::Nudge, "creator").unwrap_err();
        assert_eq!(err.to_string(), "事项已完成，不能再催办");
        let err = run(&in_state(Status::Cancelled), Action::Accept, "creator").unwrap_err();
        assert_eq!(err.to_string(), "事项已取消，不能再验收");
    }

    #[test]
    fn the_extension_flow_moves_the_deadline_once_approved() {
        let it = in_state(Status::InProgress);
        let new_deadline = at(2026, 12, 4, 18, 0);
        let ask = Action::RequestExtension {
            deadline: new_deadline,
            has_time: false,
            reason: Some("等待监管口径".to_owned()),
        };
        let (asked, rec) = run(&it, ask.clone(), "owner").unwrap();
        assert_eq!(asked.deadline, it.deadline, "a request alone changes nothing");
        assert_eq!(asked.extension.as_ref().map(|e| e.deadline), Some(new_deadline));
        assert_eq!(rec.note.as_deref(), Some("等待监管口径"));

        let err = run(&asked, ask, "owner").unwrap_err();
        assert!(matches!(err, TransitionError::ExtensionPending { .. }));

        let (approved, rec) = run(&asked, Action::ApproveExtension, "creator").unwrap();
        assert_eq!(approved.deadline, new_deadline);
        assert_eq!(approved.extension, None);
        assert_eq!(approved.extension_count, 1);
        let change = rec.changes.iter().find(|c| c.field == "deadline").unwrap();
        assert_eq!(change.before, "11月30日（周一）18:00");
        assert_eq!(change.after, "12月4日（周五）18:00");

        let (rejected, _) = run(&asked, Action::RejectExtension { reason: None }, "admin").unwrap();
        assert_eq!(rejected.deadline, it.deadline);
        assert_eq!(rejected.extension, None);
        assert_eq!(rejected.extension_count, 0);

        let err = run(&it, Action::ApproveExtension, "creator").unwrap_err();
        assert_eq!(err, TransitionError::NoExtensionPending);
    }

    #[test]
    fn an_extension_must_be_later_than_the_deadline_and_now() {
        let it = in_state(Status::InProgress);
        let earlier = Action::RequestExtension {
            deadline: at(2026, 11, 29, 18, 0),
            has_time: false,
            reason: None,
        };
        let err = run(&it, earlier, "owner").unwrap_err();
        assert_eq!(
            err.to_string(),
            "新的截止时间需要晚于当前截止时间（11月30日（周一）18:00）和现在"
        );
        let mut overdue = it;
        overdue.deadline = at(2026, 11, 20, 18, 0);
        let still_past = Action::RequestExtension {
            deadline: at(2026, 11, 24, 18, 0),
            has_time: false,
            reason: None,
        };
        assert!(matches!(
            run(&overdue, still_past, "owner"),
            Err(TransitionError::ExtensionNotLater { .. })
        ));
    }

    #[test]
    fn nudging_respects_the_cooldown_and_says_when_to_retry() {
        let it = in_state(Status::InProgress);
        let (once, rec) = run(&it, Action::Nudge, "creator").unwrap();
        assert_eq!(once.nudge_count, 1);
        assert_eq!(once.last_nudged_at, Some(now()));
        assert_eq!(rec.changes, vec![Change::new("nudge_count", "0", "1")]);

        let soon = now().checked_add(SignedDuration::from_mins(30)).unwrap();
        let err = once
            .apply(Action::Nudge, &actor("creator"), &policy(), soon, src())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "刚刚已经催办过了，请在11月25日（周三）11:00之后再催办"
        );

        let later = now().checked_add(SignedDuration::from_hours(1)).unwrap();
        let (twice, _) = once
            .apply(Action::Nudge, &actor("admin"), &policy(), later, src())
            .unwrap();
        assert_eq!(twice.nudge_count, 2);
    }

    #[test]
    fn reassigning_makes_the_new_owner_acknowledge_again() {
        let mut it = in_state(Status::InProgress);
        it.acknowledged_at = Some(now());
        let (next, rec) = run(
            &it,
            Action::Reassign {
                to: person("assistant"),
            },
            "creator",
        )
        .unwrap();
        assert_eq!(next.owner, person("assistant"));
        assert!(
            next.assistants.is_empty(),
            "the new owner is no longer an assistant"
        );
        assert_eq!(next.status, Status::Pending);
        assert_eq!(next.acknowledged_at, None);
        assert!(
            rec.changes
                .iter()
                .any(|c| c.field == "owner" && c.before == "owner")
        );

        let err = run(&it, Action::Reassign { to: person("owner") }, "creator").unwrap_err();
        assert_eq!(err.to_string(), "owner已经是主办了");
    }

    #[test]
    fn cancelling_works_from_any_open_state() {
        for status in [Status::Pending, Status::InProgress, Status::Submitted] {
            let (next, rec) = run(
                &in_state(status),
                Action::Cancel {
                    reason: Some("需求已撤回".to_owned()),
                },
                "creator",
            )
            .unwrap();
            assert_eq!(next.status, Status::Cancelled);
            assert_eq!(rec.note.as_deref(), Some("需求已撤回"));
        }
    }

    #[test]
    fn one_person_can_hold_several_roles() {
        let mut it = in_state(Status::Submitted);
        it.creator = person("owner");
        let roles = it.role_of(&person("owner").open_id, &policy());
        assert!(roles.creator && roles.owner && !roles.admin);
        assert!(run(&it, Action::Accept, "owner").is_ok());
        assert!(it.role_of(&person("nobody").open_id, &policy()).is_empty());
    }

    #[test]
    fn overdue_is_derived_from_the_deadline() {
        let it = in_state(Status::InProgress);
        assert!(!it.is_overdue(at(2026, 11, 30, 18, 0)));
        assert!(it.is_overdue(at(2026, 11, 30, 18, 1)));
        assert!(!in_state(Status::Submitted).is_overdue(at(2026, 12, 30, 0, 0)));
        assert!(!in_state(Status::Done).is_overdue(at(2026, 12, 30, 0, 0)));
    }

    #[test]
    fn overdue_workdays_count_working_days_after_the_deadline_date() {
        let cal = Calendar::builtin();
        let mut it = in_state(Status::InProgress);
        it.deadline = at(2026, 9, 30, 18, 0); // Wednesday before 国庆
        assert_eq!(it.overdue_workdays(at(2026, 9, 30, 20, 0), &cal), Ok(0));
        // 10-01..10-07 off, 10-08 Thursday is the first working day after.
        assert_eq!(it.overdue_workdays(at(2026, 10, 8, 9, 0), &cal), Ok(1));
        assert_eq!(it.overdue_workdays(at(2026, 10, 12, 9, 0), &cal), Ok(4)); // 10-10 Sat works
        assert_eq!(it.overdue_workdays(at(2026, 9, 29, 9, 0), &cal), Ok(0));
        it.deadline = at(2026, 12, 30, 18, 0);
        assert_eq!(
            it.overdue_workdays(at(2027, 1, 5, 9, 0), &cal),
            Err(CalendarError::NoData { year: 2027 })
        );
    }

    #[test]
    fn due_soon_means_by_the_end_of_the_next_working_day() {
        let cal = Calendar::builtin();
        let it = in_state(Status::InProgress); // Monday 11-30 18:00
        assert!(it.is_due_soon(at(2026, 11, 27, 10, 0), &cal)); // Friday: next workday is Monday
        assert!(!it.is_due_soon(at(2026, 11, 26, 10, 0), &cal));
        assert!(!it.is_due_soon(at(2026, 12, 1, 10, 0), &cal)); // overdue, not "soon"
    }

    #[test]
    fn an_item_survives_a_json_round_trip() {
        let (it, _) = run(
            &new_item(),
            Action::RequestExtension {
                deadline: at(2026, 12, 4, 18, 0),
                has_time: true,
                reason: None,
            },
            "owner",
        )
        .unwrap();
        let json = serde_json::to_string(&it).unwrap();
        assert_eq!(serde_json::from_str::<Item>(&json).unwrap(), it);
    }

    fn arb_step() -> impl Strategy<Value = (usize, usize, i64, u8, bool)> {
        (0..11usize, 0..5usize, 0..3000i64, 0..=130u8, any::<bool>())
    }

    fn build_action(i: usize, percent: u8, flag: bool, item: &Item, t: Timestamp) -> Action {
        let later = |h: i64| {
            let base = if flag { item.deadline } else { t };
            base.checked_add(SignedDuration::from_hours(h)).unwrap()
        };
        match i {
            0 => Action::Acknowledge,
            1 => Action::Progress {
                percent: flag.then_some(percent),
                note: (!flag || percent.is_multiple_of(2)).then(|| format!("进展{percent}")),
            },
            2 => Action::Submit { note: None },
            3 => Action::Accept,
            4 => Action::Reject {
                reason: if flag {
                    "不合格".to_owned()
                } else {
                    String::new()
                },
            },
            5 => Action::RequestExtension {
                deadline: later(i64::from(percent) - 20),
                has_time: flag,
                reason: None,
            },
            6 => Action::ApproveExtension,
            7 => Action::RejectExtension { reason: None },
            8 => Action::Nudge,
            9 => Action::Reassign {
                to: person(if flag { "assistant" } else { "owner" }),
            },
            _ => Action::Cancel { reason: None },
        }
    }

    proptest! {
        #[test]
        fn random_action_sequences_keep_the_invariants(
            steps in proptest::collection::vec(arb_step(), 1..40),
            accept in any::<bool>(),
        ) {
            let who = ["creator", "owner", "assistant", "admin", "outsider"];
            let p = Policy { require_acceptance: accept, ..policy() };
            let mut item = new_item();
            let mut t = now();
            for (i, w, minutes, percent, flag) in steps {
                t = t.checked_add(SignedDuration::from_mins(minutes)).unwrap();
                let action = build_action(i, percent, flag, &item, t);
                let before = item.clone();
                let name = who.get(w).copied().unwrap_or("outsider");
                match item.apply(action.clone(), &actor(name), &p, t, src()) {
                    Ok((next, rec)) => {
                        prop_assert!(before.is_open(), "a closed item changed");
                        prop_assert_eq!(rec.at, t);
                        prop_assert_eq!(rec.action.as_str(), action.kind().key());
                        prop_assert_eq!(next.version, before.version + 1);
                        item = next;
                    }
                    Err(_) => prop_assert_eq!(&item, &before),
                }
                prop_assert!(item.progress <= 100);
                if item.status == Status::Done {
                    prop_assert!(item.completed_at.is_some());
                }
                if matches!(before.status, Status::Done | Status::Cancelled) {
                    prop_assert_eq!(item.status, before.status);
                }
                if !matches!(item.status, Status::Pending | Status::InProgress) {
                    prop_assert!(item.extension.is_none());
                }
            }
        }
    }
}
