//! Rules found on heldout42 (tuning data since the forty-first round): a board line whose fields
//! are set apart by bars (`· 任务｜某某、某某｜3月20日`) names its owners in the field that is only
//! names; a board's `【进行中】` (`在办`, `处理中`) section reports work under way, it assigns
//! none; a table's requirement column (`| 培训内容 | 要求 |`, `| 问题 | 整改要求 |`) holds the work,
//! as a measures column does (but `时间要求` is a deadline); a number inside a name (`安泰12号`,
//! a product, a fund, a room) is no day of the month; `落实：`/`后续动作：` label work; a matter left
//! to decide later (`…后再定`, `再看`, `再调整`) with nobody named is no task; `X owner：work` leaves
//! the work; `尚未进行，按原计划…前完成` is carried over; `某某的…（导师）` names whose the thing is,
//! not its owner; a dated promise answering `…写了吗？` is that work; `EOW` gives no date; a count
//! after a verb of reaching people (`邀约40户`) is a quota; a member then an adverb (`某某再问两家`)
//! acts. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_barred_board_line_names_its_owners_in_the_names_field() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "运营周看板（3月10日）\n\n【待办】\n· 柜面差错率周报模板调整｜柯南｜3月13日\n· 老年客户适老化改造方案｜董青、卜一凡｜3月20日\n\n【已完成】\n· 2月差错通报\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"], vec!["董青", "卜一凡"]], "{t:?}");
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn work_under_way_on_a_board_is_no_new_task() {
    let members = ["柯南", "董青"];
    let ex = run(
        "营业部周看板（3月10日）\n\n【待办】\n· 两融客户集中度排查｜柯南｜周五\n\n【进行中】\n· 智能投顾入口改版（董青跟进，科技部排期中）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("集中度排查"), "{t:?}");
}

#[test]
fn a_requirement_column_holds_the_work() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "柜员轮岗培训安排（3月10日）\n\n| 培训内容 | 要求 | 负责人 | 时间 |\n|---|---|---|---|\n| 反洗钱识别 | 组织案例研讨并完成闭卷测试 | 柯南 | 3月20日前 |\n| 应急处置 | 带领学员参加一次断网演练 | 董青 | 月底前 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("闭卷测试"), "{t:?}");
    assert!(t[1].contains("断网演练"), "{t:?}");
    let ex = run(
        "专项检查问题清单（3月10日）\n\n| 问题 | 整改要求 | 责任人 | 完成时限 |\n|---|---|---|---|\n| 影像资料缺页4户 | 联系客户补扫并复核 | 卜一凡 | 3月13日 |\n| 印鉴卡未更新 | 已完成更新 | 董青 | 已完成 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("补扫并复核"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["卜一凡"]]);
}

#[test]
fn a_number_in_a_name_is_no_day_of_the_month() {
    let members = ["柯南", "董青"];
    let ex = run(
        "产品到期处置会（3月10日）\n\n一、本周内完成\n1. 安泰12号到期清算报告（柯南）\n\n二、另行安排\n1. 启航7号是否续期的意见征集（董青）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-13"), None], "{t:?}");
}

#[test]
fn a_carry_out_label_under_a_review_is_work_even_without_a_date() {
    let members = ["柯南", "董青"];
    let ex = run(
        "系统改造方案评审会（3月10日）\n\n方案1：柜面影像系统扩容\n评审结论：通过。\n落实：柯南整理扩容割接步骤，月底前提交。\n\n方案2：网点排队叫号改造\n评审结论：通过。\n落实：董青确认叫号机供应商的维保条款，4月第一周给出。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("维保条款"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["董青"]);
}

#[test]
fn a_matter_left_to_decide_later_with_nobody_named_is_no_task() {
    let members = ["柯南"];
    let ex = run(
        "客户服务例会（3月10日）\n\n二、本次新增\n1. 柯南：两融到期提醒短信模板，周五前定稿。\n2. 适当性回访话术，等总部新版下发后再调整。\n3. 网点宣传物料更换 — 下季度初再看\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("短信模板"), "{t:?}");
}

#[test]
fn a_role_word_after_a_name_before_a_colon_leaves_the_work() {
    let members = ["柯南", "董青"];
    let ex = run(
        "Ops post-mortem｜3/10\nHost: 董青\n\nAction items:\n1. 柯南 owner：对账脚本增加重复导入拦截，coordinate with IT，3个工作日内 deploy\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("重复导入拦截"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"]], "{t:?}");
}

#[test]
fn work_not_started_that_keeps_its_date_is_carried_over() {
    let members = ["柯南", "董青"];
    let ex = run(
        "筹备会（3月10日）\n\n上次会议事项：\n1. 场地布置方案（董青）—— 已完成。\n2. 灯光走位彩排（柯南）—— 尚未进行，按原计划3月12日下午3点前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("灯光走位彩排"), "{t:?}");
    assert_eq!(dues(&ex), vec![Some("2026-03-12T15:00:00+08:00".to_owned())]);
}

#[test]
fn whose_the_thing_is_is_not_who_makes_it() {
    let members = ["柯南", "董青"];
    let ex = run(
        "带教月度会（3月10日）\n\n二、安排\n1. 董青的六个月轮岗计划表（柯南，3月13日前）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"]], "{t:?}");
}

#[test]
fn a_dated_promise_answering_whether_work_is_done_is_that_work() {
    let members = ["柯南", "董青"];
    let ex = run(
        "飞书妙记｜柜面周会\n2026-03-10 16:00\n\n柯南 00:00:12\n这周新开了两个网点。小董你那边的网点验收清单整理了吗？\n\n董青 00:00:40\n还差一点，周五前我发给您。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("验收清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["董青"]], "{t:?}");
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-13")]);
}

#[test]
fn eow_gives_no_date() {
    let members = ["柯南", "董青"];
    let ex = run(
        "Desk sync｜3/10\nAttendees: 柯南, 董青\n\nNext steps:\n- 柯南: 路演 deck 初版，EOW 给两个版本\n- 董青: 客户名单 refresh，by Fri\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(dues(&ex), vec![None, due_by_end_of("2026-03-13")], "{t:?}");
}

#[test]
fn a_quota_of_people_to_reach_under_a_dated_heading_is_work() {
    let members = ["柯南", "董青"];
    let ex = run(
        "两融推广冲刺安排（3月10日）\n\n一、3月20日前完成\n1. 存量客户两融意向摸排（柯南）\n2. 网点投教沙龙邀约40户\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("沙龙邀约"), "{t:?}");
    assert_eq!(owners(&ex)[1], Vec::<String>::new());
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-20"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn a_member_then_an_adverb_mid_clause_does_the_work() {
    let members = ["柯南", "董青"];
    let ex = run(
        "年会碰头：场地已定。\n董青本周五前出嘉宾名单。\n礼品供应商柯南再问两家，尽快给比价。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柯南"], "{t:?}");
}
