//! The owner, answering the work just given, names who will help (pure): `老欧你牵头…` then
//! `欧阳建平：行，我找IT的小童配合。` — the helper joins that work second; no work of its own.

use super::turns::{Turn, origin};
use crate::minutes::item::Extraction;
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::Ctx;

/// The people a short answer says the speaker brings in to help (`我找小童配合`, `我拉上晓东
/// 一起`), other than the speaker.
fn brought_in(said: &str, named: &[OwnerRef], speaker: &OwnerRef) -> Vec<OwnerRef> {
    let brings = ["我找", "我叫上", "我拉上", "我请"]
        .iter()
        .filter_map(|w| said.split_once(w).map(|(_, rest)| rest))
        .any(|rest| ["配合", "协助", "一起", "帮忙"].iter().any(|h| rest.contains(h)));
    if !brings || said.chars().count() > 24 {
        return Vec::new();
    }
    named
        .iter()
        .filter(|o| *o != speaker && o.person().is_some())
        .cloned()
        .collect()
}

/// Adds to each item the helpers its owner brings in in the very next turn.
pub(super) fn bring_in(turns: &[Turn], ctx: &Ctx<'_>, ex: &mut Extraction) {
    for item in &mut ex.items {
        let Some(next) = origin(turns, &item.text).and_then(|t| turns.get(t + 1)) else {
            continue;
        };
        let Some(sp) = next
            .speaker
            .as_ref()
            .filter(|sp| item.owners.first() == Some(*sp))
        else {
            continue;
        };
        let said = next.text();
        let named = next.ctx(ctx).scan(&said).owners;
        for h in brought_in(&said, &named, sp) {
            if !item.owners.contains(&h) {
                item.owners.push(h);
            }
        }
    }
}
