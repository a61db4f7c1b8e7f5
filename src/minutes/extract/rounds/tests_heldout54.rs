//! Rules found on heldout54 (tuning data since the fifty-first round): on a pasted task card the
//! people who only follow the work (`关注人：…`, `知会人：…`, `Followers: …`) are never owners, and
//! a card whose owner field names nobody yet (`负责人：未分配`) is still work, with no owner;
//! a heading saying when its items are due with a word of obligation (`一、节前必须完成`) or the
//! new year (`二、年前完成`) dates the items under it; a table's column named for the due day
//! (`筹备截止`) is its deadline over a plain date (`日期`, the event's), and an event's `主题` is its
//! work; a long table with no deadline column whose work column holds a few kinds over many rows
//! (a customer listing by `关怀方式`) is data, not work; a figure after `的` naming the set just
//! described (`退件的5户客户`) reports nothing; `本周不另行布置新任务` gives no work; a header line of
//! a date, the meeting's kind and its reporter in brackets (`10月9日 例会汇报（某某）`) is no item;
//! a last clause calling the line a routine (`…，作为日常要求`, `…，这是每月的常规动作；`) makes it a
//! standing duty; a header row of the day, the host and the team apart by bars
//! (`3月7日 | Host: Amy（某某） | Team: …`) is the meeting's facts; a review block's title is
//! its own task only when the owner it names is one of the group (`XX混合（公募）` names a kind),
//! and not by who asked for it (`（申请人：某某）`); a carried item whose work is done but more is
//! then asked for by a day of its own (`已提交，…要求补充…，7月20日前补齐`) is work again; a
//! threshold selecting whom the work covers (`5万元以上优先联系`) reports no figure.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn followers_on_a_task_card_are_not_owners_and_an_unassigned_card_is_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "网点搬迁协调会\n\n会后已建任务：\n\n【任务】新址网络专线开通申请\n负责人：柳青\n关注人：严冬、韦海\n截止时间：3月13日\n\n【任务】旧址设备清点造册\n负责人：韦海\n知会人：柳青\n截止时间：3月20日\n\n【任务】搬迁公告张贴方案\n负责人：待分配\n关注人：严冬\n截止时间：未设置\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("网络专线开通申请"), "{t:?}");
    assert!(t[2].contains("公告张贴方案"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(owners(&ex)[1], vec!["韦海"]);
    assert!(owners(&ex)[2].is_empty(), "{:?}", owners(&ex));
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
    assert_eq!(dues(&ex)[2], None);
}

#[test]
fn a_heading_that_must_be_done_before_the_holiday_dates_its_items() {
    let members = ["韦海", "柳青", "严冬"];
    // Said on 2026-03-10; 清明 makes 节前 the last working day before it, 04-03.
    let ex = run(
        "清明前网点安全检查会\n\n一、节前必须完成\n1. 消防器材逐台点检（韦海）。\n2. 金库门禁日志导出——柳青负责。\n\n二、4月10日前完成\n3. 监控硬盘容量评估（严冬）。\n",
        &members,
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 3, "{:?}", texts(&ex));
    assert_eq!(d[0], due_by_end_of("2026-04-03"));
    assert_eq!(d[1], due_by_end_of("2026-04-03"));
    assert_eq!(d[2], due_by_end_of("2026-04-10"));
}

#[test]
fn an_event_table_is_due_by_its_preparation_column_and_named_by_its_theme() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "讲座排期\n\n| 期次 | 日期 | 地点 | 主题 | 负责人 | 准备截止 |\n|---|---|---|---|---|---|\n| 1 | 3月28日 | 一楼大厅 | 防范电信诈骗 | 韦海 | 3月20日 |\n| 2 | 4月11日 | 二楼会议室 | 基金定投入门 | 柳青 | 4月3日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("防范电信诈骗") && t[1].contains("基金定投入门"),
        "{t:?}"
    );
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-04-03"));
}

#[test]
fn a_long_listing_sorted_by_a_few_kinds_gives_no_item() {
    let members = ["韦海", "柳青"];
    let kinds = ["上门", "电话", "短信"];
    let mut text = String::from("存量客户回访名单核对\n\n序号｜客户｜回访方式｜客户经理｜状态\n");
    for i in 1..=15 {
        let who = if i % 2 == 0 { "韦海" } else { "柳青" };
        let state = if i % 5 == 0 { "电话空号" } else { "已核对" };
        text.push_str(&format!(
            "{i:03}｜王**（尾号{:04}）｜{}｜{who}｜{state}\n",
            1000 + i * 7,
            kinds[i % 3]
        ));
    }
    text.push_str("\n→ 3户空号客户，柳青3月13日前到柜台核实联系方式。\n");
    let ex = run(&text, &members);
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("空号客户"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
}

#[test]
fn a_count_naming_the_set_just_described_is_the_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "开户回访会\n\n三、后续安排\n1. 资料不全的8户客户，请柜员下次临柜时补签。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("资料不全"), "{t:?}");
}

#[test]
fn no_new_work_given_and_a_dated_report_header_are_no_items() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "运营部月度进展\n11月4日 例会汇报（柳青）\n\n- 本月完成系统巡检12次，均无异常。\n- 客户投诉3起，已全部办结。\n\n韦海：各组按原计划推进，本周不另行布置新任务。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_last_clause_calling_the_line_a_routine_is_a_standing_duty() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "柜面例会\n\n二、工作安排\n1. 反洗钱可疑交易清单，韦海周五前复核完毕。\n2. 每日营业终了由值班柜员核对尾箱，作为日常要求。\n3. 月末凭证由柳青装订归档，这是每月的常规动作；\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("可疑交易清单"), "{t:?}");
}

#[test]
fn a_header_row_of_the_day_host_and_team_is_no_item() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "Branch sync\n3月9日（周一） | Host: Amy（韦海） | Team: Bob（柳青）\n\nNext steps\n- 柳青：周五前 update 客户分层名单。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("客户分层名单"), "{t:?}");
}

#[test]
fn a_review_title_naming_a_kind_in_brackets_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "产品评审会\n\n【议题一】YY安心6个月定开债（私募）\n审议意见：同意准入，风险等级R2。\n落实：上架材料由柳青下周五前提交运营。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("上架材料"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
}

#[test]
fn a_review_title_naming_its_applicant_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "网点调整评审\n\n申请1：2号网点营业时间延长至19点（申请人：韦海）\n结论：同意。\n落实：韦海更新营业时间公示牌，周五前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("公示牌"), "{t:?}");
}

#[test]
fn more_asked_for_after_done_work_by_a_day_is_carried_over() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "周会\n\n上次会议事项：\n（1）网点巡检表（韦海）——已完成。\n（2）季度分析报告（柳青）——已报总部，总部要求补充同业对比，3月13日前补齐。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("同业对比"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn a_threshold_selecting_whom_the_work_covers_reports_nothing() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "专项会\n\n会议确定：\n1. 到期客户按金额分两批，20万元以上先电话提醒，周五前出名单（韦海）。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海"]);
}
