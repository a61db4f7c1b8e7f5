//! Rules of the fifty-seventh round (issue 16, on heldout59 and heldout56), by family:
//! - transcript turns, work asked when: work given to someone who asks how long or by when
//!   (`好的，要多久？`), answered by the giver with a date first (`下周三吧，…`, `周五前给我，…`), is
//!   the asked one's work by that date; the answer is not the giver's own work, and the reason
//!   after the date (`我周四要汇报`) is not the date (dialogue/when_asked.rs);
//! - transcript turns, work offered as a question (`那我先把…整理出来？`) and agreed by another with
//!   a date (`可以，…3月20日前给我就行`) is the offerer's work by that date; one of the people work
//!   was just given to saying which part they take (`好，我负责城东那部分`) is their share of it,
//!   not work of its own (dialogue/offer_dated.rs);
//! - precision, proposals: a view reported with a suggestion after it (`某某提出…，建议…`,
//!   `某某认为…，建议…`, `某某说…，建议…`) is an opinion given, not work (evidence/
//!   reported_proposal.rs); the meeting's own finding (`会议认为…`) is not covered.
//! - transcript layout: a clock time then a member's name alone on a line (`00:01:40 蒋某`) opens a
//!   turn (dialogue/turns.rs); one called and then told something in the first person (`吕总，我这边
//!   再补一句，…`) is not given work (dialogue/report.rs); a helper called by the last character of
//!   their name and 哥/姐 (`越哥`) is named in the turn and kept (dialogue/merge.rs);
//! - the when-asked rule the other way round: work asked as a question (`小蒋你能不能把…拆一下？`),
//!   agreed, the giver asks when and the one given it answers with a date.
//! - transcript turns, work handed over with a bare verb (`子怡你填，…`, `小雨你改`) is the work
//!   named just before: the sentence before in the turn, else the turn before (dialogue/bare_verb.rs);
//! - precision, held back: a clause opening with nothing to do apart (`不单独排`, `不用另写材料`,
//!   `不用单独报`) in a sentence without `；` parts, and `不用动`, hold the work back
//!   (evidence/sig_rejected.rs).
//! - precision, status: who stands in while someone is away (`某某休假，她的复核工作这周由某某代`,
//!   `请假两周，客户由某某代为维护`) is a state of things, not work (evidence/away_cover.rs).
//!
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn the_giver_answering_when_dates_the_work_given() {
    let members = ["周敏", "林可", "韦海"];
    let ex = run(
        "客户投诉分析会\n\n周敏：上周的客户投诉量又涨了一些。\n林可：主要集中在两融那块。\n周敏：那林可你把两融投诉的原因分类整理一下，按营业部列。\n林可：行，什么时候要？\n周敏：周五前给我，下周一碰一下。\n林可：好。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("两融投诉的原因分类"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["林可"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn the_reason_after_the_answered_date_is_not_the_date() {
    let members = ["周敏", "林可", "韦海"];
    let ex = run(
        "韦海 10:02\n网点的排队时长这个月明显变长了。\n\n周敏 10:03\n韦海你把三个网点的排队数据拉一下，按时段对比。\n\n韦海 10:04\n好的，要多久？\n\n周敏 10:05\n下周二吧，我周三要跟分管领导汇报。\n\n韦海 10:05\n行。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("排队数据"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["韦海"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-17"));
}

