//! Requirements (pure): what a branch office (营业部) asks the head office to build, its triage
//! by the configured requirement managers, and the closed loop shown back to the submitter.
//!
//! Lifecycle: 待受理 (`Submitted`) → 已受理 (`Accepted`, optionally linked to a project) /
//! 已合并 (`Merged` into another requirement) / 已驳回 (`Rejected`, reason required); a manager
//! may ask for details (待补充, `NeedsInfo`), and the submitter's 补充 puts it back in the queue.
//! An accepted requirement follows its project to a closed end (see [`Requirement::follow_project`]):
//! 已上线 (`Launched`) when the project is completed, 已关闭 (`Closed`, with the reason) when it is
//! cancelled; a manager may 受理 a closed one again into another project.
//!
//! | action | who | when |
//! | --- | --- | --- |
//! | 受理 / 合并 / 驳回 / 待补充 | requirement managers | 待受理, 待补充 (驳回 also 已受理; 受理 also re-links an accepted or closed one) |
//! | 补充 | the submitter or the contact person | 待受理, 待补充, 已受理 |
//! | 效果反馈 (rating 1–5) | the submitter or the contact person | accepted and its project at 效果反馈 or done, or 已上线 |

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, DayRule};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ChatId, OpenId, Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::supervision::Actor;
use crate::domain::time::local;

/// A requirement's stored status.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReqStatus {
    /// 待受理
    Submitted,
    /// 待补充: a manager asked the submitter for details.
    NeedsInfo,
    /// 已受理
    Accepted,
    /// 已合并 (see `merged_into`)
    Merged,
    /// 已驳回
    Rejected {
        /// Why.
        reason: String,
    },
    /// 已上线: the linked project was completed (the loop's happy end).
    Launched,
    /// 已关闭: the linked project was cancelled.
    Closed {
        /// Why.
        reason: String,
    },
}

impl ReqStatus {
    /// The Chinese label.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Submitted => "待受理",
            Self::NeedsInfo => "待补充",
            Self::Accepted => "已受理",
            Self::Merged => "已合并",
            Self::Rejected { .. } => "已驳回",
            Self::Launched => "已上线",
            Self::Closed { .. } => "已关闭",
        }
    }

    /// Whether a manager still has to decide.
    pub fn is_open(&self) -> bool {
        matches!(self, Self::Submitted | Self::NeedsInfo)
    }
}

/// The submitter's rating of what was delivered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// 1–5 stars.
    pub rating: u8,
    /// What they said.
    pub comment: Option<String>,
    /// When.
    pub at: Timestamp,
}

/// Details the submitter added (after 待补充 or on their own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplement {
    /// The text.
    pub text: String,
    /// When.
    pub at: Timestamp,
}

/// A new requirement as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequirement {
    /// The submitting group.
    pub chat_id: ChatId,
    /// 标题.
    pub title: String,
    /// 提出单位 / 营业部.
    pub unit: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 期望上线时间.
    pub expected: Option<Deadline>,
    /// 优先级.
    pub priority: Priority,
    /// 联系人.
    pub contact: Option<Person>,
    /// 说明.
    pub description: Option<String>,
    /// Who sent it.
    pub submitter: Person,
}

/// A requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// `XQ-n`.
    pub id: RequirementId,
    /// The submitting (branch) group: status cards go there.
    pub chat_id: ChatId,
    /// 标题.
    pub title: String,
    /// 提出单位 / 营业部.
    pub unit: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 期望上线时间.
    pub expected: Option<Deadline>,
    /// 优先级.
    pub priority: Priority,
    /// 联系人.
    pub contact: Option<Person>,
    /// 说明.
    pub description: Option<String>,
    /// Who sent it.
    pub submitter: Person,
    /// Stored status.
    pub status: ReqStatus,
    /// The project it was accepted into.
    pub project: Option<ProjectId>,
    /// The requirement it duplicates.
    pub merged_into: Option<RequirementId>,
    /// The question of the latest 待补充.
    #[serde(default)]
    pub info_request: Option<String>,
    /// What the submitter added, oldest first.
    #[serde(default)]
    pub supplements: Vec<Supplement>,
    /// The submitter's rating.
    pub feedback: Option<Feedback>,
    /// Submitted.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
    /// First decision by a manager (受理, 合并, 驳回 or 待补充).
    pub triaged_at: Option<Timestamp>,
    /// Incremented on every change.
    pub version: u64,
}

