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
//!
//! The line-by-line reading is a `Walk` (`walk.rs`: what is carried from line to line, and the
//! order of the stages); each stage is a file: `stage_table`, `stage_block`, `stage_heads`,
//! `stage_body`, `stage_turns`, `stage_score`.

use jiff::Timestamp;

use self::trace::Tracer;
use self::walk::Walk;
use self::writer::author;
use crate::calendar::Calendar;
use crate::command::Mention;
use crate::domain::ids::Person;
use crate::domain::time::{SHANGHAI, local};
use crate::minutes::explain::{LineTrace, Verdict};
pub use crate::minutes::item::{ActionItem, Extraction, clean_title};
use crate::minutes::layout::{find_date, find_title};
use crate::minutes::scan::{Ctx, Scan};
use crate::minutes::speaker::{bracket_transcript, speaker_line};

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
    // The items as the card lists them, after the whole text was read (owners and dates settled
    // across lines and turns may differ from the trace above).
    for (i, item) in ex.items.iter().enumerate() {
        let owners: Vec<&str> = item
            .owners
            .iter()
            .map(crate::minutes::owner::OwnerRef::name)
            .collect();
        out.push_str(&format!(
            "  {}. {} ｜ {} ｜ {}\n",
            i + 1,
            item.text,
            if owners.is_empty() {
                "负责人待定".to_owned()
            } else {
                owners.join("、")
            },
            item.deadline.map_or_else(
                || "截止待定".to_owned(),
                |d| crate::command::when::format_rfc3339(d.at)
            )
        ));
    }
    out
}

/// Reads `text` (a 繁體 text in 简体, its items given back as written: [`script`]).
fn run(
    text: &str,
    mentions: &[Mention],
    members: &[Person],
    meeting_at: Timestamp,
    cal: &Calendar,
    mut traces: Option<&mut Vec<LineTrace>>,
) -> Extraction {
    let text: String = text.chars().take(MAX_CHARS).collect();
    let Some(hant) = script::Hant::of(&text) else {
        return read(&text, mentions, members, meeting_at, cal, traces);
    };
    let (members_read, mentions_read) = (script::people(members), script::mentions(mentions));
    let mut ex = read(
        &hant.read(),
        &mentions_read,
        &members_read,
        meeting_at,
        cal,
        traces.as_deref_mut(),
    );
    let people: Vec<&Person> = members.iter().chain(mentions.iter().map(|m| &m.person)).collect();
    hant.give_back(&mut ex, traces, &people);
    ex
}

