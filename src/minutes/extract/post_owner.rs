//! Posts named in the attendance line (pure): `参会：方某（合规专员）`, `出席：…、程某（营业部总经理）`,
//! `…；合规专员宋某`. Work given to that post (`由营业部总经理写出情况说明`, `营业部总经理带队…`, a
//! table's owner cell `合规专员`) is that member's, when one member alone holds it and the item
//! names no one else. A post for a group (`各营业部总经理`) stays nobody's.

use crate::domain::ids::Person;
use crate::minutes::item::ActionItem;
use crate::minutes::owner::OwnerRef;

/// How a post ends (`营业部总经理`, `合规专员`, `运营主管`).
const POST_ENDS: &[&str] = &[
    "总经理",
    "经理",
    "专员",
    "主管",
    "负责人",
    "总监",
    "主任",
    "书记",
    "组长",
];

/// Words of a line that lists who attended.
const ATTENDANCE: &[&str] = &["参会", "出席", "参加", "与会", "列席", "Attendees", "参会人"];

/// What follows a post that does the work (`营业部总经理带队…`).
const DOES: &[&str] = &["带队", "负责", "牵头", "写", "出", "编制", "整理"];

fn is_post(w: &str) -> bool {
    let n = w.chars().count();
    (2..=12).contains(&n)
        && w.chars().all(crate::minutes::scan::is_cjk)
        && POST_ENDS.iter().any(|e| w.ends_with(e))
        && !w.starts_with(['各', '全', '每'])
}

/// The posts the attendance lines give members: `(post, member)`, each post held by one member.
fn posts(lines: &[String], members: &[Person]) -> Vec<(String, Person)> {
    let mut found: Vec<(String, Person)> = Vec::new();
    for line in lines.iter().filter(|l| ATTENDANCE.iter().any(|w| l.contains(w))) {
        for p in members.iter().filter(|p| p.name.chars().count() >= 2) {
            for (i, _) in line.match_indices(p.name.as_str()) {
                // `方某（合规专员）`
                let after = line.get(i + p.name.len()..).unwrap_or_default();
                let bracketed = after
                    .strip_prefix('（')
                    .or_else(|| after.strip_prefix('('))
                    .and_then(|r| r.split_once(['）', ')']))
                    .map(|(inner, _)| inner.trim().to_owned());
                // `；合规专员宋某`: the post written right before the name.
                let before: String = {
                    let head = line.get(..i).unwrap_or_default();
                    let run: Vec<char> = head
                        .chars()
                        .rev()
                        .take_while(|c| crate::minutes::scan::is_cjk(*c))
                        .collect();
                    run.into_iter().rev().collect()
                };
                let before = POST_ENDS.iter().any(|e| before.ends_with(e)).then_some(before);
                for post in bracketed.into_iter().chain(before).filter(|w| is_post(w)) {
                    found.push((post, p.clone()));
                }
            }
        }
    }
    // A post two members hold names neither.
    let held: Vec<(String, Person)> = found
        .iter()
        .filter(|(w, p)| found.iter().all(|(w2, p2)| w2 != w || p2 == p))
        .cloned()
        .collect();
    let mut out: Vec<(String, Person)> = Vec::new();
    for h in held {
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

/// The member whose post the work is given to in `text`, or who is the `unit` written.
fn holder<'a>(posts: &'a [(String, Person)], text: &str, units: &[String]) -> Option<&'a Person> {
    let mut best: Option<(usize, &Person)> = None;
    for (post, p) in posts {
        let chars: Vec<char> = post.chars().collect();
        for k in 0..chars.len() {
            let w: String = chars.get(k..).unwrap_or_default().iter().collect();
            if !is_post(&w) || w.chars().count() < 4 {
                continue;
            }
            let by_unit = units.contains(&w);
            let by_text = text.match_indices(w.as_str()).any(|(i, _)| {
                let head = text.get(..i).unwrap_or_default();
                let tail = text.get(i + w.len()..).unwrap_or_default();
                let group = head.ends_with(['各', '全', '每']);
                let given = head.ends_with('由')
                    || ((head.trim().is_empty() || head.ends_with(['，', ',']))
                        && DOES.iter().any(|d| tail.starts_with(d)));
                !group && given
            });
            if (by_unit || by_text) && best.is_none_or(|(n, _)| w.len() > n) {
                best = Some((w.len(), p));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// Gives the items that name no one but a post held by one member to that member.
pub(super) fn posts_to_members(items: &mut [ActionItem], lines: &[String], members: &[Person]) {
    let posts = posts(lines, members);
    if posts.is_empty() {
        return;
    }
    for item in items.iter_mut().filter(|i| i.owners.is_empty()) {
        if let Some(p) = holder(&posts, &item.text, &item.units) {
            item.owners = vec![OwnerRef::Person(p.clone())];
            item.units
                .retain(|u| !posts.iter().any(|(w, _)| w.ends_with(u.as_str())));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::minutes::scan::testkit::people;

    #[test]
    fn a_post_in_the_attendance_line_names_its_holder() {
        let m = people(&["严冬梅", "柳青", "韦海"]);
        let lines = vec!["参会：严冬梅、柳青（西城营业部总经理）；运营专员韦海".to_owned()];
        let p = posts(&lines, &m);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(holder(&p, "由营业部总经理写出说明", &[]).unwrap().name, "柳青");
        assert_eq!(
            holder(&p, "节前，营业部总经理带队走访", &[]).unwrap().name,
            "柳青"
        );
        assert_eq!(
            holder(&p, "开业报备材料", &["运营专员".to_owned()]).unwrap().name,
            "韦海"
        );
        assert!(holder(&p, "由各营业部总经理写出说明", &[]).is_none());
        assert!(holder(&p, "报营业部总经理审批", &[]).is_none());
    }
}
