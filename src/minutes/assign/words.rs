//! The words the owner rules share (pure): lead and helper verbs, and adding owners once.

use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::DEPARTMENT_ENDS;

/// Words after which the words before them name the lead (`曹丕负责`, `小乔你…`).
pub(super) const LEAD_VERBS: &[&str] = &[
    "共同",
    "来",
    "去",
    "负责",
    "牵头",
    "主责",
    "主导",
    "来做",
    "来负责",
    "来跟",
    "跟进",
    "汇总",
    "组织",
    "一起",
    "统筹",
    // `（某某主讲，某某配合，下周四）`: who gives the talk leads it.
    "主讲",
    "你",
    "我自己",
];
/// Whether the verb found at byte `i` (`len` bytes) of `clause` is one: not at the start, not
/// `…负责的`, and not the `来` of a word (`补录未来科技城…`, `以来`, `原来`, `资金往来`).
pub(super) fn is_verb_at(clause: &str, i: usize, len: usize) -> bool {
    let before = clause.get(..i).unwrap_or_default();
    let word = clause.get(i..i + len) == Some("来") && come_of_a_word(clause, i);
    // `沙龙的主讲嘉宾`: who will talk, named as a noun.
    let noun = clause.get(i..i + len) == Some("主讲")
        && (before.ends_with('的')
            || clause
                .get(i + len..)
                .is_some_and(|r| r.starts_with(['嘉', '人', '老'])));
    i > 0 && !word && !noun && !clause.get(i + len..).is_some_and(|r| r.starts_with('的'))
}
/// Whether the `来` at byte `i` of `clause` closes a word (`未来`, `以来`, `原来`, `资金往来`).
pub(super) fn come_of_a_word(clause: &str, i: usize) -> bool {
    clause.get(..i).unwrap_or_default().ends_with([
        '未', '以', '原', '后', '将', '本', '从', '近', '向', '历', '素', '往', '带', '起', '回', '过', '进',
        '出',
    ])
}

/// Whether `v` stands in `clause` as a verb, not as the `来` closing a word (`资金往来`).
pub(super) fn has_verb(clause: &str, v: &str) -> bool {
    clause
        .match_indices(v)
        .any(|(i, _)| v != "来" || !come_of_a_word(clause, i))
}
/// Words by which a member named after the lead takes a second hand in the same work
/// (`某某起草，某某审核`, `某某执笔，某某提供数据`): checking it or feeding it.
pub(super) const SECOND_HANDS: &[&str] = &[
    "审核",
    "复核",
    "审定",
    "把关",
    "核对",
    "校对",
    "校核",
    "提供数据",
    "提供素材",
    "出数据",
];
/// Whether the words after a member take a second hand in the lead's work: one of
/// [`SECOND_HANDS`], a countersign or review (`会签…意见`, `评审`), or data handed in
/// (`提供各营业部目标拆分数据`, `提供近两年活动素材`).
pub(super) fn is_second_hand(after: &str) -> bool {
    SECOND_HANDS
        .iter()
        .chain(&["会签", "评审"])
        .any(|w| after.starts_with(w))
        || after.strip_prefix("提供").is_some_and(|r| {
            let r: String = r.chars().take(16).collect();
            ["数据", "素材", "资料", "明细", "附表", "材料"]
                .iter()
                .any(|w| r.contains(w))
        })
}

/// `下周三前出` → `出`: the work after a deadline word said between a member and the work
/// (`7月10日前`, `周五前`, `明天上午`), if a Chinese word follows.
pub(super) fn after_due_word(rest: &str) -> Option<&str> {
    let end = rest.char_indices().take(8).find(|(_, c)| *c == '前')?.0 + '前'.len_utf8();
    let (when, after) = (rest.get(..end)?, rest.get(end..)?);
    let dated = when.chars().count() >= 3
        && when.chars().any(|c| "月日号周今明本下".contains(c))
        && crate::minutes::scan::looks_like_time(when);
    let work = after
        .chars()
        .next()
        .is_some_and(|c| crate::minutes::scan::is_cjk(c) && c != '的');
    (dated && work).then_some(after)
}

