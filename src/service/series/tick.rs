//! The pre-meeting card on the scheduler's clock: queued once per occurrence, the working day
//! before at `[minutes] series_notice_at` (16:00), together with ONE progress request to each
//! owner of an open item on it (进展征集, sent by the reminder engine: see [`super::asks`]);
//! refreshed in place while anything on it changes, and turned final (会议已开始) when the
//! meeting starts.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;

use super::super::Service;
use crate::card::series::{PreMeeting, pre_meeting_card};
use crate::domain::ids::{ItemId, Person, SeriesId};
use crate::domain::schedule::ProgressAsk;
use crate::domain::series::{Notice, Occurrence, Series, SeriesStatus};
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// Queues the pre-meeting cards and progress requests that are due, refreshes posted
    /// cards whose content changed, and turns a card final when its meeting starts. Returns
    /// when it next has something to do (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub async fn series_tick(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        let live =
            |s: &Series| s.status == SeriesStatus::Active || s.notice.as_ref().is_some_and(|n| !n.closed);
        if !self.store.all_series()?.iter().any(live) {
            return Ok(None);
        }
        let _guard = self.exclusive().await;
        let mut ch = Changes::new();
        let mut asks = Vec::new();
        let mut next: Option<i64> = None;
        let mut soon = |t: Timestamp| {
            let ms = t.as_millisecond();
            next = Some(next.map_or(ms, |n: i64| n.min(ms)));
        };
        for mut s in self.store.all_series()? {
            // The card of a meeting that has started turns final (会议已开始), once.
            if let Some(n) = s.notice.as_ref().filter(|n| !n.closed) {
                let start = s.occurrence(n.occurrence).start;
                if start <= now {
                    let date = n.occurrence;
                    if let Some(n) = s.notice.as_mut() {
                        n.closed = true;
                    }
                    queue_refresh(self, &mut ch, &s, date)?;
                    ch.put_series(&self.store, &s)?;
                } else if s.status == SeriesStatus::Active {
                    soon(start);
                }
            }
            if s.status != SeriesStatus::Active {
                continue;
            }
            let (occ, notice_at) = match self.upcoming_notice(&s, now) {
                Ok(x) => x,
                Err(e) => {
                    tracing::warn!(series = %s.id, error.message = %e, "no pre-meeting card: calendar data missing");
                    continue;
                }
            };
            let noticed = s.notice.as_ref().is_some_and(|n| n.occurrence == occ.date);
            if !noticed {
                if notice_at > now {
                    soon(notice_at);
                    continue;
                }
                asks.extend(self.queue_notice(&mut ch, &mut s, &occ, now)?);
                ch.put_series(&self.store, &s)?;
                soon(occ.start);
                continue;
            }
            // Refresh in place while it changes, until the meeting starts.
            let (_, fp) = self.pre_meeting(&s, &occ, now)?;
            if let Some(n) = s.notice.as_mut()
                && n.fingerprint != fp
            {
                n.fingerprint = fp;
                queue_refresh(self, &mut ch, &s, occ.date)?;
                ch.put_series(&self.store, &s)?;
            }
            soon(occ.start);
        }
        let asked = !asks.is_empty();
        self.stage_asks(&mut ch, asks, now)?;
        if !ch.is_empty() {
            self.store.commit(&ch)?;
            self.wake.outbox.notify_one();
        }
        if asked {
            // The reminder engine sends them on its next round.
            self.wake.scheduler.notify_one();
        }
        Ok(next)
    }

    /// The next occurrence and when its card is due.
    pub(super) fn upcoming_notice(
        &self,
        s: &Series,
        now: Timestamp,
    ) -> Result<(Occurrence, Timestamp), crate::calendar::CalendarError> {
        let occ = s.next_occurrence(now, &self.calendar)?;
        let at = s.notice_time(&occ, self.minutes.series_notice_at, &self.calendar)?;
        Ok((occ, at))
    }

    /// The card in `ch`; the series remembers it and whom it asks for progress. Returns the
    /// progress requests (进展征集) for [`Service::stage_asks`]: one per owner of an open item
    /// on the card, carried by the first such item.
    pub(super) fn queue_notice(
        &self,
        ch: &mut Changes,
        s: &mut Series,
        occ: &Occurrence,
        now: Timestamp,
    ) -> Result<Vec<(ItemId, ProgressAsk)>, StoreError> {
        s.notice = Some(Notice {
            occurrence: occ.date,
            at: now,
            asked: Vec::new(),
            fingerprint: String::new(),
            closed: false,
        });
        let (view, _) = self.pre_meeting(s, occ, now)?;
        let owners = owners(&view);
        if let Some(n) = s.notice.as_mut() {
            n.asked = owners.iter().map(|(p, _)| p.open_id.clone()).collect();
        }
        // The fingerprint with the owners asked (they are on the card).
        let (_, fp) = self.pre_meeting(s, occ, now)?;
        if let Some(n) = s.notice.as_mut() {
            n.fingerprint = fp;
        }
        let asks = owners
            .into_iter()
            .filter_map(|(_, items)| {
                let carrier = items.first()?.id;
                let ask = ProgressAsk {
                    series: s.id.0,
                    occurrence: occ.date,
                    name: s.name.clone(),
                    meeting_at: occ.start,
                    at: now,
                    items: items.iter().map(|i| format!("{} {}", i.id, i.title)).collect(),
                };
                Some((carrier, ask))
            })
            .collect();
        let intent = Intent::PostSeriesCard {
            series: s.id.0,
            occurrence: occ.date.to_string(),
            chat_id: s.chat_id.0.clone(),
            uuid: feishu_uuid(&format!("series:{}:{}", s.id.0, occ.date)),
        };
        ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(s.chat_id.0.clone())))?;
        Ok(asks)
    }

    /// What the pre-meeting card of `occ` shows now, and a fingerprint of it.
    fn pre_meeting(
        &self,
        s: &Series,
        occ: &Occurrence,
        now: Timestamp,
    ) -> Result<(PreMeeting, String), StoreError> {
        let items = self.store.items_in_chat(&s.chat_id)?;
        let prev = s.previous_occurrence(occ, &self.calendar).ok().flatten();
        let since = prev.map_or(s.created_at, |p| p.start);
        let mut last_items = Vec::new();
        if let Some(p) = prev {
            let meetings = self.store.minutes_of_occurrence(s.id, p.date)?;
            if !meetings.is_empty() {
                for i in items.iter().filter(|i| i.is_open()) {
                    if let Some((m, _)) = self.store.meeting_of_item(i.id)?
                        && meetings.contains(&m)
                    {
                        last_items.push(i.clone());
                    }
                }
            }
        }
        let shown: BTreeSet<_> = last_items.iter().map(|i| i.id).collect();
        let due_before: Vec<Item> = items
            .iter()
            .filter(|i| {
                i.is_open() && !i.is_overdue(now) && i.deadline <= occ.start && !shown.contains(&i.id)
            })
            .cloned()
            .collect();
        let overdue: Vec<Item> = items
            .iter()
            .filter(|i| i.is_overdue(now) && !shown.contains(&i.id))
            .cloned()
            .collect();
        let stage_moves = self
            .store
            .projects_in_chat(&s.chat_id)?
            .into_iter()
            .filter(|p| p.last_moved_at > since && p.current > 0)
            .map(|p| {
                let stage = p.stages.get(p.current).map_or("已完成", |st| st.name.as_str());
                format!("{} {}：进入「{stage}」", p.id, p.name)
            })
            .collect();
        let new_requirements = self
            .store
            .all_requirements()?
            .into_iter()
            .filter(|r| r.chat_id == s.chat_id && r.created_at > since)
            .map(|r| format!("{} {}（{}）", r.id, r.title, r.submitter.name))
            .collect();
        let mut view = PreMeeting {
            last_items,
            due_before,
            overdue,
            stage_moves,
            new_requirements,
            asked: Vec::new(),
        };
        if let Some(n) = s.notice.as_ref().filter(|n| n.occurrence == occ.date) {
            let all: Vec<&Item> = items.iter().collect();
            view.asked = n
                .asked
                .iter()
                .map(|who| {
                    let mine: Vec<&&Item> = all.iter().filter(|i| i.owner.open_id == *who).collect();
                    let name = mine.first().map_or_else(String::new, |i| i.owner.name.clone());
                    let updated = mine.iter().any(|i| i.updated_at > n.at);
                    (
                        Person {
                            open_id: who.clone(),
                            name,
                        },
                        updated,
                    )
                })
                .collect();
        }
        let started = now >= occ.start;
        let fp = format!(
            "{started}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            view.last_items
                .iter()
                .map(|i| (i.id, i.version))
                .collect::<Vec<_>>(),
            view.due_before
                .iter()
                .map(|i| (i.id, i.version))
                .collect::<Vec<_>>(),
            view.overdue.iter().map(|i| (i.id, i.version)).collect::<Vec<_>>(),
            view.stage_moves,
            view.new_requirements,
            view.asked
                .iter()
                .map(|(p, u)| (&p.open_id.0, *u))
                .collect::<Vec<_>>(),
            s.moved.get(&occ.date),
        );
        Ok((view, fp))
    }

    fn series_card_now(
        &self,
        id: SeriesId,
        occurrence: &str,
    ) -> Result<Option<(Series, serde_json::Value)>, StoreError> {
        let (Some(s), Ok(date)) = (self.store.get_series(id)?, occurrence.parse::<Date>()) else {
            return Ok(None);
        };
        let now = self.clock.now();
        let occ = s.occurrence(date);
        let (view, _) = self.pre_meeting(&s, &occ, now)?;
        let c = pre_meeting_card(&s, &occ, &view, now, &self.calendar);
        Ok(Some((s, c)))
    }
}

