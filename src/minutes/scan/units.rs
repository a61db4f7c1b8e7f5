//! Members each written after their unit (pure): `人力资源部邓雪梅、合规风控部钟凯`,
//! `朝阳门营业部陶然、五四大街营业部马骁于5月15日前…`.

use super::ctx::Ctx;
use super::deadline::is_start_char;
use super::names::DEPARTMENT_ENDS;
use crate::minutes::owner::OwnerRef;

impl Ctx<'_> {
    /// The members of `who` (the words before the verb) when it lists two or more, each after its
    /// unit or alone; what trails the last name (`共同`, `于5月15日前`, `同志`) is dropped.
    pub(crate) fn members_after_units(&self, who: &str) -> Option<Vec<OwnerRef>> {
        let parts: Vec<&str> = who.split(['、', '及', '与', '和']).map(str::trim).collect();
        if parts.len() < 2 {
            return None;
        }
        let mut found = Vec::new();
        let mut with_unit = false;
        for part in parts {
            // The member's name nearest the part's start after an optional unit.
            let (at, person) = self
                .members
                .iter()
                .filter(|p| p.name.chars().count() >= 2)
                .filter_map(|p| part.find(p.name.as_str()).map(|i| (i, p)))
                .min_by_key(|(i, p)| (*i, usize::MAX - p.name.len()))?;
            let unit = part.get(..at)?;
            // One unit's name, not a clause (`决议五：关于…，请信息技术部`).
            let one_unit = unit.chars().count() <= 12
                && unit.ends_with(DEPARTMENT_ENDS)
                && !unit.contains(['，', ',', '：', ':', '；', '。', ' ']);
            if !unit.is_empty() && !one_unit {
                return None;
            }
            with_unit |= !unit.is_empty();
            let tail = part.get(at + person.name.len()..)?;
            let tail = tail.strip_prefix("同志").unwrap_or(tail);
            let tail = tail.strip_prefix(['于', '在']).unwrap_or(tail);
            let trails = tail.is_empty()
                || ["共同", "一起", "分别", "一同"]
                    .iter()
                    .any(|w| tail.starts_with(w))
                || tail.starts_with(is_start_char);
            if !trails {
                return None;
            }
            found.push(OwnerRef::Person(person.clone()));
        }
        with_unit.then_some(found)
    }
}
