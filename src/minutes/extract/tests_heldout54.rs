//! Rules found on heldout54 (tuning data since the fifty-first round): on a pasted task card the
//! people who only follow the work (`关注人：…`, `知会人：…`, `Followers: …`) are never owners, and
//! a card whose owner field names nobody yet (`负责人：未分配`) is still work, with no owner;
//! a heading saying when its items are due with a word of obligation (`一、节前必须完成`) or the
//! new year (`二、年前完成`) dates the items under it.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn followers_on_a_task_card_are_not_owners_and_an_unassigned_card_is_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "网点搬迁协调会\n\n会后已建任务：\n\n【任务】新址网络专线开通申请\n负责人：柳青\n关注人：严冬、韦海\n截止时间：3月13日\n\n【任务】旧址设备清点造册\n负责人：韦海\n知会人：柳青\n截止时间：3月20日\n\n【任务】搬迁公告张贴方案\n负责人：待分配\n关注人：严冬\n截止时间：未设置\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("网络专线开通申请"), "{t:?}");
    assert!(t[2].contains("公告张贴方案"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(owners(&ex)[1], vec!["韦海"]);
    assert!(owners(&ex)[2].is_empty(), "{:?}", owners(&ex));
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
    assert_eq!(dues(&ex)[2], None);
}

#[test]
fn a_heading_that_must_be_done_before_the_holiday_dates_its_items() {
    let members = ["韦海", "柳青", "严冬"];
    // Said on 2026-03-10; 清明 makes 节前 the last working day before it, 04-03.
    let ex = run(
        "清明前网点安全检查会\n\n一、节前必须完成\n1. 消防器材逐台点检（韦海）。\n2. 金库门禁日志导出——柳青负责。\n\n二、4月10日前完成\n3. 监控硬盘容量评估（严冬）。\n",
        &members,
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 3, "{:?}", texts(&ex));
    assert_eq!(d[0], due_by_end_of("2026-04-03"));
    assert_eq!(d[1], due_by_end_of("2026-04-03"));
    assert_eq!(d[2], due_by_end_of("2026-04-10"));
}
