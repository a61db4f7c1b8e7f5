//! Rules found on heldout33 (tuning data since the thirty-first round): a line opened by a
//! bracketed task tag (`【任务】`, `[跟进]`, `【落实】`) is an action item even under a discussion
//! section, one opened by a record tag (`【决定】`, `【结论】`, `[Decision]`) is not; the person
//! labelled before a line's colon owns every later clause of it that names no one else. Each on
//! phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn task_tags_are_items_and_record_tags_are_not() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "网点周会纪要\n\n一、讨论情况\n1. 场地。\n【决定】4月18日（周六）上午举办，场地用三楼报告厅。\n【跟进】柳青牵头，孟河配合，整理参会客户名单并电话确认，4月15日前完成。\n[Decision] 宣传物料统一由总部设计，网点不自行印制。\n【落实】活动结束后的满意度回访表，由严冬统一收集，时间待定。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("参会客户名单"), "{t:?}");
    assert!(t[1].contains("满意度回访表"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["严冬"]);
}

#[test]
fn a_name_label_owns_every_clause_of_its_line() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "三、分工\n严冬：整理网点排班表，下周三前发出；自助终端报修记录汇总，月底前给到。\n柳青：复核上月对账差异，周五前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["严冬"], vec!["柳青"]]);
}

#[test]
fn a_list_before_does_not_close_owner_labelled_task_paragraphs() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "网点工作会\n\n二、讨论意见\n1. 回访分两档进行，大客户上门。\n2. 礼品不得以现金形式发放。\n\n三、分工\n严冬：整理重点客户名单并分档，本周内完成；联系供应商确认礼品样品，下周二前。\n柳青：起草回访话术并送合规审核，月底前完成；建立回访台账，12月20日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬"], vec!["严冬"], vec!["柳青"], vec!["柳青"]]
    );
}

#[test]
fn a_state_cell_done_on_a_date_closes_its_row() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "二、工作安排\n\n| 工作内容 | 责任人 | 时间要求 | 备注 |\n|---|---|---|---|\n| 整理网点排班表 | 严冬 | 下周三前 | 发各组长 |\n| 回访名单报审 | 柳青 | 本周内 | 已于12月2日报审 |\n| 设备报修汇总 | 孟河 | 月底前 | 已于12月1日启动 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("排班表") && t[1].contains("报修汇总"), "{t:?}");
}