/// Reads `text` line by line through a `Walk`, then (a transcript) turn by turn.
fn read(
    text: &str,
    mentions: &[Mention],
    members: &[Person],
    meeting_at: Timestamp,
    cal: &Calendar,
    traces: Option<&mut Vec<LineTrace>>,
) -> Extraction {
    let tr = Tracer {
        traces,
        heading: String::new(),
        names: crate::minutes::lexical::names_of(members.iter().map(|p| p.name.as_str())),
    };
    let typed: Vec<String> = text
        .lines()
        .map(|l| {
            l.chars()
                .filter(|c| !matches!(c, '\r' | '\u{200B}' | '\u{FEFF}'))
                .map(|c| if c == '\u{3000}' || c == '\u{a0}' { ' ' } else { c })
                // `６月３０日前`, typed in full-width digits: the same date.
                .map(|c| match c {
                    '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
                    _ => c,
                })
                .collect::<String>()
        })
        .collect();
    // A PDF's copy: its page marks dropped, its lines broken mid-sentence joined.
    // A scan's OCR text: its spaced characters closed up, its broken lines joined.
    let mut lines: Vec<String> = pdf_reflow::reflow(ocr::read(typed))
        .into_iter()
        // One form for colons, brackets and empty cells, whichever the writer used.
        .map(|l| surface::canonical(&l))
        // `记一下 某某下周三前把课表确认好 某某负责签到 5月15号之前弄好`: a note typed without
        // punctuation, parted at its spaces.
        .flat_map(|l| run_on::lines_of(l, members))
        // `请 @某甲 今晚前把…，@某乙 明早前把…`: one line per person handed work.
        .flat_map(|l| at_split::lines_of(l, members))
        .collect();
    // `| 议题 | 决议 | 待办 |`, a RACI matrix: the to-dos a table holds, one line each.
    lines = matrix_table::read_matrix_tables(lines, members);
    // `| 4月9日 | 红利策略 | 预告海报待出（邬某，4月3日前） |`: work noted in a timetable's cell.
    lines = cell_notes::lift_cell_notes(lines, members);
    // `- [ ] @某甲 估值模块联调` over indented checkboxes: a heading, its owner the children's.
    checkbox_tree::read_checkbox_trees(&mut lines);
    // `A=钟伟民` then `B: …`, `那C你跟B对一下`: speakers written as letters.
    letter_roster::expand_letter_speakers(&mut lines, members);
    // `说话人对应：说话人1=杭某 …` then `说话人1 00:00:07`: numbered speakers named.
    numbered_speakers::name_numbered_speakers(&mut lines, members);
    // `落实：明慧补充…`: a member named by the given name alone.
    given_alias::expand_given_names(&mut lines, members);
    // `一帆、晓楠、子健三人会后对一下`: members named by their given names, one after another.
    given_alias::expand_given_name_lists(&mut lines, members);
    // `会谈纪要若琳整理`: a member's given name before a verb of doing.
    given_alias::expand_given_name_doers(&mut lines, members);
    // `雅静：…` in a letter to the team: a member labelled by the given name.
    given_alias::expand_given_labels(&mut lines, members);
    // `1:1 记录｜阮清华 × 邬梦婷` then `你：…`, `我要做的`: the two named, the writer first.
    let one_on_one = one_on_one::pair(&lines, members);
    if let Some((me, you)) = &one_on_one {
        one_on_one::name_the_pair(&mut lines, me, you);
    }
    let is_member = |w: &str| members.iter().any(|m| m.name == w);
    // `某某（总监）：…` turns: read as `某某：…`.
    role_label::drop_speaker_roles(&mut lines, is_member);
    // `回复：…` then `-----原始邮件-----`: the older mails quoted are answered, not asked.
    quoted_mail::blank_quoted_mails(&mut lines, members);
    // `解明远 01:40 小芮，…`: a turn on its speaker's line reads as `[01:40] 解明远：…`.
    inline_turns::bracket_inline_turns(&mut lines);
    // `1. 某某 认领：…，12月9日前`, `（待认领）…`: work claimed in a relay.
    claim::read_claims(&mut lines, is_member);
    // `A：…；B：…` then `以上均于下周一前完成`: each piece is due then.
    shared_after::spread_shared_deadlines(&mut lines, members);
    // `甲整理A、乙核对B，两项都在周五前`: a date said once goes to each person's piece.
    shared_people::spread_people_dates(&mut lines, members);
    // `甲需要财务部提供明细，乙负责去协调`: the asker is no owner of the work 乙 takes.
    asked_aside::drop_askers(&mut lines, members);
    // `某甲负责A；某乙负责B；均于周五前完成`: the last piece dates each piece before it.
    shared_tail::spread_shared_tails(&mut lines);
    // `1. 补充A；` `2. 定稿B。` then `以上两项由某某负责，…`: each item counted is theirs.
    shared_above::spread_shared_owners(&mut lines);
    // `俊峰把…`, `鲍总你…`: a member addressed by a short form.
    spoken_alias::expand_spoken_names(&mut lines, members);
    // `【待开始】` `· 展台物料采购 · 待定` among `@`-assigned to-dos: work nobody has taken yet.
    open_todo::mark_open_todos(&mut lines);
    // `…值班表要不要我来排？` then `要，某某你排一下，…`: the reply names the work offered.
    offer_accept::name_offered_work(&mut lines);
    let today = local(meeting_at).date();
    let title = find_title(&lines);
    let meeting_date = find_date(&lines, today);
    let base = match meeting_date {
        Some(d) => SHANGHAI.to_timestamp(d.at(9, 0, 0, 0)).unwrap_or(meeting_at),
        None => meeting_at,
    };
    // `Attendees: Kevin 蒋凯文`: `Kevin` is that member wherever the minutes name them.
    let mentions = alias::with_latin_aliases(&lines, mentions, members);
    full_latin_name::shorten_full_names(&mut lines, &mentions);
    // `@Kevin 整理…`: the member paired with `Kevin`.
    at_alias::resolve_at_aliases(&mut lines, &mentions);
    // `Callback list: Karen, …`, `— Wendy herself`: the member in the owner's place.
    at_alias::resolve_owner_aliases(&mut lines, &mentions);
    let mut ctx = Ctx {
        mentions: &mentions,
        members,
        base,
        cal,
        speaker: None,
        addressed: None,
        pair: None,
    };
    // `【季明哲】昨日：…。今日：…。阻碍：…`: a stand-up one person to a line, its plans and asks.
    lines = standup_line::expand(lines, &ctx);
    // Cards and forms (kanban cards, question-label and bracketed-label cards, and records under
    // labels nobody listed): each record as one line of known fields.
    let records = crate::minutes::records::read(&mut lines, &ctx);
    let ex = Extraction {
        title,
        meeting_date,
        ..Extraction::default()
    };
    // An email signed by its writer (`刘畅 致 各位：` … `刘畅`): `我本人会…` is theirs.
    // (`韦志远 × 施佳琪 1:1` reads as a label; a one-to-one talk's first line is its heading.)
    let labelled = lines
        .iter()
        .skip_while(|l| one_on_one.is_some() && l.trim().is_empty())
        .skip(usize::from(one_on_one.is_some()))
        .any(|l| speaker_line(l.trim()).is_some());
    if !labelled {
        // A one-to-one talk's notes: 我 is the writer, 你 the other.
        if let Some((me, you)) = &one_on_one {
            ctx.set_speaker(Some(ctx.resolve(you)));
            ctx.set_speaker(Some(ctx.resolve(me)));
        } else if let Some(author) = author(&lines, &ctx) {
            ctx.set_speaker(Some(author));
        }
    }
    ctx.pair = one_on_one
        .as_ref()
        .map(|(me, you)| (ctx.resolve(me), ctx.resolve(you)));
    let bracket_speakers = bracket_transcript(&lines, |w| ctx.is_name(w));
    let mut walk = Walk::new(&lines, ctx, ex, tr, bracket_speakers);
    for (n, line) in lines.iter().enumerate() {
        walk.line(n, line);
    }
    walk.finish();
    let Walk {
        ctx, mut ex, mut tr, ..
    } = walk;
    for r in &records {
        let line = r.lines.first().copied().unwrap_or_default();
        tr.note(line, &r.note(), Verdict::BlockLine, Vec::new(), None);
    }
    // A transcript is also read turn by turn: work settled across turns, the recap's repeats.
    dialogue::settle(&lines, &ctx, to_item, &mut ex, &mut tr);
    // An AI summary's chapters retell the work its to-do list gives: one item, the list's.
    ai_recap::drop_recap_repeats(&lines, &mut ex.items);
    // The same work read twice (a line, and the question it answers): one item.
    drop_restated(&mut ex.items);
    // Owners are people: a department written as one is the item's unit.
    ex.items.iter_mut().for_each(crate::minutes::assign::units_apart);
    // `参会：方某（合规专员）` then work given to `合规专员`: that member's.
    post_owner::posts_to_members(&mut ex.items, &lines, members);
    // `抄送：会计师 章敏` then `…由会计师章敏出具`: a guest named in the header does it.
    guests::guests_do(&mut ex.items, &guests::guests(&lines, members));
    ex.items.truncate(MAX_ITEMS);
    ex
}

