//! `/督办` commands from chat messages.

use serde_json::Value;

use super::Service;
use super::replies::{Replies, at, refresh_card};
use crate::card;
use crate::command::spec::SUPERVISE_COMMANDS;
use crate::command::{self, Command, Context, CreateItem, ListFilter, Mention, SuperviseCmd};
use crate::domain::audit::Source;
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person};
use crate::domain::status::Status;
use crate::domain::supervision::{Action, Actor, Item, NewItem};
use crate::domain::time::format_datetime;
use crate::feishu::event::{MessageEvent, post_text};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Longest description taken from a quoted message.
const QUOTE_MAX: usize = 2_000;

/// A message parsed (and its quoted message fetched) before the service lock is taken.
pub(super) struct Prepared {
    msg: MessageEvent,
    sender: Person,
    mentions: Vec<Mention>,
    parsed: Result<Option<Command>, command::ParseError>,
    /// A group message that @-mentions the bot but reads as no command: answered with a short
    /// help card.
    unreadable: bool,
    quoted: Option<String>,
    /// `/纪要`: the minutes and the group's members, fetched before the lock.
    minutes: Option<super::minutes::Fetched>,
}

impl Prepared {
    /// Whether the message is a command (or a malformed one that gets an answer).
    pub(super) fn is_command(&self) -> bool {
        self.unreadable || !matches!(self.parsed, Ok(None))
    }

    /// Whether it came in a 1:1 chat (where even chatter gets a help answer).
    pub(super) fn in_p2p(&self) -> bool {
        self.msg.chat_type == "p2p"
    }
}

impl Service {
    /// Parses a message event; fetches the quoted message of a reply-to-message creation (the
    /// only network call, kept outside the lock).
    pub(super) async fn prepare_message(&self, event: &Value) -> Option<Prepared> {
        let msg = MessageEvent::from_event(event)?;
        let mentions: Vec<Mention> = msg
            .mentions
            .iter()
            .filter(|m| !m.open_id.is_empty())
            .map(|m| Mention {
                key: m.key.clone(),
                person: Person {
                    open_id: OpenId(m.open_id.clone()),
                    name: m.name.clone(),
                },
            })
            .collect();
        let ctx = Context {
            now: self.clock.now(),
            calendar: &self.calendar,
            is_reply: msg.parent_id.is_some(),
        };
        let mut parsed = command::parse(&msg.text, &mentions, &ctx);
        let mut unreadable = false;
        // Speaking to the bot without the command word (`@督办 帮助`, or `列表` in a 1:1 chat).
        if matches!(parsed, Ok(None)) {
            if msg.chat_type == "p2p" {
                parsed = command::parse_addressed(&msg.text, &mentions, None, &ctx);
            } else if !mentions.is_empty()
                && let Some(bot) = self.bot_open_id().await
                && command::mentions_bot(&mentions, &bot)
            {
                parsed = command::parse_addressed(&msg.text, &mentions, Some(&bot), &ctx);
                unreadable = matches!(parsed, Ok(None));
            }
        }
        self.learn_names(mentions.iter().map(|m| &m.person));
        // The sender's name, for cards and messages (only when a command needs it).
        let sender = match &parsed {
            Ok(Some(_)) => self.name_of(&msg.sender_open_id, &msg.chat_id).await,
            _ => Person {
                open_id: OpenId(msg.sender_open_id.clone()),
                name: String::new(),
            },
        };
        if let Ok(Some(Command::Requirement(_))) = &parsed {
            self.learn_manager_names(&msg.chat_id).await;
        }
        let quoted = match (&parsed, &msg.parent_id) {
            (Ok(Some(Command::Supervise(SuperviseCmd::Create(_)))), Some(pid)) => self.quoted_text(pid).await,
            _ => None,
        };
        let minutes = match &parsed {
            Ok(Some(Command::Minutes(cmd))) => Some(self.fetch_minutes(cmd, &msg).await),
            _ => None,
        };
        Some(Prepared {
            msg,
            sender,
            mentions,
            parsed,
            unreadable,
            quoted,
            minutes,
        })
    }

    /// The optional minutes event, prepared like a `/纪要` in its group.
    pub(super) async fn prepare_event_minutes(&self, event: &Value, event_id: &str) -> Option<Prepared> {
        let (msg, fetched) = self.prepare_minutes_event(event, event_id).await?;
        let sender = Person {
            open_id: OpenId(msg.sender_open_id.clone()),
            name: String::new(),
        };
        Some(Prepared {
            msg,
            sender,
            mentions: Vec::new(),
            parsed: Ok(Some(Command::Minutes(command::MinutesCmd::FromReply))),
            unreadable: false,
            quoted: None,
            minutes: Some(fetched),
        })
    }