/// Words after which the words before them name a helper (`常遇春配合`).
pub(super) const HELP_VERBS: &[&str] = &["配合", "协助", "协同", "帮忙", "参与"];

/// Adverbs between a name and its verb (`宫雪继续跟进`, `李四尽快牵头`).
pub(crate) const ADVERBS: &[&str] = &[
    "继续", "本人", "尽快", "抓紧", "马上", "立即", "统一", "重新", "具体", "亲自", "再", "先", "也", "还",
    "都",
    // `某甲牵头，某乙、某丙各负责一个营业部的名单`: each their own share.
    "各",
    // `某乙、某丙分别负责前台和后台`, `各自负责本组`: each their own share, both owners.
    "分别", "各自",
    // `孔令杰、夏雨分片负责`, `我和宇航分头联系`: a share each, both owners.
    "分片", "分头", "共同", "轮流",
];

/// Appends the owners not yet in `out`.
pub(super) fn extend(out: &mut Vec<OwnerRef>, found: Vec<OwnerRef>) {
    for o in found {
        if !out.contains(&o) {
            out.push(o);
        }
    }
}

/// `经纪业务部`, `运营管理部、合规管理部`, `责成经纪业务部`: departments only (each of three to
/// ten Chinese characters ending like one, not `各营业部`), as written.
pub(super) fn departments(s: &str) -> Option<Vec<OwnerRef>> {
    let s = s.trim();
    let s = ["责成", "请", "由"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    let parts: Vec<&str> = s.split(['、', '和', '及']).map(str::trim).collect();
    parts
        .iter()
        .all(|p| {
            (3..=10).contains(&p.chars().count())
                && p.ends_with(DEPARTMENT_ENDS)
                && p.chars().all(crate::minutes::scan::is_cjk)
                && !p.starts_with(['各', '全'])
        })
        .then(|| {
            parts
                .iter()
                .map(|p| OwnerRef::Unresolved((*p).to_owned()))
                .collect()
        })
}

/// Owners are people: a department, team or post written as an owner (`运营管理部牵头`,
/// `投顾团队负责`) leaves the item's owners for its units, where the card shows it beside the
/// owner still to be picked.
pub(crate) fn units_apart(item: &mut crate::minutes::item::ActionItem) {
    let (units, people): (Vec<OwnerRef>, Vec<OwnerRef>) = item.owners.drain(..).partition(is_unit);
    // `由人力资源部牵头制定，某某负责`: once the unit is parted off, its verb is nobody.
    item.owners = people
        .into_iter()
        .filter(|o| {
            !matches!(o, OwnerRef::Unresolved(w) if crate::minutes::scan::ROLE_SUFFIXES.contains(&w.as_str()))
        })
        .collect();
    for u in units {
        let name = u.name().to_owned();
        if !item.units.contains(&name) {
            item.units.push(name);
        }
    }
}

/// Whether the owner is a unit written as one (`零售业务部`, `投顾团队`, `各营业部`), not a person:
/// see [`crate::minutes::scan::is_unit_name`].
pub(crate) fn is_unit(o: &OwnerRef) -> bool {
    matches!(o, OwnerRef::Unresolved(w) if crate::minutes::scan::is_unit_name(w))
}

/// What follows a member in brackets when they answer for the work (`（岑立签字）`, `（李明审核后
/// 报送）`, `（薛立军跟踪）`: who signs, checks or follows it up).
pub(super) const SIGNED: &[&str] = &[
    "签字",
    "签名",
    "签发",
    "签批",
    "审签",
    "审核后报送",
    "审定",
    "把关",
    "跟踪",
    "跟进",
    "督办",
    "督促",
    "负责",
    "牵头",
];

/// `Jack will update the model`, `Tommy to publish a note` (after the name): an English action
/// item's own form names its owner as firmly as `负责` (not `will be`, `will not`, `to be`).
pub(super) fn english_form(rest: &str) -> crate::minutes::scan::OwnerHow {
    use crate::minutes::scan::OwnerHow;
    let state = ["to be ", "will be ", "will not ", "will have ", "to have "]
        .iter()
        .any(|w| rest.starts_with(w));
    if state { OwnerHow::Named } else { OwnerHow::Strong }
}
