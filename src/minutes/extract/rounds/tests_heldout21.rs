//! Rules found on heldout21 (tuning data since the twenty-second set): a duty rota (`5月2日：主班
//! 某某，副班 某某`, `周末: 某某 primary, 某某 backup`) says who is on duty, no work asked; the
//! head of one of several meetings in one set of minutes (`【会议一】…（14:00）`) is no task.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn a_duty_rota_under_an_arrangements_heading_proposes_nothing() {
    let ex = run(
        "五一值班交接会\n\n一、值班安排\n- 5月1日：主班 严冬，副班 柳青，二线 孟河\n- 5月2日：主班 柳青，副班 孟河，二线 严冬\n\n二、待办\n- 严冬：5月6日前更新值班手册\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("值班手册"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"]]);
}

#[test]
fn an_english_on_call_rota_proposes_nothing() {
    let ex = run(
        "Ops handover\n\nOn-call rota / 值班表\n- 3/14-3/15 周末: 严冬 primary, 柳青 backup\n- 3/21-3/22 周末: Kevin primary, 孟河 backup\n\nAction items\n- 柳青: 整理告警清单, 3月20日前\n",
        &["严冬", "柳青", "孟河", "Kevin"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("告警清单"), "{t:?}");
}

#[test]
fn the_head_of_one_of_two_meetings_is_no_task() {
    let ex = run(
        "下午两个会合并记录。\n\n【会议一】客户服务季度会（14:00）\n参会：严冬、柳青\n- 回访话术修订，严冬负责，7月3日前出初稿。\n\n【会议二】网点形象检查（15:30）\n参会：柳青、孟河\n- 门头灯箱维修由孟河联系厂家，下周五前完成。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t.iter().all(|x| !x.contains("会议")), "{t:?}");
}

#[test]
fn a_helper_clause_after_dated_work_in_a_field_joins_that_work() {
    let ex = run(
        "需求评审会\n\n需求1：客户标签去重\n评审结论：通过。\n后续：严冬负责出去重规则说明，7月8日前提交；柳青配合整理历史样本。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("去重规则说明"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬", "柳青"]]);
}

#[test]
fn a_helper_sentence_after_work_given_in_a_turn_joins_that_work() {
    let ex = run(
        "合规周会 | 妙记\n2026-03-02 10:00　时长 20分钟\n参会：严总（严冬）、小柳（柳青）、晓河\n\n严总 00:00:05\n简单过一下。\n柳青 00:01:00\n两家新客户要做合同初审。\n严总 00:01:30\n小柳你负责，下周三前完成合同初审。晓河配合一下材料整理。\n孟晓河 00:01:50\n嗯，收到。\n",
        &["严冬", "柳青", "孟晓河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?}", owners(&ex));
    assert!(t[0].contains("合同初审"), "{t:?}");
    assert_eq!(owners(&ex), [["柳青", "孟晓河"]]);
}

#[test]
fn work_marked_routine_is_not_proposed_even_when_given_and_dated() {
    let ex = run(
        "投教周会\n\n本周新增\n1. 柳青负责统计每期讲座签到人数，每期结束后次日报送（常规要求）。\n2. 严冬12月3日前整理讲座反馈问卷。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("反馈问卷"), "{t:?}");
}

#[test]
fn a_table_task_cell_marked_done_in_brackets_is_no_task() {
    let ex = run(
        "带教计划\n\n| 导师 | 任务 | 完成时间 |\n|---|---|---|\n| 严冬 | 开通交易终端权限（已完成） | — |\n| 柳青 | 撰写首份客户拜访小结 | 下周五 |\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("拜访小结"), "{t:?}");
}

#[test]
fn a_merged_first_owner_cell_and_a_learner_column_give_both_people() {
    let ex = run(
        "带教安排\n\n| 导师 | 学员 | 任务 | 完成时间 |\n|---|---|---|---|\n| 严冬 | 柳青 | 熟悉柜台开户流程 | 5月8日前 |\n|  | 柳青 | 独立完成一次客户回访 | 5月15日前 |\n| 孟河 | 贺然 | 整理两融合同要点 | 5月8日前 |\n",
        &["严冬", "柳青", "孟河", "贺然"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(
        owners(&ex),
        [vec!["严冬", "柳青"], vec!["严冬", "柳青"], vec!["孟河", "贺然"]]
    );
}

#[test]
fn a_named_owner_asked_by_qing_within_an_undated_time_is_work_even_in_a_status_list() {
    let ex = run(
        "各位好，\n\n下周讲座的准备情况同步如下：\n1、宣传单已印好 500 份。\n2、讲座 PPT 请严冬更新风险提示部分，10月9日前发我。\n3、现场照片及签到表，请柳青讲座结束后两个工作日内整理上传。\n\n谢谢。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("签到表"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
}

#[test]
fn work_given_by_a_mention_over_a_conclusion_is_no_block_title() {
    let ex = run(
        "数据清洗推进会\n\n行动项\n- @严冬 输出合并后客户号对照表，4月29日前\n- @柳青 跟进合并对两融合同的影响评估，时间待定\n\n结论：合并只在非交易时间执行。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("影响评估"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
}

#[test]
fn whom_the_work_is_handed_to_by_given_name_is_no_owner() {
    let ex = run(
        "关于问询函的分工：第二问由营业部合规专员柳青提供客户回访录音，下周一前交给冬梅汇总。",
        &["柳青", "严冬梅"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["柳青"]]);
}

#[test]
fn other_matters_after_a_rejected_block_are_not_its_field() {
    let ex = run(
        "需求评审会\n\n需求3：历史标签重算\n评审结论：不通过，与现有平台重复。\n\n其他：严冬本周内把评审意见汇总发给各需求方。\n",
        &["严冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("评审意见汇总"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"]]);
}

#[test]
fn a_set_of_units_in_a_tables_owner_column_is_no_owner() {
    let ex = run(
        "培训跟进\n\n| 序号 | 事项 | 负责人 | 时限 | 状态 |\n|---|---|---|---|---|\n| 1 | 补考名单通知到人 | 严冬 | 本周内 | 进行中 |\n| 2 | 网点岗位自查 | 各支行 | 本月底 | 未开始 |\n",
        &["严冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [vec!["严冬"], Vec::<&str>::new()]);
}