    /// Applies a prepared message to `ch`. The caller holds the service lock and commits.
    pub(super) fn apply_message(&self, p: Prepared, ch: &mut Changes) -> Result<(), StoreError> {
        let Prepared {
            msg,
            sender,
            mentions,
            parsed,
            unreadable,
            quoted,
            minutes,
        } = p;
        let mut replies = Replies::new(&msg);
        // A person's first 1:1 message gets the welcome card first (which also explains the
        // commands: plain chatter then needs no help card after it).
        self.note_bot_present(&msg.chat_id, ch)?;
        let welcomed = self.welcome_person(&msg, &mut replies, ch)?;
        match parsed {
            Ok(None) => {
                if msg.chat_type == "p2p" && !welcomed {
                    let c = card::help_card(SUPERVISE_COMMANDS);
                    replies.card(self, ch, &c)?;
                } else if unreadable {
                    replies.card(self, ch, &card::short_help_card())?;
                }
            }
            Ok(Some(Command::Supervise(cmd))) => {
                let sender = named(sender, || self.person_named(&msg.sender_open_id, &mentions));
                self.supervise(cmd, &msg, &sender, quoted, &mut replies, ch)?;
            }
            Ok(Some(Command::Project(cmd))) => {
                // The resolved name too: a project's creator is shown and named in refusals.
                let sender = named(sender, || self.person_named(&msg.sender_open_id, &mentions));
                self.project_command(cmd, &msg, &sender, &mut replies, ch)?;
            }
            Ok(Some(Command::Requirement(cmd))) => {
                let sender = named(sender, || self.person_named(&msg.sender_open_id, &mentions));
                self.requirement_command(cmd, &msg, &sender, &mut replies, ch)?;
            }
            Ok(Some(Command::Minutes(_))) => {
                if let Some(fetched) = minutes {
                    let sender = named(sender, || self.person_named(&msg.sender_open_id, &mentions));
                    self.apply_minutes(fetched, &mentions, &sender, &mut replies, ch)?;
                }
            }
            Err(e) => {
                let c = if e.wants_help() {
                    match &e {
                        command::ParseError::Project(_) => card::project::project_help_card(),
                        command::ParseError::Requirement(_) => card::requirement::requirement_help_card(),
                        _ => card::help_card(SUPERVISE_COMMANDS),
                    }
                } else {
                    card::error_card(e.title(), &e.message(), Some(e.example()))
                };
                replies.card(self, ch, &c)?;
            }
        }
        Ok(())
    }

