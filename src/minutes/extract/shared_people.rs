//! One deadline said once for two people's work (pure), the way secretaries close a line:
//! - clauses of one sentence, each opened by a member, then the shared date:
//!   `甲整理A、乙核对B，两项都在周五前`, `甲负责A，乙负责B，12月25日前全部寄出`,
//!   `…；甲把A补上，乙汇总进B，都在8月14日前`;
//! - `；` pieces, then a sentence of only the shared date: `甲负责A；乙负责B。两项都在8月28日前完成。`
//!
//! The date is written into each piece (`甲整理A，周五前；乙核对B，周五前。`) so that each piece
//! reads as its own dated task with its own owner.

use crate::domain::ids::Person;

use super::shared_tail::{ALL, after_all, after_count};

/// `两项都在12月23日前交彭总` → `12月23日前交彭总`; `12月25日前全部寄出` → itself: the date said for
/// every piece before it, if the clause is only that.
fn shared_date(clause: &str) -> Option<String> {
    let c = clause.trim().trim_end_matches(['。', '.', '；', ';']);
    if c.contains(['，', ',', '：', ':']) {
        return None;
    }
    let due = if let Some(r) = after_all(after_count(c)) {
        r.to_owned()
    } else if let Some(r) = c
        .strip_prefix(['两', '二', '三', '几', '各'])
        .and_then(|r| r.strip_prefix(['项', '件']))
    {
        // `两项本月内完成`: the count of the pieces says the date is for each.
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

/// Words of a second hand on someone else's piece anywhere in a clause (`乙（合规部）配合`,
/// `乙负责复核口径`, `甲、乙共同起草`) …
const SECOND_HANDS: &[&str] = &[
    "审核", "评审", "审定", "审阅", "审批", "复核", "把关", "签发", "会签", "配合", "协助", "协同", "支持",
    "参与", "共同", "一起", "联合", "两位",
];
/// … and the verbs a second hand's clause opens with (`乙审`, `乙测试`, `乙确认`).
const SECOND_OPENS: &[&str] = &["审", "核", "签", "测试", "校", "确认"];

/// `下周五前完成`, `12月25日前补完`: a clause of only a date and its verb, no `都` — read as shared
/// only when every clause before it opens with a different member doing work of their own.
fn bare_date(clause: &str) -> Option<String> {
    let c = clause.trim().trim_end_matches(['。', '.', '；', ';']);
    let n = c.chars().count();
    let dated = c.contains("前") || c.contains("内");
    let opens = c.starts_with(|ch: char| ch.is_ascii_digit() || "下本这周月明今后".contains(ch));
    // `下周三前完成排期`: work said after the date is one piece of its own, not a shared date.
    let after = c
        .rfind(['前', '内'])
        .and_then(|i| c.get(i..))
        .map_or(0, |r| r.chars().count());
    let closes = after <= 3;
    ((3..=12).contains(&n) && dated && opens && closes && !c.contains(['已', '，', ',', '：']))
        .then(|| c.to_owned())
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

/// The member a clause hands its work to by `由`: `应急预案由甲更新` → 甲.
fn given_member<'m>(clause: &str, members: &'m [Person]) -> Option<&'m Person> {
    let (work, rest) = clause.split_once('由')?;
    if work.trim().chars().count() < 2 {
        return None;
    }
    members
        .iter()
        .filter(|p| p.name.chars().count() >= 2 && rest.starts_with(p.name.as_str()))
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
    // `1,900卷`: a comma between digits is a thousands mark, not a clause break.
    let chars: Vec<char> = segment.chars().collect();
    let segment: String = chars
        .iter()
        .enumerate()
        .map(|(i, &ch)| {
            let digits =
                i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if ch == ',' && !digits { '，' } else { ch }
        })
        .collect();
    // Under a date said once without `都`, a `、` lists names of one piece, not pieces.
    let marks: &[char] = if shared_date(segment.rsplit('，').next().unwrap_or_default()).is_some() {
        &['，', '、']
    } else {
        &['，']
    };
    let mut clauses: Vec<&str> = segment.split(marks).collect();
    // `著录空项的卷，甲先出清单，乙组织补录，…`: a topic naming nobody before the people's clauses.
    let topic = match clauses.first() {
        Some(t)
            if clauses.len() >= 4
                && opening_member(t, members).is_none()
                && !members.iter().any(|m| t.contains(m.name.as_str())) =>
        {
            clauses.remove(0)
        }
        _ => "",
    };
    let head = if topic.is_empty() {
        head.to_owned()
    } else {
        format!("{head}{topic}，")
    };
    let (last, work) = clauses.split_last()?;
    let shared = shared_date(last);
    let bare = if shared.is_none() { bare_date(last) } else { None };
    let due = shared.or_else(|| bare.clone())?;
    // `乙复核`, `乙（合规部）配合`, `甲、乙共同起草…`: a second hand on the same work, or two
    // names on one piece, when the date is not said to be for each.
    let second = |c: &str| {
        bare.is_some()
            && opening_member(c, members).is_none_or(|p| {
                c.split_once(p.name.as_str()).is_none_or(|(_, r)| {
                    r.chars().count() < 4
                        || SECOND_HANDS.iter().any(|v| r.contains(v))
                        || SECOND_OPENS.iter().any(|v| r.starts_with(v))
                        || members.iter().any(|m| r.contains(m.name.as_str()))
                })
            })
    };
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
    let doer = |c| opening_member(c, members).or_else(|| given_member(c, members));
    if !each_named(work, doer)
        || work
            .iter()
            .any(|c| c.trim().chars().count() < 5 || helps(c) || second(c))
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
