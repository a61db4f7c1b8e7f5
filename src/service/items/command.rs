//! `/督办 …` from a chat message: queries answered with a card, creation, and every other
//! subcommand through the item [`act`] path.

use super::super::Service;
use super::super::board::{queue_board_reply, stats_card};
use super::super::export::export_items;
use super::super::meetings::with_meeting_source;
use super::super::origin::Origin;
use super::super::projects::link_tagged_projects;
use super::super::reply::Replies;
use super::super::{appraisal, batches, okr, org, repeat, units};
use super::act::{Refused, act, post_card, record_new_with, visible};
use super::texts::{confirmation, not_found};
use crate::card;
use crate::command::spec::SUPERVISE_COMMANDS;
use crate::command::{CreateItem, ListFilter, SuperviseCmd};
use crate::domain::ids::{ChatId, MessageId, OpenId, Person};
use crate::domain::supervision::{Action, Item, NewItem};
use crate::feishu::event::MessageEvent;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Longest description taken from a quoted message.
const QUOTE_MAX: usize = 2_000;

/// Answers `/督办 …` `cmd` from `msg`, sent by `sender` (`quoted`: the replied-to message's
/// text, for a creation).
///
/// # Errors
/// sled errors.
pub(crate) fn command(
    svc: &Service,
    cmd: SuperviseCmd,
    o: &Origin,
    msg: &MessageEvent,
    quoted: Option<String>,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    let (chat, p2p, sender) = (&o.chat, o.p2p(), &o.who);
    let (id, action) = match cmd {
        SuperviseCmd::Help => return replies.card(svc, ch, &card::help_card(SUPERVISE_COMMANDS)),
        SuperviseCmd::Board => {
            if p2p {
                let e = card::error_card(
                    "请在群里查看晾晒榜",
                    "晾晒榜按群统计，请在督办群里发送「/督办 晾晒」。",
                    Some("/督办 晾晒"),
                );
                return replies.card(svc, ch, &e);
            }
            return queue_board_reply(svc, ch, chat, &msg.message_id);
        }
        SuperviseCmd::Stats { period, person } => {
            // In a 1:1 chat: the sender's own items across groups; in a group: the group's.
            let items: Vec<Item> = if p2p {
                let me = &sender.open_id;
                svc.store
                    .all_items()?
                    .into_iter()
                    .filter(|i| &i.owner.open_id == me)
                    .collect()
            } else {
                svc.store.items_in_chat(chat)?
            };
            let c = stats_card(svc, &items, period, person.as_ref())?;
            return replies.card(svc, ch, &c);
        }
        SuperviseCmd::OrgBoard => return org::org_board(svc, o, replies, ch),
        SuperviseCmd::UnitStats { period } => return org::unit_stats(svc, period, o, replies, ch),
        SuperviseCmd::Export { period } => return export_items(svc, period, msg, sender, replies, ch),
        SuperviseCmd::Create(c) => return create(svc, c, o, msg, quoted, replies, ch),
        SuperviseCmd::Issue(b) => return batches::issue(svc, b, o, msg, replies, ch),
        SuperviseCmd::IssueShow(id) => return batches::show(svc, id, replies, ch),
        SuperviseCmd::IssueList => return batches::list(svc, o, replies, ch),
        SuperviseCmd::IssueCancel { id, reason } => {
            return batches::cancel_command(svc, o, id, &reason, replies, ch);
        }
        SuperviseCmd::IssueExtend { id, deadline, reason } => {
            return batches::extend_command(svc, o, id, deadline, reason.as_deref(), replies, ch);
        }
        SuperviseCmd::Report { id, value, note } => {
            return batches::report(svc, id, &value, note, o, replies, ch);
        }
        SuperviseCmd::Appraisal(a) => return appraisal::appraisal(svc, a, o, msg, replies, ch),
        SuperviseCmd::Behaviour(b) => return appraisal::behaviour(svc, b, o, replies, ch),
        SuperviseCmd::BindUnit(b) => return units::bind(svc, b, o, replies, ch),
        SuperviseCmd::Units(u) => return units::units(svc, u, o, replies, ch),
        SuperviseCmd::List(filter) => {
            let (title, items) = list(svc, &filter, chat, p2p, sender, now)?;
            return replies.card(svc, ch, &card::list_card(&title, &items, now, &svc.calendar));
        }
        SuperviseCmd::Show(id) => {
            let Some(item) = visible(svc, o, id)? else {
                return replies.card(svc, ch, &not_found(id, p2p));
            };
            let history = svc.store.audit_of(id)?;
            let c = card::detail_card(&item, &history, now, &svc.calendar);
            return replies.card(svc, ch, &with_meeting_source(svc, c, id)?);
        }
        SuperviseCmd::Progress { id, percent, note } => (id, Action::Progress { percent, note }),
        SuperviseCmd::Done { id, note } => (id, Action::Submit { note }),
        SuperviseCmd::Accept { id } => (id, Action::Accept),
        SuperviseCmd::Reject { id, reason } => (id, Action::Reject { reason }),
        SuperviseCmd::Extend { id, deadline, reason } => (
            id,
            Action::RequestExtension {
                deadline: deadline.at,
                has_time: deadline.has_time,
                reason,
            },
        ),
        SuperviseCmd::Nudge { id } => (id, Action::Nudge),
        SuperviseCmd::Reassign { id, to } => (id, Action::Reassign { to }),
        SuperviseCmd::Cancel { id, reason } => (id, Action::Cancel { reason }),
        SuperviseCmd::Class { id, class } => return okr::set_class(svc, ch, o, id, class, replies),
        // Routed with the OKRs fetched before the lock (intake); here nothing was fetched.
        SuperviseCmd::Align { id } => return okr::align_item(svc, ch, o, id, None, replies),
        SuperviseCmd::RepeatStop { id } => return repeat::stop(svc, id, o, replies, ch),
    };
    match act(svc, ch, o, id, action)? {
        Ok(done) => {
            repeat::after_change(svc, ch, &done.before, &done.after)?;
            let text = confirmation(&done.before, &done.after, &done.actor, now);
            replies.text(svc, ch, &text)
        }
        Err(Refused::NotFound(id)) => replies.card(svc, ch, &not_found(id, p2p)),
        Err(Refused::Denied(e)) => replies.card(svc, ch, &card::error_card("操作没有生效", &e, None)),
    }
}

