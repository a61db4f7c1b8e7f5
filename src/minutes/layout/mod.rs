//! The layout of minutes (pure): list markers, headings and the section they open, meta lines
//! (参会人员, 会议时间 …), the meeting's title and date.

mod title;

pub(crate) use self::title::is_meeting_title;

use jiff::civil::Date;

use crate::minutes::scan::is_cjk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    None,
    Action,
    Decision,
    /// A record of what happened (会议情况, 上周事项, 会议总结, 章节, Highlights).
    Status,
    Other,
}

/// Headings that report the past whatever else they say (`上周待办完成情况`).
const PAST_WORDS: &[&str] = &[
    "上周",
    "上期",
    "上次",
    "上月",
    "完成情况",
    "回顾",
    "已完成",
    "进展",
    // An incident's course (`一、事件经过`, `处置经过`, `Timeline`): what happened.
    "经过",
    "时间线",
    "timeline",
];
/// Headings of a record, not of tasks.
const STATUS_WORDS: &[&str] = &[
    "情况",
    "业绩",
    "数据",
    "总结",
    "章节",
    "概要",
    "摘要",
    "背景",
    "汇报",
    "通报",
    // `附件：` over a list of attached documents: what is attached, not work.
    "附件",
    "highlights",
    "status",
    "summary",
    "update",
];

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
    "会后",
    "下阶段",
    "下一阶段",
    "近期工作",
    "重点工作",
    "要做的事",
    "需办",
    "新增事项",
    "ais",
    "a.i.",
    "新增任务",
    "新增待办",
    "本周新增",
    // `上次待办回顾` … `本次新增`: the new work after the old.
    "本次新增",
    "本期新增",
    "此次新增",
    "这次新增",
    "新增工作",
    "新增安排",
    "新布置",
    "本次布置",
    "本期事项",
    "本期会议事项",
    "本次会议事项",
    "本次事项",
    // `整改要求`, `这次的：` (after `上次布置的事情：`).
    "整改要求",
    // `会议明确以下工作：`, `请做好以下事项：`.
    "以下工作",
    "以下任务",
    "以下事项",
    "如下工作",
    // Training: `作业布置：`, `课后作业`.
    "作业",
    "任务布置",
    "工作布置",
    "整改事项",
    "整改任务",
    "这次",
];
const DECISION_WORDS: &[&str] = &["决议", "议定", "决定", "结论", "decision", "共识", "部署"];
const META_KEYS: &[&str] = &[
    // `检查人：裴某    日期：3月20日`: who inspected and when, a record (a task has `，`).
    "检查人",
    "巡检人",
    "检查日期",
    "检查时间",
    "参会人员",
    "参会人",
    "参与人员",
    "参与人",
    "与会人员",
    "与会",
    "时长",
    "参会",
    "出席",
    "列席",
    "参加人员",
    "参加",
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
    // A transcript's header: `2026-07-15 | 发言人：单磊、谷雪`.
    "发言人",
    "参与人",
    "Attendees",
    "Date",
    "Time",
    "Location",
    "Host",
    "Subject",
    // An email's header (`发件人: 皇甫怡`, `收件人: 各营业部负责人`).
    "发件人",
    "收件人",
    "发送时间",
    "From",
    "Sent",
    "Cc",
];
const TITLE_KEYS: &[&str] = &["会议主题", "会议名称", "主题", "Subject", "Meeting", "Title"];
const DATE_KEYS: &[&str] = &["会议时间", "会议日期", "时间", "日期", "Date", "Time"];
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    None,
    List,
    Open,
    Done,
}

/// Removes a bullet, number or checkbox.
pub(crate) fn strip_marker(line: &str) -> (Marker, &str) {
    let (marker, rest) = strip_one_marker(line);
    // `1. [ ] 江波：…`, `2、[x] …`: a numbered checkbox is a checkbox.
    if marker == Marker::List {
        for (c, m) in CHECKBOXES {
            if let Some(r) = rest.strip_prefix(c) {
                return (m, r.trim_start());
            }
        }
    }
    (marker, rest)
}

