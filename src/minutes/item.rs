//! An action item found in minutes and the extraction's result (pure), and the title an item
//! gets once its owner and deadline words are taken out.

use jiff::civil::Date;

use crate::domain::deadline::Deadline;
use crate::domain::priority::Priority;
use crate::minutes::owner::OwnerRef;

/// One action item found in the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// What is to be done (owner labels and deadline words removed).
    pub text: String,
    /// Owners, in order (the first is the 主办): people, members or names as written.
    pub owners: Vec<OwnerRef>,
    /// The accepted deadline.
    pub deadline: Option<Deadline>,
    /// The deadline as written, also when it was refused (then `deadline` is `None`).
    pub deadline_text: Option<String>,
    /// A priority, when stated.
    pub priority: Option<Priority>,
    /// Departments, teams or posts written as responsible (`运营管理部牵头`, `投顾团队负责`), as
    /// written: not people, so never owners; the card shows them beside the owner to pick.
    pub units: Vec<String>,
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

/// `测试报告 — ，ETA` once the owner and the date are gone: the dash, the comma and an English
/// deadline word (`ETA`, `due`, `by`, `DDL`) left at the end go.
fn trim_dangling_tail(s: &str) -> &str {
    let mut t = s;
    loop {
        let before = t;
        t = t.trim_end_matches(|c: char| {
            c.is_whitespace() || CLAUSE_MARKS.contains(&c) || "—–-－:：".contains(c)
        });
        for w in [
            "ETA", "eta", "due", "Due", "DUE", "by", "By", "DDL", "ddl", "deadline", "Deadline",
        ] {
            if let Some(r) = t.strip_suffix(w)
                && r.ends_with(|c: char| {
                    c.is_whitespace() || CLAUSE_MARKS.contains(&c) || "—–-－".contains(c)
                })
            {
                t = r;
            }
        }
        if t == before || t.is_empty() {
            return if t.is_empty() { s } else { t };
        }
    }
}

/// A draft item's title: the task without the owner words left at its start (`负责牵头梳理…`
/// → `梳理…`) and without its deadline words (`本周五前提交初稿` → `提交初稿`), which the
/// item carries in its own fields. The deadline words go only where they stand apart (at a
/// clause's edge, or tied to it by `前` / `请于` …), so a task that merely mentions a time keeps
/// its words; a title that would be left empty is kept as it was, and one left with a bare verb
/// (`复核`) keeps its time words (`明天上午复核`).
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
    // `上海分公司：，完成回访` once the owner is gone: the colon stays, the comma goes.
    for (double, single) in [
        ("，，", "，"),
        (",,", ","),
        ("；；", "；"),
        // `…负责实施，承办人：敖雪；…` once the owner's field is gone.
        ("，；", "；"),
        // `总部通知下来了，。你…` once a name spoken alone is gone.
        ("，。", "。"),
        ("。。", "。"),
        // `…回访一下。尽快吧` once the date is gone: the particle left alone.
        ("。吧", "。"),
        ("：，", "："),
        (":，", ":"),
        // `方案——熊某。原定…` once the owner after the dash is gone.
        ("——。", "。"),
        ("——：", "："),
        // `话术重写 → 彭某，质检把关` once the owner after the arrow is gone.
        (" →，", "，"),
        ("→，", "，"),
    ] {
        while out.contains(double) {
            out = out.replace(double, single);
        }
    }
    let out = trim_dangling_tail(
        out.trim_matches(|c: char| CLAUSE_MARKS.contains(&c) || c == ':' || c == '：')
            // `…逐条复听 →` once the owner after the arrow is gone.
            .trim_end_matches(['→', ' ']),
    );
    let english = english_ends(out);
    let out = english.as_str();
    // `谷某明天上午复核`: a bare verb left (`复核`) says too little; the title keeps its time.
    if deadline_text.is_some() && out.chars().filter(|c| c.is_alphanumeric()).count() <= 2 {
        let whole = clean_title(text, None);
        if whole.chars().count() > out.chars().count() {
            return whole;
        }
    }
    if out.is_empty() {
        text.trim().to_owned()
    } else {
        out.to_owned()
    }
}

/// An English sentence once its owner and date are gone (`to draft a reply letter, .`,
/// `Auto-reply — , .`): the stops and dashes left at its end go, and `to …` / `will …` left at its
/// start reads as the work (`draft a reply letter`).
fn english_ends(s: &str) -> String {
    // `内部问责记录整理, .`: ASCII stops left by an English date whatever the words.
    let ascii = s.trim_end_matches([' ', ',', '.', ';']);
    if !s.contains(|c: char| c.is_ascii_alphabetic()) {
        return if ascii.is_empty() { s } else { ascii }.to_owned();
    }
    let t = s.trim_end_matches([' ', ',', '.', ';', '—', '–', '，', '。']);
    let t = if t.is_empty() { s } else { t };
    ["to ", "will "]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()))
        .unwrap_or(t)
        .to_owned()
}