    fn supervise(
        &self,
        cmd: SuperviseCmd,
        msg: &MessageEvent,
        sender: &Person,
        quoted: Option<String>,
        replies: &mut Replies<'_>,
        ch: &mut Changes,
    ) -> Result<(), StoreError> {
        let now = self.clock.now();
        let chat = ChatId(msg.chat_id.clone());
        let p2p = msg.chat_type == "p2p";
        let source = Source::Message(MessageId(msg.message_id.clone()));
        let (id, action) = match cmd {
            SuperviseCmd::Help => return replies.card(self, ch, &card::help_card(SUPERVISE_COMMANDS)),
            SuperviseCmd::Board => {
                if p2p {
                    let e = card::error_card(
                        "请在群里查看晾晒榜",
                        "晾晒榜按群统计，请在督办群里发送「/督办 晾晒」。",
                        Some("/督办 晾晒"),
                    );
                    return replies.card(self, ch, &e);
                }
                return self.queue_board_reply(ch, &chat, &msg.message_id);
            }
            SuperviseCmd::Stats { period, person } => {
                // In a 1:1 chat: the sender's own items across groups; in a group: the group's.
                let items: Vec<Item> = if p2p {
                    let me = &sender.open_id;
                    self.store
                        .all_items()?
                        .into_iter()
                        .filter(|i| &i.owner.open_id == me)
                        .collect()
                } else {
                    self.store.items_in_chat(&chat)?
                };
                let c = self.stats_card(&items, period, person.as_ref())?;
                return replies.card(self, ch, &c);
            }
            SuperviseCmd::Export { period } => return self.export_items(period, msg, sender, replies, ch),
            SuperviseCmd::Create(c) => return self.create(c, msg, sender, quoted, replies, ch),
            SuperviseCmd::List(filter) => {
                let (title, items) = self.list(&filter, &chat, p2p, sender, now)?;
                return replies.card(self, ch, &card::list_card(&title, &items, now, &self.calendar));
            }
            SuperviseCmd::Show(id) => {
                let Some(item) = self.visible_item(id, &chat, p2p, &sender.open_id)? else {
                    return replies.card(self, ch, &not_found(id, p2p));
                };
                let history = self.store.audit_of(id)?;
                let c = card::detail_card(&item, &history, now, &self.calendar);
                return replies.card(self, ch, &self.with_meeting_source(c, id)?);
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
        };
        let Some(item) = self.visible_item(id, &chat, p2p, &sender.open_id)? else {
            return replies.card(self, ch, &not_found(id, p2p));
        };
        let actor = Actor {
            person: self.person_on_item(&sender.open_id.0, &item, Some(sender)),
        };
        match item.apply(action, &actor, &self.policy, now, source) {
            Ok((next, record)) => {
                self.stage_item(ch, &next)?;
                ch.push_audit(&self.store, next.id, &record)?;
                refresh_card(self, ch, next.id.0, &next.chat_id.0)?;
                let text = confirmation(&item, &next, &actor.person, now);
                replies.text(self, ch, &text)
            }
            Err(e) => replies.card(self, ch, &card::error_card("操作没有生效", &e.to_string(), None)),
        }
    }

    fn create(
        &self,
        c: CreateItem,
        msg: &MessageEvent,
        sender: &Person,
        quoted: Option<String>,
        replies: &mut Replies<'_>,
        ch: &mut Changes,
    ) -> Result<(), StoreError> {
        let now = self.clock.now();
        let title = match (c.title, &quoted) {
            (Some(t), _) => t,
            (None, Some(q)) => first_line(q),
            (None, None) => {
                let e = card::error_card(
                    "缺少事项名称",
                    "没能读取被回复的消息，请在指令里写上事项名称。",
                    Some(SUPERVISE_COMMANDS.first().map_or("", |s| s.example)),
                );
                return replies.card(self, ch, &e);
            }
        };
        let description = match (c.description, quoted) {
            (Some(d), Some(q)) => Some(format!("{d}\n\n> {}", truncate(&q, QUOTE_MAX))),
            (Some(d), None) => Some(d),
            (None, Some(q)) => Some(truncate(&q, QUOTE_MAX)),
            (None, None) => None,
        };
        let id = ch.next_item_id(&self.store)?;
        let item = Item::create(
            id,
            NewItem {
                title,
                chat_id: ChatId(msg.chat_id.clone()),
                creator: sender.clone(),
                owner: c.owner,
                assistants: c.assistants,
                deadline: c.deadline.at,
                deadline_has_time: c.deadline.has_time,
                priority: c.priority,
                tags: c.tags,
                resources: c.resources,
                scenario: c.scenario,
                description,
                source_message: msg.parent_id.clone().map(MessageId),
            },
            now,
        );
        let record = item.creation_record(Source::Message(MessageId(msg.message_id.clone())));
        ch.put_new_item(&self.store, &item)?;
        self.stage_new_item(ch, &item)?;
        ch.push_audit(&self.store, item.id, &record)?;
        self.link_tagged_projects(ch, &item, sender, replies)?;
        replies.item_card(self, ch, item.id.0)
    }

    fn list(
        &self,
        filter: &ListFilter,
        chat: &ChatId,
        p2p: bool,
        sender: &Person,
        now: jiff::Timestamp,
    ) -> Result<(String, Vec<Item>), StoreError> {
        let me = &sender.open_id;
        let involves = |i: &Item, who: &OpenId| {
            &i.owner.open_id == who || i.assistants.iter().any(|a| &a.open_id == who)
        };
        let pool = if p2p {
            self.store
                .all_items()?
                .into_iter()
                .filter(|i| involves(i, me) || &i.creator.open_id == me)
                .collect()
        } else {
            self.store.items_in_chat(chat)?
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

    /// The item if the sender may see it from here: in a group, items of that group; in a 1:1
    /// chat, items the sender takes part in.
    fn visible_item(
        &self,
        id: ItemId,
        chat: &ChatId,
        p2p: bool,
        who: &OpenId,
    ) -> Result<Option<Item>, StoreError> {
        let Some(item) = self.store.get_item(id)? else {
            return Ok(None);
        };
        let ok = if p2p {
            &item.creator.open_id == who
                || &item.owner.open_id == who
                || item.assistants.iter().any(|a| &a.open_id == who)
                || self.policy.admins.contains(who)
        } else {
            &item.chat_id == chat
        };
        Ok(ok.then_some(item))
    }

    /// A person with the best name known: from the item's roles, this message's mentions, or
    /// the open_id alone.
    pub(super) fn person_on_item(&self, open_id: &str, item: &Item, fallback: Option<&Person>) -> Person {
        let all = std::iter::once(&item.creator)
            .chain(std::iter::once(&item.owner))
            .chain(item.assistants.iter());
        if let Some(p) = all
            .into_iter()
            .find(|p| p.open_id.0 == open_id && !p.name.is_empty())
        {
            return p.clone();
        }
        fallback.cloned().unwrap_or_else(|| Person {
            open_id: OpenId(open_id.to_owned()),
            name: String::new(),
        })
    }

    fn person_named(&self, open_id: &str, mentions: &[Mention]) -> Person {
        mentions
            .iter()
            .find(|m| m.person.open_id.0 == open_id)
            .map_or_else(
                || Person {
                    open_id: OpenId(open_id.to_owned()),
                    name: String::new(),
                },
                |m| m.person.clone(),
            )
    }

    pub(super) async fn quoted_text(&self, message_id: &str) -> Option<String> {
        match self.client.get_message(message_id).await {
            Ok(m) => {
                let content: Value = serde_json::from_str(&m.content).ok()?;
                let text = match m.msg_type.as_str() {
                    "text" => content.get("text").and_then(Value::as_str).map(str::to_owned),
                    "post" => Some(post_text(&content)),
                    _ => None,
                }?;
                let text = text.trim().to_owned();
                (!text.is_empty()).then_some(text)
            }
            Err(e) => {
                tracing::warn!(error.message = %e, "could not read the quoted message");
                None
            }
        }
    }
}

fn not_found(id: ItemId, p2p: bool) -> Value {
    let msg = if p2p {
        format!("没有找到你参与的 {id}。请检查编号，或发送「/督办 列表」查看。")
    } else {
        format!("本群没有 {id}。它可能属于其他群，请在对应的群里操作，或发送「/督办 列表」查看本群事项。")
    };
    card::error_card("没有找到事项", &msg, Some("/督办 列表"))
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

/// The chat reply after a successful command.
fn confirmation(before: &Item, after: &Item, actor: &Person, now: jiff::Timestamp) -> String {
    let id = after.id;
    let title = &after.title;
    match (before.status, after.status) {
        (_, Status::Cancelled) => format!("{id}「{title}」已取消。"),
        (Status::Submitted, Status::Done) => {
            format!("{} {id}「{title}」已验收通过，辛苦了！", at(&after.owner))
        }
        (Status::Submitted, Status::InProgress) => format!(
            "{} {id}「{title}」被退回：{}",
            at(&after.owner),
            after.latest_note.clone().unwrap_or_default()
        ),
        (_, Status::Submitted) => format!("{} {id}「{title}」已提交完成，请验收。", at(&after.creator)),
        (s, Status::Done) if s != Status::Done => format!("{id}「{title}」已完成。"),
        _ if before.owner.open_id != after.owner.open_id => {
            format!(
                "{} {id}「{title}」已转交给你，截止 {}。",
                at(&after.owner),
                format_datetime(after.deadline, now)
            )
        }
        _ if after.extension.is_some() && before.extension.is_none() => format!(
            "{} {} 申请将 {id}「{title}」的截止时间延至 {}，请在事项卡片上批准或拒绝。",
            at(&after.creator),
            if actor.name.is_empty() {
                "主办".to_owned()
            } else {
                actor.name.clone()
            },
            after
                .extension
                .as_ref()
                .map(|e| format_datetime(e.deadline, now))
                .unwrap_or_default()
        ),
        _ if after.nudge_count > before.nudge_count => format!(
            "{} 请尽快处理 {id}「{title}」（截止 {}）。",
            at(&after.owner),
            format_datetime(after.deadline, now)
        ),
        _ if after.progress != before.progress || after.latest_note != before.latest_note => {
            format!("已记录 {id} 的进展：{}%。", after.progress)
        }
        _ => format!("{id} 已更新。"),
    }
}

/// `sender` when their name is known, else the person `fallback` finds (from the mentions).
fn named(sender: Person, fallback: impl FnOnce() -> Person) -> Person {
    if sender.name.is_empty() {
        fallback()
    } else {
        sender
    }
}