/// Checkbox marks and what they say.
const CHECKBOXES: [(&str, Marker); 7] = [
    ("[ ]", Marker::Open),
    ("[x]", Marker::Done),
    ("[X]", Marker::Done),
    ("☐", Marker::Open),
    ("□", Marker::Open),
    ("☑", Marker::Done),
    ("✅", Marker::Done),
];

fn strip_one_marker(line: &str) -> (Marker, &str) {
    let mut s = line;
    let mut marker = Marker::None;
    for b in [
        "- ", "* ", "+ ", "• ", "· ", "— ", "– ", "•", "·", "▪", "◦", "○", "●", "- ", "■", "◆", "◇", "▶", "►",
    ] {
        if let Some(r) = s.strip_prefix(b) {
            s = r.trim_start();
            marker = Marker::List;
            break;
        }
    }
    for (c, m) in CHECKBOXES {
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
        for p in [". ", "、", ".", "．", ")", "）"] {
            if let Some(r) = r.strip_prefix(p)
                && !r.starts_with(|c: char| c.is_ascii_digit())
            {
                return (Marker::List, r.trim_start());
            }
        }
        // `1.2 法律尽调对接律所：…`: a sub-item's number (not `1.5亿元`), a space after it.
        if let Some(r) = r.strip_prefix('.') {
            let sub: String = r.chars().take_while(char::is_ascii_digit).collect();
            if (1..=2).contains(&sub.len())
                && let Some(r) = r.get(sub.len()..).and_then(|r| r.strip_prefix([' ', '\u{3000}']))
                && r.starts_with(is_cjk)
            {
                return (Marker::List, r.trim_start());
            }
        }
        // `1 嘉兴营业部 尤丽丽 本周四之前…`: a number and a space before the text (not `3 月`,
        // `2 个工作日`, `10 点`).
        if let Some(r) = r.strip_prefix(' ')
            && r.chars()
                .next()
                .is_some_and(|c| is_cjk(c) && !"年月日号点时个天周岁万亿户笔份名人家只次倍".contains(c))
        {
            return (Marker::List, r.trim_start());
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
pub(crate) fn strip_todo_label(body: &str) -> (bool, &str) {
    // `【待办】常悦：本周五前…`, `[TODO] …`: a tag before the text.
    for (open, close) in [("【", "】"), ("[", "]")] {
        if let Some((tag, rest)) = body.strip_prefix(open).and_then(|r| r.split_once(close))
            && ["待办", "TODO", "Todo", "todo", "行动项", "Action", "action", "AI"].contains(&tag.trim())
            && !rest.trim().is_empty()
        {
            return (true, rest.trim_start());
        }
    }
    for l in ["TODO", "Todo", "todo", "待办", "Action", "AI", "行动项"] {
        // `AI-3:`, `Action 2：`, `TODO#4:`: a numbered label too.
        if let Some(r) = body.strip_prefix(l)
            && let Some(r) = r
                .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '#' | ' ' | '.'))
                .strip_prefix([':', '：'])
            && !r.trim().is_empty()
        {
            return (true, r.trim_start());
        }
    }
    // `新增：…` (in follow-up minutes): a tag of the line, not its text.
    for l in ["新增", "新增事项", "新任务"] {
        if let Some(r) = body.strip_prefix(l)
            && let Some(r) = r.trim_start().strip_prefix([':', '：'])
            && !r.trim().is_empty()
        {
            return (false, r.trim_start());
        }
    }
    (false, body)
}

/// `**卢俊**：明天起…`, `**石磊、丁一：**更新…`: a bold label before the text, unbolded
/// (`卢俊：明天起…`); `None` when the text does not open with one.
pub(crate) fn unbold_label(body: &str) -> Option<String> {
    let inner = body.strip_prefix("**")?;
    let (label, rest) = inner.split_once("**")?;
    let label = label.trim();
    let (label, rest) = match label.strip_suffix(['：', ':']) {
        Some(l) => (l.trim_end(), rest.trim_start()),
        None => (label, rest.trim_start().strip_prefix(['：', ':'])?.trim_start()),
    };
    ((1..=16).contains(&label.chars().count()) && !rest.is_empty()).then(|| format!("{label}：{rest}"))
}

/// The heading text when `line` is a heading.
pub(crate) fn heading(line: &str) -> Option<&str> {
    // `✅ 待办`, `🔖 章节`: a symbol before a heading (AI summaries) is decoration.
    let bare_symbol = line.trim_start_matches(|c: char| is_symbol(c)).trim_start();
    if bare_symbol.len() < line.len() && !bare_symbol.is_empty() {
        return heading(bare_symbol).filter(|h| classify(h) != Section::Other);
    }
    if let Some(r) = line.strip_prefix('#') {
        return Some(r.trim_start_matches('#').trim());
    }
    let short = |s: &str| {
        let n = s.chars().count();
        n > 0 && n <= 16 && !s.contains(['，', ',', '。', '；'])
    };
    let bare = line.trim_end_matches([':', '：']).trim();
    // `…，结论如下：` introduces what follows: its last clause names the section (`…研究部署了近期
    // 重点工作。现纪要如下：` is no action heading).
    if line.ends_with([':', '：']) && bare.ends_with("如下") {
        return Some(bare.rsplit(['。', '，', ',', '；']).next().unwrap_or(bare).trim());
    }
    // `（一）以下事项请于6月12日前完成：`: a numbered line introducing the list below it.
    if line.ends_with([':', '：'])
        && let Some(rest) = bare
            .strip_prefix(['（', '('])
            .and_then(|r| r.split_once(['）', ')']))
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
            .map(|(_, rest)| rest.trim())
        && (rest.starts_with("以下") || rest.starts_with("下列"))
        && rest.chars().count() <= 24
        && !rest.contains(['，', ',', '。', '；'])
    {
        return Some(rest);
    }
    // `（二）会议议定事项`: a numbered section name.
    if let Some((n, rest)) = bare
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && short(rest)
        && rest.chars().count() <= 10
        && classify(rest) != Section::Other
    {
        return Some(rest.trim());
    }
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
        && (classify(rest) != Section::Other
            || (rest.chars().count() <= 10
                && !rest.contains(['负', '牵', '配', '责'])
                && !rest.chars().any(|c| c.is_ascii_digit())))
    {
        return Some(rest.trim());
    }
    // `一、上线前准备（以下事项请于9月24日前完成）`: a numbered section whose note introduces the
    // list below it (and may give its deadline): the note names the section.
    if let Some((n, rest)) = bare.split_once('、')
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && let Some((name, note)) = rest
            .strip_suffix(['）', ')'])
            .and_then(|r| r.rsplit_once(['（', '(']))
        && short(name.trim())
        && (note.starts_with("以下") || note.starts_with("下列"))
        && note.chars().count() <= 24
        && !note.contains(['，', ',', '。', '；'])
    {
        return Some(note.trim());
    }
    // `二、本周重点任务分工（R=负责 A=审批）`: a numbered section name with a note after it.
    if let Some((n, rest)) = bare.split_once('、')
        && !n.is_empty()
        && n.chars().all(|c| "一二三四五六七八九十".contains(c))
        && let Some(name) = rest
            .strip_suffix(['）', ')'])
            .and_then(|r| r.rsplit_once(['（', '(']))
            .map(|(name, _)| name.trim())
        && short(name)
        && classify(name) != Section::Other
    {
        return Some(name);
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

/// Emoji, dingbats and arrows (`✅`, `🔖`, `📌`, `➤`), and the variation selector after them.
fn is_symbol(c: char) -> bool {
    matches!(u32::from(c), 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE0F)
}

fn looks_like_person(s: &str) -> bool {
    let n = s.chars().count();
    (2..=3).contains(&n) && s.chars().all(is_cjk)
}

pub(crate) fn classify(name: &str) -> Section {
    let lower = name.to_lowercase();
    // `关于数据治理`: a topic, whatever words it holds.
    if lower.trim_start().starts_with("关于") {
        return Section::Other;
    }
    // `AI` / `AIs` alone: English minutes' action items.
    if ["ai", "ais", "a.i."].contains(&lower.trim()) {
        return Section::Action;
    }
    if PAST_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Status
    } else if ACTION_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Action
    } else if DECISION_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Decision
    } else if STATUS_WORDS.iter().any(|w| lower.contains(w)) {
        Section::Status
    } else {
        Section::Other
    }
}

