//! Transcripts (pure): who is speaking. A speaker line (`周瑜 00:00:41`, `说话人1（严峰） 00:00`,
//! `田野（合规部）：00:00:05`) or a speaker label before what is said (`[00:04:10] 龚丽：…`,
//! `发言人 A（杜甫）：…`, `赵云（00:00:40）：…`) names the speaker, so that `我来汇总` or
//! `由我牵头` is owned by them.

use crate::minutes::scan::is_cjk;

/// `发言人 A（杜甫）：…` → (`…`, the label): the speaker assigns; the owner is named in what is
/// said. Also `赵云（00:00:40）：…`, `[00:01:12] 韩立：…`: a speaker label holding a timestamp.
pub(crate) fn strip_speaker(line: &str) -> (&str, Option<&str>) {
    let chars: Vec<(usize, char)> = line.char_indices().take(28).collect();
    // The first colon that is not inside a clock time (`00:00:40`).
    let colon = chars.iter().enumerate().find(|(k, (_, c))| {
        (*c == '：' || *c == ':')
            && !(k
                .checked_sub(1)
                .and_then(|p| chars.get(p))
                .is_some_and(|(_, c)| c.is_ascii_digit())
                && chars.get(k + 1).is_some_and(|(_, c)| c.is_ascii_digit()))
    });
    let Some((_, (at, c))) = colon else {
        return (line, None);
    };
    let label = line.get(..*at).unwrap_or_default();
    let stamped = label.contains(':') && label.chars().any(|c| c.is_ascii_digit());
    if label.starts_with("发言人") || label.starts_with("说话人") || stamped {
        return (
            line.get(at + c.len_utf8()..).unwrap_or_default().trim_start(),
            Some(label),
        );
    }
    (line, None)
}

/// `【宫羽】今天主要两件事…`, `[姚敏] 各位下午好…` → (`宫羽`, `今天主要两件事…`): a bracketed label
/// before what is said. It is a speaker only where such labels run through the minutes (see
/// `bracket_transcript`).
pub(crate) fn bracket_label(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line
        .strip_prefix('【')
        .and_then(|l| l.split_once('】'))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.split_once(']')))?;
    let label = label.trim();
    ((2..=4).contains(&label.chars().count()) && label.chars().all(is_cjk) && !rest.trim().is_empty())
        .then(|| (label, rest.trim_start()))
}

/// Whether the minutes are a transcript written as `【名字】…` lines (three or more, each a name).
pub(crate) fn bracket_transcript(lines: &[String], is_name: impl Fn(&str) -> bool) -> bool {
    lines
        .iter()
        .filter_map(|l| bracket_label(l.trim()))
        .filter(|(who, _)| is_name(who))
        .count()
        >= 3
}

/// Whether `s` is a clock time (`00:18`, `00:00:05`, `[00:00:45]`).
pub(crate) fn is_stamp(s: &str) -> bool {
    let s = s.trim();
    let s = s
        .strip_prefix(['[', '【', '（', '('])
        .and_then(|r| r.strip_suffix([']', '】', '）', ')']))
        .unwrap_or(s);
    let parts: Vec<&str> = s.trim().split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// A speaker line with nothing said on it: `周瑜 00:00:41`, `发言人 A 00:01:02`,
/// `田野（合规部）：00:00:05`. Returns the label.
pub(crate) fn speaker_line(line: &str) -> Option<&str> {
    let line = line.trim();
    // `发送时间: 2026年12月10日 16:42`, `会议时间：…`: when, not who.
    if line
        .split([':', '：'])
        .next()
        .is_some_and(|k| k.chars().count() <= 6 && (k.contains("时间") || k.contains("日期")))
    {
        return None;
    }
    if let Some((who, stamp)) = line.rsplit_once(' ')
        && is_stamp(stamp)
        && (1..=16).contains(&who.trim().trim_end_matches(['：', ':']).chars().count())
    {
        return Some(who.trim().trim_end_matches(['：', ':']).trim());
    }
    // `田野（合规部）：00:00:05`: the colon of the label before a clock time.
    let (who, stamp) = line.split_once('：')?;
    (is_stamp(stamp) && (1..=16).contains(&who.chars().count())).then_some(who)
}

/// The speaker's name in a label: `说话人1（严峰）` → `严峰`, `田野（合规部）` → `田野`,
/// `[00:04:10] 龚丽` → `龚丽`, `赵云（00:00:40）` → `赵云`; none for `发言人 A`.
pub(crate) fn speaker_name(label: &str) -> Option<String> {
    let mut s = label.trim();
    // `[00:04:10] 龚丽`
    if let Some(r) = s.strip_prefix('[').and_then(|r| r.split_once(']')) {
        s = r.1.trim();
    }
    let (head, inner) = match s.split_once(['（', '(']) {
        Some((h, r)) => (h.trim(), r.split([')', '）']).next().unwrap_or_default().trim()),
        None => (s, ""),
    };
    let name_like = |w: &str| (2..=4).contains(&w.chars().count()) && w.chars().all(is_cjk);
    let generic = |w: &str| w.starts_with("发言人") || w.starts_with("说话人") || w.starts_with("主持");
    // `老王（风控）`: a name before the brackets is the speaker; what is inside is their desk.
    let named_head = head.split_whitespace().count() == 1 && name_like(head) && !generic(head);
    if name_like(inner) && !named_head && !inner.ends_with(['部', '组', '室', '处', '科', '心']) {
        return Some(inner.to_owned());
    }
    // `Kevin 叶凯 00:02:25`: the Chinese name among the label's words.
    let head = head
        .split_whitespace()
        .find(|w| name_like(w))
        .or_else(|| head.split_whitespace().next())
        .unwrap_or_default();
    // `[00:02:31] Tony：…`, `阿Ken：…`: a Latin or mixed name alone (the callers keep it only
    // when it is a member's).
    let latin_like = |w: &str| {
        (2..=12).contains(&w.chars().count())
            && w.chars().any(|c| c.is_ascii_alphabetic())
            && w.chars().all(|c| c.is_ascii_alphabetic() || is_cjk(c))
    };
    if name_like(head) && !generic(head) {
        Some(head.to_owned())
    } else {
        let words = s
            .split_whitespace()
            .filter(|w| {
                !w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '：' | '[' | ']'))
            })
            .count();
        (latin_like(head) && words == 1 && inner.is_empty()).then(|| head.to_owned())
    }
}