/// Something a person does to a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReqAction {
    /// 受理, optionally into a project.
    Accept {
        /// The project.
        project: Option<ProjectId>,
    },
    /// 合并: a duplicate of another requirement.
    Merge {
        /// The surviving requirement.
        into: RequirementId,
    },
    /// 驳回.
    Reject {
        /// Why (required).
        reason: String,
    },
    /// 待补充: ask the submitter for details.
    AskInfo {
        /// What is missing (required).
        what: String,
    },
    /// 补充: the submitter adds details.
    Supplement {
        /// The details.
        text: String,
    },
    /// 效果反馈.
    Feedback {
        /// 1–5.
        rating: u8,
        /// Comment.
        comment: Option<String>,
    },
}

impl ReqAction {
    /// The stable key used in audit records and card callbacks (`r_accept` …).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Accept { .. } => "r_accept",
            Self::Merge { .. } => "r_merge",
            Self::Reject { .. } => "r_reject",
            Self::AskInfo { .. } => "r_ask_info",
            Self::Supplement { .. } => "r_supplement",
            Self::Feedback { .. } => "r_feedback",
        }
    }

    /// The Chinese verb.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Accept { .. } => "受理",
            Self::Merge { .. } => "合并",
            Self::Reject { .. } => "驳回",
            Self::AskInfo { .. } => "要求补充",
            Self::Supplement { .. } => "补充说明",
            Self::Feedback { .. } => "效果反馈",
        }
    }
}

/// The Chinese verb of a requirement audit key (`r_accept` → 受理), for history views.
pub fn action_label(key: &str) -> Option<&'static str> {
    let every = [
        ReqAction::Accept { project: None },
        ReqAction::Merge {
            into: RequirementId(0),
        },
        ReqAction::Reject {
            reason: String::new(),
        },
        ReqAction::AskInfo { what: String::new() },
        ReqAction::Supplement { text: String::new() },
        ReqAction::Feedback {
            rating: 0,
            comment: None,
        },
    ];
    every.iter().find(|a| a.key() == key).map(ReqAction::label)
}

/// Why a requirement action was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequirementError {
    /// Not allowed in this status.
    #[error("需求当前为“{status}”，不能{action}")]
    WrongState {
        /// The verb.
        action: &'static str,
        /// The status label.
        status: &'static str,
    },
    /// The actor may not do this.
    #[error("只有{who}可以{action}")]
    Forbidden {
        /// The verb.
        action: &'static str,
        /// Who may.
        who: String,
    },
    /// Nobody is configured to triage.
    #[error(
        "还没有配置需求管理员，暂时无人可以{action}：请系统管理员在配置文件的 [requirements] managers \
         中填写需求管理员的 open_id（ou_ 开头），重启后生效"
    )]
    NoManagers {
        /// The verb.
        action: &'static str,
    },
    /// A reason / question / text is required.
    #[error("{action}时请写明{what}")]
    MissingText {
        /// The verb.
        action: &'static str,
        /// What is missing (原因 / 需要补充的内容 …).
        what: &'static str,
    },
    /// Merging into itself.
    #[error("不能把需求合并到它自己")]
    SelfMerge,
    /// A rating outside 1–5.
    #[error("评分请选择1到5星，收到的是{rating}")]
    BadRating {
        /// The value given.
        rating: u8,
    },
    /// Feedback before the project delivered.
    #[error("需求对应的项目到“效果反馈”阶段后才能评价，目前进度：{status}")]
    FeedbackTooEarly {
        /// The loop status label.
        status: &'static str,
    },
}

/// The closed-loop stage the submitter sees.
///
/// Mapping from the linked project's current stage (see [`loop_status`]): 需求对接 and 产品设计
/// → 已受理; 开发评审 → 进入开发; 测试升级 → 测试; 效果反馈, or the project done → 上线. Stage names
/// of other templates map by keyword: 反馈/上线/推广 → 上线, 测试/升级/验证 → 测试, 开发/评审/实施 →
/// 进入开发, anything else → 已受理. When the project ends the requirement itself closes
/// ([`Requirement::follow_project`]): 已上线 → 上线, 已关闭 → 已关闭. (An accepted requirement
/// whose project was cancelled before that rule existed shows 已受理.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoopStatus {
    /// 已提交
    Submitted,
    /// 待补充
    NeedsInfo,
    /// 已受理
    Accepted,
    /// 进入开发
    InDevelopment,
    /// 测试
    Testing,
    /// 上线
    Launched,
    /// 已合并
    Merged,
    /// 已驳回
    Rejected,
    /// 已关闭 (its project was cancelled)
    Closed,
}

