//! Where a line's deadline is (pure): the longest window the deadline parser reads, in a
//! parenthesised group or a clause, English tails included; and the deadline words taken out of
//! the task text.

mod lookback;

use super::ctx::{Ctx, Scan, is_cjk};
use crate::command::when::{english_deadline, parse_deadline};
use crate::domain::deadline::Deadline;

impl Ctx<'_> {
    /// A deadline field's value (`11月15日`, `四季度` = by the quarter's end, `11月` = by the
    /// month's end).
    pub(crate) fn field_deadline(&self, value: &str) -> Scan {
        let first = self.scan(&format!("（{value}）"));
        let v = value.trim();
        if first.deadline.is_none() && (v.ends_with("季度") || v.ends_with('月')) {
            let end = if v.ends_with('月') { "底" } else { "末" };
            let second = self.scan(&format!("（{v}{end}）"));
            if second.deadline.is_some() {
                return Scan {
                    deadline_text: Some(v.to_owned()),
                    ..second
                };
            }
        }
        first
    }
    /// The first candidate holding an accepted deadline; failing that, the first refused one.
    pub(crate) fn first_deadline(&self, candidates: &[String]) -> (Option<Deadline>, Option<String>) {
        let mut refused: Option<String> = None;
        for c in candidates {
            // `10:15 on-call 翁佳 acknowledged`: a timeline's clock time is no deadline.
            let chars: Vec<char> = c.chars().collect();
            let opening = chars
                .iter()
                .position(|ch| !ch.is_whitespace() && !"-*•·".contains(*ch));
            let clock_end = opening.and_then(|o| (o + 4..=o + 5).find(|e| opens_timeline(&chars, o, *e)));
            let c = &match clock_end {
                Some(e) => chars.get(e..).unwrap_or_default().iter().collect::<String>(),
                None => c.clone(),
            };
            // `… on suitability mapping by next Wed`: the English tail of a clause.
            let tail = super::spaced::english_tail(c);
            // `target end of this week`: the word before the date is no part of it.
            let tail = ["target ", "Target ", "targeting "]
                .iter()
                .find_map(|w| tail.trim_start().strip_prefix(w))
                .unwrap_or(tail);
            // `due before 春节.`: the stop closing the sentence is no part of the date.
            let tail = tail
                .trim_end()
                .trim_end_matches(['.', '。', ',', '，', ';', '；']);
            // `by Fri 出结果`: the English date ends where the Chinese words resume.
            let tail = if english_deadline(tail.trim()).is_some() {
                tail
            } else {
                super::spaced::english_part(tail)
            };
            if let Some(zh) = english_deadline(tail.trim()) {
                match parse_deadline(&zh, self.base, self.cal) {
                    Ok(d) => return (Some(d), Some(tail.trim().to_owned())),
                    Err(e) if !e.is_not_a_time() => {
                        refused.get_or_insert(tail.trim().to_owned());
                    }
                    Err(_) => {}
                }
                continue;
            }
            match self.deadline_in(c) {
                Some((text, Some(d))) => return (Some(d), Some(text)),
                Some((text, None)) => {
                    refused.get_or_insert(text);
                }
                None => {}
            }
        }
        (None, refused)
    }
    /// `凭证装订入库 — 孟冬（3月20日前）`: brackets read away with the owner (in `before`, gone
    /// from `text`) still say when.
    pub(crate) fn deadline_in_gone_parens(
        &self,
        before: &str,
        text: &str,
    ) -> (Option<Deadline>, Option<String>) {
        let gone: Vec<String> = paren_groups(before)
            .into_iter()
            .filter(|g| !text.contains(g.as_str()))
            .collect();
        self.first_deadline(&gone)
    }
    /// The longest window of `s` that the deadline parser accepts; failing that, the longest it
    /// recognises and refuses. A refused window (`上个月的费用报销 周五前交`) hides no accepted
    /// one elsewhere in the text, only those inside it (`今天上午9点` past is not `上午9点`).
    pub(crate) fn deadline_in(&self, s: &str) -> Option<(String, Option<Deadline>)> {
        let chars: Vec<char> = s.chars().collect();
        // `下班前发群里`: the end of the working day holds no other time word.
        if !chars.iter().any(|c| is_time_char(*c))
            && !["下班前", "下班之前", "上班前"].iter().any(|w| s.contains(w))
        {
            return None;
        }
        // `12月1日至5日期间完成`: the last day of the range.
        if let Some((text, last)) = super::date_range::date_range(s)
            && let Ok(d) = parse_deadline(&last, self.base, self.cal)
        {
            return Some((text, Some(d)));
        }
        let mut refused: Option<(String, usize, usize)> = None;
        let max = chars.len().min(20);
        for len in (2..=max).rev() {
            for start in 0..=chars.len() - len {
                let window = chars.get(start..start + len)?;
                // `半个月内` (15 days), not `下半年`.
                let half_month = window.first() == Some(&'半') && window.get(1) == Some(&'个');
                // `第三季度末前` (the quarter's end), not `季度末前` (this quarter's).
                let nth_quarter = (window.first() == Some(&'第')
                    && window.get(1).is_some_and(|c| "一二三四1234".contains(*c))
                    && window.get(2) == Some(&'季'))
                    // `Q2末`, `W37内`
                    || (window.first().is_some_and(|c| matches!(c, 'Q' | 'q' | 'W' | 'w'))
                        && window.get(1).is_some_and(char::is_ascii_digit)
                        && (start == 0 || !chars.get(start - 1).is_some_and(char::is_ascii_alphanumeric)));
                if !(half_month || nth_quarter || window.first().is_some_and(|c| is_start_char(*c)))
                    || cuts_digits(&chars, start, start + len)
                    || is_ordinal_or_start(&chars, start, start + len)
                    || (modifies_noun(&chars, start, start + len) && !self.after_member(&chars, start))
                    || is_amount_not_hour(&chars, start)
                    // `弄一下周五之前`: the 下 of 一下 starts no `下周五`; nor the second 下 of `下下周`.
                    || (chars.get(start) == Some(&'下')
                        && start > 0
                        && matches!(chars.get(start - 1), Some('一' | '下')))
                    || opens_timeline(&chars, start, start + len)
                    || super::vague::in_month_range(&chars, start, start + len)
                    || super::vague::opens_label(&chars, start, start + len)
                    || super::vague::term_length(&chars, start)
                    || super::vague::year_not_festival(&chars, start)
                    || super::vague::counted_run(&chars, start)
                    || super::series_no::names_a_series(&chars, start)
                    || super::vague::is_bare_year(window)
                    || super::inner_word::ends_inside_word(&chars, start + len)
                    || inside_quotes(&chars, start)
                {
                    continue;
                }
                // Inside (or overlapping) the refused window: part of the same words.
                if refused
                    .as_ref()
                    .is_some_and(|(_, a, b)| start < *b && start + len > *a)
                {
                    continue;
                }
                let w: String = window.iter().collect();
                let w = month_dot_day(&chars, start, start + len).unwrap_or(w);
                // `平均响应8分钟`, `RTO为28分钟`: a measured span, not a time limit (`2小时内`);
                // `自下周起`, `活动定于4月25日`: when something starts or takes place; `近3个月`: a
                // period looked back over.
                if is_bare_clock_span(&w)
                    || is_start_or_event(&chars, start, start + len, &w)
                    || lookback::looks_back(&chars, start)
                    || lookback::time_left(&chars, start, &w)
                    || lookback::how_long(&chars, start, &w)
                    // `013  周**  客户号…`: a masked surname, not a week.
                    || chars.get(start + len).is_some_and(|c| matches!(c, '*' | '＊'))
                {
                    continue;
                }
                // `到期前3天提醒`: tied to an event, refused (a time with no date).
                if lookback::how_early(&chars, start, &w) {
                    refused.get_or_insert((w.trim().to_owned(), start, start + len));
                    continue;
                }
                // `2 月底前`: the number typed apart from its unit.
                match parse_deadline(
                    &super::spaced::squeezed(&w).unwrap_or_else(|| w.clone()),
                    self.base,
                    self.cal,
                ) {
                    // After a refused window, only a stated limit (`周五前`), not `时长1小时26分钟`.
                    Ok(_) if refused.is_some() && !w.trim_end().ends_with(['前', '内']) => {}
                    // `上线后三个工作日内`: counted from an event, not from the meeting; `下季度初`:
                    // the start of a period the parser does not read, not its end.
                    Ok(_) if after_event(&chars, start, &w) || opens_period(&chars, start + len, &w) => {
                        refused.get_or_insert((w.trim().to_owned(), start, start + len));
                    }
                    Ok(d) => return Some((w.trim().to_owned(), Some(d))),
                    Err(e) if !e.is_not_a_time() => {
                        refused.get_or_insert((w.trim().to_owned(), start, start + len));
                    }
                    Err(_) => {}
                }
            }
        }
        refused
            .map(|(w, _, _)| w)
            .or_else(|| super::vague::bare_week_limit(&chars))
            .map(|w| (w, None))
    }
}

