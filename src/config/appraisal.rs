//! `[appraisal]`, `[[behaviours]]` and `[performance]` (issue 18): who leads whom for the
//! 考评 pack, the 标杆 / 负面 catalogue, and the optional push into Feishu Performance.

use serde::Deserialize;

use crate::domain::appraisal::{Behaviour, Catalogue, LeaderRule};

/// `[appraisal]`
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppraisalConfig {
    /// `leaders = [{ person = "ou_…", leaders = ["ou_…"] }]`: whose packs and records a
    /// leader sees, and about whom they may record 标杆 / 负面 (admins: everyone).
    pub leaders: Vec<LeaderRule>,
}

/// `[performance]`: the push into Feishu Performance as supplementary information
/// (补充信息). Off unless `push = true`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PerformanceConfig {
    /// Whether `/督办 考评 推送` is enabled.
    pub push: bool,
    /// The review cycle (绩效周期, `semester_id`) the information belongs to; required when
    /// `push = true`.
    pub semester_id: String,
    /// The import record's name shown to Performance admins (default `督办考评材料`).
    pub import_record_name: Option<String>,
}

/// The three sections, validated.
#[derive(Debug, Clone, Default)]
pub struct AppraisalSettings {
    /// `[appraisal]`.
    pub appraisal: AppraisalConfig,
    /// `[[behaviours]]`.
    pub catalogue: Catalogue,
    /// `[performance]`.
    pub performance: PerformanceConfig,
}

/// Validates the sections.
///
/// # Errors
/// Every catalogue problem at once, an empty leader rule, or `push = true` without a cycle.
pub(super) fn settings(
    appraisal: AppraisalConfig,
    behaviours: Vec<Behaviour>,
    performance: PerformanceConfig,
) -> anyhow::Result<AppraisalSettings> {
    let catalogue = Catalogue(behaviours);
    let mut problems = catalogue.problems();
    for r in &appraisal.leaders {
        if r.person.trim().is_empty() || r.leaders.iter().any(|l| l.trim().is_empty()) {
            problems.push("[appraisal] leaders 中有空的 person 或 leaders".to_owned());
        }
    }
    if performance.push && performance.semester_id.trim().is_empty() {
        problems.push("[performance] push = true 时必须写 semester_id（飞书绩效的周期 ID）".to_owned());
    }
    if !problems.is_empty() {
        anyhow::bail!("考评配置有 {} 处问题：{}", problems.len(), problems.join("；"));
    }
    Ok(AppraisalSettings {
        appraisal,
        catalogue,
        performance,
    })
}
