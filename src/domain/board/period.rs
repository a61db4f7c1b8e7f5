//! The period of a statistics query (本月 / 上月 / 本季度) and its local-time range.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::listed::listed;
use crate::domain::time::{SHANGHAI, local};

listed! {
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
}

impl Period {
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
