//! The reminder engine's data (pure): the policy, the rule kinds and their occurrence keys, the
//! per-item state, the planned reminder and the snooze choices.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{CalendarError, DayRule};
use crate::domain::ids::Person;
use crate::domain::item::Item;
use crate::domain::listed::listed;

/// The reminder rules of a deployment or group (issue 4 defaults).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReminderPolicy {
    /// 待签收 for this many working minutes → remind the 主办 (240 = 4 working hours).
    pub ack_within_work_minutes: u32,
    /// Local time on the working day before the deadline's day (10:00).
    pub day_before_at: (i8, i8),
    /// Hours before a deadline that has a clock time (2).
    pub hours_before: u32,
    /// Local time of the daily overdue reminder (10:00).
    pub overdue_daily_at: (i8, i8),
    /// From this overdue day the 督办人 is @-mentioned too (2).
    pub mention_creator_from_day: u32,
    /// From this overdue day the 主办 gets 加急 and the leaders a note (3).
    pub urgent_from_day: u32,
    /// 加急 also by SMS (paid quota; off).
    pub urgent_sms: bool,
    /// 加急 also by phone (paid quota; off).
    pub urgent_phone: bool,
    /// An extension request unanswered this many working days → remind the 督办人 (1).
    pub extension_unanswered_workdays: u32,
    /// Reminders start at this local time on working days (09:00).
    pub quiet_start: (i8, i8),
    /// Reminders stop at this local time (18:30, exclusive).
    pub quiet_end: (i8, i8),
    /// Which days are working days: State Council calendar or exchange trading days.
    pub day_rule: DayRule,
    /// How many times one item may be snoozed (3).
    pub snooze_cap: u32,
    /// Moved reminders are spread over this many minutes after `quiet_start` (10).
    pub spread_minutes: u32,
    /// The group's leaders, told about items overdue from `urgent_from_day`.
    pub leaders: Vec<Person>,
}

impl ReminderPolicy {
    /// Whether the times make sense: each a real time of day, the reminder window not empty,
    /// and the spread of moved reminders inside it.
    ///
    /// # Errors
    /// What is wrong, naming the setting.
    pub fn check(&self) -> Result<(), String> {
        let times = [
            ("day_before_at", self.day_before_at),
            ("overdue_daily_at", self.overdue_daily_at),
            ("quiet_start", self.quiet_start),
            ("quiet_end", self.quiet_end),
        ];
        for (name, (h, m)) in times {
            if !(0..24).contains(&h) || !(0..60).contains(&m) {
                return Err(format!("{name} [{h}, {m}] is not a time of day [hour, minute]"));
            }
        }
        let minutes = |(h, m): (i8, i8)| i32::from(h) * 60 + i32::from(m);
        let window = minutes(self.quiet_end) - minutes(self.quiet_start);
        if window <= 0 {
            return Err(format!(
                "quiet_start {:?} must come before quiet_end {:?}",
                self.quiet_start, self.quiet_end
            ));
        }
        if i64::from(self.spread_minutes) >= i64::from(window) {
            return Err(format!(
                "spread_minutes {} must be shorter than the nudging window ({window} minutes)",
                self.spread_minutes
            ));
        }
        Ok(())
    }
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

/// Which rule a reminder comes from.
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
    /// 进展征集: a meeting series asks the owner for progress before an occurrence (one
    /// [`ProgressAsk`] in [`NudgeState::asks`]).
    ProgressAsk {
        /// The series (`HYS-n`).
        series: u64,
        /// The occurrence (its nominal date).
        occurrence: Date,
    },
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
            Self::ProgressAsk { series, occurrence } => {
                format!("{id}:progress:HYS-{series}:{occurrence}")
            }
        }
    }

    /// Whether this is a step after the deadline (the item is overdue).
    pub(super) fn is_past_deadline(self) -> bool {
        matches!(self, Self::AtDeadline | Self::Overdue { .. })
    }
}

/// What the engine remembers per item between ticks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NudgeState {
    /// Keys of the reminders already sent.
    pub sent: BTreeSet<String>,
    /// 稍后提醒: nothing before this instant.
    pub snoozed_until: Option<Timestamp>,
    /// How often the item was snoozed.
    pub snooze_count: u32,
    /// 处理中: nothing more on this local day.
    pub working_on: Option<Date>,
    /// How many reminders were sent.
    pub auto_nudges: u32,
    /// When the last reminder was sent.
    pub last_sent_at: Option<Timestamp>,
    /// 进展征集 requests waiting to go with this item's reminders (removed once sent).
    pub asks: Vec<ProgressAsk>,
}

/// A meeting series' request for progress before one occurrence (进展征集), carried by one
/// open item of each owner on the pre-meeting card: the engine sends it like any reminder
/// (quiet hours, 稍后提醒, combined with the owner's other reminders of the round), once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressAsk {
    /// The series (`HYS-n`).
    pub series: u64,
    /// The occurrence (its nominal date).
    pub occurrence: Date,
    /// The series' name.
    pub name: String,
    /// When the meeting starts: a request not sent by then is dropped.
    pub meeting_at: Timestamp,
    /// When the request may go (the pre-meeting card's time; quiet hours move it).
    pub at: Timestamp,
    /// The owner's open items on the card, `DB-n 标题` each.
    pub items: Vec<String>,
}

impl ProgressAsk {
    /// Its rule.
    pub fn kind(&self) -> NudgeKind {
        NudgeKind::ProgressAsk {
            series: self.series,
            occurrence: self.occurrence,
        }
    }
}

/// One reminder to send now (serialisable: the outbox renders it at send time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedNudge {
    /// The rule.
    pub kind: NudgeKind,
    /// Its occurrence key (pass to [`mark_sent`](super::mark_sent) once sent).
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

listed! {
/// The 稍后提醒 choices on a reminder card.
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
}

impl SnoozeChoice {
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

/// A rule occurrence with its times: when the rule fires (`scheduled`) and when it is sent
/// (`at`, `moved` out of quiet hours or off a non-working day).
#[derive(Debug, Clone, Copy)]
pub(super) struct Occ {
    pub(super) kind: NudgeKind,
    pub(super) scheduled: Timestamp,
    pub(super) at: Timestamp,
    pub(super) moved: bool,
}