impl LoopStatus {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Submitted => "已提交",
            Self::NeedsInfo => "待补充",
            Self::Accepted => "已受理",
            Self::InDevelopment => "进入开发",
            Self::Testing => "测试",
            Self::Launched => "上线",
            Self::Merged => "已合并",
            Self::Rejected => "已驳回",
            Self::Closed => "已关闭",
        }
    }

    /// The happy path shown as a progress line, in order.
    pub const PATH: [Self; 5] = [
        Self::Submitted,
        Self::Accepted,
        Self::InDevelopment,
        Self::Testing,
        Self::Launched,
    ];
}

impl fmt::Display for LoopStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The closed-loop stage of `req` given its linked project (see [`LoopStatus`] for the mapping).
/// A project whose id differs from `req.project` is ignored.
pub fn loop_status(req: &Requirement, project: Option<&Project>) -> LoopStatus {
    match &req.status {
        ReqStatus::Submitted => LoopStatus::Submitted,
        ReqStatus::NeedsInfo => LoopStatus::NeedsInfo,
        ReqStatus::Merged => LoopStatus::Merged,
        ReqStatus::Rejected { .. } => LoopStatus::Rejected,
        ReqStatus::Launched => LoopStatus::Launched,
        ReqStatus::Closed { .. } => LoopStatus::Closed,
        ReqStatus::Accepted => {
            let Some(p) = project.filter(|p| Some(p.id) == req.project) else {
                return LoopStatus::Accepted;
            };
            match p.status {
                ProjectStatus::Done => LoopStatus::Launched,
                ProjectStatus::Cancelled => LoopStatus::Accepted,
                ProjectStatus::Active => p
                    .current_stage()
                    .map_or(LoopStatus::Accepted, |s| stage_loop(&s.name)),
            }
        }
    }
}

fn stage_loop(name: &str) -> LoopStatus {
    match name {
        "需求对接" | "产品设计" => LoopStatus::Accepted,
        "开发评审" => LoopStatus::InDevelopment,
        "测试升级" => LoopStatus::Testing,
        "效果反馈" => LoopStatus::Launched,
        n if ["反馈", "上线", "推广"].iter().any(|k| n.contains(k)) => LoopStatus::Launched,
        n if ["测试", "升级", "验证"].iter().any(|k| n.contains(k)) => LoopStatus::Testing,
        n if ["开发", "评审", "实施"].iter().any(|k| n.contains(k)) => LoopStatus::InDevelopment,
        _ => LoopStatus::Accepted,
    }
}

/// Whether `req` waits for triage (待受理) longer than `sla_workdays` working days: it was
/// submitted (or last supplemented) on day D, and today is after the `sla_workdays`-th working
/// day following D. False when the calendar has no data for the span (never guessed).
pub fn triage_overdue(req: &Requirement, now: Timestamp, cal: &Calendar, sla_workdays: u32) -> bool {
    if req.status != ReqStatus::Submitted {
        return false;
    }
    let since = req
        .supplements
        .last()
        .map_or(req.created_at, |s| s.at.max(req.created_at));
    cal.count_between(local(since).date(), local(now).date(), DayRule::Working)
        .is_ok_and(|n| n > sla_workdays)
}

impl Requirement {
    /// A new requirement, 待受理, version 1.
    pub fn create(id: RequirementId, new: NewRequirement, now: Timestamp) -> Self {
        Self {
            id,
            chat_id: new.chat_id,
            title: new.title.trim().to_owned(),
            unit: opt_text(new.unit),
            scenario: opt_text(new.scenario),
            expected: new.expected,
            priority: new.priority,
            contact: new.contact,
            description: opt_text(new.description),
            submitter: new.submitter,
            status: ReqStatus::Submitted,
            project: None,
            merged_into: None,
            info_request: None,
            supplements: Vec::new(),
            feedback: None,
            created_at: now,
            updated_at: now,
            triaged_at: None,
            version: 1,
        }
    }

