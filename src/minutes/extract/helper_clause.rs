//! `落实：某某整理需求说明，下周一前；某某配合。`: a clause of the line that only names who helps
//! (`某某配合`, `由某某、某某协助`) adds them to the line's work as helpers, after its lead (pure).

use crate::minutes::owner::OwnerRef;

/// The verbs a helper-only clause ends with.
const HELPS: &[&str] = &["配合", "协助", "协同", "协办", "支持", "参与"];

/// Whether `clause` is nothing but the names of `owners` and a helper's verb.
pub(super) fn helpers_only(clause: &str, owners: &[OwnerRef]) -> bool {
    let c = clause.trim().trim_end_matches(['。', '；', ';', '.', ' ']);
    let Some(names) = HELPS.iter().find_map(|v| c.strip_suffix(v)) else {
        return false;
    };
    let names = names.trim_end_matches("一起").trim();
    let names = ["由", "请"]
        .iter()
        .find_map(|w| names.strip_prefix(w))
        .unwrap_or(names);
    let parts: Vec<&str> = names
        .split(['、', '和', '及', ',', '，'])
        .map(str::trim)
        .collect();
    !owners.is_empty()
        && !parts.is_empty()
        && parts
            .iter()
            .all(|p| !p.is_empty() && owners.iter().any(|o| o.name() == *p))
}

/// Whether `clause` opens with the names of `owners` and a helper's verb, then what they feed
/// into it (`康明哲、田野配合提供租金数据`, `某某配合压测`): helpers of the work named before it on
/// the line.
pub(super) fn helpers_lead(clause: &str, owners: &[OwnerRef]) -> bool {
    let c = clause.trim().trim_end_matches(['。', '；', ';', '.', ' ']);
    HELPS.iter().any(|v| {
        c.split_once(v).is_some_and(|(names, work)| {
            // Input to that work (`提供…`, `压测`), not a deliverable of their own
            // (`配合出具合规验收要点` is theirs).
            (work.starts_with("提供") || (1..=3).contains(&work.chars().count()))
                && !["负责", "牵头", "主办"].iter().any(|w| work.contains(w))
                && helpers_only(&format!("{names}{v}"), owners)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_and_a_helpers_verb() {
        let o = vec![
            OwnerRef::Unresolved("董青".to_owned()),
            OwnerRef::Unresolved("卜一凡".to_owned()),
        ];
        assert!(helpers_only("董青配合。", &o[..1]));
        assert!(helpers_only("由董青、卜一凡协助", &o));
        assert!(!helpers_only("董青配合整理台账", &o));
        assert!(!helpers_only("客户经理配合", &o));
        assert!(helpers_lead("董青、卜一凡配合提供租金数据。", &o));
        assert!(!helpers_lead("董青配合。", &o));
        assert!(!helpers_lead("客户经理配合提供数据", &o));
        assert!(helpers_lead("董青配合压测。", &o));
        assert!(!helpers_lead("董青配合出具合规验收要点。", &o));
        assert!(!helpers_lead("董青配合卜一凡负责台账", &o));
    }
}
