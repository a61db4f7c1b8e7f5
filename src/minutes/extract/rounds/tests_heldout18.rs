//! Tests of the rules added once the eighteenth and nineteenth held-out sets became tuning data
//! (issue 16, nineteenth round): a bold name after the dash (`—— **某某**`) owns the item; a member
//! between the work and a date before a short closing verb (`海报终稿某某节前送印`) owns it; a title
//! over the time and attendance lines heads the meeting; a name read alone after the closing dash
//! is the owner however the item opens (`T-5：… —— 某某`); `月中完成` heads work; a full date then
//! role fields is the meeting record; two follow-ups with the owner in brackets are two items; a
//! dated table row with a dash for its owner is a milestone; an English date before Chinese words
//! (`by Fri 出结果`) and a spaced month (`2 月底前`) are deadlines; what is left with a day of its
//! own (`还剩…，本周三前发完`) is carried over; `答（某某）：` names the answerer; a period whose day
//! is open (`5月下旬，具体日期待定`) is no deadline; a period opening a figure is no deadline; a
//! unit's head in its brackets owns no work; a span typed apart after an event is the event's; a
//! deadline field left open (`完成时间待定`) marks work.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn a_bold_name_after_the_dash_owns_the_item() {
    let ex = run(
        "筹备会\n\n## 待办\n1. 展台搭建与灯光测试 —— **林木**，5月9日完成\n2. 宣传册校对 —— **高远**、**林木**，周五上午",
        &["林木", "高远"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [vec!["林木"], vec!["高远", "林木"]]);
}

