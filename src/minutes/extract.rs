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

use crate::calendar::Calendar;
use crate::command::Mention;
use crate::domain::ids::Person;
use crate::domain::time::{SHANGHAI, local};
use crate::minutes::blocks::{Block, Outcome};
use crate::minutes::evidence::{self, LineFacts};
use crate::minutes::explain::{LineTrace, Verdict};
pub use crate::minutes::item::{ActionItem, Extraction, clean_title};
use crate::minutes::layout::{
    Marker, Section, classify, find_date, find_title, heading, is_meta, starts_with_key, strip_marker,
    strip_todo_label,
};
use crate::minutes::scan::{Ctx, OwnerHow, Scan};
use crate::minutes::table::{Table, is_tab_row};
use crate::minutes::weights::Signal;

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

/// The report of `duban minutes --explain FILE`: the meeting's title and date, every line with
/// its score, reasons and decision, then the items found. `members` are the group's names (open
/// ids `ou_1`, `ou_2` … in order); `now` is when the minutes are posted.
pub fn explain_report(text: &str, members: &[String], now: Timestamp, cal: &Calendar) -> String {
    let people: Vec<Person> = members
        .iter()
        .zip(1..)
        .map(|(name, i)| Person {
            open_id: crate::domain::ids::OpenId(format!("ou_{i}")),
            name: name.clone(),
        })
        .collect();
    let (ex, traces) = explain(text, &[], &people, now, cal);
    let mut out = format!(
        "会议：{}\n会议日期：{}\n",
        ex.title.as_deref().unwrap_or("（未识别）"),
        ex.meeting_date.map_or_else(
            || "（未识别，按发布时间计算相对时间）".to_owned(),
            |d| d.to_string()
        )
    );
    out.push_str(&crate::minutes::explain::render(&traces));
    out.push_str(&format!("共 {} 条待办。\n", ex.items.len()));
    out
}

/// A sentence scanned and scored: what was found, the signals, the sentence.
type Scored<'s> = (Scan, Vec<(Signal, i32)>, &'s str);

/// Records a line's trace when tracing.
struct Tracer<'t> {
    traces: Option<&'t mut Vec<LineTrace>>,
}

