//! Members addressed in speech by a short form (pure): the given name alone before 把/你/来
//! (`俊峰把折页更新一下` for 喻俊峰) and the surname with a title before 你 (`鲍总你盯一下` for
//! 鲍雅琴), written out in full when exactly one member fits. The lead words of a turn (`好，`,
//! `那`, `行，`) may come first.

use crate::domain::ids::Person;
use crate::minutes::scan::{has_task_verb, is_cjk};

/// Titles said after a surname.
const TITLES: &[&str] = &["总", "经理", "老师", "主任", "处", "姐", "哥", "工"];

/// What may open a turn before the person addressed.
const LEADS: &[&str] = &["好，", "好,", "行，", "行,", "嗯，", "那就", "那", "对，", "OK，"];

/// The line's start after a turn's lead words: (the lead, the rest).
fn after_lead(line: &str) -> (&str, &str) {
    let t = line.trim_start();
    let pad = &line[..line.len() - t.len()];
    let lead = LEADS.iter().find(|l| t.starts_with(*l)).map_or(0, |l| l.len());
    (&line[..pad.len() + lead], &line[pad.len() + lead..])
}

/// `lines` with such short forms at a line's start replaced by the member's full name.
pub(super) fn expand_spoken_names(lines: &mut [String], members: &[Person]) {
    let three: Vec<(&Person, Vec<char>)> = members
        .iter()
        .map(|p| (p, p.name.chars().collect::<Vec<char>>()))
        .filter(|(_, c)| c.len() == 3 && c.iter().all(|c| is_cjk(*c)))
        .collect();
    for line in lines.iter_mut() {
        let (lead, rest) = after_lead(line);
        let mut found: Option<(String, usize)> = None;
        for (p, chars) in &three {
            let given: String = chars[1..].iter().collect();
            let shared = members.iter().filter(|q| q.name.contains(given.as_str())).count() > 1;
            if !shared
                && rest.starts_with(given.as_str())
                && ["把", "你", "来"]
                    .iter()
                    .any(|w| rest[given.len()..].starts_with(w))
            {
                found = Some((p.name.clone(), given.len()));
            }
            let surname = chars[0];
            let one = members.iter().filter(|q| q.name.starts_with(surname)).count() == 1;
            if one
                && let Some(r) = rest.strip_prefix(surname)
                && let Some(t) = TITLES
                    .iter()
                    .find(|t| r.starts_with(*t) && r[t.len()..].starts_with('你'))
            {
                found = Some((p.name.clone(), surname.len_utf8() + t.len()));
            }
        }
        if let Some((name, len)) = found {
            *line = format!("{lead}{name}{}", &rest[len..]);
        }
        // `…，小廖下周二前排出来`: 小/老 and a surname only one member has, before the time of
        // the work.
        for (p, chars) in &three {
            let surname = chars[0];
            if members.iter().filter(|q| q.name.starts_with(surname)).count() != 1 {
                continue;
            }
            for pre in ['小', '老'] {
                let short = format!("{pre}{surname}");
                *line = short_before_time(line, &short, &p.name);
            }
        }
        let names: Vec<&str> = members.iter().map(|p| p.name.as_str()).collect();
        // Twice: a name paired with one written out later in the list (`某某和晓川…`).
        for (p, chars) in three.iter().chain(&three) {
            let given: String = chars[1..].iter().collect();
            if members.iter().filter(|q| q.name.contains(given.as_str())).count() == 1 {
                *line = given_at_clause_start(line, &given, &p.name, &names);
            }
        }
    }
}

/// `line` with `short` (`小廖`) written out as `full` where it opens a clause and the time of the
/// work follows it at once (`…，小廖下周二前排出来`), or after 让/请/叫 (`让小温改第二版`).
fn short_before_time(line: &str, short: &str, full: &str) -> String {
    let mut out = String::with_capacity(line.len() + full.len());
    let mut last = 0;
    for (at, _) in line.match_indices(short) {
        let before = line[..at].chars().next_back();
        let after = &line[at + short.len()..];
        let clause = after
            .split(['，', ',', '。', '；', ';'])
            .next()
            .unwrap_or_default();
        let timed = TIME_OPENERS.iter().chain(WHEN).any(|w| after.starts_with(w)) && names_work(clause);
        // `…让小温改第二版`, `让小尚明天导出来`: asked to do it.
        let asked = before.is_some_and(|c| "让请叫".contains(c))
            && after.starts_with(is_cjk)
            && !after.starts_with('你');
        let opens = before.is_none_or(|c| "，,。；; ".contains(c)) || asked;
        if at >= last && opens && (timed || asked) {
            out.push_str(&line[last..at]);
            out.push_str(full);
            last = at + short.len();
        }
    }
    out.push_str(&line[last..]);
    out
}

/// Words that open the time of a task, in a turn (`晓川下周一前…`) or a note typed without
/// punctuation (`…发我 下周五前弄好`): each reader adds its own.
pub(super) const TIME_OPENERS: &[&str] = &[
    "今天", "明天", "后天", "下周", "本周", "这周", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
    "月底", "月中", "月末", "年底", "年前", "节前", "节后",
];

