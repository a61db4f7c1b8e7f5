//! Tests of the rules added once the sixteenth held-out set became tuning data (issue 16,
//! seventeenth round): figures typed apart from their unit (`覆盖 800 人次`) report; a roster of
//! reviewers with role titles (`评议：某某、合规负责人 某某`) is a record, not an assignment; a
//! struck-out item (`~~…~~（取消）`) is called off; a date and the people present is a roll call;
//! a table column named for a person doing something (`提供人`) holds the owner; a numbered
//! heading that is only a deadline (`一、本周五前完成`) dates the items under it; a `时间：` field under
//! an item's `负责人：` field is its deadline; a street in brackets (`（解放路）`) is no owner; an
//! action field's person leads one named in a remark after the conclusion's `；`; `提测` is a task verb;
//! a name after the closing dash owns the item, member or not; a bare year (`今年…`) is no deadline;
//! a target restated (`仍为…`) is settled; a count in brackets (`（两家）`) is no owner; a table
//! column named for a job (`分析师`) holds the owner, one for a plan (`计划发布`) the date; a
//! bracketed sub-point (`（1）…`) under a numbered item (`1. …`) is its detail; `需要落实的事项` heads
//! action items.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn a_figure_set_apart_from_its_unit_is_reported_work_not_a_task() {
    let ex = run(
        "年度述职\n\n## 重点工作\n- 全年开展客户沙龙 9 场，覆盖 812 人次。\n\n## 会后事项\n1. 沙龙总结材料，孟冬下周五前提交。",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("沙龙总结材料"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_spaced_figure_before_a_dated_request_does_not_hide_it() {
    let ex = run(
        "复盘会\n\n- 柏青：上半年共 40 场，覆盖 1.2 万人次；下半年活动日历 7月8日前发各营业部。",
        &["柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("活动日历"), "{t:?}");
}

#[test]
fn a_roster_of_reviewers_with_role_titles_assigns_nothing() {
    let ex = run(
        "季度评审会\n\n评议：柏青、合规负责人 孟冬、财务负责人 林立\n评审人：方舟（产品负责人）、柏青\n\n## 待办\n1. 评审意见汇总，孟冬周五前发群里。",
        &["柏青", "孟冬", "林立", "方舟"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("评审意见汇总"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_struck_out_item_is_called_off() {
    let ex = run(
        "双周例会\n\n待办：\n1. ~~线下沙龙场地预订 —— 孟冬，4月25日~~（取消，改线上）\n2. 直播讲师邀约 —— 孟冬，下周五前\n3. ~~重印宣传单页 —— 柏青~~（不再需要）",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("直播讲师邀约"), "{t:?}");
}

#[test]
fn a_date_and_the_people_present_is_a_roll_call() {
    let ex = run(
        "Desk retro\n\nTue 9 Jun, 15:00. Tom Hu, Ann Lee, Bo Xu, Kim Ma.\n\n> 6月9日复盘，参与：@孟冬 @柏青\n\nActions\n- Bo Xu: 下周一前提交 change request。",
        &["Tom Hu", "Ann Lee", "Bo Xu", "Kim Ma", "孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["Bo Xu"]]);
}

#[test]
fn a_column_named_for_the_person_who_provides_holds_the_owner() {
    // Posted Tuesday 2026-03-10.
    let ex = run(
        "审计准备会\n\n分工如下：\n\n| 资料 | 提供人 | 时间 | 备注 |\n|---|---|---|---|\n| 科目余额表 | 孟冬 | 已提供 | |\n| 存管对账记录 | 柏青 | 3月20日前 | |\n| 重大合同清单 | 孟冬 | 本周内 | 需法务确认 |",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("存管对账记录"), "{t:?}");
    assert_eq!(owners(&ex), [["柏青"], ["孟冬"]]);
}

#[test]
fn a_numbered_heading_that_is_only_a_deadline_dates_the_items_under_it() {
    // Posted Tuesday 2026-03-10: 本周五 is the 13th.
    let ex = run(
        "专项推进会\n\n一、本周五前完成\n1. 名单比对 —— 孟冬\n2. 信息补录统计 —— 柏青\n\n二、3月20日（周五）前完成\n1. 专项报告初稿 —— 孟冬",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"], ["孟冬"]]);
    let d = dues(&ex);
    assert_eq!(d[0].as_deref(), Some("2026-03-13T18:00:00+08:00"), "{d:?}");
    assert_eq!(d[1].as_deref(), Some("2026-03-13T18:00:00+08:00"), "{d:?}");
    assert_eq!(d[2].as_deref(), Some("2026-03-20T18:00:00+08:00"), "{d:?}");
}

#[test]
fn a_time_field_under_an_items_owner_field_is_its_deadline() {
    // Posted Tuesday 2026-03-10.
    let ex = run(
        "合同周会\n\n1. 代销协议补充条款审查\n负责人：孟冬\n时间：下周二前\n\n2. 租赁合同续签\n负责人：柏青\n时间：本月25日前\n\n3. 权限清理\n负责人：孟冬\n时间：Q1（已过，改为待定）",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"], ["孟冬"]]);
    let d = dues(&ex);
    assert_eq!(d[1].as_deref(), Some("2026-03-25T18:00:00+08:00"), "{d:?}");
    assert_eq!(d[2], None, "{d:?}");
}

#[test]
fn a_place_in_brackets_after_the_work_is_no_owner() {
    let ex = run(
        "合同周会\n\n1. 营业部租赁合同续签（解放路）\n负责人：孟冬\n时间：本月25日前",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn the_action_fields_person_leads_a_remark_after_the_conclusion() {
    let ex = run(
        "评审会\n\n【需求A】监测模型新增规则\n评审意见：通过。\n实施：孟冬负责开发，3月20日前提交UAT；柏青准备测试样本数据。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
}

#[test]
fn handing_a_build_over_for_testing_is_work() {
    let ex = run(
        "需求评审会\n\n需求1：条件单增加新类型\n- 结论：通过，纳入下个版本。\n- 开发：孟冬，3月20日前提测；提示文案由柏青审核。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("3月20日前提测"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
}

#[test]
fn a_name_after_the_closing_dash_owns_the_item_even_outside_the_chat() {
    let ex = run(
        "述职会\n\n## 会后事项\n1. 经验材料 —— 霍远山整理，下周五前报办公室。\n2. 提升方案 —— 苗一禾，十个工作日内提交。\n3. 核心交换机升级 —— 不通过，下次再评。",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["霍远山"], ["苗一禾"]]);
}

#[test]
fn a_bare_year_is_no_deadline_and_a_target_restated_is_no_task() {
    let ex = run(
        "评优会\n\n孟冬：今年分公司评优设三个奖项，材料统一走OA。\n柏青：试点目标仍为6月22日上线。\n孟冬：申报材料今年底前报分公司。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("申报材料"), "{t:?}");
    assert_eq!(dues(&ex)[0].as_deref(), Some("2026-12-31T18:00:00+08:00"));
}

#[test]
fn a_count_in_brackets_is_no_owner() {
    let ex = run(
        "智能柜台推进会\n\n## 待办\n2. 试点营业部（两家）上线前的应急预案 —— 孟冬牵头，柏青配合，3月20日前。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
}

#[test]
fn a_column_named_for_a_job_holds_the_owner_and_a_planned_column_the_date() {
    // Posted Tuesday 2026-03-10.
    let ex = run(
        "晨会纪要\n\n二、研报发布排期\n\n| 报告 | 分析师 | 计划发布 | 状态 |\n|---|---|---|---|\n| 行业月报 | 孟冬 | 3月5日 | 已发布 |\n| 年度策略展望 | 柏青、孟冬 | 3月20日 | 撰写中 |",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("年度策略展望"), "{t:?}");
    assert_eq!(owners(&ex), [["柏青", "孟冬"]]);
    assert_eq!(dues(&ex)[0].as_deref(), Some("2026-03-20T18:00:00+08:00"));
}

#[test]
fn a_bracketed_subpoint_under_a_numbered_item_is_its_detail() {
    let ex = run(
        "复盘会\n\n三、整改安排\n1. 组织全员案例培训 —— 孟冬，两周内。\n（1）培训后进行闭卷测试，成绩计入季度考核。\n2. 费率参数变更增加提醒 —— 柏青，月底前。",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn what_needs_carrying_out_heads_action_items() {
    let ex = run(
        "各位好：\n\n二、需要落实的事项\n1. 告知函起草，孟冬负责，本周五前发合规部。\n2. 撤并后热线转接，请信息技术部统一安排。",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("热线转接"), "{t:?}");
}
