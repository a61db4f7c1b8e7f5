//! Label-preserving rewrites of a whole minutes text (tests only): the same meeting written
//! with other list markers, colons, brackets, headings, field labels, separators or spaces.

/// A rewrite of a whole minutes text.
pub(super) type Transform = fn(&str) -> String;

/// Every rewrite, by name.
pub(super) const TRANSFORMS: &[(&str, Transform)] = &[
    ("num 1. -> 1、", num_dunhao),
    ("num -> （1）", num_paren_full),
    ("num -> 1)", num_paren_half),
    ("num -> ①", num_circled),
    ("num 1、/（1） -> 1.", num_dot),
    ("bullet - -> •", bullet_dot),
    ("bullet - -> *", bullet_star),
    ("bullet - -> ·", bullet_middot),
    ("bullet •/·/* -> -", bullet_dash),
    ("colon ： -> : ", colon_half),
    ("colon : -> ：", colon_full),
    ("bracket 【X】 -> [X]", bracket_square),
    ("bracket 【X】 -> 〔X〕", bracket_tortoise),
    ("bracket 【X】 -> X：", bracket_colon),
    ("heading ## X -> X：", heading_colon),
    ("heading ## X -> 【X】", heading_bracket),
    ("heading ## X -> **X**", heading_bold),
    ("heading ## X -> 一、X", heading_cn),
    ("label owner rotate", owner_label),
    ("label due rotate", due_label),
    ("label assist rotate", assist_label),
    ("sep ； -> ；+space", semicolon_space),
    ("sep ； -> ｜ (records)", semicolon_pipe),
    ("sep ； -> | (records)", semicolon_ascii_pipe),
    ("sep ； -> / (records)", semicolon_slash),
    ("sep ' — ' -> ——", dash_join),
    ("sep —— -> --", dash_ascii),
    ("cell — -> ——", cell_double_dash),
    ("cell — -> --", cell_ascii_dash),
    ("ws trailing spaces", trailing_spaces),
    ("ws CRLF", crlf),
    ("ws blank between items", blank_between_items),
    ("ws no blank between items", no_blank_between_items),
    ("ws tab indent", tab_indent),
    ("ws full-width indent", fullwidth_indent),
    ("ws space after ：；", space_after_punct),
    ("ws space before ：", space_before_colon),
];

/// `f` applied to each line (the line ends kept as `\n`).
fn lines(text: &str, f: impl Fn(&str) -> String) -> String {
    text.split('\n').map(f).collect::<Vec<_>>().join("\n")
}

/// The line's indentation and the rest.
fn indent(line: &str) -> (&str, &str) {
    let body = line.trim_start();
    (&line[..line.len() - body.len()], body)
}

/// A numbered list marker (`1.`, `1. `, `1、`, `1)`, `（1）`, `(1)`) and the text after it.
fn number(body: &str) -> Option<(u32, &str)> {
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    if (1..=2).contains(&digits.len()) {
        let r = &body[digits.len()..];
        for p in ["、", ". ", ".", "）", ")"] {
            if let Some(rest) = r.strip_prefix(p)
                && !rest.is_empty()
                && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '%')
            {
                return Some((digits.parse().ok()?, rest.trim_start()));
            }
        }
        return None;
    }
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(r) = body.strip_prefix(open)
            && let Some((n, rest)) = r.split_once(close)
            && (1..=2).contains(&n.len())
            && n.chars().all(|c| c.is_ascii_digit())
            && !rest.is_empty()
        {
            return Some((n.parse().ok()?, rest.trim_start()));
        }
    }
    None
}

/// The shape of a numbered marker (`1.` and `1. ` alike), for [`renumber`].
fn shape(body: &str) -> Option<&'static str> {
    let (_, rest) = number(body)?;
    let head = &body[..body.len() - rest.len()];
    Some(if head.starts_with(['（', '(']) {
        "paren"
    } else if head.contains('、') {
        "dunhao"
    } else if head.contains(['）', ')']) {
        "half"
    } else {
        "dot"
    })
}

/// The numbered lines of shape `from` rewritten by `f` — unless the minutes already number
/// something in the shape `to`: nested lists often number each level in its own shape, and
/// one shape for both would flatten them (not a rewrite that keeps the labels).
fn renumber(text: &str, from: &[&str], to: &str, f: impl Fn(u32, &str) -> Option<String>) -> String {
    if text.split('\n').any(|l| shape(l.trim_start()) == Some(to)) {
        return text.to_owned();
    }
    lines(text, |l| {
        let (ind, body) = indent(l);
        number(body)
            .filter(|_| shape(body).is_some_and(|s| from.contains(&s)))
            .and_then(|(n, rest)| f(n, rest))
            .map_or_else(|| l.to_owned(), |b| format!("{ind}{b}"))
    })
}

