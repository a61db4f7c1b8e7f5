//! Times of day in a table's cells (pure): an hour-by-hour plan (`| 19:30 | 停止接入 | 某某 |`),
//! or a countdown to the start of a cut-over (`| T-3h+00m | 确认备库 | 某某 |`).

/// `19:30`, `00:10`, `20:00-23:00`: a time of day (or a span of them), alone in a cell.
pub(super) fn is_clock_time(cell: &str) -> bool {
    if is_countdown(cell) {
        return true;
    }
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

/// `T-3h`, `T-3h+15m`, `T+30min`: a time of the night counted from the hour a cut-over starts.
/// (Days counted from an issue date, `T-5`, `T+1d`, `D-1`, are a timetable of work over days.)
fn is_countdown(cell: &str) -> bool {
    let Some(rest) = cell.trim().strip_prefix('T') else {
        return false;
    };
    let mut chars = rest.chars().peekable();
    let mut terms = 0;
    while let Some(sign) = chars.next() {
        if !matches!(sign, '+' | '-' | '−' | '－') {
            return false;
        }
        let mut digits = 0;
        while chars.next_if(char::is_ascii_digit).is_some() {
            digits += 1;
        }
        let mut unit = String::new();
        while let Some(c) = chars.next_if(char::is_ascii_alphabetic) {
            unit.push(c);
        }
        if digits == 0 || !["h", "m", "min"].contains(&unit.as_str()) {
            return false;
        }
        terms += 1;
    }
    terms > 0
}

#[cfg(test)]
mod tests {
    use super::is_clock_time;

    #[test]
    fn times_of_day_and_countdowns_are_clock_times() {
        for cell in ["19:30", "20:00-23:00", "T-3h+00m", "T+30min", "T+2h+15m", "T-45m"] {
            assert!(is_clock_time(cell), "{cell}");
        }
        // Days before an issue date are days of work, not hours of one night.
        for cell in [
            "—", "Top10", "TA", "T-", "D+x", "3月5日", "T-3周", "DNS", "T-5", "T+1d", "D-1", "T0",
        ] {
            assert!(!is_clock_time(cell), "{cell}");
        }
    }
}
