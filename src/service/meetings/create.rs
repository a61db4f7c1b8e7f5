//! `/纪要` under the lock: the meeting (`HY-n`) created from the extracted drafts with its
//! closure date, its follow-up card queued; and the 来源 line of a converted item's detail.

use serde_json::Value;

use super::super::Service;
use super::super::reply::Replies;
use super::fetch::Fetched;
use crate::card;
use crate::command::Mention;
use crate::domain::ids::{ChatId, ItemId, OpenId, Person};
use crate::domain::time::local;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::minutes::{Meeting, extract};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Creates the meeting and queues its follow-up card. The caller holds the lock and commits.
pub(crate) fn apply_minutes(
    svc: &Service,
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
            return replies.card(svc, ch, &c);
        }
    };
    let now = svc.clock.now();
    let members = fetched.members.as_ref().map_or(&[][..], Vec::as_slice);
    let ex = extract(&text, mentions, members, now, &svc.calendar);
    let id = ch.next_meeting_id(&svc.store)?;
    let creator = if fetched.from_event {
        Person {
            open_id: OpenId("system".to_owned()),
            name: "飞书妙记".to_owned(),
        }
    } else {
        named(sender, members)
    };
    let chat = ChatId(msg.chat_id.clone());
    let mut m = Meeting::from_extraction(id, chat, creator, source, ex, now);
    if m.title == "会议纪要"
        && let Some(t) = fetched.title.or_else(|| title_line(&text))
    {
        m.title = t;
    }
    if !m.items.is_empty() {
        m.closure_at = closure_at(svc, &m, now);
    }
    ch.put_new_meeting(&svc.store, &m);
    super::super::series::attach_minutes(svc, &m, now, ch)?;
    let reply_to = (!fetched.from_event).then(|| msg.message_id.clone());
    let intent = Intent::PostMeetingCard {
        meeting: id.0,
        chat_id: msg.chat_id.clone(),
        reply_to,
        uuid: feishu_uuid(&format!("meeting:{}:{}", id.0, msg.message_id)),
    };
    ch.outbox_push(&svc.store, &OutboxRecord::new(intent, Some(msg.chat_id.clone())))?;
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
            ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
        } else {
            replies.text(svc, ch, &text)?;
        }
    }
    Ok(())
}

/// `closure_workdays` working days after the meeting at 10:00; when that has already
/// passed (minutes handed over late), counted from today instead.
fn closure_at(svc: &Service, m: &Meeting, now: jiff::Timestamp) -> Option<jiff::Timestamp> {
    let n = svc.minutes.closure_workdays;
    match m.closure_time(n, &svc.calendar) {
        Ok(t) if t > now => Some(t),
        Ok(_) => {
            let mut today = m.clone();
            today.date = local(now).date();
            today.closure_time(n, &svc.calendar).ok()
        }
        Err(e) => {
            tracing::warn!(meeting = %m.id, error.message = %e, "no closure card: calendar data missing");
            None
        }
    }
}

/// `p` with the name from the member list when the event gave none.
fn named(p: &Person, members: &[Person]) -> Person {
    if !p.name.is_empty() {
        return p.clone();
    }
    members
        .iter()
        .find(|m| m.open_id == p.open_id)
        .cloned()
        .unwrap_or_else(|| p.clone())
}

/// `查看 DB-n` of a converted item: the detail card with a 来源 line.
pub(crate) fn with_meeting_source(svc: &Service, mut c: Value, id: ItemId) -> Result<Value, StoreError> {
    let Some((mid, _)) = svc.store.meeting_of_item(id)? else {
        return Ok(c);
    };
    let Some(m) = svc.store.get_meeting(mid)? else {
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

#[cfg(test)]
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
}
