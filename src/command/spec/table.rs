//! The shape of the command tables (pure): a row ([`CommandSpec`]), the key it carries
//! ([`Key`]), and each family's subcommand enum, declared by `subcommands!` with `ALL`,
//! `TABLE`, `spec()` and `from_word()`. The rows themselves are written in `supervise.rs`,
//! `project.rs` and `requirement.rs`, each an exhaustive `match` on its family's key.

/// One subcommand as users see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    /// Which subcommand this row describes.
    pub key: Key,
    /// The Chinese word (`列表`); empty for the row without a word (creation, submission).
    pub zh: &'static str,
    /// The English alias (`list`), matched in any case.
    pub en: &'static str,
    /// Further Chinese words for the same subcommand (`看板` for `晾晒`), not shown in help.
    pub aliases: &'static [&'static str],
    /// The arguments, as shown in help (`[我的/我发起的/逾期/本周/@某人/全部]`).
    pub args: &'static str,
    /// What it does, one short Chinese sentence.
    pub summary: &'static str,
    /// A complete example line that parses (to this row's key: see the table tests).
    pub example: &'static str,
}

impl CommandSpec {
    /// Whether `word` names this row: its Chinese word, one of its aliases, or its English
    /// alias in any case. The row without a word is named by nothing.
    pub fn is_named(&self, word: &str) -> bool {
        !self.zh.is_empty()
            && (self.zh == word || self.aliases.contains(&word) || self.en.eq_ignore_ascii_case(word))
    }
}

/// Which row of which table: the subcommand a [`CommandSpec`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A `/督办` subcommand.
    Supervise(SuperviseSub),
    /// A `/项目` subcommand.
    Project(ProjectSub),
    /// A `/需求` subcommand.
    Requirement(RequirementSub),
    /// `/纪要` (no subcommands).
    Minutes,
    /// A `/例会` subcommand.
    Series(SeriesSub),
}

/// A row as written in a family's table; its key is added by `subcommands!`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row {
    pub(super) zh: &'static str,
    pub(super) en: &'static str,
    pub(super) aliases: &'static [&'static str],
    pub(super) args: &'static str,
    pub(super) summary: &'static str,
    pub(super) example: &'static str,
}

/// Declares a family's subcommand enum with `ALL` (every variant, in declaration = help order),
/// `TABLE` (every variant's row, same order), `spec()` and `from_word()`. The family's file
/// writes `const fn row(self) -> Row` as an exhaustive `match`.
macro_rules! subcommands {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $family:ident {
            $( $(#[$vmeta:meta])* $variant:ident, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every subcommand, in help order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// Every subcommand's row, in help order.
            pub const TABLE: &'static [CommandSpec] = &[$(Self::$variant.spec(),)+];

            /// This subcommand's row of the table.
            pub const fn spec(self) -> CommandSpec {
                let row = self.row();
                CommandSpec {
                    key: Key::$family(self),
                    zh: row.zh,
                    en: row.en,
                    aliases: row.aliases,
                    args: row.args,
                    summary: row.summary,
                    example: row.example,
                }
            }

            /// The subcommand `word` names (its Chinese word, an alias, or its English alias).
            pub fn from_word(word: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|key| key.spec().is_named(word))
            }
        }
    };
}

subcommands! {
    /// A `/督办` subcommand, in help order.
    pub enum SuperviseSub in Supervise {
        /// Create an item: no subcommand word, anything that is no other row.
        Create,
        /// `列表`: list items.
        List,
        /// `查看`: one item.
        Show,
        /// `进展`: report progress.
        Progress,
        /// `完成`: the owner submits it as done.
        Done,
        /// `验收`: the supervisor accepts.
        Accept,
        /// `退回`: the supervisor sends it back.
        Reject,
        /// `延期`: ask for a new deadline.
        Extend,
        /// `催办`: nudge the owner.
        Nudge,
        /// `转交`: change the owner.
        Reassign,
        /// `重复`: end a recurring item's series (`重复 停止 DB-n`).
        Repeat,
        /// `取消`: cancel the item.
        Cancel,
        /// `类别`: change an item's class (承诺/挑战/突发).
        Class,
        /// `对齐`: align an item with an OKR objective or key result.
        Align,
        /// `晾晒` (`看板`): the group's board.
        Board,
        /// `统计`: per-person statistics.
        Stats,
        /// `考评`: a person's appraisal pack (1:1 chat), its export and its push.
        Appraisal,
        /// `标杆`: record an exemplary behaviour (managers, 1:1 chat).
        Commend,
        /// `负面`: record a negative behaviour (managers, 1:1 chat).
        Fault,
        /// `导出`: the items as an Excel file.
        Export,
        /// `下达`: one item to many units (a batch XD-n).
        Issue,
        /// `汇报`: report a value against an item's numeric target.
        Report,
        /// `绑定单位`: bind this group to a unit (admins).
        BindUnit,
        /// `单位`: list units (`列表`) or unbind one (`解绑`).
        Units,
        /// `帮助`: the help card.
        Help,
    }
}

subcommands! {
    /// A `/项目` (alias `/project`) subcommand, in help order.
    pub enum ProjectSub in Project {
        /// `新建`: a new project.
        Create,
        /// `计划`: a stage's owner and planned end.
        Plan,
        /// `推进`: the current stage is done.
        Advance,
        /// `退回`: back to the previous stage.
        Rollback,
        /// `关联`: link an item.
        Link,
        /// `取消关联`: unlink an item.
        Unlink,
        /// `查看`: one project.
        Show,
        /// `列表`: list projects.
        List,
        /// `看板`: the project board.
        Board,
        /// `取消`: cancel the project.
        Cancel,
        /// `对齐`: align the project with an OKR objective or key result.
        Align,
        /// `帮助`: the help card.
        Help,
    }
}

subcommands! {
    /// A `/需求` (alias `/req`) subcommand, in help order.
    pub enum RequirementSub in Requirement {
        /// Submit a requirement: no subcommand word.
        Submit,
        /// `新建`: the form card.
        Form,
        /// `受理`: accept.
        Accept,
        /// `合并`: a duplicate.
        Merge,
        /// `驳回`: reject.
        Reject,
        /// `待补充`: ask the submitter.
        AskInfo,
        /// `补充`: the submitter adds details.
        Supplement,
        /// `查看`: one requirement.
        Show,
        /// `列表`: list requirements.
        List,
        /// `看板`: the requirement board.
        Board,
        /// `帮助`: the help card.
        Help,
    }
}

subcommands! {
    /// A `/例会` (alias `/meeting-series`) subcommand, in help order.
    pub enum SeriesSub in Series {
        /// `新建`: a new series.
        Create,
        /// `列表`: the group's series.
        List,
        /// `查看`: one series with its next occurrences.
        Show,
        /// `暂停`: no cards until 恢复.
        Pause,
        /// `恢复`: cards again.
        Resume,
        /// `取消`: end the series.
        Cancel,
        /// `改期`: move the next occurrence only.
        Reschedule,
        /// `帮助`: the help card.
        Help,
    }
}
