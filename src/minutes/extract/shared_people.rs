//! One deadline said once for two people's work (pure), the way secretaries close a line:
//! - clauses of one sentence, each opened by a member, then the shared date:
//!   `甲整理A、乙核对B，两项都在周五前`, `甲负责A，乙负责B，12月25日前全部寄出`,
//!   `…；甲把A补上，乙汇总进B，都在8月14日前`;
//! - `；` pieces, then a sentence of only the shared date: `甲负责A；乙负责B。两项都在8月28日前完成。`
//!
//! The date is written into each piece (`甲整理A，周五前；乙核对B，周五前。`) so that each piece
//! reads as its own dated task with its own owner.

use crate::domain::ids::Person;

/// Words that say the date holds for every piece (`均`, `都`, `全部`).
const ALL: &[&str] = &["均", "都", "全部", "统一", "一律"];

/// `两项都在12月23日前交彭总` → `12月23日前交彭总`; `12月25日前全部寄出` → itself: the date said for
/// every piece before it, if the clause is only that.
fn shared_date(clause: &str) -> Option<String> {
    let c = clause.trim().trim_end_matches(['。', '.', '；', ';']);
    if c.contains(['，', ',', '：', ':']) {
        return None;
    }
    let counted = c
        .trim_start_matches(['以', '上'])
        .trim_start_matches(['两', '二', '三', '几', '各'])
        .trim_start_matches(['项', '件']);
    let due = if let Some(r) = ALL.iter().find_map(|w| counted.strip_prefix(w)) {
        let r = ["须", "需", "要"]
            .iter()
            .find_map(|w| r.strip_prefix(w))
            .unwrap_or(r);
        ["于", "在"]
            .iter()
            .find_map(|w| r.strip_prefix(w))
            .unwrap_or(r)
            .to_owned()
    } else if ALL
        .iter()
        .any(|w| c.contains(&format!("前{w}")) || c.contains(&format!("内{w}")))
    {
        // `12月25日前全部寄出`: the date, then `全部` and the verb.
        c.to_owned()
    } else {
        return None;
    };
    let n = due.chars().count();
    let dated = due.contains('前') || due.contains('内');
    ((2..=16).contains(&n) && dated && due.chars().next().is_some_and(|ch| ch != '已')).then_some(due)
}

/// The member a clause opens with (after a list number such as `2. `/`（1）`), if any.
fn opening_member<'m>(clause: &str, members: &'m [Person]) -> Option<&'m Person> {
    let c = clause
        .trim_start()
        .trim_start_matches(|ch: char| ch.is_ascii_digit() || "（）().、 ".contains(ch));
    members
        .iter()
        .filter(|p| p.name.chars().count() >= 2 && c.starts_with(p.name.as_str()))
        .max_by_key(|p| p.name.len())
}

/// Whether `pieces` name two or more different members, each of its own piece.
fn each_named<'p>(pieces: &[&'p str], who: impl Fn(&'p str) -> Option<&'p Person>) -> bool {
    let found: Vec<&Person> = pieces.iter().filter_map(|p| who(p)).collect();
    found.len() == pieces.len()
        && pieces.len() >= 2
        && found.iter().enumerate().all(|(i, p)| !found[..i].contains(p))
}

/// The line with its shared date written into each person's piece, if it closes so.
fn spread(line: &str, members: &[Person]) -> Option<String> {
    let body = line.trim_end().trim_end_matches(['。', '.']);
    // `甲负责A；乙负责B。两项都在8月28日前完成`: a sentence of only the date after `；` pieces.
    if let Some((work, last)) = body.rsplit_once('。')
        && let Some(due) = shared_date(last)
    {
        let pieces: Vec<&str> = work.split(['；', ';']).collect();
        let named = |p: &str| {
            members
                .iter()
                .find(|m| m.name.chars().count() >= 2 && p.contains(m.name.as_str()))
        };
        if pieces.iter().all(|p| p.trim().chars().count() >= 4) && each_named(&pieces, named) {
            let dated: Vec<String> = pieces
                .iter()
                .map(|p| format!("{}，{due}", p.trim_end()))
                .collect();
            return Some(format!("{}。", dated.join("；")));
        }
        return None;
    }
    // Clauses each opened by a member, the shared date last, after the line's last `；`/`：`.
    let start = body.rfind(['；', '：', ';', ':']).map_or(0, |i| {
        i + body
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8)
    });
    let (head, segment) = body.split_at(start);
    let clauses: Vec<&str> = segment.split(['，', ',', '、']).collect();
    let (last, work) = clauses.split_last()?;
    let due = shared_date(last)?;
    // `乙配合测算`: a helper on the same work, not work of its own.
    let helps = |c: &str| {
        opening_member(c, members).is_some_and(|p| {
            c.split_once(p.name.as_str()).is_some_and(|(_, r)| {
                ["配合", "协助", "协同", "帮", "参与", "支持"]
                    .iter()
                    .any(|v| r.starts_with(v))
            })
        })
    };
    if !each_named(work, |c| opening_member(c, members))
        || work.iter().any(|c| c.trim().chars().count() < 5 || helps(c))
    {
        return None;
    }
    let dated: Vec<String> = work.iter().map(|c| format!("{}，{due}", c.trim_end())).collect();
    Some(format!("{head}{}。", dated.join("；")))
}

/// Writes a date said once for several people's work into each one's piece.
pub(super) fn spread_people_dates(lines: &mut [String], members: &[Person]) {
    for line in lines.iter_mut() {
        if let Some(l) = spread(line, members) {
            *line = l;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::minutes::scan::testkit::people;

    #[test]
    fn a_date_said_once_goes_to_each_persons_piece() {
        let m = people(&["严冬梅", "柳青", "韦海"]);
        assert_eq!(
            spread("3. 严冬梅汇总报名表、柳青核对场地预算，两项均在周四前交我。", &m).unwrap(),
            "3. 严冬梅汇总报名表，周四前交我；柳青核对场地预算，周四前交我。"
        );
        assert_eq!(
            spread(
                "讲座筹备：柳青负责讲师邀约，韦海负责物料印制，3月20日前全部到位。",
                &m
            )
            .unwrap(),
            "讲座筹备：柳青负责讲师邀约，3月20日前全部到位；韦海负责物料印制，3月20日前全部到位。"
        );
        assert_eq!(
            spread("场地由韦海联系；柳青负责报名统计。两项都在下周一前完成。", &m).unwrap(),
            "场地由韦海联系，下周一前完成；柳青负责报名统计，下周一前完成。"
        );
        assert!(spread("严冬梅汇总报名表，柳青协助，周四前交我。", &m).is_none());
        assert!(spread("严冬梅汇总报名表、核对场地预算，两项均在周四前。", &m).is_none());
        assert!(spread("报名表和场地预算两项均已完成。", &m).is_none());
        assert!(spread("严冬梅汇总报名表，柳青配合整理名单，周四前都要交。", &m).is_none());
    }
}