impl Tracer<'_> {
    fn note(
        &mut self,
        line: usize,
        text: &str,
        verdict: Verdict,
        signals: Vec<(Signal, i32)>,
        item: Option<&ActionItem>,
    ) {
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
/// Also `赵云（00:00:40）：…`, `[00:01:12] 韩立：…`: a speaker label holding a timestamp.
fn strip_speaker(line: &str) -> &str {
    let chars: Vec<(usize, char)> = line.char_indices().take(28).collect();
    // The first colon that is not inside a clock time (`00:00:40`).
    let colon = chars.iter().enumerate().find(|(k, (_, c))| {
        (*c == '：' || *c == ':')
            && !(k
                .checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(|(_, c)| c.is_ascii_digit())
                && chars.get(k + 1).is_some_and(|(_, c)| c.is_ascii_digit()))
    });
    let Some((_, (at, c))) = colon else { return line };
    let label = line.get(..*at).unwrap_or_default();
    let stamped = label.contains(':') && label.chars().any(|c| c.is_ascii_digit());
    if label.starts_with("发言人") || stamped {
        return line.get(at + c.len_utf8()..).unwrap_or_default().trim_start();
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
    // Field lines (`责任人：… 完成时间：…`) already joined to the item above them.
    let mut joined_below: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if joined_below == Some(n) {
            tr.note(n, trimmed, Verdict::Detail, Vec::new(), None);
            continue;
        }
        if trimmed.starts_with('|') || (table.is_some() && is_tab_row(trimmed)) {
            close_block(&mut block, &ctx, &mut ex, &mut tr);
            if let Some(t) = &table {
                let item = t.row(trimmed, &ctx);
                let verdict = if item.is_some() {
                    Verdict::TableItem
                } else {
                    Verdict::TableSkipped
                };
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
            tr.note(
                n,
                trimmed,
                Verdict::Heading(section_name(section)),
                Vec::new(),
                None,
            );
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
        let next = lines
            .iter()
            .enumerate()
            .skip(n + 1)
            .find(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i, strip_marker(l.trim())));
        let body = match (open_line.take(), next) {
            (Some(prev), _) if marker == Marker::None && starts_with_key(body) => {
                joined = format!("{prev}，{body}");
                joined.as_str()
            }
            // `1. 灾备切换演练` followed by `责任人：余强  完成时间：6月27日`.
            (_, Some((i, (Marker::None, next_body))))
                if marker != Marker::None && starts_with_key(next_body) =>
            {
                joined_below = Some(i);
                joined = format!("{body}，{next_body}");
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
            let scored: Vec<Scored<'_>> = sentences
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

/// The sentences of a line (`。！？`), those of two characters or more.
/// A sentence of fields (`主责：邓超；时间：7月15日前。`) belongs to the sentence before it.
fn split_sentences(body: &str) -> Vec<&str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for piece in body.split_inclusive(['。', '！', '？']) {
        let end = start + piece.len();
        let fields = piece
            .trim()
            .split_once(['：', ':'])
            .is_some_and(|(key, _)| FIELD_KEYS.contains(&key.trim()));
        match spans.last_mut() {
            Some(last) if fields => last.1 = end,
            _ => spans.push((start, end)),
        }
        start = end;
    }
    spans
        .iter()
        .filter_map(|(s, e)| body.get(*s..*e))
        .map(str::trim)
        .filter(|s| s.trim_end_matches(['。', '！', '？']).chars().count() >= 2)
        .collect()
}

/// Keys of a field sentence.
const FIELD_KEYS: &[&str] = &[
    "主责",
    "主责人",
    "协同",
    "协办",
    "配合",
    "配合人",
    "责任人",
    "负责人",
    "牵头人",
    "时间",
    "完成时间",
    "截止时间",
    "时限",
    "期限",
    "截止",
    "Owner",
    "owner",
    "Due",
    "due",
];

/// Vague deadline words that leave the title like an accepted deadline does.
const VAGUE: &[&str] = &[
    "尽快", "尽早", "抓紧", "待定", "另行", "ASAP", "asap", "TBD", "TBC",
];

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
    use crate::domain::priority::Priority;
    use crate::minutes::explain::Verdict;
    use crate::minutes::owner::OwnerRef;
    use crate::minutes::weights::Signal;
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

    #[test]
    fn every_line_is_explained_with_its_score_and_reasons() {
        let (ex, traces) = explain(
            "## 经营情况\n- 本月新增有效户1.2万，同比上升12%\n- 上期整改事项已于上周关闭\n## 下一步\n- 张三负责修订制度，3月20日前",
            &[],
            &members(),
            "2026-03-10T17:00:00+08:00".parse().unwrap(),
            cal(),
        );
        assert_eq!(ex.items.len(), 1);
        let figures = traces.iter().find(|t| t.line == 2).unwrap();
        assert_eq!(figures.verdict, Verdict::NotItem);
        assert!(figures.signals.iter().any(|(s, _)| *s == Signal::Figures));
        assert!(figures.signals.iter().any(|(s, _)| *s == Signal::StatusSection));
        let closed = traces.iter().find(|t| t.line == 3).unwrap();
        assert!(closed.signals.iter().any(|(s, _)| *s == Signal::Done));
        let task = traces.iter().find(|t| t.line == 5).unwrap();
        assert_eq!(task.verdict, Verdict::Item);
        assert!(task.score() >= crate::minutes::weights::THRESHOLD);
        assert_eq!(
            traces.iter().find(|t| t.line == 4).unwrap().verdict,
            Verdict::Heading("行动")
        );
        let report = explain_report(
            "## 下一步\n- 张三负责修订制度，3月20日前",
            &["张三".to_owned()],
            "2026-03-10T17:00:00+08:00".parse().unwrap(),
            cal(),
        );
        assert!(report.contains("明确的负责人+3"), "{report}");
        assert!(
            report.contains("→ 修订制度 ｜ 张三 ｜ 2026-03-20T18:00:00+08:00"),
            "{report}"
        );
        assert!(report.contains("共 1 条待办"), "{report}");
    }

    #[test]
    fn labelled_blocks_give_one_item_unless_rejected() {
        let ex = run(
            "需求1：公告位配置\n结论：通过\n责任人：张三、李四\n完成时限：3月20日\n\n需求2：券源查询\n结论：不通过\n责任人：王五\n\n需求3：名片小程序\n结论：同意，排期待定\n牵头人：王芳",
            &[],
        );
        let texts: Vec<&str> = ex.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["公告位配置", "名片小程序"]);
        assert_eq!(
            ex.items[0].owners,
            vec![OwnerRef::Person(person("张三")), OwnerRef::Person(person("李四"))]
        );
        assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-20T18:00:00+08:00"));
        assert_eq!(ex.items[1].deadline, None);
        assert_eq!(ex.decisions, vec!["券源查询".to_owned()]);
    }

    #[test]
    fn owners_anywhere_in_the_line_are_kept_first_is_the_lead() {
        let ex = run(
            "会后工作：\n1. 质检抽样比例提高，张三牵头，李四、王五配合\n2. 知识库补充两融问答，大后天前——张三、王芳\n3. 回访异常处理：由合规部李四牵头，张三配合\n4. 半年度考核方案（王芳），尽快",
            &[],
        );
        let owners: Vec<Vec<&str>> = ex
            .items
            .iter()
            .map(|i| i.owners.iter().map(OwnerRef::name).collect())
            .collect();
        assert_eq!(
            owners,
            vec![
                vec!["张三", "李四", "王五"],
                vec!["张三", "王芳"],
                vec!["李四", "张三"],
                vec!["王芳"]
            ]
        );
        // No date: kept, to be shown as 截止待定.
        assert_eq!(ex.items[2].deadline, None);
        assert_eq!(ex.items[3].deadline, None);
    }

    #[test]
    fn status_only_minutes_propose_nothing() {
        let ex = run(
            "# 月度经营分析会\n会议日期：2026年3月10日\n## 经营情况\n- 本月新增有效户1.2万，同比上升12%\n- 上期整改事项已于上周关闭\n- 开户系统春节版本测试——已执行，无问题\n## 会议意见\n- 各营业部要继续做好客户服务工作。\n- 关于考核方案，会议暂不决定。",
            &[],
        );
        assert_eq!(ex.items, vec![]);
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
