//! Tests of the rules added once the third held-out set became tuning data (issue 16, fourth
//! round), and for the fresh batches written with them: one test per rule, each on lines shaped
//! like the minutes that needed it, reworded (never copied from one file only).

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn the_meetings_opening_and_attendance_are_no_task() {
    for text in [
        "今天上午运营部召开了季度工作会，王总主持，李明、赵倩参加。会议纪要如下。",
        "好，人到齐了，我们开始。今天主要聊一下客户投诉的情况，李明你先说说。",
        "今天主要说一下那笔强平的事，赵倩你先介绍下。",
        "2026年3月10日 | 主持：王强 | 参会：李明、赵倩",
    ] {
        let ex = run(text, &["王强", "李明", "赵倩"]);
        assert!(ex.items.is_empty(), "{text}: {:?}", texts(&ex));
    }
    // The same people given work in the same words are still items.
    let ex = run("请李明今天下班前把参会名单发给赵倩。", &["李明", "赵倩"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn an_acknowledgement_is_small_talk_only_where_it_opens_a_clause() {
    let ex = run(
        "好。李明，上个月定投新增三百户，这个是好的。但是定投客户的回访你跟一下，下周三前把回访情况汇总一下。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-18T18:00:00+08:00".to_owned())]);
    let ex = run("赵倩：好的，没问题。", &["赵倩"]);
    assert!(ex.items.is_empty());
}

#[test]
fn a_numbered_checkbox_is_a_checkbox() {
    let ex = run(
        "**待办事项**\n1. [ ] 李明：逐个核对营业部缺口，周五前发到群里\n2. [x] 额度已申请（赵倩）\n3. [ ] 赵倩、王强：月底前完成发行计划初稿",
        &["李明", "赵倩", "王强"],
    );
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
    assert!(texts(&ex).iter().all(|t| !t.contains("[ ]")), "{:?}", texts(&ex));
}

#[test]
fn a_note_a_routine_arrangement_and_an_unplanned_request_are_no_tasks() {
    for text in [
        "## 待办\n- 按公司规定，9月28日起进入封网期，此为例行安排。",
        "## 待办\n说明：系统整改需等外部机构出具报告后才能排期。",
        "李明提出该需求可在下个季度重新提报，会上未作安排。",
        "- The 10/1 release was delayed by 2 days due to certificate renewal",
    ] {
        let ex = run(text, &["李明"]);
        assert!(ex.items.is_empty(), "{text}: {:?}", texts(&ex));
    }
    // A note that asks a named person for something dated still is one.
    let ex = run(
        "补充：需李明在本周五前提供10条录音样本给赵倩。",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_quota_and_a_figure_pointed_back_at_are_not_reported_figures() {
    let ex = run(
        "- 赵倩：组织回访抽检，每家营业部抽20户，本月底前完成。",
        &["赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
    let ex = run(
        "好，这6户客户，李明你跟一下，逐户电话告知，下周一前打完。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    // A figure reported is still one.
    let ex = run("- 赵倩：上月新开户320户，本月底前完成。", &["赵倩"]);
    assert!(ex.items.is_empty());
}

#[test]
fn a_list_in_parentheses_that_names_no_member_enumerates_things() {
    let ex = run(
        "## 待办\n- 周五前完成营业部安全检查（消防、机房、金库）—— 负责人：李明\n- 赵倩：月底前把名单先发给试点营业部（杭州、成都）",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明"], ["赵倩"]]);
    // Helpers in parentheses stay.
    let ex = run(
        "## 待办\n- 周五前完成营业部安全检查（李明、赵倩）",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
}

#[test]
fn this_one_point_is_an_amount_not_one_oclock() {
    let ex = run("- 各营业部负责人是第一责任人，这一点要反复强调；", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_day_and_half_day_before_a_preposition_is_the_deadline() {
    let ex = run(
        "李明：行，那你下周一上午跟客户确认一下他们的决策时间。",
        &["李明", "赵倩"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-16T12:00:00+08:00".to_owned())]);
}

#[test]
fn the_person_themself_leads() {
    let ex = run(
        "会议要求王强本人牵头，赵倩配合，制定两融业务拓展方案，3月31日前提交。",
        &["王强", "赵倩"],
    );
    assert_eq!(owners(&ex), [["王强", "赵倩"]]);
}

#[test]
fn a_table_takes_its_task_from_the_name_column_not_the_number_and_skips_rejected_rows() {
    let ex = run(
        "| 需求编号 | 需求名称 | 评审结论 | 责任人 | 完成时限 |\n|---|---|---|---|---|\n| XQ-2026-018 | 工作台增加回访提醒 | 通过 | 李明 | 3月25日 |\n| XQ-2026-019 | 标签批量导出 | 不通过（数据安全） | — | — |",
        &["李明"],
    );
    assert_eq!(texts(&ex), ["工作台增加回访提醒"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_date_word_in_a_task_cell_stays_when_the_deadline_column_says_otherwise() {
    let ex = run(
        "| 事项 | 负责人 | 完成时间 |\n| --- | --- | --- |\n| 清明假期值班表报分公司 | 李明 | 3月31日 |\n| 3月20日前完成设备调试 | 赵倩 | 3月20日 |",
        &["李明", "赵倩"],
    );
    assert_eq!(texts(&ex), ["清明假期值班表报分公司", "完成设备调试"]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-31T18:00:00+08:00".to_owned()),
            Some("2026-03-20T18:00:00+08:00".to_owned())
        ]
    );
}

#[test]
fn half_a_month_is_fifteen_days_but_the_second_half_of_the_year_is_no_deadline() {
    let ex = run("## 待办\n- 李明：客户经理访谈提纲，半个月内", &["李明"]);
    assert_eq!(dues(&ex), [Some("2026-03-25T18:00:00+08:00".to_owned())]);
    let ex = run("3. 赵倩提到下半年要做的基地申报，材料很多。", &["赵倩"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_heading_followed_by_any_field_opens_a_block() {
    let ex = run(
        "## 需求1：APP增加合约到期提醒\n需求方：经纪业务部\n说明：到期前7天推送提醒。\n结论：通过\n责任人：李明\n完成时限：3月31日\n\n## 需求2：海报模板\n需求方：某营业部\n结论：暂缓，本期不排期。\n\n## 其他\n下期评审会定于3月25日。",
        &["李明"],
    );
    assert_eq!(texts(&ex), ["APP增加合约到期提醒"]);
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-31T18:00:00+08:00".to_owned())]);
}

#[test]
fn the_rest_of_a_conclusion_can_name_who_does_it_and_by_when() {
    let ex = run(
        "需求6：月报增加收益归因。结论：有条件通过，需补充口径说明后实施；由赵倩补充口径说明，3月20日前提交。",
        &["赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
    assert_eq!(dues(&ex), [Some("2026-03-20T18:00:00+08:00".to_owned())]);
    assert!(texts(&ex)[0].contains("补充口径说明"), "{:?}", texts(&ex));
}

#[test]
fn a_role_remark_and_a_role_verb_are_no_names() {
    let ex = run(
        "【需求一】影像自动质检\n评审结论：通过\n责任人：李明（主办）、赵倩\n完成时限：3月18日",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
    let ex = run(
        "## 待办\n3. 李明牵头、赵倩配合，梳理投诉台账，月底前报合规岗。",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
}

#[test]
fn tonight_between_i_and_the_work_is_a_commitment() {
    let ex = run(
        "王强 00:01:20\n好。假期值班手机谁拿？\n\n李明 00:01:35\n我拿吧。值班手机和钥匙我今晚之前交接好。",
        &["王强", "李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}
