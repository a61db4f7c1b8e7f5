//! Time limits the deadline parser does not read but people write (pure): `周内` alone
//! (`某某周内与对方对接课件`, "within the week"), which the conventions leave out (only
//! `本周内` / `这周内` / `这周`). It is shown as a refused deadline (截止待定) that still says when.

/// A bare `周内` (not `本周内`, `两周内`, `下周内`, which the parser reads): its words.
pub(super) fn bare_week_limit(chars: &[char]) -> Option<String> {
    (0..chars.len()).find_map(|i| {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let bare = chars.get(i) == Some(&'周')
            && chars.get(i + 1) == Some(&'内')
            && !before
                .is_some_and(|c| c.is_ascii_digit() || "本这下上一二三四五六七八九十两个每当".contains(c));
        bare.then(|| "周内".to_owned())
    })
}

/// Whether the window `start..end` overlaps a range of months (`1-11月`, `4～6月`): a period
/// the figures cover, not a date (`1-11` is no `1月11日`).
pub(super) fn in_month_range(chars: &[char], start: usize, end: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars.iter().enumerate().any(|(p, c)| {
        if !"-–~～".contains(*c) || p == 0 || !digit(p - 1) || !digit(p + 1) {
            return false;
        }
        let first = (0..p).rev().take_while(|i| digit(*i)).last().unwrap_or(p);
        let last = (p + 1..chars.len()).take_while(|i| digit(*i)).last().unwrap_or(p);
        chars.get(last + 1) == Some(&'月') && start <= last + 1 && end > first
    })
}
