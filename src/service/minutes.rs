//! Meeting follow-up (`/纪要`, issue 7): minutes in → one follow-up card (`HY-n`) → confirmed
//! drafts become ordinary 督办 items linked back to the meeting → a closure card N working days
//! after the meeting.
//!
//! Network calls (the linked document or minutes, the quoted message, the group's members) run
//! in [`Service::fetch_minutes`] before the service lock; everything else is one transaction.
//! Group members are cached per chat for [`MEMBERS_TTL_MS`]; when the member list cannot be
//! read, names stay unresolved (shown, never guessed) and the reply says why.
//!
//! Optional event (`[minutes] events = true`): `minutes.minute.generated_v1`. Its payload is
//! **not confirmed** by the protocol reference or the SDK files read here; assumed: the minute
//! token at `event.minute_token` (or `event.minute.token`, `event.object_token`) and the group
//! at `event.chat_id` (or `event.meeting.chat_id`). An event without both is logged and
//! dropped. The meeting-ended event carries no minutes, so it is not subscribed to: the minutes
//! event is what starts the flow once the recording is processed.

use std::collections::HashMap;

use serde_json::Value;

use super::Service;
use super::replies::Replies;
use crate::card;
use crate::command::{Mention, MinutesCmd};
use crate::config::MinutesConfig;
use crate::domain::audit::Source;
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person};
use crate::domain::supervision::{Item, NewItem};
use crate::domain::time::local;
use crate::feishu::docs::{DocError, DocRef, parse_doc_link};
use crate::feishu::event::MessageEvent;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::minutes::{Meeting, MeetingSource, extract};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// How long a chat's member list is reused.
pub(super) const MEMBERS_TTL_MS: i64 = 5 * 60 * 1000;
/// The minutes-generated event (payload assumed; see the module notes).
pub(super) const MINUTES_EVENT: &str = "minutes.minute.generated_v1";

/// The meeting follow-up's configuration and member cache.
pub(super) struct MinutesState {
    closure_workdays: u32,
    events: bool,
    members: std::sync::Mutex<HashMap<String, (i64, Vec<Person>)>>,
}

impl MinutesState {
    pub(super) fn new(cfg: &MinutesConfig) -> Self {
        Self {
            closure_workdays: cfg.closure_workdays,
            events: cfg.events,
            members: std::sync::Mutex::new(HashMap::new()),
        }
    }
}

/// What was fetched for a `/纪要` before the lock.
pub(super) struct Fetched {
    /// The minutes text and its source, or what to tell the user.
    text: Result<(String, MeetingSource), String>,
    /// The group's members, or why they could not be read.
    members: Result<Vec<Person>, String>,
    /// Started by the minutes event (no message to reply to).
    from_event: bool,
    /// A title known from the source (the recording's).
    title: Option<String>,
}

impl Service {
    /// Whether `event_type` is the (optional) minutes event and it is enabled.
    pub(super) fn handles_minutes_event(&self, event_type: &str) -> bool {
        self.minutes.events && event_type == MINUTES_EVENT
    }

    /// The chat's members (cached for a few minutes).
    pub(super) async fn members_of(&self, chat: &str) -> Result<Vec<Person>, String> {
        let now_ms = self.clock.now().as_millisecond();
        if let Ok(cache) = self.minutes.members.lock()
            && let Some((at, people)) = cache.get(chat)
            && now_ms - at < MEMBERS_TTL_MS
        {
            return Ok(people.clone());
        }
        match self.client.chat_members(chat).await {
            Ok(people) => {
                if let Ok(mut cache) = self.minutes.members.lock() {
                    cache.insert(chat.to_owned(), (now_ms, people.clone()));
                }
                Ok(people)
            }
            Err(e) => {
                tracing::warn!(error.message = %e, "could not read the chat's members");
                Err(
                    match e.missing_scope(crate::feishu::members::SCOPE_CHAT_MEMBERS) {
                        Some(m) => m.to_string(),
                        None => e.to_string(),
                    },
                )
            }
        }
    }

