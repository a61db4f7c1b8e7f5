//! A time slot left without a date in a dash row (pure): `停车位重新分配方案 —— 某某 —— 下下周`,
//! `… —— 某某 —— 下月`: the row's last field is where the writer puts the work's time, and it
//! holds a time word no calendar date follows from — the row is work, its day still open.

/// The dashes that part a row's fields.
const DASHES: &[&str] = &["——", "—", "--", "－－"];

/// Units of time a slot's words are made of (`下下周`, `下个月`, `近两天`, `年内`).
const TIME_WORDS: &[char] = &['周', '月', '天', '季', '年', '旬', '期'];

/// Whether `raw` is a row of three or more dash-parted fields whose last one is a short time
/// word (`下下周`, `下个月`, `近期`), not a date.
pub(super) fn time_slot_without_date(raw: &str) -> bool {
    let Some(dash) = DASHES.iter().find(|d| raw.contains(*d)) else {
        return false;
    };
    let fields: Vec<&str> = raw.split(dash).map(str::trim).collect();
    let last = fields
        .last()
        .map(|l| l.trim_end_matches(['。', '.', ' ', '；', ';']))
        .unwrap_or_default();
    let n = last.chars().count();
    fields.len() >= 3
        && fields.iter().all(|f| !f.is_empty())
        && (2..=5).contains(&n)
        && last.chars().any(|c| TIME_WORDS.contains(&c))
        && !last.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::time_slot_without_date;

    #[test]
    fn a_time_slot_without_a_date() {
        assert!(time_slot_without_date("2. 会议室改造方案 —— 韩梅 —— 下下周"));
        assert!(time_slot_without_date("档案数字化 —— 韩梅 —— 下个月"));
        assert!(!time_slot_without_date("档案数字化 —— 韩梅 —— 3月5日"));
        assert!(!time_slot_without_date("档案数字化 —— 韩梅"));
        assert!(!time_slot_without_date(
            "档案数字化 —— 韩梅 —— 负责牵头协调各部门"
        ));
    }
}
