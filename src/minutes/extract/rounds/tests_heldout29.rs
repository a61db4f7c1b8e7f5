//! Rules found on heldout29 (tuning data since later sets were written): a blank owner cell in a
//! table between two rows is a merged cell and takes the owner above it (not in the table's
//! last row, not beside a unit column). Each on phrasings of our own, never a line copied from a
//! file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

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

#[test]
fn a_head_line_naming_who_came_is_no_item() {
    let members = ["严冬", "柳青"];
    for t in [
        "门禁改造碰头（3月4日）严冬、柳青\n柳青负责联系厂家出门禁布线图，3月11日前。\n其余下次再议。\n",
        "培训对接会（3/4）：严冬、柳青\n柳青负责联系厂家出门禁布线图，3月11日前。\n",
    ] {
        let ex = run(t, &members);
        assert_eq!(texts(&ex).len(), 1, "{t}: {:?}", texts(&ex));
        assert_eq!(owners(&ex), vec![vec!["柳青"]], "{t}");
    }
}

#[test]
fn an_english_attendance_line_and_an_opinion_are_no_items() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "Vendor sync\n2026-03-04 (Wed) 15:00, attendees: 严冬, 柳青, 孟河\n\nAction items:\n- 合同续签材料 — @柳青, 3月11日.\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["柳青"]], "{:?}", texts(&ex));
    let ex = run(
        "讨论：\n- 孟河觉得可以先安排一周的系统试运行，但需先做数据备份。\n\n会议决定：\n1. 数据备份方案由严冬起草，3月11日前报部门审核。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["严冬"]], "{:?}", texts(&ex));
}

#[test]
fn an_acknowledgement_with_le_opening_a_turn_reports_nothing_done() {
    let members = ["严冬梅", "柳青松"];
    for ack in ["知道了", "了解了", "清楚了"] {
        let t = format!(
            "机房巡检沟通（妙记）\n2026-03-10 16:30 参会：严冬梅、柳青松\n\n主持人 00:00:05\n今天过一下机房巡检。\n\n柳青松 00:01:10\n我提醒一下，下周三晚上有一次断电演练。\n\n主持人 00:02:00\n{ack}，断电演练预案青松你下周一前发出来。\n"
        );
        let ex = run(&t, &members);
        assert_eq!(owners(&ex), vec![vec!["柳青松"]], "{t}: {:?}", texts(&ex));
    }
}

#[test]
fn a_bare_wan_before_a_clock_time_is_the_evening() {
    let ex = run(
        "变更评审\n落实：严冬于3月12日晚22:00执行数据库扩容并出具验证报告。\n",
        &["严冬"],
    );
    assert_eq!(
        dues(&ex),
        vec![Some("2026-03-12T22:00:00+08:00".to_owned())],
        "{:?}",
        texts(&ex)
    );
}
