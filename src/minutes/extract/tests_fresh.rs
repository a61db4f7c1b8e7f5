//! Tests of the rules added for f16's fresh batches (issue 16, fourth round; `corpus/149-…` to
//! `corpus/212-…`): one test per rule, each on lines shaped like the minutes that needed it,
//! reworded (never copied from one file only).

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn fields_on_one_line_apart_by_spaces_are_each_read() {
    let ex = run(
        "需求4：电子合同模板更新\n结论：通过\n责任人：李明  配合：赵倩\n完成时限：3月17日前",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
}

#[test]
fn who_asks_nobody_and_the_answer_takes_the_question_as_its_topic() {
    let ex = run(
        "王强 00:02:40\n好。那应急演练的方案谁来写？下周要报给公司。\n\n李明 00:03:02\n我来吧，下周二前发给大家。",
        &["王强", "李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert!(texts(&ex)[0].contains("应急演练的方案"), "{:?}", texts(&ex));
}

#[test]
fn the_one_asked_to_follow_up_names_the_date_in_their_reply() {
    let ex = run(
        "王强 00:03:15\n行。演练那天营业部要有人值守，赵倩你跟一下，把营业部的值守名单收齐。\n\n赵倩 00:03:31\n好的，明天下班前收齐。",
        &["王强", "赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
    assert_eq!(dues(&ex), [Some("2026-03-11T18:00:00+08:00".to_owned())]);
}

#[test]
fn an_english_name_beside_a_members_name_is_one_person() {
    let ex = run(
        "Action items\n1. Action: 补齐回测报告的风险提示字段 — Owner: 宋晓东 — due 3月18日\n2. Owner: Kevin 叶凯 / 毛悦\n   Action: prepare 满意度问卷 and send to 10 家营业部, ETA 3月20日\n3. Action: confirm 推介话术 wording. Owner: 方总. Due: TBD",
        &["宋晓东", "叶凯", "毛悦", "方总"],
    );
    assert_eq!(owners(&ex), [vec!["宋晓东"], vec!["叶凯", "毛悦"], vec!["方总"]]);
    assert!(texts(&ex)[1].contains("满意度问卷"), "{:?}", texts(&ex));
}

#[test]
fn a_member_named_mid_clause_before_the_work_owns_it() {
    let ex = run(
        "[2026-03-10 16:15] 王强：2）合规培训的PPT赵倩准备，周五前发我看",
        &["王强", "赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
    // Who receives the work does not own it.
    let ex = run("## 待办\n- 整理名单，周五前发给赵倩审阅", &["王强", "赵倩"]);
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
}

#[test]
fn a_short_confirmation_of_the_same_person_and_date_is_no_new_item() {
    let ex = run(
        "李明 00:01:20\n第一条权限的问题，我们这边两周内能改完。\n\n王强 00:01:35\n好，那就李明负责，两周内。",
        &["王强", "李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_department_before_a_members_name_leaves_the_person() {
    let ex = run(
        "会议决议如下：\n一、由经纪业务部李明负责印发执行，3月15日前下发至各营业部。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_field_sentence_after_a_task_belongs_to_it() {
    let ex = run(
        "会议决议如下：\n三、会议要求运营部对差错情况进行全面复盘，形成专项报告，3月31日前报总经理办公会。（责任人：赵倩）",
        &["赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
    let ex = run(
        "1. 问卷超过有效期仍在交易（共14户）。\n   整改要求：逐户完成重新评估；责任人：李明；完成时限：3月16日。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-16T18:00:00+08:00".to_owned())]);
}

#[test]
fn the_end_of_the_month_before_a_verb_is_a_deadline() {
    let ex = run("五、赵倩牵头研究替代路径，月底拿出初步方案。", &["赵倩"]);
    assert_eq!(dues(&ex), [Some("2026-03-31T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_request_to_the_readers_is_a_task() {
    let ex = run(
        "福田营业部：\n整改完成后，请将整改报告（加盖公章）报合规部李明。",
        &["李明"],
    );
    assert_eq!(ex.items.len(), 1, "{:?}", texts(&ex));
    let ex = run("以下是会议纪要，请各位查收。", &["李明"]);
    assert!(ex.items.is_empty());
}

#[test]
fn an_item_put_off_to_a_new_date_is_still_open() {
    let ex = run(
        "上周事项跟进\n1. 分类整改方案（赵倩）—— 已完成\n2. 批量激活测试（李明）—— 延期，原定3月5日，改为3月12日完成",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-12T18:00:00+08:00".to_owned())]);
}

#[test]
fn names_in_a_terse_note_stand_between_spaces_or_dashes() {
    let ex = run(
        "3/10 早碰头\n- 交易异常情况汇总 李明 3月12日发群里\n- 外部审计资料补充 -- 赵倩、王强，3天内\n- UAT test cases: 李明 / Tony, due 3月20日",
        &["李明", "赵倩", "王强", "Tony"],
    );
    assert_eq!(
        owners(&ex),
        [vec!["李明"], vec!["赵倩", "王强"], vec!["李明", "Tony"]]
    );
}

#[test]
fn old_wang_is_the_one_wang_of_the_group_and_a_bare_i_will_takes_it() {
    let ex = run(
        "郑凯 00:06:55\n那就老王牵头吧，高翔配合，压测环境这周内申请下来。",
        &["郑凯", "王海涛", "高翔"],
    );
    assert_eq!(owners(&ex), [["王海涛", "高翔"]]);
    let ex = run(
        "郑凯 00:02:10\n那这个谁去要？\n\n许鹏 00:02:18\n我来，我跟交易所的人熟，参数表明天上午要到。",
        &["郑凯", "许鹏"],
    );
    assert_eq!(owners(&ex), [["许鹏"]]);
}

#[test]
fn the_other_one_named_with_you_shares_the_work() {
    let ex = run(
        "冯雅 2月13日 15:11\n还有高净值客户的持仓诊断报告，石磊你和常昊分一下，节后3个工作日内给到客户经理",
        &["冯雅", "石磊", "常昊"],
    );
    assert_eq!(owners(&ex), [["石磊", "常昊"]]);
}

#[test]
fn a_contact_is_not_an_owner_and_an_announced_date_is_no_task() {
    let ex = run(
        "二、分工\n1、各部门费用预算初稿，请各部门负责人于3月24日前报送运营管理部（联系人：易海）。",
        &["易海"],
    );
    assert_eq!(ex.items.len(), 1);
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
    let ex = run("一、时间安排\n财务委员会将于3月下旬审议年度预算。", &["易海"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
    // A person who will do something by a date still owns it.
    let ex = run("高翔将于本周五前提交测试报告。", &["高翔"]);
    assert_eq!(owners(&ex), [["高翔"]]);
}

#[test]
fn a_meeting_put_off_with_no_date_is_no_task() {
    let ex = run("✅ 会议待办\n4. 营业部负责人座谈会改期，时间待定", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_sloppy_review_block_numbered_without_a_colon_and_a_wrapped_conclusion() {
    let ex = run(
        "需求评审\n时间 3月3日 下午   记录 罗晶\n\n需求一  晨会资讯推送自动化\n提出：经纪业务部 周明轩\n评审结论：通过，列入3月迭代\n责任人: 吴昊(主办) 周明轩\n完成时限: 3月27日\n\n需求四  影像件自动分类\n评审结论：通过，但需运营管理部先补充\n分类规则说明，信息技术部再排期\n责任人：苗青\n完成时限：下周五前",
        &["吴昊", "周明轩", "罗晶", "苗青"],
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("资讯推送自动化"));
    assert_eq!(owners(&ex), [vec!["吴昊", "周明轩"], vec!["苗青"]]);
}

#[test]
fn a_thin_task_takes_the_sentence_before_it() {
    let ex = run(
        "[02:05] 王强：那先出一个过渡方案。李明你评估一下，下周一给我个结论。",
        &["王强", "李明"],
    );
    assert!(texts(&ex)[0].contains("过渡方案"), "{:?}", texts(&ex));
    let ex = run(
        "（二）提升投顾服务质量。组织全辖营业部开展投顾服务质量检查，检查结果纳入考核。此项由李明、赵倩负责，8月底完成。",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
    assert!(texts(&ex)[0].contains("投顾服务质量检查"), "{:?}", texts(&ex));
}

#[test]
fn a_bracketed_name_over_a_dated_task_owns_it_among_bracketed_lines() {
    let ex = run(
        "【王总】通报区域考核结果：区域排名第3。\n【李经理】牵头整理区域高净值客户名单，周五前报总部。\n【田甜】月底把客户投诉台账更新完。\n【王总】装修预算 —— 暂缓，明年再说。",
        &["王总", "李经理", "田甜"],
    );
    assert_eq!(owners(&ex), [["李经理"], ["田甜"]]);
}

#[test]
fn what_is_put_off_for_the_rest_leaves_this_task_and_its_date() {
    let ex = run(
        "会议决定：请李明明天上午10点前把割接方案发群里，其他事项下周再议。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-11T10:00:00+08:00".to_owned())]);
}

#[test]
fn a_partly_done_row_and_a_shelved_next_step() {
    let ex = run(
        "| Objective | KR | 进度 | 下一步 | 负责人 | 时间 |\n|---|---|---|---|---|---|\n| O2 信创 | 完成2个系统改造 | 已完成1个 | 第二个系统改造方案评审 | 李明 | 3月20日 |\n| O3 数据治理 | 质量评分≥90 | 86 | 暂缓，下半年再议 | — | — |",
        &["李明"],
    );
    assert_eq!(texts(&ex), ["第二个系统改造方案评审"]);
}

#[test]
fn a_short_topic_over_its_own_sub_list_is_no_item() {
    let ex = run(
        "二、工作安排\n1. 年度客户回访\n(1) 李明负责统筹营业部年度回访，年底前完成。\n(2) 投诉工单已全部办结，不再单列。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_given_name_is_the_one_member_it_belongs_to() {
    let ex = run("好，明早九点前把上线总结发我——明轩。", &["刘海峰", "周明轩"]);
    assert_eq!(owners(&ex), [["周明轩"]]);
}

#[test]
fn a_member_opening_a_helpers_clause_helps() {
    let ex = run(
        "行动项：卢俊杰督导营业部完成剩余客户的识别工作，袁立协调经纪业务部资源配合，中秋节前完成。",
        &["卢俊杰", "袁立"],
    );
    assert_eq!(owners(&ex), [["卢俊杰", "袁立"]]);
}

#[test]
fn an_unnamed_owner_field_names_nobody() {
    let ex = run(
        "待办：\n☐ 机房空调维保合同续签（负责人：未指定）本月底",
        &["李明"],
    );
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
}

#[test]
fn the_down_of_a_little_starts_no_next_week() {
    let ex = run(
        "王强：集中度指标要重新算一下李明你弄一下周五之前给我",
        &["王强", "李明"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-13T18:00:00+08:00".to_owned())]);
}

#[test]
fn formal_minutes_charge_and_require_named_people() {
    let ex = run(
        "一、会议同意将迁址方案上报总部审批，责成李明节后第一个工作日前完成报批材料。\n五、会议要求赵倩、王强于3月15日前完成消防设施年度检测。",
        &["李明", "赵倩", "王强"],
    );
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
    // A time after the charge names no one.
    let ex = run("整改要求：需于半个月内补签并上传系统。", &["李明"]);
    assert!(ex.items.iter().all(|i| i.owners.is_empty()));
}

#[test]
fn already_describing_a_noun_reports_nothing() {
    let ex = run(
        "会议同意其中2只准入。对已准入私募产品的管理人，由李明负责两周内完成首次管理人回访。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_rectification_table_names_each_measure_by_its_issue_and_skips_done_and_standing_rows() {
    let ex = run(
        "| 序号 | 问题描述 | 整改措施 | 责任部门 | 责任人 | 整改时限 |\n|---|---|---|---|---|---|\n| 1 | 终端未安装防病毒软件 | 完成安装并报备 | 经纪业务部 |  | 3月31日 |\n| 2 | 权限未及时回收 | 已回收全部权限 | 信息技术部 | 李明 | 已整改 |\n| 3 | 培训覆盖率不足 | 纳入年度培训计划 | 信息技术部 | 赵倩 | 长期 |",
        &["李明", "赵倩"],
    );
    assert_eq!(texts(&ex), ["终端未安装防病毒软件：完成安装并报备"]);
}

#[test]
fn a_weekday_after_a_date_only_annotates_it() {
    let ex = run(
        "1、投顾业绩数据核对 —— 李明、赵倩，3月13日（周五）中午12点前",
        &["李明", "赵倩"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-13T12:00:00+08:00".to_owned())]);
}

#[test]
fn pipe_fields_in_a_list_item_and_numbered_action_labels() {
    let ex = run(
        "## 待办事项\n- 年前最后一次批量业务预处理 | 李明、赵倩 | 3月13日 17:30\nAI-3: (unassigned) 供应商 POC 评估 — 待定",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [vec!["李明", "赵倩"], vec![]]);
    // Three names side by side are who attended.
    let ex = run(
        "📅 2026年3月10日  ⏱ 32分钟  👥 李明、赵倩、王强",
        &["李明", "赵倩", "王强"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn the_speaker_checks_after_the_meeting_and_tells_everyone() {
    let ex = run(
        "王强 00:05:10\n直播回放要不要留存？\n\n赵倩 00:05:20\n要留存，保存期限我回去查一下监管规定，明天告诉大家。",
        &["王强", "赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
}

#[test]
fn the_title_line_a_chapter_stamp_a_role_and_a_signature_are_no_tasks() {
    let ex = run(
        "【晨会】3月10日 节后开门红\n1. 节后首日两市成交1.42万亿。\n2. 客户留言今天下班前全部回复完毕 —— 李明",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    let ex = run(
        "章节与待办\n▍反洗钱系统升级（00:02）\n待办：□ 李明 组织UAT测试，3月21日前出测试报告",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    let ex = run(
        "各位同事：\n检查组由李明任组长，赵倩、王强为组员。请李明于本周三前完成检查方案。\n\n合规风控部 曹颖\n2026年3月10日",
        &["李明", "赵倩", "王强", "曹颖"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    // A first line that asks for work is one.
    let ex = run(
        "短会结论：模板改版，李明、赵倩一起做，3月16日前完成。\n王强负责通知各营业部。",
        &["李明", "赵倩", "王强"],
    );
    assert_eq!(owners(&ex), [vec!["李明", "赵倩"], vec!["王强"]]);
}

#[test]
fn a_speaker_label_with_an_english_name_is_read_by_the_chinese_one() {
    let ex = run(
        "王强 00:02:10\n好。重复推送呢？\n\nKevin 叶凯 00:02:25\n那个我这边修，修复版本下周二发。",
        &["王强", "叶凯"],
    );
    assert_eq!(owners(&ex), [["叶凯"]]);
}

#[test]
fn a_done_row_with_a_figure_after_is_done_and_field_brackets_leave_no_trace() {
    let ex = run(
        "| 事项 | 负责人 | 状态 |\n|---|---|---|\n| 产品池年度清理 | 李明 | 已完成，下架7只 |\n\n二、本次新增\n1. 定投客户的扣款提醒短信【责任人：赵倩】【时限：3月20日】",
        &["李明", "赵倩"],
    );
    assert_eq!(texts(&ex), ["定投客户的扣款提醒短信"]);
}

#[test]
fn a_reply_claiming_an_item_by_its_number_takes_that_item() {
    let ex = run(
        "王强：今天会上定的几件事，大家认领一下\n王强：1. 业绩排名通报 2. 两融客户回访 3. 投资者教育直播\n赵倩：2我和李明一起，3月20日前回访完\n李明：+1",
        &["王强", "赵倩", "李明"],
    );
    assert_eq!(owners(&ex), [["赵倩", "李明"]]);
    assert!(texts(&ex)[0].contains("两融客户回访"), "{:?}", texts(&ex));
}

#[test]
fn block_fields_written_with_a_space_instead_of_a_colon() {
    let ex = run(
        "需求3：清算对账差异自动预警\n结论 通过\n责任人 赵倩、李明\n完成时限 本周五下班前出需求说明书",
        &["赵倩", "李明"],
    );
    assert_eq!(owners(&ex), [["赵倩", "李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-13T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_role_word_in_an_owner_cell_leaves_the_name() {
    let ex = run(
        "| 事项 | 责任人 | 完成时间 |\n|---|---|---|\n| 交易量高峰扩容评估 | 王总牵头，李明 | 3月18日 |",
        &["王总", "李明"],
    );
    assert_eq!(owners(&ex), [["王总", "李明"]]);
}

#[test]
fn units_told_to_act_by_a_date_is_a_task_with_no_named_owner() {
    let ex = run(
        "现就有关事项通知如下：\n一是全面开展自查。各营业部对新开户客户的适当性材料进行全面自查，3月31日前将自查报告报经纪业务部。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
    assert_eq!(dues(&ex), [Some("2026-03-31T18:00:00+08:00".to_owned())]);
}

#[test]
fn the_one_labelled_speaks_and_the_one_addressed_does_it() {
    let ex = run(
        "王强：刚才会上说的我语音转文字发一下\n王强：第一个是集中度指标要重新算一下李明你弄一下周五之前给我\n李明：好的",
        &["王强", "李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}