fn num_dunhao(t: &str) -> String {
    // `3、4月22日前…` reads as `3、4月` (March and April): a writer numbering with `、` does not
    // write a number right after it.
    renumber(t, &["dot"], "dunhao", |n, r| {
        (!r.starts_with(|c: char| c.is_ascii_digit())).then(|| format!("{n}、{r}"))
    })
}
fn num_paren_full(t: &str) -> String {
    renumber(t, &["dot", "dunhao"], "paren", |n, r| Some(format!("（{n}）{r}")))
}
fn num_paren_half(t: &str) -> String {
    renumber(t, &["dot", "dunhao"], "half", |n, r| Some(format!("{n}) {r}")))
}
fn num_circled(t: &str) -> String {
    // `第1项`, `以上第2条`: the minutes refer to their items by number; ① would lose that.
    if t.contains("第1") || t.contains("第2") {
        return t.to_owned();
    }
    renumber(t, &["dot", "dunhao"], "circled", |n, r| {
        let c = char::from_u32('①' as u32 + n.checked_sub(1)?).filter(|_| n <= 20)?;
        Some(format!("{c}{r}"))
    })
}
fn num_dot(t: &str) -> String {
    renumber(t, &["dunhao", "paren"], "dot", |n, r| Some(format!("{n}. {r}")))
}

fn rebullet(text: &str, from: &[&str], to: &str) -> String {
    lines(text, |l| {
        let (ind, body) = indent(l);
        from.iter()
            .find_map(|f| body.strip_prefix(f))
            .map_or_else(|| l.to_owned(), |r| format!("{ind}{to}{}", r.trim_start()))
    })
}
pub(super) fn bullet_dot(t: &str) -> String {
    rebullet(t, &["- ", "* "], "• ")
}
pub(super) fn bullet_star(t: &str) -> String {
    rebullet(t, &["- "], "* ")
}
pub(super) fn bullet_middot(t: &str) -> String {
    rebullet(t, &["- "], "· ")
}
pub(super) fn bullet_dash(t: &str) -> String {
    rebullet(t, &["• ", "•", "· ", "·", "* "], "- ")
}

