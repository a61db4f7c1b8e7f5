//! Rules found on heldout27 (tuning data since later sets were written): field sub-bullets
//! (`  - 负责人：X`, `  - 完成时间：…`) indented under a list item are that item's owner and
//! deadline, whatever the item's length; a first line naming the meeting with its own date in
//! brackets (`…碰头（3月10日，A、B）`) is a title, not a task due today; the 年 of a year or a count
//! of years (`2018年以前`, `三年前`) is no 年前; an English date ends at the colon or comma after
//! it (`@X by Fri: …`). Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn field_sub_bullets_under_a_list_item_are_its_owner_and_deadline() {
    let ex = run(
        "分工：\n- 合同台账核对\n  - 负责人：严冬\n  - 完成时间：3月13日前\n- 重点客户走访\n  - 负责人：柳青、孟河\n  - 时间：下周五\n- 档案数字化\n  - 负责人：孟河\n  - 时间：4月中旬\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬"], vec!["柳青", "孟河"], vec!["孟河"]],
        "{t:?}"
    );
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20"), None],
        "{t:?}"
    );
}

#[test]
fn a_first_line_dated_with_the_meeting_day_is_its_title() {
    for first in [
        "客户回访复盘碰头（3月10日，严冬、柳青）",
        "营销方案小结（3月10日）",
    ] {
        let ex = run(
            &format!("{first}\n上月回访完成率92%。\n柳青3天内补齐剩余客户的回访录音。\n"),
            &["严冬", "柳青"],
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 1, "{first}: {t:?}");
        assert!(t[0].contains("回访录音"), "{t:?}");
    }
    // A task with its own date in brackets is still a task.
    let ex = run("柳青整理客户名单（3月12日前）\n", &["严冬", "柳青"]);
    assert_eq!(texts(&ex).len(), 1);
}

#[test]
fn the_year_of_a_date_is_no_spring_festival() {
    for line in [
        "- 2018年以前的纸质凭证扫描入库，孟河负责。",
        "- 三年前的旧账户清理，孟河负责。",
    ] {
        let ex = run(&format!("安排：\n{line}\n"), &["孟河"]);
        assert_eq!(dues(&ex), vec![None], "{line}: {:?}", texts(&ex));
    }
}

#[test]
fn an_english_date_ends_at_the_colon_after_it() {
    let ex = run(
        "Next steps:\n- @严冬 by Fri: send the revised 客户告知书 to legal.\n- @柳青 by next Wed, rerun the 压力测试 at 2x load.\n",
        &["严冬", "柳青"],
    );
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-13"), due_by_end_of("2026-03-18")],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn a_holiday_right_after_a_name_is_read() {
    let ex = run("请柳青清明前联系街道确定场地；\n", &["严冬", "柳青"]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-04-03")], "{:?}", texts(&ex));
}

#[test]
fn a_standing_remark_as_the_last_clause_is_no_item() {
    let ex = run(
        "后续工作：\n1. 营销费用台账更新（严冬），3月20日前。\n2. 客户资产周报按周编制（柳青），例行工作。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("营销费用台账"), "{t:?}");
}

#[test]
fn attendance_to_arrange_is_work_not_a_record() {
    let ex = run(
        "一、3月20日前完成\n1. 讲座嘉宾：柳青邀请基金公司首席经济学家出席并确认讲题。\n",
        &["严冬", "柳青"],
    );
    assert_eq!(owners(&ex), vec![vec!["柳青"]], "{:?}", texts(&ex));
}

#[test]
fn a_member_addressed_by_a_short_form_in_a_transcript_owns_the_task() {
    let members = ["严冬", "芦建平", "柏一鸣"];
    let ex = run(
        "说话人 1 00:01:10\n一鸣把客户回访话术改一版，3月12日前给我。\n说话人 1 00:02:30\n芦总你催一下托管行，3天内拿到估值表。\n",
        &members,
    );
    assert_eq!(
        owners(&ex),
        vec![vec!["柏一鸣"], vec!["芦建平"]],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn a_count_after_a_preposition_is_what_to_work_on() {
    let ex = run(
        "会议要求：\n1. 柳青对5笔待补资料账户逐户电话联系，3月20日前完成。\n",
        &["严冬", "柳青"],
    );
    assert_eq!(owners(&ex), vec![vec!["柳青"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
}

#[test]
fn an_english_alias_from_the_attendees_is_that_member_after_an_at() {
    for t in [
        "Attendees: 严冬 (chair), Vincent (柳青)\n\nNext steps:\n- @Vincent by Fri: send the 估值表 to legal.\n",
        "Attendees: 严冬 (chair), Vincent 柳青\n\nNext steps:\n- @Vincent by Fri: send the 估值表 to legal.\n",
    ] {
        let ex = run(t, &["严冬", "柳青"]);
        assert_eq!(owners(&ex), vec![vec!["柳青"]], "{t}: {:?}", texts(&ex));
    }
}

#[test]
fn a_run_of_days_counted_is_no_date() {
    let ex = run(
        "晨会纪要（3月10日）\n【策略】柳青：两市成交额连续5日缩量，风格偏防御，建议关注红利板块。\n请严冬明天上午把点评发到客户群。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("点评"), "{t:?}");
}
