//! `/例会 …` from a chat message: every write is one [`Changes`] with its audit record.

use std::collections::BTreeMap;

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use crate::card;
use crate::card::series::{series_card, series_help_card, series_list_card};
use crate::command::{NewSeries, SeriesCmd, SeriesSub};
use crate::domain::audit::{AuditRecord, Change};
use crate::domain::ids::SeriesId;
use crate::domain::series::{DEFAULT_TIME, Series, SeriesStatus};
use crate::domain::time::{SHANGHAI, format_datetime, local};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// `/例会 …` from a chat message. The caller holds the lock and commits.
pub(crate) fn command(
    svc: &Service,
    cmd: SeriesCmd,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    match cmd {
        SeriesCmd::Help => replies.card(svc, ch, &series_help_card()),
        SeriesCmd::Create(n) => create(svc, n, o, replies, ch),
        SeriesCmd::List => {
            let mut list = Vec::new();
            for s in svc.store.series_in_chat(&o.chat)? {
                let next = (s.status == SeriesStatus::Active)
                    .then(|| s.next_occurrence(now, &svc.calendar).ok())
                    .flatten();
                list.push((s, next));
            }
            replies.card(svc, ch, &series_list_card(&list, now))
        }
        SeriesCmd::Show(id) => {
            let Some(s) = svc.store.get_series(id)? else {
                return not_found(svc, id, SeriesSub::Show, replies, ch);
            };
            let next = upcoming(svc, &s, now);
            let notice_at = svc.upcoming_notice(&s, now).ok().map(|(_, t)| t);
            replies.card(svc, ch, &series_card(&s, &next, notice_at, now))
        }
        SeriesCmd::Pause(id) => set_status(svc, id, SeriesStatus::Paused, o, replies, ch),
        SeriesCmd::Resume(id) => set_status(svc, id, SeriesStatus::Active, o, replies, ch),
        SeriesCmd::Cancel(id) => set_status(svc, id, SeriesStatus::Cancelled, o, replies, ch),
        SeriesCmd::Reschedule { id, to } => {
            let Some(mut s) = svc.store.get_series(id)? else {
                return not_found(svc, id, SeriesSub::Reschedule, replies, ch);
            };
            if let Some(refusal) = may_change(svc, &s, o) {
                return replies.card(svc, ch, &refusal);
            }
            if s.status != SeriesStatus::Active {
                let text = format!(
                    "{} {}，不能改期；请先恢复：/例会 恢复 {}",
                    s.id,
                    s.status.label(),
                    s.id
                );
                return replies.card(svc, ch, &card::error_card("例会不在进行中", &text, None));
            }
            let occ = match s.next_occurrence(now, &svc.calendar) {
                Ok(o) => o,
                Err(e) => {
                    return replies.card(
                        svc,
                        ch,
                        &card::error_card("无法计算下次例会", &e.to_string(), None),
                    );
                }
            };
            let start = if to.has_time {
                to.at
            } else {
                let t = s.cadence.time().unwrap_or(DEFAULT_TIME);
                SHANGHAI
                    .to_timestamp(local(to.at).date().to_datetime(t))
                    .unwrap_or(to.at)
            };
            if start <= now {
                let c = card::error_card(
                    "新时间已经过去",
                    "请写一个以后的时间",
                    Some(SeriesSub::Reschedule.spec().example),
                );
                return replies.card(svc, ch, &c);
            }
            let before = format_datetime(occ.start, now);
            s.moved.insert(occ.date, start);
            let after = format_datetime(start, now);
            audit(
                svc,
                ch,
                &s,
                o,
                "series_reschedule",
                vec![change("occurrence_start", &before, &after)],
            )?;
            ch.put_series(&svc.store, &s)?;
            if s.notice.as_ref().is_some_and(|n| n.occurrence == occ.date) {
                super::tick::queue_refresh(svc, ch, &s, occ.date)?;
            }
            let text = format!(
                "已将 {}「{}」{before} 的这一次改到 {after}；以后各次照常（{}）。",
                s.id,
                s.name,
                s.cadence.describe()
            );
            replies.text(svc, ch, &text)
        }
    }
}

fn upcoming(svc: &Service, s: &Series, now: jiff::Timestamp) -> Vec<crate::domain::series::Occurrence> {
    let Ok(first) = s.next_occurrence(now, &svc.calendar) else {
        return Vec::new();
    };
    let mut out = vec![first];
    if let Ok(more) = s.occurrences_from(first.date, 4, &svc.calendar) {
        out.extend(more.into_iter().filter(|o| o.date != first.date && o.start > now));
    }
    out.sort_by_key(|o| o.start);
    out.truncate(3);
    out
}

