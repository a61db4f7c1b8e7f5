//! A span counted back from now (pure): `近6个月日均资产`, `过去3天`, `最近两周` say over which past
//! period something is measured, never when work is due.

/// Whether the window starting at `start` is a span looked back over (`近3个月`, `过去两周`).
pub(super) fn looks_back(chars: &[char], start: usize) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    // Not `临近月底`, `接近年底`: nearing a date still names it.
    (head.ends_with('近') && !head.ends_with("临近") && !head.ends_with("接近")) || head.ends_with("过去")
}

/// Whether the window `w` starting at `start` is the time left (`还有八个工作日，压力不小`,
/// `只剩两天了`): how long until a date, never when work is due, unless said as a limit (`…内`).
pub(super) fn time_left(chars: &[char], start: usize, w: &str) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    ["还有", "还剩", "只剩", "仅剩", "只有"]
        .iter()
        .any(|h| head.ends_with(h))
        && !w.trim_end().ends_with(['前', '内'])
}

/// A bare count of days or weeks (`5个工作日`, `3天`, no `内`/`前` of its own).
fn bare_count(w: &str) -> bool {
    let w = w.trim();
    w.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两半".contains(c))
        && ["天", "日", "周", "工作日", "交易日", "个月"]
            .iter()
            .any(|u| w.ends_with(u))
}

/// Whether the window `w` starting at `start` is how long something lasts (`公示5个工作日`,
/// `为期两周`), not a limit for work: a bare count after such words.
pub(super) fn how_long(chars: &[char], start: usize, w: &str) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    let lasts = bare_count(w)
        && ["公示", "公告", "为期", "持续", "期限为", "有效期"]
            .iter()
            .any(|h| head.ends_with(h));
    // `时长控制在40分钟以内`, `每人发言不超过5分钟`: how long a session lasts, not when it is due.
    let session = ["分钟", "小时", "钟头"].iter().any(|u| w.contains(u))
        && ["控制在", "不超过", "时长", "时长为", "时长约", "限时", "限定在"]
            .iter()
            .any(|h| head.ends_with(h));
    lasts || session
}

/// Whether the window `w` starting at `start` is how early something comes before an event
/// (`到期前3天自动提醒`, `提前三天发`): a time tied to that event, with no date of its own.
pub(super) fn how_early(chars: &[char], start: usize, w: &str) -> bool {
    let head: String = chars.get(..start).unwrap_or_default().iter().collect();
    let head = head.trim_end();
    bare_count(w) && ["提前", "到期前", "届满前"].iter().any(|h| head.ends_with(h))
}

#[cfg(test)]
mod tests {
    use super::looks_back;

    #[test]
    fn a_span_after_jin_or_guoqu_looks_back() {
        let c: Vec<char> = "须提供近3个月流水".chars().collect();
        assert!(looks_back(&c, 4));
        let c: Vec<char> = "统计过去两周的投诉".chars().collect();
        assert!(looks_back(&c, 4));
        let c: Vec<char> = "临近月底前完成".chars().collect();
        assert!(!looks_back(&c, 2));
        let c: Vec<char> = "3个月内完成".chars().collect();
        assert!(!looks_back(&c, 0));
    }

    #[test]
    fn how_long_or_how_early_is_no_deadline() {
        let c: Vec<char> = "名单公示5个工作日".chars().collect();
        assert!(super::how_long(&c, 4, "5个工作日"));
        let c: Vec<char> = "系统在到期前3天提醒".chars().collect();
        assert!(super::how_early(&c, 6, "3天"));
        assert!(!super::how_long(&c, 6, "3天"));
        let c: Vec<char> = "警示教育时长控制在40分钟以内".chars().collect();
        assert!(super::how_long(&c, 9, "40分钟以内"));
        let c: Vec<char> = "故障恢复后2小时内出报告".chars().collect();
        assert!(!super::how_long(&c, 5, "2小时内"));
        let c: Vec<char> = "公示结束后5个工作日内".chars().collect();
        assert!(!super::how_long(&c, 5, "5个工作日内"));
    }

    #[test]
    fn the_time_left_is_no_deadline() {
        let c: Vec<char> = "月底还有六个工作日，得抓紧".chars().collect();
        assert!(super::time_left(&c, 4, "六个工作日"));
        let c: Vec<char> = "还有3天内要交".chars().collect();
        assert!(!super::time_left(&c, 2, "3天内"));
    }
}
