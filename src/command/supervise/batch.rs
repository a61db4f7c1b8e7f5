//! `下达 列表` / `下达 查看 XD-3` / `下达 取消 XD-3 原因` / `下达 延期 XD-3 <新截止时间> [原因]`
//! (pure): the words after `下达` that manage a batch rather than issue one.

use super::create::{Prefer, Search, find_deadline};
use crate::command::ast::SuperviseCmd;
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::domain::ids::BatchId;

/// The words after `下达` that manage a batch.
pub(crate) const WORDS: [&str; 4] = ["列表", "查看", "取消", "延期"];

/// Whether the line after `下达` starts with one of [`WORDS`].
pub(super) fn is_batch_word(c: &Cursor) -> bool {
    c.peek().and_then(Token::bare).is_some_and(|w| WORDS.contains(&w))
}

/// Parses `列表`, `查看 XD-3`, `取消 XD-3 原因`, `延期 XD-3 <截止时间> [原因]`.
pub(super) fn parse(c: &mut Cursor, ctx: &Context<'_>) -> Result<SuperviseCmd, ParseError> {
    let word = c.peek().and_then(Token::bare).unwrap_or_default().to_owned();
    c.advance(1);
    if word == "列表" {
        return Ok(SuperviseCmd::IssueList);
    }
    let word: &'static str = WORDS.into_iter().find(|w| *w == word).unwrap_or("查看");
    let id = c
        .peek()
        .and_then(Token::bare)
        .and_then(BatchId::parse)
        .ok_or(ParseError::MissingBatchId { word })?;
    c.advance(1);
    Ok(match word {
        "取消" => SuperviseCmd::IssueCancel {
            id,
            reason: c.rest_text().ok_or(ParseError::BatchCancelNeedsReason)?,
        },
        "延期" => {
            let rest = c.rest().to_vec();
            let usable: Vec<bool> = rest.iter().map(|t| t.bare().is_some()).collect();
            match find_deadline(&rest, &usable, Prefer::First, ctx) {
                Search::Found { deadline, start, len } => {
                    let mut others: Vec<Token> = rest.get(..start).unwrap_or(&[]).to_vec();
                    others.extend_from_slice(rest.get(start + len..).unwrap_or(&[]));
                    let mut reason = Cursor::new(others, "下达");
                    c.advance(rest.len());
                    SuperviseCmd::IssueExtend {
                        id,
                        deadline,
                        reason: reason.rest_text(),
                    }
                }
                Search::Refused(e) => return Err(ParseError::BatchDeadline(e)),
                Search::Nothing => return Err(ParseError::BatchExtendNeedsDeadline),
            }
        }
        _ => SuperviseCmd::IssueShow(id),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use jiff::Timestamp;

    use crate::calendar::Calendar;
    use crate::command::when::DeadlineError;
    use crate::command::{Command, Context, ParseError, SuperviseCmd, parse};
    use crate::domain::ids::BatchId;

    fn run(text: &str) -> Result<SuperviseCmd, ParseError> {
        static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        let now: Timestamp = "2026-03-11T10:00:00+08:00".parse().unwrap();
        let ctx = Context {
            now,
            calendar: CAL.get_or_init(Calendar::builtin),
            is_reply: false,
        };
        match parse(text, &[], &ctx)? {
            Some(Command::Supervise(c)) => Ok(c),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_batch_words_after_issue_are_read() {
        assert_eq!(run("/督办 下达 列表").unwrap(), SuperviseCmd::IssueList);
        assert_eq!(
            run("/督办 下达 查看 XD-3").unwrap(),
            SuperviseCmd::IssueShow(BatchId(3))
        );
        assert_eq!(
            run("/督办 下达 取消 XD-3 口径调整，重新下达").unwrap(),
            SuperviseCmd::IssueCancel {
                id: BatchId(3),
                reason: "口径调整，重新下达".to_owned()
            }
        );
        let SuperviseCmd::IssueExtend { id, deadline, reason } =
            run("/督办 下达 延期 xd3 3月27日 等待总部口径").unwrap()
        else {
            panic!("not an extension")
        };
        assert_eq!(id, BatchId(3));
        assert_eq!(
            deadline.at,
            "2026-03-27T18:00:00+08:00".parse::<Timestamp>().unwrap()
        );
        assert_eq!(reason.as_deref(), Some("等待总部口径"));
        // Rendered back, each line parses to the same command.
        for line in [
            "/督办 下达 列表",
            "/督办 下达 取消 XD-3 口径调整",
            "/督办 下达 延期 XD-3 3月27日 等待口径",
        ] {
            let c = run(line).unwrap();
            let (text, _) = crate::command::render(&Command::Supervise(c.clone()));
            assert_eq!(run(&text).unwrap(), c, "{text}");
        }
    }

    #[test]
    fn a_batch_line_missing_its_parts_is_refused_with_its_own_example() {
        let e = run("/督办 下达 取消 XD-3").unwrap_err();
        assert_eq!(e, ParseError::BatchCancelNeedsReason);
        assert!(e.example().contains("下达 取消 XD-3"));
        let e = run("/督办 下达 取消").unwrap_err();
        assert_eq!(e, ParseError::MissingBatchId { word: "取消" });
        assert!(e.message().contains("“下达 取消”后面请写下达编号"));
        let e = run("/督办 下达 延期 XD-3").unwrap_err();
        assert_eq!(e, ParseError::BatchExtendNeedsDeadline);
        assert!(e.example().contains("下达 延期 XD-3"));
        let e = run("/督办 下达 延期 XD-3 3月2日").unwrap_err();
        assert!(
            matches!(
                e,
                ParseError::BatchDeadline(DeadlineError::Past { .. } | DeadlineError::RecentPast { .. })
            ),
            "{e:?}"
        );
        assert_eq!(e.title(), "截止时间已经过去");
        assert_eq!(
            run("/督办 下达 查看").unwrap_err().example(),
            "/督办 下达 查看 XD-3"
        );
    }
}
