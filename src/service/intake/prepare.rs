//! Before the lock: a message parsed into its family's command (or recognised as addressed to
//! the bot), and what that command needs from the network fetched — the sender's name, the
//! quoted message, the minutes and the group's members.

use serde_json::Value;

use super::super::Service;
use super::super::meetings::{Fetched, fetch_minutes, prepare_minutes_event};
use super::quoted::quoted_text;
use crate::command::{self, Command, Context, Mention, SuperviseCmd};
use crate::domain::ids::{OpenId, Person};
use crate::feishu::event::MessageEvent;

/// A message parsed (and its quoted message fetched) before the service lock is taken.
pub(crate) struct Prepared {
    pub(super) msg: MessageEvent,
    pub(super) sender: Person,
    pub(super) mentions: Vec<Mention>,
    pub(super) parsed: Result<Option<Command>, command::ParseError>,
    /// A group message that @-mentions the bot but reads as no command: answered with a short
    /// help card.
    pub(super) unreadable: bool,
    pub(super) quoted: Option<String>,
    /// `/纪要`: the minutes and the group's members, fetched before the lock.
    pub(super) minutes: Option<Fetched>,
    /// `/督办 对齐` and `/项目 对齐`: the owner's OKRs, fetched before the lock.
    pub(super) okr: Option<super::super::okr::OkrFetched>,
}

impl Prepared {
    /// Whether the message is a command (or a malformed one that gets an answer).
    pub(crate) fn is_command(&self) -> bool {
        self.unreadable || !matches!(self.parsed, Ok(None))
    }

    /// Whether it came in a 1:1 chat (where even chatter gets a help answer).
    pub(crate) fn in_p2p(&self) -> bool {
        self.msg.chat_type == "p2p"
    }
}

/// Parses a message event; fetches the quoted message of a reply-to-message creation (the
/// only network call, kept outside the lock).
pub(crate) async fn prepare_message(svc: &Service, event: &Value) -> Option<Prepared> {
    prepare_read_message(svc, MessageEvent::from_event(event)?).await
}

/// [`prepare_message`] for a message already read from the push.
pub(crate) async fn prepare_read_message(svc: &Service, msg: MessageEvent) -> Option<Prepared> {
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
        now: svc.clock.now(),
        calendar: &svc.calendar,
        is_reply: msg.parent_id.is_some(),
    };
    let mut parsed = command::parse(&msg.text, &mentions, &ctx);
    let mut unreadable = false;
    // Speaking to the bot without the command word (`@督办 帮助`, or `列表` in a 1:1 chat).
    if matches!(parsed, Ok(None)) {
        if msg.chat_type == "p2p" {
            parsed = command::parse_addressed(&msg.text, &mentions, None, &ctx);
        } else if !mentions.is_empty()
            && let Some(bot) = svc.bot_open_id().await
            && command::mentions_bot(&mentions, &bot)
        {
            parsed = command::parse_addressed(&msg.text, &mentions, Some(&bot), &ctx);
            unreadable = matches!(parsed, Ok(None));
        }
    }
    svc.learn_names(mentions.iter().map(|m| &m.person));
    // The sender's name, for cards and messages (only when a command needs it).
    let sender = match &parsed {
        Ok(Some(_)) => svc.name_of(&msg.sender_open_id, &msg.chat_id).await,
        _ => Person {
            open_id: OpenId(msg.sender_open_id.clone()),
            name: String::new(),
        },
    };
    if let Ok(Some(Command::Requirement(_))) = &parsed {
        svc.learn_manager_names(&msg.chat_id).await;
    }
    let quoted = match (&parsed, &msg.parent_id) {
        (Ok(Some(Command::Supervise(SuperviseCmd::Create(_)))), Some(pid)) => quoted_text(svc, pid).await,
        _ => None,
    };
    let minutes = match &parsed {
        Ok(Some(Command::Minutes(cmd))) => Some(fetch_minutes(svc, cmd, &msg).await),
        _ => None,
    };
    let okr = match &parsed {
        Ok(Some(cmd)) => super::super::okr::fetch_for(svc, cmd).await,
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
        okr,
    })
}

/// The optional minutes event, prepared like a `/纪要` in its group.
pub(crate) async fn prepare_event_minutes(svc: &Service, event: &Value, event_id: &str) -> Option<Prepared> {
    let (msg, fetched) = prepare_minutes_event(svc, event, event_id).await?;
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
        okr: None,
    })
}

pub(super) fn person_named(open_id: &str, mentions: &[Mention]) -> Person {
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