#[test]
fn work_offered_as_a_question_and_agreed_with_a_date() {
    let members = ["周敏", "林可", "韦海"];
    let ex = run(
        "开户进度沟通\n\n周敏：今年新开户离目标还差三百户。\n林可：差得比较多的是城东。\n周敏：城东的情况大家都清楚。\n林可：那我先把城东的未开户名单按客户经理拆出来？\n周敏：可以，不急，3月20日前给我就行。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("城东的未开户名单"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["林可"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn taking_a_part_of_shared_work_is_no_work_of_its_own() {
    let members = ["周敏", "林可", "韦海"];
    let ex = run(
        "回访安排\n\n林可：上周回访完成了一百二十户。\n周敏：剩下四十户的回访电话韦海你和林可分一下，本周内打完，结果记在表里。\n韦海：好，我负责城东那部分。\n林可：收到。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("回访电话"), "{t:?}");
    assert!(owners(&ex)[0].contains(&"韦海".to_owned()), "{:?}", owners(&ex));
}

#[test]
fn a_reported_view_with_a_suggestion_is_no_work() {
    let members = ["柯文", "潘越", "韦海"];
    let ex = run(
        "经纪业务周例会（3月10日）\n\n一、讨论事项\n1. 夜盘客服：柯文提出夜盘时段排班太紧，建议增加两个弹性班次。\n2. 网点改造：潘越说老城区客户习惯现金业务，建议保留一台存取款机。\n\n二、会后事项\n1. 柯文3月13日前出夜盘排班调整方案。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("排班调整方案"), "{t:?}");
}

#[test]
fn a_suggestion_given_as_work_stays_work() {
    let members = ["柯文", "潘越", "韦海"];
    let ex = run(
        "经纪业务周例会（3月10日）\n\n会后事项\n1. 建议柯文3月13日前把夜盘排班表重新排一版。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("夜盘排班表"), "{t:?}");
}

#[test]
fn asked_when_by_the_giver_with_the_clock_before_the_name() {
    let members = ["周敏", "林可", "韦海"];
    let ex = run(
        "文字记录：营业部周会\n\n00:00:08 周敏\n先看一下上周的开户数据。\n\n00:01:15 林可\n周总，我这边再补一句，城东上周销户多了20户，主要是转到别家的。\n\n00:01:50 周敏\n嗯，这个要查一下。小林你能不能把这20户按转出去向列一下？\n\n00:02:02 林可\n可以，按券商分。\n\n00:02:10 周敏\n什么时候能出来？\n\n00:02:16 林可\n这周事多，下周一吧。\n\n00:02:20 周敏\n行。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("按转出去向列一下"), "{t:?}");
    assert_eq!(owners(&ex)[0], ["林可"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-16"));
}

#[test]
fn a_helper_called_brother_or_sister_stays_a_helper() {
    let members = ["周敏", "钟离越", "谷婷"];
    let ex = run(
        "周敏：春节活动大家有什么想法？\n谷婷：今年想改成分层邀约，线下小范围。\n钟离越：线下的话预算要重新报。\n周敏：方向我同意。婷婷你先出个方案，越哥你帮她看预算那块，1月16号之前给我。\n谷婷：好。\n",
        &members,
    );
    let o = owners(&ex);
    assert_eq!(o.len(), 1, "{:?} {o:?}", texts(&ex));
    assert_eq!(o[0], ["谷婷", "钟离越"]);
}

#[test]
fn a_bare_verb_hands_over_the_work_named_just_before() {
    let members = ["周敏", "林可", "韦海"];
    let ex = run(
        "[00:10] 周敏：先过一下上周的事。\n[00:40] 林可：总部要的网点改造进度表，模板昨天发下来了。\n[01:05] 周敏：林可你填，韦海帮她核一下面积数据，下周三交。\n[01:20] 韦海：没问题。\n[01:40] 周敏：客户告知书加一段风险提示。小韦你改，周五前发出来。\n[01:50] 韦海：好。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("网点改造进度表"), "{t:?}");
    assert!(t[1].contains("风险提示"), "{t:?}");
}

#[test]
fn who_stands_in_while_someone_is_away_is_no_work() {
    let members = ["柯文", "潘越", "韦海"];
    let ex = run(
        "柜台差错周会（3月10日）\n\n柯文休假，他的复核工作这周由潘越代\n本周差错2笔，均已更正\n韦海周五前把差错台账补全\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("差错台账"), "{t:?}");
}
