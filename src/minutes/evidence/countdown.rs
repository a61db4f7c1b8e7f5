//! A slot in a countdown plan (pure): `T-7　课件初审 —— 某某`, `D-3：彩排（某某）`, `T+1 复盘 —
//! 某某`, `T日 现场签到 —— 某某`, `倒数第3天 物料到位 —— 某某` — a plan laid out backwards from an
//! event (倒排工期) puts each piece of work on a day counted from it; the line is someone's work,
//! as a `待办：` label makes it, whatever the marker's letter, sign or separator.

/// Whether `raw` opens with a day counted from an event (`T-7`, `D-3`, `T+1`, `T0`, `T日`,
/// `D－3`, `倒数第3天`) and has text after it.
pub(super) fn opens_with_countdown(raw: &str) -> bool {
    let s = raw
        .trim_start()
        .trim_start_matches(['-', '*', '•', ' '])
        .trim_start();
    let rest = if let Some(r) = s.strip_prefix("倒数第") {
        let n = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .count();
        if n == 0 {
            return false;
        }
        let r: String = r.chars().skip(n).collect();
        match r.strip_prefix(['天', '日']) {
            Some(t) => t.to_owned(),
            None => return false,
        }
    } else {
        let Some(r) = s.strip_prefix(['T', 'D', 't', 'd']) else {
            return false;
        };
        if let Some(t) = r.strip_prefix('日') {
            t.to_owned()
        } else {
            let r = r.trim_start_matches(['-', '+', '－', '＋', '−', '–', '—']);
            let digits = r.chars().take_while(char::is_ascii_digit).count();
            let signed = r.len() < s.len() - 1;
            if digits == 0 || (!signed && !r.starts_with('0')) {
                return false;
            }
            let t: String = r.chars().skip(digits).collect();
            t.strip_prefix(['日', '天']).map_or(t.clone(), str::to_owned)
        }
    };
    // The marker stands apart from the work (`T-7 课件…`, `T-7：课件…`), not inside a word (`T3级`).
    rest.starts_with([' ', '　', '\t', '：', ':', '、', '|', '｜', '，'])
        && rest
            .trim_start_matches([' ', '　', '\t', '：', ':', '、', '|', '｜', '，'])
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            >= 2
}

#[cfg(test)]
mod tests {
    use super::opens_with_countdown;

    #[test]
    fn a_day_counted_from_an_event_opens_a_slot() {
        assert!(opens_with_countdown("T-7　课件初审 —— 某某"));
        assert!(opens_with_countdown("D-3：彩排（某某）"));
        assert!(opens_with_countdown("T+1 复盘 — 某某"));
        assert!(opens_with_countdown("T－10 电话邀约 —— 某某"));
        assert!(opens_with_countdown("T日 现场签到 —— 某某"));
        assert!(opens_with_countdown("T0 现场签到 —— 某某"));
        assert!(opens_with_countdown("倒数第3天 物料到位 —— 某某"));
        assert!(!opens_with_countdown("T3级客户名单整理 —— 某某"));
        assert!(!opens_with_countdown("Today 复盘"));
        assert!(!opens_with_countdown("T-7"));
    }
}
