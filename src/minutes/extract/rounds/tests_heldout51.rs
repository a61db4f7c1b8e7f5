//! Rules found on heldout51 (tuning data since the forty-eighth round): a last `；` piece that
//! dates every piece before it (`均于…前完成`) dates each, and a piece with no owner of its own
//! after `某甲：` is the colon's owner's; a short task of its own by the same person and date is
//! not a bare confirmation; an arrow follow-up with a date is work though it names no one; a dash
//! row whose time slot holds a time word without a date is work, its day open; `此为常规要求`
//! marks a standing requirement; in a transcript, the answer to `…做好没有？` that names the work
//! left and its date renames the item asked, and `下周一我签掉` (a date, `我`, a verb of
//! delivering) answering `…您看什么时候签？` is the speaker's, about the question's work. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_shared_last_piece_dates_each_owned_piece() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "档案整理会（3月10日，周二）\n\n1. 韦海负责合同扫描件归档；柳青负责借阅登记表更新；都于本周四前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-12"), due_by_end_of("2026-03-12")]
    );
}

#[test]
fn two_tasks_after_one_colon_owner_share_the_last_date() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "培训筹备会（6月2日）\n韦海：修订讲义目录；补充签到二维码；均在6月9日前。\n柳青：场地预订，后天。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("讲义目录") && t[1].contains("签到二维码"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["韦海"]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-06-09"));
}

#[test]
fn a_dated_arrow_follow_up_without_an_owner_is_work() {
    let members = ["韦海", "柳青"];
    let mut log = String::from("复盘会（4月1日）\n一、差错记录\n");
    for i in 1..=6 {
        log.push_str(&format!("{i}｜账户{i}｜录入错误｜已更正\n"));
    }
    log.push_str("二、后续\n→ 复核口径说明（韦海），4月8日前。\n→ 年度差错汇总报告报送审计部，4月15日前。\n");
    let ex = run(&log, &members);
    let t = texts(&ex);
    assert!(t.iter().any(|x| x.contains("年度差错汇总报告")), "{t:?}");
    let i = t.iter().position(|x| x.contains("年度差错汇总报告")).unwrap();
    assert!(owners(&ex)[i].is_empty());
    assert_eq!(dues(&ex)[i], due_by_end_of("2026-04-15"));
    // Done work after an arrow stays out.
    let ex = run(
        "复盘会（4月1日）\n→ 差错汇总报告已报送审计部，4月1日。\n",
        &members,
    );
    assert!(texts(&ex).is_empty());
}

#[test]
fn a_dash_row_with_a_time_word_slot_is_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "后勤例会\n5月6日\n\n1. 食堂窗口调整方案 —— 韦海 —— 5月15日\n2. 会议室预约规则修订 —— 柳青 —— 下个月\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("会议室预约规则修订"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
}

#[test]
fn a_routine_requirement_restated_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "各位好，\n年底结账安排如下：\n一、请韦海在元旦前完成对账单核对。\n二、各组继续执行交接签字，此为常规要求。\n柳青\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
}

#[test]
fn an_answer_naming_the_work_left_renames_the_status_question() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "飞书妙记｜渠道周会 2026年6月3日（周三）\n\n韦海 00:00:05\n柳青，本月的网点巡检表汇总好没有？\n\n柳青 00:00:20\n还缺两个网点，6月8日前把巡检问题清单汇总完发给你。\n\n韦海 00:00:40\n好。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("巡检问题清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-06-08")]);
}

#[test]
fn a_dated_promise_answering_when_is_the_questions_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "妙记｜预算沟通会　3月4日（周三）\n\n韦海 00:00:05\n差旅报销细则已经改完了，柳总您看哪天批？\n\n柳青 00:00:30\n周五我批掉。\n\n韦海 00:00:50\n好的，那就这样。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("差旅报销细则"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
    assert!(dues(&ex)[0].is_some());
}
