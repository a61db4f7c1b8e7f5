//! Rules found on heldout37 (tuning data since the thirty-sixth round): a plan counted back from
//! an event (倒排工期: `T-7　… —— 某某`, `D-3：…（某某）`, `T+1 …`, any letter, sign or
//! separator) gives one item per slot with an owner, dated only where the slot writes a date; a
//! row of the paper's own facts (`活动日期：… 编制：… 4月8日`, any dated label beside a sign-off
//! label) is no work; colleagues called by nickname (`雯雯`, `浩子`, `欧阳`, `邰姐`) are the
//! member so called; `support` names a helper (`support: 某某`, `owner 某某, support 某某`, a
//! `Support` column); a row saying no work (a rota with no task column) is no item; words
//! glued to the addressee's `你` (`…预案你来写`) are no one's name; work held back for now
//! (`先别动`, `先不动`, `先放一放`) is none; last time's work
//! only partly done (`进度60%`) given a new date is carried over. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn slots_of_a_countdown_plan_are_work() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "年会倒排计划\n发布会日期：4月20日（周一）　制表：严冬　3月9日\n\nT-12　3月20日（周五）　场地合同签订 —— 柳青\nD-8：节目单审定（孟河）\nT－5　嘉宾接送车辆安排 —— 柳青、孟河\nT+1 活动复盘 — 严冬\nT-0　活动当天 —— 全员\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert!(t[0].contains("场地合同签订"), "{t:?}");
    assert!(t[1].contains("节目单审定"), "{t:?}");
    assert!(t[2].contains("车辆安排"), "{t:?}");
    assert!(t[3].contains("活动复盘"), "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["柳青"], vec!["孟河"], vec!["柳青", "孟河"], vec!["严冬"]]
    );
    let d = dues(&ex);
    assert!(d[0].is_some(), "{d:?}");
    assert!(d[1..].iter().all(Option::is_none), "{d:?}");
}

#[test]
fn colleagues_called_by_nickname_are_the_owners() {
    let members = ["严冬", "司马青", "卜丽华", "孟河"];
    let ex = run(
        "妙记｜季度复盘\n\n严冬（00:00:10）：数据都出来了。青青，这批名单的分配表你来排，下周一前发我。\n司马青（00:00:40）：好的。\n严冬（00:01:10）：卜姐，资料更新流程你跟运营对一下，3月13日前给个方案。\n卜丽华（00:01:30）：行。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("分配表"), "{t:?}");
    assert!(t[1].contains("资料更新流程"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["司马青"], vec!["卜丽华"]]);
}

#[test]
fn support_names_a_helper_in_a_field_a_clause_or_a_column() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "Weekly sync\n\nAction items\n1. 渠道数据核对 reconciliation — owner: 严冬, support: 柳青, due 3月20日\n2. 话术库 refresh — owner 孟河, support 严冬, due 3月18日\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["严冬", "柳青"], vec!["孟河", "严冬"]]);
    let ex = run(
        "| # | Task | Owner | Support | Due |\n|---|---|---|---|---|\n| 1 | 名单清洗 data cleanup | 柳青 | 孟河 | 3月19日 |\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["柳青", "孟河"]]);
}

#[test]
fn a_rota_with_no_task_column_gives_no_items() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "五一值班安排\n\n一、值班表\n| 日期 | 值班 | 备班 |\n|---|---|---|\n| 5月1日—5月2日 | 严冬 | 柳青 |\n| 5月3日—5月5日 | 孟河 | 严冬 |\n\n二、节前准备\n| 事项 | 责任人 | 完成时限 |\n|---|---|---|\n| 机房空调巡检 | 柳青 | 4月28日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("空调巡检"), "{t:?}");
}

#[test]
fn words_before_the_addressees_you_are_no_owner() {
    let members = ["严冬", "桑立伟"];
    let ex = run(
        "妙记｜故障复盘\n\n严冬 00:01:10\n老桑，数据库切换预案你来写，3月12日前发群里。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["桑立伟"]]);
}

#[test]
fn work_held_back_for_now_is_no_item() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "妙记｜迁移沟通会\n\n严冬 00:01:10\n柳青，老系统这块先不动，等新方案批了再说。\n\n柳青 00:01:20\n明白。\n\n严冬 00:02:00\n柳青，客户告知书你3月13日前发出。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("告知书"), "{t:?}");
}

#[test]
fn last_times_work_partly_done_with_a_new_date_is_carried_over() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "运维月度会\n\n【上次会议事项】\n1. 备份策略调整 —— 已完成。\n2. 新接口联调测试 —— 柳青，进度60%，3月20日前完成。\n3. 深圳分公司这边差一点，完成率97%，3月13日前看结果。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("联调测试"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
}
