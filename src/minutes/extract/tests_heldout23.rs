//! Rules found on heldout23 (tuning data since the twenty-fourth set): in a review block, an
//! action field after the owner (`行动：…`, `落实：…`) says the block's work; a table of places
//! and what to look at in each (`| 检查对象 | 检查重点 | 负责人 |`) gives the focus as the work;
//! `五一节前` is the last working day before the 劳动节 block. Each on phrasings of our own, never
//! a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn an_action_field_after_the_owner_says_the_review_blocks_work() {
    let ex = run(
        "营销系统需求评审\n\n需求一：积分兑换商城\n结论：通过。\n负责人：严冬\n行动：完成积分兑换接口改造\n完成时限：3月20日\n\n需求二：弹窗广告\n结论：不通过。\n\n需求三：客户标签看板\n结论：通过。\n负责人：柳青，孟河配合\n落实：输出标签口径说明\n完成时限：3月18日\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("积分兑换接口改造"), "{t:?}");
    assert!(t[1].contains("标签口径说明"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["严冬"], vec!["柳青", "孟河"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-18")]
    );
}

#[test]
fn action_lines_between_conclusions_stay_items_of_their_own() {
    let ex = run(
        "系统故障复盘会\n\n结论：故障由第三方接口超时引起。\n行动：严冬负责补充接口超时告警，本周内完成。\n结论：应急流程维持不变。\n行动：柳青负责逐一回访受影响客户，3月13日前完成。\n结论：不再另行通报。\n行动：孟河牵头修订值班手册，3月20日前提交。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[1].contains("逐一回访"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"], ["孟河"]]);
}

#[test]
fn a_table_of_places_and_their_focus_gives_the_focus_as_the_work() {
    let ex = run(
        "二季度网点检查计划\n\n| 检查对象 | 检查重点 | 负责人 | 完成时间 |\n|---|---|---|---|\n| 东城网点 | 消防设施复查 | 严冬 | 3月20日 |\n| 西城网点 | 现金管理 | 柳青 | 3月27日前 |\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("消防设施复查") && t[0].contains("东城网点"),
        "{t:?}"
    );
    assert!(t[1].contains("现金管理"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-27")]
    );
}

#[test]
fn before_the_may_day_festival_is_the_last_working_day_before_its_block() {
    let ex = run("- 严冬负责考后阅卷和成绩公示，五一节前弄完。\n", &["严冬"]);
    assert_eq!(texts(&ex).len(), 1);
    assert_eq!(dues(&ex), [due_by_end_of("2026-04-30")]);
}