    /// Fetches what `/纪要` needs: the minutes text (pasted, quoted or linked) and the group's
    /// members. Runs before the service lock.
    pub(super) async fn fetch_minutes(&self, cmd: &MinutesCmd, msg: &MessageEvent) -> Fetched {
        if msg.chat_type == "p2p" {
            return Fetched {
                text: Err(
                    "会后待办需要在开会的群里跟进：请在对应的群里发送“/纪要”加纪要内容（或附上文档链接）。"
                        .to_owned(),
                ),
                members: Ok(Vec::new()),
                from_event: false,
                title: None,
            };
        }
        let mut title = None;
        let text = match cmd {
            MinutesCmd::Text(t) => Ok((
                t.clone(),
                MeetingSource::Pasted {
                    message_id: MessageId(msg.message_id.clone()),
                },
            )),
            MinutesCmd::FromReply => match &msg.parent_id {
                Some(pid) => match self.quoted_text(pid).await {
                    Some(t) => Ok((
                        t,
                        MeetingSource::Pasted {
                            message_id: MessageId(pid.clone()),
                        },
                    )),
                    None => Err("没能读取被回复的那条消息（可能是图片、文件或已撤回的消息）。请把纪要文字直接粘贴在“/纪要”后面再发一次。".to_owned()),
                },
                None => Err("请回复包含纪要的那条消息再发送“/纪要”，或把纪要粘贴在“/纪要”后面。".to_owned()),
            },
            MinutesCmd::Link(url) => match parse_doc_link(url) {
                None => Err("这个链接不是飞书文档、知识库或妙记的链接。请附上飞书文档（docx）、知识库页面或妙记的链接，或把纪要粘贴到消息里再发一次。".to_owned()),
                Some(DocRef::Minutes(token)) => {
                    let r = self.minutes_link_text(&token).await;
                    if let Ok((t, _)) = &r {
                        title = t.clone();
                    }
                    r.map(|(_, text)| (text, MeetingSource::Minutes { token }))
                }
                Some(doc) => self
                    .client
                    .doc_text(&doc)
                    .await
                    .map(|t| (t, MeetingSource::Doc { url: url.clone() }))
                    .map_err(doc_error_text),
            },
        };
        let members = self.members_of(&msg.chat_id).await;
        Fetched {
            text,
            members,
            from_event: false,
            title,
        }
    }

    /// A recording's title, and its text for extraction: the AI todos as a 待办 section (their
    /// assignees as 负责人), the summary, and the transcript when there are no todos.
    async fn minutes_link_text(&self, token: &str) -> Result<(Option<String>, String), String> {
        let meta = self
            .client
            .minutes_text(token)
            .await
            .map_err(|e| doc_error_text(minutes_error(e)))?;
        let artifacts = match self.client.minutes_artifacts(token).await {
            Ok(a) => Some(a),
            Err(e) => {
                tracing::warn!(error.message = %e, "minutes artifacts unavailable; using the transcript");
                None
            }
        };
        let mut text = String::new();
        if !meta.title.is_empty() {
            text.push_str(&format!("会议主题：{}\n", meta.title));
        }
        let todos: Vec<_> = artifacts
            .as_ref()
            .map(|a| a.todos.iter().filter(|t| !t.is_done).collect())
            .unwrap_or_default();
        if let Some(a) = &artifacts
            && !a.summary.trim().is_empty()
        {
            text.push_str(&format!("会议摘要\n{}\n", a.summary.trim()));
        }
        if todos.is_empty() {
            text.push_str(&meta.text);
        } else {
            text.push_str("\n待办事项\n");
            for t in todos {
                let owners = t.assignees.join("、");
                if owners.is_empty() {
                    text.push_str(&format!("- [ ] {}\n", t.content.trim()));
                } else {
                    text.push_str(&format!("- [ ] {} 负责人：{owners}\n", t.content.trim()));
                }
            }
        }
        let title = (!meta.title.is_empty()).then_some(meta.title);
        Ok((title, text))
    }

