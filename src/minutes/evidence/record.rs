//! Lines that record rather than assign (pure): a struck-out item (`2. ~~线下沙龙 —— 某某，4月25日~~
//! （取消）`), and a roll call that is only a date and the people present
//! (`Wed 10 Jun, 16:00. Jason Li, Mia Chen, Oscar Wang`).

/// Whether the line's content is struck out: a `~~…~~` span and, outside it, only a list
/// marker, punctuation and a bracketed remark (`（取消，改线上）`, `（不再需要）`).
pub(super) fn is_struck(raw: &str) -> bool {
    let mut parts = raw.split("~~");
    let Some(before) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    // At least one opened and closed span.
    if rest.len() < 2 {
        return false;
    }
    let mut outside = String::from(before);
    for (i, p) in rest.iter().enumerate() {
        // Odd pieces (0-based among `rest`) lie outside the struck spans.
        if i % 2 == 1 {
            outside.push_str(p);
        }
    }
    let mut depth = 0usize;
    let words = outside
        .chars()
        .filter(|c| {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .filter(|c| c.is_alphabetic())
        .count();
    words == 0
}

/// Words of a date line in English (`Wed 10 Jun`, `3pm`).
const DATE_WORDS: &[&str] = &[
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
    "sep", "oct", "nov", "dec", "am", "pm",
];

/// Whether the line is only people (`names`, at least three of them found by the scanner, and
/// any other capitalised English name between commas) and a date or clock time: the meeting's
/// roll call, not work.
pub(super) fn is_roll_call(raw: &str, names: &[String]) -> bool {
    if names.len() < 3 {
        return false;
    }
    let mut rest = raw.to_owned();
    for n in names {
        if !rest.contains(n.as_str()) {
            return false;
        }
        rest = rest.replace(n.as_str(), " ");
    }
    let date_like = |seg: &str| {
        seg.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || DATE_WORDS.contains(&w.to_lowercase().as_str()))
    };
    // `Jason Li`: a name the scanner left in the text.
    let name_like = |seg: &str| {
        let words: Vec<&str> = seg.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && w.chars().all(|c| c.is_ascii_alphabetic())
            })
            && !words
                .iter()
                .any(|w| DATE_WORDS.contains(&w.to_lowercase().as_str()))
    };
    rest.split([',', '，', '、', ';', '；', '.', '。'])
        .map(str::trim)
        .filter(|seg| !seg.is_empty())
        .all(|seg| date_like(seg) || name_like(seg))
}

#[cfg(test)]
mod tests {
    use super::{is_roll_call, is_struck};

    #[test]
    fn a_struck_out_item_with_only_a_remark_outside_is_struck() {
        assert!(is_struck("2. ~~组织线下沙龙 —— 孟冬，4月25日~~（取消，改线上）"));
        assert!(is_struck("- ~~重印宣传折页 —— 柏青~~（不再需要）"));
        assert!(!is_struck("- 报告模板更新 —— 柏青，~~本月底~~下周五前"));
        assert!(!is_struck("- 报告模板更新 —— 柏青"));
    }

    #[test]
    fn a_date_and_three_names_is_a_roll_call() {
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(is_roll_call(
            "Wed 10 Jun, 16:00. Tom Hu, Ann Lee, Bo Xu, Kim Ma.",
            &names(&["Ann Lee", "Bo Xu", "Kim Ma"])
        ));
        assert!(!is_roll_call(
            "Ann Lee, Bo Xu, Kim Ma: review the limits by Fri",
            &names(&["Ann Lee", "Bo Xu", "Kim Ma"])
        ));
        assert!(!is_roll_call("Wed 10 Jun, Ann Lee", &names(&["Ann Lee"])));
    }
}
