//! Rules found on heldout22 (tuning data since the twenty-third set): a heading due by a holiday
//! written with its `节` or by the first working day after it (`一、端午节前完成`,
//! `二、春节后第一个工作日完成`) dates the work under it, even work whose own words name the
//! holiday (`端午粽子发放`); a date, a unit and a person alone under the title
//! (`3月10日　财富管理部　某某`) say who wrote the minutes, and so does a title with its date in
//! brackets and a lead (`…周推进表（2026年3月10日） 牵头：某某`); `均两周内完成` dates every piece of
//! work on its line; a dated sub-point `（1）3月20日前报合规部` dates the undated item above it;
//! with no one named, `（常规）`, `按值班表保障` and `另行部署` are standing or later work, no task;
//! `落实：冬梅补充…` names the member 严冬梅 by the given name; `（一）数据质量` under
//! `二、下半年工作安排` is planned work, not a report; `…海报改到下周二下班前交` with no one named
//! moves the deadline of the listed work it names; `上传` is a task verb (`【某某】将题库上传…`).
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn holiday_headings_date_the_work_under_them() {
    let ex = run(
        "后勤保障会　3月10日（周二）\n\n一、端午节前完成\n1. 端午粽子发放，严冬负责。\n2. 柳青统计值班人员名单。\n\n二、端午节后第一个工作日完成\n1. 孟河汇总食堂满意度问卷。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    for it in &ex.items {
        assert!(it.deadline.is_some(), "{it:?}");
    }
}

#[test]
fn a_date_unit_and_writer_line_under_the_title_is_no_task() {
    let ex = run(
        "理财产品适当性复查会\n3月10日　财富管理部　严冬\n\n【柳青】整理双录抽查清单，3月13日前完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("双录抽查清单"), "{t:?}");
}

#[test]
fn both_before_a_deadline_dates_every_piece_of_work_on_the_line() {
    let ex = run(
        "二、工作安排\n1. 严冬负责核对客户名单；柳青负责整理回访记录，均两周内完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(ex.items[0].deadline, ex.items[1].deadline, "{t:?}");
    assert!(ex.items[0].deadline.is_some(), "{t:?}");
}

#[test]
fn a_dated_sub_point_under_an_undated_item_gives_it_its_deadline() {
    let ex = run(
        "二、后续工作\n1. 严冬牵头，柳青配合，完成客户回访方案，\n（1）3月20日前报合规部；\n2. 孟河负责更新话术，周五前完成。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("客户回访方案"), "{t:?}");
    assert!(ex.items[0].deadline.is_some(), "{t:?}");
    assert_eq!(owners(&ex)[0], ["严冬", "柳青"]);
}

#[test]
fn a_title_with_its_bracketed_date_and_lead_is_no_task() {
    let ex = run(
        "系统切换周推进表（2026年3月10日） 牵头：严冬\n\n⬜ 行情系统切换 — 柳青 — 3月20日前\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("行情系统切换"), "{t:?}");
}

#[test]
fn standing_and_later_arranged_lines_under_an_action_heading_propose_nothing() {
    let ex = run(
        "三、后续安排\n1. 严冬牵头，柳青配合，统一升级行情网关，下周三下班前完成。\n2. 第五批网点改造计划于春节后另行部署。\n3. 春节期间交易系统变更冻结，按值班表保障。\n4. 下月对账仍按双人复核执行（常规）。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("行情网关"), "{t:?}");
}

#[test]
fn a_given_name_opening_a_field_is_the_member() {
    let ex = run(
        "二、反馈问题及落实\n问题1：底稿不完整。\n落实：冬梅补充资金流水核查，三个工作日内完成。\n",
        &["严冬梅", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("资金流水核查"), "{t:?}");
    assert_eq!(owners(&ex), [["严冬梅"]]);
}

#[test]
fn a_sub_topic_under_planned_work_is_planned_work() {
    let ex = run(
        "一、上半年情况\n（一）数据质量\n1. 已整改问题 20 个。\n\n二、下半年工作安排\n（一）数据质量\n1. 严冬负责编制数据质量考核办法，\n（1）9月底前形成初稿；\n（2）办法评审由柳青组织，时间另定。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("数据质量考核办法"), "{t:?}");
    assert!(ex.items[0].deadline.is_some(), "{t:?}");
    assert_eq!(owners(&ex), [["严冬"], ["柳青"]]);
}

#[test]
fn a_later_line_moving_listed_work_changes_its_deadline() {
    let ex = run(
        "一、活动安排\n1. 严冬负责客户沙龙海报设计，本周五前完成。\n2. 柳青联系场地，3月20日前回复。\n\n二、会后补充\n因主讲人调整，客户沙龙海报改到下周二下班前交。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    let due = ex.items[0].deadline.unwrap();
    let want = run("一、安排\n1. 严冬负责海报设计，下周二下班前完成。\n", &["严冬"]).items[0]
        .deadline
        .unwrap();
    assert_eq!(due, want, "{t:?}");
}

#[test]
fn uploading_is_work_in_a_bracket_labelled_list() {
    let ex = run(
        "合规培训后续工作\n\n【严冬】组织补考，3月20日前完成。\n【柳青】将考试题库上传学习平台，明天中午前。\n【孟河】汇总培训反馈，下周一交。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[1].contains("考试题库上传学习平台"), "{t:?}");
    assert_eq!(owners(&ex)[1], ["柳青"]);
}
