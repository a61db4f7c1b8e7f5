//! A meeting's head line naming who came (pure): `门禁改造碰头（3月4日）某某、某某`,
//! `社保代办沟通会（6/24）：某某、某某` — a title, the meeting's date in brackets, then only the
//! names of those present. It records the meeting; the date is when it met, not a deadline.

use crate::minutes::scan::has_task_verb;

/// Whether `s` is only a date, perhaps with a weekday or a clock time (`3月4日`, `6/24`,
/// `2026-03-04 周三`, `3.4 14:00`).
fn is_date_only(s: &str) -> bool {
    let s = s.trim();
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || "年月日号/-.:：，, 　周星期一二三四五六日天上下午".contains(c))
}

/// Whether `s` is a list of names and nothing else: two or more, or one after a colon, each of
/// two to four Chinese characters with no task verb in it.
fn is_names_only(s: &str) -> bool {
    let s = s.trim();
    let colon = s.starts_with(['：', ':']);
    let names: Vec<&str> = s
        .trim_start_matches(['：', ':'])
        .split(['、', '，', ',', ' ', '　', '/'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    let cjk = |w: &str| w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (names.len() >= 2 || (colon && names.len() == 1))
        && names
            .iter()
            .all(|n| cjk(n) && (2..=4).contains(&n.chars().count()) && !has_task_verb(n))
}

/// Whether `raw` is a title, its date in brackets, then only names (`碰头（10月9日）某某、某某`).
pub(super) fn is_named_head(raw: &str) -> bool {
    let s = raw.trim().trim_start_matches('#').trim();
    let Some((title, rest)) = s.split_once(['（', '(']) else {
        return false;
    };
    let Some((date, names)) = rest.split_once(['）', ')']) else {
        return false;
    };
    !title.trim().is_empty()
        && title.chars().count() <= 30
        && !title.contains(['，', ',', '。', '；', ';', '：', ':'])
        && is_date_only(date)
        && is_names_only(names)
}

#[cfg(test)]
mod tests {
    use super::is_named_head;

    #[test]
    fn a_title_its_date_and_the_names_of_those_present_is_a_head() {
        for l in [
            "门禁改造碰头（3月4日）严冬、柳青",
            "社保代办沟通会（6/24）：柳青、孟河",
            "## 周例会(2026-03-04 周三) 严冬 柳青 孟河",
            "培训对接（3.4 14:00）：孟河",
        ] {
            assert!(is_named_head(l), "{l}");
        }
        for l in [
            "门禁改造碰头（3月4日）严冬负责",
            "严冬（3月4日前）提交门禁改造方案",
            "门禁改造（柳青）3月4日前完成",
            "门禁改造碰头（3月4日）严冬",
        ] {
            assert!(!is_named_head(l), "{l}");
        }
    }
}
