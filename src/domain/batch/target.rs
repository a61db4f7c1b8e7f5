//! Numeric targets of a 下达 (`指标：≥30户`, `100%`, `500万元`) and the values units report
//! against them (`/督办 汇报 DB-m 35`).
//!
//! Proposed attachment to an item (not yet made: `domain/supervision.rs` belongs to another
//! change): two fields on `Item`,
//! `#[serde(default, skip_serializing_if = "Option::is_none")] pub target: Option<Target>` and
//! `#[serde(default, skip_serializing_if = "Option::is_none")] pub report: Option<Report>`,
//! so that items without them keep their stored bytes. The batch keeps the target too, so the
//! roll-up reads it from one place ([`super::rollup`]).

use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::Person;

/// A non-negative decimal with four places (ten-thousandths), exact and `Eq` (stored as an
/// integer, shown without trailing zeros).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Amount(pub i64);

const SCALE: i64 = 10_000;

impl Amount {
    /// A whole number.
    pub fn whole(n: i64) -> Self {
        Self(n.saturating_mul(SCALE))
    }

    /// Parses `30`, `1,000`, `85.5` (full-width digits accepted); at most four decimals.
    pub fn parse(s: &str) -> Option<Self> {
        let t: String = normalise(s).chars().filter(|c| *c != ',').collect();
        let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
        if int.is_empty() && frac.is_empty()
            || !int.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
            || frac.len() > 4
        {
            return None;
        }
        let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let mut f: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
        for _ in frac.len()..4 {
            f *= 10;
        }
        whole.checked_mul(SCALE)?.checked_add(f).map(Self)
    }

    /// `self × 100 / of`, rounded (`None` when `of` is zero).
    pub fn percent_of(self, of: Self) -> Option<u32> {
        if of.0 <= 0 {
            return None;
        }
        let p = (i128::from(self.0) * 100 + i128::from(of.0) / 2) / i128::from(of.0);
        u32::try_from(p.max(0)).ok()
    }

    /// Saturating sum.
    pub fn plus(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }

    /// `self × n`, saturating.
    pub fn times(self, n: u32) -> Self {
        Self(self.0.saturating_mul(i64::from(n)))
    }

    /// `self / n`, rounded to four places (`self` when `n` is zero).
    pub fn divided_by(self, n: u32) -> Self {
        if n == 0 {
            return self;
        }
        let n = i64::from(n);
        Self((self.0 + n / 2) / n)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (int, frac) = (self.0 / SCALE, (self.0 % SCALE).abs());
        if frac == 0 {
            return write!(f, "{int}");
        }
        let digits = format!("{frac:04}");
        write!(f, "{int}.{}", digits.trim_end_matches('0'))
    }
}

/// Full-width digits, point, percent and comparison signs folded to ASCII; spaces removed.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c),
            '．' | '。' => '.',
            '，' => ',',
            '％' => '%',
            '＞' => '>',
            '＜' => '<',
            '＝' => '=',
            other => other,
        })
        .collect()
}

/// Which way a target points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    /// ≥ (the default: a number to reach).
    AtLeast,
    /// ≤ (a ceiling, e.g. 差错 ≤ 2笔).
    AtMost,
}

/// A numeric target: `≥30户`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Target {
    /// ≥ or ≤.
    pub cmp: Cmp,
    /// The number.
    pub value: Amount,
    /// What is counted: 户, %, 万元, 笔 … (may be empty).
    #[serde(default)]
    pub unit: String,
}

/// Why a target or a reported value was not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// Not a number with a unit.
    #[error("没看懂指标“{text}”，请写成数字加单位，例如：≥30户、100%、500万元")]
    Unreadable {
        /// What was typed.
        text: String,
    },
    /// A target of zero.
    #[error("指标需要大于0")]
    Zero,
    /// A reported value that is not a number.
    #[error("没看懂汇报的数值“{text}”，请写成数字，例如：/督办 汇报 DB-12 35{unit} 本周新增5户")]
    BadReport {
        /// What was typed.
        text: String,
        /// The target's unit, for the example.
        unit: String,
    },
    /// A reported value in another unit than the target's.
    #[error("指标的单位是“{expected}”，汇报的是“{got}”，请按“{expected}”汇报")]
    OtherUnit {
        /// The target's unit.
        expected: String,
        /// The report's.
        got: String,
    },
    /// The item has no numeric target.
    #[error("这个事项没有数值指标，不需要汇报数值；汇报进展请用：/督办 进展 DB-12 说明")]
    NoTarget,
    /// Someone other than the item's 主办, 协办 or an admin.
    #[error("只有主办（{owner}）、协办或管理员可以汇报数值")]
    Forbidden {
        /// The 主办's name.
        owner: String,
    },
}

