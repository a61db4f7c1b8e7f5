//! The closure card of a meeting: N working days after it, at 10:00, where each of its items
//! stands, posted by the scheduler tick exactly once (the index entry is consumed and the
//! meeting marked in the same transaction as the outbox record). Also renders the follow-up
//! card's intents at send time.

use super::super::Service;
use super::super::reply::{Says, under_or_post};
use crate::card;
use crate::domain::time::{SHANGHAI, local};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::minutes::{DraftStatus, MeetingId, closure_summary};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// At most this many closure cards per tick.
const CLOSURE_LIMIT: usize = 100;

impl Service {
    /// Posts the closure cards that are due (exactly once: the index entry is consumed and the
    /// meeting marked in the same transaction as the outbox record). Returns when the next one
    /// is due (Unix ms), if any.
    ///
    /// # Errors
    /// Storage failures (nothing is committed; retried on the next tick).
    pub async fn minutes_tick(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        match self.store.next_closure_ms()? {
            Some(next) if next <= now.as_millisecond() => {}
            other => return Ok(other),
        }
        let _guard = self.exclusive().await;
        let due = self.store.closures_due(now.as_millisecond(), CLOSURE_LIMIT)?;
        let mut ch = Changes::new();
        for (fire_ms, mid) in due {
            ch.unschedule_closure(&self.store, fire_ms, mid);
            let Some(mut m) = self.store.get_meeting(mid)? else {
                continue;
            };
            if m.closure_posted {
                continue;
            }
            if !in_working_hours(self, now) {
                // Caught up outside working hours (downtime): the next working morning.
                if let Some(at) = next_morning(self, now) {
                    m.closure_at = Some(at);
                    ch.schedule_closure(&self.store, at, mid);
                    ch.put_meeting(&self.store, &m);
                }
                continue;
            }
            let mut items = Vec::new();
            for d in &m.items {
                if let DraftStatus::Converted(id) = d.status
                    && let Some(it) = self.store.get_item(id)?
                {
                    items.push(it);
                }
            }
            let s = closure_summary(&m, &items, now, &self.calendar);
            m.closure_posted = true;
            ch.put_meeting(&self.store, &m);
            if s.rows.len() == s.ignored {
                continue; // everything was dismissed: nothing to review
            }
            let c = card::closure_card(&m, &s, now, &self.calendar);
            let out =
                Outgoing::send_card_to_chat(&m.chat_id.0, &c, &feishu_uuid(&format!("closure:{}", mid.0)));
            ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
        }
        self.store.commit(&ch)?;
        self.wake.outbox.notify_one();
        self.store.next_closure_ms()
    }
}

/// Renders a meeting card intent at send time.
pub(crate) fn materialize(svc: &Service, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
    Ok(match intent {
        Intent::PostMeetingCard {
            meeting,
            chat_id,
            reply_to,
            uuid,
        } => {
            let Some(m) = svc.store.get_meeting(MeetingId(*meeting))? else {
                return Ok(None);
            };
            let c = card::minutes_card(&m, svc.clock.now());
            Some(under_or_post(reply_to.as_deref(), chat_id, Says::Card(&c), uuid))
        }
        Intent::RefreshMeetingCard { meeting } => {
            let id = MeetingId(*meeting);
            let (Some(m), Some(mid)) = (svc.store.get_meeting(id)?, svc.store.meeting_card(id)?) else {
                return Ok(None);
            };
            let c = card::minutes_card(&m, svc.clock.now());
            Some(Outgoing::patch_card(&mid, Some(&m.chat_id.0), &c))
        }
        _ => None,
    })
}

fn in_working_hours(svc: &Service, now: jiff::Timestamp) -> bool {
    let l = local(now);
    let minutes = i32::from(l.hour()) * 60 + i32::from(l.minute());
    svc.calendar.is_workday(l.date()).unwrap_or(false) && (9 * 60..18 * 60 + 30).contains(&minutes)
}

/// 10:00 on the next working day after `now` (today when it is a working morning).
fn next_morning(svc: &Service, now: jiff::Timestamp) -> Option<jiff::Timestamp> {
    let l = local(now);
    let from = if l.hour() < 9 {
        l.date()
    } else {
        l.date().tomorrow().ok()?
    };
    let day = svc
        .calendar
        .first_on_or_after(from, crate::calendar::DayRule::Working)
        .ok()?;
    SHANGHAI.to_timestamp(day.at(10, 0, 0, 0)).ok()
}
