//! A deadline shared at the end of the line (pure): `某甲负责A；某乙负责B；均于本周五前完成。`,
//! `某甲：A；B；都在8月14日前。` — the last `；` piece dates every piece before it. The date is
//! written into each piece (`某甲负责A，本周五前完成；…`) and the shared piece dropped; a piece
//! that opens with no one of its own (`B` after `某甲：A`) is given the colon's owner
//! (`某甲负责B`, not a second `某甲：` that would read as a turn), so each piece reads as one task.

/// Words that say the date holds for every piece (`均`, `都`, `统一`, `一律`, `全部`).
pub(super) const ALL: &[&str] = &["均", "都", "统一", "一律", "全部", "皆", "同样"];

/// `以上两项…`, `两件…` → `…`: a closing piece without the words counting the pieces.
pub(super) fn after_count(piece: &str) -> &str {
    piece
        .trim_start_matches(['以', '上'])
        .trim_start_matches(['两', '二', '三', '四', '几', '各'])
        .trim_start_matches(['项', '件'])
}

/// `都在周五前` → `周五前`, `均须于3月20日前完成` → `3月20日前完成`: what follows a word saying the
/// date holds for every piece (and the `须`/`于` after it), if the piece opens with one.
pub(super) fn after_all(s: &str) -> Option<&str> {
    let mut s = ALL.iter().find_map(|w| s.strip_prefix(w))?;
    for words in [&["请", "须", "需", "要"][..], &["于", "在"]] {
        if let Some(r) = words.iter().find_map(|w| s.strip_prefix(w)) {
            s = r;
        }
    }
    Some(s)
}

/// `均于本周五前完成` → `本周五前完成`: the date said for every piece before it.
fn shared_tail(piece: &str) -> Option<String> {
    let s = after_all(after_count(piece.trim().trim_end_matches(['。', '.', '；', ';'])))?;
    let n = s.chars().count();
    let due = [
        "前完成",
        "前办结",
        "前提交",
        "前反馈",
        "内完成",
        "前",
        "天内",
        "日内",
        "周内",
        "月内",
    ]
    .iter()
    .any(|w| s.ends_with(w));
    ((2..=16).contains(&n) && due && !s.contains(['，', ',', '：', ':'])).then(|| s.to_owned())
}

/// `某甲：A` → `某甲`: the owner a piece opens with before a colon (a short name).
fn colon_owner(piece: &str) -> Option<&str> {
    let (who, work) = piece.split_once(['：', ':'])?;
    let who = who.trim();
    let n = who.chars().count();
    ((2..=4).contains(&n)
        && who
            .chars()
            .all(|c| !c.is_ascii_punctuation() && !c.is_whitespace())
        && work.trim().chars().count() >= 2)
        .then_some(who)
}

/// Writes a shared end-of-line date into each `；` piece before it.
pub(super) fn spread_shared_tails(lines: &mut [String]) {
    for line in lines.iter_mut() {
        let body = line.trim_end().trim_end_matches(['。', '.']);
        let pieces: Vec<&str> = body.split(['；', ';']).collect();
        if pieces.len() < 3 {
            continue;
        }
        let Some((last, work)) = pieces.split_last() else {
            continue;
        };
        let Some(due) = shared_tail(last) else {
            continue;
        };
        if work.iter().any(|p| p.trim().chars().count() < 2) {
            continue;
        }
        let owner = work.first().and_then(|p| colon_owner(p.trim()));
        let spread: Vec<String> = work
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let p = p.trim_end();
                match owner {
                    Some(who) if i > 0 && colon_owner(p.trim()).is_none() => {
                        format!("{who}负责{}，{due}", p.trim())
                    }
                    _ => format!("{p}，{due}"),
                }
            })
            .collect();
        *line = format!("{}。", spread.join("；"));
    }
}

#[cfg(test)]
mod tests {
    use super::{shared_tail, spread_shared_tails};

    #[test]
    fn a_shared_tail_dates_each_piece() {
        assert_eq!(shared_tail("均于本周五前完成。").as_deref(), Some("本周五前完成"));
        assert_eq!(shared_tail("都在8月14日前").as_deref(), Some("8月14日前"));
        assert_eq!(
            shared_tail("以上两项均须于月底前完成").as_deref(),
            Some("月底前完成")
        );
        assert_eq!(shared_tail("均已完成"), None);
        let mut lines = vec!["韩梅：更新台账；复核名单；均在5月8日前。".to_owned()];
        spread_shared_tails(&mut lines);
        assert_eq!(lines[0], "韩梅：更新台账，5月8日前；韩梅负责复核名单，5月8日前。");
    }
}
