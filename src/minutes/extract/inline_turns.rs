//! Transcript turns written on their speaker's line (pure): `解明远 01:40 小芮，…你安排一下`,
//! `Kevin 00:01:02 …` — the label, a clock time, then what was said, rather than the label and
//! time on a line of their own. When three or more lines have this shape, each is rewritten to
//! the bracketed form the transcript reading knows (`[01:40] 解明远：小芮，…`).

/// Whether `s` is a clock time (`01:40`, `00:01:02`, `[01:40]`).
fn is_stamp(s: &str) -> bool {
    let s = s
        .strip_prefix(['[', '【', '（', '('])
        .and_then(|r| r.strip_suffix([']', '】', '）', ')']))
        .unwrap_or(s);
    let parts: Vec<&str> = s.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// A speaker's label: words and names (`解明远`, `Kevin 叶凯`, `老王（风控）`), digits only after
/// `发言人`/`说话人`/`Speaker` — not a heading or a step (`### 步骤1`).
fn is_label(label: &str) -> bool {
    let numbered = ["发言人", "说话人", "Speaker", "speaker"]
        .iter()
        .any(|w| label.starts_with(w));
    label.chars().all(|c| {
        crate::minutes::scan::is_cjk(c)
            || c.is_ascii_alphabetic()
            || matches!(c, ' ' | '（' | '）' | '(' | ')' | '·')
            || (numbered && c.is_ascii_digit())
    })
}

/// `解明远 01:40 小芮，…` → (`解明远`, `01:40`, `小芮，…`).
fn turn(line: &str) -> Option<(&str, &str, &str)> {
    let t = line.trim();
    let mut at = 0;
    for (i, word) in t.split(' ').enumerate() {
        let start = at;
        at += word.len() + 1;
        if i == 0 || !is_stamp(word) {
            continue;
        }
        let label = t[..start].trim();
        let said = t.get(at..)?.trim();
        let bare = word.trim_matches(['[', ']', '【', '】', '（', '）', '(', ')']);
        return ((1..=16).contains(&label.chars().count()) && is_label(label) && !said.is_empty())
            .then_some((label, bare, said));
    }
    None
}

/// Rewrites the turns of `lines` (see the module's text).
pub(super) fn bracket_inline_turns(lines: &mut [String]) {
    if lines.iter().filter(|l| turn(l).is_some()).count() < 3 {
        return;
    }
    for line in lines.iter_mut() {
        if let Some((who, at, said)) = turn(line) {
            *line = format!("[{at}] {who}：{said}");
        }
    }
}
