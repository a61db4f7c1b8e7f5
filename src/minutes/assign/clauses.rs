//! Splitting a line into clauses for owner reading (pure): the separators, the words before a
//! name, and whether names read before a verb are who the work goes to.

use crate::minutes::owner::OwnerRef;

/// A lead's verb after which `、` ends the lead's clause: `孟冬牵头、柏青配合`, and a drafter's
/// (`甲起草、乙签发`: 乙 is the second hand, as with `，`).
const LEAD_ENDS: &[&str] = &["牵头", "负责", "主办", "主责", "起草"];

/// Clause separators (a dash between spaces too: `林黛玉 – finalize … – by Apr 24`).
const SEPARATORS: &[&str] = &[
    "，", ",", "；", ";", "。", "！", "!", "？", "?", "：", "｜", "——", " – ", " — ", " - ", "—", "–", "→",
    // `…才显示. Sam + 某某 to fix…`: an English full stop before the next sentence.
    ". ",
];
/// Words at a clause's start that are not part of a name (`support 某某` after the lead names
/// a helper, as any clause of names after the lead does).
const LEADS: &[&str] = &[
    "owner",
    "Owner",
    "OWNER",
    "support",
    "Support",
    "SUPPORT",
    "由",
    "烦请",
    "请",
    "麻烦",
    "辛苦",
    "让",
    "是",
    "那",
    "就",
    "另外",
    "再",
    "并由",
    "交由",
    // `我司柯思敏、洪亮在…完成`: the writer's firm before its people (a talk with another party).
    "我司",
    "我方",
    "本公司",
    "我公司",
];

/// The clauses of `text`, as byte ranges: apart at punctuation, a dash, or `、` after a lead's verb.
pub(super) fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = text.get(i..).unwrap_or_default();
        // `孟冬牵头、柏青配合`: after a lead's verb, `、` ends the lead's clause (`由葛亮牵头、
        // 吕方配合` is read whole, below).
        let lead_ends = rest.starts_with('、')
            && text
                .get(start..i)
                .is_some_and(|b| !b.contains('由') && LEAD_ENDS.iter().any(|v| b.ends_with(v)));
        if lead_ends {
            out.push((start, i));
            i += '、'.len_utf8();
            start = i;
        } else if let Some(sep) = SEPARATORS.iter().find(|s| rest.starts_with(**s)) {
            out.push((start, i));
            i += sep.len();
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push((start, text.len()));
    out
}

/// `s` without the words before a name (`由`, `请`, `owner`).
pub(crate) fn strip_leads(s: &str) -> &str {
    let mut s = s.trim();
    while let Some(r) = LEADS.iter().find_map(|l| s.strip_prefix(l)) {
        s = r.trim();
    }
    s
}

/// `下周三前交苗青汇总`, `报严总审批`: the names read before a verb are who the work goes to
/// (after 交, 报, 向), not who does it (`转给路遥跟进`, `转交路遥处理`: handed over, they do).
pub(super) fn is_recipient(before: &str, found: &[OwnerRef]) -> bool {
    found.first().is_some_and(|o| {
        before
            .rfind(o.name())
            .and_then(|at| before.get(..at))
            .is_some_and(|b| b.ends_with(['交', '报', '向']) && !b.ends_with("转交"))
    })
}
