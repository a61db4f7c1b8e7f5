//! Rules found on heldout38 (tuning data since the thirty-eighth round): a register of cases and
//! their outcomes (any table with an outcome or verdict column and neither a deadline nor a
//! next-step column, whatever separator its cells use) is no list of work; a cell whose aside
//! says the case is settled (`补正（已补）`) closes its row; an English role word after a name
//! (`Amy lead, 某某 support`, `Leo owner`) names the lead and the helper as one before it does;
//! a routine remark of any wording (`（日常要求）`) is no task; who called the paper (`发起人：`) is
//! a meta line; a title ending with a full date is the paper's head; a done word after a verb of
//! checking (`抽查已发布内容`) names the object, not finished work.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn a_register_of_cases_and_outcomes_is_no_work() {
    let members = ["钟岚", "陶然", "白露"];
    let ex = run(
        "渠道宣传材料审查复盘（5月6日）\n参会：钟岚、陶然、白露\n\n| 序号 | 报送人 | 材料 | 发现问题 | 审查结果 |\n|---|---|---|---|---|\n| 1 | 甲某 | 海报 | 缺少风险揭示 | 打回 |\n| 2 | 乙某 | 长图 | 无 | 通过 |\n| 3 | 丙某 | 短视频 | 夸大收益 | 打回 |\n\n下一步：\n1. 陶然负责整理审查要点，5月15日前发出。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("审查要点"), "{t:?}");
}

#[test]
fn a_register_with_full_width_bars_is_no_work_either() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "投诉登记回顾（6月2日）\n\n登记簿（单号｜登记人｜类别｜事由｜处理结论）：\n101｜甲某｜电话｜等待过久｜已回访\n102｜乙某｜柜面｜态度问题｜口头致歉\n103｜丙某｜线上｜页面报错｜转IT\n\n会后：钟岚负责梳理高频事由，6月9日前给出。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("高频事由"), "{t:?}");
}

#[test]
fn a_settled_aside_closes_a_row_but_a_task_table_stays() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "整改跟踪\n\n| 整改事项 | 责任人 | 时限 | 状态 |\n|---|---|---|---|\n| 补齐客户回访记录 | 钟岚 | 5月20日 | 补正（已补） |\n| 更新双录话术 | 陶然 | 5月22日 | 未开始 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("双录话术"), "{t:?}");
}

#[test]
fn an_english_role_after_a_name_names_lead_and_helper() {
    let members = ["钟岚", "陶然", "白露"];
    let ex = run(
        "运维周会（3月3日）\nAttendees: Amy（钟岚）, 陶然, Ben（白露）\n\nNext steps\n1. 灾备切换演练 runbook — Amy lead, 陶然 support, due 3月10日\n2. 日志平台扩容评估 — Ben owner, Amy support, due 3月12日\n",
        &members,
    );
    assert_eq!(
        owners(&ex),
        vec![
            vec!["钟岚".to_owned(), "陶然".to_owned()],
            vec!["白露".to_owned(), "钟岚".to_owned()]
        ]
    );
}

#[test]
fn who_called_a_sign_up_list_is_no_work() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "#接龙 培训讲师认领\n召集人：钟岚（5月8日会后）\n\n1. 陶然 认领：合规培训课件，5月15日前\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("合规培训课件"), "{t:?}");
}

#[test]
fn a_routine_remark_of_any_wording_is_no_task() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "会议纪要（5月8日）\n\n后续安排：\n- 钟岚：每周报送舆情简报（日常要求）。\n- 陶然：宣传物料备案，每次提前两天，例行事项。\n- 陶然负责更新客户告知书，5月15日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("客户告知书"), "{t:?}");
}

#[test]
fn checking_what_is_done_is_work() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "合规复盘（4月1日）\n\n后续安排：\n1. 陶然：每周复核已办结投诉案件5件，首次复核4月10日前完成。\n2. 钟岚负责回访已开户客户，4月15日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("已办结投诉案件"), "{t:?}");
    assert!(t[1].contains("已开户客户"), "{t:?}");
}

#[test]
fn a_check_that_is_done_stays_done() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "后续安排：\n1. 首轮抽查已完成。\n2. 陶然负责复核，4月10日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("复核"), "{t:?}");
}

#[test]
fn a_post_given_is_no_task() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "各位好，纪要如下：\n1. 产品将于6月10日提前终止，清算专班已组建，由钟岚任组长。\n2. 请陶然6月12日前完成清算报告初稿。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("清算报告"), "{t:?}");
}

#[test]
fn work_whose_timing_is_left_to_the_units_is_not_tracked() {
    let members = ["钟岚", "陶然"];
    let ex = run(
        "会后安排：\n（一）钟岚负责制作培训课件，3月6日前完成；\n（二）各支行组织员工自学，具体时间自定。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("培训课件"), "{t:?}");
}
