//! The reminder policy (pure): which automatic nudges an item is due at `now`, and when the next
//! one falls.
//!
//! Three independent streams per open item:
//! - **签收**: still 待签收 `ack_within_work_minutes` working minutes after creation → 主办.
//! - **the deadline ladder**: 10:00 on the working day before the deadline's day, `hours_before`
//!   hours before a deadline with a clock time (主办 + 协办), the deadline itself, then every
//!   working day at 10:00 "已逾期N个工作日" (主办; from day 2 also the 督办人; from day 3 加急 and
//!   the group's leaders). Only the LATEST passed step is ever due, so after downtime one
//!   nudge is sent, not one per missed step.
//! - **延期申请**: a request unanswered for `extension_unanswered_workdays` working days → 督办人.
//!
//! Every nudge is identified by a key (item, rule, occurrence: the deadline it was computed
//! for, the overdue day, the request time) recorded in [`NudgeState::sent`], so nothing is sent
//! twice and an extended deadline re-arms the ladder. Quiet hours apply to everything: a time
//! outside `quiet_start`–`quiet_end` on a working day (per `day_rule`) moves to the next working
//! morning plus a per-item spread (never on :00 or :30). 稍后提醒 and 处理中 hold everything
//! back until the snooze ends / the next working morning. 待验收 items wait on the 督办人 and
//! are not chased; closed items never are.

use std::collections::BTreeSet;

use jiff::civil::{Date, Time};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::ids::{ItemId, Person};
use crate::domain::supervision::{DeadlineHint, Item, SHANGHAI, Status, format_datetime, local};

/// The reminder rules of a deployment or group (issue 4 defaults).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReminderPolicy {
    /// 待签收 for this many working minutes → nudge the 主办 (240 = 4 working hours).
    pub ack_within_work_minutes: u32,
    /// Local time on the working day before the deadline's day (10:00).
    pub day_before_at: (i8, i8),
    /// Hours before a deadline that has a clock time (2).
    pub hours_before: u32,
    /// Local time of the daily overdue nudge (10:00).
    pub overdue_daily_at: (i8, i8),
    /// From this overdue day the 督办人 is @-mentioned too (2).
    pub mention_creator_from_day: u32,
    /// From this overdue day the 主办 gets 加急 and the leaders a note (3).
    pub urgent_from_day: u32,
    /// 加急 also by SMS (paid quota; off).
    pub urgent_sms: bool,
    /// 加急 also by phone (paid quota; off).
    pub urgent_phone: bool,
    /// An extension request unanswered this many working days → nudge the 督办人 (1).
    pub extension_unanswered_workdays: u32,
    /// Nudges start at this local time on working days (09:00).
    pub quiet_start: (i8, i8),
    /// Nudges stop at this local time (18:30, exclusive).
    pub quiet_end: (i8, i8),
    /// Which days are working days: State Council calendar or exchange trading days.
    pub day_rule: DayRule,
    /// How many times one item may be snoozed (3).
    pub snooze_cap: u32,
    /// Moved nudges are spread over this many minutes after `quiet_start` (10).
    pub spread_minutes: u32,
    /// The group's leaders, told about items overdue from `urgent_from_day`.
    pub leaders: Vec<Person>,
}

impl Default for ReminderPolicy {
    fn default() -> Self {
        Self {
            ack_within_work_minutes: 240,
            day_before_at: (10, 0),
            hours_before: 2,
            overdue_daily_at: (10, 0),
            mention_creator_from_day: 2,
            urgent_from_day: 3,
            urgent_sms: false,
            urgent_phone: false,
            extension_unanswered_workdays: 1,
            quiet_start: (9, 0),
            quiet_end: (18, 30),
            day_rule: DayRule::Working,
            snooze_cap: 3,
            spread_minutes: 10,
            leaders: Vec::new(),
        }
    }
}

/// Which rule a nudge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NudgeKind {
    /// Not acknowledged in time.
    Unacknowledged,
    /// The working day before the deadline's day.
    DayBefore,
    /// `hours_before` before a deadline with a clock time.
    HoursBefore,
    /// The deadline has passed.
    AtDeadline,
    /// The `day`-th working day after the deadline's day.
    Overdue {
        /// 1-based working day after the deadline's date.
        day: u32,
    },
    /// An extension request waits on the 督办人.
    ExtensionPending,
}

