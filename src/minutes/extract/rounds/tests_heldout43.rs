//! Rules found on heldout43 (tuning data since the forty-second round): a month's middle ten days
//! (`4月中旬`, `中旬`) is no deadline (no convention dates it; `4月中旬前` still is a limit);
//! `EOW` in English-mixed minutes stays undated; a header line of a date and a meeting detail apart
//! by spaces (`3月10日  Chair: 某某`, `Host:`, `Moderator:`) records the meeting;
//! `节前完成` heads the work due before the holiday at hand; a member is called by the last character
//! of the given name and `姐`/`哥` (`岚姐`); names with their role word before a colon (`Kevin lead,
//! Cindy support: 定价方案`) are the lead and the helper; a department alone in a table's owner
//! cell (`| 办公室 |`) is where the work sits: the item's unit, no owner (owners []).
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn the_middle_of_a_month_is_no_deadline() {
    let members = ["柯南", "董青"];
    let ex = run(
        "档案整理周会（3月10日）\n\n下一步：\n1. 库房密集架改造方案，柯南负责，4月中旬。\n2. 扫描外包合同续签，董青负责，4月中旬前完成。\n3. 档案系统权限复核，柯南负责，4月下旬。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(dues(&ex)[0], None, "{t:?}");
    // `中旬前` too: the conventions date no part of a month but 月初 and 上旬 (refused, as `/督办`
    // refuses it, rather than guessed).
    assert_eq!(dues(&ex)[1], None, "{t:?}");
    assert_eq!(dues(&ex)[2], None, "{t:?}");
}

#[test]
fn end_of_week_shorthand_stays_undated() {
    let members = ["柯南", "董青"];
    let ex = run(
        "Ops sync｜3月10日\n\nAction items\n1. 渠道数据复盘 deck, owner 柯南, EOW.\n2. 客服话术更新 — 董青, 周五前.\n3. 工单标签清洗 — 柯南, due EOW.\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(dues(&ex)[0], None, "{t:?}");
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-13"), "{t:?}");
    assert_eq!(dues(&ex)[2], None, "{t:?}");
}

#[test]
fn a_date_and_the_chair_apart_by_spaces_is_the_header() {
    let members = ["柯南", "董青", "卜一凡"];
    for chair in ["Chair: 卜一凡", "Host: Ivan（卜一凡）", "Moderator: 卜一凡"] {
        let ex = run(
            &format!(
                "Desk weekly｜托管\n3月10日  {chair}\n\nTo-dos\n- 柯南：整理估值差错清单, 3月13日前.\n- 董青 lead: 托管费率复核, 下周三前.\n"
            ),
            &members,
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{chair}: {t:?}");
        assert!(
            t.iter().all(|x| !x.contains("Chair") && !x.contains("Host")),
            "{t:?}"
        );
        assert_eq!(owners(&ex)[0], vec!["柯南"], "{t:?}");
    }
}

#[test]
fn a_heading_before_the_holiday_at_hand() {
    let members = ["柯南", "董青"];
    let ex = run(
        "行政事务节前会（3月10日）\n\n一、节前完成\n1. 春节慰问品发放登记（柯南）\n\n二、三个工作日内完成\n2. 会议室预订规则修订（董青）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("春节慰问品发放登记"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柯南"], "{t:?}");
    // `节前` said in March: the next holiday (清明) → the last working day before it.
    assert!(dues(&ex)[0].is_some(), "{t:?}");
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-13"), "{t:?}");
}

#[test]
fn a_given_name_and_sister_calls_a_member() {
    let members = ["钟晓岚", "孙浩"];
    let ex = run(
        "合同碰头会 妙记\n2026年3月10日 09:30 | 时长 10分钟\n\n孙浩 00:00:06\n节后积压不少。\n\n孙浩 00:01:15\n岚姐，积压的租赁合同3个工作日内先过一遍，标出高风险的。\n\n钟晓岚 00:01:22\n行。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("积压的租赁合同"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["钟晓岚"], "{t:?}");
}

#[test]
fn names_and_roles_before_a_colon() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "Desk weekly｜3月10日\n\nTo-dos\n- Ivan（卜一凡）：整理估值差错清单, 3月13日前.\n- Mike（柯南）lead, Ivan support: 融券费率测算 proposal, 下周三前.\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("融券费率测算"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柯南", "卜一凡"], "{t:?}");
}

#[test]
fn a_department_alone_in_the_owner_cell_is_no_owner() {
    let members = ["柯南", "董青"];
    let ex = run(
        "行政例会（3月10日）\n\n| 事项 | 负责人 | 时限 |\n|---|---|---|\n| 档案柜钥匙登记 | 柯南 | 3月13日 |\n| 会议室预订规则修订 | 行政管理部 | 月底前 |\n| 访客系统试点 | 董青、信息技术部 | 3月20日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柯南"], "{t:?}");
    assert!(owners(&ex)[1].is_empty(), "{:?}", owners(&ex));
    assert_eq!(owners(&ex)[2], vec!["董青"], "{:?}", owners(&ex));
    // The department stays with the item as its unit, for the card to show.
    assert_eq!(ex.items[1].units, ["行政管理部"]);
}
