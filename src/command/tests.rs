//! Parser tests: one per grammar rule and per error variant. `now` is Wednesday
//! 2026-03-11 10:00 +08:00; expected deadlines follow /work/shared/deadline-conventions.md.

use jiff::Timestamp;

use super::*;
use crate::calendar::Calendar;
use crate::command::when::DeadlineError;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ItemId, OpenId, Person};
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

fn person(name: &str, n: u32) -> Person {
    Person {
        open_id: OpenId(format!("ou_{n}")),
        name: name.to_owned(),
    }
}

/// The bot is `@_user_1`; 张三, 李四, 王五 are 2, 3, 4.
fn mentions() -> Vec<Mention> {
    ["督办助手", "张三", "李四", "王五"]
        .iter()
        .zip(1..)
        .map(|(name, n)| Mention {
            key: format!("@_user_{n}"),
            person: person(name, n),
        })
        .collect()
}

fn zhang() -> Person {
    person("张三", 2)
}
fn li() -> Person {
    person("李四", 3)
}
fn wang() -> Person {
    person("王五", 4)
}

fn run_with(text: &str, c: &Context<'_>) -> Result<Option<Command>, ParseError> {
    parse(text, &mentions(), c)
}

fn run(text: &str) -> Result<SuperviseCmd, ParseError> {
    match run_with(text, &ctx()) {
        Ok(Some(Command::Supervise(c))) => Ok(c),
        Ok(None) => panic!("not a command: {text}"),
        Ok(Some(other)) => panic!("not a /督办 command: {other:?}"),
        Err(e) => Err(e),
    }
}

