//! Tests of the rules added once the eighth held-out set became tuning data (issue 16, ninth
//! round): English names paired with members in the attendee line, a deadline in an action
//! heading, a speaker label over clock-stamped lines, a
//! done clause before dated work in a decision, a less common surname before a title,
//! `X牵头、Y配合`, a span counted from an event,
//! a line marked as not tracked on its own, who the
//! work is handed to, a header typed with spaces, a timeline's clock times,
//! figures in brackets under an action heading. Each on phrasings of our
//! own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn an_english_name_beside_a_member_in_the_attendee_line_is_that_member() {
    let ex = run(
        "Weekly sync - 2026-03-11\nAttendees: Nora 孟冬, 柏青, Sam 苗青\n\nAction items\n- [ ] Nora: 整理 release notes，by 3月13日\n- [ ] Sam & 柏青: 补齐 smoke test，下周一前",
        &["孟冬", "柏青", "苗青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec!["苗青", "柏青"]]);
    // In a table's owner column, and written after the name in brackets.
    let ex = run(
        "参会：孟冬（Nora）、柏青\n\n| Owner | Action | Due |\n|---|---|---|\n| Nora | 确认 SLA 并回复客户 | 本周五 |",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_role_in_capitals_or_a_name_that_is_no_member_is_not_paired() {
    // `QA 苗青` is a role, not a name; `Tom 张三` names no member.
    let ex = run(
        "Attendees: QA 苗青, Tom 张三\n\nAction items\n- [ ] QA: 补齐 regression cases，by 3月13日",
        &["苗青"],
    );
    assert_ne!(owners(&ex), [["苗青"]]);
}

#[test]
fn a_deadline_in_an_action_heading_is_the_deadline_of_each_item_under_it() {
    let ex = run(
        "二、下列工作请于周五前完成：\n1. 网点巡检报告，孟冬\n2. 培训签到表，柏青，下周三前\n\n三、以下事项月底前完成：\n1. 完成存量客户回访，孟冬负责\n\n四、其他\n1. 孟冬负责整理会议纪要，下周一前",
        &["孟冬", "柏青"],
    );
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-18"),
            due_by_end_of("2026-03-31"),
            due_by_end_of("2026-03-16"),
        ]
    );
    // A heading naming a period to plan (`下周计划`) sets no deadline.
    let ex = run("## 下周工作计划\n- 孟冬整理网点巡检报告", &["孟冬"]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn a_speaker_label_over_a_stamped_line_is_the_speaker_and_the_stamp_no_deadline() {
    let ex = run(
        "周例会妙记\n\n孟冬：\n[00:00:10] 今天就两件事。\n柏青：\n[00:00:42] 巡检报告我来写，周五前发群里。\n孟冬：\n[00:01:05] 好的。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
    assert!(texts(&ex).iter().all(|t| !t.contains("00:")), "{:?}", texts(&ex));
}

#[test]
fn a_done_clause_before_dated_work_in_a_decision_is_its_background() {
    let ex = run(
        "## 会议决议\n1. 季度考核表已于昨天下发，各部门3月20日前完成自评。\n2. 网点巡检已全部完成，巡检报告已报送。",
        &["孟冬"],
    );
    assert_eq!(ex.items.len(), 1, "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
    // A forecast of work under way stays a report.
    let ex = run("## 会议决议\n1. 系统改造已完成八成，预计月底前完成。", &["孟冬"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_less_common_surname_before_a_title_of_two_characters_is_a_person() {
    let ex = run(
        "下一步\n1. 桑经理：整理网点巡检报告，周五前发群里\n2. 宫总助：跟进客户回访，3月20日前",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["桑经理"], ["宫总助"]]);
    // `…汇总到符晓燕处`: a given name's last character before `处` is no surname.
    let ex = run("下一步\n1. 各营业部3月20日前报送排期，汇总到孟晓燕处", &["孟冬"]);
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
}

#[test]
fn a_lead_then_a_helper_apart_by_a_pause_mark_are_both_owners() {
    for line in [
        "## 会议决议\n1. 考核方案另行制定（孟冬牵头、柏青配合），3月20日前报人力资源部。",
        "## 会议决议\n1. 考核方案另行制定，孟冬牵头、柏青配合，3月20日前报人力资源部。",
    ] {
        let ex = run(line, &["孟冬", "柏青"]);
        assert_eq!(owners(&ex), [["孟冬", "柏青"]], "{line}");
    }
}

#[test]
fn a_span_counted_from_an_event_sets_no_deadline() {
    let ex = run(
        "## 会议决议\n1. 孟冬负责培训的通讯稿，培训结束后三个工作日内在内网发布。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
    // Counted from the meeting (`会后`), it is a deadline.
    let ex = run(
        "## 会议决议\n1. 孟冬负责会议纪要，会后三个工作日内发出。",
        &["孟冬"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn a_line_marked_as_not_tracked_on_its_own_is_no_item() {
    for line in [
        "四、其他\n活动期间每天晚上通报进度，由孟冬负责汇总（每日执行，不单独跟踪）。",
        "下一步\n1. 假期期间孟冬保持电话畅通，周五前报备行程（常规要求）",
        "下一步\n1. 孟冬继续负责客户回访跟踪（日常工作）",
    ] {
        let ex = run(line, &["孟冬"]);
        assert!(ex.items.is_empty(), "{line}: {:?}", texts(&ex));
    }
    // `日常工作` in the work itself is no remark.
    let ex = run("下一步\n1. 孟冬周五前梳理部门日常工作流程", &["孟冬"]);
    assert_eq!(ex.items.len(), 1);
}

#[test]
fn who_the_work_is_handed_in_to_is_no_owner_but_who_it_is_handed_over_to_is() {
    let ex = run(
        "下一步\n1. 方案初稿：孟冬、柏青分别起草，下周三前交苗青汇总",
        &["孟冬", "柏青", "苗青"],
    );
    assert_eq!(owners(&ex), [["孟冬", "柏青"]]);
    let ex = run(
        "| 问题 | 负责人 | 进展 |\n|---|---|---|\n| 巡检记录缺失 | 孟冬 | 仍未解决，转给苗青跟进，3月20日前补齐记录 |",
        &["孟冬", "柏青", "苗青"],
    );
    assert_eq!(owners(&ex), [["苗青"]]);
}

#[test]
fn a_header_typed_with_spaces_for_colons_is_the_meeting_record() {
    let ex = run(
        "3.14 周六 营业部小会 记录人 小孟（孟冬）\n参会 柏总 孟冬 苗青\n\n1 孟冬下周一前把排班表发群里",
        &["孟冬", "苗青"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_clock_time_opening_a_timeline_entry_is_no_deadline() {
    let text = "事件复盘 2026-03-10\n\n经过\n- 10:15 on-call 孟冬 acknowledged\n- 10:31 孟冬 定位到连接池配置问题\n\n后续\n- 孟冬 10:00前提交复盘报告";
    let cal = super::testkit::cal();
    let people = [super::testkit::person("孟冬")];
    let ex = super::extract(
        text,
        &[],
        &people,
        "2026-03-10T09:00:00+08:00".parse().unwrap(),
        cal,
    );
    assert_eq!(ex.items.len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("复盘报告"));
}

#[test]
fn figures_in_brackets_under_an_action_heading_say_what_the_work_is() {
    let ex = run(
        "二、以下事项请于周五前完成：\n1. 重点客户名单（按资产50万、300万两档），孟冬\n2. 网点巡检报告，苗青",
        &["孟冬", "苗青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["苗青"]]);
    // Outside an action section, a report with figures in brackets stays a report.
    let ex = run("一、情况通报\n1. 新开户（较上月增长12%），孟冬", &["孟冬"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}
