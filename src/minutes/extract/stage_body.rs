//! The body stage of the walk (pure): what the line says once its labels are read — a bold or
//! bracketed name, a speaker, a `TODO` tag, a number an earlier line listed — and joined with
//! the field lines below it, or the list line above it.

use crate::minutes::layout::{Marker, starts_with_key, strip_marker, strip_todo_label, unbold_label};
use crate::minutes::speaker::{bracket_label, strip_speaker};

use super::sentence;
use super::turns::bracket_task;
use super::walk::{Here, Walk};

impl Walk<'_, '_> {
    /// The text of the line (`body` without its marker) to score, and whether it carried a
    /// `TODO` tag.
    pub(super) fn body(&mut self, here: &Here<'_>, body: &str) -> (bool, String) {
        let &Here {
            n, marker, indent, ..
        } = here;
        let lines = self.lines;
        // `【宫羽】…` in a transcript of such lines: the speaker, not an owner label.
        // `【田甜】月底把投诉台账更新完。`: a dated task with no one else in it is the label's, even
        // among `【名字】` lines.
        let unbolded;
        let body = match unbold_label(body) {
            Some(b) => {
                unbolded = b;
                unbolded.as_str()
            }
            None => body,
        };
        let plain;
        let body = match super::unbold::unbold_inner(body) {
            Some(b) => {
                plain = b;
                plain.as_str()
            }
            None => body,
        };
        let body = match bracket_label(body).filter(|(who, rest)| {
            self.bracket_speakers && self.ctx.is_name(who) && !bracket_task(&self.ctx, self.section, rest)
        }) {
            Some((who, rest)) => {
                let who = self.ctx.resolve(who);
                self.ctx.set_speaker(Some(who));
                rest
            }
            None => body,
        };
        // `答（某某）：…` in a record of questions and answers: the answerer speaks.
        let body = match super::answer::answer_label(body).filter(|(who, _)| self.ctx.is_name(who)) {
            Some((who, rest)) => {
                let who = self.ctx.resolve(who);
                self.ctx.set_speaker(Some(who));
                rest
            }
            None => body,
        };
        let (body, label) = strip_speaker(body);
        if let Some(label) = label {
            self.set_speaker_named(label);
        }
        let (label, body) = strip_todo_label(body);
        let inline = sentence::inline_list(body);
        let claimed;
        let body = match sentence::claim(body, &self.listed) {
            Some(b) => {
                claimed = b;
                claimed.as_str()
            }
            None => body,
        };
        if inline.len() >= 2 {
            self.listed = inline;
        }
        let next = lines
            .iter()
            .enumerate()
            .skip(n + 1)
            .find(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i, strip_marker(l.trim())));
        let body = match (self.open_line.take(), next) {
            (Some(prev), _) if marker == Marker::None && starts_with_key(body) => {
                format!("{prev}，{body}")
            }
            // `1. 灾备切换演练` followed by `责任人：余强  完成时间：6月27日`.
            // Every such line in a row (`Owner(s): 巫琳, 管乐` / `ETA: Aug 20`).
            (_, Some((i, (Marker::None, next_body))))
                if marker != Marker::None && starts_with_key(next_body) =>
            {
                lines
                    .iter()
                    .enumerate()
                    .skip(i)
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(k, l)| (k, strip_marker(l.trim())))
                    // `时间：本月25日前` after `负责人：…`: the item's date, not the meeting's.
                    .take_while(|(k, (m, b))| {
                        *m == Marker::None
                            && (starts_with_key(b)
                                || (*k > i
                                    && super::time_field::is_time_field(b)
                                    && self.ctx.deadline_in(b).is_some_and(|(_, d)| d.is_some())))
                    })
                    .fold(body.to_owned(), |acc, (k, (_, b))| {
                        self.joined_below.push(k);
                        format!("{acc}，{b}")
                    })
            }
            // `- 调取财务账簿` over `  - 负责人：卓慧` / `  - 完成时间：3月13日前`.
            (_, Some((_, (next_marker, next_body))))
                if marker != Marker::None && next_marker != Marker::None && starts_with_key(next_body) =>
            {
                match super::sub_fields::join_sub_fields(lines, n, indent, body, &self.ctx) {
                    Some((text, joined)) => {
                        self.joined_below.extend(joined);
                        text
                    }
                    None => body.to_owned(),
                }
            }
            // An item written over two lines: the second, unmarked, indented under the text
            // of the first (`- [ ] 梳理…名单，` / `      并逐户电话提醒…（韩雪，5月14日前）`).
            (_, Some((i, (Marker::None, next_body))))
                if marker != Marker::None
                    && lines.get(i).is_some_and(|l| {
                        l.chars().take_while(|c| c.is_whitespace()).count() > indent + 1
                    }) =>
            {
                self.joined_below.push(i);
                // `2. Owner: 叶凯` over `   Action: prepare…`: a labelled line is a field of its own.
                let labelled = next_body
                    .char_indices()
                    .take_while(|(k, _)| *k <= 24)
                    .any(|(_, c)| matches!(c, ':' | '：'));
                // `三、XQ-412 … —— 通过` over `冯立尽快给出…`: a line opening with a member is a clause.
                let sep = if labelled || self.ctx.longest_member_prefix(next_body).is_some() {
                    "，"
                } else {
                    ""
                };
                format!("{body}{sep}{next_body}")
            }
            _ => body.to_owned(),
        };
        (label, body)
    }
}