impl NudgeKind {
    /// The stable occurrence key: item, rule and what the rule was computed for (the deadline
    /// in ms, the overdue day, the owner and creation time, the request time).
    pub fn key(&self, item: &Item) -> String {
        let id = item.id;
        let dl = item.deadline.as_millisecond();
        match self {
            Self::Unacknowledged => format!(
                "{id}:unack:{}:{}",
                item.owner.open_id,
                item.created_at.as_millisecond()
            ),
            Self::DayBefore => format!("{id}:day_before:{dl}"),
            Self::HoursBefore => format!("{id}:hours_before:{dl}"),
            Self::AtDeadline => format!("{id}:deadline:{dl}"),
            Self::Overdue { day } => format!("{id}:overdue:{dl}:{day}"),
            Self::ExtensionPending => {
                let at = item
                    .extension
                    .as_ref()
                    .map_or(0, |e| e.requested_at.as_millisecond());
                format!("{id}:extension:{at}")
            }
        }
    }

    /// Whether this is a step after the deadline (the item is overdue).
    fn is_past_deadline(self) -> bool {
        matches!(self, Self::AtDeadline | Self::Overdue { .. })
    }
}

/// What the engine remembers per item between ticks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NudgeState {
    /// Keys of the nudges already sent.
    pub sent: BTreeSet<String>,
    /// 稍后提醒: nothing before this instant.
    pub snoozed_until: Option<Timestamp>,
    /// How often the item was snoozed.
    pub snooze_count: u32,
    /// 处理中: nothing more on this local day.
    pub working_on: Option<Date>,
    /// How many automatic nudges were sent.
    pub auto_nudges: u32,
    /// When the last automatic nudge was sent.
    pub last_sent_at: Option<Timestamp>,
}

/// One nudge to send now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedNudge {
    /// The rule.
    pub kind: NudgeKind,
    /// Its occurrence key (pass to [`mark_sent`] once sent).
    pub key: String,
    /// When the rule wanted it.
    pub scheduled: Timestamp,
    /// When it may go out (after quiet hours, snooze and 处理中).
    pub at: Timestamp,
    /// Quiet hours moved it (the caller records that in the audit trail).
    pub moved: bool,
    /// Who to @-mention.
    pub mention: Vec<Person>,
    /// Who gets an urgent_app (加急).
    pub urgent: Vec<Person>,
    /// Whether the group's leaders ([`ReminderPolicy::leaders`]) get a note.
    pub notify_leaders: bool,
    /// The Chinese line, e.g. `已逾期2个工作日，请尽快办理`.
    pub text: String,
}

/// Why a snooze was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnoozeError {
    /// The per-item cap is reached.
    #[error("这项督办已经推迟提醒{cap}次，不能再推迟了；如需更多时间，请申请延期")]
    Capped {
        /// The cap.
        cap: u32,
    },
    /// The calendar cannot answer.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// The 稍后提醒 choices on a nudge card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SnoozeChoice {
    /// 1小时后.
    OneHour,
    /// 明天上午 (the next working morning if tomorrow is a day off).
    TomorrowMorning,
    /// 下个工作日 (its start).
    NextWorkday,
}

impl SnoozeChoice {
    /// Every choice, in button order.
    pub const ALL: [Self; 3] = [Self::OneHour, Self::TomorrowMorning, Self::NextWorkday];

    /// The callback value: `1h`, `tomorrow`, `next_workday`.
    pub fn key(self) -> &'static str {
        match self {
            Self::OneHour => "1h",
            Self::TomorrowMorning => "tomorrow",
            Self::NextWorkday => "next_workday",
        }
    }

    /// The inverse of [`Self::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The button text: 1小时 / 明天上午 / 下个工作日.
    pub fn label(self) -> &'static str {
        match self {
            Self::OneHour => "1小时",
            Self::TomorrowMorning => "明天上午",
            Self::NextWorkday => "下个工作日",
        }
    }
}

/// A rule occurrence with its times.
#[derive(Debug, Clone, Copy)]
struct Occ {
    kind: NudgeKind,
    scheduled: Timestamp,
    at: Timestamp,
    moved: bool,
}

