//! The pre-meeting card on the scheduler's clock: queued once per occurrence, the working day
//! before at `[minutes] series_notice_at` (16:00), together with ONE progress request to each
//! owner of an open item on it (进展征集); refreshed in place while anything on it changes,
//! until the meeting starts. Minutes posted near an occurrence attach to it.

use std::collections::BTreeSet;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::super::Service;
use crate::card::series::{PreMeeting, pre_meeting_card};
use crate::domain::ids::{ChatId, ItemId, OpenId, Person, SeriesId};
use crate::domain::schedule::adjust_to_working_hours;
use crate::domain::series::{Notice, Occurrence, Series, SeriesStatus};
use crate::domain::supervision::Item;
use crate::domain::time::{SHANGHAI, format_datetime, local};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::minutes::Meeting;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// Queues the pre-meeting cards and progress requests that are due and refreshes posted
    /// cards whose content changed. Returns when it next has something to do (Unix ms).
    ///
    /// # Errors
    /// sled errors.
    pub async fn series_tick(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        let all = self.store.all_series()?;
        if all.iter().all(|s| s.status != SeriesStatus::Active) {
            return Ok(None);
        }
        let _guard = self.exclusive().await;
        let mut ch = Changes::new();
        let mut next: Option<i64> = None;
        let mut soon = |t: Timestamp| {
            let ms = t.as_millisecond();
            next = Some(next.map_or(ms, |n: i64| n.min(ms)));
        };
        for mut s in self.store.all_series()? {
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
                self.queue_notice(&mut ch, &mut s, &occ, now)?;
                ch.put_series(&self.store, &s)?;
                soon(occ.start);
                continue;
            }
            // Posted: requests held back by quiet hours go when their time comes.
            let (view, fp) = self.pre_meeting(&s, &occ, now)?;
            if let Some(t) = s.notice.as_ref().and_then(|n| n.asks_at) {
                if t <= now {
                    self.queue_asks(&mut ch, &mut s, &occ, &view, now)?;
                    ch.put_series(&self.store, &s)?;
                } else {
                    soon(t);
                }
            }
            // Refresh in place while it changes, until the meeting starts.
            if let Some(n) = s.notice.as_mut()
                && n.fingerprint != fp
            {
                n.fingerprint = fp;
                queue_refresh(self, &mut ch, &s, occ.date)?;
                ch.put_series(&self.store, &s)?;
            }
            soon(occ.start);
        }
        if !ch.is_empty() {
            self.store.commit(&ch)?;
            self.wake.outbox.notify_one();
        }
        Ok(next)
    }

    /// The next occurrence and when its card is due.
    fn upcoming_notice(
        &self,
        s: &Series,
        now: Timestamp,
    ) -> Result<(Occurrence, Timestamp), crate::calendar::CalendarError> {
        let occ = s.next_occurrence(now, &self.calendar)?;
        let at = s.notice_time(&occ, self.minutes.series_notice_at, &self.calendar)?;
        Ok((occ, at))
    }

    /// The card, and one progress request per owner, in `ch`; the series remembers it.
    fn queue_notice(
        &self,
        ch: &mut Changes,
        s: &mut Series,
        occ: &Occurrence,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        s.notice = Some(Notice {
            occurrence: occ.date,
            at: now,
            asked: Vec::new(),
            fingerprint: String::new(),
            asks_at: None,
        });
        let (view, _) = self.pre_meeting(s, occ, now)?;
        let owners = owners(&view);
        // Quiet hours hold the requests back to the next working morning, as for reminders.
        let policy = self.policy_for(&s.chat_id);
        let first = view
            .last_items
            .iter()
            .chain(&view.due_before)
            .chain(&view.overdue)
            .map(|i| i.id)
            .next();
        let asks_at = adjust_to_working_hours(now, first.unwrap_or(ItemId(s.id.0)), &policy, &self.calendar)
            .map_or(now, |(t, _)| t);
        let (_, fp) = self.pre_meeting(s, occ, now)?;
        if let Some(n) = s.notice.as_mut() {
            n.asked = owners.iter().map(|p| p.open_id.clone()).collect();
            n.fingerprint = fp;
            n.asks_at = Some(asks_at);
        }
        if asks_at <= now {
            self.queue_asks(ch, s, occ, &view, now)?;
        }
        let intent = Intent::PostSeriesCard {
            series: s.id.0,
            occurrence: occ.date.to_string(),
            chat_id: s.chat_id.0.clone(),
            uuid: feishu_uuid(&format!("series:{}:{}", s.id.0, occ.date)),
        };
        ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(s.chat_id.0.clone())))?;
        Ok(())
    }

    /// ONE progress request per owner asked (listing their open items on the card), in `ch`.
    fn queue_asks(
        &self,
        ch: &mut Changes,
        s: &mut Series,
        occ: &Occurrence,
        view: &PreMeeting,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let Some(n) = s.notice.as_mut() else {
            return Ok(());
        };
        n.asks_at = None;
        let when = format_datetime(occ.start, now);
        for who in &n.asked {
            let mine: Vec<String> = view
                .last_items
                .iter()
                .chain(&view.due_before)
                .chain(&view.overdue)
                .filter(|i| i.is_open() && i.owner.open_id == *who)
                .map(|i| format!("{} {}", i.id, i.title))
                .collect();
            if mine.is_empty() {
                continue;
            }
            let text = format!(
                "【进展征集】{}「{}」将于 {when} 召开。会前提醒上有你负责的未完成事项：{}。请在会前更新进展（例如：/督办 进展 DB-编号 60% 说明），卡片上会显示你已更新。",
                s.id,
                s.name,
                mine.join("；")
            );
            let uuid = feishu_uuid(&format!("series-ask:{}:{}:{}", s.id.0, occ.date, who.0));
            let out = Outgoing::send_text_to_user(&who.0, &text, &uuid);
            ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
        }
        Ok(())
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

/// The distinct owners of the open items on the card, in order of appearance.
fn owners(v: &PreMeeting) -> Vec<Person> {
    let mut seen: BTreeSet<OpenId> = BTreeSet::new();
    let mut out = Vec::new();
    for i in v.last_items.iter().chain(&v.due_before).chain(&v.overdue) {
        if i.is_open() && seen.insert(i.owner.open_id.clone()) {
            out.push(i.owner.clone());
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

/// Attaches minutes `m` to the occurrence of one of its group's series they are near: from two
/// hours before the occurrence starts to the end of the next working day after it. The nearest
/// occurrence wins; minutes near none stay on their own.
pub(crate) fn attach_minutes(
    svc: &Service,
    m: &Meeting,
    now: Timestamp,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let mut best: Option<(SignedDuration, SeriesId, Date)> = None;
    for s in svc.store.series_in_chat(&ChatId(m.chat_id.0.clone()))? {
        if s.status == SeriesStatus::Cancelled {
            continue;
        }
        let today = local(now).date();
        let from = today.checked_sub(jiff::Span::new().days(10)).unwrap_or(today);
        let to = today.checked_add(jiff::Span::new().days(1)).unwrap_or(today);
        let Ok(occs) = s.occurrences_between(from.max(s.anchor), to, &svc.calendar) else {
            continue;
        };
        let moved = s.moved.keys().map(|d| s.occurrence(*d));
        for o in occs.into_iter().chain(moved) {
            if o.start < s.created_at {
                continue;
            }
            let opens = o.start - SignedDuration::from_hours(2);
            let Ok(next_wd) =
                svc.calendar
                    .nth_after(local(o.start).date(), 1, crate::calendar::DayRule::Working)
            else {
                continue;
            };
            let closes = next_wd
                .tomorrow()
                .ok()
                .and_then(|d| {
                    SHANGHAI
                        .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                        .ok()
                })
                .unwrap_or(o.start);
            if now < opens || now >= closes {
                continue;
            }
            let dist = now.duration_since(o.start).abs();
            if best.is_none_or(|(d, _, _)| dist < d) {
                best = Some((dist, s.id, o.date));
            }
        }
    }
    if let Some((_, id, date)) = best {
        ch.attach_minutes(&svc.store, m.id, id, date)?;
    }
    Ok(())
}
