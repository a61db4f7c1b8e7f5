//! Rules found on heldout23 (tuning data since the twenty-fourth set): in a review block, an
//! action field after the owner (`行动：…`, `落实：…`) says the block's work; a table of places
//! and what to look at in each (`| 检查对象 | 检查重点 | 负责人 |`) gives the focus as the work;
//! `五一节前` is the last working day before the 劳动节 block; `…；…，均本周内完成` gives both tasks
//! the date; a duty marked `（常规）`/`(standing rule)`, the next meeting's open time, a report's
//! `汇报人：` header and an award (`获评`) are no tasks; `某某（职务）：` heads that person's tasks;
//! last time's item sent back for more (`要求补充…，改为…前补交`) is an item. Each on phrasings of
//! our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn an_action_field_after_the_owner_says_the_review_blocks_work() {
    let ex = run(
        "营销系统需求评审\n\n需求一：积分兑换商城\n结论：通过。\n负责人：严冬\n行动：完成积分兑换接口改造\n完成时限：3月20日\n\n需求二：弹窗广告\n结论：不通过。\n\n需求三：客户标签看板\n结论：通过。\n负责人：柳青，孟河配合\n落实：输出标签口径说明\n完成时限：3月18日\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("积分兑换接口改造"), "{t:?}");
    assert!(t[1].contains("标签口径说明"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["严冬"], vec!["柳青", "孟河"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-18")]
    );
}

#[test]
fn action_lines_between_conclusions_stay_items_of_their_own() {
    let ex = run(
        "系统故障复盘会\n\n结论：故障由第三方接口超时引起。\n行动：严冬负责补充接口超时告警，本周内完成。\n结论：应急流程维持不变。\n行动：柳青负责逐一回访受影响客户，3月13日前完成。\n结论：不再另行通报。\n行动：孟河牵头修订值班手册，3月20日前提交。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[1].contains("逐一回访"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"], ["孟河"]]);
}

#[test]
fn a_table_of_places_and_their_focus_gives_the_focus_as_the_work() {
    let ex = run(
        "二季度网点检查计划\n\n| 检查对象 | 检查重点 | 负责人 | 完成时间 |\n|---|---|---|---|\n| 东城网点 | 消防设施复查 | 严冬 | 3月20日 |\n| 西城网点 | 现金管理 | 柳青 | 3月27日前 |\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("消防设施复查") && t[0].contains("东城网点"),
        "{t:?}"
    );
    assert!(t[1].contains("现金管理"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-27")]
    );
}

#[test]
fn before_the_may_day_festival_is_the_last_working_day_before_its_block() {
    let ex = run("- 严冬负责考后阅卷和成绩公示，五一节前弄完。\n", &["严冬"]);
    assert_eq!(texts(&ex).len(), 1);
    assert_eq!(dues(&ex), [due_by_end_of("2026-04-30")]);
}

#[test]
fn a_date_after_both_on_a_line_of_two_tasks_is_both_ones() {
    let ex = run(
        "二、工作分工\n1. 严冬负责网点门禁权限清单；柳青负责监控硬盘到货验收，均本周内完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-13")]
    );
}

#[test]
fn a_duty_marked_routine_and_the_next_meetings_open_time_are_no_tasks() {
    let ex = run(
        "二、后续安排\n1. 严冬负责整理客户回访记录，3月20日前完成。\n2. 上线后两周内的交易量监测按周报执行（常规）。\n3. 下次协调会时间另行通知。\n",
        &["严冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("回访记录"), "{t:?}");
}

#[test]
fn an_english_standing_rule_is_no_task() {
    let ex = run(
        "Action items\n- 严冬: update 客户名单, by 3月20日.\n\nNotes\n- 对外材料 need 法务 sign-off before sending (standing rule).\n",
        &["严冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
}

#[test]
fn a_report_header_and_an_award_propose_nothing() {
    let ex = run(
        "营业部9月服务月报\n汇报人：严冬　日期：2026年9月28日\n\n1. 客户满意度 97.5%，环比持平。\n2. 柳青小组获评本月“服务标兵”小组。\n",
        &["严冬", "柳青"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_persons_line_with_their_role_in_brackets_heads_their_tasks() {
    let ex = run(
        "二、负责人承诺\n严冬：\n    1. 高净值客户回访方案，3月20日前上报。\n柳青（新任东城营业部负责人）：\n    1. 营业部交接盘点配合，下周一上午完成资料移交。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("交接盘点配合"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
}

#[test]
fn last_times_item_sent_back_for_more_with_a_new_date_is_an_item() {
    let ex = run(
        "一、上次会议事项跟踪\n1. 客户分层方案（严冬）——已于3月2日提交。\n2. 年度营销计划（柳青）——初稿已提交，会议要求补充费用预算明细，改为3月13日前补交。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("费用预算明细"), "{t:?}");
    assert_eq!(owners(&ex), [["柳青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}
