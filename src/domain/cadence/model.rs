//! The cadence values and their errors (pure), apart from the reading ([`super::parse`]) and
//! the calendar arithmetic ([`super`]) so neither imports the other.

use jiff::civil::{Time, Weekday};

/// How often something recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cadence {
    /// 每周X (or 每周: no day, the period is a week and an occurrence is its first working day).
    Weekly {
        /// The day; `None` for plain 每周.
        #[serde(with = "opt_weekday")]
        weekday: Option<Weekday>,
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每两周X, counted from the anchor's week (the anchor's weekday when no day was typed).
    Biweekly {
        /// The day; `None` takes the anchor's weekday.
        #[serde(with = "opt_weekday")]
        weekday: Option<Weekday>,
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每个工作日.
    EveryWorkingDay {
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每个交易日 (SSE/SZSE/BSE trading days).
    EveryTradingDay {
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每月第N个工作日 (the month's last working day if it has fewer).
    MonthNthWorkingDay {
        /// N, 1–20.
        n: u8,
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每月最后一个工作日.
    MonthLastWorkingDay {
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每月N日 (the month's last day in shorter months), moved to the next working day.
    MonthDay {
        /// N, 1–31.
        day: u8,
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
    /// 每季度末: the last working day of March, June, September and December.
    QuarterEnd {
        /// The time of day, if one was typed.
        time: Option<Time>,
    },
}

/// Why a cadence cannot be read: a plain-Chinese message and an example to copy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}。可以这样写：{example}")]
pub struct CadenceError {
    /// What is wrong, in Chinese.
    pub message: String,
    /// Cadences that are understood.
    pub example: &'static str,
}

/// The cadences duban understands, as shown in every error.
pub const EXAMPLES: &str = "每周一 9:30、每两周三 14:00、每个工作日 9:00、每个交易日 9:15、每月第一个工作日 10:00、每月最后一个工作日、每月15号、每季度末";

impl CadenceError {
    pub(super) fn empty() -> Self {
        Self {
            message: "没有写周期".to_owned(),
            example: EXAMPLES,
        }
    }

    pub(super) fn unreadable(input: &str) -> Self {
        Self {
            message: format!("看不懂周期“{input}”"),
            example: EXAMPLES,
        }
    }

    pub(super) fn out_of_range(message: &str) -> Self {
        Self {
            message: message.to_owned(),
            example: EXAMPLES,
        }
    }
}

/// A weekday stored as its number, 1 (Monday) … 7 (Sunday).
mod opt_weekday {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[allow(clippy::ref_option)]
    pub(super) fn serialize<S: Serializer>(wd: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
        wd.map(Weekday::to_monday_one_offset).serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Weekday>, D::Error> {
        Option::<i8>::deserialize(d)?
            .map(|n| Weekday::from_monday_one_offset(n).map_err(serde::de::Error::custom))
            .transpose()
    }
}