#[test]
fn a_member_between_the_work_and_a_date_before_a_short_verb_owns_it() {
    let ex = run(
        "安全月碰头：展板定稿龙飞国庆节前送印。\n分理处巡检记录白露9月20日前收齐。\n上月台账已归档。",
        &["龙飞", "白露"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["龙飞"], ["白露"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-09-30T18:00:00+08:00".to_owned()),
            Some("2026-09-20T18:00:00+08:00".to_owned())
        ]
    );
}

#[test]
fn a_title_over_the_time_and_attendance_lines_is_the_meeting_not_a_task() {
    let ex = run(
        "某公司可转债发行工作协调会\n时间：3月12日（周四）15:00 牵头：投行部 鲁平\n参会：鲁平、齐悦\n\n1. 评级报告由齐悦3月16日前拿到。",
        &["鲁平", "齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("评级报告"), "{t:?}");
    let ex = run(
        "### 某银行金融债 发行时间表（3月9日项目组会议确认）\n\n项目负责人：鲁平　参会：鲁平、齐悦\n\n| 日期 | 工作事项 | 负责人 |\n|---|---|---|\n| 3月20日 | 取得批复 | 齐悦 |",
        &["鲁平", "齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("取得批复"), "{t:?}");
}

#[test]
fn a_name_after_the_closing_dash_owns_an_item_that_opens_with_a_label() {
    let ex = run(
        "发行安排\n\n- T-4：完成发行公告定稿 —— 鲁平\n- T-2：向交易所报送备案材料 —— 齐悦",
        &["鲁平", "齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [["鲁平"], ["齐悦"]]);
}

#[test]
fn a_heading_naming_a_part_of_the_month_then_done_heads_work() {
    let ex = run(
        "迁移专项会\n\n一、本周五前完成\n1. 鲁平：回退方案报变更委员会。\n\n二、月中完成\n1. 齐悦：报送接口适配。\n\n三、已完成\n1. 测试环境迁移。",
        &["鲁平", "齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("报送接口适配"), "{t:?}");
    assert_eq!(owners(&ex), [["鲁平"], ["齐悦"]]);
}

#[test]
fn a_dated_header_with_a_role_field_is_the_meeting_record() {
    let ex = run(
        "终端替换检查单\n2026年3月16日（周一，节后首日） 负责人：鲁平\n\n- ⬜ 13 楼行情软件复测 —— 齐悦，3月18日前",
        &["鲁平", "齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("行情软件复测"), "{t:?}");
    let ex = run(
        "开门红方案讨论（飞书文档）\n更新于 2026年3月11日 17:00 · 作者 @鲁平\n\n## 待办\n- @齐悦 3月20日前出海报初稿",
        &["鲁平", "齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["齐悦"]]);
}

#[test]
fn two_follow_ups_of_one_person_with_their_name_in_brackets_are_two_items() {
    let ex = run(
        "周例会\n\n### 2. 齐悦\n- 本月新开户 5 户。\n- 跟进：王女士配置报告解读，本月底（齐悦）\n- 跟进：赵总赎回挽留沟通，三个工作日内（齐悦）",
        &["齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("赎回挽留"), "{t:?}");
}

#[test]
fn a_dated_timetable_row_with_a_dash_for_its_owner_is_a_milestone() {
    let ex = run(
        "发行时间表\n\n| 时点 | 日期 | 工作事项 | 负责人 |\n|---|---|---|---|\n| T-3 | 3月16日 | 发行公告挂网 | 齐悦 |\n| T | 3月19日 | 簿记建档 | — |\n| T+1 | 3月20日 | 缴款 | - |",
        &["齐悦"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("发行公告挂网"), "{t:?}");
    let ex = run(
        "迁址进度\n\n| 序号 | 工作项 | 主办 | 截止 | 状态 |\n|---|---|---|---|---|\n| 1 | 迁址告知公告 | — | 3月20日前 | 未开始 |",
        &["齐悦"],
    );
    assert_eq!(texts(&ex).len(), 1);
}

#[test]
fn an_english_date_before_the_chinese_words_of_the_work_is_its_deadline() {
    let ex = run(
        "Weekly sync\n\n## Action items\n1. Amy 龙飞：回访名单抽检 20 户，by Fri 出结果。\n2. Leo 白露：压测报告 next Tue 出（节假日值班同学处理）。",
        &["龙飞", "白露"],
    );
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-13T18:00:00+08:00".to_owned()),
            Some("2026-03-17T18:00:00+08:00".to_owned())
        ]
    );
}

#[test]
fn a_month_typed_apart_from_its_number_is_still_the_month() {
    let ex = run(
        "工作会\n\n## 重点工作\n1. 信息技术部 4 月底前报送年度预算明细。\n\n## 情况\n- 灾备中心 2 月 切换演练成功，RTO 18 分钟，达标。",
        &[],
    );
    assert_eq!(dues(&ex), [Some("2026-04-30T18:00:00+08:00".to_owned())]);
}

#[test]
fn what_is_left_of_someones_item_with_a_day_is_carried_over() {
    let ex = run(
        "晨会\n\n## 上期事项跟进\n1. 龙飞：首投礼品申领 —— 礼品已到，还剩 30 户未发放，本周五前发完。\n2. 白露：定投沙龙报名 —— 已完成，报名 40 人。\n3. 龙飞：双录复核 —— 完成 70%，剩余部分预计下周完成。",
        &["龙飞", "白露"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [["龙飞"]]);
}

#[test]
fn the_answerer_in_brackets_speaks_and_takes_what_they_say_they_will_do() {
    let ex = run(
        "答疑会（问答整理）\n参会：龙飞、白露、高远\n\n问：短信由谁发？\n答（龙飞）：白露负责，春节前发出第一轮短信。\n\n问：有没有统一话术？\n答（高远）：话术我来写，2月13日前发到群里。\n\n问：抽检标准定了吗？\n答（龙飞）：还没定。我3个工作日内出抽检标准初稿。",
        &["龙飞", "白露", "高远"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), [["白露"], ["高远"], ["龙飞"]]);
}

#[test]
fn a_period_whose_day_is_still_open_is_no_deadline() {
    let ex = run(
        "培训计划\n\n## 待办\n1. 营业部合规培训两场（龙飞、白露）——4月下旬，具体日期待定\n2. 培训签到表模板，白露3月20日前发群里。",
        &["龙飞", "白露"],
    );
    assert_eq!(texts(&ex).len(), 2);
    assert_eq!(dues(&ex), [None, Some("2026-03-20T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_period_that_dates_a_figure_is_no_deadline() {
    let ex = run(
        "周例会\n\n## 本周重点\n1. 龙飞：养老金账户开户活动，3月13日前出方案。\n2. 本周产品销售 1.8 亿元，其中固收+占 61%。",
        &["龙飞"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
}

#[test]
fn a_units_head_named_in_its_brackets_is_no_owner_of_work() {
    let ex = run(
        "安全检查整改通知\n时间：2026年3月10日 检查组长：白露\n被检查单位：城东营业部（负责人龙飞）\n\n1. 门禁记录保存不足：龙飞负责调整存储策略，本周五前完成。",
        &["龙飞", "白露"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("存储策略"), "{t:?}");
}

#[test]
fn a_span_typed_apart_after_an_event_is_counted_from_the_event() {
    let ex = run(
        "筹备会\n\n## 待办\n1. 活动新闻稿 —— 龙飞，活动结束后 2 天内",
        &["龙飞"],
    );
    assert_eq!(texts(&ex).len(), 1);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn someones_work_with_its_deadline_field_left_open_is_an_item() {
    let ex = run(
        "审计整改\n\n- 整改要求：补做私募双录，完成时间待定 —— 龙飞。\n- 备注：营业部负责人签字确认。",
        &["龙飞"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(dues(&ex), [None]);
}
