//! Duty rotas and sub-meeting heads (pure): `- 10月1日：主班 张三，副班 李四，二线 王五` and
//! `- 12/05 周末: 张三 primary, 李四 backup` say who is on duty which day, no work asked; a
//! head `【会议一】某某季度会（14:00）` opens one of several meetings in one set of minutes.

/// Duty roles a rota pairs with a name.
const ROLES: &[&str] = &[
    "值班长",
    "主班",
    "副班",
    "一线",
    "二线",
    "三线",
    "带班",
    "值班",
    "备班",
    "备岗",
    "AB角",
    "A角",
    "B角",
    "primary",
    "secondary",
    "backup",
    "on-call",
    "oncall",
];

/// Whether one comma-separated part is a role and a short name, in either order.
fn is_slot(part: &str) -> bool {
    let p = part.trim();
    ROLES.iter().any(|r| {
        let rest = p.strip_prefix(r).or_else(|| p.strip_suffix(r)).map(str::trim);
        rest.is_some_and(|n| {
            !n.is_empty()
                && n.chars().count() <= 10
                && !n.contains(char::is_whitespace)
                && n.chars().all(|c| c.is_alphanumeric() || "·.()（）".contains(c))
        })
    })
}

/// Whether the line is a rota entry: an optional label before a colon (a day, a period), then
/// at least two parts apart by commas, each a duty role with a name.
pub(super) fn is_rota(raw: &str) -> bool {
    let s = raw
        .trim_start()
        .trim_start_matches(['-', '*', '•', ' '])
        .trim_end()
        .trim_end_matches(['。', '.', '；', ';']);
    let body = s.split_once(['：', ':']).map_or(s, |(_, b)| b);
    let parts: Vec<&str> = body.split(['，', ',', '、', '；', ';', '/']).collect();
    (parts.len() >= 2 && parts.iter().all(|p| is_slot(p))) || day_and_names(s)
}

/// `2月16日（周一）　某甲　某乙`: a day of a duty table and who is on it, nothing else.
fn day_and_names(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let [day, names @ ..] = words.as_slice() else {
        return false;
    };
    day.starts_with(|c: char| c.is_ascii_digit())
        && day.contains(['日', '号', '/'])
        && day
            .chars()
            .all(|c| c.is_ascii_digit() || "月日号/（）()周一二三四五六天".contains(c))
        && (1..=3).contains(&names.len())
        && names
            .iter()
            .all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(crate::minutes::scan::is_cjk))
}

/// Whether the line heads one of several meetings: `【会议一】…`, `会议二：…`.
pub(super) fn is_sub_meeting_head(raw: &str) -> bool {
    let s = raw
        .trim_start()
        .trim_start_matches(['-', '*', '#', ' '])
        .trim_start_matches("**")
        .trim_start_matches(['【', '[']);
    s.strip_prefix("会议").is_some_and(|r| {
        let num: String = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .collect();
        !num.is_empty() && r[num.len()..].trim_start().starts_with(['】', ']', '：', ':'])
    })
}

#[cfg(test)]
mod tests {
    use super::{is_rota, is_sub_meeting_head};

    #[test]
    fn a_day_and_who_is_on_duty_is_a_rota() {
        assert!(is_rota("2月16日（周一） 高原 苏晴"));
        assert!(is_rota("10/3 林涛"));
        assert!(!is_rota("2月16日 高原负责复盘"));
        assert!(!is_rota("2月16日前 提交 复盘报告 初稿 终稿"));
    }

    #[test]
    fn a_day_of_duty_roles_and_names_is_a_rota() {
        assert!(is_rota("- 5月2日：主班 严冬，副班 柳青，二线 孟河"));
        assert!(is_rota("- 3/14-3/15 周末: 严冬 primary, Kevin backup"));
        assert!(is_rota("值班：A角 严冬、B角 柳青"));
        assert!(!is_rota("- 5月2日：严冬负责值班表调整，柳青配合"));
        assert!(!is_rota("- 主班 严冬 5月2日前更新值班手册，副班 柳青配合"));
    }

    #[test]
    fn a_numbered_meeting_in_brackets_heads_a_meeting() {
        assert!(is_sub_meeting_head("【会议一】客户服务季度会（10:00）"));
        assert!(is_sub_meeting_head("会议2：产品评审会"));
        assert!(!is_sub_meeting_head("会议材料由严冬准备，周五前发出"));
        assert!(!is_sub_meeting_head("【会议纪要】严冬周五前提交"));
    }
}
