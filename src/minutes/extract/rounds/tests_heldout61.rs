//! Rules found on heldout61 (tuning data since the sixtieth round):
//! - a date said once for two people's work (`extract/shared_people.rs`) also when
//!   - each piece hands its work by `由`: `A由甲负责，B由乙更新，两项均在周一前完成`;
//!   - the closing sentence only counts the pieces: `A，甲修订；B，乙负责。两项本月内完成`;
//!   - the date clause has no `都` but every clause before it opens with a different member doing
//!     work of their own (`甲出A，乙在B，下周五前完成`), after an optional topic naming nobody
//!     (`空项的1,200卷，甲先出清单，乙组织补录，5月8日前补完`); a second hand (`乙复核…`,
//!     `乙（合规部）配合`, `甲、乙共同…`) or work said after the date (`…前完成排期`) keeps the
//!     single item;
//! - who says the work needs something from another party is no owner when a second member takes
//!   it (`甲说需要人事部提供花名册，乙答应周五前拿到`, `extract/asked_aside.rs`);
//! - a matter whose last clause waits on something else (`…等新办法出来再定`, `（2028年再启动）`)
//!   is put off even with a name, unless only its date waits (`（时间等批复后再说）`)
//!   (`evidence/left_open.rs::ends_waiting`); `本次不排期` calls the work off (`words::REJECTED`);
//! - a note under a table (`第2项…，某乙负责报备`) that names another member doing new work is an
//!   item of its own, not the row given anew (`第1项改由…` still is; a date moved is not new work)
//!   (`extract/refer.rs`);
//! - an `ETA` column (a cell of its own) is the due column (`table.rs`);
//! - `甲起草、乙审定`: after a drafter's verb `、` ends the lead's clause, so 乙 is the second hand
//!   (`assign/not_owner.rs::LEAD_ENDS`).
//!
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn pieces_handed_by_you_share_the_date_said_once() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "筹备会（3月10日，周二）\n\n1. 场地布置由韦海负责，嘉宾名单由柳青整理，两项均在3月13日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("场地布置") && t[1].contains("嘉宾名单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert!(
        dues(&ex)
            .iter()
            .all(|d| d.as_deref().is_some_and(|d| d.starts_with("2026-03-13")))
    );
}

#[test]
fn a_count_of_the_pieces_shares_the_date() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "预算会（3月10日）\n\n2. 差旅标准的适用说明，韦海修订；培训费的分摊方式，柳青负责。两项本月内完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert!(
        dues(&ex)
            .iter()
            .all(|d| d.as_deref().is_some_and(|d| d.starts_with("2026-03-31")))
    );
}

#[test]
fn a_bare_date_after_two_peoples_own_work_goes_to_each() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "档案会（3月10日）\n\n- 目录空项的1,200卷，韦海先出清单，柳青组织各部门补录，3月20日前补完。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("先出清单") && t[1].contains("组织各部门补录"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert!(
        dues(&ex)
            .iter()
            .all(|d| d.as_deref().is_some_and(|d| d.starts_with("2026-03-20")))
    );
}

#[test]
fn a_second_hand_before_a_bare_date_keeps_one_item() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "评审会（3月10日）\n\n后续：韦海改写接口说明，柳青复核字段口径，3月20日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
}

#[test]
fn who_needs_something_from_another_party_is_no_owner_of_the_fetching() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "周例会（3月10日）\n\n1. 柳青说需要人事部提供上季度的花名册，韦海答应周五前拿到。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("花名册"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
}

#[test]
fn a_matter_waiting_on_something_else_is_no_work_even_with_a_name() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "智能纪要 · 季度会\n\n待办\n☐ 档案系统选型调研 —— 韦海（2028年再启动）\n☐ 借阅台账补登 —— 柳青（3月20日前）\n\n柳青、严冬梅：下季度抽检范围等新办法出来再定。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("借阅台账补登"), "{t:?}");
}

#[test]
fn work_not_scheduled_this_time_is_no_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "智能纪要 · 演练筹备\n\n待办\n1. 演练脚本定稿 —— 韦海（3月13日前）\n2. 红队复测 —— 柳青（下半年，本次不排期）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("演练脚本定稿"), "{t:?}");
}

#[test]
fn a_note_on_a_row_giving_another_member_new_work_is_an_item_of_its_own() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "协调会（3月10日）\n\n| 序号 | 工作内容 | 责任人 | 完成时限 |\n|---|---|---|---|\n| 1 | 机房巡检 | 韦海 | 3月13日 |\n| 2 | 备份恢复测试 | 柳青 | 3月20日 |\n\n说明：\n- 第2项放在周末做，要提前报备，严冬梅负责报备。\n- 第1项改由严冬梅负责。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[2].contains("提前报备"), "{t:?}");
    let o = owners(&ex);
    assert_eq!(o[0], vec!["严冬梅"], "{t:?}");
    assert_eq!(o[1], vec!["柳青"], "{t:?}");
    assert_eq!(o[2], vec!["严冬梅"], "{t:?}");
}

#[test]
fn an_eta_column_gives_the_due_day() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "Weekly sync（3月10日）\n\nAction items\n| # | Action | Owner | ETA |\n|---|---|---|---|\n| 1 | 接口联调脚本 | 韦海 | 3月20日 |\n| 2 | 压测环境申请 | 柳青 | TBD |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
    assert_eq!(dues(&ex)[1], None);
}

#[test]
fn a_drafter_then_a_second_hand_after_a_list_comma_are_both_owners() {
    let members = ["韦海", "柳青", "严冬梅"];
    let ex = run(
        "部门会（3月10日）\n\n1. 年度培训通知，韦海起草、柳青审定，3月20日前发出。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海", "柳青"]]);
}
