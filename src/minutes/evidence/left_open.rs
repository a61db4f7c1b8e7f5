//! Lines that leave a matter open rather than give work (pure): a bare routine mark as a field of
//! its own (`Owner：某某　常规`, `…，日常`, `| BAU`), however it is separated, and, with no one
//! named, a matter put off to be arranged later (`节后统计，元旦后再安排`).

/// Words that alone, as a field, mark a duty as routine.
const ROUTINE: &[&str] = &[
    "常规",
    "常规工作",
    "常规事项",
    "例行",
    "例行工作",
    "日常",
    "日常工作",
    "routine",
    "bau",
    "ongoing",
];

/// Field separators of a line (any of them, whatever the layout).
const SEPS: &[char] = &[
    '，', ',', '；', ';', '。', ' ', '　', '\t', '|', '｜', '/', '、', '—', '-', '：', ':', '（', '）', '(',
    ')',
];

/// Whether a field of `lower` (lower-cased) is only a routine mark (`… owner：边峰　常规`).
pub(super) fn routine_field(lower: &str) -> bool {
    lower
        .split(SEPS)
        .map(|p| p.trim_matches(['.', '*']))
        .skip(1)
        .any(|p| ROUTINE.contains(&p))
}

/// Whether `lower` (lower-cased) puts the matter off to be arranged later (`…后再安排`,
/// `以后再行安排`). A time merely still to fix (`时间待定`) leaves it work with its day open, as
/// the earlier sets label it.
pub(super) fn time_left_open(lower: &str) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    ["再安排", "再行安排", "再作安排", "再做安排"]
        .iter()
        .any(|w| compact.contains(w))
        || put_off_to_decide(&compact)
}

/// Verbs of deciding, discussing or adjusting later (`…后再定`, `下季度初再看`, `节后再议`,
/// `等新版下发后再调整`) that end a clause: the matter waits, nobody's work yet.
const DECIDE_LATER: &[&str] = &[
    "再定",
    "再议",
    "再看",
    "再说",
    "再谈",
    "再讨论",
    "再研究",
    "再商量",
    "再商议",
    "再考虑",
    "再决定",
    "再确定",
    "再调整",
    "再评估",
    "再启动",
    "再推进",
];

/// Whether a clause of `compact` ends on a verb of deciding later (`具体日期…出来后再定`).
fn put_off_to_decide(compact: &str) -> bool {
    compact
        .split(['，', ',', '；', ';', '。', '！', '!', '（', '('])
        .any(|c| {
            let c = c.trim_end_matches(['）', ')', '.', '…', '~']);
            DECIDE_LATER.iter().any(|w| c.ends_with(w))
        })
}

/// Whether the line's last clause waits on something else before anything is decided or
/// started (`…等新规出来再定`, `（明年再启动）`): the matter waits, even with someone named,
/// when no date is given for it but in that clause (`下月名单等新规出来再定`).
pub(super) fn ends_waiting(lower: &str, due: Option<&str>) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let body = compact.trim_end_matches(['。', '.', '）', ')', '；', ';', '！', '!', '…', '~']);
    let last = body
        .rsplit(['，', ',', '；', ';', '。', '（', '(', '：', ':'])
        .next()
        .unwrap_or(body);
    let waits = last.contains('等') || ["年再", "季度再", "半年再"].iter().any(|w| last.contains(w));
    // `（时间等预算批复后再说）`: only the date waits, the work stands.
    let date_only = ["时间", "日期", "时点", "节点"].iter().any(|w| last.contains(w));
    waits
        && !date_only
        && DECIDE_LATER.iter().any(|w| last.ends_with(w))
        && due.is_none_or(|d| last.contains(&d.to_lowercase()))
}

/// `是否邀请外部嘉宾，某某请示后再定`: a yes-or-no question left to be decided later, whoever
/// will ask around first — the matter waits, no work is given.
pub(super) fn whether_decided_later(lower: &str) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let body = crate::minutes::layout::strip_marker(&compact).1;
    body.starts_with("是否") && put_off_to_decide(body)
}

/// Whether `lower` sets one piece of work done once (`…两周内完成`, `首场策划`, `上线`), though what
/// it builds then recurs (`每日自动推送`, `每月一场`).
pub(super) fn one_off(lower: &str) -> bool {
    [
        "完成",
        "上线",
        "建成",
        "搭建",
        "首场",
        "首次",
        "首期",
        "第一场",
        "第一次",
        "第一期",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::{ends_waiting, one_off, routine_field, time_left_open, whether_decided_later};

    #[test]
    fn a_question_left_to_decide_later_gives_no_work() {
        assert!(whether_decided_later(
            "2. 是否请外部讲师，柳青问过分管领导后再定。"
        ));
        assert!(whether_decided_later("是否延长活动周期，下周例会再议"));
        assert!(!whether_decided_later("是否延长活动周期由柳青周五前确认"));
        assert!(!whether_decided_later("活动周期下周例会再议后，柳青出方案"));
    }

    #[test]
    fn work_done_once_that_then_recurs() {
        assert!(one_off("风险看板每日自动推送，两周内完成"));
        assert!(one_off("投教沙龙每月一场，首场策划 —— 某某 —— 下月初"));
        assert!(!one_off("每周五报送周报"));
    }

    #[test]
    fn a_routine_mark_as_a_field_of_its_own() {
        assert!(routine_field("kr3 周报按周发布　owner：边峰　常规"));
        assert!(routine_field("台账维护，雷鸣，日常"));
        assert!(routine_field("巡检 | 雷鸣 | bau"));
        assert!(!routine_field("常规检查项补齐，雷鸣，周五前"));
        assert!(!routine_field("非常规交易排查，雷鸣"));
    }

    #[test]
    fn a_matter_put_off_to_be_arranged_later() {
        assert!(time_left_open("年终回访统计，春节后再安排"));
        assert!(time_left_open("客户分层方案，等总部口径下发后再调整。"));
        assert!(time_left_open("系统切换时间——下季度初再看"));
        assert!(time_left_open("具体场次等场地确认出来后再定"));
        assert!(!time_left_open("再定一版话术模板，周五前"));
        assert!(time_left_open("复盘材料，等方案定了再 安排"));
        assert!(!time_left_open("上线时间待定。"));
        assert!(ends_waiting("韦海、柳青：季度抽检名单等新办法出来再定。", None));
        assert!(ends_waiting("韦海：下月抽检名单等新办法出来再定。", Some("下月")));
        assert!(ends_waiting("☐ 报表平台改造调研 —— 韦海（明年再启动）", None));
        assert!(!ends_waiting("等新办法出来再定抽检名单，韦海周五前出初稿", None));
        assert!(!ends_waiting("抽检名单再定一版，韦海负责", None));
        assert!(!ends_waiting("@韦海 实地走访（时间等批复后再说）", None));
        assert!(!ends_waiting("韦海周五前出初稿，等新办法出来再定", Some("周五")));
        assert!(!time_left_open("培训材料，tbd"));
    }
}
