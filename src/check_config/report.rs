//! The checklist: each check's mark, text and fix, and how the whole is printed.

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// ✔ passed.
    Pass,
    /// ✘ failed: the bot will not work fully until fixed.
    Fail,
    /// – an optional feature's scope or setting is missing (does not fail the check).
    Optional,
    /// · cannot be checked through the API: confirm in the console.
    Manual,
}

impl Mark {
    pub(super) fn symbol(self) -> &'static str {
        match self {
            Self::Pass => "✔",
            Self::Fail => "✘",
            Self::Optional => "–",
            Self::Manual => "·",
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The outcome.
    pub mark: Mark,
    /// What was checked and what was found.
    pub text: String,
    /// How to fix it (for ✘ and –).
    pub fix: Option<String>,
}

impl Check {
    pub(super) fn pass(text: impl Into<String>) -> Self {
        Self {
            mark: Mark::Pass,
            text: text.into(),
            fix: None,
        }
    }

    pub(super) fn fail(text: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            mark: Mark::Fail,
            text: text.into(),
            fix: Some(fix.into()),
        }
    }
}

/// The whole checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The checks, in order.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether every check passed (– and · lines do not count).
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.mark != Mark::Fail)
    }

    /// The checklist as printed: one line per check, its fix indented below it, a summary.
    pub fn render(&self) -> String {
        let mut out = String::from("duban check-config\n");
        for c in &self.checks {
            out.push_str(&format!("{} {}\n", c.mark.symbol(), c.text));
            if let Some(fix) = &c.fix {
                out.push_str(&format!("    修复：{fix}\n"));
            }
        }
        let failed = self.checks.iter().filter(|c| c.mark == Mark::Fail).count();
        if failed == 0 {
            out.push_str("结果：全部通过\n");
        } else {
            out.push_str(&format!("结果：{failed} 项未通过（✘）\n"));
        }
        if self
            .checks
            .iter()
            .any(|c| matches!(c.mark, Mark::Optional | Mark::Manual))
        {
            out.push_str(
                "说明：– 为可选功能尚未开通的权限或设置；· 为无法通过接口检测、请在开发者后台确认的权限或设置\n",
            );
        }
        out
    }
}
