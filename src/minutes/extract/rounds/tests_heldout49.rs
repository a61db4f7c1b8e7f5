//! Rules found on heldout49 (tuning data since the forty-sixth round): a row right above a
//! delimiter row heads a table of its own, even a blank line below another table; a column naming
//! the stage or kind of work (`环节`, `类别`) gives way to one naming the work; in a next-step table
//! the case's state before the step (`已调解`) leaves the step to do; a unit that gathers the work
//! (`（财务部汇总）`) holds an arrow follow-up; drawing a document up (`编制`, `拟定`) is a task verb;
//! helpers named aside from the lead's clause (`（某甲配合）` after the work, `老某帮她…` in a
//! later clause) are owners after the lead, and stay so when the work is settled across turns; a
//! title naming a list of work (`…待办（日期）`) heads it; a clause leaving only the date open
//! (`时间视…另定`) rejects nothing. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_second_table_below_a_roster_has_its_own_header() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "清明值守安排会（3月10日）\n| 日期 | 值守人 | 后备 |\n|---|---|---|\n| 4月4日 | 韦海 | 柳青 |\n| 4月5日 | 柳青 | 严冬 |\n\n| 事项 | 负责人 | 完成时间 |\n|---|---|---|\n| 应急联络表更新 | 严冬 | 3月12日 |\n| 机房巡检记录归档 | 韦海 | 3月13日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("应急联络表更新") && t[1].contains("巡检记录归档"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["韦海"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-12"));
}

#[test]
fn a_stage_column_gives_way_to_the_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "路演筹备会（5月6日）\n| 阶段 | 工作内容 | 负责人 | 时间 |\n|---|---|---|---|\n| 前期 | 路演材料排版 | 韦海 | 5月8日 |\n| 执行 | 投资者名单确认 | 柳青 | 5月12日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("路演材料排版") && t[1].contains("投资者名单确认"),
        "{t:?}"
    );
}

#[test]
fn a_next_step_after_a_settled_state_is_still_to_do() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "投诉处理跟进（5月6日）\n| 投诉 | 进展 | 下一步 | 负责人 | 时限 |\n|---|---|---|---|---|\n| 理财赎回投诉 | 已和解 | 和解材料归档 | 韦海 | 5月8日 |\n| 开户投诉 | 已办结 | 无 | 柳青 | — |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("和解材料归档"), "{t:?}");
}

#[test]
fn a_unit_gathering_an_arrow_follow_up_holds_it() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "网点盘点会（5月6日）\n\n二、后续\n→ 各网点盘点表报送分公司，5月12日前（财务部汇总）。\n→ 韦海：盘点差异复核，周五前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("盘点表报送"), "{t:?}");
    assert!(owners(&ex)[0].is_empty(), "{:?}", owners(&ex));
}

#[test]
fn drawing_a_document_up_is_work_under_an_action_heading() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "产品周会（5月6日）\n\n待办\n1. 韦海：周五前完成新品费率测算\n2. 编制季度产品上架计划表\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("上架计划表"), "{t:?}");
    assert!(owners(&ex)[1].is_empty(), "{:?}", owners(&ex));
}

#[test]
fn helpers_named_aside_are_owners_after_the_lead() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "风控碰头（5月6日）\n台账差异清单请韦海周五前汇总（柳青配合）。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["韦海", "柳青"]]);
    let ex = run(
        "客户活动筹备会 2026-05-06\n\n柳青 00:01:10\n冬梅你周五前把场地报价单定下来，老韦帮她核一下费用。\n\n韦海 00:01:40\n好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("场地报价单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬梅", "韦海"]]);
}

#[test]
fn a_helper_called_in_the_turn_stays_when_the_work_is_settled_across_turns() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "投顾晨会 2026-05-06\n\n严冬梅 00:01:10\n另外各组的研报封面老是不一样。\n\n韦海 00:01:40\n冬梅你出一个研报封面模板，小柳配合，下周内发各组。\n\n柳青 00:02:05\n好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("研报封面模板"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬梅", "柳青"]]);
}

#[test]
fn a_title_naming_a_list_of_work_heads_it_and_an_open_date_rejects_nothing() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "网点改造第一阶段待办（3月10日）\n1. 门头招牌更换，由韦海牵头，3月20日前。\n2. 自助设备迁移，时间视装修进度另定。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("自助设备迁移"), "{t:?}");
    assert!(owners(&ex)[1].is_empty(), "{:?}", owners(&ex));
    assert_eq!(dues(&ex)[1], None);
}
