//! `| 主体/事项 | 工作内容 | 负责人 |` (pure): of two columns that both read as the work, one
//! whose header names what the work is about (`主体`, `对象`, `客户`, `名称` …) is the subject,
//! and the other holds the work.

/// Words of a header naming what a row is about rather than what is to be done.
const SUBJECT_WORDS: &[&str] = &[
    "主体",
    "对象",
    "客户",
    "发行人",
    "标的",
    "单位",
    "机构",
    "网点",
    "门店",
    "产品",
    "客群",
    "群体",
    "subject",
    "client",
];

/// Words of a header naming how a row is dealt with (`整改措施`, `处理措施`, `沟通方式`, `对策`).
/// `| 问题 | 处理意见 |`: what is to be done about the issue, likewise.
pub(super) const MEASURES: &[&str] = &[
    "措施",
    "举措",
    "对策",
    "方式",
    "方法",
    "做法",
    "办法",
    "手段",
    "处理意见",
    "处理方案",
    "解决方案",
    "整改方案",
    "落实意见",
];

/// `| 证券 | 情况 | 委员会意见 | 落实人 |`, `| 指标 | 执行情况 | 处置要求 |`: what was decided
/// about each row, the work when no column of measures says it.
pub(super) const DECIDED: &[&str] = &["委员会意见", "评审意见", "审议意见", "处置要求", "处置意见"];

/// `联系方式`, `通讯方式`: how to reach someone, not how the work is done.
pub(super) fn names_contact(header: &str) -> bool {
    ["联系", "通讯", "通信", "付款", "支付", "结算"]
        .iter()
        .any(|w| header.contains(w))
}

/// `| 带教内容 | 要求 |`, `| 问题 | 整改要求 |`: a column of what is required (not of when: `时间要求`,
/// nor of a standard to meet: `合同要求`) holds the work, like a measures column.
pub(super) fn requirement_column(headers: &[String], taken: &[Option<usize>]) -> Option<usize> {
    let not_work = ["时间", "时限", "日期", "期限", "合同", "标准"];
    headers.iter().enumerate().position(|(i, h)| {
        !taken.contains(&Some(i)) && h.trim().ends_with("要求") && !not_work.iter().any(|w| h.contains(w))
    })
}

/// Whether `header` names a subject (`主体/事项`, `客户名称`).
pub(super) fn names_subject(header: &str) -> bool {
    let lower = header.to_lowercase();
    SUBJECT_WORDS.iter().any(|w| lower.contains(w))
}

/// `| 需求方 | 需求内容 |`, `| 提出部门 | 需求 |`: who asked for the work, not the work.
fn names_party(header: &str) -> bool {
    let lower = header.trim().to_lowercase();
    (lower.ends_with('方') && lower.chars().count() <= 4)
        || ["部门", "提出", "申请人", "requester"]
            .iter()
            .any(|w| lower.contains(w))
}

/// Words of a header naming the stage or kind of work a row belongs to (`| 环节 | 内容 |`,
/// `| 阶段 | 工作事项 |`), not the work itself.
const GROUP_WORDS: &[&str] = &[
    "环节", "阶段", "步骤", "类别", "分类", "类型", "板块", "模块", "条线", "方面", "维度", "stage", "phase",
    "category", // `| 活动形式 | 待办 |`: the form an event takes.
    "形式",
];

/// Whether `header` names a stage or kind of work, and no work itself (`工作事项` does).
/// `工作模块`, `任务类别`: a group word last is the head of the header, whatever comes before it.
pub(super) fn names_group(header: &str) -> bool {
    let lower = header.trim().to_lowercase();
    GROUP_WORDS.iter().any(|w| lower.ends_with(w))
        || (GROUP_WORDS.iter().any(|w| lower.contains(w))
            && !["内容", "事项", "任务", "待办", "工作"]
                .iter()
                .any(|w| lower.contains(w)))
}

/// Of the columns that read as the work (`matching`, in order), the one that holds it: the first,
/// unless it names a subject (or a stage or kind of work) and a later one does not.
pub(super) fn work_column(headers: &[String], matching: &[usize]) -> Option<usize> {
    let first = *matching.first()?;
    let names = |i: usize| {
        headers
            .get(i)
            .is_some_and(|h| names_subject(h) || names_group(h) || names_party(h))
    };
    if names(first)
        && let Some(later) = matching.iter().copied().find(|i| *i != first && !names(*i))
    {
        return Some(later);
    }
    // `| 事项 | 具体工作 |`: the column of the work in detail, the first only its heading.
    let detail = |i: usize| {
        headers
            .get(i)
            .is_some_and(|h| ["具体", "明细", "细项"].iter().any(|w| h.contains(w)))
    };
    if !detail(first)
        && let Some(later) = matching.iter().copied().find(|i| *i != first && detail(*i))
    {
        return Some(later);
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::{requirement_column, work_column};

    #[test]
    fn a_requirement_column_holds_the_work_but_not_a_time_requirement() {
        let h = |cols: &[&str]| cols.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        assert_eq!(
            requirement_column(&h(&["带教内容", "要求", "负责导师", "时间"]), &[Some(2), Some(3)]),
            Some(1)
        );
        assert_eq!(
            requirement_column(
                &h(&["问题", "整改要求", "责任人", "完成时限"]),
                &[Some(2), Some(3)]
            ),
            Some(1)
        );
        assert_eq!(
            requirement_column(&h(&["工作内容", "分工", "时间要求"]), &[Some(1), None]),
            None
        );
        assert_eq!(
            requirement_column(&h(&["考核项", "合同要求", "实际"]), &[None, None]),
            None
        );
    }

    #[test]
    fn a_heading_column_gives_way_to_the_work_in_detail() {
        let h: Vec<String> = ["事项", "具体工作", "主办", "时限"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[0, 1]), Some(1));
        let h: Vec<String> = ["事项", "工作内容", "主办"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[0, 1]), Some(0));
    }

    #[test]
    fn a_subject_column_gives_way_to_the_work() {
        let h: Vec<String> = ["序号", "主体/事项", "工作内容", "负责人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[1, 2]), Some(2));
        let h: Vec<String> = ["环节", "内容", "负责人"].iter().map(|s| s.to_string()).collect();
        assert_eq!(work_column(&h, &[0, 1]), Some(1));
        assert_eq!(work_column(&h, &[0]), Some(0));
        let h: Vec<String> = ["事项", "工作内容", "负责人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[0, 1]), Some(0));
        let h: Vec<String> = ["编号", "工作模块", "具体内容", "牵头人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[1, 2]), Some(2));
    }

    #[test]
    fn who_asked_for_the_work_gives_way_to_the_work() {
        let h: Vec<String> = ["编号", "提出方", "需求描述", "开发", "上线时间"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[1, 2]), Some(2));
        let h: Vec<String> = ["需求部门", "需求", "对接人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(work_column(&h, &[0, 1]), Some(1));
        // `方式` and `方案` are no party.
        let h: Vec<String> = ["方案", "内容"].iter().map(|s| s.to_string()).collect();
        assert_eq!(work_column(&h, &[0, 1]), Some(0));
    }
}
