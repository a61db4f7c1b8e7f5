//! One surface form for the shapes writers vary without meaning anything by it (pure), applied
//! to every line before any rule reads it, so that each rule is written for one form only:
//! - colons after a label: `负责人: 张三`, `负责人 ：张三`, `负责人： 张三` read as `负责人：张三`
//!   (a half-width colon after CJK text, a bracket or bold, spaces around a full-width one);
//!   spaces after `；` go too (`；` + space reads as `；`);
//! - brackets around a label: `〔责任人：X〕`, `［X］`, `〖X〗` and `[责任人：X]` (CJK inside, not
//!   a checkbox or a link) read as `【…】`;
//! - a field label's synonyms (`牵头人：`, `经办人：`, `截止日期：`, `期限：`, `配合人：`, `协助：` …)
//!   read as the one label every rule knows (`负责人：`, `时限：`, `协办：`);
//! - an ASCII ` -- ` after CJK text reads as the dash `——`;
//! - a table cell that only holds a dash (`——`, `--`, `－`) reads as `—` (nothing there).
//!
//! (Found by the metamorphic tool, `quality/metamorphic`: each of these rewrites of the labelled
//! minutes moved items before this pass.)

use crate::minutes::scan::is_cjk;

/// `line` in the one surface form.
pub(super) fn canonical(line: &str) -> String {
    let line = bullets(line);
    let line = brackets(&line);
    let line = colons(&line);
    let line = labels(&line);
    if line.trim_start().starts_with(['|', '｜']) {
        dash_cells(&line)
    } else {
        separators(&line)
    }
}

/// One bullet for a list item, whichever the writer typed: `* `, `• `, `· ` or `・ ` as `- `
/// (the indentation kept; not `**bold**`).
/// So is an emoji a small team leads its to-dos with (`📌 周一加排坐席 👉 韩磊`); an emoji
/// pointing at who does it, inside the line, is an arrow (`→ 韩磊`).
fn bullets(line: &str) -> String {
    let t = line.trim_start();
    let pad = &line[..line.len() - t.len()];
    let line = ["* ", "• ", "· ", "・ "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .or_else(|| {
            // `📌 待办` stays a heading.
            ["📌", "🔹", "🔸", "▪️", "▸", "➤", "➢"]
                .iter()
                .find_map(|b| t.strip_prefix(b))
                .filter(|r| r.trim().chars().count() > 8)
        })
        .map_or_else(|| line.to_owned(), |rest| format!("{pad}- {}", rest.trim_start()));
    if line.contains('👉') {
        line.replace(" 👉 ", " → ").replace('👉', "→")
    } else {
        line
    }
}

/// In a line that is no table row: an ASCII double hyphen after CJK text (`事项 -- 某某`) as
/// the dash `——` (not a longer run: `-----原始邮件-----`).
fn separators(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        if c == '-' && next == Some('-') && prev != Some('-') && chars.get(i + 2) != Some(&'-') {
            let before = out.trim_end();
            if before
                .chars()
                .next_back()
                .is_some_and(|b| is_cjk(b) || "）)】".contains(b))
            {
                out.truncate(before.len());
                out.push_str("——");
                i += 2;
                while chars.get(i) == Some(&' ') {
                    i += 1;
                }
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether a colon after `c` ends a label (CJK text, a closing bracket, bold).
fn label_end(c: char) -> bool {
    is_cjk(c) || matches!(c, '】' | '）' | ')' | '*' | '〕' | '］')
}

fn colons(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let last = out.trim_end_matches([' ', '\t']).chars().next_back();
        let after_label = last.is_some_and(label_end);
        match c {
            ':' | '：' if after_label || (c == '：' && last.is_some_and(|l| !l.is_ascii_digit())) => {
                if after_label {
                    out.truncate(out.trim_end_matches([' ', '\t']).len());
                }
                out.push('：');
                skip_spaces(&mut chars);
            }
            '；' => {
                out.push(c);
                skip_spaces(&mut chars);
            }
            _ => out.push(c),
        }
    }
    out
}

fn skip_spaces(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.next_if(|n| *n == ' ' || *n == '\t').is_some() {}
}

/// `〔X〕`, `［X］`, `〖X〗`, `[X]` (X with CJK in it) as `【X】`.
fn brackets(line: &str) -> String {
    if !line.contains(['〔', '［', '〖', '[']) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some((i, open)) = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '〔' | '［' | '〖' | '['))
    {
        let close = match open {
            '〔' => '〕',
            '［' => '］',
            '〖' => '〗',
            _ => ']',
        };
        out.push_str(&rest[..i]);
        let after = &rest[i + open.len_utf8()..];
        let inner = after.split_once(close);
        match inner {
            Some((x, tail))
                if (1..=16).contains(&x.chars().count())
                    && !x.contains(['[', ']', '【', '】', '〔', '［', '〖'])
                    && (open != '[' || (x.chars().any(is_cjk) && !tail.starts_with('('))) =>
            {
                out.push('【');
                out.push_str(x);
                out.push('】');
                rest = tail;
            }
            _ => {
                out.push(open);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `| 任务 | 张三 | —— |`: a cell of dashes alone as `—`.
fn dash_cells(line: &str) -> String {
    let sep = if line.trim_start().starts_with('|') {
        '|'
    } else {
        '｜'
    };
    let cells: Vec<&str> = line.split(sep).collect();
    // `|---|:---:|`: the header's rule stays as it is.
    if cells
        .iter()
        .all(|c| c.trim().chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
    {
        return line.to_owned();
    }
    cells
        .iter()
        .map(|c| {
            let t = c.trim();
            if t.chars().count() >= 1
                && t != "—"
                && t.chars().all(|ch| matches!(ch, '—' | '-' | '－' | '–' | '─'))
            {
                c.replace(t, "—")
            } else {
                (*c).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(&sep.to_string())
}

/// Field labels and the one each reads as (the longest first where one holds another).
const LABELS: &[(&str, &str)] = &[
    ("牵头人", "负责人"),
    ("承办人", "负责人"),
    ("经办人", "负责人"),
    ("主责人", "负责人"),
    ("主办人", "负责人"),
    ("跟进人", "负责人"),
    ("完成时限", "时限"),
    ("完成期限", "时限"),
    ("办结时限", "时限"),
    ("截止日期", "时限"),
    ("截止时间", "时限"),
    ("完成时间", "时限"),
    ("完成日期", "时限"),
    ("期限", "时限"),
    ("配合人", "协办"),
    ("协助人", "协办"),
    ("协办人", "协办"),
    ("协助", "协办"),
];

/// `牵头人：X` as `负责人：X` …: a label before a full-width colon (colons are made full-width
/// first), where a label may start (not inside a word: `办理期限：` stays).
fn labels(line: &str) -> String {
    if !line.contains('：') {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    'scan: while let Some(c) = rest.chars().next() {
        let starts = out.chars().next_back().is_none_or(|p| !is_cjk(p));
        if starts {
            for (from, to) in LABELS {
                if let Some(r) = rest.strip_prefix(from)
                    && r.starts_with('：')
                {
                    out.push_str(to);
                    rest = r;
                    continue 'scan;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}
