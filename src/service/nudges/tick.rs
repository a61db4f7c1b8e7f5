//! The reminder tick: what is due (collapsed per item, combined per person) is planned on all
//! cores, recorded, and queued as one outbox batch; each item's entry moves in the due index.

use std::collections::BTreeMap;

use super::super::Service;
use super::super::reply::{Says, at, under_or_post};
use super::schedule::next_time;
use crate::card;
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{ItemId, Person};
use crate::domain::schedule::{NudgeState, PlannedNudge, ReminderPolicy, due_now, mark_sent};
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
    /// Sends every reminder due now. Returns when the next one is due (Unix ms), if any.
    ///
    /// # Errors
    /// Storage failures (nothing of the tick is committed; it is retried).
    pub async fn tick(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        let _guard = self.exclusive().await;
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
        } in plan_all(self, &due, now)?
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
                queue_urgent_and_leaders(self, &mut sends, &item, p, &policy)?;
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
        self.wake.outbox.notify_one();
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

    /// At start-up, on sled: reads ahead the records of the items due first, as the scheduler
    /// does while it waits ([`Service::read_ahead`]). Right after a start nothing of the reminder
    /// engine is in memory, and after downtime a backlog is due at once: the first tick then
    /// plans from memory instead of paging a thousand records in while it holds the service
    /// lock. On PostgreSQL there is no cache to warm. Returns how many records were read.
    ///
    /// # Errors
    /// sled errors.
    pub async fn read_ahead_at_start(&self) -> Result<usize, StoreError> {
        if self.store.backend_name() != "sled" {
            return Ok(0);
        }
        self.read_ahead(&mut None).await
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
    pub(crate) fn materialize_round(
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

/// Reads one due item and plans it: what to send now, its new state, its next time.
fn plan_due(
    svc: &Service,
    id: ItemId,
    now: jiff::Timestamp,
    floor_ms: Option<i64>,
) -> Result<DuePlan, StoreError> {
    // One random read: the record carries the policy's view of the item (records from
    // before it did fall back to the item itself).
    let rec = svc.store.nudge_record(id)?;
    let item = match rec.item {
        Some(item) => Some(item),
        None => svc.store.get_item(id)?,
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
    let policy = svc.policy_for(&item.chat_id);
    let planned = match due_now(&item, &state, now, &policy, &svc.calendar) {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(item = %id, error.message = %e, "cannot plan reminders");
            Vec::new()
        }
    };
    mark_sent(&mut state, &planned, now);
    let next = next_time(svc, &item, &state, now, &policy, floor_ms);
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
fn plan_all(svc: &Service, due: &[(u64, ItemId)], now: jiff::Timestamp) -> Result<Vec<DuePlan>, StoreError> {
    // This tick's entries go behind the cursor: the next ones must come after it.
    let floor = due
        .last()
        .map(|&(f, _)| i64::try_from(f).unwrap_or(i64::MAX).saturating_add(1));
    crate::store::in_parallel(due, svc.store.read_width(), 64, "planning", |part| {
        part.iter()
            .map(|&(_, id)| plan_due(svc, id, now, floor))
            .collect()
    })
}

fn queue_urgent_and_leaders(
    svc: &Service,
    sends: &mut Vec<(Intent, Option<String>)>,
    item: &Item,
    p: &PlannedNudge,
    policy: &ReminderPolicy,
) -> Result<(), StoreError> {
    if !p.urgent.is_empty()
        && let Some(card_mid) = svc.store.item_card(item.id)?
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