/// Whether the window `start..end` (`w`) says when something starts (`自下周起`, `从3月1日开始`)
/// or takes place (`定于4月25日`) or a new setting (`调整为8:30`), not when work is due
/// (`定于3月20日前完成` is).
fn is_start_or_event(chars: &[char], start: usize, end: usize, w: &str) -> bool {
    // The marker just before the date the window is part of (`定于4月25日` holds `25日`).
    let run_start = chars
        .get(..start)
        .unwrap_or_default()
        .iter()
        .rposition(|c| !(is_time_char(*c) || is_start_char(*c)))
        .map_or(0, |i| i + 1);
    let before = |k: usize| run_start.checked_sub(k).and_then(|i| chars.get(i)).copied();
    let after: String = chars.get(end..).unwrap_or_default().iter().take(2).collect();
    let from =
        matches!(before(1), Some('自' | '从')) && (after.starts_with('起') || after.starts_with("开始"));
    // `定在9月22日` after a task is its date; `定于` is an announcement's.
    let event = matches!((before(2), before(1)), (Some('定'), Some('于')))
        // `复盘会排在下周`: when a meeting is slotted, not when work is due.
        || matches!((before(2), before(1)), (Some('排'), Some('在')))
        // `报到时间统一为7月6日`: the day set for an event (`统一为3月5日前` is a limit).
        || matches!((before(2), before(1)), (Some('一'), Some('为')));
    // `晨会时间调整为8:30`: a new clock setting (`改为5月22日完成` is a new date).
    let head: String = chars.get(..run_start).unwrap_or_default().iter().collect();
    let clock_only = w
        .trim()
        .chars()
        .all(|c| c.is_ascii_digit() || ":：点半分".contains(c));
    // `晨会改到8:40`, `例会提前到8:30`: the same, said with 到.
    const SET: &[&str] = &[
        "调整为",
        "改为",
        "变更为",
        "调整到",
        "改到",
        "调到",
        "改成",
        "提前到",
        "推迟到",
        "挪到",
    ];
    let set = clock_only && SET.iter().any(|m| head.ends_with(m));
    let limit = w.trim_end().ends_with(['前', '内']) || after.starts_with('前') || after.starts_with("之前");
    (from || event || set) && !limit
}

