//! Tests of the rules added once the seventh held-out set became tuning data (issue 16, eighth
//! round): owners over a flat list, RACI tables, a department before the person, quarter ends,
//! `后续要求` in a voted block. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_name_alone_over_a_flat_numbered_list_owns_each_item() {
    let ex = run(
        "分工如下：\n\n孟冬：\n1. 周五前完成网点巡检报告\n2. 跟进两家客户的回款\n\n柏青：\n1. 整理本月培训记录",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["孟冬"], ["柏青"]]);
    // A heading after the list ends the person's part.
    let ex = run(
        "孟冬：\n1. 周五前完成网点巡检报告\n\n下一步\n1. 3月20日前整理本月培训记录",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec![]]);
}

#[test]
fn the_r_column_of_a_raci_table_is_the_owner() {
    for header in [
        "| 任务 | R | A | C | I | 截止 |",
        "| 工作 | R（负责） | A（审批） | C | I | 计划完成 |",
    ] {
        let text = format!(
            "二、近期任务分工（R=负责 A=审批）\n{header}\n|---|---|---|---|---|---|\n| 上线方案评审 | 孟冬 | 柏青 | — | 各部门 | 3月20日 |"
        );
        let ex = run(&text, &["孟冬", "柏青"]);
        assert_eq!(texts(&ex), ["上线方案评审"], "{header}");
        assert_eq!(owners(&ex), [["孟冬"]], "{header}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")], "{header}");
    }
}

#[test]
fn a_department_then_a_member_then_a_time_or_basis_names_the_owner() {
    for (line, due) in [
        (
            "人力资源部孟冬于两周内启动校园招聘。",
            due_by_end_of("2026-03-24"),
        ),
        (
            "会议要求运营部孟冬根据各方意见修改制度，3月20日前重新提交。",
            due_by_end_of("2026-03-20"),
        ),
        ("风控部孟冬在3月20日前完成压力测试。", due_by_end_of("2026-03-20")),
    ] {
        let ex = run(line, &["孟冬", "柏青"]);
        assert_eq!(owners(&ex), [["孟冬"]], "{line}");
        assert_eq!(dues(&ex), [due], "{line}");
    }
    // A meeting place after the name is no time.
    let ex = run("风控部孟冬在会上介绍了压力测试的结果。", &["孟冬"]);
    assert!(ex.items.is_empty());
}

