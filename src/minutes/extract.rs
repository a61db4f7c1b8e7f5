//! Action items from meeting minutes (pure, deterministic rules).
//!
//! The text is read line by line. Headings (`## 待办`, `【会议决议】`, `一、下一步`, `**TODO**`,
//! `行动项：`) switch the section. In an action section every list item or line is an action
//! item; in a decision section (会议决议, 议定事项) a line is an item when it names an owner or a
//! deadline, otherwise it is recorded as a decision; anywhere else only a line with a clear
//! owner-and-verb pattern *and* a deadline (or a `- [ ]` checkbox, or a `TODO:` label) counts, so
//! the discussion record is not turned into tasks. Done checkboxes (`- [x]`) are never items.
//! Markdown tables with a task column (`| 事项 | 负责人 | 截止 |`) give one item per row.
//!
//! Owners are mentions, or names matched exactly against the group's members (`张总` matches a
//! member only when the surname is unique); anything else stays [`OwnerRef::Unresolved`].
//! Deadlines go through [`parse_deadline`](crate::command::when::parse_deadline), relative to the
//! stated meeting date (09:00 that day) or, failing that, to `meeting_at`.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::calendar::Calendar;
use crate::command::Mention;
use crate::domain::deadline::Deadline;
use crate::domain::ids::Person;
use crate::domain::priority::Priority;
use crate::domain::time::{SHANGHAI, local};
use crate::minutes::blocks::{Block, Outcome};
use crate::minutes::evidence::{self, LineFacts};
use crate::minutes::explain::{LineTrace, Verdict};
use crate::minutes::layout::{
    Marker, Section, classify, find_date, find_title, heading, is_meta, starts_with_key, strip_marker,
    strip_todo_label,
};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, Scan};
use crate::minutes::table::{Table, is_tab_row};
use crate::minutes::weights::Signal;

/// One action item found in the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// What is to be done (owner labels and deadline words removed).
    pub text: String,
    /// Owners, in order (the first is the 主办).
    pub owners: Vec<OwnerRef>,
    /// The accepted deadline.
    pub deadline: Option<Deadline>,
    /// The deadline as written, also when it was refused (then `deadline` is `None`).
    pub deadline_text: Option<String>,
    /// A priority, when stated.
    pub priority: Option<Priority>,
}

/// What the minutes hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extraction {
    /// The meeting's title (`会议主题：…` or the first heading).
    pub title: Option<String>,
    /// The meeting's date, when stated.
    pub meeting_date: Option<Date>,
    /// Action items, in order.
    pub items: Vec<ActionItem>,
    /// Decisions without an owner or deadline (会议决议 lines).
    pub decisions: Vec<String>,
}

/// The longest minutes read, in characters (longer text is cut).
pub const MAX_CHARS: usize = 50_000;
/// The most items kept.
pub const MAX_ITEMS: usize = 60;


/// Extracts action items and decisions from `text`.
pub fn extract(
    text: &str,
    mentions: &[Mention],
    members: &[Person],
    meeting_at: Timestamp,
    cal: &Calendar,
) -> Extraction {
    run(text, mentions, members, meeting_at, cal, None)
}

/// Extracts as [`extract`] does and traces every line: its score, the signals that fired and
/// the decision (`duban minutes --explain FILE`).
pub fn explain(
    text: &str,
    mentions: &[Mention],
    members: &[Person],
    meeting_at: Timestamp,
    cal: &Calendar,
) -> (Extraction, Vec<LineTrace>) {
    let mut traces = Vec::new();
    let ex = run(text, mentions, members, meeting_at, cal, Some(&mut traces));
    (ex, traces)
}

/// Records a line's trace when tracing.
struct Tracer<'t> {
    traces: Option<&'t mut Vec<LineTrace>>,
}

impl Tracer<'_> {
    fn note(&mut self, line: usize, text: &str, verdict: Verdict, signals: Vec<(Signal, i32)>, item: Option<&ActionItem>) {
        if let Some(t) = self.traces.as_deref_mut() {
            t.push(LineTrace {
                line: line + 1,
                text: text.to_owned(),
                verdict,
                signals,
                item: item.cloned(),
            });
        }
    }
}

fn section_name(s: Section) -> &'static str {
    match s {
        Section::Action => "行动",
        Section::Decision => "决定",
        Section::Status => "情况",
        Section::None | Section::Other => "其他",
    }
}

