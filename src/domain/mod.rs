//! The pure core: 督办 items, projects and requirements, their lifecycles, permissions, reminder
//! rules and audit records. No tokio, reqwest, sled or axum here; `now` is always an argument.
//!
//! # Glossary
//!
//! One word, one meaning. Each word below is what duban means by it, the Chinese users read,
//! and the type that holds it.
//!
//! | word | 中文 | meaning in duban | type |
//! | --- | --- | --- | --- |
//! | item | 督办事项 (DB-n) | a piece of work a 督办人 assigns to a 主办, with a deadline | [`item::Item`] |
//! | project | 项目 (XM-n) | work moving through stages (阶段), with linked items and requirements | [`project::Project`] |
//! | requirement | 需求 (XQ-n) | what a branch asks the head office to build, triaged (受理) by managers | [`requirement::Requirement`] |
//! | action | 操作 | one thing a person does to an item / project / requirement; its kind keys the permissions table | [`item::Action`], [`project::ProjectAction`], [`requirement::ReqAction`], [`permissions::ActionKind`] |
//! | role | 督办人 / 主办 / 协办 / 管理员 | creator / owner / assistant / admin of an item (several at once is fine) | [`permissions::Role`] |
//! | policy | 规则 | the tenant-wide item rules: acceptance, the nudge cooldown, admins (not the reminder policy) | [`item::Policy`] |
//! | deadline | 截止时间 | when an item is due: an instant plus whether a time of day was typed | [`deadline::Deadline`], [`item::Item::deadline`] |
//! | due soon | 即将到期 | not overdue, due by the end of the next working day | [`item::Item::is_due_soon`] |
//! | overdue | 逾期 | past the deadline with the owner still to act; derived, never stored | [`item::Item::is_overdue`] |
//! | extension | 延期 | the owner's request to move the deadline, decided by the 督办人 | [`item::ExtensionRequest`] |
//! | nudge | 催办 | the MANUAL chase: the 督办人 or an admin presses 催办 (cooldown between two) | [`item::Action::Nudge`], [`item::Item::nudge_count`] |
//! | reminder | 提醒 | a message duban sends BY ITSELF when a rule of the reminder policy comes due | [`schedule::ReminderPolicy`], [`schedule::PlannedNudge`], [`watch::ProjectCheck`] |
//! | due (a reminder) | 到点 | a reminder whose time has come; the store keeps a due index by fire time | [`schedule::due_now`], [`watch::project_due_now`] |
//! | watched | 跟踪 | a project or requirement whose reminders the tick computes, with what was sent | [`watch::WatchState`] |
//! | snooze | 稍后提醒 / 处理中 | holding an item's reminders back for a while | [`schedule::SnoozeChoice`] |
//! | board | 晾晒 | the weekly per-group summary | [`board::Board`] |
//! | stats | 统计 | per-主办 figures for a period | [`board::PersonStats`] |
//! | audit record | 审计记录 | one change: who, when, from where, which fields | [`audit::AuditRecord`] |
//!
//! Two older names keep the word "nudge" for what this glossary calls a reminder, because they
//! are stored or widely imported: the item reminder types [`schedule::NudgeKind`],
//! [`schedule::NudgeState`] and [`schedule::PlannedNudge`] (an automatic reminder of an item),
//! and the fields `nudged_on` of [`watch::WatchState`]. The 统计 figure 被催办次数 counts manual
//! nudges and overdue reminders together (the card says so).
//!
//! Two module paths are kept for code written before the folders got their names:
//! `domain::supervision` is [`item`] and `domain::project_nudge` is [`watch`].

pub mod appraisal;
pub mod audit;
pub mod batch;
pub mod board;
pub mod cadence;
pub mod deadline;
pub mod ids;
pub mod item;
mod listed;
pub mod okr;
pub mod permissions;
pub mod priority;
pub mod project;
pub mod repeat;
pub mod requirement;
pub mod schedule;
pub mod series;
pub mod status;
pub mod text;
pub mod time;
pub mod unit;
pub mod watch;

pub use self::item as supervision;
pub use self::watch as project_nudge;