/// Words that open the time of a task said to someone (`佳琳今晚把…`), beside [`TIME_OPENERS`].
const WHEN: &[&str] = &[
    "今晚", "今日", "明早", "明日", "尽快", "抓紧",
    // `书瑶中秋前把…`: a holiday names the time too.
    "中秋", "国庆", "春节", "端午", "清明", "五一", "元旦", "年后",
];

/// One-character verbs of handing work over or doing it (`…前给初稿`, `…前交`, `明天做`), or 把
/// before the work: with the time of the work, the member's own task.
const HANDS_ON: [char; 11] = ['把', '给', '交', '出', '发', '报', '做', '写', '排', '约', '拉'];

/// Whether `clause` (after a member's short name and the time) names work: a task verb, a
/// one-character verb of [`HANDS_ON`], or a verb's result (`摆好`).
fn names_work(clause: &str) -> bool {
    has_task_verb(clause) || clause.contains(HANDS_ON) || ends_with_result(clause)
}

/// Adverbs between the name and what it does (`雪梅先把…`, `佳欣继续打`).
const ADVERBS: &[&str] = &["先", "再", "继续", "马上", "也", "还", "就", "今天就"];

/// `…今天下班前摆好`, `…月底前补齐`: a clause ending with a verb's result (`摆好`, `做完`,
/// `补齐`), not a judgement (`很好`, `不好`).
fn ends_with_result(clause: &str) -> bool {
    let c: Vec<char> = clause.trim_end_matches(['。', '！', '!', ' ']).chars().collect();
    let n = c.len();
    n >= 3
        && "好完齐掉".contains(c[n - 1])
        && is_cjk(c[n - 2])
        && !"很挺不太真都也还更最没".contains(c[n - 2])
}

