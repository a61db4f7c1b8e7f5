//! Tests of the rules added once the fifteenth held-out set became tuning data (issue 16,
//! sixteenth round): a heading that gives only the time the work below is due by
//! (`一、下周三前完成：`, `三、不设期限：`) heads tasks; what people said at a study meeting
//! (`交流发言`) is no work; a table's second person column (`回滚负责人`) and its window column
//! (`实施窗口`); a field block whose work line names its owner and its date.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_heading_that_only_gives_a_deadline_heads_tasks_and_dates_them() {
    // Posted Tuesday 2026-03-10: 下周三 is the 18th, 本月末 the 31st.
    let ex = run(
        "运营例会（3月10日）\n\n一、下周三前完成：\n1. 孟冬：柜台差错台账核对\n2. 柏青：新员工的师傅指派\n\n二、本月末前完成：\n1. 岳明：营业部自查表收回\n\n三、不设期限：\n1. 孟冬与财务部商量明年的培训预算",
        &["孟冬", "柏青", "岳明"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"], ["岳明"], ["孟冬"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-18"),
            due_by_end_of("2026-03-18"),
            due_by_end_of("2026-03-31"),
            None
        ]
    );
}

#[test]
fn what_people_said_at_a_study_meeting_is_no_work() {
    let ex = run(
        "专题学习会\n\n参加：孟冬、柏青、岳明\n\n交流发言\n- 孟冬：经纪业务要从拼佣金转向拼服务，投顾是关键。\n- 柏青：风控条线要把新规要求落实到每天的检查里。\n\n岳明总结：本次学习达到了预期效果。",
        &["孟冬", "柏青", "岳明"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_second_person_column_and_a_window_column_in_a_change_table() {
    let ex = run(
        "变更评审会\n\n| 编号 | 变更内容 | 实施负责人 | 回滚负责人 | 实施窗口 | 结论 |\n|---|---|---|---|---|---|\n| C-1 | 网关证书替换 | 孟冬 | 柏青 | 3月14日 21:00前 | 通过 |\n| C-2 | 行情服务扩容 | 柏青 | 岳明 | 3月17日 | 通过 |",
        &["孟冬", "柏青", "岳明"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬", "柏青"], ["柏青", "岳明"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-14T21:00:00+08:00".to_owned()),
            due_by_end_of("2026-03-17")
        ]
    );
}

#[test]
fn a_field_blocks_work_line_with_owner_and_date_gives_the_date() {
    // Posted Tuesday 2026-03-10: 下周一 is the 16th.
    let ex = run(
        "检查整改推进会\n\n1. 回访记录缺失\n   问题描述：抽查发现回访记录缺失3例。\n   整改措施：回访记录补录，由孟冬负责，下周一前完成。\n   整改状态：进行中。\n\n2. 印章登记不全\n   问题描述：抽查发现登记不全2例。\n   整改措施：已补登并完成培训。\n   整改状态：已完成。",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("回访记录补录"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-16")]);
}

#[test]
fn a_clock_time_in_a_steps_heading_is_no_deadline() {
    let ex = run(
        "割接方案评审\n\n### 步骤1 20:00 冻结交易入口\n- 执行人：孟冬\n- 检查项：完成后在群内回报\n",
        &["孟冬"],
    );
    assert!(dues(&ex).iter().all(Option::is_none), "{:?}", dues(&ex));
}

#[test]
fn a_pointing_hand_opens_an_item_under_an_action_heading() {
    let ex = run(
        "年会筹备\n\n📝 分工：\n👉 礼品采购 —— 孟冬，本月底前下单\n👉 场地布置 —— 柏青牵头，岳明配合，下周一前出效果图",
        &["孟冬", "柏青", "岳明"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(!t[0].contains('👉'), "{t:?}");
    assert_eq!(owners(&ex), [vec!["孟冬"], vec!["柏青", "岳明"]]);
}

#[test]
fn a_span_in_days_after_a_holiday_is_no_deadline_from_the_meeting() {
    // `节后一周内` is not in the conventions (only `节后第一个工作日`, `节后N个工作日内`).
    let ex = run(
        "渠道对接会\n\n会后分工：\n1. 孟冬节后一周内出沙龙方案初稿。\n2. 柏青节后第一个工作日提交对接清单。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(dues(&ex)[0], None);
    assert!(dues(&ex)[1].is_some(), "{:?}", dues(&ex));
}

#[test]
fn a_member_with_a_time_limit_counted_from_an_event_is_asked_to_do_it() {
    // `活动结束后五个工作日内` is counted from the event: no date, but a limit all the same.
    let ex = run(
        "投教活动筹备问答\n\n问：活动后的总结？\n答：孟冬在活动结束后五个工作日内报协会。",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn within_the_week_alone_is_a_limit_with_no_date() {
    let ex = run(
        "子公司协同会\n\n1. 投教课程：孟冬周内与对方对接课件。\n2. 驻点服务：柏青本周内提供名单。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex), [None, due_by_end_of("2026-03-13")]);
}

#[test]
fn a_past_month_in_a_named_line_is_no_time_limit() {
    let ex = run(
        "片区例会\n\n还有一个事，上个月的满意度调查柏青那边最低。",
        &["柏青"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_range_of_months_is_no_date() {
    // `1-11月` is the months the figures cover, not January 11th.
    let ex = run(
        "年度经营会\n\n1. 柏青本月底前提交明年计划。\n\n附：各营业部月度新开户数（1-11月）\n甲营业部 1-3月：283户\n乙营业部 4-6月：304户",
        &["柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("明年计划"), "{t:?}");
}

#[test]
fn a_bare_verb_keeps_its_time_words_in_the_title() {
    let ex = run(
        "柏青今天下班前提交对账确认函，孟冬明天上午复核。",
        &["柏青", "孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("明天上午复核"), "{t:?}");
    assert_eq!(dues(&ex)[1], Some("2026-03-11T12:00:00+08:00".to_owned()));
}

#[test]
fn a_member_who_convenes_after_a_leading_date_owns_it() {
    let ex = run(
        "晨会\n\n跟进事项：\n1. 节后第一个工作日孟冬召集讨论下半年网点活动。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn the_client_a_member_works_with_is_no_owner() {
    let ex = run(
        "托管上线会\n\n会后安排：\n1. 柏青与客户约定首只产品的募集户开立时间。",
        &["柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn work_due_once_other_work_is_done_is_asked_with_no_date() {
    let ex = run(
        "整改推进会\n\n其他：整改报告总稿由柏青统筹，待上述事项完成后报监管局。",
        &["柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["柏青"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn the_middle_of_the_month_alone_is_a_limit_with_no_date() {
    let ex = run(
        "抽查整改会\n\n整改安排\n1. 缺失的记录：由各营业部补录，柏青月中汇总补录结果。",
        &["柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["柏青"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn a_yes_and_a_first_step_to_dated_work_is_no_second_item() {
    let ex = run(
        "飞书妙记：客服周会\n\n亓国伟（亓总） 00:00:08\n假期前来电会多，值班要提前排。小岳，值班表周五前给我。\n\n岳佳琪 00:00:25\n好的亓总，我今天先出个初稿。",
        &["亓国伟", "岳佳琪"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("值班表"), "{t:?}");
    assert_eq!(owners(&ex), [["岳佳琪"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn asking_how_far_it_got_is_no_work() {
    let ex = run(
        "妙记｜迁移周例会\n\n亓国伟（亓总） 00:00:12\n今天主要看邮件系统的迁移。小岳，邮件那边进度怎么样？\n\n岳佳琪 00:00:30\n已经跑通了，还剩两个插件。",
        &["亓国伟", "岳佳琪"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn the_chair_sending_something_on_by_a_date_takes_it_on() {
    let ex = run(
        "妙记｜迁移周例会\n\n亓国伟（亓总） 00:00:12\n小岳，插件替代方案下周三前拿出来。\n\n岳佳琪 00:00:30\n好的。\n\n亓国伟（亓总） 00:03:10\n评估报告，我月底前报领导小组。",
        &["亓国伟", "岳佳琪"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("评估报告"), "{t:?}");
    assert_eq!(owners(&ex)[1], ["亓国伟"]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-31"));
}