fn create(
    svc: &Service,
    c: CreateItem,
    o: &Origin,
    msg: &MessageEvent,
    quoted: Option<String>,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let sender = &o.who;
    let (class, alignment) = okr::initial(svc, &c, &o.chat)?;
    let title = match (c.title, &quoted) {
        (Some(t), _) => t,
        (None, Some(q)) => first_line(q),
        (None, None) => {
            let e = card::error_card(
                "缺少事项名称",
                "没能读取被回复的消息，请在指令里写上事项名称。",
                Some(SUPERVISE_COMMANDS.first().map_or("", |s| s.example)),
            );
            return replies.card(svc, ch, &e);
        }
    };
    let description = match (c.description, quoted) {
        (Some(d), Some(q)) => Some(format!("{d}\n\n> {}", truncate(&q, QUOTE_MAX))),
        (Some(d), None) => Some(d),
        (None, Some(q)) => Some(truncate(&q, QUOTE_MAX)),
        (None, None) => None,
    };
    let new = NewItem {
        title,
        chat_id: o.chat.clone(),
        creator: sender.clone(),
        owner: c.owner,
        assistants: c.assistants,
        deadline: repeat::first_deadline(svc, c.repeat.as_deref(), c.deadline.at),
        deadline_has_time: c.deadline.has_time,
        priority: c.priority,
        tags: c.tags,
        resources: c.resources,
        scenario: c.scenario,
        description,
        source_message: msg.parent_id.clone().map(MessageId),
    };
    let item = record_new_with(svc, ch, new, o.source.clone(), None, |it| {
        it.class = class;
        it.alignment = alignment;
    })?;
    repeat::start(svc, ch, &item, c.repeat.as_deref(), c.deadline.at)?;
    link_tagged_projects(svc, ch, &item, sender, replies)?;
    post_card(svc, ch, &item, Some(&msg.message_id), &msg.message_id)
}

fn list(
    svc: &Service,
    filter: &ListFilter,
    chat: &ChatId,
    p2p: bool,
    sender: &Person,
    now: jiff::Timestamp,
) -> Result<(String, Vec<Item>), StoreError> {
    let me = &sender.open_id;
    let involves =
        |i: &Item, who: &OpenId| &i.owner.open_id == who || i.assistants.iter().any(|a| &a.open_id == who);
    let pool = if p2p {
        svc.store
            .all_items()?
            .into_iter()
            .filter(|i| involves(i, me) || &i.creator.open_id == me)
            .collect()
    } else {
        svc.store.items_in_chat(chat)?
    };
    let week_end = end_of_week(now);
    type Keep<'k> = Box<dyn Fn(&Item) -> bool + 'k>;
    let (title, keep): (String, Keep<'_>) = match filter {
        ListFilter::Open if p2p => ("我参与的未完成事项".to_owned(), Box::new(|i: &Item| i.is_open())),
        ListFilter::Open => (
            "本群未完成的督办事项".to_owned(),
            Box::new(|i: &Item| i.is_open()),
        ),
        ListFilter::Mine => (
            "我负责的事项".to_owned(),
            Box::new(move |i: &Item| i.is_open() && involves(i, me)),
        ),
        ListFilter::CreatedByMe => (
            "我发起的事项".to_owned(),
            Box::new(move |i: &Item| i.is_open() && &i.creator.open_id == me),
        ),
        ListFilter::Overdue => (
            "已逾期的事项".to_owned(),
            Box::new(move |i: &Item| i.is_open() && i.is_overdue(now)),
        ),
        ListFilter::ThisWeek => (
            "本周到期的事项".to_owned(),
            Box::new(move |i: &Item| i.is_open() && i.deadline <= week_end),
        ),
        ListFilter::Person(p) => {
            let who = p.open_id.clone();
            (
                format!("{} 负责的事项", p.name),
                Box::new(move |i: &Item| i.is_open() && involves(i, &who)),
            )
        }
        ListFilter::All => (
            "全部事项（含已完成、已取消）".to_owned(),
            Box::new(|_: &Item| true),
        ),
    };
    Ok((title, pool.into_iter().filter(|i| keep(i)).collect()))
}

fn first_line(s: &str) -> String {
    let line = s
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("来自引用消息的事项");
    truncate(line, 60)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

fn end_of_week(now: jiff::Timestamp) -> jiff::Timestamp {
    let local = crate::domain::time::local(now);
    let days = 7 - i64::from(local.date().weekday().to_monday_one_offset());
    let sunday = local
        .date()
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(local.date());
    sunday
        .at(23, 59, 59, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(crate::domain::time::SHANGHAI))
        .map_or(now, |z| z.timestamp())
}