/// `line` with `given` written out as `full` where it opens a clause (or follows 请/让/叫) and
/// the time of the work or 把/你/来/负责/牵头 follows it: `…，晓川下周一前把公告拟好` is 符晓川.
/// (`names`: every member's full name, for `某某和晓川…`, a second name after one written out.)
fn given_at_clause_start(line: &str, given: &str, full: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(line.len() + full.len());
    let mut last = 0;
    for (at, _) in line.match_indices(given) {
        let before = line[..at].chars().next_back();
        let asked = before.is_some_and(|c| "请让叫".contains(c));
        // `22号上午春燕把…`, `周五前晓川负责…`: after the time of the work.
        let after_time = [
            "上午", "下午", "中午", "晚上", "早上", "今天", "明天", "后天", "号", "日", "前",
        ]
        .iter()
        .any(|w| line[..at].ends_with(w))
            && ["把", "负责", "牵头", "来"]
                .iter()
                .any(|w| line[at + given.len()..].starts_with(w));
        // `程浩宇和立伟分一下`: paired with a member named in full just before.
        let paired = before.is_some_and(|c| "和与、".contains(c))
            && names.iter().any(|n| {
                line[..at]
                    .strip_suffix(|c: char| "和与、".contains(c))
                    .is_some_and(|h| h.ends_with(n))
            });
        let opens = before.is_none_or(|c| "，,。；;、 ".contains(c)) || asked || after_time || paired;
        let after = &line[at + given.len()..];
        // `德华今天请假`: a time, then no work, is news of the member, not work given.
        let clause = after
            .split(['，', ',', '。', '；', ';'])
            .next()
            .unwrap_or_default();
        let timed = (TIME_OPENERS.iter().chain(WHEN).any(|w| after.starts_with(w))
            || after.starts_with(|c: char| c.is_ascii_digit()))
            // `…前给初稿`, `…前交`: a one-character verb of handing work over; `…前摆好`.
            && names_work(clause);
        // `雪梅先把…`, `佳欣继续打…`: an adverb before what the member does.
        let done = ADVERBS
            .iter()
            .find_map(|a| after.strip_prefix(a))
            .unwrap_or(after);
        // `演练方案晓峰8月7号前给初稿`: after the work it names, the time and the work's verb
        // follow the name.
        // (Not the member's own full name: `由左振宇节后…`.)
        let surname = full.strip_suffix(given).unwrap_or(full);
        let opens = opens || (timed && before.is_some_and(is_cjk) && !line[..at].ends_with(surname));
        // `厅堂绿植换季，志刚联系供应商，…`: a clause opening with the name, then its task verb.
        let verb_next = before.is_some_and(|c| "，,。；;".contains(c))
            && has_task_verb(&done.chars().take(2).collect::<String>());
        // `家骏跟IT约一下…`: with whom, then the work.
        let with = before.is_none_or(|c| "，,。；;".contains(c))
            && ["跟", "和", "与"].iter().any(|w| after.starts_with(w))
            && (has_task_verb(clause) || clause.contains("一下"));
        // `➢ 佳怡 开门红海报和朋友圈文案 周二前给我看一眼`: a note typed with spaces, the name
        // standing alone before the work, and the work's time later in the line.
        let spaced = before.is_none_or(|c| c == ' ')
            && after.starts_with(' ')
            && (TIME_OPENERS.iter().chain(WHEN).any(|w| after.contains(w))
                || after.contains(|c: char| c.is_ascii_digit())
                    && ["前", "号", "日"].iter().any(|w| after.contains(w)))
            && (has_task_verb(after) || after.contains(HANDS_ON));
        // `接龙完成后晓蕾出一张汇总表`, `会后晓蕾整理…`: after a clause of when, then the work.
        let after_then = ["完成后", "会后", "结束后", "之后", "然后", "以后", "回来后"]
            .iter()
            .any(|w| line[..at].ends_with(w))
            && (has_task_verb(&done.chars().take(2).collect::<String>()) || done.starts_with(HANDS_ON));
        let opens = opens || after_then;
        let acts = timed
            || after_then
            || spaced
            || paired
            || verb_next
            || with
            || ["把", "你", "来", "负责", "牵头", "跟进", "去"]
                .iter()
                .any(|w| done.starts_with(w))
            || (asked && after.starts_with(is_cjk));
        if at >= last && opens && acts {
            out.push_str(&line[last..at]);
            out.push_str(full);
            last = at + given.len();
        }
    }
    out.push_str(&line[last..]);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::expand_spoken_names;
    use crate::minutes::extract::testkit::person;

    #[test]
    fn short_forms_said_to_a_member_are_that_member() {
        let members = [person("詹明慧"), person("芦建平"), person("柏一鸣")];
        let mut lines = vec![
            "明慧把对账单再核一遍。".to_owned(),
            "好，芦总你跟一下托管行。".to_owned(),
            "明慧补充资金流水核查。".to_owned(),
            "芦总说过这件事。".to_owned(),
        ];
        expand_spoken_names(&mut lines, &members);
        assert_eq!(lines[0], "詹明慧把对账单再核一遍。");
        assert_eq!(lines[1], "好，芦建平你跟一下托管行。");
        assert_eq!(lines[2], "明慧补充资金流水核查。");
        assert_eq!(lines[3], "芦总说过这件事。");
    }

    #[test]
    fn a_given_name_before_the_time_of_the_work_is_that_member() {
        let members = [person("詹明慧"), person("芦建平"), person("柏一鸣")];
        let mut lines = vec![
            "明慧周四前把对账单再核一遍。".to_owned(),
            "托管协议让建平下周一前发我，明慧负责归档。".to_owned(),
            "建平说的那份协议已经签了。".to_owned(),
            "分布式建平台的事下周再议。".to_owned(),
            "月报格式，一鸣3号前提交初稿。".to_owned(),
            "一鸣今天请假。".to_owned(),
            "消防演练方案建平8月7号前给初稿。".to_owned(),
            "这一鸣2号惊人的成绩。".to_owned(),
            "预算表由芦建平下周一前报批。".to_owned(),
            "22号上午一鸣把4户再看一遍。".to_owned(),
            "展厅绿植换季，建平联系供应商，下周内换好。".to_owned(),
            "建平台账的事，一鸣说过了。".to_owned(),
            "明慧中秋前把对账单发群里。".to_owned(),
            "门口展架建平今天下班前摆好".to_owned(),
            "一鸣先把名单做出来，周五前。".to_owned(),
            "建平跟IT约一下升级窗口，下周二前回复我。".to_owned(),
            "一鸣今天状态很好。".to_owned(),
            "名单已导出，一鸣和建平分一下，10个工作日内完成。".to_owned(),
        ];
        expand_spoken_names(&mut lines, &members);
        assert_eq!(lines[0], "詹明慧周四前把对账单再核一遍。");
        assert_eq!(lines[1], "托管协议让芦建平下周一前发我，詹明慧负责归档。");
        assert_eq!(lines[2], "建平说的那份协议已经签了。");
        assert_eq!(lines[3], "分布式建平台的事下周再议。");
        assert_eq!(lines[4], "月报格式，柏一鸣3号前提交初稿。");
        assert_eq!(lines[5], "一鸣今天请假。");
        assert_eq!(lines[6], "消防演练方案芦建平8月7号前给初稿。");
        assert_eq!(lines[7], "这一鸣2号惊人的成绩。");
        assert_eq!(lines[8], "预算表由芦建平下周一前报批。");
        assert_eq!(lines[9], "22号上午柏一鸣把4户再看一遍。");
        assert_eq!(lines[10], "展厅绿植换季，芦建平联系供应商，下周内换好。");
        assert_eq!(lines[11], "建平台账的事，一鸣说过了。");
        assert_eq!(lines[12], "詹明慧中秋前把对账单发群里。");
        assert_eq!(lines[13], "门口展架芦建平今天下班前摆好");
        assert_eq!(lines[14], "柏一鸣先把名单做出来，周五前。");
        assert_eq!(lines[15], "芦建平跟IT约一下升级窗口，下周二前回复我。");
        assert_eq!(lines[16], "一鸣今天状态很好。");
        assert_eq!(lines[17], "名单已导出，柏一鸣和芦建平分一下，10个工作日内完成。");
    }
}
