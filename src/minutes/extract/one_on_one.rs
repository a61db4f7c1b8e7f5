//! Notes of a one-to-one talk (pure): `1:1 记录｜阮清华 × 邬梦婷` heads notes where 我 is the
//! first named (who writes them) and 你 the second. Lines labelled `你：…` / `我：…` and the
//! headings `你要做的` / `我要做的` are written with the names, so the usual owner rules read them;
//! the pair also tells who 我 and 你 are inside a sentence (see `extract::run`).

use crate::domain::ids::Person;
use crate::minutes::layout::strip_marker;

/// Words that mark a one-to-one talk in the notes' first line.
const MARKS: &[&str] = &[
    "1:1",
    "1：1",
    "1on1",
    "1-on-1",
    "1 on 1",
    "1v1",
    "one-on-one",
    "One-on-One",
    "一对一",
    "面谈",
];

/// What stands between the two names (`阮清华 × 邬梦婷`, `贺子轩 & 阮清华（主管）`).
const BETWEEN: &[&str] = &["×", "x", "X", "&", "与", "和", "/", "／", "、", "vs", "-", "—"];

/// The two people of a one-to-one talk's notes: the writer (我) and the other (你), named in
/// that order on the first line beside a one-to-one mark.
pub(super) fn pair(lines: &[String], members: &[Person]) -> Option<(String, String)> {
    let first = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
    if !MARKS.iter().any(|m| first.contains(m)) {
        return None;
    }
    let mut named: Vec<(usize, &str)> = members
        .iter()
        .filter_map(|p| first.find(p.name.as_str()).map(|at| (at, p.name.as_str())))
        .collect();
    named.sort_unstable();
    let [(a_at, a), (b_at, b)] = named.as_slice() else {
        return None;
    };
    // Only a sign or a word of pairing between them: `阮清华 × 邬梦婷`.
    let between = first.get(a_at + a.len()..*b_at)?.trim();
    // (Names apart by a space alone leave nothing between them once trimmed.)
    (between.is_empty() || BETWEEN.contains(&between)).then(|| ((*a).to_owned(), (*b).to_owned()))
}

/// The labels and headings of a one-to-one talk's notes with the names written out: `你：把…`
/// → `邬梦婷：把…`, `我要做的` → `阮清华：` (a heading over the speaker's own list).
pub(super) fn name_the_pair(lines: &mut [String], me: &str, you: &str) {
    for line in lines.iter_mut().skip_while(|l| l.trim().is_empty()).skip(1) {
        let body = strip_marker(line.trim()).1;
        let lead = line.len() - line.trim_start().len() + (line.trim().len() - body.len());
        let head = body.trim_end_matches(['：', ':']).trim();
        let who = |w: &str| match w {
            "我" => Some(me),
            "你" => Some(you),
            _ => None,
        };
        // `你要做的`, `我的待办：` alone on their line: the list under them is that person's.
        if let Some((p, rest)) = head.split_at_checked(3)
            && let Some(name) = who(p)
            && ["要做的", "的待办", "的行动项", "的事项", "这边", "的", "要跟进的"].contains(&rest)
        {
            *line = format!("{}{name}：", &line[..lead]);
            continue;
        }
        // `你：报名…`, `我: 约IT…`.
        if let Some(p) = body.get(..3)
            && let Some(name) = who(p)
            && body[3..].starts_with(['：', ':'])
        {
            *line = format!("{}{name}{}", &line[..lead], &body[3..]);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::{name_the_pair, pair};
    use crate::minutes::extract::testkit::person;

    #[test]
    fn a_one_to_one_talk_names_who_is_me_and_who_is_you() {
        let members = [person("阮清华"), person("邬梦婷"), person("贺子轩")];
        let mut lines: Vec<String> = [
            "1:1 记录｜阮清华 × 邬梦婷｜2月11日（周三）",
            "接下来",
            "- 你：把五类常见原因整理成一页，年前发我。",
            "- 我：约IT过一下自动化的可行性。",
            "你要做的",
            "1. 找两封邮件重写，节后第一个工作日发我看。",
            "- 你说最近很忙。",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let (me, you) = pair(&lines, &members).unwrap();
        assert_eq!((me.as_str(), you.as_str()), ("阮清华", "邬梦婷"));
        name_the_pair(&mut lines, &me, &you);
        assert_eq!(lines[2], "- 邬梦婷：把五类常见原因整理成一页，年前发我。");
        assert_eq!(lines[3], "- 阮清华：约IT过一下自动化的可行性。");
        assert_eq!(lines[4], "邬梦婷：");
        assert_eq!(lines[6], "- 你说最近很忙。");
        // The order on the first line decides: the writer is named first.
        let swapped = ["1:1 笔记｜贺子轩 × 阮清华（主管）｜7月22日".to_owned()];
        assert_eq!(pair(&swapped, &members).unwrap().0, "贺子轩");
        // Two names without a one-to-one mark, or three names, are no pair.
        assert!(pair(&["周会｜阮清华 × 邬梦婷".to_owned()], &members).is_none());
        assert!(pair(&["1:1｜阮清华 × 邬梦婷 × 贺子轩".to_owned()], &members).is_none());
    }
}
