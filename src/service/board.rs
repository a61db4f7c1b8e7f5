//! The 晾晒 board (on demand and weekly) and per-person statistics.

use std::collections::HashMap;
use std::sync::atomic::Ordering;

use serde_json::Value;

use super::Service;
use super::reply::{Says, under_or_post};
use crate::card;
use crate::domain::board::{Period, board, fingerprint, owed_weekly, stats};
use crate::domain::ids::{ChatId, ItemId, Person};
use crate::domain::schedule::overdue_chases;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::nudges::ChatState;
use crate::store::outbox::Changes;

/// A board card younger than this is updated in place instead of posting a new one.
const IN_PLACE_MS: i64 = 24 * 3600 * 1000;

impl Service {
    /// The board card of a group now.
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn board_card(&self, chat: &ChatId) -> Result<(Value, String), StoreError> {
        let now = self.clock.now();
        let items = self.store.items_in_chat(chat)?;
        let b = board(&items, now, &self.calendar, self.cfg.board.top_n);
        Ok((card::board::board_card(&b, now, &self.calendar), fingerprint(&b)))
    }

    /// Posts the weekly boards when their time has come (configurable weekday and time; the
    /// first working day from that weekday on), to the groups that had an item by then
    /// ([`owed_weekly`]; a group first seen later waits for next week's, wherever this tick
    /// falls). Cheap when nothing is due.
    ///
    /// # Errors
    /// sled errors.
    pub async fn board_tick(&self) -> Result<(), StoreError> {
        if !self.cfg.board.enabled {
            return Ok(());
        }
        let now = self.clock.now();
        let now_ms = now.as_millisecond();
        if now_ms < self.next_board_ms.load(Ordering::Relaxed) {
            return Ok(());
        }
        let Some((week, at)) = self.cfg.board.this_week(now, &self.calendar) else {
            return Ok(());
        };
        if now < at {
            self.next_board_ms.store(at.as_millisecond(), Ordering::Relaxed);
            return Ok(());
        }
        let _guard = self.exclusive().await;
        let mut ch = Changes::new();
        for (chat, mut st) in self.store.chats()? {
            if self
                .cfg
                .groups
                .iter()
                .any(|g| g.chat_id == chat.0 && g.board == Some(false))
            {
                continue;
            }
            if st.weekly_for.as_deref() == Some(week.as_str()) {
                continue;
            }
            st.weekly_for = Some(week.clone());
            let items = self.store.items_in_chat(&chat)?;
            let changed = owed_weekly(&items, at)
                .then(|| fingerprint(&board(&items, now, &self.calendar, self.cfg.board.top_n)))
                .filter(|fp| st.board_fingerprint.as_deref() != Some(fp.as_str()));
            if let Some(fp) = changed {
                let recent = st.board_at_ms.is_some_and(|t| now_ms - t < IN_PLACE_MS);
                let intent = match (&st.board_message, recent) {
                    (Some(_), true) => Intent::RefreshBoard {
                        chat_id: chat.0.clone(),
                    },
                    _ => {
                        st.board_message = None;
                        st.board_at_ms = Some(now_ms);
                        Intent::PostBoard {
                            chat_id: chat.0.clone(),
                            reply_to: None,
                            uuid: feishu_uuid(&format!("weekly:{}:{week}", chat.0)),
                        }
                    }
                };
                st.board_fingerprint = Some(fp);
                ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(chat.0.clone())))?;
            }
            ch.put_chat_state(&self.store, &chat, &st);
        }
        self.queue_weekly_org_board(&mut ch, &week, now)?;
        self.store.commit(&ch)?;
        self.wake.outbox.notify_one();
        // Next week's slot.
        let next = at
            .checked_add(jiff::SignedDuration::from_hours(24 * 5))
            .unwrap_or(at);
        self.next_board_ms.store(next.as_millisecond(), Ordering::Relaxed);
        Ok(())
    }
}

/// Queues the board as a reply (`/督办 晾晒`) and remembers it as the group's current board.
///
/// # Errors
/// sled errors.
pub(crate) fn queue_board_reply(
    svc: &Service,
    ch: &mut Changes,
    chat: &ChatId,
    reply_to: &str,
) -> Result<(), StoreError> {
    let (_, fp) = svc.board_card(chat)?;
    let intent = Intent::PostBoard {
        chat_id: chat.0.clone(),
        reply_to: Some(reply_to.to_owned()),
        uuid: feishu_uuid(&format!("board:{reply_to}")),
    };
    ch.outbox_push(&svc.store, &OutboxRecord::new(intent, Some(chat.0.clone())))?;
    let mut st = svc.store.chat_state(chat)?.unwrap_or_default();
    st.board_fingerprint = Some(fp);
    st.board_at_ms = Some(svc.clock.now().as_millisecond());
    st.board_message = None; // learned when delivered
    ch.put_chat_state(&svc.store, chat, &st);
    Ok(())
}

/// The statistics card.
///
/// # Errors
/// sled errors.
pub(crate) fn stats_card(
    svc: &Service,
    items: &[crate::domain::supervision::Item],
    period: Period,
    person: Option<&Person>,
) -> Result<Value, StoreError> {
    let now = svc.clock.now();
    let mut chased: HashMap<ItemId, u32> = HashMap::new();
    for i in items {
        let n = overdue_chases(&svc.store.nudge_state(i.id)?);
        if n > 0 {
            chased.insert(i.id, n);
        }
    }
    let rows = stats(
        items,
        &chased,
        period,
        person.map(|p| &p.open_id),
        now,
        &svc.calendar,
    );
    Ok(card::stats::stats_card(period, &rows, person))
}

/// Renders a board intent at send time.
pub(crate) fn materialize_board(svc: &Service, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
    Ok(match intent {
        Intent::PostBoard {
            chat_id,
            reply_to,
            uuid,
        } => {
            let (c, _) = svc.board_card(&ChatId(chat_id.clone()))?;
            Some(under_or_post(reply_to.as_deref(), chat_id, Says::Card(&c), uuid))
        }
        Intent::RefreshBoard { chat_id } => {
            let chat = ChatId(chat_id.clone());
            let Some(mid) = svc
                .store
                .chat_state(&chat)?
                .and_then(|s: ChatState| s.board_message)
            else {
                return Ok(None);
            };
            let (c, _) = svc.board_card(&chat)?;
            Some(Outgoing::patch_card(&mid, Some(chat_id), &c))
        }
        _ => None,
    })
}

/// Records the message id of a posted board.
pub(crate) fn board_delivered(svc: &Service, chat_id: &str, message_id: &str) -> Result<(), StoreError> {
    let chat = ChatId(chat_id.to_owned());
    let mut st = svc.store.chat_state(&chat)?.unwrap_or_default();
    st.board_message = Some(message_id.to_owned());
    let mut ch = Changes::new();
    ch.put_chat_state(&svc.store, &chat, &st);
    svc.store.commit(&ch)
}