/// `习志国：` alone on a line over `[00:01:05] 好。小单你…`: a speaker label whose words follow
/// on a stamped line (a 妙记 export). Returns the label.
pub(crate) fn label_over_stamp<'l>(line: &'l str, next: Option<&str>) -> Option<&'l str> {
    let who = line.trim().strip_suffix(['：', ':'])?.trim();
    let stamped = next
        .and_then(|n| n.trim().strip_prefix('['))
        .and_then(|r| r.split_once(']'))
        .is_some_and(|(s, _)| is_stamp(s));
    (stamped && (1..=16).contains(&who.chars().count())).then_some(who)
}

/// `[00:01:45] 明白，…` → `明白，…`: the clock time opening a line said under a
/// [`label_over_stamp`] label (it is when it was said, no deadline).
pub(crate) fn strip_stamp(line: &str) -> &str {
    line.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .filter(|(s, _)| is_stamp(s))
        .map_or(line, |(_, rest)| rest.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_read_from_every_label_shape() {
        assert_eq!(
            speaker_line("说话人1（严峰） 00:00")
                .and_then(speaker_name)
                .as_deref(),
            Some("严峰")
        );
        assert_eq!(
            speaker_line("雷鸣  00:00").and_then(speaker_name).as_deref(),
            Some("雷鸣")
        );
        assert_eq!(
            speaker_line("田野（合规部）：00:00:05")
                .and_then(speaker_name)
                .as_deref(),
            Some("田野")
        );
        assert_eq!(speaker_line("发言人 A 00:01:02").and_then(speaker_name), None);
        let (said, label) = strip_speaker("[00:04:10] 龚丽：我补充一下");
        assert_eq!(
            (said, label.and_then(speaker_name).as_deref()),
            ("我补充一下", Some("龚丽"))
        );
        let (_, label) = strip_speaker("发言人 A（杜甫）：好");
        assert_eq!(label.and_then(speaker_name).as_deref(), Some("杜甫"));
        assert_eq!(bracket_label("[姚敏] 各位下午好"), Some(("姚敏", "各位下午好")));
        assert_eq!(bracket_label("[00:04:10] 龚丽：好"), None);
        let (_, label) = strip_speaker("赵云（00:00:40）：第二");
        assert_eq!(label.and_then(speaker_name).as_deref(), Some("赵云"));
        assert_eq!(speaker_line("会议在 10:00 开始"), None);
        // A Latin or mixed name alone (`Tony`, `阿Ken`); a Chinese name beside one wins.
        let (_, label) = strip_speaker("[00:02:31] Tony：我来加告警规则");
        assert_eq!(label.and_then(speaker_name).as_deref(), Some("Tony"));
        let (_, label) = strip_speaker("[00:04:31] 阿Ken：那我下周一之前比一比");
        assert_eq!(label.and_then(speaker_name).as_deref(), Some("阿Ken"));
        assert_eq!(
            speaker_line("Grace  1:50").and_then(speaker_name).as_deref(),
            Some("Grace")
        );
        assert_eq!(
            speaker_line("Kevin 叶凯 00:02:25")
                .and_then(speaker_name)
                .as_deref(),
            Some("叶凯")
        );
        // `张卫东 [00:00:45]`: a bracketed clock time; `老王（风控）`: the desk is not the name.
        assert_eq!(
            speaker_line("张卫东 [00:00:45]")
                .and_then(speaker_name)
                .as_deref(),
            Some("张卫东")
        );
        assert_eq!(
            speaker_line("老王（风控） [00:04:05]")
                .and_then(speaker_name)
                .as_deref(),
            Some("老王")
        );
    }
}