/// Whether `start` is inside quotation marks (`补充“公告48小时内通知”`): content, not a deadline.
fn inside_quotes(chars: &[char], start: usize) -> bool {
    let before = chars.get(..start).unwrap_or_default();
    let open = before.iter().filter(|c| matches!(c, '“' | '「' | '『')).count();
    let close = before.iter().filter(|c| matches!(c, '”' | '」' | '』')).count();
    open > close
        && chars
            .get(start..)
            .is_some_and(|r| r.iter().any(|c| matches!(c, '”' | '」' | '』')))
}

/// Whether `w` is a bare hour or minute span (`8分钟`, `1小时26分钟`, `两个半小时`, `15 分钟`) with no
/// `内`/`后` of its own: a figure in a report, not a deadline.
fn is_bare_clock_span(w: &str) -> bool {
    let w = w.trim();
    let Some(rest) = ["分钟", "小时", "钟头"].iter().find_map(|u| w.strip_suffix(u)) else {
        return false;
    };
    !rest.is_empty()
        && rest.chars().all(|c| {
            c.is_ascii_digit() || c.is_whitespace() || "一二三四五六七八九十两半个小时分钟.".contains(c)
        })
}

/// Whether the period `w` (`下季度`, `明年`) is followed by `初` or `中` (`下季度初`, `明年中`): its
/// start or middle, which the window alone (its end) does not say.
fn opens_period(chars: &[char], end: usize, w: &str) -> bool {
    ["季度", "年", "月", "周"]
        .iter()
        .any(|p| w.trim_end().ends_with(p))
        && chars.get(end).is_some_and(|c| matches!(c, '初' | '中'))
}

