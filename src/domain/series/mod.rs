//! 例会 meeting series (pure): a named standing meeting of one group on a [`Cadence`], its
//! occurrences (moved one at a time with 改期), and when its pre-meeting card is due.
//!
//! An occurrence is named by its nominal date (the cadence's day, already moved to a working
//! day); 改期 replaces that occurrence's start without touching the others.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::{Date, Time};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::cadence::Cadence;
use crate::domain::ids::{ChatId, OpenId, Person, SeriesId};
use crate::domain::time::{SHANGHAI, local};

/// The start time of an occurrence when the cadence names none.
pub const DEFAULT_TIME: Time = Time::constant(9, 0, 0, 0);

/// Where a series stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesStatus {
    /// Meets; pre-meeting cards are posted.
    Active,
    /// 暂停: no cards until 恢复.
    Paused,
    /// 取消: ended for good.
    Cancelled,
}

impl SeriesStatus {
    /// 进行中 / 已暂停 / 已取消.
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "进行中",
            Self::Paused => "已暂停",
            Self::Cancelled => "已取消",
        }
    }
}

/// The pre-meeting card of one occurrence, once its time has come.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    /// The occurrence (its nominal date).
    pub occurrence: Date,
    /// When the card was queued: updates after this count as 已更新.
    pub at: Timestamp,
    /// The owners asked for progress (each once).
    pub asked: Vec<OpenId>,
    /// What the card showed when last queued or refreshed (refreshed when it changes).
    #[serde(default)]
    pub fingerprint: String,
    /// The meeting has started and the card was turned to its final state (会议已开始): it is
    /// not updated any more.
    #[serde(default)]
    pub closed: bool,
}

/// A meeting series `HYS-n`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Series {
    /// `HYS-n`.
    pub id: SeriesId,
    /// The group it meets in.
    pub chat_id: ChatId,
    /// 名称.
    pub name: String,
    /// How often.
    pub cadence: Cadence,
    /// Counting origin of 每两周 (the day it was created).
    pub anchor: Date,
    /// 参会人.
    pub attendees: Vec<Person>,
    /// 会议提纲 link.
    pub agenda: Option<String>,
    /// 看板 link.
    pub board: Option<String>,
    /// Who created it.
    pub created_by: Person,
    /// When.
    pub created_at: Timestamp,
    /// Active, paused or cancelled.
    pub status: SeriesStatus,
    /// 改期: occurrence (nominal date) → its new start.
    pub moved: BTreeMap<Date, Timestamp>,
    /// The last pre-meeting card queued (one per occurrence, never two).
    pub notice: Option<Notice>,
}

/// One occurrence: its name (nominal date) and when it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The nominal date (the key 改期 and minutes attach to).
    pub date: Date,
    /// When it starts (moved by 改期, or the cadence's day at its time).
    pub start: Timestamp,
}

