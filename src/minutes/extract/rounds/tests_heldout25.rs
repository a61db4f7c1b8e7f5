//! Rules found on heldout25 (tuning data since the twenty-seventh set): a numbered heading that is
//! only a person's name (`一、柳青`) heads that person's tasks listed under it, and a helper named
//! on such a line (`（孟河配合）`) comes second to the person of the heading; `近3个月` is a span
//! looked back over, no deadline (so `一、自7月1日起…须提供近3个月流水` under 会议决议 is no task);
//! a table row due only on a cycle (`每周`, `每季度`) is a standing duty; an action label
//! (`Action:`) outweighs a status heading above it; `需要准备的材料：` heads work; `另请各营业部
//! 本周内…` asks as plainly as `请`; `座谈会排在下周` says when a meeting is, no deadline; `对一下`
//! is colloquial 核对 and `尽快` is a time limit beside a named owner; in a transcript the owner
//! answering `我找某某配合` brings that helper in, second.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn a_numbered_name_heading_owns_the_list_under_it() {
    let ex = run(
        "食堂改造推进会\n3月10日（周二）　主持：严冬\n\n一、柳青\n- 与厨具供应商确认安装日期，3月20日前\n- 整理新菜单试吃名单，本周内报行政部\n\n二、孟河\n1. 排风系统检测，截至3月25日\n2. 已完成：旧设备清点\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("安装日期"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["柳青"], vec!["柳青"], vec!["孟河"]]);
}

#[test]
fn a_helper_under_a_name_heading_comes_second() {
    let ex = run(
        "食堂改造推进会\n3月10日（周二）　主持：严冬\n\n一、柳青\n1. 与采购部对接餐具更换清单（孟河配合）\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [vec!["柳青", "孟河"]]);
}

#[test]
fn a_resolution_in_force_from_a_date_is_no_task() {
    let ex = run(
        "信用业务专题会\n2026年5月6日（周三）　主持：严冬\n\n会议决议：\n一、自7月1日起，融资额度申请须提供近3个月流水证明，不再接受单月流水。\n二、维持现有授信模型，不作调整。\n\n跟进事项：\n1. 柳青负责修订授信管理办法第8条，5月15日前报合规部。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(
        t.len(),
        1,
        "{t:?} {:?}",
        ex.items.iter().map(|i| &i.deadline_text).collect::<Vec<_>>()
    );
    assert!(t[0].contains("授信管理办法"), "{t:?}");
}

#[test]
fn a_table_row_due_every_cycle_is_a_standing_duty() {
    let ex = run(
        "食堂改造推进会（3月10日）\n\n| 序号 | 事项 | 责任人 | 截止 |\n|---|---|---|---|\n| 1 | 排风系统检测 | 柳青 | 3月20日 |\n| 2 | 食材留样抽查 | 孟河 | 每周 |\n| 3 | 后厨消防巡检 | 柳青 | 每季度 |\n",
        &["柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("排风系统检测"), "{t:?}");
}

#[test]
fn an_action_label_outweighs_a_status_heading_above() {
    let ex = run(
        "Cutover Sync\nDate: 2026-11-11  Host: 严冬\n\nStatus\n- 备份链路已验证通过。\n\nNotes\n- 切换窗口初定周六夜间。\nAction: 柳青 prepare 值守人员名单, no due date yet.\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("值守人员名单"), "{t:?}");
}

#[test]
fn pieces_under_a_heading_of_what_is_to_prepare_are_tasks() {
    let ex = run(
        "年度评审材料准备会\n2026年11月4日（周三）　综合部\n\n需要准备的材料：\n1. 年度工作总结 — 柳青，下周五下班前\n2. 服务案例三篇 — 孟河、严冬\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex)[1], ["孟河", "严冬"]);
}

#[test]
fn a_further_request_to_the_units_by_a_date_is_a_task() {
    let ex = run(
        "主题：网点安全检查安排\n\n各位好，\n\n本月检查已完成两轮。下一步安排如下：请柳青在下周五下班前完成消防通道复查；另请各营业部本周内在大堂更新安全提示牌。\n\n谢谢！\n严冬\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("安全提示牌"), "{t:?}");
    assert!(ex.items[1].owners.is_empty(), "{:?}", ex.items[1]);
}

#[test]
fn a_meeting_slotted_for_a_week_is_no_task_and_the_work_asked_after_it_is() {
    let ex = run(
        "周例会 - 妙记\n2026年3月10日 10:00\n\n[00:01:00] 发言人2（柳青）: 收到。我这边客户座谈会排在下周。\n[00:02:00] 发言人1（严冬）: 柳青，座谈会的邀请名单本周内给我。\n[00:02:30] 发言人2（柳青）: 好的，没问题。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("邀请名单"), "{t:?}");
}

#[test]
fn a_named_person_asked_to_check_something_as_soon_as_possible_has_a_task() {
    let ex = run(
        "周例会 - 妙记\n2026年3月10日 10:00\n\n[00:01:00] 发言人2（柳青）: 风控那边说宣传口径要再看一次。\n[00:01:30] 发言人1（严冬）: 那柳青你跟风控对一下宣传文案，尽快。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("宣传文案"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["柳青"]]);
}

#[test]
fn the_owner_bringing_in_a_helper_adds_them_second() {
    let ex = run(
        "周例会 - 妙记\n2026年3月10日 10:00\n\n[00:01:00] 发言人1（严冬）: 柳青你牵头，把上月的工单数据导出来，下周五前给个分析。\n[00:01:30] 发言人2（柳青）: 行，我找运维的孟河配合。\n[00:02:10] 发言人1（严冬）: 好，散会。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [vec!["柳青", "孟河"]]);
}
