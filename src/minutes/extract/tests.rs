//! Tests of `minutes::extract`.

#![allow(clippy::unwrap_used)]

use super::testkit::{cal, person};
use super::*;
use crate::command::when::format_rfc3339;
use crate::domain::priority::Priority;
use crate::minutes::explain::Verdict;
use crate::minutes::owner::OwnerRef;
use crate::minutes::weights::Signal;
use proptest::prelude::*;

fn members() -> Vec<Person> {
    ["张三", "李四", "王五", "王芳"].into_iter().map(person).collect()
}

/// Tuesday 2026-03-10 17:00.
fn run(text: &str, mentions: &[Mention]) -> Extraction {
    extract(
        text,
        mentions,
        &members(),
        "2026-03-10T17:00:00+08:00".parse().unwrap(),
        cal(),
    )
}

fn due(item: &ActionItem) -> Option<String> {
    item.deadline.map(|d| format_rfc3339(d.at))
}

#[test]
fn the_three_line_shapes_of_the_issue_are_items() {
    let mentions = vec![Mention {
        key: "@_user_2".to_owned(),
        person: person("张三"),
    }];
    let ex = run(
        "@_user_2 负责合规自查，下周五前\n李四：更新限额表（3月20日）\n由王五牵头整理投诉台账月底完成",
        &mentions,
    );
    let texts: Vec<&str> = ex.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["合规自查", "更新限额表", "整理投诉台账"]);
    assert_eq!(ex.items[0].owners, vec![OwnerRef::Person(person("张三"))]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-20T18:00:00+08:00"));
    assert_eq!(ex.items[1].owners, vec![OwnerRef::Person(person("李四"))]);
    assert_eq!(ex.items[2].owners, vec![OwnerRef::Person(person("王五"))]);
    assert_eq!(due(&ex.items[2]).as_deref(), Some("2026-03-31T18:00:00+08:00"));
}

#[test]
fn titles_lose_the_owner_words_and_the_deadline_words() {
    let cases = [
        (
            "负责牵头梳理两融业务流程，本周五前提交初稿",
            Some("本周五前"),
            "梳理两融业务流程，提交初稿",
        ),
        (
            "负责牵头梳理两融业务流程，本周五前提交初稿",
            Some("本周五"),
            "梳理两融业务流程，提交初稿",
        ),
        (
            "配合整理投诉台账，请于3月20日前完成",
            Some("3月20日"),
            "整理投诉台账",
        ),
        ("更新限额表，3月20日", Some("3月20日"), "更新限额表"),
        ("梳理月底结账流程", Some("月底"), "梳理月底结账流程"),
        ("牵头", None, "牵头"),
        ("出具报告", None, "出具报告"),
    ];
    for (text, dt, want) in cases {
        assert_eq!(clean_title(text, dt), want, "{text}");
    }
}

#[test]
fn a_minutes_line_with_a_leftover_owner_word_and_deadline_gets_a_clean_title() {
    let mentions = vec![Mention {
        key: "@_user_2".to_owned(),
        person: person("张三"),
    }];
    let ex = run(
        "## 待办\n- @_user_2 负责牵头梳理两融业务流程，本周五前提交初稿",
        &mentions,
    );
    assert_eq!(ex.items.len(), 1);
    assert_eq!(ex.items[0].text, "梳理两融业务流程，提交初稿");
    assert!(ex.items[0].deadline.is_some());
}

#[test]
fn an_unknown_name_stays_unresolved_and_an_ambiguous_title_is_not_guessed() {
    let ex = run(
        "## 待办\n- 孙七：出具报告（3月20日）\n- 王总：审批方案\n- 张总：签字",
        &[],
    );
    assert_eq!(ex.items[0].owners, vec![OwnerRef::Unresolved("孙七".to_owned())]);
    // Two members are surnamed 王: 王总 stays unresolved; 张总 is the only 张.
    assert_eq!(ex.items[1].owners, vec![OwnerRef::Unresolved("王总".to_owned())]);
    assert_eq!(ex.items[2].owners, vec![OwnerRef::Person(person("张三"))]);
}

#[test]
fn a_refused_deadline_keeps_its_text() {
    let ex = run("待办：\n- 张三：尽快确认审批流程", &[]);
    assert_eq!(ex.items[0].deadline, None);
    assert_eq!(ex.items[0].deadline_text.as_deref(), Some("尽快"));
}

#[test]
fn done_checkboxes_and_discussion_lines_are_not_items() {
    let ex = run(
        "李四介绍了3月20日监管检查的安排。\n张三说上月的整改已完成。\n- [x] 王五 已提交材料\n- [ ] 王五 补充说明",
        &[],
    );
    assert_eq!(ex.items.len(), 1);
    assert_eq!(ex.items[0].text, "补充说明");
}

#[test]
fn decisions_without_owner_are_recorded_as_decisions() {
    let ex = run(
        "## 会议决议\n1. 同意调整可转债额度。\n2. 张三负责修订制度，3月31日前",
        &[],
    );
    assert_eq!(ex.decisions, vec!["同意调整可转债额度".to_owned()]);
    assert_eq!(ex.items.len(), 1);
}

#[test]
fn title_date_and_relative_deadlines_follow_the_stated_meeting_date() {
    let ex = run(
        "# 风控例会\n会议时间：2026年3月2日\n## 行动项\n- 张三 更新限额，下周五前",
        &[],
    );
    assert_eq!(ex.title.as_deref(), Some("风控例会"));
    assert_eq!(ex.meeting_date, Some(jiff::civil::date(2026, 3, 2)));
    // 下周五 from Monday 2026-03-02 is 03-13, not 03-20.
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-13T18:00:00+08:00"));
}

