//! Rules found on heldout59 (tuning data since the fifty-sixth round): a line saying there is
//! nothing to follow up in other words than the listed ones (`本次没有需要新增跟进的事项`, `暂无需要
//! 处理的待办`) — a negation, then `事项`/`待办`/`任务` within a few characters with `新增`, `需要`
//! or `新的` between — is no work; `没有跟进的事项逐一督办` stays work.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, run, texts};

#[test]
fn nothing_to_follow_in_other_words_is_no_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "月度例会（3月10日）\n\n一、上月指标均在阈值内，运行平稳。\n二、本月暂无需要落实的新增事项。\n三、会上没有需要单独处理的待办。\n",
        &members,
    );
    let t = texts(&ex);
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn items_not_followed_up_are_still_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "月度例会（3月10日）\n\n1. 上月没有跟进的事项逐一督办，韦海负责，3月20日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("逐一督办"), "{t:?}");
}

#[test]
fn a_score_out_of_five_is_no_date() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "培训复盘（3月10日）\n\n【已完成事项】\n- 新人带教第二期已结束，学员评分4.6/5。（韦海）\n\n【后续】\n1.3/20前交带教总结，柳青负责。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("带教总结"), "{t:?}");
    assert_eq!(dues(&ex)[0].as_deref(), Some("2026-03-20T18:00:00+08:00"));
}
