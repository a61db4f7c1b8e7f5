//! Rules found on heldout47 (tuning data since the forty-fifth round): an owner-less line among
//! `@`-assigned to-dos or in an open kanban column is work nobody has taken yet; two clauses each
//! opening `某某负责…` are two people's work; a holiday's `…节前` before a verb of replacing or
//! sending back is the deadline; `X儿` calls the member whose name ends in X; a dated reporter
//! line in brackets under the title is the meeting's facts; a reply accepting an offer
//! (`要不要我来排？` → `要，你排一下`) names the work offered. Each on phrasings of our own, never a
//! line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn an_unassigned_card_in_a_column_not_started_is_work_without_an_owner() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "展会筹备 看板（3月10日）\n\n【待开始】\n· 宣传册排版 @邢海 · 周五\n· 展台物料采购 · 待定\n\n【已完成】\n· 参展报名 @鲍文清\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("展台物料采购"), "{t:?}");
    assert!(owners(&ex)[1].is_empty());
    assert_eq!(dues(&ex)[1], None);
}

#[test]
fn an_unassigned_line_among_at_assigned_to_dos_is_work() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "智能纪要｜展会筹备｜2026-03-10\n\n待办\n@邢海 周五前完成宣传册排版\n@鲍文清 核对参展名单（已完成）\n梳理展台物料的采购清单\n\n章节\n00:02 进展：报名已完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("展台物料的采购清单"), "{t:?}");
    assert!(owners(&ex)[1].is_empty());
}

#[test]
fn two_clauses_each_with_a_person_in_charge_are_two_items() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "部署会纪要\n\n1. 邢海负责讲座的宣传海报，鲍文清负责会场布置和茶歇。时间另行通知。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("宣传海报") && t[1].contains("会场布置"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["邢海"], vec!["鲍文清"]]);
}

#[test]
fn a_holiday_before_a_verb_of_replacing_is_the_deadline() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "安全检查碰头（3月10日）：应急灯损坏2盏。\n邢海：损坏的应急灯清明节前更换并回传照片。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("应急灯"), "{t:?}");
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-04-03"));
}

#[test]
fn a_name_called_with_er_is_the_member() {
    let members = ["鲍文清", "邢海", "龚雪"];
    let ex = run(
        "妙记｜展会筹备（3月10日）\n鲍文清 00:00:05\n雪儿，展台方案报审批，下周三前。\n龚雪 00:00:20\n收到。\n",
        &members,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["龚雪"]]);
}

#[test]
fn a_bracketed_dated_reporter_line_is_the_meetings_facts() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "托管业务 周进展\n（3月10日 汇报人：邢海）\n\n1. 本周托管规模环比增长3%。\n2. 估值差错0笔。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_reply_accepting_an_offer_names_the_work_offered() {
    let members = ["鲍文清", "邢海", "白雪"];
    let ex = run(
        "妙记｜展会筹备（3月10日）\n白雪 00:01:15\n鲍总，展台的布置方案要不要我来做？\n鲍文清 00:01:26\n要，小白你做一下，周五前发我。\n白雪 00:01:35\n好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("展台的布置方案"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["白雪"]]);
}

#[test]
fn units_recommending_people_under_a_dated_heading_is_work() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "讲师认证 工作部署\n3月10日 主持：鲍文清\n\n一、月底前完成\n1. 邢海：更新课程开发模板\n2. 各分公司推荐讲师人选\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("推荐讲师人选"), "{t:?}");
    assert!(owners(&ex)[1].is_empty());
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-31"));
}

#[test]
fn a_nei_opening_a_word_is_no_within_deadline() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "讲师认证 工作部署\n3月10日 主持：鲍文清\n\n一、3个工作日内完成\n1. 印发2026年内训师管理办法（邢海）\n",
        &members,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn a_reply_that_names_its_object_after_an_offer_is_the_work() {
    let members = ["鲍文清", "邢海", "白雪"];
    let ex = run(
        "妙记｜展会筹备（3月10日）\n鲍文清 00:00:08\n展台那边下午没人值守。\n白雪 00:00:30\n鲍总，展台下午我可以多去两天。\n鲍文清 00:00:45\n好，小白你把展台下午的值守排班补上，明天上午10点前发我。\n白雪 00:00:55\n好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("值守排班补上"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["白雪"]]);
}

#[test]
fn a_remark_closing_with_already_confirmed_is_no_work() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "流程优化（3月10日）\n\n1. 邢海：周五前修订推送模板。\n\n备注（鲍文清）：推送时间改为每个交易日早上9点，已确认。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("推送模板"), "{t:?}");
}

#[test]
fn a_date_word_in_the_task_cell_is_no_deadline_when_the_column_says_when() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "一、分工\n\n| 事项 | 负责人 | 配合人 | 完成时间 | 备注 |\n|---|---|---|---|---|\n| 客户90日复购分析 | 邢海 | | 4月下旬 | |\n| 海报 | 鲍文清 | | — | |\n| 客户15日回访 | 鲍文清 | | | |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("90日复购分析"), "{t:?}");
    assert_eq!(dues(&ex)[0], None);
}
