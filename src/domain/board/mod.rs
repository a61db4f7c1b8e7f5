//! The 晾晒 board and the per-person statistics (pure).
//!
//! [`board`] summarises a group's items at `now`: totals by state, this month's on-time rate,
//! overdue items ranked by working days overdue, items due this week and the month's 按时完成
//! ranking. [`fingerprint`] hashes its content (not the generation day) so the weekly post can
//! be skipped when nothing changed. [`stats`] gives, per 主办 and period, the figures the
//! firm's OKR and performance reviews ask for.
//!
//! On time means `completed_at ≤ deadline` (the deadline in force when the item was closed:
//! approved extensions count). Months and quarters are Asia/Shanghai calendar periods.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::calendar::{Calendar, DayRule};
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::domain::item::Item;
use crate::domain::status::Status;
use crate::domain::time::{SHANGHAI, local};

/// One item on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    /// `DB-n`.
    pub id: ItemId,
    /// Title.
    pub title: String,
    /// 主办.
    pub owner: Person,
    /// Deadline.
    pub deadline: Timestamp,
    /// Working days overdue (0 when not overdue or overdue less than a working day).
    pub overdue_workdays: u32,
}

/// Completed items and how many of them were on time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Completed by the deadline.
    pub on_time: u32,
    /// Completed.
    pub completed: u32,
}

impl Rate {
    /// The rate in percent, rounded (0 when nothing was completed).
    pub fn percent(&self) -> u32 {
        if self.completed == 0 {
            return 0;
        }
        (self.on_time * 100 + self.completed / 2) / self.completed
    }
}

/// A group's 晾晒 board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    /// How many items are in each status (every status, lifecycle order).
    pub totals: Vec<(Status, usize)>,
    /// Open items (待签收, 进行中, 待验收).
    pub open: usize,
    /// Overdue items, most working days overdue first.
    pub overdue: Vec<BoardRow>,
    /// Items (待签收 / 进行中, not overdue) due by the end of this week (Sunday).
    pub due_this_week: Vec<BoardRow>,
    /// This month's completions and on-time share; `None` when nothing was completed.
    pub on_time_month: Option<Rate>,
    /// 按时完成 this month: the top people and their counts.
    pub top_on_time: Vec<(Person, u32)>,
    /// The local day the board describes.
    pub generated_for: Date,
}

fn row(it: &Item, now: Timestamp, cal: &Calendar) -> BoardRow {
    BoardRow {
        id: it.id,
        title: it.title.clone(),
        owner: it.owner.clone(),
        deadline: it.deadline,
        overdue_workdays: it.overdue_workdays(now, cal).unwrap_or(0),
    }
}

/// The board for `items` (one group's) at `now`, with the `top_n` best on-time completers.
pub fn board(items: &[Item], now: Timestamp, cal: &Calendar, top_n: usize) -> Board {
    let totals = Status::ALL
        .iter()
        .map(|s| (*s, items.iter().filter(|it| it.status == *s).count()))
        .collect();
    let open = items.iter().filter(|it| it.is_open()).count();

    let mut overdue: Vec<BoardRow> = items
        .iter()
        .filter(|it| it.is_overdue(now))
        .map(|it| row(it, now, cal))
        .collect();
    overdue.sort_by(|a, b| {
        b.overdue_workdays
            .cmp(&a.overdue_workdays)
            .then(a.deadline.cmp(&b.deadline))
            .then(a.id.cmp(&b.id))
    });

    let today = local(now).date();
    let week_end = sunday_of(today);
    let mut due_this_week: Vec<BoardRow> = items
        .iter()
        .filter(|it| matches!(it.status, Status::Pending | Status::InProgress))
        .filter(|it| !it.is_overdue(now) && local(it.deadline).date() <= week_end)
        .map(|it| row(it, now, cal))
        .collect();
    due_this_week.sort_by_key(|r| (r.deadline, r.id));

    let (start, end) = Period::ThisMonth.range(now);
    let done_in_month: Vec<&Item> = items.iter().filter(|it| completed_in(it, start, end)).collect();
    let on_time_month = (!done_in_month.is_empty()).then(|| Rate {
        on_time: count(done_in_month.iter().filter(|it| on_time(it))),
        completed: count(done_in_month.iter()),
    });
    let mut per_person: BTreeMap<OpenId, (Person, u32)> = BTreeMap::new();
    for it in done_in_month.iter().filter(|it| on_time(it)) {
        let e = per_person
            .entry(it.owner.open_id.clone())
            .or_insert_with(|| (it.owner.clone(), 0));
        e.1 += 1;
    }
    let mut top_on_time: Vec<(Person, u32)> = per_person.into_values().collect();
    top_on_time.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    top_on_time.truncate(top_n);

    Board {
        totals,
        open,
        overdue,
        due_this_week,
        on_time_month,
        top_on_time,
        generated_for: today,
    }
}

