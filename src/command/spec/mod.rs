//! The command tables: one row per subcommand of each family, keyed by that family's
//! subcommand enum ([`SuperviseSub`], [`ProjectSub`], [`RequirementSub`]). The parsers look a
//! word up here and dispatch on the key with an exhaustive `match`; the help cards are rendered
//! from the same rows, so help can never drift from what is accepted.
//!
//! Completeness is by construction: [`subcommands!`] declares a family's enum together with its
//! `ALL` list and its `TABLE` (help order is declaration order), and each family's `row` is an
//! exhaustive `match` on the key. A new subcommand without a row, without a dispatch arm, or
//! without a `key()` arm for its parsed command does not compile.

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
}

/// A row as written in a family's table; its key is added by [`subcommands!`].
#[derive(Debug, Clone, Copy)]
struct Row {
    zh: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
    args: &'static str,
    summary: &'static str,
    example: &'static str,
}

/// Declares a family's subcommand enum with `ALL` (every variant, in declaration = help order),
/// `TABLE` (every variant's row, same order), `spec()` and `from_word()`. The family module
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
            pub const TABLE: &'static [$crate::command::spec::CommandSpec] = &[$(Self::$variant.spec(),)+];

            /// This subcommand's row of the table.
            pub const fn spec(self) -> $crate::command::spec::CommandSpec {
                let row = self.row();
                $crate::command::spec::CommandSpec {
                    key: $crate::command::spec::Key::$family(self),
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

mod project;
mod requirement;
mod supervise;

pub use self::project::{PROJECT_COMMANDS, ProjectSub};
pub use self::requirement::{REQUIREMENT_COMMANDS, RequirementSub};
pub use self::supervise::{SUPERVISE_COMMANDS, SuperviseSub};

/// Commands with their own prefix (not `/督办 <word>`), shown in a separate section of the help
/// card. Here `zh` and `en` are the whole Chinese and English command words.
pub const OTHER_COMMANDS: &[CommandSpec] = &[CommandSpec {
    key: Key::Minutes,
    zh: "/纪要",
    en: "/minutes",
    aliases: &[],
    args: "<粘贴会议纪要> 或 <飞书文档/妙记链接>，或回复纪要消息",
    summary: "从会议纪要中整理待办事项，确认后一键转为督办",
    example: "/纪要 https://example.feishu.cn/docx/AbCdEf",
}];
