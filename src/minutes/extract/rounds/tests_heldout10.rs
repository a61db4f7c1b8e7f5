//! Tests of the rules added once the tenth held-out set became tuning data (issue 16, eleventh
//! round): a measured span of minutes or hours (`平均响应8分钟`) is no deadline; work under way with
//! a day to meet (`进行中，12月15日前到货`) is carried over; a new setting (`自下周起调整为8:30`),
//! an event announced (`定于4月25日`), a plan sent later by others (`另行下发`), a time left open
//! (`待…后确定`) and an event's `主题：` are no tasks; `一、X（以下事项请于…前完成）` heads a list and
//! gives its deadline; a member right after the unit opening the line owns the work (`信息技术部X导出…`,
//! `请…部侯嘉明做好…`, no shorter name cut out of a member's); what was done at the meeting
//! (`确认了…`) is reported; a two-letter English name beside a member in brackets (`Lu (甘露)`) is
//! that member; a checklist line titling a `结论：` block keeps its own owner and date; `活动前一天`
//! is no span from the meeting; work partly done (`已完成80%`) with a day for the rest is carried
//! over; in a terse note a member after a space, then a date, owns the work, and so does one right
//! after a role word (`实施人X`). Each on phrasings
//! of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_measured_span_of_minutes_or_hours_is_no_deadline() {
    let ex = run(
        "三、供应商服务情况\n1. 甲公司（数据库）：全年工单90张，平均响应12分钟，人员更换1次，文档不完整。\n2. 乙公司（网络）：故障恢复平均用时1小时20分钟，服务稳定。\n3. 灾备演练已完成，RTO为35分钟。",
        &["孟冬"],
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
    // A span with its own 内 is a time limit still.
    let ex = run("二、工作安排\n1. 孟冬负责主机重启，2小时内完成。", &["孟冬"]);
    assert_eq!(dues(&ex), [Some("2026-03-10T19:00:00+08:00".to_owned())]);
}

#[test]
fn work_under_way_with_a_day_to_meet_is_carried_over() {
    let ex = run(
        "一、上次会议事项跟踪\n1. 客户回访名单核对 —— 孟冬 —— 已完成\n2. 机房巡检报告 —— 孟冬 —— 进行中，3月17日前交初稿\n3. 宣传物料印制 —— 柏青 —— 进行中，3月20日前到货\n4. 网络设备巡检：进行中，预计下周完成（柏青）\n5. 系统切换 —— 孟冬 —— 推进中，预计3月20日前完成",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-17"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn settings_events_and_plans_sent_later_are_no_tasks() {
    let ex = run(
        "二、工作安排\n1. 孟冬负责客户名单汇总，3月20日前完成。\n2. 晨会时间自下周起调整为9:30（会议决定）\n3. 年度方案由总部另行下发。\n4. 揭牌时间待装修验收通过后确定。\n- 沙龙定于3月28日（周六）下午，地点三楼会议室，规模30人\n- 主题：二季度市场展望，主讲嘉宾为首席分析师",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    // A date set for someone's work (`定在…`) and a new date (`改为…`) stay deadlines.
    let ex = run(
        "1. 柏青负责迁址告知短信\n  发送时间定在3月16日\n2. 孟冬：名单核对——未完成，改为3月13日完成",
        &["孟冬", "柏青"],
    );
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-16"), due_by_end_of("2026-03-13")]
    );
}

#[test]
fn a_numbered_heading_whose_note_introduces_the_list_gives_its_deadline() {
    let ex = run(
        "一、迁址准备（以下事项请于3月20日前完成）\n（一）技术准备\n1. 网络专线开通——孟冬\n2. 机房设备搬迁方案——孟冬、柏青\n（二）客户服务\n1. 迁址告知短信——柏青\n\n二、其他\n1. 开业仪式定于3月28日举行。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec!["孟冬", "柏青"], vec!["柏青"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20"); 3]);
}

#[test]
fn a_member_after_a_department_owns_the_work() {
    for (line, who) in [
        (
            "3. 信息技术部秦晓岚导出各系统权限清单，三个工作日内完成。",
            "秦晓岚",
        ),
        (
            "3. 请信息技术部侯嘉明做好设备接入的技术准备，具体时间待定。",
            "侯嘉明",
        ),
        ("3. 运营管理部祖凌云牵头核对账户清单，3月20日前完成。", "祖凌云"),
    ] {
        let ex = run(&format!("二、工作安排\n{line}"), &[who, "孟冬"]);
        assert_eq!(owners(&ex), [[who]], "{line}");
    }
}

#[test]
fn what_was_done_at_the_meeting_with_le_is_reported() {
    let ex = run(
        "三、时间安排\n孟冬确认了申报材料的时间表。\n柏青明确了分工。\n\n待办\n- 孟冬：补充审计底稿，3月20日前",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_two_letter_english_name_beside_a_member_in_brackets_is_that_member() {
    let ex = run(
        "Attendees: Grace (孟冬), Jo Bai (柏青, Ops)\n\n## Action items\n| # | Item | Owner | Due |\n|---|---|---|---|\n| 1 | Vendor contract review | Grace (孟冬), support: Jo (柏青) | 3月20日 |\n| 2 | Test environment request | Jo (柏青) | 3月13日 |",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬", "柏青"], vec!["柏青"]]);
}

#[test]
fn a_titled_checklist_line_over_a_conclusion_keeps_its_owner_and_date() {
    let ex = run(
        "新增事项\n⬜ 5. 自查报告上报稽核部——孟冬——下周一\n\n本次跟踪结论：已完成2项，进行中3项。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-16")]);
}

#[test]
fn the_day_before_an_event_is_no_span_from_the_meeting() {
    let ex = run("## 分工\n- 场地布置由孟冬跟进，活动前一天完成", &["孟冬"]);
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn work_partly_done_with_a_day_for_the_rest_is_carried_over() {
    let ex = run(
        "一、上次事项跟踪\n1. 客户名单分配——孟冬——已完成80%，剩余部分下周二前完成\n2. 宣传物料——柏青——已完成",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-17")]);
}

#[test]
fn in_a_terse_note_a_member_after_a_space_then_a_date_owns_the_work() {
    let ex = run(
        "安全检查碰头 3/10\n应急灯损坏4个 孟冬本周内更换\n疏散通道已清",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn a_role_word_straight_before_a_member_names_the_owner() {
    let ex = run(
        "紧急变更评审 3月10日\n交易网关补丁升级 批准 今晚11点前完成 实施人孟冬\n回退方案已备好",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [Some("2026-03-10T23:00:00+08:00".to_owned())]);
}
