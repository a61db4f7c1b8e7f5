//! Minutes written in 繁體 (a Hong Kong subsidiary's `周會紀要`, `跟進人`, `下星期三前`): read as
//! 简体, shown as written.
//!
//! The rules read 简体. A 繁體 text is turned into 简体 one character for one character
//! (`fast2s`), with the Cantonese words the rules would not know put in the same places
//! (`嘅` → `的`, `唔` → `不`, `今個星期` → `这个星期`, `一齊` → `一起`, `幫手` → `协助`, `X同Y一齊`
//! → `X和Y一起`). The items found are then given back in the writer's script: a key phrase of the
//! text at the same places, an owner as the member the group lists.

use std::collections::HashMap;

use crate::command::Mention;
use crate::domain::ids::Person;
use crate::minutes::explain::LineTrace;
use crate::minutes::item::{ActionItem, Extraction};
use crate::minutes::owner::OwnerRef;

/// A text in 繁體 (or Cantonese), beside its 简体 reading of the same length in characters.
#[derive(Debug)]
pub(crate) struct Hant {
    written: Vec<char>,
    read: Vec<char>,
    /// A 简体 character the text wrote otherwise, and how it was written (first seen).
    back: HashMap<char, char>,
}

/// Fewer characters changed than this and the text is read as written (a 简体 text quoting
/// one 繁體 word).
const AT_LEAST_CHANGED: usize = 2;

impl Hant {
    /// The text's 简体 reading, when it is written in 繁體 (or Cantonese); `None` for a 简体 text.
    pub(crate) fn of(text: &str) -> Option<Self> {
        let written: Vec<char> = text.chars().collect();
        let read: Vec<char> = to_simplified(text).chars().collect();
        if written.len() != read.len() {
            return None;
        }
        let mut back = HashMap::new();
        let mut changed = 0;
        for (w, r) in written.iter().zip(&read) {
            if w != r {
                changed += 1;
                back.entry(*r).or_insert(*w);
            }
        }
        (changed >= AT_LEAST_CHANGED).then_some(Self { written, read, back })
    }

    /// The text as the rules read it.
    pub(crate) fn read(&self) -> String {
        self.read.iter().collect()
    }

    /// `s` (read off the 简体 text) as the writer wrote it: the text at the same places when `s`
    /// is a piece of it, else character by character.
    pub(crate) fn written(&self, s: &str) -> String {
        let want: Vec<char> = s.chars().collect();
        if !want.is_empty()
            && let Some(at) = self.read.windows(want.len()).position(|w| w == want)
        {
            return self.written[at..at + want.len()].iter().collect();
        }
        want.iter()
            .map(|c| self.back.get(c).copied().unwrap_or(*c))
            .collect()
    }

    /// What was read off the 简体 text given back as written: the title, the decisions, each
    /// item's words, and its owners (`people`, the group's members and mentions as listed, by open
    /// id; anyone else as the text wrote them), and so each traced line.
    pub(crate) fn give_back(
        &self,
        ex: &mut Extraction,
        traces: Option<&mut Vec<LineTrace>>,
        people: &[&Person],
    ) {
        let written = |s: &mut String| *s = self.written(s);
        let item_written = |item: &mut ActionItem| {
            written(&mut item.text);
            item.deadline_text.iter_mut().for_each(written);
            item.units.iter_mut().for_each(written);
            for owner in &mut item.owners {
                match owner {
                    OwnerRef::Person(p) => match people.iter().find(|q| q.open_id == p.open_id) {
                        Some(q) => p.name.clone_from(&q.name),
                        None => written(&mut p.name),
                    },
                    OwnerRef::Unresolved(name) => written(name),
                }
            }
        };
        ex.title.iter_mut().for_each(written);
        ex.decisions.iter_mut().for_each(written);
        ex.items.iter_mut().for_each(item_written);
        for t in traces.into_iter().flatten() {
            written(&mut t.text);
            t.item.iter_mut().for_each(item_written);
        }
    }
}

