//! Rules found on heldout55 (tuning data since the fifty-second round): a member's name alone on
//! its line (no colon, no marker) over a bulleted list heads that person's tasks, and so does a
//! bulleted name (`▶ 某某`) over items under another bullet glyph at the same indent; a remark
//! that a duty is routine for a period (`（汛期常规动作）`) keeps it off the list; `年前完成` as a
//! heading dates the work under it (the last working day before 春节); a `问题复盘` section
//! reviews what went wrong, no work; a note-taking tool's footer (`本纪要由AI生成`) ends a to-do
//! list and is no task; a clause saying only that the time is open (`…回来之前不定时间`) stays
//! with the work before its `；`; a count of days (`（三天）`) and a word ending in 回/出
//! (`方案回来`) are nobody; a `是否…` question left to decide later (`…后再定`) gives no work;
//! `小韦你和青梅一起` shares the work with a member called by the given name; `由于某某` with a
//! member named 于… is that member, not `由于`; an owner slot `— TBD` after a dash is work still
//! to assign.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_bare_name_over_a_bulleted_list_owns_it() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "门店搬迁分工会\n主持：严冬\n\n【分工】\n\n韦海\n- 旧址租赁合同解约函，本周五前寄出\n- 新址网络专线报装，3月20日前\n\n柳青\n- 搬迁告客户通知（已于3月9日发出）\n- 客户资料箱打包清单，下周一前给严冬\n\n【其他】\n搬迁当天全员到岗。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t[0].contains("解约函") && t[1].contains("专线报装") && t[2].contains("打包清单"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["韦海"], vec!["柳青"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
    assert_eq!(dues(&ex)[2], due_by_end_of("2026-03-16"));
}

#[test]
fn a_bulleted_name_over_another_bullet_owns_those_items() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "机房迁移保障会\n\n按人分工如下：\n\n▶ 柳青\n· 备用电源切换演练方案，周四前交严冬\n· 演练问题清单整理后同步给值班组，以便统一口径\n\n▶ 韦海\n· 机柜标签核对，3月16日前完成\n\n其他：迁移期间停止一切非紧急变更。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"], vec!["柳青"], vec!["韦海"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-12"));
    assert_eq!(dues(&ex)[1], None);
}

#[test]
fn names_under_one_bullet_glyph_are_peers_not_heads() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "值班安排\n\n本周值班：\n- 韦海\n- 柳青\n- 周报模板更新，周五前完成\n",
        &members,
    );
    assert!(owners(&ex).iter().all(|o| o.is_empty()), "{:?}", owners(&ex));
}

#[test]
fn a_duty_marked_routine_for_a_period_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "汛期安全部署\n\n▶ 韦海\n· 地下车库排水泵：每天下班前巡查一次（汛期常规动作）\n· 防汛沙袋补购清单，周五前交柳青\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("沙袋补购"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海"]);
}

#[test]
fn a_heading_due_before_the_new_year_holiday_dates_its_items() {
    let members = ["韦海", "柳青"];
    // Said on 2026-02-04 (a Wednesday): 年前 is the last working day before 春节, Sat 02-14.
    let people: Vec<_> = members.iter().map(|n| super::testkit::person(n)).collect();
    let ex = super::extract(
        "渠道复盘会\n\n会议布置如下：\n\n（一）年前完成\n1. 合作券商返佣对账——韦海\n\n（二）2月27日前完成\n1. 渠道二季度投放计划——柳青\n",
        &[],
        &people,
        "2026-02-04T17:00:00+08:00".parse().unwrap(),
        super::testkit::cal(),
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-02-14"), due_by_end_of("2026-02-27")]
    );
}

#[test]
fn lines_under_a_problem_review_heading_are_no_tasks() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "门店活动复盘会\n\n一、问题复盘\n1. 有一场没有提前确认场地的投影设备，开场推迟半小时。\n2. 报名表字段不统一，部分客户两周后才回访。\n\n二、下一步工作\n1. 活动物料清单统一成一版模板，周五前完成（柳青）。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("物料清单"), "{t:?}");
}

#[test]
fn the_tools_generated_footer_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "智能纪要：门店周会\n参会人：韦海、柳青\n\n待办\n- 橱窗海报更换 @韦海 周五前\n- 会员积分规则答疑材料 @柳青 下周一\n\n本纪要由AI生成\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t.iter().all(|x| !x.contains("AI")), "{t:?}");
}

#[test]
fn a_clause_leaving_the_time_open_stays_with_the_work_before() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "分工：\n韦海：和物业谈停车位续租；合同草稿回来之前不定时间。\n柳青：门店消防通道标识更换，本周内完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("停车位续租"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海"]);
    assert_eq!(dues(&ex)[0], None);
}

#[test]
fn a_duration_in_brackets_is_nobody() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "上线倒排：\n3月12日（周四） 测试环境验收 —— 韦海\n3月16日—18日 集中联调（三天）\n3月20日（周五） 上线公告 —— 柳青\n",
        &members,
    );
    let t = texts(&ex);
    assert!(t.iter().all(|x| !x.contains("集中联调")), "{t:?}");
    assert!(owners(&ex).iter().all(|o| !o.iter().any(|n| n == "三天")));
}

#[test]
fn a_whether_question_left_to_decide_later_is_no_task() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "备注：\n1. 是否请外部讲师，韦海与分管领导沟通后再定。\n2. 培训签到表由柳青周五前打印。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("签到表"), "{t:?}");
}

#[test]
fn you_and_a_colleague_called_by_the_given_name_share_it() {
    let members = ["严冬", "韦海", "柳青梅"];
    let ex = run(
        "严冬 00:10\n小韦你和青梅一起出个排班方案，周四前给我。\n\n韦海 00:20\n好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海", "柳青梅"]);
}

#[test]
fn by_a_member_whose_surname_is_yu_is_no_because() {
    let members = ["于晓蕾", "柳青"];
    let ex = run(
        "一、本周内完成\n1. 客户回访话术（分三档）由于晓蕾起草，发柳青审核。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex)[0].first().map(String::as_str), Some("于晓蕾"));
}

#[test]
fn an_owner_slot_tbd_after_a_dash_is_still_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "Action items\n- Q3 client survey 问卷定稿 — 韦海, by 3月20日\n- Branch 培训 schedule — TBD, 待各分公司报名后确定\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("培训 schedule"), "{t:?}");
    assert!(owners(&ex)[1].is_empty());
}