/// The distinct owners of the items on the card they are chased on (待签收 or 进行中: a 待验收
/// item waits on its 督办人), in order of appearance, each with those items.
fn owners(v: &PreMeeting) -> Vec<(Person, Vec<&Item>)> {
    let mut out: Vec<(Person, Vec<&Item>)> = Vec::new();
    let mut seen: BTreeSet<ItemId> = BTreeSet::new();
    for i in v.last_items.iter().chain(&v.due_before).chain(&v.overdue) {
        if !matches!(i.status, Status::Pending | Status::InProgress) || !seen.insert(i.id) {
            continue;
        }
        match out.iter_mut().find(|(p, _)| p.open_id == i.owner.open_id) {
            Some((_, list)) => list.push(i),
            None => out.push((i.owner.clone(), vec![i])),
        }
    }
    out
}

/// Queues a PATCH of an occurrence's card.
pub(super) fn queue_refresh(
    svc: &Service,
    ch: &mut Changes,
    s: &Series,
    occ: Date,
) -> Result<(), StoreError> {
    let intent = Intent::RefreshSeriesCard {
        series: s.id.0,
        occurrence: occ.to_string(),
    };
    ch.outbox_push(&svc.store, &OutboxRecord::new(intent, Some(s.chat_id.0.clone())))?;
    Ok(())
}

