//! The keys of a block's fields (pure): which labels open a block, name its conclusion, owner,
//! helpers, follow-up work and deadline, and how a `key：value` field is read.

/// Keys that open a block (followed by an optional number: `需求1：`, `议题二：`).
pub(super) const STARTS: &[&str] = &["需求名称", "需求标题", "需求", "议题", "议案", "事项名称", "课题"];
/// Under a numbered finding (`问题2：…`), the keys of its remedy: the work the block asks.
pub(super) const REMEDY: &[&str] = &["整改要求", "整改措施", "整改方案", "整改建议", "措施", "要求"];
pub(super) const CONCLUSION: &[&str] = &["评审结论", "评审意见", "结论", "决定", "意见"];
pub(super) const LEAD: &[&str] = &[
    "承办人",
    "负责",
    "责任人",
    "负责人",
    "牵头人",
    "牵头部门",
    "责任部门",
    "主办",
    "owner",
    "Owner",
    "牵头",
    "承办",
    "经办人",
    "经办",
    "执行人",
    "跟进人",
    "主责人",
];
pub(super) const HELP: &[&str] = &["配合人", "配合部门", "协办人", "协办", "配合"];
/// A field listing the work that follows (`后续安排：秦峰整理…；唐宁评估…`): one item per owner.
pub(super) const NEXT: &[&str] = &[
    "后续安排",
    "后续工作",
    "后续动作",
    "后续跟进",
    "跟进安排",
    "下一步安排",
    "跟进事项",
    // `表决结果：…通过。` then `后续要求：投资部某某在交割前补充…；…`.
    "后续要求",
    "后续事项",
    // `结论：批准。` then `要求：桂川在变更前一天发布通知；…由厍瑶组织验证`.
    "会议要求",
    "要求",
    // `后续 夏侯杰写详细设计，中秋前评审`, `跟进：费雯补充数据来源说明`: the short keys last.
    "后续",
    "跟进",
];
/// `责任人：甘文龙` then `行动：完成…开发联调` / `落实：输出…规则`: after the block's owner, the
/// work it asks (a `行动：` line before any owner opens a block of its own).
pub(super) const ACTION: &[&str] = &["行动", "落实"];
pub(super) const DUE: &[&str] = &[
    "完成时限",
    "整改时限",
    "整改期限",
    "计划完成",
    "预计完成",
    "预计上线",
    "上线日期",
    "完成日期",
    "完成时间",
    "截止时间",
    "截止日期",
    "计划上线",
    "上线时间",
    "时限",
    "期限",
    "截止",
    "时间",
    "办结时限",
    "Due",
    "due",
    "完成期限",
    "到期日",
    "到期",
    "deadline",
    "Deadline",
    "DDL",
    "ddl",
];
/// Descriptive fields a block carries besides those above (`需求编号：XQ-301`, `提出部门：…`,
/// `需求说明：…`): read as part of the block and otherwise ignored, so the owner and the
/// deadline that follow them still belong to it.
pub(super) const OTHER: &[&str] = &[
    "需求编号",
    "编号",
    "提出部门",
    "提出方",
    "提出单位",
    "提出人",
    "提出",
    "需求来源",
    "需求说明",
    "需求描述",
    "需求背景",
    "背景",
    "说明",
    "备注",
    "优先级",
    "所属系统",
    "涉及系统",
    "评审人",
    "需求方",
    "需求部门",
    "需求提出",
];
/// Conclusions that reject the request.
pub(super) const REJECT: &[&str] = &[
    "不通过",
    "不同意",
    "否决",
    "驳回",
    "暂缓",
    "不予",
    "暂不",
    "不立项",
    "退回",
];

/// Keys that are never a block's field: they start something else.
pub(super) const NOT_FIELDS: &[&str] = &[
    "待办",
    "TODO",
    "行动项",
    "下一步",
    "会议",
    "议题",
    "主持",
    "记录",
    "参会",
    "出席",
    "列席",
    "与会",
];

