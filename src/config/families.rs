//! Each family's rules: `[supervision]` (items), `[projects]`, `[requirements]` and
//! `[minutes]`.

use serde::Deserialize;

/// `[supervision]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SupervisionFile {
    /// 完成 waits for 验收.
    pub require_acceptance: bool,
    /// Minutes between two 催办 of one item.
    pub nudge_cooldown_minutes: u32,
    /// open_ids with admin rights.
    pub admins: Vec<String>,
    /// open_ids who may issue a 下达 (`/督办 下达`), besides the admins (see
    /// [`crate::domain::batch::may_issue`]).
    pub issuers: Vec<String>,
}

impl Default for SupervisionFile {
    fn default() -> Self {
        Self {
            require_acceptance: true,
            nudge_cooldown_minutes: 60,
            admins: Vec::new(),
            issuers: Vec::new(),
        }
    }
}
/// `[minutes]`: meeting follow-up (`/纪要`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MinutesConfig {
    /// Working days after the meeting when the closure card is posted (at 10:00).
    pub closure_workdays: u32,
    /// Also start the flow from Feishu's minutes-generated event (`minutes.minute.generated_v1`;
    /// its payload is not confirmed by the protocol reference, see `service::meetings`).
    pub events: bool,
    /// When a 例会's pre-meeting card is posted on the working day before it (`HH:MM`, 16:00).
    pub series_notice_at: String,
}

impl Default for MinutesConfig {
    fn default() -> Self {
        Self {
            closure_workdays: 5,
            events: false,
            series_notice_at: "16:00".to_owned(),
        }
    }
}

impl MinutesConfig {
    /// `series_notice_at` as a time of day (16:00 when unreadable; validation refuses that).
    pub fn series_notice_time(&self) -> Option<jiff::civil::Time> {
        let (h, m) = self.series_notice_at.split_once(':')?;
        jiff::civil::Time::new(h.trim().parse().ok()?, m.trim().parse().ok()?, 0, 0).ok()
    }
}

/// `[projects]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProjectsConfig {
    /// `[[projects.templates]]` (`name`, `stages`); the first is the default when none is
    /// named `默认`. Empty: the built-in five stages.
    pub templates: Vec<crate::domain::project::StageTemplate>,
    /// A project without stage movement for this many working days is flagged (5).
    pub stalled_workdays: u32,
}

impl Default for ProjectsConfig {
    fn default() -> Self {
        Self {
            templates: Vec::new(),
            stalled_workdays: 5,
        }
    }
}

/// `[requirements]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RequirementsConfig {
    /// Requirement managers' open_ids (they triage).
    pub managers: Vec<String>,
    /// Where triage cards go (`oc_…`); unset: to each manager 1:1 (never the submitting group).
    pub manager_chat: Option<String>,
    /// Not triaged within this many working days → the managers are reminded (2).
    pub sla_workdays: u32,
}

/// `[repeat]`: recurring items (`重复：每周`).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RepeatConfig {
    /// When the next occurrence is created: `"on_close"`, `"period_start"` or `"first"`
    /// (default: whichever comes first).
    pub next: crate::domain::repeat::NextWhen,
}

impl Default for RequirementsConfig {
    fn default() -> Self {
        Self {
            managers: Vec::new(),
            manager_chat: None,
            sla_workdays: 2,
        }
    }
}
