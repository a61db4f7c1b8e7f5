//! The parsed commands (pure): [`Command`] and the `/督办` family's [`SuperviseCmd`]; the
//! `/项目`, `/需求` and `/纪要` commands live with their families. Each command knows the key
//! of its table row (`key()`, an exhaustive `match`), which the table tests check.

use crate::command::minutes::MinutesCmd;
use crate::command::project::ProjectCmd;
use crate::command::requirement::ReqCmd;
use crate::command::series::SeriesCmd;
use crate::command::spec::{Key, SuperviseSub};
use crate::domain::appraisal::{BehaviourKind, RecordId, Window};
use crate::domain::board::Period;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, Person};
use crate::domain::priority::Priority;

/// A parsed bot command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `/督办 …`
    Supervise(SuperviseCmd),
    /// `/项目 …` (alias `/project`).
    Project(ProjectCmd),
    /// `/需求 …` (alias `/req`).
    Requirement(ReqCmd),
    /// `/纪要 …` (`/minutes`): meeting minutes to turn into action items.
    Minutes(MinutesCmd),
    /// `/例会 …`.
    Series(SeriesCmd),
}

/// A `/督办` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuperviseCmd {
    /// Create an item.
    Create(CreateItem),
    /// `列表`: list items.
    List(ListFilter),
    /// `查看`: show one item.
    Show(ItemId),
    /// `进展`: report progress (at least one of percent and note is present).
    Progress {
        /// The item.
        id: ItemId,
        /// 0–100.
        percent: Option<u8>,
        /// What was done.
        note: Option<String>,
    },
    /// `完成`: the owner submits the item as done.
    Done {
        /// The item.
        id: ItemId,
        /// Optional remark.
        note: Option<String>,
    },
    /// `验收`: the supervisor accepts.
    Accept {
        /// The item.
        id: ItemId,
    },
    /// `退回`: the supervisor sends it back.
    Reject {
        /// The item.
        id: ItemId,
        /// Why (required).
        reason: String,
    },
    /// `延期`: ask for a new deadline.
    Extend {
        /// The item.
        id: ItemId,
        /// The new deadline.
        deadline: Deadline,
        /// Why.
        reason: Option<String>,
    },
    /// `催办`: nudge the owner.
    Nudge {
        /// The item.
        id: ItemId,
    },
    /// `转交`: change the owner.
    Reassign {
        /// The item.
        id: ItemId,
        /// The new owner.
        to: Person,
    },
    /// `重复 停止 DB-12`: end the series the item belongs to.
    RepeatStop {
        /// Any occurrence of the series.
        id: ItemId,
    },
    /// `取消`: cancel the item.
    Cancel {
        /// The item.
        id: ItemId,
        /// Why.
        reason: Option<String>,
    },
    /// `类别 DB-12 突发`: change the item's class (the 督办人 or an admin).
    Class {
        /// The item.
        id: ItemId,
        /// The new class.
        class: crate::domain::item::ItemClass,
    },
    /// `对齐 DB-12`: choose the OKR objective or key result the item serves.
    Align {
        /// The item.
        id: ItemId,
    },
    /// `帮助`: show help.
    Help,
    /// `晾晒` (看板): the group's board.
    Board,
    /// `导出 [本月|上月|本季度]`: the items as an xlsx file sent 1:1 to the asker (all of
    /// them without a period; by creation time within it).
    Export {
        /// The period, if given.
        period: Option<Period>,
    },
    /// `下达 <事项> 对象：… 截止：… [指标：…]`: one item per unit.
    Issue(IssueBatch),
    /// `下达 查看 XD-3`: the batch's roll-up, as it is now.
    IssueShow(crate::domain::ids::BatchId),
    /// `下达 列表`: the batches of this chat (an admin in a 1:1 chat: all).
    IssueList,
    /// `下达 取消 XD-3 原因`: cancels the batch and every open unit item.
    IssueCancel {
        /// The batch.
        id: crate::domain::ids::BatchId,
        /// Why (required).
        reason: String,
    },
    /// `下达 延期 XD-3 <新截止时间> [原因]`: a new deadline for the batch and its open items.
    IssueExtend {
        /// The batch.
        id: crate::domain::ids::BatchId,
        /// The new deadline.
        deadline: crate::domain::deadline::Deadline,
        /// Why.
        reason: Option<String>,
    },
    /// `汇报 DB-12 24户 [说明]`: a value against the item's numeric target.
    Report {
        /// The item.
        id: ItemId,
        /// The value as typed (read against the target in the service).
        value: String,
        /// 说明.
        note: Option<String>,
    },
    /// `绑定单位 <名称> [类型] [片区] @负责人…`: this group is the unit's.
    BindUnit(BindUnit),
    /// `单位 [列表]` / `单位 解绑 <名称>`.
    Units(UnitsCmd),
    /// `统计 [本月|上月|本季度] [@某人]`: per-person statistics (default 本月).
    Stats {
        /// The period.
        period: Period,
        /// Only this person, when given.
        person: Option<Person>,
    },
    /// `晾晒 全部门` (or `晾晒 按单位`): the firm's 晾晒, ranked by unit.
    OrgBoard,
    /// `统计 [本月|上月|本季度] 按单位`: per-unit statistics (default 本月).
    UnitStats {
        /// The period.
        period: Period,
    },
    /// `考评 …`: the appraisal pack, its export, its push.
    Appraisal(AppraisalCmd),
    /// `标杆 …` / `负面 …`: a behaviour record, or the subject's comment on one.
    Behaviour(BehaviourCmd),
}

