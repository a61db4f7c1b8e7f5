//! Tests of the rules added once the fifth held-out set became tuning data (issue 16, sixth
//! round): one test per rule, each on lines of our own wording shaped like the minutes that
//! needed it (never copied from one file).

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

fn due(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn a_person_given_a_dated_deadline_under_a_status_heading_is_asked() {
    let text = "## 一、本月经营情况\n1. 新开户1,200户，同比增长8%。\n2. 投诉3件，均已办结。\n\
                会议要求：李明3月20日前提交二季度拓客计划。\n- 对账口径仍有分歧，赵倩、王强下周一对齐。";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
    assert_eq!(
        dues(&ex),
        [due("2026-03-20T18:00:00+08:00"), due("2026-03-16T18:00:00+08:00")]
    );
}

#[test]
fn under_a_status_heading_forecasts_and_reports_stay_out() {
    let text = "## 上期事项进展\n- 机房巡检：进行中，预计下周五完成（李明）\n- 赵倩提醒，监管将于3月20日前现场检查。\n\
                - 3月业务回顾 —— 王强通报数据";
    assert!(run(text, &["李明", "赵倩", "王强"]).items.is_empty());
}

#[test]
fn a_request_with_its_own_date_is_an_item() {
    let ex = run("三、整改报告\n请营业部于3月25日前报送书面整改报告。", &["李明"]);
    assert_eq!(dues(&ex), [due("2026-03-25T18:00:00+08:00")]);
    // A courtesy 请 is no request for work, whatever date the line carries.
    let ex = run(
        "3月10日财富管理部周会纪要如下，请查收。\n- 李明周五前更新产品手册",
        &["李明"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
}

#[test]
fn a_role_word_before_the_names_keeps_them_owners() {
    let ex = run(
        "## 整改要求\n1. 理财经理孙悦、周航于5个工作日内完成合规培训并参加考试。\n2. 合规专员陈晨周五前完成抽查。",
        &["孙悦", "周航", "陈晨"],
    );
    assert_eq!(owners(&ex), [vec!["孙悦", "周航"], vec!["陈晨"]]);
}

#[test]
fn a_date_between_the_name_and_the_verb_keeps_the_owner() {
    let ex = run(
        "针对回访率偏低的问题，孙悦三个工作日内牵头拿出改进措施，报分公司。",
        &["孙悦"],
    );
    assert_eq!(owners(&ex), [["孙悦"]]);
    assert_eq!(dues(&ex), [due("2026-03-13T18:00:00+08:00")]);
}

#[test]
fn one_line_assigning_several_numbered_items() {
    let text = "议题：\n一、客户回访中发现问题5项，需营业部补充整改。\n二、反洗钱年报，3月31日前报送人行。\n\
                三、内控手册修订。\n分工：第一项由孙悦、周航负责，下周三前；第二项由陈晨负责；第三项由李明牵头，4月15日前出初稿。";
    let ex = run(text, &["孙悦", "周航", "陈晨", "李明"]);
    assert_eq!(
        owners(&ex),
        [vec!["孙悦", "周航"], vec!["陈晨"], vec!["李明"]],
        "{:?}",
        texts(&ex)
    );
    assert!(
        texts(&ex)
            .iter()
            .all(|t| !t.contains("分工") && !t.ends_with("负责")),
        "{:?}",
        texts(&ex)
    );
    assert_eq!(
        dues(&ex),
        [
            due("2026-03-18T18:00:00+08:00"),
            due("2026-03-31T18:00:00+08:00"),
            due("2026-04-15T18:00:00+08:00")
        ]
    );
}

#[test]
fn a_reference_after_a_clause_of_context_reassigns() {
    let text = "1. 年报数据复核：由李明负责，3月20日前完成。\n\
                补充：李明下周出差，第1项改由孙悦负责，李明配合交接，时间不变。";
    let ex = run(text, &["李明", "孙悦"]);
    assert_eq!(owners(&ex), [["孙悦", "李明"]]);
    assert_eq!(dues(&ex), [due("2026-03-20T18:00:00+08:00")]);
}

#[test]
fn work_given_anew_leaves_the_first_owner() {
    let ex = run(
        "## 待办\n- 季度结息测算：原由孙悦负责，孙悦月底休假，改由陈晨负责，明天下班前出结果。",
        &["孙悦", "陈晨"],
    );
    assert_eq!(owners(&ex), [["陈晨"]]);
}

#[test]
fn members_each_written_after_their_unit() {
    let ex = run(
        "## 会议决定\n1. 客户信息核查由运营管理部孙悦、合规部陈晨共同负责，本月底完成。\n\
         2. 请信息技术部李明、财务部周航共同比价，两周内提交结果。\n\
         3. 请东城营业部赵倩、西城营业部王强于3月20日前完成回访补录。",
        &["孙悦", "陈晨", "李明", "周航", "赵倩", "王强"],
    );
    assert_eq!(
        owners(&ex),
        [vec!["孙悦", "陈晨"], vec!["李明", "周航"], vec!["赵倩", "王强"]]
    );
    assert_eq!(
        dues(&ex),
        [
            due("2026-03-31T18:00:00+08:00"),
            due("2026-03-24T18:00:00+08:00"),
            due("2026-03-20T18:00:00+08:00")
        ]
    );
}

#[test]
fn an_official_document_names_comrades_and_its_chair() {
    let text = "3月9日，孙悦同志主持召开一季度工作推进会。\n会议议定：\n\
                1. 由经纪业务部陈晨同志负责，于3月31日前制定客户激活方案。";
    let ex = run(text, &["孙悦", "陈晨"]);
    assert_eq!(owners(&ex), [["陈晨"]], "{:?}", texts(&ex));
}

#[test]
fn a_table_row_already_held_or_recurring_is_no_task() {
    let text = "| 事项 | 负责人 | 完成时间 | 状态 |\n|---|---|---|---|\n| 客户座谈会 | 李明 | 3月6日 | 已举办，反馈良好 |\n\
                | 风险月报 | 赵倩 | 每月10日 | 常规 |\n| 系统迁移 | 王强 | 3月31日 | 已启动 |\n| 信创适配 | 孙悦 | 4月10日 | 已有初稿 |";
    let ex = run(text, &["李明", "赵倩", "王强", "孙悦"]);
    assert_eq!(texts(&ex), ["系统迁移", "信创适配"]);
}

#[test]
fn a_steady_state_reported_is_status() {
    let ex = run(
        "3.9晨会（李明）：清算系统今天上午切换完成，运行正常。\n期权业务无异常。\n无新增事项。",
        &["李明"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
    // To ensure it is work.
    let ex = run("## 待办\n- 李明周五前完成升级，确保系统运行正常", &["李明"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn two_people_given_their_own_dated_work_in_one_sentence() {
    let ex = run(
        "后续：李明今天下班前把话术发给赵倩审核，王强下周二负责上线推送",
        &["李明", "赵倩", "王强"],
    );
    assert_eq!(owners(&ex), [["李明"], ["王强"]], "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due("2026-03-10T18:00:00+08:00"), due("2026-03-17T18:00:00+08:00")]
    );
    // One person's two steps stay one item.
    let ex = run("李明今天下班前整理名单，周五前发给赵倩", &["李明", "赵倩"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_date_right_before_a_lead_verb_is_the_deadline() {
    let ex = run("王强下周二负责上线推送", &["王强"]);
    assert_eq!(owners(&ex), [["王强"]]);
    assert_eq!(dues(&ex), [due("2026-03-17T18:00:00+08:00")]);
}

#[test]
fn a_name_doing_it_alone_in_a_terse_note() {
    let ex = run(
        "参会 李明 赵倩\n1.赵倩 跟进到期客户,月底前联系到位\n2 下月营销方案 李明自己弄 下周四前",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"], ["李明"]], "{:?}", texts(&ex));
}

#[test]
fn beside_a_person_a_set_of_units_is_who_the_work_reaches() {
    let text = "1. 节前完成一次客户短信触达。\n2. 制作活动长图。\n分工：\n第1项由各营业部落实，赵倩统筹\n第2项由李明负责，3月20日前";
    let ex = run(text, &["赵倩", "李明"]);
    assert_eq!(owners(&ex), [["赵倩"], ["李明"]], "{:?}", texts(&ex));
}

#[test]
fn every_name_of_a_bracketed_list_owns_it() {
    let ex = run(
        "## 下周计划\n1. 配合审计做账户权限抽查（李明、赵倩，季度末）",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
    assert!(!texts(&ex)[0].contains('、'), "{:?}", texts(&ex));
}

#[test]
fn a_colloquial_follow_up_is_work() {
    let ex = run(
        "1. 银行对账差异那个，赵倩这边跟一下吧，尽快。\n2. 柜台排队问题大家没有意见，今后按此执行。",
        &["赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn the_one_asked_names_the_hour_of_the_day_given() {
    let ex = run(
        "能不能请李明明天给大家演示一下新的审批流程？李明：可以，明天下午4点。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [due("2026-03-11T16:00:00+08:00")]);
    // A reply naming another day does not move it.
    let ex = run(
        "能不能请李明明天给大家演示一下新的审批流程？李明：可以，后天下午4点也行。",
        &["李明"],
    );
    assert_eq!(dues(&ex)[0], due("2026-03-11T18:00:00+08:00"));
}

#[test]
fn a_past_date_naming_the_subject_leaves_the_limit_after_it() {
    let ex = run("- 赵倩 上个月的差旅报销 周五前交财务！！", &["赵倩"]);
    assert_eq!(owners(&ex), [["赵倩"]]);
    assert_eq!(dues(&ex), [due("2026-03-13T18:00:00+08:00")]);
    // A duration after a past date is no deadline.
    let ex = run(
        "2026年3月9日 14:00 | 时长 1小时26分钟 | 参与人：李明、赵倩",
        &["李明", "赵倩"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn what_is_finished_before_the_assignment_is_its_background() {
    let ex = run(
        "## 一、经营情况\n机房搬迁已基本结束，李明、赵倩清明节前完成机房验收，验收单报行政。",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
    // Finished after the name: a report.
    let ex = run("## 一、经营情况\n李明3月5日前牵头的机房验收已完成。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_question_answered_in_the_same_line_names_the_work() {
    let ex = run(
        "- 孙总：节前的客户慰问短信是不是发了？李明：还没有，我明天上午发。",
        &["孙悦", "李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert!(texts(&ex)[0].contains("慰问短信"), "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due("2026-03-11T12:00:00+08:00")]);
    // A request that ends by asking about it is still a request.
    let ex = run(
        "- 麻烦李明周五前把抽检比例方案发一下，之前说的10%是不是太高了？",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_run_on_paragraph_is_read_thing_by_thing() {
    let text = "上午开了个短会，说的是季末冲刺，孙总先讲了一下上个月的情况，开户少了一点但是资产涨了，\
                然后说季末只剩两周，让李经理这周把各组的冲刺目标定下来，另外赵主管提了一下报销要按新标准，这个已经执行了，\
                最后孙总让李经理和赵主管一起去拜访一下那家上市公司的财务总监，时间是下周，然后就散会了。";
    let ex = run(text, &["孙总", "李经理", "赵主管"]);
    assert_eq!(
        owners(&ex),
        [vec!["李经理"], vec!["李经理", "赵主管"]],
        "{:?}",
        texts(&ex)
    );
    assert_eq!(
        dues(&ex),
        [due("2026-03-13T18:00:00+08:00"), due("2026-03-20T18:00:00+08:00")]
    );
}

#[test]
fn whom_the_work_is_copied_or_sent_to_owns_nothing() {
    let ex = run(
        "## 待办\n☐ 培训计划正式稿 —— @李明 负责，抄送 @赵倩，3月20日前发文\n\
         ☐ 合规：@王强 负责送审宣传材料，审核通过后同步给 @赵倩",
        &["李明", "赵倩", "王强"],
    );
    assert_eq!(owners(&ex), [["李明"], ["王强"]]);
}

#[test]
fn a_person_told_to_act_on_something_owns_it() {
    let ex = run(
        "## 会议决议\n（一）责成财富管理部孙悦对高风险产品持有客户开展风险再提示，本周内完成；\n\
         会议同时要求合规部李明对投诉处理流程开展一次评估，3月20日前出具意见。",
        &["孙悦", "李明"],
    );
    assert_eq!(owners(&ex), [["孙悦"], ["李明"]], "{:?}", texts(&ex));
}

#[test]
fn a_holiday_limit_before_a_preposition_is_the_deadline() {
    let ex = run(
        "## 工作要求\n4. 各分公司清明节前对辖内营业部完成一轮消防检查。",
        &["李明"],
    );
    assert_eq!(dues(&ex), [due("2026-04-03T18:00:00+08:00")]);
}

#[test]
fn english_fields_in_one_line_each_end_at_a_full_stop() {
    let ex = run(
        "Action items\n2. Owner: 李明. Action: 供应商合规尽调（数据出境）. Due: 3月31日",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert!(texts(&ex)[0].starts_with("供应商合规尽调"), "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due("2026-03-31T18:00:00+08:00")]);
}

#[test]
fn two_names_alone_over_their_task_are_owners_not_a_heading() {
    let text = "会议议定（按人列）：\n李明：\n 1）年报数据核对，3月20日前完成；\n赵倩、王强：\n 年度评选方案，3月底前提交审定。";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
}

#[test]
fn what_is_left_open_until_next_meeting_leaves_the_task() {
    let ex = run(
        "## 待办\n☐ 反洗钱培训课件更新（责任人待定，下次会议确认）\n☐ 下次会议定于3月24日召开",
        &["李明"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("培训课件更新"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
}
