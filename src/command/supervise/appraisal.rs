//! `考评 [期间] [@某人]`, `考评 导出 [期间] [单位]`, `考评 推送 [期间]`, and
//! `标杆|负面 @某人 <代码> [DB-n] 说明` / `标杆|负面 备注 BR-n 说明`. The catalogue code is
//! checked in the service (the catalogue is configuration).

use crate::command::ast::{AppraisalCmd, BehaviourCmd};
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::domain::appraisal::{BehaviourKind, RecordId, Window};
use crate::domain::ids::ItemId;

/// `考评 …`.
pub(super) fn appraisal(c: &mut Cursor) -> Result<AppraisalCmd, ParseError> {
    match c.peek().and_then(Token::bare) {
        Some("导出" | "export") => {
            c.advance(1);
            let window = window(c)?.unwrap_or_default();
            let unit = c.rest_text();
            Ok(AppraisalCmd::Export { window, unit })
        }
        Some("推送" | "push") => {
            c.advance(1);
            let window = window(c)?.unwrap_or_default();
            Ok(AppraisalCmd::Push { window })
        }
        _ => {
            let mut person = c.next_mention().or_else(|| named(c));
            let w = window(c)?;
            if person.is_none() {
                person = c.next_mention().or_else(|| named(c));
            }
            Ok(AppraisalCmd::Show {
                window: w.unwrap_or_default(),
                person,
            })
        }
    }
}

/// A person named by a bare word (`张三`) where an @ cannot be typed (a 1:1 chat): 2–4 Chinese
/// characters that do not look like a period. Its open_id is empty: the service resolves the
/// name among the people it knows.
fn named(c: &mut Cursor) -> Option<crate::domain::ids::Person> {
    let word = c.peek().and_then(Token::bare)?;
    let n = word.chars().count();
    let cjk = word
        .chars()
        .all(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch) || ch == '·');
    let periodish = word.contains(['月', '季', '年', '周', '期', '导', '推']);
    if !(2..=4).contains(&n) || !cjk || periodish || Window::parse(word).is_some() {
        return None;
    }
    let person = crate::domain::ids::Person {
        open_id: crate::domain::ids::OpenId(String::new()),
        name: word.to_owned(),
    };
    c.advance(1);
    Some(person)
}

/// An optional period word: `Ok(None)` when none is next, an error for another word.
fn window(c: &mut Cursor) -> Result<Option<Window>, ParseError> {
    let Some(token) = c.peek() else {
        return Ok(None);
    };
    match token.bare().map(|w| (w, Window::parse(w))) {
        Some((_, Some(w))) => {
            c.advance(1);
            Ok(Some(w))
        }
        Some((word, None)) => Err(ParseError::UnknownAppraisalPeriod {
            word: word.to_owned(),
        }),
        None => Ok(None),
    }
}

