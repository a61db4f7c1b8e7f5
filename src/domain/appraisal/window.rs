//! The period of a 考评 pack: 本月 / 上月 / 本季度 (read exactly as 统计 reads them, through
//! [`Period::parse`]) and 上季度 / 今年.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::domain::board::Period;
use crate::domain::time::{SHANGHAI, local};

/// The period of a 考评 pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Window {
    /// 本月 / 上月 / 本季度, as 统计 reads them.
    Stats(Period),
    /// 上季度.
    LastQuarter,
    /// 今年.
    ThisYear,
}

impl Default for Window {
    fn default() -> Self {
        Self::Stats(Period::ThisQuarter)
    }
}

impl Window {
    /// The words shown in examples.
    pub const WORDS: &'static str = "本月/上月/本季度/上季度/今年";

    /// Reads 本月 / 上月 / 本季度 (and their English words, as 统计 does), 上季度
    /// (`last-quarter`) and 今年 (`year`).
    pub fn parse(word: &str) -> Option<Self> {
        if let Some(p) = Period::parse(word) {
            return Some(Self::Stats(p));
        }
        match word {
            "上季度" => Some(Self::LastQuarter),
            "今年" | "本年" | "本年度" => Some(Self::ThisYear),
            _ if word.eq_ignore_ascii_case("last-quarter") => Some(Self::LastQuarter),
            _ if word.eq_ignore_ascii_case("year") => Some(Self::ThisYear),
            _ => None,
        }
    }

    /// 本月 / 上月 / 本季度 / 上季度 / 今年.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stats(p) => p.label(),
            Self::LastQuarter => "上季度",
            Self::ThisYear => "今年",
        }
    }

    /// `[start, end)` in Asia/Shanghai local time around `now`.
    pub fn range(self, now: Timestamp) -> (Timestamp, Timestamp) {
        let ts = |d: Date| {
            SHANGHAI
                .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .unwrap_or(now)
        };
        match self {
            Self::Stats(p) => p.range(now),
            Self::LastQuarter => {
                let (start, _) = Period::ThisQuarter.range(now);
                let first = local(start).date();
                let back = first.checked_sub(jiff::Span::new().months(3)).unwrap_or(first);
                (ts(back), start)
            }
            Self::ThisYear => {
                let year = local(now).date().year();
                let first = Date::new(year, 1, 1).unwrap_or_else(|_| local(now).date());
                let next = Date::new(year.saturating_add(1), 1, 1).unwrap_or(first);
                (ts(first), ts(next))
            }
        }
    }

    /// The period as a heading: `2026年第一季度`, `2026年3月`, `2026年`.
    pub fn title(self, now: Timestamp) -> String {
        let (start, _) = self.range(now);
        let d = local(start).date();
        match self {
            Self::Stats(p) if p != Period::ThisQuarter => format!("{}年{}月", d.year(), d.month()),
            Self::Stats(_) | Self::LastQuarter => {
                let q = ["一", "二", "三", "四"]
                    .get(usize::try_from((d.month() - 1) / 3).unwrap_or(0))
                    .copied()
                    .unwrap_or("一");
                format!("{}年第{q}季度", d.year())
            }
            Self::ThisYear => format!("{}年", d.year()),
        }
    }
}