/// `碰头会（1月8日）参会：某某、某某`: a line naming who attended (or chaired, or took notes)
/// records the meeting; it titles no block.
pub(super) fn names_attendance(line: &str) -> bool {
    ["参会", "出席", "列席", "与会", "主持", "记录人"]
        .iter()
        .any(|k| line.contains(&format!("{k}：")) || line.contains(&format!("{k}:")))
}

/// `开发：陶然`: a short key (six characters at most, no spaces) and a short value.
pub(super) fn other_field(part: &str) -> Option<&str> {
    let (key, value) = part.trim().split_once(['：', ':'])?;
    let key = key.trim();
    let n = key.chars().count();
    ((1..=6).contains(&n)
        && !key.contains(' ')
        && split_key(part, STARTS).is_none()
        && !key.chars().any(|c| c.is_ascii_digit())
        && !NOT_FIELDS.iter().any(|k| key.contains(k))
        && !value.trim().is_empty()
        && value.chars().count() <= 24)
        .then(|| value.trim())
}

/// Whether `body` is a block's conclusion field (`结论：通过`, `评审意见：…`).
pub(crate) fn is_conclusion(body: &str) -> bool {
    split_key(body, CONCLUSION).is_some()
}

/// Whether `body` names a block's lead (`Owner: 葛薇`, `责任人：…`).
pub(crate) fn is_lead(body: &str) -> bool {
    body.split(['；', ';'])
        .any(|part| split_key(part, LEAD).is_some())
}

/// The value after `key：` (`需求1：`, `开发负责人：` — a label ending with the key counts too).
/// `会议结论：…`, `总体意见：…`, `本次评审结论：…`: a label that speaks for the whole meeting (or
/// the whole review), not for the block it follows.
pub(super) fn meeting_wide(part: &str) -> bool {
    let Some((label, _)) = part.trim().split_once(['：', ':']) else {
        return false;
    };
    let label = label.trim().trim_matches('*');
    label.chars().count() <= 8
        && ["会议", "总体", "本次", "整体", "综合", "本轮", "全体"]
            .iter()
            .any(|w| label.starts_with(w))
}

pub(super) fn split_key<'a>(s: &'a str, keys: &[&str]) -> Option<&'a str> {
    let s = s.trim();
    keys.iter().find_map(|k| {
        if let Some(r) = s.strip_prefix(k) {
            let numbered = super::numbered::skip(r);
            if let Some(v) = numbered.trim_start().strip_prefix([':', '：']) {
                return Some(v.trim());
            }
            // `需求一  营业部晨会资讯推送自动化`: a numbered key, then spaces; `责任人 赵敏、孙磊`,
            // `结论 通过`, `需求 A：…`: a key, then a space. (This once asked `ptr::eq(keys,
            // STARTS)`, which a `const` slice does not answer the same way from one build to
            // the next; the figures were all measured with it false.)
            if numbered.starts_with(' ') && !numbered.trim().is_empty() {
                return Some(numbered.trim());
            }
        }
        let (label, value) = s.split_once(['：', ':'])?;
        let label = label.trim();
        (label.ends_with(k) && label.chars().count() <= k.chars().count() + 4).then(|| value.trim())
    })
}

/// `姚远（配合：人力资源部 金鑫）` → (`姚远`, `人力资源部 金鑫`).
pub(super) fn paren_helpers(value: &str) -> (&str, Option<&str>) {
    let Some((lead, rest)) = value.split_once(['（', '(']) else {
        return (value, None);
    };
    let inner = rest.trim_end().trim_end_matches(['）', ')']);
    // `殷浩（诸葛芳、柳建新协助）`: the helpers' verb after their names.
    let after = ["协助", "配合", "协办"]
        .iter()
        .find_map(|w| inner.trim().strip_suffix(w))
        .filter(|h| !h.is_empty() && h.chars().count() <= 12 && !h.contains(['：', ':']));
    match split_key(inner, HELP).or(after) {
        Some(h) if !h.is_empty() => (lead.trim(), Some(h)),
        _ => (value, None),
    }
}
