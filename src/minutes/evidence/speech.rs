//! Someone named speaking (pure): a report or a reminder of others' dates is hearsay, but the
//! one speaking may commit to dated work of their own (`巫马良表示，本季度末完成…的压降`).

use super::words::SHORT_VERBS;
use crate::minutes::scan::{OwnerHow, Scan, has_task_verb};

/// Words of work under way, reported rather than asked for.
pub(super) const PROGRESS: &[&str] = &["预计", "进行中", "推进中", "跟进中", "处理中", "按计划"];
/// Verbs of speaking: the one named reports or reminds (`肖红提醒，证监局将于6月中旬…`).
pub(super) const SPEECH: &[&str] = &[
    "提醒", "强调", "通报", "介绍", "指出", "表示", "提到", "汇报", "反映", "承诺", "答应",
];

/// Verbs of speaking that can commit the one speaking (not `强调`, `介绍`, `通报`: a report or a rule).
const COMMITS: &[&str] = &["表示", "承诺", "答应", "提醒"];

/// `巫马良表示，本季度末完成集中度超标客户的压降`, `老晁提醒：两个工作日内把名单发给合规风控部`,
/// `王强承诺下周五前补齐`: the owner named speaks, then dated work follows with its verb, and
/// nothing reports it under way (`预计`) or dates someone else's (`证监局将于…`).
pub(super) fn commits(scan: &Scan, lower: &str) -> bool {
    let Some(first) = scan.owners.first() else {
        return false;
    };
    let name = first.name().to_lowercase();
    matches!(scan.how, OwnerHow::Strong | OwnerHow::Named)
        && scan.deadline.is_some()
        && scan
            .deadline_text
            .as_deref()
            // A limit (`…前`, `…内`, `本季度末`), not a day named (`10月10日调休上班`).
            .is_some_and(|t| {
                let t = t.to_lowercase();
                t.ends_with(['前', '内', '末', '底'])
                    || lower
                        .find(&t)
                        .and_then(|i| lower.get(i + t.len()..))
                        .is_some_and(|r| r.starts_with(['前', '内']) || r.starts_with("之前"))
            })
        && !PROGRESS.iter().any(|w| lower.contains(w))
        // `蒯总表示将于6月5日前完成…`: the one speaking says it of their own work.
        && (!["将于", "将在"].iter().any(|w| lower.contains(w))
            || COMMITS.iter().any(|w| lower.contains(&format!("{name}{w}将"))))
        && SPEECH.iter().any(|w| {
            // `李明提到自己这周内先盘一下库存`, `…说…，她这周内会先把…`: any verb of speaking, when
            // the work is said to be their own.
            let own = |rest: &str| ["，她", "，他", "自己"].iter().any(|p| rest.contains(p));
            let commit = COMMITS.contains(w);
            lower
                .find(&format!("{name}{w}"))
                .and_then(|i| lower.get(i + name.len() + w.len()..))
                .is_some_and(|rest| {
                    (commit || own(rest))
                        && (has_task_verb(rest) || SHORT_VERBS.iter().any(|v| rest.contains(v)))
                        && !["不安排", "不做", "不再", "不要", "不得"]
                            .iter()
                            .any(|n| rest.contains(n))
                })
        })
}

/// Whether `label` (`通报：`) names a topic whose people come after it (`营业部月度排名通报：莘雨、
/// 阚文每月5日前报送`), not someone reporting (`王总通报：…`).
pub(super) fn labels_before_owners(lower: &str, label: &str, scan: &Scan) -> bool {
    lower.find(label).is_some_and(|at| {
        // A topic before the label, and people (not units) after it.
        lower.get(..at).is_none_or(|b| b.trim().chars().count() >= 4)
            && !scan.owners.is_empty()
            && scan.owners.iter().all(|o| {
                o.person().is_some()
                    && lower.rfind(&o.name().to_lowercase()).is_some_and(|i| i > at)
                    && !lower
                        .get(..at)
                        .is_some_and(|b| b.contains(&o.name().to_lowercase()))
            })
    })
}
