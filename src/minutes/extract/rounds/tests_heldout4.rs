//! Tests of the rules added once the fourth held-out set became tuning data (issue 16, fifth
//! round), and for the fresh batches written with them: one test per rule, each on lines shaped
//! like the minutes that needed it, reworded (never copied from one file only).

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn a_bold_name_before_a_colon_is_the_owner() {
    let ex = run(
        "## 后续行动\n- **李明**：周五前把客户名单发群里\n- **赵倩、王强：**更新产品手册，3月20日前完成",
        &["李明", "赵倩", "王强"],
    );
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-13T18:00:00+08:00".to_owned()),
            Some("2026-03-20T18:00:00+08:00".to_owned())
        ]
    );
    assert!(!texts(&ex)[0].contains('*'), "{:?}", texts(&ex));
}

#[test]
fn a_table_without_outer_bars_is_a_table() {
    let ex = run(
        "待办清单：\n任务 | 责任人 | 截止日期 | 状态\n整理投诉台账 | 李明 | 3月20日 | 进行中\n更新应急预案 | 赵倩 | 3月1日 | 已完成",
        &["李明", "赵倩"],
    );
    assert_eq!(texts(&ex), ["整理投诉台账"]);
    assert_eq!(owners(&ex), [["李明"]]);
    // One labelled record per line is not a table.
    let ex = run("Action: 更新话术 | Owner: 李明 | Due: 3月20日", &["李明"]);
    assert!(
        texts(&ex).iter().all(|t| !t.contains("Owner")),
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn a_progress_table_without_dates_gives_nothing() {
    let text = "| 项目 | 负责人 | 进度 | 说明 |\n|---|---|---|---|\n| 客户画像平台 | 李明 | 80% | 按计划推进 |\n| 信创改造 | 赵倩 | 100% | 3月5日已上线 |";
    assert!(run(text, &["李明", "赵倩"]).items.is_empty());
    // With a date column, the rows are tasks.
    let text =
        "| 项目 | 负责人 | 进度 | 计划完成 |\n|---|---|---|---|\n| 客户画像平台 | 李明 | 80% | 3月31日 |";
    assert_eq!(owners(&run(text, &["李明"])), [["李明"]]);
}

#[test]
fn a_next_step_column_is_the_task_about_its_subject() {
    let text = "| 需求 | 结论 | 后续 | 负责人 | 时间 |\n|---|---|---|---|---|\n| XQ-7 定投提醒 | 通过 | 出原型 | 李明 | 3月20日 |\n| XQ-8 排行大屏 | 不通过 | — | — | — |";
    let ex = run(text, &["李明"]);
    assert_eq!(texts(&ex), ["XQ-7 定投提醒：出原型"]);
    assert_eq!(dues(&ex), [Some("2026-03-20T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_number_and_a_space_is_a_list_marker() {
    let ex = run(
        "整改要求\n1 营业部 柜台主管 李明 本周五之前完成3笔开户的重新见证\n2 运营部 赵倩 下周内抽查全辖视频见证 抽查比例10%",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明"], ["赵倩"]]);
    assert!(texts(&ex)[0].starts_with("营业部"), "{:?}", texts(&ex));
    // `3 月` is a date, not a list.
    let ex = run("3 月底前李明提交报告", &["李明"]);
    assert_eq!(dues(&ex), [Some("2026-03-31T18:00:00+08:00".to_owned())]);
}

#[test]
fn this_times_heading_after_last_times_opens_new_work() {
    let ex = run(
        "上次布置的事情：\n1）凭证归档 已完成\n这次的：\n1）还有20户未更新，李明跟进电话联系，3月20日前更新不少于10户",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn figures_do_not_hide_a_person_given_a_limit_date() {
    let ex = run(
        "3. 账户组（李明）：月底前完成休眠账户核查，涉及约2.3万户。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    // A figure for a period is still a report.
    let ex = run("- 李明：本月新增有效户1.2万，同比上升12%。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn attendance_and_the_next_meeting_are_no_tasks() {
    let text = "会上明确的行动项：\n参加：王强（主持）、李明、赵倩\n① 李明：3月20日前下发目标\n② 下次复盘会4月初召开\n③ 下期例会3月24日";
    let ex = run(text, &["王强", "李明", "赵倩"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_rule_from_now_on_is_no_task() {
    let ex = run(
        "整改要求：\n（一）李明于3月20日前提交整改报告；\n（二）宣传材料即日起一律先审后发，请各营业部严格执行。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_blocks_follow_up_field_gives_one_item_per_owner() {
    let text = "XQ-7 短信模板优化\n评审结论：通过\n后续安排：李明整理现有5类模板，下周二前发评审组；赵倩评估网关改造量。\n\nXQ-8 平板采购\n评审结论：暂缓，待预算调整后再议。";
    let ex = run(text, &["李明", "赵倩"]);
    assert_eq!(owners(&ex), [["李明"], ["赵倩"]]);
    assert_eq!(dues(&ex), [Some("2026-03-17T18:00:00+08:00".to_owned()), None]);
    assert!(texts(&ex)[1].contains("网关改造量"), "{:?}", texts(&ex));
}

#[test]
fn a_resolution_under_a_reviewed_paper_opens_no_block() {
    let text = "三、会议审议了《培训管理办法》，同意印发。\n\n四、会议决定：国庆期间由王强带班值守，值班安排已由办公室发布。\n\n出席：王强、李明、赵倩";
    let ex = run(text, &["王强", "李明", "赵倩"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn helpers_written_with_spaces_around_their_names_are_owners() {
    let ex = run(
        "会议决定：由经纪业务部 李明 牵头、运营管理部 赵倩 配合，10个工作日内制定实施方案。",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
    let ex = run(
        "2 产品尽调 由李明 牵头 赵倩配合 3月底前全部完成",
        &["李明", "赵倩"],
    );
    assert_eq!(owners(&ex), [["李明", "赵倩"]]);
}

#[test]
fn a_line_naming_listed_items_by_number_gives_them_owners() {
    let text = "三、下阶段工作\n1. 开展客户经理留存调研，形成调研报告。\n2. 制定线上获客渠道方案。\n\n四、分工\n第1项由李明牵头，下周五前交报告；\n第2项由赵倩、王强负责，3月底前报方案。";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-20T18:00:00+08:00".to_owned()),
            Some("2026-03-31T18:00:00+08:00".to_owned())
        ]
    );
    assert!(texts(&ex)[0].contains("留存调研"), "{:?}", texts(&ex));
}

#[test]
fn a_reference_in_chinese_numerals_names_the_chinese_list() {
    let text = "（一）客户识别方面\n1．存量客户尽职调查。开展强化尽调。\n2．补录受益所有人信息。\n（二）监测方面\n3．调整监测指标阈值。\n\n一、审议通过《管理办法》修订稿。\n\n分工：\n第2、3项由李明负责，3月20日前完成系统改造；\n第一项：由赵倩向各营业部转发并组织宣导，3月31日前完成。";
    let ex = run(text, &["李明", "赵倩"]);
    let t = texts(&ex);
    assert_eq!(owners(&ex), [["李明"], ["李明"], ["赵倩"]]);
    assert!(t[0].contains("受益所有人") && t[1].contains("监测指标"), "{t:?}");
    // The resolution and the work it asks for are both said.
    assert!(t[2].contains("管理办法") && t[2].contains("组织宣导"), "{t:?}");
}

#[test]
fn a_reference_to_table_rows_fills_and_closes_them() {
    let text = "| 序号 | 事项 | 责任人 | 完成时间 |\n|---|---|---|---|\n| 1 | 应急预案 | 李明 | 3月20日 |\n| 2 | 客户提醒 |  | 3月25日 |\n| 3 | 海报送审 | 赵倩 | 3月18日 |\n\n- 第2项表中漏填责任人，由赵倩负责。\n- 第3项已完成，关闭。\n- 第1项由李明牵头，当天下午演练。";
    let ex = run(text, &["李明", "赵倩"]);
    assert_eq!(texts(&ex), ["应急预案", "客户提醒"]);
    assert_eq!(owners(&ex), [["李明"], ["赵倩"]]);
    // A row keeps its own deadline.
    assert_eq!(dues(&ex)[0], Some("2026-03-20T18:00:00+08:00".to_owned()));
}

#[test]
fn a_done_mark_before_the_status_closes_a_row() {
    let text = "| 编号 | 事项 | 负责人 | 原定时限 | 状态 |\n|---|---|---|---|---|\n| DB-1 | 清算预案 | 李明 | 3月5日 | ✅ 已完成 |\n| DB-2 | 档案搬迁 | 赵倩 | 3月9日 | ✔️已完成（提前） |";
    assert!(run(text, &["李明", "赵倩"]).items.is_empty());
}

#[test]
fn a_status_in_parentheses_is_nobody() {
    let ex = run("里程碑：4月30日全辖推广（按计划）。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_report_announced_a_matter_left_for_later_and_an_answer_are_no_tasks() {
    for text in [
        "李明：各位，月末最后一天，简单通报下数据",
        "李明：下季度目标分解放到4月中旬的经营分析会上讨论，今天不展开",
        "- 赵倩解答：需要，按办法相关条款执行。",
    ] {
        let ex = run(text, &["李明", "赵倩"]);
        assert!(ex.items.is_empty(), "{text}: {:?}", texts(&ex));
    }
}

#[test]
fn a_todo_tag_inside_a_paragraph_is_a_task() {
    let text = "本周申购环比下降12%。李明汇报了活动进展，完成目标的62%。【待办】李明：本周五前把激励方案报部门负责人。\n\n调仓已经完成。赵倩提出要做一次回访抽查，大家同意。【待办】赵倩、王强：回访抽查，下周五前出结果。";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩", "王强"]]);
}

#[test]
fn the_owner_after_you_ends_before_a_preposition() {
    let ex = run(
        "由赵倩向各营业部转发修订后的办法并组织宣导，3月31日前完成。",
        &["赵倩"],
    );
    assert_eq!(owners(&ex), [["赵倩"]]);
}

#[test]
fn a_blocks_owner_field_with_each_persons_task_gives_one_item_each() {
    let text = "需求3：风险揭示书分段阅读\n结论：通过，但需先出合规意见再开发\n责任人：李明出具合规意见；赵倩排期开发\n完成时限：合规意见下周五前；开发时间待定";
    let ex = run(text, &["李明", "赵倩"]);
    assert_eq!(owners(&ex), [["李明"], ["赵倩"]]);
    assert_eq!(dues(&ex), [Some("2026-03-20T18:00:00+08:00".to_owned()), None]);
    assert!(texts(&ex)[1].contains("排期开发"), "{:?}", texts(&ex));
}

#[test]
fn a_blocks_deadline_field_or_conclusion_may_say_the_task() {
    let text = "需求5：合约展期线上化\n结论：通过。\n责任人 李明（需求细化）\n完成时限：3个工作日内提交详细需求说明书\n\n需求6：对账单模板改版\n结论：原则通过，赵倩先出设计稿，时限：月底";
    let ex = run(text, &["李明", "赵倩"]);
    let t = texts(&ex);
    assert!(t[0].contains("需求说明书"), "{t:?}");
    assert!(t[1].contains("设计稿"), "{t:?}");
    assert_eq!(owners(&ex), [["李明"], ["赵倩"]]);
}

#[test]
fn the_person_in_charge_named_after_a_leading_department_owns_its_task() {
    let ex = run(
        "1. 由财富管理部牵头，修订营业部考核细则。财富管理部负责人李明负责，3月27日前形成修订稿报分管领导审定。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    assert_eq!(dues(&ex), [Some("2026-03-27T18:00:00+08:00".to_owned())]);
    assert!(texts(&ex)[0].contains("考核细则"), "{:?}", texts(&ex));
}

#[test]
fn a_date_between_the_owner_after_you_and_the_verb_keeps_the_owner() {
    let ex = run(
        "（1）帮扶对象名单由经纪业务部李明于本周五前确定，报会议办公室备案；",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
    // A decision to change nothing is no task.
    let ex = run("2. 帮扶期间相关营业部的考核排名不作调整。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_name_alone_over_numbered_lines_owns_them() {
    let text = "会议议定（按人列）：\n李明：\n 1）年报数据核对，3月20日前完成；\n 2）对接路演安排，时间待定。\n赵倩：\n 1）周报模板优化，本周五前出新版。";
    let ex = run(text, &["李明", "赵倩"]);
    assert_eq!(owners(&ex), [["李明"], ["李明"], ["赵倩"]]);
}

#[test]
fn a_gongwen_intro_topics_and_numbered_section_names() {
    let text = "3月10日上午，运营部召开工作会议，研究部署了近期重点工作。现纪要如下：\n\n一、关于节日网络安全保障\n（一）会议认为，今年以来网络安全总体平稳，共处置安全事件11起。\n（二）会议议定事项\n1．由安全处李明负责，3月20日前完成暴露面扫描。\n\n二、关于数据治理\n（一）会议议定事项\n1．各部门各指定1名联络人，联络人名单于3月18日前报送数据管理处。\n\n三、会议要求\n（一）各处室要严格落实值班制度，值班人员须保持24小时通讯畅通。";
    let ex = run(text, &["李明"]);
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex)[0], ["李明"]);
    assert!(t[1].contains("联络人名单"), "{t:?}");
}

#[test]
fn a_short_title_sentence_names_the_task_after_it() {
    let ex = run(
        "二、整改任务\n（一）档案补正。涉及的营业部补齐客户资料，10个工作日内完成，运营部李明负责跟踪验收。\n（二）签字补录。请赵倩于3月15日前完成匹配记录的补签。",
        &["李明", "赵倩"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].starts_with("档案补正：") && t[1].starts_with("签字补录："),
        "{t:?}"
    );
}

#[test]
fn what_a_task_covers_in_parentheses_is_no_deadline() {
    let ex = run(
        "3. 李明 负责核对清算批处理参数（含3月28日至30日的3个交易日），3月25日前提交复核单。",
        &["李明"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-25T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_role_before_a_members_name_after_you_is_dropped() {
    let ex = run(
        "2、国贸营业部：由营业部合规专员李明督促删除，3个工作日内提交整改报告。",
        &["李明"],
    );
    assert_eq!(owners(&ex), [["李明"]]);
}
