//! Clicks on a meeting's follow-up card: edit a draft from the form and convert it, ignore
//! it, or convert every ready draft. Converted drafts become ordinary 督办 items through
//! the item flow ([`record_new`]), linked back to the meeting.

use serde_json::Value;

use super::super::Service;
use super::super::items::{post_card, record_new};
use crate::card::{self, CardActionError, MinutesAction, ToastKind};
use crate::domain::audit::Source;
use crate::domain::ids::{ItemId, MessageId, OpenId, Person};
use crate::domain::supervision::NewItem;
use crate::feishu::event::CardActionEvent;
use crate::minutes::{Meeting, MinutesError};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// A click on a follow-up card: edit, convert, ignore, or convert all.
    pub(crate) async fn on_minutes_action(
        &self,
        parsed: Result<MinutesAction, CardActionError>,
        a: &CardActionEvent,
    ) -> Result<Value, StoreError> {
        let action = match parsed {
            Ok(x) => x,
            Err(e) => return Ok(card::answer(ToastKind::Warning, &e.to_string())),
        };
        let mid = match &action {
            MinutesAction::Convert { meeting, .. }
            | MinutesAction::Ignore { meeting, .. }
            | MinutesAction::ConvertAll { meeting } => *meeting,
        };
        let Some(m) = self.store.get_meeting(mid)? else {
            return Ok(card::answer(ToastKind::Error, &format!("会议纪要 {mid} 不存在")));
        };
        // Names come from the member list: fetched before the lock (cached).
        let members = self.members_of(&m.chat_id.0).await.unwrap_or_default();
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        let Some(mut m) = self.store.get_meeting(mid)? else {
            return Ok(card::answer(ToastKind::Error, &format!("会议纪要 {mid} 不存在")));
        };
        let operator = person_in(&a.operator_open_id, &m, &members);
        let source = Source::Card(MessageId(a.open_message_id.clone()));
        let mut ch = Changes::new();
        let (kind, text) = match action {
            MinutesAction::Ignore { idx, .. } => match m.ignore(idx) {
                Ok(()) => (ToastKind::Success, format!("已忽略第{}条", idx + 1)),
                Err(e) => return Ok(card::answer(ToastKind::Warning, &e.to_string())),
            },
            MinutesAction::Convert {
                idx,
                owner,
                deadline,
                text,
                ..
            } => {
                let owner = owner.map(|o| person_in(&o.0, &m, &members));
                if let Err(e) = m.edit(idx, owner, deadline, text) {
                    return Ok(card::answer(ToastKind::Warning, &e.to_string()));
                }
                match convert(self, &mut ch, &mut m, idx, &operator, &source, &a.open_message_id)? {
                    Ok(id) => (ToastKind::Success, format!("已转为督办 {id}")),
                    // The edits are kept; the toast says what is still missing.
                    Err(e) => (ToastKind::Warning, e.to_string()),
                }
            }
            MinutesAction::ConvertAll { .. } => {
                let (ready, not_ready) = m.convert_all_plan();
                if ready.is_empty() && not_ready.is_empty() {
                    return Ok(card::answer(ToastKind::Info, "没有待确认的事项了"));
                }
                let mut ids = Vec::new();
                for idx in ready {
                    if let Ok(id) =
                        convert(self, &mut ch, &mut m, idx, &operator, &source, &a.open_message_id)?
                    {
                        ids.push(id.to_string());
                    }
                }
                convert_all_toast(&ids, &not_ready)
            }
        };
        ch.put_meeting(&self.store, &m);
        let rec = OutboxRecord::new(
            Intent::RefreshMeetingCard { meeting: mid.0 },
            Some(m.chat_id.0.clone()),
        );
        ch.outbox_push(&self.store, &rec)?;
        self.settle(&ch).await?;
        let c = card::minutes_card(&m, self.clock.now());
        Ok(card::answer_with_card(kind, &text, c))
    }
}

/// The toast of 全部转为督办: what was converted and what is not ready, and why.
fn convert_all_toast(ids: &[String], not_ready: &[MinutesError]) -> (ToastKind, String) {
    let done = if ids.is_empty() {
        "没有可以直接转换的事项".to_owned()
    } else {
        format!("已转为督办：{}", ids.join("、"))
    };
    if not_ready.is_empty() {
        return (ToastKind::Success, done);
    }
    let why: Vec<String> = not_ready.iter().take(3).map(ToString::to_string).collect();
    let more = if not_ready.len() > 3 {
        format!("等{}条", not_ready.len())
    } else {
        String::new()
    };
    (
        ToastKind::Warning,
        format!("{done}；以下事项还不能转换{more}：{}", why.join("；")),
    )
}

/// Converts draft `idx` into a 督办 item (stages it in `ch`) and marks it converted; the
/// inner error says why the draft is not ready.
fn convert(
    svc: &Service,
    ch: &mut Changes,
    m: &mut Meeting,
    idx: usize,
    operator: &Person,
    source: &Source,
    card_mid: &str,
) -> Result<Result<ItemId, MinutesError>, StoreError> {
    let (draft, owner, deadline) = match m.ready_to_convert(idx) {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    let assistants: Vec<Person> = draft
        .owners
        .iter()
        .skip(1)
        .filter_map(|o| o.person().cloned())
        .filter(|p| p.open_id != owner.open_id)
        .collect();
    let new = NewItem {
        title: draft.text.clone(),
        chat_id: m.chat_id.clone(),
        creator: operator.clone(),
        owner: owner.clone(),
        assistants,
        deadline: deadline.at,
        deadline_has_time: deadline.has_time,
        priority: draft.priority.unwrap_or_default(),
        tags: Vec::new(),
        resources: None,
        scenario: None,
        description: None,
        source_message: None,
    };
    let note = Some(format!("来源：会议纪要 {}「{}」第{}条", m.id, m.title, idx + 1));
    let key = format!("{}:{idx}", m.id);
    let item = record_new(svc, ch, new, source.clone(), note)?;
    post_card(svc, ch, &item, Some(card_mid), &key)?;
    ch.link_item_to_meeting(&svc.store, item.id, m.id, idx);
    m.mark_converted(idx, item.id);
    Ok(Ok(item.id))
}

/// A person with the best name known: the member list, the meeting's poster or owners.
fn person_in(open_id: &str, m: &Meeting, members: &[Person]) -> Person {
    let known = members
        .iter()
        .chain(std::iter::once(&m.created_by))
        .chain(
            m.items
                .iter()
                .flat_map(|d| d.owners.iter().filter_map(|o| o.person())),
        )
        .find(|p| p.open_id.0 == open_id && !p.name.is_empty());
    known.cloned().unwrap_or_else(|| Person {
        open_id: OpenId(open_id.to_owned()),
        name: String::new(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn convert_all_says_which_items_are_not_ready_and_why() {
        let (kind, text) = convert_all_toast(
            &["DB-1".to_owned(), "DB-2".to_owned()],
            &[MinutesError::MissingOwner { number: 3 }],
        );
        assert_eq!(kind, ToastKind::Warning);
        assert!(text.starts_with("已转为督办：DB-1、DB-2；"), "{text}");
        assert!(text.contains("第3条待办还没有负责人"), "{text}");
        let (kind, text) = convert_all_toast(&["DB-1".to_owned()], &[]);
        assert_eq!(kind, ToastKind::Success);
        assert_eq!(text, "已转为督办：DB-1");
    }
}