/// `考评 …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppraisalCmd {
    /// `考评 [期间] [@某人]`: the pack (default 本季度, the asker).
    Show {
        /// The period.
        window: Window,
        /// Whose (default: the asker).
        person: Option<Person>,
    },
    /// `考评 导出 [期间] [单位]`: the packs as an xlsx file.
    Export {
        /// The period.
        window: Window,
        /// Only this unit's people.
        unit: Option<String>,
    },
    /// `考评 推送 [期间]`: push to Feishu Performance (when enabled).
    Push {
        /// The period.
        window: Window,
    },
}

/// `标杆 …` / `负面 …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BehaviourCmd {
    /// `标杆 @张三 B12 [DB-n] 说明`.
    Record {
        /// 标杆 or 负面 (the subcommand word).
        kind: BehaviourKind,
        /// Whom it is about.
        subject: Person,
        /// The catalogue code as typed.
        code: String,
        /// The item it is about.
        item: Option<ItemId>,
        /// 说明.
        note: Option<String>,
    },
    /// `标杆 备注 BR-3 说明`: the subject's comment.
    Comment {
        /// The subcommand word used (either works).
        kind: BehaviourKind,
        /// The record.
        id: RecordId,
        /// The comment.
        text: String,
    },
}

/// A new item as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateItem {
    /// The title; `None` only when the message is a reply (taken from the quoted message).
    pub title: Option<String>,
    /// 主办: the first person mentioned.
    pub owner: Person,
    /// 协办: the other people mentioned, each once, in order.
    pub assistants: Vec<Person>,
    /// When it is due.
    pub deadline: Deadline,
    /// Priority (default P2).
    pub priority: Priority,
    /// Tags without the `#`, each once, in order.
    pub tags: Vec<String>,
    /// 资源投入.
    pub resources: Option<String>,
    /// 场景.
    pub scenario: Option<String>,
    /// 说明.
    pub description: Option<String>,
    /// 类别 (`类别：挑战` or `#突发`); `None`: the default (承诺, or 突发 for a P0 outside a
    /// project when the deployment says so).
    pub class: Option<crate::domain::item::ItemClass>,
    /// `重复：<规则>` (or the rule a 每 deadline implies), checked against the deadline.
    pub repeat: Option<String>,
}

