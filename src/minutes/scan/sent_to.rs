//! Whom the work is handed to (pure): `由林某提供开户材料，下周二前交给雅楠汇总` — 雅楠 (by full
//! name or given name) receives it, and is no owner beside the one who does it.

use super::units::RECIPIENTS;
use crate::minutes::owner::OwnerRef;

/// Whether every place `line` names `o` (in full, or a three-character name by its last two)
/// comes right after a word that hands or sends work to them (`交给`, `报给`, `发给`).
fn only_sent_to(line: &str, o: &OwnerRef) -> bool {
    let name = o.name();
    let given: String = name.chars().skip(1).collect();
    let mut forms = vec![name];
    if name.chars().count() == 3 {
        forms.push(given.as_str());
    }
    let hits: Vec<usize> = forms
        .iter()
        .flat_map(|f| line.match_indices(f).map(|(i, _)| i))
        .collect();
    !hits.is_empty()
        && hits.iter().all(|&i| {
            let before = line.get(..i).unwrap_or_default().trim_end();
            RECIPIENTS.iter().any(|w| before.ends_with(w))
        })
}

/// Drops from `owners` whom `line` only hands the work to, unless that would leave nobody.
pub(super) fn drop_sent_to(line: &str, owners: &mut Vec<OwnerRef>) {
    if owners.len() >= 2 && owners.iter().any(|o| !only_sent_to(line, o)) {
        owners.retain(|o| !only_sent_to(line, o));
    }
}
