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

use self::lists::{owner_over, topic_over_own_tasks, unit_over_list};
use self::sentence::{
    has_task_text, is_department_only, is_thin, split_sentences, topic_of, topic_of_question,
};
use self::trace::{Tracer, close_block, section_name};
use self::turns::{bracket_task, only_labels_between, paren_topic_over_list, topic_over_sublist};
use self::writer::{author, echoes, takes_over};
use crate::calendar::Calendar;
use crate::command::Mention;
use crate::domain::ids::Person;
use crate::domain::time::{SHANGHAI, local};
use crate::minutes::blocks::Block;
use crate::minutes::evidence::{self, LineFacts};
use crate::minutes::explain::{LineTrace, Verdict};
pub use crate::minutes::item::{ActionItem, Extraction, clean_title};
use crate::minutes::layout::{
    Marker, Section, classify, find_date, find_title, heading, is_meeting_title, is_meta, is_routing,
    starts_with_key, strip_marker, strip_todo_label, unbold_label,
};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow, Scan};
use crate::minutes::speaker::{
    bracket_label, bracket_transcript, label_over_stamp, speaker_line, speaker_name, strip_speaker,
    strip_stamp,
};
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
    // `Attendees: Kevin 蒋凯文`: `Kevin` is that member wherever the minutes name them.
    let mentions = alias::with_latin_aliases(&lines, mentions, members);
    let mut ctx = Ctx {
        mentions: &mentions,
        members,
        base,
        cal,
        speaker: None,
        addressed: None,
    };
    let mut ex = Extraction {
        title,
        meeting_date,
        ..Extraction::default()
    };
    // An email signed by its writer (`刘畅 致 各位：` … `刘畅`): `我本人会…` is theirs.
    if !lines.iter().any(|l| speaker_line(l.trim()).is_some())
        && let Some(author) = author(&lines, &ctx)
    {
        ctx.set_speaker(Some(author));
    }
    let bracket_speakers = bracket_transcript(&lines, |w| ctx.is_name(w));
    let mut section = Section::None;
    let mut table: Option<Table> = None;
    let mut block: Option<(usize, Block)> = None;
    let mut last_item_indent: Option<usize> = None;
    // The last list line that was not an item: a following `责任人：… 完成时间：…` line completes it.
    let mut open_line: Option<String> = None;
    let mut list_seen = false;
    // The last line said, and by whom (transcripts).
    let mut last_said: Option<(String, Option<OwnerRef>)> = None;
    // Field lines (`责任人：… 完成时间：…`) already joined to the item above them.
    let mut joined_below: Vec<usize> = Vec::new();
    // The line the last item came from and who said it; the line before this one.
    let mut item_from: Option<(usize, Option<OwnerRef>)> = None;
    let mut last_line: Option<usize> = None;
    // Outside a transcript, `史磊：…这个我来…`: for that line the labelled person is who says 我.
    let mut label_speaker: Option<Option<OwnerRef>> = None;
    // `- **殷悦**` with the person's tasks indented below: (its indent, the people, whether its
    // tasks are a list at its own indent: `诸葛宁：` over `1. …` `2. …`).
    let mut group: Option<(usize, Vec<OwnerRef>, bool)> = None;
    // `1. 业绩排名通报 2. 两融客户回访` listed in one line: what `2我和黄丽一起` claims.
    let mut listed: Vec<String> = Vec::new();
    // Numbered lines and table rows, for `第2项由…负责` below them; the items such lines close.
    let mut numbered = refer::Listed::default();
    let mut closed: Vec<usize> = Vec::new();
    let mut table_row = 0;
    // `习志国：` over `[00:01:05] …` lines: their clock times are when it was said.
    let mut stamped_turns = false;
    // `二、以下事项请于周五前完成：`: the heading's deadline for the items under it.
    let mut heading_due = heading_due::HeadingDue::default();
    for (n, line) in lines.iter().enumerate() {
        numbered.settle(ex.items.len());
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if block.as_ref().is_some_and(|(_, b)| b.ends_at_blank()) {
                close_block(&mut block, &ctx, &mut ex, &mut tr);
            }
            continue;
        }
        let prev_line = last_line.replace(n);
        if let Some(before) = label_speaker.take() {
            ctx.speaker = before;
        }
        if joined_below.contains(&n) {
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
                if !trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                    table_row += 1;
                }
                if let Some(it) = &item {
                    numbered.note((table_row, true), &it.text, ex.items.len());
                }
                ex.items.extend(item);
            } else {
                table = Table::header(trimmed);
                table_row = 0;
                tr.note(n, trimmed, Verdict::TableHeader, Vec::new(), None);
            }
            continue;
        }
        if is_tab_row(trimmed)
            && let Some(t) = Table::header(trimmed)
        {
            close_block(&mut block, &ctx, &mut ex, &mut tr);
            table = Some(t);
            table_row = 0;
            tr.note(n, trimmed, Verdict::TableHeader, Vec::new(), None);
            continue;
        }
        // `新问题` between two parts of a table: a caption of the rows after it, same columns.
        if table.is_some()
            && trimmed.chars().count() <= 10
            && !trimmed.contains(['，', ',', '。', '；', '：', ':'])
            && heading(trimmed).is_none()
            && lines
                .iter()
                .skip(n + 1)
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| is_tab_row(l.trim()) && Table::header(l.trim()).is_none())
        {
            tr.note(
                n,
                trimmed,
                Verdict::Heading(section_name(Section::Other)),
                Vec::new(),
                None,
            );
            continue;
        }
        table = None;
        if is_routing(trimmed) {
            close_block(&mut block, &ctx, &mut ex, &mut tr);
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        let (marker, body) = strip_marker(trimmed);
        let body = if stamped_turns { strip_stamp(body) } else { body };
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
        // `（7）存在问题：…` over `（8）评审意见：…`: numbered siblings, not a title over its fields.
        let is_numbered = |l: &str| {
            strip_marker(l).0 == Marker::List
                && l.starts_with(|c: char| c.is_ascii_digit() || "（(①②③④⑤⑥⑦⑧⑨".contains(c))
        };
        let sibling = is_numbered(trimmed) && next_line.is_some_and(is_numbered);
        let fields_below = |l: &str| (!sibling).then(|| Block::before_fields(body, l)).flatten();
        // A title followed by its conclusion opens the next block, whatever it looks like; so
        // does work followed by its owner (`事项：…` then `负责人：…`), unless it says more of the
        // work of a general block still without its fields (`措施：…`).
        let opens_block = next_line.is_some_and(|l| fields_below(l).is_some())
            || (Block::start_work(body, &next).is_some()
                && !block.as_ref().is_some_and(|(_, b)| b.awaits_fields()));
        if let Some((_, b)) = block.as_mut()
            && !opens_block
            && !b.said_by_someone(body, |w| ctx.is_name(w))
            && b.field(body)
        {
            tr.note(n, trimmed, Verdict::BlockLine, Vec::new(), None);
            continue;
        }
        close_block(&mut block, &ctx, &mut ex, &mut tr);
        if let Some(b) = Block::start(body)
            .or_else(|| next_line.and_then(|l| Block::start_heading(body, l)))
            .or_else(|| Block::start_work(body, &next))
            .or_else(|| next_line.and_then(fields_below))
            .or_else(|| Block::start_titled(body, &next))
        {
            block = Some((n, b));
            tr.note(n, trimmed, Verdict::BlockLine, Vec::new(), None);
            continue;
        }
        // `柏青：` alone over the person's numbered or indented tasks (`岳明、孟冬：` too,
        // not a heading).
        if let Some((people, flat)) = owner_over(line, &lines[n + 1..], &ctx) {
            group = Some((
                line.chars().take_while(|c| c.is_whitespace()).count(),
                people,
                flat,
            ));
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        if let Some(name) = heading(trimmed) {
            if group.as_ref().is_some_and(|(_, _, flat)| *flat) {
                group = None;
            }
            section = classify(name);
            heading_due.close(&mut ex.items);
            heading_due.open(trimmed, section, ex.items.len(), &ctx);
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
        let over_stamp = label_over_stamp(trimmed, next_line);
        stamped_turns |= over_stamp.is_some();
        if let Some(label) = speaker_line(trimmed).or(over_stamp) {
            let who = speaker_name(label)
                .filter(|n| ctx.is_name(n) || ctx.is_loose_name(n))
                .map(|n| ctx.resolve(&n));
            ctx.set_speaker(who);
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        if is_meta(trimmed) || (prev_line.is_none() && is_meeting_title(trimmed)) {
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        // `第2、3项由刘思远负责，11月20日前完成`: work given to items listed above by number.
        let lists = (&mut ex.items, &mut closed);
        if refer::assign_referred(body, n, &ctx, &numbered, lists, &mut tr, to_item) {
            continue;
        }
        if let Some(k) = refer::list_number(trimmed) {
            numbered.note(k, body, ex.items.len());
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        if group.as_ref().is_some_and(|(at, _, flat)| {
            indent < *at || (indent == *at && !(*flat && marker != Marker::None))
        }) {
            group = None;
        }
        // A list item that is only a name (`- **殷悦**`, `- 温迪：`) heads that person's tasks.
        let bare = body.replace("**", "");
        let bare = bare.trim().trim_end_matches(['：', ':']).trim();
        if marker == Marker::List
            && (2..=12).contains(&bare.chars().count())
            && !bare.contains(['，', ',', '（', '(', '。'])
            && let Some(people) = ctx.names_if_all(bare)
        {
            group = Some((indent, people, false));
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        if marker == Marker::Done {
            tr.note(n, trimmed, Verdict::DoneCheckbox, Vec::new(), None);
            continue;
        }
        // `1. 年度客户回访` over `(1) 陈静负责…`: a short topic heading its own sub-list.
        if topic_over_sublist(marker, body, next_line)
            || paren_topic_over_list(trimmed, body, next_line)
            || unit_over_list(marker, body, next_line)
        {
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
            continue;
        }
        // `1. 尽职调查（牵头：欧阳靖）` over its own tasks: a sub-item naming no one is the lead's.
        if topic_over_own_tasks(line, marker, body, &lines[n + 1..], &ctx) {
            let lead = ctx.scan(body);
            if lead.how != OwnerHow::None && !lead.owners.is_empty() {
                group = Some((indent, lead.owners, false));
            }
            tr.note(n, trimmed, Verdict::Meta, Vec::new(), None);
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
        let body = match bracket_label(body)
            .filter(|(who, rest)| bracket_speakers && ctx.is_name(who) && !bracket_task(&ctx, section, rest))
        {
            Some((who, rest)) => {
                let who = ctx.resolve(who);
                ctx.set_speaker(Some(who));
                rest
            }
            None => body,
        };
        let (body, label) = strip_speaker(body);
        if let Some(label) = label {
            let who = speaker_name(label)
                .filter(|n| ctx.is_name(n) || ctx.is_loose_name(n))
                .map(|n| ctx.resolve(&n));
            ctx.set_speaker(who);
        }
        let (label, body) = strip_todo_label(body);
        let inline = sentence::inline_list(body);
        let claimed;
        let body = match sentence::claim(body, &listed) {
            Some(b) => {
                claimed = b;
                claimed.as_str()
            }
            None => body,
        };
        if inline.len() >= 2 {
            listed = inline;
        }
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
            // Every such line in a row (`Owner(s): 巫琳, 管乐` / `ETA: Aug 20`).
            (_, Some((i, (Marker::None, next_body))))
                if marker != Marker::None && starts_with_key(next_body) =>
            {
                joined = lines
                    .iter()
                    .enumerate()
                    .skip(i)
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(k, l)| (k, strip_marker(l.trim())))
                    .take_while(|(_, (m, b))| *m == Marker::None && starts_with_key(b))
                    .fold(body.to_owned(), |acc, (k, (_, b))| {
                        joined_below.push(k);
                        format!("{acc}，{b}")
                    });
                joined.as_str()
            }
            // An item written over two lines: the second, unmarked, indented under the text
            // of the first (`- [ ] 梳理…名单，` / `      并逐户电话提醒…（韩雪，5月14日前）`).
            (_, Some((i, (Marker::None, next_body))))
                if marker != Marker::None
                    && lines.get(i).is_some_and(|l| {
                        l.chars().take_while(|c| c.is_whitespace()).count() > indent + 1
                    }) =>
            {
                joined_below.push(i);
                // `2. Owner: 叶凯` over `   Action: prepare…`: a labelled line is a field of its own.
                let labelled = next_body
                    .char_indices()
                    .take_while(|(k, _)| *k <= 24)
                    .any(|(_, c)| matches!(c, ':' | '：'));
                // `三、XQ-412 … —— 通过` over `冯立尽快给出…`: a line opening with a member is a clause.
                let sep = if labelled || ctx.longest_member_prefix(next_body).is_some() {
                    "，"
                } else {
                    ""
                };
                joined = format!("{body}{sep}{next_body}");
                joined.as_str()
            }
            _ => body,
        };
        // In a transcript, the question another speaker just asked (`风险揭示书要不要更新？`):
        // the answer `我先起草一个` is about it.
        let question = last_said
            .replace((body.to_owned(), ctx.speaker.clone()))
            .filter(|(q, who)| ctx.speaker.is_some() && *who != ctx.speaker && q.contains(['？', '?']))
            // `那应急演练的方案谁来写？下周要报给公司。`: the question is what comes before its mark.
            .map(|(q, _)| turns::asked_about(&q))
            .filter(|q| !q.trim().is_empty());
        let answer = |item: &mut ActionItem, sc: &Scan| {
            if sc.by_speaker
                && let Some(q) = &question
            {
                item.text = format!("{}：{}", topic_of_question(q), item.text);
            }
        };
        if ctx.speaker.is_none()
            && let Some((who, said)) = body.split_once(['：', ':'])
            // `夏总：…发了吗？伍佳：我明天发。`: the label's own sentence says 我.
            && said.split(['？', '?', '。', '！']).next().is_some_and(|own| own.contains('我'))
            && ctx.members.iter().any(|p| p.name == who.trim())
        {
            label_speaker = Some(ctx.speaker.replace(ctx.resolve(who.trim())));
        }
        let mut scan = ctx.scan(body);
        if scan.how == OwnerHow::None
            && let Some((_, people, _)) = &group
        {
            scan.owners.clone_from(people);
            scan.how = OwnerHow::Named;
        }
        // `柏杨：端午节前要把路演材料准备好。` then `费翔：这个我来弄。`: the next speaker takes
        // the item just proposed.
        // The one speaking: the transcript's speaker, or a `费翔：` label.
        let said_by = ctx.speaker.clone().or_else(|| {
            body.split_once(['：', ':'])
                .map(|(who, _)| who.trim())
                .filter(|who| ctx.is_name(who))
                .map(|who| ctx.resolve(who))
        });
        // `王立新：赵敏你跟一下，把值守名单收齐。` then `赵敏：好的，明天下班前收齐。`: the one
        // given the work names its date.
        if let Some(sp) = &said_by
            && let Some((from, _)) = &item_from
            && only_labels_between(&lines, *from, n)
            && scan.deadline.is_some()
            && matches!(scan.how, OwnerHow::None)
            && let Some(item) = ex.items.last_mut()
            // `…请邵华明天演示一下？` then `邵华：可以，明天下午3点。`: the hour, that day.
            // Not a limit (`春节前`) that `明天上班就发` only promises to beat.
            && (item.deadline.is_none()
                || (refines(item.deadline, scan.deadline)
                    && !item.deadline_text.as_deref().is_some_and(|t| t.ends_with(['前', '内']))))
            && item.owners.first() == Some(sp)
        {
            item.deadline = scan.deadline;
            item.deadline_text = scan.deadline_text.clone();
            item_from = None;
            tr.note(n, trimmed, Verdict::Detail, Vec::new(), Some(item));
            continue;
        }
        if let Some(sp) = said_by
            && let Some((from, who)) = &item_from
            && prev_line == Some(*from)
            && who.as_ref() != Some(&sp)
            && takes_over(body)
            && let Some(item) = ex.items.last_mut()
        {
            item.owners = vec![sp.clone()];
            if scan.deadline.is_some() {
                item.deadline = scan.deadline;
                item.deadline_text = scan.deadline_text.clone();
            }
            item_from = Some((n, Some(sp)));
            tr.note(n, trimmed, Verdict::Detail, Vec::new(), Some(item));
            continue;
        }
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
        // `李明远今天下班前把…确认，黄志强下周二负责上线…`: two people's own dated work, apart.
        let sentences: Vec<&str> = split_sentences(body)
            .into_iter()
            .flat_map(|s| sentence::split_assignments(s, &ctx))
            .collect();
        if sentences.len() > 1 {
            let scored: Vec<Scored<'_>> = sentences
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    // `…大家同意。【待办】申屠磊：…`: a tagged sentence inside a paragraph.
                    let (tagged, s) = strip_todo_label(s);
                    let sc = ctx.scan(s);
                    let sig = facts(&sc, s, (label && i == 0) || tagged);
                    (sc, sig, s)
                })
                .collect();
            if scored
                .iter()
                .any(|(sc, sig, _)| evidence::is_item(evidence::score(sig)) && has_task_text(&sc.text))
            {
                // `三是结果汇总。司马光、欧阳修负责汇总，…`: the topic names the items after it.
                let topic = sentences.first().and_then(|s| topic_of(s));
                // The sentence before, when it asked for work and gave it to no one.
                let mut plain: Option<&str> = None;
                // `夏总：问候短信是不是发了？伍佳：还没有，我明天上午发。`: the question answered.
                let mut asked: Option<&str> = None;
                for (i, (sc, sig, s)) in scored.into_iter().enumerate() {
                    let question = asked.take();
                    if s.trim_end().ends_with(['？', '?']) {
                        asked = Some(s.split_once(['：', ':']).map_or(s, |(_, q)| q));
                    }
                    if i == 0 && topic.is_some_and(|t| s.trim().trim_end_matches('。') == t) {
                        tr.note(n, s, Verdict::NotItem, sig, None);
                        continue;
                    }
                    if evidence::is_item(evidence::score(&sig)) && has_task_text(&sc.text) {
                        let by_speaker = sc.by_speaker;
                        let mut item = to_item(sc);
                        if by_speaker && let Some(q) = &question {
                            item.text = format!("{}：{}", topic_of_question(q), item.text);
                        } else if let Some(q) = question.filter(|_| s.contains('我')) {
                            item.text = format!("{}：{}", topic_of_question(q), item.text);
                        }
                        if let Some(t) = topic.filter(|t| !item.text.contains(t)) {
                            item.text = format!("{t}：{}", item.text);
                        }
                        // `组织…质量检查。此项由林海负责，8月底完成。`: a thin task is the one before.
                        if let Some(p) = plain.take().filter(|_| is_thin(&item.text)) {
                            item.text = format!("{}：{}", p.trim_end_matches(['。', '；', '！']), item.text);
                        }
                        if echoes(&ex.items, &item) {
                            tr.note(n, s, Verdict::Detail, sig, None);
                            continue;
                        }
                        // `由财富管理部牵头，修订…。财富管理部负责人蒋文涛负责，3月27日前…`: the
                        // person in charge of what a department leads, named in the next sentence.
                        if let Some(prev) = ex.items.last_mut().filter(|p| {
                            item_from.as_ref().is_some_and(|(at, _)| *at == n)
                                && !p.owners.is_empty()
                                && p.owners.iter().all(crate::minutes::assign::is_department)
                                && p.deadline.is_none()
                                && !item.owners.is_empty()
                                && !item.owners.iter().any(crate::minutes::assign::is_department)
                        }) {
                            prev.owners = item.owners;
                            prev.deadline = item.deadline;
                            prev.deadline_text = item.deadline_text;
                            tr.note(n, s, Verdict::Detail, sig, Some(prev));
                            continue;
                        }
                        tr.note(n, s, Verdict::Item, sig, Some(&item));
                        let who = ctx.speaker.clone().or_else(|| item.owners.first().cloned());
                        ex.items.push(item);
                        item_from = Some((n, who));
                    } else {
                        // `…请邵华明天演示一下？邵华：可以，明天下午3点。`: the one asked names the hour.
                        if matches!(sc.how, OwnerHow::Label | OwnerHow::Named)
                            && item_from.as_ref().is_some_and(|(at, _)| *at == n)
                            && let Some(item) = ex.items.last_mut()
                            && item.owners.first() == sc.owners.first()
                            && refines(item.deadline, sc.deadline)
                        {
                            item.deadline = sc.deadline;
                            item.deadline_text.clone_from(&sc.deadline_text);
                        }
                        let asks = sig.iter().any(|(g, _)| *g == Signal::TaskVerb)
                            && sig.iter().all(|(_, w)| *w > 0)
                            && sc.how == OwnerHow::None;
                        plain = asks.then_some(s);
                        tr.note(n, s, Verdict::NotItem, sig, None);
                    }
                }
                last_item_indent = Some(indent);
                continue;
            }
        }
        let signals = facts(&scan, body, label);
        // The first line of several is the title (`【晨会】2月24日 节后开门红`) unless it asks for
        // work (`短会结论：…刘强、赵刚一起做，6月16日前完成。`).
        let title = marker == Marker::None
            && lines.iter().position(|l| !l.trim().is_empty()) == Some(n)
            && lines.iter().skip(n + 1).any(|l| !l.trim().is_empty())
            && !signals
                .iter()
                .any(|(s, _)| matches!(s, Signal::TaskVerb | Signal::Modal));
        // `合规风控部 曹颖` (a letter's signature): a department and nothing to do.
        let signature =
            is_department_only(&scan.text) && !signals.iter().any(|(s, _)| *s == Signal::TaskVerb);
        if evidence::is_item(evidence::score(&signals)) && has_task_text(&scan.text) && !signature && !title {
            last_item_indent = Some(indent);
            let mut item = to_item(scan.clone());
            answer(&mut item, &scan);
            if echoes(&ex.items, &item) {
                tr.note(n, trimmed, Verdict::Detail, signals, None);
                continue;
            }
            tr.note(n, trimmed, Verdict::Item, signals, Some(&item));
            let who = ctx.speaker.clone().or_else(|| item.owners.first().cloned());
            ex.items.push(item);
            item_from = Some((n, who));
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
    heading_due.close(&mut ex.items);
    let mut at = 0;
    ex.items.retain(|_| {
        at += 1;
        !closed.contains(&(at - 1))
    });
    // A transcript is also read turn by turn: work settled across turns, the recap's repeats.
    dialogue::settle(&lines, &ctx, to_item, &mut ex, &mut tr);
    ex.items.truncate(MAX_ITEMS);
    ex
}

/// `柏青：` (or `岳明、孟冬：`) alone on a line, the next line indented under it or numbered: the
/// people whose tasks follow.
/// Whether `reply` names the hour of the day `asked` gave without one.
fn refines(
    asked: Option<crate::domain::deadline::Deadline>,
    reply: Option<crate::domain::deadline::Deadline>,
) -> bool {
    asked
        .zip(reply)
        .is_some_and(|(a, r)| !a.has_time && r.has_time && local(a.at).date() == local(r.at).date())
}

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
    // `…短信【责任人：邓佳】【时限：2月10日】`: the fields leave empty brackets behind.
    let text = ["【】", "（）", "()", "[]"]
        .iter()
        .fold(s.text.clone(), |t, e| t.replace(e, ""));
    ActionItem {
        text: clean_title(&text, cut),
        owners: s.owners,
        deadline: s.deadline,
        deadline_text: s.deadline_text,
        priority: s.priority,
    }
}

mod alias;
mod dialogue;
mod heading_due;
mod lists;
mod qa;
mod refer;
mod sentence;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_dialogue;
#[cfg(test)]
mod tests_dialogue5;
#[cfg(test)]
mod tests_fields;
#[cfg(test)]
mod tests_fresh;
#[cfg(test)]
mod tests_generalise;
#[cfg(test)]
mod tests_heldout10;
#[cfg(test)]
mod tests_heldout2;
#[cfg(test)]
mod tests_heldout3;
#[cfg(test)]
mod tests_heldout4;
#[cfg(test)]
mod tests_heldout5;
#[cfg(test)]
mod tests_heldout6;
#[cfg(test)]
mod tests_heldout6_blocks;
#[cfg(test)]
mod tests_heldout6_owners;
#[cfg(test)]
mod tests_heldout6_talk;
#[cfg(test)]
mod tests_heldout7;
#[cfg(test)]
mod tests_heldout7_notes;
#[cfg(test)]
mod tests_heldout8;
#[cfg(test)]
mod tests_heldout9;
mod trace;
mod turns;
mod writer;