    /// The audit record of the submission.
    pub fn creation_record(&self, source: Source) -> AuditRecord {
        AuditRecord {
            at: self.created_at,
            actor: self.submitter.clone(),
            action: "r_create".to_owned(),
            source,
            changes: vec![Change::new("status", "", self.status.label())],
            note: None,
        }
    }

    /// Whether `who` submitted it or is its contact person.
    pub fn is_submitter(&self, who: &OpenId) -> bool {
        self.submitter.open_id == *who || self.contact.as_ref().is_some_and(|c| c.open_id == *who)
    }

    /// Performs `action` by `actor` at `now`. `managers` are the configured requirement managers
    /// (with the names known, for refusals: [`who_triages`]);
    /// `project` is the linked project (needed for 效果反馈; others ignore it).
    ///
    /// # Errors
    /// A [`RequirementError`] when the status does not allow it, the actor may not do it, or
    /// its arguments are invalid; the requirement is then unchanged.
    pub fn apply(
        &self,
        action: ReqAction,
        actor: &Actor,
        managers: &[Person],
        project: Option<&Project>,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), RequirementError> {
        let who = &actor.person.open_id;
        let verb = action.label();
        let key = action.key();
        let wrong = RequirementError::WrongState {
            action: verb,
            status: self.status.label(),
        };
        let manager = managers.iter().any(|m| m.open_id == *who);
        let triage = matches!(
            action,
            ReqAction::Accept { .. }
                | ReqAction::Merge { .. }
                | ReqAction::Reject { .. }
                | ReqAction::AskInfo { .. }
        );
        if triage && !manager {
            return Err(triage_refusal(verb, managers));
        }
        if !triage && !self.is_submitter(who) {
            let contact = self
                .contact
                .as_ref()
                .filter(|c| c.open_id != self.submitter.open_id)
                .map(|c| format!("或联系人（{}）", c.name))
                .unwrap_or_default();
            return Err(RequirementError::Forbidden {
                action: verb,
                who: format!("需求提出人（{}）{contact}", self.submitter.name),
            });
        }
        let mut next = self.clone();
        let mut note = None;
        match action {
            ReqAction::Accept { project } => {
                let relink = match self.status {
                    ReqStatus::Accepted => project.is_some() && project != self.project,
                    // A closed one (its project cancelled) is taken up again in another project.
                    ReqStatus::Closed { .. } => project.is_some(),
                    _ => false,
                };
                if !self.status.is_open() && !relink {
                    return Err(wrong);
                }
                next.status = ReqStatus::Accepted;
                next.project = project.or(self.project);
                next.info_request = None;
            }
            ReqAction::Merge { into } => {
                if !self.status.is_open() {
                    return Err(wrong);
                }
                if into == self.id {
                    return Err(RequirementError::SelfMerge);
                }
                next.status = ReqStatus::Merged;
                next.merged_into = Some(into);
                next.info_request = None;
            }
            ReqAction::Reject { reason } => {
                if !(self.status.is_open() || self.status == ReqStatus::Accepted) {
                    return Err(wrong);
                }
                let reason = opt_text(Some(reason)).ok_or(RequirementError::MissingText {
                    action: verb,
                    what: "原因",
                })?;
                next.status = ReqStatus::Rejected {
                    reason: reason.clone(),
                };
                next.info_request = None;
                note = Some(reason);
            }
            ReqAction::AskInfo { what } => {
                if !self.status.is_open() {
                    return Err(wrong);
                }
                let what = opt_text(Some(what)).ok_or(RequirementError::MissingText {
                    action: verb,
                    what: "需要补充的内容",
                })?;
                next.status = ReqStatus::NeedsInfo;
                next.info_request = Some(what.clone());
                note = Some(what);
            }
            ReqAction::Supplement { text } => {
                if !(self.status.is_open() || self.status == ReqStatus::Accepted) {
                    return Err(wrong);
                }
                let text = opt_text(Some(text)).ok_or(RequirementError::MissingText {
                    action: verb,
                    what: "补充的内容",
                })?;
                if self.status == ReqStatus::NeedsInfo {
                    next.status = ReqStatus::Submitted;
                    next.info_request = None;
                }
                next.supplements.push(Supplement {
                    text: text.clone(),
                    at: now,
                });
                note = Some(text);
            }
            ReqAction::Feedback { rating, comment } => {
                let stage = loop_status(self, project);
                if stage != LoopStatus::Launched {
                    return Err(if self.status == ReqStatus::Accepted {
                        RequirementError::FeedbackTooEarly {
                            status: stage.label(),
                        }
                    } else {
                        wrong
                    });
                }
                if !(1..=5).contains(&rating) {
                    return Err(RequirementError::BadRating { rating });
                }
                let comment = opt_text(comment);
                next.feedback = Some(Feedback {
                    rating,
                    comment: comment.clone(),
                    at: now,
                });
                note = comment;
            }
        }
        if triage && next.triaged_at.is_none() {
            next.triaged_at = Some(now);
        }
        next.updated_at = now;
        next.version = self.version.saturating_add(1);
        let record = AuditRecord {
            at: now,
            actor: actor.person.clone(),
            action: key.to_owned(),
            source,
            changes: self.diff(&next),
            note,
        };
        Ok((next, record))
    }

