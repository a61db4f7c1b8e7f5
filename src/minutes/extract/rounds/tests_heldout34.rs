//! Rules found on heldout34 (tuning data since the thirty-sixth held-out set was written): record
//! cards (a tagged or plain title line, then `label：value` fields joined by any separator, in any
//! order) are one item each, none when their state says the work is done. Each on phrasings of
//! our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn record_cards_are_one_item_each_and_done_cards_none() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "网点开业筹备 看板\n【卡片】开业宣传单页设计\n状态：进行中｜负责人：柳青｜截止：4月20日\n[Task] 与物业确认水电\n截止：下周三 | 负责人：孟河、严冬 | 状态：待开始\n【卡片】营业执照变更\n负责人：严冬｜状态：已完成\n【任务】开业当天客户接待排班\n状态：待开始｜｜负责人：孟河牵头，柳青配合｜｜截止：待定\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("开业宣传单页设计"), "{t:?}");
    assert!(t[1].contains("与物业确认水电"), "{t:?}");
    assert!(t[2].contains("客户接待排班"), "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["柳青"], vec!["孟河", "严冬"], vec!["孟河", "柳青"]]
    );
    let d = dues(&ex);
    assert!(d[0].is_some() && d[1].is_some() && d[2].is_none(), "{d:?}");
}

#[test]
fn an_untagged_title_takes_a_line_of_several_fields() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "系统迁移跟踪\n数据库切换演练\n负责人：严冬  状态：进行中  截止：6月30日\n旧机房设备下架\n状态：done；Owner：柳青\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("数据库切换演练"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
}

#[test]
fn fields_naming_the_work_are_a_block_not_a_card() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "检查整改通知\n\n1. 部分档案缺少客户签字（共5份）。\n   整改要求：逐份补签；责任人：严冬；完成时限：3月20日。\n2. 柜台监控存储不足30天。\n   整改要求：扩容存储；责任人：柳青；完成时限：本月底。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("补签"), "{t:?}");
    assert!(t[1].contains("扩容存储"), "{t:?}");
}

#[test]
fn a_turn_written_on_its_speaker_line_is_a_turn() {
    let members = ["严冬", "柳青青", "孟河"];
    let ex = run(
        "周会 妙记\n严冬 00:02 上月抽了300条。\n柳青青 01:15 对，问题集中。\n严冬 01:40 小柳，话术复训你安排一下，下个工作日把名单给我。\n柳青青 01:55 好。\n严冬 02:30 老孟，关键词库要更新，3月20日前弄好。\n孟河 02:45 没问题。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(!t[0].contains("01:40"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青青"], vec!["孟河"]]);
}

#[test]
fn a_labelled_lead_with_a_role_only_shares_the_work_after_it() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "产品评审\n需求1：调整客户风险提示弹窗\n结论：通过。行动：严冬牵头，柳青配合，改写提示文案，4月13日前上线。\n需求2：取消纸质回执\n结论：不通过。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬", "柳青"]]);
}

#[test]
fn a_named_holiday_just_ended_counts_working_days_after_it() {
    use crate::command::when::{format_rfc3339, parse_deadline};
    // Friday 2026-10-09, the second working day after the National Day block (10-01..10-07).
    let now: jiff::Timestamp = "2026-10-09T09:00:00+08:00".parse().unwrap();
    let d = parse_deadline("国庆节后5个工作日内", now, super::testkit::cal()).unwrap();
    assert_eq!(format_rfc3339(d.at), "2026-10-13T18:00:00+08:00");
    // Its first working day (10-08) is past: the next block's, not this one's.
    assert!(parse_deadline("国庆节后第一个工作日", now, super::testkit::cal()).is_err());
    let ex = run(
        "审计配合会\n会议日期：2026年10月9日\n待办\n- 整理往来对账单 @严冬 国庆节后5个工作日内\n",
        &["严冬"],
    );
    assert_eq!(dues(&ex), vec![super::testkit::due_by_end_of("2026-10-13")]);
}

#[test]
fn a_date_after_a_first_step_is_when_the_next_is_due() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "纪要\n严冬汇总后下周五在晨会通报。\n柳青核对后周四在群里公布。\n",
        &members,
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 2, "{:?}", texts(&ex));
    assert_eq!(d[0], super::testkit::due_by_end_of("2026-03-20"));
    assert_eq!(d[1], super::testkit::due_by_end_of("2026-03-12"));
}

#[test]
fn an_offer_taken_up_in_the_next_turn_is_one_item() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "周会 妙记\n[00:10] 严冬：这批名单要定下来。\n[01:00] 孟河：客户告知书我来改吧。\n[01:20] 严冬：行，老孟，告知书改好发合规，尽快。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("告知书改好发合规"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["孟河"]]);
}
