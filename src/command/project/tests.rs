//! Tests of the `/项目` parser: one per rule and per error, render round trips, no panics.

use jiff::tz::{self, TimeZone};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::*;
use crate::calendar::Calendar;
use serde_json::json;

use crate::command::{Command, Context, Mention, ParseError, parse, render};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, OpenId, Person, ProjectId};

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
    vec![
        Mention {
            key: "@_user_1".to_owned(),
            person: p(1, "张三"),
        },
        Mention {
            key: "@_user_2".to_owned(),
            person: p(2, "李四"),
        },
    ]
}

fn ok(text: &str) -> ProjectCmd {
    match parse(text, &mentions(), &ctx()) {
        Ok(Some(Command::Project(c))) => c,
        other => panic!("{text}: {other:?}"),
    }
}

fn err(text: &str) -> ProjectParseError {
    match parse(text, &mentions(), &ctx()) {
        Err(ParseError::Project(e)) => e,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn new_takes_a_name_an_owner_and_an_optional_template() {
    assert_eq!(
        ok("/项目 新建 智能投顾 小程序改版 @_user_1"),
        ProjectCmd::Create {
            name: "智能投顾 小程序改版".to_owned(),
            owner: p(1, "张三"),
            template: None
        }
    );
    assert_eq!(
        ok("@_user_2 ／project new 两融系统 @_user_1 快速"),
        ProjectCmd::Create {
            name: "两融系统".to_owned(),
            owner: p(1, "张三"),
            template: Some("快速".to_owned())
        }
    );
}

#[test]
fn new_without_name_or_owner_is_explained() {
    assert_eq!(err("/项目 新建"), ProjectParseError::MissingName);
    assert_eq!(err("/项目 新建 @_user_1"), ProjectParseError::MissingName);
    assert_eq!(err("/项目 新建 两融系统"), ProjectParseError::MissingOwner);
    assert!(matches!(
        err(&format!("/项目 新建 {} @_user_1", "长".repeat(201))),
        ProjectParseError::NameTooLong { chars: 201 }
    ));
    assert!(matches!(
        err("/项目 新建 两融 @_user_1 模板 多余"),
        ProjectParseError::TrailingInput { .. }
    ));
}

#[test]
fn plan_takes_a_stage_an_owner_and_a_date_in_any_order() {
    let ProjectCmd::Plan {
        id,
        stage,
        owner,
        planned_end,
    } = ok("/项目 计划 XM-3 产品设计 @_user_2 12月10日")
    else {
        panic!()
    };
    assert_eq!(
        (id, stage.as_str(), owner),
        (ProjectId(3), "产品设计", Some(p(2, "李四")))
    );
    let end = planned_end.unwrap();
    assert_eq!(end.at.to_string(), "2026-12-10T10:00:00Z");
    assert!(!end.has_time);
    assert_eq!(
        ok("/项目 计划 xm3 2 12月10日 @_user_2"),
        ok("/项目 计划 XM-3 2 @_user_2 12月10日")
    );
    assert!(matches!(
        ok("/项目 计划 XM-3 测试升级 下周五"),
        ProjectCmd::Plan {
            owner: None,
            planned_end: Some(_),
            ..
        }
    ));
    assert!(matches!(
        ok("/项目 计划 XM-3 测试升级 @_user_1"),
        ProjectCmd::Plan {
            owner: Some(_),
            planned_end: None,
            ..
        }
    ));
}

#[test]
fn plan_errors_say_what_is_missing() {
    assert_eq!(err("/项目 计划 XM-3"), ProjectParseError::MissingStage);
    assert_eq!(err("/项目 计划 XM-3 @_user_1"), ProjectParseError::MissingStage);
    assert_eq!(err("/项目 计划 XM-3 产品设计"), ProjectParseError::NothingToPlan);
    assert!(matches!(
        err("/项目 计划 XM-3 产品设计 2月30日"),
        ProjectParseError::BadDeadline(_)
    ));
    assert!(matches!(
        err("/项目 计划 XM-3 产品设计 随便"),
        ProjectParseError::TrailingInput { .. }
    ));
    assert!(matches!(
        err("/项目 计划 XM-3 产品设计 @_user_1 @_user_2"),
        ProjectParseError::TrailingInput { .. }
    ));
    assert_eq!(
        err("/项目 计划 产品设计 @_user_1"),
        ProjectParseError::BadId {
            command: "计划",
            input: "产品设计".to_owned()
        }
    );
}

#[test]
fn advance_and_rollback() {
    assert_eq!(
        ok("/项目 推进 XM-3"),
        ProjectCmd::Advance {
            id: ProjectId(3),
            note: None
        }
    );
    assert_eq!(
        ok("/项目 推进 XM-3， 设计稿 已评审"),
        ProjectCmd::Advance {
            id: ProjectId(3),
            note: Some("设计稿 已评审".to_owned())
        }
    );
    assert_eq!(
        ok("/project rollback 3 口径变化"),
        ProjectCmd::Rollback {
            id: ProjectId(3),
            reason: "口径变化".to_owned()
        }
    );
    assert_eq!(err("/项目 退回 XM-3"), ProjectParseError::MissingReason);
    assert_eq!(
        err("/项目 推进"),
        ProjectParseError::MissingId { command: "推进" }
    );
}

#[test]
fn link_unlink_show_cancel() {
    assert_eq!(
        ok("/项目 关联 XM-3 DB-12"),
        ProjectCmd::Link {
            id: ProjectId(3),
            item: ItemId(12)
        }
    );
    assert_eq!(
        ok("/项目 取消关联 XM-3 db12"),
        ProjectCmd::Unlink {
            id: ProjectId(3),
            item: ItemId(12)
        }
    );
    assert_eq!(
        err("/项目 关联 XM-3"),
        ProjectParseError::MissingItem { command: "关联" }
    );
    assert_eq!(ok("/项目 查看 XM-3"), ProjectCmd::Show(ProjectId(3)));
    assert!(matches!(
        err("/项目 查看 XM-3 DB-1"),
        ProjectParseError::TrailingInput {
            command: "查看", ..
        }
    ));
    assert_eq!(
        ok("/项目 取消 XM-3 需求 撤回"),
        ProjectCmd::Cancel {
            id: ProjectId(3),
            reason: Some("需求 撤回".to_owned())
        }
    );
}

#[test]
fn list_board_and_help() {
    assert_eq!(ok("/项目 列表"), ProjectCmd::List(ProjectFilter::Active));
    assert_eq!(ok("/项目 列表 进行中"), ProjectCmd::List(ProjectFilter::Active));
    assert_eq!(ok("/项目 列表 我的"), ProjectCmd::List(ProjectFilter::Mine));
    assert_eq!(ok("/项目 列表 延期"), ProjectCmd::List(ProjectFilter::Late));
    assert_eq!(ok("/project list all"), ProjectCmd::List(ProjectFilter::All));
    assert_eq!(
        err("/项目 列表 逾期"),
        ProjectParseError::UnknownFilter {
            word: "逾期".to_owned()
        }
    );
    assert_eq!(ok("/项目 看板"), ProjectCmd::Board { all: false });
    assert_eq!(ok("/项目 看板 全部"), ProjectCmd::Board { all: true });
    assert_eq!(ok("/项目"), ProjectCmd::Help);
    assert_eq!(ok("/项目 帮助"), ProjectCmd::Help);
    assert_eq!(ok("/PROJECT help"), ProjectCmd::Help);
}

#[test]
fn an_unknown_subcommand_asks_for_the_project_help_card() {
    let e = parse("/项目 删除 XM-3", &[], &ctx()).unwrap_err();
    assert!(e.wants_help());
    assert_eq!(e.help_commands(), crate::command::spec::PROJECT_COMMANDS);
    assert!(e.to_string().contains("没有“删除”这个项目指令"));
}

#[test]
fn a_prefix_glued_to_text_is_not_ours() {
    assert_eq!(parse("/项目组周会", &[], &ctx()), Ok(None));
    assert_eq!(parse("/需求分析", &[], &ctx()), Ok(None));
}

#[test]
fn every_error_ends_with_a_project_example() {
    let errors = [
        err("/项目 新建"),
        err("/项目 计划 XM-3 产品设计"),
        err("/项目 退回 XM-3"),
        err("/项目 关联 XM-3"),
        err("/项目 列表 逾期"),
        err("/项目 查看 x"),
    ];
    for e in errors {
        let text = e.to_string();
        assert!(text.contains("正确的写法例如：/项目"), "{text}");
    }
}

#[test]
fn every_help_example_parses() {
    for spec in crate::command::spec::PROJECT_COMMANDS {
        let (text, ms) = crate::command::cli_mentions(spec.example);
        assert!(
            matches!(parse(&text, &ms, &ctx()), Ok(Some(Command::Project(_)))),
            "{}",
            spec.example
        );
    }
}

#[test]
fn a_project_tag_survives_in_a_supervise_line() {
    let Ok(Some(Command::Supervise(crate::command::SuperviseCmd::Create(c)))) =
        parse("/督办 完成原型评审 @_user_1 下周五前 #XM-3", &mentions(), &ctx())
    else {
        panic!()
    };
    assert_eq!(c.tags, vec!["XM-3".to_owned()]);
}

#[test]
fn json_names_the_family() {
    assert_eq!(
        Command::Project(ok("/项目 关联 XM-3 DB-12")).to_json(),
        json!({"command": "project.link", "id": "XM-3", "item": "DB-12"})
    );
    let v = Command::Project(ok("/项目 计划 XM-3 产品设计 @_user_2 12月10日")).to_json();
    assert_eq!(v["planned_end"], json!("2026-12-10T18:00:00+08:00"));
    assert_eq!(v["owner"]["name"], json!("李四"));
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z一-龥]{1,6}", 1..4).prop_map(|w| w.join(" "))
}

fn word() -> impl Strategy<Value = String> {
    "[一-龥]{2,5}"
}

fn person() -> impl Strategy<Value = Person> {
    (1u32..30, "[张李王][一-龥]{1,2}").prop_map(|(n, name)| p(n, &name))
}

fn deadline() -> impl Strategy<Value = Deadline> {
    prop_oneof![
        (1i64..200 * 1440).prop_map(|m| Deadline {
            at: now() + SignedDuration::from_mins(m),
            has_time: true
        }),
        (1i64..200).prop_map(|d| {
            let day = now().to_zoned_datetime(TimeZone::fixed(tz::offset(8))).date();
            let day = day.checked_add(jiff::Span::new().days(d)).unwrap();
            Deadline {
                at: crate::domain::time::SHANGHAI
                    .to_timestamp(day.at(18, 0, 0, 0))
                    .unwrap(),
                has_time: false,
            }
        }),
    ]
}

fn id() -> impl Strategy<Value = ProjectId> {
    (1u64..10_000).prop_map(ProjectId)
}

fn command() -> impl Strategy<Value = ProjectCmd> {
    let filter = prop_oneof![
        Just(ProjectFilter::Active),
        Just(ProjectFilter::Mine),
        Just(ProjectFilter::Late),
        Just(ProjectFilter::All),
    ];
    prop_oneof![
        (text(), person(), proptest::option::of(word())).prop_map(|(name, owner, template)| {
            ProjectCmd::Create {
                name,
                owner,
                template,
            }
        }),
        (
            id(),
            word(),
            proptest::option::of(person()),
            proptest::option::of(deadline())
        )
            .prop_filter("plan needs something", |(_, _, o, d)| o.is_some() || d.is_some())
            .prop_map(|(id, stage, owner, planned_end)| ProjectCmd::Plan {
                id,
                stage,
                owner,
                planned_end
            }),
        (id(), proptest::option::of(text())).prop_map(|(id, note)| ProjectCmd::Advance { id, note }),
        (id(), text()).prop_map(|(id, reason)| ProjectCmd::Rollback { id, reason }),
        (id(), 1u64..999).prop_map(|(id, n)| ProjectCmd::Link { id, item: ItemId(n) }),
        (id(), 1u64..999).prop_map(|(id, n)| ProjectCmd::Unlink { id, item: ItemId(n) }),
        id().prop_map(ProjectCmd::Show),
        filter.prop_map(ProjectCmd::List),
        any::<bool>().prop_map(|all| ProjectCmd::Board { all }),
        (id(), proptest::option::of(text())).prop_map(|(id, reason)| ProjectCmd::Cancel { id, reason }),
        Just(ProjectCmd::Help),
    ]
}

proptest! {
    #[test]
    fn parse_inverts_render(cmd in command()) {
        let cmd = Command::Project(cmd);
        let (text, ms) = render(&cmd);
        prop_assert_eq!(parse(&text, &ms, &ctx()), Ok(Some(cmd)), "{}", text);
    }

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = parse(&format!("/项目 {s}"), &mentions(), &ctx());
        let _ = parse(&format!("/项目 计划 XM-1 {s}"), &mentions(), &ctx());
    }

    #[test]
    fn parse_never_panics_on_project_like_input(
        v in proptest::collection::vec(proptest::sample::select(vec![
            "/项目", "/project", " ", "\n", "新建", "计划", "推进", "退回", "关联", "取消关联", "列表", "看板",
            "XM-3", "xm", "DB-1", "@_user_1", "@_user_2", "12月10日", "\"", "：", "全部", "第2阶段", "0",
        ]), 0..16)
    ) {
        let _ = parse(&v.concat(), &mentions(), &ctx());
    }
}
