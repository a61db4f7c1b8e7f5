//! Recurring items in the creation grammar (pure): the `重复：<规则>` field (on the first line or
//! as a line of the structured form), deadlines written with 每 (`每周五前`, `每月15日`,
//! `每季度末`), and `/督办 重复 停止 DB-n`.
//!
//! The field is taken out of the lines before the creation parser reads them, and a 每
//! deadline is read as the same day in the current period (`每周五前` → `周五前`: this Friday,
//! or next week's once it has passed). A 每 deadline without a `重复：` field implies its rule
//! (`每周五前` → 每周). The rule is read by [`Cadence::parse`] and must be met by the first
//! deadline ([`first_occurrence`]); otherwise nothing is created.

use crate::command::ast::{CreateItem, SuperviseCmd};
use crate::command::context::Context;
use crate::command::error::ParseError;
use crate::command::grammar::{Cursor, Token};
use crate::command::when::parse_deadline;
use crate::domain::ids::ItemId;
use crate::domain::repeat::Cadence;
use crate::domain::repeat::first_occurrence;

use super::repeat_error::RepeatParseError;
#[cfg(test)]
use super::repeat_error::{EXAMPLE, STOP_EXAMPLE};

/// The field key.
const KEY: &str = "重复";
/// The form's deadline keys, after which a 每 deadline is read too (`截止：每周五`).
const DEADLINE_KEYS: &[&str] = &["截止", "截止时间", "截止日期", "期限", "完成时间"];
/// The words of `/督办 重复 <word> DB-n`.
const STOP_WORDS: &[&str] = &["停止", "结束", "stop"];
/// What [`extract`] took out of a creation.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// The `重复：` rule as typed.
    rule: Option<String>,
    /// The rule a 每 deadline implies.
    implied: Option<&'static str>,
    /// The words 每 deadlines were read as (`周五前`).
    read: Vec<String>,
}

