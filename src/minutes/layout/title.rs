//! The minutes' own title line (pure): the meeting it names, not work.

/// The minutes' first line naming the meeting (`3/3 交易运营早会（阙晨）`, `产品周会 5月6日`,
/// `【项目周会】…`): its title, whatever dates or names it holds.
pub(crate) fn is_meeting_title(line: &str) -> bool {
    const MEETINGS: &[&str] = &[
        "会", "会议", "纪要", "记要", "记录", "例会", "早会", "晨会", "周会", "月会", "夕会", "复盘", "sync",
        "standup", "stand-up", "minutes", "meeting",
    ];
    if line.contains(['，', '。', '；', '：', ':', ',']) || line.chars().count() > 30 {
        return false;
    }
    // `语音备忘 6月24日下午 营业部例会 自动转写`, `【录音转写】…晨会`: a recording's heading.
    if ["语音备忘", "录音转写", "语音转写", "自动转写", "转写未校对"]
        .iter()
        .any(|w| line.contains(w))
    {
        return true;
    }
    // The date, the host in brackets, spaces: what is left ends with the meeting's kind.
    let core: String = line
        .split(['（', '('])
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || "/-.年月日号".contains(c)))
        // `…例会 第25期`: the number after the meeting's name.
        .filter(|w| {
            !w.strip_prefix('第')
                .and_then(|r| r.strip_suffix(['期', '次']))
                .is_some_and(|n| {
                    !n.is_empty()
                        && n.chars()
                            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c))
                })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let lower = core.to_lowercase();
    // `【速记】…述职会·问答环节`: the meeting, then the part of it written up.
    let part_of = ["会·", "会 ·", "会-", "会 -", "会—", "会｜", "会|"]
        .iter()
        .any(|m| lower.contains(m));
    // `周五下午开会`: a meeting to hold, not the one written up.
    !core.is_empty()
        && (part_of || MEETINGS.iter().any(|m| lower.ends_with(m)))
        && !["开会", "参会", "上会", "约会"]
            .iter()
            .any(|m| lower.ends_with(m))
}
