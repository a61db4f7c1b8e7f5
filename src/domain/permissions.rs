//! Who may do what, and in which state (pure): the ONE permissions table.
//!
//! [`rule_for`] maps every [`ActionKind`] to the roles allowed to perform it and the statuses
//! it applies to. `Item::apply` consults it before anything else, and
//! [`permissions_markdown`] renders it for the README, so the documentation cannot drift from
//! the behaviour.
//!
//! Decisions worth knowing:
//! - 催办 (nudge) is for the 督办人 and admins only, not for every chat member: in a firm's
//!   group chat a nudge carries authority, and letting anyone nudge would be noise.
//! - 进展, 提交完成 and 申请延期 by the 主办 on a 待签收 item also count as 签收.
//! - 协办 may report progress but cannot submit: the 主办 answers for the result.

use serde::{Deserialize, Serialize};

use crate::domain::ids::Person;
use crate::domain::listed::listed;
use crate::domain::status::Status;

listed! {
/// A role a person can hold on one item (several at once is fine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 督办人: created the item and supervises it.
    Creator,
    /// 主办: responsible for doing it.
    Owner,
    /// 协办: helps the owner.
    Assistant,
    /// 管理员: configured in the bot's settings.
    Admin,
}
}

impl Role {
    /// The Chinese name: 督办人 / 主办 / 协办 / 管理员.
    pub fn label(self) -> &'static str {
        match self {
            Self::Creator => "督办人",
            Self::Owner => "主办",
            Self::Assistant => "协办",
            Self::Admin => "管理员",
        }
    }
}

/// The set of roles one person holds on one item. Empty means "read only".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Roles {
    /// Holds [`Role::Creator`].
    pub creator: bool,
    /// Holds [`Role::Owner`].
    pub owner: bool,
    /// Holds [`Role::Assistant`].
    pub assistant: bool,
    /// Holds [`Role::Admin`].
    pub admin: bool,
}

impl Roles {
    /// Whether `role` is among these.
    pub fn has(self, role: Role) -> bool {
        match role {
            Role::Creator => self.creator,
            Role::Owner => self.owner,
            Role::Assistant => self.assistant,
            Role::Admin => self.admin,
        }
    }

    /// Whether any of `roles` is among these.
    pub fn any_of(self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }

    /// Whether the person holds no role (a read-only bystander).
    pub fn is_empty(self) -> bool {
        !(self.creator || self.owner || self.assistant || self.admin)
    }
}

listed! {
/// The kind of an action, without its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// 签收
    Acknowledge,
    /// 更新进展
    Progress,
    /// 提交完成
    Submit,
    /// 验收
    Accept,
    /// 退回
    Reject,
    /// 申请延期
    RequestExtension,
    /// 批准延期
    ApproveExtension,
    /// 拒绝延期
    RejectExtension,
    /// 催办
    Nudge,
    /// 转交
    Reassign,
    /// 取消
    Cancel,
    /// 调整截止时间 (by the 督办人, e.g. a 下达's 统一延期)
    SetDeadline,
}
}

impl ActionKind {
    /// The Chinese verb: 签收, 更新进展, …
    pub fn label(self) -> &'static str {
        match self {
            Self::Acknowledge => "签收",
            Self::Progress => "更新进展",
            Self::Submit => "提交完成",
            Self::Accept => "验收",
            Self::Reject => "退回",
            Self::RequestExtension => "申请延期",
            Self::ApproveExtension => "批准延期",
            Self::RejectExtension => "拒绝延期",
            Self::Nudge => "催办",
            Self::Reassign => "转交",
            Self::Cancel => "取消",
            Self::SetDeadline => "调整截止时间",
        }
    }

    /// The stable key stored in audit records (`acknowledge`, `progress`, …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Acknowledge => "acknowledge",
            Self::Progress => "progress",
            Self::Submit => "submit",
            Self::Accept => "accept",
            Self::Reject => "reject",
            Self::RequestExtension => "request_extension",
            Self::ApproveExtension => "approve_extension",
            Self::RejectExtension => "reject_extension",
            Self::Nudge => "nudge",
            Self::Reassign => "reassign",
            Self::Cancel => "cancel",
            Self::SetDeadline => "set_deadline",
        }
    }

    /// The kind whose [`key`](Self::key) is `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One row of the permissions table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The action.
    pub kind: ActionKind,
    /// Who may perform it (any one of these roles suffices).
    pub roles: &'static [Role],
    /// The statuses in which it applies.
    pub states: &'static [Status],
}

const OPEN: &[Status] = &[Status::Pending, Status::InProgress, Status::Submitted];
const WORKING: &[Status] = &[Status::Pending, Status::InProgress];
const SUPERVISORS: &[Role] = &[Role::Creator, Role::Admin];

