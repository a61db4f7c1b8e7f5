//! Why a text is not an acceptable deadline (every message is user-facing Chinese), and the
//! examples the messages suggest.

/// Short valid examples, suggested in error messages.
pub const EXAMPLES: &[&str] = &[
    "下周五前",
    "3个工作日内",
    "12月5日 18:00",
    "月底",
    "明天下午3点",
    "节后第一个工作日",
    "2小时内",
];

/// Why a text is not an acceptable deadline. Every message is user-facing Chinese.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// The text contains no time expression (or more than one: leftover text).
    #[error("没有看懂“{input}”里的截止时间。可以这样写：{}", examples())]
    NotATime {
        /// The text as typed.
        input: String,
    },
    /// A vague word with no date (尽快, 改天, 有空).
    #[error("“{input}”不是一个明确的截止时间，请写具体的日期或期限，例如：{}", examples())]
    Vague {
        /// The text as typed.
        input: String,
    },
    /// Recognised, but it can mean more than one time.
    #[error("“{input}”有歧义：{hint}。也可以这样写：{}", examples())]
    Ambiguous {
        /// The text as typed.
        input: String,
        /// What to write instead.
        hint: &'static str,
    },
    /// A month outside 1–12 (13月).
    #[error("“{input}”不是有效日期：没有{month}月，月份只能是1到12")]
    NoSuchMonth {
        /// The text as typed.
        input: String,
        /// The month written.
        month: i64,
    },
    /// A day the month does not have (2月30日, 4月31日, 2027年2月29日).
    #[error("“{input}”不是有效日期：{year}年{month}月只有{days}天")]
    NoSuchDay {
        /// The text as typed.
        input: String,
        /// The year the date would fall in.
        year: i16,
        /// The month.
        month: i8,
        /// How many days that month has.
        days: i8,
    },
    /// A day of the month outside 1–31 (32日).
    #[error("“{input}”不是有效日期：没有{day}号，一个月最多31天")]
    NoSuchDayOfMonth {
        /// The text as typed.
        input: String,
        /// The day written.
        day: i64,
    },
    /// An impossible clock time (25点, 18:60) or one that contradicts its part of day (上午15点).
    #[error(
        "“{input}”不是有效时间：小时应在0到23之间、分钟应在0到59之间，并与上午/下午相符，例如“下午3点”或“15:30”"
    )]
    NoSuchTime {
        /// The text as typed.
        input: String,
    },
    /// Not a weekday (星期八).
    #[error("“{input}”不是有效的星期：只有周一到周日（周日也可写作周天、星期天）")]
    NoSuchWeekday {
        /// The text as typed.
        input: String,
    },
    /// A weekday annotation that contradicts the date (12月3日（周五）).
    #[error("“{input}”前后矛盾：{}年{}月{}日是{weekday}，请核对日期或星期", .date.year(), .date.month(), .date.day())]
    WeekdayMismatch {
        /// The text as typed.
        input: String,
        /// The date written.
        date: jiff::civil::Date,
        /// Its real weekday (周一…周日).
        weekday: &'static str,
    },
    /// The deadline is not later than now (C8).
    #[error("“{input}”已经过去了，请给一个将来的截止时间")]
    Past {
        /// The text as typed.
        input: String,
    },
    /// A month-day without a year that passed recently (within
    /// [`RECENT_PAST_DAYS`](super::RECENT_PAST_DAYS) days): probably a slip, so neither moved to next year nor guessed.
    #[error("“{input}”已经过去了。如果指的是明年，请写明年份，如“{example}”；否则请换一个将来的日期")]
    RecentPast {
        /// The text as typed.
        input: String,
        /// The same month-day next year (`2027年3月14日`).
        example: String,
    },
    /// A count of zero or too large to compute (0个工作日, 99999天).
    #[error("“{input}”超出了能计算的范围，请给一个一百年以内的将来时间")]
    OutOfRange {
        /// The text as typed.
        input: String,
    },
    /// The deadline needs working days of a year whose holiday calendar is not loaded (C11).
    #[error(
        "“{input}”需要按{year}年的节假日安排计算，但该年的日历尚未载入；请改用具体日期，或请管理员补充日历数据"
    )]
    NoCalendar {
        /// The text as typed.
        input: String,
        /// The year without data.
        year: i16,
    },
}

impl DeadlineError {
    /// True only when the text contains no time expression at all, so that a command parser may
    /// treat the word as part of a title. Impossible, vague, ambiguous, contradictory and past
    /// deadlines, and missing calendar years, are recognised and refused: they return false.
    pub fn is_not_a_time(&self) -> bool {
        matches!(self, Self::NotATime { .. })
    }
}

fn examples() -> String {
    EXAMPLES
        .iter()
        .map(|e| format!("“{e}”"))
        .collect::<Vec<_>>()
        .join("、")
}
