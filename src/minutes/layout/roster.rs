//! Roster lines of a review meeting (pure): `评审人：储天明（产品负责人）、季宛如、孟浩宇`,
//! `评议：盛国华、合规负责人 娄晓岚`, `述职人：霍思远、阎海涛` — who reviewed or reported, a record
//! like `参会人员：…`, even where a role title (`负责人`) sits beside a name.

/// Labels that open a list of the people reviewing, assessing or reporting.
const ROSTER_KEYS: &[&str] = &[
    "评审人员",
    "评审人",
    "评审组",
    "评审专家",
    "评审",
    "评议人",
    "评议",
    "评委",
    "述职人",
    "汇报人",
    // `我方：某某（项目负责人）、某某`: each side of a meeting with another party.
    "我方",
    "对方",
    "列席",
];

/// Whether the line is a roster: one of [`ROSTER_KEYS`], a colon, then at least two entries
/// apart by `、` and no sentence punctuation.
pub(crate) fn is_roster(line: &str) -> bool {
    let s = line
        .trim_start_matches(['-', '*', ' ', '•'])
        .trim_start_matches("**");
    // `经办人：某某 联系电话：内线6127`: whom to call, a form's header field.
    if !s.contains(['，', ',', '。', '；', ';']) {
        let phone = ["联系电话", "电话", "手机", "分机"].iter().any(|k| {
            s.split_whitespace().any(|w| {
                w.strip_prefix(k)
                    .and_then(|r| r.strip_prefix(['：', ':']))
                    .is_some_and(|v| v.chars().filter(char::is_ascii_digit).count() >= 4)
            })
        });
        if phone {
            return true;
        }
    }
    // `承办部门负责人签收：某某　某某`: who signed the slip, a record of it.
    if let Some((key, value)) = s.split_once(['：', ':'])
        && ["签收", "签字", "签名", "会签"]
            .iter()
            .any(|w| key.trim().ends_with(w))
        && !value.trim().is_empty()
        && !value.contains(['，', ',', '。', '；', ';', '？', '！'])
    {
        return true;
    }
    ROSTER_KEYS.iter().any(|k| {
        s.strip_prefix(k)
            .map(|r| r.trim_start_matches("**").trim_start())
            .and_then(|r| r.strip_prefix([':', '：']))
            .is_some_and(|v| v.contains('、') && !v.contains(['，', ',', '。', '；', ';', '？', '！']))
    })
}

#[cfg(test)]
mod tests {
    use super::is_roster;

    #[test]
    fn a_list_of_reviewers_with_role_titles_is_a_roster() {
        assert!(is_roster("评议：盛国华、合规负责人 娄晓岚、财务负责人 赖春生"));
        assert!(is_roster("评审人：储天明（产品负责人）、季宛如、孟浩宇"));
        assert!(is_roster("评审：汤宇辰（合规）、白露瑶、饶建新（IT）"));
        assert!(!is_roster("评审：储天明负责，下周五前出结论"));
        assert!(!is_roster("评审意见：通过、纳入版本"));
        assert!(!is_roster("评审：储天明"));
        assert!(is_roster("我方：韦海（项目负责人）、柳青、严冬"));
        assert!(is_roster("承办部门负责人签收：韦海　柳青"));
        assert!(is_roster("联系人：韦海 电话：分机3321"));
        assert!(!is_roster("韦海：电话：3321，周五前回访客户"));
        assert!(!is_roster("签收：请各网点周五前完成，回执发我"));
        assert!(!is_roster("我方：韦海负责，周五前回复对方"));
    }
}
