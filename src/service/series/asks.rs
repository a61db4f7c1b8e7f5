//! 进展征集 through the reminder engine: each request is put in the nudge state of the item
//! that carries it and the item is rescheduled, in the same change as the pre-meeting card.
//! The engine then sends it like any reminder: inside the group's working hours, held back
//! by 稍后提醒 / 处理中, combined with the owner's other reminders of the same round, and
//! exactly once (its key is recorded as sent; the series remembers the occurrence it asked
//! for, so a restart asks nobody again).

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::super::Service;
use crate::domain::ids::{ChatId, ItemId};
use crate::domain::schedule::{ProgressAsk, due_now};
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// Adds `asks` to their items' nudge states and reschedules those items, in `ch`.
    ///
    /// # Errors
    /// sled errors.
    pub(super) fn stage_asks(
        &self,
        ch: &mut Changes,
        asks: Vec<(ItemId, ProgressAsk)>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let mut by_item: BTreeMap<ItemId, Vec<ProgressAsk>> = BTreeMap::new();
        for (id, ask) in asks {
            by_item.entry(id).or_default().push(ask);
        }
        for (id, asks) in by_item {
            let Some(item) = self.store.get_item(id)?.filter(|i| i.is_open()) else {
                continue;
            };
            let rec = self.store.nudge_record(id)?;
            let mut state = rec.state;
            for ask in asks {
                let key = ask.kind().key(&item);
                let known = state.sent.contains(&key) || state.asks.iter().any(|a| a.kind() == ask.kind());
                if !known && ask.meeting_at > now {
                    state.asks.push(ask);
                }
            }
            ch.known_position(id, rec.due_ms);
            // Due now: the item's entry goes at `now` (never behind the due cursor), so that
            // the round the scheduler runs next (right after this tick) sends it with whatever
            // else is due for its owner; otherwise at the item's next reminder time.
            let policy = self.policy_for(&item.chat_id);
            let due = due_now(&item, &state, now, &policy, &self.calendar).is_ok_and(|d| !d.is_empty());
            if due {
                let floor = self.store.due_floor_ms()?.unwrap_or(i64::MIN);
                let at = now.as_millisecond().max(floor);
                ch.schedule(&self.store, id, &state, Some(at), Some(&item))?;
            } else {
                self.reschedule(ch, &item, &state)?;
            }
        }
        Ok(())
    }

    /// Withdraws the requests of series `series` not sent yet (it was cancelled), in `ch`.
    ///
    /// # Errors
    /// sled errors.
    pub(super) fn withdraw_asks(
        &self,
        ch: &mut Changes,
        series: u64,
        chat: &ChatId,
    ) -> Result<(), StoreError> {
        for item in self
            .store
            .items_in_chat(chat)?
            .into_iter()
            .filter(|i| i.is_open())
        {
            let rec = self.store.nudge_record(item.id)?;
            if !rec.state.asks.iter().any(|a| a.series == series) {
                continue;
            }
            let mut state = rec.state;
            state.asks.retain(|a| a.series != series);
            ch.known_position(item.id, rec.due_ms);
            self.reschedule(ch, &item, &state)?;
        }
        Ok(())
    }
}