pub(crate) fn key_value<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
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
pub(crate) fn starts_with_key(body: &str) -> bool {
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
        "Owner(s)",
        "Owners",
        "Owner",
        "Due",
        "DDL",
        "ETA",
        "承办人",
        "承办部门",
        "办结时限",
    ];
    KEYS.iter().any(|k| {
        body.strip_prefix(k)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    })
}

/// `参会人员：…`, `会议时间：…`, `主持人：张三` — but not `主持人：请周迅下周一前…`, a speaker's
/// sentence after a role label.
pub(crate) fn is_meta(line: &str) -> bool {
    let plain = |v: &str| !v.contains(['，', '。', '？', '！', '；']);
    let meta = |l: &str| key_value(l, META_KEYS).is_some_and(plain);
    // `2026-07-15 | 发言人：单磊、谷雪`: a date and meeting details apart by bars.
    let dated = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_digit() || "-/.年月日 :：".contains(c))
    };
    let bars: Vec<&str> = line.split(['|', '｜']).map(str::trim).collect();
    // `5.9 周六调休 营业部小会 记录人 小卢`, `参会 晏总 柯经理`: typed with spaces for colons.
    let spaced = plain(line) && {
        let words: Vec<&str> = line.split_whitespace().collect();
        words
            .windows(2)
            .any(|w| ["记录人", "主持人", "参会人", "参会人员", "参会", "出席", "纪要人"].contains(&w[0]))
    };
    spaced
        || meta(line)
        || is_speaker_line(line)
        || (bars.len() > 1 && bars.iter().any(|p| meta(p)) && bars.iter().all(|p| meta(p) || dated(p)))
        // `2月10日 | 时长 46分钟 | 参与人：…`, `3月10日 · 参会：…`: the meeting's facts in a row.
        || {
            let parts: Vec<&str> = line.split(['|', '｜', '·']).map(str::trim).collect();
            parts.len() >= 2
                && parts.first().is_some_and(|p| !p.is_empty())
                && parts.iter().all(|p| plain(p))
                && parts
                    .iter()
                    .any(|p| key_value(p, META_KEYS).is_some() || p.starts_with("时长"))
        }
}

/// A document's routing and sign-off header (`流转：A → B`, `签批意见：同意，请抓紧落实。——曹总`,
/// `拟稿：… 核稿：… 签发：…`, `分送：…`): who the minutes pass through, not work.
pub(crate) fn is_routing(line: &str) -> bool {
    const KEYS: &[&str] = &[
        "流转",
        "签批意见",
        "签批",
        "领导批示",
        "批示",
        "签发",
        "拟稿",
        "核稿",
        "分送",
        "主送",
        "抄报",
        "印发",
        "文号",
        "密级",
        "紧急程度",
        "发文单位",
        "传阅",
    ];
    key_value(line, KEYS).is_some()
}

/// A transcript's speaker line: `周瑜 00:00:41`, `发言人 A 00:01:02`.
fn is_speaker_line(line: &str) -> bool {
    let Some((who, stamp)) = line.trim().rsplit_once(' ') else {
        return false;
    };
    let parts: Vec<&str> = stamp.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&who.trim().chars().count())
}

pub(crate) fn find_title(lines: &[String]) -> Option<String> {
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

pub(crate) fn find_date(lines: &[String], today: Date) -> Option<Date> {
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