/// Whether the window at `start` is a span (`三个工作日内`, `两周内`) counted from an event named
/// just before it (`上线后`, `变更完成后`), not from the meeting (`会后`) or a date (`节后`, `5日后`).
fn after_event(chars: &[char], start: usize, w: &str) -> bool {
    let w = w.trim();
    // `活动结束后两个工作日内在内网发布`: read as `两个工作日` too.
    let span = w.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两半".contains(c))
        && (w.ends_with('内')
            || ["工作日", "交易日", "天", "周", "个月"]
                .iter()
                .any(|u| w.ends_with(u)));
    // `活动结束后 2 天内`: spaces typed before the span are no part of what it follows; nor is
    // whom it is asked of (`拿到数据后你3个工作日内`, `上线后我们两天内`).
    let start = chars
        .get(..start)
        .and_then(|p| {
            p.iter()
                .rposition(|c| !matches!(c, ' ' | '你' | '我' | '他' | '她' | '们'))
        })
        .map_or(0, |i| i + 1);
    let before = |k: usize| start.checked_sub(k).and_then(|i| chars.get(i)).copied();
    // `会前十日发送`, `开会前3日`: days before an event (`N日` after `前` counts, not a date).
    let days_before = before(1) == Some('前')
        && w.strip_suffix('日').is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c))
        });
    // `活动前一天完成`: the day before an event, no span from the meeting either; `会后` is this
    // meeting's end, `会前` a meeting to come.
    // `节后一周内`: a span from a holiday's end in days or weeks, which the conventions do not
    // define (only `节后第一个工作日`, `节后N个工作日内`): not a span from the meeting either.
    let after_holiday = span && before(1) == Some('后') && before(2) == Some('节') && !w.contains("工作日");
    after_holiday
        || ((span || days_before)
            && matches!(before(1), Some('后' | '前'))
            && before(2)
                .is_some_and(|c| is_cjk(c) && (c != '会' || before(1) == Some('前')) && !is_time_char(c)))
}

/// Removes the deadline words (and a group or clause that held only them) from the text.
pub(crate) fn remove_deadline(text: &str, dt: &str) -> String {
    for (open, close) in [("（", "）"), ("(", ")")] {
        let group = format!("{open}{dt}{close}");
        if text.contains(&group) {
            return text.replacen(&group, "", 1);
        }
    }
    let Some(i) = text.find(dt) else {
        return text.to_owned();
    };
    let before = text.get(..i).unwrap_or_default();
    let after = text.get(i + dt.len()..).unwrap_or_default();
    let fillers = [
        "之前", "以前", "前", "完成", "提交", "交付", "反馈", "上线", "内", "为止",
    ];
    let mut tail = after;
    for f in fillers {
        if let Some(t) = tail.strip_prefix(f) {
            tail = t;
        }
    }
    let clause_ends = tail.is_empty() || tail.starts_with(['，', ',', '；', ';', '。', '）', ')']);
    let mut head = before;
    for f in [
        "务必于",
        "务必在",
        "最晚",
        "最迟",
        "争取",
        "力争",
        "需在",
        "需于",
        "请于",
        "请在",
        "在",
        "于",
        "，",
        ",",
    ] {
        if let Some(h) = head.strip_suffix(f) {
            head = h;
        }
    }
    let clause_starts =
        head.is_empty() || before.ends_with(['，', ',', '；', ';']) || head.len() < before.len();
    if clause_ends && (clause_starts || tail.is_empty()) {
        format!("{head}{tail}")
    } else {
        text.to_owned()
    }
}

pub(crate) fn is_time_char(c: char) -> bool {
    // The holidays' own characters count (`国庆前`, `中秋前`, `端午前`, `元旦前` hold no other).
    c.is_ascii_digit()
        || "今明后周月年天日号季底末节内星期礼拜点时一二三四五六七八九十两尽庆秋午旦".contains(c)
}

pub(crate) fn is_start_char(c: char) -> bool {
    c.is_ascii_digit()
        || "一二三四五六七八九十两今明后下本这周星礼月年季节上大次中早晚截最尽端清元国春劳".contains(c)
}

