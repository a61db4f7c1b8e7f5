//! Token cursor (pure): walks the tokens of one subcommand; `finish` rejects leftovers.

use crate::command::ParseError;
use crate::command::lexer::Token;
use crate::domain::ids::{ItemId, Person};

/// A position in a subcommand's tokens.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    tokens: Vec<Token>,
    pos: usize,
    /// The subcommand, for error messages (`查看`).
    command: &'static str,
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

    /// The item number (`DB-12`, `12`, `db12`).
    pub(crate) fn next_item_id(&mut self) -> Result<ItemId, ParseError> {
        let command = self.command;
        let Some(token) = self.peek() else {
            return Err(ParseError::MissingItemId { command });
        };
        let id = token
            .bare()
            .map(|t| t.trim_end_matches([',', ':', '.', '、', '，', '。', ';']))
            .and_then(ItemId::parse);
        match id {
            Some(id) => {
                self.advance(1);
                Ok(id)
            }
            None => Err(ParseError::BadItemId {
                command,
                input: token.as_text(),
            }),
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
    pub(crate) fn finish(&self) -> Result<(), ParseError> {
        if self.rest().is_empty() {
            Ok(())
        } else {
            Err(ParseError::TrailingInput {
                command: self.command,
                junk: join(self.rest()),
            })
        }
    }
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