/// Ends an open block: its item (or why none).
fn close_block(block: &mut Option<(usize, Block)>, ctx: &Ctx<'_>, ex: &mut Extraction, tr: &mut Tracer<'_>) {
    let Some((line, b)) = block.take() else { return };
    match b.finish(ctx) {
        Outcome::Item(item) => {
            tr.note(line, &item.text, Verdict::BlockItem, Vec::new(), Some(&item));
            ex.items.push(*item);
        }
        Outcome::Rejected(title) => {
            tr.note(line, &title, Verdict::BlockRejected, Vec::new(), None);
            ex.decisions.push(title);
        }
        Outcome::Nothing(title) => tr.note(line, &title, Verdict::BlockEmpty, Vec::new(), None),
    }
}

/// `发言人 A（杜甫）：…` → `…` (the speaker assigns; the owner is named in what is said).
fn strip_speaker(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix("发言人")
        && let Some(i) = rest.find(['：', ':'])
        && rest.get(..i).is_some_and(|who| who.chars().count() <= 12)
    {
        return rest.get(i..).unwrap_or_default().trim_start_matches(['：', ':']).trim_start();
    }
    line
}

#[allow(clippy::too_many_lines)]
fn run(
    text: &str,
    mentions: &[Mention],
    members: &[Person],
    meeting_at: Timestamp,
    cal: &Calendar,
    traces: Option<&mut Vec<LineTrace>>,
) -> Extraction {
    let mut tr = Tracer { traces };
    let text: String = text.chars().take(MAX_CHARS).collect();
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            l.chars()
                .filter(|c| !matches!(c, '\r' | '\u{200B}' | '\u{FEFF}'))
                .map(|c| if c == '\u{3000}' || c == '\u{a0}' { ' ' } else { c })
                .collect()
        })
        .collect();
    let today = local(meeting_at).date();
    let title = find_title(&lines);
    let meeting_date = find_date(&lines, today);
    let base = match meeting_date {
        Some(d) => SHANGHAI.to_timestamp(d.at(9, 0, 0, 0)).unwrap_or(meeting_at),
        None => meeting_at,
    };
    let ctx = Ctx {
        mentions,
        members,
        base,
        cal,
    };
    let mut ex = Extraction {
        title,
        meeting_date,
        ..Extraction::default()
    };
    let mut section = Section::None;
    let mut table: Option<Table> = None;
    let mut block: Option<(usize, Block)> = None;
    let mut last_item_indent: Option<usize> = None;
    // The last list line that was not an item: a following `责任人：… 完成时间：…` line completes it.
    let mut open_line: Option<String> = None;
    let mut list_seen = false;
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('|') || (table.is_some() && is_tab_row(trimmed)) {
            close_block(&mut block, &ctx, &mut ex, &mut tr);
            if let Some(t) = &table {
                let item = t.row(trimmed, &ctx);
                let verdict = if item.is_some() { Verdict::TableItem } else { Verdict::TableSkipped };
                tr.note(n, trimmed, verdict, Vec::new(), item.as_ref());
                ex.items.extend(item);
            } else {
                table = Table::header(trimmed);
                tr.note(n, trimmed, Verdict::TableHeader, Vec::new(), None);
            }
            continue;
        }
        if is_tab_row(trimmed)
            && let Some(t) = Table::header(trimmed)
        {
            close_block(&mut block, &ctx, &mut ex, &mut tr);
            table = Some(t);
            tr.note(n, trimmed, Verdict::TableHeader, Vec::new(), None);
            continue;
        }
        table = None;
        let (marker, body) = strip_marker(trimmed);
        if let Some((_, b)) = block.as_mut()
            && b.field(body)
        {
            tr.note(n, trimmed, Verdict::BlockLine, Vec::new(), None);
            continue;
        }
        close_block(&mut block, &ctx, &mut ex, &mut tr);
        if let Some(b) = Block::start(body) {
            block = Some((n, b));
            tr.note(n, trimmed, Verdict::BlockLine, Vec::new(), None);
            continue;
        }
        if let Some(name) = heading(trimmed) {
            section = classify(name);
            last_item_indent = None;
            tr.note(n, trimmed, Verdict::Heading(section_name(section)), Vec::new(), None);
            continue;
        }
        if is_meta(trimmed) {
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        if marker == Marker::Done {
            tr.note(n, trimmed, Verdict::DoneCheckbox, Vec::new(), None);
            continue;
        }
        // After a list, an unmarked paragraph closes an action section.
        if marker == Marker::None
            && indent == 0
            && list_seen
            && section == Section::Action
            && !starts_with_key(body)
        {
            section = Section::Other;
        }
        list_seen |= marker != Marker::None;
        let body = strip_speaker(body);
        let (label, body) = strip_todo_label(body);
        let joined;
        let body = match open_line.take() {
            Some(prev) if marker == Marker::None && starts_with_key(body) => {
                joined = format!("{prev}，{body}");
                joined.as_str()
            }
            _ => body,
        };
        let scan = ctx.scan(body);
        let has_owner = scan.how != OwnerHow::None;
        let has_deadline = scan.deadline_text.is_some();
        // An indented detail under an item adds nothing unless it names its own owner or date.
        if indent > 0
            && marker != Marker::None
            && last_item_indent.is_some_and(|i| i < indent)
            && !has_owner
            && !has_deadline
        {
            tr.note(n, trimmed, Verdict::Detail, Vec::new(), None);
            continue;
        }
        let facts = |scan: &Scan, raw: &str, todo_label: bool| {
            evidence::signals(&LineFacts {
                section,
                marker,
                todo_label,
                scan,
                raw,
            })
        };
        // A line of several sentences is decided per sentence when one of them is a task.
        let sentences = split_sentences(body);
        if sentences.len() > 1 {
            let scored: Vec<(Scan, Vec<(Signal, i32)>, &str)> = sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let sc = ctx.scan(s);
                    let sig = facts(&sc, s, label && i == 0);
                    (sc, sig, *s)
                })
                .collect();
            if scored
                .iter()
                .any(|(sc, sig, _)| evidence::is_item(evidence::score(sig)) && !sc.text.is_empty())
            {
                for (sc, sig, s) in scored {
                    if evidence::is_item(evidence::score(&sig)) && !sc.text.is_empty() {
                        let item = to_item(sc);
                        tr.note(n, s, Verdict::Item, sig, Some(&item));
                        ex.items.push(item);
                    } else {
                        tr.note(n, s, Verdict::NotItem, sig, None);
                    }
                }
                last_item_indent = Some(indent);
                continue;
            }
        }
        let signals = facts(&scan, body, label);
        if evidence::is_item(evidence::score(&signals)) && !scan.text.is_empty() {
            last_item_indent = Some(indent);
            let item = to_item(scan);
            tr.note(n, trimmed, Verdict::Item, signals, Some(&item));
            ex.items.push(item);
        } else {
            if marker != Marker::None {
                open_line = Some(body.to_owned());
            }
            if section == Section::Decision && !scan.text.is_empty() {
                ex.decisions.push(scan.text);
            }
            tr.note(n, trimmed, Verdict::NotItem, signals, None);
        }
    }
    close_block(&mut block, &ctx, &mut ex, &mut tr);
    ex.items.truncate(MAX_ITEMS);
    ex
}

