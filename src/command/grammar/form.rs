//! Form lines (pure): `key：value` fields, as in a structured `/督办` creation or a `/需求`
//! submission. Each family names its keys in its own table of `(word, field)` pairs.

use crate::command::grammar::lexer::Token;

/// A token that starts a field (`负责人：…`), with the text glued after the colon (the value
/// may follow the colon directly). Keys are looked up exactly in `keys`.
pub(crate) fn field_start<F: Copy>(token: &Token, keys: &[(&str, F)]) -> Option<(F, Option<Token>)> {
    let (key, _) = token.bare()?.split_once(':')?;
    let field = keys.iter().find(|(k, _)| *k == key)?.1;
    Some((field, token.tail(key.chars().count() + 1)))
}

/// `s` trimmed, or `None` when nothing is left.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}
