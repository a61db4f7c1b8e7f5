//! One walk over the minutes' lines (pure): the state carried from line to line, and the order
//! of the stages each line goes through (table, block, heads, body, turns, scoring).

use crate::minutes::blocks::Block;
use crate::minutes::explain::Verdict;
use crate::minutes::item::Extraction;
use crate::minutes::layout::{Marker, Section, is_routing, strip_marker};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::Ctx;
use crate::minutes::speaker::strip_stamp;
use crate::minutes::table::Table;

use super::heading_due::HeadingDue;
use super::qa;
use super::refer;
use super::trace::{Tracer, close_block};

/// What the walk carries from one line to the next.
pub(super) struct Walk<'a, 't> {
    /// The minutes, one cleaned line each.
    pub(super) lines: &'a [String],
    pub(super) ctx: Ctx<'a>,
    pub(super) ex: Extraction,
    pub(super) tr: Tracer<'t>,
    /// `【名字】…` lines make a transcript: the bracket is the speaker.
    pub(super) bracket_speakers: bool,
    pub(super) section: Section,
    /// The section of the last heading not numbered `（一）`: what a sub-section sits in.
    pub(super) parent_section: Section,
    pub(super) table: Option<Table>,
    pub(super) block: Option<(usize, Block)>,
    pub(super) last_item_indent: Option<usize>,
    /// The last list line that was not an item: a following `责任人：… 完成时间：…` line completes it.
    pub(super) open_line: Option<String>,
    pub(super) list_seen: bool,
    /// The last line said, and by whom (transcripts).
    pub(super) last_said: Option<(String, Option<OwnerRef>)>,
    /// Field lines (`责任人：… 完成时间：…`) already joined to the item above them.
    pub(super) joined_below: Vec<usize>,
    /// The line the last item came from and who said it.
    pub(super) item_from: Option<(usize, Option<OwnerRef>)>,
    /// The line before this one.
    pub(super) last_line: Option<usize>,
    /// Outside a transcript, `史磊：…这个我来…`: for that line the labelled person is who says 我.
    pub(super) label_speaker: Option<Option<OwnerRef>>,
    /// `- **殷悦**` with the person's tasks indented below: (its indent, the people, whether its
    /// tasks are a list at its own indent: `诸葛宁：` over `1. …` `2. …`).
    pub(super) group: Option<(usize, Vec<OwnerRef>, bool)>,
    /// `1. 业绩排名通报 2. 两融客户回访` listed in one line: what `2我和黄丽一起` claims.
    pub(super) listed: Vec<String>,
    /// Numbered lines and table rows, for `第2项由…负责` below them; the items such lines close.
    pub(super) numbered: refer::Listed,
    pub(super) closed: Vec<usize>,
    pub(super) table_row: u32,
    /// `习志国：` over `[00:01:05] …` lines: their clock times are when it was said.
    pub(super) stamped_turns: bool,
    /// `二、以下事项请于周五前完成：`: the heading's deadline for the items under it.
    pub(super) heading_due: HeadingDue,
}

/// The line being read: its number, the line before it, its trimmed text, its list marker and
/// its indent.
pub(super) struct Here<'l> {
    pub(super) n: usize,
    pub(super) prev_line: Option<usize>,
    pub(super) trimmed: &'l str,
    pub(super) marker: Marker,
    pub(super) indent: usize,
}

impl<'a, 't> Walk<'a, 't> {
    /// A walk at the top of `lines`, nothing found yet.
    pub(super) fn new(
        lines: &'a [String],
        ctx: Ctx<'a>,
        ex: Extraction,
        tr: Tracer<'t>,
        bracket_speakers: bool,
    ) -> Self {
        Self {
            lines,
            ctx,
            ex,
            tr,
            bracket_speakers,
            section: Section::None,
            parent_section: Section::None,
            table: None,
            block: None,
            last_item_indent: None,
            open_line: None,
            list_seen: false,
            last_said: None,
            joined_below: Vec::new(),
            item_from: None,
            last_line: None,
            label_speaker: None,
            group: None,
            listed: Vec::new(),
            numbered: refer::Listed::default(),
            closed: Vec::new(),
            table_row: 0,
            stamped_turns: false,
            heading_due: HeadingDue::default(),
        }
    }

    /// Ends the open block, if any: its item (or why none).
    pub(super) fn close_block(&mut self) {
        close_block(&mut self.block, &self.ctx, &mut self.ex, &mut self.tr);
    }

    /// Reads line `n` through the stages, the first that takes it ending its turn.
    pub(super) fn line(&mut self, n: usize, line: &'a str) {
        self.numbered.settle(self.ex.items.len());
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if self.block.as_ref().is_some_and(|(_, b)| b.ends_at_blank()) {
                self.close_block();
            }
            return;
        }
        let prev_line = self.last_line.replace(n);
        if let Some(before) = self.label_speaker.take() {
            self.ctx.speaker = before;
        }
        if self.joined_below.contains(&n) {
            self.tr.note(n, trimmed, Verdict::Detail, Vec::new(), None);
            return;
        }
        if self.table_line(n, trimmed) {
            return;
        }
        if is_routing(trimmed) {
            self.close_block();
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return;
        }
        let lines = self.lines;
        let (marker, body) = strip_marker(trimmed);
        let body = if self.stamped_turns {
            strip_stamp(body)
        } else {
            body
        };
        let asked = qa::answer_with_question(body, prev_line.and_then(|p| lines.get(p)).map(String::as_str));
        let body = asked.as_deref().unwrap_or(body);
        // The next lines, blank ones aside (a block's title looks at its fields below).
        let next: Vec<&str> = lines
            .iter()
            .skip(n + 1)
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .take(4)
            .collect();
        let next_line = next.first().copied();
        if qa::question_answered_below(body, next_line) {
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return;
        }
        if self.block_line(n, trimmed, body, &next) || self.heads(n, line, trimmed, prev_line, next_line) {
            return;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let here = Here {
            n,
            prev_line,
            trimmed,
            marker,
            indent,
        };
        if self.list_heads(&here, line, body, next_line) {
            return;
        }
        // `贺某` over `- 今天：…`: today's plan is theirs, yesterday's work a report.
        let (body, planned) = match self.standup_part(n, trimmed, body) {
            Some(None) => return,
            Some(Some((rest, plan))) => (rest, Some(plan)),
            None => (body, None),
        };
        let (label, body) = self.body(&here, body);
        // A blocker naming someone else is theirs, not the reporter's.
        let group = self.group.take_if(|_| planned == Some(false));
        let turned = self.turns(&here, &body);
        if group.is_some() {
            self.group = group;
        }
        let Some((scan, question)) = turned else {
            return;
        };
        self.score(
            &here,
            &body,
            label || planned == Some(true),
            scan,
            question.as_deref(),
        );
    }

    /// Ends the walk: the open block, the heading's deadline, the items later lines closed.
    pub(super) fn finish(&mut self) {
        self.close_block();
        self.heading_due.close(&mut self.ex.items);
        let closed = &self.closed;
        let mut at = 0;
        self.ex.items.retain(|_| {
            at += 1;
            !closed.contains(&(at - 1))
        });
        // `| 2月15日 | 某某 | 某某 |` (a rota with no task column): an item saying no work is none.
        self.ex
            .items
            .retain(|i| i.text.chars().any(char::is_alphanumeric));
    }
}
