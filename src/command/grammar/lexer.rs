//! Lexer (pure): normalises what people type in Feishu and splits it into tokens.
//!
//! Normalisation: every Unicode space (U+3000 included) becomes an ASCII space, full-width ASCII
//! forms (`／：，（）＃％＠`, digits, letters) become ASCII, “curly quotes” become `"`, and
//! zero-width characters are dropped. The grammar reads only the normalised form
//! ([`Token::bare`]); every word also keeps its text as typed ([`Token::as_text`]), so titles,
//! notes and reasons keep their full-width punctuation (`《》（），：；“”`) exactly. Feishu
//! mention placeholders (`@_user_1`) are resolved through the message's mention list into
//! [`Token::Mention`]; a placeholder with no entry stays text. A token that is wholly `"…"` is a
//! quoted literal: it may contain spaces and is never read as a mention, priority, tag or
//! deadline.

use crate::command::mention::Mention;
use crate::domain::ids::Person;

/// One lexical unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    /// A run of non-space text.
    Word {
        /// The normalised text the grammar reads (without the quotes when `quoted`).
        text: String,
        /// Written as `"…"`: taken literally.
        quoted: bool,
        /// The same characters as typed (one for one with `text`: normalisation maps each
        /// character to one character).
        raw: String,
    },
    /// A resolved Feishu mention.
    Mention(Person),
}

impl Token {
    /// An unquoted word whose typed text is `raw` (normalised for the grammar).
    #[cfg(test)]
    pub(crate) fn word(raw: &str) -> Self {
        Self::Word {
            text: normalise(raw),
            quoted: false,
            raw: raw.to_owned(),
        }
    }

    /// The normalised text of an unquoted word.
    pub(crate) fn bare(&self) -> Option<&str> {
        match self {
            Self::Word {
                text, quoted: false, ..
            } => Some(text),
            Self::Word { quoted: true, .. } | Self::Mention(_) => None,
        }
    }

    /// How the token reads inside free text (a note, a title): words as typed, mentions as
    /// `@name`.
    pub(crate) fn as_text(&self) -> String {
        match self {
            Self::Word { raw, .. } => raw.clone(),
            Self::Mention(p) => format!("@{}", p.name),
        }
    }

    /// The normalised text (mentions as `@name`), for fields the grammar reads (a deadline, a
    /// priority).
    pub(crate) fn as_grammar_text(&self) -> String {
        match self {
            Self::Word { text, .. } => text.clone(),
            Self::Mention(p) => format!("@{}", p.name),
        }
    }

    /// An unquoted word without its first `skip` characters (`负责人：@张三` → `@张三`), keeping
    /// the typed form; `None` when nothing is left or the token is not an unquoted word.
    pub(crate) fn tail(&self, skip: usize) -> Option<Self> {
        let Self::Word {
            text,
            quoted: false,
            raw,
        } = self
        else {
            return None;
        };
        let text: String = text.chars().skip(skip).collect();
        let raw: String = raw.chars().skip(skip).collect();
        (!text.is_empty()).then_some(Self::Word {
            text,
            quoted: false,
            raw,
        })
    }
}

/// Characters dropped before lexing (zero-width spaces and joiners, the BOM).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The normal form of one visible character (see the module docs).
fn fold(c: char) -> char {
    match c {
        '\n' => '\n',
        '\r' => ' ',
        c if c.is_whitespace() => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '“' | '”' | '„' | '″' => '"',
        c => c,
    }
}

/// Normalises one message (see the module docs). Newlines are kept.
pub(crate) fn normalise(text: &str) -> String {
    text.chars().filter(|c| !is_invisible(*c)).map(fold).collect()
}

/// Splits a message into lines of tokens (after [`normalise`]).
pub(crate) fn lex(text: &str, mentions: &[Mention]) -> Vec<Vec<Token>> {
    let mut keys: Vec<&Mention> = mentions.iter().filter(|m| !m.key.is_empty()).collect();
    // Longest key first, so `@_user_10` is not read as `@_user_1` followed by `0`.
    keys.sort_by_key(|m| std::cmp::Reverse(m.key.len()));
    // Whitespace folds to ' ' and '\n' stays, so the typed text splits into the same lines.
    text.chars()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .split('\n')
        .map(|line| lex_line(line, &keys))
        .collect()
}

/// Whether `text` can hold a command at all: after blank space and leading mentions, its first
/// character (normalised as [`lex`] does) is `/` or `、`, which every command word begins with
/// (`/督办`, `／项目`, `、纪要` …). [`crate::command::parse`] asks this first, so plain chatter —
/// most of what a group says — is never lexed; it answers exactly what the full parse would
/// for every message this rejects (`command::tests::the_quick_test_never_changes_an_answer`).
pub(crate) fn may_start_command(text: &str, mentions: &[Mention]) -> bool {
    let keys: Vec<&str> = mentions
        .iter()
        .map(|m| m.key.as_str())
        .filter(|k| !k.is_empty())
        .collect();
    let longest = keys.iter().map(|k| k.chars().count()).max().unwrap_or(0);
    let visible: fn(&char) -> bool = |c| !is_invisible(*c);
    let mut chars = text.chars().filter(visible).map(fold);
    loop {
        let mut ahead = chars.clone();
        match ahead.next() {
            None => return false,
            Some(' ' | '\n') => {
                chars = ahead;
                continue;
            }
            Some('/' | '、') => return true,
            Some(_) => {}
        }
        // A mention placeholder here is skipped (the longest key that matches, as `lex` reads it).
        let head: String = chars.clone().take(longest).collect();
        let Some(key) = keys
            .iter()
            .filter(|k| head.starts_with(**k))
            .max_by_key(|k| k.len())
        else {
            return false;
        };
        for _ in 0..key.chars().count() {
            chars.next();
        }
    }
}

