//! Where the clause giving someone dated work starts (pure): what is written before it is its
//! background (`新网点装修已基本结束，朱峰、严丽丽清明节前完成验收`).

use super::facts::LineFacts;
use crate::minutes::scan::OwnerHow;

/// The byte offset in `lower` (the line lowercased) of the clause naming `f`'s first owner, when
/// the owner is given dated work; 0 otherwise.
pub(super) fn owner_clause_start(f: &LineFacts<'_>, lower: &str) -> usize {
    // `新网点装修已基本结束，朱峰、严丽丽清明节前完成验收`: what is finished before the clause
    // giving someone dated work is its background.
    f.scan
        .owners
        .first()
        .filter(|_| matches!(f.scan.how, OwnerHow::Strong | OwnerHow::Named) && f.scan.deadline.is_some())
        .and_then(|o| {
            // `Helen` written for `Helen Xu`: the given name.
            let name = o.name().to_lowercase();
            lower.find(&name).map(|at| (at, name.len())).or_else(|| {
                name.split_once(' ')
                    .and_then(|(given, _)| lower.find(&format!("{given} ")).map(|at| (at, given.len())))
            })
        })
        .map_or(0, |(at, len)| {
            // `短信已于9月29日发送全体员工。（某某）`: a name in brackets closing the line says who
            // did or does the whole line, not where its own clause starts.
            let before = lower.get(..at).unwrap_or_default().trim_end();
            let after = lower.get(at + len..).unwrap_or_default();
            if before.ends_with(['（', '('])
                && after.strip_prefix(['）', ')']).is_some_and(|r| {
                    r.trim_start_matches(['）', ')'])
                        .trim_matches(|c: char| c.is_whitespace() || "。.；;".contains(c))
                        .is_empty()
                })
            {
                return 0;
            }
            lower
                .get(..at)
                .and_then(|b| {
                    b.char_indices()
                        .rfind(|(_, c)| matches!(c, '，' | ',' | '。' | '；'))
                })
                .map_or(0, |(i, c)| i + c.len_utf8())
        })
}
