//! Every item write reschedules the item's next reminder in the same transaction, under the
//! group's reminder policy.

use super::super::Service;
use crate::domain::ids::ChatId;
use crate::domain::schedule::{NudgeState, ReminderPolicy, next_fire};
use crate::domain::supervision::Item;
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// The reminder policy of a group (deployment defaults plus the group's overrides).
    pub(crate) fn policy_for(&self, chat: &ChatId) -> ReminderPolicy {
        let group = self.cfg.groups.iter().find(|g| g.chat_id == chat.0);
        let mut p = group
            .and_then(|g| g.policy.clone())
            .unwrap_or_else(|| self.cfg.reminders.clone());
        if let Some(g) = group {
            if let Some(rule) = g.calendar {
                p.day_rule = rule;
            }
            if !g.leaders.is_empty() {
                p.leaders.clone_from(&g.leaders);
            }
        }
        p
    }

    /// Stores an item and moves its entry in the due index, in the same change.
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn stage_item(&self, ch: &mut Changes, item: &Item) -> Result<(), StoreError> {
        ch.put_item(&self.store, item);
        ch.reindex_unit_item(&self.store, item)?;
        self.mark_rollup_of(ch, item)?;
        self.queue_mirror(ch, crate::mirror::MirrorTable::Items, &item.id.to_string())?;
        let rec = self.store.nudge_record(item.id)?;
        ch.known_position(item.id, rec.due_ms);
        self.reschedule(ch, item, &rec.state)
    }

    /// Schedules a new item's first reminder (in the same change as the item).
    ///
    /// # Errors
    /// sled errors.
    pub fn stage_new_item(&self, ch: &mut Changes, item: &Item) -> Result<(), StoreError> {
        self.queue_mirror(ch, crate::mirror::MirrorTable::Items, &item.id.to_string())?;
        self.reschedule(ch, item, &NudgeState::default())
    }

    pub(crate) fn reschedule(
        &self,
        ch: &mut Changes,
        item: &Item,
        state: &NudgeState,
    ) -> Result<(), StoreError> {
        let policy = self.policy_for(&item.chat_id);
        let floor = self.store.due_floor_ms()?;
        let next = next_time(self, item, state, self.clock.now(), &policy, floor);
        ch.schedule(&self.store, item.id, state, next, Some(item))
    }
}

/// When an item's next reminder is due (Unix ms), never before `now` + 1 s (a policy
/// answer not after `now` would spin the scheduler) nor before `floor_ms` (the due cursor:
/// a tick would skip an entry behind it, should the clock have gone back).
pub(super) fn next_time(
    svc: &Service,
    item: &Item,
    state: &NudgeState,
    now: jiff::Timestamp,
    policy: &ReminderPolicy,
    floor_ms: Option<i64>,
) -> Option<i64> {
    let floor = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now);
    let floor = floor.as_millisecond().max(floor_ms.unwrap_or(i64::MIN));
    match next_fire(item, state, now, policy, &svc.calendar) {
        Ok(n) => n.map(|t| t.as_millisecond().max(floor)),
        Err(e) => {
            tracing::warn!(item = %item.id, error.message = %e, "no reminders for this item: calendar data missing");
            None
        }
    }
}
