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
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, Scan, has_task_verb, is_cjk};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Action,
    Decision,
    Other,
}

const ACTION_WORDS: &[&str] = &[
    "待办",
    "行动项",
    "后续跟进",
    "跟进事项",
    "下一步",
    "后续工作",
    "后续安排",
    "工作安排",
    "任务分工",
    "任务安排",
    "分工",
    "待跟进",
    "会后事项",
    "落实事项",
    "责任分工",
    "action",
    "todo",
    "to-do",
    "next step",
    "follow-up",
    "follow up",
    "任务清单",
    "工作部署",
    "督办事项",
    "后续行动",
    "安排",
    "整改措施",
    "改进措施",
];
const DECISION_WORDS: &[&str] = &["决议", "议定", "决定", "结论", "decision", "共识", "部署"];
const META_KEYS: &[&str] = &[
    "参会人员",
    "参会人",
    "参会",
    "出席",
    "列席",
    "与会人员",
    "主持人",
    "主持",
    "记录人",
    "记录",
    "纪要人",
    "会议时间",
    "时间",
    "会议地点",
    "地点",
    "日期",
    "会议日期",
    "缺席",
    "抄送",
    "请假",
    "会议主题",
    "主题",
    "会议名称",
    "Attendees",
    "Date",
    "Time",
    "Location",
    "Host",
    "Subject",
];
const TITLE_KEYS: &[&str] = &["会议主题", "会议名称", "主题", "Subject", "Meeting", "Title"];
const DATE_KEYS: &[&str] = &["会议时间", "会议日期", "时间", "日期", "Date", "Time"];