pub(super) fn colon_half(t: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    let mut it = t.chars().peekable();
    while let Some(c) = it.next() {
        if c == '：' && !prev.is_ascii_digit() {
            out.push(':');
            if it.peek().is_some_and(|n| *n != '\n' && *n != ' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

pub(super) fn colon_full(t: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    let mut it = t.chars().peekable();
    while let Some(c) = it.next() {
        if c == ':' && crate::minutes::scan::is_cjk(prev) {
            out.push('：');
            while it.peek() == Some(&' ') {
                it.next();
            }
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// `【X】` (a short X) rewritten by `f`.
fn brackets(text: &str, only_at_start: bool, f: impl Fn(&str) -> String) -> String {
    lines(text, |l| {
        let mut out = String::new();
        let mut rest = l;
        while let Some(i) = rest.find('【') {
            let after = &rest[i + '【'.len_utf8()..];
            let head = &rest[..i];
            match after.split_once('】') {
                Some((x, tail))
                    if (1..=10).contains(&x.chars().count())
                        && !x.contains('【')
                        && (!only_at_start
                            || (out.is_empty()
                                && crate::minutes::layout::strip_marker(head.trim()).1.is_empty())) =>
                {
                    out.push_str(head);
                    out.push_str(&f(x));
                    rest = tail;
                }
                _ => {
                    out.push_str(&rest[..i + '【'.len_utf8()]);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    })
}
pub(super) fn bracket_square(t: &str) -> String {
    brackets(t, false, |x| format!("[{x}]"))
}
pub(super) fn bracket_tortoise(t: &str) -> String {
    brackets(t, false, |x| format!("〔{x}〕"))
}
fn bracket_colon(t: &str) -> String {
    brackets(t, true, |x| format!("{x}："))
}

/// A markdown heading (`## X`) rewritten by `f(x, k)` (`k` counts the headings).
fn headings(text: &str, f: impl Fn(&str, usize) -> String) -> String {
    let mut k = 0;
    text.split('\n')
        .map(|l| {
            let body = l.trim_start_matches('#');
            if body.len() < l.len()
                && l.len() - body.len() <= 4
                && body.starts_with(' ')
                && !body.trim().is_empty()
            {
                k += 1;
                f(body.trim(), k)
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
fn heading_colon(t: &str) -> String {
    headings(t, |x, _| {
        if x.ends_with(['：', ':']) {
            x.to_owned()
        } else {
            format!("{x}：")
        }
    })
}
fn heading_bracket(t: &str) -> String {
    headings(t, |x, _| format!("【{}】", x.trim_end_matches(['：', ':'])))
}
fn heading_bold(t: &str) -> String {
    headings(t, |x, _| format!("**{x}**"))
}
fn heading_cn(t: &str) -> String {
    const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    headings(t, |x, k| {
        let starts_cn = x
            .split_once('、')
            .is_some_and(|(n, _)| n.chars().all(|c| "一二三四五六七八九十".contains(c)) && !n.is_empty());
        if starts_cn {
            x.to_owned()
        } else {
            format!("{}、{x}", CN.get((k - 1) % 10).copied().unwrap_or("十"))
        }
    })
}

/// Each label of `ring` before a colon replaced by the next one (the longest label first).
fn relabel(text: &str, ring: &[&str]) -> String {
    let mut order: Vec<usize> = (0..ring.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(ring[i].len()));
    let mut out = String::new();
    let mut rest = text;
    'outer: while !rest.is_empty() {
        for &i in &order {
            let l = ring[i];
            if let Some(r) = rest.strip_prefix(l)
                && r.starts_with(['：', ':'])
                && !out.ends_with(|c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            {
                out.push_str(ring[(i + 1) % ring.len()]);
                rest = r;
                continue 'outer;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

pub(super) fn owner_label(t: &str) -> String {
    relabel(t, &["责任人", "负责人", "牵头人", "承办人", "经办人"])
}
pub(super) fn due_label(t: &str) -> String {
    relabel(
        t,
        &["完成时限", "截止时间", "完成时间", "时限", "截止日期", "期限"],
    )
}
pub(super) fn assist_label(t: &str) -> String {
    relabel(t, &["协办", "配合人", "协助"])
}

pub(super) fn semicolon_space(t: &str) -> String {
    t.replace('；', "； ")
}
fn not_table(t: &str, f: impl Fn(&str) -> String) -> String {
    lines(t, |l| {
        if l.trim_start().starts_with('|') {
            l.to_owned()
        } else {
            f(l)
        }
    })
}
/// Field labels of a one-line record (`事项；责任人：X；时限：Y`).
const FIELDS: &[&str] = &[
    "责任人",
    "负责人",
    "牵头",
    "主办",
    "协办",
    "配合",
    "时限",
    "截止",
    "完成时间",
    "期限",
];
/// `f` on the one-line records (a line with a field label and a colon), not on prose.
fn records(t: &str, f: impl Fn(&str) -> String) -> String {
    not_table(t, |l| {
        if FIELDS
            .iter()
            .any(|k| l.contains(&format!("{k}：")) || l.contains(&format!("{k}:")))
        {
            f(l)
        } else {
            l.to_owned()
        }
    })
}
fn semicolon_pipe(t: &str) -> String {
    records(t, |l| l.replace('；', " ｜ "))
}
fn semicolon_ascii_pipe(t: &str) -> String {
    records(t, |l| l.replace('；', " | "))
}
fn semicolon_slash(t: &str) -> String {
    records(t, |l| l.replace('；', " / "))
}
fn dash_join(t: &str) -> String {
    t.replace(" — ", "——").replace(" —— ", "——")
}
pub(super) fn dash_ascii(t: &str) -> String {
    not_table(t, |l| l.replace("——", " -- ").replace(" — ", " -- "))
}

pub(super) fn trailing_spaces(t: &str) -> String {
    lines(t, |l| {
        if l.trim().is_empty() {
            l.to_owned()
        } else {
            format!("{l}  ")
        }
    })
}
pub(super) fn crlf(t: &str) -> String {
    t.replace('\n', "\r\n")
}

fn is_item(l: &str) -> bool {
    let (_, b) = indent(l);
    number(b).is_some() || ["- ", "* ", "• ", "· "].iter().any(|m| b.starts_with(m))
}
fn blank_between_items(t: &str) -> String {
    let ls: Vec<&str> = t.split('\n').collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, l) in ls.iter().enumerate() {
        out.push(l);
        if is_item(l) && ls.get(i + 1).is_some_and(|n| is_item(n)) {
            out.push("");
        }
    }
    out.join("\n")
}
fn no_blank_between_items(t: &str) -> String {
    let ls: Vec<&str> = t.split('\n').collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, l) in ls.iter().enumerate() {
        let blank_between = l.trim().is_empty()
            && i > 0
            && ls.get(i - 1).is_some_and(|p| is_item(p))
            && ls.get(i + 1).is_some_and(|n| is_item(n));
        if !blank_between {
            out.push(l);
        }
    }
    out.join("\n")
}
fn reindent(t: &str, unit: &str) -> String {
    lines(t, |l| {
        let (ind, body) = indent(l);
        if ind.is_empty() || body.is_empty() || !ind.chars().all(|c| c == ' ') {
            return l.to_owned();
        }
        format!("{}{body}", unit.repeat(ind.len().div_ceil(2)))
    })
}
fn tab_indent(t: &str) -> String {
    reindent(t, "\t")
}
fn fullwidth_indent(t: &str) -> String {
    reindent(t, "\u{3000}")
}
pub(super) fn space_after_punct(t: &str) -> String {
    t.replace('：', "： ").replace('；', "； ")
}
pub(super) fn space_before_colon(t: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    for c in t.chars() {
        if c == '：' && crate::minutes::scan::is_cjk(prev) {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// A table cell holding only `—` (nothing there) written with `to`.
fn empty_cells(t: &str, to: &str) -> String {
    lines(t, |l| {
        if l.trim_start().starts_with('|') {
            l.replace("| — |", &format!("| {to} |"))
                .replace("|—|", &format!("|{to}|"))
        } else {
            l.to_owned()
        }
    })
}
pub(super) fn cell_double_dash(t: &str) -> String {
    empty_cells(t, "——")
}
pub(super) fn cell_ascii_dash(t: &str) -> String {
    empty_cells(t, "--")
}
