//! Records read by their shape and their values (pure): a card or a form whose fields sit on
//! lines of their own or are joined on one line, under labels nobody listed.
//!
//! ```text
//! 【卡片】与街道办确认场地
//! 状态：待开始｜负责人：某某｜截止：3个工作日内
//! ```
//!
//! A record is a title (its head line, or the field holding the work) and at least two fields.
//! A field whose label the block reader knows keeps it; any other field's role is read from its
//! value ([`role::of`]): people (the first such field 主办, later ones 协办), a deadline (or a
//! vague one), a state (done or put off: no item), an id (ignored), or text (the work, when it has
//! a task verb or is the longest). The record is then written as one line the block reader reads
//! (`事项：…；负责人：…；截止：…；状态：…`) on its first line, its other lines left blank, so no
//! field line is ever an item of its own. [`Record::note`] says which lines formed it and each
//! field's role (`--explain`).

mod bracketed;
mod field;
mod kanban;
mod role;
mod vocab;

use self::field::{Field, fields};
use self::role::Role;
use crate::minutes::blocks::{is_core_field, is_lead, known_field, review_field, work_value};
use crate::minutes::layout::strip_marker;
use crate::minutes::scan::{Ctx, has_task_verb};

/// A record found: its lines and how its fields were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// The 0-based lines it spans (its head line first, when it has one).
    pub(crate) lines: Vec<usize>,
    /// The one line it was written as.
    pub(crate) line: String,
    /// Each field: `label=role`.
    pub(crate) roles: Vec<String>,
}

impl Record {
    /// The explanation: which lines, and each field's role.
    pub(crate) fn note(&self) -> String {
        let first = self.lines.first().map_or(0, |l| l + 1);
        let last = self.lines.last().map_or(0, |l| l + 1);
        format!(
            "〔记录 第{first}–{last}行〕{} ⇒ {}",
            self.roles.join("，"),
            self.line
        )
    }
}

/// Labels of the meeting's own header (time, place, attendance): such lines form no record.
const META: &[&str] = &[
    "会议", "时间", "日期", "地点", "参会", "参加", "出席", "列席", "与会", "主持", "记录", "缺席", "抄送",
    "主题", "发件", "收件", "纪要", "汇报", "讨论", "回顾",
];
/// Labels of a header, a mail or a Q&A, matched whole.
const META_WHOLE: &[&str] = &[
    "问",
    "答",
    "Q",
    "A",
    "Date",
    "Time",
    "Attendees",
    "Location",
    "Subject",
    "From",
    "To",
    "Cc",
    "Present",
    "Absent",
    "Standup",
    "Agenda",
];

/// `某某：…`: a person's words, not a field (a member's name, or a name-shaped label before a
/// sentence).
fn speaks(ctx: &Ctx<'_>, f: &Field) -> bool {
    let label = f.label.trim_start_matches('@');
    ctx.members.iter().any(|p| p.name == label) || (ctx.is_name(label) && f.value.chars().count() > 12)
}

