//! Helpers named aside from the lead's clause (pure), written out as a helper's clause after the
//! work (`…，某甲协助`) so that the owners keep them, the lead first:
//! - a bracket after the work naming members who help: `…请某乙本周内汇总（某甲配合）`;
//! - a later clause opening with a member (or what colleagues call them: `老蔺`, `小蒲`) who
//!   helps someone already named: `某乙你周五前定下来，老蔺帮她对一下预算`, `…，某甲帮着看下`.
//!
//! Only members are read, and only when someone else is named before: a helper needs a lead.

use crate::domain::ids::Person;

/// Verbs that close a bracket naming helpers.
const HELPS: &[&str] = &["配合", "协助", "协办", "支持"];

/// What follows a helper's name at the head of a clause (`帮她`, `帮你`, `帮着`, `帮忙`).
const HELPING: &[&str] = &["帮他", "帮她", "帮你", "帮着", "帮忙", "帮一下"];

/// Whether someone other than `helper` is named in `before` (a lead for the helper).
fn lead_before(members: &[Person], before: &str, helper: &Person) -> bool {
    members.iter().any(|p| {
        p.name != helper.name && {
            let sur: String = p.name.chars().take(1).collect();
            let given: String = p.name.chars().skip(1).collect();
            before.contains(p.name.as_str())
                || (p.name.chars().count() == 3 && before.contains(given.as_str()))
                || before.contains(&format!("小{sur}"))
                || before.contains(&format!("老{sur}"))
        }
    })
}

/// `text` with the helpers it names aside written as `，某甲协助` at the end, if any.
///
/// `member` is the group's reading of a name ([`super::Ctx::resolve`]: the full name, the given
/// name, `小`/`老` and a surname, what colleagues call them), a member or none.
pub(super) fn helpers_aside(
    members: &[Person],
    member: impl Fn(&str) -> Option<Person>,
    text: &str,
) -> Option<String> {
    bracketed(members, &member, text).or_else(|| helping_clause(members, &member, text))
}

/// `…汇总（某甲配合）。` → `…汇总，某甲协助。`
fn bracketed(members: &[Person], member: &impl Fn(&str) -> Option<Person>, text: &str) -> Option<String> {
    let (open, close) = [("（", "）"), ("(", ")")]
        .into_iter()
        .find(|(o, _)| text.contains(o))?;
    let i = text.find(open)?;
    let before = text.get(..i)?;
    let len = text.get(i + open.len()..)?.find(close)?;
    let inner = text.get(i + open.len()..i + open.len() + len)?;
    let names = HELPS.iter().find_map(|v| inner.strip_suffix(v))?;
    let helpers: Vec<Person> = names
        .split(['、', '和'])
        .map(|n| member(n.trim()))
        .collect::<Option<Vec<_>>>()?;
    let first = helpers.first()?;
    if !lead_before(members, before, first) {
        return None;
    }
    let rest = text.get(i + open.len() + len + close.len()..)?;
    let names: Vec<&str> = helpers.iter().map(|p| p.name.as_str()).collect();
    Some(format!("{before}，{}协助{rest}", names.join("、")))
}

/// `…定下来，老蔺帮她对一下预算` → `…定下来，蔺伟协助对一下预算`.
fn helping_clause(
    members: &[Person],
    member: &impl Fn(&str) -> Option<Person>,
    text: &str,
) -> Option<String> {
    let mut at = 0;
    for clause in text.split_inclusive(['，', ',', '；']) {
        let head = clause.trim_start();
        let start = at + (clause.len() - head.len());
        at += clause.len();
        if start == 0 {
            continue;
        }
        for (verb_at, verb) in HELPING.iter().filter_map(|v| head.find(v).map(|i| (i, *v))) {
            let name = head.get(..verb_at).unwrap_or_default().trim();
            let n = name.chars().count();
            if !(2..=4).contains(&n) {
                continue;
            }
            let Some(p) = member(name) else {
                continue;
            };
            let before = text.get(..start).unwrap_or_default();
            if !lead_before(members, before, &p) {
                continue;
            }
            let after = text.get(start + verb_at + verb.len()..).unwrap_or_default();
            return Some(format!("{before}{}协助{after}", p.name));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::minutes::scan::testkit::people;

    /// `helpers_aside` with the group's own reading of names, as the scanner calls it.
    fn aside(members: &[Person], text: &str) -> Option<String> {
        let cal = crate::calendar::Calendar::builtin();
        let ctx = super::super::Ctx {
            mentions: &[],
            members,
            base: "2026-03-10T09:00:00Z".parse().unwrap(),
            cal: &cal,
            speaker: None,
            addressed: None,
            pair: None,
        };
        helpers_aside(members, |w| ctx.resolve(w).person().cloned(), text)
    }

    #[test]
    fn helpers_named_aside_follow_the_work() {
        let m = people(&["严冬梅", "柳青", "韦海"]);
        assert_eq!(
            aside(&m, "台账请严冬梅周五前整理（柳青配合）。").unwrap(),
            "台账请严冬梅周五前整理，柳青协助。"
        );
        assert_eq!(
            aside(&m, "冬梅你周五前把清单定下来，老韦帮她核一下预算。").unwrap(),
            "冬梅你周五前把清单定下来，韦海协助核一下预算。"
        );
        assert_eq!(
            aside(&m, "严冬梅先拟，柳青帮着看下，周五前给我。").unwrap(),
            "严冬梅先拟，柳青协助看下，周五前给我。"
        );
        assert!(aside(&m, "台账周五前整理（柳青配合）。").is_none());
        assert!(aside(&m, "柳青帮她核一下预算。").is_none());
        assert!(aside(&m, "严冬梅整理台账（客户经理配合）。").is_none());
    }
}
