//! Tests of the rules added once the thirteenth held-out set became tuning data (issue 16,
//! fourteenth round): a date under a key of its own that is later than the posting day
//! (`投产日期：…`) is a target, not the meeting's day; a table whose task column has no task word
//! (`| 序号 | 整改点 | 责任人 | 时限 | 状态 |`) still gives its rows; a deadline in brackets
//! after a dashed owner (`— 某某（3月20日前）`) is read; a task whose owner is written as
//! still to name (`— 待定`) is an item with no owner; in an English stand-up a member of the
//! group called by the given name (`Kevin` for `Kevin Zhou`) is given work by `Nina to fix…`,
//! `Sam please chase…` or the label's `Alice: today I'll finish…`, a done report in the sentence
//! before the dated one is background, `done by` says when, and `today` closing a clause is a
//! deadline; a person's name alone over `- 昨天：… / - 今天：… / - 阻塞：…` gives that person
//! today's plan (the label is no deadline), while yesterday's work is a report; a routine remark
//! beside the owner in brackets (`（某某，常规工作）`) says the line is no task to track; a date left
//! for someone else to settle (`验收时间待监管部门确定`), with no owner, is no item.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_later_date_under_its_own_key_is_a_target_not_the_meeting_day() {
    // Posted 2026-03-10: `投产日期` (03-28) is when the work must be live, so `3月18日` is ahead.
    let ex = run(
        "新系统上线倒排会\n\n投产日期：3月28日（周六）\n\n| 工作 | 负责人 | 完成日期 |\n|---|---|---|\n| 压测报告 | 孟冬 | 3月18日 |",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-18")]);
}

#[test]
fn a_table_whose_task_column_has_no_task_word_still_gives_its_rows() {
    let ex = run(
        "审计发现整改会\n\n| 序号 | 整改点 | 责任人 | 时限 | 状态 |\n|---|---|---|---|---|\n| 1 | 柜面双人复核补签 | 孟冬 | 3月20日 | 进行中 |\n| 2 | 印章台账更新 | 柏青 | — | 已完成 |\n| 3 | 客户回访抽查 | 柏青 | 月底前 | 未开始 |",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("柜面双人复核补签"), "{t:?}");
    assert!(t[1].contains("客户回访抽查"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn a_deadline_in_brackets_after_a_dashed_owner_is_read() {
    let ex = run(
        "库房整理会\n\n待办：\n- 凭证装订入库 — 孟冬（3月20日前）\n- 灭火器年检 — 柏青（明天）",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-11")]
    );
}

#[test]
fn a_task_whose_owner_is_still_to_name_is_an_item_without_owner() {
    let ex = run(
        "开放日筹备\n\n1. 场地布置方案——孟冬，3月20日前\n2. 摄影师人选——待定\n3. 签到系统调试——已完成",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("摄影师人选"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["孟冬"], vec![]]);
}

#[test]
fn a_name_after_a_dash_then_a_comma_is_the_owner() {
    let ex = run(
        "入职准备会\n\n（二）系统权限\n1. 邮箱及门禁开通——孟冬，入职前两个工作日。\n2. 工位安排：柏青，3月20日前",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

const STANDUP_GROUP: &[&str] = &["Kevin Zhou", "Nina Lu", "Alice Gu", "Tom Ma"];

#[test]
fn an_english_stand_up_gives_work_to_members_by_given_name() {
    let ex = run(
        "Risk stand-up, Mar 10\nKevin: the stress test is done. Today: Nina to tune the VaR model, by 3月20日.\nTom: blocked by the data feed; Alice to open a ticket with the vendor today.\nKevin will send the limits memo to risk within two days.",
        STANDUP_GROUP,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t[0].contains("tune the VaR model") && !t[0].contains("stress test"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), [["Nina Lu"], ["Alice Gu"], ["Kevin Zhou"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-10"),
            due_by_end_of("2026-03-12")
        ]
    );
}

#[test]
fn an_english_speaker_who_says_i_will_takes_the_work() {
    let ex = run(
        "Data stand-up\nNina: finished the reconciliation yesterday. Today I will rebuild the branch table, done by tomorrow.\nAlice: waiting on the export, Kevin please chase the custodian by Friday.\nTom: today I'll finish the report page, by 3月13日.",
        STANDUP_GROUP,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), [["Nina Lu"], ["Kevin Zhou"], ["Tom Ma"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-11"),
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-13")
        ]
    );
}

#[test]
fn a_given_name_shared_by_two_members_names_no_one() {
    let ex = run(
        "Stand-up\nNina to tune the VaR model, by 3月20日.",
        &["Nina Lu", "Nina Wang"],
    );
    assert!(owners(&ex).iter().all(Vec::is_empty), "{:?}", owners(&ex));
}

#[test]
fn a_stand_up_gives_each_person_their_plan_for_today() {
    let ex = run(
        "研发站会\n\n孟冬\n- 昨天：登录页联调\n- 今天：消息中心接口改造\n- 阻塞：无\n\n柏青\n- 昨天：埋点方案评审，已完成\n- 今天：继续压测，明天中午前出报告\n- 阻塞：测试机内存不足，需要运维扩容",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("消息中心接口改造"), "{t:?}");
    assert!(t[1].contains("继续压测"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    // `今天：` is when the plan is made, not its deadline.
    assert_eq!(dues(&ex), [None, Some("2026-03-11T12:00:00+08:00".to_owned())]);
}

#[test]
fn a_name_alone_over_a_plain_list_is_not_a_stand_up() {
    let ex = run(
        "周会\n\n孟冬\n- 客户回访名单整理\n- 3月20日前提交季度报告",
        &["孟冬"],
    );
    // No colon and no stand-up labels: the name heads nothing.
    assert!(owners(&ex).iter().all(Vec::is_empty), "{:?}", owners(&ex));
}

#[test]
fn a_routine_remark_beside_the_owner_in_brackets_is_no_item() {
    let ex = run(
        "会后事项：\n- 整改台账月度更新（孟冬，常规工作）\n- 复测申请材料报送——柏青，3月20日前",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn a_date_left_for_someone_else_to_settle_is_no_item() {
    let ex = run(
        "会后事项：\n- 验收材料补充——孟冬，3月20日前\n- 验收时间待监管部门确定",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
}
