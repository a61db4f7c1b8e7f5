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