/// A person as the rules read their name (in 简体), the same person.
fn in_simplified(p: &Person) -> Person {
    Person {
        open_id: p.open_id.clone(),
        name: to_simplified(&p.name),
    }
}

/// The group's members as the rules read their names.
pub(crate) fn people(members: &[Person]) -> Vec<Person> {
    members.iter().map(in_simplified).collect()
}

/// The mentions, their people's names as the rules read them.
pub(crate) fn mentions(mentions: &[Mention]) -> Vec<Mention> {
    mentions
        .iter()
        .map(|m| Mention {
            key: m.key.clone(),
            person: in_simplified(&m.person),
        })
        .collect()
}

/// `text` in 简体, character for character: Cantonese words first (`係` is `是` there, not
/// `系`), then `fast2s`.
pub(crate) fn to_simplified(text: &str) -> String {
    fast2s::convert(&cantonese(text))
}

/// The Cantonese words the rules would not know, as Mandarin of the same length.
fn cantonese(text: &str) -> String {
    let cs: Vec<char> = text.chars().collect();
    let mut out = cs.clone();
    for (i, c) in cs.iter().enumerate() {
        let next = cs.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| cs[p]);
        out[i] = match c {
            '嘅' => '的',
            '唔' => '不',
            '冇' => '没',
            '喺' => '在',
            '係' => '是',
            '咗' => '了',
            '啲' => '些',
            '佢' => '他',
            '睇' => '看',
            '俾' => '给',
            // `今個星期內`: this week.
            '今' if matches!(next, Some('個' | '个'))
                && matches!(cs.get(i + 2), Some('星' | '禮' | '礼')) =>
            {
                '这'
            }
            // `一齊做`: together.
            '齊' if prev == Some('一') => '起',
            // `家豪幫手`: helps, a second owner.
            '幫' if next == Some('手') => '协',
            '手' if prev == Some('幫') => '助',
            // `子健同俊傑一齊做`: and.
            '同' if joins_two(&cs, i) => '和',
            _ => *c,
        };
    }
    out.into_iter().collect()
}

/// `同` between two doers of one piece of work (`子健同俊傑一齊做`): `一齊` follows within the
/// clause.
fn joins_two(cs: &[char], at: usize) -> bool {
    cs[at + 1..]
        .iter()
        .take(8)
        .take_while(|c| !matches!(c, '，' | '。' | '；' | ',' | ';' | '\n'))
        .collect::<String>()
        .contains("一齊")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simplified_text_is_read_as_written() {
        assert!(Hant::of("孙敏负责，下周三前完成。").is_none());
        assert!(Hant::of("").is_none());
    }

    #[test]
    fn a_traditional_text_is_read_in_simplified_of_the_same_length() {
        let h = Hant::of("孖展客戶集中度報告：Keith 負責，下星期一前交 Cathy。").expect("繁體");
        assert_eq!(h.read(), "孖展客户集中度报告：Keith 负责，下星期一前交 Cathy。");
        assert_eq!(h.written("客户集中度报告"), "客戶集中度報告");
    }

    #[test]
    fn cantonese_words_read_as_mandarin() {
        let h = Hant::of("Q1 factsheet 今個星期內要出，子健同俊傑一齊做，家豪幫手，唔使等。").expect("繁體");
        assert_eq!(
            h.read(),
            "Q1 factsheet 这个星期内要出，子健和俊杰一起做，家豪协助，不使等。"
        );
        // `同事` is no `和`.
        assert_eq!(to_simplified("同事跟進"), "同事跟进");
    }

    #[test]
    fn text_no_longer_in_the_source_is_given_back_character_by_character() {
        let h = Hant::of("新辦公室搬遷，偉倫落實。").expect("繁體");
        // A rewritten phrase (not a piece of the text): each character as the text wrote it.
        assert_eq!(h.written("【待办】伟伦：搬迁"), "【待辦】偉倫：搬遷");
    }
}
