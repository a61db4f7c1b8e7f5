//! The weekly 晾晒 board of one group: totals, overdue ranking, due this week, this month's
//! on-time rate and ranking, and the fingerprint that skips an unchanged post.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::calendar::Calendar;
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::domain::item::Item;
use crate::domain::status::Status;
use crate::domain::time::local;

use super::on_time::{completed_in, count, on_time};
use super::period::Period;

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

/// Whether a group with `items` is owed the weekly board whose time was `slot`: only if it had
/// an item by then. A group whose first item came later gets its first weekly board the week
/// after — the same whenever the scheduler looks (at the slot, or only after a restart or a
/// slow first round), so a group created mid-week is never sent a "weekly" board that day.
pub fn owed_weekly(items: &[Item], slot: Timestamp) -> bool {
    items.iter().any(|it| it.created_at <= slot)
}

fn sunday_of(d: Date) -> Date {
    let ahead = 7 - d.weekday().to_monday_one_offset();
    d.checked_add(jiff::Span::new().days(ahead)).unwrap_or(d)
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
