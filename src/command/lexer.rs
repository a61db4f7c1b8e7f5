//! Lexer (pure): normalises what people type in Feishu and splits it into tokens.
//!
//! Normalisation: every Unicode space (U+3000 included) becomes an ASCII space, full-width ASCII
//! forms (`／：，（）＃％＠`, digits, letters) become ASCII, “curly quotes” become `"`, and
//! zero-width characters are dropped. Feishu mention placeholders (`@_user_1`) are resolved
//! through the message's mention list into [`Token::Mention`]; a placeholder with no entry stays
//! text. A token that is wholly `"…"` is a quoted literal: it may contain spaces and is never
//! read as a mention, priority, tag or deadline.

use crate::command::Mention;
use crate::domain::ids::Person;

/// One lexical unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    /// A run of non-space text.
    Word {
        /// The text (without the quotes when `quoted`).
        text: String,
        /// Written as `"…"`: taken literally.
        quoted: bool,
    },
    /// A resolved Feishu mention.
    Mention(Person),
}

impl Token {
    /// The text of an unquoted word.
    pub(crate) fn bare(&self) -> Option<&str> {
        match self {
            Self::Word { text, quoted: false } => Some(text),
            Self::Word { quoted: true, .. } | Self::Mention(_) => None,
        }
    }

    /// How the token reads inside free text (a note, a title): mentions as `@name`.
    pub(crate) fn as_text(&self) -> String {
        match self {
            Self::Word { text, .. } => text.clone(),
            Self::Mention(p) => format!("@{}", p.name),
        }
    }
}

/// Normalises one message (see the module docs). Newlines are kept.
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'))
        .map(|c| match c {
            '\n' => '\n',
            '\r' => ' ',
            c if c.is_whitespace() => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '“' | '”' | '„' | '″' => '"',
            c => c,
        })
        .collect()
}

/// Splits a message into lines of tokens (after [`normalise`]).
pub(crate) fn lex(text: &str, mentions: &[Mention]) -> Vec<Vec<Token>> {
    let mut keys: Vec<&Mention> = mentions.iter().filter(|m| !m.key.is_empty()).collect();
    // Longest key first, so `@_user_10` is not read as `@_user_1` followed by `0`.
    keys.sort_by_key(|m| std::cmp::Reverse(m.key.len()));
    normalise(text)
        .split('\n')
        .map(|line| lex_line(line, &keys))
        .collect()
}

fn lex_line(line: &str, keys: &[&Mention]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = line.get(i..).unwrap_or("");
        if c == ' ' {
            flush(&mut out, &mut word);
        } else if let Some(m) = keys.iter().find(|m| rest.starts_with(m.key.as_str())) {
            flush(&mut out, &mut word);
            out.push(Token::Mention(m.person.clone()));
            // Skip the rest of the key (its first char is already consumed).
            let end = i + m.key.len();
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
        } else if c == '"' && word.is_empty() && rest.get(1..).is_some_and(|r| r.contains('"')) {
            let inner: String = chars.by_ref().map(|(_, c)| c).take_while(|c| *c != '"').collect();
            let ends_token = chars.peek().is_none_or(|(_, c)| *c == ' ');
            if ends_token {
                out.push(Token::Word {
                    text: inner,
                    quoted: true,
                });
            } else {
                word.push('"');
                word.push_str(&inner);
                word.push('"');
            }
        } else {
            word.push(c);
        }
    }
    flush(&mut out, &mut word);
    out
}

fn flush(out: &mut Vec<Token>, word: &mut String) {
    if !word.is_empty() {
        out.push(Token::Word {
            text: std::mem::take(word),
            quoted: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::OpenId;

    fn m(key: &str, name: &str) -> Mention {
        Mention {
            key: key.to_owned(),
            person: Person {
                open_id: OpenId(format!("ou_{name}")),
                name: name.to_owned(),
            },
        }
    }

    fn w(s: &str) -> Token {
        Token::Word {
            text: s.to_owned(),
            quoted: false,
        }
    }

    #[test]
    fn full_width_forms_and_unicode_spaces_become_ascii() {
        assert_eq!(
            normalise("／督办\u{3000}进展 ＤＢ－１２\u{00A0}６０％：（好）"),
            "/督办 进展 DB-12 60%:(好)"
        );
    }

    #[test]
    fn curly_quotes_become_ascii_and_zero_width_characters_vanish() {
        assert_eq!(normalise("“a\u{200B}b”"), "\"ab\"");
    }

    #[test]
    fn mentions_are_resolved_even_when_glued_to_text() {
        let ms = [m("@_user_1", "张三"), m("@_user_10", "李四")];
        let lines = lex("请@_user_10和@_user_1处理", &ms);
        assert_eq!(
            lines,
            vec![vec![
                w("请"),
                Token::Mention(ms[1].person.clone()),
                w("和"),
                Token::Mention(ms[0].person.clone()),
                w("处理"),
            ]]
        );
    }

    #[test]
    fn an_unknown_placeholder_stays_text() {
        assert_eq!(lex("@_user_9", &[]), vec![vec![w("@_user_9")]]);
    }

    #[test]
    fn a_quoted_run_is_one_literal_token() {
        let lines = lex("a \"b c\" d", &[]);
        assert_eq!(
            lines,
            vec![vec![
                w("a"),
                Token::Word {
                    text: "b c".to_owned(),
                    quoted: true
                },
                w("d")
            ]]
        );
    }

    #[test]
    fn quotes_inside_a_word_are_kept_as_text() {
        assert_eq!(lex("“合规”自查 x", &[]), vec![vec![w("\"合规\"自查"), w("x")]]);
        assert_eq!(lex("\"open", &[]), vec![vec![w("\"open")]]);
    }

    #[test]
    fn lines_are_kept_apart() {
        assert_eq!(lex("a\nb c", &[]), vec![vec![w("a")], vec![w("b"), w("c")]]);
    }
}
