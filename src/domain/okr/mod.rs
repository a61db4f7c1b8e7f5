//! OKR alignment (pure, issue 18): the OKRs of a person for a period as Feishu OKR lists them
//! ([`UserOkrs`]), which period is the current one ([`current_period`]), and the link an item
//! or project keeps to one objective or key result with a snapshot of its text
//! ([`Alignment`]). Fetching and writing are the Feishu client's (`feishu::okr`).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::ids::Person;

/// The longest snapshot of an objective's or key result's text kept on an item.
pub const MAX_SNAPSHOT_CHARS: usize = 200;

/// An OKR period (周期) as `GET /open-apis/okr/v1/periods` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OkrPeriod {
    /// `period_id`.
    pub id: String,
    /// `zh_name` (`2026 年 10 月 - 12 月`).
    pub name: String,
    /// 0 正常, 1 失效, 2 隐藏.
    pub status: i64,
    /// `period_start_time` (Unix ms), when given.
    pub start_ms: Option<i64>,
    /// `period_end_time` (Unix ms), when given.
    pub end_ms: Option<i64>,
}

/// The current period at `now`: a normal (status 0) period whose span holds `now`; among
/// several, the one that started last. `None` when no period holds `now`.
pub fn current_period(periods: &[OkrPeriod], now: Timestamp) -> Option<&OkrPeriod> {
    let ms = now.as_millisecond();
    periods
        .iter()
        .filter(|p| p.status == 0)
        .filter(|p| matches!((p.start_ms, p.end_ms), (Some(s), Some(e)) if s <= ms && ms <= e))
        .max_by_key(|p| p.start_ms)
}

/// One key result of an objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyResult {
    /// Key result id.
    pub id: String,
    /// Its text.
    pub content: String,
}

/// One objective with its key results, in Feishu's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objective {
    /// Objective id.
    pub id: String,
    /// Its text.
    pub content: String,
    /// Its key results.
    pub krs: Vec<KeyResult>,
}

/// A person's OKR for one period (`GET /open-apis/okr/v1/users/:user_id/okrs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserOkrs {
    /// The OKR's id.
    pub okr_id: String,
    /// The period's name as the OKR shows it.
    pub period: String,
    /// Its objectives.
    pub objectives: Vec<Objective>,
}

/// An item's or project's link to one objective (O) or key result (KR), with a snapshot of
/// the text as it was when chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alignment {
    /// The OKR's id.
    pub okr_id: String,
    /// The period's name.
    pub period: String,
    /// The objective's id.
    pub objective_id: String,
    /// 1-based position of the objective (O2).
    pub objective_no: usize,
    /// The objective's text (snapshot).
    pub objective: String,
    /// The key result, when one was chosen: its id, 1-based position (KR1) and text.
    pub kr: Option<AlignedKr>,
    /// Whose OKR it is.
    pub okr_owner: Person,
}

/// The key result an alignment points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedKr {
    /// Key result id.
    pub id: String,
    /// 1-based position within its objective.
    pub no: usize,
    /// Its text (snapshot).
    pub content: String,
}

/// Feishu's `target_type` for a progress record on an objective.
pub const TARGET_OBJECTIVE: i64 = 2;
/// Feishu's `target_type` for a progress record on a key result.
pub const TARGET_KEY_RESULT: i64 = 3;

impl Alignment {
    /// The link for objective `o` (0-based) and, when given, its key result `k` (0-based) of
    /// `okrs`; `None` when either does not exist.
    pub fn pick(okrs: &UserOkrs, owner: &Person, o: usize, k: Option<usize>) -> Option<Self> {
        let obj = okrs.objectives.get(o)?;
        let kr = match k {
            Some(k) => {
                let kr = obj.krs.get(k)?;
                Some(AlignedKr {
                    id: kr.id.clone(),
                    no: k + 1,
                    content: snapshot(&kr.content),
                })
            }
            None => None,
        };
        Some(Self {
            okr_id: okrs.okr_id.clone(),
            period: okrs.period.clone(),
            objective_id: obj.id.clone(),
            objective_no: o + 1,
            objective: snapshot(&obj.content),
            kr,
            okr_owner: owner.clone(),
        })
    }

    /// `O2` or `O2 / KR1`.
    pub fn label(&self) -> String {
        match &self.kr {
            Some(kr) => format!("O{} / KR{}", self.objective_no, kr.no),
            None => format!("O{}", self.objective_no),
        }
    }

    /// The text of what was chosen (the key result's, else the objective's).
    pub fn text(&self) -> &str {
        self.kr.as_ref().map_or(&self.objective, |k| &k.content)
    }

    /// `O2 / KR1 文本`, as cards, lists and exports show it.
    pub fn summary(&self) -> String {
        format!("{} {}", self.label(), self.text())
    }

    /// The progress record's target: (`target_id`, `target_type` 2 objective / 3 key result).
    pub fn target(&self) -> (&str, i64) {
        match &self.kr {
            Some(kr) => (&kr.id, TARGET_KEY_RESULT),
            None => (&self.objective_id, TARGET_OBJECTIVE),
        }
    }
}

fn snapshot(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= MAX_SNAPSHOT_CHARS {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(MAX_SNAPSHOT_CHARS).collect();
    out.push('…');
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
