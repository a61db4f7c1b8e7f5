//! 标杆 / 负面 behaviour: the catalogue loaded from configuration (`[[behaviours]]`) and the
//! records managers make against it (`BR-n`), each with its own audit trail and the
//! subject's comments.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::audit::AuditRecord;
use crate::domain::ids::{ItemId, Person};

/// 标杆 (a bonus) or 负面 (a deduction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BehaviourKind {
    /// 标杆行为.
    Commend,
    /// 负面行为.
    Fault,
}

impl BehaviourKind {
    /// 标杆 / 负面.
    pub fn label(self) -> &'static str {
        match self {
            Self::Commend => "标杆",
            Self::Fault => "负面",
        }
    }

    /// Reads 标杆 / 负面 (also `commend` / `fault`, any case).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "标杆" | "标杆行为" => Some(Self::Commend),
            "负面" | "负面行为" => Some(Self::Fault),
            w if w.eq_ignore_ascii_case("commend") => Some(Self::Commend),
            w if w.eq_ignore_ascii_case("fault") => Some(Self::Fault),
            _ => None,
        }
    }
}

/// One kind of behaviour in the catalogue (`[[behaviours]]`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Behaviour {
    /// `B12`, `N07`: unique, matched in any case.
    pub code: String,
    /// 标杆 or 负面.
    #[serde(deserialize_with = "kind_word")]
    pub kind: BehaviourKind,
    /// What the behaviour is.
    pub name: String,
    /// Points (a bonus for 标杆, a deduction for 负面; shown as configured).
    #[serde(default)]
    pub points: f64,
}

fn kind_word<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BehaviourKind, D::Error> {
    let s = String::deserialize(d)?;
    BehaviourKind::parse(&s)
        .ok_or_else(|| serde::de::Error::custom(format!("kind 只能是“标杆”或“负面”，不是“{s}”")))
}

/// The catalogue of behaviour codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue(pub Vec<Behaviour>);

impl Catalogue {
    /// The behaviour with `code` (any case).
    pub fn find(&self, code: &str) -> Option<&Behaviour> {
        self.0.iter().find(|b| b.code.eq_ignore_ascii_case(code.trim()))
    }

    /// A few codes of `kind`, for examples (`B01 按时高质量完成重点任务`).
    pub fn examples(&self, kind: BehaviourKind, n: usize) -> Vec<&Behaviour> {
        self.0.iter().filter(|b| b.kind == kind).take(n).collect()
    }

    /// Every problem of the catalogue (empty or repeated codes, empty names), in plain Chinese.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, b) in self.0.iter().enumerate() {
            if b.code.trim().is_empty() {
                out.push(format!("[[behaviours]] 第 {} 项没有写 code", i + 1));
            } else if self.0[..i].iter().any(|o| o.code.eq_ignore_ascii_case(&b.code)) {
                out.push(format!("[[behaviours]] 代码 {} 写了两次", b.code));
            }
            if b.name.trim().is_empty() {
                out.push(format!("[[behaviours]] 代码 {} 没有写 name", b.code));
            }
            if !b.points.is_finite() {
                out.push(format!("[[behaviours]] 代码 {} 的 points 不是数字", b.code));
            }
        }
        out
    }
}

/// A behaviour record's number: shown as `BR-<n>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(pub u64);

impl std::fmt::Display for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BR-{}", self.0)
    }
}

impl RecordId {
    /// Reads `BR-3`, `br3` or `3`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let digits = s
            .get(..2)
            .filter(|p| p.eq_ignore_ascii_case("br"))
            .map_or(s, |_| {
                s.get(2..).unwrap_or_default().trim_start_matches(['-', '－'])
            });
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().filter(|n| *n > 0).map(Self)
    }
}

/// The subject's comment on a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordComment {
    /// What they said.
    pub text: String,
    /// When.
    pub at: Timestamp,
}

/// A 标杆 / 负面 record about one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BehaviourRecord {
    /// `BR-n`.
    pub id: RecordId,
    /// Whom it is about.
    pub subject: Person,
    /// Who recorded it.
    pub recorder: Person,
    /// 标杆 or 负面.
    pub kind: BehaviourKind,
    /// The catalogue code (as configured).
    pub code: String,
    /// The catalogue name, as it was when recorded.
    pub name: String,
    /// The catalogue points, as they were when recorded.
    pub points: f64,
    /// The item it is about, if any.
    #[serde(default)]
    pub item: Option<ItemId>,
    /// 说明.
    #[serde(default)]
    pub note: Option<String>,
    /// When it was recorded.
    pub at: Timestamp,
    /// The subject's comments, oldest first.
    #[serde(default)]
    pub comments: Vec<RecordComment>,
    /// Its audit trail (creation, comments), oldest first.
    #[serde(default)]
    pub audit: Vec<AuditRecord>,
}

impl BehaviourRecord {
    /// `B12 按时高质量完成重点任务`.
    pub fn code_and_name(&self) -> String {
        format!("{} {}", self.code, self.name)
    }

    /// The points with their sign: `+2`, `-3` (a 负面 deduction is shown negative).
    pub fn signed_points(&self) -> f64 {
        match self.kind {
            BehaviourKind::Commend => self.points.abs(),
            BehaviourKind::Fault => -self.points.abs(),
        }
    }
}
