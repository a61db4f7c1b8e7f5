//! An English role word written after a name (pure): `— Kelly lead, 阙明辉 support, due 1月9日`,
//! `Leo owner / Vivian backup` read as the Chinese verbs every owner rule knows (`Kelly负责`,
//! `阙明辉配合`), so a role after the name counts as one before it (`owner: Kelly`) does.
//!
//! Only a clause that is exactly one name-like word and the role (after a separator, not at the
//! line's start) is rewritten, a helper's only once the line has named a lead (`owner`, `负责`): a single capitalised Latin word (`Kelly`, `Leo`) or two to four
//! CJK characters, so `Tech lead 张三`, `team lead` and prose (`we lead the review`) stay.

use crate::minutes::scan::is_cjk;

/// Role words naming the one in charge.
const LEAD: &[&str] = &["lead", "owner", "Lead", "Owner", "LEAD", "OWNER", "主导"];
/// Role words naming a helper (not `backup`: on a rota, `某某 primary, 某某 backup` is who stands
/// by, no work given).
const HELP: &[&str] = &[
    "support", "Support", "SUPPORT", "helper", "Helper", "assist", "Assist",
];
/// Where a clause starts or ends.
const SEPARATORS: &[char] = &[',', '，', ';', '；', '—', '–', '/', '、', '(', '（', ')', '）'];

/// `line` with each `NAME role` clause read as `NAME负责` / `NAME配合`.
pub(super) fn rewrite(line: &str) -> String {
    if !line.contains(|c: char| c.is_ascii_alphabetic()) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    let mut first = true;
    let led_before = ["owner", "Owner", "OWNER", "负责", "牵头"];
    while !rest.is_empty() {
        let end = rest.find(SEPARATORS).unwrap_or(rest.len());
        let (clause, tail) = rest.split_at(end);
        let led = led_before.iter().any(|w| out.contains(w));
        match (!first).then(|| read(clause, led)).flatten() {
            Some(read) => out.push_str(&read),
            None => out.push_str(clause),
        }
        let sep_len = tail.chars().next().map_or(0, char::len_utf8);
        out.push_str(tail.get(..sep_len).unwrap_or_default());
        rest = tail.get(sep_len..).unwrap_or_default();
        first = false;
    }
    out
}

/// One clause `NAME role` as `NAME负责` (keeping the spaces around it); a helper's only when
/// `led` (a lead was named before it).
fn read(clause: &str, led: bool) -> Option<String> {
    let trimmed = clause.trim();
    let (name, role) = trimmed.rsplit_once(' ')?;
    let name = name.trim();
    let verb = if LEAD.contains(&role) {
        "负责"
    } else if led && HELP.contains(&role) {
        "配合"
    } else {
        return None;
    };
    if !name_like(name) {
        return None;
    }
    let lead = &clause[..clause.len() - clause.trim_start().len()];
    let trail = &clause[clause.trim_end().len()..];
    Some(format!("{lead}{name}{verb}{trail}"))
}

/// One capitalised Latin word (`Kelly`) or two to four CJK characters (`阙明辉`).
fn name_like(name: &str) -> bool {
    let n = name.chars().count();
    let latin = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphabetic())
        && (2..=12).contains(&n)
        && !["The", "Team", "Tech", "Project", "Product", "QA", "PM", "IT"].contains(&name);
    let cjk = (2..=4).contains(&n) && name.chars().all(is_cjk);
    latin || cjk
}
