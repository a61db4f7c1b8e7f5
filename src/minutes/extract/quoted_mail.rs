//! The older mails quoted under a reply (pure): `主题：回复：…` with the latest mail first, then
//! `-----原始邮件-----`, `-----Original Message-----`, `> 原邮件：…` or `在…写道：` and the mails it
//! answered. Their requests were made before and answered since (the reply says what is left),
//! so the quoted part is read as blank — unless the reply keeps quoted minutes in force with
//! changes (`纪要收到，两处调整：1. 第2项改由某乙负责… 2. 第4项不做了… 其余按纪要执行`): then the
//! changes are made in the quoted minutes, which are read, and the reply's change lines are blank.

use crate::domain::ids::Person;

/// Whether `line` opens the quoted older mails.
fn opens_quote(line: &str) -> bool {
    let t = line.trim();
    let bare = t.trim_matches(|c: char| c == '-' || c == '—' || c == '=' || c.is_whitespace());
    let lower = bare.to_lowercase();
    (t.starts_with("--") || t.starts_with("——") || t.starts_with("=="))
        && [
            "原始邮件",
            "原邮件",
            "original message",
            "forwarded message",
            "转发邮件",
        ]
        .iter()
        .any(|w| lower == *w)
        || t.starts_with(['>', '＞'])
        || (t.starts_with('在') && (t.ends_with("写道：") || t.ends_with("写道:")))
        || (t.starts_with("On ") && t.ends_with("wrote:"))
}

/// Whether the first lines say the text is a reply (`主题：回复：…`, `Subject: RE: …`).
fn is_reply(lines: &[String]) -> bool {
    lines.iter().take(4).any(|l| {
        let l = l.trim().to_lowercase();
        ["主题：", "主题:", "subject:", "标题："].iter().any(|k| {
            l.strip_prefix(k).is_some_and(|r| {
                ["回复", "答复", "re:", "re：", "回覆"]
                    .iter()
                    .any(|w| r.trim_start().starts_with(w))
            })
        })
    })
}

/// `第2项`, `第四条`: the number of the quoted minutes' point a reply line changes.
fn point_named(line: &str) -> Option<usize> {
    let (_, after) = line.split_once('第')?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let (n, rest) = if digits.is_empty() {
        let c = after.chars().next()?;
        let n = "一二三四五六七八九十".chars().position(|d| d == c)? + 1;
        (n, &after[c.len_utf8()..])
    } else {
        (digits.parse().ok()?, &after[digits.len()..])
    };
    rest.starts_with(['项', '条', '点']).then_some(n)
}

/// The number a list line starts with (`2. `, `2、`, `（2）`), if any.
fn list_number(line: &str) -> Option<usize> {
    let t = line.trim().trim_start_matches(['（', '(']);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    (!digits.is_empty() && rest.starts_with(['.', '、', '．', '）', ')', ' ']))
        .then(|| digits.parse().ok())?
}

/// Whether the reply (the lines before the quote) keeps the quoted minutes in force.
fn keeps_minutes(reply: &[String]) -> bool {
    let text = reply.concat();
    text.contains("纪要")
        && ([
            "按纪要执行",
            "按原纪要",
            "其余不变",
            "其他不变",
            "其余照旧",
            "其余按",
        ]
        .iter()
        .any(|w| text.contains(w))
            || reply.iter().any(|l| point_named(l).is_some()))
}

/// Makes one reply line's change in the quoted lines (`from` on): a point dropped
/// (`第4项不做了`), or given to someone else (`第2项改由某乙负责`). Whether it was one.
fn amend(reply_line: &str, lines: &mut [String], from: usize, members: &[Person]) -> bool {
    let Some(n) = point_named(reply_line) else {
        return false;
    };
    let Some(at) = (from..lines.len()).find(|&i| list_number(&lines[i]) == Some(n)) else {
        return false;
    };
    if ["不做", "取消", "删除", "删去", "撤销", "撤回", "暂缓", "不再"]
        .iter()
        .any(|w| reply_line.contains(w))
    {
        lines[at].clear();
        return true;
    }
    let new_owner = reply_line.split_once('由').and_then(|(_, r)| {
        members
            .iter()
            .find(|m| r.starts_with(m.name.as_str()))
            .map(|m| m.name.clone())
    });
    if let Some(to) = new_owner {
        let old = members
            .iter()
            .filter_map(|m| lines[at].find(m.name.as_str()).map(|i| (i, m.name.clone())))
            .min();
        if let Some((_, old)) = old {
            lines[at] = lines[at].replacen(old.as_str(), to.as_str(), 1);
            return true;
        }
    }
    false
}

/// Blanks every line from the first quoted older mail on, in a reply — or, when the reply keeps
/// quoted minutes in force, makes its changes in them and blanks the change lines instead.
pub(super) fn blank_quoted_mails(lines: &mut [String], members: &[Person]) {
    if !is_reply(lines) {
        return;
    }
    let Some(from) = lines.iter().skip(1).position(|l| opens_quote(l)).map(|i| i + 1) else {
        return;
    };
    if keeps_minutes(&lines[..from]) {
        for i in 0..from {
            let line = lines[i].clone();
            if amend(&line, lines, from, members) {
                lines[i].clear();
            }
        }
        return;
    }
    for line in lines.iter_mut().skip(from) {
        line.clear();
    }
}