/// Owner words that stay at the start of a task once its owner is taken off (`张三负责牵头梳理…`).
const OWNER_WORDS: &[&str] = &["负责", "牵头", "主责", "主导", "配合", "协助"];
/// Words that tie a deadline to its clause before it (`请于周五前`) …
const DEADLINE_LEADS: &[&str] = &[
    "务必于",
    "务必在",
    "请于",
    "请在",
    "需于",
    "需在",
    "最晚",
    "最迟",
    "于",
    "在",
];
/// … and after it (`周五之前`, `三天内`).
const DEADLINE_TAILS: &[&str] = &["之前", "以前", "为止", "前", "内"];
/// A clause of only these words says nothing once its deadline is gone.
const DONE_WORDS: &[&str] = &["完成", "提交", "交付", "反馈", "上线", "办结"];
const CLAUSE_MARKS: &[char] = &['，', ',', '；', ';', '。', '、', ' '];

/// A draft item's title: the task without the owner words left at its start (`负责牵头梳理…`
/// → `梳理…`) and without its deadline words (`本周五前提交初稿` → `提交初稿`), which the
/// item carries in its own fields. The deadline words go only where they stand apart (at a
/// clause's edge, or tied to it by `前` / `请于` …), so a task that merely mentions a time keeps
/// its words; a title that would be left empty is kept as it was.
pub fn clean_title(text: &str, deadline_text: Option<&str>) -> String {
    let mut t = text.trim().to_owned();
    if let Some(dt) = deadline_text.map(str::trim).filter(|d| !d.is_empty())
        && let Some(i) = t.find(dt)
    {
        let before = t.get(..i).unwrap_or_default();
        let after = t.get(i + dt.len()..).unwrap_or_default();
        let tail = DEADLINE_TAILS.iter().find_map(|w| after.strip_prefix(w));
        let lead = DEADLINE_LEADS.iter().find_map(|w| before.strip_suffix(w));
        let at_start = before.is_empty() || before.ends_with(CLAUSE_MARKS);
        let at_end = after.is_empty() || after.starts_with(CLAUSE_MARKS);
        if tail.is_some() || lead.is_some() || at_start || at_end {
            let mut rest = tail.unwrap_or(after);
            // `…，3月20日前完成`: a clause left with only `完成` goes too.
            let clause = rest.find(CLAUSE_MARKS).unwrap_or(rest.len());
            if rest.get(..clause).is_some_and(|c| DONE_WORDS.contains(&c)) {
                rest = rest.get(clause..).unwrap_or_default();
            }
            t = format!("{}{rest}", lead.unwrap_or(before));
        }
    }
    let mut rest = t.as_str();
    while let Some(r) = OWNER_WORDS.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = r;
    }
    let mut out = rest.to_owned();
    for (double, single) in [("，，", "，"), (",,", ","), ("；；", "；")] {
        while out.contains(double) {
            out = out.replace(double, single);
        }
    }
    let out = out.trim_matches(|c: char| CLAUSE_MARKS.contains(&c) || c == ':' || c == '：');
    if out.is_empty() {
        text.trim().to_owned()
    } else {
        out.to_owned()
    }
}