fn count<T>(it: impl Iterator<Item = T>) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}

fn sunday_of(d: Date) -> Date {
    let ahead = 7 - d.weekday().to_monday_one_offset();
    d.checked_add(jiff::Span::new().days(ahead)).unwrap_or(d)
}

fn completed_in(it: &Item, start: Timestamp, end: Timestamp) -> bool {
    it.status == Status::Done && it.completed_at.is_some_and(|c| c >= start && c < end)
}

fn on_time(it: &Item) -> bool {
    it.completed_at.is_some_and(|c| c <= it.deadline)
}

/// A stable digest of the board's content (ignores [`Board::generated_for`]): post the weekly
/// board only when this differs from the last one posted.
pub fn fingerprint(b: &Board) -> String {
    let mut s = String::new();
    for (status, n) in &b.totals {
        let _ = write!(s, "{}={n};", status.label());
    }
    let rows = |s: &mut String, tag: &str, rows: &[BoardRow]| {
        for r in rows {
            let _ = write!(
                s,
                "{tag}:{}:{}:{}:{}:{}:{};",
                r.id,
                r.title,
                r.owner.open_id,
                r.owner.name,
                r.deadline.as_millisecond(),
                r.overdue_workdays
            );
        }
    };
    rows(&mut s, "o", &b.overdue);
    rows(&mut s, "w", &b.due_this_week);
    if let Some(r) = b.on_time_month {
        let _ = write!(s, "rate:{}/{};", r.on_time, r.completed);
    }
    for (p, n) in &b.top_on_time {
        let _ = write!(s, "top:{}:{}:{n};", p.open_id, p.name);
    }
    // FNV-1a 64: stable across Rust versions (unlike `DefaultHasher`).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in s.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The period of a statistics query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Period {
    /// 本月.
    #[default]
    ThisMonth,
    /// 上月.
    LastMonth,
    /// 本季度.
    ThisQuarter,
}

impl Period {
    /// Every period, in the order the command lists them.
    pub const ALL: [Self; 3] = [Self::ThisMonth, Self::LastMonth, Self::ThisQuarter];

    /// 本月 / 上月 / 本季度.
    pub fn label(self) -> &'static str {
        match self {
            Self::ThisMonth => "本月",
            Self::LastMonth => "上月",
            Self::ThisQuarter => "本季度",
        }
    }

    /// The English word under `/task stats`: `month`, `last-month`, `quarter`.
    pub fn en(self) -> &'static str {
        match self {
            Self::ThisMonth => "month",
            Self::LastMonth => "last-month",
            Self::ThisQuarter => "quarter",
        }
    }

    /// The period named by a Chinese or English word.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.label() == word || p.en().eq_ignore_ascii_case(word))
    }

    /// `[start, end)` in Asia/Shanghai local time around `now`.
    pub fn range(self, now: Timestamp) -> (Timestamp, Timestamp) {
        let first = local(now).date().first_of_month();
        let month = |d: Date, n: i64| d.checked_add(jiff::Span::new().months(n)).unwrap_or(d);
        let (start, end) = match self {
            Self::ThisMonth => (first, month(first, 1)),
            Self::LastMonth => (month(first, -1), first),
            Self::ThisQuarter => {
                let back = i64::from((first.month() - 1) % 3);
                let q = month(first, -back);
                (q, month(q, 3))
            }
        };
        let ts = |d: Date| {
            SHANGHAI
                .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .unwrap_or(now)
        };
        (ts(start), ts(end))
    }
}

