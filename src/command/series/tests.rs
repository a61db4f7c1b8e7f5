use crate::calendar::Calendar;
use crate::command::ast::Command;
use crate::command::context::Context;
use crate::command::mention::Mention;
use crate::command::{ParseError, parse};
use crate::domain::ids::{OpenId, Person};

use super::*;
use crate::domain::cadence::Cadence;
use crate::domain::ids::SeriesId;

fn ctx(cal: &Calendar) -> Context<'_> {
    Context {
        now: "2026-09-28T10:00:00+08:00".parse().unwrap(),
        calendar: cal,
        is_reply: false,
    }
}

fn mention(n: usize, name: &str) -> Mention {
    Mention {
        key: format!("@_user_{n}"),
        person: Person {
            open_id: OpenId(format!("ou_{n}")),
            name: name.to_owned(),
        },
    }
}

fn run(text: &str) -> Result<SeriesCmd, SeriesParseError> {
    let cal = Calendar::builtin();
    let ms = [mention(1, "张三"), mention(2, "李四")];
    match parse(text, &ms, &ctx(&cal)) {
        Ok(Some(Command::Series(c))) => Ok(c),
        Err(ParseError::Series(e)) => Err(e),
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn a_new_series_reads_name_cadence_people_and_links() {
    let c = run("/例会 新建 财管委周例会 每周一 9:30 @_user_1 @_user_2 提纲：https://x.feishu.cn/docx/AbC 看板：https://bi.example.com/d/1").unwrap();
    let SeriesCmd::Create(n) = c else { panic!() };
    assert_eq!(n.name, "财管委周例会");
    assert_eq!(n.cadence, Cadence::parse("每周一 9:30").unwrap());
    assert_eq!(n.attendees.len(), 2);
    assert_eq!(n.agenda.as_deref(), Some("https://x.feishu.cn/docx/AbC"));
    assert_eq!(n.board.as_deref(), Some("https://bi.example.com/d/1"));
    let c = run("/例会 新建 项目组例会 每两周三 下午2点 提纲 https://x.feishu.cn/wiki/W1").unwrap();
    let SeriesCmd::Create(n) = c else { panic!() };
    assert_eq!(n.agenda.as_deref(), Some("https://x.feishu.cn/wiki/W1"));
    assert_eq!(n.board, None);
}

#[test]
fn bad_input_is_refused_with_an_example() {
    let cases = [
        ("/例会 新建 每周一 9:30", "缺少例会名称"),
        ("/例会 新建 周例会", "缺少例会周期"),
        ("/例会 新建 周例会 每周八", "例会周期没看懂"),
        ("/例会 新建 周例会 每周一 提纲：见群公告", "链接没看懂"),
        ("/例会 新建 周例会 每周一 看板：ftp://x.com/a", "链接没看懂"),
        ("/例会 暂停", "缺少例会编号"),
        ("/例会 查看 DB-3", "例会编号没看懂"),
        ("/例会 改期 HYS-1", "缺少新时间"),
        ("/例会 改期 HYS-1 随便", "新时间没看懂"),
        ("/例会 删除 HYS-1", "没有这个例会指令"),
    ];
    for (text, title) in cases {
        let e = run(text).expect_err(text);
        assert_eq!(e.title(), title, "{text}");
        assert!(e.example().starts_with("/例会"), "{text}");
    }
    let e = run("/例会 新建 周例会 每周八").unwrap_err();
    assert!(e.message().contains("每周一 9:30"), "{}", e.message());
}

#[test]
fn the_other_subcommands_and_render_round_trip() {
    assert_eq!(run("/例会 列表").unwrap(), SeriesCmd::List);
    assert_eq!(run("/例会").unwrap(), SeriesCmd::Help);
    assert_eq!(
        run("/meeting-series pause hys-2").unwrap(),
        SeriesCmd::Pause(SeriesId(2))
    );
    let c = run("/例会 改期 HYS-1 10月13日 14:00").unwrap();
    let SeriesCmd::Reschedule { id, to } = &c else {
        panic!()
    };
    assert_eq!(*id, SeriesId(1));
    assert_eq!(to.at, "2026-10-13T14:00:00+08:00".parse().unwrap());
    assert!(to.has_time);
    assert_eq!(run(&c.render()).unwrap(), c);
    for text in ["/例会 查看 HYS-3", "/例会 恢复 HYS-3", "/例会 取消 HYS-3"] {
        let c = run(text).unwrap();
        assert_eq!(c.render(), text);
    }
}

#[test]
fn links() {
    assert!(is_link("https://x.feishu.cn/docx/AbC"));
    assert!(is_link("http://bi.example.com:8080/d?id=1"));
    for bad in [
        "见群公告",
        "ftp://x.com",
        "https://",
        "https://nohost/",
        "https://a.com/ b",
    ] {
        assert!(!is_link(bad), "{bad}");
    }
}