/// A word being built: normalised and typed characters side by side.
#[derive(Default)]
struct Pending {
    text: String,
    raw: String,
}

impl Pending {
    fn push(&mut self, norm: char, raw: char) {
        self.text.push(norm);
        self.raw.push(raw);
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

fn lex_line(line: &str, keys: &[&Mention]) -> Vec<Token> {
    let raw: Vec<char> = line.chars().collect();
    let norm: Vec<char> = raw.iter().map(|c| fold(*c)).collect();
    let normal: String = norm.iter().collect();
    // Byte offset in `normal` of each character, to match mention keys.
    let offsets: Vec<usize> = normal.char_indices().map(|(i, _)| i).collect();
    let mut out = Vec::new();
    let mut word = Pending::default();
    let mut i = 0;
    while let (Some(&c), Some(&r)) = (norm.get(i), raw.get(i)) {
        let rest = offsets.get(i).and_then(|b| normal.get(*b..)).unwrap_or("");
        if c == ' ' {
            flush(&mut out, &mut word);
            i += 1;
        } else if let Some(m) = keys.iter().find(|m| rest.starts_with(m.key.as_str())) {
            flush(&mut out, &mut word);
            out.push(Token::Mention(m.person.clone()));
            i += m.key.chars().count();
        } else if c == '"'
            && word.is_empty()
            && let Some(len) = norm.get(i + 1..).and_then(|r| r.iter().position(|c| *c == '"'))
        {
            let close = i + 1 + len;
            let inner = |v: &[char]| -> String { v.get(i + 1..close).unwrap_or(&[]).iter().collect() };
            let ends_token = norm.get(close + 1).is_none_or(|c| *c == ' ');
            // A run quotes something only when it opens and closes the right way round
            // (“…” or "…") around a non-empty inside; `”“` or `“”` typed as text stays text.
            let real_quotes = close > i + 1 && raw.get(i) != Some(&'”') && raw.get(close) != Some(&'“');
            if ends_token && real_quotes {
                out.push(Token::Word {
                    text: inner(&norm),
                    quoted: true,
                    raw: inner(&raw),
                });
            } else {
                for j in i..=close {
                    if let (Some(n), Some(r)) = (norm.get(j), raw.get(j)) {
                        word.push(*n, *r);
                    }
                }
            }
            i = close + 1;
        } else {
            word.push(c, r);
            i += 1;
        }
    }
    flush(&mut out, &mut word);
    out
}

fn flush(out: &mut Vec<Token>, word: &mut Pending) {
    if !word.is_empty() {
        let Pending { text, raw } = std::mem::take(word);
        out.push(Token::Word {
            text,
            quoted: false,
            raw,
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
        Token::word(s)
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
                    quoted: true,
                    raw: "b c".to_owned(),
                },
                w("d")
            ]]
        );
    }

    #[test]
    fn quotes_inside_a_word_are_kept_as_text() {
        let lines = lex("“合规”自查 x", &[]);
        assert_eq!(lines, vec![vec![w("“合规”自查"), w("x")]]);
        assert_eq!(lines[0][0].bare(), Some("\"合规\"自查"));
        assert_eq!(lex("\"open", &[]), vec![vec![w("\"open")]]);
    }

    #[test]
    fn lines_are_kept_apart() {
        assert_eq!(lex("a\nb c", &[]), vec![vec![w("a")], vec![w("b"), w("c")]]);
    }

    #[test]
    fn words_keep_their_typed_punctuation_while_the_grammar_reads_ascii() {
        let title = "修订《客户适当性管理办法》（2026版），报合规总监审阅：“要点”；附件、清单！？";
        let lines = lex(&format!("／督办\u{3000}{title} ＤＢ－１２"), &[]);
        let tokens = &lines[0];
        assert_eq!(tokens.len(), 3);
        assert_eq!(tokens[0].bare(), Some("/督办"));
        assert_eq!(tokens[1].as_text(), title);
        assert_eq!(tokens[2].bare(), Some("DB-12"));
        assert_eq!(tokens[2].as_text(), "ＤＢ－１２");
    }

    #[test]
    fn a_quoted_run_keeps_its_typed_inside() {
        let lines = lex("“《办法》（草案） 第二版”", &[]);
        assert_eq!(lines[0].len(), 1);
        assert_eq!(lines[0][0].as_text(), "《办法》（草案） 第二版");
        assert_eq!(lines[0][0].bare(), None);
    }

    #[test]
    fn a_tail_keeps_the_typed_form() {
        let t = Token::word("说明：（见附件）");
        assert_eq!(t.tail(3).map(|t| t.as_text()), Some("（见附件）".to_owned()));
        assert_eq!(
            t.tail(3).and_then(|t| t.bare().map(str::to_owned)),
            Some("(见附件)".to_owned())
        );
        assert_eq!(Token::word("说明：").tail(3), None);
    }

    proptest::proptest! {
        /// Whatever is typed between separators comes back exactly from `as_text`.
        #[test]
        fn typed_words_round_trip(word in "[《》（），：；“”、。！？a-z0-9合规办法\\-]{1,20}") {
            let lines = lex(&format!("/督办 {word}"), &[]);
            let text: Vec<String> = lines.concat().iter().map(Token::as_text).collect();
            let joined = text.join(" ");
            // A word wholly in quotes loses only its quotes.
            let bare = word.trim_start_matches('“').trim_end_matches('”');
            proptest::prop_assert!(joined == format!("/督办 {word}") || joined == format!("/督办 {bare}"), "{joined}");
        }
    }
}
