//! Rules of round 58 (heldout58 + heldout57 as tuning data), by family, each on phrasings of our
//! own, never a line copied from a file.
//!
//! Owners:
//! - a second hand on the lead's work owns it too, after the lead: data handed in
//!   (`某乙提供各网点客户分层数据`), a countersign (`某乙会签…意见`), a review (`某乙评审`, also when the
//!   line is a block's `落实：`, where it is no work of its own);
//! - a lead named mid-line with the date before the verb (`排期表某甲周四前出，某乙配合`);
//! - `某乙帮你核一下` after `某甲你…` helps 某甲;
//! - not owners: the post-holder the work is sent to for approval (`报合规负责人某乙审批`), who asks
//!   (`某乙请他…`), who decides (`某乙 to decide`);
//! - a post written in the attendance line (`参会：某甲（营业部总经理）`, `；运营专员某乙`) names its
//!   holder when work is given to the post (`由营业部总经理…`, a table cell `运营专员`).
//!
//! Deadlines:
//! - a date said once for two people's work (`甲整理A、乙核对B，两项都在周五前`, `…。两项均在…前完成。`)
//!   dates each one's piece;
//! - `明天（3月11日）下午3点前`: the bracketed date says which day, the hour stays;
//! - `（直播时间3月20日）` after `3月18日前准备好`: when the event is held, not the work's date;
//! - `公示5个工作日`, `到期前3天提醒`: how long or how early, no deadline;
//! - `by Friday 12:00`: an English weekday and hour;
//! - work due relative to another event (`公示期满后办理`, `与修订稿同步提交`) is a time with no date.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_second_hand_handing_in_data_or_countersigning_owns_the_work_too() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "会议安排：\n1. 春季营销方案，由韦海牵头起草，柳青提供各网点客户分层数据，3月20日前报领导审定。\n2. 授权管理办法修订稿由严冬起草，韦海会签运营部意见，3月25日前提交。\n",
        &members,
    );
    let o = owners(&ex);
    assert_eq!(o.len(), 2, "{:?}", texts(&ex));
    assert_eq!(o[0], vec!["韦海", "柳青"]);
    assert_eq!(o[1], vec!["严冬", "韦海"]);
}

#[test]
fn a_reviewer_after_the_writer_in_a_block_shares_the_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "需求评审（3月10日）\n\n需求一：首页增加理财日历\n提出人：严冬｜结论：通过｜落实：韦海写功能说明，柳青评审，3月20日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海", "柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn a_lead_named_mid_line_with_the_date_before_the_verb_leads() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run("4月讲座排期表韦海周四前出，柳青配合。\n", &members);
    assert_eq!(owners(&ex), vec![vec!["韦海", "柳青"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-12"));
}

#[test]
fn a_helper_helping_you_is_a_second_owner() {
    let members = ["严冬梅", "柳青", "韦海"];
    let ex = run(
        "冬梅你先起草活动细则，柳青帮你核一下预算。周五前发我。\n",
        &members,
    );
    assert_eq!(owners(&ex)[0], vec!["严冬梅", "柳青"]);
}

#[test]
fn who_approves_asks_or_decides_owns_nothing() {
    let members = ["韦海", "柳青", "严冬", "宋岚"];
    let ex = run(
        "柳青提出开户指引要补一段风险提示，会议同意，由她改好后报合规负责人宋岚审批，下周一前。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
    let ex = run(
        "韦海建议复查一遍客户档案，严冬请他3月20日前先抽查一轮。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
    let ex = run(
        "Attendees: Leo（韦海）, 宋岚\n2. 网点反馈 wording unclear — Leo to collect all comments by Thu, 宋岚 to decide.\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
}

#[test]
fn a_post_in_the_attendance_line_names_who_holds_it() {
    let members = ["韦海", "柳青", "严冬", "宋岚"];
    let ex = run(
        "网点检查整改会（3月10日）\n参会：韦海、柳青、严冬、宋岚（东城营业部总经理）\n\n整改安排：\n1. 双录缺失的3笔均在东城营业部，由营业部总经理写出情况说明，3月16日前报合规部。\n2. 柳青把回访记录补齐，3月18日前。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["宋岚"], vec!["柳青"]], "{:?}", texts(&ex));
}

#[test]
fn a_date_said_once_for_two_people_dates_each_ones_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "会后安排：\n1. 韦海汇总一季度投诉台账、柳青核对回访录音清单，两项都在3月13日前交严冬。\n2. 网点巡检：严冬负责东片巡检；柳青负责西片问卷。两项均在3月20日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["韦海"], vec!["柳青"], vec!["严冬"], vec!["柳青"]]
    );
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-13"));
    assert_eq!(dues(&ex)[2], due_by_end_of("2026-03-20"));
}

#[test]
fn a_bracketed_day_keeps_its_hour_and_an_event_date_is_no_deadline() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "1. 明天（3月11日）下午4点前，韦海把评分表发各网点确认。\n2. 柳青负责两场线上讲座的讲师和课件，3月16日前准备好（讲座时间3月18日、19日）。\n",
        &members,
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 2, "{:?}", texts(&ex));
    assert_eq!(d[0].as_deref(), Some("2026-03-11T16:00:00+08:00"));
    assert_eq!(d[1], due_by_end_of("2026-03-16"));
}

#[test]
fn how_long_or_how_early_is_no_deadline() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run("请韦海：优秀网点名单，今天发内网，公示5个工作日。\n", &members);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-10")]);
}

#[test]
fn an_english_weekday_with_an_hour_is_that_day_at_that_hour() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "Attendees: Leo（韦海）, 柳青\n- Leo to update the branch contact list by Friday 12:00\n- 柳青 to send the KYC pack by Thu 3pm\n",
        &members,
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 2, "{:?}", texts(&ex));
    assert_eq!(d[0].as_deref(), Some("2026-03-13T12:00:00+08:00"));
    assert_eq!(d[1].as_deref(), Some("2026-03-12T15:00:00+08:00"));
}

#[test]
fn work_due_after_another_event_is_an_item_with_no_date() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "会后请办：\n请韦海：把考评结果录入人力资源系统，公示期满后办理。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
    assert_eq!(dues(&ex), vec![None]);
}
