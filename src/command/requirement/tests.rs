//! Tests of the `/需求` parser: submission forms, triage subcommands, errors, round trips.

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;
use crate::calendar::Calendar;
use serde_json::json;

use crate::command::{Command, Context, Mention, ParseError, parse, render};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{OpenId, Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;

fn now() -> Timestamp {
    "2026-03-11T10:00:00+08:00".parse().unwrap()
}

fn cal() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(Calendar::builtin)
}

fn ctx() -> Context<'static> {
    Context {
        now: now(),
        calendar: cal(),
        is_reply: false,
    }
}

fn p(n: u32, name: &str) -> Person {
    Person {
        open_id: OpenId(format!("ou_{n}")),
        name: name.to_owned(),
    }
}

fn mentions() -> Vec<Mention> {
    vec![Mention {
        key: "@_user_1".to_owned(),
        person: p(1, "钱七"),
    }]
}

fn ok(text: &str) -> ReqCmd {
    match parse(text, &mentions(), &ctx()) {
        Ok(Some(Command::Requirement(c))) => c,
        other => panic!("{text}: {other:?}"),
    }
}

fn err(text: &str) -> RequirementParseError {
    match parse(text, &mentions(), &ctx()) {
        Err(ParseError::Requirement(e)) => e,
        other => panic!("{text}: {other:?}"),
    }
}

