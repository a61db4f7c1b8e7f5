//! Tests of the rules added once the ninth held-out set became tuning data (issue 16, tenth
//! round): a `（一）` sub-heading over its numbered list, work left unscheduled (`本次不安排`),
//! duties that go on by an existing rule (`按…执行`), an attachment list, checklist and plan
//! tables (`步骤`, `活动`, `分工`, a ✅ or `已于…完成` state, work written after the date), `AI`
//! as English minutes' action heading, `Tony (唐志远)` in the attendee line, the work a review
//! block asks beside its owner, a numbered line introducing the list below with its deadline, a
//! person with only a role in a conclusion, who inspected and when, a date before `过一遍`, an
//! answer taking on other work or promising sooner than asked, the start of a period (`下季度初`),
//! a to-do that is only a document, `你` after calling someone, `小王` said by another 王,
//! `由X在…`, questions and answers. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_numbered_sub_heading_over_a_numbered_list_is_no_task() {
    let ex = run(
        "三、下阶段工作安排\n\n（一）客户回访\n1. 孟冬负责回访名单整理，3月20日前完成。\n\n（二）培训\n1. 柏青牵头组织新员工培训，月底前完成。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    // A `（一）` line that is a task itself stays one.
    let ex = run(
        "三、下阶段工作安排\n（一）孟冬负责回访名单整理，3月20日前完成。\n（二）柏青牵头组织培训，月底前完成。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn work_left_unscheduled_or_carried_on_by_the_rules_is_no_task() {
    let ex = run(
        "二、后续工作安排\n1. 机房空调更换，并入明年预算统筹，本次不单独安排。\n2. 档案室改造推迟到下半年，本季度不做安排。\n3. 新系统接入，原则同意，具体另议。\n4. 夜间值班按现行值班表执行。\n5. 发现问题的处理，按《运维管理规定》执行。\n6. 孟冬负责机房巡检报告，3月20日前提交。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    // Someone named to carry a plan out keeps the task.
    let ex = run(
        "二、后续工作安排\n1. 柏青按新方案执行客户分层，3月20日前完成。",
        &["柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn an_attachment_list_is_no_task() {
    let ex = run(
        "三、工作安排\n1. 孟冬负责汇总问题清单，3月20日前完成。\n\n附件：\n1. 问题汇总表\n2. 检查报告（节选）\n3. 整改台账",
        &["孟冬"],
    );
    assert_eq!(texts(&ex).len(), 1);
}

#[test]
fn a_checklist_table_with_steps_and_a_state_column() {
    let ex = run(
        "上线检查清单\n\n| 步骤 | 负责人 | 时限 | 状态 |\n|---|---|---|---|\n| 开通测试账户 | 孟冬 | — | ✅ |\n| 参数配置复核 | 柏青 | 3月13日 | ⬜ |\n| 首次对账 | 孟冬、柏青 | 3月20日 | ⬜ |",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["柏青"], vec!["孟冬", "柏青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn a_plan_table_with_a_division_column_and_work_after_the_date() {
    let ex = run(
        "二季度活动安排\n\n| 活动 | 分工 | 时间要求 |\n|---|---|---|\n| 校园讲座 | 孟冬牵头，柏青配合 | 3月20日前落实会场 |\n| 社区讲座 | 已于3月5日完成 | — |\n| 宣传海报 | 柏青 | 3月13日 |",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬", "柏青"], vec!["柏青"]]);
    assert!(texts(&ex)[0].contains("落实会场"), "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-13")]
    );
}

#[test]
fn ai_alone_heads_english_minutes_action_items() {
    let ex = run(
        "Weekly sync\n\nStatus\n- 接口联调 done.\n\nAI\n1. Finish 接口文档 update — 孟冬, by 3月13日\n2. Smoke test for 对账 module — 柏青",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn an_english_name_before_a_member_in_brackets_is_that_member() {
    let ex = run(
        "Attendees: Nora (孟冬), Sam（柏青）\n\nAction items\n1. Nora: send the signed NDA back to 法务, by 3月13日\n2. Sam: draft the Q2 plan, by 3月20日",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn a_review_block_keeps_the_work_asked_beside_its_owner() {
    let ex = run(
        "【需求1】柜台数据库适配\n评审结论：通过\n负责人：孟冬\n要求：下周一前提交适配测试方案。\n\n需求二：折算率批量调整\n- 结论：通过\n- 负责人：柏青，3月20日前完成开发排期",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    let t = texts(&ex);
    assert!(
        t[0].contains("适配测试方案") && t[1].contains("开发排期"),
        "{t:?}"
    );
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-16"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn a_numbered_line_introducing_the_list_below_gives_its_deadline() {
    let ex = run(
        "一、网点巡检\n（一）以下事项请于3月20日前完成：\n1. 各楼层监控设备逐一检查——孟冬\n2. 应急照明更换——孟冬、柏青\n（二）以下事项请于月底前完成：\n1. 巡检制度修订——柏青",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec!["孟冬", "柏青"], vec!["柏青"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-31")
        ]
    );
}

#[test]
fn a_lead_named_with_only_a_role_in_a_conclusion_shares_the_work_after_it() {
    let ex = run(
        "需求评审会\n\n1. 对账差异自动处理\n   结论：通过。孟冬主办，柏青协办，下周一前提交详细设计。\n\n2. 回访机器人\n   结论：暂缓。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-16")]);
}

#[test]
fn who_inspected_and_when_is_a_record() {
    let ex = run(
        "网点服务检查\n\n检查人：孟冬    日期：3月12日\n\n整改事项：\n1. 服务标识更换（柏青）3月20日前",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn a_date_before_a_verb_of_going_through_is_the_deadline() {
    let ex = run("会后事项\n1. 孟冬，客户回访情况明天早上过一遍。", &["孟冬"]);
    assert_eq!(dues(&ex), [Some("2026-03-11T09:00:00+08:00".to_owned())]);
}

#[test]
fn an_answer_taking_on_other_work_leaves_the_asked_work_its_own_date() {
    let ex = run(
        "周会 - 妙记\n柏青 00:00:05\n孟冬，网点巡检记录明天早上过一遍，有问题报我。\n孟冬 00:00:20\n没问题。培训物料我来对接，这周五前到位。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["孟冬"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-11T09:00:00+08:00".to_owned()),
            due_by_end_of("2026-03-13")
        ]
    );
}

#[test]
fn the_start_of_a_period_is_no_deadline_at_its_end() {
    let ex = run(
        "| 活动 | 分工 | 时间要求 |\n|---|---|---|\n| 年度报告 | 孟冬 | 下季度初 |\n| 宣传海报 | 孟冬 | 下季度 |",
        &["孟冬"],
    );
    assert_eq!(dues(&ex), [None, due_by_end_of("2026-06-30")]);
    let ex = run("工作安排\n1. 等保测评，孟冬牵头，下季度初启动。", &["孟冬"]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn a_to_do_that_is_only_the_document_to_produce_is_an_item() {
    let ex = run(
        "待办\n- @孟冬 拟定培训计划，3月20日前提交\n- 年度优秀员工评选方案\n\n情况\n- 年度评选方案已发布",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec![]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20"), None]);
}

#[test]
fn you_after_calling_someone_by_name_is_them_not_the_last_speaker() {
    let ex = run(
        "周会 - 妙记\n柏青 00:00:05\n孟冬，培训照片月底前补齐。\n孟冬 00:00:20\n好的。\n柏青 00:00:40\n老罗，讲师名单你明天下午确认一下。",
        &["孟冬", "柏青", "罗建"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["罗建"]]);
}

#[test]
fn a_promise_sooner_than_the_deadline_asked_leaves_the_deadline() {
    let ex = run(
        "周会 - 妙记\n柏青 00:00:05\n孟冬，尽调清单周五前发给企业。\n孟冬 00:00:20\n好的，明天上班就发。",
        &["孟冬", "柏青"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn a_promise_within_a_limit_asked_in_labelled_lines_leaves_the_limit() {
    let ex = run(
        "周会 - 妙记\n柏青 00:00:05\n孟冬，尽调清单明天之前发给企业。\n孟冬 00:00:20\n好的，明天上午10点就发。",
        &["孟冬", "柏青"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-11")]);
    // A day asked without a limit takes the hour the answer gives.
    let ex = run(
        "周会 - 妙记\n柏青 00:00:05\n孟冬，明天演示一下新系统。\n孟冬 00:00:20\n可以，明天下午3点。",
        &["孟冬", "柏青"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-11T15:00:00+08:00".to_owned())]);
}

#[test]
fn a_familiar_surname_shared_with_the_speaker_is_the_other_member() {
    let ex = run(
        "晨会 - 妙记\n王振华 00:00:05\n小王，客户邀约名单今天下班前给我。\n王小燕 00:00:20\n好的王总。",
        &["王振华", "王小燕"],
    );
    assert_eq!(owners(&ex), [["王小燕"]]);
}

#[test]
fn the_one_after_you_with_zai_before_the_time_is_the_owner() {
    let ex = run(
        "会后事项\n1. 由运营部孟冬在三个工作日内开通权限。\n2. 由柏青在月底前完成回访。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn an_answer_gives_the_work_its_question_names() {
    let ex = run(
        "新员工座谈会问答\n\n问：新员工什么时候能开通邮箱？\n答：由信息部孟冬在报到后两个工作日内开通。\n\n问：工牌在哪里领？\n答：已于报到当天统一发放。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert!(texts(&ex)[0].contains("开通邮箱"), "{:?}", texts(&ex));
}