/// The permissions table: the rule for `kind`.
pub fn rule_for(kind: ActionKind) -> Rule {
    let (roles, states): (&'static [Role], &'static [Status]) = match kind {
        ActionKind::Acknowledge => (&[Role::Owner], &[Status::Pending]),
        ActionKind::Progress => (&[Role::Owner, Role::Assistant], WORKING),
        ActionKind::Submit => (&[Role::Owner], WORKING),
        ActionKind::Accept => (SUPERVISORS, &[Status::Submitted]),
        ActionKind::Reject => (SUPERVISORS, &[Status::Submitted]),
        ActionKind::RequestExtension => (&[Role::Owner], WORKING),
        ActionKind::ApproveExtension => (SUPERVISORS, WORKING),
        ActionKind::RejectExtension => (SUPERVISORS, WORKING),
        ActionKind::Nudge => (SUPERVISORS, WORKING),
        ActionKind::Reassign => (SUPERVISORS, WORKING),
        ActionKind::Cancel => (SUPERVISORS, OPEN),
        ActionKind::SetDeadline => (SUPERVISORS, OPEN),
    };
    Rule { kind, roles, states }
}

/// Says who may perform `kind`, naming the item's people: "督办人（李四）或管理员".
pub fn who_may(kind: ActionKind, creator: &Person, owner: &Person) -> String {
    let parts: Vec<String> = rule_for(kind)
        .roles
        .iter()
        .map(|r| match r {
            Role::Creator => format!("督办人（{}）", creator.name),
            Role::Owner => format!("主办（{}）", owner.name),
            Role::Assistant => "协办".to_owned(),
            Role::Admin => "管理员".to_owned(),
        })
        .collect();
    parts.join("或")
}

/// The permissions table as Markdown, for the README.
pub fn permissions_markdown() -> String {
    let mut out = String::from("| 操作 | 谁可以 | 适用状态 |\n| --- | --- | --- |\n");
    for kind in ActionKind::ALL {
        let rule = rule_for(kind);
        let roles: Vec<&str> = rule.roles.iter().map(|r| r.label()).collect();
        let states: Vec<&str> = rule.states.iter().map(|s| s.label()).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            kind.label(),
            roles.join("、"),
            states.join("、")
        ));
    }
    out.push_str(
        "\n已完成、已取消的事项只能查看。主办在“待签收”时更新进展、提交完成或申请延期，视同签收。\
         逾期不是状态，而是由截止时间和当前时间推算。\n",
    );
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_at_least_one_role_and_one_state() {
        for kind in ActionKind::ALL {
            let rule = rule_for(kind);
            assert_eq!(rule.kind, kind);
            assert!(!rule.roles.is_empty(), "{kind:?}");
            assert!(!rule.states.is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn nothing_applies_to_done_or_cancelled_items() {
        for kind in ActionKind::ALL {
            let rule = rule_for(kind);
            assert!(!rule.states.contains(&Status::Done));
            assert!(!rule.states.contains(&Status::Cancelled));
        }
    }

    #[test]
    fn keys_round_trip() {
        for kind in ActionKind::ALL {
            assert_eq!(ActionKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(ActionKind::from_key("fly"), None);
    }

    #[test]
    fn the_markdown_table_has_one_row_per_action() {
        let md = permissions_markdown();
        assert!(md.contains("| 验收 | 督办人、管理员 | 待验收 |"));
        assert!(md.contains("| 更新进展 | 主办、协办 | 待签收、进行中 |"));
        let rows = md.lines().filter(|l| l.starts_with("| ")).count();
        assert_eq!(
            rows,
            ActionKind::ALL.len() + 2,
            "header, separator and one row each"
        );
    }

    #[test]
    fn who_may_names_the_people() {
        let p = |n: &str| Person {
            open_id: crate::domain::ids::OpenId(format!("ou_{n}")),
            name: n.to_owned(),
        };
        assert_eq!(
            who_may(ActionKind::Accept, &p("李四"), &p("张三")),
            "督办人（李四）或管理员"
        );
        assert_eq!(
            who_may(ActionKind::Progress, &p("李四"), &p("张三")),
            "主办（张三）或协办"
        );
    }

    #[test]
    fn roles_report_membership() {
        let r = Roles {
            owner: true,
            ..Roles::default()
        };
        assert!(r.has(Role::Owner));
        assert!(!r.has(Role::Admin));
        assert!(r.any_of(&[Role::Admin, Role::Owner]));
        assert!(!r.is_empty());
        assert!(Roles::default().is_empty());
    }
}