#[test]
fn an_ordinal_quarter_end_is_that_quarter() {
    let ex = run("孟冬根据意见修改方案，第三季度末前重新提交。", &["孟冬"]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-09-30")]);
    assert!(!texts(&ex)[0].contains("第三"), "{:?}", texts(&ex));
}

#[test]
fn follow_up_requirements_after_a_vote_are_one_item_each() {
    let ex = run(
        "议题一：关于增加某基金份额的议案\n表决结果：同意5票，议案通过。\n后续要求：投资部孟冬在交割前补充尽调报告；风控部柏青于3月20日前完成限额测算。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex), [None, due_by_end_of("2026-03-20")]);
}

#[test]
fn a_short_topic_over_numbered_sub_items_heads_them() {
    let ex = run(
        "二、工作分解\n1. 材料准备（牵头：孟冬）\n  1.1 客户清单：柏青，3月20日前出初稿\n  1.2 合同模板：孟冬，下周五\n2. 其他：立项流程已在OA完成。",
        &["孟冬", "柏青"],
    );
    assert_eq!(texts(&ex), ["客户清单：出初稿", "合同模板"]);
    assert_eq!(owners(&ex), [["柏青"], ["孟冬"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-20")]
    );
    // A sub-item naming no one is the topic's lead's.
    let ex = run(
        "1. 材料准备（牵头：孟冬）\n  1.1 客户清单：柏青，3月20日前出初稿\n  1.2 合同模板下周五前定稿",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"], ["孟冬"]]);
    // A decimal figure opens no sub-item.
    let ex = run("1.5 亿元的额度已获批。", &["孟冬"]);
    assert!(ex.items.is_empty());
}

#[test]
fn a_contact_person_key_without_a_colon_names_the_owner() {
    let ex = run(
        "1. 行业支持：请研究所出一份深度报告，对接人柏青，4月底",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-04-30")]);
}

#[test]
fn a_unit_in_the_help_column_beside_a_person_is_no_owner() {
    let text = "|事项|牵头|配合|完成时间|\n|---|---|---|---|\n|演练方案|孟冬|信息技术部|3月20日|\n|客户回访|柏青|各营业部|3月20日|\n|遗留问题清零|孟冬|柏青|3月20日|\n|宣传物料|市场部|各营业部|3月20日|";
    let ex = run(text, &["孟冬", "柏青"]);
    assert_eq!(
        owners(&ex),
        [vec!["孟冬"], vec!["柏青"], vec!["孟冬", "柏青"], vec![]]
    );
    // Owners are people: the units stay with the item, as written, for the card to show.
    assert_eq!(ex.items[3].units, ["市场部", "各营业部"]);
    assert!(ex.items[0].units.is_empty(), "{:?}", ex.items[0].units);
}

#[test]
fn the_first_line_naming_the_meeting_is_its_title() {
    for title in [
        "3/3 交易运营早会（孟冬）",
        "产品部周会 5月6日",
        "12.1 投顾团队晨会",
        "Weekly sync",
        "【速记】年度营业部负责人述职会·问答环节（3月9日）",
    ] {
        let ex = run(&format!("{title}\n昨日系统运行正常，无异常委托"), &["孟冬"]);
        assert!(ex.items.is_empty(), "{title}: {:?}", texts(&ex));
    }
    // A meeting to hold, as the first line, is still read.
    let ex = run("孟冬明天上午10点前约好客户开会", &["孟冬"]);
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn who_points_out_and_asks_is_not_the_owner_but_who_says_they_will_is() {
    let ex = run(
        "王总指出，当前开户增速放缓，要求经纪业务部孟总于3月20日前拿出获客方案。",
        &["王总", "孟总"],
    );
    assert_eq!(owners(&ex), [["孟总"]]);
    let ex = run(
        "财富管理部柏总汇报了投顾业务的进展。柏总表示将于3月20日前完成投顾规模的专项分析，报办公会。",
        &["王总", "柏总"],
    );
    assert_eq!(owners(&ex), [["柏总"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
    // Someone else's date after 将于 stays hearsay.
    let ex = run("柏总表示，证监局将于3月20日前开展现场检查。", &["柏总"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_requirements_field_after_approval_gives_one_item_per_part() {
    let ex = run(
        "变更1：数据库补丁升级\n窗口：3月14日 22:00\n结论：批准。实施人孟冬。\n要求：孟冬在变更前发布变更通知；变更完成后由柏青组织业务验证，3月16日9:15前完成。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex), [None, Some("2026-03-16T09:15:00+08:00".to_owned())]);
}

#[test]
fn the_sender_of_an_email_reply_is_who_says_i() {
    let text = "发件人: 孟冬\n发送时间: 2026年3月10日 16:42\n主题: 回复: 搬迁协调会 纪要\n\n各位，\n\n(1) 请柏青于3月18日前提交迁移窗口申请。\n(2) 搬迁期间值班表由我来排，3月15日前发出。\n\n孟冬\n\n-----原始邮件-----\n发件人: 孟冬\n（略）";
    let ex = run(text, &["孟冬", "柏青"]);
    assert_eq!(owners(&ex), [["柏青"], ["孟冬"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-18"), due_by_end_of("2026-03-15")]
    );
}

#[test]
fn other_work_given_by_you_in_the_next_clause_is_its_own_item() {
    let ex = run(
        "1、请各营业部于3月17日前完成问题档案的补正，补正清单由合规部孟冬统一发出。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec![], vec!["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-17"), None]);
    // Who does the work just said stays with it.
    for line in [
        "请财富管理部于3月底前提出考核方案修订稿，具体由孟冬负责。",
        "活动方案请各营业部在3月20日前报到分公司，由孟冬负责汇总。",
    ] {
        let ex = run(line, &["孟冬", "柏青"]);
        assert_eq!(ex.items.len(), 1, "{line}: {:?}", texts(&ex));
    }
}

#[test]
fn a_member_of_a_team_who_is_to_act_before_an_event_has_an_open_item() {
    let ex = run(
        "系统组的孟冬要在活动上线前完成积分抽奖功能的测试，具体时间与信息技术部对齐后再定。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn a_done_word_in_an_aside_before_the_date_leaves_the_work_open() {
    let ex = run(
        "Action items\n• @all: pls fill in the survey（已发群里）before 3月13日",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
    // At the end, the aside says the work is done.
    let ex = run("Action items\n• 孟冬：3月13日前完成客户回访（已完成）", &["孟冬"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_numbered_point_over_the_next_numbered_point_opens_no_block() {
    let ex = run(
        "二.1 柜台系统\n（6）主要亮点：完成版本升级，运行平稳。\n（7）存在问题：历史数据量大，已纳入明年规划统筹考虑。\n（8）评审意见：孟冬牵头，柏青配合，3月底前完成压力测试报告。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-31")]);
    assert!(!texts(&ex)[0].contains("存在问题"), "{:?}", texts(&ex));
}

#[test]
fn a_date_alone_after_the_sentence_is_its_deadline() {
    for (line, due) in [
        ("3.孟冬 负责大堂宣传架换新。下周一", due_by_end_of("2026-03-16")),
        (
            "3. 孟冬负责客户回访表更新。本周五前。",
            due_by_end_of("2026-03-13"),
        ),
    ] {
        let ex = run(line, &["孟冬"]);
        assert_eq!(owners(&ex), [["孟冬"]], "{line}");
        assert_eq!(dues(&ex), [due], "{line}");
    }
}

#[test]
fn everyone_told_to_act_by_a_date_is_a_task() {
    for line in [
        "1.年底冲刺 各人把自己客户名单过一遍,周五前报孟经理",
        "2. 每人周五前交一份客户回访小结",
    ] {
        let ex = run(line, &["孟经理"]);
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")], "{line}");
    }
}

#[test]
fn an_incidents_timeline_and_a_milestone_moved_are_no_tasks() {
    let ex = run(
        "一、事件经过\n09:25 行情网关收到行情包出现积压\n09:31 监控告警触发，值班人员孟冬确认后上报\n二、改进措施\n1. 孟冬：网关参数统一核查，本周五前完成",
        &["孟冬"],
    );
    assert_eq!(texts(&ex), ["网关参数统一核查"]);
    let ex = run(
        "里程碑调整：\n- SIT结束时间由3月23日顺延至3月30日（原因：供应商人力不足）",
        &["孟冬"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_count_before_the_people_is_their_work_not_a_report() {
    let ex = run("• 面谈的9户 孟冬 柏青 分一下 这周内全部约完", &["孟冬", "柏青"]);
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
    // A figure between the person and the date still reports.
    let ex = run("• 孟冬：上月新开户320户，同比增长12%，本月底前完成", &["孟冬"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn names_apart_by_a_spaced_slash_are_all_owners() {
    let ex = run(
        "todo\n3. 孟冬 / 柏青 review 风控 limit 参数 — 3月20日前",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
}

#[test]
fn a_quarter_by_its_letter_ends_that_quarter() {
    let ex = run(
        "todo\n1. 孟冬: 把 factor library 的 unit tests 补齐, Q2末",
        &["孟冬"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-06-30")]);
}

#[test]
fn who_says_he_will_go_and_do_it_owns_it() {
    let ex = run("• 场地费发票还没拿到 孟经理说他去催 尽快", &["孟经理", "柏青"]);
    assert_eq!(owners(&ex), [["孟经理"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn lao_or_xiao_before_a_rare_or_double_surname_is_that_member() {
    let ex = run(
        "另外培训，3月20日前要给营业部做一次线上培训，那就老晏牵头吧，小上官配合做课件。",
        &["司马蕾", "上官若", "晏晓岚"],
    );
    assert_eq!(owners(&ex), [["晏晓岚", "上官若"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
    // Two of the group with that surname: shown as written.
    let ex = run("老晏牵头，3月20日前出方案。", &["晏晓岚", "晏青"]);
    assert_eq!(owners(&ex), [["老晏"]]);
}

#[test]
fn an_answer_to_a_question_about_a_matter_is_about_that_matter() {
    let text = "甘棠  00:03:44\n还有那个利率优惠的申请，总部那边批了没有？\n时雨  00:03:50\n还没批，我跟一下，争取3月18日前有结果。\n甘棠  00:04:30\n好。";
    let ex = run(text, &["甘棠", "时雨"]);
    assert_eq!(owners(&ex), [["时雨"]]);
    assert!(texts(&ex)[0].contains("利率优惠的申请"), "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-18")]);
}

#[test]
fn the_work_after_an_owner_field_and_a_semicolon_is_theirs() {
    let ex = run(
        "决议一：审议通过《网点优化方案》。由经纪业务部负责实施，承办人：孟冬；3月31日前完成首批网点迁址报批。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-31")]);
    assert!(texts(&ex)[0].contains("迁址报批"), "{:?}", texts(&ex));
    assert!(!texts(&ex)[0].contains("，；"), "{:?}", texts(&ex));
}

#[test]
fn a_span_counted_from_an_event_has_no_date_but_one_from_the_meeting_has() {
    let ex = run(
        "c) 上线后三个工作日内，由孟冬收集各项目组的使用问题并汇总；",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
    let ex = run("会后三个工作日内，由孟冬收集各项目组的使用问题。", &["孟冬"]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn an_emails_header_lines_are_no_tasks() {
    let ex = run(
        "会议决定：\n发件人：孟冬\n收件人：各营业部负责人\n发送时间：2026年3月10日 16:42\n1. 请柏青3月20日前提交自查报告。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn work_marked_as_still_without_an_owner_is_an_item() {
    for line in [
        "1. 运维外包合同明年1月到期，续签的法务审核要尽快推动（暂未明确责任人）。",
        "- 老的 Jenkins jobs 要清理一下（owner TBD）",
    ] {
        let ex = run(&format!("四、其他事项\n{line}"), &["孟冬"]);
        assert_eq!(owners(&ex), [Vec::<String>::new()], "{line}");
        assert_eq!(dues(&ex), [None], "{line}");
    }
    // The note alone, under a block, is no item.
    let ex = run(
        "需求2：英文对账单\n结论：通过，先做模板。\n完成时限：3月20日前\n（责任人待定）",
        &["孟冬"],
    );
    assert_eq!(ex.items.len(), 1, "{:?}", texts(&ex));
}

#[test]
fn mafan_asks_as_qing_does() {
    for line in [
        "3. 新增：麻烦孟冬跟信息技术部确认一下来电弹屏功能能否在12月上线",
        "3. 麻烦孟冬3月20日前把回访名单发我",
    ] {
        let ex = run(line, &["孟冬", "柏青"]);
        assert_eq!(owners(&ex), [["孟冬"]], "{line}");
    }
}

#[test]
fn a_week_by_its_number_ends_on_its_friday() {
    let ex = run("待办\n2 培训计划由孟冬起草，W37内完成", &["孟冬"]);
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-09-11")]);
}