/// `标杆|负面 …` (`kind` from the subcommand word).
pub(super) fn behaviour(c: &mut Cursor, kind: BehaviourKind) -> Result<BehaviourCmd, ParseError> {
    let command = kind.label();
    let missing = |what| ParseError::BehaviourIncomplete { command, what };
    if matches!(c.peek().and_then(Token::bare), Some("备注" | "comment")) {
        c.advance(1);
        let id = c
            .peek()
            .and_then(Token::bare)
            .and_then(RecordId::parse)
            .ok_or_else(|| missing("编号"))?;
        c.advance(1);
        let text = c.rest_text().ok_or_else(|| missing("备注"))?;
        return Ok(BehaviourCmd::Comment { kind, id, text });
    }
    let subject = c
        .next_mention()
        .or_else(|| named(c))
        .ok_or_else(|| missing("@某人"))?;
    let code = c
        .peek()
        .and_then(Token::bare)
        .map(str::to_owned)
        .ok_or_else(|| missing("代码"))?;
    c.advance(1);
    let item = c
        .peek()
        .and_then(Token::bare)
        .filter(|w| w.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("db")))
        .and_then(ItemId::parse);
    if item.is_some() {
        c.advance(1);
    }
    Ok(BehaviourCmd::Record {
        kind,
        subject,
        code,
        item,
        note: c.rest_text(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::calendar::Calendar;
    use crate::command::{
        AppraisalCmd, BehaviourCmd, Command, Context, Mention, ParseError, SuperviseCmd, parse, render,
    };
    use crate::domain::appraisal::{BehaviourKind, RecordId, Window};
    use crate::domain::board::Period;
    use crate::domain::ids::{ItemId, OpenId, Person};

    fn zhang() -> Person {
        Person {
            open_id: OpenId("ou_zhang".into()),
            name: "张三".into(),
        }
    }

    fn read(text: &str) -> Result<SuperviseCmd, ParseError> {
        let cal = Calendar::builtin();
        let ctx = Context {
            now: "2026-03-11T10:00:00+08:00".parse().unwrap(),
            calendar: &cal,
            is_reply: false,
        };
        let mentions = [Mention {
            key: "@_user_1".into(),
            person: zhang(),
        }];
        match parse(text, &mentions, &ctx)? {
            Some(Command::Supervise(s)) => Ok(s),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn appraisal_reads_period_person_export_and_push() {
        assert_eq!(
            read("/督办 考评").unwrap(),
            SuperviseCmd::Appraisal(AppraisalCmd::Show {
                window: Window::Stats(Period::ThisQuarter),
                person: None
            })
        );
        assert_eq!(
            read("/督办 考评 @_user_1 上季度").unwrap(),
            SuperviseCmd::Appraisal(AppraisalCmd::Show {
                window: Window::LastQuarter,
                person: Some(zhang())
            })
        );
        assert_eq!(
            read("/督办 考评 导出 今年 杭州营业部").unwrap(),
            SuperviseCmd::Appraisal(AppraisalCmd::Export {
                window: Window::ThisYear,
                unit: Some("杭州营业部".into())
            })
        );
        assert_eq!(
            read("/督办 考评 推送 本月").unwrap(),
            SuperviseCmd::Appraisal(AppraisalCmd::Push {
                window: Window::Stats(Period::ThisMonth)
            })
        );
        let e = read("/督办 考评 下下季度").unwrap_err();
        assert_eq!(e.title(), "考评期间没看懂");
        assert!(e.to_string().contains("/督办 考评 本季度"), "{e}");
    }

    #[test]
    fn behaviour_records_and_comments_read_and_render_back() {
        let cmd = read("/督办 标杆 @_user_1 B01 DB-12 提前两天完成").unwrap();
        assert_eq!(
            cmd,
            SuperviseCmd::Behaviour(BehaviourCmd::Record {
                kind: BehaviourKind::Commend,
                subject: zhang(),
                code: "B01".into(),
                item: Some(ItemId(12)),
                note: Some("提前两天完成".into()),
            })
        );
        let (text, _) = render(&Command::Supervise(cmd.clone()));
        assert_eq!(read(&text).unwrap(), cmd);
        let cmd = read("/督办 负面 @_user_1 N01 12 个客户未回访").unwrap();
        let SuperviseCmd::Behaviour(BehaviourCmd::Record { item, note, .. }) = &cmd else {
            panic!()
        };
        assert_eq!((item, note.as_deref()), (&None, Some("12 个客户未回访")));
        assert_eq!(
            read("/督办 负面 备注 BR-3 已补交").unwrap(),
            SuperviseCmd::Behaviour(BehaviourCmd::Comment {
                kind: BehaviourKind::Fault,
                id: RecordId(3),
                text: "已补交".into()
            })
        );
        let by_name = read("/督办 标杆 张三 B01 好").unwrap();
        let SuperviseCmd::Behaviour(BehaviourCmd::Record { subject, code, .. }) = &by_name else {
            panic!()
        };
        assert_eq!(
            (subject.open_id.0.as_str(), subject.name.as_str(), code.as_str()),
            ("", "张三", "B01")
        );
        let (text, _) = render(&Command::Supervise(by_name.clone()));
        assert_eq!(read(&text).unwrap(), by_name);
        let SuperviseCmd::Appraisal(AppraisalCmd::Show { person, window }) =
            read("/督办 考评 本季度 张三").unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (person.unwrap().name.as_str(), window),
            ("张三", Window::Stats(Period::ThisQuarter))
        );
        assert_eq!(read("/督办 考评 下下季度").unwrap_err().title(), "考评期间没看懂");
        assert_eq!(read("/督办 标杆 B01").unwrap_err().title(), "缺少被记录的人");
        assert_eq!(read("/督办 标杆 @_user_1").unwrap_err().title(), "缺少行为代码");
        assert_eq!(
            read("/督办 标杆 备注 DB-3 x").unwrap_err().title(),
            "缺少记录编号"
        );
        assert_eq!(read("/督办 标杆 备注 BR-3").unwrap_err().title(), "缺少备注内容");
        assert!(
            read("/督办 负面 @_user_1")
                .unwrap_err()
                .to_string()
                .contains("/督办 负面 @张三 N01")
        );
    }
}
