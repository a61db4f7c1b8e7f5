//! The grammar toolkit every command family uses (pure): the lexer ([`Token`]), the
//! [`Cursor`] that walks a subcommand's tokens (numbers, mentions, free text, `finish`), the
//! `key：value` form lines, the small errors the families word in their own error types, and
//! the renderer parts for turning a command back into text. Families import this, never each
//! other.

mod cursor;
mod form;
pub(crate) mod lexer;
mod render;

pub(crate) use self::cursor::{Cursor, IdError, Trailing, clip, grammar_text, join, trim_punct};
pub(crate) use self::form::{field_start, non_empty};
pub(crate) use self::lexer::Token;
pub(crate) use self::render::{Renderer, format_deadline, free_text, person_json, words};

/// The longest title accepted, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The most mentions one command may carry.
pub const MAX_MENTIONS: usize = 20;
/// The most tags one item may carry.
pub const MAX_TAGS: usize = 10;
