//! People from outside the group named in the minutes' header (pure): `抄送：会计师 章敏，律师 柳青`,
//! `区金融办：副主任 韩立新，…资本市场科 陆佳`, `Cc: 恒信科技 陆明`. Work given to one of them by
//! name (`预审资料清单由会计师章敏出具`, `陆明 to share v3 reference clients`) is theirs — named as
//! written, since they are no member to notify — when the item names no one else.

use crate::domain::ids::Person;
use crate::minutes::item::ActionItem;
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{DEPARTMENT_ENDS, is_cjk};

/// Keys of a header line naming people who came or are copied.
const KEYS: &[&str] = &[
    "抄送",
    "参会",
    "出席",
    "参加",
    "与会",
    "列席",
    "客方",
    "对方",
    "来访",
    "Cc",
    "CC",
    "cc",
    "Attendees",
];

/// What follows a guest's name when they do the work.
const DOES: &[&str] = &[
    "出具", "提供", "负责", "牵头", "准备", "整理", "反馈", "起草", "确认", " to ", "to ", " will ",
];

/// Ends of an outside body's name (beside a department's, `DEPARTMENT_ENDS`), never a person's.
const BODY_ENDS: &[char] = &['司', '办', '局', '所', '会', '院', '厅', '委'];

/// The guests a header line names: the last word of each listed entry (`会计师 章敏` → `章敏`), of
/// two or three Chinese characters and no unit.
fn named_in(value: &str, members: &[Person]) -> Vec<String> {
    value
        .split(['，', ',', '、', '；', ';'])
        .filter_map(|entry| {
            // `杭立诚（信创项目组）`: the desk in brackets after the name is no part of it.
            let entry = entry.split(['（', '(']).next().unwrap_or(entry);
            let word = entry.split_whitespace().last()?.trim_end_matches(['。', '.']);
            let n = word.chars().count();
            ((2..=3).contains(&n)
                && word.chars().all(is_cjk)
                && !word.ends_with(DEPARTMENT_ENDS)
                && !word.ends_with(BODY_ENDS)
                // `负责人`, `专员`, `各位`: a post or a group, not a name.
                && !word.ends_with(['人', '员', '长', '总', '师', '官', '者', '们', '位', '体', '等'])
                && !members.iter().any(|p| p.name.contains(word)))
            .then(|| word.to_owned())
        })
        .collect()
}

/// The guests of the minutes' header lines (the first twelve lines).
pub(super) fn guests(lines: &[String], members: &[Person]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines.iter().take(12) {
        let t = line.trim();
        let Some((key, value)) = t.split_once(['：', ':']) else {
            continue;
        };
        let key = key.trim();
        // `区金融办：副主任 韩立新，…` under `双方出席人员`: a party's people.
        let party = key.chars().count() <= 8 && value.contains(' ') && !key.contains("时间");
        if KEYS.iter().any(|k| key.contains(k)) || party {
            for g in named_in(value, members) {
                if !out.contains(&g) {
                    out.push(g);
                }
            }
        }
    }
    out
}

/// Items naming no one given a guest named as the one who does the work.
pub(super) fn guests_do(items: &mut [ActionItem], guests: &[String]) {
    for item in items.iter_mut().filter(|i| i.owners.is_empty()) {
        let doers: Vec<&String> = guests
            .iter()
            .filter(|g| {
                item.text.match_indices(g.as_str()).any(|(at, _)| {
                    let after = &item.text[at + g.len()..];
                    let before = &item.text[..at];
                    DOES.iter().any(|d| after.starts_with(d))
                        || before.ends_with('由')
                        // `请杭立诚修改回退方案`: the guest asked by name.
                        || before.ends_with('请')
                        || before.rfind('由').is_some_and(|b| {
                            before[b..].chars().count() <= 5 && !before[b..].contains(['，', ','])
                        })
                })
            })
            .collect();
        if let [one] = doers.as_slice() {
            item.owners = vec![OwnerRef::Unresolved((*one).clone())];
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::minutes::extract::testkit::{owners, run};

    #[test]
    fn a_guest_named_in_the_header_owns_the_work_given_them() {
        let ex = run(
            "主题：年报审计协调会\n\
             发件人：许文杰\n\
             抄送：会计师 章敏，律师 柳青\n\
             \n\
             会后需要落实：\n\
             - 预审资料清单由会计师章敏出具，3月13日前发我们；\n\
             - 叶青负责按清单准备预审资料，3月20日前备齐；\n\
             - 合同续签的OA审批，3月16日前走完。\n",
            &["许文杰", "叶青"],
        );
        assert_eq!(owners(&ex), [vec!["章敏"], vec!["叶青"], Vec::<&str>::new()]);
    }
}