/// The sentences of a line (`。！？`), those of two characters or more.
fn split_sentences(body: &str) -> Vec<&str> {
    body.split_inclusive(['。', '！', '？'])
        .map(str::trim)
        .filter(|s| s.trim_end_matches(['。', '！', '？']).chars().count() >= 2)
        .collect()
}

/// Vague deadline words that leave the title like an accepted deadline does.
const VAGUE: &[&str] = &["尽快", "尽早", "抓紧", "待定", "另行", "ASAP", "asap", "TBD", "TBC"];

fn to_item(s: Scan) -> ActionItem {
    // A refused deadline that is not a vague word stays in the title (`中秋假期值守`).
    let cut = s
        .deadline_text
        .as_deref()
        .filter(|t| s.deadline.is_some() || VAGUE.iter().any(|v| t.contains(v)));
    ActionItem {
        text: clean_title(&s.text, cut),
        owners: s.owners,
        deadline: s.deadline,
        deadline_text: s.deadline_text,
        priority: s.priority,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::command::when::format_rfc3339;
    use crate::domain::ids::OpenId;
    use proptest::prelude::*;

    fn cal() -> &'static Calendar {
        static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        CAL.get_or_init(Calendar::builtin)
    }

    fn person(name: &str) -> Person {
        Person {
            open_id: OpenId(format!("ou_{name}")),
            name: name.to_owned(),
        }
    }

    fn members() -> Vec<Person> {
        ["张三", "李四", "王五", "王芳"].into_iter().map(person).collect()
    }

    /// Tuesday 2026-03-10 17:00.
    fn run(text: &str, mentions: &[Mention]) -> Extraction {
        extract(
            text,
            mentions,
            &members(),
            "2026-03-10T17:00:00+08:00".parse().unwrap(),
            cal(),
        )
    }

    fn due(item: &ActionItem) -> Option<String> {
        item.deadline.map(|d| format_rfc3339(d.at))
    }

    #[test]
    fn the_three_line_shapes_of_the_issue_are_items() {
        let mentions = vec![Mention {
            key: "@_user_2".to_owned(),
            person: person("张三"),
        }];
        let ex = run(
            "@_user_2 负责合规自查，下周五前\n李四：更新限额表（3月20日）\n由王五牵头整理投诉台账月底完成",
            &mentions,
        );
        let texts: Vec<&str> = ex.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["合规自查", "更新限额表", "整理投诉台账"]);
        assert_eq!(ex.items[0].owners, vec![OwnerRef::Person(person("张三"))]);
        assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-20T18:00:00+08:00"));
        assert_eq!(ex.items[1].owners, vec![OwnerRef::Person(person("李四"))]);
        assert_eq!(ex.items[2].owners, vec![OwnerRef::Person(person("王五"))]);
        assert_eq!(due(&ex.items[2]).as_deref(), Some("2026-03-31T18:00:00+08:00"));
    }

    #[test]
    fn titles_lose_the_owner_words_and_the_deadline_words() {
        let cases = [
            (
                "负责牵头梳理两融业务流程，本周五前提交初稿",
                Some("本周五前"),
                "梳理两融业务流程，提交初稿",
            ),
            (
                "负责牵头梳理两融业务流程，本周五前提交初稿",
                Some("本周五"),
                "梳理两融业务流程，提交初稿",
            ),
            (
                "配合整理投诉台账，请于3月20日前完成",
                Some("3月20日"),
                "整理投诉台账",
            ),
            ("更新限额表，3月20日", Some("3月20日"), "更新限额表"),
            ("梳理月底结账流程", Some("月底"), "梳理月底结账流程"),
            ("牵头", None, "牵头"),
            ("出具报告", None, "出具报告"),
        ];
        for (text, dt, want) in cases {
            assert_eq!(clean_title(text, dt), want, "{text}");
        }
    }

    #[test]
    fn a_minutes_line_with_a_leftover_owner_word_and_deadline_gets_a_clean_title() {
        let mentions = vec![Mention {
            key: "@_user_2".to_owned(),
            person: person("张三"),
        }];
        let ex = run(
            "## 待办\n- @_user_2 负责牵头梳理两融业务流程，本周五前提交初稿",
            &mentions,
        );
        assert_eq!(ex.items.len(), 1);
        assert_eq!(ex.items[0].text, "梳理两融业务流程，提交初稿");
        assert!(ex.items[0].deadline.is_some());
    }

    #[test]
    fn an_unknown_name_stays_unresolved_and_an_ambiguous_title_is_not_guessed() {
        let ex = run(
            "## 待办\n- 孙七：出具报告（3月20日）\n- 王总：审批方案\n- 张总：签字",
            &[],
        );
        assert_eq!(ex.items[0].owners, vec![OwnerRef::Unresolved("孙七".to_owned())]);
        // Two members are surnamed 王: 王总 stays unresolved; 张总 is the only 张.
        assert_eq!(ex.items[1].owners, vec![OwnerRef::Unresolved("王总".to_owned())]);
        assert_eq!(ex.items[2].owners, vec![OwnerRef::Person(person("张三"))]);
    }

    #[test]
    fn a_refused_deadline_keeps_its_text() {
        let ex = run("待办：\n- 张三：尽快确认审批流程", &[]);
        assert_eq!(ex.items[0].deadline, None);
        assert_eq!(ex.items[0].deadline_text.as_deref(), Some("尽快"));
    }

    #[test]
    fn done_checkboxes_and_discussion_lines_are_not_items() {
        let ex = run(
            "李四介绍了3月20日监管检查的安排。\n张三说上月的整改已完成。\n- [x] 王五 已提交材料\n- [ ] 王五 补充说明",
            &[],
        );
        assert_eq!(ex.items.len(), 1);
        assert_eq!(ex.items[0].text, "补充说明");
    }

    #[test]
    fn decisions_without_owner_are_recorded_as_decisions() {
        let ex = run(
            "## 会议决议\n1. 同意调整可转债额度。\n2. 张三负责修订制度，3月31日前",
            &[],
        );
        assert_eq!(ex.decisions, vec!["同意调整可转债额度".to_owned()]);
        assert_eq!(ex.items.len(), 1);
    }

    #[test]
    fn title_date_and_relative_deadlines_follow_the_stated_meeting_date() {
        let ex = run(
            "# 风控例会\n会议时间：2026年3月2日\n## 行动项\n- 张三 更新限额，下周五前",
            &[],
        );
        assert_eq!(ex.title.as_deref(), Some("风控例会"));
        assert_eq!(ex.meeting_date, Some(jiff::civil::date(2026, 3, 2)));
        // 下周五 from Monday 2026-03-02 is 03-13, not 03-20.
        assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-13T18:00:00+08:00"));
    }

    #[test]
    fn tables_and_priorities_are_read() {
        let ex = run(
            "| 事项 | 负责人 | 截止 | 优先级 |\n|---|---|---|---|\n| 更新限额表 | 张三、李四 | 3月20日 | 高 |",
            &[],
        );
        assert_eq!(ex.items.len(), 1);
        assert_eq!(ex.items[0].owners.len(), 2);
        assert_eq!(ex.items[0].priority, Some(Priority::P1));
        let ex = run("待办：\n- 【紧急】张三：排查日志，明天中午12点前", &[]);
        assert_eq!(ex.items[0].priority, Some(Priority::P0));
        assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-11T12:00:00+08:00"));
    }

    proptest! {
        #[test]
        fn extraction_never_panics(s in "\\PC{0,300}") {
            let _ = run(&s, &[]);
        }

        #[test]
        fn minute_like_text_never_panics(s in "([-*#|①一、1.（）()：:，,张三李四王五负责牵头由月底下周五前3月20日\\[\\] x\n]{0,12}){0,20}") {
            let ex = run(&s, &[]);
            prop_assert!(ex.items.len() <= MAX_ITEMS);
        }
    }
}