    /// The optional minutes event: fetch the recording and start the flow in its group.
    pub(super) async fn prepare_minutes_event(
        &self,
        event: &Value,
        event_id: &str,
    ) -> Option<(MessageEvent, Fetched)> {
        let s = |ptr: &str| event.pointer(ptr).and_then(Value::as_str).map(str::to_owned);
        let token = s("/minute_token")
            .or_else(|| s("/minute/token"))
            .or_else(|| s("/object_token"));
        let chat = s("/chat_id").or_else(|| s("/meeting/chat_id"));
        let (Some(token), Some(chat)) = (token, chat) else {
            tracing::warn!(
                event_id,
                "minutes event without a minute token or a chat id; ignored"
            );
            return None;
        };
        let (title, text) = match self.minutes_link_text(&token).await {
            Ok(x) => x,
            Err(e) => {
                tracing::warn!(event_id, error.message = %e, "minutes event: the recording could not be read");
                return None;
            }
        };
        let members = self.members_of(&chat).await;
        let msg = MessageEvent {
            message_id: format!("evt_{event_id}"),
            chat_id: chat,
            chat_type: "group".to_owned(),
            message_type: "text".to_owned(),
            text: String::new(),
            mentions: Vec::new(),
            sender_open_id: String::new(),
            parent_id: None,
            root_id: None,
            create_time_ms: None,
        };
        let fetched = Fetched {
            text: Ok((text, MeetingSource::Minutes { token })),
            members,
            from_event: true,
            title,
        };
        Some((msg, fetched))
    }

    /// Creates the meeting and queues its follow-up card. The caller holds the lock and commits.
    pub(super) fn apply_minutes(
        &self,
        fetched: Fetched,
        mentions: &[Mention],
        sender: &Person,
        replies: &mut Replies<'_>,
        ch: &mut Changes,
    ) -> Result<(), StoreError> {
        let msg = replies.msg;
        let (text, source) = match fetched.text {
            Ok(x) => x,
            Err(why) => {
                let c = card::error_card("没能读取会议纪要", &why, Some("/纪要 （粘贴会议纪要全文）"));
                return replies.card(self, ch, &c);
            }
        };
        let now = self.clock.now();
        let members = fetched.members.as_ref().map_or(&[][..], Vec::as_slice);
        let ex = extract(&text, mentions, members, now, &self.calendar);
        let id = ch.next_meeting_id(&self.store)?;
        let creator = if fetched.from_event {
            Person {
                open_id: OpenId("system".to_owned()),
                name: "飞书妙记".to_owned(),
            }
        } else {
            self.named(sender, members)
        };
        let chat = ChatId(msg.chat_id.clone());
        let mut m = Meeting::from_extraction(id, chat, creator, source, ex, now);
        if m.title == "会议纪要"
            && let Some(t) = fetched.title.or_else(|| title_line(&text))
        {
            m.title = t;
        }
        if !m.items.is_empty() {
            m.closure_at = self.closure_at(&m, now);
        }
        ch.put_new_meeting(&self.store, &m);
        let reply_to = (!fetched.from_event).then(|| msg.message_id.clone());
        let intent = Intent::PostMeetingCard {
            meeting: id.0,
            chat_id: msg.chat_id.clone(),
            reply_to,
            uuid: feishu_uuid(&format!("meeting:{}:{}", id.0, msg.message_id)),
        };
        ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(msg.chat_id.clone())))?;
        if let Err(why) = fetched.members {
            let text = format!(
                "没能获取本群成员名单，纪要中写的姓名暂时无法对应到群成员（不会猜测），请在卡片上为每条待办选择负责人。原因：{why}"
            );
            if fetched.from_event {
                let out = Outgoing::send_text_to_chat(
                    &msg.chat_id,
                    &text,
                    &feishu_uuid(&format!("meeting-members:{}", id.0)),
                );
                ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
            } else {
                replies.text(self, ch, &text)?;
            }
        }
        Ok(())
    }

    /// `closure_workdays` working days after the meeting at 10:00; when that has already
    /// passed (minutes handed over late), counted from today instead.
    fn closure_at(&self, m: &Meeting, now: jiff::Timestamp) -> Option<jiff::Timestamp> {
        let n = self.minutes.closure_workdays;
        match m.closure_time(n, &self.calendar) {
            Ok(t) if t > now => Some(t),
            Ok(_) => {
                let mut today = m.clone();
                today.date = local(now).date();
                today.closure_time(n, &self.calendar).ok()
            }
            Err(e) => {
                tracing::warn!(meeting = %m.id, error.message = %e, "no closure card: calendar data missing");
                None
            }
        }
    }

    /// `p` with the name from the member list when the event gave none.
    fn named(&self, p: &Person, members: &[Person]) -> Person {
        if !p.name.is_empty() {
            return p.clone();
        }
        members
            .iter()
            .find(|m| m.open_id == p.open_id)
            .cloned()
            .unwrap_or_else(|| p.clone())
    }

    /// Creates a 督办 item exactly as `/督办` does: the item, its first reminder, its creation
    /// record (with `note`), and its live card (a reply to `reply_to` when given).
    pub(super) fn create_item(
        &self,
        ch: &mut Changes,
        new: NewItem,
        source: Source,
        note: Option<String>,
        reply_to: Option<&str>,
        uuid_key: &str,
    ) -> Result<Item, StoreError> {
        let id = ch.next_item_id(&self.store)?;
        let item = Item::create(id, new, self.clock.now());
        let mut record = item.creation_record(source);
        record.note = note;
        ch.put_new_item(&self.store, &item)?;
        self.stage_new_item(ch, &item)?;
        ch.push_audit(&self.store, item.id, &record)?;
        let intent = Intent::PostItemCard {
            item: id.0,
            chat_id: item.chat_id.0.clone(),
            reply_to: reply_to.map(str::to_owned),
            uuid: feishu_uuid(&format!("card:{}:{uuid_key}", id.0)),
        };
        ch.outbox_push(
            &self.store,
            &OutboxRecord::new(intent, Some(item.chat_id.0.clone())),
        )?;
        Ok(item)
    }

    /// `查看 DB-n` of a converted item: the detail card with a 来源 line.
    pub(super) fn with_meeting_source(&self, mut c: Value, id: ItemId) -> Result<Value, StoreError> {
        let Some((mid, _)) = self.store.meeting_of_item(id)? else {
            return Ok(c);
        };
        let Some(m) = self.store.get_meeting(mid)? else {
            return Ok(c);
        };
        let line = card::fmt::markdown(&format!(
            "**来源**：会议纪要 {}「{}」（{}）",
            m.id,
            card::fmt::md_text(&m.title, 60),
            m.date
        ));
        if let Some(elements) = c.pointer_mut("/body/elements").and_then(Value::as_array_mut) {
            let at = elements.len().min(1);
            elements.insert(at, line);
        }
        Ok(c)
    }
}

