//! A check sheet's verdict after an item's name (pure): `7. 值班记录 ■不合格`, `台账记录 □合格`,
//! `签字记录 ✗` — the name of what was checked may end in a record word (`记录`), which then
//! names the thing inspected, not the meeting's recorder (`记录 某某`); so it does when another
//! field follows it (`补齐签到记录 责任人：某某`).

/// Marks and words a check sheet writes after an item.
const VERDICTS: &[&str] = &[
    "■",
    "□",
    "☑",
    "☐",
    "✓",
    "✔",
    "✗",
    "✘",
    "√",
    "×",
    "不合格",
    "合格",
    "不通过",
    "通过",
    "符合",
    "不符合",
];

/// Field labels that may follow the work on the same line.
const FIELDS: &[&str] = &["责任人", "负责人", "整改人", "时限", "完成时间", "截止", "期限"];

/// Marks that tick a line off when written after its work (`1. 某某 邀请函发送 ✅`).
const TICKS: &[char] = &['✅', '✔', '☑', '✓', '√'];

/// Whether a line ends with a tick after its work (`3. 张三 物料寄送 ✅`, `门牌安装 ✔️`): a
/// sign-up list's or check list's entry marked done. A tick opening the line is a heading's
/// emoji (`✅ 待办`) and does not count.
pub(super) fn ticked_at_end(raw: &str) -> bool {
    let t = raw.trim().trim_end_matches(['\u{fe0f}', ' ', '\u{3000}']);
    let Some(last) = t.chars().last() else {
        return false;
    };
    let body = t.trim_end_matches(TICKS).trim();
    TICKS.contains(&last) && body.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

/// Whether every `w` in `lower` is followed (after spaces) by a check sheet's verdict or another
/// field's label.
pub(super) fn verdict_follows(lower: &str, w: &str) -> bool {
    let mut found = false;
    for (i, _) in lower.match_indices(w) {
        found = true;
        let after = lower.get(i + w.len()..).unwrap_or_default().trim_start();
        if !VERDICTS.iter().chain(FIELDS).any(|v| after.starts_with(v)) {
            return false;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{ticked_at_end, verdict_follows};

    #[test]
    fn a_tick_after_the_work() {
        assert!(ticked_at_end("3. 王五 宣传册寄送 ✅"));
        assert!(ticked_at_end("门牌安装 ✔️"));
        assert!(ticked_at_end("- 赵六 培训签到表归档 √"));
        assert!(!ticked_at_end("✅ 待办"));
        assert!(!ticked_at_end("2. 李四 场地布置 6月3日前"));
        assert!(!ticked_at_end("✅"));
    }

    #[test]
    fn a_verdict_after_a_record_word() {
        assert!(verdict_follows("5. 值班记录 ■不合格", "记录 "));
        assert!(verdict_follows("台账记录 □合格", "记录 "));
        assert!(verdict_follows("补齐签到记录 责任人：张三", "记录 "));
        assert!(!verdict_follows("记录 张三", "记录 "));
        assert!(!verdict_follows("值班记录 ■不合格；记录 张三", "记录 "));
    }
}
