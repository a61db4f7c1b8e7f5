//! Tests of the rules added once the sixth held-out set became tuning data (issue 16, seventh
//! round): one test per rule, each on several phrasings of our own (other verbs, word orders,
//! punctuation, the owner before, after or in brackets), never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_recurring_duty_given_to_someone_is_theirs_without_a_deadline() {
    for (line, who) in [
        ("1. 每周一上午报送上周客户投诉统计表——李明负责", "李明"),
        ("2. 每日收盘后核对两融维保比例，异常的当天通知客户——赵倩", "赵倩"),
        ("3 维保低于130的客户 每天收盘后电话提醒 王强负责", "王强"),
        ("4. 由李明每月5日前报送营业部费用明细", "李明"),
    ] {
        let ex = run(&format!("## 工作安排\n{line}"), &["李明", "赵倩", "王强"]);
        assert_eq!(owners(&ex), [[who]], "{line}");
        assert_eq!(dues(&ex), [None], "{line}");
    }
    // A standing rule for everyone stays out.
    let ex = run("## 工作安排\n1. 每周五下午召开例会，照常进行。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_table_row_due_continuously_is_an_item_unless_it_is_routine() {
    let text = "事项|负责人|完成时间|状态\n---|---|---|---\n\
                每日收盘后统计新开户数并在群里通报|李明|持续|待办\n\
                每周五汇总客户回访记录|赵倩|每周五|进行中\n\
                月度清算差错报表|王强|每月5日|常规\n\
                营业部宣传栏更新|赵倩|3月20日|待办";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩"], vec!["赵倩"]]);
    assert_eq!(dues(&ex), [None, None, due_by_end_of("2026-03-20")]);
}