/// One 主办's figures for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonStats {
    /// The 主办.
    pub person: Person,
    /// Items completed (验收通过) in the period.
    pub completed: u32,
    /// Of those, completed by their deadline.
    pub on_time: u32,
    /// `on_time / completed`, 0–1; `None` when nothing was completed.
    pub on_time_rate: Option<f64>,
    /// Average working days late over the completed items (on-time items count 0).
    pub avg_delay_workdays: Option<f64>,
    /// Items overdue now.
    pub open_overdue: u32,
    /// Approved extensions on the items active in the period.
    pub extensions: u32,
    /// 被催办: manual 催办 plus the overdue chases (at the deadline and each overdue working
    /// day) on the items active in the period; the reminders before the deadline (签收, the day
    /// before, hours before) are routine and do not count.
    pub times_urged: u32,
}

/// Whether `it` was active in `[start, end)`: created before the end and not closed before the
/// start. (Extension and nudge counts are stored per item, not per date.)
fn active_in(it: &Item, start: Timestamp, end: Timestamp) -> bool {
    let closed_at = match it.status {
        Status::Done => it.completed_at,
        Status::Cancelled => Some(it.updated_at),
        Status::Pending | Status::InProgress | Status::Submitted => None,
    };
    it.created_at < end && closed_at.is_none_or(|c| c >= start)
}

/// Per-主办 statistics for `period` (only `person` when given), most completions first.
/// `overdue_chases` holds the overdue chases sent per item
/// (see [`crate::domain::schedule::overdue_chases`]).
pub fn stats(
    items: &[Item],
    overdue_chases: &HashMap<ItemId, u32>,
    period: Period,
    person: Option<&OpenId>,
    now: Timestamp,
    cal: &Calendar,
) -> Vec<PersonStats> {
    let (start, end) = period.range(now);
    let mut acc: BTreeMap<OpenId, (PersonStats, u32)> = BTreeMap::new();
    for it in items {
        if person.is_some_and(|p| *p != it.owner.open_id) {
            continue;
        }
        let done = completed_in(it, start, end);
        let overdue = it.is_overdue(now);
        if !done && !overdue && !active_in(it, start, end) {
            continue;
        }
        let (s, delay_sum) = acc.entry(it.owner.open_id.clone()).or_insert_with(|| {
            (
                PersonStats {
                    person: it.owner.clone(),
                    completed: 0,
                    on_time: 0,
                    on_time_rate: None,
                    avg_delay_workdays: None,
                    open_overdue: 0,
                    extensions: 0,
                    times_urged: 0,
                },
                0,
            )
        });
        if done {
            s.completed += 1;
            if on_time(it) {
                s.on_time += 1;
            } else if let Some(c) = it.completed_at {
                let late = cal
                    .count_between(local(it.deadline).date(), local(c).date(), DayRule::Working)
                    .unwrap_or(0);
                *delay_sum = delay_sum.saturating_add(late);
            }
        }
        if overdue {
            s.open_overdue += 1;
        }
        if active_in(it, start, end) {
            s.extensions = s.extensions.saturating_add(it.extension_count);
            let chased = overdue_chases.get(&it.id).copied().unwrap_or(0);
            s.times_urged = s
                .times_urged
                .saturating_add(it.nudge_count)
                .saturating_add(chased);
        }
    }
    let mut rows: Vec<PersonStats> = acc
        .into_values()
        .map(|(mut s, delay_sum)| {
            if s.completed > 0 {
                s.on_time_rate = Some(f64::from(s.on_time) / f64::from(s.completed));
                s.avg_delay_workdays = Some(f64::from(delay_sum) / f64::from(s.completed));
            }
            s
        })
        .collect();
    rows.sort_by(|a, b| {
        b.completed
            .cmp(&a.completed)
            .then(b.on_time.cmp(&a.on_time))
            .then(a.open_overdue.cmp(&b.open_overdue))
            .then_with(|| a.person.name.cmp(&b.person.name))
    });
    rows
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