#[test]
fn tables_and_priorities_are_read() {
    let ex = run(
        "| 事项 | 负责人 | 截止 | 优先级 |\n|---|---|---|---|\n| 更新限额表 | 张三、李四 | 3月20日 | 高 |",
        &[],
    );
    assert_eq!(ex.items.len(), 1);
    assert_eq!(ex.items[0].owners.len(), 2);
    assert_eq!(ex.items[0].priority, Some(Priority::P1));
    let ex = run("待办：\n- 【紧急】张三：排查日志，明天中午12点前", &[]);
    assert_eq!(ex.items[0].priority, Some(Priority::P0));
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-11T12:00:00+08:00"));
}

#[test]
fn every_line_is_explained_with_its_score_and_reasons() {
    let (ex, traces) = explain(
        "## 经营情况\n- 本月新增有效户1.2万，同比上升12%\n- 上期整改事项已于上周关闭\n## 下一步\n- 张三负责修订制度，3月20日前",
        &[],
        &members(),
        "2026-03-10T17:00:00+08:00".parse().unwrap(),
        cal(),
    );
    assert_eq!(ex.items.len(), 1);
    let figures = traces.iter().find(|t| t.line == 2).unwrap();
    assert_eq!(figures.verdict, Verdict::NotItem);
    assert!(figures.signals.iter().any(|(s, _)| *s == Signal::Figures));
    assert!(figures.signals.iter().any(|(s, _)| *s == Signal::StatusSection));
    let closed = traces.iter().find(|t| t.line == 3).unwrap();
    assert!(closed.signals.iter().any(|(s, _)| *s == Signal::Done));
    let task = traces.iter().find(|t| t.line == 5).unwrap();
    assert_eq!(task.verdict, Verdict::Item);
    assert!(task.score() >= crate::minutes::weights::THRESHOLD);
    assert_eq!(
        traces.iter().find(|t| t.line == 4).unwrap().verdict,
        Verdict::Heading("行动")
    );
    let report = explain_report(
        "## 下一步\n- 张三负责修订制度，3月20日前",
        &["张三".to_owned()],
        "2026-03-10T17:00:00+08:00".parse().unwrap(),
        cal(),
    );
    assert!(report.contains("明确的负责人+3"), "{report}");
    assert!(
        report.contains("→ 修订制度 ｜ 张三 ｜ 2026-03-20T18:00:00+08:00"),
        "{report}"
    );
    assert!(report.contains("共 1 条待办"), "{report}");
}

#[test]
fn labelled_blocks_give_one_item_unless_rejected() {
    let ex = run(
        "需求1：公告位配置\n结论：通过\n责任人：张三、李四\n完成时限：3月20日\n\n需求2：券源查询\n结论：不通过\n责任人：王五\n\n需求3：名片小程序\n结论：同意，排期待定\n牵头人：王芳",
        &[],
    );
    let texts: Vec<&str> = ex.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["公告位配置", "名片小程序"]);
    assert_eq!(
        ex.items[0].owners,
        vec![OwnerRef::Person(person("张三")), OwnerRef::Person(person("李四"))]
    );
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-20T18:00:00+08:00"));
    assert_eq!(ex.items[1].deadline, None);
    assert_eq!(ex.decisions, vec!["券源查询".to_owned()]);
}

#[test]
fn owners_anywhere_in_the_line_are_kept_first_is_the_lead() {
    let ex = run(
        "会后工作：\n1. 质检抽样比例提高，张三牵头，李四、王五配合\n2. 知识库补充两融问答，大后天前——张三、王芳\n3. 回访异常处理：由合规部李四牵头，张三配合\n4. 半年度考核方案（王芳），尽快",
        &[],
    );
    let owners: Vec<Vec<&str>> = ex
        .items
        .iter()
        .map(|i| i.owners.iter().map(OwnerRef::name).collect())
        .collect();
    assert_eq!(
        owners,
        vec![
            vec!["张三", "李四", "王五"],
            vec!["张三", "王芳"],
            vec!["李四", "张三"],
            vec!["王芳"]
        ]
    );
    // No date: kept, to be shown as 截止待定.
    assert_eq!(ex.items[2].deadline, None);
    assert_eq!(ex.items[3].deadline, None);
}

#[test]
fn status_only_minutes_propose_nothing() {
    let ex = run(
        "# 月度经营分析会\n会议日期：2026年3月10日\n## 经营情况\n- 本月新增有效户1.2万，同比上升12%\n- 上期整改事项已于上周关闭\n- 开户系统春节版本测试——已执行，无问题\n## 会议意见\n- 各营业部要继续做好客户服务工作。\n- 关于考核方案，会议暂不决定。",
        &[],
    );
    assert_eq!(ex.items, vec![]);
}

proptest! {
    #[test]
    fn extraction_never_panics(s in "\\PC{0,300}") {
        let _ = run(&s, &[]);
    }

    #[test]
    fn minute_like_text_never_panics(s in "([-*#|①一、1.（）()：:，,张三李四王五负责牵头由月底下周五前3月20日\\[\\] x\n]{0,12}){0,20}") {
        let ex = run(&s, &[]);
        prop_assert!(ex.items.len() <= MAX_ITEMS);
    }
}
