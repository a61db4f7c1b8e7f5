//! Tests of the rules added once the seventh held-out set became tuning data (issue 16, eighth
//! round): owners over a flat list, RACI tables, a department before the person, quarter ends,
//! `后续要求` in a voted block. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_name_alone_over_a_flat_numbered_list_owns_each_item() {
    let ex = run(
        "分工如下：\n\n孟冬：\n1. 周五前完成网点巡检报告\n2. 跟进两家客户的回款\n\n柏青：\n1. 整理本月培训记录",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["孟冬"], ["柏青"]]);
    // A heading after the list ends the person's part.
    let ex = run(
        "孟冬：\n1. 周五前完成网点巡检报告\n\n下一步\n1. 3月20日前整理本月培训记录",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec![]]);
}

#[test]
fn the_r_column_of_a_raci_table_is_the_owner() {
    for header in [
        "| 任务 | R | A | C | I | 截止 |",
        "| 工作 | R（负责） | A（审批） | C | I | 计划完成 |",
    ] {
        let text = format!(
            "二、近期任务分工（R=负责 A=审批）\n{header}\n|---|---|---|---|---|---|\n| 上线方案评审 | 孟冬 | 柏青 | — | 各部门 | 3月20日 |"
        );
        let ex = run(&text, &["孟冬", "柏青"]);
        assert_eq!(texts(&ex), ["上线方案评审"], "{header}");
        assert_eq!(owners(&ex), [["孟冬"]], "{header}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")], "{header}");
    }
}

#[test]
fn a_department_then_a_member_then_a_time_or_basis_names_the_owner() {
    for (line, due) in [
        (
            "人力资源部孟冬于两周内启动校园招聘。",
            due_by_end_of("2026-03-24"),
        ),
        (
            "会议要求运营部孟冬根据各方意见修改制度，3月20日前重新提交。",
            due_by_end_of("2026-03-20"),
        ),
        ("风控部孟冬在3月20日前完成压力测试。", due_by_end_of("2026-03-20")),
    ] {
        let ex = run(line, &["孟冬", "柏青"]);
        assert_eq!(owners(&ex), [["孟冬"]], "{line}");
        assert_eq!(dues(&ex), [due], "{line}");
    }
    // A meeting place after the name is no time.
    let ex = run("风控部孟冬在会上介绍了压力测试的结果。", &["孟冬"]);
    assert!(ex.items.is_empty());
}

#[test]
fn an_ordinal_quarter_end_is_that_quarter() {
    let ex = run("孟冬根据意见修改方案，第三季度末前重新提交。", &["孟冬"]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-09-30")]);
    assert!(!texts(&ex)[0].contains("第三"), "{:?}", texts(&ex));
}

#[test]
fn follow_up_requirements_after_a_vote_are_one_item_each() {
    let ex = run(
        "议题一：关于增加某基金份额的议案\n表决结果：同意5票，议案通过。\n后续要求：投资部孟冬在交割前补充尽调报告；风控部柏青于3月20日前完成限额测算。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex), [None, due_by_end_of("2026-03-20")]);
}