fn submitted(text: &str) -> NewReq {
    match ok(text) {
        ReqCmd::Submit(n) => n,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_title_alone_is_a_submission() {
    let n = submitted("/需求 两融客户到期 提醒");
    assert_eq!(n.title, "两融客户到期 提醒");
    assert_eq!(n.priority, Priority::P2);
    assert_eq!((n.unit, n.contact, n.expected), (None, None, None));
}

#[test]
fn the_multi_line_form_fills_every_field() {
    let n = submitted(
        "/需求 两融客户到期提醒\n提出单位：杭州分公司\n场景：客户合约到期前 一周提醒\n期望上线时间：12月31日\n\
         优先级：高\n联系人：@_user_1\n说明：需要短信和APP推送\n另外请支持批量导出",
    );
    assert_eq!(n.title, "两融客户到期提醒");
    assert_eq!(n.unit.as_deref(), Some("杭州分公司"));
    assert_eq!(n.scenario.as_deref(), Some("客户合约到期前 一周提醒"));
    assert_eq!(n.expected.unwrap().at.to_string(), "2026-12-31T10:00:00Z");
    assert_eq!(n.priority, Priority::P1);
    assert_eq!(n.contact, Some(p(1, "钱七")));
    assert_eq!(
        n.description.as_deref(),
        Some("需要短信和APP推送\n另外请支持批量导出")
    );
}

#[test]
fn fields_may_share_the_title_line_and_aliases_work() {
    let n = submitted("/req 开户流程优化 营业部：宁波营业部 优先级：P0 @_user_1");
    assert_eq!(n.title, "开户流程优化");
    assert_eq!(n.unit.as_deref(), Some("宁波营业部"));
    assert_eq!(n.priority, Priority::P0);
    assert_eq!(n.contact, Some(p(1, "钱七")));
    let n = submitted("/需求 开户流程优化 @_user_1");
    assert_eq!(n.title, "开户流程优化");
    assert_eq!(n.contact, Some(p(1, "钱七")));
}

#[test]
fn submission_errors_are_explained() {
    assert_eq!(err("/需求 @_user_1"), RequirementParseError::MissingTitle);
    assert!(matches!(
        err(&format!("/需求 {}", "长".repeat(201))),
        RequirementParseError::TitleTooLong { chars: 201 }
    ));
    assert!(matches!(
        err("/需求 标题\n期望上线时间：2月30日"),
        RequirementParseError::BadDeadline(_)
    ));
    assert!(matches!(
        err("/需求 标题\n优先级：很急"),
        RequirementParseError::BadPriority { .. }
    ));
    assert_eq!(err("/需求 标题\n联系人：钱七"), RequirementParseError::BadContact);
    assert!(
        err("/需求 标题\n联系人：钱七")
            .to_string()
            .contains("/需求 两融客户到期提醒 ⏎ 提出单位")
    );
}

#[test]
fn new_opens_the_form() {
    assert_eq!(ok("/需求 新建"), ReqCmd::Form);
    assert_eq!(ok("/req new"), ReqCmd::Form);
}

#[test]
fn accept_with_no_project_an_existing_one_or_a_new_one() {
    let id = RequirementId(5);
    assert_eq!(
        ok("/需求 受理 XQ-5"),
        ReqCmd::Accept {
            id,
            target: AcceptTarget::None
        }
    );
    assert_eq!(
        ok("/需求 受理 XQ-5 XM-3"),
        ReqCmd::Accept {
            id,
            target: AcceptTarget::Project(ProjectId(3))
        }
    );
    assert_eq!(
        ok("/需求 受理 xq5 新建项目 @_user_1"),
        ReqCmd::Accept {
            id,
            target: AcceptTarget::NewProject {
                owner: Some(p(1, "钱七"))
            }
        }
    );
    assert_eq!(
        err("/需求 受理 XQ-5 3"),
        RequirementParseError::BadTarget {
            input: "3".to_owned()
        }
    );
}

#[test]
fn merge_reject_ask_and_supplement() {
    assert_eq!(
        ok("/需求 合并 XQ-5 XQ-2"),
        ReqCmd::Merge {
            id: RequirementId(5),
            into: RequirementId(2)
        }
    );
    assert_eq!(
        err("/需求 合并 XQ-5"),
        RequirementParseError::MissingId { command: "合并" }
    );
    assert_eq!(
        ok("/需求 驳回 XQ-5 监管 不允许"),
        ReqCmd::Reject {
            id: RequirementId(5),
            reason: "监管 不允许".to_owned()
        }
    );
    assert_eq!(
        err("/需求 驳回 XQ-5"),
        RequirementParseError::MissingText { command: "驳回" }
    );
    assert_eq!(
        ok("/需求 待补充 XQ-5 客户数量"),
        ReqCmd::AskInfo {
            id: RequirementId(5),
            what: "客户数量".to_owned()
        }
    );
    assert_eq!(
        err("/需求 待补充 XQ-5"),
        RequirementParseError::MissingText { command: "待补充" }
    );
    assert_eq!(
        ok("/需求 补充 XQ-5 约3000户"),
        ReqCmd::Supplement {
            id: RequirementId(5),
            text: "约3000户".to_owned()
        }
    );
    assert_eq!(
        err("/需求 补充 XQ-5"),
        RequirementParseError::MissingText { command: "补充" }
    );
    assert!(matches!(
        err("/需求 补充 材料"),
        RequirementParseError::BadId {
            command: "补充", ..
        }
    ));
}

#[test]
fn show_list_board_help() {
    assert_eq!(ok("/需求 查看 XQ-5"), ReqCmd::Show(RequirementId(5)));
    assert_eq!(ok("/需求 列表"), ReqCmd::List(ReqFilter::Open));
    assert_eq!(ok("/需求 列表 待受理"), ReqCmd::List(ReqFilter::Pending));
    assert_eq!(ok("/需求 列表 我的"), ReqCmd::List(ReqFilter::Mine));
    assert_eq!(ok("/req list all"), ReqCmd::List(ReqFilter::All));
    assert!(matches!(
        err("/需求 列表 逾期"),
        RequirementParseError::UnknownFilter { .. }
    ));
    assert!(matches!(
        err("/需求 看板 全部"),
        RequirementParseError::TrailingInput {
            command: "看板", ..
        }
    ));
    assert_eq!(ok("/需求 看板"), ReqCmd::Board);
    assert_eq!(ok("/需求"), ReqCmd::Help);
    assert_eq!(ok("/需求 帮助"), ReqCmd::Help);
}

#[test]
fn an_unknown_word_before_a_requirement_number_wants_help() {
    let e = parse("/需求 删除 XQ-3", &[], &ctx()).unwrap_err();
    assert!(e.wants_help());
    assert_eq!(e.help_commands(), crate::command::spec::REQUIREMENT_COMMANDS);
    // A title that merely mentions a number is still a submission.
    assert!(matches!(ok("/需求 优化 3号 报表"), ReqCmd::Submit(_)));
}

#[test]
fn every_help_example_parses() {
    for spec in crate::command::spec::REQUIREMENT_COMMANDS {
        let (text, ms) = crate::command::cli_mentions(spec.example);
        assert!(
            matches!(parse(&text, &ms, &ctx()), Ok(Some(Command::Requirement(_)))),
            "{}",
            spec.example
        );
    }
}

#[test]
fn json_names_the_family() {
    assert_eq!(
        Command::Requirement(ok("/需求 受理 XQ-5 XM-3")).to_json(),
        json!({"command": "req.accept", "id": "XQ-5", "target": "project", "project": "XM-3", "owner": null})
    );
    let v = Command::Requirement(ok("/需求 标题\n期望上线时间：12月31日")).to_json();
    assert_eq!(v["expected"], json!("2026-12-31T18:00:00+08:00"));
    assert_eq!(v["command"], json!("req.submit"));
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z一-龥]{1,6}", 1..4).prop_map(|w| w.join(" "))
}

fn id() -> impl Strategy<Value = RequirementId> {
    (1u64..10_000).prop_map(RequirementId)
}

fn person() -> impl Strategy<Value = Person> {
    (1u32..30, "[张李王][一-龥]{1,2}").prop_map(|(n, name)| p(n, &name))
}

fn submission() -> impl Strategy<Value = ReqCmd> {
    (
        text(),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(1i64..200 * 1440),
        proptest::sample::select(Priority::ALL.to_vec()),
        proptest::option::of(person()),
        proptest::option::of(text()),
    )
        .prop_map(|(title, unit, scenario, mins, priority, contact, description)| {
            ReqCmd::Submit(NewReq {
                title,
                unit,
                scenario,
                expected: mins.map(|m| Deadline {
                    at: now() + SignedDuration::from_mins(m),
                    has_time: true,
                }),
                priority,
                contact,
                description,
            })
        })
}

fn command() -> impl Strategy<Value = ReqCmd> {
    let target = prop_oneof![
        Just(AcceptTarget::None),
        (1u64..999).prop_map(|n| AcceptTarget::Project(ProjectId(n))),
        proptest::option::of(person()).prop_map(|owner| AcceptTarget::NewProject { owner }),
    ];
    let filter = prop_oneof![
        Just(ReqFilter::Open),
        Just(ReqFilter::Pending),
        Just(ReqFilter::Mine),
        Just(ReqFilter::All),
    ];
    prop_oneof![
        submission(),
        Just(ReqCmd::Form),
        (id(), target).prop_map(|(id, target)| ReqCmd::Accept { id, target }),
        (id(), id()).prop_map(|(id, into)| ReqCmd::Merge { id, into }),
        (id(), text()).prop_map(|(id, reason)| ReqCmd::Reject { id, reason }),
        (id(), text()).prop_map(|(id, what)| ReqCmd::AskInfo { id, what }),
        (id(), text()).prop_map(|(id, text)| ReqCmd::Supplement { id, text }),
        id().prop_map(ReqCmd::Show),
        filter.prop_map(ReqCmd::List),
        Just(ReqCmd::Board),
        Just(ReqCmd::Help),
    ]
}

proptest! {
    #[test]
    fn parse_inverts_render(cmd in command()) {
        let cmd = Command::Requirement(cmd);
        let (text, ms) = render(&cmd);
        prop_assert_eq!(parse(&text, &ms, &ctx()), Ok(Some(cmd)), "{}", text);
    }

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = parse(&format!("/需求 {s}"), &mentions(), &ctx());
        let _ = parse(&format!("/需求 标题\n{s}"), &mentions(), &ctx());
    }

    #[test]
    fn parse_never_panics_on_requirement_like_input(
        v in proptest::collection::vec(proptest::sample::select(vec![
            "/需求", "/req", " ", "\n", "受理", "合并", "驳回", "待补充", "补充", "列表", "新建项目",
            "XQ-5", "XM-3", "@_user_1", "联系人：", "优先级：", "期望上线时间：", "12月31日", "场景:", "\"", "标题",
        ]), 0..16)
    ) {
        let _ = parse(&v.concat(), &mentions(), &ctx());
    }
}
