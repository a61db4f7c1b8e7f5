//! The heads stage of the walk (pure): lines that head what follows instead of asking for work —
//! a person over their tasks, a section heading, a speaker's label, meta lines, work given to
//! numbered items above, a topic over its sub-list — and the section an unmarked paragraph ends.

use crate::minutes::explain::Verdict;
use crate::minutes::layout::{
    Marker, Section, classify, heading, is_meeting_title, is_meta, starts_with_key,
};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::OwnerHow;
use crate::minutes::speaker::{label_over_stamp, speaker_line, speaker_name};

use super::lists::{owner_over, topic_over_own_tasks, unit_over_list};
use super::name_heading::{leader_heading_over, name_heading_over};
use super::refer;
use super::to_item;
use super::trace::section_name;
use super::turns::{paren_topic_over_list, topic_over_sublist};
use super::walk::{Here, Walk};

impl Walk<'_, '_> {
    /// Reads line `n` as a person over their tasks, a heading, a speaker's label or a meta line;
    /// whether it was one.
    pub(super) fn heads(
        &mut self,
        n: usize,
        line: &str,
        trimmed: &str,
        prev_line: Option<usize>,
        next_line: Option<&str>,
    ) -> bool {
        // `柏青：` alone over the person's numbered or indented tasks (`岳明、孟冬：` too,
        // not a heading).
        if let Some((people, flat)) = owner_over(
            line,
            &self.lines[n + 1..],
            &self.ctx,
            self.section == Section::Action,
        )
        .or_else(|| name_heading_over(line, &self.lines[n + 1..], &self.ctx))
        .or_else(|| leader_heading_over(line, &self.lines[n + 1..], &self.ctx))
        {
            self.group = Some((
                line.chars().take_while(|c| c.is_whitespace()).count(),
                people,
                flat,
            ));
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        if let Some(name) = heading(trimmed) {
            if self.group.as_ref().is_some_and(|(_, _, flat)| *flat) {
                self.group = None;
            }
            let own = classify(name);
            // `二、下半年工作安排` then `（一）数据标准`: a sub-topic of planned work is planned work.
            self.section = if super::sub_heading::is_sub_heading(trimmed) {
                super::sub_heading::sub_section(self.parent_section, name, own)
            } else {
                self.parent_section = own;
                own
            };
            self.heading_due.close(&mut self.ex.items);
            self.heading_due
                .open(trimmed, self.section, self.ex.items.len(), &self.ctx);
            self.last_item_indent = None;
            self.tr.note(
                n,
                trimmed,
                Verdict::Heading(section_name(self.section)),
                Vec::new(),
                None,
            );
            return true;
        }
        self.heading_due.sibling(trimmed, &mut self.ex.items);
        let over_stamp = label_over_stamp(trimmed, next_line);
        self.stamped_turns |= over_stamp.is_some();
        // `3月26日　运营管理部 某某：` alone: the writer of the opinion below.
        if let Some(name) = super::opinion_label::dated_opinion_name(trimmed).filter(|w| self.ctx.is_name(w))
        {
            self.set_speaker_named(name);
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        if let Some(label) = speaker_line(trimmed).or(over_stamp) {
            self.set_speaker_named(label);
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        if is_meta(trimmed)
            || (prev_line.is_none()
                && (is_meeting_title(trimmed) || super::dated_title::is_dated_title(trimmed, &self.ctx)))
        {
            // `…第二阶段待办（4月8日）`: a title naming a list of work heads it.
            if prev_line.is_none() && super::todo_title::names_todo_list(trimmed) {
                self.section = Section::Action;
                self.parent_section = Section::Action;
            }
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        false
    }

    /// The speaker named by `label` (a member, or a name that reads as one), or no one.
    pub(super) fn set_speaker_named(&mut self, label: &str) {
        let who: Option<OwnerRef> = speaker_name(label)
            .filter(|n| self.ctx.is_name(n) || self.ctx.is_loose_name(n))
            .map(|n| self.ctx.resolve(&n));
        self.ctx.set_speaker(who);
    }

    /// Reads the line (`body` without its marker) as work given to numbered items above, a name
    /// heading a list, a done checkbox or a topic over its sub-list; whether it was one.
    pub(super) fn list_heads(
        &mut self,
        here: &Here<'_>,
        line: &str,
        body: &str,
        next_line: Option<&str>,
    ) -> bool {
        let &Here {
            n,
            trimmed,
            marker,
            indent,
            ..
        } = here;
        // `第2、3项由刘思远负责，11月20日前完成`: work given to items listed above by number.
        let lists = (&mut self.ex.items, &mut self.closed);
        if refer::assign_referred(body, n, &self.ctx, &self.numbered, lists, &mut self.tr, to_item) {
            return true;
        }
        if let Some(k) = refer::list_number(trimmed) {
            self.numbered.note(k, body, self.ex.items.len());
        }
        if self.group.as_ref().is_some_and(|(at, _, flat)| {
            // `本周：…` / `下周：…` unmarked under a name alone still belong to that person.
            let labelled = super::standup::part(body).is_some();
            indent < *at || (indent == *at && !(*flat && (marker != Marker::None || labelled)))
        }) {
            self.group = None;
        }
        // A list item that is only a name (`- **殷悦**`, `- 温迪：`) heads that person's tasks.
        let bare = body.replace("**", "");
        let bare = bare.trim().trim_end_matches(['：', ':']).trim();
        if marker == Marker::List
            && (2..=12).contains(&bare.chars().count())
            && !bare.contains(['，', ',', '（', '(', '。'])
            && let Some(people) = self.ctx.names_if_all(bare)
        {
            let flat = super::lists::other_bullet_below(line, &self.lines[n + 1..]);
            self.group = Some((indent, people, flat));
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        if marker == Marker::Done {
            self.tr.note(n, trimmed, Verdict::DoneCheckbox, Vec::new(), None);
            return true;
        }
        // `1. 年度客户回访` over `(1) 陈静负责…`: a short topic heading its own sub-list.
        if topic_over_sublist(marker, body, next_line)
            || paren_topic_over_list(trimmed, body, next_line)
            || unit_over_list(marker, body, next_line)
        {
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        // `1. 尽职调查（牵头：欧阳靖）` over its own tasks: a sub-item naming no one is the lead's.
        if topic_over_own_tasks(line, marker, body, &self.lines[n + 1..], &self.ctx) {
            let lead = self.ctx.scan(body);
            if lead.how != OwnerHow::None && !lead.owners.is_empty() {
                self.group = Some((indent, lead.owners, false));
            }
            self.tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            return true;
        }
        // After a list, an unmarked paragraph closes an action section.
        if marker == Marker::None
            && indent == 0
            && self.list_seen
            && self.section == Section::Action
            && !starts_with_key(body)
            // `三、分工` then `鲍立伟：整理…；确认…`: a paragraph labelled with its owner and
            // parted into several tasks by semicolons is the section's own work, not prose closing it.
            && !(body.contains(['；', ';'])
                && super::label_owner::head(body).is_some_and(|h| self.ctx.names_if_all(h).is_some()))
        {
            self.section = Section::Other;
        }
        self.list_seen |= marker != Marker::None;
        false
    }
}
