//! A role word before members' names (pure): `客户经理郝建、饶晴于10个工作日内完成…`,
//! `合规专员苗佳周五前…`, `经纪业务部刘建国同志负责…`.

use super::strip_leads;
use super::words::LEAD_VERBS;
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, has_task_verb};

/// Role words written before a name.
const ROLES: &[&str] = &[
    "客户经理",
    "理财经理",
    "经理",
    "负责人",
    "主管",
    "专员",
    "组长",
    "总监",
    "顾问",
    "投顾",
    "柜员",
    "助理",
    "同事",
];

impl Ctx<'_> {
    /// `客户经理郝建、饶晴于…完成`: a role word near the clause's start (after a department or
    /// not), members right after it, then a time or the work.
    pub(super) fn role_person(&self, clause: &str) -> Option<Vec<OwnerRef>> {
        let clause = strip_leads(clause);
        let end = ROLES
            .iter()
            .filter_map(|r| clause.find(r).map(|i| i + r.len()))
            .filter(|e| clause.get(..*e).is_some_and(|h| h.chars().count() <= 12))
            .min()?;
        let rest = clause.get(end..)?;
        let (found, len) = self.members_prefix(rest)?;
        let after = rest.get(len..)?;
        let after = after.strip_prefix("同志").unwrap_or(after);
        let timed = after
            .strip_prefix(['于', '在'])
            .unwrap_or(after)
            .starts_with(|c: char| c.is_ascii_digit() || "本下今明后月年两三四五六七八九十一".contains(c));
        let head: String = after.chars().take(3).collect();
        // `营业部负责人岑立对…立即整改`, `理财经理孙悦把…`: a preposition opening the work.
        let works = has_task_verb(&head)
            || LEAD_VERBS.iter().any(|v| after.starts_with(v))
            || after.starts_with(['对', '把', '将', '就', '向', '针']);
        (timed || works).then_some(found)
    }
}

impl Ctx<'_> {
    /// `老罗，…`, `苗青，…`: the line opens by calling a member (a name alone before `，`, or
    /// the `，` left where the scan took the name out).
    pub(super) fn calls_first(&self, text: &str) -> bool {
        let t = text.trim_start();
        t.starts_with(['，', ','])
            || t.split_once(['，', ',']).is_some_and(|(head, _)| {
                let h = head.trim();
                (2..=4).contains(&h.chars().count()) && self.is_name(h)
            })
    }
}

/// Verbs whose object is the person the work is about, not one who does it.
const URGE_VERBS: &[&str] = &["督促", "催促", "提醒", "叮嘱", "催"];

impl super::InText {
    /// `吴某，投顾中心，入职2年，督办：房某负责督促吴某补签…`: a member the work urges or reminds
    /// (`督促X`, `提醒X`) is whom it is about, not an owner, when someone else is named.
    pub(crate) fn without_urged(mut self, text: &str) -> Self {
        let urged = |o: &OwnerRef| {
            text.match_indices(o.name()).any(|(i, _)| {
                URGE_VERBS
                    .iter()
                    .any(|v| text.get(..i).is_some_and(|b| b.ends_with(v)))
            })
        };
        let all = self.lead.iter().chain(&self.help);
        if all.clone().any(|o| !urged(o)) && all.clone().any(urged) {
            self.lead.retain(|o| !urged(o));
            self.help.retain(|o| !urged(o));
            if self.lead.is_empty() {
                self.lead = std::mem::take(&mut self.help);
            }
        }
        self
    }
}