/// `下达` as typed: the units `selector` names are the registry's to resolve, in the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueBatch {
    /// The item's title.
    pub title: String,
    /// `对象：…` as typed (`全部营业部`, `华东片区`, `@杭州营业部 @长沙营业部`).
    pub selector: String,
    /// `截止：…`.
    pub deadline: Deadline,
    /// `指标：≥30户`.
    pub target: Option<crate::domain::batch::Target>,
    /// `优先级：…` (default P2).
    pub priority: Priority,
    /// People mentioned: the first is 主办 of every unit's item, the others 协办 (none: each
    /// unit's heads).
    pub owners: Vec<Person>,
}

/// `绑定单位` as typed: the registry checks it (region, group, name) in the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindUnit {
    /// The unit's name.
    pub name: String,
    /// 营业部 / 分公司 / 总部部门 (else inferred from the name).
    pub kind: Option<String>,
    /// 片区.
    pub region: Option<String>,
    /// 负责人, in order (the first is 主办 of the unit's 下达 items).
    pub heads: Vec<Person>,
}

/// `单位 …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitsCmd {
    /// `单位` / `单位 列表`: every known unit.
    List,
    /// `单位 解绑 <名称>`: forget a unit bound in chat.
    Unbind {
        /// The unit's name as typed.
        name: String,
    },
}

/// Which items `列表` shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ListFilter {
    /// Every open item of the chat (the default).
    #[default]
    Open,
    /// `我的`: items I own or assist.
    Mine,
    /// `我发起的`: items I created.
    CreatedByMe,
    /// `逾期`: overdue items.
    Overdue,
    /// `本周`: due this week.
    ThisWeek,
    /// `@某人`: items of that person.
    Person(Person),
    /// `全部`: including closed ones.
    All,
}

impl Command {
    /// The table row this command was parsed from.
    pub fn key(&self) -> Key {
        match self {
            Self::Supervise(c) => Key::Supervise(c.key()),
            Self::Project(c) => Key::Project(c.key()),
            Self::Requirement(c) => Key::Requirement(c.key()),
            Self::Minutes(_) => Key::Minutes,
            Self::Series(c) => Key::Series(c.key()),
        }
    }
}

impl SuperviseCmd {
    /// The `/督办` table row this command was parsed from.
    pub fn key(&self) -> SuperviseSub {
        match self {
            Self::Create(_) => SuperviseSub::Create,
            Self::List(_) => SuperviseSub::List,
            Self::Show(_) => SuperviseSub::Show,
            Self::Progress { .. } => SuperviseSub::Progress,
            Self::Done { .. } => SuperviseSub::Done,
            Self::Accept { .. } => SuperviseSub::Accept,
            Self::Reject { .. } => SuperviseSub::Reject,
            Self::Extend { .. } => SuperviseSub::Extend,
            Self::Nudge { .. } => SuperviseSub::Nudge,
            Self::Reassign { .. } => SuperviseSub::Reassign,
            Self::RepeatStop { .. } => SuperviseSub::Repeat,
            Self::Cancel { .. } => SuperviseSub::Cancel,
            Self::Class { .. } => SuperviseSub::Class,
            Self::Align { .. } => SuperviseSub::Align,
            Self::Help => SuperviseSub::Help,
            Self::Board => SuperviseSub::Board,
            Self::Export { .. } => SuperviseSub::Export,
            Self::Stats { .. } => SuperviseSub::Stats,
            Self::BindUnit(_) => SuperviseSub::BindUnit,
            Self::Issue(_)
            | Self::IssueShow(_)
            | Self::IssueList
            | Self::IssueCancel { .. }
            | Self::IssueExtend { .. } => SuperviseSub::Issue,
            Self::Report { .. } => SuperviseSub::Report,
            Self::Units(_) => SuperviseSub::Units,
            Self::OrgBoard => SuperviseSub::Board,
            Self::UnitStats { .. } => SuperviseSub::Stats,
            Self::Appraisal(_) => SuperviseSub::Appraisal,
            Self::Behaviour(BehaviourCmd::Record { kind, .. } | BehaviourCmd::Comment { kind, .. }) => {
                match kind {
                    BehaviourKind::Commend => SuperviseSub::Commend,
                    BehaviourKind::Fault => SuperviseSub::Fault,
                }
            }
        }
    }
}
