//! A range of days given for work (pure): `12月1日至5日期间完成走访`, `3月2日—6日完成` — the
//! work is due by the range's last day (`12月5日`), not its first.

/// Words after a range that say work is done in it (`期间完成`, `之间提交`).
const DONE_IN: &[&str] = &[
    "完成", "办结", "做完", "落实", "提交", "交", "报", "走访", "上线", "发出",
];
/// Words after a range that say something takes place in it, not work due by its end.
const HELD_IN: &[&str] = &[
    "举办",
    "举行",
    "召开",
    "开展",
    "休假",
    "放假",
    "出差",
    "进行",
    "培训班",
];

/// The range's text as written and its last day as a date the parser reads (`12月5日`), when `s`
/// gives work a range of days to be done in.
pub(super) fn date_range(s: &str) -> Option<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    for (p, c) in chars.iter().enumerate() {
        if !"至到~～—–-".contains(*c) {
            continue;
        }
        let (start, left_month) = left_day(&chars, p)?;
        let Some((end, right_month, day)) = right_day(&chars, p + 1) else {
            continue;
        };
        let Some(month) = right_month.or(left_month) else {
            continue;
        };
        // `期间`, `之间`, `内` after the range, then the clause.
        let mut after = end;
        for w in ["期间", "之间", "内"] {
            let wc: Vec<char> = w.chars().collect();
            if chars.get(after..after + wc.len()) == Some(&wc[..]) {
                after += wc.len();
                break;
            }
        }
        let clause: String = chars
            .iter()
            .skip(after)
            .take_while(|c| !"，,。；;".contains(**c))
            .collect();
        if HELD_IN.iter().any(|w| clause.contains(w)) || !DONE_IN.iter().any(|w| clause.contains(w)) {
            continue;
        }
        let text: String = chars.get(start..after)?.iter().collect();
        return Some((text, format!("{month}月{day}日")));
    }
    None
}

/// The day before the connector at `p` (`12月1日`, `1号`): where it starts and its month.
fn left_day(chars: &[char], p: usize) -> Option<(usize, Option<u32>)> {
    let mut i = p;
    while i > 0 && chars.get(i - 1) == Some(&' ') {
        i -= 1;
    }
    if !chars
        .get(i.checked_sub(1)?)
        .is_some_and(|c| matches!(c, '日' | '号'))
    {
        return None;
    }
    i -= 1;
    let day_end = i;
    while i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit) {
        i -= 1;
    }
    if i == day_end {
        return None;
    }
    let mut month = None;
    if i > 0 && chars.get(i - 1) == Some(&'月') {
        let m_end = i - 1;
        let mut j = m_end;
        while j > 0 && chars.get(j - 1).is_some_and(char::is_ascii_digit) {
            j -= 1;
        }
        if j < m_end {
            month = chars.get(j..m_end)?.iter().collect::<String>().parse().ok();
            i = j;
        }
    }
    Some((i, month))
}

/// The day after the connector from `q` (`5日`, `12月5日`): where it ends, its month, its day.
fn right_day(chars: &[char], q: usize) -> Option<(usize, Option<u32>, u32)> {
    let mut i = q;
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    let digits = |from: usize| {
        let mut k = from;
        while chars.get(k).is_some_and(char::is_ascii_digit) {
            k += 1;
        }
        k
    };
    let a = digits(i);
    if a == i {
        return None;
    }
    let first: u32 = chars.get(i..a)?.iter().collect::<String>().parse().ok()?;
    if chars.get(a) == Some(&'月') {
        let b = digits(a + 1);
        let day: u32 = chars.get(a + 1..b)?.iter().collect::<String>().parse().ok()?;
        return chars
            .get(b)
            .is_some_and(|c| matches!(c, '日' | '号'))
            .then_some((b + 1, Some(first), day));
    }
    let next = chars.get(a).copied();
    matches!(next, Some('日' | '号')).then_some((a + 1, None, first))
}

#[cfg(test)]
mod tests {
    use super::date_range;

    #[test]
    fn a_range_of_days_for_work_is_due_on_its_last_day() {
        assert_eq!(
            date_range("组员两人，12月1日至5日期间完成走访。"),
            Some(("12月1日至5日期间".to_owned(), "12月5日".to_owned()))
        );
        assert_eq!(
            date_range("3月30日-4月3日完成回访"),
            Some(("3月30日-4月3日".to_owned(), "4月3日".to_owned()))
        );
        // An event held over the days is not work due by the last one.
        assert_eq!(date_range("沙龙定于12月1日至3日举办"), None);
        // No month: no date.
        assert_eq!(date_range("1日至5日期间完成"), None);
    }
}
