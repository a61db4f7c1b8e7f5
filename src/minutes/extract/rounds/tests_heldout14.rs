//! Tests of the rules added once the fourteenth held-out set became tuning data (issue 16,
//! fifteenth round): a keycap number (`1️⃣`) and an unticked box (`⬜`) open a list item; in a
//! terse note the thing first, then a member, then the date and the verb
//! (`年终清算预案某某本周内定稿`), the member does it.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn keycap_numbers_are_list_items_under_an_action_heading() {
    let ex = run(
        "年会筹备小结\n\n📝 待办\n1️⃣ 邀请函设计 👉 孟冬，本周末\n2️⃣ 晚宴菜单报行政审批 👉 柏青，元旦前",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn an_unticked_square_box_is_an_open_item_even_without_a_date() {
    let ex = run(
        "迁址清单\n\n✅ 网络割接（已完成）\n⬜ 前台标识牌安装 —— 孟冬",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("前台标识牌安装"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_member_between_the_thing_and_its_date_does_it() {
    // Posted Tuesday 2026-03-10: 本周内 is Friday the 13th.
    let ex = run(
        "周会：季度复盘材料柏青本周内定稿。\n孟冬明天把值班表发群里。",
        &["柏青", "孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("季度复盘材料"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["柏青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn duties_under_a_standing_heading_are_no_new_work() {
    let ex = run(
        "风控部周例会\n\n例行事项（每周）：\n- 每周一报送限额监控周报 —— 孟冬\n- 每日复核保证金台账 —— 柏青\n\n本周新增：\n1. 柏青负责压力测试报告，下周五前提交。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("压力测试报告"), "{t:?}");
}

#[test]
fn routine_in_brackets_is_nobody() {
    let ex = run(
        "专项会\n\n后续安排：\n• 进度每周三报部门负责人（例行）\n• 柏青下周一前汇总遗留问题清单",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("遗留问题清单"), "{t:?}");
}

#[test]
fn a_label_over_the_units_as_a_whole_speaks_and_gives_no_owner() {
    let ex = run(
        "迎检准备会\n\n会议要求：\n孟冬：各责任人每天上午报一次进度。\n柏青下周三前提交自查报告。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn the_next_step_after_done_work_given_to_someone_is_an_item() {
    let ex = run(
        "早会：到期提醒短信已发，后续电话回访由柏青跟进。\n其余照常。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("电话回访"), "{t:?}");
    assert_eq!(owners(&ex), [["柏青"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn done_work_then_its_owner_without_a_next_step_stays_a_report() {
    let ex = run("早会：到期提醒短信已发，由柏青负责。", &["孟冬", "柏青"]);
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_latin_given_name_after_a_report_clause_owns_the_dated_work() {
    let ex = run(
        "Pre-IPO sync\n\n- Anchor：两家基金已口头 commit，Nora 周五前 follow up 书面 term sheet。",
        &["Nora Lin", "孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("term sheet"), "{t:?}");
    assert_eq!(owners(&ex), [["Nora Lin"]]);
}

#[test]
fn the_open_part_put_off_to_a_day_is_carried_over_work() {
    // Posted 2026-03-10.
    let ex = run(
        "复核会纪要\n\n一、上次会议事项\n1. 流水调阅（孟冬）——流水已调取，聊天记录仍在核查，延至3月20日。\n2. 台账归档（柏青）——已完成。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("聊天记录") || t[0].contains("流水调阅"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
}

#[test]
fn a_function_named_short_beside_a_person_is_no_owner() {
    let ex = run(
        "评审会\n\n结论：通过。孟冬下周一前与财务核对计费口径。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_question_answered_on_the_next_line_is_not_the_item() {
    let ex = run(
        "评审意见及回复：\n\n问题1：客户集中度偏高，请说明原因。\n回复：孟冬负责，补充前十大客户合同，3月20日前提交书面回复。\n\n问题2：用地手续尚未办妥。\n回复：柏青牵头，两周内取得用地证明。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn a_short_label_before_a_unit_and_its_member_leaves_the_member_the_owner() {
    let ex = run(
        "项目评审会\n\n后续安排：\n另外：质控部孟冬对底稿进行复核，3月20日前反馈意见。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn an_arrangement_made_for_now_is_no_task() {
    let ex = run(
        "年会筹备碰头\n\n- 年会暂定元旦后一周举行，地点一楼大厅\n- 孟冬周五前报节目单",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("节目单"), "{t:?}");
}

#[test]
fn days_before_an_event_are_no_date_of_the_month() {
    let ex = run(
        "董办工作会\n\n后续安排：\n1. 股东大会材料由孟冬准备，会前十日发送各位董事。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn a_risk_state_with_yi_is_no_finished_row() {
    let ex = run(
        "风险项目周会\n\n| 项目 | 风险情况 | 处置措施 | 负责人 | 时间 |\n|---|---|---|---|---|\n| 客户甲 | 已违约 | 启动催收，准备起诉材料 | 孟冬 | 3月20日前 |\n| 客户乙 | 已结清 | — | — | — |",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
}

#[test]
fn dated_work_joined_on_with_tongshi_is_the_same_owners() {
    let ex = run(
        "复盘会纪要\n\n本次簿记总体顺利，但开始后半小时内出现一次录入延迟，人工补录了十余笔。会上柏青介绍了延迟的原因，主要是网关连接数设置偏低。会议要求孟冬下周三前联系供应商调整参数并完成压力测试，同时把应急操作步骤写成手册，本月底前发到部门群里。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("应急操作步骤"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["孟冬"]]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-31"));
}
