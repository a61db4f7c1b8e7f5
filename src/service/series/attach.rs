//! Minutes posted with `/纪要` near an occurrence attach to it (`HY-n` belongs to `HYS-n`).

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use super::super::Service;
use crate::domain::ids::{ChatId, SeriesId};
use crate::domain::series::SeriesStatus;
use crate::domain::time::{SHANGHAI, local};
use crate::minutes::Meeting;
use crate::store::StoreError;
use crate::store::outbox::Changes;

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