fn create(text: &str) -> CreateItem {
    match run(text) {
        Ok(SuperviseCmd::Create(c)) => c,
        other => panic!("{text}: {other:?}"),
    }
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn date_only(s: &str) -> Deadline {
    Deadline {
        at: at(s),
        has_time: false,
    }
}

// ---- prefixes -------------------------------------------------------------------------------

#[test]
fn plain_chat_is_not_a_command() {
    assert_eq!(run_with("大家好，明天开会", &ctx()), Ok(None));
    assert_eq!(run_with("", &ctx()), Ok(None));
    assert_eq!(run_with("@_user_1", &ctx()), Ok(None));
}

#[test]
fn a_prefix_glued_to_a_word_is_not_ours() {
    assert_eq!(run_with("/督办事项 查看 DB-3", &ctx()), Ok(None));
    assert_eq!(run_with("/tasks list", &ctx()), Ok(None));
    assert_eq!(run_with("/督办一下", &ctx()), Ok(None));
    assert_eq!(run_with("/帮助一下", &ctx()), Ok(None));
    assert_eq!(run_with("/纪要整理", &ctx()), Ok(None));
}

#[test]
fn chat_that_mentions_the_command_word_is_not_a_command() {
    for text in [
        "请大家督办一下",
        "督办 列表",
        "这个要督办",
        "、",
        "/",
        "、督",
        "@_user_1 请大家督办一下",
    ] {
        assert_eq!(run_with(text, &ctx()), Ok(None), "{text}");
    }
}

#[test]
fn the_input_method_slash_and_the_full_width_slash_are_the_slash() {
    assert_eq!(run("、督办 帮助"), Ok(SuperviseCmd::Help));
    assert_eq!(
        run("、督办 列表 逾期"),
        Ok(SuperviseCmd::List(ListFilter::Overdue))
    );
    assert_eq!(run("／督办 列表"), Ok(SuperviseCmd::List(ListFilter::Open)));
    assert_eq!(
        run("@_user_1 、督办 查看 DB-3"),
        Ok(SuperviseCmd::Show(ItemId(3)))
    );
    assert_eq!(run("、task list"), Ok(SuperviseCmd::List(ListFilter::Open)));
    assert_eq!(run("、帮助"), Ok(SuperviseCmd::Help));
    assert_eq!(
        run_with("、项目 列表", &ctx()),
        Ok(Some(Command::Project(ProjectCmd::List(ProjectFilter::default()))))
    );
    assert_eq!(
        run_with("、需求 帮助", &ctx()),
        Ok(Some(Command::Requirement(ReqCmd::Help)))
    );
    assert!(matches!(
        run_with("、纪要 https://example.feishu.cn/docx/AbC", &ctx()),
        Ok(Some(Command::Minutes(MinutesCmd::Link(_))))
    ));
}

#[test]
fn a_missing_space_after_the_command_word_is_forgiven() {
    assert_eq!(run("/督办列表"), Ok(SuperviseCmd::List(ListFilter::Open)));
    assert_eq!(run("/督办列表 逾期"), Ok(SuperviseCmd::List(ListFilter::Overdue)));
    assert_eq!(run("/督办帮助"), Ok(SuperviseCmd::Help));
    assert_eq!(run("、督办帮助"), Ok(SuperviseCmd::Help));
    assert_eq!(run("/督办看板"), Ok(SuperviseCmd::Board));
    assert_eq!(run("/督办查看 DB-3"), Ok(SuperviseCmd::Show(ItemId(3))));
    assert_eq!(run("/tasklist"), Ok(SuperviseCmd::List(ListFilter::Open)));
    assert_eq!(
        run_with("/项目看板", &ctx()),
        Ok(Some(Command::Project(ProjectCmd::Board { all: false })))
    );
    assert_eq!(
        run_with("/需求列表", &ctx()),
        Ok(Some(Command::Requirement(ReqCmd::List(ReqFilter::default()))))
    );
    // A creation with the title glued on.
    let c = create("/督办整理3份合同 @_user_2 周四前");
    assert_eq!(c.title.as_deref(), Some("整理3份合同"));
    assert_eq!(c.owner, zhang());
    // Pasted minutes glued to the command word.
    assert_eq!(
        run_with("/纪要周会\n1. 张三整理合同", &ctx()),
        Ok(Some(Command::Minutes(MinutesCmd::Text(
            "周会\n1. 张三整理合同".to_owned()
        ))))
    );
}

#[test]
fn a_date_that_just_passed_is_refused_not_cut_to_its_day_of_month() {
    let monday = Context {
        now: at("2026-03-16T10:00:00+08:00"),
        ..ctx()
    };
    for text in [
        "/督办 测试过去日期 @_user_2 3月14日",
        "/督办 测试过去日期3月14日 @_user_2",
    ] {
        match run_with(text, &monday) {
            Err(ParseError::BadDeadline(DeadlineError::RecentPast { example, .. })) => {
                assert_eq!(example, "2027年3月14日");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn titles_notes_and_reasons_keep_full_width_punctuation() {
    let title = "修订《客户适当性管理办法》（2026版），报合规总监审阅";
    let c = create(&format!("/督办 {title} @_user_2 3月20日 P2"));
    assert_eq!(c.title.as_deref(), Some(title));
    assert_eq!(c.priority, Priority::P2);
    // The grammar still reads full-width separators and digits.
    let c = create("／督办 核对“两融”数据：第一批；第二批、第三批！ @_user_2 ３月２０日 Ｐ１ ＃合规");
    assert_eq!(
        c.title.as_deref(),
        Some("核对“两融”数据：第一批；第二批、第三批！")
    );
    assert_eq!(c.priority, Priority::P1);
    assert_eq!(c.tags, vec!["合规".to_owned()]);
    // A deadline cut off the end of the title leaves the typed head (less the separator).
    let c = create("/督办 修订（草案），3月20日前 @_user_2");
    assert_eq!(c.title.as_deref(), Some("修订（草案）"));
    assert_eq!(
        run("/督办 进展 ＤＢ－３ ６０％ 已完成《办法》初稿（第1版），待审阅"),
        Ok(SuperviseCmd::Progress {
            id: ItemId(3),
            percent: Some(60),
            note: Some("已完成《办法》初稿（第1版），待审阅".to_owned())
        })
    );
    assert_eq!(
        run("/督办 退回 DB-3 缺少附件：《授权书》（盖章版）"),
        Ok(SuperviseCmd::Reject {
            id: ItemId(3),
            reason: "缺少附件：《授权书》（盖章版）".to_owned()
        })
    );
    let c = create(
        "/督办 修订办法\n负责人：@_user_2\n截止：３月２０日\n优先级：Ｐ１\n说明：见《办法》（2026版），第3条",
    );
    assert_eq!(c.description.as_deref(), Some("见《办法》（2026版），第3条"));
    assert_eq!(c.priority, Priority::P1);
}

#[test]
fn the_prefix_alone_asks_for_help() {
    assert_eq!(run("/督办"), Ok(SuperviseCmd::Help));
    assert_eq!(run("/督办 帮助"), Ok(SuperviseCmd::Help));
    assert_eq!(run("/help"), Ok(SuperviseCmd::Help));
    assert_eq!(run("/帮助"), Ok(SuperviseCmd::Help));
    assert_eq!(run("/task help"), Ok(SuperviseCmd::Help));
}

#[test]
fn leading_bot_mentions_are_skipped() {
    assert_eq!(run("@_user_1 /督办 查看 DB-3"), Ok(SuperviseCmd::Show(ItemId(3))));
    assert_eq!(
        run("@_user_1\n/督办 查看 DB-3"),
        Ok(SuperviseCmd::Show(ItemId(3)))
    );
}

#[test]
fn full_width_slash_spaces_and_digits_are_normalised() {
    assert_eq!(
        run("／督办\u{3000}查看\u{3000}ＤＢ－１２"),
        Ok(SuperviseCmd::Show(ItemId(12)))
    );
}

#[test]
fn the_english_prefix_takes_english_aliases() {
    assert_eq!(run("/task show 7"), Ok(SuperviseCmd::Show(ItemId(7))));
    assert_eq!(
        run("/TASK list overdue"),
        Ok(SuperviseCmd::List(ListFilter::Overdue))
    );
    assert_eq!(
        run("/task accept db7"),
        Ok(SuperviseCmd::Accept { id: ItemId(7) })
    );
}

// ---- one-line creation ----------------------------------------------------------------------

#[test]
fn a_one_line_creation_reads_every_part() {
    let c = create("/督办 完成三季度合规自查报告 @_user_2 @_user_3 下周五前 P1 #合规");
    assert_eq!(
        c,
        CreateItem {
            title: Some("完成三季度合规自查报告".to_owned()),
            owner: zhang(),
            assistants: vec![li()],
            deadline: date_only("2026-03-20T18:00:00+08:00"),
            priority: Priority::P1,
            tags: vec!["合规".to_owned()],
            resources: None,
            scenario: None,
            description: None,
            class: None,
            repeat: None,
        }
    );
}

#[test]
fn creation_tokens_may_come_in_any_order() {
    let a = create("/督办 完成三季度合规自查报告 @_user_2 @_user_3 下周五前 P1 #合规");
    let b = create("/督办 #合规 P1 下周五前 @_user_2 完成三季度合规自查报告 @_user_3");
    assert_eq!(a, b);
}

#[test]
fn a_repeated_person_is_kept_once_and_the_bot_prefix_mention_is_not_the_owner() {
    let c = create("@_user_1 /督办 写纪要 @_user_2 @_user_3 @_user_2 明天");
    assert_eq!(c.owner, zhang());
    assert_eq!(c.assistants, vec![li()]);
    assert_eq!(c.deadline, date_only("2026-03-12T18:00:00+08:00"));
}

#[test]
fn the_default_priority_is_p2_and_chinese_priority_words_work() {
    assert_eq!(create("/督办 写纪要 @_user_2 明天").priority, Priority::P2);
    assert_eq!(create("/督办 写纪要 @_user_2 明天 紧急").priority, Priority::P0);
}

#[test]
fn a_deadline_may_span_two_words() {
    let c = create("/督办 整理底稿 @_user_2 11月30日 18:00");
    assert_eq!(
        c.deadline,
        Deadline {
            at: at("2026-11-30T18:00:00+08:00"),
            has_time: true
        }
    );
    assert_eq!(c.title.as_deref(), Some("整理底稿"));
}

#[test]
fn numerals_in_names_and_titles_are_not_deadlines() {
    let c = create("/督办 @_user_4 整理3份合同 周四前 P1");
    assert_eq!(c.title.as_deref(), Some("整理3份合同"));
    assert_eq!(c.owner, wang());
    assert_eq!(c.deadline, date_only("2026-03-12T18:00:00+08:00"));
    let c = create("/督办 三季度 第一季度 2025年年报 @_user_2 3个工作日内");
    assert_eq!(c.title.as_deref(), Some("三季度 第一季度 2025年年报"));
    assert_eq!(c.deadline, date_only("2026-03-16T18:00:00+08:00"));
}

#[test]
fn a_deadline_glued_to_the_title_is_split_off() {
    let c = create("/督办 完成报告下周五前 @_user_2");
    assert_eq!(c.title.as_deref(), Some("完成报告"));
    assert_eq!(c.deadline, date_only("2026-03-20T18:00:00+08:00"));
}

#[test]
fn a_glued_tail_is_never_split_inside_digits() {
    // "12个工作日内" would be read as "2个工作日内" if the split could fall between 1 and 2.
    let c = create("/督办 报告12个工作日内 @_user_2");
    assert_eq!(c.title.as_deref(), Some("报告"));
    let twelve = cal()
        .nth_after(
            jiff::civil::date(2026, 3, 11),
            12,
            crate::calendar::DayRule::Working,
        )
        .unwrap();
    assert_eq!(
        c.deadline.at,
        crate::domain::time::SHANGHAI
            .to_timestamp(twelve.at(18, 0, 0, 0))
            .unwrap()
    );
}

#[test]
fn a_quoted_word_is_always_title_text() {
    let c = create("/督办 “P1 明天” @_user_2 下周五前");
    assert_eq!(c.title.as_deref(), Some("P1 明天"));
    assert_eq!(c.priority, Priority::P2);
}

#[test]
fn a_title_starting_with_a_subcommand_word_is_still_a_creation() {
    let c = create("/督办 完成 三季度报告 @_user_2 下周五前");
    assert_eq!(c.title.as_deref(), Some("完成 三季度报告"));
}

#[test]
fn full_width_creation_input_is_understood() {
    let c = create(
        "／督办\u{3000}完成报告\u{3000}@_user_2\u{3000}１１月３０日 １８：００\u{3000}Ｐ１\u{3000}＃合规",
    );
    assert_eq!(c.priority, Priority::P1);
    assert_eq!(c.tags, vec!["合规".to_owned()]);
    assert_eq!(c.deadline.at, at("2026-11-30T18:00:00+08:00"));
}

#[test]
fn a_reply_may_omit_the_title() {
    let reply = Context {
        is_reply: true,
        ..ctx()
    };
    let Ok(Some(Command::Supervise(SuperviseCmd::Create(c)))) = run_with("/督办 @_user_2 明天", &reply)
    else {
        panic!()
    };
    assert_eq!(c.title, None);
    assert_eq!(run("/督办 @_user_2 明天"), Err(ParseError::MissingTitle));
}

// ---- structured creation --------------------------------------------------------------------

#[test]
fn a_structured_creation_reads_its_fields() {
    let text = "/督办 完成三季度合规自查报告\n负责人：@_user_2  协办：@_user_3\n截止：11月30日 18:00\n\
                优先级：高\n资源投入：2人×3天\n场景：监管检查前完成自查\n说明：先自查\n再汇总";
    let c = create(text);
    assert_eq!(
        c,
        CreateItem {
            title: Some("完成三季度合规自查报告".to_owned()),
            owner: zhang(),
            assistants: vec![li()],
            deadline: Deadline {
                at: at("2026-11-30T18:00:00+08:00"),
                has_time: true
            },
            priority: Priority::P1,
            tags: vec![],
            resources: Some("2人×3天".to_owned()),
            scenario: Some("监管检查前完成自查".to_owned()),
            description: Some("先自查\n再汇总".to_owned()),
            class: None,
            repeat: None,
        }
    );
}

#[test]
fn structured_keys_accept_ascii_colons_synonyms_and_tags() {
    let c = create("/督办 写纪要\n主办:@_user_4\n期限:明天\n标签:#合规 内控\n备注:无");
    assert_eq!(c.owner, wang());
    assert_eq!(c.tags, vec!["合规".to_owned(), "内控".to_owned()]);
    assert_eq!(c.description.as_deref(), Some("无"));
}

#[test]
fn a_bad_priority_field_is_refused() {
    assert_eq!(
        run("/督办 写纪要\n负责人：@_user_2\n截止：明天\n优先级：超级高"),
        Err(ParseError::BadPriority {
            input: "超级高".to_owned()
        })
    );
}

#[test]
fn a_deadline_field_that_is_not_a_time_is_a_bad_deadline() {
    assert!(matches!(
        run("/督办 写纪要\n负责人：@_user_2\n截止：等通知"),
        Err(ParseError::BadDeadline(_))
    ));
}

// ---- creation errors ------------------------------------------------------------------------

#[test]
fn a_creation_without_an_owner_is_refused() {
    assert_eq!(run("/督办 完成报告 下周五前"), Err(ParseError::MissingOwner));
}

#[test]
fn a_creation_without_a_deadline_is_refused() {
    assert_eq!(run("/督办 完成报告 @_user_2"), Err(ParseError::MissingDeadline));
    assert_eq!(
        run("/督办 下周一的会议材料 @_user_2"),
        Err(ParseError::MissingDeadline)
    );
}

#[test]
fn a_refused_deadline_is_reported_with_its_reason() {
    assert!(
        matches!(run("/督办 完成报告 @_user_2 尽快"), Err(ParseError::BadDeadline(e)) if !e.is_not_a_time())
    );
    assert!(matches!(
        run("/督办 完成报告 @_user_2 2026-02-30"),
        Err(ParseError::BadDeadline(_))
    ));
}

#[test]
fn an_over_long_title_is_refused() {
    let title = "报".repeat(MAX_TITLE_CHARS + 1);
    assert_eq!(
        run(&format!("/督办 {title} @_user_2 明天")),
        Err(ParseError::TitleTooLong {
            chars: MAX_TITLE_CHARS + 1
        })
    );
    let ok = "报".repeat(MAX_TITLE_CHARS);
    assert!(run(&format!("/督办 {ok} @_user_2 明天")).is_ok());
}

#[test]
fn more_than_twenty_mentions_are_refused() {
    let many: Vec<Mention> = (1..=21)
        .map(|n| Mention {
            key: format!("@_user_{n}"),
            person: person(&format!("人{n}"), n),
        })
        .collect();
    let text = format!(
        "/督办 写纪要 {} 明天",
        many.iter().map(|m| m.key.as_str()).collect::<Vec<_>>().join(" ")
    );
    assert_eq!(
        parse(&text, &many, &ctx()),
        Err(ParseError::TooManyMentions { count: 21 })
    );
    let twenty = format!(
        "/督办 写纪要 {} 明天",
        (1..=20).map(|n| format!("@_user_{n}")).collect::<String>()
    );
    assert!(parse(&twenty, &many, &ctx()).is_ok());
}

#[test]
fn more_than_ten_tags_are_refused() {
    let tags: String = (0..11).map(|n| format!(" #t{n}")).collect();
    assert_eq!(
        run(&format!("/督办 写纪要 @_user_2 明天{tags}")),
        Err(ParseError::TooManyTags { count: 11 })
    );
}

// ---- unknown subcommands --------------------------------------------------------------------

#[test]
fn an_unknown_subcommand_asks_for_help() {
    for text in ["/督办 删除 DB-3", "/task remove 3", "/督办 删除"] {
        let e = run(text).unwrap_err();
        assert!(e.wants_help(), "{text}: {e:?}");
    }
    assert_eq!(
        run("/督办 删除 DB-3"),
        Err(ParseError::UnknownSubcommand {
            word: "删除".to_owned()
        })
    );
}

// ---- item subcommands -----------------------------------------------------------------------

#[test]
fn show_accept_and_nudge_take_an_item_number() {
    assert_eq!(run("/督办 查看 DB-12"), Ok(SuperviseCmd::Show(ItemId(12))));
    assert_eq!(run("/督办 验收 12"), Ok(SuperviseCmd::Accept { id: ItemId(12) }));
    assert_eq!(run("/督办 催办 db12"), Ok(SuperviseCmd::Nudge { id: ItemId(12) }));
}

#[test]
fn a_missing_item_number_is_refused() {
    assert_eq!(
        run("/督办 查看"),
        Err(ParseError::MissingItemId { command: "查看" })
    );
}

#[test]
fn a_bad_item_number_is_refused() {
    assert_eq!(
        run("/督办 催办 DB-x"),
        Err(ParseError::BadItemId {
            command: "催办",
            input: "DB-x".to_owned()
        })
    );
}

#[test]
fn trailing_junk_is_refused() {
    assert_eq!(
        run("/督办 查看 DB-3 xyz"),
        Err(ParseError::TrailingInput {
            command: "查看",
            junk: "xyz".to_owned()
        })
    );
    assert!(matches!(
        run("/督办 转交 DB-3 @_user_2 @_user_3"),
        Err(ParseError::TrailingInput { .. })
    ));
}

#[test]
fn progress_takes_a_percent_a_note_or_both() {
    assert_eq!(
        run("/督办 进展 DB-12 60% 已完成初稿"),
        Ok(SuperviseCmd::Progress {
            id: ItemId(12),
            percent: Some(60),
            note: Some("已完成初稿".to_owned())
        })
    );
    assert_eq!(
        run("/督办 进展 DB-12 ６０％"),
        Ok(SuperviseCmd::Progress {
            id: ItemId(12),
            percent: Some(60),
            note: None
        })
    );
    assert_eq!(
        run("/督办 进展 DB-12 已完成初稿 请@_user_2 审阅"),
        Ok(SuperviseCmd::Progress {
            id: ItemId(12),
            percent: None,
            note: Some("已完成初稿 请 @张三 审阅".to_owned())
        })
    );
}

#[test]
fn a_percent_outside_0_to_100_is_refused() {
    assert_eq!(
        run("/督办 进展 DB-12 120%"),
        Err(ParseError::BadPercent {
            input: "120%".to_owned()
        })
    );
    assert!(matches!(
        run("/督办 进展 DB-12 -5%"),
        Err(ParseError::BadPercent { .. })
    ));
}

#[test]
fn progress_without_percent_or_note_is_refused() {
    assert_eq!(run("/督办 进展 DB-12"), Err(ParseError::MissingProgress));
}

#[test]
fn done_and_cancel_take_an_optional_note() {
    assert_eq!(
        run("/督办 完成 DB-12 报告已上传"),
        Ok(SuperviseCmd::Done {
            id: ItemId(12),
            note: Some("报告已上传".to_owned())
        })
    );
    assert_eq!(
        run("/督办 取消 DB-12"),
        Ok(SuperviseCmd::Cancel {
            id: ItemId(12),
            reason: None
        })
    );
}

#[test]
fn reject_needs_a_reason() {
    assert_eq!(
        run("/督办 退回 DB-12 缺少附件"),
        Ok(SuperviseCmd::Reject {
            id: ItemId(12),
            reason: "缺少附件".to_owned()
        })
    );
    assert_eq!(run("/督办 退回 DB-12"), Err(ParseError::MissingReason));
}

#[test]
fn reassign_needs_a_mentioned_person() {
    assert_eq!(
        run("/督办 转交 DB-12 @_user_4"),
        Ok(SuperviseCmd::Reassign {
            id: ItemId(12),
            to: wang()
        })
    );
    assert_eq!(run("/督办 转交 DB-12"), Err(ParseError::MissingPerson));
    assert_eq!(run("/督办 转交 DB-12 @王五"), Err(ParseError::MissingPerson));
}

#[test]
fn extend_reads_a_new_deadline_and_a_reason() {
    assert_eq!(
        run("/督办 延期 DB-12 下周三 等待监管口径"),
        Ok(SuperviseCmd::Extend {
            id: ItemId(12),
            deadline: date_only("2026-03-18T18:00:00+08:00"),
            reason: Some("等待监管口径".to_owned())
        })
    );
}

#[test]
fn extend_without_a_deadline_is_refused() {
    assert_eq!(
        run("/督办 延期 DB-12 等待监管口径"),
        Err(ParseError::ExtendNeedsDeadline)
    );
    assert!(matches!(
        run("/督办 延期 DB-12 尽快"),
        Err(ParseError::BadDeadline(_))
    ));
}

#[test]
fn list_filters_are_recognised() {
    let cases = [
        ("/督办 列表", ListFilter::Open),
        ("/督办 列表 我的", ListFilter::Mine),
        ("/督办 列表 我发起的", ListFilter::CreatedByMe),
        ("/督办 列表 逾期", ListFilter::Overdue),
        ("/督办 列表 本周", ListFilter::ThisWeek),
        ("/督办 列表 全部", ListFilter::All),
        ("/督办 列表 @_user_3", ListFilter::Person(li())),
        ("/task list mine", ListFilter::Mine),
        ("/task list created", ListFilter::CreatedByMe),
        ("/task list week", ListFilter::ThisWeek),
        ("/task list all", ListFilter::All),
    ];
    for (text, filter) in cases {
        assert_eq!(run(text), Ok(SuperviseCmd::List(filter)), "{text}");
    }
}

#[test]
fn an_unknown_list_filter_is_refused() {
    assert_eq!(
        run("/督办 列表 昨天"),
        Err(ParseError::UnknownFilter {
            word: "昨天".to_owned()
        })
    );
    assert!(matches!(
        run("/督办 列表 逾期 全部"),
        Err(ParseError::TrailingInput { .. })
    ));
}

#[test]
fn every_example_in_the_command_table_parses() {
    for spec in crate::command::spec::SUPERVISE_COMMANDS {
        let (text, ms) = cli_mentions(spec.example);
        let got = parse(&text, &ms, &ctx());
        assert!(matches!(got, Ok(Some(_))), "{}: {got:?}", spec.example);
    }
}

#[test]
fn every_error_example_parses() {
    let errors = [
        ParseError::MissingOwner,
        ParseError::MissingItemId { command: "查看" },
        ParseError::BadPercent {
            input: "1".to_owned(),
        },
        ParseError::ExtendNeedsDeadline,
    ];
    for e in errors {
        let (text, ms) = cli_mentions(e.example());
        assert!(matches!(parse(&text, &ms, &ctx()), Ok(Some(_))), "{e}");
    }
}

#[test]
fn json_output_has_the_documented_shape() {
    let Ok(Some(cmd)) = run_with(
        "/督办 完成三季度合规自查报告 @_user_2 @_user_3 下周五前 P1 #合规",
        &ctx(),
    ) else {
        panic!()
    };
    insta::assert_json_snapshot!(cmd.to_json());
}

#[test]
fn a_mention_may_follow_the_prefix_directly() {
    assert_eq!(create("/督办@_user_2 写纪要 明天").owner, zhang());
}

#[test]
fn lines_without_field_keys_are_one_creation() {
    let c = create("/督办 写纪要\n@_user_2 明天");
    assert_eq!(c.title.as_deref(), Some("写纪要"));
    assert_eq!(c.description, None);
}

#[test]
fn the_board_has_a_chinese_alias_and_an_english_name() {
    for text in ["/督办 晾晒", "/督办 看板", "/task board", "/task BOARD"] {
        assert_eq!(run(text), Ok(SuperviseCmd::Board), "{text}");
    }
    assert!(matches!(
        run("/督办 晾晒 全部"),
        Err(ParseError::TrailingInput { .. })
    ));
}

#[test]
fn stats_take_a_period_and_a_person_in_either_order() {
    use crate::domain::board::Period;
    let stats = |period, person| Ok(SuperviseCmd::Stats { period, person });
    assert_eq!(run("/督办 统计"), stats(Period::ThisMonth, None));
    assert_eq!(run("/督办 统计 本月"), stats(Period::ThisMonth, None));
    assert_eq!(run("/督办 统计 上月"), stats(Period::LastMonth, None));
    assert_eq!(
        run("/督办 统计 本季度 @_user_3"),
        stats(Period::ThisQuarter, Some(li()))
    );
    assert_eq!(
        run("/督办 统计 @_user_3 上月"),
        stats(Period::LastMonth, Some(li()))
    );
    assert_eq!(run("/task stats last-month"), stats(Period::LastMonth, None));
    assert_eq!(
        run("/task stats quarter @_user_2"),
        stats(Period::ThisQuarter, Some(zhang()))
    );
    assert_eq!(run("/task stats month"), stats(Period::ThisMonth, None));
}

#[test]
fn the_firms_board_and_unit_stats_are_asked_with_quanbumen_or_andanwei() {
    use crate::domain::board::Period;
    for text in [
        "/督办 晾晒 全部门",
        "/督办 晾晒 按单位",
        "/督办 看板 全部门",
        "/task board by-unit",
    ] {
        assert_eq!(run(text), Ok(SuperviseCmd::OrgBoard), "{text}");
    }
    let units = |period| Ok(SuperviseCmd::UnitStats { period });
    assert_eq!(run("/督办 统计 按单位"), units(Period::ThisMonth));
    assert_eq!(run("/督办 统计 本季度 按单位"), units(Period::ThisQuarter));
    assert_eq!(run("/督办 统计 按单位 上月"), units(Period::LastMonth));
    assert_eq!(run("/督办 统计 全部门 本季度"), units(Period::ThisQuarter));
    assert_eq!(run("/task stats quarter by-unit"), units(Period::ThisQuarter));
    // A person and 按单位 do not go together; the rest is named, not dropped.
    assert!(matches!(
        run("/督办 统计 按单位 @_user_2"),
        Err(ParseError::TrailingInput { .. })
    ));
    assert!(matches!(
        run("/督办 晾晒 全部门 本月"),
        Err(ParseError::TrailingInput { .. })
    ));
    assert_eq!(
        Command::Supervise(SuperviseCmd::UnitStats {
            period: Period::ThisQuarter
        })
        .to_json(),
        serde_json::json!({"command": "stats", "period": "quarter", "scope": "units"})
    );
}

#[test]
fn an_unknown_stats_period_is_refused_with_an_example() {
    let err = run("/督办 统计 本年").unwrap_err();
    assert_eq!(
        err,
        ParseError::UnknownPeriod {
            word: "本年".to_owned()
        }
    );
    assert_eq!(
        err.to_string(),
        "统计不支持“本年”，可以写：本月、上月、本季度，@某人，或 按单位。正确的写法例如：/督办 统计 上月"
    );
    assert!(matches!(
        run("/督办 统计 上月 本月"),
        Err(ParseError::TrailingInput { .. })
    ));
    assert!(matches!(
        run("/督办 统计 @_user_2 @_user_3"),
        Err(ParseError::TrailingInput { .. })
    ));
}

#[test]
fn board_and_stats_have_a_json_shape() {
    assert_eq!(
        Command::Supervise(SuperviseCmd::Board).to_json(),
        serde_json::json!({"command": "board"})
    );
    let Ok(Some(cmd)) = run_with("/督办 统计 上月 @_user_2", &ctx()) else {
        panic!()
    };
    assert_eq!(
        cmd.to_json(),
        serde_json::json!({"command": "stats", "period": "last-month", "person": {"name": zhang().name, "open_id": zhang().open_id.0}})
    );
}

#[test]
fn a_title_that_starts_with_stats_or_board_is_still_a_creation() {
    let c = create("/督办 统计 三季度报表 @_user_2 周五前");
    assert_eq!(c.title.as_deref(), Some("统计 三季度报表"));
    assert_eq!(c.owner, zhang());
    let c = create("/督办 看板 设计 @_user_2 明天");
    assert_eq!(c.title.as_deref(), Some("看板 设计"));
}

/// Issue 16: a deadline written at the head of the task, glued to it, as in minutes.
#[test]
fn a_deadline_glued_before_the_task_is_read() {
    // ctx(): Wednesday 2026-03-11 10:00.
    let c = create("/督办 五天内交三份报告 @_user_2");
    assert_eq!(c.title.as_deref(), Some("交三份报告"));
    assert_eq!(c.owner, zhang());
    assert_eq!(c.deadline, date_only("2026-03-16T18:00:00+08:00"));
    let c = create("/督办 三个工作日内发给风控组 @_user_2");
    assert_eq!(c.title.as_deref(), Some("发给风控组"));
    assert_eq!(c.deadline, date_only("2026-03-16T18:00:00+08:00"));
    let c = create("/督办 月内报给总部 @_user_2");
    assert_eq!(c.title.as_deref(), Some("报给总部"));
    assert_eq!(c.deadline, date_only("2026-03-31T18:00:00+08:00"));
    let c = create("/督办 后天上午10点前提交 @_user_2");
    assert_eq!(c.title.as_deref(), Some("提交"));
    assert_eq!(c.deadline.at, at("2026-03-13T10:00:00+08:00"));
    let c = create("/督办 清明节后第一个工作日启动 @_user_2");
    assert_eq!(c.title.as_deref(), Some("启动"));
    assert_eq!(c.deadline, date_only("2026-04-07T18:00:00+08:00"));
    // The title keeps its own numerals: 三份 is not a deadline.
    let c = create("/督办 @_user_2 交三份报告 五天内");
    assert_eq!(c.title.as_deref(), Some("交三份报告"));
    assert_eq!(c.deadline, date_only("2026-03-16T18:00:00+08:00"));
    // English deadlines are words of their own.
    let c = create("/督办 写周报 @_user_2 next Wed");
    assert_eq!(c.title.as_deref(), Some("写周报"));
    assert_eq!(c.deadline, date_only("2026-03-18T18:00:00+08:00"));
}

#[test]
fn the_class_is_read_from_a_hash_word_or_the_field_and_is_not_a_tag() {
    use crate::domain::item::ItemClass;
    let c = create("/督办 完成三季度合规自查报告 @_user_2 下周五前 #突发#合规");
    assert_eq!(
        (c.class, c.tags.as_slice()),
        (Some(ItemClass::Urgent), ["合规".to_owned()].as_slice())
    );
    let c = create("/督办 完成三季度合规自查报告 @_user_2 下周五前 #urgent");
    assert_eq!(
        (c.class, c.tags.as_slice()),
        (None, ["urgent".to_owned()].as_slice())
    );
    let c = create("/督办 客户画像\n主办：@_user_2\n截止：下周五\n类别：挑战");
    assert_eq!(c.class, Some(ItemClass::Stretch));
}

/// The quick test for chatter ([`grammar::lexer::may_start_command`]) never changes what a
/// message parses to, and it does turn chatter away (so the full parse is spared).
#[test]
fn the_quick_test_never_changes_an_answer() {
    let ms = mentions();
    let texts = [
        "/督办 整理合同 @_user_2 周五前",
        "  ／督办　帮助",
        "\u{200B}/督办 列表",
        "@_user_1 /督办 进展 DB-3 60%",
        "@_user_1\n\n/项目 看板",
        "@_user_1@_user_2 /督办 帮助",
        "、督办 列表",
        "/督办列表",
        "/督办事项 查看 DB-3",
        "/纪要",
        "/纪要 https://example.feishu.cn/minutes/obc123",
        "@_user_1 /纪要\n1. 张三周五前交报告",
        "／minutes",
        "/需求 提交 行情页加载慢",
        "/tasks list",
        "/",
        "//督办",
        "@_user_9 /督办 帮助",
        "\"/督办 帮助\"",
        "大家好，今天下午三点开会",
        "@_user_1 帮助",
        "@_user_1 列表",
        "督办 列表",
        "请@_user_2 周五前把合同发我",
        "@_user_10 /督办 帮助",
        "",
        "   \n  ",
        "＠_user_1 /督办 帮助",
        "DB-3 进展如何？",
        "收到 👍",
    ];
    let mut turned_away = 0;
    for text in texts {
        let quick = parse(text, &ms, &ctx());
        let full = parse::parse_any(text, &ms, &ctx());
        assert_eq!(quick, full, "{text:?}");
        if !grammar::lexer::may_start_command(text, &ms) {
            assert_eq!(full, Ok(None), "{text:?} was turned away but is a command");
            turned_away += 1;
        }
    }
    assert!(turned_away >= 8, "only {turned_away} turned away");
    assert!(grammar::lexer::may_start_command("@_user_1 /督办 帮助", &ms));
    assert!(!grammar::lexer::may_start_command("@_user_1 帮助", &ms));
}

/// Issue 16: `3.20前`, a month and day with a dot stating a limit, as minutes write it.
#[test]
fn a_month_dot_day_with_a_limit_is_read_as_the_deadline() {
    // ctx(): Wednesday 2026-03-11 10:00.
    for input in [
        "/督办 交季度报告 @_user_2 3.20前",
        "/督办 3.20前交季度报告 @_user_2",
    ] {
        let c = create(input);
        assert_eq!(c.title.as_deref(), Some("交季度报告"), "{input}");
        assert_eq!(c.deadline, date_only("2026-03-20T18:00:00+08:00"), "{input}");
    }
}
