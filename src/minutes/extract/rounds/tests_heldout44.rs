//! Rules found on heldout44 (tuning data since the forty-third round): a field label numbered in
//! brackets (`督办事项（一）：`, `问题(2)：`) is the key it names, so a supervision sheet's items
//! (`督办事项（一）：…` over `承办：…；协办：…；办结时限：…`) are read as field blocks; the helper
//! after the lead in an owner's parentheses (`（甲，乙协助）`) keeps the lead first; a piece after
//! `；` that only shares a deadline (`；均本周内完成`) dates the work before it and is none of its
//! own; who issued a briefing (`3月10日　通报人：某某`) is the paper's header, not work; a clause
//! `负责人和时间待定` marks work someone is still to take, as `负责人待定` does.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_supervision_sheet_numbered_in_brackets_is_read_as_field_blocks() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "档案室搬迁协调会　会议督办单\n会议时间：3月10日 10:00　主持：卜一凡\n\n督办事项（一）：完成旧库房档案装箱清点。\n　　承办：柯南；协办：董青；办结时限：3月13日。\n督办事项(2)：制定搬迁期间借阅预案。\n　　承办：董青；办结时限：另行通知。\n督办事项（三）：通知各部门暂停调档。\n　　承办：卜一凡；状态：已办结。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("装箱清点"), "{t:?}");
    assert!(t[1].contains("借阅预案"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["柯南", "董青"], "{t:?}");
    assert_eq!(owners(&ex)[1], ["董青"], "{t:?}");
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"), "{t:?}");
    assert_eq!(dues(&ex)[1], None, "{t:?}");
}

#[test]
fn a_helper_after_the_lead_in_parentheses_follows_the_lead() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "档案整理周会\n\n一、本周内完成\n1. 核对借阅登记簿（柯南，董青协助）\n2. 更新密集架标签（卜一凡，柯南配合）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex)[0], ["柯南", "董青"], "{t:?}");
    assert_eq!(owners(&ex)[1], ["卜一凡", "柯南"], "{t:?}");
}

#[test]
fn a_shared_deadline_after_a_semicolon_is_no_item() {
    let members = ["柯南", "董青"];
    let ex = run(
        "档案整理周会\n\n下一步：\n1. 柯南负责清点借阅记录；董青负责整理归还台账；均本周内完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [vec!["柯南"], vec!["董青"]], "{t:?}");
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"), "{t:?}");
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-13"), "{t:?}");
}

#[test]
fn who_issued_a_briefing_is_its_header() {
    let members = ["柯南", "董青"];
    for who in ["通报人：柯南", "撰写人：柯南", "起草人：柯南"] {
        let ex = run(
            &format!(
                "档案室季度检查情况通报\n3月10日　{who}\n\n一、检查概况\n共抽查案卷320卷，合格率98%。\n\n二、已完成工作\n- 破损案卷均已修复。\n"
            ),
            &members,
        );
        assert!(texts(&ex).is_empty(), "{who}: {:?}", texts(&ex));
    }
}

#[test]
fn an_owner_and_a_date_still_to_name_mark_work() {
    let members = ["柯南", "董青"];
    let ex = run(
        "档案整理周会\n\n会议事项\n→ 柯南：3月13日前完成借阅登记簿核对。\n→ 档案系统导出模板增加“密级”列，负责人和时间待定。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("导出模板"), "{t:?}");
    assert!(owners(&ex)[1].is_empty(), "{t:?}");
    assert_eq!(dues(&ex)[1], None, "{t:?}");
}
