//! Times of day in a table's cells (pure): an hour-by-hour plan (`| 19:30 | 停止接入 | 某某 |`).

/// `19:30`, `00:10`, `20:00-23:00`: a time of day (or a span of them), alone in a cell.
pub(super) fn is_clock_time(cell: &str) -> bool {
    let one = |t: &str| {
        let t = t.trim();
        t.split_once([':', '：']).is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().all(|c| c.is_ascii_digit())
                && m.chars().all(|c| c.is_ascii_digit())
        })
    };
    // (`—`, an empty cell's dash, holds no time.)
    let parts: Vec<&str> = cell
        .split(['-', '–', '—', '~', '～', '至'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| one(p))
}