/// `—季敏 2.13`, `（小阙/2.13）`: a bare month and day standing apart as a field of the line (not
/// `低于1.3的`, a figure), as `2月13日`.
fn month_dot_day(chars: &[char], start: usize, end: usize) -> Option<String> {
    let window = chars.get(start..end)?;
    let dot = window.iter().position(|c| *c == '.')?;
    let (m, d) = (window.get(..dot)?, window.get(dot + 1..)?);
    let digits = |p: &[char]| (1..=2).contains(&p.len()) && p.iter().all(char::is_ascii_digit);
    let apart_before = start
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .is_none_or(|c| c.is_whitespace() || "/／—–-（(，,：:".contains(*c))
        // `OMS 2.4 上线`, `APP 7.2`: a version after a product's name, not a day.
        && !chars
            .get(..start)
            .and_then(|b| b.iter().rev().find(|c| !c.is_whitespace()))
            .is_some_and(char::is_ascii_alphabetic);
    // `覆盖客户 2.3 万人次`: a unit after the space makes it a figure.
    let unit_next = chars
        .get(end..)
        .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
        .is_some_and(|c| "万亿千百户笔元人次个家倍%％份只名场天年月日小分秒".contains(*c));
    let apart_after = !unit_next
        && chars
            .get(end)
            .is_none_or(|c| c.is_whitespace() || "/／）)，,；;。".contains(*c));
    (digits(m) && digits(d) && apart_before && apart_after).then(|| {
        let (m, d): (String, String) = (m.iter().collect(), d.iter().collect());
        format!("{m}月{d}日")
    })
}

/// `第二周` (an ordinal, not a duration), `4月1日起` (a start date, not a deadline), or a
/// window starting inside a run of Chinese numerals.
pub(crate) fn is_ordinal_or_start(chars: &[char], start: usize, end: usize) -> bool {
    let numeral = |c: &char| "一二三四五六七八九十两零〇".contains(*c);
    let before = start.checked_sub(1).and_then(|i| chars.get(i));
    let after = chars.get(end);
    let recurring = |back: usize| {
        start
            .checked_sub(back)
            .and_then(|i| chars.get(i))
            .is_some_and(|c| *c == '每')
    };
    // `每周一上午报送`, `每个交易日下午`: the time words after `每` all belong to the recurrence.
    let recurring_run = (3..=6).any(|b| {
        recurring(b)
            && chars.get(start + 1 - b..start).is_some_and(|between| {
                between
                    .iter()
                    .all(|c| is_time_char(*c) || "上下个交易工作".contains(*c))
            })
    });
    before.is_some_and(|c| *c == '第')
        // `每月5日前报送`: a recurring date is not a deadline.
        || recurring(1)
        // `每个月5日`, not `每人周五前交…` (everyone, by Friday).
        || (recurring(2) && before.is_some_and(|c| !"人位家".contains(*c)))
        || recurring_run
        || (before.is_some_and(numeral) && chars.get(start).is_some_and(numeral))
        // (`月底起草`: 起草 is drafting, not a start.)
        || after.is_some_and(|c| *c == '起') && chars.get(end + 1).is_none_or(|c| *c != '草')
        || (after.is_some_and(|c| matches!(c, '日' | '号'))
            && chars.get(end + 1).is_some_and(|c| *c == '起')
            && chars.get(end + 2).is_none_or(|c| *c != '草'))
        // `下周一起晨会改到8:40`: `下周` short of the day that starts the new setting.
        // (`国庆节前一起上门`: a limit's `前` is followed by `一起`, together.)
        || (after.is_some_and(|c| "一二三四五六日天".contains(*c))
            && chars.get(end + 1).is_some_and(|c| *c == '起')
            && !end.checked_sub(1).and_then(|i| chars.get(i)).is_some_and(|c| matches!(c, '前' | '内')))
        || (before.is_some_and(|c| matches!(c, '自' | '从')) && after.is_some_and(|c| *c == '开'))
        || super::run_length::after_a_start(chars, start, end)
}