/// The label without its number (`问题1` → `问题`).
fn bare(label: &str) -> &str {
    label.trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// The fields of line `n`, when it is a field line.
fn line_fields(lines: &[String], n: usize) -> Option<Vec<Field>> {
    let line = lines.get(n)?.trim();
    let (_, body) = strip_marker(line);
    let body = body.trim_start_matches('#').trim();
    // `【问题】…` may read as a marker: the line as written first.
    fields(line.trim_start_matches('#').trim()).or_else(|| fields(body))
}

/// A line that may head a record: plain text, short, not a heading that ends with a colon.
fn head_line(line: &str) -> Option<String> {
    let (_, body) = strip_marker(line.trim());
    let body = body.trim_start_matches('#').trim().replace("**", "");
    let n = body.chars().count();
    ((2..=40).contains(&n) && !body.ends_with(['：', ':']) && !body.contains(['：', ':', '。']))
        .then_some(body)
}

/// Reads the cards and forms of `lines` — the one reader of records. Bracketed labels first
/// ([`bracketed`]: `【责任人】…` → `责任人：…`), then kanban cards ([`kanban`]), then every record
/// by its shape ([`relabel`]): cards and forms under labels nobody listed, question-label cards
/// (`做什么：…` `谁来做：…` `何时完成：…`) among them. Returns the records found by shape, for
/// `--explain`.
pub(crate) fn read(lines: &mut [String], ctx: &Ctx<'_>) -> Vec<Record> {
    let is_member = |w: &str| ctx.members.iter().any(|m| m.name == w);
    bracketed::split_joined_labels(lines, is_member);
    bracketed::unbracket_card_labels(lines, is_member);
    kanban::merge_cards(lines);
    relabel(lines, ctx)
}

/// Finds the records of `lines` and writes each as one line the block reader reads.
fn relabel(lines: &mut [String], ctx: &Ctx<'_>) -> Vec<Record> {
    let mut found: Vec<(Record, String, bool)> = Vec::new();
    // The file's first line is its title, never a record's.
    let mut n = 1;
    while n < lines.len() {
        // The field lines from `n`, until a blank line, a line that is no field, or a label again.
        let mut group: Vec<(usize, Vec<Field>)> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut m = n;
        while let Some(fs) = line_fields(lines, m) {
            // A label again opens the next record; numbered siblings (`KR1`, `KR2`) do not, unless
            // they open the record (`问题1`, `问题2`).
            let again = |f: &Field| {
                seen.contains(&f.label)
                    || seen.first().is_some_and(|s| bare(s) == bare(&f.label))
                    || (bare(&f.label) == f.label && seen.iter().any(|s| bare(s) == f.label))
            };
            if fs.iter().any(again) {
                break;
            }
            seen.extend(fs.iter().map(|f| f.label.clone()));
            group.push((m, fs));
            m += 1;
        }
        if group.is_empty() {
            n += 1;
            continue;
        }
        let head = n
            .checked_sub(1)
            .filter(|p| *p > 0 && found.last().is_none_or(|(r, _, _)| !r.lines.contains(p)))
            .and_then(|p| lines.get(p).and_then(|l| head_line(l)).map(|h| (p, h)));
        let slashed = group.len() == 1 && lines.get(n).is_some_and(|l| l.contains(" / "));
        if let Some(r) = read_group(ctx, head, &group, slashed) {
            found.push(r);
        }
        n = m.max(n + 1);
    }
    // The same label set over two records or more is evidence enough; a record alone needs its
    // owner and its deadline or state.
    let mut out = Vec::new();
    for (r, sig, strong) in &found {
        let repeated = found.iter().filter(|(_, s, _)| s == sig).count() >= 2;
        if !(repeated || *strong) {
            continue;
        }
        for l in &r.lines {
            if let Some(line) = lines.get_mut(*l) {
                line.clear();
            }
        }
        if let Some(first) = r.lines.first().and_then(|l| lines.get_mut(*l)) {
            first.clone_from(&r.line);
        }
        out.push(r.clone());
    }
    out
}

/// Reads one group of field lines (with the line above, `head`) as a record, if it is one.
fn read_group(
    ctx: &Ctx<'_>,
    head: Option<(usize, String)>,
    group: &[(usize, Vec<Field>)],
    slashed: bool,
) -> Option<(Record, String, bool)> {
    let all: Vec<&Field> = group.iter().flat_map(|(_, fs)| fs).collect();
    // The meeting's header, a review's own fields, or people speaking: not a record.
    if all.iter().any(|f| {
        META.iter().any(|k| f.label.contains(k))
            || META_WHOLE.contains(&f.label.as_str())
            || review_field(&f.keyed())
            || speaks(ctx, f)
    }) {
        return None;
    }
    // An unknown label is a word (`对接`, `谁来做`), not a topic (`营业部销售指引`).
    if all
        .iter()
        .any(|f| !known_field(&f.keyed()) && bare(&f.label).chars().count() > 5)
    {
        return None;
    }
    let roles: Vec<Option<Role>> = all
        .iter()
        .map(|f| (!known_field(&f.keyed())).then(|| role::of(ctx, &f.label, &f.value)))
        .collect();
    // The head: the line above, or a first field of text on a line of its own (`【卡片】…`).
    let first_alone = group.first().is_some_and(|(_, fs)| fs.len() == 1);
    let head_field = first_alone
        && all.len() >= 3
        && all
            .first()
            .is_some_and(|f| work_value(&f.keyed()).is_some() || roles.first() == Some(&Some(Role::Text)));
    let (title_head, skip) = if head_field {
        (all.first().map(|f| f.value.clone()), 1)
    } else {
        (head.as_ref().map(|(_, h)| h.clone()), 0)
    };
    let rest: Vec<(&Field, Option<Role>)> = all
        .iter()
        .copied()
        .zip(roles.iter().copied())
        .skip(skip)
        .collect();
    if rest.len() < 2 {
        return None;
    }
    let head_bracketed = head_field && all.first().is_some_and(|f| f.bracketed);
    let known_only = rest.iter().all(|(f, r)| r.is_none() && !f.bracketed) && !head_bracketed;
    // Known fields joined on one line by ` / ` (`Task: … / Owner: … / Due: …`, which the block
    // reader does not part) are read whole too.
    if known_only && !slashed {
        return None;
    }
    let has = |want: &[Role]| rest.iter().any(|(_, r)| r.is_some_and(|r| want.contains(&r)));
    let known_lead = rest.iter().any(|(f, r)| r.is_none() && is_lead(&f.keyed()));
    let known_core = rest.iter().any(|(f, r)| r.is_none() && is_core_field(&f.keyed()));
    if !(has(&[Role::People, Role::Due, Role::Open, Role::Done, Role::Shelved]) || known_core) {
        return None;
    }
    let owned = known_lead || has(&[Role::People]);
    let timed = known_core || has(&[Role::Due, Role::Open, Role::Done, Role::Shelved]);
    // A record closed by its state gives no item: reading it whole keeps its lines from being items.
    let closed = rest
        .iter()
        .any(|(f, _)| matches!(role::state(&f.value), Some(Role::Done | Role::Shelved)));
    let strong = (owned && timed) || closed;
    // A plain line above heads a record when it says work or the record names its owner and date.
    let title_head = title_head.filter(|h| head_field || strong || has_task_verb(h));
    // The work: a work field, else text with a task verb, else the longest text; its numbered
    // siblings (`KR1`, `KR2`) with it.
    let texts: Vec<(&str, &str)> = rest
        .iter()
        .filter(|(_, r)| *r == Some(Role::Text))
        .map(|(f, _)| (bare(&f.label), f.value.as_str()))
        .collect();
    let keyed_work = rest.iter().find_map(|(f, _)| {
        work_value(&f.keyed())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    });
    let text_work = texts
        .iter()
        .find(|(_, v)| has_task_verb(v))
        .or_else(|| texts.iter().max_by_key(|(_, v)| v.chars().count()))
        .filter(|_| keyed_work.is_none());
    let work_label = text_work.map(|(l, _)| *l);
    let work = keyed_work.clone().or_else(|| {
        let siblings: Vec<&str> = texts
            .iter()
            .filter(|(l, _)| Some(*l) == work_label)
            .map(|(_, v)| *v)
            .collect();
        (!siblings.is_empty()).then(|| siblings.join("，"))
    });
    // A report, not a card: more than one other field of text, or a long one.
    let others: Vec<&str> = texts
        .iter()
        .filter(|(l, v)| Some(*l) != work_label && work.as_deref() != Some(*v))
        .map(|(_, v)| *v)
        .collect();
    if others.len() > 1 || others.iter().any(|v| v.chars().count() > 40) {
        return None;
    }
    // A field that says the work (`事项：…`, `做什么：整理…`) titles the record alone: the line
    // above is then a heading (`### 行动项`, `行动卡`), not its title.
    let worded = keyed_work.is_some() || text_work.is_some_and(|(_, v)| has_task_verb(v));
    let title_head = title_head.filter(|_| head_field || !worded);
    let above = title_head.is_some() && !head_field;
    // Known fields on one line with no work among them belong to the line above (`事项一：…`).
    if known_only && keyed_work.is_none() {
        return None;
    }
    // Without a title line, text that says no work (`承办部门：合规管理部`) titles nothing.
    if title_head.is_none() && keyed_work.is_none() && !worded {
        return None;
    }
    let title = match (title_head, work) {
        (Some(h), Some(w)) if !h.contains(w.as_str()) => format!("{h}：{w}"),
        (Some(h), _) => h,
        (None, Some(w)) => w,
        (None, None) => return None,
    };
    let title = title.replace(['；', ';'], "，");
    let led = rest.iter().any(|(f, r)| r.is_none() && is_lead(&f.keyed()));
    let mut out = vec![format!("事项：{title}")];
    let mut notes = Vec::new();
    let (mut lead, mut due) = (led, false);
    for (f, r) in &rest {
        let keyed = f.keyed();
        let Some(r) = r else {
            notes.push(format!("{}=已知字段", f.label));
            if work_value(&keyed).is_none() {
                out.push(keyed);
            }
            continue;
        };
        notes.push(format!("{}={}", f.label, r.name()));
        match r {
            Role::People if !lead => {
                out.push(format!("负责人：{}", f.value));
                lead = true;
            }
            Role::People => out.push(format!("协办：{}", f.value)),
            Role::Due if !due => {
                out.push(format!("截止：{}", f.value));
                due = true;
            }
            Role::Open => out.push("状态：进行中".to_owned()),
            Role::Done => out.push("状态：已完成".to_owned()),
            Role::Shelved => out.push("状态：暂缓".to_owned()),
            Role::Due | Role::Id | Role::Text | Role::Watch => {}
        }
    }
    if head_field {
        notes.insert(
            0,
            format!("{}=标题", all.first().map_or("", |f| f.label.as_str())),
        );
    } else if above {
        notes.insert(0, "上一行=标题".to_owned());
    }
    let mut lines: Vec<usize> = group.iter().map(|(l, _)| *l).collect();
    if let Some((h, _)) = head.filter(|_| above) {
        lines.insert(0, h);
    }
    let mut sig: Vec<&str> = all.iter().map(|f| bare(&f.label)).collect();
    sig.sort_unstable();
    let record = Record {
        lines,
        line: out.join("；"),
        roles: notes,
    };
    Some((record, sig.join("/"), strong))
}