fn create(
    svc: &Service,
    n: NewSeries,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let example = SeriesSub::Create.spec().example;
    if o.p2p() {
        let c = card::error_card(
            "例会要在群里新建",
            "例会的会前提醒发在群里，请在例会所在的群里发送这条指令（单聊中不能新建例会）",
            Some(example),
        );
        return replies.card(svc, ch, &c);
    }
    let now = svc.clock.now();
    let mut s = Series {
        id: SeriesId(0),
        chat_id: o.chat.clone(),
        name: n.name,
        cadence: n.cadence,
        anchor: local(now).date(),
        attendees: n.attendees,
        agenda: n.agenda,
        board: n.board,
        created_by: o.who.clone(),
        created_at: now,
        status: SeriesStatus::Active,
        moved: BTreeMap::new(),
        notice: None,
    };
    // The calendar must know the first occurrence and its card's day: otherwise refuse,
    // create nothing (not even a number).
    let (first, notice_at) = match svc.upcoming_notice(&s, now) {
        Ok(f) => f,
        Err(e) => {
            return replies.card(
                svc,
                ch,
                &card::error_card("无法排期", &e.to_string(), Some(example)),
            );
        }
    };
    s.id = ch.next_series_id(&svc.store)?;
    // Created after the first card's time (e.g. the evening before the meeting): the card and
    // the progress requests go at once, in this change, rather than skipping that meeting.
    if notice_at <= now {
        let asks = svc.queue_notice(ch, &mut s, &first, now)?;
        svc.stage_asks(ch, asks, now)?;
        svc.wake.scheduler.notify_one();
    }
    ch.put_new_series(&svc.store, &s)?;
    audit(
        svc,
        ch,
        &s,
        o,
        "series_create",
        vec![change("cadence", "", &s.cadence.describe())],
    )?;
    let next = upcoming(svc, &s, now);
    replies.card(svc, ch, &series_card(&s, &next, Some(notice_at), now))
}

fn set_status(
    svc: &Service,
    id: SeriesId,
    to: SeriesStatus,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let sub = match to {
        SeriesStatus::Active => SeriesSub::Resume,
        SeriesStatus::Paused => SeriesSub::Pause,
        SeriesStatus::Cancelled => SeriesSub::Cancel,
    };
    let Some(mut s) = svc.store.get_series(id)? else {
        return not_found(svc, id, sub, replies, ch);
    };
    if let Some(refusal) = may_change(svc, &s, o) {
        return replies.card(svc, ch, &refusal);
    }
    let allowed = matches!(
        (s.status, to),
        (
            SeriesStatus::Active,
            SeriesStatus::Paused | SeriesStatus::Cancelled
        ) | (
            SeriesStatus::Paused,
            SeriesStatus::Active | SeriesStatus::Cancelled
        )
    );
    if !allowed {
        let text = format!(
            "{}「{}」{}，不能{}",
            s.id,
            s.name,
            s.status.label(),
            sub.spec().zh
        );
        return replies.card(svc, ch, &card::error_card("例会状态不允许", &text, None));
    }
    let before = s.status.label();
    s.status = to;
    let key = format!("series_{}", sub.spec().en);
    audit(svc, ch, &s, o, &key, vec![change("status", before, to.label())])?;
    // Cancelled with a card out for a meeting still to come: the card says so, once, and
    // is not updated any more.
    let live = s.notice.as_ref().filter(|n| !n.closed).map(|n| n.occurrence);
    if to == SeriesStatus::Cancelled
        && let Some(date) = live
    {
        if let Some(n) = s.notice.as_mut() {
            n.closed = true;
        }
        super::tick::queue_refresh(svc, ch, &s, date)?;
        svc.withdraw_asks(ch, s.id.0, &s.chat_id)?;
    }
    ch.put_series(&svc.store, &s)?;
    let now = svc.clock.now();
    let text = match to {
        SeriesStatus::Paused => format!(
            "已暂停 {}「{}」：恢复前不再发会前提醒。恢复：/例会 恢复 {}",
            s.id, s.name, s.id
        ),
        SeriesStatus::Cancelled => format!("已取消 {}「{}」，以后不再提醒。", s.id, s.name),
        SeriesStatus::Active => {
            let next = s
                .next_occurrence(now, &svc.calendar)
                .map(|o| format!("，下次 {}", format_datetime(o.start, now)))
                .unwrap_or_default();
            format!("已恢复 {}「{}」{next}。", s.id, s.name)
        }
    };
    replies.text(svc, ch, &text)
}

/// A refusal card when `o` may not change `s` (its creator, an attendee or an admin may).
fn may_change(svc: &Service, s: &Series, o: &Origin) -> Option<serde_json::Value> {
    if s.may_change(&o.who.open_id) || svc.policy.admins.contains(&o.who.open_id) {
        return None;
    }
    // The creator by name (an unknown name is left out rather than shown empty).
    let creator = Some(s.created_by.name.trim())
        .filter(|n| !n.is_empty())
        .map(|n| format!("（{n}）"))
        .unwrap_or_default();
    Some(card::error_card(
        "没有权限",
        &format!("只有例会的发起人{creator}、参会人或管理员可以修改 {}", s.id),
        None,
    ))
}

fn not_found(
    svc: &Service,
    id: SeriesId,
    sub: SeriesSub,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let c = card::error_card(
        "没有这个例会",
        &format!("找不到例会 {id}；本群的例会见 /例会 列表"),
        Some(sub.spec().example),
    );
    replies.card(svc, ch, &c)
}

fn change(field: &str, from: &str, to: &str) -> Change {
    Change::new(field, from, to)
}

fn audit(
    svc: &Service,
    ch: &mut Changes,
    s: &Series,
    o: &Origin,
    action: &str,
    changes: Vec<Change>,
) -> Result<(), StoreError> {
    let rec = AuditRecord {
        at: svc.clock.now(),
        actor: o.who.clone(),
        action: action.to_owned(),
        source: o.source.clone(),
        changes,
        note: None,
    };
    ch.push_series_audit(&svc.store, s.id, &rec)
}
