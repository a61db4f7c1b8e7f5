//! A header line holding two dates, an event's and the meeting's (pure):
//! `演练日期：3月28日（周六）夜间　复盘会：3月30日（周一）` — the minutes are the meeting's, so its
//! date (after a later key naming a meeting) is the day they were said.

/// Keys after which a later part of the line gives the meeting's own date.
const MEETING_KEYS: &[&str] = &[
    "会议",
    "复盘会",
    "评审会",
    "例会",
    "碰头会",
    "讨论会",
    "总结会",
    "会",
];

/// The part of `value` after a later `…会：`/`会议时间：` key, when there is one.
pub(super) fn meeting_part(value: &str) -> Option<&str> {
    let mut at = 0;
    for (i, c) in value.char_indices() {
        if c != '：' && c != ':' {
            continue;
        }
        let before = value.get(at..i).unwrap_or_default();
        let key = before
            .rsplit([' ', '\u{3000}', '，', ',', '；', ';', '）', ')'])
            .next()
            .unwrap_or_default()
            .trim();
        let key = ["时间", "日期"]
            .iter()
            .find_map(|w| key.strip_suffix(w))
            .unwrap_or(key);
        if (1..=5).contains(&key.chars().count()) && MEETING_KEYS.iter().any(|k| key.ends_with(k)) {
            return value.get(i + c.len_utf8()..).map(str::trim);
        }
        at = i + c.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::meeting_part;

    #[test]
    fn a_later_meeting_key_gives_the_meetings_part() {
        assert_eq!(
            meeting_part("2026年3月28日（周六）夜间　复盘会：2026年3月30日（周一）"),
            Some("2026年3月30日（周一）")
        );
        assert_eq!(meeting_part("3月2日 评审会时间：3月4日"), Some("3月4日"));
        assert_eq!(meeting_part("2026年3月28日（周六）"), None);
        assert_eq!(meeting_part("3月28日 地点：三楼"), None);
    }
}