fn hm(t: (i8, i8)) -> Time {
    Time::new(t.0.clamp(0, 23), t.1.clamp(0, 59), 0, 0).unwrap_or(Time::midnight())
}

fn instant(d: Date, t: Time) -> Result<Timestamp, CalendarError> {
    SHANGHAI
        .to_timestamp(d.to_datetime(t))
        .map_err(|_| CalendarError::NoData { year: d.year() })
}

fn plus(t: Timestamp, d: SignedDuration) -> Result<Timestamp, CalendarError> {
    t.checked_add(d).map_err(|_| CalendarError::NoData {
        year: local(t).date().year(),
    })
}

/// Whether `t` is inside nudging hours: `quiet_start` ≤ local time < `quiet_end` on a day that
/// counts under `p.day_rule`.
///
/// # Errors
/// [`CalendarError::NoData`] for a year without calendar data.
pub fn in_working_hours(t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<bool, CalendarError> {
    let dt = local(t);
    let time = dt.time();
    Ok(time >= hm(p.quiet_start) && time < hm(p.quiet_end) && cal.counts(dt.date(), p.day_rule)?)
}

/// The working morning of `day` for `item`: `quiet_start` plus 1..=`spread_minutes` minutes
/// (by item id), skipping :00 and :30.
fn morning(day: Date, item: ItemId, p: &ReminderPolicy) -> Result<Timestamp, CalendarError> {
    let spread = u64::from(p.spread_minutes.max(1));
    let mut minutes = 1 + (item.0 % spread);
    let start = day.to_datetime(hm(p.quiet_start));
    let mut dt = start;
    for _ in 0..3 {
        let m = i64::try_from(minutes).unwrap_or(1);
        dt = start
            .checked_add(SignedDuration::from_mins(m))
            .map_err(|_| CalendarError::NoData { year: day.year() })?;
        if dt.minute() != 0 && dt.minute() != 30 {
            break;
        }
        minutes += 1;
    }
    SHANGHAI
        .to_timestamp(dt)
        .map_err(|_| CalendarError::NoData { year: day.year() })
}

/// The first working day whose morning is at or after `t`'s moment (today if before
/// `quiet_start` on a working day, otherwise the next working day).
fn next_working_day(t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<Date, CalendarError> {
    let dt = local(t);
    let d = dt.date();
    if dt.time() < hm(p.quiet_start) && cal.counts(d, p.day_rule)? {
        Ok(d)
    } else {
        cal.nth_after(d, 1, p.day_rule)
    }
}

/// `t` if it is inside nudging hours; otherwise the next working morning at `quiet_start` plus a
/// spread of 1..=`spread_minutes` minutes chosen by `item` (never exactly :00 or :30), and `true`.
///
/// # Errors
/// [`CalendarError::NoData`] for a year without calendar data.
pub fn adjust_to_working_hours(
    t: Timestamp,
    item: ItemId,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<(Timestamp, bool), CalendarError> {
    if in_working_hours(t, p, cal)? {
        return Ok((t, false));
    }
    let day = next_working_day(t, p, cal)?;
    Ok((morning(day, item, p)?, true))
}

/// `start` plus `minutes` minutes counted only inside nudging hours on working days.
fn add_work_minutes(
    start: Timestamp,
    minutes: u32,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Timestamp, CalendarError> {
    let mut left = SignedDuration::from_mins(i64::from(minutes));
    let mut t = start;
    let mut day = local(start).date();
    loop {
        if cal.counts(day, p.day_rule)? {
            let open = instant(day, hm(p.quiet_start))?;
            let close = instant(day, hm(p.quiet_end))?;
            let from = t.max(open);
            if from < close {
                let avail = from.duration_until(close);
                if left <= avail {
                    return plus(from, left);
                }
                left -= avail;
            }
        }
        day = day
            .tomorrow()
            .map_err(|_| CalendarError::NoData { year: day.year() })?;
        t = instant(day, Time::midnight())?;
    }
}

fn occ(
    kind: NudgeKind,
    scheduled: Timestamp,
    item: &Item,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Occ, CalendarError> {
    let (at, moved) = adjust_to_working_hours(scheduled, item.id, p, cal)?;
    Ok(Occ {
        kind,
        scheduled,
        at,
        moved,
    })
}

/// Whether the owner is being chased at all (待签收 or 进行中).
fn chased(item: &Item) -> bool {
    matches!(item.status, Status::Pending | Status::InProgress)
}

fn unack_occ(item: &Item, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Occ>, CalendarError> {
    if item.status != Status::Pending {
        return Ok(None);
    }
    let when = add_work_minutes(item.created_at, p.ack_within_work_minutes, p, cal)?;
    occ(NudgeKind::Unacknowledged, when, item, p, cal).map(Some)
}

fn extension_occ(item: &Item, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Occ>, CalendarError> {
    let Some(ext) = item.extension.as_ref().filter(|_| chased(item)) else {
        return Ok(None);
    };
    let day_len = hm(p.quiet_start).duration_until(hm(p.quiet_end)).as_mins().max(0);
    let total = u32::try_from(day_len)
        .unwrap_or(0)
        .saturating_mul(p.extension_unanswered_workdays);
    let when = add_work_minutes(ext.requested_at, total, p, cal)?;
    occ(NudgeKind::ExtensionPending, when, item, p, cal).map(Some)
}

/// DayBefore, HoursBefore and AtDeadline, those that apply, in ladder order.
fn fixed_steps(item: &Item, p: &ReminderPolicy, cal: &Calendar) -> Result<Vec<Occ>, CalendarError> {
    let mut out = Vec::new();
    let d = local(item.deadline).date();
    if let Ok(before) = d.yesterday() {
        let prev = cal.last_on_or_before(before, p.day_rule)?;
        let when = instant(prev, hm(p.day_before_at))?;
        let o = occ(NudgeKind::DayBefore, when, item, p, cal)?;
        if when > item.created_at && o.at < item.deadline {
            out.push(o);
        }
    }
    if item.deadline_has_time && p.hours_before > 0 {
        let when = plus(item.deadline, -SignedDuration::from_hours(i64::from(p.hours_before)))?;
        let o = occ(NudgeKind::HoursBefore, when, item, p, cal)?;
        if when > item.created_at && o.at < item.deadline {
            out.push(o);
        }
    }
    out.push(occ(NudgeKind::AtDeadline, item.deadline, item, p, cal)?);
    Ok(out)
}

fn overdue_occ(item: &Item, day: u32, p: &ReminderPolicy, cal: &Calendar) -> Result<Occ, CalendarError> {
    let d = cal.nth_after(local(item.deadline).date(), day, p.day_rule)?;
    let when = instant(d, hm(p.overdue_daily_at))?;
    occ(NudgeKind::Overdue { day }, when, item, p, cal)
}

/// Overdue days already started at `t` (counting days in `(deadline date, t's date]`).
fn overdue_days(item: &Item, t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<u32, CalendarError> {
    let d = local(item.deadline).date();
    let today = local(t).date();
    if today <= d {
        return Ok(0);
    }
    cal.count_between(d, today, p.day_rule)
}

/// The latest ladder step whose time is ≤ `t`.
fn latest_step(item: &Item, t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Occ>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let n = overdue_days(item, t, p, cal)?;
    for day in [n, n.saturating_sub(1)] {
        if day >= 1 {
            let o = overdue_occ(item, day, p, cal)?;
            if o.at <= t {
                return Ok(Some(o));
            }
        }
    }
    let steps = fixed_steps(item, p, cal)?;
    Ok(steps.into_iter().rev().find(|o| o.at <= t))
}

/// The earliest ladder step whose time is > `t`.
fn next_step(item: &Item, t: Timestamp, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Timestamp>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let mut times: Vec<Timestamp> = fixed_steps(item, p, cal)?.iter().map(|o| o.at).collect();
    let n = overdue_days(item, t, p, cal)?;
    for day in [n, n.saturating_add(1)] {
        if day >= 1 {
            times.push(overdue_occ(item, day, p, cal)?.at);
        }
    }
    Ok(times.into_iter().filter(|at| *at > t).min())
}

/// Snooze and 处理中: nothing goes out before this instant (always inside nudging hours).
fn resume_at(item: &Item, state: &NudgeState, p: &ReminderPolicy, cal: &Calendar) -> Result<Option<Timestamp>, CalendarError> {
    let mut resume = None;
    if let Some(s) = state.snoozed_until {
        resume = Some(adjust_to_working_hours(s, item.id, p, cal)?.0);
    }
    if let Some(d) = state.working_on {
        let next = morning(cal.nth_after(d, 1, p.day_rule)?, item.id, p)?;
        resume = resume.max(Some(next));
    }
    Ok(resume)
}

/// Every nudge due at `now` whose key is not in `state.sent`, collapsed per item: of the
/// deadline ladder only the latest passed step (after downtime: the latest overdue day), the
/// 签收 reminder only while the item is not yet overdue, and the extension reminder. Nothing
/// before a snooze ends (what it held back comes out then); on a 处理中 day nothing, and what
/// fell on that day is dropped, not delayed. Nothing for 待验收, done or cancelled items.
///
/// # Errors
/// [`CalendarError::NoData`] when a rule needs a year without calendar data.
pub fn due_now(
    item: &Item,
    state: &NudgeState,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Vec<PlannedNudge>, CalendarError> {
    if !chased(item) {
        return Ok(Vec::new());
    }
    let resume = resume_at(item, state, p, cal)?;
    if resume.is_some_and(|r| now < r) {
        return Ok(Vec::new());
    }
    // 处理中 drops (rather than delays) whatever fell on that day.
    let fresh = |o: &Occ| o.at <= now && state.working_on.is_none_or(|d| local(o.at).date() > d);
    let step = latest_step(item, now, p, cal)?;
    let overdue = step.is_some_and(|o| o.kind.is_past_deadline());
    let mut due: Vec<Occ> = Vec::new();
    if let Some(u) = unack_occ(item, p, cal)?.filter(|u| fresh(u) && !overdue) {
        due.push(u);
    }
    due.extend(step.filter(|o| fresh(o)));
    if let Some(e) = extension_occ(item, p, cal)?.filter(|e| fresh(e)) {
        due.push(e);
    }
    let mut out = Vec::new();
    for o in due {
        let key = o.kind.key(item);
        if !state.sent.contains(&key) {
            out.push(plan(item, o, key, resume, p, cal));
        }
    }
    Ok(out)
}

/// The earliest instant after `now` at which [`due_now`] returns a nudge that it does not
/// return at `now` and that is not in `state.sent` (always inside nudging hours); `None` when
/// nothing more will come (closed or 待验收 items). The engine keys its due-index on this and
/// recomputes it whenever the item or its state changes.
///
/// # Errors
/// [`CalendarError::NoData`] when a rule needs a year without calendar data.
pub fn next_fire(
    item: &Item,
    state: &NudgeState,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Option<Timestamp>, CalendarError> {
    if !chased(item) {
        return Ok(None);
    }
    let already: BTreeSet<String> = due_now(item, state, now, p, cal)?
        .into_iter()
        .map(|n| n.key)
        .collect();
    let resume = resume_at(item, state, p, cal)?;
    let mut fixed: Vec<Timestamp> = Vec::new();
    fixed.extend(unack_occ(item, p, cal)?.map(|o| o.at));
    fixed.extend(extension_occ(item, p, cal)?.map(|o| o.at));
    fixed.extend(resume);
    let mut cursor = now;
    // Each round moves past one candidate; keys already sent (a clock that jumped back) are
    // skipped. The bound only guards against a pathological state.
    for _ in 0..1000 {
        let ladder = next_step(item, cursor, p, cal)?;
        let Some(candidate) = fixed.iter().copied().filter(|t| *t > cursor).chain(ladder).min() else {
            return Ok(None);
        };
        let at = resume.map_or(candidate, |r| r.max(candidate));
        if at > now {
            let fresh = due_now(item, state, at, p, cal)?
                .into_iter()
                .any(|n| !already.contains(&n.key));
            if fresh {
                return Ok(Some(at));
            }
        }
        cursor = candidate;
    }
    Ok(None)
}

/// Records `sent` as sent at `now`.
pub fn mark_sent(state: &mut NudgeState, sent: &[PlannedNudge], now: Timestamp) {
    for n in sent {
        if state.sent.insert(n.key.clone()) {
            state.auto_nudges = state.auto_nudges.saturating_add(1);
        }
    }
    if !sent.is_empty() {
        state.last_sent_at = Some(now);
    }
}

/// 稍后提醒: holds every nudge of the item back until the returned instant (inside nudging
/// hours).
///
/// # Errors
/// [`SnoozeError::Capped`] once the item was snoozed `snooze_cap` times;
/// [`SnoozeError::Calendar`] for a year without data.
pub fn snooze(
    state: &mut NudgeState,
    choice: SnoozeChoice,
    now: Timestamp,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> Result<Timestamp, SnoozeError> {
    if state.snooze_count >= p.snooze_cap {
        return Err(SnoozeError::Capped { cap: p.snooze_cap });
    }
    let today = local(now).date();
    let start = hm(p.quiet_start);
    let wanted = match choice {
        SnoozeChoice::OneHour => plus(now, SignedDuration::from_hours(1))?,
        SnoozeChoice::TomorrowMorning => {
            let tomorrow = today
                .tomorrow()
                .map_err(|_| CalendarError::NoData { year: today.year() })?;
            instant(tomorrow, start)?
        }
        SnoozeChoice::NextWorkday => instant(cal.nth_after(today, 1, p.day_rule)?, start)?,
    };
    let until = if in_working_hours(wanted, p, cal)? {
        wanted
    } else {
        instant(next_working_day(wanted, p, cal)?, start)?
    };
    state.snoozed_until = Some(until);
    state.snooze_count = state.snooze_count.saturating_add(1);
    Ok(until)
}

/// 处理中: no more nudges for the item on `now`'s local day.
pub fn mark_working(state: &mut NudgeState, now: Timestamp) {
    state.working_on = Some(local(now).date());
}

fn push_unique(list: &mut Vec<Person>, p: &Person) {
    if !list.iter().any(|q| q.open_id == p.open_id) {
        list.push(p.clone());
    }
}

fn plan(
    item: &Item,
    o: Occ,
    key: String,
    resume: Option<Timestamp>,
    p: &ReminderPolicy,
    cal: &Calendar,
) -> PlannedNudge {
    let at = resume.map_or(o.at, |r| r.max(o.at));
    let due = format_datetime(item.deadline, at);
    let mut mention = Vec::new();
    let mut urgent = Vec::new();
    let mut notify_leaders = false;
    let text = match o.kind {
        NudgeKind::Unacknowledged => {
            push_unique(&mut mention, &item.owner);
            let m = p.ack_within_work_minutes;
            let span = if m % 60 == 0 {
                format!("{}个工作小时", m / 60)
            } else {
                format!("{m}个工作分钟")
            };
            format!("派发已超过{span}，还没有签收，请尽快签收")
        }
        NudgeKind::DayBefore | NudgeKind::HoursBefore => {
            push_unique(&mut mention, &item.owner);
            for a in &item.assistants {
                push_unique(&mut mention, a);
            }
            match DeadlineHint::compute(item.deadline, at, cal) {
                DeadlineHint::DueTomorrow => format!("明天截止（{due}），请抓紧办理"),
                hint => format!("{hint}（{due}截止），请抓紧办理"),
            }
        }
        NudgeKind::AtDeadline => {
            push_unique(&mut mention, &item.owner);
            format!("已到截止时间（{due}），事项还没有完成，请尽快办理；如需更多时间请申请延期")
        }
        NudgeKind::Overdue { day } => {
            push_unique(&mut mention, &item.owner);
            if day >= p.mention_creator_from_day {
                push_unique(&mut mention, &item.creator);
            }
            if day >= p.urgent_from_day {
                urgent.push(item.owner.clone());
                notify_leaders = !p.leaders.is_empty();
            }
            format!("已逾期{day}个{}，请尽快办理；如需更多时间请申请延期", p.day_rule)
        }
        NudgeKind::ExtensionPending => {
            push_unique(&mut mention, &item.creator);
            let (who, until) = item.extension.as_ref().map_or_else(
                || (item.owner.name.clone(), due.clone()),
                |e| (e.requested_by.name.clone(), format_datetime(e.deadline, at)),
            );
            format!(
                "{who}申请延期至{until}，已等待超过{}个{}，请督办人批准或拒绝",
                p.extension_unanswered_workdays, p.day_rule
            )
        }
    };
    PlannedNudge {
        kind: o.kind,
        key,
        scheduled: o.scheduled,
        at,
        moved: o.moved,
        mention,
        urgent,
        notify_leaders,
        text,
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
