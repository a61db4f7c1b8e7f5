//! A dated header line (pure): `2026年5月6日（周三） 负责人：某某`, `更新于 2026年12月11日 17:00 ·
//! 作者 @某某` — the day the minutes or the document were written, then who holds a role in the
//! meeting: a record of the meeting, not a task.

use crate::minutes::scan::{DEPARTMENT_ENDS, has_task_verb};

/// Words of a role in the meeting written after a name.
const ROLES: &[&str] = &["作者", "记录", "创建", "主讲", "主持", "整理"];

/// Whether `raw` opens with a full date (`2026年5月6日`, after `更新于` or not), perhaps a weekday
/// in brackets and a clock time, and says nothing else than short `角色：某某` fields, `@某某` or
/// `作者`.
pub(super) fn is_dated_header(raw: &str) -> bool {
    let s = raw.trim();
    let s = s.strip_prefix("更新于").unwrap_or(s).trim_start();
    let Some(rest) = after_full_date(s) else {
        return false;
    };
    let mut rest = rest.trim_start();
    // `（周三，节后首日）`
    if let Some(r) = rest.strip_prefix(['（', '('])
        && let Some((_, after)) = r.split_once(['）', ')'])
    {
        rest = after.trim_start();
    }
    // `17:00`, `16:00-17:30`
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || ":：-–~ ".contains(c));
    if rest.contains(['，', ',', '。', '；', ';']) {
        return false;
    }
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '·' || c == '　')
        .filter(|w| !w.is_empty())
        .collect();
    // `信用业务部 某某 主讲`: who speaks, with their unit, no colon.
    let role = words.iter().any(|w| ROLES.contains(w));
    words.iter().all(|&w| {
        w.starts_with('@')
            || ROLES.contains(&w)
            || (role && (1..=8).contains(&w.chars().count()) && !has_task_verb(w) && !w.contains(['：', ':']))
            || w.split_once(['：', ':']).is_some_and(|(key, value)| {
                (1..=8).contains(&key.chars().count())
                    && (1..=10).contains(&value.chars().count())
                    && !has_task_verb(value)
            })
    })
}

/// Whether `raw` is a date (`7月1日`, `2026年8月5日`), perhaps its weekday in brackets, then only
/// a unit and a person, apart (`7月1日　人力资源部　某某`): who wrote the minutes, not a task.
pub(super) fn is_unit_signature(raw: &str) -> bool {
    let s = raw.trim();
    let Some(rest) = after_full_date(s).or_else(|| after_month_day(s)) else {
        return false;
    };
    let mut rest = rest.trim_start();
    if let Some(r) = rest.strip_prefix(['（', '('])
        && let Some((inside, after)) = r.split_once(['）', ')'])
        && inside.chars().count() <= 6
    {
        rest = after;
    }
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let cjk = |w: &str| w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    matches!(words.as_slice(), [unit, person]
        if cjk(unit) && cjk(person)
            && (2..=10).contains(&unit.chars().count())
            && unit.ends_with(DEPARTMENT_ENDS)
            && (2..=4).contains(&person.chars().count())
            && !has_task_verb(unit)
            && !has_task_verb(person))
}

/// Whether `raw` is a title, then its full date in brackets, then only short role fields
/// (`周推进表（2026年4月1日） 牵头：某某`): the document's head, not a task.
pub(super) fn is_titled_dated_header(raw: &str) -> bool {
    let s = raw.trim();
    let Some((title, rest)) = s.split_once(['（', '(']) else {
        return false;
    };
    let Some((date, fields)) = rest.split_once(['）', ')']) else {
        return false;
    };
    !title.is_empty()
        && title.chars().count() <= 30
        && !title.contains(['，', ',', '。', '；', ';', '：', ':'])
        && after_full_date(date.trim()).is_some_and(|r| r.trim().is_empty())
        && fields.contains(['：', ':'])
        && is_dated_header(&format!("{}{fields}", date.trim()))
}

/// What follows a month and a day (`7月1日`) that open `s`.
fn after_month_day(s: &str) -> Option<&str> {
    let (month, rest) = s.split_once('月')?;
    let (day, rest) = rest.split_once('日')?;
    let digits = |t: &str| (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit());
    (digits(month) && digits(day)).then_some(rest)
}

/// What follows a full date (`2026年5月6日`) that opens `s`.
fn after_full_date(s: &str) -> Option<&str> {
    let (year, rest) = s.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once('日')?;
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.trim().len()) && t.trim().chars().all(|c| c.is_ascii_digit())
    };
    (digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2)).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::{is_dated_header, is_titled_dated_header, is_unit_signature};

    #[test]
    fn a_title_its_bracketed_date_and_a_role_is_a_header() {
        assert!(is_titled_dated_header("系统切换周报（2026年3月2日） 牵头：鲁平"));
        assert!(!is_titled_dated_header("系统切换周报（2026年3月2日）"));
        assert!(!is_titled_dated_header(
            "提交切换方案，鲁平负责（2026年3月2日） 牵头：鲁平"
        ));
    }

    #[test]
    fn a_date_then_a_unit_and_a_person_is_a_signature() {
        assert!(is_unit_signature("3月2日　运营管理部　鲁平"));
        assert!(is_unit_signature("2026年3月2日（周一） 信用业务部 鲁平"));
        assert!(!is_unit_signature("3月2日　运营管理部　鲁平　提交评审报告"));
        assert!(!is_unit_signature("3月2日前运营管理部鲁平提交评审报告"));
        assert!(!is_unit_signature("3月2日　值班　鲁平"));
    }

    #[test]
    fn a_date_then_role_fields_is_a_header() {
        assert!(is_dated_header("2026年3月2日（周一，节后首日） 负责人：鲁平"));
        assert!(is_dated_header("2026年3月2日（周一） 评审组长：鲁平"));
        assert!(is_dated_header("更新于 2026年3月2日 17:00 · 作者 @鲁平"));
        assert!(!is_dated_header("2026年3月2日前鲁平提交评审报告"));
        assert!(!is_dated_header("2026年3月2日 鲁平：提交评审报告，周五前发群里"));
        assert!(!is_dated_header("3月2日 负责人：鲁平"));
        assert!(!is_dated_header("2026年3月2日 鲁平：提交评审报告"));
        assert!(is_dated_header("2026年3月2日 信用业务部 鲁平 主讲"));
        assert!(!is_dated_header("2026年3月2日 鲁平 提交评审报告"));
    }
}
