//! An owner named by a verb or a label at the start of a line (pure): `张三负责…`, `由合规部牵头…`,
//! `请王五跟进…`, `张三：…`, `【张三】…`.

use crate::minutes::owner::OwnerRef;

use super::ctx::Ctx;
use super::names::ADDRESS_SUFFIXES;
use super::units::after_names;
use super::verbs::VERBS;

impl Ctx<'_> {
    /// `张三负责…`, `张三、李四牵头…`, `请王五跟进…`, `由合规部牵头…`.
    pub(super) fn owner_by_verb(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let t = text.trim_start();
        if let Some(after) = t.strip_prefix('由') {
            // `由于年底系统封版，…`: a cause, not an owner.
            // `由于婉清起草…`: a member named 于… is no `由于`.
            // `由某某会同某某于…完成`: two parties, read by the owners in the text.
            // `由我部负责…`: the writer's own department, read as the writer in the text.
            if (after.starts_with(['于', '此']) && self.longest_member_prefix(after).is_none())
                || after.contains("会同")
                || ["我部", "我处", "我室"].iter().any(|w| after.starts_with(w))
            {
                return None;
            }
            let (who, verb_at) = first_verb(after)?;
            // `由赵倩向各营业部转发并组织宣导`: the owner ends before the preposition.
            let who = ["向", "对", "给", "就", "将", "把", "在", "于"]
                .iter()
                .filter_map(|p| who.find(p).filter(|i| *i > 0))
                .min()
                .and_then(|i| who.get(..i))
                .unwrap_or(who);
            let who = who.trim();
            // `由温若岚重新编制…`, `由某某尽快…`: an adverb before the verb is no part of the name.
            let who = crate::minutes::assign::ADVERBS
                .iter()
                .chain(&["另行"])
                .find_map(|a| who.strip_suffix(a))
                .filter(|w| self.names_if_all(w).is_some())
                .unwrap_or(who);
            // `由经纪业务部刘建国同志负责`: a form of address after the name.
            let who = ADDRESS_SUFFIXES
                .iter()
                .find_map(|a| who.strip_suffix(a))
                .unwrap_or(who);
            if who.is_empty() || who.chars().count() > 12 || who.contains(['，', ',', '；', '。']) {
                return None;
            }
            // `由人力资源部邓雪梅、合规风控部钟凯共同负责`: each after their unit.
            if let Some(found) = self.members_after_units(who) {
                return Some((found.clone(), after_names(after, &found, verb_at)));
            }
            // `由营业部合规专员苗佳督促删除`: a role before a member's name.
            let who = self
                .members
                .iter()
                .filter(|p| p.name.chars().count() >= 2 && who.ends_with(p.name.as_str()))
                .max_by_key(|p| p.name.len())
                .filter(|_| self.names_if_all(who).is_none())
                .map_or(who, |p| p.name.as_str());
            return Some((self.names(who), after.get(verb_at..)?.to_owned()));
        }
        let body = t.strip_prefix('请').unwrap_or(t);
        let (who, verb_at) = first_verb(body)?;
        let mut who = who.trim().trim_end_matches(['于', '在']).trim();
        // `李四配合出具验收要点`: a helper's own work, the helper its owner.
        while let Some(w) = ["共同", "一起", "一同", "分别", "都", "配合", "协助"]
            .iter()
            .find_map(|s| who.strip_suffix(s))
        {
            who = w.trim();
        }
        if let Some(found) = self.names_if_all(who) {
            return Some((found, body.get(verb_at..)?.to_owned()));
        }
        let found = self.members_after_units(who)?;
        Some((found.clone(), after_names(body, &found, verb_at)))
    }

    /// `张三：…`, `【张三】…`, `张三、李四：…`.
    pub(super) fn owner_label(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let t = text.trim_start();
        if let Some(after) = t.strip_prefix('【') {
            let (inner, rest) = after.split_once('】')?;
            return Some((self.names_if_all(inner)?, rest.to_owned()));
        }
        let cut = t.find([':', '：'])?;
        let who = t.get(..cut)?;
        let who = who.split(['（', '(']).next().unwrap_or(who);
        let found = self.names_if_all(who)?;
        let rest = t.get(cut..)?.trim_start_matches([':', '：']);
        Some((found, rest.to_owned()))
    }
}

/// The text before the first owner verb, and the byte offset of that verb.
fn first_verb(s: &str) -> Option<(&str, usize)> {
    let (at, _) = VERBS
        .iter()
        .filter_map(|v| s.find(v).map(|i| (i, v.len())))
        .filter(|(i, len)| *i > 0 && !s.get(i + len..).is_some_and(|r| r.starts_with('的')))
        .min_by_key(|(i, len)| (*i, usize::MAX - *len))?;
    Some((s.get(..at)?, at))
}
