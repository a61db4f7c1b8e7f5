//! Rules found on heldout50 (tuning data since the forty-seventh round): a clause that leaves only
//! a schedule open (`考试安排另行通知`, `（时间待…确定后再说）`) rejects nothing else in the line;
//! an arrow follow-up whose work is drawn up `由<unit><verb>` is the unit's; a speaker taking work
//! on with an adverb of the self (`我自己去谈`) commits; an answer's `我们会在…内…` is the
//! answerer's; a subject asked `请于<time>` to act holds the work even when the time gives no
//! day; a next-working-day limit written with 前 (`下个工作日前`) is that day; a record word
//! before a check mark or a field (`值班记录 ■不合格`) names the item; `明天上午弄好` is due at
//! noon; work given to someone in the last turn of a transcript stands though nobody answered.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_schedule_left_open_rejects_no_other_clause() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "合规培训答疑（3月10日）\n\n问：结业测试哪天？讲义会不会改？\n答（柳青）：测试安排另行通知，培训讲义我本周五前修订。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("培训讲义"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn a_date_left_open_in_brackets_keeps_the_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "智能纪要 · 采购准备会\n\n待办\n1. 韦海：评分表定稿，本周五\n2. @柳青 供应商考察（时间等预算批复后再说）\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("供应商考察"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
    assert_eq!(dues(&ex)[1], None);
}

#[test]
fn an_arrow_follow_up_drawn_up_by_a_unit() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "季度经营分析会（3月10日）\n\n会后事项：\n→ 季度考核口径说明（韦海，周四前）\n→ 值班排班表由综合管理岗排定，3月13日发布\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("值班排班表"), "{t:?}");
    assert!(owners(&ex)[1].is_empty());
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-13"));
}

#[test]
fn a_speaker_going_himself_takes_the_work_on() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "渠道合作讨论 妙记\n3月10日 15:00\n\n柳青 00:00:05\n银行渠道那边今年还续约吗？\n\n韦海 00:00:40\n续。续约条款我亲自去谈，月底前吧。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("续约条款"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
}

#[test]
fn an_answer_for_the_answerers_side_is_theirs() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "系统上线答疑（3月10日）\n\n问：操作手册和界面对不上怎么办？\n答（韦海）：以界面为准，我们会在两个工作日内更新操作手册。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("操作手册"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-12"));
}

#[test]
fn a_counter_asked_by_a_holiday_holds_the_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "反诈培训答疑（3月10日）\n\n问：可疑开户怎么处理？\n答（韦海）：按流程先暂停办理，前台请于清明前把可疑开户清单报风控岗。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("可疑开户清单"), "{t:?}");
    assert!(owners(&ex)[0].is_empty(), "{:?}", owners(&ex));
}

#[test]
fn a_checked_record_is_the_item_not_the_recorder() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "网点安全检查单（3月10日）\n检查人：严冬\n（□合格 ■不合格）\n1. 监控录像 □合格\n2. 值班记录 ■不合格\n整改要求：补齐二月份值班签字记录 责任人：韦海、柳青 时限：3月13日\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("值班签字记录"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海", "柳青"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn a_morning_before_a_verb_of_getting_done_is_noon() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "复盘会｜妙记\n3月10日 10:00\n\n柳青 00:00:05\n名单什么时候能给？\n\n韦海 00:00:40\n核对名单我明天上午弄好。\n",
        &members,
    );
    assert_eq!(dues(&ex), vec![Some("2026-03-11T12:00:00+08:00".to_owned())]);
}

#[test]
fn work_given_in_the_last_turn_stands() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "网点改造会｜妙记\n3月10日 10:00\n\n韦海 00:00:05\n柳青，验收单你整理一下，周四前给我。\n\n柳青 00:00:30\n好的。\n\n韦海 00:01:10\n行。开业通知等验收完再发，柳青你到时候发一下。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("开业通知"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
    assert_eq!(dues(&ex)[1], None);
}
