//! A Feishu mention in a command's text (pure): shared by the lexer and the parsers.

use crate::domain::ids::Person;

/// A Feishu mention: the placeholder in the text and who it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The placeholder as it appears in the text (`@_user_1`).
    pub key: String,
    /// The person mentioned.
    pub person: Person,
}
