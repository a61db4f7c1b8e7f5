//! The command words after the slash (pure): which family a message is for, and whether a
//! word glued to the command word is a subcommand with a missing space.

use crate::command::grammar::Token;
use crate::command::spec::{ProjectSub, RequirementSub, SuperviseSub};

/// Which prefix started the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prefix {
    Supervise,
    Help,
    Project,
    Requirement,
    /// `/例会`.
    Series,
}

/// Command words after the slash, each with its prefix; ASCII ones match in any case.
const PREFIX_WORDS: &[(&str, Prefix)] = &[
    ("督办", Prefix::Supervise),
    ("帮助", Prefix::Help),
    ("项目", Prefix::Project),
    ("需求", Prefix::Requirement),
    ("project", Prefix::Project),
    ("task", Prefix::Supervise),
    ("help", Prefix::Help),
    ("req", Prefix::Requirement),
    ("例会", Prefix::Series),
    ("meeting-series", Prefix::Series),
];

/// The prefix a word starts with, and its length in characters. The slash may be `/`
/// (full-width `／` is normalised to it) or `、`, which a Chinese input method types for `/`.
/// Whatever follows the command word in the same word is judged by [`glued_is_ours`].
pub(crate) fn prefix_of(word: &str) -> Option<(Prefix, usize)> {
    let after = word.strip_prefix('/').or_else(|| word.strip_prefix('、'))?;
    PREFIX_WORDS.iter().find_map(|(name, prefix)| {
        let head = after.get(..name.len())?;
        let matches = if name.is_ascii() {
            head.eq_ignore_ascii_case(name)
        } else {
            head == *name
        };
        matches.then(|| (*prefix, 1 + name.chars().count()))
    })
}

/// Whether a command word glued to more text (`/督办列表`, `/项目看板`, `/督办整理合同 @张三 周五前`)
/// is a command with a missing space: the rest is exactly a subcommand word, or (after a Chinese
/// command word) the message goes on to mention someone or to further lines, as a creation or a
/// submission does. `/督办事项 查看 DB-3` and `/tasks list` stay chat.
pub(crate) fn glued_is_ours(
    prefix: Prefix,
    word: &str,
    ascii: bool,
    after: &[(usize, Token)],
    line: usize,
) -> bool {
    let subcommand = match prefix {
        Prefix::Supervise => SuperviseSub::from_word(word).is_some(),
        Prefix::Project => ProjectSub::from_word(word).is_some(),
        Prefix::Requirement => RequirementSub::from_word(word).is_some(),
        Prefix::Series => crate::command::spec::SeriesSub::from_word(word).is_some(),
        Prefix::Help => return false,
    };
    let goes_on = after
        .iter()
        .any(|(n, t)| *n != line || matches!(t, Token::Mention(_)));
    subcommand || (!ascii && goes_on)
}
