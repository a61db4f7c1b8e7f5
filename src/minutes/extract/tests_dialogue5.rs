//! Transcripts read as a conversation, round 6: work named by the proposal it answers, names
//! with a word glued on, a member named at the head of a clause, a colleague called `老王` who
//! is not in the group, and a date given after someone took the work on. Each transcript here
//! is written for the test (meeting on Tuesday 2026-03-10).

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

const DAY: &str = "T18:00:00+08:00";

fn due(date: &str) -> Option<String> {
    Some(format!("{date}{DAY}"))
}

#[test]
fn a_member_named_at_the_head_of_a_clause_is_given_the_work() {
    let ex = run(
        "[00:00:05] 韦东：今天就两件事。\n\
         [00:01:10] 韦东：还有柜台的印章盘点，上回说每月一次，柯蓝周四前把盘点表交上来。\n\
         [00:01:20] 柯蓝：收到。\n\
         [00:02:00] 韦东：好，散会。\n",
        &["韦东", "柯蓝"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("印章盘点"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), vec![vec!["柯蓝"]]);
    assert_eq!(dues(&ex), vec![due("2026-03-12")]);
}

#[test]
fn you_is_the_one_called_by_name_earlier_in_the_turn() {
    let ex = run(
        "童飞 00:00:05\n开户的数据我来整理一下，周四前发给大家。\n\n\
         季红 00:00:40\n好。严冬，上个月的新增还不错。但是回访你盯一下，周五前把回访结果汇总一下。\n\n\
         严冬 00:01:00\n好的，没问题。\n",
        &["童飞", "季红", "严冬"],
    );
    assert_eq!(owners(&ex), vec![vec!["童飞"], vec!["严冬"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![due("2026-03-12"), due("2026-03-13")]);
}