/// A creation with its recurrence: `parse` reads the lines without the `重复：` field and with
/// 每 deadlines read as this period's day. When such a word did not end up as the deadline (it
/// is still in the title: `报送 每月15日 台账 @张三 周五前`), the lines are read again with the
/// word as typed, so a title keeps its 每 and implies no rule.
pub(crate) fn creation(
    lines: &[Vec<Token>],
    ctx: &Context<'_>,
    parse: impl Fn(&[Vec<Token>], &Context<'_>) -> Result<CreateItem, ParseError>,
) -> Result<CreateItem, ParseError> {
    let (read, ex) = extract(lines, ctx, true)?;
    let item = parse(&read, ctx)?;
    let in_title = item
        .title
        .as_deref()
        .is_some_and(|t| t.split(' ').any(|w| ex.read.iter().any(|r| r == w)));
    if !in_title {
        return attach(item, ex, ctx);
    }
    let (typed, ex) = extract(lines, ctx, false)?;
    let item = parse(&typed, ctx)?;
    attach(item, ex, ctx)
}

/// Takes the `重复：` field out of `lines` and reads 每 deadlines as this period's day.
/// The first line stays (it may be empty); a line left empty by the field goes.
fn extract(
    lines: &[Vec<Token>],
    ctx: &Context<'_>,
    each: bool,
) -> Result<(Vec<Vec<Token>>, Extracted), ParseError> {
    let mut out = Vec::with_capacity(lines.len());
    let mut ex = Extracted::default();
    for (n, line) in lines.iter().enumerate() {
        let mut kept = Vec::with_capacity(line.len());
        let mut tokens = line.iter().peekable();
        let mut took = false;
        while let Some(t) = tokens.next() {
            if let Some(glued) = field_value(t) {
                let value = match glued {
                    Some(v) => v,
                    None => match tokens.next_if(|x| x.bare().is_some()) {
                        Some(x) => x.as_grammar_text(),
                        None => return Err(RepeatParseError::Missing.into()),
                    },
                };
                if ex.rule.replace(value).is_some() {
                    return Err(RepeatParseError::Twice.into());
                }
                took = true;
                continue;
            }
            match each_deadline(t, ctx).filter(|_| each) {
                Some((word, implied)) => {
                    ex.implied.get_or_insert(implied);
                    ex.read.extend(word.bare().map(str::to_owned));
                    kept.push(word);
                }
                None => kept.push(t.clone()),
            }
        }
        if n == 0 || !(took && kept.is_empty()) {
            out.push(kept);
        }
    }
    Ok((out, ex))
}

/// `重复：每周` → `Some(Some("每周"))`; `重复：` → `Some(None)`; anything else → `None`.
fn field_value(t: &Token) -> Option<Option<String>> {
    let (key, value) = t.bare()?.split_once(':')?;
    (key == KEY).then(|| Some(value.trim().to_owned()).filter(|v| !v.is_empty()))
}

/// A word written with 每 that reads as a deadline once the 每 part is dropped, with the
/// rule it implies: `每周五前` → (`周五前`, 每周); also after a field key (`截止：每周五`).
fn each_deadline(t: &Token, ctx: &Context<'_>) -> Option<(Token, &'static str)> {
    let text = t.bare()?;
    let (key, body) = match text.split_once(':') {
        Some((k, b)) if DEADLINE_KEYS.contains(&k) => (format!("{k}:"), b),
        Some(_) => return None,
        None => (String::new(), text),
    };
    let (day, implied) = each_day(body)?;
    // A word that is no time without its 每 stays in the title (`每日晨报`); a time that is
    // refused (past) is the creation parser's to report.
    if matches!(parse_deadline(&day, ctx.now, ctx.calendar), Err(e) if e.is_not_a_time()) {
        return None;
    }
    let text = format!("{key}{day}");
    Some((
        Token::Word {
            text: text.clone(),
            quoted: false,
            raw: text,
        },
        implied,
    ))
}

/// The day of a 每 expression and the rule it implies.
fn each_day(body: &str) -> Option<(String, &'static str)> {
    let rest = body.strip_prefix('每')?;
    for (prefix, replacement, implied) in [
        ("月最后一个工作日", "月底", "每月最后一个工作日"),
        ("月最后一天", "月底", "每月最后一个工作日"),
        ("月底", "月底", "每月最后一个工作日"),
        ("月末", "月底", "每月最后一个工作日"),
        ("季度最后一个工作日", "季度末", "每季度末"),
        ("季度末", "季度末", "每季度末"),
        ("季末", "季度末", "每季度末"),
        ("个工作日", "", "每个工作日"),
        ("工作日", "", "每个工作日"),
        ("天", "", "每个工作日"),
        ("日", "", "每个工作日"),
    ] {
        if let Some(tail) = rest.strip_prefix(prefix) {
            let tail = if replacement.is_empty() {
                // `每天` alone: the end of the working day.
                if tail.is_empty() || tail == "前" {
                    "18:00".to_owned()
                } else {
                    tail.to_owned()
                }
            } else {
                // `每月底前` is the month's end too.
                format!("{replacement}{}", tail.strip_prefix('前').unwrap_or(tail))
            };
            return Some((tail, implied));
        }
    }
    if let Some(tail) = rest.strip_prefix('周').or_else(|| rest.strip_prefix("星期")) {
        return Some((format!("周{tail}"), "每周"));
    }
    if let Some(tail) = rest.strip_prefix('月') {
        // `每月15日` / `每月15号`: that day of this month.
        let digits: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = tail.get(digits.len()..).unwrap_or_default();
        if !digits.is_empty() && after.starts_with(['日', '号']) {
            return Some((tail.to_owned(), monthly(&digits)));
        }
    }
    None
}

/// The rule `每月N日` for day `n` (a static string: the days are few).
fn monthly(n: &str) -> &'static str {
    const DAYS: [&str; 31] = [
        "每月1日",
        "每月2日",
        "每月3日",
        "每月4日",
        "每月5日",
        "每月6日",
        "每月7日",
        "每月8日",
        "每月9日",
        "每月10日",
        "每月11日",
        "每月12日",
        "每月13日",
        "每月14日",
        "每月15日",
        "每月16日",
        "每月17日",
        "每月18日",
        "每月19日",
        "每月20日",
        "每月21日",
        "每月22日",
        "每月23日",
        "每月24日",
        "每月25日",
        "每月26日",
        "每月27日",
        "每月28日",
        "每月29日",
        "每月30日",
        "每月31日",
    ];
    n.parse::<usize>()
        .ok()
        .and_then(|d| DAYS.get(d.wrapping_sub(1)))
        .copied()
        .unwrap_or("每月")
}

/// Attaches the rule to a parsed creation, refusing a rule that is unreadable or cannot be met
/// by the deadline.
fn attach(mut item: CreateItem, ex: Extracted, ctx: &Context<'_>) -> Result<CreateItem, ParseError> {
    let Some(rule) = ex.rule.or_else(|| ex.implied.map(str::to_owned)) else {
        return Ok(item);
    };
    let cadence = Cadence::parse(&rule).map_err(|e| RepeatParseError::Unreadable {
        input: rule.clone(),
        reason: e.message,
    })?;
    first_occurrence(&cadence, item.deadline.at, ctx.now, ctx.calendar).map_err(RepeatParseError::Plan)?;
    item.repeat = Some(rule);
    Ok(item)
}

/// `重复 停止 DB-12`.
pub(crate) fn stop(c: &mut Cursor) -> Result<SuperviseCmd, ParseError> {
    match c.peek().and_then(Token::bare) {
        Some(w) if STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)) => c.advance(1),
        _ => return Err(RepeatParseError::NotStop.into()),
    }
    let id = c.next_id(ItemId::parse)?;
    Ok(SuperviseCmd::RepeatStop { id })
}

impl From<RepeatParseError> for ParseError {
    fn from(e: RepeatParseError) -> Self {
        Self::Repeat(e)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