/// Extracts action items and decisions from `text`.
pub fn extract(
    text: &str,
    mentions: &[Mention],
    members: &[Person],
    meeting_at: Timestamp,
    cal: &Calendar,
) -> Extraction {
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
    let mut last_item_indent: Option<usize> = None;
    // The last list line that was not an item: a following `责任人：… 完成时间：…` line completes it.
    let mut open_line: Option<String> = None;
    let mut list_seen = false;
    for line in &lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with('|') {
            if let Some(t) = &table {
                if let Some(item) = t.row(trimmed, &ctx) {
                    ex.items.push(item);
                }
            } else {
                table = Table::header(trimmed);
            }
            continue;
        }
        table = None;
        if let Some(name) = heading(trimmed) {
            section = classify(name);
            last_item_indent = None;
            continue;
        }
        if is_meta(trimmed) {
            continue;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let (marker, body) = strip_marker(trimmed);
        if marker == Marker::Done {
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
            continue;
        }
        let is_item = marker == Marker::Open
            || label
            || match section {
                Section::Action => true,
                Section::Decision => has_owner,
                // `张三：更新限额表（3月20日）` counts too, but not `张三：已预约3月13日的直播`.
                Section::None | Section::Other => {
                    (scan.how == OwnerHow::Strong && has_deadline)
                        || (scan.how == OwnerHow::Label
                            && scan.deadline.is_some()
                            && has_task_verb(&scan.text)
                            && !scan.text.contains('已'))
                }
            };
        if is_item && !scan.text.is_empty() {
            last_item_indent = Some(indent);
            push_item(&mut ex, scan);
        } else {
            if marker != Marker::None {
                open_line = Some(body.to_owned());
            }
            if section == Section::Decision && !scan.text.is_empty() {
                ex.decisions.push(scan.text);
            }
        }
    }
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

fn push_item(ex: &mut Extraction, s: Scan) {
    ex.items.push(ActionItem {
        text: clean_title(&s.text, s.deadline_text.as_deref()),
        owners: s.owners,
        deadline: s.deadline,
        deadline_text: s.deadline_text,
        priority: s.priority,
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    List,
    Open,
    Done,
}

/// Removes a bullet, number or checkbox.
fn strip_marker(line: &str) -> (Marker, &str) {
    let mut s = line;
    let mut marker = Marker::None;
    for b in ["- ", "* ", "+ ", "• ", "· ", "•", "·", "▪", "◦", "○", "●", "- "] {
        if let Some(r) = s.strip_prefix(b) {
            s = r.trim_start();
            marker = Marker::List;
            break;
        }
    }
    for (c, m) in [
        ("[ ]", Marker::Open),
        ("[x]", Marker::Done),
        ("[X]", Marker::Done),
        ("☐", Marker::Open),
        ("☑", Marker::Done),
        ("✅", Marker::Done),
    ] {
        if let Some(r) = s.strip_prefix(c) {
            return (m, r.trim_start());
        }
    }
    if marker != Marker::None {
        return (marker, s);
    }
    // `1.`, `1、`, `1)`, `(1)`, `（1）`, `①`, `一、`
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let r = s.get(digits.len()..).unwrap_or_default();
        for p in [". ", "、", ".", ")", "）"] {
            if let Some(r) = r.strip_prefix(p)
                && !r.starts_with(|c: char| c.is_ascii_digit())
            {
                return (Marker::List, r.trim_start());
            }
        }
    }
    for (open, close) in [("(", ")"), ("（", "）")] {
        if let Some(r) = s.strip_prefix(open)
            && let Some((n, rest)) = r.split_once(close)
            && !n.is_empty()
            && n.chars().count() <= 2
            && n.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        {
            return (Marker::List, rest.trim_start());
        }
    }
    if let Some(c) = s.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return (
            Marker::List,
            s.get(c.len_utf8()..).unwrap_or_default().trim_start(),
        );
    }
    if let Some((n, rest)) = s.split_once('、')
        && !n.is_empty()
        && n.chars().count() <= 2
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
    {
        return (Marker::List, rest.trim_start());
    }
    (Marker::None, s)
}

/// `TODO：…`, `待办：…`, `Action: …`, `AI：…` at the start of a line.
fn strip_todo_label(body: &str) -> (bool, &str) {
    for l in ["TODO", "Todo", "todo", "待办", "Action", "AI", "行动项"] {
        if let Some(r) = body.strip_prefix(l)
            && let Some(r) = r.trim_start().strip_prefix([':', '：'])
            && !r.trim().is_empty()
        {
            return (true, r.trim_start());
        }
    }
    (false, body)
}

/// The heading text when `line` is a heading.
fn heading(line: &str) -> Option<&str> {
    if let Some(r) = line.strip_prefix('#') {
        return Some(r.trim_start_matches('#').trim());
    }
    let short = |s: &str| {
        let n = s.chars().count();
        n > 0 && n <= 16 && !s.contains(['，', ',', '。', '；'])
    };
    let bare = line.trim_end_matches([':', '：']).trim();
    if let Some(r) = bare.strip_prefix('【').and_then(|r| r.strip_suffix('】')) {
        return Some(r.trim());
    }
    if let Some(r) = bare.strip_prefix("**").and_then(|r| r.strip_suffix("**")) {
        let r = r.trim_end_matches([':', '：']).trim();
        return short(r).then_some(r);
    }
    if let Some((n, rest)) = bare.split_once('、')
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && short(rest)
        && classify(rest) != Section::Other
    {
        return Some(rest.trim());
    }
    // A line that is just a section name: `待办`, `Next steps`.
    let tiny = if bare.is_ascii() {
        bare.split_whitespace().count() <= 3
    } else {
        bare.chars().count() <= 8 && !bare.contains(' ')
    };
    if short(bare) && tiny && classify(bare) != Section::Other {
        return Some(bare);
    }
    // `待办事项：`, `Next steps:`, `讨论内容：`; a lone `张三：` is a label, not a heading.
    if line.ends_with([':', '：'])
        && short(bare)
        && (classify(bare) != Section::Other || (bare.chars().count() <= 8 && !looks_like_person(bare)))
    {
        return Some(bare);
    }
    None
}

fn looks_like_person(s: &str) -> bool {
    let n = s.chars().count();
    (2..=3).contains(&n) && s.chars().all(is_cjk)
}

fn classify(name: &str) -> Section {
    let lower = name.to_lowercase();
    if ACTION_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Action
    } else if DECISION_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Decision
    } else {
        Section::Other
    }
}

fn key_value<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let s = line
        .trim_start_matches(['-', '*', ' ', '•'])
        .trim_start_matches("**");
    keys.iter().find_map(|k| {
        let r = s.strip_prefix(k)?.trim_start_matches("**").trim_start();
        r.strip_prefix([':', '：'])
            .map(|v| v.trim().trim_start_matches("**").trim())
    })
}

/// `责任人：…`, `完成时间：…` at the start of a line.
fn starts_with_key(body: &str) -> bool {
    const KEYS: &[&str] = &[
        "责任人",
        "负责人",
        "责任部门",
        "牵头人",
        "主办",
        "完成时间",
        "截止时间",
        "截止",
        "时限",
        "期限",
        "Owner",
        "Due",
        "DDL",
    ];
    KEYS.iter().any(|k| {
        body.strip_prefix(k)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    })
}

