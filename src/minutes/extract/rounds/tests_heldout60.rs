//! Rules found on heldout60 (tuning data since the fifty-ninth round):
//! - attendance under other labels (`到会：`, `在场：`, `实到：`, with `（负责人）` after a name) is
//!   the meeting's record, no task;
//! - a handover form's parties (`交出人：`, `接收人：`, `监交人：`) and a circulated paper's compiler
//!   (`汇总人：`) are meta lines;
//! - `三、本周工作` / `下周计划` heads planned work (not `本周工作总结`);
//! - `【姓名】` over `本周：… / 下周：…` is a person's weekly round (the `下周` lines theirs);
//! - under a person's heading, `和某某一起…` adds the one named after the heading's person;
//! - `（一）` over `1.` heads a topic up to 16 characters (`（一）2027年…规划`);
//! - a table status whose last clause puts the row off (`总部叫停，取消`) is no task;
//! - `不组织` / `不举办` decide against work;
//! - a dated opinion's label alone (`3月26日　某部 某某：`) names the writer below, and `由我部…` /
//!   `…我部…提出` in it are the writer's;
//! - `请某某牵头成立…小组，某某、某某参加` sets up a group, not the meeting's attendance.
//!
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn attendance_under_other_labels_is_no_work() {
    let members = ["韦海", "柳青", "严冬", "孟河"];
    for label in ["到会", "在场", "实到"] {
        let ex = run(
            &format!(
                "周会（3月10日）\n\n{label}：韦海（负责人）、柳青、严冬、孟河\n\n1. 柳青负责整理台账，3月13日前。\n"
            ),
            &members,
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 1, "{label}: {t:?}");
        assert!(t[0].contains("整理台账"), "{t:?}");
    }
}

#[test]
fn a_handover_forms_parties_are_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "资产交接单\n\n交接日期：2026年3月10日\n交出人：韦海（原负责人）\n接收人：柳青（新负责人）\n监交人：严冬\n\n未完成事项：\n1. 剩余12台设备柳青继续清点，3月20日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("继续清点"), "{t:?}");
}

#[test]
fn a_weeks_work_heading_heads_planned_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "支行周例会\n\n二、本周工作\n1、柳青：把存量客户按风险等级分组，周四前把名单交给韦海。\n2、培训课件，严冬整理一页纸要点，下周一前发群里。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"], vec!["严冬"]]);
}

#[test]
fn a_weeks_report_heading_is_no_plan() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "支行周例会\n\n一、本周工作总结\n1、柳青：存量客户分组，共分三组。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_bracketed_name_over_a_weekly_round_owns_next_weeks_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "编制周会\n\n【柳青】\n本周：客户分层表已出。\n下周：补齐对公客户名单，3月18日前交韦海。\n\n【严冬】\n本周：框架搭好了。\n下周：无新增，等总部模板。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("补齐对公客户名单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
}

#[test]
fn company_under_a_persons_heading_comes_second() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "编制周会\n\n【严冬】\n本周：框架搭好了。\n下周：跟柳青一起把网点人员测算做完，3月20日前。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["严冬", "柳青"]]);
}

#[test]
fn a_long_numbered_topic_over_its_list_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "二、本次事项\n（一）2027年零售客户经营三年规划\n1. 会议同意规划框架。\n2. 正式稿由柳青修改，3月25日前报委员会。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("正式稿"), "{t:?}");
}

#[test]
fn a_table_row_called_off_in_its_last_clause_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "一、上次事项回顾\n\n| 序号 | 事项 | 责任人 | 进展 |\n|---|---|---|---|\n| 1 | 外部合作方遴选 | 韦海 | 分公司要求停止，取消 |\n| 2 | 客户回访报告 | 柳青 | 未完成，延至3月20日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("客户回访报告"), "{t:?}");
}

#[test]
fn deciding_not_to_hold_it_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "二、本次事项\n1. 清明期间不组织线下沙龙。\n2. 假期风险提示由柳青安排，4月2日前发出。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("风险提示"), "{t:?}");
}

#[test]
fn a_dated_opinion_label_names_the_writer_of_our_department() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "【请示传阅意见】\n\n3月5日　财务部 柳青：\n阅。原则同意，由我部负责测算搬迁费用，3月17日前报分公司。\n\n3月6日　办公室 严冬：\n已登记。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("测算搬迁费用"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![super::testkit::due_by_end_of("2026-03-17")]);
}

#[test]
fn a_group_set_up_with_its_members_is_work() {
    let members = ["韦海", "柳青", "严冬", "孟河"];
    let ex = run(
        "总经理批示：\n同意。请韦海牵头成立迁址专班，柳青、严冬参加。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("成立迁址专班"), "{t:?}");
}