/// When the minutes name no title (no `会议主题：` key, no heading): a short first line that
/// reads like one (`合规周例会`, `3月11日产品评审会纪要`) — not a list item or a `key：value`.
fn title_line(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let listy =
        first.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '*' | '•' | '·' | '@' | '['));
    let keyed = first.contains('：') || first.contains(':');
    let n = first.chars().count();
    (!listy && !keyed && (2..=40).contains(&n)).then(|| first.trim_end_matches(['。', '.']).to_owned())
}

/// A plain Chinese explanation of why a linked document could not be read.
fn doc_error_text(e: DocError) -> String {
    match e {
        DocError::MissingScope(m) => m.to_string(),
        DocError::Unsupported(_) => e.to_string(),
        DocError::Feishu(f) => format!(
            "没能读取这份文档：{f}\n请确认链接正确、文档已对机器人所在应用开放（文档右上角「分享」中添加本应用），或把纪要内容直接粘贴到消息里再发一次。"
        ),
    }
}

fn minutes_error(e: crate::feishu::FeishuError) -> DocError {
    match e.missing_scope(crate::feishu::docs::SCOPE_MINUTES) {
        Some(m) => DocError::MissingScope(m),
        None => DocError::Feishu(e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_is_the_title_but_a_list_item_or_key_is_not() {
        assert_eq!(
            title_line("\n合规周例会\n1. 张三…").as_deref(),
            Some("合规周例会")
        );
        assert_eq!(title_line("1. 张三负责…"), None);
        assert_eq!(title_line("会议时间：3月11日"), None);
        assert_eq!(title_line("- [ ] 待办"), None);
        assert_eq!(title_line(""), None);
    }

    #[test]
    fn a_missing_scope_is_named_with_the_console_path() {
        let e = crate::feishu::FeishuError::Api {
            code: 99991672,
            msg: "Access denied. One of the following scopes is required: [docx:document:readonly]"
                .to_owned(),
            http_status: 400,
        };
        let text = doc_error_text(DocError::MissingScope(e.missing_scope("x:y").unwrap()));
        assert!(text.contains("查看新版文档"), "{text}");
        assert!(text.contains("docx:document:readonly"), "{text}");
        assert!(text.contains("权限管理"), "{text}");
    }
}