/// A time word inside a phrase, qualifying a noun rather than setting a deadline: `汇报本月运营情况`,
/// `准备下周机构路演的PPT` (after a verb, before a noun), but not `贾探春今晚把…` or `请于周五前`.
pub(crate) fn modifies_noun(chars: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let after = chars.get(end).copied();
    let word = |c: Option<char>| c.is_some_and(is_cjk);
    let exempt = |c: Option<char>| {
        c.is_some_and(|c| {
            // `黄志强下周二负责上线…`: a lead verb (负责, 牵头, 落实, 准备, 梳理, 汇总, 反馈, 组织);
            // `各分公司端午节前对辖内…`: a preposition opening the work (对, 向).
            // `今天收齐`, `月底必须完`: a verb of gathering or checking, a modal.
            // `维保情况明天早上过一遍`, `方案周五审`: a verb of going through or revising.
            // `海报终稿节前送印`: a verb of sending off; `名单我明天上午弄好`: of getting it done.
            // `灭火器节前更换`, `台账周五前回传`: a verb of replacing or sending back.
            // `1月底至少落地1场`, `月底起草`, `3月底印好`, `月底备齐`: of writing, doing, printing.
            "前内后之以把完交提发给报出上到起底末止再就由将要开定启碰确跟与去找约拿做形负牵落准梳汇反组对向收核填补必务需须得过审改送更回弄搞写拉排签测装贴寄至印备递建"
                .contains(c)
        })
    };
    // `年终客户答谢会`, `月底结账流程`: a period word naming a noun, even at the start.
    let period_noun = end
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .is_some_and(|c| "终末底初".contains(*c))
        && word(after)
        && !exempt(after)
        // `月底走完OA流程` (not `年末走访`, a visit).
        && !(after == Some('走') && chars.get(end + 1).is_some_and(|c| *c != '访'));
    period_noun
        || chars.get(start).is_some_and(|c| *c != '尽')
            && word(before)
            && word(after)
            && !chars.get(start).is_some_and(char::is_ascii_digit)
            // `钟琪负责节前张贴`: a date right after 负责 is when the work is due.
            // `你后天上午先给我`: after 你 the date is when the person addressed acts (not
            // after 我: `我这周手上有…` is an aside).
            // `汇总后下周五在晨会通报`: after 后 the date is when the next step is due.
            && !before.is_some_and(|c| "于在请前至到由起从截等责你后".contains(c))
            && !exempt(after)
}

/// `这一点要反复强调`, `早一点`, `有两点`: `一点` after such a word is an amount, not one o'clock.
pub(crate) fn is_amount_not_hour(chars: &[char], start: usize) -> bool {
    let before = start.checked_sub(1).and_then(|i| chars.get(i));
    chars.get(start).is_some_and(|c| matches!(c, '一' | '两' | '几'))
        && chars.get(start + 1).is_some_and(|c| *c == '点')
        && before.is_some_and(|c| "这那有快早晚多少慢差重几以下上".contains(*c))
}

/// Whether a window `[start, end)` starts or ends inside a run of ASCII digits, or starts on the
/// decimals of a figure written inside the sentence (`满意度4.7/5`, `评分4.5/5分`: not July 5; a
/// list number at the line's start, `1.3月底前`, is no figure).
pub(crate) fn cuts_digits(chars: &[char], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let decimals = start >= 2 && chars.get(start - 1) == Some(&'.') && digit(start) && {
        let run = chars[..start - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        run > 0
            && (start - 1)
                .checked_sub(run + 1)
                .and_then(|i| chars.get(i))
                .is_some_and(|c| !c.is_whitespace() && !"-*·•#>|（(【[、，,：:；;。".contains(*c))
    };
    decimals || (start > 0 && digit(start - 1) && digit(start)) || (digit(end - 1) && digit(end))
}

/// The contents of `（…）` and `(…)` groups.
pub(crate) fn paren_groups(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => depth_start = Some(i + c.len_utf8()),
            '）' | ')' => {
                if let Some(s) = depth_start.take()
                    && let Some(inner) = text.get(s..i)
                {
                    out.push(inner.to_owned());
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a clause speaks of the rest (`其他事项下周再议`), not a line labelled `其他：` (`其他：
/// 对外版本由郝晴明天下班前发到部门群`), whose work is its own.
pub(crate) fn is_the_rest(clause: &str) -> bool {
    let c = clause.trim_start();
    ["其他", "其余", "其它"].iter().any(|w| {
        c.strip_prefix(w).is_some_and(|r| {
            let r = ["事项", "事宜", "工作", "安排"]
                .iter()
                .find_map(|x| r.strip_prefix(x))
                .unwrap_or(r);
            !r.trim_start().starts_with(['：', ':'])
        })
    })
}

/// `10:15 on-call 翁佳 acknowledged`: a clock time opening the line, then a space, is when
/// something happened (a timeline), not a deadline (`10:00前提交` is one).
fn opens_timeline(chars: &[char], start: usize, end: usize) -> bool {
    let first_digit = chars
        .iter()
        .position(|c| !c.is_whitespace() && !"-*•·".contains(*c));
    let clock: String = chars.get(start..end).unwrap_or_default().iter().collect();
    let clock = clock.trim();
    let is_clock = clock.split_once([':', '：']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.chars().all(|c| c.is_ascii_digit())
            && m.chars().all(|c| c.is_ascii_digit())
    });
    let mut k = end;
    while chars.get(k).is_some_and(|c| *c == ' ') {
        k += 1;
    }
    first_digit == Some(start) && is_clock && k > end && chars.get(k).is_some_and(|c| !"前之截".contains(*c))
}