/// A number then a unit: (amount, unit), or `None`.
fn number_and_unit(s: &str) -> Option<(Amount, String)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(s.len(), |(i, _)| i);
    let (num, unit) = s.split_at(end);
    let amount = Amount::parse(num)?;
    let unit = unit.trim();
    if unit.chars().count() > 8 || unit.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((amount, unit.to_owned()))
}

impl Target {
    /// Parses `≥30户`, `>=30户`, `不少于30户`, `至少30户`, `30户以上`, `30户` (≥ by default),
    /// `100%`, `≤2笔`, `不超过2笔`, `2笔以内`; full-width forms and spaces accepted.
    ///
    /// # Errors
    /// [`TargetError::Unreadable`] or [`TargetError::Zero`].
    pub fn parse(text: &str) -> Result<Self, TargetError> {
        let unreadable = || TargetError::Unreadable {
            text: text.trim().to_owned(),
        };
        let t = normalise(text);
        let mut cmp = None;
        let mut rest = t.as_str();
        for (words, c) in [
            (
                &["≥", ">=", ">", "不少于", "不低于", "至少", "达到"][..],
                Cmp::AtLeast,
            ),
            (
                &["≤", "<=", "<", "不超过", "不高于", "至多", "最多"][..],
                Cmp::AtMost,
            ),
        ] {
            if let Some(r) = words.iter().find_map(|w| rest.strip_prefix(w)) {
                rest = r;
                cmp = Some(c);
                break;
            }
        }
        if cmp.is_none() {
            if let Some(r) = rest.strip_suffix("以上") {
                (rest, cmp) = (r, Some(Cmp::AtLeast));
            } else if let Some(r) = rest.strip_suffix("以内").or_else(|| rest.strip_suffix("以下")) {
                (rest, cmp) = (r, Some(Cmp::AtMost));
            }
        }
        let (value, unit) = number_and_unit(rest).ok_or_else(unreadable)?;
        if value.0 <= 0 {
            return Err(TargetError::Zero);
        }
        Ok(Self {
            cmp: cmp.unwrap_or(Cmp::AtLeast),
            value,
            unit,
        })
    }

    /// Whether units are averaged (a percentage) rather than summed (户, 万元 …).
    pub fn is_rate(&self) -> bool {
        self.unit == "%"
    }

    /// How far `value` goes towards the target.
    pub fn attainment(&self, value: Amount) -> Attainment {
        match self.cmp {
            Cmp::AtLeast => Attainment {
                percent: value.percent_of(self.value),
                met: value >= self.value,
            },
            Cmp::AtMost => Attainment {
                percent: None,
                met: value <= self.value,
            },
        }
    }

    /// A reported value: `35`, `35户`, `85.5%`. A unit, when given, must be the target's.
    ///
    /// # Errors
    /// [`TargetError::BadReport`] or [`TargetError::OtherUnit`].
    pub fn read_report(&self, text: &str) -> Result<Amount, TargetError> {
        let (value, unit) = number_and_unit(&normalise(text)).ok_or_else(|| TargetError::BadReport {
            text: text.trim().to_owned(),
            unit: self.unit.clone(),
        })?;
        if !unit.is_empty() && unit != self.unit {
            return Err(TargetError::OtherUnit {
                expected: self.unit.clone(),
                got: unit,
            });
        }
        Ok(value)
    }

    /// `35户`: an amount in this target's unit.
    pub fn show(&self, value: Amount) -> String {
        format!("{value}{}", self.unit)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.cmp {
            Cmp::AtLeast => "≥",
            Cmp::AtMost => "≤",
        };
        write!(f, "{sign}{}{}", self.value, self.unit)
    }
}

/// How far a reported value goes towards a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attainment {
    /// Reported / target in percent, rounded (≥ targets only).
    pub percent: Option<u32>,
    /// Whether the target is met.
    pub met: bool,
}

/// A value reported against an item's target (the latest one is kept on the item; each one is
/// also an audit record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The value.
    pub value: Amount,
    /// 说明.
    #[serde(default)]
    pub note: Option<String>,
    /// Who reported.
    pub by: Person,
    /// When.
    pub at: Timestamp,
}

impl Report {
    /// The audit record of this report (action `report`, field `reported`), replacing
    /// `previous`.
    pub fn audit_record(&self, previous: Option<&Self>, target: &Target, source: Source) -> AuditRecord {
        let attained = target.attainment(self.value);
        let after = match attained.percent {
            Some(p) => format!("{}（达成{p}%）", target.show(self.value)),
            None if attained.met => format!("{}（达标）", target.show(self.value)),
            None => format!("{}（未达标）", target.show(self.value)),
        };
        AuditRecord {
            at: self.at,
            actor: self.by.clone(),
            action: "report".to_owned(),
            source,
            changes: vec![Change::new(
                "reported",
                previous.map(|p| target.show(p.value)).unwrap_or_default(),
                after,
            )],
            note: self.note.clone(),
        }
    }
}
