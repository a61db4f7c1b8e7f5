//! `[okr]` (issue 18): item classes and OKR alignment.
//!
//! ```toml
//! [okr]
//! p0_is_urgent = true     # P0 items created outside a project default to 突发
//! write_progress = true   # on 验收, write one progress record on the aligned O / KR
//! ```

use serde::Deserialize;

/// `[okr]`; every key optional, all off by default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OkrConfig {
    /// P0 items created outside a project default to 突发 (else 承诺).
    pub p0_is_urgent: bool,
    /// When an aligned item is accepted (验收), write a progress record on its objective or key
    /// result (scope `okr:okr`, or `okr:okr.progress:writeonly`).
    pub write_progress: bool,
}
