//! Rules found on heldout29 (tuning data since later sets were written): a blank owner cell in a
//! table between two rows is a merged cell and takes the owner above it (not in the table's
//! last row, not beside a unit column). Each on phrasings of our own, never a line copied from a
//! file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn a_blank_owner_cell_between_rows_is_merged_with_the_one_above() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "| 整改事项 | 责任人 | 完成时间 |\n|---|---|---|\n| 更新客户档案目录 | 严冬 | 6月3日前 |\n| 补录档案借阅记录 |  | 6月9日前 |\n| 调整机房巡检频次 | 柳青 | 下周三 |\n| 重贴消防通道标识 |  | 6月20日前 |\n| 整理培训签到表 | 孟河 | 6月25日前 |\n",
        &members,
    );
    assert_eq!(
        owners(&ex),
        vec![
            vec!["严冬"],
            vec!["严冬"],
            vec!["柳青"],
            vec!["柳青"],
            vec!["孟河"]
        ],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn a_blank_owner_cell_in_the_last_row_or_beside_a_unit_is_nobodys() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "| 事项 | 负责人 | 截止 |\n|---|---|---|\n| 更新客户档案目录 | 严冬 | 6月3日前 |\n| 补录档案借阅记录 |  | 6月9日前 |\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec![]], "{:?}", texts(&ex));
    let ex = run(
        "| 事项 | 责任部门 | 责任人 | 截止 |\n|---|---|---|---|\n| 更新客户档案目录 | 运营管理部 | 严冬 | 6月3日前 |\n| 补录档案借阅记录 | 综合部 |  | 6月9日前 |\n| 调整机房巡检频次 | 信息技术部 | 柳青 | 6月12日前 |\n",
        &members,
    );
    assert_eq!(owners(&ex)[0], vec!["严冬"], "{:?}", texts(&ex));
    assert!(!owners(&ex)[1].iter().any(|o| o == "严冬"), "{:?}", owners(&ex));
}