impl Series {
    /// The unmoved start of the occurrence named `date`.
    fn nominal_start(&self, date: Date) -> Timestamp {
        let t = self.cadence.time().unwrap_or(DEFAULT_TIME);
        SHANGHAI
            .to_timestamp(date.to_datetime(t))
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// The occurrence named `date` (with its 改期 start, if moved).
    pub fn occurrence(&self, date: Date) -> Occurrence {
        Occurrence {
            date,
            start: self
                .moved
                .get(&date)
                .copied()
                .unwrap_or_else(|| self.nominal_start(date)),
        }
    }

    /// The occurrences named from `from` on, in order of name, `n` of them.
    ///
    /// # Errors
    /// The calendar has no data for a year the walk reaches.
    pub fn occurrences_from(
        &self,
        from: Date,
        n: usize,
        cal: &Calendar,
    ) -> Result<Vec<Occurrence>, CalendarError> {
        let mut out = Vec::with_capacity(n);
        let mut cur = from;
        for _ in 0..n {
            let d = self.cadence.occurrence_on_or_after(cur, self.anchor, cal)?;
            out.push(self.occurrence(d));
            cur = d
                .tomorrow()
                .map_err(|_| CalendarError::NoData { year: d.year() })?;
        }
        Ok(out)
    }

    /// The occurrences named in `from..=to`, in order.
    ///
    /// # Errors
    /// The calendar has no data for a year the walk reaches.
    pub fn occurrences_between(
        &self,
        from: Date,
        to: Date,
        cal: &Calendar,
    ) -> Result<Vec<Occurrence>, CalendarError> {
        let mut out = Vec::new();
        let mut cur = from;
        while cur <= to {
            let d = self.cadence.occurrence_on_or_after(cur, self.anchor, cal)?;
            if d > to {
                break;
            }
            out.push(self.occurrence(d));
            cur = d
                .tomorrow()
                .map_err(|_| CalendarError::NoData { year: d.year() })?;
        }
        Ok(out)
    }

    /// The next occurrence that has not started at `now` (a moved one included).
    ///
    /// # Errors
    /// The calendar has no data for a year the walk reaches.
    pub fn next_occurrence(&self, now: Timestamp, cal: &Calendar) -> Result<Occurrence, CalendarError> {
        // Walk from a little back (an occurrence moved later may still be ahead) to the first
        // unmoved occurrence still to come; the moved ones compete with it.
        let today = local(now).date();
        let mut cur = today.checked_sub(jiff::Span::new().days(45)).unwrap_or(today);
        let mut best: Option<Occurrence> = None;
        for _ in 0..400 {
            let d = self.cadence.occurrence_on_or_after(cur, self.anchor, cal)?;
            let o = self.occurrence(d);
            if !self.moved.contains_key(&d) && o.start > now {
                best = Some(o);
                break;
            }
            cur = d
                .tomorrow()
                .map_err(|_| CalendarError::NoData { year: d.year() })?;
        }
        let moved = self.moved.keys().map(|d| self.occurrence(*d));
        best.into_iter()
            .chain(moved)
            .filter(|o| o.start > now)
            .min_by_key(|o| o.start)
            .ok_or(CalendarError::NoData { year: today.year() })
    }

    /// The occurrence before `occ` (the last one that started before it), if any since the
    /// series began.
    ///
    /// # Errors
    /// The calendar has no data for a year the walk reaches.
    pub fn previous_occurrence(
        &self,
        occ: &Occurrence,
        cal: &Calendar,
    ) -> Result<Option<Occurrence>, CalendarError> {
        let back = occ
            .date
            .checked_sub(jiff::Span::new().days(100))
            .unwrap_or(occ.date);
        let mut cur = back.max(self.anchor);
        let mut all = Vec::new();
        while cur <= occ.date {
            let d = self.cadence.occurrence_on_or_after(cur, self.anchor, cal)?;
            if d > occ.date {
                break;
            }
            all.push(self.occurrence(d));
            cur = d
                .tomorrow()
                .map_err(|_| CalendarError::NoData { year: d.year() })?;
        }
        all.extend(self.moved.keys().map(|d| self.occurrence(*d)));
        Ok(all
            .into_iter()
            .filter(|o| o.start < occ.start && o.date != occ.date && o.start >= self.created_at)
            .max_by_key(|o| o.start))
    }

    /// When the pre-meeting card of `occ` is due: the working day before its start at
    /// `notice_at`.
    ///
    /// # Errors
    /// The calendar has no data for the year.
    pub fn notice_time(
        &self,
        occ: &Occurrence,
        notice_at: Time,
        cal: &Calendar,
    ) -> Result<Timestamp, CalendarError> {
        let day = local(occ.start).date();
        let before = day
            .yesterday()
            .map_err(|_| CalendarError::NoData { year: day.year() })?;
        let d = cal.last_on_or_before(before, DayRule::Working)?;
        Ok(SHANGHAI
            .to_timestamp(d.to_datetime(notice_at))
            .unwrap_or(occ.start))
    }

    /// Whether `who` may change the series: its creator or an attendee (admins are checked by
    /// the caller).
    pub fn may_change(&self, who: &OpenId) -> bool {
        self.created_by.open_id == *who || self.attendees.iter().any(|p| p.open_id == *who)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