/// Renders a series intent at send time.
pub(crate) fn materialize(svc: &Service, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
    Ok(match intent {
        Intent::PostSeriesCard {
            series,
            occurrence,
            chat_id,
            uuid,
        } => svc
            .series_card_now(SeriesId(*series), occurrence)?
            .map(|(_, c)| Outgoing::send_card_to_chat(chat_id, &c, uuid)),
        Intent::RefreshSeriesCard { series, occurrence } => {
            let Ok(date) = occurrence.parse::<Date>() else {
                return Ok(None);
            };
            let Some(mid) = svc.store.series_card(SeriesId(*series), date)? else {
                return Ok(None);
            };
            svc.series_card_now(SeriesId(*series), occurrence)?
                .map(|(s, c)| Outgoing::patch_card(&mid, Some(&s.chat_id.0), &c))
        }
        _ => None,
    })
}

/// Records the message id of a posted pre-meeting card.
pub(crate) fn delivered(svc: &Service, intent: &Intent, message_id: &str) -> Result<(), StoreError> {
    if let Intent::PostSeriesCard {
        series, occurrence, ..
    } = intent
        && let Ok(date) = occurrence.parse::<Date>()
    {
        svc.store.set_series_card(SeriesId(*series), date, message_id)?;
    }
    Ok(())
}