/// Items that restate an earlier one whole (its text inside theirs or the same, with the same
/// owners and deadline, as `问题：答复` restates `答复`) leave: the earlier one stands.
fn drop_restated(items: &mut Vec<ActionItem>) {
    let mut kept: Vec<ActionItem> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        let restates = kept.iter().any(|k| {
            k.text.chars().count() >= 8
                && item.text.len() >= k.text.len()
                && item.text.contains(k.text.as_str())
                && k.owners == item.owners
                && k.deadline == item.deadline
        });
        if !restates {
            kept.push(item);
        }
    }
    *items = kept;
}

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
    // `…，运维部负责，月底前`: no person, but a unit named (the card shows it beside the owner).
    let units = if s.owners.is_empty() {
        crate::minutes::evidence::arrow_unit::unit_given(&s.text)
            .map(|u| vec![u.to_owned()])
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    ActionItem {
        text: clean_title(&text, cut),
        owners: s.owners,
        deadline: s.deadline,
        deadline_text: s.deadline_text,
        priority: s.priority,
        units,
    }
}

mod ai_recap;
mod alias;
mod answer;
mod asked_aside;
mod at_alias;
mod at_split;
mod brackets;
mod cell_notes;
mod charge_split;
mod checkbox_tree;
mod claim;
mod counter;
mod dated_title;
mod dialogue;
mod full_latin_name;
mod given_alias;
mod guests;
mod handed_work;
mod heading_due;
mod helper_clause;
mod inline_turns;
mod label_owner;
mod letter_roster;
mod lists;
mod matrix_table;
mod meeting_head;
mod name_heading;
mod numbered_speakers;
mod ocr;
mod offer_accept;
mod one_on_one;
mod open_todo;
mod opinion_label;
mod pdf_reflow;
mod post_owner;
mod qa;
mod quoted_mail;
mod refer;
mod rejected_title;
mod repeated;
mod revise;
mod role_label;
#[cfg(test)]
mod rounds;
mod run_on;
mod script;
mod sentence;
mod shared_above;
mod shared_after;
mod shared_due;
mod shared_people;
mod shared_tail;
mod spoken_alias;
mod stage_block;
mod stage_body;
mod stage_heads;
mod stage_score;
mod stage_table;
mod stage_turns;
mod standup;
mod standup_line;
mod sub_fields;
mod sub_heading;
mod subpoint;
mod surface;
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
mod tests_metamorphic;
#[cfg(test)]
mod tests_records;
#[cfg(test)]
mod tests_shapes;
mod thin_owner;
mod time_field;
mod todo_title;
mod trace;
mod turns;
mod unbold;
mod walk;
mod who_asked;
mod writer;
