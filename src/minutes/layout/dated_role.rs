//! `8月12日　主任委员：龙景和`, `4月22日 汇报人：褚一鸣`, `1月21日 评审：濮国栋`,
//! `10月9日 例会汇报（某某）` (pure): a header
//! line of the meeting's day and who held, chaired, reviewed or reported it — a date, then a role
//! or meeting label and one to four names. Nothing in it is work: a role title (a noun ending in
//! `人`, `员`, `长`, `任`, `席`, `委`) or a meeting label names who was there, not what is to be done.

/// Labels that are not a role noun yet only say who reviewed, chaired or recorded.
const ROLE_LABELS: &[&str] = &[
    "评审", "评议", "主持", "记录", "汇报", "述职", "列席", "出席", "参会", "与会", "召集",
];

/// Role-title ends (`主任委员`, `汇报人`, `组长`, `主任`, `主席`, `委员`).
const ROLE_ENDS: &[char] = &['人', '员', '长', '任', '席', '委'];

fn is_date(p: &str) -> bool {
    p.chars().any(|c| c.is_ascii_digit())
        && p.chars().all(|c| c.is_ascii_digit() || "-/.年月日号".contains(c))
        && !p.ends_with(['-', '/', '.'])
}

fn is_role(key: &str) -> bool {
    let n = key.chars().count();
    (2..=6).contains(&n)
        && key.chars().all(crate::minutes::scan::is_cjk)
        && (ROLE_LABELS.contains(&key) || key.ends_with(ROLE_ENDS))
}

/// One to four entries apart by `、`, each two to four CJK characters: names, nothing more.
fn is_names(v: &str) -> bool {
    let parts: Vec<&str> = v.split(['、', ',', '，']).map(str::trim).collect();
    (1..=4).contains(&parts.len())
        && !v.contains(['，', ','])
        && parts
            .iter()
            .all(|p| (2..=4).contains(&p.chars().count()) && p.chars().all(crate::minutes::scan::is_cjk))
}

/// Whether `line` is a date, whitespace, then `role：names` and nothing else, or that wrapped
/// whole in one pair of brackets (`（5月13日 汇报人：某某）` under a title).
pub(super) fn is_dated_role(line: &str) -> bool {
    let s = line.trim();
    let s = [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')]
        .iter()
        .find_map(|(o, c)| s.strip_prefix(*o).and_then(|r| r.strip_suffix(*c)))
        .map_or(s, str::trim);
    let Some(at) = s.find(char::is_whitespace) else {
        return false;
    };
    let (date, rest) = s.split_at(at);
    if is_date(date) && meeting_by(rest.trim()) {
        return true;
    }
    let Some((key, value)) = rest.trim().split_once(['：', ':']) else {
        return false;
    };
    is_date(date) && is_role(key.trim()) && is_names(value.trim())
}

/// `例会汇报（某某）`, `周例会（某某）`: the meeting's kind, then who gave it in brackets.
fn meeting_by(rest: &str) -> bool {
    let Some((label, names)) = rest
        .strip_suffix(['）', ')'])
        .and_then(|r| r.split_once(['（', '(']))
    else {
        return false;
    };
    let label = label.trim();
    let n = label.chars().count();
    (2..=6).contains(&n)
        && label.chars().all(crate::minutes::scan::is_cjk)
        && (ROLE_LABELS.iter().any(|l| label.ends_with(l)) || label.ends_with('会'))
        && is_names(names.trim())
}

#[cfg(test)]
mod tests {
    use super::is_dated_role;

    #[test]
    fn a_date_and_who_chaired_or_reported_is_a_header() {
        assert!(is_dated_role("9月3日　主任委员：鲍文清"));
        assert!(is_dated_role("3月18日 汇报人：邢海"));
        assert!(is_dated_role("（3月18日 汇报人：邢海）"));
        assert!(!is_dated_role("（3月18日 汇报人：邢海）下周五前提交"));
        assert!(is_dated_role("2026-05-07 评审：谷一帆"));
        assert!(is_dated_role("6月2日  组长：史可、佟丽"));
        assert!(!is_dated_role("6月30日 上线：谷一帆"));
        assert!(!is_dated_role("6月30日前 负责人：谷一帆"));
        assert!(!is_dated_role("9月3日 主任委员：鲍文清下周五前提交方案"));
        assert!(!is_dated_role("主任委员：鲍文清"));
        assert!(is_dated_role("11月4日 例会汇报（邢海）"));
        assert!(is_dated_role("11月4日 周例会（邢海、史可）"));
        assert!(!is_dated_role("11月4日 提交方案（邢海）"));
        assert!(!is_dated_role("11月4日 例会汇报（邢海负责整理材料）"));
    }
}