fn is_meta(line: &str) -> bool {
    key_value(line, META_KEYS).is_some()
}

fn find_title(lines: &[String]) -> Option<String> {
    let keyed = lines.iter().find_map(|l| key_value(l, TITLE_KEYS));
    let first_heading = lines
        .iter()
        .map(|l| l.trim())
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim());
    keyed
        .or(first_heading)
        .map(|t| t.chars().take(100).collect::<String>())
        .filter(|t| !t.is_empty())
}

fn find_date(lines: &[String], today: Date) -> Option<Date> {
    let keyed = lines.iter().filter_map(|l| key_value(l, DATE_KEYS));
    let headings = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| l.starts_with('#'))
        .take(1);
    keyed.chain(headings).find_map(|v| parse_date(v, today))
}

/// `2026年3月10日`, `2026-03-10`, `2026/3/10`, `2026.3.10`, or `3月10日` (the year of `today`).
fn parse_date(s: &str, today: Date) -> Option<Date> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(char::is_ascii_digit)
            && (i == 0 || !chars.get(i - 1).is_some_and(char::is_ascii_digit))
        {
            let mut nums: Vec<i64> = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while chars.get(j).is_some_and(char::is_ascii_digit) {
                    j += 1;
                }
                let n: String = chars.get(start..j)?.iter().collect();
                nums.push(n.parse().ok()?);
                let sep = chars.get(j).copied();
                if nums.len() < 3
                    && matches!(sep, Some('年' | '月' | '-' | '/' | '.'))
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let date = match nums.as_slice() {
                [y, m, d] if *y >= 2000 => Date::new(
                    i16::try_from(*y).ok()?,
                    i8::try_from(*m).ok()?,
                    i8::try_from(*d).ok()?,
                )
                .ok(),
                [m, d] if chars.get(j).is_some_and(|c| matches!(c, '日' | '号')) => {
                    Date::new(today.year(), i8::try_from(*m).ok()?, i8::try_from(*d).ok()?).ok()
                }
                _ => None,
            };
            if date.is_some() {
                return date;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// A markdown table's column roles.
struct Table {
    task: usize,
    owner: Option<usize>,
    deadline: Option<usize>,
    priority: Option<usize>,
}

fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

impl Table {
    fn header(row: &str) -> Option<Self> {
        let cs = cells(row);
        let find = |words: &[&str]| {
            cs.iter()
                .position(|c| words.iter().any(|w| c.to_lowercase().contains(w)))
        };
        let owner = find(&["负责", "责任", "owner", "主办", "承办", "牵头", "执行人"]);
        let deadline = find(&[
            "截止",
            "完成时间",
            "期限",
            "时限",
            "时间",
            "deadline",
            "due",
            "ddl",
            "日期",
        ]);
        let priority = find(&["优先", "priority"]);
        // The task column: a task word, else the measures of an issue table (`问题 | 整改措施`).
        let column = |words: &[&str]| {
            cs.iter().enumerate().position(|(i, c)| {
                Some(i) != owner && Some(i) != deadline && words.iter().any(|w| c.to_lowercase().contains(w))
            })
        };
        let task = column(&[
            "事项", "任务", "内容", "工作", "待办", "action", "task", "item", "行动",
        ])
        .or_else(|| column(&["措施", "举措"]))
        .or_else(|| column(&["问题"]))?;
        owner.map(|_| Self {
            task,
            owner,
            deadline,
            priority,
        })
    }

    fn row(&self, row: &str, ctx: &Ctx<'_>) -> Option<ActionItem> {
        let cs = cells(row);
        if cs
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            return None;
        }
        let cell = |i: Option<usize>| i.and_then(|i| cs.get(i)).map(String::as_str).unwrap_or_default();
        let task = cell(Some(self.task));
        if task.is_empty() || task.contains("[x]") {
            return None;
        }
        let owners = ctx.names(cell(self.owner));
        let dl = ctx.scan(&format!("（{}）", cell(self.deadline)));
        let scanned = ctx.scan(task);
        let priority = self
            .priority
            .and_then(|_| Priority::parse(cell(self.priority)))
            .or(scanned.priority);
        Some(ActionItem {
            text: clean_title(&scanned.text, scanned.deadline_text.as_deref()),
            owners: if owners.is_empty() { scanned.owners } else { owners },
            deadline: dl.deadline.or(scanned.deadline),
            deadline_text: dl.deadline_text.or(scanned.deadline_text),
            priority,
        })
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
