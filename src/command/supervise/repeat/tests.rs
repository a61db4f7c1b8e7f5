//! The 重复 grammar: on one line, in the form, 每 deadlines, refusals and 停止.
use super::*;
use crate::calendar::Calendar;
use crate::command::Mention;
use crate::command::ast::Command;
use crate::domain::ids::{OpenId, Person};

fn cal() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(Calendar::builtin)
}

/// Wednesday 2026-03-11 10:00.
fn ctx() -> Context<'static> {
    Context {
        now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
        calendar: cal(),
        is_reply: false,
    }
}

fn run(text: &str) -> Result<SuperviseCmd, ParseError> {
    let zhang = Mention {
        key: "@_user_2".to_owned(),
        person: Person {
            open_id: OpenId("ou_2".to_owned()),
            name: "张三".to_owned(),
        },
    };
    match crate::command::parse(text, &[zhang], &ctx())? {
        Some(Command::Supervise(c)) => Ok(c),
        other => panic!("{text}: {other:?}"),
    }
}

fn create(text: &str) -> CreateItem {
    match run(text) {
        Ok(SuperviseCmd::Create(c)) => c,
        other => panic!("{text}: {other:?}"),
    }
}

fn due(c: &CreateItem) -> String {
    crate::domain::time::local(c.deadline.at).to_string()
}

#[test]
fn the_rule_is_read_on_one_line_and_the_each_deadline_is_this_weeks_day() {
    let c = create("/督办 提交本周经营周报 @_user_2 每周五前 重复：每周");
    assert_eq!(c.title.as_deref(), Some("提交本周经营周报"));
    assert_eq!(c.repeat.as_deref(), Some("每周"));
    assert_eq!(due(&c), "2026-03-13T18:00:00");
    // Full-width colon, a space after it, and the rule before the deadline.
    let c = create("/督办 提交周报 @_user_2 重复： 每个工作日 今天18:00");
    assert_eq!(c.repeat.as_deref(), Some("每个工作日"));
    assert_eq!(c.title.as_deref(), Some("提交周报"));
}

#[test]
fn the_rule_is_a_line_of_the_form_too() {
    let c = create(
        "/督办 月度合规报告\n负责人：@_user_2\n截止：每月最后一个工作日\n重复：每月最后一个工作日\n说明：报合规部",
    );
    assert_eq!(c.repeat.as_deref(), Some("每月最后一个工作日"));
    assert_eq!(due(&c), "2026-03-31T18:00:00");
    assert_eq!(c.description.as_deref(), Some("报合规部"));
    // Only a deadline field reads 每: a description saying 每周五前 stays as written.
    let c = create("/督办 月度合规报告 @_user_2 月底前\n说明：每周五前");
    assert_eq!(c.repeat, None);
    assert_eq!(c.description.as_deref(), Some("每周五前"));
    let c = create("/督办 季度风险自查 @_user_2 季度末\n重复：每季度末");
    assert_eq!(c.repeat.as_deref(), Some("每季度末"));
    assert_eq!(c.title.as_deref(), Some("季度风险自查"));
}

#[test]
fn an_each_deadline_alone_implies_its_rule_and_each_words_in_titles_stay() {
    let c = create("/督办 报送客户投诉台账 @_user_2 每月15日");
    assert_eq!(c.repeat.as_deref(), Some("每月15日"));
    assert_eq!(due(&c), "2026-03-15T18:00:00");
    let c = create("/督办 每日晨报 @_user_2 每天9点前");
    assert_eq!(c.title.as_deref(), Some("每日晨报"));
    assert_eq!(c.repeat.as_deref(), Some("每个工作日"));
    assert_eq!(due(&c), "2026-03-12T09:00:00");
    let c = create("/督办 检查每周例会纪要 @_user_2 周五前");
    assert_eq!(c.title.as_deref(), Some("检查每周例会纪要"));
    assert_eq!(c.repeat, None);
    // A 每 word that is not the deadline stays in the title as typed.
    let c = create("/督办 报送 每月15日 台账 @_user_2 周五前");
    assert_eq!(c.title.as_deref(), Some("报送 每月15日 台账"));
    assert_eq!(c.repeat, None);
    assert_eq!(due(&c), "2026-03-13T18:00:00");
}

#[test]
fn an_unreadable_or_unmeetable_rule_is_refused_with_an_example() {
    let e = run("/督办 提交周报 @_user_2 周五前 重复：每隔几天").unwrap_err();
    assert_eq!(e.title(), "重复规则没看懂");
    assert!(e.message().contains("每隔几天"), "{}", e.message());
    assert_eq!(e.example(), EXAMPLE);
    let e = run("/督办 提交日报 @_user_2 4月15日 重复：每个工作日").unwrap_err();
    assert_eq!(e.title(), "截止时间超出了这一期");
    assert!(
        e.message().contains("请把截止时间改到这一期之内"),
        "{}",
        e.message()
    );
    let e = run("/督办 提交周报 @_user_2 周五前 重复：").unwrap_err();
    assert_eq!(e, ParseError::Repeat(RepeatParseError::Missing));
    let e = run("/督办 提交周报 @_user_2 周五前 重复：每周 重复：每月15日").unwrap_err();
    assert_eq!(e, ParseError::Repeat(RepeatParseError::Twice));
}

#[test]
fn stop_names_the_series_by_any_item_and_a_title_may_start_with_the_word() {
    assert_eq!(
        run("/督办 重复 停止 DB-12"),
        Ok(SuperviseCmd::RepeatStop { id: ItemId(12) })
    );
    assert_eq!(
        run("/督办 重复 结束 12"),
        Ok(SuperviseCmd::RepeatStop { id: ItemId(12) })
    );
    let e = run("/督办 重复 DB-12").unwrap_err();
    assert_eq!(e.example(), STOP_EXAMPLE);
    assert!(matches!(
        run("/督办 重复 停止").unwrap_err(),
        ParseError::MissingItemId { .. }
    ));
    let c = create("/督办 重复 核对报表 @_user_2 周五前");
    assert_eq!(c.title.as_deref(), Some("重复 核对报表"));
}

#[test]
fn the_each_words_read_as_this_periods_day() {
    assert_eq!(each_day("每周五前"), Some(("周五前".to_owned(), "每周")));
    assert_eq!(
        each_day("每月底前"),
        Some(("月底".to_owned(), "每月最后一个工作日"))
    );
    assert_eq!(each_day("每季度末"), Some(("季度末".to_owned(), "每季度末")));
    assert_eq!(each_day("每个工作日"), Some(("18:00".to_owned(), "每个工作日")));
    assert_eq!(each_day("每月8号"), Some(("8号".to_owned(), "每月8日")));
    assert_eq!(each_day("每月"), None);
    assert_eq!(each_day("周五"), None);
}
