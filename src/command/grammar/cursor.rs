//! Token cursor (pure): walks the tokens of one subcommand; `finish` rejects leftovers.
//!
//! What a cursor cannot read comes back as a small family-neutral error ([`IdError`],
//! [`Trailing`]); each family words it in its own error type through a `From` impl, so
//! `c.next_id(ProjectId::parse)?` and `c.finish()?` read the same in every family.

use crate::command::grammar::lexer::Token;
use crate::domain::ids::Person;

/// How much of what was typed an error message repeats, in characters.
const ECHO_CHARS: usize = 20;

/// A position in a subcommand's tokens.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    tokens: Vec<Token>,
    pos: usize,
    /// The subcommand, for error messages (`查看`).
    command: &'static str,
}

/// A number (`DB-12`, `XM-3`, `XQ-5`) that is missing or unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum IdError {
    /// Nothing follows the subcommand.
    Missing {
        /// The subcommand.
        command: &'static str,
    },
    /// What follows is not such a number.
    Bad {
        /// The subcommand.
        command: &'static str,
        /// The word as typed.
        input: String,
    },
}

/// Words left over after a complete subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Trailing {
    /// The subcommand.
    pub(crate) command: &'static str,
    /// The leftovers as free text.
    pub(crate) junk: String,
}

impl IdError {
    /// The subcommand that wanted the number.
    pub(crate) fn command(&self) -> &'static str {
        match self {
            Self::Missing { command } | Self::Bad { command, .. } => command,
        }
    }
}

impl Cursor {
    /// A cursor at the first of `tokens`.
    pub(crate) fn new(tokens: Vec<Token>, command: &'static str) -> Self {
        Self {
            tokens,
            pos: 0,
            command,
        }
    }

    /// The next token, not consumed.
    pub(crate) fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    /// The tokens not yet consumed.
    pub(crate) fn rest(&self) -> &[Token] {
        self.tokens.get(self.pos..).unwrap_or(&[])
    }

    /// Consumes `n` tokens.
    pub(crate) fn advance(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.tokens.len());
    }

    /// The next token read by `parse` as a number (`DB-12`, `12`, `db12`; trailing punctuation
    /// people type after a number is ignored). Consumed only when it reads.
    pub(crate) fn next_id<T>(&mut self, parse: impl Fn(&str) -> Option<T>) -> Result<T, IdError> {
        let command = self.command;
        let Some(token) = self.peek() else {
            return Err(IdError::Missing { command });
        };
        match token.bare().map(trim_punct).and_then(parse) {
            Some(id) => {
                self.advance(1);
                Ok(id)
            }
            None => Err(IdError::Bad {
                command,
                input: token.as_text(),
            }),
        }
    }

    /// The next word looked up in `choices` (ASCII case-insensitively) and consumed: `Ok(None)`
    /// when nothing is left, `Err(what was typed)` when it is none of them (not consumed).
    pub(crate) fn next_choice<T: Clone>(&mut self, choices: &[(&str, T)]) -> Result<Option<T>, String> {
        let Some(token) = self.peek() else {
            return Ok(None);
        };
        let word = token.bare().unwrap_or_default().to_ascii_lowercase();
        match choices.iter().find(|(w, _)| *w == word) {
            Some((_, value)) => {
                let value = value.clone();
                self.advance(1);
                Ok(Some(value))
            }
            None => Err(token.as_text()),
        }
    }

    /// The next token if it is a mention.
    pub(crate) fn next_mention(&mut self) -> Option<Person> {
        let Some(Token::Mention(p)) = self.peek() else {
            return None;
        };
        let p = p.clone();
        self.advance(1);
        Some(p)
    }

    /// The remaining tokens as free text (words joined by one space), or `None` if none remain.
    pub(crate) fn rest_text(&mut self) -> Option<String> {
        let text = join(self.rest());
        self.pos = self.tokens.len();
        (!text.is_empty()).then_some(text)
    }

    /// Succeeds only when every token was consumed.
    pub(crate) fn finish(&self) -> Result<(), Trailing> {
        if self.rest().is_empty() {
            Ok(())
        } else {
            Err(Trailing {
                command: self.command,
                junk: join(self.rest()),
            })
        }
    }
}

impl Trailing {
    /// The refusal card's title for leftovers, in every family.
    pub(crate) const TITLE: &'static str = "指令后面有多余的内容";

    /// What was wrong, in every family: `“查看”后面多了“…”，请删去多余的内容`.
    pub(crate) fn message(command: &str, junk: &str) -> String {
        format!("“{command}”后面多了“{junk}”，请删去多余的内容")
    }
}

/// Trailing punctuation people type after a number (`XM-3，`) removed.
pub(crate) fn trim_punct(s: &str) -> &str {
    s.trim_end_matches([',', ':', '.', '、', '，', '。', ';'])
}

/// The start of what was typed, short enough to repeat in an error message.
pub(crate) fn clip(text: &str) -> String {
    text.chars().take(ECHO_CHARS).collect()
}

/// Tokens as free text: words joined by one space, mentions as `@name`.
pub(crate) fn join(tokens: &[Token]) -> String {
    tokens.iter().map(Token::as_text).collect::<Vec<_>>().join(" ")
}

/// Tokens as the grammar reads them (normalised words, mentions as `@name`), joined by one
/// space: for fields that hold a deadline or a priority.
pub(crate) fn grammar_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(Token::as_grammar_text)
        .collect::<Vec<_>>()
        .join(" ")
}
