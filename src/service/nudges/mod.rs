//! The reminder engine's orchestration: every item write reschedules the item's next reminder
//! in the same transaction; a tick sends what is due (collapsed per item, combined per person),
//! records it, and moves each item's entry in the due index.

use std::collections::BTreeMap;

use super::Service;
use super::reply::{Says, at, under_or_post};
use crate::card;
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{ChatId, ItemId, Person};
use crate::domain::schedule::{NudgeState, PlannedNudge, ReminderPolicy, due_now, mark_sent, next_fire};
use crate::domain::supervision::Item;
use crate::domain::time::format_datetime;
use crate::feishu::{Outgoing, UrgentChannel, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::nudges::EncodedRecord;
use crate::store::outbox::Changes;

/// At most this many items per tick; the scheduler comes back at once for the rest.
pub(crate) const TICK_LIMIT: usize = 1_000;

impl Service {
    /// The reminder policy of a group (deployment defaults plus the group's overrides).
    pub(crate) fn policy_for(&self, chat: &ChatId) -> ReminderPolicy {
        let group = self.groups.iter().find(|g| g.chat_id == chat.0);
        let mut p = group
            .and_then(|g| g.policy.clone())
            .unwrap_or_else(|| self.reminders.clone());
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

    pub(super) fn reschedule(
        &self,
        ch: &mut Changes,
        item: &Item,
        state: &NudgeState,
    ) -> Result<(), StoreError> {
        let policy = self.policy_for(&item.chat_id);
        let floor = self.store.due_floor_ms()?;
        let next = self.next_time(item, state, self.clock.now(), &policy, floor);
        ch.schedule(&self.store, item.id, state, next, Some(item))
    }

    /// When an item's next reminder is due (Unix ms), never before `now` + 1 s (a policy
    /// answer not after `now` would spin the scheduler) nor before `floor_ms` (the due cursor:
    /// a tick would skip an entry behind it, should the clock have gone back).
    fn next_time(
        &self,
        item: &Item,
        state: &NudgeState,
        now: jiff::Timestamp,
        policy: &ReminderPolicy,
        floor_ms: Option<i64>,
    ) -> Option<i64> {
        let floor = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now);
        let floor = floor.as_millisecond().max(floor_ms.unwrap_or(i64::MIN));
        match next_fire(item, state, now, policy, &self.calendar) {
            Ok(n) => n.map(|t| t.as_millisecond().max(floor)),
            Err(e) => {
                tracing::warn!(item = %item.id, error.message = %e, "no reminders for this item: calendar data missing");
                None
            }
        }
    }

    /// Reads one due item and plans it: what to send now, its new state, its next time.
    fn plan_due(
        &self,
        id: ItemId,
        now: jiff::Timestamp,
        floor_ms: Option<i64>,
    ) -> Result<DuePlan, StoreError> {
        // One random read: the record carries the policy's view of the item (records from
        // before it did fall back to the item itself).
        let rec = self.store.nudge_record(id)?;
        let item = match rec.item {
            Some(item) => Some(item),
            None => self.store.get_item(id)?,
        };
        let Some(item) = item else {
            return Ok(DuePlan {
                id,
                item: None,
                planned: Vec::new(),
                record: EncodedRecord::new(&NudgeState::default(), None, None),
                policy: None,
            });
        };
        let mut state = rec.state;
        let policy = self.policy_for(&item.chat_id);
        let planned = match due_now(&item, &state, now, &policy, &self.calendar) {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(item = %id, error.message = %e, "cannot plan reminders");
                Vec::new()
            }
        };
        mark_sent(&mut state, &planned, now);
        let next = self.next_time(&item, &state, now, &policy, floor_ms);
        let record = EncodedRecord::new(&state, next, Some(&item));
        Ok(DuePlan {
            id,
            item: Some(item),
            planned,
            record,
            policy: Some(policy),
        })
    }

    /// Plans every due item, on all cores when there are many: each item costs a random read
    /// (sled pages it in from disk), the policy and an encoding, and items are independent.
    fn plan_all(&self, due: &[(u64, ItemId)], now: jiff::Timestamp) -> Result<Vec<DuePlan>, StoreError> {
        // This tick's entries go behind the cursor: the next ones must come after it.
        let floor = due
            .last()
            .map(|&(f, _)| i64::try_from(f).unwrap_or(i64::MAX).saturating_add(1));
        crate::store::in_parallel(due, 64, "planning", |part| {
            part.iter()
                .map(|&(_, id)| self.plan_due(id, now, floor))
                .collect()
        })
    }

    /// Sends every reminder due now. Returns when the next one is due (Unix ms), if any.
    ///
    /// # Errors
    /// Storage failures (nothing of the tick is committed; it is retried).
    pub async fn tick(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        let _guard = self.lock.lock().await;
        let due = self.store.due_items(now.as_millisecond(), TICK_LIMIT)?;
        if due.is_empty() {
            return self.store.next_due_ms();
        }
        let mut ch = Changes::new();
        // Everything the round sends, queued as one outbox record (split by the dispatcher).
        let mut sends: Vec<(Intent, Option<String>)> = Vec::new();
        // (chat, recipient) → the items due for that person in this round.
        type Round = (Person, Vec<(u64, PlannedNudge)>);
        let mut rounds: BTreeMap<(String, String), Round> = BTreeMap::new();
        for DuePlan {
            id,
            item,
            planned,
            record,
            policy,
        } in self.plan_all(&due, now)?
        {
            // The consumed entry stays behind the cursor (removed later): nothing to remove.
            ch.known_position(id, None);
            ch.schedule_encoded(&self.store, id, record)?;
            let (Some(item), Some(policy)) = (item, policy) else {
                continue;
            };
            if planned.is_empty() {
                continue;
            }
            for p in &planned {
                if p.moved {
                    let rec = AuditRecord {
                        at: now,
                        actor: Person {
                            open_id: crate::domain::ids::OpenId("system".to_owned()),
                            name: "督办机器人".to_owned(),
                        },
                        action: "reminder_moved".to_owned(),
                        source: Source::System,
                        changes: vec![Change::new(
                            "提醒时间",
                            format_datetime(p.scheduled, now),
                            format_datetime(p.at, now),
                        )],
                        note: Some("非工作时间，提醒顺延至下一个工作时段".to_owned()),
                    };
                    ch.push_audit(&self.store, id, &rec)?;
                }
                self.queue_urgent_and_leaders(&mut sends, &item, p, &policy)?;
            }
            sends.push((
                Intent::RefreshItemCard { item: item.id.0 },
                Some(item.chat_id.0.clone()),
            ));
            for p in planned {
                let who = p.mention.first().cloned().unwrap_or_else(|| item.owner.clone());
                rounds
                    .entry((item.chat_id.0.clone(), who.open_id.0.clone()))
                    .or_insert_with(|| (who, Vec::new()))
                    .1
                    .push((item.id.0, p));
            }
        }
        if let Some(&(fire_ms, id)) = due.last() {
            ch.consume_through(&self.store, fire_ms, id);
        }
        for ((chat, _), (person, entries)) in rounds {
            sends.push(round_intent(chat, person, entries));
        }
        if !sends.is_empty() {
            ch.outbox_push(&self.store, &OutboxRecord::new(Intent::Batch(sends), None))?;
        }
        self.store.commit(&ch)?;
        self.outbox_notify.notify_one();
        metrics::counter!("duban_scheduler_ticks_total").increment(1);
        self.store.next_due_ms()
    }

    /// Reads ahead, outside the lock, the records of the items due next (up to a tick's worth),
    /// so that the tick that sends them plans from memory: the scheduler calls this while it
    /// waits for them. `last` is the first entry read ahead the previous time; the same entry
    /// again is not read twice. Returns how many records were read.
    ///
    /// # Errors
    /// sled errors.
    pub async fn read_ahead(&self, last: &mut Option<(u64, ItemId)>) -> Result<usize, StoreError> {
        let next = self.store.due_items(i64::MAX, TICK_LIMIT)?;
        if next.first() == last.as_ref() || next.is_empty() {
            return Ok(0);
        }
        let ids: Vec<ItemId> = next.iter().map(|&(_, id)| id).collect();
        let store = self.store.clone();
        let n = ids.len();
        tokio::task::spawn_blocking(move || store.warm_nudge_records(&ids))
            .await
            .map_err(|e| StoreError::Io(format!("read-ahead: {e}")))??;
        *last = next.first().copied();
        Ok(n)
    }

    /// Removes the due entries ticks consumed (outside the lock: nothing else reads them).
    ///
    /// # Errors
    /// sled errors.
    pub async fn collect_consumed(&self) -> Result<usize, StoreError> {
        let mut total = 0;
        loop {
            let n = self.store.collect_consumed(500)?;
            total += n;
            if n < 500 {
                return Ok(total);
            }
            tokio::task::yield_now().await;
        }
    }

    /// Renders a reminder round at send time; items closed since are left out.
    pub(super) fn materialize_round(
        &self,
        chat: &str,
        person: &Person,
        entries: &[(u64, PlannedNudge)],
        uuid: &str,
    ) -> Result<Option<Outgoing>, StoreError> {
        let mut live = Vec::with_capacity(entries.len());
        for (id, p) in entries {
            if let Some(item) = self.store.get_item(ItemId(*id))?
                && item.is_open()
            {
                live.push((item, p.clone()));
            }
        }
        Ok(match live.as_slice() {
            [] => None,
            [(item, p)] => {
                let text = card::nudge::nudge_text(item, p);
                let card_mid = self.store.item_card(item.id)?;
                Some(under_or_post(card_mid.as_deref(), chat, Says::Text(&text), uuid))
            }
            _ => {
                let c = card::nudge::nudge_card(person, &live, self.clock.now(), &self.calendar);
                Some(Outgoing::send_card_to_chat(chat, &c, uuid))
            }
        })
    }

    fn queue_urgent_and_leaders(
        &self,
        sends: &mut Vec<(Intent, Option<String>)>,
        item: &Item,
        p: &PlannedNudge,
        policy: &ReminderPolicy,
    ) -> Result<(), StoreError> {
        if !p.urgent.is_empty()
            && let Some(card_mid) = self.store.item_card(item.id)?
        {
            let ids: Vec<String> = p.urgent.iter().map(|u| u.open_id.0.clone()).collect();
            // In the app always; by SMS and phone only where configured (paid quota).
            let channels = [
                (UrgentChannel::App, true),
                (UrgentChannel::Sms, policy.urgent_sms),
                (UrgentChannel::Phone, policy.urgent_phone),
            ];
            for (channel, _) in channels.into_iter().filter(|(_, on)| *on) {
                let out = Outgoing::urgent(channel, &card_mid, Some(&item.chat_id.0), &ids);
                sends.push((Intent::Message(out), Some(item.chat_id.0.clone())));
            }
        }
        if p.notify_leaders && !policy.leaders.is_empty() {
            let leaders: Vec<String> = policy.leaders.iter().map(at).collect();
            let text = format!(
                "{} 请关注：{}「{}」{}，主办 {}。",
                leaders.join(" "),
                item.id,
                item.title,
                p.text,
                at(&item.owner)
            );
            let uuid = feishu_uuid(&format!("leaders:{}:{}", item.id.0, p.key));
            let out = Outgoing::send_text_to_chat(&item.chat_id.0, &text, &uuid);
            sends.push((Intent::Message(out), Some(item.chat_id.0.clone())));
        }
        Ok(())
    }

    /// Applies a snooze / 处理中 click from a reminder card.
    pub(super) async fn on_nudge_action(
        &self,
        action: card::nudge::NudgeAction,
        operator: &str,
    ) -> Result<serde_json::Value, StoreError> {
        use card::nudge::NudgeAction;
        let now = self.clock.now();
        let _guard = self.lock.lock().await;
        let id = match &action {
            NudgeAction::Snooze { item, .. } | NudgeAction::Working { item } => *item,
        };
        let toast = |kind, text: &str| serde_json::json!({ "toast": card::toast(kind, text) });
        let Some(item) = self.store.get_item(id)? else {
            return Ok(toast(card::ToastKind::Error, &format!("{id} 不存在")));
        };
        let is_party =
            item.owner.open_id.0 == operator || item.assistants.iter().any(|a| a.open_id.0 == operator);
        if !is_party {
            // Named, as every refusal: 只有主办（张三）或协办（李四、王五）可以设置提醒.
            let mut who = format!("主办（{}）", item.owner.name);
            let helpers: Vec<&str> = item.assistants.iter().map(|a| a.name.as_str()).collect();
            if !helpers.is_empty() {
                who.push_str(&format!("或协办（{}）", helpers.join("、")));
            }
            return Ok(toast(card::ToastKind::Error, &format!("只有{who}可以设置提醒")));
        }
        let policy = self.policy_for(&item.chat_id);
        let rec = self.store.nudge_record(id)?;
        let mut state = rec.state;
        let text = match action {
            NudgeAction::Snooze { choice, .. } => {
                match crate::domain::schedule::snooze(&mut state, choice, now, &policy, &self.calendar) {
                    Ok(until) => format!("好的，{} 再提醒", format_datetime(until, now)),
                    Err(e) => return Ok(toast(card::ToastKind::Warning, &e.to_string())),
                }
            }
            NudgeAction::Working { .. } => {
                crate::domain::schedule::mark_working(&mut state, now);
                "已标记处理中，今天不再催办".to_owned()
            }
        };
        let mut ch = Changes::new();
        ch.known_position(id, rec.due_ms);
        self.reschedule(&mut ch, &item, &state)?;
        self.store.commit(&ch)?;
        self.store.durable().await?;
        Ok(toast(card::ToastKind::Success, &text))
    }
}

/// What a tick decided for one due item.
struct DuePlan {
    id: ItemId,
    /// `None`: the item is gone; its entry is dropped.
    item: Option<Item>,
    planned: Vec<PlannedNudge>,
    /// Its new state and next time, encoded.
    record: EncodedRecord,
    /// The group's policy it was planned with (`None` with the item).
    policy: Option<ReminderPolicy>,
}

/// One person's reminders of one round, as an intent rendered when sent (from the items' state
/// then): a reply under the item card for one item, one combined card for several. Rendering
/// stays out of the tick, whose cost is what is due.
fn round_intent(chat: String, person: Person, entries: Vec<(u64, PlannedNudge)>) -> (Intent, Option<String>) {
    let keys: Vec<String> = entries.iter().map(|(id, p)| format!("{id}:{}", p.key)).collect();
    let uuid = feishu_uuid(&format!("nudge:{}", keys.join(",")));
    let intent = Intent::NudgeRound {
        chat_id: chat.clone(),
        person,
        entries,
        uuid,
    };
    (intent, Some(chat))
}