    /// Closes an accepted requirement whose project `p` has ended: 已上线 when `p` was
    /// completed, 已关闭 (naming the project) when it was cancelled; the audit record is the
    /// system's. `None` when nothing changes (not linked to `p`, not accepted, `p` still active).
    pub fn follow_project(&self, p: &Project, now: Timestamp) -> Option<(Self, AuditRecord)> {
        if self.status != ReqStatus::Accepted || self.project != Some(p.id) {
            return None;
        }
        let (status, action, note) = match p.status {
            ProjectStatus::Active => return None,
            ProjectStatus::Done => (
                ReqStatus::Launched,
                "r_launch",
                format!("关联项目 {} 已完成", p.id),
            ),
            ProjectStatus::Cancelled => {
                let reason = format!("关联项目 {} 已取消", p.id);
                (
                    ReqStatus::Closed {
                        reason: reason.clone(),
                    },
                    "r_close",
                    reason,
                )
            }
        };
        let mut next = self.clone();
        next.status = status;
        next.updated_at = now;
        next.version = self.version.saturating_add(1);
        let record = AuditRecord {
            at: now,
            actor: Person {
                open_id: OpenId("system".to_owned()),
                name: "督办机器人".to_owned(),
            },
            action: action.to_owned(),
            source: Source::System,
            changes: self.diff(&next),
            note: Some(note),
        };
        Some((next, record))
    }

    fn diff(&self, next: &Self) -> Vec<Change> {
        let mut out = Vec::new();
        if self.status != next.status {
            out.push(Change::new("status", self.status.label(), next.status.label()));
        }
        if self.project != next.project {
            let p = |p: Option<ProjectId>| p.map(|p| p.to_string()).unwrap_or_default();
            out.push(Change::new("project", p(self.project), p(next.project)));
        }
        if self.merged_into != next.merged_into {
            let r = |r: Option<RequirementId>| r.map(|r| r.to_string()).unwrap_or_default();
            out.push(Change::new(
                "merged_into",
                r(self.merged_into),
                r(next.merged_into),
            ));
        }
        if self.feedback != next.feedback {
            let f = |f: &Option<Feedback>| f.as_ref().map(|f| stars(f.rating)).unwrap_or_default();
            out.push(Change::new("feedback", f(&self.feedback), f(&next.feedback)));
        }
        out
    }
}

/// Who triages, named: `需求管理员（孙管理员、钱经理）`; managers whose name is not known are
/// counted (`需求管理员（孙管理员等2人）`, `需求管理员（共2人）`).
pub fn who_triages(managers: &[Person]) -> String {
    let named: Vec<&str> = managers
        .iter()
        .map(|m| m.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match (named.len(), managers.len()) {
        (0, n) => format!("需求管理员（共{n}人）"),
        (k, n) if k == n => format!("需求管理员（{}）", named.join("、")),
        (_, n) => format!("需求管理员（{}等{n}人）", named.join("、")),
    }
}

/// The refusal of a triage `verb` by someone who is not a manager.
pub fn triage_refusal(verb: &'static str, managers: &[Person]) -> RequirementError {
    if managers.is_empty() {
        RequirementError::NoManagers { action: verb }
    } else {
        RequirementError::Forbidden {
            action: verb,
            who: who_triages(managers),
        }
    }
}

/// `★★★☆☆` for a 1–5 rating.
pub fn stars(rating: u8) -> String {
    let r = usize::from(rating.min(5));
    format!("{}{}", "★".repeat(r), "☆".repeat(5 - r))
}

fn opt_text(s: Option<String>) -> Option<String> {
    s.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
